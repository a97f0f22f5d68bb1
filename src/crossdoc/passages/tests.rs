use super::*;

/// A normalised text: a line break is a paragraph break.
fn chars(s: &str) -> Vec<u16> {
    s.chars()
        .map(|c| if c == '\n' { BREAK } else { c as u16 })
        .collect()
}

#[test]
fn an_edited_copy_is_extended_from_its_first_to_its_last_shared_run() {
    // Shared runs of 15+ characters with a word changed and two words
    // swapped between them.
    let a = chars("开头不同甲乙去年九月我在全县安全生产大检查中只听取了汇报没有深入任何一家危化品企业的生产车间对三处重大隐患的整改进度也没有跟踪督办结尾甲");
    let b = chars("另一个开头去年九月我在全县安全生产大检查里只听取了汇报没有深入任何一家危化品企业的车间生产对三处重大隐患的整改进度也没有跟踪督办结尾乙");
    let start_a = 6;
    let start_b = 5;
    // A seed in the middle run.
    let mid_a = a.iter().position(|&c| c == '听' as u16).unwrap();
    let mid_b = b.iter().position(|&c| c == '听' as u16).unwrap();
    let mut r = Run {
        a: 0,
        b: 1,
        ra: mid_a..mid_a + 13,
        rb: mid_b..mid_b + 13,
    };
    extend(&mut r, &a, &b, true);
    assert_eq!(r.ra.start, start_a, "back to the first shared run");
    assert_eq!(r.rb.start, start_b);
    // …督办结尾 is shared; the texts differ from the next character on.
    let end = a.iter().rposition(|&c| c == '尾' as u16).unwrap() + 1;
    assert_eq!(r.ra.end, end, "on to the last shared run");
}

#[test]
fn a_seed_that_was_a_collision_does_not_grow() {
    let a = chars("完全不同的一段文字用于测试哈希碰撞的情形");
    let b = chars("另外一段毫无关系的文本内容也有二十个字");
    let mut r = Run {
        a: 0,
        b: 1,
        ra: 3..16,
        rb: 3..16,
    };
    extend(&mut r, &a, &b, true);
    assert_eq!((r.ra.clone(), r.rb.clone()), (3..16, 3..16));
}

#[test]
fn bridging_back_does_not_cross_a_paragraph_break() {
    // The ten characters before a's changed words end b's previous
    // paragraph; in b the passage starts with a new paragraph of ten
    // other characters. Eleven characters back on each side, within
    // BRIDGE and SHIFT: without the break they would be bridged.
    let shared = "没有深入基层调查研究";
    let run = "安全隐患排查不够细致整改督办不及时";
    let a = chars(&format!(
        "会前认真征求了意见{shared}具体表现在对分管工作中{run}结尾甲"
    ));
    let b = chars(&format!(
        "一年来工作中有时{shared}\n二是作风方面存在问题{run}结尾乙"
    ));
    let at = |t: &[u16], s: &str| {
        let s = chars(s);
        t.windows(s.len()).position(|w| w == s).unwrap()
    };
    let (run_a, run_b) = (at(&a, run), at(&b, run));
    // The break in b, then the break on the `a` side (the texts swapped).
    for (na, nb, start_a, start_b) in [(&a, &b, run_a, run_b), (&b, &a, run_b, run_a)] {
        let mut r = Run {
            a: 0,
            b: 1,
            ra: start_a..start_a + 13,
            rb: start_b..start_b + 13,
        };
        extend(&mut r, na, nb, true);
        assert_eq!(
            (r.ra.start, r.rb.start),
            (start_a, start_b),
            "the passage starts after the break"
        );
    }
    // The same texts with no break: bridged back to the shared ten characters.
    let joined = chars(&format!(
        "一年来工作中有时{shared}二是作风方面存在问题{run}结尾乙"
    ));
    let run_j = at(&joined, run);
    let mut r = Run {
        a: 0,
        b: 1,
        ra: run_a..run_a + 13,
        rb: run_j..run_j + 13,
    };
    extend(&mut r, &a, &joined, true);
    assert_eq!(
        (r.ra.start, r.rb.start),
        (at(&a, shared), at(&joined, shared))
    );
}

