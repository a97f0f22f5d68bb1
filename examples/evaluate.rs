//! Prints precision and recall of links, unaddressed-* and vague-* on
//! labelled sets (see `critique_lint::eval`).
//!
//! Usage: cargo run --release --example evaluate -- corpus/eval/tune-1 corpus/eval/general-a
//! `EVAL_CONFIG=file.yaml` evaluates other settings (e.g. `links: {threshold: 0.1}`);
//! `VERBOSE=1` lists every disagreement with the labels.

use critique_lint::eval::evaluate;
use critique_lint::Config;
use critique_lint::Engine;
use std::path::Path;

fn main() {
    let config = match std::env::var_os("EVAL_CONFIG") {
        Some(p) => {
            Config::load(Some(Path::new(&p)), Path::new(".")).unwrap_or_else(|e| panic!("{e}"))
        }
        None => Config::defaults().expect("defaults"),
    };
    let engine = Engine::new(config, &[], &[])
        .expect("engine")
        .with_links()
        .expect("links");
    for dir in std::env::args().skip(1) {
        let ev = evaluate(&engine, Path::new(&dir)).unwrap_or_else(|e| panic!("{e}"));
        if std::env::var_os("VERBOSE").is_some() {
            for e in &ev.errors {
                println!("  {e}");
            }
        }
        print!("{ev}");
    }
}
