//! From seeds to passages. Seeds of one pair of texts that lie close
//! together on (nearly) one diagonal are one run; each run is then extended
//! character by character, across masked stock wording when both texts have
//! it, and across a few changed or reordered words when the texts match
//! again right after them (an edited copy is one passage, from its first
//! to its last shared run). Runs that then overlap are one passage.

use super::index::Hit;
use super::normalize::BREAK;
use super::Corpus;
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;

/// A maximal shared passage; spans are byte ranges in the original texts.
#[derive(Debug, Clone)]
pub(crate) struct Passage {
    pub(crate) a: u32,
    pub(crate) b: u32,
    pub(crate) span_a: Range<usize>,
    pub(crate) span_b: Range<usize>,
    /// Length in (normalised) characters, on the `a` side.
    pub(crate) chars: usize,
    /// The passage in `a`'s normalised text.
    pub(crate) norm_a: Range<usize>,
}

/// A passage in normalised positions while it is being built.
#[derive(Debug, Clone)]
struct Run {
    a: u32,
    b: u32,
    ra: Range<usize>,
    rb: Range<usize>,
}

/// How far past a changed word the texts may match again (characters), how
/// far the two sides may shift against each other there, and how long the
/// match after the change must be to carry the passage on.
const BRIDGE: usize = 24;
const SHIFT: usize = 6;
const RESUME: usize = 10;

fn is_sentinel(c: u16) -> bool {
    c == BREAK
}

fn counted(chars: &[u16]) -> usize {
    chars.iter().filter(|&&c| !is_sentinel(c)).count()
}

