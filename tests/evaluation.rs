//! Every labelled set held to its measured level: floors a little under
//! the measured figures, false-alarm caps a little over them, so a change
//! that makes any figure worse by more than the margin fails. The figures
//! and each set's history are in the README (section Evaluation); raise a
//! floor when a change improves a figure.

use critique_lint::eval::{evaluate, Counts, Evaluation};
use critique_lint::{Config, Engine};
use std::path::Path;

/// How far a figure may move before the test fails.
const MARGIN: f64 = 0.02;

fn run(set: &str) -> Evaluation {
    let engine = Engine::new(Config::defaults().unwrap(), &[], &[])
        .unwrap()
        .with_links()
        .unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/eval")
        .join(set);
    let ev = evaluate(&engine, &dir).unwrap();
    println!("{ev}");
    ev
}

/// Measured figures of a set: links precision and recall, then (recall,
/// false-alarm rate) of unaddressed-*, vague-problem and vague-measure,
/// and the share of reports whose outline is read right (quote labels).
struct Measured {
    links: (f64, f64),
    unaddressed: (f64, f64),
    vague_problem: (f64, f64),
    vague_measure: (f64, f64),
    outline: Option<f64>,
}

fn within(what: &str, got: f64, floor: f64, ev: &Evaluation) {
    assert!(
        got >= floor - MARGIN,
        "{what} {got:.3} < {floor:.3} - {MARGIN}\n{ev}"
    );
}

fn flags(what: &str, c: &Counts, (recall, false_alarms): (f64, f64), ev: &Evaluation) {
    within(&format!("{what} recall"), c.recall(), recall, ev);
    assert!(
        c.false_alarm() <= false_alarms + MARGIN,
        "{what} false alarms {:.3} > {false_alarms:.3} + {MARGIN}\n{ev}",
        c.false_alarm()
    );
}

fn hold(set: &str, m: Measured) {
    let ev = run(set);
    assert!(
        set.starts_with("layouts") || ev.mismatches.is_empty(),
        "labels and outline disagree: {:?}",
        ev.mismatches
    );
    within("links precision", ev.links.precision(), m.links.0, &ev);
    within("links recall", ev.links.recall(), m.links.1, &ev);
    flags("unaddressed", &ev.unaddressed, m.unaddressed, &ev);
    flags("vague-problem", &ev.vague_problems, m.vague_problem, &ev);
    flags("vague-measure", &ev.vague_measures, m.vague_measure, &ev);
    if let Some(o) = m.outline {
        let got = ev.outline_right as f64 / ev.outline_reports.max(1) as f64;
        within("outline", got, o, &ev);
    }
}

/// (kind, recall, false-alarm rate) per kind of planted defect.
fn hold_defects(set: &str, measured: &[(&str, f64, f64)]) {
    let ev = run(set);
    assert_eq!(ev.defects.len(), measured.len(), "{ev}");
    for &(kind, recall, false_alarms) in measured {
        let c = &ev.defects[kind];
        within(&format!("{kind} recall"), c.recall(), recall, &ev);
        assert!(
            c.false_alarm_rate() <= false_alarms + MARGIN,
            "{kind} false alarms {:.3}\n{ev}",
            c.false_alarm_rate()
        );
    }
}

/// The sets the settings were chosen on (history in the README).
#[test]
fn tuning_sets() {
    hold(
        "tune-1",
        Measured {
            links: (0.94, 0.91),
            unaddressed: (0.71, 0.02),
            vague_problem: (1.0, 0.0),
            vague_measure: (1.0, 0.0),
            outline: None,
        },
    );
    hold(
        "tune-2",
        Measured {
            links: (0.90, 0.95),
            unaddressed: (0.64, 0.0),
            vague_problem: (1.0, 0.0),
            vague_measure: (0.89, 0.0),
            outline: None,
        },
    );
    hold(
        "tune-3",
        Measured {
            links: (0.90, 0.95),
            unaddressed: (0.73, 0.02),
            vague_problem: (1.0, 0.0),
            vague_measure: (1.0, 0.0),
            outline: None,
        },
    );
}

/// Written by a helper that never saw the rules. Its disagreements were
/// read while the evidence patterns of issue 11 were chosen, so it is a
/// tuning set now (README, Evaluation).
#[test]
fn general_set() {
    hold(
        "general-a",
        Measured {
            links: (0.85, 0.89),
            unaddressed: (0.57, 0.05),
            vague_problem: (0.97, 0.0),
            vague_measure: (0.94, 0.0),
            outline: Some(1.0),
        },
    );
}

/// Real layouts, written for that issue by two other helpers.
#[test]
fn layout_sets() {
    hold(
        "layouts-c1",
        Measured {
            links: (0.89, 0.88),
            unaddressed: (0.73, 0.09),
            vague_problem: (1.0, 0.0),
            vague_measure: (1.0, 0.0),
            outline: Some(1.0),
        },
    );
    hold(
        "layouts-c2",
        Measured {
            links: (0.95, 0.82),
            unaddressed: (0.85, 0.16),
            vague_problem: (0.97, 0.0),
            vague_measure: (1.0, 0.0),
            outline: Some(1.0),
        },
    );
}

