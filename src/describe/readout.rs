//! What the tooltip shows and the live region says for one inspected item. Built only from
//! the model, so every number said is a number in the data file.

use crate::model::{add_sources, Measure, Model, PanelKind, RankPoint, StatItem};
use crate::phrasebook::phrases::{
    between_known_ranks, change_since, format_value, no_data, not_reported, punct, rank_of,
    rank_short, readout_sources, with_unit, year_label,
};
use crate::phrasebook::Lang;

/// What the tooltip shows and the live region says for one inspected item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readout {
    pub heading: String,
    pub lines: Vec<String>,
}

impl Readout {
    /// One sentence for screen readers.
    pub fn announcement(&self, lang: Lang) -> String {
        let sep = punct(lang).comma;
        let mut out = self.heading.clone();
        for l in &self.lines {
            out.push_str(sep);
            out.push_str(l);
        }
        out
    }
}

fn previous_known(points: &[RankPoint], index: usize) -> Option<(i32, u32)> {
    points[..index]
        .iter()
        .rev()
        .find_map(|p| p.rank.map(|r| (p.year, r)))
}

/// The readout for one evaluation year.
pub fn rank_readout(model: &Model, index: usize, lang: Lang) -> Option<Readout> {
    rank_readout_beside(model, index, None, lang)
}

/// The readout for one evaluation year, with another place's rank that year beside the main
/// place's when `peer` is focused; each rank then names its place.
pub fn rank_readout_beside(
    model: &Model,
    index: usize,
    peer: Option<usize>,
    lang: Lang,
) -> Option<Readout> {
    let points = &model.ranking.points;
    let p = points.get(index)?;
    let mut lines = Vec::new();
    match p.rank {
        Some(rank) => {
            lines.push(rank_of(rank, p.of, &model.measure_word, lang));
            if let Some((py, pr)) = previous_known(points, index) {
                lines.push(change_since(py, pr, rank, lang));
            }
        }
        None => {
            lines.push(not_reported(lang).to_string());
            let before = previous_known(points, index).map(|(y, _)| y);
            let after = points[index + 1..]
                .iter()
                .find(|q| q.rank.is_some())
                .map(|q| q.year);
            if let (Some(claim), Some(a), Some(b)) =
                (&model.ranking.consecutive_rises, before, after)
            {
                lines.push(between_known_ranks(claim.text.get(lang), a, b, lang));
            }
        }
    }
    let mut ids = model.year_sources(index);
    if let Some((other, q)) = peer.and_then(|k| {
        let other = model.ranking.peers.get(k)?;
        Some((other, other.points.get(index)?))
    }) {
        // A comparison: the two ranks side by side, short enough for a phone's docked
        // readout. The main place's change is in its readout without another place.
        let colon = punct(lang).colon;
        lines.truncate(1);
        ids.clone_from(&p.sources);
        lines[0] = format!("{}{colon}{}", model.place_short.get(lang), lines[0]);
        // The same evaluation's field is said once, with the main place's rank.
        let rank = match (q.rank, q.of) {
            (None, _) => not_reported(lang).to_string(),
            (Some(r), Some(n)) if q.of != p.of => rank_of(r, Some(n), &model.measure_word, lang),
            (Some(r), _) => rank_short(r, lang),
        };
        lines.push(format!("{}{colon}{rank}", other.name.get(lang)));
        if let Some(note) = &q.note {
            lines.push(format!("{}{colon}{}", other.name.get(lang), note.get(lang)));
        }
        add_sources(&mut ids, &q.sources);
    }
    if let Some(note) = &p.note {
        lines.push(note.get(lang).to_string());
    }
    // Announced with the year they belong to: its callout, and any band over it.
    for a in model
        .ranking
        .annotations
        .iter()
        .filter(|a| a.covers(p.year))
    {
        lines.push(a.text.get(lang).to_string());
    }
    lines.push(readout_sources(&model.source_short_names(&ids, lang), lang));
    Some(Readout {
        heading: year_label(p.year, lang),
        lines,
    })
}

/// The readout for item `index` of panel `panel`.
pub fn panel_readout(model: &Model, panel: usize, index: usize, lang: Lang) -> Option<Readout> {
    let p = model.panels.get(panel)?;
    let colon = punct(lang).colon;
    let (heading, mut lines, sources) = match &p.kind {
        PanelKind::Ranks {
            of,
            reference,
            items,
        } => {
            let it = items.get(index)?;
            let mut lines = vec![match it.rank {
                Some(r) => rank_of(r, Some(*of), &model.measure_word, lang),
                None => not_reported(lang).to_string(),
            }];
            if let Some(r) = reference {
                lines.push(format!(
                    "{}{colon}{}",
                    r.label.get(lang),
                    rank_short(r.rank, lang)
                ));
            }
            (it.label.get(lang), lines, &it.sources)
        }
        PanelKind::Bars { measures, items } => {
            let it = items.get(index)?;
            let lines = measures
                .iter()
                .zip(&it.values)
                .map(|(m, v)| format!("{}{colon}{}", m.label.get(lang), measure_text(m, *v, lang)))
                .collect();
            (it.label.get(lang), lines, &it.sources)
        }
        PanelKind::Stats { items } => {
            let it = items.get(index)?;
            let mut lines = vec![stat_text(it, lang)];
            if let Some(d) = &it.detail {
                lines.push(d.get(lang).to_string());
            }
            (it.label.get(lang), lines, &it.sources)
        }
    };
    lines.push(readout_sources(
        &model.source_short_names(sources, lang),
        lang,
    ));
    Some(Readout {
        heading: heading.to_string(),
        lines,
    })
}

/// A bar measure's value with its unit, as shown in `lang`, or "no data".
pub(super) fn measure_text(m: &Measure, v: Option<f64>, lang: Lang) -> String {
    v.map_or_else(
        || no_data(lang).to_string(),
        |v| with_unit(&m.shown(v, lang), m.unit.get(lang), lang),
    )
}

/// A figure tile's value with its unit, or "no data".
pub(super) fn stat_text(it: &StatItem, lang: Lang) -> String {
    it.value.map_or_else(
        || no_data(lang).to_string(),
        |v| with_unit(&format_value(v, false), it.unit.get(lang), lang),
    )
}
