//! `punctuation`: half-width marks between Chinese characters, unbalanced
//! quotes and brackets, doubled marks.
//!
//! One Aho-Corasick scan finds every mark of interest; the checks then look
//! only at those marks and their neighbours, never at every character.
//!
//! Findings whose correction is certain carry edits for `--fix`: a
//! half-width mark made full width, a doubled mark made single, straight or
//! reversed quotes paired as “”, a stray space removed. Crossed and
//! unbalanced pairs have no fix: which mark is wrong is the author's call.

use super::{Context, Meta, Rule};
use crate::diagnostic::{Diagnostic, Edit, Label};
use crate::markers::leading_marker;
use crate::settings::Invalid;
use crate::text::is_han;
use aho_corasick::AhoCorasick;
use serde::Deserialize;
use std::ops::Range;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Half-width marks that must not stand between Chinese characters.
    #[serde(default)]
    half_width: String,
    /// Bracket and quote pairs that must balance, e.g. "“”".
    #[serde(default)]
    pairs: Vec<String>,
    /// Marks that must not be doubled.
    #[serde(default)]
    doubled: String,
    /// Report a space inside Chinese text (定 期开展) or before a
    /// full-width mark (不到位 。).
    #[serde(default)]
    stray_spaces: bool,
    /// Report straight double quotes around Chinese text ("两个确立"),
    /// which should be “”.
    #[serde(default)]
    straight_quotes: bool,
    /// A paragraph with this many findings or more gets one finding with a
    /// label at each place (0: never grouped).
    #[serde(default)]
    group_from: usize,
}

/// A place found, what is wrong there and how to fix it (no edits: no
/// safe fix).
struct Found {
    span: Range<usize>,
    /// What is wrong, in short (半角标点), for a paragraph's summary.
    kind: &'static str,
    what: String,
    edits: Vec<Edit>,
}

impl Found {
    fn new(span: Range<usize>, kind: &'static str, what: String) -> Found {
        Found::fixed(span, kind, what, Vec::new())
    }

    fn fixed(span: Range<usize>, kind: &'static str, what: String, edits: Vec<Edit>) -> Found {
        Found {
            span,
            kind,
            what,
            edits,
        }
    }
}

const HALF_WIDTH: &str = "半角标点";
const DOUBLED: &str = "重复标点";
const UNPAIRED: &str = "引号括号不配对";
const REVERSED: &str = "引号括号颠倒";
const SPACE: &str = "多余的空格";
const STRAIGHT: &str = "直引号";

pub(crate) struct Punctuation {
    meta: Meta,
    half_width: Vec<char>,
    pairs: Vec<(char, char)>,
    marks: AhoCorasick,
    stray_spaces: bool,
    straight_quotes: bool,
    group_from: usize,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    let pairs: Vec<(char, char)> = params
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cs: Vec<char> = p.chars().collect();
            match cs.as_slice() {
                [open, close] => Ok((*open, *close)),
                _ => Err(Invalid::in_field(
                    "pairs",
                    format!("`pairs` 的每一项须是两个字符（开、闭），`{p}` 不是"),
                )
                .at(i)),
            }
        })
        .collect::<Result<_, _>>()?;
    let half_width: Vec<char> = params.half_width.chars().collect();
    let doubled: Vec<char> = params.doubled.chars().collect();
    // Doubled marks are searched as pairs (。。): single 。 and ， are far too
    // frequent to visit one by one.
    let mut needles: Vec<String> = half_width.iter().map(|c| c.to_string()).collect();
    needles.extend(doubled.iter().map(|c| format!("{c}{c}")));
    for (o, c) in &pairs {
        needles.push(o.to_string());
        needles.push(c.to_string());
    }
    if params.straight_quotes {
        needles.push("\"".to_string());
    }
    needles.sort();
    needles.dedup();
    let marks = crate::rules::lexicon::automaton_builder()
        .build(&needles)
        .map_err(|e| Invalid::new(e.to_string()))?;
    Ok(Box::new(Punctuation {
        meta,
        half_width,
        pairs,
        marks,
        stray_spaces: params.stray_spaces,
        straight_quotes: params.straight_quotes,
        group_from: match params.group_from {
            0 => usize::MAX,
            n => n,
        },
    }))
}

fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        other => other,
    }
}

impl Rule for Punctuation {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text = doc.text();
        let regions = self.meta.regions(doc);
        let in_scope = |at: usize| regions.iter().any(|r| r.contains(&at));
        let ends = block_ends(text, &doc.outline);
        for para in &doc.paragraphs {
            if !in_scope(para.span.start) {
                continue;
            }
            let mut found: Vec<Found> = Vec::new();
            // A leading marker like (一) is numbering, not prose.
            let body_start = para.marker.as_ref().map_or(para.span.start, |m| m.span.end);
            let body = body_start..para.span.end;
            let mut marks: Vec<(usize, char)> = Vec::new();
            let mut last_double: Option<usize> = None;
            for m in self.marks.find_iter(&text[body.clone()]) {
                let at = body.start + m.start();
                let c = text[at..].chars().next().expect("a match is a char");
                if m.len() == c.len_utf8() {
                    marks.push((at, c));
                } else if last_double == Some(at) {
                    // 。。。。: extend the previous finding and its edit.
                    let last = found.last_mut().expect("pushed before");
                    last.span.end = at + m.len();
                    last.edits[0].span.end = at + m.len();
                    last_double = Some(at + m.len());
                } else {
                    let span = at..at + m.len();
                    let edit = Edit::new(span.clone(), c.to_string());
                    found.push(Found::fixed(
                        span,
                        DOUBLED,
                        format!("标点“{c}”重复"),
                        vec![edit],
                    ));
                    last_double = Some(at + m.len());
                }
            }
            self.half_width_marks(text, &body, &marks, &mut found);
            self.balance(&marks, &mut found);
            if self.straight_quotes {
                straight_quotes(text, &marks, &mut found);
            }
            if self.stray_spaces {
                stray_spaces(text, &body, para.marker.is_some(), &ends, &mut found);
            }
            found.sort_by_key(|f| f.span.start);
            if found.len() >= self.group_from {
                out.push(self.grouped(doc, found));
                continue;
            }
            for f in found {
                let matched = &text[f.span.clone()];
                let mut d =
                    self.meta
                        .diagnostic(doc, f.span, &[("match", matched), ("what", &f.what)]);
                d.edits = f.edits;
                out.push(d);
            }
        }
    }
}

impl Punctuation {
    /// One finding for a paragraph with many (a web copy with a half-width
    /// comma in every clause): "本段有 23 处标点问题", a label at each place,
    /// and every place's fix.
    fn grouped(&self, doc: &crate::document::Document, found: Vec<Found>) -> Diagnostic {
        let mut kinds: Vec<(&str, usize)> = Vec::new();
        for f in &found {
            match kinds.iter_mut().find(|(k, _)| *k == f.kind) {
                Some((_, n)) => *n += 1,
                None => kinds.push((f.kind, 1)),
            }
        }
        let summary: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n} 处")).collect();
        let what = format!("本段有 {} 处标点问题：{}", found.len(), summary.join("、"));
        let first = found[0].span.clone();
        let matched = &doc.text()[first.clone()];
        let mut d = self
            .meta
            .diagnostic(doc, first, &[("match", matched), ("what", &what)]);
        d.places = found.len();
        for f in found {
            d.labels.push(Label {
                file: doc.index,
                span: f.span,
                message: f.what,
            });
            d.edits.extend(f.edits);
        }
        d
    }
}

