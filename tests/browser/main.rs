//! The built page in a real headless Chromium, driven with real pointer, touch and
//! keyboard events. Run through `cargo xtask test`, which builds `dist/` first.

mod accessibility;
mod annotations;
mod audit;
mod callbacks;
mod chromium;
mod embed;
mod faults;
mod first_paint;
mod harness;
mod hydration;
mod newsroom;
mod panels;
mod peers;
mod phone;
mod sources;
mod studio;

use fantoccini::key::Key;
use harness::{Browser, Options};

/// The bundled story, as the reader's chart reads it.
fn common_story() -> rankclimb::Model {
    let json = include_str!("../../www/data/pingdingshan.json");
    rankclimb::validate(rankclimb::check::load::parse_json(json).expect("json")).expect("valid")
}

const CANVAS: &str = ".rankclimb-canvas";
const LIVE: &str = ".rankclimb-live";
const TOOLTIP: &str = ".rankclimb-tooltip";

async fn point_of(b: &Browser, year: i32) -> (f64, f64) {
    let p = b
        .js(&format!(
            "return q('[data-rankclimb]').rankclimb.pointOf({year});"
        ))
        .await;
    (p[0].as_f64().expect("x"), p[1].as_f64().expect("y"))
}

fn digits_outside_years(text: &str, years: &[&str]) -> String {
    let mut t = text.to_string();
    for y in years {
        t = t.replace(y, "");
    }
    t.chars().filter(|c| c.is_ascii_digit()).collect()
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn chart_animates_in_and_is_not_blank() {
    let b = Browser::start(Options::default()).await;
    b.open("index.html").await;
    // Mid-entry: part of the line is drawn, not all of it.
    b.wait_for(
        "const p = q('[data-rankclimb]').rankclimb.progress; return p > 0.2 && p < 0.7",
        10_000,
    )
    .await;
    let early = b.line_pixels(CANVAS).await;
    b.wait_for_entry_animation().await;
    let done = b.line_pixels(CANVAS).await;
    b.screenshot("rank-chart-1000.png").await;
    assert!(
        done > 800,
        "the finished chart should show the climb line in its colour, found {done} pixels"
    );
    assert!(
        early > 50 && early < done,
        "the line should draw in over time: {early} line pixels early, {done} at the end"
    );
    // The unpublished years' band between 2016 and 2019: its fill and its dashed edges (drawn
    // once on a canvas of the band's size and copied in as the line passes).
    let band = b
        .js(&format!(
            "const c = q('{CANVAS}'); const chart = q('[data-rankclimb]').rankclimb; const r = window.devicePixelRatio;
             const a = chart.pointOf(2016), z = chart.pointOf(2019);
             const x0 = Math.round(a[0] * r), x1 = Math.round(z[0] * r);
             const y0 = Math.round(Math.min(a[1], z[1]) * r) - 20, y1 = Math.round(Math.max(a[1], z[1]) * r) + 20;
             const d = c.getContext('2d').getImageData(x0, y0, x1 - x0, y1 - y0).data;
             const near = (i, [r, g, b], t) => Math.abs(d[i] - r) <= t && Math.abs(d[i + 1] - g) <= t && Math.abs(d[i + 2] - b) <= t;
             let fill = 0, edge = 0;
             for (let i = 0; i < d.length; i += 4) {{ if (near(i, [233, 235, 239], 4)) fill++; else if (near(i, [100, 116, 139], 30)) edge++; }}
             return [fill, edge];"
        ))
        .await;
    let count = |i: usize| band[i].as_u64().expect("count");
    assert!(count(0) > 1000, "the band's fill is drawn: {band}");
    assert!(count(1) > 40, "the band's dashed edges are drawn: {band}");
    // The hover path was run once out of sight when the page idled (`warm_hover`): nothing
    // of it may show or be announced before the reader points at something.
    b.wait_for(&format!("return q('{TOOLTIP}').children.length > 1"), 5_000)
        .await;
    let quiet = b
        .js(&format!(
            "return [q('{TOOLTIP}').hidden, q('{LIVE}').textContent, q('{TOOLTIP}').children.length];"
        ))
        .await;
    assert_eq!(quiet[0], true, "no tooltip before any pointing: {quiet}");
    assert_eq!(
        quiet[1], "",
        "nothing announced before any pointing: {quiet}"
    );
    assert_eq!(
        quiet[2], 4,
        "the warm-up wrote the first year's readout (heading, rank, note, source): {quiet}"
    );
    let title = b.text(".rankclimb-title").await;
    assert!(
        title.contains("平顶山高新区"),
        "headline missing: {title:?}"
    );
    let notes = b.text(".rankclimb-notes").await;
    assert!(
        notes.contains("来源") && notes.contains("国科发火〔2022〕49号"),
        "source line missing: {notes:?}"
    );
    assert!(
        notes.contains("2021") && notes.contains("106号"),
        "2021 method footnote missing: {notes:?}"
    );
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn pointer_over_2020_shows_88_of_169() {
    let b = Browser::start(Options::default()).await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    let (x, y) = point_of(&b, 2020).await;
    // The point the code reports is really drawn there, in the line colour.
    let px = b
        .js(&format!(
            "const c = q('{CANVAS}'); const s = c.width / c.clientWidth;
             return Array.from(c.getContext('2d').getImageData(Math.round({x} * s), Math.round({y} * s), 1, 1).data);"
        ))
        .await;
    assert_eq!(
        [px[0].as_u64(), px[1].as_u64(), px[2].as_u64()],
        [Some(194), Some(65), Some(12)],
        "the 2020 point should be drawn at {x},{y}"
    );
    // A few pixels off the point still snaps to 2020.
    b.pointer_to(CANVAS, x + 6.0, y + 20.0).await;
    b.wait_for(&format!("return !q('{TOOLTIP}').hidden"), 2000)
        .await;
    let tip = b.text(TOOLTIP).await;
    assert!(
        tip.contains("2020") && tip.contains("第88名") && tip.contains("169"),
        "tooltip: {tip:?}"
    );
    assert!(
        tip.contains("上升10位"),
        "tooltip should give the change from 2019: {tip:?}"
    );
    assert!(
        tip.contains("来源"),
        "tooltip should name the source: {tip:?}"
    );
    let live = b.text(LIVE).await;
    assert!(live.contains("第88名"), "announcement: {live:?}");
    b.screenshot("rank-chart-hover-2020.png").await;

    // The same reading in English, after a real click on the language button.
    b.find(".rankclimb-lang")
        .await
        .click()
        .await
        .expect("click");
    b.pointer_to(CANVAS, x - 30.0, y).await;
    b.pointer_to(CANVAS, x, y).await;
    b.wait_for(
        &format!("return q('{TOOLTIP}').textContent.includes('88th of 169')"),
        2000,
    )
    .await;
    assert!(b.text(TOOLTIP).await.contains("up 10 places from 2019"));
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn keyboard_steps_through_every_year() {
    let b = Browser::start(Options::default()).await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    // Real Tab presses: past the chart's buttons to the chart itself.
    let mut tabs = 0;
    while b.js("return active().className").await != "rankclimb-canvas" {
        b.press(Key::Tab).await;
        tabs += 1;
        assert!(tabs <= 6, "the chart can be reached with the Tab key");
    }
    b.press(Key::Home).await;
    let expected: [(&str, Option<&str>); 6] = [
        ("2016", Some("第118名")),
        ("2017", None),
        ("2018", None),
        // Nothing we hold gives 2019's number ranked: 169 is 2020's.
        ("2019", Some("第98名（参评总数不详）")),
        ("2020", Some("第88名（共169家）")),
        ("2021", Some("第74名（共157家）")),
    ];
    for (i, (year, rank)) in expected.iter().enumerate() {
        if i > 0 {
            b.press(Key::Right).await;
        }
        let live = b.text(LIVE).await;
        assert!(
            live.starts_with(&format!("{year}年度")),
            "step {i}: {live:?}"
        );
        let tip = b.text(TOOLTIP).await;
        assert!(
            tip.starts_with(&format!("{year}年度")),
            "step {i} tooltip: {tip:?}"
        );
        // The tooltip's lines are reused between steps: none may linger from the year before
        // (the unpublished years have a line more than the others).
        assert_eq!(tip.matches("来源").count(), 1, "step {i} tooltip: {tip:?}");
        assert_eq!(
            tip.contains("排名不详"),
            rank.is_none(),
            "step {i} tooltip: {tip:?}"
        );
        match rank {
            Some(r) => assert!(live.contains(r), "{year} should announce {r}: {live:?}"),
            None => {
                assert!(
                    live.contains("不详"),
                    "{year} should say not reported: {live:?}"
                );
                // No rank number at all: only the years named in the sentence (the source's
                // short name after "来源" carries its year and is checked apart).
                let (said, source) = live.split_once("来源").expect("a source");
                assert!(
                    source.contains("纪实报道"),
                    "{year} cites the five-rises claim: {source:?}"
                );
                let stray =
                    digits_outside_years(said, &["2016", "2017", "2018", "2019", "2020", "2021"]);
                assert!(
                    stray.is_empty(),
                    "{year} announced a number ({stray}): {live:?}"
                );
            }
        }
    }
    assert!(
        b.text(LIVE).await.contains("106号"),
        "2021 carries the method footnote"
    );
    b.press(Key::Right).await;
    assert!(
        b.text(LIVE).await.starts_with("2021年度"),
        "stepping stops at the last year"
    );
    b.press(Key::End).await;
    b.press(Key::Left).await;
    assert!(b.text(LIVE).await.starts_with("2020年度"));
    b.press(Key::Escape).await;
    assert_eq!(b.js(&format!("return q('{TOOLTIP}').hidden")).await, true);
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn tap_shows_the_tapped_year() {
    let b = Browser::start(Options {
        width: 390,
        height: 844,
        scale: 3.0,
        touch: true,
        ..Options::default()
    })
    .await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    assert_eq!(
        b.js("return matchMedia('(pointer: coarse)').matches && navigator.maxTouchPoints > 0")
            .await,
        true,
        "a touch phone"
    );
    let (x, y) = point_of(&b, 2019).await;
    b.tap(CANVAS, x, y).await;
    b.wait_for(
        &format!("return q('{LIVE}').textContent.startsWith('2019')"),
        2000,
    )
    .await;
    assert!(b.text(TOOLTIP).await.contains("第98名"));
    b.screenshot("rank-chart-tap-390-dpr3.png").await;
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn backing_store_follows_device_pixel_ratio_and_width() {
    for (width, scale) in [(360u32, 2.0f64), (1200, 1.0), (320, 3.0), (390, 3.0)] {
        let b = Browser::start(Options {
            width,
            height: 900,
            scale,
            ..Options::default()
        })
        .await;
        b.open("index.html").await;
        b.wait_for_entry_animation().await;
        let dims = b
            .js(&format!(
                "const c = q('{CANVAS}'); const r = c.getBoundingClientRect();
                 return [c.width, c.height, r.width, r.height, window.devicePixelRatio, document.documentElement.scrollWidth, window.innerWidth];"
            ))
            .await;
        let f = |i: usize| dims[i].as_f64().expect("number");
        assert_eq!(f(4), scale, "device pixel ratio");
        assert!(f(2) > 200.0, "the canvas should fill the width: {dims}");
        assert_eq!(
            f(0),
            (f(2) * scale).round(),
            "backing width = CSS width × ratio: {dims}"
        );
        assert_eq!(
            f(1),
            (f(3) * scale).round(),
            "backing height = CSS height × ratio: {dims}"
        );
        assert!(
            f(5) <= f(6),
            "nothing overflows the page sideways at {width}px: {dims}"
        );
        assert!(
            b.line_pixels(CANVAS).await > 200,
            "the chart is drawn at {width}px"
        );
        b.screenshot(&format!("rank-chart-{width}-dpr{scale}.png"))
            .await;
        assert_eq!(b.console_errors().await, Vec::<String>::new());
        b.close().await;
    }
}

/// A resize report that leaves the width and pixel ratio as they were (the observer's first
/// report after mounting, or a change of height) redraws nothing; a new width redraws the
/// still layer at the new size.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn only_a_new_width_redraws_the_still_layer() {
    let b = Browser::start(Options::default()).await;
    b.open("rank.html").await;
    b.wait_for_entry_animation().await;
    // Resolves after the chart's ResizeObserver has had its turn: observers run in the order
    // they were made, and this one is made after the chart's.
    const AFTER_RESIZE: &str = "const settled = () => new Promise((resolve) => {
           const ro = new ResizeObserver(() => requestAnimationFrame(() => { ro.disconnect(); resolve(); }));
           ro.observe(q('figure.rankclimb'));
         });";
    let taller = b
        .js_async(&format!(
            "const done = arguments[arguments.length - 1];
             {AFTER_RESIZE}
             (async () => {{
               const chart = q('[data-rankclimb]').rankclimb;
               const fig = q('figure.rankclimb');
               const before = [fig.clientWidth, fig.clientHeight, q('{CANVAS}').width];
               chart.setProfiling(true);
               performance.clearMeasures();
               fig.style.minHeight = (fig.clientHeight + 80) + 'px';
               await settled();
               const redraws = performance.getEntriesByName('rankclimb:still').length;
               done([...before, fig.clientWidth, fig.clientHeight, redraws]);
             }})();"
        ))
        .await;
    let t = |i: usize| taller[i].as_f64().expect("number");
    assert_eq!(t(3), t(0), "same width: {taller}");
    assert!(t(4) > t(1), "the figure grew taller: {taller}");
    assert_eq!(
        t(5),
        0.0,
        "a taller figure redrew the still layer: {taller}"
    );
    let narrower = b
        .js_async(&format!(
            "const done = arguments[arguments.length - 1];
             {AFTER_RESIZE}
             (async () => {{
               const host = document.querySelector('[data-rankclimb]');
               host.style.width = '600px';
               await settled();
               done([performance.getEntriesByName('rankclimb:still').length, q('{CANVAS}').width, q('{CANVAS}').getBoundingClientRect().width]);
             }})();"
        ))
        .await;
    let n = |i: usize| narrower[i].as_f64().expect("number");
    assert!(
        n(0) >= 1.0,
        "a new width redrew the still layer: {narrower}"
    );
    assert_eq!(
        n(1),
        n(2).round(),
        "backing store follows (ratio 1): {narrower}"
    );
    assert!(n(2) <= 600.0, "{narrower}");
    assert!(b.line_pixels(CANVAS).await > 200, "drawn at the new width");
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}
