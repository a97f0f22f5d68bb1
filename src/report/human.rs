//! Human output: rustc-style annotated snippets via codespan-reporting.
//!
//! Reports often hold a whole paragraph of 300+ characters on one physical
//! line. Our [`Files`] implementation cuts long lines into display lines at
//! sentence ends, so a label shows the sentence around it, while the line
//! and column printed stay those of the real file.

use super::escape::{safe, Shown};
use super::Report;
use crate::diagnostic::Severity;
use crate::source::Source;
use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor::WriteColor};
use std::ops::Range;

/// Display lines longer than this many characters are cut.
const MAX_CHARS: usize = 60;

struct SnippetFile<'a> {
    source: &'a Source,
    /// The file name, escaped.
    name: String,
    /// The text shown: ambiguous-width quotes swapped for same-size wide
    /// ones, unsafe characters escaped (offsets mapped by `shown`).
    shown: Shown,
    /// Display lines (byte ranges of the shown text) and the physical line
    /// each belongs to.
    lines: Vec<Range<usize>>,
    physical: Vec<usize>,
}

struct Snippets<'a> {
    files: Vec<SnippetFile<'a>>,
}

impl<'a> Snippets<'a> {
    fn new(sources: &'a [Source]) -> Snippets<'a> {
        let files = sources
            .iter()
            .map(|source| {
                let shown = Shown::new(&display_text(&source.text));
                let mut lines = Vec::new();
                let mut physical = Vec::new();
                for l in 0..source.line_count() {
                    for chunk in chunks(&source.text, source.line_range(l)) {
                        lines.push(shown.shown(chunk.start)..shown.shown(chunk.end));
                        physical.push(l);
                    }
                }
                SnippetFile {
                    source,
                    name: safe(&source.name).into_owned(),
                    shown,
                    lines,
                    physical,
                }
            })
            .collect();
        Snippets { files }
    }

    fn get(&self, id: usize) -> Result<&SnippetFile<'a>, FilesError> {
        self.files.get(id).ok_or(FilesError::FileMissing)
    }
}

/// “”‘’ are East Asian *ambiguous* width: one column for codespan, two in
/// many CJK terminals, so carets drift. 「」『』 are wide everywhere and have
/// the same UTF-8 length, so byte offsets stay valid.
fn display_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '“' => '「',
            '”' => '」',
            '‘' => '『',
            '’' => '』',
            other => other,
        })
        .collect()
}

/// Cuts one physical line into display lines of about [`MAX_CHARS`]
/// characters, preferring sentence ends, then clause ends.
fn chunks(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = line.start;
    let mut count = 0;
    let mut strong: Option<usize> = None;
    let mut weak: Option<usize> = None;
    for (i, c) in text[line.clone()].char_indices() {
        let at = line.start + i + c.len_utf8();
        count += 1;
        if "。！？；!?;".contains(c) {
            strong = Some(at);
        } else if "，：、,:".contains(c) {
            weak = Some(at);
        } else if "”’）)".contains(c) && strong == Some(at - c.len_utf8()) {
            strong = Some(at);
        }
        if count >= MAX_CHARS {
            // A sentence end if there is one; past the slack, a clause end or here.
            let late = count >= MAX_CHARS + 20;
            let cut = strong
                .filter(|&p| p > start)
                .or_else(|| late.then(|| weak.filter(|&p| p > start).unwrap_or(at)));
            if let Some(cut) = cut {
                out.push(start..cut);
                count = text[cut..at].chars().count();
                start = cut;
                strong = None;
                weak = None;
            }
        }
    }
    out.push(start..line.end);
    out
}