/// Real layouts written blind by two more helpers (layouts-v1, -v2), each
/// measured once before anything was tuned on it (corpus/eval/measurements/:
/// outline 0.93 on both). Their outline misses (causes with no heading,
/// 第一部分： headings) were then fixed: tuning figures now.
#[test]
fn layout_sets_written_blind() {
    hold(
        "layouts-v1",
        Measured {
            links: (0.91, 0.87),
            unaddressed: (0.85, 0.04),
            vague_problem: (0.97, 0.0),
            vague_measure: (1.0, 0.0),
            outline: Some(1.0),
        },
    );
    hold(
        "layouts-v2",
        Measured {
            links: (0.89, 0.86),
            unaddressed: (0.62, 0.09),
            vague_problem: (1.0, 0.0),
            vague_measure: (0.86, 0.0),
            outline: Some(1.0),
        },
    );
}

/// Real layouts written blind by a tenth helper after the layout fixes of
/// the second round, measured once (corpus/eval/measurements/: outline
/// 0.75, links 0.89 / 0.74); its three outline misses (a heading run into
/// its first aspect, causes named by a lead clause, a 问题清单 title) were
/// then fixed as classes: a tuning set now.
#[test]
fn layout_set_of_the_third_round() {
    hold(
        "layouts-v3",
        Measured {
            links: (0.88, 0.89),
            unaddressed: (0.60, 0.06),
            vague_problem: (1.0, 0.0),
            vague_measure: (0.95, 0.0),
            outline: Some(1.0),
        },
    );
}

/// Real layouts written blind for issue 11's links by a further helper,
/// measured once (corpus/eval/measurements/2026-12-01-layouts-v4.txt); a
/// closest-measure rule that lowered its figures was dropped. Its misses
/// were not read, but it was one of the sets the mutual-best links were
/// chosen on (2026-12-02): a tuning set since.
#[test]
fn layout_set_of_the_fourth_round() {
    hold(
        "layouts-v4",
        Measured {
            links: (0.88, 0.93),
            unaddressed: (0.62, 0.03),
            vague_problem: (0.94, 0.0),
            vague_measure: (0.85, 0.0),
            outline: Some(1.0),
        },
    );
}

/// Real layouts written blind for issue 11 by two more helpers
/// (layouts-v5, -v6), each measured before it was read
/// (corpus/eval/measurements/2026-12-02-*); their outline misses (a long
/// topic heading, a clock time, items saying 不足 read as parts, 检视)
/// were then fixed, and v6 was the set the mutual-best links were
/// validated on: tuning sets now.
#[test]
fn layout_sets_of_the_fifth_round() {
    hold(
        "layouts-v5",
        Measured {
            links: (0.92, 0.92),
            unaddressed: (0.75, 0.05),
            vague_problem: (0.97, 0.0),
            vague_measure: (0.93, 0.0),
            outline: Some(1.0),
        },
    );
    hold(
        "layouts-v6",
        Measured {
            links: (0.87, 0.83),
            unaddressed: (0.74, 0.13),
            vague_problem: (1.0, 0.0),
            vague_measure: (1.0, 0.02),
            outline: Some(1.0),
        },
    );
}

/// defects-v43: blind, written for the twenty-first round (measurements/:
/// formulation .66 with the round's start, .81 with its entries written
/// blind), then read. Its writer named four kinds of its own: typography,
/// excuse and blame-others match no rule (held at zero), numbering is the
/// rule of that id. Its misspelt 焦裕禄 was labelled a formulation: the
/// typo rule's finding counts as a false typo here.
#[test]
fn defect_tuning_set_v43() {
    hold_defects(
        "defects-v43",
        &[
            ("blame-others", 0.0, 0.0),
            ("excuse", 0.0, 0.0),
            ("formulation", 0.88, 0.0),
            ("numbering", 1.0, 0.273),
            ("placeholder", 1.0, 0.0),
            ("typo", 0.89, 0.111),
            ("typography", 0.0, 0.0),
        ],
    );
}

