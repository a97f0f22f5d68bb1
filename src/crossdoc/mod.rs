//! Cross-document rules: reports that are (nearly) whole copies of another
//! report or a reference (`copied-report`), passages shared between reports
//! of one run (`shared-passage`) or with reference texts (`template-copy`),
//! passages repeated inside one report (`repeated-passage`); the similarity
//! of each pair and the groups of reports that copied from each other.
//!
//! Every text is normalised and winnowed ([`winnow`]); all fingerprints go
//! into one array sorted by hash ([`index`]), so only texts that share a
//! fingerprint are compared, never all pairs, and no input makes the work
//! quadratic. Seeds become passages ([`passages`]); passages become one
//! finding per passage per report ([`findings`]).

mod findings;
mod index;
mod kinds;
mod normalize;
mod passages;
mod winnow;

pub(crate) use findings::{CopyGroup, Similarity};
pub(crate) use kinds::{CrossKind, CrossRule, CrossRules};

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::settings::{count_in, in_range, Invalid};
use crate::source::Source;
use crate::view::View;
use aho_corasick::AhoCorasick;
use normalize::Normalized;
use serde::Deserialize;
use std::ops::Range;

/// `rules/fingerprints.yaml` and the `copying:` key of a user config.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct CopySpec {
    /// k: runs shorter than this many characters never match.
    pub(crate) noise: usize,
    /// t: every shared run at least this long is found.
    pub(crate) guarantee: usize,
    /// A fingerprint in more reports than this is common wording.
    pub(crate) max_docs: usize,
    /// Runs this close (characters) in both texts form one passage.
    pub(crate) merge_gap: usize,
    /// Stock sentences that are nobody's copy.
    pub(crate) stock: Vec<String>,
    /// A report this much of which another text has is a copy of it.
    pub(crate) whole_copy: f64,
    /// Reports sharing this much form a copy group.
    pub(crate) group_share: f64,
    /// Leave out the opening paragraph (a team describes the same preparation).
    pub(crate) skip_opening: bool,
    /// A report with more copied passages than this gets one finding for
    /// them all (a rule's `summary`), not one each.
    pub(crate) max_passages: usize,
}

impl CopySpec {
    /// Shared runs shorter than about eight characters are common phrases,
    /// not copies: a smaller `noise` floods the output (every report shares
    /// thousands of short runs with every other).
    pub(crate) fn validate(&self) -> Result<(), Invalid> {
        count_in("noise", self.noise, 8, 500)?;
        count_in("guarantee", self.guarantee, self.noise, 1000).map_err(|mut e| {
            e.message = format!(
                "`guarantee` 须不小于 `noise`（{}）且不超过 1000（现为 {}）",
                self.noise, self.guarantee
            );
            e
        })?;
        count_in("max-docs", self.max_docs, 1, 1_000_000)?;
        count_in("merge-gap", self.merge_gap, 0, 200)?;
        in_range("whole-copy", self.whole_copy, 0.5, 1.0)?;
        count_in("max-passages", self.max_passages, 1, 1000)?;
        in_range("group-share", self.group_share, 0.05, 1.0)
    }
}

/// What the cross-document stage found.
#[derive(Debug, Default)]
pub(crate) struct CrossReport {
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) similarity: Vec<Similarity>,
    pub(crate) copy_groups: Vec<CopyGroup>,
    /// Every passage found between two reports, or a report and a reference
    /// (the HTML report highlights them side by side).
    pub(crate) passages: Vec<SharedSpan>,
}

/// A passage two texts share: `a` is a checked report; `b` another report,
/// or a reference (`template`). Spans are byte ranges of the views until the
/// engine maps them to the files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SharedSpan {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) span_a: Range<usize>,
    pub(crate) span_b: Range<usize>,
    pub(crate) template: bool,
}

/// What the cross-document stage keeps of one text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prints {
    fingerprints: Vec<winnow::Fingerprint>,
    /// Characters compared (the share of a passage is relative to this).
    chars: usize,
    /// Byte ranges left out (title, opening, headings), to rebuild the text.
    skip: Vec<Range<usize>>,
}

