//! The parts of a report: the title block before them, the headings that
//! name them, the closing words and site residue after them, and parts
//! inferred when a report has numbered points but no part headings.

use super::{label_range, Paragraph, SectionKeywords, SectionKind, Style, LABEL_END};
use crate::text::is_space;

/// Words a title or subtitle line ends with, or holds: the genre.
const GENRE: &[&str] = &["材料", "提纲", "发言"];

/// Roles on an author line (`县水利局党组书记、局长 孙卫东`).
pub(crate) const ROLES: &[&str] = &[
    "书记",
    "局长",
    "主任",
    "院长",
    "校长",
    "所长",
    "处长",
    "科长",
    "镇长",
    "乡长",
    "县长",
    "区长",
    "市长",
    "经理",
    "董事长",
    "委员",
    "主席",
    "部长",
    "厅长",
    "队长",
    "站长",
    "馆长",
    "社长",
    "党员",
    "支部",
    "同志",
    "干部",
];

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
        let genre = GENRE.iter().any(|g| line.contains(g));
        let subtitle = line.starts_with(['—', '－', '-']);
        let author = line.chars().count() <= 30 && ROLES.iter().any(|r| line.contains(r));
        if short && plain && (genre || subtitle || author || is_date_line(line)) {
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
        // An unnumbered heading stands alone on its line and has no comma;
        // a line naming the genre is a title, never a part.
        if style.is_none() && (!whole_line || label.contains(['，', ','])) {
            continue;
        }
        // A title naming a list of problems (2024年度专题民主生活会个人检视
        // 问题清单) is no part either; a short 问题清单 heads the problems.
        let list_title = style.is_none() && label.ends_with("清单") && chars > 10;
        if GENRE.iter().any(|g| label.contains(g)) || list_title {
            continue;
        }
        candidates.push(Candidate {
            para: i,
            style,
            kind: keywords.classify(label),
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

/// A closing paragraph: unnumbered, opening with 以上 or asking for
/// criticism (批评指正); or what a web page puts after the text (上一篇、
/// 下一篇、责任编辑). Closing paragraphs end the last part; they belong to
/// no item.
pub(super) fn is_closing(text: &str, p: &Paragraph) -> bool {
    const ASKS: &[&str] = &[
        "批评指正",
        "批评帮助",
        "请同志们批评",
        "恳请各位",
        "请大家批评",
    ];
    const SITE: &[&str] = &[
        "上一篇",
        "下一篇",
        "相关阅读",
        "责任编辑",
        "本文来源",
        "相关文章",
    ];
    // The closing pledge after the last measure (我将以这次民主生活会为起点…).
    const PLEDGES: &[&str] = &[
        "以上",
        "总之",
        "我将以",
        "我将把",
        "我将在",
        "我决心",
        "今后，我将",
        "今后我将",
        "在今后的工作中，我将",
    ];
    let body = &text[p.span.clone()];
    p.marker.is_none()
        && (PLEDGES.iter().any(|w| body.starts_with(w))
            || ASKS.iter().any(|w| body.contains(w))
            || SITE.iter().any(|w| body.starts_with(w)))
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
    let problems = paras.iter().position(|p| {
        p.marker
            .as_ref()
            .is_some_and(|m| !matches!(m.style, Style::Shi | Style::Ordinal) || m.value == 1)
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

/// Where a cause cue opens a sentence inside a paragraph, at a sentence
/// start after the paragraph's own: the paragraphs split there, and the
/// numbers of the paragraphs that begin at such a cue (inside another).
/// What ends a sentence (or a clause of a list of causes).
const SENTENCE_END: [char; 4] = ['。', '！', '？', '；'];

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
    !lead.contains(SENTENCE_END)
        && ["原因", "根源", "根子", "症结"]
            .iter()
            .any(|w| lead.contains(w))
}

pub(super) fn split_at_cause_cues(
    text: &str,
    paras: &[Paragraph],
    cues: &[String],
) -> (Vec<Paragraph>, Vec<usize>) {
    let mut out = Vec::with_capacity(paras.len());
    let mut inner = Vec::new();
    for p in paras {
        let body = &text[p.span.clone()];
        // Sentence starts after the first, where a cue opens the sentence.
        let cut = body
            .char_indices()
            .filter(|&(i, _)| i > 0 && body[..i].ends_with(SENTENCE_END))
            .map(|(i, _)| i)
            .find(|&i| opens_with_cue(&body[i..], cues) && body[i..].contains("一是"));
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

/// Whether paragraph `q` of the problems part `begin..end` opens its causes,
/// written with no heading: unnumbered, opening with a cause cue, numbered
/// causes after it (一是 in it, or the next paragraph numbered), and no more
/// problems after them — a cause sentence inside the list (（三）…不够。究其
/// 原因在于：一是…, then （四）) is part of its problem. Problems after it
/// would be numbered in a style the problems before it use.
pub(super) fn opens_causes(
    text: &str,
    paras: &[Paragraph],
    (begin, q, end): (usize, usize, usize),
    cues: &[String],
) -> bool {
    let p = &paras[q];
    let body = text[p.span.clone()].trim_start_matches(is_space);
    let style = |n: &Paragraph| n.marker.as_ref().map(|m| m.style);
    let before: Vec<Style> = paras[begin..q].iter().filter_map(style).collect();
    p.marker.is_none()
        && opens_with_cue(body, cues)
        && (body.contains("一是") || paras.get(q + 1).is_some_and(|n| n.marker.is_some()))
        && paras[q + 1..end]
            .iter()
            .filter_map(style)
            .all(|s| s == Style::Shi || !before.contains(&s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines() {
        for yes in [
            "（2020年1月6日）",
            "2024年12月",
            "二〇二四年一月",
            "2024-01-06",
        ] {
            assert!(is_date_line(yes), "{yes}");
        }
        for no in [
            "一、存在的问题",
            "2024年度民主生活会对照检查材料",
            "学习不够",
        ] {
            assert!(!is_date_line(no), "{no}");
        }
    }

    #[test]
    fn a_lead_clause_names_the_causes_within_forty_characters_and_one_sentence() {
        let cues = ["究其原因".to_string()];
        // 38 characters of lead, then the colon.
        let lead = format!("上述问题的产生原因{}", "有".repeat(29));
        assert_eq!(lead.chars().count(), 38);
        for (body, opens) in [
            ("究其原因，一是……".to_string(), true),
            (format!("{lead}：一是……"), true),
            (format!("{lead}有有：一是……"), true),
            (format!("{lead}有有有：一是……"), false),
            ("上述问题。产生原因有：一是……".to_string(), false),
            ("上述问题的产生有以下方面：一是……".to_string(), false),
            ("上述问题的产生原因有以下方面，一是……".to_string(), false),
        ] {
            assert_eq!(opens_with_cue(&body, &cues), opens, "{body}");
        }
    }

    /// The paragraphs of `lines`, one line each (no line here is split).
    fn paras(lines: &[&str]) -> (String, Vec<Paragraph>) {
        let text = lines.join("\n");
        let mut ranges = Vec::new();
        let mut start = 0;
        for l in lines {
            ranges.push(start..start + l.len());
            start += l.len() + 1;
        }
        let ps = crate::outline::paragraphs(&text, ranges.into_iter());
        assert_eq!(ps.len(), lines.len(), "one paragraph a line: {lines:?}");
        (text, ps)
    }

    fn keywords() -> SectionKeywords {
        serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap()
    }

    /// A date line: 年 with 月 or at its end, or digits and separators
    /// only; some digit; at most 16 characters once brackets are trimmed.
    #[test]
    fn a_date_line_has_a_year_and_a_digit_and_is_short() {
        for yes in [
            "2024年",
            "(2024-01-06)",
            "2024/01",
            "20240106",
            "2024.1.6",
            "2024年1月",
        ] {
            assert!(is_date_line(yes), "{yes}");
        }
        for no in ["2024年度", "年月", "——", "2024-01-06号", "十二月"] {
            assert!(!is_date_line(no), "{no}");
        }
        // 16 characters at most.
        let sixteen = format!("2024年12月{}", "日".repeat(8));
        assert_eq!(sixteen.chars().count(), 16);
        assert!(is_date_line(&sixteen));
        assert!(!is_date_line(&format!("{sixteen}日")));
    }

    /// The title block: a title, then short plain lines naming the genre,
    /// a subtitle, an author or a date.
    #[test]
    fn the_title_block_is_the_title_and_the_short_lines_under_it() {
        let block = |lines: &[&str]| {
            let (text, ps) = paras(lines);
            title_block(&text, &ps)
        };
        let rest = ["一、存在的问题", "（一）学习不够。"];
        let with = |head: &[&str]| -> Vec<String> {
            head.iter()
                .chain(rest.iter())
                .map(|s| s.to_string())
                .collect()
        };
        let count = |head: &[&str]| {
            let lines = with(head);
            let refs: Vec<&str> = lines.iter().map(|s| s.as_str()).collect();
            block(&refs)
        };
        assert_eq!(block(&[]), 0);
        assert_eq!(
            count(&[
                "2024年度民主生活会",
                "个人对照检查材料",
                "——在专题会议上的发言",
                "县水利局局长 孙卫东",
                "2024年12月",
            ]),
            5
        );
        // A first line that is a sentence, a lead-in, numbered or long is
        // no title.
        assert_eq!(count(&["今年以来，我认真学习", "2024年12月"]), 0);
        assert_eq!(count(&["我的发言如下：", "2024年12月"]), 0);
        assert_eq!(count(&["我的发言如下:", "2024年12月"]), 0);
        assert_eq!(count(&["学习不够。", "2024年12月"]), 0);
        let sixty = "题".repeat(60);
        assert_eq!(count(&[&sixty, "2024年12月"]), 2);
        let sixty_one = "题".repeat(61);
        assert_eq!(count(&[&sixty_one, "2024年12月"]), 0);
        // Under the title: a line with no role, genre, dash or date ends the
        // block, and so does a sentence, a lead-in or a long line.
        assert_eq!(count(&["对照检查材料", "学习心得"]), 1);
        assert_eq!(count(&["对照检查材料", "个人材料。"]), 1);
        assert_eq!(count(&["对照检查材料", "个人材料："]), 1);
        assert_eq!(count(&["对照检查材料", "个人材料:"]), 1);
        let forty = format!("{}材料", "个".repeat(38));
        assert_eq!(count(&["对照检查材料", &forty]), 2);
        let forty_one = format!("{}材料", "个".repeat(39));
        assert_eq!(count(&["对照检查材料", &forty_one]), 1);
        // An author line is at most 30 characters.
        let author30 = format!("{}局长", "县".repeat(28));
        assert_eq!(count(&["对照检查材料", &author30]), 2);
        let author31 = format!("{}局长", "县".repeat(29));
        assert_eq!(count(&["对照检查材料", &author31]), 1);
        assert_eq!(count(&["对照检查材料", "－发言提纲"]), 2);
        assert_eq!(count(&["对照检查材料", "-在会上"]), 2);
    }

    #[test]
    fn closing_words_pledges_and_site_residue_close_the_report() {
        let closing = |line: &str| {
            let (text, ps) = paras(&[line]);
            is_closing(&text, &ps[0])
        };
        assert!(closing("以上是我的对照检查，不妥之处请批评指正。"));
        assert!(closing("我的发言完了，恳请各位同志批评。"));
        assert!(closing("上一篇：学习心得"));
        assert!(closing("今后，我将加倍努力。"));
        // Site words count only at the start; a numbered point never closes.
        assert!(!closing("学习上一篇文章不够。"));
        assert!(!closing("（一）以上问题要整改。"));
        assert!(!closing("学习不够。"));
    }

    /// Parts inferred: problems from the first numbered paragraph (一是 or
    /// 第一 only when it is the first), measures from the first later
    /// paragraph opening with a measure cue.
    #[test]
    fn inferred_parts_start_at_the_first_point_and_the_first_measure_cue() {
        let kw = keywords();
        let at = |lines: &[&str]| {
            let (text, ps) = paras(lines);
            implicit(&text, &ps, &kw)
        };
        assert_eq!(at(&["今年以来学习。", "没有编号。"]), None);
        assert_eq!(
            at(&[
                "对照检查如下。",
                "1.学习不够。",
                "2.作风不实。",
                "今后要加强学习。",
                "下一步整改。"
            ]),
            Some((1, Some(3)))
        );
        // The measure cue is looked for after the problems start only.
        assert_eq!(
            at(&["今后要说的。", "1.学习不够。", "2.作风不实。"]),
            Some((1, None))
        );
        // A numbered measure paragraph counts, its marker skipped.
        assert_eq!(
            at(&["1.学习不够。", "2.今后加强学习。"]),
            Some((0, Some(1)))
        );
        // 一是 and 第一 number points inside a paragraph: only the first
        // of them starts the problems.
        assert_eq!(at(&["二是学习不够。", "1.作风不实。"]), Some((1, None)));
        assert_eq!(at(&["一是学习不够。", "二是作风不实。"]), Some((0, None)));
        // A first problem cannot also be the first measure.
        assert_eq!(at(&["1.今后加强学习。"]), Some((0, None)));
    }

    #[test]
    fn a_paragraph_is_split_where_a_cause_cue_opens_a_later_sentence() {
        let cues = ["究其原因".to_string()];
        let line = "（三）学习不够。究其原因在于：一是学习少；二是不够。";
        let (text, ps) = paras(&[line, "（四）作风不实。"]);
        let (out, inner) = split_at_cause_cues(&text, &ps, &cues);
        let spans: Vec<&str> = out.iter().map(|p| &text[p.span.clone()]).collect();
        assert_eq!(
            spans,
            [
                "（三）学习不够。",
                "究其原因在于：一是学习少；二是不够。",
                "（四）作风不实。"
            ]
        );
        assert_eq!(inner, [1]);
        assert!(out[0].marker.is_some() && out[1].marker.is_none());
        // No 一是 after the cue, or the cue at the paragraph's start: no cut.
        for line in [
            "（三）学习不够。究其原因在于思想。",
            "究其原因在于：一是学习少；二是不够。",
        ] {
            let (text, ps) = paras(&[line]);
            let (out, inner) = split_at_cause_cues(&text, &ps, &cues);
            assert_eq!(out.len(), 1, "{line}");
            assert!(inner.is_empty());
        }
    }

    /// An unnumbered cue paragraph opens the causes when numbered causes
    /// follow (一是 inside or a numbered next paragraph) and no problem of
    /// the styles used before comes after.
    #[test]
    fn a_cue_paragraph_opens_the_causes_only_with_causes_after_and_no_problems() {
        let cues = ["究其原因".to_string()];
        let opens = |lines: &[&str], q: usize| {
            let (text, ps) = paras(lines);
            opens_causes(&text, &ps, (0, q, ps.len()), &cues)
        };
        let base = ["（一）学习不够。", "究其原因有以下几点。", "1.思想放松。"];
        assert!(opens(&base, 1));
        assert!(opens(&["（一）学习不够。", "究其原因，一是思想放松。"], 1));
        // No numbered causes after it.
        assert!(!opens(&["（一）学习不够。", "究其原因有以下几点。"], 1));
        assert!(!opens(
            &["（一）学习不够。", "究其原因有以下几点。", "思想放松。"],
            1
        ));
        // A problem numbered as before comes after: still the problems.
        assert!(!opens(
            &[
                "（一）学习不够。",
                "究其原因，一是思想放松。",
                "（二）作风不实。"
            ],
            1
        ));
        // 一是… after it are causes, whatever came before.
        assert!(opens(
            &["一是学习不够。", "究其原因有以下几点。", "一是思想放松。"],
            1
        ));
        // Not a cue, or numbered itself.
        assert!(!opens(
            &["（一）学习不够。", "原来如此。", "1.思想放松。"],
            1
        ));
        assert!(!opens(
            &["（一）学习不够。", "（二）究其原因。", "1.思想放松。"],
            1
        ));
    }

    #[test]
    fn a_lead_clause_ends_at_either_colon() {
        let cues: [String; 0] = [];
        assert!(opens_with_cue("产生问题的原因有:一是", &cues));
        assert!(opens_with_cue("产生问题的根源有：一是", &cues));
        assert!(!opens_with_cue("产生问题的原因有一是", &cues));
    }
}
