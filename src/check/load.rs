//! Reading a data file: its text parsed with each shape error named at its JSON path (for
//! `cargo xtask check`, the static images, the tests and the studio), and read from disk.
//! The reader's page gets the file through `JSON.parse` and serde-wasm-bindgen instead.

use super::{validate_with_csv, DataError};
use crate::data::DataFile;
use crate::model::Model;
use std::path::Path;

/// Parse JSON text into the data file's types; a shape error names its JSON path.
pub fn parse_json(text: &str) -> Result<DataFile, DataError> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        DataError::Shape {
            // serde_path_to_error writes "." for the whole file and "?" where it lost the way.
            path: if path == "." || path == "?" {
                String::new()
            } else {
                path
            },
            message: e.into_inner().to_string(),
        }
    })
}

/// Read, parse and validate a data file, loading its CSV rank series if it names one.
pub fn load_file(path: &Path) -> Result<Model, DataError> {
    let text = std::fs::read_to_string(path).map_err(|e| DataError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    let file = parse_json(&text)?;
    let csv = match &file.ranking.points_from {
        Some(name) => {
            let csv_path = path.parent().unwrap_or(Path::new(".")).join(name);
            Some(
                std::fs::read_to_string(&csv_path).map_err(|e| DataError::Io {
                    path: format!("ranking.points_from: {}", csv_path.display()),
                    reason: e.to_string(),
                })?,
            )
        }
        None => None,
    };
    validate_with_csv(file, csv.as_deref())
}
