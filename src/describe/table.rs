//! The figures as tables, with their sources: for screen readers and readers who open the
//! table, for the download, and for the page shown when the chart cannot run.

use super::annotations::annotation_rows;
use crate::model::{add_sources, Model, PanelKind};
use crate::phrasebook::annotations::annotations_table_words;
use crate::phrasebook::peers::peers_table_caption;
use crate::phrasebook::phrases::{
    change_since, format_value, heading, label_with_unit, not_reported, punct, source_list, Heading,
};
use crate::phrasebook::{Lang, LocalText};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn sources(model: &Model, ids: &[usize], lang: Lang) -> String {
    source_list(&model.source_texts(ids, lang), lang)
}

/// A panel's table: `head` then a source column; each row is the item's label, the cells
/// `row` gives for it, and its sources.
fn panel_table<'a, T>(
    model: &Model,
    lang: Lang,
    caption: String,
    head: &[String],
    items: &'a [T],
    row: impl Fn(&'a T) -> (&'a LocalText, &'a Vec<usize>, Vec<String>),
) -> Table {
    Table {
        caption,
        head: head
            .iter()
            .cloned()
            .chain([heading(Heading::Source, lang).to_string()])
            .collect(),
        rows: items
            .iter()
            .map(|it| {
                let (label, ids, cells) = row(it);
                std::iter::once(label.get(lang).to_string())
                    .chain(cells)
                    .chain([sources(model, ids, lang)])
                    .collect()
            })
            .collect(),
    }
}

/// Every table: the rank series first, then one per panel.
pub fn tables(model: &Model, lang: Lang) -> Vec<Table> {
    let w = |h| heading(h, lang).to_string();
    let dash = "—".to_string();
    let mut out = Vec::new();
    let mut prev: Option<(i32, u32)> = None;
    let rows = model
        .ranking
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let change = match (p.rank, prev) {
                (Some(r), Some((py, pr))) => change_since(py, pr, r, lang),
                _ => dash.clone(),
            };
            if let Some(r) = p.rank {
                prev = Some((p.year, r));
            }
            vec![
                p.year.to_string(),
                p.rank
                    .map_or_else(|| not_reported(lang).to_string(), |r| r.to_string()),
                p.of.map_or_else(|| dash.clone(), |n| n.to_string()),
                change,
                p.note
                    .as_ref()
                    .map_or_else(String::new, |n| n.get(lang).to_string()),
                sources(model, &model.year_sources(i), lang),
            ]
        })
        .collect();
    out.push(Table {
        caption: format!(
            "{}{}{}",
            model.place.get(lang),
            punct(lang).colon,
            model.ranking.label.get(lang)
        ),
        head: vec![
            w(Heading::Year),
            w(Heading::Rank),
            w(Heading::Ranked),
            w(Heading::Change),
            w(Heading::Note),
            w(Heading::Source),
        ],
        rows,
    });
    if !model.ranking.peers.is_empty() {
        out.push(peers_table(model, lang));
    }
    let rows = annotation_rows(model, lang);
    if !rows.is_empty() {
        let (caption, [place, text]) = annotations_table_words(lang);
        out.push(Table {
            caption: caption.to_string(),
            head: vec![place.to_string(), text.to_string(), w(Heading::Source)],
            rows,
        });
    }
    for p in &model.panels {
        let caption = p.title.get(lang).to_string();
        let value = |v: &Option<f64>| v.map_or_else(|| dash.clone(), |v| format_value(v, false));
        let table = match &p.kind {
            PanelKind::Ranks { of, items, .. } => {
                let head = [Heading::Indicator, Heading::Rank, Heading::Ranked].map(w);
                panel_table(model, lang, caption, &head, items, |it| {
                    let rank = it
                        .rank
                        .map_or_else(|| not_reported(lang).to_string(), |r| r.to_string());
                    (&it.label, &it.sources, vec![rank, of.to_string()])
                })
            }
            PanelKind::Bars { measures, items } => {
                let head: Vec<String> = std::iter::once(w(Heading::Item))
                    .chain(measures.iter().map(|m| match m.unit.get(lang) {
                        "" => m.label.get(lang).to_string(),
                        u => label_with_unit(m.label.get(lang), u, lang),
                    }))
                    .collect();
                panel_table(model, lang, caption, &head, items, |it| {
                    let values = measures
                        .iter()
                        .zip(&it.values)
                        .map(|(m, v)| v.map_or_else(|| dash.clone(), |v| m.shown(v, lang)))
                        .collect();
                    (&it.label, &it.sources, values)
                })
            }
            PanelKind::Stats { items } => {
                let head = [
                    Heading::Indicator,
                    Heading::Value,
                    Heading::Unit,
                    Heading::Detail,
                ]
                .map(w);
                panel_table(model, lang, caption, &head, items, |it| {
                    let detail = it.detail.as_ref().map_or("", |d| d.get(lang));
                    let cells = vec![
                        value(&it.value),
                        it.unit.get(lang).to_string(),
                        detail.to_string(),
                    ];
                    (&it.label, &it.sources, cells)
                })
            }
        };
        out.push(table);
    }
    out
}

