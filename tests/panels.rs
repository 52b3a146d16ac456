//! The indicator panels: model, layout, hit-testing and drawing, natively through SVG.

mod common;
use common::{story, story_with};
use plotters::prelude::*;
use rankclimb::describe::{panel_readout, panel_summary};
use rankclimb::drawing::Layer;
use rankclimb::drawing::Theme;
use rankclimb::drawing::Viewport;
use rankclimb::drawing::{approx_text_width, fit_text, wrap_text};
use rankclimb::model::PanelKind;
use rankclimb::panel_chart::layout::PanelMarks;
use rankclimb::panel_chart::{draw_panel, item_progress};
use rankclimb::panel_chart::{panel_css_height, panel_layout, PanelLayout};
use rankclimb::{Lang, Model};
use serde_json::json;

/// The story with its growth bars drawn as signed changes (`"signed": true`), as a measure
/// that can fall is.
fn signed_growth() -> Model {
    story_with(|v| v["panels"][1]["measures"][0]["signed"] = json!(true)).expect("valid")
}

fn layout(model: &Model, panel: usize, css_width: f64, lang: Lang) -> PanelLayout {
    let p = &model.panels[panel];
    let h = panel_css_height(p, css_width);
    panel_layout(
        p,
        Viewport {
            width: css_width as u32,
            height: h as u32,
            scale: 1.0,
        },
        lang,
    )
}

