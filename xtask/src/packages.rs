//! Debian packages the build and the tests need, installed when missing.

use crate::{run_cmd, step};
use anyhow::{bail, Result};
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
