//! From passages to what a reader sees: one finding per copied passage per
//! report (naming every other report that has it), one error for a report
//! that is (nearly) a whole copy of another text, the similarity of each
//! pair, and the groups of reports connected by what they share.

use super::index::{self, pair, PairMap, Seeds, COMMON, SAMPLE};
use super::passages::{self, Passage};
use super::{CopySpec, Corpus, CrossRule, CrossRules};
use crate::diagnostic::{fill, Diagnostic, Label, Severity};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

/// One line of the similarity summary.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Similarity {
    pub(crate) a: String,
    pub(crate) b: String,
    pub(crate) shared_chars: usize,
    pub(crate) a_ratio: f64,
    pub(crate) b_ratio: f64,
}

/// Reports connected by shared text (each pair in the chain sharing at
/// least `group-share`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct CopyGroup {
    pub(crate) members: Vec<String>,
    /// The largest share any pair of the group has.
    pub(crate) share: f64,
    /// The longest passage two members share, if a passage was found.
    pub(crate) longest: Option<GroupPassage>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct GroupPassage {
    pub(crate) a: String,
    pub(crate) b: String,
    pub(crate) chars: usize,
}

/// What a run of the cross stage is given.
pub(super) struct Run<'a> {
    pub(super) spec: &'a CopySpec,
    pub(super) rules: &'a CrossRules,
    pub(super) texts: &'a super::Texts<'a>,
    pub(super) checked: usize,
    /// Compared characters of each text.
    pub(super) chars: &'a [usize],
    pub(super) k: usize,
    pub(super) t: usize,
    pub(super) max_shared: Option<f64>,
}

/// Pairs whose sampled estimate is below this share are not taken up.
const CANDIDATE: f64 = 0.15;

/// Labels shown in other reports, at most; the rest are named in a note.
const LABELS: usize = 3;
/// Names listed in a note, at most.
const NAMES: usize = 10;

pub(super) fn report(run: &Run, seeds: Seeds, corpus: &Corpus) -> super::CrossReport {
    let (k, gap) = (run.k, run.spec.merge_gap);
    let min = |r: &Option<CrossRule>| r.as_ref().map_or(run.t, |r| r.min_chars.unwrap_or(run.t));
    let hits = |v: &mut Vec<super::index::Hit>| std::mem::take(v);
    let mut seeds = seeds;
    let templates = passages::build(
        hits(&mut seeds.templates),
        k,
        gap,
        corpus,
        min(&run.rules.template),
    );
    let (kept, partners) = nearest_partners(hits(&mut seeds.pairs), run.spec.max_docs);
    let shared = passages::build(kept, k, gap, corpus, min(&run.rules.shared));
    let shared = drop_common(shared, &templates, &seeds.positions);
    let repeats = passages::build(
        hits(&mut seeds.repeats),
        k,
        gap,
        corpus,
        min(&run.rules.repeated),
    );

    let shares = shares(run, &seeds, &shared, &templates);
    let whole = whole_copies(run, &shares);
    let mut diagnostics = Vec::new();
    if let Some(rule) = &run.rules.whole {
        for (a, partners) in &whole {
            diagnostics.push(whole_copy(
                rule, run, *a, partners, &shared, &templates, corpus,
            ));
        }
    }
    let is_whole = |a: u32, b: u32| {
        whole
            .get(&a)
            .is_some_and(|p| p.iter().any(|&(x, _)| x == b))
    };
    if let Some(rule) = &run.rules.shared {
        let over = over_limit(run, &shares);
        diagnostics.extend(per_passage(
            rule, run, &shared, true, &is_whole, &over, &partners,
        ));
    }
    if let Some(rule) = &run.rules.template {
        diagnostics.extend(per_passage(
            rule,
            run,
            &templates,
            false,
            &is_whole,
            &HashSet::new(),
            &HashMap::new(),
        ));
    }
    if let Some(rule) = &run.rules.repeated {
        for p in &repeats {
            // Reported at the repetition, pointing back at the first place.
            diagnostics.push(diagnostic(
                rule,
                p.a as usize,
                p.span_b.clone(),
                &[
                    ("other", &run.texts.sources[p.a as usize].name),
                    ("chars", &p.chars.to_string()),
                ],
                vec![Label {
                    file: p.a as usize,
                    span: p.span_a.clone(),
                    message: "第一次出现在这里".to_string(),
                }],
            ));
        }
    }
    let similarity = similarity(run, &shares, &shared);
    let copy_groups = copy_groups(run, &shares, &shared);
    let passages = shared
        .iter()
        .map(|p| (p, false))
        .chain(templates.iter().map(|p| (p, true)))
        .filter(|(p, _)| (p.a as usize) < run.checked)
        .map(|(p, template)| super::SharedSpan {
            a: p.a as usize,
            b: p.b as usize,
            span_a: p.span_a.clone(),
            span_b: p.span_b.clone(),
            template,
        })
        .collect();
    super::CrossReport {
        diagnostics,
        similarity,
        copy_groups,
        passages,
    }
}

