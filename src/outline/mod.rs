//! The document outline: title, sections (problems / causes / measures /
//! other), nested numbered items and sentences.
//!
//! Built from paragraphs (physical lines, trimmed of ASCII and full-width
//! spaces). Section headings are found first, then items inside each
//! section are nested by the order in which numbering styles appear.

mod classify;
pub mod numbering;

pub(crate) use classify::{SectionKeywords, SectionKind};
pub(crate) use numbering::{Marker, Style};

use crate::text::is_space;
use std::ops::Range;

/// A paragraph: one non-blank physical line, trimmed.
#[derive(Debug, Clone)]
pub(crate) struct Paragraph {
    pub span: Range<usize>,
    pub marker: Option<Marker>,
}

#[derive(Debug, Clone)]
pub(crate) struct Outline {
    /// The title line, if the report starts with one.
    pub title: Option<Range<usize>>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone)]
pub(crate) struct Section {
    pub kind: SectionKind,
    pub marker: Option<Marker>,
    /// The heading text without its trailing punctuation.
    pub heading: Range<usize>,
    /// From the heading to the start of the next section (trimmed).
    pub span: Range<usize>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// `p1.2`: section kind letter, then the index path.
    pub id: String,
    pub marker: Marker,
    /// The marker and the first sentence, e.g. `一是深刻把握内涵“有欠缺”`.
    pub label: Range<usize>,
    /// The item's whole text, children included.
    pub span: Range<usize>,
    pub children: Vec<Item>,
}

impl Item {
    /// This item and all its descendants, depth first.
    pub(crate) fn walk(&self) -> Vec<&Item> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.walk());
        }
        out
    }

    /// The deepest items under this one (itself if it has no children).
    pub(crate) fn leaves(&self) -> Vec<&Item> {
        if self.children.is_empty() {
            vec![self]
        } else {
            self.children.iter().flat_map(|c| c.leaves()).collect()
        }
    }
}

impl Section {
    pub(crate) fn leaves(&self) -> Vec<&Item> {
        self.items.iter().flat_map(|i| i.leaves()).collect()
    }
}

impl Outline {
    /// Groups of sibling markers that must count 1, 2, 3…: section headings
    /// of one style, then the children of every section and item by style.
    pub(crate) fn sibling_groups(&self) -> Vec<Vec<&Marker>> {
        let mut groups = Vec::new();
        push_by_style(
            &mut groups,
            self.sections.iter().filter_map(|s| s.marker.as_ref()),
        );
        for s in &self.sections {
            collect_groups(&s.items, &mut groups);
        }
        groups
    }
}

fn collect_groups<'a>(items: &'a [Item], groups: &mut Vec<Vec<&'a Marker>>) {
    push_by_style(groups, items.iter().map(|i| &i.marker));
    for i in items {
        collect_groups(&i.children, groups);
    }
}

fn push_by_style<'a>(groups: &mut Vec<Vec<&'a Marker>>, markers: impl Iterator<Item = &'a Marker>) {
    let mut by_style: Vec<Vec<&Marker>> = Vec::new();
    for m in markers {
        match by_style.iter_mut().find(|g| g[0].style == m.style) {
            Some(g) => g.push(m),
            None => by_style.push(vec![m]),
        }
    }
    groups.extend(by_style);
}

const LABEL_END: &[char] = &['。', '！', '？', '；', '：', '!', '?', ';', ':'];

/// Splits `text` into trimmed, non-blank paragraphs from the line ranges.
/// Text copied from a PDF is hard-wrapped: a paragraph broken into lines of
/// one width that end mid-sentence. Such lines are joined back.
pub(crate) fn paragraphs(text: &str, lines: impl Iterator<Item = Range<usize>>) -> Vec<Paragraph> {
    let lines: Vec<Range<usize>> = lines
        .filter_map(|r| {
            let line = &text[r.clone()];
            let lead = line.len() - line.trim_start_matches(is_space).len();
            let body = line.trim_matches(is_space);
            (!body.is_empty()).then(|| r.start + lead..r.start + lead + body.len())
        })
        .collect();
    let width = wrap_width(text, &lines);
    let mut out: Vec<Paragraph> = Vec::with_capacity(lines.len());
    let mut previous_wraps = false;
    for r in lines {
        let body = &text[r.clone()];
        let marker = numbering::leading_marker(body, r.start);
        match out.last_mut() {
            Some(last) if previous_wraps && marker.is_none() => last.span.end = r.end,
            _ => out.push(Paragraph {
                span: r.clone(),
                marker,
            }),
        }
        previous_wraps = width.is_some_and(|w| wraps(body, w));
    }
    out
}

/// Does this line end mid-sentence at (about) the wrap width?
fn wraps(line: &str, width: usize) -> bool {
    const ENDS: &[char] = &[
        '。', '！', '？', '；', '：', '”', '’', '）', '」', '』', '…', '.', '!', '?', ';', ':', ')',
    ];
    line.chars().count() + 2 >= width && !line.ends_with(ENDS)
}

