//! Enumerations of a list formulation (四个意识 …), judged on the
//! normalised text: the members found, look-alikes in their place, the ones
//! missing, and the order.

use super::normal::Normal;
use super::phrases::garbled;
use crate::text::is_han;
use std::ops::Range;

/// A list formulation, its wording normalised.
pub(super) struct List {
    pub(super) name: String,
    /// The name and its aliases, normalised.
    pub(super) names: Vec<String>,
    /// Canonical members, as written in the data (pairs split in halves).
    pub(super) members: Vec<String>,
    /// The canonical form shown in a finding: members as written, parted
    /// by 、 (by ， where members hold 、 themselves).
    pub(super) canonical: String,
    /// Every accepted wording of a member, normalised: (wording, member),
    /// longest first.
    pub(super) forms: Vec<(String, usize)>,
    /// For lists of long members: a phrase per member that shows it is
    /// quoted, normalised, and how many characters of the member come
    /// before it.
    pub(super) keys: Vec<(String, usize)>,
    pub(super) ordered: bool,
    pub(super) named_only: bool,
    /// The longest member, in characters.
    pub(super) longest: usize,
    /// The members' common ending (意识, 自信): a look-alike with it among
    /// the members is a wrong member (服务意识).
    pub(super) suffix: String,
    /// Wordings right only in reports up to a year: (wording normalised,
    /// member, the last year).
    pub(super) dated: Vec<(String, usize, i32)>,
    /// The name with each other number (两个务必 for 三个务必).
    pub(super) misnumbered: Vec<String>,
}

/// Words between members.
const SEPARATORS: &[&str] = &["以及", "、", "和", "与", "及"];
/// Words that say an enumeration is a part on purpose.
const SUBSET_BEFORE: &[&str] = &[
    "特别是",
    "尤其是",
    "其中",
    "重点是",
    "首先是",
    "比如",
    "例如",
];
const SUBSET_AFTER: &[&str] = &["等", "方面"];
/// How far before an enumeration (or after it) the list's name names it,
/// in characters: right there (“四风”即…, …共享的新发展理念), or nearby.
const NAME_TIGHT_BEFORE: usize = 3;
const NAME_TIGHT_AFTER: usize = 2;
const NAME_BEFORE: usize = 12;
const NAME_AFTER: usize = 4;
/// Keys of one list this close (characters, no sentence end between) are
/// one enumeration.
pub(super) const KEY_GAP: usize = 40;
/// A look-alike member is at most this many characters before the suffix.
const LOOKALIKE_MAX: usize = 6;
/// A verb before a member (进行伟大斗争) is at most this many characters.
const VERB_MAX: usize = 2;
/// Adverbs of frequency before that verb (《支部工作条例》: 定期召开支部
/// 党员大会、支部委员会会议、党小组会，按时上好党课).
const ADVERBS: &[&str] = &["定期", "按时", "按期"];
/// Members this long are recognised with a character dropped, added or
/// wrong (务必敢于斗争、勇于斗争).
const GARBLED_MEMBER_MIN: usize = 8;

/// One item of an enumeration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Item {
    Member(usize),
    /// A member with a character dropped, added or wrong.
    Garbled(usize),
    /// Not a member, but with the members' ending (服务意识).
    LookAlike,
    /// Other words.
    Unknown,
}

impl Item {
    fn member(self) -> Option<usize> {
        match self {
            Item::Member(k) | Item::Garbled(k) => Some(k),
            _ => None,
        }
    }
}

/// What is wrong with one enumeration: its normalised span and the detail.
pub(super) type Finding = (Range<usize>, String);

pub(super) fn common_suffix(members: &[String]) -> String {
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

/// The `n` characters before byte `at` (or fewer at the start).
fn chars_before(text: &str, at: usize, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    let from = text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &text[from..at]
}

fn chars_after(text: &str, at: usize, n: usize) -> &str {
    let to = text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i);
    &text[at..to]
}

/// The members named, each once, in list order.
fn distinct(members: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut d: Vec<usize> = members.collect();
    d.sort_unstable();
    d.dedup();
    d
}

/// The span of an enumeration's items.
fn span_of(items: &[(Range<usize>, Item)]) -> Range<usize> {
    items.first().map_or(0, |i| i.0.start)..items.last().map_or(0, |i| i.0.end)
}

