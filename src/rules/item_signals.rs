//! `item-signals`: an item of one part that has a trigger phrase and no
//! counter phrase. `praise-as-problem` (a problem item that reports
//! achievements or denies having problems, and names no shortfall) and
//! `external-cause` (a cause item that blames circumstances, and names no
//! subjective root) are two instances; their phrases are YAML parameters.
//!
//! Phrases are matched where their ends fall on token boundaries, so 未 does
//! not fire inside 未来. A phrase may have gaps written `…`: `取得…成效`
//! finds 取得明显成效 and 取得了一定的成效, the gap at most `max-gap`
//! characters inside one clause. A leading or trailing `…` lets the word
//! go on: `能够严格…` finds 能够严格遵守 (one token) and 能够严格执行.
//!
//! A trigger right after a negation (`不是因为工作忙`, `不能以工作忙为借口`)
//! does not count, nor does a counter inside a trigger (存在 inside
//! 不存在…问题, 没有 inside 没有违规).
//! The items judged: the deepest items of the part (for problems, also of
//! parts headed by a topic such as 遵守政治纪律情况); a part without
//! numbered items is judged paragraph by paragraph.

use super::vague_item::{holds, section_items};
use super::word_list::{find_on_boundaries, matcher};
use super::{non_empty, Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::outline::SectionKind;
use crate::settings::{count_in, Invalid};
use crate::text::is_space;
use aho_corasick::{AhoCorasick, Input};
use serde::Deserialize;
use std::ops::Range;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Which items the rule judges.
    items: SectionKind,
    /// Phrases that make an item suspect.
    triggers: Vec<String>,
    /// Phrases any one of which clears an item.
    counters: Vec<String>,
    /// Phrases that make an item suspect whatever else it says: a virtue
    /// stated as a fault (要求过严, 一心扑在工作上) stays praise beside a
    /// shortfall word.
    #[serde(default)]
    always: Vec<String>,
    /// Words that cancel a trigger (or an `always` phrase) they come just
    /// before.
    #[serde(default)]
    negations: Vec<String>,
    /// Characters a `…` may stand for.
    max_gap: usize,
    /// Characters that may stand between a negation and its trigger.
    #[serde(default)]
    negation_reach: usize,
}

pub(crate) struct ItemSignals {
    meta: Meta,
    items: SectionKind,
    triggers: Phrases,
    counters: Phrases,
    always: Option<Phrases>,
    negations: Option<AhoCorasick>,
    negation_reach: usize,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    count_in("max-gap", params.max_gap, 1, 100)?;
    count_in("negation-reach", params.negation_reach, 0, 20)?;
    let triggers = Phrases::new(&params.triggers, params.max_gap, "triggers")?;
    let counters = Phrases::new(&params.counters, params.max_gap, "counters")?;
    let always = if params.always.is_empty() {
        None
    } else {
        Some(Phrases::new(&params.always, params.max_gap, "always")?)
    };
    let negations = if params.negations.is_empty() {
        None
    } else {
        if let Some(i) = params.negations.iter().position(|w| w.trim().is_empty()) {
            return Err(Invalid::in_field("negations", "`negations` 中有空词语").at(i));
        }
        Some(
            matcher(&params.negations)
                .map_err(|e| Invalid::in_field("negations", e.to_string()))?,
        )
    };
    Ok(Box::new(ItemSignals {
        meta,
        items: params.items,
        triggers,
        counters,
        always,
        negations,
        negation_reach: params.negation_reach,
    }))
}

/// Marks that end a clause: a gap, or the reach of a negation, never
/// crosses them.
const CLAUSE_END: &[char] = &[
    '，', '。', '；', '！', '？', '：', ',', ';', '!', '?', ':', '\n', '\r',
];

/// One phrase: its pieces between gaps, and whether the word may go on
/// before the first piece or after the last.
struct Phrase {
    pieces: Vec<String>,
    open_start: bool,
    open_end: bool,
}

