//! `cargo xtask bench`: bytes, first frame, frame cost, main-thread time, hover cost and
//! memory of the built page, measured in headless Chromium at a device pixel ratio of 2.
//! Each figure is the median of several fresh page loads; the table goes to the terminal
//! and everything to `target/bench.json`.

use crate::{dist, step};

/// Chromium is started exactly as the browser tests start it.
#[path = "../../tests/browser/chromium.rs"]
mod chromium;
#[path = "bench_first_paint.rs"]
mod first_paint;
#[path = "bench_studio.rs"]
mod studio;
use anyhow::{anyhow, bail, Result};
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::Client;
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};

/// The pages measured: the rank chart alone at 800×450 CSS px, and the whole infographic.
const PAGES: [(&str, &str, u32, u32); 2] = [
    ("rank chart alone", "rank.html", 900, 700),
    ("full infographic", "index.html", 1200, 2200),
];

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
const MOUNT_STEPS: [&str; 10] = [
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
const CHART: &str = "document.querySelector('[data-rankclimb]').shadowRoot";

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
const PROFILE_FRAMES: u32 = 600;

/// Frames whose canvas calls are counted: the whole 1.8 s entry at 60 frames a second.
const COUNTED_FRAMES: u32 = 108;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    Ok(crate::compress::gzip(bytes)?.len())
}

/// The reader's device and network, emulated through Chromium's DevTools protocol.
#[derive(Debug, Clone, Copy)]
struct Conditions {
    name: &'static str,
    /// How many times slower the CPU runs (`Emulation.setCPUThrottlingRate`).
    cpu_slowdown: f64,
    /// Round-trip latency in ms, and download and upload in bytes per second
    /// (`Network.emulateNetworkConditions`); `None` for the local network as it is.
    network: Option<(f64, f64, f64)>,
}

/// This machine as it is, on the local network.
const DESKTOP: Conditions = Conditions {
    name: "desktop",
    cpu_slowdown: 1.0,
    network: None,
};

/// A mid-range phone on slow 4G: CPU 4× slower, 150 ms round trips, 1.6 Mbit/s down and
/// 0.75 Mbit/s up.
const PHONE: Conditions = Conditions {
    name: "phone",
    cpu_slowdown: 4.0,
    network: Some((150.0, 1_600_000.0 / 8.0, 750_000.0 / 8.0)),
};

struct Session {
    client: Client,
    _processes: chromium::Processes,
}

impl Session {
    async fn start(width: u32, height: u32) -> Result<Session> {
        let viewport = chromium::Viewport {
            width,
            height,
            scale: 2.0,
            touch: false,
        };
        let started = chromium::start(viewport, &["--enable-precise-memory-info".into()], false)
            .await
            .map_err(|e| anyhow!("{e}"))?;
        // 10,000 frames of the full infographic take longer than WebDriver's default 30 s.
        started
            .client
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(Duration::from_secs(600)),
                None,
                None,
            ))
            .await
            .map_err(|e| anyhow!("{e}"))?;
        Ok(Session {
            client: started.client,
            _processes: started.processes,
        })
    }

    /// Slow the CPU and the network as `conditions` say.
    async fn emulate(&self, conditions: Conditions) -> Result<()> {
        if conditions.cpu_slowdown > 1.0 {
            self.cdp(
                "Emulation.setCPUThrottlingRate",
                json!({ "rate": conditions.cpu_slowdown }),
            )
            .await?;
        }
        if let Some((latency, down, up)) = conditions.network {
            self.cdp("Network.enable", json!({})).await?;
            self.cdp(
                "Network.emulateNetworkConditions",
                json!({ "offline": false, "latency": latency, "downloadThroughput": down, "uploadThroughput": up }),
            )
            .await?;
        }
        Ok(())
    }

    async fn cdp(&self, cmd: &'static str, params: Value) -> Result<Value> {
        self.client
            .issue_cmd(chromium::Cdp(cmd, params))
            .await
            .map_err(|e| anyhow!("{cmd}: {e}"))
    }

    async fn js(&self, script: &str) -> Result<Value> {
        self.client
            .execute(script, vec![])
            .await
            .map_err(|e| anyhow!("{e}: {script}"))
    }

    async fn metric(&self, name: &str) -> Result<f64> {
        let m = self.cdp("Performance.getMetrics", json!({})).await?;
        m["metrics"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["name"] == name))
            .and_then(|x| x["value"].as_f64())
            .ok_or_else(|| anyhow!("no metric {name}"))
    }

    async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// One cold load of a page, with every figure measured on it.
