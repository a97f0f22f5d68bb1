//! The first label format: items named by their parsed ids (`p1.2`, `m3`).
//! Item ids in the labels must match the parsed outline; any that do not are
//! reported, never silently dropped.

use super::{flagged, EvalError, Evaluation};
use crate::engine::Engine;
use crate::source::{Origin, Source};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Deserialize)]
pub(super) struct Labels {
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

/// Adds the figures of the set in `dir` to `ev`.
pub(super) fn evaluate(
    engine: &Engine,
    dir: &Path,
    labels: Labels,
    ev: &mut Evaluation,
) -> Result<(), EvalError> {
    ev.reports = labels.documents.len();
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
    Ok(())
}
