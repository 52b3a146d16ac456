//! The wasm32 shell: one `Chart` handle per container, owning its canvases, frames, events
//! and DOM. Everything it shows is computed by the native-tested core.

mod dom;
mod listener;

use crate::describe::{panel_summary, summary, Readout};
use crate::draw::{parse_css_color, Theme};
use crate::layout::Viewport;
use crate::model::{validate, DataError, Lang, Model};
use crate::timeline::Timeline;
use crate::view::{
    area_from, draw_view, item_count, readout, swept_bounds, swept_x, view_css_height, view_layout,
    views, Layer, ViewKind, ViewLayout,
};
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
    /// Entry progress from 0 to 1, shared by every canvas.
    progress: f64,
    /// Animation time so far; it advances only while the chart is on screen.
    elapsed: f64,
    last_frame: Option<f64>,
    /// On screen (IntersectionObserver): the entry starts the first time it is.
    visible: bool,
    /// Held at a year by `goToYear`, for scroll-driven stories.
    held: bool,
    layouts: Vec<Option<ViewLayout>>,
    /// The one item inspected across the infographic: (canvas, item).
    inspected: Option<(usize, usize)>,
}

struct Instance {
    first_frame_marked: std::cell::Cell<bool>,
    /// While on, each drawing stage leaves a `performance.measure` entry (see `stage`).
    profiling: std::cell::Cell<bool>,
    /// Set by the panic hook: this chart stopped; every later callback returns at once.
    dead: std::cell::Cell<bool>,
    window: Window,
    document: Document,
    dom: Dom,
    state: RefCell<State>,
    frames: RefCell<Option<FrameLoop>>,
    listeners: RefCell<Vec<Listener>>,
    observer: RefCell<Option<Observer>>,
    viewport_watch: RefCell<Option<listener::Visibility>>,
    /// The data tables are built once the first frame is on screen: their DOM and text
    /// layout took about as long as the rest of the first frame together.
    tables_later: RefCell<Option<listener::WhenIdle>>,
    tables_written: std::cell::Cell<bool>,
    /// Runs the hover path once out of sight when the page is idle (see `warm_hover`).
    hover_warmup: RefCell<Option<listener::WhenIdle>>,
    /// The figure's width in CSS px and the pixel ratio the canvases were last laid out
    /// for. The ResizeObserver reports every element once when it starts watching, right
    /// after the mount has laid everything out: that report, and any other that changes
    /// neither, would redraw the same picture (7–25 ms of main thread).
    laid_out_for: std::cell::Cell<(i32, f64)>,
}

