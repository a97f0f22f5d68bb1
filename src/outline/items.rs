//! Numbered items inside one section: every marker in order (at paragraph
//! starts and inline), nested by the order in which numbering styles
//! appear, never by a fixed table, because real reports mix styles.

use super::{label_range, Item, Marker, Paragraph, Style};
use crate::markers::inline_markers;
use crate::text::is_space;
use std::ops::Range;

/// Words that introduce the reasons for a problem inside the problem
/// itself (究其原因在于：一是……二是……): a 一是 sequence after them lists
/// reasons, not new items.
const REASON_CUES: &[&str] = &["原因", "根源", "究其", "根子", "之所以", "症结"];

/// Sentence and clause ends before an inline marker.
const CLAUSE_END: &[char] = &['。', '；', '！', '？', ';', '!', '?'];

/// Does the clause just before `at` in `text` introduce reasons? Read back
/// 200 Chinese characters at most: a line of thousands of markers and no
/// clause end (第一，第一，…) would otherwise be read whole for each.
fn introduces_reasons(text: &str, from: usize, at: usize) -> bool {
    let from = crate::text::ceil_boundary(text, from.max(at.saturating_sub(600)));
    let before = &text[from..at];
    let clause = before.rfind(CLAUSE_END).map_or(before, |i| &before[i..]);
    REASON_CUES.iter().any(|c| clause.contains(c))
}

/// Nests the numbered items of one section's paragraphs; ids are `letter`
/// and a number counted on from `counter`. In a part of problems
/// (`problems`), a 一是 sequence that lists reasons is not items.
pub(super) fn build(
    text: &str,
    body: &[Paragraph],
    letter: char,
    counter: &mut usize,
    problems: bool,
) -> Vec<Item> {
    // Every marker in order: leading ones and inline ones.
    let mut markers: Vec<(Marker, usize)> = Vec::new(); // (marker, paragraph end)
    let mut seen_shi = false;
    let mut seen_ordinal = false;
    for p in body {
        let mut line_markers = Vec::new();
        if let Some(m) = &p.marker {
            line_markers.push(m.clone());
        }
        line_markers.extend(inline_markers(&text[p.span.clone()], p.span.start));
        // A 一是 sequence of reasons inside this paragraph: skipped to its end.
        let mut reasons: Option<Style> = None;
        for m in line_markers {
            // Inline 二是 / 第二， only continue a sequence already begun;
            // a sequence begins with 一是 / 第一， or at a paragraph start.
            let at_start = m.span.start == p.span.start;
            if !at_start && matches!(m.style, Style::Shi | Style::Ordinal) {
                if reasons == Some(m.style) {
                    continue;
                }
                if problems && m.value == 1 && introduces_reasons(text, p.span.start, m.span.start)
                {
                    reasons = Some(m.style);
                    continue;
                }
            }
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
