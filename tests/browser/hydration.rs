//! The chart at first paint: with the wasm held back by the test server, the build-time still
//! is on screen in the reserved box; when the wasm arrives it adopts the page's nodes (the
//! same title, notes and sources stay connected) and swaps the still for the canvas with no
//! visible change.

use crate::harness::{screenshot_dir, Browser, Options};

/// Decode a PNG screenshot into (width, height, RGBA pixels).
fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut decoder = png::Decoder::new(png_bytes);
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    (info.width, info.height, rgba)
}

/// The share of pixels that differ by more than anti-aliasing does (a channel off by more
/// than `tolerance`), and the share of pixels that are ink (not the white ground).
fn difference(a: &[u8], b: &[u8], tolerance: u8) -> (f64, f64) {
    let pixels = (a.len() / 4).max(1) as f64;
    let differing = a
        .chunks(4)
        .zip(b.chunks(4))
        .filter(|(p, q)| {
            p.iter()
                .zip(q.iter())
                .any(|(x, y)| x.abs_diff(*y) > tolerance)
        })
        .count() as f64;
    let ink = a
        .chunks(4)
        .filter(|p| p[..3].iter().any(|c| *c < 200))
        .count() as f64;
    (differing / pixels, ink / pixels)
}

/// Screenshot the first plot's box.
async fn stage_png(b: &Browser) -> Vec<u8> {
    b.find(".rankclimb-stage")
        .await
        .screenshot()
        .await
        .expect("a screenshot of the chart's box")
}

/// How many inked pixels each of the left `columns` of an RGBA image `width` wide holds.
fn ink_by_column(rgba: &[u8], width: u32, columns: u32) -> Vec<u32> {
    let mut ink = vec![0; columns.min(width) as usize];
    for row in rgba.chunks(width as usize * 4) {
        for (x, p) in row.chunks(4).take(ink.len()).enumerate() {
            if p[..3].iter().any(|c| *c < 200) {
                ink[x] += 1;
            }
        }
    }
    ink
}

/// The still (`before`) and the canvas (`after`) look the same: they differ only by
/// anti-aliasing.
fn assert_same_picture(label: &str, before: &[u8], after: &[u8]) {
    let (differing, ink) = difference(before, after, 64);
    eprintln!(
        "{label}: {:.2}% of pixels differ beyond anti-aliasing; {:.1}% ink",
        differing * 100.0,
        ink * 100.0
    );
    assert!(ink > 0.005, "{label}: the still is blank ({ink})");
    assert!(
        differing < 0.01,
        "{label}: the canvas does not look like the still: {:.2}% of pixels differ (see target/screenshots/still-{label}.png and live-{label}.png)",
        differing * 100.0
    );
}

/// In a box wider than the still was drawn for, the rank axis in the left `columns` stays
/// where it was. The still is scaled a little to the box's height, so rows may sit a pixel
/// apart: what must agree is where the ink is across the columns.
fn assert_axis_kept(
    label: &str,
    (before, after): (&[u8], &[u8]),
    width: u32,
    columns: u32,
    scale: f64,
) {
    let centre = |rgba: &[u8]| {
        let ink = ink_by_column(rgba, width, columns);
        let total: u32 = ink.iter().sum();
        let moment: f64 = ink
            .iter()
            .enumerate()
            .map(|(x, n)| x as f64 * f64::from(*n))
            .sum();
        (f64::from(total), moment / f64::from(total.max(1)))
    };
    let ((ta, ca), (tc, cc)) = (centre(before), centre(after));
    eprintln!("{label}: ink {ta} and {tc}, centred at x = {ca:.1} and {cc:.1}");
    assert!(
        ta > 200.0,
        "{label}: no rank axis in the still's left {columns} device px"
    );
    // Centred, the still put the axis some 180 CSS px further right than the canvas.
    assert!(
        (ca - cc).abs() <= 3.0 * scale && (ta - tc).abs() < 0.3 * ta,
        "{label}: the rank axis moved when the canvas took the still's place (ink {ta} and {tc} at x = {ca:.1} and {cc:.1}; see target/screenshots/still-{label}.png and live-{label}.png)"
    );
}

