//! The rank series from a CSV file exported from a spreadsheet:
//! `year,rank,of,sources[,note_zh,note_en]`, with `null` for an unknown value and several
//! source ids separated by `;`.

use super::problem::{Problem, Said};
use crate::data::RankEntry;
use crate::phrasebook::LocalText;

const COLUMNS: [&str; 6] = ["year", "rank", "of", "sources", "note_zh", "note_en"];

/// A problem of a CSV file, which only the command line reads (the studio takes pasted cells,
/// and says their problems itself): in English alone.
fn problem(file: &str, line: u64, message: String, hint: &str) -> Problem {
    Problem::new(
        format!("{file} line {line}"),
        Said {
            en: message,
            zh: String::new(),
        },
        Said {
            en: hint.to_string(),
            zh: String::new(),
        },
    )
}

/// A cell that must hold a number, or `null` where `nullable`.
fn number(cell: &str, nullable: bool) -> Result<Option<f64>, String> {
    let c = cell.trim();
    if c.eq_ignore_ascii_case("null") && nullable {
        return Ok(None);
    }
    if c.is_empty() {
        return Err(if nullable {
            "is empty; write null where the value is unknown".into()
        } else {
            "is empty".into()
        });
    }
    c.parse::<f64>()
        .map(Some)
        .map_err(|_| format!("{c:?} is not a number"))
}

/// Parse the CSV text; every problem names the file, line and column.
pub fn points_from_csv(
    text: &str,
    file: &str,
) -> Result<(Vec<RankEntry>, Vec<String>), Vec<Problem>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            return Err(vec![problem(
                file,
                1,
                format!("cannot be read: {e}"),
                "save the sheet as CSV (UTF-8)",
            )])
        }
    };
    if headers.len() < 4 || headers.iter().zip(COLUMNS).any(|(h, c)| h != c) {
        return Err(vec![problem(
            file,
            1,
            format!("has the header {:?}", headers.join(",")),
            "the first line must be: year,rank,of,sources (optionally ,note_zh,note_en)",
        )]);
    }
    let mut points = Vec::new();
    let mut paths = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(problem(
                    file,
                    line,
                    format!("cannot be read: {e}"),
                    "check the quotes on this line",
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let cell = |i: usize| record.get(i).unwrap_or("");
        let mut bad = |col: &str, msg: String| {
            problems.push(problem(
                file,
                line,
                format!("column {col} {msg}"),
                "see the README's CSV format",
            ))
        };
        let year = number(cell(0), false).unwrap_or_else(|m| {
            bad("year", m);
            None
        });
        let rank = number(cell(1), true).unwrap_or_else(|m| {
            bad("rank", m);
            None
        });
        let of = number(cell(2), true).unwrap_or_else(|m| {
            bad("of", m);
            None
        });
        let sources: Vec<String> = cell(3)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let note = match (cell(4).trim(), cell(5).trim()) {
            ("", "") => None,
            (zh, en) => Some(LocalText {
                zh: zh.to_string(),
                en: en.to_string(),
            }),
        };
        if let Some(year) = year {
            points.push(RankEntry {
                year,
                rank,
                of,
                sources,
                note,
            });
            paths.push(format!("{file} line {line}"));
        }
    }
    if problems.is_empty() {
        Ok((points, paths))
    } else {
        Err(problems)
    }
}
