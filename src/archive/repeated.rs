//! `repeated-problem`, `repeated-measure` (kind `repeated-item`): an item
//! that repeats a problem (or measure) the same author listed in an earlier
//! year — nearly word for word (character pairs of the statements), or by
//! its content words (the whole items).

use super::store::{Meta as Stored, StoredItem};
use super::{year_text, Digest};
use crate::diagnostic::Diagnostic;
use crate::outline::SectionKind;
use crate::rules::Meta;
use crate::settings::{count_in, in_range, Invalid};
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Which items: problems or measures.
    items: SectionKind,
    /// Share of character pairs two statements must have in common (Dice)
    /// to be the same wording.
    same_wording: f64,
    /// Share of content words two items must have in common (Dice).
    same_words: f64,
    /// Items with fewer content words are not compared by words.
    min_words: usize,
    /// Statements shorter than this (characters) are headings, not items.
    min_chars: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct Repeated {
    pub(crate) meta: Meta,
    items: SectionKind,
    same_wording: f64,
    same_words: f64,
    min_words: usize,
    min_chars: usize,
}

pub(crate) fn build(meta: Meta, p: Params) -> Result<Repeated, Invalid> {
    if !matches!(p.items, SectionKind::Problems | SectionKind::Measures) {
        return Err(Invalid::in_field(
            "items",
            "`items` 须为 problems 或 measures",
        ));
    }
    in_range("same-wording", p.same_wording, 0.3, 1.0)?;
    in_range("same-words", p.same_words, 0.3, 1.0)?;
    count_in("min-words", p.min_words, 1, 100)?;
    count_in("min-chars", p.min_chars, 1, 200)?;
    Ok(Repeated {
        meta,
        items: p.items,
        same_wording: p.same_wording,
        same_words: p.same_words,
        min_words: p.min_words,
        min_chars: p.min_chars,
    })
}

/// Character pairs of a statement, digits and punctuation left out (the
/// year and the counts change, the wording does not).
fn bigrams(s: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = s.chars().filter(|c| crate::text::is_han(*c)).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

fn dice<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// The statement of an item without its numbering (一是, （一）, 1.).
fn statement(label: &str) -> &str {
    let t = label.trim();
    match crate::markers::leading_marker(t, 0) {
        Some(m) => t[m.span.end.min(t.len())..].trim_start_matches(['、', '.', '．', ' ']),
        None => t,
    }
}

/// An earlier item ready to compare: its report, itself, its character
/// pairs and its content words.
type Prepared<'a> = (
    &'a Stored,
    &'a StoredItem,
    HashSet<(char, char)>,
    HashSet<&'a str>,
);

/// An item found again: where here, and which earlier one.
pub(crate) struct Repeat<'a> {
    pub(crate) item: usize,
    pub(crate) report: &'a Stored,
    pub(crate) earlier: &'a StoredItem,
    pub(crate) wording: f64,
    pub(crate) words: f64,
}

impl Repeated {
    /// The items of `digest` that repeat one of `earlier` (the same
    /// author's reports of earlier years, latest first).
    pub(crate) fn find<'a>(
        &self,
        digest: &Digest,
        earlier: &[&'a (Stored, Vec<StoredItem>)],
    ) -> Vec<Repeat<'a>> {
        let kind = self.items.name();
        let prepared: Vec<Prepared> = earlier
            .iter()
            .flat_map(|(m, items)| items.iter().map(move |i| (m, i)))
            .filter(|(_, i)| i.kind == kind)
            .map(|(m, i)| {
                let words: HashSet<&str> = i.words.split(' ').filter(|w| !w.is_empty()).collect();
                (m, i, bigrams(statement(&i.label)), words)
            })
            .collect();
        let mut out = Vec::new();
        for (n, item) in digest.items.iter().enumerate() {
            if item.kind != self.items {
                continue;
            }
            let label = statement(&item.label_text);
            if label.chars().count() < self.min_chars {
                continue;
            }
            let grams = bigrams(label);
            let words: HashSet<&str> = item.words.iter().map(String::as_str).collect();
            let mut best: Option<Repeat> = None;
            for (m, i, g, w) in &prepared {
                if statement(&i.label).chars().count() < self.min_chars {
                    continue;
                }
                let wording = dice(&grams, g);
                let by_words = if words.len().min(w.len()) >= self.min_words {
                    dice(&words, w)
                } else {
                    0.0
                };
                if wording < self.same_wording && by_words < self.same_words {
                    continue;
                }
                // Latest year first (the order given), then the closest.
                let better = best.as_ref().is_none_or(|b| {
                    b.report.year == m.year && wording + by_words > b.wording + b.words
                });
                if better {
                    best = Some(Repeat {
                        item: n,
                        report: m,
                        earlier: i,
                        wording,
                        words: by_words,
                    });
                }
            }
            out.extend(best);
        }
        out
    }

    pub(crate) fn diagnostic(&self, digest: &Digest, r: &Repeat) -> Diagnostic {
        let item = &digest.items[r.item];
        let earlier = crate::text::short(statement(&r.earlier.label), 40);
        let mut d = Diagnostic {
            rule: self.meta.id.clone(),
            severity: self.meta.severity,
            message: crate::diagnostic::fill(
                &self.meta.message,
                &[
                    ("year", &year_text(r.report.year)),
                    ("other", &earlier),
                    ("file", &r.report.path),
                ],
            )
            .replace(" 往 年", "往年"),
            file: digest.file,
            span: item.label.clone(),
            labels: Vec::new(),
            notes: Vec::new(),
            edits: Vec::new(),
            places: 1,
        };
        d.notes.push(format!(
            "往年材料：{}（{}，{}）",
            r.report.path,
            r.report.author,
            super::year_note(r.report.year)
        ));
        d.notes.push(format!(
            "字面相似度 {:.2}，内容词相似度 {:.2}",
            r.wording, r.words
        ));
        d
    }
}
