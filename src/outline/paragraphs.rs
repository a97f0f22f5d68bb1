//! Lines to paragraphs. Copies from web pages and PDFs run a heading and
//! its first items into one line (`…材料 一、存在的问题：1.学习不够系统。
//! 2.……`): a line is split where a numbered marker starts after the end of
//! a sentence or clause, or after a space. `一是`/`第一，` stay inline (they
//! number items inside a paragraph by design).

use super::Paragraph;
use crate::markers::{leading_marker, may_start_marker, Style};
use crate::text::{at_most_chars, is_space};
use std::ops::Range;

/// What may end the text before a marker that starts a new paragraph.
const BEFORE: &[char] = &['。', '；', '！', '？', '：', ';', '!', '?', ':'];

/// Words that end a report's title (`…对照检查材料`, `…发言提纲`).
const GENRE_ENDS: &[&str] = &["材料", "提纲"];

/// Splits `text` into trimmed, non-blank paragraphs from its line ranges.
pub(crate) fn paragraphs(text: &str, lines: impl Iterator<Item = Range<usize>>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    for r in lines {
        let body = trim(text, r);
        if body.is_empty() {
            continue;
        }
        // Still in the title block: a web copy may repeat the title on a
        // second line, run into the opening there.
        let head = out.len() < 4
            && out
                .iter()
                .all(|p| !text[p.span.clone()].contains(['。', '！', '？']));
        let mut cuts = split_points(text, body.clone());
        if head {
            cuts.extend(title_end(text, body.clone()));
            cuts.sort_unstable();
            cuts.dedup();
        }
        let mut start = body.start;
        for cut in cuts.into_iter().chain([body.end]) {
            let piece = trim(text, start..cut);
            if !piece.is_empty() {
                out.push(Paragraph {
                    marker: leading_marker(&text[piece.clone()], piece.start),
                    span: piece,
                });
            }
            start = cut;
        }
    }
    out
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let line = &text[r.clone()];
    let lead = line.len() - line.trim_start_matches(is_space).len();
    let body = line.trim_matches(is_space);
    r.start + lead..r.start + lead + body.len()
}

/// Where numbered markers start inside a line, after a sentence or clause
/// end or a space (never at the line's start).
fn split_points(text: &str, body: Range<usize>) -> Vec<usize> {
    let line = &text[body.clone()];
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    // The character before `previous`: a colon after a digit is a time
    // (22:00、毕业设计…), not the end of a clause.
    let mut before_previous: Option<char> = None;
    let mut spaced = false;
    // The piece since the last cut opens with a part heading's marker
    // (一、 or 第一部分) and is still short: a parenthesised marker, or the
    // first of any other list, right after it starts the first aspect
    // (二、原因剖析（一）理想信念…, 三、整改措施一是…, 三、整改措施1．…).
    let mut heading_from: Option<usize> = heading_start(line, 0);
    // Likewise a piece opening with an aspect's （一） marker and still short:
    // the first point of a finer list right after it starts the aspect's
    // first item (（一）在学习方面1.理论学习不够…, (二)…方面(1)…).
    let mut aspect_from: Option<usize> = aspect_start(line, 0);
    for (i, c) in line.char_indices() {
        if is_space(c) {
            spaced = previous.is_some();
            continue;
        }
        let time = matches!(previous, Some(':' | '：'))
            && before_previous.is_some_and(|d| d.is_ascii_digit() || ('０'..='９').contains(&d));
        let after_end = previous.is_some_and(|p| BEFORE.contains(&p)) && !time;
        // A label that has grown past 20 characters or holds a mark never
        // gets short again: stop looking (a line may be a whole report).
        let short_label = |from: &mut Option<usize>| {
            let Some(h) = *from else { return false };
            let label = &line[h.min(i)..i];
            let short = at_most_chars(label, 20) && !label.contains(BEFORE);
            if !short {
                *from = None;
            }
            short && !label.is_empty()
        };
        let after_heading = short_label(&mut heading_from);
        let after_aspect = short_label(&mut aspect_from);
        if i > 0 && (after_end || spaced || after_heading || after_aspect) && may_start_marker(c) {
            let at = body.start + i;
            let marker = leading_marker(&line[i..], at);
            let opens = marker.as_ref().is_some_and(|m| {
                if after_end || spaced {
                    !matches!(m.style, Style::Shi | Style::Ordinal)
                } else if !after_heading {
                    matches!(m.style, Style::Arabic | Style::ArabicParen | Style::Circled)
                        && m.value == 1
                } else {
                    // Or the first of an inline list (二、原因剖析一是…,
                    // 三、整改措施1．…): the heading is its own paragraph.
                    matches!(m.style, Style::ChineseParen | Style::ArabicParen)
                        || !matches!(m.style, Style::ChineseComma | Style::Part) && m.value == 1
                }
            });
            if opens {
                out.push(at);
                heading_from = heading_start(line, i);
                aspect_from = aspect_start(line, i);
            }
        }
        before_previous = previous;
        previous = Some(c);
        spaced = false;
    }
    out
}

