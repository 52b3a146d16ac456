//! Text on the canvas: its style at the canvas's scale, its fitting into a box by an
//! estimate of its width (measuring on wasm would append a `<span>` to the host page), and
//! the chip that keeps it legible over lines.

use super::error::DrawError;
use super::surface::Viewport;
use super::theme::FONT_FAMILY;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::RGBAColor;

/// A chip under text that crosses lines or strips: the box filled with the background, then
/// with `tint` where the text sits on a tinted area (a band, a highlighted row), so the chip
/// matches what is around it.
pub fn draw_chip<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    corners: [(i32, i32); 2],
    background: &RGBAColor,
    tint: Option<&RGBAColor>,
) -> Result<(), DrawError> {
    root.draw(&Rectangle::new(corners, background.filled()))?;
    if let Some(tint) = tint {
        root.draw(&Rectangle::new(corners, tint.filled()))?;
    }
    Ok(())
}

pub fn text_style<'a>(
    v: &Viewport,
    css_size: f64,
    bold: bool,
    color: &'a RGBAColor,
    h: HPos,
    vpos: VPos,
) -> TextStyle<'a> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    TextStyle::from(FontDesc::new(
        FontFamily::Name(FONT_FAMILY),
        css_size * v.scale,
        style,
    ))
    .color(color)
    .pos(Pos::new(h, vpos))
}

/// A rough width of text, to shorten labels that would run out of their box. CJK glyphs
/// are about one em wide, Latin ones a little over half.
pub fn approx_text_width(text: &str, px: f64) -> f64 {
    text.chars()
        .map(|c| {
            if (c as u32) >= 0x2E80 {
                1.0
            } else if c.is_ascii_uppercase() {
                0.66
            } else {
                0.56
            }
        })
        .sum::<f64>()
        * px
}

/// `text`, cut with "…" to fit `width` at `px`; the full text stays in the tooltip.
pub fn fit_text(text: &str, px: f64, width: f64) -> String {
    if approx_text_width(text, px) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let candidate = format!("{out}{c}…");
        if approx_text_width(&candidate, px) > width {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// `text` broken into at most `lines` lines of `width`, the last one cut with "…".
pub fn wrap_text(text: &str, px: f64, width: f64, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() && out.len() + 1 < lines {
        let mut end = 0;
        let mut last_space = None;
        for (i, c) in rest.char_indices() {
            if approx_text_width(&rest[..i + c.len_utf8()], px) > width {
                break;
            }
            end = i + c.len_utf8();
            if c == ' ' {
                last_space = Some(i);
            }
        }
        if end >= rest.len() {
            break;
        }
        // Break Latin text at a space; CJK text may break between any two characters.
        let cut = match last_space {
            Some(sp) if rest[..end].is_ascii() && sp > 0 => sp,
            _ => end.max(rest.chars().next().map_or(1, char::len_utf8)),
        };
        out.push(rest[..cut].trim_end().to_string());
        rest = rest[cut..].trim_start();
    }
    if !rest.is_empty() {
        out.push(fit_text(rest, px, width));
    }
    out
}
