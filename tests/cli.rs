//! The command line as a user meets it: contract of the JSON output, exit
//! codes, errors that name the file, determinism, subcommands.

mod common;
use common::*;
use predicates::prelude::*;
use serde_json::Value;

fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn json_output_follows_the_version_1_contract() {
    let path = corpus("bad-numbering.txt");
    let (code, json) = check_json(&[s(&path)]);
    assert_eq!(code, 0, "numbering is a warning; default fail-on is error");
    assert_eq!(json["version"], 1);
    let file = &json["files"][0];
    assert_eq!(file["path"], s(&path));
    assert_eq!(file["encoding"], "utf-8");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        file["chars"].as_u64().unwrap() as usize,
        text.chars().count()
    );
    let diags = json["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    for d in diags {
        for key in [
            "rule", "severity", "message", "path", "span", "text", "labels", "notes",
        ] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        let span = &d["span"];
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        // `text` is exactly the spanned bytes of the decoded text.
        assert_eq!(d["text"].as_str().unwrap(), &text[start..end]);
        // line/column are 1-based and count characters.
        let line = span["line"].as_u64().unwrap() as usize;
        let column = span["column"].as_u64().unwrap() as usize;
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(line, text[..start].matches('\n').count() + 1);
        assert_eq!(column, text[line_start..start].chars().count() + 1);
        let end_column = span["end_column"].as_u64().unwrap() as usize;
        assert_eq!(
            end_column,
            column + d["text"].as_str().unwrap().chars().count()
        );
        assert_eq!(span["end_line"], span["line"]);
    }
    let summary = &json["summary"];
    assert_eq!(summary["files"], 1);
    assert_eq!(
        summary["warnings"].as_u64().unwrap() as usize,
        diags.iter().filter(|d| d["severity"] == "warning").count()
    );
    assert_eq!(summary["errors"], 0);
    assert!(summary.get("infos").is_some());
}

#[test]
fn exit_codes_follow_the_failing_level() {
    let numbering = corpus("bad-numbering.txt");
    bin().arg(&numbering).assert().code(0);
    bin()
        .arg(&numbering)
        .args(["--fail-on", "warning"])
        .assert()
        .code(1);
    bin().arg(corpus("bad-placeholder.txt")).assert().code(1);
    bin()
        .arg(corpus("good-01-yi-guanyu.txt"))
        .args(["--fail-on", "info"])
        .assert()
        .code(0);
    // A report with infos only: they fail the run only at --fail-on info.
    let vague = corpus("bad-vague.txt");
    let infos_only = |level: Option<&str>| {
        let mut cmd = bin();
        cmd.arg(&vague).args(["--select", "vague-wording"]);
        if let Some(l) = level {
            cmd.args(["--fail-on", l]);
        }
        cmd.assert()
    };
    infos_only(None).code(0);
    infos_only(Some("warning")).code(0);
    infos_only(Some("info")).code(1);
    bin()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("请指定要检查的文件"));
    bin().args(["--format", "xml", "a.txt"]).assert().code(2);
}

#[test]
fn a_missing_file_is_named_and_the_others_are_still_checked() {
    let out = bin()
        .arg("no-such-report.txt")
        .arg(corpus("bad-placeholder.txt"))
        .arg("--color=never")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    // Errors go to stderr in every format; the findings and the summary
    // (which counts the unreadable file) to stdout.
    assert_eq!(
        stderr,
        "critique-lint: error: no-such-report.txt: 文件不存在\n"
    );
    assert!(!stdout.contains("文件不存在"), "{stdout}");
    assert!(stdout.contains("error[placeholder]"), "{stdout}");
    assert!(stdout.contains("1 个文件无法读取"), "{stdout}");
}

