//! Writes the item models `rules/models/praise-as-problem.tsv` and
//! `rules/models/external-cause.tsv` (see `src/rules/model.rs`) from the
//! labelled defect sets given: each model learns from the items of its part
//! (problems, causes) whether they were labelled with its kind.
//!
//! Usage: cargo run --release --example train_models -- OUT_DIR SET...
//! (the sets used are listed in `rules/models/README`; never a set kept
//! for validation). With `--leave-one-out` instead of OUT_DIR, nothing is
//! written: each set in turn is scored by a model trained on the others,
//! and recall and false alarms at the rules' threshold are printed.

use critique_lint::eval::{labelled_items, train_model, LabelledItem, TrainedModel};
use critique_lint::{Config, Engine};
use std::fmt::Write as _;
use std::path::Path;

/// Smoothing and the least number of items a gram must be found in: chosen
/// by leaving each training set out in turn (rules/models/README).
const ALPHA: f64 = 0.5;
const MIN_COUNT: usize = 2;
/// The threshold `rules/substance.yaml` gives both models.
const THRESHOLD: f64 = 14.0;
const KINDS: [(&str, &str); 2] = [
    ("praise-as-problem", "problems"),
    ("external-cause", "causes"),
];

/// The items of `part`, each with whether it is labelled `kind`.
fn of_part<'a>(items: &'a [LabelledItem], kind: &str, part: &str) -> Vec<(bool, &'a str)> {
    items
        .iter()
        .filter(|i| i.part == part)
        .map(|i| (i.kinds.iter().any(|k| k == kind), i.text.as_str()))
        .collect()
}

/// Scores each set with a model trained on the other sets.
fn leave_one_out(by_set: &[(String, Vec<LabelledItem>)]) {
    for (kind, part) in KINDS {
        let (mut found, mut missed, mut false_alarms, mut negatives) = (0, 0, 0, 0);
        for (held, test) in by_set {
            let rest: Vec<LabelledItem> = by_set
                .iter()
                .filter(|(s, _)| s != held)
                .flat_map(|(_, items)| items.iter().cloned())
                .collect();
            let trained = train_model(&of_part(&rest, kind, part), ALPHA, MIN_COUNT);
            let score = trained.scorer();
            for (of_kind, text) in of_part(test, kind, part) {
                let flagged = score(text) >= THRESHOLD;
                match (of_kind, flagged) {
                    (true, true) => found += 1,
                    (true, false) => missed += 1,
                    (false, true) => {
                        false_alarms += 1;
                        negatives += 1
                    }
                    (false, false) => negatives += 1,
                }
            }
        }
        println!(
            "{kind}: recall {:.2} ({found} of {}), false alarms {:.3} ({false_alarms} of {negatives} items)",
            found as f64 / (found + missed).max(1) as f64,
            found + missed,
            false_alarms as f64 / negatives.max(1) as f64,
        );
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .expect("usage: train_models OUT_DIR|--leave-one-out SET...");
    let sets: Vec<String> = args.collect();
    assert!(!sets.is_empty(), "usage: train_models OUT_DIR SET...");
    let engine = Engine::new(Config::defaults().expect("defaults"), &[], &[]).expect("engine");
    let by_set: Vec<(String, Vec<LabelledItem>)> = sets
        .iter()
        .map(|set| {
            let items =
                labelled_items(&engine, Path::new(set)).unwrap_or_else(|e| panic!("{set}: {e}"));
            (set.clone(), items)
        })
        .collect();
    if out == "--leave-one-out" {
        return leave_one_out(&by_set);
    }
    let items: Vec<LabelledItem> = by_set.into_iter().flat_map(|(_, i)| i).collect();
    for (kind, part) in KINDS {
        let labelled = of_part(&items, kind, part);
        let yes = labelled.iter().filter(|l| l.0).count();
        let TrainedModel { prior, weights } = train_model(&labelled, ALPHA, MIN_COUNT);
        let mut tsv = String::new();
        writeln!(
            tsv,
            "# {kind}: naive Bayes over the character pairs and triples of {part} items"
        )
        .unwrap();
        writeln!(
            tsv,
            "# (src/rules/model.rs). Written by examples/train_models.rs from {} items,",
            labelled.len()
        )
        .unwrap();
        writeln!(
            tsv,
            "# {yes} of them labelled {kind}, of the sets: {}",
            sets.join(" ")
        )
        .unwrap();
        writeln!(
            tsv,
            "# alpha {ALPHA}, grams found in at least {MIN_COUNT} items. Do not edit by hand."
        )
        .unwrap();
        writeln!(tsv, "prior\t{prior:.4}").unwrap();
        for (gram, w) in &weights {
            writeln!(tsv, "{gram}\t{w:.4}").unwrap();
        }
        let path = Path::new(&out).join(format!("{kind}.tsv"));
        std::fs::write(&path, tsv).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        eprintln!(
            "{}: {} grams, {yes} of {} items of the kind",
            path.display(),
            weights.len(),
            labelled.len()
        );
    }
}
