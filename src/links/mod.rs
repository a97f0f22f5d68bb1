//! Correspondence between items: which measures answer each problem and
//! each cause.
//!
//! Every item becomes a bag of weighted features: its content tokens (jieba,
//! stopwords out) and the synonym groups found in it. Weights are genre IDF
//! (`rules/idf.tsv`, built from corpus/ by `critique-lint build-idf`), times
//! `label-weight` for words of the item's label. Two items are compared by
//! cosine similarity; a problem under an aspect heading also gets the
//! similarity of that heading to the measure's label (`aspect-weight`).
//! Scores stay explainable: the shared features can be listed.

mod model;

pub use model::{build_idf_table, LinkModel, LinkOverride, LinkSpec};

use crate::document::Document;
use crate::outline::{Item, SectionKind};
use std::ops::Range;

/// A problem or cause item and the measures that answer it.
#[derive(Debug, Clone)]
pub struct Link {
    pub kind: SectionKind,
    pub id: String,
    pub label: Range<usize>,
    /// Every measure with its score, best first.
    pub scores: Vec<(usize, f64)>,
    /// The heaviest words shared with the best measure, to explain it.
    pub shared: Vec<String>,
}

/// A top-level measure item.
#[derive(Debug, Clone)]
pub struct Measure {
    pub id: String,
    pub label: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Links {
    pub items: Vec<Link>,
    pub measures: Vec<Measure>,
    /// The model's thresholds: a measure at or above it answers an item.
    pub threshold: f64,
    pub cause_threshold: f64,
}

impl Links {
    /// The threshold for an item of this kind.
    pub fn threshold_for(&self, kind: SectionKind) -> f64 {
        if kind == SectionKind::Causes {
            self.cause_threshold
        } else {
            self.threshold
        }
    }
}

impl Link {
    /// Measures that reach `threshold`, best first.
    pub fn answers(&self, threshold: f64) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.scores.iter().copied().filter(move |&(_, s)| s >= threshold)
    }
}

/// Problem items at the level the document uses (the deepest), with their
/// aspect heading when they sit under one; then cause items.
fn answerable<'a>(doc: &'a Document) -> Vec<(SectionKind, &'a Item, Option<&'a Item>)> {
    let mut out = Vec::new();
    for s in &doc.outline.sections {
        if !matches!(s.kind, SectionKind::Problems | SectionKind::Causes) {
            continue;
        }
        for top in &s.items {
            for leaf in top.leaves() {
                let aspect = (!std::ptr::eq(leaf, top)).then_some(top);
                out.push((s.kind, leaf, aspect));
            }
        }
    }
    out
}

/// Scores every problem and cause item against every top-level measure.
pub fn compute(model: &LinkModel, doc: &Document) -> Links {
    let measures: Vec<&Item> = doc
        .outline
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Measures)
        .flat_map(|s| s.items.iter())
        .collect();
    let measure_features: Vec<_> = measures.iter().map(|m| model.features(doc, m.span.clone(), m.label.clone())).collect();
    let measure_labels: Vec<_> = measures.iter().map(|m| model.features(doc, m.label.clone(), m.label.clone())).collect();
    let items = answerable(doc)
        .into_iter()
        .map(|(kind, item, aspect)| {
            let f = model.features(doc, item.span.clone(), item.label.clone());
            let aspect_f = aspect.map(|a| model.features(doc, a.label.clone(), a.label.clone()));
            let label_f = model.features(doc, item.label.clone(), item.label.clone());
            let mut scores: Vec<(usize, f64)> = measure_features
                .iter()
                .enumerate()
                .map(|(k, mf)| {
                    let mut s = model::cosine(&f, mf).max(model.label_cover_weight * model::coverage(&label_f, mf));
                    if let Some(af) = &aspect_f {
                        s += model.aspect_weight * model::cosine(af, &measure_labels[k]);
                    }
                    (k, s.min(1.0))
                })
                .collect();
            scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let shared = scores
                .first()
                .map(|&(k, _)| model::shared(&f, &measure_features[k], 4))
                .unwrap_or_default();
            Link {
                kind,
                id: item.id.clone(),
                label: item.label.clone(),
                scores,
                shared,
            }
        })
        .collect();
    Links {
        threshold: model.threshold,
        cause_threshold: model.cause_threshold,
        items,
        measures: measures
            .iter()
            .map(|m| Measure {
                id: m.id.clone(),
                label: m.label.clone(),
            })
            .collect(),
    }
}

