//! Reader input, translated: each browser event becomes a call to the pure rules of
//! `interaction`, and their answer is carried out. No rule lives here.

use super::callbacks::{Callback, Hook, Kind, RegisterError};
use super::host::report;
use super::state::Instance;
use crate::interaction::keys::{key_press, page_key, place_key};
use crate::interaction::pointer::{
    away, changes_place, place_under_pointer, pointer_down, pointer_leave, pointer_move, pointer_up,
};
use crate::interaction::Response;
use crate::view::item_count;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, KeyboardEvent, PointerEvent};

/// The pointer events a canvas listens to, by what each means to the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PointerPhase {
    Move,
    Down,
    Up,
    Cancel,
    Leave,
}

impl PointerPhase {
    const ALL: [PointerPhase; 5] = [
        PointerPhase::Move,
        PointerPhase::Down,
        PointerPhase::Up,
        PointerPhase::Cancel,
        PointerPhase::Leave,
    ];

    /// The DOM event's name.
    fn event_name(self) -> &'static str {
        match self {
            PointerPhase::Move => "pointermove",
            PointerPhase::Down => "pointerdown",
            PointerPhase::Up => "pointerup",
            PointerPhase::Cancel => "pointercancel",
            PointerPhase::Leave => "pointerleave",
        }
    }
}

impl Instance {
    /// The item of canvas `k` under the pointer event `e`, and the other place there.
    fn item_at(&self, k: usize, e: &PointerEvent) -> (Option<usize>, Option<usize>) {
        let s = self.state.borrow();
        let Some(Some(layout)) = s.layouts.get(k) else {
            return (None, None);
        };
        let scale = layout.viewport().scale;
        let (x, y) = (
            f64::from(e.offset_x()) * scale,
            f64::from(e.offset_y()) * scale,
        );
        (layout.item_at(x, y), layout.peer_at(x, y))
    }

    fn respond(&self, response: Response) -> bool {
        match response {
            Response::Inspect(target) => {
                self.inspect(target);
                true
            }
            Response::Ignore => false,
        }
    }

    fn on_pointer(&self, k: usize, phase: PointerPhase, e: &PointerEvent) {
        use PointerPhase::{Cancel, Down, Leave, Move, Up};
        let mouse = e.pointer_type() == "mouse";
        let (hit, peer) = match phase {
            Move | Down => self.item_at(k, e),
            Up | Cancel | Leave => (None, None),
        };
        let response = {
            let mut s = self.state.borrow_mut();
            let inspected = s.inspected;
            match phase {
                Move => pointer_move(k, hit, mouse, inspected, &mut s.press),
                Down if changes_place(k, hit, inspected, peer, s.peer) => Response::Ignore,
                Down => pointer_down(k, hit, mouse, inspected, &mut s.press),
                Up | Cancel => {
                    pointer_up(&mut s.press);
                    Response::Ignore
                }
                Leave => {
                    // `:focus` also holds inside a shadow root, where
                    // `document.activeElement` names only the host.
                    let focused = self.dom.surfaces[k]
                        .canvas
                        .matches(":focus")
                        .unwrap_or(false);
                    pointer_leave(k, mouse, focused, inspected)
                }
            }
        };
        self.respond(response);
        let (inspected, before) = {
            let s = self.state.borrow();
            (s.inspected, s.peer)
        };
        let active = phase == Down || (phase == Move && (mouse || e.buttons() != 0));
        if let Some(place) = place_under_pointer(k, active, inspected, peer, before) {
            self.focus_peer(inspected, place);
        }
    }

    /// A press anywhere on the page: unless it is on one of this chart's canvases (which
    /// answer it themselves), it closes the readout.
    fn on_page_press(&self, e: &web_sys::Event) {
        let path = e.composed_path();
        let on_a_canvas = self
            .dom
            .surfaces
            .iter()
            .any(|d| path.includes(d.canvas.as_ref(), 0));
        if !on_a_canvas {
            let inspected = self.state.borrow().inspected;
            self.respond(away(inspected));
        }
    }

    fn on_page_key(&self, e: &KeyboardEvent) {
        let inspected = self.state.borrow().inspected;
        self.respond(page_key(&e.key(), inspected));
    }

    /// The chart left the screen.
    pub fn scrolled_away(&self) {
        let inspected = self.state.borrow().inspected;
        self.respond(away(inspected));
    }

