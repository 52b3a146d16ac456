//! The phone reader: a touch phone (390×844 CSS px, ratio 3) and a readout that never hides
//! what it describes.

use crate::harness::{Browser, Options};
use crate::{point_of, CANVAS, LIVE, TOOLTIP};
use fantoccini::key::Key;

/// A touch phone: 390×844 CSS px at a device pixel ratio of 3.
pub(crate) fn phone() -> Options {
    Options {
        width: 390,
        height: 844,
        scale: 3.0,
        touch: true,
        ..Options::default()
    }
}

const OPEN: &str = "return !q('.rankclimb-tooltip').hidden";

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_tap_opens_a_year_and_taps_elsewhere_escape_or_scrolling_close_it() {
    let b = Browser::start(phone()).await;
    b.open("article.html").await;
    b.js(&format!(
        "q('{CANVAS}').scrollIntoView({{block: 'center'}})"
    ))
    .await;
    b.wait_for_entry_animation().await;
    let (x, y) = point_of(&b, 2020).await;
    let closed = |after: &str| format!("/* closed after {after} */ return q('{TOOLTIP}').hidden");
    let open = |after: &str| format!("/* open after {after} */ return !q('{TOOLTIP}').hidden");
    // A tap on 2020 shows it; a tap on the article's text outside the chart closes it.
    b.tap(CANVAS, x, y).await;
    b.wait_for(
        &format!("return q('{LIVE}').textContent.startsWith('2020')"),
        3000,
    )
    .await;
    assert!(b.text(TOOLTIP).await.contains("第88名"));
    // A point of the article in view, outside the chart: above it, below it or beside it.
    let outside = b
        .js("const r = q('[data-rankclimb]').getBoundingClientRect();
             if (r.top > 20) return [innerWidth / 2, r.top / 2];
             if (r.bottom < innerHeight - 20) return [innerWidth / 2, (r.bottom + innerHeight) / 2];
             return [r.left / 2, innerHeight / 2];")
        .await;
    let outside = (
        outside[0].as_f64().expect("x"),
        outside[1].as_f64().expect("y"),
    );
    b.tap_page(outside.0, outside.1).await;
    b.wait_for(&closed("a tap on the article outside the chart"), 3000)
        .await;
    // A second tap on the same year closes it.
    b.tap(CANVAS, x, y).await;
    b.wait_for(&open("a tap"), 3000).await;
    b.tap(CANVAS, x, y).await;
    b.wait_for(&closed("a second tap"), 3000).await;
    // Escape closes it, wherever the focus is.
    b.tap(CANVAS, x, y).await;
    b.wait_for(&open("a tap"), 3000).await;
    b.js("document.activeElement && document.activeElement.blur()")
        .await;
    b.press(Key::Escape).await;
    b.wait_for(&closed("Escape"), 3000).await;
    // Scrolled out of view, it closes.
    b.tap(CANVAS, x, y).await;
    b.wait_for(&open("a tap"), 3000).await;
    b.js("document.body.append(Object.assign(document.createElement('div'), {style: 'height: 4000px'})); window.scrollTo(0, document.body.scrollHeight)")
        .await;
    b.wait_for(&closed("scrolling the chart away"), 3000).await;
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_drag_along_the_chart_scrubs_through_the_years() {
    let b = Browser::start(phone()).await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    let first = point_of(&b, 2016).await;
    let last = point_of(&b, 2021).await;
    b.js("window.__said = []; new MutationObserver(() => window.__said.push(q('.rankclimb-live').textContent.slice(0, 4))).observe(q('.rankclimb-live'), {childList: true, characterData: true, subtree: true});")
        .await;
    b.drag(CANVAS, first, (last.0, first.1), 20).await;
    b.wait_for(
        &format!("return q('{LIVE}').textContent.startsWith('2021')"),
        3000,
    )
    .await;
    let said = b.js("return window.__said").await;
    let years: Vec<&str> = said
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str())
        .collect();
    // In order: each year said is the one after the last (no year skipped backwards or
    // repeated), from 2016 to 2021.
    let numbers: Vec<i32> = years.iter().filter_map(|y| y.parse().ok()).collect();
    assert!(
        numbers.len() == years.len()
            && numbers.first() == Some(&2016)
            && numbers.last() == Some(&2021)
            && numbers.windows(2).all(|w| w[1] > w[0]),
        "the drag stepped through the years in order: {years:?}"
    );
    assert!(
        numbers.len() >= 4,
        "the drag passed through the years between: {years:?}"
    );
    assert_eq!(
        b.js("return window.scrollY").await,
        0,
        "a sideways drag does not scroll"
    );
    // An upward swipe that starts on the chart scrolls the page.
    let (x, y) = point_of(&b, 2019).await;
    b.drag(CANVAS, (x, y + 60.0), (x, y - 240.0), 20).await;
    b.wait_for("return window.scrollY > 100", 3000).await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn below_600_px_the_readout_docks_under_the_plot() {
    let b = Browser::start(phone()).await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    let (x, y) = point_of(&b, 2020).await;
    let before = b
        .js("return q('.rankclimb-panels').getBoundingClientRect().top")
        .await;
    b.tap(CANVAS, x, y).await;
    b.wait_for(OPEN, 3000).await;
    let boxes = b
        .js(&format!(
            "const c = q('{CANVAS}').getBoundingClientRect(), t = q('{TOOLTIP}').getBoundingClientRect();
             return [c.bottom, t.top, t.bottom, q('.rankclimb-stage').getBoundingClientRect().bottom, t.left, t.right, c.left, c.right];"
        ))
        .await;
    let n = |i: usize| boxes[i].as_f64().expect("number");
    assert!(n(1) >= n(0), "the readout starts below the plot: {boxes}");
    assert!(
        n(2) <= n(3) + 0.5,
        "and stays inside the chart's own room: {boxes}"
    );
    assert!(
        n(4) >= n(6) - 0.5 && n(5) <= n(7) + 0.5,
        "as wide as the plot: {boxes}"
    );
    let text = b.text(TOOLTIP).await;
    assert!(
        text.contains("2020") && text.contains("第88名（共169家）") && text.contains("上升10位"),
        "{text:?}"
    );
    let after = b
        .js("return q('.rankclimb-panels').getBoundingClientRect().top")
        .await;
    assert_eq!(before, after, "opening the readout moves nothing below it");
    b.screenshot("phone-docked-readout-390.png").await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_floating_readout_does_not_cover_the_neighbouring_points() {
    let b = Browser::start(Options {
        width: 1000,
        height: 900,
        ..Options::default()
    })
    .await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    for year in [2019, 2020, 2021] {
        let (x, y) = point_of(&b, year).await;
        b.pointer_to(CANVAS, x, y).await;
        b.wait_for(
            &format!("return q('{LIVE}').textContent.startsWith('{year}')"),
            3000,
        )
        .await;
        for other in [2019, 2020, 2021] {
            let (px, py) = point_of(&b, other).await;
            let covered = b
                .js(&format!(
                    "const c = q('{CANVAS}').getBoundingClientRect(), t = q('{TOOLTIP}').getBoundingClientRect();
                     const x = c.left + {px}, y = c.top + {py};
                     return x > t.left - 6 && x < t.right + 6 && y > t.top - 6 && y < t.bottom + 6;"
                ))
                .await;
            assert_eq!(covered, false, "{year}'s readout covers the {other} point");
        }
    }
    b.screenshot("readout-1000-2021.png").await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn at_390_px_the_headline_has_the_width_and_the_tools_one_row_under_the_chart() {
    let b = Browser::start(phone()).await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    let boxes = b
        .js("const t = q('.rankclimb-title').getBoundingClientRect(), f = q('figure.rankclimb').getBoundingClientRect();
             const s = q('.rankclimb-stage').getBoundingClientRect();
             const bs = [...qa('.rankclimb-actions button')].map(x => { const r = x.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right, r.width, r.height, x.getAttribute('aria-label') || x.textContent]; });
             return [t.width, f.width, t.bottom, bs, s.bottom];")
        .await;
    let (title, figure, title_bottom, stage_bottom) = (
        boxes[0].as_f64().expect("title width"),
        boxes[1].as_f64().expect("figure width"),
        boxes[2].as_f64().expect("title bottom"),
        boxes[4].as_f64().expect("stage bottom"),
    );
    assert!(
        title > figure - 40.0,
        "the headline has the full width: {boxes}"
    );
    let buttons = boxes[3].as_array().expect("buttons");
    assert_eq!(buttons.len(), 4);
    // The language switch under the headline, before the chart; the chart's tools in one row
    // under it.
    assert!(
        buttons[0][0].as_f64().expect("top") >= title_bottom,
        "the language switch under the headline: {boxes}"
    );
    let top = buttons[1][0].as_f64().expect("top");
    for (k, button) in buttons.iter().enumerate() {
        let n = |i: usize| button[i].as_f64().expect("number");
        if k > 0 {
            assert_eq!(n(0), top, "one row: {boxes}");
            assert!(n(0) >= stage_bottom, "under the chart: {boxes}");
        }
        assert!(
            n(4) >= 44.0 && n(5) >= 44.0,
            "a 44×44 touch target: {button}"
        );
        assert!(n(3) <= figure + 20.0, "inside the chart: {button}");
        assert!(
            !button[6].as_str().unwrap_or_default().is_empty(),
            "named: {button}"
        );
    }
    b.screenshot("phone-header-390.png").await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn at_360_px_the_sources_fold_to_one_line_and_open_to_the_citations() {
    let b = Browser::start(Options {
        width: 360,
        ..phone()
    })
    .await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    let folded = b
        .js("const d = q('.rankclimb-sources'); const line = parseFloat(getComputedStyle(q('.rankclimb-notes')).lineHeight) || 18;
             return [d.open, d.getBoundingClientRect().height, line, q('.rankclimb-sources summary').textContent];")
        .await;
    assert_eq!(folded[0], false, "closed at first: {folded}");
    let (height, line) = (
        folded[1].as_f64().expect("height"),
        folded[2].as_f64().expect("line"),
    );
    assert!(
        height <= 3.0 * line.max(44.0 / 3.0) + 1.0,
        "at most three lines: {folded}"
    );
    assert!(
        folded[3].as_str().is_some_and(|t| t.contains("来源")),
        "{folded}"
    );
    b.find(".rankclimb-sources summary")
        .await
        .click()
        .await
        .expect("open the sources");
    b.wait_for("return q('.rankclimb-sources').open", 3000)
        .await;
    let shown = b
        .js("const p = q('.rankclimb-source-list'); return [p.getBoundingClientRect().height, p.textContent];")
        .await;
    assert!(
        shown[0].as_f64().unwrap_or(0.0) > 200.0
            && shown[1]
                .as_str()
                .is_some_and(|t| t.contains("国科发火〔2022〕49号")),
        "the full citations: {shown}"
    );
    b.close().await;
}
