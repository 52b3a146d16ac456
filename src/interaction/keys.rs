//! The keyboard on a focused canvas: arrows step through its items, Home and End jump to
//! the first and last, Escape closes the readout.

use super::{Inspected, Response};

/// What the key `key` (a `KeyboardEvent.key` value) does on canvas `canvas`, which has
/// `count` items, while `inspected` is inspected.
pub fn key_press(key: &str, canvas: usize, count: usize, inspected: Inspected) -> Response {
    if count == 0 {
        return Response::Ignore;
    }
    let last = count - 1;
    let current = inspected.filter(|(c, _)| *c == canvas).map(|(_, i)| i);
    let next = match key {
        "ArrowRight" | "ArrowDown" => current.map_or(0, |i| (i + 1).min(last)),
        "ArrowLeft" | "ArrowUp" => current.map_or(last, |i| i.saturating_sub(1)),
        "Home" => 0,
        "End" => last,
        "Escape" => return Response::Inspect(None),
        _ => return Response::Ignore,
    };
    Response::Inspect(Some((canvas, next)))
}

/// A key pressed anywhere on the page: Escape closes the readout, wherever the focus is.
pub fn page_key(key: &str, inspected: Inspected) -> Response {
    match (key, inspected) {
        ("Escape", Some(_)) => Response::Inspect(None),
        _ => Response::Ignore,
    }
}
