//! Human output: rustc-style annotated snippets via codespan-reporting,
//! each cut to the terminal width (see [`super::excerpt`]).

use super::escape::safe;
use super::excerpt::{Excerpts, Marked};
use super::Report;
use crate::diagnostic::Severity;
use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::term::{self, termcolor::WriteColor};
use unicode_width::UnicodeWidthStr;

/// Terminal columns when neither `--width`, `COLUMNS` nor the terminal
/// says.
pub(crate) const DEFAULT_WIDTH: usize = 100;

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

/// Secondary labels shown per finding.
const MAX_LABELS: usize = 8;

/// Writes every diagnostic, its snippets at most `width` columns wide,
/// then the summary line.
pub(crate) fn render(
    report: &Report,
    width: usize,
    out: &mut dyn WriteColor,
) -> std::io::Result<()> {
    let config = term::Config::default();
    for d in report.diagnostics {
        // A label on the primary span (the first place of a grouped
        // finding) names it; the rest are capped so a paragraph with 40
        // places stays readable (JSON lists them all), and each message is
        // said once: places of the same kind are marked, not explained again.
        let mut primary_message: Option<String> = None;
        let mut others: Vec<&crate::diagnostic::Label> = Vec::new();
        for l in &d.labels {
            if l.file == d.file && l.span == d.span {
                primary_message = Some(safe(&l.message).into_owned());
            } else {
                others.push(l);
            }
        }
        let hidden = others.len().saturating_sub(MAX_LABELS);
        others.truncate(MAX_LABELS);
        let mut said: Vec<&str> = d
            .labels
            .iter()
            .filter(|l| l.file == d.file && l.span == d.span)
            .map(|l| l.message.as_str())
            .collect();
        let messages: Vec<Option<String>> = others
            .iter()
            .map(|l| {
                if l.file == d.file && said.contains(&l.message.as_str()) {
                    None
                } else {
                    said.push(&l.message);
                    Some(safe(&l.message).into_owned())
                }
            })
            .collect();
        // The wider count: CJK terminals draw “” two columns wide.
        let columns = |m: &Option<String>| m.as_ref().map_or(0, |m| m.width_cjk());
        let mut marked = vec![Marked {
            file: d.file,
            span: d.span.clone(),
            message_columns: columns(&primary_message),
        }];
        marked.extend(others.iter().zip(&messages).map(|(l, m)| Marked {
            file: l.file,
            span: l.span.clone(),
            message_columns: columns(m),
        }));
        let (files, placed) = Excerpts::new(report.sources, &marked, width);
        let mut primary = CsLabel::primary(d.file, placed[0].span.clone());
        if let Some(m) = primary_message {
            primary = primary.with_message(m);
        }
        let mut labels = vec![primary];
        labels.extend(
            others
                .iter()
                .zip(&placed[1..])
                .zip(messages)
                .map(|((l, p), m)| {
                    let label = CsLabel::secondary(l.file, p.span.clone());
                    match m {
                        Some(m) => label.with_message(m),
                        None => label,
                    }
                }),
        );
        let mut notes: Vec<String> = d.notes.iter().map(|n| safe(n).into_owned()).collect();
        if hidden > 0 {
            notes.push(format!(
                "另有 {hidden} 处未逐一标出（--format json 列出全部）"
            ));
        }
        if placed.iter().any(|p| p.cut) {
            notes.push(CUT_NOTE.to_string());
        }
        if !d.edits.is_empty() {
            notes.push(super::FIXABLE.to_string());
        }
        let diagnostic = CsDiagnostic::new(severity(d.severity))
            .with_code(d.rule.to_string())
            .with_message(safe(&d.message))
            .with_labels(labels)
            .with_notes(notes);
        term::emit_to_write_style(out, &config, &files, &diagnostic)
            .map_err(std::io::Error::other)?;
    }
    similarity_table(report, out)?;
    writeln!(out, "{}", summary_line(report))
}

/// Said when a marked passage is wider than the terminal.
const CUT_NOTE: &str = "标出的内容比终端宽，只显示开头（⋯ 表示未完）；--format json 给出完整位置";

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
