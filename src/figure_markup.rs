//! The figure's markup, described once: the elements, classes, words, reserved sizes and the
//! narrow breakpoint around the canvases. `cargo xtask dist` renders the description as HTML
//! into the page (with each canvas's still); the web shell adopts those elements when it
//! finds them, and builds the same elements from the same description when it does not.

use crate::describe::{callout_texts, note_lines, source_entries, summary, title};
use crate::model::{Model, PanelKind};
use crate::panel_chart::layout::{panel_css_height, TILE_H, TILE_MIN_W};
use crate::phrasebook::controls::{buttons, sources_summary, tap_hint};
use crate::phrasebook::Lang;
use crate::rank_chart::layout::{RANK_ASPECT, RANK_MAX_CSS_HEIGHT, RANK_MIN_CSS_HEIGHT};
use crate::view::ViewKind;

pub use crate::drawing::NARROW_BELOW_CSS_PX;

/// The classes the web shell finds the parts by.
pub mod class {
    pub const FIGURE: &str = "rankclimb";
    pub const HEADER: &str = "rankclimb-header";
    pub const TITLE: &str = "rankclimb-title";
    pub const ACTIONS: &str = "rankclimb-actions";
    /// The chart's tools (replay, tables, CSV), under the rank chart.
    pub const TOOLS: &str = "rankclimb-tools";
    pub const REPLAY: &str = "rankclimb-replay";
    pub const TABLE_TOGGLE: &str = "rankclimb-table-toggle";
    pub const CSV: &str = "rankclimb-csv";
    pub const LANG: &str = "rankclimb-lang";
    pub const SUBTITLE: &str = "rankclimb-subtitle";
    pub const STAGE: &str = "rankclimb-stage";
    pub const STILL: &str = "rankclimb-still";
    pub const CALLOUT_NOTES: &str = "rankclimb-callout-notes";
    pub const PANELS: &str = "rankclimb-panels";
    pub const PANEL: &str = "rankclimb-panel";
    pub const PANEL_TITLE: &str = "rankclimb-panel-title";
    pub const PANEL_SUBTITLE: &str = "rankclimb-panel-subtitle";
    pub const LIVE: &str = "rankclimb-live";
    pub const TABLES: &str = "rankclimb-tables";
    pub const NOTES: &str = "rankclimb-notes";
    pub const NOTE: &str = "rankclimb-note";
    pub const SOURCES: &str = "rankclimb-sources";
    /// The sources list: one item per document, its passages in a list under it.
    pub const SOURCE_LIST: &str = "rankclimb-source-list";
    pub const SOURCE: &str = "rankclimb-source";
    /// The closed tables: out of sight, read by screen readers.
    pub const SR_ONLY: &str = "rankclimb-sr-only";
}

/// The title's id, for the figure's name (ids are the shadow root's own, one chart each).
pub const TITLE_ID: &str = "rankclimb-title";

/// The chart's box (the figure's parent, which the loader or the build makes) is one region
/// named by the title, so that in a host page without landmarks nothing of the chart lies
/// outside one (a `<figure>` may not take the region role itself).
pub const REGION_ATTRS: &str = r#" role="region" aria-labelledby="rankclimb-title""#;

/// The parts the web shell holds on to, each found by its class: every one is in the
/// description exactly once (the stages and panel headings once per plot).
pub const ADOPTED_ONCE: [&str; 13] = [
    class::TITLE,
    class::SUBTITLE,
    class::REPLAY,
    class::TABLE_TOGGLE,
    class::CSV,
    class::LANG,
    class::CALLOUT_NOTES,
    class::PANELS,
    class::LIVE,
    class::TABLES,
    class::NOTES,
    class::SOURCES,
    class::SOURCE_LIST,
];

/// One element: its tag, classes, attributes and text, and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub tag: &'static str,
    pub class: String,
    pub attrs: Vec<(&'static str, String)>,
    pub text: Option<String>,
    pub children: Vec<Node>,
    /// A still drawn at build time (trusted SVG from plotters, its text escaped there):
    /// written into the page's HTML only; the web shell never builds it.
    pub still: Option<String>,
    /// A fixed height in CSS px: a style attribute in HTML, set through the CSSOM by the
    /// shell (a strict Content-Security-Policy refuses style attributes set as markup).
    pub height: Option<f64>,
}

