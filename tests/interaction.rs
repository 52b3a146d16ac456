//! What reader input and time do to the chart: the entry clock, keys and the pointer.

mod common;

use rankclimb::interaction::clock::{ease_in_out_cubic, Clock, Timeline, ENTRY_MS, MAX_FRAME_MS};
use rankclimb::interaction::keys::{key_press, page_key};
use rankclimb::interaction::pointer::{
    away, changes_place, place_under_pointer, pointer_down, pointer_leave, pointer_move,
    pointer_up, Press,
};
use rankclimb::interaction::Response::{Ignore, Inspect};
use rankclimb::view::readout_position;

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

/// Ticks a clock every 16 ms from `start` until it asks for no more frames.
fn run_until_still(c: &mut Clock, start: f64) -> usize {
    let mut frames = 0;
    let mut now = start;
    while c.tick(now, true) {
        frames += 1;
        now += 16.0;
        assert!(frames < 10_000, "the entry never ends");
    }
    frames
}

#[test]
fn the_clock_runs_only_on_screen_and_ends_at_the_last_year() {
    let mut c = Clock::new(6, false);
    assert_eq!(c.progress, 0.0);
    assert!(!c.tick(0.0, true), "off screen: no frames, no progress");
    assert_eq!(c.progress, 0.0);
    c.visible = true;
    assert!(
        c.tick(1000.0, true),
        "the first frame on screen starts the entry"
    );
    assert_eq!(c.progress, 0.0, "the first frame only sets the start");
    assert!(c.tick(1050.0, true));
    assert!(c.progress > 0.0 && c.progress < 0.1, "{}", c.progress);
    let frames = run_until_still(&mut c, 1066.0);
    assert!(frames > 50, "{frames} frames");
    assert_eq!(c.progress, 1.0);
    assert!(
        !c.tick(99_999.0, true),
        "a finished entry asks for no frames"
    );
}

#[test]
fn time_off_screen_or_stalled_does_not_count() {
    let mut c = Clock::new(6, false);
    c.visible = true;
    c.tick(0.0, true);
    c.tick(100.0, true);
    let before = c.elapsed;
    // Scrolled away for ten seconds: no frames come, and the clock forgets the last one.
    c.visible = false;
    assert!(!c.tick(200.0, true));
    assert_eq!(c.last_frame, None);
    c.visible = true;
    c.tick(10_200.0, true);
    assert_eq!(
        c.elapsed, before,
        "the frame after a pause only restarts the clock"
    );
    // A stalled page: one frame 5 s late moves on by at most MAX_FRAME_MS.
    c.tick(15_200.0, true);
    assert_eq!(c.elapsed, before + MAX_FRAME_MS);
    // A chart taken off the page stops asking for frames.
    assert!(!c.tick(15_216.0, false));
}

#[test]
fn held_replayed_finished_and_reduced_motion() {
    let mut c = Clock::new(6, false);
    c.visible = true;
    c.hold_at(2, 6);
    assert_eq!(c.progress, 0.4);
    assert!(!c.tick(0.0, true), "a held chart does not animate");
    assert_eq!(c.progress, 0.4);
    c.replay();
    assert_eq!((c.progress, c.elapsed, c.held), (0.0, 0.0, false));
    assert!(c.tick(0.0, true));
    c.finish();
    assert_eq!(c.progress, 1.0);
    assert!(!c.tick(16.0, true));
    let still = Clock::new(6, true);
    assert_eq!(
        still.progress, 1.0,
        "reduced motion starts at the final state"
    );
    let mut again = Clock::new(6, true);
    again.rerun_at(500.0);
    assert_eq!(
        (again.progress, again.last_frame, again.visible),
        (0.0, Some(500.0), true)
    );
}

