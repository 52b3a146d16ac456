//! Warnings for a file that is valid by the letter but probably wrong: the author's tools
//! print them (`cargo xtask check`, failing on them with `--strict`); the chart draws the file.

use super::problem::{hint, say, Problem};
use crate::model::Model;

/// A rank more than this many times the largest known field size is probably a typo.
const FAR_ABOVE_FIELD: u32 = 2;

/// A rank far above every field size the series gives.
fn far_above(path: String, rank: u32, year: i32, field: u32) -> Problem {
    Problem::new(
        path,
        say!(
            format!(
                "{rank} in {year} is far above every known field size (the largest is {field})"
            ),
            format!("{year}年度的{rank}远超所有已知的参评总数（最多{field}家）")
        ),
        hint!(
            "check the rank, and give this year's field size as \"of\" if it is known",
            "请核对名次；若知道该年度的参评总数，请写在\"of\"中"
        ),
    )
}

/// A move of more than half the field between two evaluations.
fn big_jump(path: String, jump: u32, from: i32, to: i32, field: u32) -> Problem {
    Problem::new(
        path,
        say!(
            format!(
                "moves {jump} places from {from} to {to}, more than half of the {field} ranked"
            ),
            format!("从{from}到{to}年度变动{jump}位，超过参评{field}家的一半")
        ),
        hint!(
            "check both ranks; a jump this large is rare",
            "请核对两个名次：这么大的变动很少见"
        ),
    )
}

/// Every warning for a valid model: the main series in the order of its points, then each
/// other place's.
pub fn warnings(model: &Model) -> Vec<Problem> {
    let mut out = main_warnings(model);
    let largest_field = model.all_points().filter_map(|p| p.of).max();
    for (k, peer) in model.ranking.peers.iter().enumerate() {
        // A place's points stand in the main series' years, not at their index in the file:
        // the warning names the place and the year.
        let path = format!("ranking.peers[{k}]");
        if let Some(field) = largest_field {
            for p in &peer.points {
                if let (Some(rank), None) = (p.rank, p.of) {
                    if rank > field.saturating_mul(FAR_ABOVE_FIELD) {
                        out.push(far_above(path.clone(), rank, p.year, field));
                    }
                }
            }
        }
        for w in peer.points.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let (Some(ra), Some(rb), Some(field)) =
                (a.rank, b.rank, b.of.or(a.of).or(largest_field))
            else {
                continue;
            };
            let jump = ra.abs_diff(rb);
            if jump * 2 > field {
                out.push(big_jump(path.clone(), jump, a.year, b.year, field));
            }
        }
    }
    out
}

fn main_warnings(model: &Model) -> Vec<Problem> {
    let points = &model.ranking.points;
    let largest_field = points.iter().filter_map(|p| p.of).max();
    let mut out = Vec::new();

    if let Some(field) = largest_field {
        for (i, p) in points.iter().enumerate() {
            if let (Some(rank), None) = (p.rank, p.of) {
                if rank > field.saturating_mul(FAR_ABOVE_FIELD) {
                    out.push(far_above(
                        format!("ranking.points[{i}].rank"),
                        rank,
                        p.year,
                        field,
                    ));
                }
            }
        }
    }

    // Between two evaluations with published ranks, one after the other.
    for (i, w) in points.windows(2).enumerate() {
        let (a, b) = (&w[0], &w[1]);
        let (Some(ra), Some(rb)) = (a.rank, b.rank) else {
            continue;
        };
        let Some(field) = b.of.or(a.of).or(largest_field) else {
            continue;
        };
        let jump = ra.abs_diff(rb);
        if jump * 2 > field {
            out.push(big_jump(
                format!("ranking.points[{}].rank", i + 1),
                jump,
                a.year,
                b.year,
                field,
            ));
        }
    }

    // A series that is yearly everywhere else: a year left out (rather than written with
    // "rank": null) hides that the year's rank is unknown.
    let steps: Vec<i32> = points.windows(2).map(|w| w[1].year - w[0].year).collect();
    let yearly = steps.iter().filter(|&&s| s == 1).count();
    if yearly * 2 > steps.len() {
        for (i, w) in points.windows(2).enumerate() {
            for year in w[0].year + 1..w[1].year {
                out.push(Problem::new(
                    format!("ranking.points[{}]", i + 1),
                    say!(
                        format!(
                            "{year} is missing between {} and {} in an otherwise yearly series",
                            w[0].year, w[1].year
                        ),
                        format!(
                            "逐年的序列在{}与{}年度之间缺了{year}年度",
                            w[0].year, w[1].year
                        )
                    ),
                    hint!(
                        "add the year with \"rank\": null if its rank is unknown",
                        "请补上这个年度；名次不详就写\"rank\": null"
                    ),
                ));
            }
        }
    }
    out
}
