//! The browser the bench drives: Chromium started exactly as the browser tests start it, the
//! reader's device and network it emulates, and scripts whose answers are read into types.

/// Chromium is started exactly as the browser tests start it.
#[path = "../../../tests/browser/chromium.rs"]
pub mod chromium;

use anyhow::{anyhow, Result};
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::Client;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::Duration;

/// The reader's device and network, emulated through Chromium's DevTools protocol.
#[derive(Debug, Clone, Copy)]
pub struct Conditions {
    pub name: &'static str,
    /// How many times slower the CPU runs (`Emulation.setCPUThrottlingRate`).
    pub cpu_slowdown: f64,
    /// Round-trip latency in ms, and download and upload in bytes per second
    /// (`Network.emulateNetworkConditions`); `None` for the local network as it is.
    pub network: Option<(f64, f64, f64)>,
}

impl Conditions {
    /// How the table describes them.
    pub fn described(&self) -> String {
        match self.network {
            Some((latency, down, up)) => format!(
                "CPU {}× slower, {latency:.0} ms round trips, {:.2} Mbit/s down, {:.2} up",
                self.cpu_slowdown,
                down * 8.0 / 1e6,
                up * 8.0 / 1e6
            ),
            None => "this machine, local network".to_string(),
        }
    }
}

/// This machine as it is, on the local network.
pub const DESKTOP: Conditions = Conditions {
    name: "desktop",
    cpu_slowdown: 1.0,
    network: None,
};

/// A mid-range phone on slow 4G: CPU 4× slower, 150 ms round trips, 1.6 Mbit/s down and
/// 0.75 Mbit/s up.
pub const PHONE: Conditions = Conditions {
    name: "phone",
    cpu_slowdown: 4.0,
    network: Some((150.0, 1_600_000.0 / 8.0, 750_000.0 / 8.0)),
};

pub struct Session {
    pub client: Client,
    _processes: chromium::Processes,
}

/// One of Chromium's `Performance.getMetrics` counters.
#[derive(Deserialize)]
struct Metric {
    name: String,
    value: f64,
}

#[derive(Deserialize)]
struct Metrics {
    metrics: Vec<Metric>,
}

impl Session {
    pub async fn start(width: u32, height: u32) -> Result<Session> {
        let viewport = chromium::Viewport {
            width,
            height,
            scale: 2.0,
            touch: false,
        };
        let started = chromium::start(viewport, &["--enable-precise-memory-info".into()], false)
            .await
            .map_err(|e| anyhow!("{e}"))?;
        // 10,000 frames of the full infographic take longer than WebDriver's default 30 s.
        started
            .client
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(Duration::from_secs(600)),
                None,
                None,
            ))
            .await
            .map_err(|e| anyhow!("{e}"))?;
        Ok(Session {
            client: started.client,
            _processes: started.processes,
        })
    }

    /// Slow the CPU and the network as `conditions` say.
    pub async fn emulate(&self, conditions: Conditions) -> Result<()> {
        if conditions.cpu_slowdown > 1.0 {
            self.cdp(
                "Emulation.setCPUThrottlingRate",
                json!({ "rate": conditions.cpu_slowdown }),
            )
            .await?;
        }
        if let Some((latency, down, up)) = conditions.network {
            self.cdp("Network.enable", json!({})).await?;
            self.cdp(
                "Network.emulateNetworkConditions",
                json!({ "offline": false, "latency": latency, "downloadThroughput": down, "uploadThroughput": up }),
            )
            .await?;
        }
        Ok(())
    }

    pub async fn cdp(&self, cmd: &'static str, params: Value) -> Result<Value> {
        self.client
            .issue_cmd(chromium::Cdp(cmd, params))
            .await
            .map_err(|e| anyhow!("{cmd}: {e}"))
    }

    /// A DevTools command's answer, read into `T`.
    pub async fn cdp_as<T: DeserializeOwned>(&self, cmd: &'static str, params: Value) -> Result<T> {
        let answer = self.cdp(cmd, params).await?;
        serde_json::from_value(answer).map_err(|e| anyhow!("{cmd}: unexpected answer: {e}"))
    }

    pub async fn js(&self, script: &str) -> Result<Value> {
        self.client
            .execute(script, vec![])
            .await
            .map_err(|e| anyhow!("{e}: {script}"))
    }

    /// A script's answer, read into `T`.
    pub async fn js_as<T: DeserializeOwned>(&self, script: &str) -> Result<T> {
        let answer = self.js(script).await?;
        serde_json::from_value(answer.clone())
            .map_err(|e| anyhow!("{script}: unexpected answer {answer}: {e}"))
    }

    /// One of Chromium's performance counters, such as `TaskDuration` (seconds).
    pub async fn metric(&self, name: &str) -> Result<f64> {
        let m: Metrics = self.cdp_as("Performance.getMetrics", json!({})).await?;
        m.metrics
            .into_iter()
            .find(|x| x.name == name)
            .map(|x| x.value)
            .ok_or_else(|| anyhow!("no metric {name}"))
    }

    /// The browser's version, as WebDriver reports it.
    pub fn browser_version(&self) -> String {
        self.client
            .capabilities()
            .and_then(|c| c.get("browserVersion"))
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string()
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

pub fn mouse_to(x: f64, y: f64) -> MouseActions {
    MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
        duration: None,
        x,
        y,
    })
}
