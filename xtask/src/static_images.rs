//! The final infographic as PNG and SVG, drawn at build time by the same Rust drawing code
//! through plotters' native backends: the picture readers see without JavaScript or wasm,
//! in print, and as the page's social-share image.

use crate::step;
use anyhow::{anyhow, Context, Result};
use plotters::prelude::*;
use rankclimb::check::load::load_file;
use rankclimb::drawing::{Theme, FONT_FAMILY};
use rankclimb::static_image::{draw_static, static_alt, static_css_height};
use rankclimb::Lang;
use std::path::Path;

use crate::em_sized_text::{ascent_to_descent_em, EmSizedText};

use rankclimb::static_image::{STATIC_NARROW_WIDTH as NARROW_WIDTH, STATIC_WIDTH as WIDTH};
const FONTS: [(&str, FontStyle); 2] = [
    (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        FontStyle::Normal,
    ),
    (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        FontStyle::Bold,
    ),
];

/// Register the fonts with plotters; what their text sizes must be multiplied by on a PNG
/// (see `em_sized_text.rs`).
pub fn register_fonts() -> Result<f64> {
    let mut ratio = None;
    for (path, style) in FONTS {
        let bytes = std::fs::read(path)
            .with_context(|| format!("{path} is missing: install Debian's fonts-noto-cjk"))?;
        // plotters keeps registered fonts for the life of the process.
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        ratio = ratio.or_else(|| ascent_to_descent_em(bytes));
        plotters::style::register_font(FONT_FAMILY, style, bytes)
            .map_err(|_| anyhow!("{path} is not a font plotters can read"))?;
    }
    ratio.ok_or_else(|| anyhow!("the fonts give no ascent and descent"))
}

/// A PNG's drawing area over `buffer`, its text sized as a browser sizes it.
pub fn png_area(
    buffer: &mut [u8],
    size: (u32, u32),
    ratio: f64,
) -> DrawingArea<EmSizedText<BitMapBackend<'_>>, plotters::coord::Shift> {
    EmSizedText {
        inner: BitMapBackend::with_buffer(buffer, size),
        ratio,
    }
    .into_drawing_area()
}

/// The picture as a PNG `css_width` CSS px wide, drawn at `scale` device pixels per CSS px.
fn render_png(
    model: &rankclimb::Model,
    path: &Path,
    css_width: f64,
    scale: f64,
    theme: &Theme,
    ratio: f64,
) -> Result<()> {
    let lang = model.language;
    let height = (static_css_height(model, css_width, lang) * scale).ceil();
    let size = ((css_width * scale).round() as u32, height as u32);
    let mut buffer = vec![0u8; size.0 as usize * size.1 as usize * 3];
    {
        let root = png_area(&mut buffer, size, ratio);
        draw_static(&root, model, css_width, scale, lang, theme).map_err(|e| anyhow!("{e}"))?;
    }
    let file = std::fs::File::create(path)?;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), size.0, size.1);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // Readers who get the picture may be on a slow phone: spend build time on its size.
    encoder.set_compression(png::Compression::Best);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    encoder.write_header()?.write_image_data(&buffer)?;
    Ok(())
}

fn render(model: &rankclimb::Model, stem: &Path, ratio: f64) -> Result<()> {
    let lang = model.language;
    let height = static_css_height(model, WIDTH, lang).ceil();
    let size = (WIDTH as u32, height as u32);
    let theme = Theme::light();
    let svg_path = stem.with_extension("svg");
    {
        let root = SVGBackend::new(&svg_path, size).into_drawing_area();
        draw_static(&root, model, WIDTH, 1.0, lang, &theme).map_err(|e| anyhow!("{e}"))?;
    }
    render_png(
        model,
        &stem.with_extension("png"),
        WIDTH,
        1.0,
        &theme,
        ratio,
    )?;
    // A phone shows a 1200 px layout at a third of its size, its text too small to read: it
    // gets the one-column layout a phone's chart would have, at twice the pixels.
    render_png(
        model,
        &stem.with_extension("narrow.png"),
        NARROW_WIDTH,
        2.0,
        &theme,
        ratio,
    )?;
    let alt = format!(
        "{{\"zh-CN\": {:?}, \"en\": {:?}}}\n",
        static_alt(model, Lang::Zh),
        static_alt(model, Lang::En)
    );
    std::fs::write(stem.with_extension("alt.json"), alt)?;
    // The tables the page shows beside the picture when the chart cannot run.
    let tables = serde_json::json!({
        "zh-CN": rankclimb::describe::table::tables(model, Lang::Zh),
        "en": rankclimb::describe::table::tables(model, Lang::En),
    });
    std::fs::write(
        stem.with_extension("tables.json"),
        serde_json::to_string(&tables)?,
    )?;
    Ok(())
}

/// Write `NAME.png` (1200 px), `NAME.narrow.png` (a 360 px layout at ratio 2), `NAME.svg`,
/// `NAME.alt.json` and `NAME.tables.json` beside every data file in `dist/data/`. Returns the
/// fonts' size ratio for other PNGs (`png_area`).
pub fn render_all(dist: &Path) -> Result<f64> {
    step("drawing the static PNG and SVG of each data file (plotters, native)");
    let ratio = register_fonts()?;
    let data = dist.join("data");
    for entry in std::fs::read_dir(&data)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !name.ends_with(".json") || name.ends_with(".alt.json") || name.ends_with(".tables.json")
        {
            continue;
        }
        let model = load_file(&path)
            .map_err(|e| anyhow!("{}: {}", path.display(), e.lines().join("; ")))?;
        render(&model, &path.with_extension(""), ratio)?;
    }
    Ok(ratio)
}
