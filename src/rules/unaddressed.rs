//! `unaddressed-problem`, `unaddressed-cause`: an item no measure answers.
//!
//! Reads the document's links (see `links`); a finding says which measure
//! came closest, its score and the threshold, so it can be checked.

use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::outline::SectionKind;
use crate::settings::{in_range, Invalid};
use crate::text::short;
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

/// "相似度 0.09 < 0.12"; a score just under the threshold gets the digits
/// that show it is under (0.119 < 0.12, never 0.12 < 0.12).
pub(crate) fn below(score: f64, threshold: f64) -> String {
    let threshold = threshold_text(threshold);
    let limit: f64 = threshold.parse().unwrap_or(f64::INFINITY);
    let shown = (2..=6)
        .map(|digits| format!("{score:.digits$}"))
        .find(|s| s.parse::<f64>().is_ok_and(|v| v < limit))
        .unwrap_or_else(|| format!("{score}"));
    format!("相似度 {shown} < {threshold}")
}

/// A threshold with the digits it has (0.125, not 0.13).
fn threshold_text(t: f64) -> String {
    let s = format!("{t:.4}");
    let s = s.trim_end_matches('0');
    if s.ends_with('.') {
        format!("{s}0")
    } else if s.len() < 4 {
        format!("{t:.2}")
    } else {
        s.to_string()
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
                &[
                    ("id", &super::item_name(text, link.label.clone())),
                    ("label", label),
                ],
            );
            if let Some(&(k, score)) = link.scores.first() {
                let m = &links.measures[k];
                d.notes.push(format!(
                    "最接近的措施：{} {}",
                    short(&text[m.label.clone()], 24),
                    below(score, threshold)
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_score_just_under_the_threshold_never_prints_equal() {
        assert_eq!(super::below(0.1199, 0.12), "相似度 0.1199 < 0.12");
        assert_eq!(super::below(0.119, 0.12), "相似度 0.119 < 0.12");
        assert_eq!(super::below(0.089, 0.12), "相似度 0.09 < 0.12");
        assert_eq!(super::below(0.1249, 0.125), "相似度 0.12 < 0.125");
        assert_eq!(super::below(0.0, 0.1), "相似度 0.00 < 0.10");
    }

    use super::*;
    use crate::links::{Link, Links, Measure};
    use crate::rules::testing::{meta, run_linked};

    const TEXT: &str =
        "学习不够。\n思想放松。\n加强学习，改进作风，转变思想观念，提高政治能力水平。\n";

    fn span(w: &str) -> std::ops::Range<usize> {
        let at = TEXT.find(w).unwrap();
        at..at + w.len()
    }

    fn links(problem: f64, cause: f64, shared: &[&str]) -> Links {
        let link = |kind, label: &str, s: f64| Link {
            kind,
            id: label.into(),
            label: span(label),
            scores: vec![(0, s)],
            shared: shared.iter().map(|w| w.to_string()).collect(),
            floor: 0.0,
            mutual: None,
        };
        Links {
            items: vec![
                link(SectionKind::Problems, "学习不够", problem),
                link(SectionKind::Causes, "思想放松", cause),
            ],
            measures: vec![Measure {
                id: "m1".into(),
                label: span("加强学习，改进作风，转变思想观念，提高政治能力水平"),
            }],
            threshold: 0.12,
            cause_threshold: 0.07,
        }
    }

    fn found(
        items: SectionKind,
        threshold: Option<f64>,
        links: &Links,
    ) -> Vec<(String, Vec<String>)> {
        let mut m = meta("unaddressed", &[]);
        m.message = "{id}".into();
        let rule = build(m, Params { items, threshold }).unwrap();
        run_linked(&*rule, TEXT, Some(links))
            .into_iter()
            .map(|s| (s.message, s.notes))
            .collect()
    }

    #[test]
    fn only_problems_or_causes_are_judged() {
        let p = |items| Params {
            items,
            threshold: None,
        };
        assert!(build(meta("u", &[]), p(SectionKind::Problems)).is_ok());
        assert!(build(meta("u", &[]), p(SectionKind::Causes)).is_ok());
        assert!(build(meta("u", &[]), p(SectionKind::Measures)).is_err());
    }

    /// An item of the rule's kind that no measure answers at the kind's
    /// threshold (inclusive): found, with the closest measure (its label
    /// cut to 24 characters), the score and the words shared with it.
    #[test]
    fn an_unanswered_item_names_the_closest_measure_and_the_shared_words() {
        let got = found(SectionKind::Problems, None, &links(0.11, 0.0, &["学习"]));
        assert_eq!(
            got,
            [(
                "“学习不够”".to_string(),
                vec![
                    "最接近的措施：加强学习，改进作风，转变思想观念，提高政治能力水… 相似度 0.11 < 0.12"
                        .to_string(),
                    "共同词语：学习".to_string()
                ]
            )]
        );
        assert!(found(SectionKind::Problems, None, &links(0.12, 0.0, &[])).is_empty());
        // Causes by theirs.
        assert!(found(SectionKind::Causes, None, &links(0.0, 0.07, &[])).is_empty());
        let got = found(SectionKind::Causes, None, &links(0.0, 0.06, &["〔思想〕"]));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1[1], "共同词语：〔思想〕（〔〕内为同义词组）");
        // No shared words: no such note. The rule's own threshold.
        let got = found(SectionKind::Problems, Some(0.2), &links(0.15, 0.0, &[]));
        assert_eq!(got[0].1.len(), 1, "{got:?}");
        assert!(got[0].1[0].ends_with("相似度 0.15 < 0.20"), "{got:?}");
        // No measures: nothing to answer with, nothing reported.
        let mut none = links(0.0, 0.0, &[]);
        none.measures.clear();
        assert!(found(SectionKind::Problems, None, &none).is_empty());
    }

    #[test]
    fn a_threshold_is_shown_with_the_digits_it_has() {
        assert_eq!(threshold_text(0.12), "0.12");
        assert_eq!(threshold_text(0.1), "0.10");
        assert_eq!(threshold_text(0.125), "0.125");
        assert_eq!(threshold_text(0.0), "0.0");
        assert_eq!(threshold_text(1.0), "1.0");
        assert_eq!(threshold_text(0.1234), "0.1234");
    }
}
