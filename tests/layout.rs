//! Scales, label thinning, gaps for unpublished years, and pointer hit-testing.

mod common;
use common::{story, story_with};
use rankclimb::drawing::Viewport;
use rankclimb::rank_chart::{css_height_for_width, rank_layout};
use rankclimb::Lang;
use serde_json::json;

fn vp(css_w: f64, scale: f64) -> Viewport {
    let css_h = css_height_for_width(css_w);
    Viewport {
        width: (css_w * scale).round() as u32,
        height: (css_h * scale).round() as u32,
        scale,
    }
}

#[test]
fn rank_one_is_at_the_top_and_years_run_left_to_right() {
    // The full axis (the story itself fits its axis to the ranks: `describe.rs`).
    let mut m = story();
    m.ranking.axis = rankclimb::model::Axis::Full;
    let l = rank_layout(&m, vp(800.0, 1.0), Lang::Zh);
    let xs: Vec<i32> = l.years.iter().map(|y| y.x).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    assert_eq!(xs[0], l.plot.left);
    assert_eq!(xs[5], l.plot.right);
    let y = |i: usize| l.years[i].y.expect("known");
    // A better (smaller) rank sits higher on the canvas.
    assert!(y(5) < y(4) && y(4) < y(3) && y(3) < y(0));
    let (first_tick, top) = l.rank_ticks[0];
    assert_eq!(first_tick, 1);
    assert!(top < y(5));
    let ticks: Vec<u32> = l.rank_ticks.iter().map(|t| t.0).collect();
    assert_eq!(ticks, [1, 50, 100, 150]);
    // Equal rank steps are equal pixel steps: 98→88 and 88→78 would be the same height.
    let per_rank = (y(3) - y(4)) as f64 / 10.0;
    assert!(((y(4) - y(5)) as f64 / 14.0 - per_rank).abs() < 0.2);
}

#[test]
fn unpublished_years_have_no_point_and_one_shaded_gap() {
    let l = rank_layout(&story(), vp(800.0, 1.0), Lang::Zh);
    assert_eq!(l.years[1].y, None);
    assert_eq!(l.years[2].y, None);
    assert_eq!(l.gaps.len(), 1);
    let g = &l.gaps[0];
    assert_eq!((g.first, g.last), (1, 2));
    assert_eq!((g.x0, g.x1), (l.years[0].x, l.years[3].x));
    // Bounded by the known neighbours: 98 (top) and 118 (bottom).
    assert_eq!((g.y0, g.y1), (l.years[3].y.unwrap(), l.years[0].y.unwrap()));
}

#[test]
fn change_labels_only_between_adjacent_known_years() {
    let l = rank_layout(&story(), vp(800.0, 1.0), Lang::Zh);
    let changes: Vec<(usize, &str)> = l.changes.iter().map(|c| (c.to, c.text.as_str())).collect();
    assert_eq!(changes, [(4, "↑10"), (5, "↑14")]);
}

#[test]
fn pointer_snaps_to_the_nearest_year() {
    let l = rank_layout(&story(), vp(800.0, 2.0), Lang::Zh);
    let x2020 = l.years[4].x as f64;
    let x2021 = l.years[5].x as f64;
    assert_eq!(l.nearest_year(x2020, 10.0), Some(4));
    assert_eq!(
        l.nearest_year(x2020 + (x2021 - x2020) * 0.49, 300.0),
        Some(4)
    );
    assert_eq!(
        l.nearest_year(x2020 + (x2021 - x2020) * 0.51, 300.0),
        Some(5)
    );
    assert_eq!(l.nearest_year(0.0, 0.0), Some(0));
    assert_eq!(
        l.nearest_year(l.years[1].x as f64 + 3.0, 200.0),
        Some(1),
        "unpublished years can be inspected too"
    );
    assert_eq!(l.nearest_year(-5.0, 10.0), None);
    assert_eq!(l.nearest_year(f64::NAN, 10.0), None);
    assert_eq!(l.nearest_year(l.viewport.width as f64 + 1.0, 10.0), None);
}

#[test]
fn lengths_scale_with_the_device_pixel_ratio() {
    let one = rank_layout(&story(), vp(360.0, 1.0), Lang::Zh);
    let two = rank_layout(&story(), vp(360.0, 2.0), Lang::Zh);
    assert_eq!(two.viewport.width, 720);
    assert_eq!(two.plot.left, one.plot.left * 2);
    assert!((two.years[4].x - one.years[4].x * 2).abs() <= 1);
}

#[test]
fn crowded_year_labels_are_thinned_keeping_the_latest() {
    let l = rank_layout(
        &story_with(|v| {
            let points: Vec<_> = (2000..2030)
                .map(|y| json!({"year": y, "rank": 200 - (y - 2000), "of": 300, "sources": ["article-l11"]}))
                .collect();
            v["ranking"]["points"] = json!(points);
            v["ranking"].as_object_mut().unwrap().remove("consecutive_rises");
        })
        .expect("valid"),
        vp(320.0, 1.0),
        Lang::Zh,
    );
    let shown: Vec<i32> = l
        .years
        .iter()
        .filter(|y| y.show_year_label)
        .map(|y| y.year)
        .collect();
    assert!(shown.len() < 30 && shown.len() >= 4, "{shown:?}");
    assert_eq!(shown.last(), Some(&2029));
    let gap = l
        .years
        .iter()
        .filter(|y| y.show_year_label)
        .map(|y| y.x)
        .collect::<Vec<_>>();
    assert!(
        gap.windows(2).all(|w| w[1] - w[0] >= 36),
        "labels at least 36px apart: {gap:?}"
    );
}

#[test]
fn height_suits_width() {
    assert_eq!(css_height_for_width(320.0), 304.0);
    assert_eq!(css_height_for_width(800.0), 450.0);
    assert_eq!(css_height_for_width(1200.0), 460.0);
}
