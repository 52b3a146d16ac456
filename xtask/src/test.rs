//! `cargo xtask test`: every test, native first, then the built page in headless Chromium.

use crate::{cargo, dist, run_cmd, step};
use anyhow::{bail, Result};
use std::path::Path;
use std::process::Command;

/// Debian packages the browser tests drive: the browser, its driver, and a CJK font so
/// Chinese labels render as text rather than boxes.
const PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "fonts-noto-cjk"];

fn installed(pkg: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", pkg])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn ensure_browser() -> Result<()> {
    let missing: Vec<&str> = PACKAGES.into_iter().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing.join(" ");
    if !is_root() {
        bail!("the browser tests need Debian packages that are missing: {list}\n  install them with: sudo apt-get update && sudo apt-get install -y {list}");
    }
    step(&format!("installing {list} (apt-get)"));
    run_cmd(Command::new("apt-get").args(["update", "-qq"]))?;
    run_cmd(
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

pub fn test(root: &Path) -> Result<()> {
    ensure_browser()?;
    let dist = dist::dist(root)?;
    step("native tests (cargo test --workspace)");
    run_cmd(cargo().current_dir(root).args(["test", "--workspace"]))?;
    step("browser tests: the built dist/ in headless Chromium through chromedriver");
    run_cmd(
        cargo()
            .current_dir(root)
            .args([
                "test",
                // The same package set as the native run, so nothing is compiled twice.
                "--workspace",
                "--test",
                "browser",
                "--",
                "--ignored",
                "--test-threads=1",
            ])
            .env("RANKCLIMB_DIST", &dist),
    )?;
    step("all tests passed");
    Ok(())
}
