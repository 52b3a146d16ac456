//! The surface both charts draw on: its size in device pixels, boxes on it, and the layers
//! a chart is split into so the browser redraws only what moves.

/// Below this width (CSS px) of the chart's box, the chart takes its narrow layout: readouts
/// dock under each plot, callouts become numbered markers, the phone's still shows. The
/// stylesheet's container queries say the same number (`figure_markup::reserve_css` writes
/// the still's; a native test holds `rankclimb.css`'s to it).
pub const NARROW_BELOW_CSS_PX: f64 = 600.0;

/// The canvas in device pixels, and how many device pixels make one CSS pixel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub width: u32,
    pub height: u32,
    pub scale: f64,
}

impl Viewport {
    /// Device pixels for a length given in CSS pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
}

/// Which marks to draw: the still ones can be drawn once and copied under every frame;
/// the swept ones are drawn once in their final state and uncovered left to right as the
/// line grows (see `view::swept_x`), so dashed outlines cost one image copy a frame instead
/// of a path per dash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    All,
    Still,
    Swept,
    Moving,
}
