//! A document ready for the rules: source, paragraphs, tokens and outline.
//! Products computed from a document (its links, its fingerprints) live
//! beside it, in their own stages, never inside it.

use crate::outline::{self, Outline, Paragraph, SectionKeywords};
use crate::segment::{Boundaries, Segmenter, Token};
use crate::source::Source;

pub(crate) struct Document<'a> {
    /// Position of the document in the run's input order.
    pub(crate) index: usize,
    pub(crate) source: &'a Source,
    pub(crate) paragraphs: Vec<Paragraph>,
    pub(crate) tokens: Vec<Token>,
    pub(crate) boundaries: Boundaries,
    pub(crate) outline: Outline,
}

impl<'a> Document<'a> {
    pub(crate) fn build(
        index: usize,
        source: &'a Source,
        seg: &Segmenter,
        keywords: &SectionKeywords,
    ) -> Document<'a> {
        let text = &source.text;
        let paragraphs =
            outline::paragraphs(text, (0..source.line_count()).map(|l| source.line_range(l)));
        let spans: Vec<_> = paragraphs.iter().map(|p| p.span.clone()).collect();
        let tokens = seg.tokens(text, &spans);
        let boundaries = Boundaries::new(text.len(), &tokens);
        let outline = outline::parse(text, &paragraphs, keywords);
        Document {
            index,
            source,
            paragraphs,
            tokens,
            boundaries,
            outline,
        }
    }

    pub(crate) fn text(&self) -> &'a str {
        &self.source.text
    }
}
