//! What a newsroom pastes, written once: the chart's first look (the figure with its stills,
//! in a declarative shadow root), the `<div>` snippet that carries it, the iframe page and the
//! `<iframe>` snippet. `cargo xtask dist` writes them beside each data file and into the demo
//! pages; the studio puts them in its download.

use crate::describe::summary;
use crate::drawing::{DrawError, Theme};
use crate::figure_markup::{figure, to_html, REGION_ATTRS};
use crate::model::Model;
use crate::phrasebook::Lang;
use crate::still::stills_of;
use crate::view::views;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

/// What an embedding element asks for, read from its attributes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wanted<'a> {
    /// `data-lang`: the language shown first.
    pub lang: Option<&'a str>,
    /// `data-view`: "rank" for the rank chart alone.
    pub view: Option<&'a str>,
    /// `data-theme`: "dark" or "light".
    pub theme: Option<&'a str>,
}

/// Before any script: a dark first look for dark-scheme readers (the stills are drawn in the
/// light palette, so there they wait for the canvas), and the `<noscript>` picture instead of
/// the first look when scripting is off.
const SKELETON_CSS: &str = "@media (prefers-color-scheme: dark) { .rankclimb-skeleton > .rankclimb:not([data-theme]) { background: #111827; color: #f3f4f6; } \
     .rankclimb-skeleton > .rankclimb:not([data-theme]) .rankclimb-still > * { visibility: hidden; } }\n\
     @media (scripting: none) { .rankclimb-skeleton > .rankclimb { display: none; } }\n";

/// The chart's first look for `model`: a declarative shadow root holding `stylesheet` and the
/// figure as the core describes it, with each plot's still. The browser paints it with the
/// HTML; the wasm adopts it.
pub fn first_look(model: &Model, stylesheet: &str, wanted: Wanted) -> Result<String, DrawError> {
    let lang = wanted
        .lang
        .and_then(Lang::from_tag)
        .unwrap_or(model.language);
    let theme_name = wanted.theme.filter(|t| matches!(*t, "dark" | "light"));
    let theme = if theme_name == Some("dark") {
        Theme::dark()
    } else {
        Theme::light()
    };
    let mut kinds = views(model);
    if wanted.view == Some("rank") {
        kinds.truncate(1);
    }
    let drawn = kinds
        .iter()
        .map(|&k| Ok((k, stills_of(model, k, lang, &theme)?)))
        .collect::<Result<Vec<_>, DrawError>>()?;
    let stills = |kind| {
        drawn
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, svg)| svg.clone())
    };
    let mut figure = figure(model, lang, &kinds, &stills);
    let theme_attr = match theme_name {
        Some(t) => {
            figure.attrs.push(("data-theme", t.to_string()));
            format!(r#" data-theme="{t}""#)
        }
        None => String::new(),
    };
    Ok(format!(
        r#"<template shadowrootmode="open"><style>{stylesheet}{SKELETON_CSS}</style><div class="rankclimb-box rankclimb-skeleton"{theme_attr}{REGION_ATTRS}><slot></slot>{}</div></template>"#,
        to_html(&figure)
    ))
}

/// The picture readers without JavaScript get, with its alternative text; `prefix` is the
/// path from the page to the data folder.
fn noscript(model: &Model, name: &str, prefix: &str) -> String {
    format!(
        r#"<noscript><img src="{prefix}{name}.png" width="1200" style="max-width:100%;height:auto" alt="{}"></noscript>"#,
        attr(&summary(model, model.language))
    )
}

/// The `<div>` snippet for `data/NAME.json`, with the chart's `first_look` inside (or none),
/// for a page beside rankclimb's files.
pub fn div_snippet(model: &Model, name: &str, first_look: &str) -> String {
    format!(
        "<div data-rankclimb=\"data/{name}.json\">{first_look}{}</div>\n\
         <script type=\"module\" src=\"rankclimb.js\"></script>\n",
        noscript(model, name, "data/")
    )
}

/// `data/NAME.frame.html`: the page an iframe shows, the chart's first look in it, reporting
/// its height to the host page.
pub fn frame_page(model: &Model, name: &str, first_look: &str) -> String {
    let lang = model.language;
    format!(
        "<!doctype html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"icon\" href=\"../favicon.svg\" type=\"image/svg+xml\">\n\
         <link rel=\"stylesheet\" href=\"../embed.css\">\n</head>\n<body>\n<main>\n\
         <h1 class=\"page-heading\">{title}</h1>\n\
         <div id=\"chart\" data-rankclimb=\"{name}.json\">{first_look}{noscript}</div>\n</main>\n\
         <script src=\"../embed-child.js\"></script>\n<script type=\"module\" src=\"../rankclimb.js\"></script>\n\
         </body>\n</html>\n",
        tag = lang.tag(),
        title = text(model.title.get(lang)),
        noscript = noscript(model, name, ""),
    )
}

/// The `<iframe>` snippet for `data/NAME.frame.html`: titled, lazy, its height following
/// the chart. `base` is where rankclimb's files are published ("" beside the page, or an
/// absolute URL ending in `/`).
pub fn iframe_snippet(model: &Model, name: &str, base: &str) -> String {
    let title = attr(model.title.get(model.language));
    format!(
        "<iframe data-rankclimb-iframe src=\"{base}data/{name}.frame.html\" title=\"{title}\" aria-label=\"{title}\" loading=\"lazy\" style=\"width:100%;height:{height}px;border:0\"></iframe>\n\
         <script src=\"{base}rankclimb-iframe.js\"></script>\n",
        base = attr(base),
        height = frame_height(model),
    )
}

/// The iframe's height before its page reports the chart's own: the infographic's height at
/// 800 CSS px, as the build-time picture lays it out.
pub fn frame_height(model: &Model) -> u32 {
    crate::static_image::static_css_height(model, 800.0, model.language).ceil() as u32
}
