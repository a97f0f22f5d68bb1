//! From fingerprint hits to passages: hits of one document pair that lie
//! close together on (nearly) one diagonal are one passage, even with a few
//! words changed inside; its ends are then extended character by character.

use super::normalize::{is_sentinel, Normalized};
use crate::source::Source;
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;

/// A fingerprint shared by documents `a` and `b` (normalised positions).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub a: u32,
    pub b: u32,
    pub pos_a: u32,
    pub pos_b: u32,
}

/// A maximal shared passage; spans are byte ranges in the original texts.
#[derive(Debug, Clone)]
pub(crate) struct Passage {
    pub a: u32,
    pub b: u32,
    pub span_a: Range<usize>,
    pub span_b: Range<usize>,
    /// Length in (normalised) characters, on the `a` side.
    pub chars: usize,
    /// The passage in `a`'s normalised text.
    pub norm_a: Range<usize>,
}

/// A passage in normalised positions while it is being built.
#[derive(Debug, Clone)]
struct Run {
    a: u32,
    b: u32,
    ra: Range<usize>,
    rb: Range<usize>,
}

fn counted(chars: &[u32]) -> usize {
    chars
        .iter()
        .filter(|&&c| !super::normalize::is_sentinel(c))
        .count()
}

/// Groups hits into passages of at least `min_chars` characters.
pub(crate) fn build(
    mut hits: Vec<Hit>,
    k: usize,
    gap: usize,
    sources: &[Source],
    prints: &[super::Prints],
    fingerprinter: &super::Fingerprinter,
    min_chars: usize,
) -> Vec<Passage> {
    if hits.is_empty() {
        return Vec::new();
    }
    hits.par_sort_unstable_by_key(|h| (h.a, h.b, h.pos_a, h.pos_b));
    let mut runs: Vec<Run> = Vec::new();
    for h in hits {
        let (pa, pb) = (h.pos_a as usize, h.pos_b as usize);
        let diag = pb as i64 - pa as i64;
        // Join the latest run of this pair on a nearby diagonal, if close.
        let joined = runs
            .iter_mut()
            .rev()
            .take_while(|r| (r.a, r.b) == (h.a, h.b))
            .find(|r| {
                let r_diag = r.rb.end as i64 - r.ra.end as i64;
                pa <= r.ra.end + gap
                    && (diag - r_diag).unsigned_abs() as usize <= gap
                    && pb + k + gap >= r.rb.start
            });
        match joined {
            Some(r) => {
                r.ra.end = r.ra.end.max(pa + k);
                r.rb.start = r.rb.start.min(pb);
                r.rb.end = r.rb.end.max(pb + k);
            }
            None => runs.push(Run {
                a: h.a,
                b: h.b,
                ra: pa..pa + k,
                rb: pb..pb + k,
            }),
        }
    }
    // Extend the ends exactly, on the normalised texts of the documents involved.
    let mut docs: Vec<u32> = runs.iter().flat_map(|r| [r.a, r.b]).collect();
    docs.sort_unstable();
    docs.dedup();
    let texts: HashMap<u32, Normalized> = docs
        .par_iter()
        .map(|&d| {
            (
                d,
                fingerprinter.normalized(&sources[d as usize].text, &prints[d as usize].skip),
            )
        })
        .collect();
    for r in &mut runs {
        let (na, nb) = (&texts[&r.a].chars, &texts[&r.b].chars);
        r.ra.end = r.ra.end.min(na.len());
        r.rb.end = r.rb.end.min(nb.len());
        // Sentinels are numbered per text: equal values in two texts are
        // still two different breaks.
        let same = |i: usize, j: usize| na[i] == nb[j] && !is_sentinel(na[i]);
        while r.ra.start > 0 && r.rb.start > 0 && same(r.ra.start - 1, r.rb.start - 1) {
            r.ra.start -= 1;
            r.rb.start -= 1;
        }
        while r.ra.end < na.len() && r.rb.end < nb.len() && same(r.ra.end, r.rb.end) {
            r.ra.end += 1;
            r.rb.end += 1;
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
    // Runs that now overlap on both sides are one passage.
    runs.sort_by_key(|r| (r.a, r.b, r.ra.start));
    let mut merged: Vec<Run> = Vec::new();
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
        .into_iter()
        .filter(|r| counted(&texts[&r.a].chars[r.ra.clone()]) >= min_chars && !r.rb.is_empty())
        .map(|r| Passage {
            a: r.a,
            b: r.b,
            span_a: texts[&r.a].bytes(r.ra.clone()),
            span_b: texts[&r.b].bytes(r.rb.clone()),
            chars: counted(&texts[&r.a].chars[r.ra.clone()]),
            norm_a: r.ra.clone(),
        })
        .collect()
}
