//! How motion eases in and out: shared by the rank chart's draw-in (through the entry clock)
//! and the panels' bars growing in, so both move alike.

use crate::numeric::Clamped;

/// Smooth start and stop, so the eye can follow the line into each year.
pub fn ease_in_out_cubic(t: f64) -> f64 {
    let t = t.clamped(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}
