//! The shape of `src/`: no module imports one that imports it back, whether directly or
//! through others, and no file is too long to read in one sitting.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/check/panels.rs` → `check::panels`; `src/check/mod.rs` → `check`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file
        .strip_prefix(src)
        .expect("under src")
        .with_extension("");
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| p != "mod" && p != "lib")
        .collect();
    parts.join("::")
}

/// The path segments after each `prefix` (`crate::` or `super::`) in `code`, with the
/// alternatives of a `{…}` group after it spelt out one by one.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let rest = &code[at + prefix.len()..];
        let head: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let segments: Vec<String> = head
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let after = &rest[head.len()..];
        if after.starts_with('{') {
            let group = &after[1..after.find('}').unwrap_or(after.len())];
            for alt in group.split(',') {
                let mut path = segments.clone();
                path.extend(alt.trim().split("::").map(|s| s.trim().to_string()));
                out.push(path);
            }
        } else {
            out.push(segments);
        }
    }
    out
}

/// The longest module of `modules` that `path` (from the crate root) starts with.
fn resolve(path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| modules.contains(m))
}

fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let code: String = std::fs::read_to_string(file)
            .expect("read a source file")
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let parent: Vec<String> = if file.ends_with("mod.rs") {
            module.split("::").map(str::to_string).collect()
        } else {
            let mut p: Vec<String> = module.split("::").map(str::to_string).collect();
            p.pop();
            p
        };
        // In a folder's `mod.rs`, `super` is the folder's parent.
        let mut from_super = parent.clone();
        if file.ends_with("mod.rs") {
            from_super.pop();
        }
        let mut uses = BTreeSet::new();
        for path in paths_after(&code, "crate::") {
            uses.extend(resolve(&path, &modules));
        }
        for path in paths_after(&code, "super::") {
            let full: Vec<String> = from_super.iter().cloned().chain(path).collect();
            uses.extend(resolve(&full, &modules));
        }
        // A folder's `mod.rs` reaches its own children by their bare names.
        if file.ends_with("mod.rs") || module.is_empty() {
            for line in code.lines().map(str::trim) {
                let Some(rest) = line.strip_prefix("pub use ").or(line.strip_prefix("use ")) else {
                    continue;
                };
                let first: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let child = if module.is_empty() {
                    first
                } else {
                    format!("{module}::{first}")
                };
                if modules.contains(&child) {
                    uses.insert(child);
                }
            }
        }
        uses.remove(&module);
        graph.insert(module, uses);
    }
    graph
}

/// A cycle through `start`, if there is one.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        at: &str,
        start: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in graph.get(at).into_iter().flatten() {
            if next == start {
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(graph, next, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    walk(graph, start, start, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = import_graph();
    assert!(graph.len() > 30, "{} modules read", graph.len());
    assert!(
        graph["view"].contains("rank_chart") && graph["check::ranking"].contains("check::problem"),
        "the reader sees imports: {graph:?}"
    );
    for module in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, module) {
            panic!("import cycle: {} → {module}", cycle.join(" → "));
        }
    }
    // The same among the top-level folders: the stages only look down.
    let top = |m: &str| m.split("::").next().unwrap_or_default().to_string();
    let mut folders: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, uses) in &graph {
        let entry = folders.entry(top(from)).or_default();
        entry.extend(uses.iter().map(|u| top(u)).filter(|u| *u != top(from)));
    }
    for folder in folders.keys() {
        if let Some(cycle) = cycle_from(&folders, folder) {
            panic!("folder cycle: {} → {folder}", cycle.join(" → "));
        }
    }
}

#[test]
fn no_source_file_is_over_about_400_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in files {
        let lines = std::fs::read_to_string(&file)
            .expect("read")
            .lines()
            .count();
        assert!(lines <= 420, "{} has {lines} lines", file.display());
    }
}