/// Leave a `performance` mark: the mount's steps up to the first frame are marked on every
/// load (a handful of marks, once per chart), so the benchmark can say where the time
/// before the first frame goes.
fn mark(window: &Window, name: &str) {
    if let Some(p) = window.performance() {
        let _ = p.mark(name);
    }
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
    /// "rank" shows the rank chart alone, without the indicator panels.
    view: Option<String>,
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
        mark(&window, "rankclimb:mount");
        let options: Options = serde_wasm_bindgen::from_value(options).unwrap_or_default();
        let asked = options.lang.as_deref().and_then(Lang::from_tag);
        // The data file's text, parsed in one go: reading a parsed JS object field by field
        // across the wasm boundary was slower, and let misspelt fields pass unseen.
        let text = match data.as_string() {
            Some(t) => t,
            None => js_sys::JSON::stringify(&data)
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default(),
        };
        let parsed = serde_json::from_str::<DataFile>(&text)
            .map_err(|e| {
                DataError::Shape(format!(
                    "{e} (`cargo xtask check` names the exact place in the file)"
                ))
            })
            .and_then(validate);
        mark(&window, "rankclimb:parsed");
        let model = match parsed {
            Ok(m) => m,
            Err(e) => {
                show_error(
                    &document,
                    &container,
                    error_heading(asked.unwrap_or(Lang::Zh)),
                    &e.lines(),
                );
                return Err(JsError::new(&e.to_string()));
            }
        };
        let lang = asked.unwrap_or(model.language);
        let (theme, theme_name) = pick_theme(&window, &container);
        let mut kinds = views(&model);
        if options.view.as_deref() == Some("rank") {
            kinds.truncate(1);
        }
        let dom = Dom::build(&document, &container, &kinds)
            .ok_or_else(|| JsError::new("could not build the chart's elements"))?;
        let state = State {
            lang,
            theme,
            timeline: Timeline::new(model.ranking.points.len()),
            progress: if options.reduced_motion { 1.0 } else { 0.0 },
            elapsed: 0.0,
            last_frame: None,
            visible: false,
            held: false,
            layouts: vec![None; kinds.len()],
            inspected: None,
            model,
        };
        panic_guard::install();
        let instance = Rc::new(Instance {
            dead: Default::default(),
            first_frame_marked: Default::default(),
            profiling: Default::default(),
            window: window.clone(),
            document,
            dom,
            state: RefCell::new(state),
            frames: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            observer: RefCell::new(None),
            viewport_watch: RefCell::new(None),
            tables_later: RefCell::new(None),
            tables_written: Default::default(),
            hover_warmup: RefCell::new(None),
            laid_out_for: Default::default(),
        });
        let _ = instance.dom.figure.set_attribute("data-theme", theme_name);
        instance.write_texts();
        mark(&instance.window, "rankclimb:dom-built");
        let weak = Rc::downgrade(&instance);
        *instance.frames.borrow_mut() = Some(FrameLoop::new(window, move |now| {
            if let Some(i) = panic_guard::enter(&weak) {
                i.on_frame(now);
            }
        }));
        instance.attach_listeners();
        let weak = Rc::downgrade(&instance);
        *instance.observer.borrow_mut() = Observer::new(&instance.dom.figure, move |_| {
            if let Some(i) = panic_guard::enter(&weak) {
                if i.laid_out_for.get() != i.figure_size() {
                    i.relayout();
                }
            }
        });
        let weak = Rc::downgrade(&instance);
        *instance.viewport_watch.borrow_mut() =
            listener::Visibility::new(&instance.dom.figure, move |visible| {
                if let Some(i) = panic_guard::enter(&weak) {
                    i.state.borrow_mut().visible = visible;
                    if visible {
                        i.request_frame();
                    }
                }
            });
        if instance.viewport_watch.borrow().is_none() {
            // No IntersectionObserver: play at once.
            instance.state.borrow_mut().visible = true;
        }
        instance.relayout();
        let weak = Rc::downgrade(&instance);
        *instance.tables_later.borrow_mut() =
            Some(listener::WhenIdle::new(&instance.window, move || {
                if let Some(i) = panic_guard::enter(&weak) {
                    if !i.tables_written.get() {
                        i.write_tables();
                    }
                }
            }));
        let weak = Rc::downgrade(&instance);
        *instance.hover_warmup.borrow_mut() =
            Some(listener::WhenIdle::new(&instance.window, move || {
                if let Some(i) = panic_guard::enter(&weak) {
                    i.warm_hover();
                }
            }));
        Ok(Chart {
            instance: Some(instance),
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
            let steps = points.len().saturating_sub(1).max(1) as f64;
            s.progress = index as f64 / steps;
            s.held = true;
        }
        for k in 0..i.dom.surfaces.len() {
            i.draw(k);
        }
        Ok(())
    }

    /// The figures as CSV text, as the download button saves them.
    #[wasm_bindgen(js_name = csvText)]
    pub fn csv_text(&self) -> String {
        self.live().map_or_else(String::new, |i| {
            let s = i.state.borrow();
            crate::table::csv(&s.model, s.lang)
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
    /// canvas's top-left corner, so a host page can anchor its own annotations.
    #[wasm_bindgen(js_name = pointOf)]
    pub fn point_of(&self, year: i32) -> Option<Vec<f64>> {
        let i = self.live()?;
        let s = i.state.borrow();
        let Some(Some(ViewLayout::Rank(layout))) = s.layouts.first() else {
            return None;
        };
        let index = layout.years.iter().position(|y| y.year == year)?;
        let (x, y) = layout.anchor_of(index)?;
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
            {
                let mut s = i.state.borrow_mut();
                s.visible = true;
                s.held = false;
                if s.progress >= 1.0 {
                    s.progress = 0.0;
                    s.elapsed = 0.0;
                    s.last_frame = Some(now);
                }
            }
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
            i.listeners.borrow_mut().clear();
            i.observer.borrow_mut().take();
            i.viewport_watch.borrow_mut().take();
            i.frames.borrow_mut().take();
            i.dom.figure.remove();
        }
    }
}

impl Chart {
    fn live(&self) -> Option<Rc<Instance>> {
        self.instance.as_ref().filter(|i| !i.dead.get()).cloned()
    }
}

/// A panic stops only the chart it happened in: the hook marks that chart dead and puts a
/// message where it was, and every callback of a dead chart returns at once.
mod panic_guard {
    use super::{dom, Instance};
    use std::cell::RefCell;
    use std::rc::{Rc, Weak};

    thread_local! {
        static CURRENT: RefCell<Option<Weak<Instance>>> = const { RefCell::new(None) };
    }

    /// A chart's callback in progress; a panic until it is dropped belongs to that chart.
    pub(super) struct Entered(Rc<Instance>);

    impl std::ops::Deref for Entered {
        type Target = Instance;
        fn deref(&self) -> &Instance {
            &self.0
        }
    }

    impl Drop for Entered {
        fn drop(&mut self) {
            CURRENT.with(|c| c.borrow_mut().take());
        }
    }

    /// Enter a chart's callback: `None` if the chart is gone or dead.
    pub(super) fn enter(weak: &Weak<Instance>) -> Option<Entered> {
        let i = weak.upgrade().filter(|i| !i.dead.get())?;
        CURRENT.with(|c| *c.borrow_mut() = Some(weak.clone()));
        Some(Entered(i))
    }

    pub fn install() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            std::panic::set_hook(Box::new(|info| {
                let message = info.to_string();
                web_sys::console::error_1(&format!("rankclimb: {message}").into());
                let Some(i) = CURRENT.with(|c| {
                    c.try_borrow()
                        .ok()
                        .and_then(|c| c.as_ref().and_then(Weak::upgrade))
                }) else {
                    return;
                };
                i.dead.set(true);
                if let Some(container) = i.dom.figure.parent_element() {
                    dom::show_error(
                        &i.document,
                        &container,
                        "图表内部出错，已停止 / The chart stopped after an internal error",
                        &[message],
                    );
                }
            }));
        });
    }
}

