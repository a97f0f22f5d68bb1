//! The parts of a report: the title block before them, the headings that
//! name them, the closing words and site residue after them, and parts
//! inferred when a report has numbered points but no part headings.

use super::{label_range, Paragraph, SectionKeywords, SectionKind, Style, LABEL_END};
use crate::markers::leading_marker;
use crate::names::{byline, name_alone, GENRE, ROLES};
use crate::text::is_space;
use std::borrow::Cow;

/// A title naming a list of problems (2024年度专题民主生活会个人检视问题
/// 清单): a title-block line, no part; a short 问题清单 heads the problems.
fn is_list_title(line: &str) -> bool {
    line.ends_with("清单") && !crate::text::at_most_chars(line, 10)
}

fn is_date_line(line: &str) -> bool {
    let t = line.trim_matches(|c: char| "（）()".contains(c) || is_space(c));
    let has = |c| t.contains(c);
    t.chars().count() <= 16
        && ((has('年') && (has('月') || t.ends_with('年')))
            || t.chars().all(|c| c.is_ascii_digit() || "-./".contains(c)))
        && t.chars()
            .any(|c| c.is_ascii_digit() || "〇○零一二三四五六七八九十".contains(c))
}

/// How many leading paragraphs form the title block: the title, a title
/// wrapped over two lines, a subtitle naming the genre (——个人剖析材料),
/// an author line, a date. They come before the first part and never name
/// a part themselves.
pub(super) fn title_block(text: &str, paras: &[Paragraph]) -> usize {
    let Some(first) = paras.first() else {
        return 0;
    };
    let body = &text[first.span.clone()];
    let sentence = body.contains(['。', '，']) || body.ends_with(['：', ':']);
    if first.marker.is_some() || body.chars().count() > 60 || sentence {
        return 0;
    }
    let mut n = 1;
    for p in &paras[1..] {
        let line = &text[p.span.clone()];
        let short = line.chars().count() <= 40;
        let plain = p.marker.is_none() && !line.contains('。') && !line.ends_with(['：', ':']);
        // A subtitle spaced out to the title's width (个 人 对 照 检 查 材 料).
        let compact: String = line.chars().filter(|&c| !is_space(c)).collect();
        let genre = GENRE.iter().any(|g| compact.contains(g)) || is_list_title(line);
        let subtitle = line.starts_with(['—', '－', '-']);
        // In brackets, a byline may hold a unit, a name and a date
        // (（县第二实验中学党总支书记、校长  周立群  2021年12月）).
        let bracketed = line.starts_with(['（', '(']) && line.ends_with(['）', ')']);
        let limit = if bracketed { 40 } else { 30 };
        let author = line.chars().count() <= limit && ROLES.iter().any(|r| line.contains(r));
        let named = name_alone(line).is_some() || byline(line).is_some();
        if (short || named) && plain && (genre || subtitle || author || named || is_date_line(line))
        {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// A section heading found: its paragraph (index into the paragraphs
/// searched) and kind; `topic` for a numbered heading that names no part
/// (一、遵守政治纪律情况), whose items are the problems found there.
pub(super) struct Head {
    pub(super) para: usize,
    pub(super) kind: SectionKind,
    pub(super) topic: bool,
}

/// Finds section headings. A heading is a short line (or a numbered line's
/// first phrase) whose words name a part. All headings share one numbering
/// style: the style whose candidates name the most different parts wins, so
/// an aspect like `（一）在…方面存在的问题` is not taken for a section.
/// The styles that number a report's parts (一、, 第一部分).
fn top_line_style(style: Option<Style>) -> bool {
    matches!(style, Some(Style::ChineseComma | Style::Part))
}

pub(super) fn heads(text: &str, paras: &[Paragraph], keywords: &SectionKeywords) -> Vec<Head> {
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
            Some(Style::Shi | Style::Circled | Style::ArabicParen)
        ) {
            continue;
        }
        let after = p.marker.as_ref().map_or(p.span.start, |m| m.span.end);
        let label = &text[label_range(text, after, p.span.end)];
        let label = label.trim_matches(is_space);
        let rest = text[after..p.span.end].trim_end_matches(LABEL_END);
        let whole_line = label.len() == rest.trim_matches(is_space).len();
        let chars = label.chars().count();
        // A top-level heading alone on its line, with no comma and no full
        // stop, may run longer: 班子 reports head their parts with the
        // meeting's topics (二、在带头增强“四个意识”、坚定“四个自信”、做到“两个
        // 维护”方面); a long sentence numbered 一、 is an item.
        let ends_sentence = text[after..p.span.end]
            .trim_end_matches(is_space)
            .ends_with(['。', '！', '？', '；', '!', '?', ';']);
        let top_line =
            whole_line && top_line_style(style) && !ends_sentence && !label.contains(['，', ',']);
        let max = if top_line {
            keywords.max_heading_chars * 3 / 2
        } else {
            keywords.max_heading_chars
        };
        if chars == 0 || chars > max {
            continue;
        }
        // An unnumbered heading stands alone on its line and has no comma;
        // a line naming the genre is a title, never a part.
        if style.is_none() && (!whole_line || label.contains(['，', ','])) {
            continue;
        }
        let list_title = style.is_none() && is_list_title(label);
        if GENRE.iter().any(|g| label.contains(g)) || list_title {
            continue;
        }
        let kind = keywords.classify(label);
        // 第一，关于存在的问题 heads a part only as a line of its own that
        // names one; 第一，加强学习 is an item.
        let part_name = style == Some(Style::Ordinal) && names_later_part(label, kind);
        if style == Some(Style::Ordinal) && (kind.is_none() || !(whole_line || part_name)) {
            continue;
        }
        // Below the top level, a label with its body after it on the line
        // is an item that happens to say 不足 or 整改 (2、攻坚克难的精神不足。
        // 面对…), not a part's heading.
        if !whole_line && !top_line_style(style) && style.is_some() && !part_name {
            continue;
        }
        candidates.push(Candidate {
            para: i,
            style,
            kind,
        });
    }
    // Choose the heading style: most distinct kinds, then earliest.
    let mut kinds_of: Vec<(Option<Style>, Vec<SectionKind>)> = Vec::new();
    for c in &candidates {
        let Some(kind) = c.kind else { continue };
        match kinds_of.iter_mut().find(|(s, _)| *s == c.style) {
            Some((_, kinds)) if !kinds.contains(&kind) => kinds.push(kind),
            Some(_) => {}
            None => kinds_of.push((c.style, vec![kind])),
        }
    }
    let mut best: Option<(usize, Option<Style>)> = None;
    for c in candidates.iter().filter(|c| c.kind.is_some()) {
        let n = kinds_of
            .iter()
            .find(|(s, _)| *s == c.style)
            .map_or(0, |(_, k)| k.len());
        if best.is_none_or(|(m, _)| n > m) {
            best = Some((n, c.style));
        }
    }
    let style = match best {
        Some((_, style)) => style,
        // No heading names a part: numbered top-level headings (一、…情况)
        // are still the report's parts, each a topic.
        None => {
            let top = candidates
                .iter()
                .filter(|c| matches!(c.style, Some(Style::ChineseComma | Style::Part)))
                .count();
            if top < 2 {
                return Vec::new();
            }
            candidates
                .iter()
                .find(|c| matches!(c.style, Some(Style::ChineseComma | Style::Part)))
                .and_then(|c| c.style)
        }
    };
    candidates
        .into_iter()
        .filter(|c| c.style == style)
        // Numbered headings of the chosen style are all sections; unnumbered
        // lines only when their words name a part.
        .filter_map(|c| match (c.kind, style) {
            (Some(kind), _) => Some(Head {
                para: c.para,
                kind,
                topic: false,
            }),
            (None, Some(_)) => Some(Head {
                para: c.para,
                kind: SectionKind::Other,
                topic: true,
            }),
            (None, None) => None,
        })
        .collect()
}

/// Whether a numbered line's first phrase is nothing but the name of the
/// causes or the measures (第四，原因剖析。主要是…; 第五，整改打算。一是…):
/// a 发言提纲 runs its last parts into its points so. Problems are left
/// out: 第二，学风问题。 is an aspect, and the problems come first anyway.
fn names_later_part(label: &str, kind: Option<SectionKind>) -> bool {
    const PART_NOUNS: &[&str] = &[
        "剖析", "原因", "分析", "根源", "措施", "打算", "方向", "举措",
    ];
    matches!(kind, Some(SectionKind::Causes | SectionKind::Measures))
        && label.chars().count() <= 8
        && PART_NOUNS.iter().any(|n| label.ends_with(n))
}

/// A closing paragraph: unnumbered, opening with 以上 or asking for
/// criticism (批评指正); or what a web page puts after the text (上一篇、
/// 下一篇、责任编辑). Closing paragraphs end the last part; they belong to
/// no item. With `pledges`, also the closing pledge (我将以……): in a part
/// whose measures are unnumbered paragraphs, 今后我将…… may be a measure.
pub(super) fn is_closing(text: &str, p: &Paragraph) -> bool {
    closes(text, p, true)
}

/// [`is_closing`] without the pledges: the sign-off (以上……批评指正, a
/// signature, a web page's furniture), never a measure.
pub(super) fn is_sign_off(text: &str, p: &Paragraph) -> bool {
    closes(text, p, false)
}

/// What a web page puts after the article (上一篇、相关阅读、责任编辑):
/// the body is over, whatever follows (links to other articles).
const SITE: &[&str] = &[
    "上一篇",
    "下一篇",
    "相关阅读",
    "责任编辑",
    "本文来源",
    "相关文章",
    "【版权声明】",
    "版权声明",
    "【免责声明】",
    "免责声明",
    "声明：本站",
];

/// Whether a paragraph is the first of a web page's furniture after the
/// article (see [`SITE`]).
pub(super) fn ends_page(text: &str, p: &Paragraph) -> bool {
    let body = &text[p.span.clone()];
    p.marker.is_none() && SITE.iter().any(|w| body.starts_with(w))
}

fn closes(text: &str, p: &Paragraph, pledges: bool) -> bool {
    const ASKS: &[&str] = &[
        "批评指正",
        "批评帮助",
        "请同志们批评",
        "恳请各位",
        "请大家批评",
    ];
    const SUMS_UP: &[&str] = &["以上", "总之"];
    // The closing pledge after the last measure (我将以这次民主生活会为起点…).
    const PLEDGES: &[&str] = &[
        "我将以",
        "我将把",
        "我将在",
        "我决心",
        "本人决心",
        "本人将以",
        "今后，我将",
        "今后我将",
        "在今后的工作中，我将",
    ];
    let body = &text[p.span.clone()];
    let starts = |words: &[&str]| words.iter().any(|w| body.starts_with(w));
    p.marker.is_none()
        && (starts(SUMS_UP)
            || pledges && (starts(PLEDGES) || takes_as_a_start(body))
            || ASKS.iter().any(|w| body.contains(w))
            || ends_page(text, p)
            || is_signature(body))
}

/// Whether a paragraph opens with its writer (班子, 我们, 支部…) taking
/// the meeting as a new start (……将以这次民主生活会为新的起点): the
/// closing pledge of a team's report, about all the measures at once.
fn takes_as_a_start(body: &str) -> bool {
    const MEETING: &[&str] = &["以这次", "以此次", "以本次"];
    const START: &[&str] = &["为新的起点", "为起点", "为新起点", "为契机", "为新的契机"];
    let head = &body[..body.char_indices().nth(40).map_or(body.len(), |(i, _)| i)];
    MEETING.iter().any(|m| {
        head.find(m)
            .is_some_and(|at| START.iter().any(|s| head[at..].contains(s)))
    })
}

/// Whether a line is a web page's furniture (发布时间：…  来源：…  【字体：大
/// 中 小】  浏览次数：…): short, with two of its words or the font sizes
/// offered (a web copy's one-line body that ends in them is no such line).
pub(crate) fn is_site_line(line: &str) -> bool {
    if !crate::text::at_most_chars(line, 100) {
        return false;
    }
    const FURNITURE: &[&str] = &[
        "字体",
        "字号",
        "发布时间",
        "发布日期",
        "来源：",
        "来源:",
        "浏览",
        "点击数",
        "阅读次数",
        "打印本页",
        "关闭窗口",
        "分享到",
        "收藏本页",
        "责任编辑",
        "作者：",
        "作者:",
    ];
    FURNITURE
        .iter()
        .filter(|w| line.contains(*w))
        .nth(1)
        .is_some()
        || line.contains("大 中 小")
}

/// A signature line after the last part: the unit or the writer (中共青石镇
/// 委员会, 县水利局党组书记 孙卫东, a bare name) or the date — short and
/// with no sentence in it, so no measure's date or count is taken from it.
fn is_signature(line: &str) -> bool {
    const UNITS: &[&str] = &[
        "委员会",
        "党委",
        "党组",
        "支部",
        "党总支",
        "领导班子",
        "工委",
        "局",
        "院",
        "公司",
    ];
    let line = line.trim_matches(is_space);
    let chars = line.chars().count();
    let sentence = line.contains(LABEL_END) || line.contains(['，', ',']);
    !sentence
        && chars <= 30
        && (is_date_line(line)
            || UNITS.iter().chain(ROLES).any(|u| line.ends_with(u))
            || (ROLES.iter().any(|r| line.contains(r)) && line.contains(is_space))
            || (2..=4).contains(&chars) && line.chars().all(crate::text::is_han))
}

/// Where the inferred parts of a report with numbered points and no part
/// headings start: problems at the first numbered paragraph, measures at
/// the first paragraph (numbered or not) that announces them (今后、下一步、
/// 我将…). Indices into `paras`.
pub(super) fn implicit(
    text: &str,
    paras: &[Paragraph],
    keywords: &SectionKeywords,
) -> Option<(usize, Option<usize>)> {
    let numbered = paras.iter().position(|p| {
        p.marker
            .as_ref()
            .is_some_and(|m| !matches!(m.style, Style::Shi | Style::Ordinal) || m.value == 1)
    });
    // A 发言提纲 in prose lists its points inline (我存在以下不足：一是…。
    // 二是…): the problems start at the first paragraph opening such a list
    // that no cue gives to the causes or the measures.
    // Or they follow, a paragraph each, a sentence announcing them (…查摆
    // 了自身存在的问题，主要有以下几个方面：).
    let cued = |body: &str| {
        opens_with_cue(body, &keywords.cause_cues)
            || keywords
                .measure_cues
                .iter()
                .any(|c| body.starts_with(c.as_str()))
    };
    let problems = numbered.or_else(|| {
        paras.iter().enumerate().position(|(i, p)| {
            let body = text[p.span.clone()].trim_matches(is_space);
            if cued(body) {
                return false;
            }
            lists_inline(body)
                || (announces_problems(body)
                    && paras
                        .get(i + 1)
                        .is_some_and(|n| !cued(text[n.span.clone()].trim_start_matches(is_space))))
        })
    })?;
    let measures = (problems + 1..paras.len()).find(|&i| {
        let p = &paras[i];
        let after = p.marker.as_ref().map_or(p.span.start, |m| m.span.end);
        let body = text[after..p.span.end].trim_start_matches(is_space);
        keywords
            .measure_cues
            .iter()
            .any(|c| body.starts_with(c.as_str()))
    });
    Some((problems, measures))
}

/// Whether a paragraph is a sentence announcing the problems listed after
/// it: ending in a colon, naming them (问题, 不足, 差距, 短板).
fn announces_problems(body: &str) -> bool {
    const LONGEST: usize = 80;
    body.ends_with(['：', ':'])
        && body.chars().nth(LONGEST).is_none()
        && ["问题", "不足", "差距", "短板"]
            .iter()
            .any(|w| body.contains(w))
}

/// Whether a paragraph lists points inline after a lead of its own (…以下
/// 问题：一是…, …不足，一是…): 一是 after a colon or a comma, 二是 later.
fn lists_inline(body: &str) -> bool {
    body.match_indices("一是")
        .any(|(at, _)| body[..at].ends_with(['：', ':', '，', '。']) && body[at..].contains("二是"))
}

/// What ends a sentence (or a clause of a list of causes).
const SENTENCE_END: [char; 4] = ['。', '！', '？', '；'];
/// Words that name the roots of the problems (原因, 根子…).
const ROOT_WORDS: [&str; 4] = ["原因", "根源", "根子", "症结"];

/// Whether `body` opens with a cause cue: a cue word, or a lead clause
/// (up to a colon, 40 characters at most, one sentence) naming the causes
/// (上述问题的产生，主要有以下几方面原因：).
fn opens_with_cue(body: &str, cues: &[String]) -> bool {
    if cues.iter().any(|c| body.starts_with(c.as_str())) {
        return true;
    }
    // A colon within the first 40 characters (found without reading on to
    // the end: this runs at every sentence of every paragraph).
    let Some((colon, _)) = body
        .char_indices()
        .take(41)
        .find(|&(_, c)| c == '：' || c == ':')
    else {
        return false;
    };
    let lead = &body[..colon];
    !lead.contains(SENTENCE_END) && ROOT_WORDS.iter().any(|w| lead.contains(w))
}

/// A short paragraph of its own that names the roots and ends by
/// announcing a list (上述问题虽然表现在工作层面，但根子还在思想上。深刻
/// 反思，主要有以下几点：): the causes follow, whatever sentence came first.
fn announces_roots(body: &str) -> bool {
    const LONGEST: usize = 80;
    let body = body.trim_end_matches(is_space);
    (body.ends_with('：') || body.ends_with(':'))
        && body.chars().nth(LONGEST).is_none()
        && (ROOT_WORDS.iter().chain(&["根本", "反思", "剖析"])).any(|w| body.contains(w))
}

/// A short sentence naming the roots, then a list starting over at 一是
/// (…根子还在思想上。一是理论学习的自觉性不强…): the causes, inline.
fn roots_then_list(body: &str) -> bool {
    const LONGEST: usize = 40;
    // Read no further than a short sentence: this runs at every sentence.
    let Some((end, c)) =
        (body.char_indices().take(LONGEST + 1)).find(|(_, c)| SENTENCE_END.contains(c))
    else {
        return false;
    };
    body[end + c.len_utf8()..]
        .trim_start_matches(is_space)
        .starts_with("一是")
        && ROOT_WORDS.iter().any(|w| body[..end].contains(w))
}

/// Nouns a part heading ends with (…整改落实情况, 存在的问题, 原因剖析).
const HEADING_ENDS: &[&str] = &[
    "情况", "问题", "不足", "差距", "原因", "根源", "剖析", "分析", "措施", "打算", "方向", "举措",
];

/// A top-level heading run into its prose with no mark between them, as
/// web copies lose the line break (一、2023年度民主生活会整改落实情况上年度…):
/// when the numbered line's first phrase is too long to be a heading, it is
/// cut after the first noun that ends a heading naming a part within the
/// heading length, where prose goes on.
pub(super) fn split_glued_headings<'p>(
    text: &str,
    paras: &'p [Paragraph],
    keywords: &SectionKeywords,
) -> Cow<'p, [Paragraph]> {
    let cuts: Vec<Option<usize>> = paras
        .iter()
        .map(|p| {
            p.marker
                .as_ref()
                .filter(|m| matches!(m.style, Style::ChineseComma | Style::Part))
                .and_then(|m| glued_heading_end(text, m.span.end, p.span.end, keywords))
        })
        .collect();
    // Almost every report has none: no copy then.
    if cuts.iter().all(Option::is_none) {
        return Cow::Borrowed(paras);
    }
    let mut out = Vec::with_capacity(paras.len() + 1);
    for (p, cut) in paras.iter().zip(cuts) {
        match cut {
            Some(cut) => {
                out.push(Paragraph {
                    marker: p.marker.clone(),
                    span: p.span.start..cut,
                });
                out.push(Paragraph {
                    marker: crate::markers::leading_marker(&text[cut..p.span.end], cut),
                    span: cut..p.span.end,
                });
            }
            None => out.push(p.clone()),
        }
    }
    Cow::Owned(out)
}

