//! Where every mark of the rank chart goes, in device pixels, for a given canvas size.
//! Drawing and hit-testing both read this one layout, so what is drawn is what is hit.

use super::annotation_layout::{
    lines_and_bands, occupied, place_callouts, point_labels, AnnotationLayout,
};
use super::marks::{gap_bands, overlaps};
pub use super::marks::{ChangeLabel, GapBand, GapWords, PlacedYear};
use super::peer_layout::{distance_to_line, end_label_gutter_css, peer_layout, PeerLine};
use crate::drawing::{approx_text_width, fit_text, wrap_text, Rect, Viewport};
use crate::model::Model;
use crate::numeric::Clamped;
use crate::phrasebook::annotations::years_span;
use crate::phrasebook::phrases::{
    change_mark, gap_label, gap_label_with_years, rank_axis_caption, rank_short,
};
use crate::phrasebook::Lang;
use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::RangedCoordf64;

/// The CSS height that suits a CSS width: 16:9 up to a cap, since wide charts need no more height, and a
/// phone still gets room for the rank axis.
pub fn css_height_for_width(css_width: f64) -> f64 {
    (css_width * RANK_ASPECT)
        .round()
        .clamped(RANK_MIN_CSS_HEIGHT, RANK_MAX_CSS_HEIGHT)
}

/// Height over width of the rank chart, between its two limits (CSS px). Public so a page
/// prerendered by `cargo xtask dist` reserves the same box in CSS before the wasm arrives.
pub const RANK_ASPECT: f64 = 0.5625;
pub const RANK_MIN_CSS_HEIGHT: f64 = 304.0;
pub const RANK_MAX_CSS_HEIGHT: f64 = 460.0;

#[derive(Debug, Clone, PartialEq)]
pub struct RankLayout {
    pub viewport: Viewport,
    pub plot: Rect,
    pub years: Vec<PlacedYear>,
    pub rank_ticks: Vec<(u32, i32)>,
    pub gaps: Vec<GapBand>,
    pub changes: Vec<ChangeLabel>,
    /// Right edge and top of the rolling counter.
    pub counter_anchor: (i32, i32),
    pub axis_caption: String,
    /// The caption broken to the room left of the rank counter (two lines at most).
    pub axis_caption_lines: Vec<String>,
    /// The axis starts below 1st (a fitted or chosen range): drawn with a break mark.
    pub axis_cut: bool,
    pub annotations: AnnotationLayout,
    /// The other places, drawn muted, in the model's order.
    pub peers: Vec<PeerLine>,
}

/// Round steps for the rank axis, so that about five labels fit.
fn rank_step(max: u32) -> u32 {
    [
        1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000,
        100_000,
    ]
    .into_iter()
    .find(|s| max / s <= 5)
    .unwrap_or(250_000)
}

