//! Reading the inputs: the reports (folders walked, files read in
//! parallel) and the reference texts, and whether there are so many that
//! jieba's full dictionary should be loaded while they are read.

use crate::config::{Config, BUILTIN_REFERENCES};
use crate::source::{Limits, LoadError, Origin, Source};
use rayon::prelude::*;
use std::path::PathBuf;

/// Reference texts: the built-in templates (unless turned off), the
/// config's `references:` and `extra` (command line), folders walked.
pub(crate) fn load_references(config: &Config, extra: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let mut sources: Vec<Source> = Vec::new();
    if config.builtin_references {
        sources.extend(
            BUILTIN_REFERENCES
                .iter()
                .map(|(name, text)| Source::new(*name, *text)),
        );
    }
    let paths: Vec<PathBuf> = config.references.iter().chain(extra).cloned().collect();
    let (loaded, errors) = load_paths(&paths, &config.limits);
    sources.extend(loaded);
    (sources, errors)
}

/// Inputs up to this many bytes are checked with a dictionary of their own
/// words ([`Engine::for_sources`]); larger ones load jieba's full dictionary
/// while they are read. Measured on generated reports of ~18 kB, whole
/// runs, median of 11 on 2 cores, own words / full dictionary: 1 report
/// 0.18, 30 reports (0.6 MB) 0.47, 100 (1.8 MB) 0.74, 200 (3.7 MB) 0.85,
/// 300 (5.5 MB) 0.95, 500 (9.2 MB) 1.03, 1,000 (18 MB) 1.06; finding the
/// words costs about 0.2 ms of CPU per report against a fixed 60–150 ms
/// to load the dictionary. The limit sits a little below the crossover
/// (NOTES-issue17.md).
const FOUND_WORDS_MAX_BYTES: u64 = 6_000_000;

/// Whether the reports at `paths` are so many that loading jieba's full
/// dictionary while reading them is faster than finding their words after
/// reading. Files are measured on disk until the limit is passed (folders
/// are walked again by [`load_paths`]; a walk costs far less than the
/// dictionary); standard input, not known before it is read, counts as
/// nothing.
pub(crate) fn wants_full_dictionary(paths: &[PathBuf]) -> bool {
    let (origins, _) = crate::source::expand(paths);
    let mut bytes = 0;
    for origin in &origins {
        if let Origin::File(path) = origin {
            bytes += std::fs::metadata(path).map_or(0, |m| m.len());
            if bytes > FOUND_WORDS_MAX_BYTES {
                return true;
            }
        }
    }
    false
}

/// Expands paths (folders walked) and reads every report, in input order;
/// problems with paths and with files are both errors.
pub(crate) fn load_paths(paths: &[PathBuf], limits: &Limits) -> (Vec<Source>, Vec<LoadError>) {
    let (origins, mut errors) = crate::source::expand(paths);
    let (sources, load_errors) = load_all(&origins, limits);
    errors.extend(load_errors);
    (sources, errors)
}

/// Reads all origins in parallel, keeping input order.
pub(crate) fn load_all(origins: &[Origin], limits: &Limits) -> (Vec<Source>, Vec<LoadError>) {
    let results: Vec<Result<Source, LoadError>> = origins
        .par_iter()
        .map(|o| Source::load_within(o, limits))
        .collect();
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(s) => sources.push(s),
            Err(e) => errors.push(e),
        }
    }
    (sources, errors)
}
