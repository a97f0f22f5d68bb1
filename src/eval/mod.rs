//! Evaluation of the rules against labelled reports (`corpus/eval/*/
//! labels.yaml`), shared by `examples/evaluate.rs` (which prints it) and
//! `tests/evaluation.rs` (which holds it to floors). Three label formats:
//! items by parsed id (the first sets), items by quote (outline, links and
//! vagueness, parser-independent), and planted defects by quote.

#[cfg(test)]
mod ablation;
mod by_id;
mod by_quote;
mod defects;

pub use crate::rules::TrainedModel;
pub use defects::{labelled_items, DefectCounts, LabelledItem};

use crate::config::ConfigError;
use crate::diagnostic::Diagnostic;
use crate::engine::Engine;
use crate::source::LoadError;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

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
    /// Reports whose parts and items were all read right (quote labels only).
    pub outline_right: usize,
    /// Reports with outline labels.
    pub outline_reports: usize,
    /// Planted defects found, missed and false alarms, per label kind
    /// (defect labels only).
    pub defects: BTreeMap<String, DefectCounts>,
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
    #[error("{0}")]
    Unplaced(String),
}

/// Naive Bayes weights of an item model from labelled items (`true`: of
/// the kind): see `rules/model.rs`, which reads the tables it gives.
pub fn train_model(items: &[(bool, &str)], alpha: f64, min_count: usize) -> TrainedModel {
    crate::rules::train_model(items, alpha, min_count)
}

/// The label formats, told apart by their keys.
#[derive(Deserialize)]
#[serde(untagged)]
enum AnyLabels {
    Defects(defects::Labels),
    Quotes(by_quote::Labels),
    Ids(by_id::Labels),
}

/// Evaluates `engine` on the labelled set in `dir`.
pub fn evaluate(engine: &Engine, dir: &Path) -> Result<Evaluation, EvalError> {
    let labels: AnyLabels = crate::config::read_file(&dir.join("labels.yaml"))?;
    let mut ev = Evaluation {
        name: dir.display().to_string(),
        ..Evaluation::default()
    };
    match labels {
        AnyLabels::Ids(l) => by_id::evaluate(engine, dir, l, &mut ev)?,
        AnyLabels::Quotes(l) => by_quote::evaluate(engine, dir, l, &mut ev)?,
        AnyLabels::Defects(l) => defects::evaluate(engine, dir, l, &mut ev)?,
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
        if !self.defects.is_empty() {
            for (kind, c) in &self.defects {
                writeln!(f, "  {kind:<26} {c}")?;
            }
            return Ok(());
        }
        if self.outline_reports > 0 {
            writeln!(
                f,
                "  outline right              {:.2}  ({} of {} reports)",
                self.outline_right as f64 / self.outline_reports as f64,
                self.outline_right,
                self.outline_reports
            )?;
        }
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
                "  labelled items not in the parsed outline: {}",
                self.mismatches.join(", ")
            )?;
        }
        Ok(())
    }
}
