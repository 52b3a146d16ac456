//! Mounting a chart into its container: parse and check the data, build the DOM, register
//! every callback, and lay out and draw the first frame; and the words written into the
//! DOM, again on each language switch.

use super::callbacks::{Callback, Hook, Kind};
use super::dom::{show_error, Dom};
use super::host::{mark, pick_theme, report};
use super::input;
use super::panic_guard;
use super::state::{Instance, State};
use crate::check::{validate, DataError};
use crate::data::DataFile;
use crate::describe::{panel_summary, summary, table::tables};
use crate::figure_markup::figure;
use crate::interaction::clock::Clock;
use crate::phrasebook::controls::{data_error_heading, dom_error_heading};
use crate::phrasebook::Lang;
use crate::view::{views, ViewKind};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Options {
    lang: Option<String>,
    #[serde(default)]
    reduced_motion: bool,
    /// "rank" shows the rank chart alone, without the indicator panels.
    view: Option<String>,
    /// The host page's language, for a message shown before the data file's is known.
    page_lang: Option<String>,
}

/// Mount an infographic into `container` from the data file (its text, or the parsed
/// object); a bad file or a refused step is said in the container.
pub fn mount(
    container: &Element,
    data: JsValue,
    options: JsValue,
) -> Result<Rc<Instance>, JsError> {
    let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsError::new("no document"))?;
    mark(&window, "rankclimb:mount");
    let options: Options = serde_wasm_bindgen::from_value(options).unwrap_or_default();
    let asked = options.lang.as_deref().and_then(Lang::from_tag);
    // The data file as the browser's own JSON parser read it (the loader passes the parsed
    // object; text is parsed here the same way): the reader's wasm carries no JSON parser.
    let data = match data.as_string() {
        Some(text) => js_sys::JSON::parse(&text).map_err(|e| {
            let why = e
                .dyn_ref::<js_sys::Error>()
                .map_or_else(String::new, |e| String::from(e.message()));
            DataError::Shape {
                path: String::new(),
                message: format!("not valid JSON: {why}"),
            }
        }),
        None => Ok(data),
    };
    let parsed = data
        .and_then(|data| {
            serde_wasm_bindgen::from_value::<DataFile>(data).map_err(|e| DataError::Shape {
                path: String::new(),
                message: e.to_string(),
            })
        })
        .and_then(validate);
    mark(&window, "rankclimb:parsed");
    let model = match parsed {
        Ok(m) => m,
        Err(e) => {
            let page = options.page_lang.as_deref().and_then(Lang::from_tag);
            let heading = data_error_heading(asked.or(page).unwrap_or_default());
            show_error(&document, container, heading, &e.lines());
            return Err(JsError::new(&e.to_string()));
        }
    };
    let lang = asked.unwrap_or(model.language);
    let (theme, theme_name) = pick_theme(&window, container);
    let mut kinds = views(&model);
    if options.view.as_deref() == Some("rank") {
        kinds.truncate(1);
    }
    let description = figure(&model, lang, &kinds, &|_| None);
    let dom = match Dom::adopt_or_build(&document, container, &description, &kinds) {
        Ok(dom) => dom,
        Err(e) => {
            show_error(
                &document,
                container,
                dom_error_heading(lang),
                &[e.to_string()],
            );
            return Err(JsError::new(&e.to_string()));
        }
    };
    let state = State {
        lang,
        theme,
        clock: Clock::new(model.ranking.points.len(), options.reduced_motion),
        layouts: vec![None; kinds.len()],
        inspected: None,
        peer: None,
        press: Default::default(),
        model,
    };
    panic_guard::install();
    let instance = Rc::new(Instance::new(window, document, dom, state));
    let stop = |e: &dyn std::fmt::Display| {
        instance.release_callbacks();
        show_error(
            &instance.document,
            container,
            dom_error_heading(lang),
            &[e.to_string()],
        );
        JsError::new(&e.to_string())
    };
    if let Err(e) = instance.dom.figure.set_attribute("data-theme", theme_name) {
        report(format!("marking the theme: {e:?}"));
    }
    instance.write_texts();
    mark(&instance.window, "rankclimb:dom-built");
    register(&instance).map_err(|e| stop(&e))?;
    instance.relayout();
    Ok(instance)
}

