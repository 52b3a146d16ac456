//! Data parsing and validation: the story as docs/sources.md gives it, and every rule a bad file breaks.

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
            // 169 is the 2020 evaluation's field: nothing we hold gives 2019's.
            (2019, Some(98), None),
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
        Err(e @ DataError::Shape { .. }) => assert!(e.to_string().contains("rnak"), "{e}"),
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

/// Whether `problems` holds one at `path` whose message contains `says`.
fn names(problems: &[String], path: &str, says: &str) -> bool {
    problems
        .iter()
        .any(|l| l.starts_with(&format!("{path}:")) && l.contains(says))
}

/// Every rule of the data file, each broken once on the bundled story: the problem is named
/// at its JSON path, with what is wrong.
#[test]
fn every_rule_names_its_field() {
    type Edit = fn(&mut serde_json::Value);
    let cases: [(&str, Edit, &str, &str); 29] = [
        (
            "format",
            |v| v["format"] = json!("rankclimb/2"),
            "format",
            "does not read",
        ),
        (
            "language",
            |v| v["language"] = json!("fr"),
            "language",
            "not a language",
        ),
        (
            "control characters",
            |v| v["title"]["zh-CN"] = json!("平顶山\u{7}"),
            "title.zh-CN",
            "control character",
        ),
        (
            "no sources",
            |v| v["sources"] = json!([]),
            "sources",
            "is empty",
        ),
        (
            "duplicate source id",
            |v| v["sources"][1]["id"] = v["sources"][0]["id"].clone(),
            "sources[1].id",
            "is used twice",
        ),
        (
            "source id too long",
            |v| v["sources"][2]["id"] = json!("x".repeat(81)),
            "sources[2].id",
            "empty or too long",
        ),
        (
            "measure word not one Chinese character",
            |v| v["measure_word"] = json!("zones"),
            "measure_word",
            "not one Chinese character",
        ),
        (
            "unknown annotation kind",
            |v| v["ranking"]["annotations"][0]["kind"] = json!("arrow"),
            "ranking.annotations[0].kind",
            "not a kind of annotation",
        ),
        (
            "callout on an unpublished year",
            |v| v["ranking"]["annotations"][0] = json!({"kind": "callout", "year": 2017, "text": {"zh-CN": "注", "en": "note"}, "sources": ["article-l11"]}),
            "ranking.annotations[0].year",
            "2017's rank is unknown",
        ),
        (
            "band over a year not in the series",
            |v| v["ranking"]["annotations"][0] = json!({"kind": "band", "from": 2019, "to": 2030, "text": {"zh-CN": "注", "en": "note"}, "sources": ["article-l11"]}),
            "ranking.annotations[0].to",
            "2030 is not a year of the series",
        ),
        (
            "line without a rank",
            |v| {
                v["ranking"]["annotations"][0]
                    .as_object_mut()
                    .expect("annotation")
                    .remove("rank");
            },
            "ranking.annotations[0].rank",
            "is missing: a line needs it",
        ),
        (
            "unknown axis range",
            |v| v["ranking"]["axis"] = json!("zoom"),
            "ranking.axis",
            "not an axis range",
        ),
        (
            "axis range that hides a rank",
            |v| v["ranking"]["axis"] = json!({"from": 80, "to": 130}),
            "ranking.axis.from",
            "leaves out 2021's rank 74",
        ),
        (
            "axis range upside down",
            |v| v["ranking"]["axis"] = json!({"from": 130, "to": 60}),
            "ranking.axis.to",
            "is not below 130",
        ),
        (
            "long short name",
            |v| {
                v["documents"][1]["short"]["en"] =
                    json!("Torch Centre notice of 17 February 2022, part two")
            },
            "documents[1].short.en",
            "the limit is 40",
        ),
        (
            "a source citing a document that is not listed",
            |v| v["sources"][0]["document"] = json!("nowhere"),
            "sources[0].document",
            "\"nowhere\" is not in documents",
        ),
        (
            "a document's passage left out",
            |v| {
                v["sources"][0].as_object_mut().map(|o| o.remove("passage"));
            },
            "sources[0].passage",
            "is missing",
        ),
        (
            "a citation of its own beside a document",
            |v| v["sources"][0]["text"] = json!({"zh-CN": "某报", "en": "A paper"}),
            "sources[0].text",
            "is given beside a document",
        ),
        (
            "a document listed twice",
            |v| v["documents"][1]["id"] = v["documents"][0]["id"].clone(),
            "documents[1].id",
            "is used twice",
        ),
        (
            "non-http address",
            |v| v["sources"][0]["url"] = json!("javascript:alert(1)"),
            "sources[0].url",
            "not an http(s) address",
        ),
        (
            "one evaluation",
            |v| {
                let first = v["ranking"]["points"][3].clone();
                v["ranking"]["points"] = json!([first]);
            },
            "ranking.points",
            "has 1 evaluations",
        ),
        (
            "sixty-one evaluations",
            |v| {
                let points: Vec<serde_json::Value> = (1900..1961)
                    .map(|y| json!({"year": y, "rank": 5, "of": 9, "sources": ["article-l11"]}))
                    .collect();
                v["ranking"]["points"] = json!(points);
                v["ranking"]
                    .as_object_mut()
                    .map(|o| o.remove("consecutive_rises"));
            },
            "ranking.points",
            "has 61 evaluations",
        ),
        (
            "not a year",
            |v| v["ranking"]["points"][0]["year"] = json!(1800),
            "ranking.points[0].year",
            "1800 is not a year",
        ),
        (
            "no known rank",
            |v| {
                for p in v["ranking"]["points"].as_array_mut().into_iter().flatten() {
                    p["rank"] = json!(null);
                }
            },
            "ranking.points",
            "holds no known rank",
        ),
        (
            "points and points_from",
            |v| v["ranking"]["points_from"] = json!("ranks.csv"),
            "ranking",
            "not both or neither",
        ),
        (
            "no items",
            |v| v["panels"][0]["items"] = json!([]),
            "panels[0].items",
            "has 0 items",
        ),
        (
            "five measures",
            |v| {
                let m = v["panels"][2]["measures"][0].clone();
                v["panels"][2]["measures"] = json!([m, m, m, m, m]);
            },
            "panels[2].measures",
            "has 5 measures",
        ),
        (
            "long unit",
            |v| v["panels"][3]["items"][0]["unit"]["en"] = json!("u".repeat(25)),
            "panels[3].items[0].unit.en",
            "not a short unit",
        ),
        (
            "unusable value",
            |v| v["panels"][3]["items"][0]["value"] = json!(1e13),
            "panels[3].items[0].value",
            "not a usable number",
        ),
    ];
    for (rule, edit, path, says) in cases {
        let p = problems(story_with(edit));
        assert!(names(&p, path, says), "{rule}: {p:?}");
    }
}

