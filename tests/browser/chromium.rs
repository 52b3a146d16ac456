//! Starting Debian's headless Chromium through chromedriver, one fresh profile per browser.
//! Shared by the browser tests and `cargo xtask bench` (which includes this file with
//! `#[path]`), so that what is tested and what is measured run in the same browser, set up
//! the same way.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

/// The viewport a page sees: CSS size, device pixel ratio, and whether it is a touch phone.
#[derive(Debug, Clone, Copy)]
pub struct Viewport {
    pub width: u32,
    pub height: u32,
    pub scale: f64,
    pub touch: bool,
}

/// A running Chromium: the WebDriver client, and what must live as long as it.
pub struct Chromium {
    pub client: Client,
    pub processes: Processes,
}

/// Chromedriver (killed when dropped) and the profile folder (removed when dropped).
pub struct Processes {
    _driver: Child,
    _profile: ProfileDir,
}

/// A DevTools protocol command sent through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
pub struct Cdp(pub &'static str, pub Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.0, "params": self.1 }).to_string()),
        )
    }
}

pub fn free_port() -> std::io::Result<u16> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
}

/// A fresh Chromium profile folder, removed when dropped.
struct ProfileDir(PathBuf);

impl ProfileDir {
    fn new() -> std::io::Result<ProfileDir> {
        let p = std::env::temp_dir().join(format!(
            "rankclimb-chrome-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        std::fs::create_dir_all(&p)?;
        Ok(ProfileDir(p))
    }
}

impl Drop for ProfileDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Start chromedriver and a headless Chromium showing `viewport`, with `extra_args` for
/// Chromium; `browser_log` keeps the page's console for the tests to read.
pub async fn start(
    viewport: Viewport,
    extra_args: &[String],
    browser_log: bool,
) -> Result<Chromium, String> {
    start_with(viewport, extra_args, browser_log, "normal").await
}

/// `start`, with WebDriver's page load strategy: "normal" waits for each page's load event,
/// "none" returns as soon as navigation starts (for a page whose load is held back).
pub async fn start_with(
    viewport: Viewport,
    extra_args: &[String],
    browser_log: bool,
    page_load: &str,
) -> Result<Chromium, String> {
    let port = free_port().map_err(|e| format!("no free local port: {e}"))?;
    let driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| {
            format!("chromedriver could not start ({e}): `cargo xtask test` installs Debian's chromium-driver")
        })?;
    let profile =
        ProfileDir::new().map_err(|e| format!("could not make a Chromium profile folder: {e}"))?;
    let mut args = vec![
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        format!("--user-data-dir={}", profile.0.display()),
        format!(
            "--window-size={},{}",
            viewport.width.max(800),
            viewport.height
        ),
    ];
    args.extend(extra_args.iter().cloned());
    let mut caps = json!({
        "browserName": "chrome",
        "pageLoadStrategy": page_load,
        // Device metrics set the real viewport and ratio: a headless window cannot be made
        // narrower than about 500 px, and phones are narrower than that.
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": args,
            "mobileEmulation": { "deviceMetrics": {
                "width": viewport.width, "height": viewport.height, "pixelRatio": viewport.scale,
                "touch": viewport.touch, "mobile": viewport.touch,
            } },
        },
    });
    if browser_log {
        caps["goog:loggingPrefs"] = json!({ "browser": "ALL" });
    }
    let Value::Object(caps) = caps else {
        return Err("capabilities are an object".into());
    };
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    let client = loop {
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        match builder.capabilities(caps.clone()).connect(&url).await {
            Ok(c) => break c,
            Err(_) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            Err(e) => {
                return Err(format!(
                    "could not start Chromium through chromedriver: {e}"
                ))
            }
        }
    };
    Ok(Chromium {
        client,
        processes: Processes {
            _driver: driver,
            _profile: profile,
        },
    })
}