/// Every callback the chart needs besides the reader's input: frames, resizes, scrolling
/// into view, and the work left for when the page is idle.
fn register(instance: &Rc<Instance>) -> Result<(), super::callbacks::RegisterError> {
    *instance.frames.borrow_mut() = Some(Callback::register(
        instance,
        Kind::Frame,
        Hook::Frame,
        |i, now| i.on_frame(now.as_f64().unwrap_or(0.0)),
    )?);
    let mut callbacks = input::attach(instance)?;
    callbacks.push(Callback::register(
        instance,
        Kind::Resize,
        Hook::Resize(&instance.dom.figure),
        |i, _| {
            if i.laid_out_for.get() != i.figure_size() {
                i.relayout();
            }
        },
    )?);
    match Callback::register(
        instance,
        Kind::Visibility,
        Hook::Visibility(&instance.dom.figure),
        |i, entries| {
            let entries: js_sys::Array = entries.unchecked_into();
            let last = entries.get(entries.length().saturating_sub(1));
            if let Ok(entry) = last.dyn_into::<web_sys::IntersectionObserverEntry>() {
                let visible = entry.is_intersecting();
                i.state.borrow_mut().clock.visible = visible;
                if visible {
                    i.request_frame();
                } else {
                    // Scrolled away: a readout left open would greet the reader's return.
                    i.scrolled_away();
                }
            }
        },
    ) {
        Ok(c) => callbacks.push(c),
        // No IntersectionObserver: play at once.
        Err(_) => instance.state.borrow_mut().clock.visible = true,
    }
    // A reader who turns forced colours or dark mode on or off gets the chart redrawn in
    // the new palette.
    for query in ["(forced-colors: active)", "(prefers-color-scheme: dark)"] {
        if let Ok(Some(list)) = instance.window.match_media(query) {
            callbacks.push(Callback::register(
                instance,
                Kind::Resize,
                Hook::Event(list.as_ref(), "change"),
                |i, _| i.repick_theme(),
            )?);
        }
    }
    *instance.callbacks.borrow_mut() = callbacks;
    *instance.tables_later.borrow_mut() = Some(Callback::register(
        instance,
        Kind::Idle,
        Hook::Idle,
        |i, _| {
            if !i.tables_written.get() {
                i.write_tables();
            }
        },
    )?);
    schedule_warm_hover(instance)
}

/// Run the hover path once when the page is next idle (see `warm_hover`).
pub fn schedule_warm_hover(instance: &Rc<Instance>) -> Result<(), super::callbacks::RegisterError> {
    *instance.hover_warmup.borrow_mut() = Some(Callback::register(
        instance,
        Kind::Idle,
        Hook::Idle,
        |i, _| i.warm_hover(),
    )?);
    Ok(())
}

impl Instance {
    pub fn write_texts(&self) {
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
        if let Err(e) = self
            .dom
            .write_texts(&self.document, &s.model, s.lang, &labels)
        {
            report(e);
        }
    }

    pub fn write_tables(&self) {
        self.tables_written.set(true);
        let s = self.state.borrow();
        if let Err(e) = self
            .dom
            .write_tables(&self.document, &tables(&s.model, s.lang))
        {
            report(e);
        }
    }

    /// Choose the palette again (the reader's colour settings changed) and redraw.
    pub fn repick_theme(&self) {
        let Some(container) = self.dom.figure.parent_element() else {
            return;
        };
        let (theme, name) = pick_theme(&self.window, &container);
        if let Err(e) = self.dom.figure.set_attribute("data-theme", name) {
            report(format!("marking the theme: {e:?}"));
        }
        self.state.borrow_mut().theme = theme;
        self.relayout();
    }

    /// The host asked for a palette (`data-theme`), or for the reader's own (`None`).
    pub fn set_theme(&self, name: Option<&str>) {
        if let Some(container) = self.dom.figure.parent_element() {
            let marked = match name.filter(|n| matches!(*n, "dark" | "light")) {
                Some(n) => container.set_attribute("data-theme", n),
                None => container.remove_attribute("data-theme"),
            };
            if let Err(e) = marked {
                report(format!("marking the theme: {e:?}"));
            }
        }
        self.repick_theme();
    }

    pub fn set_lang(&self, lang: Lang) {
        self.state.borrow_mut().lang = lang;
        self.write_texts();
        self.write_tables();
        self.relayout();
    }
}
