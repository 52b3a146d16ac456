//! `cargo xtask test`: every test, native first, then the built page in headless Chromium.

use crate::{cargo, dist, packages, reader_wasm, run_cmd, step};
use anyhow::Result;
use std::path::Path;

pub fn test(root: &Path) -> Result<()> {
    packages::ensure(&packages::BROWSER)?;
    let dist = dist::dist(root)?;
    reader_wasm::check_budget(root, &dist.join("pkg").join("rankclimb_bg.wasm"))?;
    step("the reader's wasm, with its function names kept, checked for the author's tools");
    let names = root.join("target").join("reader-names");
    dist::bindings(root, &names, true)?;
    reader_wasm::check(&names.join("rankclimb_bg.wasm"))?;
    step("native tests (cargo test --workspace)");
    run_cmd(cargo().current_dir(root).args(["test", "--workspace"]))?;
    step("the reader's rules, as the page's wasm has them (cargo test --no-default-features)");
    run_cmd(cargo().current_dir(root).args([
        "test",
        "-p",
        "rankclimb",
        "--no-default-features",
        "--test",
        "reader",
    ]))?;
    let cache = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), std::path::PathBuf::from);
    let axe = packages::ensure_axe(root, &cache)?;
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
            .env("RANKCLIMB_DIST", &dist)
            .env("RANKCLIMB_AXE", &axe),
    )?;
    step("all tests passed");
    Ok(())
}