impl Prints {
    /// (hash, normalised position) of each fingerprint, in text order.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.fingerprints.iter().map(|f| (f.hash, f.pos))
    }

    /// Characters compared.
    pub(crate) fn chars(&self) -> usize {
        self.chars
    }

    /// Byte ranges of the text left out of the comparison.
    pub(crate) fn skip(&self) -> &[Range<usize>] {
        &self.skip
    }
}

/// Fingerprints texts; built once per run.
pub(crate) struct Fingerprinter {
    k: usize,
    t: usize,
    /// Stock phrases and formulations, encoded as [`encode`] does: masked
    /// in every text (no fingerprint starts a match there).
    stock: Option<AhoCorasick>,
}

/// Three bytes per normalised character: the first has its high bit set,
/// the other two not, so a match of encoded phrases can only start on a
/// character; a break is a triple no phrase contains.
fn encode(chars: &[u32], out: &mut Vec<u8>) {
    out.clear();
    out.reserve(chars.len() * 3);
    for &c in chars {
        if normalize::is_sentinel(c) {
            out.extend([0xFF, 0xFF, 0xFF]);
        } else {
            out.extend([
                0x80 | (c >> 14) as u8,
                (c >> 7) as u8 & 0x7F,
                c as u8 & 0x7F,
            ]);
        }
    }
}

impl Fingerprinter {
    pub(crate) fn new(spec: &CopySpec, stock: &[String]) -> Fingerprinter {
        let k = noise(spec);
        let mut buf = Vec::new();
        let phrases: Vec<Vec<u8>> = spec
            .stock
            .iter()
            .chain(stock)
            .map(|s| normalize::chars(s))
            .filter(|c| !c.is_empty())
            .map(|c| {
                encode(&c, &mut buf);
                buf.clone()
            })
            .collect();
        let stock = crate::rules::lexicon::automaton_builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&phrases)
            .ok()
            .filter(|_| !phrases.is_empty());
        Fingerprinter {
            k,
            t: short_line(spec),
            stock,
        }
    }

    fn mask_stock(&self, n: &mut Normalized) {
        let Some(stock) = &self.stock else { return };
        let mut bytes = Vec::new();
        encode(&n.chars, &mut bytes);
        let found: Vec<Range<usize>> = stock
            .find_iter(&bytes)
            .map(|m| m.start() / 3..m.end() / 3)
            .collect();
        for r in found {
            n.mask(r);
        }
    }

    pub(crate) fn prints(&self, text: &str, skip: Vec<Range<usize>>) -> Prints {
        let mut n = Normalized::build(text, &skip);
        self.mask_stock(&mut n);
        Prints {
            fingerprints: winnow::fingerprints(&n.chars, self.k, self.t),
            chars: n.text_chars(),
            skip,
        }
    }
}

/// Runs shorter than this are noise (the winnowing `k`).
fn noise(spec: &CopySpec) -> usize {
    spec.noise.max(1)
}

/// Lines shorter than this are headings, not prose (the winnowing
/// guarantee `t`): known before the fingerprinter is built.
pub(crate) fn short_line(spec: &CopySpec) -> usize {
    spec.guarantee.max(noise(spec))
}

/// What of a document is not compared: its title; when it has parts and
/// `skip_opening`, the opening before them (依据、会前学习、征求意见: the same
/// for a whole team); and lines shorter than `short` characters, the
/// headings every report of a year shares (在学习贯彻党的创新理论方面).
pub(crate) fn skip_ranges(doc: &Document, short: usize, skip_opening: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let title_end = doc.outline.title_end;
    if title_end > 0 {
        out.push(0..title_end);
    }
    let opening_end = doc
        .outline
        .sections
        .first()
        .map(|s| s.span.start)
        .filter(|_| skip_opening);
    if let Some(end) = opening_end {
        if title_end < end {
            out.push(title_end..end);
        }
    }
    let text = doc.text();
    for p in &doc.paragraphs {
        let in_opening = opening_end.is_some_and(|e| p.span.start < e);
        if !in_opening && text[p.span.clone()].chars().count() < short {
            out.push(p.span.clone());
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// The texts of a run: the files (names, positions) and the views the
/// documents were read in (what is compared; spans found are in them).
pub(crate) struct Texts<'a> {
    pub(crate) sources: &'a [Source],
    pub(crate) views: &'a [View<'a>],
}

impl Texts<'_> {
    /// The 1-based line in the file of a view offset of text `d`.
    pub(crate) fn line(&self, d: usize, at: usize) -> usize {
        let at = self.views[d].to_source(at..at).start;
        self.sources[d].position(at).0
    }
}

