//! The pointer over a canvas: mouse, pen and touch. `hit` is the item under the pointer,
//! as the canvas's layout finds it.

use super::{Inspected, Response};

/// A pointer moving over canvas `canvas`: it inspects the item it is over, and keeps the
/// last one while it crosses the space between items.
pub fn pointer_move(canvas: usize, hit: Option<usize>, inspected: Inspected) -> Response {
    match hit.map(|item| (canvas, item)) {
        Some(target) if Some(target) != inspected => Response::Inspect(Some(target)),
        _ => Response::Ignore,
    }
}

/// A press or tap on canvas `canvas`: it inspects what it lands on, and a tap on empty
/// space closes the readout.
pub fn pointer_down(canvas: usize, hit: Option<usize>) -> Response {
    Response::Inspect(hit.map(|item| (canvas, item)))
}

/// The pointer leaving canvas `canvas`. A mouse's readout follows it out; a tapped one
/// stays until the next tap, and one reached by keyboard stays while the canvas has focus.
pub fn pointer_leave(canvas: usize, mouse: bool, focused: bool, inspected: Inspected) -> Response {
    let here = inspected.is_some_and(|(c, _)| c == canvas);
    if mouse && here && !focused {
        Response::Inspect(None)
    } else {
        Response::Ignore
    }
}
