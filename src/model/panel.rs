//! The indicator panels of the validated model: what each kind of panel shows.

use crate::phrasebook::LocalText;

#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub title: LocalText,
    pub subtitle: Option<LocalText>,
    pub kind: PanelKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PanelKind {
    Ranks {
        of: u32,
        reference: Option<Reference>,
        items: Vec<RankItem>,
    },
    Bars {
        measures: Vec<Measure>,
        items: Vec<BarItem>,
    },
    Stats {
        items: Vec<StatItem>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub label: LocalText,
    pub rank: u32,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankItem {
    pub label: LocalText,
    pub rank: Option<u32>,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub label: LocalText,
    pub unit: LocalText,
    pub signed: bool,
    /// The power of ten each language's unit moves the value by (Chinese, English).
    pub shift: (i32, i32),
}

impl Measure {
    /// The value as shown in `lang`: its decimal point moved for the unit, signed if asked.
    pub fn shown(&self, value: f64, lang: crate::phrasebook::Lang) -> String {
        let shift = match lang {
            crate::phrasebook::Lang::Zh => self.shift.0,
            crate::phrasebook::Lang::En => self.shift.1,
        };
        crate::phrasebook::phrases::format_shifted(value, self.signed, shift)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarItem {
    pub label: LocalText,
    pub values: Vec<Option<f64>>,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatItem {
    pub label: LocalText,
    pub value: Option<f64>,
    pub unit: LocalText,
    pub detail: Option<LocalText>,
    pub sources: Vec<usize>,
}

impl PanelKind {
    pub fn item_count(&self) -> usize {
        match self {
            PanelKind::Ranks { items, .. } => items.len(),
            PanelKind::Bars { items, .. } => items.len(),
            PanelKind::Stats { items } => items.len(),
        }
    }
}
