//! `--fix` and `--diff`: the findings' edits chosen per file, applied to
//! the decoded text, then written back (`source::Rewrite`) or shown as a
//! unified diff.
//!
//! Edits never add or remove a line break (the engine drops a fix that
//! would), so the old and the new text have the same lines, line for line:
//! the diff compares lines by number, no alignment needed.

use crate::diagnostic::{Diagnostic, Edit};
use crate::source::Source;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

/// What `--fix` changes in one file.
#[derive(Debug)]
pub(super) struct FileFix {
    pub(super) file: usize,
    /// Sorted, none overlapping another.
    pub(super) edits: Vec<Edit>,
    /// Findings whose every edit is among `edits`.
    pub(super) fixed: usize,
    /// Findings with a fix left out because it overlaps one applied first.
    pub(super) left: usize,
}

/// The fixes of a run: per text file, and the files whose findings have
/// fixes that cannot be written (Word files, standard input) with how many.
#[derive(Debug, Default)]
pub(super) struct Plan {
    pub(super) files: Vec<FileFix>,
    pub(super) unfixable: Vec<(usize, usize)>,
}

/// Whether a source's fixes can be written to it: a text file on disk.
/// A Word file's text is extracted from XML, so byte offsets in it say
/// nothing about the file.
pub(super) fn writable(source: &Source) -> bool {
    source.format == "text" && source.name != "<stdin>"
}

/// Chooses the edits to apply, file by file. A finding's edits go in all
/// together or not at all (half of a swapped quote pair would be wrong),
/// in the order of the findings; one that overlaps an edit already chosen
/// is left for the next run. The same edit from two findings (a bracket
/// pair reported at both ends) is applied once.
/// The places a finding's fix mends: 1, or for a finding that groups a
/// paragraph's places, those with an edit (a crossed pair among them has
/// none).
fn fixable_places(d: &Diagnostic) -> usize {
    if d.places <= 1 {
        return 1;
    }
    d.labels
        .iter()
        .filter(|l| l.file == d.file)
        .filter(|l| d.edits.iter().any(|e| l.span.contains(&e.span.start)))
        .count()
}

pub(super) fn plan(sources: &[Source], diagnostics: &[Diagnostic]) -> Plan {
    let mut out = Plan::default();
    // Per file: the chosen edits by start, to find a new edit's neighbours
    // without a scan (a web copy can have thousands of fixes).
    type Chosen = (BTreeMap<usize, Edit>, usize, usize);
    let mut chosen: BTreeMap<usize, Chosen> = BTreeMap::new();
    for d in diagnostics.iter().filter(|d| !d.edits.is_empty()) {
        if !writable(&sources[d.file]) {
            match out.unfixable.iter_mut().find(|(f, _)| *f == d.file) {
                Some((_, n)) => *n += fixable_places(d),
                None => out.unfixable.push((d.file, fixable_places(d))),
            }
            continue;
        }
        let (edits, fixed, left) = chosen.entry(d.file).or_default();
        let mut fresh: BTreeMap<usize, &Edit> = BTreeMap::new();
        let mut fits = true;
        for e in &d.edits {
            if edits.get(&e.span.start) == Some(e) {
                continue;
            }
            fits &= !overlaps_any(edits, e) && !overlaps_any(&fresh, e);
            fresh.insert(e.span.start, e);
        }
        if fits {
            edits.extend(fresh.into_iter().map(|(k, e)| (k, e.clone())));
            *fixed += fixable_places(d);
        } else {
            *left += fixable_places(d);
        }
    }
    out.files = chosen
        .into_iter()
        .map(|(file, (edits, fixed, left))| FileFix {
            file,
            edits: edits.into_values().collect(),
            fixed,
            left,
        })
        .collect();
    out
}

/// Whether `e` overlaps an edit of `edits` (keyed by start): only the
/// nearest one starting at or before it and the nearest after can.
fn overlaps_any<E: std::borrow::Borrow<Edit>>(edits: &BTreeMap<usize, E>, e: &Edit) -> bool {
    let before = edits.range(..=e.span.start).next_back();
    let after = edits.range(e.span.start + 1..).next();
    before
        .into_iter()
        .chain(after)
        .any(|(_, o)| overlaps(&o.borrow().span, &e.span))
}

/// Two ranges that share a byte, or an insertion inside or at the start of
/// the other.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.start == b.start || (a.start < b.end && b.start < a.end);
    }
    a.start < b.end && b.start < a.end
}

