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
//! With `hollow`, a shortfall named for form after a turn (但离…还有差距,
//! 只是…还有提升空间) clears nothing and owns nothing. With `by-sentence`,
//! each sentence is judged too, and a reason added after a comma (，另外…,
//! ，加之…) on its own.
//! With `model`, an item is also scored by a learned model
//! ([`super::model`]) and reported at its strongest clause when the score
//! reaches the threshold — `over-phrases`, a higher one, when phrases were
//! found in it and cleared.
//! The items judged: the deepest items of the part (for problems, also of
//! parts headed by a topic such as 遵守政治纪律情况); a part without
//! numbered items is judged paragraph by paragraph.

use super::lexicon::Lexicon;
use super::model::Model;
use super::phrases::{Phrases, CLAUSE_END};
use super::vague_item::{in_concession, section_items};
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
    /// What a fault cost the work (影响了…进度, 延误了…): an item naming
    /// one tells a virtue with its damage, a fault; its `always` phrases
    /// give way and the triggers decide.
    #[serde(default)]
    costs: Vec<String>,
    /// Words that cancel a trigger (or an `always` phrase) they come just
    /// before.
    #[serde(default)]
    negations: Vec<String>,
    /// Shortfalls named only for form after a record (但离…还有差距, 只是…
    /// 还有提升空间): the counter and owned words inside them do not count.
    #[serde(default)]
    hollow: Vec<String>,
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
    /// A learned model (`rules/models/`) that reports an item the phrases
    /// do not report when its score reaches the threshold.
    #[serde(default)]
    model: Option<ModelParams>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ModelParams {
    /// The model's name: a file stem in `rules/models/`.
    table: String,
    /// The least score (the model's log-odds) at which an item is reported.
    threshold: f64,
    /// The least score at which an item is reported whose phrases were
    /// found and cleared (none: never): evidence this strong outweighs a
    /// cleared phrase (…位居全区第一…，只是…还有提升空间).
    #[serde(default)]
    over_phrases: Option<f64>,
}

pub(crate) struct ItemSignals {
    meta: Meta,
    items: SectionKind,
    triggers: Phrases,
    counters: Phrases,
    hollow: Option<Phrases>,
    always: Option<Phrases>,
    costs: Option<Phrases>,
    negations: Option<Lexicon>,
    negation_reach: usize,
    outweigh: Option<usize>,
    /// With the message for an item that owns nothing.
    owned: Option<(Phrases, String)>,
    owned_anywhere: bool,
    by_sentence: bool,
    /// The model, its threshold, and its threshold over cleared phrases.
    model: Option<(Model, f64, f64)>,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    count_in("max-gap", params.max_gap, 1, 100)?;
    count_in("negation-reach", params.negation_reach, 0, 20)?;
    if let Some(n) = params.outweigh {
        count_in("outweigh", n, 2, 20)?;
    }
    let triggers = Phrases::new(&params.triggers, params.max_gap, "triggers")?;
    let counters = Phrases::new(&params.counters, params.max_gap, "counters")?;
    // Lists that may be left out: none when empty.
    let optional = |list: &[String], field: &str| {
        (!list.is_empty())
            .then(|| Phrases::new(list, params.max_gap, field))
            .transpose()
    };
    let hollow = optional(&params.hollow, "hollow")?;
    let always = optional(&params.always, "always")?;
    let costs = optional(&params.costs, "costs")?;
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
    let model = match params.model {
        None => None,
        Some(m) => {
            let Some(model) = Model::named(&m.table) else {
                return Err(Invalid::in_field(
                    "model",
                    format!(
                        "没有名为 `{}` 的模型（可用：{}）",
                        m.table,
                        Model::names().join("、")
                    ),
                ));
            };
            if !m.threshold.is_finite() || m.over_phrases.is_some_and(|t| !t.is_finite()) {
                return Err(Invalid::in_field(
                    "model",
                    "`threshold` 和 `over-phrases` 应为有限的数",
                ));
            }
            Some((model, m.threshold, m.over_phrases.unwrap_or(f64::INFINITY)))
        }
    };
    Ok(Box::new(ItemSignals {
        meta,
        items: params.items,
        triggers,
        counters,
        hollow,
        always,
        costs,
        negations,
        negation_reach: params.negation_reach,
        outweigh: params.outweigh,
        owned,
        owned_anywhere: params.owned_anywhere,
        by_sentence: params.by_sentence,
        model,
    }))
}