/// The palette: the host's `data-theme` attribute, else forced colours, else the reader's
/// colour scheme; then any `--rankclimb-background`, `--rankclimb-text` or
/// `--rankclimb-accent` the host sets.
fn pick_theme(window: &Window, container: &Element) -> (Theme, &'static str) {
    let matches = |q: &str| {
        window
            .match_media(q)
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
    };
    let (theme, name) = match container.get_attribute("data-theme").as_deref() {
        Some("dark") => (Theme::dark(), "dark"),
        Some("light") => (Theme::light(), "light"),
        _ if matches("(forced-colors: active)") => (Theme::high_contrast(), "contrast"),
        _ if matches("(prefers-color-scheme: dark)") => (Theme::dark(), "dark"),
        _ => (Theme::light(), "light"),
    };
    let style = window.get_computed_style(container).ok().flatten();
    let var = |name: &str| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .and_then(|v| parse_css_color(&v))
    };
    let theme = theme.with_overrides(
        var("--rankclimb-background"),
        var("--rankclimb-text"),
        var("--rankclimb-accent"),
    );
    (theme, name)
}

impl Instance {
    /// Start the entry animation again from the first year.
    fn replay(&self) {
        {
            let mut s = self.state.borrow_mut();
            s.elapsed = 0.0;
            s.last_frame = None;
            s.held = false;
            s.progress = 0.0;
        }
        self.request_frame();
    }

