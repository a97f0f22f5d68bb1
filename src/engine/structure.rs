//! A report's outline and links as plain data in file byte offsets, kept
//! beside the findings for renderers that draw them (the HTML report). The
//! renderers must not see documents or link models: they read only this.

use crate::document::Document;
use crate::links::Links;
use crate::outline::{Item, SectionKind};
use std::ops::Range;

/// Title, author line and parts of one report.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Structure {
    pub(crate) title: Option<Range<usize>>,
    /// The line after the title in the title block (name, post or date).
    pub(crate) author: Option<Range<usize>>,
    pub(crate) sections: Vec<StructureSection>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StructureSection {
    pub(crate) kind: SectionKind,
    /// Empty when the part is inferred (no heading).
    pub(crate) heading: Range<usize>,
    /// A topic heading (一、遵守政治纪律情况): its items are problems.
    pub(crate) topic: bool,
    /// Every item, depth first.
    pub(crate) items: Vec<StructureItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StructureItem {
    /// `p1.2`, as `outline --format json` names it.
    pub(crate) id: String,
    /// 0 for a top-level item.
    pub(crate) depth: usize,
    pub(crate) label: Range<usize>,
    pub(crate) span: Range<usize>,
    /// For the problems and causes the links score: the measures that
    /// answer it (ids, best first), empty when none does. `None` for the
    /// other items.
    pub(crate) answers: Option<Vec<String>>,
}

/// The structure of `doc` with its links (as `outline` shows them: the
/// measures at or above the model's threshold).
pub(crate) fn of(doc: &Document, links: Option<&Links>) -> Structure {
    let text = doc.text();
    let to_file = |r: &Range<usize>| doc.to_source(r.clone());
    let title = doc.outline.title.as_ref().map(to_file);
    let author = doc
        .paragraphs
        .iter()
        .filter(|p| p.span.end <= doc.outline.title_end)
        .nth(1)
        .filter(|p| !text[p.span.clone()].trim().is_empty())
        .map(|p| to_file(&p.span));
    let answers = |id: &str| -> Option<Vec<String>> {
        let links = links?;
        let link = links.items.iter().find(|l| l.id == id)?;
        Some(
            link.answers(links.threshold_for(link.kind))
                .map(|(k, _)| links.measures[k].id.clone())
                .collect(),
        )
    };
    let sections = doc
        .outline
        .sections
        .iter()
        .map(|s| {
            let mut items = Vec::new();
            for top in &s.items {
                flatten(top, 0, &mut |item, depth| {
                    items.push(StructureItem {
                        id: item.id.clone(),
                        depth,
                        label: to_file(&item.label),
                        span: to_file(&item.span),
                        answers: answers(&item.id),
                    });
                });
            }
            StructureSection {
                kind: s.kind,
                heading: to_file(&s.heading),
                topic: s.topic,
                items,
            }
        })
        .collect();
    Structure {
        title,
        author,
        sections,
    }
}

fn flatten(item: &Item, depth: usize, f: &mut dyn FnMut(&Item, usize)) {
    f(item, depth);
    for c in &item.children {
        flatten(c, depth + 1, f);
    }
}
