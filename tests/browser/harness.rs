//! A real headless Chromium, driven through Debian's chromedriver, looking at the built
//! `dist/` served on 127.0.0.1. Each test gets its own browser and server.

use crate::chromium;
use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, TouchActions,
};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub const LINE_RGB: [u8; 3] = [194, 65, 12];

/// Prepended to every script: `q`/`qa` find elements in the page and inside every open
/// shadow root (each chart lives in one), in document order; `active()` is the focused
/// element, looking through shadow roots.
const PIERCE: &str = "const qa = (s, r = document) => { const o = [...r.querySelectorAll(s)]; \
for (const h of r.querySelectorAll('*')) if (h.shadowRoot) o.push(...qa(s, h.shadowRoot)); return o; }; \
const q = (s, r = document) => qa(s, r)[0] || null; \
const active = () => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a; };\n";

pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("RANKCLIMB_DIST")
        .map(PathBuf::from)
        .expect("RANKCLIMB_DIST is not set: run the browser tests through `cargo xtask test`");
    assert!(
        dir.join("index.html").exists(),
        "{} has no index.html: run `cargo xtask dist`",
        dir.display()
    );
    dir
}

pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("screenshots");
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    dir
}

/// A page or file the test server answers with, beside the built `dist/`.
#[derive(Clone)]
pub struct Fixture {
    pub path: &'static str,
    pub body: String,
    pub content_type: &'static str,
    pub status: u16,
    pub delay_ms: u64,
    /// A Content-Security-Policy header to send with it.
    pub csp: Option<&'static str>,
}

impl Fixture {
    pub fn html(path: &'static str, body: impl Into<String>) -> Fixture {
        Fixture {
            path,
            body: body.into(),
            content_type: "text/html; charset=utf-8",
            status: 200,
            delay_ms: 0,
            csp: None,
        }
    }
    pub fn json(path: &'static str, body: impl Into<String>) -> Fixture {
        Fixture {
            content_type: "application/json",
            ..Fixture::html(path, body)
        }
    }
}

/// A page that embeds one infographic per data file, the way a newsroom would.
pub fn embed_page(data_files: &[&str], extra: &str) -> String {
    let divs: String = data_files
        .iter()
        .map(|d| format!("<div data-rankclimb=\"{d}\" {extra}></div>\n"))
        .collect();
    format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"/favicon.svg\"></head><body>{divs}\
         <script type=\"module\" src=\"/rankclimb.js\"></script></body></html>"
    )
}

/// Opened when a held wasm may go.
type Gate = std::sync::Arc<tokio::sync::watch::Sender<bool>>;

async fn serve(
    dir: PathBuf,
    fixtures: Vec<Fixture>,
    block_wasm: bool,
    gate: Option<Gate>,
) -> String {
    use axum::http::{header, StatusCode};
    use axum::response::IntoResponse;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind the test server");
    let addr = listener.local_addr().expect("server address");
    let mut app = axum::Router::new();
    for f in fixtures {
        let path = f.path;
        app = app.route(
            path,
            axum::routing::get(move || {
                let f = f.clone();
                async move {
                    tokio::time::sleep(Duration::from_millis(f.delay_ms)).await;
                    let status = StatusCode::from_u16(f.status).unwrap_or(StatusCode::OK);
                    let mut response =
                        (status, [(header::CONTENT_TYPE, f.content_type)], f.body).into_response();
                    if let Some(csp) = f.csp {
                        response.headers_mut().insert(
                            header::CONTENT_SECURITY_POLICY,
                            header::HeaderValue::from_static(csp),
                        );
                    }
                    response
                }
            }),
        );
    }
    if block_wasm {
        app = app.route(
            "/pkg/rankclimb_bg.wasm",
            axum::routing::get(|| async { StatusCode::NOT_FOUND }),
        );
    }
    if let Some(gate) = gate {
        let wasm = dir.join("pkg/rankclimb_bg.wasm");
        app = app.route(
            "/pkg/rankclimb_bg.wasm",
            axum::routing::get(move || {
                let mut open = gate.subscribe();
                let wasm = wasm.clone();
                async move {
                    let _ = open.wait_for(|o| *o).await;
                    let bytes = tokio::fs::read(&wasm).await.unwrap_or_default();
                    ([(header::CONTENT_TYPE, "application/wasm")], bytes).into_response()
                }
            }),
        );
    }
    let app = app.fallback_service(tower_http::services::ServeDir::new(dir));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}")
}

