//! `typo`: misspellings that are wrong in every context (一如继往 for 一如
//! 既往), matched on token boundaries, with the correction; and a word
//! written twice by mistake (推进推进, 的的), not a reduplication (认认真真,
//! 常常, 一个一个, 研究研究).

mod misspelt;

use super::lexicon::Lexicon;
use super::pattern::{fits_before, CharClass};
use super::word_list::find_words_where;
use super::{non_empty, Context, Meta, Rule};
use crate::diagnostic::{fill, Diagnostic};
use crate::document::Document;
use crate::segment::{in_dictionary, is_place_name, Token};
use crate::settings::Invalid;
use crate::text::{is_han, overlaps};
use misspelt::{misspelt_idioms, misspelt_words, ReadAlikeWords, SetPhrases};
use regex::Regex;
use serde::Deserialize;
use std::ops::Range;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Params {
    /// Misspellings and their corrections.
    pairs: Vec<Pair>,
    /// The message for a doubled word; `{match}` is the doubled text,
    /// `{word}` the word.
    repeat_message: String,
    /// Characters never written twice in a row as separate words (的的).
    #[serde(default)]
    never_doubled: String,
    /// Of those, characters doubled whatever word the second copy opens
    /// (不/不够: no phrase is 不 and then a word opening with 不).
    #[serde(default)]
    doubled_before_any_word: String,
    /// Characters that are slips when written twice as two words of one
    /// character each (还/还, 了/了) or as one word the dictionary does not
    /// know (共共, 以以), though they may open a word after themselves
    /// (了/了解, 是/是否), unlike those never doubled.
    #[serde(default)]
    doubled_apart: String,
    /// Words whose doubling is a form of their own (研究研究: try, briefly).
    #[serde(default)]
    reduplicable: Vec<String>,
    /// The genre's words that jieba's dictionary splits and that may follow
    /// a word ending in their first half (专业课程 课程思政): besides the
    /// dictionary's words, what a doubled word may open.
    #[serde(default)]
    compounds: Vec<String>,
    /// Misspellings are found off token boundaries (a misspelling is no
    /// dictionary word, so the segmenter cuts it unpredictably: 有默/守成/规,
    /// 格/守纪律) unless they start inside a dictionary word (发布/署名 holds
    /// no 布署) or end inside one leaving a piece that is no word. Those of
    /// this many characters or more may also end glued to a particle
    /// (直接了当地 cut as 直接/了/当地).
    anywhere_from: usize,
    /// Idioms of jieba's dictionary at least this frequent are found
    /// written with one character replaced by one read alike (付衍了事 for
    /// 敷衍了事), when the four characters are no word and cut none.
    #[serde(default)]
    idioms_from_frequency: Option<u32>,
    /// The genre's four-character phrases that jieba's dictionary does not
    /// hold as idioms (久久为功, 宗旨意识), found like the idioms when
    /// written with one character replaced by one read alike.
    #[serde(default)]
    set_phrases: Vec<String>,
    /// Two-character words often misspelt (精髓, 短板), found written with
    /// one character replaced by one read alike where the segmenter found
    /// no word (精随, 短版).
    #[serde(default)]
    words_read_alike: Vec<String>,
    /// A character that is a word this frequent on its own (jieba's
    /// frequency: 是, 一, 有) is a word beside the other, not half of a
    /// misspelt `words-read-alike` word (是干 is no 实干).
    #[serde(default = "common_character_from")]
    common_character_from: u32,
    /// Confusions of two real words, wrong only where the expression
    /// matches (即要…又要 for 既要…又要, 群众反应的问题 for 反映).
    #[serde(default)]
    in_context: Vec<InContext>,
}

