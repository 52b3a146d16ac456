//! When the reader first sees the chart, against a Chart.js page drawing the same data in the
//! same run: "chart on screen" (the first frame in which the chart, still or canvas, is
//! visible), Largest Contentful Paint and the layout shift score.

use super::browser::{Conditions, Session};
use super::median;
use crate::step;
use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Installed before any page script. On every animation frame until the chart shows, it
/// looks for the first chart: its build-time still with a size, or its canvas once drawn
/// (or the Chart.js page's canvas once Chart.js has drawn it). The time is that frame's, or
/// the first contentful paint's where that is later (a still in the page's HTML shows in
/// that paint). It also keeps the last LCP candidate and the sum of layout shifts without
/// input.
pub const SCREEN_PROBE: &str = "(() => {
  const raf = window.requestAnimationFrame.bind(window);
  window.__onScreen = null; window.__lcp = null; window.__cls = 0;
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) { window.__lcp = e.startTime;
      window.__lcpElement = e.element ? `${e.element.tagName.toLowerCase()}.${e.element.className}`.slice(0, 60) : '?'; } })
    .observe({ type: 'largest-contentful-paint', buffered: true }); } catch (e) {}
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
    .observe({ type: 'layout-shift', buffered: true }); } catch (e) {}
  const shown = () => {
    if (window.__chartjsDrawn) return true;
    const root = document.querySelector('[data-rankclimb]')?.shadowRoot;
    if (!root) return false;
    if (performance.getEntriesByName('rankclimb:first-frame').length) return true;
    for (const pic of root.querySelectorAll('.rankclimb-still > svg, .rankclimb-still > img')) {
      const r = pic.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && (pic.tagName !== 'IMG' || pic.naturalWidth > 0)) return true;
    }
    return false;
  };
  // The frame's start is not yet its pixels: where the chart is in the page's first
  // contentful paint, that paint's time is the later and truer one.
  const fcp = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
  const probe = () => {
    if (shown()) {
      const at = performance.now();
      const settle = () => { const f = fcp(); if (f > 0 || performance.now() - at > 2000) window.__onScreen = Math.max(at, f); else raf(settle); };
      settle();
    } else raf(probe);
  };
  raf(probe);
})();";

/// What one load of a page showed, and when.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FirstPaint {
    /// The LCP element, as `tag.class`.
    #[serde(default)]
    pub lcp_element: Option<String>,
    /// Navigation start to the first frame with the chart visible (still or canvas).
    pub chart_on_screen_ms: Option<f64>,
    /// The last Largest Contentful Paint candidate before any input.
    pub lcp_ms: Option<f64>,
    /// Layout shifts without recent input, summed.
    pub cls: f64,
}

