//! Inputs a hostile user (or an unlucky upload) can give: each one is
//! refused or handled with a clear error naming the file, exit code 2 where
//! something could not be done, and the other files' results kept.

mod common;
use common::*;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs `check --format json ARGS` in `dir`; (code, stdout JSON, stderr).
fn run_in(dir: &Path, args: &[&str]) -> (i32, Value, String) {
    let out = bin()
        .current_dir(dir)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap(),
        json,
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn checked_paths(json: &Value) -> Vec<String> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_zip_bomb_is_refused_and_the_other_reports_are_checked() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.docx");
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    z.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated),
    )
    .unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..256 {
        z.write_all(&chunk).unwrap();
    }
    z.finish().unwrap();
    std::fs::write(&bomb, buf.into_inner()).unwrap();
    let started = std::time::Instant::now();
    let (code, json, _) = run_in(dir.path(), &[s(&bomb), s(&corpus("bad-numbering.txt"))]);
    assert!(started.elapsed().as_secs() < 10);
    assert_eq!(code, 2);
    assert_eq!(json["errors"][0]["path"], s(&bomb));
    assert!(
        json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("压缩炸弹"),
        "{json}"
    );
    assert_eq!(checked_paths(&json).len(), 1, "the other report is checked");
    assert_eq!(fired(&json, "numbering").len(), 3);
}

#[test]
fn a_report_over_the_size_limit_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "学".repeat(700_000)).unwrap(); // 2.1 MB
    let (code, json, _) = run_in(dir.path(), &[s(&big), s(&corpus("bad-numbering.txt"))]);
    assert_eq!(code, 2);
    assert_eq!(json["errors"][0]["path"], s(&big));
    assert!(
        json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("max-report-size"),
        "{json}"
    );
    assert_eq!(fired(&json, "numbering").len(), 3);
    // The limit is a setting.
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "max-report-size: 4M\n",
    )
    .unwrap();
    let (_, json, _) = run_in(dir.path(), &[s(&big), "--select", "numbering"]);
    assert!(json["errors"].as_array().unwrap().is_empty(), "{json}");
}

/// Inputs of a megabyte or two made of one shape repeated. Each took
/// seconds to minutes, growing with the square of the size; now the work
/// grows with the size. A character spaced out (学 学 学…: the stray-space
/// check looked back over the line for 《 at every gap); one character or
/// one word written over and over (学学学…: every window an idiom's doubled
/// half; 推进推进…: thousands of findings, each column counted from the
/// start of a one-line file); one item of hedged clauses with no sentence
/// end (each hedge read its sentence for 虽然), or of 一是…二是… (the
/// same); placeholders by the thousand (each compared with all found);
/// thousands of cause items (each phrase with all found), of parts
/// without items (each with all paragraphs) and of cause cues in a
/// problem list (each read the numbering of the whole part); 第一，… with
/// no clause end (each marker read its line for a label and for 究其原因);
/// **不够… (each residue read its line for a footnote note); sentences
/// opening with 究其原因 (each read its paragraph for 一是); thousands of
/// parents with a point each (each compared with all later ones for a
/// count numbered once through). A hang guard, not a
/// benchmark: the bound is far above a debug build's seconds.
#[test]
fn long_repetitive_inputs_do_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let causes: String = (1..12_000)
        .map(|i| format!("{i}.工作忙、任务重、人手少，没有时间学习。\n"))
        .collect();
    let shapes = [
        ("spaced.txt", "学 ".repeat(450_000)),
        ("one-character.txt", "学".repeat(600_000)),
        ("one-word.txt", "推进".repeat(300_000)),
        (
            "hedges.txt",
            format!(
                "一、存在的问题\n（一）{}\n",
                "学习不够深入有所欠缺，".repeat(30_000)
            ),
        ),
        (
            "inline.txt",
            format!("一是{}", ["学习不够"; 50_000].join("二是")),
        ),
        ("residues.txt", "202X年".repeat(60_000)),
        ("causes.txt", format!("二、原因剖析\n{causes}")),
        (
            "cause-cues.txt",
            "（一）学习\n究其原因：一是\n（一）x\n".repeat(30_000),
        ),
        ("ordinals.txt", "第一，".repeat(150_000)),
        ("cue-sentences.txt", "。究其原因原因".repeat(80_000)),
        ("parents.txt", "一、：1.工作忙 \n。\n".repeat(40_000)),
        ("asterisks.txt", "**不够".repeat(80_000)),
        (
            "parts.txt",
            "一、存在的问题\n二、原因剖析\n三、整改措施\n".repeat(10_000),
        ),
    ];
    for (name, text) in &shapes {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let started = std::time::Instant::now();
    let (code, json, _) = run_in(dir.path(), &["."]);
    assert!(started.elapsed().as_secs() < 120, "{:?}", started.elapsed());
    assert_eq!(code, 1);
    assert_eq!(checked_paths(&json).len(), shapes.len(), "{json}");
    // The word written twice is found on every pair after the first, with
    // its column on the one line.
    let doubled: Vec<&Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "typo" && d["path"].as_str().unwrap().ends_with("one-word.txt"))
        .collect();
    assert!(doubled.len() > 1000, "{}", doubled.len());
    let last = doubled.last().unwrap();
    let start = last["span"]["start"].as_u64().unwrap();
    assert_eq!(last["span"]["line"], 1);
    assert_eq!(last["span"]["column"].as_u64().unwrap(), start / 3 + 1);
}

