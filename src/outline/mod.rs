//! The document outline: title, sections (problems / causes / measures /
//! other), nested numbered items.
//!
//! Built from paragraphs ([`paragraphs`]: lines of the view, split where a
//! flattened copy runs numbered points together). The title block comes
//! first; section headings are found next ([`sections`]), then the items
//! inside each section ([`items`]).

mod classify;
mod items;
mod paragraphs;
mod sections;

pub(crate) use crate::markers::{Marker, Style};
pub(crate) use classify::{SectionKeywords, SectionKind};
pub(crate) use paragraphs::paragraphs;
pub(crate) use sections::is_site_line;

use crate::markers::leading_marker;
use crate::text::is_space;
use std::ops::Range;

/// A paragraph: a non-blank line of the view (or a piece of one), trimmed.
#[derive(Debug, Clone)]
pub(crate) struct Paragraph {
    pub(crate) span: Range<usize>,
    pub(crate) marker: Option<Marker>,
}

#[derive(Debug, Clone)]
pub(crate) struct Outline {
    /// The title line, if the report starts with one.
    pub(crate) title: Option<Range<usize>>,
    /// Where the title block (title, subtitle, author, date) ends.
    pub(crate) title_end: usize,
    pub(crate) sections: Vec<Section>,
    /// Written problem by problem (问题一：… 原因分析：… 整改措施：…): the
    /// parts repeat, each problem followed by its own cause and measure.
    pub(crate) by_problem: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Section {
    pub(crate) kind: SectionKind,
    pub(crate) marker: Option<Marker>,
    /// The heading text without its trailing punctuation (empty when the
    /// part is inferred).
    pub(crate) heading: Range<usize>,
    /// From the heading to the start of the next section (trimmed).
    pub(crate) span: Range<usize>,
    pub(crate) items: Vec<Item>,
    /// Inferred: the report has numbered points but no part headings.
    pub(crate) implicit: bool,
    /// Opened by a sentence announcing it (究其原因…：) rather than by a
    /// heading: a part by function that the report does not head.
    pub(crate) announced: bool,
    /// A numbered heading that names no part (一、遵守政治纪律情况): its
    /// items are problems.
    pub(crate) topic: bool,
    /// Goes on with the part of its kind before it, after a part
    /// interleaved with it (问题：… 原因：… aspect by aspect): its items
    /// number on from there and it is no part out of order.
    pub(crate) continues: bool,
    /// Opened by a label of a report written problem by problem (问题一：,
    /// 整改措施：): the measures of a group answer its problem and causes.
    pub(crate) point: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// `p1.2`: section kind letter, then the index path.
    pub(crate) id: String,
    pub(crate) marker: Marker,
    /// The marker and the first sentence, e.g. `一是深刻把握内涵“有欠缺”`.
    pub(crate) label: Range<usize>,
    /// The item's whole text, children included.
    pub(crate) span: Range<usize>,
    pub(crate) children: Vec<Item>,
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

    /// Whether the section's items are problems: the problems part, or a
    /// part headed by a topic (情况、方面) rather than a part's name.
    pub(crate) fn holds_problems(&self) -> bool {
        self.kind == SectionKind::Problems || self.topic
    }

    /// Whether the section holds items of `kind`: a part of that kind, or
    /// for problems also a part headed by a topic (遵守政治纪律情况) — a
    /// 班子 report's problems part is its topics.
    pub(crate) fn holds(&self, kind: SectionKind) -> bool {
        self.kind == kind || (kind == SectionKind::Problems && self.holds_problems())
    }
}

impl Outline {
    /// Groups of sibling markers that must count 1, 2, 3…: section headings
    /// of one style, then the children of every section and item by style.
    /// Points of an inferred first part numbered like the headings after
    /// them (第一，…第三，… then 第四，原因剖析) count on into the headings.
    pub(crate) fn sibling_groups(&self) -> Vec<Vec<&Marker>> {
        let mut groups = Vec::new();
        let heads: Vec<&Marker> = self
            .sections
            .iter()
            .filter_map(|s| s.marker.as_ref())
            .collect();
        let lead: Vec<&Marker> = match (self.sections.first(), heads.first()) {
            (Some(s), Some(h)) if s.implicit => s
                .items
                .iter()
                .map(|i| &i.marker)
                .filter(|m| m.style == h.style)
                .collect(),
            _ => Vec::new(),
        };
        push_by_style(&mut groups, lead.iter().copied().chain(heads));
        // A part's items, with those of the parts that continue it, where
        // it stands.
        let mut runs: Vec<Option<Vec<&Marker>>> = vec![None; self.sections.len()];
        // Per kind, the part whose run a continuing part goes on with.
        let mut open: [Option<usize>; 4] = [None; 4];
        for (n, s) in self.sections.iter().enumerate() {
            let tops = s.items.iter().map(|i| &i.marker);
            match open[s.kind as usize].filter(|_| s.continues) {
                Some(h) => runs[h].get_or_insert_with(Vec::new).extend(tops),
                None => {
                    runs[n] = Some(tops.collect());
                    open[s.kind as usize] = Some(n);
                }
            }
        }
        for (n, (s, run)) in self.sections.iter().zip(runs).enumerate() {
            if n == 0 && !lead.is_empty() {
                collect_children(&s.items, &mut groups);
                continue;
            }
            if let Some(run) = run {
                push_by_style(&mut groups, run.into_iter());
            }
            collect_children(&s.items, &mut groups);
        }
        groups
    }
}

/// The children of `items` by style under each parent, and so on down;
/// children of one style numbered once through their parents (（一）1. 2.
/// （二）3. 4.) are one group: the count runs on from parent to parent.
fn collect_children<'a>(items: &'a [Item], groups: &mut Vec<Vec<&'a Marker>>) {
    let mut under: Vec<Vec<&Marker>> = Vec::new();
    for i in items {
        push_by_style(&mut under, i.children.iter().map(|c| &c.marker));
    }
    // Each style's groups in order, and whether the count runs on through
    // all of them from each one to the last (read once from the back: a
    // list of thousands of parents is not read again for each).
    let mut styles: Vec<(Style, Vec<usize>)> = Vec::new();
    for (g, group) in under.iter().enumerate() {
        match styles.iter_mut().find(|(s, _)| *s == group[0].style) {
            Some((_, gs)) => gs.push(g),
            None => styles.push((group[0].style, vec![g])),
        }
    }
    let runs_on = |a: &[&Marker], b: &[&Marker]| b[0].value == a[a.len() - 1].value + 1;
    let mut once_through = vec![false; under.len()];
    for (_, gs) in &styles {
        let mut through = true;
        for w in (0..gs.len()).rev() {
            if let Some(&next) = gs.get(w + 1) {
                through = through && runs_on(&under[gs[w]], &under[next]);
                once_through[gs[w]] = through;
            }
        }
    }
    let mut done = vec![false; under.len()];
    for g in 0..under.len() {
        if done[g] {
            continue;
        }
        if once_through[g] {
            let (_, gs) = styles
                .iter()
                .find(|(s, _)| *s == under[g][0].style)
                .expect("listed");
            let same = &gs[gs.partition_point(|&h| h < g)..];
            groups.push(
                same.iter()
                    .flat_map(|&h| under[h].iter().copied())
                    .collect(),
            );
            for &h in same {
                done[h] = true;
            }
        } else {
            groups.push(under[g].clone());
        }
    }
    for i in items {
        collect_children(&i.children, groups);
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

/// One part of a report being built: paragraphs `begin..end`, headed by
/// `paras[begin]` unless inferred.
struct Part {
    kind: SectionKind,
    begin: usize,
    end: usize,
    headed: bool,
    /// Opened by a sentence that announces it (究其原因…：, 下一步，我打算…),
    /// not by a heading of its own.
    announced: bool,
    topic: bool,
    /// One labelled point of a report written problem by problem: its
    /// unnumbered lines (整改时限：…) go on with the point above them.
    point: bool,
    /// The problems going on after causes labelled inside them: its items
    /// number on from the part before of its kind.
    continues: bool,
}

/// Builds the outline of a document from its paragraphs.
pub(crate) fn parse(text: &str, paras: &[Paragraph], keywords: &SectionKeywords) -> Outline {
    // A top-level heading glued to its prose ends where its name does.
    let glued = sections::split_glued_headings(text, paras, keywords);
    // Causes opening inside a problem's paragraph start a paragraph there.
    let (split, inner) = sections::split_at_cause_cues(text, &glued, &keywords.cause_cues);
    let paras = split.as_slice();
    let block = sections::title_block(text, paras);
    let title = (block > 0).then(|| paras[0].span.clone());
    let title_end = block.checked_sub(1).map_or(0, |last| paras[last].span.end);
    // A report written problem by problem (问题一：… 整改措施：…) has its
    // parts opened by its labels, unless a heading after the first label
    // (二、原因剖析) says it is in parts after all.
    let heads = sections::heads(text, &paras[block..], keywords);
    let grouped = sections::by_problem::parts(text, &paras[block..], keywords)
        .filter(|g| heads.iter().all(|h| h.para < g[0].1));
    let heads = if grouped.is_some() { Vec::new() } else { heads };
    let by_problem = grouped.is_some();
    let mut parts: Vec<Part> = grouped
        .into_iter()
        .flatten()
        .map(|(kind, begin, end)| Part {
            kind,
            begin: block + begin,
            end: block + end,
            // The label is the part's heading; its text, the first item.
            headed: true,
            announced: false,
            topic: false,
            point: true,
            continues: false,
        })
        .collect();
    for (n, h) in heads.iter().enumerate() {
        parts.push(Part {
            kind: h.kind,
            begin: block + h.para,
            end: heads
                .get(n + 1)
                .map_or(paras.len(), |next| block + next.para),
            headed: true,
            announced: false,
            topic: h.topic,
            point: false,
            continues: false,
        });
    }
    // Numbered points before a first heading that names the causes or the
    // measures (第一，学习方面。… 第四，原因剖析。…) are the problems.
    if let Some(first) = heads.first().filter(|h| {
        matches!(h.kind, SectionKind::Causes | SectionKind::Measures)
            && !heads.iter().any(|h| h.kind == SectionKind::Problems)
    }) {
        let before = &paras[block..block + first.para];
        if let Some((p, _)) = sections::implicit(text, before, keywords) {
            parts.insert(
                0,
                Part {
                    kind: SectionKind::Problems,
                    begin: block + p,
                    end: block + first.para,
                    headed: false,
                    announced: false,
                    topic: false,
                    point: false,
                    continues: false,
                },
            );
        }
    }
    if heads.is_empty() && !by_problem {
        // Numbered points and no part headings (a 发言提纲): problems from
        // the first point, measures from where they are announced.
        if let Some((p, m)) = sections::implicit(text, &paras[block..], keywords) {
            let m = m.map(|m| block + m);
            parts.push(Part {
                kind: SectionKind::Problems,
                begin: block + p,
                end: m.unwrap_or(paras.len()),
                headed: false,
                announced: false,
                topic: false,
                point: false,
                continues: false,
            });
            if let Some(m) = m {
                parts.push(Part {
                    kind: SectionKind::Measures,
                    begin: m,
                    end: paras.len(),
                    headed: false,
                    announced: false,
                    topic: false,
                    point: false,
                    continues: false,
                });
            }
        }
    }
    if !by_problem {
        group_within_parts(text, paras, keywords, &mut parts);
    }
    if !parts.iter().any(|p| p.kind == SectionKind::Causes) {
        split_labelled_causes(text, paras, keywords, &mut parts);
    }
    // Causes with no heading at the end of a problems part (究其原因…：一是…)
    // are a causes part of their own: headed by their opening sentence when
    // it starts a paragraph, inferred when it closed a problem's paragraph.
    let mut i = 0;
    while i < parts.len() {
        let p = &parts[i];
        if p.kind == SectionKind::Problems {
            let from = p.begin + usize::from(p.headed);
            let styles = sections::PartStyles::new(paras, p.begin, p.end);
            let prose = !parts.iter().any(|p| p.kind == SectionKind::Causes);
            let opens = |q: &usize| {
                sections::opens_causes(text, paras, *q, &styles, &keywords.cause_cues, prose)
            };
            if let Some((q, how)) = (from..p.end).find_map(|q| Some((q, opens(&q)?))) {
                let headed = how == sections::CausesOpen::ByList && !inner.contains(&q);
                split_part(&mut parts, i, q, SectionKind::Causes, headed);
                i += 1;
            }
        }
        i += 1;
    }
    // Measures with no heading at the end of a causes part, in a report
    // with no measures part (三、原因剖析和今后打算 … 下一步，我打算从四个
    // 方面改：1、…): a part of their own, headed by the sentence announcing
    // them.
    if !parts.iter().any(|p| p.kind == SectionKind::Measures) {
        if let Some(i) = parts.iter().rposition(|p| p.kind == SectionKind::Causes) {
            let p = &parts[i];
            let from = p.begin + usize::from(p.headed);
            let opens =
                |q: &usize| sections::opens_measures(text, paras, *q, &keywords.measure_cues);
            if let Some(q) = (from + 1..p.end).find(opens) {
                split_part(&mut parts, i, q, SectionKind::Measures, true);
            }
        }
    }
    let mut counters = [0usize; 4];
    let sections = parts
        .into_iter()
        .map(|p| section(text, paras, p, &mut counters))
        .collect();
    Outline {
        title,
        title_end,
        sections,
        by_problem,
    }
}

/// Problems and their measures labelled one by one under one part heading
/// (一、巡视反馈问题的个人检视及整改措施 / 问题一：… / 整改措施：…, and
/// 二、原因剖析 after it): the heading heads the problems, and each label
/// opens a part by function inside it, as in a report written problem by
/// problem.
fn group_within_parts(
    text: &str,
    paras: &[Paragraph],
    keywords: &SectionKeywords,
    parts: &mut Vec<Part>,
) {
    // A topic's part (一、在理论学习方面) may hold a single problem with its
    // cause and measure (1.问题表现。2.原因剖析。3.整改措施。): grouped when
    // two or more topics do, and each stays its topic's part.
    let found: Vec<_> = parts
        .iter()
        .map(|p| {
            let least = if p.topic { 1 } else { 2 };
            (p.headed && !p.point)
                .then(|| {
                    let inside = &paras[p.begin + 1..p.end];
                    sections::by_problem::groups(text, inside, keywords, least)
                })
                .flatten()
        })
        .collect();
    let topics = parts
        .iter()
        .zip(&found)
        .filter(|(p, g)| p.topic && g.is_some())
        .count();
    let mut out = Vec::with_capacity(parts.len());
    for (mut p, groups) in parts.drain(..).zip(found) {
        let Some(groups) = groups.filter(|_| !p.topic || topics >= 2) else {
            out.push(p);
            continue;
        };
        if !p.topic {
            p.kind = SectionKind::Problems;
        }
        let begin = p.begin;
        p.end = begin + 1;
        out.push(p);
        out.extend(groups.into_iter().map(|(kind, first, last)| Part {
            kind,
            begin: begin + 1 + first,
            end: begin + 1 + last,
            headed: true,
            announced: true,
            topic: false,
            point: true,
            continues: false,
        }));
    }
    *parts = out;
}

/// Causes labelled inside the problems, aspect by aspect (（一）学习方面 /
/// 问题：… / 原因：…, under 一、存在的问题及原因分析): each label opens a
/// causes part running to the next numbered heading or problem label, where
/// the problems go on. Only in a report with no causes part of its own.
fn split_labelled_causes(
    text: &str,
    paras: &[Paragraph],
    keywords: &SectionKeywords,
    parts: &mut Vec<Part>,
) {
    // 究其原因在于：… is a cue that closes the problems (handled below), not
    // one aspect's label.
    let label = |q: usize| {
        let body = text[paras[q].span.clone()].trim_start_matches(crate::text::is_space);
        let cue = keywords
            .cause_cues
            .iter()
            .any(|c| body.starts_with(c.as_str()));
        sections::by_problem::labelled(text, &paras[q], keywords).filter(|_| !cue)
    };
    let mut i = 0;
    while i < parts.len() {
        let p = &parts[i];
        let (from, last) = (p.begin + usize::from(p.headed), p.end);
        if p.kind == SectionKind::Problems && !p.point {
            if let Some(q) = (from..last).find(|&q| label(q) == Some(SectionKind::Causes)) {
                let end = (q + 1..last)
                    .find(|&r| paras[r].marker.is_some() || label(r) == Some(SectionKind::Problems))
                    .unwrap_or(last);
                parts[i].end = q;
                let part = |kind, begin, end, point| Part {
                    kind,
                    begin,
                    end,
                    headed: point,
                    announced: false,
                    topic: false,
                    point,
                    continues: !point,
                };
                parts.insert(i + 1, part(SectionKind::Causes, q, end, true));
                if end < last {
                    parts.insert(i + 2, part(SectionKind::Problems, end, last, false));
                }
                i += 1;
            }
        }
        i += 1;
    }
}

/// Ends part `i` at paragraph `q` and starts a part of `kind` there, to
/// the old part's end.
fn split_part(parts: &mut Vec<Part>, i: usize, q: usize, kind: SectionKind, headed: bool) {
    let end = parts[i].end;
    parts[i].end = q;
    parts.insert(
        i + 1,
        Part {
            kind,
            begin: q,
            end,
            headed,
            announced: true,
            topic: false,
            point: false,
            continues: false,
        },
    );
}

fn section(text: &str, paras: &[Paragraph], part: Part, counters: &mut [usize; 4]) -> Section {
    let Part {
        kind,
        begin,
        mut end,
        headed,
        announced,
        topic,
        point,
        continues,
    } = part;
    // A web page's furniture after the article (上一篇：…, 相关阅读 and its
    // links) ends the last part, and the report's closing words
    // (以上对照检查……恳请同志们批评指正) before it; they belong to no item.
    if let Some(q) = (begin + 1..end).find(|&q| sections::ends_page(text, &paras[q])) {
        end = q;
    }
    while end > begin + 1 && sections::is_closing(text, &paras[end - 1]) {
        end -= 1;
    }
    let para = &paras[begin];
    let mut body: Vec<Paragraph> = Vec::new();
    let heading = if headed {
        let after = para.marker.as_ref().map_or(para.span.start, |m| m.span.end);
        let label = label_range(text, after, para.span.end);
        // What follows the heading on its line (二、原因剖析：一是……) is the
        // part's first paragraph.
        let tail = text[label.end..para.span.end]
            .char_indices()
            .find(|&(_, c)| !LABEL_END.contains(&c) && !is_space(c))
            .map(|(i, _)| label.end + i);
        // The heading shown runs from its marker (a 第一部分： marker ends
        // in a colon, which must not end the heading).
        let label = para.span.start..label.end;
        if let Some(t) = tail {
            body.push(Paragraph {
                marker: leading_marker(&text[t..para.span.end], t),
                span: t..para.span.end,
            });
        }
        body.extend_from_slice(&paras[begin + 1..end]);
        label
    } else {
        body.extend_from_slice(&paras[begin..end]);
        para.span.start..para.span.start
    };
    if point {
        body.dedup_by(|next, above| {
            let goes_on = next.marker.is_none();
            if goes_on {
                above.span.end = next.span.end;
            }
            goes_on
        });
    }
    let mut items = items::build(
        text,
        &body,
        kind.letter(),
        &mut counters[kind as usize],
        kind == SectionKind::Problems || topic,
        kind != SectionKind::Other && !topic,
    );
    // A labelled point's label (问题一：) numbers its text as a marker does.
    if let Some(first) = items
        .first_mut()
        .filter(|i| point && i.marker.style == Style::Paragraph)
    {
        first.marker.span.start = para.span.start;
    }
    Section {
        kind,
        marker: if headed { para.marker.clone() } else { None },
        heading,
        span: para.span.start..paras[end - 1].span.end,
        items,
        implicit: !headed,
        announced,
        topic,
        continues,
        point,
    }
}

/// From `start` to the first sentence or clause end, or to a space before a
/// numbered point (`三、整改措施 一是……`), or the line end, within
/// [`LABEL_REACH`]: a line of thousands of markers and no sentence end
/// (第一，第一，…) would otherwise be read to its end for each marker.
fn label_range(text: &str, start: usize, end: usize) -> Range<usize> {
    let end = crate::text::floor_boundary(text, end.min(start + LABEL_REACH));
    let s = &text[start..end];
    let mut stop = s.find(LABEL_END).unwrap_or(s.len());
    let mut spaced = false;
    for (i, c) in s[..stop].char_indices() {
        if is_space(c) {
            spaced = true;
        } else if spaced && i > 0 && leading_marker(&s[i..], 0).is_some() {
            stop = i;
            break;
        } else {
            spaced = false;
        }
    }
    // Keep a closing quote that ends the phrase: 不够扎实”。
    stop = s[..stop].trim_end_matches(is_space).len();
    start..start + stop
}

/// The longest label read, in bytes: 400 Chinese characters, far more
/// than any item's label (its first clause).
const LABEL_REACH: usize = 1200;

#[cfg(test)]
mod tests;
