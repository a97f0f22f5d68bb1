//! Set phrases written with a character replaced by one read alike: jieba's
//! idioms (付衍了事 for 敷衍了事), the genre's own four-character phrases
//! that jieba does not list as idioms (久久为攻 for 久久为功, 宗指意识 for
//! 宗旨意识), idioms with a doubled character written twice wrong (兢兢叶叶
//! for 兢兢业业), and two-character words often misspelt (精随 for 精髓) —
//! without a list of every misspelling.

use super::cuts_a_word;
use crate::document::Document;
use crate::segment::{
    dictionary_frequency, doubled_apart, in_dictionary, one_apart, read_alike, Token,
};
use crate::settings::Invalid;
use crate::text::{is_han, IntMap};
use std::ops::Range;

/// Words of `N` characters looked up by each word with one position
/// blanked: the words one character away from a window. The genre's
/// four-character phrases (`set-phrases`) and the two-character words
/// often misspelt (`words-read-alike`).
#[derive(Debug)]
pub(super) struct OneApart<const N: usize> {
    words: Vec<[char; N]>,
    /// By the word with a position blanked, packed (`key`).
    by_blanked: IntMap<Vec<u32>>,
    /// Per position, a bit per character of the Basic Multilingual Plane
    /// that some word holds there: a window one character from a word holds
    /// its other characters in their places, which rules out most windows
    /// before any lookup.
    held: Vec<u64>,
}

impl<const N: usize> Default for OneApart<N> {
    fn default() -> Self {
        OneApart {
            words: Vec::new(),
            by_blanked: IntMap::default(),
            held: vec![0; N << 10],
        }
    }
}

/// `chars` with position `blank` left out, packed 16 bits a character (0
/// for the blank); none if a character is beyond the Basic Multilingual
/// Plane, which no word here holds.
fn key<const N: usize>(chars: &[char; N], blank: usize) -> Option<u64> {
    chars.iter().enumerate().try_fold(0u64, |k, (i, &c)| {
        let c = if i == blank {
            0
        } else {
            u16::try_from(u32::from(c)).ok()?
        };
        Some(k << 16 | u64::from(c))
    })
}

impl<const N: usize> OneApart<N> {
    /// Each word must be `N` Chinese characters: anything else is a
    /// configuration error naming the field and the entry.
    pub(super) fn new(field: &str, words: &[String]) -> Result<Self, Invalid> {
        let mut out = OneApart::default();
        for (i, w) in words.iter().enumerate() {
            let chars: Vec<char> = w.chars().collect();
            let invalid = || Invalid::in_field(field, format!("`{w}`：须是{N}个汉字")).at(i);
            let chars = <[char; N]>::try_from(chars)
                .ok()
                .filter(|cs| cs.iter().all(|&c| is_han(c)))
                .ok_or_else(invalid)?;
            let n = out.words.len() as u32;
            out.words.push(chars);
            for (p, c) in chars.into_iter().enumerate() {
                let c = (p << 16) + u32::from(c) as usize;
                out.held[c >> 6] |= 1 << (c & 63);
            }
            for blank in 0..N {
                let k = key(&chars, blank).ok_or_else(invalid)?;
                out.by_blanked.entry(k).or_default().push(n);
            }
        }
        Ok(out)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether some word holds `c` at position `p`.
    fn holds(&self, p: usize, c: char) -> bool {
        let c = u32::from(c) as usize;
        let at = (p << 16) + c;
        c < 1 << 16 && self.held[at >> 6] & (1 << (at & 63)) != 0
    }

    /// The words that differ from `window` in exactly one character, with
    /// its position. Only a position whose others all hold some word's
    /// characters in their places is blanked and looked up: in most windows
    /// there is none.
    fn one_apart(&self, window: [char; N]) -> impl Iterator<Item = (usize, [char; N])> + '_ {
        let mut missing = (0..N).filter(|&p| !self.holds(p, window[p]));
        let blanks = match (missing.next(), missing.next()) {
            (None, _) => 0..N,
            (Some(p), None) => p..p + 1,
            _ => 0..0,
        };
        blanks.flat_map(move |blank| {
            key(&window, blank)
                .and_then(|k| self.by_blanked.get(&k))
                .into_iter()
                .flatten()
                .map(move |&n| (blank, self.words[n as usize]))
                .filter(move |(p, word)| word[*p] != window[*p])
        })
    }

    /// The first word one character away from `window` whose character
    /// there is read like the window's.
    fn read_alike(&self, window: [char; N]) -> Option<[char; N]> {
        self.one_apart(window)
            .find(|(p, word)| read_alike(window[*p], word[*p]))
            .map(|(_, word)| word)
    }
}