/// defects-v44: blind, written for the twenty-second round beside v45
/// (measurements/: formulation .88 with the round's start, .91 with its
/// entries written blind, two false alarms), then read. The formulation
/// false alarm left is a four-member quotation of the five-member goal of
/// the 2023 campaign, which its writer did not label.
#[test]
fn defect_tuning_set_v44() {
    hold_defects(
        "defects-v44",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.03),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("stray-space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
}

/// defects-v45: blind, written beside v44 and never read: the twenty-second
/// round's validation set (measurements/: formulation .85 with the round's
/// start, .88 with its entries written blind, .91 with its final rules
/// 70de91a; two false alarms with each).
#[test]
fn defect_validation_set_v45() {
    hold_defects(
        "defects-v45",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.91, 0.061),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.012),
            ("repeated-word", 1.0, 0.0),
            ("stray-space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
}

/// defects-v46: blind, written after the twenty-second round's entries
/// (measurements/: formulation .76 with the round's start, .82 with
/// 70de91a, two false alarms each), then read. Left: a praise finding on
/// 改稿太细 beside 不利于年轻干部成长.
#[test]
fn defect_tuning_set_v46() {
    hold_defects(
        "defects-v46",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.011),
            ("repeated-word", 1.0, 0.0),
            ("stray-space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
}

/// Read to the end, every kind found with no false alarm:
/// defects-v47 (blind, less common sectors; with a802fe1 formulation .85,
/// typo .90, 9 false placeholders: 某某 signatures in a report made
/// anonymous with 某市), defects-v48 (blind, sectors no set had centred on;
/// with 9e0902a formulation .83, typo .78, 1 false placeholder of 6) and
/// defects-v49 (blind, authors of many levels quoting from memory; with
/// 9e0902a and e577e08 formulation 1.00 with 1 false of 29, typo .67 and
/// .78). First figures in measurements/.
#[test]
fn defect_tuning_sets_read_to_the_end() {
    for set in ["defects-v47", "defects-v48", "defects-v49"] {
        hold_defects(
            set,
            &[
                ("external-cause", 1.0, 0.0),
                ("formulation", 1.0, 0.0),
                ("placeholder", 1.0, 0.0),
                ("praise-as-problem", 1.0, 0.0),
                ("repeated-word", 1.0, 0.0),
                ("stray-space", 1.0, 0.0),
                ("typo", 1.0, 0.0),
            ],
        );
    }
}

/// defects-v50: blind, more typos (words confused in context), measured
/// with 9e0902a and the twenty-fourth round's final rules
/// (measurements/2026-12-04-defects-v50.txt), not read: a validation set.
#[test]
fn defect_validation_set_v50() {
    hold_defects(
        "defects-v50",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.90, 0.053),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("stray-space", 0.75, 0.0),
            ("typo", 0.87, 0.0),
        ],
    );
}

/// layouts-v8: blind, real layouts (measurements/: with 9e0902a outline
/// .75, links .86 / .72), then read: dates opening inline measures, a
/// paragraph announcing the roots, counts of kinds and readings (十余种,
/// 两遍).
#[test]
fn layouts_tuning_set_v8() {
    hold(
        "layouts-v8",
        Measured {
            // A team's closing pledge (镇党委班子将以这次民主生活会为新起点…)
            // ends the measures since 2026-12-05: the last measure's words
            // fewer, one unanswered problem now reaches it (.71 → .65).
            links: (0.84, 0.84),
            unaddressed: (0.65, 0.07),
            vague_problem: (0.97, 0.0),
            vague_measure: (0.83, 0.07),
            outline: Some(0.92),
        },
    );
}

/// layouts-v9: blind, reports as pasted from websites, PDFs and Word
/// (measurements/: with 9e0902a and e577e08 outline .75, links .84 /
/// .69), then read: roots named before a list starting over, a case
/// studied as a warning, 三个季度 a time.
#[test]
fn layouts_tuning_set_v9() {
    hold(
        "layouts-v9",
        Measured {
            links: (0.79, 0.76),
            unaddressed: (0.53, 0.13),
            vague_problem: (0.95, 0.02),
            vague_measure: (0.83, 0.07),
            outline: Some(1.0),
        },
    );
}

/// layouts-v10: blind, measured with 9e0902a and 62a3342
/// (measurements/2026-12-04-layouts-v10.txt), not read: a validation set.
/// Outline .90 since the evaluator accepts a part the report does not head
/// left out of the labels (8c50bc3); vague-problem .97 since 048f503.
#[test]
fn layouts_validation_set_v10() {
    hold(
        "layouts-v10",
        Measured {
            links: (0.77, 0.74),
            unaddressed: (0.50, 0.17),
            vague_problem: (0.97, 0.02),
            vague_measure: (0.87, 0.03),
            outline: Some(0.90),
        },
    );
}

/// layouts-v7: blind, written after the mutual-best links; measured with
/// this session's start and final rules (the same figures,
/// measurements/2026-12-02-layouts-v7.txt) and not read: a validation set.
#[test]
fn layouts_validation_set_v7() {
    hold(
        "layouts-v7",
        Measured {
            links: (0.91, 0.89),
            unaddressed: (0.75, 0.08),
            vague_problem: (0.97, 0.0),
            vague_measure: (0.94, 0.0),
            outline: Some(1.0),
        },
    );
}

/// layouts-v11 and v12: blind, measured at the twenty-fifth round's start
/// (measurements/2026-12-04-layouts-v1{1,2}.txt: outline .83 and .92),
/// then read: an aspect heading run into its first point, a heading glued
/// to its prose, an indented line in a wrapped copy, 二十届 no count.
#[test]
fn layouts_tuning_sets_v11_and_v12() {
    hold(
        "layouts-v11",
        Measured {
            links: (0.92, 0.93),
            unaddressed: (0.79, 0.04),
            vague_problem: (1.0, 0.0),
            vague_measure: (0.94, 0.0),
            outline: Some(1.0),
        },
    );
    hold(
        "layouts-v12",
        Measured {
            links: (0.79, 0.86),
            unaddressed: (0.55, 0.06),
            vague_problem: (0.89, 0.0),
            vague_measure: (1.0, 0.0),
            outline: Some(1.0),
        },
    );
}

