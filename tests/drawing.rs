//! The chart drawn through plotters' SVG backend, with its labels and marks checked.

mod common;
use common::{story, story_with};
use plotters::prelude::*;
use rankclimb::drawing::Theme;
use rankclimb::drawing::Viewport;
use rankclimb::rank_chart::rank_layout;
use rankclimb::rank_chart::{draw_rank_chart, Frame};
use rankclimb::Lang;

fn svg(model: &rankclimb::Model, frame: Frame, lang: Lang) -> String {
    let v = Viewport {
        width: 800,
        height: 450,
        scale: 1.0,
    };
    let layout = rank_layout(model, v, lang);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (v.width, v.height)).into_drawing_area();
        draw_rank_chart(&root, model, &layout, frame, lang, &Theme::light()).expect("draws");
    }
    out
}

fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>'))
        .map(|(_, rest)| {
            rest.split("</text>")
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .collect()
}

/// Every SVG element with its colours taken out: where and what each mark is.
fn shapes(svg: &str) -> Vec<String> {
    svg.lines()
        .filter(|l| l.starts_with('<') && !l.starts_with("<svg") && !l.starts_with("</"))
        .map(|l| {
            let mut mark = l.to_string();
            for name in [
                "fill-opacity",
                "stroke-opacity",
                "opacity",
                "fill",
                "stroke",
            ] {
                while let Some(at) = mark.find(&format!(" {name}=\"")) {
                    let value = at + name.len() + 3;
                    let end = mark[value..]
                        .find('"')
                        .map_or(mark.len(), |e| value + e + 1);
                    mark.replace_range(at..end, "");
                }
            }
            mark
        })
        .collect()
}

/// A number attribute of one SVG element, such as `x` of `<rect x="3" …/>`.
fn attr(mark: &str, name: &str) -> i64 {
    let at = mark
        .find(&format!(" {name}=\""))
        .unwrap_or_else(|| panic!("{name} in {mark}"))
        + name.len()
        + 3;
    let rest = &mark[at..];
    rest[..rest.find('"').expect("closing quote")]
        .parse::<f64>()
        .expect("number") as i64
}

/// The rank view of the story as the page lays it out on an 800 × 450 chart at ratio 2.
fn rank_view_at_2x(m: &rankclimb::Model) -> rankclimb::view::ViewLayout {
    let v = Viewport {
        width: 1600,
        height: 900,
        scale: 2.0,
    };
    rankclimb::view::view_layout(m, rankclimb::view::ViewKind::Rank, v, Lang::Zh).expect("layout")
}

fn line_dots(svg: &str) -> usize {
    svg.matches("<circle").count()
}

#[test]
fn final_frame_labels_every_known_rank_and_change() {
    let m = story();
    let s = svg(
        &m,
        Frame {
            reveal: 5.0,
            inspected: None,
            peer: None,
        },
        Lang::Zh,
    );
    let t = texts(&s);
    for label in [
        "118",
        "98",
        "88",
        "74",
        "↑10",
        "↑14",
        // 2016's year and 2019's rank are derived, not printed: their footnotes say how.
        "2016*",
        "2019*",
        "2020",
        "2021*",
        "第74名",
        "2021年度",
        "2017—2018年度不详",
    ] {
        assert!(
            t.iter().any(|x| x == label),
            "missing label {label:?} in {t:?}"
        );
    }
    // Rank axis labels on the story's fitted axis (68th to 124th), at round steps, and no 1.
    for tick in ["70", "80", "90", "100", "110", "120"] {
        assert!(t.iter().any(|x| x == tick), "missing tick {tick}");
    }
    assert!(!t.iter().any(|x| x == "1"), "a cut axis has no 1: {t:?}");
    // Four known years: four dots, each drawn as a fill and a halo.
    assert_eq!(line_dots(&s), 8, "{s}");
    assert!(
        s.to_uppercase().contains("#C2410C"),
        "the line colour is used"
    );
    // No made-up value for the unpublished years.
    assert!(!t.iter().any(|x| x.contains("108") || x.contains("103")));
}

#[test]
fn first_frame_shows_only_the_start() {
    let s = svg(
        &story(),
        Frame {
            reveal: 0.0,
            inspected: None,
            peer: None,
        },
        Lang::Zh,
    );
    let t = texts(&s);
    assert!(
        t.iter().any(|x| x == "第118名"),
        "the counter starts at 118: {t:?}"
    );
    assert!(
        !t.iter().any(|x| x == "74" || x.starts_with('↑')),
        "nothing after 2016 yet: {t:?}"
    );
    assert_eq!(line_dots(&s), 2);
}

#[test]
fn counter_steps_through_known_ranks_only() {
    let m = story();
    let at = |reveal: f64| {
        texts(&svg(
            &m,
            Frame {
                reveal,
                inspected: None,
                peer: None,
            },
            Lang::En,
        ))
        .into_iter()
        .find(|x| x.ends_with("th") && x.len() <= 5)
    };
    assert_eq!(at(0.0).as_deref(), Some("118th"));
    assert_eq!(
        at(2.9).as_deref(),
        Some("118th"),
        "no invented value while crossing 2017–2018"
    );
    assert_eq!(at(3.0).as_deref(), Some("98th"));
    assert_eq!(at(4.5).as_deref(), Some("88th"));
    assert_eq!(at(5.0).as_deref(), Some("74th"));
}

#[test]
fn inspecting_draws_a_guide_and_ring() {
    let m = story();
    let plain = svg(
        &m,
        Frame {
            reveal: 5.0,
            inspected: None,
            peer: None,
        },
        Lang::Zh,
    );
    let s = svg(
        &m,
        Frame {
            reveal: 5.0,
            inspected: Some(4),
            peer: None,
        },
        Lang::Zh,
    );
    assert_eq!(
        line_dots(&s),
        line_dots(&plain) + 1,
        "a ring around the inspected point"
    );
    assert!(s.len() > plain.len());
    // The guide is one line, so a hover redraws a handful of marks, not a path per dash.
    assert_eq!(
        s.matches("<polyline").count(),
        plain.matches("<polyline").count() + 1,
        "one guide line"
    );
    let unknown = svg(
        &m,
        Frame {
            reveal: 5.0,
            inspected: Some(1),
            peer: None,
        },
        Lang::Zh,
    );
    assert!(texts(&unknown).iter().any(|x| x == "排名不详"));
}

#[test]
fn example_data_is_marked_on_the_chart() {
    let m = story_with(|v| v["example"] = serde_json::json!(true)).expect("valid");
    let t = texts(&svg(
        &m,
        Frame {
            reveal: 5.0,
            inspected: None,
            peer: None,
        },
        Lang::En,
    ));
    assert!(t.iter().any(|x| x.contains("EXAMPLE DATA")), "{t:?}");
}

#[test]
fn english_labels_come_from_the_same_file() {
    let t = texts(&svg(
        &story(),
        Frame {
            reveal: 5.0,
            inspected: None,
            peer: None,
        },
        Lang::En,
    ));
    assert!(t.iter().any(|x| x == "74th"));
    assert!(t.iter().any(|x| x == "2017–2018 not reported"));
    assert!(t
        .iter()
        .any(|x| x == "Comprehensive rank (axis from 68th, not 1st)"));
}

#[test]
fn still_and_moving_layers_together_draw_the_whole_frame() {
    use rankclimb::rank_chart::{draw_rank_moving, draw_rank_static};
    let m = story();
    let v = Viewport {
        width: 800,
        height: 450,
        scale: 1.0,
    };
    let layout = rank_layout(&m, v, Lang::Zh);
    let frame = Frame {
        reveal: 3.5,
        inspected: Some(4),
        peer: None,
    };
    let mut still = String::new();
    let mut moving = String::new();
    {
        let root = SVGBackend::with_string(&mut still, (800, 450)).into_drawing_area();
        draw_rank_static(&root, &m, &layout, Lang::Zh, &Theme::light()).expect("draws");
    }
    {
        let root = SVGBackend::with_string(&mut moving, (800, 450)).into_drawing_area();
        draw_rank_moving(&root, &layout, frame, Lang::Zh, &Theme::light()).expect("draws");
    }
    let (still, moving) = (texts(&still), texts(&moving));
    let mut both: Vec<String> = still.iter().chain(&moving).cloned().collect();
    let mut whole = texts(&svg(&m, frame, Lang::Zh));
    both.sort();
    whole.sort();
    assert_eq!(
        both, whole,
        "the two layers hold exactly the whole frame's labels"
    );
    assert!(
        still.iter().any(|t| t == "2016*") && !still.iter().any(|t| t == "98"),
        "axes are still, points move"
    );
    assert!(moving.iter().any(|t| t == "98") && !moving.iter().any(|t| t == "2016*"));
}

#[test]
fn css_colours_parse_or_are_refused() {
    use plotters::style::RGBAColor;
    use rankclimb::drawing::parse_css_color;
    assert_eq!(
        parse_css_color("#c2410c"),
        Some(RGBAColor(194, 65, 12, 1.0))
    );
    assert_eq!(
        parse_css_color(" #fff "),
        Some(RGBAColor(255, 255, 255, 1.0))
    );
    assert_eq!(
        parse_css_color("rgb(1, 2, 3)"),
        Some(RGBAColor(1, 2, 3, 1.0))
    );
    // As a browser gives the system's Highlight under forced colours.
    assert_eq!(
        parse_css_color("rgba(0, 230, 255, 0.8)"),
        Some(RGBAColor(0, 230, 255, 0.8))
    );
    for bad in [
        "rgba(0, 0, 0, 2)",
        "",
        "red",
        "#12",
        "#gggggg",
        "rgb(1,2)",
        "rgb(300,0,0)",
        "url(javascript:x)",
    ] {
        assert_eq!(parse_css_color(bad), None, "{bad:?}");
    }
}

#[test]
fn dark_and_high_contrast_themes_draw_the_same_marks() {
    let m = story();
    let v = Viewport {
        width: 800,
        height: 450,
        scale: 1.0,
    };
    let layout = rank_layout(&m, v, Lang::Zh);
    let frame = Frame {
        reveal: 5.0,
        inspected: None,
        peer: None,
    };
    let draw = |theme: &Theme| {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (800, 450)).into_drawing_area();
            draw_rank_chart(&root, &m, &layout, frame, Lang::Zh, theme).expect("draws");
        }
        out
    };
    let (light, dark, hc) = (
        draw(&Theme::light()),
        draw(&Theme::dark()),
        draw(&Theme::high_contrast()),
    );
    assert_eq!(texts(&light), texts(&dark));
    assert_eq!(texts(&light), texts(&hc));
    // Every mark in the same place with the same shape: only the colours differ.
    let marks = shapes(&light);
    assert!(marks.len() > 60, "{} marks", marks.len());
    assert_eq!(marks, shapes(&dark));
    assert_eq!(marks, shapes(&hc));
    assert!(dark.contains("#111827"), "dark background");
    assert!(
        !hc.to_uppercase().contains("#C2410C"),
        "no accent tint in high contrast"
    );
}