fn common_character_from() -> u32 {
    10_000
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    wrong: String,
    right: String,
    /// Where the pair comes from (documentation only).
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

/// A confusion that the words around it give away: the first group of
/// `regex` that takes part in a match (or the whole match) is reported
/// with `right`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct InContext {
    regex: String,
    right: String,
    /// A class the character before the match must belong to, or must
    /// not (as for `pattern`): a look-behind, so the regex itself can open
    /// with a literal the engine finds fast.
    #[serde(default)]
    before: Option<String>,
    #[serde(default)]
    not_before: Option<String>,
    /// A sentence with the confusion, and sentences written right that
    /// the expression must leave alone (tests/typos.rs checks both).
    #[serde(default)]
    #[allow(dead_code)]
    example: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    quiet: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

/// An `in-context` entry, compiled.
struct Confusion {
    re: Regex,
    right: String,
    before: Option<CharClass>,
    not_before: Option<CharClass>,
}

impl Confusion {
    /// Whether the character before a match at `at` of `hay` is as the
    /// entry wants it (the start of the text has none).
    fn fits(&self, hay: &str, at: usize) -> bool {
        let prev = hay[..at].chars().next_back();
        fits_before(prev, self.before.as_ref(), self.not_before.as_ref())
    }
}

pub(crate) struct Typo {
    meta: Meta,
    matcher: Lexicon,
    rights: Vec<String>,
    /// Per pair: found without token boundaries.
    anywhere: Vec<bool>,
    idioms_from_frequency: Option<u32>,
    set_phrases: SetPhrases,
    words_read_alike: ReadAlikeWords,
    common_character_from: u32,
    repeat_message: String,
    never_doubled: Vec<char>,
    doubled_before_any_word: Vec<char>,
    doubled_apart: Vec<char>,
    reduplicable: Vec<String>,
    compounds: Vec<String>,
    /// The confusions found in context, with their corrections.
    in_context: Vec<Confusion>,
}

pub(crate) fn build(meta: Meta, params: Params) -> Result<Box<dyn Rule>, Invalid> {
    non_empty(&params.pairs, "pairs")?;
    for (i, p) in params.pairs.iter().enumerate() {
        if p.wrong.trim().is_empty() || p.right.trim().is_empty() || p.wrong == p.right {
            return Err(Invalid::in_field(
                "pairs",
                format!(
                    "`{}` → `{}`：错误写法和正确写法都不能为空，也不能相同",
                    p.wrong, p.right
                ),
            )
            .at(i));
        }
    }
    let mut in_context = Vec::new();
    for (i, c) in params.in_context.iter().enumerate() {
        let invalid = |what: &str, text: &str, e: regex::Error| {
            Invalid::in_field("in-context", format!("{what} `{text}` 无效：{e}")).at(i)
        };
        let re = Regex::new(&c.regex).map_err(|e| invalid("表达式", &c.regex, e))?;
        let class = |k: &Option<String>| {
            k.as_deref()
                .map(|k| CharClass::new(k).map_err(|e| invalid("字符类", k, e)))
                .transpose()
        };
        if c.right.trim().is_empty() {
            return Err(Invalid::in_field("in-context", "正确写法不能为空").at(i));
        }
        in_context.push(Confusion {
            re,
            right: c.right.clone(),
            before: class(&c.before)?,
            not_before: class(&c.not_before)?,
        });
    }
    let wrongs: Vec<&str> = params.pairs.iter().map(|p| p.wrong.as_str()).collect();
    let matcher = Lexicon::new(&wrongs);
    let anywhere = params
        .pairs
        .iter()
        .map(|p| p.wrong.chars().count() >= params.anywhere_from)
        .collect();
    Ok(Box::new(Typo {
        meta,
        matcher,
        anywhere,
        idioms_from_frequency: params.idioms_from_frequency,
        set_phrases: SetPhrases::new("set-phrases", &params.set_phrases)?,
        words_read_alike: ReadAlikeWords::new("words-read-alike", &params.words_read_alike)?,
        common_character_from: params.common_character_from,
        rights: params.pairs.into_iter().map(|p| p.right).collect(),
        repeat_message: params.repeat_message,
        never_doubled: params.never_doubled.chars().collect(),
        doubled_before_any_word: params.doubled_before_any_word.chars().collect(),
        doubled_apart: params.doubled_apart.chars().collect(),
        reduplicable: params.reduplicable,
        compounds: params.compounds,
        in_context,
    }))
}

/// The dictionary words of two or more characters that an end of `span`
/// falls inside: each with the end and the word's range.
fn cut_words<'a>(
    doc: &'a Document,
    span: &Range<usize>,
) -> impl Iterator<Item = (usize, Range<usize>)> + 'a {
    let text = doc.text();
    [span.start, span.end].into_iter().filter_map(move |at| {
        let i = doc.tokens.partition_point(|t| (t.end as usize) <= at);
        let t = doc.tokens.get(i)?;
        let word = t.text(text);
        ((t.start as usize) < at && word.chars().nth(1).is_some() && in_dictionary(word))
            .then(|| (at, t.range()))
    })
}

