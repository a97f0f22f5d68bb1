//! The correspondence and vagueness rules against the labelled sets.
//! The targets are those of the issue; the held-out figures are the ones
//! measured (see the README), kept as a floor so they cannot silently drop.

use critique_lint::eval::{evaluate, Evaluation};
use critique_lint::Config;
use critique_lint::Engine;
use std::path::Path;

fn run(set: &str) -> Evaluation {
    let engine = Engine::new(Config::defaults().unwrap(), &[], &[])
        .unwrap()
        .with_links()
        .unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/eval")
        .join(set);
    let ev = evaluate(&engine, &dir).unwrap();
    println!("{ev}");
    assert!(
        ev.mismatches.is_empty(),
        "labels and outline disagree: {:?}",
        ev.mismatches
    );
    ev
}

/// Floors: link precision and recall; unaddressed-* recall; vague-problem
/// and vague-measure recall. False alarms must stay at or under 10 %.
fn assert_at_least(ev: &Evaluation, links: (f64, f64), unaddressed: f64, vague: (f64, f64)) {
    assert!(
        ev.links.precision() >= links.0 && ev.links.recall() >= links.1,
        "{ev}"
    );
    assert!(ev.unaddressed.recall() >= unaddressed, "{ev}");
    assert!(ev.vague_problems.recall() >= vague.0, "{ev}");
    assert!(ev.vague_measures.recall() >= vague.1, "{ev}");
    for c in [&ev.unaddressed, &ev.vague_problems, &ev.vague_measures] {
        assert!(c.false_alarm() <= 0.1, "{ev}");
    }
}

#[test]
fn tuning_set_meets_the_targets() {
    assert_at_least(&run("tune"), (0.8, 0.8), 0.9, (0.8, 0.8));
}

#[test]
fn held_out_set_stays_at_its_measured_level() {
    assert_at_least(&run("heldout"), (0.85, 0.9), 0.9, (0.9, 0.85));
}

/// Written after the method was fixed and never inspected; measured before
/// and after two generic fixes found on the other sets (八项规定 is no count;
/// a report's closing words belong to no measure).
#[test]
fn second_held_out_set_stays_at_its_measured_level() {
    assert_at_least(&run("heldout2"), (0.85, 0.9), 0.9, (0.95, 0.95));
}
