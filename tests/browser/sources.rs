//! The reader's sources list names each document once, with the passages the figures rest on
//! under it, in both languages; the footnotes and sources are on screen at desktop and phone
//! widths.

use crate::harness::{Browser, Options};

const DOCUMENTS: &str =
    "return qa('.rankclimb-source-list > li').map(li => li.firstChild.textContent)";
const PASSAGES: &str = "return qa('.rankclimb-source-list > li > ul > li').length";

async fn documents(b: &Browser) -> Vec<String> {
    serde_json::from_value(b.js(DOCUMENTS).await).expect("texts")
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_sources_list_names_each_document_once_in_both_languages() {
    for (options, label) in [
        (
            Options {
                width: 1200,
                height: 2000,
                ..Options::default()
            },
            "1200",
        ),
        (crate::phone::phone(), "390"),
    ] {
        let b = Browser::start(options).await;
        b.open("index.html").await;
        for (lang, first) in [
            ("zh-CN", "纪实报道《风劲帆满图新志"),
            ("en", "Feature story"),
        ] {
            if lang == "en" {
                b.find(".rankclimb-lang")
                    .await
                    .click()
                    .await
                    .expect("switch");
                b.wait_for(
                    "return q('figure.rankclimb').getAttribute('lang') === 'en'",
                    3000,
                )
                .await;
            }
            let docs = documents(&b).await;
            assert_eq!(docs.len(), 4, "{label} {lang}: four documents: {docs:?}");
            let mut distinct = docs.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(
                distinct.len(),
                docs.len(),
                "{label} {lang}: a document twice: {docs:?}"
            );
            assert!(docs[0].starts_with(first), "{label} {lang}: {docs:?}");
            assert_eq!(
                b.js(PASSAGES).await,
                serde_json::json!(10),
                "{label} {lang}: every source's passage under its document"
            );
            assert!(
                b.text(".rankclimb-sources summary").await.contains('4'),
                "{label} {lang}: the summary counts documents"
            );
        }
        // Open, for a look: the notes and every document at the foot of the chart.
        b.js("const d = q('.rankclimb-sources'); d.open = true; d.scrollIntoView({block: 'end'}); return true;")
            .await;
        b.page_frames(2).await;
        b.screenshot(&format!("sources-open-{label}.png")).await;
        assert_eq!(b.console_errors().await, Vec::<String>::new());
        b.close().await;
    }
}
