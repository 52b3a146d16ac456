//! `cargo xtask serve`: the built `dist/` on 127.0.0.1, through tower-http's ServeDir.

use anyhow::{Context, Result};
use std::path::Path;
use tower_http::services::ServeDir;

/// The files of `dir`, each sent as the precompressed copy `dist` wrote beside it (`.br`,
/// else `.gz`) with its `Content-Encoding`, to a browser that accepts one, as a CDN would.
pub fn router(dir: &Path) -> axum::Router {
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    axum::Router::new().fallback_service(files)
}

pub fn serve(dir: &Path, port: u16) -> Result<()> {
    let rt = tokio::runtime::Runtime::new()?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .with_context(|| format!("port {port} is taken; choose another with --port"))?;
        let addr = listener.local_addr()?;
        println!("rankclimb is served at http://{addr}/  (Ctrl-C stops it)");
        axum::serve(listener, router(dir))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the server stopped")
    })
}

#[cfg(test)]
mod tests {
    use super::router;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// The response head for `path` asked with `Accept-Encoding: accept`.
    async fn head(base: std::net::SocketAddr, path: &str, accept: &str) -> String {
        let mut conn = tokio::net::TcpStream::connect(base).await.expect("connect");
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept}\r\nConnection: close\r\n\r\n"
        );
        conn.write_all(request.as_bytes()).await.expect("send");
        let mut response = Vec::new();
        conn.read_to_end(&mut response).await.expect("read");
        let text = String::from_utf8_lossy(&response).to_lowercase();
        text.split("\r\n\r\n")
            .next()
            .unwrap_or_default()
            .to_string()
    }

    #[tokio::test]
    async fn compressed_copies_are_sent_with_their_encoding() {
        let dir = std::env::temp_dir().join(format!("rankclimb-serve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let js = "export const a = 1;\n".repeat(100);
        std::fs::write(dir.join("a.js"), &js).expect("write");
        std::fs::write(
            dir.join("a.js.gz"),
            crate::compress::gzip(js.as_bytes()).expect("gz"),
        )
        .expect("write");
        std::fs::write(
            dir.join("a.js.br"),
            crate::compress::brotli(js.as_bytes()).expect("br"),
        )
        .expect("write");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("address");
        let app = router(&dir);
        tokio::spawn(async move { axum::serve(listener, app).await });
        let br = head(addr, "/a.js", "gzip, deflate, br").await;
        assert!(br.contains("content-encoding: br"), "{br}");
        assert!(br.contains("content-type: text/javascript"), "{br}");
        let gz = head(addr, "/a.js", "gzip, deflate").await;
        assert!(gz.contains("content-encoding: gzip"), "{gz}");
        let plain = head(addr, "/a.js", "identity").await;
        assert!(!plain.contains("content-encoding"), "{plain}");
        assert!(
            plain.contains(&format!("content-length: {}", js.len())),
            "{plain}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
