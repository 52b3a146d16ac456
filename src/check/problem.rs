//! The validator's building blocks: a problem with its place in the file, the error that
//! lists them, and the checker every rule reports through.

use crate::data::SourceEntry;
use crate::lang::LocalText;
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
        write!(f, "{}: {} (hint: {})", self.path, self.message, self.hint)
    }
}

/// Why a data file could not become a model.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DataError {
    #[error("the data file is not in the expected shape: {0}")]
    Shape(String),
    #[error("the data file has {} problem(s): {}", .0.len(), list(.0))]
    Invalid(Vec<Problem>),
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
        match self {
            DataError::Shape(s) => vec![format!(
                "{s} (hint: compare the file with the documented format in the README)"
            )],
            DataError::Invalid(ps) => ps.iter().map(Problem::to_string).collect(),
        }
    }
}

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

    pub(crate) fn text(&mut self, path: &str, text: &LocalText, max: usize) {
        for (lang, s) in [("zh-CN", &text.zh), ("en", &text.en)] {
            let chars = s.chars().count();
            if s.trim().is_empty() {
                self.report(
                    format!("{path}.{lang}"),
                    "is empty",
                    "write the text in this language",
                );
            } else if chars > max {
                self.report(
                    format!("{path}.{lang}"),
                    format!("is {chars} characters long; the limit is {max}"),
                    "shorten it; long text does not fit the chart",
                );
            }
            if s.chars().any(|c| c.is_control() && c != '\n') {
                self.report(
                    format!("{path}.{lang}"),
                    "holds a control character",
                    "remove invisible control characters",
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
                "write a whole number such as 12",
            );
            None
        } else if value.fract() != 0.0 {
            self.report(
                path,
                format!("{what} {value} is not a whole number"),
                "ranks and counts are whole numbers",
            );
            None
        } else if value < 1.0 {
            self.report(
                path,
                format!("{what} {value} is below 1"),
                "the best place is 1; write null where the value is unknown, never 0",
            );
            None
        } else if value > max {
            self.report(
                path,
                format!("{what} {value} is larger than {max}"),
                "check the number",
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
                "every figure shown needs the id of at least one entry in \"sources\"",
            );
        }
        let mut found = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            match sources.iter().position(|s| &s.id == id) {
                Some(k) => found.push(k),
                None => self.report(
                    format!("{path}[{i}]"),
                    format!("names the source {id:?}, which is not in \"sources\""),
                    "add that source, or correct the id",
                ),
            }
        }
        found
    }
}
