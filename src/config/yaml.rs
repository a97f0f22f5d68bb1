//! The only module that reads YAML text. Files are parsed into values
//! (serde_yaml); typed settings are read from values with the path of any
//! failure (serde_path_to_error), and a path is turned into the line and
//! column where it was written (yaml-rust2's marked events). So an error
//! found long after parsing, in a value merged from several files, still
//! points at the exact place.

use super::ConfigError;
use crate::settings::Seg;
use serde::de::DeserializeOwned;
use yaml_rust2::parser::{Event, Parser};

pub(crate) type Value = serde_yaml::Value;
pub(crate) type Mapping = serde_yaml::Mapping;

/// Nesting deeper than this is no configuration (and would make the YAML
/// parser slow): refused before parsing.
const MAX_DEPTH: usize = 64;

/// A YAML file the configuration was read from, kept to locate errors.
#[derive(Debug, Clone)]
pub(crate) struct ConfigFile {
    pub(crate) path: String,
    pub(crate) text: String,
    /// The same values as JSON, for the embedded rule files (see build.rs).
    pub(crate) json: Option<&'static str>,
}

impl ConfigFile {
    /// An error at `path` inside this file: at the key when `key` (an
    /// unknown or misplaced key), else at the value.
    pub(crate) fn error(&self, path: &[Seg], key: bool, message: impl Into<String>) -> ConfigError {
        let (line, column) = locate(&self.text, path, key);
        ConfigError {
            path: self.path.clone(),
            line,
            column,
            message: message.into(),
        }
    }

    /// Parses the file's text into a value; syntax errors carry their position.
    pub(crate) fn parse(&self) -> Result<Value, ConfigError> {
        if let Some(json) = self.json {
            return serde_json::from_str(json).map_err(|e| ConfigError {
                path: self.path.clone(),
                line: 1,
                column: 1,
                message: format!("内嵌规则的 JSON 形式无法读取：{e}"),
            });
        }
        if let Some((line, column)) = too_deep(&self.text) {
            return Err(ConfigError {
                path: self.path.clone(),
                line,
                column,
                message: format!("嵌套超过 {MAX_DEPTH} 层"),
            });
        }
        serde_yaml::from_str(&self.text).map_err(|e| {
            let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            ConfigError {
                path: self.path.clone(),
                line,
                column,
                message: crate::wording::serde(&without_position(&e.to_string())),
            }
        })
    }
}

/// Where a value was written: a file (index into the config's files) and
/// the path inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) file: usize,
    pub(crate) path: Vec<Seg>,
}

impl Place {
    pub(crate) fn new(file: usize, path: Vec<Seg>) -> Place {
        Place { file, path }
    }

    /// The place of `segs` below this one.
    pub(crate) fn join(&self, segs: &[Seg]) -> Place {
        let mut path = self.path.clone();
        path.extend_from_slice(segs);
        Place::new(self.file, path)
    }
}

/// Reads `T` from `value`, written at `at`; a failure is located there.
pub(crate) fn read<T: DeserializeOwned>(
    value: Value,
    at: &Place,
    files: &[ConfigFile],
) -> Result<T, ConfigError> {
    let mut track = serde_path_to_error::Track::new();
    let de = serde_path_to_error::Deserializer::new(value, &mut track);
    T::deserialize(de).map_err(|e| {
        let failure = Failure::new(track.path(), e.to_string());
        failure.locate(|segs| at.join(segs), files)
    })
}

/// A failure to read a value: the path inside it, and serde's message.
pub(crate) struct Failure {
    path: Vec<Seg>,
    message: String,
}

impl Failure {
    pub(crate) fn new(path: serde_path_to_error::Path, message: String) -> Failure {
        let path = path
            .iter()
            .filter_map(|s| match s {
                serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
                serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone())),
                serde_path_to_error::Segment::Enum { .. }
                | serde_path_to_error::Segment::Unknown => None,
            })
            .collect();
        let mut f = Failure { path, message };
        // The path of an unknown key ends with the key: keep its parent,
        // the map the key does not belong in.
        if let (Some(k), Some(Seg::Key(last))) = (f.unknown_key(), f.path.last()) {
            if *last == k {
                f.path.pop();
            }
        }
        f
    }

    /// The path of the failure inside the value read.
    pub(crate) fn path(&self) -> &[Seg] {
        &self.path
    }

    /// The key an "unknown field" failure names.
    pub(crate) fn unknown_key(&self) -> Option<String> {
        unknown_key(&self.message)
    }

    /// A located error; `place` maps the path inside the value to where it
    /// was written. An unknown key is pointed at itself; other failures at
    /// the value. The message starts with the path, as in the file.
    pub(crate) fn locate(
        mut self,
        place: impl Fn(&[Seg]) -> Place,
        files: &[ConfigFile],
    ) -> ConfigError {
        let unknown_key = unknown_key(&self.message);
        let mut at = place(&self.path);
        if let Some(k) = &unknown_key {
            at.path.push(Seg::Key(k.clone()));
        }
        let shown = dotted(&place(&self.path).path);
        // In Chinese, serde's English kept after it.
        self.message = crate::wording::serde(&self.message);
        if !shown.is_empty() {
            self.message = format!("{shown}: {}", self.message);
        }
        files[at.file].error(&at.path, unknown_key.is_some(), self.message)
    }
}