/// Where a heading glued to its prose ends, for the label from `after`.
fn glued_heading_end(
    text: &str,
    after: usize,
    end: usize,
    keywords: &SectionKeywords,
) -> Option<usize> {
    let label = label_range(text, after, end);
    let max = keywords.max_heading_chars;
    text[label.clone()].chars().nth(max)?;
    let label = &text[label];
    label
        .char_indices()
        .take(max + 1)
        .map(|(i, _)| i)
        .filter(|&i| i > 0 && HEADING_ENDS.iter().any(|w| label[..i].ends_with(w)))
        .find(|&i| {
            label[i..].chars().next().is_some_and(crate::text::is_han)
                && label[i..].chars().nth(10).is_some()
                && keywords.classify(&label[..i]).is_some()
        })
        .map(|i| after + i)
}

/// Where a cause cue opens a sentence inside a paragraph, at a sentence
/// start after the paragraph's own: the paragraphs split there, and the
/// numbers of the paragraphs that begin at such a cue (inside another).
pub(super) fn split_at_cause_cues(
    text: &str,
    paras: &[Paragraph],
    cues: &[String],
) -> (Vec<Paragraph>, Vec<usize>) {
    let mut out = Vec::with_capacity(paras.len());
    let mut inner = Vec::new();
    for p in paras {
        let body = &text[p.span.clone()];
        // A paragraph opening with the cue and going on into the first
        // cause (究其原因，一是对学习认识不足；/ 二是…): the cue heads the
        // causes, the first cause is an item as the others are.
        if let Some(k) = first_cause_after_cue(body, p, cues) {
            // The heading without the comma it ended on (究其原因); a colon
            // stays, announcing the list.
            let head = body[..k].trim_end_matches(['，', ',']);
            out.push(Paragraph {
                marker: None,
                span: p.span.start..p.span.start + head.len(),
            });
            out.push(Paragraph {
                marker: leading_marker(&body[k..], p.span.start + k),
                span: p.span.start + k..p.span.end,
            });
            continue;
        }
        // 一是 after a place: whether the last one is (found once, not read
        // again from each sentence of a long paragraph).
        let last_first = body.rfind("一是");
        // Sentence starts after the first, where a cue opens the sentence.
        let cut = body
            .char_indices()
            .filter(|&(i, _)| i > 0 && body[..i].ends_with(SENTENCE_END))
            .map(|(i, _)| i)
            .find(|&i| {
                (opens_with_cue(&body[i..], cues) && last_first.is_some_and(|k| k >= i))
                    || roots_then_list(&body[i..])
            });
        match cut {
            Some(i) => {
                out.push(Paragraph {
                    marker: p.marker.clone(),
                    span: p.span.start..p.span.start + i,
                });
                inner.push(out.len());
                out.push(Paragraph {
                    marker: None,
                    span: p.span.start + i..p.span.end,
                });
            }
            None => out.push(p.clone()),
        }
    }
    (out, inner)
}

