//! The data file as it is written: plain serde types, before any rule is checked.
//!
//! Unknown fields are rejected here so that a misspelt key is reported instead of being
//! silently dropped (a newsroom would otherwise publish a chart missing a value).

mod panel_entry;

pub use panel_entry::{
    BarItemEntry, MeasureEntry, PanelEntry, RankItemEntry, ReferenceEntry, StatEntry,
};

use crate::lang::LocalText;
use serde::{Deserialize, Deserializer};

/// A value that must be written out, as a number or as `null`: an unknown is said, never
/// left out by accident.
fn explicit<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Option::<f64>::deserialize(d)
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
    /// The full citation: publication, title, date, and the words relied on.
    pub text: LocalText,
    /// A short name for the compact readout, such as "Henan Daily, 2021-02-21".
    #[serde(default)]
    pub short: Option<LocalText>,
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
    /// Whatever loads the file reads that CSV beside it and hands its text to the check.
    #[serde(default)]
    pub points_from: Option<String>,
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
