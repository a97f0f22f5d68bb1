//! `numbering`: a sequence of sibling markers skips or repeats a number.

use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::outline::{Marker, Style};
use crate::settings::Invalid;
use serde::Deserialize;

/// No parameters (any field is an error).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Params {}

pub(crate) struct Numbering {
    meta: Meta,
}

pub(crate) fn build(meta: Meta, _: Params) -> Result<Box<dyn Rule>, Invalid> {
    Ok(Box::new(Numbering { meta }))
}

impl Rule for Numbering {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text = doc.text();
        for group in doc.outline.sibling_groups() {
            let mut expected = 1;
            let mut previous: Option<&Marker> = None;
            for m in group {
                let this = &text[m.span.clone()];
                let what = if m.value == expected {
                    None
                } else if m.value < expected {
                    let prev = previous.map_or(String::new(), |p| text[p.span.clone()].to_string());
                    Some(format!(
                        "编号重复：“{prev}”之后又是“{this}”，应为“{}”",
                        render(m, expected, this)
                    ))
                } else {
                    let missing = render(m, expected, this);
                    match previous {
                        Some(p) => Some(format!(
                            "编号跳号：“{}”之后是“{this}”，缺少“{missing}”",
                            &text[p.span.clone()]
                        )),
                        None => Some(format!("编号从“{this}”开始，缺少“{missing}”")),
                    }
                };
                if let Some(what) = what {
                    out.push(
                        self.meta
                            .diagnostic(doc, m.span.clone(), &[("what", &what)]),
                    );
                }
                expected = m.value.max(expected - 1) + 1;
                previous = Some(m);
            }
        }
    }
}

/// How marker `m` would be written with number `n`: （二） → （三）.
fn render(m: &Marker, n: u32, written: &str) -> String {
    let numeral = match m.style {
        Style::Arabic | Style::ArabicParen => n.to_string(),
        Style::Circled => char::from_u32('①' as u32 + n - 1).map_or(n.to_string(), String::from),
        _ => chinese(n),
    };
    // Full-width digits (３．) are written back full-width.
    let full_width = |c: char| ('０'..='９').contains(&c);
    let numeral = if written.contains(full_width) {
        numeral
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect()
    } else {
        numeral
    };
    // Replace the number inside the written marker, keep its brackets.
    let is_num = |c: char| {
        c.is_ascii_digit()
            || full_width(c)
            || "一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".contains(c)
    };
    let start = written.find(is_num).unwrap_or(0);
    let len: usize = written[start..]
        .chars()
        .take_while(|&c| is_num(c))
        .map(char::len_utf8)
        .sum();
    format!(
        "{}{}{}",
        &written[..start],
        numeral,
        &written[start + len..]
    )
}

fn chinese(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", D[(n % 10) as usize]),
        _ => format!("{}十{}", D[(n / 10) as usize % 10], D[(n % 10) as usize]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markers::leading_marker;

    #[test]
    fn renders_expected_marker_in_the_written_style() {
        let m = leading_marker("（四）在", 0).unwrap();
        assert_eq!(render(&m, 3, "（四）"), "（三）");
        let m = leading_marker("二是", 0).unwrap();
        assert_eq!(render(&m, 3, "二是"), "三是");
        let m = leading_marker("12.学", 0).unwrap();
        assert_eq!(render(&m, 11, "12."), "11.");
        // Circled numbers count from ①: the n-th is n − 1 places after it.
        let m = leading_marker("③学", 0).unwrap();
        assert_eq!(render(&m, 2, "③"), "②");
        assert_eq!(render(&m, 1, "③"), "①");
        assert_eq!(chinese(23), "二十三");
        // Full-width digits stay full-width.
        let m = leading_marker("３．学", 0).unwrap();
        assert_eq!(render(&m, 1, "３．"), "１．");
        assert_eq!(render(&m, 12, "３．"), "１２．");
    }

    fn found(lines: &[&str]) -> Vec<String> {
        let rule = build(crate::rules::testing::meta("numbering", &[]), Params {}).unwrap();
        let text = format!("一、存在的问题\n{}\n", lines.join("\n"));
        crate::rules::testing::run(&*rule, &text)
            .into_iter()
            .map(|s| format!("{}|{}", s.text, s.message))
            .collect()
    }

    #[test]
    fn a_skipped_number_names_the_one_missing_and_the_count_goes_on() {
        assert_eq!(
            found(&[
                "1.学习不够。",
                "2.作风不实。",
                "4.纪律松弛。",
                "5.担当不够。"
            ]),
            ["4.|编号跳号：“2.”之后是“4.”，缺少“3.”"]
        );
        assert_eq!(
            found(&["2.学习不够。", "3.作风不实。"]),
            ["2.|编号从“2.”开始，缺少“1.”"]
        );
        assert!(found(&["1.学习不够。", "2.作风不实。", "3.纪律松弛。"]).is_empty());
    }

    /// A repeated number is one finding; the count carries on from it, so
    /// the next number in order is no finding.
    #[test]
    fn a_repeated_number_is_one_finding_and_the_next_is_expected_after_it() {
        assert_eq!(
            found(&[
                "1.学习不够。",
                "2.作风不实。",
                "2.纪律松弛。",
                "3.担当不够。"
            ]),
            ["2.|编号重复：“2.”之后又是“2.”，应为“3.”"]
        );
        // After a skip to 3, a 3 again is a repeat and 4 is expected.
        assert_eq!(
            found(&["1.学习不够。", "3.作风不实。", "3.纪律松弛。"]),
            [
                "3.|编号跳号：“1.”之后是“3.”，缺少“2.”",
                "3.|编号重复：“3.”之后又是“3.”，应为“4.”"
            ]
        );
    }

    /// Points numbered once through their aspects (（一）1. 2.（二）3.)
    /// count on from aspect to aspect; restarting under each is right too,
    /// and a skip across aspects is still found.
    #[test]
    fn points_numbered_once_through_their_aspects_count_on() {
        let through = [
            "（一）学习方面",
            "1.学习不够。",
            "2.学风不实。",
            "（二）作风方面",
            "3.作风不实。",
            "4.会议偏多。",
        ];
        assert!(found(&through).is_empty(), "{:?}", found(&through));
        let restarting = [
            "（一）学习方面",
            "1.学习不够。",
            "2.学风不实。",
            "（二）作风方面",
            "1.作风不实。",
            "2.会议偏多。",
        ];
        assert!(found(&restarting).is_empty());
        let skipped = [
            "（一）学习方面",
            "1.学习不够。",
            "2.学风不实。",
            "（二）作风方面",
            "4.作风不实。",
            "5.会议偏多。",
        ];
        assert_eq!(found(&skipped), ["4.|编号从“4.”开始，缺少“1.”"]);
    }

    #[test]
    fn chinese_numerals_up_to_ninety_nine() {
        for (n, s) in [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (15, "十五"),
            (19, "十九"),
            (20, "二十"),
            (99, "九十九"),
        ] {
            assert_eq!(chinese(n), s, "{n}");
        }
    }
}
