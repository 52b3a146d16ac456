//! Each canvas's accessible summary, written from the data: what a screen reader says
//! first, and the alternative text of the build-time picture.

use super::annotations::where_annotated;
use super::readout::{measure_text, stat_text};
use crate::model::{Model, PanelKind, RankPoint};
use crate::phrasebook::annotations::annotation_sentence;
use crate::phrasebook::peers::{peer_latest, peers_sentence};
use crate::phrasebook::phrases::{
    climb_sentence, cut_axis_sentence, example_prefix, not_reported, punct, rank_of, rank_short,
    unreported_years, Climb,
};
use crate::phrasebook::Lang;

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
    s.push_str(&unreported_years(&unknown, lang));
    for a in &model.ranking.annotations {
        s.push_str(&annotation_sentence(
            &where_annotated(a.kind, lang),
            a.text.get(lang),
            lang,
        ));
    }
    let latest: Vec<String> = model
        .ranking
        .peers
        .iter()
        .filter_map(|peer| {
            let p = peer.points.iter().rev().find(|p| p.rank.is_some())?;
            Some(peer_latest(peer.name.get(lang), p.year, p.rank?, lang))
        })
        .collect();
    if !latest.is_empty() {
        s.push_str(&peers_sentence(&latest, &model.measure_word, lang));
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

/// A panel's accessible summary, as a sentence: its title, then each item with its values
/// ("高新技术企业：增长+260%" / "High-tech enterprises: growth +260%").
pub fn panel_summary(model: &Model, panel: usize, lang: Lang) -> String {
    let Some(p) = model.panels.get(panel) else {
        return String::new();
    };
    let punct = punct(lang);
    let space = if lang == Lang::En { " " } else { "" };
    let items: Vec<String> = match &p.kind {
        PanelKind::Ranks { of, items, .. } => items
            .iter()
            .map(|it| {
                let rank = it.rank.map_or_else(
                    || not_reported(lang).to_string(),
                    |r| rank_of(r, Some(*of), &model.measure_word, lang),
                );
                format!("{}{}{rank}", it.label.get(lang), punct.colon)
            })
            .collect(),
        PanelKind::Bars { measures, items } => items
            .iter()
            .map(|it| {
                let values: Vec<String> = measures
                    .iter()
                    .zip(&it.values)
                    .map(|(m, v)| {
                        let value = measure_text(m, *v, lang);
                        let label = m.label.get(lang);
                        // Mid-sentence in English: "growth", but "R&D" stays as written.
                        let mut chars = label.chars();
                        let label = match (lang, chars.next(), chars.next()) {
                            (Lang::En, Some(a), Some(b)) if b.is_ascii_lowercase() => {
                                format!("{}{}", a.to_ascii_lowercase(), &label[a.len_utf8()..])
                            }
                            _ => label.to_string(),
                        };
                        format!("{label}{space}{value}")
                    })
                    .collect();
                format!(
                    "{}{}{}",
                    it.label.get(lang),
                    punct.colon,
                    values.join(punct.comma)
                )
            })
            .collect(),
        PanelKind::Stats { items } => items
            .iter()
            .map(|it| {
                let value = stat_text(it, lang);
                let detail = it
                    .detail
                    .as_ref()
                    .map(|d| format!("{}({})", space, d.get(lang)))
                    .unwrap_or_default();
                let detail = if lang == Lang::Zh {
                    detail.replace('(', "（").replace(')', "）")
                } else {
                    detail
                };
                format!("{}{}{value}{detail}", it.label.get(lang), punct.colon)
            })
            .collect(),
    };
    format!(
        "{}{}{}{}",
        p.title.get(lang),
        punct.colon,
        items.join(punct.semicolon),
        punct.stop
    )
}