    /// Save the figures as a CSV file through a temporary link.
    fn download_csv(&self) {
        let (text, name) = {
            let s = self.state.borrow();
            (
                crate::table::csv(&s.model, s.lang),
                format!("{}.csv", s.model.place.get(s.lang)),
            )
        };
        let parts = js_sys::Array::of1(&JsValue::from_str(&text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/csv;charset=utf-8");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Some(a) = dom::el(&self.document, "a", "")
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            a.set_href(&url);
            a.set_download(&name);
            a.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }

    fn write_texts(&self) {
        let s = self.state.borrow();
        let labels: Vec<String> = self
            .dom
            .surfaces
            .iter()
            .map(|d| match d.kind {
                ViewKind::Rank => summary(&s.model, s.lang),
                ViewKind::Panel(p) => panel_summary(&s.model, p, s.lang),
            })
            .collect();
        self.dom
            .write_texts(&self.document, &s.model, s.lang, &labels);
    }

    fn set_lang(&self, lang: Lang) {
        self.state.borrow_mut().lang = lang;
        self.write_texts();
        self.write_tables();
        self.relayout();
    }

    fn write_tables(&self) {
        self.tables_written.set(true);
        let s = self.state.borrow();
        self.dom.write_tables(&self.document, &s.model, s.lang);
    }

    fn request_frame(&self) {
        if let Some(f) = self.frames.borrow().as_ref() {
            f.request();
        }
    }

    /// Run `f`, leaving a `performance.measure` entry `name` around it while profiling.
    /// The start goes in as a mark of its own name, so stages can nest.
    fn stage<T>(&self, name: &str, start: &str, f: impl FnOnce() -> T) -> T {
        let perf = self
            .profiling
            .get()
            .then(|| self.window.performance())
            .flatten();
        if let Some(p) = &perf {
            let _ = p.mark(start);
        }
        let out = f();
        if let Some(p) = &perf {
            let _ = p.measure_with_start_mark(name, start);
        }
        out
    }

    fn on_frame(&self, now: f64) {
        self.stage("rankclimb:frame", "rankclimb:frame-start", || {
            self.advance_frame(now)
        });
    }

    fn advance_frame(&self, now: f64) {
        if let Some(f) = self.frames.borrow().as_ref() {
            f.mark_fired();
        }
        let animating = {
            let mut s = self.state.borrow_mut();
            let running =
                s.progress < 1.0 && !s.held && s.visible && self.dom.figure.is_connected();
            if running {
                // Time spent off screen or in a hidden tab (no frames come) is not counted.
                let delta = s.last_frame.map_or(0.0, |t| (now - t).clamp(0.0, 100.0));
                s.elapsed += delta;
                s.last_frame = Some(now);
                s.progress = s.timeline.progress_at(s.elapsed);
            } else {
                s.last_frame = None;
            }
            running && s.progress < 1.0
        };
        for k in 0..self.dom.surfaces.len() {
            self.draw(k);
        }
        if animating {
            self.request_frame();
        }
    }

    /// Draw canvas `k`: copy its still layer, then draw what moves over it.
    fn draw(&self, k: usize) {
        let s = self.state.borrow();
        let (Some(Some(layout)), Some(d)) = (s.layouts.get(k), self.dom.surfaces.get(k)) else {
            return;
        };
        let Some(backend) = CanvasBackend::with_canvas_object(d.canvas.clone()) else {
            return;
        };
        self.stage("rankclimb:copy-still", "rankclimb:copy-still-start", || {
            if let Some(ctx) = d
                .canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            {
                let _ = ctx.draw_image_with_html_canvas_element(&d.still, 0.0, 0.0);
                // The swept canvas holds only the box of the swept marks: copy the part of
                // that box left of the line's tip to where the box sits on the chart.
                if let (Some(x), Some((left, top, right, _))) =
                    (swept_x(layout, s.progress), swept_bounds(layout))
                {
                    let width = f64::from(x.min(right) - left);
                    let height = f64::from(d.swept.height());
                    if width > 0.0 && height > 0.0 {
                        let (left, top) = (f64::from(left), f64::from(top));
                        let _ = ctx.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                            &d.swept, 0.0, 0.0, width, height, left, top, width, height,
                        );
                    }
                }
            }
        });
        let root = backend.into_drawing_area();
        let inspected = s.inspected.filter(|(c, _)| *c == k).map(|(_, i)| i);
        let drawn = self.stage("rankclimb:moving", "rankclimb:moving-start", || {
            draw_view(
                &root,
                &s.model,
                layout,
                s.progress,
                inspected,
                s.lang,
                &s.theme,
                Layer::Moving,
            )
        });
        match drawn {
            Err(e) => web_sys::console::error_1(&JsValue::from_str(&e.to_string())),
            // The benchmark's "first frame": navigation start to this mark.
            Ok(()) if !self.first_frame_marked.replace(true) => {
                mark(&self.window, "rankclimb:first-frame")
            }
            Ok(()) => {}
        }
    }

    /// Draw the still layer of canvas `k` once, after a layout change.
    fn draw_still(&self, k: usize) {
        let s = self.state.borrow();
        let (Some(Some(layout)), Some(d)) = (s.layouts.get(k), self.dom.surfaces.get(k)) else {
            return;
        };
        // Size an off-page canvas (0 × 0 frees it) and draw one layer on it, with the
        // chart's point (`left`, `top`) at the canvas's corner.
        let paint = |canvas: &web_sys::HtmlCanvasElement,
                     (left, top, right, bottom): (i32, i32, i32, i32),
                     layer: Layer| {
            let (w, h) = ((right - left).max(0) as u32, (bottom - top).max(0) as u32);
            canvas.set_width(w);
            canvas.set_height(h);
            if w == 0 || h == 0 {
                return;
            }
            let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
                return;
            };
            let root = area_from(backend.into_drawing_area(), layout, (left, top));
            if let Err(e) = draw_view(
                &root, &s.model, layout, s.progress, None, s.lang, &s.theme, layer,
            ) {
                web_sys::console::error_1(&JsValue::from_str(&e.to_string()));
            }
        };
        let v = layout.viewport();
        let whole = (0, 0, v.width as i32, v.height as i32);
        self.stage("rankclimb:still", "rankclimb:still-start", || {
            paint(&d.still, whole, Layer::Still)
        });
        paint(
            &d.swept,
            swept_bounds(layout).unwrap_or_default(),
            Layer::Swept,
        );
    }