/// Passages are built between a report and its `max-docs` nearest
/// partners (by seeds in common), not every report that shares a seed with
/// it: when many members start from one draft, every report shares a little
/// with dozens of others, and all pairs would be the quadratic part of the
/// run. (A passage in more than `max-docs` reports is common wording, so no
/// passage needs more partners.) Returns the seeds kept and, per report,
/// how many partners it has.
fn nearest_partners(
    hits: Vec<super::index::Hit>,
    max_docs: usize,
) -> (Vec<super::index::Hit>, HashMap<u32, usize>) {
    let mut counts: PairMap<u32> = PairMap::default();
    for h in &hits {
        *counts.entry(pair(h.a, h.b)).or_default() += 1;
    }
    let mut by_doc: HashMap<u32, Vec<(u32, u32)>> = HashMap::new();
    for (&k, &n) in &counts {
        let (a, b) = ((k >> 32) as u32, k as u32);
        by_doc.entry(a).or_default().push((n, b));
        by_doc.entry(b).or_default().push((n, a));
    }
    let partners: HashMap<u32, usize> = by_doc.iter().map(|(&d, v)| (d, v.len())).collect();
    let mut keep: HashSet<u64> = HashSet::new();
    for (d, mut v) in by_doc {
        v.sort_by_key(|&(n, o)| (std::cmp::Reverse(n), o));
        for &(_, o) in v.iter().take(max_docs) {
            keep.insert(pair(d.min(o), d.max(o)));
        }
    }
    let kept = hits
        .into_iter()
        .filter(|h| keep.contains(&pair(h.a.min(h.b), h.a.max(h.b))))
        .collect();
    (kept, partners)
}

/// Drops passages that are common wording (most of their fingerprints are
/// in more than `max-docs` reports) or that both sides took from a reference
/// (each is template-copy instead).
fn drop_common(
    shared: Vec<Passage>,
    templates: &[Passage],
    positions: &[Vec<u32>],
) -> Vec<Passage> {
    let is_common = |p: &Passage| {
        let at = &positions[p.a as usize];
        let pos = |x: u32| (x & !COMMON) as usize;
        let from = at.partition_point(|&x| pos(x) < p.norm_a.start);
        let (mut total, mut frequent) = (0, 0);
        for &x in at[from..].iter().take_while(|&&x| pos(x) < p.norm_a.end) {
            total += 1;
            frequent += usize::from(x & COMMON != 0);
        }
        2 * frequent > total
    };
    let overlap =
        |x: &Range<usize>, y: &Range<usize>| x.end.min(y.end).saturating_sub(x.start.max(y.start));
    let mut by_doc: HashMap<u32, Vec<&Range<usize>>> = HashMap::new();
    for t in templates {
        by_doc.entry(t.a).or_default().push(&t.span_a);
    }
    let from_template = |doc: u32, span: &Range<usize>| {
        by_doc
            .get(&doc)
            .is_some_and(|v| v.iter().any(|t| 2 * overlap(span, t) >= span.len()))
    };
    shared
        .into_iter()
        .filter(|p| !is_common(p))
        .filter(|p| !(from_template(p.a, &p.span_a) && from_template(p.b, &p.span_b)))
        .collect()
}

pub(super) type Shares = PairMap<f64>;

/// Estimated shares at or above this are checked on every fingerprint (a
/// whole copy is an error; it must not rest on a sample).
const VERIFY: f64 = 0.6;

