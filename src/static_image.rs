//! The whole infographic in its final state as one picture, through any plotters backend:
//! the build writes it as PNG and SVG for readers without JavaScript or wasm, for print
//! and for social-share previews.

use crate::describe::summary;
use crate::describe::{all_sources_line, callout_texts, note_lines, title};
use crate::drawing::{text_style, wrap_text, DrawError, Layer, Theme, Viewport};
use crate::model::Model;
use crate::phrasebook::Lang;
use crate::view::{draw_view, view_css_height, view_layout, views, ViewKind, ViewLayout};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The picture's layout width (CSS px), as `cargo xtask dist` and the studio draw it.
pub const STATIC_WIDTH: f64 = 1200.0;
/// The layout width of the picture for narrow containers (phones), drawn at twice the pixels.
pub const STATIC_NARROW_WIDTH: f64 = 360.0;

const PAD: f64 = 24.0;
const HEADER: f64 = 76.0;
const PANEL_TITLE: f64 = 36.0;
const GAP: f64 = 20.0;
const SOURCE_LINE: f64 = 16.0;
/// A picture used where scripts cannot run carries all its notes and sources: no cap short of
/// absurd.
const SOURCE_LINES: usize = 200;
/// The gap between the footnotes and the sources.
const NOTES_GAP: f64 = 6.0;

/// The callouts' numbered notes under the rank chart, wrapped to `inner`, where the chart
/// draws numbered markers at that width (none where it draws the words).
fn callout_note_lines(model: &Model, inner: f64, lang: Lang) -> Vec<String> {
    let v = Viewport {
        width: inner.round() as u32,
        height: view_css_height(model, ViewKind::Rank, inner).round() as u32,
        scale: 1.0,
    };
    match view_layout(model, ViewKind::Rank, v, lang) {
        Some(ViewLayout::Rank(l)) if l.annotations.uses_markers() => callout_texts(model, lang)
            .iter()
            .enumerate()
            .flat_map(|(n, t)| wrap_text(&format!("{}. {t}", n + 1), 11.0, inner, 3))
            .collect(),
        _ => Vec::new(),
    }
}

/// The footnotes under the charts (a year's note, such as how a rank was worked out), then
/// the sources, each wrapped to `inner`: the picture says no more than its notes do.
fn footer_lines(model: &Model, inner: f64, lang: Lang) -> (Vec<String>, Vec<String>) {
    let notes = note_lines(model, lang)
        .iter()
        .flat_map(|n| wrap_text(n, 11.0, inner, SOURCE_LINES))
        .collect();
    let sources = wrap_text(&all_sources_line(model, lang), 11.0, inner, SOURCE_LINES);
    (notes, sources)
}

/// The picture's CSS height at `css_width`: title, every canvas, the notes and the sources.
pub fn static_css_height(model: &Model, css_width: f64, lang: Lang) -> f64 {
    let inner = css_width - 2.0 * PAD;
    let notes = callout_note_lines(model, inner, lang).len() as f64 * SOURCE_LINE;
    let canvases: f64 = views(model)
        .into_iter()
        .map(|k| {
            view_css_height(model, k, inner)
                + if matches!(k, ViewKind::Panel(_)) {
                    PANEL_TITLE
                } else {
                    0.0
                }
        })
        .sum::<f64>()
        + GAP * views(model).len() as f64;
    let (footnotes, sources) = footer_lines(model, inner, lang);
    let footer = (footnotes.len() + sources.len()) as f64 * SOURCE_LINE
        + if footnotes.is_empty() { 0.0 } else { NOTES_GAP };
    HEADER + canvases + notes + footer + 2.0 * PAD
}

/// The alternative text of the picture: the same summary the live chart gives.
pub fn static_alt(model: &Model, lang: Lang) -> String {
    summary(model, lang)
}

/// Draw the final infographic onto `root`, which is `css_width` × `static_css_height`
/// CSS pixels times `scale`.
pub fn draw_static<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &Model,
    css_width: f64,
    scale: f64,
    lang: Lang,
    theme: &Theme,
) -> Result<(), DrawError> {
    let page = Viewport {
        width: (css_width * scale).round() as u32,
        height: 0,
        scale,
    };
    let px = |css: f64| page.px(css);
    root.fill(&theme.background)?;
    let inner = css_width - 2.0 * PAD;
    let mut y = PAD;
    root.draw(&Text::new(
        title(model, lang),
        (px(PAD), px(y)),
        text_style(&page, 22.0, true, &theme.text, HPos::Left, VPos::Top),
    ))?;
    if let Some(sub) = &model.subtitle {
        root.draw(&Text::new(
            sub.get(lang),
            (px(PAD), px(y + 36.0)),
            text_style(&page, 14.0, false, &theme.muted, HPos::Left, VPos::Top),
        ))?;
    }
    y += HEADER;
    for kind in views(model) {
        if let ViewKind::Panel(i) = kind {
            if let Some(p) = model.panels.get(i) {
                root.draw(&Text::new(
                    p.title.get(lang),
                    (px(PAD), px(y)),
                    text_style(&page, 17.0, true, &theme.text, HPos::Left, VPos::Top),
                ))?;
            }
            y += PANEL_TITLE;
        }
        let h = view_css_height(model, kind, inner);
        let area = root.clone().shrink((px(PAD), px(y)), (px(inner), px(h)));
        let v = Viewport {
            width: px(inner) as u32,
            height: px(h) as u32,
            scale,
        };
        if let Some(layout) = view_layout(model, kind, v, lang) {
            draw_view(&area, model, &layout, 1.0, None, lang, theme, Layer::All)?;
        }
        y += h + GAP;
        if kind == ViewKind::Rank {
            for line in callout_note_lines(model, inner, lang) {
                root.draw(&Text::new(
                    line,
                    (px(PAD), px(y - GAP / 2.0)),
                    text_style(&page, 11.0, false, &theme.text, HPos::Left, VPos::Top),
                ))?;
                y += SOURCE_LINE;
            }
        }
    }
    let (footnotes, sources) = footer_lines(model, inner, lang);
    for line in &footnotes {
        root.draw(&Text::new(
            line.as_str(),
            (px(PAD), px(y)),
            text_style(&page, 11.0, false, &theme.text, HPos::Left, VPos::Top),
        ))?;
        y += SOURCE_LINE;
    }
    if !footnotes.is_empty() {
        y += NOTES_GAP;
    }
    for line in &sources {
        root.draw(&Text::new(
            line.as_str(),
            (px(PAD), px(y)),
            text_style(&page, 11.0, false, &theme.muted, HPos::Left, VPos::Top),
        ))?;
        y += SOURCE_LINE;
    }
    root.present()?;
    Ok(())
}
