//! Annotations as a reader meets them: in the accessible summary and the table, announced
//! with their year, and as numbered notes under a phone's plot.

use crate::harness::{Browser, Options};
use crate::{point_of, CANVAS, LIVE};

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn an_annotation_is_in_the_summary_the_table_and_its_years_readout() {
    let b = Browser::start(Options::default()).await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    let label = b
        .js(&format!("return q('{CANVAS}').getAttribute('aria-label')"))
        .await;
    assert!(
        label
            .as_str()
            .is_some_and(|l| l.contains("第100名处的参考线：全国百强。")),
        "{label}"
    );
    b.find(".rankclimb-table-toggle")
        .await
        .click()
        .await
        .expect("open the tables");
    let tables = b.text(".rankclimb-tables").await;
    assert!(
        tables.contains("图中标注")
            && tables.contains("全国百强")
            && tables.contains("《河南日报》，2021年2月21日"),
        "{tables}"
    );
    // The example: a year with a callout and a band over it announces both.
    b.open("example.html").await;
    b.wait_for_entry_animation().await;
    let (x, y) = point_of(&b, 2013).await;
    b.pointer_to(CANVAS, x, y).await;
    b.wait_for(
        &format!("return q('{LIVE}').textContent.startsWith('2013')"),
        3000,
    )
    .await;
    assert!(b
        .text(LIVE)
        .await
        .contains("Example: the lowest published rank"));
    b.screenshot("example-annotations-1000.png").await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_phone_gets_numbered_markers_and_notes_under_the_plot() {
    let notes = "const n = q('.rankclimb-callout-notes'); return [getComputedStyle(n).display, [...n.children].map(li => li.textContent)];";
    for (width, shown) in [(360, true), (1200, false)] {
        let b = Browser::start(Options {
            width,
            height: 844,
            scale: if shown { 3.0 } else { 1.0 },
            touch: shown,
            ..Options::default()
        })
        .await;
        b.open("example.html").await;
        b.wait_for_entry_animation().await;
        let got = b.js(notes).await;
        assert_eq!(
            got[0].as_str() != Some("none"),
            shown,
            "{width} px: notes under the plot shown: {got}"
        );
        assert_eq!(
            got[1],
            serde_json::json!([
                "Example: the lowest published rank",
                "Example: the best published rank"
            ]),
            "{width} px"
        );
        b.js(&format!(
            "q('{CANVAS}').scrollIntoView({{block: 'center'}})"
        ))
        .await;
        b.screenshot(&format!("example-{width}.png")).await;
        b.close().await;
    }
}