async fn measure_once(
    base: &str,
    page: &str,
    (width, height): (u32, u32),
    conditions: Conditions,
    long_run: bool,
) -> Result<Value> {
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
    let first_frame = first_frame_ms(&s, page).await?;
    let seen = first_paint::first_paint(&s, page).await?;
    let steps = s
        .js(&format!(
            "return {MOUNT_STEPS:?}.map(n => performance.getEntriesByName(n)[0]?.startTime ?? null)"
        ))
        .await?;
    let task_at_first = s.metric("TaskDuration").await?;
    tokio::time::sleep(Duration::from_millis(2000)).await;
    let main_thread_ms = (s.metric("TaskDuration").await? - task_at_first) * 1000.0;
    let seen = first_paint::settled(&s, seen).await?;
    // The entry animation has ended: every timed callback so far was an entry frame.
    let frames: Vec<f64> = serde_json::from_value(s.js("return window.__frameTimes").await?)?;
    let resources = s
        .js("return [location.pathname, ...performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)]")
        .await?;

    // Hover: from a pointer move onto 2020 until the tooltip is drawn and the page idles.
    // The reader's first hover is the figure; later ones, onto other years, are kept too.
    let hover_ms = hover_script_ms(&s, 2020).await?;
    let tooltip = s
        .js(&format!(
            "return {CHART}.querySelector('.rankclimb-tooltip').textContent"
        ))
        .await?;
    if !tooltip.as_str().unwrap_or_default().contains("88") {
        bail!("{page}: the hover did not show 2020's rank: {tooltip}");
    }
    let mut later = Vec::new();
    for year in [2019, 2021, 2016, 2020] {
        later.push(hover_script_ms(&s, year).await?);
    }
    let hover_later_ms = median(later);

    let memory = "return { wasm: document.querySelector('[data-rankclimb]').rankclimb.constructor.wasmMemoryBytes(), heap: performance.memory.usedJSHeapSize }";
    let after_load = s.js(memory).await?;
    // 10,000 frames take a while on the full page: once per page is enough for memory.
    let after_frames = if long_run {
        s.js("document.querySelector('[data-rankclimb]').rankclimb.drawFrames(10000)")
            .await?;
        s.js(memory).await?
    } else {
        Value::Null
    };
    let version = s
        .client
        .capabilities()
        .and_then(|c| c.get("browserVersion"))
        .cloned()
        .unwrap_or(Value::Null);
    s.close().await;
    Ok(json!({
        "first_frame_ms": first_frame, "chart_on_screen_ms": seen.chart_on_screen_ms, "lcp_ms": seen.lcp_ms, "cls": seen.cls, "first_frame_steps": steps, "frames": frames, "main_thread_ms": main_thread_ms, "hover_ms": hover_ms, "hover_later_ms": hover_later_ms,
        "resources": resources, "after_load": after_load, "after_10000_frames": after_frames, "browser": version,
    }))
}

