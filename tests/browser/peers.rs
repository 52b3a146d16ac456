//! Other places on the rank chart as a reader meets them: hovering a place's line, stepping
//! to it with ↑/↓, or tapping it on a phone puts its rank in the readout and the announcement
//! beside the main place's, and draws its line over the others.

use crate::harness::{Browser, Options};
use crate::{CANVAS, LIVE, TOOLTIP};
use fantoccini::key::Key;

// The place's short name: the readout sets it beside another place's.
const MAIN: &str = "Binjiang Park (fictional)";

/// Where other place `peer`'s point of `year` is drawn, in CSS px within the canvas.
async fn peer_point(b: &Browser, year: i32, peer: usize) -> (f64, f64) {
    let p = b
        .js(&format!(
            "return q('[data-rankclimb]').rankclimb.pointOf({year}, {peer});"
        ))
        .await;
    (p[0].as_f64().expect("x"), p[1].as_f64().expect("y"))
}

/// Dark pixels (the focused line's colour, the page's text colour) in a box around a point.
async fn dark_pixels_near(b: &Browser, (x, y): (f64, f64)) -> u64 {
    b.js(&format!(
        "const c = q('{CANVAS}'); const s = c.width / c.clientWidth;
         const d = c.getContext('2d').getImageData(Math.round(({x} - 14) * s), Math.round(({y} - 14) * s), Math.round(28 * s), Math.round(28 * s)).data;
         let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 60 && d[i+1] < 60 && d[i+2] < 80 && d[i+3] > 200) n++;
         return n;"
    ))
    .await
    .as_u64()
    .expect("a count")
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_place_focused_by_pointer_or_keyboard_is_read_out_beside_the_main_place() {
    let b = Browser::start(Options {
        width: 1200,
        height: 1000,
        ..Options::default()
    })
    .await;
    b.open("example.html").await;
    b.wait_for_entry_animation().await;
    // East Lake Park's 2015 point, well away from the main line (49th that year).
    let at = peer_point(&b, 2015, 0).await;
    let before = dark_pixels_near(&b, at).await;
    b.pointer_to(CANVAS, at.0, at.1).await;
    b.wait_for(
        &format!("return q('{LIVE}').textContent.includes('East Lake Park: 26th')"),
        3000,
    )
    .await;
    let live = b.text(LIVE).await;
    assert!(live.starts_with("2015"), "{live}");
    assert!(live.contains(&format!("{MAIN}: 49th of 140")), "{live}");
    let tip = b.text(TOOLTIP).await;
    assert!(tip.contains("East Lake Park: 26th"), "{tip}");
    // Its line is drawn over the others in the text colour.
    let focused = dark_pixels_near(&b, at).await;
    assert!(
        focused > before + 20,
        "the focused line stands out: {before} → {focused}"
    );
    b.screenshot("example-1200-peer-hover.png").await;

    // Off the line, still on the chart: the place leaves the readout.
    let main = crate::point_of(&b, 2015).await;
    b.pointer_to(CANVAS, main.0, main.1).await;
    b.wait_for(
        &format!("return !q('{LIVE}').textContent.includes('East Lake')"),
        3000,
    )
    .await;

    // The keyboard: End goes to 2021, ↑ to the place above the main one that year (East
    // Lake, 18th), ↓ twice past the main place to Bluestone (25th).
    b.js(&format!("q('{CANVAS}').focus()")).await;
    b.press(Key::End).await;
    b.wait_for(
        &format!("return q('{LIVE}').textContent.startsWith('2021')"),
        3000,
    )
    .await;
    b.press(Key::Up).await;
    b.wait_for(
        &format!("return q('{LIVE}').textContent.includes('East Lake Park: 18th')"),
        3000,
    )
    .await;
    assert!(b.text(LIVE).await.contains(&format!("{MAIN}: 21st of 169")));
    b.press(Key::Down).await;
    b.press(Key::Down).await;
    b.wait_for(
        &format!("return q('{LIVE}').textContent.includes('Bluestone Park: 25th')"),
        3000,
    )
    .await;
    // ← still steps through the years, keeping the place in focus.
    b.press(Key::Left).await;
    b.wait_for(
        &format!("return q('{LIVE}').textContent.startsWith('2020') && q('{LIVE}').textContent.includes('Bluestone Park: 28th')"),
        3000,
    )
    .await;
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_tap_on_a_places_line_on_a_phone_shows_it_in_the_docked_readout() {
    let b = Browser::start(crate::phone::phone()).await;
    b.open("example.html").await;
    b.wait_for_entry_animation().await;
    b.js(&format!(
        "q('{CANVAS}').scrollIntoView({{block: 'center'}})"
    ))
    .await;
    // South Harbour Park in 2018: 50th, where the main place is 33rd.
    let at = peer_point(&b, 2018, 4).await;
    b.tap(CANVAS, at.0, at.1).await;
    b.wait_for(
        &format!("return q('{LIVE}').textContent.includes('South Harbour Park: 50th')"),
        3000,
    )
    .await;
    let tip = b.text(TOOLTIP).await;
    assert!(
        tip.contains("South Harbour Park: 50th") && tip.contains(&format!("{MAIN}: 33rd")),
        "{tip}"
    );
    b.screenshot("example-390-peer-tap.png").await;
    // A second tap on the main place's point of the same year moves the focus back to it.
    let main = crate::point_of(&b, 2018).await;
    b.tap(CANVAS, main.0, main.1).await;
    b.wait_for(
        &format!("return !q('{LIVE}').textContent.includes('South Harbour')"),
        3000,
    )
    .await;
    assert!(b.text(LIVE).await.starts_with("2018"));
    b.close().await;
}
