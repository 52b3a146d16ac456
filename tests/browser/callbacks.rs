//! Every kind of browser callback goes through one guard: a panic inside any of them stops
//! only its own chart, with a message in its place, and the other chart on the page works on.

use crate::harness::{Browser, Fixture, Options};
use fantoccini::key::Key;

/// Two charts, then room to scroll the first out of view.
fn two_charts() -> String {
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"/favicon.svg\"></head><body>\
     <div data-rankclimb=\"/data/pingdingshan.json\" data-lang=\"en\"></div>\
     <div data-rankclimb=\"/data/example-city.json\"></div><div style=\"height:4000px\"></div>\
     <script type=\"module\" src=\"/rankclimb.js\"></script></body></html>"
        .to_string()
}

const FIRST: &str = "qa('[data-rankclimb]')[0]";
const SECOND: &str = "qa('[data-rankclimb]')[1]";

/// Make the first chart's callback of `kind` run, as a reader or the page would.
async fn trigger(b: &Browser, kind: &str) {
    match kind {
        "pointer" => b.pointer_to(".rankclimb-canvas", 300.0, 200.0).await,
        "key" => {
            b.js("q('.rankclimb-canvas').focus()").await;
            b.press(Key::Right).await;
        }
        "button" => b
            .find(".rankclimb-replay")
            .await
            .click()
            .await
            .expect("click replay"),
        "language" => b
            .find(".rankclimb-lang")
            .await
            .click()
            .await
            .expect("click the language button"),
        "resize" => {
            b.js(&format!("{FIRST}.style.width = '520px'")).await;
        }
        "visibility" => {
            b.js("window.scrollTo(0, document.body.scrollHeight)").await;
        }
        // A replay asks for animation frames; debugPanicIn("idle") itself asks for an idle
        // callback.
        "frame" => {
            b.js(&format!("{FIRST}.rankclimb.replay()")).await;
        }
        "idle" => {}
        other => panic!("no trigger for {other}"),
    }
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_panic_in_any_callback_stops_only_its_own_chart() {
    let b = Browser::start(Options {
        fixtures: vec![Fixture::html("/t/two.html", two_charts())],
        ..Options::default()
    })
    .await;
    for kind in [
        "pointer",
        "key",
        "button",
        "language",
        "resize",
        "visibility",
        "frame",
        "idle",
    ] {
        b.open("t/two.html").await;
        b.wait_for(
            &format!("return {FIRST}.rankclimb !== undefined && {SECOND}.rankclimb !== undefined"),
            10_000,
        )
        .await;
        b.js(&format!("{FIRST}.rankclimb.debugPanicIn({kind:?})"))
            .await;
        trigger(&b, kind).await;
        b.wait_for(&format!("return {FIRST}.rankclimb.dead === true"), 5_000)
            .await;
        let message = b
            .js(&format!(
                "return {FIRST}.shadowRoot.querySelector('.rankclimb-error').textContent"
            ))
            .await;
        // The reader is told in the chart's language (English here; the language button may
        // have switched it before its panic); the panic itself is in the console.
        assert!(
            message == "The chart stopped after an internal error."
                || (kind == "language" && message == "图表出现内部错误，已停止运行。"),
            "{kind}: {message:?}"
        );
        // The browser's log escapes the quotes.
        let console = b.console_errors().await.join("\n").replace('\\', "");
        assert!(
            console.contains(&format!("debugPanicIn({kind:?})")),
            "{kind}: {console}"
        );
        assert_eq!(
            b.js(&format!(
                "return {FIRST}.shadowRoot.querySelector('canvas')"
            ))
            .await,
            serde_json::Value::Null,
            "{kind}: the message takes the stopped chart's place"
        );
        // The second chart, on the same module, still answers the keyboard.
        b.js("window.scrollTo(0, 0)").await;
        b.js(&format!(
            "{SECOND}.shadowRoot.querySelector('.rankclimb-canvas').focus()"
        ))
        .await;
        b.press(Key::End).await;
        let live = b
            .js(&format!(
                "return {SECOND}.shadowRoot.querySelector('.rankclimb-live').textContent"
            ))
            .await;
        let live = live.as_str().unwrap_or_default();
        assert!(
            live.starts_with("2021") && live.contains("21st of 169"),
            "{kind}: the second chart stopped too: {live:?}"
        );
        assert_eq!(
            b.js(&format!("return {SECOND}.rankclimb.dead")).await,
            false,
            "{kind}"
        );
    }
    b.close().await;
}
