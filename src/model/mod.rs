//! The validated model: what the chart shows, every rule already met. Only `check` builds
//! one, so the drawing and the words never meet a rank outside its field or a missing source.

mod panel;

pub use panel::{BarItem, Measure, Panel, PanelKind, RankItem, Reference, StatItem};

use crate::lang::{Lang, LocalText};

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    /// The full citation, for the table and the sources line.
    pub text: LocalText,
    /// The name the compact readout uses (the full citation where the file gives none).
    pub short: LocalText,
    pub url: Option<String>,
}

/// One evaluation. `rank` is `None` where no source publishes it.
#[derive(Debug, Clone, PartialEq)]
pub struct RankPoint {
    pub year: i32,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// Indices into [`Model::sources`].
    pub sources: Vec<usize>,
    pub note: Option<LocalText>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub text: LocalText,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub label: LocalText,
    pub consecutive_rises: Option<Claim>,
    pub points: Vec<RankPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub example: bool,
    pub language: Lang,
    pub title: LocalText,
    pub subtitle: Option<LocalText>,
    pub place: LocalText,
    pub sources: Vec<Source>,
    pub ranking: Ranking,
    pub panels: Vec<Panel>,
}

impl Model {
    /// The largest number of places on the rank axis: the most zones ranked in any year,
    /// or the worst rank where no year says how many were ranked.
    pub fn rank_axis_max(&self) -> u32 {
        self.ranking
            .points
            .iter()
            .flat_map(|p| [p.rank, p.of])
            .flatten()
            .max()
            .unwrap_or(1)
    }

    pub fn source_texts(&self, ids: &[usize], lang: Lang) -> Vec<&str> {
        ids.iter()
            .filter_map(|&i| self.sources.get(i))
            .map(|s| s.text.get(lang))
            .collect()
    }

    /// The sources' short names, for the readout.
    pub fn source_short_names(&self, ids: &[usize], lang: Lang) -> Vec<&str> {
        ids.iter()
            .filter_map(|&i| self.sources.get(i))
            .map(|s| s.short.get(lang))
            .collect()
    }
}
