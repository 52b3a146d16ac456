//! Accessibility beyond the audit: every value in Chromium's accessibility tree with the tables
//! closed, forced colours in both themes, the chart within two Tab presses, and every page
//! reflowing to 320 px.

use crate::harness::{screenshot_dir, Browser, Options};
use serde_json::{json, Value};

/// Every table row of the page's accessibility tree, as Chromium builds it (CDP
/// `Accessibility.getFullAXTree`, shadow roots included): the names of its header and cells.
async fn ax_rows(b: &Browser) -> Vec<Vec<String>> {
    let tree = b.cdp_value("Accessibility.getFullAXTree", json!({})).await;
    let nodes = tree["nodes"].as_array().cloned().unwrap_or_default();
    let by_id = |id: &Value| nodes.iter().find(|n| &n["nodeId"] == id);
    let role = |n: &Value| n["role"]["value"].as_str().unwrap_or("").to_string();
    nodes
        .iter()
        .filter(|n| role(n) == "row" && n["ignored"] != Value::Bool(true))
        .map(|row| {
            row["childIds"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(by_id)
                .filter(|c| matches!(role(c).as_str(), "cell" | "rowheader" | "gridcell"))
                .map(|c| c["name"]["value"].as_str().unwrap_or("").trim().to_string())
                .collect()
        })
        .collect()
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn every_rank_is_in_the_accessibility_tree_with_the_tables_closed() {
    let b = Browser::start(Options {
        width: 1200,
        height: 900,
        ..Options::default()
    })
    .await;
    b.open("rank.html").await;
    // The tables are written when the page is first idle; closed, they stay out of sight.
    b.wait_for("return qa('.rankclimb-tables table').length > 0", 5000)
        .await;
    assert_eq!(
        b.js("return q('.rankclimb-tables').classList.contains('rankclimb-sr-only') && q('.rankclimb-tables').getBoundingClientRect().height <= 1")
            .await,
        json!(true),
        "the tables are closed"
    );
    b.cdp("Accessibility.enable", json!({})).await;
    let rows = ax_rows(&b).await;
    // Each known rank paired with its year in a row the tree exposes; the unknown years too.
    for (year, rank) in [
        ("2016", "118"),
        ("2019", "98"),
        ("2020", "88"),
        ("2021", "74"),
        ("2017", "排名不详"),
        ("2018", "排名不详"),
    ] {
        assert!(
            rows.iter()
                .any(|r| r.first().map(String::as_str) == Some(year)
                    && r.get(1).map(String::as_str) == Some(rank)),
            "no row pairs {year} with {rank} in the accessibility tree: {rows:?}"
        );
    }
    b.close().await;
}

/// The chart's background and the system's Canvas colour, as the page resolves them.
const CANVAS_AND_SYSTEM: &str = "const c = q('.rankclimb-canvas'); const d = c.getContext('2d').getImageData(2, 2, 1, 1).data;
     const probe = document.createElement('span'); probe.style.backgroundColor = 'Canvas'; document.body.append(probe);
     const sys = getComputedStyle(probe).backgroundColor; probe.remove();
     const inBox = document.createElement('span'); inBox.style.backgroundColor = 'Canvas'; q('.rankclimb-box').append(inBox);
     const boxed = getComputedStyle(inBox).backgroundColor; inBox.remove();
     return [[d[0], d[1], d[2]], sys, boxed, q('figure.rankclimb').dataset.theme];";

#[tokio::test]
#[ignore = "needs dist/, Chromium and axe-core: run `cargo xtask test`"]
async fn forced_colours_recolour_the_page_and_the_chart_in_both_themes() {
    let axe = std::fs::read_to_string(
        std::env::var_os("RANKCLIMB_AXE").expect("RANKCLIMB_AXE: run `cargo xtask test`"),
    )
    .expect("axe-core");
    for scheme in ["light", "dark"] {
        let b = Browser::start(Options {
            width: 1200,
            height: 1000,
            ..Options::default()
        })
        .await;
        b.emulate_media(&[
            ("forced-colors", "active"),
            ("prefers-color-scheme", scheme),
        ])
        .await;
        b.open("index.html").await;
        b.wait_for_entry_animation().await;
        b.screenshot(&format!("forced-colours-{scheme}.png")).await;
        let seen = b.js(CANVAS_AND_SYSTEM).await;
        let pixel: Vec<u64> = serde_json::from_value(seen[0].clone()).expect("pixel");
        let system = seen[1].as_str().unwrap_or("").to_string();
        let want = format!("rgb({}, {}, {})", pixel[0], pixel[1], pixel[2]);
        assert_eq!(
            want, system,
            "{scheme}: the chart's background is the system's Canvas colour ({seen}); console: {:?}",
            b.console_errors().await
        );
        b.js(&axe).await;
        let found = b
            .js_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } })
                   .then(r => done(r.violations.map(v => v.nodes.map(n => n.target.join(' ')))))
                   .catch(e => done([String(e)]));",
            )
            .await;
        assert_eq!(found, json!([]), "{scheme}: text fails contrast: {found}");
        b.close().await;
    }
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_chart_is_two_tab_presses_from_the_page_top() {
    let b = Browser::start(Options::default()).await;
    for page in ["rank.html", "article.html", "data/pingdingshan.frame.html"] {
        b.open(page).await;
        let mut presses = 0;
        while presses < 2 {
            b.press(fantoccini::key::Key::Tab).await;
            presses += 1;
            if b.js("return active() && active().classList.contains('rankclimb-canvas')")
                .await
                == json!(true)
            {
                break;
            }
        }
        assert_eq!(
            b.js("return active() && active().classList.contains('rankclimb-canvas')")
                .await,
            json!(true),
            "{page}: the chart after {presses} Tab presses; focused instead: {}",
            b.js("return active() ? active().outerHTML.slice(0, 120) : null")
                .await
        );
    }
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn every_page_reflows_to_320_px() {
    let b = Browser::start(Options {
        width: 320,
        height: 700,
        scale: 2.0,
        touch: true,
        ..Options::default()
    })
    .await;
    let mut pages: Vec<String> = std::fs::read_dir(crate::harness::dist_dir())
        .expect("dist/")
        .chain(std::fs::read_dir(crate::harness::dist_dir().join("data")).expect("dist/data"))
        .filter_map(|e| {
            let p = e.ok()?.path();
            let name = p
                .strip_prefix(crate::harness::dist_dir())
                .ok()?
                .to_str()?
                .to_string();
            (name.ends_with(".html") && !name.ends_with(".embed.html")).then_some(name)
        })
        .collect();
    pages.sort();
    assert!(pages.len() >= 8, "{pages:?}");
    let mut wide = Vec::new();
    for page in &pages {
        b.navigate(page).await;
        b.wait_for("return document.readyState === 'complete'", 10_000)
            .await;
        b.page_frames(3).await;
        let width = b.js("return document.scrollingElement.scrollWidth").await;
        if width != json!(320) {
            wide.push(format!("{page}: {width}"));
        }
    }
    let _ = screenshot_dir();
    assert!(wide.is_empty(), "wider than 320 px: {wide:?}");
    b.close().await;
}
