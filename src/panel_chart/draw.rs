//! Drawing an indicator panel through any plotters backend.

use super::layout::{PanelLayout, PanelMarks};
use crate::drawing::{
    approx_text_width, draw_chip, ease_in_out_cubic, text_style, DrawError, Layer, Theme,
};
use crate::numeric::Clamped;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBAColor;

/// How far item `i` of `n` has come in, for a panel `progress` from 0 to 1: items arrive
/// one after another, so the eye can follow them.
pub fn item_progress(i: usize, n: usize, progress: f64) -> f64 {
    (progress.clamped(0.0, 1.0) * (n as f64 + 1.0) - i as f64).clamped(0.0, 1.0)
}

fn faded(c: &RGBAColor, t: f64) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, c.3 * t)
}

/// An item's label at the start of its row, as ranks and bars both have.
fn draw_row_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &PanelLayout,
    label: &str,
    y: i32,
    theme: &Theme,
) -> Result<(), DrawError> {
    let v = layout.viewport;
    root.draw(&Text::new(
        label,
        (v.px(4.0), y),
        text_style(&v, 13.0, false, &theme.text, HPos::Left, VPos::Top),
    ))?;
    Ok(())
}

/// A value written on a rank strip, on a patch of the background: the strip's colour is
/// close to the text's in some palettes (forced colours' GrayText under a Highlight-coloured
/// value), and a halo keeps it readable in every theme. The patch is sized by the width
/// estimate, the same on every backend, so the still and the canvas agree. On the inspected
/// row the patch takes the row's tint as well.
fn draw_value_on_strip<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &PanelLayout,
    value: &str,
    (x, y): (i32, i32),
    (color, inspected): (&RGBAColor, bool),
    theme: &Theme,
) -> Result<(), DrawError> {
    let v = layout.viewport;
    let size = 12.0 * v.scale;
    let pad = v.px(2.0);
    let half = (size * 0.7).round() as i32;
    let width = approx_text_width(value, size).round() as i32;
    let patch = [(x - pad, y - half), (x + width + pad, y + half)];
    let tint = inspected.then_some(&theme.highlight);
    draw_chip(root, patch, &theme.background, tint)?;
    root.draw(&Text::new(
        value,
        (x, y),
        text_style(&v, 12.0, true, color, HPos::Left, VPos::Center),
    ))?;
    Ok(())
}

