//! Every phrase the infographic says, in each language: on the canvas, in readouts, the
//! summary, the tables, the buttons and the messages shown in place of a chart. Each phrase
//! is one function with one match arm per language, so a third language is one arm more
//! per phrase here and nothing elsewhere.

use super::Lang;

/// Punctuation that differs between the languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Punct {
    /// After a label: "：" / ": ".
    pub colon: &'static str,
    /// Between the parts of one item: "，" / ", ".
    pub comma: &'static str,
    /// Between items or sources: "；" / "; ".
    pub semicolon: &'static str,
    /// At the end of a sentence: "。" / ".".
    pub stop: &'static str,
}

pub fn punct(lang: Lang) -> Punct {
    match lang {
        Lang::Zh => Punct {
            colon: "：",
            comma: "，",
            semicolon: "；",
            stop: "。",
        },
        Lang::En => Punct {
            colon: ": ",
            comma: ", ",
            semicolon: "; ",
            stop: ".",
        },
    }
}

/// English ordinal: 1st, 2nd, 3rd, 11th, 101st.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "第12名" / "12th": the short form used on the chart itself.
pub fn rank_short(rank: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第{rank}名"),
        Lang::En => ordinal(rank),
    }
}

/// "第12名（共250个）" / "12th of 250".
pub fn rank_of(rank: u32, of: Option<u32>, word: &str, lang: Lang) -> String {
    match (lang, of) {
        (Lang::Zh, Some(n)) => format!("第{rank}名（共{n}{word}）"),
        (Lang::Zh, None) => format!("第{rank}名（参评总数不详）"),
        (Lang::En, Some(n)) => format!("{} of {n}", ordinal(rank)),
        (Lang::En, None) => format!("{} (number ranked not reported)", ordinal(rank)),
    }
}

/// "2021年度" / "2021".
pub fn year_label(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年度"),
        Lang::En => year.to_string(),
    }
}

pub fn not_reported(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "排名不详",
        Lang::En => "rank not reported",
    }
}

/// The words on the shaded span of years with no reported rank.
pub fn gap_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "不详",
        Lang::En => "not reported",
    }
}

/// The span's words with its years: "2017—2018年度不详" / "2017–2018 not reported".
pub fn gap_label_with_years(span: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{span}{}", gap_label(lang)),
        Lang::En => format!("{span} {}", gap_label(lang)),
    }
}

/// Where a panel's value is missing.
pub fn no_data(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "无数据",
        Lang::En => "no data",
    }
}

/// The change from an earlier known rank; a lower rank number is a rise.
pub fn change_since(prev_year: i32, prev_rank: u32, rank: u32, lang: Lang) -> String {
    let up = i64::from(prev_rank) - i64::from(rank);
    let n = up.unsigned_abs();
    match (lang, up.signum()) {
        (Lang::Zh, 1) => format!("较{prev_year}年度上升{n}位"),
        (Lang::Zh, -1) => format!("较{prev_year}年度下降{n}位"),
        (Lang::Zh, _) => format!("与{prev_year}年度持平"),
        (Lang::En, 1) => format!("up {n} places from {prev_year}"),
        (Lang::En, -1) => format!("down {n} places from {prev_year}"),
        (Lang::En, _) => format!("unchanged from {prev_year}"),
    }
}

/// "↑3", drawn on the segment between two adjacent known years; the same in every language.
pub fn change_mark(prev_rank: u32, rank: u32) -> String {
    let up = i64::from(prev_rank) - i64::from(rank);
    match up.signum() {
        1 => format!("↑{up}"),
        -1 => format!("↓{}", -up),
        _ => "=".to_string(),
    }
}

/// An unpublished year bounded by a sourced claim that every evaluation rose: its rank lies
/// between the two known ranks (not between the years). It follows other words in the
/// announcement, so it does not open a sentence.
pub fn between_known_ranks(claim: &str, before: i32, after: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("据“{claim}”，该年度排名介于{before}年度与{after}年度的排名之间"),
        Lang::En => format!("between its {before} and {after} ranks, since {claim} are reported"),
    }
}

/// Which way a rank moved, as the summary says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    Rose,
    Fell,
    Held,
}

/// The summary's main sentence: the place's first and last known ranks.
pub struct Climb<'a> {
    pub place: &'a str,
    pub label: &'a str,
    pub from_year: i32,
    pub from_rank: u32,
    pub to_year: i32,
    pub to_rank: u32,
    pub to_of: Option<u32>,
    pub evaluations: usize,
    /// The Chinese measure word for what is ranked.
    pub word: &'a str,
}

pub fn climb_sentence(c: &Climb, lang: Lang) -> String {
    let movement = match c.to_rank.cmp(&c.from_rank) {
        std::cmp::Ordering::Less => Movement::Rose,
        std::cmp::Ordering::Greater => Movement::Fell,
        std::cmp::Ordering::Equal => Movement::Held,
    };
    let to = rank_of(c.to_rank, c.to_of, c.word, lang);
    match lang {
        Lang::Zh => {
            let verb = match movement {
                Movement::Rose => "升至",
                Movement::Fell => "降至",
                Movement::Held => "保持",
            };
            format!(
                "{}{}从{}年度的第{}名，经{}次评价{verb}{}年度的{to}",
                c.place, c.label, c.from_year, c.from_rank, c.evaluations, c.to_year
            )
        }
        Lang::En => {
            let verb = match movement {
                Movement::Rose => "rose",
                Movement::Fell => "fell",
                Movement::Held => "held",
            };
            format!(
                "{} {verb} from {} in {} to {to} in {} ({}, {} evaluations)",
                c.place,
                ordinal(c.from_rank),
                c.from_year,
                c.to_year,
                c.label,
                c.evaluations
            )
        }
    }
}

