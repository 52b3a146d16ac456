//! The validated model: every rule a data file must meet, checked once, with a message
//! that names where the problem is and how to fix it.

use crate::csv_points::points_from_csv;
use crate::data::{ClaimEntry, DataFile, LocalText, RankEntry, RankingEntry, SourceEntry};
use crate::panels::{check_panels, Panel};
use std::fmt;

pub const FORMAT: &str = "rankclimb/1";
const MAX_TITLE_CHARS: usize = 160;
const MAX_LABEL_CHARS: usize = 80;
const MAX_SOURCE_CHARS: usize = 400;
const MAX_NOTE_CHARS: usize = 320;
const MAX_POINTS: usize = 60;
const MAX_ZONES: f64 = 1_000_000.0;
const YEARS: std::ops::RangeInclusive<f64> = 1900.0..=2200.0;

/// The languages the infographic speaks; every text in the data file carries both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "zh-CN" | "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

impl LocalText {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub text: LocalText,
    pub url: Option<String>,
}

/// One evaluation. `rank` is `None` where no source publishes it.
#[derive(Debug, Clone, PartialEq)]
pub struct RankPoint {
    pub year: i32,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// Indices into [`Model::sources`].
    pub sources: Vec<usize>,
    pub note: Option<LocalText>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub text: LocalText,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub label: LocalText,
    pub consecutive_rises: Option<Claim>,
    pub points: Vec<RankPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub example: bool,
    pub language: Lang,
    pub title: LocalText,
    pub subtitle: Option<LocalText>,
    pub place: LocalText,
    pub sources: Vec<Source>,
    pub ranking: Ranking,
    pub panels: Vec<Panel>,
}

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

/// Check a parsed data file against every rule and build the model, or list all problems.
pub fn validate(file: DataFile) -> Result<Model, DataError> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    if file.format != FORMAT {
        c.report(
            "format",
            format!("is {:?}, which this version does not read", file.format),
            "write \"rankclimb/1\"",
        );
    }
    let language = match file.language.as_deref() {
        None => Lang::Zh,
        Some(tag) => Lang::from_tag(tag).unwrap_or_else(|| {
            c.report(
                "language",
                format!("{tag:?} is not a language of this chart"),
                "write \"zh-CN\" or \"en\"",
            );
            Lang::Zh
        }),
    };
    c.text("title", &file.title, MAX_TITLE_CHARS);
    if let Some(s) = &file.subtitle {
        c.text("subtitle", s, MAX_TITLE_CHARS);
    }
    c.text("place", &file.place, MAX_LABEL_CHARS);

    let mut sources = Vec::new();
    if file.sources.is_empty() {
        c.report("sources", "is empty", "list where each figure comes from");
    }
    for (i, s) in file.sources.iter().enumerate() {
        let path = format!("sources[{i}]");
        if s.id.trim().is_empty() || s.id.chars().count() > MAX_LABEL_CHARS {
            c.report(
                format!("{path}.id"),
                "is empty or too long",
                "use a short id such as \"report-2022\"",
            );
        }
        if file.sources[..i].iter().any(|o| o.id == s.id) {
            c.report(
                format!("{path}.id"),
                format!("{:?} is used twice", s.id),
                "give each source its own id",
            );
        }
        c.text(&format!("{path}.text"), &s.text, MAX_SOURCE_CHARS);
        if let Some(url) = &s.url {
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() > 2000 {
                c.report(
                    format!("{path}.url"),
                    "is not an http(s) address",
                    "write a full https:// address, or leave it out",
                );
            }
        }
        sources.push(Source {
            id: s.id.clone(),
            text: s.text.clone(),
            url: s.url.clone(),
        });
    }

    let ranking = &file.ranking;
    c.text("ranking.label", &ranking.label, MAX_LABEL_CHARS);
    let claim = ranking
        .consecutive_rises
        .as_ref()
        .map(|ClaimEntry { text, sources: ids }| {
            c.text("ranking.consecutive_rises.text", text, MAX_LABEL_CHARS);
            Claim {
                text: text.clone(),
                sources: c.source_refs("ranking.consecutive_rises.sources", ids, &file.sources),
            }
        });
    let (entries, paths) = rank_entries(&mut c, ranking);
    let points = rank_points(&mut c, &entries, &paths, &file.sources);
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
                        format!(
                            "says every evaluation rose, but {} ranks {ra} and {} ranks {rb}",
                            a.year, b.year
                        ),
                        "remove the claim, or correct the ranks",
                    );
                }
            }
        }
    }
    let panels = check_panels(&mut c, &file.panels, &file.sources);
    if c.problems.is_empty() {
        Ok(Model {
            example: file.example,
            language,
            title: file.title,
            subtitle: file.subtitle,
            place: file.place,
            sources,
            ranking: Ranking {
                label: ranking.label.clone(),
                consecutive_rises: claim,
                points,
            },
            panels,
        })
    } else {
        Err(DataError::Invalid(c.problems))
    }
}

