//! The matching model: stopwords, synonym groups, IDF weights, and the
//! weighted feature bags that items are compared by.

use super::bag::{Bag, FeatureIndex, Scratch};
use crate::document::Document;
use crate::segment::Token;
use crate::settings::{count_in, in_range, Invalid};
use crate::text::is_han;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The genre IDF table: `word<TAB>idf`, first line `# units N`.
pub(crate) const IDF_TABLE: &str = include_str!("../../rules/idf.tsv");

/// `rules/links.yaml` and the `links:` key of a user config.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct LinkSpec {
    pub threshold: f64,
    pub cause_threshold: f64,
    pub label_weight: f64,
    pub aspect_weight: f64,
    /// Added to the k-th measure's score for the k-th problem aspect (or
    /// cause) when there are as many of them as measures.
    #[serde(default)]
    pub position_weight: f64,
    /// A measure answers an item only if it also scores at least this
    /// share of the item's best measure (0: any measure over the threshold).
    #[serde(default)]
    pub relative: f64,
    /// An item no measure reaches the threshold for is still answered by
    /// its best measure when it is also that measure's best item of its
    /// kind and scores at least this share of the threshold (0: never).
    #[serde(default)]
    pub mutual_floor: f64,
    /// A measure's similarity to an item loses this times its mean
    /// similarity to the other items of that kind (0: nothing).
    #[serde(default)]
    pub hub_weight: f64,
    /// A cause's score with a measure gains this times the largest product
    /// of the cause's similarity to a problem and that problem's to the
    /// measure (0: nothing).
    #[serde(default)]
    pub via_problem_weight: f64,
    pub group_weight: f64,
    pub label_cover_weight: f64,
    pub min_chars: usize,
    /// Words before a measure's reference to the items it answers
    /// (`对应第1、2项`, `针对问题三`); none: references are not read.
    #[serde(default)]
    pub reference_cues: Vec<String>,
    pub synonyms: Vec<Vec<String>>,
    pub stopwords: Vec<String>,
}

/// What a token text contributes (see [`LinkModel::index`]).
#[derive(Debug, Clone)]
struct TokenInfo {
    content: bool,
    idf: f64,
    groups: Vec<u32>,
}

/// What a feature came from: a word (its byte range) or a synonym group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Name {
    Word(u32, u32),
    Group(usize),
}

pub(crate) struct LinkModel {
    pub label_cover_weight: f64,
    pub threshold: f64,
    pub cause_threshold: f64,
    pub aspect_weight: f64,
    pub position_weight: f64,
    pub relative: f64,
    pub mutual_floor: f64,
    pub hub_weight: f64,
    pub via_problem_weight: f64,
    /// `reference-cues` as a pattern (see `references`).
    pub references: Option<regex::Regex>,
    label_weight: f64,
    group_weight: f64,
    min_chars: usize,
    stopwords: HashSet<u64, KeyHash>,
    groups: AhoCorasick,
    /// Group index of each synonym pattern, and each group's display word.
    group_of: Vec<usize>,
    group_keys: Vec<u64>,
    group_names: Vec<String>,
    idf: HashMap<u64, f64, KeyHash>,
    default_idf: f64,
    cache: std::sync::RwLock<HashMap<u64, TokenInfo, KeyHash>>,
    /// Shorter tokens (in bytes) can be neither content words nor hold a synonym.
    min_bytes: usize,
}

/// Keys are already FNV hashes: the maps need only the vocabulary's cheap
/// integer hash.
pub(crate) use crate::text::IntHash as KeyHash;