/// The share of each text another has, both ways: `shares[pair(a, b)]` is
/// how much of `a` is in `b`. From passages; and for pairs found through
/// sampled fingerprints (however many reports share them), the share of
/// sampled fingerprints in common, counted on all fingerprints when it
/// comes near a whole copy.
fn shares(run: &Run, seeds: &Seeds, shared: &[Passage], templates: &[Passage]) -> Shares {
    let mut covered: PairMap<usize> = PairMap::default();
    for p in shared.iter().chain(templates) {
        *covered.entry(pair(p.a, p.b)).or_default() += p.chars;
        *covered.entry(pair(p.b, p.a)).or_default() += p.chars;
    }
    let ratio = |a: u32, n: usize| (n as f64 / run.chars[a as usize].max(1) as f64).min(1.0);
    let mut out: Shares = covered
        .into_iter()
        .map(|(k, n)| (k, ratio((k >> 32) as u32, n)))
        .collect();
    let sampled: Vec<usize> = seeds
        .hashes
        .iter()
        .map(|h| h.iter().filter(|&&x| x % SAMPLE == 0).count())
        .collect();
    let estimates: Vec<(u32, u32, f64, f64)> = seeds
        .cooccur
        .iter()
        .map(|&(a, b, n)| {
            let est = |d: u32| (n as f64 / sampled[d as usize].max(1) as f64).min(1.0);
            (a, b, est(a), est(b))
        })
        .filter(|&(_, _, x, y)| x.max(y) >= CANDIDATE)
        .collect();
    let checked: Vec<(u32, u32, f64, f64)> = estimates
        .par_iter()
        .map(|&(a, b, x, y)| {
            if x.max(y) < VERIFY {
                return (a, b, x, y);
            }
            let (ha, hb) = (&seeds.hashes[a as usize], &seeds.hashes[b as usize]);
            (a, b, index::containment(ha, hb), index::containment(hb, ha))
        })
        .collect();
    for (a, b, ab, ba) in checked {
        let e = out.entry(pair(a, b)).or_default();
        *e = e.max(ab);
        let e = out.entry(pair(b, a)).or_default();
        *e = e.max(ba);
    }
    out
}

/// For each report, the texts it is (nearly) a whole copy of, best first.
fn whole_copies(run: &Run, shares: &Shares) -> BTreeMap<u32, Vec<(u32, f64)>> {
    let mut out: BTreeMap<u32, Vec<(u32, f64)>> = BTreeMap::new();
    for (&k, &s) in shares {
        let (a, b) = ((k >> 32) as u32, k as u32);
        if (a as usize) < run.checked && s >= run.spec.whole_copy {
            out.entry(a).or_default().push((b, s));
        }
    }
    for partners in out.values_mut() {
        partners.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    }
    out
}

/// Pairs of reports sharing more than --max-shared.
fn over_limit(run: &Run, shares: &Shares) -> HashSet<(u32, u32)> {
    let Some(limit) = run.max_shared else {
        return HashSet::new();
    };
    shares
        .iter()
        .map(|(&k, &s)| ((k >> 32) as u32, k as u32, s))
        .filter(|&(a, b, _)| (a as usize) < run.checked && (b as usize) < run.checked)
        .filter(|&(_, _, s)| s > limit)
        .map(|(a, b, _)| (a.min(b), a.max(b)))
        .collect()
}

fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0).floor())
}

fn names(run: &Run, docs: &[u32]) -> String {
    let shown: Vec<&str> = docs
        .iter()
        .take(NAMES)
        .map(|&d| run.texts.sources[d as usize].name.as_str())
        .collect();
    let more = if docs.len() > NAMES { "…" } else { "" };
    format!("{}{more}", shown.join("、"))
}

fn diagnostic(
    rule: &CrossRule,
    file: usize,
    span: Range<usize>,
    vars: &[(&str, &str)],
    labels: Vec<Label>,
) -> Diagnostic {
    Diagnostic {
        rule: rule.meta.id.clone(),
        severity: rule.meta.severity,
        message: fill(&rule.meta.message, vars),
        file,
        span,
        labels,
        notes: Vec::new(),
        edits: Vec::new(),
        places: 1,
    }
}

