//! Data ablation: every entry of every list parameter of every rule
//! (hedges, stock phrases, evidence patterns, slogan verbs, formulations,
//! placeholder patterns, punctuation marks…) must change some finding on
//! the test documents when it is left out. An entry no document needs is
//! either dead (remove it) or untested (add a line that needs it to
//! `tests/data/lists/`).
//!
//! The documents: every report under `corpus/` (the planted defects and the
//! labelled sets) and `tests/data/lists/*.txt`. Rules are run directly on
//! documents segmented once, so the whole check takes seconds.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::{Context, Rule};
use crate::segment::Segmenter;
use crate::source::Source;
use std::path::{Path, PathBuf};

fn texts(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            texts(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

/// What a finding is, for comparing runs.
fn key(d: &Diagnostic) -> (usize, usize, usize, String) {
    (d.file, d.span.start, d.span.end, d.message.clone())
}

fn run(rule: &dyn Rule, docs: &[Document]) -> Vec<(usize, usize, usize, String)> {
    let mut out = Vec::new();
    for doc in docs {
        let mut found = Vec::new();
        rule.check(&Context { doc, links: None }, &mut found);
        out.extend(found.iter().map(key));
    }
    out
}

#[test]
fn every_list_entry_changes_some_finding() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    texts(&root.join("corpus"), &mut paths);
    texts(&root.join("tests/data/lists"), &mut paths);
    paths.sort();
    let sources: Vec<Source> = paths
        .iter()
        .map(|p| Source::new(p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    let config = Config::defaults().unwrap();
    let seg = Segmenter::new([]);
    let docs: Vec<Document> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| Document::build(i, s, &seg, &config.keywords))
        .collect();
    let full = config.build_rules().unwrap().document;
    let ablations = config.ablations();
    assert!(ablations.len() > 100, "{} ablations", ablations.len());
    let mut unneeded = Vec::new();
    for a in &ablations {
        let id = a.entry.split('.').next().unwrap();
        let original = full.iter().find(|r| &*r.meta().id == id).unwrap();
        if run(original.as_ref(), &docs) == run(a.rule.as_ref(), &docs) {
            unneeded.push(a.entry.clone());
        }
    }
    assert!(
        unneeded.is_empty(),
        "{} of {} list entries change no finding on any test document (dead, or add a line that needs them to tests/data/lists/):\n{}",
        unneeded.len(),
        ablations.len(),
        unneeded.join("\n")
    );
}
