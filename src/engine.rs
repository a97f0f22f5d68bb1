//! The check pipeline: documents in parallel (tokens, outline, links, the
//! per-document rules, fingerprints), then the cross-document stage, then
//! diagnostics sorted by file and position, per-file ignores applied.

use crate::config::{Config, ConfigError, RuleSet, BUILTIN_REFERENCES};
use crate::crossdoc::{self, CrossRules, Fingerprinter, Prints, Similarity};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::links::{self, LinkModel, Links};
use crate::rules::{self, Context, Rule};
use crate::segment::Segmenter;
use crate::source::{LoadError, Origin, Problem, Source};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// Configured rules and the segmenter, built once per process.
pub struct Engine {
    pub(crate) config: Config,
    segmenter: Arc<Segmenter>,
    rules: Vec<Box<dyn Rule>>,
    cross: CrossRules,
    /// Official wording every report may share (the formulations), left
    /// out of copy detection.
    stock: Vec<String>,
    /// Built when a rule reads links (or for `outline`).
    links: Option<LinkModel>,
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
        let (built, segmenter) = rayon::join(
            || config.build_rules(),
            || Segmenter::new(config.dictionary.iter().map(String::as_str)),
        );
        Engine::assemble(config, select, ignore, built?, Arc::new(segmenter))
    }

    /// An engine sharing a segmenter already built (the fuzz targets build
    /// one per process); the config's `dictionary` words are not added.
    pub(crate) fn with_segmenter(
        config: Config,
        select: &[String],
        ignore: &[String],
        segmenter: Arc<Segmenter>,
    ) -> Result<Engine, ConfigError> {
        let built = config.build_rules()?;
        Engine::assemble(config, select, ignore, built, segmenter)
    }

    fn assemble(
        config: Config,
        select: &[String],
        ignore: &[String],
        built: RuleSet,
        segmenter: Arc<Segmenter>,
    ) -> Result<Engine, ConfigError> {
        // The formulations stay stock wording whichever rules are selected.
        let stock = built
            .document
            .iter()
            .flat_map(|r| r.stock_phrases())
            .collect();
        let keep = |id: &str| {
            (select.is_empty() || select.iter().any(|s| s == id)) && !ignore.iter().any(|s| s == id)
        };
        let mut rules = built.document;
        rules.retain(|r| keep(&r.meta().id));
        let mut cross = built.cross;
        cross.retain(keep);
        let links = if rules.iter().any(|r| r.needs_links()) {
            Some(LinkModel::new(&config.links).map_err(|e| config.error_in_links(&e))?)
        } else {
            None
        };
        Ok(Engine {
            config,
            segmenter,
            rules,
            cross,
            stock,
            links,
        })
    }

    /// Makes sure links are computed (the outline shows them).
    pub fn with_links(mut self) -> Result<Engine, ConfigError> {
        if self.links.is_none() {
            self.links = Some(
                LinkModel::new(&self.config.links).map_err(|e| self.config.error_in_links(&e))?,
            );
        }
        Ok(self)
    }

    /// Ids of the rules that run, per-document and cross-document.
    pub(crate) fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.rules
            .iter()
            .map(|r| &*r.meta().id)
            .chain(self.cross.ids())
    }

    pub(crate) fn document<'a>(&self, index: usize, source: &'a Source) -> Document<'a> {
        Document::build(index, source, &self.segmenter, &self.config.keywords)
    }

    /// The document's links, when the engine computes them.
    pub(crate) fn links(&self, doc: &Document) -> Option<Links> {
        self.links.as_ref().map(|m| links::compute(m, doc))
    }

    /// The genre IDF table of `docs` (`build-idf`); needs [`Engine::with_links`].
    pub(crate) fn idf_table<'a>(&self, docs: impl Iterator<Item = &'a Document<'a>>) -> String {
        let model = self.links.as_ref().expect("built with links");
        links::build_idf_table(model, docs)
    }

    /// The per-document rules on one document, with its links.
    pub(crate) fn check_document(&self, doc: &Document) -> (Vec<Diagnostic>, Option<Links>) {
        let links = self.links(doc);
        let cx = Context {
            doc,
            links: links.as_ref(),
        };
        (rules::check(&cx, &self.rules), links)
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
            (!self.cross.is_empty()).then(|| Fingerprinter::new(&self.config.copying, &self.stock));
        // Per document, in parallel: rules on the checked reports, and the
        // fingerprints of every text (references too) for the cross stage.
        let results: Vec<Result<(Vec<Diagnostic>, Prints), LoadError>> = sources
            .par_iter()
            .enumerate()
            .map(|(i, s)| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let doc = self.document(i, s);
                    let diagnostics = if i < checked {
                        let (d, _) = self.check_document(&doc);
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
                .map_err(|_| LoadError::new(s.name.clone(), Problem::Internal))
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
                &self.cross,
                sources,
                checked,
                prints,
                f,
                max_shared,
            ),
            None => crossdoc::CrossReport::default(),
        };
        diagnostics.extend(cross.diagnostics);
        let ignores = &self.config.per_file_ignores;
        diagnostics.retain(|d| !ignores.ignores(&d.rule, &sources[d.file].name));
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
    pub(crate) similarity: Vec<Similarity>,
}

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
    let (loaded, errors) = load_paths(&paths);
    sources.extend(loaded);
    (sources, errors)
}

/// Expands paths (folders walked) and reads every report, in input order;
/// problems with paths and with files are both errors.
pub(crate) fn load_paths(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let (origins, mut errors) = crate::source::expand(paths);
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