#[test]
fn a_repetition_inside_one_text_ends_where_its_second_copy_starts() {
    // A sentence written three times in a row: matched against itself
    // one copy on, the exact extension runs through the second copy
    // into the third; the first place is cut where the second starts,
    // so the two places of the repetition do not overlap.
    let s = "对群众反映的问题没有及时回应";
    let n = s.chars().count();
    let t = chars(&format!("开头{s}{s}{s}结尾"));
    let first = 2;
    let mut r = Run {
        a: 0,
        b: 0,
        ra: first..first + 8,
        rb: first + n..first + n + 8,
    };
    extend(&mut r, &t, &t, false);
    assert_eq!(r.rb, first + n..first + 3 * n, "the second place runs on");
    assert_eq!(r.ra, first..first + n, "the first ends where it starts");
    // Between two texts the same run is not cut.
    let mut r = Run {
        a: 0,
        b: 1,
        ra: first..first + 8,
        rb: first + n..first + n + 8,
    };
    extend(&mut r, &t, &t, false);
    assert_eq!(r.ra, first..first + 2 * n);
}

/// Forward: `da` and `db` characters of each side's own, then `resume`
/// shared characters, then each side's own again; the mismatch at 0.
fn after_change(da: usize, db: usize, resume: usize) -> (Vec<u16>, Vec<u16>) {
    let own = |base: u16, n: usize| (0..n as u16).map(move |c| base + c);
    let shared: Vec<u16> = own(5000, resume).collect();
    let a: Vec<u16> = own(1000, da)
        .chain(shared.clone())
        .chain(own(3000, 50))
        .collect();
    let b: Vec<u16> = own(2000, db).chain(shared).chain(own(4000, 50)).collect();
    (a, b)
}

fn forward(a: &[u16], b: &[u16]) -> Option<(usize, usize)> {
    let same = |i: usize, j: usize| a[i] == b[j] && !is_sentinel(a[i]);
    bridge_forward(a, b, 0, 0, &same)
}

/// A bridge forward reaches a match of RESUME characters at most
/// BRIDGE characters on, the sides shifted by SHIFT at most, and
/// returns the match's end.
#[test]
fn bridging_forward_stops_at_its_limits() {
    let at = |da: usize, db: usize, resume: usize| {
        let (a, b) = after_change(da, db, resume);
        forward(&a, &b)
    };
    assert_eq!(
        at(BRIDGE, BRIDGE, RESUME),
        Some((BRIDGE + RESUME, BRIDGE + RESUME))
    );
    assert_eq!(at(BRIDGE + 1, BRIDGE + 1, RESUME), None);
    assert_eq!(
        at(10, 10 + SHIFT, RESUME),
        Some((10 + RESUME, 10 + SHIFT + RESUME))
    );
    assert_eq!(at(10, 10 + SHIFT + 1, RESUME), None);
    assert_eq!(
        at(10, 10 - SHIFT, RESUME),
        Some((10 + RESUME, 10 - SHIFT + RESUME))
    );
    assert_eq!(at(10, 10 - SHIFT - 1, RESUME), None);
    assert_eq!(at(3, 0, RESUME), Some((3 + RESUME, RESUME)));
    assert_eq!(at(0, 3, RESUME), Some((RESUME, 3 + RESUME)));
    // Fewer than RESUME characters match: no bridge.
    assert_eq!(at(3, 3, RESUME - 1), None);
    // Matching at the mismatch itself is no bridge.
    let (a, b) = after_change(0, 0, RESUME);
    assert_eq!(forward(&a, &b), None);
}

/// The first break on either side bounds the match: a break right
/// after it lets it through, one inside it does not; so does the end of
/// the text.
#[test]
fn bridging_forward_stops_at_a_break() {
    for side in [0, 1] {
        let (mut a, mut b) = after_change(4, 4, RESUME);
        let t = if side == 0 { &mut a } else { &mut b };
        t[4 + RESUME] = BREAK;
        assert_eq!(forward(&a, &b), Some((4 + RESUME, 4 + RESUME)), "{side}");
        let (mut a, mut b) = after_change(4, 4, RESUME);
        let t = if side == 0 { &mut a } else { &mut b };
        t[4 + RESUME - 1] = BREAK;
        assert_eq!(forward(&a, &b), None, "{side}");
    }
    let (mut a, mut b) = after_change(4, 4, RESUME);
    a.truncate(4 + RESUME);
    b.truncate(4 + RESUME);
    assert_eq!(forward(&a, &b), Some((4 + RESUME, 4 + RESUME)));
    a.truncate(4 + RESUME - 1);
    assert_eq!(forward(&a, &b), None);
}

