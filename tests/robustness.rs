//! No input makes the core panic: property tests over parsing, validation, layout,
//! hit-testing, readouts and drawing. Case counts are printed by proptest's config below
//! and stated in the README.

mod common;
use common::STORY;
use plotters::prelude::*;
use proptest::prelude::*;
use rankclimb::describe::{panel_summary, summary};
use rankclimb::drawing::Layer;
use rankclimb::drawing::Theme;
use rankclimb::drawing::Viewport;
use rankclimb::view::{draw_view, item_count, readout, view_css_height, view_layout, views, Focus};
use rankclimb::{validate, Lang, Model};
use serde_json::{json, Value};

/// Everything a reader can make the core do with a model, at one canvas size.
fn exercise(model: &Model, css_width: f64, scale: f64, probes: &[(f64, f64)]) {
    for lang in [Lang::Zh, Lang::En] {
        let _ = summary(model, lang);
        for kind in views(model) {
            let css_height = view_css_height(model, kind, css_width).clamp(1.0, 4000.0);
            let v = Viewport {
                width: (css_width * scale).round().max(1.0) as u32,
                height: (css_height * scale).round().max(1.0) as u32,
                scale,
            };
            let Some(layout) = view_layout(model, kind, v, lang) else {
                continue;
            };
            for &(x, y) in probes {
                let (x, y) = (x * f64::from(v.width), y * f64::from(v.height));
                let peer = layout.peer_at(x, y);
                assert!(peer.is_none_or(|k| k < model.ranking.peers.len()));
                if let Some(i) = layout.item_at(x, y) {
                    assert!(i < item_count(model, kind));
                    assert!(layout.anchor_of(i).is_some());
                    assert!(readout(model, kind, i, peer, lang).is_some());
                }
            }
            let mut svg = String::new();
            {
                let root =
                    SVGBackend::with_string(&mut svg, (v.width, v.height)).into_drawing_area();
                for progress in [0.0, 0.37, 1.0] {
                    for layer in [Layer::All, Layer::Still, Layer::Swept, Layer::Moving] {
                        let theme = Theme::light();
                        draw_view(
                            &root,
                            model,
                            &layout,
                            progress,
                            Focus {
                                item: Some(0),
                                peer: (!model.ranking.peers.is_empty()).then_some(0),
                            },
                            lang,
                            &theme,
                            layer,
                        )
                        .expect("draws");
                    }
                }
            }
        }
        for p in 0..model.panels.len() {
            let _ = panel_summary(model, p, lang);
        }
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e7f64..1e7).prop_map(|n| json!(n)),
        prop_oneof![
            Just(0.5),
            Just(-1.0),
            Just(0.0),
            Just(1e300),
            Just(157.0),
            Just(2021.0)
        ]
        .prop_map(|n| json!(n)),
        ".{0,40}".prop_map(Value::String),
        Just(json!("<img src=x onerror=alert(1)>")),
        Just(json!("=cmd|' /C calc'!A0")),
        "[\u{0}-\u{1f}]{1,3}".prop_map(Value::String),
        Just(json!("长".repeat(500))),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every place in the story's JSON where a value could be replaced.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| pointers(x, format!("{at}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
        _ => {}
    }
}

fn story_value() -> Value {
    serde_json::from_str(STORY).expect("story")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_the_parser(text in ".{0,400}") {
        let _ = rankclimb::check::load::parse_json(&text).map(validate);
    }

    #[test]
    fn mutated_story_never_panics(edits in prop::collection::vec((any::<prop::sample::Index>(), any_json()), 1..4),
                                  css_width in 0.0f64..2400.0, scale in 0.5f64..4.0,
                                  probes in prop::collection::vec((-0.2f64..1.2, -0.2f64..1.2), 0..6)) {
        let mut v = story_value();
        for (index, value) in edits {
            let mut all = Vec::new();
            pointers(&v, String::new(), &mut all);
            let at = index.get(&all).clone();
            if at.is_empty() { continue; }
            if let Some(slot) = v.pointer_mut(&at) { *slot = value; }
        }
        if let Ok(Ok(model)) = rankclimb::check::load::parse_json(&v.to_string()).map(validate) {
            exercise(&model, css_width, scale, &probes);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_story_lays_out_and_draws(
        ranks in prop::collection::vec((prop::option::of(1u32..500), prop::option::of(500u32..2000)), 2..60),
        sub in prop::collection::vec(prop::option::of(1u32..500), 1..40),
        bars in prop::collection::vec(prop::collection::vec(prop::option::of(-1e9f64..1e9), 2), 1..40),
        stats in prop::collection::vec(prop::option::of(-1e6f64..1e6), 1..12),
        css_width in 1.0f64..2400.0, scale in 0.5f64..4.0,
        probes in prop::collection::vec((0.0f64..1.0, 0.0f64..1.0), 0..6),
    ) {
        let t = |s: &str| json!({"zh-CN": s, "en": s});
        let mut v = story_value();
        let points: Vec<Value> = ranks.iter().enumerate()
            .map(|(i, (r, of))| json!({"year": 1990 + i, "rank": r, "of": of, "sources": ["article-l11"]}))
            .collect();
        v["ranking"]["points"] = json!(points);
        v["ranking"].as_object_mut().map(|o| o.remove("consecutive_rises"));
        v["panels"][0]["of"] = json!(500);
        v["panels"][0]["reference"]["rank"] = json!(250);
        v["panels"][0]["items"] = json!(sub.iter().map(|r| json!({"label": t("指标 indicator"), "rank": r, "sources": ["article-l101"]})).collect::<Vec<_>>());
        v["panels"][2]["items"] = json!(bars.iter().map(|vals| json!({"label": t("项目"), "values": vals, "sources": ["article-l119"]})).collect::<Vec<_>>());
        v["panels"][3]["items"] = json!(stats.iter().map(|x| json!({"label": t("数"), "value": x, "unit": {"zh-CN": "天", "en": "days"}, "sources": ["article-l151"]})).collect::<Vec<_>>());
        let model = rankclimb::check::load::parse_json(&v.to_string()).map(validate);
        let model = match model { Ok(Ok(m)) => m, other => { prop_assert!(ranks.iter().all(|r| r.0.is_none()), "{other:?}"); return Ok(()); } };
        exercise(&model, css_width, scale, &probes);
    }
}