/// Whether `member` is written after `span` in its sentence: a member
/// named apart (分别制定绿色金融、普惠金融、养老金融、数字金融专项行动方案，
/// 与科技金融方案一起…) is not missing. (Not before it: there it is most
/// often in the list's own name, 牢记“…”：….)
fn named_after_in_sentence(text: &str, span: Range<usize>, member: &str) -> bool {
    const END: &[char] = &['。', '！', '？', '\n'];
    let end = text[span.end..]
        .find(END)
        .map_or(text.len(), |i| span.end + i);
    text[span.end..end].contains(member)
}

/// Whether `rest` starts by counting what came before (…扩大金融开放三项
/// 任务, …等四个方面): a number and a measure word end the enumeration.
fn counts_them(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some(n), Some(m)) if "两三四五六七八九十".contains(n) && "项个种条大方".contains(m)
    )
}

impl List {
    /// Whether the name (or an alias) stands within `before` characters
    /// before the enumeration or `after` characters after it.
    fn named(&self, text: &str, span: &Range<usize>, before: usize, after: usize) -> bool {
        self.names.iter().any(|n| {
            let len = n.chars().count();
            chars_before(text, span.start, before + len).contains(n.as_str())
                || chars_after(text, span.end, after + len).contains(n.as_str())
        })
    }

    /// Whether the enumeration is meant as a part (特别是…, …等).
    fn subset(text: &str, start: usize, end: usize) -> bool {
        let before = chars_before(text, start, 4);
        let after = chars_after(text, end, 2);
        SUBSET_BEFORE.iter().any(|w| before.ends_with(w))
            || SUBSET_AFTER.iter().any(|w| after.starts_with(w))
    }

    /// Whether the enumeration is cited as one part of the named list
    /// (“三个务必”中“务必谦虚谨慎、艰苦奋斗”的要求).
    /// A word or two may stand between (“六保”任务中的保居民就业、保基本民生).
    fn cited_from(&self, text: &str, span: &Range<usize>) -> bool {
        const BETWEEN: usize = 3;
        self.names.iter().any(|n| {
            let before = chars_before(text, span.start, n.chars().count() + 2 + BETWEEN);
            let Some(at) = before.rfind(n.as_str()) else {
                return false;
            };
            let tail = &before[at + n.len()..];
            ["中", "中的", "里的", "之中"].iter().any(|w| {
                tail.strip_suffix(w).is_some_and(|words| {
                    words.chars().count() <= BETWEEN && words.chars().all(is_han)
                })
            })
        })
    }

    /// Whether an enumeration with these members (indices, in text order)
    /// is one the list must be judged on: it has all the members, names
    /// the list right before or after (“四个意识”：…), or has all but one
    /// of a long ordered list. A list of common words (`named-only`) must
    /// be named nearby for that; short members (学思想) are too common.
    ///
    /// An enumeration that is the whole of a quotation (围绕“学纪、知纪、
    /// 守纪”的目标要求) is the author quoting the formulation: with all its
    /// members but one, it is judged too, short members or not.
    fn judged(&self, text: &str, span: &Range<usize>, found: &[usize], quoted: bool) -> bool {
        let distinct = distinct(found.iter().copied());
        let n = self.members.len();
        // 等 after all the members ends the quotation (“…伟大梦想”等重大
        // 论述); after some of them, it says they are a part.
        let part = distinct.len() < n && Self::subset(text, span.start, span.end);
        // Cited as a part of the named list (“三个务必”中“…”), unless all its
        // members but one are there: then the whole list is quoted.
        let cited = distinct.len() + 1 < n && self.cited_from(text, span);
        if distinct.len() < 2 || part || cited {
            return false;
        }
        if distinct.len() == n || self.named(text, span, NAME_TIGHT_BEFORE, NAME_TIGHT_AFTER) {
            return true;
        }
        if (quoted && distinct.len() + 1 == n) || self.run_with_a_gap(found).is_some() {
            return true;
        }
        if self.named_only && !self.named(text, span, NAME_BEFORE, NAME_AFTER) {
            return false;
        }
        let short = self.members.iter().all(|m| m.chars().count() <= 3);
        if !(self.ordered && distinct.len() + 1 == n && n >= 4) {
            return false;
        }
        // Short members are common words, but all of them in order with
        // one from inside the list left out (学纪、知纪、守纪) is the list
        // quoted; its head or tail alone (学党史、学思想、学理论) is a mention.
        let gap_inside = (1..n - 1).any(|k| !distinct.contains(&k));
        !short || (gap_inside && found.windows(2).all(|w| w[0] < w[1]))
    }

