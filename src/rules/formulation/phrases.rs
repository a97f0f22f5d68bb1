//! Fixed phrases (两个维护, 习近平新时代中国特色社会主义思想 …), judged on
//! the normalised text: a stem not followed through to a complete form, and
//! a complete form garbled — one character dropped, added, wrong or two
//! swapped, or its words reordered.

use crate::rules::lexicon::Lexicon;
use std::collections::HashSet;
use std::ops::Range;

/// A phrase formulation, its wording normalised.
pub(super) struct Phrase {
    pub(super) name: String,
    pub(super) stem: Option<String>,
    /// Complete forms, normalised; the first is shown as the canonical one.
    pub(super) accepted: Vec<String>,
    pub(super) canonical: String,
}

/// Forms shorter than this are not checked for garbling: in short phrases
/// one character makes another ordinary phrase (为人民服务, 为民服务).
const GARBLE_MIN_CHARS: usize = 10;
/// From this length a garble may change two characters in a row (中华优秀
/// 传统文化 → 中华传统文化).
const BLOCK_MIN_CHARS: usize = 12;
/// From this length (marks included) a title in 《》 may have a word of a
/// sixth of its length replaced.
const TITLE_WORD_MIN_CHARS: usize = 18;
/// From this length the last word may be the one replaced (the last two
/// characters, in a phrase of one clause).
const END_FREE_MIN_CHARS: usize = 14;
/// How the title of a national law begins.
const LAW_HEAD: [char; 8] = ['《', '中', '华', '人', '民', '共', '和', '国'];
/// What stands for a form's 是 when a sentence names the form's subject as
/// the thing it is (高质量发展这个首要任务).
const APPOSITIVES: &[&str] = &["这个", "这一", "这一个", "这项", "即", "作为"];
/// A character inserted into a phrase is a change of wording, not a typo,
/// when it is one of these (中国特色社会主义进入了新时代).
const FUNCTION_CHARS: &[char] = &['了', '地', '着', '和', '与', '及', '之', '是', '在', '上'];

/// Where the stem occurs but no complete form: the stems' normalised spans.
pub(super) fn incomplete(text: &str, p: &Phrase, starts: &[usize]) -> Vec<Range<usize>> {
    let Some(stem) = &p.stem else {
        return Vec::new();
    };
    starts
        .iter()
        .copied()
        .filter(|&at| {
            !p.accepted.iter().any(|a| {
                let k = a.find(stem.as_str()).expect("checked when built");
                at >= k
                    && text
                        .get(at - k..)
                        .is_some_and(|t| t.starts_with(a.as_str()))
            })
        })
        .map(|at| at..at + stem.len())
        .collect()
}

/// Where a third of a form sits: windows around a hit start with it, hold
/// it after this many characters (give or take the edit), or end with it.
#[derive(Clone, Copy)]
enum Anchor {
    Start,
    Middle(usize),
    End,
}

/// Finds garbled forms: each form's thirds are searched, and the text
/// around a third compared with the whole form. Forms belong to owners (a phrase, a list member),
/// each with its accepted wordings.
pub(super) struct Garbles {
    halves: Lexicon,
    /// For each third: (form, where it sits).
    anchors: Vec<(usize, Anchor)>,
    /// (owner, form's characters).
    forms: Vec<(usize, Vec<char>)>,
    /// Each form as a string.
    spelled: Vec<String>,
    /// Every accepted form of every owner: never a garble.
    exact: HashSet<Vec<char>>,
    /// Each owner's accepted forms: a window holding one whole is the
    /// form with a neighbour (学习习近平…), not a garble.
    accepted: Vec<Vec<String>>,
}

