//! The rules of the rank chart's annotations: each names what it marks, says something, and
//! cites a source.

use super::limits::{MAX_ANNOTATIONS, MAX_LABEL_CHARS, MAX_ZONES};
use super::problem::{hint, Checker};
use crate::data::{AnnotationEntry, SourceEntry};
use crate::model::{Annotation, AnnotationKind, RankPoint};

pub(super) fn check_annotations(
    c: &mut Checker,
    entries: &[AnnotationEntry],
    points: &[RankPoint],
    sources: &[SourceEntry],
) -> Vec<Annotation> {
    if entries.len() > MAX_ANNOTATIONS {
        c.report(
            "ranking.annotations",
            format!("has {} annotations", entries.len()),
            hint!(format!(
                "keep at most {MAX_ANNOTATIONS}: more crowd the chart"
            )),
        );
    }
    let mut out = Vec::new();
    for (i, a) in entries.iter().enumerate().take(MAX_ANNOTATIONS) {
        let path = format!("ranking.annotations[{i}]");
        c.text(&format!("{path}.text"), &a.text, MAX_LABEL_CHARS);
        let cited = c.source_refs(&format!("{path}.sources"), &a.sources, sources);
        if let Some(kind) = annotation_kind(c, &path, a, points) {
            out.push(Annotation {
                kind,
                text: a.text.clone(),
                sources: cited,
            });
        }
    }
    out
}

fn annotation_kind(
    c: &mut Checker,
    path: &str,
    a: &AnnotationEntry,
    points: &[RankPoint],
) -> Option<AnnotationKind> {
    let needs = |c: &mut Checker, field: &str, value: Option<f64>| {
        if value.is_none() {
            c.report(
                format!("{path}.{field}"),
                format!("is missing: a {} needs it", a.kind),
                hint!("see the data format in the README"),
            );
        }
        value
    };
    let year_of = |c: &mut Checker, field: &str, value: f64| -> Option<usize> {
        let found = points.iter().position(|p| f64::from(p.year) == value);
        if found.is_none() {
            c.report(
                format!("{path}.{field}"),
                format!("{value} is not a year of the series"),
                hint!("name one of the years in ranking.points"),
            );
        }
        found
    };
    match a.kind.as_str() {
        "line" => {
            let rank = needs(c, "rank", a.rank)?;
            let rank = c.whole(&format!("{path}.rank"), rank, "the line's rank", MAX_ZONES)?;
            Some(AnnotationKind::Line { rank })
        }
        "band" => {
            let (from, to) = (needs(c, "from", a.from), needs(c, "to", a.to));
            let from = year_of(c, "from", from?)?;
            let to = year_of(c, "to", to?)?;
            if from > to {
                c.report(
                    format!("{path}.to"),
                    "comes before from",
                    hint!("write the earlier year as from"),
                );
                return None;
            }
            Some(AnnotationKind::Band {
                from: points[from].year,
                to: points[to].year,
            })
        }
        "callout" => {
            let year = needs(c, "year", a.year)?;
            let at = year_of(c, "year", year)?;
            if points[at].rank.is_none() {
                c.report(
                    format!("{path}.year"),
                    format!(
                        "{}'s rank is unknown: there is no point to mark",
                        points[at].year
                    ),
                    hint!("use a band over the years of unknown rank instead"),
                );
                return None;
            }
            Some(AnnotationKind::Callout {
                year: points[at].year,
            })
        }
        other => {
            c.report(
                format!("{path}.kind"),
                format!("{other:?} is not a kind of annotation"),
                hint!("write \"line\", \"band\" or \"callout\""),
            );
            None
        }
    }
}
