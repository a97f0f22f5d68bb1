//! The fingerprint index: every fingerprint of every text in one array
//! sorted by hash, so only texts that share a hash are ever compared, never
//! all pairs. From each group of equal hashes come seeds ([`Hit`]s) for the
//! passages, bounded so that no input makes the work quadratic:
//!
//! - a hash repeated inside one text pairs each place with the next one at
//!   least a k-gram later (a sentence repeated 10,000 times is 10,000 seeds,
//!   not 50 million);
//! - two texts sharing a hash pair at most [`OCCURRENCES`] places each;
//! - a hash in more than `max-docs` reports is common wording: no pairs,
//!   only a note that it is common, and, for one hash in [`SAMPLE`], a count
//!   of which reports share it — enough to find reports that are near copies
//!   of each other however many there are.

use super::winnow::Fingerprint;
use rayon::prelude::*;

/// A fingerprint shared by documents `a` and `b` (normalised positions).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub(crate) a: u32,
    pub(crate) b: u32,
    pub(crate) pos_a: u32,
    pub(crate) pos_b: u32,
}

/// Places of one hash in one text paired with another text's, at most.
const OCCURRENCES: usize = 4;

/// One hash in this many is sampled for near-copy estimates: a report of
/// 2,000 characters has about 30 sampled fingerprints.
pub(crate) const SAMPLE: u32 = 16;

/// Groups with more reports than this pair each report with the first
/// [`REPRESENTATIVES`] only: enough to connect a cluster of copies.
const ALL_PAIRS_UP_TO: usize = 64;
const REPRESENTATIVES: usize = 16;

/// Set on a fingerprint position whose hash is common wording.
pub(crate) const COMMON: u32 = 1 << 31;

#[derive(Clone, Copy)]
struct Posting {
    hash: u32,
    doc: u32,
    pos: u32,
}

/// What the index yields.
#[derive(Default)]
pub(crate) struct Seeds {
    /// Between two reports of the run.
    pub(crate) pairs: Vec<Hit>,
    /// Between a report and a reference text.
    pub(crate) templates: Vec<Hit>,
    /// Inside one report.
    pub(crate) repeats: Vec<Hit>,
    /// Each text's fingerprint positions in order, [`COMMON`] set on those
    /// found in more than `max-docs` reports.
    pub(crate) positions: Vec<Vec<u32>>,
    /// (a, b, number of sampled hashes both have), a < b, any texts.
    pub(crate) cooccur: Vec<(u32, u32, u32)>,
    /// Each text's fingerprint hashes, sorted and deduplicated.
    pub(crate) hashes: Vec<Vec<u32>>,
}

