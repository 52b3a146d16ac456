//! The author's tools that run in the studio as well as natively: reading pasted cells into
//! a rank series, and making the download. The studio's page (`www/studio.html`) drives them
//! through the author's wasm build; readers' pages never load it.

pub mod export;
pub mod paste;