/// FNV-1a: cheap, stable hashing of feature strings.
fn key(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

fn group_key(g: usize) -> u64 {
    key(&format!("@group{g}"))
}

impl LinkSpec {
    /// Thresholds are similarities (0–1); weights are non-negative.
    pub(crate) fn validate(&self) -> Result<(), Invalid> {
        in_range("threshold", self.threshold, 0.0, 1.0)?;
        in_range("cause-threshold", self.cause_threshold, 0.0, 1.0)?;
        in_range("label-weight", self.label_weight, 0.0, 100.0)?;
        in_range("aspect-weight", self.aspect_weight, 0.0, 1.0)?;
        in_range("position-weight", self.position_weight, 0.0, 1.0)?;
        in_range("relative", self.relative, 0.0, 1.0)?;
        in_range("mutual-floor", self.mutual_floor, 0.0, 1.0)?;
        in_range("hub-weight", self.hub_weight, 0.0, 1.0)?;
        in_range("via-problem-weight", self.via_problem_weight, 0.0, 10.0)?;
        in_range("group-weight", self.group_weight, 0.0, 100.0)?;
        in_range("label-cover-weight", self.label_cover_weight, 0.0, 1.0)?;
        count_in("min-chars", self.min_chars, 1, 20)
    }
}

impl LinkModel {
    pub(crate) fn new(spec: &LinkSpec) -> Result<LinkModel, Invalid> {
        let mut patterns = Vec::new();
        let mut group_of = Vec::new();
        for (g, words) in spec.synonyms.iter().enumerate() {
            for w in words {
                patterns.push(w.clone());
                group_of.push(g);
            }
        }
        let groups = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .map_err(|e| Invalid::in_field("synonyms", e.to_string()))?;
        let (idf, default_idf) = parse_idf(IDF_TABLE);
        Ok(LinkModel {
            label_cover_weight: spec.label_cover_weight,
            threshold: spec.threshold,
            cause_threshold: spec.cause_threshold,
            aspect_weight: spec.aspect_weight,
            position_weight: spec.position_weight,
            relative: spec.relative,
            mutual_floor: spec.mutual_floor,
            hub_weight: spec.hub_weight,
            via_problem_weight: spec.via_problem_weight,
            references: super::references::pattern(&spec.reference_cues),
            label_weight: spec.label_weight,
            group_weight: spec.group_weight,
            min_chars: spec.min_chars,
            stopwords: spec.stopwords.iter().map(|w| key(w)).collect(),
            groups,
            group_of,
            group_keys: (0..spec.synonyms.len()).map(group_key).collect(),
            group_names: spec
                .synonyms
                .iter()
                .map(|g| g.first().cloned().unwrap_or_default())
                .collect(),
            idf,
            default_idf,
            cache: Default::default(),
            // A content word is min-chars Han characters of 3 bytes each.
            min_bytes: patterns
                .iter()
                .map(String::len)
                .min()
                .unwrap_or(usize::MAX)
                .min(spec.min_chars * 3),
        })
    }

    fn idf(&self, k: u64) -> f64 {
        self.idf.get(&k).copied().unwrap_or(self.default_idf)
    }

    /// What the model makes of one token text: whether it is a content
    /// word, its IDF, and the synonym groups found inside it (理论学习 has
    /// 学习). Cached per model: the genre's vocabulary is small.
    fn lookup(&self, w: &str) -> TokenInfo {
        let content = w.chars().count() >= self.min_chars
            && w.chars().all(is_han)
            && !self.stopwords.contains(&key(w));
        let mut groups: Vec<u32> = self
            .groups
            .find_iter(w)
            .map(|m| self.group_of[m.pattern().as_usize()] as u32)
            .collect();
        groups.dedup();
        TokenInfo {
            content,
            idf: self.idf(key(w)),
            groups,
        }
    }

    /// Every feature of the document, in text order: content tokens and the
    /// synonym groups inside tokens, each with its IDF. Built once per
    /// document, so items that overlap (aspects and their items, measures
    /// and their labels) share it. The IDF builder uses it too, so the table
    /// and the matcher agree on what a feature is.
    pub(crate) fn index(&self, doc: &Document) -> FeatureIndex {
        let text = doc.text();
        // Tokens too short to be a content word or hold a synonym (的, 了,
        // punctuation: about half of them) are skipped before any hashing.
        let tokens: Vec<(&Token, u64)> = doc
            .tokens
            .iter()
            .filter(|t| (t.end - t.start) as usize >= self.min_bytes)
            .map(|t| (t, key(t.text(text))))
            .collect();
        // Look up new token texts outside the lock, then add them at once.
        let missing: Vec<(u64, TokenInfo)> = {
            let cache = self.cache.read().expect("cache lock");
            let mut seen = HashSet::<u64, KeyHash>::default();
            tokens
                .iter()
                .filter(|(_, k)| !cache.contains_key(k) && seen.insert(*k))
                .map(|&(t, k)| (k, self.lookup(t.text(text))))
                .collect()
        };
        if !missing.is_empty() {
            self.cache.write().expect("cache lock").extend(missing);
        }
        let cache = self.cache.read().expect("cache lock");
        let mut index = FeatureIndex::with_capacity(tokens.len());
        for (t, k) in &tokens {
            let info = &cache[k];
            let at = t.start as usize;
            if info.content {
                index.push(at, *k, info.idf, Name::Word(t.start, t.end));
            }
            for &g in &info.groups {
                let g = g as usize;
                let gk = self.group_keys[g];
                index.push(at, gk, self.idf(gk) * self.group_weight, Name::Group(g));
            }
        }
        index
    }

    /// The weighted feature bag of `span`; features found inside `label`
    /// weigh `label-weight` times more.
    pub(crate) fn bag(
        &self,
        index: &FeatureIndex,
        scratch: &mut Scratch,
        span: Range<usize>,
        label: Range<usize>,
    ) -> Bag {
        let weight = if label != span {
            self.label_weight
        } else {
            1.0
        };
        index.bag(scratch, span, label, weight)
    }

    /// The text of a feature, for notes: the word, or 〔group〕.
    pub(crate) fn name(&self, doc: &Document, name: Name) -> String {
        match name {
            Name::Word(s, e) => doc.text()[s as usize..e as usize].to_string(),
            Name::Group(g) => format!("〔{}〕", self.group_names[g]),
        }
    }
}

fn parse_idf(table: &str) -> (HashMap<u64, f64, KeyHash>, f64) {
    let mut units = 1.0;
    let mut idf = HashMap::default();
    for line in table.lines() {
        if let Some(n) = line.strip_prefix("# units ") {
            units = n.trim().parse().unwrap_or(1.0);
            continue;
        }
        if let Some((w, v)) = line.split_once('\t') {
            if let Ok(v) = v.trim().parse() {
                idf.insert(key(w), v);
            }
        }
    }
    // Words missing from the table are rare in the genre: full weight.
    (idf, idf_of(0, units))
}

/// Smoothed inverse document frequency.
pub(crate) fn idf_of(df: usize, units: f64) -> f64 {
    ((units + 1.0) / (df as f64 + 1.0)).ln() + 1.0
}

/// Builds the IDF table from documents: document frequency over paragraphs
/// (a report is too coarse a unit: every report says 加强 and 问题).
pub(crate) fn build_idf_table<'a>(
    model: &LinkModel,
    docs: impl Iterator<Item = &'a Document<'a>>,
) -> String {
    let mut df: HashMap<String, usize> = HashMap::new();
    let mut units = 0usize;
    for doc in docs {
        let index = model.index(doc);
        for p in &doc.paragraphs {
            units += 1;
            let mut seen = HashSet::new();
            for (key, name) in index.occurrences(p.span.clone()) {
                if seen.insert(key) {
                    let word = match name {
                        Name::Word(s, e) => doc.text()[s as usize..e as usize].to_string(),
                        Name::Group(g) => format!("@group{g}"),
                    };
                    *df.entry(word).or_default() += 1;
                }
            }
        }
    }
    let mut rows: Vec<(String, usize)> = df.into_iter().filter(|(_, n)| *n >= 2).collect();
    rows.sort();
    let mut out = format!("# units {units}\n");
    for (word, n) in rows {
        out.push_str(&format!("{word}\t{:.3}\n", idf_of(n, units as f64)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::SectionKeywords;
    use crate::segment::Segmenter;
    use crate::source::Source;

    #[test]
    fn the_idf_table_counts_paragraphs_holding_a_word_once_each() {
        // Five paragraphs in two reports; 台账 is in three of them (twice
        // in one), 档案 in one. The table has the number of paragraphs, and
        // a row for each word found in two or more of them, with its
        // smoothed IDF, ln((units + 1) / (df + 1)) + 1; the model reads it back.
        let spec: LinkSpec = serde_yaml::from_str(include_str!("../../rules/links.yaml")).unwrap();
        let model = LinkModel::new(&spec).unwrap();
        let keywords: SectionKeywords =
            serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap();
        let sources = [
            Source::new(
                "a",
                "台账记录不全。\n\n台账更新不及时，台账无人核对。\n\n整改清单未公开。\n",
            ),
            Source::new("b", "台账资料缺失。\n\n档案管理混乱。\n"),
        ];
        let seg = Segmenter::new([]);
        let docs: Vec<Document> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| Document::build(i, s, &seg, &keywords))
            .collect();
        let table = build_idf_table(&model, docs.iter());
        assert!(table.starts_with("# units 5\n"), "{table}");
        let row = |w: &str| {
            table
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{w}\t")).map(str::to_string))
        };
        let expected = ((5.0f64 + 1.0) / (3.0 + 1.0)).ln() + 1.0;
        assert_eq!(row("台账"), Some(format!("{expected:.3}")), "{table}");
        assert_eq!(row("档案"), None, "{table}");
        let (idf, _) = parse_idf(&table);
        assert!((idf[&key("台账")] - expected).abs() < 1e-3);
    }

    fn spec(min_chars: usize, synonyms: &[&[&str]], stopwords: &[&str]) -> LinkSpec {
        LinkSpec {
            threshold: 0.12,
            cause_threshold: 0.07,
            label_weight: 2.0,
            aspect_weight: 0.3,
            position_weight: 0.05,
            relative: 0.6,
            mutual_floor: 0.4,
            hub_weight: 0.0,
            via_problem_weight: 0.0,
            group_weight: 1.5,
            label_cover_weight: 0.5,
            min_chars,
            reference_cues: Vec::new(),
            synonyms: synonyms
                .iter()
                .map(|g| g.iter().map(|w| w.to_string()).collect())
                .collect(),
            stopwords: stopwords.iter().map(|w| w.to_string()).collect(),
        }
    }

    /// A content word: at least `min-chars` Chinese characters, not a
    /// stopword. Synonym groups are found inside any token, once each.
    #[test]
    fn content_words_and_the_groups_inside_a_token() {
        let m = LinkModel::new(&spec(2, &[&["学习", "学"], &["台账"]], &["问题"])).unwrap();
        assert!(m.lookup("调研").content);
        assert!(!m.lookup("调").content, "one character");
        assert!(!m.lookup("问题").content, "a stopword");
        assert!(!m.lookup("ab").content, "not Chinese");
        assert!(!m.lookup("调研2").content);
        assert!(m.lookup("理论学习").content);
        assert_eq!(m.lookup("理论学习").groups, [0]);
        assert_eq!(m.lookup("学习学习台账").groups, [0, 1]);
        assert!(m.lookup("调研").groups.is_empty());
        let three = LinkModel::new(&spec(3, &[], &[])).unwrap();
        assert!(!three.lookup("调研").content);
        assert!(three.lookup("调研员").content);
        // A word missing from the table has the full weight.
        assert_eq!(m.lookup("一个从未见过的词").idf, m.default_idf);
    }

    fn doc_of<'a>(source: &'a Source, seg: &Segmenter) -> Document<'a> {
        let keywords: SectionKeywords =
            serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap();
        Document::build(0, source, seg, &keywords)
    }

    /// The index holds each content token at its place with its IDF, and
    /// each synonym group inside a token with the group's IDF times the
    /// group weight, named by the group's first word.
    #[test]
    fn the_index_holds_content_words_and_weighted_groups() {
        let m = LinkModel::new(&spec(2, &[&["台账", "账本"]], &[])).unwrap();
        let source = Source::new("t", "建立台账。");
        let seg = Segmenter::new([]);
        let doc = doc_of(&source, &seg);
        let index = m.index(&doc);
        let found: Vec<(u64, String)> = index
            .occurrences(0..doc.text().len())
            .map(|(k, n)| (k, m.name(&doc, n)))
            .collect();
        let names: Vec<&str> = found.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["建立", "台账", "〔台账〕"]);
        assert_eq!(found[2].0, group_key(0));
        let mut scratch = index.scratch();
        let span = 0..doc.text().len();
        let bag = m.bag(&index, &mut scratch, span.clone(), span.clone());
        let weights: Vec<f64> = bag.weights().into_iter().map(|(_, w)| w).collect();
        let near = |x: f64, y: f64| (x - y).abs() < 1e-12;
        assert!(near(weights[0], m.idf(key("建立"))), "{weights:?}");
        assert!(near(weights[1], m.idf(key("台账"))), "{weights:?}");
        assert!(near(weights[2], m.idf(group_key(0)) * 1.5), "{weights:?}");
        // Tokens too short to be a content word or hold a synonym are
        // not read: with three characters needed and no synonyms, nothing.
        let bare = LinkModel::new(&spec(3, &[], &[])).unwrap();
        assert_eq!(bare.index(&doc).len(), 0);
    }

    /// Words of the label weigh `label-weight` times more, but not when
    /// the span is the label itself.
    #[test]
    fn label_words_weigh_more_unless_the_span_is_the_label() {
        let m = LinkModel::new(&spec(2, &[], &[])).unwrap();
        let source = Source::new("t", "建立台账制度。");
        let seg = Segmenter::new([]);
        let doc = doc_of(&source, &seg);
        let index = m.index(&doc);
        let all = 0..doc.text().len();
        let label = 0.."建立".len();
        let mut scratch = index.scratch();
        let mut whole = m.bag(&index, &mut scratch, all.clone(), all.clone());
        whole.densify(index.len());
        let labelled = m.bag(&index, &mut scratch, all.clone(), label.clone());
        let own = m.bag(&index, &mut scratch, label.clone(), label.clone());
        let w = |b: &crate::links::bag::Bag| -> Vec<f64> {
            b.weights().into_iter().map(|(_, w)| w).collect()
        };
        let (plain, lab) = (w(&whole), w(&labelled));
        assert_eq!(plain.len(), lab.len());
        assert!((lab[0] - 2.0 * plain[0]).abs() < 1e-12, "{plain:?} {lab:?}");
        assert_eq!(&lab[1..], &plain[1..]);
        // The label's own bag: its words at their own weight.
        assert_eq!(w(&own), [plain[0]]);
    }

    #[test]
    fn idf_is_smoothed_and_the_table_is_read_with_its_units() {
        assert!((idf_of(0, 5.0) - (6f64.ln() + 1.0)).abs() < 1e-12);
        assert!((idf_of(5, 5.0) - 1.0).abs() < 1e-12);
        assert!((idf_of(2, 8.0) - (3f64.ln() + 1.0)).abs() < 1e-12);
        let (idf, default) = parse_idf("# units 9\n台账\t2.5\n坏行\n档案\tx\n");
        assert_eq!(idf.len(), 1);
        assert_eq!(idf[&key("台账")], 2.5);
        assert!((default - idf_of(0, 9.0)).abs() < 1e-12);
        let (_, default) = parse_idf("台账\t2.5\n");
        assert!((default - idf_of(0, 1.0)).abs() < 1e-12);
    }

    /// Thresholds and weights in their ranges, bounds included.
    #[test]
    fn the_specs_values_are_checked_with_their_bounds() {
        assert!(spec(1, &[], &[]).validate().is_ok());
        assert!(spec(20, &[], &[]).validate().is_ok());
        assert!(spec(0, &[], &[]).validate().is_err());
        assert!(spec(21, &[], &[]).validate().is_err());
        let with = |f: &dyn Fn(&mut LinkSpec)| {
            let mut s = spec(2, &[], &[]);
            f(&mut s);
            s.validate().is_ok()
        };
        assert!(with(&|s| s.threshold = 1.0));
        assert!(!with(&|s| s.threshold = 1.01));
        assert!(!with(&|s| s.cause_threshold = -0.01));
        assert!(with(&|s| s.label_weight = 100.0));
        assert!(!with(&|s| s.label_weight = 100.5));
        assert!(!with(&|s| s.aspect_weight = 1.5));
        assert!(!with(&|s| s.position_weight = 1.5));
        assert!(!with(&|s| s.relative = 1.5));
        assert!(!with(&|s| s.mutual_floor = -0.1));
        assert!(!with(&|s| s.group_weight = 101.0));
        assert!(!with(&|s| s.label_cover_weight = 1.5));
    }

    #[test]
    fn feature_keys_are_fnv1a() {
        // FNV-1a of the empty string and of "a" (published test values).
        assert_eq!(key(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(key("a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(group_key(0), group_key(1));
    }
}
