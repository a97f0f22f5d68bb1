//! `word-list`: listed words and phrases, matched only where both ends fall
//! on token boundaries, so 有所 does not fire inside 有所作为.

use super::{required, Meta, Rule};
use crate::config::Params;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use aho_corasick::AhoCorasick;
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
    let matcher = AhoCorasick::new(words).map_err(|e| e.to_string())?;
    Ok(Box::new(WordList { meta, matcher }))
}

/// Non-overlapping matches on token boundaries, longest first at each start.
pub fn find_on_boundaries(
    matcher: &AhoCorasick,
    doc: &Document,
    region: Range<usize>,
) -> Vec<Range<usize>> {
    let hay = &doc.text()[region.clone()];
    let mut spans: Vec<Range<usize>> = matcher
        .find_overlapping_iter(hay)
        .map(|m| region.start + m.start()..region.start + m.end())
        .filter(|s| doc.boundaries.contains(s))
        .collect();
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Range<usize>> = Vec::new();
    for s in spans {
        if out.last().is_none_or(|l| s.start >= l.end) {
            out.push(s);
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
