//! The formulation database as written in YAML (lists, phrases, names,
//! patterns), checked and compiled into what the rule matches.

use super::lists::List;
use super::normal::normalize;
use crate::settings::Invalid;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct PatternSpec {
    pub(super) name: String,
    /// Matched on the text as the lists read it: without 的, quotes and
    /// spaces, every clause mark written 、. A group named `wrong` is the
    /// part reported and replaced; the rest of the match is context (the
    /// regex crate has no look-behind).
    pub(super) wrong: String,
    /// The right wording, with the groups of `wrong` ($1, ${2}).
    pub(super) right: String,
    #[serde(default)]
    #[allow(dead_code)]
    pub(super) source: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct NameSpec {
    /// 十个明确: a number, a measure word, two or more characters.
    pub(super) name: String,
    /// The name with another number that is a formulation of its own
    /// (八个明确, the wording before 2021).
    #[serde(default)]
    pub(super) also_real: Vec<String>,
    /// The name with another number that was right until a year, by the
    /// year (八个明确 until the sixth plenum of late 2021 made it 十个明确).
    #[serde(default)]
    pub(super) real_until: BTreeMap<String, i32>,
    #[serde(default)]
    #[allow(dead_code)]
    pub(super) source: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct ListSpec {
    /// 四个意识
    pub(super) name: String,
    /// Other names of the same list (六项纪律 for 六大纪律).
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    /// In canonical order.
    pub(super) members: Vec<String>,
    /// Other accepted wordings of a member (besides an inserted 的 and
    /// other clause marks, always accepted).
    #[serde(default)]
    pub(super) variants: BTreeMap<String, Vec<String>>,
    /// Variants right only in reports up to a year, by the year: 全面建成
    /// 小康社会 in 四个全面, until the fifth plenum of late 2020 made it
    /// 全面建设社会主义现代化国家.
    #[serde(default)]
    pub(super) variants_until: BTreeMap<String, i32>,
    /// For long members: one phrase per member that shows it is quoted.
    #[serde(default)]
    pub(super) keys: Vec<String>,
    /// Whether the members are always quoted in this order.
    #[serde(default = "yes")]
    pub(super) ordered: bool,
    /// The members are common words (创新, 协调): judge an enumeration only
    /// where it names the list.
    #[serde(default)]
    pub(super) named_only: bool,
    /// The number in the name is the list's own: the name quoted with
    /// another number (“三个自信”) is wrong. Not for names whose other
    /// numbers name something else (三个务必 and 两个务必, 六大纪律 and
    /// 三大纪律, 五个必须 and 安全生产“三个必须”).
    #[serde(default)]
    pub(super) number_fixed: bool,
    /// Where the wording comes from (documentation only).
    #[serde(default)]
    #[allow(dead_code)]
    pub(super) source: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct PhraseSpec {
    pub(super) name: String,
    /// Text that shows the writer is quoting this formulation; without it,
    /// only garbled complete forms are found.
    #[serde(default)]
    pub(super) stem: Option<String>,
    /// Complete forms; each contains the stem. The first is the canonical.
    pub(super) accepted: Vec<String>,
    /// Wordings that are always wrong: this formulation's words attached
    /// to another one (领悟“两个维护”的决定性意义 for “两个确立”).
    #[serde(default)]
    pub(super) wrong: Vec<String>,
    /// Wordings right only in reports up to a year, by the year: wrong
    /// after it (德智体美全面发展, until 劳 was added in 2018).
    #[serde(default)]
    pub(super) right_until: BTreeMap<String, i32>,
    #[serde(default)]
    #[allow(dead_code)]
    pub(super) source: Option<String>,
}

pub(super) fn yes() -> bool {
    true
}

pub(super) fn validate_list(l: &ListSpec) -> Result<(), Invalid> {
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

pub(super) fn validate_name(nm: &NameSpec) -> Result<(), Invalid> {
    let others = renumbered(&nm.name);
    if others.is_empty() {
        return Err(Invalid::in_field(
            "name",
            format!("`{}` 不是“数字+量词+名称”形式（如“十个明确”）", nm.name),
        ));
    }
    if let Some(o) = nm.real_until.keys().find(|o| !others.contains(o)) {
        return Err(Invalid::in_field(
            "real-until",
            format!("`{o}` 不是 `{}` 换了数字的写法", nm.name),
        ));
    }
    Ok(())
}

pub(super) fn validate_phrase(p: &PhraseSpec) -> Result<(), Invalid> {
    if p.accepted.is_empty() || p.accepted.iter().any(|a| normalize(a).is_empty()) {
        return Err(Invalid::in_field(
            "accepted",
            format!("提法 `{}` 至少要有一个完整形式，且不能为空", p.name),
        ));
    }
    if let Some(k) = p.wrong.iter().position(|w| normalize(w).is_empty()) {
        return Err(Invalid::in_field("wrong", "错误写法不能为空").at(k));
    }
    if let Some(w) = p.right_until.keys().find(|w| normalize(w).is_empty()) {
        return Err(Invalid::in_field(
            "right-until",
            format!("提法 `{}` 的过时写法 `{w}` 不能为空", p.name),
        ));
    }
    if let Some(w) = p.wrong.iter().chain(p.right_until.keys()).find(|w| {
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

pub(super) fn compile_list(mut l: ListSpec) -> List {
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
        suffix: super::lists::common_suffix(&normalized),
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

/// The numbers a name like 四个自信 or 十三个方面成就 (a number, a measure
/// word, two or more characters) may be miswritten with: the name with
/// each other number from two to nineteen.
pub(super) fn renumbered(name: &str) -> Vec<String> {
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
