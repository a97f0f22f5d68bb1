//! A document ready for the rules: source, paragraphs, tokens and outline.

use crate::links::Links;
use crate::outline::{self, Outline, Paragraph, SectionKeywords};
use crate::segment::{Boundaries, Segmenter, Token};
use crate::source::Source;

pub struct Document<'a> {
    /// Position of the document in the run's input order.
    pub index: usize,
    pub source: &'a Source,
    pub paragraphs: Vec<Paragraph>,
    pub tokens: Vec<Token>,
    pub boundaries: Boundaries,
    pub outline: Outline,
    /// Problem–measure links, when a rule or the outline needs them.
    pub links: Option<Links>,
}

impl<'a> Document<'a> {
    pub fn build(
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
            links: None,
        }
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }
}
