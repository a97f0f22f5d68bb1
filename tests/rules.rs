//! Every rule fires on the corpus document written to show it, and stays
//! quiet on the good reports.

mod common;
use common::*;

const GOOD: &[&str] = &[
    "good-01-yi-guanyu.txt",
    "good-02-plain-headings.txt",
    "good-03-part.txt",
    "good-04-halfwidth.txt",
    "good-05-topic.txt",
    "good-06-markdown.md",
    "good-07-prose.txt",
];

#[test]
fn good_reports_are_clean() {
    for name in GOOD {
        let f = findings_of(&corpus(name));
        assert!(f.is_empty(), "{name}: {f:?}");
    }
}

#[test]
fn missing_section_names_the_absent_part() {
    let (_, json) = check_json(&[corpus("bad-missing-causes.txt").to_str().unwrap()]);
    let d: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "missing-section")
        .collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["message"], "缺少“原因剖析”部分");
    assert_eq!(d[0]["span"]["line"], 1, "points at the title");
}

#[test]
fn section_order_points_at_the_late_heading() {
    assert_eq!(
        rules_fired(&corpus("bad-section-order.txt"), "section-order"),
        ["三、原因剖析"]
    );
}

#[test]
fn numbering_reports_skips_and_repeats_at_each_level() {
    let (_, json) = check_json(&[corpus("bad-numbering.txt").to_str().unwrap()]);
    let msgs: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "numbering")
        .map(|d| {
            format!(
                "{} {}",
                d["text"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        msgs,
        [
            "二是 编号重复：“二是”之后又是“二是”，应为“三是”",
            "（四） 编号跳号：“（二）”之后是“（四）”，缺少“（三）”",
            "2. 编号重复：“2.”之后又是“2.”，应为“3.”",
        ]
    );
}

#[test]
fn placeholder_finds_every_kind_of_residue() {
    let got = rules_fired(&corpus("bad-placeholder.txt"), "placeholder");
    for want in [
        "XX",
        "×××",
        "20XX年",
        "*",
        "____",
        "（填写具体事例）",
        "某某",
    ] {
        assert!(got.iter().any(|g| g == want), "missing {want}: {got:?}");
    }
    assert_eq!(got.len(), 7, "{got:?}");
}

#[test]
fn placeholder_star_in_the_seed_sample() {
    let got = rules_fired(&corpus("references/seed-2023-template.txt"), "placeholder");
    assert_eq!(got, ["*"]);
    let (_, json) = check_json(&[corpus("references/seed-2023-template.txt")
        .to_str()
        .unwrap()]);
    let star = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "placeholder")
        .unwrap();
    // 从*发展需要 on line 8.
    assert_eq!(star["span"]["line"], 8);
    assert!(findings(&json).iter().all(|(r, _)| r != "missing-section"));
}

#[test]
fn formulation_catches_wrong_members_missing_members_and_incomplete_phrases() {
    let got = rules_fired(&corpus("bad-formulation.txt"), "formulation");
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got.iter().any(|g| g.contains("服务意识")));
    assert!(got.iter().any(|g| g == "道路自信、理论自信、制度自信"));
    // The span is the stem and the word after it.
    assert!(got.iter().any(|g| g == "习近平新时代中国特色社会主义理论"));
    assert!(got.iter().any(|g| g == "维护习近平总书记的核心"));
}

#[test]
fn punctuation_finds_half_width_unbalanced_and_doubled_marks() {
    // Every place, whether its own finding or a label of a paragraph's
    // grouped one.
    let (_, json) = check_json(&[corpus("bad-punctuation.txt").to_str().unwrap()]);
    let mut got: Vec<String> = Vec::new();
    for d in json["diagnostics"].as_array().unwrap() {
        if d["rule"] != "punctuation" {
            continue;
        }
        got.push(d["text"].as_str().unwrap().to_string());
        for l in d["labels"].as_array().unwrap() {
            got.push(l["text"].as_str().unwrap().to_string());
        }
    }
    for want in [",", ";", ":", "(", ")", "“", "（", "。。", "，，"] {
        assert!(got.iter().any(|g| g == want), "missing {want}: {got:?}");
    }
}

