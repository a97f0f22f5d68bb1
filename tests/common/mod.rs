//! Helpers shared by the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn corpus(name: &str) -> PathBuf {
    root().join("corpus").join(name)
}

/// The binary, run from an empty directory so no user config is found,
/// at the default width (`COLUMNS` unset).
pub fn bin() -> Command {
    let mut cmd = Command::cargo_bin("critique-lint").unwrap();
    cmd.current_dir(std::env::temp_dir())
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    cmd
}

/// Runs `check --format json` and returns (exit code, parsed output).
pub fn check_json(args: &[&str]) -> (i32, Value) {
    let out = bin()
        .arg("check")
        .arg("--format")
        .arg("json")
        .args(args)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), json)
}

/// (rule, spanned text) of every diagnostic.
pub fn findings(json: &Value) -> Vec<(String, String)> {
    pairs(json, "text")
}

/// (rule, `field`) of every diagnostic: its spanned text, its message.
pub fn pairs(json: &Value, field: &str) -> Vec<(String, String)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d[field].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// (rule, line, column, text) of every finding.
pub fn located(json: &Value) -> Vec<(String, u64, u64, String)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap(),
                d["span"]["column"].as_u64().unwrap(),
                d["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

pub fn findings_of(path: &Path) -> Vec<(String, String)> {
    let (_, json) = check_json(&[path.to_str().unwrap()]);
    findings(&json)
}

pub fn rules_fired(path: &Path, rule: &str) -> Vec<String> {
    findings_of(path)
        .into_iter()
        .filter(|(r, _)| r == rule)
        .map(|(_, t)| t)
        .collect()
}

/// A temporary folder holding `files` (name, text): a project with its
/// configuration, extra rule files and reports.
pub fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// A report written to a fresh temporary folder (kept alive by the guard).
pub fn temp_report(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// (rule, text) findings of `rule` only.
pub fn fired(json: &Value, rule: &str) -> Vec<String> {
    findings(json)
        .into_iter()
        .filter(|(r, _)| r == rule)
        .map(|(_, t)| t)
        .collect()
}

/// A minimal .docx: the given paragraphs in word/document.xml.
pub fn docx(paragraphs: &[&str]) -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#).unwrap();
    zip.start_file("word/document.xml", opts).unwrap();
    let body: String = paragraphs
        .iter()
        .map(|p| {
            let escaped = p
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            format!("<w:p><w:r><w:t xml:space=\"preserve\">{escaped}</w:t></w:r></w:p>")
        })
        .collect();
    write!(zip, r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#).unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}
