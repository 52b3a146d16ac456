//! One cold load of a page, with every figure measured on it: the first frame and the steps
//! to it, what the reader saw first, frame costs, main-thread time, hover cost, the files
//! fetched and memory.

use super::browser::{mouse_to, Conditions, Session};
use super::first_paint::{self, FirstPaint};
use super::median;
use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::time::{Duration, Instant};

/// Times every animation-frame callback from outside the chart, before any page script runs.
const FRAME_TIMER: &str = "(() => {
  const raf = window.requestAnimationFrame.bind(window);
  window.__frameTimes = [];
  window.requestAnimationFrame = (cb) => raf((t) => {
    const start = performance.now();
    try { cb(t); } finally { if (window.__frameTimes.length < 100000) window.__frameTimes.push(performance.now() - start); }
  });
})();";

/// The marks the loader and the chart leave on the way to the first frame, in order.
pub const MOUNT_STEPS: [&str; 10] = [
    "rankclimb:loader",
    "rankclimb:style-ready",
    "rankclimb:data-ready",
    "rankclimb:wasm-ready",
    "rankclimb:mount",
    "rankclimb:parsed",
    "rankclimb:dom-built",
    "rankclimb:sized",
    "rankclimb:still-drawn",
    "rankclimb:first-frame",
];

/// The first chart's shadow root, where its canvas and tooltip live.
pub const CHART: &str = "document.querySelector('[data-rankclimb]').shadowRoot";

/// The year hovered, and the rank its tooltip must show, taken from the data file the pages
/// show; the other known years are hovered after it.
#[derive(Debug, Clone)]
pub struct HoverTarget {
    pub year: i32,
    pub rank: u32,
    pub others: Vec<i32>,
}

impl HoverTarget {
    /// The last year but one with a known rank (a point inside the line, not at its end),
    /// else the last: in the bundled story, 2020 at 88th.
    pub fn of(model: &rankclimb::Model) -> Option<HoverTarget> {
        let known: Vec<(i32, u32)> = model
            .ranking
            .points
            .iter()
            .filter_map(|p| p.rank.map(|r| (p.year, r)))
            .collect();
        let (year, rank) = *known.iter().rev().nth(1).or(known.last())?;
        Some(HoverTarget {
            year,
            rank,
            others: known.iter().map(|k| k.0).filter(|y| *y != year).collect(),
        })
    }
}

/// The chart's memory: wasm linear memory and the JS heap, in bytes.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Memory {
    pub wasm: f64,
    pub heap: f64,
}

/// Everything one load measured.
#[derive(Debug, Clone, Serialize)]
pub struct PageLoad {
    pub first_frame_ms: f64,
    pub seen: FirstPaint,
    /// Each of `MOUNT_STEPS`, ms from navigation start (`None`: the mark was not left).
    pub first_frame_steps: Vec<Option<f64>>,
    /// Script time of each animation frame during the entry.
    pub frames: Vec<f64>,
    pub main_thread_ms: f64,
    pub hover_ms: f64,
    pub hover_later_ms: f64,
    /// The page and every file it fetched, as paths.
    pub resources: Vec<String>,
    pub after_load: Memory,
    pub after_10000_frames: Option<Memory>,
    pub browser: String,
}

