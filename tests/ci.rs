//! What CI users need: encodings and Word files, SARIF (validated against
//! the official 2.1.0 schema), GitHub annotations, JUnit, baselines,
//! per-file ignores, rule groups, statistics, -o, init.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn check_file(path: &Path) -> Value {
    check_json(&[path.to_str().unwrap(), "--ignore", "copying"]).1
}

#[test]
fn every_encoding_gives_the_same_findings() {
    let text = std::fs::read_to_string(corpus("bad-punctuation.txt"))
        .unwrap()
        .replace('\n', "\r\n");
    let dir = tempfile::tempdir().unwrap();
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend(u.to_le_bytes());
        be.extend(u.to_be_bytes());
    }
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(text.as_bytes());
    let variants = [
        ("utf-8", text.as_bytes().to_vec()),
        ("utf-8", bom),
        ("utf-16le", le),
        ("utf-16be", be),
        ("gb18030", gb.into_owned()),
    ];
    let mut results = Vec::new();
    for (i, (encoding, bytes)) in variants.iter().enumerate() {
        let path = dir.path().join(format!("r{i}.txt"));
        std::fs::write(&path, bytes).unwrap();
        let json = check_file(&path);
        assert_eq!(json["files"][0]["encoding"], *encoding);
        results.push(located(&json));
    }
    assert!(!results[0].is_empty());
    for r in &results[1..] {
        assert_eq!(r, &results[0]);
    }
}

#[test]
fn a_docx_gives_the_same_findings_as_its_text() {
    let text = std::fs::read_to_string(corpus("bad-placeholder.txt")).unwrap();
    let want = located(&check_file(&corpus("bad-placeholder.txt")));
    assert!(!want.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let built = dir.path().join("built.docx");
    std::fs::write(&built, docx(&text.lines().collect::<Vec<_>>())).unwrap();
    let json = check_file(&built);
    assert_eq!(json["files"][0]["format"], "docx");
    assert_eq!(located(&json), want);
    // The same report saved by LibreOffice Writer.
    assert_eq!(
        located(&check_file(&corpus(
            "docx/bad-placeholder-libreoffice.docx"
        ))),
        want
    );
}

#[test]
fn an_old_doc_file_gets_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("材料.doc");
    std::fs::write(&doc, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1binary").unwrap();
    let (code, json) = check_json(&[
        doc.to_str().unwrap(),
        corpus("good-01-yi-guanyu.txt").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    let msg = json["errors"][0]["message"].as_str().unwrap();
    assert!(msg.contains(".docx"), "{msg}");
    assert_eq!(json["summary"]["files"], 1);
}

#[test]
fn folders_are_walked_for_txt_docx_and_md() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(corpus("good-01-yi-guanyu.txt"), dir.path().join("a.txt")).unwrap();
    std::fs::copy(
        corpus("docx/bad-placeholder-libreoffice.docx"),
        dir.path().join("b.docx"),
    )
    .unwrap();
    std::fs::copy(
        corpus("good-02-plain-headings.txt"),
        dir.path().join("c.md"),
    )
    .unwrap();
    std::fs::write(dir.path().join("d.pdf"), b"%PDF").unwrap();
    let (_, json) = check_json(&[dir.path().to_str().unwrap()]);
    let names: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(names, ["a.txt", "b.docx", "c.md"]);
}

#[test]
fn sarif_validates_against_the_2_1_0_schema_and_matches_json() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    // A report that copies good-01's longest paragraph, so the run has
    // secondary labels (the other place of a shared passage).
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(corpus("good-01-yi-guanyu.txt")).unwrap();
    let longest = original.lines().max_by_key(|l| l.len()).unwrap();
    let copier = dir.path().join("copier.txt");
    let mut text = std::fs::read_to_string(corpus("good-02-plain-headings.txt")).unwrap();
    text.push_str(longest);
    text.push('\n');
    std::fs::write(&copier, text).unwrap();
    let paths = [
        corpus("bad-placeholder.txt"),
        corpus("bad-numbering.txt"),
        corpus("references/seed-2023-template.txt"),
        corpus("good-01-yi-guanyu.txt"),
        copier,
    ];
    let args: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    let out = bin()
        .args(["--format", "sarif"])
        .args(&args)
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let (_, json) = check_json(&args);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), json["diagnostics"].as_array().unwrap().len());
    // Secondary labels (the other place of a copied passage) are
    // relatedLocations, and the schema above has checked them too.
    let related: Vec<&Value> = results
        .iter()
        .filter_map(|r| r.get("relatedLocations"))
        .flat_map(|l| l.as_array().unwrap())
        .collect();
    let labels = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["labels"].as_array().unwrap().len())
        .sum::<usize>();
    assert!(labels > 0, "the run must have secondary labels");
    assert_eq!(related.len(), labels);
    assert!(related[0]["physicalLocation"]["region"]["startLine"].is_u64());
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(rules
        .iter()
        .any(|r| r["id"] == "placeholder" && r["help"]["text"].as_str().unwrap().contains("反例")));
    let first = &results[0];
    let d = &json["diagnostics"][0];
    assert_eq!(first["ruleId"], d["rule"]);
    assert_eq!(
        first["locations"][0]["physicalLocation"]["region"]["startLine"],
        d["span"]["line"]
    );
    assert_eq!(
        first["locations"][0]["physicalLocation"]["region"]["startColumn"],
        d["span"]["column"]
    );
}