impl Garbles {
    /// `owners[i]`: the accepted forms (normalised) of owner `i`.
    pub(super) fn new(owners: Vec<Vec<String>>) -> Garbles {
        let mut needles = Vec::new();
        let mut anchors = Vec::new();
        let mut forms = Vec::new();
        let mut spelled = Vec::new();
        let mut exact = HashSet::new();
        for (j, accepted) in owners.iter().enumerate() {
            for a in accepted {
                let chars: Vec<char> = a.chars().collect();
                exact.insert(chars.clone());
                if chars.len() < GARBLE_MIN_CHARS {
                    continue;
                }
                // Thirds: one edit, even two neighbours swapped across a
                // cut, leaves one third intact.
                let (a, b) = (chars.len() / 3, 2 * chars.len() / 3);
                for (part, anchor) in [
                    (&chars[..a], Anchor::Start),
                    (&chars[a..b], Anchor::Middle(a)),
                    (&chars[b..], Anchor::End),
                ] {
                    needles.push(part.iter().collect::<String>());
                    anchors.push((forms.len(), anchor));
                }
                spelled.push(chars.iter().collect());
                forms.push((j, chars));
            }
        }
        Garbles {
            halves: Lexicon::new(&needles),
            anchors,
            forms,
            spelled,
            exact,
            accepted: owners,
        }
    }

    /// Garbled forms in `text`: (normalised span, owner).
    pub(super) fn find(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let mut out: Vec<(Range<usize>, usize)> = Vec::new();
        for m in self.halves.overlapping(text, 0..text.len()) {
            let (f, anchor) = self.anchors[m.word];
            let (owner, form) = &self.forms[f];
            let n = form.len();
            // Most hits are the form itself, written right: nothing to compare.
            let at = match anchor {
                Anchor::Start => Some(m.span.start),
                Anchor::Middle(o) => back_chars(text, m.span.start, o).map(|r| r.start),
                Anchor::End => back_chars(text, m.span.end, n).map(|r| r.start),
            };
            if at.is_some_and(|at| text[at..].starts_with(self.spelled[f].as_str())) {
                continue;
            }
            let lens = if n >= BLOCK_MIN_CHARS {
                vec![n, n - 1, n + 1, n - 2, n + 2]
            } else {
                vec![n, n - 1, n + 1]
            };
            let starts: Vec<usize> = match anchor {
                Anchor::Start => vec![m.span.start],
                Anchor::Middle(o) => (o.saturating_sub(2)..=o + 2)
                    .filter_map(|back| back_chars(text, m.span.start, back).map(|r| r.start))
                    .collect(),
                Anchor::End => Vec::new(),
            };
            let mut windows: Vec<(Range<usize>, bool)> = Vec::new();
            for &len in &lens {
                match anchor {
                    Anchor::End => {
                        windows.extend(back_chars(text, m.span.end, len).map(|r| (r, false)))
                    }
                    _ => windows.extend(
                        starts
                            .iter()
                            .filter_map(|&st| take_chars(text, st, len))
                            .map(|r| (r, false)),
                    ),
                }
            }
            // Then, in a sentence of parallel clauses, its last word
            // replaced (为中华民族谋发展).
            if matches!(anchor, Anchor::Start) && n >= END_FREE_MIN_CHARS {
                windows.extend(take_chars(text, m.span.start, n).map(|r| (r, true)));
            }
            for (span, free) in windows {
                // A name broken over two lines (a title wrapped by hand) is
                // written right: the break is layout, not a character.
                if text[span.clone()].contains(['\n', '\r']) {
                    continue;
                }
                if out
                    .iter()
                    .any(|(s, o)| *o <= *owner && crate::text::overlaps(s, &span))
                {
                    break;
                }
                if self.is_garble(text, span.clone(), *owner, form, free) {
                    out.push((span, *owner));
                    break;
                }
            }
        }
        // Of garbles that overlap, the first owner's: owners come phrases
        // first, so 以人民为中心的发展思想 misspelt is that phrase's, not a
        // list's member 坚持以人民为中心的发展思想.
        out.sort_by_key(|(s, o)| (*o, s.start));
        let mut kept: Vec<(Range<usize>, usize)> = Vec::new();
        for (span, o) in out {
            if !kept.iter().any(|(s, _)| crate::text::overlaps(s, &span)) {
                kept.push((span, o));
            }
        }
        kept.sort_by_key(|(s, _)| s.start);
        kept
    }
}