impl Punctuation {
    fn half_width_marks(
        &self,
        text: &str,
        body: &Range<usize>,
        marks: &[(usize, char)],
        found: &mut Vec<Found>,
    ) {
        let partners = paren_partners(marks);
        let mut hits: Vec<usize> = Vec::new();
        for (i, &(at, c)) in marks.iter().enumerate() {
            if !self.half_width.contains(&c) {
                continue;
            }
            let before = text[body.start..at].chars().next_back().is_some_and(is_han);
            // Allow one space after a comma: "学习, 工作".
            let rest = &text[at + 1..body.end];
            let after = rest
                .trim_start_matches(' ')
                .chars()
                .next()
                .is_some_and(is_han)
                && rest.len() - rest.trim_start_matches(' ').len() <= 1;
            let hit = match c {
                '(' => after,
                ')' => before,
                _ => before && after,
            };
            if hit {
                hits.push(i);
            }
        }
        for &i in &hits {
            let (at, c) = marks[i];
            let what = format!("中文之间使用了半角标点“{c}”，应为全角“{}”", full_width(c));
            // The space allowed after the mark (学习, 工作) goes with it.
            let space = usize::from(c != ')' && text[at + 1..body.end].starts_with(' '));
            let mut edits = vec![Edit::new(at..at + 1 + space, full_width(c).to_string())];
            if matches!(c, '(' | ')') {
                // A bracket is made full width with its partner, or a
                // half-made pair (（…)) would be a new finding; one without
                // a partner is left to the author.
                match partners[i] {
                    Some(p) if !hits.contains(&p) => {
                        let (pat, pc) = marks[p];
                        edits.push(Edit::new(pat..pat + 1, full_width(pc).to_string()));
                    }
                    Some(_) => {}
                    None => edits.clear(),
                }
            }
            found.push(Found::fixed(at..at + 1, HALF_WIDTH, what, edits));
        }
    }

    /// Pairs are matched by order, with one stack for all of them: a close
    /// mark must close the latest open one (“…」 is crossed), and a close
    /// mark before its open one in the paragraph is reversed (”…“).
    fn balance(&self, marks: &[(usize, char)], found: &mut Vec<Found>) {
        let mut stack: Vec<(usize, usize)> = Vec::new();
        let mut stray_close: Vec<(usize, usize)> = Vec::new();
        for &(at, c) in marks {
            if let Some(k) = self.pairs.iter().position(|&(o, _)| o == c) {
                stack.push((at, k));
            } else if let Some(k) = self.pairs.iter().position(|&(_, cl)| cl == c) {
                match stack.last() {
                    Some(&(_, top)) if top == k => {
                        stack.pop();
                    }
                    Some(&(open_at, top)) => {
                        let (open, close) = self.pairs[top];
                        if let Some(depth) = stack.iter().rposition(|&(_, t)| t == k) {
                            // “（…”）: the inner pair is crossed; close both.
                            stack.truncate(depth);
                        } else {
                            stack.pop();
                        }
                        found.push(Found::new(
                            open_at..at + c.len_utf8(),
                            UNPAIRED,
                            format!("{open} 与 {c} 不配对：{open} 应以 {close} 结束"),
                        ));
                    }
                    None => stray_close.push((at, k)),
                }
            }
        }
        for (at, k) in stray_close {
            let (open, close) = self.pairs[k];
            // ”两个确立“: the same pair, closed before it is opened.
            if let Some(i) = stack.iter().position(|&(o, t)| t == k && o > at) {
                let (o, _) = stack.remove(i);
                // Swapping the two marks is the whole correction.
                let edits = vec![
                    Edit::new(at..at + close.len_utf8(), open.to_string()),
                    Edit::new(o..o + open.len_utf8(), close.to_string()),
                ];
                found.push(Found::fixed(
                    at..o + open.len_utf8(),
                    REVERSED,
                    format!("{close} 和 {open} 前后颠倒：应为 {open}…{close}"),
                    edits,
                ));
            } else {
                found.push(Found::new(
                    at..at + close.len_utf8(),
                    UNPAIRED,
                    format!("不配对的 {close} ：前面缺少与之对应的 {open}"),
                ));
            }
        }
        for (at, k) in stack {
            let (open, close) = self.pairs[k];
            found.push(Found::new(
                at..at + open.len_utf8(),
                UNPAIRED,
                format!("不配对的 {open} ：后面缺少与之对应的 {close}"),
            ));
        }
    }
}

