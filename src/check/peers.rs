//! The rules of the other places drawn beside the main one: the main series' rules, in the
//! main series' years, at most a dozen places.

use super::limits::{MAX_LABEL_CHARS, MAX_PEERS, MAX_SHORT_SOURCE_CHARS};
use super::problem::{hint, say, Checker};
use super::rank_point::rank_point;
use crate::data::{PeerEntry, SourceEntry};
use crate::model::{Peer, RankPoint};

/// Each peer, its points set out along the main series' years (a year it does not give is
/// unknown), or the problems that stop it.
pub(super) fn check_peers(
    c: &mut Checker,
    entries: &[PeerEntry],
    main: &[RankPoint],
    sources: &[SourceEntry],
) -> Vec<Peer> {
    if entries.len() > MAX_PEERS {
        c.report(
            "ranking.peers",
            say!(
                format!("lists {} places", entries.len()),
                format!("列了{}个地方", entries.len())
            ),
            hint!(
                format!("draw at most {MAX_PEERS} other places; more cannot be told apart"),
                format!("最多画{MAX_PEERS}个其他地方，再多就分辨不清")
            ),
        );
    }
    let mut out = Vec::new();
    for (k, entry) in entries.iter().enumerate() {
        let base = format!("ranking.peers[{k}]");
        c.text(&format!("{base}.name"), &entry.name, MAX_LABEL_CHARS);
        if let Some(short) = &entry.short {
            c.text(&format!("{base}.short"), short, MAX_SHORT_SOURCE_CHARS);
        }
        let mut points: Vec<RankPoint> = main
            .iter()
            .map(|m| RankPoint {
                year: m.year,
                rank: None,
                of: None,
                sources: Vec::new(),
                note: None,
            })
            .collect();
        let mut after = None;
        for (i, e) in entry.points.iter().enumerate() {
            let path = format!("{base}.points[{i}]");
            let Some(p) = rank_point(c, e, &path, sources, after) else {
                continue;
            };
            after = Some(p.year);
            match points.iter_mut().find(|q| q.year == p.year) {
                Some(slot) => *slot = p,
                None => c.report(
                    format!("{path}.year"),
                    say!(
                        format!("{} is not one of the main place's evaluations", p.year),
                        format!("{}不是主角的评价年度之一", p.year)
                    ),
                    hint!(
                        "give a peer's ranks only in years the main series lists",
                        "其他地方的名次只能给在主序列列出的年度"
                    ),
                ),
            }
        }
        if points.iter().all(|p| p.rank.is_none()) {
            c.report(
                format!("{base}.points"),
                say!("holds no known rank", "没有一个已知名次"),
                hint!(
                    "give the place at least one published rank, or leave it out",
                    "请至少给这个地方一个公开的名次，或删去它"
                ),
            );
        }
        out.push(Peer {
            name: entry.name.clone(),
            short: entry.short.clone().unwrap_or_else(|| entry.name.clone()),
            points,
        });
    }
    out
}
