//! No jump in the host page: the article's text below a chart stays where it was first
//! painted when the chart mounts, on a phone and on a desktop.

use crate::chromium::Cdp;
use crate::harness::{dist_dir, Browser, Fixture, Options};
use serde_json::{json, Value};

/// Installed before the page's own scripts: every layout shift the browser scores, and the
/// page position of the first paragraph after the chart, sampled on every frame from the first one
/// in which it exists (a new entry only when it moves).
const RECORDER: &str = "
window.__shifts = [];
window.__shifted = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) {
    window.__shifts.push(e.value);
    for (const s of e.sources) {
      const r = (b) => [b.x, b.y, b.width, b.height].map(Math.round).join(',');
      window.__shifted.push(`${s.node ? s.node.nodeName + '.' + (s.node.className || '') : '?'} ${r(s.previousRect)} -> ${r(s.currentRect)}`);
    }
  }
}).observe({ type: 'layout-shift', buffered: true });
window.__tops = [];
(function sample() {
  const after = document.querySelector('[data-rankclimb] ~ p');
  if (after) {
    const top = Math.round((after.getBoundingClientRect().top + scrollY) * 10) / 10;
    if (window.__tops.at(-1) !== top) window.__tops.push(top);
  }
  requestAnimationFrame(sample);
})();
";

/// A host page with text above and below one chart; `inner` goes inside its element.
fn host_page(inner: &str) -> String {
    format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <link rel=\"icon\" href=\"/favicon.svg\"><link rel=\"stylesheet\" href=\"/page.css\"></head>\
         <body><main class=\"article\"><p>平顶山高新区综合排名较2020年度提升14个位次。</p>\
         {inner}<p>平顶山高新区5年时间从第118名跃升至第74名。</p></main></body></html>"
    )
}

fn story() -> String {
    std::fs::read_to_string(dist_dir().join("data/pingdingshan.json")).expect("the story")
}

/// What a newsroom pastes: `data/pingdingshan.embed.html` as `cargo xtask dist` wrote it.
fn snippet() -> String {
    std::fs::read_to_string(dist_dir().join("data/pingdingshan.embed.html"))
        .expect("dist/data/pingdingshan.embed.html: run `cargo xtask dist`")
}

/// Open a page and return the positions the text below the chart took from its first
/// frame until the chart's first frame, and the layout shifts scored.
async fn moves_of(b: &Browser, page: &str) -> (Vec<f64>, Vec<f64>) {
    b.open(page).await;
    // `open` waits for the loader to finish, after the chart drew its first frame; a few more
    // frames let the browser score what that frame moved.
    b.wait_for("return !!q('.rankclimb-canvas')", 5000).await;
    b.page_frames(3).await;
    let numbers = |v: Value| -> Vec<f64> {
        v.as_array()
            .expect("an array")
            .iter()
            .map(|n| n.as_f64().expect("a number"))
            .collect()
    };
    (
        numbers(b.js("return window.__tops").await),
        numbers(b.js("return window.__shifts").await),
    )
}

async fn text_below_stays_put(options: Options, label: &str) {
    let b = Browser::start(Options {
        fixtures: vec![
            Fixture::html("/pasted.html", host_page(&snippet())),
            Fixture::html(
                "/unreserved.html",
                host_page(r#"<div data-rankclimb="late/pingdingshan.json"></div><script type="module" src="rankclimb.js"></script>"#),
            ),
            // Late enough that the page is surely painted before the chart mounts, even with
            // everything else in the cache.
            Fixture {
                delay_ms: 400,
                ..Fixture::json("/late/pingdingshan.json", story())
            },
        ],
        ..options
    })
    .await;
    b.client
        .issue_cmd(Cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": RECORDER }),
        ))
        .await
        .expect("install the recorder");
    for page in ["article.html", "pasted.html"] {
        let (tops, shifts) = moves_of(&b, page).await;
        assert_eq!(
            tops.len(),
            1,
            "{label}, {page}: the text below the chart moved: page positions {tops:?}"
        );
        let shifted = b.js("return window.__shifted").await;
        assert!(
            shifts.is_empty(),
            "{label}, {page}: layout shifts scored {shifts:?}: {shifted}"
        );
    }
    // The same element without the prerendered box: the measure sees the jump it prevents
    // (the browser scores it only where the moved text is in view).
    let (tops, _) = moves_of(&b, "unreserved.html").await;
    assert!(
        tops.len() > 1 && tops[tops.len() - 1] - tops[0] > 300.0,
        "{label}: an unreserved chart pushes the text down: {tops:?}"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_text_below_a_chart_does_not_move_when_it_mounts_on_a_phone() {
    text_below_stays_put(crate::phone::phone(), "phone, 390 px").await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_text_below_a_chart_does_not_move_when_it_mounts_on_a_desktop() {
    text_below_stays_put(
        Options {
            width: 1280,
            height: 900,
            ..Options::default()
        },
        "desktop, 1280 px",
    )
    .await;
}
