//! Renderers, one per output format, all reading the same [`Report`].

pub mod human;
pub mod json;
pub mod outline;

use crate::config::Severity;
use crate::crossdoc::Similarity;
use crate::diagnostic::Diagnostic;
use crate::source::{LoadError, Source};
use serde::Serialize;

/// Everything a check run produced, in deterministic order.
pub struct Report<'a> {
    /// The checked reports, then the reference texts labels may point into.
    pub sources: &'a [Source],
    /// How many of `sources` were checked.
    pub checked: usize,
    pub diagnostics: &'a [Diagnostic],
    pub errors: &'a [LoadError],
    /// Pairs of checked reports with shared passages.
    pub similarity: &'a [Similarity],
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Report<'_> {
    pub fn summary(&self) -> Summary {
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
pub struct SpanJson {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl SpanJson {
    pub fn new(source: &Source, span: &std::ops::Range<usize>) -> SpanJson {
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