    /// A stretch of a long ordered list (six or more members: 入党誓词)
    /// written in order, at most one member inside it left out: its member
    /// indices, from the first to the last written.
    fn stretch(&self, found: &[usize]) -> Option<Range<usize>> {
        let (&first, &last) = (found.first()?, found.last()?);
        let increasing = found.windows(2).all(|w| w[0] < w[1]);
        (self.ordered && self.members.len() >= 6 && increasing && last - first <= found.len())
            .then_some(first..last + 1)
    }

    /// A stretch of four or more members with one inside it left out:
    /// the list quoted with that one skipped, named or not.
    fn run_with_a_gap(&self, found: &[usize]) -> Option<Range<usize>> {
        self.stretch(found)
            .filter(|r| !self.named_only && found.len() >= 4 && r.len() == found.len() + 1)
    }

    /// A stretch of a long ordered list with one member replaced by words
    /// that look like it (严守党的纪律，严守党的秘密，对党忠诚 for 保守党
    /// 的秘密): the stretch's member indices, the replaced one included.
    fn stretch_replaced(&self, items: &[(Range<usize>, Item)], text: &str) -> Option<Range<usize>> {
        let n = self.members.len();
        // Words after the last member are the sentence going on.
        let last = items.iter().rposition(|(_, i)| i.member().is_some())?;
        let items = &items[..=last];
        let at = items.iter().position(|(_, i)| i.member().is_none())?;
        let members: Vec<usize> = items.iter().filter_map(|(_, i)| i.member()).collect();
        if !self.ordered || n < 6 || members.len() < 3 || members.len() + 1 != items.len() {
            return None;
        }
        let first = if at == 0 {
            members[0].checked_sub(1)?
        } else {
            members[0]
        };
        let consecutive = items
            .iter()
            .enumerate()
            .all(|(k, (_, i))| i.member().is_none_or(|m| m == first + k));
        let k = first + at;
        (consecutive && k < n && self.alike(&text[items[at].0.clone()], k))
            .then_some(first..first + items.len())
    }

    /// Words of a member's length sharing its first or last character.
    /// `written` is normalised text (no 的), so it is compared with the
    /// member's normalised wordings: 保守党机密 is like 保守党的秘密.
    fn alike(&self, written: &str, k: usize) -> bool {
        let odd: Vec<char> = written.chars().collect();
        self.forms.iter().filter(|(_, m)| *m == k).any(|(form, _)| {
            let member: Vec<char> = form.chars().collect();
            odd.len() == member.len()
                && (odd.first() == member.first() || odd.last() == member.last())
        })
    }

    fn verdict(
        &self,
        items: &[(Range<usize>, Item)],
        text: &str,
        year: Option<i32>,
        quoted: bool,
    ) -> Option<String> {
        let found: Vec<usize> = items.iter().filter_map(|(_, i)| i.member()).collect();
        let mut problems = Vec::new();
        for (r, i) in items {
            let Item::Member(k) = i else { continue };
            let written = &text[r.clone()];
            if let Some((_, _, until)) = self
                .dated
                .iter()
                .find(|(f, m, until)| m == k && f == written && year.is_some_and(|y| y > *until))
            {
                problems.push(format!(
                    "“{written}”是{until}年及以前的提法，现为“{}”",
                    self.members[*k]
                ));
            }
        }
        let wrong: Vec<&str> = items
            .iter()
            .filter(|(_, i)| matches!(i, Item::LookAlike | Item::Unknown))
            .map(|(r, _)| &text[r.clone()])
            .collect();
        if !wrong.is_empty() {
            problems.push(format!("“{}”不是其中的内容", wrong.join("、")));
        }
        for (r, i) in items {
            if let Item::Garbled(k) = i {
                problems.push(format!("“{}”应为“{}”", &text[r.clone()], self.members[*k]));
            }
        }
        let span = span_of(items);
        // A stretch of a long list (入党誓词), all of it members and short
        // of the list by two or more, is quoted as a stretch when not named
        // or in quotation marks of its own: it lacks only a member skipped
        // inside it. Named and unquoted (“三个务必”即…), it claims the list.
        let n = self.members.len();
        let pure = items.iter().all(|(_, i)| i.member().is_some());
        let as_stretch = quoted || !self.named(text, &span, NAME_TIGHT_BEFORE, NAME_TIGHT_AFTER);
        let within = match self.stretch(&found) {
            Some(r) if pure && as_stretch && distinct(found.iter().copied()).len() + 1 < n => r,
            _ => self.stretch_replaced(items, text).unwrap_or(0..n),
        };
        let missing: Vec<&str> = within
            .filter(|k| !found.contains(k))
            .map(|k| self.members[k].as_str())
            .filter(|m| !named_after_in_sentence(text, span.clone(), m))
            .collect();
        if !missing.is_empty() {
            problems.push(format!("缺少“{}”", missing.join("、")));
        }
        if problems.is_empty() && self.ordered && found.windows(2).any(|w| w[0] > w[1]) {
            problems.push("顺序不对".to_string());
        }
        (!problems.is_empty()).then(|| problems.join("，"))
    }

