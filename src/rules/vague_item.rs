//! `vague-problem`, `vague-measure`: an item with vague words and nothing
//! concrete. Problems: hedges or stock phrases and no evidence (numbers,
//! dates, named meetings or documents, 比如 + a case). Measures: slogans
//! (进一步、加强、不断…) and no time limit, frequency, quantity, responsible
//! body or concrete action. Both lists are the rule's YAML parameters.

use super::word_list::find_on_boundaries;
use super::{required, Meta, Rule};
use crate::config::Params;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::outline::{Item, SectionKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

pub struct VagueItem {
    meta: Meta,
    items: SectionKind,
    words: AhoCorasick,
    /// All evidence patterns as one alternation: any match is enough.
    evidence: Regex,
}

pub fn build(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    let items = params
        .items
        .ok_or("缺少参数 `items`（problems、causes 或 measures）")?;
    let words = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(required(&params.words, "words")?)
        .map_err(|e| e.to_string())?;
    let mut alternatives = Vec::new();
    for p in required(&params.evidence, "evidence")? {
        Regex::new(p).map_err(|e| format!("`evidence` 中的正则表达式 `{p}` 无效：{e}"))?;
        alternatives.push(format!("(?:{p})"));
    }
    let evidence = Regex::new(&alternatives.join("|")).map_err(|e| e.to_string())?;
    Ok(Box::new(VagueItem {
        meta,
        items,
        words,
        evidence,
    }))
}

/// The items a vague-item rule judges: the deepest problem or cause items,
/// or whole top-level measures (their sub-items are their detail).
pub fn judged_items<'a>(doc: &'a Document<'_>, kind: SectionKind) -> Vec<&'a Item> {
    doc.outline
        .sections
        .iter()
        .filter(|s| s.kind == kind)
        .flat_map(|s| {
            if kind == SectionKind::Measures {
                s.items.iter().collect::<Vec<_>>()
            } else {
                s.leaves()
            }
        })
        .collect()
}

impl Rule for VagueItem {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for item in judged_items(doc, self.items) {
            // Vague words first: cheaper than the evidence patterns.
            let found = find_on_boundaries(&self.words, doc, item.span.clone());
            if found.is_empty() {
                continue;
            }
            // The item's own number (4．) is not evidence.
            let body = &text[item.marker.span.end..item.span.end];
            if self.evidence.is_match(body) {
                continue;
            }
            let mut words: Vec<&str> = found.iter().map(|r| &text[r.clone()]).collect();
            words.dedup();
            let shown: Vec<String> = words.iter().take(4).map(|w| format!("“{w}”")).collect();
            let label = &text[item.label.clone()];
            out.push(self.meta.diagnostic(
                doc,
                item.label.clone(),
                &[
                    ("id", &item.id),
                    ("label", label),
                    ("words", &shown.join("")),
                ],
            ));
        }
    }
}