/// Whether either end of `span` falls inside a dictionary word.
fn cuts_a_word(doc: &Document, span: &Range<usize>) -> bool {
    cut_words(doc, span).next().is_some()
}

/// Whether an end of `span` cuts a dictionary word badly. Any cut at the
/// start is (活性炭/中和 holds no 炭中和, 任教授/于 no 授于); at the end, a
/// cut is harmless when the piece left after the span is a word of its own
/// (格/守纪律 holds 格守 and leaves 纪律), and with `particle` when it is a
/// particle (直接/了/当地 holds 直接了当 and leaves 地), and always when it
/// is a conjunction (精/随和 holds 精随 and leaves 和), not when it is a
/// piece of a word (坚持/不/解释 holds no 坚持不解: 释 is left).
fn cuts_a_word_badly(doc: &Document, span: &Range<usize>, particle: bool) -> bool {
    let text = doc.text();
    cut_words(doc, span).any(|(at, word)| {
        if at != span.end || at == span.start {
            return true;
        }
        let left = &text[at..word.end];
        let harmless = (left.chars().nth(1).is_some() && in_dictionary(left))
            || (particle && CUT_PARTICLES.contains(&left))
            || CUT_CONJUNCTIONS.contains(&left);
        !harmless
    })
}

/// Particles a misspelt idiom may be glued to (直接了当地说 cut as 当地).
const CUT_PARTICLES: &[&str] = &["地", "的", "得", "了", "着"];

/// Conjunctions any misspelling may be glued to: 对其精随/和 is cut as
/// 精/随和, and 和 starts what follows (精随和实践要求).
const CUT_CONJUNCTIONS: &[&str] = &["和", "与", "及", "或"];

impl Typo {
    /// Whether the doubled `word` (ending token `n`, the second copy after
    /// it) ends one dictionary word and starts the next: 专业课程 then
    /// 课程思政 are two words that share a syllable. A word typed twice by
    /// mistake leaves a word on one side at most (推进/推进工作, 安全/安全
    /// 生产, 忧患意识/意识/不强).
    fn between_two_words(&self, text: &str, tokens: &[Token], n: usize, word: &str) -> bool {
        let Some(first) = tokens.get(n) else {
            return false;
        };
        let written = first.text(text);
        // The first copy ends a longer token, or is a token after one.
        let closes = if written.len() > word.len() {
            in_dictionary(written)
        } else {
            n.checked_sub(1).map(|m| tokens[m]).is_some_and(|prev| {
                prev.end == first.start && in_dictionary(&format!("{}{word}", prev.text(text)))
            })
        };
        let second = tokens.get(n + 1).map_or("", |t| t.text(text));
        let opens = if second.len() > word.len() {
            second.starts_with(word) && in_dictionary(second)
        } else {
            tokens.get(n + 2).is_some_and(|t| {
                let w = format!("{word}{}", t.text(text));
                in_dictionary(&w) || self.compounds.contains(&w)
            })
        };
        closes && opens
    }

    /// Whether two equal neighbouring tokens `word` are a mistake.
    fn doubled_by_mistake(&self, word: &str) -> bool {
        let mut chars = word.chars();
        let (Some(first), second) = (chars.next(), chars.next()) else {
            return false;
        };
        if !word.chars().all(is_han) {
            return false;
        }
        match second {
            // 的的, 在在: single characters, only those never doubled.
            None => self.never_doubled.contains(&first),
            // 一个一个, 一步一步: a numeral and a measure word, one by one.
            Some(_) if first == '一' && word.chars().count() == 2 => false,
            Some(_) => !self.reduplicable.iter().any(|r| r == word),
        }
    }
}

