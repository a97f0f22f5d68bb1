//! Character classes every stage shares (vocabulary, like `diagnostic`),
//! and a map for integer keys.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Is the character a CJK ideograph (the Han script)?
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Indents and padding: ASCII and full-width spaces, tabs, NBSP, BOM.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{feff}')
}

/// Does `s` hold at most `n` characters? Stops after `n + 1`, so a bound
/// checked against a gap that may span the whole document costs O(n).
pub(crate) fn at_most_chars(s: &str, n: usize) -> bool {
    s.len() <= n || s.chars().nth(n).is_none()
}

/// The nearest character boundary of `s` at or before byte `i`.
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest character boundary of `s` at or after byte `i`.
pub(crate) fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Do two spans of text overlap: does each start before the other ends?
/// (Spans that only touch do not; an empty span inside another does.)
pub(crate) fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A map keyed by integers whose bits are already spread (hashes, pairs of
/// ids or characters): a multiplicative hash suffices, where the default
/// one costs more than the lookup.
pub(crate) type IntMap<V> = HashMap<u64, V, IntHash>;

pub(crate) type IntHash = BuildHasherDefault<IntHasher>;

#[derive(Default, Clone, Copy)]
pub(crate) struct IntHasher(u64);

impl std::hash::Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A text cut to `n` characters, with an ellipsis when it was longer.
pub(crate) fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// A text quoted in a message: “s”, with the quotes inside it made single
/// ones, as GB/T 15834 nests them (“奋斗精神‘不够凸显’”, not “…“不够凸显””).
pub(crate) fn quoted(s: &str) -> String {
    let inner: String = s
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            c => c,
        })
        .collect();
    format!("“{inner}”")
}

/// A short line that is a date (`2025年1月10日`, `二〇二五年一月`).
pub(crate) fn is_date_line(line: &str) -> bool {
    // Ends with the date (not 1.2025年3月前完成整改, a measure).
    let end = line.trim_end_matches(|c: char| is_space(c) || "）)】".contains(c));
    line.chars().count() <= 20
        && line.contains('年')
        && (line.contains('月') || line.ends_with('年'))
        && end.ends_with(['日', '月', '年', '号'])
}

/// Campaigns whose 专题 meetings name the year they were held: a report
/// titled with one and no year is of that year (or just after it).
const CAMPAIGNS: &[(&[&str], i32)] = &[
    // 2013–2014: 党的群众路线教育实践活动.
    (&["群众路线教育实践活动"], 2013),
    // 2015: “三严三实”专题教育; 2016: “两学一做”学习教育.
    (&["三严三实"], 2015),
    (&["两学一做"], 2016),
    // 2019: “不忘初心、牢记使命”主题教育.
    (&["不忘初心", "牢记使命", "主题教育"], 2019),
    (&["不忘初心", "牢记使命", "专题"], 2019),
    (&["党史学习教育"], 2021),
    // 2023: 学习贯彻习近平新时代中国特色社会主义思想主题教育.
    (&["学习贯彻习近平新时代中国特色社会主义思想主题教育"], 2023),
    (&["党纪学习教育"], 2024),
    (&["中央八项规定精神学习教育"], 2025),
];

/// The year of the campaign a title names (党史学习教育专题民主生活会: 2021).
pub(crate) fn campaign_year(title: &str) -> Option<i32> {
    CAMPAIGNS
        .iter()
        .find(|(words, _)| words.iter().all(|w| title.contains(w)))
        .map(|(_, year)| *year)
}

const DIGITS: &str = "〇○零一二三四五六七八九";

/// The first year written in `s`: `2024年`, `2024 年度`, `二〇二四年`.
pub(crate) fn year_in(s: &str) -> Option<i32> {
    years_in(s).next().map(|(y, _)| y)
}

