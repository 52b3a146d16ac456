//! The entry animation as a pure function of time, and the clock that drives it, so both
//! can be tested without a browser and a frame can be drawn for any moment (replay, reduced
//! motion, print).

use crate::numeric::Clamped;

/// How long the line takes to draw in, start to finish.
pub const ENTRY_MS: f64 = 1800.0;

pub use crate::drawing::ease_in_out_cubic;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timeline {
    /// Number of steps from the first year to the last.
    pub steps: usize,
    pub duration_ms: f64,
}

impl Timeline {
    pub fn new(years: usize) -> Timeline {
        Timeline {
            steps: years.saturating_sub(1),
            duration_ms: ENTRY_MS,
        }
    }

    /// How far the line has drawn at `elapsed_ms`, in years from the first:
    /// 0.0 shows only the first year, `steps` shows the whole climb.
    pub fn reveal_at(&self, elapsed_ms: f64) -> f64 {
        self.progress_at(elapsed_ms) * self.steps as f64
    }

    /// How far the whole entry has come at `elapsed_ms`, eased, from 0 to 1; the panels
    /// follow this so they arrive in step with the rank line.
    pub fn progress_at(&self, elapsed_ms: f64) -> f64 {
        if !elapsed_ms.is_finite() || self.duration_ms <= 0.0 {
            return 1.0;
        }
        ease_in_out_cubic(elapsed_ms / self.duration_ms)
    }

    /// A clock that reads NaN counts as finished, so a broken clock never animates forever.
    pub fn is_finished(&self, elapsed_ms: f64) -> bool {
        elapsed_ms >= self.duration_ms || elapsed_ms.is_nan()
    }

    /// The final state, shown at once with reduced motion, in print and in static images.
    pub fn end(&self) -> f64 {
        self.steps as f64
    }
}

/// The entry animation's clock: how far the entry has come, and whether it may run. Time
/// passes only while the chart is on screen and not held, so a reader who scrolls to the
/// chart late still sees the whole entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    pub timeline: Timeline,
    /// Entry progress from 0 to 1, shared by every canvas.
    pub progress: f64,
    /// Animation time so far.
    pub elapsed: f64,
    pub last_frame: Option<f64>,
    /// On screen: the entry starts the first time it is.
    pub visible: bool,
    /// Held at a year by `goToYear`, for scroll-driven stories.
    pub held: bool,
}

/// Longest step one frame may take: after a stall (a busy page, a background tab) the line
/// moves on by one frame's worth rather than jumping to its end.
pub const MAX_FRAME_MS: f64 = 100.0;

impl Clock {
    /// A clock for `years` evaluations; with reduced motion the entry starts finished.
    pub fn new(years: usize, reduced_motion: bool) -> Clock {
        Clock {
            timeline: Timeline::new(years),
            progress: if reduced_motion { 1.0 } else { 0.0 },
            elapsed: 0.0,
            last_frame: None,
            visible: false,
            held: false,
        }
    }

    /// One animation frame at time `now` (ms); `attached` says whether the chart is still on
    /// the page. Returns whether another frame is needed.
    pub fn tick(&mut self, now: f64, attached: bool) -> bool {
        let running = self.progress < 1.0 && !self.held && self.visible && attached;
        if running {
            let delta = self
                .last_frame
                .map_or(0.0, |t| (now - t).clamped(0.0, MAX_FRAME_MS));
            self.elapsed += delta;
            self.last_frame = Some(now);
            self.progress = self.timeline.progress_at(self.elapsed);
        } else {
            // Time spent off screen or in a hidden tab (no frames come) is not counted.
            self.last_frame = None;
        }
        running && self.progress < 1.0
    }

    /// Start the entry again from the first year.
    pub fn replay(&mut self) {
        self.elapsed = 0.0;
        self.last_frame = None;
        self.held = false;
        self.progress = 0.0;
    }

    /// Show the climb drawn up to year `index` of `count` and hold it there.
    pub fn hold_at(&mut self, index: usize, count: usize) {
        let steps = count.saturating_sub(1).max(1) as f64;
        self.progress = (index as f64 / steps).min(1.0);
        self.held = true;
    }

    /// Jump to the final state, as printed.
    pub fn finish(&mut self) {
        self.progress = 1.0;
    }

    /// For measurements that draw frames back to back: an entry that has ended starts over
    /// at `now`, and the clock runs whether or not the chart is on screen.
    pub fn rerun_at(&mut self, now: f64) {
        self.visible = true;
        self.held = false;
        if self.progress >= 1.0 {
            self.progress = 0.0;
            self.elapsed = 0.0;
            self.last_frame = Some(now);
        }
    }
}
