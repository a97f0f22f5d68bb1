//! The page without a browser: the data block cannot be closed by report
//! text, it carries the text unchanged, and positions are UTF-16 units.

use super::*;
use crate::crossdoc::SharedSpan;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::report::RuleInfo;
use crate::source::Source;
use serde_json::Value;

const HOSTILE: &str = "标题</script><script>document.title='PWNED'</script>\n\
一、存在的问题\n1.<img src=x onerror=\"document.title='PWNED'\"> </textarea> <!-- \
javascript:alert(1) 𠀀 & \u{2028}\u{2029} \u{202e}反转\u{1b}[2J 模糊表述。\n";

fn diagnostic(file: usize, text: &str, needle: &str, labels: Vec<Label>) -> Diagnostic {
    let start = text.find(needle).unwrap();
    Diagnostic {
        rule: "vague-wording".into(),
        severity: Severity::Warning,
        message: "含糊：<b>".to_string(),
        file,
        span: start..start + needle.len(),
        labels,
        notes: vec!["</script>".to_string()],
        edits: Vec::new(),
        places: 1,
    }
}

/// The page for the hostile report and a copy of it, and the parsed data.
fn page() -> (String, Value, Vec<Source>) {
    let sources = vec![
        Source::new("a<script>.txt", HOSTILE),
        Source::new("b.txt", HOSTILE),
        Source::new("范文.txt", HOSTILE),
    ];
    let copy_start = HOSTILE.find("javascript").unwrap();
    let copy = copy_start..HOSTILE.find("模糊").unwrap();
    let diagnostics = vec![diagnostic(
        0,
        HOSTILE,
        "模糊表述",
        vec![Label {
            file: 1,
            span: copy.clone(),
            message: "b.txt 中的相同段落".to_string(),
        }],
    )];
    let passages = vec![
        SharedSpan {
            a: 0,
            b: 1,
            span_a: copy.clone(),
            span_b: copy.clone(),
            template: false,
        },
        SharedSpan {
            a: 1,
            b: 2,
            span_a: copy.clone(),
            span_b: copy,
            template: true,
        },
    ];
    let rules = vec![RuleInfo {
        id: "vague-wording".to_string(),
        severity: Severity::Warning,
        summary: "含糊".to_string(),
        explanation: "<script>alert(1)</script>".to_string(),
        bad: String::new(),
        good: String::new(),
    }];
    let report = Report {
        sources: &sources,
        checked: 2,
        diagnostics: &diagnostics,
        errors: &[],
        similarity: &[],
        copy_groups: &[],
        rules: &rules,
        baselined: 0,
        fail_on: Severity::Warning,
        passages: &passages,
        structures: &[],
        identities: &[],
    };
    let html = render(&report);
    let open = "<script type=\"application/json\" id=\"data\">";
    let start = html.find(open).unwrap() + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    let data: Value = serde_json::from_str(&html[start..end]).unwrap();
    (html, data, sources)
}

#[test]
fn report_text_cannot_close_the_data_block_or_add_markup() {
    let (html, data, _) = page();
    let open = "<script type=\"application/json\" id=\"data\">";
    let start = html.find(open).unwrap() + open.len();
    let block = &html[start..start + html[start..].find("</script>").unwrap()];
    for bad in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
        assert!(!block.contains(bad), "{bad:?} in the data block");
    }
    // Two scripts: the data and the page's own, nothing from the reports.
    assert_eq!(html.matches("<script").count(), 2);
    assert_eq!(html.matches("</script>").count(), 2);
    assert!(!html.contains("<img"));
    assert!(!html.contains("PWNED'</"));
    // Everything comes back unchanged.
    assert_eq!(data["reports"][0]["text"], HOSTILE);
    assert_eq!(data["reports"][0]["name"], "a<script>.txt");
    assert_eq!(data["reports"][0]["diags"][0][5], "含糊：<b>");
    assert_eq!(data["reports"][0]["diags"][0][6][0], "</script>");
    assert_eq!(data["rules"][0]["explanation"], "<script>alert(1)</script>");
}

#[test]
fn the_page_loads_nothing_and_runs_only_its_own_script() {
    let (html, _, _) = page();
    let csp = html
        .lines()
        .find(|l| l.contains("Content-Security-Policy"))
        .unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert_eq!(html.matches(&format!("nonce=\"{nonce}\"")).count(), 2);
    // The page around the data (the data is text, and holds `src=`).
    let open = "<script type=\"application/json\" id=\"data\">";
    let (before, rest) = html.split_once(open).unwrap();
    let after = rest.split_once("</script>").unwrap().1;
    let around = format!("{before}{after}").replace("http://www.w3.org/2000/svg", "");
    for url in [
        "http://", "https://", "src=", "@import", "url(", "fetch(", "XMLHttp",
    ] {
        assert!(!around.contains(url), "{url}");
    }
    // The same run gives the same file.
    assert_eq!(page().0, html);
}

#[test]
fn positions_are_utf16_units_of_the_text() {
    let (_, data, _) = page();
    let text: Vec<u16> = HOSTILE.encode_utf16().collect();
    let d = &data["reports"][0]["diags"][0];
    let (s, e) = (
        d[0].as_u64().unwrap() as usize,
        d[1].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf16(&text[s..e]).unwrap(), "模糊表述");
    assert_eq!(d[3], 1, "warning");
    assert_eq!(d[4], 3, "line");
    let label = &d[7][0];
    assert_eq!(label[3], 1, "the other report, to compare with");
    assert!(label[2]
        .as_str()
        .unwrap()
        .starts_with("javascript:alert(1) 𠀀"));
    let p = &data["passages"][0];
    let (s, e) = (
        p[2].as_u64().unwrap() as usize,
        p[3].as_u64().unwrap() as usize,
    );
    assert!(String::from_utf16(&text[s..e])
        .unwrap()
        .starts_with("javascript:"));
    // A template passage points into the references carried along.
    assert_eq!(data["passages"][1][1], 0);
    assert_eq!(data["passages"][1][6], true);
    assert_eq!(data["refs"][0]["name"], "范文.txt");
    assert_eq!(
        data["reports"][0]["verdict"], 2,
        "a warning fails at warning"
    );
    assert_eq!(data["reports"][1]["verdict"], 0);
    assert_eq!(
        data["reports"][0]["counts"],
        serde_json::json!([0, 1, 0, 0, 0])
    );
}
