//! `archive-copy`: passages a report shares with archived reports of
//! another author or another year, reported like `template-copy` (the
//! archived file, its author and year named; its passage shown); a report
//! (nearly) wholly in one archived report gets one finding at a higher
//! severity (`whole-severity`, an error by default).

use super::store::Meta as Stored;
use super::{percent, year_note};
use crate::crossdoc::Shared;
use crate::diagnostic::{fill, Diagnostic, Label, Severity};
use crate::rules::Meta;
use crate::settings::{count_in, Invalid};
use serde::Deserialize;
use std::ops::Range;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Shortest passage reported, in characters (default: `copying.guarantee`).
    min_chars: Option<usize>,
    /// The message of a whole copy.
    message_whole: String,
    /// The severity of a whole copy.
    #[serde(default = "error")]
    whole_severity: Severity,
    /// The message of the one finding that stands for a report's passages
    /// when it has more than `copying.max-passages` of them.
    message_many: String,
}

fn error() -> Severity {
    Severity::Error
}

#[derive(Debug, Clone)]
pub(crate) struct ArchiveCopy {
    pub(crate) meta: Meta,
    pub(crate) min_chars: Option<usize>,
    message_whole: String,
    whole_severity: Severity,
    message_many: String,
}

pub(crate) fn build(meta: Meta, p: Params) -> Result<ArchiveCopy, Invalid> {
    if let Some(n) = p.min_chars {
        count_in("min-chars", n, 1, 100_000)?;
    }
    Ok(ArchiveCopy {
        meta,
        min_chars: p.min_chars,
        message_whole: p.message_whole,
        whole_severity: p.whole_severity,
        message_many: p.message_many,
    })
}

/// An archived report a checked one shares passages with: its metadata
/// and its index among the run's texts (labels point into it).
pub(crate) struct Other<'a> {
    pub(crate) stored: &'a Stored,
    pub(crate) file: usize,
}

/// The longest passage of a cluster.
fn longest<'a, 'b>(c: &[&'a (Shared, &'b Other<'b>)]) -> &'a (Shared, &'b Other<'b>) {
    c.iter()
        .max_by_key(|x| (x.0.chars, std::cmp::Reverse(x.1.file)))
        .expect("clusters are not empty")
}

fn vars<'a>(o: &'a Other, year: &'a str) -> [(&'static str, &'a str); 3] {
    [
        ("other", &o.stored.path),
        ("author", &o.stored.author),
        ("year", year),
    ]
}

fn label(o: &Other, span: Range<usize>) -> Label {
    Label {
        file: o.file,
        span,
        message: format!(
            "{}（{}，{}）中的相同段落",
            o.stored.path,
            o.stored.author,
            year_note(o.stored.year)
        ),
    }
}

impl ArchiveCopy {
    fn diagnostic(&self, file: usize, span: Range<usize>, message: String) -> Diagnostic {
        Diagnostic {
            rule: self.meta.id.clone(),
            severity: self.meta.severity,
            message,
            file,
            span,
            labels: Vec::new(),
            notes: Vec::new(),
            edits: Vec::new(),
            places: 1,
        }
    }

    /// One finding for a report (nearly) wholly in `other`: over the
    /// stretch they share (`here`, `there`), with `share` of it there.
    pub(crate) fn whole(
        &self,
        file: usize,
        here: Range<usize>,
        there: Range<usize>,
        other: &Other,
        share: f64,
    ) -> Diagnostic {
        let year = year_note(other.stored.year);
        let share = percent(share);
        let mut v = vars(other, &year).to_vec();
        v.push(("share", &share));
        let mut d = self.diagnostic(file, here, fill(&self.message_whole, &v));
        d.severity = self.whole_severity;
        d.labels.push(label(other, there));
        d
    }

    /// One finding per passage (passages overlapping here are one, the
    /// longest shown), or one for them all past `max_passages`.
    pub(crate) fn passages(
        &self,
        file: usize,
        chars: usize,
        passages: &[(Shared, &Other<'_>)],
        max_passages: usize,
    ) -> Vec<Diagnostic> {
        let mut sorted: Vec<&(Shared, &Other)> = passages.iter().collect();
        sorted.sort_by_key(|(p, o)| (p.here.start, std::cmp::Reverse(p.here.end), o.file));
        let mut clusters: Vec<Vec<&(Shared, &Other)>> = Vec::new();
        for p in sorted {
            match clusters.last_mut() {
                Some(c) if p.0.here.start < c.iter().map(|x| x.0.here.end).max().unwrap_or(0) => {
                    c.push(p)
                }
                _ => clusters.push(vec![p]),
            }
        }
        let span = |c: &[&(Shared, &Other)]| {
            c[0].0.here.start
                ..c.iter()
                    .map(|x| x.0.here.end)
                    .max()
                    .unwrap_or(c[0].0.here.end)
        };
        if clusters.len() > max_passages {
            let best = clusters
                .iter()
                .max_by_key(|c| longest(c).0.chars)
                .expect("more than one cluster");
            let (p, o) = longest(best);
            let covered: usize = clusters.iter().map(|c| longest(c).0.chars).sum();
            let year = year_note(o.stored.year);
            let count = clusters.len().to_string();
            let share = percent((covered as f64 / chars.max(1) as f64).min(1.0));
            let mut v = vars(o, &year).to_vec();
            v.extend([("count", count.as_str()), ("share", share.as_str())]);
            let mut d = self.diagnostic(file, span(best), fill(&self.message_many, &v));
            d.labels.push(label(o, p.there.clone()));
            return vec![d];
        }
        clusters
            .iter()
            .map(|c| {
                let (p, o) = longest(c);
                let year = year_note(o.stored.year);
                let n = p.chars.to_string();
                let mut v = vars(o, &year).to_vec();
                v.push(("chars", &n));
                let mut d = self.diagnostic(file, span(c), fill(&self.meta.message, &v));
                let mut seen = Vec::new();
                for (p, o) in c.iter().map(|x| (&x.0, x.1)) {
                    if !seen.contains(&o.file) && seen.len() < 3 {
                        seen.push(o.file);
                        d.labels.push(label(o, p.there.clone()));
                    }
                }
                d
            })
            .collect()
    }
}
