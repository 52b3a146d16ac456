//! The studio's part of `cargo xtask bench`: how long from an edit to both previews redrawn,
//! as an author types into the story's title, one key at a time.

use super::browser::chromium;
use super::median;
use anyhow::{anyhow, Result};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde::Serialize;
use serde_json::json;
use std::time::{Duration, Instant};

/// Keys typed, each measured on its own.
const EDITS: usize = 20;

/// How long each edit took to reach both previews.
#[derive(Debug, Clone, Serialize)]
pub struct StudioTimes {
    pub edits: usize,
    pub median_ms: f64,
    pub max_ms: f64,
    pub times_ms: Vec<f64>,
    /// 10,000 rows (the limit) pasted over the story's preview, to the page's next frame.
    pub paste_10000_rows_ms: f64,
    /// Then "Use these rows", to the page's next frame.
    pub use_10000_rows_ms: f64,
}

/// A paste of 10,000 rows, dispatched as the browser dispatches one (a `paste` event with its
/// clipboard data), and "Use these rows" after it: each timed to the page's next frame.
const TEN_THOUSAND_ROWS: &str = "const done = arguments[arguments.length - 1];
  const rows = Array.from({ length: 10000 }, (_, i) => `${1000 + i}\\t${1 + (i % 150)}`).join('\\n');
  const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
  (async () => {
    const box = document.getElementById('paste');
    box.focus();
    const data = new DataTransfer();
    data.setData('text/plain', `year\\trank\\n${rows}\\n`);
    let t0 = performance.now();
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    const pasted = (await nextFrame()) - t0;
    const use = document.getElementById('use-rows');
    if (!use) { done(null); return; }
    t0 = performance.now();
    use.click();
    const used = (await nextFrame()) - t0;
    done([pasted, used]);
  })();";

/// The edit → preview times (ms) of `EDITS` keys typed into the English title, with the
/// story open, on this machine as it is.
pub async fn edit_to_preview(base: &str) -> Result<StudioTimes> {
    let viewport = chromium::Viewport {
        width: 1400,
        height: 1000,
        scale: 1.0,
        touch: false,
    };
    let started = chromium::start(viewport, &[], false)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let c = started.client;
    let js = |script: &'static str| {
        let c = c.clone();
        async move {
            c.execute(script, vec![])
                .await
                .map_err(|e| anyhow!("{e}: {script}"))
        }
    };
    // A fresh draft: the page saves one as soon as it runs, so clear it after that.
    c.goto(&format!("{base}/studio.html")).await?;
    wait(
        &c,
        "return document.documentElement.dataset.studioChecked >= 1",
    )
    .await?;
    js("localStorage.clear()").await?;
    c.goto(&format!("{base}/studio.html")).await?;
    wait(
        &c,
        "return document.documentElement.dataset.studioChecked >= 1",
    )
    .await?;
    js("document.getElementById('new-story').click()").await?;
    wait(&c, "return !document.getElementById('export').disabled").await?;
    js("document.querySelector('[data-path=\"title.en\"]').focus()").await?;
    let mut times = Vec::new();
    for k in 0..EDITS {
        let key = if k % 2 == 0 { '!' } else { '\u{E003}' }; // a character, then Backspace
        c.perform_actions(
            KeyActions::new("keyboard".into())
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key }),
        )
        .await?;
        let script = format!(
            "return performance.getEntriesByName('rankclimb-studio:edit-to-preview').length > {k}"
        );
        wait(&c, &script).await?;
        let ms = c
            .execute(
                &format!("return performance.getEntriesByName('rankclimb-studio:edit-to-preview')[{k}].duration"),
                vec![],
            )
            .await?;
        times.push(
            ms.as_f64()
                .ok_or_else(|| anyhow!("edit {k} has no edit-to-preview time: {ms}"))?,
        );
        // The next key after the debounce has run out, as a person's next key would be.
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let limit = c.execute_async(TEN_THOUSAND_ROWS, vec![]).await?;
    let [paste_10000_rows_ms, use_10000_rows_ms]: [f64; 2] = serde_json::from_value(limit.clone())
        .map_err(|e| anyhow!("10,000 rows were not read as a table ({limit}): {e}"))?;
    let _ = c.close().await;
    drop(started.processes);
    Ok(StudioTimes {
        edits: EDITS,
        median_ms: median(times.clone()),
        max_ms: times.iter().copied().fold(f64::NAN, f64::max),
        times_ms: times,
        paste_10000_rows_ms,
        use_10000_rows_ms,
    })
}

async fn wait(c: &fantoccini::Client, condition: &str) -> Result<()> {
    let started = Instant::now();
    loop {
        if c.execute(condition, vec![]).await? == json!(true) {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(15) {
            return Err(anyhow!("timed out waiting for: {condition}"));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