/// The mirror: `resume` shared characters, then `da` and `db` of each
/// side's own before the run's start at the end of each text.
fn before_change(head: usize, da: usize, db: usize, resume: usize) -> (Vec<u16>, Vec<u16>) {
    let own = |base: u16, n: usize| (0..n as u16).map(move |c| base + c);
    let shared: Vec<u16> = own(5000, resume).collect();
    let a: Vec<u16> = own(3000, head)
        .chain(shared.clone())
        .chain(own(1000, da))
        .collect();
    let b: Vec<u16> = own(4000, head).chain(shared).chain(own(2000, db)).collect();
    (a, b)
}

fn back(a: &[u16], b: &[u16]) -> Option<(usize, usize)> {
    let same = |i: usize, j: usize| a[i] == b[j] && !is_sentinel(a[i]);
    bridge_back(a, b, a.len(), b.len(), &same)
}

#[test]
fn bridging_back_stops_at_its_limits() {
    let at = |da: usize, db: usize, resume: usize| {
        let (a, b) = before_change(20, da, db, resume);
        back(&a, &b)
    };
    assert_eq!(at(BRIDGE, BRIDGE, RESUME), Some((20, 20)));
    assert_eq!(at(BRIDGE + 1, BRIDGE + 1, RESUME), None);
    assert_eq!(at(10, 10 + SHIFT, RESUME), Some((20, 20)));
    assert_eq!(at(10, 10 + SHIFT + 1, RESUME), None);
    assert_eq!(at(10, 10 - SHIFT, RESUME), Some((20, 20)));
    assert_eq!(at(10, 10 - SHIFT - 1, RESUME), None);
    assert_eq!(at(3, 3, RESUME - 1), None);
    assert_eq!(at(0, 0, RESUME), None);
    // The match may start the text; a break right before it lets it
    // through, one inside it does not.
    let (a, b) = before_change(0, 4, 4, RESUME);
    assert_eq!(back(&a, &b), Some((0, 0)));
    for side in [0, 1] {
        let (mut a, mut b) = before_change(20, 4, 4, RESUME);
        let t = if side == 0 { &mut a } else { &mut b };
        t[19] = BREAK;
        assert_eq!(back(&a, &b), Some((20, 20)), "{side}");
        let (mut a, mut b) = before_change(20, 4, 4, RESUME);
        let t = if side == 0 { &mut a } else { &mut b };
        t[20] = BREAK;
        assert_eq!(back(&a, &b), None, "{side}");
    }
}

fn run(a: u32, b: u32, ra: Range<usize>, rb: Range<usize>) -> Run {
    Run { a, b, ra, rb }
}

fn shown(runs: &[Run]) -> Vec<(u32, u32, Range<usize>, Range<usize>)> {
    runs.iter()
        .map(|r| (r.a, r.b, r.ra.clone(), r.rb.clone()))
        .collect()
}

/// Runs of a pair that overlap or touch on both sides are one; empty
/// runs are dropped; other pairs are kept apart.
#[test]
fn runs_overlapping_or_touching_on_both_sides_merge() {
    let got = merge(vec![
        run(0, 1, 10..20, 30..40),
        run(0, 1, 0..0, 5..9),
        run(0, 1, 20..25, 40..45),
        run(0, 1, 26..30, 46..50),
        run(0, 2, 26..30, 46..50),
    ]);
    assert_eq!(
        shown(&got),
        [
            (0, 1, 10..25, 30..45),
            (0, 1, 26..30, 46..50),
            (0, 2, 26..30, 46..50)
        ]
    );
    // Overlapping on a, far apart on b: apart.
    let got = merge(vec![run(0, 1, 10..20, 30..40), run(0, 1, 15..18, 60..70)]);
    assert_eq!(got.len(), 2);
    // Overlapping on b with an earlier start there: b's start moves back.
    let got = merge(vec![run(0, 1, 10..20, 30..40), run(0, 1, 12..22, 28..35)]);
    assert_eq!(shown(&got), [(0, 1, 10..22, 28..40)]);
    // On a but ending before b's run starts: apart.
    let got = merge(vec![run(0, 1, 10..20, 30..40), run(0, 1, 12..22, 20..29)]);
    assert_eq!(got.len(), 2);
}

