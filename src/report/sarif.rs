//! `--format sarif`: SARIF 2.1.0 for code scanning. Columns count Unicode
//! code points (`columnKind: unicodeCodePoints`), like every other format.

use super::{Report, RuleInfo};
use crate::diagnostic::Severity;
use serde_json::{json, Value};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(
    report: &Report,
    file: usize,
    span: &std::ops::Range<usize>,
    message: Option<&str>,
) -> Value {
    let source = &report.sources[file];
    let (line, column) = source.position(span.start);
    let (end_line, end_column) = source.position(span.end);
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(&source.name)},
            "region": {
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column,
                "snippet": {"text": &source.text[span.clone()]}
            }
        }
    });
    if let Some(m) = message {
        loc["message"] = json!({ "text": m });
    }
    loc
}

/// A relative URI reference: forward slashes, spaces and % escaped.
fn uri(path: &str) -> String {
    path.replace('\\', "/")
        .replace('%', "%25")
        .replace(' ', "%20")
}

/// A region by line and column (code points, as the run's `columnKind`).
fn region(report: &Report, file: usize, span: &std::ops::Range<usize>) -> Value {
    let source = &report.sources[file];
    let (line, column) = source.position(span.start);
    let (end_line, end_column) = source.position(span.end);
    json!({
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column
    })
}

/// A finding's safe fix as SARIF `fix`: one artifact change, one
/// replacement per edit.
fn fix(report: &Report, d: &crate::diagnostic::Diagnostic) -> Value {
    json!({
        "description": {"text": "critique-lint --fix 可自动修复"},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri(&report.sources[d.file].name)},
            "replacements": d.edits.iter().map(|e| json!({
                "deletedRegion": region(report, d.file, &e.span),
                "insertedContent": {"text": e.replacement}
            })).collect::<Vec<_>>()
        }]
    })
}

/// Files that could not be read: the run did not check them.
fn invocation(report: &Report) -> Value {
    json!({
        "executionSuccessful": report.errors.is_empty(),
        "toolExecutionNotifications": report.errors.iter().map(|e| json!({
            "level": "error",
            "message": {"text": e.problem.to_string()},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&e.path)}}}]
        })).collect::<Vec<_>>()
    })
}

fn rule(r: &RuleInfo) -> Value {
    json!({
        "id": r.id,
        "name": r.id,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.explanation.trim_end()},
        "help": {"text": format!("{}\n\n反例：{}\n正例：{}", r.explanation.trim_end(), r.bad.trim_end(), r.good.trim_end())},
        "defaultConfiguration": {"level": level(r.severity)}
    })
}

pub(crate) fn render(report: &Report) -> String {
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut result = json!({
                "ruleId": &*d.rule,
                "level": level(d.severity),
                "message": {"text": if d.notes.is_empty() { d.message.clone() } else { format!("{}\n{}", d.message, d.notes.join("\n")) }},
                "locations": [location(report, d.file, &d.span, None)],
            });
            if let Some(i) = report.rules.iter().position(|r| *r.id == *d.rule) {
                result["ruleIndex"] = json!(i);
            }
            if !d.edits.is_empty() {
                result["fixes"] = json!([fix(report, d)]);
            }
            if !d.labels.is_empty() {
                result["relatedLocations"] = d
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let mut loc = location(report, l.file, &l.span, Some(&l.message));
                        loc["id"] = json!(i);
                        loc
                    })
                    .collect();
            }
            result
        })
        .collect();
    let out = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "critique-lint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/critique-lint",
                "rules": report.rules.iter().map(rule).collect::<Vec<_>>()
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation(report)],
            "results": results
        }]
    });
    let mut s = serde_json::to_string_pretty(&out).expect("serialisable");
    s.push('\n');
    s
}