/// layouts-v13 and v14: blind, measured with 2c95ed8 and the round's rules
/// (measurements/2026-12-04-layouts-v1{3,4}.txt), not read: validation.
#[test]
fn layouts_validation_sets_v13_to_v15() {
    hold(
        "layouts-v13",
        Measured {
            links: (0.85, 0.93),
            unaddressed: (0.67, 0.03),
            vague_problem: (0.92, 0.04),
            vague_measure: (0.89, 0.02),
            outline: Some(1.0),
        },
    );
    hold(
        "layouts-v14",
        Measured {
            links: (0.86, 0.80),
            unaddressed: (0.83, 0.13),
            vague_problem: (0.97, 0.0),
            vague_measure: (1.0, 0.0),
            outline: Some(1.0),
        },
    );
    // The next session's validation set, asked for hard correspondence.
    hold(
        "layouts-v15",
        Measured {
            links: (0.83, 0.85),
            unaddressed: (0.60, 0.04),
            vague_problem: (0.97, 0.0),
            vague_measure: (0.83, 0.0),
            outline: Some(1.0),
        },
    );
    // The next session's, measured blind (3dd8e3c and c4885d5) and then
    // read: its two vague-problem false alarms named a place and a plan.
    // Asked for after the session's links changes and measured blind
    // (3dd8e3c: links .81 / .79; 504e6c4: .91 / .84); not read.
    hold(
        "layouts-v17",
        Measured {
            links: (0.90, 0.89),
            unaddressed: (0.79, 0.09),
            vague_problem: (0.96, 0.03),
            vague_measure: (0.92, 0.0),
            outline: Some(1.0),
        },
    );
    hold(
        "layouts-v16",
        Measured {
            // The closing pledge out of the last measure (2026-12-05): its
            // slogan found vague, one link and one unanswered problem lost.
            links: (0.86, 0.82),
            unaddressed: (0.83, 0.09),
            vague_problem: (0.95, 0.0),
            vague_measure: (0.81, 0.02),
            outline: Some(1.0),
        },
    );
    // Asked for at the start of the evening session and measured blind
    // (81be6e9: links .82 / .86; with causes answered through problems
    // .82 / .89); not read.
    hold(
        "layouts-v18",
        Measured {
            links: (0.82, 0.89),
            unaddressed: (0.61, 0.04),
            vague_problem: (0.93, 0.0),
            vague_measure: (1.0, 0.0),
            outline: Some(1.0),
        },
    );
    // Asked for at the start of the late-evening session and measured
    // blind (304d1b8: outline .92, links .82 / .85, vague-problem .94);
    // with the first part run into the title split (a class the helper's
    // summary named, fixed on reports written for it) 1.00, .83 / .88,
    // 1.00. One line of r11 was seen since, in a diff; nothing else read.
    hold(
        "layouts-v19",
        Measured {
            links: (0.83, 0.88),
            unaddressed: (0.55, 0.07),
            vague_problem: (1.0, 0.0),
            vague_measure: (1.0, 0.02),
            outline: Some(1.0),
        },
    );
    // blind (fcc1b68: outline .92, links .86 / .76, vague-problem 1.00 /
    // 0); with a cause cue running into the first cause split (the
    // class r03 showed, fixed on reports written for it) outline 1.00. One
    // line of r03 (its cue paragraph) was seen for that; nothing else read.
    hold(
        "layouts-v20",
        Measured {
            links: (0.86, 0.77),
            unaddressed: (0.73, 0.16),
            vague_problem: (1.0, 0.0),
            vague_measure: (0.85, 0.03),
            outline: Some(1.0),
        },
    );
    // blind (9164d35 and 5cc03df: outline .83, links .86 / .79, unaddressed
    // .83 / .14, vague-problem .93 / 0, vague-measure .78 / 0); with a
    // heading naming the problems' 表现 and a bulleted list's closing
    // paragraphs (the classes its two outline disagreements showed, fixed
    // on reports written for them) outline 1.00. Only those two lines, r08's
    // parsed measures and r12's part headings were seen; nothing else read.
    hold(
        "layouts-v22",
        Measured {
            links: (0.86, 0.79),
            unaddressed: (0.83, 0.14),
            vague_problem: (0.93, 0.0),
            vague_measure: (0.78, 0.0),
            outline: Some(1.0),
        },
    );
    // blind, not read (9164d35 and 6c25068 the same: outline .92, links
    // .85 / .84, unaddressed .58 / .08, vague-problem 1.00 / .04,
    // vague-measure 1.00 / 0).
    hold(
        "layouts-v23",
        Measured {
            links: (0.85, 0.84),
            unaddressed: (0.58, 0.08),
            vague_problem: (1.0, 0.04),
            vague_measure: (1.0, 0.0),
            outline: Some(0.92),
        },
    );
    // blind (49980d6: outline .83, links .86 / .79, unaddressed .79 / .07,
    // vague-problem .94 / 0, vague-measure .94 / 0); with a heading on the
    // progress of rectification (整改工作推进情况) read as other and
    // 以案促改措施 as the measures (the classes its two outline
    // disagreements showed) outline 1.00, links .88 / .84. Only those two
    // lines, r06's and r09's part headings, were seen; nothing else read.
    hold(
        "layouts-v24",
        Measured {
            links: (0.88, 0.84),
            unaddressed: (0.89, 0.08),
            vague_problem: (0.94, 0.0),
            vague_measure: (1.0, 0.02),
            outline: Some(1.0),
        },
    );
    // blind (bd3f8d8: outline .83, links .76 / .69, unaddressed .60 / .08,
    // vague-problem .87 / 0, vague-measure .88 / 0); then read (its outline,
    // link and vague-measure disagreements) for the classes of
    // measurements/2026-12-05-layouts-v25.txt.
    hold(
        "layouts-v25",
        Measured {
            links: (0.80, 0.83),
            unaddressed: (0.65, 0.08),
            vague_problem: (1.0, 0.0),
            vague_measure: (1.0, 0.0),
            outline: Some(1.0),
        },
    );
    // blind, not read (bd3f8d8: outline .83, links .93 / .76, unaddressed
    // .86 / .15, vague-problem .91 / 0, vague-measure .88 / 0).
    hold(
        "layouts-v26",
        Measured {
            links: (0.93, 0.81),
            unaddressed: (0.90, 0.15),
            vague_problem: (0.97, 0.0),
            vague_measure: (0.94, 0.0),
            outline: Some(0.92),
        },
    );
}