#[test]
fn arrow_keys_step_through_items_and_escape_closes() {
    // Nothing inspected yet: right starts at the first item, left at the last.
    assert_eq!(key_press("ArrowRight", 0, 6, None), Inspect(Some((0, 0))));
    assert_eq!(key_press("ArrowDown", 0, 6, None), Inspect(Some((0, 0))));
    assert_eq!(key_press("ArrowLeft", 0, 6, None), Inspect(Some((0, 5))));
    assert_eq!(key_press("ArrowUp", 0, 6, None), Inspect(Some((0, 5))));
    // Steps stop at the ends.
    assert_eq!(
        key_press("ArrowRight", 0, 6, Some((0, 2))),
        Inspect(Some((0, 3)))
    );
    assert_eq!(
        key_press("ArrowRight", 0, 6, Some((0, 5))),
        Inspect(Some((0, 5)))
    );
    assert_eq!(
        key_press("ArrowLeft", 0, 6, Some((0, 0))),
        Inspect(Some((0, 0)))
    );
    assert_eq!(key_press("Home", 1, 4, Some((1, 3))), Inspect(Some((1, 0))));
    assert_eq!(key_press("End", 1, 4, None), Inspect(Some((1, 3))));
    // An item inspected on another canvas does not count as this canvas's position.
    assert_eq!(
        key_press("ArrowRight", 1, 4, Some((0, 3))),
        Inspect(Some((1, 0)))
    );
    assert_eq!(key_press("Escape", 0, 6, Some((0, 2))), Inspect(None));
    // Other keys are the page's: Tab must still move focus, letters must still type.
    assert_eq!(key_press("Tab", 0, 6, Some((0, 2))), Ignore);
    assert_eq!(key_press("a", 0, 6, None), Ignore);
    assert_eq!(key_press("ArrowRight", 0, 0, None), Ignore, "no items");
}

#[test]
fn the_pointer_inspects_what_it_is_over_and_a_mouse_leaving_closes() {
    let mut press = Press::default();
    let mut hover = |hit, inspected| pointer_move(0, hit, true, inspected, &mut press);
    assert_eq!(hover(Some(3), None), Inspect(Some((0, 3))));
    assert_eq!(
        hover(Some(3), Some((0, 3))),
        Ignore,
        "no redraw for the same item"
    );
    assert_eq!(
        hover(None, Some((0, 3))),
        Ignore,
        "the gap between items keeps it"
    );
    let mut press = Press::default();
    assert_eq!(
        pointer_move(2, Some(1), true, Some((0, 3)), &mut press),
        Inspect(Some((2, 1)))
    );
    assert_eq!(
        pointer_down(1, Some(4), true, None, &mut press),
        Inspect(Some((1, 4)))
    );
    assert_eq!(
        pointer_down(1, Some(4), true, Some((1, 4)), &mut press),
        Inspect(Some((1, 4))),
        "a click on the hovered item keeps it"
    );
    assert_eq!(
        pointer_down(1, None, true, Some((1, 4)), &mut press),
        Inspect(None),
        "a tap on empty space closes"
    );
    // A mouse leaving closes its readout; a finger or a focused canvas keeps it.
    assert_eq!(pointer_leave(0, true, false, Some((0, 3))), Inspect(None));
    assert_eq!(pointer_leave(0, false, false, Some((0, 3))), Ignore);
    assert_eq!(pointer_leave(0, true, true, Some((0, 3))), Ignore);
    assert_eq!(
        pointer_leave(0, true, false, Some((1, 3))),
        Ignore,
        "another canvas's"
    );
    assert_eq!(pointer_leave(0, true, false, None), Ignore);
}

#[test]
fn a_finger_taps_to_open_and_close_and_drags_to_scrub() {
    let mut press = Press::default();
    // A tap on 2020 opens it; the finger trembling on it changes nothing.
    assert_eq!(
        pointer_down(0, Some(4), false, None, &mut press),
        Inspect(Some((0, 4)))
    );
    assert_eq!(
        pointer_move(0, Some(4), false, Some((0, 4)), &mut press),
        Ignore
    );
    pointer_up(&mut press);
    // A second tap on 2020 closes it, and trembling does not open it again.
    assert_eq!(
        pointer_down(0, Some(4), false, Some((0, 4)), &mut press),
        Inspect(None)
    );
    assert_eq!(pointer_move(0, Some(4), false, None, &mut press), Ignore);
    pointer_up(&mut press);
    // Pressed on 2016 and dragged along: each year in turn, then back.
    assert_eq!(
        pointer_down(0, Some(0), false, None, &mut press),
        Inspect(Some((0, 0)))
    );
    assert_eq!(
        pointer_move(0, Some(1), false, Some((0, 0)), &mut press),
        Inspect(Some((0, 1)))
    );
    assert_eq!(
        pointer_move(0, Some(1), false, Some((0, 1)), &mut press),
        Ignore
    );
    assert_eq!(
        pointer_move(0, Some(2), false, Some((0, 1)), &mut press),
        Inspect(Some((0, 2)))
    );
    assert_eq!(
        pointer_move(0, Some(1), false, Some((0, 2)), &mut press),
        Inspect(Some((0, 1)))
    );
    assert_eq!(
        pointer_move(0, None, false, Some((0, 1)), &mut press),
        Ignore,
        "off the plot"
    );
    // Away from the chart, or Escape anywhere, closes; nothing open, nothing to do.
    assert_eq!(away(Some((0, 1))), Inspect(None));
    assert_eq!(away(None), Ignore);
    assert_eq!(page_key("Escape", Some((2, 0))), Inspect(None));
    assert_eq!(page_key("Escape", None), Ignore);
    assert_eq!(
        page_key("ArrowRight", Some((2, 0))),
        Ignore,
        "the page's own keys"
    );
}