    /// The item of an enumeration at `at`: a member (after a verb of up to
    /// two characters: 进行伟大斗争), a long member garbled, a look-alike
    /// with the members' suffix (服务意识), or any short run of characters.
    fn item_at(&self, n: &Normal, at: usize) -> Option<(Range<usize>, Item)> {
        let text = n.text.as_str();
        let mut p = at;
        // An adverb and its verb belong to the item (the enumeration starts
        // there, right after the name: “三会一课”即定期召开…).
        let adverb = ADVERBS.iter().find(|a| text[at..].starts_with(*a));
        if let Some(a) = adverb {
            p += a.len();
        }
        for skip in 0..=VERB_MAX {
            if let Some((form, k)) = self
                .forms
                .iter()
                .find(|(f, _)| text[p..].starts_with(f.as_str()))
            {
                let start = if adverb.is_some() { at } else { p };
                return Some((start..p + form.len(), Item::Member(*k)));
            }
            match text[p..].chars().next() {
                Some(c) if is_han(c) && skip < VERB_MAX => p += c.len_utf8(),
                _ => break,
            }
        }
        for (form, k) in &self.forms {
            let f: Vec<char> = form.chars().collect();
            if f.len() < GARBLED_MEMBER_MIN {
                continue;
            }
            for len in [f.len(), f.len() - 1, f.len() + 1] {
                let end = text[at..]
                    .char_indices()
                    .nth(len)
                    .map_or(text.len(), |(i, _)| at + i);
                let w: Vec<char> = text[at..end].chars().collect();
                if w.len() == len
                    && w.first() == f.first()
                    && w.last() == f.last()
                    && garbled(&w, &f)
                {
                    return Some((at..end, Item::Garbled(*k)));
                }
            }
        }
        if !self.suffix.is_empty() {
            // The shortest stretch ending with the suffix (服务意识, 作风不实
            // 的危险).
            // Not much shorter than the members: 能融 of 能融就融 ends with
            // 宜融则融's and 能融尽融's 融 but is only half a word.
            let suffix_chars = self.suffix.chars().count();
            let shortest = self
                .members
                .iter()
                .map(|m| m.chars().count())
                .min()
                .unwrap_or(0);
            let mut end = at;
            for (k, c) in text[at..].chars().enumerate() {
                if !is_han(c) || k >= LOOKALIKE_MAX + suffix_chars {
                    break;
                }
                end += c.len_utf8();
                if k >= suffix_chars
                    && k + 2 >= shortest
                    && text[at..end].ends_with(self.suffix.as_str())
                {
                    return Some((at..end, Item::LookAlike));
                }
            }
        }
        // Other words run to the next member (享受主义和奢靡之风) or to a
        // dropped 的 (奢侈之风对党的…), unless a separator and a member
        // follow the words after the 的 (执行党的决议，严守党的纪律).
        let budget = self.longest + LOOKALIKE_MAX;
        let mut run = 0;
        for (k, c) in text[at..].chars().enumerate() {
            if !is_han(c) || k >= budget {
                break;
            }
            if k > 0
                && ((n.breaks_at(at + run)
                    && !self.member_after_words(&text[at + run..], budget - k))
                    || self.member_follows(&text[at + run..])
                    || (k >= 2 && counts_them(&text[at + run..])))
            {
                break;
            }
            run += c.len_utf8();
        }
        (run > 0).then_some((at..at + run, Item::Unknown))
    }

