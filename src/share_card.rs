//! The share card: the 1200×630 picture (1.91:1, Facebook's and X's large card) a link to a
//! story shows in a feed. It is laid out at 600×315 CSS px and drawn at twice the pixels, so
//! that at a feed's thumbnail size its words are as large as the chart's own: the title, the
//! climb drawn by the same code as the canvas (which ends on the latest known rank in large
//! type), and the source line of that rank.

use crate::describe::title;
use crate::drawing::{text_style, wrap_text, DrawError, Layer, Theme, Viewport};
use crate::model::Model;
use crate::phrasebook::phrases::readout_sources;
use crate::phrasebook::Lang;
use crate::view::{draw_view, view_layout, ViewKind};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The card's size in pixels.
pub const CARD_SIZE: (u32, u32) = (1200, 630);
/// Device pixels per CSS px of the card's layout (600×315).
const SCALE: f64 = 2.0;
const PAD: f64 = 18.0;
const TITLE_PX: f64 = 22.0;
const TITLE_LINE: f64 = 28.0;
const SMALL_TITLE_PX: f64 = 17.0;
const SUBTITLE_PX: f64 = 12.0;
const SOURCE_PX: f64 = 10.0;

/// The latest year with a known rank: what the card leads with.
fn latest_known(model: &Model) -> Option<&crate::model::RankPoint> {
    model.ranking.points.iter().rev().find(|p| p.rank.is_some())
}

/// The card's source line: the sources of the latest rank, by their short names.
pub fn card_source_line(model: &Model, lang: Lang) -> String {
    let names: Vec<&str> = latest_known(model)
        .map(|p| {
            p.sources
                .iter()
                .filter_map(|&s| model.sources.get(s))
                .map(|s| s.short.get(lang))
                .collect()
        })
        .unwrap_or_default();
    readout_sources(&names, lang)
}

/// Draw the card onto `root`, which is [`CARD_SIZE`].
pub fn draw_share_card<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &Model,
    lang: Lang,
    theme: &Theme,
) -> Result<(), DrawError> {
    let card = Viewport {
        width: CARD_SIZE.0,
        height: CARD_SIZE.1,
        scale: SCALE,
    };
    let px = |css: f64| card.px(css);
    let (width, height) = (
        f64::from(CARD_SIZE.0) / SCALE,
        f64::from(CARD_SIZE.1) / SCALE,
    );
    root.fill(&theme.background)?;
    let mut y = PAD;
    // A title that needs more than two lines is set smaller rather than cut.
    let title = title(model, lang);
    let mut size = TITLE_PX;
    let mut lines = wrap_text(&title, size, width - 2.0 * PAD, 3);
    if lines.len() > 2 {
        size = SMALL_TITLE_PX;
        lines = wrap_text(&title, size, width - 2.0 * PAD, 2);
    }
    for line in lines {
        root.draw(&Text::new(
            line,
            (px(PAD), px(y)),
            text_style(&card, size, true, &theme.text, HPos::Left, VPos::Top),
        ))?;
        y += size * TITLE_LINE / TITLE_PX;
    }
    if let Some(sub) = &model.subtitle {
        if let Some(line) = wrap_text(sub.get(lang), SUBTITLE_PX, width - 2.0 * PAD, 1).pop() {
            root.draw(&Text::new(
                line,
                (px(PAD), px(y)),
                text_style(
                    &card,
                    SUBTITLE_PX,
                    false,
                    &theme.muted,
                    HPos::Left,
                    VPos::Top,
                ),
            ))?;
            y += SUBTITLE_PX + 6.0;
        }
    }
    let source_lines = wrap_text(
        &card_source_line(model, lang),
        SOURCE_PX,
        width - 2.0 * PAD,
        2,
    );
    let footer = source_lines.len() as f64 * (SOURCE_PX + 4.0) + PAD;
    let chart_top = y + 4.0;
    let chart = (width - 2.0 * PAD, height - chart_top - footer - 6.0);
    let area = root
        .clone()
        .shrink((px(PAD), px(chart_top)), (px(chart.0), px(chart.1)));
    let v = Viewport {
        width: px(chart.0) as u32,
        height: px(chart.1) as u32,
        scale: SCALE,
    };
    if let Some(layout) = view_layout(model, ViewKind::Rank, v, lang) {
        draw_view(&area, model, &layout, 1.0, None, lang, theme, Layer::All)?;
    }
    let mut y = height - footer + 4.0;
    for line in source_lines {
        root.draw(&Text::new(
            line,
            (px(PAD), px(y)),
            text_style(&card, SOURCE_PX, false, &theme.muted, HPos::Left, VPos::Top),
        ))?;
        y += SOURCE_PX + 4.0;
    }
    root.present()?;
    Ok(())
}