/// One error for a report that is nearly a whole copy of another text: at
/// the stretch it shares with the best match (the compared text when no
/// passage was built), naming the others in a note.
#[allow(clippy::too_many_arguments)]
fn whole_copy(
    rule: &CrossRule,
    run: &Run,
    a: u32,
    partners: &[(u32, f64)],
    shared: &[Passage],
    templates: &[Passage],
    corpus: &Corpus,
) -> Diagnostic {
    let (b, share) = partners[0];
    let sides = shared.iter().chain(templates).filter_map(|p| {
        if (p.a, p.b) == (a, b) {
            Some((p.span_a.clone(), p.span_b.clone()))
        } else if (p.a, p.b) == (b, a) {
            Some((p.span_b.clone(), p.span_a.clone()))
        } else {
            None
        }
    });
    let (mut here, mut there): (Option<Range<usize>>, Option<Range<usize>>) = (None, None);
    for (x, y) in sides {
        here = Some(here.map_or(x.clone(), |h| h.start.min(x.start)..h.end.max(x.end)));
        there = Some(there.map_or(y.clone(), |h| h.start.min(y.start)..h.end.max(y.end)));
    }
    let here = here.unwrap_or_else(|| corpus.compared(a));
    let there = there.unwrap_or_else(|| corpus.compared(b));
    let other = &run.texts.sources[b as usize].name;
    let mut d = diagnostic(
        rule,
        a as usize,
        here,
        &[("other", other), ("share", &percent(share))],
        vec![Label {
            file: b as usize,
            span: there,
            message: format!("{other} 中的相同内容"),
        }],
    );
    if partners.len() > 1 {
        let rest: Vec<u32> = partners[1..].iter().map(|&(x, _)| x).collect();
        d.notes.push(format!(
            "另有 {} 份材料也与本材料几乎相同：{}",
            rest.len(),
            names(run, &rest)
        ));
    }
    d
}

/// (this report, span here, other text, span there, characters)
type Side = (u32, Range<usize>, u32, Range<usize>, usize);

/// One finding per passage per report: the passages a report shares (with
/// any number of other texts) that overlap are one finding, naming the
/// others, with labels in the first few. A report with more than
/// `max-passages` such findings gets one for them all. Texts this report is
/// a whole copy of are left out: that error says it all. `both_sides`:
/// passages between reports are reported in each; template passages only
/// in the report.
fn per_passage(
    rule: &CrossRule,
    run: &Run,
    passages: &[Passage],
    both_sides: bool,
    is_whole: &dyn Fn(u32, u32) -> bool,
    over: &HashSet<(u32, u32)>,
    partners: &HashMap<u32, usize>,
) -> Vec<Diagnostic> {
    let mut sides: Vec<Side> = Vec::new();
    for p in passages {
        sides.push((p.a, p.span_a.clone(), p.b, p.span_b.clone(), p.chars));
        if both_sides {
            sides.push((p.b, p.span_b.clone(), p.a, p.span_a.clone(), p.chars));
        }
    }
    sides.retain(|s| (s.0 as usize) < run.checked && !is_whole(s.0, s.2));
    sides.sort_by_key(|s| (s.0, s.1.start, std::cmp::Reverse(s.1.end)));
    let mut out = Vec::new();
    for doc in sides.chunk_by(|x, y| x.0 == y.0) {
        // Clusters: passages of this report that overlap.
        let mut clusters: Vec<&[Side]> = Vec::new();
        let mut i = 0;
        while i < doc.len() {
            let mut end = doc[i].1.end;
            let mut j = i + 1;
            while j < doc.len() && doc[j].1.start < end {
                end = end.max(doc[j].1.end);
                j += 1;
            }
            clusters.push(&doc[i..j]);
            i = j;
        }
        let many = rule
            .message_many
            .as_ref()
            .filter(|_| clusters.len() > run.spec.max_passages);
        match many {
            Some(template) => {
                let all = partners.get(&doc[0].0).copied().unwrap_or(0);
                out.push(summary(rule, template, run, &clusters, over, all));
            }
            None => out.extend(clusters.iter().map(|c| cluster(rule, run, c, over))),
        }
    }
    out
}

