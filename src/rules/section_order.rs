//! `section-order`: parts out of the usual order (problems, causes, measures).

use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::outline::SectionKind;
use crate::settings::Invalid;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// The usual order of parts.
    order: Vec<SectionKind>,
}

pub(crate) struct SectionOrder {
    meta: Meta,
    order: Vec<SectionKind>,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    Ok(Box::new(SectionOrder {
        meta,
        order: params.order,
    }))
}

impl Rule for SectionOrder {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let mut latest: Option<(usize, SectionKind)> = None;
        for section in &doc.outline.sections {
            let Some(rank) = self.order.iter().position(|k| *k == section.kind) else {
                continue;
            };
            match latest {
                Some((seen, before)) if rank < seen => {
                    out.push(self.meta.diagnostic(
                        doc,
                        section.heading.clone(),
                        &[
                            ("part", section.kind.chinese()),
                            ("after", before.chinese()),
                        ],
                    ));
                }
                _ => latest = Some((rank, section.kind)),
            }
        }
    }
}