pub(super) type SetPhrases = OneApart<4>;
pub(super) type ReadAlikeWords = OneApart<2>;

/// Four characters that are a set phrase with one character replaced by one
/// read alike (or a doubled one replaced twice), and the phrase: the genre's
/// own phrases first, then the most frequent idiom. Four characters that are
/// a word (as often as the idioms looked for: `min`, or at all without
/// them), start or end with a three-character word, are two words
/// (学习/教育), or cut a word at either end, are text.
pub(super) fn misspelt_idioms(
    doc: &Document,
    region: Range<usize>,
    min: Option<u32>,
    phrases: &SetPhrases,
) -> Vec<(Range<usize>, String)> {
    let text = doc.text();
    let chars: Vec<(usize, char)> = text[region.clone()]
        .char_indices()
        .map(|(i, c)| (region.start + i, c))
        .collect();
    let mut out = Vec::new();
    let mut next = 0;
    for (i, w) in chars.windows(4).enumerate() {
        if i < next || !w.iter().all(|&(_, c)| is_han(c)) {
            continue;
        }
        let window = [w[0].1, w[1].1, w[2].1, w[3].1];
        let best = phrases.read_alike(window).or_else(|| {
            one_apart(window)
                .into_iter()
                .chain(doubled_apart(window))
                .filter(|(_, idiom)| min.is_some_and(|min| idiom.frequency >= min))
                .filter(|(p, idiom)| read_alike(window[*p], idiom.chars[*p]))
                .max_by_key(|(_, idiom)| idiom.frequency)
                .map(|(_, idiom)| idiom.chars)
        });
        let Some(best) = best else {
            continue;
        };
        let end = w[3].0 + w[3].1.len_utf8();
        let span = w[0].0..end;
        let (two, three) = (w[2].0, w[1].0);
        // jieba's dictionary also lists common misspellings of idioms, at a
        // tiny frequency (别出新裁 3 against 别出心裁 133): a window is a
        // word of its own only as often as the idioms looked for.
        let is_text = dictionary_frequency(&text[span.clone()]) >= min.unwrap_or(1)
            || two_words(&text[span.start..two], &text[two..end])
            || in_dictionary(&text[span.start..w[3].0])
            || in_dictionary(&text[three..end])
            || cuts_a_word(doc, &span);
        if is_text {
            continue;
        }
        out.push((span, best.iter().collect()));
        next = i + 4;
    }
    out
}

