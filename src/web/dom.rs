//! The chart's DOM around its canvases. All data-derived text goes in through
//! `textContent`, never as markup, so nothing in a data file can run.

use crate::describe::Readout;
use crate::model::{Lang, Model};
use crate::view::ViewKind;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

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
    tooltip_heading: Element,
    tooltip_lines: std::cell::RefCell<Vec<Element>>,
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
}

pub fn el(doc: &Document, tag: &str, class: &str) -> Option<Element> {
    let e = doc.create_element(tag).ok()?;
    e.set_class_name(class);
    Some(e)
}

fn html(doc: &Document, tag: &str, class: &str) -> Option<HtmlElement> {
    el(doc, tag, class)?.dyn_into().ok()
}

fn surface(doc: &Document, kind: ViewKind) -> Option<SurfaceDom> {
    let stage = html(doc, "div", "rankclimb-stage")?;
    let canvas: HtmlCanvasElement = el(doc, "canvas", "rankclimb-canvas")?.dyn_into().ok()?;
    canvas.set_attribute("tabindex", "0").ok()?;
    canvas.set_attribute("role", "img").ok()?;
    let tooltip = html(doc, "div", "rankclimb-tooltip")?;
    tooltip.set_attribute("aria-hidden", "true").ok()?;
    tooltip.set_hidden(true);
    let tooltip_heading = el(doc, "strong", "rankclimb-tooltip-heading")?;
    tooltip.append_child(&tooltip_heading).ok()?;
    stage.append_with_node_2(&canvas, &tooltip).ok()?;
    let heading = match kind {
        ViewKind::Rank => None,
        ViewKind::Panel(_) => Some((
            el(doc, "h3", "rankclimb-panel-title")?,
            el(doc, "p", "rankclimb-panel-subtitle")?,
        )),
    };
    let still: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    let swept: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    Some(SurfaceDom {
        kind,
        stage,
        canvas,
        still,
        swept,
        tooltip,
        tooltip_heading,
        tooltip_lines: Default::default(),
        heading,
    })
}

impl Dom {
    pub fn build(doc: &Document, container: &Element, kinds: &[ViewKind]) -> Option<Dom> {
        let figure = html(doc, "figure", "rankclimb")?;
        let header = el(doc, "div", "rankclimb-header")?;
        let title = el(doc, "h2", "rankclimb-title")?;
        let button = |class: &str| -> Option<HtmlElement> {
            let b = html(doc, "button", class)?;
            b.set_attribute("type", "button").ok()?;
            Some(b)
        };
        let lang_button = button("rankclimb-lang")?;
        let replay_button = button("rankclimb-replay")?;
        let table_button = button("rankclimb-table-toggle")?;
        table_button.set_attribute("aria-expanded", "false").ok()?;
        let csv_button = button("rankclimb-csv")?;
        let actions = el(doc, "div", "rankclimb-actions")?;
        actions
            .append_with_node_4(&replay_button, &table_button, &csv_button, &lang_button)
            .ok()?;
        let tables = el(doc, "div", "rankclimb-tables rankclimb-sr-only")?;
        let subtitle = el(doc, "p", "rankclimb-subtitle")?;
        let live = el(doc, "div", "rankclimb-live")?;
        live.set_attribute("aria-live", "polite").ok()?;
        live.set_attribute("role", "status").ok()?;
        let notes = el(doc, "figcaption", "rankclimb-notes")?;
        header.append_with_node_2(&title, &actions).ok()?;
        figure.append_with_node_2(&header, &subtitle).ok()?;
        let surfaces: Vec<SurfaceDom> = kinds
            .iter()
            .map(|&k| surface(doc, k))
            .collect::<Option<_>>()?;
        let grid = el(doc, "div", "rankclimb-panels")?;
        for s in &surfaces {
            match &s.heading {
                None => figure.append_child(&s.stage).ok()?,
                Some((h, p)) => {
                    let section = el(doc, "section", "rankclimb-panel")?;
                    section.append_with_node_3(h, p, &s.stage).ok()?;
                    grid.append_child(&section).ok()?
                }
            };
        }
        figure
            .append_with_node_4(&grid, &live, &notes, &tables)
            .ok()?;
        container.replace_children_with_node_1(&figure);
        Some(Dom {
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
        })
    }

