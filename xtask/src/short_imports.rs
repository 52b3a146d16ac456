//! Shorter names for the wasm's imports. wasm-bindgen names each JS function the module
//! imports `__wbg_<method>_<16 hex digits>`, under the module `./rankclimb_bg.js`: 156 such
//! names, which stand once in the wasm and once in the bindings, and whose hex digits do not
//! compress. They are renamed `a`, `b`, … `ba`, … in import order, in the module (through
//! walrus, as wasm-bindgen writes it) and in the bindings together; the same module always
//! gets the same names.

use anyhow::{anyhow, bail, Result};
use std::fs;
use std::path::Path;

const MODULE: &str = "./rankclimb_bg.js";
const SHORT_MODULE: &str = "m";

/// `a`, `b`, … `z`, `ba`, `bb`, …: the `n`th short name.
fn short_name(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// An import's name as wasm-bindgen wrote it, and its short name.
type Renamed = (String, String);

/// The module with its bindings' imports renamed, and each (old, new) name.
fn rename_imports(wasm: &[u8]) -> Result<(Vec<u8>, Vec<Renamed>)> {
    let mut module = walrus::ModuleConfig::new()
        .generate_producers_section(false)
        .parse(wasm)
        .map_err(|e| anyhow!("{e}"))?;
    let mut renamed = Vec::new();
    for import in module.imports.iter_mut() {
        if import.module == MODULE {
            let short = short_name(renamed.len());
            renamed.push((std::mem::replace(&mut import.name, short.clone()), short));
            import.module = SHORT_MODULE.to_string();
        }
    }
    Ok((module.emit_wasm(), renamed))
}

/// Rename the imports of `pkg/rankclimb_bg.wasm` and of its bindings `pkg/rankclimb.js`.
/// Returns how many bytes the two lost.
pub fn shorten(pkg: &Path) -> Result<usize> {
    let wasm_path = pkg.join("rankclimb_bg.wasm");
    let js_path = pkg.join("rankclimb.js");
    let wasm = fs::read(&wasm_path)?;
    let mut js = fs::read_to_string(&js_path)?;
    let before = wasm.len() + js.len();
    let (wasm, renamed) = rename_imports(&wasm)?;
    for (old, new) in &renamed {
        // Each import is one key of the bindings' imports object.
        let key = format!("        {old}: function(");
        if js.matches(&key).count() != 1 {
            bail!(
                "the bindings do not define the import {old} once as `{key}`: update short_imports"
            );
        }
        js = js.replacen(&key, &format!("        {new}: function("), 1);
    }
    let module_key = format!("\"{MODULE}\": import0");
    if js.matches(&module_key).count() != 1 {
        bail!(
            "the bindings do not name their import module as `{module_key}`: update short_imports"
        );
    }
    js = js.replacen(&module_key, &format!("\"{SHORT_MODULE}\": import0"), 1);
    let after = wasm.len() + js.len();
    fs::write(&wasm_path, wasm)?;
    fs::write(&js_path, js)?;
    Ok(before.saturating_sub(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_count_in_letters() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 700].map(short_name).to_vec();
        assert_eq!(names, ["a", "b", "z", "ba", "bb", "bz", "ca", "bay"]);
        assert_eq!(
            (0..2000)
                .map(short_name)
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
            2000,
            "no two alike"
        );
    }

    #[test]
    fn a_module_keeps_everything_but_its_import_names() {
        let mut module = walrus::Module::default();
        let ty = module.types.add(&[walrus::ValType::I32], &[]);
        module.add_import_func(MODULE, "__wbg_log_0123456789abcdef", ty);
        module.add_import_func("env", "x", ty);
        let (out, renamed) = rename_imports(&module.emit_wasm()).expect("renames");
        assert_eq!(
            renamed,
            [("__wbg_log_0123456789abcdef".to_string(), "a".to_string())]
        );
        let back = walrus::Module::from_buffer(&out).expect("a module");
        let imports: Vec<(String, String)> = back
            .imports
            .iter()
            .map(|i| (i.module.clone(), i.name.clone()))
            .collect();
        assert_eq!(
            imports,
            [
                ("m".to_string(), "a".to_string()),
                ("env".to_string(), "x".to_string())
            ]
        );
        assert_eq!(back.types.iter().count(), 1, "the function type is kept");
    }
}
