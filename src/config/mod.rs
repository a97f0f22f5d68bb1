//! Configuration: the embedded defaults, the user's `critique-lint.yaml`
//! (found by walking up from the working directory) and its `extend-rules`
//! files, merged. Each stage owns its settings type (`LinkSpec`, `CopySpec`,
//! `SectionKeywords`, a rule kind's `Params`); this module reads the YAML,
//! layers the user's values over the defaults, builds the rules, and turns
//! any error into the file, line and column where the bad value was written.

mod rule_set;
mod yaml;

#[cfg(test)]
pub(crate) use rule_set::Ablation;
pub(crate) use rule_set::{RuleEntry, RuleSet};

use crate::crossdoc::CopySpec;
use crate::diagnostic::Severity;
use crate::links::LinkSpec;
use crate::outline::SectionKeywords;
use crate::settings::{count_in, Invalid, Seg};
use crate::source::Limits;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use yaml::{ConfigFile, Mapping, Place, Value};

/// An embedded rule file: its path, its YAML text (to place errors) and the
/// same values as JSON, parsed from the YAML by `build.rs` (much faster to read).
type Embedded = (&'static str, &'static str, &'static str);

macro_rules! embedded {
    ($name:literal) => {
        (
            concat!("rules/", $name, ".yaml"),
            include_str!(concat!("../../rules/", $name, ".yaml")),
            include_str!(concat!(env!("OUT_DIR"), "/rules/", $name, ".json")),
        )
    };
}

/// The default rule sets, embedded so the binary works with no files around.
const DEFAULT_RULE_FILES: &[Embedded] = &[
    embedded!("structure"),
    embedded!("typography"),
    embedded!("wording"),
    embedded!("typo"),
    embedded!("formulation"),
    embedded!("correspondence"),
    embedded!("substance"),
    embedded!("copying"),
    embedded!("archive"),
];

/// The copy stage's settings (`copying:`).
const COPYING_FILE: Embedded = embedded!("fingerprints");

const LINKS_FILE: Embedded = embedded!("links");

const OUTLINE_FILE: Embedded = embedded!("outline");

/// Reference texts built into the binary: widely circulated templates.
pub(crate) const BUILTIN_REFERENCES: &[(&str, &str)] = &[(
    "<内置范文>/seed-2023-template.txt",
    include_str!("../../corpus/references/seed-2023-template.txt"),
)];

const CONFIG_NAMES: &[&str] = &["critique-lint.yaml", ".critique-lint.yaml"];

/// A configuration problem, always with the file and position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// A name given to --select, --ignore or the config that is neither a rule
/// nor a group.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("未知的规则或规则组 `{0}`（`critique-lint rules` 列出所有规则）")]
pub struct UnknownRule(pub String);

/// A settings map layered from files: the defaults, then the user's keys
/// over them. Each key remembers where it was written, so an error in the
/// merged settings points into the file that set the bad value.
#[derive(Debug, Clone)]
pub(crate) struct Layered {
    map: Mapping,
    keys: BTreeMap<String, Place>,
    whole: Place,
}

impl Layered {
    pub(crate) fn new(map: Mapping, at: Place) -> Layered {
        let mut l = Layered {
            map: Mapping::new(),
            keys: BTreeMap::new(),
            whole: at.clone(),
        };
        l.overlay(map, at);
        l
    }

    /// The keys of `map`, written at `at`, replace those set so far.
    pub(crate) fn overlay(&mut self, map: Mapping, at: Place) {
        for (k, v) in map {
            if let Value::String(name) = &k {
                self.keys
                    .insert(name.clone(), at.join(&[Seg::Key(name.clone())]));
            }
            self.map.insert(k, v);
        }
    }

    /// Where the value at `path` (inside this map) was written.
    pub(crate) fn place(&self, path: &[Seg]) -> Place {
        match path.split_first() {
            Some((Seg::Key(k), rest)) if self.keys.contains_key(k) => self.keys[k].join(rest),
            _ => self.whole.join(path),
        }
    }

    pub(crate) fn value(&self) -> Value {
        Value::Mapping(self.map.clone())
    }

    /// Reads the merged map as `T`; errors point into the right file.
    pub(crate) fn read<T: serde::de::DeserializeOwned>(
        &self,
        files: &[ConfigFile],
    ) -> Result<T, ConfigError> {
        let mut track = serde_path_to_error::Track::new();
        let de = serde_path_to_error::Deserializer::new(self.value(), &mut track);
        T::deserialize(de).map_err(|e| {
            yaml::Failure::new(track.path(), e.to_string()).locate(|p| self.place(p), files)
        })
    }

    /// An error about a value these settings hold.
    pub(crate) fn invalid(&self, e: &Invalid, prefix: &str, files: &[ConfigFile]) -> ConfigError {
        let at = self.place(&e.field);
        files[at.file].error(&at.path, false, format!("{prefix}{}", e.message))
    }
}

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Enabled rules, in rule-file order.
    pub(crate) rules: Vec<RuleEntry>,
    /// Ids of every defined rule, enabled or not (for --select/--ignore).
    known_ids: Vec<String>,
    pub(crate) keywords: SectionKeywords,
    /// The model that pairs problems and causes with measures.
    pub(crate) links: LinkSpec,
    links_at: Layered,
    /// Settings of the cross-document stage.
    pub(crate) copying: CopySpec,
    copying_at: Layered,
    /// Reference texts (files or folders) from the config, resolved.
    pub(crate) references: Vec<PathBuf>,
    /// Whether the built-in reference templates are used.
    pub(crate) builtin_references: bool,
    /// Rules or groups to run (all when empty) and to skip.
    pub(crate) select: Vec<String>,
    pub(crate) ignore: Vec<String>,
    /// Paths (glob) → rules not reported for them.
    pub(crate) per_file_ignores: PerFileIgnores,
    /// Extra words for the segmenter.
    pub(crate) dictionary: Vec<String>,
    /// How much of an input is read.
    pub(crate) limits: Limits,
    pub(crate) fail_on: Option<Severity>,
    /// `archive:`: the archive file checks compare with (resolved).
    pub(crate) archive: Option<PathBuf>,
    /// `author-from:`: where in a file name the author's name is, when the
    /// report has no author line.
    pub(crate) author_from: Option<regex::Regex>,
    files: Vec<ConfigFile>,
}