impl<'a> Files<'a> for Snippets<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(&self.get(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(&self.get(id)?.shown.text)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        let f = self.get(id)?;
        Ok(f.lines
            .partition_point(|r| r.start <= byte_index)
            .saturating_sub(1))
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, FilesError> {
        let f = self.get(id)?;
        f.physical
            .get(line_index)
            .map(|l| l + 1)
            .ok_or(FilesError::LineTooLarge {
                given: line_index,
                max: f.lines.len(),
            })
    }

    fn column_number(
        &'a self,
        id: usize,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        let f = self.get(id)?;
        Ok(f.source.position(f.shown.original(byte_index)).1)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, FilesError> {
        let f = self.get(id)?;
        f.lines
            .get(line_index)
            .cloned()
            .ok_or(FilesError::LineTooLarge {
                given: line_index,
                max: f.lines.len(),
            })
    }
}

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

/// Secondary labels shown per finding.
const MAX_LABELS: usize = 8;

/// Writes every diagnostic, then the summary line.
pub(crate) fn render(report: &Report, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let files = Snippets::new(report.sources);
    let config = term::Config::default();
    // Label spans are offsets into the original text; the shown text may
    // be longer where a character is escaped.
    let span = |file: usize, r: &Range<usize>| {
        let s = &files.files[file].shown;
        s.shown(r.start)..s.shown(r.end)
    };
    for d in report.diagnostics {
        // A label on the primary span (the first place of a grouped
        // finding) names it; the rest are capped so a paragraph with 40
        // places stays readable (JSON lists them all).
        let mut primary = CsLabel::primary(d.file, span(d.file, &d.span));
        let mut others = Vec::new();
        for l in &d.labels {
            if l.file == d.file && l.span == d.span {
                primary = primary.with_message(safe(&l.message));
            } else {
                others.push(l);
            }
        }
        let hidden = others.len().saturating_sub(MAX_LABELS);
        let mut labels = vec![primary];
        // Each message once: places of the same kind are marked, not
        // explained again.
        let mut said: Vec<&str> = d
            .labels
            .iter()
            .filter(|l| l.file == d.file && l.span == d.span)
            .map(|l| l.message.as_str())
            .collect();
        for l in others.iter().take(MAX_LABELS) {
            let label = CsLabel::secondary(l.file, span(l.file, &l.span));
            labels.push(if l.file == d.file && said.contains(&l.message.as_str()) {
                label
            } else {
                said.push(&l.message);
                label.with_message(safe(&l.message))
            });
        }
        let more =
            (hidden > 0).then(|| format!("另有 {hidden} 处未逐一标出（--format json 列出全部）"));
        let diagnostic = CsDiagnostic::new(severity(d.severity))
            .with_code(d.rule.to_string())
            .with_message(safe(&d.message))
            .with_labels(labels)
            .with_notes(
                d.notes
                    .iter()
                    .map(|n| safe(n).into_owned())
                    .chain(more)
                    .chain((!d.edits.is_empty()).then(|| super::FIXABLE.to_string()))
                    .collect(),
            );
        term::emit_to_write_style(out, &config, &files, &diagnostic)
            .map_err(std::io::Error::other)?;
    }
    similarity_table(report, out)?;
    writeln!(out, "{}", summary_line(report))
}

/// Pairs shown in the table at most; JSON has them all.
const TABLE_ROWS: usize = 20;

/// Copy groups, each once, then the pairs of reports that share passages,
/// most similar first.
fn similarity_table(report: &Report, out: &mut dyn WriteColor) -> std::io::Result<()> {
    for (i, g) in report.copy_groups.iter().enumerate() {
        writeln!(
            out,
            "雷同组 {}（{} 份材料，两两相同内容最多占 {:.0}%）：{}",
            i + 1,
            g.members.len(),
            g.share * 100.0,
            g.members
                .iter()
                .map(|m| safe(m).into_owned())
                .collect::<Vec<_>>()
                .join("、")
        )?;
        if let Some(p) = &g.longest {
            writeln!(
                out,
                "  最长的相同段落：{} 字（{} ↔ {}）",
                p.chars,
                safe(&p.a),
                safe(&p.b)
            )?;
        }
    }
    if !report.copy_groups.is_empty() {
        writeln!(out)?;
    }
    if report.similarity.is_empty() {
        return Ok(());
    }
    writeln!(out, "相同段落（按相同内容占比排序）：")?;
    // Column widths in terminal columns: 相同字数 is 8, 占甲 4.
    writeln!(out, "  相同字数   占甲   占乙  文件（甲 ↔ 乙）")?;
    for s in report.similarity.iter().take(TABLE_ROWS) {
        writeln!(
            out,
            "  {:>8}  {:>4.0}%  {:>4.0}%  {} ↔ {}",
            s.shared_chars,
            s.a_ratio * 100.0,
            s.b_ratio * 100.0,
            safe(&s.a),
            safe(&s.b)
        )?;
    }
    if report.similarity.len() > TABLE_ROWS {
        writeln!(
            out,
            "  …另有 {} 对（--format json 列出全部）",
            report.similarity.len() - TABLE_ROWS
        )?;
    }
    writeln!(out)
}

pub(crate) fn summary_line(report: &Report) -> String {
    let s = report.summary();
    let mut line = format!("共检查 {} 个文件", s.files);
    if s.errors + s.warnings + s.infos == 0 {
        line.push_str("，未发现问题");
    } else {
        line.push_str(&format!(
            "：{} 个错误，{} 个警告，{} 个提示",
            s.errors, s.warnings, s.infos
        ));
    }
    if report.baselined > 0 {
        line.push_str(&format!(
            "；另有 {} 个问题已在基线中，未显示",
            report.baselined
        ));
    }
    if !report.errors.is_empty() {
        line.push_str(&format!("；{} 个文件无法读取", report.errors.len()));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_at_sentence_ends() {
        let sentence = "这是一个二十个字左右的完整句子，用来测试切分的效果。";
        let text = sentence.repeat(6);
        let parts = chunks(&text, 0..text.len());
        assert!(parts.len() >= 3, "{parts:?}");
        for p in &parts[..parts.len() - 1] {
            assert!(text[p.clone()].ends_with('。'), "{}", &text[p.clone()]);
        }
        assert_eq!(parts.last().unwrap().end, text.len());
    }

    #[test]
    fn display_text_keeps_byte_offsets() {
        let t = "说“好”与‘坏’";
        assert_eq!(display_text(t).len(), t.len());
        assert_eq!(display_text(t), "说「好」与『坏』");
    }
}
