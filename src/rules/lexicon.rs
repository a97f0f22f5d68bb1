//! [`Lexicon`]: a list of words found in text through a hash of each word's
//! first two characters.
//!
//! Why not an Aho-Corasick automaton: the rules' lists (a few to a few
//! thousand short Chinese words each) are built on every run, and building
//! their automata was a fifth of a one-report run's instructions (41 M),
//! for texts of a few thousand characters searched a few times. Hashing
//! the same lists costs 2.5 M, and the search costs less too (30 reports:
//! 100 M instructions against 144 M): most characters start no word, which
//! one bit per character says without hashing. The results are
//! aho-corasick's own (a property test below compares both), so the rules'
//! findings did not change.

use crate::text::IntMap;
use std::collections::HashMap;
use std::ops::Range;

/// An occurrence of a listed word: where, and which word (its index in the
/// list given to [`Lexicon::new`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) span: Range<usize>,
    pub(crate) word: usize,
}

pub(crate) struct Lexicon {
    words: Vec<Box<str>>,
    /// One bit per first character, by its low 16 bits.
    firsts: Box<[u64; 1024]>,
    /// One bit per hashed pair of first two characters: most characters
    /// that may start a word start none with the character after them,
    /// which this says without a lookup in `by_pair`.
    pairs: Box<[u64; 1024]>,
    /// One bit per one-character word, by its low 16 bits.
    singles: Box<[u64; 1024]>,
    /// Words of two characters or more by their first two: longest first,
    /// then in list order.
    by_pair: IntMap<Vec<u32>>,
    /// One-character words, in list order (a word may be listed twice).
    by_char: HashMap<char, Vec<u32>>,
}

fn pair(a: char, b: char) -> u64 {
    (a as u64) << 32 | b as u64
}

/// The bit of a pair in `pairs` (16 bits of a multiplicative hash).
fn pair_bit(pair: u64) -> usize {
    (pair.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

fn set(bits: &mut [u64; 1024], n: usize) {
    bits[n / 64] |= 1 << (n % 64);
}

fn get(bits: &[u64; 1024], n: usize) -> bool {
    bits[n / 64] >> (n % 64) & 1 != 0
}

impl Lexicon {
    /// The lexicon of `words`; an empty word is never found.
    pub(crate) fn new<S: AsRef<str>>(words: &[S]) -> Lexicon {
        let mut lexicon = Lexicon {
            words: Vec::with_capacity(words.len()),
            firsts: Box::new([0; 1024]),
            pairs: Box::new([0; 1024]),
            singles: Box::new([0; 1024]),
            by_pair: IntMap::default(),
            by_char: HashMap::new(),
        };
        for (id, word) in words.iter().enumerate() {
            let word = word.as_ref();
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                let n = first as usize & 0xFFFF;
                set(&mut lexicon.firsts, n);
                match chars.next() {
                    Some(second) => {
                        let p = pair(first, second);
                        set(&mut lexicon.pairs, pair_bit(p));
                        lexicon.by_pair.entry(p).or_default()
                    }
                    None => {
                        set(&mut lexicon.singles, n);
                        lexicon.by_char.entry(first).or_default()
                    }
                }
                .push(id as u32);
            }
            lexicon.words.push(word.into());
        }
        let words = &lexicon.words;
        for ids in lexicon.by_pair.values_mut() {
            // Stable: list order among words of one length.
            ids.sort_by_key(|&id| std::cmp::Reverse(words[id as usize].len()));
        }
        lexicon
    }

    fn may_start(&self, c: char) -> bool {
        get(&self.firsts, c as usize & 0xFFFF)
    }

    /// Where in `text[range]` a word may start, with the character there
    /// and the next one (within the range) when some word starts with the
    /// pair: most characters start none, which a bit for the character and
    /// one for the pair say. Each character is decoded once (this loop is
    /// most of a search).
    fn starts<'a>(
        &'a self,
        text: &'a str,
        range: Range<usize>,
    ) -> impl Iterator<Item = (usize, char, Option<char>)> + 'a {
        let mut chars = text[range.clone()].char_indices().peekable();
        std::iter::from_fn(move || loop {
            let (i, c) = chars.next()?;
            if !self.may_start(c) {
                continue;
            }
            let next = chars
                .peek()
                .map(|&(_, n)| n)
                .filter(|&n| get(&self.pairs, pair_bit(pair(c, n))));
            if next.is_some() || get(&self.singles, c as usize & 0xFFFF) {
                return Some((range.start + i, c, next));
            }
        })
    }

    /// Calls `each` with the words starting at `at` (with the character
    /// `c`, then `next` as [`Lexicon::starts`] gives it) and ending within
    /// `hay`, longest first, then in list order, until it returns false.
    fn at(
        &self,
        hay: &str,
        (at, c, next): (usize, char, Option<char>),
        mut each: impl FnMut(Hit) -> bool,
    ) {
        let rest = &hay[at..];
        let hit = |id: u32| Hit {
            span: at..at + self.words[id as usize].len(),
            word: id as usize,
        };
        let ids = next.and_then(|n| self.by_pair.get(&pair(c, n)));
        for &id in ids.into_iter().flatten() {
            if rest.starts_with(&*self.words[id as usize]) && !each(hit(id)) {
                return;
            }
        }
        if !get(&self.singles, c as usize & 0xFFFF) {
            return;
        }
        for &id in self.by_char.get(&c).into_iter().flatten() {
            if !each(hit(id)) {
                return;
            }
        }
    }

    /// The leftmost word in `text[range]`, the longest of those starting
    /// there (the first listed among equal ones).
    pub(crate) fn find(&self, text: &str, range: Range<usize>) -> Option<Hit> {
        let hay = &text[..range.end];
        let mut found = None;
        for start in self.starts(text, range) {
            self.at(hay, start, |hit| {
                found = Some(hit);
                false
            });
            if found.is_some() {
                break;
            }
        }
        found
    }

    /// Non-overlapping words in `text`, each found as by [`Lexicon::find`]
    /// from where the last one ended (the tests compare it with
    /// aho-corasick's leftmost-longest search).
    #[cfg(test)]
    pub(crate) fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Hit> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            let hit = self.find(text, at..text.len())?;
            at = hit.span.end;
            Some(hit)
        })
    }

    /// Every occurrence of every word in `text[range]`, duplicates
    /// included, in the order an automaton reports them: by end, then
    /// longest first, then in list order.
    pub(crate) fn overlapping(&self, text: &str, range: Range<usize>) -> Vec<Hit> {
        let hay = &text[..range.end];
        let mut hits = Vec::new();
        for start in self.starts(text, range) {
            self.at(hay, start, |hit| {
                hits.push(hit);
                true
            });
        }
        hits.sort_by_key(|h| (h.span.end, std::cmp::Reverse(h.span.len()), h.word));
        hits
    }
}

