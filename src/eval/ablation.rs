//! Data ablation: every entry of every list parameter of every rule
//! (hedges, stock phrases, evidence patterns, slogan verbs, formulations,
//! placeholder patterns, punctuation marks…) must change some finding on
//! the test documents when it is left out. An entry no document needs is
//! either dead (remove it) or untested (add a line that needs it to
//! `tests/data/lists/`).
//!
//! The documents: every report under `corpus/` (the planted defects and the
//! labelled sets) and `tests/data/lists/*.txt`. Rules are run directly on
//! documents segmented once, and an entry's run stops at the first document
//! whose findings change.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::{Context, Rule};
use crate::segment::Segmenter;
use crate::source::Source;
use std::collections::HashMap;
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
type Key = (usize, usize, usize, String);

fn key(d: &Diagnostic) -> Key {
    (d.file, d.span.start, d.span.end, d.message.clone())
}

/// The findings of `rule`, document by document.
fn run_each(rule: &dyn Rule, docs: &[Document]) -> Vec<Vec<Key>> {
    docs.iter().map(|doc| run(rule, doc)).collect()
}

fn run(rule: &dyn Rule, doc: &Document) -> Vec<Key> {
    let mut found = Vec::new();
    rule.check(&Context { doc, links: None }, &mut found);
    found.iter().map(key).collect()
}

/// The first run of two or more Han characters in an entry as shown
/// (`走过场`; `过于` of `(过于|太)(热心|谦让)`; the misspelling of `wrong: 布署
/// right: 部署`): the documents holding it are the ones most likely to
/// need the entry, so they are tried first.
fn hint(entry: &str) -> &str {
    let shown = entry.split_once(": ").map_or(entry, |(_, v)| v);
    shown
        .split(|c: char| !('\u{4E00}'..='\u{9FFF}').contains(&c))
        .find(|run| run.chars().nth(1).is_some())
        .unwrap_or("")
}

#[test]
fn every_list_entry_changes_some_finding() {
    use rayon::prelude::*;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    texts(&root.join("corpus"), &mut paths);
    paths.sort();
    // The lines written to need entries come first: most entries stop there.
    let mut lists = Vec::new();
    texts(&root.join("tests/data/lists"), &mut lists);
    lists.sort();
    paths.splice(0..0, lists);
    let sources: Vec<Source> = paths
        .iter()
        .map(|p| Source::new(p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    let config = Config::defaults().unwrap();
    let seg = Segmenter::new([]);
    let docs: Vec<Document> = sources
        .par_iter()
        .enumerate()
        .map(|(i, s)| Document::build(i, s, &seg, &config.keywords))
        .collect();
    let full: HashMap<String, Vec<Vec<Key>>> = config
        .build_rules()
        .unwrap()
        .document
        .par_iter()
        .map(|r| (r.meta().id.to_string(), run_each(r.as_ref(), &docs)))
        .collect();
    let ablations = config.ablations();
    assert!(ablations.len() > 100, "{} ablations", ablations.len());
    // An entry is needed once one document's findings change: documents
    // holding the entry's words are tried first, so most entries stop at
    // the first document instead of running on all of them.
    let mut unneeded: Vec<String> = ablations
        .par_iter()
        .filter(|a| {
            let original = &full[a.entry.split('.').next().unwrap()];
            let words = hint(&a.entry);
            let (first, rest): (Vec<usize>, Vec<usize>) = (0..docs.len())
                .partition(|&i| !words.is_empty() && sources[i].text.contains(words));
            !first
                .into_iter()
                .chain(rest)
                .any(|i| run(a.rule.as_ref(), &docs[i]) != original[i])
        })
        .map(|a| a.entry.clone())
        .collect();
    unneeded.sort();
    assert!(
        unneeded.is_empty(),
        "{} of {} list entries change no finding on any test document (dead, or add a line that needs them to tests/data/lists/):\n{}",
        unneeded.len(),
        ablations.len(),
        unneeded.join("\n")
    );
}