/// The width a hard-wrapped text is wrapped at: the commonest length of
/// lines that end mid-sentence, if at least three lines share it (±2).
fn wrap_width(text: &str, lines: &[Range<usize>]) -> Option<usize> {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|r| text[r.clone()].chars().count())
        .filter(|&n| n >= 15)
        .collect();
    lengths.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    for &n in &lengths {
        // Lengths within ±2 of n, found in the sorted list (a scan per line
        // would be quadratic in the number of lines).
        let near =
            lengths.partition_point(|&m| m <= n + 2) - lengths.partition_point(|&m| m + 2 < n);
        if near >= 3 && best.is_none_or(|(_, c)| near > c) {
            best = Some((n, near));
        }
    }
    let (width, _) = best?;
    // Only a wrapped text has many lines of one width ending mid-sentence.
    let ragged = lines
        .iter()
        .filter(|r| {
            wraps(&text[(*r).clone()], width) && text[(*r).clone()].chars().count() <= width + 2
        })
        .count();
    (ragged >= 3).then_some(width)
}

/// Builds the outline of a document from its paragraphs.
pub(crate) fn parse(text: &str, paras: &[Paragraph], keywords: &SectionKeywords) -> Outline {
    let title = find_title(text, paras);
    let first = usize::from(title.is_some());
    let heads = find_section_heads(text, &paras[first..], keywords);
    let mut sections = Vec::new();
    let mut counters = [0usize; 4];
    for (n, head) in heads.iter().enumerate() {
        let begin = first + head.para;
        let mut end = heads.get(n + 1).map_or(paras.len(), |h| first + h.para);
        // The report's closing words (以上对照检查……恳请同志们批评指正) end the
        // last part; they belong to no item.
        while end > begin + 1 && is_closing(text, &paras[end - 1]) {
            end -= 1;
        }
        let body = &paras[begin + 1..end];
        let span_end = paras[end - 1].span.end;
        let para = &paras[begin];
        let kind_index = head.kind as usize;
        let items = build_items(text, body, head.kind.letter(), &mut counters[kind_index]);
        sections.push(Section {
            kind: head.kind,
            marker: para.marker.clone(),
            heading: label_range(text, para.span.start, para.span.end),
            span: para.span.start..span_end,
            items,
        });
    }
    Outline { title, sections }
}

/// A closing paragraph: unnumbered, opening with 以上 or asking for
/// criticism (批评指正).
fn is_closing(text: &str, p: &Paragraph) -> bool {
    let body = &text[p.span.clone()];
    p.marker.is_none()
        && (body.starts_with("以上")
            || ["批评指正", "批评帮助", "请同志们批评", "恳请各位"]
                .iter()
                .any(|w| body.contains(w)))
}

/// The first paragraph is the title when it is short, unnumbered and not a
/// sentence: `2023年度主题教育专题民主生活会个人剖析材料`.
fn find_title(text: &str, paras: &[Paragraph]) -> Option<Range<usize>> {
    let p = paras.first()?;
    let body = &text[p.span.clone()];
    let short = body.chars().count() <= 60;
    let sentence = body.contains(['。', '，']) || body.ends_with(['：', ':']);
    (p.marker.is_none() && short && !sentence).then(|| p.span.clone())
}

struct Head {
    para: usize,
    kind: SectionKind,
}