    /// The figure's width and the pixel ratio: what the canvases' layout depends on. Read
    /// in a ResizeObserver callback, when layout is already up to date, it forces none.
    fn figure_size(&self) -> (i32, f64) {
        (
            self.dom.figure.client_width(),
            self.window.device_pixel_ratio(),
        )
    }

    fn relayout(&self) {
        let scale = self.window.device_pixel_ratio().clamp(0.5, 4.0);
        for (k, d) in self.dom.surfaces.iter().enumerate() {
            let css_width = f64::from(d.stage.client_width());
            let layout = if css_width < 1.0 {
                // A hidden or zero-width container: nothing to draw until it gets a size.
                None
            } else {
                if !self.first_frame_marked.get() {
                    // Reading the width made the browser lay out the chart's elements.
                    mark(&self.window, "rankclimb:sized");
                }
                let s = self.state.borrow();
                let css_height = view_css_height(&s.model, d.kind, css_width);
                let style = d.canvas.style();
                // Important, so a host stylesheet such as `canvas { width: 100% !important }`
                // cannot stretch the canvas away from its backing store.
                let _ = style.set_property_with_priority(
                    "width",
                    &format!("{css_width}px"),
                    "important",
                );
                let _ = style.set_property_with_priority(
                    "height",
                    &format!("{css_height}px"),
                    "important",
                );
                let viewport = Viewport {
                    width: (css_width * scale).round() as u32,
                    height: (css_height * scale).round() as u32,
                    scale,
                };
                d.canvas.set_width(viewport.width);
                d.canvas.set_height(viewport.height);
                view_layout(&s.model, d.kind, viewport, s.lang)
            };
            self.state.borrow_mut().layouts[k] = layout;
            self.draw_still(k);
            if !self.first_frame_marked.get() {
                mark(&self.window, "rankclimb:still-drawn");
            }
            // Resizing clears a canvas: draw now rather than show a blank frame.
            self.draw(k);
        }
        self.laid_out_for.set(self.figure_size());
        self.show_readout();
        self.request_frame();
    }