/// The story's rank chart at 1000 px: its six points, in CSS px.
const POINTS: [(f64, f64); 6] = [
    (80.0, 300.0),
    (250.0, 150.0),
    (420.0, 150.0),
    (590.0, 262.0),
    (760.0, 240.0),
    (930.0, 210.0),
];

fn covers((l, t): (f64, f64), (w, h): (f64, f64), (x, y): (f64, f64)) -> bool {
    x > l - 8.0 && x < l + w + 8.0 && y > t - 8.0 && y < t + h + 8.0
}

#[test]
fn a_floating_readout_clears_its_point_and_the_neighbours() {
    let stage = (1000.0, 460.0);
    let size = (240.0, 110.0);
    for (i, &anchor) in POINTS.iter().enumerate() {
        let at = readout_position(anchor, size, stage, &POINTS);
        for (j, &p) in POINTS.iter().enumerate() {
            assert!(
                !covers(at, size, p),
                "the readout of point {i} at {at:?} covers point {j}"
            );
        }
        assert!(at.0 >= 0.0 && at.1 >= 0.0 && at.0 + size.0 <= stage.0 && at.1 + size.1 <= stage.1);
    }
    // Where nothing is in the way it goes where it always went: beside the point, on the
    // side with more room, a little above its level.
    let lone = [(200.0, 200.0)];
    assert_eq!(
        readout_position(lone[0], size, stage, &lone),
        (214.0, 180.0)
    );
    let lone = [(800.0, 200.0)];
    assert_eq!(
        readout_position(lone[0], size, stage, &lone),
        (546.0, 180.0)
    );
}

/// Other places on the rank chart (canvas 0): the pointer over a place's line focuses it, off
/// every line the main place comes back; a press in the inspected year on another line moves
/// the focus instead of closing the readout.
#[test]
fn a_pointer_focuses_the_place_under_it() {
    let year = Some((0, 3));
    assert_eq!(
        place_under_pointer(0, true, year, Some(2), None),
        Some(Some(2))
    );
    assert_eq!(
        place_under_pointer(0, true, year, None, Some(2)),
        Some(None)
    );
    // Already focused, a finger resting (not dragging), another canvas, nothing inspected.
    assert_eq!(place_under_pointer(0, true, year, Some(2), Some(2)), None);
    assert_eq!(place_under_pointer(0, false, year, Some(2), None), None);
    assert_eq!(place_under_pointer(1, true, year, Some(2), None), None);
    assert_eq!(place_under_pointer(0, true, None, Some(2), None), None);
    assert!(changes_place(0, Some(3), year, Some(1), None));
    assert!(!changes_place(0, Some(3), year, None, None));
    assert!(!changes_place(0, Some(4), year, Some(1), None));
}

mod scroll_steps {
    use super::common::story;
    use rankclimb::interaction::step::step_year;

    fn example_city() -> rankclimb::Model {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/example-city.json");
        rankclimb::check::load::load_file(std::path::Path::new(path))
            .expect("the example data file and its CSV are valid")
    }

    #[test]
    fn a_step_names_a_year_of_the_series_and_nothing_else() {
        let m = story();
        assert_eq!(step_year(&m, "2016"), Some(2016));
        assert_eq!(step_year(&m, " 2021 "), Some(2021));
        assert_eq!(
            step_year(&m, "2017"),
            Some(2017),
            "an unknown rank is still a year"
        );
        assert_eq!(step_year(&m, "2015"), None);
        assert_eq!(step_year(&m, ""), None);
        assert_eq!(step_year(&m, "<img src=x>"), None);
        // The top-100 line is a note without a year: it names none.
        assert_eq!(step_year(&m, "全国百强"), None);
    }

    #[test]
    fn a_step_names_a_note_by_its_first_words_in_either_language() {
        let m = example_city();
        assert_eq!(step_year(&m, "Example: the lowest"), Some(2013));
        assert_eq!(step_year(&m, "示例：已公布名次中的最好"), Some(2021));
        assert_eq!(
            step_year(&m, "Example: method revised"),
            Some(2017),
            "a band's last year"
        );
        assert_eq!(step_year(&m, "Example: nothing"), None);
    }
}
