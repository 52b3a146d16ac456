//! rankclimb: an animated ranking-climb infographic.
//!
//! The pure core (data → model → layout → drawing) runs and is tested natively; the
//! `web` module is the thin wasm32 shell that owns the canvas, frames, events and DOM.

pub mod csv_points;
pub mod data;
pub mod describe;
pub mod draw;
pub mod layout;
pub mod model;
pub mod panel_draw;
pub mod panel_layout;
pub mod panels;
pub mod static_image;
pub mod table;
pub mod timeline;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod load;
#[cfg(target_arch = "wasm32")]
mod web;

pub use data::DataFile;
pub use model::{validate, DataError, Lang, Model};
