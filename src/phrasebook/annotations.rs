//! The words around the rank chart's annotations, in both languages.

use super::phrases::ordinal;
use super::Lang;

/// "第100名处的参考线" / "Reference line at 100th".
pub fn line_at(rank: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第{rank}名处的参考线"),
        Lang::En => format!("Reference line at {}", ordinal(rank)),
    }
}

/// "2016—2017年度" / "2016–2017", or one year.
pub fn years_span(from: i32, to: i32, lang: Lang) -> String {
    match (lang, from == to) {
        (Lang::Zh, true) => format!("{from}年度"),
        (Lang::Zh, false) => format!("{from}—{to}年度"),
        (Lang::En, true) => from.to_string(),
        (Lang::En, false) => format!("{from}–{to}"),
    }
}

/// One annotation as a sentence of the summary: where, then what it says.
pub fn annotation_sentence(place: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{place}：{text}。"),
        Lang::En => format!(" {place}: {text}."),
    }
}

/// The caption of the annotations' table and its first two column headings.
pub fn annotations_table_words(lang: Lang) -> (&'static str, [&'static str; 2]) {
    match lang {
        Lang::Zh => ("图中标注", ["位置", "内容"]),
        Lang::En => ("Marked on the chart", ["Where", "Text"]),
    }
}
