//! Cells pasted from a spreadsheet (Excel, WPS, Google Sheets copy tab-separated) or CSV
//! text, read into rows, with a guess at which column holds what, and turned into a rank
//! series. Runs in the studio (the author's wasm) and natively in tests.

use crate::data::RankEntry;
use serde::Serialize;

/// More rows than any ranking has evaluations by far: a paste this long is a mistake (a whole
/// sheet), refused with a message instead of freezing the page.
pub const MAX_PASTED_ROWS: usize = 10_000;

/// The pasted cells: the first row as the header, then the rows, all the same width.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pasted {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Why a paste could not be read, said to the author in the studio's language by the page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind")]
pub enum PasteError {
    #[error("nothing was pasted")]
    Empty,
    #[error("the pasted content is not text (binary data)")]
    NotText,
    #[error("{rows} rows were pasted; at most {MAX_PASTED_ROWS} are read")]
    TooManyRows { rows: usize },
    #[error("row {row} has {found} cells where the header has {expected}")]
    Ragged {
        row: usize,
        found: usize,
        expected: usize,
    },
    #[error("the pasted text could not be read as a table: {detail}")]
    Unreadable { detail: String },
}

/// Read pasted cells: tab-separated when the first line holds a tab, comma-separated (CSV,
/// with quotes) otherwise.
pub fn read_pasted(text: &str) -> Result<Pasted, PasteError> {
    if text.trim().is_empty() {
        return Err(PasteError::Empty);
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
        .count();
    if text.contains('\0') || controls * 100 > text.chars().count() {
        return Err(PasteError::NotText);
    }
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| PasteError::Unreadable {
            detail: e.to_string(),
        })?;
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        // A spreadsheet's copy ends with an empty line; blank rows carry nothing.
        if cells.iter().all(String::is_empty) {
            continue;
        }
        records.push(cells);
        if records.len() > MAX_PASTED_ROWS + 1 {
            return Err(PasteError::TooManyRows {
                rows: text.lines().filter(|l| !l.trim().is_empty()).count() - 1,
            });
        }
    }
    let mut records = records.into_iter();
    let header = records.next().ok_or(PasteError::Empty)?;
    let rows: Vec<Vec<String>> = records.collect();
    if let Some((i, row)) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.len() != header.len())
    {
        return Err(PasteError::Ragged {
            row: i + 2,
            found: row.len(),
            expected: header.len(),
        });
    }
    Ok(Pasted { header, rows })
}

/// Which column holds each field of a rank series; `None` where none does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Columns {
    pub year: Option<usize>,
    pub rank: Option<usize>,
    pub of: Option<usize>,
    pub sources: Option<usize>,
}

/// A guess from the header row, in either language, that the author then confirms.
pub fn guess_columns(header: &[String]) -> Columns {
    let find = |words: &[&str]| {
        header.iter().position(|h| {
            let h = h.to_lowercase();
            words.iter().any(|w| h.contains(w))
        })
    };
    let of = find(&["of", "ranked", "total", "参评", "总数", "共"]);
    let rank = header.iter().enumerate().position(|(i, h)| {
        let h = h.to_lowercase();
        Some(i) != of
            && ["rank", "place", "名次", "排名", "位次"]
                .iter()
                .any(|w| h.contains(w))
    });
    Columns {
        year: find(&["year", "年"]).filter(|&i| Some(i) != of && Some(i) != rank),
        rank,
        of,
        sources: find(&["source", "来源", "出处"]),
    }
}

/// A cell that says the rank is unknown: empty, `null`, a dash, 未公布 or 不详.
pub fn is_unpublished(cell: &str) -> bool {
    matches!(
        cell.trim().to_lowercase().as_str(),
        "" | "null" | "-" | "—" | "–" | "未公布" | "不详" | "n/a" | "na"
    )
}

/// One cell that could not become a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellProblem {
    /// 1-based, counting the header as row 1, as a spreadsheet does.
    pub row: usize,
    pub column: usize,
    pub text: String,
}

/// The rank series the pasted rows give under `columns`. A year that is not a number stops
/// its row; a rank or field size that says it is unknown is `null`; anything else that is
/// not a number is listed, never guessed. Source cells name source ids, separated by `;`.
pub fn points_from_rows(pasted: &Pasted, columns: Columns) -> (Vec<RankEntry>, Vec<CellProblem>) {
    let mut points = Vec::new();
    let mut problems = Vec::new();
    for (i, row) in pasted.rows.iter().enumerate() {
        let mut number = |col: Option<usize>, required: bool| -> Option<Option<f64>> {
            let Some(c) = col else {
                return Some(None);
            };
            let cell = row.get(c).map(String::as_str).unwrap_or_default();
            if !required && is_unpublished(cell) {
                return Some(None);
            }
            match cell.replace([',', '，'], "").parse::<f64>() {
                Ok(v) if v.is_finite() => Some(Some(v)),
                _ => {
                    problems.push(CellProblem {
                        row: i + 2,
                        column: c,
                        text: cell.to_string(),
                    });
                    None
                }
            }
        };
        let (Some(Some(year)), Some(rank), Some(of)) = (
            number(columns.year, true),
            number(columns.rank, false),
            number(columns.of, false),
        ) else {
            continue;
        };
        let sources = columns
            .sources
            .and_then(|c| row.get(c))
            .map(|cell| {
                cell.split([';', '；'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        points.push(RankEntry {
            year,
            rank,
            of,
            sources,
            note: None,
        });
    }
    (points, problems)
}
