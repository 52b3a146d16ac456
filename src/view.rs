//! One canvas of the infographic, whatever it shows: the rank chart or an indicator panel.
//! The web shell handles every canvas through these few functions.

use crate::describe::{panel_readout, rank_readout_beside, Readout};
use crate::drawing::{DrawError, Layer, Theme, Viewport};
use crate::model::Model;
use crate::numeric::Clamped;
use crate::panel_chart::{draw_panel, panel_css_height, panel_layout, PanelLayout};
use crate::phrasebook::Lang;
use crate::rank_chart::{
    css_height_for_width, draw_rank_chart, draw_rank_gaps, draw_rank_moving, draw_rank_static,
    rank_layout, reveal_to_x, Frame, RankLayout,
};
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Rank,
    Panel(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ViewLayout {
    Rank(RankLayout),
    Panel(PanelLayout),
}

/// What the reader has picked out on a canvas: an item (a year, a bar), and on the rank
/// chart, another place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Focus {
    pub item: Option<usize>,
    pub peer: Option<usize>,
}

impl From<Option<usize>> for Focus {
    fn from(item: Option<usize>) -> Focus {
        Focus { item, peer: None }
    }
}

/// Every canvas the model needs, in reading order.
pub fn views(model: &Model) -> Vec<ViewKind> {
    std::iter::once(ViewKind::Rank)
        .chain((0..model.panels.len()).map(ViewKind::Panel))
        .collect()
}

pub fn view_css_height(model: &Model, kind: ViewKind, css_width: f64) -> f64 {
    match kind {
        ViewKind::Rank => css_height_for_width(css_width),
        ViewKind::Panel(i) => model
            .panels
            .get(i)
            .map_or(0.0, |p| panel_css_height(p, css_width)),
    }
}

pub fn view_layout(
    model: &Model,
    kind: ViewKind,
    viewport: Viewport,
    lang: Lang,
) -> Option<ViewLayout> {
    Some(match kind {
        ViewKind::Rank => ViewLayout::Rank(rank_layout(model, viewport, lang)),
        ViewKind::Panel(i) => ViewLayout::Panel(panel_layout(model.panels.get(i)?, viewport, lang)),
    })
}

pub fn item_count(model: &Model, kind: ViewKind) -> usize {
    match kind {
        ViewKind::Rank => model.ranking.points.len(),
        ViewKind::Panel(i) => model.panels.get(i).map_or(0, |p| p.kind.item_count()),
    }
}

/// The readout of item `index`, with the focused other place's figures beside the main
/// place's on the rank chart.
pub fn readout(
    model: &Model,
    kind: ViewKind,
    index: usize,
    peer: Option<usize>,
    lang: Lang,
) -> Option<Readout> {
    match kind {
        ViewKind::Rank => rank_readout_beside(model, index, peer, lang),
        ViewKind::Panel(p) => panel_readout(model, p, index, lang),
    }
}

/// How many year-steps of the rank line are drawn at entry `progress` (0 to 1).
fn reveal_at(l: &RankLayout, progress: f64) -> f64 {
    progress * l.years.len().saturating_sub(1) as f64
}

/// How far from the left, in device pixels, the swept layer is uncovered at `progress`;
/// `None` when the view has no swept layer.
pub fn swept_x(layout: &ViewLayout, progress: f64) -> Option<i32> {
    match layout {
        ViewLayout::Rank(l) if !l.gaps.is_empty() => {
            Some(reveal_to_x(l, reveal_at(l, progress.clamped(0.0, 1.0))))
        }
        _ => None,
    }
}

/// The device-pixel box (left, top, right, bottom; right and bottom excluded) that holds
/// every mark of the swept layer, or `None` when the view has none. The browser keeps the
/// swept layer on a canvas of this size only: a full-size canvas took ~5 ms to allocate.
pub fn swept_bounds(layout: &ViewLayout) -> Option<(i32, i32, i32, i32)> {
    let ViewLayout::Rank(l) = layout else {
        return None;
    };
    // The dashed edges are centred on the band's edges: one dash width beyond, and a pixel.
    let pad = l.viewport.px(1.0).max(1) + 1;
    l.gaps
        .iter()
        .map(|g| (g.x0 - pad, g.y0 - pad, g.x1 + pad, g.y1 + pad))
        .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)))
}

/// An area for a canvas that holds only the box of the chart from (`left`, `top`): as large
/// as the whole chart and shifted up and left, so that a layer still draws in chart
/// coordinates (plotters clamps every point to its area, so a plain small area would squash
/// the marks against its edges).
pub fn area_from<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    layout: &ViewLayout,
    (left, top): (i32, i32),
) -> DrawingArea<DB, Shift> {
    let v = layout.viewport();
    root.shrink((-left, -top), (v.width as i32, v.height as i32))
}

