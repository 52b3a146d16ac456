//! The chart's DOM around its canvases. All data-derived text goes in through
//! `textContent`, never as markup, so nothing in a data file can run.

use crate::figure_markup::{class, Node};
use crate::phrasebook::numbers::number_text;
use crate::view::ViewKind;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

/// A step of building or writing the chart's elements that could not be done, by what went
/// wrong. `step` says what was being done, such as `creating <h2 class="rankclimb-title">`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomError {
    /// The browser refused the call; `detail` keeps its own words.
    #[error("{step} failed: {detail}")]
    Refused { step: String, detail: String },
    /// An element the chart's markup should hold is not there.
    #[error("{step} failed: the chart's markup has no such element")]
    Missing { step: String },
    /// An element is not of the type the step needs.
    #[error("{step} failed: the element is not of the expected type")]
    WrongType { step: String },
}

/// Name the step a browser call was for, keeping the browser's own words.
pub(super) trait Step<T> {
    fn step(self, what: std::fmt::Arguments) -> Result<T, DomError>;
}

impl<T> Step<T> for Result<T, JsValue> {
    fn step(self, what: std::fmt::Arguments) -> Result<T, DomError> {
        self.map_err(|e| refused(&e, what))
    }
}

impl<T> Step<T> for Result<T, Element> {
    fn step(self, what: std::fmt::Arguments) -> Result<T, DomError> {
        self.map_err(|_| DomError::WrongType {
            step: what.to_string(),
        })
    }
}

/// A refused browser call, named by `what` it was for.
pub(super) fn dom_refused(e: &JsValue, what: &str) -> DomError {
    refused(e, format_args!("{what}"))
}

/// One copy of the error's making, whatever the step's result type.
fn refused(e: &JsValue, what: std::fmt::Arguments) -> DomError {
    DomError::Refused {
        step: what.to_string(),
        detail: e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "the browser refused".to_string()),
    }
}

/// A length in CSS pixels, as a style property takes it ("460px"), its number written
/// without core's float formatting.
pub(super) fn css_px(v: f64) -> String {
    format!("{}px", number_text(v))
}

pub fn el(doc: &Document, tag: &str, class: &str) -> Result<Element, DomError> {
    let e = doc
        .create_element(tag)
        .step(format_args!("creating <{tag} class=\"{class}\">"))?;
    e.set_class_name(class);
    Ok(e)
}

fn html(doc: &Document, tag: &str, class: &str) -> Result<HtmlElement, DomError> {
    el(doc, tag, class)?.dyn_into().step(format_args!(
        "using <{tag} class=\"{class}\"> as an HTML element"
    ))
}

fn new_canvas(doc: &Document, class: &str) -> Result<HtmlCanvasElement, DomError> {
    el(doc, "canvas", class)?
        .dyn_into()
        .step(format_args!("using <canvas class=\"{class}\"> as a canvas"))
}

pub(super) fn set(e: &Element, name: &str, value: &str) -> Result<(), DomError> {
    e.set_attribute(name, value).map_err(|err| {
        refused(
            &err,
            format_args!("setting {name}=\"{value}\" on <{}>", e.tag_name()),
        )
    })
}

pub(super) fn put_together(r: Result<(), JsValue>, what: &str) -> Result<(), DomError> {
    r.step(format_args!("putting together the {what}"))
}

/// One canvas with its own tooltip, and its heading when it is a panel.
pub struct SurfaceDom {
    pub kind: ViewKind,
    pub stage: HtmlElement,
    pub canvas: HtmlCanvasElement,
    /// Off-page canvas holding what does not move, copied under every frame.
    pub still: HtmlCanvasElement,
    /// Off-page canvas holding the swept marks in their final state; each frame copies
    /// the part left of the line's tip (see `view::swept_x`).
    pub swept: HtmlCanvasElement,
    pub tooltip: HtmlElement,
    /// The tooltip's parts, made once and rewritten on each hover: creating them afresh
    /// was a third of the DOM calls of a hover.
    pub tooltip_heading: Element,
    pub tooltip_lines: std::cell::RefCell<Vec<Element>>,
    pub heading: Option<(Element, Element)>,
    /// The box that holds the plot's place until the canvas's first drawing: the still
    /// drawn at build time, or an empty box of the same size. `show_canvas` swaps it out.
    pub placeholder: std::cell::RefCell<Option<Element>>,
}