    /// Whether `rest` holds at most `budget` Han characters, then a
    /// separator and a member.
    fn member_after_words(&self, rest: &str, budget: usize) -> bool {
        let mut at = 0;
        for (k, c) in rest.chars().enumerate() {
            let here = &rest[at..];
            if SEPARATORS.iter().any(|s| here.starts_with(*s)) && self.member_follows(here) {
                return true;
            }
            if !is_han(c) || k >= budget {
                return false;
            }
            at += c.len_utf8();
        }
        false
    }

    /// The enumeration starts at a member, so a first member replaced
    /// (敬畏生命 for 敬佑生命, 学党章党纪 for 学党章党规) stands before it:
    /// the Han characters before a separator, as many as the first member
    /// has, when the enumeration starts with the second member of a list of
    /// three or more and the first is nowhere in it.
    fn replaced_first(
        &self,
        items: &[(Range<usize>, Item)],
        text: &str,
    ) -> Option<(Range<usize>, Item)> {
        let (first, _) = items.first().filter(|(_, i)| i.member() == Some(1))?;
        if self.members.len() < 3 || items.iter().any(|(_, i)| i.member() == Some(0)) {
            return None;
        }
        let head = &text[..first.start];
        let sep = SEPARATORS.iter().find(|s| head.ends_with(**s))?;
        let end = first.start - sep.len();
        let want = self.members[0].chars().count();
        let start = text[..end]
            .char_indices()
            .rev()
            .take(want)
            .take_while(|&(_, c)| crate::text::is_han(c))
            .last()
            .map(|(i, _)| i)?;
        (end - start >= want.saturating_sub(1) * 3).then_some((start..end, Item::Unknown))
    }

    /// Whether a member starts here, or after a separator.
    fn member_follows(&self, rest: &str) -> bool {
        let rest = SEPARATORS
            .iter()
            .find_map(|s| rest.strip_prefix(*s))
            .unwrap_or(rest);
        self.forms.iter().any(|(f, _)| rest.starts_with(f.as_str()))
    }

    /// Checks the enumerations starting at member occurrences `starts`.
    /// `year` is the report's: a wording out of date by then is wrong.
    /// Returns the findings; the spans of enumerations written right and
    /// whole go to `complete` (another list sharing members must not judge
    /// them).
    pub(super) fn check_enumerations(
        &self,
        n: &Normal,
        mut starts: Vec<usize>,
        year: Option<i32>,
        complete: &mut Vec<Range<usize>>,
    ) -> Vec<Finding> {
        let text = n.text.as_str();
        starts.sort_unstable();
        let mut out = Vec::new();
        let mut covered = 0;
        for start in starts {
            if start < covered {
                continue;
            }
            let Some(mut first) = self.item_at(n, start).filter(|(_, i)| i.member().is_some())
            else {
                continue;
            };
            // An adverb and a verb before the first member open the
            // enumeration, as they do a later item (定期召开支部党员大会).
            let before = chars_before(text, first.0.start, 2 + VERB_MAX);
            if before.chars().count() == 2 + VERB_MAX
                && before.chars().all(is_han)
                && ADVERBS.iter().any(|a| before.starts_with(a))
            {
                first.0.start -= before.len();
            }
            let mut items = vec![first];
            loop {
                let end = items.last().expect("one at least").0.end;
                let Some(sep) = SEPARATORS.iter().find(|s| text[end..].starts_with(**s)) else {
                    break;
                };
                let Some(item) = self.item_at(n, end + sep.len()) else {
                    break;
                };
                let two_unknown = matches!(item.1, Item::Unknown)
                    && matches!(items.last(), Some((_, Item::Unknown)));
                // Two runs of other words end the enumeration, unless a
                // member follows them (a pair replaced inside a long list).
                if two_unknown && !self.member_follows(&text[item.0.end..]) {
                    break;
                }
                items.push(item);
            }
            if let Some(first) = self.replaced_first(&items, text) {
                let mut with = vec![first];
                with.extend(items.iter().cloned());
                let n = self.members.len();
                if with.len() >= n && self.one_replaced(&with[..n], text) {
                    items = with;
                }
            }
            let in_stretch = self.stretch_replaced(&items, text).is_some();
            let items = if in_stretch {
                let last = items.iter().rposition(|(_, i)| i.member().is_some());
                items.truncate(last.map_or(0, |l| l + 1));
                items
            } else {
                self.enumeration(items, text)
            };
            let span = span_of(&items);
            covered = span.end.max(start + 1);
            let found: Vec<usize> = items.iter().filter_map(|(_, i)| i.member()).collect();
            let one_replaced = self.one_replaced(&items, text);
            if !one_replaced && !in_stretch && !self.judged(text, &span, &found, n.quoted(&span)) {
                continue;
            }
            // Followed by 等 or 方面, four items with one other may be
            // the author's own list; not when the other is the member
            // misspelt (奢侈之风 for 奢靡之风).
            if one_replaced
                && Self::subset(text, span.start, span.end)
                && !self.replaced_alike(&items, text)
            {
                continue;
            }
            let quoted = n.quoted(&span);
            let mut details: Vec<String> = Vec::new();
            let mut span = span;
            if let Some(name) = self.misnumbered_name(text, &span, &found) {
                details.push(format!(
                    "称“{}”，列举的却是“{}”的内容",
                    &text[name.clone()],
                    self.name
                ));
                span = span.start.min(name.start)..span.end.max(name.end);
            }
            details.extend(self.verdict(&items, text, year, quoted));
            if !details.is_empty() {
                out.push((span, details.join("，")));
            } else if distinct(found.iter().copied()).len() == self.members.len() {
                complete.push(span);
            }
        }
        out
    }

