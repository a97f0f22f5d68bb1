//! `formulation`: standard political formulations (提法) quoted incompletely,
//! with wrong members, in the wrong order, or garbled.
//!
//! Lists (四个意识 …): an enumeration that names the formulation, or lists
//! all but one of its members, must list exactly its members (in order,
//! where the order is fixed). Lists of long members (六个必须坚持) are found
//! by a key phrase per member. Phrases (两个维护 …): where the stem appears,
//! one complete form must too; a complete form with a character dropped,
//! added, wrong or swapped is garbled.
//!
//! Everything is matched on a normalised text ([`normal`]): an inserted
//! `的`, quotes, spaces and the choice of clause mark never matter.

mod lists;
mod normal;
mod phrases;
mod spec;

use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::settings::Invalid;

use lists::List;
use normal::{normalize, Normal};
use phrases::{Garbles, Phrase};
use serde::Deserialize;
use spec::{
    compile_list, renumbered, validate_list, validate_name, validate_phrase, ListSpec, NameSpec,
    PatternSpec, PhraseSpec,
};
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Enumerations with fixed members (四个意识 …).
    #[serde(default)]
    lists: Vec<ListSpec>,
    /// Fixed phrases (两个维护 …).
    #[serde(default)]
    phrases: Vec<PhraseSpec>,
    /// Names quoted by their number alone (“十个明确”), whose number is
    /// their own: written with another, they are wrong.
    #[serde(default)]
    names: Vec<NameSpec>,
    /// Wordings always wrong, as regular expressions (二十大三中全会).
    #[serde(default)]
    patterns: Vec<PatternSpec>,
}

/// A wording always wrong, and how to write it.
struct WrongPattern {
    name: String,
    wrong: regex::Regex,
    right: String,
}

pub(crate) struct Formulation {
    meta: Meta,
    lists: Vec<List>,
    phrases: Vec<Phrase>,
    /// One scan finds every member wording, key and stem (leftmost-longest:
    /// a stem inside a longer one is judged with it); `targets` says whose
    /// each needle is (one needle may serve several lists: 理论联系实际).
    matcher: crate::rules::lexicon::Lexicon,
    targets: Vec<Vec<Target>>,
    garbles: Garbles,
    /// Whose each garble is: (name, canonical wording) of a phrase, a long
    /// list member or a key (with its list: a key is a common phrase, and
    /// counts as garbled only beside another key of its list).
    owners: Vec<(String, String, Option<usize>)>,
    /// Numbered names (四个自信, 十个明确): (name, canonical wording).
    numbered: Vec<(String, String)>,
    patterns: Vec<WrongPattern>,
    /// For stock_phrases: the canonical wordings as written.
    stock: Vec<String>,
}

