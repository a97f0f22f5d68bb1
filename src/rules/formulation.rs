//! `formulation`: standard political formulations (提法) quoted incompletely
//! or with wrong members.
//!
//! Lists (四个意识 …): an enumeration that names the formulation, or lists
//! all but one of its members, must list exactly its members, in order.
//! Phrases (两个维护 …): where the stem appears, one complete form must too.

use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::segment::Boundaries;
use crate::settings::Invalid;
use crate::text::is_han;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::ops::Range;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Enumerations with fixed members (四个意识 …).
    #[serde(default)]
    lists: Vec<ListFormulation>,
    /// Fixed phrases (两个维护 …).
    #[serde(default)]
    phrases: Vec<PhraseFormulation>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListFormulation {
    /// 四个意识
    name: String,
    /// In canonical order.
    members: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhraseFormulation {
    name: String,
    /// Text that shows the writer is quoting this formulation.
    stem: String,
    /// Complete forms; each contains the stem.
    accepted: Vec<String>,
}

pub(crate) struct Formulation {
    meta: Meta,
    lists: Vec<ListFormulation>,
    phrases: Vec<PhraseFormulation>,
    /// One scan finds every member and stem (leftmost-longest: a stem inside
    /// a longer stem is judged with it); `targets` says whose each is.
    matcher: AhoCorasick,
    targets: Vec<Target>,
}

#[derive(Clone, Copy)]
enum Target {
    List(usize),
    Phrase(usize),
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    let Params { lists, phrases } = params;
    for (i, l) in lists.iter().enumerate() {
        if let Some(k) = l.members.iter().position(|m| m.trim().is_empty()) {
            return Err(Invalid::in_field("lists", "提法的成员不能为空")
                .at(i)
                .then("members")
                .at(k));
        }
        if l.members.len() < 2 {
            return Err(
                Invalid::in_field("lists", format!("提法 `{}` 至少要有两个成员", l.name))
                    .at(i)
                    .then("members"),
            );
        }
    }
    for (j, p) in phrases.iter().enumerate() {
        if p.stem.trim().is_empty() {
            return Err(Invalid::in_field(
                "phrases",
                format!("提法 `{}` 的 `stem` 不能为空", p.name),
            )
            .at(j)
            .then("stem"));
        }
        if p.accepted.is_empty() {
            return Err(Invalid::in_field(
                "phrases",
                format!("提法 `{}` 至少要有一个完整形式", p.name),
            )
            .at(j)
            .then("accepted"));
        }
        if let Some(a) = p.accepted.iter().find(|a| !a.contains(&p.stem)) {
            return Err(Invalid::in_field(
                "phrases",
                format!("提法 `{}` 的完整形式 `{a}` 不包含 `{}`", p.name, p.stem),
            )
            .at(j)
            .then("accepted"));
        }
    }
    let mut needles = Vec::new();
    let mut targets = Vec::new();
    for (i, l) in lists.iter().enumerate() {
        for m in &l.members {
            needles.push(m.clone());
            targets.push(Target::List(i));
        }
    }
    for (j, p) in phrases.iter().enumerate() {
        needles.push(p.stem.clone());
        targets.push(Target::Phrase(j));
    }
    let matcher = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&needles)
        .map_err(|e| Invalid::new(e.to_string()))?;
    Ok(Box::new(Formulation {
        meta,
        lists,
        phrases,
        matcher,
        targets,
    }))
}

const SEPARATORS: &[&str] = &["、", "，", ",", "以及", "和", "与", "及"];
const QUOTES: &[char] = &['“', '”', '"', '‘', '’'];

