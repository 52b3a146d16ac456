//! The newsroom's toolbox in the browser: scrollytelling steps in the demo article, the
//! `<rank-climb>` element with live attributes and events, and the share tags and oEmbed
//! answer `cargo xtask dist` writes for each story page.

use crate::harness::{dist_dir, Browser, Fixture, Options, LINE_RGB};
use crate::{CANVAS, LIVE};
use serde_json::{json, Value};

/// Scroll with the real mouse wheel until the middle of `selector` is at the middle of the
/// screen (within a few pixels).
async fn wheel_to_middle(b: &Browser, selector: &str) {
    for _ in 0..12 {
        let off = b
            .js(&format!(
                "const r = q('{selector}').getBoundingClientRect(); return (r.top + r.height / 2) - innerHeight / 2;"
            ))
            .await
            .as_f64()
            .expect("offset");
        if off.abs() < 4.0 {
            return;
        }
        b.cdp(
            "Input.dispatchMouseEvent",
            json!({ "type": "mouseWheel", "x": 40, "y": 300, "deltaX": 0, "deltaY": off.round() }),
        )
        .await;
        b.page_frames(3).await;
    }
    panic!("{selector} did not reach the middle of the screen");
}

/// The live region's texts, one entry per change, and the years `rankclimb:year` told.
const RECORDER: &str = "window.__said = []; window.__years = [];
  const live = q('.rankclimb-live');
  new MutationObserver(() => window.__said.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  document.addEventListener('rankclimb:year', (e) => window.__years.push(e.detail.year));";

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn scrolling_the_articles_steps_moves_the_chart_to_their_years_and_back() {
    let b = Browser::start(Options {
        width: 1200,
        height: 900,
        ..Options::default()
    })
    .await;
    b.open("article.html").await;
    b.js(RECORDER).await;
    let step = |year: i32| format!("[data-rankclimb-step=\"{year}\"]");
    for (year, rank) in [
        (2016, "第118名"),
        (2019, "第98名"),
        (2021, "第74名"),
        (2016, "第118名"),
    ] {
        wheel_to_middle(&b, &step(year)).await;
        b.wait_for(
            &format!(
                "/* {year} */ const t = q('{LIVE}').textContent; return t.startsWith('{year}年度') && t.includes('{rank}');"
            ),
            3000,
        )
        .await;
        assert_eq!(
            b.js(&format!(
                "return q('{}').classList.contains('rankclimb-step-active')",
                step(year)
            ))
            .await,
            true,
            "the step for {year} is marked as the one shown"
        );
        // The chart stays in view beside the steps (sticky on a wide screen).
        let chart = b
            .js("const r = q('[data-rankclimb]').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2;")
            .await;
        assert_eq!(chart, true, "the chart is in view at the step for {year}");
    }
    let said = b.js("return window.__said").await;
    let said: Vec<&str> = said
        .as_array()
        .expect("texts")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        said.windows(2).all(|w| w[0] != w[1]),
        "each step is announced once: {said:?}"
    );
    let years = b.js("return window.__years").await;
    let years: Vec<i64> = years
        .as_array()
        .expect("years")
        .iter()
        .filter_map(Value::as_i64)
        .collect();
    assert_eq!(
        years.first(),
        Some(&2016),
        "rankclimb:year told the years: {years:?}"
    );
    assert_eq!(years.last(), Some(&2016), "and back: {years:?}");
    assert!(
        years.contains(&2019) && years.contains(&2021),
        "rankclimb:year told the years: {years:?}"
    );
    b.screenshot("scrolly-article-1200.png").await;
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

/// A blank page with only the element and the loader.
fn element_page() -> String {
    "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"/favicon.svg\"><title>rank-climb</title></head>\
     <body><main><h1>rank-climb</h1>\
     <script>window.__ready = 0; document.addEventListener('rankclimb:ready', (e) => { if (e.detail.chart) window.__ready++; });</script>\
     <rank-climb src=\"/data/pingdingshan.json\" view=\"rank\"></rank-climb></main>\
     <script type=\"module\" src=\"/rankclimb.js\"></script></body></html>"
        .to_string()
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_rank_climb_element_draws_follows_its_attributes_and_tells_its_year() {
    let b = Browser::start(Options {
        fixtures: vec![Fixture::html("/element.html", element_page())],
        ..Options::default()
    })
    .await;
    b.open("element.html").await;
    assert_eq!(
        b.js("return document.documentElement.dataset.rankclimbReady")
            .await,
        "1"
    );
    assert_eq!(
        b.js("return window.__ready").await,
        1,
        "rankclimb:ready fired once"
    );
    b.wait_for("return q('rank-climb').rankclimb.progress >= 1", 15_000)
        .await;
    assert!(
        b.pixels_of(CANVAS, LINE_RGB).await > 500,
        "the element drew the climb"
    );
    assert!(b.text(".rankclimb-title").await.contains("平顶山高新区"));
    // A real pointer on 2020: the element tells the host the year.
    b.js("window.__years = []; q('rank-climb').addEventListener('rankclimb:year', (e) => window.__years.push(e.detail.year));")
        .await;
    let p = b
        .js("return q('rank-climb').rankclimb.pointOf(2020);")
        .await;
    let (x, y) = (p[0].as_f64().expect("x"), p[1].as_f64().expect("y"));
    b.pointer_to(CANVAS, x, y).await;
    b.wait_for("return window.__years.at(-1) === 2020", 3000)
        .await;
    // Its attributes are live.
    b.js("q('rank-climb').setAttribute('lang', 'en')").await;
    b.wait_for(
        "return q('.rankclimb-title').textContent.includes('44 places')",
        3000,
    )
    .await;
    b.js("q('rank-climb').setAttribute('theme', 'dark')").await;
    b.wait_for("return q('rank-climb').rankclimb.theme === 'dark'", 3000)
        .await;
    let background = b
        .js(&format!(
            "const c = q('{CANVAS}'); return Array.from(c.getContext('2d').getImageData(2, 2, 1, 1).data);"
        ))
        .await;
    assert!(
        background[0].as_u64().expect("red") < 60,
        "the canvas is drawn dark: {background}"
    );
    b.js("q('rank-climb').removeAttribute('theme')").await;
    b.wait_for("return q('rank-climb').rankclimb.theme === 'light'", 3000)
        .await;
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

/// `content` of the first `<meta property|name="key">`, or `href` of the first
/// `<link rel="key">`, in a page's head.
fn head_value(page: &str, key: &str) -> Option<String> {
    let head = &page[..page.find("</head>")?];
    for (open, attr) in [
        (format!("property=\"{key}\" content=\""), ""),
        (format!("name=\"{key}\" content=\""), ""),
        (format!("rel=\"{key}\""), "href=\""),
    ] {
        if let Some(at) = head.find(&open) {
            let rest = &head[at + open.len()..];
            let rest = if attr.is_empty() {
                rest
            } else {
                &rest[rest.find(attr)? + attr.len()..]
            };
            return Some(rest[..rest.find('"')?].to_string());
        }
    }
    None
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let n = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (n(16), n(20))
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn each_story_page_has_a_share_card_and_an_oembed_answer_whose_iframe_draws() {
    let dist = dist_dir();
    let mut oembed_html = None;
    for page_name in ["index.html", "article.html", "rank.html", "example.html"] {
        let page = std::fs::read_to_string(dist.join(page_name)).expect("page");
        let value = |key: &str| {
            head_value(&page, key).unwrap_or_else(|| panic!("{page_name} has no {key}"))
        };
        assert_eq!(value("twitter:card"), "summary_large_image", "{page_name}");
        assert!(!value("og:title").is_empty() && !value("og:description").is_empty());
        assert_eq!(value("og:url"), value("canonical"), "{page_name}");
        assert!(value("canonical").ends_with(page_name), "{page_name}");
        let image = value("og:image");
        assert!(image.ends_with(".card.png"), "{page_name}: {image}");
        let card = std::fs::read(dist.join(&image)).expect("the card is in dist/");
        assert_eq!(png_size(&card), (1200, 630), "{page_name}: {image}");
        assert_eq!(value("og:image:width"), "1200");
        assert_eq!(value("og:image:height"), "630");
        let link = page
            .split("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_else(|| panic!("{page_name} has no oEmbed discovery link"));
        let answer: Value = serde_json::from_str(
            &std::fs::read_to_string(dist.join(link)).expect("the oEmbed answer"),
        )
        .expect("JSON");
        for field in [
            "type",
            "version",
            "title",
            "provider_name",
            "width",
            "height",
            "thumbnail_url",
            "thumbnail_width",
            "thumbnail_height",
            "html",
        ] {
            assert!(answer.get(field).is_some(), "{link} has no {field}");
        }
        assert_eq!(answer["type"], "rich");
        assert_eq!(answer["version"], "1.0");
        assert_eq!(answer["thumbnail_url"], image.as_str());
        assert_eq!(
            (
                answer["thumbnail_width"].as_u64(),
                answer["thumbnail_height"].as_u64()
            ),
            (Some(1200), Some(630))
        );
        let html = answer["html"].as_str().expect("html");
        assert!(
            html.contains("<iframe")
                && html.contains(" title=\"")
                && html.contains("loading=\"lazy\"")
                && html.contains("rankclimb-iframe.js"),
            "{link}: {html}"
        );
        if page_name == "index.html" {
            oembed_html = Some(html.to_string());
        }
    }
    // The answer's html, alone in a blank host page, draws the chart and takes its height.
    let html = oembed_html.expect("index.html's oEmbed answer");
    let host = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"/favicon.svg\"><title>host</title></head><body><main><h1>Host</h1>{html}</main></body></html>"
    );
    let b = Browser::start(Options {
        width: 900,
        height: 1200,
        fixtures: vec![Fixture::html("/oembed-host.html", host)],
        ..Options::default()
    })
    .await;
    b.navigate("oembed-host.html").await;
    b.wait_for(
        "const d = document.querySelector('iframe').contentDocument; return !!d && d.documentElement.dataset.rankclimbReady === '1';",
        15_000,
    )
    .await;
    b.wait_for(
        "const d = document.querySelector('iframe').contentDocument; const c = d.querySelector('[data-rankclimb]').shadowRoot.querySelector('.rankclimb-canvas');
         if (!c || !c.width) return false;
         const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
         let n = 0; for (let i = 0; i < px.length; i += 4) if (px[i] === 194 && px[i + 1] === 65 && px[i + 2] === 12) n++;
         return n > 500;",
        15_000,
    )
    .await;
    b.wait_for(
        "const f = document.querySelector('iframe'); return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.getBoundingClientRect().height) <= 2;",
        5000,
    )
    .await;
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}
