//! The words about the other places on the rank chart, in both languages.

use super::phrases::ordinal;
use super::Lang;

/// One other place in the summary: "东湖园区（2021年度第18名）" / "East Lake Park (18th in 2021)".
pub fn peer_latest(name: &str, year: i32, rank: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}（{year}年度第{rank}名）"),
        Lang::En => format!("{name} ({} in {year})", ordinal(rank)),
    }
}

/// The summary's sentence naming the other places drawn, each with its latest known rank.
pub fn peers_sentence(items: &[String], word: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "图中灰线为作对照的其他{}{word}：{}。",
            items.len(),
            items.join("、")
        ),
        Lang::En => format!(" Also drawn in grey for comparison: {}.", items.join("; ")),
    }
}

/// The caption of the table of every place's ranks.
pub fn peers_table_caption(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "各地区排名对照",
        Lang::En => "Every place's rank",
    }
}

/// After the canvas's summary, where ↑ and ↓ move between places.
pub fn places_key_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "按上下方向键在各地区之间切换。",
        Lang::En => " Use the up and down arrow keys to move between places.",
    }
}
