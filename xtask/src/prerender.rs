//! The chart's first look, written into the page at build time, so the article around it does
//! not move when the wasm arrives and mounts the chart.
//!
//! A `<div data-rankclimb=… data-prerender>` in a page of `www/` gets a declarative shadow root
//! (`<template shadowrootmode="open">`) holding the chart's stylesheet and its elements as the
//! wasm builds them (`src/web/dom.rs`): the title, the buttons (disabled until the chart runs),
//! each plot's box at the height the chart will give it, the notes and the sources. The browser
//! lays that out at first paint; the loader then mounts the chart into the same box, and the
//! wasm replaces the elements with its own in one task, at the same sizes. The sizes come from
//! the chart's own constants, turned into CSS (a container query unit for the rank chart's
//! 16:9, a grid for the figure tiles), so they hold at every width.
//!
//! `cargo xtask dist` also writes `data/NAME.embed.html` beside each data file: the same
//! element as one snippet to paste into an article.

use anyhow::{anyhow, bail, Context, Result};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use rankclimb::check::load::load_file;
use rankclimb::lang::controls::{buttons, sources_summary, tap_hint};
use rankclimb::panel_chart::layout::{panel_css_height, TILE_H, TILE_MIN_W};
use rankclimb::rank_chart::layout::{RANK_ASPECT, RANK_MAX_CSS_HEIGHT, RANK_MIN_CSS_HEIGHT};
use rankclimb::view::{views, ViewKind};
use rankclimb::words::{all_sources_line, callout_texts, note_lines, title};
use rankclimb::{Lang, Model};
use std::fmt::Write as _;
use std::path::Path;

const MARK: &str = " data-prerender";

/// What the element asks for, read from its attributes.
struct Wanted<'a> {
    lang: Option<&'a str>,
    view: Option<&'a str>,
    theme: Option<&'a str>,
}

/// The rules that size the placeholders like the chart's canvases, from the chart's own
/// constants; and, before any script, a dark first look for dark-scheme readers and the
/// `<noscript>` picture instead of the placeholders when scripting is off.
fn reserve_css() -> String {
    format!(
        ".rankclimb-reserved {{ container-type: inline-size; }}\n\
         .rankclimb-reserve-rank {{ height: clamp({min}px, round(calc(round(100cqw, 1px) * {aspect}), 1px), {max}px); }}\n\
         .rankclimb-reserve-tiles {{ display: grid; grid-template-columns: repeat(auto-fill, minmax({tile_w}px, 1fr)); grid-auto-rows: {tile_h}px; }}\n\
         @media (prefers-color-scheme: dark) {{ .rankclimb-skeleton > .rankclimb:not([data-theme]) {{ background: #111827; color: #f3f4f6; }} }}\n\
         @media (scripting: none) {{ .rankclimb-skeleton > .rankclimb {{ display: none; }} }}\n",
        min = RANK_MIN_CSS_HEIGHT,
        max = RANK_MAX_CSS_HEIGHT,
        aspect = RANK_ASPECT,
        tile_w = TILE_MIN_W,
        tile_h = TILE_H,
    )
}

/// The plot's placeholder: the rank chart's 16:9 between its limits, a panel's fixed height,
/// or the figure tiles' grid.
fn placeholder(model: &Model, kind: ViewKind) -> String {
    match kind {
        ViewKind::Rank => r#"<div class="rankclimb-reserve-rank"></div>"#.to_string(),
        ViewKind::Panel(i) => match model.panels.get(i).map(|p| (p, p.kind.item_count())) {
            Some((p, n)) if matches!(p.kind, rankclimb::model::PanelKind::Stats { .. }) => {
                format!(
                    r#"<div class="rankclimb-reserve-tiles">{}</div>"#,
                    "<i></i>".repeat(n)
                )
            }
            Some((p, _)) => format!(
                r#"<div style="height: {}px"></div>"#,
                panel_css_height(p, 0.0)
            ),
            None => String::new(),
        },
    }
}

