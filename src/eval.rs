//! Evaluation of the correspondence and vagueness rules against labelled
//! reports (`corpus/eval/*/labels.yaml`), shared by `examples/evaluate.rs`
//! (which prints it) and `tests/evaluation.rs` (which holds it to targets).
//!
//! Item ids in the labels must match the parsed outline; any that do not
//! are reported, never silently dropped.

use crate::config::ConfigError;
use crate::diagnostic::Diagnostic;
use crate::engine::Engine;
use crate::source::{LoadError, Origin, Source};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

#[derive(Deserialize)]
struct Labels {
    documents: Vec<Labelled>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Labelled {
    file: String,
    links: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    vague_problems: Vec<String>,
    #[serde(default)]
    vague_measures: Vec<String>,
}

/// Confusion counts; `negatives` are the items that should not be flagged.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub negatives: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    /// False alarms among the items that should not be flagged.
    pub fn false_alarm(&self) -> f64 {
        self.fp as f64 / self.negatives.max(1) as f64
    }
    fn judge(&mut self, gold: bool, predicted: bool) {
        match (gold, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => {
                self.fp += 1;
                self.negatives += 1
            }
            (true, false) => self.fn_ += 1,
            (false, false) => self.negatives += 1,
        }
    }
}

/// The figures for one labelled set.
#[derive(Debug, Default)]
pub struct Evaluation {
    pub name: String,
    pub reports: usize,
    /// (item, measure) pairs.
    pub links: Counts,
    pub unaddressed: Counts,
    pub unaddressed_problems: Counts,
    pub unaddressed_causes: Counts,
    pub vague_problems: Counts,
    pub vague_measures: Counts,
    /// Labelled ids missing from the parsed outline.
    pub mismatches: Vec<String>,
    /// Disagreements, for `VERBOSE` output.
    pub errors: Vec<String>,
}

/// Item ids flagged by `rule` (a diagnostic's span starts at the item label).
fn flagged(diags: &[Diagnostic], rule: &str, labels: &BTreeMap<usize, String>) -> BTreeSet<String> {
    diags
        .iter()
        .filter(|d| &*d.rule == rule)
        .filter_map(|d| labels.get(&d.span.start).cloned())
        .collect()
}

/// Why a labelled set could not be evaluated.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error(transparent)]
    Labels(#[from] ConfigError),
    #[error(transparent)]
    Report(#[from] LoadError),
    #[error("the engine computes no links: build it with Engine::with_links")]
    NoLinks,
}

/// Evaluates `engine` on the labelled set in `dir`.
pub fn evaluate(engine: &Engine, dir: &Path) -> Result<Evaluation, EvalError> {
    let labels: Labels = crate::config::read_file(&dir.join("labels.yaml"))?;
    let mut ev = Evaluation {
        name: dir.display().to_string(),
        reports: labels.documents.len(),
        ..Evaluation::default()
    };
    for doc_labels in &labels.documents {
        let source = Source::load(&Origin::File(dir.join(&doc_labels.file)))?;
        let doc = engine.document(0, &source);
        let (diags, doc_links) = engine.check_document(&doc);
        let doc_links = doc_links.ok_or(EvalError::NoLinks)?;
        let mut by_start = BTreeMap::new();
        for s in &doc.outline.sections {
            for top in &s.items {
                for i in top.walk() {
                    by_start.insert(i.label.start, i.id.clone());
                }
            }
        }
        let known: BTreeSet<&String> = by_start.values().collect();
        for id in doc_labels
            .links
            .keys()
            .chain(&doc_labels.vague_problems)
            .chain(&doc_labels.vague_measures)
        {
            if !known.contains(id) {
                ev.mismatches.push(format!("{}: {id}", doc_labels.file));
            }
        }
        let mut predicted: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for l in &doc_links.items {
            let to = l
                .answers(doc_links.threshold_for(l.kind))
                .map(|(k, _)| doc_links.measures[k].id.clone())
                .collect();
            predicted.insert(&l.id, to);
        }
        let no_answer: BTreeSet<String> = flagged(&diags, "unaddressed-problem", &by_start)
            .union(&flagged(&diags, "unaddressed-cause", &by_start))
            .cloned()
            .collect();
        for (item, gold) in &doc_labels.links {
            let gold: BTreeSet<String> = gold.iter().cloned().collect();
            let pred = predicted.get(item.as_str()).cloned().unwrap_or_default();
            ev.links.tp += gold.intersection(&pred).count();
            ev.links.fp += pred.difference(&gold).count();
            ev.links.fn_ += gold.difference(&pred).count();
            let flagged_here = no_answer.contains(item);
            ev.unaddressed.judge(gold.is_empty(), flagged_here);
            let part = if item.starts_with('p') {
                &mut ev.unaddressed_problems
            } else {
                &mut ev.unaddressed_causes
            };
            part.judge(gold.is_empty(), flagged_here);
            if gold != pred {
                ev.errors.push(format!(
                    "{} {item}: links {gold:?}, found {pred:?}",
                    doc_labels.file
                ));
            }
        }
        let vague_p = flagged(&diags, "vague-problem", &by_start);
        let vague_m = flagged(&diags, "vague-measure", &by_start);
        for item in doc_labels.links.keys().filter(|i| i.starts_with('p')) {
            let gold = doc_labels.vague_problems.contains(item);
            ev.vague_problems.judge(gold, vague_p.contains(item));
            if gold != vague_p.contains(item) {
                ev.errors.push(format!(
                    "{} {item}: vague-problem labelled {gold}",
                    doc_labels.file
                ));
            }
        }
        for m in &doc_links.measures {
            let gold = doc_labels.vague_measures.contains(&m.id);
            ev.vague_measures.judge(gold, vague_m.contains(&m.id));
            if gold != vague_m.contains(&m.id) {
                ev.errors.push(format!(
                    "{} {}: vague-measure labelled {gold}",
                    doc_labels.file, m.id
                ));
            }
        }
    }
    Ok(ev)
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let flag = |c: &Counts| {
            format!(
                "recall {:.2}  false alarms {:.2}  ({} of {} found; {} false of {})",
                c.recall(),
                c.false_alarm(),
                c.tp,
                c.tp + c.fn_,
                c.fp,
                c.negatives
            )
        };
        writeln!(f, "{} ({} reports)", self.name, self.reports)?;
        let l = &self.links;
        writeln!(
            f,
            "  links                      precision {:.2}  recall {:.2}  ({} correct, {} wrong, {} missed)",
            l.precision(),
            l.recall(),
            l.tp,
            l.fp,
            l.fn_
        )?;
        writeln!(
            f,
            "  unaddressed-problem/cause  {}",
            flag(&self.unaddressed)
        )?;
        writeln!(
            f,
            "    of which problems        {}",
            flag(&self.unaddressed_problems)
        )?;
        writeln!(
            f,
            "    of which causes          {}",
            flag(&self.unaddressed_causes)
        )?;
        writeln!(
            f,
            "  vague-problem              {}",
            flag(&self.vague_problems)
        )?;
        writeln!(
            f,
            "  vague-measure              {}",
            flag(&self.vague_measures)
        )?;
        if !self.mismatches.is_empty() {
            writeln!(
                f,
                "  labelled ids not in the parsed outline: {}",
                self.mismatches.join(", ")
            )?;
        }
        Ok(())
    }
}
