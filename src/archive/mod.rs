//! The archive: past years' reports kept in an SQLite file ([`store`]), and
//! the rules that compare a run's reports with them: the same author's
//! problems and measures coming back (`repeated-item`), passages shared
//! with archived reports of another author or year (`archive-copy`), no
//! part on last year's rectification (`missing-followup`).
//!
//! A report is kept as a [`Digest`]: who wrote it and for which year
//! ([`identity`]), its outline items with their content words, and the
//! cross-document fingerprints. A check looks each report's fingerprints
//! up in one batched query, its authors' earlier reports in one more, and
//! loads the text of only the few archived reports that share passages.

mod copy;
mod followup;
mod identity;
mod kinds;
mod query;
mod repeated;
mod store;

pub(crate) use identity::{identify, AuthorFrom, Identity};
pub(crate) use kinds::{ArchiveKind, ArchiveRules};
pub(crate) use store::{content_hash, Added, Archive, ArchiveError, Entry};

use crate::crossdoc::{self, CopySpec, Fingerprinter, Prints};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::outline::SectionKind;
use crate::source::Source;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use store::{Meta as Stored, StoredItem};

/// `2023 年`, or `年度不详`.
pub(crate) fn year_note(year: Option<i32>) -> String {
    year.map_or("年度不详".to_string(), |y| format!("{y} 年"))
}

fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0).floor())
}

/// One outline item as the archive compares it.
#[derive(Debug, Clone)]
pub(crate) struct ItemDigest {
    /// Problems (a part of problems, or one headed by a topic), causes,
    /// measures or other.
    pub(crate) kind: SectionKind,
    pub(crate) label: Range<usize>,
    pub(crate) label_text: String,
    pub(crate) span: Range<usize>,
    pub(crate) words: Vec<String>,
}

/// What the archive keeps of a report (positions in its view).
#[derive(Debug, Clone)]
pub(crate) struct Digest {
    pub(crate) file: usize,
    pub(crate) identity: Identity,
    pub(crate) hash: String,
    pub(crate) items: Vec<ItemDigest>,
    pub(crate) prints: Vec<(u32, u32)>,
    pub(crate) chars: usize,
    pub(crate) skip: Vec<Range<usize>>,
    /// Where a finding about the whole report goes: the title, or the start.
    pub(crate) title: Range<usize>,
    /// Whether it has a part on last year's rectification.
    pub(crate) followup: bool,
}

/// Builds digests; made once per run.
pub(crate) struct Digester {
    stopwords: HashSet<String>,
}

impl Digester {
    pub(crate) fn new(stopwords: &[String]) -> Digester {
        Digester {
            stopwords: stopwords.iter().cloned().collect(),
        }
    }

    /// Content words of `span`: words of two or more characters with a
    /// Chinese character, stopwords left out, each once, in order.
    fn words(&self, doc: &Document, span: &Range<usize>) -> Vec<String> {
        let text = doc.text();
        let from = doc
            .tokens
            .partition_point(|t| (t.start as usize) < span.start);
        let mut seen = HashSet::new();
        doc.tokens[from..]
            .iter()
            .take_while(|t| (t.end as usize) <= span.end)
            .map(|t| t.text(text))
            .filter(|w| w.chars().count() >= 2 && w.chars().any(crate::text::is_han))
            .filter(|w| !self.stopwords.contains(*w))
            .filter(|w| seen.insert(*w))
            .map(str::to_string)
            .collect()
    }

    pub(crate) fn digest(
        &self,
        doc: &Document,
        identity: Identity,
        prints: &Prints,
        followup: Option<&followup::Followup>,
    ) -> Digest {
        let text = doc.text();
        let mut items = Vec::new();
        for s in &doc.outline.sections {
            let kind = if s.holds_problems() {
                SectionKind::Problems
            } else {
                s.kind
            };
            for i in s.items.iter().flat_map(|i| i.walk()) {
                items.push(ItemDigest {
                    kind,
                    label: i.label.clone(),
                    label_text: text[i.label.clone()].to_string(),
                    span: i.span.clone(),
                    words: self.words(doc, &i.span),
                });
            }
        }
        let title = doc.outline.title.clone().unwrap_or(0..0);
        Digest {
            file: doc.index,
            identity,
            hash: content_hash(&doc.source.text),
            items,
            prints: prints.pairs().collect(),
            chars: prints.chars(),
            skip: prints.skip().to_vec(),
            title,
            followup: followup.is_some_and(|f| f.has_part(doc)),
        }
    }
}

/// A digest as stored: `year` (from `--year`) over the one read.
pub(crate) fn entry(d: Digest, path: &str, text: &str, year: Option<i32>) -> Entry {
    let author = d.identity.author;
    Entry {
        hash: d.hash,
        path: path.to_string(),
        author: author
            .as_ref()
            .map_or("未署名".to_string(), |a| a.name.clone()),
        role: author.and_then(|a| a.role),
        year: year.or(d.identity.year),
        title: d.identity.title,
        chars: text.chars().count(),
        skip: d.skip,
        text: text.to_string(),
        items: d
            .items
            .into_iter()
            .map(|i| StoredItem {
                kind: i.kind.name().to_string(),
                label: i.label_text,
                span: i.span,
                words: i.words.join(" "),
            })
            .collect(),
        prints: d.prints,
    }
}

