//! `--format json`: the machine contract (version 1). Fields may be added,
//! never removed or renamed.

use super::{Report, SpanJson, Summary};
use rayon::prelude::*;
use serde::Serialize;

/// The fields after `diagnostics`, in the contract's order.
#[derive(Serialize)]
struct Tail<'a> {
    summary: Summary,
    /// Files that could not be read; added in version 1 beside the contract fields.
    errors: Vec<ErrorJson<'a>>,
    /// Pairs of reports with shared passages, most similar first.
    similarity: &'a [crate::crossdoc::Similarity],
    /// Reports connected by shared text, largest group first.
    copy_groups: &'a [crate::crossdoc::CopyGroup],
    /// Findings left out because the --baseline file has them.
    baselined: usize,
}

#[derive(Serialize)]
struct FileJson<'a> {
    path: &'a str,
    encoding: &'a str,
    chars: usize,
    /// `text` or `docx` (added beside the version 1 fields).
    format: &'a str,
    /// The author's name: from the author line under the title, the
    /// configured file-name pattern, or the file stem (added beside the
    /// version 1 fields, where known).
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    /// The year of the report, where known (added likewise).
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    path: &'a str,
    span: SpanJson,
    text: &'a str,
    labels: Vec<LabelJson<'a>>,
    notes: &'a [String],
    /// The safe automatic fix, if the finding has one (added beside the
    /// version 1 fields): byte ranges of the decoded text, as `span`.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<FixJson<'a>>,
    /// For a finding that groups a paragraph's places (本段有 9 处…), how
    /// many; each is also a label (added beside the version 1 fields).
    #[serde(skip_serializing_if = "Option::is_none")]
    places: Option<usize>,
}

#[derive(Serialize)]
struct FixJson<'a> {
    edits: Vec<EditJson<'a>>,
}

#[derive(Serialize)]
struct EditJson<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct LabelJson<'a> {
    path: &'a str,
    span: SpanJson,
    text: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    path: &'a str,
    message: String,
}

fn diagnostic<'a>(report: &'a Report, d: &'a crate::diagnostic::Diagnostic) -> DiagnosticJson<'a> {
    let source = &report.sources[d.file];
    DiagnosticJson {
        rule: &d.rule,
        severity: d.severity.name(),
        message: &d.message,
        path: &source.name,
        span: SpanJson::new(source, &d.span),
        text: &source.text[d.span.clone()],
        labels: d
            .labels
            .iter()
            .map(|l| {
                let s = &report.sources[l.file];
                LabelJson {
                    path: &s.name,
                    span: SpanJson::new(s, &l.span),
                    text: &s.text[l.span.clone()],
                    message: &l.message,
                }
            })
            .collect(),
        notes: &d.notes,
        fix: (!d.edits.is_empty()).then(|| FixJson {
            edits: d
                .edits
                .iter()
                .map(|e| EditJson {
                    start: e.span.start,
                    end: e.span.end,
                    replacement: &e.replacement,
                })
                .collect(),
        }),
        places: (d.places > 1).then_some(d.places),
    }
}

pub(crate) fn render(report: &Report) -> String {
    let mut bytes = Vec::new();
    write(report, &mut bytes).expect("writing to memory");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// Diagnostics serialised side by side, this many at a time: a run over a
/// thousand reports writes tens of megabytes, which are never all held.
const CHUNK: usize = 1024;

/// Writes the report as one JSON object (`version`, `files`,
/// `diagnostics`, then the [`Tail`]) and a newline, as it is serialised.
pub(crate) fn write(report: &Report, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let files: Vec<FileJson> = report.sources[..report.checked]
        .par_iter()
        .enumerate()
        .map(|(i, s)| {
            let id = report.identities.get(i);
            FileJson {
                path: &s.name,
                encoding: s.encoding,
                chars: s.char_count(),
                format: s.format,
                author: id
                    .and_then(|id| id.author.as_ref())
                    .map(|a| a.name.as_str()),
                year: id.and_then(|id| id.year),
            }
        })
        .collect();
    w.write_all(b"{\"version\":1,\"files\":")?;
    serde_json::to_writer(&mut *w, &files)?;
    w.write_all(b",\"diagnostics\":[")?;
    for (n, chunk) in report.diagnostics.chunks(CHUNK).enumerate() {
        let items: Vec<Vec<u8>> = chunk
            .par_iter()
            .map(|d| serde_json::to_vec(&diagnostic(report, d)).expect("serialisable"))
            .collect();
        for (k, item) in items.iter().enumerate() {
            if n > 0 || k > 0 {
                w.write_all(b",")?;
            }
            w.write_all(item)?;
        }
    }
    w.write_all(b"],")?;
    let tail = serde_json::to_vec(&Tail {
        summary: report.summary(),
        errors: report
            .errors
            .iter()
            .map(|e| ErrorJson {
                path: &e.path,
                message: e.problem.to_string(),
            })
            .collect(),
        similarity: report.similarity,
        copy_groups: report.copy_groups,
        baselined: report.baselined,
    })?;
    // The tail's own braces go: its fields continue the outer object.
    w.write_all(&tail[1..])?;
    w.write_all(b"\n")
}
