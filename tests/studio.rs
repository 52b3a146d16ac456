//! The studio's author tools, natively: pasted cells read into a rank series (with the
//! column guess, "not published" cells, and every kind of bad paste refused with a reason),
//! and the download's contents.

mod common;

use rankclimb::author::export::{export_zip, file_stem, readme, static_svg, Pictures};
use rankclimb::author::paste::{
    guess_columns, points_from_rows, read_pasted, Columns, PasteError, MAX_PASTED_ROWS,
};

/// The six evaluations of the bundled story as a newsroom's sheet holds them, copied from a
/// spreadsheet (tab-separated, an empty line at the end).
pub const STORY_ROWS: &str = "年度\t综合排名\t参评总数\t来源\n\
2016\t118\t\tarticle-l11\n\
2017\t不详\t\tarticle-l9-rises\n\
2018\t-\t\tarticle-l9-rises\n\
2019\t98\t\thenan-daily-2021-02-21; cen-2021-03-01\n\
2020\t88\t169\tarticle-l9; henan-daily-2021-02-21; cen-2021-03-01\n\
2021\t74\t157\ttorch-2022-49; article-l9\n\n";

#[test]
fn pasted_story_rows_give_the_bundled_points() {
    let pasted = read_pasted(STORY_ROWS).expect("a table");
    assert_eq!(pasted.header.len(), 4);
    assert_eq!(pasted.rows.len(), 6);
    let columns = guess_columns(&pasted.header);
    assert_eq!(
        columns,
        Columns {
            year: Some(0),
            rank: Some(1),
            of: Some(2),
            sources: Some(3)
        }
    );
    let (points, problems) = points_from_rows(&pasted, columns);
    assert!(problems.is_empty(), "{problems:?}");
    let story = common::story();
    assert_eq!(points.len(), story.ranking.points.len());
    for (got, want) in points.iter().zip(&story.ranking.points) {
        assert_eq!(got.year, f64::from(want.year));
        assert_eq!(got.rank, want.rank.map(f64::from), "{}", want.year);
        assert_eq!(got.of, want.of.map(f64::from), "{}", want.year);
        let ids: Vec<&str> = want
            .sources
            .iter()
            .map(|&i| story.sources[i].id.as_str())
            .collect();
        assert_eq!(got.sources, ids, "{}", want.year);
    }
}

#[test]
fn english_csv_headers_are_guessed_too() {
    let pasted = read_pasted("Year,Rank,Number ranked,Source\n2020,\"1,088\",,a\n").expect("csv");
    let c = guess_columns(&pasted.header);
    assert_eq!(
        (c.year, c.rank, c.of, c.sources),
        (Some(0), Some(1), Some(2), Some(3))
    );
    let (points, problems) = points_from_rows(&pasted, c);
    assert!(problems.is_empty());
    assert_eq!(points[0].rank, Some(1088.0));
}

#[test]
fn a_cell_that_is_not_a_number_is_listed_not_guessed() {
    let pasted = read_pasted("year\trank\n2019\t98\n2020\tabout 88\n").expect("a table");
    let (points, problems) = points_from_rows(&pasted, guess_columns(&pasted.header));
    assert_eq!(points.len(), 1);
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].row, problems[0].column), (3, 1));
    assert_eq!(problems[0].text, "about 88");
}

#[test]
fn bad_pastes_are_refused_with_a_reason() {
    assert_eq!(read_pasted("  \n"), Err(PasteError::Empty));
    assert_eq!(
        read_pasted("PK\u{3}\u{4}\0\0binary"),
        Err(PasteError::NotText)
    );
    assert_eq!(
        read_pasted("year\trank\tof\n2019\t98\n"),
        Err(PasteError::Ragged {
            row: 2,
            found: 2,
            expected: 3
        })
    );
    let many = format!("year\trank\n{}", "2019\t98\n".repeat(MAX_PASTED_ROWS + 5));
    assert_eq!(
        read_pasted(&many),
        Err(PasteError::TooManyRows {
            rows: MAX_PASTED_ROWS + 5
        })
    );
    // Exactly the limit is read.
    let limit = format!("year\trank\n{}", "2019\t98\n".repeat(MAX_PASTED_ROWS));
    assert_eq!(
        read_pasted(&limit).map(|p| p.rows.len()),
        Ok(MAX_PASTED_ROWS)
    );
}

#[test]
fn the_download_holds_the_data_pictures_tables_and_snippets() {
    let model = common::story();
    let svg = static_svg(&model).expect("svg");
    assert!(svg.starts_with("<svg") && svg.contains("平顶山高新区五年跃升44位"));
    let zip = export_zip(
        &model,
        common::STORY,
        "pingdingshan",
        Pictures {
            wide: b"\x89PNG wide",
            narrow: b"\x89PNG narrow",
            card: b"\x89PNG card",
        },
        ".rankclimb-box { display: block; }",
    )
    .expect("zip");
    // A zip's local file headers name each file.
    let text = String::from_utf8_lossy(&zip);
    for name in [
        "data/pingdingshan.json",
        "data/pingdingshan.svg",
        "data/pingdingshan.png",
        "data/pingdingshan.narrow.png",
        "data/pingdingshan.card.png",
        "data/pingdingshan.alt.json",
        "data/pingdingshan.tables.json",
        "data/pingdingshan.embed.html",
        "data/pingdingshan.frame.html",
        "README.txt",
    ] {
        assert!(text.contains(name), "{name} missing");
    }
    let readme = readme(&model, "pingdingshan");
    assert!(readme.contains("<div data-rankclimb=\"data/pingdingshan.json\">"));
    assert!(readme.contains("src=\"data/pingdingshan.frame.html\""));
    assert!(readme.contains("data/pingdingshan.embed.html"));
    assert_eq!(
        file_stem("Twelve years: <b>falling</b>!"),
        "twelve-years-b-falling-b"
    );
    assert_eq!(file_stem("平顶山"), "chart");
}

/// README.txt is plain text: its first line gives the title as written, never HTML-escaped
/// (the snippets inside it are HTML and escape it there).
#[test]
fn the_downloads_readme_names_the_title_as_written() {
    let model = common::story_with(|v| {
        v["language"] = serde_json::json!("en");
        v["title"]["en"] = serde_json::json!("\"Top\" & <rise>");
    })
    .expect("any text is a title");
    let text = readme(&model, "story");
    assert_eq!(
        text.lines().next(),
        Some("rankclimb: \"Top\" & <rise>"),
        "{text}"
    );
    assert!(
        text.contains("title=\"&quot;Top&quot; &amp; &lt;rise&gt;\""),
        "the iframe snippet escapes it as HTML: {text}"
    );
}
