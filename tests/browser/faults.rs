//! Bad input and broken conditions, each in a real Chromium: the reader always gets a
//! message where the chart would be, never a blank box, and nothing in the data runs.

use crate::harness::{embed_page, Browser, Fixture, Options};
use fantoccini::key::Key;
use serde_json::Value;
use std::time::Duration;

const STORY: &str = include_str!("../../www/data/pingdingshan.json");
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

fn with(fixtures: Vec<Fixture>) -> Options {
    Options {
        fixtures,
        ..Options::default()
    }
}

async fn error_text(b: &Browser) -> String {
    b.wait_for("return q('.rankclimb-error') !== null", 15_000)
        .await;
    b.text(".rankclimb-error").await
}

const FETCH_ZH: &str = "图表数据未能加载，请稍后刷新页面重试。";
const DATA_ZH: &str = "图表数据有误，暂时无法显示。";
const WASM_ZH: &str = "交互图表未能启动，以下是它的静态版本。";

/// What the reader is told is one of the reader's sentences, and holds nothing of the
/// author's detail: no file or JSON path, status, exception or tool.
fn assert_reader_sentence(shown: &str, expected: &str) {
    assert_eq!(shown.trim(), expected);
    for internal in [
        "/", ".json", ".rs", "ranking", "HTTP", "404", "Error", "error:", "panicked", "cargo",
        "wasm",
    ] {
        assert!(!shown.contains(internal), "{internal:?} in {shown:?}");
    }
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn failed_fetches_say_why_in_place() {
    let b = Browser::start(with(vec![
        Fixture::html("/t/missing.html", embed_page(&["/data/nope.json"], "")),
        Fixture::html(
            "/t/slow.html",
            embed_page(&["/t/slow.json"], "data-timeout=\"800\""),
        ),
        Fixture {
            delay_ms: 5000,
            ..Fixture::json("/t/slow.json", STORY)
        },
        Fixture::html("/t/notjson.html", embed_page(&["/t/notjson.json"], "")),
        Fixture::json("/t/notjson.json", "<html>Server error</html>"),
    ]))
    .await;
    // The reader gets one sentence; whoever runs the page finds the cause in the console.
    for (page, cause) in [
        ("t/missing.html", "/data/nope.json: HTTP 404"),
        ("t/slow.html", "no answer within 0.8 s"),
        ("t/notjson.html", "not valid JSON"),
    ] {
        b.open(page).await;
        assert_reader_sentence(&error_text(&b).await, FETCH_ZH);
        let console = b.console_errors().await.join("\n");
        assert!(console.contains(cause), "{page}: {console}");
    }
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn invalid_data_says_so_in_place_and_lists_its_problems_in_the_console() {
    let mut bad: serde_json::Value = serde_json::from_str(STORY).expect("story");
    bad["ranking"]["points"][3]["rank"] = serde_json::json!(0);
    bad["ranking"]["points"][5]["of"] = serde_json::json!(-1);
    let mut unknown: serde_json::Value = serde_json::from_str(STORY).expect("story");
    unknown["ranking"]["points"][0]["rnak"] = serde_json::json!(1);
    let b = Browser::start(with(vec![
        Fixture::html("/t/bad.html", embed_page(&["/t/bad.json"], "")),
        Fixture::json("/t/bad.json", bad.to_string()),
        Fixture::html("/t/unknown.html", embed_page(&["/t/unknown.json"], "")),
        Fixture::json("/t/unknown.json", unknown.to_string()),
    ]))
    .await;
    b.open("t/bad.html").await;
    assert_reader_sentence(&error_text(&b).await, DATA_ZH);
    // The page keeps the rules that stop an untrue chart, and names each in the console; the
    // author's tool has them all, with hints.
    let e = b.console_errors().await.join("\n");
    assert!(
        e.contains("ranking.points[3].rank") && e.contains("below 1"),
        "{e:?}"
    );
    assert!(e.contains("ranking.points[5].of"), "{e:?}");
    assert!(e.contains("cargo xtask check"), "{e:?}");
    // A misspelt field is the author's tool's concern (`cargo xtask check` rejects it); the
    // page reads the fields it knows and draws.
    b.open("t/unknown.html").await;
    b.wait_for_entry_animation().await;
    assert_eq!(b.js("return q('.rankclimb-error')").await, Value::Null);
    assert!(b.line_pixels(".rankclimb-canvas").await > 500);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn blocked_wasm_gets_a_message_not_a_blank_box() {
    let b = Browser::start(Options {
        block_wasm: true,
        ..Options::default()
    })
    .await;
    b.open("index.html").await;
    assert_reader_sentence(&error_text(&b).await, WASM_ZH);
    // The picture drawn at build time, described, and the figures as tables.
    b.wait_for(
        "const i = q('.rankclimb-fallback img'); return !!i && i.complete && i.naturalWidth === 1200 && i.alt.includes('第118名');",
        5000,
    )
    .await;
    b.wait_for("return qa('.rankclimb-fallback table').length === 7", 5000)
        .await;
    let table = b.text(".rankclimb-fallback table").await;
    assert!(
        table.contains("2020") && table.contains("88") && table.contains("河南日报"),
        "{table:?}"
    );
    b.screenshot("wasm-blocked.png").await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn wasm_refused_by_the_host_csp_shows_the_picture_and_tables() {
    // A host page whose policy allows scripts but not WebAssembly ('wasm-unsafe-eval').
    let page = embed_page(&["/data/pingdingshan.json"], "");
    // On a phone: the picture is the one-column layout drawn for narrow containers.
    let b = Browser::start(Options {
        width: 360,
        height: 800,
        scale: 2.0,
        ..with(vec![Fixture {
            csp: Some("default-src 'self'; script-src 'self'; style-src 'self'"),
            ..Fixture::html("/t/no-wasm.html", page)
        }])
    })
    .await;
    b.open("t/no-wasm.html").await;
    assert_reader_sentence(&error_text(&b).await, WASM_ZH);
    b.wait_for(
        "const i = q('.rankclimb-fallback img'); return !!i && i.complete && i.naturalWidth === 720 && i.src.endsWith('.narrow.png');",
        5000,
    )
    .await;
    b.wait_for("return qa('.rankclimb-fallback table').length === 7", 5000)
        .await;
    assert_eq!(b.js("return q('.rankclimb-canvas')").await, Value::Null);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn hostile_strings_stay_text() {
    let mut v: serde_json::Value = serde_json::from_str(STORY).expect("story");
    let img = "<img src=x onerror=\"window.__pwned=1\">";
    let script = "</script><script>window.__pwned=2</script>";
    v["title"]["zh-CN"] = serde_json::json!(format!("标题{img}"));
    v["documents"][0]["citation"]["zh-CN"] = serde_json::json!(format!("来源{script}"));
    v["documents"][0]["short"]["zh-CN"] = serde_json::json!(format!("来源{script}"));
    v["sources"][0]["passage"]["zh-CN"] = serde_json::json!(format!("“{img}”"));
    v["panels"][1]["items"][0]["label"]["zh-CN"] = serde_json::json!(format!("{img}企业"));
    v["ranking"]["points"][5]["note"]["zh-CN"] = serde_json::json!(format!("注{img}{script}"));
    let b = Browser::start(with(vec![
        Fixture::html("/t/hostile.html", embed_page(&["/t/hostile.json"], "")),
        Fixture::json("/t/hostile.json", v.to_string()),
    ]))
    .await;
    b.open("t/hostile.html").await;
    b.wait_for_entry_animation().await;
    assert_eq!(b.text(".rankclimb-title").await, format!("标题{img}"));
    assert!(b.text(".rankclimb-notes").await.contains(script));
    let p = b
        .js("return q('[data-rankclimb]').rankclimb.pointOf(2016);")
        .await;
    b.pointer_to(
        ".rankclimb-canvas",
        p[0].as_f64().expect("x"),
        p[1].as_f64().expect("y"),
    )
    .await;
    b.wait_for(
        "return q('.rankclimb-tooltip').textContent.includes('</script>')",
        2000,
    )
    .await;
    let summary = b
        .js("return qa('.rankclimb-canvas')[2].getAttribute('aria-label')")
        .await;
    assert!(
        summary.as_str().is_some_and(|s| s.contains(img)),
        "{summary}"
    );
    assert_eq!(b.js("return qa('img, script:not([src])').length").await, 0);
    assert_eq!(
        b.js("return window.__pwned === undefined").await,
        true,
        "no data string ran"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn zero_width_then_removed_mid_animation() {
    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"/favicon.svg\">\
        <link rel=\"stylesheet\" href=\"/rankclimb.css\"></head><body>\
        <div id=\"box\" style=\"width:0;overflow:hidden\"><div data-rankclimb=\"/data/pingdingshan.json\"></div></div>\
        <script type=\"module\" src=\"/rankclimb.js\"></script></body></html>";
    let b = Browser::start(with(vec![Fixture::html("/t/zero.html", page)])).await;
    b.open("t/zero.html").await;
    b.page_frames(10).await;
    assert_eq!(
        b.js("return q('[data-rankclimb]').rankclimb.dead").await,
        false
    );
    b.js("document.getElementById('box').style.width = '480px';")
        .await;
    b.wait_for(
        "const c = q('.rankclimb-canvas'); return !!c && c.width > 400 && c.getContext('2d').getImageData(0,0,c.width,c.height).data.some((v, i) => i % 4 === 0 && v < 200);",
        3000,
    )
    .await;
    // Removed mid-entry: the chart stops asking for frames and drawing, and says nothing.
    b.open("index.html").await;
    b.wait_for(
        "const p = q('[data-rankclimb]').rankclimb.progress; return p > 0.05 && p < 0.6",
        10_000,
    )
    .await;
    let at_removal = b
        .js("const h = q('[data-rankclimb]'); window.__chart = h.rankclimb; h.remove(); return h.rankclimb.progress;")
        .await;
    b.page_frames(60).await;
    let after = b.js("return window.__chart.progress").await;
    assert_eq!(
        after, at_removal,
        "the entry stopped when the chart left the page"
    );
    assert_eq!(b.js("return window.__chart.dead").await, false);
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn strict_csp_two_instances_and_a_panic_in_one() {
    let page = embed_page(&["/data/pingdingshan.json", "/data/example-city.json"], "");
    let b = Browser::start(with(vec![Fixture {
        csp: Some(CSP),
        ..Fixture::html("/t/two.html", page)
    }]))
    .await;
    b.open("t/two.html").await;
    assert_eq!(
        b.js("return document.documentElement.dataset.rankclimbReady")
            .await,
        "2"
    );
    b.wait_for_entry_animation().await;
    assert_eq!(
        b.console_errors().await,
        Vec::<String>::new(),
        "nothing is refused under the strict CSP"
    );
    let titles = b
        .js("return [...qa('.rankclimb-title')].map(t => t.textContent)")
        .await;
    assert!(
        titles[0].as_str().is_some_and(|t| t.contains("平顶山"))
            && titles[1].as_str().is_some_and(|t| t.contains("Example"))
    );
    // A panic in the first chart stops it and shows a message; the second works on.
    b.js("try { qa('[data-rankclimb]')[0].rankclimb.debugPanic(); } catch (e) { window.__caught = String(e); }").await;
    let e = b.js("return qa('[data-rankclimb]')[0].shadowRoot.querySelector('.rankclimb-error').textContent").await;
    assert_reader_sentence(
        e.as_str().unwrap_or_default(),
        "图表出现内部错误，已停止运行。",
    );
    let console = b.console_errors().await.join("\n");
    assert!(console.contains("debugPanic"), "{console}");
    assert_eq!(
        b.js("return qa('[data-rankclimb]')[0].rankclimb.dead")
            .await,
        true
    );
    let second = "qa('[data-rankclimb]')[1].shadowRoot";
    b.js(&format!(
        "{second}.querySelector('.rankclimb-canvas').focus()"
    ))
    .await;
    b.press(Key::End).await;
    let live = b
        .js(&format!(
            "return {second}.querySelector('.rankclimb-live').textContent"
        ))
        .await;
    let live = live.as_str().unwrap_or_default();
    assert!(
        live.starts_with("2021") && live.contains("21st of 169"),
        "{live:?}"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn second_example_draws_with_falls_ties_and_gaps() {
    let b = Browser::start(Options {
        width: 1000,
        height: 1600,
        ..Options::default()
    })
    .await;
    b.open("example.html").await;
    b.wait_for_entry_animation().await;
    assert!(b
        .text(".rankclimb-title")
        .await
        .starts_with("[Example data]"));
    assert!(b.line_pixels(".rankclimb-canvas").await > 500);
    b.js("q('.rankclimb-canvas').focus()").await;
    b.press(Key::Home).await;
    let mut said = Vec::new();
    for _ in 0..12 {
        said.push(b.text(".rankclimb-live").await);
        b.press(Key::Right).await;
    }
    assert!(
        said[2].contains("52nd of 130") && said[2].contains("down 14 places from 2011"),
        "{:?}",
        said[2]
    );
    assert!(said[4].contains("rank not reported"), "{:?}", said[4]);
    assert!(
        said[7].contains("unchanged from 2016") && said[7].contains("tied 40th"),
        "{:?}",
        said[7]
    );
    assert!(said[11].contains("21st of 169"), "{:?}", said[11]);
    assert!(said
        .iter()
        .all(|s| s.contains("Example data, not a real source")));
    b.screenshot("example-1000.png").await;
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn mount_destroy_cycles_and_frames_stay_within_memory_bounds() {
    let b = Browser::start(Options {
        extra_args: vec![
            "--enable-precise-memory-info".into(),
            "--js-flags=--expose-gc".into(),
        ],
        ..Options::default()
    })
    .await;
    b.client
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            Some(Duration::from_secs(240)),
            None,
            None,
        ))
        .await
        .expect("script timeout");
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    let r = b
        .js_async(
            "const done = arguments[arguments.length - 1];
             (async () => {
               const { Chart } = await import('/rankclimb.js');
               const data = await (await fetch('/data/pingdingshan.json')).json();
               const host = document.createElement('div');
               host.style.width = '600px';
               document.body.append(host);
               const cycle = async (n) => { for (let i = 0; i < n; i++) { const c = new Chart(host, data, {}); c.destroy(); c.free(); }
                 await new Promise(r => setTimeout(r, 50)); gc(); };
               const measure = () => ({ wasm: Chart.wasmMemoryBytes(), heap: performance.memory.usedJSHeapSize });
               await cycle(20);
               const before = measure();
               await cycle(200);
               const afterCycles = measure();
               const chart = q('[data-rankclimb]').rankclimb;
               chart.drawFrames(500); gc();
               const beforeFrames = measure();
               chart.drawFrames(10000); gc();
               const afterFrames = measure();
               done({ before, afterCycles, beforeFrames, afterFrames, nodes: host.childNodes.length });
             })().catch(e => done({ error: String(e) }));",
        )
        .await;
    println!("memory: {r}");
    assert!(r.get("error").is_none(), "{r}");
    let n = |a: &str, b: &str| r[a][b].as_f64().expect("number");
    assert_eq!(r["nodes"], 0, "destroy removes every element it added");
    assert!(
        n("afterCycles", "wasm") - n("before", "wasm") <= 1024.0 * 1024.0,
        "wasm memory grew by more than 1 MiB over 200 cycles: {r}"
    );
    assert!(
        n("afterCycles", "heap") - n("before", "heap") <= 2.0 * 1024.0 * 1024.0,
        "JS heap grew by more than 2 MiB over 200 cycles: {r}"
    );
    assert!(
        n("afterFrames", "wasm") - n("beforeFrames", "wasm") <= 256.0 * 1024.0,
        "wasm memory grew over 10,000 frames: {r}"
    );
    assert!(
        n("afterFrames", "heap") - n("beforeFrames", "heap") <= 2.0 * 1024.0 * 1024.0,
        "JS heap grew over 10,000 frames: {r}"
    );
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

/// On an English page: a panic, a missing data file and a refused wasm each get one English
/// sentence and none of the author's detail.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn reader_messages_are_one_sentence_in_the_pages_language() {
    let english = |files: &[&str]| embed_page(files, "").replace("lang=\"zh-CN\"", "lang=\"en\"");
    let b = Browser::start(with(vec![
        Fixture::html("/t/en-missing.html", english(&["/data/nope.json"])),
        Fixture::html("/t/en-story.html", english(&["/data/pingdingshan.json"])),
        Fixture::html("/t/en-bad.html", english(&["/t/en-bad.json"])),
        Fixture::json("/t/en-bad.json", {
            let mut bad: serde_json::Value = serde_json::from_str(STORY).expect("story");
            bad["ranking"]["points"][3]["rank"] = serde_json::json!(0);
            bad.to_string()
        }),
        Fixture {
            csp: Some("default-src 'self'; script-src 'self'; style-src 'self'"),
            ..Fixture::html("/t/en-no-wasm.html", english(&["/data/pingdingshan.json"]))
        },
    ]))
    .await;
    b.open("t/en-missing.html").await;
    assert_reader_sentence(
        &error_text(&b).await,
        "The chart’s data could not be loaded. Please reload the page later.",
    );
    b.open("t/en-bad.html").await;
    assert_reader_sentence(
        &error_text(&b).await,
        "This chart cannot be shown: its data has errors.",
    );
    b.open("t/en-no-wasm.html").await;
    assert_reader_sentence(
        &error_text(&b).await,
        "The interactive chart could not start; here is a still version.",
    );
    // The story's own language is Chinese; switched to English, a panic is told in English.
    b.open("t/en-story.html").await;
    b.js("q('[data-rankclimb]').rankclimb.setLanguage('en')")
        .await;
    b.js("try { q('[data-rankclimb]').rankclimb.debugPanic(); } catch (e) {}")
        .await;
    assert_reader_sentence(
        &error_text(&b).await,
        "The chart stopped after an internal error.",
    );
    b.close().await;
}