/// The rank series from `points` or from the CSV text, with where each entry came from.
fn rank_entries(c: &mut Checker, ranking: &RankingEntry) -> (Vec<RankEntry>, Vec<String>) {
    match (&ranking.points, &ranking.points_from, &ranking.points_csv) {
        (Some(points), None, None) => {
            let paths = (0..points.len())
                .map(|i| format!("ranking.points[{i}]"))
                .collect();
            (points.clone(), paths)
        }
        (None, Some(file), Some(text)) => match points_from_csv(text, file) {
            Ok(found) => found,
            Err(problems) => {
                c.problems.extend(problems);
                (Vec::new(), Vec::new())
            }
        },
        (None, Some(file), None) => {
            c.report(
                "ranking.points_from",
                format!("{file:?} was not loaded"),
                "check that the CSV file exists beside the data file",
            );
            (Vec::new(), Vec::new())
        }
        _ => {
            c.report(
                "ranking",
                "needs either \"points\" or \"points_from\", not both or neither",
                "list the evaluations in \"points\", or name a CSV file in \"points_from\"",
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
            format!("has {} evaluations", entries.len()),
            &format!("a climb needs between 2 and {MAX_POINTS} evaluations"),
        );
    }
    let mut points: Vec<RankPoint> = Vec::new();
    for (e, path) in entries.iter().zip(paths) {
        let year = if !YEARS.contains(&e.year) || e.year.fract() != 0.0 {
            c.report(
                format!("{path}.year"),
                format!("{} is not a year", e.year),
                "write the evaluation year, such as 2021",
            );
            None
        } else {
            Some(e.year as i32)
        };
        if let (Some(y), Some(prev)) = (year, points.last()) {
            if y <= prev.year {
                c.report(
                    format!("{path}.year"),
                    format!("{y} does not come after {}", prev.year),
                    "list each year once, oldest first",
                );
            }
        }
        let of =
            e.of.and_then(|n| c.whole(&format!("{path}.of"), n, "the number ranked", MAX_ZONES));
        let rank = e
            .rank
            .and_then(|r| c.whole(&format!("{path}.rank"), r, "the rank", MAX_ZONES));
        if let (Some(r), Some(n)) = (rank, of) {
            if r > n {
                c.report(
                    format!("{path}.rank"),
                    format!("{r} is beyond the {n} ranked"),
                    "a rank lies between 1 and the number ranked",
                );
            }
        }
        let refs = c.source_refs(&format!("{path}.sources"), &e.sources, sources);
        if let Some(n) = &e.note {
            c.text(&format!("{path}.note"), n, MAX_NOTE_CHARS);
        }
        if let Some(year) = year {
            points.push(RankPoint {
                year,
                rank,
                of,
                sources: refs,
                note: e.note.clone(),
            });
        }
    }
    if !entries.is_empty() && entries.iter().all(|e| e.rank.is_none()) {
        c.report(
            "ranking.points",
            "holds no known rank",
            "give at least one evaluation a rank",
        );
    }
    points
}

impl Model {
    /// The largest number of places on the rank axis: the most zones ranked in any year,
    /// or the worst rank where no year says how many were ranked.
    pub fn rank_axis_max(&self) -> u32 {
        self.ranking
            .points
            .iter()
            .flat_map(|p| [p.rank, p.of])
            .flatten()
            .max()
            .unwrap_or(1)
    }

    pub fn source_texts(&self, ids: &[usize], lang: Lang) -> Vec<&str> {
        ids.iter()
            .filter_map(|&i| self.sources.get(i))
            .map(|s| s.text.get(lang))
            .collect()
    }
}
