//! Scrollytelling steps: an element of the host article names a year (`2019`) or one of the
//! chart's notes (its words in either language), and the chart goes to that year when the
//! element reaches the middle of the screen.

use crate::model::{AnnotationKind, Model};

/// The year a step's `value` names: a year the rank series has, or the year of the first
/// note whose words (in either language) begin with `value`, a band's last year; `None`
/// for anything else, so that a misspelt step changes nothing.
pub fn step_year(model: &Model, value: &str) -> Option<i32> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let has = |year: i32| model.ranking.points.iter().any(|p| p.year == year);
    if let Ok(year) = value.parse::<i32>() {
        return has(year).then_some(year);
    }
    model
        .ranking
        .annotations
        .iter()
        .filter(|a| a.text.zh.starts_with(value) || a.text.en.starts_with(value))
        .find_map(|a| match a.kind {
            AnnotationKind::Callout { year } => Some(year),
            AnnotationKind::Band { to, .. } => Some(to),
            AnnotationKind::Line { .. } => None,
        })
        .filter(|&y| has(y))
}
