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
use rankclimb::check::load::load_file;
use rankclimb::embed::{div_snippet, first_look, frame_page, Wanted};
use rankclimb::Model;
use std::path::Path;

/// The chart's first look, or why it could not be drawn.
fn template(model: &Model, stylesheet: &str, wanted: Wanted) -> Result<String> {
    first_look(model, stylesheet, wanted).map_err(|e| anyhow!("drawing a still: {e}"))
}

const MARK: &str = " data-prerender";

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
        out.push_str(&template(&model, stylesheet, wanted)?);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The demo pages' own stylesheet, linked from each page.
const PAGE_CSS_LINK: &str = r#"<link rel="stylesheet" href="page.css">"#;

/// Prerender every page of `dist/` that asks for it, and write each data file's snippet.
/// The demo pages' small stylesheet goes into each page too: linked, it was a render-blocking
/// request of its own, a round trip (150 ms on the phone profile) before the first paint.
pub fn prerender_all(dist: &Path) -> Result<()> {
    let stylesheet = std::fs::read_to_string(dist.join("rankclimb.css"))
        .context("reading dist/rankclimb.css")?;
    let page_css =
        std::fs::read_to_string(dist.join("page.css")).context("reading dist/page.css")?;
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let page = std::fs::read_to_string(&path)?;
        if page.contains(MARK) {
            let done = prerender_page(&page, dist, &stylesheet)
                .with_context(|| format!("prerendering {}", path.display()))?
                .replace(
                    PAGE_CSS_LINK,
                    &format!("<style>{}</style>", page_css.trim()),
                );
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
        let look = template(&model, &stylesheet, Wanted::default())?;
        let data = dist.join("data");
        std::fs::write(
            data.join(format!("{stem}.embed.html")),
            format!(
                "<!-- rankclimb: paste where the chart goes; rankclimb.js, rankclimb.css, pkg/ and data/ sit beside the page. -->\n{}",
                div_snippet(&model, stem, &look)
            ),
        )?;
        std::fs::write(
            data.join(format!("{stem}.frame.html")),
            frame_page(&model, stem, &look),
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
        let none = Wanted::default();
        let html = template(&model, "", none).expect("drawn");
        assert!(
            html.contains("标题&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        // The only images are the stills' own (the final pictures, in data URLs).
        assert!(!html.contains("<img src=x"), "{html}");
        assert_eq!(
            html.matches("<img").count(),
            html.matches("<img class=\"rankclimb-still-").count(),
            "{html}"
        );
        // One placeholder per plot: the rank chart and every panel.
        let plots = html.matches("rankclimb-reserved").count();
        assert_eq!(plots, 1 + model.panels.len(), "plots: {html}");
        let rank_only = template(
            &model,
            "",
            Wanted {
                view: Some("rank"),
                ..none
            },
        )
        .expect("drawn");
        assert_eq!(rank_only.matches("rankclimb-reserved").count(), 1);
        // The still is drawn by plotters, which escapes the title drawn into it.
        assert!(rank_only.contains("<svg"), "{rank_only}");
        assert!(template(
            &model,
            "",
            Wanted {
                lang: Some("en"),
                ..none
            }
        )
        .expect("drawn")
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