/// `per-file-ignores`: globs and the rules they silence. A glob matches a
/// report's path relative to the config file's folder (normalised, `/`
/// separators, as ruff and typos do), or its file name; so `历史材料/**`
/// works whatever folder the run starts in and however the path is typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct PerFileIgnores {
    globs: Vec<(globset::GlobMatcher, Vec<String>)>,
    /// The folder of the config file the globs came from.
    base: PathBuf,
}

impl PerFileIgnores {
    /// The rules ignored for the report named `name` (a path, or `<stdin>`).
    pub(crate) fn ignored(&self, name: &str) -> Vec<&str> {
        if self.globs.is_empty() {
            return Vec::new();
        }
        let path = Path::new(name);
        let relative = crate::source::relative_to(path, &self.base);
        self.globs
            .iter()
            .filter(|(glob, _)| {
                glob.is_match(&relative) || path.file_name().is_some_and(|n| glob.is_match(n))
            })
            .flat_map(|(_, ids)| ids.iter().map(String::as_str))
            .collect()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct UserConfig {
    #[serde(default)]
    rules: BTreeMap<String, Value>,
    #[serde(default)]
    extend_rules: Vec<PathBuf>,
    #[serde(default)]
    dictionary: Vec<String>,
    fail_on: Option<Severity>,
    links: Option<Mapping>,
    copying: Option<Mapping>,
    #[serde(default)]
    references: Vec<PathBuf>,
    builtin_references: Option<bool>,
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    per_file_ignores: BTreeMap<String, Vec<String>>,
    max_report_size: Option<Size>,
    archive: Option<PathBuf>,
    author_from: Option<String>,
}

/// A size in bytes, written as a number or with a unit: `500K`, `2M`, `2MB`.
#[derive(Debug, Clone, Copy)]
struct Size(usize);

impl<'de> Deserialize<'de> for Size {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Size, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bytes(u64),
            Text(String),
        }
        let bad = |s: &str| {
            serde::de::Error::custom(format!(
                "无法识别的大小 `{s}`（写作字节数，或带单位：500K、2M）"
            ))
        };
        let bytes = match Raw::deserialize(d)? {
            Raw::Bytes(n) => n,
            Raw::Text(s) => {
                let t = s.trim().to_ascii_uppercase();
                let t = t.trim_end_matches("IB").trim_end_matches('B');
                let (digits, unit) = match t.strip_suffix('K') {
                    Some(d) => (d, 1024),
                    None => match t.strip_suffix('M') {
                        Some(d) => (d, 1024 * 1024),
                        None => (t, 1),
                    },
                };
                let n: f64 = digits.trim().parse().map_err(|_| bad(&s))?;
                if !n.is_finite() || n < 0.0 {
                    return Err(bad(&s));
                }
                (n * unit as f64) as u64
            }
        };
        Ok(Size(bytes.min(usize::MAX as u64) as usize))
    }
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
        let rule_files: Vec<usize> = DEFAULT_RULE_FILES
            .iter()
            .map(|&embedded| push_embedded(&mut files, embedded))
            .collect();
        // Read side by side: this is on the way of every run, before any
        // rule can be built (the typo and formulation files are large).
        let defs: Vec<_> = {
            use rayon::prelude::*;
            rule_files
                .par_iter()
                .map(|&file| rule_set::read_defs(file, &files))
                .collect()
        };
        for (file, defs) in rule_files.into_iter().zip(defs) {
            rule_set::add_defs(&mut rules, file, &files, defs?)?;
        }
        let settings = |files: &mut Vec<ConfigFile>, embedded: Embedded| {
            let file = push_embedded(files, embedded);
            let at = Place::new(file, Vec::new());
            match files[file].parse()? {
                Value::Mapping(m) => Ok(Layered::new(m, at)),
                _ => Err(files[file].error(&[], false, "应为映射（键: 值）")),
            }
        };
        let keywords = settings(&mut files, OUTLINE_FILE)?.read(&files)?;
        let links_at = settings(&mut files, LINKS_FILE)?;
        let copying_at = settings(&mut files, COPYING_FILE)?;
        let mut config = Config {
            known_ids: Vec::new(),
            rules,
            keywords,
            links: read_links(&links_at, &files)?,
            links_at,
            copying: read_copying(&copying_at, &files)?,
            copying_at,
            references: Vec::new(),
            builtin_references: true,
            select: Vec::new(),
            ignore: Vec::new(),
            per_file_ignores: PerFileIgnores::default(),
            dictionary: Vec::new(),
            limits: Limits::default(),
            fail_on: None,
            archive: None,
            author_from: None,
            files,
        };
        config.known_ids = config.rules.iter().map(|r| r.id.clone()).collect();
        Ok(config)
    }

    fn apply_user_file(&mut self, path: &Path) -> Result<(), ConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: name.clone(),
            line: 1,
            column: 1,
            message: format!("无法读取配置文件：{}", crate::wording::io(&e)),
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        self.apply_user_text(&name, &text, base, &|p| std::fs::read_to_string(p))
    }

    /// Applies the text of a user config named `name`; its `extend-rules`
    /// paths are joined to `base` and read with `read` (the file system,
    /// or memory for the fuzz targets).
    pub(crate) fn apply_user_text(
        &mut self,
        name: &str,
        text: &str,
        base: &Path,
        read: &dyn Fn(&Path) -> std::io::Result<String>,
    ) -> Result<(), ConfigError> {
        let file = push_file(&mut self.files, name, text);
        let root = Place::new(file, Vec::new());
        let user: UserConfig = match self.files[file].parse()? {
            Value::Null => UserConfig::default(),
            value => yaml::read(value, &root, &self.files)?,
        };
        for (i, extra) in user.extend_rules.iter().enumerate() {
            let full = base.join(extra);
            let extra_name = full.display().to_string();
            let text = read(&full).map_err(|e| {
                self.files[file].error(
                    &[key("extend-rules"), Seg::Index(i)],
                    false,
                    format!("无法读取规则文件 {extra_name}：{e}"),
                )
            })?;
            let extra_file = push_file(&mut self.files, &extra_name, &text);
            rule_set::add_rules(&mut self.rules, extra_file, &self.files)?;
        }
        self.known_ids = self.rules.iter().map(|r| r.id.clone()).collect();
        for (id, setting) in user.rules {
            let at = root.join(&[key("rules"), key(&id)]);
            rule_set::apply_override(&mut self.rules, &id, setting, &at, &self.files)?;
        }
        if let Some(m) = user.links {
            self.links_at.overlay(m, root.join(&[key("links")]));
            self.links = read_links(&self.links_at, &self.files)?;
        }
        if let Some(m) = user.copying {
            self.copying_at.overlay(m, root.join(&[key("copying")]));
            self.copying = read_copying(&self.copying_at, &self.files)?;
        }
        self.references
            .extend(user.references.iter().map(|r| base.join(r)));
        self.builtin_references = user.builtin_references.unwrap_or(self.builtin_references);
        let unknown = |path: &[Seg], name: &str| {
            self.files[file].error(path, false, UnknownRule(name.to_string()).to_string())
        };
        for (list, names) in [("select", &user.select), ("ignore", &user.ignore)] {
            for (i, name) in names.iter().enumerate() {
                if self.resolve(std::slice::from_ref(name)).is_err() {
                    return Err(unknown(&[key(list), Seg::Index(i)], name));
                }
            }
        }
        let mut per_file = Vec::new();
        for (glob, names) in &user.per_file_ignores {
            let at = [key("per-file-ignores"), key(glob)];
            for (i, name) in names.iter().enumerate() {
                if self.resolve(std::slice::from_ref(name)).is_err() {
                    return Err(unknown(
                        &[at[0].clone(), at[1].clone(), Seg::Index(i)],
                        name,
                    ));
                }
            }
            let matcher = globset::Glob::new(glob).map_err(|e| {
                self.files[file].error(&at, true, format!("路径模式 `{glob}` 无效：{e}"))
            })?;
            let ids = self.resolve(names).expect("checked above");
            per_file.push((matcher.compile_matcher(), ids));
        }
        self.select = user.select;
        self.ignore = user.ignore;
        self.per_file_ignores = PerFileIgnores {
            globs: per_file,
            base: base.to_path_buf(),
        };
        self.dictionary.extend(user.dictionary);
        if let Some(Size(bytes)) = user.max_report_size {
            // A report of 1 KB is a page; 256 MB of text is no report.
            count_in("max-report-size", bytes, 1024, 256 * 1024 * 1024)
                .map_err(|e| self.files[file].error(&[key("max-report-size")], false, e.message))?;
            self.limits.max_text = bytes;
        }
        self.fail_on = user.fail_on.or(self.fail_on);
        if let Some(a) = user.archive {
            self.archive = Some(base.join(a));
        }
        if let Some(p) = user.author_from {
            let re = regex::Regex::new(&p).map_err(|e| {
                self.files[file].error(
                    &[key("author-from")],
                    false,
                    format!("正则表达式 `{p}` 无效：{e}"),
                )
            })?;
            self.author_from = Some(re);
        }
        Ok(())
    }

    /// Rule ids named by `names`: ids themselves or groups (structure,
    /// typography, wording, correspondence, substance, copying, or an extend-rules
    /// file's name).
    pub fn resolve(&self, names: &[String]) -> Result<Vec<String>, UnknownRule> {
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
                .map(|r| r.id.clone())
                .collect();
            if group.is_empty() {
                return Err(UnknownRule(name.clone()));
            }
            out.extend(group);
        }
        Ok(out)
    }

    /// An error in the `links:` settings, pointed at the value that caused it.
    pub(crate) fn error_in_links(&self, e: &Invalid) -> ConfigError {
        self.links_at.invalid(e, "links：", &self.files)
    }

    /// Every per-document rule with one list entry left out (tests).
    #[cfg(test)]
    pub(crate) fn ablations(&self) -> Vec<Ablation> {
        self.rules
            .iter()
            .flat_map(|r| r.ablations(&self.files))
            .collect()
    }

    /// Builds every enabled rule (per-document and cross-document).
    pub(crate) fn build_rules(&self) -> Result<RuleSet, ConfigError> {
        rule_set::build(&self.rules, &self.files)
    }
}

