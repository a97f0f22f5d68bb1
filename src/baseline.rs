//! Baselines: adopt critique-lint on old files by recording today's
//! findings and reporting only new ones. Findings are matched by path, rule
//! and the flagged text, so they survive lines moving. Paths are stored
//! relative to the baseline file's folder (version 2), so a baseline works
//! from any working directory and however the reports are named on the
//! command line.

use crate::diagnostic::Diagnostic;
use crate::source::{relative_to, Source};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Version 1 stored paths as typed on the command line; version 2 stores
/// them relative to the baseline file.
const VERSION: u32 = 2;

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Hash)]
struct Entry {
    path: String,
    rule: String,
    text: String,
}

/// How a report's path is written in a baseline kept in `folder`.
fn path_key(source: &Source, folder: &Path) -> String {
    if source.name.starts_with('<') {
        // <stdin>, built-in references: names, not paths.
        return source.name.clone();
    }
    relative_to(Path::new(&source.name), folder)
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A baseline file that cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum BaselineError {
    #[error("{0}: 无法读取基线文件：{detail}", detail = crate::wording::io(.1))]
    Read(String, std::io::Error),
    #[error("{0}:{1}:{2}: 基线文件格式错误：{detail}", detail = json_message(.3))]
    Format(String, usize, usize, serde_json::Error),
    #[error("{0}: 不支持的基线文件版本 {1}")]
    Version(String, u32),
    #[error("{0}: 无法写入基线文件：{detail}", detail = crate::wording::io(.1))]
    Write(String, std::io::Error),
}

/// serde_json's message in Chinese, without the position it appends (the
/// error prints its own).
fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m);
    crate::wording::serde(text)
}

/// Writes the findings as a baseline file.
pub(crate) fn write(
    path: &Path,
    diagnostics: &[Diagnostic],
    sources: &[Source],
) -> Result<(), BaselineError> {
    let folder = folder_of(path);
    let file = File {
        version: VERSION,
        findings: diagnostics
            .iter()
            .map(|d| {
                let s = &sources[d.file];
                Entry {
                    path: path_key(s, &folder),
                    rule: d.rule.to_string(),
                    text: s.text[d.span.clone()].to_string(),
                }
            })
            .collect(),
    };
    let json = serde_json::to_string_pretty(&file).expect("serialisable");
    std::fs::write(path, json + "\n")
        .map_err(|e| BaselineError::Write(path.display().to_string(), e))
}

/// The findings of a baseline, each with how many times it was recorded.
pub(crate) struct Baseline {
    counts: HashMap<Entry, usize>,
    /// Where the paths of `counts` are relative to.
    folder: PathBuf,
    /// The baseline file, for messages.
    name: String,
}

impl Baseline {
    pub(crate) fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let name = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|e| BaselineError::Read(name.clone(), e))?;
        let file: File = serde_json::from_str(&text)
            .map_err(|e| BaselineError::Format(name.clone(), e.line(), e.column(), e))?;
        if !(1..=VERSION).contains(&file.version) {
            return Err(BaselineError::Version(name, file.version));
        }
        let folder = folder_of(path);
        let mut counts = HashMap::new();
        for mut e in file.findings {
            // Version 1 paths are as typed, relative to where that run was
            // started: the best guess is this run's working directory.
            if file.version == 1 && !e.path.starts_with('<') {
                e.path = relative_to(Path::new(&e.path), &folder);
            }
            *counts.entry(e).or_default() += 1;
        }
        Ok(Baseline {
            counts,
            folder,
            name,
        })
    }

    /// Drops the findings the baseline has (each recorded one absorbs one
    /// finding); returns how many were dropped. Warns when the baseline
    /// names none of the checked reports: its paths are not these.
    pub(crate) fn filter(mut self, diagnostics: &mut Vec<Diagnostic>, sources: &[Source]) -> usize {
        let keys: Vec<String> = sources.iter().map(|s| path_key(s, &self.folder)).collect();
        let before = diagnostics.len();
        diagnostics.retain(|d| {
            let e = Entry {
                path: keys[d.file].clone(),
                rule: d.rule.to_string(),
                text: sources[d.file].text[d.span.clone()].to_string(),
            };
            match self.counts.get_mut(&e) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        let named: HashSet<&String> = self.counts.keys().map(|e| &e.path).collect();
        if !named.is_empty() && !keys.iter().any(|k| named.contains(k)) {
            eprintln!(
                "critique-lint: warning: 基线 {} 中的路径与本次检查的文件都对不上，它没有隐藏任何问题（路径相对于基线文件所在的目录）",
                self.name
            );
        }
        before - diagnostics.len()
    }
}
