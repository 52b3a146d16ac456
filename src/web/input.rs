//! Reader input, translated: each browser event becomes a call to the pure rules of
//! `interaction`, and their answer is carried out. No rule lives here.

use super::callbacks::{Callback, Hook, Kind, RegisterError};
use super::state::Instance;
use crate::interaction::keys::key_press;
use crate::interaction::pointer::{pointer_down, pointer_leave, pointer_move};
use crate::interaction::Response;
use crate::view::item_count;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, KeyboardEvent, PointerEvent};

impl Instance {
    /// The item of canvas `k` under the pointer event `e`.
    fn item_at(&self, k: usize, e: &PointerEvent) -> Option<usize> {
        let s = self.state.borrow();
        let layout = s.layouts.get(k)?.as_ref()?;
        let scale = layout.viewport().scale;
        layout.item_at(
            f64::from(e.offset_x()) * scale,
            f64::from(e.offset_y()) * scale,
        )
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

    fn on_pointer(&self, k: usize, event: &str, e: &PointerEvent) {
        let inspected = self.state.borrow().inspected;
        let response = match event {
            "pointermove" => pointer_move(k, self.item_at(k, e), inspected),
            "pointerdown" => pointer_down(k, self.item_at(k, e)),
            _ => {
                // `:focus` also holds inside a shadow root, where `document.activeElement`
                // names only the host.
                let focused = self.dom.surfaces[k]
                    .canvas
                    .matches(":focus")
                    .unwrap_or(false);
                pointer_leave(k, e.pointer_type() == "mouse", focused, inspected)
            }
        };
        self.respond(response);
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
        if self.respond(key_press(&e.key(), k, count, inspected)) {
            e.prevent_default();
        }
    }

    fn toggle_tables(&self) {
        if !self.tables_written.get() {
            self.write_tables();
        }
        if let Err(e) = self.dom.toggle_tables() {
            web_sys::console::error_1(&format!("rankclimb: {e}").into());
        }
    }

    /// Print the final state, whatever moment the reader prints at.
    fn before_print(&self) {
        if !self.tables_written.get() {
            self.write_tables();
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
        for event in ["pointermove", "pointerdown", "pointerleave"] {
            out.push(Callback::register(
                chart,
                Kind::Pointer,
                Hook::Event(target, event),
                move |i, arg| {
                    if let Some(e) = event_of::<PointerEvent>(&arg) {
                        i.on_pointer(k, event, e);
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
            web_sys::console::error_1(&format!("rankclimb: {e}").into());
        }
    })?);
    out.push(button(
        &dom.lang_button,
        Kind::Language,
        Instance::switch_language,
    )?);
    out.push(Callback::register(
        chart,
        Kind::Print,
        Hook::Event(chart.window.as_ref(), "beforeprint"),
        |i, _: JsValue| i.before_print(),
    )?);
    Ok(out)
}