/// The rules that only a CSV rank series can break: a value JSON cannot hold, and a CSV file
/// that was never read.
#[test]
fn csv_series_rules_name_their_field() {
    let file = |edit: fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(common::STORY).expect("story");
        v["ranking"].as_object_mut().map(|o| o.remove("points"));
        v["ranking"]["points_from"] = json!("ranks.csv");
        edit(&mut v);
        rankclimb::check::load::parse_json(&v.to_string()).expect("shape")
    };
    let csv = "year,rank,of,sources\n2019,NaN,169,article-l11\n2020,88,inf,article-l11\n";
    let p = problems(rankclimb::check::validate_with_csv(file(|_| {}), Some(csv)));
    assert!(
        p.iter()
            .any(|l| l.starts_with("ranks.csv line 2") && l.contains("not a finite number")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|l| l.starts_with("ranks.csv line 3") && l.contains("not a finite number")),
        "{p:?}"
    );
    let p = problems(rankclimb::check::validate_with_csv(file(|_| {}), None));
    assert!(names(&p, "ranking.points_from", "was not loaded"), "{p:?}");
    // The CSV's text cannot be smuggled into the data file itself.
    let r = story_with(|v| v["ranking"]["points_csv"] = json!("year,rank,of,sources\n"));
    assert!(matches!(&r, Err(e @ DataError::Shape { .. }) if e.to_string().contains("points_csv")));
}

