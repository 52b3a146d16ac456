//! The rules the reader's page keeps (built without the `author` feature, as the page's wasm
//! is): those that stop it from drawing something untrue, each named at its JSON path, with
//! the author's tool named for the rest. Run by `cargo xtask test` as
//! `cargo test --no-default-features --test reader`; with the author's tools the messages
//! carry hints instead, so this file checks nothing then.
#![cfg(not(feature = "author"))]

use rankclimb::check::{validate, DataError};
use rankclimb::data::DataFile;
use serde_json::{json, Value};

const STORY: &str = include_str!("../www/data/pingdingshan.json");

fn story_with(edit: impl FnOnce(&mut Value)) -> Result<rankclimb::Model, DataError> {
    let mut v: Value = serde_json::from_str(STORY).expect("story JSON");
    edit(&mut v);
    validate(serde_json::from_value::<DataFile>(v).expect("the shape of a data file"))
}

fn lines(r: Result<rankclimb::Model, DataError>) -> Vec<String> {
    r.expect_err("the file should have been rejected").lines()
}

#[test]
fn the_story_draws() {
    let m = story_with(|_| {}).expect("valid");
    assert_eq!(m.ranking.points.len(), 6);
}

#[test]
fn untrue_figures_are_refused_by_path_and_the_author_tool_named() {
    let l = lines(story_with(|v| {
        v["ranking"]["points"][3]["rank"] = json!(0);
        v["ranking"]["points"][5]["rank"] = json!(158);
        v["ranking"]["points"][2]["year"] = json!(2016);
        v["ranking"]["points"][4]["sources"] = json!(["nowhere"]);
    }));
    for (path, says) in [
        ("ranking.points[3].rank", "below 1"),
        ("ranking.points[5].rank", "beyond the 157 ranked"),
        ("ranking.points[2].year", "does not come after"),
        ("ranking.points[4].sources[0]", "\"nowhere\""),
    ] {
        assert!(
            l.iter()
                .any(|x| x.starts_with(&format!("{path}: ")) && x.contains(says)),
            "{path}: {l:?}"
        );
    }
    assert!(
        !l.iter().any(|x| x.contains("hint")),
        "no hints in the reader: {l:?}"
    );
    assert!(
        l.last().is_some_and(|x| x.contains("cargo xtask check")),
        "{l:?}"
    );
}

#[test]
fn text_rules_are_the_author_tools_concern() {
    let m = story_with(|v| {
        v["title"]["en"] = json!("t".repeat(500));
        v["sources"][0]["url"] = json!("ftp://example.org");
        v["panels"][3]["items"][0]["unit"]["en"] = json!("u".repeat(40));
    });
    assert!(m.is_ok(), "{m:?}");
}

#[test]
fn an_unmerged_csv_series_is_said_in_place() {
    let l = lines(story_with(|v| {
        v["ranking"].as_object_mut().map(|r| r.remove("points"));
        v["ranking"]["points_from"] = json!("ranks.csv");
    }));
    assert!(
        l[0].starts_with("ranking.points_from: ")
            && l[0].contains("ranks.csv")
            && l[0].contains("cargo xtask dist"),
        "{l:?}"
    );
}
