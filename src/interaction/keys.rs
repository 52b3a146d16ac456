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

/// ↑ or ↓ on the rank chart when it shows other places: the place above or below the one in
/// focus, among `order` (top to bottom; `None` is the main place), staying at either end.
/// `None` for any other key.
pub fn place_key(
    key: &str,
    order: &[Option<usize>],
    current: Option<usize>,
) -> Option<Option<usize>> {
    let at = order.iter().position(|p| *p == current)?;
    match key {
        "ArrowUp" => Some(order[at.saturating_sub(1)]),
        "ArrowDown" => order.get(at + 1).or(order.last()).copied(),
        _ => None,
    }
}

/// A key pressed anywhere on the page: Escape closes the readout, wherever the focus is.
pub fn page_key(key: &str, inspected: Inspected) -> Response {
    match (key, inspected) {
        ("Escape", Some(_)) => Response::Inspect(None),
        _ => Response::Ignore,
    }
}
