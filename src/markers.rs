//! Numbering markers: `一、` `（一）` `1.` `（1）` `①` `第一部分` `第一，` `一是`.
//! Vocabulary of what a report's text looks like, shared by the view (which
//! never joins a wrapped line onto a numbered one) and the outline.
//!
//! A marker's *style* says which sequence it belongs to; nesting is decided
//! later from the order in which styles appear, never from a fixed table,
//! because real reports mix styles freely.

use regex::Regex;
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Style {
    /// 一、 二、
    ChineseComma,
    /// （一） (一)
    ChineseParen,
    /// 1、 1. 1．
    Arabic,
    /// （1） (1) 1）
    ArabicParen,
    /// ① ②
    Circled,
    /// 第一部分
    Part,
    /// 第一， 第二， (其一， 其二，)
    Ordinal,
    /// 一是 二是 (at a paragraph start or inline)
    Shi,
    /// No number: a paragraph of a part that numbers none, or one opened by
    /// a bullet (● ◆ ■ • -); counted 1, 2, 3 in order.
    Paragraph,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    pub style: Style,
    pub value: u32,
    /// The marker itself, e.g. `（二）` or `二是`.
    pub span: Range<usize>,
}

struct Patterns {
    start: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        // Alternation order matters: 第一部分 before 第一，; （一） before （1）.
        start: Regex::new(concat!(
            r"^(?:",
            r"(?P<part>第(?P<pn>[一二三四五六七八九十]+)部分[：:]?)",
            r"|(?P<ord>[第其](?P<on>[一二三四五六七八九十]+)[条点]?[，,、：:])",
            r"|(?P<cp>[（(](?P<cpn>[一二三四五六七八九十]+)[）)])",
            r"|(?P<ap>(?:[（(](?P<apn1>[0-9０-９]{1,2})[）)]|(?P<apn2>[0-9０-９]{1,2})[）)]))",
            r"|(?P<cc>(?P<ccn>[一二三四五六七八九十]+)[、．.])",
            // A decimal is no marker, but a date right after one is
            // (2.12月底前…, 1.2025年起…: measures open with their deadline).
            r"|(?P<ar>(?P<arn>[0-9０-９]{1,2})(?:[、．]|\.(?:[^0-9０-９]|$|(?:1[0-2]|0?[1-9])月|(?:19|20)[0-9]{2}年)))",
            r"|(?P<ci>[①-⑳])",
            r"|(?P<shi>(?P<sn>[一二三四五六七八九十]+)是)",
            r")"
        ))
        .expect("valid marker regex"),
    })
}

/// Parses the marker at the start of `text` (already trimmed), if any.
/// `base` is the byte offset of `text` in the document.
pub(crate) fn leading_marker(text: &str, base: usize) -> Option<Marker> {
    // Most paragraphs start with prose: skip the regex unless the first
    // character can begin a marker.
    if !may_start_marker(text.chars().next()?) {
        return None;
    }
    let caps = patterns().start.captures(text)?;
    let num = |name: &str| caps.name(name).map(|m| m.as_str());
    let (style, whole, value) = if let Some(m) = caps.name("part") {
        (Style::Part, m, chinese_number(num("pn")?)?)
    } else if let Some(m) = caps.name("ord") {
        (Style::Ordinal, m, chinese_number(num("on")?)?)
    } else if let Some(m) = caps.name("cp") {
        (Style::ChineseParen, m, chinese_number(num("cpn")?)?)
    } else if let Some(m) = caps.name("ap") {
        let n = num("apn1").or(num("apn2"))?;
        (Style::ArabicParen, m, arabic(n)?)
    } else if let Some(m) = caps.name("cc") {
        (Style::ChineseComma, m, chinese_number(num("ccn")?)?)
    } else if caps.name("ar").is_some() {
        let n = num("arn")?;
        // The marker is the number and its separator, not the next character.
        let len = n.len() + text[n.len()..].chars().next()?.len_utf8();
        let value = arabic(n)?;
        return Some(Marker {
            style: Style::Arabic,
            value,
            span: base..base + len,
        });
    } else if let Some(m) = caps.name("ci") {
        let c = m.as_str().chars().next()?;
        (Style::Circled, m, c as u32 - '①' as u32 + 1)
    } else if let Some(m) = caps.name("shi") {
        (Style::Shi, m, chinese_number(num("sn")?)?)
    } else {
        return None;
    };
    if value == 0 {
        return None;
    }
    Some(Marker {
        style,
        value,
        span: base + whole.start()..base + whole.end(),
    })
}

