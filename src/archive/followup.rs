//! `missing-followup`: the archive holds the same author's report of the
//! previous year, and this report has no part on how last year's
//! rectification went (上年度整改落实情况), which the notices ask for.

use crate::diagnostic::{fill, Diagnostic};
use crate::document::Document;
use crate::rules::Meta;
use crate::settings::Invalid;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Words of a heading or short lead-in on last year's rectification.
    words: Vec<String>,
    /// Lines up to this many characters count as headings.
    max_heading_chars: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct Followup {
    pub(crate) meta: Meta,
    words: Vec<String>,
    max_heading_chars: usize,
}

pub(crate) fn build(meta: Meta, p: Params) -> Result<Followup, Invalid> {
    if p.words.iter().all(|w| w.trim().is_empty()) {
        return Err(Invalid::in_field("words", "`words` 不能为空"));
    }
    crate::settings::count_in("max-heading-chars", p.max_heading_chars, 4, 200)?;
    Ok(Followup {
        meta,
        words: p
            .words
            .into_iter()
            .filter(|w| !w.trim().is_empty())
            .collect(),
        max_heading_chars: p.max_heading_chars,
    })
}

impl Followup {
    /// Whether `doc` has a part (a heading, or a short line or lead-in
    /// sentence opening a paragraph) on last year's rectification.
    pub(crate) fn has_part(&self, doc: &Document) -> bool {
        let text = doc.text();
        let names = |s: &str| self.words.iter().any(|w| s.contains(w.as_str()));
        doc.outline
            .sections
            .iter()
            .any(|s| names(&text[s.heading.clone()]))
            || doc.paragraphs.iter().any(|p| {
                let line = &text[p.span.clone()];
                let lead: String = line
                    .split(['。', '：', ':'])
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(self.max_heading_chars + 1)
                    .collect();
                lead.chars().count() <= self.max_heading_chars && names(&lead)
            })
    }

    /// The finding for report `file`: at its title (or its start).
    pub(crate) fn diagnostic(
        &self,
        file: usize,
        title: std::ops::Range<usize>,
        year: i32,
        path: &str,
    ) -> Diagnostic {
        let y = year.to_string();
        let mut d = Diagnostic {
            rule: self.meta.id.clone(),
            severity: self.meta.severity,
            message: fill(&self.meta.message, &[("year", &y), ("other", path)]),
            file,
            span: title,
            labels: Vec::new(),
            notes: Vec::new(),
            edits: Vec::new(),
            places: 1,
        };
        d.notes
            .push(format!("档案库中本人 {year} 年的材料：{path}"));
        d
    }
}
