//! Drawing the rank chart through any plotters backend: the canvas in the browser, SVG in
//! native tests and for static images. The layout decides where; this decides how.

use super::annotation_draw::{draw_bands, draw_callouts, draw_reference_lines};
use super::layout::RankLayout;
use super::marks::{rank_label_anchor, LabelAnchor};
use super::peer_draw::{draw_focused_peer, draw_peers};
use crate::drawing::{approx_text_width, draw_chip, text_style, DrawError, Theme};
use crate::model::Model;
use crate::numeric::Clamped;
use crate::phrasebook::phrases::{example_watermark, not_reported, rank_short, year_label};
use crate::phrasebook::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBAColor;

/// What changes from frame to frame: how far the line has drawn, and what is inspected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub reveal: f64,
    pub inspected: Option<usize>,
    /// The other place in focus, drawn over the rest.
    pub peer: Option<usize>,
}

/// The latest known rank the line has reached, for the counter.
pub fn counter_value(layout: &RankLayout, reveal: f64) -> Option<(i32, u32)> {
    layout
        .years
        .iter()
        .enumerate()
        .rev()
        .filter(|(i, _)| (*i as f64) <= reveal + 1e-9)
        .find_map(|(_, y)| y.rank.map(|r| (y.year, r)))
}

/// The whole rank chart for one frame.
pub fn draw_rank_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &Model,
    layout: &RankLayout,
    frame: Frame,
    lang: Lang,
    theme: &Theme,
) -> Result<(), DrawError> {
    draw_rank_static(root, model, layout, lang, theme)?;
    let reveal = frame
        .reveal
        .clamped(0.0, layout.years.len().saturating_sub(1) as f64);
    draw_rank_gaps(root, layout, reveal_to_x(layout, reveal), theme)?;
    draw_rank_moving(root, layout, frame, lang, theme)
}

/// Unpublished years: a shaded span with dashed edges, drawn up to `reveal_x` so it grows
/// with the line; never a made-up point.
pub fn draw_rank_gaps<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &RankLayout,
    reveal_x: i32,
    theme: &Theme,
) -> Result<(), DrawError> {
    let v = layout.viewport;
    for g in &layout.gaps {
        if reveal_x <= g.x0 {
            continue;
        }
        let x1 = g.x1.min(reveal_x);
        root.draw(&Rectangle::new(
            [(g.x0, g.y0), (x1, g.y1)],
            theme.gap_fill.filled(),
        ))?;
        let width = v.px(1.0).max(1);
        for y in [g.y0, g.y1] {
            draw_dashed_rule(
                root,
                (g.x0, y),
                x1 - g.x0,
                true,
                v.px(4.0),
                v.px(3.0),
                width,
                &theme.gap_edge,
            )?;
        }
        for i in g.first..=g.last {
            let x = layout.years[i].x;
            if x <= reveal_x {
                draw_dashed_rule(
                    root,
                    (x, g.y0),
                    g.y1 - g.y0,
                    false,
                    v.px(2.0),
                    v.px(3.0),
                    width,
                    &theme.gap_edge,
                )?;
            }
        }
    }
    Ok(())
}

/// A dashed horizontal (`across`) or vertical rule of `length` from `start`, as filled
/// rectangles. On a canvas a rectangle is two calls (fill style, `fillRect`) where a dashed
/// path is six per dash (stroke style, width, begin, move, line, stroke), and the unpublished
/// span has ~150 dashes: drawing them was half the time of laying out the chart.
#[allow(clippy::too_many_arguments)]
fn draw_dashed_rule<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    start: (i32, i32),
    length: i32,
    across: bool,
    dash: i32,
    gap: i32,
    width: i32,
    color: &RGBAColor,
) -> Result<(), DrawError> {
    let step = (dash + gap).max(1) as usize;
    let half = width / 2;
    for along in (0..length.max(0)).step_by(step) {
        let end = (along + dash).min(length);
        let corners = if across {
            [
                (start.0 + along, start.1 - half),
                (start.0 + end, start.1 - half + width),
            ]
        } else {
            [
                (start.0 - half, start.1 + along),
                (start.0 - half + width, start.1 + end),
            ]
        };
        root.draw(&Rectangle::new(corners, color.filled()))?;
    }
    Ok(())
}