/// The other texts of `sides`, longest passage first, each once.
fn by_other<'a>(sides: impl Iterator<Item = &'a Side>) -> Vec<&'a Side> {
    let mut out: Vec<&Side> = Vec::new();
    for s in sides {
        match out.iter_mut().find(|o| o.2 == s.2) {
            Some(o) if o.4 < s.4 => *o = s,
            Some(_) => {}
            None => out.push(s),
        }
    }
    out.sort_by_key(|s| (std::cmp::Reverse(s.4), s.2));
    out
}

/// `b.txt`, or `4 份材料（甲.txt、乙.txt、丙.txt…）` (`total` when more
/// texts share with the report than `others` lists).
fn named(run: &Run, others: &[u32], total: usize) -> String {
    let total = total.max(others.len());
    if total == 1 {
        return run.texts.sources[others[0] as usize].name.clone();
    }
    let shown: Vec<u32> = others.iter().copied().take(LABELS).collect();
    let more = if total > LABELS { "…" } else { "" };
    format!("{total} 份材料（{}{more}）", names(run, &shown))
}

/// Labels in the first few others; a note naming the rest; error level
/// when a pair is over --max-shared.
fn finish(
    mut d: Diagnostic,
    run: &Run,
    this: u32,
    others: &[&Side],
    over: &HashSet<(u32, u32)>,
    rest_note: &str,
) -> Diagnostic {
    d.labels = others
        .iter()
        .take(LABELS)
        .map(|s| {
            let name = &run.texts.sources[s.2 as usize].name;
            Label {
                file: s.2 as usize,
                span: s.3.clone(),
                message: format!("{name} 中的相同段落"),
            }
        })
        .collect();
    if others.len() > LABELS {
        let rest: Vec<u32> = others[LABELS..].iter().map(|s| s.2).collect();
        d.notes.push(format!(
            "另有 {} 份材料{rest_note}：{}",
            rest.len(),
            names(run, &rest)
        ));
    }
    if let Some(limit) = run.max_shared {
        if others
            .iter()
            .any(|s| over.contains(&(this.min(s.2), this.max(s.2))))
        {
            d.severity = Severity::Error;
            d.notes.push(format!(
                "两份材料相同内容的占比超过 --max-shared {limit:.2}"
            ));
        }
    }
    d
}

/// One finding for one passage of a report (a cluster of overlapping ones).
fn cluster(rule: &CrossRule, run: &Run, c: &[Side], over: &HashSet<(u32, u32)>) -> Diagnostic {
    let this = c[0].0;
    let here = c[0].1.start..c.iter().map(|s| s.1.end).max().unwrap_or(c[0].1.end);
    let others = by_other(c.iter());
    let ids: Vec<u32> = others.iter().map(|s| s.2).collect();
    let chars = c.iter().map(|s| s.4).max().unwrap_or(0);
    let d = diagnostic(
        rule,
        this as usize,
        here,
        &[
            ("other", &named(run, &ids, 0)),
            ("chars", &chars.to_string()),
        ],
        Vec::new(),
    );
    finish(d, run, this, &others, over, "也有这一段")
}

/// One finding for all the passages of a report: at the longest, naming
/// the texts it shares most with, how many passages and how much of the
/// report they cover; the next longest located in a note.
fn summary(
    rule: &CrossRule,
    template: &str,
    run: &Run,
    clusters: &[&[Side]],
    over: &HashSet<(u32, u32)>,
    partners: usize,
) -> Diagnostic {
    let this = clusters[0][0].0;
    let length = |c: &[Side]| c.iter().map(|s| s.4).max().unwrap_or(0);
    let mut order: Vec<&[Side]> = clusters.to_vec();
    order.sort_by_key(|c| (std::cmp::Reverse(length(c)), c[0].1.start));
    let longest = order[0];
    let here = longest[0].1.start..longest.iter().map(|s| s.1.end).max().unwrap_or(0);
    let covered: usize = clusters.iter().map(|c| length(c)).sum();
    let share = (covered as f64 / run.chars[this as usize].max(1) as f64).min(1.0);
    let others = by_other(clusters.iter().flat_map(|c| c.iter()));
    let ids: Vec<u32> = others.iter().map(|s| s.2).collect();
    let mut d = Diagnostic {
        rule: rule.meta.id.clone(),
        severity: rule.meta.severity,
        message: fill(
            template,
            &[
                ("other", &named(run, &ids, partners)),
                ("count", &clusters.len().to_string()),
                ("share", &percent(share)),
            ],
        ),
        file: this as usize,
        span: here,
        labels: Vec::new(),
        notes: Vec::new(),
        edits: Vec::new(),
        places: 1,
    };
    let mut lines: Vec<usize> = order[1..]
        .iter()
        .take(NAMES)
        .map(|c| run.texts.line(this as usize, c[0].1.start))
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
    if !lines.is_empty() {
        let more = if order.len() > NAMES + 1 { "…" } else { "" };
        d.notes
            .push(format!("其余相同段落在第 {}{more} 行", lines.join("、")));
    }
    finish(d, run, this, &others, over, "也与本材料有相同段落")
}