/// One unit the rule judges: an item, or a paragraph of a part that has no
/// numbered items.
struct Unit {
    id: String,
    span: Range<usize>,
    /// Where its text starts after the number (（1）, 一是): a clause
    /// quoted from it leaves the number out.
    body: usize,
}

/// The units of the parts holding `kind` items: the items vague-item
/// judges, or the paragraphs of a part without numbered items.
fn units(doc: &Document, kind: SectionKind) -> Vec<Unit> {
    let text = doc.text();
    let mut out = Vec::new();
    for section in doc.outline.sections.iter().filter(|s| s.holds(kind)) {
        if !section.items.is_empty() {
            out.extend(section_items(section, kind).into_iter().map(|i| Unit {
                id: super::item_name(text, i.label.clone()),
                span: i.span.clone(),
                body: i.marker.span.end.clamp(i.span.start, i.span.end),
            }));
            continue;
        }
        // No numbered items: each paragraph after the heading.
        let name = if section.heading.is_empty() {
            format!("“{}”部分", section.kind.chinese())
        } else {
            format!("“{}”", &text[section.heading.clone()])
        };
        // Paragraphs come in text order: those of the section are found by
        // a search, not by reading all of them for each section.
        let first = (doc.paragraphs).partition_point(|p| p.span.start < section.span.start);
        let paras: Vec<Range<usize>> = doc.paragraphs[first..]
            .iter()
            .take_while(|p| p.span.start <= section.span.end)
            .filter(|p| p.span.end <= section.span.end)
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
            let body = span.start;
            out.push(Unit { id, span, body });
        }
    }
    out
}

/// What a unit holds, found once: the unit and each of its sentences are
/// judged on the part of it inside them (no phrase crosses a clause end).
struct Found {
    triggers: Vec<Range<usize>>,
    counters: Vec<Range<usize>>,
    hollow: Vec<Range<usize>>,
    negations: Vec<Range<usize>>,
}

/// The spans of `spans` inside `r`.
fn inside<'a>(
    spans: &'a [Range<usize>],
    r: &'a Range<usize>,
) -> impl Iterator<Item = &'a Range<usize>> {
    spans
        .iter()
        .filter(move |s| r.start <= s.start && s.end <= r.end)
}

impl ItemSignals {
    fn found(&self, doc: &Document, span: &Range<usize>) -> Found {
        let triggers = self.triggers.find(doc, span.clone());
        if triggers.is_empty() {
            // Nothing to clear: the rest is not looked for.
            return Found {
                triggers,
                counters: Vec::new(),
                hollow: Vec::new(),
                negations: Vec::new(),
            };
        }
        Found {
            triggers,
            counters: self.counters.find(doc, span.clone()),
            hollow: self.hollow_spans(doc, span),
            negations: self
                .negations
                .as_ref()
                .map_or_else(Vec::new, |n| find_on_boundaries(n, doc, span.clone())),
        }
    }