/// The late-evening session of 2026-12-05 (measurements/2026-12-05-*.txt):
/// layouts-v27 blind at its start (001a238: outline 1.00, links .87 / .82,
/// vague-measure .91), then read; v28 blind at its start (outline .92,
/// links .78 / .74), not read but for the evaluator's summary lines (one
/// report's items missing, a layout its helper's note described: topics
/// each holding a problem, its cause and measure); v29 asked for at its
/// end, measured with the session's start and last rules, not read.
#[test]
fn layouts_sets_of_the_late_evening_session() {
    hold(
        "layouts-v27",
        Measured {
            links: (0.87, 0.82),
            unaddressed: (0.76, 0.12),
            vague_problem: (1.0, 0.0),
            vague_measure: (1.0, 0.0),
            outline: Some(1.0),
        },
    );
    hold(
        "layouts-v28",
        Measured {
            links: (0.77, 0.82),
            unaddressed: (0.70, 0.07),
            vague_problem: (0.91, 0.05),
            vague_measure: (0.95, 0.04),
            outline: Some(1.0),
        },
    );
    hold(
        "layouts-v29",
        Measured {
            links: (0.85, 0.86),
            unaddressed: (0.60, 0.06),
            vague_problem: (0.92, 0.02),
            vague_measure: (0.94, 0.02),
            outline: Some(0.92),
        },
    );
}

/// The twenty-fifth round's defect sets: v51 and v53 blind at the round's
/// start (typo .50 and .76), then read for the typo rule; v52 and v54
/// measured with 2c95ed8 and the round's rules
/// (measurements/2026-12-04-defects-v5{2,4}.txt) and not read: validation.
/// The twenty-sixth's, both blind at its start (c39ad12): v55 met every
/// target at once and was not read; v56 (formulation .86, typo .90,
/// doubled words .75) was read for the round's fixes. The twenty-seventh's
/// v57, blind at its start (3dd8e3c: typo .86, one placeholder and one
/// external-cause false alarm), was read for that round's fixes. The
/// twenty-eighth's v58, blind at its start (49980d6: typo .84, one
/// praise-as-problem false alarm), was read for its fixes; so was the
/// twenty-ninth's v59 (bd3f8d8: typo .84, repeated-word .86, one
/// praise-as-problem false alarm), and v60, blind mid-round (bd3f8d8:
/// typo .83, repeated-word .67, formulation .94 and external-cause 1.00
/// with 2 and 4 false alarms).
#[test]
fn defect_sets_of_the_twenty_fifth_to_twenty_ninth_rounds() {
    // (set, formulation recall, praise-as-problem recall, typo recall)
    for (set, formulation, praise, typo) in [
        ("defects-v51", 1.0, 1.0, 0.81),
        ("defects-v52", 0.94, 0.83, 0.94),
        ("defects-v53", 1.0, 1.0, 1.0),
        ("defects-v54", 0.93, 1.0, 0.94),
        ("defects-v55", 0.94, 1.0, 1.0),
        ("defects-v56", 0.93, 1.0, 1.0),
        ("defects-v57", 1.0, 1.0, 1.0),
        ("defects-v58", 1.0, 1.0, 0.96),
        ("defects-v59", 1.0, 1.0, 1.0),
        ("defects-v60", 1.0, 1.0, 1.0),
    ] {
        hold_defects(
            set,
            &[
                ("external-cause", 1.0, 0.0),
                ("formulation", formulation, 0.0),
                ("placeholder", 1.0, 0.0),
                ("praise-as-problem", praise, 0.0),
                ("repeated-word", 1.0, 0.0),
                ("stray-space", 1.0, 0.0),
                ("typo", typo, 0.0),
            ],
        );
    }
}

