//! The archive (issue 16): add → check round trips on reports of three
//! authors over two years (tests/data/archive/2023, 2024), adding twice,
//! damaged and foreign files, a newer schema, two processes adding at once.

mod common;

use common::{bin, root};
use serde_json::Value;
use std::path::{Path, PathBuf};

const ARCHIVE_RULES: &[&str] = &[
    "repeated-problem",
    "repeated-measure",
    "archive-copy",
    "missing-followup",
];

fn data(year: &str) -> PathBuf {
    root().join("tests/data/archive").join(year)
}

fn archive(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin()
        .arg("archive")
        .arg("--archive")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn add(db: &Path, paths: &[&Path]) -> (i32, String, String) {
    let mut args = vec!["add"];
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    args.extend(paths.iter().map(String::as_str));
    archive(db, &args)
}

fn check(db: Option<&Path>, paths: &[&Path]) -> (i32, Value, String) {
    let mut cmd = bin();
    cmd.args(["check", "--format", "json"]).args(paths);
    if let Some(db) = db {
        cmd.arg("--archive").arg(db);
    }
    let out = cmd.output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap(),
        json,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// (file name, rule, severity, message) of the archive rules' findings.
fn archive_findings(json: &Value) -> Vec<(String, String, String, String)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| ARCHIVE_RULES.contains(&d["rule"].as_str().unwrap()))
        .map(|d| {
            let path = Path::new(d["path"].as_str().unwrap());
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn of<'a>(
    found: &'a [(String, String, String, String)],
    file: &str,
) -> Vec<&'a (String, String, String, String)> {
    found.iter().filter(|f| f.0 == file).collect()
}

#[test]
fn add_then_check_finds_what_came_back_and_leaves_new_reports_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let (code, out, err) = add(&db, &[&data("2023")]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("孙卫东，2023 年"), "{out}");
    assert!(out.contains("已存入 3 份材料"), "{out}");

    let (code, json, err) = check(Some(&db), &[&data("2024")]);
    assert_eq!(code, 1, "{err}");
    let found = archive_findings(&json);

    // A problem of last year, nearly word for word; a measure with its
    // clauses reordered; no part on last year's rectification; a passage
    // from another author's archived report.
    let sun = of(&found, "sun-weidong");
    let rules: Vec<&str> = sun.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(
        rules.iter().filter(|r| **r == "repeated-problem").count(),
        1,
        "{sun:#?}"
    );
    assert!(sun.iter().any(|f| f.1 == "repeated-problem"
        && f.3
            .starts_with("与 2023 年材料中的问题“理论学习的系统性不够")
        && f.3.ends_with("”基本相同")));
    assert!(sun
        .iter()
        .any(|f| f.1 == "repeated-measure"
            && f.3.contains("“坚持每月精读一本理论著作并撰写学习心得")));
    assert!(sun
        .iter()
        .any(|f| f.1 == "missing-followup" && f.2 == "info"));
    let copies: Vec<_> = sun.iter().filter(|f| f.1 == "archive-copy").collect();
    assert_eq!(copies.len(), 1, "{copies:#?}");
    assert!(
        copies[0].3.contains("wang-jianguo.txt（王建国，2023 年）"),
        "{copies:#?}"
    );
    assert_eq!(copies[0].2, "warning");

    // Last year's report handed in again with a new title year and date:
    // one error, nothing else from the archive.
    let li = of(&found, "li-hongmei");
    assert_eq!(li.len(), 1, "{li:#?}");
    assert_eq!(
        (li[0].1.as_str(), li[0].2.as_str()),
        ("archive-copy", "error")
    );
    assert!(
        li[0]
            .3
            .contains("li-hongmei.txt（李红梅，2023 年）几乎完全相同"),
        "{li:#?}"
    );

    // A genuinely new report that reports on last year's rectification.
    assert!(of(&found, "wang-jianguo").is_empty(), "{found:#?}");

    // Labels point into the archived text.
    let label = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "archive-copy" && d["severity"] == "error")
        .map(|d| d["labels"][0].clone())
        .unwrap();
    assert!(label["path"]
        .as_str()
        .unwrap()
        .ends_with("2023/li-hongmei.txt"));
    assert!(label["text"].as_str().unwrap().contains("学用结合方面"));

    // Authors and years in files[].
    let files = json["files"].as_array().unwrap();
    let authors: Vec<(&str, i64)> = files
        .iter()
        .map(|f| (f["author"].as_str().unwrap(), f["year"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        authors,
        [("李红梅", 2024), ("孙卫东", 2024), ("王建国", 2024)]
    );
}

#[test]
fn without_an_archive_nothing_changes() {
    let (_, json, _) = check(None, &[&data("2024")]);
    assert!(archive_findings(&json).is_empty());
    // A configured archive is used without the flag; a missing one is an error.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "archive: 档案/往年.db\n",
    )
    .unwrap();
    let out = bin()
        .current_dir(dir.path())
        .arg(data("2024"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("档案/往年.db") && err.contains("档案库不存在"),
        "{err}"
    );
    let db = dir.path().join("档案/往年.db");
    assert_eq!(add(&db, &[&data("2023")]).0, 0);
    let out = bin()
        .current_dir(dir.path())
        .args(["--format", "json"])
        .arg(data("2024"))
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!archive_findings(&json).is_empty());
}

