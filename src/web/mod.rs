//! The wasm32 shell: one `Chart` handle per container, owning its canvas, frames, events
//! and DOM. Everything it shows is computed by the native-tested core.

mod dom;
mod listener;

use crate::describe::{rank_readout, summary};
use crate::draw::{draw_rank_chart, Frame, Theme};
use crate::layout::{css_height_for_width, rank_layout, RankLayout, Viewport};
use crate::model::{validate, DataError, Lang, Model};
use crate::timeline::Timeline;
use crate::DataFile;
use dom::{show_error, Dom};
use listener::{FrameLoop, Listener, Observer};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, KeyboardEvent, PointerEvent, Window};

struct State {
    model: Model,
    lang: Lang,
    theme: Theme,
    timeline: Timeline,
    layout: Option<RankLayout>,
    started_at: Option<f64>,
    reveal: f64,
    inspected: Option<usize>,
    css_width: f64,
}

struct Instance {
    window: Window,
    document: Document,
    dom: Dom,
    state: RefCell<State>,
    frames: RefCell<Option<FrameLoop>>,
    listeners: RefCell<Vec<Listener>>,
    observer: RefCell<Option<Observer>>,
}

/// The handle a page holds for one infographic.
#[wasm_bindgen]
pub struct Chart {
    instance: Option<Rc<Instance>>,
}

#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Options {
    lang: Option<String>,
    #[serde(default)]
    reduced_motion: bool,
}

fn error_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "无法显示图表：数据文件有误",
        Lang::En => "The chart cannot be shown: the data file has problems",
    }
}

#[wasm_bindgen]
impl Chart {
    /// Mount an infographic into `container` from the parsed data file.
    #[wasm_bindgen(constructor)]
    pub fn new(container: Element, data: JsValue, options: JsValue) -> Result<Chart, JsError> {
        let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
        let document = window
            .document()
            .ok_or_else(|| JsError::new("no document"))?;
        let options: Options = serde_wasm_bindgen::from_value(options).unwrap_or_default();
        let asked = options.lang.as_deref().and_then(Lang::from_tag);
        let parsed = serde_wasm_bindgen::from_value::<DataFile>(data)
            .map_err(|e| DataError::Shape(e.to_string()))
            .and_then(validate);
        let model = match parsed {
            Ok(m) => m,
            Err(e) => {
                let lines = e.lines();
                show_error(
                    &document,
                    &container,
                    error_heading(asked.unwrap_or(Lang::Zh)),
                    &lines,
                );
                return Err(JsError::new(&e.to_string()));
            }
        };
        let lang = asked.unwrap_or(model.language);
        let dom = Dom::build(&document, &container)
            .ok_or_else(|| JsError::new("could not build the chart's elements"))?;
        let timeline = Timeline::new(model.ranking.points.len());
        let state = State {
            lang,
            theme: Theme::light(),
            timeline,
            layout: None,
            started_at: None,
            reveal: if options.reduced_motion {
                timeline.end()
            } else {
                0.0
            },
            inspected: None,
            css_width: 0.0,
            model,
        };
        let instance = Rc::new(Instance {
            window: window.clone(),
            document,
            dom,
            state: RefCell::new(state),
            frames: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            observer: RefCell::new(None),
        });
        instance.write_texts();
        let weak = Rc::downgrade(&instance);
        *instance.frames.borrow_mut() = Some(FrameLoop::new(window, move |now| {
            if let Some(i) = weak.upgrade() {
                i.on_frame(now);
            }
        }));
        instance.attach_listeners();
        let weak = Rc::downgrade(&instance);
        *instance.observer.borrow_mut() = Observer::new(&instance.dom.figure, move |_| {
            if let Some(i) = weak.upgrade() {
                i.resize();
            }
        });
        instance.resize();
        Ok(Chart {
            instance: Some(instance),
        })
    }

    /// Play the entry animation again from the start.
    pub fn replay(&self) {
        if let Some(i) = &self.instance {
            {
                let mut s = i.state.borrow_mut();
                s.started_at = None;
                s.reveal = 0.0;
            }
            i.request_frame();
        }
    }

