//! The bench's table: each page's loads summarised (bytes by file, medians of the timings,
//! memory), printed, and kept for `target/bench.json`.

use super::browser::Conditions;
use super::first_paint::ChartJs;
use super::frame_profile::{Profile, PROFILE_FRAMES};
use super::page_load::{PageLoad, MOUNT_STEPS};
use super::studio::StudioTimes;
use super::{median, percentile};
use anyhow::Result;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One file the page fetched, and its size as sent.
#[derive(Debug, Clone, Serialize)]
pub struct FileSize {
    pub file: String,
    pub raw: usize,
    pub gzip: usize,
    pub br: usize,
}

/// A step on the way to the first frame, median ms from navigation start.
#[derive(Debug, Clone, Serialize)]
pub struct StepTime {
    pub step: &'static str,
    pub ms: f64,
}

/// One page under one set of conditions, over its loads.
#[derive(Debug, Clone, Serialize)]
pub struct PageSummary {
    pub page: &'static str,
    pub name: &'static str,
    pub conditions: &'static str,
    pub runs: usize,
    pub files: Vec<FileSize>,
    pub raw_bytes: usize,
    pub gzip_bytes: usize,
    pub br_bytes: usize,
    pub first_frame_ms: f64,
    pub chart_on_screen_ms: f64,
    pub lcp_ms: f64,
    pub cls: f64,
    pub first_frame_steps: Vec<StepTime>,
    pub frame_ms_median: f64,
    pub frame_ms_p95: f64,
    pub frame_ms_max: f64,
    pub frames_per_load: usize,
    pub main_thread_ms_2s: f64,
    pub hover_year: i32,
    pub hover_ms: f64,
    pub hover_later_ms: f64,
    pub wasm_memory_after_load: f64,
    pub js_heap_after_load: f64,
    pub wasm_memory_after_10000_frames: f64,
    pub js_heap_after_10000_frames: f64,
    pub profile: Option<Profile>,
}

/// What was measured on one page under one set of conditions.
pub struct Measured {
    pub name: &'static str,
    pub page: &'static str,
    pub conditions: Conditions,
    pub loads: Vec<PageLoad>,
    pub profile: Option<Profile>,
    pub hover_year: i32,
}

/// The files a load fetched, with their sizes as `dist` holds them.
fn file_sizes(dist: &Path, load: &PageLoad) -> Result<Vec<FileSize>> {
    let mut paths: Vec<String> = load
        .resources
        .iter()
        .map(|p| p.trim_start_matches('/').to_string())
        .collect();
    paths.sort();
    paths.dedup();
    let mut files = Vec::new();
    for p in paths {
        let file = if p.is_empty() { "index.html".into() } else { p };
        let Ok(bytes) = std::fs::read(dist.join(&file)) else {
            continue;
        };
        files.push(FileSize {
            raw: bytes.len(),
            gzip: crate::compress::gzip(&bytes)?.len(),
            br: crate::compress::brotli(&bytes)?.len(),
            file,
        });
    }
    Ok(files)
}

pub fn summarise(dist: &Path, m: Measured) -> Result<PageSummary> {
    let loads = &m.loads;
    let files = match loads.first() {
        Some(first) => file_sizes(dist, first)?,
        None => Vec::new(),
    };
    let each = |f: &dyn Fn(&PageLoad) -> Option<f64>| median(loads.iter().filter_map(f).collect());
    let frames_all: Vec<f64> = loads.iter().flat_map(|l| l.frames.clone()).collect();
    let first_frame_steps = MOUNT_STEPS
        .iter()
        .enumerate()
        .map(|(i, name)| StepTime {
            step: name.trim_start_matches("rankclimb:"),
            ms: each(&|l| l.first_frame_steps.get(i).copied().flatten()),
        })
        .collect();
    Ok(PageSummary {
        page: m.page,
        name: m.name,
        conditions: m.conditions.name,
        runs: loads.len(),
        raw_bytes: files.iter().map(|f| f.raw).sum(),
        gzip_bytes: files.iter().map(|f| f.gzip).sum(),
        br_bytes: files.iter().map(|f| f.br).sum(),
        files,
        first_frame_ms: each(&|l| Some(l.first_frame_ms)),
        chart_on_screen_ms: each(&|l| l.seen.chart_on_screen_ms),
        lcp_ms: each(&|l| l.seen.lcp_ms),
        cls: each(&|l| Some(l.seen.cls)),
        first_frame_steps,
        frame_ms_median: each(&|l| Some(median(l.frames.clone()))),
        frame_ms_p95: each(&|l| Some(percentile(l.frames.clone(), 0.95))),
        frame_ms_max: frames_all.iter().copied().fold(0.0, f64::max),
        frames_per_load: frames_all.len() / loads.len().max(1),
        main_thread_ms_2s: each(&|l| Some(l.main_thread_ms)),
        hover_year: m.hover_year,
        hover_ms: each(&|l| Some(l.hover_ms)),
        hover_later_ms: each(&|l| Some(l.hover_later_ms)),
        wasm_memory_after_load: each(&|l| Some(l.after_load.wasm)),
        js_heap_after_load: each(&|l| Some(l.after_load.heap)),
        wasm_memory_after_10000_frames: each(&|l| l.after_10000_frames.map(|x| x.wasm)),
        js_heap_after_10000_frames: each(&|l| l.after_10000_frames.map(|x| x.heap)),
        profile: m.profile,
    })
}