/// The texts of a run as the passages need them: compared characters,
/// and the map back to byte spans (of the views).
pub(crate) struct Corpus<'a> {
    texts: Vec<&'a str>,
    /// What of each text is not compared (see [`skip_ranges`]).
    skips: Vec<Vec<Range<usize>>>,
}

impl Corpus<'_> {
    fn compact(&self, d: u32) -> Vec<u16> {
        normalize::compact(self.texts[d as usize], &self.skips[d as usize])
    }

    /// Byte spans of normalised character ranges of text `d`.
    fn spans(&self, d: u32, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
        normalize::byte_ranges(self.texts[d as usize], &self.skips[d as usize], ranges)
    }

    /// The compared part of text `d`: from its first compared character to
    /// its last.
    fn compared(&self, d: u32) -> Range<usize> {
        let chars = self.compact(d);
        let first = chars.iter().position(|&c| c != normalize::BREAK);
        let last = chars.iter().rposition(|&c| c != normalize::BREAK);
        match (first, last) {
            (Some(f), Some(l)) => self.spans(d, std::slice::from_ref(&(f..l + 1))).remove(0),
            _ => 0..0,
        }
    }
}

/// Runs the cross-document rules. `texts[..checked]` are the run's
/// reports, the rest reference texts; `prints` has one entry per text.
/// Spans found are in the views. `max_shared` turns pairs above that share
/// into errors.
pub(crate) fn check(
    spec: &CopySpec,
    rules: &CrossRules,
    texts: &Texts,
    checked: usize,
    prints: Vec<Prints>,
    fingerprinter: &Fingerprinter,
    max_shared: Option<f64>,
) -> CrossReport {
    if rules.is_empty() {
        return CrossReport::default();
    }
    let k = fingerprinter.k;
    let chars: Vec<usize> = prints.iter().map(|p| p.chars).collect();
    let mut skips = Vec::with_capacity(prints.len());
    let mut fingerprints = Vec::with_capacity(prints.len());
    for p in prints {
        skips.push(p.skip);
        fingerprints.push(p.fingerprints);
    }
    let seeds = index::seeds(fingerprints, checked, k, spec.max_docs);
    let corpus = Corpus {
        texts: texts.views.iter().map(View::text).collect(),
        skips,
    };
    findings::report(
        &findings::Run {
            spec,
            rules,
            texts,
            checked,
            chars: &chars,
            k,
            t: fingerprinter.t,
            max_shared,
        },
        seeds,
        &corpus,
    )
}

/// A passage shared by a text and another, found from seeds an index
/// outside this stage supplied (the archive's): byte spans in both texts.
#[derive(Debug, Clone)]
pub(crate) struct Shared {
    /// Which of the other texts.
    pub(crate) other: usize,
    pub(crate) here: Range<usize>,
    pub(crate) there: Range<usize>,
    /// Normalised characters, on this text's side.
    pub(crate) chars: usize,
}