#[test]
fn submissions_in_formats_that_cannot_be_read_are_errors_not_skipped() {
    // An organiser's folder as members hand it in: one text, one .docx
    // saved as .doc, and an old .doc, a .wps and a .pdf that must be
    // converted; a picture is no submission.
    let dir = tempfile::tempdir().unwrap();
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    std::fs::copy(corpus("good-03-part.txt"), dir.path().join("a.txt")).unwrap();
    std::fs::copy(
        corpus("docx/bad-placeholder-libreoffice.docx"),
        dir.path().join("b.doc"),
    )
    .unwrap();
    std::fs::write(dir.path().join("c.doc"), ole).unwrap();
    std::fs::write(dir.path().join("d.wps"), ole).unwrap();
    std::fs::write(
        dir.path().join("e.pdf"),
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
    )
    .unwrap();
    std::fs::write(dir.path().join("f.png"), b"\x89PNG\r\n").unwrap();
    // Renamed, a PDF is still a PDF and an old Word file still one.
    let pdf_as_txt = dir.path().join("g.txt");
    std::fs::write(&pdf_as_txt, b"%PDF-1.4\n").unwrap();
    let (code, json) = check_json(&[s(dir.path())]);
    assert_eq!(code, 2, "an unreadable submission is an error");
    let errors: Vec<(String, String)> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let path = e["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap().to_string();
            (name, e["message"].as_str().unwrap().to_string())
        })
        .collect();
    let names: Vec<&str> = errors.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["c.doc", "d.wps", "e.pdf", "g.txt"], "{errors:?}");
    assert!(errors[0].1.contains("旧版 Word"), "{errors:?}");
    assert!(errors[1].1.contains("WPS") && errors[1].1.contains(".docx"));
    assert!(errors[2].1.contains("PDF") && errors[3].1.contains("PDF"));
    let files: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(files, ["a.txt", "b.doc"], "the .docx saved as .doc is read");
    assert!(
        findings(&json)
            .iter()
            .any(|(rule, _)| rule == "placeholder"),
        "the .doc's Word text was checked"
    );
}

#[test]
fn binary_files_and_empty_folders_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bin_path = dir.path().join("scan.txt");
    std::fs::write(&bin_path, b"PK\x03\x04\x00\x00\x00binary").unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let (code, json) = check_json(&[s(&bin_path), s(&empty), s(&corpus("good-03-part.txt"))]);
    assert_eq!(code, 2);
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0]["path"], s(&empty));
    assert!(errors[0]["message"]
        .as_str()
        .unwrap()
        .contains("没有可检查的报告文件"));
    assert_eq!(errors[1]["path"], s(&bin_path));
    assert!(errors[1]["message"].as_str().unwrap().contains("二进制"));
    assert_eq!(
        json["summary"]["files"], 1,
        "the good file was still checked"
    );
}