    /// The list's name with another number right before all its members
    /// (“两个务必”：务必不忘初心…) or right after them (…抓落实能力这“八种
    /// 能力”), unless its own name stands right before.
    fn misnumbered_name(
        &self,
        text: &str,
        span: &Range<usize>,
        found: &[usize],
    ) -> Option<Range<usize>> {
        if distinct(found.iter().copied()).len() < self.members.len()
            || self.named(text, span, NAME_TIGHT_BEFORE, 0)
        {
            return None;
        }
        self.misnumbered.iter().find_map(|other| {
            let len = other.chars().count();
            let before = chars_before(text, span.start, NAME_TIGHT_BEFORE + len);
            if let Some(at) = before.rfind(other.as_str()) {
                let start = span.start - before.len() + at;
                return Some(start..start + other.len());
            }
            let after = chars_after(text, span.end, NAME_TIGHT_AFTER + len);
            let at = span.end + after.find(other.as_str())?;
            Some(at..at + other.len())
        })
    }

    /// As many items as the list, all members but one, the odd one about
    /// as long as the missing member: a member replaced (享受主义, 共赢).
    fn one_replaced(&self, items: &[(Range<usize>, Item)], text: &str) -> bool {
        let n = self.members.len();
        let odd: Vec<&Range<usize>> = items
            .iter()
            .filter(|(_, i)| i.member().is_none())
            .map(|(r, _)| r)
            .collect();
        let distinct = distinct(items.iter().filter_map(|(_, i)| i.member()));
        if items.len() != n || odd.len() != 1 || distinct.len() + 1 != n {
            return false;
        }
        let missing = (0..n)
            .find(|k| !distinct.contains(k))
            .expect("one is missing");
        // In a list whose order is fixed, a member replaced stands where
        // it belongs; other words after the last member are an addition
        // (守正创新、踔厉奋发、勇毅前行、担当作为).
        if self.ordered {
            let at = items
                .iter()
                .position(|(_, i)| i.member().is_none())
                .expect("one is odd");
            let (before, after) = (&items[..at], &items[at + 1..]);
            if before.iter().any(|(_, i)| i.member() > Some(missing))
                || after.iter().any(|(_, i)| i.member() < Some(missing))
            {
                return false;
            }
        }
        // 按时上好党课: the member is there, after other words.
        let after = &text[odd[0].end..];
        if self
            .forms
            .iter()
            .any(|(f, k)| *k == missing && after.starts_with(f.as_str()))
        {
            return false;
        }
        // Of a pair, one member is little evidence: the other words must
        // look like the missing one (牢记宗旨 for 牢记使命; not 以史为鉴、
        // 资政育人, a phrase of its own).
        if n == 2 && !self.replaced_alike(items, text) {
            return false;
        }
        let want = self.members[missing].chars().count();
        let odd_text = &text[odd[0].clone()];
        let got = odd_text.chars().count();
        if got.abs_diff(want) <= (want / 2).max(2) {
            return true;
        }
        // The last item runs on into the sentence (和奢侈之风方面的问题):
        // replaced, when its first characters, as many as the member has,
        // end as the member does.
        let last = items.last().is_some_and(|(r, _)| r == odd[0]);
        let ending = self.members[missing].chars().last();
        last && got > want && odd_text.chars().nth(want - 1) == ending
    }