/// Where a frame's time goes: `performance.measure` entries around each drawing stage, a
/// sampling CPU profile (function names kept in the wasm for it) and the canvas calls made
/// per frame, over `PROFILE_FRAMES` frames drawn back to back after the entry animation.
async fn profile_once(base: &str, page: &str, width: u32, height: u32) -> Result<Value> {
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
    let measures = s
        .js(&format!("const t0 = performance.now(); {chart}.drawFrames({PROFILE_FRAMES}); const t1 = performance.now();
              {chart}.setProfiling(false); const m = {{}};
              for (const e of performance.getEntriesByType('measure'))
                if (e.startTime >= t0 && e.startTime <= t1) (m[e.name] ||= []).push(e.duration);
              return m;"))
        .await?;
    let profile = s.cdp("Profiler.stop", json!({})).await?;
    // Hover, staged: a real pointer move onto 2020 once the entry has ended.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let (x, y) = point_of(&s, 2020).await?;
    s.client.perform_actions(mouse_to(2.0, 2.0)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    s.js(&format!(
        "performance.clearMeasures(); {chart}.setProfiling(true);"
    ))
    .await?;
    s.client.perform_actions(mouse_to(x, y)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let hover = s
        .js(&format!("{chart}.setProfiling(false); return performance.getEntriesByType('measure').map(e => [e.name, e.duration]);"))
        .await?;
    let hover_tip = s
        .js(&format!(
            "return {CHART}.querySelector('.rankclimb-tooltip').textContent"
        ))
        .await?;
    if !hover_tip.as_str().unwrap_or_default().contains("88") {
        bail!("{page}: the profiled hover did not show 2020's rank: {hover_tip}");
    }
    let calls = s
        .js(&format!(
            "{CALL_COUNTER}; {chart}.drawFrames({COUNTED_FRAMES}); return {{ ...window.__calls }};"
        ))
        .await?;
    s.close().await;

    let stages: Vec<Value> = measures
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, v)| {
            let d: Vec<f64> = serde_json::from_value(v.clone()).unwrap_or_default();
            json!({ "stage": name, "count": d.len(), "median_ms": median(d.clone()),
                    "p95_ms": percentile(d.clone(), 0.95), "total_ms": d.iter().sum::<f64>() })
        })
        .collect();
    let mut per_call: Vec<(String, f64)> = calls
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| {
            (
                k.clone(),
                v.as_f64().unwrap_or(0.0) / f64::from(COUNTED_FRAMES),
            )
        })
        .collect();
    per_call.sort_by(|a, b| b.1.total_cmp(&a.1));
    Ok(json!({
        "stages": stages,
        "functions": self_times(&profile["profile"]),
        "canvas_calls_per_frame": per_call.iter().map(|(k, n)| json!([k, n])).collect::<Vec<_>>(),
        "hover_stages": hover,
    }))
}

/// Navigation start → the chart's first drawn frame (its `rankclimb:first-frame` mark), once
/// the page has drawn it.
async fn first_frame_ms(s: &Session, page: &str) -> Result<f64> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let v = s.js("const m = performance.getEntriesByName('rankclimb:first-frame')[0]; return m ? m.startTime : null;").await?;
        if let Some(t) = v.as_f64() {
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
async fn point_of(s: &Session, year: i32) -> Result<(f64, f64)> {
    let point = s
        .js(&format!(
            "return document.querySelector('[data-rankclimb]').rankclimb.pointOf({year})"
        ))
        .await?;
    let rect = s.js(&format!("const r = {CHART}.querySelector('.rankclimb-canvas').getBoundingClientRect(); return [r.left, r.top]")).await?;
    let at = |v: &Value, i: usize| v[i].as_f64().unwrap_or(0.0);
    Ok((
        (at(&rect, 0) + at(&point, 0)).round(),
        (at(&rect, 1) + at(&point, 1)).round(),
    ))
}

fn mouse_to(x: f64, y: f64) -> MouseActions {
    MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
        duration: None,
        x,
        y,
    })
}