/// One cold load of `page`.
pub async fn measure_once(
    base: &str,
    page: &str,
    (width, height): (u32, u32),
    conditions: Conditions,
    hover: &HoverTarget,
    long_run: bool,
) -> Result<PageLoad> {
    let s = Session::start(width, height).await?;
    s.emulate(conditions).await?;
    // The probe first, so that its own frames are not among the chart's timed ones.
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": first_paint::SCREEN_PROBE }),
    )
    .await?;
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": FRAME_TIMER }),
    )
    .await?;
    s.cdp("Performance.enable", json!({ "timeDomain": "timeTicks" }))
        .await?;
    s.client.goto(&format!("{base}/{page}")).await?;
    let first_frame_ms = first_frame_ms(&s, page).await?;
    let seen = first_paint::first_paint(&s, page).await?;
    let first_frame_steps: Vec<Option<f64>> = s
        .js_as(&format!(
            "return {MOUNT_STEPS:?}.map(n => performance.getEntriesByName(n)[0]?.startTime ?? null)"
        ))
        .await?;
    let task_at_first = s.metric("TaskDuration").await?;
    tokio::time::sleep(Duration::from_millis(2000)).await;
    let main_thread_ms = (s.metric("TaskDuration").await? - task_at_first) * 1000.0;
    let seen = first_paint::settled(&s, seen).await?;
    // The entry animation has ended: every timed callback so far was an entry frame.
    let frames: Vec<f64> = s.js_as("return window.__frameTimes").await?;
    let resources: Vec<String> = s
        .js_as("return [location.pathname, ...performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)]")
        .await?;

    // Hover: from a pointer move onto the target year until the tooltip is drawn and the page
    // idles. The reader's first hover is the figure; later ones, onto other years, are kept.
    let hover_ms = hover_script_ms(&s, hover.year).await?;
    let tooltip: String = s
        .js_as(&format!(
            "return {CHART}.querySelector('.rankclimb-tooltip').textContent"
        ))
        .await?;
    if !tooltip.contains(&hover.rank.to_string()) {
        bail!(
            "{page}: the hover did not show {}'s rank {}: {tooltip}",
            hover.year,
            hover.rank
        );
    }
    let mut later = Vec::new();
    for &year in hover.others.iter().chain([&hover.year]) {
        later.push(hover_script_ms(&s, year).await?);
    }
    let hover_later_ms = median(later);

    let memory = "return { wasm: document.querySelector('[data-rankclimb]').rankclimb.constructor.wasmMemoryBytes(), heap: performance.memory.usedJSHeapSize }";
    let after_load: Memory = s.js_as(memory).await?;
    // 10,000 frames take a while on the full page: once per page is enough for memory.
    let after_10000_frames = if long_run {
        s.js("document.querySelector('[data-rankclimb]').rankclimb.drawFrames(10000)")
            .await?;
        Some(s.js_as(memory).await?)
    } else {
        None
    };
    let browser = s.browser_version();
    s.close().await;
    Ok(PageLoad {
        first_frame_ms,
        seen,
        first_frame_steps,
        frames,
        main_thread_ms,
        hover_ms,
        hover_later_ms,
        resources,
        after_load,
        after_10000_frames,
        browser,
    })
}

/// Navigation start → the chart's first drawn frame (its `rankclimb:first-frame` mark), once
/// the page has drawn it.
pub async fn first_frame_ms(s: &Session, page: &str) -> Result<f64> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let at: Option<f64> = s.js_as("const m = performance.getEntriesByName('rankclimb:first-frame')[0]; return m ? m.startTime : null;").await?;
        if let Some(t) = at {
            return Ok(t);
        }
        if Instant::now() > deadline {
            bail!("{page}: no chart frame within 15 s");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Script time from a pointer move onto `year`'s point (from the page's corner) until
/// the page has been idle for 300 ms, from Chromium's `ScriptDuration` counter.
async fn hover_script_ms(s: &Session, year: i32) -> Result<f64> {
    let (x, y) = point_of(s, year).await?;
    s.client.perform_actions(mouse_to(2.0, 2.0)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let script_before = s.metric("ScriptDuration").await?;
    s.client.perform_actions(mouse_to(x, y)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok((s.metric("ScriptDuration").await? - script_before) * 1000.0)
}

/// Where `year`'s point is on the page, in CSS pixels.
pub async fn point_of(s: &Session, year: i32) -> Result<(f64, f64)> {
    let [x, y]: [f64; 2] = s
        .js_as(&format!(
            "const p = document.querySelector('[data-rankclimb]').rankclimb.pointOf({year});
             const r = {CHART}.querySelector('.rankclimb-canvas').getBoundingClientRect();
             return [r.left + p[0], r.top + p[1]]"
        ))
        .await?;
    Ok((x.round(), y.round()))
}
