//! `item-signals`: an item of one part that has a trigger phrase and no
//! counter phrase. `praise-as-problem` (a problem item that reports
//! achievements or denies having problems, and names no shortfall) and
//! `external-cause` (a cause item that blames circumstances, and names no
//! subjective root) are two instances; their phrases are YAML parameters.
//!
//! Phrases ([`super::phrases`]) are matched where their ends fall on token
//! boundaries, so 未 does not fire inside 未来; they may have gaps (`取得…成效`)
//! and alternatives (`(过于|太)热心`).
//!
//! A trigger right after a negation (`不是因为工作忙`, `不能以工作忙为借口`)
//! does not count, nor does a counter inside a trigger (存在 inside
//! 不存在…问题, 没有 inside 没有违规).
//! With `outweigh`, that many different triggers stand beside any counter:
//! an item listing three honours is praise even if it ends 但还有差距.
//! The items judged: the deepest items of the part (for problems, also of
//! parts headed by a topic such as 遵守政治纪律情况); a part without
//! numbered items is judged paragraph by paragraph.

use super::lexicon::Lexicon;
use super::phrases::{Phrases, CLAUSE_END};
use super::vague_item::{holds, section_items};
use super::word_list::find_on_boundaries;
use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::outline::SectionKind;
use crate::settings::{count_in, Invalid};
use crate::text::is_space;
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
    /// This many different triggers in one item stand whatever counter it
    /// has: a record of achievements closed by 但…还不够 is still a record.
    #[serde(default)]
    outweigh: Option<usize>,
    /// Words by which an item owns a shortfall of its own (学习不够, 意识
    /// 淡化, 没有做到). When given, an item with neither a counter nor one of
    /// these is reported, trigger or not: a cause that owns nothing lays the
    /// blame elsewhere, in whatever words.
    #[serde(default)]
    owned: Vec<String>,
    /// The message for such an item (`{id}` is the item).
    #[serde(default)]
    unowned_message: Option<String>,
    /// Whether, for that judgement, a counter or owned word spares the item
    /// wherever it occurs, even inside a longer token (还不够高, 心没到).
    /// Right for words by which an item owns a fault; wrong where the same
    /// words describe others (配合度不高 in a cause).
    #[serde(default)]
    owned_anywhere: bool,
    /// Whether each sentence of an item is also judged on its own: a
    /// counter in one sentence (宗旨意识淡化) does not clear a trigger in
    /// another (任务一年比一年重，人手不足).
    #[serde(default)]
    by_sentence: bool,
}

