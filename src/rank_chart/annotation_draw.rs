//! Drawing the rank chart's annotations where `annotation_layout` put them: bands and
//! reference lines with the still marks, callouts with the moving ones (each appears when
//! the line reaches its year).

use super::annotation_layout::{CalloutPlace, CALLOUT_TEXT_PX};
use super::layout::RankLayout;
use crate::drawing::{text_style, DrawError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Shaded bands, under everything else on the plot.
pub fn draw_bands<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &RankLayout,
    theme: &Theme,
) -> Result<(), DrawError> {
    let (v, p) = (layout.viewport, layout.plot);
    for b in &layout.annotations.bands {
        root.draw(&Rectangle::new(
            [(b.x0, p.top), (b.x1, p.bottom)],
            theme.gap_fill.mix(0.55).filled(),
        ))?;
        root.draw(&Text::new(
            b.text.as_str(),
            ((b.label.left + b.label.right) / 2, b.label.top),
            text_style(
                &v,
                CALLOUT_TEXT_PX,
                false,
                &theme.muted,
                HPos::Center,
                VPos::Top,
            ),
        ))?;
    }
    Ok(())
}

/// Reference lines: dashed across the plot, their words above the right end.
pub fn draw_reference_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &RankLayout,
    theme: &Theme,
) -> Result<(), DrawError> {
    let (v, p) = (layout.viewport, layout.plot);
    let (dash, gap) = (v.px(6.0), v.px(4.0));
    let style = theme.muted.stroke_width(v.px(1.25).max(1) as u32);
    for l in &layout.annotations.lines {
        let mut x = p.left;
        while x < p.right {
            let end = (x + dash).min(p.right);
            root.draw(&PathElement::new(vec![(x, l.y), (end, l.y)], style))?;
            x = end + gap;
        }
        root.draw(&Text::new(
            l.text.as_str(),
            (l.label.right, l.label.bottom),
            text_style(
                &v,
                CALLOUT_TEXT_PX,
                true,
                &theme.muted,
                HPos::Right,
                VPos::Bottom,
            ),
        ))?;
    }
    Ok(())
}

/// Callouts whose year the line has reached: the text joined to its point, or a numbered
/// disc.
pub fn draw_callouts<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &RankLayout,
    reveal: f64,
    theme: &Theme,
) -> Result<(), DrawError> {
    let v = layout.viewport;
    for c in &layout.annotations.callouts {
        if c.year_index as f64 > reveal + 1e-9 {
            continue;
        }
        let (x, y) = c.point;
        match &c.place {
            CalloutPlace::Text { lines, b } => {
                // The connector runs from the point to the nearest corner-or-edge of the box.
                let to = (x.clamp(b.left, b.right), y.clamp(b.top, b.bottom));
                root.draw(&PathElement::new(
                    vec![(x, y), to],
                    theme.muted.stroke_width(v.px(1.0).max(1) as u32),
                ))?;
                root.draw(&Rectangle::new(
                    [(b.left, b.top), (b.right, b.bottom)],
                    theme.background.mix(0.9).filled(),
                ))?;
                for (n, line) in lines.iter().enumerate() {
                    root.draw(&Text::new(
                        line.as_str(),
                        (b.left + v.px(3.0), b.top + v.px(2.0 + 14.0 * n as f64)),
                        text_style(
                            &v,
                            CALLOUT_TEXT_PX,
                            false,
                            &theme.text,
                            HPos::Left,
                            VPos::Top,
                        ),
                    ))?;
                }
            }
            CalloutPlace::Marker { centre, radius } => {
                // A disc pushed away from its point by crowding keeps a connector to it.
                if (centre.0 - x).abs().max((centre.1 - y).abs()) > 2 * radius {
                    root.draw(&PathElement::new(
                        vec![(x, y), *centre],
                        theme.muted.stroke_width(v.px(1.0).max(1) as u32),
                    ))?;
                }
                root.draw(&Circle::new(*centre, *radius, theme.text.filled()))?;
                root.draw(&Text::new(
                    c.number.to_string(),
                    *centre,
                    text_style(
                        &v,
                        11.0,
                        true,
                        &theme.background,
                        HPos::Center,
                        VPos::Center,
                    ),
                ))?;
            }
        }
    }
    Ok(())
}
