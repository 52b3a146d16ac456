//! Other places on the rank chart: their rules, their lines and names placed clear of every
//! other label at every width for 1 to 12 of them, the readout that shows a focused place's
//! rank beside the main place's, and the summary and table that name them.

mod common;

use rankclimb::check::load::parse_json;
use rankclimb::check::validate_with_csv;
use rankclimb::describe::table::tables;
use rankclimb::describe::{rank_readout_beside, summary};
use rankclimb::drawing::{Rect, Viewport};
use rankclimb::interaction::keys::place_key;
use rankclimb::model::{Model, Peer};
use rankclimb::phrasebook::LocalText;
use rankclimb::rank_chart::annotation_layout::occupied;
use rankclimb::rank_chart::{css_height_for_width, rank_layout, RankLayout};
use rankclimb::{DataError, Lang};
use serde_json::json;

fn example() -> Model {
    let json = include_str!("../www/data/example-city.json");
    let csv = include_str!("../www/data/example-city-ranks.csv");
    validate_with_csv(parse_json(json).expect("json"), Some(csv)).expect("the example is valid")
}

/// The example with `n` other places: its own six, then more made from them, each a few
/// places off its model so that their lines and names crowd the same rows.
fn with_peers(n: usize) -> Model {
    let mut m = example();
    let base = m.ranking.peers.clone();
    m.ranking.peers = (0..n)
        .map(|k| {
            let model = &base[k % base.len()];
            let shift = (k / base.len()) as u32 * 3;
            Peer {
                name: LocalText {
                    zh: format!("{}{k}", model.name.zh),
                    en: format!("{} {k}", model.name.en),
                },
                short: LocalText {
                    zh: format!("{}{k}", model.short.zh),
                    en: format!("{} {k}", model.short.en),
                },
                points: model
                    .points
                    .iter()
                    .map(|p| {
                        let mut p = p.clone();
                        p.rank = p.rank.map(|r| r + shift);
                        p
                    })
                    .collect(),
            }
        })
        .collect();
    m
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

fn layout_at(m: &Model, width: f64, lang: Lang) -> RankLayout {
    let scale = 2.0;
    let v = Viewport {
        width: (width * scale) as u32,
        height: (css_height_for_width(width) * scale) as u32,
        scale,
    };
    rank_layout(m, v, lang)
}

#[test]
fn end_labels_and_callouts_never_overlap() {
    for width in [320.0, 360.0, 800.0, 1200.0] {
        for n in 1..=12 {
            let m = with_peers(n);
            for lang in [Lang::Zh, Lang::En] {
                let l = layout_at(&m, width, lang);
                let v = l.viewport;
                assert_eq!(l.peers.len(), n, "{width} px: every place has its line");
                let labels: Vec<Rect> = l
                    .peers
                    .iter()
                    .filter_map(|p| p.label.as_ref().map(|(_, b)| *b))
                    .collect();
                assert!(!labels.is_empty(), "{width} px, {n}: some names shown");
                let callouts: Vec<Rect> = l
                    .annotations
                    .callouts
                    .iter()
                    .map(|c| c.place.rect())
                    .collect();
                assert_eq!(callouts.len(), 2, "{width} px, {n}: both callouts placed");
                let marks = occupied(&v, &l.plot, &l.years, &l.gaps, &l.changes);
                let fixed: Vec<Rect> = l
                    .annotations
                    .lines
                    .iter()
                    .map(|r| r.label)
                    .chain(l.annotations.bands.iter().map(|b| b.label))
                    .collect();
                for (i, a) in labels.iter().enumerate() {
                    let at = format!("{width} px, {n} places, {lang:?}, name {i}: {a:?}");
                    for b in &labels[..i] {
                        assert!(!overlaps(a, b), "{at} covers another name {b:?}");
                    }
                    for c in &callouts {
                        assert!(!overlaps(a, c), "{at} covers a callout {c:?}");
                    }
                    for m in marks.iter().chain(&fixed) {
                        assert!(!overlaps(a, m), "{at} covers a mark {m:?}");
                    }
                    assert!(
                        a.left >= 0 && a.right <= v.width as i32,
                        "{at} leaves the chart"
                    );
                }
                for (i, a) in callouts.iter().enumerate() {
                    for b in &callouts[..i] {
                        assert!(!overlaps(a, b), "{width} px, {n}: callouts overlap");
                    }
                }
            }
        }
    }
}

#[test]
fn a_focused_place_is_read_out_beside_the_main_one() {
    let m = example();
    let i = m
        .ranking
        .points
        .iter()
        .position(|p| p.year == 2021)
        .expect("2021");
    let r = rank_readout_beside(&m, i, Some(0), Lang::En).expect("2021");
    assert_eq!(r.heading, "2021");
    assert!(r.lines[0].ends_with(": 21st of 169"), "{:?}", r.lines);
    assert!(r.lines[0].starts_with("Binjiang"), "{:?}", r.lines);
    // The evaluation's field is said once, with the main place's rank; the main place's
    // change waits for its own readout.
    assert_eq!(r.lines[1], "East Lake Park: 18th");
    assert!(
        r.lines.iter().all(|l| !l.contains("places from")),
        "{:?}",
        r.lines
    );
    let zh = rank_readout_beside(&m, i, Some(0), Lang::Zh).expect("2021");
    assert_eq!(zh.lines[0], "滨江园区（虚构）：第21名（共169个）");
    assert_eq!(zh.lines[1], "东湖园区：第18名");
    // An unknown stays unknown: North Bank's 2020 is not given.
    let j = i - 1;
    let r = rank_readout_beside(&m, j, Some(5), Lang::En).expect("2020");
    assert_eq!(r.lines[1], "North Bank Park: rank not reported");
    // Without a focused place, nothing is added.
    let plain = rank_readout_beside(&m, i, None, Lang::En).expect("2021");
    assert!(plain.lines.iter().all(|l| !l.contains("East Lake")));
}

#[test]
fn arrow_keys_move_between_places_in_their_order_on_the_chart() {
    let m = example();
    let l = layout_at(&m, 800.0, Lang::En);
    let last = m.ranking.points.len() - 1;
    // 2021: East Lake 18th, the main place 21st, Bluestone 25th, West Hill 29th, Riverside
    // 40th, South Harbour 58th, North Bank 74th.
    let order = l.places_top_to_bottom(last);
    assert_eq!(
        order,
        vec![Some(0), None, Some(1), Some(2), Some(3), Some(4), Some(5)]
    );
    assert_eq!(place_key("ArrowDown", &order, None), Some(Some(1)));
    assert_eq!(place_key("ArrowUp", &order, None), Some(Some(0)));
    assert_eq!(place_key("ArrowUp", &order, Some(0)), Some(Some(0)));
    assert_eq!(place_key("ArrowDown", &order, Some(5)), Some(Some(5)));
    assert_eq!(place_key("ArrowLeft", &order, None), None);
    // In 2010 the order is that year's: South Harbour 20th leads.
    assert_eq!(l.places_top_to_bottom(0)[0], Some(4));
}

#[test]
fn a_pointer_on_a_line_or_a_name_picks_that_place() {
    let m = example();
    let l = layout_at(&m, 800.0, Lang::En);
    for p in &l.peers {
        if let Some((_, b)) = &p.label {
            let centre = (
                f64::from(b.left + b.right) / 2.0,
                f64::from(b.top + b.bottom) / 2.0,
            );
            assert_eq!(l.peer_at(centre.0, centre.1), Some(p.peer), "{p:?}");
        }
        // Halfway along its first known stretch, away from the main line.
        let pair = p.points.windows(2).find_map(|w| match w {
            [Some(a), Some(b)] => Some((*a, *b)),
            _ => None,
        });
        if let Some((a, b)) = pair {
            let (x, y) = (f64::from(a.0 + b.0) / 2.0, f64::from(a.1 + b.1) / 2.0 + 2.0);
            let hit = l.peer_at(x, y);
            assert!(hit.is_some(), "{}: nothing under {x},{y}", p.peer);
        }
    }
    // On the main place's own point: no other place.
    let main = l
        .years
        .iter()
        .find_map(|y| Some((y.x, y.y?)))
        .expect("a point");
    assert_eq!(l.peer_at(f64::from(main.0), f64::from(main.1)), None);
    // Far from every line, in the empty corner of the plot.
    assert_eq!(l.peer_at(1.0, 1.0), None);
}

#[test]
fn the_summary_and_the_table_name_every_place() {
    let m = example();
    let s = summary(&m, Lang::En);
    assert!(
        s.contains("Also drawn in grey for comparison: East Lake Park (18th in 2021);"),
        "{s}"
    );
    assert!(s.contains("North Bank Park (74th in 2021)."), "{s}");
    let zh = summary(&m, Lang::Zh);
    assert!(
        zh.contains("图中灰线为作对照的其他6个：东湖园区（2021年度第18名）"),
        "{zh}"
    );
    let t = tables(&m, Lang::En);
    let every = t
        .iter()
        .find(|t| t.caption == "Every place's rank")
        .expect("a table of every place");
    assert_eq!(every.head.len(), 2 + 6 + 1);
    assert_eq!(every.head[2], "East Lake Park");
    let y2020 = every.rows.iter().find(|r| r[0] == "2020").expect("2020");
    assert_eq!(y2020[1], "rank not reported");
    assert_eq!(y2020[7], "rank not reported", "North Bank 2020 unknown");
    assert_eq!(y2020[2], "19");
}

/// The fitted axis holds every place's known ranks, not only the main place's.
#[test]
fn the_fitted_axis_holds_every_place() {
    let m = example();
    let (top, bottom) = m.rank_axis_range();
    assert!(top <= 18 && bottom >= 74, "{top}–{bottom}");
    let mut alone = m.clone();
    alone.ranking.peers.clear();
    let (top, bottom) = alone.rank_axis_range();
    assert!(top > 10 && bottom < 74, "{top}–{bottom}");
}

fn problems(r: Result<Model, DataError>) -> Vec<String> {
    match r {
        Err(e) => e.lines(),
        Ok(_) => panic!("the file should have been rejected"),
    }
}

fn has(problems: &[String], path: &str, says: &str) -> bool {
    problems
        .iter()
        .any(|l| l.starts_with(&format!("{path}:")) && l.contains(says))
}

#[test]
fn peers_follow_the_main_series_rules() {
    let peer = |points: serde_json::Value| json!({"name": {"zh-CN": "郑州", "en": "Zhengzhou"}, "points": points});
    let point = |year: i32, rank: serde_json::Value| json!({"year": year, "rank": rank, "of": null, "sources": ["article-l11"]});
    let cases: Vec<(serde_json::Value, &str, &str)> = vec![
        (
            json!([peer(json!([point(2015, json!(20))]))]),
            "ranking.peers[0].points[0].year",
            "not one of the main place's evaluations",
        ),
        (
            json!([peer(json!([point(2019, json!(0))]))]),
            "ranking.peers[0].points[0].rank",
            "null",
        ),
        (
            json!([peer(json!([point(2019, json!(null))]))]),
            "ranking.peers[0].points",
            "holds no known rank",
        ),
        (
            json!([peer(json!([
                point(2020, json!(20)),
                point(2019, json!(21))
            ]))]),
            "ranking.peers[0].points[1].year",
            "does not come after",
        ),
        (
            json!([peer(
                json!([{"year": 2019, "rank": 20, "of": null, "sources": ["nowhere"]}])
            )]),
            "ranking.peers[0].points[0].sources[0]",
            "nowhere",
        ),
        (
            json!((0..13)
                .map(|_| peer(json!([point(2019, json!(20))])))
                .collect::<Vec<_>>()),
            "ranking.peers",
            "lists 13 places",
        ),
        (
            json!([{"name": {"zh-CN": "", "en": "Zhengzhou"}, "points": [point(2019, json!(20))]}]),
            "ranking.peers[0].name.zh-CN",
            "",
        ),
    ];
    for (peers, path, says) in cases {
        let p = problems(common::story_with(|v| {
            v["ranking"]["peers"] = peers.clone()
        }));
        assert!(has(&p, path, says), "{path}: {p:?}");
    }
    // An explicit axis must hold a peer's rank too.
    let p = problems(common::story_with(|v| {
        v["ranking"]["axis"] = json!({"from": 60, "to": 130});
        v["ranking"]["peers"] = json!([peer(json!([point(2020, json!(17))]))]);
    }));
    assert!(
        has(&p, "ranking.axis.from", "leaves out 2020's rank 17"),
        "{p:?}"
    );
    // A valid peer, with years left out, is read as unknown in those years.
    let m = common::story_with(|v| {
        v["ranking"]["peers"] = json!([peer(json!([
            point(2019, json!(20)),
            point(2020, json!(17))
        ]))]);
    })
    .expect("valid");
    let ranks: Vec<Option<u32>> = m.ranking.peers[0].points.iter().map(|p| p.rank).collect();
    assert_eq!(ranks, vec![None, None, None, Some(20), Some(17), None]);
}

/// Other places get the author's plausibility warnings too, named by place and year.
#[test]
fn a_places_implausible_jump_is_warned_about() {
    use rankclimb::check::plausibility::warnings;
    let point = |year: i32, rank: u32| json!({"year": year, "rank": rank, "of": null, "sources": ["article-l11"]});
    let m = common::story_with(|v| {
        v["ranking"]["axis"] = json!("full");
        v["ranking"]["peers"] = json!([{"name": {"zh-CN": "郑州", "en": "Zhengzhou"},
            "points": [point(2019, 20), point(2020, 117), point(2021, 900)]}]);
    })
    .expect("valid by the letter");
    let found: Vec<String> = warnings(&m).iter().map(|w| w.to_string()).collect();
    assert!(
        found
            .iter()
            .any(|w| w.starts_with("ranking.peers[0]: moves 97 places from 2019 to 2020")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|w| w.starts_with("ranking.peers[0]: 900 in 2021 is far above")),
        "{found:?}"
    );
    // The example's six places are plausible.
    assert_eq!(warnings(&example()), vec![]);
}

#[test]
fn a_name_that_does_not_fit_gives_way_to_its_short_form() {
    let m = example();
    let names = |width: f64| -> Vec<String> {
        layout_at(&m, width, Lang::En)
            .peers
            .iter()
            .filter_map(|p| p.label.as_ref().map(|(t, _)| t.clone()))
            .collect()
    };
    let wide = names(1200.0);
    assert!(wide.iter().any(|n| n == "East Lake Park"), "{wide:?}");
    for width in [360.0, 390.0] {
        let phone = names(width);
        assert!(phone.iter().any(|n| n == "East Lake"), "{width}: {phone:?}");
        assert!(
            phone.iter().all(|n| !n.ends_with('…')),
            "{width}: a short name fits whole: {phone:?}"
        );
    }
}

/// The text elements of an SVG with their y and whether they hang from it (`dy` positive)
/// or stand on it.
fn texts_with_y(svg: &str) -> Vec<(String, i32, bool)> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let y = t.split("y=\"").nth(1)?.split('"').next()?.parse().ok()?;
            let hangs = !t.split("dy=\"").nth(1)?.starts_with('-');
            let text = t
                .split_once('>')?
                .1
                .split_once("</text>")?
                .0
                .trim()
                .to_string();
            Some((text, y, hangs))
        })
        .collect()
}

