//! Configuration: the embedded default rule set, the user's
//! `critique-lint.yaml` (found by walking up from the working directory),
//! and the merge of the two.

mod spec;
pub mod yaml;

pub use spec::{
    ListFormulation, Params, PatternSpec, PhraseFormulation, RuleOverride, RuleSetting, RuleSpec,
    Severity,
};

use crate::crossdoc::{CopyOverride, CopySpec};
use crate::links::{LinkOverride, LinkSpec};
use crate::outline::SectionKeywords;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The default rule sets, embedded so the binary works with no files around.
pub const DEFAULT_RULE_FILES: &[(&str, &str)] = &[
    (
        "rules/structure.yaml",
        include_str!("../../rules/structure.yaml"),
    ),
    (
        "rules/typography.yaml",
        include_str!("../../rules/typography.yaml"),
    ),
    (
        "rules/wording.yaml",
        include_str!("../../rules/wording.yaml"),
    ),
    (
        "rules/correspondence.yaml",
        include_str!("../../rules/correspondence.yaml"),
    ),
    (
        "rules/copying.yaml",
        include_str!("../../rules/copying.yaml"),
    ),
];

const COPYING_FILE: (&str, &str) = (
    "rules/fingerprints.yaml",
    include_str!("../../rules/fingerprints.yaml"),
);

/// Reference texts built into the binary: widely circulated templates.
pub const BUILTIN_REFERENCES: &[(&str, &str)] = &[(
    "<内置范文>/seed-2023-template.txt",
    include_str!("../../corpus/references/seed-2023-template.txt"),
)];

const LINKS_FILE: (&str, &str) = ("rules/links.yaml", include_str!("../../rules/links.yaml"));

const OUTLINE_FILE: (&str, &str) = (
    "rules/outline.yaml",
    include_str!("../../rules/outline.yaml"),
);

pub const CONFIG_NAMES: &[&str] = &["critique-lint.yaml", ".critique-lint.yaml"];

/// A configuration problem, always with the file and position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ConfigError {}

/// A YAML file the configuration was read from, kept to locate later errors.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    pub path: String,
    pub text: String,
}

impl ConfigFile {
    pub fn error_at(&self, key: &str, message: impl Into<String>) -> ConfigError {
        let (line, column) = yaml::locate(&self.text, key);
        ConfigError {
            path: self.path.clone(),
            line,
            column,
            message: message.into(),
        }
    }
}

/// A rule instance with the file that defined or last changed it.
#[derive(Debug, Clone)]
pub struct RuleEntry {
    pub spec: RuleSpec,
    /// The rule set it belongs to: its file's name (structure, wording…).
    pub group: String,
    /// Index into [`Config::files`].
    pub file: usize,
    /// The key to point at when this rule is reported as wrong.
    pub anchor: String,
}

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Enabled rules, in rule-file order.
    pub rules: Vec<RuleEntry>,
    /// Ids of every defined rule, enabled or not (for --select/--ignore).
    pub known_ids: Vec<String>,
    pub keywords: SectionKeywords,
    /// The model that pairs problems and causes with measures.
    pub links: LinkSpec,
    /// Settings of the cross-document stage.
    pub copying: CopySpec,
    /// Reference texts (files or folders) from the config, resolved.
    pub references: Vec<PathBuf>,
    /// Whether the built-in reference templates are used.
    pub builtin_references: bool,
    /// Rules or groups to run (all when empty) and to skip.
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// Glob of paths → rules or groups not reported for them.
    pub per_file_ignores: Vec<(String, Vec<String>)>,
    /// Extra words for the segmenter.
    pub dictionary: Vec<String>,
    pub fail_on: Option<Severity>,
    /// The user config file in use, if any.
    pub user_file: Option<PathBuf>,
    pub files: Vec<ConfigFile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct UserConfig {
    #[serde(default)]
    rules: BTreeMap<String, RuleSetting>,
    #[serde(default)]
    extend_rules: Vec<PathBuf>,
    #[serde(default)]
    dictionary: Vec<String>,
    fail_on: Option<Severity>,
    links: Option<LinkOverride>,
    copying: Option<CopyOverride>,
    #[serde(default)]
    references: Vec<PathBuf>,
    builtin_references: Option<bool>,
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    per_file_ignores: BTreeMap<String, Vec<String>>,
}