/// Builds the seeds from every text's fingerprints. `checked` texts are
/// the run's reports; the rest are references.
pub(crate) fn seeds(
    prints: Vec<Vec<Fingerprint>>,
    checked: usize,
    k: usize,
    max_docs: usize,
) -> Seeds {
    // Each text's hashes and positions are at most its fingerprints: sized
    // once, not grown by doubling (this stage is where a large run peaks).
    let counts: Vec<usize> = prints.iter().map(Vec::len).collect();
    let total: usize = counts.iter().sum();
    let mut postings: Vec<Posting> = Vec::with_capacity(total);
    for (doc, p) in prints.into_iter().enumerate() {
        postings.extend(p.into_iter().map(|f| Posting {
            hash: f.hash,
            doc: doc as u32,
            pos: f.pos,
        }));
    }
    postings.par_sort_unstable_by_key(|p| (p.hash, p.doc, p.pos));

    let docs = postings
        .iter()
        .map(|p| p.doc as usize + 1)
        .max()
        .unwrap_or(0);
    let sized = || {
        counts[..docs]
            .iter()
            .map(|&n| Vec::with_capacity(n))
            .collect()
    };
    let mut out = Seeds {
        hashes: sized(),
        positions: sized(),
        ..Seeds::default()
    };
    // Counted as they come: a cluster of copies shares thousands of pairs.
    let mut sampled: PairMap<u32> = PairMap::default();
    let is_ref = |d: u32| d as usize >= checked;
    let mut segments: Vec<&[Posting]> = Vec::new();
    for group in postings.chunk_by(|a, b| a.hash == b.hash) {
        let hash = group[0].hash;
        segments.clear();
        segments.extend(group.chunk_by(|a, b| a.doc == b.doc));
        for s in &segments {
            out.hashes[s[0].doc as usize].push(hash);
        }
        if segments.len() == 1 && group.len() == 1 {
            continue;
        }
        let split = segments.partition_point(|s| !is_ref(s[0].doc));
        let (runs, refs) = segments.split_at(split);
        let common = runs.len() > max_docs;
        for p in group {
            let bit = if common { COMMON } else { 0 };
            out.positions[p.doc as usize].push(p.pos | bit);
        }
        for r in runs {
            for t in refs {
                pair_places(r, t, &mut out.templates);
            }
        }
        if !common {
            for r in runs {
                repeat_places(r, k, &mut out.repeats);
            }
            // Text both members took from a reference is template-copy in
            // each, not a copy between them.
            if refs.is_empty() {
                for (i, a) in runs.iter().enumerate() {
                    for b in &runs[i + 1..] {
                        pair_places(a, b, &mut out.pairs);
                    }
                }
            }
        }
        if hash % SAMPLE == 0 && segments.len() > 1 {
            let docs: Vec<u32> = segments.iter().map(|s| s[0].doc).collect();
            for (i, &a) in docs.iter().enumerate() {
                let with = if docs.len() <= ALL_PAIRS_UP_TO {
                    &docs[i + 1..]
                } else {
                    &docs[..i.min(REPRESENTATIVES)]
                };
                for &b in with {
                    let (x, y) = (a.min(b), a.max(b));
                    // Two references are never compared.
                    if !(is_ref(x) && is_ref(y)) {
                        *sampled.entry(pair(x, y)).or_default() += 1;
                    }
                }
            }
        }
    }
    out.cooccur = sampled
        .into_iter()
        .map(|(k, n)| ((k >> 32) as u32, k as u32, n))
        .collect();
    out.cooccur.sort_unstable();
    out.positions
        .par_iter_mut()
        .for_each(|p| p.sort_unstable_by_key(|&x| x & !COMMON));
    out
}

/// Two texts as one key: (a, b) → a << 32 | b.
pub(crate) fn pair(a: u32, b: u32) -> u64 {
    (a as u64) << 32 | b as u64
}

/// A map keyed by [`pair`]s.
pub(crate) use crate::text::IntMap as PairMap;

/// Seeds between the places of one hash in two texts: the first few of
/// each, in order.
fn pair_places(a: &[Posting], b: &[Posting], out: &mut Vec<Hit>) {
    for x in a.iter().take(OCCURRENCES) {
        for y in b.iter().take(OCCURRENCES) {
            out.push(Hit {
                a: x.doc,
                b: y.doc,
                pos_a: x.pos,
                pos_b: y.pos,
            });
        }
    }
}

/// Seeds between each place of a hash inside one text and its next place
/// at least one k-gram later (so a repetition points back at the one
/// before it, and the work stays linear).
fn repeat_places(places: &[Posting], k: usize, out: &mut Vec<Hit>) {
    let mut next = 0;
    for (i, x) in places.iter().enumerate() {
        next = next.max(i + 1);
        while next < places.len() && (places[next].pos as usize) < x.pos as usize + k {
            next += 1;
        }
        let Some(y) = places.get(next) else {
            break;
        };
        out.push(Hit {
            a: x.doc,
            b: y.doc,
            pos_a: x.pos,
            pos_b: y.pos,
        });
    }
}