/// Passages of at least `min_chars` characters between `text` and each of
/// `others` (text, skipped ranges), grown from seeds `(other, position
/// here, position there)` (normalised positions of shared fingerprints),
/// exactly as the cross-document stage grows its own.
pub(crate) fn passages_from_seeds(
    spec: &CopySpec,
    fingerprinter: &Fingerprinter,
    text: (&str, &[Range<usize>]),
    others: &[(&str, &[Range<usize>])],
    seeds: &[(usize, u32, u32)],
    min_chars: usize,
) -> Vec<Shared> {
    let hits: Vec<index::Hit> = seeds
        .iter()
        .map(|&(other, pos_a, pos_b)| index::Hit {
            a: 0,
            b: other as u32 + 1,
            pos_a,
            pos_b,
        })
        .collect();
    let all = std::iter::once(&text).chain(others);
    let corpus = Corpus {
        texts: all.clone().map(|t| t.0).collect(),
        skips: all.map(|t| t.1.to_vec()).collect(),
    };
    passages::build(hits, fingerprinter.k, spec.merge_gap, &corpus, min_chars)
        .into_iter()
        .map(|p| Shared {
            other: p.b as usize - 1,
            here: p.span_a,
            there: p.span_b,
            chars: p.chars,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{encode, passages_from_seeds, skip_ranges, CopySpec, Fingerprinter};
    use crate::document::Document;
    use crate::outline::SectionKeywords;
    use crate::segment::Segmenter;
    use crate::source::Source;

    #[test]
    fn lines_shorter_than_short_are_skipped_and_no_others() {
        // After a sentence, a 6-character line, a 9-character line and a 10-character line,
        // with `short` = 10: only the lines below ten characters are left
        // out of the comparison (the headings every report shares).
        let keywords: SectionKeywords =
            serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap();
        let text = "我们认真开展了批评和自我批评，查找了问题。\n\n查摆问题清单\n\n一二三四五六七八九\n\n一二三四五六七八九十\n";
        let source = Source::new("t", text);
        let doc = Document::build(0, &source, &Segmenter::new([]), &keywords);
        let skipped: Vec<&str> = skip_ranges(&doc, 10, false)
            .into_iter()
            .map(|r| &doc.text()[r])
            .collect();
        assert_eq!(skipped, ["查摆问题清单", "一二三四五六七八九"]);
    }

    #[test]
    fn a_short_line_inside_a_skipped_opening_is_not_skipped_twice() {
        // A title, an opening, then the parts, with the opening skipped: the
        // short lines before the parts are inside the title or opening range
        // and are not listed again (ranges never overlap).
        let keywords: SectionKeywords =
            serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap();
        let text = "对照检查材料\n\n会前学习情况\n\n根据要求，我认真学习了有关文件，广泛征求了意见建议。\n\n一、存在的问题\n\n（一）理论学习不够深入，学用结合不紧。\n";
        let source = Source::new("t", text);
        let doc = Document::build(0, &source, &Segmenter::new([]), &keywords);
        let ranges = skip_ranges(&doc, 10, true);
        for w in ranges.windows(2) {
            assert!(w[0].end <= w[1].start, "overlapping: {ranges:?}");
        }
        assert!(ranges
            .iter()
            .any(|r| doc.text()[r.clone()].contains("会前学习情况")));
    }

    #[test]
    fn encoding_keeps_every_bit_of_a_character() {
        // 中 U+4E2D and 大 U+5927: high bit set on the first byte only, and
        // the low seven bits of the character in the last one (were they
        // lost, 中 and 丼 U+4E3C would encode alike and a stock phrase would
        // mask text it does not contain).
        let mut out = Vec::new();
        encode(&['中' as u32, '大' as u32], &mut out);
        assert_eq!(out, [0x81, 0x1C, 0x2D, 0x81, 0x32, 0x27], "{out:x?}");
        let mut other = Vec::new();
        encode(&['丼' as u32], &mut other);
        assert_ne!(out[..3], other[..]);
    }

    fn spec(noise: usize, guarantee: usize, stock: &[&str]) -> CopySpec {
        CopySpec {
            noise,
            guarantee,
            max_docs: 10,
            merge_gap: 5,
            stock: stock.iter().map(|s| s.to_string()).collect(),
            whole_copy: 0.8,
            group_share: 0.5,
            skip_opening: true,
            max_passages: 10,
        }
    }

    /// Normalised positions of the k-grams of `text`'s fingerprints.
    fn kgrams(f: &Fingerprinter, text: &str, k: usize) -> Vec<std::ops::Range<usize>> {
        f.prints(text, Vec::new())
            .pairs()
            .map(|(_, p)| p as usize..p as usize + k)
            .collect()
    }

    /// Stock wording, from the spec or given by the rules, takes no
    /// fingerprint: no fingerprinted k-gram overlaps it. Other text does.
    #[test]
    fn stock_phrases_take_no_fingerprint_wherever_they_come_from() {
        let stock = "坚持以人民为中心的发展思想";
        let text = format!("我们在调研中发现基层干部{stock}落实不够到位还有差距");
        let at = text.chars().position(|c| c == '坚').unwrap();
        let masked = at..at + stock.chars().count();
        let overlaps = |r: &std::ops::Range<usize>| r.start < masked.end && masked.start < r.end;
        let plain = Fingerprinter::new(&spec(8, 10, &[]), &[]);
        assert!(kgrams(&plain, &text, 8).iter().any(overlaps));
        for f in [
            Fingerprinter::new(&spec(8, 10, &[stock]), &[]),
            Fingerprinter::new(&spec(8, 10, &[]), &[stock.to_string()]),
            Fingerprinter::new(&spec(8, 10, &[""]), &[stock.to_string()]),
        ] {
            let got = kgrams(&f, &text, 8);
            assert!(!got.is_empty());
            assert!(!got.iter().any(overlaps), "{got:?}");
        }
        // An empty phrase masks nothing.
        let empty = Fingerprinter::new(&spec(8, 10, &[""]), &[]);
        assert_eq!(kgrams(&empty, &text, 8), kgrams(&plain, &text, 8));
    }

    /// The guarantee is never below the noise threshold; it is the length
    /// of a line below which a line is a heading. Characters compared leave
    /// out punctuation and breaks.
    #[test]
    fn the_guarantee_is_at_least_the_noise_threshold() {
        assert_eq!(super::short_line(&spec(8, 20, &[])), 20);
        assert_eq!(super::short_line(&spec(12, 9, &[])), 12);
        let f = Fingerprinter::new(&spec(8, 10, &[]), &[]);
        let p = f.prints("学习，工作。\n作风", std::iter::once(0..3).collect());
        assert_eq!(p.chars(), 5);
        assert_eq!(p.skip(), std::slice::from_ref(&(0..3)));
    }

    /// The title is skipped; the opening before the parts only when asked.
    #[test]
    fn the_opening_is_skipped_only_when_asked() {
        let keywords: SectionKeywords =
            serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap();
        let text = "对照检查材料\n根据要求，我认真学习了有关文件，广泛征求了意见建议。\n一、存在的问题\n（一）理论学习不够深入，学用结合不紧。\n";
        let source = Source::new("t", text);
        let doc = Document::build(0, &source, &Segmenter::new([]), &keywords);
        let shown = |skip: bool| -> Vec<String> {
            skip_ranges(&doc, 8, skip)
                .into_iter()
                .map(|r| doc.text()[r].to_string())
                .collect()
        };
        assert_eq!(
            shown(true),
            [
                "对照检查材料".to_string(),
                "\n根据要求，我认真学习了有关文件，广泛征求了意见建议。\n".to_string(),
                "一、存在的问题".to_string()
            ]
        );
        // Without the opening: the title and the short heading only. (The
        // title, a short line, is listed twice then, as the title and as a
        // short line: the same range, which the walk skips once.)
        let mut without = shown(false);
        without.dedup();
        assert_eq!(
            without,
            ["对照检查材料".to_string(), "一、存在的问题".to_string()]
        );
    }

    /// Passages grown from seeds: exact runs grow to the whole shared
    /// stretch, runs apart by a changed word are bridged into one passage
    /// from the first shared character to the last, its byte spans in both
    /// texts; shorter than `min_chars`, nothing.
    #[test]
    fn seeds_grow_into_passages_bridged_across_a_changed_word() {
        let spec = spec(13, 20, &[]);
        let f = Fingerprinter::new(&spec, &[]);
        let first = "去年九月我在全县安全生产大检查中只听取了汇报";
        let second = "没有深入任何一家危化品企业的生产车间对三处重大隐患的整改进度";
        let a = format!("开头完全不同甲乙{first}{second}此致");
        let b = format!("另一个开头{first}而且{second}完毕");
        let pos = |t: &str, w: &str| t[..t.find(w).unwrap()].chars().count() as u32;
        let seeds = [
            (0, pos(&a, "全县"), pos(&b, "全县")),
            (0, pos(&a, "危化品"), pos(&b, "危化品")),
        ];
        let got = passages_from_seeds(&spec, &f, (&a, &[]), &[(&b, &[])], &seeds, 20);
        assert_eq!(got.len(), 1, "{got:?}");
        let p = &got[0];
        assert_eq!(p.other, 0);
        assert_eq!(&a[p.here.clone()], format!("{first}{second}"));
        assert_eq!(&b[p.there.clone()], format!("{first}而且{second}"));
        assert_eq!(p.chars, (first.to_string() + second).chars().count());
        // One seed in the first run alone grows it and bridges on.
        let got = passages_from_seeds(&spec, &f, (&a, &[]), &[(&b, &[])], &seeds[..1], 20);
        assert_eq!(got.len(), 1);
        assert_eq!(&a[got[0].here.clone()], format!("{first}{second}"));
        // Longer than the passage: nothing.
        let long = (first.to_string() + second).chars().count() + 1;
        assert!(passages_from_seeds(&spec, &f, (&a, &[]), &[(&b, &[])], &seeds, long).is_empty());
        // No seeds, no passages.
        assert!(passages_from_seeds(&spec, &f, (&a, &[]), &[(&b, &[])], &[], 20).is_empty());
    }

    /// A run after a paragraph break on the same diagonal as the passage
    /// before it (the break in the same place in both texts) is not
    /// covered by that passage, and is bridged on its own: across the
    /// changed character after it (甲 / 乙), to a shared stretch that has
    /// no seed. (The seeds are the first 13 characters of each paragraph.)
    #[test]
    fn a_run_on_the_diagonal_of_the_passage_before_a_break_is_bridged_too() {
        let spec = spec(13, 20, &[]);
        let f = Fingerprinter::new(&spec, &[]);
        let first = "去年九月我在全县安全生产大检查中只听取了汇报";
        let second = "没有深入任何一家危化品企业的生产车间";
        let third = "对三处重大隐患的整改进度也没有跟踪督办";
        let a = format!("开头完全不同甲乙{first}\n{second}甲{third}此致");
        let b = format!("另一个开头{first}\n{second}乙{third}完毕");
        let pos = |t: &str, w: &str| t[..t.find(w).unwrap()].chars().count() as u32;
        let seeds = [
            (0, pos(&a, "去年"), pos(&b, "去年")),
            (0, pos(&a, "没有深入"), pos(&b, "没有深入")),
        ];
        let mut got = passages_from_seeds(&spec, &f, (&a, &[]), &[(&b, &[])], &seeds, 20);
        got.sort_by_key(|p| p.here.start);
        let here: Vec<&str> = got.iter().map(|p| &a[p.here.clone()]).collect();
        let second_on = format!("{second}甲{third}");
        assert_eq!(here, [first, second_on.as_str()]);
        assert_eq!(&b[got[1].there.clone()], format!("{second}乙{third}"));
    }

    /// Seeds in two other texts make a passage with each, named by which
    /// other text it is.
    #[test]
    fn passages_are_found_with_each_other_text() {
        let spec = spec(13, 20, &[]);
        let f = Fingerprinter::new(&spec, &[]);
        let shared = "去年九月我在全县安全生产大检查中只听取了汇报没有深入企业";
        let a = format!("开头甲{shared}此致");
        let b = format!("开头乙乙{shared}完毕");
        let c = format!("丙{shared}丙");
        let pos = |t: &str| t[..t.find("全县").unwrap()].chars().count() as u32;
        let seeds = [(1, pos(&a), pos(&c)), (0, pos(&a), pos(&b))];
        let mut got =
            passages_from_seeds(&spec, &f, (&a, &[]), &[(&b, &[]), (&c, &[])], &seeds, 20);
        got.sort_by_key(|p| p.other);
        let others: Vec<usize> = got.iter().map(|p| p.other).collect();
        assert_eq!(others, [0, 1]);
        assert!(got.iter().all(|p| &a[p.here.clone()] == shared));
        assert_eq!(&c[got[1].there.clone()], shared);
    }
}