impl SurfaceDom {
    /// Put the canvas where the placeholder was, once it has been drawn: in the same task
    /// as the drawing, so the reader sees the still and then the same picture, live.
    pub fn show_canvas(&self) -> Result<(), DomError> {
        if let Some(p) = self.placeholder.borrow_mut().take() {
            p.replace_with_with_node_1(&self.canvas)
                .step(format_args!("putting the canvas in the still's place"))?;
        }
        Ok(())
    }
}

pub struct Dom {
    pub figure: HtmlElement,
    pub title: Element,
    pub subtitle: Element,
    pub lang_button: HtmlElement,
    pub replay_button: HtmlElement,
    pub table_button: HtmlElement,
    pub csv_button: HtmlElement,
    /// The figures as tables: always there for screen readers, shown on request.
    pub tables: Element,
    pub surfaces: Vec<SurfaceDom>,
    pub live: Element,
    pub notes: Element,
    pub sources: Element,
    /// The callouts' words, numbered, under the rank chart: shown where the chart draws
    /// numbered markers instead of the words (narrow charts).
    pub callout_notes: Element,
}

/// Make the elements of `node` (its still aside: only the build draws those).
pub(super) fn build_node(doc: &Document, node: &Node) -> Result<Element, DomError> {
    let e = el(doc, node.tag, &node.class)?;
    for (name, value) in &node.attrs {
        set(&e, name, value)?;
    }
    if let Some(t) = &node.text {
        e.set_text_content(Some(t));
    }
    if let (Some(h), Some(e)) = (node.height, e.dyn_ref::<HtmlElement>()) {
        e.style()
            .set_property("height", &css_px(h))
            .step(format_args!(
                "sizing <{} class=\"{}\">",
                node.tag, node.class
            ))?;
    }
    for c in &node.children {
        let child = build_node(doc, c)?;
        put_together(e.append_with_node_1(&child), node.tag)?;
    }
    Ok(e)
}

/// The one element of `class` inside `root`.
pub(super) fn part(root: &Element, class: &str) -> Result<Element, DomError> {
    root.query_selector(&format!(".{class}"))
        .step(format_args!("finding .{class}"))?
        .ok_or_else(|| DomError::Missing {
            step: format!("finding .{class}"),
        })
}

fn part_html(root: &Element, class: &str) -> Result<HtmlElement, DomError> {
    part(root, class)?
        .dyn_into()
        .step(format_args!("using .{class} as an HTML element"))
}

