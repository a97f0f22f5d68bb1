//! Measures that say which problems they answer: `1.（对应第1、2项）…`,
//! `针对问题三：…`, `针对第一至三个问题，…`. Problem and rectification
//! lists (问题清单、整改清单) number their measures against the problems;
//! where the author says so, that is the answer, whatever the words share.

use crate::markers::{arabic, chinese_number, NUMERALS};
use crate::outline::SectionKind;
use regex::Regex;

/// Between numbers: a list (1、2) or a range (1至3, 1-3).
const BETWEEN: &str = r"(?:[、，,和及与]|[-—~～至到])";

/// The reference pattern for these cue words (对应, 针对…), or none when
/// there are no cues (references off).
pub(crate) fn pattern(cues: &[String]) -> Option<Regex> {
    if cues.is_empty() {
        return None;
    }
    let cues: Vec<String> = cues.iter().map(|c| regex::escape(c)).collect();
    // One number, Arabic or Chinese, bracketed or not; （一）（二）:
    // bracketed numbers need no separator.
    let digits = format!(r"(?:[0-9０-９]{{1,2}}|[{NUMERALS}]{{1,3}})");
    let number = format!(r"[（(]?{digits}[）)]?");
    let list = format!(r"{number}(?:{BETWEEN}第?{number}|[（(]{digits}[）)])*");
    // 问题3 / 原因（二）: the part named before the numbers; 第1、2项（问题）:
    // an ordinal, whose unit or part must follow (第一议题 is no reference).
    let re = format!(
        r"(?:{cues})(?:上述|前述|以上|前面|查摆)*的?(?:(?P<part1>问题|原因)(?P<list1>{list})|第(?P<list2>{list})(?P<unit>项|个|条|点|类|方面)?(?P<part2>问题|原因)?)",
        cues = cues.join("|")
    );
    Some(Regex::new(&re).expect("valid reference regex"))
}

/// The part a measure's label refers to and the numbers it names (ranges
/// spelled out), or none when it names no item.
pub(crate) fn parse(re: &Regex, label: &str) -> Option<(SectionKind, Vec<u32>)> {
    for caps in re.captures_iter(label) {
        let whole = caps.get(0)?;
        let (list, part) = match (caps.name("list1"), caps.name("list2")) {
            (Some(l), _) => (l.as_str(), caps.name("part1")),
            (None, Some(l)) => {
                let closed = caps.name("unit").is_some()
                    || caps.name("part2").is_some()
                    || label[whole.end()..]
                        .chars()
                        .next()
                        .is_some_and(|c| "）)：:，,。；;".contains(c));
                if !closed {
                    continue;
                }
                (l.as_str(), caps.name("part2"))
            }
            _ => continue,
        };
        let kind = match part.map(|p| p.as_str()) {
            Some("原因") => SectionKind::Causes,
            _ => SectionKind::Problems,
        };
        if let Some(numbers) = numbers(list) {
            return Some((kind, numbers));
        }
    }
    None
}

/// `1、2` → [1, 2]; `一至三` → [1, 2, 3]; `（一）（二）`-style brackets
/// dropped. None when a number is unreadable or a range runs backwards.
fn numbers(list: &str) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let mut range_from: Option<u32> = None;
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut Vec<u32>, range_from: &mut Option<u32>| {
        if digits.is_empty() {
            return Some(());
        }
        let n = value(digits)?;
        digits.clear();
        match range_from.take() {
            Some(a) if a < n && n - a <= 20 => out.extend(a + 1..=n),
            Some(_) => return None,
            None => out.push(n),
        }
        Some(())
    };
    for c in list.chars() {
        match c {
            c if is_numeral(c) => digits.push(c),
            '-' | '—' | '~' | '～' | '至' | '到' => {
                flush(&mut digits, &mut out, &mut range_from)?;
                range_from = Some(*out.last()?);
            }
            _ => flush(&mut digits, &mut out, &mut range_from)?,
        }
    }
    flush(&mut digits, &mut out, &mut range_from)?;
    (!out.is_empty() && range_from.is_none()).then_some(out)
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || NUMERALS.contains(c)
}

fn value(digits: &str) -> Option<u32> {
    arabic(digits)
        .or_else(|| chinese_number(digits))
        .filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(label: &str) -> Option<(SectionKind, Vec<u32>)> {
        let re = pattern(&["对应".into(), "针对".into()]).unwrap();
        parse(&re, label)
    }

    #[test]
    fn references_name_the_items_a_measure_answers() {
        let p = SectionKind::Problems;
        assert_eq!(
            refs("1.（对应第1、2项）每周自学不少于5小时"),
            Some((p, vec![1, 2]))
        );
        assert_eq!(refs("（一）针对问题三：建立台账"), Some((p, vec![3])));
        assert_eq!(refs("针对第一至三个问题，我将"), Some((p, vec![1, 2, 3])));
        assert_eq!(refs("针对上述第2-4项问题"), Some((p, vec![2, 3, 4])));
        assert_eq!(refs("对应问题（一）（二）"), Some((p, vec![1, 2])));
        assert_eq!(refs("对应问题1和3"), Some((p, vec![1, 3])));
        assert_eq!(
            refs("针对原因2，加强党性锤炼"),
            Some((SectionKind::Causes, vec![2]))
        );
        assert_eq!(refs("对应第１２项"), Some((p, vec![12])));
    }

    #[test]
    fn counts_topics_and_bare_cues_are_no_references() {
        // 第一议题 is a practice, 三个方面 a count, 第三方 a party.
        assert_eq!(refs("落实“第一议题”制度，针对第一议题学习"), None);
        assert_eq!(refs("针对以上三个方面的问题，我将"), None);
        assert_eq!(refs("针对第三方评估指出的短板"), None);
        assert_eq!(refs("针对查摆出的问题，制定整改清单"), None);
        assert_eq!(refs("对应整改：每月一次"), None);
        // A range that runs backwards names nothing.
        assert_eq!(refs("对应第3至1项"), None);
        // No cues: references off.
        assert!(pattern(&[]).is_none());
    }
}