    /// Switch the language: "zh-CN" or "en".
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, tag: &str) -> Result<(), JsError> {
        let lang = Lang::from_tag(tag)
            .ok_or_else(|| JsError::new("unknown language; use \"zh-CN\" or \"en\""))?;
        if let Some(i) = &self.instance {
            i.set_lang(lang);
        }
        Ok(())
    }

    /// Where a year's point is drawn, as `[x, y]` CSS pixels from the canvas's top-left
    /// corner, so a host page can anchor its own annotations; `undefined` before layout.
    #[wasm_bindgen(js_name = pointOf)]
    pub fn point_of(&self, year: i32) -> Option<Vec<f64>> {
        let i = self.instance.as_ref()?;
        let s = i.state.borrow();
        let layout = s.layout.as_ref()?;
        let index = layout.years.iter().position(|y| y.year == year)?;
        let (x, y) = layout.anchor_of(index)?;
        let scale = layout.viewport.scale;
        Some(vec![f64::from(x) / scale, f64::from(y) / scale])
    }

    /// Remove every listener, frame and element this chart added.
    pub fn destroy(&mut self) {
        if let Some(i) = self.instance.take() {
            i.listeners.borrow_mut().clear();
            i.observer.borrow_mut().take();
            i.frames.borrow_mut().take();
            i.dom.figure.remove();
        }
    }
}

impl Instance {
    fn write_texts(&self) {
        let s = self.state.borrow();
        self.dom
            .write_texts(&self.document, &s.model, s.lang, &summary(&s.model, s.lang));
    }

    fn set_lang(self: &Rc<Self>, lang: Lang) {
        self.state.borrow_mut().lang = lang;
        self.write_texts();
        self.relayout();
        let inspected = self.state.borrow().inspected;
        self.inspect(inspected);
    }

    fn request_frame(&self) {
        if let Some(f) = self.frames.borrow().as_ref() {
            f.request();
        }
    }

    fn on_frame(&self, now: f64) {
        if let Some(f) = self.frames.borrow().as_ref() {
            f.mark_fired();
        }
        let animating = {
            let mut s = self.state.borrow_mut();
            if s.reveal < s.timeline.end() {
                let start = *s.started_at.get_or_insert(now);
                s.reveal = s.timeline.reveal_at(now - start);
            }
            s.reveal < s.timeline.end()
        };
        self.draw();
        if animating {
            self.request_frame();
        }
    }

    fn draw(&self) {
        let s = self.state.borrow();
        let Some(layout) = &s.layout else { return };
        let Some(backend) = CanvasBackend::with_canvas_object(self.dom.canvas.clone()) else {
            return;
        };
        let root = backend.into_drawing_area();
        let frame = Frame {
            reveal: s.reveal,
            inspected: s.inspected,
        };
        if let Err(e) = draw_rank_chart(&root, &s.model, layout, frame, s.lang, &s.theme) {
            web_sys::console::error_1(&JsValue::from_str(&e.to_string()));
        }
    }

    fn resize(&self) {
        let css_width = f64::from(self.dom.stage.client_width());
        self.state.borrow_mut().css_width = css_width;
        self.relayout();
    }

    fn relayout(&self) {
        let css_width = self.state.borrow().css_width;
        if css_width < 1.0 {
            // A hidden or zero-width container: nothing to draw until it gets a size.
            self.state.borrow_mut().layout = None;
            return;
        }
        let css_height = css_height_for_width(css_width);
        let scale = self.window.device_pixel_ratio().clamp(0.5, 4.0);
        let canvas = &self.dom.canvas;
        let style = canvas.style();
        let _ = style.set_property("width", &format!("{css_width}px"));
        let _ = style.set_property("height", &format!("{css_height}px"));
        let viewport = Viewport {
            width: (css_width * scale).round() as u32,
            height: (css_height * scale).round() as u32,
            scale,
        };
        canvas.set_width(viewport.width);
        canvas.set_height(viewport.height);
        {
            let mut s = self.state.borrow_mut();
            let layout = rank_layout(&s.model, viewport, s.lang);
            s.layout = Some(layout);
        }
        // Resizing clears the canvas: draw now rather than show a blank frame.
        self.draw();
        let inspected = self.state.borrow().inspected;
        if inspected.is_some() {
            self.place_tooltip();
        }
        self.request_frame();
    }

