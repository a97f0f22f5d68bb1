//! `vague-problem`, `vague-measure`: an item with vague words and nothing
//! concrete. Problems: hedges or stock phrases and no evidence (numbers,
//! dates, named meetings or documents, 比如 + a case). Measures: slogans
//! (进一步、加强、不断…) and no time limit, frequency, quantity, responsible
//! body or concrete action. Both lists are the rule's YAML parameters.
//! A named place or unit (在临湖社区, 对城东派出所) is evidence too, unless
//! its name holds a common word (基层社区, 所在村): `names`.

use super::item_name;
use super::lexicon::Lexicon;
use super::word_list::find_on_boundaries;
use super::{Context, Meta, Rule};
use crate::diagnostic::{Diagnostic, Label};
use crate::document::Document;
use crate::outline::{Item, Section, SectionKind};
use crate::settings::Invalid;
use crate::text::{ceil_boundary, floor_boundary};
use regex::Regex;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Which items the rule judges (problems, causes or measures).
    items: SectionKind,
    /// Vague words: hedges, stock phrases, slogans.
    words: Vec<String>,
    /// Patterns any one of which makes an item concrete.
    evidence: Vec<String>,
    /// Mark each vague word found with a label, so a note on the same
    /// words (vague-wording) is not given again.
    #[serde(default)]
    mark: bool,
    /// Named places and units as evidence.
    #[serde(default)]
    names: Option<NamesParams>,
}

/// A pattern whose group `name` is the name of a place or unit (临湖 in
/// 在临湖社区), and the common words or characters such a name may not
/// hold.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct NamesParams {
    pattern: String,
    generic: Vec<String>,
}

/// Compiled `names`.
struct Names {
    pattern: Regex,
    generic: Vec<String>,
}

impl Names {
    /// Whether `body` names a place or unit by a name that is no common
    /// word: every match is tried, so 在基层社区…在石门村 finds 石门.
    fn found_in(&self, body: &str) -> bool {
        self.pattern.captures_iter(body).any(|c| {
            c.name("name").is_some_and(|n| {
                let n = n.as_str();
                !self.generic.iter().any(|g| n.contains(g.as_str()))
            })
        })
    }
}

pub(crate) struct VagueItem {
    meta: Meta,
    items: SectionKind,
    words: Lexicon,
    /// Any match of any pattern is enough.
    evidence: Vec<Regex>,
    mark: bool,
    names: Option<Names>,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    let words = Lexicon::new(&params.words);
    // Kept apart, not joined into one alternation: each pattern then gets
    // its own literal search (过程中, 《, 比如…), and the lazy DFA of the
    // union of many Unicode classes, rebuilt state by state on Chinese text,
    // cost more than all the other rules together on a team's reports.
    use rayon::prelude::*;
    let evidence: Vec<Result<Regex, Invalid>> = params
        .evidence
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            Regex::new(p).map_err(|e| {
                Invalid::in_field(
                    "evidence",
                    format!("`evidence` 中的正则表达式 `{p}` 无效：{e}"),
                )
                .at(i)
            })
        })
        .collect();
    let evidence = evidence.into_iter().collect::<Result<Vec<_>, _>>()?;
    let names = match params.names {
        Some(n) => {
            let pattern = Regex::new(&n.pattern).map_err(|e| {
                Invalid::in_field(
                    "names",
                    format!("`names` 中的正则表达式 `{}` 无效：{e}", n.pattern),
                )
            })?;
            if !pattern.capture_names().any(|c| c == Some("name")) {
                return Err(Invalid::in_field(
                    "names",
                    "`names` 的正则表达式要有命名分组 (?P<name>…)".to_string(),
                ));
            }
            Some(Names {
                pattern,
                generic: n.generic,
            })
        }
        None => None,
    };
    Ok(Box::new(VagueItem {
        meta,
        items: params.items,
        words,
        evidence,
        mark: params.mark,
        names,
    }))
}

/// The items a vague-item rule judges: the deepest problem or cause items,
/// or whole top-level measures (their sub-items are their detail).
pub(crate) fn judged_items<'a>(doc: &'a Document<'_>, kind: SectionKind) -> Vec<&'a Item> {
    doc.outline
        .sections
        .iter()
        .filter(|s| s.holds(kind))
        .flat_map(|s| section_items(s, kind))
        .collect()
}

/// The items of `s` judged as `kind` items: the deepest ones, or whole
/// top-level measures.
pub(crate) fn section_items(s: &Section, kind: SectionKind) -> Vec<&Item> {
    if kind == SectionKind::Measures {
        s.items.iter().collect()
    } else {
        s.leaves()
    }
}

