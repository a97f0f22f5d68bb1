//! Renderers, one per output format, all reading the same [`Report`].

pub(crate) mod escape;
mod excerpt;
pub(crate) mod github;
pub(crate) mod gitlab;
pub(crate) mod html;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod junit;
pub(crate) mod outline;
pub(crate) mod sarif;
mod shown;

use crate::crossdoc::{CopyGroup, SharedSpan, Similarity};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity;
use crate::engine::Structure;
use crate::source::{LoadError, Source};
use serde::Serialize;

/// Everything a check run produced, in deterministic order.
pub(crate) struct Report<'a> {
    /// The checked reports, then the reference texts labels may point into.
    pub sources: &'a [Source],
    /// How many of `sources` were checked.
    pub checked: usize,
    pub diagnostics: &'a [Diagnostic],
    pub errors: &'a [LoadError],
    /// Pairs of checked reports with shared passages.
    pub similarity: &'a [Similarity],
    /// Reports connected by what they share.
    pub copy_groups: &'a [CopyGroup],
    /// The rules that ran (SARIF lists them).
    pub rules: &'a [RuleInfo],
    /// Findings left out because a baseline has them.
    pub baselined: usize,
    /// The level that fails the run (`--fail-on`): JUnit fails a file's
    /// test case exactly when the run would fail on it, and the HTML
    /// report's verdicts follow it.
    pub fail_on: Severity,
    /// Passages shared between texts, file byte offsets (HTML only; the
    /// other formats show them as findings).
    pub passages: &'a [SharedSpan],
    /// Per checked report, its outline and links when computed (HTML);
    /// empty otherwise.
    pub structures: &'a [Option<Structure>],
    /// Author and year of each checked report, where known.
    pub identities: &'a [crate::archive::Identity],
}

/// What a finding with a fix says, in the formats people read.
pub(crate) const FIXABLE: &str = "可自动修复（--fix）";

/// What a renderer may say about a rule.
#[derive(Debug, Clone)]
pub(crate) struct RuleInfo {
    pub id: String,
    pub severity: Severity,
    pub summary: String,
    pub explanation: String,
    pub bad: String,
    pub good: String,
}

/// Findings per rule, most frequent first.
/// Places per rule: a finding that groups a paragraph's places counts
/// each of them.
fn rule_counts<'a>(report: &'a Report) -> Vec<(&'a str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for d in report.diagnostics {
        match counts.iter_mut().find(|(r, _)| *r == &*d.rule) {
            Some((_, n)) => *n += d.places,
            None => counts.push((&d.rule, d.places)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts
}

fn rule_summary<'a>(report: &'a Report, rule: &str) -> &'a str {
    report
        .rules
        .iter()
        .find(|r| r.id == rule)
        .map_or("", |r| r.summary.as_str())
}

/// `--statistics`: findings per rule, most frequent first, then the
/// summary line (the only line when nothing was found).
pub(crate) fn statistics(report: &Report) -> String {
    let mut out = String::new();
    for (rule, n) in rule_counts(report) {
        let summary = rule_summary(report, rule);
        out.push_str(&format!("{n:>6}  {rule:<22} {summary}\n"));
    }
    out.push_str(&human::summary_line(report));
    out.push('\n');
    out
}

/// `--statistics --format json`: the counts per rule, most frequent first,
/// with the summary the JSON report has.
pub(crate) fn statistics_json(report: &Report) -> String {
    #[derive(Serialize)]
    struct Count<'a> {
        rule: &'a str,
        count: usize,
        summary: &'a str,
    }
    #[derive(Serialize)]
    struct Statistics<'a> {
        version: u32,
        rules: Vec<Count<'a>>,
        summary: Summary,
        /// Files that could not be read.
        unreadable: usize,
        baselined: usize,
    }
    let out = Statistics {
        version: 1,
        rules: rule_counts(report)
            .into_iter()
            .map(|(rule, count)| Count {
                rule,
                count,
                summary: rule_summary(report, rule),
            })
            .collect(),
        summary: report.summary(),
        unreadable: report.errors.len(),
        baselined: report.baselined,
    };
    let mut s = serde_json::to_string(&out).expect("serialisable");
    s.push('\n');
    s
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Report<'_> {
    pub(crate) fn summary(&self) -> Summary {
        let count = |s: Severity| self.diagnostics.iter().filter(|d| d.severity == s).count();
        Summary {
            files: self.checked,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        }
    }
}

/// A span as machine formats show it: byte offsets and 1-based positions.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct SpanJson {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl SpanJson {
    pub(crate) fn new(source: &Source, span: &std::ops::Range<usize>) -> SpanJson {
        let (line, column) = source.position(span.start);
        let (end_line, end_column) = source.position(span.end);
        SpanJson {
            start: span.start,
            end: span.end,
            line,
            column,
            end_line,
            end_column,
        }
    }
}