/// Reads a YAML data file (labels, archives) as `T`, with the file, line
/// and column of any error.
pub(crate) fn read_file<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ConfigError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: name.clone(),
        line: 1,
        column: 1,
        message: format!("无法读取：{}", crate::wording::io(&e)),
    })?;
    let files = [ConfigFile {
        path: name,
        text,
        json: None,
    }];
    yaml::read(files[0].parse()?, &Place::new(0, Vec::new()), &files)
}

fn read_links(at: &Layered, files: &[ConfigFile]) -> Result<LinkSpec, ConfigError> {
    let spec: LinkSpec = at.read(files)?;
    spec.validate()
        .map_err(|e| at.invalid(&e, "links：", files))?;
    Ok(spec)
}

fn read_copying(at: &Layered, files: &[ConfigFile]) -> Result<CopySpec, ConfigError> {
    let spec: CopySpec = at.read(files)?;
    spec.validate()
        .map_err(|e| at.invalid(&e, "copying：", files))?;
    Ok(spec)
}

fn key(s: &str) -> Seg {
    Seg::Key(s.to_string())
}

fn push_file(files: &mut Vec<ConfigFile>, path: &str, text: &str) -> usize {
    files.push(ConfigFile {
        path: path.to_string(),
        text: text.to_string(),
        json: None,
    });
    files.len() - 1
}

fn push_embedded(files: &mut Vec<ConfigFile>, (path, text, json): Embedded) -> usize {
    let file = push_file(files, path, text);
    // Empty when build.rs could not parse the YAML: it is parsed here then,
    // and its error reported with its place.
    files[file].json = Some(json).filter(|j| !j.is_empty());
    file
}

/// `critique-lint.yaml` in `dir` or the nearest parent that has one.
pub(crate) fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .flat_map(|d| CONFIG_NAMES.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests;