/// Self time per function in a CDP CPU profile, grouped by name, largest first; wasm
/// functions lose their hash suffix.
fn self_times(profile: &Value) -> Vec<Value> {
    let nodes = profile["nodes"].as_array().cloned().unwrap_or_default();
    let samples = profile["samples"].as_array().map_or(0, Vec::len).max(1);
    let span_ms = (profile["endTime"].as_f64().unwrap_or(0.0)
        - profile["startTime"].as_f64().unwrap_or(0.0))
        / 1000.0;
    let mut by_name: std::collections::BTreeMap<String, (String, f64)> = Default::default();
    for n in &nodes {
        let f = &n["callFrame"];
        let mut name = f["functionName"].as_str().unwrap_or("").to_string();
        if let Some(i) = name.rfind("::h") {
            if name.len() - i == 19 {
                name.truncate(i);
            }
        }
        let url = f["url"].as_str().unwrap_or("");
        let kind = if url.starts_with("wasm://") || name.contains("::") {
            "wasm"
        } else if url.ends_with("rankclimb.js") {
            "JS bindings"
        } else if url.is_empty() && !name.starts_with('(') {
            "browser"
        } else {
            "other"
        };
        let name = if name.is_empty() {
            "(anonymous)".into()
        } else {
            name
        };
        let ms = n["hitCount"].as_f64().unwrap_or(0.0) * span_ms / samples as f64;
        by_name.entry(name).or_insert((kind.into(), 0.0)).1 += ms;
    }
    let mut v: Vec<(String, (String, f64))> = by_name.into_iter().collect();
    v.sort_by(|a, b| b.1 .1.total_cmp(&a.1 .1));
    v.into_iter()
        .filter(|(_, (_, ms))| *ms > 0.0)
        .map(|(name, (kind, ms))| json!({ "function": name, "kind": kind, "self_ms": ms }))
        .collect()
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<u64>().ok())
        })
        .map_or(String::new(), |kb| {
            format!(", {} GiB", (kb + 512 * 1024) / (1024 * 1024))
        });
    format!("{cpu}, {cores} cores{mem}")
}

fn print_profile(profile: &Value) {
    println!("  profile: {PROFILE_FRAMES} frames drawn back to back (performance.measure, ms)");
    for st in profile["stages"].as_array().into_iter().flatten() {
        println!(
            "    {:<24} median {:>6.3}  p95 {:>6.3}  total {:>8.1}  ({} entries)",
            st["stage"].as_str().unwrap_or(""),
            st["median_ms"].as_f64().unwrap_or(f64::NAN),
            st["p95_ms"].as_f64().unwrap_or(f64::NAN),
            st["total_ms"].as_f64().unwrap_or(f64::NAN),
            st["count"]
        );
    }
    let functions = profile["functions"].as_array().cloned().unwrap_or_default();
    let mut kinds: std::collections::BTreeMap<String, f64> = Default::default();
    for f in &functions {
        *kinds
            .entry(f["kind"].as_str().unwrap_or("").to_string())
            .or_default() += f["self_ms"].as_f64().unwrap_or(0.0);
    }
    println!("  CPU profile, self time by kind (ms): {kinds:.1?}");
    // "(idle)" and "(program)" (time outside any script, over the whole profiled span)
    // say nothing about the frames; they stay in the kinds above and in bench.json.
    println!("  CPU profile, top functions by self time:");
    for f in functions
        .iter()
        .filter(|f| !matches!(f["function"].as_str(), Some("(idle)" | "(program)")))
        .take(15)
    {
        println!(
            "    {:>8.1} ms  {:<11} {}",
            f["self_ms"].as_f64().unwrap_or(0.0),
            f["kind"].as_str().unwrap_or(""),
            f["function"]
                .as_str()
                .unwrap_or("")
                .chars()
                .take(90)
                .collect::<String>()
        );
    }
    let hover: Vec<String> = profile["hover_stages"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            format!(
                "{} {:.2} ms",
                m[0].as_str().unwrap_or(""),
                m[1].as_f64().unwrap_or(0.0)
            )
        })
        .collect();
    println!("  hover onto 2020, staged: {}", hover.join(", "));
    let calls: Vec<String> = profile["canvas_calls_per_frame"]
        .as_array()
        .into_iter()
        .flatten()
        .take(12)
        .map(|c| {
            format!(
                "{} {:.0}",
                c[0].as_str().unwrap_or(""),
                c[1].as_f64().unwrap_or(0.0)
            )
        })
        .collect();
    println!("  canvas calls per frame: {}", calls.join(", "));
}

/// The studio alone (`bench --studio`): edit → preview, printed.
pub fn bench_studio(root: &Path) -> Result<()> {
    let dir = dist::dist(root)?;
    let rt = tokio::runtime::Runtime::new()?;
    let studio = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base = format!("http://{}", listener.local_addr()?);
        let app = crate::serve::router(&dir);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        step("measuring the studio: an edit to both previews redrawn");
        studio::edit_to_preview(&base).await
    })?;
    print_studio(&studio);
    Ok(())
}

