//! The text the rules read, and the way back to the file.
//!
//! A report copied from a PDF is hard-wrapped: each paragraph broken into
//! lines of one width, words split across the breaks (`有` / `所`), page
//! numbers and running headers between the lines. The view joins the
//! wrapped lines and drops that page furniture, so that every stage after
//! it (segmentation, outline, rules, copy detection) reads the text as the
//! author wrote it; traditional characters are read as simplified (the
//! word lists are simplified). Every position found in the view is mapped
//! back to the file before it is shown ([`View::to_source`]).

mod markdown;

use crate::markers::{leading_marker, Style};
use crate::names::name_alone;
use crate::source::Source;
use crate::text::is_space;
use std::borrow::Cow;
use std::ops::Range;

pub(crate) struct View<'a> {
    text: Cow<'a, str>,
    /// (view offset, source offset) where each copied piece starts; empty
    /// when the view is the file's text.
    map: Vec<(usize, usize)>,
}

impl<'a> View<'a> {
    /// The view of a file: wraps joined, page furniture dropped,
    /// traditional characters simplified.
    pub(crate) fn new(source: &'a Source) -> View<'a> {
        let text = source.text.as_str();
        let lines: Vec<Range<usize>> = (0..source.line_count())
            .map(|l| source.line_range(l))
            .collect();
        let bodies: Vec<Range<usize>> = lines.iter().map(|r| trimmed(text, r.clone())).collect();
        let width = wrap_width(text, &bodies);
        let furniture = furniture(text, &bodies, width.is_some());
        // Indented lines start paragraphs where others are flush (a PDF's
        // first lines indented, its wrapped lines not): an indented line is
        // no continuation. Where every line is indented, or none, it says
        // nothing.
        let indented: Vec<bool> = (lines.iter().zip(&bodies))
            .map(|(r, b)| !b.is_empty() && b.start > line_start(text, r))
            .collect();
        let flush = (bodies.iter().zip(&indented)).filter(|(b, &i)| !b.is_empty() && !i);
        let indents_paragraphs = indented.iter().filter(|&&i| i).count() >= 2 && flush.count() >= 2;
        // Byte ranges of the file the view keeps, in order.
        let mut keep: Vec<Range<usize>> = Vec::new();
        let mut from = 0;
        let mut l = 0;
        while l < lines.len() {
            if furniture[l] {
                let next = lines.get(l + 1).map_or(text.len(), |r| line_start(text, r));
                keep.push(from..line_start(text, &lines[l]));
                from = next;
                l += 1;
                continue;
            }
            let body = &text[bodies[l].clone()];
            let joined = width
                .filter(|&w| wraps(body, w) || breaks_a_sentence(body))
                .and_then(|_| {
                    // The next line with text, past blank lines only if page
                    // furniture stands among them.
                    let mut k = l + 1;
                    let mut saw_furniture = false;
                    while k < lines.len() && (bodies[k].is_empty() || furniture[k]) {
                        saw_furniture |= furniture[k];
                        k += 1;
                    }
                    let next = bodies.get(k)?;
                    let blank_between = (l + 1..k).any(|i| !furniture[i]);
                    // A line that starts a numbered point is no continuation;
                    // 一是 / 第二， number points inside a sentence, so a wrap
                    // before them still joins (究其原因，\n一是……).
                    let numbered = leading_marker(&text[next.clone()], next.start)
                        .is_some_and(|m| !matches!(m.style, Style::Shi | Style::Ordinal));
                    let opens = indents_paragraphs && indented[k];
                    // A name alone under a title (…对照检查材料 / 吴振东) is
                    // the byline, however long the title.
                    let byline = name_alone(&text[next.clone()]).is_some();
                    let starts = numbered || opens || byline;
                    (!starts && (!blank_between || saw_furniture)).then_some(k)
                });
            match joined {
                Some(k) => {
                    keep.push(from..bodies[l].end);
                    from = bodies[k].start;
                    l = k;
                }
                None => l += 1,
            }
        }
        keep.push(from..text.len());
        if source.markdown {
            keep = without(keep, &markdown::syntax_ranges(text, &lines));
        }
        keep.retain(|r| !r.is_empty());
        if keep.len() <= 1 && keep.first().is_none_or(|r| *r == (0..text.len())) {
            return View::identity(text).simplified();
        }
        let mut out = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(keep.len());
        for r in keep {
            map.push((out.len(), r.start));
            out.push_str(&text[r]);
        }
        View {
            text: Cow::Owned(out),
            map,
        }
        .simplified()
    }

    /// Traditional characters read as simplified (理論學習 is 理论学习), so a
    /// report copied from a traditional source gets the same word-list,
    /// formulation and evidence findings. Each character keeps its byte
    /// length, so every position still maps to the file as before.
    fn simplified(self) -> View<'a> {
        // Most reports hold no traditional character: look before copying.
        if !self.text.chars().any(|c| simplified_char(c).is_some()) {
            return self;
        }
        let text: String = self
            .text
            .chars()
            .map(|c| simplified_char(c).unwrap_or(c))
            .collect();
        View {
            text: Cow::Owned(text),
            map: self.map,
        }
    }

