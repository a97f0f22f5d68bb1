//! Labels of planted defects (corpus/eval/FORMAT, kind 2): each is a quote
//! of the defective text (with a longer `context` when the quote alone is
//! not unique) and the kind of defect. A defect is found when a finding of
//! the rule that should report it overlaps it; any other finding of that
//! rule is a false alarm. Everything in a labelled report that is not
//! labelled is, by the labeller's word, correct.

use super::{EvalError, Evaluation};
use crate::engine::Engine;
use crate::outline::SectionKind;
use crate::source::{Origin, Source};
use serde::Deserialize;
use std::fmt;
use std::ops::Range;
use std::path::Path;

#[derive(Deserialize)]
pub(super) struct Labels {
    documents: Vec<Report>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    file: String,
    defects: Vec<Defect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Defect {
    rule: String,
    quote: String,
    context: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
    #[allow(dead_code)]
    correct: Option<String>,
}

/// The linter rule that reports a kind of defect, and for item rules the
/// part whose items it judges.
fn rule_for(kind: &str) -> (&str, Option<SectionKind>) {
    match kind {
        "repeated-word" => ("typo", None),
        // Kind names as the sets' writers spell them (defects-v13 has the
        // longer two).
        "space" | "stray-space" => ("punctuation", None),
        "wrong-formulation" => ("formulation", None),
        "praise-as-problem" => ("praise-as-problem", Some(SectionKind::Problems)),
        "external-cause" => ("external-cause", Some(SectionKind::Causes)),
        other => (other, None),
    }
}

/// Where each labelled defect of `report` is in `doc`: the quote, or for
/// item rules the item that holds it. A quote not in the text is an error.
fn places<'r>(
    doc: &crate::document::Document,
    report: &'r Report,
    errors: &mut Vec<String>,
) -> Vec<(&'r str, Range<usize>)> {
    let text = doc.text();
    let name = &report.file;
    let mut places = Vec::new();
    for d in &report.defects {
        // A quote copied across a hard wrap holds the line break the
        // rules' view has joined: looked up as the view reads it.
        let joined = |s: &str| s.replace(['\r', '\n'], "");
        let (context, quote) = (d.context.as_deref().map(joined), joined(&d.quote));
        let find = |hay: &str, raw: &str, joined: &str| {
            hay.find(raw)
                .map(|i| (i, raw.len()))
                .or_else(|| hay.find(joined).map(|i| (i, joined.len())))
        };
        let base = match (&d.context, &context) {
            (Some(c), Some(j)) => find(text, c, j).map(|(i, n)| (i, &text[i..i + n])),
            _ => Some((0, text)),
        };
        let at = base.and_then(|(b, hay)| find(hay, &d.quote, &quote).map(|(i, n)| (b + i, n)));
        // An item rule judges whole items: its defect is the labelled
        // item (the quote is its opening words), wherever in it the
        // finding points.
        let item = |at: usize| {
            doc.outline
                .sections
                .iter()
                .flat_map(|s| s.leaves())
                .find(|i| i.span.contains(&at))
                .map(|i| i.span.clone())
        };
        match at {
            Some((at, len)) if rule_for(&d.rule).1.is_some() => {
                let span = item(at).unwrap_or(at..at + len);
                places.push((d.rule.as_str(), span));
            }
            Some((at, len)) => places.push((d.rule.as_str(), at..at + len)),
            None => errors.push(format!("{name}: quote not in the text: {}", d.quote)),
        }
    }
    places
}

/// An item of a problems or causes part of a labelled report, and the
/// kinds of defect labelled in it: what `examples/train_models.rs` learns
/// the item models from.
#[derive(Debug, Clone)]
pub struct LabelledItem {
    pub part: &'static str,
    pub text: String,
    pub kinds: Vec<String>,
}

/// The items of the problems and causes parts of every report of the
/// defect set `dir`, as the engine reads them, with their labelled kinds.
pub fn labelled_items(engine: &Engine, dir: &Path) -> Result<Vec<LabelledItem>, EvalError> {
    let labels: Labels = crate::config::read_file(&dir.join("labels.yaml"))?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for report in &labels.documents {
        let source = Source::load(&Origin::File(dir.join(&report.file)))?;
        let doc = engine.document(0, &source);
        let places = places(&doc, report, &mut errors);
        for section in &doc.outline.sections {
            let part = match section.kind {
                SectionKind::Problems => "problems",
                SectionKind::Causes => "causes",
                _ => continue,
            };
            for item in section.leaves() {
                let kinds = places
                    .iter()
                    .filter(|(_, s)| item.span.contains(&s.start))
                    .map(|(k, _)| k.to_string())
                    .collect();
                out.push(LabelledItem {
                    part,
                    text: doc.text()[item.span.clone()].to_string(),
                    kinds,
                });
            }
        }
    }
    match errors.first() {
        Some(e) => Err(EvalError::Unplaced(e.clone())),
        None => Ok(out),
    }
}

