//! `--fix` and `--diff`: files written back in their own encoding and line
//! endings, nothing outside the edits changed, Word files never touched,
//! the fixed findings gone on the next run, and a diff `patch` applies.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// Every kind of fixable defect, one or more per line, with CRLF endings;
/// the last line has an unbalanced quote, which has no fix.
const DEFECTS: &str = "一、存在的问题\r\n\
（一）理论学习不深。我在党委会上的发言重业务,轻党建的倾向明显;对\"四个意识\"的认识停留在口头上，定 期开展学习不到位 。调研不够深入。。\r\n\
（二）担当作为不够。对”两个确立“的决定性意义领悟不深，整改清单已整理成表(详见附件2)，但跟踪落实不够，，群众满意度不高。\r\n\
（三）作风建设有差距。有群众反映“门难进、脸难看，我没有及时组织调查处理，直到上级督办才整改。\r\n";

/// What `--fix` must make of [`DEFECTS`], written out by hand.
const FIXED: &str = "一、存在的问题\r\n\
（一）理论学习不深。我在党委会上的发言重业务，轻党建的倾向明显；对“四个意识”的认识停留在口头上，定期开展学习不到位。调研不够深入。\r\n\
（二）担当作为不够。对“两个确立”的决定性意义领悟不深，整改清单已整理成表（详见附件2），但跟踪落实不够，群众满意度不高。\r\n\
（三）作风建设有差距。有群众反映“门难进、脸难看，我没有及时组织调查处理，直到上级督办才整改。\r\n";

fn encodings(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend(u.to_le_bytes());
        be.extend(u.to_be_bytes());
    }
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(text.as_bytes());
    vec![
        ("utf-8", text.as_bytes().to_vec()),
        ("utf-8-bom", bom),
        ("utf-16le", le),
        ("utf-16be", be),
        ("gb18030", gb.into_owned()),
    ]
}

fn punctuation_json(path: &Path) -> Value {
    check_json(&[path.to_str().unwrap(), "--select", "punctuation"]).1
}

fn fixable(json: &Value) -> Vec<&Value> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d.get("fix").is_some())
        .collect()
}

/// Places the findings stand for: a paragraph's many are one finding.
fn places(findings: &[&Value]) -> u64 {
    findings
        .iter()
        .map(|d| d["places"].as_u64().unwrap_or(1))
        .sum()
}

fn all(json: &Value) -> Vec<&Value> {
    json["diagnostics"].as_array().unwrap().iter().collect()
}

#[test]
fn fix_round_trips_every_encoding_with_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let want = encodings(FIXED);
    for (i, (name, bytes)) in encodings(DEFECTS).into_iter().enumerate() {
        let path = dir.path().join(format!("r{i}.txt"));
        std::fs::write(&path, &bytes).unwrap();
        let before = punctuation_json(&path);
        assert_eq!(places(&fixable(&before)), 9, "{name}: {before:#}");
        let out = bin()
            .args(["--fix", "--select", "punctuation", "--color", "never"])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("已自动修复 9 个问题（1 个文件）"),
            "{name}: {stderr}"
        );
        // The remaining finding (the unbalanced quote) is reported: warning,
        // below the default --fail-on error.
        assert_eq!(out.status.code(), Some(0), "{name}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains("不配对的 “"), "{name}: {stdout}");
        assert!(!stdout.contains("可自动修复"), "{name}: {stdout}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            want[i].1,
            "{name}: same encoding, BOM and CRLF, fixed text"
        );
        // The next run finds none of the fixed findings, only the one
        // without a fix.
        let after = punctuation_json(&path);
        assert!(fixable(&after).is_empty(), "{name}: {after:#}");
        assert_eq!(after["diagnostics"].as_array().unwrap().len(), 1);
        // A run with nothing to fix writes nothing.
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        bin()
            .args(["--fix", "--select", "punctuation"])
            .arg(&path)
            .assert()
            .code(0);
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            modified
        );
    }
    // No temporary file is left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 5);
}

