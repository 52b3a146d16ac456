//! The annotations in words: where each is, for the summary, the readout and the table.

use crate::model::{AnnotationKind, Model};
use crate::phrasebook::annotations::{line_at, years_span};
use crate::phrasebook::phrases::source_list;
use crate::phrasebook::Lang;

/// What an annotation marks, in words: a reference line's rank, or its years.
pub fn where_annotated(kind: AnnotationKind, lang: Lang) -> String {
    match kind {
        AnnotationKind::Line { rank } => line_at(rank, lang),
        AnnotationKind::Band { from, to } => years_span(from, to, lang),
        AnnotationKind::Callout { year } => years_span(year, year, lang),
    }
}

/// The annotations as rows of a table: where, what it says, and its sources.
pub fn annotation_rows(model: &Model, lang: Lang) -> Vec<Vec<String>> {
    model
        .ranking
        .annotations
        .iter()
        .map(|a| {
            vec![
                where_annotated(a.kind, lang),
                a.text.get(lang).to_string(),
                source_list(&model.source_texts(&a.sources, lang), lang),
            ]
        })
        .collect()
}
