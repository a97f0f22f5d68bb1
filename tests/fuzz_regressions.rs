//! The fuzz targets' committed inputs, run without nightly: every file of
//! fuzz/corpus/<target>/ (the minimised corpus), fuzz/seeds/<target>/ and
//! fuzz/regressions/<target>/ (inputs that once crashed) goes through the
//! same entry point as the target (`critique_lint::fuzzing`), which panics
//! on a span outside its text or off a character boundary.

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in ["corpus", "seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(target)) else {
            continue;
        };
        out.extend(entries.map(|e| e.unwrap().path()));
    }
    out.sort();
    out
}

/// Runs `entry` on every input of `target`, naming the input that panics.
fn each(target: &str, max_len: usize, entry: impl Fn(&[u8])) {
    let files = inputs(target);
    assert!(!files.is_empty(), "no inputs for {target}");
    for f in files {
        let mut bytes = std::fs::read(&f).unwrap();
        // The fuzzer truncates longer inputs to its -max_len (fuzz/run.sh).
        bytes.truncate(max_len);
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| entry(&bytes)));
        assert!(run.is_ok(), "{} panicked", f.display());
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn decode() {
    each("decode", 32768, |b| {
        critique_lint::fuzzing::decode(b);
    });
}

#[test]
fn docx() {
    each("docx", 65536, |b| {
        critique_lint::fuzzing::docx_input(b);
    });
}

#[test]
fn outline() {
    each("outline", 16384, |b| {
        critique_lint::fuzzing::outline(&text(b));
    });
}

#[test]
fn config() {
    each("config", 8192, |b| {
        critique_lint::fuzzing::config_user(&text(b));
        critique_lint::fuzzing::config_extend(&text(b));
    });
}

#[test]
fn check() {
    each("check", 12288, |b| {
        critique_lint::fuzzing::check(&text(b));
    });
}

#[test]
fn the_seeds_reach_what_they_are_for() {
    // A seed that no longer loads would leave its target fuzzing errors only.
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let read = |p: &str| std::fs::read_to_string(seeds.join(p)).unwrap();
    assert!(critique_lint::fuzzing::config_extend(&read(
        "config/readme-extend.yaml"
    )));
    assert!(critique_lint::fuzzing::docx_input(
        &std::fs::read(seeds.join("docx/crafted.xml")).unwrap()
    )
    .is_some());
    assert!(critique_lint::fuzzing::decode(
        &std::fs::read(seeds.join("decode/gb18030.txt")).unwrap()
    )
    .is_some());
    assert!(critique_lint::fuzzing::outline(&read("outline/markers.txt")) >= 3);
}