/// Where the label of a part heading starting at byte `at` of `line`
/// begins (after its 一、 or 第一部分 marker), if one starts there.
fn heading_start(line: &str, at: usize) -> Option<usize> {
    leading_marker(&line[at..], 0)
        .filter(|m| matches!(m.style, Style::ChineseComma | Style::Part))
        .map(|m| at + m.span.end)
}

/// Where the label of an aspect heading starting at byte `at` of `line`
/// begins (after its （一） marker), if one starts there.
fn aspect_start(line: &str, at: usize) -> Option<usize> {
    leading_marker(&line[at..], 0)
        .filter(|m| m.style == Style::ChineseParen)
        .map(|m| at + m.span.end)
}

/// A first line that runs the title into the opening (`…对照检查材料 根据…`)
/// or into the first part (`…发言提纲一、存在的问题`, `…材料（2024年度）一、…`):
/// where the title ends. A bracketed note after the genre word is the
/// title's.
fn title_end(text: &str, body: Range<usize>) -> Option<usize> {
    let line = &text[body.clone()];
    for end in GENRE_ENDS {
        let mut from = 0;
        while let Some(i) = line[from..].find(end) {
            let mut after = from + i + end.len();
            from = after;
            if let Some(note) = bracketed_note(&line[after..]) {
                after += note;
            }
            let rest = &line[after..];
            let gap = rest.len() - rest.trim_start_matches(is_space).len();
            if gap > 0 && !rest.trim_start_matches(is_space).is_empty() {
                return Some(body.start + after + gap);
            }
            let first_part = leading_marker(rest, 0)
                .filter(|m| m.value == 1 && matches!(m.style, Style::ChineseComma | Style::Part));
            if first_part.is_some() {
                return Some(body.start + after);
            }
        }
    }
    None
}