/// Could a marker start with this character?
pub(crate) fn may_start_marker(c: char) -> bool {
    c == '第'
        || c == '其'
        || c == '（'
        || c == '('
        || c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || NUMERALS.contains(c)
        || ('①'..='⑳').contains(&c)
}

/// A number in ASCII or full-width digits (１．, from Word's full-width
/// input mode).
pub(crate) fn arabic(digits: &str) -> Option<u32> {
    digits.chars().try_fold(0u32, |n, c| {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        Some(n * 10 + d)
    })
}

pub(crate) const NUMERALS: &str = "一二三四五六七八九十";
/// What may end the text before an inline marker (a sentence, clause or colon).
const BEFORE_INLINE: &str = "。；！？：;!?:，,";
/// Closing quotes and brackets that may stand between that end and the marker.
const CLOSERS: &str = "”’」』）)";

/// Inline markers (`。二是`, `；第二，`) inside a paragraph, in order.
/// Hand-written rather than a regex: it runs on every paragraph and only
/// needs to look around the rare 是 and 第.
pub(crate) fn inline_markers(text: &str, base: usize) -> Vec<Marker> {
    let mut out = Vec::new();
    // Substring search (memchr-fast) for each character, merged in order.
    let mut hits: Vec<(usize, &str)> = text
        .match_indices('是')
        .chain(text.match_indices('第'))
        .chain(text.match_indices('其'))
        .collect();
    hits.sort_unstable_by_key(|h| h.0);
    for (at, c) in hits {
        let (start, end, digits) = if c == "是" {
            let digits = text[..at].trim_end_matches(|d| NUMERALS.contains(d));
            let start = digits.len();
            (start, at + c.len(), &text[start..at])
        } else {
            let rest = &text[at + c.len()..];
            let num_len = rest.len() - rest.trim_start_matches(|d| NUMERALS.contains(d)).len();
            // 第二条， 第三点： count as 第二， 第三：.
            let noun = rest[num_len..]
                .strip_prefix(['条', '点'])
                .map_or(0, |_| '条'.len_utf8());
            let after = rest[num_len + noun..].chars().next();
            if !after.is_some_and(|a| "，,、：:".contains(a)) {
                continue;
            }
            let end = at + c.len() + num_len + noun + after.map_or(0, char::len_utf8);
            (at, end, &rest[..num_len])
        };
        if digits.is_empty() {
            continue;
        }
        // The text before must end a sentence or clause (closers and spaces
        // allowed in between); a paragraph start is a leading marker instead.
        let before =
            text[..start].trim_end_matches(|d: char| CLOSERS.contains(d) || d.is_whitespace());
        if !before
            .chars()
            .next_back()
            .is_some_and(|p| BEFORE_INLINE.contains(p))
        {
            continue;
        }
        let Some(value) = chinese_number(digits) else {
            continue;
        };
        let style = if c == "是" {
            Style::Shi
        } else {
            Style::Ordinal
        };
        out.push(Marker {
            style,
            value,
            span: base + start..base + end,
        });
    }
    out
}

