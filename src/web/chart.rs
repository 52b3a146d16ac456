//! The handle a page holds for one infographic. Its methods only delegate: to the mount,
//! the frame loop, the readout and the host services.

use super::callbacks::Kind;
use super::mount::{mount, schedule_warm_hover};
use super::panic_guard;
use super::state::Instance;
use crate::describe::table::csv;
use crate::interaction::step::step_year;
use crate::phrasebook::Lang;
use crate::view::ViewLayout;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen]
pub struct Chart {
    instance: Option<Rc<Instance>>,
}

impl Chart {
    fn live(&self) -> Option<Rc<Instance>> {
        self.instance.as_ref().filter(|i| !i.dead.get()).cloned()
    }
}

#[wasm_bindgen]
impl Chart {
    /// Mount an infographic into `container` from the data file.
    #[wasm_bindgen(constructor)]
    pub fn new(container: Element, data: JsValue, options: JsValue) -> Result<Chart, JsError> {
        Ok(Chart {
            instance: Some(mount(&container, data, options)?),
        })
    }

    /// Play the entry animation again from the start.
    pub fn replay(&self) {
        if let Some(i) = self.live() {
            i.replay();
        }
    }

    /// Switch the language: "zh-CN" or "en".
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, tag: &str) -> Result<(), JsError> {
        let lang = Lang::from_tag(tag)
            .ok_or_else(|| JsError::new("unknown language; use \"zh-CN\" or \"en\""))?;
        if let Some(i) = self.live() {
            i.set_lang(lang);
        }
        Ok(())
    }

    /// Show the climb drawn up to `year` and hold it there: for stories that move the
    /// chart as the reader scrolls. `replay()` lets it run again.
    #[wasm_bindgen(js_name = goToYear)]
    pub fn go_to_year(&self, year: i32) -> Result<(), JsError> {
        let Some(i) = self.live() else { return Ok(()) };
        {
            let mut s = i.state.borrow_mut();
            let points = &s.model.ranking.points;
            let index = points
                .iter()
                .position(|p| p.year == year)
                .ok_or_else(|| JsError::new(&format!("{year} is not a year of this chart")))?;
            let count = points.len();
            s.clock.hold_at(index, count);
        }
        i.draw_all();
        Ok(())
    }

    /// A scrollytelling step: go to the year `value` names (a year, or the first words of one
    /// of the chart's notes), hold the climb there and say that year's rank in the live
    /// region. Returns the year, or `undefined` when `value` names none (nothing changes).
    #[wasm_bindgen(js_name = showStep)]
    pub fn show_step(&self, value: &str) -> Option<i32> {
        let i = self.live()?;
        let (year, index) = {
            let mut s = i.state.borrow_mut();
            let year = step_year(&s.model, value)?;
            let points = &s.model.ranking.points;
            let index = points.iter().position(|p| p.year == year)?;
            let count = points.len();
            s.clock.hold_at(index, count);
            if s.inspected == Some((0, index)) {
                return Some(year);
            }
            (year, index)
        };
        i.draw_all();
        i.inspect(Some((0, index)));
        Some(year)
    }

    /// Switch the palette: "dark", "light", or `undefined` for the reader's colour scheme.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, name: Option<String>) {
        if let Some(i) = self.live() {
            i.set_theme(name.as_deref());
        }
    }

    /// The figures as CSV text, as the download button saves them.
    #[wasm_bindgen(js_name = csvText)]
    pub fn csv_text(&self) -> String {
        self.live().map_or_else(String::new, |i| {
            let s = i.state.borrow();
            csv(&s.model, s.lang)
        })
    }

    /// Which palette the chart chose: "light", "dark" or "contrast".
    #[wasm_bindgen(getter)]
    pub fn theme(&self) -> String {
        self.instance
            .as_ref()
            .and_then(|i| i.dom.figure.get_attribute("data-theme"))
            .unwrap_or_default()
    }

    /// Where a year's point is drawn on the rank chart, as `[x, y]` CSS pixels from the
    /// canvas's top-left corner, so a host page can anchor its own annotations: the main
    /// place's, or with `peer`, that other place's (none where its rank is unknown).
    #[wasm_bindgen(js_name = pointOf)]
    pub fn point_of(&self, year: i32, peer: Option<usize>) -> Option<Vec<f64>> {
        let i = self.live()?;
        let s = i.state.borrow();
        let Some(Some(ViewLayout::Rank(layout))) = s.layouts.first() else {
            return None;
        };
        let index = layout.years.iter().position(|y| y.year == year)?;
        let (x, y) = match peer {
            None => layout.anchor_of(index)?,
            Some(k) => (*layout.peers.get(k)?.points.get(index)?)?,
        };
        let scale = layout.viewport.scale;
        Some(vec![f64::from(x) / scale, f64::from(y) / scale])
    }

    /// Where item `item` of canvas `canvas` (0 is the rank chart, then the panels in
    /// order) is anchored, as `[x, y]` CSS pixels within that canvas.
    #[wasm_bindgen(js_name = itemAnchor)]
    pub fn item_anchor(&self, canvas: usize, item: usize) -> Option<Vec<f64>> {
        let i = self.live()?;
        let s = i.state.borrow();
        let layout = s.layouts.get(canvas)?.as_ref()?;
        let (x, y) = layout.anchor_of(item)?;
        let scale = layout.viewport().scale;
        Some(vec![f64::from(x) / scale, f64::from(y) / scale])
    }

    /// Whether the chart stopped after an internal error (it then shows a message).
    #[wasm_bindgen(getter)]
    pub fn dead(&self) -> bool {
        self.instance.as_ref().is_some_and(|i| i.dead.get())
    }

    /// How far the entry animation has come, from 0 to 1: tests and scroll-driven pages
    /// wait on it rather than on time.
    #[wasm_bindgen(getter)]
    pub fn progress(&self) -> f64 {
        self.instance
            .as_ref()
            .map_or(0.0, |i| i.state.borrow().clock.progress)
    }

    /// Draw `count` animation frames at once, replaying the entry whenever it ends; for
    /// the memory and frame-cost measurements, which need far more frames than a replay.
    #[wasm_bindgen(js_name = drawFrames)]
    pub fn draw_frames(&self, count: u32) {
        let Some(i) = self.live() else { return };
        let Some(i) = panic_guard::enter(&Rc::downgrade(&i)) else {
            return;
        };
        let frame_ms = 1000.0 / 60.0;
        let mut now = 0.0;
        for _ in 0..count {
            i.state.borrow_mut().clock.rerun_at(now);
            i.on_frame(now);
            now += frame_ms;
        }
    }

    /// Panic inside this chart, on purpose: the tests use it to check that a panic stops
    /// only this chart and shows a message in its place.
    #[wasm_bindgen(js_name = debugPanic)]
    pub fn debug_panic(&self) {
        if let Some(i) = self.live() {
            if let Some(_entered) = panic_guard::enter(&Rc::downgrade(&i)) {
                panic!("debugPanic was called");
            }
        }
    }

    /// Make the next callback of one kind panic, on purpose: "pointer", "key", "button",
    /// "language", "print", "resize", "visibility", "frame" or "idle". For "idle" an idle
    /// callback is asked for at once, so there is one to panic in. The tests use it to
    /// check that a panic in any callback stops only its own chart.
    #[wasm_bindgen(js_name = debugPanicIn)]
    pub fn debug_panic_in(&self, kind: &str) -> Result<(), JsError> {
        let kind = Kind::from_name(kind)
            .ok_or_else(|| JsError::new(&format!("{kind:?} is not a kind of callback")))?;
        if let Some(i) = self.live() {
            i.panic_armed.set(Some(kind));
            if kind == Kind::Idle {
                schedule_warm_hover(&i).map_err(|e| JsError::new(&e.to_string()))?;
            }
        }
        Ok(())
    }

    /// Turn the `performance.measure` entries around each drawing stage on or off: they are
    /// named `rankclimb:frame`, `rankclimb:copy-still`, `rankclimb:moving`, `rankclimb:still`
    /// and `rankclimb:readout`, and show in DevTools' Performance panel.
    #[wasm_bindgen(js_name = setProfiling)]
    pub fn set_profiling(&self, on: bool) {
        if let Some(i) = self.live() {
            i.profiling.set(on);
        }
    }

    /// Bytes of wasm linear memory, shared by every chart on the page.
    #[wasm_bindgen(js_name = wasmMemoryBytes)]
    pub fn wasm_memory_bytes() -> f64 {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map(|m| {
                m.buffer()
                    .dyn_into::<js_sys::ArrayBuffer>()
                    .map_or(0.0, |b| f64::from(b.byte_length()))
            })
            .unwrap_or(0.0)
    }

    /// Remove every listener, frame and element this chart added.
    pub fn destroy(&mut self) {
        if let Some(i) = self.instance.take() {
            i.release_callbacks();
            i.dom.figure.remove();
        }
    }
}
