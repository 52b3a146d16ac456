//! A canvas's first frame as SVG, drawn at build time by the same drawing code as the canvas
//! (`view::draw_view`, layer by layer, in the order the browser composites them), so a page
//! can show the chart in its HTML before the wasm arrives. The wasm then swaps the still for
//! the canvas in the same frame as the canvas's first drawing.
//!
//! Each size has both first frames the canvas can have: the entry's first frame as inline SVG,
//! and the final picture shown where motion is reduced as an `<img>` of the same SVG in a data
//! URL, loaded lazily; the stylesheet shows one of them (`.rankclimb-still-entry` /
//! `.rankclimb-still-final`, by `prefers-reduced-motion`). The final picture is the larger
//! part, and as inline SVG every reader's browser parsed it before the first paint; a lazy
//! image that is not displayed is never decoded (measured: first paint on the phone profile
//! ~90 ms sooner, and the page's text in that first paint).

use crate::drawing::{DrawError, Layer, Theme, Viewport, FONT_FAMILY};
use crate::model::Model;
use crate::phrasebook::Lang;
use crate::view::{draw_view, view_css_height, view_layout, ViewKind, ViewLayout};
use plotters::prelude::*;

/// The CSS widths the stills are drawn at: the layout a phone's chart has (a 390 px screen
/// less the page's and the figure's margins), and the rank chart alone on a desktop page.
/// Other widths get the nearer still, scaled.
pub const STILL_NARROW_CSS_PX: f64 = 326.0;
pub const STILL_WIDE_CSS_PX: f64 = 800.0;
/// The panels' wide width: one of two grid columns on a 1200 px page.
pub const STILL_WIDE_PANEL_CSS_PX: f64 = 550.0;

/// Both stills of a plot, the wide and the narrow one; the stylesheet shows the one that
/// suits the chart's box, by the same container query as the layout.
pub fn stills_of(
    model: &Model,
    kind: ViewKind,
    lang: Lang,
    theme: &Theme,
) -> Result<String, DrawError> {
    let wide = match kind {
        ViewKind::Rank => STILL_WIDE_CSS_PX,
        ViewKind::Panel(_) => STILL_WIDE_PANEL_CSS_PX,
    };
    Ok(format!(
        "{}{}",
        still_svg(
            model,
            kind,
            "rankclimb-still-wide",
            wide,
            STILL_WIDE_SCALE,
            lang,
            theme
        )?,
        still_svg(
            model,
            kind,
            "rankclimb-still-narrow",
            STILL_NARROW_CSS_PX,
            STILL_NARROW_SCALE,
            lang,
            theme
        )?
    ))
}

/// Device pixels per CSS pixel the stills are laid out at: a phone's typical ratio, so that
/// rounding to device pixels lands where the canvas's does there.
pub const STILL_NARROW_SCALE: f64 = 3.0;
pub const STILL_WIDE_SCALE: f64 = 2.0;

