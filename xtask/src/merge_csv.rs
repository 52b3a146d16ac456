//! A rank series kept in a CSV file (`"points_from"`) written into its data file, as the
//! reader's page expects: the page reads JSON with the browser's own parser and carries no
//! CSV reader. The CSV is read by the same code `cargo xtask check` uses, so a series that
//! does not pass the check is not merged.

use crate::step;
use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use std::fs;
use std::path::Path;

/// A number as JSON writes a whole number (`2016`, not `2016.0`).
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

/// Merge the CSV series of every data file in `data_dir` that names one.
pub fn merge_all(data_dir: &Path) -> Result<()> {
    for entry in fs::read_dir(data_dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            merge(&path)?;
        }
    }
    Ok(())
}

fn merge(path: &Path) -> Result<()> {
    let text = fs::read_to_string(path)?;
    let Ok(mut file) = serde_json::from_str::<Value>(&text) else {
        return Ok(()); // Not a data file of ours; `check` is where its problems are said.
    };
    let Some(name) = file["ranking"]["points_from"].as_str().map(str::to_string) else {
        return Ok(());
    };
    let csv_path = path.parent().unwrap_or(Path::new(".")).join(&name);
    let csv = fs::read_to_string(&csv_path)
        .with_context(|| format!("{}: reading {}", path.display(), csv_path.display()))?;
    let (entries, _) = match rankclimb::check::points_from_csv(&csv, &name) {
        Ok(found) => found,
        Err(problems) => bail!(
            "{}: {} has problems; `cargo xtask check {}` lists them: {}",
            path.display(),
            name,
            path.display(),
            problems[0]
        ),
    };
    let points: Vec<Value> = entries
        .iter()
        .map(|e| {
            let mut point = json!({
                "year": number(e.year),
                "rank": e.rank.map(number),
                "of": e.of.map(number),
                "sources": e.sources,
            });
            if let Some(note) = &e.note {
                point["note"] = json!({ "zh-CN": note.zh, "en": note.en });
            }
            point
        })
        .collect();
    if let Some(ranking) = file["ranking"].as_object_mut() {
        ranking.remove("points_from");
        ranking.insert("points".to_string(), Value::Array(points));
    }
    step(&format!(
        "merged {name} into {} ({} evaluations)",
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        entries.len()
    ));
    fs::write(path, serde_json::to_string_pretty(&file)?)?;
    Ok(())
}
