//! `cargo xtask test`: every test, native first, then the built page in headless Chromium.

use crate::{cargo, dist, packages, run_cmd, step};
use anyhow::Result;
use std::path::Path;

pub fn test(root: &Path) -> Result<()> {
    packages::ensure(&packages::BROWSER)?;
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
