//! The check pipeline: documents in parallel (tokens, outline, links, the
//! per-document rules, fingerprints), then the cross-document stage, then
//! diagnostics sorted by file and position, per-file ignores applied.

use crate::archive::{self, Archive, ArchiveError, ArchiveRules, Identity};
use crate::config::{Config, ConfigError, RuleSet};
use crate::crossdoc::{self, CopyGroup, CrossRules, Fingerprinter, Prints, SharedSpan, Similarity};
use crate::diagnostic::{Diagnostic, Edit};
use crate::document::Document;
use crate::links::{self, LinkModel, Links};
use crate::rules::{self, Context, Rule};
use crate::segment::Segmenter;
use crate::source::{LoadError, Problem, Source};
use crate::view::View;
use rayon::prelude::*;
use std::ops::Range;
use std::sync::{Arc, RwLock};

mod load;
mod structure;

pub(crate) use load::{load_all, load_paths, load_references, wants_full_dictionary};
pub(crate) use structure::Structure;

/// Configured rules and the segmenter, built once per process.
pub struct Engine {
    pub(crate) config: Config,
    /// Taken out after the per-document stage of a [`Engine::one_shot`] run.
    segmenter: RwLock<Option<Arc<Segmenter>>>,
    rules: Vec<Box<dyn Rule>>,
    cross: CrossRules,
    /// Run only when a check is given an archive.
    archive: ArchiveRules,
    /// Official wording every report may share (the formulations), left
    /// out of copy detection.
    stock: Vec<String>,
    /// Built when a rule reads links (or for `outline`).
    links: Option<LinkModel>,
    /// Keep each report's outline and links ([`Engine::with_structures`]).
    structures: bool,
    /// Let go of the segmenter once the documents are segmented.
    one_shot: bool,
}

impl Engine {
    /// Builds the rules of `config`, keeping those `select`ed (all when
    /// empty) and not `ignore`d.
    pub fn new(
        config: Config,
        select: &[String],
        ignore: &[String],
    ) -> Result<Engine, ConfigError> {
        Engine::build(config, select, ignore, None)
    }

    /// As [`Engine::new`], for checking only `sources` (the reports and the
    /// references, as read): the segmenter holds just the dictionary words
    /// found in their views ([`Segmenter::for_texts`]), which costs a few
    /// milliseconds instead of loading jieba's dictionary. The findings on
    /// these sources are the same; other texts must not be checked with it.
    pub fn for_sources(
        config: Config,
        select: &[String],
        ignore: &[String],
        sources: &[&Source],
    ) -> Result<Engine, ConfigError> {
        // Documents are segmented from their views, where joined line wraps
        // and dropped page furniture make words the raw text does not hold.
        let views: Vec<View> = sources.iter().map(|s| View::new(s)).collect();
        let texts: Vec<&str> = views.iter().map(View::text).collect();
        Engine::build(config, select, ignore, Some(&texts))
    }

    fn build(
        config: Config,
        select: &[String],
        ignore: &[String],
        texts: Option<&[&str]>,
    ) -> Result<Engine, ConfigError> {
        // Loading jieba's dictionary dominates start-up; build the rules on
        // the other core meanwhile. The link model is built beside them,
        // needed or not (that is known once the rules are): it takes under a
        // millisecond, on whichever core is free first.
        let (built, (segmenter, link_model)) = rayon::join(
            || config.build_rules(),
            || {
                rayon::join(
                    || {
                        let extra = config.dictionary.iter().map(String::as_str);
                        match texts {
                            Some(texts) => Segmenter::for_texts(texts, extra),
                            None => Segmenter::new(extra),
                        }
                    },
                    || LinkModel::new(&config.links),
                )
            },
        );
        let links = Some(link_model);
        Engine::assemble(config, select, ignore, built?, Arc::new(segmenter), links)
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
        Engine::assemble(config, select, ignore, built, segmenter, None)
    }

