//! Rule instances as data: what a YAML rule file says about one rule.

use crate::outline::SectionKind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

/// One rule instance. Rule *kinds* are Rust code; this is everything else.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleSpec {
    /// Public, stable id in kebab-case.
    pub id: String,
    /// The Rust rule kind that runs it.
    pub kind: String,
    pub severity: Severity,
    /// Section kinds the rule looks at; empty means the whole document.
    #[serde(default)]
    pub scope: Vec<SectionKind>,
    /// One line for `critique-lint rules`.
    pub summary: String,
    /// Message template; `{match}` and kind-specific fields are filled in.
    pub message: String,
    pub explanation: String,
    pub bad: String,
    pub good: String,
    #[serde(default)]
    pub params: Params,
}

/// The parameters of every rule kind. Each kind reads the fields it needs
/// and rejects the others, so a typo in a user's override is an error.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    /// word-list: words and phrases matched on token boundaries.
    pub words: Option<Vec<String>>,
    /// pattern: regular expressions.
    pub patterns: Option<Vec<PatternSpec>>,
    /// missing-section: the parts a report must have.
    pub required: Option<Vec<SectionKind>>,
    /// section-order: the usual order of parts.
    pub order: Option<Vec<SectionKind>>,
    /// formulation: enumerations with fixed members (四个意识 …).
    pub lists: Option<Vec<ListFormulation>>,
    /// formulation: fixed phrases (两个维护 …).
    pub phrases: Option<Vec<PhraseFormulation>>,
    /// punctuation: half-width marks that must not stand between Chinese characters.
    pub half_width: Option<String>,
    /// punctuation: bracket and quote pairs that must balance, e.g. "“”".
    pub pairs: Option<Vec<String>>,
    /// punctuation: marks that must not be doubled.
    pub doubled: Option<String>,
    /// unaddressed, vague-item: which items the rule looks at.
    pub items: Option<SectionKind>,
    /// unaddressed, orphan-measure: similarity a measure must reach
    /// (default: `links.threshold`).
    pub threshold: Option<f64>,
    /// vague-item: patterns any one of which makes an item concrete.
    pub evidence: Option<Vec<String>>,
    /// shared-passage, template-copy, repeated-passage: shortest passage
    /// reported, in characters (default: `copying.guarantee`).
    pub min_chars: Option<usize>,
}

macro_rules! params_fields {
    ($mac:ident) => {
        $mac!(
            words, patterns, required, order, lists, phrases, half_width, pairs, doubled, items,
            threshold, evidence, min_chars
        )
    };
}

impl Params {
    /// Fields set here replace those of `base`.
    pub fn over(self, base: Params) -> Params {
        macro_rules! merge {
            ($($f:ident),*) => { Params { $($f: self.$f.or(base.$f)),* } };
        }
        params_fields!(merge)
    }

    /// Names (as written in YAML) of the fields that are set.
    pub fn set_fields(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        macro_rules! collect {
            ($($f:ident),*) => { $(if self.$f.is_some() { out.push(stringify!($f)); })* };
        }
        params_fields!(collect);
        out.into_iter().map(kebab).collect()
    }
}

fn kebab(name: &'static str) -> &'static str {
    match name {
        "half_width" => "half-width",
        "min_chars" => "min-chars",
        other => other,
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    pub regex: String,
    /// What the match is, for the message's `{what}`.
    pub what: String,
    /// A character class the character before the match must belong to:
    /// a look-behind, so the regex itself can start with a literal that the
    /// engine finds fast.
    pub before: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListFormulation {
    /// 四个意识
    pub name: String,
    /// In canonical order.
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseFormulation {
    pub name: String,
    /// Text that shows the writer is quoting this formulation.
    pub stem: String,
    /// Complete forms; each contains the stem.
    pub accepted: Vec<String>,
}

/// What a user's config says about one rule: `off`, or overrides.
#[derive(Debug, Clone)]
pub enum RuleSetting {
    Off,
    On(Box<RuleOverride>),
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleOverride {
    pub severity: Option<Severity>,
    pub scope: Option<Vec<SectionKind>>,
    pub message: Option<String>,
    pub params: Option<Params>,
}

impl RuleOverride {
    pub fn apply(self, mut spec: RuleSpec) -> RuleSpec {
        if let Some(s) = self.severity {
            spec.severity = s;
        }
        if let Some(s) = self.scope {
            spec.scope = s;
        }
        if let Some(m) = self.message {
            spec.message = m;
        }
        if let Some(p) = self.params {
            spec.params = p.over(spec.params);
        }
        spec
    }
}

// `off` or a map; a hand-written visitor keeps serde_yaml's error positions
// (an untagged enum would lose them).
impl<'de> Deserialize<'de> for RuleSetting {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RuleSetting;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`off`, `on` or a map of overrides (severity, scope, message, params)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RuleSetting, E> {
                match v {
                    "off" => Ok(RuleSetting::Off),
                    "on" => Ok(RuleSetting::On(Box::default())),
                    _ => Err(E::invalid_value(serde::de::Unexpected::Str(v), &self)),
                }
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<RuleSetting, E> {
                // YAML 1.1 readers may turn a bare off into false.
                Ok(if v {
                    RuleSetting::On(Box::default())
                } else {
                    RuleSetting::Off
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RuleSetting, A::Error> {
                RuleOverride::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|o| RuleSetting::On(Box::new(o)))
            }
        }
        d.deserialize_any(V)
    }
}