/// The page draws the rank chart as three layers (still, swept, moving); at the end of the
/// entry they add up to exactly the marks of the whole chart drawn at once, and the swept
/// layer (the unpublished years' dashed span) is uncovered only as far as the line has grown.
#[test]
fn layers_add_up_to_the_whole_chart() {
    use rankclimb::drawing::Layer;
    use rankclimb::view::{draw_view, swept_x};
    let m = story();
    let layout = rank_view_at_2x(&m);
    let v = layout.viewport();
    let draw = |layer: Layer, progress: f64| {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (v.width, v.height)).into_drawing_area();
            draw_view(
                &root,
                &m,
                &layout,
                progress,
                None,
                Lang::Zh,
                &Theme::light(),
                layer,
            )
            .expect("draws");
        }
        let mut marks: Vec<String> = out
            .lines()
            .filter(|l| l.starts_with('<') && !l.starts_with("<svg") && !l.starts_with("</"))
            .map(str::to_string)
            .collect();
        marks.sort();
        marks
    };
    let whole = draw(Layer::All, 1.0);
    let mut parts = [Layer::Still, Layer::Swept, Layer::Moving]
        .into_iter()
        .flat_map(|l| draw(l, 1.0))
        .collect::<Vec<_>>();
    parts.sort();
    assert_eq!(parts, whole);
    // Dashes are drawn once, in the swept layer, not again in each frame's moving layer:
    // as short filled rectangles in the edge colour, not as a canvas path each.
    let swept = draw(Layer::Swept, 1.0);
    assert!(
        !swept.iter().any(|l| l.starts_with("<polyline")),
        "{swept:?}"
    );
    let dashes = swept
        .iter()
        .filter(|l| l.starts_with("<rect") && l.to_uppercase().contains("#64748B"))
        .count();
    assert!(
        dashes > 50,
        "the dashed span is in the swept layer: {dashes}"
    );
    assert!(draw(Layer::Moving, 1.0).len() < 40);
    // The browser keeps the swept layer on a canvas the size of `swept_bounds` only: every
    // swept mark must lie inside that box.
    let (left, top, right, bottom) =
        rankclimb::view::swept_bounds(&layout).expect("the story has unpublished years");
    assert!(right - left < 1600 && bottom - top < 300, "a small box");
    for mark in swept.iter().filter(|l| l.starts_with("<rect")) {
        let (x, y) = (attr(mark, "x"), attr(mark, "y"));
        let (w, h) = (attr(mark, "width"), attr(mark, "height"));
        let (left, top, right, bottom) = (
            i64::from(left),
            i64::from(top),
            i64::from(right),
            i64::from(bottom),
        );
        assert!(
            x >= left && y >= top && x + w <= right && y + h <= bottom,
            "{mark} lies outside {:?}",
            (left, top, right, bottom)
        );
    }
    // 2016 is the first year and the gap starts there: nothing is uncovered at the start,
    // the whole span once the line has passed 2019.
    let rank = match &layout {
        rankclimb::view::ViewLayout::Rank(l) => l,
        _ => unreachable!("the rank view"),
    };
    assert_eq!(swept_x(&layout, 0.0), Some(rank.years[0].x));
    assert_eq!(swept_x(&layout, 1.0), rank.years.last().map(|y| y.x));
    let at_2019 = swept_x(&layout, 3.0 / 5.0).expect("swept");
    assert_eq!(at_2019, rank.years[3].x);
}