fn svg_texts(model: &Model, panel: usize, progress: f64, lang: Lang) -> (String, Vec<String>) {
    let l = layout(model, panel, 400.0, lang);
    let mut out = String::new();
    {
        let v = l.viewport;
        let root = SVGBackend::with_string(&mut out, (v.width, v.height)).into_drawing_area();
        draw_panel(&root, &l, progress, None, &Theme::light(), Layer::All).expect("draws");
    }
    let texts = out
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>'))
        .map(|(_, rest)| {
            rest.split("</text>")
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .collect();
    (out, texts)
}

fn has(texts: &[String], s: &str) -> bool {
    texts.iter().any(|t| t == s)
}

#[test]
fn story_has_five_panels_from_the_data_file() {
    let m = story();
    assert_eq!(m.panels.len(), 5);
    // The Henan context: the seven zones in the 2020 evaluation, Pingdingshan the reference.
    match &m.panels[4].kind {
        PanelKind::Ranks {
            of,
            reference,
            items,
        } => {
            assert_eq!(*of, 169);
            assert_eq!(reference.as_ref().map(|r| r.rank), Some(88));
            let ranks: Vec<Option<u32>> = items.iter().map(|i| i.rank).collect();
            assert_eq!(
                ranks,
                [
                    Some(17),
                    Some(37),
                    Some(66),
                    Some(88),
                    Some(103),
                    Some(118),
                    Some(130)
                ]
            );
            assert!(items.iter().all(|i| !i.sources.is_empty()));
        }
        other => panic!("the last panel should be Henan's zones, got {other:?}"),
    }
    match &m.panels[0].kind {
        PanelKind::Ranks {
            of,
            reference,
            items,
        } => {
            assert_eq!(*of, 157);
            assert_eq!(reference.as_ref().map(|r| r.rank), Some(74));
            let ranks: Vec<Option<u32>> = items.iter().map(|i| i.rank).collect();
            assert_eq!(ranks, [Some(73), Some(39), Some(101), Some(82), Some(68)]);
        }
        other => panic!("first panel should be sub-rankings, got {other:?}"),
    }
}

#[test]
fn sub_rankings_draw_a_dot_per_indicator_with_the_reference() {
    let m = story();
    let (svg, t) = svg_texts(&m, 0, 1.0, Lang::Zh);
    for label in [
        "73",
        "39",
        "101",
        "82",
        "68",
        "综合排名第74名",
        "第157名",
        "创新能力和创业活跃度",
        "绿色发展和宜居包容性",
    ] {
        assert!(has(&t, label), "missing {label:?} in {t:?}");
    }
    assert_eq!(svg.matches("<circle").count(), 5);
    // Strong (better than overall) in the accent colour; weak in slate.
    let l = layout(&m, 0, 400.0, Lang::Zh);
    let PanelMarks::Ranks {
        rows,
        strip_left,
        strip_right,
        reference,
        ..
    } = &l.marks
    else {
        panic!("ranks")
    };
    let strong: Vec<bool> = rows.iter().map(|r| r.strong).collect();
    assert_eq!(strong, [true, true, false, false, true]);
    // Rank 39 sits nearest the best end, 101 nearest the worst.
    let xs: Vec<i32> = rows.iter().map(|r| r.dot_x.expect("known")).collect();
    assert!(
        xs[1] < xs[4] && xs[4] < xs[0] && xs[0] < xs[3] && xs[3] < xs[2],
        "{xs:?}"
    );
    let frac = |x: i32| f64::from(x - strip_left) / f64::from(strip_right - strip_left);
    assert!((frac(xs[1]) - 38.0 / 156.0).abs() < 0.01);
    assert!(reference
        .as_ref()
        .is_some_and(|(x, _)| (frac(*x) - 73.0 / 156.0).abs() < 0.01));
}

#[test]
fn growth_bars_carry_signed_percentages() {
    let (_, t) = svg_texts(&signed_growth(), 1, 1.0, Lang::Zh);
    for v in [
        "+260%",
        "+363%",
        "+214%",
        "+300%",
        "+66%",
        "高新技术企业",
        "万人发明专利拥有量",
    ] {
        assert!(has(&t, v), "missing {v:?} in {t:?}");
    }
    let (_, en) = svg_texts(&signed_growth(), 1, 1.0, Lang::En);
    assert!(has(&en, "Tech-based SMEs") && has(&en, "+363%"));
}

#[test]
fn investment_counts_and_money_have_separate_scales() {
    let m = story();
    let (_, t) = svg_texts(&m, 2, 1.0, Lang::Zh);
    for v in [
        "56个",
        "64.05亿元",
        "25个",
        "142.7亿元",
        "5个",
        "256亿元",
        "项目数（个）",
        "总投资（亿元）",
    ] {
        assert!(has(&t, v), "missing {v:?} in {t:?}");
    }
    let l = layout(&m, 2, 400.0, Lang::Zh);
    let PanelMarks::Bars { columns, rows } = &l.marks else {
        panic!("bars")
    };
    assert_eq!(columns.len(), 2);
    assert!(
        columns[0].x1 < columns[1].x0,
        "two columns side by side, never overlapping"
    );
    // Each column's largest value fills that column: 56 projects and 256亿元.
    assert_eq!(
        rows[0].bars[0].as_ref().map(|b| b.x_end),
        Some(columns[0].x1)
    );
    assert_eq!(
        rows[2].bars[1].as_ref().map(|b| b.x_end),
        Some(columns[1].x1)
    );
}

#[test]
fn environment_tiles_quote_the_report() {
    let (_, t) = svg_texts(&story(), 3, 1.0, Lang::Zh);
    for v in [
        "88",
        "46",
        "255",
        "微克/立方米",
        "天",
        "PM10浓度",
        "优良天数",
    ] {
        assert!(has(&t, v), "missing {v:?} in {t:?}");
    }
    let joined = t.join("");
    assert!(
        joined.contains("优于市定目标64个百分点"),
        "PM2.5's printed figure, quoted: {t:?}"
    );
}

#[test]
fn panels_animate_in_item_by_item() {
    let m = signed_growth();
    let (_, start) = svg_texts(&m, 1, 0.0, Lang::Zh);
    assert!(
        !start.iter().any(|t| t.starts_with('+')),
        "no values before the entry: {start:?}"
    );
    let (_, mid) = svg_texts(&m, 1, 0.5, Lang::Zh);
    let shown = mid.iter().filter(|t| t.starts_with('+')).count();
    assert!(
        shown > 0 && shown < 5,
        "part way, some bars are done: {mid:?}"
    );
    assert_eq!(item_progress(0, 5, 0.0), 0.0);
    assert_eq!(item_progress(4, 5, 1.0), 1.0);
    assert!(item_progress(0, 5, 0.3) > item_progress(3, 5, 0.3));
}

#[test]
fn pointer_hits_the_item_under_it() {
    let m = story();
    for p in 0..m.panels.len() {
        let l = layout(&m, p, 400.0, Lang::Zh);
        for (i, &(x, y)) in l.anchors.iter().enumerate() {
            assert_eq!(
                l.item_at(f64::from(x), f64::from(y)),
                Some(i),
                "panel {p} item {i}"
            );
        }
        assert_eq!(l.item_at(-1.0, -1.0), None);
        assert_eq!(l.item_at(f64::NAN, 3.0), None);
    }
}

#[test]
fn readouts_give_value_unit_and_source() {
    let m = story();
    let r = panel_readout(&m, 2, 1, Lang::Zh).expect("item");
    assert_eq!(r.heading, "引进科技类项目");
    assert_eq!(r.lines[..2], ["项目数：25个", "总投资：142.7亿元"]);
    // The compact readout names the source by its short name; the full citation, with the
    // publication, title and the words relied on, stays in the table.
    assert_eq!(r.lines[2], "来源：纪实报道，2022年");
    let table = rankclimb::describe::table::tables(&m, Lang::Zh);
    assert!(
        table.iter().flat_map(|t| &t.rows).flatten().any(|c| c
            .contains("纪实报道《风劲帆满图新志 砥砺奋进正当时》，2022年")
            && c.contains("总投资142.7亿元")),
        "the table cites in full: {table:?}"
    );
    // English money in its own unit: the decimal point moved, nothing rounded.
    let money = panel_readout(&m, 2, 0, Lang::En).expect("item");
    assert_eq!(
        money.lines[1], "Total investment: 6.405 billion yuan",
        "{money:?}"
    );
    let en_tables = rankclimb::describe::table::tables(&m, Lang::En);
    let investment = en_tables
        .iter()
        .find(|t| t.caption.contains("Projects signed"))
        .expect("table");
    assert_eq!(investment.head[2], "Total investment (billion yuan)");
    assert_eq!(investment.rows[1][1..3], ["25", "14.27"]);
    let en = panel_readout(&m, 3, 0, Lang::En).expect("item");
    assert_eq!(en.lines[0], "88 µg/m³");
    let sub = panel_readout(&m, 0, 2, Lang::Zh).expect("item");
    assert_eq!(sub.lines[..2], ["第101名（共157家）", "综合排名：第74名"]);
    // Panel summaries read as sentences, in both languages.
    assert!(
        panel_summary(&m, 1, Lang::Zh)
            .starts_with("2021年较2018年增长：高新技术企业：增长260%；科技型中小企业：增长363%"),
        "{}",
        panel_summary(&m, 1, Lang::Zh)
    );
    assert_eq!(
        panel_summary(&m, 2, Lang::En),
        "Projects signed, brought in and planned, 2021: Signed, in the leading industries: projects 56, total investment 6.405 billion yuan; Technology projects brought in: projects 25, total investment 14.27 billion yuan; Key projects planned (not signed): projects 5, total investment 25.6 billion yuan."
    );
    assert!(
        panel_summary(&m, 0, Lang::Zh).contains("创新能力和创业活跃度：第73名（共157家）；"),
        "{}",
        panel_summary(&m, 0, Lang::Zh)
    );
}

#[test]
fn four_or_seven_indicators_draw_without_code_changes() {
    for n in [4usize, 7] {
        let m = story_with(|v| {
            let items: Vec<_> = (0..n)
                .map(|i| json!({"label": {"zh-CN": format!("指标{i}"), "en": format!("Indicator {i}")}, "rank": 10 + i * 20, "sources": ["torch-2022-49-sub"]}))
                .collect();
            v["panels"][0]["items"] = json!(items);
            let bars: Vec<_> = (0..n)
                .map(|i| json!({"label": {"zh-CN": format!("项{i}"), "en": format!("Item {i}")}, "values": [i as f64 * 1.5], "sources": ["article-l101"]}))
                .collect();
            v["panels"][1]["items"] = json!(bars);
            v["panels"][1]["measures"][0]["signed"] = json!(true);
        })
        .expect("valid");
        let (svg, t) = svg_texts(&m, 0, 1.0, Lang::En);
        assert_eq!(svg.matches("<circle").count(), n, "{n} dots");
        assert!(has(&t, &format!("Indicator {}", n - 1)));
        let (_, t) = svg_texts(&m, 1, 1.0, Lang::En);
        assert!(has(&t, &format!("+{}%", (n - 1) as f64 * 1.5)), "{t:?}");
        assert_eq!(layout(&m, 0, 400.0, Lang::En).items.len(), n);
    }
}

#[test]
fn long_labels_are_shortened_or_wrapped_to_fit() {
    let long = "Structural optimisation and industrial value chain, with a very long tail";
    let cut = fit_text(long, 13.0, 150.0);
    assert!(cut.ends_with('…') && cut.len() < long.len(), "{cut}");
    assert_eq!(fit_text("短", 13.0, 150.0), "短");
    let lines = wrap_text("优于市定目标64个百分点（原文如此）", 11.0, 120.0, 2);
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("优于市定目标"));
    let text = "6 percentage points better than the city's target";
    let en = wrap_text(text, 11.0, 150.0, 2);
    assert_eq!(en.len(), 2);
    assert!(
        en.iter().all(|l| approx_text_width(l, 11.0) <= 150.0),
        "{en:?}"
    );
    assert!(
        !en[0].ends_with(' ') && text.starts_with(&format!("{} ", en[0])),
        "breaks at a space: {en:?}"
    );
}

#[test]
fn bad_panel_values_are_named() {
    let r = story_with(|v| {
        v["panels"][0]["items"][1]["rank"] = json!(158);
        v["panels"][2]["items"][0]["values"] = json!([56]);
        v["panels"][3]["items"][0]["sources"] = json!([]);
    });
    let lines = r.expect_err("invalid").lines();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("panels[0].items[1].rank") && l.contains("beyond the 157")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("panels[2].items[0].values")
                && l.contains("1 values for 2 measures")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("panels[3].items[0].sources")),
        "{lines:?}"
    );
    let r = story_with(|v| v["panels"][1]["kind"] = json!("pie"));
    assert!(matches!(r, Err(rankclimb::DataError::Shape { .. })));
}