    /// The engine from built rules and a segmenter; `link_model` if built
    /// already (it is built here when a rule needs it).
    fn assemble(
        config: Config,
        select: &[String],
        ignore: &[String],
        built: RuleSet,
        segmenter: Arc<Segmenter>,
        link_model: Option<Result<LinkModel, crate::settings::Invalid>>,
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
        let mut archive = built.archive;
        archive.retain(keep);
        let links = if rules.iter().any(|r| r.needs_links()) {
            let model = link_model.unwrap_or_else(|| LinkModel::new(&config.links));
            Some(model.map_err(|e| config.error_in_links(&e))?)
        } else {
            None
        };
        Ok(Engine {
            config,
            segmenter: RwLock::new(Some(segmenter)),
            rules,
            cross,
            archive,
            stock,
            links,
            structures: false,
            one_shot: false,
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

    /// Makes [`Engine::check`] keep each report's outline and links
    /// ([`Outcome::structures`]), which the HTML report draws.
    pub(crate) fn with_structures(self) -> Result<Engine, ConfigError> {
        let mut engine = self.with_links()?;
        engine.structures = true;
        Ok(engine)
    }

    /// Ids of the rules that run, per-document and cross-document.
    pub(crate) fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.rules
            .iter()
            .map(|r| &*r.meta().id)
            .chain(self.cross.ids())
    }

    /// Ids of the rules a check against an archive adds.
    pub(crate) fn archive_rule_ids(&self) -> impl Iterator<Item = &str> {
        self.archive.ids()
    }

    fn fingerprinter(&self) -> Fingerprinter {
        Fingerprinter::new(&self.config.copying, &self.stock)
    }

    /// The fingerprint settings an archive must have been built with.
    pub(crate) fn archive_settings(&self) -> String {
        let c = &self.config.copying;
        format!("{}/{}", c.noise, c.guarantee)
    }

    /// What the archive stores of `sources` (read in parallel): authors,
    /// years (`year` over the one read), items, fingerprints. A report that
    /// makes the pipeline panic is an error for that file.
    pub(crate) fn archive_entries(
        &self,
        sources: &[Source],
        year: Option<i32>,
    ) -> Vec<Result<archive::Entry, LoadError>> {
        let fingerprinter = self.fingerprinter();
        let digester = archive::Digester::new(&self.config.links.stopwords);
        sources
            .par_iter()
            .enumerate()
            .map(|(i, s)| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let doc = self.document(i, s);
                    let prints = self.prints(&fingerprinter, &doc);
                    let identity = archive::identify(&doc, self.config.author_from.as_ref());
                    let digest = digester.digest(&doc, identity, &prints, None);
                    archive::entry(digest, &s.name, doc.text(), year)
                }))
                .map_err(|_| LoadError::new(s.name.clone(), Problem::Internal))
            })
            .collect()
    }

    /// The fingerprints of an archived text (to remove them).
    pub(crate) fn archived_prints(
        &self,
        text: &str,
        skip: Vec<std::ops::Range<usize>>,
    ) -> Vec<(u32, u32)> {
        self.fingerprinter().prints(text, skip).pairs().collect()
    }

    fn prints(&self, f: &Fingerprinter, doc: &Document) -> Prints {
        f.prints(doc.text(), self.skip(doc))
    }

    /// What of `doc` copy detection leaves out (its title, its opening).
    fn skip(&self, doc: &Document) -> Vec<Range<usize>> {
        let copying = &self.config.copying;
        crossdoc::skip_ranges(doc, crossdoc::short_line(copying), copying.skip_opening)
    }

    /// The author and year of a document.
    pub(crate) fn identify(&self, doc: &Document) -> Identity {
        archive::identify(doc, self.config.author_from.as_ref())
    }

    /// An engine that checks once (a process of the command line): its run
    /// lets go of the segmenter — jieba's whole dictionary, some 40 MB, on a
    /// large input — once every document is segmented, before the documents
    /// are compared, where a run over many reports peaks. Later documents
    /// cannot be built.
    pub(crate) fn one_shot(mut self) -> Engine {
        self.one_shot = true;
        self
    }

    fn segmenter(&self) -> Arc<Segmenter> {
        let held = self.segmenter.read().unwrap_or_else(|e| e.into_inner());
        Arc::clone(
            held.as_ref()
                .expect("a one-shot engine builds no document after its run"),
        )
    }

    pub(crate) fn document<'a>(&self, index: usize, source: &'a Source) -> Document<'a> {
        Document::build(index, source, &self.segmenter(), &self.config.keywords)
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
        self.run(sources, checked, max_shared, tick, None)
            .expect("no archive, no archive error")
    }

    /// As [`Engine::check`], and compares the reports with `archive` too
    /// (`year`: the reports' year, over the one each states).
    pub(crate) fn check_with_archive(
        &self,
        sources: &[Source],
        checked: usize,
        max_shared: Option<f64>,
        tick: &(dyn Fn() + Sync),
        archive: (&Archive, Option<i32>),
    ) -> Result<Outcome, ArchiveError> {
        archive.0.check_settings(&self.archive_settings(), false)?;
        self.run(sources, checked, max_shared, tick, Some(archive))
    }

    fn run(
        &self,
        sources: &[Source],
        checked: usize,
        max_shared: Option<f64>,
        tick: &(dyn Fn() + Sync),
        archive: Option<(&Archive, Option<i32>)>,
    ) -> Result<Outcome, ArchiveError> {
        let archived = archive.filter(|_| !self.archive.is_empty());
        // The fingerprinter (an automaton of the stock phrases, a sizeable
        // share of a one-report run) is built beside the documents, and the
        // prints taken from their views once it is ready; the archive's
        // digests need them per document, so then it is built first.
        let first = archived.map(|_| self.fingerprinter());
        let later = first.is_none() && !self.cross.is_empty();
        let digester = archived.map(|_| archive::Digester::new(&self.config.links.stopwords));
        // The connection stays on this thread: the tasks get the year only.
        let year = archived.and_then(|a| a.1);
        // Per document, in parallel: rules on the checked reports, and the
        // fingerprints of every text (references too) for the cross stage.
        // Everything is found in each document's view; it is mapped back to
        // the file at the end.
        type Checked<'s> = (
            Vec<Diagnostic>,
            (Prints, Option<Vec<Range<usize>>>),
            View<'s>,
            Option<Structure>,
            Identity,
            Option<archive::Digest>,
        );
        let documents = || -> Vec<Result<Checked, LoadError>> {
            sources
                .par_iter()
                .enumerate()
                .map(|(i, s)| {
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        let doc = self.document(i, s);
                        let (diagnostics, structure) = if i < checked {
                            let (d, links) = self.check_document(&doc);
                            tick();
                            let structure =
                                self.structures.then(|| structure::of(&doc, links.as_ref()));
                            (d, structure)
                        } else {
                            (Vec::new(), None)
                        };
                        let prints = match &first {
                            Some(f) => (self.prints(f, &doc), None),
                            None => (Prints::default(), later.then(|| self.skip(&doc))),
                        };
                        let mut identity = if i < checked {
                            self.identify(&doc)
                        } else {
                            Identity::default()
                        };
                        let digest = match &digester {
                            Some(dg) if i < checked => {
                                identity.year = year.or(identity.year);
                                let followup = self.archive.followup.as_ref();
                                Some(dg.digest(&doc, identity.clone(), &prints.0, followup))
                            }
                            _ => None,
                        };
                        (diagnostics, prints, doc.view, structure, identity, digest)
                    }))
                    .map_err(|_| LoadError::new(s.name.clone(), Problem::Internal))
                })
                .collect()
        };
        let (built, results) = rayon::join(|| later.then(|| self.fingerprinter()), documents);
        let fingerprinter = first.or(built);
        if self.one_shot {
            let mut held = self.segmenter.write().unwrap_or_else(|e| e.into_inner());
            if let Some(segmenter) = held.take() {
                // Freed beside the comparison: 349,000 words, one by one
                // (here, if no thread can be started).
                let _ = std::thread::Builder::new().spawn(move || drop(segmenter));
            }
        }
        let mut diagnostics = Vec::new();
        let mut errors = Vec::new();
        let mut prints = Vec::with_capacity(sources.len());
        let mut skips = Vec::with_capacity(sources.len());
        let mut views = Vec::with_capacity(sources.len());
        let mut structures = Vec::new();
        let mut identities = Vec::with_capacity(checked);
        let mut digests = Vec::new();
        for (i, (r, s)) in results.into_iter().zip(sources).enumerate() {
            match r {
                Ok((d, (p, skip), v, st, id, digest)) => {
                    diagnostics.extend(d);
                    prints.push(p);
                    skips.push(skip);
                    views.push(v);
                    structures.push(st);
                    digests.extend(digest);
                    if i < checked {
                        identities.push(id);
                    }
                }
                Err(e) => {
                    errors.push(e);
                    prints.push(Prints::default());
                    skips.push(None);
                    views.push(View::identity(&s.text));
                    structures.push(None);
                    if i < checked {
                        identities.push(Identity::default());
                    }
                }
            }
        }
        if let Some(f) = fingerprinter.as_ref().filter(|_| later) {
            prints = views
                .par_iter()
                .zip(skips)
                .map(|(v, skip)| {
                    skip.map(|skip| f.prints(v.text(), skip))
                        .unwrap_or_default()
                })
                .collect();
        }
        structures.truncate(checked);
        if !self.structures {
            structures.clear();
        }
        let cross = match &fingerprinter {
            Some(f) if !self.cross.is_empty() => crossdoc::check(
                &self.config.copying,
                &self.cross,
                &crossdoc::Texts {
                    sources,
                    views: &views,
                },
                checked,
                prints,
                f,
                max_shared,
            ),
            _ => crossdoc::CrossReport::default(),
        };
        diagnostics.extend(cross.diagnostics);
        let mut passages = cross.passages;
        for p in &mut passages {
            p.span_a = views[p.a].to_source(p.span_a.clone());
            p.span_b = views[p.b].to_source(p.span_b.clone());
        }
        for d in &mut diagnostics {
            d.span = views[d.file].to_source(d.span.clone());
            for l in &mut d.labels {
                l.span = views[l.file].to_source(l.span.clone());
            }
            d.edits = fix_in_source(
                &views[d.file],
                &sources[d.file],
                std::mem::take(&mut d.edits),
            );
        }
        // Archive findings: primary spans in the views, labels already in
        // the archived texts (which have no view).
        let mut archived_sources = Vec::new();
        if let (Some((store, _)), Some(f)) = (archived, &fingerprinter) {
            let texts: Vec<&str> = digests.iter().map(|d| views[d.file].text()).collect();
            let found = archive::check(
                &archive::Run {
                    archive: store,
                    rules: &self.archive,
                    spec: &self.config.copying,
                    fingerprinter: f,
                },
                &digests,
                &texts,
                sources.len(),
            )?;
            for mut d in found.diagnostics {
                d.span = views[d.file].to_source(d.span.clone());
                diagnostics.push(d);
            }
            archived_sources = found.sources;
        }
        let ignored: Vec<Vec<&str>> = sources
            .iter()
            .map(|s| self.config.per_file_ignores.ignored(&s.name))
            .collect();
        diagnostics.retain(|d| !ignored[d.file].contains(&&*d.rule));
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        Ok(Outcome {
            diagnostics,
            errors,
            similarity: cross.similarity,
            copy_groups: cross.copy_groups,
            passages,
            structures,
            identities,
            archived: archived_sources,
        })
    }
}

