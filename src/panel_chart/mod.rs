//! The indicator panels: sub-rankings, bars and single figures. `layout` places every mark
//! in device pixels; `draw` draws them through any plotters backend.

pub mod draw;
pub mod layout;

pub use draw::{draw_panel, item_progress};
pub use layout::{panel_css_height, panel_layout, PanelLayout};