impl Rule for Formulation {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn stock_phrases(&self) -> Vec<String> {
        let lists = self.lists.iter().map(|l| l.members.join(""));
        let phrases = self.phrases.iter().flat_map(|p| p.accepted.iter().cloned());
        lists.chain(phrases).collect()
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text = doc.text();
        for region in self.meta.regions(doc) {
            let mut list_starts = vec![Vec::new(); self.lists.len()];
            let mut phrase_starts = vec![Vec::new(); self.phrases.len()];
            for m in self.matcher.find_iter(&text[region.clone()]) {
                let at = region.start + m.start();
                match self.targets[m.pattern().as_usize()] {
                    Target::List(i) => list_starts[i].push(at),
                    Target::Phrase(j) => phrase_starts[j].push(at),
                }
            }
            for (list, starts) in self.lists.iter().zip(list_starts) {
                for (span, detail) in check_list(text, region.clone(), list, starts) {
                    let canonical = list.members.join("、");
                    out.push(self.meta.diagnostic(
                        doc,
                        span,
                        &[
                            ("name", &list.name),
                            ("what", &detail),
                            ("canonical", &canonical),
                        ],
                    ));
                }
            }
            for (phrase, starts) in self.phrases.iter().zip(phrase_starts) {
                for span in
                    check_phrase(text, region.clone(), phrase, &starts, Some(&doc.boundaries))
                {
                    let canonical = phrase.accepted[0].as_str();
                    let detail = format!("“{}”写得不完整", &text[span.clone()]);
                    out.push(self.meta.diagnostic(
                        doc,
                        span,
                        &[
                            ("name", &phrase.name),
                            ("what", &detail),
                            ("canonical", canonical),
                        ],
                    ));
                }
            }
        }
    }
}

/// The common suffix of the members (意识, 自信), used to spot wrong members.
fn common_suffix(members: &[String]) -> String {
    let first: Vec<char> = members[0].chars().collect();
    let mut n = 0;
    while n < first.len()
        && members.iter().all(|m| {
            let cs: Vec<char> = m.chars().collect();
            cs.len() > n && cs[cs.len() - 1 - n] == first[first.len() - 1 - n]
        })
    {
        n += 1;
    }
    first[first.len() - n..].iter().collect()
}

/// One item of an enumeration at `at`: a member, or a look-alike with the
/// members' suffix (服务意识 among the 意识). Returns (end, member index).
fn item_at(
    text: &str,
    at: usize,
    list: &ListFormulation,
    suffix: &str,
) -> Option<(usize, Option<usize>)> {
    let rest = &text[at..];
    if let Some(k) = list
        .members
        .iter()
        .position(|m| rest.starts_with(m.as_str()))
    {
        return Some((at + list.members[k].len(), Some(k)));
    }
    if suffix.is_empty() {
        return None;
    }
    // Up to six Han characters ending with the suffix.
    let suffix_chars = suffix.chars().count();
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n >= 6 + suffix_chars || !is_han(c) {
            break;
        }
        let end = i + c.len_utf8();
        if n >= suffix_chars && rest[..end].ends_with(suffix) {
            return Some((at + end, None));
        }
    }
    None
}

fn skip_quotes(text: &str, mut at: usize) -> usize {
    while let Some(c) = text[at..].chars().next().filter(|c| QUOTES.contains(c)) {
        at += c.len_utf8();
    }
    at
}

/// Checks the enumerations that begin at member occurrences `starts`.
fn check_list(
    text: &str,
    region: Range<usize>,
    list: &ListFormulation,
    mut starts: Vec<usize>,
) -> Vec<(Range<usize>, String)> {
    let suffix = common_suffix(&list.members);
    let mut out = Vec::new();
    starts.sort_unstable();
    let mut covered = region.start;
    for start in starts {
        if start < covered {
            continue;
        }
        // Walk the enumeration: item (separator item)*.
        let mut items: Vec<(Range<usize>, Option<usize>)> = Vec::new();
        let mut at = start;
        while let Some((end, member)) =
            item_at(text, at, list, &suffix).filter(|&(e, _)| e <= region.end)
        {
            items.push((at..end, member));
            let next = skip_quotes(text, end);
            let Some(sep) = SEPARATORS.iter().find(|s| text[next..].starts_with(**s)) else {
                break;
            };
            at = skip_quotes(text, next + sep.len());
        }
        let span = start..items.last().map_or(start, |(r, _)| r.end);
        covered = span.end.max(start + 1);
        let members: Vec<usize> = items.iter().filter_map(|(_, m)| *m).collect();
        let window = text
            .floor_char_boundary(start.saturating_sub(30))
            .max(region.start);
        let named = text[window..start].contains(&list.name);
        let nearly_all = members.len() + 1 >= list.members.len();
        if members.len() < 2 || !(named || nearly_all) {
            continue;
        }
        let mut problems = Vec::new();
        let wrong: Vec<&str> = items
            .iter()
            .filter(|(_, m)| m.is_none())
            .map(|(r, _)| &text[r.clone()])
            .collect();
        if !wrong.is_empty() {
            problems.push(format!("“{}”不是其中的内容", wrong.join("、")));
        }
        let missing: Vec<&str> = (0..list.members.len())
            .filter(|k| !members.contains(k))
            .map(|k| list.members[k].as_str())
            .collect();
        if !missing.is_empty() {
            problems.push(format!("缺少“{}”", missing.join("、")));
        }
        if missing.is_empty() && wrong.is_empty() && members.windows(2).any(|w| w[0] > w[1]) {
            problems.push("顺序不对".to_string());
        }
        if !problems.is_empty() {
            out.push((span, problems.join("，")));
        }
    }
    out
}

