//! What reader input does, as plain rules: a key press, a pointer's move, press or leave,
//! and a frame tick, each turned into what is inspected and how far the entry has come.
//! The browser shell only translates events into these calls.

pub mod clock;
pub mod keys;
pub mod pointer;
pub mod step;

/// The one item inspected across the infographic: (canvas, item), or nothing.
pub type Inspected = Option<(usize, usize)>;

/// What an input asks of the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    /// Nothing: the input is not the chart's, or changes nothing.
    Ignore,
    /// Inspect this (or nothing). For a key, the key is the chart's: the page must not
    /// scroll with it.
    Inspect(Inspected),
}