/// The story's figures live in the data file only: no numeric literal in `src/` code
/// equals one of them (comments and colour values aside).
#[test]
fn src_holds_no_story_numbers() {
    const STORY_NUMBERS: [f64; 29] = [
        118.0, 98.0, 88.0, 74.0, 169.0, 157.0, 73.0, 39.0, 101.0, 82.0, 68.0, 260.0, 363.0, 214.0,
        300.0, 66.0, 56.0, 64.05, 142.7, 256.0, 46.0, 255.0, 27.0, 64.0, 34.0, 105.0, 84.0, 109.0,
        613.0,
    ];
    let mut found = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read file");
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                if code.contains("RGBAColor(") {
                    continue;
                }
                let chars: Vec<char> = code.chars().collect();
                let mut i = 0;
                while i < chars.len() {
                    let starts = chars[i].is_ascii_digit()
                        && (i == 0
                            || !(chars[i - 1].is_alphanumeric()
                                || chars[i - 1] == '_'
                                || chars[i - 1] == '.'));
                    if !starts {
                        i += 1;
                        continue;
                    }
                    let mut j = i;
                    while j < chars.len()
                        && (chars[j].is_ascii_digit() || chars[j] == '.' || chars[j] == '_')
                    {
                        j += 1;
                    }
                    let literal: String = chars[i..j].iter().filter(|c| **c != '_').collect();
                    if let Ok(v) = literal.trim_end_matches('.').parse::<f64>() {
                        if STORY_NUMBERS.contains(&v) {
                            found.push(format!("{}:{}: {literal}", path.display(), n + 1));
                        }
                    }
                    i = j;
                }
            }
        }
    }
    assert!(found.is_empty(), "story numbers in src/: {found:?}");
}