/// The unpublished years' label sits between their dashed lines on a wide chart; on a narrow
/// one it crosses them, and gets a chip of the band's colour underneath to stay legible.
#[test]
fn unpublished_label_gets_a_chip_only_where_it_crosses_the_year_lines() {
    let m = story();
    let white_rects = |width: u32| {
        let v = Viewport {
            width,
            height: 450,
            scale: 1.0,
        };
        let layout = rank_layout(&m, v, Lang::Zh);
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (v.width, v.height)).into_drawing_area();
            let frame = Frame {
                reveal: 5.0,
                inspected: None,
                peer: None,
            };
            draw_rank_chart(&root, &m, &layout, frame, Lang::Zh, &Theme::light()).expect("draws");
        }
        let label = texts(&out)
            .into_iter()
            .find(|t| t.contains("不详"))
            .expect("the span is labelled");
        let rects = out
            .split("<rect")
            .skip(1)
            .filter_map(|r| r.split('>').next())
            .filter(|r| r.contains("fill=\"#FFFFFF\""))
            .count();
        (rects, label)
    };
    // The background is one white rectangle; a chip adds another.
    assert_eq!(white_rects(800), (1, "2017—2018年度不详".to_string()));
    let (rects, label) = white_rects(320);
    assert_eq!(rects, 2, "{label}");
}