/// The key named by serde's "unknown field `x`" message.
fn unknown_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_string())
}

/// `rules.numbering.severity`, `[3].params.words[2]`.
pub(crate) fn dotted(path: &[Seg]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// serde_yaml appends " at line L column C" to its messages; we print the
/// position ourselves, so drop it.
fn without_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The position of the first flow bracket nested deeper than [`MAX_DEPTH`],
/// outside quotes and comments (block nesting needs indentation, so a deep
/// block file is huge and slow to write but not to read).
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut previous = '\n';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            line += 1;
            column = 0;
            comment = false;
            previous = c;
            continue;
        }
        if comment {
            continue;
        }
        match quote {
            Some('"') if c == '\\' => {
                chars.next();
                column += 1;
            }
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '#' if previous.is_whitespace() => comment = true,
                '"' | '\'' if !previous.is_alphanumeric() => quote = Some(c),
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some((line, column));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        previous = c;
    }
    None
}

/// 1-based line and column where `path` is written in `text`: its key when
/// `key` (for map entries), else its value. The nearest written ancestor
/// when the path is not in the text; (1, 1) when nothing is.
pub(crate) fn locate(text: &str, path: &[Seg], key: bool) -> (usize, usize) {
    struct Frame {
        path: Vec<Seg>,
        /// Maps: the current key and where it was written, once read.
        key: Option<(Seg, (usize, usize))>,
        /// Sequences: the index of the next item.
        next: usize,
        is_map: bool,
    }
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut best: (usize, (usize, usize)) = (0, (1, 1));
    while let Ok((event, mark)) = parser.next_token() {
        let at = (mark.line(), mark.col() + 1);
        let starts_node = matches!(
            event,
            Event::Scalar(..)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
                | Event::Alias(_)
        );
        if starts_node {
            // A map's key: remember it and where it was written.
            if let Some(f) = stack.last_mut().filter(|f| f.is_map && f.key.is_none()) {
                let name = match &event {
                    Event::Scalar(s, ..) => s.clone(),
                    _ => String::new(),
                };
                f.key = Some((Seg::Key(name), at));
                if let Some(f) = stack.last() {
                    let mut p = f.path.clone();
                    p.push(f.key.clone().expect("set").0);
                    if key && p == path {
                        return at;
                    }
                    let common = p.iter().zip(path).take_while(|(a, b)| a == b).count();
                    if common == p.len() && common > best.0 {
                        best = (common, at);
                    }
                }
                if !matches!(event, Event::Scalar(..)) {
                    // A complex key: skip its contents.
                    stack.push(Frame {
                        path: vec![Seg::Key("\u{0}".into())],
                        key: None,
                        next: 0,
                        is_map: matches!(event, Event::MappingStart(..)),
                    });
                }
                continue;
            }
            // A value: its path is the parent's plus the key or index.
            let mut p = stack.last().map_or(Vec::new(), |f| f.path.clone());
            if let Some(f) = stack.last_mut() {
                if f.is_map {
                    p.push(f.key.take().expect("a value follows its key").0);
                } else {
                    p.push(Seg::Index(f.next));
                    f.next += 1;
                }
            }
            if p == path && !(key && matches!(path.last(), Some(Seg::Key(_)))) {
                return at;
            }
            let common = p.iter().zip(path).take_while(|(a, b)| a == b).count();
            if common == p.len() && common >= best.0 && !p.is_empty() {
                best = (common, at);
            }
            if matches!(event, Event::MappingStart(..) | Event::SequenceStart(..)) {
                stack.push(Frame {
                    path: p,
                    key: None,
                    next: 0,
                    is_map: matches!(event, Event::MappingStart(..)),
                });
            }
        } else if matches!(event, Event::MappingEnd | Event::SequenceEnd) {
            stack.pop();
        } else if matches!(event, Event::StreamEnd) {
            break;
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Seg {
        Seg::Key(s.into())
    }

    #[test]
    fn paths_are_located_at_keys_and_values() {
        let text = "rules:\n  vague-wording: off\n  \"numbering\":\n    severity: error\nlist:\n  - a\n  - {b: 1}\n";
        assert_eq!(
            locate(text, &[k("rules"), k("vague-wording")], true),
            (2, 3)
        );
        assert_eq!(
            locate(text, &[k("rules"), k("vague-wording")], false),
            (2, 18)
        );
        assert_eq!(locate(text, &[k("rules"), k("numbering")], true), (3, 3));
        assert_eq!(
            locate(text, &[k("rules"), k("numbering"), k("severity")], false),
            (4, 15)
        );
        assert_eq!(
            locate(text, &[k("list"), Seg::Index(1), k("b")], false),
            (7, 9)
        );
        // Not written: the nearest ancestor that is.
        assert_eq!(
            locate(text, &[k("list"), Seg::Index(1), k("c")], true),
            (7, 5)
        );
        assert_eq!(locate(text, &[k("nothing")], true), (1, 1));
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!("rules: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(too_deep(&deep), Some((1, 8 + MAX_DEPTH)));
        assert_eq!(too_deep("a: \"[[[[[[\"\nb: [1, [2]] # [[[[\n"), None);
    }
}
