//! Rule instances: their shape in a rule file, a user's overrides, and
//! building them with the kinds of `rules` and `crossdoc`.

use super::yaml::{self, ConfigFile, Mapping, Place, Value};
use super::{key, ConfigError, Layered};
use crate::archive::{ArchiveKind, ArchiveRules};
use crate::crossdoc::{CrossKind, CrossRules};
use crate::diagnostic::Severity;
use crate::outline::SectionKind;
use crate::rules::{self, BuildError, Meta, Rule};
use crate::settings::Seg;
use serde::Deserialize;

/// One rule as a rule file writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RuleDef {
    /// Public, stable id in kebab-case.
    id: String,
    /// The Rust rule kind that runs it.
    kind: String,
    severity: Severity,
    /// Section kinds the rule looks at; empty means the whole document.
    #[serde(default)]
    scope: Vec<SectionKind>,
    /// One line for `critique-lint rules`.
    summary: String,
    /// Message template; `{match}` and kind-specific fields are filled in.
    message: String,
    explanation: String,
    bad: String,
    good: String,
    /// The kind's parameters (its `Params`), read when the rule is built.
    #[serde(default)]
    params: Mapping,
}

/// A rule instance after the user's overrides.
#[derive(Debug, Clone)]
pub(crate) struct RuleEntry {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) severity: Severity,
    pub(crate) scope: Vec<SectionKind>,
    pub(crate) summary: String,
    pub(crate) message: String,
    pub(crate) explanation: String,
    pub(crate) bad: String,
    pub(crate) good: String,
    params: Layered,
    /// The rule set it belongs to: its file's name (structure, wording…).
    pub(crate) group: String,
    /// Where the rule is defined.
    at: Place,
}

/// Adds the rules of rule file `file`.
pub(super) fn add_rules(
    rules: &mut Vec<RuleEntry>,
    file: usize,
    files: &[ConfigFile],
) -> Result<(), ConfigError> {
    add_defs(rules, file, files, read_defs(file, files)?)
}

/// The rules rule file `file` defines, as written.
pub(super) fn read_defs(file: usize, files: &[ConfigFile]) -> Result<Vec<RuleDef>, ConfigError> {
    // An embedded file, checked when it was built, is read straight into
    // rules; only a failure takes the way below, which names the place.
    if let Some(defs) = files[file]
        .json
        .and_then(|json| serde_json::from_str(json).ok())
    {
        return Ok(defs);
    }
    match files[file].parse()? {
        Value::Null => Ok(Vec::new()),
        value => yaml::read(value, &Place::new(file, Vec::new()), files),
    }
}

/// Adds `defs`, the rules of rule file `file`.
pub(super) fn add_defs(
    rules: &mut Vec<RuleEntry>,
    file: usize,
    files: &[ConfigFile],
    defs: Vec<RuleDef>,
) -> Result<(), ConfigError> {
    let root = Place::new(file, Vec::new());
    let group = std::path::Path::new(&files[file].path)
        .file_stem()
        .map_or(String::new(), |s| s.to_string_lossy().into_owned());
    for (i, def) in defs.into_iter().enumerate() {
        let at = root.join(&[Seg::Index(i)]);
        let id_at = at.join(&[key("id")]);
        if !is_kebab(&def.id) {
            return Err(files[file].error(
                &id_at.path,
                false,
                format!("规则 id `{}` 须为英文 kebab-case", def.id),
            ));
        }
        if rules.iter().any(|r| r.id == def.id) {
            return Err(files[file].error(
                &id_at.path,
                false,
                format!("规则 `{}` 重复定义", def.id),
            ));
        }
        rules.push(RuleEntry {
            id: def.id,
            kind: def.kind,
            severity: def.severity,
            scope: def.scope,
            summary: def.summary,
            message: def.message,
            explanation: def.explanation,
            bad: def.bad,
            good: def.good,
            params: Layered::new(def.params, at.join(&[key("params")])),
            group: group.clone(),
            at,
        });
    }
    Ok(())
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// What a user's config may change of a rule.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleOverride {
    severity: Option<Severity>,
    scope: Option<Vec<SectionKind>>,
    message: Option<String>,
    params: Option<Mapping>,
}