    /// Whether the item replacing a member is that member misspelt: as
    /// long as it, with the same first or last character.
    fn replaced_alike(&self, items: &[(Range<usize>, Item)], text: &str) -> bool {
        let Some((r, _)) = items.iter().find(|(_, i)| i.member().is_none()) else {
            return false;
        };
        self.alike(&text[r.clone()], self.missing(items))
    }

    /// In a long list (six or more members: 伟大建党精神's eight halves),
    /// two neighbouring items replaced by other words as long as the two
    /// members missing (担当初心、践行使命 for 践行初心、担当使命).
    fn pair_replaced(&self, items: &[(Range<usize>, Item)], text: &str) -> bool {
        let n = self.members.len();
        if n < 6 || items.len() != n {
            return false;
        }
        let odd: Vec<usize> = (0..n).filter(|&k| items[k].1.member().is_none()).collect();
        let distinct = distinct(items.iter().filter_map(|(_, i)| i.member()));
        if odd.len() != 2 || odd[1] != odd[0] + 1 || distinct.len() + 2 != n {
            return false;
        }
        let mut want: Vec<usize> = (0..n)
            .filter(|k| !distinct.contains(k))
            .map(|k| self.members[k].chars().count())
            .collect();
        let mut got: Vec<usize> = odd
            .iter()
            .map(|&k| text[items[k].0.clone()].chars().count())
            .collect();
        want.sort_unstable();
        got.sort_unstable();
        want.iter().zip(&got).all(|(w, g)| w.abs_diff(*g) <= 1)
    }

    /// The member none of the items is (the first, if several).
    fn missing(&self, items: &[(Range<usize>, Item)]) -> usize {
        (0..self.members.len())
            .find(|k| !items.iter().any(|(_, i)| i.member() == Some(*k)))
            .unwrap_or(0)
    }

    /// The items that make the enumeration: with one member replaced, all
    /// of them; otherwise up to the first run of other words, and without
    /// look-alikes added after every member (“四个意识”和责任意识).
    fn enumeration(
        &self,
        mut items: Vec<(Range<usize>, Item)>,
        text: &str,
    ) -> Vec<(Range<usize>, Item)> {
        let n = self.members.len();
        if items.len() >= n && self.one_replaced(&items[..n], text) {
            items.truncate(n);
            // The last item runs on into the sentence (共赢发展理念): as
            // long as the member it replaces.
            let want = self.members[self.missing(&items)].chars().count();
            if let Some((r, Item::Unknown)) = items.last_mut() {
                if let Some((i, _)) = text[r.clone()].char_indices().nth(want) {
                    r.end = r.start + i;
                }
            }
            return items;
        }
        if items.len() >= n && self.pair_replaced(&items[..n], text) {
            items.truncate(n);
            return items;
        }
        if let Some(k) = items.iter().position(|(_, i)| matches!(i, Item::Unknown)) {
            items.truncate(k);
        }
        // Named right before (“四个自信”即…) or after (…财经纪律这“六项纪
        // 律”), the enumeration is the list as the author gives it: a
        // look-alike added is a wrong member.
        if self.named(text, &span_of(&items), NAME_TIGHT_BEFORE, NAME_TIGHT_AFTER) {
            return items;
        }
        while items
            .last()
            .is_some_and(|(_, i)| matches!(i, Item::LookAlike))
        {
            let all_before =
                (0..self.members.len()).all(|k| items.iter().any(|(_, i)| i.member() == Some(k)));
            if !all_before {
                break;
            }
            items.pop();
        }
        items
    }