#[test]
fn github_annotations_and_junit() {
    let path = corpus("bad-numbering.txt");
    let out = bin()
        .args(["--format", "github"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with(&format!("::warning file={},line=7,col=241,endLine=7,endColumn=243,title=critique-lint (numbering)::编号重复", path.display())), "{}", lines[0]);
    let out = bin()
        .args(["--format", "junit", "--fail-on", "warning"])
        .arg(&path)
        .arg(corpus("good-01-yi-guanyu.txt"))
        .output()
        .unwrap();
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(
        xml.contains(r#"<testsuites name="critique-lint" tests="2" failures="1""#),
        "{xml}"
    );
    assert_eq!(xml.matches("<failure ").count(), 3);
    // Well-formed.
    let mut reader = quick_xml::Reader::from_str(&xml);
    while reader.read_event().unwrap() != quick_xml::events::Event::Eof {}
}

/// Runs `--format junit` with extra arguments: (exit code, XML).
fn junit(args: &[&str]) -> (i32, String) {
    let out = bin()
        .args(["--format", "junit"])
        .args(args)
        .output()
        .unwrap();
    let xml = String::from_utf8(out.stdout).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    while reader.read_event().unwrap() != quick_xml::events::Event::Eof {}
    (out.status.code().unwrap(), xml)
}

/// A test case fails exactly when the run fails on its file.
#[test]
fn junit_fails_a_file_exactly_at_the_fail_on_level() {
    let warnings_only = corpus("bad-numbering.txt");
    // Only the hedges of bad-vague: infos.
    let info_only = corpus("bad-vague.txt");
    let (_, json) = check_json(&[info_only.to_str().unwrap(), "--select", "vague-wording"]);
    let severities: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["severity"].as_str().unwrap())
        .collect();
    assert!(
        !severities.is_empty() && severities.iter().all(|s| *s == "info"),
        "{severities:?}"
    );
    let w = warnings_only.to_str().unwrap();
    let i = info_only.to_str().unwrap();
    for (args, code, failures) in [
        // Warnings only, default --fail-on error: exit 0, nothing fails.
        (vec![w], 0, 0),
        (vec![w, "--fail-on", "warning"], 1, 1),
        (
            vec![i, "--select", "vague-wording", "--fail-on", "info"],
            1,
            1,
        ),
        (
            vec![i, "--select", "vague-wording", "--fail-on", "warning"],
            0,
            0,
        ),
    ] {
        let (got, xml) = junit(&args);
        assert_eq!(got, code, "{args:?}");
        assert!(
            xml.contains(&format!(r#"tests="1" failures="{failures}" errors="0""#)),
            "{args:?}: {xml}"
        );
        assert_eq!(
            xml.matches("<failure ").count() > 0,
            failures > 0,
            "{args:?}"
        );
        // Findings below the level are still shown.
        if failures == 0 {
            assert!(xml.contains("<system-out>"), "{args:?}: {xml}");
        }
    }
}

/// A file that cannot be read is in every CI format, not only on stderr.
#[test]
fn unreadable_files_appear_in_sarif_github_junit_and_gitlab() {
    let missing = "没有这个文件.txt";
    let good = corpus("good-01-yi-guanyu.txt");
    let run = |format: &str| {
        let out = bin()
            .args(["--format", format, missing])
            .arg(&good)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        String::from_utf8(out.stdout).unwrap()
    };
    let sarif: Value = serde_json::from_str(&run("sarif")).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert_eq!(note["message"]["text"], "文件不存在");
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        missing
    );
    let github = run("github");
    assert!(
        github.contains(&format!(
            "::error file={missing},title=critique-lint::无法检查此文件：文件不存在"
        )),
        "{github}"
    );
    let xml = run("junit");
    assert!(
        xml.contains(r#"tests="2" failures="0" errors="1""#),
        "{xml}"
    );
    assert_eq!(
        xml.matches("<testcase ").count(),
        2,
        "tests= counts test cases"
    );
    assert!(xml.contains(r#"<error message="文件不存在"/>"#), "{xml}");
    let gitlab: Value = serde_json::from_str(&run("gitlab")).unwrap();
    let last = gitlab.as_array().unwrap().last().unwrap();
    assert_eq!(last["severity"], "critical");
    assert_eq!(last["location"]["path"], missing);
}

#[test]
fn gitlab_code_quality_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("材料")).unwrap();
    let path = dir.path().join("材料/r.txt");
    std::fs::copy(corpus("bad-placeholder.txt"), &path).unwrap();
    let run = || {
        let out = bin()
            .current_dir(dir.path())
            .args(["--format", "gitlab", "./材料/r.txt"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let report = run();
    let issues = report.as_array().unwrap();
    let (_, json) = check_json(&[path.to_str().unwrap()]);
    assert_eq!(issues.len(), json["diagnostics"].as_array().unwrap().len());
    for (issue, d) in issues.iter().zip(json["diagnostics"].as_array().unwrap()) {
        assert_eq!(issue["check_name"], d["rule"]);
        assert_eq!(issue["description"], d["message"]);
        assert_eq!(issue["location"]["path"], "材料/r.txt");
        assert_eq!(issue["location"]["lines"]["begin"], d["span"]["line"]);
        let want = match d["severity"].as_str().unwrap() {
            "error" => "major",
            "warning" => "minor",
            _ => "info",
        };
        assert_eq!(issue["severity"], want);
        assert_eq!(issue["fingerprint"].as_str().unwrap().len(), 32);
    }
    let fingerprints: std::collections::HashSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), issues.len(), "unique");
    // Lines moving keep every fingerprint (GitLab would see new findings).
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("\n\n{text}")).unwrap();
    let moved = run();
    let moved: std::collections::HashSet<&str> = moved
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    assert_eq!(moved, fingerprints);
}

#[test]
fn statistics_as_json_and_with_nothing_found() {
    let out = bin()
        .args(["--statistics", "--format", "json", "--select", "wording"])
        .arg(corpus("bad-vague.txt"))
        .output()
        .unwrap();
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    let (_, json) = check_json(&[
        "--select",
        "wording",
        corpus("bad-vague.txt").to_str().unwrap(),
    ]);
    let total: u64 = stats["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    assert_eq!(
        total as usize,
        json["diagnostics"].as_array().unwrap().len()
    );
    assert_eq!(stats["rules"][0]["rule"], "vague-wording");
    assert_eq!(stats["summary"], json["summary"]);
    let out = bin()
        .args(["--statistics", "--ignore", "copying"])
        .arg(corpus("good-01-yi-guanyu.txt"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "共检查 1 个文件，未发现问题\n"
    );
}

#[test]
fn baseline_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.txt");
    std::fs::copy(corpus("bad-placeholder.txt"), &report).unwrap();
    let base = dir.path().join("baseline.json");
    let r = report.to_str().unwrap();
    let b = base.to_str().unwrap();
    bin().args([r, "--write-baseline", b]).assert().code(0);
    let (code, json) = check_json(&[r, "--baseline", b]);
    assert_eq!(code, 0);
    assert!(json["diagnostics"].as_array().unwrap().is_empty());
    // Every finding of the report is in the baseline: its 7 placeholders
    // (its problems are all answered: 严格自我约束 answers 整改承诺没有兑现
    // by 每月接访, in the k-th-aspect-to-k-th-measure order the report uses).
    assert_eq!(json["baselined"], 7);
    // Lines move and one new defect is added: exactly that one is new.
    let text = std::fs::read_to_string(&report).unwrap();
    let moved = text
        .replacen('\n', "\n\n\n", 1)
        .replacen("一、", "一、XX单位", 1);
    std::fs::write(&report, moved).unwrap();
    let (code, json) = check_json(&[r, "--baseline", b]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&json),
        [("placeholder".to_string(), "XX".to_string())]
    );
    let human = bin()
        .args([r, "--baseline", b, "--color", "never"])
        .output()
        .unwrap();
    assert!(String::from_utf8(human.stdout)
        .unwrap()
        .contains("个问题已在基线中，未显示"));
}

#[test]
fn groups_per_file_ignores_statistics_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "select: [typography, structure]\nper-file-ignores:\n  \"*placeholder*\": [placeholder]\n",
    )
    .unwrap();
    let out_file = dir.path().join("out.json");
    // The same placeholders under a name the glob does not match.
    let other = dir.path().join("other.txt");
    std::fs::copy(corpus("bad-placeholder.txt"), &other).unwrap();
    bin()
        .current_dir(dir.path())
        .args(["--format", "json", "-o", out_file.to_str().unwrap()])
        .arg(corpus("bad-placeholder.txt"))
        .arg(corpus("bad-numbering.txt"))
        .arg(corpus("bad-vague.txt"))
        .arg(&other)
        .assert()
        .code(1);
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    let rules: Vec<(String, String)> = findings(&json);
    assert!(
        rules.iter().all(|(r, _)| [
            "numbering",
            "punctuation",
            "section-order",
            "missing-section",
            "placeholder"
        ]
        .contains(&r.as_str())),
        "{rules:?}"
    );
    assert!(rules.iter().any(|(r, _)| r == "numbering"));
    // Ignored only for the file the glob names: the copy keeps all 7.
    let placeholders: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "placeholder")
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(placeholders.len(), 7, "{placeholders:?}");
    assert!(placeholders.iter().all(|p| p.ends_with("other.txt")));
    let stats = bin()
        .current_dir(dir.path())
        .args(["--statistics", "--select", "wording"])
        .arg(corpus("bad-vague.txt"))
        .output()
        .unwrap();
    let stats = String::from_utf8(stats.stdout).unwrap();
    let first = stats.lines().next().unwrap();
    assert!(first.contains("vague-wording"), "{stats}");
    let n: usize = first.split_whitespace().next().unwrap().parse().unwrap();
    // The hedges of bad-vague's problems and measures that start and end on
    // token boundaries (corpus/MANIFEST counts 57 substrings).
    assert_eq!(n, 56);
}

