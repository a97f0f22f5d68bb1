//! Labels by quote: each problem, cause and measure is named by its opening
//! words as written, so the labels do not depend on how the outline parser
//! numbers items. Measures the outline (parts and items read right), the
//! links, unaddressed-* and vague-* (see corpus/eval/FORMAT).
//!
//! A labelled item is found when a parsed item starts where its quote
//! starts (a few bytes of slack for a bracket or space). Items of a report
//! with no measures part are not judged for unaddressed-*: that rule
//! leaves such reports to missing-section.

use super::{EvalError, Evaluation};
use crate::engine::Engine;
use crate::outline::{Item, Section, SectionKind};
use crate::source::{Origin, Source};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Deserialize)]
pub(super) struct Labels {
    documents: Vec<Report>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    file: String,
    #[serde(default)]
    #[allow(dead_code)]
    layout: String,
    parts: Vec<SectionKind>,
    #[serde(default)]
    problems: Vec<Gold>,
    #[serde(default)]
    causes: Vec<Gold>,
    #[serde(default)]
    measures: Vec<GoldMeasure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Gold {
    quote: String,
    #[serde(default)]
    vague: bool,
    #[serde(default)]
    answered_by: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldMeasure {
    id: String,
    quote: String,
    #[serde(default)]
    vague: bool,
}

/// How far (bytes) a parsed item may start from its quote: a bracket, a
/// space or a stray mark.
const SLACK: usize = 6;

pub(super) fn evaluate(
    engine: &Engine,
    dir: &Path,
    labels: Labels,
    ev: &mut Evaluation,
) -> Result<(), EvalError> {
    ev.reports = labels.documents.len();
    for gold in &labels.documents {
        let source = Source::load(&Origin::File(dir.join(&gold.file)))?;
        let doc = engine.document(0, &source);
        let (diags, links) = engine.check_document(&doc);
        let links = links.ok_or(EvalError::NoLinks)?;
        let text = doc.text();
        let name = &gold.file;

        // Parsed items a label can name: leaves of every section (problems
        // may sit under `other` headings), and top-level measures.
        let mut leaves: Vec<(SectionKind, &Item)> = Vec::new();
        let mut measures: Vec<&Item> = Vec::new();
        for s in &doc.outline.sections {
            leaves.extend(s.leaves().into_iter().map(|i| (s.kind, i)));
            if s.kind == SectionKind::Measures {
                measures.extend(s.items.iter());
            }
        }
        let starts_at = |item: &Item, pos: usize| item.marker.span.start.abs_diff(pos) <= SLACK;
        let position = |quote: &str, errors: &mut Vec<String>| {
            let at = text.find(quote);
            if at.is_none() {
                errors.push(format!("{name}: quote not in the text: {quote}"));
            }
            at
        };

        // Outline: parts in order, every labelled item found, no extra items.
        // Parts are what the report heads. A part it does not head (inferred,
        // or opened by a sentence announcing it) is a part by function, which
        // labellers list or leave out (FORMAT): either reading is right.
        let parts_where = |keep: fn(&Section) -> bool| -> Vec<SectionKind> {
            let sections = doc.outline.sections.iter();
            sections.filter(|s| keep(s)).map(|s| s.kind).collect()
        };
        let parts = parts_where(|s| !s.implicit && !s.announced);
        let by_function = parts_where(|_| true);
        let mut right = parts == gold.parts || by_function == gold.parts;
        if !right {
            let also = if by_function == parts {
                String::new()
            } else {
                format!(" ({by_function:?} with the parts it does not head)")
            };
            ev.errors.push(format!(
                "{name}: parts {:?}, found {parts:?}{also}",
                gold.parts
            ));
        }
        let mut used: BTreeSet<String> = BTreeSet::new();
        let mut find = |quote: &str,
                        kinds: &[SectionKind],
                        pool: &[(SectionKind, &'_ Item)],
                        errors: &mut Vec<String>|
         -> Option<String> {
            let pos = position(quote, errors)?;
            let found = pool
                .iter()
                .find(|(k, i)| kinds.contains(k) && starts_at(i, pos))
                .map(|(_, i)| i.id.clone());
            if found.as_ref().is_none_or(|id| !used.insert(id.clone())) {
                errors.push(format!("{name}: no item of its own for “{quote}”"));
                return None;
            }
            found
        };
        let problem_kinds = [SectionKind::Problems, SectionKind::Other];
        let mut errors = Vec::new();
        let problems: Vec<Option<String>> = gold
            .problems
            .iter()
            .map(|g| find(&g.quote, &problem_kinds, &leaves, &mut errors))
            .collect();
        let causes: Vec<Option<String>> = gold
            .causes
            .iter()
            .map(|g| find(&g.quote, &[SectionKind::Causes], &leaves, &mut errors))
            .collect();
        let measure_pool: Vec<(SectionKind, &Item)> = measures
            .iter()
            .map(|m| (SectionKind::Measures, *m))
            .collect();
        let gold_measures: Vec<Option<String>> = gold
            .measures
            .iter()
            .map(|g| {
                find(
                    &g.quote,
                    &[SectionKind::Measures],
                    &measure_pool,
                    &mut errors,
                )
            })
            .collect();
        let answerable = leaves
            .iter()
            .filter(|(k, _)| matches!(k, SectionKind::Problems | SectionKind::Causes))
            .map(|(_, i)| i.id.as_str())
            .chain(measures.iter().map(|m| m.id.as_str()));
        let extra: Vec<&str> = answerable.filter(|id| !used.contains(*id)).collect();
        if !extra.is_empty() {
            errors.push(format!("{name}: items not labelled: {}", extra.join(", ")));
        }
        right &= errors.is_empty();
        ev.mismatches
            .extend(errors.iter().filter(|e| e.contains("no item")).cloned());
        ev.errors.extend(errors);
        ev.outline_reports += 1;
        ev.outline_right += usize::from(right);

        // Links, in the gold measures' names.
        let measure_name: BTreeMap<&str, &str> = gold_measures
            .iter()
            .zip(&gold.measures)
            .filter_map(|(p, g)| Some((p.as_deref()?, g.id.as_str())))
            .collect();
        let flagged = |rule: &str| -> BTreeSet<usize> {
            diags
                .iter()
                .filter(|d| &*d.rule == rule)
                .map(|d| d.span.start)
                .collect()
        };
        let label_start = |id: &str| {
            leaves
                .iter()
                .map(|(_, i)| *i)
                .chain(measures.iter().copied())
                .find(|i| i.id == id)
                .map(|i| i.label.start)
        };
        let unaddressed: BTreeSet<usize> = flagged("unaddressed-problem")
            .union(&flagged("unaddressed-cause"))
            .copied()
            .collect();
        let vague_p = flagged("vague-problem");
        let vague_m = flagged("vague-measure");
        let has_measures = gold.parts.contains(&SectionKind::Measures);
        for (is_problem, items, parsed) in [
            (true, &gold.problems, &problems),
            (false, &gold.causes, &causes),
        ] {
            for (g, p) in items.iter().zip(parsed.iter()) {
                let gold_to: BTreeSet<&str> = g.answered_by.iter().map(String::as_str).collect();
                let found: BTreeSet<&str> = p
                    .as_deref()
                    .and_then(|id| links.items.iter().find(|l| l.id == id))
                    .map(|l| {
                        l.answers(links.threshold_for(l.kind))
                            .map(|(k, _)| {
                                measure_name
                                    .get(links.measures[k].id.as_str())
                                    .copied()
                                    .unwrap_or("(unlabelled measure)")
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                ev.links.tp += gold_to.intersection(&found).count();
                ev.links.fp += found.difference(&gold_to).count();
                ev.links.fn_ += gold_to.difference(&found).count();
                if gold_to != found {
                    ev.errors.push(format!(
                        "{name} “{}”: links {gold_to:?}, found {found:?}",
                        g.quote
                    ));
                }
                let start = p.as_deref().and_then(label_start);
                if has_measures {
                    let predicted = start.is_some_and(|s| unaddressed.contains(&s));
                    let none = g.answered_by.is_empty();
                    ev.unaddressed.judge(none, predicted);
                    if is_problem {
                        ev.unaddressed_problems.judge(none, predicted);
                    } else {
                        ev.unaddressed_causes.judge(none, predicted);
                    }
                }
                if is_problem {
                    let predicted = start.is_some_and(|s| vague_p.contains(&s));
                    ev.vague_problems.judge(g.vague, predicted);
                    if g.vague != predicted {
                        ev.errors.push(format!(
                            "{name} “{}”: vague-problem labelled {}",
                            g.quote, g.vague
                        ));
                    }
                }
            }
        }
        for (g, p) in gold.measures.iter().zip(&gold_measures) {
            let predicted = p
                .as_deref()
                .and_then(label_start)
                .is_some_and(|s| vague_m.contains(&s));
            ev.vague_measures.judge(g.vague, predicted);
            if g.vague != predicted {
                ev.errors.push(format!(
                    "{name} “{}”: vague-measure labelled {}",
                    g.quote, g.vague
                ));
            }
        }
    }
    Ok(())
}
