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

use super::{Context, Meta, Rule};
use crate::diagnostic::Diagnostic;
use crate::settings::Invalid;

use lists::List;
use normal::{normalize, Normal};
use phrases::{Garbles, Phrase};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PatternSpec {
    name: String,
    /// Matched on the text as the lists read it: without 的, quotes and
    /// spaces, every clause mark written 、.
    wrong: String,
    /// The right wording, with the groups of `wrong` ($1, ${2}).
    right: String,
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

/// A wording always wrong, and how to write it.
struct WrongPattern {
    name: String,
    wrong: regex::Regex,
    right: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct NameSpec {
    /// 十个明确: a number, a measure word, two or more characters.
    name: String,
    /// The name with another number that is a formulation of its own
    /// (八个明确, the wording before 2021).
    #[serde(default)]
    also_real: Vec<String>,
    /// The name with another number that was right until a year, by the
    /// year (八个明确 until the sixth plenum of late 2021 made it 十个明确).
    #[serde(default)]
    real_until: BTreeMap<String, i32>,
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ListSpec {
    /// 四个意识
    name: String,
    /// Other names of the same list (六项纪律 for 六大纪律).
    #[serde(default)]
    aliases: Vec<String>,
    /// In canonical order.
    members: Vec<String>,
    /// Other accepted wordings of a member (besides an inserted 的 and
    /// other clause marks, always accepted).
    #[serde(default)]
    variants: BTreeMap<String, Vec<String>>,
    /// Variants right only in reports up to a year, by the year: 全面建成
    /// 小康社会 in 四个全面, until the fifth plenum of late 2020 made it
    /// 全面建设社会主义现代化国家.
    #[serde(default)]
    variants_until: BTreeMap<String, i32>,
    /// For long members: one phrase per member that shows it is quoted.
    #[serde(default)]
    keys: Vec<String>,
    /// Whether the members are always quoted in this order.
    #[serde(default = "yes")]
    ordered: bool,
    /// The members are common words (创新, 协调): judge an enumeration only
    /// where it names the list.
    #[serde(default)]
    named_only: bool,
    /// The number in the name is the list's own: the name quoted with
    /// another number (“三个自信”) is wrong. Not for names whose other
    /// numbers name something else (三个务必 and 两个务必, 六大纪律 and
    /// 三大纪律, 五个必须 and 安全生产“三个必须”).
    #[serde(default)]
    number_fixed: bool,
    /// Where the wording comes from (documentation only).
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PhraseSpec {
    name: String,
    /// Text that shows the writer is quoting this formulation; without it,
    /// only garbled complete forms are found.
    #[serde(default)]
    stem: Option<String>,
    /// Complete forms; each contains the stem. The first is the canonical.
    accepted: Vec<String>,
    /// Wordings that are always wrong: this formulation's words attached
    /// to another one (领悟“两个维护”的决定性意义 for “两个确立”).
    #[serde(default)]
    wrong: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

fn yes() -> bool {
    true
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
    /// A phrase's always-wrong wording.
    Wrong(usize),
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
        let others = renumbered(&nm.name);
        if others.is_empty() {
            return Err(Invalid::in_field(
                "name",
                format!("`{}` 不是“数字+量词+名称”形式（如“十个明确”）", nm.name),
            )
            .within("names", k));
        }
        if let Some(o) = nm.real_until.keys().find(|o| !others.contains(o)) {
            return Err(Invalid::in_field(
                "real-until",
                format!("`{o}` 不是 `{}` 换了数字的写法", nm.name),
            )
            .within("names", k));
        }
    }
    let mut stock: Vec<String> = lists.iter().map(|l| l.members.join("")).collect();
    stock.extend(phrases.iter().flat_map(|p| p.accepted.iter().cloned()));
    let number_fixed: Vec<bool> = lists.iter().map(|l| l.number_fixed).collect();
    let lists: Vec<List> = lists.into_iter().map(compile_list).collect();
    let wrong: Vec<Vec<String>> = phrases
        .iter()
        .map(|p| p.wrong.iter().map(|w| normalize(w)).collect())
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
        for w in &wrong[j] {
            add(w, Target::Wrong(j));
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

fn validate_list(l: &ListSpec) -> Result<(), Invalid> {
    if let Some(k) = l.members.iter().position(|m| normalize(m).is_empty()) {
        return Err(Invalid::in_field("members", "提法的成员不能为空").at(k));
    }
    if l.members.len() < 2 {
        return Err(Invalid::in_field(
            "members",
            format!("提法 `{}` 至少要有两个成员", l.name),
        ));
    }
    if !l.keys.is_empty() && l.keys.len() != l.members.len() {
        return Err(Invalid::in_field(
            "keys",
            format!("提法 `{}` 的 `keys` 须与 `members` 一一对应", l.name),
        ));
    }
    for (k, key) in l.keys.iter().enumerate() {
        if normalize(key).is_empty() || !normalize(&l.members[k]).contains(&normalize(key)) {
            return Err(Invalid::in_field(
                "keys",
                format!("`{key}` 须是成员 `{}` 中的一段", l.members[k]),
            )
            .at(k));
        }
    }
    for (member, variants) in &l.variants {
        if !l.members.contains(member) {
            return Err(Invalid::in_field(
                "variants",
                format!("`{member}` 不是提法 `{}` 的成员", l.name),
            ));
        }
        if variants.iter().any(|v| normalize(v).is_empty()) {
            return Err(Invalid::in_field("variants", "成员的其他写法不能为空"));
        }
    }
    if let Some(v) = l
        .variants_until
        .keys()
        .find(|v| !l.variants.values().any(|vs| vs.contains(v)))
    {
        return Err(Invalid::in_field(
            "variants-until",
            format!("`{v}` 不是提法 `{}` 的成员的其他写法（variants）", l.name),
        ));
    }
    Ok(())
}

fn validate_phrase(p: &PhraseSpec) -> Result<(), Invalid> {
    if p.accepted.is_empty() || p.accepted.iter().any(|a| normalize(a).is_empty()) {
        return Err(Invalid::in_field(
            "accepted",
            format!("提法 `{}` 至少要有一个完整形式，且不能为空", p.name),
        ));
    }
    if let Some(k) = p.wrong.iter().position(|w| normalize(w).is_empty()) {
        return Err(Invalid::in_field("wrong", "错误写法不能为空").at(k));
    }
    if let Some(w) = p.wrong.iter().find(|w| {
        p.accepted
            .iter()
            .any(|a| normalize(a).contains(&normalize(w)))
    }) {
        return Err(Invalid::in_field(
            "wrong",
            format!("提法 `{}` 的错误写法 `{w}` 出现在完整形式中", p.name),
        ));
    }
    if let Some(stem) = &p.stem {
        let s = normalize(stem);
        if s.is_empty() {
            return Err(Invalid::in_field(
                "stem",
                format!("提法 `{}` 的 `stem` 不能为空", p.name),
            ));
        }
        if let Some(a) = p.accepted.iter().find(|a| !normalize(a).contains(&s)) {
            return Err(Invalid::in_field(
                "accepted",
                format!("提法 `{}` 的完整形式 `{a}` 不包含 `{stem}`", p.name),
            ));
        }
    }
    Ok(())
}

fn compile_list(mut l: ListSpec) -> List {
    let paired = l.members.iter().any(|m| m.contains('、'));
    let canonical = l.members.join(if paired { "，" } else { "、" });
    // Members that are pairs themselves (务必不忘初心、牢记使命) are written
    // with the same marks that part the members: matched as the flat list
    // of their halves, so one half replaced (戒骄戒躁 for 艰苦奋斗) is found.
    if l.keys.is_empty() && l.members.iter().any(|m| normalize(m).contains('、')) {
        l.members = l
            .members
            .iter()
            .flat_map(|m| {
                normalize(m)
                    .split('、')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    let mut forms: Vec<(String, usize)> = Vec::new();
    for (k, m) in l.members.iter().enumerate() {
        forms.push((normalize(m), k));
        for v in l.variants.get(m).into_iter().flatten() {
            forms.push((normalize(v), k));
        }
    }
    // Longest first: 党支部委员会 before 支部委员会.
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    forms.dedup();
    let keys = l
        .keys
        .iter()
        .zip(&l.members)
        .map(|(key, member)| {
            let (key, member) = (normalize(key), normalize(member));
            let before = member[..member.find(&key).expect("validated")]
                .chars()
                .count();
            (key, before)
        })
        .collect();
    let dated = l
        .variants_until
        .iter()
        .filter_map(|(v, &until)| {
            let k = l
                .members
                .iter()
                .position(|m| l.variants.get(m).is_some_and(|vs| vs.contains(v)))?;
            Some((normalize(v), k, until))
        })
        .collect();
    let misnumbered = renumbered(&l.name);
    let normalized: Vec<String> = l.members.iter().map(|m| normalize(m)).collect();
    let mut names = vec![normalize(&l.name)];
    names.extend(l.aliases.iter().map(|a| normalize(a)));
    List {
        longest: normalized
            .iter()
            .map(|m| m.chars().count())
            .max()
            .unwrap_or(0),
        suffix: lists::common_suffix(&normalized),
        name: l.name,
        names,
        members: l.members,
        canonical,
        forms,
        keys,
        ordered: l.ordered,
        named_only: l.named_only,
        dated,
        misnumbered,
    }
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
    /// A finding about a phrase, named and corrected by it.
    fn of_phrase(p: &'a Phrase, span: Range<usize>, shown: Range<usize>, what: String) -> Self {
        Found {
            span,
            shown,
            name: &p.name,
            what,
            canonical: p.canonical.clone(),
        }
    }
}

/// The numbers a name like 四个自信 or 十三个方面成就 (a number, a measure
/// word, two or more characters) may be miswritten with: the name with
/// each other number from two to nineteen.
fn renumbered(name: &str) -> Vec<String> {
    // 一 and 二 are no count of a name's members (一个 is a phrase of its
    // own; 二个 is written 两个).
    const UNITS: [&str; 8] = ["三", "四", "五", "六", "七", "八", "九", "十"];
    let numbers: Vec<String> = std::iter::once("两".to_string())
        .chain(UNITS.iter().map(|u| u.to_string()))
        .chain(
            ["一", "二"]
                .iter()
                .chain(UNITS[..7].iter())
                .map(|u| format!("十{u}")),
        )
        .collect();
    let Some(number) = numbers
        .iter()
        .filter(|n| name.starts_with(n.as_str()))
        .max_by_key(|n| n.len())
    else {
        return Vec::new();
    };
    let mut chars = name[number.len()..].chars();
    let Some(measure) = chars.next() else {
        return Vec::new();
    };
    let rest = chars.as_str();
    if !"个种大项条".contains(measure)
        || rest.chars().count() < 2
        || !rest.chars().all(crate::text::is_han)
    {
        return Vec::new();
    }
    numbers
        .iter()
        .filter(|n| *n != number)
        .map(|n| format!("{n}{measure}{rest}"))
        .collect()
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
        let year = doc.year();
        for region in self.meta.regions(doc) {
            let n = Normal::new(text, region);
            let mut member_starts = vec![Vec::new(); self.lists.len()];
            let mut keys = vec![Vec::new(); self.lists.len()];
            let mut stem_starts = vec![Vec::new(); self.phrases.len()];
            let mut wrong = Vec::new();
            let mut renumbered = Vec::new();
            for m in self.matcher.find_iter(&n.text) {
                for t in &self.targets[m.word] {
                    match *t {
                        Target::Member(i) => member_starts[i].push(m.span.start),
                        Target::Key(i, k) => keys[i].push((m.span.start, m.span.end, k)),
                        Target::Stem(j) => stem_starts[j].push(m.span.start),
                        Target::Wrong(j) => wrong.push((m.span.clone(), j)),
                        Target::Renumbered(i, until) => renumbered.push((m.span.clone(), i, until)),
                    }
                }
            }
            let mut found: Vec<Found> = Vec::new();
            let overlaps = |found: &[Found], r: &Range<usize>| {
                found.iter().any(|f| crate::text::overlaps(&f.span, r))
            };
            for (i, list) in self.lists.iter().enumerate() {
                let starts = std::mem::take(&mut member_starts[i]);
                for (span, what) in list
                    .check_enumerations(&n, starts, year)
                    .into_iter()
                    .chain(list.check_keyed(&n, keys[i].clone()))
                {
                    found.push(Found {
                        shown: n.source(span.clone(), text),
                        span,
                        name: &list.name,
                        what,
                        canonical: list.canonical.clone(),
                    });
                }
            }
            // Quoted as a name (“三个自信”): unquoted, the words may count
            // something else (实现两个全面覆盖).
            for (span, i, until) in renumbered {
                let shown = n.source(span.clone(), text);
                let quoted = text[..shown.start].ends_with(['“', '「', '‘'])
                    && text[shown.end..].starts_with(['”', '」', '’']);
                let right_then = until.is_some_and(|u| year.is_none_or(|y| y <= u));
                if !quoted || right_then || overlaps(&found, &span) {
                    continue;
                }
                let (name, canonical) = &self.numbered[i];
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
                found.push(Found {
                    span,
                    shown,
                    name,
                    what,
                    canonical: canonical.clone(),
                });
            }
            for p in &self.patterns {
                for caps in p.wrong.captures_iter(&n.text) {
                    let span = caps.get(0).expect("the whole match").range();
                    if overlaps(&found, &span) {
                        continue;
                    }
                    let mut right = String::new();
                    caps.expand(&p.right, &mut right);
                    let shown = n.source(span.clone(), text);
                    let what = format!("“{}”写法有误", &text[shown.clone()]);
                    found.push(Found {
                        span,
                        shown,
                        name: &p.name,
                        what,
                        canonical: right,
                    });
                }
            }
            for (span, j) in wrong {
                if overlaps(&found, &span) {
                    continue;
                }
                let shown = n.source_quoted(span.clone(), text);
                // Quoted as written, unless it holds quotes of its own.
                let written = &text[shown.clone()];
                let what = if written.contains(['“', '”']) {
                    format!("{written}张冠李戴")
                } else {
                    format!("“{written}”张冠李戴")
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
                found.push(Found {
                    span,
                    shown,
                    name,
                    what,
                    canonical: canonical.clone(),
                });
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
mod tests {
    use super::{build, lists::KEY_GAP, near_a_key, Params, Rule};
    use crate::rules::testing::{meta, run};

    fn rule(yaml: &str) -> Result<Box<dyn Rule>, crate::settings::Invalid> {
        let params: Params = serde_yaml::from_str(yaml).unwrap();
        let mut m = meta("formulation", &[]);
        m.message = "{name}|{what}|{canonical}".into();
        build(m, params)
    }

    const RULE: &str = "{lists: [{name: 四个意识, members: [政治意识, 大局意识, 核心意识, 看齐意识]}], \
        phrases: [{name: 两个维护, stem: 维护习近平总书记, accepted: [维护习近平总书记党中央的核心、全党的核心地位]}]}";

    fn found(text: &str) -> Vec<(String, String)> {
        run(&*rule(RULE).unwrap(), text)
            .into_iter()
            .map(|s| (s.text, s.message))
            .collect()
    }

    /// A list, a stem not completed (shown with the word after it, up to
    /// three characters on a word boundary), each one finding in order.
    #[test]
    fn list_errors_and_incomplete_phrases_are_found_in_text_order() {
        assert_eq!(
            found("我们要坚决维护习近平总书记核心地位，增强政治意识、大局意识、核心意识。"),
            [
                (
                    "维护习近平总书记核心".to_string(),
                    "两个维护|“维护习近平总书记核心”写得不完整|维护习近平总书记党中央的核心、全党的核心地位".to_string()
                ),
                (
                    "政治意识、大局意识、核心意识".to_string(),
                    "四个意识|缺少“看齐意识”|政治意识、大局意识、核心意识、看齐意识".to_string()
                )
            ]
        );
        assert!(found("坚决维护习近平总书记党中央的核心、全党的核心地位。").is_empty());
        // The tail stops at a non-Chinese character.
        assert_eq!(found("坚决维护习近平总书记，")[0].0, "维护习近平总书记");
    }

    /// The wording the rule knows is stock wording for the copy stage:
    /// every member and accepted form.
    #[test]
    fn the_lists_and_phrases_are_stock_wording() {
        let stock = rule(RULE).unwrap().stock_phrases();
        assert!(stock.iter().any(|s| s.contains("看齐意识")), "{stock:?}");
        assert!(
            stock.iter().any(|s| s.contains("全党的核心地位")),
            "{stock:?}"
        );
    }

    #[test]
    fn lists_and_phrases_are_checked_when_built() {
        let list = |rest: &str| rule(&format!("{{lists: [{{name: L, {rest}}}]}}"));
        assert!(list("members: [甲乙, 丙丁]").is_ok());
        assert!(list("members: [甲乙]").is_err(), "one member");
        assert!(list("members: [甲乙, '的“”']").is_err(), "an empty member");
        assert!(
            list("members: [甲乙, 丙丁], keys: [乙]").is_err(),
            "keys for some members"
        );
        assert!(list("members: [甲乙, 丙丁], keys: [乙, 丙]").is_ok());
        assert!(
            list("members: [甲乙, 丙丁], keys: [乙, 戊]").is_err(),
            "a key not in its member"
        );
        assert!(
            list("members: [甲乙, 丙丁], keys: [乙, 的]").is_err(),
            "an empty key"
        );
        assert!(list("members: [甲乙, 丙丁], variants: {甲乙: [甲和乙]}").is_ok());
        assert!(
            list("members: [甲乙, 丙丁], variants: {戊己: [戊和己]}").is_err(),
            "not a member"
        );
        assert!(
            list("members: [甲乙, 丙丁], variants: {甲乙: ['“”']}").is_err(),
            "an empty variant"
        );
        assert!(list(
            "members: [甲乙, 丙丁], variants: {甲乙: [甲和乙]}, variants-until: {甲和乙: 2020}"
        )
        .is_ok());
        assert!(
            list("members: [甲乙, 丙丁], variants: {甲乙: [甲和乙]}, variants-until: {戊己: 2020}")
                .is_err(),
            "dated, but no variant"
        );
        let name = |n: &str| rule(&format!("{{names: [{{name: {n}}}]}}"));
        assert!(name("十个明确").is_ok());
        assert!(name("十三个方面成就").is_ok());
        assert!(name("明确十条").is_err(), "no number first");
        assert!(name("十个明确, real-until: {八个明确: 2021}").is_ok());
        assert!(
            name("十个明确, real-until: {八项明确: 2021}").is_err(),
            "not the name with another number"
        );
        assert!(name("十个A").is_err(), "no Chinese name");
        let pattern = |p: &str| {
            rule(&format!(
                "{{patterns: [{{name: P, wrong: '{p}', right: 甲}}]}}"
            ))
        };
        assert!(pattern("二十大(三)中全会").is_ok());
        assert!(pattern("二十大(三中全会").is_err(), "no regular expression");
        let phrase = |rest: &str| rule(&format!("{{phrases: [{{name: P, {rest}}}]}}"));
        assert!(phrase("accepted: [甲乙丙]").is_ok());
        assert!(phrase("accepted: []").is_err());
        assert!(phrase("accepted: [甲乙丙, 的]").is_err());
        assert!(phrase("stem: 乙, accepted: [甲乙丙]").is_ok());
        assert!(phrase("stem: ' ', accepted: [甲乙丙]").is_err());
        assert!(phrase("stem: 乙, accepted: [甲乙丙, 丁戊]").is_err());
    }

    #[test]
    fn a_key_is_near_only_within_the_key_gap_on_either_side() {
        // key (2 chars), then `gap` filler characters, then the span (2
        // chars), then `gap` more, then another key.
        let text = |gap: usize| format!("意识{}看齐{}自信", "的".repeat(gap), "的".repeat(gap));
        for (gap, near) in [(KEY_GAP, true), (KEY_GAP + 1, false)] {
            let t = text(gap);
            let span_start = "意识".len() + gap * "的".len();
            let span = span_start..span_start + "看齐".len();
            let before = [(0, "意识".len(), 0)];
            let after = [(span.end + gap * "的".len(), t.len(), 0)];
            assert_eq!(
                near_a_key(&t, &before, &span),
                near,
                "key before, gap {gap}"
            );
            assert_eq!(near_a_key(&t, &after, &span), near, "key after, gap {gap}");
        }
    }
}
