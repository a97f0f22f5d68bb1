//! Properties of the binary's JSON output on generated reports (proptest):
//! the thread count never changes it, and every span lies in its file.
//! Reports are built from corpus paragraphs, shuffled and spliced; few
//! cases, since each runs the binary (PROPTEST_CASES raises them).

mod common;

use common::{bin, root};
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

/// Non-blank lines of the corpus reports and the evaluation sets.
fn paragraphs() -> &'static [String] {
    static PARAS: OnceLock<Vec<String>> = OnceLock::new();
    PARAS.get_or_init(|| {
        let mut files = Vec::new();
        let corpus = root().join("corpus");
        for dir in [corpus.clone(), corpus.join("eval/general-a")] {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x == "txt") {
                    files.push(p);
                }
            }
        }
        files.sort();
        let mut out: Vec<String> = files
            .iter()
            .flat_map(|f| {
                let text = std::fs::read_to_string(f).unwrap();
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect();
        out.dedup();
        out
    })
}

/// Pieces a generated report is made of.
#[derive(Debug, Clone)]
enum Piece {
    /// A corpus paragraph.
    Para(usize),
    /// The start of one paragraph and the end of another, cut at fractions
    /// of their length (in characters).
    Splice(usize, u8, usize, u8),
    /// Noise between paragraphs: markers, quotes, odd characters, line ends.
    Noise(usize),
}

const NOISE: &[&str] = &[
    "一是",
    "（三）",
    "(四)",
    "2、",
    "第二，",
    "“",
    "”",
    "《",
    "XX",
    "×××",
    "____",
    "\r\n",
    "\r",
    "\n\n",
    "\u{3000}",
    "\t",
    "存在的问题\n",
    "整改措施\n",
    "①",
    "😀",
    "e\u{301}",
    "𠀀",
    "ａｂ",
    "以上，请批评指正。\n",
];

fn piece() -> impl Strategy<Value = Piece> {
    let n = paragraphs().len();
    prop_oneof![
        6 => (0..n).prop_map(Piece::Para),
        2 => (0..n, any::<u8>(), 0..n, any::<u8>()).prop_map(|(a, x, b, y)| Piece::Splice(a, x, b, y)),
        2 => (0..NOISE.len()).prop_map(Piece::Noise),
    ]
}

/// The text of `pieces`, paragraphs one a line.
fn render(pieces: &[Piece]) -> String {
    let paras = paragraphs();
    let cut = |s: &str, f: u8| {
        let chars = s.chars().count();
        let at = chars * f as usize / 255;
        s.char_indices().nth(at).map_or(s.len(), |(i, _)| i)
    };
    let mut out = String::new();
    for p in pieces {
        match *p {
            Piece::Para(i) => {
                out.push_str(&paras[i]);
                out.push('\n');
            }
            Piece::Splice(a, x, b, y) => {
                out.push_str(&paras[a][..cut(&paras[a], x)]);
                out.push_str(&paras[b][cut(&paras[b], y)..]);
                out.push('\n');
            }
            Piece::Noise(i) => out.push_str(NOISE[i]),
        }
    }
    out
}

/// Writes the reports to a fresh folder as r00.txt, r01.txt…
fn write_reports(texts: &[String]) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..texts.len()).map(|i| format!("r{i:02}.txt")).collect();
    for (name, text) in names.iter().zip(texts) {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    (dir, names)
}

/// `check --format json -j N` on `names` in `dir`: exit code and stdout.
fn check_json(dir: &Path, names: &[String], threads: usize) -> (i32, String) {
    let out = bin()
        .current_dir(dir)
        .args(["check", "--format", "json", "-j", &threads.to_string()])
        .args(names)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// 1-based (line, column) of byte `at`: lines end at \n, \r\n or a lone
/// \r; columns count characters. Written apart from `Source::position`.
fn position(text: &str, at: usize) -> (u64, u64) {
    let (mut line, mut column) = (1, 1);
    let mut chars = text[..at].chars().peekable();
    while let Some(c) = chars.next() {
        let ends = c == '\n' || (c == '\r' && chars.peek() != Some(&'\n'));
        // A \r\n whose \n is past `at` still ends no line before `at`.
        let crlf_cut = c == '\r' && chars.peek().is_none() && text[at..].starts_with('\n');
        if ends && !crlf_cut {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

/// The span of a diagnostic or label lies in the text of its file.
fn assert_span(texts: &[(String, String)], item: &Value) {
    let path = item["path"].as_str().unwrap();
    let text = &texts
        .iter()
        .find(|(name, _)| name == path)
        .unwrap_or_else(|| panic!("unknown file {path}"))
        .1;
    let span = &item["span"];
    let get = |k: &str| span[k].as_u64().unwrap();
    let (start, end) = (get("start") as usize, get("end") as usize);
    assert!(start <= end && end <= text.len(), "{item}");
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{item}"
    );
    assert_eq!(item["text"].as_str().unwrap(), &text[start..end], "{item}");
    assert_eq!(
        position(text, start),
        (get("line"), get("column")),
        "{item}"
    );
    assert_eq!(
        position(text, end),
        (get("end_line"), get("end_column")),
        "{item}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    /// The same reports give byte-identical JSON with 1, 2 and 4 threads.
    #[test]
    fn thread_count_never_changes_the_output(
        reports in prop::collection::vec(prop::collection::vec(piece(), 5..40), 5..=20)
    ) {
        let texts: Vec<String> = reports.iter().map(|r| render(r)).collect();
        let (dir, names) = write_reports(&texts);
        let one = check_json(dir.path(), &names, 1);
        prop_assert!(one.1.starts_with('{'), "{:?}", one);
        for threads in [2, 4] {
            let many = check_json(dir.path(), &names, threads);
            prop_assert_eq!(&one, &many, "-j 1 and -j {} differ", threads);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    /// Every diagnostic and label span of `--format json` lies within its
    /// file, on character boundaries, with consistent line and column.
    #[test]
    fn every_span_lies_within_its_file(
        reports in prop::collection::vec(prop::collection::vec(piece(), 1..60), 1..=6)
    ) {
        let texts: Vec<String> = reports.iter().map(|r| render(r)).collect();
        let (dir, names) = write_reports(&texts);
        let (_, out) = check_json(dir.path(), &names, 1);
        let json: Value = serde_json::from_str(&out).unwrap();
        prop_assert_eq!(json["errors"].as_array().unwrap().len(), 0, "{}", out);
        let mut files: Vec<(String, String)> = names.iter().cloned().zip(texts).collect();
        files.push((
            "<内置范文>/seed-2023-template.txt".into(),
            std::fs::read_to_string(root().join("corpus/references/seed-2023-template.txt")).unwrap(),
        ));
        for d in json["diagnostics"].as_array().unwrap() {
            assert_span(&files, d);
            for l in d["labels"].as_array().unwrap() {
                assert_span(&files, l);
            }
        }
    }
}

#[test]
fn positions_follow_the_line_ends() {
    let text = "一二\r\n三四五\r六\n";
    assert_eq!(position(text, 0), (1, 1));
    assert_eq!(position(text, 6), (1, 3));
    assert_eq!(position(text, 7), (1, 4));
    assert_eq!(position(text, 11), (2, 2));
    assert_eq!(position(text, 18), (3, 1));
}