/// Read what the probe saw, once the chart is on screen.
pub async fn first_paint(s: &Session, page: &str) -> Result<FirstPaint> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let v = s
            .js("return window.__onScreen === null ? null : { chart_on_screen_ms: window.__onScreen, lcp_ms: window.__lcp, cls: window.__cls, lcp_element: window.__lcpElement || null }")
            .await?;
        if !v.is_null() {
            return Ok(serde_json::from_value(v)?);
        }
        if Instant::now() > deadline {
            bail!("{page}: the chart was not on screen within 15 s");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// What the probe holds after the first look: LCP and CLS as they stand.
#[derive(Debug, Deserialize)]
struct Settled {
    lcp_ms: Option<f64>,
    cls: Option<f64>,
    lcp_element: Option<String>,
}

/// LCP and CLS settle after the chart is on screen: read them again later (before input).
pub async fn settled(s: &Session, seen: FirstPaint) -> Result<FirstPaint> {
    let now: Settled = s
        .js_as("return { lcp_ms: window.__lcp, cls: window.__cls, lcp_element: window.__lcpElement || null }")
        .await?;
    Ok(FirstPaint {
        lcp_ms: now.lcp_ms.or(seen.lcp_ms),
        cls: now.cls.unwrap_or(seen.cls),
        lcp_element: now.lcp_element.or(seen.lcp_element),
        ..seen
    })
}

/// A page drawing the bundled story's rank series with Chart.js at 800×450 CSS px, under the
/// same title and subtitle in HTML as rankclimb's page has, with Chart.js beside it and
/// precompressed copies, under `cache`; the folder to serve.
pub fn chartjs_page(root: &Path, cache: &Path) -> Result<PathBuf> {
    let lib = crate::packages::ensure_npm(
        root,
        cache,
        "chart.js/dist/chart.umd.min.js",
        "the Chart.js comparison page",
    )?;
    let model = rankclimb::check::load::load_file(&root.join("www/data/pingdingshan.json"))
        .map_err(|e| anyhow::anyhow!("the bundled story: {}", e.lines().join("; ")))?;
    let years: Vec<i32> = model.ranking.points.iter().map(|p| p.year).collect();
    let ranks: Vec<Option<u32>> = model.ranking.points.iter().map(|p| p.rank).collect();
    let title = model.title.zh.clone();
    let title_html = html_escape::encode_text(&title);
    let subtitle = model
        .subtitle
        .as_ref()
        .map(|s| s.zh.clone())
        .unwrap_or_default();
    let subtitle_html = html_escape::encode_text(&subtitle);
    let page = format!(
        r#"<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title_html} · Chart.js</title></head><body style="margin:0">
<main style="margin:16px"><h1 style="font-size:1.35em;margin:0">{title_html}</h1><p style="margin:4px 0 8px;color:#4b5563">{subtitle_html}</p>
<div style="width:800px;height:450px"><canvas id="chartjs" role="img" aria-label="{title_attr}"></canvas></div></main>
<script src="chart.umd.min.js"></script>
<script>
// afterDraw, not afterRender: Chart.js calls afterRender only once its entry animation ends.
const marker = {{ id: 'marker', afterDraw() {{ if (!window.__chartjsDrawn) {{ window.__chartjsDrawn = true; performance.mark('chartjs:first-frame'); }} }} }};
new Chart(document.getElementById('chartjs'), {{
  type: 'line',
  data: {{ labels: {years:?}, datasets: [{{ label: {title:?}, data: {ranks}, spanGaps: false, borderColor: '#c2410c', backgroundColor: '#c2410c' }}] }},
  options: {{ responsive: true, maintainAspectRatio: false, scales: {{ y: {{ reverse: true }} }} }},
  plugins: [marker],
}});
</script></body></html>
"#,
        ranks = serde_json::to_string(&ranks)?,
        title_attr = html_escape::encode_double_quoted_attribute(&title),
    );
    let dir = cache.join("bench-chartjs");
    std::fs::create_dir_all(&dir)?;
    std::fs::copy(&lib, dir.join("chart.umd.min.js"))?;
    std::fs::write(dir.join("chartjs.html"), page)?;
    crate::compress::precompress(&dir)?;
    Ok(dir)
}

/// One cold load of the Chart.js page: its first frame and what the reader saw.
async fn chartjs_once(base: &str, conditions: Conditions) -> Result<(f64, FirstPaint, u64)> {
    let s = Session::start(900, 700).await?;
    s.emulate(conditions).await?;
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": SCREEN_PROBE }),
    )
    .await?;
    s.client.goto(&format!("{base}/chartjs.html")).await?;
    let seen = first_paint(&s, "chartjs.html").await?;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let seen = settled(&s, seen).await?;
    let first: f64 = s
        .js_as("return performance.getEntriesByName('chartjs:first-frame')[0].startTime")
        .await?;
    let bytes: u64 = s
        .js_as("return performance.getEntriesByType('resource').reduce((n, e) => n + e.encodedBodySize, 0) + performance.getEntriesByType('navigation')[0].encodedBodySize")
        .await?;
    s.close().await;
    Ok((first, seen, bytes))
}

/// The Chart.js page under `conditions`, median of `runs` cold loads (after one uncounted).
#[derive(Debug, Clone, Serialize)]
pub struct ChartJs {
    pub conditions: &'static str,
    pub first_frame_ms: f64,
    pub lcp_ms: f64,
    pub cls: f64,
    pub bytes_on_the_wire: u64,
}

