//! The share card and what a story page tells crawlers and oEmbed consumers, natively: the
//! card's size and words, and the links made absolute from the public base URL.

mod common;

use plotters::prelude::*;
use rankclimb::drawing::Theme;
use rankclimb::share_card::{card_source_line, draw_share_card, CARD_SIZE};
use rankclimb::share_meta::{oembed_json, share_tags};
use rankclimb::Lang;

#[test]
fn the_card_is_1200_by_630_with_the_title_the_climb_its_latest_rank_and_its_sources() {
    let model = common::story();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, CARD_SIZE).into_drawing_area();
        draw_share_card(&root, &model, Lang::Zh, &Theme::light()).expect("drawn");
    }
    assert!(svg.contains("width=\"1200\"") && svg.contains("height=\"630\""));
    assert!(svg.contains("平顶山高新区五年跃升44位"), "the title");
    assert!(svg.contains("第74名"), "the latest rank, large");
    assert!(svg.contains("118"), "the climb from 118th");
    let sources = card_source_line(&model, Lang::Zh);
    assert!(sources.contains("火炬中心通知"), "{sources}");
    assert!(svg.contains("火炬中心通知"), "the source line is drawn");
}

#[test]
fn share_tags_and_the_oembed_answer_use_the_public_base_url() {
    let model = common::story();
    let base = "https://news.example/graphics/";
    let tags = share_tags(&model, "pingdingshan", base, "article.html");
    for wanted in [
        "<link rel=\"canonical\" href=\"https://news.example/graphics/article.html\">",
        "<meta property=\"og:image\" content=\"https://news.example/graphics/data/pingdingshan.card.png\">",
        "<meta property=\"og:image:width\" content=\"1200\">",
        "<meta property=\"og:image:height\" content=\"630\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
        "type=\"application/json+oembed\" href=\"https://news.example/graphics/data/pingdingshan.oembed.json\"",
    ] {
        assert!(tags.contains(wanted), "{wanted} missing from {tags}");
    }
    let answer: serde_json::Value =
        serde_json::from_str(&oembed_json(&model, "pingdingshan", base)).expect("JSON");
    assert_eq!(answer["type"], "rich");
    assert_eq!(answer["version"], "1.0");
    assert_eq!(
        answer["thumbnail_url"],
        "https://news.example/graphics/data/pingdingshan.card.png"
    );
    let html = answer["html"].as_str().expect("html");
    assert!(html.contains("src=\"https://news.example/graphics/data/pingdingshan.frame.html\""));
    assert!(html.contains("<script src=\"https://news.example/graphics/rankclimb-iframe.js\">"));
}

#[test]
fn a_hostile_title_stays_text_in_the_share_tags() {
    let model = common::story_with(|v| {
        v["title"]["zh-CN"] = serde_json::json!("\"><script>alert(1)</script>");
    })
    .expect("a title is any text");
    let tags = share_tags(&model, "pingdingshan", "", "index.html");
    assert!(!tags.contains("<script>"), "{tags}");
    let answer: serde_json::Value =
        serde_json::from_str(&oembed_json(&model, "pingdingshan", "")).expect("JSON");
    assert!(!answer["html"]
        .as_str()
        .expect("html")
        .contains("<script>alert"));
}