    /// A view that is the text itself.
    pub(crate) fn identity(text: &'a str) -> View<'a> {
        View {
            text: Cow::Borrowed(text),
            map: Vec::new(),
        }
    }

    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The file's bytes of a range of the view. A range that spans a join
    /// covers what was dropped there too.
    pub(crate) fn to_source(&self, r: Range<usize>) -> Range<usize> {
        if self.map.is_empty() {
            return r;
        }
        let start = self.position(r.start, false);
        let end = if r.end > r.start {
            self.position(r.end, true)
        } else {
            start
        };
        start..end
    }

    /// The file's bytes of a view range the file holds as the view shows
    /// it: `None` when the range spans a join (what was dropped there) or a
    /// character the view simplified. A fix may only edit such a range.
    pub(crate) fn to_source_exact(&self, file: &str, r: Range<usize>) -> Option<Range<usize>> {
        let s = self.to_source(r.clone());
        (file.get(s.clone())? == self.text.get(r)?).then_some(s)
    }

    /// A view offset in the file; at a join, the end of the piece before
    /// (`end`) or the start of the piece after.
    fn position(&self, at: usize, end: bool) -> usize {
        let i = if end {
            self.map.partition_point(|&(v, _)| v < at)
        } else {
            self.map.partition_point(|&(v, _)| v <= at)
        };
        let (v, s) = self.map[i.saturating_sub(1)];
        s + (at - v)
    }
}

/// `keep` (ranges in order, apart) less `drop` (in order, apart).
fn without(keep: Vec<Range<usize>>, drop: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(keep.len() + drop.len());
    let mut d = 0;
    for mut r in keep {
        while d < drop.len() && drop[d].end <= r.start {
            d += 1;
        }
        let mut k = d;
        while k < drop.len() && drop[k].start < r.end {
            if drop[k].start > r.start {
                out.push(r.start..drop[k].start);
            }
            r.start = r.start.max(drop[k].end).min(r.end);
            k += 1;
        }
        out.push(r);
    }
    out
}

include!(concat!(env!("OUT_DIR"), "/t2s.rs"));

/// The simplified form of a traditional character, of the same UTF-8
/// length (so positions stay): fast2s's table with `t2s_extra.txt`'s
/// additions and keeps, made by build.rs.
pub(crate) fn simplified_char(c: char) -> Option<char> {
    if c < '\u{3400}' {
        return None;
    }
    let n = c as usize;
    if n < 1 << 16 && T2S_BMP[n >> 6] & (1 << (n & 63)) == 0 {
        return None;
    }
    T2S.binary_search_by_key(&c, |&(t, _)| t)
        .ok()
        .map(|i| T2S[i].1)
}

fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let line = &text[r.clone()];
    let lead = line.len() - line.trim_start_matches(is_space).len();
    let body = line.trim_matches(is_space);
    if body.is_empty() {
        return r.start..r.start;
    }
    r.start + lead..r.start + lead + body.len()
}

