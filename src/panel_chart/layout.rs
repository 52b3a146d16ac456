//! Where each mark of an indicator panel goes, in device pixels, and which item a pointer
//! is over. Like the rank chart, one layout serves drawing and hit-testing.

use crate::drawing::{fit_text, wrap_text, Rect, Viewport};
use crate::model::{Panel, PanelKind};
use crate::phrasebook::phrases::{
    best_rank_end, format_value, label_with_unit, rank_short, reference_label, with_unit,
};
use crate::phrasebook::Lang;
use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::RangedCoordf64;

const RANK_ROW: f64 = 48.0;
const RANK_AXIS: f64 = 26.0;
const BAR_ROW: f64 = 44.0;
const BAR_HEADER: f64 = 24.0;
/// A figure tile's height and least width (CSS px); public for the same reason as
/// `rank_chart::layout::RANK_ASPECT`.
pub const TILE_H: f64 = 108.0;
pub const TILE_MIN_W: f64 = 150.0;
const PAD: f64 = 4.0;

/// The CSS height a panel needs at a CSS width: rows grow with the items, never squeezed.
pub fn panel_css_height(panel: &Panel, css_width: f64) -> f64 {
    match &panel.kind {
        // The reference line's label sits under the last strip.
        PanelKind::Ranks { items, .. } => RANK_AXIS + RANK_ROW * items.len() as f64 + 26.0,
        PanelKind::Bars { items, .. } => BAR_HEADER + BAR_ROW * items.len() as f64 + 4.0,
        PanelKind::Stats { items } => {
            let (_, rows) = tile_grid(items.len(), css_width);
            TILE_H * rows as f64
        }
    }
}