pub fn rank_layout(model: &Model, viewport: Viewport, lang: Lang) -> RankLayout {
    let v = viewport;
    let css_width = v.width as f64 / v.scale;
    let narrow = css_width < 480.0;
    // Other places' names go right of the plot, at their lines' ends.
    let gutter = end_label_gutter_css(model, lang, css_width);
    let plot = Rect {
        left: v.px(if narrow { 40.0 } else { 48.0 }),
        top: v.px(if narrow { 72.0 } else { 76.0 }),
        right: v.width as i32 - v.px(f64::max(if narrow { 22.0 } else { 36.0 }, gutter)),
        bottom: v.height as i32 - v.px(30.0),
    };
    let points = &model.ranking.points;
    let first = points.first().map_or(0, |p| p.year) as f64;
    let last = points.last().map_or(1, |p| p.year) as f64;
    // A single year still needs a non-empty domain to map into.
    let xs: RangedCoordf64 = (first..last.max(first + 1.0)).into();
    let (top_rank, bottom_rank) = model.rank_axis_range();
    // The best rank shown at the top: the range runs from there down to the worst.
    let ys: RangedCoordf64 = (top_rank as f64 - 0.5..bottom_rank as f64 + 0.5).into();
    let x_of = |year: i32| xs.map(&(year as f64), (plot.left, plot.right));
    let y_of = |rank: u32| ys.map(&(rank as f64), (plot.top, plot.bottom));

    let spacing = if points.len() > 1 {
        (plot.right - plot.left) as f64 / (last - first).max(1.0)
    } else {
        f64::from(plot.right - plot.left)
    };
    // Year labels at least 36 CSS px apart.
    let label_every = ((36.0 * v.scale / spacing).ceil() as usize).max(1);
    let years = placed_years(model, label_every, x_of, y_of);
    let rank_ticks = rank_ticks(top_rank, bottom_rank, y_of);

    let mut gaps = gap_bands(&years, spacing, &plot);

    let changes = change_labels(&years, &v, &plot, &gaps);
    let labels = point_labels(&v, &plot, &years, &gaps, &changes);
    for g in &mut gaps {
        g.words = gap_words(g, &years, &labels, &v, lang);
    }
    // Fixed marks first, then what can move to keep clear of them: the end labels, then the
    // callouts, which keep clear of the end labels too.
    let mut taken = occupied(&v, &plot, &years, &gaps, &changes);
    taken.extend(gaps.iter().filter_map(|g| Some(g.words.as_ref()?.b)));
    let mut annotations = lines_and_bands(
        model,
        lang,
        &v,
        &plot,
        &years,
        spacing,
        |r| (top_rank..=bottom_rank).contains(&r).then(|| y_of(r)),
        &mut taken,
    );
    let peers = peer_layout(model, lang, &v, &plot, &years, y_of, &mut taken);
    place_callouts(model, lang, &v, &plot, &years, taken, &mut annotations);
    let axis_cut = top_rank > 1;
    let counter_anchor = (
        v.width as i32 - v.px(if narrow { 12.0 } else { 16.0 }),
        v.px(8.0),
    );
    let (axis_caption, axis_caption_lines) =
        axis_caption(model, lang, &v, &plot, &years, top_rank, counter_anchor);
    RankLayout {
        viewport: v,
        plot,
        years,
        rank_ticks,
        gaps,
        changes,
        counter_anchor,
        axis_caption,
        axis_caption_lines,
        axis_cut,
        annotations,
        peers,
    }
}

/// Where a span's words go: the years and words where they fit across the span, the words
/// alone where not; in the middle of the span, or at its top or bottom, wherever they clear
/// every point's and change's label in `labels`.
/// Each evaluation placed on the plot; every `label_every`-th year keeps its label, counted
/// from the end so the latest year always has one.
fn placed_years(
    model: &Model,
    label_every: usize,
    x_of: impl Fn(i32) -> i32,
    y_of: impl Fn(u32) -> i32,
) -> Vec<PlacedYear> {
    let points = &model.ranking.points;
    let count = points.len();
    points
        .iter()
        .enumerate()
        .map(|(i, p)| PlacedYear {
            year: p.year,
            x: x_of(p.year),
            y: p.rank.map(&y_of),
            rank: p.rank,
            show_year_label: (count - 1 - i) % label_every == 0,
            has_note: p.note.is_some(),
        })
        .collect()
}

/// The rank axis's labelled ranks: 1st whenever the axis shows it; a cut axis at round steps
/// only.
fn rank_ticks(top_rank: u32, bottom_rank: u32, y_of: impl Fn(u32) -> i32) -> Vec<(u32, i32)> {
    let step = rank_step(bottom_rank - top_rank + 1);
    let mut ticks = if top_rank == 1 {
        vec![(1, y_of(1))]
    } else {
        Vec::new()
    };
    ticks.extend(
        (top_rank.div_ceil(step).max(1)..=bottom_rank / step)
            .map(|k| k * step)
            .filter(|&r| r > 1)
            .map(|r| (r, y_of(r))),
    );
    ticks
}