fn print_studio(studio: &Value) {
    println!(
        "\nstudio (studio.html, 1400×1000, this machine): edit → both previews redrawn, {} keys typed into the title\n  median {:.1} ms, max {:.1} ms",
        studio["edits"],
        studio["median_ms"].as_f64().unwrap_or(f64::NAN),
        studio["max_ms"].as_f64().unwrap_or(f64::NAN)
    );
}

/// `cargo xtask bench --first-paint`: see `bench_first_paint.rs`.
pub fn bench_first_paint(root: &Path) -> Result<()> {
    first_paint::first_paint_only(root, 5)
}

pub fn bench(root: &Path, runs_per_page: usize) -> Result<()> {
    let dir = dist::dist(root)?;
    let rt = tokio::runtime::Runtime::new()?;
    let report = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base = format!("http://{}", listener.local_addr()?);
        // Served as a CDN serves them: the precompressed copies, with their encoding.
        let app = crate::serve::router(&dir);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        // A copy of dist/ whose wasm keeps its function names, for the CPU profile only.
        let named = std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(|| root.join("target"), std::path::PathBuf::from)
            .join("dist-named");
        if named.exists() {
            std::fs::remove_dir_all(&named)?;
        }
        dist::copy_tree(&dir, &named)?;
        dist::bindings(root, &named.join("pkg"), true)?;
        // The same short import names as dist/'s joined loader expects.
        crate::short_imports::shorten(&named.join("pkg"))?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let named_base = format!("http://{}", listener.local_addr()?);
        let app = axum::Router::new().fallback_service(tower_http::services::ServeDir::new(&named));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        let mut pages = Vec::new();
        for conditions in [DESKTOP, PHONE] {
            for (name, page, w, h) in PAGES {
                step(&format!(
                    "measuring {name} ({page}) as a {} reader, {runs_per_page} cold loads at a device pixel ratio of 2",
                    conditions.name
                ));
                // One load first, not counted: the first browser start after a build reads
                // Chromium and its fonts from disk, which no later load does. Between loads, a
                // second for the last browser to exit: on 2 cores its shutdown slowed the next
                // load. Memory over 10,000 frames is measured once, on the desktop.
                measure_once(&base, page, (w, h), conditions, false).await?;
                let mut runs = Vec::new();
                for run in 0..runs_per_page {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    let long_run = run == 0 && conditions.name == DESKTOP.name;
                    runs.push(measure_once(&base, page, (w, h), conditions, long_run).await?);
                }
                let profile = if conditions.name == DESKTOP.name {
                    step(&format!("profiling {name}: {PROFILE_FRAMES} frames"));
                    profile_once(&named_base, page, w, h).await?
                } else {
                    Value::Null
                };
                pages.push((name, page, conditions, runs, profile));
            }
        }
        let cache = std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(|| root.join("target"), std::path::PathBuf::from);
        let chartjs_dir = first_paint::chartjs_page(root, &cache)?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let chartjs_base = format!("http://{}", listener.local_addr()?);
        let app = crate::serve::router(&chartjs_dir);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        let mut chartjs = Vec::new();
        for conditions in [DESKTOP, PHONE] {
            chartjs.push(first_paint::measure_chartjs(&chartjs_base, conditions, runs_per_page).await?);
        }
        step("measuring the studio: an edit to both previews redrawn");
        let studio = studio::edit_to_preview(&base).await?;
        anyhow::Ok((pages, studio, chartjs))
    })?;
    let (report, studio, chartjs) = report;

    let mut out = Vec::new();
    println!(
        "\nrankclimb benchmark · {} · Chromium {}",
        machine(),
        report[0].3[0]["browser"].as_str().unwrap_or("?")
    );
    for (name, page, conditions, runs, profile) in &report {
        let mut paths: Vec<String> = runs[0]["resources"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p.as_str().map(|s| s.trim_start_matches('/').to_string()))
            .collect();
        paths.sort();
        paths.dedup();
        let mut files = Vec::new();
        let (mut raw_total, mut gz_total, mut br_total) = (0usize, 0usize, 0usize);
        for p in &paths {
            let file = if p.is_empty() {
                "index.html".to_string()
            } else {
                p.clone()
            };
            let Ok(bytes) = std::fs::read(dir.join(&file)) else {
                continue;
            };
            let gz = gzip_len(&bytes)?;
            let br = crate::compress::brotli(&bytes)?.len();
            raw_total += bytes.len();
            gz_total += gz;
            br_total += br;
            files.push(json!({ "file": file, "raw": bytes.len(), "gzip": gz, "br": br }));
        }
        let all_frames: Vec<f64> = runs
            .iter()
            .flat_map(|r| {
                serde_json::from_value::<Vec<f64>>(r["frames"].clone()).unwrap_or_default()
            })
            .collect();
        let per_run = |key: &str| median(runs.iter().filter_map(|r| r[key].as_f64()).collect());
        let frame_median = median(
            runs.iter()
                .map(|r| median(serde_json::from_value(r["frames"].clone()).unwrap_or_default()))
                .collect(),
        );
        let frame_p95 = median(
            runs.iter()
                .map(|r| {
                    percentile(
                        serde_json::from_value(r["frames"].clone()).unwrap_or_default(),
                        0.95,
                    )
                })
                .collect(),
        );
        let frame_max = all_frames.iter().copied().fold(0.0, f64::max);
        let mem = |when: &str, what: &str| {
            median(runs.iter().filter_map(|r| r[when][what].as_f64()).collect())
        };
        // Each step's median time from navigation start, over the loads.
        let steps: Vec<Value> = MOUNT_STEPS
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let at = median(
                    runs.iter()
                        .filter_map(|r| r["first_frame_steps"][i].as_f64())
                        .collect(),
                );
                json!({ "step": name.trim_start_matches("rankclimb:"), "ms": at })
            })
            .collect();
        let summary = json!({
            "page": page, "name": name, "conditions": conditions.name, "runs": runs_per_page, "files": files, "raw_bytes": raw_total, "gzip_bytes": gz_total, "br_bytes": br_total,
            "first_frame_ms": per_run("first_frame_ms"), "chart_on_screen_ms": per_run("chart_on_screen_ms"), "lcp_ms": per_run("lcp_ms"), "cls": per_run("cls"), "first_frame_steps": steps, "frame_ms_median": frame_median, "frame_ms_p95": frame_p95,
            "frame_ms_max": frame_max, "frames_per_load": all_frames.len() / runs_per_page, "main_thread_ms_2s": per_run("main_thread_ms"),
            "hover_ms": per_run("hover_ms"), "hover_later_ms": per_run("hover_later_ms"),
            "wasm_memory_after_load": mem("after_load", "wasm"), "js_heap_after_load": mem("after_load", "heap"),
            "wasm_memory_after_10000_frames": mem("after_10000_frames", "wasm"), "js_heap_after_10000_frames": mem("after_10000_frames", "heap"),
        });
        println!(
            "\n{name} ({page}), {} reader ({}), median of {runs_per_page} cold loads (memory after frames: one load)",
            conditions.name,
            match conditions.network {
                Some((latency, down, up)) => format!(
                    "CPU {}× slower, {latency:.0} ms round trips, {:.2} Mbit/s down, {:.2} up",
                    conditions.cpu_slowdown,
                    down * 8.0 / 1e6,
                    up * 8.0 / 1e6
                ),
                None => "this machine, local network".to_string(),
            }
        );
        println!(
            "  {:<32} {:>10} {:>10} {:>10}",
            "file", "raw B", "gzip B", "br B"
        );
        for f in &files {
            println!(
                "  {:<32} {:>10} {:>10} {:>10}",
                f["file"].as_str().unwrap_or(""),
                f["raw"].as_u64().unwrap_or(0),
                f["gzip"].as_u64().unwrap_or(0),
                f["br"].as_u64().unwrap_or(0)
            );
        }
        println!(
            "  {:<32} {:>10} {:>10} {:>10}   ({:.1} KiB gzip, {:.1} KiB br)",
            "total",
            raw_total,
            gz_total,
            br_total,
            gz_total as f64 / 1024.0,
            br_total as f64 / 1024.0
        );
        println!(
            "  navigation → chart on screen       {:>8.1} ms (still or canvas, first frame it is visible)",
            summary["chart_on_screen_ms"].as_f64().unwrap_or(f64::NAN)
        );
        println!(
            "  navigation → first drawn frame     {:>8.1} ms (the canvas)",
            summary["first_frame_ms"].as_f64().unwrap_or(f64::NAN)
        );
        println!(
            "  largest contentful paint; CLS      {:>8.1} ms; {:.3}",
            summary["lcp_ms"].as_f64().unwrap_or(f64::NAN),
            summary["cls"].as_f64().unwrap_or(f64::NAN)
        );
        println!(
            "    steps (median ms from navigation start): {}",
            steps
                .iter()
                .map(|s| format!(
                    "{} {:.0}",
                    s["step"].as_str().unwrap_or(""),
                    s["ms"].as_f64().unwrap_or(f64::NAN)
                ))
                .collect::<Vec<_>>()
                .join(" → ")
        );
        println!("  script per frame, median/p95/max   {frame_median:>8.2} / {frame_p95:.2} / {frame_max:.2} ms ({} frames a load)", all_frames.len() / runs_per_page);
        println!(
            "  main-thread time, 2 s after first  {:>8.1} ms",
            summary["main_thread_ms_2s"].as_f64().unwrap_or(f64::NAN)
        );
        println!(
            "  hover onto 2020 → idle, script     {:>8.2} ms (later hovers {:.2} ms)",
            summary["hover_ms"].as_f64().unwrap_or(f64::NAN),
            summary["hover_later_ms"].as_f64().unwrap_or(f64::NAN)
        );
        println!(
            "  wasm memory / JS heap after load   {:>8.0} KiB / {:.0} KiB",
            mem("after_load", "wasm") / 1024.0,
            mem("after_load", "heap") / 1024.0
        );
        println!(
            "  … after 10,000 frames              {:>8.0} KiB / {:.0} KiB",
            mem("after_10000_frames", "wasm") / 1024.0,
            mem("after_10000_frames", "heap") / 1024.0
        );
        if !profile.is_null() {
            print_profile(profile);
        }
        let mut summary = summary;
        summary["profile"] = profile.clone();
        out.push(summary);
    }
    print_studio(&studio);
    println!("\nChart.js 4.6.1, the same rank series at 800×450 CSS px (chartjs.html), median of {runs_per_page} cold loads");
    for c in &chartjs {
        let ours = out
            .iter()
            .find(|p| p["page"] == "rank.html" && p["conditions"] == c.conditions)
            .and_then(|p| p["chart_on_screen_ms"].as_f64())
            .unwrap_or(f64::NAN);
        println!(
            "  {:<8} first frame {:>7.1} ms · LCP {:>7.1} ms · CLS {:.3} · {:.1} KiB on the wire · rank.html chart on screen {:.1} ms = {:.2}× Chart.js's first frame",
            c.conditions,
            c.first_frame_ms,
            c.lcp_ms,
            c.cls,
            c.bytes_on_the_wire as f64 / 1024.0,
            ours,
            ours / c.first_frame_ms
        );
    }
    let json = json!({ "machine": machine(), "browser": report[0].3[0]["browser"], "pages": out, "studio": studio, "chartjs": chartjs, "raw": report.iter().map(|(n, _, c, r, _)| json!({"name": n, "conditions": c.name, "runs": r})).collect::<Vec<_>>() });
    let path = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), std::path::PathBuf::from)
        .join("bench.json");
    std::fs::create_dir_all(path.parent().unwrap_or(root))?;
    std::fs::write(&path, serde_json::to_string_pretty(&json)?)?;
    println!("\nwrote {}", path.display());
    Ok(())
}