pub(crate) struct ItemSignals {
    meta: Meta,
    items: SectionKind,
    triggers: Phrases,
    counters: Phrases,
    always: Option<Phrases>,
    negations: Option<Lexicon>,
    negation_reach: usize,
    outweigh: Option<usize>,
    /// With the message for an item that owns nothing.
    owned: Option<(Phrases, String)>,
    owned_anywhere: bool,
    by_sentence: bool,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    count_in("max-gap", params.max_gap, 1, 100)?;
    count_in("negation-reach", params.negation_reach, 0, 20)?;
    if let Some(n) = params.outweigh {
        count_in("outweigh", n, 2, 20)?;
    }
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
        Some(Lexicon::new(&params.negations))
    };
    let owned = match (params.owned.is_empty(), params.unowned_message) {
        (true, None) => None,
        (false, Some(message)) => Some((
            Phrases::new(&params.owned, params.max_gap, "owned")?,
            message,
        )),
        (true, Some(_)) => {
            return Err(Invalid::in_field(
                "unowned-message",
                "有 `unowned-message` 却没有 `owned` 词语",
            ))
        }
        (false, None) => {
            return Err(Invalid::in_field(
                "owned",
                "给了 `owned` 词语，还要给 `unowned-message`",
            ))
        }
    };
    Ok(Box::new(ItemSignals {
        meta,
        items: params.items,
        triggers,
        counters,
        always,
        negations,
        negation_reach: params.negation_reach,
        outweigh: params.outweigh,
        owned,
        owned_anywhere: params.owned_anywhere,
        by_sentence: params.by_sentence,
    }))
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
    fn cleared_triggers(&self, doc: &Document, span: &Range<usize>) -> Option<Vec<Range<usize>>> {
        let mut triggers = self.triggers.find(doc, span.clone());
        if let Some(negations) = &self.negations {
            let found = find_on_boundaries(negations, doc, span.clone());
            triggers.retain(|t| !self.negated(doc, &found, t.start));
        }
        if triggers.is_empty() {
            return None;
        }
        if let Some(n) = self.outweigh {
            let text = doc.text();
            let mut different: Vec<&str> = triggers.iter().map(|t| &text[t.clone()]).collect();
            different.sort_unstable();
            different.dedup();
            if different.len() >= n {
                return Some(triggers);
            }
        }
        let cleared = self.counters.find(doc, span.clone()).iter().any(|c| {
            !triggers
                .iter()
                .any(|t| t.start <= c.start && c.end <= t.end)
        });
        (!cleared).then_some(triggers)
    }

    /// The finding for a unit that has no counter and owns no shortfall
    /// (when `owned` is given), at its first clause.
    fn unowned(&self, doc: &Document, unit: &Unit) -> Option<Diagnostic> {
        let (owned, message) = self.owned.as_ref()?;
        let text = &doc.text()[unit.span.clone()];
        let names = |p: &Phrases| {
            if self.owned_anywhere {
                p.occurs(doc, unit.span.clone())
            } else {
                !p.find(doc, unit.span.clone()).is_empty()
            }
        };
        if said_little(text) || names(&self.counters) || names(owned) {
            return None;
        }
        let end = text.find(CLAUSE_END).unwrap_or(text.len());
        let span = unit.span.start..unit.span.start + end;
        let mut d = self.meta.diagnostic(doc, span, &[("id", &unit.id)]);
        d.message = crate::diagnostic::fill(message, &[("id", &unit.id)]);
        Some(d)
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

/// The sentences of `span`, each up to and including its closing mark.
fn sentences(text: &str, span: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = span.start;
    std::iter::from_fn(move || {
        if at >= span.end {
            return None;
        }
        let rest = &text[at..span.end];
        let len = rest
            .find(['。', '！', '？', '；', '\n'])
            .map_or(rest.len(), |i| {
                i + rest[i..].chars().next().map_or(1, char::len_utf8)
            });
        let s = at..at + len;
        at += len;
        Some(s)
    })
}

/// Fewer than this many Han characters outside brackets: an item that is
/// only a heading or a fill-in mark (二是（请补充具体事例）) says too little
/// to be judged by what it leaves out; `placeholder` reports the mark.
const SAID_LITTLE: usize = 8;

fn said_little(text: &str) -> bool {
    let mut depth = 0usize;
    let mut han = 0;
    for c in text.chars() {
        match c {
            '（' | '(' | '【' | '[' | '〔' => depth += 1,
            '）' | ')' | '】' | ']' | '〕' => depth = depth.saturating_sub(1),
            c if depth == 0 && crate::text::is_han(c) => han += 1,
            _ => {}
        }
    }
    han < SAID_LITTLE
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
                match self.cleared_triggers(doc, &unit.span).or_else(|| {
                    // A counter elsewhere in the item does not clear a
                    // sentence of its own (宗旨意识有所淡化。…任务一年比一年
                    // 重，人手严重不足…) that owns no shortfall either.
                    self.by_sentence
                        .then(|| {
                            sentences(text, unit.span.clone()).find_map(|s| {
                                let triggers = self.cleared_triggers(doc, &s)?;
                                // 没有 inside 实在没有时间 is the excuse, not a
                                // shortfall owned.
                                let owns = self.owned.as_ref().is_some_and(|(o, _)| {
                                    o.find(doc, s.clone()).iter().any(|w| {
                                        !triggers
                                            .iter()
                                            .any(|t| t.start <= w.start && w.end <= t.end)
                                    })
                                });
                                (!owns).then_some(triggers)
                            })
                        })
                        .flatten()
                }) {
                    Some(t) => t,
                    None => {
                        out.extend(self.unowned(doc, &unit));
                        continue;
                    }
                }
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
    use crate::rules::testing::{keywords, seg};
    use crate::settings::Seg;
    use crate::source::Source;

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
        // One trigger cannot outweigh anything.
        let Err(e) = params(&format!("{base}max-gap: 20\noutweigh: 1")) else {
            panic!("outweigh 1 must be refused");
        };
        assert_eq!(e.field, [Seg::Key("outweigh".into())]);
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

    #[test]
    fn enough_different_triggers_outweigh_a_counter() {
        let rule = |n: &str| {
            format!("items: problems\ntriggers: [获评…优秀…, 挽回…损失, 被评为…先进…, 办结]\ncounters: [但…]\nmax-gap: 20\n{n}")
        };
        let text =
            |s: &str| format!("标题\n一、存在的问题\n一是{s}\n二、整改措施\n一是每月学习1次。\n");
        let record = text(
            "全年挽回经济损失300万元，科室被评为全县先进集体，本人获评优秀党员，但与要求还有差距。",
        );
        // Without `outweigh` the closing 但… clears the item.
        assert!(fired(&rule(""), &record).is_empty());
        assert_eq!(fired(&rule("outweigh: 3"), &record).len(), 1);
        // Two different triggers, or one said three times, are not enough.
        let two = text("全年挽回经济损失300万元，科室被评为全县先进集体，但有差距。");
        assert!(fired(&rule("outweigh: 3"), &two).is_empty());
        let same = text("挽回损失，挽回损失，挽回损失，但还不够。");
        assert!(fired(&rule("outweigh: 3"), &same).is_empty());
    }

    #[test]
    fn a_cause_that_owns_nothing_is_reported_at_its_first_clause() {
        let rule = |extra: &str| {
            format!("items: causes\ntriggers: [工作忙]\ncounters: […意识]\nmax-gap: 20\n{extra}")
        };
        let owned = "owned: [不够, 有所…]\nunowned-message: '{id}没有讲自身不足'\n";
        let text =
            |s: &str| format!("标题\n一、原因剖析\n一是{s}\n二、整改措施\n一是每月学习1次。\n");
        let drought = text("今年夏季持续干旱，秋收又遇连阴雨，走访只好推迟。");
        // No trigger: without `owned` nothing is said.
        assert!(fired(&rule(""), &drought).is_empty());
        assert_eq!(
            fired(&rule(owned), &drought),
            [(
                "“一是今年夏季持续干旱，秋收又遇连阴雨，走访只好推…”没有讲自身不足".to_string(),
                "一是今年夏季持续干旱".to_string()
            )]
        );
        // A shortfall owned, or a counter, clears it.
        assert!(fired(&rule(owned), &text("今年干旱，走访次数不够。")).is_empty());
        assert!(fired(&rule(owned), &text("今年干旱，学习热情有所减退。")).is_empty());
        assert!(fired(&rule(owned), &text("今年干旱，宗旨意识不牢。")).is_empty());
        // A trigger without a counter is reported as before, once.
        let busy = fired(&rule(owned), &text("工作忙，没时间。"));
        assert_eq!(busy.len(), 1);
        assert_eq!(busy[0].1, "工作忙");
    }

    #[test]
    fn owned_words_and_their_message_come_together() {
        let base = "items: causes\ntriggers: [工作忙]\ncounters: […意识]\nmax-gap: 20\n";
        let Err(e) = params(&format!("{base}owned: [不够]")) else {
            panic!("owned without a message must be refused");
        };
        assert_eq!(e.field, [Seg::Key("owned".into())]);
        let Err(e) = params(&format!("{base}unowned-message: x")) else {
            panic!("a message without owned words must be refused");
        };
        assert_eq!(e.field, [Seg::Key("unowned-message".into())]);
        assert!(params(&format!("{base}owned: [不够]\nunowned-message: x")).is_ok());
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