    /// A long member found by its key at `key_start`, written with one
    /// word replaced (以艰苦奋斗为荣、以贪图享乐为耻 for …以骄奢淫逸为耻): the
    /// text as long as the member, from where the member starts, differs
    /// from it in one run of one to four Han characters. Where the member is
    /// written right, or longer or shorter, nothing.
    fn word_replaced(&self, text: &str, key_start: usize, m: usize) -> Option<Range<usize>> {
        const MAX_RUN: usize = 4;
        let key: Vec<char> = self.keys[m].0.chars().collect();
        let mut candidate = None;
        for (form, _) in self.forms.iter().filter(|(_, k)| *k == m) {
            let f: Vec<char> = form.chars().collect();
            // Where the key stands in this wording (毫不动摇地巩固… has one
            // character more before it).
            let Some(before) = (0..f.len()).find(|&i| f[i..].starts_with(&key)) else {
                continue;
            };
            let head = chars_before(text, key_start, before);
            if head.chars().count() != before {
                continue;
            }
            let start = key_start - head.len();
            let window = chars_after(text, start, f.len());
            let w: Vec<char> = window.chars().collect();
            if w == f {
                return None;
            }
            if w.len() != f.len() || f.len() < GARBLED_MEMBER_MIN {
                continue;
            }
            let differ: Vec<usize> = (0..f.len()).filter(|&i| w[i] != f[i]).collect();
            let (first, last) = (differ[0], differ[differ.len() - 1]);
            // One word inside the member, Han characters only, the member's
            // own words on both sides of it: not its head missing (自信自强
            // 守正创新 for 必须坚持守正创新), nor a sentence's end before its
            // key (不牢。对人民至上).
            if last - first < MAX_RUN
                && first > 0
                && last + 1 < f.len()
                && w[first..=last].iter().all(|&c| is_han(c))
            {
                candidate.get_or_insert(start..start + window.len());
            }
        }
        candidate
    }

    /// Checks lists of long members, found by their keys: (start, end,
    /// member) of each key occurrence.
    pub(super) fn check_keyed(
        &self,
        n: &Normal,
        mut keys: Vec<(usize, usize, usize)>,
    ) -> Vec<Finding> {
        let text = n.text.as_str();
        keys.sort_unstable();
        let mut out = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            let mut j = i + 1;
            while j < keys.len() {
                let gap = &text[keys[j - 1].1.min(keys[j].0)..keys[j].0];
                if !crate::text::at_most_chars(gap, KEY_GAP) || gap.contains(['。', '！', '？'])
                {
                    break;
                }
                j += 1;
            }
            let group = &keys[i..j];
            i = j;
            let (first, last) = (group[0], group[group.len() - 1]);
            // The member begins before its key.
            let start = first.0 - chars_before(text, first.0, self.keys[first.2].1).len();
            let span = start..last.1;
            let mut found: Vec<usize> = Vec::new();
            for &(_, _, m) in group {
                if !found.contains(&m) {
                    found.push(m);
                }
            }
            // One member quoted alone with a word of it replaced (刚入党时
            // 牢记的“以艰苦奋斗为荣、以贪图享乐为耻”): wrong as it stands.
            if let [m] = found[..] {
                if let Some(r) = self.word_replaced(text, first.0, m).filter(|r| n.quoted(r)) {
                    let detail = format!("“{}”应为“{}”", &text[r.clone()], self.members[m]);
                    out.push((r, detail));
                }
                continue;
            }
            // Named before the first key, or before where its member starts.
            if !self.judged(text, &(first.0..last.1), &found, false)
                && !self.judged(text, &span, &found, n.quoted(&span))
            {
                continue;
            }
            // Each member at its first key (the verdict looks for the
            // list's name around them), or the whole member where one word
            // of it is replaced.
            let items: Vec<(Range<usize>, Item)> = found
                .iter()
                .map(|&m| {
                    let &(s, e, _) = group.iter().find(|k| k.2 == m).expect("a key of it");
                    match self.word_replaced(text, s, m) {
                        Some(r) => (r, Item::Garbled(m)),
                        None => (s..e, Item::Member(m)),
                    }
                })
                .collect();
            if let Some(detail) = self.verdict(&items, text, None, false) {
                out.push((first.0..last.1, detail));
            }
        }
        out
    }
}

#[cfg(test)]
#[path = "lists_tests.rs"]
mod tests;