/// The thirtieth round (2026-12-05, late evening), all three blind at its
/// start (001a238): v61 (formulation .92 with 1 false of 13, external-cause
/// 1 false of 38) and v63, written on slips (repeated-word .68, typo .84),
/// read for its fixes; v62 (repeated-word .80, typo .93) not read, but for
/// its typo rule's findings (typos and doubled words) seen once in a
/// comparison over corpus/, not its labels or misses.
#[test]
fn defect_sets_of_the_thirtieth_round() {
    // (set, external-cause false alarms, typo recall)
    for (set, excuses_false, typo) in [("defects-v61", 0.03, 1.0), ("defects-v62", 0.0, 0.93)] {
        hold_defects(
            set,
            &[
                ("external-cause", 1.0, excuses_false),
                ("formulation", 1.0, 0.0),
                ("placeholder", 1.0, 0.0),
                ("praise-as-problem", 1.0, 0.0),
                ("repeated-word", 1.0, 0.0),
                ("stray-space", 1.0, 0.0),
                ("typo", typo, 0.0),
            ],
        );
    }
    hold_defects(
        "defects-v63",
        &[
            ("placeholder", 1.0, 0.0),
            ("repeated-word", 0.92, 0.0),
            ("stray-space", 1.0, 0.0),
            ("typo", 0.92, 0.0),
        ],
    );
}

/// Planted defects, written by helpers that never saw the lists: b1–b3 and
/// each v-set measured once blind before anything was tuned on it
/// (corpus/eval/measurements/), then read for the next issue-12 round (its
/// README says when). Tuning figures now; the README gives each history.
#[test]
fn defect_tuning_sets_b1_to_b3() {
    hold_defects(
        "defects-b1",
        // Its helper labelled two 【第一篇】 and a 【范文】 as placeholders;
        // they are `copy-residue` findings since the sixteenth round, as
        // the v23 and v24 helpers' decoys asked: placeholder recall .96.
        &[("formulation", 1.0, 0.0), ("placeholder", 0.958, 0.0)],
    );
    hold_defects(
        "defects-b2",
        &[
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.95, 0.0),
        ],
    );
    hold_defects(
        "defects-b3",
        &[
            ("external-cause", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.012),
        ],
    );
}

#[test]
fn defect_tuning_sets_v1_to_v4() {
    hold_defects(
        "defects-v1",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.94, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 0.92, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.97, 0.0),
        ],
    );
    hold_defects(
        "defects-v2",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.97, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.91, 0.0),
        ],
    );
    hold_defects(
        "defects-v3",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.90, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
    hold_defects(
        "defects-v4",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.90, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 0.92, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.98, 0.0),
        ],
    );
}

#[test]
fn defect_tuning_sets_v5_to_v8() {
    hold_defects(
        "defects-v5",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.92, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.091),
            ("typo", 0.97, 0.0),
        ],
    );
    hold_defects(
        "defects-v6",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 0.91, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.96, 0.0),
        ],
    );
    hold_defects(
        "defects-v7",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 0.88, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.97, 0.0),
        ],
    );
    hold_defects(
        "defects-v8",
        &[
            ("external-cause", 0.96, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 0.97, 0.0),
            ("repeated-word", 0.88, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
}

#[test]
fn defect_tuning_sets_v9_to_v11() {
    hold_defects(
        "defects-v9",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.94, 0.0),
            ("placeholder", 0.95, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 0.88, 0.0),
            ("typo", 0.98, 0.0),
        ],
    );
    hold_defects(
        "defects-v10",
        &[
            ("external-cause", 0.96, 0.0),
            ("formulation", 0.94, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
    hold_defects(
        "defects-v11",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
}

/// defects-v14, v15 and v17, blind sets once (measurements/), tuning sets
/// since: v17's false alarms were read after its measurement (layouts of
/// web copies, a name made anonymous).
#[test]
fn defect_tuning_sets_v14_to_v17() {
    hold_defects(
        "defects-v17",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.95, 0.0),
        ],
    );
    hold_defects(
        "defects-v14",
        &[
            ("external-cause", 1.0, 0.024),
            ("formulation", 0.95, 0.0),
            ("placeholder", 1.0, 0.050),
            ("praise-as-problem", 0.97, 0.013),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.85, 0.0),
        ],
    );
    hold_defects(
        "defects-v15",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.94, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.90, 0.0),
        ],
    );
}