impl Garbles {
    fn is_garble(
        &self,
        text: &str,
        span: Range<usize>,
        owner: usize,
        form: &[char],
        free: bool,
    ) -> bool {
        let written = &text[span.clone()];
        // Cheap refusals first: a garble keeps the form's last character
        // (unless its last word is free), and its first (or one read alike:
        // 筑牢 for 铸牢, the rest as the form), or is the form's words
        // reordered (青山绿水就是金山银山; not 中央八项规定精神及其实施细则, a
        // wording of its own with the end moved).
        let first = written.chars().next();
        let first_kept = first == form.first().copied()
            || first.zip(form.first()).is_some_and(|(a, &b)| {
                crate::segment::read_alike(a, b)
                    && written.chars().skip(1).eq(form.iter().skip(1).copied())
            });
        if (!free && written.chars().next_back() != form.last().copied())
            || (!first_kept
                && (free || written.len() != form.iter().map(|c| c.len_utf8()).sum::<usize>()))
        {
            return false;
        }
        let w: Vec<char> = written.chars().collect();
        if (!first_kept && !reordered(&w, form)) || self.exact.contains(&w) {
            return false;
        }
        let accepted = &self.accepted[owner];
        // The form with a neighbour (学习习近平…), or a longer accepted
        // form that goes on past the window (…社会主义经济思想).
        // (A much shorter accepted form inside is no excuse: it may be the
        // first clause of the garbled one.)
        if accepted.iter().any(|a| {
            (a.chars().count() + 2 >= form.len() && written.contains(a.as_str()))
                || (a.len() > written.len()
                    && (text[span.start..].starts_with(a.as_str())
                        || text[..span.end].ends_with(a.as_str())))
        }) {
            return false;
        }
        if free {
            // Only the last clause's word may differ, and only by words; in
            // a phrase of one clause, its last two characters, by a word
            // that keeps one of them (感受到公平公正 for 公平正义).
            let clause = form.iter().rposition(|&c| c == '、');
            let last_word = clause.map_or(form.len() - 2, |k| k + 1);
            let same = w.iter().zip(form).take_while(|(a, b)| a == b).count();
            same >= last_word
                && w[same..].iter().all(|&c| crate::text::is_han(c))
                && (clause.is_some() || form[last_word..].iter().any(|c| w[same..].contains(c)))
                && garbled(&w, form)
        } else {
            !first_kept || garbled(&w, form)
        }
    }
}

/// The range of `n` characters from byte `at`, if there are that many.
fn take_chars(text: &str, at: usize, n: usize) -> Option<Range<usize>> {
    let rest = &text[at..];
    let mut it = rest.char_indices();
    let end = match it.nth(n) {
        Some((i, _)) => i,
        None if rest.chars().count() == n => rest.len(),
        None => return None,
    };
    Some(at..at + end)
}

/// The range of `n` characters ending at byte `end`.
fn back_chars(text: &str, end: usize, n: usize) -> Option<Range<usize>> {
    let head = &text[..end];
    if n == 0 {
        return Some(end..end);
    }
    let (start, _) = head.char_indices().rev().nth(n - 1)?;
    Some(start..end)
}

