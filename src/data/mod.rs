//! The data file as it is written: plain serde types, before any rule is checked.
//!
//! Unknown fields are rejected here so that a misspelt key is reported instead of being
//! silently dropped (a newsroom would otherwise publish a chart missing a value).

mod panel_entry;

pub use panel_entry::{
    BarItemEntry, MeasureEntry, PanelEntry, RankItemEntry, ReferenceEntry, StatEntry,
};

use crate::phrasebook::LocalText;
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
    /// A short name for the place, for the readout where it stands beside another place's
    /// (the full name where the file gives none).
    #[serde(default)]
    pub place_short: Option<LocalText>,
    /// The Chinese measure word for what is ranked, as the sources write it: "家" for zones
    /// or companies; "个" when absent.
    #[serde(default)]
    pub measure_word: Option<String>,
    /// The documents the sources cite, each once: a source points to one and gives the
    /// passage it rests on.
    #[serde(default)]
    pub documents: Vec<DocumentEntry>,
    pub sources: Vec<SourceEntry>,
    pub ranking: RankingEntry,
    /// The indicators behind the climb, drawn below the rank chart in the order given.
    #[serde(default)]
    pub panels: Vec<PanelEntry>,
}

/// A document, cited once: its publication, title, date, author and where to find it, as
/// one citation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    pub id: String,
    pub citation: LocalText,
    /// A short name for the compact readout, such as "Henan Daily, 2021-02-21".
    #[serde(default)]
    pub short: Option<LocalText>,
    #[serde(default)]
    pub url: Option<String>,
}

/// What one figure rests on: a passage of a document (`document` and `passage`), or a
/// citation of its own (`text`: publication, title, date, and the words relied on).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    pub id: String,
    #[serde(default)]
    pub text: Option<LocalText>,
    /// The id of a document in `documents`.
    #[serde(default)]
    pub document: Option<String>,
    /// The words of the document this source rests on: quoted in “…” where they are its own.
    #[serde(default)]
    pub passage: Option<LocalText>,
    /// A short name for the compact readout (the document's, where it has one).
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
    /// The rank axis: `"full"` (from 1st to the largest field, the default), `"fit"` (around
    /// the known ranks, with padding), or `{"from": 50, "to": 130}`.
    #[serde(default)]
    pub axis: Option<AxisEntry>,
    /// Sourced notes drawn on the rank chart.
    #[serde(default)]
    pub annotations: Vec<AnnotationEntry>,
    /// Other places in the same ranking, drawn muted beside the main place.
    #[serde(default)]
    pub peers: Vec<PeerEntry>,
}

/// Another place's ranks in the same evaluations: the same rules as the main series, in
/// years the main series has.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeerEntry {
    pub name: LocalText,
    /// A shorter name for tight spaces, such as the end of its line on a phone.
    #[serde(default)]
    pub short: Option<LocalText>,
    pub points: Vec<RankEntry>,
}

/// One annotation as written: `kind` says which of the optional fields it needs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationEntry {
    /// `"line"` (needs `rank`), `"band"` (needs `from` and `to`, years) or `"callout"`
    /// (needs `year`).
    pub kind: String,
    pub text: LocalText,
    pub sources: Vec<String>,
    #[serde(default)]
    pub rank: Option<f64>,
    #[serde(default)]
    pub year: Option<f64>,
    #[serde(default)]
    pub from: Option<f64>,
    #[serde(default)]
    pub to: Option<f64>,
}

#[derive(Debug, Clone)]
pub enum AxisEntry {
    Named(String),
    Range { from: f64, to: f64 },
}

/// A name or a `{from, to}` object. Written by hand rather than `#[serde(untagged)]`, whose
/// buffering of any value cost the reader's wasm about 14 KB.
impl<'de> Deserialize<'de> for AxisEntry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = AxisEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("\"full\", \"fit\" or {\"from\": …, \"to\": …}")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<AxisEntry, E> {
                Ok(AxisEntry::Named(v.to_string()))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut m: M,
            ) -> Result<AxisEntry, M::Error> {
                let (mut from, mut to) = (None, None);
                while let Some(key) = m.next_key::<String>()? {
                    match key.as_str() {
                        "from" => from = Some(m.next_value::<f64>()?),
                        "to" => to = Some(m.next_value::<f64>()?),
                        other => {
                            return Err(serde::de::Error::unknown_field(other, &["from", "to"]))
                        }
                    }
                }
                Ok(AxisEntry::Range {
                    from: from.ok_or_else(|| serde::de::Error::missing_field("from"))?,
                    to: to.ok_or_else(|| serde::de::Error::missing_field("to"))?,
                })
            }
        }
        d.deserialize_any(Visit)
    }
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
