//! The palettes both charts draw with, and the host page's colours read into them.

use plotters::style::RGBAColor;

/// A CJK-capable stack, quoted, because the canvas silently ignores an invalid font string.
pub const FONT_FAMILY: &str =
    "'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei','Source Han Sans SC',sans-serif";

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub background: RGBAColor,
    pub text: RGBAColor,
    pub muted: RGBAColor,
    pub grid: RGBAColor,
    pub line: RGBAColor,
    pub gap_fill: RGBAColor,
    pub gap_edge: RGBAColor,
    pub guide: RGBAColor,
    /// The second measure's colour, so two scales are never mistaken for one.
    pub second: RGBAColor,
    /// Marks that fall short of the reference, such as sub-ranks below the overall rank.
    pub weak: RGBAColor,
    pub highlight: RGBAColor,
    /// Other places' lines: muted, so the main place stays the one that stands out.
    pub peer: RGBAColor,
}

impl Theme {
    pub fn light() -> Theme {
        Theme {
            background: RGBAColor(255, 255, 255, 1.0),
            text: RGBAColor(17, 24, 39, 1.0),
            muted: RGBAColor(75, 85, 99, 1.0),
            grid: RGBAColor(229, 231, 235, 1.0),
            line: RGBAColor(194, 65, 12, 1.0),
            gap_fill: RGBAColor(100, 116, 139, 0.14),
            gap_edge: RGBAColor(100, 116, 139, 1.0),
            guide: RGBAColor(55, 65, 81, 1.0),
            second: RGBAColor(15, 118, 110, 1.0),
            weak: RGBAColor(71, 85, 105, 1.0),
            highlight: RGBAColor(17, 24, 39, 0.06),
            peer: RGBAColor(134, 146, 166, 1.0),
        }
    }
}

impl Theme {
    /// For dark pages: light marks on a dark ground, the accent lifted for contrast.
    pub fn dark() -> Theme {
        Theme {
            background: RGBAColor(17, 24, 39, 1.0),
            text: RGBAColor(243, 244, 246, 1.0),
            muted: RGBAColor(176, 184, 196, 1.0),
            grid: RGBAColor(55, 65, 81, 1.0),
            line: RGBAColor(251, 146, 60, 1.0),
            gap_fill: RGBAColor(148, 163, 184, 0.18),
            gap_edge: RGBAColor(148, 163, 184, 1.0),
            guide: RGBAColor(209, 213, 219, 1.0),
            second: RGBAColor(45, 212, 191, 1.0),
            weak: RGBAColor(148, 163, 184, 1.0),
            highlight: RGBAColor(255, 255, 255, 0.08),
            peer: RGBAColor(110, 123, 145, 1.0),
        }
    }

    /// For forced-colors (high-contrast) mode: black on white, no tints to get lost.
    pub fn high_contrast() -> Theme {
        let black = RGBAColor(0, 0, 0, 1.0);
        Theme {
            background: RGBAColor(255, 255, 255, 1.0),
            text: black,
            muted: black,
            grid: RGBAColor(118, 118, 118, 1.0),
            line: black,
            gap_fill: RGBAColor(0, 0, 0, 0.12),
            gap_edge: black,
            guide: black,
            second: black,
            weak: black,
            highlight: RGBAColor(0, 0, 0, 0.1),
            peer: RGBAColor(118, 118, 118, 1.0),
        }
    }

    /// Forced colours (Windows High Contrast and the like): the system's own colours, as the
    /// browser resolves `Canvas`, `CanvasText`, `Highlight` and `GrayText`, in any theme.
    pub fn system(
        canvas: RGBAColor,
        text: RGBAColor,
        highlight: RGBAColor,
        gray: RGBAColor,
    ) -> Theme {
        let RGBAColor(r, g, b, _) = gray;
        let RGBAColor(hr, hg, hb, _) = highlight;
        Theme {
            background: canvas,
            text,
            muted: text,
            grid: gray,
            // Opaque: a browser may give Highlight with an alpha, meant for a selection's
            // fill, and the line must stay whole over the grid.
            line: RGBAColor(hr, hg, hb, 1.0),
            gap_fill: RGBAColor(r, g, b, 0.25),
            gap_edge: text,
            guide: text,
            second: text,
            weak: text,
            highlight: RGBAColor(hr, hg, hb, 0.2),
            peer: gray,
        }
    }

    /// The host page's own colours, where it sets them.
    pub fn with_overrides(
        mut self,
        background: Option<RGBAColor>,
        text: Option<RGBAColor>,
        accent: Option<RGBAColor>,
    ) -> Theme {
        if let Some(c) = background {
            self.background = c;
        }
        if let Some(c) = text {
            self.text = c;
            self.guide = c;
        }
        if let Some(c) = accent {
            self.line = c;
        }
        self
    }
}

/// An alpha from 0 to 1 as CSS writes it ("1", "0", "0.8", ".25"), read with integer
/// arithmetic: float parsing would add its tables to the reader's wasm.
fn alpha(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole)
        || !digits(fraction)
        || fraction.len() > 6
        || (whole.is_empty() && fraction.is_empty())
    {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let scale = 10u32.pow(fraction.len() as u32);
    let part: u32 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    let value = f64::from(whole) + f64::from(part) / f64::from(scale);
    (0.0..=1.0).contains(&value).then_some(value)
}

/// A CSS colour written as `#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgba(r, g, b, a)`; anything
/// else is `None`.
pub fn parse_css_color(text: &str) -> Option<RGBAColor> {
    let t = text.trim();
    if let Some(hex) = t.strip_prefix('#') {
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        return match digits.as_slice() {
            [r, g, b] => Some(RGBAColor(r * 17, g * 17, b * 17, 1.0)),
            [r1, r2, g1, g2, b1, b2] => {
                Some(RGBAColor(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2, 1.0))
            }
            _ => None,
        };
    }
    // `rgba(…)` too: browsers give some system colours (Highlight) with an alpha.
    let inner = t
        .strip_prefix("rgb(")
        .or_else(|| t.strip_prefix("rgba("))
        .and_then(|r| r.strip_suffix(')'))?;
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    let channel = |p: &str| p.parse::<u8>().ok();
    match parts.as_slice() {
        [r, g, b] => Some(RGBAColor(channel(r)?, channel(g)?, channel(b)?, 1.0)),
        [r, g, b, a] => Some(RGBAColor(channel(r)?, channel(g)?, channel(b)?, alpha(a)?)),
        _ => None,
    }
}