/// Each kind of panel takes only its own fields, and an item's figure must be written out
/// (as a number or `null`), whatever the kind: the flat reading in `data.rs` checks by hand
/// what a tagged enum would have checked.
#[test]
fn panel_fields_belong_to_their_kind() {
    let shape = |edit: fn(&mut serde_json::Value)| match story_with(edit) {
        Err(e @ rankclimb::DataError::Shape { .. }) => e.to_string(),
        other => panic!("expected a shape error, got {other:?}"),
    };
    let m = shape(|v| v["panels"][0]["measures"] = json!([]));
    assert!(
        m.contains("panels[0]") && m.contains("a `ranks` panel has no field `measures`"),
        "{m}"
    );
    let m = shape(|v| v["panels"][1]["of"] = json!(169));
    assert!(m.contains("a `bars` panel has no field `of`"), "{m}");
    let m = shape(|v| {
        v["panels"][0]["items"][2]
            .as_object_mut()
            .map(|o| o.remove("rank"));
    });
    assert!(m.contains("items[2]: missing field `rank`"), "{m}");
    let m = shape(|v| {
        v["panels"][3]["items"][1]
            .as_object_mut()
            .map(|o| o.remove("value"));
    });
    assert!(m.contains("items[1]: missing field `value`"), "{m}");
    let m = shape(|v| v["panels"][3]["items"][0]["values"] = json!([1]));
    assert!(m.contains("a `stats` panel has no field `values`"), "{m}");
    let m = shape(|v| {
        v["panels"][1].as_object_mut().map(|o| o.remove("measures"));
    });
    assert!(m.contains("missing field `measures`"), "{m}");
    let m = shape(|v| v["panels"][2]["items"][0]["rnak"] = json!(1));
    assert!(m.contains("unknown field `rnak`"), "{m}");
    // `null` is written, so it is accepted: the unknown stays an unknown.
    let model = story_with(|v| v["panels"][3]["items"][0]["value"] = json!(null)).expect("valid");
    match &model.panels[3].kind {
        PanelKind::Stats { items } => assert_eq!(items[0].value, None),
        other => panic!("panel 3 is not the stats panel: {other:?}"),
    }
    let said = panel_readout(&model, 3, 0, Lang::En).expect("readout");
    assert_eq!(said.lines[0], "no data", "{said:?}");
}

