//! `cargo xtask serve`: the built `dist/` on 127.0.0.1, through tower-http's ServeDir.

use anyhow::{Context, Result};
use std::path::Path;
use tower_http::services::ServeDir;

pub fn serve(dir: &Path, port: u16) -> Result<()> {
    let rt = tokio::runtime::Runtime::new()?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .with_context(|| format!("port {port} is taken; choose another with --port"))?;
        let addr = listener.local_addr()?;
        let app = axum::Router::new().fallback_service(ServeDir::new(dir));
        println!("rankclimb is served at http://{addr}/  (Ctrl-C stops it)");
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the server stopped")
    })
}
