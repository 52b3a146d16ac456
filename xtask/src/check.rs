//! `cargo xtask check FILE`: the same validation the page runs, natively, with every
//! problem printed and a non-zero exit on any error.

use anyhow::{bail, Result};
use rankclimb::check::load::load_file;
use rankclimb::check::plausibility::warnings;
use std::path::Path;

pub fn check(file: &Path, strict: bool) -> Result<()> {
    match load_file(file) {
        Ok(model) => {
            let warnings = warnings(&model);
            if !warnings.is_empty() {
                eprintln!("{}: {} warning(s):", file.display(), warnings.len());
                for w in &warnings {
                    eprintln!("  - warning: {w}");
                }
                if strict {
                    bail!(
                        "{}: --strict makes the warnings above errors",
                        file.display()
                    );
                }
            }
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

#[cfg(test)]
mod tests {
    use super::check;

    /// A file with a warning passes the check, and fails it with `--strict`.
    #[test]
    fn strict_makes_warnings_fail() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let story =
            std::fs::read_to_string(root.join("www/data/pingdingshan.json")).expect("story");
        let mut v: serde_json::Value = serde_json::from_str(&story).expect("json");
        v["ranking"]["points"][0]["rank"] = serde_json::json!(100000);
        let dir = std::env::temp_dir().join(format!("rankclimb-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("warned.json");
        std::fs::write(&file, v.to_string()).expect("write");
        assert!(check(&file, false).is_ok());
        let strict = check(&file, true).expect_err("strict fails");
        assert!(strict.to_string().contains("--strict"), "{strict}");
        assert!(check(&root.join("www/data/pingdingshan.json"), true).is_ok());
        std::fs::remove_dir_all(&dir).ok();
    }
}
