//! The author's tools that run in the studio as well as natively: reading pasted cells into
//! a rank series (feature `author`), and making the download (feature `studio`, which adds the
//! zip writer and the SVG backend it needs). The studio's page (`www/studio.html`) drives them
//! through the studio's wasm build; readers' pages never load it.

#[cfg(feature = "studio")]
pub mod export;
pub mod paste;
