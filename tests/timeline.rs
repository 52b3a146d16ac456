//! The entry animation as a function of time.

use rankclimb::interaction::clock::{ease_in_out_cubic, Timeline, ENTRY_MS};

#[test]
fn easing_starts_slow_ends_slow_and_stays_in_range() {
    assert_eq!(ease_in_out_cubic(0.0), 0.0);
    assert_eq!(ease_in_out_cubic(1.0), 1.0);
    assert_eq!(ease_in_out_cubic(0.5), 0.5);
    assert!(ease_in_out_cubic(0.1) < 0.1 && ease_in_out_cubic(0.9) > 0.9);
    assert_eq!(ease_in_out_cubic(-3.0), 0.0);
    assert_eq!(ease_in_out_cubic(7.0), 1.0);
    let mut last = 0.0;
    for i in 0..=100 {
        let v = ease_in_out_cubic(i as f64 / 100.0);
        assert!(v >= last, "monotonic");
        last = v;
    }
}

#[test]
fn six_years_draw_in_over_the_entry_duration() {
    let t = Timeline::new(6);
    assert_eq!(t.steps, 5);
    assert!((1500.0..=2000.0).contains(&ENTRY_MS));
    assert_eq!(t.reveal_at(0.0), 0.0);
    assert_eq!(t.reveal_at(ENTRY_MS / 2.0), 2.5);
    assert_eq!(t.reveal_at(ENTRY_MS), 5.0);
    assert_eq!(t.reveal_at(ENTRY_MS * 3.0), 5.0);
    assert!(!t.is_finished(ENTRY_MS - 1.0));
    assert!(t.is_finished(ENTRY_MS));
    assert_eq!(
        t.reveal_at(f64::NAN),
        t.end(),
        "a broken clock shows the final state"
    );
}
