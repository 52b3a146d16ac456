//! How long, how many and how large: the limits the rules hold a data file to.

pub const FORMAT: &str = "rankclimb/1";
pub const MAX_TITLE_CHARS: usize = 160;
pub const MAX_LABEL_CHARS: usize = 80;
pub const MAX_SOURCE_CHARS: usize = 400;
/// A source's or the place's short name fits one line of a phone's docked readout.
pub const MAX_SHORT_SOURCE_CHARS: usize = 40;
pub const MAX_NOTE_CHARS: usize = 320;
pub const MAX_POINTS: usize = 60;
pub const MAX_ANNOTATIONS: usize = 12;
/// Other places beside the main one: more lines than a reader can tell apart.
pub const MAX_PEERS: usize = 12;
pub const MAX_ZONES: f64 = 1_000_000.0;
pub const YEARS: std::ops::RangeInclusive<f64> = 1900.0..=2200.0;
