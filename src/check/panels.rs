//! The rules an indicator panel's data must meet, and the model's panels built from it.

use super::problem::{hint, say, Checker};
use crate::data::{PanelEntry, SourceEntry};
use crate::model::{BarItem, Measure, Panel, PanelKind, RankItem, Reference, StatItem};
use crate::phrasebook::numbers::number_text;
use crate::phrasebook::LocalText;

const MAX_ITEMS: usize = 40;
const MAX_MEASURES: usize = 4;
const MAX_VALUE: f64 = 1e12;

/// A unit is short and plain (an author's rule: a long one is cut to fit, never wrong).
fn unit(c: &mut Checker, path: &str, u: &LocalText) {
    if cfg!(not(feature = "author")) {
        return;
    }
    for (lang, s) in [("zh-CN", &u.zh), ("en", &u.en)] {
        if s.chars().count() > 24 || s.chars().any(char::is_control) {
            c.report(
                format!("{path}.{lang}"),
                say!("is not a short unit", "不是简短的单位"),
                hint!(
                    "write a unit such as \"%\" or \"亿元\"",
                    "请写单位，如\"%\"或\"亿元\""
                ),
            );
        }
    }
}

fn value(c: &mut Checker, path: &str, v: f64) -> Option<f64> {
    if !v.is_finite() || v.abs() > MAX_VALUE {
        let v = number_text(v);
        c.report(
            path,
            say!(
                format!("{v} is not a usable number"),
                format!("{v}不是可用的数")
            ),
            hint!(
                "write a finite number, or null where unknown",
                "请写有限的数，不详处写null"
            ),
        );
        None
    } else {
        Some(v)
    }
}

/// A panel's items, each checked by `check` with its JSON path, after their number and
/// their labels (`label` of each, at most `label_max` characters).
fn check_items<T, U>(
    c: &mut Checker,
    base: &str,
    items: &[T],
    label: fn(&T) -> &LocalText,
    label_max: usize,
    mut check: impl FnMut(&mut Checker, &str, &T) -> U,
) -> Vec<U> {
    let n = items.len();
    if n == 0 || n > MAX_ITEMS {
        c.report(
            format!("{base}.items"),
            say!(format!("has {n} items"), format!("有{n}项")),
            hint!(
                format!("a panel shows between 1 and {MAX_ITEMS} items"),
                format!("一个分图显示1到{MAX_ITEMS}项")
            ),
        );
    }
    items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let path = format!("{base}.items[{i}]");
            c.text(&format!("{path}.label"), label(it), label_max);
            check(c, &path, it)
        })
        .collect()
}

