//! `pattern`: regular expressions, e.g. template residue (`placeholder`).
//! A pattern with a capture group reports the group, not the whole match,
//! so context can be required without being underlined.
//!
//! Each pattern is searched on its own: most have a literal (`某某`, `____`,
//! `*`) that the regex engine finds with a fast prefilter, which one big
//! alternation would lose.

use super::{non_empty, Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::settings::Invalid;
use regex::Regex;
use serde::Deserialize;
use std::ops::Range;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    patterns: Vec<PatternSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternSpec {
    regex: String,
    /// What the match is, for the message's `{what}`.
    what: String,
    /// A character class the character before the match must belong to:
    /// a look-behind, so the regex itself can start with a literal that the
    /// engine finds fast.
    before: Option<String>,
}

pub(crate) struct Pattern {
    meta: Meta,
    /// Regex, what it finds, and the class the character before must match.
    patterns: Vec<(Regex, String, Option<Regex>)>,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    non_empty(&params.patterns, "patterns")?;
    let patterns = params
        .patterns
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let at = |key: &str, m: String| Invalid::in_field("patterns", m).at(i).then(key);
            let re = Regex::new(&p.regex)
                .map_err(|e| at("regex", format!("正则表达式 `{}` 无效：{e}", p.regex)))?;
            let before = match &p.before {
                Some(b) => Some(
                    Regex::new(&format!("^(?:{b})$"))
                        .map_err(|e| at("before", format!("`before` 的字符类 `{b}` 无效：{e}")))?,
                ),
                None => None,
            };
            Ok((re, p.what, before))
        })
        .collect::<Result<_, Invalid>>()?;
    Ok(Box::new(Pattern { meta, patterns }))
}

impl Rule for Pattern {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text = doc.text();
        let mut found: Vec<(Range<usize>, &str)> = Vec::new();
        for region in self.meta.regions(doc) {
            let hay = &text[region.clone()];
            for (re, what, before) in &self.patterns {
                for caps in re.captures_iter(hay) {
                    let whole = caps.get(0).expect("group 0 exists");
                    if let Some(b) = before {
                        let prev = hay[..whole.start()].chars().next_back();
                        let mut buf = [0u8; 4];
                        if !prev.is_some_and(|c| b.is_match(c.encode_utf8(&mut buf))) {
                            continue;
                        }
                    }
                    let m = caps.get(1).unwrap_or(whole);
                    let span = region.start + m.start()..region.start + m.end();
                    // Several patterns may see the same residue (20XX年 and XX):
                    // the earlier pattern reports it, once.
                    if !found
                        .iter()
                        .any(|(s, _)| s.start < span.end && span.start < s.end)
                    {
                        found.push((span, what));
                    }
                }
            }
        }
        found.sort_by_key(|(s, _)| s.start);
        for (span, what) in found {
            let matched = &text[span.clone()];
            out.push(
                self.meta
                    .diagnostic(doc, span, &[("match", matched), ("what", what)]),
            );
        }
    }
}
