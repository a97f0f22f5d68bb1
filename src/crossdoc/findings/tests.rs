use super::*;

#[test]
fn each_other_text_is_named_once_by_its_longest_passage_longest_first() {
    // Report 0 shares a short passage and then a long one with text 1,
    // and a middling one with text 2: text 1 is labelled at its long
    // passage, and comes first.
    let sides: Vec<Side> = vec![
        (0, 10..40, 1, 100..130, 30),
        (0, 50..110, 2, 0..60, 60),
        (0, 200..320, 1, 500..620, 120),
    ];
    let others = by_other(sides.iter());
    let got: Vec<(u32, Range<usize>, usize)> =
        others.iter().map(|s| (s.2, s.3.clone(), s.4)).collect();
    assert_eq!(got, [(1, 500..620, 120), (2, 0..60, 60)]);
}

use crate::source::Source;
use crate::view::View;

fn spec() -> CopySpec {
    CopySpec {
        noise: 13,
        guarantee: 20,
        max_docs: 10,
        merge_gap: 5,
        stock: Vec::new(),
        whole_copy: 0.8,
        group_share: 0.3,
        skip_opening: true,
        max_passages: 10,
    }
}

/// Texts named t0, t1, …; each `chars[i]` characters long for shares.
struct Fixture {
    spec: CopySpec,
    rules: CrossRules,
    sources: Vec<Source>,
}

impl Fixture {
    fn new(n: usize) -> Fixture {
        Fixture {
            spec: spec(),
            rules: CrossRules::default(),
            // 200 lines of 4 bytes: byte b is on line b / 4 + 1.
            sources: (0..n)
                .map(|i| Source::new(format!("t{i}"), "行\n".repeat(200)))
                .collect(),
        }
    }
}

/// Runs `f` with a run over the fixture's texts, the first `checked`
/// of them reports.
fn with_run<T>(
    fx: &Fixture,
    checked: usize,
    chars: &[usize],
    max_shared: Option<f64>,
    f: impl FnOnce(&Run) -> T,
) -> T {
    let views: Vec<View> = fx.sources.iter().map(View::new).collect();
    let texts = super::super::Texts {
        sources: &fx.sources,
        views: &views,
    };
    let run = Run {
        spec: &fx.spec,
        rules: &fx.rules,
        texts: &texts,
        checked,
        chars,
        k: 13,
        t: 20,
        max_shared,
    };
    f(&run)
}

fn shares(list: &[(u32, u32, f64)]) -> Shares {
    list.iter().map(|&(a, b, s)| (pair(a, b), s)).collect()
}

fn passage(a: u32, b: u32, span_a: Range<usize>, span_b: Range<usize>, chars: usize) -> Passage {
    Passage {
        a,
        b,
        norm_a: span_a.clone(),
        span_a,
        span_b,
        chars,
    }
}

/// A report is a whole copy of a text it shares `whole-copy` or more
/// with (inclusive), best first; a reference is never listed as a copy.
#[test]
fn whole_copies_reach_the_share_best_first_and_only_for_reports() {
    let fx = Fixture::new(4);
    let got = with_run(&fx, 3, &[100; 4], None, |run| {
        whole_copies(
            run,
            &shares(&[
                (0, 1, 0.8),
                (0, 3, 0.95),
                (0, 2, 0.79),
                (1, 0, 0.5),
                (3, 0, 0.99),
            ]),
        )
    });
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[&0], [(3, 0.95), (1, 0.8)]);
    // Ties: by the other text's number.
    let got = with_run(&fx, 3, &[100; 4], None, |run| {
        whole_copies(run, &shares(&[(0, 2, 0.9), (0, 1, 0.9)]))
    });
    assert_eq!(got[&0], [(1, 0.9), (2, 0.9)]);
}

/// With --max-shared, pairs of reports sharing more than it (strictly)
/// either way, each once; references never; without it, none.
#[test]
fn pairs_over_the_limit_are_reports_sharing_more_than_it() {
    let fx = Fixture::new(4);
    let s = shares(&[(1, 0, 0.51), (0, 2, 0.5), (2, 1, 0.7), (0, 3, 0.9)]);
    let got = with_run(&fx, 3, &[100; 4], Some(0.5), |run| over_limit(run, &s));
    let mut got: Vec<(u32, u32)> = got.into_iter().collect();
    got.sort_unstable();
    assert_eq!(got, [(0, 1), (1, 2)]);
    assert!(with_run(&fx, 3, &[100; 4], None, |run| over_limit(run, &s)).is_empty());
}