/// The axis caption, and its lines: it starts over the rank labels and stops short of the
/// counter's widest rank.
fn axis_caption(
    model: &Model,
    lang: Lang,
    v: &Viewport,
    plot: &Rect,
    years: &[PlacedYear],
    top_rank: u32,
    counter_anchor: (i32, i32),
) -> (String, Vec<String>) {
    let axis_cut = top_rank > 1;
    let label = model.ranking.label.get(lang);
    let caption = rank_axis_caption(label, axis_cut.then_some(top_rank), lang);
    let counter_css = years
        .iter()
        .filter_map(|y| y.rank)
        .map(|r| approx_text_width(&rank_short(r, lang), 28.0) * 1.1)
        .fold(0.0, f64::max);
    let room = (f64::from(counter_anchor.0 - plot.left) / v.scale) + 32.0 - counter_css - 12.0;
    let room = room.max(60.0);
    let lines = wrap_text(&caption, 12.0, room, 2);
    if axis_cut && lines.last().is_some_and(|l| l.ends_with('…')) {
        // The words that say where the axis starts are kept whole; the label gives way.
        let note = caption.strip_prefix(label).unwrap_or(&caption).trim_start();
        let lines = vec![fit_text(label, 12.0, room), fit_text(note, 12.0, room)];
        return (caption, lines);
    }
    (caption, lines)
}

/// The changes between known neighbouring years, below their segments. A change that would
/// cover a rank, or another change, is left off (a phone's dozen years): the readout and the
/// table still give it.
fn change_labels(
    years: &[PlacedYear],
    v: &Viewport,
    plot: &Rect,
    gaps: &[GapBand],
) -> Vec<ChangeLabel> {
    let mut changes: Vec<ChangeLabel> = years
        .windows(2)
        .enumerate()
        .filter_map(|(i, w)| match (w[0].rank, w[1].rank, w[0].y, w[1].y) {
            (Some(ra), Some(rb), Some(ya), Some(yb)) => Some(ChangeLabel {
                to: i + 1,
                x: (w[0].x + w[1].x) / 2,
                // Below the segment: points carry their own labels above.
                y: (ya + yb) / 2 + v.px(8.0),
                text: change_mark(ra, rb),
            }),
            _ => None,
        })
        .collect();
    let ranks = point_labels(v, plot, years, gaps, &[]);
    let mut kept: Vec<Rect> = Vec::new();
    changes.retain(|c| {
        let b = point_labels(v, plot, &[], gaps, std::slice::from_ref(c));
        let clear = b
            .iter()
            .all(|b| !ranks.iter().chain(&kept).any(|r| overlaps(b, r)));
        if clear {
            kept.extend(b);
        }
        clear
    });
    changes
}

fn gap_words(
    g: &GapBand,
    years: &[PlacedYear],
    labels: &[Rect],
    v: &Viewport,
    lang: Lang,
) -> Option<GapWords> {
    let span = years_span(years[g.first].year, years[g.last].year, lang);
    let long = gap_label_with_years(&span, lang);
    let room = f64::from(g.x1 - g.x0) - 8.0 * v.scale;
    let text = if approx_text_width(&long, 11.0 * v.scale) <= room {
        long
    } else {
        gap_label(lang).to_string()
    };
    let half_w = (approx_text_width(&text, 11.0 * v.scale) / 2.0 + 4.0 * v.scale).ceil() as i32;
    let half_h = v.px(8.0);
    let mid_x = (g.x0 + g.x1) / 2;
    // Inside the span (middle, top, bottom), then just above or below it.
    let inside = (g.y1 - g.y0) >= 2 * half_h;
    let spots = [
        ((g.y0 + g.y1) / 2, true),
        (g.y0 + half_h + v.px(2.0), inside),
        (g.y1 - half_h - v.px(2.0), inside),
        (g.y0 - half_h - v.px(3.0), false),
        (g.y1 + half_h + v.px(3.0), false),
    ];
    // Each height centred on the span, then slid half the words' width either way.
    spots
        .into_iter()
        .filter(|&(_, ok)| ok || !inside)
        .flat_map(|(y, _)| [0, -half_w, half_w].map(|dx| (mid_x + dx, y)))
        .map(|(x, y)| Rect {
            left: x - half_w,
            top: y - half_h,
            right: x + half_w,
            bottom: y + half_h,
        })
        .find(|b| !labels.iter().any(|l| overlaps(b, l)))
        .map(|b| GapWords {
            text,
            centre: ((b.left + b.right) / 2, (b.top + b.bottom) / 2),
            // Off the span, or across its dashed lines, the words sit on a chip.
            chip: b.top < g.y0
                || b.bottom > g.y1
                || (g.first..=g.last)
                    .map(|i| years[i].x)
                    .any(|x| b.left < x && x < b.right),
            b,
        })
}