/// Groups seeds into passages of at least `min_chars` characters.
pub(crate) fn build(
    mut hits: Vec<Hit>,
    k: usize,
    gap: usize,
    corpus: &Corpus,
    min_chars: usize,
) -> Vec<Passage> {
    if hits.is_empty() {
        return Vec::new();
    }
    hits.par_sort_unstable_by_key(|h| (h.a, h.b, h.pos_a, h.pos_b));
    let mut runs: Vec<Run> = Vec::new();
    for pair in hits.chunk_by(|x, y| (x.a, x.b) == (y.a, y.b)) {
        join_seeds(pair, k, gap, &mut runs);
    }
    // The seeds are many more than the runs: not kept to the end.
    drop(hits);
    // Extend the ends exactly, on the normalised texts of the documents involved.
    let mut docs: Vec<u32> = runs.iter().flat_map(|r| [r.a, r.b]).collect();
    docs.sort_unstable();
    docs.dedup();
    let texts: HashMap<u32, Vec<u16>> = docs.par_iter().map(|&d| (d, corpus.compact(d))).collect();
    // Exact extension first: the many runs of one passage become one, so
    // the costlier bridging across edits runs once per passage.
    runs.par_iter_mut().for_each(|r| {
        extend(r, &texts[&r.a], &texts[&r.b], false);
    });
    let mut runs = merge(runs);
    // Bridged, a pair's first run of a passage often reaches across the
    // rest of it: runs it already covers are left to the merge, not walked
    // again (that walk made a lightly edited copy cost its length squared).
    runs.par_chunk_by_mut(|x, y| (x.a, x.b) == (y.a, y.b))
        .for_each(|pair| {
            let (na, nb) = (&texts[&pair[0].a], &texts[&pair[0].b]);
            let mut covered: Option<(Range<usize>, Range<usize>)> = None;
            for r in pair {
                // (Only on the covering run's diagonal: a shifted run may
                // bridge to other places. Never inside one text, where the
                // first copy is cut where the second starts.)
                if r.a != r.b
                    && covered.as_ref().is_some_and(|(ca, cb)| {
                        contains(ca, &r.ra)
                            && contains(cb, &r.rb)
                            && cb.end.wrapping_sub(ca.end) == r.rb.end.wrapping_sub(r.ra.end)
                    })
                {
                    continue;
                }
                extend(r, na, nb, true);
                covered = Some((r.ra.clone(), r.rb.clone()));
            }
        });
    let mut merged = merge(runs);
    merged.retain(|r| counted(&texts[&r.a][r.ra.clone()]) >= min_chars);
    let chars: Vec<usize> = merged
        .iter()
        .map(|r| counted(&texts[&r.a][r.ra.clone()]))
        .collect();
    drop(texts);
    // Byte spans, one walk of each text for all its passages: slot 2i is
    // passage i's side in `a`, 2i + 1 its side in `b`.
    let mut wanted: HashMap<u32, Vec<(Range<usize>, usize)>> = HashMap::new();
    for (i, r) in merged.iter().enumerate() {
        wanted.entry(r.a).or_default().push((r.ra.clone(), 2 * i));
        wanted
            .entry(r.b)
            .or_default()
            .push((r.rb.clone(), 2 * i + 1));
    }
    let found: Vec<Vec<(usize, Range<usize>)>> = wanted
        .into_par_iter()
        .map(|(d, places)| {
            let ranges: Vec<Range<usize>> = places.iter().map(|(r, _)| r.clone()).collect();
            let bytes = corpus.spans(d, &ranges);
            places
                .into_iter()
                .map(|(_, slot)| slot)
                .zip(bytes)
                .collect()
        })
        .collect();
    let mut spans: Vec<Range<usize>> = vec![0..0; 2 * merged.len()];
    for (slot, bytes) in found.into_iter().flatten() {
        spans[slot] = bytes;
    }
    merged
        .into_iter()
        .zip(chars)
        .enumerate()
        .map(|(i, (r, chars))| Passage {
            a: r.a,
            b: r.b,
            span_a: spans[2 * i].clone(),
            span_b: spans[2 * i + 1].clone(),
            chars,
            norm_a: r.ra,
        })
        .collect()
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Runs that overlap on both sides are one.
fn merge(mut runs: Vec<Run>) -> Vec<Run> {
    runs.retain(|r| !r.ra.is_empty() && !r.rb.is_empty());
    runs.sort_by_key(|r| (r.a, r.b, r.ra.start, r.rb.start));
    let mut merged: Vec<Run> = Vec::with_capacity(runs.len());
    for r in runs {
        match merged.last_mut() {
            Some(m)
                if (m.a, m.b) == (r.a, r.b)
                    && r.ra.start <= m.ra.end
                    && r.rb.start <= m.rb.end
                    && r.rb.end >= m.rb.start =>
            {
                m.ra.end = m.ra.end.max(r.ra.end);
                m.rb.start = m.rb.start.min(r.rb.start);
                m.rb.end = m.rb.end.max(r.rb.end);
            }
            _ => merged.push(r),
        }
    }
    merged
}

/// Joins the seeds of one pair (sorted by position in `a`) into runs: a
/// seed joins an open run whose end is within `gap` on a diagonal within
/// `gap`. Runs left behind by more than `gap` are closed, so the open list
/// stays short whatever the input.
fn join_seeds(pair: &[Hit], k: usize, gap: usize, runs: &mut Vec<Run>) {
    let first = runs.len();
    let mut open: Vec<usize> = Vec::new();
    for h in pair {
        let (pa, pb) = (h.pos_a as usize, h.pos_b as usize);
        open.retain(|&i| runs[i].ra.end + gap >= pa);
        let diag = pb as i64 - pa as i64;
        let joined = open.iter().copied().find(|&i| {
            let r = &runs[i];
            let r_diag = r.rb.end as i64 - r.ra.end as i64;
            (diag - r_diag).unsigned_abs() as usize <= gap && pb + k + gap >= r.rb.start
        });
        match joined {
            Some(i) => {
                let r = &mut runs[i];
                r.ra.end = r.ra.end.max(pa + k);
                r.rb.start = r.rb.start.min(pb);
                r.rb.end = r.rb.end.max(pb + k);
            }
            None => {
                open.push(runs.len());
                runs.push(Run {
                    a: h.a,
                    b: h.b,
                    ra: pa..pa + k,
                    rb: pb..pb + k,
                });
            }
        }
    }
    debug_assert!(runs[first..].iter().all(|r| r.a == pair[0].a));
}

/// Extends a run to the maximal stretch the two texts share around it;
/// with `bridges`, also across changed words. A seed that was a hash
/// collision does not grow (its neighbours differ) and stays shorter than
/// any reported passage.
fn extend(r: &mut Run, na: &[u16], nb: &[u16], bridges: bool) {
    let same = |i: usize, j: usize| na[i] == nb[j] && !is_sentinel(na[i]);
    r.ra.end = r.ra.end.min(na.len());
    r.rb.end = r.rb.end.min(nb.len());
    loop {
        while r.ra.start > 0 && r.rb.start > 0 && same(r.ra.start - 1, r.rb.start - 1) {
            r.ra.start -= 1;
            r.rb.start -= 1;
        }
        if !bridges {
            break;
        }
        match bridge_back(na, nb, r.ra.start, r.rb.start, &same) {
            Some((i, j)) => {
                r.ra.start = i;
                r.rb.start = j;
            }
            None => break,
        }
    }
    loop {
        while r.ra.end < na.len() && r.rb.end < nb.len() && same(r.ra.end, r.rb.end) {
            r.ra.end += 1;
            r.rb.end += 1;
        }
        if !bridges {
            break;
        }
        match bridge_forward(na, nb, r.ra.end, r.rb.end, &same) {
            Some((i, j)) => {
                r.ra.end = i;
                r.rb.end = j;
            }
            None => break,
        }
    }
    // A run never starts or ends on a break.
    while r.ra.len() > 1 && is_sentinel(na[r.ra.start]) {
        r.ra.start += 1;
    }
    while r.ra.len() > 1 && is_sentinel(na[r.ra.end - 1]) {
        r.ra.end -= 1;
    }
    while r.rb.len() > 1 && is_sentinel(nb[r.rb.start]) {
        r.rb.start += 1;
    }
    while r.rb.len() > 1 && is_sentinel(nb[r.rb.end - 1]) {
        r.rb.end -= 1;
    }
    if r.a == r.b && r.ra.end > r.rb.start {
        // A repetition inside one text: the first copy ends where the second starts.
        r.ra.end = r.rb.start;
    }
}

/// Past a mismatch at (i, j): the nearest place within [`BRIDGE`]
/// characters, the sides shifted by at most [`SHIFT`], where [`RESUME`]
/// characters match again with no break in between; returns the end of
/// that match.
fn bridge_forward(
    na: &[u16],
    nb: &[u16],
    i: usize,
    j: usize,
    same: &impl Fn(usize, usize) -> bool,
) -> Option<(usize, usize)> {
    // The first break on each side bounds where a match may end.
    let reach = BRIDGE + SHIFT + RESUME;
    let limit = |n: &[u16], from: usize| {
        let end = (from + reach).min(n.len());
        (from..end).find(|&p| is_sentinel(n[p])).unwrap_or(end)
    };
    let (la, lb) = (limit(na, i), limit(nb, j));
    for da in 0..=BRIDGE {
        let x = i + da;
        if x + RESUME > la {
            break;
        }
        for db in da.saturating_sub(SHIFT)..=da + SHIFT {
            let y = j + db;
            if (da, db) == (0, 0) || y + RESUME > lb {
                continue;
            }
            if (0..RESUME).all(|d| same(x + d, y + d)) {
                return Some((x + RESUME, y + RESUME));
            }
        }
    }
    None
}

/// The mirror of [`bridge_forward`], before a run's start (i, j).
fn bridge_back(
    na: &[u16],
    nb: &[u16],
    i: usize,
    j: usize,
    same: &impl Fn(usize, usize) -> bool,
) -> Option<(usize, usize)> {
    let reach = BRIDGE + SHIFT + RESUME;
    // The last break before each side bounds where a match may start.
    let limit = |n: &[u16], to: usize| {
        let start = to.saturating_sub(reach);
        (start..to)
            .rev()
            .find(|&p| is_sentinel(n[p]))
            .map_or(start, |p| p + 1)
    };
    let (la, lb) = (limit(na, i), limit(nb, j));
    for da in 0..=BRIDGE {
        if i < da + RESUME || i - da - RESUME < la {
            break;
        }
        let x = i - da - RESUME;
        for db in da.saturating_sub(SHIFT)..=da + SHIFT {
            if (da, db) == (0, 0) || j < db + RESUME || j - db - RESUME < lb {
                continue;
            }
            let y = j - db - RESUME;
            if (0..RESUME).all(|d| same(x + d, y + d)) {
                return Some((x, y));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;