/// A finding's edits mapped from the view to the file, or none at all:
/// every edited range must be in the file as the view shows it (not across
/// a joined wrap, not a simplified character), and no edit may add or
/// remove a line break, so lines and their endings stay as they are. Half a
/// fix (one quote of a reversed pair) would be wrong, so one bad edit
/// drops the finding's whole fix. A Word file's text is not its bytes: its
/// findings keep their edits here, and `--fix` reports them as not fixable.
fn fix_in_source(view: &View, source: &Source, edits: Vec<Edit>) -> Vec<Edit> {
    let breaks = |s: &str| s.contains(['\n', '\r']);
    let mapped: Option<Vec<Edit>> = edits
        .into_iter()
        .map(|e| {
            let span = view.to_source_exact(&source.text, e.span)?;
            (!breaks(&source.text[span.clone()]) && !breaks(&e.replacement))
                .then_some(Edit::new(span, e.replacement))
        })
        .collect();
    mapped.unwrap_or_default()
}

/// What a check run found.
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    /// Files that could not be checked.
    pub errors: Vec<LoadError>,
    pub(crate) similarity: Vec<Similarity>,
    pub(crate) copy_groups: Vec<CopyGroup>,
    /// Passages shared between texts, in file byte offsets.
    pub(crate) passages: Vec<SharedSpan>,
    /// Per checked report, its outline and links, when the engine was
    /// built [`Engine::with_structures`] (empty otherwise).
    pub(crate) structures: Vec<Option<Structure>>,
    /// Author and year of each checked report (input order).
    pub(crate) identities: Vec<Identity>,
    /// Archived reports the findings point into: the run's texts after
    /// `sources`.
    pub(crate) archived: Vec<Source>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-shot run lets go of the segmenter after the documents, with
    /// the same findings; an engine that may check again keeps it.
    #[test]
    fn a_one_shot_run_drops_the_segmenter_after_the_documents() {
        let sources = [
            Source::new(
                "a.txt",
                "一、存在的问题\n一是学习不够。\n二、原因剖析\n一是放松。\n",
            ),
            Source::new("b.txt", "一、存在的问题\n一是学习不够。\n"),
        ];
        let engine = || {
            Engine::for_sources(
                Config::defaults().unwrap(),
                &[],
                &[],
                &[&sources[0], &sources[1]],
            )
            .unwrap()
        };
        let key = |o: &Outcome| {
            o.diagnostics
                .iter()
                .map(|d| (d.file, d.span.clone(), d.message.clone()))
                .collect::<Vec<_>>()
        };
        let (kept, once) = (engine(), engine().one_shot());
        let a = kept.check(&sources, 2, None, &|| {});
        let b = once.check(&sources, 2, None, &|| {});
        assert!(!a.diagnostics.is_empty());
        assert_eq!(key(&a), key(&b));
        assert!(kept.segmenter.read().unwrap().is_some());
        assert!(once.segmenter.read().unwrap().is_none());
        // The kept engine checks again alike.
        assert_eq!(key(&kept.check(&sources, 2, None, &|| {})), key(&a));
    }

    /// A word split by a hard wrap exists only in the view, where the wrap
    /// is joined: the found-words dictionary is built from views.
    #[test]
    fn found_words_come_from_the_views() {
        let lines = [
            "一、存在的问题",
            "一是学习不够系统。对于新思想新理论的学习存在囫囵",
            "吞枣的现象，满足于读过看过，没有真正做到学深悟透，",
            "对照检查的时候也常常浮于表面，没有联系思想和工作实",
            "际深入剖析，导致学用脱节，指导实践不够有力，效果差",
            "强人意。",
            "二、原因剖析",
        ];
        let source = Source::new("wrapped.txt", lines.join("\n"));
        assert!(!source.text.contains("囫囵吞枣"));
        let view = View::new(&source);
        assert!(view.text().contains("囫囵吞枣"), "{}", view.text());
        let found = Engine::for_sources(Config::defaults().unwrap(), &[], &[], &[&source]);
        let full = Engine::new(Config::defaults().unwrap(), &[], &[]);
        let cut = |e: Engine| e.segmenter().cut(view.text()).join("/");
        let full = cut(full.unwrap());
        assert!(full.contains("/囫囵吞枣/"), "{full}");
        assert_eq!(cut(found.unwrap()), full);
    }
}
