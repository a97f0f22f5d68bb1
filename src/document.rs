//! A document ready for the rules: its source, the view the rules read
//! (see [`crate::view`]), paragraphs, tokens and outline. Every range in a
//! document is a range of the view; [`Document::to_source`] maps it back
//! to the file. Products computed from a document (its links, its
//! fingerprints) live beside it, in their own stages, never inside it.

use crate::outline::{self, Outline, Paragraph, SectionKeywords};
use crate::segment::{Boundaries, Segmenter, Token};
use crate::source::Source;
use crate::view::View;
use std::ops::Range;

pub(crate) struct Document<'a> {
    /// Position of the document in the run's input order.
    pub(crate) index: usize,
    pub(crate) source: &'a Source,
    pub(crate) view: View<'a>,
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
        let view = View::new(source);
        let text = view.text();
        let paragraphs = outline::paragraphs(text, line_ranges(text));
        let spans: Vec<_> = paragraphs.iter().map(|p| p.span.clone()).collect();
        let tokens = seg.tokens(text, &spans);
        let boundaries = Boundaries::new(text.len(), &tokens);
        let outline = outline::parse(text, &paragraphs, keywords);
        Document {
            index,
            source,
            view,
            paragraphs,
            tokens,
            boundaries,
            outline,
        }
    }

    /// The text the rules read (the view).
    pub(crate) fn text(&self) -> &str {
        self.view.text()
    }

    /// The file's bytes of a range of the view.
    pub(crate) fn to_source(&self, r: Range<usize>) -> Range<usize> {
        self.view.to_source(r)
    }

    /// The year the report is for: from the title block (`2024年度…`, a
    /// unit on the first line and the genre on the second, or a date), else
    /// from a date line among the last three paragraphs, else from the
    /// campaign the title block names (党史学习教育: 2021).
    pub(crate) fn year(&self) -> Option<i32> {
        use crate::text::{campaign_year, is_date_line, year_in};
        let text = self.text();
        let line = |p: &Paragraph| text[p.span.clone()].trim();
        let block = || {
            self.paragraphs
                .iter()
                .take_while(|p| p.span.start < self.outline.title_end)
        };
        let mut tail = self.paragraphs.iter().rev().take(3);
        block()
            .find_map(|p| year_in(line(p)))
            .or_else(|| {
                tail.find_map(|p| Some(line(p)).filter(|l| is_date_line(l)).and_then(year_in))
            })
            .or_else(|| block().find_map(|p| campaign_year(line(p))))
    }

    /// The report's [`year`](Document::year), or failing that the latest
    /// year its problems and causes state as a fact (`2023年村级集体经济…`):
    /// a report is written in or after the years it looks back on, so this
    /// is a year it cannot be earlier than. Years before 前/底前 or in the
    /// 2030s and later are targets (2035年基本实现…), not facts.
    pub(crate) fn year_at_least(&self) -> Option<i32> {
        use crate::outline::SectionKind;
        let text = self.text();
        let target = |rest: &str| {
            ["前", "底前", "末前", "远景", "目标"]
                .iter()
                .any(|w| rest.starts_with(w))
        };
        self.year().or_else(|| {
            self.outline
                .sections
                .iter()
                .filter(|s| matches!(s.kind, SectionKind::Problems | SectionKind::Causes))
                .flat_map(|s| crate::text::years_in(&text[s.span.clone()]))
                .filter(|&(y, rest)| y < 2030 && !target(rest))
                .map(|(y, _)| y)
                .max()
        })
    }
}

/// Line ranges of `text` (without terminators); `\n`, `\r\n` and a lone
/// `\r` end a line.
fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
        {
            Some(off) => {
                let end = start + off;
                let next = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                let line = start..end;
                start = next;
                Some(line)
            }
            None => {
                done = true;
                Some(start..bytes.len())
            }
        }
    })
}
