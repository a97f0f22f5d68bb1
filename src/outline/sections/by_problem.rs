//! Reports written problem by problem: each problem followed by its own
//! cause and measure, each opened by a label (问题一：… 原因分析：…
//! 整改措施：…), as 问题清单 and 整改台账 pasted into a report are.

use super::super::{Paragraph, SectionKeywords, SectionKind};
use super::lists_inline;
use crate::text::{is_han, is_space};

/// The longest label before the colon (存在的主要问题, 原因分析, 整改措施).
const LONGEST_LABEL: usize = 8;

/// Nouns a label ending in a full stop ends with: it names a part
/// (1.问题表现。, 2.原因剖析。, 3.整改措施。), not a problem that opens with
/// a part's word (1.问题整改不力。).
const LABEL_NOUNS: [&str; 12] = [
    "问题", "表现", "不足", "差距", "原因", "根源", "剖析", "分析", "措施", "举措", "方向", "打算",
];

/// The part a paragraph's label opens: a short run of characters and
/// digits ending in a colon at the paragraph's start, naming a part
/// (问题一：, 问题2：, 原因分析：, 整改措施：), or after the paragraph's
/// number a part's name ending in a full stop (1.问题表现。).
pub(in crate::outline) fn labelled(
    text: &str,
    p: &Paragraph,
    keywords: &SectionKeywords,
) -> Option<SectionKind> {
    let body = &text[p.span.clone()];
    let body = match &p.marker {
        Some(m) if m.span.start >= p.span.start && m.span.end <= p.span.end => {
            &text[m.span.end..p.span.end]
        }
        _ => body,
    }
    .trim_start_matches(is_space);
    let (end, mark) = body
        .char_indices()
        .take(LONGEST_LABEL + 1)
        .find(|&(_, c)| c == '：' || c == ':' || (p.marker.is_some() && c == '。'))?;
    let label = &body[..end];
    let plain = |c: char| is_han(c) || c.is_ascii_digit() || ('０'..='９').contains(&c);
    if label.is_empty() || !label.chars().all(plain) {
        return None;
    }
    if mark == '。' && !LABEL_NOUNS.iter().any(|n| label.ends_with(n)) {
        return None;
    }
    keywords
        .classify(label)
        .filter(|k| *k != SectionKind::Other)
}

/// The parts of a report written problem by problem, as (kind, first
/// paragraph, end) over `paras`: each labelled paragraph opens a part
/// running to the next label. None unless at least two problems each come
/// with a measure of their own before the next problem, and the problems
/// come first.
pub(in crate::outline) fn parts(
    text: &str,
    paras: &[Paragraph],
    keywords: &SectionKeywords,
) -> Option<Vec<(SectionKind, usize, usize)>> {
    groups(text, paras, keywords, 2)
}

/// As [`parts`], with at least `least` problems: one topic's part may hold
/// a single group (一、在理论学习方面 / 1.问题表现。… / 3.整改措施。…).
pub(in crate::outline) fn groups(
    text: &str,
    paras: &[Paragraph],
    keywords: &SectionKeywords,
    least: usize,
) -> Option<Vec<(SectionKind, usize, usize)>> {
    let mut labels: Vec<(usize, SectionKind)> = paras
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((i, labelled(text, p, keywords)?)))
        .collect();
    // A measure's own lines (整改时限：, 整改目标：) go on with it; only a
    // problem is never part of the one before.
    labels.dedup_by(|b, a| a.1 == b.1 && a.1 != SectionKind::Problems);
    if labels.first()?.1 != SectionKind::Problems {
        return None;
    }
    // Each problem's group holds a measure.
    let mut problems = 0;
    let mut answered = 0;
    let mut measured = false;
    for &(_, kind) in &labels {
        match kind {
            SectionKind::Problems => {
                problems += 1;
                measured = false;
            }
            SectionKind::Measures if !measured => {
                answered += 1;
                measured = true;
            }
            _ => {}
        }
    }
    if problems < least || answered < problems {
        return None;
    }
    // Problems added after the last group in a list of their own (此外，我
    // 还存在两个方面的不足：一是…二是…) are no part of its measure.
    let last = labels.last().map_or(0, |&(at, _)| at);
    if let Some(q) = (last + 1..paras.len()).find(|&q| {
        let body = text[paras[q].span.clone()].trim_start_matches(is_space);
        paras[q].marker.is_none() && lists_inline(body) && {
            let lead = body.find("一是").map_or(body, |at| &body[..at]);
            super::announces_problems(lead)
        }
    }) {
        labels.push((q, SectionKind::Problems));
    }
    // A numbered heading over the next group (（二）服务群众方面) ends the
    // group before it: it is none of its measure's text.
    let heading = |p: &Paragraph| {
        let line = &text[p.span.clone()];
        p.marker.is_some()
            && !line.contains('。')
            && line.chars().nth(keywords.max_heading_chars).is_none()
    };
    let parts = labels
        .iter()
        .enumerate()
        .map(|(n, &(begin, kind))| {
            let mut end = labels.get(n + 1).map_or(paras.len(), |&(next, _)| next);
            if n + 1 < labels.len() {
                while end > begin + 1 && heading(&paras[end - 1]) {
                    end -= 1;
                }
            }
            (kind, begin, end)
        })
        .collect();
    Some(parts)
}