pub(super) fn all(root: &Element, selector: &str) -> Result<Vec<Element>, DomError> {
    let list = root
        .query_selector_all(selector)
        .step(format_args!("finding {selector}"))?;
    Ok((0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect())
}

fn surface(doc: &Document, kind: ViewKind, stage: Element) -> Result<SurfaceDom, DomError> {
    let stage: HtmlElement = stage
        .dyn_into()
        .step(format_args!("using a stage as an HTML element"))?;
    let canvas = new_canvas(doc, "rankclimb-canvas")?;
    set(&canvas, "tabindex", "0")?;
    set(&canvas, "role", "img")?;
    let tooltip = html(doc, "div", "rankclimb-tooltip")?;
    set(&tooltip, "aria-hidden", "true")?;
    tooltip.set_hidden(true);
    let tooltip_heading = el(doc, "strong", "rankclimb-tooltip-heading")?;
    tooltip
        .append_child(&tooltip_heading)
        .step(format_args!("putting together the tooltip"))?;
    let placeholder = stage
        .query_selector(&format!(":scope > .{}", class::STILL))
        .step(format_args!("finding the still"))?;
    if placeholder.is_none() {
        put_together(stage.append_with_node_1(&canvas), "canvas stage")?;
    }
    put_together(stage.append_with_node_1(&tooltip), "canvas stage")?;
    let heading = match kind {
        ViewKind::Rank => None,
        ViewKind::Panel(_) => {
            let section = stage.parent_element().ok_or_else(|| DomError::Missing {
                step: "finding a panel's section (the stage's parent)".to_string(),
            })?;
            Some((
                part(&section, class::PANEL_TITLE)?,
                part(&section, class::PANEL_SUBTITLE)?,
            ))
        }
    };
    Ok(SurfaceDom {
        kind,
        stage,
        canvas,
        still: new_canvas(doc, "")?,
        swept: new_canvas(doc, "")?,
        tooltip,
        tooltip_heading,
        tooltip_lines: Default::default(),
        heading,
        placeholder: std::cell::RefCell::new(placeholder),
    })
}

impl Dom {
    /// Take over the figure `cargo xtask dist` wrote into `container` (the same nodes stay
    /// on the page: no new paint, no jump), or build it from `description` where there is
    /// none or it has other plots than `kinds`.
    pub fn adopt_or_build(
        doc: &Document,
        container: &Element,
        description: &Node,
        kinds: &[ViewKind],
    ) -> Result<Dom, DomError> {
        let found = container
            .query_selector(&format!(":scope > figure.{}", class::FIGURE))
            .step(format_args!("finding a prerendered figure"))?;
        let stage_selector = format!(".{}", class::STAGE);
        // Only a first look no chart has taken yet: each plot's box still holds its still.
        let still_selector = format!(".{} > .{}", class::STAGE, class::STILL);
        let adoptable = match &found {
            Some(f) => {
                all(f, &stage_selector)?.len() == kinds.len()
                    && all(f, &still_selector)?.len() == kinds.len()
            }
            None => false,
        };
        let figure = match found {
            Some(f) if adoptable => f,
            _ => {
                let f = build_node(doc, description)?;
                container.replace_children_with_node_1(&f);
                f
            }
        };
        let figure: HtmlElement = figure
            .dyn_into()
            .step(format_args!("using the figure as an HTML element"))?;
        let surfaces = kinds
            .iter()
            .zip(all(&figure, &stage_selector)?)
            .map(|(&k, stage)| surface(doc, k, stage))
            .collect::<Result<Vec<_>, _>>()?;
        let dom = Dom {
            title: part(&figure, class::TITLE)?,
            subtitle: part(&figure, class::SUBTITLE)?,
            lang_button: part_html(&figure, class::LANG)?,
            replay_button: part_html(&figure, class::REPLAY)?,
            table_button: part_html(&figure, class::TABLE_TOGGLE)?,
            csv_button: part_html(&figure, class::CSV)?,
            tables: part(&figure, class::TABLES)?,
            live: part(&figure, class::LIVE)?,
            notes: part(&figure, class::NOTES)?,
            sources: part(&figure, class::SOURCES)?,
            callout_notes: part(&figure, class::CALLOUT_NOTES)?,
            surfaces,
            figure,
        };
        for b in [
            &dom.lang_button,
            &dom.replay_button,
            &dom.table_button,
            &dom.csv_button,
        ] {
            b.remove_attribute("disabled")
                .step(format_args!("enabling a button"))?;
        }
        Ok(dom)
    }

    /// Open every disclosure, for print.
    pub fn open_for_print(&self) -> Result<(), DomError> {
        let all = self
            .notes
            .query_selector_all("details")
            .step(format_args!("finding the disclosures"))?;
        for i in 0..all.length() {
            if let Some(d) = all.item(i) {
                d.dyn_ref::<Element>()
                    .map_or(Ok(()), |d| set(d, "open", ""))?;
            }
        }
        Ok(())
    }

    /// Show or hide the tables for sighted readers; screen readers always have them. Shown,
    /// they scroll sideways on a phone, so their region takes keyboard focus; hidden, it
    /// must not.
    pub fn toggle_tables(&self) -> Result<(), DomError> {
        let open = self.table_button.get_attribute("aria-expanded").as_deref() == Some("true");
        set(
            &self.table_button,
            "aria-expanded",
            if open { "false" } else { "true" },
        )?;
        if open {
            self.tables
                .remove_attribute("tabindex")
                .step(format_args!("taking the tables out of the tab order"))?;
        } else {
            set(&self.tables, "tabindex", "0")?;
        }
        self.tables
            .class_list()
            .toggle("rankclimb-sr-only")
            .map(|_| ())
            .step(format_args!("showing or hiding the tables"))
    }
}

/// Put the reader's one-sentence `message` where the chart would be, and the author's
/// `details` in the console (a reader never sees file paths, JSON paths or the browser's
/// words).
pub fn show_error(doc: &Document, container: &Element, message: &str, details: &[String]) {
    let shown = (|| -> Result<(), DomError> {
        let box_ = el(doc, "div", "rankclimb-error")?;
        set(&box_, "role", "alert")?;
        let p = el(doc, "p", "rankclimb-error-message")?;
        p.set_text_content(Some(message));
        put_together(box_.append_with_node_1(&p), "error message")?;
        container.replace_children_with_node_1(&box_);
        Ok(())
    })();
    let shown = shown.map_or_else(|e| format!(" (not shown: {e})"), |_| String::new());
    web_sys::console::error_1(
        &format!(
            "rankclimb: {message}{shown}\n  - {}",
            details.join("\n  - ")
        )
        .into(),
    );
}
