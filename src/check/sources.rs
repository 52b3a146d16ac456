//! The documents and the sources that cite them: each document once, each source either a
//! passage of a document or a citation of its own.

use super::limits::{MAX_LABEL_CHARS, MAX_SHORT_SOURCE_CHARS, MAX_SOURCE_CHARS};
use super::problem::{hint, say, Checker};
use crate::data::{DocumentEntry, SourceEntry};
use crate::model::{Document, Source};
use crate::phrasebook::phrases::punct;
use crate::phrasebook::{Lang, LocalText};

/// An id an author can type, checked in the author's tools only.
#[cfg(feature = "author")]
fn check_id(c: &mut Checker, path: &str, id: &str) {
    if id.trim().is_empty() || id.chars().count() > MAX_LABEL_CHARS {
        c.report(
            format!("{path}.id"),
            say!("is empty or too long", "为空或过长"),
            hint!(
                "use a short id such as \"report-2022\"",
                "请用简短的id，如\"report-2022\""
            ),
        );
    }
}

#[cfg(not(feature = "author"))]
fn check_id(_: &mut Checker, _: &str, _: &str) {
    let _ = MAX_LABEL_CHARS;
}

#[cfg(feature = "author")]
fn check_url(c: &mut Checker, path: &str, url: Option<&str>) {
    if let Some(url) = url {
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() > 2000 {
            c.report(
                format!("{path}.url"),
                say!("is not an http(s) address", "不是http(s)网址"),
                hint!(
                    "write a full https:// address, or leave it out",
                    "请写完整的https://网址，或删去此项"
                ),
            );
        }
    }
}

#[cfg(not(feature = "author"))]
fn check_url(_: &mut Checker, _: &str, _: Option<&str>) {}

/// The citation and the passage as one text: "《…》，2022年：“…”".
fn joined(citation: &LocalText, passage: &LocalText) -> LocalText {
    let with = |lang: Lang| {
        format!(
            "{}{}{}",
            citation.get(lang),
            punct(lang).colon,
            passage.get(lang)
        )
    };
    LocalText {
        zh: with(Lang::Zh),
        en: with(Lang::En),
    }
}

pub fn check_documents(c: &mut Checker, documents: &[DocumentEntry]) -> Vec<Document> {
    documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let path = format!("documents[{i}]");
            check_id(c, &path, &d.id);
            if documents[..i].iter().any(|o| o.id == d.id) {
                c.report(
                    format!("{path}.id"),
                    say!(
                        format!("{:?} is used twice", d.id),
                        format!("{:?}用了两次", d.id)
                    ),
                    hint!(
                        "list each document once; sources point to it by its id",
                        "每份文献只列一次；来源用它的id指向它"
                    ),
                );
            }
            c.text(&format!("{path}.citation"), &d.citation, MAX_SOURCE_CHARS);
            if let Some(short) = &d.short {
                c.text(&format!("{path}.short"), short, MAX_SHORT_SOURCE_CHARS);
            }
            check_url(c, &path, d.url.as_deref());
            Document {
                id: d.id.clone(),
                citation: d.citation.clone(),
                url: d.url.clone(),
            }
        })
        .collect()
}

pub fn check_sources(
    c: &mut Checker,
    sources: &[SourceEntry],
    documents: &[DocumentEntry],
) -> Vec<Source> {
    if sources.is_empty() {
        c.report(
            "sources",
            say!("is empty", "为空"),
            hint!("list where each figure comes from", "请列出每个数字的出处"),
        );
    }
    let mut out = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let path = format!("sources[{i}]");
        check_id(c, &path, &s.id);
        if sources[..i].iter().any(|o| o.id == s.id) {
            c.report(
                format!("{path}.id"),
                say!(
                    format!("{:?} is used twice", s.id),
                    format!("{:?}用了两次", s.id)
                ),
                hint!("give each source its own id", "每项来源各用一个id"),
            );
        }
        let cited = s.document.as_ref().map(|id| {
            (
                id,
                documents.iter().position(|d| &d.id == id),
                s.passage.as_ref(),
            )
        });
        let (text, document, doc_short) = match (&s.text, cited) {
            (Some(text), None) => {
                c.text(&format!("{path}.text"), text, MAX_SOURCE_CHARS);
                (text.clone(), None, None)
            }
            (None, Some((_, Some(d), Some(passage)))) => {
                c.text(&format!("{path}.passage"), passage, MAX_SOURCE_CHARS);
                let doc = &documents[d];
                (
                    joined(&doc.citation, passage),
                    Some((d, passage.clone())),
                    doc.short.clone(),
                )
            }
            (None, Some((id, None, _))) => {
                c.report(
                    format!("{path}.document"),
                    say!(
                        format!("{id:?} is not in documents"),
                        format!("{id:?}不在documents中")
                    ),
                    hint!(
                        "add the document to \"documents\", or fix the id",
                        "请把这份文献加入\"documents\"，或改正id"
                    ),
                );
                continue;
            }
            (None, Some((_, Some(_), None))) => {
                c.report(
                    format!("{path}.passage"),
                    say!("is missing", "缺少"),
                    hint!(
                        "give the words of the document this source rests on",
                        "请写出这项来源所依据的文献原话"
                    ),
                );
                continue;
            }
            (Some(_), Some(_)) => {
                c.report(
                    format!("{path}.text"),
                    say!("is given beside a document", "与文献并列给出"),
                    hint!(
                        "a source is a document's passage or a citation of its own, not both",
                        "一项来源要么是某份文献中的一段话，要么自带引文，不能两者都有"
                    ),
                );
                continue;
            }
            (None, None) => {
                c.report(
                    format!("{path}.text"),
                    say!("is missing", "缺少"),
                    hint!(
                        "give the citation, or a document and its passage",
                        "请写出引文，或给出文献及其中的原话"
                    ),
                );
                continue;
            }
        };
        if let Some(short) = &s.short {
            c.text(&format!("{path}.short"), short, MAX_SHORT_SOURCE_CHARS);
        }
        check_url(c, &path, s.url.as_deref());
        out.push(Source {
            id: s.id.clone(),
            short: s
                .short
                .clone()
                .or(doc_short)
                .unwrap_or_else(|| text.clone()),
            text,
            url: s.url.clone().or_else(|| {
                document
                    .as_ref()
                    .and_then(|(d, _)| documents[*d].url.clone())
            }),
            document,
        });
    }
    out
}
