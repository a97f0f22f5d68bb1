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

/// Writes the findings as a baseline file.
pub fn write(path: &Path, diagnostics: &[Diagnostic], sources: &[Source]) -> Result<(), String> {
    let file = File {
        version: 1,
        findings: diagnostics.iter().map(|d| entry(d, sources)).collect(),
    };
    let json = serde_json::to_string_pretty(&file).expect("serialisable");
    std::fs::write(path, json + "\n")
        .map_err(|e| format!("{}: 无法写入基线文件：{e}", path.display()))
}

/// The findings of a baseline, each with how many times it was recorded.
pub struct Baseline(HashMap<Entry, usize>);

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: 无法读取基线文件：{e}", path.display()))?;
        let file: File = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: 基线文件格式错误：{e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        let mut counts = HashMap::new();
        for e in file.findings {
            *counts.entry(e).or_default() += 1;
        }
        Ok(Baseline(counts))
    }

    /// Drops the findings the baseline has (each recorded one absorbs one
    /// finding); returns how many were dropped.
    pub fn filter(mut self, diagnostics: &mut Vec<Diagnostic>, sources: &[Source]) -> usize {
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