/// Finds section headings. A heading is a short line (or a numbered line's
/// first phrase) whose words name a part. All headings share one numbering
/// style: the style whose candidates name the most different parts wins, so
/// an aspect like `（一）在…方面存在的问题` is not taken for a section.
fn find_section_heads(text: &str, paras: &[Paragraph], keywords: &SectionKeywords) -> Vec<Head> {
    struct Candidate {
        para: usize,
        style: Option<Style>,
        kind: Option<SectionKind>,
    }
    let mut candidates = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        let style = p.marker.as_ref().map(|m| m.style);
        if matches!(
            style,
            Some(Style::Shi | Style::Circled | Style::ArabicParen | Style::Ordinal)
        ) {
            continue;
        }
        let after = p.marker.as_ref().map_or(p.span.start, |m| m.span.end);
        let label = &text[label_range(text, after, p.span.end)];
        let label = label.trim_matches(is_space);
        let rest = text[after..p.span.end].trim_end_matches(LABEL_END);
        let whole_line = label.len() == rest.trim_matches(is_space).len();
        let chars = label.chars().count();
        if chars == 0 || chars > keywords.max_heading_chars {
            continue;
        }
        // An unnumbered heading stands alone on its line and has no comma.
        if style.is_none() && (!whole_line || label.contains(['，', ','])) {
            continue;
        }
        candidates.push(Candidate {
            para: i,
            style,
            kind: keywords.classify(label),
        });
    }
    // Choose the heading style: most distinct kinds, then earliest. The
    // kinds of each style are gathered once (a line per candidate would be
    // quadratic in a text of many short lines).
    let mut kinds_of: Vec<(Option<Style>, Vec<SectionKind>)> = Vec::new();
    for c in &candidates {
        let Some(kind) = c.kind else { continue };
        let at = match kinds_of.iter().position(|(s, _)| *s == c.style) {
            Some(at) => at,
            None => {
                kinds_of.push((c.style, Vec::new()));
                kinds_of.len() - 1
            }
        };
        if !kinds_of[at].1.contains(&kind) {
            kinds_of[at].1.push(kind);
        }
    }
    let mut best: Option<(usize, usize, Option<Style>)> = None;
    for c in candidates.iter().filter(|c| c.kind.is_some()) {
        let kinds = kinds_of
            .iter()
            .find(|(s, _)| *s == c.style)
            .map_or(0, |k| k.1.len());
        if best.is_none_or(|(n, _, _)| kinds > n) {
            best = Some((kinds, c.para, c.style));
        }
    }
    let Some((_, _, style)) = best else {
        return Vec::new();
    };
    candidates
        .into_iter()
        .filter(|c| c.style == style)
        // Numbered headings of the chosen style are all sections; unnumbered
        // lines only when their words name a part.
        .filter_map(|c| match (c.kind, style) {
            (Some(kind), _) => Some(Head { para: c.para, kind }),
            (None, Some(_)) => Some(Head {
                para: c.para,
                kind: SectionKind::Other,
            }),
            (None, None) => None,
        })
        .collect()
}

/// From `start` to the first sentence or clause end, or the line end.
fn label_range(text: &str, start: usize, end: usize) -> Range<usize> {
    let s = &text[start..end];
    let mut stop = s.find(LABEL_END).unwrap_or(s.len());
    // Keep a closing quote that ends the phrase: 不够扎实”。
    stop = s[..stop].trim_end_matches(is_space).len();
    start..start + stop
}

/// Nests the numbered items of one section's paragraphs.
fn build_items(text: &str, body: &[Paragraph], letter: char, counter: &mut usize) -> Vec<Item> {
    // Every marker in order: leading ones and inline ones.
    let mut markers: Vec<(Marker, usize)> = Vec::new(); // (marker, paragraph end)
    let mut seen_shi = false;
    let mut seen_ordinal = false;
    for p in body {
        let mut line_markers = Vec::new();
        if let Some(m) = &p.marker {
            line_markers.push(m.clone());
        }
        let inline = numbering::inline_markers(&text[p.span.clone()], p.span.start);
        line_markers.extend(inline);
        for m in line_markers {
            // Inline 二是 / 第二， only continue a sequence already begun;
            // a sequence begins with 一是 / 第一， or at a paragraph start.
            let at_start = m.span.start == p.span.start;
            let begun = match m.style {
                Style::Shi => &mut seen_shi,
                Style::Ordinal => &mut seen_ordinal,
                _ => {
                    markers.push((m, p.span.end));
                    continue;
                }
            };
            if at_start || m.value == 1 || *begun {
                *begun = true;
                markers.push((m, p.span.end));
            }
        }
    }
    let section_end = body.last().map_or(0, |p| p.span.end);

    // Arena of items; `stack` holds open items (index, style).
    struct Node {
        marker: Marker,
        label: Range<usize>,
        end: usize,
        children: Vec<usize>,
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut stack: Vec<(usize, Style)> = Vec::new();
    for (m, para_end) in markers {
        if let Some(level) = stack.iter().position(|&(_, s)| s == m.style) {
            for &(open, _) in &stack[level..] {
                nodes[open].end = m.span.start;
            }
            stack.truncate(level);
        }
        let idx = nodes.len();
        let label = label_range(text, m.span.start, para_end);
        nodes.push(Node {
            marker: m.clone(),
            label,
            end: section_end,
            children: Vec::new(),
        });
        match stack.last() {
            Some(&(parent, _)) => nodes[parent].children.push(idx),
            None => roots.push(idx),
        }
        stack.push((idx, m.style));
    }

    fn make(text: &str, nodes: &[Node], idx: usize, id: String) -> Item {
        let n = &nodes[idx];
        let start = n.marker.span.start;
        let end = start
            + text[start..n.end]
                .trim_end_matches(|c: char| c.is_whitespace() || is_space(c))
                .len();
        let children = n
            .children
            .iter()
            .enumerate()
            .map(|(k, &c)| make(text, nodes, c, format!("{id}.{}", k + 1)))
            .collect();
        Item {
            id,
            marker: n.marker.clone(),
            label: n.label.clone(),
            span: start..end,
            children,
        }
    }
    roots
        .iter()
        .map(|&r| {
            *counter += 1;
            make(text, &nodes, r, format!("{letter}{counter}"))
        })
        .collect()
}

#[cfg(test)]
mod tests;
