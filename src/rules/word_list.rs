//! `word-list`: listed words and phrases, matched only where both ends fall
//! on token boundaries, so 有所 does not fire inside 有所作为.

use super::{required, Meta, Rule};
use crate::config::Params;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use std::ops::Range;

pub struct WordList {
    meta: Meta,
    matcher: AhoCorasick,
}

pub fn build(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    let words: Vec<&String> = required(&params.words, "words")?
        .iter()
        .filter(|w| !w.trim().is_empty())
        .collect();
    if words.is_empty() {
        return Err("`words` 不能为空".to_string());
    }
    let matcher = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(words)
        .map_err(|e| e.to_string())?;
    Ok(Box::new(WordList { meta, matcher }))
}

/// Non-overlapping matches on token boundaries, longest first at each
/// start. A match that fails the boundary test is retried one character
/// later, so a shorter listed word inside it can still be found.
pub fn find_on_boundaries(
    matcher: &AhoCorasick,
    doc: &Document,
    region: Range<usize>,
) -> Vec<Range<usize>> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut at = region.start;
    while let Some(m) = matcher.find(Input::new(text).range(at..region.end)) {
        let span = m.range();
        if doc.boundaries.contains(&span) {
            at = span.end;
            out.push(span);
        } else {
            at = span.start + text[span.start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

impl Rule for WordList {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for region in self.meta.regions(doc) {
            for span in find_on_boundaries(&self.matcher, doc, region) {
                let matched = &doc.text()[span.clone()];
                out.push(self.meta.diagnostic(doc, span, &[("match", matched)]));
            }
        }
    }
}