/// What stays the same from frame to frame (background, axes, labels), so the browser can
/// draw it once and copy it under each frame.
pub fn draw_rank_static<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &Model,
    layout: &RankLayout,
    lang: Lang,
    theme: &Theme,
) -> Result<(), DrawError> {
    let v = layout.viewport;
    let p = layout.plot;
    root.fill(&theme.background)?;
    draw_bands(root, layout, theme)?;
    if model.example {
        root.draw(&Text::new(
            example_watermark(lang),
            (v.px(8.0), v.px(8.0)),
            text_style(&v, 12.0, true, &theme.line, HPos::Left, VPos::Top),
        ))?;
    }

    let lines = layout.axis_caption_lines.len();
    for (i, line) in layout.axis_caption_lines.iter().enumerate() {
        let up = v.px(15.0 * (lines - 1 - i) as f64);
        root.draw(&Text::new(
            line.as_str(),
            (p.left - v.px(32.0), p.top - v.px(26.0) - up),
            text_style(&v, 12.0, false, &theme.muted, HPos::Left, VPos::Bottom),
        ))?;
    }
    for &(rank, y) in &layout.rank_ticks {
        root.draw(&PathElement::new(
            vec![(p.left, y), (p.right, y)],
            theme.grid.stroke_width(v.px(1.0).max(1) as u32),
        ))?;
        root.draw(&Text::new(
            rank.to_string(),
            (p.left - v.px(8.0), y),
            text_style(&v, 12.0, false, &theme.muted, HPos::Right, VPos::Center),
        ))?;
    }
    draw_reference_lines(root, layout, theme)?;
    draw_peers(root, layout, theme)?;
    if layout.axis_cut {
        // The axis break: two slanted strokes across the top of the rank labels, the usual
        // sign that the scale does not start where a reader expects it to.
        let (x, y, dx, dy, gap) = (
            p.left - v.px(14.0),
            p.top - v.px(10.0),
            v.px(6.0),
            v.px(3.0),
            v.px(4.0),
        );
        for off in [0, gap] {
            root.draw(&PathElement::new(
                vec![(x - dx, y + dy + off), (x + dx, y - dy + off)],
                theme.muted.stroke_width(v.px(1.5).max(1) as u32),
            ))?;
        }
    }
    for y in layout.years.iter().filter(|y| y.show_year_label) {
        let label = if y.has_note {
            format!("{}*", y.year)
        } else {
            y.year.to_string()
        };
        root.draw(&Text::new(
            label,
            (y.x, p.bottom + v.px(8.0)),
            text_style(&v, 12.0, false, &theme.muted, HPos::Center, VPos::Top),
        ))?;
    }
    Ok(())
}

