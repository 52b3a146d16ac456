//! Where a frame's time goes: `performance.measure` entries around each drawing stage, a
//! sampling CPU profile (function names kept in the wasm for it) and the canvas calls made
//! per frame, over `PROFILE_FRAMES` frames drawn back to back after the entry animation.

use super::browser::{mouse_to, Session};
use super::page_load::{first_frame_ms, point_of, HoverTarget, CHART};
use super::{median, percentile};
use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeMap;
use std::time::Duration;

/// Counts calls to each 2D-context method and property setter, installed after the
/// CPU profile so it does not show in it.
const CALL_COUNTER: &str = "const proto = CanvasRenderingContext2D.prototype; window.__calls = {};
  const count = (k) => { window.__calls[k] = (window.__calls[k] || 0) + 1; };
  for (const k of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, k);
    if (typeof d.value === 'function' && k !== 'constructor') {
      const f = d.value;
      proto[k] = function (...a) { count(k); return f.apply(this, a); };
    } else if (d.set) {
      const set = d.set;
      Object.defineProperty(proto, k, { ...d, set(v) { count(k + ' ='); set.call(this, v); } });
    }
  }";

/// Frames drawn back to back for the profile.
pub const PROFILE_FRAMES: u32 = 600;

/// Frames whose canvas calls are counted: the whole 1.8 s entry at 60 frames a second.
const COUNTED_FRAMES: u32 = 108;

/// One drawing stage's `performance.measure` entries.
#[derive(Debug, Clone, Serialize)]
pub struct Stage {
    pub stage: String,
    pub count: usize,
    pub median_ms: f64,
    pub p95_ms: f64,
    pub total_ms: f64,
}

/// Self time of one function (by name) in the CPU profile.
#[derive(Debug, Clone, Serialize)]
pub struct FunctionTime {
    pub function: String,
    /// "wasm", "JS bindings", "browser" or "other".
    pub kind: &'static str,
    pub self_ms: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    pub stages: Vec<Stage>,
    pub functions: Vec<FunctionTime>,
    /// Each 2D-context call or setter, and how many times a frame makes it.
    pub canvas_calls_per_frame: Vec<(String, f64)>,
    /// The stages of one hover, and their durations (ms).
    pub hover_stages: Vec<(String, f64)>,
    pub hover_year: i32,
}

/// Chromium's CPU profile (`Profiler.stop`), the parts read here.
#[derive(Deserialize)]
struct Stopped {
    profile: CpuProfile,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CpuProfile {
    nodes: Vec<ProfileNode>,
    #[serde(default)]
    samples: Vec<i64>,
    start_time: f64,
    end_time: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProfileNode {
    call_frame: CallFrame,
    #[serde(default)]
    hit_count: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CallFrame {
    function_name: String,
    url: String,
}

pub async fn profile_once(
    base: &str,
    page: &str,
    (width, height): (u32, u32),
    hover: &HoverTarget,
) -> Result<Profile> {
    let s = Session::start(width, height).await?;
    s.client.goto(&format!("{base}/{page}")).await?;
    first_frame_ms(&s, page).await?;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let chart = "document.querySelector('[data-rankclimb]').rankclimb";
    s.js(&format!(
        "{chart}.setProfiling(true); performance.clearMeasures();"
    ))
    .await?;
    s.cdp("Profiler.enable", json!({})).await?;
    s.cdp("Profiler.setSamplingInterval", json!({ "interval": 100 }))
        .await?;
    s.cdp("Profiler.start", json!({})).await?;
    // Only the entries made inside this call: frames the page animates on its own between
    // WebDriver calls are left out.
    let measures: BTreeMap<String, Vec<f64>> = s
        .js_as(&format!("const t0 = performance.now(); {chart}.drawFrames({PROFILE_FRAMES}); const t1 = performance.now();
              {chart}.setProfiling(false); const m = {{}};
              for (const e of performance.getEntriesByType('measure'))
                if (e.startTime >= t0 && e.startTime <= t1) (m[e.name] ||= []).push(e.duration);
              return m;"))
        .await?;
    let stopped: Stopped = s.cdp_as("Profiler.stop", json!({})).await?;
    // Hover, staged: a real pointer move onto the target year once the entry has ended.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let (x, y) = point_of(&s, hover.year).await?;
    s.client.perform_actions(mouse_to(2.0, 2.0)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    s.js(&format!(
        "performance.clearMeasures(); {chart}.setProfiling(true);"
    ))
    .await?;
    s.client.perform_actions(mouse_to(x, y)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let hover_stages: Vec<(String, f64)> = s
        .js_as(&format!("{chart}.setProfiling(false); return performance.getEntriesByType('measure').map(e => [e.name, e.duration]);"))
        .await?;
    let tip: String = s
        .js_as(&format!(
            "return {CHART}.querySelector('.rankclimb-tooltip').textContent"
        ))
        .await?;
    if !tip.contains(&hover.rank.to_string()) {
        bail!(
            "{page}: the profiled hover did not show {}'s rank {}: {tip}",
            hover.year,
            hover.rank
        );
    }
    let calls: BTreeMap<String, f64> = s
        .js_as(&format!(
            "{CALL_COUNTER}; {chart}.drawFrames({COUNTED_FRAMES}); return {{ ...window.__calls }};"
        ))
        .await?;
    s.close().await;

    let stages = measures
        .into_iter()
        .map(|(stage, d)| Stage {
            stage,
            count: d.len(),
            median_ms: median(d.clone()),
            p95_ms: percentile(d.clone(), 0.95),
            total_ms: d.iter().sum(),
        })
        .collect();
    let mut canvas_calls_per_frame: Vec<(String, f64)> = calls
        .into_iter()
        .map(|(k, n)| (k, n / f64::from(COUNTED_FRAMES)))
        .collect();
    canvas_calls_per_frame.sort_by(|a, b| b.1.total_cmp(&a.1));
    Ok(Profile {
        stages,
        functions: self_times(&stopped.profile),
        canvas_calls_per_frame,
        hover_stages,
        hover_year: hover.year,
    })
}

/// Self time per function in a CPU profile, grouped by name, largest first; wasm functions
/// lose their hash suffix.
fn self_times(profile: &CpuProfile) -> Vec<FunctionTime> {
    let samples = profile.samples.len().max(1);
    let span_ms = (profile.end_time - profile.start_time) / 1000.0;
    let mut by_name: BTreeMap<String, (&'static str, f64)> = BTreeMap::new();
    for n in &profile.nodes {
        let f = &n.call_frame;
        let mut name = f.function_name.clone();
        if let Some(i) = name.rfind("::h") {
            if name.len() - i == 19 {
                name.truncate(i);
            }
        }
        let kind = if f.url.starts_with("wasm://") || name.contains("::") {
            "wasm"
        } else if f.url.ends_with("rankclimb.js") {
            "JS bindings"
        } else if f.url.is_empty() && !name.starts_with('(') {
            "browser"
        } else {
            "other"
        };
        let name = if name.is_empty() {
            "(anonymous)".into()
        } else {
            name
        };
        let ms = n.hit_count * span_ms / samples as f64;
        by_name.entry(name).or_insert((kind, 0.0)).1 += ms;
    }
    let mut v: Vec<FunctionTime> = by_name
        .into_iter()
        .filter(|(_, (_, ms))| *ms > 0.0)
        .map(|(function, (kind, self_ms))| FunctionTime {
            function,
            kind,
            self_ms,
        })
        .collect();
    v.sort_by(|a, b| b.self_ms.total_cmp(&a.self_ms));
    v
}