impl Rule for VagueItem {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text = doc.text();
        for item in judged_items(doc, self.items) {
            // Vague words first: cheaper than the evidence patterns. A
            // hedge granted in a concession (虽然有时也…，但…) is not the
            // item's own vagueness.
            let found: Vec<_> = find_on_boundaries(&self.words, doc, item.span.clone())
                .into_iter()
                .filter(|r| !in_concession(text, item.span.start, r.start))
                .collect();
            if found.is_empty() {
                continue;
            }
            // The item's own number (4．) is not evidence.
            let body = &text[item.marker.span.end..item.span.end];
            if self.evidence.iter().any(|e| e.is_match(body))
                || self.names.as_ref().is_some_and(|n| n.found_in(body))
            {
                continue;
            }
            let mut words: Vec<&str> = Vec::new();
            for r in &found {
                if !words.contains(&&text[r.clone()]) {
                    words.push(&text[r.clone()]);
                }
            }
            let shown: Vec<String> = words
                .iter()
                .take(4)
                .map(|w| crate::text::quoted(w))
                .collect();
            let label = &text[item.label.clone()];
            let mut d = self.meta.diagnostic(
                doc,
                item.label.clone(),
                &[
                    ("id", &item_name(text, item.label.clone())),
                    ("label", label),
                    ("words", &shown.join("")),
                ],
            );
            // Each hedge marked in place; vague-wording then leaves them
            // to this finding (rules::absorb).
            if self.mark {
                d.labels.extend(found.iter().map(|r| Label {
                    file: doc.index,
                    span: r.clone(),
                    message: "模糊表述".to_string(),
                }));
            }
            out.push(d);
        }
    }
}

/// Whether `at` lies in a concession clause of its sentence: after 虽然 or
/// 尽管 (from `from` on), before the 但 that turns it. A clause is read at
/// most [`CLAUSE_REACH`] bytes either side: a "sentence" of a megabyte
/// with a hedge every few characters would otherwise be read once per
/// hedge.
pub(super) fn in_concession(text: &str, from: usize, at: usize) -> bool {
    const SENTENCE_END: &[char] = &['。', '！', '？', '；', '\n'];
    const TURN: &[&str] = &["但", "可是", "然而", "却"];
    let lo = ceil_boundary(text, at.saturating_sub(CLAUSE_REACH).max(from));
    let start = text[lo..at].rfind(SENTENCE_END).map_or(lo, |i| {
        lo + i + text[lo + i..].chars().next().map_or(0, char::len_utf8)
    });
    let before = &text[start.min(at)..at];
    let Some(k) = before.rfind("虽然").or_else(|| before.rfind("尽管")) else {
        return false;
    };
    if TURN.iter().any(|t| before[k..].contains(t)) {
        return false;
    }
    let hi = floor_boundary(text, at + CLAUSE_REACH);
    let end = text[at..hi].find(SENTENCE_END).map_or(hi, |i| at + i);
    TURN.iter().any(|t| text[at..end].contains(t))
}