    fn inspect(&self, target: Option<(usize, usize)>) {
        let before = std::mem::replace(&mut self.state.borrow_mut().inspected, target);
        if let Some((k, _)) = before {
            if target.map(|t| t.0) != Some(k) {
                if let Some(d) = self.dom.surfaces.get(k) {
                    d.hide_tooltip();
                }
                self.draw(k);
            }
        }
        self.show_readout();
        if let Some((k, _)) = target {
            self.draw(k);
        }
    }

    /// Run each canvas's hover path once for its first item, out of sight: the readout's
    /// words, the tooltip (shown and hidden again before the browser can paint) and a redraw
    /// with the item inspected, then without. A reader's first hover otherwise pays for the
    /// first run of that code: 2–3 ms against about 1 ms for every later hover. The live
    /// region is not touched, so nothing is announced.
    fn warm_hover(&self) {
        if self.state.borrow().inspected.is_some() {
            return;
        }
        for (k, d) in self.dom.surfaces.iter().enumerate() {
            {
                let s = self.state.borrow();
                if let Some(text) = self.show_tooltip_of(&s, k, 0) {
                    let _ = text.announcement(s.lang);
                }
                if let Some(Some(layout)) = s.layouts.get(k) {
                    if let Some((x, y)) = layout.anchor_of(0) {
                        let _ = layout.item_at(f64::from(x), f64::from(y));
                    }
                }
                d.hide_tooltip();
            }
            self.state.borrow_mut().inspected = Some((k, 0));
            self.draw(k);
            self.state.borrow_mut().inspected = None;
            self.draw(k);
        }
    }

    fn show_readout(&self) {
        self.stage("rankclimb:readout", "rankclimb:readout-start", || {
            self.write_readout()
        });
    }

    fn write_readout(&self) {
        let s = self.state.borrow();
        let Some((k, i)) = s.inspected else {
            for d in &self.dom.surfaces {
                d.hide_tooltip();
            }
            return;
        };
        let Some(text) = self.show_tooltip_of(&s, k, i) else {
            return;
        };
        self.dom
            .live
            .set_text_content(Some(&text.announcement(s.lang)));
    }

    /// Show canvas `k`'s tooltip for item `i` at its anchor; the readout shown, if any.
    fn show_tooltip_of(&self, s: &State, k: usize, i: usize) -> Option<Readout> {
        let (Some(layout), d) = (s.layouts.get(k)?, self.dom.surfaces.get(k)?) else {
            return None;
        };
        let text = readout(&s.model, d.kind, i, s.lang)?;
        let (x, y) = layout.anchor_of(i)?;
        let scale = layout.viewport().scale;
        let width = f64::from(layout.viewport().width) / scale;
        d.show_tooltip(
            &self.document,
            &text,
            f64::from(x) / scale,
            f64::from(y) / scale,
            width,
        );
        Some(text)
    }

    fn item_at(&self, k: usize, e: &PointerEvent) -> Option<usize> {
        let s = self.state.borrow();
        let layout = s.layouts.get(k)?.as_ref()?;
        let scale = layout.viewport().scale;
        layout.item_at(
            f64::from(e.offset_x()) * scale,
            f64::from(e.offset_y()) * scale,
        )
    }

