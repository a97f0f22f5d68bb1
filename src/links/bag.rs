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
}