    /// Every text that depends on the language; `labels` are each canvas's accessible text.
    pub fn write_texts(&self, doc: &Document, model: &Model, lang: Lang, labels: &[String]) {
        let example = match (model.example, lang) {
            (false, _) => "",
            (true, Lang::Zh) => "【示例数据】",
            (true, Lang::En) => "[Example data] ",
        };
        self.title
            .set_text_content(Some(&format!("{example}{}", model.title.get(lang))));
        self.subtitle
            .set_text_content(model.subtitle.as_ref().map(|s| s.get(lang)));
        let _ = self.figure.set_attribute("lang", lang.tag());
        let (label, other) = match lang {
            Lang::Zh => ("English", "Switch to English"),
            Lang::En => ("中文", "切换到中文"),
        };
        self.lang_button.set_text_content(Some(label));
        let _ = self.lang_button.set_attribute("aria-label", other);
        let (replay, table, csv) = match lang {
            Lang::Zh => ("重播", "数据表", "下载数据（CSV）"),
            Lang::En => ("Replay", "Data table", "Download data (CSV)"),
        };
        self.replay_button.set_text_content(Some(replay));
        self.table_button.set_text_content(Some(table));
        self.csv_button.set_text_content(Some(csv));
        let hint = match lang {
            Lang::Zh => "按方向键逐项查看。",
            Lang::En => " Use the arrow keys to step through the items.",
        };
        for (s, text) in self.surfaces.iter().zip(labels) {
            let _ = s
                .canvas
                .set_attribute("aria-label", &format!("{text}{hint}"));
            if let (Some((h, p)), ViewKind::Panel(i)) = (&s.heading, s.kind) {
                if let Some(panel) = model.panels.get(i) {
                    h.set_text_content(Some(panel.title.get(lang)));
                    p.set_text_content(panel.subtitle.as_ref().map(|t| t.get(lang)));
                }
            }
        }

        self.notes.set_text_content(None);
        for p in model.ranking.points.iter().filter(|p| p.note.is_some()) {
            if let (Some(note), Some(line)) = (&p.note, el(doc, "p", "rankclimb-note")) {
                line.set_text_content(Some(&format!("* {}: {}", p.year, note.get(lang))));
                let _ = self.notes.append_child(&line);
            }
        }
        if let Some(line) = el(doc, "p", "rankclimb-source") {
            let (head, sep) = match lang {
                Lang::Zh => ("来源：", "；"),
                Lang::En => ("Sources: ", "; "),
            };
            let all: Vec<&str> = model.sources.iter().map(|s| s.text.get(lang)).collect();
            line.set_text_content(Some(&format!("{head}{}", all.join(sep))));
            let _ = self.notes.append_child(&line);
        }
    }
}

impl Dom {
    pub fn write_tables(&self, doc: &Document, model: &Model, lang: Lang) {
        self.tables.set_text_content(None);
        for t in crate::table::tables(model, lang) {
            let (Some(table), Some(caption), Some(head), Some(body)) = (
                el(doc, "table", ""),
                el(doc, "caption", ""),
                el(doc, "thead", ""),
                el(doc, "tbody", ""),
            ) else {
                return;
            };
            caption.set_text_content(Some(&t.caption));
            let row = |cells: &[String], tag: &str| -> Option<Element> {
                let tr = el(doc, "tr", "")?;
                for (i, c) in cells.iter().enumerate() {
                    // The first cell names the row for screen readers.
                    let cell = el(doc, if tag == "td" && i == 0 { "th" } else { tag }, "")?;
                    if tag == "th" {
                        cell.set_attribute("scope", "col").ok()?;
                    } else if i == 0 {
                        cell.set_attribute("scope", "row").ok()?;
                    }
                    cell.set_text_content(Some(c));
                    tr.append_child(&cell).ok()?;
                }
                Some(tr)
            };
            if let Some(tr) = row(&t.head, "th") {
                let _ = head.append_child(&tr);
            }
            for r in &t.rows {
                if let Some(tr) = row(r, "td") {
                    let _ = body.append_child(&tr);
                }
            }
            let _ = table.append_with_node_3(&caption, &head, &body);
            let _ = self.tables.append_child(&table);
        }
    }

    /// Show or hide the tables for sighted readers; screen readers always have them.
    pub fn toggle_tables(&self) {
        let open = self.table_button.get_attribute("aria-expanded").as_deref() == Some("true");
        let _ = self
            .table_button
            .set_attribute("aria-expanded", if open { "false" } else { "true" });
        let _ = self.tables.class_list().toggle("rankclimb-sr-only");
    }
}

impl SurfaceDom {
    /// Show a readout beside the point at (`x`, `y`) CSS pixels within the stage.
    pub fn show_tooltip(
        &self,
        doc: &Document,
        readout: &Readout,
        x: f64,
        y: f64,
        stage_width: f64,
    ) {
        let t = &self.tooltip;
        self.tooltip_heading
            .set_text_content(Some(&readout.heading));
        let mut lines = self.tooltip_lines.borrow_mut();
        while lines.len() < readout.lines.len() {
            let Some(d) = el(doc, "div", "rankclimb-tooltip-line") else {
                break;
            };
            let _ = t.append_child(&d);
            lines.push(d);
        }
        // The last line is styled as the source line (`:last-child`): drop any spare ones.
        let keep = readout.lines.len().min(lines.len());
        for spare in lines.drain(keep..) {
            spare.remove();
        }
        for (d, line) in lines.iter().zip(&readout.lines) {
            d.set_text_content(Some(line));
        }
        let style = t.style();
        // Keep the box inside the stage: to the right of the point on the left half,
        // to the left of it on the right half.
        if x < stage_width / 2.0 {
            let _ = style.set_property("left", &format!("{}px", x + 14.0));
            let _ = style.remove_property("right");
        } else {
            let _ = style.set_property("right", &format!("{}px", stage_width - x + 14.0));
            let _ = style.remove_property("left");
        }
        let _ = style.set_property("top", &format!("{}px", (y - 20.0).max(0.0)));
        t.set_hidden(false);
    }

    pub fn hide_tooltip(&self) {
        self.tooltip.set_hidden(true);
    }
}

/// Put a readable message where the chart would be.
pub fn show_error(doc: &Document, container: &Element, heading: &str, lines: &[String]) {
    let Some(box_) = el(doc, "div", "rankclimb-error") else {
        return;
    };
    let _ = box_.set_attribute("role", "alert");
    if let Some(h) = el(doc, "strong", "rankclimb-error-heading") {
        h.set_text_content(Some(heading));
        let _ = box_.append_child(&h);
    }
    if let Some(list) = el(doc, "ul", "rankclimb-error-list") {
        for line in lines {
            if let Some(li) = el(doc, "li", "") {
                li.set_text_content(Some(line));
                let _ = list.append_child(&li);
            }
        }
        let _ = box_.append_child(&list);
    }
    container.replace_children_with_node_1(&box_);
}
