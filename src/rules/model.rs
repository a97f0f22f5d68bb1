//! Item models: which items of a part read like a kind of defect, learned
//! from labelled reports rather than listed phrase by phrase.
//!
//! Why: praise given as a problem and excuses given as causes are written
//! in endless ways (获评先进, 排名第二, 从未红过脸; 人手少, 上面要求多,
//! 时代变化快…). Phrase lists tuned on one set of reports found .58–.72 of
//! the praise on reports written afterwards by other hands; a model of the
//! character pairs and triples of whole items, learned from the same sets,
//! finds .87 of the praise and .88 of the excuses on each set left out of
//! its training (see `rules/models/README`).
//!
//! The model is naive Bayes over which two- and three-character grams an
//! item holds (presence, not counts): an item's score is the prior log-odds
//! plus, for each gram it holds, the gram's log-likelihood ratio. Tables
//! are `rules/models/NAME.tsv` (gram, weight), written by
//! `examples/train_models.rs` and compiled by build.rs into hash tables.
//! Digits, Latin letters and spaces are left out of the grams: numbers and
//! names say nothing of the kind of item.

use std::ops::Range;

include!(concat!(env!("OUT_DIR"), "/models.rs"));

// gram_key, gram_slot: the encoding build.rs writes the tables with.
include!("model_hash.rs");

/// Characters that take part in grams.
fn counts(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_ascii_alphanumeric()
        || ('０'..='９').contains(&c)
        || crate::text::is_space(c))
}

/// The keys of the distinct two- and three-character grams of `text`
/// (characters that do not count left out first), sorted.
pub(crate) fn grams(text: &str) -> Vec<u64> {
    let chars: Vec<char> = text.chars().filter(|&c| counts(c)).collect();
    let mut out = Vec::with_capacity(2 * chars.len());
    for n in [2, 3] {
        out.extend(chars.windows(n).map(gram_key));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A learned table: the prior log-odds and each gram's weight.
pub(crate) struct Model {
    prior: f64,
    /// `2^bits` slots, each a key's fingerprint (`u32`, little-endian; 0
    /// for none) and its weight in 1/1024 (`i16`), placed by `gram_slot` and
    /// linear probing (build.rs refuses a table where two grams share a
    /// fingerprint).
    table: &'static [u8],
    bits: u32,
}

const ENTRY: usize = 6;

impl Model {
    /// The embedded model `name` (a file stem in `rules/models/`).
    pub(crate) fn named(name: &str) -> Option<Model> {
        MODELS
            .iter()
            .find(|(n, _, _, _)| *n == name)
            .map(|&(_, prior, bits, table)| Model {
                prior: f64::from(prior),
                table,
                bits,
            })
    }

    /// The names of the embedded models, for an error message.
    pub(crate) fn names() -> Vec<&'static str> {
        MODELS.iter().map(|(n, _, _, _)| *n).collect()
    }

    fn print_at(&self, i: usize) -> u32 {
        let at = ENTRY * i;
        u32::from_le_bytes(self.table[at..at + 4].try_into().expect("four bytes"))
    }

    /// The slot of a gram, if the model holds it (or, as rarely as one in
    /// 2^32 per lookup, another gram with its fingerprint).
    fn find(&self, key: u64) -> Option<usize> {
        let mask = (1 << self.bits) - 1;
        let (mut at, print) = gram_slot(key, self.bits);
        loop {
            match self.print_at(at) {
                0 => return None,
                p if p == print => return Some(at),
                _ => at = (at + 1) & mask,
            }
        }
    }

    fn weight_at(&self, slot: usize) -> f64 {
        let from = ENTRY * slot + 4;
        let w = i16::from_le_bytes(self.table[from..from + 2].try_into().expect("two bytes"));
        f64::from(w) / 1024.0
    }

    /// The log-odds that `text` is an item of the model's kind: the prior
    /// and the weight of each gram held, each gram once. (The grams found
    /// are told apart by their slots, in a small set of this call's own:
    /// cheaper than sorting every gram of the item.)
    pub(crate) fn score(&self, text: &str) -> f64 {
        let chars: Vec<char> = text.chars().filter(|&c| counts(c)).collect();
        let size = (4 * chars.len()).next_power_of_two().max(16);
        let mut seen = vec![u32::MAX; size];
        let mut sum = self.prior;
        for n in [2, 3] {
            for gram in chars.windows(n) {
                let Some(at) = self.find(gram_key(gram)) else {
                    continue;
                };
                let at = at as u32;
                let mut i = at.wrapping_mul(0x9E37_79B1) as usize & (size - 1);
                loop {
                    match seen[i] {
                        u32::MAX => {
                            seen[i] = at;
                            sum += self.weight_at(at as usize);
                            break;
                        }
                        s if s == at => break,
                        _ => i = (i + 1) & (size - 1),
                    }
                }
            }
        }
        sum
    }

    /// The one of `spans` whose grams weigh most: where an item reads most
    /// like the kind, to show the reader.
    pub(crate) fn strongest(
        &self,
        text: &str,
        spans: impl Iterator<Item = Range<usize>>,
    ) -> Option<Range<usize>> {
        spans
            .map(|s| (self.score(&text[s.clone()]), s))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, s)| s)
    }
}

