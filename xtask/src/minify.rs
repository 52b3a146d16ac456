//! The published loader and stylesheets, minified: the bindings wasm-bindgen writes and our
//! stylesheets are commented and indented for people, which costs a phone some 7 KiB of gzip
//! on every first visit. The readable sources stay in `www/` and, for hosts that import the
//! bindings themselves, `dist/pkg/`.

use anyhow::{bail, Result};
use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_mangler::MangleOptions;
use oxc_minifier::{CompressOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// `module` (an ES module's text) minified: compressed, with its local names shortened;
/// its exports and every property name, which the wasm's imports are looked up by, kept.
pub fn minified_module(module: &str) -> Result<String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, module, SourceType::mjs()).parse();
    if let Some(first) = parsed.diagnostics.first() {
        bail!("the loader does not parse as an ES module: {first}");
    }
    let mut program = parsed.program;
    let options = MinifierOptions {
        mangle: Some(MangleOptions::default()),
        compress: Some(CompressOptions::default()),
        ..MinifierOptions::default()
    };
    let minified = Minifier::new(options).minify(&allocator, &mut program);
    Ok(Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(minified.scoping)
        .build(&program)
        .code)
}

/// `css` (a stylesheet's text) minified: comments and needless white space dropped.
pub fn minified_css(css: &str) -> Result<String> {
    match minifier::css::minify(css) {
        Ok(minified) => Ok(minified.to_string()),
        Err(why) => bail!("the stylesheet could not be minified: {why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::minified_module;

    #[test]
    fn keeps_exports_and_property_names_and_drops_comments() {
        let text = "/** the chart */\nexport class Chart { get dead() { return wasm.chart_dead(1) !== 0; } }\n\
                    const imports = { __wbg_fill_1a2b: function (arg0) { arg0.fill(); } };\n\
                    export default imports;";
        let out = minified_module(text).expect("valid module");
        assert!(!out.contains("the chart"), "{out}");
        assert!(out.contains("class Chart"), "{out}");
        assert!(out.contains("__wbg_fill_1a2b"), "{out}");
        assert!(out.contains("chart_dead"), "{out}");
        assert!(out.len() < text.len(), "{out}");
    }

    #[test]
    fn a_stylesheet_keeps_its_rules_and_drops_comments() {
        let css = "/* why */\n@container rankclimb (max-width: 37.5em) {\n  .a > .b { color: #111; }\n}\n:host { display: block; }";
        let out = super::minified_css(css).expect("valid stylesheet");
        assert!(!out.contains("why"), "{out}");
        assert!(
            out.contains("@container rankclimb (max-width:37.5em)"),
            "{out}"
        );
        assert!(out.contains(".a>.b{color:#111;}"), "{out}");
        assert!(out.contains(":host{display:block;}"), "{out}");
    }

    #[test]
    fn refuses_a_module_that_does_not_parse() {
        assert!(minified_module("export class {").is_err());
    }
}