#[test]
fn shares_are_shown_as_whole_percents_rounded_down() {
    assert_eq!(percent(0.999), "99%");
    assert_eq!(percent(0.5), "50%");
    assert_eq!(percent(1.0), "100%");
    assert_eq!(percent(0.0), "0%");
}

#[test]
fn names_are_listed_up_to_ten_and_marked_when_more() {
    let fx = Fixture::new(12);
    let docs: Vec<u32> = (0..12).collect();
    let got = with_run(&fx, 12, &[1; 12], None, |run| {
        (
            names(run, &docs[..10]),
            names(run, &docs[..11]),
            names(run, &docs[..2]),
        )
    });
    assert_eq!(got.0, "t0、t1、t2、t3、t4、t5、t6、t7、t8、t9");
    assert_eq!(got.1, "t0、t1、t2、t3、t4、t5、t6、t7、t8、t9…");
    assert_eq!(got.2, "t0、t1");
}

/// Each pair of reports with something shared, both ways, characters
/// from the passages (or the share when there is none), highest share
/// first; pairs with a reference are left out.
#[test]
fn similarity_lists_pairs_of_reports_by_their_larger_share() {
    let fx = Fixture::new(4);
    let s = shares(&[
        (0, 1, 0.2),
        (1, 0, 0.4),
        (0, 2, 0.3),
        (2, 0, 0.1),
        (0, 3, 0.9),
        (1, 2, 0.0),
    ]);
    let shared = [
        passage(0, 1, 0..10, 0..10, 20),
        passage(1, 0, 50..60, 30..40, 5),
    ];
    let got = with_run(&fx, 3, &[100, 50, 200, 10], None, |run| {
        similarity(run, &s, &shared)
    });
    let rows: Vec<(String, String, usize, f64, f64)> = got
        .into_iter()
        .map(|r| (r.a, r.b, r.shared_chars, r.a_ratio, r.b_ratio))
        .collect();
    assert_eq!(
        rows,
        [
            ("t0".into(), "t1".into(), 25, 0.2, 0.4),
            ("t0".into(), "t2".into(), 30, 0.3, 0.1)
        ]
    );
}

/// An estimated share exactly at VERIFY (3 of 5 sampled hashes, both
/// ways) is checked on every fingerprint: the shares are then the exact
/// containments (15 of 20 hashes, 15 of 17), not the estimate.
#[test]
fn an_estimate_at_the_verify_share_is_checked_on_every_hash() {
    let fx = Fixture::new(2);
    // Sampled hashes are the multiples of SAMPLE: 0, 16 and 32 in both
    // texts, two more in each; below 16, 15 unsampled ones in text 0 and
    // 12 of them in text 1.
    let hashes = |more: [u32; 2], unsampled: u32| -> Vec<u32> {
        let mut h: Vec<u32> = [0, SAMPLE, 2 * SAMPLE, more[0] * SAMPLE, more[1] * SAMPLE]
            .into_iter()
            .chain(1..=unsampled)
            .collect();
        h.sort_unstable();
        h
    };
    let seeds = Seeds {
        hashes: vec![hashes([3, 4], 15), hashes([5, 6], 12)],
        cooccur: vec![(0, 1, 3)],
        ..Seeds::default()
    };
    assert_eq!(3.0 / 5.0, VERIFY);
    let got = with_run(&fx, 2, &[100; 2], None, |run| {
        super::shares(run, &seeds, &[], &[])
    });
    assert_eq!(got.get(&pair(0, 1)).copied(), Some(15.0 / 20.0));
    assert_eq!(got.get(&pair(1, 0)).copied(), Some(15.0 / 17.0));
}

/// Reports joined by pairs sharing `group-share` or more (either way,
/// inclusive), transitively; a group's share is its strongest pair,
/// its longest passage the longest between two members.
#[test]
fn copy_groups_join_reports_by_strong_pairs_transitively() {
    let fx = Fixture::new(6);
    let s = shares(&[
        (0, 2, 0.3),
        (2, 4, 0.1),
        (4, 2, 0.5),
        (1, 3, 0.29),
        (3, 1, 0.2),
        (4, 5, 0.9),
    ]);
    let shared = [
        passage(0, 2, 0..10, 0..10, 40),
        passage(2, 4, 0..10, 0..10, 60),
        passage(1, 3, 0..10, 0..10, 99),
    ];
    let got = with_run(&fx, 5, &[100; 6], None, |run| copy_groups(run, &s, &shared));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].members, ["t0", "t2", "t4"]);
    assert_eq!(got[0].share, 0.5);
    let longest = got[0].longest.as_ref().unwrap();
    assert_eq!(
        (longest.a.as_str(), longest.b.as_str(), longest.chars),
        ("t2", "t4", 60)
    );
}