/// Every place's rank in each year, the main place first, with the sources of the figures
/// in the row.
fn peers_table(model: &Model, lang: Lang) -> Table {
    let peers = &model.ranking.peers;
    let head = std::iter::once(heading(Heading::Year, lang).to_string())
        .chain(std::iter::once(model.place_short.get(lang).to_string()))
        .chain(peers.iter().map(|p| p.name.get(lang).to_string()))
        .chain([heading(Heading::Source, lang).to_string()])
        .collect();
    let rows = model
        .ranking
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut ids = p.sources.clone();
            let mut cells = vec![p.year.to_string(), rank_cell(p.rank, lang)];
            for q in peers.iter().filter_map(|peer| peer.points.get(i)) {
                cells.push(rank_cell(q.rank, lang));
                add_sources(&mut ids, &q.sources);
            }
            cells.push(sources(model, &ids, lang));
            cells
        })
        .collect();
    Table {
        caption: peers_table_caption(lang).to_string(),
        head,
        rows,
    }
}

fn rank_cell(rank: Option<u32>, lang: Lang) -> String {
    rank.map_or_else(|| not_reported(lang).to_string(), |r| r.to_string())
}

/// A cell a spreadsheet would run as a formula gets a leading apostrophe, so it stays text.
/// A number ("-3", "+1.5") is left as it is.
pub fn neutralise_formula(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !is_number(cell) => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// Whether `text` is a decimal number as a spreadsheet reads one: a sign, digits with at most
/// one point, an exponent. Read by its shape: the reader's wasm carries no float parser.
fn is_number(text: &str) -> bool {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (body, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    !(whole.is_empty() && fraction.is_empty())
        && digits(whole)
        && digits(fraction)
        && exponent.is_none_or(|e| !e.is_empty() && digits(e))
}

/// One CSV field as RFC 4180 writes it: quoted, with its quotes doubled, where it holds a
/// comma, a quote or a line break, or is the only, empty, field of its line.
fn csv_field(cell: &str, alone: bool) -> String {
    if cell.contains([',', '"', '\n', '\r']) || (alone && cell.is_empty()) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

fn csv_line<'a>(out: &mut String, cells: impl ExactSizeIterator<Item = &'a String>) {
    let alone = cells.len() == 1;
    let fields: Vec<String> = cells
        .map(|c| csv_field(&neutralise_formula(c), alone))
        .collect();
    out.push_str(&fields.join(","));
    out.push('\n');
}

/// The tables as one CSV file (UTF-8 with a byte-order mark, which spreadsheets need to
/// read Chinese), a blank line between tables.
pub fn csv(model: &Model, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let blank = String::new();
    for (i, t) in tables(model, lang).iter().enumerate() {
        if i > 0 {
            csv_line(&mut out, [&blank].into_iter());
        }
        csv_line(&mut out, [&t.caption].into_iter());
        csv_line(&mut out, t.head.iter());
        for row in &t.rows {
            csv_line(&mut out, row.iter());
        }
    }
    out
}