pub fn print_page(p: &PageSummary, conditions: &Conditions) {
    println!(
        "\n{} ({}), {} reader ({}), median of {} cold loads (memory after frames: one load)",
        p.name,
        p.page,
        p.conditions,
        conditions.described(),
        p.runs
    );
    println!(
        "  {:<32} {:>10} {:>10} {:>10}",
        "file", "raw B", "gzip B", "br B"
    );
    for f in &p.files {
        println!("  {:<32} {:>10} {:>10} {:>10}", f.file, f.raw, f.gzip, f.br);
    }
    println!(
        "  {:<32} {:>10} {:>10} {:>10}   ({:.1} KiB gzip, {:.1} KiB br)",
        "total",
        p.raw_bytes,
        p.gzip_bytes,
        p.br_bytes,
        p.gzip_bytes as f64 / 1024.0,
        p.br_bytes as f64 / 1024.0
    );
    println!(
        "  navigation → chart on screen       {:>8.1} ms (still or canvas, first frame it is visible)",
        p.chart_on_screen_ms
    );
    println!(
        "  navigation → first drawn frame     {:>8.1} ms (the canvas)",
        p.first_frame_ms
    );
    println!(
        "  largest contentful paint; CLS      {:>8.1} ms; {:.3}",
        p.lcp_ms, p.cls
    );
    let steps: Vec<String> = p
        .first_frame_steps
        .iter()
        .map(|s| format!("{} {:.0}", s.step, s.ms))
        .collect();
    println!(
        "    steps (median ms from navigation start): {}",
        steps.join(" → ")
    );
    println!(
        "  script per frame, median/p95/max   {:>8.2} / {:.2} / {:.2} ms ({} frames a load)",
        p.frame_ms_median, p.frame_ms_p95, p.frame_ms_max, p.frames_per_load
    );
    println!(
        "  main-thread time, 2 s after first  {:>8.1} ms",
        p.main_thread_ms_2s
    );
    println!(
        "  hover onto {} → idle, script     {:>8.2} ms (later hovers {:.2} ms)",
        p.hover_year, p.hover_ms, p.hover_later_ms
    );
    println!(
        "  wasm memory / JS heap after load   {:>8.0} KiB / {:.0} KiB",
        p.wasm_memory_after_load / 1024.0,
        p.js_heap_after_load / 1024.0
    );
    println!(
        "  … after 10,000 frames              {:>8.0} KiB / {:.0} KiB",
        p.wasm_memory_after_10000_frames / 1024.0,
        p.js_heap_after_10000_frames / 1024.0
    );
    if let Some(profile) = &p.profile {
        print_profile(profile);
    }
}

fn print_profile(profile: &Profile) {
    println!("  profile: {PROFILE_FRAMES} frames drawn back to back (performance.measure, ms)");
    for st in &profile.stages {
        println!(
            "    {:<24} median {:>6.3}  p95 {:>6.3}  total {:>8.1}  ({} entries)",
            st.stage, st.median_ms, st.p95_ms, st.total_ms, st.count
        );
    }
    let mut kinds: BTreeMap<&str, f64> = BTreeMap::new();
    for f in &profile.functions {
        *kinds.entry(f.kind).or_default() += f.self_ms;
    }
    println!("  CPU profile, self time by kind (ms): {kinds:.1?}");
    // "(idle)" and "(program)" (time outside any script, over the whole profiled span)
    // say nothing about the frames; they stay in the kinds above and in bench.json.
    println!("  CPU profile, top functions by self time:");
    for f in profile
        .functions
        .iter()
        .filter(|f| !matches!(f.function.as_str(), "(idle)" | "(program)"))
        .take(15)
    {
        println!(
            "    {:>8.1} ms  {:<11} {}",
            f.self_ms,
            f.kind,
            f.function.chars().take(90).collect::<String>()
        );
    }
    let hover: Vec<String> = profile
        .hover_stages
        .iter()
        .map(|(name, ms)| format!("{name} {ms:.2} ms"))
        .collect();
    println!(
        "  hover onto {}, staged: {}",
        profile.hover_year,
        hover.join(", ")
    );
    let calls: Vec<String> = profile
        .canvas_calls_per_frame
        .iter()
        .take(12)
        .map(|(k, n)| format!("{k} {n:.0}"))
        .collect();
    println!("  canvas calls per frame: {}", calls.join(", "));
}

pub fn print_studio(studio: &StudioTimes) {
    println!(
        "\nstudio (studio.html, 1400×1000, this machine): edit → both previews redrawn, {} keys typed into the title\n  median {:.1} ms, max {:.1} ms",
        studio.edits, studio.median_ms, studio.max_ms
    );
    println!(
        "  10,000 rows (the limit): paste → next frame {:.0} ms, \"Use these rows\" → next frame {:.0} ms",
        studio.paste_10000_rows_ms, studio.use_10000_rows_ms
    );
}

pub fn print_chartjs(chartjs: &[ChartJs], pages: &[PageSummary], runs: usize) {
    println!("\nChart.js 4.6.1, the same rank series at 800×450 CSS px (chartjs.html), median of {runs} cold loads");
    for c in chartjs {
        let ours = pages
            .iter()
            .find(|p| p.page == "rank.html" && p.conditions == c.conditions)
            .map_or(f64::NAN, |p| p.chart_on_screen_ms);
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
}

/// Everything, as `target/bench.json` keeps it.
#[derive(Serialize)]
pub struct Report<'a> {
    pub machine: String,
    pub browser: String,
    pub pages: &'a [PageSummary],
    pub studio: &'a StudioTimes,
    pub chartjs: &'a [ChartJs],
}