pub async fn measure_chartjs(base: &str, conditions: Conditions, runs: usize) -> Result<ChartJs> {
    step(&format!(
        "measuring the Chart.js page as a {} reader, {runs} cold loads",
        conditions.name
    ));
    chartjs_once(base, conditions).await?;
    let mut loads = Vec::new();
    for _ in 0..runs {
        tokio::time::sleep(Duration::from_secs(1)).await;
        loads.push(chartjs_once(base, conditions).await?);
    }
    Ok(ChartJs {
        conditions: conditions.name,
        first_frame_ms: median(loads.iter().map(|l| l.0).collect()),
        lcp_ms: median(loads.iter().filter_map(|l| l.1.lcp_ms).collect()),
        cls: median(loads.iter().map(|l| l.1.cls).collect()),
        bytes_on_the_wire: loads.first().map_or(0, |l| l.2),
    })
}

/// One cold load of one of our pages: chart on screen, the canvas's first frame, LCP, CLS.
async fn ours_once(base: &str, page: &str, conditions: Conditions) -> Result<(FirstPaint, f64)> {
    let s = Session::start(900, 900).await?;
    s.emulate(conditions).await?;
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": SCREEN_PROBE }),
    )
    .await?;
    s.client.goto(&format!("{base}/{page}")).await?;
    let seen = first_paint(&s, page).await?;
    let deadline = Instant::now() + Duration::from_secs(15);
    let first_frame = loop {
        let v = s
            .js("const m = performance.getEntriesByName('rankclimb:first-frame')[0]; return m ? m.startTime : null;")
            .await?;
        if let Some(t) = v.as_f64() {
            break t;
        }
        if Instant::now() > deadline {
            bail!("{page}: no canvas frame within 15 s");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let seen = settled(&s, seen).await?;
    s.close().await;
    Ok((seen, first_frame))
}

/// `cargo xtask bench --first-paint`: when the chart is on screen on the rank page and the
/// demo article, against the Chart.js page, as a desktop and as a phone reader.
pub fn first_paint_only(root: &Path, runs: usize) -> Result<()> {
    let dir = crate::dist::dist(root)?;
    let cache =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let chartjs_dir = chartjs_page(root, &cache)?;
    let rt = tokio::runtime::Runtime::new()?;
    rt.block_on(async {
        let serve = |dir: PathBuf| async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
            let base = format!("http://{}", listener.local_addr()?);
            let app = crate::serve::router(&dir);
            tokio::spawn(async move {
                let _ = axum::serve(listener, app).await;
            });
            anyhow::Ok(base)
        };
        let base = serve(dir).await?;
        let chartjs_base = serve(chartjs_dir).await?;
        println!("\nchart on screen, first canvas frame, LCP and CLS: median of {runs} cold loads, device pixel ratio 2");
        for conditions in [super::browser::DESKTOP, super::browser::PHONE] {
            let chartjs = measure_chartjs(&chartjs_base, conditions, runs).await?;
            println!(
                "  {:<8} chartjs.html   first frame {:>7.1} ms · LCP {:>7.1} ms · CLS {:.3}",
                conditions.name, chartjs.first_frame_ms, chartjs.lcp_ms, chartjs.cls
            );
            for page in ["rank.html", "article.html"] {
                step(&format!("measuring {page} as a {} reader", conditions.name));
                ours_once(&base, page, conditions).await?;
                let mut loads = Vec::new();
                for _ in 0..runs {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    loads.push(ours_once(&base, page, conditions).await?);
                }
                let on_screen = median(loads.iter().filter_map(|l| l.0.chart_on_screen_ms).collect());
                let element = loads
                    .iter()
                    .filter_map(|l| l.0.lcp_element.clone())
                    .next()
                    .unwrap_or_default();
                println!(
                    "  {:<8} {page:<14} chart on screen {on_screen:>7.1} ms ({:.2}× Chart.js's first frame) · first canvas frame {:>7.1} ms · LCP {:>7.1} ms ({element}) · CLS {:.3}",
                    conditions.name,
                    on_screen / chartjs.first_frame_ms,
                    median(loads.iter().map(|l| l.1).collect()),
                    median(loads.iter().filter_map(|l| l.0.lcp_ms).collect()),
                    median(loads.iter().map(|l| l.0.cls).collect()),
                );
            }
        }
        anyhow::Ok(())
    })
}
