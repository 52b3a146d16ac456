//! The entry animation as a pure function of time, so it can be tested without a browser
//! and so a frame can be drawn for any moment (replay, reduced motion, print).

/// How long the line takes to draw in, start to finish.
pub const ENTRY_MS: f64 = 1800.0;

/// Smooth start and stop, so the eye can follow the line into each year.
pub fn ease_in_out_cubic(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

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