/// Bigger groups first, then by their members.
#[test]
fn copy_groups_come_largest_first() {
    let fx = Fixture::new(7);
    let s = shares(&[(0, 1, 0.5), (2, 3, 0.5), (3, 4, 0.5), (5, 6, 0.5)]);
    let got = with_run(&fx, 7, &[100; 7], None, |run| copy_groups(run, &s, &[]));
    let members: Vec<Vec<String>> = got.iter().map(|g| g.members.clone()).collect();
    assert_eq!(
        members,
        [vec!["t2", "t3", "t4"], vec!["t0", "t1"], vec!["t5", "t6"]]
    );
    assert!(got.iter().all(|g| g.longest.is_none()));
}

/// Each text keeps the partners it has the most seeds with, `max-docs`
/// of them; a pair stays if either side keeps it. Every text's number
/// of partners is counted before.
#[test]
fn seeds_are_kept_for_each_texts_nearest_partners() {
    let hit = |a: u32, b: u32| super::super::index::Hit {
        a,
        b,
        pos_a: 0,
        pos_b: 0,
    };
    let mut hits = Vec::new();
    for (a, b, n) in [(0, 1, 3), (0, 2, 1), (0, 3, 2), (2, 4, 5), (2, 5, 4)] {
        hits.extend((0..n).map(|_| hit(a, b)));
    }
    let (kept, partners) = nearest_partners(hits, 2);
    let mut pairs: Vec<(u32, u32)> = kept.iter().map(|h| (h.a, h.b)).collect();
    pairs.dedup();
    assert_eq!(pairs, [(0, 1), (0, 3), (2, 4), (2, 5)]);
    assert_eq!(kept.len(), 3 + 2 + 5 + 4);
    assert_eq!((partners[&0], partners[&2], partners[&1]), (3, 3, 1));
    // With room for three, the weak pair is some side's third: kept.
    let hits: Vec<_> = [(0, 1), (0, 2), (0, 3)]
        .iter()
        .map(|&(a, b)| hit(a, b))
        .collect();
    assert_eq!(nearest_partners(hits, 3).0.len(), 3);
}

/// A passage most of whose fingerprints are common wording is dropped
/// (more than half, strictly); so is one both sides took from
/// references (at least half of each side inside a template passage).
#[test]
fn common_and_template_passages_are_dropped() {
    let c = |p: u32| p | COMMON;
    // Text 0's fingerprints at 0..50 step 10; 3 of the 5 in 0..50 common.
    let positions = vec![
        vec![c(0), 10, c(20), c(30), 40, 60],
        vec![0, c(10), 20, c(30)],
    ];
    let p = |a: u32, norm: Range<usize>| passage(a, 9, norm.clone(), norm, 10);
    let kept = drop_common(vec![p(0, 0..50), p(1, 0..40)], &[], &positions);
    let starts: Vec<(u32, usize)> = kept.iter().map(|p| (p.a, p.norm_a.start)).collect();
    assert_eq!(starts, [(1, 0)], "2 of 4 common is not most");
    // Fingerprints outside the passage do not count.
    let kept = drop_common(vec![p(0, 10..11)], &[], &positions);
    assert_eq!(kept.len(), 1);
    // Templates: both sides half inside one; one side only is kept.
    let shared = vec![passage(2, 3, 0..10, 100..110, 10)];
    let positions = vec![Vec::new(); 4];
    let templates = [
        passage(2, 7, 5..30, 0..25, 25),
        passage(3, 7, 105..130, 0..25, 25),
    ];
    assert!(drop_common(shared.clone(), &templates, &positions).is_empty());
    let templates = [
        passage(2, 7, 6..30, 0..24, 24),
        passage(3, 7, 105..130, 0..25, 25),
    ];
    assert_eq!(drop_common(shared.clone(), &templates, &positions).len(), 1);
    assert_eq!(drop_common(shared, &templates[1..], &positions).len(), 1);
}

fn rule(many: Option<&str>) -> CrossRule {
    let mut meta = crate::rules::testing::meta("shared", &[]);
    meta.message = "{other}|{chars}".into();
    CrossRule {
        meta,
        min_chars: None,
        message_many: many.map(str::to_string),
    }
}

