//! The rank chart: the place's climb through the ranking, year by year. `layout` places
//! every mark in device pixels; `draw` draws them through any plotters backend.

pub mod annotation_draw;
pub mod annotation_layout;
pub mod draw;
pub mod layout;
pub mod marks;
pub mod peer_draw;
pub mod peer_layout;

pub use draw::{
    counter_value, draw_rank_chart, draw_rank_gaps, draw_rank_moving, draw_rank_static,
    reveal_to_x, Frame,
};
pub use layout::{css_height_for_width, rank_layout, RankLayout};
