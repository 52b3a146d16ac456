//! The words in the chart's DOM: the texts that depend on the language, rewritten in place on
//! each switch (the elements stay, so an adopted page paints nothing new), and the tables.
//! All data-derived text goes in through `textContent`, never as markup.

use super::dom::{all, build_node, dom_refused, el, part, put_together, set, Dom, DomError};
use crate::describe::{callout_texts, note_lines, source_entries, table::Table, title};
use crate::figure_markup::class;
use crate::figure_markup::source_list;
use crate::model::Model;
use crate::phrasebook::controls::{buttons, keyboard_hint, sources_summary, tap_hint};
use crate::phrasebook::peers::places_key_hint;
use crate::phrasebook::Lang;
use crate::view::ViewKind;
use web_sys::{Document, Element};

impl Dom {
    /// Every text that depends on the language; `labels` are each canvas's accessible text.
    /// Texts already right are left alone, so an adopted page paints nothing new.
    pub fn write_texts(
        &self,
        doc: &Document,
        model: &Model,
        lang: Lang,
        labels: &[String],
    ) -> Result<(), DomError> {
        set_text(&self.title, &title(model, lang));
        set_text(
            &self.subtitle,
            model.subtitle.as_ref().map_or("", |s| s.get(lang)),
        );
        set(&self.figure, "lang", lang.tag())?;
        let words = buttons(lang);
        set_text(&self.lang_button, words.language);
        set(&self.lang_button, "aria-label", words.language_name)?;
        set_text(&self.replay_button, words.replay);
        set_text(&self.table_button, words.table);
        set_text(&self.csv_button, words.csv);
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
                    set_text(h, panel.title.get(lang));
                    set_text(p, panel.subtitle.as_ref().map_or("", |t| t.get(lang)));
                }
            }
        }
        let callouts = callout_texts(model, lang);
        sync_lines(doc, &self.callout_notes, "li", "", None, &callouts)?;
        sync_lines(
            doc,
            &self.notes,
            "p",
            class::NOTE,
            Some(&self.sources),
            &note_lines(model, lang),
        )?;
        // The sources, a wall of text on a phone, behind a disclosure that needs no script
        // (and is opened for print).
        let entries = source_entries(model, lang);
        if let Some(summary) = self.sources.first_element_child() {
            set_text(&summary, &sources_summary(entries.len(), lang));
        }
        // The list as the page has it stays (an adopted page paints nothing new); another
        // language's is built anew from the same description.
        let list = part(&self.sources, class::SOURCE_LIST)?;
        let words: String = entries
            .iter()
            .flat_map(|(c, p)| std::iter::once(*c).chain(p.iter().copied()))
            .collect();
        if list.text_content().as_deref() != Some(words.as_str()) {
            let fresh = build_node(doc, &source_list(&entries))?;
            list.replace_with_with_node_1(&fresh)
                .map_err(|e| dom_refused(&e, "writing the sources list"))?;
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
}

/// Write `text` into `e` unless it is there already (a rewrite of the same words would be a
/// new paint of them).
fn set_text(e: &Element, text: &str) {
    if e.text_content().as_deref() != Some(text) {
        e.set_text_content(Some(text));
    }
}

/// Make `parent`'s `tag` children (of `class`) say `lines`, one each, keeping the elements
/// already there; new ones go before `before`.
fn sync_lines<S: AsRef<str>>(
    doc: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    before: Option<&Element>,
    lines: &[S],
) -> Result<(), DomError> {
    let selector = if class.is_empty() {
        format!(":scope > {tag}")
    } else {
        format!(":scope > {tag}.{class}")
    };
    let have = all(parent, &selector)?;
    for (i, line) in lines.iter().enumerate() {
        match have.get(i) {
            Some(e) => set_text(e, line.as_ref()),
            None => {
                let e = el(doc, tag, class)?;
                e.set_text_content(Some(line.as_ref()));
                put_together(
                    parent
                        .insert_before(&e, before.map(|b| b.as_ref()))
                        .map(|_| ()),
                    tag,
                )?;
            }
        }
    }
    for extra in have.iter().skip(lines.len()) {
        extra.remove();
    }
    Ok(())
}
