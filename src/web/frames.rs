//! The frame loop and compositing: each canvas is its still layer (drawn once per layout),
//! the part of its swept layer the line has passed, and what moves, drawn over them.

use super::dom::css_px;
use super::host::{mark, report};
use super::state::Instance;
use crate::drawing::{Layer, Viewport};
use crate::figure_markup::NARROW_BELOW_CSS_PX;
use crate::numeric::Clamped;
use crate::view::{
    area_from, draw_view, swept_bounds, swept_x, view_css_height, view_layout, Focus, ViewLayout,
};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
}

impl Instance {
    pub fn request_frame(&self) {
        if let Some(f) = self.frames.borrow().as_ref() {
            f.request_frame();
        }
    }

    /// Run `f`, leaving a `performance.measure` entry `name` around it while profiling.
    /// The start goes in as a mark of its own name, so stages can nest.
    pub fn stage<T>(&self, name: &str, start: &str, f: impl FnOnce() -> T) -> T {
        let perf = self
            .profiling
            .get()
            .then(|| self.window.performance())
            .flatten();
        if let Some(p) = &perf {
            let _unmarked = p.mark(start);
        }
        let out = f();
        if let Some(p) = &perf {
            let _unmeasured = p.measure_with_start_mark(name, start);
        }
        out
    }

    /// The frame callback: advance the clock and draw every canvas.
    pub fn on_frame(&self, now: f64) {
        self.stage("rankclimb:frame", "rankclimb:frame-start", || {
            self.advance_frame(now)
        });
    }

    fn advance_frame(&self, now: f64) {
        if let Some(f) = self.frames.borrow().as_ref() {
            f.frame_fired();
        }
        let attached = self.dom.figure.is_connected();
        let animating = self.state.borrow_mut().clock.tick(now, attached);
        self.draw_all();
        if animating {
            self.request_frame();
        }
    }

    /// Start the entry animation again from the first year.
    pub fn replay(&self) {
        self.state.borrow_mut().clock.replay();
        self.request_frame();
    }

    pub fn draw_all(&self) {
        for k in 0..self.dom.surfaces.len() {
            self.draw(k);
        }
    }

    /// Draw canvas `k`: copy its still layer, then draw what moves over it.
    pub fn draw(&self, k: usize) {
        let s = self.state.borrow();
        let (Some(Some(layout)), Some(d)) = (s.layouts.get(k), self.dom.surfaces.get(k)) else {
            return;
        };
        let Some(backend) = CanvasBackend::with_canvas_object(d.canvas.clone()) else {
            return;
        };
        let progress = s.clock.progress;
        self.stage("rankclimb:copy-still", "rankclimb:copy-still-start", || {
            let Some(ctx) = context(&d.canvas) else {
                return;
            };
            if let Err(e) = ctx.draw_image_with_html_canvas_element(&d.still, 0.0, 0.0) {
                report(format!("copying the still layer: {e:?}"));
            }
            // The swept canvas holds only the box of the swept marks: copy the part of
            // that box left of the line's tip to where the box sits on the chart.
            if let (Some(x), Some((left, top, right, _))) =
                (swept_x(layout, progress), swept_bounds(layout))
            {
                let width = f64::from(x.min(right) - left);
                let height = f64::from(d.swept.height());
                if width > 0.0 && height > 0.0 {
                    let (left, top) = (f64::from(left), f64::from(top));
                    if let Err(e) = ctx
                        .draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                            &d.swept, 0.0, 0.0, width, height, left, top, width, height,
                        )
                    {
                        report(format!("copying the swept layer: {e:?}"));
                    }
                }
            }
        });
        let root = backend.into_drawing_area();
        let item = s.inspected.filter(|(c, _)| *c == k).map(|(_, i)| i);
        let focus = Focus {
            item,
            peer: item.and(s.peer),
        };
        let drawn = self.stage("rankclimb:moving", "rankclimb:moving-start", || {
            draw_view(
                &root,
                &s.model,
                layout,
                progress,
                focus,
                s.lang,
                &s.theme,
                Layer::Moving,
            )
        });
        if drawn.is_ok() {
            if let Err(e) = d.show_canvas() {
                report(e);
            }
        }
        match drawn {
            Err(e) => report(e),
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
        let paint = |canvas: &HtmlCanvasElement,
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
                &root,
                &s.model,
                layout,
                s.clock.progress,
                None,
                s.lang,
                &s.theme,
                layer,
            ) {
                report(e);
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
    pub fn figure_size(&self) -> (i32, f64) {
        (
            self.dom.figure.client_width(),
            self.window.device_pixel_ratio(),
        )
    }

    /// Size every canvas to its stage and lay it out again, then draw it.
    pub fn relayout(&self) {
        let scale = self.window.device_pixel_ratio().clamped(0.5, 4.0);
        // Narrow charts dock their readout under each plot (the stylesheet makes the room by
        // a container query on the same width).
        self.narrow
            .set(f64::from(self.dom.figure.client_width()) < NARROW_BELOW_CSS_PX);
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
                for (name, value) in [("width", css_width), ("height", css_height)] {
                    if let Err(e) =
                        style.set_property_with_priority(name, &css_px(value), "important")
                    {
                        report(format!("sizing the canvas: {e:?}"));
                    }
                }
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
        // Where the rank chart draws numbered markers, their words show under it.
        let markers = matches!(
            self.state.borrow().layouts.first(),
            Some(Some(ViewLayout::Rank(l))) if l.annotations.uses_markers()
        );
        if let Err(e) = self
            .dom
            .figure
            .class_list()
            .toggle_with_force("rankclimb-markers", markers)
        {
            report(format!("showing the callouts' notes: {e:?}"));
        }
        self.laid_out_for.set(self.figure_size());
        self.show_readout();
        self.request_frame();
    }
}