/// (file, span, message, labels (file, span), notes, error?) of each finding.
type Seen = (
    usize,
    Range<usize>,
    String,
    Vec<(usize, Range<usize>)>,
    Vec<String>,
    bool,
);

fn seen(ds: Vec<Diagnostic>) -> Vec<Seen> {
    ds.into_iter()
        .map(|d| {
            (
                d.file,
                d.span,
                d.message,
                d.labels.into_iter().map(|l| (l.file, l.span)).collect(),
                d.notes,
                d.severity == Severity::Error,
            )
        })
        .collect()
}

/// A report nearly a whole copy of several texts: one finding, at the
/// stretch shared with the best match, and a note naming the others; with
/// one such text, no note.
#[test]
fn a_whole_copy_of_several_texts_names_the_others_in_a_note() {
    let fx = Fixture::new(3);
    let r = rule(None);
    let corpus = Corpus {
        texts: fx.sources.iter().map(|s| s.text.as_str()).collect(),
        skips: vec![Vec::new(); 3],
    };
    let shared = [passage(0, 1, 8..40, 80..112, 30)];
    let got = |partners: &[(u32, f64)]| {
        seen(vec![with_run(&fx, 3, &[100; 3], None, |run| {
            whole_copy(&r, run, 0, partners, &shared, &[], &corpus)
        })])
    };
    let two = got(&[(1, 0.95), (2, 0.9)]);
    assert_eq!(
        (two[0].1.clone(), two[0].3.clone()),
        (8..40, vec![(1, 80..112)])
    );
    assert_eq!(
        two[0].4,
        ["另有 1 份材料也与本材料几乎相同：t2".to_string()]
    );
    assert_eq!(got(&[(1, 0.95)])[0].4, Vec::<String>::new());
}

/// What a call of `per_passage` is given besides the passages.
#[derive(Default)]
struct Given<'a> {
    /// (report, text) pairs where the report is a whole copy.
    whole: &'a [(u32, u32)],
    max_shared: Option<f64>,
    over: &'a [(u32, u32)],
    many: Option<&'a str>,
}

fn per(fx: &Fixture, checked: usize, passages: &[Passage], both: bool, g: Given) -> Vec<Seen> {
    let over: HashSet<(u32, u32)> = g.over.iter().copied().collect();
    let is_whole = |a: u32, b: u32| g.whole.contains(&(a, b));
    let r = rule(g.many);
    let chars = vec![400; fx.sources.len()];
    seen(with_run(fx, checked, &chars, g.max_shared, |run| {
        per_passage(&r, run, passages, both, &is_whole, &over, &HashMap::new())
    }))
}

/// A passage between two reports is a finding in each, labelled in the
/// other; a template passage in the report only; none in a reference,
/// nor in a report that is a whole copy of the other text.
#[test]
fn a_passage_is_a_finding_in_each_report_that_has_it() {
    let fx = Fixture::new(3);
    let p = [passage(0, 1, 8..40, 80..112, 30)];
    assert_eq!(
        per(&fx, 2, &p, true, Given::default()),
        [
            (
                0,
                8..40,
                "t1|30".to_string(),
                vec![(1, 80..112)],
                vec![],
                false
            ),
            (
                1,
                80..112,
                "t0|30".to_string(),
                vec![(0, 8..40)],
                vec![],
                false
            )
        ]
    );
    assert_eq!(per(&fx, 2, &p, false, Given::default()).len(), 1);
    assert_eq!(per(&fx, 1, &p, true, Given::default())[0].0, 0);
    assert_eq!(per(&fx, 1, &p, true, Given::default()).len(), 1);
    let got = per(
        &fx,
        2,
        &p,
        true,
        Given {
            whole: &[(0, 1)],
            ..Given::default()
        },
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, 1);
}

/// Overlapping passages of one report are one finding, over their
/// union, naming each other text once (longest first), with the
/// longest length; passages that only touch are two.
#[test]
fn overlapping_passages_of_a_report_are_one_finding() {
    let fx = Fixture::new(6);
    let p = [
        passage(0, 1, 8..40, 80..112, 30),
        passage(0, 2, 20..60, 0..40, 38),
        passage(0, 1, 60..80, 200..220, 18),
    ];
    let got = per(&fx, 1, &p, true, Given::default());
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1, 8..60);
    assert_eq!(got[0].2, "2 份材料（t2、t1）|38");
    assert_eq!(got[0].3, [(2, 0..40), (1, 80..112)]);
    assert_eq!(got[1].1, 60..80);
    // Four others: three labelled, the fourth in a note.
    let p: Vec<Passage> = (1..=4)
        .map(|b| passage(0, b, 8..40, 0..(10 + b as usize), 20 + b as usize))
        .collect();
    let got = per(&fx, 1, &p, true, Given::default());
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].2, "4 份材料（t4、t3、t2…）|24");
    assert_eq!(got[0].3.len(), 3);
    assert_eq!(got[0].4, ["另有 1 份材料也有这一段：t1".to_string()]);
}