/// The text with sorted, non-overlapping edits applied; every byte outside
/// them is copied as it was.
pub(super) fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Lines with their terminators (`\n`, `\r\n` or a lone `\r`).
fn lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let end = match bytes[i] {
            b'\n' => i + 1,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i + 2,
            b'\r' => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(&text[start..end]);
        start = end;
        i = end;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Lines of context around a change, as `diff -u` and `patch` expect.
const CONTEXT: usize = 3;

/// A unified diff of one file (`--- a/name`, `+++ b/name`), empty when
/// nothing changed. `prefix` goes before the first line of both texts: a
/// byte order mark, so that the diff matches the bytes of a UTF-8 file
/// saved with one.
pub(super) fn unified_diff(name: &str, old: &str, new: &str, prefix: &str) -> String {
    let old_lines = lines(old);
    let new_lines = lines(new);
    debug_assert_eq!(old_lines.len(), new_lines.len(), "fixes keep line breaks");
    let n = old_lines.len().min(new_lines.len());
    let changed: Vec<usize> = (0..n).filter(|&i| old_lines[i] != new_lines[i]).collect();
    if changed.is_empty() {
        return String::new();
    }
    let path = name.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let line = |lines: &[&str], i: usize| {
        let l = lines[i];
        let mut s = if i == 0 {
            format!("{prefix}{l}")
        } else {
            l.to_string()
        };
        if !l.ends_with(['\n', '\r']) {
            s.push_str("\n\\ No newline at end of file\n");
        }
        s
    };
    let mut k = 0;
    while k < changed.len() {
        // Changes closer than twice the context share one hunk.
        let mut last = k;
        while last + 1 < changed.len() && changed[last + 1] - changed[last] <= 2 * CONTEXT {
            last += 1;
        }
        let from = changed[k].saturating_sub(CONTEXT);
        let to = (changed[last] + CONTEXT + 1).min(n);
        out.push_str(&format!(
            "@@ -{},{} +{},{} @@\n",
            from + 1,
            to - from,
            from + 1,
            to - from
        ));
        let changed_here: HashSet<usize> = changed[k..=last].iter().copied().collect();
        for i in from..to {
            if changed_here.contains(&i) {
                out.push('-');
                out.push_str(&line(&old_lines, i));
                out.push('+');
                out.push_str(&line(&new_lines, i));
            } else {
                out.push(' ');
                out.push_str(&line(&old_lines, i));
            }
        }
        k = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn finding(file: usize, edits: &[(Range<usize>, &str)]) -> Diagnostic {
        Diagnostic {
            rule: "punctuation".into(),
            severity: Severity::Warning,
            message: String::new(),
            file,
            span: edits[0].0.clone(),
            labels: Vec::new(),
            notes: Vec::new(),
            edits: edits
                .iter()
                .map(|(r, s)| Edit::new(r.clone(), *s))
                .collect(),
            places: 1,
        }
    }

    #[test]
    fn overlapping_fixes_are_left_and_shared_edits_applied_once() {
        let sources = [Source::new("a.txt", "学习,工作(详见附件)。。")];
        let plan = plan(
            &sources,
            &[
                finding(0, &[(6..7, "，")]),
                // Both ends of a bracket pair, each with the other's edit.
                finding(0, &[(13..14, "（"), (26..27, "）")]),
                finding(0, &[(26..27, "）"), (13..14, "（")]),
                // Overlaps the comma's edit: left for the next run.
                finding(0, &[(3..7, "")]),
                finding(0, &[(27..33, "。")]),
            ],
        );
        let f = &plan.files[0];
        assert_eq!((f.fixed, f.left), (4, 1));
        let fixed = apply(&sources[0].text, &f.edits);
        assert_eq!(fixed, "学习，工作（详见附件）。");
    }

    #[test]
    fn word_files_and_stdin_are_not_fixable() {
        let mut docx = Source::new("a.docx", "学习,工作");
        docx.format = "docx";
        let sources = [docx, Source::new("<stdin>", "学习,工作")];
        let plan = plan(
            &sources,
            &[finding(0, &[(6..7, "，")]), finding(1, &[(6..7, "，")])],
        );
        assert!(plan.files.is_empty());
        assert_eq!(plan.unfixable, [(0, 1), (1, 1)]);
    }

    #[test]
    fn the_diff_has_context_hunks_and_keeps_line_endings() {
        let old: String = (1..=12).map(|i| format!("第{i}行,内容\r\n")).collect();
        let new = old
            .replace("第2行,", "第2行，")
            .replace("第11行,", "第11行，");
        let diff = unified_diff("./报告.txt", &old, &new, "");
        assert!(diff.starts_with("--- a/报告.txt\n+++ b/报告.txt\n@@ -1,5 +1,5 @@\n"));
        assert!(diff.contains("-第2行,内容\r\n+第2行，内容\r\n"), "{diff}");
        assert!(diff.contains("@@ -8,5 +8,5 @@\n"), "{diff}");
        assert_eq!(unified_diff("a", &old, &old, ""), "");
        let diff = unified_diff("a", "甲,乙", "甲，乙", "\u{feff}");
        assert!(diff.ends_with(
            "-\u{feff}甲,乙\n\\ No newline at end of file\n+\u{feff}甲，乙\n\\ No newline at end of file\n"
        ));
    }
}
