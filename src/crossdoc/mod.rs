//! Cross-document rules: passages shared between reports of one run
//! (`shared-passage`), with reference texts (`template-copy`), or repeated
//! inside one report (`repeated-passage`), and the similarity of each pair.
//!
//! Every document is normalised and winnowed; all fingerprints go into one
//! array sorted by hash (an inverted index without per-key allocations), so
//! only documents that share a fingerprint are ever compared, never all
//! pairs. A fingerprint found in more than `max-docs` reports of the run is
//! the genre's common wording and is dropped, as are the k-grams of stock
//! phrases and official formulations.

mod kinds;
mod normalize;
mod passages;
mod winnow;

pub(crate) use kinds::{CrossKind, CrossRule, CrossRules};
use passages::Passage;

use crate::diagnostic::{fill, Diagnostic, Label, Severity};
use crate::document::Document;
use crate::settings::{count_in, Invalid};
use crate::source::Source;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use normalize::Normalized;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// `rules/fingerprints.yaml` and the `copying:` key of a user config.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct CopySpec {
    /// k: runs shorter than this many characters never match.
    pub noise: usize,
    /// t: every shared run at least this long is found.
    pub guarantee: usize,
    /// A fingerprint in more reports than this is common wording.
    pub max_docs: usize,
    /// Runs this close (characters) in both texts form one passage.
    pub merge_gap: usize,
    /// Stock sentences that are nobody's copy.
    pub stock: Vec<String>,
}

impl CopySpec {
    /// Shared runs shorter than about eight characters are common phrases,
    /// not copies: a smaller `noise` floods the output (every report shares
    /// thousands of short runs with every other).
    pub(crate) fn validate(&self) -> Result<(), Invalid> {
        count_in("noise", self.noise, 8, 500)?;
        count_in("guarantee", self.guarantee, self.noise, 1000).map_err(|mut e| {
            e.message = format!(
                "`guarantee` 须不小于 `noise`（{}）且不超过 1000（现为 {}）",
                self.noise, self.guarantee
            );
            e
        })?;
        count_in("max-docs", self.max_docs, 1, 1_000_000)?;
        count_in("merge-gap", self.merge_gap, 0, 200)
    }
}

/// One line of the similarity summary.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Similarity {
    pub a: String,
    pub b: String,
    pub shared_chars: usize,
    pub a_ratio: f64,
    pub b_ratio: f64,
}

/// What the cross-document stage found.
#[derive(Debug, Default)]
pub(crate) struct CrossReport {
    pub diagnostics: Vec<Diagnostic>,
    pub similarity: Vec<Similarity>,
}

/// A (hash, document, position) triple of the inverted index.
#[derive(Clone, Copy)]
struct Posting {
    hash: u64,
    doc: u32,
    pos: u32,
}

/// What the cross-document stage keeps of one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prints {
    fingerprints: Vec<winnow::Fingerprint>,
    /// Hash of the whole normalised text: equal texts are one text.
    whole: u64,
    /// Characters compared (the share of a passage is relative to this).
    chars: usize,
    /// Byte ranges left out (title, opening), to rebuild the same text.
    skip: Vec<Range<usize>>,
}

/// Fingerprints documents; built once per run.
pub(crate) struct Fingerprinter {
    k: usize,
    t: usize,
    /// Stock phrases and formulations (normalised): left out of every text,
    /// like a line break, so they neither match nor join two passages.
    stock: Option<AhoCorasick>,
}

impl Fingerprinter {
    pub(crate) fn new(spec: &CopySpec, stock: &[String]) -> Fingerprinter {
        let k = spec.noise.max(1);
        let phrases: Vec<String> = spec
            .stock
            .iter()
            .chain(stock)
            .map(|s| {
                normalize::chars(s)
                    .into_iter()
                    .filter_map(char::from_u32)
                    .collect::<String>()
            })
            .filter(|s| !s.is_empty())
            .collect();
        let stock = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .ok()
            .filter(|_| !phrases.is_empty());
        Fingerprinter {
            k,
            t: spec.guarantee.max(k),
            stock,
        }
    }

    /// The text as compared: normalised, `skip` and stock phrases left out.
    fn normalized(&self, text: &str, skip: &[Range<usize>]) -> Normalized {
        self.blank_stock(Normalized::new(text, skip))
    }