/// How far a concession and its turn are looked for from a hedge: 200
/// Chinese characters, more than any real sentence's clauses span.
const CLAUSE_REACH: usize = 600;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{meta, run, Seen};

    fn rule(items: &str, mark: bool) -> Box<dyn Rule> {
        let params: Params = serde_yaml::from_str(&format!(
            "{{items: {items}, words: [有时, 有所, 不够, 不强, 较为, 进一步], evidence: ['\\d', '《'], mark: {mark}}}"
        ))
        .unwrap();
        let mut m = meta("vague", &[]);
        m.message = "{id}|{words}".into();
        build(m, params).unwrap()
    }

    const REPORT: &str = "一、存在的问题\n（一）学习方面\n1.学习有时不认真。\n2.学习有时不认真，2024年缺席3次。\n3.对《条例》学习不够。\n4.有时有所不够，较为不强，有时。\n二、整改措施\n1.进一步加强学习。\n（1）每月学习一次。\n2.进一步改进作风。\n";

    fn found(items: &str) -> Vec<Seen> {
        run(&*rule(items, false), REPORT)
    }

    /// Problems: each deepest item with a vague word and no evidence (a
    /// digit or 《 here), the item's own number not counted as one; the
    /// words named once each, four at most.
    #[test]
    fn a_vague_item_without_evidence_is_found_with_its_words() {
        let got: Vec<String> = found("problems").into_iter().map(|s| s.message).collect();
        assert_eq!(
            got,
            [
                "“1.学习有时不认真”|“有时”",
                "“4.有时有所不够，较为不强，有时”|“有时”“有所”“不够”“较为”"
            ]
        );
    }

    /// Measures are judged whole: a sub-item's detail is the measure's
    /// evidence.
    #[test]
    fn a_measure_is_judged_with_its_sub_items() {
        let got: Vec<String> = found("measures").into_iter().map(|s| s.message).collect();
        assert_eq!(got, ["“2.进一步改进作风”|“进一步”"]);
    }

    /// With `mark`, each vague word found is labelled, repeats included.
    #[test]
    fn marked_words_are_labelled_each_time() {
        let got = run(&*rule("problems", true), REPORT);
        let labels: Vec<Vec<String>> = got
            .iter()
            .map(|s| s.labels.iter().map(|(t, _)| t.clone()).collect())
            .collect();
        assert_eq!(
            labels,
            [
                vec!["有时"],
                vec!["有时", "有所", "不够", "较为", "不强", "有时"]
            ]
        );
        assert!(found("problems").iter().all(|s| s.labels.is_empty()));
    }

    /// A named place or unit is evidence; a common word before the same
    /// suffix is not.
    #[test]
    fn a_named_place_is_evidence_and_a_common_word_is_not() {
        let params: Params = serde_yaml::from_str(
            "{items: problems, words: [不够], evidence: ['\\d'], names: {pattern: '(?:在|对)(?P<name>\\p{Han}{2,4}?)(?:社区|镇|村|派出所)', generic: [基层, 所在, 偏远, 的, 全]}}",
        )
        .unwrap();
        let rule = build(meta("vague", &[]), params).unwrap();
        let report = |item: &str| {
            format!("一、存在的问题\n（一）学习方面\n1.{item}\n二、整改措施\n1.每月学习一次。\n")
        };
        for (item, vague) in [
            ("服务不够，只在临湖社区建了驿站。", false),
            ("服务不够，对城东派出所的指导少。", false),
            ("服务不够，在城关镇调研少。", false),
            ("服务不够，在基层社区调研少。", true),
            ("服务不够，在所在村调研少。", true),
            ("服务不够，在偏远山村调研少。", true),
            // 农村 is one word: no name before 村.
            ("服务不够，在农村调研少。", true),
            ("服务不够，在谋划全镇发展时思路少。", true),
            ("服务不够，对别的社区学得少。", true),
            // A common word first, a name later: the name counts.
            ("服务不够，在基层社区少，在石门村也少。", false),
        ] {
            assert_eq!(
                run(&*rule, &report(item)).len(),
                usize::from(vague),
                "{item}"
            );
        }
        let bad: Params = serde_yaml::from_str(
            "{items: problems, words: [不够], evidence: [], names: {pattern: '在\\p{Han}+村', generic: []}}",
        )
        .unwrap();
        assert!(build(meta("vague", &[]), bad).is_err());
    }

    #[test]
    fn concessions_end_at_the_sentence_and_turn_with_any_turn_word() {
        for (t, w, conceded) in [
            ("虽然有时能参加，可是缺席多。", "有时", true),
            ("尽管有时能参加，然而缺席多。", "有时", true),
            ("虽然有时能参加，缺席却多。", "有时", true),
            // The turn before the word: the word is the main clause's.
            ("虽然参加了，但有时迟到。", "有时", false),
            // A sentence end between the concession and the word.
            ("虽然参加了。有时迟到，但不多。", "有时", false),
            ("虽然参加了；有时迟到，但不多。", "有时", false),
            // No turn after it in its sentence.
            ("虽然有时能参加。但缺席多。", "有时", false),
        ] {
            assert_eq!(in_concession(t, 0, t.find(w).unwrap()), conceded, "{t}");
        }
        // `from` bounds the search back: a concession before it is not seen.
        let t = "虽然学习了，有时迟到，但不多。";
        let at = t.find("有时").unwrap();
        assert!(in_concession(t, 0, at));
        assert!(!in_concession(t, t.find('，').unwrap(), at));
    }

    #[test]
    fn hedges_granted_in_a_concession_are_not_the_items_own() {
        let t = "虽然有时也能按时参加学习，但2024年缺席3次。学习有时不认真。";
        let at = |w: &str, n: usize| t.match_indices(w).nth(n).unwrap().0;
        assert!(in_concession(t, 0, at("有时", 0)));
        assert!(!in_concession(t, 0, at("有时", 1)));
        let t = "尽管工作有所改进。学习不够。";
        assert!(
            !in_concession(t, 0, t.find("有所").unwrap()),
            "no turn: no concession"
        );
    }
}
