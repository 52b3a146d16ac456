//! The studio's entry points into the author's wasm build (`--features studio`): the full
//! validator with its paths, hints and warnings, pasted cells read into a rank series, and
//! the download's pictures and zip. Each takes and returns plain text (JSON the page parses):
//! the page owns the draft; this only answers questions about it.

use super::panic_guard::install as install_panic_hook;
use crate::author::export::{export_zip, file_stem, static_svg, Pictures};
use crate::author::paste::{guess_columns, points_from_rows, read_pasted, Columns};
use crate::check::load::{parse_json, shape_message_zh};
use crate::check::plausibility::warnings;
use crate::check::{validate, DataError, Problem};
use crate::drawing::Theme;
use crate::model::Model;
use crate::static_image::{draw_static, static_css_height, STATIC_NARROW_WIDTH, STATIC_WIDTH};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

fn problems_json(problems: &[Problem]) -> Vec<Value> {
    problems
        .iter()
        .map(|p| {
            json!({"path": p.path, "message": p.message, "hint": p.hint,
                   "message_zh": p.message_zh, "hint_zh": p.hint_zh})
        })
        .collect()
}

fn model_of(json: &str) -> Result<Model, DataError> {
    validate(parse_json(json)?)
}

/// Every problem and warning of a draft: `{"problems": [{path, message, hint, message_zh,
/// hint_zh}], "warnings":
/// […]}`, the same rules as `cargo xtask check`.
#[wasm_bindgen(js_name = studioCheck)]
pub fn studio_check(json: &str) -> String {
    install_panic_hook();
    let answer = match model_of(json) {
        Ok(model) => json!({"problems": [], "warnings": problems_json(&warnings(&model))}),
        Err(DataError::Invalid(problems)) => {
            json!({"problems": problems_json(&problems), "warnings": []})
        }
        // The path, so the page can focus the field, and what is wrong there.
        Err(DataError::Shape { path, message }) => json!({
            "problems": [{"path": path, "message": message, "hint": "",
                          "message_zh": shape_message_zh(&message)}],
            "warnings": [],
        }),
        Err(e @ DataError::Io { .. }) => json!({
            "problems": [{"path": "", "message": e.to_string(), "hint": ""}],
            "warnings": [],
        }),
    };
    answer.to_string()
}

/// Pasted cells as `{"header", "rows", "guess": {year, rank, of, sources}}`, or
/// `{"error": {"kind", …}, "message"}` for a paste that is not a table.
#[wasm_bindgen(js_name = studioReadPaste)]
pub fn studio_read_paste(text: &str) -> String {
    install_panic_hook();
    match read_pasted(text) {
        Ok(p) => {
            let guess = guess_columns(&p.header);
            json!({"header": p.header, "rows": p.rows, "guess": guess}).to_string()
        }
        Err(e) => json!({"error": e, "message": e.to_string()}).to_string(),
    }
}

/// The rank series of pasted cells under the chosen columns (`-1` for none): `{"points":
/// […], "problems": [{row, column, text}]}`; points are written as the data file writes
/// them.
#[wasm_bindgen(js_name = studioPoints)]
pub fn studio_points(text: &str, year: i32, rank: i32, of: i32, sources: i32) -> String {
    install_panic_hook();
    let Ok(pasted) = read_pasted(text) else {
        return json!({"points": [], "problems": []}).to_string();
    };
    let col = |c: i32| usize::try_from(c).ok();
    let (points, problems) = points_from_rows(
        &pasted,
        Columns {
            year: col(year),
            rank: col(rank),
            of: col(of),
            sources: col(sources),
        },
    );
    let points: Vec<Value> = points
        .iter()
        .map(|p| json!({"year": p.year, "rank": p.rank, "of": p.of, "sources": p.sources}))
        .collect();
    json!({"points": points, "problems": problems}).to_string()
}

