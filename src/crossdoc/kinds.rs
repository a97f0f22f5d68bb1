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

#[cfg(test)]
mod tests {
    use super::*;

    fn add(
        rules: &mut CrossRules,
        kind: CrossKind,
        id: &str,
        yaml: &str,
    ) -> Result<(), BuildError> {
        let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
        let mut de = <dyn erased_serde::Deserializer>::erase(value);
        rules.add(kind, crate::rules::testing::meta(id, &[]), &mut de)
    }

    #[test]
    fn each_kind_has_its_yaml_name() {
        for (name, kind) in [
            ("whole-copy", CrossKind::Whole),
            ("shared-passage", CrossKind::Shared),
            ("template-copy", CrossKind::Template),
            ("repeated-passage", CrossKind::Repeated),
        ] {
            assert_eq!(CrossKind::named(name), Some(kind));
        }
        assert_eq!(CrossKind::named("word-list"), None);
    }

    /// Each kind fills its own slot, the first instance kept; rules can be
    /// dropped by id; the rules are empty only with no slot filled.
    #[test]
    fn the_first_instance_of_each_kind_is_kept_and_ids_can_be_dropped() {
        let mut rules = CrossRules::default();
        assert!(rules.is_empty());
        add(&mut rules, CrossKind::Shared, "shared", "{min-chars: 30}").unwrap();
        add(&mut rules, CrossKind::Shared, "shared2", "{}").unwrap();
        assert!(!rules.is_empty());
        assert_eq!(rules.ids().collect::<Vec<_>>(), ["shared"]);
        assert_eq!(rules.shared.as_ref().unwrap().min_chars, Some(30));
        for (kind, id) in [
            (CrossKind::Whole, "whole"),
            (CrossKind::Template, "template"),
            (CrossKind::Repeated, "repeated"),
        ] {
            add(&mut rules, kind, id, "{message-many: m}").unwrap();
        }
        assert_eq!(
            rules.ids().collect::<Vec<_>>(),
            ["whole", "shared", "template", "repeated"]
        );
        assert_eq!(
            rules.whole.as_ref().unwrap().message_many.as_deref(),
            Some("m")
        );
        rules.retain(|id| id != "template" && id != "whole");
        assert_eq!(rules.ids().collect::<Vec<_>>(), ["shared", "repeated"]);
        rules.retain(|_| false);
        assert!(rules.is_empty());
        // Each slot alone makes the rules non-empty.
        for kind in [CrossKind::Whole, CrossKind::Template, CrossKind::Repeated] {
            let mut one = CrossRules::default();
            add(&mut one, kind, "x", "{}").unwrap();
            assert!(!one.is_empty());
        }
    }

    #[test]
    fn min_chars_is_checked_and_unknown_fields_refused() {
        let mut rules = CrossRules::default();
        assert!(matches!(
            add(&mut rules, CrossKind::Shared, "s", "{min-chars: 0}"),
            Err(BuildError::Invalid(_))
        ));
        assert!(add(&mut rules, CrossKind::Shared, "s", "{min-chars: 1}").is_ok());
        assert!(matches!(
            add(&mut rules, CrossKind::Shared, "s", "{min-chars: 100001}"),
            Err(BuildError::Invalid(_))
        ));
        assert!(matches!(
            add(&mut rules, CrossKind::Shared, "s", "{min-char: 5}"),
            Err(BuildError::Params(_))
        ));
    }
}
