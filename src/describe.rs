//! Words for what the chart shows: tooltip lines, screen-reader announcements and the
//! summary. Built only from the model, so every number said is a number in the data file.

use crate::model::{Lang, Model, RankPoint};

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
pub fn rank_of(rank: u32, of: Option<u32>, lang: Lang) -> String {
    match (lang, of) {
        (Lang::Zh, Some(n)) => format!("第{rank}名（共{n}个）"),
        (Lang::Zh, None) => format!("第{rank}名（参评总数未公布）"),
        (Lang::En, Some(n)) => format!("{} of {n}", ordinal(rank)),
        (Lang::En, None) => format!("{} (number ranked not published)", ordinal(rank)),
    }
}

pub fn year_label(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年度"),
        Lang::En => year.to_string(),
    }
}

pub fn not_published(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "排名未公布",
        Lang::En => "rank not published",
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

/// "↑3", drawn on the segment between two adjacent known years.
pub fn change_mark(prev_rank: u32, rank: u32) -> String {
    let up = i64::from(prev_rank) - i64::from(rank);
    match up.signum() {
        1 => format!("↑{up}"),
        -1 => format!("↓{}", -up),
        _ => "=".to_string(),
    }
}

/// What the tooltip shows and the live region says for one inspected item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readout {
    pub heading: String,
    pub lines: Vec<String>,
}

impl Readout {
    /// One sentence for screen readers.
    pub fn announcement(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::Zh => "，",
            Lang::En => ", ",
        };
        let mut out = self.heading.clone();
        for l in &self.lines {
            out.push_str(sep);
            out.push_str(l);
        }
        out
    }
}

fn sources_line(model: &Model, ids: &[usize], lang: Lang) -> String {
    let (label, sep) = match lang {
        Lang::Zh => ("来源：", "；"),
        Lang::En => ("Source: ", "; "),
    };
    format!("{label}{}", model.source_texts(ids, lang).join(sep))
}

fn previous_known(points: &[RankPoint], index: usize) -> Option<(i32, u32)> {
    points[..index]
        .iter()
        .rev()
        .find_map(|p| p.rank.map(|r| (p.year, r)))
}

/// The readout for one evaluation year.
pub fn rank_readout(model: &Model, index: usize, lang: Lang) -> Option<Readout> {
    let points = &model.ranking.points;
    let p = points.get(index)?;
    let mut lines = Vec::new();
    match p.rank {
        Some(rank) => {
            lines.push(rank_of(rank, p.of, lang));
            if let Some((py, pr)) = previous_known(points, index) {
                lines.push(change_since(py, pr, rank, lang));
            }
        }
        None => {
            lines.push(not_published(lang).to_string());
            let before = previous_known(points, index).map(|(y, _)| y);
            let after = points[index + 1..]
                .iter()
                .find(|q| q.rank.is_some())
                .map(|q| q.year);
            if let (Some(claim), Some(a), Some(b)) =
                (&model.ranking.consecutive_rises, before, after)
            {
                lines.push(match lang {
                    Lang::Zh => format!("据“{}”，该年度排名介于{a}与{b}年度之间", claim.text.zh),
                    Lang::En => format!(
                        "{} place it between the {a} and {b} ranks",
                        capitalise(&claim.text.en)
                    ),
                });
            }
        }
    }
    if let Some(note) = &p.note {
        lines.push(note.get(lang).to_string());
    }
    lines.push(sources_line(model, &p.sources, lang));
    Some(Readout {
        heading: year_label(p.year, lang),
        lines,
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

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
            match lang {
                Lang::Zh => {
                    let verb = if rb < ra {
                        "升至"
                    } else if rb > ra {
                        "降至"
                    } else {
                        "保持"
                    };
                    format!(
                        "{place}{label}从{}年度的第{ra}名，经{evaluations}次评价{verb}{}年度的{}",
                        a.year,
                        b.year,
                        rank_of(rb, b.of, lang)
                    )
                }
                Lang::En => {
                    let verb = if rb < ra {
                        "rose"
                    } else if rb > ra {
                        "fell"
                    } else {
                        "held"
                    };
                    format!(
                        "{place}, {}: {verb} from {} in {} to {} in {} over {evaluations} evaluations",
                        label,
                        ordinal(ra),
                        a.year,
                        rank_of(rb, b.of, lang),
                        b.year
                    )
                }
            }
        }
        (Some(a), _) => format!(
            "{place} {label} {} {}",
            a.year,
            rank_short(a.rank.unwrap_or(0), lang)
        ),
        _ => place.to_string(),
    };
    if !unknown.is_empty() {
        match lang {
            Lang::Zh => s.push_str(&format!("；{}年度排名未公布。", unknown.join("、"))),
            Lang::En => s.push_str(&format!("; {} not published.", join_and(&unknown))),
        }
    } else {
        s.push_str(if lang == Lang::Zh { "。" } else { "." });
    }
    if model.example {
        s.insert_str(
            0,
            if lang == Lang::Zh {
                "【示例数据】"
            } else {
                "[Example data] "
            },
        );
    }
    s
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The readout for item `index` of panel `panel`.
pub fn panel_readout(model: &Model, panel: usize, index: usize, lang: Lang) -> Option<Readout> {
    use crate::panels::{format_value, with_unit, PanelKind};
    let p = model.panels.get(panel)?;
    let no_data = match lang {
        Lang::Zh => "无数据",
        Lang::En => "no data",
    };
    let colon = match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    };
    let (heading, mut lines, sources) = match &p.kind {
        PanelKind::Ranks {
            of,
            reference,
            items,
        } => {
            let it = items.get(index)?;
            let mut lines = vec![match it.rank {
                Some(r) => rank_of(r, Some(*of), lang),
                None => not_published(lang).to_string(),
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
                .map(|(m, v)| {
                    let value = v.map_or_else(
                        || no_data.to_string(),
                        |v| with_unit(&format_value(v, m.signed), m.unit.get(lang), lang),
                    );
                    format!("{}{colon}{value}", m.label.get(lang))
                })
                .collect();
            (it.label.get(lang), lines, &it.sources)
        }
        PanelKind::Stats { items } => {
            let it = items.get(index)?;
            let mut lines = vec![it.value.map_or_else(
                || no_data.to_string(),
                |v| with_unit(&format_value(v, false), it.unit.get(lang), lang),
            )];
            if let Some(d) = &it.detail {
                lines.push(d.get(lang).to_string());
            }
            (it.label.get(lang), lines, &it.sources)
        }
    };
    lines.push(sources_line(model, sources, lang));
    Some(Readout {
        heading: heading.to_string(),
        lines,
    })
}

/// A panel's accessible summary: its title, then each item with its value.
pub fn panel_summary(model: &Model, panel: usize, lang: Lang) -> String {
    let Some(p) = model.panels.get(panel) else {
        return String::new();
    };
    let (colon, sep, end) = match lang {
        Lang::Zh => ("：", "；", "。"),
        Lang::En => (": ", "; ", "."),
    };
    let items: Vec<String> = (0..p.kind.item_count())
        .filter_map(|i| panel_readout(model, panel, i, lang))
        .map(|r| {
            let n = r.lines.len().saturating_sub(1);
            let values = r.lines[..n].join(if lang == Lang::Zh { "，" } else { ", " });
            format!("{} {values}", r.heading)
        })
        .collect();
    format!("{}{colon}{}{end}", p.title.get(lang), items.join(sep))
}