/// The stem occurrences `starts` not covered by a complete form.
fn check_phrase(
    text: &str,
    region: Range<usize>,
    phrase: &PhraseFormulation,
    starts: &[usize],
    boundaries: Option<&Boundaries>,
) -> Vec<Range<usize>> {
    starts
        .iter()
        .copied()
        .filter(|&at| {
            !phrase.accepted.iter().any(|a| {
                let k = a.find(&phrase.stem).expect("checked in build");
                at >= k
                    && text
                        .get(at - k..)
                        .is_some_and(|t| t.starts_with(a.as_str()))
            })
        })
        .map(|at| {
            // Underline the stem and the word or two that follow it
            // (习近平新时代中国特色社会主义 + 理论), at most three characters.
            let stem_end = at + phrase.stem.len();
            let mut end = stem_end;
            for (i, c) in text[stem_end..region.end].char_indices().take(3) {
                if !is_han(c) {
                    break;
                }
                let next = stem_end + i + c.len_utf8();
                if boundaries.is_none_or(|b| b.contains(&(stem_end..next))) {
                    end = next;
                }
            }
            at..end
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn four() -> ListFormulation {
        ListFormulation {
            name: "四个意识".into(),
            members: ["政治意识", "大局意识", "核心意识", "看齐意识"]
                .map(String::from)
                .to_vec(),
        }
    }

    fn run(text: &str) -> Vec<String> {
        let list = four();
        let starts = list
            .members
            .iter()
            .flat_map(|m| text.match_indices(m.as_str()).map(|(i, _)| i))
            .collect();
        check_list(text, 0..text.len(), &list, starts)
            .into_iter()
            .map(|(_, d)| d)
            .collect()
    }

    #[test]
    fn wrong_and_missing_members() {
        assert_eq!(
            run("增强政治意识、大局意识、核心意识、服务意识"),
            vec!["“服务意识”不是其中的内容，缺少“看齐意识”"]
        );
        assert_eq!(
            run("树牢“四个意识”：政治意识、大局意识和看齐意识"),
            vec!["缺少“核心意识”"]
        );
        assert_eq!(
            run("政治意识、核心意识、大局意识、看齐意识"),
            vec!["顺序不对"]
        );
    }

    #[test]
    fn correct_or_partial_mentions_are_fine() {
        assert!(run("增强“政治意识、大局意识、核心意识、看齐意识”").is_empty());
        assert!(run("增强大局意识和服务意识").is_empty());
        assert!(run("增强政治意识、大局意识").is_empty());
    }

    #[test]
    fn suffix_of_members() {
        assert_eq!(common_suffix(&four().members), "意识");
    }

    #[test]
    fn phrase_stems_need_a_complete_form() {
        let p = PhraseFormulation {
            name: "两个维护".into(),
            stem: "维护习近平总书记".into(),
            accepted: vec!["维护习近平总书记党中央的核心、全党的核心地位".into()],
        };
        let bad = "坚决维护习近平总书记的核心地位。";
        let stems = |t: &str| {
            t.match_indices(p.stem.as_str())
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        let spans = check_phrase(bad, 0..bad.len(), &p, &stems(bad), None);
        assert_eq!(spans.len(), 1);
        assert_eq!(&bad[spans[0].clone()], "维护习近平总书记的核心");
        let good = "坚决维护习近平总书记党中央的核心、全党的核心地位。";
        assert!(check_phrase(good, 0..good.len(), &p, &stems(good), None).is_empty());
    }
}