/// Where the first cause starts in an unnumbered paragraph that opens with
/// a cause cue (究其原因，一是…): 一是 after a clause mark, within the
/// paragraph's first 200 bytes (a cue sentence is short).
fn first_cause_after_cue(body: &str, p: &Paragraph, cues: &[String]) -> Option<usize> {
    if p.marker.is_some() || !opens_with_cue(body, cues) {
        return None;
    }
    let head = &body[..crate::text::floor_boundary(body, 200)];
    let k = head.find("一是")?;
    let lead = &head[..k];
    (lead.ends_with(['，', '：', ':', ',']) && !lead.contains(SENTENCE_END)).then_some(k)
}

/// The numbering styles used before and after each paragraph of a part,
/// as bit masks: each paragraph asks in one step, not by reading the part.
pub(super) struct PartStyles {
    begin: usize,
    /// `before[k]`: the styles of the part's first `k` paragraphs.
    before: Vec<u16>,
    /// `after[k]`: the styles of the part's paragraphs from the `k`-th on.
    after: Vec<u16>,
}

fn style_bit(s: Style) -> u16 {
    1 << s as u16
}

impl PartStyles {
    pub(super) fn new(paras: &[Paragraph], begin: usize, end: usize) -> PartStyles {
        let bit = |p: &Paragraph| p.marker.as_ref().map_or(0, |m| style_bit(m.style));
        let part = &paras[begin..end];
        let mut before = vec![0; part.len() + 1];
        let mut after = vec![0; part.len() + 1];
        for (k, p) in part.iter().enumerate() {
            before[k + 1] = before[k] | bit(p);
        }
        for (k, p) in part.iter().enumerate().rev() {
            after[k] = after[k + 1] | bit(p);
        }
        PartStyles {
            begin,
            before,
            after,
        }
    }
}