/// A list of phrases, found together: an automaton over the first pieces
/// finds where each phrase may start.
struct Phrases {
    phrases: Vec<Phrase>,
    /// Pattern `k` of the automaton is the first piece of the phrases
    /// `starts[k]`.
    firsts: AhoCorasick,
    starts: Vec<Vec<usize>>,
    max_gap: usize,
}

impl Phrases {
    fn new(list: &[String], max_gap: usize, field: &str) -> Result<Phrases, Invalid> {
        non_empty(list, field)?;
        let mut phrases = Vec::new();
        let mut firsts: Vec<String> = Vec::new();
        let mut starts: Vec<Vec<usize>> = Vec::new();
        for (i, text) in list.iter().enumerate() {
            let text = text.trim();
            let mut pieces: Vec<String> = text
                .split('…')
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect();
            if pieces.is_empty() {
                return Err(
                    Invalid::in_field(field, format!("`{field}` 中的“{text}”没有文字")).at(i),
                );
            }
            let first = pieces.remove(0);
            let phrase = Phrase {
                open_start: text.starts_with('…'),
                open_end: text.ends_with('…'),
                pieces: std::iter::once(first.clone()).chain(pieces).collect(),
            };
            match firsts.iter().position(|f| *f == first) {
                Some(k) => starts[k].push(phrases.len()),
                None => {
                    firsts.push(first);
                    starts.push(vec![phrases.len()]);
                }
            }
            phrases.push(phrase);
        }
        let firsts = crate::rules::word_list::builder()
            .build(&firsts)
            .map_err(|e| Invalid::in_field(field, e.to_string()))?;
        Ok(Phrases {
            phrases,
            firsts,
            starts,
            max_gap,
        })
    }

    /// Every phrase found in `region`, none inside another found one.
    fn find(&self, doc: &Document, region: Range<usize>) -> Vec<Range<usize>> {
        let text = doc.text();
        let mut found: Vec<Range<usize>> = Vec::new();
        let input = Input::new(text).range(region.clone());
        for m in self.firsts.find_overlapping_iter(input) {
            for &p in &self.starts[m.pattern().as_usize()] {
                let phrase = &self.phrases[p];
                if !phrase.open_start && !at_boundary(doc, m.start()) {
                    continue;
                }
                if let Some(end) = self.complete(doc, phrase, 1, m.end(), region.end) {
                    // An open end or start takes in the rest of its word,
                    // so the finding quotes 能够严格遵守, not 能够严格.
                    let mut span = m.start()..end;
                    if phrase.open_start {
                        span.start = word_edge(doc, span.start, region.start, false);
                    }
                    if phrase.open_end {
                        span.end = word_edge(doc, span.end, region.end, true);
                    }
                    found.push(span);
                }
            }
        }
        // Longest first at each start, then drop what lies inside another.
        found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        found.dedup();
        let mut out: Vec<Range<usize>> = Vec::new();
        for r in found {
            if !out.iter().any(|o| inside(&r, o)) {
                out.push(r);
            }
        }
        out
    }

    /// Where `phrase` ends if its pieces from `piece` on follow `at`
    /// (within `limit`); the nearest fit first.
    fn complete(
        &self,
        doc: &Document,
        phrase: &Phrase,
        piece: usize,
        at: usize,
        limit: usize,
    ) -> Option<usize> {
        let text = doc.text();
        let Some(next) = phrase.pieces.get(piece) else {
            return (phrase.open_end || at_boundary(doc, at)).then_some(at);
        };
        // Candidate starts: `at` itself, then each character of the gap.
        // Only the phrase's two ends must fall on token boundaries: 得到…肯定
        // finds 得到市委充分肯定, where 充分肯定 is one token.
        let mut gap = 0;
        let mut pos = at;
        loop {
            if text[pos..limit].starts_with(next.as_str()) {
                if let Some(end) = self.complete(doc, phrase, piece + 1, pos + next.len(), limit) {
                    return Some(end);
                }
            }
            let c = text[pos..limit].chars().next()?;
            if CLAUSE_END.contains(&c) || gap == self.max_gap {
                return None;
            }
            gap += 1;
            pos += c.len_utf8();
        }
    }
}