/// Applies the user's `rules: {id: setting}` entry, written at `at`:
/// `off`, `on`, or a map of overrides (params keys replace the rule's).
pub(super) fn apply_override(
    rules: &mut Vec<RuleEntry>,
    id: &str,
    setting: Value,
    at: &Place,
    files: &[ConfigFile],
) -> Result<(), ConfigError> {
    let file = &files[at.file];
    let Some(pos) = rules.iter().position(|r| r.id == id) else {
        return Err(file.error(&at.path, true, format!("未知的规则 `{id}`")));
    };
    let o: RuleOverride = match setting {
        // YAML 1.1 readers may turn a bare off into false.
        Value::String(s) if s == "off" => {
            rules.remove(pos);
            return Ok(());
        }
        Value::Bool(false) => {
            rules.remove(pos);
            return Ok(());
        }
        Value::String(s) if s == "on" => return Ok(()),
        Value::Bool(true) => return Ok(()),
        Value::Mapping(m) => yaml::read(Value::Mapping(m), at, files)?,
        other => {
            let shown = serde_yaml::to_string(&other).unwrap_or_default();
            return Err(file.error(
                &at.path,
                false,
                format!(
                    "{}: invalid value: {}, expected `off`, `on` or a map of overrides (severity, scope, message, params)",
                    yaml::dotted(&at.path),
                    shown.trim()
                ),
            ));
        }
    };
    let entry = &mut rules[pos];
    if let Some(s) = o.severity {
        entry.severity = s;
    }
    if let Some(s) = o.scope {
        entry.scope = s;
    }
    if let Some(m) = o.message {
        entry.message = m;
    }
    if let Some(p) = o.params {
        entry.params.overlay(p, at.join(&[key("params")]));
    }
    Ok(())
}

/// The built rules of a configuration.
pub(crate) struct RuleSet {
    pub(crate) document: Vec<Box<dyn Rule>>,
    pub(crate) cross: CrossRules,
    /// Run only when a check is given an archive.
    pub(crate) archive: ArchiveRules,
}

/// Builds one rule from its entry and a parameter map (the entry's own, or
/// a variant of it).
fn build_entry(
    e: &RuleEntry,
    params: Value,
    set: &mut RuleSet,
    files: &[ConfigFile],
) -> Result<(), ConfigError> {
    let meta = Meta {
        id: e.id.as_str().into(),
        severity: e.severity,
        scope: e.scope.clone(),
        message: e.message.clone(),
    };
    let mut track = serde_path_to_error::Track::new();
    let de = serde_path_to_error::Deserializer::new(params, &mut track);
    let mut params = <dyn erased_serde::Deserializer>::erase(de);
    let built = if let Some(kind) = rules::kind(&e.kind) {
        kind.build(meta, &mut params)
            .map(|rule| set.document.push(rule))
    } else if let Some(kind) = CrossKind::named(&e.kind) {
        set.cross.add(kind, meta, &mut params)
    } else if let Some(kind) = ArchiveKind::named(&e.kind) {
        set.archive.add(kind, meta, &mut params)
    } else {
        let known: Vec<&str> = rules::KINDS
            .iter()
            .map(|k| k.name)
            .chain([
                "whole-copy",
                "shared-passage",
                "template-copy",
                "repeated-passage",
            ])
            .chain(ArchiveKind::NAMES.iter().copied())
            .collect();
        let kind_at = e.at.join(&[key("kind")]);
        return Err(files[kind_at.file].error(
            &kind_at.path,
            false,
            format!(
                "规则 `{}` 的类型 `{}` 不存在（可用：{}）",
                e.id,
                e.kind,
                known.join(", ")
            ),
        ));
    };
    match built {
        Ok(()) => Ok(()),
        Err(BuildError::Params(err)) => {
            let failure = yaml::Failure::new(track.path(), err.to_string());
            if let Some(field) = failure.unknown_key() {
                let mut at = e.params.place(failure.path());
                at.path.push(Seg::Key(field.clone()));
                return Err(files[at.file].error(
                    &at.path,
                    true,
                    format!("规则 `{}`（类型 {}）不接受参数 `{field}`", e.id, e.kind),
                ));
            }
            let mut located = failure.locate(|p| e.params.place(p), files);
            located.message = format!("规则 `{}`：{}", e.id, located.message);
            Err(located)
        }
        Err(BuildError::Invalid(invalid)) => {
            Err(e
                .params
                .invalid(&invalid, &format!("规则 `{}`：", e.id), files))
        }
    }
}

