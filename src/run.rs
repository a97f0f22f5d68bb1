//! The check pipeline: load → document → per-document rules → sorted diagnostics.

use crate::config::{Config, ConfigError, BUILTIN_REFERENCES};
use crate::crossdoc::{self, Fingerprinter, Prints, Similarity};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::inputs;
use crate::links::{self, LinkModel};
use crate::rules::{self, Rule};
use crate::segment::Segmenter;
use crate::source::{LoadError, Origin, Source};
use rayon::prelude::*;
use std::path::PathBuf;

/// Configured rules and the segmenter, built once per process.
pub struct Engine {
    pub config: Config,
    pub segmenter: Segmenter,
    pub rules: Vec<Box<dyn Rule>>,
    /// Built when a rule reads links (or for `outline`).
    pub links: Option<LinkModel>,
}

impl Engine {
    /// Builds the rules of `config`, keeping those `select`ed (all when
    /// empty) and not `ignore`d.
    pub fn new(
        config: Config,
        select: &[String],
        ignore: &[String],
    ) -> Result<Engine, ConfigError> {
        // Loading jieba's dictionary dominates start-up; build the rules on
        // the other core meanwhile.
        let (rules, segmenter) = rayon::join(
            || rules::build_all(&config),
            || Segmenter::new(config.dictionary.iter().map(String::as_str)),
        );
        let mut rules = rules?;
        rules.retain(|r| {
            let id = &*r.meta().id;
            (select.is_empty() || select.iter().any(|s| s == id)) && !ignore.iter().any(|s| s == id)
        });
        let links = if rules.iter().any(|r| r.needs_links()) {
            Some(LinkModel::new(&config.links).map_err(|m| config.error_in_links(m))?)
        } else {
            None
        };
        Ok(Engine {
            config,
            segmenter,
            rules,
            links,
        })
    }

    pub fn document<'a>(&self, index: usize, source: &'a Source) -> Document<'a> {
        let mut doc = Document::build(index, source, &self.segmenter, &self.config.keywords);
        if let Some(model) = &self.links {
            doc.links = Some(links::compute(model, &doc));
        }
        doc
    }

    /// Makes sure links are computed (the outline shows them).
    pub fn with_links(mut self) -> Result<Engine, ConfigError> {
        if self.links.is_none() {
            self.links = Some(
                LinkModel::new(&self.config.links).map_err(|m| self.config.error_in_links(m))?,
            );
        }
        Ok(self)
    }

    /// Checks `sources[..checked]` in parallel, then compares all of them
    /// with each other and with the references `sources[checked..]`.
    /// Diagnostics are sorted by file, then position. A document that makes
    /// a rule panic (a bug) is reported as an error for that file; the
    /// others are still checked.
    pub fn check(
        &self,
        sources: &[Source],
        checked: usize,
        max_shared: Option<f64>,
        tick: &(dyn Fn() + Sync),
    ) -> Outcome {
        let fingerprinter =
            self.rules.iter().any(|r| r.cross().is_some()).then(|| {
                Fingerprinter::new(&self.config.copying, &self.config.formulation_phrases())
            });
        // Per document, in parallel: rules on the checked reports, and the
        // fingerprints of every text (references too) for the cross stage.
        let results: Vec<Result<(Vec<Diagnostic>, Prints), LoadError>> = sources
            .par_iter()
            .enumerate()
            .map(|(i, s)| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let doc = self.document(i, s);
                    let diagnostics = if i < checked {
                        let d = rules::check(&doc, &self.rules);
                        tick();
                        d
                    } else {
                        Vec::new()
                    };
                    let prints = fingerprinter
                        .as_ref()
                        .map(|f| f.prints(&s.text, crossdoc::skip_ranges(&doc, f.short_line())))
                        .unwrap_or_default();
                    (diagnostics, prints)
                }))
                .map_err(|_| LoadError {
                    path: s.name.clone(),
                    message: "内部错误：检查此文件时程序出错，请将文件提交给 critique-lint 维护者"
                        .to_string(),
                })
            })
            .collect();
        let mut diagnostics = Vec::new();
        let mut errors = Vec::new();
        let mut prints = Vec::with_capacity(sources.len());
        for r in results {
            match r {
                Ok((d, p)) => {
                    diagnostics.extend(d);
                    prints.push(p);
                }
                Err(e) => {
                    errors.push(e);
                    prints.push(Prints::default());
                }
            }
        }
        let cross = match &fingerprinter {
            Some(f) => crossdoc::check(
                &self.config.copying,
                &self.rules,
                sources,
                checked,
                prints,
                f,
                max_shared,
            ),
            None => crossdoc::CrossReport::default(),
        };
        diagnostics.extend(cross.diagnostics);
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        Outcome {
            diagnostics,
            errors,
            similarity: cross.similarity,
        }
    }
}

/// What a check run found.
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    /// Files that could not be checked.
    pub errors: Vec<LoadError>,
    pub similarity: Vec<Similarity>,
}

/// Reference texts: the built-in templates (unless turned off), the
/// config's `references:` and `extra` (command line), folders walked.
pub fn load_references(config: &Config, extra: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let mut sources: Vec<Source> = Vec::new();
    if config.builtin_references {
        sources.extend(
            BUILTIN_REFERENCES
                .iter()
                .map(|(name, text)| Source::new(*name, *text)),
        );
    }
    let paths: Vec<PathBuf> = config.references.iter().chain(extra).cloned().collect();
    let (loaded, errors) = load_paths(&paths);
    sources.extend(loaded);
    (sources, errors)
}

/// Expands paths (folders walked) and reads every report, in input order;
/// problems with paths and with files are both errors.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let (origins, mut errors) = inputs::expand(paths);
    let (sources, load_errors) = load_all(&origins);
    errors.extend(load_errors);
    (sources, errors)
}

/// Reads all origins in parallel, keeping input order.
fn load_all(origins: &[Origin]) -> (Vec<Source>, Vec<LoadError>) {
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
