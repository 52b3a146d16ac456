//! What a story's page tells the world beyond it: the share card's tags (Open Graph and X's
//! large card) and the oEmbed description a content management system embeds it by, both as
//! static files that any host serves. Crawlers need absolute URLs: `base` is where the built
//! files are published ("" when it is not known, and then the links stay relative).

use crate::describe::summary;
use crate::embed::{frame_height, iframe_snippet};
use crate::model::Model;
use crate::share_card::CARD_SIZE;
use html_escape::encode_double_quoted_attribute as attr;

/// The name oEmbed consumers show for the provider.
pub const PROVIDER: &str = "rankclimb";

/// The `<head>` lines of a page at `page` (a path under `base`) showing the story in
/// `data/NAME.json`: title, description, card, canonical URL and the oEmbed discovery link.
pub fn share_tags(model: &Model, name: &str, base: &str, page: &str) -> String {
    let lang = model.language;
    let title = attr(model.title.get(lang));
    let summary = summary(model, lang);
    let description = attr(&summary);
    let (w, h) = CARD_SIZE;
    let base = attr(base);
    format!(
        "<link rel=\"canonical\" href=\"{base}{page}\">\n  \
         <meta property=\"og:type\" content=\"article\">\n  \
         <meta property=\"og:url\" content=\"{base}{page}\">\n  \
         <meta property=\"og:title\" content=\"{title}\">\n  \
         <meta property=\"og:description\" content=\"{description}\">\n  \
         <meta property=\"og:image\" content=\"{base}data/{name}.card.png\">\n  \
         <meta property=\"og:image:width\" content=\"{w}\">\n  \
         <meta property=\"og:image:height\" content=\"{h}\">\n  \
         <meta property=\"og:image:alt\" content=\"{description}\">\n  \
         <meta name=\"twitter:card\" content=\"summary_large_image\">\n  \
         <link rel=\"alternate\" type=\"application/json+oembed\" href=\"{base}data/{name}.oembed.json\" title=\"{title}\">\n"
    )
}

/// `data/NAME.oembed.json`: a "rich" oEmbed answer whose `html` is the iframe snippet.
pub fn oembed_json(model: &Model, name: &str, base: &str) -> String {
    let (w, h) = CARD_SIZE;
    serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": model.title.get(model.language),
        "provider_name": PROVIDER,
        "provider_url": base,
        "width": 800,
        "height": frame_height(model),
        "thumbnail_url": format!("{base}data/{name}.card.png"),
        "thumbnail_width": w,
        "thumbnail_height": h,
        "html": iframe_snippet(model, name, base),
    })
    .to_string()
}
