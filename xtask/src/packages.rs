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

/// The accessibility rules engine the browser tests run in the page, pinned.
const AXE: &str = "axe-core@4.14.1";

/// `package` (pinned, as `name@version`) from the npm registry, installed once under `dir`
/// (kept between clean clones with the build cache); `file`, inside it, says it is there.
/// `why` names what needs it, for the message when npm is missing.
pub fn ensure_npm(dir: &Path, package: &str, file: &Path, why: &str) -> Result<()> {
    if file.exists() {
        return Ok(());
    }
    step(&format!(
        "installing {package} from the npm registry ({why})"
    ));
    std::fs::create_dir_all(dir)?;
    run_cmd(
        Command::new("npm")
            .args([
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
            ])
            .arg(dir)
            .arg(package),
    )
    .map_err(|e| {
        anyhow::anyhow!("{e}\n  {why} needs Node.js and npm (Debian: apt-get install nodejs npm)")
    })?;
    if !file.exists() {
        bail!("npm installed {package} but {} is missing", file.display());
    }
    Ok(())
}

/// axe-core, under `cache`; the path of its `axe.min.js`.
pub fn ensure_axe(cache: &Path) -> Result<std::path::PathBuf> {
    let dir = cache.join("axe-core-4.14.1");
    let file = dir.join("node_modules").join("axe-core").join("axe.min.js");
    ensure_npm(&dir, AXE, &file, "the accessibility audit")?;
    Ok(file)
}
