//! A panic stops only the chart it happened in. Every browser callback enters its chart
//! through [`enter`]; the panic hook finds the chart entered last, marks it stopped and puts
//! a message where it was. Every callback of a stopped chart returns at once, so the other
//! charts on the page, which share the trapped module, carry on.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A chart the guard can stop.
pub trait Guarded {
    /// Whether the chart has stopped after a panic.
    fn is_dead(&self) -> bool;
    /// Stop the chart after a panic with `message`, and say so where it was.
    fn stop(&self, message: &str);
}

thread_local! {
    static CURRENT: RefCell<Option<Weak<dyn Guarded>>> = const { RefCell::new(None) };
}

/// A chart's callback in progress; a panic until it is dropped belongs to that chart.
pub struct Entered<C>(Rc<C>);

impl<C> std::ops::Deref for Entered<C> {
    type Target = C;
    fn deref(&self) -> &C {
        &self.0
    }
}

impl<C> Drop for Entered<C> {
    fn drop(&mut self) {
        CURRENT.with(|c| c.borrow_mut().take());
    }
}

/// Enter a chart's callback: `None` if the chart is gone or stopped.
pub fn enter<C: Guarded + 'static>(weak: &Weak<C>) -> Option<Entered<C>> {
    let chart = weak.upgrade().filter(|c| !c.is_dead())?;
    let weak: Weak<dyn Guarded> = weak.clone();
    CURRENT.with(|c| *c.borrow_mut() = Some(weak));
    Some(Entered(chart))
}

/// Install the hook once per module: it logs the panic and stops the chart entered.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = info.to_string();
            web_sys::console::error_1(&format!("rankclimb: {message}").into());
            let chart = CURRENT.with(|c| {
                c.try_borrow()
                    .ok()
                    .and_then(|c| c.as_ref().and_then(Weak::upgrade))
            });
            if let Some(chart) = chart {
                chart.stop(&message);
            }
        }));
    });
}
