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
    paragraphs: bool,
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
    if markers.is_empty() && paragraphs {
        return paragraph_items(text, body, letter, counter);
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

/// Words of a short paragraph announcing the points that follow
/// (针对以上问题，我将从以下几个方面整改。), and how short it is.
const ANNOUNCING: &[&str] = &["以下", "如下", "几个方面", "几点"];
const ANNOUNCING_CHARS: usize = 60;

/// Marks that open a point without numbering it (a dash too: ——每月……).
const BULLETS: &[char] = &[
    '●', '•', '◆', '◇', '■', '▪', '▶', '►', '➢', '➤', '✓', '√', '·', '-', '*', '+', '—', '－',
];

/// A part that numbers none of its points (measures written one paragraph
/// each, or with bullets ●): each paragraph is an item, so that measures
/// are compared with the problems and problems checked for evidence. A
/// paragraph that announces the list (……整改：), closing words and a note
/// (注：……) are none. Where the points carry bullets, a paragraph without
/// one is no point: before the first, it leads in; between two, it goes on
/// with the point above; after the last, it closes the list (本人决心……,
/// a web page's notice).
fn paragraph_items(text: &str, body: &[Paragraph], letter: char, counter: &mut usize) -> Vec<Item> {
    let bulleted = |p: &Paragraph| {
        let line = text[p.span.clone()].trim_start_matches(is_space);
        line.starts_with(BULLETS)
    };
    let last_bullet = body.iter().rposition(bulleted);
    let mut items: Vec<Item> = Vec::new();
    for (n, p) in body.iter().enumerate() {
        if let Some(last) = last_bullet {
            if !bulleted(p) {
                if let Some(item) = items.last_mut().filter(|_| n < last) {
                    item.span.end = p.span.end;
                }
                continue;
            }
        }
        let line = &text[p.span.clone()];
        let content = line.trim_start_matches(|c| BULLETS.contains(&c) || is_space(c));
        let start = p.span.start + (line.len() - content.len());
        let announces = content
            .trim_end_matches(|c: char| c.is_whitespace() || is_space(c))
            .ends_with(['：', ':'])
            || crate::text::at_most_chars(content, ANNOUNCING_CHARS)
                && ANNOUNCING.iter().any(|w| content.contains(w));
        let note = ["注：", "注:", "备注", "说明："]
            .iter()
            .any(|n| content.starts_with(n));
        if content.trim().is_empty() || announces || note || super::sections::is_sign_off(text, p) {
            continue;
        }
        *counter += 1;
        let marker = Marker {
            style: Style::Paragraph,
            value: items.len() as u32 + 1,
            span: p.span.start..start,
        };
        items.push(Item {
            id: format!("{letter}{counter}"),
            label: label_range(text, start, p.span.end),
            span: p.span.start..p.span.end,
            marker,
            children: Vec::new(),
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use crate::outline::tests::{labels, outline_of};
    use crate::outline::SectionKind;

    /// The items of each part: (kind, labels).
    fn parts(text: &str) -> Vec<(SectionKind, Vec<String>)> {
        let (s, o) = outline_of(text);
        o.sections
            .iter()
            .map(|sec| (sec.kind, labels(&s.text, &sec.items)))
            .collect()
    }

    const HEAD: &str = "一、存在的问题\n1.学习不够系统。\n2.调研不够深入。\n二、原因剖析\n1.理想信念弱化。\n三、整改措施\n";

    fn measures(tail: &str) -> Vec<String> {
        let found = parts(&format!("{HEAD}{tail}"));
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[2].0, SectionKind::Measures);
        found[2].1.clone()
    }

    #[test]
    fn in_a_bulleted_list_only_bulleted_paragraphs_are_points() {
        let tail = "针对上述问题，重点抓好三件事。\n- 每周五下午集中学习，年底前读完3本原著。\n其中第一季度以党章党规为主。\n- 每月走访群众不少于20户。\n● 本人每周下社区1次。\n本人决心以这次组织生活会为契机，认真抓好整改落实。\n【版权声明】本站部分文章来源于网络，如有侵权请联系删除。\n";
        let (s, o) = outline_of(&format!("{HEAD}{tail}"));
        let m = &o.sections[2];
        assert_eq!(
            labels(&s.text, &m.items),
            [
                "每周五下午集中学习，年底前读完3本原著",
                "每月走访群众不少于20户",
                "本人每周下社区1次"
            ]
        );
        // The paragraph between two points goes on with the first.
        assert!(s.text[m.items[0].span.clone()].ends_with("以党章党规为主。"));
    }

    #[test]
    fn dashes_open_points_as_bullets_do() {
        let tail = "——每月自学两次，年底前读完3本原著。\n——每季度到村调研一次。\n今后我将以更高标准要求自己。\n";
        assert_eq!(
            measures(tail),
            ["每月自学两次，年底前读完3本原著", "每季度到村调研一次"]
        );
    }

    #[test]
    fn unnumbered_measures_are_one_item_a_paragraph() {
        assert_eq!(
            measures("加强理论学习，每月读原著两篇。\n深入基层调研，每季度蹲点一次。\n"),
            [
                "加强理论学习，每月读原著两篇",
                "深入基层调研，每季度蹲点一次"
            ]
        );
        // The announcing paragraphs, the sign-off and a note are no measures.
        assert_eq!(
            measures("针对以上问题，我将从以下几个方面加以整改。\n严格学习制度。\n"),
            ["严格学习制度"]
        );
        assert_eq!(
            measures(
                "针对上述问题，我将从以下方面整改：\n严格学习制度。\n改进调研方式。\n以上对照检查，请同志们批评指正。\n注：数据截至11月底。\n"
            ),
            ["严格学习制度", "改进调研方式"]
        );
    }

    #[test]
    fn bulleted_points_are_items_without_their_bullet() {
        for bullet in ["●", "◆", "■", "•", "- ", "* ", "➢ "] {
            assert_eq!(
                measures(&format!("{bullet}严格学习制度。\n{bullet}改进调研方式。\n")),
                ["严格学习制度", "改进调研方式"],
                "{bullet}"
            );
        }
    }

    #[test]
    fn unnumbered_problems_and_causes_are_items_too() {
        let text = "一、存在的问题\n学习不够系统，全年缺席中心组学习3次。\n调研不够深入。\n二、原因剖析\n理想信念弱化。\n宗旨意识淡化。\n三、整改措施\n1.每月学习。\n";
        let found = parts(text);
        assert_eq!(
            found[0].1,
            ["学习不够系统，全年缺席中心组学习3次", "调研不够深入"]
        );
        assert_eq!(found[1].1, ["理想信念弱化", "宗旨意识淡化"]);
        assert_eq!(found[2].1, ["1.每月学习"]);
    }

    /// Numbered points win: bullets under them are the points' detail, and
    /// a part naming no kind (执行……情况) keeps its paragraphs as text.
    #[test]
    fn numbered_points_and_topics_keep_their_paragraphs_as_text() {
        assert_eq!(
            measures("1.严格学习制度。\n●每月读原著两篇。\n2.改进调研方式。\n"),
            ["1.严格学习制度", "2.改进调研方式"]
        );
        let text = "一、执行中央八项规定情况\n本人严格执行规定。\n此外，漏报一处车库。\n二、存在的问题\n1.学习不够。\n";
        let (_, o) = outline_of(text);
        assert!(o.sections[0].items.is_empty(), "{:?}", o.sections[0]);
    }
}
