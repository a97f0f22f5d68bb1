//! Per-document feature vectors. Every distinct feature of a document gets
//! a dense id, so a bag is built without sorting (a scratch array keeps the
//! heaviest weight per id) and a comparison walks only the smaller side
//! against a dense vector of the other.

use super::model::{KeyHash, Name};
use std::collections::HashMap;
use std::ops::Range;

/// One feature occurrence.
#[derive(Debug, Clone, Copy)]
struct Entry {
    at: usize,
    id: u32,
    weight: f64,
}

/// A document's feature occurrences in text order, with dense ids.
#[derive(Default)]
pub(crate) struct FeatureIndex {
    entries: Vec<Entry>,
    ids: HashMap<u64, u32, KeyHash>,
    keys: Vec<u64>,
    names: Vec<Name>,
}

/// Reusable per-document scratch space for building bags.
pub(crate) struct Scratch {
    weight: Vec<f64>,
    touched: Vec<u32>,
}

impl FeatureIndex {
    pub(crate) fn with_capacity(n: usize) -> FeatureIndex {
        FeatureIndex {
            entries: Vec::with_capacity(n),
            ..FeatureIndex::default()
        }
    }

    /// Adds an occurrence; occurrences must come in text order.
    pub(crate) fn push(&mut self, at: usize, key: u64, weight: f64, name: Name) {
        let next = self.keys.len() as u32;
        let id = *self.ids.entry(key).or_insert(next);
        if id == next {
            self.keys.push(key);
            self.names.push(name);
        }
        self.entries.push(Entry { at, id, weight });
    }

    pub(crate) fn scratch(&self) -> Scratch {
        Scratch {
            weight: vec![0.0; self.keys.len()],
            touched: Vec::new(),
        }
    }

    fn within(&self, span: Range<usize>) -> &[Entry] {
        let a = self.entries.partition_point(|e| e.at < span.start);
        let b = self.entries.partition_point(|e| e.at < span.end);
        &self.entries[a..b]
    }

    /// (key, name) of every occurrence in `span`.
    pub(crate) fn occurrences(&self, span: Range<usize>) -> impl Iterator<Item = (u64, Name)> + '_ {
        self.within(span)
            .iter()
            .map(|e| (self.keys[e.id as usize], self.names[e.id as usize]))
    }

    /// The bag of `span`: one weight per feature, the heaviest occurrence,
    /// occurrences inside `label` multiplied by `label_weight`.
    pub(crate) fn bag(
        &self,
        scratch: &mut Scratch,
        span: Range<usize>,
        label: Range<usize>,
        label_weight: f64,
    ) -> Bag {
        for e in self.within(span) {
            let w = if label.contains(&e.at) {
                e.weight * label_weight
            } else {
                e.weight
            };
            let slot = &mut scratch.weight[e.id as usize];
            if *slot == 0.0 {
                scratch.touched.push(e.id);
            }
            *slot = slot.max(w);
        }
        let features: Vec<(u32, f64)> = scratch
            .touched
            .drain(..)
            .map(|id| (id, std::mem::take(&mut scratch.weight[id as usize])))
            .collect();
        let norm = features.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        let total = features.iter().map(|(_, w)| w).sum();
        Bag {
            features,
            norm,
            total,
            dense: Vec::new(),
        }
    }

    pub(crate) fn name(&self, id: u32) -> Name {
        self.names[id as usize]
    }
}

/// An item's features: (dense id, weight), with the sums comparisons need.
#[derive(Debug, Clone)]
pub(crate) struct Bag {
    features: Vec<(u32, f64)>,
    norm: f64,
    total: f64,
    /// Weight by id, for bags that many others are compared against.
    dense: Vec<f64>,
}

impl Bag {
    /// Makes this bag comparable in O(size of the other bag).
    pub(crate) fn densify(&mut self, ids: usize) {
        self.dense = vec![0.0; ids];
        for &(id, w) in &self.features {
            self.dense[id as usize] = w;
        }
    }

    fn weight(&self, id: u32) -> f64 {
        self.dense[id as usize]
    }

    /// The `n` heaviest features of this bag that `other` (dense) has.
    pub(crate) fn shared(&self, other: &Bag, n: usize) -> Vec<u32> {
        let mut common: Vec<(u32, f64)> = self
            .features
            .iter()
            .copied()
            .filter(|&(id, _)| other.weight(id) > 0.0)
            .collect();
        common.sort_by(|x, y| y.1.total_cmp(&x.1));
        common.into_iter().take(n).map(|(id, _)| id).collect()
    }
}

/// Cosine similarity; `b` must be dense.
pub(crate) fn cosine(a: &Bag, b: &Bag) -> f64 {
    if a.norm == 0.0 || b.norm == 0.0 {
        return 0.0;
    }
    let dot: f64 = a.features.iter().map(|&(id, w)| w * b.weight(id)).sum();
    dot / (a.norm * b.norm)
}

/// How much of `a`'s weight `b` (dense) covers (0..1): a short label's key
/// words found in a long measure count fully, however long the measure is.
pub(crate) fn coverage(a: &Bag, b: &Bag) -> f64 {
    if a.total == 0.0 {
        return 0.0;
    }
    let covered: f64 = a
        .features
        .iter()
        .filter(|&&(id, _)| b.weight(id) > 0.0)
        .map(|(_, w)| w)
        .sum();
    covered / a.total
}

