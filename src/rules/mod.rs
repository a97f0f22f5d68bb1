//! Per-document rules: the [`Rule`] trait, what every rule instance shares
//! ([`Meta`]), and the registry of rule kinds.
//!
//! A rule *kind* is one file here: a `Params` struct (serde, its own typed
//! parameters, unknown fields rejected) and a `build` function. A rule
//! *instance* (id, severity, scope, message, parameter values) is YAML in
//! `rules/*.yaml` or a user's config. Adding a kind: one file, one line in
//! [`kinds!`], and YAML. Rules read a document and its links; they never do
//! I/O and never see other documents (that is `crossdoc`).

mod formulation;
mod item_signals;
pub(crate) mod lexicon;
mod missing_section;
pub(crate) mod model;
mod numbering;
mod orphan_measure;
mod pattern;
mod phrases;
mod punctuation;
mod section_order;
mod typo;
mod unaddressed;
mod vague_item;
pub(crate) mod word_list;

#[cfg(test)]
pub(crate) mod testing;

use crate::diagnostic::{fill, Diagnostic, Severity};
use crate::document::Document;
use crate::links::Links;
use crate::outline::SectionKind;
use crate::settings::Invalid;
use std::ops::Range;
use std::sync::Arc;

pub(crate) use model::train as train_model;
pub use model::Trained as TrainedModel;

/// What a rule looks at: one document, and its problem–measure links when
/// any rule of the run needs them.
pub(crate) struct Context<'a> {
    pub(crate) doc: &'a Document<'a>,
    pub(crate) links: Option<&'a Links>,
}

/// A per-document rule.
pub(crate) trait Rule: Send + Sync {
    fn meta(&self) -> &Meta;
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>);
    /// Whether the rule reads the document's problem–measure links.
    fn needs_links(&self) -> bool {
        false
    }
    /// Official wording the rule knows (the formulations): every report may
    /// share it, so the copy stage does not count it as copied.
    fn stock_phrases(&self) -> Vec<String> {
        Vec::new()
    }
}

/// What every rule instance has, whatever its kind.
#[derive(Debug, Clone)]
pub(crate) struct Meta {
    pub(crate) id: Arc<str>,
    pub(crate) severity: Severity,
    pub(crate) scope: Vec<SectionKind>,
    pub(crate) message: String,
}

impl Meta {
    /// Byte ranges of the document the rule looks at.
    pub(crate) fn regions(&self, doc: &Document) -> Vec<Range<usize>> {
        if self.scope.is_empty() {
            return std::iter::once(0..doc.text().len()).collect();
        }
        doc.outline
            .sections
            .iter()
            .filter(|s| self.scope.contains(&s.kind))
            .map(|s| s.span.clone())
            .collect()
    }

    /// A diagnostic with the message template filled from `vars`.
    pub(crate) fn diagnostic(
        &self,
        doc: &Document,
        span: Range<usize>,
        vars: &[(&str, &str)],
    ) -> Diagnostic {
        Diagnostic {
            rule: self.id.clone(),
            severity: self.severity,
            message: fill(&self.message, vars),
            file: doc.index,
            span,
            labels: Vec::new(),
            notes: Vec::new(),
            edits: Vec::new(),
            places: 1,
        }
    }
}

/// Why a rule instance could not be built.
#[derive(Debug)]
pub(crate) enum BuildError {
    /// The parameters do not fit the kind's `Params` (unknown or missing
    /// field, wrong type); the caller knows where they were written.
    Params(erased_serde::Error),
    /// The parameters fit but cannot work (an empty list, a bad regex).
    Invalid(Invalid),
}

