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