/// Spaces inside Chinese text: between two Chinese characters (定 期开展),
/// or before a full-width mark (不到位 。). Only in sentences: a short line
/// without a sentence end is a heading or a byline (副局长 周建华), unless
/// a numbered heading has one space cutting a word ((四)廉 洁自律), a
/// letter-spaced title (对 照 检 查) is layout, and a title in 《》 is
/// quoted as it is (《食品安全国家标准 食品添加剂使用标准》).
fn stray_spaces(
    text: &str,
    body: &Range<usize>,
    numbered: bool,
    block_ends: &[usize],
    found: &mut Vec<Found>,
) {
    const CLOSING: &[char] = &[
        '，', '。', '；', '：', '！', '？', '、', '）', '」', '』', '”', '’', '》',
    ];
    let line = &text[body.clone()];
    // A web page's furniture line spaces its fields (【字体：大 中 小】).
    if crate::outline::is_site_line(line) {
        return;
    }
    let prose = line.contains(['。', '；', '！', '？']) || line.chars().count() >= 40;
    let han = line.chars().filter(|&c| is_han(c)).count();
    // In a numbered heading, a space that cuts a word in two ((四)廉 洁自
    // 律方面) is a typo however short the line.
    let cuts_word =
        |before: char, after: char| crate::segment::in_dictionary(&format!("{before}{after}"));
    let mut cut = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let is_gap = |c: char| c == ' ' || c == '\u{3000}';
    let mut gaps: Vec<(Range<usize>, &str)> = Vec::new();
    // Whether the last of 《 and 》 before `i` is 《, read once through.
    let mut in_title = false;
    let mut i = 0;
    while i < chars.len() {
        match chars[i].1 {
            '《' => in_title = true,
            '》' => in_title = false,
            _ => {}
        }
        if !is_gap(chars[i].1) || i == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_gap(chars[i].1) {
            i += 1;
        }
        let (before, after) = (chars[start - 1].1, chars.get(i).map(|&(_, c)| c));
        // A web copy runs a heading, a subtitle or a byline into the text
        // after it with one space (二、原因分析 对照查摆出的问题…): layout.
        let block_end = || {
            block_ends
                .binary_search(&(body.start + chars[start].0))
                .is_ok()
                || subtitle_before(&chars[..start])
                || byline_run_in(&chars[i..])
                || byline_before(&chars[..start], &chars[i..])
        };
        if in_title {
            continue;
        }
        let range =
            body.start + chars[start].0..body.start + chars.get(i).map_or(line.len(), |&(b, _)| b);
        match after {
            // One space: two are a separator (来源：投稿  发布时间), and a
            // numbered point after a heading on one line (整改措施 一是) is no word.
            Some(a)
                if is_han(before)
                    && is_han(a)
                    && i - start == 1
                    && leading_marker(&line[chars[i].0..], 0).is_none()
                    && !block_end() =>
            {
                if numbered && chars[start].1 == ' ' && cuts_word(before, a) {
                    cut += 1;
                }
                gaps.push((range, "中文词语中间多了空格"));
            }
            Some(a) if prose && CLOSING.contains(&a) && !is_gap(before) => {
                gaps.push((range, "全角标点前多了空格"));
            }
            _ => {}
        }
    }
    let inside = gaps.iter().filter(|(_, w)| w.starts_with("中文")).count();
    // A letter-spaced line (对 照 检 查 材 料) is layout; in a heading or a
    // short line, only a single space cutting a word is a typo.
    if inside * 3 > han && inside > 1 {
        gaps.retain(|(_, w)| !w.starts_with("中文"));
    } else if !prose || han < 12 {
        // (A gap before a mark is only found in prose: those all stay.)
        let keep_one = inside == 1 && cut == 1;
        gaps.retain(|(_, w)| keep_one || !w.starts_with("中文"));
    }
    found.extend(
        gaps.into_iter()
            .map(|(r, w)| Found::fixed(r.clone(), SPACE, w.to_string(), vec![Edit::new(r, "")])),
    );
}

/// Whether what follows a gap is a name run into the next paragraph by a
/// web copy (站长　韦国强　　按照…, 支部委员 陈丽 按照…): two to four
/// Chinese characters, then a full-width space, or a space and the words
/// of a sentence (not 我们 要认 真学…, a line spaced out).
fn byline_run_in(after: &[(usize, char)]) -> bool {
    let name = han_run(after);
    (2..=4).contains(&name)
        && match after.get(name).map(|&(_, c)| c) {
            Some('\u{3000}') => true,
            Some(' ') => han_run(&after[name + 1..]) >= 4,
            _ => false,
        }
}

