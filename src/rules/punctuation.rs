//! `punctuation`: half-width marks between Chinese characters, unbalanced
//! quotes and brackets, doubled marks.
//!
//! One Aho-Corasick scan finds every mark of interest; the checks then look
//! only at those marks and their neighbours, never at every character.

use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
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
}

pub(crate) struct Punctuation {
    meta: Meta,
    half_width: Vec<char>,
    pairs: Vec<(char, char)>,
    marks: AhoCorasick,
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
    needles.sort();
    needles.dedup();
    let marks = AhoCorasick::new(&needles).map_err(|e| Invalid::new(e.to_string()))?;
    Ok(Box::new(Punctuation {
        meta,
        half_width,
        pairs,
        marks,
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
        let mut found: Vec<(Range<usize>, String)> = Vec::new();
        for para in &doc.paragraphs {
            if !in_scope(para.span.start) {
                continue;
            }
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
                    // 。。。。: extend the previous finding.
                    found.last_mut().expect("pushed before").0.end = at + m.len();
                    last_double = Some(at + m.len());
                } else {
                    found.push((at..at + m.len(), format!("标点“{c}”重复")));
                    last_double = Some(at + m.len());
                }
            }
            self.half_width_marks(text, &body, &marks, &mut found);
            self.balance(&marks, &mut found);
        }
        found.sort_by_key(|(s, _)| s.start);
        for (span, what) in found {
            let matched = &text[span.clone()];
            out.push(
                self.meta
                    .diagnostic(doc, span, &[("match", matched), ("what", &what)]),
            );
        }
    }
}

impl Punctuation {
    fn half_width_marks(
        &self,
        text: &str,
        body: &Range<usize>,
        marks: &[(usize, char)],
        found: &mut Vec<(Range<usize>, String)>,
    ) {
        for &(at, c) in marks {
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
                found.push((
                    at..at + 1,
                    format!("中文之间使用了半角标点“{c}”，应为全角“{}”", full_width(c)),
                ));
            }
        }
    }

    fn balance(&self, marks: &[(usize, char)], found: &mut Vec<(Range<usize>, String)>) {
        let mut stacks: Vec<Vec<usize>> = vec![Vec::new(); self.pairs.len()];
        for &(at, c) in marks {
            for (k, &(open, close)) in self.pairs.iter().enumerate() {
                if c == open {
                    stacks[k].push(at);
                } else if c == close && stacks[k].pop().is_none() {
                    found.push((
                        at..at + c.len_utf8(),
                        format!("不配对的 {close} ：前面缺少与之对应的 {open}"),
                    ));
                }
            }
        }
        for (&(open, close), stack) in self.pairs.iter().zip(stacks) {
            for at in stack {
                found.push((
                    at..at + open.len_utf8(),
                    format!("不配对的 {open} ：后面缺少与之对应的 {close}"),
                ));
            }
        }
    }
}