/// Whether paragraph `q` of a problems part (its styles `styles`) opens its
/// causes, written with no heading: unnumbered, opening with a cause cue,
/// numbered causes after it (一是 in it, or the next paragraph numbered),
/// and no more problems after them — a cause sentence inside the list
/// (（三）…不够。究其原因在于：一是…, then （四）) is part of its problem.
/// Problems after it would be numbered in a style the problems before it
/// use. With `prose` (the report has no causes part), causes written as
/// prose at the part's end count too.
pub(super) fn opens_causes(
    text: &str,
    paras: &[Paragraph],
    q: usize,
    styles: &PartStyles,
    cues: &[String],
    prose: bool,
) -> Option<CausesOpen> {
    let p = &paras[q];
    let body = text[p.span.clone()].trim_start_matches(is_space);
    let cued = p.marker.is_none()
        && (opens_with_cue(body, cues) || announces_roots(body) || roots_then_list(body));
    if !cued {
        return None;
    }
    let k = q - styles.begin;
    if !body.contains("一是") && paras.get(q + 1).is_none_or(|n| n.marker.is_none()) {
        // Causes in prose, in a report with no causes part: a paragraph
        // opening with a cue word that closes the part (究其原因，主要是…),
        // or announces the unnumbered paragraphs that close it.
        let end = styles.begin + styles.before.len() - 1;
        let rest = &paras[q + 1..end];
        let closes = rest.iter().all(|r| is_closing(text, r))
            || (body.trim_end_matches(is_space).ends_with(['：', ':']) && styles.after[k + 1] == 0);
        let opens = prose && cues.iter().any(|c| body.starts_with(c.as_str())) && closes;
        return opens.then_some(CausesOpen::InProse);
    }
    // A list announced by a sentence ending in a colon that starts over at
    // 1 is the causes even in a style the problems used (1. under aspects),
    // as long as nothing of the problems' numbering resumes after it.
    let restarted = (body.ends_with('：') || body.ends_with(':'))
        .then(|| paras.get(q + 1)?.marker.as_ref())
        .flatten()
        .filter(|m| m.value == 1)
        .map_or(0, |m| style_bit(m.style));
    let listed = styles.after[k + 1] & styles.before[k] & !style_bit(Style::Shi) & !restarted == 0;
    listed.then_some(CausesOpen::ByList)
}

/// How a paragraph opens the causes ([`opens_causes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CausesOpen {
    /// A sentence announcing numbered causes: the part's heading.
    ByList,
    /// Causes written as prose: the paragraph is the part's text.
    InProse,
}

/// Whether paragraph `q` announces measures written with no heading: an
/// unnumbered sentence opening with a measure cue and ending in a colon
/// (下一步，我打算从四个方面改：), numbered measures after it (the next
/// paragraph numbered, or 一是 after the colon).
pub(super) fn opens_measures(text: &str, paras: &[Paragraph], q: usize, cues: &[String]) -> bool {
    let p = &paras[q];
    let body = text[p.span.clone()].trim_matches(is_space);
    let Some(colon) = body.find(['：', ':']) else {
        return false;
    };
    let after = body[colon..]
        .trim_start_matches(['：', ':'])
        .trim_start_matches(is_space);
    let listed = if after.is_empty() {
        paras.get(q + 1).is_some_and(|n| n.marker.is_some())
    } else {
        after.starts_with("一是")
    };
    p.marker.is_none()
        && cues.iter().any(|c| body.starts_with(c.as_str()))
        && !body[..colon].contains(SENTENCE_END)
        && listed
}

pub(super) mod by_problem;

#[cfg(test)]
mod tests;
