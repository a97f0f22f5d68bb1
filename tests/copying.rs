//! copied-report, shared-passage, template-copy, repeated-passage, the
//! similarity summary and copy groups, on corpus reports with planted copies.

mod common;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Base reports that share nothing with each other.
fn bases() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = [
        "good-01-yi-guanyu.txt",
        "good-02-plain-headings.txt",
        "good-03-part.txt",
        "good-04-halfwidth.txt",
        "good-05-topic.txt",
    ]
    .iter()
    .map(|n| corpus(n))
    .collect();
    for i in 1..=8 {
        out.push(corpus(&format!("eval/tune-1/t0{i}.txt")));
    }
    out
}

/// Writes `base` into `dir/name` with `passage` appended to the first long
/// paragraph of the problems part.
fn plant(dir: &Path, name: &str, base: &Path, passage: &str) -> PathBuf {
    plant_each(dir, name, base, &[passage])
}

/// Writes `base` into `dir/name` with `passages[k]` appended to the k-th
/// long paragraph of the problems part (one passage per paragraph).
fn plant_each(dir: &Path, name: &str, base: &Path, passages: &[&str]) -> PathBuf {
    let text = std::fs::read_to_string(base).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let start = lines.iter().position(|l| l.contains("问题")).unwrap_or(1);
    let long: Vec<usize> = (start + 1..lines.len())
        .filter(|&i| lines[i].chars().count() > 80)
        .collect();
    assert!(
        long.len() >= passages.len(),
        "{} long paragraphs",
        long.len()
    );
    for (&at, passage) in long.iter().zip(passages) {
        lines[at].push_str(passage);
    }
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

const COPIED: &str = "去年九月我在全县安全生产大检查中只听取了汇报，没有深入任何一家危化品企业的生产车间，对三处重大隐患的整改进度也没有跟踪督办。";

fn run(args: &[&Path], extra: &[&str]) -> (i32, Value) {
    let mut all: Vec<&str> = args.iter().map(|p| p.to_str().unwrap()).collect();
    all.extend(extra);
    check_json(&all)
}

fn cross(json: &Value, rule: &str) -> Vec<Value> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .cloned()
        .collect()
}

#[test]
fn a_verbatim_copy_is_found_in_both_documents() {
    let dir = tempfile::tempdir().unwrap();
    let b = bases();
    let a = plant(dir.path(), "a.txt", &b[0], COPIED);
    let c = plant(dir.path(), "b.txt", &b[1], COPIED);
    let (code, json) = run(&[&a, &c], &["--select", "shared-passage"]);
    assert_eq!(code, 0, "a warning");
    let found = cross(&json, "shared-passage");
    assert_eq!(found.len(), 2, "{found:?}");
    let n = COPIED.chars().filter(|c| !"，。".contains(*c)).count();
    for (d, other) in found.iter().zip(["b.txt", "a.txt"]) {
        assert_eq!(d["text"].as_str().unwrap(), COPIED.trim_end_matches('。'));
        assert!(
            d["message"].as_str().unwrap().contains(&format!("{n} 字")),
            "{}",
            d["message"]
        );
        assert!(d["labels"][0]["path"].as_str().unwrap().ends_with(other));
        assert_eq!(d["labels"][0]["text"], d["text"]);
    }
    let sim = json["similarity"].as_array().unwrap();
    assert_eq!(sim.len(), 1);
    assert_eq!(sim[0]["shared_chars"].as_u64().unwrap() as usize, n);
    assert!(sim[0]["a_ratio"].as_f64().unwrap() > 0.0);
}

#[test]
fn a_passage_with_a_few_words_changed_is_one_passage() {
    let dir = tempfile::tempdir().unwrap();
    let b = bases();
    let long = format!("{COPIED}今年以来分管的交通运输领域发生两起较大事故，我虽然到现场指挥了救援，但事后没有组织系统的复盘，也没有推动建立隐患排查的长效机制，直到市里通报才督促有关科室补上台账。");
    let edited = long
        .replace("危化品企业", "化工企业")
        .replace("复盘", "总结");
    let a = plant(dir.path(), "a.txt", &b[2], &long);
    let c = plant(dir.path(), "b.txt", &b[3], &edited);
    let (_, json) = run(&[&a, &c], &["--select", "shared-passage"]);
    let found = cross(&json, "shared-passage");
    assert_eq!(
        found.len(),
        2,
        "one passage, reported in each document: {found:?}"
    );
    let text = found[0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("去年九月") && text.ends_with("补上台账"),
        "{text}"
    );
}

