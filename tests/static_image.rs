//! The picture for readers without wasm: the whole final infographic in one image.

mod common;
use common::story;
use plotters::prelude::*;
use rankclimb::describe::table::{csv, neutralise_formula, tables};
use rankclimb::drawing::Theme;
use rankclimb::static_image::{draw_static, static_alt, static_css_height};
use rankclimb::Lang;

#[test]
fn static_picture_holds_every_part_in_its_final_state() {
    let m = story();
    let h = static_css_height(&m, 1200.0, Lang::Zh);
    assert!(h > 1000.0 && h < 4000.0, "{h}");
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (1200, h as u32)).into_drawing_area();
        draw_static(&root, &m, 1200.0, 1.0, Lang::Zh, &Theme::light()).expect("draws");
    }
    for part in [
        "平顶山高新区五年跃升44位",
        "第74名",
        "↑14",
        "2021年度单项排名",
        "363%",
        "256亿元",
        "来源：",
        // The footnotes, as under the live chart.
        "* 2019：由2020年度第88名与《河南日报》所称“新乡、平顶山高新区进位达到10个位次”推得，报道未直接给出；参评总数不详",
    ] {
        assert!(
            svg.contains(part) || drawn_text(&svg).contains(part),
            "the picture lacks {part:?}"
        );
    }
    // Every source, to its last words, on the wide and on the narrow picture.
    for width in [1200.0, 360.0] {
        let h = static_css_height(&m, width, Lang::Zh);
        let mut svg = String::new();
        {
            let root =
                SVGBackend::with_string(&mut svg, (width as u32, h as u32)).into_drawing_area();
            draw_static(&root, &m, width, 1.0, Lang::Zh, &Theme::light()).expect("draws");
        }
        let all = drawn_text(&svg);
        assert!(
            all.contains("2021年PM10、PM2.5浓度与优良天数"),
            "{width}: the sources are cut: {all}"
        );
        assert!(!all.contains('…'), "{width}: a line was cut short");
    }
    // The environment tile's figure as drawn text, not a colour channel in the markup.
    let drawn: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
        })
        .map(|(text, _)| text.trim())
        .collect();
    assert!(drawn.contains(&"255"), "no text mark reads 255: {drawn:?}");
    assert!(static_alt(&m, Lang::Zh).contains("第118名"));
}

/// Every text the SVG draws, joined (wrapped lines run on).
fn drawn_text(svg: &str) -> String {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
        })
        .map(|(text, _)| text.trim())
        .collect()
}

#[test]
fn tables_carry_every_figure_with_its_source() {
    let m = story();
    let t = tables(&m, Lang::Zh);
    assert_eq!(
        t.len(),
        7,
        "the rank series, the annotations and five panels"
    );
    // The annotation's words, where it is, and its source, in the table.
    assert_eq!(t[1].caption, "图中标注");
    assert_eq!(t[1].rows[0][..2], ["第100名处的参考线", "全国百强"]);
    assert!(t[1].rows[0][2].starts_with("《河南日报》，2021年2月21日"));
    assert_eq!(
        t[0].rows[4][..4],
        ["2020", "88", "169", "较2019年度上升10位"]
    );
    assert_eq!(t[0].rows[1][1], "排名不详");
    // A change has two ends: 2019's row cites 2016's rank too.
    assert!(
        t[0].rows[3][5].contains("河南日报") && t[0].rows[3][5].contains("5年时间从第118名"),
        "{:?}",
        t[0].rows[3]
    );
    assert!(!t[0].rows[0][5].contains("河南日报"), "{:?}", t[0].rows[0]);
    assert!(
        t[0].rows.iter().all(|r| !r[5].is_empty()),
        "every row has a source"
    );
    assert_eq!(t[4].rows[0][..3], ["签约主导产业项目", "56", "64.05"]);
    assert_eq!(t[4].head[2], "总投资（亿元）");
    let en = tables(&m, Lang::En);
    assert_eq!(en[3].rows[1][1], "363");
}

#[test]
fn csv_download_neutralises_formulas() {
    assert_eq!(
        neutralise_formula("=HYPERLINK(\"x\")"),
        "'=HYPERLINK(\"x\")"
    );
    assert_eq!(neutralise_formula("+cmd"), "'+cmd");
    assert_eq!(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(neutralise_formula("-2+3"), "'-2+3");
    assert_eq!(
        neutralise_formula("-8"),
        "-8",
        "a negative number stays a number"
    );
    assert_eq!(neutralise_formula("+260"), "+260");
    for number in ["-8.5", "+1e3", "-.5", "-2.E-4"] {
        assert_eq!(neutralise_formula(number), number, "{number} is a number");
    }
    for text in ["-", "+.", "-1e", "-1.2.3", "-1e+", "- 3", "-∞"] {
        assert_eq!(
            neutralise_formula(text),
            format!("'{text}"),
            "{text} is not a number"
        );
    }
    let m = common::story_with(|v| {
        v["panels"][1]["items"][0]["label"]["zh-CN"] = serde_json::json!("=1+1")
    })
    .expect("valid");
    let text = csv(&m, Lang::Zh);
    assert!(
        text.starts_with('\u{feff}'),
        "a byte-order mark for spreadsheets"
    );
    assert!(text.contains("'=1+1,260,"), "{text}");
    assert!(text.contains("2020,88,169,较2019年度上升10位"));
    // RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
    let m = common::story_with(|v| {
        v["panels"][1]["items"][0]["label"]["en"] = serde_json::json!("Firms, \"high-tech\"\nall")
    })
    .expect("valid");
    let text = csv(&m, Lang::En);
    assert!(
        text.contains("\n\"Firms, \"\"high-tech\"\"\nall\",260,"),
        "{text}"
    );
    assert!(
        text.contains("\n\"\"\n"),
        "the blank line between tables is one empty field"
    );
}