    /// The triggers in `span`, unless none stands (all negated) or a
    /// counter clears it.
    fn cleared_triggers(
        &self,
        doc: &Document,
        found: &Found,
        span: &Range<usize>,
    ) -> Option<Vec<Range<usize>>> {
        let negations: Vec<Range<usize>> = inside(&found.negations, span).cloned().collect();
        // A trigger granted in a concession (虽然任务重，但根子在于…) is
        // not what the item claims.
        let text = doc.text();
        let triggers: Vec<Range<usize>> = inside(&found.triggers, span)
            .filter(|t| !self.negated(doc, &negations, t.start))
            .filter(|t| !in_concession(text, span.start, t.start))
            .cloned()
            .collect();
        if triggers.is_empty() {
            return None;
        }
        if let Some(n) = self.outweigh {
            let mut different: Vec<&str> = triggers.iter().map(|t| &text[t.clone()]).collect();
            different.sort_unstable();
            different.dedup();
            if different.len() >= n {
                return Some(triggers);
            }
        }
        let hollow: Vec<&Range<usize>> = inside(&found.hollow, span).collect();
        let cleared = inside(&found.counters, span).any(|c| {
            !triggers
                .iter()
                .chain(hollow.iter().copied())
                .any(|t| t.start <= c.start && c.end <= t.end)
        });
        (!cleared).then_some(triggers)
    }

    /// Where the `hollow` phrases are in `span`.
    fn hollow_spans(&self, doc: &Document, span: &Range<usize>) -> Vec<Range<usize>> {
        self.hollow
            .as_ref()
            .map_or_else(Vec::new, |h| h.spans_anywhere(doc, span.clone()).collect())
    }

    /// The finding for a unit that has no counter, owns no shortfall (when
    /// `owned` is given) and names no cost, at its first clause.
    fn unowned(&self, doc: &Document, unit: &Unit) -> Option<Diagnostic> {
        let (owned, message) = self.owned.as_ref()?;
        let text = &doc.text()[unit.span.clone()];
        let hollow = self.hollow_spans(doc, &unit.span);
        let counts =
            |w: &Range<usize>| !hollow.iter().any(|h| h.start <= w.start && w.end <= h.end);
        let names = |p: &Phrases| {
            if self.owned_anywhere {
                p.spans_anywhere(doc, unit.span.clone()).any(|w| counts(&w))
            } else {
                p.find(doc, unit.span.clone()).iter().any(counts)
            }
        };
        // What a fault cost those served (增加了基层负担) is a shortfall too.
        let costly = self.costs.as_ref().is_some_and(names);
        if said_little(text) || names(&self.counters) || names(owned) || costly {
            return None;
        }
        // The first clause after the item's marker (第一，/其二， end with a
        // comma of their own).
        let from = crate::markers::leading_marker(text, 0).map_or(0, |m| m.span.end);
        let end = text[from..]
            .find(CLAUSE_END)
            .map_or(text.len(), |e| from + e);
        let span = unit.span.start..unit.span.start + end;
        let mut d = self.meta.diagnostic(doc, span, &[("id", &unit.id)]);
        d.message = crate::diagnostic::fill(message, &[("id", &unit.id)]);
        Some(d)
    }