/// The share of `a`'s fingerprints that `b` has too (both sorted, deduplicated).
pub(crate) fn containment(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(hash: u32, pos: u32) -> Fingerprint {
        Fingerprint { hash, pos }
    }

    #[test]
    fn a_hash_repeated_in_one_text_seeds_linearly() {
        // One hash at 10,000 places, 20 apart: 9,999 seeds, each pointing
        // at the next place.
        let prints = vec![(0..10_000).map(|i| fp(7, i * 20)).collect()];
        let s = seeds(prints, 1, 13, 10);
        assert_eq!(s.repeats.len(), 9_999);
        assert!(s.repeats.iter().all(|h| h.pos_b == h.pos_a + 20));
        assert!(s.pairs.is_empty());
    }

    #[test]
    fn common_hashes_make_no_pairs_but_are_sampled() {
        // Hash 32 (sampled) in 12 reports; max-docs 10.
        let prints: Vec<Vec<Fingerprint>> = (0..12).map(|_| vec![fp(32, 0), fp(5, 40)]).collect();
        let s = seeds(prints, 12, 13, 10);
        assert!(s.positions[0].iter().all(|&p| p & COMMON != 0));
        assert!(s.pairs.is_empty());
        assert_eq!(s.cooccur.len(), 12 * 11 / 2);
        assert!(s.cooccur.iter().all(|&(_, _, n)| n == 1));
        assert_eq!(s.hashes[3], [5, 32]);
    }

    #[test]
    fn two_texts_pair_at_most_a_few_places() {
        let many: Vec<Fingerprint> = (0..100).map(|i| fp(9, i * 30)).collect();
        let s = seeds(vec![many.clone(), many], 2, 13, 10);
        assert_eq!(s.pairs.len(), OCCURRENCES * OCCURRENCES);
    }

    /// Pair keys hash apart: the multiplier is odd, so distinct keys keep
    /// distinct hashes, and a [`PairMap`] does not pile them in one bucket.
    #[test]
    fn pair_keys_keep_distinct_hashes() {
        use std::collections::HashSet;
        use std::hash::BuildHasher;
        let hasher = crate::text::IntHash::default();
        let hashes: HashSet<u64> = (0..64)
            .flat_map(|a| (0..64).map(move |b| pair(a, b)))
            .map(|k| hasher.hash_one(k))
            .collect();
        assert_eq!(hashes.len(), 64 * 64);
    }

    #[test]
    fn containment_counts_shared_hashes() {
        assert_eq!(containment(&[1, 2, 3, 4], &[2, 4, 9]), 0.5);
        assert_eq!(containment(&[], &[1]), 0.0);
    }

    fn places(hits: &[Hit]) -> Vec<(u32, u32, u32, u32)> {
        let mut v: Vec<_> = hits.iter().map(|h| (h.a, h.b, h.pos_a, h.pos_b)).collect();
        v.sort_unstable();
        v
    }

    /// A hash in two reports seeds a pair; in a report and a reference, a
    /// template seed; in two reports and a reference, template seeds only.
    #[test]
    fn reports_pair_with_each_other_and_with_references_as_templates() {
        // Texts 0 and 1 are reports, 2 a reference.
        let prints = vec![
            vec![fp(3, 0), fp(5, 10), fp(7, 20)],
            vec![fp(3, 4), fp(7, 24)],
            vec![fp(5, 8), fp(7, 28)],
        ];
        let s = seeds(prints, 2, 13, 10);
        assert_eq!(places(&s.pairs), [(0, 1, 0, 4)]);
        assert_eq!(
            places(&s.templates),
            [(0, 2, 10, 8), (0, 2, 20, 28), (1, 2, 24, 28)]
        );
        assert!(s.repeats.is_empty());
        assert_eq!(pair(1, 2), (1u64 << 32) | 2);
    }

    /// More than `max-docs` reports with a hash make it common: no pairs,
    /// no repeats, its positions marked; exactly `max-docs` do not.
    #[test]
    fn a_hash_is_common_above_max_docs_reports() {
        let prints = |n: usize| -> Vec<Vec<Fingerprint>> {
            (0..n).map(|_| vec![fp(3, 0), fp(3, 20)]).collect()
        };
        let s = seeds(prints(3), 3, 13, 3);
        assert_eq!(s.pairs.len(), 3 * 4);
        assert_eq!(s.repeats.len(), 3);
        assert!(s.positions[0].iter().all(|&p| p & COMMON == 0));
        let s = seeds(prints(4), 4, 13, 3);
        assert!(s.pairs.is_empty() && s.repeats.is_empty());
        assert_eq!(s.positions[0], [COMMON, 20 | COMMON]);
    }

    /// A place inside one text seeds with the next place at least k on.
    #[test]
    fn a_repeat_seeds_with_the_next_place_a_kgram_on() {
        let s = seeds(
            vec![vec![fp(3, 0), fp(3, 12), fp(3, 13), fp(3, 30)]],
            1,
            13,
            10,
        );
        assert_eq!(
            places(&s.repeats),
            [(0, 0, 0, 13), (0, 0, 12, 30), (0, 0, 13, 30)]
        );
    }

    /// A hash found once in one text is no seed and no position; positions
    /// come sorted; every text lists its distinct hashes.
    #[test]
    fn a_hash_seen_once_is_listed_but_places_nothing() {
        let s = seeds(vec![vec![fp(2, 40), fp(1, 0), fp(2, 5)]], 1, 13, 10);
        assert_eq!(s.positions[0], [5, 40]);
        assert_eq!(s.hashes[0], [1, 2]);
        assert!(s.pairs.is_empty() && s.templates.is_empty() && s.cooccur.is_empty());
    }

    /// Sampled hashes (a multiple of SAMPLE) count towards each pair of
    /// texts that have them, never between two references; others do not.
    #[test]
    fn sampled_hashes_count_pairs_of_texts_but_not_two_references() {
        let prints = vec![
            vec![fp(SAMPLE, 0), fp(SAMPLE + 1, 10), fp(2 * SAMPLE, 20)],
            vec![fp(SAMPLE, 0), fp(SAMPLE + 1, 10), fp(2 * SAMPLE, 20)],
            vec![fp(SAMPLE, 0)],
            vec![fp(SAMPLE, 0)],
        ];
        let s = seeds(prints, 2, 13, 10);
        assert_eq!(
            s.cooccur,
            [(0, 1, 2), (0, 2, 1), (0, 3, 1), (1, 2, 1), (1, 3, 1)]
        );
    }

    /// Up to ALL_PAIRS_UP_TO texts with a sampled hash, every pair counts;
    /// beyond, each text only with the first REPRESENTATIVES before it.
    #[test]
    fn many_texts_with_a_sampled_hash_count_against_representatives() {
        let prints =
            |n: usize| -> Vec<Vec<Fingerprint>> { (0..n).map(|_| vec![fp(0, 0)]).collect() };
        let n = ALL_PAIRS_UP_TO;
        assert_eq!(seeds(prints(n), n, 13, 1000).cooccur.len(), n * (n - 1) / 2);
        let n = ALL_PAIRS_UP_TO + 1;
        let expected: usize = (0..n).map(|i| i.min(REPRESENTATIVES)).sum();
        let s = seeds(prints(n), n, 13, 1000);
        assert_eq!(s.cooccur.len(), expected);
        assert!(s
            .cooccur
            .iter()
            .all(|&(a, _, _)| (a as usize) < REPRESENTATIVES));
    }

    #[test]
    fn containment_is_the_share_of_the_first_sides_hashes() {
        assert_eq!(containment(&[1, 2], &[1, 2, 3]), 1.0);
        assert_eq!(containment(&[1, 2, 3], &[1, 2]), 2.0 / 3.0);
        assert_eq!(containment(&[5, 6], &[1, 2, 7]), 0.0);
        assert_eq!(containment(&[1, 9], &[]), 0.0);
    }
}
