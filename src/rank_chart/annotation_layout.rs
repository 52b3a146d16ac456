//! Where the rank chart's annotations go: reference lines, shaded bands, and callouts placed
//! clear of every point, label and other callout. A callout whose text does not fit (every
//! callout on a narrow chart) becomes a numbered marker; its text is then a numbered note
//! under the plot.

use super::marks::{
    inside, overlaps, rank_label_anchor, text_box, ChangeLabel, GapBand, PlacedYear,
};
use crate::drawing::{approx_text_width, wrap_text, Rect, Viewport};
use crate::model::{AnnotationKind, Model};
use crate::phrasebook::Lang;
use plotters::style::text_anchor::{HPos, VPos};

/// Below this CSS width every callout is a numbered marker: the same line as the docked
/// readout's, so the notes under the plot show exactly when the stylesheet makes room.
pub use crate::drawing::NARROW_BELOW_CSS_PX as MARKERS_BELOW_CSS_PX;
/// A callout's text size, line height and widest line (CSS px).
pub const CALLOUT_TEXT_PX: f64 = 11.0;
const CALLOUT_LINE_PX: f64 = 14.0;
const CALLOUT_MAX_W: f64 = 170.0;
const MARKER_RADIUS: f64 = 8.0;

#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceLine {
    pub y: i32,
    pub text: String,
    /// Where its words go: right-aligned above the line at the plot's right edge.
    pub label: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ShadedBand {
    pub x0: i32,
    pub x1: i32,
    pub text: String,
    pub label: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CalloutPlace {
    /// The text, in lines, in a box joined to the point by a connector.
    Text { lines: Vec<String>, b: Rect },
    /// A numbered disc beside the point.
    Marker { centre: (i32, i32), radius: i32 },
}

impl CalloutPlace {
    /// The box the callout takes on the plot: its words' box, or the disc's square.
    pub fn rect(&self) -> Rect {
        match self {
            CalloutPlace::Text { b, .. } => *b,
            CalloutPlace::Marker { centre, radius } => Rect {
                left: centre.0 - radius,
                top: centre.1 - radius,
                right: centre.0 + radius,
                bottom: centre.1 + radius,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Callout {
    /// Index of the year it marks, and that year's point.
    pub year_index: usize,
    pub point: (i32, i32),
    /// 1-based among the callouts, in the order of the data file: the same number at every
    /// width, so the notes under the plot can be written once.
    pub number: usize,
    pub place: CalloutPlace,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnnotationLayout {
    pub lines: Vec<ReferenceLine>,
    pub bands: Vec<ShadedBand>,
    pub callouts: Vec<Callout>,
}

impl AnnotationLayout {
    /// Whether any callout is a marker, so its text must be shown under the plot.
    pub fn uses_markers(&self) -> bool {
        self.callouts
            .iter()
            .any(|c| matches!(c.place, CalloutPlace::Marker { .. }))
    }
}

/// Every mark a callout must stay clear of: points, their rank labels, change labels and the
/// shaded gaps. Matches what `draw.rs` draws.
pub fn occupied(
    v: &Viewport,
    plot: &Rect,
    years: &[PlacedYear],
    gaps: &[GapBand],
    changes: &[ChangeLabel],
) -> Vec<Rect> {
    let mut out = point_labels(v, plot, years, gaps, changes);
    // The shaded spans of unpublished years, whole.
    for g in gaps {
        out.push(Rect {
            left: g.x0,
            top: g.y0 - v.px(2.0),
            right: g.x1,
            bottom: g.y1 + v.px(2.0),
        });
    }
    // The line itself, as small boxes along each segment between two known years.
    let known: Vec<(i32, i32)> = years.iter().filter_map(|y| Some((y.x, y.y?))).collect();
    let pad = v.px(3.0);
    for w in known.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let steps = ((x1 - x0).abs().max((y1 - y0).abs()) / v.px(6.0)).max(1);
        for s in 0..=steps {
            let (x, y) = (x0 + (x1 - x0) * s / steps, y0 + (y1 - y0) * s / steps);
            out.push(Rect {
                left: x - pad,
                top: y - pad,
                right: x + pad,
                bottom: y + pad,
            });
        }
    }
    out
}

/// The main place's points with their rank labels, and the change labels.
pub fn point_labels(
    v: &Viewport,
    plot: &Rect,
    years: &[PlacedYear],
    gaps: &[GapBand],
    changes: &[ChangeLabel],
) -> Vec<Rect> {
    let mut out = Vec::new();
    let label_h = v.px(15.0);
    for y in years {
        let (Some(py), Some(rank)) = (y.y, y.rank) else {
            continue;
        };
        let r = v.px(7.0);
        out.push(Rect {
            left: y.x - r,
            top: py - r,
            right: y.x + r,
            bottom: py + r,
        });
        let w = v.px(approx_text_width(&rank.to_string(), 12.0) + 4.0);
        let a = rank_label_anchor(v, plot, y.x, py, gaps);
        let mut b = text_box(a.x, a.y, w, label_h, a.hpos, a.vpos);
        if matches!(a.hpos, HPos::Right) {
            // At the right edge the label meets the other places' names, which start just
            // right of it: a name in its row, or the next, would read as the number's, so the
            // names keep a half row clear of it.
            b.top -= v.px(7.0);
            b.bottom += v.px(7.0);
            b.right += v.px(12.0);
        }
        out.push(b);
    }
    for c in changes {
        let w = v.px(approx_text_width(&c.text, 12.0) + 4.0);
        out.push(text_box(c.x, c.y, w, label_h, HPos::Center, VPos::Top));
    }
    out
}

/// The reference lines and shaded bands, whose places are fixed by their rank or years; their
/// words join `taken`.
#[allow(clippy::too_many_arguments)]
pub fn lines_and_bands(
    model: &Model,
    lang: Lang,
    v: &Viewport,
    plot: &Rect,
    years: &[PlacedYear],
    spacing: f64,
    y_of_rank: impl Fn(u32) -> Option<i32>,
    taken: &mut Vec<Rect>,
) -> AnnotationLayout {
    let mut out = AnnotationLayout::default();
    let label_h = v.px(14.0);
    let half = (spacing / 2.0).round() as i32;
    let x_of = |year: i32| years.iter().find(|y| y.year == year).map(|y| y.x);
    for a in &model.ranking.annotations {
        let text = a.text.get(lang).to_string();
        match a.kind {
            AnnotationKind::Line { rank } => {
                // A line outside the axis's range is not drawn: its words stay in the summary
                // and the table.
                let Some(y) = y_of_rank(rank) else { continue };
                let w = v.px(approx_text_width(&text, CALLOUT_TEXT_PX) + 4.0);
                let label = text_box(
                    plot.right,
                    y - v.px(3.0),
                    w,
                    label_h,
                    HPos::Right,
                    VPos::Bottom,
                );
                taken.push(label);
                out.lines.push(ReferenceLine { y, text, label });
            }
            AnnotationKind::Band { from, to } => {
                let (Some(x0), Some(x1)) = (x_of(from), x_of(to)) else {
                    continue;
                };
                let (x0, x1) = ((x0 - half).max(plot.left), (x1 + half).min(plot.right));
                let w = v.px(approx_text_width(&text, CALLOUT_TEXT_PX) + 4.0);
                let label = text_box(
                    (x0 + x1) / 2,
                    plot.top + v.px(2.0),
                    w,
                    label_h,
                    HPos::Center,
                    VPos::Top,
                );
                taken.push(label);
                out.bands.push(ShadedBand {
                    x0,
                    x1,
                    text,
                    label,
                });
            }
            AnnotationKind::Callout { .. } => {}
        }
    }
    out
}

/// The callouts, each placed clear of everything in `taken` and of each other: as words
/// beside their point where they fit, as numbered markers where they do not.
pub fn place_callouts(
    model: &Model,
    lang: Lang,
    v: &Viewport,
    plot: &Rect,
    years: &[PlacedYear],
    mut taken: Vec<Rect>,
    out: &mut AnnotationLayout,
) {
    let narrow = f64::from(v.width) / v.scale < MARKERS_BELOW_CSS_PX;
    let mut others: Vec<Rect> = Vec::new();
    let callouts = model
        .ranking
        .annotations
        .iter()
        .filter_map(|a| match a.kind {
            AnnotationKind::Callout { year } => Some((year, a.text.get(lang))),
            _ => None,
        });
    for (n, (year, text)) in callouts.enumerate() {
        let Some((i, y)) = years.iter().enumerate().find(|(_, y)| y.year == year) else {
            continue;
        };
        let Some(py) = y.y else { continue };
        let point = (y.x, py);
        let place = (!narrow)
            .then(|| place_text(v, plot, point, text, &taken))
            .flatten()
            .unwrap_or_else(|| place_marker(v, plot, point, &taken, &others));
        taken.push(place.rect());
        others.push(place.rect());
        out.callouts.push(Callout {
            year_index: i,
            point,
            number: n + 1,
            place,
        });
    }
}

/// The text beside the point, in the first spot clear of everything taken; `None` if none
/// is, or if the text needs more than two lines.
fn place_text(
    v: &Viewport,
    plot: &Rect,
    (x, y): (i32, i32),
    text: &str,
    taken: &[Rect],
) -> Option<CalloutPlace> {
    let lines = wrap_text(text, CALLOUT_TEXT_PX, CALLOUT_MAX_W, 2);
    if lines.concat().replace(' ', "") != text.replace(' ', "") {
        return None;
    }
    let w = v.px(lines
        .iter()
        .map(|l| approx_text_width(l, CALLOUT_TEXT_PX))
        .fold(0.0, f64::max)
        + 6.0);
    let h = v.px(CALLOUT_LINE_PX * lines.len() as f64 + 4.0);
    // Nearest first: above or below and to either side, then level with the point.
    let candidates = [18.0, 36.0, 58.0, 80.0].into_iter().flat_map(|d| {
        [8.0, 48.0].into_iter().flat_map(move |side| {
            let (d, side) = (v.px(d), v.px(side));
            [
                (x - side - w, y - d - h),
                (x + side, y - d - h),
                (x + side, y + d),
                (x - side - w, y + d),
                (x - d - w, y - h / 2),
                (x + d, y - h / 2),
            ]
        })
    });
    candidates
        .map(|(left, top)| Rect {
            left,
            top,
            right: left + w,
            bottom: top + h,
        })
        .find(|b| inside(b, plot) && !taken.iter().any(|t| overlaps(b, t)))
        .map(|b| CalloutPlace::Text { lines, b })
}

/// A numbered disc beside the point, never on another callout (`others`), and clear of
/// everything taken where it can be.
fn place_marker(
    v: &Viewport,
    plot: &Rect,
    (x, y): (i32, i32),
    taken: &[Rect],
    others: &[Rect],
) -> CalloutPlace {
    let radius = v.px(MARKER_RADIUS);
    // Rings of spots around the point, nearest first, eight then sixteen directions: a
    // crowded phone chart (a dozen other places' names) may need one well away, joined to its
    // point by the connector.
    let mut spots: Vec<(i32, i32)> = Vec::new();
    // Sixteen directions as thousandths, so the reader's wasm needs no sine or cosine.
    const DIRECTIONS: [(i32, i32); 16] = [
        (1000, 0),
        (924, 383),
        (707, 707),
        (383, 924),
        (0, 1000),
        (-383, 924),
        (-707, 707),
        (-924, 383),
        (-1000, 0),
        (-924, -383),
        (-707, -707),
        (-383, -924),
        (0, -1000),
        (383, -924),
        (707, -707),
        (924, -383),
    ];
    for d in (15..=150).step_by(7) {
        let r = v.px(f64::from(d));
        let every = if d < 40 { 2 } else { 1 };
        for &(cx, cy) in DIRECTIONS.iter().step_by(every) {
            spots.push((x + r * cx / 1000, y - r * cy / 1000));
        }
    }
    let disc = |&(cx, cy): &(i32, i32)| Rect {
        left: cx - radius,
        top: cy - radius,
        right: cx + radius,
        bottom: cy + radius,
    };
    let crowding = |s: &(i32, i32)| taken.iter().filter(|t| overlaps(&disc(s), t)).count();
    let centre = spots
        .iter()
        .filter(|s| inside(&disc(s), plot) && !others.iter().any(|o| overlaps(&disc(s), o)))
        .min_by_key(|s| crowding(s))
        .copied()
        .unwrap_or((x, y));
    CalloutPlace::Marker { centre, radius }
}