    fn blank_stock(&self, mut n: Normalized) -> Normalized {
        if let Some(stock) = &self.stock {
            // Search a string of the normalised characters (sentinels as
            // line breaks); matches come in order, so byte offsets map back
            // to character indices by walking forward.
            let s: String = n
                .chars
                .iter()
                .map(|&c| char::from_u32(c).unwrap_or('\n'))
                .collect();
            let mut found: Vec<Range<usize>> = Vec::new();
            let (mut byte, mut index) = (0, 0);
            let mut chars = s.chars();
            let mut advance = |to: usize| {
                while byte < to {
                    byte += chars.next().map_or(1, char::len_utf8);
                    index += 1;
                }
                index
            };
            for m in stock.find_iter(&s) {
                let start = advance(m.start());
                let end = advance(m.end());
                found.push(start..end);
            }
            for r in found {
                n.blank(r);
            }
        }
        n
    }

    pub(crate) fn prints(&self, text: &str, skip: Vec<Range<usize>>) -> Prints {
        let n = self.blank_stock(Normalized::chars_only(text, &skip));
        Prints {
            fingerprints: winnow::fingerprints(&n.chars, self.k, self.t),
            whole: winnow::kgram_hashes(&n.chars, n.len().max(1))
                .first()
                .copied()
                .unwrap_or(0),
            chars: n.text_chars(),
            skip,
        }
    }
}

