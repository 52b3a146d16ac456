//! What the chart takes from and gives to the host page and browser: the palette the page
//! asks for, performance marks, and the CSV download.

use super::dom::{el, DomError};
use super::state::Instance;
use crate::describe::table::csv;
use crate::drawing::{parse_css_color, Theme};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Window};

/// Leave a `performance` mark: the mount's steps up to the first frame are marked on every
/// load (a handful of marks, once per chart), so the benchmark can say where the time
/// before the first frame goes. A browser without the Performance API simply has none.
pub fn mark(window: &Window, name: &str) {
    if let Some(p) = window.performance() {
        let _unmarked = p.mark(name);
    }
}

/// Say on the page's console what went wrong where nothing on the page can show it (a
/// refused style or attribute, a drawing error): the chart carries on.
pub fn report(e: impl std::fmt::Display) {
    web_sys::console::error_1(&JsValue::from_str(&format!("rankclimb: {e}")));
}

/// The system's colours under forced colours, read from a probe element's computed style in
/// the chart's own box (the browser resolves the system colour keywords there); the fixed
/// high-contrast palette where it cannot.
fn system_theme(window: &Window, container: &Element) -> Theme {
    let probe = (|| {
        let doc = window.document()?;
        let e = doc.create_element("span").ok()?;
        let e: web_sys::HtmlElement = e.dyn_into().ok()?;
        let style = e.style();
        for (name, value) in [
            ("color", "CanvasText"),
            ("background-color", "Canvas"),
            ("border-top-color", "Highlight"),
            ("border-bottom-color", "GrayText"),
        ] {
            style.set_property(name, value).ok()?;
        }
        container.append_child(&e).ok()?;
        let computed = window.get_computed_style(&e).ok().flatten();
        let read = |name: &str| {
            computed
                .as_ref()
                .and_then(|c| c.get_property_value(name).ok())
                .and_then(|v| parse_css_color(&v))
        };
        let colours = (
            read("background-color"),
            read("color"),
            read("border-top-color"),
            read("border-bottom-color"),
        );
        let theme = match colours {
            (Some(canvas), Some(text), Some(highlight), Some(gray)) => {
                Some(Theme::system(canvas, text, highlight, gray))
            }
            _ => {
                let raw = |name: &str| {
                    computed
                        .as_ref()
                        .and_then(|c| c.get_property_value(name).ok())
                        .unwrap_or_default()
                };
                report(format!(
                    "the system colours could not be read ({}, {}, {}, {}): the fixed high-contrast palette instead",
                    raw("background-color"),
                    raw("color"),
                    raw("border-top-color"),
                    raw("border-bottom-color")
                ));
                None
            }
        };
        e.remove();
        theme
    })();
    probe.unwrap_or_else(Theme::high_contrast)
}

/// The palette: forced colours first, in any theme; else the host's `data-theme` attribute,
/// else the reader's colour scheme; then any `--rankclimb-background`, `--rankclimb-text` or
/// `--rankclimb-accent` the host sets (not under forced colours: the system's win).
pub fn pick_theme(window: &Window, container: &Element) -> (Theme, &'static str) {
    let matches = |q: &str| {
        window
            .match_media(q)
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
    };
    if matches("(forced-colors: active)") {
        return (system_theme(window, container), "contrast");
    }
    let (theme, name) = match container.get_attribute("data-theme").as_deref() {
        Some("dark") => (Theme::dark(), "dark"),
        Some("light") => (Theme::light(), "light"),
        _ if matches("(prefers-color-scheme: dark)") => (Theme::dark(), "dark"),
        _ => (Theme::light(), "light"),
    };
    let style = window.get_computed_style(container).ok().flatten();
    let var = |name: &str| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .and_then(|v| parse_css_color(&v))
    };
    let theme = theme.with_overrides(
        var("--rankclimb-background"),
        var("--rankclimb-text"),
        var("--rankclimb-accent"),
    );
    (theme, name)
}

impl Instance {
    /// Save the figures as a CSV file through a temporary link.
    pub fn download_csv(&self) -> Result<(), DomError> {
        let (text, name) = {
            let s = self.state.borrow();
            (
                csv(&s.model, s.lang),
                format!("{}.csv", s.model.place.get(s.lang)),
            )
        };
        let refused = |step: &str| {
            let step = step.to_string();
            move |e: JsValue| DomError::Refused {
                step,
                detail: e.as_string().unwrap_or_else(|| format!("{e:?}")),
            }
        };
        let parts = js_sys::Array::of1(&JsValue::from_str(&text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/csv;charset=utf-8");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
            .map_err(refused("making the CSV file"))?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)
            .map_err(refused("giving the CSV file an address"))?;
        let link = el(&self.document, "a", "")?
            .dyn_into::<web_sys::HtmlAnchorElement>()
            .map_err(|_| DomError::WrongType {
                step: "making the download link".to_string(),
            })?;
        link.set_href(&url);
        link.set_download(&name);
        link.click();
        web_sys::Url::revoke_object_url(&url).map_err(refused("releasing the CSV file"))
    }
}