#[cfg(test)]
mod tests {
    use crate::outline::tests::{labels, outline_of};
    use crate::outline::SectionKind::{self, *};

    fn parts(text: &str) -> (bool, Vec<(SectionKind, String, Vec<String>)>) {
        let (s, o) = outline_of(text);
        let parts = o.sections.iter().map(|sec| {
            let heading = s.text[sec.heading.clone()].to_string();
            (sec.kind, heading, labels(&s.text, &sec.items))
        });
        (o.by_problem, parts.collect())
    }

    /// Each label opens a part whose item is the text after it; a
    /// measure's own further lines (整改时限：) go on with it.
    #[test]
    fn a_report_written_problem_by_problem_has_a_part_per_label() {
        let text = "对照检查材料\n现报告如下。\n问题一：学习不够深入。今年缺席4次。\n原因分析：没有把学习摆在首位。\n整改措施：3月底前补学4次。\n整改时限：2025年3月。\n问题二：项目监管不严。1个项目渠道渗漏。\n整改措施：每季度到现场检查一次。\n";
        let (grouped, found) = parts(text);
        assert!(grouped);
        let want: Vec<(SectionKind, &str, Vec<&str>)> = vec![
            (Problems, "问题一", vec!["学习不够深入"]),
            (Causes, "原因分析", vec!["没有把学习摆在首位"]),
            (Measures, "整改措施", vec!["3月底前补学4次"]),
            (Problems, "问题二", vec!["项目监管不严"]),
            (Measures, "整改措施", vec!["每季度到现场检查一次"]),
        ];
        let want: Vec<_> = want
            .into_iter()
            .map(|(k, h, l)| (k, h.to_string(), l.iter().map(|s| s.to_string()).collect()))
            .collect();
        assert_eq!(found, want);
        let (s, o) = outline_of(text);
        assert!(s.text[o.sections[2].items[0].span.clone()].ends_with("整改时限：2025年3月。"));
    }

    /// Groups under numbered aspect headings (（二）服务群众方面): a heading
    /// over the next group is none of the measure before it.
    #[test]
    fn an_aspect_heading_over_the_next_group_ends_the_group_before() {
        let text = "对照检查材料\n（一）理论学习方面\n存在问题：学习不够深入。今年缺席4次。\n原因分析：没有把学习摆在首位。\n整改措施：3月底前补学4次。\n（二）服务群众方面\n存在问题：走访少。全年只走访3次。\n整改措施：每月走访1次。\n";
        let (grouped, found) = parts(text);
        assert!(grouped);
        let measures: Vec<_> = found.iter().filter(|p| p.0 == Measures).collect();
        assert_eq!(measures[0].2, ["3月底前补学4次"]);
        assert_eq!(measures[1].2, ["每月走访1次"]);
    }

    /// A label may follow the paragraph's number and end in a full stop
    /// when it ends in a part's noun (1.问题表现。, （2）原因剖析。, 3.整改举措。);
    /// a problem opening with a part's word (1.问题整改不力。) is no label.
    #[test]
    fn a_numbered_label_ending_in_a_full_stop_opens_a_part() {
        let text = "对照检查材料\n一、理论学习方面\n1.问题表现。学习不深，缺席2次。\n（2）原因剖析。把学习当软任务。\n3.整改举措。每月学习2次。\n二、服务群众方面\n1.问题表现。走访少，只走访3户。\n3.整改举措。每月走访2户。\n";
        let (_, found) = parts(text);
        let kinds: Vec<SectionKind> = found.iter().map(|p| p.0).collect();
        assert_eq!(
            kinds,
            [Other, Problems, Causes, Measures, Other, Problems, Measures],
            "{found:?}"
        );
        assert_eq!(found[1].2, ["学习不深，缺席2次"]);
        let plain = "对照检查材料\n一、作风方面\n1.问题整改不力。3个问题未销号。\n2.作风不实。调研只走访了2个村。\n二、纪律方面\n1.问题整改不力。2个问题未销号。\n2.原因剖析不深。只讲了客观原因。\n";
        let (_, found) = parts(plain);
        assert!(found.iter().all(|p| p.0 == Other), "{found:?}");
    }

    /// Labelled problems listed first and their measures after them are a
    /// report in parts, not problem by problem; so is a single problem.
    #[test]
    fn problems_without_a_measure_of_their_own_are_no_groups() {
        let in_parts = "一、存在的问题\n问题一：学习不够深入。\n问题二：项目监管不严。\n二、整改措施\n措施一：3月底前补学4次。\n措施二：每季度检查一次。\n";
        let (grouped, found) = parts(in_parts);
        assert!(!grouped);
        assert_eq!(found.len(), 2);
        let one = "对照检查材料\n问题：学习不够深入。\n原因：没有把学习摆在首位。\n措施：3月底前补学4次。\n";
        assert!(!parts(one).0);
    }
}
