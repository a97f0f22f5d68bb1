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
    let marks = crate::rules::word_list::builder()
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
                stray_spaces(text, &body, &mut found);
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
/// without a sentence end is a heading or a byline (副局长 周建华), a
/// letter-spaced title (对 照 检 查) is layout, and a title in 《》 is
/// quoted as it is (《食品安全国家标准 食品添加剂使用标准》).
fn stray_spaces(text: &str, body: &Range<usize>, found: &mut Vec<Found>) {
    const CLOSING: &[char] = &[
        '，', '。', '；', '：', '！', '？', '、', '）', '」', '』', '”', '’', '》',
    ];
    let line = &text[body.clone()];
    if !line.contains(['。', '；', '！', '？']) && line.chars().count() < 40 {
        return;
    }
    let han = line.chars().filter(|&c| is_han(c)).count();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let is_gap = |c: char| c == ' ' || c == '\u{3000}';
    let mut gaps: Vec<(Range<usize>, &str)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_gap(chars[i].1) || i == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_gap(chars[i].1) {
            i += 1;
        }
        let (before, after) = (chars[start - 1].1, chars.get(i).map(|&(_, c)| c));
        let in_title = line[..chars[start].0].rfind('《') > line[..chars[start].0].rfind('》');
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
                    && leading_marker(&line[chars[i].0..], 0).is_none() =>
            {
                gaps.push((range, "中文词语中间多了空格"));
            }
            Some(a) if CLOSING.contains(&a) && !is_gap(before) => {
                gaps.push((range, "全角标点前多了空格"));
            }
            _ => {}
        }
    }
    let inside = gaps.iter().filter(|(_, w)| w.starts_with("中文")).count();
    // A letter-spaced line (对 照 检 查 材 料) or a short one is layout.
    if han < 12 || inside * 3 > han {
        gaps.retain(|(_, w)| !w.starts_with("中文"));
    }
    found.extend(
        gaps.into_iter()
            .map(|(r, w)| Found::fixed(r.clone(), SPACE, w.to_string(), vec![Edit::new(r, "")])),
    );
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
mod tests {
    use super::*;
    use crate::outline::SectionKind;
    use crate::rules::testing::{meta, run, Seen};

    /// The shipped instance's parameters, never grouped unless asked.
    fn rule_with(group_from: usize, scope: &[SectionKind]) -> Box<dyn Rule> {
        let params: Params = serde_yaml::from_str(&format!(
            "{{half-width: ',;:()?!', pairs: ['“”', '（）', '《》', '「」'], doubled: '。，、', \
             stray-spaces: true, straight-quotes: true, group-from: {group_from}}}"
        ))
        .unwrap();
        build(meta("punctuation", scope), params).unwrap()
    }

    fn check(text: &str) -> Vec<Seen> {
        run(&*rule_with(0, &[]), text)
    }

    /// (text, message) of each finding.
    fn found(text: &str) -> Vec<(String, String)> {
        check(text)
            .into_iter()
            .map(|s| (s.text, s.message))
            .collect()
    }

    #[test]
    fn a_pair_of_pairs_must_be_two_characters() {
        let p = |pairs: &str| -> Params {
            serde_yaml::from_str(&format!("{{pairs: [{pairs}]}}")).unwrap()
        };
        assert!(build(meta("p", &[]), p("'“”'")).is_ok());
        assert!(build(meta("p", &[]), p("'“”」'")).is_err());
        assert!(build(meta("p", &[]), p("'“'")).is_err());
    }

    #[test]
    fn each_half_width_mark_has_its_full_width_form() {
        let pairs = [
            (',', '，'),
            (';', '；'),
            (':', '：'),
            ('(', '（'),
            (')', '）'),
            ('?', '？'),
            ('!', '！'),
            ('.', '.'),
        ];
        for (half, full) in pairs {
            assert_eq!(full_width(half), full, "{half}");
        }
    }

