//! `pattern`: regular expressions, e.g. template residue (`placeholder`).
//! A pattern with a capture group reports the group, not the whole match,
//! so context can be required without being underlined.

use super::{required, Meta, Rule};
use crate::config::Params;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use regex::Regex;

pub struct Pattern {
    meta: Meta,
    /// All patterns as one alternation, so the text is scanned once.
    combined: Regex,
    /// Per pattern: the group that reports it (its first inner group if it
    /// has one, else its own wrapping group), and what it is.
    groups: Vec<(usize, String)>,
}

pub fn build(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    let mut parts = Vec::new();
    let mut groups = Vec::new();
    let mut next_group = 1;
    for p in required(&params.patterns, "patterns")? {
        // Compile alone first, so an error names the pattern that has it.
        let alone =
            Regex::new(&p.regex).map_err(|e| format!("正则表达式 `{}` 无效：{e}", p.regex))?;
        let inner = alone.captures_len() - 1;
        let group = if inner > 0 {
            next_group + 1
        } else {
            next_group
        };
        groups.push((group, p.what.clone()));
        next_group += 1 + inner;
        parts.push(format!("({})", p.regex));
    }
    let combined = Regex::new(&parts.join("|")).map_err(|e| e.to_string())?;
    Ok(Box::new(Pattern {
        meta,
        combined,
        groups,
    }))
}

impl Rule for Pattern {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for region in self.meta.regions(doc) {
            let hay = &text[region.clone()];
            // Leftmost-first over the alternation: where two patterns see the
            // same residue (20XX年 and XX), the earlier one reports it, once.
            for caps in self.combined.captures_iter(hay) {
                let found = self
                    .groups
                    .iter()
                    .find_map(|(g, what)| caps.get(*g).map(|m| (m, what)));
                let Some((m, what)) = found else { continue };
                let span = region.start + m.start()..region.start + m.end();
                let matched = &text[span.clone()];
                out.push(
                    self.meta
                        .diagnostic(doc, span, &[("match", matched), ("what", what)]),
                );
            }
        }
    }
}
