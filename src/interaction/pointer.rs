//! The pointer over a canvas: mouse, pen and touch. `hit` is the item under the pointer,
//! as the canvas's layout finds it. A mouse inspects what it hovers; a finger inspects what
//! it taps, and while it is down, a drag along the chart scrubs from item to item.

use super::{Inspected, Response};

/// The item a finger or pen pressed, or last scrubbed onto, while it is down.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Press {
    at: Inspected,
}

/// A pointer moving over canvas `canvas`. A mouse inspects the item it is over, and keeps
/// the last one while it crosses the space between items. A finger or pen, which only moves
/// while pressed, scrubs: it inspects an item it is dragged onto, not the one it pressed
/// (a tap that closed a readout must not open it again by trembling).
pub fn pointer_move(
    canvas: usize,
    hit: Option<usize>,
    mouse: bool,
    inspected: Inspected,
    press: &mut Press,
) -> Response {
    let target = hit.map(|item| (canvas, item));
    if !mouse {
        if target.is_none() || target == press.at {
            return Response::Ignore;
        }
        press.at = target;
    }
    match target {
        Some(target) if Some(target) != inspected => Response::Inspect(Some(target)),
        _ => Response::Ignore,
    }
}

/// A press or tap on canvas `canvas`: it inspects what it lands on, and a tap on empty
/// space closes the readout. A second tap of a finger or pen on the item it opened closes it.
pub fn pointer_down(
    canvas: usize,
    hit: Option<usize>,
    mouse: bool,
    inspected: Inspected,
    press: &mut Press,
) -> Response {
    let target = hit.map(|item| (canvas, item));
    press.at = target;
    if !mouse && target.is_some() && target == inspected {
        return Response::Inspect(None);
    }
    Response::Inspect(target)
}

/// Whether a press in the year already inspected changes which other place is in focus
/// (`hit_place` under the press, `focused` now): it then moves the focus, where a second tap
/// on the same spot would close the readout.
pub fn changes_place(
    canvas: usize,
    hit: Option<usize>,
    inspected: Inspected,
    hit_place: Option<usize>,
    focused: Option<usize>,
) -> bool {
    hit.is_some() && hit.map(|i| (canvas, i)) == inspected && hit_place != focused
}

/// After a pointer event on canvas `canvas` (`active`: a mouse moving, a finger or pen
/// dragging, or any press): the other place to focus, where that changes. Over another
/// place's line or name (`hit_place`) that place is focused; off every line the focus goes
/// back to the main place. Nothing changes while nothing on this canvas is inspected.
pub fn place_under_pointer(
    canvas: usize,
    active: bool,
    inspected: Inspected,
    hit_place: Option<usize>,
    focused: Option<usize>,
) -> Option<Option<usize>> {
    let here = inspected.is_some_and(|(c, _)| c == canvas);
    (here && active && hit_place != focused).then_some(hit_place)
}

/// The press has ended (lifted, or taken over by the page's scrolling).
pub fn pointer_up(press: &mut Press) {
    press.at = None;
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

/// Whatever the reader does away from the chart's canvases (a tap or click elsewhere on the
/// page, the chart scrolled out of view) closes the readout.
pub fn away(inspected: Inspected) -> Response {
    if inspected.is_some() {
        Response::Inspect(None)
    } else {
        Response::Ignore
    }
}