/// The shadow root's template for one chart: the same elements, classes and words as the
/// wasm's first frame.
fn template(model: &Model, stylesheet: &str, wanted: &Wanted) -> String {
    let lang = wanted
        .lang
        .and_then(Lang::from_tag)
        .unwrap_or(model.language);
    let theme = wanted
        .theme
        .filter(|t| matches!(*t, "dark" | "light"))
        .map(|t| format!(r#" data-theme="{t}""#))
        .unwrap_or_default();
    let mut kinds = views(model);
    if wanted.view == Some("rank") {
        kinds.truncate(1);
    }
    let words = buttons(lang);
    let hint = attr(tap_hint(lang));
    let stage = |kind| {
        format!(
            r#"<div class="rankclimb-stage rankclimb-reserved" data-hint="{hint}">{}</div>"#,
            placeholder(model, kind)
        )
    };
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<template shadowrootmode="open"><style>{stylesheet}{reserve}</style><div class="rankclimb-box rankclimb-skeleton"{theme}><slot></slot><figure class="rankclimb" lang="{tag}"{theme}><div class="rankclimb-header"><h2 class="rankclimb-title">{title}</h2><div class="rankclimb-actions"><button type="button" disabled>{replay}</button><button type="button" disabled>{table}</button><button type="button" disabled>{csv}</button><button type="button" disabled aria-label="{language_name}">{language}</button></div></div><p class="rankclimb-subtitle">{subtitle}</p>"#,
        reserve = reserve_css(),
        tag = lang.tag(),
        title = text(&title(model, lang)),
        replay = text(words.replay),
        table = text(words.table),
        csv = text(words.csv),
        language_name = attr(words.language_name),
        language = text(words.language),
        subtitle = model
            .subtitle
            .as_ref()
            .map(|s| text(s.get(lang)).into_owned())
            .unwrap_or_default(),
    );
    let mut panels = String::new();
    for &kind in &kinds {
        match kind {
            ViewKind::Rank => {
                html.push_str(&stage(kind));
                html.push_str(r#"<ol class="rankclimb-callout-notes">"#);
                for note in callout_texts(model, lang) {
                    let _ = write!(html, "<li>{}</li>", text(note));
                }
                html.push_str("</ol>");
            }
            ViewKind::Panel(i) => {
                let Some(p) = model.panels.get(i) else {
                    continue;
                };
                let _ = write!(
                    panels,
                    r#"<section class="rankclimb-panel"><h3 class="rankclimb-panel-title">{}</h3><p class="rankclimb-panel-subtitle">{}</p>{}</section>"#,
                    text(p.title.get(lang)),
                    p.subtitle
                        .as_ref()
                        .map(|s| text(s.get(lang)).into_owned())
                        .unwrap_or_default(),
                    stage(kind)
                );
            }
        }
    }
    let _ = write!(
        html,
        r#"<div class="rankclimb-panels">{panels}</div><figcaption class="rankclimb-notes">"#
    );
    for note in note_lines(model, lang) {
        let _ = write!(html, r#"<p class="rankclimb-note">{}</p>"#, text(&note));
    }
    let _ = write!(
        html,
        r#"<details class="rankclimb-sources"><summary>{}</summary><p class="rankclimb-source">{}</p></details></figcaption></figure></div></template>"#,
        text(&sources_summary(model.sources.len(), lang)),
        text(&all_sources_line(model, lang)),
    );
    html
}

/// The value of `name="…"` in an opening tag, as written (our own pages use double quotes).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Write the template into every `data-prerender` element of one page.
fn prerender_page(page: &str, dist: &Path, stylesheet: &str) -> Result<String> {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find(MARK) {
        let open = rest[..at]
            .rfind('<')
            .ok_or_else(|| anyhow!("data-prerender outside a tag"))?;
        let close = at
            + rest[at..]
                .find('>')
                .ok_or_else(|| anyhow!("unclosed tag with data-prerender"))?;
        let tag = &rest[open..close];
        let Some(data) = attribute(tag, "data-rankclimb") else {
            bail!("data-prerender on an element without data-rankclimb: {tag}>");
        };
        let model =
            load_file(&dist.join(data)).map_err(|e| anyhow!("{data}: {}", e.lines().join("; ")))?;
        let wanted = Wanted {
            lang: attribute(tag, "data-lang"),
            view: attribute(tag, "data-view"),
            theme: attribute(tag, "data-theme"),
        };
        out.push_str(&rest[..at]);
        out.push_str(&rest[at + MARK.len()..=close]);
        out.push_str(&template(&model, stylesheet, &wanted));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Prerender every page of `dist/` that asks for it, and write each data file's snippet.
pub fn prerender_all(dist: &Path) -> Result<()> {
    let stylesheet = std::fs::read_to_string(dist.join("rankclimb.css"))
        .context("reading dist/rankclimb.css")?;
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let page = std::fs::read_to_string(&path)?;
        if page.contains(MARK) {
            let done = prerender_page(&page, dist, &stylesheet)
                .with_context(|| format!("prerendering {}", path.display()))?;
            std::fs::write(&path, done)?;
        }
    }
    for entry in std::fs::read_dir(dist.join("data"))? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".json") else {
            continue;
        };
        if stem.contains('.') {
            continue;
        }
        let model = load_file(&path)
            .map_err(|e| anyhow!("{}: {}", path.display(), e.lines().join("; ")))?;
        let alt = attr(&rankclimb::words::summary(&model, model.language)).into_owned();
        let snippet = format!(
            "<!-- rankclimb: paste where the chart goes; rankclimb.js, rankclimb.css, pkg/ and data/ sit beside the page. -->\n\
             <div data-rankclimb=\"data/{name}\">{}<noscript><img src=\"data/{stem}.png\" width=\"1200\" style=\"max-width:100%;height:auto\" alt=\"{alt}\"></noscript></div>\n\
             <script type=\"module\" src=\"rankclimb.js\"></script>\n",
            template(&model, &stylesheet, &Wanted { lang: None, view: None, theme: None }),
        );
        std::fs::write(
            dist.join("data").join(format!("{stem}.embed.html")),
            snippet,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Model {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        load_file(&root.join("www/data/pingdingshan.json")).expect("the bundled story")
    }

    #[test]
    fn the_template_holds_the_charts_words_as_text_never_markup() {
        let mut model = story();
        model.title.zh = "标题<img src=x onerror=alert(1)>".into();
        let none = Wanted {
            lang: None,
            view: None,
            theme: None,
        };
        let html = template(&model, "", &none);
        assert!(
            html.contains("标题&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
        // One placeholder per plot: the rank chart and every panel.
        let plots = html.matches("rankclimb-reserved").count();
        assert_eq!(
            plots,
            1 + model.panels.len() + 1,
            "stylesheet rule + plots: {html}"
        );
        let rank_only = template(
            &model,
            "",
            &Wanted {
                view: Some("rank"),
                ..none
            },
        );
        assert_eq!(rank_only.matches("rankclimb-reserved").count(), 2);
        assert!(template(
            &model,
            "",
            &Wanted {
                lang: Some("en"),
                ..none
            }
        )
        .contains(r#"lang="en""#));
    }

    #[test]
    fn data_prerender_is_replaced_by_the_template_in_place() {
        let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../www");
        let page = r#"<p>a</p><div data-rankclimb="data/pingdingshan.json" data-prerender data-view="rank"></div><p>b</p>"#;
        let done = prerender_page(page, &dist, "/*css*/").expect("prerendered");
        assert!(done.starts_with(r#"<p>a</p><div data-rankclimb="data/pingdingshan.json" data-view="rank"><template shadowrootmode="open"><style>/*css*/"#), "{done}");
        assert!(done.ends_with("</template></div><p>b</p>"), "{done}");
        assert!(prerender_page(r#"<div data-prerender>"#, &dist, "").is_err());
    }
}
