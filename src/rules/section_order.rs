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
        // Problem by problem, each group runs in order and the parts repeat.
        if doc.outline.by_problem {
            return;
        }
        let mut latest: Option<(usize, SectionKind)> = None;
        // Only the parts the report heads: a part that continues one before
        // it (problems going on after causes labelled inside them) is that
        // part, and parts opened inside a part (究其原因…, 问题一：… 整改措施：…
        // under 一、问题及整改) are in the order of the part that holds them.
        let headed = doc.outline.sections.iter();
        for section in headed.filter(|s| !s.continues && !s.announced) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{meta, run};

    fn found(text: &str) -> Vec<(String, String)> {
        let mut m = meta("order", &[]);
        m.message = "{part}<{after}".into();
        let rule = build(
            m,
            Params {
                order: vec![
                    SectionKind::Problems,
                    SectionKind::Causes,
                    SectionKind::Measures,
                ],
            },
        )
        .unwrap();
        run(&*rule, text)
            .into_iter()
            .map(|s| (s.text, s.message))
            .collect()
    }

    /// A part earlier in the order than one before it is found at its
    /// heading, naming the latest part in order before it; a part again,
    /// or one not in the order, is not.
    #[test]
    fn a_part_before_its_place_is_found_at_its_heading() {
        assert_eq!(
            found("一、存在的问题\n1.学习不够。\n二、整改措施\n1.加强学习。\n三、原因剖析\n1.思想放松。\n"),
            [("三、原因剖析".to_string(), "原因剖析<整改措施".to_string())]
        );
        assert!(
            found("一、存在的问题\n1.学习不够。\n二、原因剖析\n1.思想放松。\n三、整改措施\n1.加强学习。\n")
                .is_empty()
        );
        // Two problem parts in a row are no disorder.
        assert!(
            found("一、存在的问题\n1.学习不够。\n二、存在的不足\n1.作风不实。\n三、整改措施\n1.加强学习。\n")
                .is_empty()
        );
        // Nor are the groups of a report written problem by problem.
        assert!(found(
            "材料\n问题一：学习不够。缺席4次。\n原因：思想放松。\n措施：补学4次。\n问题二：调研少。全年2次。\n原因：怕吃苦。\n措施：每月调研一次。\n"
        )
        .is_empty());
    }
}
