//! An accessibility audit of the built pages with axe-core (WCAG 2.1 A and AA, and best
//! practice), light and dark, on a desktop and a phone width. `cargo xtask test` installs
//! axe-core from the npm registry and names its file in `RANKCLIMB_AXE`.

use crate::harness::{Browser, Options};

fn axe_source() -> String {
    let path = std::env::var_os("RANKCLIMB_AXE")
        .expect("RANKCLIMB_AXE is not set: run the browser tests through `cargo xtask test`");
    std::fs::read_to_string(&path).expect("read axe-core")
}

/// axe-core's violations on the page as it is now (axe already loaded into it): rule,
/// impact, and the first three places.
async fn violations(b: &Browser) -> Vec<serde_json::Value> {
    let result = b
        .js_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
               .then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary).slice(0, 3)])))
               .catch(e => done([['axe failed', String(e), []]]));",
        )
        .await;
    result.as_array().cloned().unwrap_or_default()
}

#[tokio::test]
#[ignore = "needs dist/, Chromium and axe-core: run `cargo xtask test`"]
async fn no_violations_light_and_dark_at_1200_and_360_px() {
    let axe = axe_source();
    let mut found = Vec::new();
    for (width, scale) in [(1200u32, 1.0f64), (360, 2.0)] {
        for scheme in ["light", "dark"] {
            let b = Browser::start(Options {
                width,
                height: 900,
                scale,
                ..Options::default()
            })
            .await;
            b.emulate_media(&[("prefers-color-scheme", scheme)]).await;
            for page in [
                "index.html",
                "example.html",
                "article.html",
                "rank.html",
                "embed.html?data=data/example-city.json",
                "data/pingdingshan.frame.html",
                "data/example-city.frame.html",
                "embed-test.html",
            ] {
                b.open(page).await;
                b.wait_for_entry_animation().await;
                b.js(&axe).await;
                // The tables closed (for screen readers only), then open.
                for tables in ["closed", "open"] {
                    if tables == "open" {
                        b.find(".rankclimb-table-toggle")
                            .await
                            .click()
                            .await
                            .expect("open the tables");
                    }
                    for v in violations(&b).await {
                        found.push(format!(
                            "{page} at {width} px, {scheme}, tables {tables}: {v}"
                        ));
                    }
                }
            }
            b.close().await;
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The studio, with the story open (its form, problems and both previews), in both of its
/// interface languages.
#[tokio::test]
#[ignore = "needs dist/, Chromium and axe-core: run `cargo xtask test`"]
async fn the_studio_has_no_violations() {
    let axe = axe_source();
    let b = Browser::start(Options {
        width: 1400,
        height: 1000,
        ..Options::default()
    })
    .await;
    crate::studio::open_studio(&b).await;
    crate::studio::open_story(&b).await;
    let mut found = Vec::new();
    for ui in ["en", "zh-CN"] {
        if ui == "zh-CN" {
            b.find("#ui-lang")
                .await
                .click()
                .await
                .expect("switch the interface");
            b.wait_for("return document.documentElement.lang === 'zh-CN'", 5000)
                .await;
            b.screenshot("studio-zh-1400.png").await;
        }
        b.js(&axe).await;
        for v in violations(&b).await {
            found.push(format!("studio ({ui}): {v}"));
        }
    }
    b.close().await;
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The first look, before the wasm arrives: the still, the disabled buttons and the notes
/// are what a reader has then, on the page and in the pasted snippet's iframe page.
#[tokio::test]
#[ignore = "needs dist/, Chromium and axe-core: run `cargo xtask test`"]
async fn the_first_look_before_the_wasm_has_no_violations() {
    let axe = axe_source();
    let mut found = Vec::new();
    for page in ["rank.html", "article.html", "data/pingdingshan.frame.html"] {
        let b = Browser::start(Options {
            width: 1200,
            height: 900,
            hold_wasm: true,
            ..Options::default()
        })
        .await;
        b.navigate(page).await;
        b.wait_for(
            "return !!q('.rankclimb-still') && document.readyState !== 'loading'",
            10_000,
        )
        .await;
        b.js(&axe).await;
        for v in violations(&b).await {
            found.push(format!("{page} before the wasm: {v}"));
        }
        b.release_wasm();
        b.close().await;
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
