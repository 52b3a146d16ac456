//! `cargo xtask check` as a newsroom runs it: each broken file is rejected with a message
//! naming the problem, and the bundled files pass.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

fn check(path: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("check")
        .arg(path)
        .output()
        .expect("run xtask");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn bundled_data_files_pass() {
    for f in ["www/data/pingdingshan.json", "www/data/example-city.json"] {
        let (ok, text) = check(&root().join(f));
        assert!(ok, "{f}: {text}");
        assert!(text.contains(": ok:"), "{text}");
        // Warnings too: `cargo xtask check --strict`.
        let strict = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(["check", "--strict"])
            .arg(root().join(f))
            .output()
            .expect("run xtask");
        assert!(
            strict.status.success(),
            "{f} --strict: {}",
            String::from_utf8_lossy(&strict.stderr)
        );
    }
}

#[test]
fn each_broken_file_is_rejected_with_its_problem_named() {
    let story = std::fs::read_to_string(root().join("www/data/pingdingshan.json")).expect("story");
    let dir = std::env::temp_dir().join(format!("rankclimb-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases: [(&str, String, &str); 6] = [
        ("not-json", "{ \"format\": ".into(), "EOF while parsing"),
        (
            "zero-rank",
            story.replacen("\"rank\": 98", "\"rank\": 0", 1),
            "ranking.points[3].rank: the rank 0 is below 1",
        ),
        (
            "unknown-field",
            story.replacen("\"year\": 2016", "\"year\": 2016, \"rnak\": 1", 1),
            "ranking.points[0].rnak: unknown field `rnak`",
        ),
        (
            "missing-rank",
            story.replacen("\"rank\": null,", "", 1),
            "missing field `rank`",
        ),
        (
            "bad-source",
            story.replacen(
                "\"sources\": [\n          \"henan",
                "\"sources\": [\n          \"nowhere\", \"henan",
                1,
            ),
            "\"nowhere\", which is not in \"sources\"",
        ),
        (
            "fall",
            story.replacen("\"rank\": 88", "\"rank\": 99", 1),
            "ranking.consecutive_rises: says every evaluation rose",
        ),
    ];
    for (name, text, expected) in cases {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, &text).expect("write");
        let (ok, out) = check(&path);
        assert!(!ok, "{name} should be rejected: {out}");
        assert!(
            out.contains(expected),
            "{name}: expected {expected:?} in {out}"
        );
        assert!(
            out.contains("(hint: "),
            "{name}: every problem comes with a hint: {out}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
