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

mod bag;
mod model;

use bag::Bag;
pub(crate) use model::{build_idf_table, LinkModel, LinkSpec};

use crate::document::Document;
use crate::outline::{Item, SectionKind};
use std::ops::Range;

/// A problem or cause item and the measures that answer it.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub kind: SectionKind,
    pub id: String,
    pub label: Range<usize>,
    /// Every measure with its score, best first.
    pub scores: Vec<(usize, f64)>,
    /// The heaviest words shared with the best measure, to explain it.
    pub shared: Vec<String>,
    /// The least score of a measure that answers it besides the threshold:
    /// a share of the best score (the model's `relative`).
    pub floor: f64,
}

/// A top-level measure item.
#[derive(Debug, Clone)]
pub(crate) struct Measure {
    pub id: String,
    pub label: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Links {
    pub items: Vec<Link>,
    pub measures: Vec<Measure>,
    /// The model's thresholds: a measure at or above it answers an item.
    pub threshold: f64,
    pub cause_threshold: f64,
}

impl Links {
    /// The threshold for an item of this kind.
    pub(crate) fn threshold_for(&self, kind: SectionKind) -> f64 {
        if kind == SectionKind::Causes {
            self.cause_threshold
        } else {
            self.threshold
        }
    }
}

impl Link {
    /// Measures that reach `threshold`, best first.
    pub(crate) fn answers(&self, threshold: f64) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.scores
            .iter()
            .copied()
            .filter(move |&(_, s)| s >= threshold && s >= self.floor)
    }
}

/// A problem or cause item, the index of its aspect heading if any, and
/// its position: which top-level item of its kind it is or sits under.
type Answerable<'a> = (SectionKind, &'a Item, Option<usize>, usize);

/// Problem items at the level the document uses (the deepest), with the
/// index of their aspect heading when they sit under one; then causes.
fn answerable<'a>(doc: &'a Document) -> (Vec<Answerable<'a>>, Vec<&'a Item>) {
    let mut items = Vec::new();
    let mut aspects = Vec::new();
    let mut tops = [0usize; 2];
    for s in &doc.outline.sections {
        let kind = if s.holds_problems() {
            SectionKind::Problems
        } else if s.kind == SectionKind::Causes {
            s.kind
        } else {
            continue;
        };
        let counter = &mut tops[usize::from(kind == SectionKind::Causes)];
        for top in &s.items {
            let position = *counter;
            *counter += 1;
            if top.children.is_empty() {
                items.push((kind, top, None, position));
                continue;
            }
            aspects.push(top);
            for leaf in top.leaves() {
                items.push((kind, leaf, Some(aspects.len() - 1), position));
            }
        }
    }
    (items, aspects)
}

/// Scores every problem and cause item against every top-level measure.
/// Every item is compared with every measure: a report has a few dozen of
/// each. Beyond these, the text is no single report (a pasted collection,
/// or a hostile input), and pairing its items would be quadratic: no links.
const MAX_ITEMS: usize = 400;
const MAX_MEASURES: usize = 100;

pub(crate) fn compute(model: &LinkModel, doc: &Document) -> Links {
    let measures: Vec<&Item> = doc
        .outline
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Measures)
        .flat_map(|s| s.items.iter())
        .collect();
    let (answerable, aspects) = answerable(doc);
    // Reports often answer in parallel: as many measures as problem
    // aspects (or causes), the k-th answering the k-th.
    let tops_of = |kind: SectionKind| {
        answerable
            .iter()
            .filter(|a| a.0 == kind)
            .map(|a| a.3 + 1)
            .max()
            .unwrap_or(0)
    };
    let parallel = [
        tops_of(SectionKind::Problems) == measures.len(),
        tops_of(SectionKind::Causes) == measures.len(),
    ];
    if answerable.len() > MAX_ITEMS || measures.len() > MAX_MEASURES {
        return Links {
            threshold: model.threshold,
            cause_threshold: model.cause_threshold,
            ..Links::default()
        };
    }
    let index = model.index(doc);
    let mut scratch = index.scratch();
    let mut bag = |span: &Range<usize>, label: &Range<usize>| {
        model.bag(&index, &mut scratch, span.clone(), label.clone())
    };
    let mut measure_bags: Vec<Bag> = measures.iter().map(|m| bag(&m.span, &m.label)).collect();
    let mut measure_labels: Vec<Bag> = measures.iter().map(|m| bag(&m.label, &m.label)).collect();
    for b in measure_bags.iter_mut().chain(measure_labels.iter_mut()) {
        b.densify(index.len());
    }
    // An aspect heading's similarity to each measure label, computed once.
    let aspect_scores: Vec<Vec<f64>> = aspects
        .iter()
        .map(|a| {
            let f = bag(&a.label, &a.label);
            measure_labels
                .iter()
                .map(|ml| bag::cosine(&f, ml))
                .collect()
        })
        .collect();
    let items = answerable
        .into_iter()
        .map(|(kind, item, aspect, position)| {
            let parallel = parallel[usize::from(kind == SectionKind::Causes)];
            let f = bag(&item.span, &item.label);
            let label_f = bag(&item.label, &item.label);
            let mut scores: Vec<(usize, f64)> = measure_bags
                .iter()
                .enumerate()
                .map(|(k, mb)| {
                    // Whole item against whole measure, or the label's key
                    // words found in the measure, whichever is stronger.
                    let mut s = bag::cosine(&f, mb)
                        .max(model.label_cover_weight * bag::coverage(&label_f, mb));
                    if let Some(a) = aspect {
                        s += model.aspect_weight * aspect_scores[a][k];
                    }
                    if parallel && k == position {
                        s += model.position_weight;
                    }
                    (k, s.min(1.0))
                })
                .collect();
            scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let shared = scores
                .first()
                .map(|&(k, _)| {
                    f.shared(&measure_bags[k], 4)
                        .into_iter()
                        .map(|id| model.name(doc, index.name(id)))
                        .collect()
                })
                .unwrap_or_default();
            let floor = scores
                .first()
                .map_or(0.0, |&(_, best)| best * model.relative);
            Link {
                kind,
                id: item.id.clone(),
                label: item.label.clone(),
                scores,
                shared,
                floor,
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