impl Config {
    /// Defaults plus the user's config: `explicit`, else one found by
    /// walking up from `cwd`.
    pub fn load(explicit: Option<&Path>, cwd: &Path) -> Result<Config, ConfigError> {
        let mut config = Config::defaults()?;
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => discover(cwd),
        };
        if let Some(path) = path {
            config.apply_user_file(&path)?;
        }
        Ok(config)
    }

    /// Only the embedded defaults.
    pub fn defaults() -> Result<Config, ConfigError> {
        let mut files = Vec::new();
        let mut rules = Vec::new();
        for (path, text) in DEFAULT_RULE_FILES {
            files.push(ConfigFile {
                path: path.to_string(),
                text: text.to_string(),
            });
            let specs: Vec<RuleSpec> = yaml::parse(text, path)?;
            let file = files.len() - 1;
            add_rules(&mut rules, specs, file, &files[file])?;
        }
        let keywords = yaml::parse(OUTLINE_FILE.1, OUTLINE_FILE.0)?;
        let links = yaml::parse(LINKS_FILE.1, LINKS_FILE.0)?;
        let copying = yaml::parse(COPYING_FILE.1, COPYING_FILE.0)?;
        Ok(Config {
            known_ids: rules.iter().map(|r| r.spec.id.clone()).collect(),
            rules,
            keywords,
            links,
            copying,
            references: Vec::new(),
            builtin_references: true,
            select: Vec::new(),
            ignore: Vec::new(),
            per_file_ignores: Vec::new(),
            dictionary: Vec::new(),
            fail_on: None,
            user_file: None,
            files,
        })
    }

    fn apply_user_file(&mut self, path: &Path) -> Result<(), ConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: name.clone(),
            line: 1,
            column: 1,
            message: format!("无法读取配置文件：{e}"),
        })?;
        let user: UserConfig = if text.trim().is_empty() {
            UserConfig::default()
        } else {
            yaml::parse(&text, &name)?
        };
        self.files.push(ConfigFile { path: name, text });
        let user_index = self.files.len() - 1;
        let base = path.parent().unwrap_or(Path::new("."));
        for extra in &user.extend_rules {
            let full = base.join(extra);
            let extra_name = full.display().to_string();
            let text = std::fs::read_to_string(&full).map_err(|e| {
                self.files[user_index].error_at(
                    &extra.display().to_string(),
                    format!("无法读取规则文件 {extra_name}：{e}"),
                )
            })?;
            let specs: Vec<RuleSpec> = yaml::parse(&text, &extra_name)?;
            self.files.push(ConfigFile {
                path: extra_name,
                text,
            });
            let file = self.files.len() - 1;
            add_rules(&mut self.rules, specs, file, &self.files[file])?;
        }
        self.known_ids = self.rules.iter().map(|r| r.spec.id.clone()).collect();
        for (id, setting) in user.rules {
            let Some(pos) = self.rules.iter().position(|r| r.spec.id == id) else {
                return Err(self.files[user_index].error_at(&id, format!("未知的规则 `{id}`")));
            };
            match setting {
                RuleSetting::Off => {
                    self.rules.remove(pos);
                }
                RuleSetting::On(o) => {
                    let entry = &mut self.rules[pos];
                    if o.params.is_some() || o.severity.is_some() || o.scope.is_some() {
                        entry.file = user_index;
                        entry.anchor = id.clone();
                    }
                    entry.spec = o.apply(entry.spec.clone());
                }
            }
        }
        if let Some(o) = user.links {
            o.apply(&mut self.links);
        }
        if let Some(o) = user.copying {
            o.apply(&mut self.copying);
        }
        self.references
            .extend(user.references.iter().map(|r| base.join(r)));
        self.builtin_references = user.builtin_references.unwrap_or(self.builtin_references);
        let user_file = &self.files[user_index];
        for name in user
            .select
            .iter()
            .chain(&user.ignore)
            .chain(user.per_file_ignores.values().flatten())
        {
            if self.resolve(std::slice::from_ref(name)).is_err() {
                return Err(user_file.error_at(name, format!("未知的规则或规则组 `{name}`")));
            }
        }
        for glob in user.per_file_ignores.keys() {
            if let Err(e) = globset::Glob::new(glob) {
                return Err(user_file.error_at(glob, format!("路径模式 `{glob}` 无效：{e}")));
            }
        }
        self.select = user.select;
        self.ignore = user.ignore;
        self.per_file_ignores = user.per_file_ignores.into_iter().collect();
        self.dictionary.extend(user.dictionary);
        self.fail_on = user.fail_on.or(self.fail_on);
        self.user_file = Some(path.to_path_buf());
        Ok(())
    }
}

