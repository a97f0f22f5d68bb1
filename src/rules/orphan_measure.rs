//! `orphan-measure`: a measure that answers no problem and no cause.

use super::unaddressed::{below, short};
use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::settings::{in_range, Invalid};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Similarity an item must reach (default: the links model's threshold
    /// for the item's kind).
    threshold: Option<f64>,
}

pub(crate) struct OrphanMeasure {
    meta: Meta,
    threshold: Option<f64>,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    if let Some(t) = params.threshold {
        in_range("threshold", t, 0.0, 1.0)?;
    }
    Ok(Box::new(OrphanMeasure {
        meta,
        threshold: params.threshold,
    }))
}

impl Rule for OrphanMeasure {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn needs_links(&self) -> bool {
        true
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let (doc, Some(links)) = (cx.doc, cx.links) else {
            return;
        };
        if links.items.is_empty() {
            return;
        }
        let text = doc.text();
        for (k, m) in links.measures.iter().enumerate() {
            // Judge each item by its own threshold; report the closest one.
            let mut answers_any = false;
            let mut closest: Option<(&crate::links::Link, f64, f64)> = None;
            for l in &links.items {
                let Some(&(_, s)) = l.scores.iter().find(|(mk, _)| *mk == k) else {
                    continue;
                };
                let t = self.threshold.unwrap_or(links.threshold_for(l.kind));
                answers_any |= s >= t;
                if closest.is_none_or(|(_, cs, ct)| s / t > cs / ct) {
                    closest = Some((l, s, t));
                }
            }
            let Some((closest, score, threshold)) = closest else {
                continue;
            };
            if answers_any {
                continue;
            }
            let label = &text[m.label.clone()];
            let mut d = self.meta.diagnostic(
                doc,
                m.label.clone(),
                &[
                    ("id", &super::item_name(text, m.label.clone())),
                    ("label", label),
                ],
            );
            d.notes.push(format!(
                "最接近的条目：{} {}",
                short(&text[closest.label.clone()], 24),
                below(score, threshold)
            ));
            out.push(d);
        }
    }
}
