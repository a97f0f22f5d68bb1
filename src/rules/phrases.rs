//! The phrase language of `item-signals`: words matched on token
//! boundaries, with gaps. `取得…成效` finds 取得明显成效 and 取得了一定的
//! 成效, the gap at most `max-gap` characters inside one clause; a leading
//! or trailing `…` lets the word go on (`能够严格…` finds 能够严格遵守).
//! `(甲|乙)` offers alternatives: `(过于|太)热心` is 过于热心 and 太热心, so
//! a family of phrases is written once. A phrase ending `!甲|乙` is not
//! found right before 甲 or 乙: `外部…环境!考验` is no blame inside the
//! formulation 外部环境考验.

use super::lexicon::Lexicon;
use crate::document::Document;
use crate::settings::Invalid;
use std::collections::HashMap;
use std::ops::Range;

/// Marks that end a clause: a gap, or the reach of a negation, never
/// crosses them.
pub(super) const CLAUSE_END: &[char] = &[
    '，', '。', '；', '！', '？', '：', ',', ';', '!', '?', ':', '\n', '\r',
];

/// One phrase: the alternatives of each piece after the first (between
/// gaps; the first piece is where the lexicon found it), and whether the
/// word may go on before the first piece or after the last. A family is one
/// phrase, not the product of its groups: 没有…(收|拿)…(礼金|红包) stays one
/// entry with three pieces, where expanding it made thousands.
struct Phrase {
    rest: Vec<Vec<String>>,
    open_start: bool,
    open_end: bool,
    /// What may not follow the phrase.
    not_before: Vec<String>,
}

/// A list of phrases, found together: a lexicon of the first pieces finds
/// where each phrase may start.
pub(super) struct Phrases {
    phrases: Vec<Phrase>,
    /// Word `k` of the lexicon is a first piece of the phrases `starts[k]`.
    firsts: Lexicon,
    starts: Vec<Vec<usize>>,
    max_gap: usize,
}

impl Phrases {
    pub(super) fn new(list: &[String], max_gap: usize, field: &str) -> Result<Phrases, Invalid> {
        super::non_empty(list, field)?;
        let mut phrases = Vec::new();
        let mut firsts: Vec<String> = Vec::new();
        let mut starts: Vec<Vec<usize>> = Vec::new();
        let mut first_of: HashMap<String, usize> = HashMap::new();
        for (i, entry) in list.iter().enumerate() {
            let (entry, not_before): (&str, Vec<String>) = match entry.trim().split_once('!') {
                Some((e, n)) => (e, n.split('|').map(str::to_string).collect()),
                None => (entry.trim(), Vec::new()),
            };
            let invalid =
                |why: &str| Invalid::in_field(field, format!("`{field}` 中的“{entry}”{why}")).at(i);
            if not_before.iter().any(|n| n.is_empty() || n.contains('…')) {
                return Err(invalid(
                    "的“!”后要写不能紧跟在后面的文字（如 !考验 或 !考验|挑战）",
                ));
            }
            let mut pieces = entry
                .split('…')
                .filter(|p| !p.is_empty())
                .map(|p| alternatives(p).map_err(invalid));
            let Some(first) = pieces.next() else {
                return Err(invalid("没有文字"));
            };
            let phrase = Phrase {
                open_start: entry.starts_with('…'),
                open_end: entry.ends_with('…'),
                rest: pieces.collect::<Result<_, _>>()?,
                not_before,
            };
            for first in first? {
                // Families overlap: one phrase reached twice from one first
                // piece is one.
                match first_of.get(&first) {
                    Some(&k) if starts[k].last() == Some(&phrases.len()) => {}
                    Some(&k) => starts[k].push(phrases.len()),
                    None => {
                        first_of.insert(first.clone(), firsts.len());
                        firsts.push(first);
                        starts.push(vec![phrases.len()]);
                    }
                }
            }
            phrases.push(phrase);
        }
        let firsts = Lexicon::new(&firsts);
        Ok(Phrases {
            phrases,
            firsts,
            starts,
            max_gap,
        })
    }