fn names(d: &Value) -> Vec<String> {
    d["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let p = l["path"].as_str().unwrap();
            p.rsplit('/').next().unwrap().to_string()
        })
        .collect()
}

#[test]
fn a_passage_shared_by_five_reports_is_one_finding_in_each_naming_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let b = bases();
    let docs: Vec<PathBuf> = (0..5)
        .map(|i| plant(dir.path(), &format!("m{i}.txt"), &b[i + 4], COPIED))
        .collect();
    let refs: Vec<&Path> = docs.iter().map(|p| p.as_path()).collect();
    let (_, json) = run(&refs, &["--select", "shared-passage"]);
    let found = cross(&json, "shared-passage");
    assert_eq!(found.len(), 5, "one per report: {found:#?}");
    for (i, d) in found.iter().enumerate() {
        let me = format!("m{i}.txt");
        assert!(d["path"].as_str().unwrap().ends_with(&me));
        let message = d["message"].as_str().unwrap();
        assert!(message.starts_with("与 4 份材料"), "{message}");
        // Labels in the first three others, the fourth named in a note.
        let labelled = names(d);
        assert_eq!(labelled.len(), 3);
        assert!(!labelled.contains(&me));
        let note = d["notes"][0].as_str().unwrap();
        assert!(note.starts_with("另有 1 份材料也有这一段"), "{note}");
        let mut all = labelled.clone();
        all.extend(
            (0..5)
                .map(|j| format!("m{j}.txt"))
                .filter(|n| note.contains(n.as_str())),
        );
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 4, "{all:?}");
    }
    assert_eq!(json["similarity"].as_array().unwrap().len(), 10);
}

#[test]
fn copies_of_a_reference_are_template_copy_not_shared_passage() {
    let dir = tempfile::tempdir().unwrap();
    let b = bases();
    let reference = dir.path().join("fanwen.txt");
    std::fs::write(&reference, format!("某单位领导班子成员对照检查材料\n一、存在的问题\n（一）在担当作为方面。{COPIED}其他内容略。\n")).unwrap();
    let a = plant(dir.path(), "a.txt", &b[5], COPIED);
    let c = plant(dir.path(), "b.txt", &b[6], COPIED);
    let (_, json) = run(
        &[&a, &c],
        &[
            "--select",
            "shared-passage,template-copy",
            "--reference",
            reference.to_str().unwrap(),
        ],
    );
    assert!(cross(&json, "shared-passage").is_empty());
    let found = cross(&json, "template-copy");
    assert_eq!(found.len(), 2, "{found:?}");
    for d in &found {
        assert!(d["labels"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("fanwen.txt"));
        assert!(d["message"].as_str().unwrap().contains("fanwen.txt"));
    }
    // The reference is not one of the checked files.
    assert_eq!(json["summary"]["files"], 2);
}

#[test]
fn the_builtin_template_is_a_default_reference() {
    let dir = tempfile::tempdir().unwrap();
    let b = bases();
    let lifted = "理论联系实际还不够紧密，学用结合上还不够深入，有时存在“两张皮”现象。";
    let a = plant(dir.path(), "a.txt", &b[7], lifted);
    let (_, json) = run(&[&a], &["--select", "template-copy"]);
    let found = cross(&json, "template-copy");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]["labels"][0]["path"]
        .as_str()
        .unwrap()
        .contains("seed-2023-template"));
}

#[test]
fn stock_phrases_and_short_runs_are_not_copies() {
    let dir = tempfile::tempdir().unwrap();
    let b = bases();
    // Runs under 20 characters apart, and stock wording, shared by both.
    let common = |filler: &str| {
        format!("我深刻认识到问题的严重性，{filler}必须坚持以人民为中心，{filler}不足之处请同志们批评指正，以这次民主生活会为契机。")
    };
    let a = plant(dir.path(), "a.txt", &b[8], &common("在县委"));
    let c = plant(dir.path(), "b.txt", &b[9], &common("在学校"));
    let (_, json) = run(&[&a, &c], &["--select", "shared-passage"]);
    assert!(
        cross(&json, "shared-passage").is_empty(),
        "{:?}",
        cross(&json, "shared-passage")
    );
}

