//! Shared by the native tests: the bundled story, parsed the way the page parses it.
#![allow(dead_code)]

use rankclimb::{validate, DataError, Model};

pub const STORY: &str = include_str!("../../www/data/pingdingshan.json");

pub fn parse(json: &str) -> Result<Model, DataError> {
    validate(rankclimb::check::load::parse_json(json)?)
}

pub fn story() -> Model {
    parse(STORY).expect("the bundled story is valid")
}

/// The bundled story with one edit applied to its JSON value.
pub fn story_with(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Model, DataError> {
    let mut v: serde_json::Value = serde_json::from_str(STORY).expect("story JSON");
    edit(&mut v);
    parse(&v.to_string())
}
