//! The matching model: stopwords, synonym groups, IDF weights, and the
//! weighted feature bags that items are compared by.

use crate::document::Document;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The genre IDF table: `word<TAB>idf`, first line `# units N`.
pub const IDF_TABLE: &str = include_str!("../../rules/idf.tsv");

/// `rules/links.yaml` and the `links:` key of a user config.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LinkSpec {
    pub threshold: f64,
    pub cause_threshold: f64,
    pub label_weight: f64,
    pub aspect_weight: f64,
    pub group_weight: f64,
    pub label_cover_weight: f64,
    pub min_chars: usize,
    pub synonyms: Vec<Vec<String>>,
    pub stopwords: Vec<String>,
}

/// A user's partial override of [`LinkSpec`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LinkOverride {
    pub threshold: Option<f64>,
    pub cause_threshold: Option<f64>,
    pub label_weight: Option<f64>,
    pub aspect_weight: Option<f64>,
    pub group_weight: Option<f64>,
    pub label_cover_weight: Option<f64>,
    pub min_chars: Option<usize>,
    pub synonyms: Option<Vec<Vec<String>>>,
    pub stopwords: Option<Vec<String>>,
}

impl LinkOverride {
    pub fn apply(self, spec: &mut LinkSpec) {
        macro_rules! set {
            ($($f:ident),*) => { $(if let Some(v) = self.$f { spec.$f = v; })* };
        }
        set!(threshold, cause_threshold, label_weight, aspect_weight, group_weight, label_cover_weight, min_chars, synonyms, stopwords);
    }
}

/// What a feature came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    Word(u32, u32),
    Group(usize),
}

#[derive(Debug, Clone)]
pub struct Feature {
    key: u64,
    weight: f64,
    /// The text the feature came from (for words) or the group's first word.
    pub text: String,
}

pub struct LinkModel {
    pub label_cover_weight: f64,
    pub threshold: f64,
    pub cause_threshold: f64,
    pub aspect_weight: f64,
    label_weight: f64,
    group_weight: f64,
    min_chars: usize,
    stopwords: HashSet<u64>,
    groups: AhoCorasick,
    /// Group index of each synonym pattern, and each group's display word.
    group_of: Vec<usize>,
    group_names: Vec<String>,
    idf: HashMap<u64, f64>,
    default_idf: f64,
}

/// FNV-1a: cheap, stable hashing of feature strings.
fn key(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

fn group_key(g: usize) -> u64 {
    key(&format!("@group{g}"))
}

impl LinkModel {
    pub fn new(spec: &LinkSpec) -> Result<LinkModel, String> {
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
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        let (idf, default_idf) = parse_idf(IDF_TABLE);
        Ok(LinkModel {
            label_cover_weight: spec.label_cover_weight,
            threshold: spec.threshold,
            cause_threshold: spec.cause_threshold,
            aspect_weight: spec.aspect_weight,
            label_weight: spec.label_weight,
            group_weight: spec.group_weight,
            min_chars: spec.min_chars,
            stopwords: spec.stopwords.iter().map(|w| key(w)).collect(),
            groups,
            group_of,
            group_names: spec.synonyms.iter().map(|g| g.first().cloned().unwrap_or_default()).collect(),
            idf,
            default_idf,
        })
    }

    fn idf(&self, k: u64) -> f64 {
        self.idf.get(&k).copied().unwrap_or(self.default_idf)
    }

    /// Is this token text a content word?
    fn content(&self, w: &str) -> bool {
        w.chars().count() >= self.min_chars
            && w.chars().all(super::super::rules::is_han)
            && !self.stopwords.contains(&key(w))
    }

    /// Unweighted feature keys of a text span: content tokens and groups.
    /// The IDF builder and the matcher share this, so they agree.
    fn feature_keys(&self, doc: &Document, span: Range<usize>) -> Vec<(u64, Name)> {
        let text = doc.text();
        let first = doc.tokens.partition_point(|t| (t.start as usize) < span.start);
        let mut out = Vec::new();
        for t in &doc.tokens[first..] {
            if t.end as usize > span.end {
                break;
            }
            let w = t.text(text);
            if self.content(w) {
                out.push((key(w), Name::Word(t.start, t.end)));
            }
        }
        for m in self.groups.find_iter(&text[span]) {
            let g = self.group_of[m.pattern().as_usize()];
            out.push((group_key(g), Name::Group(g)));
        }
        out
    }

    /// The weighted feature bag of `span`; words inside `label` weigh more.
    pub fn features(&self, doc: &Document, span: Range<usize>, label: Range<usize>) -> Vec<Feature> {
        let label_keys: HashSet<u64> = if label.is_empty() || label == span {
            HashSet::new()
        } else {
            self.feature_keys(doc, label).into_iter().map(|(k, _)| k).collect()
        };
        let mut out: Vec<Feature> = Vec::new();
        for (k, name) in self.feature_keys(doc, span) {
            let mut mult = if label_keys.contains(&k) { self.label_weight } else { 1.0 };
            if matches!(name, Name::Group(_)) {
                mult *= self.group_weight;
            }
            let weight = self.idf(k) * mult;
            let text = match name {
                Name::Word(s, e) => doc.text()[s as usize..e as usize].to_string(),
                Name::Group(g) => format!("〔{}〕", self.group_names[g]),
            };
            out.push(Feature { key: k, weight, text });
        }
        // One entry per key, keeping the heaviest.
        out.sort_by(|a, b| a.key.cmp(&b.key).then(b.weight.total_cmp(&a.weight)));
        out.dedup_by_key(|f| f.key);
        out
    }
}

/// Cosine similarity of two bags sorted by key.
pub fn cosine(a: &[Feature], b: &[Feature]) -> f64 {
    let norm = |v: &[Feature]| v.iter().map(|f| f.weight * f.weight).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let mut dot = 0.0;
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].key.cmp(&b[j].key) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].weight * b[j].weight;
                i += 1;
                j += 1;
            }
        }
    }
    dot / (na * nb)
}