/// The builder of the automata a lexicon does not serve: punctuation marks
/// matched anywhere, and stock phrases on the copy stage's encoded text (not
/// UTF-8). A contiguous NFA, not the DFA aho-corasick picks for small sets:
/// texts are short and each is searched a few times, so the DFA's faster
/// search never repays its construction.
pub(crate) fn automaton_builder() -> aho_corasick::AhoCorasickBuilder {
    let mut b = aho_corasick::AhoCorasickBuilder::new();
    b.kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA));
    // Dense transitions for the first two bytes only (three by default):
    // a Chinese character is three, so the third level is wide and rarely
    // all used. 2.5 M fewer instructions for one report, none more for 100.
    b.dense_depth(2);
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, Input, MatchKind};
    use proptest::prelude::*;

    fn hits(m: impl Iterator<Item = aho_corasick::Match>) -> Vec<Hit> {
        m.map(|m| Hit {
            span: m.range(),
            word: m.pattern().as_usize(),
        })
        .collect()
    }

    #[test]
    fn longest_word_at_the_leftmost_start() {
        let l = Lexicon::new(&["不够", "不够深入", "深入", "够"]);
        let text = "学习不够深入，够了";
        let all: Vec<&str> = l.find_iter(text).map(|h| &text[h.span]).collect();
        assert_eq!(all, ["不够深入", "够"]);
        let from = text.find("够").unwrap();
        let h = l.find(text, from..text.len()).unwrap();
        assert_eq!((&text[h.span], h.word), ("够", 3));
        // A word must end within the range.
        assert_eq!(l.find(text, 0..text.find("入").unwrap()).unwrap().word, 0);
    }

    #[test]
    fn overlapping_reports_every_listed_copy() {
        let l = Lexicon::new(&["深入", "入", "深入", ""]);
        let words: Vec<usize> = l.overlapping("深入", 0..6).iter().map(|h| h.word).collect();
        assert_eq!(words, [0, 2, 1]);
        assert!(l.find("", 0..0).is_none());
    }

    // Texts and words over a few characters, some sharing their low 16
    // bits (a and 𐁡: U+0061, U+10061), so prefixes and collisions abound.
    fn word() -> impl Strategy<Value = String> {
        proptest::collection::vec(prop::sample::select(vec!['a', 'b', '不', '够', '𐁡']), 1..4)
            .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn agrees_with_aho_corasick(
            words in proptest::collection::vec(word(), 1..8),
            text in proptest::collection::vec(prop::sample::select(vec!['a', 'b', '不', '够', '𐁡', '，']), 0..30)
                .prop_map(|cs| cs.into_iter().collect::<String>()),
            cut in 0usize..30,
        ) {
            let l = Lexicon::new(&words);
            let longest = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&words).unwrap();
            let every = AhoCorasick::new(&words).unwrap();
            let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let start = ends[cut % ends.len()];
            let range = start..text.len();
            prop_assert_eq!(l.find_iter(&text).collect::<Vec<_>>(), hits(longest.find_iter(&text)));
            prop_assert_eq!(
                l.find(&text, range.clone()),
                longest.find(Input::new(&text).range(range.clone())).map(|m| Hit { span: m.range(), word: m.pattern().as_usize() })
            );
            prop_assert_eq!(
                l.overlapping(&text, range.clone()),
                hits(every.find_overlapping_iter(Input::new(&text).range(range)))
            );
        }
    }
}