fn hits(places: &[(u32, u32)]) -> Vec<Hit> {
    places
        .iter()
        .map(|&(pos_a, pos_b)| Hit {
            a: 0,
            b: 1,
            pos_a,
            pos_b,
        })
        .collect()
}

/// Seeds join a run when they come within `gap` of its end on a
/// diagonal within `gap` of its own; a run spans its seeds' k-grams.
#[test]
fn seeds_join_a_run_within_the_gap_on_a_near_diagonal() {
    let (k, gap) = (5, 3);
    let joined = |places: &[(u32, u32)]| {
        let mut runs = Vec::new();
        join_seeds(&hits(places), k, gap, &mut runs);
        shown(&runs)
    };
    assert_eq!(
        joined(&[(10, 40), (12, 42), (16, 46)]),
        [(0, 1, 10..21, 40..51)]
    );
    // 3 past the run's end (15 + 3 = 18): joined; 4 past: a new run.
    assert_eq!(joined(&[(10, 40), (18, 48)]), [(0, 1, 10..23, 40..53)]);
    assert_eq!(joined(&[(10, 40), (19, 49)]).len(), 2);
    // The diagonal moved by 3: joined (b's side grows); by 4: apart.
    assert_eq!(joined(&[(10, 40), (12, 45)]), [(0, 1, 10..17, 40..50)]);
    assert_eq!(joined(&[(10, 40), (12, 46)]).len(), 2);
    assert_eq!(joined(&[(10, 40), (12, 39)]), [(0, 1, 10..17, 39..45)]);
    assert_eq!(joined(&[(10, 40), (12, 38)]).len(), 2);
    // A run left behind is closed, the next seed on its diagonal starts
    // a new one.
    assert_eq!(joined(&[(10, 40), (30, 60), (32, 62)]).len(), 2);
}

/// A seed joins on its diagonal however its b side lies against the
/// run's start, within `gap`: with the shipped settings (`noise` 13,
/// `merge-gap` 12) a seed two to twelve characters before the run's b
/// start, and with a gap wider than the k-gram (a user's `merge-gap`) a
/// seed just after it.
#[test]
fn a_seed_on_a_near_diagonal_joins_whatever_the_gap_against_k() {
    let joined = |places: &[(u32, u32)], k: usize, gap: usize| {
        let mut runs = Vec::new();
        join_seeds(&hits(places), k, gap, &mut runs);
        shown(&runs)
    };
    // k 13, gap 12: the diagonal moved down by 5 (b's side starts 3 earlier).
    assert_eq!(
        joined(&[(10, 40), (12, 37)], 13, 12),
        [(0, 1, 10..25, 37..53)]
    );
    // k 4, gap 8: the next seed on the same diagonal, one character on.
    assert_eq!(
        joined(&[(10, 40), (11, 41), (20, 50)], 4, 8),
        [(0, 1, 10..24, 40..54)]
    );
}

#[test]
fn only_non_break_characters_are_counted() {
    assert_eq!(counted(&[1, BREAK, 2, BREAK]), 2);
    assert!(contains(&(0..10), &(0..10)));
    assert!(contains(&(0..10), &(3..4)));
    assert!(!contains(&(0..10), &(3..11)));
    assert!(!contains(&(1..10), &(0..4)));
}

/// Near the start of a text (fewer than RESUME characters before the
/// run on one side) bridging back finds nothing and reads nothing
/// before the text; near its end bridging forward likewise.
#[test]
fn bridging_near_either_end_of_a_text_stays_inside_it() {
    // a: 20 own, 10 shared, 4 own; b: the 10 shared cut to their last 5.
    let (a, b_full) = before_change(20, 4, 0, RESUME);
    let b: Vec<u16> = b_full[b_full.len() - 5..].to_vec();
    assert_eq!(back(&a, &b), None);
    assert_eq!(back(&b, &a), None);
    // Forward: b has 5 characters after the change.
    let (a, b_full) = after_change(4, 0, RESUME);
    let b: Vec<u16> = b_full[..5].to_vec();
    assert_eq!(forward(&a, &b), None);
    assert_eq!(forward(&b, &a), None);
}
