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
    fn cited_from(&self, text: &str, span: &Range<usize>) -> bool {
        self.names.iter().any(|n| {
            let before = chars_before(text, span.start, n.chars().count() + 2);
            ["中", "中的", "里的", "之中"]
                .iter()
                .any(|w| before.ends_with(&format!("{n}{w}")))
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
        if distinct.len() < 2 || part || self.cited_from(text, span) {
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
            _ => 0..n,
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
        for skip in 0..=VERB_MAX {
            if let Some((form, k)) = self
                .forms
                .iter()
                .find(|(f, _)| text[p..].starts_with(f.as_str()))
            {
                return Some((p..p + form.len(), Item::Member(*k)));
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
            let suffix_chars = self.suffix.chars().count();
            let mut end = at;
            for (k, c) in text[at..].chars().enumerate() {
                if !is_han(c) || k >= LOOKALIKE_MAX + suffix_chars {
                    break;
                }
                end += c.len_utf8();
                if k >= suffix_chars && text[at..end].ends_with(self.suffix.as_str()) {
                    return Some((at..end, Item::LookAlike));
                }
            }
        }
        // Other words run to the next member (享受主义和奢靡之风) or to a
        // dropped 的 (奢侈之风对党的…).
        let mut run = 0;
        for (k, c) in text[at..].chars().enumerate() {
            if !is_han(c) || k >= self.longest + LOOKALIKE_MAX {
                break;
            }
            if k > 0
                && (n.breaks_at(at + run)
                    || self.member_follows(&text[at + run..])
                    || (k >= 2 && counts_them(&text[at + run..])))
            {
                break;
            }
            run += c.len_utf8();
        }
        (run > 0).then_some((at..at + run, Item::Unknown))
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
    pub(super) fn check_enumerations(
        &self,
        n: &Normal,
        mut starts: Vec<usize>,
        year: Option<i32>,
    ) -> Vec<Finding> {
        let text = n.text.as_str();
        starts.sort_unstable();
        let mut out = Vec::new();
        let mut covered = 0;
        for start in starts {
            if start < covered {
                continue;
            }
            let Some(first) = self.item_at(n, start).filter(|(_, i)| i.member().is_some()) else {
                continue;
            };
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
            let items = self.enumeration(items, text);
            let span = span_of(&items);
            covered = span.end.max(start + 1);
            let found: Vec<usize> = items.iter().filter_map(|(_, i)| i.member()).collect();
            let one_replaced = self.one_replaced(&items, text);
            if !one_replaced && !self.judged(text, &span, &found, n.quoted(&span)) {
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
            let mut details: Vec<String> = Vec::new();
            let mut span = span;
            if let Some(name) = self.misnumbered_before(text, &span, &found) {
                details.push(format!(
                    "称“{}”，列举的却是“{}”的内容",
                    &text[name.clone()],
                    self.name
                ));
                span = span.start.min(name.start)..span.end.max(name.end);
            }
            details.extend(self.verdict(&items, text, year, n.quoted(&span)));
            if !details.is_empty() {
                out.push((span, details.join("，")));
            }
        }
        out
    }

    /// The list's name with another number right before all its members
    /// (“两个务必”：务必不忘初心…) or right after them (…抓落实能力这“八种
    /// 能力”), unless its own name stands right before.
    fn misnumbered_before(
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
        let member: Vec<char> = self.members[self.missing(items)].chars().collect();
        let odd: Vec<char> = text[r.clone()].chars().collect();
        odd.len() == member.len() && (odd.first() == member.first() || odd.last() == member.last())
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
        // Named right before (“四个自信”即…), the enumeration is the list
        // as the author gives it: a look-alike added is a wrong member.
        if self.named(text, &span_of(&items), NAME_TIGHT_BEFORE, 0) {
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
            // Named before the first key, or before where its member starts.
            if !self.judged(text, &(first.0..last.1), &found, false)
                && !self.judged(text, &span, &found, n.quoted(&span))
            {
                continue;
            }
            let items: Vec<(Range<usize>, Item)> =
                found.iter().map(|&m| (0..0, Item::Member(m))).collect();
            if let Some(detail) = self.verdict(&items, text, None, false) {
                out.push((first.0..last.1, detail));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::formulation::normal::normalize;

    fn list(name: &str, members: &[&str]) -> List {
        let members: Vec<String> = members.iter().map(|m| m.to_string()).collect();
        let mut forms: Vec<(String, usize)> = members
            .iter()
            .enumerate()
            .map(|(k, m)| (normalize(m), k))
            .collect();
        forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        List {
            name: name.into(),
            names: vec![normalize(name)],
            suffix: common_suffix(&members),
            canonical: members.join("、"),
            members,
            forms,
            keys: Vec::new(),
            ordered: true,
            named_only: false,
            longest: 8,
            dated: Vec::new(),
            misnumbered: Vec::new(),
        }
    }

    fn run(l: &List, text: &str) -> Vec<String> {
        let n = Normal::new(text, 0..text.len());
        let starts = l
            .forms
            .iter()
            .flat_map(|(f, _)| n.text.match_indices(f.as_str()).map(|(i, _)| i))
            .collect();
        l.check_enumerations(&n, starts, None)
            .into_iter()
            .map(|(_, d)| d)
            .collect()
    }

    fn four() -> List {
        list(
            "四个意识",
            &["政治意识", "大局意识", "核心意识", "看齐意识"],
        )
    }

    #[test]
    fn wrong_and_missing_members_and_order() {
        let l = four();
        assert_eq!(
            run(&l, "增强政治意识、大局意识、核心意识、服务意识"),
            vec!["“服务意识”不是其中的内容，缺少“看齐意识”"]
        );
        assert_eq!(
            run(&l, "树牢“四个意识”：政治意识、大局意识和看齐意识"),
            vec!["缺少“核心意识”"]
        );
        assert_eq!(
            run(&l, "政治意识、核心意识、大局意识、看齐意识"),
            vec!["顺序不对"]
        );
    }

    #[test]
    fn de_between_members_is_read_through_and_a_wrong_member_with_de_is_seen() {
        let l = list(
            "四种危险",
            &[
                "精神懈怠危险",
                "能力不足危险",
                "脱离群众危险",
                "消极腐败危险",
            ],
        );
        assert!(run(
            &l,
            "防止精神懈怠的危险、能力不足的危险、脱离群众的危险、消极腐败的危险"
        )
        .is_empty());
        assert_eq!(
            run(
                &l,
                "防止精神懈怠的危险、能力不足的危险、脱离群众的危险、作风不实的危险"
            ),
            vec!["“作风不实危险”不是其中的内容，缺少“消极腐败危险”"]
        );
    }

    #[test]
    fn partial_mentions_subsets_and_additions_are_fine() {
        let l = four();
        for ok in [
            "增强“政治意识、大局意识、核心意识、看齐意识”",
            "增强大局意识和服务意识",
            "增强政治意识、大局意识",
            "增强政治意识、大局意识、核心意识、看齐意识和责任意识",
            "增强“四个意识”和责任意识",
            "增强“四个意识”，特别是政治意识、大局意识",
            "增强政治意识、大局意识、核心意识等",
        ] {
            assert!(run(&l, ok).is_empty(), "{ok}: {:?}", run(&l, ok));
        }
        // Named right before, the enumeration is the list as the author
        // gives it: a member added is wrong.
        assert_eq!(
            run(
                &l,
                "“四个意识”即政治意识、大局意识、核心意识、看齐意识和责任意识"
            ),
            vec!["“责任意识”不是其中的内容"]
        );
    }

    /// In a long named list, a pair of neighbours replaced (two halves
    /// with their verbs swapped) is found over the whole enumeration.
    #[test]
    fn a_pair_replaced_inside_a_long_named_list_is_found() {
        let l = list(
            "伟大建党精神",
            &[
                "坚持真理",
                "坚守理想",
                "践行初心",
                "担当使命",
                "不怕牺牲",
                "英勇斗争",
                "对党忠诚",
                "不负人民",
            ],
        );
        assert_eq!(
            run(&l, "伟大建党精神，就是坚持真理、坚守理想，担当初心、践行使命，不怕牺牲、英勇斗争，对党忠诚、不负人民。"),
            vec!["“担当初心、践行使命”不是其中的内容，缺少“践行初心、担当使命”"]
        );
        assert!(run(&l, "伟大建党精神，就是坚持真理、坚守理想，践行初心、担当使命，不怕牺牲、英勇斗争，对党忠诚、不负人民。").is_empty());
    }

    /// Short members are too common to judge three of four, unless the
    /// three are in order with one from inside left out (the list quoted,
    /// not its head or tail), or the whole of a quotation: then the author quotes the
    /// formulation and one is missing.
    #[test]
    fn a_quoted_enumeration_missing_one_member_is_judged() {
        let l = list("学纪、知纪、明纪、守纪", &["学纪", "知纪", "明纪", "守纪"]);
        assert!(run(&l, "做到学纪、知纪").is_empty());
        assert!(run(&l, "做到知纪、明纪、守纪").is_empty());
        assert_eq!(run(&l, "做到学纪、知纪、守纪"), vec!["缺少“明纪”"]);
        assert!(run(&l, "做到学纪、守纪、知纪").is_empty(), "not in order");
        assert_eq!(
            run(&l, "围绕“学纪、知纪、守纪”的目标要求"),
            vec!["缺少“明纪”"]
        );
        // Quoted with a word more, or two of four: a mention.
        assert!(run(&l, "围绕“学纪、知纪”的要求").is_empty());
        assert!(run(&l, "围绕“学纪、知纪要求”").is_empty());
    }

    /// A member named apart after the list, in its sentence, is not missing;
    /// in the next sentence it is.
    #[test]
    fn a_member_named_after_the_list_in_its_sentence_is_not_missing() {
        let l = four();
        assert!(run(
            &l,
            "制定大局意识、核心意识、看齐意识教育方案，与政治意识方案一起印发。"
        )
        .is_empty());
        assert_eq!(
            run(
                &l,
                "制定大局意识、核心意识、看齐意识教育方案。政治意识方案另发。"
            ),
            vec!["缺少“政治意识”"]
        );
    }

    #[test]
    fn a_part_cited_from_the_named_list_is_not_judged() {
        let l = list(
            "四个意识",
            &["政治意识", "大局意识", "核心意识", "看齐意识"],
        );
        assert!(run(&l, "对四个意识中政治意识、大局意识的要求体会不深").is_empty());
        assert_eq!(
            run(&l, "增强四个意识：政治意识、大局意识"),
            vec!["缺少“核心意识、看齐意识”"]
        );
    }

    #[test]
    fn named_only_lists_need_their_name() {
        let mut l = list("新发展理念", &["创新", "协调", "绿色", "开放", "共享"]);
        l.named_only = true;
        assert!(run(&l, "坚持创新、协调、绿色、开放").is_empty());
        assert_eq!(
            run(&l, "贯彻创新、协调、绿色、开放的新发展理念"),
            vec!["缺少“共享”"]
        );
        assert_eq!(
            run(&l, "贯彻新发展理念，即创新、协调、绿色、开放"),
            vec!["缺少“共享”"]
        );
    }

    #[test]
    fn a_name_nearby_with_a_few_members_is_a_mention_not_an_enumeration() {
        let mut l = list("四风", &["形式主义", "官僚主义", "享乐主义", "奢靡之风"]);
        l.named_only = true;
        assert!(run(
            &l,
            "“四风”问题基本解决，对形式主义、官僚主义的新表现警惕不够"
        )
        .is_empty());
        assert_eq!(
            run(&l, "纠治“四风”：形式主义、官僚主义、享乐主义"),
            vec!["缺少“奢靡之风”"]
        );
        assert_eq!(
            run(&l, "“四风”问题基本解决，形式主义、官僚主义、享乐主义"),
            vec!["缺少“奢靡之风”"]
        );
        let three = list("政治三力", &["政治判断力", "政治领悟力", "政治执行力"]);
        assert!(run(&three, "导致政治判断力和政治执行力跟不上").is_empty());
        assert_eq!(
            run(&three, "提高政治执行力、政治判断力、政治领悟力"),
            vec!["顺序不对"]
        );
        let short = list("总要求", &["学思想", "强党性", "重实践", "建新功"]);
        assert!(run(&short, "学思想和强党性、重实践脱节").is_empty());
    }

    #[test]
    fn a_long_member_with_a_character_dropped_added_or_wrong_is_that_member_garbled() {
        let l = list(
            "四项基本原则",
            &[
                "坚持社会主义道路",
                "坚持人民民主专政",
                "坚持中国共产党领导",
                "坚持马克思列宁主义毛泽东思想",
            ],
        );
        for (garbled, written) in [
            ("坚持中共产党领导", "dropped"),
            ("坚持中国共产党党领导", "added"),
            ("坚持中国共产觉领导", "wrong"),
        ] {
            assert_eq!(
                run(
                    &l,
                    &format!("坚持社会主义道路、坚持人民民主专政、{garbled}、坚持马克思列宁主义毛泽东思想")
                ),
                vec![format!("“{garbled}”应为“坚持中国共产党领导”")],
                "{written}"
            );
        }
    }

    #[test]
    fn a_replaced_last_member_is_cut_to_the_length_of_the_member_it_replaces() {
        // The last item runs on into the sentence: it is taken as long as
        // the member missing (the fourth, 13 characters), not as another.
        let mut l = list(
            "党的思想路线",
            &[
                "一切从实际出发",
                "理论联系实际",
                "实事求是",
                "在实践中检验真理和发展真理",
            ],
        );
        l.longest = 13;
        assert_eq!(
            run(
                &l,
                "坚持一切从实际出发、理论联系实际、实事求是、在群众中检验政策和完善政策工作做得不够"
            ),
            vec!["“在群众中检验政策和完善政策”不是其中的内容，缺少“在实践中检验真理和发展真理”"]
        );
    }

    #[test]
    fn a_replaced_last_member_running_on_into_the_sentence_is_cut_where_the_member_would_end() {
        let mut l = list("四风", &["形式主义", "官僚主义", "享乐主义", "奢靡之风"]);
        l.longest = 4;
        assert_eq!(
            run(&l, "查找形式主义、官僚主义、享乐主义和奢侈之风方面的问题"),
            vec!["“奢侈之风”不是其中的内容，缺少“奢靡之风”"]
        );
        assert_eq!(
            run(&l, "形式主义、官僚主义、享乐主义和奢侈之风问题仍然存在"),
            vec!["“奢侈之风”不是其中的内容，缺少“奢靡之风”"]
        );
        // Ending otherwise, the words after the third member are the
        // sentence going on, not a fourth member.
        assert!(run(&l, "查找形式主义、官僚主义、享乐主义和铺张浪费方面的问题").is_empty());
    }

    #[test]
    fn all_the_members_before_deng_are_the_whole_list() {
        let l = list(
            "四个伟大",
            &["伟大斗争", "伟大工程", "伟大事业", "伟大梦想"],
        );
        assert_eq!(
            run(
                &l,
                "对“统揽伟大工程、伟大斗争、伟大事业、伟大梦想”等重大论述"
            ),
            vec!["顺序不对"]
        );
        // Some of them before 等 are a part.
        assert!(run(&l, "统揽伟大工程、伟大斗争等重大论述").is_empty());
    }

    #[test]
    fn in_an_ordered_list_other_words_after_the_last_member_are_an_addition() {
        let mut l = list(
            "自信自强、守正创新，踔厉奋发、勇毅前行",
            &["自信自强", "守正创新", "踔厉奋发", "勇毅前行"],
        );
        l.named_only = true;
        assert!(run(&l, "坚持守正创新、踔厉奋发、勇毅前行、担当作为").is_empty());
        assert_eq!(
            run(&l, "自信自强、守正创新、踔厉奋发、勇往直前"),
            vec!["“勇往直前”不是其中的内容，缺少“勇毅前行”"]
        );
    }

    #[test]
    fn a_stretch_of_a_long_list_with_one_member_skipped_lacks_that_one() {
        let mut l = list(
            "入党誓词",
            &[
                "拥护党的纲领",
                "遵守党的章程",
                "履行党员义务",
                "执行党的决定",
                "严守党的纪律",
                "保守党的秘密",
                "对党忠诚",
                "积极工作",
            ],
        );
        l.longest = 6;
        assert_eq!(
            run(&l, "宣誓的“拥护党的纲领，遵守党的章程，履行党员义务，严守党的纪律，保守党的秘密”这些要求"),
            vec!["缺少“执行党的决定”"]
        );
        // A stretch with none skipped, or too short to tell, is a quotation.
        assert!(run(
            &l,
            "做到“拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定”"
        )
        .is_empty());
        assert!(run(&l, "做到拥护党的纲领，遵守党的章程，执行党的决定").is_empty());
    }

    #[test]
    fn the_name_with_another_number_before_all_the_members_is_found() {
        let mut l = list(
            "三个务必",
            &["务必不忘初心", "务必谦虚谨慎", "务必敢于斗争"],
        );
        l.misnumbered = vec!["两个务必".into(), "四个务必".into()];
        assert_eq!(
            run(
                &l,
                "牢记“两个务必”，做到务必不忘初心、务必谦虚谨慎、务必敢于斗争。"
            ),
            vec!["称“两个务必”，列举的却是“三个务必”的内容"]
        );
        assert!(run(
            &l,
            "从“两个务必”到“三个务必”：务必不忘初心、务必谦虚谨慎、务必敢于斗争。"
        )
        .is_empty());
        assert!(run(&l, "牢记“两个务必”，做到务必不忘初心、务必谦虚谨慎。").is_empty());
    }

    #[test]
    fn a_count_after_the_members_ends_the_last_item() {
        let mut l = list(
            "金融工作三项任务",
            &["服务实体经济", "防控金融风险", "深化金融改革"],
        );
        l.longest = 6;
        assert_eq!(
            run(&l, "提出的服务实体经济、防控金融风险、扩大金融开放三项任务"),
            vec!["“扩大金融开放”不是其中的内容，缺少“深化金融改革”"]
        );
        assert!(counts_them("三项任务") && counts_them("四个方面"));
        assert!(!counts_them("三") && !counts_them("项目") && !counts_them("三人"));
    }

    #[test]
    fn a_quoted_stretch_of_a_long_list_lacks_nothing_after_it() {
        let mut l = list(
            "入党誓词",
            &[
                "拥护党的纲领",
                "遵守党的章程",
                "履行党员义务",
                "执行党的决定",
                "严守党的纪律",
                "保守党的秘密",
                "对党忠诚",
                "积极工作",
            ],
        );
        l.longest = 6;
        assert!(run(&l, "重温入党誓词，“拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，严守党的纪律”，这些话").is_empty());
        // Named and not quoted, it claims the whole list.
        assert_eq!(
            run(&l, "入党誓词即拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，严守党的纪律，保守党的秘密，对党忠诚。"),
            vec!["缺少“积极工作”"]
        );
    }

    /// Other words replace the missing member only when about as long as
    /// it: within half its length, and at least two characters, either way
    /// (a 4-character member: 2 to 6 characters).
    #[test]
    fn a_replacing_item_is_about_as_long_as_the_member_it_replaces() {
        let l = four();
        let replaced = |other: &str| {
            let text = format!("政治意识、大局意识、核心意识、{other}");
            let at = |s: &str| {
                let i = text.find(s).unwrap();
                i..i + s.len()
            };
            let items = [
                (at("政治意识"), Item::Member(0)),
                (at("大局意识"), Item::Member(1)),
                (at("核心意识"), Item::Member(2)),
                (text.len() - other.len()..text.len(), Item::Unknown),
            ];
            l.one_replaced(&items, &text)
        };
        assert!(replaced("服务"));
        assert!(replaced("服务群众意识"));
        assert!(!replaced("服"));
        assert!(!replaced("全心全意服务群众"));
    }

    #[test]
    fn suffix_of_members() {
        assert_eq!(common_suffix(&four().members), "意识");
    }

    #[test]
    fn the_common_suffix_is_the_longest_ending_all_members_share() {
        let suffix =
            |ms: &[&str]| common_suffix(&ms.iter().map(|m| m.to_string()).collect::<Vec<_>>());
        assert_eq!(suffix(&["政治意识", "大局意识", "核心意识"]), "意识");
        assert_eq!(suffix(&["道路自信", "理论自信"]), "自信");
        assert_eq!(
            suffix(&["形式主义", "官僚主义", "享乐主义", "奢靡之风"]),
            ""
        );
        // A member that is the whole ending, on either side.
        assert_eq!(suffix(&["意识", "政治意识"]), "意识");
        assert_eq!(suffix(&["政治意识", "识"]), "识");
        assert_eq!(suffix(&["四风", "四风"]), "四风");
    }

    #[test]
    fn characters_before_and_after_a_place_are_counted_in_characters() {
        let t = "四个意识即政治";
        let at = t.find('即').unwrap();
        assert_eq!(chars_before(t, at, 0), "");
        assert_eq!(chars_before(t, at, 1), "识");
        assert_eq!(chars_before(t, at, 4), "四个意识");
        assert_eq!(chars_before(t, at, 9), "四个意识");
        assert_eq!(chars_after(t, at, 0), "");
        assert_eq!(chars_after(t, at, 2), "即政");
        assert_eq!(chars_after(t, at, 9), "即政治");
    }

    /// Which enumerations are judged: all members; the name right before
    /// (3 characters between at most) or after (2); all but one of a long
    /// ordered list of four or more; never a part on purpose (特别是…,
    /// …等) or a single member.
    #[test]
    fn an_enumeration_is_judged_when_whole_named_or_all_but_one_of_a_long_list() {
        let l = four();
        // The enumeration is the text from 政治 to the last 意识 before the
        // end or the words after it (等, 方面, …).
        let judged = |l: &List, text: &str, found: &[usize]| {
            let start = text.find("政治").unwrap();
            let members = ["政治意识", "大局意识", "核心意识", "看齐意识"];
            let end = members[..found.iter().max().unwrap() + 1]
                .iter()
                .filter_map(|m| text.find(m).map(|i| i + m.len()))
                .max()
                .unwrap();
            l.judged(text, &(start..end), found, false)
        };
        let two = "政治意识、大局意识";
        assert!(judged(
            &l,
            "要有政治意识、大局意识、核心意识、看齐意识。",
            &[0, 1, 2, 3]
        ));
        assert!(!judged(&l, two, &[0, 1]));
        assert!(!judged(&l, two, &[0, 0]));
        assert!(judged(&l, "政治意识、大局意识、核心意识", &[0, 1, 2]));
        // Named before: up to three characters between.
        assert!(judged(&l, "四个意识就是说政治意识、大局意识", &[0, 1]));
        assert!(!judged(&l, "四个意识就是说的政治意识、大局意识", &[0, 1]));
        // Named after: up to two characters between.
        assert!(judged(&l, "政治意识、大局意识这些四个意识", &[0, 1]));
        assert!(!judged(&l, "政治意识、大局意识等这些四个意识", &[0, 1]));
        assert!(!judged(&l, "政治意识、大局意识属于的四个意识", &[0, 1]));
        // A part on purpose, however named.
        assert!(!judged(
            &l,
            "四个意识特别是政治意识、大局意识、核心意识",
            &[0, 1, 2]
        ));
        // All of them before 方面 or 等 are the whole list, its order
        // judged.
        assert!(judged(
            &l,
            "政治意识、大局意识、核心意识、看齐意识方面",
            &[0, 1, 2, 3]
        ));
        assert!(!judged(&l, "政治意识、大局意识、核心意识方面", &[0, 1, 2]));
        // Unordered lists need the name or all members.
        let mut unordered = four();
        unordered.ordered = false;
        assert!(!judged(
            &unordered,
            "政治意识、大局意识、核心意识",
            &[0, 1, 2]
        ));
        // A list of common words must be named nearby (12 before, 4 after).
        let mut named_only = four();
        named_only.named_only = true;
        assert!(!judged(
            &named_only,
            "政治意识、大局意识、核心意识",
            &[0, 1, 2]
        ));
        assert!(judged(
            &named_only,
            "四个意识中大家常说的是政治意识、大局意识、核心意识",
            &[0, 1, 2]
        ));
        assert!(judged(
            &named_only,
            "政治意识、大局意识、核心意识和其他四个意识",
            &[0, 1, 2]
        ));
        // Short members (three characters at most) are too common.
        let short = list("四学", &["学党史", "学思想", "学理论", "学党章"]);
        let text = "学党史、学思想、学理论";
        assert!(!short.judged(text, &(0..text.len()), &[0, 1, 2], false));
        // Three members of a list of three: all, judged; two of three: no.
        let three = list("三个意识", &["政治意识", "大局意识", "核心意识"]);
        assert!(!judged(&three, two, &[0, 1]));
    }

    /// What item_at reads at the start of `text`: (text read, kind).
    fn item(l: &List, text: &str) -> Option<(String, Item)> {
        let n = Normal::new(text, 0..text.len());
        l.item_at(&n, 0).map(|(r, i)| (n.text[r].to_string(), i))
    }

    /// A member, after a verb of two characters at most; a look-alike: a
    /// stretch of one to LOOKALIKE_MAX characters before the suffix; other
    /// words up to the next member, a dropped 的 or a non-Chinese
    /// character.
    #[test]
    fn an_item_is_a_member_a_look_alike_or_other_words() {
        let l = four();
        assert_eq!(
            item(&l, "大局意识"),
            Some(("大局意识".into(), Item::Member(1)))
        );
        assert_eq!(
            item(&l, "增强大局意识"),
            Some(("大局意识".into(), Item::Member(1)))
        );
        assert_eq!(
            item(&l, "要增强大局意识"),
            Some(("要增强大局意识".into(), Item::LookAlike))
        );
        assert_eq!(
            item(&l, "服务意识"),
            Some(("服务意识".into(), Item::LookAlike))
        );
        assert_eq!(
            item(&l, "甲乙丙丁戊己意识"),
            Some(("甲乙丙丁戊己意识".into(), Item::LookAlike))
        );
        assert_eq!(
            item(&l, "甲乙丙丁戊己庚意识"),
            Some(("甲乙丙丁戊己庚意识".into(), Item::Unknown))
        );
        // The suffix alone is no look-alike.
        assert_eq!(item(&l, "意识，"), Some(("意识".into(), Item::Unknown)));
        // Other words stop before a member (after a separator or not), at a
        // dropped 的, at a non-Chinese character, or after longest +
        // LOOKALIKE_MAX characters (8 + 6 here).
        assert_eq!(
            item(&l, "服务态度和大局意识"),
            Some(("服务态度".into(), Item::Unknown))
        );
        assert_eq!(
            item(&l, "服务态度作风好大局意识"),
            Some(("服务态度作风好".into(), Item::Unknown))
        );
        assert_eq!(
            item(&l, "服务态度的作风"),
            Some(("服务态度".into(), Item::Unknown))
        );
        assert_eq!(
            item(&l, "服务态度2"),
            Some(("服务态度".into(), Item::Unknown))
        );
        let long = "甲".repeat(20);
        assert_eq!(item(&l, &long), Some(("甲".repeat(14), Item::Unknown)));
        assert_eq!(item(&l, "，大局意识"), None);
    }

    /// A long member (8 characters or more) with one character dropped,
    /// added or wrong, first and last kept; shorter members are never read
    /// as garbled.
    #[test]
    fn only_long_members_are_read_garbled() {
        let l = list("两个", &["坚持社会主义道路", "政治意识"]);
        assert_eq!(
            item(&l, "坚持社会主道路，"),
            Some(("坚持社会主道路".into(), Item::Garbled(0)))
        );
        assert_eq!(
            item(&l, "坚持社会主义的道路，").map(|x| x.1),
            Some(Item::Member(0)),
            "an inserted 的 is dropped before"
        );
        assert_eq!(
            item(&l, "坚持社会主义大道路，"),
            Some(("坚持社会主义大道路".into(), Item::Garbled(0)))
        );
        assert_eq!(
            item(&l, "坚持社会注义道路，"),
            Some(("坚持社会注义道路".into(), Item::Garbled(0)))
        );
        // The last character changed: no garble.
        assert_ne!(
            item(&l, "坚持社会主义道理，").map(|x| x.1),
            Some(Item::Garbled(0))
        );
        assert_ne!(item(&l, "政冶意识，").map(|x| x.1), Some(Item::Garbled(1)));
    }

    /// A list of long members found by their keys (道路自信 …), each key
    /// four characters into its member.
    fn keyed() -> List {
        let mut l = list(
            "四个自信",
            &[
                "始终坚定道路自信",
                "始终坚定理论自信",
                "始终坚定制度自信",
                "始终坚定文化自信",
            ],
        );
        l.keys = ["道路自信", "理论自信", "制度自信", "文化自信"]
            .iter()
            .map(|k| (k.to_string(), 4))
            .collect();
        l
    }

    fn run_keyed(l: &List, text: &str) -> Vec<(String, String)> {
        let n = Normal::new(text, 0..text.len());
        let keys: Vec<(usize, usize, usize)> = l
            .keys
            .iter()
            .enumerate()
            .flat_map(|(m, (k, _))| {
                n.text
                    .match_indices(k.as_str())
                    .map(move |(i, _)| (i, i + k.len(), m))
            })
            .collect();
        l.check_keyed(&n, keys)
            .into_iter()
            .map(|(r, d)| (n.text[r].to_string(), d))
            .collect()
    }

    /// Keys within KEY_GAP characters of each other, no sentence end
    /// between, are one enumeration, reported from the first key to the
    /// last; judged and told as enumerations are.
    #[test]
    fn keys_close_together_are_one_enumeration() {
        let l = keyed();
        let [a, b, c, d] = [
            "始终坚定道路自信",
            "始终坚定理论自信",
            "始终坚定制度自信",
            "始终坚定文化自信",
        ];
        assert!(run_keyed(&l, &format!("{a}、{b}、{c}、{d}")).is_empty());
        assert_eq!(
            run_keyed(&l, &format!("{a}、{b}、{c}")),
            [(
                format!("道路自信、{b}、{c}"),
                "缺少“始终坚定文化自信”".to_string()
            )]
        );
        assert_eq!(
            run_keyed(&l, &format!("{a}、{b}、{d}、{c}"))[0].1,
            "顺序不对"
        );
        // 40 characters between two keys: still one; 41: two, neither
        // judged on its own.
        let gap = |n: usize| "甲".repeat(n);
        let joined = format!("{a}、{b}{}制度自信", gap(40));
        assert_eq!(run_keyed(&l, &joined).len(), 1, "{joined}");
        let apart = format!("{a}、{b}{}制度自信", gap(41));
        assert!(run_keyed(&l, &apart).is_empty());
        // A sentence end between: two.
        let split = format!("{a}、{b}。{c}");
        assert!(run_keyed(&l, &split).is_empty());
    }

    /// A member written twice in a row is no disorder: the order is
    /// wrong only when a member comes after a later one.
    #[test]
    fn a_member_repeated_in_place_is_not_out_of_order() {
        let l = four();
        assert!(run(&l, "政治意识、大局意识、大局意识、核心意识、看齐意识").is_empty());
        assert_eq!(
            run(&l, "政治意识、核心意识、大局意识、看齐意识"),
            vec!["顺序不对"]
        );
    }
}
