//! The chart's DOM around its canvases. All data-derived text goes in through
//! `textContent`, never as markup, so nothing in a data file can run.

use crate::lang::controls::{buttons, keyboard_hint, sources_summary, tap_hint};
use crate::lang::peers::places_key_hint;
use crate::lang::Lang;
use crate::model::Model;
use crate::view::ViewKind;
use crate::words::{all_sources_line, callout_texts, note_lines, table::Table, title};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

/// A step of building or writing the chart's elements that the browser refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{step} failed: {detail}")]
pub struct DomError {
    /// What was being done, such as `creating <h2 class="rankclimb-title">`.
    pub step: String,
    pub detail: String,
}

/// Name the step a browser call was for, keeping the browser's own words.
trait Step<T> {
    fn step(self, what: std::fmt::Arguments) -> Result<T, DomError>;
}

impl<T> Step<T> for Result<T, JsValue> {
    fn step(self, what: std::fmt::Arguments) -> Result<T, DomError> {
        self.map_err(|e| refused(&e, what))
    }
}

impl<T> Step<T> for Result<T, Element> {
    fn step(self, what: std::fmt::Arguments) -> Result<T, DomError> {
        self.map_err(|_| DomError {
            step: what.to_string(),
            detail: "the element is not of the expected type".to_string(),
        })
    }
}

/// One copy of the error's making, whatever the step's result type.
fn refused(e: &JsValue, what: std::fmt::Arguments) -> DomError {
    DomError {
        step: what.to_string(),
        detail: e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "the browser refused".to_string()),
    }
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

fn set(e: &Element, name: &str, value: &str) -> Result<(), DomError> {
    e.set_attribute(name, value).map_err(|err| {
        refused(
            &err,
            format_args!("setting {name}=\"{value}\" on <{}>", e.tag_name()),
        )
    })
}

fn put_together(r: Result<(), JsValue>, what: &str) -> Result<(), DomError> {
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
    /// The callouts' words, numbered, under the rank chart: shown where the chart draws
    /// numbered markers instead of the words (narrow charts).
    pub callout_notes: Element,
}

fn surface(doc: &Document, kind: ViewKind) -> Result<SurfaceDom, DomError> {
    let stage = html(doc, "div", "rankclimb-stage")?;
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
    put_together(stage.append_with_node_2(&canvas, &tooltip), "canvas stage")?;
    let heading = match kind {
        ViewKind::Rank => None,
        ViewKind::Panel(_) => Some((
            el(doc, "h3", "rankclimb-panel-title")?,
            el(doc, "p", "rankclimb-panel-subtitle")?,
        )),
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
    })
}

impl Dom {
    pub fn build(doc: &Document, container: &Element, kinds: &[ViewKind]) -> Result<Dom, DomError> {
        let figure = html(doc, "figure", "rankclimb")?;
        let header = el(doc, "div", "rankclimb-header")?;
        let title = el(doc, "h2", "rankclimb-title")?;
        let button = |class: &str| -> Result<HtmlElement, DomError> {
            let b = html(doc, "button", class)?;
            set(&b, "type", "button")?;
            Ok(b)
        };
        let lang_button = button("rankclimb-lang")?;
        let replay_button = button("rankclimb-replay")?;
        let table_button = button("rankclimb-table-toggle")?;
        set(&table_button, "aria-expanded", "false")?;
        let csv_button = button("rankclimb-csv")?;
        let actions = el(doc, "div", "rankclimb-actions")?;
        put_together(
            actions.append_with_node_4(&replay_button, &table_button, &csv_button, &lang_button),
            "buttons",
        )?;
        let tables = el(doc, "div", "rankclimb-tables rankclimb-sr-only")?;
        set(&tables, "role", "region")?;
        let subtitle = el(doc, "p", "rankclimb-subtitle")?;
        let live = el(doc, "div", "rankclimb-live")?;
        set(&live, "aria-live", "polite")?;
        set(&live, "role", "status")?;
        let notes = el(doc, "figcaption", "rankclimb-notes")?;
        put_together(header.append_with_node_2(&title, &actions), "header")?;
        put_together(figure.append_with_node_2(&header, &subtitle), "figure")?;
        let surfaces: Vec<SurfaceDom> = kinds
            .iter()
            .map(|&k| surface(doc, k))
            .collect::<Result<_, _>>()?;
        let grid = el(doc, "div", "rankclimb-panels")?;
        let callout_notes = el(doc, "ol", "rankclimb-callout-notes")?;
        for s in &surfaces {
            match &s.heading {
                None => put_together(
                    figure.append_with_node_2(&s.stage, &callout_notes),
                    "rank chart",
                )?,
                Some((h, p)) => {
                    let section = el(doc, "section", "rankclimb-panel")?;
                    put_together(section.append_with_node_3(h, p, &s.stage), "panel")?;
                    grid.append_child(&section)
                        .step(format_args!("putting a panel in the grid"))?;
                }
            };
        }
        put_together(
            figure.append_with_node_4(&grid, &live, &notes, &tables),
            "figure",
        )?;
        container.replace_children_with_node_1(&figure);
        Ok(Dom {
            figure,
            title,
            subtitle,
            lang_button,
            replay_button,
            table_button,
            csv_button,
            tables,
            surfaces,
            live,
            notes,
            callout_notes,
        })
    }