/// 一 … 九十九.
pub(crate) fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|i| i as u32 + 1)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(s: &str) -> Option<(Style, u32, &str)> {
        leading_marker(s, 0).map(|m| (m.style, m.value, &s[m.span]))
    }

    #[test]
    fn leading_markers_of_every_style() {
        assert_eq!(lead("一、查摆问题"), Some((Style::ChineseComma, 1, "一、")));
        assert_eq!(
            lead("（十二）在"),
            Some((Style::ChineseParen, 12, "（十二）"))
        );
        assert_eq!(lead("(三)在"), Some((Style::ChineseParen, 3, "(三)")));
        assert_eq!(lead("2、学习"), Some((Style::Arabic, 2, "2、")));
        assert_eq!(lead("3.学习"), Some((Style::Arabic, 3, "3.")));
        assert_eq!(lead("4．学习"), Some((Style::Arabic, 4, "4．")));
        assert_eq!(lead("（5）学习"), Some((Style::ArabicParen, 5, "（5）")));
        assert_eq!(lead("6）学习"), Some((Style::ArabicParen, 6, "6）")));
        assert_eq!(lead("②学习"), Some((Style::Circled, 2, "②")));
        assert_eq!(lead("第二部分 原因"), Some((Style::Part, 2, "第二部分")));
        // The colon of 第二部分：原因 belongs to the marker, not the heading.
        assert_eq!(lead("第二部分：原因"), Some((Style::Part, 2, "第二部分：")));
        assert_eq!(lead("第三，加强"), Some((Style::Ordinal, 3, "第三，")));
        assert_eq!(lead("其二，司法"), Some((Style::Ordinal, 2, "其二，")));
        assert_eq!(
            lead("第三条，我这人"),
            Some((Style::Ordinal, 3, "第三条，"))
        );
        assert_eq!(lead("第二点：作风"), Some((Style::Ordinal, 2, "第二点：")));
        assert_eq!(lead("第一条规定"), None);
        assert_eq!(lead("二是政治"), Some((Style::Shi, 2, "二是")));
    }

    #[test]
    fn full_width_digits_are_numbers() {
        assert_eq!(lead("１．党性"), Some((Style::Arabic, 1, "１．")));
        assert_eq!(lead("１２、党性"), Some((Style::Arabic, 12, "１２、")));
        assert_eq!(lead("（３）党性"), Some((Style::ArabicParen, 3, "（３）")));
        assert_eq!(lead("４）党性"), Some((Style::ArabicParen, 4, "４）")));
        // Other scripts' digits are not markers; nor is a decimal.
        assert_eq!(lead("١.党性"), None);
        assert_eq!(lead("６.３%的"), None);
    }

    /// Measures open with their deadline: a month or a year right after
    /// the marker's point is no decimal.
    #[test]
    fn a_date_after_the_point_is_no_decimal() {
        assert_eq!(lead("2.12月底前完成"), Some((Style::Arabic, 2, "2.")));
        assert_eq!(lead("3.2025年起每月"), Some((Style::Arabic, 3, "3.")));
        assert_eq!(lead("1.5倍"), None);
        assert_eq!(lead("2.5年来"), None);
        assert_eq!(lead("3.15日"), None);
    }

    #[test]
    fn numbers_and_words_that_are_not_markers() {
        assert_eq!(lead("2023年度"), None);
        assert_eq!(lead("1.5倍"), None);
        assert_eq!(lead("第一书记"), None);
        assert_eq!(lead("其次，学习"), None);
        assert_eq!(lead("其中，学习"), None);
        assert_eq!(lead("其一切"), None);
        assert_eq!(lead("统一是"), None);
        assert_eq!(lead("一定程度上"), None);
    }

    #[test]
    fn inline_markers_follow_sentence_ends() {
        let nouns = inline_markers("学得不深。第二条，作风漂浮。第三点：纪律。", 0);
        let values: Vec<u32> = nouns.iter().map(|m| m.value).collect();
        assert_eq!(values, [2, 3]);
        let s = "一是学习不深。二是运用不够；三是统一是关键，第二，作风。其三，纪律。其中，";
        let found: Vec<(Style, u32)> = inline_markers(s, 0)
            .iter()
            .map(|m| (m.style, m.value))
            .collect();
        assert_eq!(
            found,
            vec![
                (Style::Shi, 2),
                (Style::Shi, 3),
                (Style::Ordinal, 2),
                (Style::Ordinal, 3)
            ]
        );
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_number("九"), Some(9));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十一"), Some(11));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("三十五"), Some(35));
        assert_eq!(chinese_number("十十"), None);
    }
}