fn at_boundary(doc: &Document, pos: usize) -> bool {
    doc.boundaries.contains(&(pos..pos))
}

/// The nearest token boundary from `pos` forward (or backward), not past
/// `limit`.
fn word_edge(doc: &Document, mut pos: usize, limit: usize, forward: bool) -> usize {
    let text = doc.text();
    while pos != limit && !at_boundary(doc, pos) {
        let c = if forward {
            text[pos..].chars().next()
        } else {
            text[..pos].chars().next_back()
        };
        let Some(c) = c else { break };
        if forward {
            pos += c.len_utf8();
        } else {
            pos -= c.len_utf8();
        }
    }
    pos
}

fn inside(a: &Range<usize>, b: &Range<usize>) -> bool {
    b.start <= a.start && a.end <= b.end && a != b
}

/// One unit the rule judges: an item, or a paragraph of a part that has no
/// numbered items.
struct Unit {
    id: String,
    span: Range<usize>,
}

/// The units of the parts holding `kind` items: the items vague-item
/// judges, or the paragraphs of a part without numbered items.
fn units(doc: &Document, kind: SectionKind) -> Vec<Unit> {
    let text = doc.text();
    let mut out = Vec::new();
    for section in doc.outline.sections.iter().filter(|s| holds(s, kind)) {
        if !section.items.is_empty() {
            out.extend(section_items(section, kind).into_iter().map(|i| Unit {
                id: super::item_name(text, i.label.clone()),
                span: i.span.clone(),
            }));
            continue;
        }
        // No numbered items: each paragraph after the heading.
        let name = if section.heading.is_empty() {
            format!("“{}”部分", section.kind.chinese())
        } else {
            format!("“{}”", &text[section.heading.clone()])
        };
        let paras: Vec<Range<usize>> = doc
            .paragraphs
            .iter()
            .filter(|p| p.span.start >= section.span.start && p.span.end <= section.span.end)
            .filter_map(|p| {
                let start = p.span.start.max(section.heading.end).min(p.span.end);
                let body = &text[start..p.span.end];
                let trimmed = body.trim_start_matches(|c: char| {
                    CLAUSE_END.contains(&c) || c.is_whitespace() || is_space(c)
                });
                let start = p.span.end - trimmed.len();
                (start < p.span.end).then_some(start..p.span.end)
            })
            .collect();
        let many = paras.len() > 1;
        for (n, span) in paras.into_iter().enumerate() {
            let id = if many {
                format!("{name}第 {} 段", n + 1)
            } else {
                name.clone()
            };
            out.push(Unit { id, span });
        }
    }
    out
}

impl ItemSignals {
    /// The unit's triggers, unless none stands (all negated) or a counter
    /// clears the unit.
    fn cleared_triggers(&self, doc: &Document, unit: &Unit) -> Option<Vec<Range<usize>>> {
        let mut triggers = self.triggers.find(doc, unit.span.clone());
        if let Some(negations) = &self.negations {
            let found = find_on_boundaries(negations, doc, unit.span.clone());
            triggers.retain(|t| !self.negated(doc, &found, t.start));
        }
        if triggers.is_empty() {
            return None;
        }
        let cleared = self.counters.find(doc, unit.span.clone()).iter().any(|c| {
            !triggers
                .iter()
                .any(|t| t.start <= c.start && c.end <= t.end)
        });
        (!cleared).then_some(triggers)
    }

    /// Whether a negation ends just before `at` (within the reach, in the
    /// same clause).
    fn negated(&self, doc: &Document, negations: &[Range<usize>], at: usize) -> bool {
        let text = doc.text();
        negations.iter().any(|n| {
            n.end <= at && {
                let between = &text[n.end..at];
                crate::text::at_most_chars(between, self.negation_reach)
                    && !between.contains(CLAUSE_END)
            }
        })
    }
}