/// Found, missed and false alarms for one kind of defect. For item rules,
/// `negatives` counts the items of the part that are not defective, and the
/// false-alarm rate is per such item; for span rules it is the share of the
/// rule's findings that are false.
#[derive(Debug, Default, Clone, Copy)]
pub struct DefectCounts {
    pub found: usize,
    pub missed: usize,
    pub false_alarms: usize,
    pub negatives: Option<usize>,
}

impl DefectCounts {
    pub fn recall(&self) -> f64 {
        self.found as f64 / (self.found + self.missed).max(1) as f64
    }

    pub fn false_alarm_rate(&self) -> f64 {
        match self.negatives {
            Some(n) => self.false_alarms as f64 / n.max(1) as f64,
            None => self.false_alarms as f64 / (self.found + self.false_alarms).max(1) as f64,
        }
    }
}

impl fmt::Display for DefectCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let of = match self.negatives {
            Some(n) => format!("of {n} correct items"),
            None => format!("of {} findings", self.found + self.false_alarms),
        };
        write!(
            f,
            "recall {:.2}  false alarms {:.3}  ({} of {} found; {} false {of})",
            self.recall(),
            self.false_alarm_rate(),
            self.found,
            self.found + self.missed,
            self.false_alarms,
        )
    }
}

pub(super) fn evaluate(
    engine: &Engine,
    dir: &Path,
    labels: Labels,
    ev: &mut Evaluation,
) -> Result<(), EvalError> {
    ev.reports = labels.documents.len();
    let kinds: Vec<String> = {
        let mut k: Vec<String> = labels
            .documents
            .iter()
            .flat_map(|d| d.defects.iter().map(|x| x.rule.clone()))
            .collect();
        k.sort();
        k.dedup();
        k
    };
    for report in &labels.documents {
        let source = Source::load(&Origin::File(dir.join(&report.file)))?;
        let doc = engine.document(0, &source);
        let (diags, _) = engine.check_document(&doc);
        let text = doc.text();
        let name = &report.file;
        let places = places(&doc, report, &mut ev.errors);
        let overlaps = |a: &Range<usize>, b: &Range<usize>| {
            a.start < b.end.max(b.start + 1) && b.start < a.end
        };
        for kind in &kinds {
            let (rule, part) = rule_for(kind);
            let counts = ev.defects.entry(kind.clone()).or_default();
            let findings: Vec<&Range<usize>> = diags
                .iter()
                .filter(|d| &*d.rule == rule)
                .map(|d| &d.span)
                .collect();
            for (k, span) in places.iter().filter(|(k, _)| k == kind) {
                let _ = k;
                if findings.iter().any(|f| overlaps(f, span)) {
                    counts.found += 1;
                } else {
                    counts.missed += 1;
                    let shown: String = text[span.clone()].chars().take(30).collect();
                    ev.errors.push(format!("{name}: missed {kind} “{shown}”"));
                }
            }
            // A finding is false when it overlaps no defect its rule reports.
            let reported_by_rule: Vec<&Range<usize>> = places
                .iter()
                .filter(|(k, _)| rule_for(k).0 == rule)
                .map(|(_, s)| s)
                .collect();
            let mut false_here = 0;
            for f in &findings {
                if !reported_by_rule.iter().any(|s| overlaps(f, s)) {
                    false_here += 1;
                    ev.errors
                        .push(format!("{name}: false {rule} “{}”", &text[(*f).clone()]));
                }
            }
            // Several kinds may share a rule (typo, repeated-word): charge
            // its false alarms to the first of them only.
            let first_kind = kinds.iter().find(|k| rule_for(k).0 == rule) == Some(kind);
            if first_kind {
                counts.false_alarms += false_here;
            }
            if let Some(part) = part {
                let items = doc
                    .outline
                    .sections
                    .iter()
                    .filter(|s| s.kind == part)
                    .flat_map(|s| s.leaves())
                    .filter(|i| {
                        !places
                            .iter()
                            .any(|(k, s)| k == kind && i.span.contains(&s.start))
                    })
                    .count();
                *counts.negatives.get_or_insert(0) += items;
            }
        }
    }
    Ok(())
}
