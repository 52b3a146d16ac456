//! `cargo xtask dist`: the release wasm, its JS bindings and the static page, in `dist/`.

use crate::{cargo, run_cmd, step};
use anyhow::{bail, Context, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "wasm32-unknown-unknown";

fn ensure_wasm_target() -> Result<()> {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .context("rustup is needed to add the wasm32 target; install Rust through rustup")?;
    if !String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.trim() == TARGET)
    {
        step(&format!(
            "adding the {TARGET} target (rustup target add {TARGET})"
        ));
        run_cmd(Command::new("rustup").args(["target", "add", TARGET]))?;
    }
    Ok(())
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

/// Copy `www/` into `to`, file by file.
pub fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &dest)?;
        } else {
            fs::copy(entry.path(), &dest)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// The release wasm built by `dist`.
pub fn release_wasm(root: &Path) -> PathBuf {
    target_dir(root)
        .join(TARGET)
        .join("release")
        .join("rankclimb.wasm")
}

/// The studio's wasm: the author's build, in a target directory of its own so that neither
/// build's compiled crates push out the other's.
fn studio_target_dir(root: &Path) -> PathBuf {
    target_dir(root).join("studio")
}

/// `cargo build --release` of the crate's library for wasm32, with `extra` arguments.
fn build_wasm(root: &Path, extra: &[&std::ffi::OsStr]) -> Result<()> {
    run_cmd(
        cargo()
            .current_dir(root)
            .args([
                "build",
                "--release",
                "--lib",
                "-p",
                "rankclimb",
                "--target",
                TARGET,
            ])
            .args(extra),
    )
}

/// Build the studio's wasm (the default features: the author's tools and the studio's) and
/// write it with its bindings to `dist/studio/pkg/`. Readers' pages never load it.
fn build_studio(root: &Path, out: &Path) -> Result<()> {
    step("building the studio's release wasm (the author's build: --features studio)");
    let dir = studio_target_dir(root);
    build_wasm(root, &["--target-dir".as_ref(), dir.as_os_str()])?;
    let wasm = dir.join(TARGET).join("release").join("rankclimb.wasm");
    write_bindings(&wasm, &out.join("studio").join("pkg"), false)
}

/// The JS bindings and final wasm in `pkg`; `keep_names` keeps the function names, for
/// readable CPU profiles (the shipped module drops them).
pub fn bindings(root: &Path, pkg: &Path, keep_names: bool) -> Result<()> {
    write_bindings(&release_wasm(root), pkg, keep_names)
}

fn write_bindings(wasm: &Path, pkg: &Path, keep_names: bool) -> Result<()> {
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(wasm)
        .web(true)?
        .typescript(false)
        .remove_name_section(!keep_names)
        .remove_producers_section(true)
        .generate(pkg)
        .context("wasm-bindgen could not generate the bindings")
}

/// The loader imports the bindings; a page would fetch them only after parsing the loader,
/// one round trip later. Writing both into `rankclimb.js` saves that trip. `pkg/` stays,
/// for hosts that import the bindings themselves. Minified, except in a names build, whose
/// loader stays readable for the bench's profiles.
fn bundle_loader(out: &Path, minify: bool) -> Result<()> {
    const IMPORT: &str = "import init, { Chart } from './pkg/rankclimb.js';";
    let loader_path = out.join("rankclimb.js");
    let loader = fs::read_to_string(&loader_path)?;
    let glue = fs::read_to_string(out.join("pkg").join("rankclimb.js"))?;
    if !loader.contains(IMPORT) || !glue.contains("__wbg_init as default") {
        bail!("the loader no longer imports the bindings as `{IMPORT}`, or the bindings no longer export `__wbg_init`: update bundle_loader");
    }
    let loader = loader.replacen(IMPORT, "const init = __wbg_init;", 1);
    let joined = format!(
        "// wasm-bindgen's bindings (pkg/rankclimb.js), then the loader.\n{glue}\n{loader}"
    );
    let joined = if minify {
        crate::minify::minified_module(&joined)?
    } else {
        joined
    };
    fs::write(&loader_path, joined)?;
    Ok(())
}

pub fn dist(root: &Path) -> Result<PathBuf> {
    dist_with(root, false, None)
}

/// `dist/`, optionally with the wasm's function names kept, so that a size tool such as
/// `twiggy top dist/pkg/rankclimb_bg.wasm` can say what each byte is for; `base_url` is where
/// it will be published (else `www/site.json` says, or the share links stay relative).
pub fn dist_with(root: &Path, keep_names: bool, base_url: Option<&str>) -> Result<PathBuf> {
    ensure_wasm_target()?;
    step("building the reader's release wasm (cargo build --release --target wasm32-unknown-unknown --no-default-features)");
    // Without the author's tools (the `author` feature): see Cargo.toml.
    build_wasm(root, &["--no-default-features".as_ref()])?;
    let out = root.join("dist");
    if out.exists() {
        fs::remove_dir_all(&out).with_context(|| format!("clearing {}", out.display()))?;
    }
    step("copying the page from www/ to dist/");
    copy_tree(&root.join("www"), &out)?;
    let base = crate::share::base_url(&out, base_url)?;
    // The plots' reserved sizes, from the charts' own constants (one formula, in the core).
    let css = out.join("rankclimb.css");
    let mut stylesheet = fs::read_to_string(&css).context("reading www/rankclimb.css")?;
    stylesheet.push_str(&rankclimb::figure_markup::reserve_css());
    fs::write(&css, stylesheet)?;
    // Minified before the prerender inlines them into each page.
    for name in ["rankclimb.css", "page.css", "embed.css"] {
        let path = out.join(name);
        let text = fs::read_to_string(&path).with_context(|| format!("reading {name}"))?;
        let minified =
            crate::minify::minified_css(&text).with_context(|| format!("minifying {name}"))?;
        fs::write(&path, minified)?;
    }
    crate::merge_csv::merge_all(&out.join("data"))?;
    step(if keep_names {
        "generating the JS bindings (wasm-bindgen-cli-support, function names kept)"
    } else {
        "generating the JS bindings (wasm-bindgen-cli-support, name section removed)"
    });
    bindings(root, &out.join("pkg"), keep_names)?;
    let saved = crate::short_imports::shorten(&out.join("pkg"))?;
    step(&format!(
        "shortened the wasm's import names ({saved} bytes)"
    ));
    step(if keep_names {
        "joining the bindings and the loader into one module, rankclimb.js"
    } else {
        "joining the bindings and the loader into one minified module, rankclimb.js"
    });
    bundle_loader(&out, !keep_names)?;
    build_studio(root, &out)?;
    crate::packages::ensure(&crate::packages::FONTS)?;
    let font_ratio = crate::static_images::render_all(&out)?;
    crate::share::write_all(&out, base.as_deref(), font_ratio)?;
    step("prerendering each chart's first look into its page, and data/NAME.embed.html");
    crate::prerender::prerender_all(&out)?;
    step("writing precompressed copies (.gz and .br) beside each text and wasm file");
    crate::compress::precompress(&out)?;
    let size = fs::metadata(out.join("pkg").join("rankclimb_bg.wasm"))?.len();
    step(&format!(
        "dist/ is ready: {} (wasm {} KiB)",
        out.display(),
        size / 1024
    ));
    Ok(out)
}
