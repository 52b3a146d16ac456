//! What the rank chart and the panels share: the surface and its layers, the palettes, text
//! fitting, and the errors drawing can end in.

mod easing;
mod error;
mod surface;
mod text_fit;
mod theme;

pub use easing::ease_in_out_cubic;
pub use error::DrawError;
pub use surface::{Layer, Rect, Viewport, NARROW_BELOW_CSS_PX};
pub use text_fit::{approx_text_width, draw_chip, fit_text, text_style, wrap_text};
pub use theme::{parse_css_color, Theme, FONT_FAMILY};
