//! Rendered diagnostics as a user reads them (reviewed insta snapshots),
//! and caret placement in terminals of either quote width.

mod common;
use common::*;
use unicode_width::UnicodeWidthStr;

fn human(args: &[&str]) -> String {
    let out = bin()
        .current_dir(root())
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
    assert!(snippet.chars().count() < 100, "{snippet}");
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