/// What of a document is not compared: its title; when it has parts, the
/// opening before them (依据、会前学习、征求意见: the same for a whole team);
/// and lines shorter than `short` characters, the headings every report of
/// a year shares (在学习贯彻党的创新理论方面).
pub(crate) fn skip_ranges(doc: &Document, short: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if let Some(t) = &doc.outline.title {
        out.push(t.clone());
    }
    let opening_end = doc.outline.sections.first().map(|s| s.span.start);
    if let Some(end) = opening_end {
        let start = out.last().map_or(0, |t: &Range<usize>| t.end);
        if start < end {
            out.push(start..end);
        }
    }
    let text = doc.text();
    for p in &doc.paragraphs {
        let in_opening = opening_end.is_some_and(|e| p.span.start < e);
        if !in_opening && text[p.span.clone()].chars().count() < short {
            out.push(p.span.clone());
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

impl Fingerprinter {
    /// Lines shorter than this are headings, not prose.
    pub(crate) fn short_line(&self) -> usize {
        self.t
    }
}

/// Runs the cross-document rules. `sources[..checked]` are the run's
/// reports, the rest reference texts; `prints` has one entry per source.
/// `max_shared` turns pairs above that share into errors.
pub(crate) fn check(
    spec: &CopySpec,
    rules: &CrossRules,
    sources: &[Source],
    checked: usize,
    mut prints: Vec<Prints>,
    fingerprinter: &Fingerprinter,
    max_shared: Option<f64>,
) -> CrossReport {
    let (shared_rule, template_rule, repeat_rule) = (
        rules.shared.as_ref(),
        rules.template.as_ref(),
        rules.repeated.as_ref(),
    );
    if rules.is_empty() {
        return CrossReport::default();
    }
    let k = spec.noise.max(1);
    let t = spec.guarantee.max(k);
    let lengths: Vec<usize> = prints.iter().map(|p| p.chars).collect();
    let wholes: Vec<u64> = prints.iter().map(|p| p.whole).collect();
    // The fingerprints move into the index (they are the bulk of the
    // memory): sized once, each document's list freed as it is copied.
    let total: usize = prints.iter().map(|p| p.fingerprints.len()).sum();
    let mut postings: Vec<Posting> = Vec::with_capacity(total);
    for (doc, p) in prints.iter_mut().enumerate() {
        postings.extend(
            std::mem::take(&mut p.fingerprints)
                .into_iter()
                .map(|f| Posting {
                    hash: f.hash,
                    doc: doc as u32,
                    pos: f.pos,
                }),
        );
    }
    // By hash only (a single u64 compare); each group, small, is put in
    // (document, position) order below.
    postings.par_sort_unstable_by_key(|p| p.hash);

    let is_ref = |d: u32| d as usize >= checked;
    let same_text = |a: u32, b: u32| wholes[a as usize] == wholes[b as usize];
    let mut pair_hits: Vec<passages::Hit> = Vec::new();
    let mut template_hits: Vec<passages::Hit> = Vec::new();
    let mut repeat_hits: Vec<passages::Hit> = Vec::new();
    // Hashes too common to compare, with the number of reports that have them.
    let mut doc_counts: HashMap<u64, u32> = HashMap::new();
    for group in postings.chunk_by_mut(|a, b| a.hash == b.hash) {
        if group.len() < 2 {
            continue;
        }
        group.sort_unstable_by_key(|p| (p.doc, p.pos));
        let group = &*group;
        // Postings are sorted by document: references come last.
        let split = group.partition_point(|p| !is_ref(p.doc));
        let (runs, refs) = group.split_at(split);
        let mut run_docs = runs.iter().map(|p| p.doc).collect::<Vec<_>>();
        run_docs.dedup();
        // Copies of a reference are template-copy however many made them.
        for a in runs {
            for r in refs.iter().filter(|r| !same_text(a.doc, r.doc)) {
                template_hits.push(passages::Hit {
                    a: a.doc,
                    b: r.doc,
                    pos_a: a.pos,
                    pos_b: r.pos,
                });
            }
        }
        if run_docs.len() > spec.max_docs {
            doc_counts.insert(group[0].hash, run_docs.len() as u32);
            continue;
        }
        for (i, a) in runs.iter().enumerate() {
            for b in &runs[i + 1..] {
                let hit = passages::Hit {
                    a: a.doc,
                    b: b.doc,
                    pos_a: a.pos,
                    pos_b: b.pos,
                };
                if a.doc == b.doc {
                    if b.pos >= a.pos + k as u32 {
                        repeat_hits.push(hit);
                    }
                } else if refs.is_empty() {
                    // Text both members took from a reference is template-copy
                    // in each of them, not a copy between them.
                    pair_hits.push(hit);
                }
            }
        }
    }
    let gap = spec.merge_gap;
    let min = |r: Option<&CrossRule>| r.map_or(t, |r| r.min_chars.unwrap_or(t));
    let build =
        |hits, min_chars| passages::build(hits, k, gap, sources, &prints, fingerprinter, min_chars);
    let shared = build(pair_hits, min(shared_rule));
    let templates = build(template_hits, min(template_rule));
    let repeats = build(repeat_hits, min(repeat_rule));
    // Winnowing picks fingerprints by local context, so near a passage's ends
    // a few hashes escape the per-hash filters; judge whole passages too.
    let shared = filter_shared(
        shared,
        &templates,
        sources,
        &prints,
        fingerprinter,
        &doc_counts,
        spec.max_docs,
    );
    let similarity = summarise(&shared, sources, &lengths);
    let over: HashSet<(u32, u32)> = match max_shared {
        Some(limit) => similarity_pairs(&shared, &lengths)
            .into_iter()
            .filter(|&(_, _, ra, rb)| ra.max(rb) > limit)
            .map(|(p, _, _, _)| p)
            .collect(),
        None => HashSet::new(),
    };

    let mut diagnostics = Vec::new();
    if let Some(r) = shared_rule {
        for p in &shared {
            let pair = (p.a, p.b);
            for (this, other, here, there) in [
                (p.a, p.b, &p.span_a, &p.span_b),
                (p.b, p.a, &p.span_b, &p.span_a),
            ] {
                let mut d = diagnostic(r, sources, this, here, other, there, p.chars);
                if over.contains(&pair) {
                    d.severity = Severity::Error;
                    d.notes.push(format!(
                        "两份材料相同内容的占比超过 --max-shared {:.2}",
                        max_shared.unwrap_or(0.0)
                    ));
                }
                diagnostics.push(d);
            }
        }
    }
    if let Some(r) = template_rule {
        for p in &templates {
            diagnostics.push(diagnostic(
                r, sources, p.a, &p.span_a, p.b, &p.span_b, p.chars,
            ));
        }
    }
    if let Some(r) = repeat_rule {
        for p in &repeats {
            // Reported at the repetition, pointing back at the first place.
            diagnostics.push(diagnostic(
                r, sources, p.a, &p.span_b, p.a, &p.span_a, p.chars,
            ));
        }
    }
    CrossReport {
        diagnostics,
        similarity,
    }
}

fn diagnostic(
    rule: &CrossRule,
    sources: &[Source],
    this: u32,
    here: &Range<usize>,
    other: u32,
    there: &Range<usize>,
    chars: usize,
) -> Diagnostic {
    let meta = &rule.meta;
    let other_name = &sources[other as usize].name;
    let n = chars.to_string();
    Diagnostic {
        rule: meta.id.clone(),
        severity: meta.severity,
        message: fill(&meta.message, &[("other", other_name), ("chars", &n)]),
        file: this as usize,
        span: here.clone(),
        labels: vec![Label {
            file: other as usize,
            span: there.clone(),
            message: if this == other {
                "第一次出现在这里".to_string()
            } else {
                format!("{other_name} 中的相同段落")
            },
        }],
        notes: Vec::new(),
    }
}

/// Drops shared passages that are common wording (their fingerprints are
/// in more than `max_docs` reports) or that both sides took from a
/// reference (reported as template-copy instead).
fn filter_shared(
    shared: Vec<Passage>,
    templates: &[Passage],
    sources: &[Source],
    prints: &[Prints],
    fingerprinter: &Fingerprinter,
    doc_counts: &HashMap<u64, u32>,
    max_docs: usize,
) -> Vec<Passage> {
    // Fingerprints again, for the few documents that share passages.
    let mut docs: Vec<u32> = shared.iter().map(|p| p.a).collect();
    docs.sort_unstable();
    docs.dedup();
    let fingerprints: HashMap<u32, Vec<winnow::Fingerprint>> = docs
        .par_iter()
        .map(|&d| {
            let p =
                fingerprinter.prints(&sources[d as usize].text, prints[d as usize].skip.clone());
            (d, p.fingerprints)
        })
        .collect();
    let overlap =
        |x: &Range<usize>, y: &Range<usize>| x.end.min(y.end).saturating_sub(x.start.max(y.start));
    let mostly = |x: &Range<usize>, y: &Range<usize>| 2 * overlap(x, y) >= x.len();
    // Common when most of its fingerprints are: one stock 13-gram inside a
    // long copied passage does not make the passage common.
    let common = |p: &Passage| {
        let fps = &fingerprints[&p.a];
        let from = fps.partition_point(|f| (f.pos as usize) < p.norm_a.start);
        let inside = fps[from..]
            .iter()
            .take_while(|f| (f.pos as usize) < p.norm_a.end);
        let (mut total, mut frequent) = (0, 0);
        for f in inside {
            total += 1;
            frequent += usize::from(
                doc_counts
                    .get(&f.hash)
                    .is_some_and(|&n| n as usize > max_docs),
            );
        }
        2 * frequent > total
    };
    let from_template = |doc: u32, span: &Range<usize>| {
        templates
            .iter()
            .any(|t| t.a == doc && mostly(span, &t.span_a))
    };
    shared
        .into_iter()
        .filter(|p| !common(p))
        .filter(|p| !(from_template(p.a, &p.span_a) && from_template(p.b, &p.span_b)))
        .collect()
}

/// (pair, shared characters, a_ratio, b_ratio) of every pair with shared passages.
fn similarity_pairs(shared: &[Passage], lengths: &[usize]) -> Vec<((u32, u32), usize, f64, f64)> {
    let mut by_pair: HashMap<(u32, u32), usize> = HashMap::new();
    for p in shared {
        *by_pair.entry((p.a, p.b)).or_default() += p.chars;
    }
    by_pair
        .into_iter()
        .map(|((a, b), n)| {
            let ra = n as f64 / lengths[a as usize].max(1) as f64;
            let rb = n as f64 / lengths[b as usize].max(1) as f64;
            ((a, b), n, ra.min(1.0), rb.min(1.0))
        })
        .collect()
}

/// The similarity table: pairs by shared share, highest first.
fn summarise(shared: &[Passage], sources: &[Source], lengths: &[usize]) -> Vec<Similarity> {
    let mut rows: Vec<Similarity> = similarity_pairs(shared, lengths)
        .into_iter()
        .map(|((a, b), n, ra, rb)| Similarity {
            a: sources[a as usize].name.clone(),
            b: sources[b as usize].name.clone(),
            shared_chars: n,
            a_ratio: (ra * 1000.0).round() / 1000.0,
            b_ratio: (rb * 1000.0).round() / 1000.0,
        })
        .collect();
    rows.sort_by(|x, y| {
        y.a_ratio
            .max(y.b_ratio)
            .total_cmp(&x.a_ratio.max(x.b_ratio))
            .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    rows
}
