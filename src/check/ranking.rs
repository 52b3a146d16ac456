//! The rules of the rank series: years, ranks within their field, sources, and the claim
//! that every evaluation rose.

use super::annotations::check_annotations;
#[cfg(feature = "author")]
use super::csv_points::points_from_csv;
use super::limits::{MAX_LABEL_CHARS, MAX_POINTS, MAX_ZONES};
use super::peers::check_peers;
use super::problem::{hint, say, Checker};
use super::rank_point::rank_point;
use crate::data::{AxisEntry, ClaimEntry, RankEntry, RankingEntry, SourceEntry};
use crate::model::{Axis, Claim, RankPoint, Ranking};

/// The rank series with its label and claim, or the problems that stop it.
pub(super) fn check_ranking(
    c: &mut Checker,
    ranking: &RankingEntry,
    csv: Option<&str>,
    sources: &[SourceEntry],
) -> Ranking {
    c.text("ranking.label", &ranking.label, MAX_LABEL_CHARS);
    let claim = ranking
        .consecutive_rises
        .as_ref()
        .map(|ClaimEntry { text, sources: ids }| {
            c.text("ranking.consecutive_rises.text", text, MAX_LABEL_CHARS);
            Claim {
                text: text.clone(),
                sources: c.source_refs("ranking.consecutive_rises.sources", ids, sources),
            }
        });
    let (entries, paths) = rank_entries(c, ranking, csv);
    let points = rank_points(c, &entries, &paths, sources);
    if claim.is_some() {
        let known: Vec<&RankPoint> = points.iter().filter(|p| p.rank.is_some()).collect();
        for w in known.windows(2) {
            if let [a, b] = w {
                let (ra, rb) = (a.rank.unwrap_or(0), b.rank.unwrap_or(0));
                let steps = points
                    .iter()
                    .filter(|p| p.year > a.year && p.year <= b.year)
                    .count() as u32;
                if ra < rb + steps {
                    c.report(
                        "ranking.consecutive_rises",
                        say!(
                            format!(
                                "says every evaluation rose, but {} ranks {ra} and {} ranks {rb}",
                                a.year, b.year
                            ),
                            format!(
                                "称每次评价都在上升，但{}年度为第{ra}名、{}年度为第{rb}名",
                                a.year, b.year
                            )
                        ),
                        hint!(
                            "remove the claim, or correct the ranks",
                            "请删去这一说法，或改正名次"
                        ),
                    );
                }
            }
        }
    }
    let peers = check_peers(c, &ranking.peers, &points, sources);
    let every_point: Vec<&RankPoint> = points
        .iter()
        .chain(peers.iter().flat_map(|p| &p.points))
        .collect();
    let axis = check_axis(c, ranking.axis.as_ref(), &every_point);
    let annotations = check_annotations(c, &ranking.annotations, &points, sources);
    Ranking {
        label: ranking.label.clone(),
        consecutive_rises: claim,
        points,
        axis,
        annotations,
        peers,
    }
}

/// The rank series from `points` or from the CSV text, with where each entry came from.
fn rank_entries(
    c: &mut Checker,
    ranking: &RankingEntry,
    csv: Option<&str>,
) -> (Vec<RankEntry>, Vec<String>) {
    match (&ranking.points, &ranking.points_from, csv) {
        (Some(points), None, None) => {
            let paths = (0..points.len())
                .map(|i| format!("ranking.points[{i}]"))
                .collect();
            (points.clone(), paths)
        }
        #[cfg(feature = "author")]
        (None, Some(file), Some(text)) => match points_from_csv(text, file) {
            Ok(found) => found,
            Err(problems) => {
                c.problems.extend(problems);
                (Vec::new(), Vec::new())
            }
        },
        (None, Some(file), _) => {
            // The reader's page reads only points written in the data file: `cargo xtask
            // dist` (or the studio) writes a CSV series into it.
            c.report("ranking.points_from", say!(if cfg!(feature = "author") {
                    format!("{file:?} was not loaded")
                } else {
                    format!("{file:?} is a CSV file, which the page does not read; its ranks must be merged into the data file, as `cargo xtask dist` does")
                }, format!("{file:?}未能读取")), hint!("check that the CSV file exists beside the data file", "请确认CSV文件在数据文件旁边"));
            (Vec::new(), Vec::new())
        }
        _ => {
            c.report(
                "ranking",
                say!(
                    "needs either \"points\" or \"points_from\", not both or neither",
                    "\"points\"和\"points_from\"须给且只给其一"
                ),
                hint!(
                    "list the evaluations in \"points\", or name a CSV file in \"points_from\"",
                    "在\"points\"中列出各次评价，或在\"points_from\"中写CSV文件名"
                ),
            );
            (Vec::new(), Vec::new())
        }
    }
}