    /// A run of one doubled mark is one finding, whatever its length, and
    /// its fix leaves one mark; runs of different marks are separate.
    #[test]
    fn a_run_of_a_doubled_mark_is_one_finding_fixed_to_one_mark() {
        let got = check("我们学习。。。。工作，，认真。");
        let texts: Vec<&str> = got.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["。。。。", "，，"], "{got:?}");
        assert_eq!(got[0].message, "标点“。”重复");
        assert_eq!(got[0].fixed.as_deref(), Some("我们学习。工作，，认真。"));
        assert_eq!(
            got[1].fixed.as_deref(),
            Some("我们学习。。。。工作，认真。")
        );
        // Two runs of the same mark apart are two findings.
        let got = found("学习。。工作。。");
        assert_eq!(got.len(), 2, "{got:?}");
        // A single mark is fine.
        assert!(found("学习。工作，认真。").is_empty());
    }

    /// The numbering marker of a paragraph is not prose: a doubled mark in
    /// it is not reported, the same marks after it are.
    #[test]
    fn the_leading_marker_is_not_checked() {
        // 一、 is the marker; the 、 after it is single.
        assert!(found("一、、学习不够。").is_empty());
        assert_eq!(found("学习、、不够。").len(), 1);
        let got = check("（一）学习。。不够。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].fixed.as_deref(), Some("（一）学习。不够。"));
    }

    #[test]
    fn a_half_width_mark_is_found_only_between_chinese_characters() {
        let got = check("学习不够,工作不实。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].text, ",");
        assert_eq!(got[0].message, "中文之间使用了半角标点“,”，应为全角“，”");
        assert_eq!(got[0].fixed.as_deref(), Some("学习不够，工作不实。"));
        // Not after or before Latin text or digits.
        assert!(found("使用Excel,工作不实。").is_empty());
        assert!(found("学习不够,2024年。").is_empty());
        assert!(found("学习?工作!认真。").len() == 2);
        assert_eq!(
            check("学习?工作。")[0].fixed.as_deref(),
            Some("学习？工作。")
        );
    }

    /// One space after a comma is allowed between the words, and the fix
    /// takes it with the mark; two spaces end the sentence's prose.
    #[test]
    fn one_space_after_a_half_width_mark_goes_with_its_fix() {
        let got = check("学习不够, 工作不实。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].fixed.as_deref(), Some("学习不够，工作不实。"));
        assert!(found("学习不够,  工作不实。").iter().all(|(t, _)| t != ","));
    }

    /// A half-width ( needs Chinese after it, a ) Chinese before it; a
    /// bracket is fixed with its partner, and one without a partner has no
    /// fix.
    #[test]
    fn brackets_are_judged_by_their_inner_side_and_fixed_in_pairs() {
        // Both inside Chinese: each fixed on its own, no double edit.
        let got = check("作风漂浮(走过场)的问题。");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].fixed.as_deref(), Some("作风漂浮（走过场)的问题。"));
        assert_eq!(got[1].fixed.as_deref(), Some("作风漂浮(走过场）的问题。"));
        // ( before Chinese, its ) after a digit: the ( is found, and its fix
        // takes the partner along.
        let got = check("问题ABC(台账2)。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].text, "(");
        assert_eq!(got[0].fixed.as_deref(), Some("问题ABC（台账2）。"));
        // ) after Chinese, its ( after Latin: the ) is found with its partner.
        let got = check("见附件(A台账)。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].text, ")");
        assert_eq!(got[0].fixed.as_deref(), Some("见附件（A台账）。"));
        // A ( with no partner: found, no fix.
        let got = check("见附件(台账。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].fixed, None);
        // A ) keeps the space after it.
        let got = check("A(2台账) 工作。");
        assert_eq!(got[0].text, ")");
        assert_eq!(got[0].fixed.as_deref(), Some("A（2台账） 工作。"));
    }

    #[test]
    fn partners_are_matched_by_nesting() {
        let m = |s: &str| -> Vec<(usize, char)> { s.char_indices().collect() };
        assert_eq!(
            paren_partners(&m("(()x)")),
            [Some(4), Some(2), Some(1), None, Some(0)]
        );
        assert_eq!(paren_partners(&m(")(")), [None, None]);
        assert_eq!(paren_partners(&m("")), Vec::<Option<usize>>::new());
    }

    #[test]
    fn nested_pairs_balance_and_crossed_ones_are_one_finding() {
        assert!(found("学习《“两个确立”读本》（2022年版）。").is_empty());
        assert_eq!(
            found("对“两个确立」的意义。"),
            [(
                "“两个确立」".to_string(),
                "“ 与 」 不配对：“ 应以 ” 结束".to_string()
            )]
        );
        let got = found("对“两个（确立”）的意义。");
        assert_eq!(
            got,
            [
                (
                    "（确立”".to_string(),
                    "（ 与 ” 不配对：（ 应以 ） 结束".to_string()
                ),
                (
                    "）".to_string(),
                    "不配对的 ） ：前面缺少与之对应的 （".to_string()
                ),
            ]
        );
        // A close mark of another pair than the open one on top, with no
        // open mark of its own below: only the top one is dropped.
        let got = found("对“两个（确立”的意义。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "（确立”");
        let got = found("对《两个「确立》的意义」。");
        assert_eq!(got[0].0, "「确立》", "{got:?}");
    }

    #[test]
    fn a_pair_closed_before_it_is_opened_is_reversed_and_swapped_by_the_fix() {
        let got = check("对”两个确立“的意义。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].text, "”两个确立“");
        assert_eq!(got[0].message, "” 和 “ 前后颠倒：应为 “…”");
        assert_eq!(got[0].fixed.as_deref(), Some("对“两个确立”的意义。"));
        // The open mark paired with the stray close is one of its own kind,
        // not any open mark left after it.
        let got = found("学习”和《纲要“两个确立。");
        assert_eq!(
            got,
            [
                (
                    "”和《纲要“".to_string(),
                    "” 和 “ 前后颠倒：应为 “…”".to_string()
                ),
                (
                    "《".to_string(),
                    "不配对的 《 ：后面缺少与之对应的 》".to_string()
                ),
            ]
        );
        // A close mark with no open one anywhere, and an open one never
        // closed.
        assert_eq!(
            found("学习”两个确立。"),
            [(
                "”".to_string(),
                "不配对的 ” ：前面缺少与之对应的 “".to_string()
            )]
        );
        assert_eq!(
            found("学习“两个确立。"),
            [(
                "“".to_string(),
                "不配对的 “ ：后面缺少与之对应的 ”".to_string()
            )]
        );
    }

    #[test]
    fn straight_quotes_are_paired_in_order_and_only_around_chinese() {
        let got = check("对\"ABC\"和\"四个意识\"认识不足。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].text, "\"四个意识\"");
        assert_eq!(
            got[0].fixed.as_deref(),
            Some("对\"ABC\"和“四个意识”认识不足。")
        );
        // An odd number: no certain pairing, nothing reported.
        assert!(found("对\"四个意识\"认识\"不足。").is_empty());
    }

    /// Spaces: one inside a Chinese word, or before a closing mark.
    #[test]
    fn a_stray_space_is_found_and_removed_by_the_fix() {
        let got = check("我们没有定 期开展谈心谈话和批评与自我批评。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].message, "中文词语中间多了空格");
        assert_eq!(
            got[0].fixed.as_deref(),
            Some("我们没有定期开展谈心谈话和批评与自我批评。")
        );
        let got = check("对下属的监督管理和教育提醒不到位　。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].message, "全角标点前多了空格");
        assert_eq!(got[0].text, "　");
        assert_eq!(
            got[0].fixed.as_deref(),
            Some("对下属的监督管理和教育提醒不到位。")
        );
        // Two spaces are a separator; a space before a numbered point, or
        // after a space, is layout.
        assert!(found("我们没有定  期开展谈心谈话和批评与自我批评。").is_empty());
        assert!(found("理论学习方面的问题 一是学习不够系统深入。").is_empty());
    }

    /// A short line without a sentence end is a heading or a byline; from
    /// 40 characters on, or with a sentence end, it is prose.
    #[test]
    fn stray_spaces_are_looked_for_in_sentences_and_long_lines_only() {
        // 39 characters, no sentence end: a heading.
        let line39 = format!("我们没有定 期开展{}", "谈".repeat(30));
        assert_eq!(line39.chars().count(), 39);
        assert!(found(&line39).is_empty());
        let line40 = format!("{line39}话");
        assert_eq!(found(&line40).len(), 1, "40 characters are prose");
        for end in ['。', '；', '！', '？'] {
            let short = format!("我们没有定 期开展谈心谈话活动{end}");
            assert_eq!(found(&short).len(), 1, "{short}");
        }
        assert!(found("我们没有定 期开展谈心谈话活动，").is_empty());
    }

    /// Fewer than 12 Chinese characters, or spaces inside words in more
    /// than a third of them: layout, not typos. Spaces before marks are
    /// reported either way.
    #[test]
    fn spaced_out_or_short_lines_keep_only_spaces_before_marks() {
        // 12 Chinese characters, one space: found.
        assert_eq!(found("我们要认 真学习贯彻落实好。").len(), 1);
        // 11: too short to tell.
        assert!(found("我们要认 真学习贯彻落实。").is_empty());
        assert_eq!(
            found("我们要认真学习贯彻落 。"),
            [(" ".to_string(), "全角标点前多了空格".to_string())]
        );
        // 4 spaces in 12 characters: a third, still typos.
        assert_eq!(found("我们 要认 真学 习贯彻 落实好。").len(), 4);
        // 5 in 13: more than a third, layout; the space before 。 stays.
        assert_eq!(
            found("我们 要认 真学 习贯 彻落 实好 。"),
            [(" ".to_string(), "全角标点前多了空格".to_string())]
        );
    }

    #[test]
    fn a_space_inside_a_book_title_is_quoted_as_it_is() {
        assert!(found("对照《食品安全国家标准 食品添加剂使用标准》检查企业。").is_empty());
        // After the title is closed, the same space is a typo.
        assert_eq!(
            found("对照《食品安全国家标准》食品添 加剂使用标准检查企业。").len(),
            1
        );
    }

    /// From `group-from` findings on, a paragraph's findings are one, with
    /// a label and the fix of each place and a count of each kind.
    #[test]
    fn many_findings_in_a_paragraph_are_grouped_with_a_label_each() {
        let rule = rule_with(3, &[]);
        let two = run(&*rule, "学习不够,工作不实。。");
        assert_eq!(two.len(), 2, "below group-from: {two:?}");
        let three = run(&*rule, "学习不够,工作不实,作风漂浮。。");
        assert_eq!(three.len(), 1, "{three:?}");
        let g = &three[0];
        assert_eq!(
            g.message,
            "本段有 3 处标点问题：半角标点 2 处、重复标点 1 处"
        );
        assert_eq!(g.places, 3);
        assert_eq!(g.text, ",");
        assert_eq!(
            g.labels.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
            [",", ",", "。。"]
        );
        assert_eq!(g.fixed.as_deref(), Some("学习不够，工作不实，作风漂浮。"));
    }

    /// A rule scoped to a part checks that part's paragraphs only.
    #[test]
    fn a_scoped_rule_checks_only_its_part() {
        let text = "一、存在的问题\n（一）学习。。不够。\n二、整改措施\n（一）落实。。整改。\n";
        let rule = rule_with(0, &[SectionKind::Measures]);
        let got = run(&*rule, text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].fixed.as_deref(),
            Some(&*text.replace("落实。。", "落实。"))
        );
    }
}