impl Rule for ItemSignals {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text = doc.text();
        for unit in units(doc, self.items) {
            let mut always = self
                .always
                .as_ref()
                .map_or_else(Vec::new, |a| a.find(doc, unit.span.clone()));
            if let Some(negations) = self.negations.as_ref().filter(|_| !always.is_empty()) {
                let found = find_on_boundaries(negations, doc, unit.span.clone());
                always.retain(|t| !self.negated(doc, &found, t.start));
            }
            let triggers = if always.is_empty() {
                let Some(t) = self.cleared_triggers(doc, &unit) else {
                    continue;
                };
                t
            } else {
                always
            };
            let mut words: Vec<&str> = Vec::new();
            for t in &triggers {
                let w = &text[t.clone()];
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            let shown: Vec<String> = words.iter().take(3).map(|w| format!("“{w}”")).collect();
            out.push(self.meta.diagnostic(
                doc,
                triggers[0].clone(),
                &[
                    ("id", &unit.id),
                    ("match", words[0]),
                    ("words", &shown.concat()),
                ],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::SectionKeywords;
    use crate::segment::Segmenter;
    use crate::settings::Seg;
    use crate::source::Source;
    use std::sync::OnceLock;

    fn seg() -> &'static Segmenter {
        static SEG: OnceLock<Segmenter> = OnceLock::new();
        SEG.get_or_init(|| Segmenter::new([]))
    }

    fn keywords() -> SectionKeywords {
        serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap()
    }

    /// The texts `phrases` finds in `text` (one paragraph).
    fn found(phrases: &[&str], max_gap: usize, text: &str) -> Vec<String> {
        let list: Vec<String> = phrases.iter().map(|p| p.to_string()).collect();
        let p = Phrases::new(&list, max_gap, "triggers").unwrap();
        let source = Source::new("t", text);
        let doc = Document::build(0, &source, seg(), &keywords());
        p.find(&doc, 0..doc.text().len())
            .into_iter()
            .map(|r| doc.text()[r].to_string())
            .collect()
    }

    #[test]
    fn a_gap_stays_inside_its_clause_and_its_length() {
        let p = ["取得…成效"];
        assert_eq!(found(&p, 20, "工作取得了明显成效。"), ["取得了明显成效"]);
        // No gap: 取得成效 is one token, and still found.
        assert_eq!(found(&p, 20, "工作取得成效。"), ["取得成效"]);
        // Across a comma: two clauses, no phrase.
        assert!(found(&p, 20, "取得了进展，成效还要检验。").is_empty());
        // Longer than the gap allows.
        assert!(found(&p, 3, "取得了比较明显的成效。").is_empty());
        assert_eq!(
            found(&p, 6, "取得了比较明显的成效。"),
            ["取得了比较明显的成效"]
        );
    }

    #[test]
    fn ends_fall_on_token_boundaries_unless_left_open() {
        // 任务重要 is 任务/重要: 任务重 would end inside a word.
        assert!(found(&["任务重"], 20, "这项任务重要。").is_empty());
        assert_eq!(found(&["任务重"], 20, "工作任务重。"), ["任务重"]);
        // 首都/能源: 都能 would start inside a word.
        assert!(found(&["都能"], 20, "首都能源。").is_empty());
        // 严格遵守 is one token: 能够严格 ends inside it, unless left open;
        // the finding then quotes the whole word.
        assert!(found(&["能够严格"], 20, "本人能够严格遵守党的纪律。").is_empty());
        assert_eq!(
            found(&["能够严格…"], 20, "本人能够严格遵守党的纪律。"),
            ["能够严格遵守"]
        );
        // An open start takes in the word's beginning.
        assert_eq!(found(&["…问题"], 20, "历史遗留问题多。"), ["遗留问题"]);
    }

    #[test]
    fn a_phrase_inside_another_found_one_is_dropped() {
        assert_eq!(
            found(&["条件差", "基层条件差"], 20, "基层条件差，办公条件差。"),
            ["基层条件差", "条件差"]
        );
    }

    #[test]
    fn a_phrase_of_gaps_only_is_refused() {
        let list = vec!["取得…成效".to_string(), "……".to_string()];
        let Err(e) = Phrases::new(&list, 20, "triggers") else {
            panic!("an empty phrase must be refused");
        };
        assert_eq!(e.field, [Seg::Key("triggers".into()), Seg::Index(1)]);
        assert!(Phrases::new(&[], 20, "counters").is_err());
    }

    fn params(yaml: &str) -> Result<Box<dyn Rule>, Invalid> {
        let meta = Meta {
            id: "t".into(),
            severity: crate::diagnostic::Severity::Warning,
            scope: Vec::new(),
            message: "{id} {words}".into(),
        };
        build(meta, serde_yaml::from_str(yaml).unwrap())
    }

    #[test]
    fn parameters_are_typed_and_checked() {
        let base = "items: problems\ntriggers: [取得…成效]\ncounters: [不足]\n";
        assert!(params(&format!("{base}max-gap: 20")).is_ok());
        // A gap of nothing, or of a whole page, is refused by name.
        let Err(e) = params(&format!("{base}max-gap: 0")) else {
            panic!("max-gap 0 must be refused");
        };
        assert_eq!(e.field, [Seg::Key("max-gap".into())]);
        assert!(params(&format!("{base}max-gap: 20\nnegations: ['']")).is_err());
        // Unknown fields are refused by serde.
        assert!(serde_yaml::from_str::<Params>(&format!("{base}max-gap: 20\nwords: [x]")).is_err());
    }

    /// Findings of a rule of `yaml` parameters on `text`: (id, quoted text).
    fn fired(yaml: &str, text: &str) -> Vec<(String, String)> {
        let rule = params(yaml).unwrap();
        let source = Source::new("t", text);
        let doc = Document::build(0, &source, seg(), &keywords());
        let mut out = Vec::new();
        rule.check(
            &Context {
                doc: &doc,
                links: None,
            },
            &mut out,
        );
        out.into_iter()
            .map(|d| (d.message, doc.text()[d.span].to_string()))
            .collect()
    }

    const RULE: &str = "items: problems\ntriggers: [取得…成效, 不存在…问题]\ncounters: [不足, 存在]\nnegations: [没有]\nmax-gap: 20\nnegation-reach: 2\n";

    #[test]
    fn trigger_without_counter_fires_at_the_trigger() {
        let text = "标题\n一、存在的问题\n（一）在工作方面。\n一是改革取得明显成效。二是改革取得明显成效，但措施不足。\n二、原因剖析\n（一）放松学习。\n三、整改措施\n（一）每月学习1次。\n";
        assert_eq!(
            fired(RULE, text),
            [(
                "“一是改革取得明显成效” “取得明显成效”".to_string(),
                "取得明显成效".to_string()
            )]
        );
    }

    #[test]
    fn a_negation_within_reach_cancels_a_trigger() {
        let text =
            |s: &str| format!("标题\n一、存在的问题\n一是{s}。\n二、整改措施\n一是每月学习1次。\n");
        assert!(fired(RULE, &text("改革没有取得成效")).is_empty());
        assert!(fired(RULE, &text("改革没有真正取得成效")).is_empty());
        // Beyond the reach, or in another clause, it does not.
        assert_eq!(fired(RULE, &text("改革没有因此而取得成效")).len(), 1);
        assert_eq!(fired(RULE, &text("没有，改革取得成效")).len(), 1);
    }

    #[test]
    fn a_counter_inside_a_trigger_does_not_clear_it() {
        // 存在 is a counter, but here it is part of 不存在…问题.
        let text = "标题\n一、存在的问题\n一是不存在违规问题。\n二是存在违规问题。\n二、整改措施\n一是每月学习1次。\n";
        assert_eq!(
            fired(RULE, text),
            [(
                "“一是不存在违规问题” “不存在违规问题”".to_string(),
                "不存在违规问题".to_string()
            )]
        );
    }

    #[test]
    fn a_part_without_numbered_items_is_judged_by_paragraph() {
        let text = "标题\n一、遵守政治纪律情况\n本人工作取得明显成效。\n二、个人事项报告情况\n本人如实报告了个人事项。\n三、原因剖析\n（一）放松学习。\n四、整改措施\n（一）每月学习1次。\n";
        assert_eq!(
            fired(RULE, text),
            [(
                "“一、遵守政治纪律情况” “取得明显成效”".to_string(),
                "取得明显成效".to_string()
            )]
        );
    }

    /// A part without numbered items is judged paragraph by paragraph: one
    /// paragraph is named by the part's heading, several by their number;
    /// the heading's own line, up to a clause end, is not part of them.
    #[test]
    fn a_part_without_items_is_judged_by_its_paragraphs() {
        let one = "标题\n一、存在的问题\n改革取得明显成效。\n二、整改措施\n一是每月学习1次。\n";
        assert_eq!(
            fired(RULE, one),
            [(
                "“一、存在的问题” “取得明显成效”".to_string(),
                "取得明显成效".to_string()
            )]
        );
        let two = "标题\n一、存在的问题\n学习不够深入。\n改革取得明显成效。\n二、整改措施\n一是每月学习1次。\n";
        assert_eq!(
            fired(RULE, two),
            [(
                "“一、存在的问题”第 2 段 “取得明显成效”".to_string(),
                "取得明显成效".to_string()
            )]
        );
        // The counter in the first paragraph does not clear the second.
        let apart = two.replace("学习不够深入", "措施不足");
        assert_eq!(fired(RULE, &apart).len(), 1);
        // Heading and text on one line: the text after the colon is the
        // paragraph, and its counter is its own.
        let inline = "标题\n一、存在的问题：改革取得明显成效。\n二、整改措施\n一是每月学习1次。\n";
        assert_eq!(fired(RULE, inline).len(), 1, "{:?}", fired(RULE, inline));
    }

    /// An `always` phrase fires whatever counters there are, unless negated;
    /// the words named are the distinct ones, three at most.
    #[test]
    fn always_phrases_fire_despite_counters_and_words_are_named_once() {
        let rule = "items: problems\ntriggers: [取得…成效]\ncounters: [不足]\nalways: [完美无缺, 十全十美, 尽善尽美, 无可挑剔]\nnegations: [并非]\nmax-gap: 20\nnegation-reach: 2\n";
        let text =
            |s: &str| format!("标题\n一、存在的问题\n一是{s}。\n二、整改措施\n一是每月学习1次。\n");
        let got = fired(rule, &text("工作完美无缺，但措施不足"));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "完美无缺");
        let got = fired(
            rule,
            &text("工作完美无缺，十全十美，完美无缺，尽善尽美，无可挑剔"),
        );
        // (The item's name is cut at 24 characters.)
        assert!(
            got[0].0.ends_with(" “完美无缺”“十全十美”“尽善尽美”"),
            "{got:?}"
        );
        // Negated: not an always phrase; the triggers decide, cleared here.
        assert!(fired(rule, &text("工作并非完美无缺，措施不足")).is_empty());
        assert_eq!(fired(rule, &text("工作并非完美无缺，取得成效")).len(), 1);
    }

    #[test]
    fn a_range_is_inside_another_only_when_strictly_within() {
        assert!(inside(&(2..4), &(0..6)));
        assert!(inside(&(0..4), &(0..6)));
        assert!(inside(&(2..6), &(0..6)));
        assert!(!inside(&(0..6), &(0..6)));
        assert!(!inside(&(0..7), &(0..6)));
        assert!(!inside(&(5..8), &(0..6)));
    }

    /// A part heading ending in a colon on its own line leaves nothing of
    /// its line to judge: the part's one paragraph is named by the heading,
    /// not counted as its second.
    #[test]
    fn a_heading_ending_in_a_colon_adds_no_paragraph() {
        let text = "标题\n一、存在的问题：\n改革取得明显成效。\n二、整改措施\n一是每月学习1次。\n";
        assert_eq!(
            fired(RULE, text),
            [(
                "“一、存在的问题” “取得明显成效”".to_string(),
                "取得明显成效".to_string()
            )]
        );
    }
}
