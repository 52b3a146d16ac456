//! `cargo xtask check FILE`: the same validation the page runs, natively, with every
//! problem printed and a non-zero exit on any error.

use anyhow::{bail, Result};
use rankclimb::check::load::load_file;
use std::path::Path;

pub fn check(file: &Path) -> Result<()> {
    match load_file(file) {
        Ok(model) => {
            let known = model
                .ranking
                .points
                .iter()
                .filter(|p| p.rank.is_some())
                .count();
            println!(
                "{}: ok: {} evaluations ({} with a published rank), {} panels, {} sources{}",
                file.display(),
                model.ranking.points.len(),
                known,
                model.panels.len(),
                model.sources.len(),
                if model.example {
                    ", marked as example data"
                } else {
                    ""
                }
            );
            Ok(())
        }
        Err(e) => {
            let lines = e.lines();
            eprintln!("{}: {} problem(s):", file.display(), lines.len());
            for line in &lines {
                eprintln!("  - {line}");
            }
            bail!("{} is not a valid rankclimb data file", file.display())
        }
    }
}
