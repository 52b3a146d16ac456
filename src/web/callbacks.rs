//! The one way a chart registers a browser callback. [`Callback::register`] wraps the
//! handler so that it runs only while the chart is alive, inside the panic guard, and
//! returns a handle that owns the closure: dropping it removes the listener, disconnects
//! the observer or cancels the frame or idle request, so a destroyed chart leaves nothing
//! behind and nothing leaks through `forget()`.

use super::panic_guard::{self, Guarded};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, EventTarget, IntersectionObserver, ResizeObserver, Window};

/// What kind of callback a handler is: each can be made to panic on purpose
/// (`debugPanicIn`), to test that a panic in any of them stops only its chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pointer,
    Key,
    Button,
    Language,
    Print,
    Resize,
    Visibility,
    Frame,
    Idle,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Pointer,
        Kind::Key,
        Kind::Button,
        Kind::Language,
        Kind::Print,
        Kind::Resize,
        Kind::Visibility,
        Kind::Frame,
        Kind::Idle,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Pointer => "pointer",
            Kind::Key => "key",
            Kind::Button => "button",
            Kind::Language => "language",
            Kind::Print => "print",
            Kind::Resize => "resize",
            Kind::Visibility => "visibility",
            Kind::Frame => "frame",
            Kind::Idle => "idle",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A chart that callbacks can be registered for.
pub trait Host: Guarded {
    fn window(&self) -> &Window;
    /// The kind of callback a test asked to panic in, if any.
    fn panic_armed(&self) -> Option<Kind>;
}

/// Where the browser calls the handler from.
pub enum Hook<'a> {
    /// `addEventListener(name)` on a target.
    Event(&'a EventTarget, &'static str),
    /// A ResizeObserver on an element; the handler gets the entries.
    Resize(&'a Element),
    /// An IntersectionObserver on an element; the handler gets the entries.
    Visibility(&'a Element),
    /// `requestAnimationFrame`, asked for with [`Callback::request_frame`]; the handler
    /// gets the frame's time.
    Frame,
    /// Once when the page is next idle (or soon, without `requestIdleCallback`).
    Idle,
}

enum Registration {
    Event {
        target: EventTarget,
        name: &'static str,
    },
    Resize(ResizeObserver),
    Visibility(IntersectionObserver),
    Frame(Cell<Option<i32>>),
    Idle {
        id: Option<i32>,
        idle: bool,
    },
}

/// What a callback does for its chart, given what the browser passed it.
type Handler<C> = Box<dyn Fn(&C, JsValue)>;

/// A registered callback; dropping it unregisters it.
pub struct Callback {
    window: Window,
    registration: Registration,
    closure: Closure<dyn FnMut(JsValue)>,
}

/// Why a callback could not be registered.
#[derive(Debug, thiserror::Error)]
#[error("could not register the {kind} callback: {detail}")]
pub struct RegisterError {
    kind: &'static str,
    detail: String,
}

impl Callback {
    /// Register `handler` for `chart` at `hook`. The handler runs only while the chart is
    /// alive, and a panic inside it stops only this chart.
    pub fn register<C: Host + 'static>(
        chart: &Rc<C>,
        kind: Kind,
        hook: Hook,
        handler: impl Fn(&C, JsValue) + 'static,
    ) -> Result<Callback, RegisterError> {
        // One copy of the registration for every handler, not one per handler: the
        // handlers differ only in what they call.
        Callback::register_boxed(chart, kind, hook, Box::new(handler))
    }

    fn register_boxed<C: Host + 'static>(
        chart: &Rc<C>,
        kind: Kind,
        hook: Hook,
        handler: Handler<C>,
    ) -> Result<Callback, RegisterError> {
        let weak = Rc::downgrade(chart);
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |arg: JsValue| {
            if let Some(c) = panic_guard::enter(&weak) {
                if c.panic_armed() == Some(kind) {
                    panic!("debugPanicIn(\"{}\") was called", kind.name());
                }
                handler(&c, arg);
            }
        });
        let window = chart.window().clone();
        let failed = |e: JsValue| RegisterError {
            kind: kind.name(),
            detail: e.as_string().unwrap_or_else(|| format!("{e:?}")),
        };
        let f: &js_sys::Function = closure.as_ref().unchecked_ref();
        let registration = match hook {
            Hook::Event(target, name) => {
                target
                    .add_event_listener_with_callback(name, f)
                    .map_err(failed)?;
                Registration::Event {
                    target: target.clone(),
                    name,
                }
            }
            Hook::Resize(element) => {
                let observer = ResizeObserver::new(f).map_err(failed)?;
                observer.observe(element);
                Registration::Resize(observer)
            }
            Hook::Visibility(element) => {
                let observer = IntersectionObserver::new(f).map_err(failed)?;
                observer.observe(element);
                Registration::Visibility(observer)
            }
            Hook::Frame => Registration::Frame(Cell::new(None)),
            Hook::Idle => {
                let idle =
                    js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
                let id = if idle {
                    window
                        .request_idle_callback(f)
                        .map_err(failed)
                        .map(|id| id as i32)?
                } else {
                    window
                        .set_timeout_with_callback_and_timeout_and_arguments_0(f, 100)
                        .map_err(failed)?
                };
                Registration::Idle { id: Some(id), idle }
            }
        };
        Ok(Callback {
            window,
            registration,
            closure,
        })
    }

    /// Ask for the next animation frame, unless one is already asked for: at most one
    /// request is in flight.
    pub fn request_frame(&self) {
        if let Registration::Frame(pending) = &self.registration {
            if pending.get().is_none() {
                let id = self
                    .window
                    .request_animation_frame(self.closure.as_ref().unchecked_ref())
                    .ok();
                pending.set(id);
            }
        }
    }

    /// Called at the start of the frame handler: the request it answers is spent.
    pub fn frame_fired(&self) {
        if let Registration::Frame(pending) = &self.registration {
            pending.set(None);
        }
    }
}

impl Drop for Callback {
    fn drop(&mut self) {
        let f: &js_sys::Function = self.closure.as_ref().unchecked_ref();
        match &self.registration {
            Registration::Event { target, name } => {
                let _removed = target.remove_event_listener_with_callback(name, f);
            }
            Registration::Resize(observer) => observer.disconnect(),
            Registration::Visibility(observer) => observer.disconnect(),
            Registration::Frame(pending) => {
                if let Some(id) = pending.take() {
                    let _cancelled = self.window.cancel_animation_frame(id);
                }
            }
            Registration::Idle { id: Some(id), idle } => {
                if *idle {
                    self.window.cancel_idle_callback(*id as u32);
                } else {
                    self.window.clear_timeout_with_handle(*id);
                }
            }
            Registration::Idle { id: None, .. } => {}
        }
    }
}
