//! Shorter names for the wasm's imports. wasm-bindgen names each JS function the module
//! imports `__wbg_<method>_<16 hex digits>`, under the module `./rankclimb_bg.js`: 156 such
//! names, which stand once in the wasm and once in the bindings, and whose hex digits do not
//! compress. They are renamed `a`, `b`, … `ba`, … in import order, in the module and in the
//! bindings together; the same module always gets the same names.

use anyhow::{bail, Context, Result};
use std::fs;
use std::path::Path;

const MODULE: &str = "./rankclimb_bg.js";
const SHORT_MODULE: &str = "m";

fn leb128(bytes: &[u8], at: &mut usize) -> Result<u32> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at).context("the wasm ends inside a number")?;
        *at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    bail!("a number in the wasm is too long")
}

fn push_leb128(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn name<'a>(bytes: &'a [u8], at: &mut usize) -> Result<&'a str> {
    let len = leb128(bytes, at)? as usize;
    let text = bytes
        .get(*at..*at + len)
        .context("the wasm ends inside a name")?;
    *at += len;
    std::str::from_utf8(text).context("an import's name is not UTF-8")
}

fn push_name(out: &mut Vec<u8>, name: &str) {
    push_leb128(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

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

/// Skip an import's description (function, table, memory or global).
fn skip_import_desc(bytes: &[u8], at: &mut usize) -> Result<()> {
    let kind = *bytes.get(*at).context("the wasm ends inside an import")?;
    *at += 1;
    match kind {
        0 => {
            leb128(bytes, at)?;
        }
        1 => {
            *at += 1;
            let flags = *bytes.get(*at).context("table limits")?;
            *at += 1;
            leb128(bytes, at)?;
            if flags & 1 == 1 {
                leb128(bytes, at)?;
            }
        }
        2 => {
            let flags = *bytes.get(*at).context("memory limits")?;
            *at += 1;
            leb128(bytes, at)?;
            if flags & 1 == 1 {
                leb128(bytes, at)?;
            }
        }
        3 => *at += 2,
        other => bail!("an import of unknown kind {other}"),
    }
    Ok(())
}

/// An import's name as wasm-bindgen wrote it, and its short name.
type Renamed = (String, String);

/// The module with its bindings' imports renamed, and each (old, new) name.
fn rename_imports(wasm: &[u8]) -> Result<(Vec<u8>, Vec<Renamed>)> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0") {
        bail!("not a wasm module");
    }
    let mut out = wasm[..8].to_vec();
    let mut renamed = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb128(wasm, &mut at)? as usize;
        let (start, end) = (at, at + size);
        if id != 2 {
            out.push(id);
            push_leb128(&mut out, size as u32);
            out.extend_from_slice(&wasm[start..end]);
            at = end;
            continue;
        }
        let mut section = Vec::new();
        let count = leb128(wasm, &mut at)?;
        push_leb128(&mut section, count);
        for _ in 0..count {
            let module = name(wasm, &mut at)?;
            let field = name(wasm, &mut at)?;
            let desc = at;
            skip_import_desc(wasm, &mut at)?;
            if module == MODULE {
                let short = short_name(renamed.len());
                push_name(&mut section, SHORT_MODULE);
                push_name(&mut section, &short);
                renamed.push((field.to_string(), short));
            } else {
                push_name(&mut section, module);
                push_name(&mut section, field);
            }
            section.extend_from_slice(&wasm[desc..at]);
        }
        if at != end {
            bail!("the import section did not end where its size said");
        }
        out.push(2);
        push_leb128(&mut out, section.len() as u32);
        out.extend_from_slice(&section);
    }
    Ok((out, renamed))
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
        // (module (import "./rankclimb_bg.js" "__wbg_log_0123456789abcdef" (func))
        //         (import "env" "x" (func)))
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        let mut imports = Vec::new();
        push_leb128(&mut imports, 2);
        push_name(&mut imports, MODULE);
        push_name(&mut imports, "__wbg_log_0123456789abcdef");
        imports.extend_from_slice(&[0, 0]);
        push_name(&mut imports, "env");
        push_name(&mut imports, "x");
        imports.extend_from_slice(&[0, 0]);
        let types = [1u8, 4, 1, 0x60, 0, 0];
        wasm.extend_from_slice(&types);
        wasm.push(2);
        push_leb128(&mut wasm, imports.len() as u32);
        wasm.extend_from_slice(&imports);
        let (out, renamed) = rename_imports(&wasm).expect("renames");
        assert_eq!(
            renamed,
            [("__wbg_log_0123456789abcdef".to_string(), "a".to_string())]
        );
        assert_eq!(
            &out[..14],
            &wasm[..14],
            "the header and the type section are kept"
        );
        assert_eq!(out[14], 2, "the import section follows");
        let mut at = 15;
        let size = leb128(&out, &mut at).expect("size") as usize;
        assert_eq!(at + size, out.len());
        assert_eq!(leb128(&out, &mut at).expect("count"), 2);
        assert_eq!(name(&out, &mut at).expect("module"), "m");
        assert_eq!(name(&out, &mut at).expect("field"), "a");
        at += 2;
        assert_eq!(name(&out, &mut at).expect("module"), "env");
        assert_eq!(name(&out, &mut at).expect("field"), "x");
        assert_eq!(at + 2, out.len(), "each import keeps its kind and type");
    }
}