#[test]
fn init_writes_a_starter_config_once() {
    let dir = tempfile::tempdir().unwrap();
    bin().current_dir(dir.path()).arg("init").assert().code(0);
    let text = std::fs::read_to_string(dir.path().join("critique-lint.yaml")).unwrap();
    assert!(text.contains("per-file-ignores"));
    bin().current_dir(dir.path()).arg("init").assert().code(2);
    // The written config is accepted.
    bin()
        .current_dir(dir.path())
        .arg(corpus("good-01-yi-guanyu.txt"))
        .assert()
        .code(0);
}

/// Runs the binary at a pseudo-terminal (util-linux `script`) from an
/// empty folder; returns everything it wrote to the terminal.
fn at_terminal(args: &[&str], env: &[(&str, &str)]) -> String {
    let bin = assert_cmd::cargo::cargo_bin("critique-lint");
    let mut line = shell_quote(bin.to_str().unwrap());
    for a in args {
        line.push(' ');
        line.push_str(&shell_quote(a));
    }
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &line, "/dev/null"])
        .current_dir(std::env::temp_dir())
        .env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .output()
        .expect("util-linux `script` runs commands at a terminal");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A folder of `n` small reports, enough for the progress bar.
fn many_reports(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let text = format!("第{i}份\n一、存在的问题\n（一）学习不深。\n");
        std::fs::write(dir.path().join(format!("r{i:03}.txt")), text).unwrap();
    }
    dir
}

