//! `pattern`: regular expressions, e.g. template residue (`placeholder`).
//! A pattern with a capture group reports the group, not the whole match,
//! so context can be required without being underlined.
//!
//! Each pattern is searched on its own: most have a literal (`某某`, `____`,
//! `*`) that the regex engine finds with a fast prefilter, which one big
//! alternation would lose.

use super::{non_empty, Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::settings::Invalid;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::ops::Range;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    patterns: Vec<PatternSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PatternSpec {
    regex: String,
    /// What the match is, for the message's `{what}`.
    what: String,
    /// A character class the character before the match must belong to:
    /// a look-behind, so the regex itself can start with a literal that the
    /// engine finds fast.
    before: Option<String>,
    /// A class the character before the match must not belong to (the
    /// start of the text passes): 202X年 but not a model number A202X.
    not_before: Option<String>,
    /// A class the character after the match must not belong to.
    not_after: Option<String>,
    /// A match on a line this regex matches is not reported (a line of
    /// asterisks is a separator, not a placeholder).
    unless_line: Option<String>,
    /// No match in a text this regex matches anywhere is reported: a report
    /// that names its units 某市、某县 has been made anonymous, and its 某某
    /// is a name withheld, not a blank left to fill.
    unless_text: Option<String>,
}

pub(crate) struct Pattern {
    meta: Meta,
    patterns: Vec<Compiled>,
}

struct Compiled {
    re: Regex,
    what: String,
    before: Option<CharClass>,
    not_before: Option<CharClass>,
    not_after: Option<CharClass>,
    unless_line: Option<Regex>,
    unless_text: Option<Regex>,
}

/// A one-character class (`before`, `not-before`, `not-after`). Read as
/// ranges when it is one (all the default rules' are): compiled as an
/// expression, a class of a hundred surnames cost more than the rule's
/// other expressions together.
pub(crate) enum CharClass {
    Ranges(Vec<(char, char)>),
    Expression(Regex),
}

/// Whether `prev`, the character before a match (none at the start of
/// the text), is in `before` and not in `not_before` (each, when given).
pub(crate) fn fits_before(
    prev: Option<char>,
    before: Option<&CharClass>,
    not_before: Option<&CharClass>,
) -> bool {
    before.is_none_or(|b| prev.is_some_and(|c| b.contains(c)))
        && not_before.is_none_or(|b| !prev.is_some_and(|c| b.contains(c)))
}

impl CharClass {
    pub(crate) fn new(class: &str) -> Result<CharClass, regex::Error> {
        use regex_syntax::hir::{Class, HirKind};
        let ranges = match regex_syntax::Parser::new()
            .parse(class)
            .as_ref()
            .map(|h| h.kind())
        {
            Ok(HirKind::Class(Class::Unicode(u))) => {
                Some(u.iter().map(|r| (r.start(), r.end())).collect())
            }
            Ok(HirKind::Literal(l)) => {
                let mut chars = std::str::from_utf8(&l.0).ok().map(str::chars);
                match (
                    chars.as_mut().and_then(Iterator::next),
                    chars.and_then(|mut c| c.next()),
                ) {
                    (Some(c), None) => Some(vec![(c, c)]),
                    _ => None,
                }
            }
            _ => None,
        };
        match ranges {
            Some(r) => Ok(CharClass::Ranges(r)),
            None => Regex::new(&format!("^(?:{class})$")).map(CharClass::Expression),
        }
    }

    pub(crate) fn contains(&self, c: char) -> bool {
        match self {
            CharClass::Ranges(r) => r
                .binary_search_by(|&(lo, hi)| {
                    if hi < c {
                        std::cmp::Ordering::Less
                    } else if lo > c {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok(),
            CharClass::Expression(e) => {
                let mut buf = [0u8; 4];
                e.is_match(c.encode_utf8(&mut buf))
            }
        }
    }
}

impl Compiled {
    /// Whether the match `m` of `hay` passes the context conditions. The
    /// line of the last match and its `unless-line` answer are kept in
    /// `line`: a one-line text of thousands of matches reads its line once.
    fn fits(
        &self,
        hay: &str,
        m: std::ops::Range<usize>,
        line: &mut Option<(Range<usize>, bool)>,
    ) -> bool {
        let prev = hay[..m.start].chars().next_back();
        let next = hay[m.end..].chars().next();
        if !fits_before(prev, self.before.as_ref(), self.not_before.as_ref()) {
            return false;
        }
        if let Some(a) = &self.not_after {
            if next.is_some_and(|c| a.contains(c)) {
                return false;
            }
        }
        if let Some(u) = &self.unless_line {
            let known = line
                .as_ref()
                .filter(|(l, _)| l.start <= m.start && m.end <= l.end);
            let unless = match known {
                Some(&(_, unless)) => unless,
                None => {
                    let start = hay[..m.start].rfind('\n').map_or(0, |i| i + 1);
                    let end = hay[m.end..].find('\n').map_or(hay.len(), |i| m.end + i);
                    let unless = u.is_match(&hay[start..end]);
                    // A match across a line break reads its lines for itself.
                    if !hay[m.clone()].contains('\n') {
                        *line = Some((start..end, unless));
                    }
                    unless
                }
            };
            if unless {
                return false;
            }
        }
        true
    }
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    non_empty(&params.patterns, "patterns")?;
    // Each pattern's expressions compile on whichever core is free: this
    // rule's were the longest single step of a one-report run's start-up.
    use rayon::prelude::*;
    let compiled: Vec<Result<Compiled, Invalid>> = params
        .patterns
        .into_par_iter()
        .enumerate()
        .map(|(i, p)| {
            let at = |key: &str, m: String| Invalid::in_field("patterns", m).at(i).then(key);
            let re = Regex::new(&p.regex)
                .map_err(|e| at("regex", format!("正则表达式 `{}` 无效：{e}", p.regex)))?;
            let invalid = |key: &str, kind: &str, v: &str, e: &dyn std::fmt::Display| {
                at(key, format!("`{key}` 的{kind} `{v}` 无效：{e}"))
            };
            let class = |key: &str, c: &Option<String>| {
                (c.as_deref())
                    .map(|v| CharClass::new(v).map_err(|e| invalid(key, "字符类", v, &e)))
                    .transpose()
            };
            let regex = |key: &str, r: &Option<String>| {
                (r.as_deref())
                    .map(|v| Regex::new(v).map_err(|e| invalid(key, "正则表达式", v, &e)))
                    .transpose()
            };
            Ok(Compiled {
                re,
                before: class("before", &p.before)?,
                not_before: class("not-before", &p.not_before)?,
                not_after: class("not-after", &p.not_after)?,
                unless_line: regex("unless-line", &p.unless_line)?,
                unless_text: regex("unless-text", &p.unless_text)?,
                what: p.what,
            })
        })
        .collect();
    // The first error in the order written, whichever finished first.
    let patterns = compiled.into_iter().collect::<Result<_, Invalid>>()?;
    Ok(Box::new(Pattern { meta, patterns }))
}

impl Rule for Pattern {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text = doc.text();
        let mut found: Vec<(Range<usize>, &str)> = Vec::new();
        // The spans found, by start, and the longest: a span overlapping a
        // new one starts less than that length before it (a text of
        // thousands of residues is not compared pair by pair).
        let mut taken: BTreeSet<(usize, usize)> = BTreeSet::new();
        let mut longest = 0;
        let live: Vec<&Compiled> = (self.patterns.iter())
            .filter(|p| !p.unless_text.as_ref().is_some_and(|u| u.is_match(text)))
            .collect();
        for region in self.meta.regions(doc) {
            let hay = &text[region.clone()];
            for p in &live {
                let mut line = None;
                for caps in p.re.captures_iter(hay) {
                    let whole = caps.get(0).expect("group 0 exists");
                    if !p.fits(hay, whole.range(), &mut line) {
                        continue;
                    }
                    let m = caps.get(1).unwrap_or(whole);
                    let span = region.start + m.start()..region.start + m.end();
                    // Several patterns may see the same residue (20XX年 and XX):
                    // the earlier pattern reports it, once.
                    let near = taken.range((span.start.saturating_sub(longest), 0)..(span.end, 0));
                    if !near
                        .into_iter()
                        .any(|&(a, b)| crate::text::overlaps(&(a..b), &span))
                    {
                        taken.insert((span.start, span.end));
                        longest = longest.max(span.len());
                        found.push((span, &p.what));
                    }
                }
            }
        }
        found.sort_by_key(|(s, _)| s.start);
        for (span, what) in found {
            let matched = &text[span.clone()];
            out.push(
                self.meta
                    .diagnostic(doc, span, &[("match", matched), ("what", what)]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A class is read as ranges, a single character as itself; anything
    /// else that matches one character is still an expression.
    #[test]
    fn character_classes_are_ranges_or_expressions() {
        let han = CharClass::new(r"[\p{Han}“，]").unwrap();
        assert!(matches!(han, CharClass::Ranges(_)));
        assert!(han.contains('吴') && han.contains('“') && han.contains('，'));
        assert!(!han.contains('A') && !han.contains('。'));
        let not = CharClass::new("[^0-9]").unwrap();
        assert!(not.contains('年') && !not.contains('7'));
        let one = CharClass::new("□").unwrap();
        assert!(matches!(one, CharClass::Ranges(_)) && one.contains('□') && !one.contains('○'));
        let either = CharClass::new("年|月份").unwrap();
        assert!(matches!(either, CharClass::Expression(_)));
        assert!(either.contains('年') && !either.contains('月'));
        assert!(CharClass::new("[").is_err());
    }
    use crate::outline::SectionKind;
    use crate::rules::testing::{meta, run};

    fn rule(patterns: &str, scope: &[SectionKind]) -> Box<dyn Rule> {
        let params: Params = serde_yaml::from_str(&format!("{{patterns: [{patterns}]}}")).unwrap();
        let mut m = meta("placeholder", scope);
        m.message = "{what}:{match}".into();
        build(m, params).unwrap()
    }

    fn found(patterns: &str, text: &str) -> Vec<String> {
        run(&*rule(patterns, &[]), text)
            .into_iter()
            .map(|s| s.message)
            .collect()
    }

    #[test]
    fn a_capture_group_is_what_is_reported() {
        let p = "{regex: '(XX)年', what: y}";
        assert_eq!(found(p, "20XX年工作。"), ["y:XX"]);
        assert_eq!(
            found("{regex: 'XX年', what: y}", "20XX年工作。"),
            ["y:XX年"]
        );
    }

    /// The character before the match must be in `before`, must not be in
    /// `not-before` (the start of the text passes), the one after must not
    /// be in `not-after` (the end passes).
    #[test]
    fn the_characters_around_a_match_are_checked() {
        let before = "{regex: '某某', what: n, before: '[：:]'}";
        assert_eq!(found(before, "姓名：某某。"), ["n:某某"]);
        assert!(found(before, "姓名某某。").is_empty());
        assert!(found(before, "某某。").is_empty());
        let not_before = "{regex: '202X', what: y, not-before: '[A-Za-z]'}";
        assert_eq!(found(not_before, "于202X年。"), ["y:202X"]);
        assert!(found(not_before, "型号A202X。").is_empty());
        assert_eq!(found(not_before, "202X年。"), ["y:202X"]);
        let not_after = "{regex: 'XX', what: x, not-after: '[A-Za-z]'}";
        assert_eq!(found(not_after, "尺码XX。"), ["x:XX"]);
        assert!(found(not_after, "尺码XXL。").is_empty());
        assert_eq!(found(not_after, "尺码XX"), ["x:XX"]);
    }

    /// `unless-line` is matched on the whole line of the match, from its
    /// first character to its last, whichever line that is.
    #[test]
    fn unless_line_is_matched_on_the_line_of_the_match_only() {
        let p = "{regex: '某某', what: n, unless-line: '^注.*某某$'}";
        assert!(found(p, "注：某某").is_empty());
        assert_eq!(found(p, "注：某某。"), ["n:某某"]);
        assert!(found(p, "学习不够。\n注：某某\n作风。").is_empty());
        assert_eq!(found(p, "注：说明。\n某某\n注：某某"), ["n:某某"]);
    }

    /// `unless-text` looks at the whole text, whichever region the match is
    /// in: one 某市 anywhere silences the pattern, other patterns still run.
    #[test]
    fn unless_text_is_matched_on_the_whole_text() {
        let p = "{regex: '某某', what: n, unless-text: '某市'}, {regex: 'XX', what: x}";
        assert_eq!(found(p, "对照检查人：某某\nXX局。"), ["n:某某", "x:XX"]);
        assert_eq!(found(p, "对照检查人：某某\nXX局。\n某市某局"), ["x:XX"]);
    }

    /// Two patterns that see the same place: the first one written
    /// reports it, once; findings come in text order.
    #[test]
    fn overlapping_matches_are_reported_once_by_the_first_pattern_in_order() {
        let p = "{regex: '20XX年', what: year}, {regex: 'XX', what: x}";
        assert_eq!(found(p, "XX同志20XX年。"), ["x:XX", "year:20XX年"]);
    }

    /// A scoped rule searches its parts; spans count from the part's start.
    #[test]
    fn matches_in_a_scoped_part_point_at_their_own_text() {
        let r = rule("{regex: '(某)某', what: n}", &[SectionKind::Measures]);
        let got = run(
            &*r,
            "一、存在的问题\n1.某某学习不够。\n二、整改措施\n1.加强某某学习。\n",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].text, "某");
        assert_eq!(got[0].message, "n:某");
    }

    #[test]
    fn a_bad_expression_is_refused_by_its_key() {
        let bad = |p: &str| {
            let params: Params = serde_yaml::from_str(&format!("{{patterns: [{p}]}}")).unwrap();
            build(meta("p", &[]), params).is_err()
        };
        assert!(bad("{regex: '(', what: x}"));
        assert!(bad("{regex: 'a', what: x, before: '['}"));
        assert!(bad("{regex: 'a', what: x, unless-line: '('}"));
        assert!(bad("{regex: 'a', what: x, unless-text: '('}"));
        assert!(!bad("{regex: 'a', what: x, before: '[a]'}"));
        assert!(build(meta("p", &[]), Params { patterns: vec![] }).is_err());
    }
}