#[test]
fn a_passage_in_more_than_max_docs_documents_is_common_wording() {
    let dir = tempfile::tempdir().unwrap();
    let docs: Vec<PathBuf> = bases()
        .iter()
        .take(12)
        .enumerate()
        .map(|(i, p)| plant(dir.path(), &format!("d{i:02}.txt"), p, COPIED))
        .collect();
    let refs: Vec<&Path> = docs.iter().map(|p| p.as_path()).collect();
    let (_, json) = run(&refs, &["--select", "shared-passage"]);
    assert!(cross(&json, "shared-passage").is_empty());
    // With max-docs raised above 12, the same run reports it.
    let cfg = dir.path().join("c.yaml");
    std::fs::write(&cfg, "copying:\n  max-docs: 12\n").unwrap();
    let (_, json) = run(
        &refs,
        &[
            "--select",
            "shared-passage",
            "--config",
            cfg.to_str().unwrap(),
        ],
    );
    // One finding per report, naming the 11 others.
    let found = cross(&json, "shared-passage");
    assert_eq!(found.len(), 12);
    assert!(found
        .iter()
        .all(|d| d["message"].as_str().unwrap().starts_with("与 11 份材料")));
}

#[test]
fn a_passage_repeated_in_one_report_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let b = bases();
    let path = plant(dir.path(), "r.txt", &b[10], COPIED);
    let text = std::fs::read_to_string(&path).unwrap() + &format!("\n{COPIED}\n");
    std::fs::write(&path, text).unwrap();
    let (_, json) = check_json(&[path.to_str().unwrap(), "--select", "repeated-passage"]);
    let found = cross(&json, "repeated-passage");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["severity"], "info");
    assert!(found[0]["span"]["start"].as_u64() > found[0]["labels"][0]["span"]["start"].as_u64());
}

#[test]
fn max_shared_makes_similar_pairs_errors() {
    let dir = tempfile::tempdir().unwrap();
    let b = bases();
    let a = plant(dir.path(), "a.txt", &b[11], COPIED);
    let c = plant(dir.path(), "b.txt", &b[12], COPIED);
    let (code, json) = run(
        &[&a, &c],
        &["--select", "shared-passage", "--max-shared", "0.01"],
    );
    assert_eq!(code, 1);
    assert!(cross(&json, "shared-passage")
        .iter()
        .all(|d| d["severity"] == "error"));
    let (code, _) = run(
        &[&a, &c],
        &["--select", "shared-passage", "--max-shared", "0.5"],
    );
    assert_eq!(code, 0);
}

#[test]
fn human_output_shows_both_places_and_the_similarity_table() {
    let dir = tempfile::tempdir().unwrap();
    let b = bases();
    let a = plant(dir.path(), "a.txt", &b[0], COPIED);
    let c = plant(dir.path(), "b.txt", &b[1], COPIED);
    let out = bin()
        .current_dir(dir.path())
        .args([
            "--color",
            "never",
            "--select",
            "shared-passage",
            "a.txt",
            "b.txt",
        ])
        .output()
        .unwrap();
    let _ = (&a, &c);
    let text = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!(text);
}

#[test]
fn an_edited_copy_is_one_passage_from_its_first_to_its_last_shared_run() {
    let dir = tempfile::tempdir().unwrap();
    let b = bases();
    // Unchanged runs of 15+ characters; one word changed, two swapped.
    let original = "去年九月我在全县安全生产大检查中只听取了汇报，没有深入任何一家危化品企业的生产车间，对三处重大隐患的整改进度也没有跟踪督办。";
    let edited = "去年九月我在全县安全生产大检查里只听取了汇报，没有深入任何一家危化品企业的车间生产，对三处重大隐患的整改进度也没有跟踪督办。";
    let x = plant(dir.path(), "x.txt", &b[0], original);
    let y = plant(dir.path(), "y.txt", &b[1], edited);
    let (_, json) = run(&[&x, &y], &["--select", "shared-passage"]);
    let found = cross(&json, "shared-passage");
    assert_eq!(found.len(), 2, "{found:#?}");
    for d in &found {
        let text = d["text"].as_str().unwrap();
        assert!(text.starts_with("去年九月我在全县"), "{text}");
        assert!(text.ends_with("跟踪督办"), "{text}");
    }
}

