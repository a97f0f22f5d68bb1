//! Word segmentation with jieba-rs and the genre's domain dictionary.
//!
//! One [`Segmenter`] is built per process and shared by all threads
//! (`Jieba` is `Sync`). Text is cut paragraph by paragraph so that a token
//! never crosses a line and cutting stays linear in the document size.
//!
//! Two dictionaries give the same tokens: jieba's full one (loaded in
//! 100–150 ms), or, when the texts to cut are known, only its words that
//! occur in them, found in tables compiled into the binary (`embedded`).

mod embedded;
mod idioms;
pub(crate) use idioms::{doubled_apart, one_apart, read_alike};

use jieba_rs::Jieba;
use rayon::prelude::*;
use std::ops::Range;

/// The domain dictionary shipped in `rules/`, one `word [freq [tag]]` a line.
pub(crate) const DOMAIN_DICTIONARY: &str = include_str!("../rules/dictionary.txt");

/// A token: a byte range into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
}

/// Whether `word` is a word of jieba's dictionary (a read of the tables
/// compiled in, no dictionary load).
pub(crate) fn in_dictionary(word: &str) -> bool {
    embedded::frequency(word) > 0
}

/// How often `word` occurs by jieba's dictionary, 0 if it is no word there.
pub(crate) fn dictionary_frequency(word: &str) -> u32 {
    embedded::frequency(word)
}

/// Whether `word` is a place name by jieba's dictionary (tag `ns`: 江城).
pub(crate) fn is_place_name(word: &str) -> bool {
    embedded::tag(word) == Some("ns")
}

impl Token {
    pub(crate) fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub(crate) fn text(self, text: &str) -> &str {
        &text[self.range()]
    }
}

pub struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    /// jieba's default dictionary plus the domain dictionary and `extra` words.
    pub fn new<'a>(extra: impl IntoIterator<Item = &'a str>) -> Segmenter {
        Segmenter::with_domain(Jieba::new(), extra)
    }

    /// A segmenter for `texts`: of jieba's default dictionary only the words
    /// that occur in them (or in the domain dictionary and `extra`), plus
    /// the domain dictionary and `extra` words as in [`Segmenter::new`].
    ///
    /// It cuts `texts`, and any text all of whose dictionary words occur in
    /// them, token for token as [`Segmenter::new`] does: jieba consults only
    /// the words found in the text it cuts, and the frequency total, on which
    /// every word's log-probability depends, is kept (the words left out
    /// count in it through one word that no text can contain). Other texts
    /// may be cut differently.
    pub fn for_texts<'a>(
        texts: &[&'a str],
        extra: impl IntoIterator<Item = &'a str> + Clone,
    ) -> Segmenter {
        // The dictionary lines too, so that `add_entry` sees the same words
        // and frequencies as with the full dictionary: `has_word` and
        // `suggest_freq` look up only words that occur in the word added.
        let lines: Vec<&str> = texts
            .iter()
            .copied()
            .chain([DOMAIN_DICTIONARY])
            .chain(extra.clone())
            .collect();
        let found = lines
            .par_iter()
            .fold(embedded::Found::new, |found, text| found.scan(text))
            .reduce(embedded::Found::new, embedded::Found::merge);
        let jieba = found.into_jieba();
        embedded::release();
        Segmenter::with_domain(jieba, extra)
    }

    fn with_domain<'a>(mut jieba: Jieba, extra: impl IntoIterator<Item = &'a str>) -> Segmenter {
        for line in DOMAIN_DICTIONARY.lines() {
            add_entry(&mut jieba, line);
        }
        for word in extra {
            add_entry(&mut jieba, word);
        }
        Segmenter { jieba }
    }

    /// The words of `text`, as the linter cuts them (benchmark generators
    /// train on them).
    pub fn cut<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.jieba
            .cut(text, true)
            .into_iter()
            .map(|t| t.word)
            .collect()
    }

    /// Cuts each paragraph range of `text`; whitespace-only tokens are dropped.
    pub(crate) fn tokens(&self, text: &str, paragraphs: &[Range<usize>]) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 4);
        for para in paragraphs {
            let offset = para.start;
            for t in self.jieba.cut(&text[para.clone()], true) {
                // jieba keeps runs of spaces as tokens of their own.
                if !t.word.starts_with(char::is_whitespace) {
                    out.push(Token {
                        start: (offset + t.byte_start) as u32,
                        end: (offset + t.byte_end) as u32,
                    });
                }
            }
        }
        out
    }
}

/// Adds one dictionary line; a word without a frequency gets one high enough
/// to be kept whole (jieba's `suggest_freq`). With the dictionary of
/// [`Segmenter::for_texts`] the outcome is the same as with the full one:
/// `has_word` asks for the word itself, `suggest_freq` cuts the word and
/// looks up its parts, all of them found in the line, and the total it
/// divides by is the full dictionary's.
fn add_entry(jieba: &mut Jieba, line: &str) {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return;
    }
    let mut parts = line.split_whitespace();
    let Some(word) = parts.next() else { return };
    let freq = parts.next().and_then(|f| f.parse().ok());
    let tag = parts.next();
    // A word jieba already knows keeps its frequency unless one is given:
    // lowering it would change how the surrounding text is cut.
    if freq.is_none() && jieba.has_word(word) {
        return;
    }
    let freq = freq.unwrap_or_else(|| jieba.suggest_freq(word).max(3000));
    jieba.add_word(word, Some(freq), tag);
}

/// Token boundaries of a document as a bitmap over byte offsets, so word-list
/// rules can ask "does a match start and end on a token boundary" in O(1).
pub(crate) struct Boundaries(Vec<bool>);

impl Boundaries {
    pub(crate) fn new(text_len: usize, tokens: &[Token]) -> Boundaries {
        let mut bits = vec![false; text_len + 1];
        for t in tokens {
            bits[t.start as usize] = true;
            bits[t.end as usize] = true;
        }
        Boundaries(bits)
    }

    pub(crate) fn contains(&self, range: &Range<usize>) -> bool {
        self.0.get(range.start).copied().unwrap_or(false)
            && self.0.get(range.end).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_terms_are_single_tokens_with_byte_spans() {
        let seg = Segmenter::new([]);
        let text = "召开民主生活会\n开展主题教育";
        let tokens = seg.tokens(text, &[0..21, 22..text.len()]);
        let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        assert!(words.contains(&"民主生活会"), "{words:?}");
        assert!(words.contains(&"主题教育"), "{words:?}");
        assert_eq!(tokens.last().unwrap().end as usize, text.len());
    }
}