/// Where a line starts, its indentation included.
fn line_start(text: &str, r: &Range<usize>) -> usize {
    text[..r.start].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// Does this line end mid-sentence at (about) the wrap width? A line
/// that ends with an opening mark (围绕「, 《) or a clause mark (严以律己，)
/// is wrapped whatever its length: no paragraph ends there.
fn wraps(line: &str, width: usize) -> bool {
    const ENDS: &[char] = &[
        '。', '！', '？', '；', '：', '”', '’', '）', '」', '』', '…', '.', '!', '?', ';', ':', ')',
    ];
    const OPEN: &[char] = &[
        '“', '‘', '「', '『', '（', '《', '【', '〔', '(', '，', '、',
    ];
    line.ends_with(OPEN) || line.chars().count() + 2 >= width && !line.ends_with(ENDS)
}

/// In a wrapped text, does this line, short of the width, break off a
/// sentence it has begun? It holds a comma or a sentence end and ends on a
/// Chinese character (…指出，我国社会主要矛盾已经转化为): a copy was wrapped
/// short there (a quotation kept whole on the next line). A part's heading
/// (第一部分：上年度…整改落实情况) is none.
fn breaks_a_sentence(line: &str) -> bool {
    let heading = leading_marker(line, 0)
        .is_some_and(|m| matches!(m.style, Style::ChineseComma | Style::Part));
    !heading
        && line.contains(['，', '。', '；'])
        && line.chars().last().is_some_and(crate::text::is_han)
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
    // Sorted: the lengths within 2 of n are one window, found by search.
    for &n in &lengths {
        let from = lengths.partition_point(|&m| m + 2 < n);
        let to = lengths.partition_point(|&m| m <= n + 2);
        let near = to - from;
        if near >= 3 && best.is_none_or(|(_, c)| near > c) {
            best = Some((n, near));
        }
    }
    let (width, _) = best?;
    // Only a wrapped text has many lines of one width ending mid-sentence,
    // and few longer (a paragraph pasted in unwrapped), at most half as many
    // as the wrapped ones: headings of one length in a text of long paragraphs
    // are no wrap.
    let ragged = lines
        .iter()
        .filter(|r| {
            let line = &text[(*r).clone()];
            wraps(line, width) && line.chars().count() <= width + 2
        })
        .count();
    let longer = lines
        .iter()
        .filter(|r| text[(*r).clone()].chars().count() > width + 4)
        .count();
    let nonblank = lines.iter().filter(|r| !r.is_empty()).count();
    (ragged >= 3 && longer * 6 <= nonblank.max(40) && longer * 2 <= ragged).then_some(width)
}

/// A page number line: `— 3 —`, `- 3 -`, `·3·`, `第 3 页`, `第3页 共9页`, `3/9`.
fn is_page_number(line: &str) -> bool {
    // The longest form, 第 12 页 / 共 30 页 with spaces, is far shorter.
    if line.len() > 64 {
        return false;
    }
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return false;
    }
    let bare = t.trim_matches(|c: char| "—－-–·•".contains(c));
    if bare.len() < t.len() && !bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if let Some(rest) = t.strip_prefix('第') {
        let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        if digits.len() < rest.len() {
            let tail = digits.strip_prefix('页').unwrap_or("x");
            if tail.is_empty() {
                return true;
            }
            let tail = tail.trim_start_matches([',', '，', '/']);
            if let Some(total) = tail.strip_prefix('共') {
                return total
                    .strip_suffix('页')
                    .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
            }
        }
    }
    match t.split_once('/') {
        Some((a, b)) => {
            !a.is_empty()
                && !b.is_empty()
                && a.len() <= 4
                && b.len() <= 4
                && (a.to_string() + b).chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// Lines that are page furniture: page numbers anywhere; in a wrapped text,
/// running headers too (one short line repeated on every page).
fn furniture(text: &str, bodies: &[Range<usize>], wrapped: bool) -> Vec<bool> {
    let mut out: Vec<bool> = bodies
        .iter()
        .map(|r| is_page_number(&text[r.clone()]))
        .collect();
    if wrapped {
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for r in bodies.iter().filter(|r| !r.is_empty()) {
            *counts.entry(&text[r.clone()]).or_default() += 1;
        }
        for (i, r) in bodies.iter().enumerate() {
            let line = &text[r.clone()];
            let header = counts.get(line).is_some_and(|&n| n >= 3)
                && line.chars().count() <= 40
                && !line.contains('。')
                && leading_marker(line, 0).is_none();
            out[i] |= header;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> (Source, String) {
        let s = Source::new("t", text);
        let v = View::new(&s).text().to_string();
        (s, v)
    }

    const WRAPPED: &str = "标题\n一、存在的问题\n（一）在理论学习方面。\n一是学习不系统。2024年局党组中心组集中学习十二\n次，我缺席三次，没有补学，也没有向党组书面说明原\n— 3 —\n因。对“第一议题”学习的内容，我在学习上还存在有\n所放松的情况，没有结合分管工作研究落实措施。\n二、原因剖析\n";

    /// In a wrapped text, a short line that holds a comma and ends on a
    /// Chinese character is joined to the next.
    #[test]
    fn a_short_line_breaking_off_its_sentence_is_wrapped() {
        let full = "一是学习不系统，集中学习十二次我缺席三次没有补学也没有说明原因";
        let text = |short: &str| {
            format!("标题\n一、存在的问题\n{full}\n{full}\n{full}\n{full}\n{short}\n人民日益增长的美好生活需要。\n二、原因剖析\n")
        };
        let (_, v) = view(&text("报告指出，社会主要矛盾转化为"));
        assert!(v.contains("转化为人民日益增长"), "{v}");
        // No comma or full stop: a line of its own (a heading); a part's
        // heading with a colon too.
        for own in ["社会主要矛盾转化为", "第一部分：上年度整改落实情况"] {
            let (_, v) = view(&text(own));
            assert!(v.contains(&format!("{own}\n人民")), "{v}");
        }
    }

    /// In a wrapped text, a line ending with an opening or clause mark is joined to
    /// the next however short it is; a short line ending a sentence is not.
    #[test]
    fn a_line_ending_with_an_opening_or_clause_mark_is_wrapped() {
        let full = "一是学习不系统，集中学习十二次我缺席三次没有补学也没有说明原因";
        let text = |short: &str| {
            format!("标题\n一、存在的问题\n{full}\n{full}\n{full}\n{full}\n{short}\n第一议题」学习不深入。\n二、原因剖析\n")
        };
        let (_, v) = view(&text("对照学习「"));
        assert!(v.contains("对照学习「第一议题」"), "{v}");
        // A clause mark ends no paragraph either.
        let (_, v) = view(&text("对照学习，"));
        assert!(v.contains("对照学习，第一议题」"), "{v}");
        let (_, v) = view(&text("对照学习。"));
        assert!(v.contains("对照学习。\n第一议题"), "{v}");
    }

    #[test]
    fn wrapped_lines_are_joined_across_page_numbers() {
        let (s, v) = view(WRAPPED);
        assert!(v.contains("集中学习十二次，我缺席三次"), "{v}");
        assert!(v.contains("书面说明原因。"), "page number dropped: {v}");
        assert!(
            v.contains("还存在有所放松"),
            "a word split at the wrap is whole: {v}"
        );
        assert!(
            v.contains("\n二、原因剖析"),
            "a numbered line is not joined: {v}"
        );
        // Positions in the view map back to the file.
        let s_view = View::new(&s);
        let at = v.find("有所").unwrap();
        let back = s_view.to_source(at..at + "有所".len());
        assert_eq!(&s.text[back.start..back.start + 3], "有");
        assert!(s.text[back.clone()].ends_with("所"), "{:?}", &s.text[back]);
        let t = v.find("二、原因").unwrap();
        let back = s_view.to_source(t..t + 6);
        assert_eq!(&s.text[back], "二、");
    }

    #[test]
    fn exact_ranges_are_those_the_file_holds_as_the_view_shows_them() {
        let (s, v) = view(WRAPPED);
        let v2 = View::new(&s);
        let at = v.find("十二次").unwrap();
        // 十二 | 次 spans the wrap: the file has a line break in between.
        assert_eq!(v2.to_source_exact(&s.text, at..at + "十二次".len()), None);
        let at = v.find("缺席").unwrap();
        let back = v2.to_source_exact(&s.text, at..at + 6).unwrap();
        assert_eq!(&s.text[back], "缺席");
        let (s, v) = view("理論學習。");
        let v2 = View::new(&s);
        assert_eq!(v, "理论学习。");
        assert_eq!(v2.to_source_exact(&s.text, 0..6), None);
        assert_eq!(v2.to_source_exact(&s.text, 12..15), Some(12..15));
    }

    #[test]
    fn text_that_is_not_wrapped_is_its_own_view() {
        let text = "标题\n一、存在的问题\n（一）学习不深。\n";
        let s = Source::new("t", text);
        let v = View::new(&s);
        assert!(matches!(v.text, Cow::Borrowed(_)));
        assert_eq!(v.to_source(3..9), 3..9);
    }

    #[test]
    fn page_numbers() {
        for yes in [
            "— 3 —",
            "- 12 -",
            "·3·",
            "第 3 页",
            "第3页 共9页",
            "3/9",
            "第2页，共5页",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "2024",
            "一、存在的问题",
            "第三，加强学习",
            "1/3的干部",
            "第3次",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn the_wrap_width_is_the_commonest_width_of_lines_ending_mid_sentence() {
        let para = |n: usize| "学".repeat(n);
        // Three lines of 20±2 characters ending mid-sentence: wrapped at 20.
        let text = [para(20), para(21), para(19), para(30) + "。", para(5)].join("\n");
        let source = Source::new("t", text.as_str());
        let lines: Vec<_> = (0..source.line_count())
            .map(|l| source.line_range(l))
            .collect();
        assert_eq!(wrap_width(&text, &lines), Some(19));
        let text = [para(20), para(30), para(40)].join("\n");
        let source = Source::new("t", text.as_str());
        let lines: Vec<_> = (0..source.line_count())
            .map(|l| source.line_range(l))
            .collect();
        assert_eq!(wrap_width(&text, &lines), None);
    }

    #[test]
    fn traditional_characters_read_as_simplified_and_simplified_ones_stay() {
        let (s, v) = view("理論學習羣衆，坚决捍卫，初心如磐，呵护，彷徨，涅槃。");
        assert_eq!(v, "理论学习群众，坚决捍卫，初心如磐，呵护，彷徨，涅槃。");
        assert_eq!(v.len(), s.text.len());
    }
}
