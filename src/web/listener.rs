//! Owned browser callbacks: each one is removed or cancelled when dropped, so a chart that
//! is destroyed leaves nothing behind on the host page and nothing leaks with `forget()`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget, ResizeObserver, Window};

pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    pub fn new(
        target: &EventTarget,
        kind: &'static str,
        f: impl FnMut(Event) + 'static,
    ) -> Option<Listener> {
        let closure = Closure::<dyn FnMut(Event)>::new(f);
        target
            .add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())
            .ok()?;
        Some(Listener {
            target: target.clone(),
            kind,
            closure,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// One animation-frame callback, reused for every frame; at most one request is in flight.
pub struct FrameLoop {
    window: Window,
    closure: Closure<dyn FnMut(f64)>,
    pending: std::cell::Cell<Option<i32>>,
}

impl FrameLoop {
    pub fn new(window: Window, f: impl FnMut(f64) + 'static) -> FrameLoop {
        FrameLoop {
            window,
            closure: Closure::<dyn FnMut(f64)>::new(f),
            pending: Default::default(),
        }
    }

    pub fn request(&self) {
        if self.pending.get().is_none() {
            let id = self
                .window
                .request_animation_frame(self.closure.as_ref().unchecked_ref())
                .ok();
            self.pending.set(id);
        }
    }

    /// Called at the start of the callback: the request it answers is spent.
    pub fn mark_fired(&self) {
        self.pending.set(None);
    }
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        if let Some(id) = self.pending.take() {
            let _ = self.window.cancel_animation_frame(id);
        }
    }
}

pub struct Observer {
    observer: ResizeObserver,
    _closure: Closure<dyn FnMut(js_sys::Array)>,
}

impl Observer {
    pub fn new(
        target: &web_sys::Element,
        f: impl FnMut(js_sys::Array) + 'static,
    ) -> Option<Observer> {
        let closure = Closure::<dyn FnMut(js_sys::Array)>::new(f);
        let observer = ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
        observer.observe(target);
        Some(Observer {
            observer,
            _closure: closure,
        })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Tells whether an element is on screen, through an IntersectionObserver.
pub struct Visibility {
    observer: web_sys::IntersectionObserver,
    _closure: Closure<dyn FnMut(js_sys::Array)>,
}

impl Visibility {
    pub fn new(target: &web_sys::Element, mut f: impl FnMut(bool) + 'static) -> Option<Visibility> {
        let closure = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let last = entries.get(entries.length().saturating_sub(1));
            if let Ok(entry) = last.dyn_into::<web_sys::IntersectionObserverEntry>() {
                f(entry.is_intersecting());
            }
        });
        let observer = web_sys::IntersectionObserver::new(closure.as_ref().unchecked_ref()).ok()?;
        observer.observe(target);
        Some(Visibility {
            observer,
            _closure: closure,
        })
    }
}

impl Drop for Visibility {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A callback run once when the page is next idle (or soon after, where the browser has no
/// `requestIdleCallback`); cancelled if dropped first.
pub struct WhenIdle {
    window: Window,
    id: Option<u32>,
    idle: bool,
    _closure: Closure<dyn FnMut()>,
}

impl WhenIdle {
    pub fn new(window: &Window, f: impl FnMut() + 'static) -> WhenIdle {
        let closure = Closure::<dyn FnMut()>::new(f);
        let callback = closure.as_ref().unchecked_ref();
        let idle = js_sys::Reflect::has(window, &"requestIdleCallback".into()).unwrap_or(false);
        let id = if idle {
            window.request_idle_callback(callback).ok()
        } else {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(callback, 100)
                .ok()
                .and_then(|id| u32::try_from(id).ok())
        };
        WhenIdle {
            window: window.clone(),
            id,
            idle,
            _closure: closure,
        }
    }
}

impl Drop for WhenIdle {
    fn drop(&mut self) {
        match (self.id, self.idle) {
            (Some(id), true) => self.window.cancel_idle_callback(id),
            (Some(id), false) => self.window.clear_timeout_with_handle(id as i32),
            (None, _) => {}
        }
    }
}
