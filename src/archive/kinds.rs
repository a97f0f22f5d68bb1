//! The rule kinds of the archive stage (`repeated-item`, `archive-copy`,
//! `missing-followup`): instances are YAML like every rule's; they run
//! only when a check is given an archive.

use super::{copy, followup, repeated};
use crate::rules::{BuildError, Meta};
use serde::de::DeserializeOwned;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArchiveKind {
    Repeated,
    Copy,
    Followup,
}

impl ArchiveKind {
    pub(crate) const NAMES: &'static [&'static str] =
        &["repeated-item", "archive-copy", "missing-followup"];

    /// The kind named `name` in YAML, if it is an archive kind.
    pub(crate) fn named(name: &str) -> Option<ArchiveKind> {
        match name {
            "repeated-item" => Some(ArchiveKind::Repeated),
            "archive-copy" => Some(ArchiveKind::Copy),
            "missing-followup" => Some(ArchiveKind::Followup),
            _ => None,
        }
    }
}

/// The archive rules of a run.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArchiveRules {
    pub(crate) repeated: Vec<repeated::Repeated>,
    pub(crate) copy: Option<copy::ArchiveCopy>,
    pub(crate) followup: Option<followup::Followup>,
}

fn params<T: DeserializeOwned>(
    p: &mut dyn erased_serde::Deserializer<'static>,
) -> Result<T, BuildError> {
    erased_serde::deserialize(p).map_err(BuildError::Params)
}

impl ArchiveRules {
    /// Builds an instance of `kind` and adds it (the first `archive-copy`
    /// and `missing-followup` are the ones used).
    pub(crate) fn add(
        &mut self,
        kind: ArchiveKind,
        meta: Meta,
        p: &mut dyn erased_serde::Deserializer<'static>,
    ) -> Result<(), BuildError> {
        match kind {
            ArchiveKind::Repeated => {
                let r = repeated::build(meta, params(p)?).map_err(BuildError::Invalid)?;
                self.repeated.push(r);
            }
            ArchiveKind::Copy => {
                let r = copy::build(meta, params(p)?).map_err(BuildError::Invalid)?;
                self.copy.get_or_insert(r);
            }
            ArchiveKind::Followup => {
                let r = followup::build(meta, params(p)?).map_err(BuildError::Invalid)?;
                self.followup.get_or_insert(r);
            }
        }
        Ok(())
    }

    /// Keeps the rules whose id `keep` accepts.
    pub(crate) fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.repeated.retain(|r| keep(&r.meta.id));
        if self.copy.as_ref().is_some_and(|r| !keep(&r.meta.id)) {
            self.copy = None;
        }
        if self.followup.as_ref().is_some_and(|r| !keep(&r.meta.id)) {
            self.followup = None;
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.repeated.is_empty() && self.copy.is_none() && self.followup.is_none()
    }

    /// Ids of the rules present.
    pub(crate) fn ids(&self) -> impl Iterator<Item = &str> {
        self.repeated
            .iter()
            .map(|r| &*r.meta.id)
            .chain(self.copy.iter().map(|r| &*r.meta.id))
            .chain(self.followup.iter().map(|r| &*r.meta.id))
    }
}
