//! `--format junit`: JUnit XML, one test case per file (failures are its
//! findings at the `--fail-on` level or above, one `<failure>` each; those
//! below it are printed in `<system-out>`), and one per file that could
//! not be read (an `<error>`).

use super::escape::safe;
use super::Report;

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
    // A test case fails exactly when the run would fail on its file: its
    // findings at the --fail-on level or above; the others are printed.
    let failing = |i: usize| {
        report
            .diagnostics
            .iter()
            .filter(move |d| d.file == i && d.severity >= report.fail_on)
    };
    let failures = sources
        .iter()
        .enumerate()
        .filter(|(i, _)| failing(*i).next().is_some())
        .count();
    // One test case per checked file and per file that could not be read.
    let tests = sources.len() + report.errors.len();
    let errors = report.errors.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"critique-lint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n"
    ));
    out.push_str(&format!(
        "  <testsuite name=\"critique-lint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n"
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
        let below: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.file == i && d.severity < report.fail_on)
            .map(|d| {
                let (line, col) = s.position(d.span.start);
                format!(
                    "{}:{line}:{col} {} [{}] {}",
                    s.name,
                    d.severity.name(),
                    d.rule,
                    d.message
                )
            })
            .collect();
        if !below.is_empty() {
            out.push_str(&format!(
                "      <system-out>{}</system-out>\n",
                escape(&below.join("\n"))
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
