//! What the reader's wasm must not hold: the author's tools and what they pull in. Checked on
//! a copy of the built module that keeps its function names (the name section), so the check
//! reads what each function is, not a guess from bytes.

use crate::step;
use anyhow::{anyhow, bail, Context, Result};
use std::path::Path;

/// Crates and parts of `core` that belong to the author's build only.
const FORBIDDEN: [&str; 4] = ["serde_json::", "csv::", "csv_core::", "core::num::dec2flt"];

/// The function names in a module's `name` section, read by walrus.
pub fn function_names(wasm: &[u8]) -> Result<Vec<String>> {
    let module = walrus::Module::from_buffer(wasm).map_err(|e| anyhow!("{e}"))?;
    Ok(module.funcs.iter().filter_map(|f| f.name.clone()).collect())
}

/// The names among `names` that the reader's wasm must not have.
pub fn forbidden(names: &[String]) -> Vec<&String> {
    names
        .iter()
        .filter(|n| {
            FORBIDDEN.iter().any(|f| {
                // A path that starts there, not the end of one: `table::csv` is ours.
                n.match_indices(f).any(|(i, _)| {
                    let before = &n[..i];
                    !before.ends_with(|c: char| c.is_alphanumeric() || c == '_')
                        && !before.ends_with("::")
                })
            })
        })
        .collect()
}

/// Fail unless the reader's built wasm (with its names kept at `path`) is free of the
/// author's tools.
pub fn check(path: &Path) -> Result<()> {
    let wasm = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let names = function_names(&wasm)?;
    if names.len() < 100 {
        bail!(
            "{}: only {} function names; was it built with --names?",
            path.display(),
            names.len()
        );
    }
    let found = forbidden(&names);
    if !found.is_empty() {
        bail!(
            "the reader's wasm holds {} function(s) of the author's tools, such as {:?}",
            found.len(),
            &found[..found.len().min(5)]
        );
    }
    step(&format!(
        "the reader's wasm holds no serde_json, csv or float parsing ({} functions read)",
        names.len()
    ));
    Ok(())
}

/// The reader's wasm size budget, kept in the repository.
pub const BUDGET_FILE: &str = "xtask/reader-wasm-budget.txt";

/// The budget in bytes: the first line of `text` that is not a comment.
pub fn parse_budget(text: &str) -> Result<u64> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .ok_or_else(|| anyhow!("{BUDGET_FILE} holds no number"))?;
    line.parse()
        .map_err(|_| anyhow!("{BUDGET_FILE}: {line:?} is not a number of bytes"))
}

/// Fail when the reader's built wasm at `wasm` is larger than the budget in `root`.
pub fn check_budget(root: &Path, wasm: &Path) -> Result<()> {
    let size = std::fs::metadata(wasm)
        .with_context(|| format!("reading {}", wasm.display()))?
        .len();
    let text = std::fs::read_to_string(root.join(BUDGET_FILE))
        .with_context(|| format!("reading {BUDGET_FILE}"))?;
    let budget = parse_budget(&text)?;
    if size > budget {
        bail!(
            "the reader's wasm is {size} bytes, {} over its budget of {budget} ({BUDGET_FILE}): \
             take the bytes out, or raise the budget in a commit that says what they buy",
            size - budget
        );
    }
    step(&format!(
        "the reader's wasm: {size} bytes, within its budget of {budget} ({BUDGET_FILE})"
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{forbidden, parse_budget};

    #[test]
    fn the_budget_is_the_first_number_after_the_comments() {
        assert_eq!(parse_budget("# a note\n\n 377436 \n").ok(), Some(377_436));
        assert!(parse_budget("# only a note\n").is_err());
        assert!(parse_budget("lots\n").is_err());
    }

    #[test]
    fn the_author_crates_are_found_by_their_paths() {
        let names: Vec<String> = [
            "rankclimb::describe::table::csv::h1234",
            "<serde_json::de::Deserializer<R>>::parse_number::h1",
            "csv_core::writer::Writer::field::h2",
            "core::num::dec2flt::dec2flt::h3",
            "<csv::Error as core::fmt::Display>::fmt::h4",
            "serde_wasm_bindgen::de::Deserializer::h5",
            "my_csv::write::h6",
        ]
        .map(String::from)
        .to_vec();
        let found: Vec<&str> = forbidden(&names).into_iter().map(String::as_str).collect();
        assert_eq!(found, &names[1..5]);
    }
}