/// The length of a short bracketed note that `rest` starts with
/// (（2024年度组织生活会）), if it does.
fn bracketed_note(rest: &str) -> Option<usize> {
    let close = match rest.chars().next()? {
        '（' => '）',
        '(' => ')',
        _ => return None,
    };
    let end = rest.find(close)?;
    at_most_chars(&rest[..end], 24).then_some(end + close.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        paragraphs(text, std::iter::once(0..text.len()))
            .iter()
            .map(|p| &text[p.span.clone()])
            .collect()
    }

    #[test]
    fn a_genre_word_ends_the_title_only_before_a_space() {
        // 材料 inside a first line's sentence is no title's end.
        assert_eq!(
            split("准备材料不充分，会前学习不够。"),
            ["准备材料不充分，会前学习不够。"]
        );
        assert_eq!(
            split("某局对照检查材料 根据要求，我认真查摆。"),
            ["某局对照检查材料", "根据要求，我认真查摆。"]
        );
        // The first part run into the title, with or without a note.
        assert_eq!(
            split("某局对照检查材料一、存在的问题：1.学习不够。"),
            ["某局对照检查材料", "一、存在的问题：", "1.学习不够。"]
        );
        assert_eq!(
            split("发言提纲（2024年度组织生活会）一、查摆的问题"),
            ["发言提纲（2024年度组织生活会）", "一、查摆的问题"]
        );
        assert_eq!(
            split("对照检查材料（初稿） 根据要求，我认真查摆。"),
            ["对照检查材料（初稿）", "根据要求，我认真查摆。"]
        );
        // Not the first part, or a genre word inside a sentence: no cut.
        assert_eq!(split("准备材料二、三次"), ["准备材料二、三次"]);
        assert_eq!(
            split("会前准备材料（共3份）不充分。"),
            ["会前准备材料（共3份）不充分。"]
        );
        // A web copy's second title line, run into the opening.
        let text = "【第一篇】某局对照检查材料\n中共某局党组对照检查材料 根据要求，我认真查摆。\n会前准备材料 根据要求再改。";
        let mut start = 0;
        let lines = text.split('\n').map(|l| {
            let r = start..start + l.len();
            start = r.end + 1;
            r
        });
        let got: Vec<&str> = paragraphs(text, lines)
            .iter()
            .map(|p| &text[p.span.clone()])
            .collect();
        assert_eq!(
            got,
            [
                "【第一篇】某局对照检查材料",
                "中共某局党组对照检查材料",
                "根据要求，我认真查摆。",
                "会前准备材料 根据要求再改。"
            ]
        );
    }

    /// A clock time (22:00、 or ２２：００、) is no clause end before a marker.
    #[test]
    fn a_time_is_not_split_as_an_item() {
        let line = "1．晚间开放至22:00、周末全天开放。2．建立接待日。";
        assert_eq!(
            split(line),
            ["1．晚间开放至22:00、周末全天开放。", "2．建立接待日。"]
        );
        let wide = "1．开放至２２：００、周末开放。";
        assert_eq!(split(wide), [wide]);
        // A colon after words still ends the clause.
        assert_eq!(split("要求如下:1.学习。"), ["要求如下:", "1.学习。"]);
    }

    #[test]
    fn a_flattened_line_is_split_at_headings_and_items() {
        assert_eq!(
            split("某局专题民主生活会对照检查材料 一、存在的问题：1.学习不够系统。多是读文件。2.调研不深。"),
            ["某局专题民主生活会对照检查材料", "一、存在的问题：", "1.学习不够系统。多是读文件。", "2.调研不深。"]
        );
        assert_eq!(
            split("一、存在的问题:(一)学习不深。一是学习不主动;二是学用脱节。(二)服务有差距。"),
            [
                "一、存在的问题:",
                "(一)学习不深。一是学习不主动;二是学用脱节。",
                "(二)服务有差距。"
            ]
        );
        assert_eq!(
            split("(一)政治理论学习方面。①学习的深度不够。②宣讲作用发挥不够。"),
            [
                "(一)政治理论学习方面。",
                "①学习的深度不够。",
                "②宣讲作用发挥不够。"
            ]
        );
    }

    #[test]
    fn numbers_in_running_text_are_no_markers() {
        for line in [
            "今年8月市局考评中，我所有3起案件被扣分，增长1.5倍。",
            "来源:网友投稿  发布时间:2022-01-12 10:35  浏览:1286次",
            "落实第一、第二季度的任务，统一、规范地推进。",
        ] {
            assert_eq!(split(line), [line]);
        }
    }

    #[test]
    fn a_title_run_into_the_opening_is_cut_after_the_genre_word() {
        assert_eq!(
            split("城关派出所所长2020年度组织生活会个人对照检查材料 根据分局党委的通知要求，我认真学习。"),
            ["城关派出所所长2020年度组织生活会个人对照检查材料", "根据分局党委的通知要求，我认真学习。"]
        );
    }

    /// A bracketed point, or the first of another list, right after a
    /// short part heading starts a paragraph (二、原因剖析（一）…); after a
    /// heading of more than 20 characters, or a sentence inside it, it
    /// does not.
    #[test]
    fn a_bracketed_point_after_a_short_heading_starts_a_paragraph() {
        assert_eq!(
            split("二、原因剖析（一）理想信念有所松懈。"),
            ["二、原因剖析", "（一）理想信念有所松懈。"]
        );
        let twenty = format!("二、{}（一）理想信念松懈。", "析".repeat(20));
        assert_eq!(split(&twenty).len(), 2, "{twenty}");
        let long = format!("二、{}（一）理想信念松懈。", "析".repeat(21));
        assert_eq!(split(&long), [long.as_str()]);
        // The first of another list after the heading starts one too
        // (web copies: 三、整改措施1．…, 三、整改措施一是…); a later
        // number is no list's start.
        assert_eq!(
            split("二、原因剖析1.理想信念。"),
            ["二、原因剖析", "1.理想信念。"]
        );
        assert_eq!(
            split("三、整改措施一是每周学习。二是每月调研。"),
            ["三、整改措施", "一是每周学习。二是每月调研。"]
        );
        assert_eq!(
            split("二、原因剖析2.理想信念。"),
            ["二、原因剖析2.理想信念。"]
        );
    }

    /// An aspect heading run into its first point (a web copy with the
    /// whole body on one line): the first of a finer list starts the item;
    /// a later number, 一是, another aspect's marker or a long label do not.
    #[test]
    fn the_first_point_after_a_short_aspect_heading_starts_a_paragraph() {
        for (aspect, point) in [
            ("（一）在学习贯彻新思想方面", "1.理论学习研讨深度不够。"),
            (
                "(二)在真抓实干、推动发展方面",
                "(1)城市更新项目谋划储备不足。",
            ),
            ("（三）作风建设方面", "①调研不深入。"),
            ("（四）纪律规矩", "1、执行制度不严。"),
        ] {
            let line = format!("{aspect}{point}2.后面一条。");
            assert_eq!(split(&line), [aspect, point, "2.后面一条。"], "{line}");
        }
        for line in [
            "（一）在学习方面2.理论学习不够。",
            "（一）在学习方面一是理论学习不够。二是调研不多。",
            "（一）在学习方面（二）理论学习不够。",
            &format!("（一）{}1.理论学习不够。", "学".repeat(21)),
        ] {
            let pieces = split(line);
            assert!(pieces.len() == 1, "{line}: {pieces:?}");
        }
    }

    /// After a sentence end or a space a numbered point starts a
    /// paragraph, but 一是 and 第一 stay inline; at the line's start
    /// nothing is cut.
    #[test]
    fn points_after_a_sentence_or_a_space_split_but_shi_and_ordinals_stay() {
        assert_eq!(
            split("学习不够。2.作风不实。"),
            ["学习不够。", "2.作风不实。"]
        );
        assert_eq!(split("学习不够 2.作风不实。"), ["学习不够", "2.作风不实。"]);
        assert_eq!(
            split("学习不够。二是作风不实。"),
            ["学习不够。二是作风不实。"]
        );
        assert_eq!(
            split("学习不够。第二，作风不实。"),
            ["学习不够。第二，作风不实。"]
        );
        assert_eq!(split("1.学习不够。"), ["1.学习不够。"]);
    }

    /// Lines are trimmed, blank ones dropped; only the first paragraph may
    /// be a title run into its opening, and 提纲 ends a title too.
    #[test]
    fn lines_are_trimmed_and_only_the_first_is_a_title() {
        let text = "　发言提纲 根据要求查摆。\n\n  \n 对照检查材料 根据要求。\n";
        let mut lines = Vec::new();
        let mut start = 0;
        for l in text.split_inclusive('\n') {
            lines.push(start..start + l.len() - 1);
            start += l.len();
        }
        let got: Vec<&str> = paragraphs(text, lines.into_iter())
            .iter()
            .map(|p| &text[p.span.clone()])
            .collect();
        assert_eq!(
            got,
            ["发言提纲", "根据要求查摆。", "对照检查材料 根据要求。"]
        );
        // 材料 at the line's end: no opening after it.
        assert_eq!(split("对照检查材料"), ["对照检查材料"]);
        assert_eq!(split("对照检查材料  "), ["对照检查材料"]);
    }
}