/// What a check against the archive is given.
pub(crate) struct Run<'a> {
    pub(crate) archive: &'a Archive,
    pub(crate) rules: &'a ArchiveRules,
    pub(crate) spec: &'a CopySpec,
    pub(crate) fingerprinter: &'a Fingerprinter,
}

/// What it found: findings (primary spans in the checked reports' views,
/// labels in `sources`), and the archived reports they point into, which
/// are the run's texts from index `first` on.
#[derive(Default)]
pub(crate) struct Found {
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) sources: Vec<Source>,
}

/// (report id, share of the checked report's fingerprints it has, seeds
/// (position here, position there)).
type Candidate = (i64, f64, Vec<(u32, u32)>);

/// Archived reports one checked report shares fingerprints with.
struct Candidates {
    /// (report id, share of this report's fingerprints it has, seeds
    /// (position here, position there)).
    reports: Vec<Candidate>,
}

/// Looks up a digest's fingerprints (one query) and keeps the archived
/// reports of another author or year that share most with it.
fn candidates(
    run: &Run,
    d: &Digest,
    metas: &mut HashMap<i64, Stored>,
) -> Result<Candidates, ArchiveError> {
    let mut hashes: Vec<u32> = d.prints.iter().map(|p| p.0).collect();
    hashes.sort_unstable();
    hashes.dedup();
    let found = run.archive.lookup(&hashes)?;
    let mut here: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(h, pos) in &d.prints {
        let v = here.entry(h).or_default();
        if v.len() < 4 {
            v.push(pos);
        }
    }
    let author = d.identity.author.as_ref().map(|a| a.name.as_str());
    let same = |m: &Stored| {
        m.hash == d.hash
            || (Some(m.author.as_str()) == author && m.year.is_some() && m.year == d.identity.year)
    };
    let mut by_report: HashMap<i64, (usize, Vec<(u32, u32)>)> = HashMap::new();
    for group in found
        .found
        .chunk_by(|a, b| (a.hash, a.report) == (b.hash, b.report))
    {
        let id = group[0].report;
        if found.metas.get(&id).is_none_or(&same) {
            continue;
        }
        let e = by_report.entry(id).or_default();
        e.0 += 1;
        for f in group.iter().take(4) {
            for &p in here.get(&f.hash).into_iter().flatten() {
                e.1.push((p, f.pos));
            }
        }
    }
    let counted = hashes.len().saturating_sub(found.common.len()).max(1);
    let mut reports: Vec<Candidate> = by_report
        .into_iter()
        .map(|(id, (n, seeds))| (id, n as f64 / counted as f64, seeds))
        .collect();
    reports.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    reports.truncate(run.spec.max_docs);
    for (id, _, _) in &reports {
        if let Some(m) = found.metas.get(id) {
            metas.entry(*id).or_insert_with(|| m.clone());
        }
    }
    Ok(Candidates { reports })
}

