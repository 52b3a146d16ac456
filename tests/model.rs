//! Data parsing and validation: the story as FACTS.md gives it, and every rule a bad file breaks.

mod common;
use common::{story, story_with};
use rankclimb::{DataError, Lang};
use serde_json::json;

#[test]
fn bundled_story_holds_the_facts() {
    let m = story();
    let ranks: Vec<(i32, Option<u32>, Option<u32>)> = m
        .ranking
        .points
        .iter()
        .map(|p| (p.year, p.rank, p.of))
        .collect();
    assert_eq!(
        ranks,
        vec![
            (2016, Some(118), None),
            (2017, None, None),
            (2018, None, None),
            (2019, Some(98), Some(169)),
            (2020, Some(88), Some(169)),
            (2021, Some(74), Some(157)),
        ]
    );
    assert_eq!(m.language, Lang::Zh);
    assert!(!m.example);
    assert!(
        m.ranking.points.iter().all(|p| !p.sources.is_empty()),
        "every year cites a source"
    );
    let note = m.ranking.points[5]
        .note
        .as_ref()
        .expect("2021 carries the method note");
    assert!(note.zh.contains("106号") && note.en.contains("revised"));
    assert_eq!(m.rank_axis_max(), 169);
}

fn problems(r: Result<rankclimb::Model, DataError>) -> Vec<String> {
    match r {
        Err(e) => e.lines(),
        Ok(_) => panic!("the file should have been rejected"),
    }
}

#[test]
fn unknown_rank_is_null_never_zero() {
    let p = problems(story_with(|v| v["ranking"]["points"][1]["rank"] = json!(0)));
    assert!(
        p[0].starts_with("ranking.points[1].rank") && p[0].contains("null"),
        "{p:?}"
    );
}

#[test]
fn rank_beyond_the_number_ranked_is_rejected() {
    let p = problems(story_with(|v| {
        v["ranking"]["points"][5]["rank"] = json!(158)
    }));
    assert!(
        p.iter()
            .any(|l| l.starts_with("ranking.points[5].rank") && l.contains("beyond the 157")),
        "{p:?}"
    );
}

#[test]
fn fractional_and_negative_numbers_are_named() {
    let p = problems(story_with(|v| {
        v["ranking"]["points"][0]["rank"] = json!(11.5);
        v["ranking"]["points"][3]["of"] = json!(-3);
    }));
    assert!(
        p.iter()
            .any(|l| l.starts_with("ranking.points[0].rank") && l.contains("not a whole number")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|l| l.starts_with("ranking.points[3].of") && l.contains("below 1")),
        "{p:?}"
    );
}

#[test]
fn years_must_increase() {
    let p = problems(story_with(|v| {
        v["ranking"]["points"][2]["year"] = json!(2017)
    }));
    assert!(
        p.iter()
            .any(|l| l.starts_with("ranking.points[2].year")
                && l.contains("does not come after 2017")),
        "{p:?}"
    );
}

#[test]
fn every_figure_needs_a_known_source() {
    let p = problems(story_with(|v| {
        v["ranking"]["points"][0]["sources"] = json!([]);
        v["ranking"]["points"][3]["sources"] = json!(["nowhere"]);
    }));
    assert!(
        p.iter()
            .any(|l| l.starts_with("ranking.points[0].sources") && l.contains("names no source")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|l| l.starts_with("ranking.points[3].sources[0]") && l.contains("\"nowhere\"")),
        "{p:?}"
    );
}

#[test]
fn a_fall_contradicts_the_consecutive_rises_claim() {
    let p = problems(story_with(|v| {
        v["ranking"]["points"][4]["rank"] = json!(99)
    }));
    assert!(
        p.iter()
            .any(|l| l.starts_with("ranking.consecutive_rises") && l.contains("2020 ranks 99")),
        "{p:?}"
    );
}

#[test]
fn unknown_fields_are_reported_not_ignored() {
    let r = story_with(|v| v["ranking"]["points"][0]["rnak"] = json!(3));
    match r {
        Err(DataError::Shape(msg)) => assert!(msg.contains("rnak"), "{msg}"),
        other => panic!("expected a shape error, got {other:?}"),
    }
}

#[test]
fn empty_and_overlong_text_is_rejected() {
    let p = problems(story_with(|v| {
        v["title"]["en"] = json!("");
        v["place"]["zh-CN"] = json!("长".repeat(200));
    }));
    assert!(
        p.iter()
            .any(|l| l.starts_with("title.en") && l.contains("empty")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|l| l.starts_with("place.zh-CN") && l.contains("200 characters")),
        "{p:?}"
    );
}