/// How much of `a`'s weight `b` covers (0..1): a short label's key words
/// found in a long measure count fully, however long the measure is.
pub fn coverage(a: &[Feature], b: &[Feature]) -> f64 {
    let total: f64 = a.iter().map(|f| f.weight).sum();
    if total == 0.0 {
        return 0.0;
    }
    let keys: HashSet<u64> = b.iter().map(|f| f.key).collect();
    a.iter().filter(|f| keys.contains(&f.key)).map(|f| f.weight).sum::<f64>() / total
}

/// The `n` heaviest shared features, by their text.
pub fn shared(a: &[Feature], b: &[Feature], n: usize) -> Vec<String> {
    let keys: HashSet<u64> = b.iter().map(|f| f.key).collect();
    let mut common: Vec<&Feature> = a.iter().filter(|f| keys.contains(&f.key)).collect();
    common.sort_by(|x, y| y.weight.total_cmp(&x.weight));
    common.into_iter().take(n).map(|f| f.text.clone()).collect()
}

fn parse_idf(table: &str) -> (HashMap<u64, f64>, f64) {
    let mut units = 1.0;
    let mut idf = HashMap::new();
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
pub fn idf_of(df: usize, units: f64) -> f64 {
    ((units + 1.0) / (df as f64 + 1.0)).ln() + 1.0
}

/// Builds the IDF table from documents: document frequency over paragraphs
/// (a report is too coarse a unit: every report says 加强 and 问题).
pub fn build_idf_table<'a>(model: &LinkModel, docs: impl Iterator<Item = &'a Document<'a>>, group_names: &[String]) -> String {
    let mut df: HashMap<String, usize> = HashMap::new();
    let mut units = 0usize;
    for doc in docs {
        for p in &doc.paragraphs {
            units += 1;
            let mut seen = HashSet::new();
            for (k, name) in model.feature_keys(doc, p.span.clone()) {
                if seen.insert(k) {
                    let word = match name {
                        Name::Word(s, e) => doc.text()[s as usize..e as usize].to_string(),
                        Name::Group(g) => format!("@group{g}\t{}", group_names[g]),
                    };
                    *df.entry(word).or_default() += 1;
                }
            }
        }
    }
    let mut rows: Vec<(String, usize)> = df.into_iter().filter(|(_, n)| *n >= 2).collect();
    rows.sort();
    let mut out = format!("# units {units}\n");
    for (w, n) in rows {
        // Group rows carry the group's first word as a comment column.
        let (word, _) = w.split_once('\t').unwrap_or((&w, ""));
        out.push_str(&format!("{word}\t{:.3}\n", idf_of(n, units as f64)));
    }
    out
}
