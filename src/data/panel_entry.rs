//! The indicator panels as written in the data file: one flat set of fields, read in one
//! pass and sorted into its kind by `try_from`.

use crate::phrasebook::LocalText;
use serde::{Deserialize, Deserializer};

/// One indicator panel. Each kind draws a different sort of number, so that numbers of
/// different kinds never share a scale.
///
/// Read through the flat [`PanelFields`] rather than as a serde-tagged enum: a tagged enum
/// buffers every panel as generic content before choosing its variant, which cost 24 KB of
/// wasm (5 KB gzip); the flat form is read in one pass and checked per kind in `try_from`.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "PanelFields")]
pub enum PanelEntry {
    /// Places in sub-rankings out of one field of `of`, each on its own strip.
    Ranks {
        title: LocalText,
        subtitle: Option<LocalText>,
        of: f64,
        reference: Option<ReferenceEntry>,
        items: Vec<RankItemEntry>,
    },
    /// Bars; each measure is its own column with its own scale and unit.
    Bars {
        title: LocalText,
        subtitle: Option<LocalText>,
        measures: Vec<MeasureEntry>,
        items: Vec<BarItemEntry>,
    },
    /// Single figures with their units, side by side.
    Stats {
        title: LocalText,
        subtitle: Option<LocalText>,
        items: Vec<StatEntry>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PanelKind {
    Ranks,
    Bars,
    Stats,
}

impl PanelKind {
    fn name(self) -> &'static str {
        match self {
            PanelKind::Ranks => "ranks",
            PanelKind::Bars => "bars",
            PanelKind::Stats => "stats",
        }
    }
}

/// Every field any kind of panel may have; `try_from` rejects those its kind does not use.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelFields {
    kind: PanelKind,
    title: LocalText,
    #[serde(default)]
    subtitle: Option<LocalText>,
    #[serde(default)]
    of: Option<f64>,
    #[serde(default)]
    reference: Option<ReferenceEntry>,
    #[serde(default)]
    measures: Option<Vec<MeasureEntry>>,
    items: Vec<ItemFields>,
}

/// Every field any kind of item may have. `rank` and `value` are `Some(None)` when written
/// as `null` and `None` when left out, so that leaving one out can still be refused.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemFields {
    label: LocalText,
    #[serde(default, deserialize_with = "written")]
    rank: Option<Option<f64>>,
    #[serde(default)]
    values: Option<Vec<Option<f64>>>,
    #[serde(default, deserialize_with = "written")]
    value: Option<Option<f64>>,
    #[serde(default)]
    unit: Option<LocalText>,
    #[serde(default)]
    detail: Option<LocalText>,
    sources: Vec<String>,
}

/// A field that is present, as a number or `null`.
fn written<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<f64>>, D::Error> {
    Option::<f64>::deserialize(d).map(Some)
}

/// The fields a kind does not use, named as they are written in the file.
fn stray_fields(kind: PanelKind, present: &[(&'static str, bool)]) -> Result<(), String> {
    match present.iter().find(|(_, here)| *here) {
        Some((name, _)) => Err(format!("a `{}` panel has no field `{name}`", kind.name())),
        None => Ok(()),
    }
}

fn required<T>(v: Option<T>, what: &str) -> Result<T, String> {
    v.ok_or_else(|| format!("missing field `{what}`"))
}

/// Each item read with `read`, its errors prefixed with its place in `items`.
fn each_item<T>(
    items: Vec<ItemFields>,
    read: impl Fn(ItemFields) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, it)| read(it).map_err(|e| format!("items[{i}]: {e}")))
        .collect()
}

impl TryFrom<PanelFields> for PanelEntry {
    type Error = String;

    fn try_from(p: PanelFields) -> Result<Self, String> {
        let kind = p.kind;
        Ok(match kind {
            PanelKind::Ranks => {
                stray_fields(kind, &[("measures", p.measures.is_some())])?;
                PanelEntry::Ranks {
                    title: p.title,
                    subtitle: p.subtitle,
                    of: required(p.of, "of")?,
                    reference: p.reference,
                    items: each_item(p.items, |it| {
                        stray_fields(
                            kind,
                            &[
                                ("values", it.values.is_some()),
                                ("value", it.value.is_some()),
                                ("unit", it.unit.is_some()),
                                ("detail", it.detail.is_some()),
                            ],
                        )?;
                        Ok(RankItemEntry {
                            rank: required(it.rank, "rank")?,
                            label: it.label,
                            sources: it.sources,
                        })
                    })?,
                }
            }
            PanelKind::Bars => {
                stray_fields(
                    kind,
                    &[("of", p.of.is_some()), ("reference", p.reference.is_some())],
                )?;
                PanelEntry::Bars {
                    title: p.title,
                    subtitle: p.subtitle,
                    measures: required(p.measures, "measures")?,
                    items: each_item(p.items, |it| {
                        stray_fields(
                            kind,
                            &[
                                ("rank", it.rank.is_some()),
                                ("value", it.value.is_some()),
                                ("unit", it.unit.is_some()),
                                ("detail", it.detail.is_some()),
                            ],
                        )?;
                        Ok(BarItemEntry {
                            values: required(it.values, "values")?,
                            label: it.label,
                            sources: it.sources,
                        })
                    })?,
                }
            }
            PanelKind::Stats => {
                stray_fields(
                    kind,
                    &[
                        ("of", p.of.is_some()),
                        ("reference", p.reference.is_some()),
                        ("measures", p.measures.is_some()),
                    ],
                )?;
                PanelEntry::Stats {
                    title: p.title,
                    subtitle: p.subtitle,
                    items: each_item(p.items, |it| {
                        stray_fields(
                            kind,
                            &[("rank", it.rank.is_some()), ("values", it.values.is_some())],
                        )?;
                        Ok(StatEntry {
                            value: required(it.value, "value")?,
                            unit: required(it.unit, "unit")?,
                            label: it.label,
                            detail: it.detail,
                            sources: it.sources,
                        })
                    })?,
                }
            }
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceEntry {
    pub label: LocalText,
    pub rank: f64,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct RankItemEntry {
    pub label: LocalText,
    pub rank: Option<f64>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureEntry {
    pub label: LocalText,
    pub unit: LocalText,
    /// Show a "+" before positive values, as growth figures are printed.
    #[serde(default)]
    pub signed: bool,
    /// Per language, the power of ten the shown value moves by for its unit: 64.05 亿元 is
    /// 6.405 billion yuan with `{"en": -1}`. The decimal point moves; nothing is rounded.
    #[serde(default)]
    pub shift: Option<ShiftEntry>,
}

#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShiftEntry {
    #[serde(rename = "zh-CN", default)]
    pub zh: f64,
    #[serde(default)]
    pub en: f64,
}

#[derive(Debug, Clone)]
pub struct BarItemEntry {
    pub label: LocalText,
    /// One value per measure; `null` where the source gives none.
    pub values: Vec<Option<f64>>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct StatEntry {
    pub label: LocalText,
    pub value: Option<f64>,
    pub unit: LocalText,
    /// How the source qualifies the figure, quoted as printed.
    pub detail: Option<LocalText>,
    pub sources: Vec<String>,
}