/// With --max-shared, a finding with another report over the limit is
/// an error, and says so.
#[test]
fn a_passage_with_a_report_over_the_limit_is_an_error() {
    let fx = Fixture::new(3);
    let p = [
        passage(0, 1, 8..40, 80..112, 30),
        passage(0, 2, 100..140, 0..40, 30),
    ];
    let got = per(
        &fx,
        3,
        &p,
        false,
        Given {
            max_shared: Some(0.25),
            over: &[(0, 1)],
            ..Given::default()
        },
    );
    assert!(got[0].5);
    assert_eq!(
        got[0].4,
        ["两份材料相同内容的占比超过 --max-shared 0.25".to_string()]
    );
    assert!(!got[1].5 && got[1].4.is_empty());
    // The pair is looked up in order (smaller first).
    let p = [passage(1, 0, 8..40, 80..112, 30)];
    assert!(
        per(
            &fx,
            3,
            &p,
            false,
            Given {
                max_shared: Some(0.25),
                over: &[(0, 1)],
                ..Given::default()
            }
        )[0]
        .5
    );
    // Without --max-shared, never.
    let p = [passage(0, 1, 8..40, 80..112, 30)];
    assert!(
        !per(
            &fx,
            3,
            &p,
            false,
            Given {
                over: &[(0, 1)],
                ..Given::default()
            }
        )[0]
        .5
    );
}

/// More findings in a report than `max-passages` (10): one for them
/// all, at the longest, counting them and their share of the report,
/// the others' lines in a note.
#[test]
fn many_passages_of_a_report_are_one_summary() {
    let fx = Fixture::new(2);
    let passages = |n: usize| -> Vec<Passage> {
        (0..n)
            .map(|i| passage(0, 1, i * 40..i * 40 + 20, i * 40..i * 40 + 20, 10 + i % 3))
            .collect()
    };
    let many = Some("{other}|{count}|{share}");
    assert_eq!(
        per(
            &fx,
            2,
            &passages(10),
            false,
            Given {
                many,
                ..Given::default()
            }
        )
        .len(),
        10
    );
    let got = per(
        &fx,
        2,
        &passages(11),
        false,
        Given {
            many,
            ..Given::default()
        },
    );
    assert_eq!(got.len(), 1, "{got:?}");
    // 11 passages of 10–12 characters: 121 of 400, 30 %.
    let covered: usize = (0..11).map(|i| 10 + i % 3).sum();
    assert_eq!(
        got[0].2,
        format!("t1|11|{}", percent(covered as f64 / 400.0))
    );
    // At the first of the longest (12 characters: passage 2, bytes 80..100).
    assert_eq!(got[0].1, 80..100);
    // The other ten passages' lines (byte / 4 + 1), in order.
    let lines: Vec<String> = [0, 1, 3, 4, 5, 6, 7, 8, 9, 10]
        .iter()
        .map(|i| (i * 40 / 4 + 1).to_string())
        .collect();
    assert_eq!(
        got[0].4,
        [format!("其余相同段落在第 {} 行", lines.join("、"))]
    );
    // Without a summary message, every passage is its own finding.
    assert_eq!(
        per(&fx, 2, &passages(11), false, Given::default()).len(),
        11
    );
}

/// One other text is named alone; more are counted (the total, when
/// more share with the report than the list holds), three named.
#[test]
fn other_texts_are_named_or_counted() {
    let fx = Fixture::new(6);
    let got = with_run(&fx, 6, &[1; 6], None, |run| {
        (
            named(run, &[2], 0),
            named(run, &[2], 5),
            named(run, &[2, 3, 4], 0),
            named(run, &[2, 3, 4, 5], 0),
        )
    });
    assert_eq!(got.0, "t2");
    assert_eq!(got.1, "5 份材料（t2…）");
    assert_eq!(got.2, "3 份材料（t2、t3、t4）");
    assert_eq!(got.3, "4 份材料（t2、t3、t4…）");
}
