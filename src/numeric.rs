//! Numbers kept within bounds without a panic path: `f64::clamp` asserts its bounds with a
//! message that prints them, which links core's float formatting (some 20 KB) into the
//! reader's wasm; the bounds here are constants or already ordered.

/// `clamped(lo, hi)`: the value, or the nearer bound outside them; `lo` for NaN.
pub trait Clamped {
    fn clamped(self, lo: f64, hi: f64) -> f64;
}

impl Clamped for f64 {
    fn clamped(self, lo: f64, hi: f64) -> f64 {
        self.max(lo).min(hi)
    }
}

#[cfg(test)]
mod tests {
    use super::Clamped;

    #[test]
    fn a_value_is_kept_within_its_bounds() {
        assert_eq!(0.5.clamped(0.0, 1.0), 0.5);
        assert_eq!((-2.0).clamped(0.0, 1.0), 0.0);
        assert_eq!(7.0.clamped(0.0, 1.0), 1.0);
        assert_eq!(f64::NAN.clamped(0.0, 1.0), 0.0);
    }
}