#[test]
fn the_main_places_last_rank_does_not_sit_in_a_row_with_another_places_name() {
    use plotters::prelude::*;
    let m = example();
    let l = layout_at(&m, 1200.0, Lang::En);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (l.viewport.width, l.viewport.height))
            .into_drawing_area();
        rankclimb::rank_chart::draw_rank_chart(
            &root,
            &m,
            &l,
            rankclimb::rank_chart::Frame {
                reveal: (m.ranking.points.len() - 1) as f64,
                inspected: None,
                peer: None,
            },
            Lang::En,
            &rankclimb::drawing::Theme::light(),
        )
        .expect("drawn");
    }
    let texts = texts_with_y(&svg);
    let last = m
        .ranking
        .points
        .iter()
        .rev()
        .find_map(|p| p.rank)
        .expect("a rank");
    // The number's line of text: 15 px down from where it hangs, or up from where it stands.
    let h = l.viewport.px(15.0);
    let spans: Vec<(i32, i32)> = texts
        .iter()
        .filter(|(t, ..)| *t == last.to_string())
        .map(|&(_, y, hangs)| if hangs { (y, y + h) } else { (y - h, y) })
        .collect();
    assert!(!spans.is_empty(), "the last rank is drawn");
    let gap = l.viewport.px(5.0);
    for (top, bottom) in &spans {
        for (name, r) in l.peers.iter().filter_map(|p| p.label.as_ref()) {
            assert!(
                r.bottom + gap <= *top || r.top >= bottom + gap,
                "the main place's {last} ({top}..{bottom}) sits in a row with {name:?} ({}..{})",
                r.top,
                r.bottom
            );
        }
    }
}