#[derive(Debug)]
struct BrowserLog(String);

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": self.0 }).to_string()),
        )
    }
}

pub struct Browser {
    pub client: Client,
    pub base: String,
    gate: Option<Gate>,
    _processes: chromium::Processes,
}

pub struct Options {
    pub width: u32,
    pub height: u32,
    pub scale: f64,
    /// A phone: touch events and a mobile viewport.
    pub touch: bool,
    pub extra_args: Vec<String>,
    pub fixtures: Vec<Fixture>,
    /// Answer the wasm module with 404, as a blocked or missing wasm would.
    pub block_wasm: bool,
    /// Hold the wasm module back until the test calls `Browser::release_wasm` (navigation
    /// then returns at once, without waiting for the page's load).
    pub hold_wasm: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 1000,
            height: 900,
            scale: 1.0,
            touch: false,
            extra_args: Vec::new(),
            fixtures: Vec::new(),
            block_wasm: false,
            hold_wasm: false,
        }
    }
}

impl Browser {
    pub async fn start(opts: Options) -> Browser {
        let gate = opts
            .hold_wasm
            .then(|| std::sync::Arc::new(tokio::sync::watch::channel(false).0));
        let base = serve(
            dist_dir(),
            opts.fixtures.clone(),
            opts.block_wasm,
            gate.clone(),
        )
        .await;
        let viewport = chromium::Viewport {
            width: opts.width,
            height: opts.height,
            scale: opts.scale,
            touch: opts.touch,
        };
        let started = if opts.hold_wasm {
            chromium::start_with(viewport, &opts.extra_args, true, "none").await
        } else {
            chromium::start(viewport, &opts.extra_args, true).await
        }
        .unwrap_or_else(|e| panic!("{e}"));
        Browser {
            client: started.client,
            base,
            gate,
            _processes: started.processes,
        }
    }

    /// Emulate CSS media features (reduced motion, colour scheme, forced colours) for the
    /// pages opened after this, through Chromium's DevTools protocol.
    pub async fn emulate_media(&self, features: &[(&str, &str)]) {
        let features: Vec<Value> = features
            .iter()
            .map(|(n, v)| json!({ "name": n, "value": v }))
            .collect();
        self.client
            .issue_cmd(chromium::Cdp(
                "Emulation.setEmulatedMedia",
                json!({ "features": features }),
            ))
            .await
            .expect("emulate media");
    }

    /// Lay the page out for print, as the print dialog does.
    pub async fn emulate_print(&self) {
        self.client
            .issue_cmd(chromium::Cdp(
                "Emulation.setEmulatedMedia",
                json!({ "media": "print" }),
            ))
            .await
            .expect("emulate print");
    }