/// Planted defects written blind by a helper: defects-v18 (after the
/// thirteenth round), measured when it came and after each change since
/// (corpus/eval/measurements/); nothing has been read or changed for it.
/// Held at the last levels.
#[test]
fn defect_validation_sets() {
    hold_defects(
        "defects-v18",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
}

/// defects-v19, v20 and v21, blind sets once (measurements/, first
/// figures in the README), read for the fifteenth round (formulations,
/// typo pairs, words that own a shortfall, 其一 markers): tuning sets.
#[test]
fn defect_tuning_sets_v19_to_v21() {
    hold_defects(
        "defects-v19",
        &[
            ("external-cause", 0.91, 0.0),
            ("formulation", 1.0, 0.143),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 0.92, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
    hold_defects(
        "defects-v20",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
    hold_defects(
        "defects-v21",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
}

/// defects-v22 to v25, blind until measured (2026-12-02, the first
/// figures in `corpus/eval/measurements/`), read for the sixteenth round
/// (misspellings read alike, numbers in list names, measures announced
/// inside the causes, place names before a doubled word, a 范文 site's
/// 【第一篇】 a copy's residue rather than a placeholder, complaints reported
/// by others no excuse, a member cited from its named list): tuning sets.
/// v25's two typo false alarms (charged to repeated-word, the rule's first
/// kind) are 消号 and 姑息牵就, forms its helper took for right.
#[test]
fn defect_tuning_sets_v22_to_v25() {
    hold_defects(
        "defects-v22",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
    hold_defects(
        "defects-v23",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 0.92, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
    hold_defects(
        "defects-v24",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.93, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
    hold_defects(
        "defects-v25",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.93, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 0.92, 0.0),
            ("repeated-word", 1.0, 0.333),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
}

/// defects-v26 to v29, blind sets once (measurements/, first figures in the
/// README: formulation .86, .81, .82 and .59 at their first runs), read
/// for the seventeenth round (formulations): tuning sets.
#[test]
fn defect_tuning_sets_v26_to_v29() {
    hold_defects(
        "defects-v26",
        &[
            ("external-cause", 1.0, 0.018),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 0.92, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.96, 0.0),
        ],
    );
    hold_defects(
        "defects-v27",
        &[
            ("external-cause", 1.0, 0.018),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 0.90, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
    hold_defects(
        "defects-v28",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 1.0, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.009),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
    hold_defects(
        "defects-v29",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.88, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
}

/// defects-v30: the validation set after the seventeenth round, measured
/// once with its final rules and never read (its misses unknown):
/// formulation recall .79 (1 false of 23) is under the issue's .9.
#[test]
fn defect_validation_set_v30() {
    hold_defects(
        "defects-v30",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.79, 0.043),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.93, 0.0),
        ],
    );
}

/// defects-v42: the validation set after the twentieth round, measured
/// with its start and final rules (the same figures: formulation .78, no
/// false alarm; two of five stray-space findings false;
/// measurements/2026-12-02-defects-v42.txt), then read in the twenty-first
/// round: a tuning set. Left: the “七五” 普法 plan named in a 2022 report, a
/// seven-character motto garbled (never judged under ten), 民营经济 for
/// 非公有制经济 in 两个毫不动摇; a model's praise finding on 宁可自己干.
#[test]
fn defect_tuning_set_v42() {
    hold_defects(
        "defects-v42",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.91, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.008),
            ("repeated-word", 1.0, 0.0),
            ("stray-space", 1.0, 0.0),
            ("typo", 1.0, 0.0),
        ],
    );
}

/// defects-v31 to v33, blind sets once (measurements/: formulation .77,
/// .66 and .68 at their first runs with the eighteenth round's rules as
/// they then stood), read for that round: tuning sets. v33's stray-space
/// false alarms (a quotation broken by a hard wrap after a comma) went with
/// the twenty-first round; its excuses' (measures headed 下步整改措施：一是…
/// read as causes) went before.
#[test]
fn defect_tuning_sets_v31_to_v33() {
    for (set, formulation, typo) in [
        ("defects-v31", 1.0, 0.92),
        ("defects-v32", 0.97, 1.0),
        ("defects-v33", 0.94, 1.0),
    ] {
        hold_defects(
            set,
            &[
                ("external-cause", 1.0, 0.0),
                ("formulation", formulation, 0.0),
                ("placeholder", 1.0, 0.0),
                ("praise-as-problem", 1.0, 0.0),
                ("repeated-word", 1.0, 0.0),
                ("space", 1.0, 0.0),
                ("typo", typo, 0.0),
            ],
        );
    }
}

/// The nineteenth round's sets, read since (each README and
/// measurements/ file has its first figures): v34, the eighteenth round's
/// validation set (.81, .84); v35 (.75, .81) and v37 (.84, .87), blind
/// before reading; v36 (.94, 1 false of 31), v38 (.87, 2 false of 29), v39
/// (.91, 2 false of 31) and v40 (.81, 1 false of 26), the validation sets,
/// read after their final measurement. v35's two formulation false alarms
/// are the 2023 主题教育's five aims quoted as four, which the tool reports
/// and its helper (like v19's) took for right.
#[test]
fn defect_tuning_sets_v34_to_v40() {
    // (set, formulation recall, its false alarms, external-cause's,
    // praise-as-problem's, space's)
    for (set, formulation, wrong, excuse, praise, space) in [
        ("defects-v34", 0.97, 0.0, 0.0, 0.0, 0.0),
        ("defects-v35", 0.97, 0.061, 0.0, 0.0, 0.0),
        ("defects-v36", 1.0, 0.0, 0.0, 0.0, 0.0),
        ("defects-v37", 1.0, 0.0, 0.0, 0.0, 0.0),
        ("defects-v38", 0.97, 0.0, 0.021, 0.0, 0.0),
        ("defects-v39", 0.97, 0.0, 0.0, 0.01, 0.0),
        ("defects-v40", 0.84, 0.0, 0.0, 0.0, 0.0),
    ] {
        hold_defects(
            set,
            &[
                ("external-cause", 1.0, excuse),
                ("formulation", formulation, wrong),
                ("placeholder", 1.0, 0.0),
                ("praise-as-problem", 1.0, praise),
                ("repeated-word", 1.0, 0.0),
                ("space", 1.0, space),
                ("typo", 1.0, 0.0),
            ],
        );
    }
}

/// The twentieth round's set, read since (its README and measurements/
/// file have the first figures: formulation .78 with the round's start,
/// .88 with the entries written blind, no false alarm). Its one typo miss
/// is 精减, a word of its own (精减人员), and its one formulation miss the
/// 2018 wording 山水林田湖草是生命共同体, which v39 quotes as right: both
/// left as they are.
#[test]
fn defect_tuning_set_v41() {
    hold_defects(
        "defects-v41",
        &[
            ("external-cause", 1.0, 0.0),
            ("formulation", 0.97, 0.0),
            ("placeholder", 1.0, 0.0),
            ("praise-as-problem", 1.0, 0.0),
            ("repeated-word", 1.0, 0.0),
            ("stray-space", 1.0, 0.0),
            ("typo", 0.92, 0.0),
        ],
    );
}

/// defects-v16, blind until the fourteenth round's item models were
/// measured on it, then read for formulations and typos: a tuning set.
#[test]
fn defect_tuning_set_v16() {
    hold_defects(
        "defects-v16",
        &[
            ("external-cause", 0.96, 0.0),
            ("formulation", 0.88, 0.0),
            ("placeholder", 1.0, 0.059),
            ("praise-as-problem", 0.97, 0.009),
            ("repeated-word", 1.0, 0.0),
            ("space", 1.0, 0.0),
            ("typo", 0.98, 0.0),
        ],
    );
}

/// A part the report does not head (causes announced by a sentence after
/// the last problem) is a part by function: labels that list it and labels
/// that leave it out are both read right; labels naming another part are
/// not.
#[test]
fn a_part_the_report_does_not_head_may_be_listed_or_left_out() {
    let report = "一、存在的问题\n1.理论学习不够系统，今年缺席中心组学习3次。\n2.调研走访偏少，全年只去过2个村。\n上述问题虽然表现在工作上，但根子还在思想上。深刻反思，主要有以下几点：\n1.理想信念有所弱化。\n2.宗旨意识有所淡化。\n二、整改措施\n1.每月参加中心组学习，缺席的一周内补学。\n2.每季度到联系村调研一次。\n";
    let outline_right = |parts: &str, causes: bool| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("r.txt"), report).unwrap();
        let causes = if causes {
            "    causes:\n      - quote: \"1.理想信念有所弱化\"\n        answered-by: [m1]\n      - quote: \"2.宗旨意识有所淡化\"\n        answered-by: [m2]\n"
        } else {
            ""
        };
        let labels = format!(
            "documents:\n  - file: r.txt\n    parts: {parts}\n    problems:\n      - quote: \"1.理论学习不够系统\"\n        vague: false\n        answered-by: [m1]\n      - quote: \"2.调研走访偏少\"\n        vague: false\n        answered-by: [m2]\n{causes}    measures:\n      - id: m1\n        quote: \"1.每月参加中心组学习\"\n        vague: false\n      - id: m2\n        quote: \"2.每季度到联系村调研一次\"\n        vague: false\n"
        );
        std::fs::write(dir.path().join("labels.yaml"), labels).unwrap();
        let engine = Engine::new(Config::defaults().unwrap(), &[], &[])
            .unwrap()
            .with_links()
            .unwrap();
        let ev = evaluate(&engine, dir.path()).unwrap();
        (ev.outline_right, ev.outline_reports)
    };
    assert_eq!(outline_right("[problems, causes, measures]", true), (1, 1));
    assert_eq!(outline_right("[problems, measures]", true), (1, 1));
    assert_eq!(outline_right("[problems, other, measures]", true), (0, 1));
    assert_eq!(outline_right("[problems]", true), (0, 1));
}
