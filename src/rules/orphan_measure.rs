//! `orphan-measure`: a measure that answers no problem and no cause.

use super::unaddressed::below;
use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::settings::{in_range, Invalid};
use crate::text::short;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::{Link, Links, Measure};
    use crate::outline::SectionKind;
    use crate::rules::testing::{meta, run_linked};

    const TEXT: &str = "学习不够。\n思想放松。\n加强学习。\n改进作风。\n";

    fn span(w: &str) -> std::ops::Range<usize> {
        let at = TEXT.find(w).unwrap();
        at..at + w.len()
    }

    /// Two measures; a problem and a cause with their scores for each.
    fn links(problem: [f64; 2], cause: [f64; 2]) -> Links {
        let link = |kind, label: &str, s: [f64; 2]| Link {
            kind,
            id: label.into(),
            label: span(label),
            scores: vec![(0, s[0]), (1, s[1])],
            shared: Vec::new(),
            floor: 0.0,
            mutual: None,
        };
        Links {
            items: vec![
                link(SectionKind::Problems, "学习不够", problem),
                link(SectionKind::Causes, "思想放松", cause),
            ],
            measures: vec![
                Measure {
                    id: "m1".into(),
                    label: span("加强学习"),
                },
                Measure {
                    id: "m2".into(),
                    label: span("改进作风"),
                },
            ],
            threshold: 0.12,
            cause_threshold: 0.07,
        }
    }

    fn found(threshold: Option<f64>, links: &Links) -> Vec<(String, Vec<String>)> {
        let mut m = meta("orphan", &[]);
        m.message = "{label}".into();
        let rule = build(m, Params { threshold }).unwrap();
        run_linked(&*rule, TEXT, Some(links))
            .into_iter()
            .map(|s| (s.message, s.notes))
            .collect()
    }

    /// A measure that reaches the threshold of one item (its kind's,
    /// inclusive) is no orphan; one that reaches none is, with the item
    /// closest to its threshold (score over threshold) named.
    #[test]
    fn an_orphan_reaches_no_items_threshold_and_names_the_closest() {
        // m1: the problem at exactly 0.12 answers it. m2: problem 0.10 of
        // 0.12 (0.83), cause 0.06 of 0.07 (0.86): the cause is closest.
        let got = found(None, &links([0.12, 0.10], [0.0, 0.06]));
        assert_eq!(
            got,
            [(
                "改进作风".to_string(),
                vec!["最接近的条目：思想放松 相似度 0.06 < 0.07".to_string()]
            )]
        );
        // A cause reaching its own, lower threshold answers the measure.
        assert!(found(None, &links([0.12, 0.10], [0.0, 0.07])).is_empty());
        // The rule's threshold, for every kind.
        let got = found(Some(0.05), &links([0.12, 0.04], [0.0, 0.03]));
        assert_eq!(
            got,
            [(
                "改进作风".to_string(),
                vec!["最接近的条目：学习不够 相似度 0.04 < 0.05".to_string()]
            )]
        );
        // No items at all: no measure can be judged.
        let mut none = links([0.0, 0.0], [0.0, 0.0]);
        none.items.clear();
        assert!(found(None, &none).is_empty());
        // An item without a score for a measure is passed over.
        let mut partial = links([0.5, 0.10], [0.5, 0.0]);
        partial.items[1].scores.retain(|&(k, _)| k == 0);
        let got = found(None, &partial);
        assert_eq!(
            got[0].1,
            ["最接近的条目：学习不够 相似度 0.10 < 0.12".to_string()]
        );
    }
}
