//! The wasm32 shell: one `Chart` handle per container, owning its canvases, frames, events
//! and DOM. Everything it shows is computed by the native-tested core; everything a reader
//! does is decided by the rules in `interaction`.

mod callbacks;
mod chart;
mod dom;
mod dom_text;
mod frames;
mod host;
mod input;
mod mount;
mod panic_guard;
mod readout;
mod state;
#[cfg(feature = "studio")]
mod studio;
