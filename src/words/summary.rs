//! Each canvas's accessible summary, written from the data: what a screen reader says
//! first, and the alternative text of the build-time picture.

use super::annotations::where_annotated;
use super::readout::panel_readout;
use crate::lang::annotations::annotation_sentence;
use crate::lang::phrases::{
    climb_sentence, cut_axis_sentence, example_prefix, punct, rank_short, unpublished_years, Climb,
};
use crate::lang::Lang;
use crate::model::{Model, RankPoint};

/// The chart's accessible summary, written from the data.
pub fn summary(model: &Model, lang: Lang) -> String {
    let points = &model.ranking.points;
    let known: Vec<&RankPoint> = points.iter().filter(|p| p.rank.is_some()).collect();
    let unknown: Vec<String> = points
        .iter()
        .filter(|p| p.rank.is_none())
        .map(|p| p.year.to_string())
        .collect();
    let place = model.place.get(lang);
    let label = model.ranking.label.get(lang);
    let mut s = match (known.first(), known.last()) {
        (Some(a), Some(b)) if known.len() > 1 => {
            let (ra, rb) = (a.rank.unwrap_or(0), b.rank.unwrap_or(0));
            let evaluations = points
                .iter()
                .filter(|p| p.year > a.year && p.year <= b.year)
                .count();
            climb_sentence(
                &Climb {
                    place,
                    label,
                    from_year: a.year,
                    from_rank: ra,
                    to_year: b.year,
                    to_rank: rb,
                    to_of: b.of,
                    evaluations,
                    word: &model.measure_word,
                },
                lang,
            )
        }
        (Some(a), _) => format!(
            "{place} {label} {} {}",
            a.year,
            rank_short(a.rank.unwrap_or(0), lang)
        ),
        _ => place.to_string(),
    };
    s.push_str(&unpublished_years(&unknown, lang));
    for a in &model.ranking.annotations {
        s.push_str(&annotation_sentence(
            &where_annotated(a.kind, lang),
            a.text.get(lang),
            lang,
        ));
    }
    if model.rank_axis_is_cut() {
        let (top, bottom) = model.rank_axis_range();
        s.push_str(&cut_axis_sentence(top, bottom, lang));
    }
    if model.example {
        s.insert_str(0, example_prefix(lang));
    }
    s
}

/// A panel's accessible summary: its title, then each item with its value.
pub fn panel_summary(model: &Model, panel: usize, lang: Lang) -> String {
    let Some(p) = model.panels.get(panel) else {
        return String::new();
    };
    let punct = punct(lang);
    let items: Vec<String> = (0..p.kind.item_count())
        .filter_map(|i| panel_readout(model, panel, i, lang))
        .map(|r| {
            let n = r.lines.len().saturating_sub(1);
            let values = r.lines[..n].join(punct.comma);
            format!("{} {values}", r.heading)
        })
        .collect();
    format!(
        "{}{}{}{}",
        p.title.get(lang),
        punct.colon,
        items.join(punct.semicolon),
        punct.stop
    )
}