fn rank_points(
    c: &mut Checker,
    entries: &[RankEntry],
    paths: &[String],
    sources: &[SourceEntry],
) -> Vec<RankPoint> {
    if entries.len() < 2 || entries.len() > MAX_POINTS {
        c.report(
            "ranking.points",
            say!(
                format!("has {} evaluations", entries.len()),
                format!("有{}次评价", entries.len())
            ),
            hint!(
                format!("a climb needs between 2 and {MAX_POINTS} evaluations"),
                format!("一条排名曲线需要2到{MAX_POINTS}次评价")
            ),
        );
    }
    let mut points: Vec<RankPoint> = Vec::new();
    for (e, path) in entries.iter().zip(paths) {
        if let Some(p) = rank_point(c, e, path, sources, points.last().map(|p| p.year)) {
            points.push(p);
        }
    }
    if !entries.is_empty() && entries.iter().all(|e| e.rank.is_none()) {
        c.report(
            "ranking.points",
            say!("holds no known rank", "没有一个已知名次"),
            hint!(
                "give at least one evaluation a rank",
                "请至少给一次评价写上名次"
            ),
        );
    }
    points
}

/// The rank axis the author chose. An explicit range must hold every known rank: a point
/// drawn off the plot would be a figure the reader cannot see.
fn check_axis(c: &mut Checker, axis: Option<&AxisEntry>, points: &[&RankPoint]) -> Axis {
    match axis {
        None => Axis::Full,
        Some(AxisEntry::Named(name)) => match name.as_str() {
            "full" => Axis::Full,
            "fit" => Axis::Fit,
            _ => {
                c.report(
                    "ranking.axis",
                    say!(
                        format!("{name:?} is not an axis range"),
                        format!("{name:?}不是纵轴范围")
                    ),
                    hint!(
                        "write \"full\", \"fit\" or {\"from\": 50, \"to\": 130}",
                        "请写\"full\"、\"fit\"或{\"from\": 50, \"to\": 130}"
                    ),
                );
                Axis::Full
            }
        },
        Some(AxisEntry::Range { from, to }) => {
            let from = c.whole(
                "ranking.axis.from",
                *from,
                ("the axis's first rank", "纵轴的起始名次"),
                MAX_ZONES,
            );
            let to = c.whole(
                "ranking.axis.to",
                *to,
                ("the axis's last rank", "纵轴的末尾名次"),
                MAX_ZONES,
            );
            let (Some(from), Some(to)) = (from, to) else {
                return Axis::Full;
            };
            if from >= to {
                c.report(
                    "ranking.axis.to",
                    say!(
                        format!("{to} is not below {from} on the axis"),
                        format!("纵轴上{to}不在{from}之下")
                    ),
                    hint!(
                        "write the best rank shown as from and a worse one as to",
                        "from写显示的最好名次，to写较差的名次"
                    ),
                );
                return Axis::Full;
            }
            for p in points {
                match p.rank {
                    Some(r) if r < from => c.report(
                        "ranking.axis.from",
                        say!(
                            format!("{from} leaves out {}'s rank {r}", p.year),
                            format!("从{from}起会漏掉{}年度的第{r}名", p.year)
                        ),
                        hint!(
                            "start the axis at or above every known rank, or use \"fit\"",
                            "请让纵轴从所有已知名次或更好处开始，或用\"fit\""
                        ),
                    ),
                    Some(r) if r > to => c.report(
                        "ranking.axis.to",
                        say!(
                            format!("{to} leaves out {}'s rank {r}", p.year),
                            format!("到{to}止会漏掉{}年度的第{r}名", p.year)
                        ),
                        hint!(
                            "end the axis at or below every known rank, or use \"fit\"",
                            "请让纵轴在所有已知名次或更差处结束，或用\"fit\""
                        ),
                    ),
                    _ => {}
                }
            }
            Axis::Range { from, to }
        }
    }
}