impl RankLayout {
    /// The year nearest to a pointer at device-pixel `x`, as a reader expects from a
    /// snapping tooltip: anywhere across the chart picks the closest column.
    pub fn nearest_year(&self, x: f64, y: f64) -> Option<usize> {
        let v = self.viewport;
        if !(x.is_finite() && y.is_finite())
            || x < 0.0
            || y < 0.0
            || x > v.width as f64
            || y > v.height as f64
        {
            return None;
        }
        self.years
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| (a.x as f64 - x).abs().total_cmp(&(b.x as f64 - x).abs()))
            .map(|(i, _)| i)
    }

    /// The other place whose line or name is under a pointer at device pixels (`x`, `y`):
    /// the nearest line within reach of a finger, unless the main place's is nearer.
    pub fn peer_at(&self, x: f64, y: f64) -> Option<usize> {
        let within = 10.0 * self.viewport.scale;
        let on_label = self.peers.iter().find(|p| {
            p.label.as_ref().is_some_and(|(_, b)| {
                x >= f64::from(b.left)
                    && x <= f64::from(b.right)
                    && y >= f64::from(b.top)
                    && y <= f64::from(b.bottom)
            })
        });
        if let Some(p) = on_label {
            return Some(p.peer);
        }
        let main: Vec<Option<(i32, i32)>> =
            self.years.iter().map(|p| p.y.map(|y| (p.x, y))).collect();
        let main_distance = distance_to_line(&main, x, y);
        self.peers
            .iter()
            .map(|p| (p.peer, distance_to_line(&p.points, x, y)))
            .filter(|&(_, d)| d <= within && d < main_distance)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, _)| k)
    }

    /// Every place top to bottom in year `index` (`None` is the main place): by its point
    /// that year, or, where its rank is unknown then, by its last known one.
    pub fn places_top_to_bottom(&self, index: usize) -> Vec<Option<usize>> {
        let y_of = |points: Vec<Option<i32>>| {
            points
                .get(index)
                .copied()
                .flatten()
                .or_else(|| points.iter().rev().flatten().next().copied())
                .unwrap_or(i32::MAX)
        };
        let main = (y_of(self.years.iter().map(|y| y.y).collect()), None);
        let peers = self.peers.iter().map(|p| {
            (
                y_of(p.points.iter().map(|q| q.map(|q| q.1)).collect()),
                Some(p.peer),
            )
        });
        // Each place goes in after every place above it or level with it: a dozen places,
        // and no sort routine in the reader's wasm (a stable sort cost it 9 KB).
        let mut places: Vec<(i32, Option<usize>)> = Vec::new();
        for (y, place) in std::iter::once(main).chain(peers) {
            let at = places
                .iter()
                .position(|&(py, _)| py > y)
                .unwrap_or(places.len());
            places.insert(at, (y, place));
        }
        places.into_iter().map(|(_, p)| p).collect()
    }

    /// Where the tooltip points for a year: the point, or the middle of the plot for an
    /// unpublished year.
    pub fn anchor_of(&self, index: usize) -> Option<(i32, i32)> {
        let y = self.years.get(index)?;
        Some((y.x, y.y.unwrap_or((self.plot.top + self.plot.bottom) / 2)))
    }
}
