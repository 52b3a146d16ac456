//! What the studio's one download holds: the data file, its fallback pictures, alt text and
//! tables, and a README with the snippets to paste, in a zip laid out like `dist/`, so that
//! unzipped beside rankclimb's files it works as an embed with no other step.

use crate::describe::table::tables;
use crate::drawing::{DrawError, Theme};
use crate::embed::{div_snippet, first_look, frame_page, iframe_snippet, Wanted};
use crate::model::Model;
use crate::phrasebook::Lang;
use crate::static_image::{draw_static, static_alt, static_css_height, STATIC_WIDTH};
use plotters::prelude::*;
use std::io::Write;

/// The SVG picture `cargo xtask dist` writes for `model`: the same drawing code, size and
/// palette, so the text of the two is identical.
pub fn static_svg(model: &Model) -> Result<String, DrawError> {
    let lang = model.language;
    let height = static_css_height(model, STATIC_WIDTH, lang).ceil();
    let mut svg = String::new();
    {
        let size = (STATIC_WIDTH as u32, height as u32);
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_static(&root, model, STATIC_WIDTH, 1.0, lang, &Theme::light())?;
    }
    Ok(svg)
}

/// `NAME.alt.json` as `dist` writes it: the picture's alternative text in both languages.
pub fn alt_json(model: &Model) -> String {
    format!(
        "{{\"zh-CN\": {:?}, \"en\": {:?}}}\n",
        static_alt(model, Lang::Zh),
        static_alt(model, Lang::En)
    )
}

/// `NAME.tables.json` as `dist` writes it: the tables the page shows when the chart cannot run.
pub fn tables_json(model: &Model) -> serde_json::Result<String> {
    serde_json::to_string(&serde_json::json!({
        "zh-CN": tables(model, Lang::Zh),
        "en": tables(model, Lang::En),
    }))
}

/// The README of the download: where the files go, and the snippets with the file names
/// filled in. `name` is the data file's stem, already made safe by [`file_stem`].
pub fn readme(model: &Model, name: &str) -> String {
    format!(
        "rankclimb: {title}\n\n\
         Upload the data/ folder beside rankclimb's files (rankclimb.js, rankclimb.css, pkg/),\n\
         then paste one of these where the chart goes.\n\n\
         Best: the contents of data/{name}.embed.html. It holds the chart's first look (a still\n\
         of each chart, the title, notes and sources), which the browser shows before any script\n\
         runs; the chart comes to life in the same place. The short form, without it:\n\n\
         {div}\n\
         As an <iframe> (its height follows the chart; data/{name}.frame.html holds the first look):\n\n\
         {iframe}",
        title = model.title.get(model.language),
        div = div_snippet(model, name, ""),
        iframe = iframe_snippet(model, name, ""),
    )
}

/// A file name from any title: ASCII letters, digits and dashes, never empty.
pub fn file_stem(wanted: &str) -> String {
    let stem: String = wanted
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "chart".to_string()
    } else {
        stem.chars().take(60).collect()
    }
}

/// The pictures drawn by the page (through the canvas backend), as PNG files.
pub struct Pictures<'a> {
    pub wide: &'a [u8],
    pub narrow: &'a [u8],
    /// The 1200×630 share card.
    pub card: &'a [u8],
}

/// The download: `data/NAME.json` (the data file as written), the pictures, the alt text and
/// tables, the snippet and the iframe page with the chart's first look (`stylesheet` inlined
/// in it, as `dist` does), and `README.txt`.
pub fn export_zip(
    model: &Model,
    data_json: &str,
    name: &str,
    pictures: Pictures,
    stylesheet: &str,
) -> Result<Vec<u8>, ExportError> {
    let svg = static_svg(model).map_err(|e| ExportError(e.to_string()))?;
    let tables = tables_json(model).map_err(|e| ExportError(e.to_string()))?;
    let (alt, readme) = (alt_json(model), readme(model, name));
    let look =
        first_look(model, stylesheet, Wanted::default()).map_err(|e| ExportError(e.to_string()))?;
    let (embed, frame) = (
        div_snippet(model, name, &look),
        frame_page(model, name, &look),
    );
    let files: [(String, &[u8]); 10] = [
        (format!("data/{name}.json"), data_json.as_bytes()),
        (format!("data/{name}.svg"), svg.as_bytes()),
        (format!("data/{name}.png"), pictures.wide),
        (format!("data/{name}.narrow.png"), pictures.narrow),
        (format!("data/{name}.card.png"), pictures.card),
        (format!("data/{name}.alt.json"), alt.as_bytes()),
        (format!("data/{name}.tables.json"), tables.as_bytes()),
        (format!("data/{name}.embed.html"), embed.as_bytes()),
        (format!("data/{name}.frame.html"), frame.as_bytes()),
        ("README.txt".to_string(), readme.as_bytes()),
    ];
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (path, bytes) in files {
        out.start_file(path, options)
            .map_err(|e| ExportError(e.to_string()))?;
        out.write_all(bytes)
            .map_err(|e| ExportError(e.to_string()))?;
    }
    let cursor = out.finish().map_err(|e| ExportError(e.to_string()))?;
    Ok(cursor.into_inner())
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the download could not be made: {0}")]
pub struct ExportError(pub String);
