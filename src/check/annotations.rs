//! The rules of the rank chart's annotations: each names what it marks, says something, and
//! cites a source.

use super::limits::{MAX_ANNOTATIONS, MAX_LABEL_CHARS, MAX_ZONES};
use super::problem::{hint, say, Checker};
use crate::data::{AnnotationEntry, SourceEntry};
use crate::model::{Annotation, AnnotationKind, RankPoint};
use crate::phrasebook::numbers::number_text;

pub(super) fn check_annotations(
    c: &mut Checker,
    entries: &[AnnotationEntry],
    points: &[RankPoint],
    sources: &[SourceEntry],
) -> Vec<Annotation> {
    if entries.len() > MAX_ANNOTATIONS {
        c.report(
            "ranking.annotations",
            say!(
                format!("has {} annotations", entries.len()),
                format!("有{}条注释", entries.len())
            ),
            hint!(
                format!("keep at most {MAX_ANNOTATIONS}: more crowd the chart"),
                format!("最多保留{MAX_ANNOTATIONS}条：再多图表就挤了")
            ),
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
                say!(
                    format!("is missing: a {} needs it", a.kind),
                    format!("缺少：{}需要它", a.kind)
                ),
                hint!(
                    "see the data format in the README",
                    "请参看README中的数据格式"
                ),
            );
        }
        value
    };
    let year_of = |c: &mut Checker, field: &str, value: f64| -> Option<usize> {
        let found = points.iter().position(|p| f64::from(p.year) == value);
        if found.is_none() {
            let value = number_text(value);
            c.report(
                format!("{path}.{field}"),
                say!(
                    format!("{value} is not a year of the series"),
                    format!("{value}不是序列中的年度")
                ),
                hint!(
                    "name one of the years in ranking.points",
                    "请写ranking.points中的某个年度"
                ),
            );
        }
        found
    };
    match a.kind.as_str() {
        "line" => {
            let rank = needs(c, "rank", a.rank)?;
            let rank = c.whole(
                &format!("{path}.rank"),
                rank,
                ("the line's rank", "参考线的名次"),
                MAX_ZONES,
            )?;
            Some(AnnotationKind::Line { rank })
        }
        "band" => {
            let (from, to) = (needs(c, "from", a.from), needs(c, "to", a.to));
            let from = year_of(c, "from", from?)?;
            let to = year_of(c, "to", to?)?;
            if from > to {
                c.report(
                    format!("{path}.to"),
                    say!("comes before from", "在from之前"),
                    hint!("write the earlier year as from", "请把较早的年度写作from"),
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
                    say!(
                        format!(
                            "{}'s rank is unknown: there is no point to mark",
                            points[at].year
                        ),
                        format!("{}年度名次不详：没有可标注的点", points[at].year)
                    ),
                    hint!(
                        "use a band over the years of unknown rank instead",
                        "请改用覆盖名次不详年度的阴影带"
                    ),
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
                say!(
                    format!("{other:?} is not a kind of annotation"),
                    format!("{other:?}不是注释的种类")
                ),
                hint!(
                    "write \"line\", \"band\" or \"callout\"",
                    "请写\"line\"、\"band\"或\"callout\""
                ),
            );
            None
        }
    }
}