#[test]
fn bad_numbers_are_refused_with_a_position() {
    let r = corpus("good-01-yi-guanyu.txt");
    for bad in ["5", "-1", "NaN", "inf"] {
        bin()
            .arg(&r)
            .arg(format!("--max-shared={bad}"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("0 到 1 之间"));
    }
    for bad in ["0", "18446744073709551615", "10000"] {
        bin()
            .args([s(&r), "-j", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("1 到 256 之间"));
    }
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("critique-lint.yaml");
    for (yaml, at) in [
        (
            "copying: {noise: 1, guarantee: 1}\n",
            "critique-lint.yaml:1:18",
        ),
        (
            "copying:\n  noise: 30\n  guarantee: 20\n",
            "critique-lint.yaml:3:14",
        ),
        ("links:\n  threshold: .nan\n", "critique-lint.yaml:2:14"),
        (
            "rules:\n  unaddressed-problem:\n    params:\n      threshold: 7\n",
            "critique-lint.yaml:4:18",
        ),
    ] {
        std::fs::write(&cfg, yaml).unwrap();
        bin()
            .current_dir(dir.path())
            .arg(&r)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(at));
    }
}

#[test]
fn an_empty_formulation_stem_is_a_config_error_not_a_panic() {
    let dir = project(&[
        ("critique-lint.yaml", "extend-rules: [extra.yaml]\n"),
        ("extra.yaml", "- id: my-formulation\n  kind: formulation\n  severity: error\n  summary: s\n  message: m\n  explanation: e\n  bad: b\n  good: g\n  params:\n    phrases:\n      - name: 两个维护\n        stem: \"\"\n        accepted: [维护党中央权威]\n"),
    ]);
    bin()
        .current_dir(dir.path())
        .arg(corpus("good-01-yi-guanyu.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("extra.yaml:12:15"))
        .stderr(predicate::str::contains("`stem` 不能为空"));
}

#[test]
fn deep_yaml_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("rules: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    std::fs::write(dir.path().join("critique-lint.yaml"), deep).unwrap();
    let started = std::time::Instant::now();
    bin()
        .current_dir(dir.path())
        .arg(corpus("good-01-yi-guanyu.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("critique-lint.yaml:1:72"));
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn terminal_and_workflow_commands_cannot_be_injected() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(corpus("bad-placeholder.txt"))
        .unwrap()
        .replace(
            "卡在县XX局",
            "卡在县XX局\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{202e}",
        );
    let r = dir.path().join("e.txt");
    std::fs::write(&r, &text).unwrap();
    // Wide enough for the escapes to be shown beside the placeholder.
    let human = bin()
        .arg(&r)
        .args(["--color", "never", "--width", "300"])
        .output()
        .unwrap();
    let out = String::from_utf8(human.stdout).unwrap();
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}'));
    assert!(out.contains("XX局\\u{1b}]0;"), "shown escaped: {out}");
    let github = bin().arg(&r).args(["--format", "github"]).output().unwrap();
    let out = String::from_utf8(github.stdout).unwrap();
    assert!(!out.contains('\u{1b}'));
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
    // JSON keeps the original text, correctly encoded.
    let (_, json, _) = run_in(dir.path(), &[s(&r)]);
    assert!(json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["text"] == "XX"));
}

#[test]
fn a_file_given_twice_or_through_a_link_is_checked_once() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path().join("r.txt");
    std::fs::copy(corpus("good-01-yi-guanyu.txt"), &r).unwrap();
    std::os::unix::fs::symlink(&r, dir.path().join("alias.txt")).unwrap();
    let (code, json, _) = run_in(dir.path(), &["r.txt", "./r.txt", "."]);
    assert_eq!(code, 0);
    assert_eq!(checked_paths(&json), ["r.txt"]);
    assert!(json["similarity"].as_array().unwrap().is_empty());
    // `- -` reads stdin once.
    let out = bin()
        .args(["--format", "json", "-", "-"])
        .write_stdin(std::fs::read(corpus("bad-numbering.txt")).unwrap())
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(checked_paths(&json), ["<stdin>"]);
}

#[test]
fn an_unreadable_subfolder_is_named_and_the_rest_of_the_folder_is_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::copy(corpus("bad-numbering.txt"), locked.join("x.txt")).unwrap();
    std::fs::copy(corpus("bad-numbering.txt"), dir.path().join("ok.txt")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let bin_path = assert_cmd::cargo::cargo_bin("critique-lint");
    // Root reads any folder: run as nobody then (setpriv, util-linux).
    let mut cmd = if unsafe_is_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin_path);
        c
    } else {
        std::process::Command::new(&bin_path)
    };
    let out = cmd
        .current_dir(dir.path())
        .args(["--format", "json", "."])
        .output()
        .unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(checked_paths(&json), ["./ok.txt"]);
    assert_eq!(json["errors"][0]["path"], "./locked");
    assert_eq!(fired(&json, "numbering").len(), 3);
}

