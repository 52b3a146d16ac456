//! The languages the infographic speaks, text written in each of them, and every phrase the
//! chart says: about the data in `phrases`, on its controls and messages in `controls`.
//! Adding a language means a variant here and one match arm per phrase in those two files;
//! no other module matches on a language.

pub mod annotations;
pub mod controls;
pub mod numbers;
pub mod peers;
pub mod phrases;

use serde::Deserialize;

/// The languages the infographic speaks; every text in the data file carries both.
/// Chinese is shown first unless the data file or the page says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "zh-CN" | "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag, as written in the data file and in the page's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language the language button switches to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Every language, in the order the data file lists them.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];
}

/// A piece of text in each language the infographic speaks. Labels, notes and units all
/// take this form; a unit may be empty in one language (English counts need none).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalText {
    #[serde(rename = "zh-CN")]
    pub zh: String,
    pub en: String,
}

impl LocalText {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}
