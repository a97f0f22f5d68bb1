//! `section-order`: parts out of the usual order (problems, causes, measures).

use super::{required, Meta, Rule};
use crate::config::Params;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::outline::SectionKind;

pub struct SectionOrder {
    meta: Meta,
    order: Vec<SectionKind>,
}

pub fn build(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    Ok(Box::new(SectionOrder {
        meta,
        order: required(&params.order, "order")?.clone(),
    }))
}

impl Rule for SectionOrder {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
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