fn tile_grid(n: usize, css_width: f64) -> (usize, usize) {
    let cols = ((css_width / TILE_MIN_W).floor() as usize).clamp(1, n.max(1));
    (cols, n.div_ceil(cols).max(1))
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    pub label: String,
    pub label_y: i32,
    pub strip_y: i32,
    pub dot_x: Option<i32>,
    pub value: String,
    /// Better than the reference (for example the overall rank).
    pub strong: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarColumn {
    pub header: String,
    pub x0: i32,
    pub x1: i32,
    pub zero_x: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub x_end: i32,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub label_y: i32,
    pub bar_y: i32,
    pub bar_h: i32,
    /// One per measure; `None` where the value is unknown.
    pub bars: Vec<Option<Bar>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tile {
    pub rect: Rect,
    pub label: String,
    pub value: String,
    pub unit: String,
    /// The qualifying text, wrapped to at most two lines.
    pub detail: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PanelMarks {
    Ranks {
        strip_left: i32,
        strip_right: i32,
        axis_y: i32,
        /// Where the reference line's label goes, under the last strip.
        reference_y: i32,
        best: String,
        worst: String,
        reference: Option<(i32, String)>,
        rows: Vec<RankRow>,
    },
    Bars {
        columns: Vec<BarColumn>,
        rows: Vec<BarRow>,
    },
    Stats {
        tiles: Vec<Tile>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct PanelLayout {
    pub viewport: Viewport,
    /// The area of each item, for hit-testing and highlighting.
    pub items: Vec<Rect>,
    /// Where the tooltip points for each item.
    pub anchors: Vec<(i32, i32)>,
    pub marks: PanelMarks,
}

/// One full-width row of `row` CSS px per item, from `top` CSS px down: where each item is
/// hit.
fn row_rects(v: Viewport, top: f64, row: f64, n: usize) -> Vec<Rect> {
    let (top, row_h) = (v.px(top), v.px(row));
    (0..n as i32)
        .map(|i| Rect {
            left: 0,
            top: top + row_h * i,
            right: v.width as i32,
            bottom: top + row_h * (i + 1),
        })
        .collect()
}

pub fn panel_layout(panel: &Panel, v: Viewport, lang: Lang) -> PanelLayout {
    let w = v.width as i32;
    let pad = v.px(PAD);
    let label_px = 13.0 * v.scale;
    match &panel.kind {
        PanelKind::Ranks {
            of,
            reference,
            items,
        } => {
            let (left, right) = (pad + v.px(8.0), w - pad - v.px(26.0));
            let xs: RangedCoordf64 = (1.0..(*of).max(2) as f64).into();
            let x_of = |r: u32| xs.map(&f64::from(r), (left, right));
            let rects = row_rects(v, RANK_AXIS, RANK_ROW, items.len());
            // The reference line's label sits under the last strip.
            let reference_y = rects.last().map_or(v.px(RANK_AXIS), |r| r.bottom) + v.px(2.0);
            let mut anchors = Vec::new();
            let rows = items
                .iter()
                .zip(&rects)
                .map(|(it, row)| {
                    let y0 = row.top;
                    let strip_y = y0 + v.px(32.0);
                    let dot_x = it.rank.map(x_of);
                    anchors.push((dot_x.unwrap_or((left + right) / 2), strip_y));
                    RankRow {
                        label: fit_text(it.label.get(lang), label_px, f64::from(w - 2 * pad)),
                        label_y: y0 + v.px(6.0),
                        strip_y,
                        dot_x,
                        value: it.rank.map_or_else(|| "—".to_string(), |r| r.to_string()),
                        strong: matches!((it.rank, reference), (Some(r), Some(re)) if r < re.rank),
                    }
                })
                .collect();
            PanelLayout {
                viewport: v,
                items: rects,
                anchors,
                marks: PanelMarks::Ranks {
                    strip_left: left,
                    strip_right: right,
                    axis_y: v.px(4.0),
                    reference_y,
                    best: best_rank_end(lang),
                    worst: rank_short(*of, lang),
                    reference: reference.as_ref().map(|r| {
                        (
                            x_of(r.rank),
                            reference_label(r.label.get(lang), r.rank, lang),
                        )
                    }),
                    rows,
                },
            }
        }
        PanelKind::Bars { measures, items } => {
            let n = measures.len().max(1) as i32;
            let gap = v.px(16.0);
            let col_w = (w - 2 * pad - gap * (n - 1)) / n;
            // One scale per measure, from zero to its extremes: counts and money never
            // share an axis.
            let scales: Vec<RangedCoordf64> = (0..measures.len())
                .map(|k| {
                    let values = items
                        .iter()
                        .filter_map(|it| it.values.get(k).copied().flatten());
                    let (lo, hi) =
                        values.fold((0.0f64, 0.0f64), |(lo, hi), x| (lo.min(x), hi.max(x)));
                    (lo..if hi == lo { lo + 1.0 } else { hi }).into()
                })
                .collect();
            let columns: Vec<BarColumn> = measures
                .iter()
                .enumerate()
                .map(|(k, m)| {
                    let x0 = pad + (col_w + gap) * k as i32;
                    // Room at the end of the bar for its value label.
                    let x1 = x0 + col_w - v.px(58.0).min(col_w / 2);
                    let xs = &scales[k];
                    let unit = m.unit.get(lang);
                    let header = if unit.is_empty() || unit == "%" {
                        m.label.get(lang).to_string()
                    } else {
                        label_with_unit(m.label.get(lang), unit, lang)
                    };
                    BarColumn {
                        header: fit_text(&header, 12.0 * v.scale, f64::from(col_w)),
                        x0,
                        x1,
                        zero_x: xs.map(&0.0, (x0, x1)),
                    }
                })
                .collect();
            let rects = row_rects(v, BAR_HEADER, BAR_ROW, items.len());
            let mut anchors = Vec::new();
            let rows = items
                .iter()
                .zip(&rects)
                .map(|(it, row)| {
                    let y0 = row.top;
                    let bar_y = y0 + v.px(22.0);
                    let bars: Vec<Option<Bar>> = columns
                        .iter()
                        .zip(measures)
                        .enumerate()
                        .map(|(k, (c, m))| {
                            let value = it.values.get(k).copied().flatten()?;
                            Some(Bar {
                                x_end: scales[k].map(&value, (c.x0, c.x1)),
                                text: with_unit(&m.shown(value, lang), m.unit.get(lang), lang),
                            })
                        })
                        .collect();
                    let end = bars.iter().flatten().map(|b| b.x_end).max().unwrap_or(pad);
                    anchors.push((end, bar_y + v.px(7.0)));
                    BarRow {
                        label: fit_text(it.label.get(lang), label_px, f64::from(w - 2 * pad)),
                        label_y: y0 + v.px(4.0),
                        bar_y,
                        bar_h: v.px(14.0),
                        bars,
                    }
                })
                .collect();
            PanelLayout {
                viewport: v,
                items: rects,
                anchors,
                marks: PanelMarks::Bars { columns, rows },
            }
        }
        PanelKind::Stats { items } => {
            let (cols, _) = tile_grid(items.len(), f64::from(w) / v.scale);
            let tile_w = w / cols as i32;
            let tile_h = v.px(TILE_H);
            let mut rects = Vec::new();
            let mut anchors = Vec::new();
            let tiles = items
                .iter()
                .enumerate()
                .map(|(i, it)| {
                    let (c, r) = ((i % cols) as i32, (i / cols) as i32);
                    let rect = Rect {
                        left: c * tile_w,
                        top: r * tile_h,
                        right: (c + 1) * tile_w,
                        bottom: (r + 1) * tile_h,
                    };
                    rects.push(rect);
                    anchors.push((rect.left + v.px(12.0), rect.top + v.px(50.0)));
                    let inner = f64::from(tile_w - v.px(20.0));
                    Tile {
                        rect,
                        label: fit_text(it.label.get(lang), label_px, inner),
                        value: it
                            .value
                            .map_or_else(|| "—".to_string(), |x| format_value(x, false)),
                        unit: it.unit.get(lang).to_string(),
                        detail: it
                            .detail
                            .as_ref()
                            .map(|d| wrap_text(d.get(lang), 11.0 * v.scale, inner, 2))
                            .unwrap_or_default(),
                    }
                })
                .collect();
            PanelLayout {
                viewport: v,
                items: rects,
                anchors,
                marks: PanelMarks::Stats { tiles },
            }
        }
    }
}

impl PanelLayout {
    /// The item under a pointer at device pixels (`x`, `y`): the row or tile it is in.
    pub fn item_at(&self, x: f64, y: f64) -> Option<usize> {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let (x, y) = (x.round() as i32, y.round() as i32);
        self.items
            .iter()
            .position(|r| x >= r.left && x < r.right && y >= r.top && y < r.bottom)
    }
}
