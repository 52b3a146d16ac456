//! What `dist` writes for sharing and embedding by URL: each story's 1200×630 share card
//! (`data/NAME.card.png`), its oEmbed answer (`data/NAME.oembed.json`), and the share tags in
//! the `<head>` of each page that shows a story. Crawlers need absolute URLs: the public base
//! URL comes from `--base-url`, else from `www/site.json`; without one, the links stay
//! relative and the build says so.

use crate::step;
use anyhow::{anyhow, bail, Context, Result};
use rankclimb::check::load::load_file;
use rankclimb::drawing::Theme;
use rankclimb::share_card::{draw_share_card, CARD_SIZE};
use rankclimb::share_meta::{oembed_json, share_tags};
use std::path::Path;

/// The site's settings, `www/site.json`: `{"base_url": "https://news.example/graphics/"}`.
const SITE: &str = "site.json";

/// A base URL as the links need it: http(s), ending in `/`.
pub fn normalise_base(url: &str) -> Result<String> {
    let url = url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://"))
        || url.contains(['"', '<', '>', ' '])
    {
        bail!("the public base URL must be an http(s) URL, such as https://news.example/graphics/ (got {url:?})");
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// The public base URL: `--base-url`, else `base_url` in `dist/site.json` (which is not
/// published: it is removed here).
pub fn base_url(dist: &Path, option: Option<&str>) -> Result<Option<String>> {
    let site = dist.join(SITE);
    let configured = if site.exists() {
        let text = std::fs::read_to_string(&site)?;
        std::fs::remove_file(&site)?;
        let value: serde_json::Value =
            serde_json::from_str(&text).with_context(|| format!("www/{SITE} is not valid JSON"))?;
        match value.get("base_url") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) if s.trim().is_empty() => None,
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(_) => bail!("www/{SITE}: base_url must be a string or null"),
        }
    } else {
        None
    };
    option
        .map(str::to_string)
        .or(configured)
        .map(|u| normalise_base(&u))
        .transpose()
}

/// The share card of one story as a PNG.
fn write_card(model: &rankclimb::Model, path: &Path, ratio: f64) -> Result<()> {
    let (w, h) = CARD_SIZE;
    let mut buffer = vec![0u8; w as usize * h as usize * 3];
    {
        let root = crate::static_images::png_area(&mut buffer, (w, h), ratio);
        draw_share_card(&root, model, model.language, &Theme::light())
            .map_err(|e| anyhow!("drawing the share card: {e}"))?;
    }
    let file = std::fs::File::create(path)?;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Best);
    encoder.write_header()?.write_image_data(&buffer)?;
    Ok(())
}

/// The data file a page shows first: its first `data-rankclimb="data/NAME.json"`.
fn story_of(page: &str) -> Option<&str> {
    let start = page.find(" data-rankclimb=\"data/")? + " data-rankclimb=\"data/".len();
    let len = page[start..].find(".json\"")?;
    Some(&page[start..start + len]).filter(|n| !n.contains(['/', '"', '.']))
}

/// Cards, oEmbed answers and share tags for `dist/` (after the static pictures, whose fonts
/// it uses; before the first looks are written into the pages, which it finds by their
/// `data-prerender` mark).
pub fn write_all(dist: &Path, base: Option<&str>, font_ratio: f64) -> Result<()> {
    step("drawing each story's share card (1200×630) and writing its oEmbed answer and share tags");
    let prefix = base.unwrap_or("");
    for entry in std::fs::read_dir(dist.join("data"))? {
        let path = entry?.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        if stem.contains('.') {
            continue;
        }
        let model = load_file(&path)
            .map_err(|e| anyhow!("{}: {}", path.display(), e.lines().join("; ")))?;
        write_card(
            &model,
            &path.with_file_name(format!("{stem}.card.png")),
            font_ratio,
        )?;
        std::fs::write(
            path.with_file_name(format!("{stem}.oembed.json")),
            oembed_json(&model, stem, prefix),
        )?;
    }
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        let Some(page_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !page_name.ends_with(".html") {
            continue;
        }
        let page = std::fs::read_to_string(&path)?;
        if !page.contains(" data-prerender") {
            continue;
        }
        let Some(stem) = story_of(&page) else {
            continue;
        };
        let model = load_file(&dist.join("data").join(format!("{stem}.json")))
            .map_err(|e| anyhow!("{stem}: {}", e.lines().join("; ")))?;
        let tags = share_tags(&model, stem, prefix, page_name);
        let Some(head_end) = page.find("</head>") else {
            bail!("{page_name} has no </head> for its share tags");
        };
        std::fs::write(
            &path,
            format!("{}  {tags}{}", &page[..head_end], &page[head_end..]),
        )?;
    }
    if base.is_none() {
        step("no public base URL (cargo xtask dist --base-url URL, or base_url in www/site.json): the pages' og:url, og:image and canonical links and the oEmbed answers' URLs are left relative, which share crawlers and oEmbed consumers cannot follow");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_url_must_be_http_and_ends_with_a_slash() {
        assert_eq!(
            normalise_base("https://news.example/graphics").unwrap(),
            "https://news.example/graphics/"
        );
        assert!(normalise_base("javascript:alert(1)").is_err());
        assert!(normalise_base("https://a.example/\"><script>").is_err());
        assert!(normalise_base("/graphics/").is_err());
    }

    #[test]
    fn a_page_names_its_story_by_its_first_data_file() {
        assert_eq!(
            story_of(r#"<div data-rankclimb="data/pingdingshan.json" data-prerender>"#),
            Some("pingdingshan")
        );
        assert_eq!(story_of(r#"<div data-rankclimb="data/../x.json">"#), None);
        assert_eq!(story_of("<p>no chart</p>"), None);
    }
}
