//! The rank chart's placed marks, shared by its layout and its annotations' layout.

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedYear {
    pub year: i32,
    pub x: i32,
    /// `None` where the rank is unknown: such a year has no point.
    pub y: Option<i32>,
    pub rank: Option<u32>,
    pub show_year_label: bool,
    pub has_note: bool,
}

/// A run of unpublished years, drawn as a shaded span between the known neighbours.
#[derive(Debug, Clone, PartialEq)]
pub struct GapBand {
    /// Index of the first and last unpublished year.
    pub first: usize,
    pub last: usize,
    pub x0: i32,
    pub x1: i32,
    pub y0: i32,
    pub y1: i32,
    /// Its words, where they fit clear of the points' and changes' labels; left off where
    /// they do not (the shaded span, its dashed edges and the readout still say it).
    pub words: Option<GapWords>,
}

/// "2014 not reported" on a span of years of unknown rank.
#[derive(Debug, Clone, PartialEq)]
pub struct GapWords {
    pub text: String,
    pub centre: (i32, i32),
    /// The words cross an unpublished year's dashed line: a chip of the band's colour goes
    /// under them.
    pub chip: bool,
    pub b: crate::drawing::Rect,
}

/// "↑10" between two adjacent known years.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeLabel {
    /// Index of the later year.
    pub to: usize,
    pub x: i32,
    pub y: i32,
    pub text: String,
}