    /// The finding for a unit the model scores at its threshold or above
    /// (at `over_phrases` or above when phrases were found in it and
    /// cleared), at the clause that reads most like the kind, quoted in the
    /// message.
    fn modelled(&self, doc: &Document, unit: &Unit, phrased: bool) -> Option<Diagnostic> {
        let (model, threshold, over_phrases) = self.model.as_ref()?;
        let threshold = if phrased { over_phrases } else { threshold };
        let text = doc.text();
        let body = &text[unit.span.clone()];
        if model.score(body) < *threshold || said_little(body) {
            return None;
        }
        let span = model.strongest(text, clauses(text, unit.span.clone()))?;
        let span = if span.start < unit.body && unit.body < span.end {
            unit.body..span.end
        } else {
            span
        };
        let shown = crate::text::short(&text[span.clone()], 24);
        Some(self.meta.diagnostic(
            doc,
            span,
            &[
                ("id", &unit.id),
                ("match", &shown),
                ("words", &crate::text::quoted(&shown)),
            ],
        ))
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

/// Words that, after a comma, add another reason to a sentence (…要求自己
/// 不够，另外家长的期望值太高…): what follows is judged on its own.
const FURTHER: &[&str] = &["另外", "加之", "再加上", "加上", "而且", "此外", "再者"];

/// Words that open the point after a concession.
const TURNS: &[&str] = &["但", "然而", "可是", "不过"];

/// The sentences of `span`, each up to and including its closing mark, and
/// cut again before a comma's [`FURTHER`] reason.
fn sentences(text: &str, span: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = span.start;
    std::iter::from_fn(move || {
        if at >= span.end {
            return None;
        }
        let rest = &text[at..span.end];
        let end = |from: usize| {
            from + rest[from..]
                .find(['。', '！', '？', '；', '\n'])
                .map_or(rest.len() - from, |i| {
                    i + rest[from + i..].chars().next().map_or(1, char::len_utf8)
                })
        };
        let mut len = end(0);
        // A semicolon before a turn (…任务接连不断，这是实情；但根本上还是…)
        // joins a concession to its point: one sentence.
        while len < rest.len()
            && rest[..len].ends_with('；')
            && TURNS.iter().any(|w| rest[len..].starts_with(w))
        {
            len = end(len);
        }
        let further = rest[..len].match_indices('，').find_map(|(i, comma)| {
            let after = &rest[i + comma.len()..];
            FURTHER
                .iter()
                .any(|w| after.starts_with(w))
                .then_some(i + comma.len())
        });
        if let Some(cut) = further {
            len = cut;
        }
        let s = at..at + len;
        at += len;
        Some(s)
    })
}

/// The clauses of `span`, each without its closing mark (empty ones left
/// out).
fn clauses(text: &str, span: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let start = span.start;
    text[span.clone()]
        .split_inclusive(CLAUSE_END)
        .scan(start, |at, piece| {
            let from = *at;
            *at += piece.len();
            Some(from..from + piece.trim_end_matches(CLAUSE_END).len())
        })
        .filter(|r| !r.is_empty())
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
            // Whether any phrase was found, negated or cleared later or not.
            let mut phrased = !always.is_empty();
            if let Some(negations) = self.negations.as_ref().filter(|_| !always.is_empty()) {
                let found = find_on_boundaries(negations, doc, unit.span.clone());
                always.retain(|t| !self.negated(doc, &found, t.start));
            }
            let costly = || {
                let costs = self.costs.as_ref();
                costs.is_some_and(|c| !c.find(doc, unit.span.clone()).is_empty())
            };
            if !always.is_empty() && costly() {
                always.clear();
            }
            let triggers = if always.is_empty() {
                let found = self.found(doc, &unit.span);
                phrased |= !found.triggers.is_empty();
                let owned = self
                    .owned
                    .as_ref()
                    .filter(|_| self.by_sentence && !found.triggers.is_empty())
                    .map_or_else(Vec::new, |(o, _)| o.find(doc, unit.span.clone()));
                match self.cleared_triggers(doc, &found, &unit.span).or_else(|| {
                    // A counter elsewhere in the item does not clear a
                    // sentence of its own (宗旨意识有所淡化。…任务一年比一年
                    // 重，人手严重不足…) that owns no shortfall either.
                    self.by_sentence
                        .then(|| {
                            sentences(text, unit.span.clone()).find_map(|s| {
                                let triggers = self.cleared_triggers(doc, &found, &s)?;
                                // 没有 inside 实在没有时间 is the excuse, not a
                                // shortfall owned.
                                let owns = inside(&owned, &s).any(|w| {
                                    !triggers
                                        .iter()
                                        .any(|t| t.start <= w.start && w.end <= t.end)
                                });
                                (!owns).then_some(triggers)
                            })
                        })
                        .flatten()
                }) {
                    Some(t) => t,
                    None => {
                        // Phrases found and then cleared (a counter, a
                        // negation) decide the item unless the model is
                        // far surer: naive Bayes cannot read 流于形式 after
                        // 严格执行.
                        let modelled = self.modelled(doc, &unit, phrased);
                        out.extend(modelled.or_else(|| self.unowned(doc, &unit)));
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
            let shown: Vec<String> = words
                .iter()
                .take(3)
                .map(|w| crate::text::quoted(w))
                .collect();
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
mod tests;
