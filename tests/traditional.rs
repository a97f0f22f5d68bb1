//! A report copied from a traditional-character source gets the findings
//! of its simplified original: same rules, lines and columns (typography
//! aside: the marks themselves may differ).

mod common;

use common::*;
use serde_json::Value;

fn findings_at(path: &std::path::Path) -> Vec<(String, u64, u64)> {
    let (_, json) = check_json(&[path.to_str().unwrap()]);
    let mut out: Vec<(String, u64, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d: &&Value| d["rule"] != "punctuation")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap(),
                d["span"]["column"].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn traditional_copies_get_the_findings_of_their_originals() {
    let dir = root().join("tests/data/traditional");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "{files:?}");
    let mut rules_seen = std::collections::BTreeSet::new();
    for traditional in files {
        let original = corpus(traditional.file_name().unwrap().to_str().unwrap());
        let text = std::fs::read_to_string(&traditional).unwrap();
        assert!(
            text.contains("學習") || text.contains("會"),
            "{traditional:?} is not traditional"
        );
        let want = findings_at(&original);
        let got = findings_at(&traditional);
        assert_eq!(got, want, "{traditional:?}");
        rules_seen.extend(want.into_iter().map(|(r, _, _)| r));
    }
    // The copies exercise the word lists, formulations, placeholders,
    // outline rules and the item rules.
    for rule in [
        "vague-wording",
        "formulation",
        "placeholder",
        "numbering",
        "missing-section",
        "praise-as-problem",
        "external-cause",
        "vague-problem",
    ] {
        assert!(
            rules_seen.contains(rule),
            "{rule} never fired: {rules_seen:?}"
        );
    }
}