    fn on_key(&self, k: usize, e: &KeyboardEvent) {
        let (count, inspected) = {
            let s = self.state.borrow();
            let count = self
                .dom
                .surfaces
                .get(k)
                .map_or(0, |d| item_count(&s.model, d.kind));
            (count, s.inspected)
        };
        let key = e.key();
        let places = {
            let s = self.state.borrow();
            let index = inspected
                .filter(|(c, _)| *c == k)
                .map_or(count.saturating_sub(1), |(_, i)| i);
            let order = s
                .layouts
                .get(k)
                .and_then(|l| l.as_ref())
                .map(|l| l.places(index))
                .unwrap_or_default();
            place_key(&key, &order, s.peer).map(|p| (index, p))
        };
        if let Some((index, peer)) = places {
            self.focus_peer(Some((k, index)), peer);
            e.prevent_default();
        } else if self.respond(key_press(&key, k, count, inspected)) {
            e.prevent_default();
        }
    }

    fn toggle_tables(&self) {
        if !self.tables_written.get() {
            self.write_tables();
        }
        if let Err(e) = self.dom.toggle_tables() {
            report(e);
        }
    }

    /// Print the final state, whatever moment the reader prints at.
    fn before_print(&self) {
        if !self.tables_written.get() {
            self.write_tables();
        }
        if let Err(e) = self.dom.open_for_print() {
            report(e);
        }
        self.state.borrow_mut().clock.finish();
        self.draw_all();
    }

    fn switch_language(&self) {
        let next = self.state.borrow().lang.other();
        self.set_lang(next);
    }
}

fn event_of<E: JsCast>(arg: &JsValue) -> Option<&E> {
    arg.dyn_ref::<E>()
}

/// Register the reader's input on every canvas, the buttons and the page's print.
pub fn attach(chart: &Rc<Instance>) -> Result<Vec<Callback>, RegisterError> {
    let mut out = Vec::new();
    for (k, d) in chart.dom.surfaces.iter().enumerate() {
        let target: &web_sys::EventTarget = d.canvas.as_ref();
        for phase in PointerPhase::ALL {
            out.push(Callback::register(
                chart,
                Kind::Pointer,
                Hook::Event(target, phase.event_name()),
                move |i, arg| {
                    if let Some(e) = event_of::<PointerEvent>(&arg) {
                        i.on_pointer(k, phase, e);
                    }
                },
            )?);
        }
        out.push(Callback::register(
            chart,
            Kind::Key,
            Hook::Event(target, "keydown"),
            move |i, arg| {
                if let Some(e) = event_of::<KeyboardEvent>(&arg) {
                    i.on_key(k, e);
                }
            },
        )?);
    }
    let button = |element: &HtmlElement, kind: Kind, f: fn(&Instance)| {
        Callback::register(
            chart,
            kind,
            Hook::Event(element.as_ref(), "click"),
            move |i, _| f(i),
        )
    };
    let dom = &chart.dom;
    out.push(button(&dom.replay_button, Kind::Button, Instance::replay)?);
    out.push(button(
        &dom.table_button,
        Kind::Button,
        Instance::toggle_tables,
    )?);
    out.push(button(&dom.csv_button, Kind::Button, |i| {
        if let Err(e) = i.download_csv() {
            report(e);
        }
    })?);
    out.push(button(
        &dom.lang_button,
        Kind::Language,
        Instance::switch_language,
    )?);
    // Away from the chart: a press elsewhere on the page, or Escape wherever the focus is.
    let page: &web_sys::EventTarget = chart.document.as_ref();
    out.push(Callback::register(
        chart,
        Kind::Pointer,
        Hook::Event(page, "pointerdown"),
        |i, arg| {
            if let Some(e) = event_of::<web_sys::Event>(&arg) {
                i.on_page_press(e);
            }
        },
    )?);
    out.push(Callback::register(
        chart,
        Kind::Key,
        Hook::Event(page, "keydown"),
        |i, arg| {
            if let Some(e) = event_of::<KeyboardEvent>(&arg) {
                i.on_page_key(e);
            }
        },
    )?);
    out.push(Callback::register(
        chart,
        Kind::Print,
        Hook::Event(chart.window.as_ref(), "beforeprint"),
        |i, _: JsValue| i.before_print(),
    )?);
    Ok(out)
}
