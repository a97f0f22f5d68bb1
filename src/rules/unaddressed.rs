//! `unaddressed-problem`, `unaddressed-cause`: an item no measure answers.
//!
//! Reads the document's links (see `links`); a finding says which measure
//! came closest, its score and the threshold, so it can be checked.

use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::outline::SectionKind;
use crate::settings::{in_range, Invalid};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Which items: problems or causes.
    items: SectionKind,
    /// Similarity a measure must reach (default: the links model's
    /// threshold for the item's kind).
    threshold: Option<f64>,
}

pub(crate) struct Unaddressed {
    meta: Meta,
    items: SectionKind,
    threshold: Option<f64>,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    if !matches!(params.items, SectionKind::Problems | SectionKind::Causes) {
        return Err(Invalid::in_field(
            "items",
            "`items` 须为 problems 或 causes",
        ));
    }
    if let Some(t) = params.threshold {
        in_range("threshold", t, 0.0, 1.0)?;
    }
    Ok(Box::new(Unaddressed {
        meta,
        items: params.items,
        threshold: params.threshold,
    }))
}

/// A label cut to `n` characters for a note.
pub(crate) fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

impl Rule for Unaddressed {
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
        if links.measures.is_empty() {
            // No numbered measures: missing-section or the reader must judge.
            return;
        }
        let threshold = self.threshold.unwrap_or(links.threshold_for(self.items));
        let text = doc.text();
        for link in links.items.iter().filter(|l| l.kind == self.items) {
            if link.answers(threshold).next().is_some() {
                continue;
            }
            let label = &text[link.label.clone()];
            let mut d = self.meta.diagnostic(
                doc,
                link.label.clone(),
                &[("id", &link.id), ("label", label)],
            );
            if let Some(&(k, score)) = link.scores.first() {
                let m = &links.measures[k];
                d.notes.push(format!(
                    "最接近的措施：{} 相似度 {score:.2} < {threshold:.2}",
                    short(&text[m.label.clone()], 24)
                ));
                if !link.shared.is_empty() {
                    let groups = link.shared.iter().any(|w| w.starts_with('〔'));
                    let hint = if groups {
                        "（〔〕内为同义词组）"
                    } else {
                        ""
                    };
                    d.notes
                        .push(format!("共同词语：{}{hint}", link.shared.join("、")));
                }
            }
            out.push(d);
        }
    }
}