#[test]
fn progress_bar_shows_at_a_terminal_unless_quiet_or_piped() {
    let dir = many_reports(60);
    let d = dir.path().to_str().unwrap();
    // The bar's template ends in 个文件; the summary line says 共检查.
    let shown = at_terminal(&[d, "--select", "numbering"], &[]);
    assert!(shown.contains("个文件"), "{shown}");
    let quiet = at_terminal(&[d, "--select", "numbering", "-q"], &[]);
    assert!(quiet.contains("共检查 60 个文件"), "{quiet}");
    assert!(!quiet.contains("/60 个文件"), "{quiet}");
    let piped = bin()
        .arg(d)
        .args(["--select", "numbering", "--format", "json"])
        .output()
        .unwrap();
    assert!(String::from_utf8(piped.stderr).unwrap().is_empty());
}

#[test]
fn colours_follow_color_no_color_and_the_terminal() {
    let r = corpus("bad-numbering.txt");
    let r = r.to_str().unwrap();
    let escape = "\u{1b}[";
    assert!(
        at_terminal(&[r], &[]).contains(escape),
        "auto at a terminal"
    );
    assert!(!at_terminal(&[r], &[("NO_COLOR", "1")]).contains(escape));
    assert!(!at_terminal(&[r, "--color", "never"], &[]).contains(escape));
    let piped = |extra: &[&str]| {
        let out = bin().arg(r).args(extra).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(!piped(&[]).contains(escape), "auto when piped");
    assert!(piped(&["--color", "always"]).contains(escape));
}
