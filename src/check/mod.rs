//! Validation: every rule a data file must meet, checked once, with a message that names
//! where each problem is and how to fix it. The result is a [`Model`] or every problem.

mod annotations;
#[cfg(feature = "author")]
mod csv_points;
mod limits;
// Natively for the author's tools; in wasm only in the studio's build, which names a shape
// error's JSON path as `cargo xtask check` does.
#[cfg(all(
    feature = "author",
    any(not(target_arch = "wasm32"), feature = "studio")
))]
pub mod load;
mod panels;
mod peers;
#[cfg(feature = "author")]
pub mod plausibility;
mod problem;
mod rank_point;
mod ranking;
mod sources;

#[cfg(feature = "author")]
pub use csv_points::points_from_csv;
pub use problem::{DataError, Problem};

use crate::data::DataFile;
use crate::model::Model;
use crate::phrasebook::Lang;
use limits::{FORMAT, MAX_LABEL_CHARS, MAX_SHORT_SOURCE_CHARS, MAX_TITLE_CHARS};
use panels::check_panels;
use problem::{hint, say, Checker};
use ranking::check_ranking;

/// Check a parsed data file against every rule and build the model, or list all problems.
pub fn validate(file: DataFile) -> Result<Model, DataError> {
    validate_with_csv(file, None)
}

/// [`validate`] a data file whose rank series is in a CSV file (`points_from`), given the
/// text of that file.
pub fn validate_with_csv(file: DataFile, csv: Option<&str>) -> Result<Model, DataError> {
    let mut c = Checker::default();
    if file.format != FORMAT {
        c.report(
            "format",
            say!(
                format!("is {:?}, which this version does not read", file.format),
                format!("是{:?}，此版本读不了", file.format)
            ),
            hint!("write \"rankclimb/1\"", "请写\"rankclimb/1\""),
        );
    }
    let language = match file.language.as_deref() {
        None => Lang::default(),
        Some(tag) => Lang::from_tag(tag).unwrap_or_else(|| {
            c.report(
                "language",
                say!(
                    format!("{tag:?} is not a language of this chart"),
                    format!("{tag:?}不是本图表使用的语言")
                ),
                hint!("write \"zh-CN\" or \"en\"", "请写\"zh-CN\"或\"en\""),
            );
            Lang::default()
        }),
    };
    c.text("title", &file.title, MAX_TITLE_CHARS);
    if let Some(s) = &file.subtitle {
        c.text("subtitle", s, MAX_TITLE_CHARS);
    }
    c.text("place", &file.place, MAX_LABEL_CHARS);
    if let Some(short) = &file.place_short {
        c.text("place_short", short, MAX_SHORT_SOURCE_CHARS);
    }

    let documents = sources::check_documents(&mut c, &file.documents);
    let sources = sources::check_sources(&mut c, &file.sources, &file.documents);

    let measure_word = match file.measure_word.as_deref() {
        None => "个".to_string(),
        Some(w) if w.chars().count() == 1 && (w.chars().all(|ch| (ch as u32) >= 0x2E80)) => {
            w.to_string()
        }
        Some(w) => {
            c.report(
                "measure_word",
                say!(
                    format!("{w:?} is not one Chinese character"),
                    format!("{w:?}不是一个汉字")
                ),
                hint!(
                    "write the measure word the sources use, such as \"家\"",
                    "请写来源使用的量词，如\"家\""
                ),
            );
            "个".to_string()
        }
    };
    let ranking = check_ranking(&mut c, &file.ranking, csv, &file.sources);
    let panels = check_panels(&mut c, &file.panels, &file.sources);
    if c.problems.is_empty() {
        Ok(Model {
            example: file.example,
            language,
            title: file.title,
            subtitle: file.subtitle,
            place_short: file.place_short.unwrap_or_else(|| file.place.clone()),
            place: file.place,
            measure_word,
            documents,
            sources,
            ranking,
            panels,
        })
    } else {
        Err(DataError::Invalid(c.problems))
    }
}