#[test]
fn vague_wording_fires_in_problems_and_measures_only() {
    let got = rules_fired(&corpus("bad-vague.txt"), "vague-wording");
    assert!(got.len() >= 10, "{got:?}");
    // The seed's causes part has 有时 and 一定程度上: out of scope.
    // (Alone: beside vague-problem, the hedges of flagged items are said there.)
    let (_, json) = check_json(&[
        corpus("references/seed-2023-template.txt")
            .to_str()
            .unwrap(),
        "--select",
        "vague-wording",
    ]);
    let lines: Vec<u64> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "vague-wording")
        .map(|d| d["span"]["line"].as_u64().unwrap())
        .collect();
    assert!(!lines.is_empty());
    assert!(
        lines.iter().all(|&l| !(17..=21).contains(&l)),
        "causes are lines 17-21: {lines:?}"
    );
}

#[test]
fn boilerplate_phrases_are_found() {
    // Each phrase is a note of its own, or, inside a problem flagged as
    // vague, marked by that warning (said once, not twice).
    let (_, json) = check_json(&[corpus("bad-boilerplate.txt").to_str().unwrap()]);
    let mut got: Vec<String> = Vec::new();
    let mut marked: Vec<(u64, u64)> = Vec::new();
    for d in json["diagnostics"].as_array().unwrap() {
        match d["rule"].as_str().unwrap() {
            "boilerplate-phrase" | "vague-wording" => {
                let s = &d["span"];
                assert!(
                    !marked.contains(&(s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap())),
                    "said twice: {d}"
                );
                if d["rule"] == "boilerplate-phrase" {
                    got.push(d["text"].as_str().unwrap().to_string());
                }
            }
            "vague-problem" => {
                for l in d["labels"].as_array().unwrap() {
                    got.push(l["text"].as_str().unwrap().to_string());
                    marked.push((
                        l["span"]["start"].as_u64().unwrap(),
                        l["span"]["end"].as_u64().unwrap(),
                    ));
                }
            }
            _ => {}
        }
    }
    for want in [
        "理论学习不够深入",
        "工作作风不够扎实",
        "宗旨意识有所淡化",
        "创新意识不强",
        "担当精神不足",
        "联系群众不够紧密",
    ] {
        assert!(got.iter().any(|g| g == want), "missing {want}: {got:?}");
    }
}

#[test]
fn listed_words_do_not_fire_inside_longer_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    let text = "标题\n一、存在的问题\n（一）我在2024年有所作为的项目只有1个，与之相对应的台账没有建立。比较优势没有发挥。\n二、原因剖析\n（一）放松学习。\n三、整改措施\n（一）有时候要学习，工作有所改进。\n";
    std::fs::write(&path, text).unwrap();
    let got = rules_fired(&path, "vague-wording");
    // 有所作为 and 相对应 are words of their own; 比较优势 is 比较/优势 (a hedge use
    // is indistinguishable there), 有时候 and 有所 in the measures are hedges.
    assert_eq!(got, ["比较", "有时候", "有所"]);
}

/// A minimal report with the three parts; `problems`, `causes` and
/// `measures` are the body lines of each.
fn report(problems: &str, causes: &str, measures: &str) -> String {
    format!("标题\n一、存在的问题\n{problems}\n二、原因剖析\n{causes}\n三、整改措施\n{measures}\n")
}

