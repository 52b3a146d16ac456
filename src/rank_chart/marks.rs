//! The rank chart's placed marks, shared by its layout and its annotations' layout.

use crate::drawing::{Rect, Viewport};
use plotters::style::text_anchor::{HPos, VPos};

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedYear {
    pub year: i32,
    pub x: i32,
    /// `None` where the rank is unknown: such a year has no point.
    pub y: Option<i32>,
    pub rank: Option<u32>,
    pub show_year_label: bool,
    pub has_note: bool,
}

/// A run of unpublished years, drawn as a shaded span between the known neighbours.
#[derive(Debug, Clone, PartialEq)]
pub struct GapBand {
    /// Index of the first and last unpublished year.
    pub first: usize,
    pub last: usize,
    pub x0: i32,
    pub x1: i32,
    pub y0: i32,
    pub y1: i32,
    /// Its words, where they fit clear of the points' and changes' labels; left off where
    /// they do not (the shaded span, its dashed edges and the readout still say it).
    pub words: Option<GapWords>,
}

/// "2014 not reported" on a span of years of unknown rank.
#[derive(Debug, Clone, PartialEq)]
pub struct GapWords {
    pub text: String,
    pub centre: (i32, i32),
    /// The words cross an unpublished year's dashed line: a chip of the band's colour goes
    /// under them.
    pub chip: bool,
    pub b: crate::drawing::Rect,
}

/// "↑10" between two adjacent known years.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeLabel {
    /// Index of the later year.
    pub to: usize,
    pub x: i32,
    pub y: i32,
    pub text: String,
}

/// The shaded spans of unpublished years: each run of unknown ranks, from the known year
/// before it to the known year after (half a year's step past the plot's edge where there is
/// none), between those years' ranks (the whole plot's height where one is missing).
pub fn gap_bands(years: &[PlacedYear], spacing: f64, plot: &Rect) -> Vec<GapBand> {
    let count = years.len();
    let mut gaps = Vec::new();
    let mut i = 0;
    while i < count {
        if years[i].rank.is_some() {
            i += 1;
            continue;
        }
        let start = i;
        while i < count && years[i].rank.is_none() {
            i += 1;
        }
        let end = i - 1;
        let half = (spacing / 2.0).round() as i32;
        let before = start.checked_sub(1).map(|k| &years[k]);
        let after = years.get(end + 1);
        let x0 = before.map_or(years[start].x - half, |b| b.x);
        let x1 = after.map_or(years[end].x + half, |a| a.x);
        let (y0, y1) = match (before.and_then(|b| b.y), after.and_then(|a| a.y)) {
            (Some(a), Some(b)) => (a.min(b), a.max(b)),
            _ => (plot.top, plot.bottom),
        };
        gaps.push(GapBand {
            first: start,
            last: end,
            x0: x0.max(plot.left - half),
            x1: x1.min(plot.right + half),
            y0,
            y1,
            words: None,
        });
    }
    gaps
}

pub(super) fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

pub(super) fn inside(a: &Rect, area: &Rect) -> bool {
    a.left >= area.left && a.right <= area.right && a.top >= area.top && a.bottom <= area.bottom
}

/// The box a text of `width` × `height` takes when drawn at (`x`, `y`) with anchor `h`, `v`.
pub(super) fn text_box(x: i32, y: i32, width: i32, height: i32, h: HPos, v: VPos) -> Rect {
    // Halves of the size left of and above the anchor point.
    let halves_left = match h {
        HPos::Left => 0,
        HPos::Center => 1,
        HPos::Right => 2,
    };
    let halves_above = match v {
        VPos::Top => 0,
        VPos::Center => 1,
        VPos::Bottom => 2,
    };
    let left = x - (width * halves_left) / 2;
    let top = y - (height * halves_above) / 2;
    Rect {
        left,
        top,
        right: left + width,
        bottom: top + height,
    }
}

/// Whether a point's rank label goes under it: where a shaded gap sits on top of it.
fn label_below(x: i32, py: i32, gaps: &[GapBand]) -> bool {
    gaps.iter()
        .any(|g| g.y1 == py && (g.x0 == x || g.x1 == x) && g.y0 < py)
}

/// Where a point's rank label is anchored, and which way it runs from there. The drawing
/// puts the label here and the layout keeps other words clear of it: one rule for both.
#[derive(Clone, Copy)]
pub struct LabelAnchor {
    pub x: i32,
    pub y: i32,
    pub hpos: HPos,
    pub vpos: VPos,
    /// The label hangs under the point.
    pub below: bool,
}

/// The rank label of the point at (`x`, `py`): under the point where a shaded gap sits on top
/// of it, above it everywhere else; at the plot's left edge it runs rightwards, clear of the
/// rank axis's labels, at its right edge leftwards, clear of other places' names.
pub fn rank_label_anchor(
    v: &Viewport,
    plot: &Rect,
    x: i32,
    py: i32,
    gaps: &[GapBand],
) -> LabelAnchor {
    let below = label_below(x, py, gaps);
    let (y, vpos) = if below {
        (py + v.px(9.0), VPos::Top)
    } else {
        (py - v.px(9.0), VPos::Bottom)
    };
    let (x, hpos) = if x - plot.left < v.px(12.0) {
        (x - v.px(4.0), HPos::Left)
    } else if plot.right - x < v.px(12.0) {
        (x + v.px(4.0), HPos::Right)
    } else {
        (x, HPos::Center)
    };
    LabelAnchor {
        x,
        y,
        hpos,
        vpos,
        below,
    }
}