pub fn draw_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &PanelLayout,
    progress: f64,
    inspected: Option<usize>,
    theme: &Theme,
    layer: Layer,
) -> Result<(), DrawError> {
    let v = layout.viewport;
    // Panels have no swept marks: everything that moves in them is drawn each frame.
    let (still, moving) = match layer {
        Layer::All => (true, true),
        Layer::Still => (true, false),
        Layer::Moving => (false, true),
        Layer::Swept => return Ok(()),
    };
    if still {
        root.fill(&theme.background)?;
    }
    if let Some(r) = inspected.and_then(|i| layout.items.get(i)) {
        if moving {
            root.draw(&Rectangle::new(
                [(r.left, r.top), (r.right, r.bottom)],
                theme.highlight.filled(),
            ))?;
        }
    }
    let thin = |c: &RGBAColor| c.stroke_width(v.px(1.0).max(1) as u32);
    match &layout.marks {
        PanelMarks::Ranks {
            strip_left,
            strip_right,
            axis_y,
            reference_y,
            best,
            worst,
            reference,
            rows,
        } => {
            if still {
                root.draw(&Text::new(
                    best.as_str(),
                    (*strip_left, *axis_y),
                    text_style(&v, 11.0, false, &theme.muted, HPos::Left, VPos::Top),
                ))?;
            }
            if still {
                root.draw(&Text::new(
                    worst.as_str(),
                    (*strip_right, *axis_y),
                    text_style(&v, 11.0, false, &theme.muted, HPos::Center, VPos::Top),
                ))?;
            }
            let n = rows.len();
            for (i, row) in rows.iter().enumerate() {
                if still {
                    draw_row_label(root, layout, &row.label, row.label_y, theme)?;
                }
                if still {
                    root.draw(&PathElement::new(
                        vec![(*strip_left, row.strip_y), (*strip_right, row.strip_y)],
                        theme.grid.stroke_width(v.px(6.0) as u32),
                    ))?;
                }
                let t = item_progress(i, n, progress);
                if row.dot_x.is_none() && t >= 1.0 {
                    // An unknown rank stays visibly unknown: a dash at the strip's start.
                    if moving {
                        let at = (*strip_left + v.px(2.0), row.strip_y);
                        let ink = (&theme.muted, inspected == Some(i));
                        draw_value_on_strip(root, layout, &row.value, at, ink, theme)?;
                    }
                }
                let (Some(x), true) = (row.dot_x, t > 0.0) else {
                    continue;
                };
                let color = if row.strong { theme.line } else { theme.weak };
                if moving {
                    root.draw(&Circle::new(
                        (x, row.strip_y),
                        (v.px(6.0) as f64 * t).round() as i32,
                        color.filled(),
                    ))?;
                }
                if t >= 1.0 && moving {
                    let at = (x + v.px(10.0), row.strip_y);
                    let ink = (&color, inspected == Some(i));
                    draw_value_on_strip(root, layout, &row.value, at, ink, theme)?;
                }
                if inspected == Some(i) && moving {
                    root.draw(&Circle::new(
                        (x, row.strip_y),
                        v.px(10.0),
                        theme.text.stroke_width(v.px(2.0) as u32),
                    ))?;
                }
            }
            if let (Some((x, label)), Some(first)) = (reference, rows.first()) {
                if still {
                    root.draw(&DashedPathElement::new(
                        vec![(*x, first.strip_y - v.px(12.0)), (*x, *reference_y)],
                        v.px(3.0),
                        v.px(3.0),
                        thin(&theme.guide),
                    ))?;
                }
                if still {
                    root.draw(&Text::new(
                        label.as_str(),
                        (*x, *reference_y),
                        text_style(&v, 11.0, true, &theme.guide, HPos::Center, VPos::Top),
                    ))?;
                }
            }
        }
        PanelMarks::Bars { columns, rows } => {
            let colors = [theme.line, theme.second];
            for c in columns {
                if still {
                    root.draw(&Text::new(
                        c.header.as_str(),
                        (c.x0, v.px(4.0)),
                        text_style(&v, 12.0, true, &theme.muted, HPos::Left, VPos::Top),
                    ))?;
                }
            }
            let n = rows.len();
            for (i, row) in rows.iter().enumerate() {
                if still {
                    draw_row_label(root, layout, &row.label, row.label_y, theme)?;
                }
                let t = item_progress(i, n, progress);
                for (k, (c, bar)) in columns.iter().zip(&row.bars).enumerate() {
                    let color = colors[k % colors.len()];
                    match bar {
                        Some(b) => {
                            let grow = ease_in_out_cubic(t);
                            let end =
                                c.zero_x + ((b.x_end - c.zero_x) as f64 * grow).round() as i32;
                            if end != c.zero_x && moving {
                                root.draw(&Rectangle::new(
                                    [
                                        (c.zero_x.min(end), row.bar_y),
                                        (c.zero_x.max(end), row.bar_y + row.bar_h),
                                    ],
                                    color.filled(),
                                ))?;
                            }
                            if t >= 1.0 && moving {
                                root.draw(&Text::new(
                                    b.text.as_str(),
                                    (b.x_end.max(c.zero_x) + v.px(6.0), row.bar_y + row.bar_h / 2),
                                    text_style(
                                        &v,
                                        12.0,
                                        true,
                                        &theme.text,
                                        HPos::Left,
                                        VPos::Center,
                                    ),
                                ))?;
                            }
                        }
                        None => {
                            if still {
                                root.draw(&Text::new(
                                    "—",
                                    (c.zero_x + v.px(4.0), row.bar_y + row.bar_h / 2),
                                    text_style(
                                        &v,
                                        12.0,
                                        false,
                                        &theme.muted,
                                        HPos::Left,
                                        VPos::Center,
                                    ),
                                ))?;
                            }
                        }
                    }
                    if still {
                        root.draw(&PathElement::new(
                            vec![
                                (c.zero_x, row.bar_y - v.px(3.0)),
                                (c.zero_x, row.bar_y + row.bar_h + v.px(3.0)),
                            ],
                            thin(&theme.muted),
                        ))?;
                    }
                }
            }
        }
        PanelMarks::Stats { tiles } => {
            let n = tiles.len();
            for (i, tile) in tiles.iter().enumerate() {
                let t = item_progress(i, n, progress);
                let r = tile.rect;
                let x = r.left + v.px(12.0);
                if still {
                    root.draw(&PathElement::new(
                        vec![
                            (r.left + v.px(2.0), r.top + v.px(10.0)),
                            (r.left + v.px(2.0), r.bottom - v.px(10.0)),
                        ],
                        theme.line.stroke_width(v.px(3.0) as u32),
                    ))?;
                }
                let (text, muted, line) = (
                    faded(&theme.text, t),
                    faded(&theme.muted, t),
                    faded(&theme.line, t),
                );
                if moving {
                    root.draw(&Text::new(
                        tile.label.as_str(),
                        (x, r.top + v.px(10.0)),
                        text_style(&v, 13.0, false, &text, HPos::Left, VPos::Top),
                    ))?;
                }
                if moving {
                    root.draw(&Text::new(
                        tile.value.as_str(),
                        (x, r.top + v.px(32.0)),
                        text_style(&v, 30.0, true, &line, HPos::Left, VPos::Top),
                    ))?;
                }
                let value_w = approx_text_width(&tile.value, 30.0 * v.scale) * 1.05;
                if moving {
                    root.draw(&Text::new(
                        tile.unit.as_str(),
                        (x + value_w.round() as i32 + v.px(4.0), r.top + v.px(50.0)),
                        text_style(&v, 12.0, false, &muted, HPos::Left, VPos::Top),
                    ))?;
                }
                for (l, line) in tile.detail.iter().enumerate() {
                    if moving {
                        root.draw(&Text::new(
                            line.as_str(),
                            (x, r.top + v.px(72.0 + 14.0 * l as f64)),
                            text_style(&v, 11.0, false, &muted, HPos::Left, VPos::Top),
                        ))?;
                    }
                }
                if inspected == Some(i) && moving {
                    root.draw(&Rectangle::new(
                        [
                            (r.left + v.px(1.0), r.top + v.px(1.0)),
                            (r.right - v.px(2.0), r.bottom - v.px(2.0)),
                        ],
                        theme.text.stroke_width(v.px(2.0) as u32),
                    ))?;
                }
            }
        }
    }
    Ok(())
}