/// The browser draws the swept layer on a canvas the size of its box, through `area_from`:
/// the marks land where they would on a full-size canvas, moved by the box's corner, not
/// squashed against its edges.
#[test]
fn swept_layer_in_its_box_is_the_full_layer_shifted() {
    use rankclimb::drawing::Layer;
    use rankclimb::view::{area_from, draw_view, swept_bounds};
    let m = story();
    let layout = rank_view_at_2x(&m);
    let v = layout.viewport();
    let (left, top, right, bottom) = swept_bounds(&layout).expect("a swept box");
    let rects = |svg: &str| -> Vec<(i64, i64, i64, i64)> {
        svg.lines()
            .filter(|l| l.starts_with("<rect"))
            .map(|l| {
                (
                    attr(l, "x"),
                    attr(l, "y"),
                    attr(l, "width"),
                    attr(l, "height"),
                )
            })
            .collect()
    };
    let draw_swept = |area: &DrawingArea<SVGBackend, plotters::coord::Shift>| {
        draw_view(
            area,
            &m,
            &layout,
            1.0,
            None,
            Lang::Zh,
            &Theme::light(),
            Layer::Swept,
        )
        .expect("draws")
    };
    let mut full = String::new();
    draw_swept(&SVGBackend::with_string(&mut full, (v.width, v.height)).into_drawing_area());
    let mut boxed = String::new();
    {
        let size = ((right - left) as u32, (bottom - top) as u32);
        let root = SVGBackend::with_string(&mut boxed, size).into_drawing_area();
        draw_swept(&area_from(root, &layout, (left, top)));
    }
    let shifted: Vec<_> = rects(&full)
        .into_iter()
        .map(|(x, y, w, h)| (x - i64::from(left), y - i64::from(top), w, h))
        .collect();
    assert!(shifted.len() > 50, "{} marks", shifted.len());
    assert_eq!(rects(&boxed), shifted);
}
