//! `punctuation`: half-width marks between Chinese characters, unbalanced
//! quotes and brackets, doubled marks.

use super::{is_han, Meta, Rule};
use crate::config::Params;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use std::ops::Range;

pub struct Punctuation {
    meta: Meta,
    half_width: Vec<char>,
    pairs: Vec<(char, char)>,
    doubled: Vec<char>,
}

pub fn build(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    let pairs = params
        .pairs
        .clone()
        .unwrap_or_default()
        .iter()
        .map(|p| {
            let cs: Vec<char> = p.chars().collect();
            match cs.as_slice() {
                [open, close] => Ok((*open, *close)),
                _ => Err(format!(
                    "`pairs` 的每一项须是两个字符（开、闭），`{p}` 不是"
                )),
            }
        })
        .collect::<Result<_, _>>()?;
    Ok(Box::new(Punctuation {
        meta,
        half_width: params
            .half_width
            .clone()
            .unwrap_or_default()
            .chars()
            .collect(),
        pairs,
        doubled: params.doubled.clone().unwrap_or_default().chars().collect(),
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

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
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
            let chars: Vec<(usize, char)> = text[body_start..para.span.end]
                .char_indices()
                .map(|(i, c)| (body_start + i, c))
                .collect();
            self.half_width_marks(&chars, &mut found);
            self.balance(&chars, &mut found);
            self.doubles(&chars, &mut found);
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
    fn half_width_marks(&self, chars: &[(usize, char)], found: &mut Vec<(Range<usize>, String)>) {
        let han_at = |k: Option<usize>| {
            k.and_then(|k| chars.get(k))
                .is_some_and(|&(_, c)| is_han(c))
        };
        for (k, &(at, c)) in chars.iter().enumerate() {
            if !self.half_width.contains(&c) {
                continue;
            }
            let before = han_at(k.checked_sub(1));
            // Allow one space after a comma: "学习, 工作".
            let after = han_at(Some(k + 1))
                || (chars.get(k + 1).is_some_and(|&(_, s)| s == ' ') && han_at(Some(k + 2)));
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

    fn balance(&self, chars: &[(usize, char)], found: &mut Vec<(Range<usize>, String)>) {
        for &(open, close) in &self.pairs {
            let mut stack: Vec<usize> = Vec::new();
            for &(at, c) in chars {
                if c == open {
                    stack.push(at);
                } else if c == close && stack.pop().is_none() {
                    found.push((
                        at..at + c.len_utf8(),
                        format!("“{close}”没有对应的“{open}”"),
                    ));
                }
            }
            for at in stack {
                found.push((
                    at..at + open.len_utf8(),
                    format!("“{open}”没有对应的“{close}”"),
                ));
            }
        }
    }

    fn doubles(&self, chars: &[(usize, char)], found: &mut Vec<(Range<usize>, String)>) {
        let mut last_end = 0;
        for w in chars.windows(2) {
            let ((a, c), (_, d)) = (w[0], w[1]);
            // A run of three is one finding: skip pairs inside the last one.
            if c == d && self.doubled.contains(&c) && a >= last_end {
                last_end = a + 2 * c.len_utf8();
                found.push((a..last_end, format!("标点“{c}”重复")));
            }
        }
    }
}