/// Two characters that are a word often misspelt, written with one
/// character replaced by one read alike (精随 for 精髓, 短版 for 短板), and
/// the word: where the segmenter found no word, a two-character token no
/// dictionary holds or two single characters side by side that make none.
/// A character that is a common word of its own (是, 一, 有: jieba's
/// frequency `common_from` or more) makes the two characters two words
/// (是干 is 是/干, not 实干 misspelt).
pub(super) fn misspelt_words(
    text: &str,
    tokens: &[Token],
    words: &ReadAlikeWords,
    common_from: u32,
) -> Vec<(Range<usize>, String)> {
    let single = |t: &Token| t.text(text).chars().nth(1).is_none();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let (span, taken) = match tokens.get(i + 1) {
            _ if t.text(text).chars().count() == 2 => (t.range(), 1),
            Some(&u) if single(&t) && single(&u) && t.end == u.start => {
                (t.start as usize..u.end as usize, 2)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let pair = &text[span.clone()];
        let mut cs = pair.chars();
        let window = [cs.next().unwrap_or('a'), cs.next().unwrap_or('a')];
        let common = |c: char| dictionary_frequency(c.encode_utf8(&mut [0; 4])) >= common_from;
        let right = words
            .read_alike(window)
            .filter(|_| window.iter().all(|&c| is_han(c) && !common(c)) && !in_dictionary(pair));
        match right {
            Some(right) => {
                out.push((span, right.iter().collect()));
                i += taken;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether two dictionary words side by side are text, not an idiom
/// misspelt across its halves: when either is a word often written
/// (jieba's frequency): 学习/教育 (13,482, 23,961) and 网格/管理 (27,191)
/// are text; 流于/型式 (3, 433), 精益/求情 (6, 292) and 真知/卓见 (24, 31),
/// two rare words that make no phrase, are an idiom written wrong.
fn two_words(first: &str, second: &str) -> bool {
    const COMMON: u32 = 1000;
    let (a, b) = (dictionary_frequency(first), dictionary_frequency(second));
    in_dictionary(first) && in_dictionary(second) && (a >= COMMON || b >= COMMON)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(list: &[&str]) -> SetPhrases {
        let list: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        SetPhrases::new("set-phrases", &list).unwrap()
    }

    fn apart(p: &SetPhrases, w: &str) -> Vec<(usize, String)> {
        let w: [char; 4] = w.chars().collect::<Vec<_>>().try_into().unwrap();
        p.one_apart(w)
            .map(|(i, c)| (i, c.iter().collect()))
            .collect()
    }

    #[test]
    fn a_phrase_one_character_away_is_found_with_its_position() {
        let p = phrases(&["久久为功", "宗旨意识"]);
        assert_eq!(apart(&p, "久久为攻"), [(3, "久久为功".to_string())]);
        assert_eq!(apart(&p, "宗指意识"), [(1, "宗旨意识".to_string())]);
        // The phrase itself, or two characters away: nothing.
        assert!(apart(&p, "久久为功").is_empty());
        assert!(apart(&p, "久久成攻").is_empty());
    }

    #[test]
    fn a_phrase_must_be_four_chinese_characters() {
        for bad in ["久久为", "久久为功夫", "久久为a", ""] {
            let err = SetPhrases::new("set-phrases", &[bad.to_string()]).unwrap_err();
            assert!(err.to_string().contains("须是4个汉字"), "{bad}: {err}");
        }
    }
}
/// Writes `tests/data/lists/typos-read-alike.txt`, the lines that make
/// every `set-phrases` and `words-read-alike` entry matter to the ablation
/// test (src/eval/ablation.rs): per entry, one misspelling with a character
/// read alike (the most frequent such characters first) that the rule finds
/// with the entry and not without it. An entry with none is named: jieba's
/// idioms or a pair find its misspellings already, so it can go.
/// `cargo test --release --lib regenerate_read_alike_lines -- --ignored`
#[cfg(test)]
mod regenerate {
    use crate::rules::testing::run;
    use crate::segment::{dictionary_frequency, read_alike};

    #[test]
    #[ignore]
    fn regenerate_read_alike_lines() {
        let yaml: serde_yaml::Value =
            serde_yaml::from_str(include_str!("../../../rules/typo.yaml")).unwrap();
        let params = yaml[0]["params"].clone();
        let rule = |params: serde_yaml::Value| {
            let meta = crate::rules::Meta {
                id: "typo".into(),
                severity: crate::diagnostic::Severity::Warning,
                scope: Vec::new(),
                message: yaml[0]["message"].as_str().unwrap().to_string(),
            };
            super::super::build(meta, serde_yaml::from_value(params).unwrap()).unwrap()
        };
        let full = rule(params.clone());
        // Characters the view leaves as they are, most frequent first.
        let mut chars: Vec<(u32, char)> = ('\u{4E00}'..='\u{9FFF}')
            .filter(|&c| crate::view::simplified_char(c).is_none())
            .map(|c| (dictionary_frequency(c.encode_utf8(&mut [0; 4])), c))
            .collect();
        chars.sort_by(|a, b| b.cmp(a));
        let (mut found, mut unneeded) = (Vec::new(), Vec::new());
        for field in ["set-phrases", "words-read-alike"] {
            let list = params[field].as_sequence().unwrap();
            for (i, entry) in list.iter().enumerate() {
                let entry = entry.as_str().unwrap();
                let mut without = params.clone();
                without[field].as_sequence_mut().unwrap().remove(i);
                let less = rule(without);
                let cs: Vec<char> = entry.chars().collect();
                let misspelt = (0..cs.len()).rev().find_map(|p| {
                    chars
                        .iter()
                        .filter(|&&(_, x)| x != cs[p] && read_alike(x, cs[p]))
                        .take(60)
                        .map(|&(_, x)| {
                            let mut w = cs.clone();
                            w[p] = x;
                            w.into_iter().collect::<String>()
                        })
                        .find(|w| {
                            let line = format!("一、存在的问题\n本条列举：{w}。\n");
                            run(full.as_ref(), &line)
                                .iter()
                                .any(|f| f.text == *w && f.message.contains(entry))
                                && run(less.as_ref(), &line).is_empty()
                        })
                });
                match misspelt {
                    Some(w) => found.push(w),
                    None => unneeded.push(format!("{field}: {entry}")),
                }
            }
        }
        let mut lines = vec![
            "列表条目测试：读音相近的错字（每个固定词组、每个易错双音词写错一个字一处；\
             由 src/rules/typo/misspelt.rs 的 regenerate_read_alike_lines 生成）"
                .to_string(),
            "一、存在的问题".to_string(),
        ];
        for (n, chunk) in found.chunks(6).enumerate() {
            lines.push(format!("（{}）本条列举：{}。", n + 1, chunk.join("，")));
        }
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/lists/typos-read-alike.txt"
        );
        std::fs::write(path, lines.join("\n") + "\n").unwrap();
        assert!(unneeded.is_empty(), "no misspelling needs: {unneeded:?}");
    }
}