    fn on_key(&self, k: usize, e: &KeyboardEvent) {
        let (current, count) = {
            let s = self.state.borrow();
            let kind = self.dom.surfaces.get(k).map(|d| d.kind);
            let count = kind.map_or(0, |kind| item_count(&s.model, kind));
            (s.inspected.filter(|(c, _)| *c == k).map(|(_, i)| i), count)
        };
        if count == 0 {
            return;
        }
        let last = count - 1;
        let next = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => current.map_or(0, |i| (i + 1).min(last)),
            "ArrowLeft" | "ArrowUp" => current.map_or(last, |i| i.saturating_sub(1)),
            "Home" => 0,
            "End" => last,
            "Escape" => {
                e.prevent_default();
                self.inspect(None);
                return;
            }
            _ => return,
        };
        e.prevent_default();
        self.inspect(Some((k, next)));
    }

    fn attach_listeners(self: &Rc<Self>) {
        let mut ls = Vec::new();
        for (k, d) in self.dom.surfaces.iter().enumerate() {
            let target: &web_sys::EventTarget = d.canvas.as_ref();
            let on = |kind: &'static str, f: fn(&Instance, usize, Event)| {
                let weak: Weak<Instance> = Rc::downgrade(self);
                Listener::new(target, kind, move |e| {
                    if let Some(i) = panic_guard::enter(&weak) {
                        f(&i, k, e);
                    }
                })
            };
            ls.extend(on("pointermove", |i, k, e| {
                if let Some(p) = e.dyn_ref::<PointerEvent>() {
                    let target = i.item_at(k, p).map(|item| (k, item));
                    if target.is_some() && target != i.state.borrow().inspected {
                        i.inspect(target);
                    }
                }
            }));
            ls.extend(on("pointerdown", |i, k, e| {
                if let Some(p) = e.dyn_ref::<PointerEvent>() {
                    let target = i.item_at(k, p).map(|item| (k, item));
                    i.inspect(target);
                }
            }));
            ls.extend(on("pointerleave", |i, k, e| {
                let mouse = e
                    .dyn_ref::<PointerEvent>()
                    .is_some_and(|p| p.pointer_type() == "mouse");
                let here = i.state.borrow().inspected.is_some_and(|(c, _)| c == k);
                // `:focus` also holds inside a shadow root, where `document.activeElement`
                // names only the host.
                let focused = i.dom.surfaces[k].canvas.matches(":focus").unwrap_or(false);
                // A tapped readout stays until the next tap; a hovered one follows the mouse out.
                if mouse && here && !focused {
                    i.inspect(None);
                }
            }));
            ls.extend(on("keydown", |i, k, e| {
                if let Some(key) = e.dyn_ref::<KeyboardEvent>() {
                    i.on_key(k, key);
                }
            }));
        }
        let button = |target: &web_sys::HtmlElement, f: fn(&Instance)| {
            let weak: Weak<Instance> = Rc::downgrade(self);
            Listener::new(target.as_ref(), "click", move |_| {
                if let Some(i) = panic_guard::enter(&weak) {
                    f(&i);
                }
            })
        };
        ls.extend(button(&self.dom.replay_button, Instance::replay));
        ls.extend(button(&self.dom.table_button, |i| {
            if !i.tables_written.get() {
                i.write_tables();
            }
            i.dom.toggle_tables();
        }));
        // Print the final state, whatever moment the reader prints at.
        let weak = Rc::downgrade(self);
        ls.extend(Listener::new(
            self.window.as_ref(),
            "beforeprint",
            move |_| {
                if let Some(i) = panic_guard::enter(&weak) {
                    if !i.tables_written.get() {
                        i.write_tables();
                    }
                    i.state.borrow_mut().progress = 1.0;
                    for k in 0..i.dom.surfaces.len() {
                        i.draw(k);
                    }
                }
            },
        ));
        ls.extend(button(&self.dom.csv_button, |i| i.download_csv()));
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