#[test]
fn formulation_checks_every_list_and_phrase_not_only_the_common_ones() {
    let text = report(
        "（一）对新形势下党面临的精神懈怠危险、能力不足危险、消极腐败危险认识不深。\n（二）对执政考验、市场经济考验、改革开放考验、外部环境考验认识不足。\n（三）对“两个确立”的决定性意义领悟不深，没有真正确立习近平同志党中央的核心地位。",
        "（一）理论学习不够。",
        "（一）深刻领悟确立习近平新时代中国特色社会主义思想的指导地位。",
    );
    let (_dir, path) = temp_report("f.txt", &text);
    let (_, json) = check_json(&[path.to_str().unwrap()]);
    let got = fired(&json, "formulation");
    assert_eq!(
        got,
        [
            "精神懈怠危险、能力不足危险、消极腐败危险",
            "执政考验、市场经济考验、改革开放考验、外部环境考验",
            "确立习近平同志党中央",
        ],
        "the complete 两个确立 phrase in the measures stays quiet"
    );
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "formulation")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages[0].contains("缺少“脱离群众危险”"),
        "{}",
        messages[0]
    );
    assert!(messages[1].contains("顺序不对"), "{}", messages[1]);
    assert!(messages[2].contains("两个确立"), "{}", messages[2]);
}

#[test]
fn placeholders_of_web_copies_and_full_width_marks() {
    let text = report(
        "【第三篇】\n（一）在ＸＸ县调研时，我对○○同志反映的问题没有跟进。【参考范文】",
        "（一）理论学习不够。",
        "（一）2025年6月底前完成整改。",
    );
    let (_dir, path) = temp_report("p.txt", &text);
    assert_eq!(rules_fired(&path, "placeholder"), ["ＸＸ", "○○"]);
    // A site's or collection's mark is no slot to fill: a copy's residue.
    assert_eq!(
        rules_fired(&path, "copy-residue"),
        ["【第三篇】", "【参考范文】"]
    );
    // A web page's notice and its links to other pages, after the text.
    let text = format!("{text}\n以上，请批评指正。\n【版权声明】本站部分文章来源于网络，如有侵权请联系删除。\n上一篇：2024年度组织生活会发言提纲\n");
    let (_dir, path) = temp_report("q.txt", &text);
    assert_eq!(
        rules_fired(&path, "copy-residue"),
        [
            "【第三篇】",
            "【参考范文】",
            "【版权声明】本站部分文章来源于网络，如有侵权请联系删除。",
            "上一篇："
        ]
    );
}

#[test]
fn unbalanced_title_marks_and_brackets_and_doubled_enumeration_marks() {
    let text = report(
        "（一）学习《关于新形势下党内政治生活的若干准则不深入。\n（二）【典型案例】对照检查不够】。\n（三）学习、、调研；；都不够。",
        "（一）理论学习不够。",
        "（一）2025年6月底前完成整改。",
    );
    let (_dir, path) = temp_report("u.txt", &text);
    assert_eq!(
        rules_fired(&path, "punctuation"),
        ["《", "】", "、、", "；；"]
    );
}

#[test]
fn missing_section_names_each_absent_part() {
    for (text, missing) in [
        (
            "标题\n一、原因剖析\n（一）学习不够。\n二、整改措施\n（一）每月学习。\n",
            "查摆问题",
        ),
        (
            "标题\n一、存在的问题\n（一）学习不够。\n二、原因剖析\n（一）放松学习。\n",
            "整改措施",
        ),
    ] {
        let (_dir, path) = temp_report("m.txt", text);
        let (_, json) = check_json(&[path.to_str().unwrap()]);
        let messages: Vec<&str> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "missing-section")
            .map(|d| d["message"].as_str().unwrap())
            .collect();
        assert_eq!(messages, [format!("缺少“{missing}”部分")]);
    }
}

#[test]
fn numbering_is_checked_below_the_second_level() {
    let text = report(
        "（一）在理论学习方面。\n1.学习不系统。\n（1）中心组学习缺席3次。\n（2）自学笔记少。\n（4）研讨发言没有准备。\n2.学用脱节。\n①调研报告只有1篇。\n③调研没有成果转化。",
        "（一）理论学习不够。",
        "（一）2025年6月底前完成整改。",
    );
    let (_dir, path) = temp_report("n.txt", &text);
    assert_eq!(rules_fired(&path, "numbering"), ["（4）", "③"]);
}
