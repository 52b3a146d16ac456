//! `cargo xtask bench`: bytes, first frame, frame cost, main-thread time, hover cost and
//! memory of the built page, measured in headless Chromium at a device pixel ratio of 2.
//! Each figure is the median of several fresh page loads; the table goes to the terminal
//! and everything to `target/bench.json`.
//!
//! By job: `browser.rs` drives Chromium and emulates the reader's device, `page_load.rs`
//! measures one load, `frame_profile.rs` profiles frames, `first_paint.rs` measures when the
//! chart is on screen (and the Chart.js page), `studio.rs` the studio, `report.rs` the table.

mod browser;
mod first_paint;
mod frame_profile;
mod page_load;
mod report;
mod studio;

use crate::{dist, step};
use anyhow::{anyhow, Result};
use browser::{DESKTOP, PHONE};
use page_load::{measure_once, HoverTarget};
use report::{Measured, Report};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use first_paint::chartjs_page;

/// The pages measured: the rank chart alone at 800×450 CSS px, and the whole infographic.
const PAGES: [(&str, &str, u32, u32); 2] = [
    ("rank chart alone", "rank.html", 900, 700),
    ("full infographic", "index.html", 1200, 2200),
];

/// The data file both pages show, whose years the hovers go to.
const STORY: &str = "data/pingdingshan.json";

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

fn cache_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// Serve `dir` as a CDN would (precompressed copies with their encoding); its base URL.
async fn serve(dir: &Path) -> Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let app = crate::serve::router(dir);
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(base)
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

/// The studio alone (`bench --studio`): edit → preview, printed.
pub fn bench_studio(root: &Path) -> Result<()> {
    let dir = dist::dist(root)?;
    let rt = tokio::runtime::Runtime::new()?;
    let studio = rt.block_on(async {
        let base = serve(&dir).await?;
        step("measuring the studio: an edit to both previews redrawn");
        studio::edit_to_preview(&base).await
    })?;
    report::print_studio(&studio);
    Ok(())
}

/// `cargo xtask bench --first-paint`: see `first_paint.rs`.
pub fn bench_first_paint(root: &Path) -> Result<()> {
    first_paint::first_paint_only(root, 5)
}

pub fn bench(root: &Path, runs_per_page: usize) -> Result<()> {
    let dir = dist::dist(root)?;
    let story = rankclimb::check::load::load_file(&dir.join(STORY))
        .map_err(|e| anyhow!("{STORY}: {}", e.lines().join("; ")))?;
    let hover = HoverTarget::of(&story).ok_or_else(|| anyhow!("{STORY} has no known rank"))?;
    let rt = tokio::runtime::Runtime::new()?;
    let (measured, studio, chartjs) = rt.block_on(async {
        let base = serve(&dir).await?;
        // A copy of dist/ whose wasm keeps its function names, for the CPU profile only.
        let named = cache_dir(root).join("dist-named");
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
        let mut measured = Vec::new();
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
                measure_once(&base, page, (w, h), conditions, &hover, false).await?;
                let mut loads = Vec::new();
                for run in 0..runs_per_page {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    let long_run = run == 0 && conditions.name == DESKTOP.name;
                    loads.push(measure_once(&base, page, (w, h), conditions, &hover, long_run).await?);
                }
                let profile = if conditions.name == DESKTOP.name {
                    step(&format!(
                        "profiling {name}: {} frames",
                        frame_profile::PROFILE_FRAMES
                    ));
                    Some(frame_profile::profile_once(&named_base, page, (w, h), &hover).await?)
                } else {
                    None
                };
                measured.push(Measured { name, page, conditions, loads, profile, hover_year: hover.year });
            }
        }
        let chartjs_base = serve(&chartjs_page(root, &cache_dir(root))?).await?;
        let mut chartjs = Vec::new();
        for conditions in [DESKTOP, PHONE] {
            chartjs.push(first_paint::measure_chartjs(&chartjs_base, conditions, runs_per_page).await?);
        }
        step("measuring the studio: an edit to both previews redrawn");
        let studio = studio::edit_to_preview(&base).await?;
        anyhow::Ok((measured, studio, chartjs))
    })?;

    let browser = measured
        .first()
        .and_then(|m| m.loads.first())
        .map_or_else(|| "?".to_string(), |l| l.browser.clone());
    println!("\nrankclimb benchmark · {} · Chromium {browser}", machine());
    let mut pages = Vec::new();
    for m in measured {
        let conditions = m.conditions;
        let summary = report::summarise(&dir, m)?;
        report::print_page(&summary, &conditions);
        pages.push(summary);
    }
    report::print_studio(&studio);
    report::print_chartjs(&chartjs, &pages, runs_per_page);
    let json = Report {
        machine: machine(),
        browser,
        pages: &pages,
        studio: &studio,
        chartjs: &chartjs,
    };
    let path = cache_dir(root).join("bench.json");
    std::fs::create_dir_all(path.parent().unwrap_or(root))?;
    std::fs::write(&path, serde_json::to_string_pretty(&json)?)?;
    println!("\nwrote {}", path.display());
    Ok(())
}
