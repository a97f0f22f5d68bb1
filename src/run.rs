//! The check pipeline: load → document → per-document rules → sorted diagnostics.

use crate::config::{Config, ConfigError};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::{self, Rule};
use crate::segment::Segmenter;
use crate::source::{LoadError, Origin, Source};
use rayon::prelude::*;

/// Configured rules and the segmenter, built once per process.
pub struct Engine {
    pub config: Config,
    pub segmenter: Segmenter,
    pub rules: Vec<Box<dyn Rule>>,
}

impl Engine {
    /// Builds the rules of `config`, keeping those `select`ed (all when
    /// empty) and not `ignore`d.
    pub fn new(
        config: Config,
        select: &[String],
        ignore: &[String],
    ) -> Result<Engine, ConfigError> {
        let mut rules = rules::build_all(&config)?;
        rules.retain(|r| {
            let id = &*r.meta().id;
            (select.is_empty() || select.iter().any(|s| s == id)) && !ignore.iter().any(|s| s == id)
        });
        let segmenter = Segmenter::new(config.dictionary.iter().map(String::as_str));
        Ok(Engine {
            config,
            segmenter,
            rules,
        })
    }

    pub fn document(&self, index: usize, source: Source) -> Document {
        Document::build(index, source, &self.segmenter, &self.config.keywords)
    }

    /// Checks every source in parallel; diagnostics sorted by file, then position.
    pub fn check(&self, sources: &[Source]) -> Vec<Diagnostic> {
        let mut diagnostics: Vec<Diagnostic> = sources
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, s)| {
                let doc = self.document(i, s.clone());
                rules::check(&doc, &self.rules)
            })
            .collect();
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        diagnostics
    }
}

/// Reads all origins in parallel, keeping input order.
pub fn load_all(origins: &[Origin]) -> (Vec<Source>, Vec<LoadError>) {
    let results: Vec<Result<Source, LoadError>> = origins.par_iter().map(Source::load).collect();
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
