//! The rank series from a spreadsheet's CSV export.

use rankclimb::check::load::load_file;
use std::path::Path;

fn example() -> rankclimb::Model {
    load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data/example-city.json"))
        .expect("valid example")
}

#[test]
fn example_reads_its_rank_series_from_csv() {
    let m = example();
    assert!(m.example, "the second data set is marked as example data");
    let years: Vec<i32> = m.ranking.points.iter().map(|p| p.year).collect();
    assert_eq!(years, (2010..=2021).collect::<Vec<_>>());
    let ranks: Vec<Option<u32>> = m.ranking.points.iter().map(|p| p.rank).collect();
    assert_eq!(
        ranks[1..5],
        [Some(38), Some(52), Some(61), None],
        "a fall, then an unpublished year"
    );
    assert_eq!(ranks[6], ranks[7], "a tie");
    let totals: Vec<Option<u32>> = m.ranking.points.iter().map(|p| p.of).collect();
    assert_eq!(totals[0], Some(120));
    assert_eq!(
        totals[11],
        Some(169),
        "the number ranked changes between years"
    );
    assert_eq!(
        m.ranking.points[6].note.as_ref().map(|n| n.en.as_str()),
        Some("Example: tied 40th with another park")
    );
}

fn csv_problems(csv: &str) -> Vec<String> {
    let (points, _) = match rankclimb::check::points_from_csv(csv, "ranks.csv") {
        Err(p) => return p.iter().map(ToString::to_string).collect(),
        Ok(v) => v,
    };
    panic!("expected problems, parsed {points:?}");
}

#[test]
fn csv_problems_name_the_line_and_column() {
    let p = csv_problems("year,rank,of,sources\n2019,98,169,a\n2020,,169,a\n2021,seventy,157,a\n");
    assert!(
        p.iter().any(|l| l.starts_with("ranks.csv line 3")
            && l.contains("column rank")
            && l.contains("write null")),
        "{p:?}"
    );
    assert!(p.iter().any(|l| l.starts_with("ranks.csv line 4") && l.contains("\"seventy\" is not a number")), "{p:?}");
    let p = csv_problems("Jahr,Rang\n2019,98\n");
    assert!(
        p[0].starts_with("ranks.csv line 1") && p[0].contains("year,rank,of,sources"),
        "{p:?}"
    );
}

#[test]
fn csv_values_still_meet_every_rule() {
    let dir = std::env::temp_dir().join(format!("rankclimb-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let json = include_str!("../www/data/example-city.json");
    std::fs::write(dir.join("story.json"), json).expect("write");
    std::fs::write(
        dir.join("example-city-ranks.csv"),
        "year,rank,of,sources\n2019,170,169,example\n2018,1,169,nowhere\n",
    )
    .expect("write");
    let e = load_file(&dir.join("story.json")).expect_err("invalid");
    let lines = e.lines();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("example-city-ranks.csv line 2.rank")
                && l.contains("beyond the 169")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("example-city-ranks.csv line 3.year")
                && l.contains("does not come after")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("\"nowhere\"")), "{lines:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
