//! The validated model: what the chart shows, every rule already met. Only `check` builds
//! one, so the drawing and the words never meet a rank outside its field or a missing source.

mod panel;

pub use panel::{BarItem, Measure, Panel, PanelKind, RankItem, Reference, StatItem};

use crate::phrasebook::{Lang, LocalText};

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    /// The full citation with the passage, for the table.
    pub text: LocalText,
    /// The name the compact readout uses (the full citation where the file gives none).
    pub short: LocalText,
    pub url: Option<String>,
    /// The document it cites (an index into [`Model::documents`]) and the passage relied
    /// on; `None` for a source that is its own citation.
    pub document: Option<(usize, LocalText)>,
}

/// A document the sources cite, named once in the sources list.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub citation: LocalText,
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
    pub axis: Axis,
    pub annotations: Vec<Annotation>,
    pub peers: Vec<Peer>,
}

/// Another place in the same ranking, drawn muted for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Peer {
    pub name: LocalText,
    /// The name where the full one does not fit (the full one where the file gives none).
    pub short: LocalText,
    /// One per evaluation of the main series, in its order: a year the file does not give
    /// for this place is unknown (`rank: None`, no sources), never filled in.
    pub points: Vec<RankPoint>,
}

/// A sourced note on the rank chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub kind: AnnotationKind,
    pub text: LocalText,
    /// Indices into [`Model::sources`].
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnotationKind {
    /// A reference line across the plot at a rank, such as the top-100 line.
    Line { rank: u32 },
    /// A shaded span of evaluations, from one year to another (both included).
    Band { from: i32, to: i32 },
    /// A note on one year's point, joined to it by a connector.
    Callout { year: i32 },
}

impl Annotation {
    /// Whether the note belongs to `year`: a callout on it, or a band over it.
    pub fn covers(&self, year: i32) -> bool {
        match self.kind {
            AnnotationKind::Line { .. } => false,
            AnnotationKind::Band { from, to } => (from..=to).contains(&year),
            AnnotationKind::Callout { year: y } => y == year,
        }
    }
}

/// How much of the rank scale the rank axis shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Axis {
    /// From 1st to the largest field size or rank.
    #[default]
    Full,
    /// Around the known ranks, with visible padding.
    Fit,
    /// From one rank to another, as the author chose.
    Range { from: u32, to: u32 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub example: bool,
    pub language: Lang,
    pub title: LocalText,
    pub subtitle: Option<LocalText>,
    pub place: LocalText,
    /// The place's short name (its full name where the file gives none).
    pub place_short: LocalText,
    /// The Chinese measure word in "共157家".
    pub measure_word: String,
    pub documents: Vec<Document>,
    pub sources: Vec<Source>,
    pub ranking: Ranking,
    pub panels: Vec<Panel>,
}

/// Add `more` to a list of sources, each once, in the order they come.
pub fn add_sources(ids: &mut Vec<usize>, more: &[usize]) {
    for &s in more {
        if !ids.contains(&s) {
            ids.push(s);
        }
    }
}

impl Model {
    /// The largest number of places on the rank axis: the most zones ranked in any year,
    /// or the worst rank where no year says how many were ranked.
    pub fn rank_axis_max(&self) -> u32 {
        self.all_points()
            .flat_map(|p| [p.rank, p.of])
            .flatten()
            .max()
            .unwrap_or(1)
    }

    /// The best and worst rank the axis shows, top to bottom. A fitted axis pads the known
    /// ranks by 15% of their spread (at least 5 places) so no point sits on the edge.
    pub fn rank_axis_range(&self) -> (u32, u32) {
        let known = || self.all_points().filter_map(|p| p.rank);
        match self.ranking.axis {
            Axis::Full => (1, self.rank_axis_max()),
            Axis::Range { from, to } => (from, to),
            Axis::Fit => match (known().min(), known().max()) {
                (Some(best), Some(worst)) => {
                    let pad = ((worst - best) * 3 / 20).max(5);
                    (best.saturating_sub(pad).max(1), worst + pad)
                }
                _ => (1, self.rank_axis_max()),
            },
        }
    }

    /// The main place's points, then every peer's: what the rank axis must hold.
    pub fn all_points(&self) -> impl Iterator<Item = &RankPoint> {
        let peers = self.ranking.peers.iter().flat_map(|p| &p.points);
        self.ranking.points.iter().chain(peers)
    }

    /// The rank axis leaves out the top of the scale: it must say so.
    pub fn rank_axis_is_cut(&self) -> bool {
        self.rank_axis_range().0 > 1
    }

    pub fn source_texts(&self, ids: &[usize], lang: Lang) -> Vec<&str> {
        ids.iter()
            .filter_map(|&i| self.sources.get(i))
            .map(|s| s.text.get(lang))
            .collect()
    }

    /// The sources behind what a year's row and readout show: its own, and, where they show a
    /// change from an earlier known rank, that rank's too (a change has two ends).
    pub fn year_sources(&self, index: usize) -> Vec<usize> {
        let points = &self.ranking.points;
        let Some(p) = points.get(index) else {
            return Vec::new();
        };
        let mut ids = p.sources.clone();
        if p.rank.is_some() {
            if let Some(before) = points[..index].iter().rev().find(|q| q.rank.is_some()) {
                add_sources(&mut ids, &before.sources);
            }
        }
        ids
    }

    /// The sources' short names, for the readout.
    pub fn source_short_names(&self, ids: &[usize], lang: Lang) -> Vec<&str> {
        ids.iter()
            .filter_map(|&i| self.sources.get(i))
            .map(|s| s.short.get(lang))
            .collect()
    }
}