#[test]
fn an_edited_copy_whose_first_shared_run_is_below_the_noise_threshold_starts_there() {
    let dir = tempfile::tempdir().unwrap();
    let b = bases();
    // One character changed after the first 11: shorter than the 13
    // characters of a fingerprint (`noise`), that run has no seed of its
    // own and only bridging back across the change reaches it.
    let original = "今年三月全县开展安全大检查时我只听取了汇报，没有深入任何一家危化品企业的生产车间，对三处重大隐患的整改进度也没有跟踪督办。";
    let edited = "今年三月全县开展安全大督查时我只听取了汇报，没有深入任何一家危化品企业的生产车间，对三处重大隐患的整改进度也没有跟踪督办。";
    let x = plant(dir.path(), "x.txt", &b[2], original);
    let y = plant(dir.path(), "y.txt", &b[3], edited);
    let (_, json) = run(&[&x, &y], &["--select", "shared-passage"]);
    let found = cross(&json, "shared-passage");
    assert_eq!(found.len(), 2, "{found:#?}");
    for d in &found {
        let text = d["text"].as_str().unwrap();
        assert!(text.starts_with("今年三月全县开展安全大"), "{text}");
        assert!(text.ends_with("跟踪督办"), "{text}");
    }
}

#[test]
fn a_report_with_many_shared_passages_lists_the_others_and_marks_those_left_out() {
    // Past max-passages (5) a report gets one finding for all its shared
    // passages, at the longest; the note lists the lines of the next ten
    // (NAMES) and ends the list with "…" only when there are more.
    let source = std::fs::read_to_string(corpus("eval/tune-2/h03.txt")).unwrap();
    // Twelve sentences of another report's problems, each a passage.
    let sentences: Vec<String> = source
        .lines()
        .filter(|l| l.chars().count() > 80)
        .skip(1)
        .flat_map(|l| l.split('。'))
        .filter(|s| (25..=70).contains(&s.chars().count()))
        .map(|s| format!("{s}。"))
        .take(12)
        .collect();
    assert_eq!(sentences.len(), 12);
    let b = bases();
    for (n, more) in [(11, false), (12, true)] {
        let dir = tempfile::tempdir().unwrap();
        let planted: Vec<&str> = sentences.iter().take(n).map(String::as_str).collect();
        let x = plant_each(dir.path(), "x.txt", &b[6], &planted);
        let y = plant_each(dir.path(), "y.txt", &b[7], &planted);
        let (_, json) = run(&[&x, &y], &["--select", "shared-passage"]);
        let found = cross(&json, "shared-passage");
        assert_eq!(found.len(), 2, "one finding per report: {found:#?}");
        for d in &found {
            let message = d["message"].as_str().unwrap();
            assert!(
                message.contains(&format!("共有 {n} 段相同内容")),
                "{message}"
            );
            let note = d["notes"][0].as_str().unwrap();
            assert!(note.starts_with("其余相同段落在第 "), "{note}");
            assert_eq!(note.ends_with("… 行"), more, "{n} passages: {note}");
        }
    }
}

#[test]
fn a_passage_matching_two_identical_references_is_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(corpus("references/seed-2023-template.txt")).unwrap();
    let reference = dir.path().join("范文.txt");
    std::fs::write(&reference, &seed).unwrap();
    // A report that copies one long paragraph of the template.
    let paragraph = seed.lines().max_by_key(|l| l.chars().count()).unwrap();
    let r = plant(dir.path(), "r.txt", &bases()[2], paragraph);
    let (_, json) = run(
        &[&r],
        &[
            "--select",
            "template-copy",
            "--reference",
            reference.to_str().unwrap(),
        ],
    );
    let found = cross(&json, "template-copy");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0]["labels"].as_array().unwrap().len(),
        2,
        "both references labelled"
    );
    assert!(found[0]["message"].as_str().unwrap().contains("2 份材料"));
}

