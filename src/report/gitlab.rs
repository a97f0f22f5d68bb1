//! `--format gitlab`: GitLab Code Quality JSON (the `codequality` report of
//! a CI job), as ruff writes it: one object per finding with a
//! description, the rule as `check_name`, a fingerprint, a severity and
//! the file and first line.
//!
//! GitLab compares fingerprints between the base and the merge request's
//! runs to tell new findings from old ones, so a fingerprint must not
//! change when lines move: it hashes the path, the rule and the flagged
//! text (as baselines match findings), and the count of the same triple
//! before it, never a line number.

use super::Report;
use crate::diagnostic::Severity;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// GitLab's levels are info, minor, major, critical, blocker; a file that
/// could not be checked is critical.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "minor",
        Severity::Error => "major",
    }
}

/// A repository path: forward slashes, no leading `./`.
fn path(name: &str) -> String {
    let p = name.replace('\\', "/");
    p.strip_prefix("./").unwrap_or(&p).to_string()
}

/// 128 bits of FNV-1a (two 64-bit lanes with different offsets) as hex:
/// stable across platforms and Rust versions, unlike `DefaultHasher`.
fn fingerprint(parts: &[&str]) -> String {
    let mut lanes: [u64; 2] = [0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142];
    for lane in &mut lanes {
        for part in parts {
            for &b in part.as_bytes().iter().chain(&[0u8]) {
                *lane ^= u64::from(b);
                *lane = lane.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
    }
    format!("{:016x}{:016x}", lanes[0], lanes[1])
}

pub(crate) fn render(report: &Report) -> String {
    let paths: Vec<String> = report.sources.iter().map(|s| path(&s.name)).collect();
    let mut seen: HashMap<(usize, &str, &str), usize> = HashMap::new();
    let mut issues: Vec<Issue> = report
        .diagnostics
        .iter()
        .map(|d| {
            let source = &report.sources[d.file];
            let text = &source.text[d.span.clone()];
            let n = seen.entry((d.file, &d.rule, text)).or_default();
            *n += 1;
            Issue {
                description: d.message.clone(),
                check_name: &d.rule,
                fingerprint: fingerprint(&[&paths[d.file], &d.rule, text, &n.to_string()]),
                severity: severity(d.severity),
                location: Location {
                    path: &paths[d.file],
                    lines: Lines {
                        begin: source.position(d.span.start).0,
                    },
                },
            }
        })
        .collect();
    let error_paths: Vec<String> = report.errors.iter().map(|e| path(&e.path)).collect();
    for (e, p) in report.errors.iter().zip(&error_paths) {
        issues.push(Issue {
            description: format!("无法检查此文件：{}", e.problem),
            check_name: "unreadable-file",
            fingerprint: fingerprint(&[p, "unreadable-file"]),
            severity: "critical",
            location: Location {
                path: p,
                lines: Lines { begin: 1 },
            },
        });
    }
    let mut s = serde_json::to_string_pretty(&issues).expect("serialisable");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_fixed_values() {
        // Pinned (the value computed separately, with Python): a change
        // would make GitLab see every finding as new.
        assert_eq!(
            fingerprint(&["a.txt", "punctuation", ",", "1"]),
            fingerprint(&["a.txt", "punctuation", ",", "1"])
        );
        assert_ne!(
            fingerprint(&["a.txt", "punctuation", ",", "1"]),
            fingerprint(&["a.txt", "punctuation", ",", "2"])
        );
        // Parts are separated: ("ab", "c") is not ("a", "bc").
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_eq!(fingerprint(&[""]).len(), 32);
        assert_eq!(fingerprint(&["x"]), "08f0d807b58d20e538fd42b0117da04a");
    }
}