    /// Where phrases occur in `region`, their ends on token boundaries or
    /// not: the segmenter's quirks (还不够高 as 还/不够高, 有所减弱 as one
    /// token) must not hide a shortfall word when the question is only
    /// whether an item names one.
    pub(super) fn spans_anywhere<'s>(
        &'s self,
        doc: &'s Document,
        region: Range<usize>,
    ) -> impl Iterator<Item = Range<usize>> + 's {
        self.occurrences(doc, region, false)
            .map(|(start, end, _)| start..end)
    }

    /// Each place a phrase occurs in `region`: its start, its end and the
    /// phrase. With `bounded`, its ends fall on token boundaries unless the
    /// phrase is open there.
    fn occurrences<'s>(
        &'s self,
        doc: &'s Document,
        region: Range<usize>,
        bounded: bool,
    ) -> impl Iterator<Item = (usize, usize, &'s Phrase)> + 's {
        let text = doc.text();
        let limit = region.end;
        let m = self.firsts.overlapping(text, region);
        m.into_iter().flat_map(move |m| {
            self.starts[m.word].iter().filter_map(move |&p| {
                let phrase = &self.phrases[p];
                // A first piece of three or more characters may start
                // inside a token: the segmenter glues a word to what
                // comes before (41天吃住在 as 天吃住/在), and three
                // characters rarely match across words by chance.
                if bounded
                    && !phrase.open_start
                    && !at_boundary(doc, m.span.start)
                    && text[m.span.clone()].chars().nth(2).is_none()
                {
                    return None;
                }
                let end = self.complete(doc, phrase, m.span.end, limit, bounded)?;
                let next = &text[end..];
                if phrase
                    .not_before
                    .iter()
                    .any(|n| next.starts_with(n.as_str()))
                {
                    return None;
                }
                Some((m.span.start, end, phrase))
            })
        })
    }

    /// Every phrase found in `region`, none inside another found one.
    pub(super) fn find(&self, doc: &Document, region: Range<usize>) -> Vec<Range<usize>> {
        let mut found: Vec<Range<usize>> = Vec::new();
        for (start, end, phrase) in self.occurrences(doc, region.clone(), true) {
            // An open end or start takes in the rest of its word, so the
            // finding quotes 能够严格遵守, not 能够严格.
            let mut span = start..end;
            if phrase.open_start {
                span.start = word_edge(doc, span.start, region.start, false);
            }
            if phrase.open_end {
                span.end = word_edge(doc, span.end, region.end, true);
            }
            found.push(span);
        }
        outermost(found)
    }

    /// Where `phrase` ends if its pieces after the first follow `at`
    /// (within `limit`): of each way to choose its alternatives, the nearest
    /// fit, and of those the one that ends last (the longest wording of
    /// the family found there). With `bounded`, the end must fall on a
    /// token boundary unless the phrase is open there.
    fn complete(
        &self,
        doc: &Document,
        phrase: &Phrase,
        at: usize,
        limit: usize,
        bounded: bool,
    ) -> Option<usize> {
        if let [last] = phrase.rest.as_slice() {
            return self.fit_last(doc, phrase, last, at, limit, bounded);
        }
        let mut choice = vec![0; phrase.rest.len()];
        let mut best = None;
        loop {
            let pieces: Vec<&str> = phrase
                .rest
                .iter()
                .zip(&choice)
                .map(|(alts, &k)| alts[k].as_str())
                .collect();
            best = best.max(self.fit(doc, phrase, &pieces, at, limit, bounded));
            // The next choice, odometer-wise; done when it wraps.
            let mut i = 0;
            loop {
                let Some(k) = choice.get_mut(i) else {
                    return best;
                };
                *k += 1;
                if *k < phrase.rest[i].len() {
                    break;
                }
                *k = 0;
                i += 1;
            }
        }
    }

    /// As [`Phrases::complete`] for a phrase of two pieces: one walk over
    /// the gap finds each alternative's nearest fit.
    fn fit_last(
        &self,
        doc: &Document,
        phrase: &Phrase,
        alternatives: &[String],
        at: usize,
        limit: usize,
        bounded: bool,
    ) -> Option<usize> {
        let text = doc.text();
        let fits = |end: usize| !bounded || phrase.open_end || at_boundary(doc, end);
        let mut fitted = vec![false; alternatives.len()];
        let mut best = None;
        let mut gap = 0;
        let mut pos = at;
        loop {
            let rest = &text[pos..limit];
            for (a, done) in alternatives.iter().zip(fitted.iter_mut()) {
                if !*done && rest.starts_with(a.as_str()) && fits(pos + a.len()) {
                    *done = true;
                    best = best.max(Some(pos + a.len()));
                }
            }
            let Some(c) = rest.chars().next() else {
                return best;
            };
            if CLAUSE_END.contains(&c) || gap == self.max_gap {
                return best;
            }
            gap += 1;
            pos += c.len_utf8();
        }
    }

    /// Where `pieces` end if they follow `at` (within `limit`), each after a
    /// gap; the nearest fit first.
    fn fit(
        &self,
        doc: &Document,
        phrase: &Phrase,
        pieces: &[&str],
        at: usize,
        limit: usize,
        bounded: bool,
    ) -> Option<usize> {
        let text = doc.text();
        let Some((next, after)) = pieces.split_first() else {
            return (!bounded || phrase.open_end || at_boundary(doc, at)).then_some(at);
        };
        // Candidate starts: `at` itself, then each character of the gap.
        // Only the phrase's two ends must fall on token boundaries: 得到…肯定
        // finds 得到市委充分肯定, where 充分肯定 is one token.
        let mut gap = 0;
        let mut pos = at;
        loop {
            if text[pos..limit].starts_with(next) {
                if let Some(end) = self.fit(doc, phrase, after, pos + next.len(), limit, bounded) {
                    return Some(end);
                }
            }
            let c = text[pos..limit].chars().next()?;
            if CLAUSE_END.contains(&c) || gap == self.max_gap {
                return None;
            }
            gap += 1;
            pos += c.len_utf8();
        }
    }
}

