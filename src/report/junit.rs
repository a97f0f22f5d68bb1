//! `--format junit`: JUnit XML, one test case per file (failures are its
//! findings at warning level or above, one `<failure>` each; infos are
//! printed in `<system-out>`).

use super::escape::safe;
use super::Report;
use crate::diagnostic::Severity;

/// XML-escaped; control characters, which XML 1.0 cannot hold even as
/// references, shown as `\u{1b}`.
fn escape(s: &str) -> String {
    safe(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub(crate) fn render(report: &Report) -> String {
    let sources = &report.sources[..report.checked];
    let failing = |i: usize| {
        report
            .diagnostics
            .iter()
            .filter(move |d| d.file == i && d.severity >= Severity::Warning)
    };
    let failures = sources
        .iter()
        .enumerate()
        .filter(|(i, _)| failing(*i).next().is_some())
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"critique-lint\" tests=\"{}\" failures=\"{failures}\" errors=\"{}\">\n",
        sources.len(),
        report.errors.len()
    ));
    out.push_str(&format!(
        "  <testsuite name=\"critique-lint\" tests=\"{}\" failures=\"{failures}\" errors=\"{}\">\n",
        sources.len(),
        report.errors.len()
    ));
    for (i, s) in sources.iter().enumerate() {
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"critique-lint\">\n",
            escape(&s.name)
        ));
        for d in failing(i) {
            let (line, col) = s.position(d.span.start);
            out.push_str(&format!(
                "      <failure type=\"{}\" message=\"{}\">{}:{line}:{col} [{}] {}</failure>\n",
                escape(&d.rule),
                escape(&d.message),
                escape(&s.name),
                escape(&d.rule),
                escape(&d.message)
            ));
        }
        let infos: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.file == i && d.severity == Severity::Info)
            .map(|d| {
                let (line, col) = s.position(d.span.start);
                format!("{}:{line}:{col} [{}] {}", s.name, d.rule, d.message)
            })
            .collect();
        if !infos.is_empty() {
            out.push_str(&format!(
                "      <system-out>{}</system-out>\n",
                escape(&infos.join("\n"))
            ));
        }
        out.push_str("    </testcase>\n");
    }
    for e in report.errors {
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"critique-lint\">\n      <error message=\"{}\"/>\n    </testcase>\n",
            escape(&e.path),
            escape(&e.problem.to_string())
        ));
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
