//! What the reader's wasm bytes are for: each function's body size, from a build that keeps
//! the function names, summed by crate and by our own modules (`cargo xtask size`).
//!
//! A generic function is counted where it is defined: `core::iter::Map::fold` holding one of
//! our closures counts under `core`, as `twiggy top` lists it. So `core` and `alloc` hold much
//! of our own code, monomorphised.

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::path::Path;
use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

/// The sizes in one module.
#[derive(Debug, Default)]
pub struct Sizes {
    /// Every defined function: its demangled name (without the hash) and body bytes.
    pub functions: Vec<(String, u64)>,
    /// Bytes of the data segments (text, tables, constants).
    pub data: u64,
    /// The whole module's bytes.
    pub total: u64,
}

/// Read the function bodies' sizes and names and the data segments of `wasm`.
pub fn sizes(wasm: &[u8]) -> Result<Sizes> {
    let mut imported = 0u32;
    let mut bodies: Vec<u64> = Vec::new();
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    let mut data = 0u64;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.context("reading the wasm")? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import.context("an import")?.ty, TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len() as u64),
            Payload::DataSection(reader) => {
                for segment in reader {
                    data += segment.context("a data segment")?.data.len() as u64;
                }
            }
            Payload::CustomSection(section) => {
                if let KnownCustom::Name(reader) = section.as_known() {
                    for name in reader {
                        if let Name::Function(map) = name.context("the name section")? {
                            for naming in map {
                                let naming = naming.context("a function name")?;
                                names.insert(naming.index, demangled(naming.name));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let functions = bodies
        .into_iter()
        .enumerate()
        .map(|(i, size)| {
            let index = imported + i as u32;
            let name = names
                .remove(&index)
                .unwrap_or_else(|| format!("function {index}"));
            (name, size)
        })
        .collect();
    Ok(Sizes {
        functions,
        data,
        total: wasm.len() as u64,
    })
}

fn demangled(name: &str) -> String {
    format!("{:#}", rustc_demangle::demangle(name))
}

/// The crate a function belongs to: the first path in its name (`<serde_wasm_bindgen::de::
/// Deserializer as …>::deserialize_struct` → `serde_wasm_bindgen`); names with no path are
/// the compiler's runtime, or the bindings' exports.
pub fn crate_of(name: &str) -> &str {
    let mut rest = name;
    while let Some(i) = rest.find("::") {
        let before = &rest[..i];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '[' || c == ']'))
            .map_or(0, |j| j + 1);
        let segment = before[start..].split('[').next().unwrap_or("");
        // A generic parameter (`<T as alloc::string::ToString>`) is no crate.
        if segment.len() > 1
            && segment
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c == '_')
        {
            return segment;
        }
        rest = &rest[i + 2..];
    }
    "(no path: runtime and exports)"
}

/// For a function of ours, its top-level module (`rankclimb::web::chart::…` → `web`).
pub fn module_of(name: &str) -> Option<&str> {
    let at = name.find("rankclimb::")?;
    if crate_of(name) != "rankclimb" {
        return None;
    }
    let rest = &name[at + "rankclimb::".len()..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// `(group, bytes, functions)`, largest first.
pub fn grouped<'a>(
    sizes: &'a Sizes,
    key: impl Fn(&'a str) -> Option<&'a str>,
) -> Vec<(&'a str, u64, usize)> {
    let mut groups: BTreeMap<&str, (u64, usize)> = BTreeMap::new();
    for (name, size) in &sizes.functions {
        if let Some(k) = key(name) {
            let g = groups.entry(k).or_default();
            g.0 += size;
            g.1 += 1;
        }
    }
    let mut out: Vec<_> = groups.into_iter().map(|(k, (b, n))| (k, b, n)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out
}

/// Print the report for the names build at `wasm`.
pub fn report(wasm: &Path) -> Result<()> {
    let bytes = std::fs::read(wasm).with_context(|| format!("reading {}", wasm.display()))?;
    let sizes = sizes(&bytes)?;
    let code: u64 = sizes.functions.iter().map(|f| f.1).sum();
    println!(
        "{}: {} functions, {code} bytes of code, {} bytes of data (the module with its names: {} bytes)",
        wasm.display(),
        sizes.functions.len(),
        sizes.data,
        sizes.total
    );
    let table = |title: &str, rows: &[(&str, u64, usize)]| {
        println!("\n| {title} | bytes of code | share of code | functions |\n|---|---:|---:|---:|");
        for (group, b, n) in rows {
            println!(
                "| `{group}` | {b} | {:.1}% | {n} |",
                100.0 * *b as f64 / code.max(1) as f64
            );
        }
    };
    table("crate", &grouped(&sizes, |n| Some(crate_of(n))));
    table("our module (`rankclimb::…`)", &grouped(&sizes, module_of));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{crate_of, module_of, sizes};

    #[test]
    fn reads_each_function_with_its_name_and_size_and_the_data() {
        let mut module = walrus::Module::default();
        let mut f = walrus::FunctionBuilder::new(&mut module.types, &[], &[walrus::ValType::I32]);
        f.func_body()
            .i32_const(7)
            .i32_const(35)
            .binop(walrus::ir::BinaryOp::I32Add);
        let id = f.finish(vec![], &mut module.funcs);
        // A legacy-mangled name, as rustc writes them.
        module.funcs.get_mut(id).name =
            Some("_ZN9rankclimb3web5chart3new17h0123456789abcdefE".into());
        let memory = module.memories.add_local(false, false, 1, None, None);
        module.data.add(
            walrus::DataKind::Active {
                memory,
                offset: walrus::ConstExpr::Value(walrus::ir::Value::I32(8)),
            },
            b"twelve bytes".to_vec(),
        );
        module.exports.add("f", id);
        let wasm = module.emit_wasm();
        let read = sizes(&wasm).expect("a module");
        assert_eq!(read.functions.len(), 1, "{read:?}");
        assert_eq!(read.functions[0].0, "rankclimb::web::chart::new");
        assert!(read.functions[0].1 >= 6, "{read:?}");
        assert_eq!(read.data, 12);
        assert_eq!(read.total, wasm.len() as u64);
    }

    #[test]
    fn a_function_belongs_to_the_first_crate_in_its_name() {
        let cases = [
            ("rankclimb::web::chart::Chart::new", "rankclimb"),
            ("<serde_wasm_bindgen::de::Deserializer as serde_core::de::Deserializer>::deserialize_struct", "serde_wasm_bindgen"),
            ("<&T as core::fmt::Debug>::fmt", "core"),
            ("<T as alloc::string::ToString>::to_string", "alloc"),
            ("core[c5930c85a12de822]::str::slice_error_fail_rt", "core"),
            ("<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<x>>::malloc", "dlmalloc"),
            ("__rdl_realloc", "(no path: runtime and exports)"),
        ];
        for (name, krate) in cases {
            assert_eq!(crate_of(name), krate, "{name}");
        }
    }

    #[test]
    fn our_functions_are_counted_by_top_level_module() {
        assert_eq!(module_of("rankclimb::web::chart::Chart::new"), Some("web"));
        assert_eq!(
            module_of(
                "<rankclimb::data::panel_entry::PanelEntry as core::convert::TryFrom<X>>::try_from"
            ),
            Some("data")
        );
        assert_eq!(module_of("<core::iter::Map<I,F> as Iterator>::fold"), None);
        assert_eq!(
            module_of("<serde_wasm_bindgen::de::Deserializer as serde_core::de::Deserializer>::deserialize_struct"),
            None
        );
    }
}