/// The summary's last clause: which years are not reported, or a full stop.
pub fn unreported_years(years: &[String], lang: Lang) -> String {
    match (lang, years) {
        (_, []) => punct(lang).stop.to_string(),
        (Lang::Zh, _) => format!("；{}年度排名不详。", years.join("、")),
        (Lang::En, [one]) => format!("; {one} not reported."),
        (Lang::En, [rest @ .., last]) => {
            format!("; {} and {last} not reported.", rest.join(", "))
        }
    }
}

/// Before the title and the summary of a chart drawn from invented figures.
pub fn example_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "【示例数据】",
        Lang::En => "[Example data] ",
    }
}

/// Across the top of a rank chart drawn from invented figures.
pub fn example_watermark(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "示例数据，非真实排名",
        Lang::En => "EXAMPLE DATA, NOT REAL RANKS",
    }
}

/// Sources joined into one run of text, for a table cell.
pub fn source_list(texts: &[&str], lang: Lang) -> String {
    texts.join(punct(lang).semicolon)
}

/// "来源：…" / "Source: …" or "Sources: …" by how many there are.
fn sources_head(count: usize, lang: Lang) -> &'static str {
    match (lang, count) {
        (Lang::Zh, _) => "来源：",
        (Lang::En, 1) => "Source: ",
        (Lang::En, _) => "Sources: ",
    }
}

/// The last line of a readout: its sources.
pub fn readout_sources(texts: &[&str], lang: Lang) -> String {
    format!(
        "{}{}",
        sources_head(texts.len(), lang),
        source_list(texts, lang)
    )
}

/// Every document with its passages, under the picture: documents end with a full stop,
/// since a document's passages are joined by semicolons.
pub fn all_sources(texts: &[&str], lang: Lang) -> String {
    let between = match lang {
        Lang::Zh => "。",
        Lang::En => ". ",
    };
    format!("{}{}", sources_head(texts.len(), lang), texts.join(between))
}

/// The rank axis's caption: "排名（第1名在顶部）" / "Rank (1st at top)".
pub fn rank_axis_caption(label: &str, cut_at: Option<u32>, lang: Lang) -> String {
    let first = rank_short(1, lang);
    match (lang, cut_at) {
        (Lang::Zh, None) => format!("{label}（{first}在顶部）"),
        (Lang::En, None) => format!("{label} ({first} at top)"),
        // Short enough to stay whole beside the counter on a 320 px phone.
        (Lang::Zh, Some(top)) => format!("{label}（纵轴自第{top}名起）"),
        (Lang::En, Some(top)) => format!("{label} (axis from {}, not {first})", ordinal(top)),
    }
}

/// The summary's sentence for a rank axis that does not start at 1st.
pub fn cut_axis_sentence(top: u32, bottom: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("纵轴未从第1名开始，只显示第{top}至{bottom}名。"),
        Lang::En => format!(
            " The rank axis does not start at 1st: it shows {} to {} only.",
            ordinal(top),
            ordinal(bottom)
        ),
    }
}

/// The reference line's words on a sub-ranking strip: "综合排名第74名" / "Overall rank: 74th".
pub fn reference_label(label: &str, rank: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{label}{}", rank_short(rank, lang)),
        Lang::En => format!("{label}: {}", rank_short(rank, lang)),
    }
}

/// The end of a sub-ranking strip where the best rank is.
pub fn best_rank_end(lang: Lang) -> String {
    let first = rank_short(1, lang);
    match lang {
        Lang::Zh => format!("← {first}（最好）"),
        Lang::En => format!("← {first} (best)"),
    }
}

/// A bar column's heading with its unit: "投资（亿元）" / "Investment (100m yuan)".
pub fn label_with_unit(label: &str, unit: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{label}（{unit}）"),
        Lang::En => format!("{label} ({unit})"),
    }
}

pub use super::numbers::{format_shifted, format_value, shifted_text, with_unit};

/// The column headings of the data tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Year,
    Rank,
    Ranked,
    Change,
    Note,
    Source,
    Indicator,
    Item,
    Value,
    Unit,
    Detail,
}

pub fn heading(h: Heading, lang: Lang) -> &'static str {
    use Heading::*;
    match lang {
        Lang::Zh => match h {
            Year => "年度",
            Rank => "名次",
            Ranked => "参评总数",
            Change => "变化",
            Note => "注",
            Source => "来源",
            Indicator => "指标",
            Item => "项目",
            Value => "数值",
            Unit => "单位",
            Detail => "说明",
        },
        Lang::En => match h {
            Year => "Year",
            Rank => "Rank",
            Ranked => "Number ranked",
            Change => "Change",
            Note => "Note",
            Source => "Source",
            Indicator => "Indicator",
            Item => "Item",
            Value => "Value",
            Unit => "Unit",
            Detail => "Detail",
        },
    }
}