/// What moves: the line, points, labels, counter and the inspected year, drawn over the
/// static layer.
pub fn draw_rank_moving<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &RankLayout,
    frame: Frame,
    lang: Lang,
    theme: &Theme,
) -> Result<(), DrawError> {
    let v = layout.viewport;
    let p = layout.plot;
    let reveal = frame
        .reveal
        .clamped(0.0, layout.years.len().saturating_sub(1) as f64);

    // The span itself is drawn by `draw_rank_gaps`; its words come once the line is past it.
    let reveal_x = reveal_to_x(layout, reveal);
    for g in &layout.gaps {
        let Some(words) = g.words.as_ref().filter(|_| reveal_x >= g.x1) else {
            continue;
        };
        // On a narrow chart the words cross the unpublished years' dashed lines: a chip of
        // the band's own colour under them keeps them legible.
        if words.chip {
            let chip = [(words.b.left, words.b.top), (words.b.right, words.b.bottom)];
            draw_chip(root, chip, &theme.background, Some(&theme.gap_fill))?;
        }
        root.draw(&Text::new(
            words.text.as_str(),
            words.centre,
            text_style(&v, 11.0, false, &theme.text, HPos::Center, VPos::Center),
        ))?;
    }

    if let Some(k) = frame.peer {
        draw_focused_peer(root, layout, k, frame.inspected, theme)?;
    }
    let line_style = theme.line.stroke_width(v.px(2.5).max(1) as u32);
    for (i, w) in layout.years.windows(2).enumerate() {
        let (Some(ya), Some(yb)) = (w[0].y, w[1].y) else {
            continue;
        };
        let t = (reveal - i as f64).clamped(0.0, 1.0);
        if t <= 0.0 {
            continue;
        }
        let end = (
            w[0].x + ((w[1].x - w[0].x) as f64 * t).round() as i32,
            ya + ((yb - ya) as f64 * t).round() as i32,
        );
        root.draw(&PathElement::new(vec![(w[0].x, ya), end], line_style))?;
    }
    for c in layout
        .changes
        .iter()
        .filter(|c| (c.to as f64) <= reveal + 1e-9)
    {
        root.draw(&Text::new(
            c.text.as_str(),
            (c.x, c.y),
            text_style(&v, 12.0, true, &theme.line, HPos::Center, VPos::Top),
        ))?;
    }
    for (i, y) in layout.years.iter().enumerate() {
        let (Some(py), Some(rank)) = (y.y, y.rank) else {
            continue;
        };
        if i as f64 > reveal + 1e-9 {
            continue;
        }
        // The halo that sets the point off from the line is a disk of the background under
        // the dot, not a stroked ring over it: plotters' bitmap backend (the build-time
        // picture) draws wide circle strokes broken.
        root.draw(&Circle::new(
            (y.x, py),
            v.px(5.25),
            theme.background.filled(),
        ))?;
        root.draw(&Circle::new((y.x, py), v.px(3.75), theme.line.filled()))?;
        let LabelAnchor {
            x: lx,
            y: ly,
            hpos,
            vpos,
            below,
        } = rank_label_anchor(&v, &p, y.x, py, &layout.gaps);
        let label = rank.to_string();
        if !layout.peers.is_empty() {
            // Other places' lines run under the main place's labels: a chip of the background
            // keeps each number whole.
            let w = v.px(approx_text_width(&label, 12.0) + 2.0);
            let left = match hpos {
                HPos::Left => lx,
                HPos::Right => lx - w,
                HPos::Center => lx - w / 2,
            };
            let (top, bottom) = if below {
                (ly, ly + v.px(14.0))
            } else {
                (ly - v.px(14.0), ly)
            };
            root.draw(&Rectangle::new(
                [(left, top), (left + w, bottom)],
                theme.background.mix(0.85).filled(),
            ))?;
        }
        // Among other places' lines, the main place's numbers take its colour.
        let colour = if layout.peers.is_empty() {
            &theme.text
        } else {
            &theme.line
        };
        root.draw(&Text::new(
            label,
            (lx, ly),
            text_style(&v, 12.0, true, colour, hpos, vpos),
        ))?;
    }

    draw_callouts(root, layout, reveal, theme)?;
    if let Some((year, rank)) = counter_value(layout, reveal) {
        let (x, y) = layout.counter_anchor;
        root.draw(&Text::new(
            year_label(year, lang),
            (x, y),
            text_style(&v, 12.0, false, &theme.muted, HPos::Right, VPos::Top),
        ))?;
        root.draw(&Text::new(
            rank_short(rank, lang),
            (x, y + v.px(16.0)),
            text_style(&v, 28.0, true, &theme.line, HPos::Right, VPos::Top),
        ))?;
    }

    if let Some(i) = frame.inspected {
        if let Some(y) = layout.years.get(i) {
            // One solid hairline, a little see-through so it reads as a guide, not a mark: a
            // dashed one was a path per dash, redrawn on every hover.
            let guide = theme.guide.mix(0.6).stroke_width(v.px(1.0).max(1) as u32);
            root.draw(&PathElement::new(
                vec![(y.x, p.top), (y.x, p.bottom)],
                guide,
            ))?;
            match y.y {
                Some(py) => root.draw(&Circle::new(
                    (y.x, py),
                    v.px(8.0),
                    theme.text.stroke_width(v.px(2.0).max(1) as u32),
                ))?,
                None => root.draw(&Text::new(
                    not_reported(lang),
                    (y.x, p.top + v.px(4.0)),
                    text_style(&v, 11.0, false, &theme.text, HPos::Center, VPos::Top),
                ))?,
            }
        }
    }
    Ok(())
}

/// The x the line has reached for a reveal given in years from the first.
pub fn reveal_to_x(layout: &RankLayout, reveal: f64) -> i32 {
    let years = &layout.years;
    if years.is_empty() {
        return 0;
    }
    let i = (reveal.floor() as usize).min(years.len() - 1);
    let Some(next) = years.get(i + 1) else {
        return years[i].x;
    };
    let t = reveal - i as f64;
    years[i].x + ((next.x - years[i].x) as f64 * t).round() as i32
}
