//! Words in quotation marks are the source's own: every passage the bundled story puts in
//! “…” and attributes to the feature story is in the feature story's text
//! (`../shared/story/seed-article.txt`, beside the project), allowing only for full- or
//! half-width punctuation.

use serde_json::Value;
use std::path::Path;

const STORY: &str = include_str!("../www/data/pingdingshan.json");
/// The feature story's title: a text that names it is attributed to it.
const FEATURE_STORY: &str = "风劲帆满图新志";

fn seed_article() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/story/seed-article.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the story's sources sit in shared/ beside the project)",
            path.display()
        )
    })
}

/// Full-width punctuation as half-width, so a quote may use either.
fn normalised(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ',',
            '：' => ':',
            '；' => ';',
            '（' => '(',
            '）' => ')',
            '。' => '.',
            '！' => '!',
            '？' => '?',
            c => c,
        })
        .collect()
}

/// The passages between “ and ” in `text`.
fn quoted(text: &str) -> Vec<&str> {
    text.split('“')
        .skip(1)
        .filter_map(|rest| rest.split_once('”').map(|(q, _)| q))
        .collect()
}

/// Every string in `v`, not descending into objects that carry sources of their own.
fn strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => {
            for (k, x) in o {
                if k == "sources" || (x.is_object() && x.get("sources").is_some()) {
                    continue;
                }
                strings(x, out);
            }
        }
        _ => {}
    }
}

/// The quoted passages the story attributes to the feature story: in a source that names it,
/// and in any part of the data (a point's note, a panel item) resting on such sources only.
fn attributed_passages(story: &Value) -> Vec<String> {
    // The feature story's document, and every source that cites it (or names it itself).
    let feature_docs: Vec<&str> = story["documents"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| {
            d["citation"]["zh-CN"]
                .as_str()
                .unwrap_or("")
                .contains(FEATURE_STORY)
        })
        .filter_map(|d| d["id"].as_str())
        .collect();
    let is_feature = |s: &Value| {
        s["text"]["zh-CN"]
            .as_str()
            .unwrap_or("")
            .contains(FEATURE_STORY)
            || feature_docs.contains(&s["document"].as_str().unwrap_or(""))
    };
    let feature_ids: Vec<&str> = story["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter(|s| is_feature(s))
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert!(!feature_ids.is_empty(), "no source names the feature story");
    let mut texts = Vec::new();
    for s in story["sources"].as_array().into_iter().flatten() {
        if feature_ids.contains(&s["id"].as_str().unwrap_or("")) {
            strings(&s["text"], &mut texts);
            strings(&s["passage"], &mut texts);
        }
    }
    fn walk<'a>(v: &'a Value, feature_ids: &[&str], texts: &mut Vec<&'a str>) {
        match v {
            Value::Object(o) => {
                if let Some(Value::Array(ids)) = o.get("sources") {
                    let all_feature = !ids.is_empty()
                        && ids
                            .iter()
                            .all(|i| feature_ids.contains(&i.as_str().unwrap_or("")));
                    if all_feature {
                        strings(v, texts);
                    }
                }
                for (k, x) in o {
                    if k != "sources" {
                        walk(x, feature_ids, texts);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, feature_ids, texts)),
            _ => {}
        }
    }
    walk(&story["ranking"], &feature_ids, &mut texts);
    walk(&story["panels"], &feature_ids, &mut texts);
    texts
        .into_iter()
        .flat_map(quoted)
        .map(str::to_string)
        .collect()
}

#[test]
fn every_passage_quoted_from_the_feature_story_is_in_it_word_for_word() {
    let story: Value = serde_json::from_str(STORY).expect("the story's JSON");
    let article = normalised(&seed_article());
    let passages = attributed_passages(&story);
    assert!(passages.len() >= 8, "too few quotes found: {passages:?}");
    let misquoted: Vec<&String> = passages
        .iter()
        .filter(|p| !article.contains(&normalised(p)))
        .collect();
    assert!(
        misquoted.is_empty(),
        "quoted from the feature story but not in it: {misquoted:?}"
    );
}

#[test]
fn a_changed_word_in_a_quote_is_caught() {
    let article = normalised(&seed_article());
    let story = STORY.replace("累计签约主导产业项目56个", "去年签约主导产业项目56个");
    let story: Value = serde_json::from_str(&story).expect("JSON");
    let passages = attributed_passages(&story);
    assert!(passages.iter().any(|p| !article.contains(&normalised(p))));
}
