//! Warnings for a file that is valid by the letter but probably wrong: the author's tools
//! print them (`cargo xtask check`, failing on them with `--strict`); the chart draws the file.

use super::problem::Problem;
use crate::model::Model;

/// A rank more than this many times the largest known field size is probably a typo.
const FAR_ABOVE_FIELD: u32 = 2;

fn warning(path: String, message: String, hint: &str) -> Problem {
    Problem {
        path,
        message,
        hint: hint.to_string(),
    }
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
                        out.push(warning(
                            path.clone(),
                            format!("{rank} in {} is far above every known field size (the largest is {field})", p.year),
                            "check the rank, and give this year's field size as \"of\" if it is known",
                        ));
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
                out.push(warning(
                    path.clone(),
                    format!(
                        "moves {jump} places from {} to {}, more than half of the {field} ranked",
                        a.year, b.year
                    ),
                    "check both ranks; a jump this large is rare",
                ));
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
                    out.push(warning(
                        format!("ranking.points[{i}].rank"),
                        format!(
                            "{rank} in {} is far above every known field size (the largest is {field})",
                            p.year
                        ),
                        "check the rank, and give this year's field size as \"of\" if it is known",
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
            out.push(warning(
                format!("ranking.points[{}].rank", i + 1),
                format!(
                    "moves {jump} places from {} to {}, more than half of the {field} ranked",
                    a.year, b.year
                ),
                "check both ranks; a jump this large is rare",
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
                out.push(warning(
                    format!("ranking.points[{}]", i + 1),
                    format!(
                        "{year} is missing between {} and {} in an otherwise yearly series",
                        w[0].year, w[1].year
                    ),
                    "add the year with \"rank\": null if its rank is unknown",
                ));
            }
        }
    }
    out
}
