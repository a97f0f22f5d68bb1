//! `word-list`: listed words and phrases, matched only where both ends fall
//! on token boundaries, so 有所 does not fire inside 有所作为.

use super::lexicon::Lexicon;
use super::{non_empty, Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::settings::Invalid;
use serde::Deserialize;
use std::ops::Range;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Words and phrases matched on token boundaries.
    words: Vec<String>,
}

pub(crate) struct WordList {
    meta: Meta,
    matcher: Lexicon,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    let words: Vec<&String> = params
        .words
        .iter()
        .filter(|w| !w.trim().is_empty())
        .collect();
    non_empty(&words, "words")?;
    Ok(Box::new(WordList {
        meta,
        matcher: Lexicon::new(&words),
    }))
}

/// Non-overlapping matches on token boundaries, longest first at each
/// start. A match that fails the boundary test is retried one character
/// later, so a shorter listed word inside it can still be found.
pub(crate) fn find_on_boundaries(
    matcher: &Lexicon,
    doc: &Document,
    region: Range<usize>,
) -> Vec<Range<usize>> {
    find_words(matcher, doc, region)
        .into_iter()
        .map(|(span, _)| span)
        .collect()
}

/// As [`find_on_boundaries`], with the index of the word each match is.
pub(crate) fn find_words(
    matcher: &Lexicon,
    doc: &Document,
    region: Range<usize>,
) -> Vec<(Range<usize>, usize)> {
    find_words_where(matcher, doc, region, |_, _| false)
}

/// As [`find_words`], but a match (word, span) for which `anywhere` holds
/// needs no token boundary.
pub(crate) fn find_words_where(
    matcher: &Lexicon,
    doc: &Document,
    region: Range<usize>,
    anywhere: impl Fn(usize, &Range<usize>) -> bool,
) -> Vec<(Range<usize>, usize)> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut at = region.start;
    while let Some(m) = matcher.find(text, at..region.end) {
        let span = m.span;
        if doc.boundaries.contains(&span) || anywhere(m.word, &span) {
            at = span.end;
            out.push((span, m.word));
        } else {
            at = span.start + text[span.start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

impl Rule for WordList {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for region in self.meta.regions(doc) {
            for span in find_on_boundaries(&self.matcher, doc, region) {
                let matched = &doc.text()[span.clone()];
                out.push(self.meta.diagnostic(doc, span, &[("match", matched)]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{meta, run};

    fn rule(words: &[&str]) -> Result<Box<dyn Rule>, Invalid> {
        let mut m = meta("vague", &[]);
        m.message = "{match}".into();
        build(
            m,
            Params {
                words: words.iter().map(|w| w.to_string()).collect(),
            },
        )
    }

    fn found(words: &[&str], text: &str) -> Vec<String> {
        run(&*rule(words).unwrap(), text)
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn blank_words_are_dropped_and_a_list_of_none_is_refused() {
        assert!(rule(&[" ", ""]).is_err());
        assert!(rule(&[" ", "有所"]).is_ok());
        assert_eq!(found(&[" ", "有所"], "工作有所改进。"), ["有所"]);
    }

    /// On token boundaries only (有所 not inside 有所作为), the longest
    /// listed word at a place, every occurrence.
    #[test]
    fn words_are_found_on_token_boundaries_longest_first() {
        let words = ["有所", "有待", "有待提高"];
        assert_eq!(found(&words, "工作有所改进。"), ["有所"]);
        assert!(found(&words, "要大有所作为。").is_empty());
        assert_eq!(found(&words, "能力有待提高。"), ["有待提高"]);
        assert_eq!(
            found(&words, "工作有所改进，能力有待提高，作风有所好转。"),
            ["有所", "有待提高", "有所"]
        );
    }

    /// A match refused for its boundaries is retried one character on,
    /// where a shorter word may be accepted; accepted matches do not
    /// overlap; only the region is searched.
    #[test]
    fn a_refused_match_is_retried_one_character_on_within_the_region() {
        let source = crate::source::Source::new("t", "要大有所作为。");
        let seg = crate::segment::Segmenter::new([]);
        let keywords = serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap();
        let doc = Document::build(0, &source, &seg, &keywords);
        let m = Lexicon::new(&["有所作", "所作为"]);
        let text = doc.text();
        let all = 0..text.len();
        assert!(find_words(&m, &doc, all.clone()).is_empty());
        // The second word may stand anywhere: found after the first fails.
        let got = find_words_where(&m, &doc, all.clone(), |k, _| k == 1);
        assert_eq!(
            got,
            [(text.find("所作为").unwrap()..text.find('。').unwrap(), 1)]
        );
        // Both anywhere: the first, and not the overlapping second.
        let got = find_words_where(&m, &doc, all.clone(), |_, _| true);
        assert_eq!(
            got,
            [(text.find("有所作").unwrap()..text.find('为').unwrap(), 0)]
        );
        // A region that ends inside a word finds nothing past its end.
        let cut = 0..text.find('为').unwrap();
        assert!(find_words_where(&m, &doc, cut, |k, _| k == 1).is_empty());
    }
}