    /// Every text that depends on the language; `labels` are each canvas's accessible text.
    pub fn write_texts(
        &self,
        doc: &Document,
        model: &Model,
        lang: Lang,
        labels: &[String],
    ) -> Result<(), DomError> {
        self.title.set_text_content(Some(&title(model, lang)));
        self.subtitle
            .set_text_content(model.subtitle.as_ref().map(|s| s.get(lang)));
        set(&self.figure, "lang", lang.tag())?;
        let words = buttons(lang);
        self.lang_button.set_text_content(Some(words.language));
        set(&self.lang_button, "aria-label", words.language_name)?;
        self.replay_button.set_text_content(Some(words.replay));
        self.table_button.set_text_content(Some(words.table));
        self.csv_button.set_text_content(Some(words.csv));
        set(&self.tables, "aria-label", words.table)?;
        let hint = keyboard_hint(lang);
        for (s, text) in self.surfaces.iter().zip(labels) {
            let places = match s.kind {
                ViewKind::Rank if !model.ranking.peers.is_empty() => places_key_hint(lang),
                _ => "",
            };
            set(&s.canvas, "aria-label", &format!("{text}{hint}{places}"))?;
            set(&s.stage, "data-hint", tap_hint(lang))?;
            if let (Some((h, p)), ViewKind::Panel(i)) = (&s.heading, s.kind) {
                if let Some(panel) = model.panels.get(i) {
                    h.set_text_content(Some(panel.title.get(lang)));
                    p.set_text_content(panel.subtitle.as_ref().map(|t| t.get(lang)));
                }
            }
        }

        self.callout_notes.set_text_content(None);
        for note in callout_texts(model, lang) {
            let item = el(doc, "li", "")?;
            item.set_text_content(Some(note));
            put_together(
                self.callout_notes.append_with_node_1(&item),
                "callout notes",
            )?;
        }
        self.notes.set_text_content(None);
        for note in note_lines(model, lang) {
            let line = el(doc, "p", "rankclimb-note")?;
            line.set_text_content(Some(&note));
            put_together(self.notes.append_with_node_1(&line), "notes")?;
        }
        // The sources, a wall of text on a phone, behind a disclosure that needs no script
        // (and is opened for print).
        let sources = el(doc, "details", "rankclimb-sources")?;
        let summary = el(doc, "summary", "")?;
        summary.set_text_content(Some(&sources_summary(model.sources.len(), lang)));
        let line = el(doc, "p", "rankclimb-source")?;
        line.set_text_content(Some(&all_sources_line(model, lang)));
        put_together(sources.append_with_node_2(&summary, &line), "sources")?;
        put_together(self.notes.append_with_node_1(&sources), "notes")
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

    pub fn write_tables(&self, doc: &Document, tables: &[Table]) -> Result<(), DomError> {
        self.tables.set_text_content(None);
        for t in tables {
            let table = el(doc, "table", "")?;
            let caption = el(doc, "caption", "")?;
            let head = el(doc, "thead", "")?;
            let body = el(doc, "tbody", "")?;
            caption.set_text_content(Some(&t.caption));
            let row = |cells: &[String], header: bool| -> Result<Element, DomError> {
                let tr = el(doc, "tr", "")?;
                for (i, c) in cells.iter().enumerate() {
                    // The first cell names the row for screen readers.
                    let cell = el(doc, if header || i == 0 { "th" } else { "td" }, "")?;
                    if header {
                        set(&cell, "scope", "col")?;
                    } else if i == 0 {
                        set(&cell, "scope", "row")?;
                    }
                    cell.set_text_content(Some(c));
                    put_together(tr.append_with_node_1(&cell), "table row")?;
                }
                Ok(tr)
            };
            let tr = row(&t.head, true)?;
            put_together(head.append_with_node_1(&tr), "table head")?;
            for r in &t.rows {
                let tr = row(r, false)?;
                put_together(body.append_with_node_1(&tr), "table body")?;
            }
            put_together(table.append_with_node_3(&caption, &head, &body), "table")?;
            put_together(self.tables.append_with_node_1(&table), "tables")?;
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
