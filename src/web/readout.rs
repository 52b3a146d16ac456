//! The readout of the inspected item: its tooltip beside the mark, and its sentence in the
//! live region for screen readers.

use super::dom::{css_px, el, SurfaceDom};
use super::state::{Instance, State};
use crate::describe::Readout;
use crate::interaction::Inspected;
use crate::view::ViewKind;
use crate::view::{item_count, readout, readout_position};
use web_sys::{CustomEvent, CustomEventInit, Document};

impl Instance {
    /// Inspect `target` (or nothing): redraw the canvases it leaves and enters, and say it.
    pub fn inspect(&self, target: Inspected) {
        let before = {
            let mut s = self.state.borrow_mut();
            if target.is_none() {
                s.peer = None;
            }
            std::mem::replace(&mut s.inspected, target)
        };
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

    /// Inspect `target` with the other place `peer` in focus beside the main one.
    pub fn focus_peer(&self, target: Inspected, peer: Option<usize>) {
        self.state.borrow_mut().peer = peer;
        self.inspect(target);
    }

    pub fn show_readout(&self) {
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
        if self.dom.surfaces.get(k).map(|d| d.kind) == Some(ViewKind::Rank) {
            if let Some(point) = s.model.ranking.points.get(i) {
                self.tell_host_year(point.year);
            }
        }
    }

    /// `rankclimb:year` on the chart's element, for the host page's code: the year inspected
    /// on the rank chart (by pointer, key or step), as `event.detail.year`.
    fn tell_host_year(&self, year: i32) {
        let detail = js_sys::Object::new();
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if js_sys::Reflect::set(&detail, &"year".into(), &year.into()).is_ok() {
            init.set_detail(&detail);
        }
        // A host without CustomEvent misses the event, never the chart.
        if let Ok(event) = CustomEvent::new_with_event_init_dict("rankclimb:year", &init) {
            let _told = self.dom.figure.dispatch_event(&event);
        }
    }

    /// Show canvas `k`'s tooltip for item `i` at its anchor; the readout shown, if any.
    fn show_tooltip_of(&self, s: &State, k: usize, i: usize) -> Option<Readout> {
        let (Some(layout), d) = (s.layouts.get(k)?, self.dom.surfaces.get(k)?) else {
            return None;
        };
        let text = readout(&s.model, d.kind, i, s.peer, s.lang)?;
        let scale = layout.viewport().scale;
        let css = |(x, y): (i32, i32)| (f64::from(x) / scale, f64::from(y) / scale);
        let anchor = css(layout.anchor_of(i)?);
        let marks: Vec<(f64, f64)> = (0..item_count(&s.model, d.kind))
            .filter_map(|j| layout.anchor_of(j))
            .chain(layout.also_clear_of(i, s.peer))
            .map(css)
            .collect();
        let v = layout.viewport();
        let stage = (f64::from(v.width) / scale, f64::from(v.height) / scale);
        d.show_tooltip(
            &self.document,
            &text,
            anchor,
            stage,
            &marks,
            self.narrow.get(),
        );
        Some(text)
    }

    /// Run each canvas's hover path once for its first item, out of sight: the readout's
    /// words, the tooltip (shown and hidden again before the browser can paint) and a redraw
    /// with the item inspected, then without. A reader's first hover otherwise pays for the
    /// first run of that code: 2–3 ms against about 1 ms for every later hover. The live
    /// region is not touched, so nothing is announced.
    pub fn warm_hover(&self) {
        if self.state.borrow().inspected.is_some() {
            return;
        }
        for (k, d) in self.dom.surfaces.iter().enumerate() {
            {
                let s = self.state.borrow();
                if let Some(text) = self.show_tooltip_of(&s, k, 0) {
                    let _warmed = text.announcement(s.lang);
                }
                if let Some(Some(layout)) = s.layouts.get(k) {
                    if let Some((x, y)) = layout.anchor_of(0) {
                        let _warmed = layout.item_at(f64::from(x), f64::from(y));
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
}

impl SurfaceDom {
    /// Show a readout for the mark at `anchor` (CSS px within the stage). Docked under the
    /// plot on a narrow chart; elsewhere floating beside the mark, clear of it and of the
    /// other marks in `marks`.
    pub fn show_tooltip(
        &self,
        doc: &Document,
        readout: &Readout,
        anchor: (f64, f64),
        stage: (f64, f64),
        marks: &[(f64, f64)],
        docked: bool,
    ) {
        let t = &self.tooltip;
        self.tooltip_heading
            .set_text_content(Some(&readout.heading));
        let mut lines = self.tooltip_lines.borrow_mut();
        while lines.len() < readout.lines.len() {
            let Ok(d) = el(doc, "div", "rankclimb-tooltip-line") else {
                break;
            };
            if t.append_child(&d).is_err() {
                break;
            }
            lines.push(d);
        }
        // The last line is styled as the source line (`:last-child`): drop any spare ones.
        let keep = readout.lines.len().min(lines.len());
        for spare in lines.drain(keep..) {
            spare.remove();
        }
        for (d, line) in lines.iter().zip(&readout.lines) {
            d.set_text_content(Some(line));
        }
        // A style the browser refuses leaves the readout where it was, still readable.
        let style = t.style();
        let _placed = style.remove_property("right");
        if docked {
            // The stylesheet docks it in the room kept under the plot.
            let _placed = style.remove_property("left");
            let _placed = style.remove_property("top");
            t.set_hidden(false);
            return;
        }
        t.set_hidden(false);
        let size = (f64::from(t.offset_width()), f64::from(t.offset_height()));
        let (left, top) = readout_position(anchor, size, stage, marks);
        let _placed = style.set_property("left", &css_px(left));
        let _placed = style.set_property("top", &css_px(top));
    }

    pub fn hide_tooltip(&self) {
        self.tooltip.set_hidden(true);
    }
}
