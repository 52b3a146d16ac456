//! Debian packages the build and the tests need, installed when missing.

use crate::{run_cmd, step};
use anyhow::{bail, Result};
use std::path::Path;
use std::process::Command;

/// Debian packages the browser tests drive: the browser, its driver, and a CJK font so
/// Chinese labels render as text rather than boxes.
pub const BROWSER: [&str; 3] = ["chromium", "chromium-driver", "fonts-noto-cjk"];

/// The CJK font the static images are drawn with.
pub const FONTS: [&str; 1] = ["fonts-noto-cjk"];

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

/// Install the Debian packages that are missing (as root), or say exactly what to install.
pub fn ensure(packages: &[&str]) -> Result<()> {
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing.join(" ");
    if !is_root() {
        bail!("Debian packages are missing: {list}\n  install them with: sudo apt-get update && sudo apt-get install -y {list}");
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

/// The JavaScript packages the tests and the bench load into the browser (axe-core, Chart.js),
/// locked in `xtask/js/package-lock.json`.
const JS_DIR: &str = "xtask/js";

/// `npm ci` of `xtask/js/` into `cache/js/` (kept between clean clones with the build cache),
/// again whenever the lock file changes; `file`, under its `node_modules/`, says it is there.
/// `why` names what needs it, for the message when npm is missing.
pub fn ensure_npm(root: &Path, cache: &Path, file: &str, why: &str) -> Result<std::path::PathBuf> {
    let dir = cache.join("js");
    let wanted = dir.join("node_modules").join(file);
    let lock = std::fs::read(root.join(JS_DIR).join("package-lock.json"))?;
    let installed_lock = dir.join("package-lock.json");
    if wanted.exists() && std::fs::read(&installed_lock).ok().as_deref() == Some(&lock[..]) {
        return Ok(wanted);
    }
    step(&format!(
        "installing the locked JavaScript test packages (npm ci in {}; {why})",
        dir.display()
    ));
    std::fs::create_dir_all(&dir)?;
    std::fs::copy(
        root.join(JS_DIR).join("package.json"),
        dir.join("package.json"),
    )?;
    std::fs::write(&installed_lock, &lock)?;
    run_cmd(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--prefix"])
            .arg(&dir),
    )
    .map_err(|e| {
        anyhow::anyhow!("{e}\n  {why} needs Node.js and npm (Debian: apt-get install nodejs npm)")
    })?;
    if !wanted.exists() {
        bail!("npm ci ran but {} is missing", wanted.display());
    }
    Ok(wanted)
}

/// axe-core's `axe.min.js`, installed under `cache`.
pub fn ensure_axe(root: &Path, cache: &Path) -> Result<std::path::PathBuf> {
    ensure_npm(
        root,
        cache,
        "axe-core/axe.min.js",
        "the accessibility audit",
    )
}
