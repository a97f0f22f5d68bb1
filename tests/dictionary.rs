//! The two dictionaries give the same tokens and the same findings: jieba's
//! full dictionary (`Segmenter::new`, `Engine::new`), and only its words
//! that occur in the inputs (`Segmenter::for_texts`, what the command line
//! uses for a few reports). Checked on every text of `corpus/` and on
//! generated texts, alone and together, with and without user words.

mod common;
use common::*;
use critique_lint::Segmenter;
use std::path::{Path, PathBuf};

fn texts_below(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            texts_below(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn corpus_texts() -> Vec<String> {
    let mut paths = Vec::new();
    texts_below(&root().join("corpus"), &mut paths);
    paths.sort();
    assert!(paths.len() > 100, "{} texts", paths.len());
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Texts no report looks like: corpus passages spliced at random points
/// (new words across the joins), runs of random characters that dictionary
/// words are made of, ASCII words and numbers, full-width and half-width
/// punctuation, spaces, CRLF, characters outside the Basic Multilingual
/// Plane, and the non-characters the reduced dictionary uses internally.
fn generated_texts(corpus: &[String], count: usize) -> Vec<String> {
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move |n: usize| {
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        (rng.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    };
    let pool: Vec<char> = corpus.iter().flat_map(|t| t.chars()).collect();
    let odd = [
        "，",
        "。",
        "、",
        ",",
        ".",
        " ",
        "  ",
        "\r\n",
        "\n",
        "\t",
        "（",
        "）",
        "“",
        "”",
        "《",
        "》",
        "ABC",
        "abc",
        "4S店",
        "3.5%",
        "2024年",
        "ＡＢＣ１２３",
        "𠀀𠀁",
        "\u{FFFF}\u{FFFF}",
        "\u{FFFF}",
        "·",
        "—",
        "X",
        "×××",
    ];
    (0..count)
        .map(|_| {
            let mut text = String::new();
            while text.chars().count() < 3000 {
                match next(4) {
                    0 | 1 => {
                        let at = next(pool.len() - 60);
                        text.extend(&pool[at..at + 1 + next(60)]);
                    }
                    2 => {
                        for _ in 0..1 + next(12) {
                            text.push(pool[next(pool.len())]);
                        }
                    }
                    _ => text.push_str(odd[next(odd.len())]),
                }
            }
            text
        })
        .collect()
}

/// User `dictionary:` entries: new words with and without a frequency (the
/// latter get `suggest_freq` against the dictionary), a word jieba knows
/// without a frequency (kept as is) and with one (replaced), and a word
/// made of domain words.
const USER_WORDS: [&str; 6] = [
    "学习教育不深入",
    "理论学习 20000 n",
    "生活会",
    "组织生活 5",
    "专题民主生活会议",
    "基层调研走过场 3000",
];

fn assert_same_tokens(full: &Segmenter, found: &Segmenter, texts: &[&str], what: &str) {
    for (i, text) in texts.iter().enumerate() {
        for line in text.lines() {
            let (a, b) = (full.cut(line), found.cut(line));
            assert!(
                a == b,
                "{what} text {i}: tokens differ in {line:?}\nfull:  {a:?}\nfound: {b:?}"
            );
        }
    }
}

#[test]
fn tokens_are_the_full_dictionarys_on_every_corpus_and_generated_text() {
    let corpus = corpus_texts();
    let generated = generated_texts(&corpus, 40);
    let texts: Vec<&str> = corpus
        .iter()
        .chain(&generated)
        .map(String::as_str)
        .collect();
    for extra in [&[][..], &USER_WORDS[..]] {
        let full = Segmenter::new(extra.iter().copied());
        // All texts at once, as a run over a folder builds it.
        let found = Segmenter::for_texts(&texts, extra.iter().copied());
        assert_same_tokens(&full, &found, &texts, "all together");
        // One text, as a run on one report builds it (the built-in
        // reference aside).
        for (i, text) in texts.iter().enumerate().step_by(7) {
            let found = Segmenter::for_texts(&[text], extra.iter().copied());
            assert_same_tokens(&full, &found, &[text], &format!("alone {i}"));
        }
    }
}

/// `check --format json` output with the dictionary chosen by `which`.
fn json_with(which: &str, args: &[&str]) -> Vec<u8> {
    let out = bin()
        .env("CRITIQUE_LINT_DICTIONARY", which)
        .args(["check", "--format", "json", "--reference"])
        .arg(corpus("references"))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
    out.stdout
}

#[test]
fn findings_are_byte_identical_with_either_dictionary() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("words.yaml");
    let words: Vec<String> = USER_WORDS.iter().map(|w| format!("  - {w}\n")).collect();
    std::fs::write(&config, format!("dictionary:\n{}", words.concat())).unwrap();
    let config = config.to_str().unwrap();
    let folder = root().join("corpus");
    let one = corpus("bad-vague.txt");
    // Wrapped lines and page furniture: words made when the view joins lines.
    let layouts = folder.join("eval/layouts-c2");
    for args in [
        vec![folder.to_str().unwrap()],
        vec![layouts.to_str().unwrap()],
        vec![one.to_str().unwrap(), "--config", config],
    ] {
        let full = json_with("full", &args);
        let found = json_with("found", &args);
        assert!(full.len() > 1000 && full.starts_with(b"{\"version\":1"));
        assert!(full == found, "JSON differs for {args:?}");
    }
}