impl Node {
    pub fn new(tag: &'static str, class: impl Into<String>) -> Node {
        Node {
            tag,
            class: class.into(),
            attrs: Vec::new(),
            text: None,
            children: Vec::new(),
            still: None,
            height: None,
        }
    }
    fn attr(mut self, name: &'static str, value: impl Into<String>) -> Node {
        self.attrs.push((name, value.into()));
        self
    }
    fn text(mut self, text: impl Into<String>) -> Node {
        self.text = Some(text.into());
        self
    }
    fn child(mut self, child: Node) -> Node {
        self.children.push(child);
        self
    }
    fn children(mut self, children: impl IntoIterator<Item = Node>) -> Node {
        self.children.extend(children);
        self
    }

    /// Every node, depth first, in document order.
    pub fn walk(&self) -> Vec<&Node> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.walk());
        }
        out
    }
}

/// The stills of a plot, as the build draws them; `None` where there is none (in the browser).
pub type Stills<'a> = &'a dyn Fn(ViewKind) -> Option<String>;

/// The reserved box of a plot before its canvas is there: the rank chart's 16:9 between its
/// limits, a panel's fixed height, or the figure tiles' grid.
fn reserve(model: &Model, kind: ViewKind) -> Node {
    match kind {
        ViewKind::Rank => Node::new("div", format!("{} rankclimb-reserve-rank", class::STILL)),
        ViewKind::Panel(i) => match model.panels.get(i) {
            Some(p) if matches!(p.kind, PanelKind::Stats { .. }) => {
                Node::new("div", format!("{} rankclimb-reserve-tiles", class::STILL))
                    .children((0..p.kind.item_count()).map(|_| Node::new("i", "")))
            }
            Some(p) => Node {
                height: Some(panel_css_height(p, 0.0)),
                ..Node::new("div", class::STILL)
            },
            None => Node::new("div", class::STILL),
        },
    }
}

fn stage(model: &Model, kind: ViewKind, lang: Lang, stills: Stills) -> Node {
    let mut still = reserve(model, kind);
    // The still lies over the box (the figure tiles' empty cells give it its height at any
    // width).
    still.still = stills(kind);
    Node::new("div", format!("{} rankclimb-reserved", class::STAGE))
        .attr("data-hint", tap_hint(lang))
        .child(still)
}

/// Each document once, with the passages the figures rest on under it.
pub fn source_list(entries: &[(&str, Vec<&str>)]) -> Node {
    Node::new("ul", class::SOURCE_LIST).children(entries.iter().map(|(citation, passages)| {
        let item = Node::new("li", class::SOURCE).text(*citation);
        if passages.is_empty() {
            item
        } else {
            item.child(
                Node::new("ul", "").children(passages.iter().map(|p| Node::new("li", "").text(*p))),
            )
        }
    }))
}

