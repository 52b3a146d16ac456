//! The words of the chart's controls and messages, in each language: its buttons, the hints
//! under and on the canvases, the sources' disclosure, and the headings of what is shown in
//! place of a chart that cannot be drawn.

use super::Lang;

/// The sources' disclosure, closed: how many there are, and that they open.
pub fn sources_summary(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("来源（{count}项）"),
        Lang::En => format!("Sources ({count})"),
    }
}

/// The chart's buttons: what each says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Buttons {
    pub replay: &'static str,
    pub table: &'static str,
    pub csv: &'static str,
    /// The language button shows the other language's name...
    pub language: &'static str,
    /// ...and is named, for screen readers, in the language it switches to.
    pub language_name: &'static str,
}

pub fn buttons(lang: Lang) -> Buttons {
    match lang {
        Lang::Zh => Buttons {
            replay: "重播",
            table: "数据表",
            csv: "下载数据（CSV）",
            language: "English",
            language_name: "Switch to English",
        },
        Lang::En => Buttons {
            replay: "Replay",
            table: "Data table",
            csv: "Download data (CSV)",
            language: "中文",
            language_name: "切换到中文",
        },
    }
}

/// In the empty strip under a plot on a narrow chart, where the readout docks.
pub fn tap_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "轻触图中各项，查看数值与来源",
        Lang::En => "Tap an item to see its figures and source",
    }
}

/// After each canvas's accessible summary.
pub fn keyboard_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "按方向键逐项查看。",
        Lang::En => " Use the arrow keys to step through the items.",
    }
}

// What a reader is told where the chart would be: one sentence in the page's language. The
// author's detail (JSON paths, hints, the browser's own words) goes to the console, and the
// full list to `cargo xtask check`.

/// A data file that does not pass the reader's rules.
pub fn data_error_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "图表数据有误，暂时无法显示。",
        Lang::En => "This chart cannot be shown: its data has errors.",
    }
}

/// The chart's page elements could not be built.
pub fn dom_error_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "图表无法在此页面中显示。",
        Lang::En => "This chart cannot be shown on this page.",
    }
}

/// In place of a chart that stopped after a panic.
pub fn internal_error_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "图表出现内部错误，已停止运行。",
        Lang::En => "The chart stopped after an internal error.",
    }
}
