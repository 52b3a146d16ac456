//! Precompressed copies for static hosts that serve them: `NAME.gz` (gzip, best) and
//! `NAME.br` (brotli, quality 11) beside every text and wasm file of `dist/`, so that the
//! host sends the compressed copy with the right `Content-Encoding` instead of compressing
//! on every request (or not at all).

use anyhow::{Context, Result};
use std::fs;
use std::io::Write;
use std::path::Path;

/// The kinds of file that compress: text and wasm. Pictures are compressed already.
const COMPRESSIBLE: [&str; 8] = ["html", "js", "css", "json", "svg", "wasm", "csv", "txt"];

pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes)?;
    Ok(e.finish()?)
}

pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

/// Write `.gz` and `.br` beside every compressible file under `dir`.
pub fn precompress(dir: &Path) -> Result<usize> {
    let mut written = 0;
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            written += precompress(&path)?;
            continue;
        }
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible {
            continue;
        }
        let bytes = fs::read(&path)?;
        let mut with = |ext: &str, data: Vec<u8>| -> Result<()> {
            let mut name = path.as_os_str().to_owned();
            name.push(format!(".{ext}"));
            fs::write(&name, data)?;
            written += 1;
            Ok(())
        };
        with("gz", gzip(&bytes)?)?;
        with("br", brotli(&bytes)?)?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn both_copies_decompress_to_the_file() {
        let text = "平顶山高新区 118 → 74, ".repeat(200);
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gzip(text.as_bytes()).expect("gzip")[..])
            .read_to_string(&mut back)
            .expect("gunzip");
        assert_eq!(back, text);
        let br = brotli(text.as_bytes()).expect("brotli");
        assert!(br.len() < text.len() / 10, "{} bytes", br.len());
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).expect("unbrotli");
        assert_eq!(back, text.as_bytes());
    }
}