/// Compares the run's reports (`digests`, with `texts`, their views) with
/// the archive. `first`: the index the first archived text will have.
pub(crate) fn check(
    run: &Run,
    digests: &[Digest],
    texts: &[&str],
    first: usize,
) -> Result<Found, ArchiveError> {
    let rules = run.rules;
    let mut out = Found::default();
    // The same authors' earlier reports: one query for the run.
    let history = if rules.repeated.is_empty() && rules.followup.is_none() {
        Vec::new()
    } else {
        let mut authors: Vec<&str> = digests
            .iter()
            .filter_map(|d| d.identity.author.as_ref().map(|a| a.name.as_str()))
            .collect();
        authors.sort_unstable();
        authors.dedup();
        run.archive.by_authors(&authors)?
    };
    // Candidates for archive-copy, then their texts: one query for the run.
    let mut metas: HashMap<i64, Stored> = HashMap::new();
    let mut found: Vec<Candidates> = Vec::new();
    if rules.copy.is_some() {
        for d in digests {
            found.push(candidates(run, d, &mut metas)?);
        }
    }
    let mut ids: Vec<i64> = found
        .iter()
        .flat_map(|c| c.reports.iter().map(|r| r.0))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let stored = run.archive.texts(&ids)?;
    let mut file_of: HashMap<i64, usize> = HashMap::new();
    for id in &ids {
        if let (Some((text, _)), Some(m)) = (stored.get(id), metas.get(id)) {
            file_of.insert(*id, first + out.sources.len());
            out.sources.push(Source::new(m.path.clone(), text.clone()));
        }
    }
    for (n, d) in digests.iter().enumerate() {
        let author = d.identity.author.as_ref().map(|a| a.name.as_str());
        let mine: Vec<&(Stored, Vec<StoredItem>)> = history
            .iter()
            .filter(|(m, _)| Some(m.author.as_str()) == author && m.hash != d.hash)
            .collect();
        let mut whole_of: Option<i64> = None;
        let mut copies: Vec<(crossdoc::Shared, copy::Other)> = Vec::new();
        if let (Some(rule), Some(c)) = (&rules.copy, found.get(n)) {
            let reports: Vec<&Candidate> = c
                .reports
                .iter()
                .filter(|r| file_of.contains_key(&r.0))
                .collect();
            let others: Vec<(&str, &[Range<usize>])> = reports
                .iter()
                .map(|r| {
                    let (t, s) = &stored[&r.0];
                    (t.as_str(), s.as_slice())
                })
                .collect();
            let seeds: Vec<(usize, u32, u32)> = reports
                .iter()
                .enumerate()
                .flat_map(|(j, r)| r.2.iter().map(move |&(a, b)| (j, a, b)))
                .collect();
            let min = rule.min_chars.unwrap_or(run.spec.guarantee);
            let shared = crossdoc::passages_from_seeds(
                run.spec,
                run.fingerprinter,
                (texts[n], &d.skip),
                &others,
                &seeds,
                min,
            );
            // A whole copy: the share of fingerprints, or of passages.
            let mut best: Option<(usize, f64)> = None;
            for (j, r) in reports.iter().enumerate() {
                let covered: usize = shared
                    .iter()
                    .filter(|p| p.other == j)
                    .map(|p| p.chars)
                    .sum();
                let share = r.1.max(covered as f64 / d.chars.max(1) as f64).min(1.0);
                if share >= run.spec.whole_copy && best.is_none_or(|b| share > b.1) {
                    best = Some((j, share));
                }
            }
            let other = |j: usize| copy::Other {
                stored: &metas[&reports[j].0],
                file: file_of[&reports[j].0],
            };
            if let Some((j, share)) = best {
                let with: Vec<&crossdoc::Shared> = shared.iter().filter(|p| p.other == j).collect();
                let hull = |f: fn(&crossdoc::Shared) -> &Range<usize>| {
                    with.iter()
                        .map(|p| f(p).clone())
                        .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
                };
                let here = hull(|p| &p.here).unwrap_or(d.title.clone());
                let there = hull(|p| &p.there).unwrap_or(0..0);
                out.diagnostics
                    .push(rule.whole(d.file, here, there, &other(j), share));
                whole_of = Some(reports[j].0);
            }
            for p in shared {
                if Some(reports[p.other].0) != whole_of {
                    let o = other(p.other);
                    copies.push((p, o));
                }
            }
        }
        // Items repeated from the same author's earlier years, latest first.
        let mut earlier: Vec<&(Stored, Vec<StoredItem>)> = mine
            .iter()
            .copied()
            .filter(|(m, _)| Some(m.id) != whole_of)
            .filter(|(m, _)| match (d.identity.year, m.year) {
                (Some(y), Some(x)) => x < y,
                (Some(_), None) => false,
                (None, _) => true,
            })
            .collect();
        earlier.sort_by_key(|(m, _)| (std::cmp::Reverse(m.year), m.id));
        let mut explained: Vec<(i64, Range<usize>)> = Vec::new();
        for rule in &rules.repeated {
            for r in rule.find(d, &earlier) {
                explained.push((r.report.id, d.items[r.item].span.clone()));
                out.diagnostics.push(rule.diagnostic(d, &r));
            }
        }
        // A passage inside an item already reported as repeated from that
        // report says nothing more.
        copies.retain(|(p, o)| {
            !explained.iter().any(|(id, span)| {
                let inside = p
                    .here
                    .end
                    .min(span.end)
                    .saturating_sub(p.here.start.max(span.start));
                *id == o.stored.id && 2 * inside >= p.here.len()
            })
        });
        if let Some(rule) = &rules.copy {
            let refs: Vec<(crossdoc::Shared, &copy::Other)> =
                copies.iter().map(|(p, o)| (p.clone(), o)).collect();
            if !refs.is_empty() {
                out.diagnostics.extend(rule.passages(
                    d.file,
                    d.chars,
                    &refs,
                    run.spec.max_passages,
                ));
            }
        }
        if let (Some(rule), Some(year)) = (&rules.followup, d.identity.year) {
            let last = mine.iter().find(|(m, _)| m.year == Some(year - 1));
            // A whole copy's error says it all.
            if let (Some((m, _)), false, None) = (last, d.followup, whole_of) {
                out.diagnostics
                    .push(rule.diagnostic(d.file, d.title.clone(), year - 1, &m.path));
            }
        }
    }
    Ok(out)
}

/// The findings' `{year}` in `与 {year} 年材料中的…`: the year, or 往 (往年).
fn year_text(year: Option<i32>) -> String {
    year.map_or("往".to_string(), |y| y.to_string())
}