/// A model as training gives it, before it is written as a table.
pub struct Trained {
    /// The prior log-odds.
    pub prior: f64,
    /// Each gram kept and its weight, by gram.
    pub weights: Vec<(String, f64)>,
}

impl Trained {
    /// The log-odds of `text`, as [`Model::score`] gives it once the table
    /// is compiled: to judge a model before it is written.
    pub fn scorer(&self) -> impl Fn(&str) -> f64 + '_ {
        let by_key: std::collections::HashMap<u64, f64> = self
            .weights
            .iter()
            .map(|(g, w)| (gram_key(&g.chars().collect::<Vec<_>>()), *w))
            .collect();
        move |text| {
            self.prior
                + grams(text)
                    .iter()
                    .filter_map(|k| by_key.get(k))
                    .sum::<f64>()
        }
    }
}

/// Naive Bayes weights from labelled items (`true`: of the kind): the prior
/// log-odds, and each gram found in at least `min_count` items with its
/// log-likelihood ratio, smoothed by `alpha` (a Beta prior on each gram's
/// presence). Grams sorted, so a table is the same for the same items.
pub(crate) fn train(items: &[(bool, &str)], alpha: f64, min_count: usize) -> Trained {
    use std::collections::BTreeMap;
    let (mut yes, mut no) = (0usize, 0usize);
    let mut seen: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for &(of_kind, text) in items {
        if of_kind {
            yes += 1;
        } else {
            no += 1;
        }
        let chars: Vec<char> = text.chars().filter(|&c| counts(c)).collect();
        let mut distinct: Vec<String> = [2, 3]
            .iter()
            .flat_map(|&n| chars.windows(n).map(|w| w.iter().collect::<String>()))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        for g in distinct {
            let e = seen.entry(g).or_default();
            if of_kind {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    let share = |n: usize, of: usize| (n as f64 + alpha) / (of as f64 + 2.0 * alpha);
    let prior = (yes.max(1) as f64 / no.max(1) as f64).ln();
    let weights = seen
        .into_iter()
        .filter(|(_, (a, b))| a + b >= min_count)
        .map(|(g, (a, b))| {
            let w = share(a, yes).ln() - share(b, no).ln();
            (g, w)
        })
        .collect();
    Trained { prior, weights }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_leave_out_digits_letters_and_spaces_and_are_distinct() {
        let g = grams("完成 12 项，完成");
        // 完成 twice is one gram; 成项 joins across the number left out.
        let expect = |s: &str| gram_key(&s.chars().collect::<Vec<_>>());
        for s in [
            "完成",
            "成项",
            "项，",
            "，完",
            "完成项",
            "成项，",
            "项，完",
            "，完成",
        ] {
            assert!(g.contains(&expect(s)), "{s}");
        }
        assert_eq!(g.len(), 8);
        assert!(grams("ab 12 ３").is_empty());
    }

    #[test]
    fn keys_of_different_grams_differ() {
        let k = |s: &str| gram_key(&s.chars().collect::<Vec<_>>());
        assert_ne!(k("成绩"), k("绩成"));
        assert_ne!(k("成绩"), k("成绩好"));
        assert!(k("成绩") < 1 << 42);
    }

    #[test]
    fn training_weighs_a_gram_by_the_items_it_is_found_in() {
        let items = [
            (true, "取得明显成效"),
            (true, "取得显著成效"),
            (false, "学习不够深入"),
            (false, "调研不够深入"),
        ];
        let trained = train(&items, 0.5, 2);
        assert_eq!(trained.prior, 0.0);
        let w = |g: &str| trained.weights.iter().find(|(x, _)| x == g).map(|x| x.1);
        // In both items of the kind, in none of the others: (2.5/3)/(0.5/3).
        assert!((w("取得").unwrap() - 5f64.ln()).abs() < 1e-12);
        assert!((w("不够").unwrap() + 5f64.ln()).abs() < 1e-12);
        // In one item only: under min_count.
        assert_eq!(w("明显"), None);
        // Scored before it is written: 取得, 成效 and 取得 … each count once.
        let score = trained.scorer();
        let expect: f64 = [
            "取得",
            "得显",
            "显著",
            "著成",
            "成效",
            "取得显",
            "得显著",
            "显著成",
            "著成效",
        ]
        .iter()
        .filter_map(|g| w(g))
        .sum();
        assert!((score("取得显著成效，取得") - expect).abs() < 1e-9);
    }

    #[test]
    fn every_embedded_model_finds_its_grams_and_scores_its_kind_above_the_rest() {
        assert!(Model::names().contains(&"praise-as-problem"));
        assert!(Model::names().contains(&"external-cause"));
        for name in Model::names() {
            let m = Model::named(name).unwrap();
            let slots = m.table.len() / ENTRY;
            assert_eq!(slots, 1 << m.bits, "{name}");
            let full = (0..slots).filter(|&i| m.print_at(i) != 0).count();
            // At most 70 % full, with room left for misses to end soon.
            assert!(full > 1000 && 10 * full <= 7 * slots, "{name}: {full}");
            assert_eq!(m.find(gram_key(&['\u{1}', '\u{2}'])), None);
        }
        let praise = Model::named("praise-as-problem").unwrap();
        // Each gram counts once, however often the text repeats it.
        let text = "全年撰写心得体会5篇，全年撰写调研报告3篇，学习成效明显。";
        let once: f64 = grams(text)
            .into_iter()
            .filter_map(|k| praise.find(k))
            .map(|at| praise.weight_at(at))
            .sum();
        assert!((praise.score(text) - praise.prior - once).abs() < 1e-9);
        let shortfall = "一是理论学习不够系统。2023年中心组安排的12次专题学习，我有3次因出差缺席，事后也没有补学，对新修订的《条例》只看过摘要。";
        let record = "一是始终坚持把理论学习放在首位，全年参加中心组学习12次，撰写心得体会5篇，学习成效明显，得到上级充分肯定。";
        assert!(praise.score(record) > 6.0, "{}", praise.score(record));
        assert!(praise.score(shortfall) < 0.0, "{}", praise.score(shortfall));
        let external = Model::named("external-cause").unwrap();
        let excuse = "二是客观上工作任务重、人手少，上级安排的事情多，没有时间静下心来学习。";
        let root = "二是理想信念有所动摇，放松了世界观、人生观、价值观的改造，党性修养不够。";
        assert!(external.score(excuse) > 6.0, "{}", external.score(excuse));
        assert!(external.score(root) < 0.0, "{}", external.score(root));
    }
}
