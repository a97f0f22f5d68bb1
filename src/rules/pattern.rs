//! `pattern`: regular expressions, e.g. template residue (`placeholder`).
//! A pattern with a capture group reports the group, not the whole match,
//! so context can be required without being underlined.
//!
//! Each pattern is searched on its own: most have a literal (`某某`, `____`,
//! `*`) that the regex engine finds with a fast prefilter, which one big
//! alternation would lose.

use super::{required, Meta, Rule};
use crate::config::Params;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use regex::Regex;
use std::ops::Range;

pub struct Pattern {
    meta: Meta,
    patterns: Vec<(Regex, String)>,
}

pub fn build(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    let patterns = required(&params.patterns, "patterns")?
        .iter()
        .map(|p| {
            Regex::new(&p.regex)
                .map(|r| (r, p.what.clone()))
                .map_err(|e| format!("正则表达式 `{}` 无效：{e}", p.regex))
        })
        .collect::<Result<_, _>>()?;
    Ok(Box::new(Pattern { meta, patterns }))
}

impl Rule for Pattern {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let mut found: Vec<(Range<usize>, &str)> = Vec::new();
        for region in self.meta.regions(doc) {
            let hay = &text[region.clone()];
            for (re, what) in &self.patterns {
                for caps in re.captures_iter(hay) {
                    let m = caps.get(1).or_else(|| caps.get(0)).expect("group 0 exists");
                    let span = region.start + m.start()..region.start + m.end();
                    // Several patterns may see the same residue (20XX年 and XX):
                    // the earlier pattern reports it, once.
                    if !found
                        .iter()
                        .any(|(s, _)| s.start < span.end && span.start < s.end)
                    {
                        found.push((span, what));
                    }
                }
            }
        }
        found.sort_by_key(|(s, _)| s.start);
        for (span, what) in found {
            let matched = &text[span.clone()];
            out.push(
                self.meta
                    .diagnostic(doc, span, &[("match", matched), ("what", what)]),
            );
        }
    }
}
