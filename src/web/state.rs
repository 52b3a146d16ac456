//! One chart's state: what it shows, how far its entry has come, what is inspected, and
//! the browser resources it owns.

use super::callbacks::{Callback, Host, Kind};
use super::dom::{show_error, Dom};
use super::panic_guard::Guarded;
use crate::drawing::Theme;
use crate::interaction::clock::Clock;
use crate::interaction::pointer::Press;
use crate::interaction::Inspected;
use crate::model::Model;
use crate::phrasebook::controls::internal_error_heading;
use crate::phrasebook::Lang;
use crate::view::ViewLayout;
use std::cell::{Cell, RefCell};
use web_sys::{Document, Window};

/// What a chart shows and where its reader is.
pub struct State {
    pub model: Model,
    pub lang: Lang,
    pub theme: Theme,
    pub clock: Clock,
    pub layouts: Vec<Option<ViewLayout>>,
    pub inspected: Inspected,
    /// The other place in focus on the rank chart, while a year is inspected there.
    pub peer: Option<usize>,
    /// What a finger or pen pressed, while it is down.
    pub press: Press,
}

/// One mounted chart: its DOM, its state, and every callback it registered.
pub struct Instance {
    pub first_frame_marked: Cell<bool>,
    /// While on, each drawing stage leaves a `performance.measure` entry (see `stage`).
    pub profiling: Cell<bool>,
    /// Set by the panic hook: this chart stopped; every later callback returns at once.
    pub dead: Cell<bool>,
    /// A kind of callback asked to panic (`debugPanicIn`), for the tests.
    pub panic_armed: Cell<Option<Kind>>,
    pub window: Window,
    pub document: Document,
    pub dom: Dom,
    pub state: RefCell<State>,
    /// The animation frame callback; at most one request is in flight.
    pub frames: RefCell<Option<Callback>>,
    /// Event listeners and observers, removed when dropped.
    pub callbacks: RefCell<Vec<Callback>>,
    /// The data tables are built once the first frame is on screen: their DOM and text
    /// layout took about as long as the rest of the first frame together.
    pub tables_later: RefCell<Option<Callback>>,
    pub tables_written: Cell<bool>,
    /// Runs the hover path once out of sight when the page is idle (see `warm_hover`).
    pub hover_warmup: RefCell<Option<Callback>>,
    /// The figure's width in CSS px and the pixel ratio the canvases were last laid out
    /// for. The ResizeObserver reports every element once when it starts watching, right
    /// after the mount has laid everything out: that report, and any other that changes
    /// neither, would redraw the same picture (7–25 ms of main thread).
    pub laid_out_for: Cell<(i32, f64)>,
    /// The figure is narrower than `figure_markup::NARROW_BELOW_CSS_PX`: a floating readout
    /// would cover the chart it describes, so it docks under the plot.
    pub narrow: Cell<bool>,
}

impl Instance {
    pub fn new(window: Window, document: Document, dom: Dom, state: State) -> Instance {
        Instance {
            first_frame_marked: Default::default(),
            profiling: Default::default(),
            dead: Default::default(),
            panic_armed: Default::default(),
            window,
            document,
            dom,
            state: RefCell::new(state),
            frames: Default::default(),
            callbacks: Default::default(),
            tables_later: Default::default(),
            tables_written: Default::default(),
            hover_warmup: Default::default(),
            laid_out_for: Default::default(),
            narrow: Default::default(),
        }
    }

    /// Let go of every callback, so nothing of this chart runs again.
    pub fn release_callbacks(&self) {
        self.callbacks.borrow_mut().clear();
        self.frames.borrow_mut().take();
        self.tables_later.borrow_mut().take();
        self.hover_warmup.borrow_mut().take();
    }
}

impl Guarded for Instance {
    fn is_dead(&self) -> bool {
        self.dead.get()
    }

    fn stop(&self, message: &str) {
        self.dead.set(true);
        if let Some(container) = self.dom.figure.parent_element() {
            // The language the chart was showing; the state may be borrowed mid-panic.
            let lang = self
                .dom
                .figure
                .get_attribute("lang")
                .and_then(|t| Lang::from_tag(&t))
                .unwrap_or_default();
            show_error(
                &self.document,
                &container,
                internal_error_heading(lang),
                &[message.to_string()],
            );
        }
    }
}

impl Host for Instance {
    fn window(&self) -> &Window {
        &self.window
    }

    fn panic_armed(&self) -> Option<Kind> {
        self.panic_armed.get()
    }
}
