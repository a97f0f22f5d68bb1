//! `whole-copy`, `shared-passage`, `template-copy`, `repeated-passage`: the
//! rule kinds of the cross-document stage. Their instances are YAML like every rule's;
//! what the stage receives is their resolved metadata ([`CrossRules`]), since
//! the comparison runs once for all of them after every document is read.

use crate::rules::{BuildError, Meta};
use crate::settings::count_in;
use serde::Deserialize;

/// Which cross-document rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CrossKind {
    Whole,
    Shared,
    Template,
    Repeated,
}

impl CrossKind {
    /// The kind named `name` in YAML, if it is a cross-document kind.
    pub(crate) fn named(name: &str) -> Option<CrossKind> {
        match name {
            "whole-copy" => Some(CrossKind::Whole),
            "shared-passage" => Some(CrossKind::Shared),
            "template-copy" => Some(CrossKind::Template),
            "repeated-passage" => Some(CrossKind::Repeated),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Shortest passage reported, in characters (default: `copying.guarantee`).
    min_chars: Option<usize>,
    /// The message of the one finding that stands for a report's passages
    /// when it has more than `copying.max-passages` of them.
    message_many: Option<String>,
}

/// One cross-document rule instance: what its findings say, and its
/// shortest passage.
#[derive(Debug, Clone)]
pub(crate) struct CrossRule {
    pub(crate) meta: Meta,
    pub(crate) min_chars: Option<usize>,
    /// See `Params::message_many`.
    pub(crate) message_many: Option<String>,
}

/// The cross-document rules of a run (each absent when not selected).
#[derive(Debug, Clone, Default)]
pub(crate) struct CrossRules {
    pub(crate) whole: Option<CrossRule>,
    pub(crate) shared: Option<CrossRule>,
    pub(crate) template: Option<CrossRule>,
    pub(crate) repeated: Option<CrossRule>,
}

impl CrossRules {
    /// Builds an instance of `kind` and adds it; the first instance of a
    /// kind is the one used.
    pub(crate) fn add(
        &mut self,
        kind: CrossKind,
        meta: Meta,
        params: &mut dyn erased_serde::Deserializer<'static>,
    ) -> Result<(), BuildError> {
        let params: Params = erased_serde::deserialize(params).map_err(BuildError::Params)?;
        if let Some(n) = params.min_chars {
            count_in("min-chars", n, 1, 100_000).map_err(BuildError::Invalid)?;
        }
        let slot = match kind {
            CrossKind::Whole => &mut self.whole,
            CrossKind::Shared => &mut self.shared,
            CrossKind::Template => &mut self.template,
            CrossKind::Repeated => &mut self.repeated,
        };
        slot.get_or_insert(CrossRule {
            meta,
            min_chars: params.min_chars,
            message_many: params.message_many,
        });
        Ok(())
    }

    /// Keeps the rules whose id `keep` accepts.
    pub(crate) fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        for slot in [
            &mut self.whole,
            &mut self.shared,
            &mut self.template,
            &mut self.repeated,
        ] {
            if slot.as_ref().is_some_and(|r| !keep(&r.meta.id)) {
                *slot = None;
            }
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.whole.is_none()
            && self.shared.is_none()
            && self.template.is_none()
            && self.repeated.is_none()
    }

    /// Ids of the rules present.
    pub(crate) fn ids(&self) -> impl Iterator<Item = &str> {
        [&self.whole, &self.shared, &self.template, &self.repeated]
            .into_iter()
            .flatten()
            .map(|r| &*r.meta.id)
    }
}