/// Moving the decimal point is exact text, never a float product.
#[test]
fn shifted_values_move_the_point_only() {
    use rankclimb::phrasebook::phrases::{format_shifted, shifted_text};
    for (v, shift, want) in [
        (64.05, -1, "6.405"),
        (142.7, -1, "14.27"),
        (256.0, -1, "25.6"),
        (12.5, -3, "0.0125"),
        (0.5, 2, "50"),
        (-3.25, 1, "-32.5"),
        (7.0, 0, "7"),
    ] {
        assert_eq!(shifted_text(v, shift), want, "{v} by {shift}");
    }
    assert_eq!(format_shifted(2.5, true, 1), "+25");
}

/// The number in attribute `name="…"` of one SVG element.
fn number_attr(element: &str, name: &str) -> f64 {
    let key = format!(" {name}=\"");
    let start = element
        .find(&key)
        .map(|i| i + key.len())
        .expect("attribute");
    let end = element[start..].find('"').expect("closing quote") + start;
    element[start..end].parse().expect("a number")
}

#[test]
fn rank_values_sit_on_a_patch_of_background_in_forced_colours() {
    let m = story();
    let l = layout(&m, 0, 400.0, Lang::Zh);
    // Chromium's forced colours on a dark system theme: its GrayText (the strips) is a green
    // as bright as its Highlight (the values better than the overall rank).
    let theme = Theme::system(
        RGBAColor(0, 0, 0, 1.0),
        RGBAColor(255, 255, 255, 1.0),
        RGBAColor(26, 235, 255, 1.0),
        RGBAColor(63, 242, 63, 1.0),
    );
    let drawn = |inspected: Option<usize>| {
        let mut svg = String::new();
        {
            let v = l.viewport;
            let root = SVGBackend::with_string(&mut svg, (v.width, v.height)).into_drawing_area();
            draw_panel(&root, &l, 1.0, inspected, &theme, Layer::All).expect("draws");
        }
        svg
    };
    let PanelMarks::Ranks { rows, .. } = &l.marks else {
        panic!("ranks")
    };
    // On the inspected row, the patch takes the row's tint over the background.
    let svg = drawn(Some(0));
    let text_at = svg
        .find(">\n73\n</text>")
        .and_then(|e| svg[..e].rfind("<text"));
    let tint_at = text_at.and_then(|t| svg[..t].rfind('<'));
    let tint = &svg[tint_at.unwrap_or(0)..text_at.unwrap_or(0)];
    assert!(
        tint.starts_with("<rect") && tint.contains("opacity=\"0.2\""),
        "the inspected value's patch is not tinted: {tint}"
    );
    let svg = drawn(None);
    for row in rows {
        let text_at = svg
            .match_indices("<text")
            .map(|(i, _)| i)
            .find(|&i| {
                let element = &svg[i..];
                let content = element.split_once('>').map_or("", |(_, rest)| rest);
                content.split("</text>").next().map(str::trim) == Some(row.value.as_str())
            })
            .unwrap_or_else(|| panic!("{} is drawn", row.value));
        let text = &svg[text_at..svg[text_at..].find('>').map_or(svg.len(), |e| text_at + e)];
        let patch_at = svg[..text_at].rfind('<').expect("an element before");
        let patch = &svg[patch_at..text_at];
        assert!(
            patch.starts_with("<rect") && patch.contains("fill=\"#000000\""),
            "{} is not written on the background: {patch}",
            row.value
        );
        let (x, y) = (number_attr(text, "x"), number_attr(text, "y"));
        let (px, py) = (number_attr(patch, "x"), number_attr(patch, "y"));
        let (w, h) = (number_attr(patch, "width"), number_attr(patch, "height"));
        let strip_half = 3.0;
        assert!(
            px <= x && px + w >= x + approx_text_width(&row.value, 12.0),
            "{}: the patch {px}..{} does not span the text from {x}",
            row.value,
            px + w
        );
        assert!(
            py <= y - strip_half && py + h >= y + strip_half,
            "{}: the patch {py}..{} does not cover the strip at {y}",
            row.value,
            py + h
        );
    }
}
