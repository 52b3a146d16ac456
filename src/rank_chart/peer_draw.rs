//! Drawing the other places where `peer_layout` put them: every line muted with the still
//! marks, and the focused one over them with the moving marks, under the main place's line.

use super::layout::RankLayout;
use super::peer_layout::{PeerLine, END_LABEL_PX};
use crate::drawing::{draw_chip, text_style, DrawError, Rect, Theme, Viewport};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBAColor;

/// One place's line: its known stretches joined, a dot on each known point; a break where
/// a rank is unknown, so nothing is drawn that no source gives.
fn draw_peer_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &RankLayout,
    line: &PeerLine,
    color: &RGBAColor,
    width: f64,
    dot: f64,
) -> Result<(), DrawError> {
    let v = layout.viewport;
    let style = color.stroke_width(v.px(width).max(1) as u32);
    for w in line.points.windows(2) {
        if let [Some(a), Some(b)] = w {
            root.draw(&PathElement::new(vec![*a, *b], style))?;
        }
    }
    for &(x, y) in line.points.iter().flatten() {
        root.draw(&Circle::new((x, y), v.px(dot), color.filled()))?;
    }
    Ok(())
}

/// Every other place, muted, with its name where the layout found room.
pub fn draw_peers<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &RankLayout,
    theme: &Theme,
) -> Result<(), DrawError> {
    let v = layout.viewport;
    for line in &layout.peers {
        draw_peer_line(root, layout, line, &theme.peer, 1.25, 2.0)?;
        if let Some((text, b)) = &line.label {
            draw_end_label(root, &v, text, b, false, &theme.muted)?;
        }
    }
    Ok(())
}

/// A place's name at the end of its line, in the box the layout found for it.
fn draw_end_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    v: &Viewport,
    text: &str,
    b: &Rect,
    bold: bool,
    colour: &RGBAColor,
) -> Result<(), DrawError> {
    root.draw(&Text::new(
        text,
        (b.left, (b.top + b.bottom) / 2),
        text_style(v, END_LABEL_PX, bold, colour, HPos::Left, VPos::Center),
    ))?;
    Ok(())
}

/// The focused place drawn over the muted ones: its line darker and its name, where the
/// layout found room for it, bold on a chip of the background (the readout names the place
/// either way); the inspected year's point ringed.
pub fn draw_focused_peer<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &RankLayout,
    peer: usize,
    inspected: Option<usize>,
    theme: &Theme,
) -> Result<(), DrawError> {
    let v = layout.viewport;
    let Some(line) = layout.peers.iter().find(|l| l.peer == peer) else {
        return Ok(());
    };
    draw_peer_line(root, layout, line, &theme.text, 2.0, 3.0)?;
    if let Some(Some((x, y))) = inspected.and_then(|i| line.points.get(i)) {
        root.draw(&Circle::new(
            (*x, *y),
            v.px(6.5),
            theme.text.stroke_width(v.px(1.5).max(1) as u32),
        ))?;
    }
    if let Some((text, b)) = &line.label {
        let chip = [(b.left - v.px(2.0), b.top), (b.right + v.px(2.0), b.bottom)];
        draw_chip(root, chip, &theme.background, None)?;
        draw_end_label(root, &v, text, b, true, &theme.text)?;
    }
    Ok(())
}