#[test]
fn adding_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    assert_eq!(add(&db, &[&data("2023")]).0, 0);
    let list = archive(&db, &["list"]);
    let stats = archive(&db, &["stats"]);
    // The same reports again, under other names: the same texts.
    let copy = dir.path().join("copy");
    std::fs::create_dir(&copy).unwrap();
    for f in std::fs::read_dir(data("2023")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(
            &f,
            copy.join(format!("x-{}", f.file_name().unwrap().to_string_lossy())),
        )
        .unwrap();
    }
    let (code, out, _) = add(&db, &[&data("2023"), &copy]);
    assert_eq!(code, 0);
    assert!(out.contains("已存入 0 份材料，6 份已在档案库中"), "{out}");
    assert_eq!(archive(&db, &["list"]), list);
    assert_eq!(archive(&db, &["stats"]), stats);
    assert!(stats.1.contains("材料：3 份，作者 3 人"), "{}", stats.1);
}

#[test]
fn remove_takes_a_report_out_of_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    add(&db, &[&data("2023")]);
    let list = archive(&db, &["list", "--author", "孙卫东"]).1;
    let id = list.split_whitespace().next().unwrap().to_string();
    assert!(id.starts_with('#'), "{list}");
    let (code, out, _) = archive(&db, &["remove", &id]);
    assert_eq!(code, 0);
    assert!(out.contains("已删除") && out.contains("孙卫东"), "{out}");
    let (_, json, _) = check(Some(&db), &[&data("2024/sun-weidong.txt")]);
    let found = archive_findings(&json);
    // Only the other author's passage is left.
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].3.contains("王建国"));
    assert!(archive(&db, &["stats"]).1.contains("材料：2 份"));
    assert_eq!(archive(&db, &["remove", "#999"]).0, 2);
}

#[test]
fn a_damaged_or_foreign_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, "这不是数据库".repeat(400)).unwrap();
    let foreign = dir.path().join("other-app.db");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES('keep me');")
            .unwrap();
    }
    for db in [&garbage, &foreign] {
        let (code, _, err) = check(Some(db), &[&data("2024")]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(&db.display().to_string()), "{err}");
        let (code, _, err) = add(db, &[&data("2023")]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(&db.display().to_string()), "{err}");
    }
    assert!(check(Some(&foreign), &[&data("2024")])
        .2
        .contains("不是 critique-lint 的档案库"));
    // The foreign database is left as it was.
    let c = rusqlite::Connection::open(&foreign).unwrap();
    let kept: String = c
        .query_row("SELECT x FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, "keep me");
    let tables: i64 = c
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);
    // A missing archive is an error for check, not created.
    let missing = dir.path().join("missing.db");
    let (code, _, err) = check(Some(&missing), &[&data("2024")]);
    assert_eq!(code, 2);
    assert!(
        err.contains("missing.db") && err.contains("档案库不存在"),
        "{err}"
    );
    assert!(!missing.exists());
}

#[test]
fn the_schema_version_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    add(&db, &[&data("2023")]);
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let (code, _, err) = check(Some(&db), &[&data("2024")]);
    assert_eq!(code, 2);
    assert!(
        err.contains("a.db") && err.contains("格式版本为 99"),
        "{err}"
    );
    assert_eq!(archive(&db, &["list"]).0, 2);
}

#[test]
fn archives_built_with_other_fingerprint_settings_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    add(&db, &[&data("2023")]);
    std::fs::write(dir.path().join("c.yaml"), "copying:\n  noise: 15\n").unwrap();
    let out = bin()
        .args(["check", "--config"])
        .arg(dir.path().join("c.yaml"))
        .arg("--archive")
        .arg(&db)
        .arg(data("2024"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("noise 13") && err.contains("noise 15"),
        "{err}"
    );
}

#[test]
fn two_processes_adding_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    let sets: Vec<PathBuf> = (0..2)
        .map(|s| {
            let d = dir.path().join(format!("set{s}"));
            std::fs::create_dir(&d).unwrap();
            for i in 0..30 {
                for f in std::fs::read_dir(data("2023")).unwrap() {
                    let f = f.unwrap().path();
                    let text = std::fs::read_to_string(&f).unwrap();
                    let name = format!("{i}-{}", f.file_name().unwrap().to_string_lossy());
                    // A line of its own makes each text distinct.
                    std::fs::write(d.join(name), format!("{text}附：第 {s} 组第 {i} 份\n"))
                        .unwrap();
                }
            }
            d
        })
        .collect();
    // Both processes start before either ends, on an archive neither has
    // created yet.
    let spawned: Vec<_> = sets
        .iter()
        .map(|d| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("critique-lint"))
                .current_dir(dir.path())
                .args(["archive", "--archive"])
                .arg(&db)
                .args(["add", "-q"])
                .arg(d)
                .spawn()
                .unwrap()
        })
        .collect();
    for c in spawned {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "{out:?}");
    }
    let stats = archive(&db, &["stats"]).1;
    assert!(stats.contains("材料：180 份，作者 3 人"), "{stats}");
}

#[test]
fn outline_shows_author_and_year() {
    let out = bin()
        .arg("outline")
        .arg(data("2024/sun-weidong.txt"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("作者：孙卫东（县水利局党组书记、局长）"),
        "{text}"
    );
    assert!(text.contains("年度：2024"), "{text}");
}