/// Under reduced motion, the chart's box before and after the wasm: the whole box, or where
/// the still cannot be the canvas's picture (a box wider than the still was drawn for), only
/// its `left_css_px`, the rank axis, which must not move.
async fn still_then_live(options: Options, page: &str, label: &str, left_css_px: Option<f64>) {
    let scale = options.scale;
    let b = Browser::start(Options {
        hold_wasm: true,
        ..options
    })
    .await;
    b.emulate_media(&[("prefers-reduced-motion", "reduce")])
        .await;
    b.navigate(page).await;
    // The still is on screen before any wasm: its box has a size and shows the picture
    // that suits the box (wide or narrow).
    b.wait_for(
        "const s = q('.rankclimb-still'); if (!s) return false;
         const shown = [...s.children].filter(v => getComputedStyle(v).display !== 'none');
         const r = s.getBoundingClientRect();
         return shown.length === 1 && (shown[0].tagName !== 'IMG' || (shown[0].complete && shown[0].naturalWidth > 0))
           && r.width > 100 && r.height > 100 && document.readyState !== 'loading';",
        10_000,
    )
    .await;
    assert_eq!(
        b.js("return !!q('.rankclimb-canvas') || document.documentElement.dataset.rankclimbReady !== undefined")
            .await,
        serde_json::Value::Bool(false),
        "{label}: the wasm was not held back"
    );
    // The buttons that need the chart wait for it.
    assert_eq!(
        b.js("return qa('.rankclimb-actions button').map(b => b.disabled)")
            .await,
        serde_json::json!([true, true, true, true]),
        "{label}"
    );
    b.js("window.__kept = { title: q('.rankclimb-title'), notes: qa('.rankclimb-note'),
          sources: q('.rankclimb-sources'), source: q('.rankclimb-source'), stage: q('.rankclimb-stage') };
          return true;")
        .await;
    let before = stage_png(&b).await;
    std::fs::write(screenshot_dir().join(format!("still-{label}.png")), &before)
        .expect("write the still's screenshot");

    b.release_wasm();
    b.wait_for(
        "return document.documentElement.dataset.rankclimbReady === '1' && !!q('.rankclimb-canvas')",
        15_000,
    )
    .await;
    b.page_frames(2).await;
    let kept = b
        .js("const k = window.__kept;
             return [k.title, ...k.notes, k.sources, k.source, k.stage].map(e => e.isConnected)
               .concat([k.notes.length > 0, q('.rankclimb-title') === k.title]);")
        .await;
    let kept: Vec<bool> = serde_json::from_value(kept).expect("booleans");
    assert!(
        kept.iter().all(|k| *k),
        "{label}: the wasm replaced nodes it should have adopted (isConnected of title, notes…, sources, source, stage; then notes found, same title): {kept:?}"
    );
    assert_eq!(
        b.js("return qa('.rankclimb-actions button').map(b => b.disabled)")
            .await,
        serde_json::json!([false, false, false, false]),
        "{label}: the buttons work once the chart runs"
    );
    assert_eq!(
        b.js("return qa('.rankclimb-still').length").await,
        serde_json::json!(0),
        "{label}: every still gave way to its canvas"
    );
    let after = stage_png(&b).await;
    std::fs::write(screenshot_dir().join(format!("live-{label}.png")), &after)
        .expect("write the live chart's screenshot");
    let (wa, ha, a) = decode(&before);
    let (wb, hb, c) = decode(&after);
    assert_eq!((wa, ha), (wb, hb), "{label}: the chart's box changed size");
    match left_css_px {
        Some(px) => assert_axis_kept(label, (&a, &c), wa, (px * scale).round() as u32, scale),
        None => assert_same_picture(label, &a, &c),
    }
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "{label}: {errors:?}");
    b.close().await;
}

/// A desktop window 1200 px wide at a device pixel ratio of 2.
fn desktop_1200() -> Options {
    Options {
        width: 1200,
        height: 900,
        scale: 2.0,
        ..Options::default()
    }
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_still_is_on_screen_before_the_wasm_and_the_canvas_takes_its_place_at_1200_px() {
    still_then_live(desktop_1200(), "rank.html", "1200", None).await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn on_a_wider_page_the_still_keeps_the_rank_axis_where_the_canvas_draws_it() {
    // index.html at 1200 px: a box 1,168 px wide and 460 high, the still drawn for 800 × 450.
    still_then_live(desktop_1200(), "index.html", "1200-wide-page", Some(72.0)).await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_still_is_on_screen_before_the_wasm_and_the_canvas_takes_its_place_on_a_phone() {
    still_then_live(crate::phone::phone(), "index.html", "390", None).await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_tap_before_the_wasm_is_answered_and_causes_no_error() {
    let b = Browser::start(Options {
        hold_wasm: true,
        ..crate::phone::phone()
    })
    .await;
    b.navigate("index.html").await;
    b.wait_for(
        "return !!q('.rankclimb-still') && document.readyState !== 'loading'",
        10_000,
    )
    .await;
    b.tap(".rankclimb-still", 150.0, 120.0).await;
    b.wait_for(
        "const s = q('.rankclimb-still'); return !!s.dataset.waiting && q('.rankclimb-live').textContent.length > 0",
        5_000,
    )
    .await;
    b.release_wasm();
    b.wait_for(
        "return document.documentElement.dataset.rankclimbReady === '1'",
        15_000,
    )
    .await;
    assert_eq!(
        b.js("return q('.rankclimb-live').textContent").await,
        serde_json::json!(""),
        "the loading message is gone once the chart runs"
    );
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "{errors:?}");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_iframe_page_carries_the_still_and_the_chart_adopts_it() {
    let b = Browser::start(Options {
        hold_wasm: true,
        ..Options::default()
    })
    .await;
    b.navigate("data/pingdingshan.frame.html").await;
    b.wait_for(
        "const s = q('.rankclimb-still svg'); return !!s && s.getBoundingClientRect().width > 100",
        10_000,
    )
    .await;
    // Where motion is not reduced, the final pictures are neither shown nor decoded.
    assert_eq!(
        b.js("const imgs = qa('.rankclimb-still > img');
              return imgs.length >= 2 && imgs.every(i => getComputedStyle(i).display === 'none' && i.naturalWidth === 0)")
            .await,
        serde_json::Value::Bool(true),
        "the final pictures were loaded for a reader whose motion is not reduced"
    );
    b.js("window.__title = q('.rankclimb-title'); return true;")
        .await;
    b.release_wasm();
    b.wait_for(
        "return document.documentElement.dataset.rankclimbReady === '1' && !!q('.rankclimb-canvas') && window.__title.isConnected",
        15_000,
    )
    .await;
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "{errors:?}");
    b.close().await;
}
