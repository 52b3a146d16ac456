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

/// A shape error's message (serde's and serde_json's words) in Chinese, for the studio's
/// Chinese interface: the sentence translated, the names of fields and types kept as written.
pub fn shape_message_zh(message: &str) -> String {
    // Longest first: a phrase inside a longer one is translated with it.
    const PHRASES: [(&str, &str); 28] = [
        ("invalid type: ", "类型不对："),
        ("invalid value: ", "取值不对："),
        ("invalid length ", "长度不对："),
        ("missing field ", "缺少字段"),
        ("unknown field ", "未知字段"),
        ("duplicate field ", "重复的字段"),
        ("unknown variant ", "未知的取值"),
        (", expected one of ", "，应为其中之一："),
        (", there are no fields", "，此处没有字段"),
        (", expected ", "，应为"),
        ("EOF while parsing a value", "文件在一个值的中间结束"),
        ("EOF while parsing an object", "文件在一个对象的中间结束"),
        ("EOF while parsing a list", "文件在一个数组的中间结束"),
        ("EOF while parsing a string", "文件在一段文字的中间结束"),
        ("expected value", "这里应有一个值"),
        ("expected `,` or `}`", "这里应有`,`或`}`"),
        ("expected `,` or `]`", "这里应有`,`或`]`"),
        ("expected `:`", "这里应有`:`"),
        ("key must be a string", "字段名必须是文字"),
        ("trailing comma", "多了一个逗号"),
        ("trailing characters", "结尾多了字符"),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "文字中有控制字符",
        ),
        ("floating point ", "数"),
        ("a sequence", "数组"),
        ("a string", "文字"),
        ("a map", "对象"),
        ("string ", "文字"),
        ("integer ", "整数"),
    ];
    let mut out = message.to_string();
    for (en, zh) in PHRASES {
        out = out.replace(en, zh);
    }
    // serde_json ends a syntax error with where it is: " at line 3 column 7".
    if let Some(at) = out.rfind(" at line ") {
        let place = &out[at + " at line ".len()..];
        if let Some((line, column)) = place.split_once(" column ") {
            out = format!("第{line}行第{column}列：{}", &out[..at]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shape_error_reads_in_chinese_with_its_names_kept() {
        assert_eq!(
            shape_message_zh("missing field `sources`"),
            "缺少字段`sources`"
        );
        assert_eq!(
            shape_message_zh("invalid type: string \"x\", expected f64"),
            "类型不对：文字\"x\"，应为f64"
        );
        assert_eq!(
            shape_message_zh("expected value at line 3 column 7"),
            "第3行第7列：这里应有一个值"
        );
    }

    #[test]
    fn every_shape_error_of_a_broken_story_is_translated() {
        for (text, english) in [
            ("{", "EOF"),
            ("{\"format\": 1}", "invalid type"),
            ("{\"format\": \"rankclimb/1\"}", "missing field"),
            (
                "{\"format\": \"rankclimb/1\", \"title\": [1]}",
                "invalid type",
            ),
        ] {
            let Err(DataError::Shape { message, .. }) = parse_json(text) else {
                panic!("{text} parsed");
            };
            assert!(message.contains(english), "{message}");
            let zh = shape_message_zh(&message);
            assert!(
                !zh.contains(english) && zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{message} -> {zh}"
            );
        }
    }
}
