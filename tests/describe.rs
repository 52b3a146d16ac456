//! The words a reader gets: tooltip lines, announcements and the summary.

mod common;
use common::story;
use rankclimb::describe::{rank_readout, summary};
use rankclimb::phrasebook::phrases::ordinal;
use rankclimb::Lang;

#[test]
fn english_ordinals() {
    let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 73, 82, 101, 111, 118]
        .map(ordinal)
        .to_vec();
    assert_eq!(
        got,
        [
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "73rd", "82nd",
            "101st", "111th", "118th"
        ]
    );
}

#[test]
fn readout_for_2020_gives_rank_total_change_and_source() {
    let m = story();
    let r = rank_readout(&m, 4, Lang::Zh).expect("2020");
    assert_eq!(r.heading, "2020年度");
    assert_eq!(r.lines[0], "第88名（共169家）");
    assert_eq!(r.lines[1], "较2019年度上升10位");
    assert!(r
        .lines
        .last()
        .is_some_and(|l| l.starts_with("来源：") && l.contains("河南日报")));
    let en = rank_readout(&m, 4, Lang::En).expect("2020");
    assert_eq!(en.lines[0], "88th of 169");
    assert_eq!(en.lines[1], "up 10 places from 2019");
}

#[test]
fn change_is_measured_from_the_previous_known_year() {
    let m = story();
    let r = rank_readout(&m, 3, Lang::En).expect("2019");
    assert_eq!(r.lines[1], "up 20 places from 2016");
    let first = rank_readout(&m, 0, Lang::En).expect("2016");
    assert_eq!(first.lines[0], "118th (number ranked not reported)");
    assert!(
        !first.lines.iter().any(|l| l.contains("places from")),
        "2016 has no earlier year to compare with: {:?}",
        first.lines
    );
    assert!(
        first.lines[1].starts_with("counted back"),
        "its note: {:?}",
        first.lines
    );
}

#[test]
fn unpublished_years_say_so_and_give_no_rank() {
    let m = story();
    for (i, year) in [(1, "2017"), (2, "2018")] {
        let r = rank_readout(&m, i, Lang::Zh).expect("unknown year");
        assert_eq!(r.heading, format!("{year}年度"));
        assert_eq!(r.lines[0], "排名不详");
        assert!(
            r.lines[1].contains("介于2016年度与2019年度的排名之间"),
            "{:?}",
            r.lines
        );
        let en = rank_readout(&m, i, Lang::En).expect("unknown year");
        assert_eq!(en.lines[0], "rank not reported");
        // Between the known ranks, in lower case where it follows other words, and the
        // claim said once.
        assert_eq!(
            en.lines[1],
            "between its 2016 and 2019 ranks, since five consecutive rises are reported"
        );
        assert_eq!(
            en.announcement(Lang::En)
                .matches("consecutive rises")
                .count(),
            1
        );
        // No number but the bounding years: not a guessed rank ("约108"), not a range.
        for readout in [&r, &en] {
            let (said, _sources) = readout.lines.split_at(readout.lines.len() - 1);
            let digits: String = said
                .join(" ")
                .replace("2016", "")
                .replace("2019", "")
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            assert_eq!(digits, "", "{said:?}");
        }
    }
}

#[test]
fn summary_is_written_from_the_data() {
    let m = story();
    assert_eq!(
        summary(&m, Lang::En),
        "Pingdingshan High-tech Zone rose from 118th in 2016 to 74th of 157 in 2021 (Comprehensive rank, 5 evaluations); 2017 and 2018 not reported. Reference line at 100th: National top 100. The rank axis does not start at 1st: it shows 68th to 124th only."
    );
    assert_eq!(
        summary(&m, Lang::Zh),
        "平顶山高新区综合排名从2016年度的第118名，经5次评价升至2021年度的第74名（共157家）；2017、2018年度排名不详。第100名处的参考线：全国百强。纵轴未从第1名开始，只显示第68至124名。"
    );
}

/// A fitted or chosen axis that leaves out the top of the scale says so in its caption and
/// the summary, and draws its break; the full axis says neither.
#[test]
fn a_cut_axis_is_said_and_marked() {
    use rankclimb::model::Axis;
    use rankclimb::rank_chart::layout::rank_layout;
    let viewport = rankclimb::drawing::Viewport {
        width: 800,
        height: 450,
        scale: 1.0,
    };
    let mut m = story();
    for (axis, range, cut) in [
        (Axis::Full, (1, 169), false),
        (Axis::Fit, (68, 124), true),
        (Axis::Range { from: 1, to: 160 }, (1, 160), false),
        (Axis::Range { from: 50, to: 130 }, (50, 130), true),
    ] {
        m.ranking.axis = axis;
        assert_eq!(m.rank_axis_range(), range, "{axis:?}");
        let l = rank_layout(&m, viewport, Lang::En);
        assert_eq!(l.axis_cut, cut, "{axis:?}");
        assert_eq!(
            l.axis_caption.contains("not 1st"),
            cut,
            "{}",
            l.axis_caption
        );
        assert_eq!(
            summary(&m, Lang::Zh).contains("纵轴未从第1名开始"),
            cut,
            "{axis:?}"
        );
        // Every known point on the plot, every tick inside the range, and 1st labelled
        // whenever the axis shows it.
        for y in l.years.iter().filter_map(|y| y.y) {
            assert!(y > l.plot.top && y < l.plot.bottom, "{axis:?}: {y}");
        }
        assert!(l.rank_ticks.len() >= 3, "{axis:?}: {:?}", l.rank_ticks);
        for &(r, _) in &l.rank_ticks {
            assert!((range.0..=range.1).contains(&r), "{axis:?}: tick {r}");
        }
        assert_eq!(l.rank_ticks[0].0 == 1, !cut, "{axis:?}: {:?}", l.rank_ticks);
    }
}

/// "Source" for one, "Sources" for more; the example marked once in its title.
#[test]
fn words_follow_the_count_and_mark_the_example_once() {
    let m = story();
    let one = rank_readout(&m, 0, Lang::En).expect("2016");
    assert!(
        one.lines.last().is_some_and(|l| l.starts_with("Source: ")),
        "{one:?}"
    );
    let more = rank_readout(&m, 5, Lang::En).expect("2021");
    assert!(
        more.lines
            .last()
            .is_some_and(|l| l.starts_with("Sources: ")),
        "{more:?}"
    );
    let example = rankclimb::check::validate_with_csv(
        rankclimb::check::load::parse_json(include_str!("../www/data/example-city.json"))
            .expect("json"),
        Some(include_str!("../www/data/example-city-ranks.csv")),
    )
    .expect("example");
    let t = rankclimb::describe::title(&example, Lang::En);
    assert_eq!(t.matches("xample").count(), 1, "{t}");
}