/// The figure for `model` in `lang`, with the plots `kinds` and their `stills`.
pub fn figure(model: &Model, lang: Lang, kinds: &[ViewKind], stills: Stills) -> Node {
    let words = buttons(lang);
    let button = |class: &str, text: &str| {
        Node::new("button", class)
            .attr("type", "button")
            .attr("disabled", "")
            .text(text)
    };
    // The language switch alone before the chart; the chart's tools after it, so that the
    // chart is the second stop of the Tab key (and the visual order is the same).
    let header = Node::new("div", class::HEADER)
        .child(
            Node::new("h2", class::TITLE)
                .attr("id", TITLE_ID)
                .text(title(model, lang)),
        )
        .child(
            Node::new("div", class::ACTIONS)
                .child(button(class::LANG, words.language).attr("aria-label", words.language_name)),
        );
    let tools = Node::new("div", format!("{} {}", class::ACTIONS, class::TOOLS))
        .child(button(class::REPLAY, words.replay))
        .child(button(class::TABLE_TOGGLE, words.table).attr("aria-expanded", "false"))
        .child(button(class::CSV, words.csv));
    let subtitle = Node::new("p", class::SUBTITLE).text(
        model
            .subtitle
            .as_ref()
            .map(|s| s.get(lang))
            .unwrap_or_default(),
    );
    // Named by its title; the box around it is the region landmark (`REGION_ATTRS`).
    let mut figure = Node::new("figure", class::FIGURE)
        .attr("lang", lang.tag())
        .attr("aria-labelledby", TITLE_ID)
        .child(header)
        .child(subtitle);
    let mut panels = Node::new("div", class::PANELS);
    for &kind in kinds {
        match kind {
            ViewKind::Rank => {
                let mut rank = stage(model, kind, lang, stills);
                if let Some(still) = rank.children.first_mut() {
                    // Before the canvas is there, the still says what the canvas will.
                    still.attrs.push(("role", "img".into()));
                    still.attrs.push(("aria-label", summary(model, lang)));
                }
                figure = figure.child(rank).child(
                    Node::new("ol", class::CALLOUT_NOTES).children(
                        callout_texts(model, lang)
                            .into_iter()
                            .map(|t| Node::new("li", "").text(t)),
                    ),
                );
                figure = figure.child(tools.clone());
            }
            ViewKind::Panel(i) => {
                let Some(p) = model.panels.get(i) else {
                    continue;
                };
                panels = panels.child(
                    Node::new("section", class::PANEL)
                        .child(Node::new("h3", class::PANEL_TITLE).text(p.title.get(lang)))
                        .child(
                            Node::new("p", class::PANEL_SUBTITLE)
                                .text(p.subtitle.as_ref().map(|s| s.get(lang)).unwrap_or_default()),
                        )
                        .child(stage(model, kind, lang, stills)),
                );
            }
        }
    }
    let entries = source_entries(model, lang);
    let notes = Node::new("figcaption", class::NOTES)
        .children(
            note_lines(model, lang)
                .into_iter()
                .map(|n| Node::new("p", class::NOTE).text(n)),
        )
        .child(
            Node::new("details", class::SOURCES)
                .child(Node::new("summary", "").text(sources_summary(entries.len(), lang)))
                .child(source_list(&entries)),
        );
    figure
        .child(panels)
        .child(
            Node::new("div", class::LIVE)
                .attr("aria-live", "polite")
                .attr("role", "status"),
        )
        .child(
            Node::new("div", format!("{} {}", class::TABLES, class::SR_ONLY))
                .attr("role", "region")
                .attr("aria-label", words.table),
        )
        // Last: a figcaption is a figure's first or last child.
        .child(notes)
}

/// The rules that size a plot's box before its canvas is there, from the charts' own
/// constants: the rank chart's height formula (`rank_chart::css_height_for_width`) in CSS,
/// and the figure tiles' grid. `cargo xtask dist` appends them to the stylesheet.
pub fn reserve_css() -> String {
    format!(
        ".rankclimb-reserved {{ container-type: inline-size; }}\n\
         .rankclimb-reserve-rank {{ height: clamp({min}px, round(calc(round(100cqw, 1px) * {aspect}), 1px), {max}px); }}\n\
         .rankclimb-reserve-tiles {{ display: grid; grid-template-columns: repeat(auto-fill, minmax({tile_w}px, 1fr)); grid-auto-rows: {tile_h}px; }}\n\
         .rankclimb-still text {{ font-family: {font}; }}\n\
         @container rankclimb (width < {narrow}px) {{ .rankclimb-still-wide {{ display: none; }} }}\n\
         @container rankclimb (width >= {narrow}px) {{ .rankclimb-still-narrow {{ display: none; }} }}\n",
        min = RANK_MIN_CSS_HEIGHT,
        max = RANK_MAX_CSS_HEIGHT,
        aspect = RANK_ASPECT,
        tile_w = TILE_MIN_W,
        tile_h = TILE_H,
        narrow = NARROW_BELOW_CSS_PX,
        font = crate::drawing::FONT_FAMILY,
    )
}

/// The description as HTML: every text and attribute escaped, the stills as drawn.
#[cfg(feature = "author")]
pub fn to_html(node: &Node) -> String {
    use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
    let mut out = format!("<{}", node.tag);
    if !node.class.is_empty() {
        out.push_str(&format!(r#" class="{}""#, attr(&node.class)));
    }
    for (name, value) in &node.attrs {
        if value.is_empty() {
            out.push_str(&format!(" {name}"));
        } else {
            out.push_str(&format!(r#" {name}="{}""#, attr(value)));
        }
    }
    if let Some(h) = node.height {
        out.push_str(&format!(r#" style="height: {h}px""#));
    }
    out.push('>');
    if let Some(t) = &node.text {
        out.push_str(&text(t));
    }
    if let Some(svg) = &node.still {
        out.push_str(svg);
    }
    for c in &node.children {
        out.push_str(&to_html(c));
    }
    out.push_str(&format!("</{}>", node.tag));
    out
}
