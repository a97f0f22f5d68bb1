//! The shared vocabulary at the bottom of every stage: how severe a finding
//! is, and the finding itself as every renderer sees it. Nothing here knows
//! of rules, configuration or output formats.

use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

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
    /// A safe automatic fix (`--fix`): edits of this document, in any
    /// order, never overlapping each other. Empty when there is none. A
    /// list, so a finding that groups several places carries each place's
    /// edit.
    pub edits: Vec<Edit>,
    /// How many places the finding stands for: 1, or for one that groups
    /// a paragraph's many (本段有 23 处…), their number; `--statistics`
    /// counts places.
    pub places: usize,
}

/// One replacement of a byte range of the decoded text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
}

impl Edit {
    pub(crate) fn new(span: Range<usize>, replacement: impl Into<String>) -> Edit {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }
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
pub(crate) fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in vars {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}