pub(crate) fn check_panels(
    c: &mut Checker,
    entries: &[PanelEntry],
    sources: &[SourceEntry],
) -> Vec<Panel> {
    let mut panels = Vec::new();
    for (pi, entry) in entries.iter().enumerate() {
        let base = format!("panels[{pi}]");
        let (title, subtitle) = match entry {
            PanelEntry::Ranks {
                title, subtitle, ..
            }
            | PanelEntry::Bars {
                title, subtitle, ..
            }
            | PanelEntry::Stats {
                title, subtitle, ..
            } => (title, subtitle),
        };
        c.text(&format!("{base}.title"), title, 80);
        if let Some(s) = subtitle {
            c.text(&format!("{base}.subtitle"), s, 160);
        }
        let kind = match entry {
            PanelEntry::Ranks {
                of,
                reference,
                items,
                ..
            } => {
                let of = c
                    .whole(
                        &format!("{base}.of"),
                        *of,
                        ("the number ranked", "参评总数"),
                        1e6,
                    )
                    .unwrap_or(1);
                let within = |c: &mut Checker, path: &str, r: f64| {
                    let r = c.whole(path, r, ("the rank", "名次"), 1e6)?;
                    if r > of {
                        c.report(
                            path,
                            say!(
                                format!("{r} is beyond the {of} ranked"),
                                format!("{r}超出了参评的{of}家")
                            ),
                            hint!("a rank lies between 1 and \"of\"", "名次在1和\"of\"之间"),
                        );
                        return None;
                    }
                    Some(r)
                };
                let reference = reference.as_ref().map(|r| Reference {
                    label: r.label.clone(),
                    rank: within(c, &format!("{base}.reference.rank"), r.rank).unwrap_or(1),
                    sources: c.source_refs(
                        &format!("{base}.reference.sources"),
                        &r.sources,
                        sources,
                    ),
                });
                if let Some(r) = reference.as_ref() {
                    c.text(&format!("{base}.reference.label"), &r.label, 40);
                }
                let items = check_items(
                    c,
                    &base,
                    items,
                    |it| &it.label,
                    80,
                    |c, path, it| RankItem {
                        label: it.label.clone(),
                        rank: it.rank.and_then(|r| within(c, &format!("{path}.rank"), r)),
                        sources: c.source_refs(&format!("{path}.sources"), &it.sources, sources),
                    },
                );
                PanelKind::Ranks {
                    of,
                    reference,
                    items,
                }
            }
            PanelEntry::Bars {
                measures, items, ..
            } => {
                if measures.is_empty() || measures.len() > MAX_MEASURES {
                    c.report(
                        format!("{base}.measures"),
                        say!(
                            format!("has {} measures", measures.len()),
                            format!("有{}个量", measures.len())
                        ),
                        hint!(
                            format!(
                            "give between 1 and {MAX_MEASURES} measures, each with its own unit"
                        ),
                            format!("请给1到{MAX_MEASURES}个量，各有自己的单位")
                        ),
                    );
                }
                let measures: Vec<Measure> = measures
                    .iter()
                    .enumerate()
                    .map(|(i, m)| {
                        c.text(&format!("{base}.measures[{i}].label"), &m.label, 40);
                        unit(c, &format!("{base}.measures[{i}].unit"), &m.unit);
                        let shift = m.shift.unwrap_or_default();
                        let mut whole = |lang: &str, v: f64| {
                            if v.fract() == 0.0 && (-6.0..=6.0).contains(&v) {
                                v as i32
                            } else {
                                let v = number_text(v);
                                c.report(
                                    format!("{base}.measures[{i}].shift.{lang}"),
                                    say!(
                                        format!("{v} is not a whole power of ten from -6 to 6"),
                                        format!("{v}不是-6到6之间的十的整数次幂")
                                    ),
                                    hint!(
                                        "write -1 to show 25.5 as 2.55, for a unit ten times larger",
                                        "写-1可把25.5显示为2.55，用于大十倍的单位"
                                    ),
                                );
                                0
                            }
                        };
                        let shift = (whole("zh-CN", shift.zh), whole("en", shift.en));
                        Measure {
                            label: m.label.clone(),
                            unit: m.unit.clone(),
                            signed: m.signed,
                            shift,
                        }
                    })
                    .collect();
                let items = check_items(
                    c,
                    &base,
                    items,
                    |it| &it.label,
                    80,
                    |c, path, it| {
                        if it.values.len() != measures.len() {
                            c.report(
                                format!("{path}.values"),
                                say!(
                                    format!(
                                        "has {} values for {} measures",
                                        it.values.len(),
                                        measures.len()
                                    ),
                                    format!(
                                        "有{}个值，却有{}个量",
                                        it.values.len(),
                                        measures.len()
                                    )
                                ),
                                hint!(
                                    "give one value per measure, null where unknown",
                                    "每个量给一个值，不详处写null"
                                ),
                            );
                        }
                        let values = it
                            .values
                            .iter()
                            .enumerate()
                            .map(|(k, v)| {
                                v.and_then(|v| value(c, &format!("{path}.values[{k}]"), v))
                            })
                            .collect();
                        BarItem {
                            label: it.label.clone(),
                            values,
                            sources: c.source_refs(
                                &format!("{path}.sources"),
                                &it.sources,
                                sources,
                            ),
                        }
                    },
                );
                PanelKind::Bars { measures, items }
            }
            PanelEntry::Stats { items, .. } => {
                let items = check_items(
                    c,
                    &base,
                    items,
                    |it| &it.label,
                    40,
                    |c, path, it| {
                        unit(c, &format!("{path}.unit"), &it.unit);
                        if let Some(d) = &it.detail {
                            c.text(&format!("{path}.detail"), d, 120);
                        }
                        StatItem {
                            label: it.label.clone(),
                            value: it.value.and_then(|v| value(c, &format!("{path}.value"), v)),
                            unit: it.unit.clone(),
                            detail: it.detail.clone(),
                            sources: c.source_refs(
                                &format!("{path}.sources"),
                                &it.sources,
                                sources,
                            ),
                        }
                    },
                );
                PanelKind::Stats { items }
            }
        };
        panels.push(Panel {
            title: title.clone(),
            subtitle: subtitle.clone(),
            kind,
        });
    }
    panels
}