/// The phrases an entry stands for: each `(甲|乙|丙)` group replaced by
/// each of its alternatives in turn (groups do not nest).
fn alternatives(entry: &str) -> Result<Vec<String>, &'static str> {
    let mut out = vec![String::new()];
    let mut rest = entry;
    while let Some(open) = rest.find(['(', ')']) {
        if rest[open..].starts_with(')') {
            return Err("的括号不配对");
        }
        let close = rest[open..].find(')').ok_or("的括号不配对")? + open;
        let group = &rest[open + 1..close];
        if group.contains('(') {
            return Err("的括号不能嵌套");
        }
        let options: Vec<&str> = group.split('|').collect();
        if options.iter().any(|o| o.is_empty()) {
            return Err("的括号中有空的选项");
        }
        // `(过)?` reads as optional but would be matched as written.
        if rest[close + 1..].starts_with(['?', '？']) {
            return Err("的括号后不能跟“?”：可有可无的部分请写成两条");
        }
        let head = &rest[..open];
        out = out
            .iter()
            .flat_map(|o| options.iter().map(move |x| format!("{o}{head}{x}")))
            .collect();
        rest = &rest[close + 1..];
    }
    for o in &mut out {
        o.push_str(rest);
    }
    Ok(out)
}

fn at_boundary(doc: &Document, pos: usize) -> bool {
    doc.boundaries.contains(&(pos..pos))
}

/// The nearest token boundary from `pos` forward (or backward), not past
/// `limit`.
fn word_edge(doc: &Document, mut pos: usize, limit: usize, forward: bool) -> usize {
    let text = doc.text();
    while pos != limit && !at_boundary(doc, pos) {
        let c = if forward {
            text[pos..].chars().next()
        } else {
            text[..pos].chars().next_back()
        };
        let Some(c) = c else { break };
        if forward {
            pos += c.len_utf8();
        } else {
            pos -= c.len_utf8();
        }
    }
    pos
}

