//! Baselines: adopt critique-lint on old files by recording today's
//! findings and reporting only new ones. Findings are matched by path, rule
//! and the flagged text, so they survive lines moving.

use crate::diagnostic::Diagnostic;
use crate::source::Source;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

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

fn entry(d: &Diagnostic, sources: &[Source]) -> Entry {
    let s = &sources[d.file];
    Entry {
        path: s.name.clone(),
        rule: d.rule.to_string(),
        text: s.text[d.span.clone()].to_string(),
    }
}

/// A baseline file that cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum BaselineError {
    #[error("{0}: 无法读取基线文件：{1}")]
    Read(String, std::io::Error),
    #[error("{0}:{1}:{2}: 基线文件格式错误：{3}")]
    Format(String, usize, usize, serde_json::Error),
    #[error("{0}: 无法写入基线文件：{1}")]
    Write(String, std::io::Error),
}

/// Writes the findings as a baseline file.
pub(crate) fn write(
    path: &Path,
    diagnostics: &[Diagnostic],
    sources: &[Source],
) -> Result<(), BaselineError> {
    let file = File {
        version: 1,
        findings: diagnostics.iter().map(|d| entry(d, sources)).collect(),
    };
    let json = serde_json::to_string_pretty(&file).expect("serialisable");
    std::fs::write(path, json + "\n")
        .map_err(|e| BaselineError::Write(path.display().to_string(), e))
}

/// The findings of a baseline, each with how many times it was recorded.
pub(crate) struct Baseline(HashMap<Entry, usize>);

impl Baseline {
    pub(crate) fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let name = || path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| BaselineError::Read(name(), e))?;
        let file: File = serde_json::from_str(&text)
            .map_err(|e| BaselineError::Format(name(), e.line(), e.column(), e))?;
        let mut counts = HashMap::new();
        for e in file.findings {
            *counts.entry(e).or_default() += 1;
        }
        Ok(Baseline(counts))
    }

    /// Drops the findings the baseline has (each recorded one absorbs one
    /// finding); returns how many were dropped.
    pub(crate) fn filter(mut self, diagnostics: &mut Vec<Diagnostic>, sources: &[Source]) -> usize {
        let before = diagnostics.len();
        diagnostics.retain(|d| match self.0.get_mut(&entry(d, sources)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        });
        before - diagnostics.len()
    }
}
