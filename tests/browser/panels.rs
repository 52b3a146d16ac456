//! The indicator panels: every value can be inspected by pointer and by keyboard, and the
//! announced text carries the figure from docs/sources.md.

use crate::harness::{Browser, Options};
use fantoccini::key::Key;

/// Per panel, per item: what the tooltip and the announcement must say.
const EXPECTED: [&[&[&str]]; 5] = [
    &[
        &[
            "创新能力和创业活跃度",
            "第73名（共157家）",
            "综合排名：第74名",
        ],
        &["结构优化和产业价值链", "第39名（共157家）"],
        &["绿色发展和宜居包容性", "第101名（共157家）"],
        &["开放创新和国际竞争力", "第82名（共157家）"],
        &["综合质效和持续创新能力", "第68名（共157家）"],
    ],
    &[
        &["高新技术企业", "增长：260%"],
        &["科技型中小企业", "363%"],
        &["各类研发平台与机构", "214%"],
        &["各类创新载体", "300%"],
        &["万人发明专利拥有量", "66%"],
    ],
    &[
        &["签约主导产业项目", "项目数：56个", "总投资：64.05亿元"],
        &["科技类项目", "25个", "142.7亿元"],
        &["谋划重点项目", "5个", "256亿元"],
    ],
    &[
        &["PM10浓度", "88微克/立方米", "优于市定目标6个百分点"],
        &["PM2.5浓度", "46微克/立方米", "64个百分点"],
        &["优良天数", "255天", "27个百分点"],
    ],
    // The Henan context: each zone's 2020 rank beside Pingdingshan's, with its sources.
    &[
        &[
            "郑州高新区",
            "第17名（共169家）",
            "平顶山高新区：第88名",
            "河南日报",
        ],
        &["洛阳高新区", "第37名（共169家）"],
        &["新乡高新区", "第66名（共169家）"],
        &["平顶山高新区", "第88名（共169家）"],
        &["安阳高新区", "第103名（共169家）"],
        &["南阳高新区", "第118名（共169家）"],
        &["焦作高新区", "第130名（共169家）", "中国企业新闻网"],
    ],
];

fn canvas(panel: usize) -> String {
    format!(
        ".rankclimb-panels > section:nth-of-type({}) canvas",
        panel + 1
    )
}

fn tooltip(panel: usize) -> String {
    format!(
        ".rankclimb-panels > section:nth-of-type({}) .rankclimb-tooltip",
        panel + 1
    )
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn hovering_each_item_shows_its_value_and_source() {
    let b = Browser::start(Options {
        width: 1200,
        height: 2400,
        ..Options::default()
    })
    .await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    for (p, items) in EXPECTED.iter().enumerate() {
        for (i, expected) in items.iter().enumerate() {
            let a = b
                .js(&format!(
                    "return q('[data-rankclimb]').rankclimb.itemAnchor({}, {i});",
                    p + 1
                ))
                .await;
            let (x, y) = (a[0].as_f64().expect("x"), a[1].as_f64().expect("y"));
            b.pointer_to(&canvas(p), x, y).await;
            let sel = tooltip(p);
            b.wait_for(
                &format!(
                    "const t = q({sel:?}); return !t.hidden && t.textContent.includes({:?});",
                    expected[0]
                ),
                2000,
            )
            .await;
            let tip = b.text(&sel).await;
            for part in *expected {
                assert!(
                    tip.contains(part),
                    "panel {p} item {i}: tooltip {tip:?} lacks {part:?}"
                );
            }
            assert!(
                tip.contains("来源"),
                "panel {p} item {i} names its source: {tip:?}"
            );
            // The tooltip's parts are reused from hover to hover: no line of the item
            // before may linger, and the source stays the last line.
            assert_eq!(
                tip.matches("来源").count(),
                1,
                "panel {p} item {i}: {tip:?}"
            );
            let last = b
                .js(&format!(
                    "const t = q({sel:?}); return [t.firstElementChild.className, t.lastElementChild.textContent];"
                ))
                .await;
            assert_eq!(last[0], "rankclimb-tooltip-heading", "{last}");
            assert!(
                last[1].as_str().unwrap_or("").contains("来源"),
                "the source is the last line: {last}"
            );
            let live = b.text(".rankclimb-live").await;
            assert!(live.contains(expected[1]), "announcement {live:?}");
        }
    }
    b.screenshot("infographic-1200-hover.png").await;
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn keyboard_steps_through_each_panel() {
    let b = Browser::start(Options {
        width: 360,
        height: 3200,
        scale: 2.0,
        ..Options::default()
    })
    .await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    b.screenshot("infographic-360.png").await;
    // Tab: past the buttons to the rank chart, then each panel in reading order.
    let mut tabs = 0;
    while b.js("return active().className").await != "rankclimb-canvas" {
        b.press(Key::Tab).await;
        tabs += 1;
        assert!(tabs <= 6, "the chart can be reached with the Tab key");
    }
    for (p, items) in EXPECTED.iter().enumerate() {
        // After the rank chart come its three tools, then each panel.
        let presses = if p == 0 { 4 } else { 1 };
        for _ in 0..presses {
            b.press(Key::Tab).await;
        }
        let focused = b
            .js(&format!("return active() === q({:?});", canvas(p)))
            .await;
        assert_eq!(focused, true, "panel {p} takes focus by Tab");
        b.press(Key::Home).await;
        for (i, expected) in items.iter().enumerate() {
            if i > 0 {
                b.press(Key::Right).await;
            }
            let live = b.text(".rankclimb-live").await;
            for part in *expected {
                assert!(
                    live.contains(part),
                    "panel {p} item {i}: {live:?} lacks {part:?}"
                );
            }
        }
        b.press(Key::Right).await;
        assert!(
            b.text(".rankclimb-live")
                .await
                .contains(items[items.len() - 1][0]),
            "stops at the last item"
        );
    }
    assert_eq!(b.console_errors().await, Vec::<String>::new());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn panels_are_drawn_and_fit_a_phone() {
    let b = Browser::start(Options {
        width: 320,
        height: 3200,
        scale: 2.0,
        ..Options::default()
    })
    .await;
    b.open("index.html").await;
    b.wait_for_entry_animation().await;
    let dims = b
        .js("return [...qa('.rankclimb-canvas')].map(c => { const r = c.getBoundingClientRect();
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let ink = 0;
             for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i+1] < 200 || d[i+2] < 200) ink++;
             return [r.left, r.right, c.width, r.width, ink]; });")
        .await;
    let canvases = dims.as_array().expect("canvases");
    assert_eq!(canvases.len(), 6, "the rank chart and five panels");
    for (k, c) in canvases.iter().enumerate() {
        let f = |i: usize| c[i].as_f64().expect("number");
        assert!(
            f(0) >= 0.0 && f(1) <= 320.0,
            "canvas {k} stays within the 320px page: {c}"
        );
        assert_eq!(
            f(2),
            (f(3) * 2.0).round(),
            "canvas {k} backing store follows the ratio: {c}"
        );
        assert!(f(4) > 500.0, "canvas {k} has something drawn on it: {c}");
    }
    assert_eq!(
        b.js("return document.documentElement.scrollWidth <= window.innerWidth")
            .await,
        true
    );
    b.screenshot("infographic-320.png").await;
    b.close().await;
}