/// Whether `w` is a garble of `form`: one stretch of at most one character
/// (two in long forms) dropped, added or replaced, two neighbours swapped,
/// or the same characters reordered. Clause marks never count, nor an
/// added function word (进入了新时代). A title's mark the form has not
/// (《…实施细则》精神) says the words are a document's name, no garble.
pub(super) fn garbled(w: &[char], form: &[char]) -> bool {
    let title = |c: &char| matches!(c, '《' | '》');
    if w.iter().any(|c| title(c) && !form.contains(c)) {
        return false;
    }
    let w: Vec<char> = w.iter().copied().filter(|&c| c != '、').collect();
    let f: Vec<char> = form.iter().copied().filter(|&c| c != '、').collect();
    if w == f {
        return false;
    }
    if reordered(&w, &f) {
        return true;
    }
    // A document's title in 《》 is bounded on both sides: in a long one a
    // word of a sixth of it may be the one replaced (新形势下 → 新时代), as
    // two long titles that differ by one such word are one title
    // misremembered. (Short titles keep the rule of other forms; the
    // database leaves out short ones whose real neighbours differ by two
    // characters: 中国共产党组织工作条例, 宣传工作条例.) A short law's two
    // characters replaced name another law (《中华人民共和国监察法》,
    // 统计法): one character only.
    let titled = f.first() == Some(&'《') && f.last() == Some(&'》');
    let law = titled && f.starts_with(&LAW_HEAD) && f.ends_with(&['法', '》']);
    let max = match f.len() {
        n if titled && n >= TITLE_WORD_MIN_CHARS => n / 6,
        _ if law => 1,
        n if n >= BLOCK_MIN_CHARS => 2,
        _ => 1,
    };
    let prefix = w.iter().zip(&f).take_while(|(a, b)| a == b).count();
    let room = w.len().min(f.len()) - prefix;
    let suffix = w
        .iter()
        .rev()
        .zip(f.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let (mw, mf) = (&w[prefix..w.len() - suffix], &f[prefix..f.len() - suffix]);
    if mf.is_empty() && mw.iter().all(|c| FUNCTION_CHARS.contains(c)) {
        return false;
    }
    // The copula made an apposition (高质量发展这个…的首要任务): the
    // sentence rebuilt around the form, not the form misspelt.
    if mf == ['是'] && APPOSITIVES.iter().any(|a| mw.iter().copied().eq(a.chars())) {
        return false;
    }
    let swapped = mw.len() == 2 && mf.len() == 2 && mw[0] == mf[1] && mw[1] == mf[0];
    (mw.len() <= max && mf.len() <= max) || swapped
}

/// Whether `w` has the form's characters in another order (words swapped).
fn reordered(w: &[char], form: &[char]) -> bool {
    if w.len() != form.len() || w == form {
        return false;
    }
    let (mut a, mut b) = (w.to_vec(), form.to_vec());
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn garbles(text: &str) -> Vec<String> {
        let g = Garbles::new(
            [
                &[
                    "习近平新时代中国特色社会主义思想",
                    "习近平新时代中国特色社会主义经济思想",
                ][..],
                &["中国特色社会主义进入新时代"],
                &["人民对美好生活向往、就是我们奋斗目标"],
                &["为中国人民谋幸福、为中华民族谋复兴"],
                &["同中华优秀传统文化相结合"],
            ]
            .iter()
            .map(|a| a.iter().map(|s| s.to_string()).collect())
            .collect(),
        );
        g.find(text)
            .into_iter()
            .map(|(r, _)| text[r].to_string())
            .collect()
    }

    #[test]
    fn dropped_added_wrong_and_swapped_characters_are_garbles() {
        for bad in [
            "习近平新时代中国特社会主义思想",
            "习近平新时代中国特色社会主意思想",
            "习近平新时代中国特色社会主义义思想",
            "习近平新时代中国色特社会主义思想",
            "习近平新时代中国社会特色主义思想",
            "为中国人民谋幸福、为中华民族谋发展",
            "同中华传统文化相结合",
        ] {
            assert_eq!(
                garbles(&format!("深入学习{bad}，")),
                vec![bad.to_string()],
                "{bad}"
            );
        }
    }

    #[test]
    fn accepted_forms_and_function_words_are_fine() {
        for ok in [
            "深入学习习近平新时代中国特色社会主义思想，",
            "学习习近平新时代中国特色社会主义经济思想",
            "中国特色社会主义进入了新时代",
            "人民对美好生活向往就是我们奋斗目标",
            "新时代中国特色社会主义思想",
        ] {
            assert!(garbles(ok).is_empty(), "{ok}: {:?}", garbles(ok));
        }
    }

    #[test]
    fn a_window_holding_another_accepted_form_whole_is_no_garble() {
        // An owner accepting 推动构建人类命运共同体 and 构建人类命运共同体 (as
        // the phrase 人类命运共同体 in rules/formulation.yaml does):
        // 推进构建人类命运共同体 is one character off the long form, whose
        // thirds find it, but it holds the short form whole, 推进 before
        // it. With the short form not accepted, the same text is a garble
        // of the long one: the whole accepted form inside is what excuses it.
        let text = "积极推进构建人类命运共同体，";
        let found = |owner: &[&str]| -> Vec<String> {
            let g = Garbles::new(vec![owner.iter().map(|s| s.to_string()).collect()]);
            g.find(text)
                .into_iter()
                .map(|(r, _)| text[r].to_string())
                .collect()
        };
        assert!(found(&["推动构建人类命运共同体", "构建人类命运共同体"]).is_empty());
        assert_eq!(
            found(&["推动构建人类命运共同体"]),
            ["推进构建人类命运共同体"]
        );
    }

    #[test]
    fn a_much_shorter_accepted_form_inside_the_window_is_no_excuse() {
        // 人类命运共同体 (7 characters) is accepted too, and is whole inside
        // 推进构建人类命运共同体, but it is more than two characters shorter
        // than the 11-character form: it may be a clause the garble kept,
        // so the window is still a garble of the long form. (At 9
        // characters, 构建人类命运共同体, it excuses the window: the test
        // above.)
        let text = "积极推进构建人类命运共同体，";
        let g = Garbles::new(vec![vec![
            "推动构建人类命运共同体".to_string(),
            "人类命运共同体".to_string(),
        ]]);
        let found: Vec<&str> = g.find(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert_eq!(found, ["推进构建人类命运共同体"]);
    }

    #[test]
    fn words_swapped_around_an_intact_middle_third_are_a_garble() {
        // 人民 and 发展 swapped: the first and last thirds of the form
        // (以人民, 发展思想) are gone, only the middle one (为中心) is left,
        // with as many characters before it as in the form.
        let g = Garbles::new(vec![vec!["以人民为中心发展思想".to_string()]]);
        let text = "坚持以发展为中心人民思想，";
        let found: Vec<&str> = g.find(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert_eq!(found, ["以发展为中心人民思想"]);
    }

    #[test]
    fn a_stem_needs_a_complete_form() {
        let p = Phrase {
            name: "两个维护".into(),
            stem: Some("维护习近平总书记".into()),
            accepted: vec!["维护习近平总书记党中央核心、全党核心地位".into()],
            canonical: String::new(),
        };
        let bad = "坚决维护习近平总书记核心地位。";
        let starts: Vec<usize> = bad
            .match_indices("维护习近平总书记")
            .map(|(i, _)| i)
            .collect();
        let spans = incomplete(bad, &p, &starts);
        assert_eq!(
            spans.iter().map(|r| &bad[r.clone()]).collect::<Vec<_>>(),
            ["维护习近平总书记"]
        );
        let good = "坚决维护习近平总书记党中央核心、全党核心地位。";
        let starts: Vec<usize> = good
            .match_indices("维护习近平总书记")
            .map(|(i, _)| i)
            .collect();
        assert!(incomplete(good, &p, &starts).is_empty());
    }

    fn cs(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// One stretch of at most one character changed (two from
    /// BLOCK_MIN_CHARS characters on), two neighbours swapped, or the same
    /// characters reordered; clause marks ignored; an added function
    /// character is a change of wording.
    #[test]
    fn which_edits_make_a_garble() {
        let eleven = "甲乙丙丁戊己庚辛壬癸子";
        let twelve = "甲乙丙丁戊己庚辛壬癸子丑";
        let g = |w: &str, f: &str| garbled(&cs(w), &cs(f));
        assert!(!g(eleven, eleven));
        assert!(!g("甲乙丙丁戊、己庚辛壬癸子", eleven));
        assert!(g("甲乙丙丁己庚辛壬癸子", eleven), "one dropped");
        assert!(g("甲乙丙丁戊天己庚辛壬癸子", eleven), "one added");
        assert!(g("甲乙丙丁天己庚辛壬癸子", eleven), "one replaced");
        assert!(g("甲乙丙戊丁己庚辛壬癸子", eleven), "neighbours swapped");
        assert!(g("己庚辛壬癸子甲乙丙丁戊", eleven), "reordered");
        assert!(!g("甲乙丙己庚辛壬癸子", eleven), "two dropped, short form");
        assert!(
            !g("甲乙丙天地己庚辛壬癸子", eleven),
            "two replaced, short form"
        );
        assert!(g("甲乙丙己庚辛壬癸子丑", twelve), "two dropped, long form");
        assert!(
            g("甲乙丙天地己庚辛壬癸子丑", twelve),
            "two replaced, long form"
        );
        assert!(!g("甲乙丙庚辛壬癸子丑", twelve), "three dropped");
        assert!(!g("甲乙丙丁戊》己庚辛壬癸子", eleven), "a title's end");
        assert!(
            g("《甲乙丙丁己庚辛壬癸子", "《甲乙丙丁戊己庚辛壬癸子"),
            "a title's own mark"
        );
        assert!(
            !g("甲乙丙丁戊了己庚辛壬癸子", eleven),
            "function word added"
        );
        assert!(g("甲乙丙丁戊们己庚辛壬癸子", eleven), "other word added");
        assert!(
            g("甲乙丙丁了己庚辛壬癸子", eleven),
            "replaced by a function word"
        );
        // Titles: two characters in a short one, as other forms; a sixth
        // in one of 18 or more.
        let short_title = "《中国共产党纪律处分条例》";
        assert!(g("《中国共产党纪律处分规定》", short_title), "two replaced");
        assert!(
            !g("《中国共产党党内问责规定》", short_title),
            "four replaced"
        );
        // (Forms are compared normalised: 的 dropped.)
        let long_title = "《关于新形势下党内政治生活若干准则》";
        assert_eq!(long_title.chars().count(), 18);
        assert!(
            g("《关于新时代党内政治生活若干准则》", long_title),
            "a word replaced"
        );
        assert!(
            !g("《关于新时代党内政治工作若干准则》", long_title),
            "two words"
        );
        // Repeated characters: the common start and end do not overlap.
        assert!(g("一二三四五六七八九十", "一二三三四五六七八九十"));
        assert!(g("一二三三三四五六七八九十", "一二三三四五六七八九十"));
    }

    #[test]
    fn reordering_keeps_the_length_and_the_characters() {
        assert!(reordered(&cs("乙甲丙"), &cs("甲乙丙")));
        assert!(!reordered(&cs("甲乙丙"), &cs("甲乙丙")));
        assert!(!reordered(&cs("乙甲"), &cs("甲乙丙")));
        assert!(!reordered(&cs("乙甲丁"), &cs("甲乙丙")));
    }

    #[test]
    fn characters_are_taken_by_count_forwards_and_backwards() {
        let t = "一二三";
        assert_eq!(take_chars(t, 0, 3), Some(0..9));
        assert_eq!(take_chars(t, 3, 2), Some(3..9));
        assert_eq!(take_chars(t, 3, 1), Some(3..6));
        assert_eq!(take_chars(t, 3, 3), None);
        assert_eq!(take_chars(t, 9, 0), Some(9..9));
        assert_eq!(back_chars(t, 9, 3), Some(0..9));
        assert_eq!(back_chars(t, 6, 1), Some(3..6));
        assert_eq!(back_chars(t, 6, 3), None);
        assert_eq!(back_chars(t, 6, 0), Some(6..6));
    }

    /// Forms of fewer than GARBLE_MIN_CHARS characters are never judged.
    #[test]
    fn short_forms_are_not_checked_for_garbles() {
        let found = |form: &str, text: &str| -> Vec<String> {
            let g = Garbles::new(vec![vec![form.to_string()]]);
            g.find(text)
                .into_iter()
                .map(|(r, _)| text[r].to_string())
                .collect()
        };
        assert_eq!(
            found("一二三四五六七八九十", "甲一二三四五天七八九十乙"),
            ["一二三四五天七八九十"]
        );
        assert!(found("一二三四五六七八九", "甲一二三四天六七八九乙").is_empty());
        // The form written right, alone: nothing.
        assert!(found("一二三四五六七八九十", "甲一二三四五六七八九十乙").is_empty());
    }

    /// The last word of a long form of parallel clauses may be replaced
    /// (为中华民族谋发展), not a word before the last clause, and only by
    /// Chinese characters.
    #[test]
    fn only_the_last_clause_of_a_long_form_may_end_in_another_word() {
        let g = Garbles::new(vec![vec!["为中国人民谋幸福、为中华民族谋复兴".to_string()]]);
        let found = |text: &str| -> Vec<String> {
            g.find(text)
                .into_iter()
                .map(|(r, _)| text[r].to_string())
                .collect()
        };
        assert_eq!(
            found("坚持为中国人民谋幸福、为中华民族谋进步，"),
            ["为中国人民谋幸福、为中华民族谋进步"]
        );
        assert!(found("坚持为中国人民谋幸福、为中华民族谋复兴，").is_empty());
    }
}