/// The spans, sorted, each once, but none that lies inside another. Sorted
/// longest first at each start, every span kept starts at or before the
/// next, so that one lies inside a kept one exactly when one ends at or
/// after it (equal spans are gone): one pass, however many spans.
fn outermost(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    spans.dedup();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut reach = None;
    for r in spans {
        if reach.is_none_or(|end| r.end > end) {
            reach = Some(r.end);
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
fn inside(a: &Range<usize>, b: &Range<usize>) -> bool {
    b.start <= a.start && a.end <= b.end && a != b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{keywords, seg};
    use crate::settings::Seg;
    use crate::source::Source;

    /// The texts `phrases` finds in `text` (one paragraph).
    fn found(phrases: &[&str], max_gap: usize, text: &str) -> Vec<String> {
        let list: Vec<String> = phrases.iter().map(|p| p.to_string()).collect();
        let p = Phrases::new(&list, max_gap, "triggers").unwrap();
        let source = Source::new("t", text);
        let doc = Document::build(0, &source, seg(), &keywords());
        p.find(&doc, 0..doc.text().len())
            .into_iter()
            .map(|r| doc.text()[r].to_string())
            .collect()
    }

    /// Groups after a gap are chosen at search time: of each choice's
    /// nearest fit, the one ending last is the phrase found.
    #[test]
    fn a_family_after_a_gap_finds_its_longest_wording() {
        let p = ["没有…(收受|接受)…(礼金|宴请)"];
        assert_eq!(
            found(&p, 20, "本人没有收受过礼金和宴请。"),
            ["没有收受过礼金和宴请"]
        );
        assert_eq!(found(&p, 20, "本人没有接受宴请。"), ["没有接受宴请"]);
        assert!(found(&p, 20, "本人没有收受，礼金退回。").is_empty());
    }

    /// `!甲|乙` after a phrase: not found right before either.
    #[test]
    fn a_phrase_is_not_found_before_what_it_excludes() {
        let p = ["(外部|宏观)…(环境|经济)!考验|挑战"];
        assert_eq!(found(&p, 20, "主要是外部环境复杂多变。"), ["外部环境"]);
        assert!(found(&p, 20, "对外部环境考验认识不深。").is_empty());
        assert!(found(&p, 20, "对宏观经济挑战估计不足。").is_empty());
        assert_eq!(found(&p, 20, "受宏观经济影响。"), ["宏观经济"]);
        // Nothing after the mark, or a gap in it, is a mistake.
        for bad in ["任务重!", "任务重!考验|", "任务重!考…验"] {
            assert!(
                Phrases::new(&[bad.to_string()], 20, "triggers").is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_gap_stays_inside_its_clause_and_its_length() {
        let p = ["取得…成效"];
        assert_eq!(found(&p, 20, "工作取得了明显成效。"), ["取得了明显成效"]);
        // No gap: 取得成效 is one token, and still found.
        assert_eq!(found(&p, 20, "工作取得成效。"), ["取得成效"]);
        // Across a comma: two clauses, no phrase.
        assert!(found(&p, 20, "取得了进展，成效还要检验。").is_empty());
        // Longer than the gap allows.
        assert!(found(&p, 3, "取得了比较明显的成效。").is_empty());
        assert_eq!(
            found(&p, 6, "取得了比较明显的成效。"),
            ["取得了比较明显的成效"]
        );
    }

    #[test]
    fn ends_fall_on_token_boundaries_unless_left_open() {
        // 任务重要 is 任务/重要: 任务重 would end inside a word.
        assert!(found(&["任务重"], 20, "这项任务重要。").is_empty());
        assert_eq!(found(&["任务重"], 20, "工作任务重。"), ["任务重"]);
        // 首都/能源: 都能 would start inside a word.
        assert!(found(&["都能"], 20, "首都能源。").is_empty());
        // 严格遵守 is one token: 能够严格 ends inside it, unless left open;
        // the finding then quotes the whole word.
        assert!(found(&["能够严格"], 20, "本人能够严格遵守党的纪律。").is_empty());
        assert_eq!(
            found(&["能够严格…"], 20, "本人能够严格遵守党的纪律。"),
            ["能够严格遵守"]
        );
        // An open start takes in the word's beginning.
        assert_eq!(found(&["…问题"], 20, "历史遗留问题多。"), ["遗留问题"]);
    }

    #[test]
    fn a_phrase_inside_another_found_one_is_dropped() {
        assert_eq!(
            found(&["条件差", "基层条件差"], 20, "基层条件差，办公条件差。"),
            ["基层条件差", "条件差"]
        );
    }

    #[test]
    fn a_phrase_of_gaps_only_is_refused() {
        let list = vec!["取得…成效".to_string(), "……".to_string()];
        let Err(e) = Phrases::new(&list, 20, "triggers") else {
            panic!("an empty phrase must be refused");
        };
        assert_eq!(e.field, [Seg::Key("triggers".into()), Seg::Index(1)]);
        assert!(Phrases::new(&[], 20, "counters").is_err());
    }

    #[test]
    fn an_optional_group_is_refused_not_matched_as_written() {
        assert!(alternatives("(未|没有)发生(过)?(一起|一次)").is_err());
        assert!(alternatives("发生(过|了)").is_ok());
    }

    #[test]
    fn alternatives_expand_to_every_phrase_of_the_family() {
        let p = ["(过于|太过|太)(热心|谦让)"];
        assert_eq!(found(&p, 20, "对群众太过热心。"), ["太过热心"]);
        assert_eq!(found(&p, 20, "为人过于谦让。"), ["过于谦让"]);
        assert_eq!(found(&p, 20, "他太热心了。"), ["太热心"]);
        assert!(found(&p, 20, "他很热心。").is_empty());
        assert_eq!(
            alternatives("甲(乙|丙)丁(戊|己)").unwrap(),
            ["甲乙丁戊", "甲乙丁己", "甲丙丁戊", "甲丙丁己"]
        );
        assert_eq!(alternatives("没有括号").unwrap(), ["没有括号"]);
    }

    #[test]
    fn a_broken_group_is_refused_naming_the_entry() {
        for bad in [
            "(过于|太热心",
            "过于)热心",
            "(过于||太)热心",
            "((过于))热心",
        ] {
            let list = vec!["取得…成效".to_string(), bad.to_string()];
            let Err(e) = Phrases::new(&list, 20, "always") else {
                panic!("{bad} must be refused");
            };
            assert_eq!(e.field, [Seg::Key("always".into()), Seg::Index(1)], "{bad}");
            assert!(e.to_string().contains(bad), "{e}");
        }
    }

    #[test]
    fn a_range_is_inside_another_only_when_strictly_within() {
        assert!(inside(&(2..4), &(0..6)));
        assert!(inside(&(0..4), &(0..6)));
        assert!(inside(&(2..6), &(0..6)));
        assert!(!inside(&(0..6), &(0..6)));
        assert!(!inside(&(0..7), &(0..6)));
        assert!(!inside(&(5..8), &(0..6)));
    }

    /// The one-pass filter keeps what comparing each span with every
    /// other would keep.
    #[test]
    fn outermost_spans_are_those_inside_no_other() {
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..500 {
            let spans: Vec<Range<usize>> = (0..next(12))
                .map(|_| {
                    let start = next(20);
                    start..start + next(6)
                })
                .collect();
            let mut naive = spans.clone();
            naive.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
            naive.dedup();
            let kept: Vec<Range<usize>> = naive
                .iter()
                .filter(|r| !naive.iter().any(|o| inside(r, o)))
                .cloned()
                .collect();
            assert_eq!(outermost(spans.clone()), kept, "{spans:?}");
        }
    }
}