#[test]
fn whole_copies_are_one_error_each() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(corpus("references/seed-2023-template.txt")).unwrap();
    // The built-in template with a new title.
    let retitled = dir.path().join("retitled.txt");
    std::fs::write(
        &retitled,
        seed.replacen(
            "2023年度主题教育专题民主生活会个人剖析材料",
            "2024年度民主生活会对照检查材料",
            1,
        ),
    )
    .unwrap();
    // Another member's report, handed in with only the title and name changed.
    let theirs = std::fs::read_to_string(corpus("good-01-yi-guanyu.txt")).unwrap();
    let mine = dir.path().join("mine.txt");
    let first = theirs.lines().next().unwrap();
    std::fs::write(
        &mine,
        theirs.replacen(first, "县住建局局长李明对照检查材料", 1),
    )
    .unwrap();
    let original = corpus("good-01-yi-guanyu.txt");
    let (code, json) = run(&[&retitled, &mine, &original], &[]);
    assert_eq!(code, 1);
    let errors = cross(&json, "copied-report");
    let summary: Vec<(String, String, String)> = errors
        .iter()
        .map(|d| {
            let name = |p: &Value| p.as_str().unwrap().rsplit('/').next().unwrap().to_string();
            (
                name(&d["path"]),
                name(&d["labels"][0]["path"]),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "retitled.txt".into(),
                "seed-2023-template.txt".into(),
                "error".into()
            ),
            (
                "mine.txt".into(),
                "good-01-yi-guanyu.txt".into(),
                "error".into()
            ),
            (
                "good-01-yi-guanyu.txt".into(),
                "mine.txt".into(),
                "error".into()
            ),
        ]
    );
    for d in &errors {
        assert!(d["message"].as_str().unwrap().contains("100%"), "{d}");
    }
    // The whole copy says it all: no passage findings between those texts.
    assert!(cross(&json, "shared-passage").is_empty());
    assert!(cross(&json, "template-copy").is_empty());
}

#[test]
fn identical_files_are_one_finding_per_side_across_formulations() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(corpus("good-01-yi-guanyu.txt")).unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, &text).unwrap();
    std::fs::write(&b, &text).unwrap();
    let (_, json) = run(&[&a, &b], &["--select", "copied-report,shared-passage"]);
    let found = json["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 2, "{found:#?}");
    // The span runs through the formulations quoted in the report (they are
    // stock wording, but the texts around them match).
    for d in found {
        assert_eq!(d["rule"], "copied-report");
        let t = d["text"].as_str().unwrap();
        assert!(t.contains("习近平新时代中国特色社会主义思想"), "{t}");
    }
}

#[test]
fn a_three_member_copy_group_appears_once() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(corpus("good-03-part.txt")).unwrap();
    let paragraphs: Vec<&str> = base.lines().collect();
    // Three members who share most of one report, each with own lines.
    let mut files = Vec::new();
    for (i, own) in [
        "我分管的财务工作今年审计发现问题6个。",
        "我负责的招商项目今年落地2个。",
        "我联系的3个村今年集体收入增长。",
    ]
    .iter()
    .enumerate()
    {
        let mut lines: Vec<String> = paragraphs.iter().map(|l| l.to_string()).collect();
        lines.insert(3, own.to_string());
        let p = dir.path().join(format!("g{i}.txt"));
        std::fs::write(&p, lines.join("\n")).unwrap();
        files.push(p);
    }
    let other = corpus("good-05-topic.txt");
    let (_, json) = run(&[&files[0], &files[1], &files[2], &other], &[]);
    let groups = json["copy_groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let members: Vec<&str> = groups[0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(members, ["g0.txt", "g1.txt", "g2.txt"]);
    assert!(groups[0]["share"].as_f64().unwrap() > 0.9);
    let human = bin()
        .args(files.iter().map(|f| f.to_str().unwrap()))
        .arg(&other)
        .arg("--color=never")
        .output()
        .unwrap();
    let out = String::from_utf8(human.stdout).unwrap();
    assert_eq!(out.matches("雷同组").count(), 1, "{out}");
}

#[test]
fn a_report_of_one_repeated_sentence_is_checked_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let sentence =
        "我在2024年全县安全生产大检查中只听取了汇报，没有深入任何一家危化品企业的生产车间。";
    let path = dir.path().join("rep.txt");
    std::fs::write(&path, sentence.repeat(100 * 1024 / sentence.len() + 1)).unwrap();
    let (code, json) = check_json(&[
        path.to_str().unwrap(),
        corpus("bad-numbering.txt").to_str().unwrap(),
    ]);
    assert_ne!(code, 2);
    // The repetition is one finding, pointing back at the first copy.
    let repeats = cross(&json, "repeated-passage");
    assert_eq!(repeats.len(), 1, "{repeats:#?}");
    assert_eq!(
        cross(&json, "numbering").len(),
        3,
        "the other report is checked"
    );
}