#[test]
fn bad_config_is_reported_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("critique-lint.yaml");
    std::fs::write(&cfg, "rules:\n  numbering:\n    severity: fatal\n").unwrap();
    bin()
        .current_dir(dir.path())
        .arg(corpus("good-01-yi-guanyu.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("critique-lint.yaml:3:15"))
        .stderr(predicate::str::contains("fatal"));
    std::fs::write(&cfg, "rules:\n  numbering: off\n  nonsense-rule: off\n").unwrap();
    bin()
        .current_dir(dir.path())
        .arg(corpus("good-01-yi-guanyu.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "critique-lint.yaml:3:3: 未知的规则 `nonsense-rule`",
        ));
    // A YAML syntax error: bad indentation.
    std::fs::write(&cfg, "rules:\n  numbering: off\n placeholder: off\n").unwrap();
    bin()
        .current_dir(dir.path())
        .arg(corpus("good-01-yi-guanyu.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("critique-lint.yaml:3:2"));
}

#[test]
fn config_is_found_in_parent_directories_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "rules:\n  numbering:\n    severity: error\n  placeholder: off\n",
    )
    .unwrap();
    let sub = dir.path().join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    let out = bin()
        .current_dir(&sub)
        .args(["--format", "json"])
        .arg(corpus("bad-numbering.txt"))
        .arg(corpus("bad-placeholder.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "numbering is now an error");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"numbering"));
    assert!(!rules.contains(&"placeholder"));
}

#[test]
fn extend_rules_and_dictionary_from_config() {
    let dir = project(&[
        ("critique-lint.yaml", "extend-rules: [extra.yaml]\ndictionary: [放管服]\nrules:\n  vague-wording:\n    params:\n      words: [放管服]\n"),
        ("extra.yaml", "- id: excuse-cause\n  kind: word-list\n  severity: warning\n  scope: [causes]\n  summary: 以客观原因代替主观剖析\n  message: 客观原因“{match}”\n  explanation: 原因要从主观上找。\n  bad: 工作忙\n  good: 放松了学习\n  params:\n    words: [工作忙, 任务重]\n"),
    ]);
    let report = dir.path().join("r.txt");
    std::fs::write(&report, "标题\n一、存在的问题\n（一）推进放管服改革慢。\n二、原因剖析\n（一）工作忙，放松了学习。\n三、整改措施\n（一）年底前完成改革，每月学习2次。\n").unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["--format", "json", "r.txt"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        findings(&json),
        [
            ("vague-wording".to_string(), "放管服".to_string()),
            ("excuse-cause".to_string(), "工作忙".to_string()),
            // The built-in rule of the same concern runs beside it.
            ("external-cause".to_string(), "工作忙".to_string())
        ]
    );
}

#[test]
fn select_and_ignore_filter_rules_and_unknown_ids_are_usage_errors() {
    let path = corpus("bad-placeholder.txt");
    let (_, json) = check_json(&[s(&path), "--select", "numbering,punctuation"]);
    assert!(findings(&json).is_empty());
    let (_, json) = check_json(&[s(&path), "--ignore", "placeholder"]);
    assert!(findings(&json).iter().all(|(r, _)| r != "placeholder"));
    let (_, json) = check_json(&[s(&path), "--select", "placeholder"]);
    assert_eq!(findings(&json).len(), 7);
    bin()
        .arg(&path)
        .args(["--select", "no-such"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("未知的规则或规则组 `no-such`"));
}

#[test]
fn output_is_identical_for_any_thread_count_and_follows_input_order() {
    let dir = corpus("");
    let run = |j: &str| {
        bin()
            .args(["--format", "json", "-j", j])
            .arg(&dir)
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
    let json: Value = serde_json::from_slice(&one).unwrap();
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "folders are walked in sorted order");
    let order: Vec<(usize, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                paths.iter().position(|p| *p == d["path"]).unwrap(),
                d["span"]["start"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut want = order.clone();
    want.sort();
    assert_eq!(order, want);
}

#[test]
fn stdin_and_the_check_subcommand() {
    let text = std::fs::read_to_string(corpus("bad-placeholder.txt")).unwrap();
    let out = bin()
        .args(["check", "--format", "json", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["path"], "<stdin>");
    let placeholders = findings(&json)
        .into_iter()
        .filter(|(r, _)| r == "placeholder")
        .count();
    assert_eq!(placeholders, 7);
}

#[test]
fn bom_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.txt");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(corpus("bad-placeholder.txt")).unwrap());
    std::fs::write(&path, bytes).unwrap();
    let plain = findings_of(&corpus("bad-placeholder.txt"));
    assert_eq!(findings_of(&path), plain);
}

#[test]
fn outline_json_has_sections_items_and_ids() {
    let out = bin()
        .args(["outline", "--format", "json"])
        .arg(corpus("references/seed-2023-template.txt"))
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    let doc = &json["documents"][0];
    assert_eq!(doc["title"], "2023年度主题教育专题民主生活会个人剖析材料");
    let sections = doc["sections"].as_array().unwrap();
    let kinds: Vec<&str> = sections
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["problems", "causes", "measures"]);
    let aspects = sections[0]["items"].as_array().unwrap();
    assert_eq!(aspects.len(), 6);
    for a in aspects {
        assert_eq!(a["children"].as_array().unwrap().len(), 2);
    }
    assert_eq!(aspects[0]["children"][1]["id"], "p1.2");
    assert_eq!(
        aspects[0]["children"][1]["label"],
        "二是理论指导实践“有差距”"
    );
    assert_eq!(sections[1]["items"].as_array().unwrap().len(), 3);
    assert_eq!(sections[2]["items"][3]["id"], "m4");
    assert!(doc["links"].is_array());
}

#[test]
fn rules_lists_every_rule_and_explain_shows_examples() {
    let out = bin().arg("rules").output().unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    for id in [
        "missing-section",
        "section-order",
        "numbering",
        "placeholder",
        "formulation",
        "punctuation",
        "vague-wording",
        "boilerplate-phrase",
    ] {
        assert!(listing.contains(id), "{id} missing from:\n{listing}");
    }
    bin()
        .args(["explain", "numbering"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("反例"))
        .stdout(predicate::str::contains("（四）在担当作为方面"));
    bin().args(["explain", "nope"]).assert().code(2);
    // A group (a rules file's name) lists its rules.
    let out = bin().args(["explain", "typography"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let group = String::from_utf8(out.stdout).unwrap();
    assert!(group.starts_with("规则组 typography：3 条规则"), "{group}");
    assert!(
        group.contains("placeholder")
            && group.contains("copy-residue")
            && group.contains("punctuation"),
        "{group}"
    );
    assert!(!group.contains("numbering"), "{group}");
}

#[test]
fn help_names_the_extensions_searched_in_folders() {
    let out = bin().args(["check", "--help"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains(".txt、.docx、.md"), "{help}");
    assert!(help.contains("--fix") && help.contains("--diff"), "{help}");
}

/// Runs `check --format json ARGS` in `dir` (where its critique-lint.yaml is).
fn json_in(dir: &std::path::Path, args: &[&str]) -> Value {
    let out = bin()
        .current_dir(dir)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn rules_of(json: &Value) -> Vec<String> {
    findings(json).into_iter().map(|(r, _)| r).collect()
}

#[test]
fn config_references_and_builtin_references() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(corpus("references/seed-2023-template.txt")).unwrap();
    // A report that copies the template's causes part.
    let causes: String = seed.lines().skip(16).take(4).collect::<Vec<_>>().join("\n");
    let mut text = std::fs::read_to_string(corpus("good-02-plain-headings.txt")).unwrap();
    text.push_str(&causes);
    text.push('\n');
    std::fs::write(dir.path().join("r.txt"), &text).unwrap();
    let templates = |json: &Value| {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "template-copy")
            .map(|d| d["labels"][0]["path"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let builtin = templates(&json_in(dir.path(), &["r.txt"]));
    assert!(!builtin.is_empty());
    assert!(
        builtin.iter().all(|p| p.starts_with("<内置范文>")),
        "{builtin:?}"
    );
    // Off: no template, so no template-copy.
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "builtin-references: false\n",
    )
    .unwrap();
    assert!(templates(&json_in(dir.path(), &["r.txt"])).is_empty());
    // A folder of references from the config, relative to it.
    std::fs::create_dir(dir.path().join("范文")).unwrap();
    std::fs::write(dir.path().join("范文/模板.txt"), &seed).unwrap();
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "builtin-references: false\nreferences: [范文/]\n",
    )
    .unwrap();
    let found = templates(&json_in(dir.path(), &["r.txt"]));
    assert!(!found.is_empty());
    assert!(found.iter().all(|p| p.ends_with("模板.txt")), "{found:?}");
}

#[test]
fn config_scope_links_and_copying_change_what_is_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        corpus("references/seed-2023-template.txt"),
        dir.path().join("seed.txt"),
    )
    .unwrap();
    let count = |json: &Value, rule: &str| rules_of(json).iter().filter(|r| *r == rule).count();
    let base = json_in(dir.path(), &["seed.txt"]);
    // scope: vague-wording in the causes part only (the seed's causes have
    // 有时, 一定程度上 and 有所: lines 18–20).
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "rules:\n  vague-wording:\n    scope: [causes]\n",
    )
    .unwrap();
    let json = json_in(dir.path(), &["seed.txt"]);
    let lines: Vec<u64> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "vague-wording")
        .map(|d| d["span"]["line"].as_u64().unwrap())
        .collect();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|l| (17..=21).contains(l)), "{lines:?}");
    // links: a threshold no measure reaches leaves every problem unaddressed.
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "links:\n  threshold: 0.99\n",
    )
    .unwrap();
    let json = json_in(dir.path(), &["seed.txt"]);
    assert_eq!(count(&json, "unaddressed-problem"), 12);
    assert!(count(&base, "unaddressed-problem") < 12);
    // copying: a guarantee longer than the shared paragraph finds no copy.
    let original = std::fs::read_to_string(corpus("good-01-yi-guanyu.txt")).unwrap();
    let longest = original.lines().max_by_key(|l| l.chars().count()).unwrap();
    assert!(longest.chars().count() < 400);
    let mut copied = std::fs::read_to_string(corpus("good-02-plain-headings.txt")).unwrap();
    copied.push_str(longest);
    std::fs::write(dir.path().join("a.txt"), &original).unwrap();
    std::fs::write(dir.path().join("b.txt"), copied).unwrap();
    std::fs::write(dir.path().join("critique-lint.yaml"), "").unwrap();
    let json = json_in(dir.path(), &["a.txt", "b.txt"]);
    assert!(count(&json, "shared-passage") >= 2, "found in each report");
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "copying:\n  noise: 400\n  guarantee: 500\n",
    )
    .unwrap();
    let json = json_in(dir.path(), &["a.txt", "b.txt"]);
    assert_eq!(count(&json, "shared-passage"), 0);
}

#[test]
fn command_line_select_replaces_the_config_select() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "select: [numbering]\n",
    )
    .unwrap();
    let r = corpus("bad-placeholder.txt");
    let from_config = json_in(dir.path(), &[s(&r)]);
    assert!(
        rules_of(&from_config).is_empty(),
        "bad-placeholder has no numbering defect"
    );
    let replaced = json_in(dir.path(), &[s(&r), "--select", "placeholder"]);
    let rules = rules_of(&replaced);
    assert_eq!(rules.len(), 7);
    assert!(rules.iter().all(|r| r == "placeholder"));
}

/// A reader that stops early (`critique-lint outline … | head`) is no
/// failure: no panic, exit 0, nothing on standard error. The outline of
/// every labelled set is far more than a pipe holds, so the writes after
/// the reader has gone must fail and be taken quietly.
#[test]
fn output_to_a_closed_pipe_ends_quietly() {
    use std::process::{Command, Stdio};
    let exe = assert_cmd::cargo::cargo_bin("critique-lint");
    for args in [
        vec![
            "outline".to_string(),
            root().join("corpus/eval").display().to_string(),
        ],
        vec!["rules".to_string()],
    ] {
        let mut child = Command::new(&exe)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}
