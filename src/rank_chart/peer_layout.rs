//! Where the other places go on the rank chart: their lines, muted, in the same columns as
//! the main place, and each one's name at the end of its line, stacked clear of every other
//! label and mark, or left off where there is no room (the place stays in the table, the
//! summary and the readout, and is still focusable).

use super::marks::PlacedYear;
use super::marks::{inside, overlaps};
use crate::drawing::{approx_text_width, fit_text, Rect, Viewport};
use crate::model::Model;
use crate::numeric::Clamped;
use crate::phrasebook::Lang;

/// The size of a place's name at the end of its line (CSS px).
pub const END_LABEL_PX: f64 = 11.0;
const END_LABEL_H: f64 = 14.0;
/// Room between a line's last point and its name (CSS px).
const END_LABEL_GAP: f64 = 6.0;

#[derive(Debug, Clone, PartialEq)]
pub struct PeerLine {
    /// Index into the model's peers.
    pub peer: usize,
    /// Each evaluation's point, `None` where the place's rank is unknown: its line breaks.
    pub points: Vec<Option<(i32, i32)>>,
    /// The name as drawn (shortened to fit the gutter), and its box; `None` where it did not
    /// fit without overlapping.
    pub label: Option<(String, Rect)>,
}

/// The widest a place's name may be at the end of its line, for a chart `css_width` wide.
pub fn end_label_max_css(css_width: f64) -> f64 {
    (css_width * 0.2).clamped(48.0, 130.0)
}

/// The room kept right of the plot for the names at the lines' ends (CSS px): none without
/// peers.
pub fn end_label_gutter_css(model: &Model, lang: Lang, css_width: f64) -> f64 {
    let widest = model
        .ranking
        .peers
        .iter()
        .map(|p| approx_text_width(p.name.get(lang), END_LABEL_PX))
        .fold(0.0, f64::max);
    if model.ranking.peers.is_empty() {
        0.0
    } else {
        // The name's box is 2 px wider than its text, and stops 2 px short of the edge.
        widest.min(end_label_max_css(css_width)) + END_LABEL_GAP + 4.0
    }
}

/// Every peer's line and end label. Labels are placed in the file's order, each level with
/// its line's last known point or stacked up to two rows above or below it, clear of
/// `taken`, which they then join.
pub fn peer_layout(
    model: &Model,
    lang: Lang,
    v: &Viewport,
    plot: &Rect,
    years: &[PlacedYear],
    y_of: impl Fn(u32) -> i32,
    taken: &mut Vec<Rect>,
) -> Vec<PeerLine> {
    let css_width = f64::from(v.width) / v.scale;
    let max_w = end_label_max_css(css_width);
    let h = v.px(END_LABEL_H);
    // Names may run into the gutter and up to the chart's edge, never past it.
    let area = Rect {
        left: plot.left,
        top: plot.top - v.px(6.0),
        right: v.width as i32 - v.px(2.0),
        bottom: plot.bottom + v.px(6.0),
    };
    let mut out = Vec::new();
    for (k, peer) in model.ranking.peers.iter().enumerate() {
        let points: Vec<Option<(i32, i32)>> = years
            .iter()
            .zip(&peer.points)
            .map(|(y, p)| p.rank.map(|r| (y.x, y_of(r))))
            .collect();
        // The full name where it fits, else the short one, shortened only if it must be.
        let full = peer.name.get(lang);
        let text = if approx_text_width(full, END_LABEL_PX) <= max_w {
            full.to_string()
        } else {
            fit_text(peer.short.get(lang), END_LABEL_PX, max_w)
        };
        let w = v.px(approx_text_width(&text, END_LABEL_PX) + 2.0);
        let label = points.iter().rev().flatten().next().and_then(|&(x, y)| {
            let left = x + v.px(END_LABEL_GAP);
            [0, 1, -1, 2, -2]
                .into_iter()
                .map(|row| {
                    let top = y - h / 2 + row * h;
                    Rect {
                        left,
                        top,
                        right: left + w,
                        bottom: top + h,
                    }
                })
                .find(|b| inside(b, &area) && !taken.iter().any(|t| overlaps(b, t)))
        });
        if let Some(b) = label {
            taken.push(b);
        }
        out.push(PeerLine {
            peer: k,
            points,
            label: label.map(|b| (text, b)),
        });
    }
    out
}

/// The distance, in device pixels, from (`x`, `y`) to a line through `points` (its known
/// stretches, and any lone known point).
pub fn distance_to_line(points: &[Option<(i32, i32)>], x: f64, y: f64) -> f64 {
    // `sqrt` of the sum, not `hypot`: a wasm instruction instead of a library routine.
    let length = |dx: f64, dy: f64| (dx * dx + dy * dy).sqrt();
    let to_point = |(px, py): (i32, i32)| length(f64::from(px) - x, f64::from(py) - y);
    let to_segment = |a: (i32, i32), b: (i32, i32)| {
        let (ax, ay, bx, by) = (
            f64::from(a.0),
            f64::from(a.1),
            f64::from(b.0),
            f64::from(b.1),
        );
        let (dx, dy) = (bx - ax, by - ay);
        let len2 = dx * dx + dy * dy;
        let t = if len2 == 0.0 {
            0.0
        } else {
            (((x - ax) * dx + (y - ay) * dy) / len2).clamped(0.0, 1.0)
        };
        length(ax + t * dx - x, ay + t * dy - y)
    };
    let mut best = f64::INFINITY;
    for (i, p) in points.iter().enumerate() {
        let Some(a) = *p else { continue };
        best = best.min(to_point(a));
        if let Some(Some(b)) = points.get(i + 1) {
            best = best.min(to_segment(a, *b));
        }
    }
    best
}
