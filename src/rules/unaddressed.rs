//! `unaddressed-problem`, `unaddressed-cause`: an item no measure answers.
//! `orphan-measure`: a measure that answers no item.
//!
//! Both read the document's links (see `links`); a finding says which
//! measure came closest, its score and the threshold, so it can be checked.

use super::{Meta, Rule};
use crate::config::Params;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::outline::SectionKind;

pub struct Unaddressed {
    meta: Meta,
    items: SectionKind,
    threshold: Option<f64>,
}

pub struct OrphanMeasure {
    meta: Meta,
    threshold: Option<f64>,
}

pub fn build(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    let items = params
        .items
        .ok_or("缺少参数 `items`（problems 或 causes）")?;
    if !matches!(items, SectionKind::Problems | SectionKind::Causes) {
        return Err("`items` 须为 problems 或 causes".to_string());
    }
    Ok(Box::new(Unaddressed {
        meta,
        items,
        threshold: params.threshold,
    }))
}

pub fn build_orphan(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    Ok(Box::new(OrphanMeasure {
        meta,
        threshold: params.threshold,
    }))
}

/// A label cut to `n` characters for a note.
fn short(s: &str, n: usize) -> String {
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

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(links) = &doc.links else { return };
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

impl Rule for OrphanMeasure {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn needs_links(&self) -> bool {
        true
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(links) = &doc.links else { return };
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
            let mut d =
                self.meta
                    .diagnostic(doc, m.label.clone(), &[("id", &m.id), ("label", label)]);
            d.notes.push(format!(
                "最接近的条目：{} {} 相似度 {score:.2} < {threshold:.2}",
                closest.id,
                short(&text[closest.label.clone()], 24)
            ));
            out.push(d);
        }
    }
}
