//! The rule engine: the [`Rule`] trait, what every rule shares ([`Meta`]),
//! and the registry of rule kinds. One file per kind; instances are YAML.

mod copying;
mod formulation;
mod missing_section;
mod numbering;
mod pattern;
mod punctuation;
mod section_order;
mod unaddressed;
mod vague_item;
mod word_list;

use crate::config::{Config, ConfigError, Params, RuleEntry, Severity};
use crate::diagnostic::{fill, Diagnostic};
use crate::document::Document;
use crate::outline::SectionKind;
use std::ops::Range;
use std::sync::Arc;

/// A per-document rule.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &Meta;
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>);
    /// Whether the rule reads the document's problem–measure links.
    fn needs_links(&self) -> bool {
        false
    }
    /// For a cross-document rule: which one, and its shortest passage.
    fn cross(&self) -> Option<(CrossKind, Option<usize>)> {
        None
    }
}

/// The rules of the cross-document stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrossKind {
    Shared,
    Template,
    Repeated,
}

/// What every rule instance has, whatever its kind.
#[derive(Debug, Clone)]
pub struct Meta {
    pub id: Arc<str>,
    pub severity: Severity,
    pub scope: Vec<SectionKind>,
    pub message: String,
}

impl Meta {
    /// Byte ranges of the document the rule looks at.
    pub fn regions(&self, doc: &Document) -> Vec<Range<usize>> {
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
    pub fn diagnostic(
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
        }
    }
}

type Build = fn(Meta, &Params) -> Result<Box<dyn Rule>, String>;

/// Rule kinds by name, with the parameters each accepts.
const KINDS: &[(&str, &[&str], Build)] = &[
    ("missing-section", &["required"], missing_section::build),
    ("section-order", &["order"], section_order::build),
    ("numbering", &[], numbering::build),
    ("pattern", &["patterns"], pattern::build),
    ("formulation", &["lists", "phrases"], formulation::build),
    (
        "punctuation",
        &["half-width", "pairs", "doubled"],
        punctuation::build,
    ),
    ("word-list", &["words"], word_list::build),
    ("unaddressed", &["items", "threshold"], unaddressed::build),
    ("orphan-measure", &["threshold"], unaddressed::build_orphan),
    (
        "vague-item",
        &["items", "words", "evidence"],
        vague_item::build,
    ),
    ("shared-passage", &["min-chars"], copying::build_shared),
    ("template-copy", &["min-chars"], copying::build_template),
    ("repeated-passage", &["min-chars"], copying::build_repeated),
];

pub fn kind_names() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|k| k.0)
}

/// Builds one rule from its entry; errors point into the defining file.
pub fn build_rule(entry: &RuleEntry, config: &Config) -> Result<Box<dyn Rule>, ConfigError> {
    let spec = &entry.spec;
    let file = &config.files[entry.file];
    let Some(&(_, accepted, build)) = KINDS.iter().find(|k| k.0 == spec.kind) else {
        let known: Vec<_> = kind_names().collect();
        return Err(file.error_at(
            &entry.anchor,
            format!(
                "规则 `{}` 的类型 `{}` 不存在（可用：{}）",
                spec.id,
                spec.kind,
                known.join(", ")
            ),
        ));
    };
    if let Some(extra) = spec
        .params
        .set_fields()
        .into_iter()
        .find(|f| !accepted.contains(f))
    {
        return Err(file.error_at(
            &entry.anchor,
            format!(
                "规则 `{}`（类型 {}）不接受参数 `{extra}`",
                spec.id, spec.kind
            ),
        ));
    }
    let meta = Meta {
        id: spec.id.as_str().into(),
        severity: spec.severity,
        scope: spec.scope.clone(),
        message: spec.message.clone(),
    };
    build(meta, &spec.params)
        .map_err(|m| file.error_at(&entry.anchor, format!("规则 `{}`：{m}", spec.id)))
}

/// Builds every enabled rule of the configuration.
pub fn build_all(config: &Config) -> Result<Vec<Box<dyn Rule>>, ConfigError> {
    config.rules.iter().map(|e| build_rule(e, config)).collect()
}

/// Runs all rules on one document.
pub fn check(doc: &Document, rules: &[Box<dyn Rule>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules {
        rule.check(doc, &mut out);
    }
    out
}

fn required<'a, T>(value: &'a Option<T>, name: &str) -> Result<&'a T, String> {
    value.as_ref().ok_or_else(|| format!("缺少参数 `{name}`"))
}

/// Is the character a CJK ideograph (the Han script)?
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}