/// Draw one canvas at entry `progress` (0 to 1) with `focus` highlighted: all of it, or
/// only its still, swept or moving layer.
#[allow(clippy::too_many_arguments)]
pub fn draw_view<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &Model,
    layout: &ViewLayout,
    progress: f64,
    focus: impl Into<Focus>,
    lang: Lang,
    theme: &Theme,
    layer: Layer,
) -> Result<(), DrawError> {
    let Focus { item, peer } = focus.into();
    match layout {
        ViewLayout::Rank(l) => {
            let frame = Frame {
                reveal: reveal_at(l, progress),
                inspected: item,
                peer,
            };
            match layer {
                Layer::All => draw_rank_chart(root, model, l, frame, lang, theme),
                Layer::Still => draw_rank_static(root, model, l, lang, theme),
                Layer::Swept => draw_rank_gaps(root, l, i32::MAX, theme),
                Layer::Moving => draw_rank_moving(root, l, frame, lang, theme),
            }
        }
        ViewLayout::Panel(l) => draw_panel(root, l, progress, item, theme, layer),
    }
}

impl ViewLayout {
    pub fn viewport(&self) -> Viewport {
        match self {
            ViewLayout::Rank(l) => l.viewport,
            ViewLayout::Panel(l) => l.viewport,
        }
    }

    /// The item a pointer at device pixels (`x`, `y`) inspects.
    pub fn item_at(&self, x: f64, y: f64) -> Option<usize> {
        match self {
            ViewLayout::Rank(l) => l.nearest_year(x, y),
            ViewLayout::Panel(l) => l.item_at(x, y),
        }
    }

    /// The other place under a pointer at device pixels (`x`, `y`): rank chart only.
    pub fn peer_at(&self, x: f64, y: f64) -> Option<usize> {
        match self {
            ViewLayout::Rank(l) => l.peer_at(x, y),
            ViewLayout::Panel(_) => None,
        }
    }

    /// The places a reader steps through with ↑ and ↓ in year `index`: the rank chart's
    /// places top to bottom when it shows others; otherwise none.
    pub fn places(&self, index: usize) -> Vec<Option<usize>> {
        match self {
            ViewLayout::Rank(l) if !l.peers.is_empty() => l.places_top_to_bottom(index),
            _ => Vec::new(),
        }
    }

    /// What a floating readout for item `index` must not cover besides the items' own marks,
    /// in device pixels: the rank chart's counter (the rank the line has reached), and the
    /// focused other place's point that year.
    pub fn also_clear_of(&self, index: usize, peer: Option<usize>) -> Vec<(i32, i32)> {
        let ViewLayout::Rank(l) = self else {
            return Vec::new();
        };
        let (x, y) = l.counter_anchor;
        let (w, h) = (l.viewport.px(100.0), l.viewport.px(48.0));
        let mut out: Vec<(i32, i32)> = [0, w / 2, w]
            .into_iter()
            .flat_map(|dx| [(x - dx, y), (x - dx, y + h)])
            .collect();
        let focused = peer.and_then(|k| l.peers.iter().find(|p| p.peer == k));
        out.extend(focused.and_then(|p| *p.points.get(index)?));
        out
    }

    /// Where the tooltip for an item points, in device pixels.
    pub fn anchor_of(&self, index: usize) -> Option<(i32, i32)> {
        match self {
            ViewLayout::Rank(l) => l.anchor_of(index),
            ViewLayout::Panel(l) => l.anchors.get(index).copied(),
        }
    }
}

/// Where a floating readout of `size` goes for the mark at `anchor`, inside a stage of
/// `stage` (all in CSS px, from the stage's corner): beside the mark and clear of every mark
/// in `marks` (the inspected one and its neighbours), preferring the side with more room,
/// as it always went. Returns the readout's left and top.
pub fn readout_position(
    anchor: (f64, f64),
    size: (f64, f64),
    stage: (f64, f64),
    marks: &[(f64, f64)],
) -> (f64, f64) {
    const GAP: f64 = 14.0;
    const CLEAR: f64 = 9.0;
    let ((x, y), (w, h)) = (anchor, size);
    let (right, left) = (x + GAP, x - GAP - w);
    let (level, above, below) = ((y - 20.0).max(0.0), y - GAP - h, y + GAP);
    let sides = if x < stage.0 / 2.0 {
        [right, left]
    } else {
        [left, right]
    };
    let candidates = [
        (sides[0], level),
        (sides[1], level),
        (sides[0], above),
        (sides[0], below),
        (sides[1], above),
        (sides[1], below),
        (x - w / 2.0, above),
        (x - w / 2.0, below),
        // Beside the mark but slid to the stage's top or bottom edge: on a steep line the
        // level spot covers the neighbour below or above.
        (sides[0], 0.0),
        (sides[0], stage.1 - h),
        (sides[1], 0.0),
        (sides[1], stage.1 - h),
    ];
    let covered = |(l, t): (f64, f64)| {
        marks
            .iter()
            .filter(|(mx, my)| {
                *mx > l - CLEAR && *mx < l + w + CLEAR && *my > t - CLEAR && *my < t + h + CLEAR
            })
            .count()
    };
    let inside = |(l, t): (f64, f64)| l >= 0.0 && t >= 0.0 && l + w <= stage.0 && t + h <= stage.1;
    candidates
        .iter()
        .copied()
        .find(|&c| inside(c) && covered(c) == 0)
        .or_else(|| {
            candidates
                .iter()
                .copied()
                .filter(|&c| inside(c))
                .min_by_key(|&c| covered(c))
        })
        .unwrap_or((sides[0].clamped(0.0, (stage.0 - w).max(0.0)), level))
}