    fn inspect(&self, index: Option<usize>) {
        self.state.borrow_mut().inspected = index;
        match index {
            Some(_) => self.place_tooltip(),
            None => self.dom.hide_tooltip(),
        }
        self.draw();
    }

    fn place_tooltip(&self) {
        let s = self.state.borrow();
        let (Some(i), Some(layout)) = (s.inspected, &s.layout) else {
            return;
        };
        let Some(readout) = rank_readout(&s.model, i, s.lang) else {
            return;
        };
        let Some((x, y)) = layout.anchor_of(i) else {
            return;
        };
        let scale = layout.viewport.scale;
        self.dom.show_tooltip(
            &self.document,
            &readout,
            x as f64 / scale,
            y as f64 / scale,
            s.css_width,
        );
        self.dom
            .live
            .set_text_content(Some(&readout.announcement(s.lang)));
    }

    fn index_at(&self, e: &PointerEvent) -> Option<usize> {
        let s = self.state.borrow();
        let layout = s.layout.as_ref()?;
        let scale = layout.viewport.scale;
        layout.nearest_year(
            f64::from(e.offset_x()) * scale,
            f64::from(e.offset_y()) * scale,
        )
    }

    fn on_key(&self, e: &KeyboardEvent) {
        let (current, count) = {
            let s = self.state.borrow();
            (s.inspected, s.model.ranking.points.len())
        };
        let last = count.saturating_sub(1);
        let next = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |i| (i + 1).min(last))),
            "ArrowLeft" | "ArrowUp" => Some(current.map_or(last, |i| i.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(last),
            "Escape" => {
                self.inspect(None);
                e.prevent_default();
                return;
            }
            _ => return,
        };
        e.prevent_default();
        self.inspect(next);
    }

    fn attach_listeners(self: &Rc<Self>) {
        let canvas: &web_sys::EventTarget = self.dom.canvas.as_ref();
        let mut ls = Vec::new();
        let on = |kind: &'static str, f: fn(&Instance, Event)| {
            let weak: Weak<Instance> = Rc::downgrade(self);
            Listener::new(canvas, kind, move |e| {
                if let Some(i) = weak.upgrade() {
                    f(&i, e);
                }
            })
        };
        ls.extend(on("pointermove", |i, e| {
            if let Some(p) = e.dyn_ref::<PointerEvent>() {
                let index = i.index_at(p);
                if index != i.state.borrow().inspected {
                    i.inspect(index);
                }
            }
        }));
        ls.extend(on("pointerdown", |i, e| {
            if let Some(p) = e.dyn_ref::<PointerEvent>() {
                let index = i.index_at(p);
                i.inspect(index);
            }
        }));
        ls.extend(on("pointerleave", |i, e| {
            let mouse = e
                .dyn_ref::<PointerEvent>()
                .is_some_and(|p| p.pointer_type() == "mouse");
            // A tapped readout stays until the next tap; a hovered one follows the mouse out.
            if mouse && i.document.active_element().as_ref() != Some(i.dom.canvas.as_ref()) {
                i.inspect(None);
            }
        }));
        ls.extend(on("keydown", |i, e| {
            if let Some(k) = e.dyn_ref::<KeyboardEvent>() {
                i.on_key(k);
            }
        }));
        let weak = Rc::downgrade(self);
        ls.extend(Listener::new(
            self.dom.lang_button.as_ref(),
            "click",
            move |_| {
                if let Some(i) = weak.upgrade() {
                    let next = match i.state.borrow().lang {
                        Lang::Zh => Lang::En,
                        Lang::En => Lang::Zh,
                    };
                    i.set_lang(next);
                }
            },
        ));
        *self.listeners.borrow_mut() = ls;
    }
}
