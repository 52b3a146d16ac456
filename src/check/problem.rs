//! The validator's building blocks: a problem with its place in the file, the error that
//! lists them, and the checker every rule reports through.

use crate::data::SourceEntry;

/// A problem's hint, how to fix it: kept by the author's tools, left out of the reader's
/// wasm, whose messages say to run `cargo xtask check` for them.
#[cfg(feature = "author")]
macro_rules! hint {
    ($hint:expr) => {
        &$hint
    };
}
#[cfg(not(feature = "author"))]
macro_rules! hint {
    ($hint:expr) => {
        ""
    };
}
use crate::phrasebook::LocalText;
pub(crate) use hint;
use std::fmt;

/// One thing wrong with a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON path such as `ranking.points[3].rank`.
    pub path: String,
    pub message: String,
    pub hint: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.hint.is_empty() {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(f, "{}: {} (hint: {})", self.path, self.message, self.hint)
        }
    }
}

/// Why a data file could not become a model.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DataError {
    /// The file (or the CSV file it names) could not be read at all.
    #[error("{path} could not be read: {reason}")]
    Io { path: String, reason: String },
    /// The text is not JSON, or not in the format's shape (a missing or misspelt field, a
    /// text where a number belongs), at its JSON path ("" for the whole file).
    #[error(
        "the data file is not in the expected shape: {}",
        at_path(path, message)
    )]
    Shape { path: String, message: String },
    #[error("the data file has {} problem(s): {}", .0.len(), list(.0))]
    Invalid(Vec<Problem>),
}

/// "ranking.points[0]: missing field `year`", or the message alone for the whole file.
fn at_path(path: &str, message: &str) -> String {
    if path.is_empty() {
        message.to_string()
    } else {
        format!("{path}: {message}")
    }
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(Problem::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl DataError {
    /// Every problem, one per line, for the page and the command line.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = match self {
            DataError::Io { .. } => vec![format!(
                "{self}{}",
                hint!(" (hint: check the path, and that the file exists and can be read)")
            )],
            DataError::Shape { path, message } => vec![format!(
                "{}{}",
                at_path(path, message),
                hint!(" (hint: compare the file with the documented format in the README)")
            )],
            DataError::Invalid(ps) => ps.iter().map(Problem::to_string).collect(),
        };
        if cfg!(not(feature = "author")) {
            lines.push(CHECK_FOR_MORE.to_string());
        }
        lines
    }
}

/// The last line of the reader's list of problems: the page checks only what it needs to
/// draw truly; the author's tool checks everything, with hints.
pub const CHECK_FOR_MORE: &str =
    "run `cargo xtask check` on the data file for every problem and how to fix each";

#[derive(Default)]
pub(crate) struct Checker {
    pub(crate) problems: Vec<Problem>,
}

impl Checker {
    pub(crate) fn report(
        &mut self,
        path: impl Into<String>,
        message: impl Into<String>,
        hint: &str,
    ) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
            hint: hint.to_string(),
        });
    }

    /// Text is present, not too long for the chart, and free of control characters: an
    /// author's rule (the chart cuts long text to fit), left out of the reader's wasm.
    pub(crate) fn text(&mut self, path: &str, text: &LocalText, max: usize) {
        if cfg!(not(feature = "author")) {
            return;
        }
        for (lang, s) in [("zh-CN", &text.zh), ("en", &text.en)] {
            let chars = s.chars().count();
            if s.trim().is_empty() {
                self.report(
                    format!("{path}.{lang}"),
                    "is empty",
                    hint!("write the text in this language"),
                );
            } else if chars > max {
                self.report(
                    format!("{path}.{lang}"),
                    format!("is {chars} characters long; the limit is {max}"),
                    hint!("shorten it; long text does not fit the chart"),
                );
            }
            if s.chars().any(|c| c.is_control() && c != '\n') {
                self.report(
                    format!("{path}.{lang}"),
                    "holds a control character",
                    hint!("remove invisible control characters"),
                );
            }
        }
    }

    /// A count or rank: a whole number at least 1.
    pub(crate) fn whole(&mut self, path: &str, value: f64, what: &str, max: f64) -> Option<u32> {
        if !value.is_finite() {
            self.report(
                path,
                format!("{what} is not a finite number"),
                hint!("write a whole number such as 12"),
            );
            None
        } else if value.fract() != 0.0 {
            self.report(
                path,
                format!("{what} {value} is not a whole number"),
                hint!("ranks and counts are whole numbers"),
            );
            None
        } else if value < 1.0 {
            self.report(
                path,
                format!("{what} {value} is below 1"),
                hint!("the best place is 1; write null where the value is unknown, never 0"),
            );
            None
        } else if value > max {
            self.report(
                path,
                format!("{what} {value} is larger than {max}"),
                hint!("check the number"),
            );
            None
        } else {
            Some(value as u32)
        }
    }

    pub(crate) fn source_refs(
        &mut self,
        path: &str,
        ids: &[String],
        sources: &[SourceEntry],
    ) -> Vec<usize> {
        if ids.is_empty() {
            self.report(
                path,
                "names no source",
                hint!("every figure shown needs the id of at least one entry in \"sources\""),
            );
        }
        let mut found = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            match sources.iter().position(|s| &s.id == id) {
                Some(k) => found.push(k),
                None => self.report(
                    format!("{path}[{i}]"),
                    format!("names the source {id:?}, which is not in \"sources\""),
                    hint!("add that source, or correct the id"),
                ),
            }
        }
        found
    }
}
