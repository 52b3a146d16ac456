//! The rank chart's annotations: placed clear of every point, label and each other at every
//! width, numbered markers on narrow charts, and said in the summary, the readout and the
//! table.

mod common;

use rankclimb::check::load::parse_json;
use rankclimb::check::validate_with_csv;
use rankclimb::describe::{rank_readout, summary};
use rankclimb::drawing::{Rect, Viewport};
use rankclimb::model::{Annotation, AnnotationKind, Model};
use rankclimb::phrasebook::LocalText;
use rankclimb::rank_chart::annotation_layout::occupied;
use rankclimb::rank_chart::rank_layout;
use rankclimb::Lang;

fn example() -> Model {
    let json = include_str!("../www/data/example-city.json");
    let csv = include_str!("../www/data/example-city-ranks.csv");
    validate_with_csv(parse_json(json).expect("json"), Some(csv)).expect("the example is valid")
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

/// `n` callouts, spread over the known years in turn (two on a year past ten).
fn with_callouts(mut m: Model, n: usize) -> Model {
    let known: Vec<i32> = m
        .ranking
        .points
        .iter()
        .filter(|p| p.rank.is_some())
        .map(|p| p.year)
        .collect();
    m.ranking
        .annotations
        .retain(|a| !matches!(a.kind, AnnotationKind::Callout { .. }));
    for i in 0..n {
        let text = format!("示例注释{i}");
        m.ranking.annotations.push(Annotation {
            kind: AnnotationKind::Callout {
                year: known[(i * 3) % known.len()],
            },
            text: LocalText {
                zh: text.clone(),
                en: format!("Example note {i}"),
            },
            sources: vec![0],
        });
    }
    m
}

#[test]
fn callouts_never_overlap_points_labels_or_each_other() {
    for width in [320.0, 360.0, 800.0, 1200.0] {
        for n in 1..=12 {
            let m = with_callouts(example(), n);
            for lang in [Lang::Zh, Lang::En] {
                let scale = 2.0;
                let height = rankclimb::rank_chart::css_height_for_width(width);
                let v = Viewport {
                    width: (width * scale) as u32,
                    height: (height * scale) as u32,
                    scale,
                };
                let l = rank_layout(&m, v, lang);
                let marks = occupied(&v, &l.plot, &l.years, &l.gaps, &l.changes);
                let placed: Vec<Rect> = l
                    .annotations
                    .callouts
                    .iter()
                    .map(|c| c.place.rect())
                    .collect();
                assert_eq!(placed.len(), n, "{width} px, {n}: every callout placed");
                let labels: Vec<&Rect> = l
                    .annotations
                    .lines
                    .iter()
                    .map(|r| &r.label)
                    .chain(l.annotations.bands.iter().map(|b| &b.label))
                    .collect();
                for (i, a) in placed.iter().enumerate() {
                    let at = format!("{width} px, {n} callouts, {lang:?}, callout {i}: {a:?}");
                    for m in &marks {
                        assert!(!overlaps(a, m), "{at} covers a mark {m:?}");
                    }
                    for b in &placed[..i] {
                        assert!(!overlaps(a, b), "{at} covers another callout {b:?}");
                    }
                    for b in &labels {
                        assert!(!overlaps(a, b), "{at} covers a line's or band's words");
                    }
                    assert!(
                        a.left >= l.plot.left && a.right <= l.plot.right,
                        "{at} leaves the plot"
                    );
                }
                // Phones get numbered markers; wide charts the words themselves.
                let markers = l.annotations.uses_markers();
                if width < 600.0 {
                    assert!(markers, "{width} px: markers");
                } else if n <= 2 {
                    assert!(!markers, "{width} px, {n}: text fits");
                }
            }
        }
    }
}

#[test]
fn annotations_are_said_in_the_summary_readout_and_table() {
    let m = example();
    let said = summary(&m, Lang::En);
    assert!(said.contains("Reference line at 50th: Top 50."), "{said}");
    assert!(
        said.contains("2016–2017: Example: method revised."),
        "{said}"
    );
    assert!(
        said.contains("2013: Example: the lowest published rank."),
        "{said}"
    );
    // The inspected year announces its callout and the band over it.
    let index = |year| {
        m.ranking
            .points
            .iter()
            .position(|p| p.year == year)
            .expect("year")
    };
    let r2013 = rank_readout(&m, index(2013), Lang::En).expect("2013");
    assert!(
        r2013
            .lines
            .iter()
            .any(|l| l == "Example: the lowest published rank"),
        "{r2013:?}"
    );
    let r2017 = rank_readout(&m, index(2017), Lang::Zh).expect("2017");
    assert!(
        r2017.lines.iter().any(|l| l == "示例：评价方法调整"),
        "{r2017:?}"
    );
    let r2018 = rank_readout(&m, index(2018), Lang::Zh).expect("2018");
    assert!(
        !r2018.lines.iter().any(|l| l.contains("示例：评价方法调整")),
        "{r2018:?}"
    );
}
