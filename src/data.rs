//! The data file as it is written: plain serde types, before any rule is checked.
//!
//! Unknown fields are rejected here so that a misspelt key is reported instead of being
//! silently dropped (a newsroom would otherwise publish a chart missing a value).

use serde::{Deserialize, Deserializer};

/// A value that must be written out, as a number or as `null`: an unknown is said, never
/// left out by accident.
fn explicit<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Option::<f64>::deserialize(d)
}

/// A piece of text in each language the infographic speaks.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalText {
    #[serde(rename = "zh-CN")]
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    pub format: String,
    /// Example data must be marked as such wherever it is shown.
    #[serde(default)]
    pub example: bool,
    #[serde(default)]
    pub language: Option<String>,
    pub title: LocalText,
    #[serde(default)]
    pub subtitle: Option<LocalText>,
    pub place: LocalText,
    pub sources: Vec<SourceEntry>,
    pub ranking: RankingEntry,
    /// The indicators behind the climb, drawn below the rank chart in the order given.
    #[serde(default)]
    pub panels: Vec<PanelEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    pub id: String,
    pub text: LocalText,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankingEntry {
    pub label: LocalText,
    /// A sourced claim that every evaluation improved on the one before; it bounds the
    /// unpublished years without giving them a value.
    #[serde(default)]
    pub consecutive_rises: Option<ClaimEntry>,
    /// The rank series, written out here…
    #[serde(default)]
    pub points: Option<Vec<RankEntry>>,
    /// …or kept in a CSV file exported from a spreadsheet, named relative to this file.
    #[serde(default)]
    pub points_from: Option<String>,
    /// The text of `points_from`, filled in by whatever loads the file (the page's loader
    /// or `cargo xtask check`).
    #[serde(default)]
    pub points_csv: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimEntry {
    pub text: LocalText,
    pub sources: Vec<String>,
}

/// Numbers are read as `f64` so that a fractional, negative or huge value reaches the
/// validator and gets a message naming it, rather than a bare type error.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankEntry {
    pub year: f64,
    #[serde(deserialize_with = "explicit")]
    pub rank: Option<f64>,
    #[serde(deserialize_with = "explicit")]
    pub of: Option<f64>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<LocalText>,
}

/// One indicator panel. Each kind draws a different sort of number, so that numbers of
/// different kinds never share a scale.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum PanelEntry {
    /// Places in sub-rankings out of one field of `of`, each on its own strip.
    Ranks {
        title: LocalText,
        #[serde(default)]
        subtitle: Option<LocalText>,
        of: f64,
        #[serde(default)]
        reference: Option<ReferenceEntry>,
        items: Vec<RankItemEntry>,
    },
    /// Bars; each measure is its own column with its own scale and unit.
    Bars {
        title: LocalText,
        #[serde(default)]
        subtitle: Option<LocalText>,
        measures: Vec<MeasureEntry>,
        items: Vec<BarItemEntry>,
    },
    /// Single figures with their units, side by side.
    Stats {
        title: LocalText,
        #[serde(default)]
        subtitle: Option<LocalText>,
        items: Vec<StatEntry>,
    },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceEntry {
    pub label: LocalText,
    pub rank: f64,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankItemEntry {
    pub label: LocalText,
    #[serde(deserialize_with = "explicit")]
    pub rank: Option<f64>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureEntry {
    pub label: LocalText,
    pub unit: UnitText,
    /// Show a "+" before positive values, as growth figures are printed.
    #[serde(default)]
    pub signed: bool,
}

/// A unit may be empty in one language (English counts need none).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitText {
    #[serde(rename = "zh-CN")]
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BarItemEntry {
    pub label: LocalText,
    /// One value per measure; `null` where the source gives none.
    pub values: Vec<Option<f64>>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatEntry {
    pub label: LocalText,
    #[serde(deserialize_with = "explicit")]
    pub value: Option<f64>,
    pub unit: UnitText,
    /// How the source qualifies the figure, quoted as printed.
    #[serde(default)]
    pub detail: Option<LocalText>,
    pub sources: Vec<String>,
}
