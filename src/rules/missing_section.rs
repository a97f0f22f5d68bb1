//! `missing-section`: the problems, causes or measures part is absent.

use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::outline::SectionKind;
use crate::settings::Invalid;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// The parts a report must have.
    required: Vec<SectionKind>,
    /// The message when no part is recognised at all (one finding, not one
    /// per part).
    message_none: String,
    /// The message for a file with no text.
    message_empty: String,
}

pub(crate) struct MissingSection {
    meta: Meta,
    params: Params,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    Ok(Box::new(MissingSection { meta, params }))
}

impl Rule for MissingSection {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        // Document-level: point at the title, or the first line.
        let span = doc
            .outline
            .title
            .clone()
            .or_else(|| doc.paragraphs.first().map(|p| p.span.clone()))
            .unwrap_or(0..0);
        if doc.paragraphs.is_empty() || !doc.outline.has_parts() {
            let mut d = self.meta.diagnostic(doc, span, &[]);
            d.message = if doc.paragraphs.is_empty() {
                self.params.message_empty.clone()
            } else {
                self.params.message_none.clone()
            };
            out.push(d);
            return;
        }
        for kind in &self.params.required {
            if !doc.outline.sections.iter().any(|s| s.kind == *kind) {
                out.push(
                    self.meta
                        .diagnostic(doc, span.clone(), &[("part", kind.chinese())]),
                );
            }
        }
    }
}
