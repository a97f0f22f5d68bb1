//! Unit-test support: one document built from a text, and a rule's
//! findings on it, read back as text rather than byte offsets.

use super::{Context, Meta, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::links::Links;
use crate::outline::{SectionKeywords, SectionKind};
use crate::segment::Segmenter;
use crate::source::Source;
use std::sync::OnceLock;

/// A rule instance's shared part: message `{what}`, so that a finding's
/// message is what the rule says is wrong.
pub(crate) fn meta(id: &str, scope: &[SectionKind]) -> Meta {
    Meta {
        id: id.into(),
        severity: Severity::Warning,
        scope: scope.to_vec(),
        message: "{what}".into(),
    }
}

pub(crate) fn seg() -> &'static Segmenter {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    SEG.get_or_init(|| Segmenter::new([]))
}

pub(crate) fn keywords() -> SectionKeywords {
    serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap()
}

/// What a test reads of a finding: the text it points at, its message,
/// its labels (text, message) and the text with its edits applied.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Seen {
    pub(crate) text: String,
    pub(crate) message: String,
    pub(crate) labels: Vec<(String, String)>,
    pub(crate) fixed: Option<String>,
    pub(crate) places: usize,
    pub(crate) notes: Vec<String>,
}

/// The findings of `rule` on `text`, in the order the rule gave them.
pub(crate) fn run(rule: &dyn Rule, text: &str) -> Vec<Seen> {
    run_linked(rule, text, None)
}

/// As [`run`], with the document's links given (spans into `text`, which
/// the view leaves as it is when every line is a paragraph).
pub(crate) fn run_linked(rule: &dyn Rule, text: &str, links: Option<&Links>) -> Vec<Seen> {
    let source = Source::new("t", text);
    let keywords = keywords();
    let doc = Document::build(0, &source, seg(), &keywords);
    assert_eq!(doc.text(), text, "the view changed the text");
    let mut out: Vec<Diagnostic> = Vec::new();
    rule.check(&Context { doc: &doc, links }, &mut out);
    let t = doc.text();
    out.into_iter()
        .map(|d| {
            let fixed = (!d.edits.is_empty()).then(|| {
                let mut edits = d.edits.clone();
                edits.sort_by_key(|e| e.span.start);
                let mut s = t.to_string();
                for e in edits.iter().rev() {
                    s.replace_range(e.span.clone(), &e.replacement);
                }
                s
            });
            Seen {
                text: t[d.span.clone()].to_string(),
                message: d.message,
                labels: d
                    .labels
                    .iter()
                    .map(|l| (t[l.span.clone()].to_string(), l.message.clone()))
                    .collect(),
                fixed,
                places: d.places,
                notes: d.notes,
            }
        })
        .collect()
}