type BuildFn =
    fn(Meta, &mut dyn erased_serde::Deserializer<'static>) -> Result<Box<dyn Rule>, BuildError>;

/// A rule kind: its name in YAML and how to build an instance.
pub(crate) struct Kind {
    pub(crate) name: &'static str,
    build: BuildFn,
}

impl Kind {
    /// Builds an instance from its metadata and its parameters.
    pub(crate) fn build(
        &self,
        meta: Meta,
        params: &mut dyn erased_serde::Deserializer<'static>,
    ) -> Result<Box<dyn Rule>, BuildError> {
        (self.build)(meta, params)
    }
}

/// The registry: `"yaml-name" => module`; the module has `Params` and
/// `build(Meta, Params) -> Result<Box<dyn Rule>, Invalid>`.
macro_rules! kinds {
    ($($name:literal => $kind:ident),* $(,)?) => {
        pub(crate) const KINDS: &[Kind] = &[$(Kind {
            name: $name,
            build: |meta, params| {
                let params: $kind::Params =
                    erased_serde::deserialize(params).map_err(BuildError::Params)?;
                $kind::build(meta, params).map_err(BuildError::Invalid)
            },
        }),*];
    };
}

kinds! {
    "missing-section" => missing_section,
    "section-order" => section_order,
    "numbering" => numbering,
    "pattern" => pattern,
    "formulation" => formulation,
    "punctuation" => punctuation,
    "word-list" => word_list,
    "unaddressed" => unaddressed,
    "orphan-measure" => orphan_measure,
    "vague-item" => vague_item,
    "typo" => typo,
    "item-signals" => item_signals,
}

/// The kind named `name`, if it is a per-document kind.
pub(crate) fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// An item as a message names it: its label as written, quoted and cut
/// (问题“（一）1.理论学习不深入”), never an internal id like p1.1. Quotes
/// inside the label become single ones, as GB/T 15834 nests them
/// (原因“（三）奋斗精神‘不够凸显’”, not “…“不够凸显””).
pub(crate) fn item_name(text: &str, label: Range<usize>) -> String {
    crate::text::quoted(&crate::text::short(&text[label], 24))
}

/// Runs all rules on one document.
pub(crate) fn check(cx: &Context, rules: &[Box<dyn Rule>]) -> Vec<Diagnostic> {
    // Side by side: a single report then uses every core; with many, rayon
    // keeps the extra tasks on the thread that made them. In rule order.
    use rayon::prelude::*;
    let found: Vec<Vec<Diagnostic>> = rules
        .par_iter()
        .map(|rule| {
            let mut out = Vec::new();
            rule.check(cx, &mut out);
            out
        })
        .collect();
    let mut out = found.concat();
    absorb(&mut out);
    out
}

/// A note on words another finding already marks (a hedge that a
/// vague-problem warning labels inside its item) is said once, inside that
/// one: the reader should not meet the same words twice.
fn absorb(out: &mut Vec<Diagnostic>) {
    // (label span, index of the finding whose label it is), by start
    let mut marked: Vec<(Range<usize>, usize)> = out
        .iter()
        .enumerate()
        .flat_map(|(i, d)| d.labels.iter().map(move |l| (l.span.clone(), i)))
        .collect();
    if marked.is_empty() {
        return;
    }
    marked.sort_by_key(|(s, _)| s.start);
    // Labels are short: one that overlaps `span` starts less than this
    // many bytes before it.
    let reach = marked.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
    let mut i = 0;
    out.retain(|d| {
        let me = i;
        i += 1;
        // Only a note gives way: a warning or error is always its own.
        if d.severity != Severity::Info {
            return true;
        }
        let from = marked.partition_point(|(s, _)| s.start + reach < d.span.start);
        !marked[from..]
            .iter()
            .take_while(|(s, _)| s.start < d.span.end)
            .any(|(s, by)| {
                // The same words: the label covers most of the note (一定程度上
                // in 在一定程度上), not a word inside a longer phrase (不强 in
                // 创新意识不强, which the note names as a stock phrase).
                let shared = s
                    .end
                    .min(d.span.end)
                    .saturating_sub(s.start.max(d.span.start));
                *by != me && 2 * shared > d.span.len()
            })
    });
}

/// An empty list is no list: `Invalid` naming `field`.
fn non_empty<T>(items: &[T], field: &str) -> Result<(), Invalid> {
    if items.is_empty() {
        Err(Invalid::in_field(field, format!("`{field}` 不能为空")))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A kind added the way the registry asks: a `Params` struct with its own
    /// field, a `build`, and one line in a table. It proves the registry does
    /// not need anything else (no shared parameter struct, no name lists).
    mod shouting {
        use crate::diagnostic::Diagnostic;
        use crate::rules::{Context, Meta, Rule};
        use crate::settings::Invalid;
        use serde::Deserialize;

        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub(crate) struct Params {
            pub(crate) max_exclamations: usize,
        }

        pub(crate) struct Shouting(Meta, usize);

        pub(crate) fn build(meta: Meta, p: Params) -> Result<Box<dyn Rule>, Invalid> {
            Ok(Box::new(Shouting(meta, p.max_exclamations)))
        }

        impl Rule for Shouting {
            fn meta(&self) -> &Meta {
                &self.0
            }
            fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
                let n = cx.doc.text().matches('！').count();
                if n > self.1 {
                    out.push(self.0.diagnostic(cx.doc, 0..0, &[]));
                }
            }
        }
    }

    mod table {
        use super::shouting;
        use crate::rules::{BuildError, Kind};
        kinds! { "shouting" => shouting }
    }

    fn meta() -> Meta {
        Meta {
            id: "shouting".into(),
            severity: Severity::Info,
            scope: Vec::new(),
            message: "感叹号太多".into(),
        }
    }

    fn params(yaml: &str) -> serde_yaml::Value {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn a_kind_with_its_own_parameter_is_one_file_and_one_registry_line() {
        let kind = &table::KINDS[0];
        let mut de = <dyn erased_serde::Deserializer>::erase(params("max-exclamations: 1"));
        let rule = kind.build(meta(), &mut de).unwrap();
        let source = crate::source::Source::new("t", "好！很好！");
        let seg = crate::segment::Segmenter::new([]);
        let keywords: crate::outline::SectionKeywords =
            serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap();
        let doc = Document::build(0, &source, &seg, &keywords);
        let out = check(
            &Context {
                doc: &doc,
                links: None,
            },
            &[rule],
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].message, "感叹号太多");
        // Its parameters are typed: an unknown field is refused by name.
        let mut de = <dyn erased_serde::Deserializer>::erase(params("max-exclaim: 1"));
        let Err(BuildError::Params(e)) = kind.build(meta(), &mut de) else {
            panic!("an unknown field must be refused");
        };
        assert!(e.to_string().contains("max-exclaim"), "{e}");
    }

    fn finding(
        id: &str,
        severity: Severity,
        span: Range<usize>,
        labels: &[Range<usize>],
    ) -> Diagnostic {
        Diagnostic {
            rule: id.into(),
            severity,
            message: String::new(),
            file: 0,
            span,
            labels: labels
                .iter()
                .map(|l| crate::diagnostic::Label {
                    file: 0,
                    span: l.clone(),
                    message: String::new(),
                })
                .collect(),
            notes: Vec::new(),
            edits: Vec::new(),
            places: 1,
        }
    }

    fn absorbed(mut out: Vec<Diagnostic>) -> Vec<String> {
        absorb(&mut out);
        out.iter().map(|d| d.rule.to_string()).collect()
    }

    /// A note gives way to another finding's label that covers more than
    /// half of it; a warning never does, nor a note to its own label, nor
    /// to a label that covers half of it or less.
    #[test]
    fn a_note_is_absorbed_by_a_label_covering_most_of_it() {
        use Severity::{Info, Warning};
        let label = |l: Range<usize>| finding("vague", Warning, 0..40, &[l]);
        // Note 10..20 (10 bytes).
        let note = |sev| finding("hedge", sev, 10..20, &[]);
        assert_eq!(absorbed(vec![label(10..16), note(Info)]), ["vague"]);
        assert_eq!(absorbed(vec![label(14..20), note(Info)]), ["vague"]);
        assert_eq!(
            absorbed(vec![label(10..15), note(Info)]),
            ["vague", "hedge"]
        );
        assert_eq!(
            absorbed(vec![label(15..30), note(Info)]),
            ["vague", "hedge"]
        );
        assert_eq!(
            absorbed(vec![label(10..16), note(Warning)]),
            ["vague", "hedge"]
        );
        // Its own label does not absorb a note.
        assert_eq!(
            absorbed(vec![finding(
                "hedge",
                Info,
                10..20,
                std::slice::from_ref(&(10..20))
            )]),
            ["hedge"]
        );
        // A long label that starts well before the note still covers it,
        // next to short ones elsewhere.
        assert_eq!(
            absorbed(vec![
                finding("vague", Warning, 0..40, &[0..30, 35..36]),
                note(Info)
            ]),
            ["vague"]
        );
        // A label that starts where the note ends, or ends where it starts.
        assert_eq!(
            absorbed(vec![label(20..30), note(Info)]),
            ["vague", "hedge"]
        );
        assert_eq!(absorbed(vec![label(0..10), note(Info)]), ["vague", "hedge"]);
        // No labels at all: nothing changes.
        assert_eq!(absorbed(vec![note(Info), note(Info)]), ["hedge", "hedge"]);
    }

    #[test]
    fn an_item_name_nests_the_labels_own_quotes_as_single_ones() {
        let text = "（三）奋斗精神“不够凸显”。";
        assert_eq!(
            item_name(text, 0..text.len()),
            "“（三）奋斗精神‘不够凸显’。”"
        );
    }
}