#[derive(Clone, Copy)]
enum Target {
    Member(usize),
    Key(usize, usize),
    Stem(usize),
    /// A phrase's wrong wording, and the last year it was right.
    Wrong(usize, Option<i32>),
    /// A numbered name with another number (三个自信 for 四个自信): the
    /// index of its (name, canonical wording) in `numbered`, and the last
    /// year the other number was right, if it ever was.
    Renumbered(usize, Option<i32>),
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    let Params {
        lists,
        phrases,
        names: numbered_names,
        patterns,
    } = params;
    for (i, l) in lists.iter().enumerate() {
        validate_list(l).map_err(|e| e.within("lists", i))?;
    }
    for (j, p) in phrases.iter().enumerate() {
        validate_phrase(p).map_err(|e| e.within("phrases", j))?;
    }
    let patterns = patterns
        .into_iter()
        .enumerate()
        .map(|(k, p)| {
            let wrong = regex::Regex::new(&p.wrong).map_err(|e| {
                Invalid::in_field("patterns", format!("正则表达式 `{}` 无效：{e}", p.wrong))
                    .at(k)
                    .then("wrong")
            })?;
            Ok(WrongPattern {
                name: p.name,
                wrong,
                right: p.right,
            })
        })
        .collect::<Result<Vec<_>, Invalid>>()?;
    for (k, nm) in numbered_names.iter().enumerate() {
        validate_name(nm).map_err(|e| e.within("names", k))?;
    }
    let mut stock: Vec<String> = lists.iter().map(|l| l.members.join("")).collect();
    stock.extend(phrases.iter().flat_map(|p| p.accepted.iter().cloned()));
    let number_fixed: Vec<bool> = lists.iter().map(|l| l.number_fixed).collect();
    let lists: Vec<List> = lists.into_iter().map(compile_list).collect();
    // Each phrase's wrong wordings, with the last year a dated one was
    // right.
    let wrong: Vec<Vec<(String, Option<i32>)>> = phrases
        .iter()
        .map(|p| {
            let always = p.wrong.iter().map(|w| (normalize(w), None));
            let dated = p.right_until.iter().map(|(w, &y)| (normalize(w), Some(y)));
            always.chain(dated).collect()
        })
        .collect();
    let phrases: Vec<Phrase> = phrases
        .into_iter()
        .map(|p| Phrase {
            canonical: p.accepted[0].clone(),
            name: p.name,
            stem: p.stem.as_deref().map(normalize),
            accepted: p.accepted.iter().map(|a| normalize(a)).collect(),
        })
        .collect();
    let mut needles: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut targets: Vec<Vec<Target>> = Vec::new();
    let mut add = |needle: &str, t: Target| {
        let k = *index.entry(needle.to_string()).or_insert_with(|| {
            needles.push(needle.to_string());
            targets.push(Vec::new());
            needles.len() - 1
        });
        targets[k].push(t);
    };
    for (i, l) in lists.iter().enumerate() {
        if l.keys.is_empty() {
            for (form, _) in &l.forms {
                add(form, Target::Member(i));
            }
        } else {
            for (k, (key, _)) in l.keys.iter().enumerate() {
                add(key, Target::Key(i, k));
            }
        }
    }
    for (j, p) in phrases.iter().enumerate() {
        if let Some(stem) = &p.stem {
            add(stem, Target::Stem(j));
        }
        for (w, until) in &wrong[j] {
            add(w, Target::Wrong(j, *until));
        }
    }
    // A list's name with another number, where its number is its own and
    // the other names nothing listed (三个自信).
    let names: Vec<&str> = lists
        .iter()
        .map(|l| l.name.as_str())
        .chain(phrases.iter().map(|p| p.name.as_str()))
        .collect();
    let mut numbered: Vec<(String, String)> = Vec::new();
    for (l, _) in lists.iter().zip(&number_fixed).filter(|(_, fixed)| **fixed) {
        numbered.push((l.name.clone(), l.canonical.clone()));
        for other in renumbered(&l.name) {
            if !names.contains(&other.as_str()) {
                add(&other, Target::Renumbered(numbered.len() - 1, None));
            }
        }
    }
    for nm in numbered_names {
        numbered.push((nm.name.clone(), nm.name.clone()));
        for other in renumbered(&nm.name) {
            let until = nm.real_until.get(&other).copied();
            let real = names.contains(&other.as_str()) || nm.also_real.contains(&other);
            if until.is_some() || !real {
                add(&other, Target::Renumbered(numbered.len() - 1, until));
            }
        }
    }
    let matcher = crate::rules::lexicon::Lexicon::new(&needles);
    // Garbled forms: phrases, long members and keys of lists.
    let mut owners: Vec<(String, String, Option<usize>)> = Vec::new();
    let mut owned: Vec<Vec<String>> = Vec::new();
    for p in &phrases {
        owners.push((p.name.clone(), p.canonical.clone(), None));
        owned.push(p.accepted.clone());
    }
    for (i, l) in lists.iter().enumerate() {
        for (k, member) in l.members.iter().enumerate() {
            owners.push((l.name.clone(), member.clone(), None));
            owned.push(
                l.forms
                    .iter()
                    .filter(|(_, m)| *m == k)
                    .map(|(f, _)| f.clone())
                    .collect(),
            );
        }
        for (k, (key, _)) in l.keys.iter().enumerate() {
            owners.push((l.name.clone(), l.members[k].clone(), Some(i)));
            owned.push(vec![key.clone()]);
        }
    }
    let garbles = Garbles::new(owned);
    Ok(Box::new(Formulation {
        meta,
        lists,
        phrases,
        matcher,
        targets,
        garbles,
        owners,
        numbered,
        patterns,
        stock,
    }))
}

/// A stem's span and the word or two after it (习近平新时代中国特色社会主义
/// and 理论), at most three characters, ending on a token boundary: what was
/// written instead of the complete form.
fn with_tail(text: &str, stem: Range<usize>, doc: &crate::document::Document) -> Range<usize> {
    let mut end = stem.end;
    for (i, c) in text[stem.end..].char_indices().take(3) {
        if !crate::text::is_han(c) {
            break;
        }
        let next = stem.end + i + c.len_utf8();
        if doc.boundaries.contains(&(stem.end..next)) {
            end = next;
        }
    }
    stem.start..end
}

/// One finding: its normalised span (to tell overlaps), the span shown.
struct Found<'a> {
    span: Range<usize>,
    shown: Range<usize>,
    name: &'a str,
    what: String,
    canonical: String,
}

