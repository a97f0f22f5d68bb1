//! `missing-section`: the problems, causes or measures part is absent.

use super::{required, Meta, Rule};
use crate::config::Params;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::outline::SectionKind;

pub struct MissingSection {
    meta: Meta,
    required: Vec<SectionKind>,
}

pub fn build(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    Ok(Box::new(MissingSection {
        meta,
        required: required(&params.required, "required")?.clone(),
    }))
}

impl Rule for MissingSection {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Document-level: point at the title, or the first line.
        let span = doc
            .outline
            .title
            .clone()
            .or_else(|| doc.paragraphs.first().map(|p| p.span.clone()))
            .unwrap_or(0..0);
        for kind in &self.required {
            if !doc.outline.sections.iter().any(|s| s.kind == *kind) {
                out.push(
                    self.meta
                        .diagnostic(doc, span.clone(), &[("part", kind.chinese())]),
                );
            }
        }
    }
}
