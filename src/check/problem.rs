//! The validator's building blocks: a problem with its place in the file, the error that
//! lists them, and the checker every rule reports through.

use crate::data::SourceEntry;

/// A sentence of a problem in both languages. The reader's wasm keeps the English alone: its
/// messages are for whoever publishes the file, and end by pointing to `cargo xtask check`;
/// the author's tools (the studio, the command line) say each one in their reader's language.
#[cfg(feature = "author")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Said {
    pub en: String,
    pub zh: String,
}

/// A problem's message, in English and Chinese (the Chinese left out of the reader's wasm).
#[cfg(feature = "author")]
macro_rules! say {
    ($en:expr, $zh:expr $(,)?) => {
        $crate::check::problem::Said {
            en: ($en).into(),
            zh: ($zh).into(),
        }
    };
}
/// The reader's wasm: the English alone, built as it was before the Chinese came.
#[cfg(not(feature = "author"))]
macro_rules! say {
    ($en:expr, $zh:expr $(,)?) => {
        $en
    };
}

/// A problem's hint, how to fix it, in both languages: kept by the author's tools, left out of
/// the reader's wasm, whose messages say to run `cargo xtask check` for them.
#[cfg(feature = "author")]
macro_rules! hint {
    ($en:expr, $zh:expr $(,)?) => {
        say!($en, $zh)
    };
}
#[cfg(not(feature = "author"))]
macro_rules! hint {
    ($en:expr, $zh:expr $(,)?) => {
        ""
    };
}
/// A hint for the command line alone, in English (left out of the reader's wasm).
#[cfg(feature = "author")]
macro_rules! hint_en {
    ($en:expr) => {
        $en
    };
}
#[cfg(not(feature = "author"))]
macro_rules! hint_en {
    ($en:expr) => {
        ""
    };
}
use crate::phrasebook::numbers::number_text;
use crate::phrasebook::LocalText;
use std::fmt;
pub(crate) use {hint, say};

/// One thing wrong with a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON path such as `ranking.points[3].rank`.
    pub path: String,
    pub message: String,
    pub hint: String,
    /// The message and the hint in Chinese (the author's tools only).
    #[cfg(feature = "author")]
    pub message_zh: String,
    #[cfg(feature = "author")]
    pub hint_zh: String,
}

#[cfg(feature = "author")]
impl Problem {
    /// A problem at `path`, said in both languages.
    pub fn new(path: impl Into<String>, message: Said, hint: Said) -> Problem {
        Problem {
            path: path.into(),
            message: message.en,
            hint: hint.en,
            message_zh: message.zh,
            hint_zh: hint.zh,
        }
    }
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
                hint_en!(" (hint: check the path, and that the file exists and can be read)")
            )],
            DataError::Shape { path, message } => vec![format!(
                "{}{}",
                at_path(path, message),
                hint_en!(" (hint: compare the file with the documented format in the README)")
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
    #[cfg(feature = "author")]
    pub(crate) fn report(&mut self, path: impl Into<String>, message: Said, hint: Said) {
        self.problems.push(Problem::new(path, message, hint));
    }

    #[cfg(not(feature = "author"))]
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
                    say!("is empty", "为空"),
                    hint!("write the text in this language", "请用这种语言写出文字"),
                );
            } else if chars > max {
                self.report(
                    format!("{path}.{lang}"),
                    say!(
                        format!("is {chars} characters long; the limit is {max}"),
                        format!("长{chars}个字符，上限为{max}个")
                    ),
                    hint!(
                        "shorten it; long text does not fit the chart",
                        "请缩短：过长的文字放不进图表"
                    ),
                );
            }
            if s.chars().any(|c| c.is_control() && c != '\n') {
                self.report(
                    format!("{path}.{lang}"),
                    say!("holds a control character", "含有控制字符"),
                    hint!(
                        "remove invisible control characters",
                        "请删去看不见的控制字符"
                    ),
                );
            }
        }
    }

    /// A count or rank: a whole number at least 1.
    /// `what` names the number in English and in Chinese.
    pub(crate) fn whole(
        &mut self,
        path: &str,
        value: f64,
        what: (&str, &str),
        max: f64,
    ) -> Option<u32> {
        let (what, what_zh) = what;
        // Printed without core's float formatting, which the reader's wasm leaves out.
        let (value_text, max_text) = (number_text(value), number_text(max));
        // Only the Chinese messages read it; the reader's wasm leaves them out.
        let _ = what_zh;
        if !value.is_finite() {
            self.report(
                path,
                say!(
                    format!("{what} is not a finite number"),
                    format!("{what_zh}不是有限的数")
                ),
                hint!("write a whole number such as 12", "请写整数，如12"),
            );
            None
        } else if value.fract() != 0.0 {
            self.report(
                path,
                say!(
                    format!("{what} {value_text} is not a whole number"),
                    format!("{what_zh}{value_text}不是整数")
                ),
                hint!("ranks and counts are whole numbers", "名次和数目都是整数"),
            );
            None
        } else if value < 1.0 {
            self.report(
                path,
                say!(
                    format!("{what} {value_text} is below 1"),
                    format!("{what_zh}{value_text}小于1")
                ),
                hint!(
                    "the best place is 1; write null where the value is unknown, never 0",
                    "最好的名次是1；数值不详处写null，不要写0"
                ),
            );
            None
        } else if value > max {
            self.report(
                path,
                say!(
                    format!("{what} {value_text} is larger than {max_text}"),
                    format!("{what_zh}{value_text}大于{max_text}")
                ),
                hint!("check the number", "请核对这个数"),
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
                say!("names no source", "没有注明来源"),
                hint!(
                    "every figure shown needs the id of at least one entry in \"sources\"",
                    "图上每个数字都要注明\"sources\"中至少一项的id"
                ),
            );
        }
        let mut found = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            match sources.iter().position(|s| &s.id == id) {
                Some(k) => found.push(k),
                None => self.report(
                    format!("{path}[{i}]"),
                    say!(
                        format!("names the source {id:?}, which is not in \"sources\""),
                        format!("注明的来源{id:?}不在\"sources\"中")
                    ),
                    hint!(
                        "add that source, or correct the id",
                        "请补上这项来源，或改正id"
                    ),
                ),
            }
        }
        found
    }
}
