//! Words built from the model: each item's readout, each canvas's summary, and the figures
//! as tables and CSV. The phrases themselves, in each language, are in `phrasebook::phrases`.

pub mod annotations;
pub mod readout;
pub mod summary;
pub mod table;

pub use readout::{panel_readout, rank_readout, rank_readout_beside, Readout};
pub use summary::{panel_summary, summary};

use crate::model::Model;
use crate::phrasebook::phrases::{all_sources, example_prefix, punct};
use crate::phrasebook::Lang;

/// The chart's title, marked when its figures are invented.
pub fn title(model: &Model, lang: Lang) -> String {
    let prefix = if model.example {
        example_prefix(lang)
    } else {
        ""
    };
    format!("{prefix}{}", model.title.get(lang))
}

/// The sources list: each document once, with the passages of it the figures rest on, in
/// the order the sources first cite them; a source that is its own citation stands alone.
pub fn source_entries(model: &Model, lang: Lang) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(Option<usize>, &str, Vec<&str>)> = Vec::new();
    for s in &model.sources {
        match &s.document {
            Some((d, passage)) => match out.iter_mut().find(|(k, ..)| *k == Some(*d)) {
                Some((.., passages)) => passages.push(passage.get(lang)),
                None => {
                    let citation = model.documents.get(*d).map_or("", |x| x.citation.get(lang));
                    out.push((Some(*d), citation, vec![passage.get(lang)]));
                }
            },
            None => out.push((None, s.text.get(lang), Vec::new())),
        }
    }
    out.into_iter().map(|(_, c, p)| (c, p)).collect()
}

/// Every source as one paragraph, each document named once: under the picture.
pub fn all_sources_line(model: &Model, lang: Lang) -> String {
    let p = punct(lang);
    let entries: Vec<String> = source_entries(model, lang)
        .into_iter()
        .map(|(citation, passages)| match passages.as_slice() {
            [] => citation.to_string(),
            _ => format!("{citation}{}{}", p.colon, passages.join(p.semicolon)),
        })
        .collect();
    let texts: Vec<&str> = entries.iter().map(String::as_str).collect();
    all_sources(&texts, lang)
}

/// The footnotes under the chart, one per year that has a note.
pub fn note_lines(model: &Model, lang: Lang) -> Vec<String> {
    model
        .ranking
        .points
        .iter()
        .filter_map(|p| {
            let note = p.note.as_ref()?.get(lang);
            Some(format!("* {}{}{note}", p.year, punct(lang).colon))
        })
        .collect()
}

/// The callouts' words in their numbered order, for the notes under a plot that shows
/// numbered markers.
pub fn callout_texts(model: &Model, lang: Lang) -> Vec<&str> {
    model
        .ranking
        .annotations
        .iter()
        .filter(|a| matches!(a.kind, crate::model::AnnotationKind::Callout { .. }))
        .map(|a| a.text.get(lang))
        .collect()
}