impl Config {
    /// Rule ids named by `names`: ids themselves or groups (structure,
    /// typography, wording, correspondence, copying, or an extend-rules
    /// file's name). An unknown name is an error.
    pub fn resolve(&self, names: &[String]) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for name in names {
            if self.known_ids.contains(name) {
                out.push(name.clone());
                continue;
            }
            let group: Vec<String> = self
                .rules
                .iter()
                .filter(|r| &r.group == name)
                .map(|r| r.spec.id.clone())
                .collect();
            if group.is_empty() {
                return Err(format!(
                    "未知的规则或规则组 `{name}`（`critique-lint rules` 列出所有规则）"
                ));
            }
            out.extend(group);
        }
        Ok(out)
    }

    /// Phrases of the `formulation` rules (their members and complete forms):
    /// official wording every report may share.
    pub fn formulation_phrases(&self) -> Vec<String> {
        let mut out = Vec::new();
        for r in self.rules.iter().filter(|r| r.spec.kind == "formulation") {
            for l in r.spec.params.lists.iter().flatten() {
                out.push(l.members.join(""));
            }
            for p in r.spec.params.phrases.iter().flatten() {
                out.extend(p.accepted.iter().cloned());
            }
        }
        out
    }

    /// An error in the `links:` settings, pointed at the file that set them.
    pub fn error_in_links(&self, message: String) -> ConfigError {
        let file = self
            .files
            .iter()
            .rev()
            .find(|f| f.text.contains("links:"))
            .map_or(LINKS_FILE.0.to_string(), |f| f.path.clone());
        let text = self
            .files
            .iter()
            .find(|f| f.path == file)
            .map_or(LINKS_FILE.1, |f| f.text.as_str());
        let (line, column) = yaml::locate(text, "links");
        ConfigError {
            path: file,
            line,
            column,
            message: format!("links：{message}"),
        }
    }
}

fn add_rules(
    rules: &mut Vec<RuleEntry>,
    specs: Vec<RuleSpec>,
    file: usize,
    source: &ConfigFile,
) -> Result<(), ConfigError> {
    for spec in specs {
        if !is_kebab(&spec.id) {
            return Err(source.error_at(
                &spec.id,
                format!("规则 id `{}` 须为英文 kebab-case", spec.id),
            ));
        }
        if rules.iter().any(|r| r.spec.id == spec.id) {
            return Err(source.error_at(&spec.id, format!("规则 `{}` 重复定义", spec.id)));
        }
        rules.push(RuleEntry {
            group: std::path::Path::new(&source.path)
                .file_stem()
                .map_or(String::new(), |s| s.to_string_lossy().into_owned()),
            anchor: spec.id.clone(),
            spec,
            file,
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

/// `critique-lint.yaml` in `dir` or the nearest parent that has one.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .flat_map(|d| CONFIG_NAMES.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<Config, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("critique-lint.yaml");
        std::fs::write(&path, text).unwrap();
        Config::load(Some(&path), dir.path())
    }

    #[test]
    fn defaults_parse() {
        let c = Config::defaults().unwrap();
        assert!(c.rules.iter().any(|r| r.spec.id == "numbering"));
    }

    #[test]
    fn rules_can_be_turned_off_and_overridden() {
        let c =
            load_text("rules:\n  numbering: off\n  vague-wording:\n    severity: error\n").unwrap();
        assert!(!c.rules.iter().any(|r| r.spec.id == "numbering"));
        let v = c
            .rules
            .iter()
            .find(|r| r.spec.id == "vague-wording")
            .unwrap();
        assert_eq!(v.spec.severity, Severity::Error);
    }

    #[test]
    fn errors_carry_line_and_column() {
        let e = load_text("rules:\n  numbering:\n    severty: error\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 5), "{e}");
        assert!(e.message.contains("severty"), "{e}");
        let e = load_text("rules:\n  no-such-rule: off\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));
        let e = load_text("rules:\n  numbering: maybe\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        let e = load_text("colour: red\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 1), "{e}");
    }
}
