//! Findings as every renderer sees them.

use crate::config::Severity;
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Arc<str>,
    pub severity: Severity,
    pub message: String,
    /// Index of the document in the run.
    pub file: usize,
    /// Byte range in the decoded text.
    pub span: Range<usize>,
    /// Secondary labels, possibly in other documents.
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub file: usize,
    pub span: Range<usize>,
    pub message: String,
}

impl Diagnostic {
    /// Deterministic order: input file, position, then rule id.
    pub fn sort_key(&self) -> (usize, usize, usize, &str) {
        (self.file, self.span.start, self.span.end, &self.rule)
    }
}

/// Fills `{name}` fields of a message template.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in vars {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}
