//! Rendered diagnostics as a user reads them (reviewed insta snapshots),
//! and caret placement in terminals of either quote width and any width.

mod common;
use common::*;
use unicode_width::UnicodeWidthStr;

/// The human output at the default width (no `COLUMNS`, not a terminal).
fn human(args: &[&str]) -> String {
    let out = bin()
        .current_dir(root())
        .env_remove("COLUMNS")
        .args(["--color", "never"])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn numbering_snapshot() {
    insta::assert_snapshot!(human(&["corpus/bad-numbering.txt"]));
}

#[test]
fn punctuation_snapshot() {
    insta::assert_snapshot!(human(&["corpus/bad-punctuation.txt"]));
}

#[test]
fn seed_sample_snapshot() {
    insta::assert_snapshot!(human(&[
        "--select",
        "placeholder,missing-section,vague-wording",
        "corpus/references/seed-2023-template.txt"
    ]));
}

#[test]
fn missing_section_snapshot() {
    insta::assert_snapshot!(human(&["corpus/bad-missing-causes.txt"]));
}

/// Every caret line sits under text whose width is the same whether the
/// terminal draws ambiguous characters narrow or wide.
#[test]
fn carets_align_in_narrow_and_wide_quote_terminals() {
    let out = human(&[
        "--select",
        "vague-wording,placeholder",
        "corpus/references/seed-2023-template.txt",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    let mut checked = 0;
    for pair in lines.windows(2) {
        let (src, carets) = (pair[0], pair[1]);
        let Some(col) = carets.find('^') else {
            continue;
        };
        let Some(bar) = src.find('│') else { continue };
        // Source text and caret line share the gutter; compare after it.
        let gutter = bar + '│'.len_utf8() + 1;
        let caret_gutter = carets.find('│').unwrap() + '│'.len_utf8() + 1;
        let text = &src[gutter..];
        let caret_col = carets[caret_gutter..col].chars().count();
        // Find the prefix of `text` whose (narrow) width equals the caret column.
        let mut prefix_end = 0;
        for (i, c) in text.char_indices() {
            if UnicodeWidthStr::width(&text[..i]) >= caret_col {
                break;
            }
            prefix_end = i + c.len_utf8();
        }
        let prefix = &text[..prefix_end];
        assert_eq!(UnicodeWidthStr::width(prefix), caret_col, "{src}\n{carets}");
        assert_eq!(
            UnicodeWidthStr::width(prefix),
            UnicodeWidthStr::width_cjk(prefix),
            "ambiguous-width text before the caret: {prefix}"
        );
        checked += 1;
    }
    assert!(checked > 10, "only {checked} caret lines in:\n{out}");
}

#[test]
fn long_paragraphs_show_the_sentence_not_the_whole_line() {
    let out = human(&[
        "--select",
        "placeholder",
        "corpus/references/seed-2023-template.txt",
    ]);
    // Line 8 of the seed is one paragraph of more than 200 characters.
    let snippet = out.lines().find(|l| l.starts_with("8 │")).unwrap();
    assert!(snippet.contains("从*发展需要"));
    assert!(snippet.width() <= 100, "{snippet}");
    assert!(
        out.contains("corpus/references/seed-2023-template.txt:8:"),
        "{out}"
    );
}

#[test]
fn correspondence_snapshot() {
    insta::assert_snapshot!(human(&[
        "--select",
        "unaddressed-problem,unaddressed-cause,orphan-measure,vague-measure",
        "corpus/references/seed-2023-template.txt"
    ]));
}

/// Reports with long paragraphs, ××× and other ambiguous marks, labels
/// wider than a terminal, and findings with labels on several lines.
const WIDE_CASES: &[&[&str]] = &[
    &[
        "--select",
        "placeholder,vague-wording,unaddressed-problem",
        "corpus/references/seed-2023-template.txt",
    ],
    &[
        "corpus/bad-placeholder.txt",
        "corpus/bad-vague.txt",
        "corpus/bad-formulation.txt",
    ],
    &["corpus/bad-punctuation.txt", "corpus/bad-numbering.txt"],
];

fn human_at(width: usize, args: &[&str]) -> String {
    let width = width.to_string();
    let mut all = vec!["--width", width.as_str()];
    all.extend_from_slice(args);
    human(&all)
}

#[test]
fn seed_at_80_columns_snapshot() {
    insta::assert_snapshot!(human_at(80, WIDE_CASES[0]));
}

#[test]
fn seed_at_120_columns_snapshot() {
    insta::assert_snapshot!(human_at(120, WIDE_CASES[0]));
}

#[test]
fn long_paragraphs_at_80_columns_snapshot() {
    insta::assert_snapshot!(human_at(80, WIDE_CASES[1]));
}

#[test]
fn long_paragraphs_at_120_columns_snapshot() {
    insta::assert_snapshot!(human_at(120, WIDE_CASES[1]));
}

/// Columns of `s` in a CJK terminal (ambiguous = 2), the wider count.
fn cols(s: &str) -> usize {
    s.width_cjk()
}

/// What a snippet line shows after its gutter (`12 │ `), if it is one.
fn after_gutter(line: &str) -> Option<&str> {
    let bar = line.find(" │ ")?;
    let number = line[..bar].trim();
    (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit()))
        .then(|| &line[bar + " │ ".len()..])
}

/// Han characters, letters and digits: what a span and the text above its
/// carets must share, however the snippet draws quotes and marks.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() && !"ｘ".contains(*c))
        .collect()
}

/// At 80 and 120 columns every snippet line fits, every run of carets
/// starts and ends on character boundaries counted CJK = 2, the text above
/// it draws the same in narrow and wide terminals, and the primary carets
/// sit under the finding's own text (its start, when it is cut).
#[test]
fn carets_sit_under_their_spans_at_80_and_120_columns() {
    for case in WIDE_CASES {
        let (_, json) = check_json(
            &case
                .iter()
                .map(|a| {
                    if a.starts_with("corpus/") {
                        root().join(a).to_str().unwrap().to_string()
                    } else {
                        a.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
        let spans: Vec<String> = findings(&json).into_iter().map(|(_, t)| t).collect();
        for width in [80, 120] {
            let out = human_at(width, case);
            let lines: Vec<&str> = out.lines().collect();
            let mut primaries = Vec::new();
            let mut in_finding = false;
            for (i, line) in lines.iter().enumerate() {
                if line.starts_with("error[")
                    || line.starts_with("warning[")
                    || line.starts_with("note[")
                {
                    in_finding = true;
                }
                let Some(text) = after_gutter(line) else {
                    continue;
                };
                // The gutter's │ is codespan's and the same on both lines.
                assert!(line.width() <= width, "{width}: {line}");
                assert_eq!(text.width(), text.width_cjk(), "ambiguous: {text}");
                let carets = lines[i + 1];
                let marks = &carets[carets.find(" │ ").unwrap() + " │ ".len()..];
                let mut col = 0;
                let mut runs: Vec<(char, usize, usize)> = Vec::new();
                for c in marks.chars() {
                    if c == '^' || c == '-' {
                        match runs.last_mut() {
                            Some((k, _, end)) if *k == c && *end == col => *end += 1,
                            _ => runs.push((c, col, col + 1)),
                        }
                    } else if c != ' ' {
                        break; // the label's message
                    }
                    col += cols(&c.to_string());
                }
                assert!(!runs.is_empty(), "no carets under:\n{line}\n{carets}");
                for &(kind, start, end) in &runs {
                    assert!(end <= width, "{width}: {carets}");
                    // The characters whose columns the run covers exactly.
                    let (mut at, mut under) = (0, String::new());
                    for c in text.chars() {
                        let w = cols(&c.to_string());
                        if at >= start && at + w <= end {
                            under.push(c);
                        }
                        let straddles = |edge: usize| at < edge && at + w > edge;
                        assert!(
                            w == 0 || !(straddles(start) || straddles(end)),
                            "caret inside a character at {width}:\n{line}\n{carets}"
                        );
                        at += w;
                    }
                    if kind == '^' && in_finding {
                        primaries.push(under);
                        in_finding = false;
                    }
                }
            }
            assert_eq!(primaries.len(), spans.len(), "{width}:\n{out}");
            for (under, span) in primaries.iter().zip(&spans) {
                if span.is_empty() {
                    continue; // one caret at a place
                }
                let cut = under.ends_with('⋯');
                let (under, span) = (plain(under), plain(span));
                if cut {
                    assert!(
                        !under.is_empty() && span.starts_with(&under),
                        "{width}: {under} is not the start of {span}"
                    );
                } else {
                    assert_eq!(under, span, "{width}");
                }
            }
        }
    }
}