impl Rule for Typo {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text = doc.text();
        for region in self.meta.regions(doc) {
            // Off token boundaries only where no dictionary word is cut
            // badly: 有默/守成/规 holds 默守成规, 格/守纪律 holds 格守, but
            // 坚持/不/解释 does not hold 坚持不解, nor 发布/署名 布署. Only
            // the longer misspellings may end glued to a particle.
            let anywhere =
                |k: usize, span: &Range<usize>| !cuts_a_word_badly(doc, span, self.anywhere[k]);
            let report = |out: &mut Vec<Diagnostic>, span: Range<usize>, right: &str| {
                let matched = &text[span.clone()];
                out.push(
                    self.meta
                        .diagnostic(doc, span, &[("match", matched), ("right", right)]),
                );
            };
            let report_doubled = |out: &mut Vec<Diagnostic>, span: Range<usize>, word: &str| {
                let mut d = self.meta.diagnostic(doc, span.clone(), &[]);
                d.message = fill(
                    &self.repeat_message,
                    &[("match", &text[span]), ("word", word)],
                );
                out.push(d);
            };
            let listed = find_words_where(&self.matcher, doc, region.clone(), anywhere);
            for (span, k) in &listed {
                report(out, span.clone(), &self.rights[*k]);
            }
            // Misspellings found without a list, each once and none where a
            // listed one is.
            // The region's tokens, for the words read alike and the doubled
            // words.
            let (from, to) = (
                doc.tokens
                    .partition_point(|t| (t.start as usize) < region.start),
                doc.tokens
                    .partition_point(|t| (t.start as usize) < region.end),
            );
            let tokens: &[Token] = &doc.tokens[from..to];
            let mut more = Vec::new();
            let min = self.idioms_from_frequency;
            if min.is_some() || !self.set_phrases.is_empty() {
                more = misspelt_idioms(doc, region.clone(), min, &self.set_phrases);
            }
            if !self.words_read_alike.is_empty() {
                let (words, common) = (&self.words_read_alike, self.common_character_from);
                more.extend(misspelt_words(text, tokens, words, common));
            }
            let mut taken: Vec<Range<usize>> = listed.into_iter().map(|(s, _)| s).collect();
            let hay = &text[region.clone()];
            for c in &self.in_context {
                for caps in c.re.captures_iter(hay) {
                    let whole = caps.get(0).expect("a match");
                    if !c.fits(hay, whole.start()) {
                        continue;
                    }
                    // The first group that took part (one per alternative).
                    let m = (caps.iter().skip(1).flatten().next())
                        .or_else(|| caps.get(0))
                        .expect("a match");
                    let span = region.start + m.start()..region.start + m.end();
                    if !taken.iter().any(|l| overlaps(l, &span)) {
                        taken.push(span.clone());
                        report(out, span, &c.right);
                    }
                }
            }
            for (span, right) in more {
                if !taken.iter().any(|l| overlaps(l, &span)) {
                    taken.push(span.clone());
                    report(out, span, &right);
                }
            }
            let mut after_doubled = 0;
            let mut marker_doubled: Vec<Range<usize>> = Vec::new();
            // 二是是档案开放…: the marker's 是 typed again (是 is no word
            // never doubled: 是是非非; 一是是否… is a question).
            for (at, _) in hay.match_indices("是是") {
                let before = hay[..at].chars().next_back();
                let after = hay[at + "是是".len()..].chars().next();
                let marker = before.is_some_and(|c| crate::markers::NUMERALS.contains(c))
                    && hay[..at - before.map_or(0, char::len_utf8)]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !is_han(c));
                if marker && !after.is_some_and(|c| "否非".contains(c)) {
                    let span = region.start + at..region.start + at + "是是".len();
                    marker_doubled.push(span.clone());
                    report_doubled(out, span, "是");
                }
            }
            // A word the dictionary does not know, made of one character
            // twice (共共, 以以: the segmenter joined the slip into a word);
            // the dictionary's own (常常, 天天) are words.
            let mut joined: Vec<Range<usize>> = Vec::new();
            for t in tokens.iter() {
                let w = t.text(text);
                let mut chars = w.chars();
                let (Some(c), Some(d), None) = (chars.next(), chars.next(), chars.next()) else {
                    continue;
                };
                let span = t.range();
                if c == d
                    && (self.doubled_apart.contains(&c) || self.never_doubled.contains(&c))
                    && !in_dictionary(w)
                    && !marker_doubled.iter().any(|r| r.contains(&span.start))
                {
                    joined.push(span.clone());
                    report_doubled(out, span, &w[..c.len_utf8()]);
                }
            }
            for (n, pair) in tokens.windows(2).enumerate() {
                let (a, b) = (pair[0], pair[1]);
                // Two words typed twice (课后/服务/课后/服务): the pair of
                // four or more characters again right after it.
                let both = a.range().start..b.range().end;
                let twice = &text[both.clone()];
                if a.end == b.start
                    && both.start >= after_doubled
                    && twice.chars().nth(3).is_some()
                    && text[both.end..].starts_with(twice)
                    && !text[..both.start].ends_with(['“', '「', '"', '‘'])
                    && !marker_doubled.iter().any(|r| r.contains(&both.start))
                    && self.doubled_by_mistake(twice)
                {
                    let span = both.start..both.end + twice.len();
                    after_doubled = span.end;
                    report_doubled(out, span, twice);
                    continue;
                }
                let word = a.text(text);
                // A word of two or more characters counts when the text
                // goes on with it, however the second copy was cut
                // (进一步/进一步提高, 群众/群众反映); a single character only
                // as a token of its own (的的, not 的的确确).
                let after = &text[a.range().end..];
                // Or a word that ends a longer token, written again as the
                // next token (忧患意识/意识/不强), not as the start of a
                // longer one (党组织/组织生活 is right).
                let next = b.text(text);
                let word = if word.chars().nth(1).is_none() || after.starts_with(word) {
                    word
                } else if a.end == b.start && next.chars().nth(1).is_some() && word.ends_with(next)
                {
                    &word[word.len() - next.len()..]
                } else {
                    word
                };
                let start = a.range().end - word.len();
                // A character never doubled, again as the start of a phrase
                // of the dictionary (在/在思想上): the phrase's rest opens
                // with a word (思想), so its 在 is the preposition typed
                // twice; 在/在职 and 就/就业 are words of their own.
                // Some open no word after themselves (不/不够 is 不 typed
                // twice).
                let before_any = word
                    .chars()
                    .next()
                    .is_some_and(|c| self.doubled_before_any_word.contains(&c));
                let phrase_again = |next: &str| {
                    next.strip_prefix(word).is_some_and(|rest| {
                        before_any
                            || rest
                                .char_indices()
                                .skip(2)
                                .map(|(i, _)| &rest[..i])
                                .chain(std::iter::once(rest))
                                .any(|w| w.chars().nth(1).is_some() && in_dictionary(w))
                    })
                };
                // Those doubled apart only as two words of one character
                // (还/还, not 了/了解).
                let single = word.chars().nth(1).is_none();
                let exact = word == b.text(text);
                let slip = single
                    && exact
                    && word
                        .chars()
                        .next()
                        .is_some_and(|c| self.doubled_apart.contains(&c));
                let again = if !single {
                    after.starts_with(word)
                } else {
                    a.end == b.start && (exact || phrase_again(b.text(text)))
                };
                let marked = marker_doubled
                    .iter()
                    .chain(&joined)
                    .any(|r| r.contains(&start));
                if !again
                    || marked
                    || start < after_doubled
                    || !(slip || self.doubled_by_mistake(word))
                {
                    continue;
                }
                if self.between_two_words(text, tokens, n, word) {
                    continue;
                }
                // A saying quoted that opens with the word twice (“规划规划，
                // 纸上画画”): said so on purpose.
                let end = start + 2 * word.len();
                let opens_quote = text[..start].ends_with(['“', '「', '"', '‘']);
                if opens_quote && text[end..].starts_with(['，', ',', '！', '!', '？', '?', '、'])
                {
                    continue;
                }
                // A single character before the first copy that makes a place
                // name with it ends a name there: 江/城市/城市建设 is 江城市
                // (江城), then 城市建设; 前清, 名教 are no place (10月底前/
                // 清理/清理, 2名/教师/教师).
                let before = n.checked_sub(1).map(|m| tokens[m]);
                let named = before.is_some_and(|p| {
                    let c = p.text(text);
                    p.end == a.start
                        && (a.start as usize) == start
                        && word.chars().nth(1).is_some()
                        && c.chars().count() == 1
                        && c.chars().all(is_han)
                        && word
                            .chars()
                            .next()
                            .is_some_and(|f| is_place_name(&format!("{c}{f}")))
                });
                if named {
                    continue;
                }
                let span = start..a.range().end + word.len();
                after_doubled = span.end;
                report_doubled(out, span, word);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(wrong: &str, right: &str) -> Params {
        serde_yaml::from_str(&format!(
            "{{pairs: [{{wrong: '{wrong}', right: '{right}'}}], repeat-message: m, anywhere-from: 3}}"
        ))
        .unwrap()
    }

    fn meta() -> Meta {
        Meta {
            id: "typo".into(),
            severity: crate::diagnostic::Severity::Warning,
            scope: Vec::new(),
            message: String::new(),
        }
    }

    /// A pair missing either side, or naming the same text twice, is a
    /// configuration error; each condition alone is enough.
    #[test]
    fn a_pair_needs_two_different_non_empty_sides() {
        assert!(build(meta(), params("布署", "部署")).is_ok());
        assert!(build(meta(), params(" ", "部署")).is_err());
        assert!(build(meta(), params("布署", " ")).is_err());
        assert!(build(meta(), params("部署", "部署")).is_err());
    }

    use crate::rules::testing::run;

    /// A typo rule: 布署 → 部署, 一如继往 → 一如既往; anywhere from
    /// `anywhere` characters; the idioms from frequency `idioms` if given.
    fn rule(anywhere: usize, idioms: Option<u32>) -> Box<dyn Rule> {
        let idioms = idioms.map_or(String::new(), |n| format!(", idioms-from-frequency: {n}"));
        let params: Params = serde_yaml::from_str(&format!(
            "{{pairs: [{{wrong: 布署, right: 部署}}, {{wrong: 一如继往, right: 一如既往}}, {{wrong: 默守成规, right: 墨守成规}}, {{wrong: 直接了当, right: 直截了当}}], \
             repeat-message: '{{match}}/{{word}}', never-doubled: 的在, reduplicable: [研究], \
             anywhere-from: {anywhere}{idioms}}}"
        ))
        .unwrap();
        let mut m = meta();
        m.message = "{match}→{right}".into();
        build(m, params).unwrap()
    }

    fn found(rule: &dyn Rule, text: &str) -> Vec<String> {
        run(rule, text).into_iter().map(|s| s.message).collect()
    }

    /// A confusion whose expression does not compile, or that has no
    /// correction, is a settings error naming its entry.
    #[test]
    fn a_confusion_in_context_that_cannot_work_names_its_entry() {
        for (entry, says) in [
            ("{regex: '即(', right: 既}", "表达式"),
            ("{regex: '即要', right: ' '}", "正确写法"),
            (
                "{regex: '即要', right: 既, not-before: '[立'}",
                "字符类 `[立`",
            ),
        ] {
            let p: Params = serde_yaml::from_str(&format!(
                "{{pairs: [{{wrong: 布署, right: 部署}}], repeat-message: m, anywhere-from: 3, \
                 in-context: [{{regex: 既要, right: x}}, {entry}]}}"
            ))
            .unwrap();
            let Err(e) = build(meta(), p) else {
                panic!("{entry} was accepted")
            };
            let field: Vec<String> = e.field.iter().map(|s| s.to_string()).collect();
            assert_eq!(field, ["in-context", "[1]"], "{entry}");
            assert!(e.message.contains(says), "{}", e.message);
        }
    }

    /// Single characters: only those listed as never doubled; words: all
    /// but the reduplicable ones and 一 with a measure word; never a text
    /// with anything but Chinese characters.
    #[test]
    fn which_doubled_words_are_mistakes() {
        let p: Params = serde_yaml::from_str(
            "{pairs: [{wrong: 布署, right: 部署}], repeat-message: m, never-doubled: 的在, \
             reduplicable: [研究], anywhere-from: 3}",
        )
        .unwrap();
        let typo = Typo {
            meta: meta(),
            matcher: Lexicon::new(&["布署"]),
            rights: vec!["部署".into()],
            anywhere: vec![false],
            idioms_from_frequency: None,
            set_phrases: SetPhrases::default(),
            words_read_alike: ReadAlikeWords::default(),
            common_character_from: common_character_from(),
            repeat_message: p.repeat_message,
            never_doubled: p.never_doubled.chars().collect(),
            doubled_before_any_word: p.doubled_before_any_word.chars().collect(),
            doubled_apart: p.doubled_apart.chars().collect(),
            reduplicable: p.reduplicable,
            compounds: Vec::new(),
            in_context: Vec::new(),
        };
        for (word, mistake) in [
            ("的", true),
            ("在", true),
            ("了", false),
            ("推进", true),
            ("研究", false),
            ("一个", false),
            ("一如既往", true),
            ("二个", true),
            ("ab", false),
            ("a", false),
            ("推进1", false),
            ("", false),
        ] {
            assert_eq!(typo.doubled_by_mistake(word), mistake, "{word}");
        }
    }

    #[test]
    fn a_listed_misspelling_is_found_on_word_boundaries_with_its_correction() {
        let r = rule(3, None);
        assert_eq!(found(&*r, "抓好工作布署。"), ["布署→部署"]);
        // Inside 发布/署名 it would cut 发布 and leave 发: not found.
        assert!(found(&*r, "发布署名文章。").is_empty());
        assert_eq!(found(&*r, "我们一如继往地工作。"), ["一如继往→一如既往"]);
        // 有默/守成/规 holds 默守成规 off the boundaries, cutting no
        // dictionary word badly.
        let text = "我们不能有默守成规的思想。";
        assert_eq!(found(&*r, text), ["默守成规→墨守成规"]);
        // 直接/了/当地 holds 直接了当, leaving the particle 地: found from
        // `anywhere-from` characters on, not below.
        let text = "我直接了当地说没有办法。";
        assert_eq!(found(&*r, text), ["直接了当→直截了当"]);
        assert!(found(&*rule(5, None), text).is_empty());
        assert_eq!(found(&*rule(4, None), text), ["直接了当→直截了当"]);
    }

    #[test]
    fn a_word_written_twice_is_one_finding_with_its_own_message() {
        let r = rule(3, None);
        assert_eq!(found(&*r, "我们要推进推进整改落实。"), ["推进推进/推进"]);
        assert_eq!(found(&*r, "这是我的的问题。"), ["的的/的"]);
        // Three times in a row: one finding at the first two, none at the
        // second and third.
        assert_eq!(found(&*r, "我们要推进推进推进整改。").len(), 1);
        for fine in [
            "我们要认认真真学习。",
            "大家再研究研究这个问题。",
            "一个一个落实到位。",
            "这件事了了之后再说。",
        ] {
            assert!(found(&*r, fine).is_empty(), "{fine}");
        }
    }

    /// A word that ends one word and starts the next is written once in
    /// each; a doubled word with a word on one side only is a mistake.
    #[test]
    fn a_syllable_two_words_share_is_no_doubled_word() {
        let params: Params = serde_yaml::from_str(
            "{pairs: [{wrong: 布署, right: 部署}], repeat-message: '{match}/{word}', anywhere-from: 3, compounds: [课程思政]}",
        )
        .unwrap();
        let r = build(meta(), params).unwrap();
        assert!(found(&*r, "实现专业课程课程思政教学设计全覆盖。").is_empty());
        for doubled in ["我们要抓好课程课程思政建设。", "有的同志忧患意识意识不强。"]
        {
            assert_eq!(found(&*r, doubled).len(), 1, "{doubled}");
        }
    }

    /// With idioms on, an idiom written with one character replaced by one
    /// read alike is found, unless the four characters are text; without,
    /// nothing. A listed pair is not reported twice.
    #[test]
    fn a_misspelt_idiom_is_found_only_when_asked_and_only_once() {
        let text = "工作中付衍了事的现象。";
        assert_eq!(found(&*rule(3, Some(10)), text), ["付衍了事→敷衍了事"]);
        assert!(found(&*rule(3, None), text).is_empty());
        // The idiom written right, or words that happen to sound alike.
        assert!(found(&*rule(3, Some(10)), "工作中敷衍了事的现象。").is_empty());
        assert_eq!(
            found(&*rule(3, Some(10)), "我们一如继往地工作。"),
            ["一如继往→一如既往"]
        );
    }
}