/// The edits JSON reports, applied by hand, give exactly the bytes `--fix`
/// wrote; every byte outside the edits is the byte that was there.
#[test]
fn fixing_changes_no_byte_outside_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let mut texts = vec![DEFECTS.to_string()];
    for name in [
        "bad-punctuation.txt",
        "good-04-halfwidth.txt",
        "bad-vague.txt",
    ] {
        texts.push(std::fs::read_to_string(corpus(name)).unwrap());
    }
    // A web copy of the eval set: straight quotes and half-width commas.
    texts.push(std::fs::read_to_string(corpus("eval/layouts-c1/c02.txt")).unwrap());
    for (i, text) in texts.iter().enumerate() {
        let path = dir.path().join(format!("t{i}.txt"));
        std::fs::write(&path, text).unwrap();
        let json = check_json(&[path.to_str().unwrap()]).1;
        let mut edits: Vec<(usize, usize, String)> = fixable(&json)
            .iter()
            .flat_map(|d| d["fix"]["edits"].as_array().unwrap())
            .map(|e| {
                (
                    e["start"].as_u64().unwrap() as usize,
                    e["end"].as_u64().unwrap() as usize,
                    e["replacement"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        edits.sort();
        edits.dedup();
        bin().arg("--fix").arg(&path).output().unwrap();
        let new = std::fs::read(&path).unwrap();
        let old = text.as_bytes();
        // Walk both files: between edits, byte for byte the same; at an
        // edit, its replacement. Overlapping edits would break the walk.
        let (mut o, mut n) = (0, 0);
        for (start, end, replacement) in &edits {
            assert!(*start >= o, "t{i}: overlapping edits {edits:?}");
            assert_eq!(old[o..*start], new[n..n + (start - o)], "t{i} at byte {o}");
            n += start - o;
            assert_eq!(&new[n..n + replacement.len()], replacement.as_bytes());
            n += replacement.len();
            o = *end;
            for b in &old[*start..*end] {
                assert!(!b"\r\n".contains(b), "t{i}: an edit removes a line break");
            }
        }
        assert_eq!(old[o..], new[n..], "t{i}: the tail");
        if i == 0 {
            assert_eq!(edits.len(), 12, "{edits:?}");
        }
    }
}

#[test]
fn a_word_file_is_reported_not_fixable_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("材料.docx");
    let paragraphs: Vec<&str> = DEFECTS.lines().map(|l| l.trim_end()).collect();
    let bytes = docx(&paragraphs);
    std::fs::write(&path, &bytes).unwrap();
    let json = punctuation_json(&path);
    assert_eq!(places(&all(&json)), 10);
    // Its findings claim no fix: byte offsets of the text are not the file's.
    assert!(fixable(&json).is_empty(), "{json:#}");
    for flag in ["--fix", "--diff"] {
        let out = bin()
            .args([flag, "--select", "punctuation"])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("Word 文件（.docx）不能自动修复，未改动；其中 9 个可修复的问题"),
            "{flag}: {stderr}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{flag}");
    }
}

#[test]
fn diff_writes_nothing_and_applies_with_patch() {
    if std::process::Command::new("patch")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "`patch` is missing on CI: install it"
        );
        eprintln!("NOTICE: `patch` not found; the --diff test is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("材料")).unwrap();
    let crlf = dir.path().join("材料/crlf.txt");
    let bom = dir.path().join("材料/bom.txt");
    let clean = dir.path().join("材料/clean.txt");
    let lf = DEFECTS.replace("\r\n", "\n");
    // No newline at the end of the last line either.
    std::fs::write(&crlf, DEFECTS.trim_end()).unwrap();
    std::fs::write(&bom, [b"\xEF\xBB\xBF".as_slice(), lf.as_bytes()].concat()).unwrap();
    std::fs::copy(corpus("good-01-yi-guanyu.txt"), &clean).unwrap();
    let before: Vec<Vec<u8>> = [&crlf, &bom, &clean]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let out = bin()
        .current_dir(dir.path())
        .args(["--diff", "--select", "punctuation", "材料"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "a diff: exit 1");
    let diff = out.stdout;
    let text = String::from_utf8_lossy(&diff);
    assert!(
        text.contains("--- a/材料/crlf.txt\n+++ b/材料/crlf.txt\n"),
        "{text}"
    );
    assert!(!text.contains("clean.txt"), "{text}");
    let after: Vec<Vec<u8>> = [&crlf, &bom, &clean]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert_eq!(before, after, "--diff writes nothing");
    // The diff, applied with patch, gives what --fix writes.
    let patched = std::process::Command::new("patch")
        .current_dir(dir.path())
        .args(["-p1", "--quiet", "--batch", "-i", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(&diff)?;
            child.wait()
        })
        .unwrap();
    assert!(patched.success(), "patch failed on:\n{text}");
    let fixed_copy = tempfile::tempdir().unwrap();
    std::fs::create_dir(fixed_copy.path().join("材料")).unwrap();
    for (p, b) in [&crlf, &bom, &clean].iter().zip(&before) {
        let name = p.file_name().unwrap();
        std::fs::write(fixed_copy.path().join("材料").join(name), b).unwrap();
    }
    bin()
        .current_dir(fixed_copy.path())
        .args(["--fix", "--select", "punctuation", "材料"])
        .output()
        .unwrap();
    for p in [&crlf, &bom, &clean] {
        let name = p.file_name().unwrap();
        assert_eq!(
            std::fs::read(p).unwrap(),
            std::fs::read(fixed_copy.path().join("材料").join(name)).unwrap(),
            "{}",
            name.to_string_lossy()
        );
    }
    assert_eq!(
        std::fs::read_to_string(&crlf).unwrap(),
        FIXED.trim_end(),
        "patched as written by hand"
    );
    // Nothing left to change: an empty diff, exit 0.
    let out = bin()
        .current_dir(dir.path())
        .args(["--diff", "--select", "punctuation", "材料"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn machine_formats_carry_the_fix_and_people_are_told() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    std::fs::write(&path, DEFECTS).unwrap();
    let json = punctuation_json(&path);
    // The first finding groups a paragraph's places; its first place is a
    // comma, and its fix starts with that comma's edit.
    let comma = &json["diagnostics"][0];
    assert_eq!(comma["text"], ",");
    assert_eq!(
        comma["fix"]["edits"][0],
        serde_json::json!({"start": comma["span"]["start"], "end": comma["span"]["end"], "replacement": "，"})
    );
    // A reversed pair is fixed by swapping both marks: an edit at each end.
    let (finding, pair) = all(&json)
        .into_iter()
        .flat_map(|d| d["labels"].as_array().unwrap().iter().map(move |l| (d, l)))
        .find(|(_, l)| l["message"].as_str().unwrap().contains("颠倒"))
        .unwrap();
    let edits = finding["fix"]["edits"].as_array().unwrap();
    let (start, end) = (&pair["span"]["start"], &pair["span"]["end"]);
    assert!(
        edits
            .iter()
            .any(|e| e["start"] == *start && e["replacement"] == "“"),
        "{edits:?}"
    );
    assert!(
        edits
            .iter()
            .any(|e| e["end"].as_u64().unwrap() == end.as_u64().unwrap() && e["replacement"] == "”"),
        "{edits:?}"
    );
    let out = bin()
        .args(["--format", "sarif", "--select", "punctuation"])
        .arg(&path)
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &sarif["runs"][0]["results"][0];
    let replacement = &first["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "，");
    assert_eq!(
        replacement["deletedRegion"]["startColumn"],
        first["locations"][0]["physicalLocation"]["region"]["startColumn"]
    );
    let human = bin()
        .args(["--select", "punctuation", "--color", "never"])
        .arg(&path)
        .output()
        .unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    // Every finding with a fix says so, and only those.
    let with_fix = fixable(&json).len();
    assert!(with_fix >= 1);
    assert_eq!(
        human.matches("= 可自动修复（--fix）").count(),
        with_fix,
        "{human}"
    );
}

#[test]
fn standard_input_cannot_be_fixed() {
    for flag in ["--fix", "--diff"] {
        bin()
            .args([flag, "-"])
            .write_stdin(DEFECTS)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("不能用于标准输入"));
    }
}
