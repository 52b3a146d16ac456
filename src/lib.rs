//! rankclimb: an animated ranking-climb infographic.
//!
//! The pure core runs and is tested natively, in stages: the data file as written
//! (`data`) → checked (`check`) into the validated `model` → laid out and drawn by each
//! chart (`rank_chart`, `panel_chart`, sharing `drawing`) through any plotters backend →
//! one canvas whatever it shows (`view`), or the whole picture (`static_image`). `phrasebook`
//! holds the languages and every phrase, `describe` what is said about the data, and
//! `interaction` what reader input does. `web` is the thin wasm32 shell that owns the
//! canvas, frames, events and DOM.

#[cfg(feature = "author")]
pub mod author;
pub mod check;
pub mod data;
pub mod describe;
pub mod drawing;
#[cfg(feature = "studio")]
pub mod embed;
pub mod figure_markup;
pub mod interaction;
pub mod model;
pub mod numeric;
pub mod panel_chart;
pub mod phrasebook;
pub mod rank_chart;
#[cfg(feature = "author")]
pub mod share_card;
#[cfg(feature = "studio")]
pub mod share_meta;
pub mod static_image;
#[cfg(feature = "studio")]
pub mod still;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod web;

// Talc instead of the default dlmalloc: some 5 KB less wasm for the same allocations.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use check::{validate, DataError};
pub use data::DataFile;
pub use model::Model;
pub use phrasebook::Lang;