pub(super) fn build(entries: &[RuleEntry], files: &[ConfigFile]) -> Result<RuleSet, ConfigError> {
    use rayon::prelude::*;
    let empty = || RuleSet {
        document: Vec::new(),
        cross: CrossRules::default(),
        archive: ArchiveRules::default(),
    };
    // Compiling the per-document rules' expressions and automata is most of
    // a one-report run's start-up, and each is independent: built side by
    // side, then taken in entry order (so the first error is the same).
    let mut document: Vec<Option<Result<RuleSet, ConfigError>>> = entries
        .par_iter()
        .map(|e| {
            rules::kind(&e.kind).map(|_| {
                let mut one = empty();
                build_entry(e, e.params.value(), &mut one, files).map(|()| one)
            })
        })
        .collect();
    let mut set = empty();
    for (e, built) in entries.iter().zip(&mut document) {
        match built.take() {
            Some(one) => set.document.append(&mut one?.document),
            None => build_entry(e, e.params.value(), &mut set, files)?,
        }
    }
    Ok(set)
}

/// One entry of a list parameter left out: what was removed, and the rule
/// built without it (data ablation: every entry must matter somewhere).
#[cfg(test)]
pub(crate) struct Ablation {
    pub(crate) entry: String,
    pub(crate) rule: Box<dyn Rule>,
}

#[cfg(test)]
impl RuleEntry {
    /// Variants of this per-document rule, each without one entry of one
    /// list parameter (a string parameter counts as a list of characters).
    pub(crate) fn ablations(&self, files: &[ConfigFile]) -> Vec<Ablation> {
        let Value::Mapping(params) = self.params.value() else {
            return Vec::new();
        };
        let mut variants_all = Vec::new();
        for (k, v) in &params {
            let name = k.as_str().unwrap_or("?");
            let variants: Vec<(String, Value)> = match v {
                Value::Sequence(items) => (0..items.len())
                    .map(|i| {
                        let mut rest = items.clone();
                        let gone = rest.remove(i);
                        let shown = serde_yaml::to_string(&gone).unwrap_or_default();
                        (shown.trim().replace('\n', " "), Value::Sequence(rest))
                    })
                    .collect(),
                Value::String(chars) if name != "items" && !name.starts_with("message") => chars
                    .char_indices()
                    .map(|(i, c)| {
                        let rest = format!("{}{}", &chars[..i], &chars[i + c.len_utf8()..]);
                        (c.to_string(), Value::String(rest))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            for (entry, value) in variants {
                let mut p = params.clone();
                p.insert(k.clone(), value);
                variants_all.push((format!("{}.{name}: {entry}", self.id), p));
            }
        }
        // Thousands of variants (one per typo pair): built side by side.
        use rayon::prelude::*;
        variants_all
            .into_par_iter()
            .filter_map(|(entry, p)| {
                let mut set = RuleSet {
                    document: Vec::new(),
                    cross: CrossRules::default(),
                    archive: ArchiveRules::default(),
                };
                // A list left empty may be refused (words must not be empty):
                // then the entry is needed by definition.
                build_entry(self, Value::Mapping(p), &mut set, files).ok()?;
                let rule = set.document.pop()?;
                Some(Ablation { entry, rule })
            })
            .collect()
    }
}
