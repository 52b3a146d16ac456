//! The figure's markup comes from one description: the HTML `cargo xtask dist` writes into
//! the page and the elements the web shell builds or adopts are the same tree, and every part
//! the shell holds on to is in it exactly where the shell looks.

mod common;

use rankclimb::check::load::load_file;
use rankclimb::drawing::Theme;
use rankclimb::figure_markup::{class, figure, reserve_css, to_html, Node, ADOPTED_ONCE};
use rankclimb::still::stills_of;
use rankclimb::view::{views, ViewKind};
use rankclimb::{Lang, Model};
use std::path::Path;

fn example() -> Model {
    load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data/example-city.json"))
        .expect("the example is valid")
}

/// The description as the build renders it: with each plot's stills.
fn prerendered(model: &Model, lang: Lang, kinds: &[ViewKind]) -> Node {
    let drawn: Vec<(ViewKind, String)> = kinds
        .iter()
        .map(|&k| {
            (
                k,
                stills_of(model, k, lang, &Theme::light()).expect("drawn"),
            )
        })
        .collect();
    figure(model, lang, kinds, &|k| {
        drawn.iter().find(|(d, _)| *d == k).map(|(_, s)| s.clone())
    })
}

/// The tree without what only the build draws: what the shell builds.
fn without_stills(node: &Node) -> Node {
    Node {
        still: None,
        children: node.children.iter().map(without_stills).collect(),
        ..node.clone()
    }
}

/// How often `class` is one of the class tokens of an element in `html`.
fn elements_with_class(html: &str, class: &str) -> usize {
    html.split(" class=\"")
        .skip(1)
        .filter(|rest| {
            rest.split('"')
                .next()
                .is_some_and(|c| c.split(' ').any(|t| t == class))
        })
        .count()
}

#[test]
fn the_page_and_the_shell_build_the_same_tree_from_one_description() {
    for model in [common::story(), example()] {
        for lang in [Lang::Zh, Lang::En] {
            let all = views(&model);
            for kinds in [&all[..], &all[..1]] {
                let page = prerendered(&model, lang, kinds);
                let shell = figure(&model, lang, kinds, &|_| None);
                assert_eq!(
                    without_stills(&page),
                    shell,
                    "{lang:?}, {} plots",
                    kinds.len()
                );
                assert_eq!(
                    page.walk().iter().filter(|n| n.still.is_some()).count(),
                    kinds.len(),
                    "one still per plot"
                );
                let html = to_html(&page);
                for part in ADOPTED_ONCE {
                    assert_eq!(elements_with_class(&html, part), 1, "{part} in {lang:?}");
                }
                assert_eq!(elements_with_class(&html, class::STAGE), kinds.len());
                assert_eq!(elements_with_class(&html, class::STILL), kinds.len());
                assert_eq!(elements_with_class(&html, class::PANEL), kinds.len() - 1);
                assert_eq!(
                    elements_with_class(&html, class::NOTE),
                    rankclimb::describe::note_lines(&model, lang).len()
                );
                // Each stage holds its still first, where the shell swaps in the canvas.
                for (i, stage) in html.split("class=\"rankclimb-stage ").skip(1).enumerate() {
                    let inside = stage.split_once('>').map_or("", |(_, r)| r);
                    assert!(
                        inside.starts_with("<div class=\"rankclimb-still"),
                        "stage {i}: {}",
                        &inside[..80.min(inside.len())]
                    );
                }
            }
        }
    }
}

#[test]
fn the_figure_caption_is_the_figures_last_child_and_buttons_wait_for_the_chart() {
    let model = common::story();
    let f = figure(&model, Lang::Zh, &views(&model), &|_| None);
    assert_eq!(f.children.last().map(|c| c.tag), Some("figcaption"));
    let buttons: Vec<&Node> = f.walk().into_iter().filter(|n| n.tag == "button").collect();
    assert_eq!(buttons.len(), 4);
    assert!(buttons
        .iter()
        .all(|b| b.attrs.iter().any(|(k, _)| *k == "disabled")));
}

#[test]
fn words_from_the_data_are_text_in_the_html_never_markup() {
    let mut model = common::story();
    model.title.zh = "标题<img src=x onerror=alert(1)>".into();
    let html = to_html(&prerendered(&model, Lang::Zh, &views(&model)[..1]));
    assert!(html.contains("标题&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("<img src=x"), "markup from the data ran");
    // The only images are the stills' own (the final pictures, in data URLs).
    assert_eq!(
        html.matches("<img").count(),
        html.matches("<img class=\"rankclimb-still-").count(),
        "markup from the data ran"
    );
}

#[test]
fn the_stylesheet_switches_to_the_narrow_layout_where_the_shell_does() {
    let css =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/rankclimb.css"))
            .expect("www/rankclimb.css");
    let all = format!("{css}{}", reserve_css());
    let queries: Vec<&str> = all
        .split("@container rankclimb (")
        .skip(1)
        .filter_map(|q| q.split(')').next())
        .collect();
    assert!(queries.len() >= 3, "{queries:?}");
    let px = rankclimb::figure_markup::NARROW_BELOW_CSS_PX;
    for q in queries {
        assert!(
            q == format!("width < {px}px") || q == format!("width >= {px}px"),
            "a container query at another breakpoint than {px}px: {q}"
        );
    }
}
