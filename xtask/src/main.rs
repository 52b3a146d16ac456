//! Build tasks: `cargo xtask dist | serve | test | bench | check`; see `USAGE`.

mod bench;
mod check;
mod compress;
mod dist;
mod em_sized_text;
mod merge_csv;
mod minify;
mod packages;
mod prerender;
mod reader_wasm;
mod serve;
mod share;
mod short_imports;
mod size_report;
mod static_images;
mod test;

use anyhow::{bail, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: cargo xtask <command>
  dist [--names] [--base-url URL]
                       build the release wasm and write the static site to dist/
                       (--names keeps the wasm's function names, for twiggy; --base-url
                       is where dist/ will be published, for the share card's and oEmbed's
                       absolute links, else base_url in www/site.json)
  serve [--port N]     build dist/ and serve it on http://127.0.0.1:N/ (default 8000)
  test                 run every test: native, then the built page in headless Chromium
  bench [--runs N]     measure size and speed of the built page in headless Chromium
                       (median of N cold loads per page, default 5), then profile a frame,
                       time the studio and a Chart.js page drawing the same chart
  bench --studio       measure only the studio's edit → preview time
  bench --first-paint  measure only when the chart is on screen (rank.html, article.html)
                       against the Chart.js page, desktop and phone
  size                 build dist/ with the wasm's function names kept and say what its bytes
                       are for, by crate and by our own modules
  check [--strict] FILE
                       validate a data file and list every problem with its place and a fix,
                       and every warning (a valid file that is probably wrong; --strict
                       makes warnings fail the check)";

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    match args.first().map(String::as_str) {
        Some("dist") => {
            let mut names = false;
            let mut base = None;
            let mut rest = args.iter().skip(1);
            while let Some(a) = rest.next() {
                match a.as_str() {
                    "--names" => names = true,
                    "--base-url" => match rest.next() {
                        Some(url) => base = Some(url.as_str()),
                        None => {
                            bail!("--base-url needs the URL dist/ will be published at\n{USAGE}")
                        }
                    },
                    other => bail!("unknown option {other:?}\n{USAGE}"),
                }
            }
            dist::dist_with(&root, names, base).map(|_| ())
        }
        Some("serve") => {
            let port = match args.get(1).map(String::as_str) {
                None => 8000,
                Some("--port") => match args.get(2).and_then(|p| p.parse::<u16>().ok()) {
                    Some(p) => p,
                    None => bail!("--port needs a number from 0 to 65535\n{USAGE}"),
                },
                Some(other) => bail!("unknown option {other:?}\n{USAGE}"),
            };
            let dir = dist::dist(&root)?;
            serve::serve(&dir, port)
        }
        Some("test") => test::test(&root),
        Some("size") => {
            let dir = dist::dist_with(&root, true, None)?;
            size_report::report(&dir.join("pkg").join("rankclimb_bg.wasm"))?;
            step("dist/ now holds the names build; `cargo xtask dist` writes the published one");
            Ok(())
        }
        Some("bench") => {
            let runs = match args.get(1).map(String::as_str) {
                Some("--studio") => return bench::bench_studio(&root),
                Some("--first-paint") => return bench::bench_first_paint(&root),
                None => 5,
                Some("--runs") => match args.get(2).and_then(|n| n.parse::<usize>().ok()) {
                    Some(n) if n > 0 => n,
                    _ => bail!("--runs needs a number above 0\n{USAGE}"),
                },
                Some(other) => bail!("unknown option {other:?}\n{USAGE}"),
            };
            bench::bench(&root, runs)
        }
        Some("check") => {
            let strict = args.iter().any(|a| a == "--strict");
            match args.iter().skip(1).find(|a| *a != "--strict") {
                Some(file) => check::check(Path::new(file), strict),
                None => bail!("check needs a data file\n{USAGE}"),
            }
        }
        Some("help") | Some("--help") | Some("-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command {other:?}\n{USAGE}"),
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Say which step we are on, so a newcomer knows what a long pause is.
pub fn step(msg: &str) {
    eprintln!("==> {msg}");
}

/// Run a command, streaming its output, and fail with its name if it fails.
pub fn run_cmd(cmd: &mut Command) -> Result<()> {
    let status = cmd
        .status()
        .map_err(|e| anyhow::anyhow!("could not start {cmd:?}: {e}"))?;
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}

pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}