impl<'a> Found<'a> {
    fn new(
        span: Range<usize>,
        shown: Range<usize>,
        name: &'a str,
        what: String,
        canonical: String,
    ) -> Self {
        Found {
            span,
            shown,
            name,
            what,
            canonical,
        }
    }

    /// A finding about a phrase, named and corrected by it.
    fn of_phrase(p: &'a Phrase, span: Range<usize>, shown: Range<usize>, what: String) -> Self {
        Found::new(span, shown, &p.name, what, p.canonical.clone())
    }
}

/// Whether another key of the list stands within a key gap of `span`.
fn near_a_key(text: &str, keys: &[(usize, usize, usize)], span: &Range<usize>) -> bool {
    keys.iter().any(|&(s, e, _)| {
        let gap = if e <= span.start {
            &text[e..span.start]
        } else if span.end <= s {
            &text[span.end..s]
        } else {
            ""
        };
        crate::text::at_most_chars(gap, lists::KEY_GAP)
    })
}

impl Rule for Formulation {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn stock_phrases(&self) -> Vec<String> {
        self.stock.clone()
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text = doc.text();
        // A wording right until a year is wrong only in reports surely
        // written after it.
        let year = doc.year_at_least();
        for region in self.meta.regions(doc) {
            let n = Normal::new(text, region);
            let mut member_starts = vec![Vec::new(); self.lists.len()];
            let mut keys = vec![Vec::new(); self.lists.len()];
            let mut stem_starts = vec![Vec::new(); self.phrases.len()];
            let mut wrong = Vec::new();
            let mut renumbered = Vec::new();
            // Overlapping: a key may sit inside another list's member
            // (中国特色社会主义道路 after 坚持中国特色社会主义).
            for m in self.matcher.overlapping(&n.text, 0..n.text.len()) {
                for t in &self.targets[m.word] {
                    match *t {
                        Target::Member(i) => member_starts[i].push(m.span.start),
                        Target::Key(i, k) => keys[i].push((m.span.start, m.span.end, k)),
                        Target::Stem(j) => stem_starts[j].push(m.span.start),
                        Target::Wrong(j, until) => wrong.push((m.span.clone(), j, until)),
                        Target::Renumbered(i, until) => renumbered.push((m.span.clone(), i, until)),
                    }
                }
            }
            let mut found: Vec<Found> = Vec::new();
            let overlaps = |found: &[Found], r: &Range<usize>| {
                found.iter().any(|f| crate::text::overlaps(&f.span, r))
            };
            // Each list's findings, and the spans where it is written right
            // and whole: there another list sharing members is not the one
            // quoted (对党忠诚、纪律严明 are in two 训词).
            let mut complete: Vec<(usize, Range<usize>)> = Vec::new();
            let mut listed: Vec<(usize, Range<usize>, String)> = Vec::new();
            for (i, list) in self.lists.iter().enumerate() {
                let starts = std::mem::take(&mut member_starts[i]);
                let mut whole = Vec::new();
                let judged = list.check_enumerations(&n, starts, year, &mut whole);
                complete.extend(whole.into_iter().map(|r| (i, r)));
                let keyed = list.check_keyed(&n, keys[i].clone());
                listed.extend(judged.into_iter().chain(keyed).map(|(r, w)| (i, r, w)));
            }
            // A finding inside another list's enumeration written right, or
            // inside a longer one judged wrong, is that list's quotation (人民
            // 至上、自信自立… is 六个必须坚持, not 人民至上、生命至上). Inside,
            // not only overlapping: 三严 written right does not excuse a wrong
            // 三严三实 around it.
            let inside =
                |r: &Range<usize>, span: &Range<usize>| r.start <= span.start && span.end <= r.end;
            let explained: Vec<bool> = listed
                .iter()
                .map(|(i, span, _)| {
                    complete.iter().any(|(j, r)| j != i && inside(r, span))
                        || listed
                            .iter()
                            .any(|(j, r, _)| j != i && inside(r, span) && r.len() > span.len())
                })
                .collect();
            for ((i, span, what), explained) in listed.into_iter().zip(explained) {
                if explained {
                    continue;
                }
                let list = &self.lists[i];
                let shown = n.source(span.clone(), text);
                found.push(Found::new(
                    span,
                    shown,
                    &list.name,
                    what,
                    list.canonical.clone(),
                ));
            }
            // Quoted as a name (“三个自信”): unquoted, the words may count
            // something else (实现两个全面覆盖).
            for (span, i, until) in renumbered {
                let shown = n.source(span.clone(), text);
                let quoted = text[..shown.start].ends_with(['“', '「', '‘'])
                    && text[shown.end..].starts_with(['”', '」', '’']);
                let right_then = until.is_some_and(|u| year.is_none_or(|y| y <= u));
                let (name, canonical) = &self.numbered[i];
                // Told as history beside the right name (“八个明确”……发展为
                // “十个明确”; 从“三个自信”到“四个自信”).
                let told = || sentence_around(&n.text, &span).contains(name.as_str());
                if !quoted || right_then || overlaps(&found, &span) || told() {
                    continue;
                }
                // A name without members is its own canonical wording,
                // which the message gives anyway.
                let written = &text[shown.clone()];
                let what = if let Some(u) = until {
                    format!("“{written}”是{u}年及以前的提法，现为“{name}”")
                } else if name == canonical {
                    format!("“{written}”的数字有误")
                } else {
                    format!("“{written}”的数字有误，应为“{name}”")
                };
                found.push(Found::new(span, shown, name, what, canonical.clone()));
            }
            for p in &self.patterns {
                for caps in p.wrong.captures_iter(&n.text) {
                    let span = caps
                        .name("wrong")
                        .or_else(|| caps.get(0))
                        .expect("the whole match")
                        .range();
                    if overlaps(&found, &span) {
                        continue;
                    }
                    let mut right = String::new();
                    caps.expand(&p.right, &mut right);
                    let shown = n.source(span.clone(), text);
                    let what = format!("“{}”写法有误", &text[shown.clone()]);
                    found.push(Found::new(span, shown, &p.name, what, right));
                }
            }
            for (span, j, until) in wrong {
                let right_then = until.is_some_and(|u| year.is_none_or(|y| y <= u));
                // The old wording told as history beside the new one (主要
                // 矛盾已经从…转化为…) is no use of it.
                let told = until.is_some()
                    && self.phrases[j]
                        .accepted
                        .iter()
                        .any(|a| sentence_around(&n.text, &span).contains(a.as_str()));
                if right_then || told || overlaps(&found, &span) {
                    continue;
                }
                let shown = n.source_quoted(span.clone(), text);
                // Quoted as written, unless it holds quotes of its own. Not
                // 张冠李戴: most are a word changed (一岗两责), not a swap.
                let written = &text[shown.clone()];
                let written = if written.contains(['“', '”']) {
                    written.to_string()
                } else {
                    format!("“{written}”")
                };
                let what = match until {
                    Some(u) => format!(
                        "{written}是{u}年及以前的提法，现为“{}”",
                        self.phrases[j].canonical
                    ),
                    None => format!("{written}写法有误"),
                };
                found.push(Found::of_phrase(&self.phrases[j], span, shown, what));
            }
            // A garble that overlaps a list finding is that finding; a stem
            // not completed is explained best by the garble.
            for (span, o) in self.garbles.find(&n.text) {
                let (name, canonical, list) = &self.owners[o];
                if overlaps(&found, &span)
                    || list.is_some_and(|i| !near_a_key(&n.text, &keys[i], &span))
                {
                    continue;
                }
                let shown = n.source(span.clone(), text);
                let what = format!("“{}”有错字、漏字、多字或顺序颠倒", &text[shown.clone()]);
                found.push(Found::new(span, shown, name, what, canonical.clone()));
            }
            for (j, p) in self.phrases.iter().enumerate() {
                for span in phrases::incomplete(&n.text, p, &stem_starts[j]) {
                    if overlaps(&found, &span) {
                        continue;
                    }
                    let shown = with_tail(text, n.source(span.clone(), text), doc);
                    let what = format!("“{}”写得不完整", &text[shown.clone()]);
                    found.push(Found::of_phrase(p, span, shown, what));
                }
            }
            found.sort_by_key(|f| f.span.start);
            for f in found {
                out.push(self.meta.diagnostic(
                    doc,
                    f.shown,
                    &[
                        ("name", f.name),
                        ("what", &f.what),
                        ("canonical", &f.canonical),
                    ],
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests;

/// The sentence of `text` holding `span`: from after the last 。！？ before
/// it to the next one after it.
fn sentence_around<'a>(text: &'a str, span: &Range<usize>) -> &'a str {
    let ends = |c: char| matches!(c, '。' | '！' | '？');
    let start = text[..span.start]
        .rfind(ends)
        .map_or(0, |i| i + '。'.len_utf8());
    let end = text[span.end..]
        .find(ends)
        .map_or(text.len(), |i| span.end + i);
    &text[start..end]
}