/// Whether a gap follows such a name (the space after 陈丽 in 支部委员 陈丽
/// 按照…): two to four Chinese characters with a space before them, and
/// the words of a sentence after the gap.
fn byline_before(before: &[(usize, char)], after: &[(usize, char)]) -> bool {
    let name = han_run_before(before);
    (2..=4).contains(&name)
        && han_run(after) >= 4
        && before
            .len()
            .checked_sub(name + 1)
            .is_some_and(|k| matches!(before[k].1, ' ' | '\u{3000}'))
}

/// How many Chinese characters `chars` starts with.
fn han_run(chars: &[(usize, char)]) -> usize {
    chars.iter().take_while(|&&(_, c)| is_han(c)).count()
}

/// How many Chinese characters `chars` ends with.
fn han_run_before(chars: &[(usize, char)]) -> usize {
    chars.iter().rev().take_while(|&&(_, c)| is_han(c)).count()
}

/// Whether a gap ends a subtitle (——个人对照检查 按照…): a dash, then
/// words without a mark up to the gap.
fn subtitle_before(before: &[(usize, char)]) -> bool {
    let run = han_run_before(before);
    run >= 2 && before.len() > run && before[before.len() - run - 1].1 == '—'
}

/// Where a heading, an item's label or the title block ends: a gap there
/// is a web copy's line break (二、原因分析 对照查摆出的问题…), sorted. A
/// heading run into its opening sentence is read whole; its name ends at
/// its first gap when no mark comes before it.
fn block_ends(text: &str, outline: &crate::outline::Outline) -> Vec<usize> {
    fn items(list: &[crate::outline::Item], out: &mut Vec<usize>) {
        for i in list {
            out.push(i.label.end);
            items(&i.children, out);
        }
    }
    let mut out = vec![outline.title_end];
    out.extend(outline.title.as_ref().map(|t| t.end));
    for s in &outline.sections {
        if !s.heading.is_empty() {
            out.push(s.heading.end);
            let from = s.marker.as_ref().map_or(s.heading.start, |m| m.span.end);
            let name = text[from..s.heading.end]
                .split([' ', '\u{3000}'])
                .next()
                .unwrap_or("");
            if name.len() < s.heading.end - from && name.chars().all(is_han) {
                out.push(from + name.len());
            }
        }
        items(&s.items, &mut out);
    }
    out.sort_unstable();
    out
}

/// The partner of each half-width bracket among `marks` (by index): ( and )
/// matched by nesting within the paragraph.
fn paren_partners(marks: &[(usize, char)]) -> Vec<Option<usize>> {
    let mut out = vec![None; marks.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, &(_, c)) in marks.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => {
                if let Some(o) = open.pop() {
                    out[o] = Some(i);
                    out[i] = Some(o);
                }
            }
            _ => {}
        }
    }
    out
}

/// Straight double quotes around Chinese text ("两个确立"): taken in
/// pairs, in order, when the paragraph has an even number of them; a pair
/// is reported when it quotes a Chinese character, and fixed as “”. An odd
/// count leaves no certain pairing, and "ABC" quotes no Chinese: both are
/// left alone.
fn straight_quotes(text: &str, marks: &[(usize, char)], found: &mut Vec<Found>) {
    let quotes: Vec<usize> = marks
        .iter()
        .filter(|&&(_, c)| c == '"')
        .map(|&(at, _)| at)
        .collect();
    if !quotes.len().is_multiple_of(2) {
        return;
    }
    for pair in quotes.chunks(2) {
        let (open, close) = (pair[0], pair[1]);
        if !text[open + 1..close].chars().any(is_han) {
            continue;
        }
        found.push(Found::fixed(
            open..close + 1,
            STRAIGHT,
            "中文中使用了直引号 \"…\"，应为 “…”".to_string(),
            vec![
                Edit::new(open..open + 1, "“"),
                Edit::new(close..close + 1, "”"),
            ],
        ));
    }
}

#[cfg(test)]
mod tests;