/// The SVG picture, exactly as `cargo xtask dist` writes it.
#[wasm_bindgen(js_name = studioSvg)]
pub fn studio_svg(json: &str) -> Result<String, JsError> {
    install_panic_hook();
    let model = model_of(json).map_err(|e| JsError::new(&e.to_string()))?;
    static_svg(&model).map_err(|e| JsError::new(&e.to_string()))
}

/// Draw the wide (1200 px) or narrow (360 px at twice the pixels) picture, or the share card
/// (`picture` "wide", "narrow" or "card"), onto `canvas` through the canvas backend, sized as
/// `dist`'s PNGs; the page saves it as PNG.
#[wasm_bindgen(js_name = studioDrawPicture)]
pub fn studio_draw_picture(
    canvas: HtmlCanvasElement,
    json: &str,
    picture: &str,
) -> Result<(), JsError> {
    install_panic_hook();
    let model = model_of(json).map_err(|e| JsError::new(&e.to_string()))?;
    if picture == "card" {
        let (w, h) = crate::share_card::CARD_SIZE;
        canvas.set_width(w);
        canvas.set_height(h);
        let backend = CanvasBackend::with_canvas_object(canvas)
            .ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
        let root = backend.into_drawing_area();
        return crate::share_card::draw_share_card(&root, &model, model.language, &Theme::light())
            .map_err(|e| JsError::new(&e.to_string()));
    }
    let (width, scale) = if picture == "narrow" {
        (STATIC_NARROW_WIDTH, 2.0)
    } else {
        (STATIC_WIDTH, 1.0)
    };
    let lang = model.language;
    let height = static_css_height(&model, width, lang).ceil();
    canvas.set_width((width * scale) as u32);
    canvas.set_height((height * scale) as u32);
    let backend = CanvasBackend::with_canvas_object(canvas)
        .ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
    let root = backend.into_drawing_area();
    draw_static(&root, &model, width, scale, lang, &Theme::light())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The download: a zip of the data file (as the page wrote it), the pictures (`wide`,
/// `narrow` and the share `card`, PNG bytes the page drew), the SVG, alt text, tables, the snippet and iframe page
/// with the chart's first look (`stylesheet`: rankclimb.css's text, inlined there) and README.
#[wasm_bindgen(js_name = studioExport)]
pub fn studio_export(
    json: &str,
    wide: &[u8],
    narrow: &[u8],
    card: &[u8],
    stylesheet: &str,
) -> Result<Vec<u8>, JsError> {
    install_panic_hook();
    let model = model_of(json).map_err(|e| JsError::new(&e.to_string()))?;
    let name = file_stem(model.title.en.as_str());
    export_zip(
        &model,
        json,
        &name,
        Pictures { wide, narrow, card },
        stylesheet,
    )
    .map_err(|e| JsError::new(&e.to_string()))
}

/// The two short snippets the studio shows, as the download's README has them: the `<div>`
/// and the `<iframe>`, as a JSON array.
#[wasm_bindgen(js_name = studioSnippets)]
pub fn studio_snippets(json: &str) -> Result<String, JsError> {
    install_panic_hook();
    let model = model_of(json).map_err(|e| JsError::new(&e.to_string()))?;
    let name = file_stem(model.title.en.as_str());
    Ok(serde_json::json!([
        crate::embed::div_snippet(&model, &name, ""),
        crate::embed::iframe_snippet(&model, &name, "")
    ])
    .to_string())
}

/// Panic inside the wasm, for tests and debugging: the page must keep the draft and say so.
#[wasm_bindgen(js_name = studioDebugPanic)]
pub fn studio_debug_panic() {
    install_panic_hook();
    panic!("studioDebugPanic: a panic asked for by the page");
}

/// The file name the download gives the data file, from the English title.
#[wasm_bindgen(js_name = studioFileStem)]
pub fn studio_file_stem(title: &str) -> String {
    file_stem(title)
}