/// plotters' SVG backend writes text at 1/1.24 of the size and with baselines of its own;
/// the canvas draws at the size given, with the canvas's `top`/`middle`/`bottom` baselines.
/// For Noto Sans CJK, the chart's first font, those sit 0.88, 0.38 and −0.12 em from the
/// alphabetic baseline (measured in Chromium with `measureText`).
fn canvas_faithful_text(svg: &str) -> String {
    let svg = svg
        // What every element repeats, or says by default: the stylesheet gives the font
        // (`figure_markup::reserve_css`), and SVG's defaults are opacity 1 and no stroke. A
        // third less markup for the browser to parse before the first paint.
        .replace(
            &format!(r#" font-family="{}""#, FONT_FAMILY.replace('\'', "&apos;")),
            "",
        )
        .replace(r#" opacity="1""#, "")
        .replace(r#" stroke="none""#, "")
        .replace(r#"dy="0.76em""#, r#"dy="0.88em""#)
        .replace(r#"dy="0.5ex""#, r#"dy="0.38em""#)
        .replace(r#"dy="-0.5ex""#, r#"dy="-0.12em""#);
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg.as_str();
    const KEY: &str = r#"font-size=""#;
    while let Some(at) = rest.find(KEY) {
        let start = at + KEY.len();
        out.push_str(&rest[..start]);
        let len = rest[start..].find('"').unwrap_or(0);
        let size: f64 = rest[start..start + len].parse().unwrap_or(0.0);
        let fixed = (size * 1.24 * 100.0).round() / 100.0;
        out.push_str(&fixed.to_string());
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// The inside of an `<svg>` element plotters wrote: what lies between its opening and
/// closing tags.
fn inner(svg: &str) -> &str {
    let open = svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j + 1));
    let close = svg.rfind("</svg>");
    match (open, close) {
        (Some(a), Some(b)) if a <= b => &svg[a..b],
        _ => "",
    }
}

/// One layer of the view laid out as `layout`, at `progress`, drawn as SVG elements (without
/// the `<svg>` around them).
fn layer_svg(
    model: &Model,
    layout: &ViewLayout,
    lang: Lang,
    theme: &Theme,
    layer: Layer,
    progress: f64,
) -> Result<String, DrawError> {
    let v = layout.viewport();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (v.width, v.height)).into_drawing_area();
        draw_view(&root, model, layout, progress, None, lang, theme, layer)?;
        root.present()?;
    }
    Ok(inner(&svg).to_string())
}

/// The still of one canvas at `css_width`, as an `<svg>` element of `class` that fills its
/// box: the still layer, then the entry's first frame and the final picture as two groups.
pub fn still_svg(
    model: &Model,
    kind: ViewKind,
    class: &str,
    css_width: f64,
    scale: f64,
    lang: Lang,
    theme: &Theme,
) -> Result<String, DrawError> {
    let css_height = view_css_height(model, kind, css_width);
    let viewport = Viewport {
        width: (css_width * scale).round() as u32,
        height: (css_height * scale).round() as u32,
        scale,
    };
    // One layout for the four layers, as the canvas lays out once per size.
    let Some(layout) = view_layout(model, kind, viewport, lang) else {
        return Ok(String::new());
    };
    let layer =
        |layer: Layer, progress: f64| layer_svg(model, &layout, lang, theme, layer, progress);
    let still = layer(Layer::Still, 0.0)?;
    let entry = layer(Layer::Moving, 0.0)?;
    let swept = match kind {
        ViewKind::Rank => layer(Layer::Swept, 1.0)?,
        ViewKind::Panel(_) => String::new(),
    };
    let last = layer(Layer::Moving, 1.0)?;
    let (w, h) = (viewport.width, viewport.height);
    let entry_svg = canvas_faithful_text(&format!(
        r#"<svg class="{class} rankclimb-still-entry" viewBox="0 0 {w} {h}" data-width="{css_width}" data-height="{css_height}" preserveAspectRatio="xMinYMin meet" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">{still}{entry}</svg>"#,
    ));
    // An image cannot take the page's stylesheet: the font is named in the picture itself.
    // (Named after the text is made faithful, which drops the font each element repeats.)
    let final_svg = canvas_faithful_text(&format!(
        r#"<svg viewBox="0 0 {w} {h}" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">{still}{swept}{last}</svg>"#,
    ))
    .replacen(
        "<svg ",
        &format!(
            r#"<svg font-family="{}" "#,
            FONT_FAMILY.replace('\'', "&apos;")
        ),
        1,
    );
    Ok(format!(
        // Single-quoted: the SVG's own attributes keep their double quotes unescaped.
        r#"{entry_svg}<img class="{class} rankclimb-still-final" loading="lazy" alt="" src='{}'>"#,
        html_escape::encode_single_quoted_attribute(&svg_data_url(&final_svg)),
    ))
}

/// `svg` as a `data:` URL. Only `%` and `#` need escaping for a URL parser; line breaks, which
/// a URL parser drops, are dropped here too (SVG drops them from text as well).
fn svg_data_url(svg: &str) -> String {
    let mut url = String::with_capacity(svg.len() + 32);
    url.push_str("data:image/svg+xml,");
    for c in svg.chars() {
        match c {
            '%' => url.push_str("%25"),
            '#' => url.push_str("%23"),
            '\n' | '\r' | '\t' => {}
            c => url.push(c),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_written_at_the_canvas_size_and_baseline() {
        let svg = r##"<text x="1" y="2" dy="0.76em" font-size="10" opacity="1" fill="#000">a</text><text dy="0.5ex" font-size="9.68">b</text>"##;
        let fixed = canvas_faithful_text(svg);
        assert_eq!(
            fixed,
            r##"<text x="1" y="2" dy="0.88em" font-size="12.4" fill="#000">a</text><text dy="0.38em" font-size="12">b</text>"##
        );
    }

    #[test]
    fn a_data_url_escapes_what_a_url_parser_would_read_otherwise() {
        assert_eq!(
            svg_data_url("<text fill=\"#C2410C\">\n100%\n</text>"),
            "data:image/svg+xml,<text fill=\"%23C2410C\">100%25</text>"
        );
    }

    #[test]
    fn the_inside_of_an_svg_element_is_what_lies_between_its_tags() {
        assert_eq!(inner(r#"<svg a="1"><rect/></svg>"#), "<rect/>");
        assert_eq!(inner("no svg"), "");
    }
}