/// Valid by the letter but probably wrong: each case warns once, naming its field; the
/// bundled story warns about nothing.
#[test]
fn plausibility_warnings_name_their_field() {
    use rankclimb::check::plausibility::warnings;
    assert_eq!(warnings(&story()), vec![]);
    type Edit = fn(&mut serde_json::Value);
    let cases: [(Edit, &str, &str, &str); 3] = [
        (
            |v| v["ranking"]["points"][0]["rank"] = json!(100000),
            "ranking.points[0].rank",
            "far above every known field size (the largest is 169)",
            "2016年度的100000远超所有已知的参评总数（最多169家）",
        ),
        (
            |v| {
                v["ranking"]["points"][4]["rank"] = json!(5);
                // The claim that every evaluation rose would make this an error.
                v["ranking"]
                    .as_object_mut()
                    .expect("ranking")
                    .remove("consecutive_rises");
            },
            "ranking.points[4].rank",
            "moves 93 places from 2019 to 2020, more than half of the 169 ranked",
            "从2019到2020年度变动93位，超过参评169家的一半",
        ),
        (
            |v| {
                let points = v["ranking"]["points"].as_array_mut().expect("points");
                points.remove(4);
            },
            "ranking.points[4]",
            "2020 is missing between 2019 and 2021",
            "逐年的序列在2019与2021年度之间缺了2020年度",
        ),
    ];
    for (edit, path, words, words_zh) in cases {
        let model = story_with(edit).expect("valid by the letter");
        let found = warnings(&model);
        // Said in both languages, each with its hint, for the studio's either interface.
        assert!(
            found.iter().any(|w| w.path == path
                && w.message.contains(words)
                && w.message_zh.contains(words_zh)
                && !w.hint.is_empty()
                && !w.hint_zh.is_empty()),
            "{path}: {words:?} / {words_zh:?} not in {found:?}"
        );
    }
}

/// A file that cannot be read and a file that reads but is not JSON are different failures,
/// each said for what it is.
#[test]
fn a_missing_file_and_a_malformed_file_give_different_errors() {
    use rankclimb::check::load::load_file;
    let dir = std::env::temp_dir().join(format!("rankclimb-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let missing = load_file(&dir.join("no-such-story.json")).expect_err("missing");
    let malformed_path = dir.join("malformed.json");
    std::fs::write(&malformed_path, "{\"format\": \"rankclimb/1\", ").expect("write");
    let malformed = load_file(&malformed_path).expect_err("malformed");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        matches!(&missing, DataError::Io { path, .. } if path.ends_with("no-such-story.json")),
        "{missing:?}"
    );
    assert!(
        matches!(&malformed, DataError::Shape { .. }),
        "{malformed:?}"
    );
    assert!(
        missing.to_string().contains("could not be read"),
        "{missing}"
    );
    assert!(
        malformed.to_string().contains("not in the expected shape")
            && malformed.to_string().contains("EOF"),
        "{malformed}"
    );
    let (missing, malformed) = (missing.lines().join(" "), malformed.lines().join(" "));
    assert!(missing.contains("check the path"), "{missing}");
    assert!(malformed.contains("documented format"), "{malformed}");
    assert!(
        !malformed.starts_with('?'),
        "no unknown path is shown: {malformed}"
    );
}

/// Every problem the checker reports is said in Chinese too, with its hint, for the studio's
/// Chinese interface: one broken story per kind of rule.
#[test]
fn every_problem_is_said_in_chinese_with_its_hint() {
    type Edit = fn(&mut serde_json::Value);
    let edits: [Edit; 10] = [
        |v| v["format"] = json!("rankclimb/9"),
        |v| v["title"]["zh-CN"] = json!(""),
        |v| v["measure_word"] = json!("ab"),
        |v| v["documents"][0]["url"] = json!("ftp://x"),
        |v| v["sources"][0]["id"] = v["sources"][1]["id"].clone(),
        |v| v["ranking"]["points"][0]["rank"] = json!(0),
        |v| v["ranking"]["points"][1]["year"] = json!(1800),
        |v| v["ranking"]["axis"] = json!({"from": 90, "to": 80}),
        |v| v["ranking"]["annotations"][0]["kind"] = json!("arrow"),
        |v| v["panels"][0]["items"] = json!([]),
    ];
    let mut seen = 0;
    for edit in edits {
        let Err(DataError::Invalid(problems)) = story_with(edit) else {
            panic!("the edit was not refused as invalid");
        };
        for p in problems {
            seen += 1;
            assert!(
                p.message_zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                    && !p.hint_zh.is_empty(),
                "{p:?}"
            );
        }
    }
    assert!(seen >= 10, "{seen} problems");
}