/// Every year written in `s`, with the characters after its 年.
pub(crate) fn years_in(s: &str) -> impl Iterator<Item = (i32, &str)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    (0..chars.len().saturating_sub(3)).filter_map(move |i| {
        let four: [char; 4] = std::array::from_fn(|k| chars[i + k].1);
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let (at, _) = chars[i + 4..].iter().find(|(_, c)| !is_space(*c))?;
        let rest = &s[*at..];
        let rest = rest.strip_prefix('年')?;
        let value = if four.iter().all(|c| c.is_ascii_digit())
            && !before.is_some_and(|c| c.is_ascii_digit())
        {
            four.iter().collect::<String>().parse().ok()
        } else if four.iter().all(|c| DIGITS.contains(*c))
            && !before.is_some_and(|c| DIGITS.contains(c))
        {
            let digit = |c: char| match DIGITS.chars().position(|d| d == c)? {
                0..=2 => Some(0),
                p => Some(p as i32 - 2),
            };
            four.iter()
                .try_fold(0, |n, &c| digit(c).map(|d| n * 10 + d))
        } else {
            None
        };
        value
            .filter(|y| (1949..=2200).contains(y))
            .map(|y| (y, rest))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn boundaries_are_found_on_either_side_within_the_text() {
        use super::{ceil_boundary, floor_boundary};
        let s = "a学b";
        assert_eq!((floor_boundary(s, 2), ceil_boundary(s, 2)), (1, 4));
        assert_eq!((floor_boundary(s, 4), ceil_boundary(s, 4)), (4, 4));
        assert_eq!((floor_boundary(s, 99), ceil_boundary(s, 99)), (5, 5));
    }

    #[test]
    fn spans_overlap_when_each_starts_before_the_other_ends() {
        use super::overlaps;
        assert!(overlaps(&(0..3), &(2..5)));
        assert!(overlaps(&(2..5), &(0..3)));
        assert!(overlaps(&(0..9), &(3..4)));
        assert!(!overlaps(&(0..3), &(3..6)));
        assert!(!overlaps(&(3..6), &(0..3)));
        assert!(overlaps(&(2..2), &(0..5)));
    }

    #[test]
    fn at_most_chars_counts_characters_not_bytes() {
        use super::at_most_chars;
        assert!(at_most_chars("", 0));
        assert!(at_most_chars("学习", 2));
        assert!(!at_most_chars("学习不够", 3));
        assert!(at_most_chars("学习不够", 4));
        assert!(!at_most_chars("abc", 2));
    }

    #[test]
    fn a_text_is_cut_after_n_characters_with_an_ellipsis() {
        use super::short;
        assert_eq!(short("学习不够", 4), "学习不够");
        assert_eq!(short("学习不够", 3), "学习不…");
        assert_eq!(short("", 0), "");
    }

    #[test]
    fn a_date_line_ends_with_its_date() {
        use super::is_date_line;
        for yes in [
            "2024年1月10日",
            "（2021年12月）",
            "二〇二三年一月",
            "2025年",
        ] {
            assert!(is_date_line(yes), "{yes}");
        }
        for no in [
            "1.2025年3月前完成全部整改。",
            "2024年1月起每月学习两次",
            "学习不够",
        ] {
            assert!(!is_date_line(no), "{no}");
        }
    }

    #[test]
    fn every_year_with_what_follows_it() {
        use super::years_in;
        let found: Vec<(i32, &str)> =
            years_in("2023年底前完成，二〇二四年度继续；12024年不算").collect();
        assert_eq!(
            found,
            [
                (2023, "底前完成，二〇二四年度继续；12024年不算"),
                (2024, "度继续；12024年不算")
            ]
        );
    }

    #[test]
    fn years() {
        use super::year_in;
        assert_eq!(
            year_in("县自然资源局局长2024年度民主生活会个人对照检查材料"),
            Some(2024)
        );
        assert_eq!(year_in("二〇二三年度民主生活会"), Some(2023));
        assert_eq!(year_in("二○二五年一月十日"), Some(2025));
        assert_eq!(year_in("2024 年 1 月"), Some(2024));
        assert_eq!(year_in("12024年"), None);
        assert_eq!(year_in("民主生活会对照检查材料"), None);
    }
}
