//! One evaluation of a rank series, the main place's or a peer's: a year, a rank within its
//! field, sources.

use super::limits::{MAX_NOTE_CHARS, MAX_ZONES, YEARS};
use super::problem::{hint, say, Checker};
use crate::data::{RankEntry, SourceEntry};
use crate::model::RankPoint;
use crate::phrasebook::numbers::number_text;

/// One evaluation of a series (the main place's or a peer's), checked; `None` when its year
/// is not a year. `after` is the year of the entry before it, which it must follow.
pub(super) fn rank_point(
    c: &mut Checker,
    e: &RankEntry,
    path: &str,
    sources: &[SourceEntry],
    after: Option<i32>,
) -> Option<RankPoint> {
    let year = if !YEARS.contains(&e.year) || e.year.fract() != 0.0 {
        c.report(
            format!("{path}.year"),
            say!(
                format!("{} is not a year", number_text(e.year)),
                format!("{}不是年份", number_text(e.year))
            ),
            hint!(
                "write the evaluation year, such as 2021",
                "请写评价年度，如2021"
            ),
        );
        None
    } else {
        Some(e.year as i32)
    };
    if let (Some(y), Some(prev)) = (year, after) {
        if y <= prev {
            c.report(
                format!("{path}.year"),
                say!(
                    format!("{y} does not come after {prev}"),
                    format!("{y}不在{prev}之后")
                ),
                hint!(
                    "list each year once, oldest first",
                    "每个年度只列一次，由早到晚"
                ),
            );
        }
    }
    let of = e.of.and_then(|n| {
        c.whole(
            &format!("{path}.of"),
            n,
            ("the number ranked", "参评总数"),
            MAX_ZONES,
        )
    });
    let rank = e
        .rank
        .and_then(|r| c.whole(&format!("{path}.rank"), r, ("the rank", "名次"), MAX_ZONES));
    if let (Some(r), Some(n)) = (rank, of) {
        if r > n {
            c.report(
                format!("{path}.rank"),
                say!(
                    format!("{r} is beyond the {n} ranked"),
                    format!("{r}超出了参评的{n}家")
                ),
                hint!(
                    "a rank lies between 1 and the number ranked",
                    "名次在1和参评总数之间"
                ),
            );
        }
    }
    let refs = c.source_refs(&format!("{path}.sources"), &e.sources, sources);
    if let Some(n) = &e.note {
        c.text(&format!("{path}.note"), n, MAX_NOTE_CHARS);
    }
    Some(RankPoint {
        year: year?,
        rank,
        of,
        sources: refs,
        note: e.note.clone(),
    })
}