#[cfg(test)]
impl Bag {
    /// (id, weight) of each feature, by id: what tests of other modules
    /// read of a bag.
    pub(crate) fn weights(&self) -> Vec<(u32, f64)> {
        let mut f = self.features.clone();
        f.sort_by_key(|&(id, _)| id);
        f
    }
}

impl FeatureIndex {
    /// Number of distinct features (dense ids).
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_spans_share_no_occurrence() {
        // Features at bytes 0, 6 and 12: an item ending at 6 and the next
        // starting there (a paragraph split at a cause cue, inline items)
        // each hold the occurrences inside them, the one at 6 in the second.
        let mut index = FeatureIndex::with_capacity(3);
        for (at, key) in [(0, 1), (6, 2), (12, 3)] {
            index.push(at, key, 1.0, Name::Word(at as u32, at as u32 + 6));
        }
        let keys =
            |span: Range<usize>| -> Vec<u64> { index.occurrences(span).map(|(k, _)| k).collect() };
        assert_eq!(keys(0..6), [1]);
        assert_eq!(keys(6..12), [2]);
        assert_eq!(keys(0..18), [1, 2, 3]);
    }

    /// An index of (byte, key, weight) occurrences, 3 bytes apart.
    fn index_of(occ: &[(usize, u64, f64)]) -> FeatureIndex {
        let mut index = FeatureIndex::with_capacity(occ.len());
        for &(at, key, w) in occ {
            index.push(at, key, w, Name::Group(key as usize));
        }
        index
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    /// A key seen again keeps its id; a bag holds each feature once, at
    /// its heaviest occurrence, and those inside the label count
    /// `label_weight` times.
    #[test]
    fn a_bag_keeps_the_heaviest_occurrence_of_each_feature() {
        let index = index_of(&[(0, 7, 1.0), (3, 8, 2.0), (6, 7, 3.0), (9, 9, 0.5)]);
        assert_eq!(index.len(), 3);
        assert!(matches!(index.name(1), Name::Group(8)));
        let mut scratch = index.scratch();
        let bag = index.bag(&mut scratch, 0..9, 9..9, 1.0);
        let mut f = bag.features.clone();
        f.sort_by_key(|&(id, _)| id);
        assert_eq!(f, [(0, 3.0), (1, 2.0)]);
        assert!(close(bag.total, 5.0));
        assert!(close(bag.norm, 13f64.sqrt()));
        // The label (bytes 3..6) doubles key 8 only.
        let bag = index.bag(&mut scratch, 0..12, 3..6, 2.0);
        let mut f = bag.features.clone();
        f.sort_by_key(|&(id, _)| id);
        assert_eq!(f, [(0, 3.0), (1, 4.0), (2, 0.5)]);
        // The scratch space is left clean: a bag of another span does not
        // inherit weights.
        let bag = index.bag(&mut scratch, 9..12, 0..0, 1.0);
        assert_eq!(bag.features, [(2, 0.5)]);
        assert!(close(bag.total, 0.5));
    }

    #[test]
    fn cosine_and_coverage_of_bags() {
        let index = index_of(&[(0, 1, 1.0), (3, 2, 2.0), (6, 2, 2.0), (9, 3, 2.0)]);
        let mut scratch = index.scratch();
        let a = index.bag(&mut scratch, 0..6, 0..0, 1.0); // {1: 1, 2: 2}
        let mut b = index.bag(&mut scratch, 6..12, 0..0, 1.0); // {2: 2, 3: 2}
        b.densify(index.len());
        // a·b = 4; |a| = √5, |b| = √8.
        assert!(close(cosine(&a, &b), 4.0 / (5f64.sqrt() * 8f64.sqrt())));
        // b covers key 2 of a: 2 of a's 3.
        assert!(close(coverage(&a, &b), 2.0 / 3.0));
        let mut whole = index.bag(&mut scratch, 0..12, 0..0, 1.0);
        whole.densify(index.len());
        assert!(close(coverage(&a, &whole), 1.0));
        assert!(close(cosine(&whole, &whole), 1.0));
        // An empty bag is like nothing, on either side.
        let mut empty = index.bag(&mut scratch, 20..30, 0..0, 1.0);
        assert_eq!(cosine(&empty, &b), 0.0);
        assert_eq!(coverage(&empty, &b), 0.0);
        empty.densify(index.len());
        assert_eq!(cosine(&a, &empty), 0.0);
        assert_eq!(coverage(&a, &empty), 0.0);
    }

    /// The features two bags share, heaviest first, at most `n`.
    #[test]
    fn shared_features_are_the_heaviest_common_ones() {
        let index = index_of(&[
            (0, 1, 1.0),
            (3, 2, 3.0),
            (6, 3, 2.0),
            (9, 4, 5.0),
            (12, 1, 1.0),
            (15, 2, 1.0),
            (18, 3, 1.0),
        ]);
        let mut scratch = index.scratch();
        let a = index.bag(&mut scratch, 0..12, 0..0, 1.0);
        let mut b = index.bag(&mut scratch, 12..21, 0..0, 1.0);
        b.densify(index.len());
        assert_eq!(a.shared(&b, 5), [1, 2, 0]);
        assert_eq!(a.shared(&b, 2), [1, 2]);
    }
}