    /// Run an async script: it gets a `done` callback as its last argument.
    pub async fn js_async(&self, script: &str) -> Value {
        self.client
            .execute_async(&format!("{PIERCE}{script}"), vec![])
            .await
            .unwrap_or_else(|e| panic!("async script failed: {e}\n{script}"))
    }

    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}/{}", self.base, path))
            .await
            .expect("navigate");
        self.wait_for(
            "return document.documentElement.dataset.rankclimbReady !== undefined",
            10_000,
        )
        .await;
    }

    /// Let a held wasm module go (see `Options::hold_wasm`).
    pub fn release_wasm(&self) {
        if let Some(g) = &self.gate {
            g.send_replace(true);
        }
    }

    /// Go to `path` without waiting for anything on the page.
    pub async fn navigate(&self, path: &str) {
        self.client
            .goto(&format!("{}/{}", self.base, path))
            .await
            .expect("navigate");
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(&format!("{PIERCE}{script}"), vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    pub async fn wait_for(&self, condition: &str, timeout_ms: u64) {
        let deadline = Instant::now() + Duration::from_millis(timeout_ms);
        loop {
            if self.js(condition).await == Value::Bool(true) {
                return;
            }
            if Instant::now() >= deadline {
                let body = self
                    .js("return document.body.innerHTML.slice(0, 2000)")
                    .await;
                let errors = self.console_errors().await;
                panic!(
                    "timed out waiting for: {condition}\nconsole errors: {errors:?}\npage: {body}"
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Wait until every mounted chart in view has drawn its entry to the end (or has
    /// stopped): each chart says how far its entry has come, and the frame that reaches the
    /// end is drawn before that is read. A chart out of view waits for the reader to scroll
    /// to it, so it is not waited for.
    pub async fn wait_for_entry_animation(&self) {
        self.wait_for(
            "const inView = (h) => { const r = h.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
             const charts = qa('[data-rankclimb]').filter(h => h.rankclimb && inView(h)).map(h => h.rankclimb);
             return charts.length > 0 && charts.every(c => c.dead || c.progress >= 1);",
            15_000,
        )
        .await;
    }

    /// Print the page the way the browser's print dialog does (to PDF, through the DevTools
    /// protocol): the page gets its real `beforeprint` event and print styles. Returns the
    /// PDF's size in bytes.
    pub async fn print_to_pdf(&self) -> usize {
        let printed = self
            .client
            .issue_cmd(chromium::Cdp("Page.printToPDF", json!({})))
            .await
            .expect("print to PDF");
        printed["data"].as_str().map_or(0, str::len)
    }

    /// How many pixels of the first canvas matching `selector` are (nearly) `rgb`.
    pub async fn pixels_of(&self, selector: &str, [r, g, b]: [u8; 3]) -> u64 {
        self.js(&format!(
            "const c = q({selector:?}); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
             let n = 0; for (let i = 0; i < d.length; i += 4) {{ if (Math.abs(d[i]-{r}) < 24 && Math.abs(d[i+1]-{g}) < 24 && Math.abs(d[i+2]-{b}) < 24 && d[i+3] > 200) n++; }} return n;"
        ))
        .await
        .as_u64()
        .expect("pixel count")
    }

    /// Wait until the page has drawn `n` more animation frames: for asserting that
    /// something does not happen, which no condition can signal.
    pub async fn page_frames(&self, n: u32) {
        self.js_async(&format!(
            "const done = arguments[arguments.length - 1]; let left = {n};
             const step = () => (--left <= 0 ? done(true) : requestAnimationFrame(step));
             requestAnimationFrame(step);"
        ))
        .await;
    }

    /// Move a real mouse pointer to (`x`, `y`) CSS pixels inside the first canvas.
    pub async fn pointer_to(&self, selector: &str, x: f64, y: f64) {
        let origin = self.canvas_origin(selector).await;
        let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(30)),
            x: (origin.0 + x).round(),
            y: (origin.1 + y).round(),
        });
        self.client
            .perform_actions(mouse)
            .await
            .expect("pointer move");
    }

    /// A real touch tap at (`x`, `y`) CSS pixels inside the canvas.
    pub async fn tap(&self, selector: &str, x: f64, y: f64) {
        let origin = self.canvas_origin(selector).await;
        let finger = TouchActions::new("finger".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: (origin.0 + x).round(),
                y: (origin.1 + y).round(),
            })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::Up { button: 0 });
        self.client.perform_actions(finger).await.expect("tap");
    }

    /// A real touch tap at (`x`, `y`) CSS pixels of the viewport, wherever that is.
    pub async fn tap_page(&self, x: f64, y: f64) {
        let finger = TouchActions::new("finger".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: x.round(),
                y: y.round(),
            })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::Up { button: 0 });
        self.client.perform_actions(finger).await.expect("tap");
    }

    /// A real touch drag inside the canvas, from `from` to `to` (CSS px), in `steps` moves.
    pub async fn drag(&self, selector: &str, from: (f64, f64), to: (f64, f64), steps: u32) {
        let origin = self.canvas_origin(selector).await;
        let at = |t: f64| {
            (
                (origin.0 + from.0 + (to.0 - from.0) * t).round(),
                (origin.1 + from.1 + (to.1 - from.1) * t).round(),
            )
        };
        let (x, y) = at(0.0);
        let mut finger = TouchActions::new("finger".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x,
                y,
            })
            .then(PointerAction::Down { button: 0 });
        for step in 1..=steps {
            let (x, y) = at(f64::from(step) / f64::from(steps));
            finger = finger.then(PointerAction::MoveTo {
                duration: Some(Duration::from_millis(30)),
                x,
                y,
            });
        }
        let finger = finger.then(PointerAction::Up { button: 0 });
        self.client.perform_actions(finger).await.expect("drag");
    }

    async fn canvas_origin(&self, selector: &str) -> (f64, f64) {
        let r = self
            .js(&format!(
                "const r = q({selector:?}).getBoundingClientRect(); return [r.left, r.top];"
            ))
            .await;
        (r[0].as_f64().expect("left"), r[1].as_f64().expect("top"))
    }

    /// The first element matching `selector` in the page or in any chart's shadow root, as
    /// a WebDriver element for real clicks.
    pub async fn find(&self, selector: &str) -> fantoccini::elements::Element {
        let hosts = self
            .client
            .find_all(fantoccini::Locator::Css("[data-rankclimb]"))
            .await
            .expect("chart hosts");
        for host in hosts {
            if let Ok(root) = host.shadow_root().await {
                if let Ok(e) = root.find(fantoccini::Locator::Css(selector)).await {
                    return e;
                }
            }
        }
        self.client
            .find(fantoccini::Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("no {selector}: {e}"))
    }

    pub async fn press(&self, key: impl Into<char>) {
        let k: char = key.into();
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: k })
            .then(KeyAction::Up { value: k });
        self.client.perform_actions(keys).await.expect("key press");
    }

    /// A key pressed with a modifier held, such as Ctrl+V.
    pub async fn press_with(&self, modifier: impl Into<char>, key: impl Into<char>) {
        let (m, k): (char, char) = (modifier.into(), key.into());
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: m })
            .then(KeyAction::Down { value: k })
            .then(KeyAction::Up { value: k })
            .then(KeyAction::Up { value: m });
        self.client
            .perform_actions(keys)
            .await
            .expect("key press with a modifier");
    }

    /// A DevTools protocol command, such as where downloads go.
    pub async fn cdp(&self, command: &'static str, params: Value) {
        self.cdp_value(command, params).await;
    }

    /// A DevTools protocol command's answer, such as the accessibility tree.
    pub async fn cdp_value(&self, command: &'static str, params: Value) -> Value {
        self.client
            .issue_cmd(chromium::Cdp(command, params))
            .await
            .unwrap_or_else(|e| panic!("{command}: {e}"))
    }

    pub async fn text(&self, selector: &str) -> String {
        self.js(&format!(
            "const e = q({selector:?}); return e ? e.textContent : null;"
        ))
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// Severe messages from the page's console and from failed loads.
    pub async fn console_errors(&self) -> Vec<String> {
        let logs = self
            .client
            .issue_cmd(BrowserLog("browser".into()))
            .await
            .expect("read the browser log");
        logs.as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(screenshot_dir().join(name), png).expect("write screenshot");
    }

    /// How many canvas pixels are (nearly) the line colour.
    pub async fn line_pixels(&self, selector: &str) -> u64 {
        self.pixels_of(selector, LINE_RGB).await
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}