/// Whether the tests run as root (permissions do not stop root).
fn unsafe_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn per_file_ignores_match_paths_relative_to_the_config_however_they_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("历史材料/2023");
    std::fs::create_dir_all(&old).unwrap();
    std::fs::copy(corpus("bad-placeholder.txt"), old.join("a.txt")).unwrap();
    std::fs::copy(corpus("bad-placeholder.txt"), dir.path().join("new.txt")).unwrap();
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "per-file-ignores:\n  \"历史材料/**\": [placeholder]\n",
    )
    .unwrap();
    let placeholder_paths = |json: &Value| {
        let mut p: Vec<String> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "placeholder")
            .map(|d| d["path"].as_str().unwrap().to_string())
            .collect();
        p.dedup();
        p
    };
    let abs = old.join("a.txt");
    let sub = dir.path().join("历史材料");
    for (cwd, args) in [
        (dir.path(), vec!["."]),
        (
            dir.path(),
            vec!["./历史材料//2023/../2023/a.txt", "new.txt"],
        ),
        (dir.path(), vec![s(&abs), "new.txt"]),
        (sub.as_path(), vec!["2023/a.txt", "../new.txt"]),
    ] {
        let (_, json, _) = run_in(cwd, &args);
        let paths = placeholder_paths(&json);
        assert_eq!(paths.len(), 1, "{args:?}: {paths:?}");
        assert!(paths[0].ends_with("new.txt"), "{args:?}: {paths:?}");
    }
}

#[test]
fn a_baseline_works_however_the_reports_are_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    let r = dir.path().join("reports/r.txt");
    std::fs::copy(corpus("bad-placeholder.txt"), &r).unwrap();
    // Written from a folder run started at the top...
    let (code, _, _) = run_in(dir.path(), &[".", "--write-baseline", "baseline.json"]);
    assert_eq!(code, 0);
    // ...it hides everything when the file is named, from another folder.
    let (code, json, stderr) = run_in(
        &dir.path().join("reports"),
        &["r.txt", "--baseline", "../baseline.json"],
    );
    assert_eq!(code, 0, "{stderr}");
    // All 7 findings of the report (its placeholders).
    assert_eq!(json["baselined"], 7);
    // A baseline that names none of the checked files says so.
    let other = dir.path().join("other.txt");
    std::fs::copy(corpus("bad-numbering.txt"), &other).unwrap();
    let (_, _, stderr) = run_in(dir.path(), &["other.txt", "--baseline", "baseline.json"]);
    assert!(stderr.contains("都对不上"), "{stderr}");
}

#[test]
fn outputs_never_overwrite_a_report_and_dash_is_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path().join("r.txt");
    std::fs::copy(corpus("bad-numbering.txt"), &r).unwrap();
    let before = std::fs::read(&r).unwrap();
    for flag in ["-o", "--write-baseline"] {
        bin()
            .current_dir(dir.path())
            .args(["r.txt", flag, "./r.txt"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("输出文件就是被检查的材料"));
        assert_eq!(std::fs::read(&r).unwrap(), before);
    }
    // An output with a report's extension inside the linted folder: warned.
    bin()
        .current_dir(dir.path())
        .args([".", "-o", "result.txt"])
        .assert()
        .stderr(predicate::str::contains("下次检查该目录时会被当作一份材料"));
    // -o - is standard output, not a file named "-".
    let out = bin()
        .current_dir(dir.path())
        .args(["r.txt", "--format", "json", "-o", "-"])
        .output()
        .unwrap();
    assert!(serde_json::from_slice::<Value>(&out.stdout).is_ok());
    assert!(!dir.path().join("-").exists());
}