/// Pairs of reports with shared text, most similar first.
fn similarity(run: &Run, shares: &Shares, shared: &[Passage]) -> Vec<Similarity> {
    let mut chars: HashMap<(u32, u32), usize> = HashMap::new();
    for p in shared {
        *chars.entry((p.a.min(p.b), p.a.max(p.b))).or_default() += p.chars;
    }
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let mut rows: Vec<Similarity> = shares
        .keys()
        .map(|&k| ((k >> 32) as u32, k as u32))
        .filter(|&(a, b)| a < b && (b as usize) < run.checked)
        .filter_map(|(a, b)| {
            let ra = shares.get(&pair(a, b)).copied().unwrap_or(0.0);
            let rb = shares.get(&pair(b, a)).copied().unwrap_or(0.0);
            let n = chars
                .get(&(a, b))
                .copied()
                .unwrap_or_else(|| (ra * run.chars[a as usize] as f64).round() as usize);
            (n > 0).then(|| Similarity {
                a: run.texts.sources[a as usize].name.clone(),
                b: run.texts.sources[b as usize].name.clone(),
                shared_chars: n,
                a_ratio: round(ra),
                b_ratio: round(rb),
            })
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

/// Reports connected by pairs sharing at least `group-share` (union–find).
fn copy_groups(run: &Run, shares: &Shares, shared: &[Passage]) -> Vec<CopyGroup> {
    let n = run.checked;
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut strong: Vec<(u32, u32, f64)> = shares
        .iter()
        .map(|(&k, &s)| ((k >> 32) as u32, k as u32, s))
        .filter(|&(a, b, _)| a < b && (b as usize) < n)
        .map(|(a, b, s)| (a, b, s.max(shares.get(&pair(b, a)).copied().unwrap_or(0.0))))
        .filter(|&(_, _, s)| s >= run.spec.group_share)
        .collect();
    strong.sort_by_key(|&(a, b, _)| (a, b));
    for &(a, b, _) in &strong {
        let (x, y) = (find(&mut parent, a as usize), find(&mut parent, b as usize));
        if x != y {
            parent[x.max(y)] = x.min(y);
        }
    }
    let mut members: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for d in 0..n {
        let root = find(&mut parent, d);
        members.entry(root).or_default().push(d as u32);
    }
    let mut groups: Vec<CopyGroup> = members
        .into_values()
        .filter(|m| m.len() > 1)
        .map(|m| {
            let inside = |d: u32| m.binary_search(&d).is_ok();
            let share = strong
                .iter()
                .filter(|s| inside(s.0) && inside(s.1))
                .map(|s| s.2)
                .fold(0.0, f64::max);
            let longest = shared
                .iter()
                .filter(|p| inside(p.a) && inside(p.b))
                .max_by_key(|p| (p.chars, std::cmp::Reverse((p.a, p.b))))
                .map(|p| GroupPassage {
                    a: run.texts.sources[p.a as usize].name.clone(),
                    b: run.texts.sources[p.b as usize].name.clone(),
                    chars: p.chars,
                });
            CopyGroup {
                members: m
                    .iter()
                    .map(|&d| run.texts.sources[d as usize].name.clone())
                    .collect(),
                share: (share * 1000.0).round() / 1000.0,
                longest,
            }
        })
        .collect();
    groups.sort_by(|x, y| {
        y.members
            .len()
            .cmp(&x.members.len())
            .then(x.members.cmp(&y.members))
    });
    groups
}

#[cfg(test)]
mod tests;
