//! The data file as it is written: plain serde types, before any rule is checked.
//!
//! Unknown fields are rejected here so that a misspelt key is reported instead of being
//! silently dropped (a newsroom would otherwise publish a chart missing a value).

use serde::Deserialize;

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
    pub points: Vec<RankEntry>,
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
    pub rank: Option<f64>,
    #[serde(default)]
    pub of: Option<f64>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<LocalText>,
}
