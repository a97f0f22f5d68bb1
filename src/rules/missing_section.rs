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
        // Parts inferred without headings (a 发言提纲 whose problems, causes
        // and measures open with 一是, 究其原因, 下一步) are parts: the
        // organiser reads what the report does, not its headings.
        if doc.paragraphs.is_empty() || doc.outline.sections.is_empty() {
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
            if !doc.outline.sections.iter().any(|s| s.holds(*kind)) {
                out.push(
                    self.meta
                        .diagnostic(doc, span.clone(), &[("part", kind.chinese())]),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{meta, run};

    fn found(text: &str) -> Vec<(String, String)> {
        let mut m = meta("missing", &[]);
        m.message = "缺{part}".into();
        let rule = build(
            m,
            Params {
                required: vec![
                    SectionKind::Problems,
                    SectionKind::Causes,
                    SectionKind::Measures,
                ],
                message_none: "none".into(),
                message_empty: "empty".into(),
            },
        )
        .unwrap();
        run(&*rule, text)
            .into_iter()
            .map(|s| (s.text, s.message))
            .collect()
    }

    /// Each required part that is absent is one finding at the title; no
    /// parts at all is one finding; an empty text is another.
    #[test]
    fn each_absent_part_is_found_once_at_the_title() {
        assert_eq!(
            found("对照检查材料\n一、存在的问题\n1.学习不够。\n二、整改措施\n1.加强学习。\n"),
            [("对照检查材料".to_string(), "缺原因剖析".to_string())]
        );
        assert_eq!(
            found("一、存在的问题\n1.学习不够。\n"),
            [
                ("一、存在的问题".to_string(), "缺原因剖析".to_string()),
                ("一、存在的问题".to_string(), "缺整改措施".to_string())
            ]
        );
        assert_eq!(
            found("今年以来我认真学习。\n工作有所进步。\n"),
            [("今年以来我认真学习。".to_string(), "none".to_string())]
        );
        assert_eq!(found(""), [(String::new(), "empty".to_string())]);
        assert!(found(
            "一、存在的问题\n1.学习不够。\n二、原因剖析\n1.思想放松。\n三、整改措施\n1.加强学习。\n"
        )
        .is_empty());
    }

    /// Parts inferred without headings are parts: a 发言提纲 whose points,
    /// causes and measures open with 一是, 究其原因 and 下一步 lacks none,
    /// and one with no causes lacks just those.
    #[test]
    fn inferred_parts_count_and_only_the_absent_one_is_found() {
        assert!(found(
            "发言提纲\n我存在以下不足：一是学习不够。二是作风不实。\n究其原因，主要是思想放松。\n下一步，我将：一是每月学习。二是每周走访。\n"
        )
        .is_empty());
        assert_eq!(
            found("发言提纲\n1.学习不够。\n2.作风不实。\n今后，我要加强学习。\n1.每月学习一次。\n"),
            [("发言提纲".to_string(), "缺原因剖析".to_string())]
        );
    }

    /// A 班子 report whose parts are its topics (一、在…方面, 二、…情况)
    /// has its problems under them: no problems part is missing. Topics
    /// stand for no other part.
    #[test]
    fn topic_parts_are_the_problems_part() {
        let text = "一、在带头严守政治纪律方面\n1.学习不够。\n二、在纠治形式主义方面\n1.会议偏多。\n三、原因剖析\n1.思想放松。\n四、整改措施\n1.加强学习。\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
        let no_measures = text.replace("四、整改措施\n1.加强学习。\n", "");
        assert_eq!(
            found(&no_measures),
            [(
                "一、在带头严守政治纪律方面".to_string(),
                "缺整改措施".to_string()
            )]
        );
        let no_problems = "一、原因剖析\n1.思想放松。\n二、整改措施\n1.加强学习。\n";
        assert_eq!(
            found(no_problems),
            [("一、原因剖析".to_string(), "缺查摆问题".to_string())]
        );
    }
}
