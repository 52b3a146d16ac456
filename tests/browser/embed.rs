//! What a newsroom's readers bring: reduced motion, dark mode, high contrast, print, a
//! chart far down the page, and hosts that steer the chart.

use crate::harness::{embed_page, Browser, Fixture, Options};

const CANVAS: &str = ".rankclimb-canvas";

async fn pixel(b: &Browser, x: u32, y: u32) -> Vec<u64> {
    let v = b
        .js(&format!(
            "return Array.from(q('{CANVAS}').getContext('2d').getImageData({x}, {y}, 1, 1).data)"
        ))
        .await;
    v.as_array()
        .expect("pixel")
        .iter()
        .filter_map(|c| c.as_u64())
        .collect()
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn reduced_motion_shows_the_final_state_at_once() {
    let b = Browser::start(Options::default()).await;
    b.emulate_media(&[("prefers-reduced-motion", "reduce")])
        .await;
    b.open("index.html").await;
    b.wait_for(
        "return document.documentElement.dataset.rankclimbReady === '1'",
        5000,
    )
    .await;
    let at_once = b.line_pixels(CANVAS).await;
    b.wait_for_entry_animation().await;
    let later = b.line_pixels(CANVAS).await;
    assert!(
        at_once > 800,
        "the whole climb is there from the start: {at_once}"
    );
    assert_eq!(at_once, later, "nothing moves with reduced motion");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn dark_scheme_contrast_mode_and_host_overrides() {
    let pages = vec![
        Fixture::html(
            "/t/light.html",
            embed_page(&["/data/pingdingshan.json"], "data-theme=\"light\""),
        ),
        Fixture::html(
            "/t/accent.html",
            embed_page(
                &["/data/pingdingshan.json"],
                "style=\"--rankclimb-accent: #0000ff\"",
            ),
        ),
    ];
    let b = Browser::start(Options {
        fixtures: pages,
        ..Options::default()
    })
    .await;
    b.emulate_media(&[("prefers-color-scheme", "dark")]).await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    assert_eq!(
        b.js("return q('[data-rankclimb]').rankclimb.theme").await,
        "dark"
    );
    assert_eq!(pixel(&b, 2, 2).await, [17, 24, 39, 255], "a dark canvas");
    assert!(
        b.line_pixels(CANVAS).await == 0,
        "the dark palette lifts the accent colour"
    );
    let lifted = b.pixels_of(CANVAS, [251, 146, 60]).await;
    assert!(
        lifted > 800,
        "the climb is drawn in the lifted accent: {lifted}"
    );
    b.screenshot("dark.png").await;
    b.open("t/light.html").await;
    b.wait_for_entry_animation().await;
    assert_eq!(
        b.js("return q('[data-rankclimb]').rankclimb.theme").await,
        "light",
        "the host's attribute wins"
    );
    assert_eq!(pixel(&b, 2, 2).await, [255, 255, 255, 255]);
    b.emulate_media(&[("forced-colors", "active")]).await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    assert_eq!(
        b.js("return q('[data-rankclimb]').rankclimb.theme").await,
        "contrast"
    );
    // The system's colours (emulated: Canvas white, CanvasText black), no accent tint: the
    // climb in the system's Highlight.
    assert_eq!(pixel(&b, 2, 2).await, [255, 255, 255, 255]);
    assert_eq!(
        b.line_pixels(CANVAS).await,
        0,
        "no accent in forced colours"
    );
    let highlight: Vec<u8> = serde_json::from_value(
        b.js("const p = document.createElement('span'); p.style.color = 'Highlight'; document.body.append(p);
              const m = getComputedStyle(p).color.match(/\\d+/g).slice(0, 3).map(Number); p.remove(); return m;")
            .await,
    )
    .expect("Highlight as rgb");
    let climb = b
        .pixels_of(CANVAS, [highlight[0], highlight[1], highlight[2]])
        .await;
    assert!(
        climb > 500,
        "the climb is drawn in Highlight {highlight:?}: {climb}"
    );
    b.emulate_media(&[]).await;
    b.open("t/accent.html").await;
    b.wait_for_entry_animation().await;
    let blue = b
        .js(&format!("const c = q('{CANVAS}'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
             let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 20 && d[i+1] < 20 && d[i+2] > 235) n++; return n;"))
        .await;
    assert!(
        blue.as_u64().unwrap_or(0) > 500,
        "the host's --rankclimb-accent colours the line: {blue}"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn animation_waits_until_the_chart_scrolls_into_view() {
    let page = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"/favicon.svg\">\
        <link rel=\"stylesheet\" href=\"/rankclimb.css\"></head><body><div style=\"height:3000px\">Article text…</div>\
        <div data-rankclimb=\"/data/pingdingshan.json\"></div><script type=\"module\" src=\"/rankclimb.js\"></script></body></html>";
    let b = Browser::start(Options {
        fixtures: vec![Fixture::html("/t/far.html", page)],
        ..Options::default()
    })
    .await;
    b.open("t/far.html").await;
    b.page_frames(30).await;
    assert_eq!(
        b.js("return q('[data-rankclimb]').rankclimb.progress")
            .await,
        0.0,
        "off screen, the entry has not started"
    );
    // The 2021 point is drawn only once the line has reached it.
    let at_2021 = "const c = q('.rankclimb-canvas'); const h = q('[data-rankclimb]').rankclimb;
        const p = h.pointOf(2021); const s = c.width / c.clientWidth;
        const d = c.getContext('2d').getImageData(Math.round(p[0] * s), Math.round(p[1] * s), 1, 1).data; return [d[0], d[1], d[2]];";
    assert_ne!(
        b.js(at_2021).await,
        serde_json::json!([194, 65, 12]),
        "off screen, the entry waits"
    );
    b.js(&format!("q('{CANVAS}').scrollIntoView()")).await;
    b.wait_for_entry_animation().await;
    assert_eq!(
        b.js(at_2021).await,
        serde_json::json!([194, 65, 12]),
        "on screen, the climb draws to 2021"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn host_controls_table_csv_and_print() {
    let b = Browser::start(Options {
        width: 1000,
        height: 1800,
        ..Options::default()
    })
    .await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    let full = b.line_pixels(CANVAS).await;
    b.js("q('[data-rankclimb]').rankclimb.goToYear(2019)").await;
    let at_2019 = b.line_pixels(CANVAS).await;
    assert!(
        at_2019 < full,
        "held at 2019, the line stops there: {at_2019} < {full}"
    );
    let bad = b.js("try { q('[data-rankclimb]').rankclimb.goToYear(1999); return 'no error'; } catch (e) { return String(e); }").await;
    assert!(
        bad.as_str()
            .is_some_and(|e| e.contains("1999 is not a year")),
        "{bad}"
    );
    // The replay button, clicked for real, plays the entry again.
    b.find(".rankclimb-replay")
        .await
        .click()
        .await
        .expect("click");
    b.wait_for_entry_animation().await;
    let replayed = b.line_pixels(CANVAS).await;
    assert!(
        replayed * 50 >= full * 49,
        "the replay ends on the whole climb: {replayed} of {full}"
    );
    // Tables: in the page for screen readers from the start, shown on request.
    assert_eq!(b.js("return qa('.rankclimb-tables table').length").await, 7);
    assert_eq!(
        b.js("return q('.rankclimb-tables').getBoundingClientRect().height <= 1")
            .await,
        true
    );
    let toggle = b.find(".rankclimb-table-toggle").await;
    toggle.click().await.expect("click");
    assert_eq!(
        toggle.attr("aria-expanded").await.expect("attr").as_deref(),
        Some("true")
    );
    assert_eq!(
        b.js("return q('.rankclimb-tables').getBoundingClientRect().height > 200")
            .await,
        true
    );
    let tables = b.text(".rankclimb-tables").await;
    assert!(
        tables.contains("142.7")
            && tables.contains("2021年PM10、PM2.5浓度与优良天数")
            && !tables.contains("行：")
            && tables.contains("较2019年度上升10位"),
        "{tables:?}"
    );
    b.screenshot("tables-open.png").await;
    let csv = b
        .js("return q('[data-rankclimb]').rankclimb.csvText()")
        .await;
    assert!(
        csv.as_str()
            .is_some_and(|c| c.contains("2020,88,169,较2019年度上升10位")),
        "{csv}"
    );
    // Printing mid-animation, through the browser's own print path, shows the final state
    // and the tables, without the buttons.
    toggle.click().await.expect("close the tables");
    assert_eq!(
        b.js("return q('.rankclimb-tables').getBoundingClientRect().height <= 1")
            .await,
        true,
        "closed again before printing"
    );
    b.js("q('[data-rankclimb]').rankclimb.replay(); window.__printed = 0; addEventListener('beforeprint', () => window.__printed++);").await;
    assert!(b.print_to_pdf().await > 1000, "a PDF was printed");
    assert_eq!(
        b.js("return window.__printed").await,
        1,
        "the browser said it prints"
    );
    assert_eq!(
        b.js("return q('.rankclimb-sources').open").await,
        true,
        "the sources are printed open"
    );
    let printed = b.line_pixels(CANVAS).await;
    assert!(
        printed * 50 >= full * 49,
        "printing mid-animation shows the whole climb: {printed} of {full}"
    );
    b.emulate_print().await;
    let print_view = b
        .js("return [q('.rankclimb-tables').getBoundingClientRect().height, getComputedStyle(q('.rankclimb-actions')).display]")
        .await;
    assert!(
        print_view[0].as_f64().unwrap_or(0.0) > 200.0 && print_view[1] == "none",
        "printed: the tables shown, the buttons not: {print_view}"
    );
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[test]
#[ignore = "needs dist/ built by `cargo xtask dist`"]
fn static_pictures_are_in_dist() {
    let data = crate::harness::dist_dir().join("data");
    for stem in ["pingdingshan", "example-city"] {
        let png = std::fs::read(data.join(format!("{stem}.png"))).expect("png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{stem}.png is a PNG");
        assert_eq!(
            u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
            1200,
            "1200 px wide"
        );
        assert!(png.len() > 50_000, "{stem}.png has a picture in it");
        // The one-column layout for phones, at twice the pixels.
        let narrow = std::fs::read(data.join(format!("{stem}.narrow.png"))).expect("narrow png");
        assert_eq!(
            &narrow[..8],
            b"\x89PNG\r\n\x1a\n",
            "{stem}.narrow.png is a PNG"
        );
        assert_eq!(
            u32::from_be_bytes([narrow[16], narrow[17], narrow[18], narrow[19]]),
            720,
            "360 CSS px at ratio 2"
        );
        let svg = std::fs::read_to_string(data.join(format!("{stem}.svg"))).expect("svg");
        assert!(
            svg.starts_with("<svg") && svg.matches("<text").count() > 40,
            "{stem}.svg holds the whole infographic"
        );
        let alt = std::fs::read_to_string(data.join(format!("{stem}.alt.json"))).expect("alt");
        assert!(alt.contains("zh-CN") && alt.contains("\"en\""));
    }
    let index =
        std::fs::read_to_string(crate::harness::dist_dir().join("index.html")).expect("index");
    assert!(
        index.contains("<noscript><img src=\"data/pingdingshan.png\""),
        "the picture for readers without JavaScript"
    );
    assert!(
        index.contains("og:image\" content=\"data/pingdingshan.card.png"),
        "the picture for social shares"
    );
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn embed_test_page_two_instances_hostile_css_strict_csp() {
    let b = Browser::start(Options {
        width: 1000,
        height: 2400,
        ..Options::default()
    })
    .await;
    b.open("embed-test.html").await;
    assert_eq!(
        b.js("return document.documentElement.dataset.rankclimbReady")
            .await,
        "2"
    );
    b.js("qa('.rankclimb-canvas')[0].scrollIntoView()").await;
    b.wait_for_entry_animation().await;
    assert_eq!(
        b.console_errors().await,
        Vec::<String>::new(),
        "nothing refused under the page's CSP meta tag"
    );
    let sizes = b
        .js("return [...qa('.rankclimb-canvas')].map(c => [c.width, c.height, c.clientWidth, c.clientHeight])")
        .await;
    for s in sizes.as_array().expect("canvases") {
        let f = |i: usize| s[i].as_f64().expect("number");
        assert!(
            f(3) > 100.0,
            "the host's `height: 50px !important` does not squash the chart: {s}"
        );
        assert_eq!(
            (f(0), f(1)),
            (f(2), f(3)),
            "the backing store still matches the CSS box: {s}"
        );
    }
    // One module holds the loader and the bindings, and both instances share one wasm.
    let fetched = b
        .js("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)")
        .await;
    let fetched: Vec<&str> = fetched
        .as_array()
        .expect("resources")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(
        !fetched.contains(&"/pkg/rankclimb.js"),
        "the bindings come inside rankclimb.js: {fetched:?}"
    );
    assert_eq!(
        fetched.iter().filter(|p| p.ends_with(".wasm")).count(),
        1,
        "{fetched:?}"
    );
    // The published module is minified: smaller than the readable bindings alone, which
    // `pkg/` keeps for hosts that import them, with none of their doc comments.
    let texts = b
        .js_async(
            "(async () => { const [joined, bindings] = await Promise.all(['/rankclimb.js', '/pkg/rankclimb.js']
               .map((p) => fetch(p).then((r) => r.text())));
             arguments[arguments.length - 1]([joined.length, bindings.length, joined.includes('/**')]); })();",
        )
        .await;
    let joined = texts[0].as_u64().expect("length");
    let bindings = texts[1].as_u64().expect("length");
    assert!(
        joined < bindings && texts[2] == false,
        "rankclimb.js is {joined} characters (with doc comments: {}), the bindings alone {bindings}",
        texts[2]
    );
    // Each instance answers for itself.
    let first = b
        .js("return qa('[data-rankclimb]')[0].rankclimb.pointOf(2020)")
        .await;
    b.pointer_to(
        ".rankclimb-canvas",
        first[0].as_f64().expect("x"),
        first[1].as_f64().expect("y"),
    )
    .await;
    b.wait_for(
        "return q('.rankclimb-live').textContent.includes('第88名')",
        2000,
    )
    .await;
    let second_live = b.js("return qa('.rankclimb-live')[1].textContent").await;
    assert_eq!(
        second_live, "",
        "the second chart did not hear the first one's pointer"
    );
    assert_eq!(
        b.js("return qa('[data-rankclimb]')[1].rankclimb.theme")
            .await,
        "light"
    );
    // The host's `div { background: #ffe !important }`, `button { font-size: 30px !important }`,
    // `* { font-size: 22px }` and `table { display: none }` stop at the shadow root.
    let styles = b
        .js("const s = (sel, p) => getComputedStyle(q(sel))[p]; q('.rankclimb-table-toggle').click();
             return [s('.rankclimb-tooltip', 'backgroundColor'), s('.rankclimb-replay', 'fontSize'),
                     s('.rankclimb-title', 'fontSize'), s('.rankclimb-tables table', 'display'),
                     s('.rankclimb-stage', 'backgroundColor'), s('.rankclimb-title', 'lineHeight')]")
        .await;
    assert_eq!(
        styles,
        serde_json::json!([
            "rgb(17, 24, 39)",
            "12.8px",
            "21.6px",
            "table",
            "rgba(0, 0, 0, 0)",
            "28.08px"
        ]),
        "the chart's parts keep their own styles"
    );
    // And the chart leaves the host page as it was: no stylesheet or class of its own there.
    let host = b
        .js("return [getComputedStyle(document.querySelector('p')).fontSize, getComputedStyle(document.querySelector('p')).marginTop,
                     [...document.styleSheets].map(s => s.href || 'inline').filter(h => !h.endsWith('hostile-host.css')),
                     document.querySelectorAll('[class*=rankclimb]').length]")
        .await;
    assert_eq!(
        host,
        serde_json::json!(["22px", "0px", [], 0]),
        "the host page's own styles are untouched"
    );
    b.screenshot("embed-test.png").await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn iframe_embed_takes_the_height_of_its_content() {
    let host = "<!doctype html><html><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"/favicon.svg\"></head><body>\
        <p>Article text before the chart.</p>\
        <iframe data-rankclimb-iframe src=\"/embed.html?data=data/pingdingshan.json\" title=\"平顶山高新区排名\" style=\"width:100%;border:0\"></iframe>\
        <iframe data-rankclimb-iframe src=\"/embed.html?data=data/example-city.json&amp;lang=en\" title=\"Example\" style=\"width:480px;border:0\"></iframe>\
        <script src=\"/rankclimb-iframe.js\"></script></body></html>";
    let b = Browser::start(Options {
        width: 1000,
        height: 1200,
        fixtures: vec![Fixture::html("/t/iframe.html", host)],
        ..Options::default()
    })
    .await;
    // The host page has no loader of its own: only the frames do.
    b.client
        .goto(&format!("{}/t/iframe.html", b.base))
        .await
        .expect("navigate");
    // Both frames settle at their content's height, each its own.
    let settled = "const f = [...qa('iframe')]; return f.every(x => { const d = x.contentDocument;
        return d && d.documentElement.dataset.rankclimbReady === '1' && Math.abs(x.getBoundingClientRect().height - d.documentElement.getBoundingClientRect().height) <= 2
          && x.getBoundingClientRect().height > 600; });";
    b.wait_for(settled, 10_000).await;
    let heights = b
        .js("return [...qa('iframe')].map(x => x.getBoundingClientRect().height)")
        .await;
    let h = |i: usize| heights[i].as_f64().expect("height");
    // Each frame its own height (the story with its six plots, the example's three in a
    // narrower, one-column frame): neither takes the other's.
    assert!(
        (h(1) - h(0)).abs() > 50.0,
        "each frame takes its own content's height: {heights}"
    );
    let inner = b.js("return qa('iframe')[1].contentDocument.querySelector('[data-rankclimb]').shadowRoot.querySelector('.rankclimb-title').textContent").await;
    assert!(
        inner
            .as_str()
            .is_some_and(|t| t.starts_with("[Example data]")),
        "{inner}"
    );
    b.close().await;
}
