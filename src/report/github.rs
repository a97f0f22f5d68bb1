//! `--format github`: GitHub Actions workflow commands, one annotation per
//! finding (`::warning file=…,line=…::message`).

use super::escape::safe;
use super::Report;
use crate::diagnostic::Severity;

/// Escapes per the workflow-command rules: data escapes % CR LF, properties
/// also : and ,. Control characters are escaped first (`\u{1b}`), so report
/// text can neither start a new command nor reach the log raw.
fn data(s: &str) -> String {
    safe(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub(crate) fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in report.diagnostics {
        let source = &report.sources[d.file];
        let (line, col) = source.position(d.span.start);
        let (end_line, end_col) = source.position(d.span.end);
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = d.message.clone();
        for n in &d.notes {
            message.push('\n');
            message.push_str(n);
        }
        if !d.edits.is_empty() {
            message.push('\n');
            message.push_str(super::FIXABLE);
        }
        out.push_str(&format!(
            "::{kind} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
            property(&source.name),
            property(&format!("critique-lint ({})", d.rule)),
            data(&message)
        ));
    }
    // Files that could not be read: an error on the file, so the run's
    // summary shows them, not only the log.
    for e in report.errors {
        out.push_str(&format!(
            "::error file={},title={}::{}\n",
            property(&e.path),
            property("critique-lint"),
            data(&format!("无法检查此文件：{}", e.problem))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(data("50%\n下一行"), "50%25%0A下一行");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
        // Report text cannot end the annotation and start a command.
        assert_eq!(
            data("好\n::error file=x::伪造\u{1b}[2J"),
            "好%0A::error file=x::伪造\\u{1b}[2J"
        );
    }
}
