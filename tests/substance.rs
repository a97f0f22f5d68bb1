//! The substance rules: `praise-as-problem` (achievements or denials in
//! place of a problem) and `external-cause` (circumstances in place of a
//! subjective root). They fire on the corpus reports written for them, at
//! the phrase that gives the item away, and stay quiet on concessions,
//! negated achievements, self-rooted causes and every other report.

mod common;
use common::*;
use serde_json::Value;

const RULES: &[&str] = &["praise-as-problem", "external-cause"];

/// (rule, line, text) of the substance findings.
fn substance(json: &Value) -> Vec<(String, u64, String)> {
    located(json)
        .into_iter()
        .filter(|(r, ..)| RULES.contains(&r.as_str()))
        .map(|(r, line, _, text)| (r, line, text))
        .collect()
}

fn check_text(text: &str) -> Value {
    let (_dir, path) = temp_report("r.txt", text);
    check_json(&[path.to_str().unwrap()]).1
}

/// A report with the three parts; each argument is the body of one part.
fn report(problems: &str, causes: &str) -> String {
    format!(
        "县某局局长2024年度民主生活会个人对照检查材料\n一、存在的问题\n{problems}\n二、原因剖析\n{causes}\n三、整改措施\n（一）2025年每月参加中心组学习2次，6月底前完成整改。\n"
    )
}

/// The lines of `rule`'s findings in a report.
fn lines_of(rule: &str, text: &str) -> Vec<u64> {
    substance(&check_text(text))
        .into_iter()
        .filter(|(r, ..)| r == rule)
        .map(|(_, line, _)| line)
        .collect()
}

fn found(rule: &str, line: u64, text: &str) -> (String, u64, String) {
    (rule.to_string(), line, text.to_string())
}

#[test]
fn praise_as_problem_points_at_each_planted_item_and_nothing_else_fires() {
    let (_, json) = check_json(&[corpus("bad-praise.txt").to_str().unwrap()]);
    let want = [
        ("praise-as-problem", 7, 3, "能够严格遵守"),
        ("praise-as-problem", 9, 92, "全面完成"),
        ("praise-as-problem", 13, 80, "认真落实"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|&(r, l, c, t)| (r.to_string(), l, c, t.to_string()))
        .collect();
    // The whole output: the report is otherwise clean, and the concession on
    // line 5 and 没有取得实效 on line 11 stay quiet.
    assert_eq!(located(&json), want);
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    // The message names the item and the first three phrases found (gaps
    // included), and says what to write.
    assert_eq!(
        messages[1],
        "问题“二是全面完成乡村振兴各项目标任务”讲的是成绩或表态（“全面完成”“始终坚持”“取得明显成效”），没有写出不足：请写明本人在这方面差在哪里，用具体事例说明"
    );
    assert!(messages[2].contains("“不存在违规收受礼品礼金、违规借用公车等问题”"));
}

#[test]
fn external_cause_points_at_the_first_excuse_and_nothing_else_fires() {
    let (_, json) = check_json(&[corpus("bad-external-cause.txt").to_str().unwrap()]);
    let want: Vec<_> = [
        ("external-cause", 14, 3, "地处山区"),
        ("external-cause", 16, 16, "政策变化"),
    ]
    .iter()
    .map(|&(r, l, c, t)| (r.to_string(), l, c, t.to_string()))
    .collect();
    // Causes （一） (任务重, but 根本在于我) and （四） (不能以工作忙为借口) stay quiet.
    assert_eq!(located(&json), want);
    let first = json["diagnostics"][0]["message"].as_str().unwrap();
    assert_eq!(
        first,
        "原因“（二）基层工作条件制约”归于客观条件（“地处山区”“基层条件差”“人手不足”），没有剖析主观根源：请从理想信念、党性修养、宗旨意识、自我要求上找原因"
    );
}

#[test]
fn quiet_on_every_other_corpus_report_and_the_seed() {
    let mut paths: Vec<String> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            name != "bad-praise.txt" && name != "bad-external-cause.txt"
        })
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    assert!(paths.len() >= 13, "{paths:?}");
    // The seed's cause （一） says 工作任务重 and 改造主观世界: self-rooted.
    paths.push(
        corpus("references/seed-2023-template.txt")
            .to_str()
            .unwrap()
            .to_string(),
    );
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    let (_, json) = check_json(&args);
    assert_eq!(substance(&json), []);
    // The seed does hold an excuse word in its causes: the rule saw it and
    // judged it self-rooted.
    let seed = std::fs::read_to_string(corpus("references/seed-2023-template.txt")).unwrap();
    assert!(seed.contains("工作任务重的时候"));
}

#[test]
fn concessions_negated_achievements_and_topic_sentences_stay_quiet() {
    let problems = "（一）在理论学习方面。
一是虽然局党组中心组学习取得了一定成效，但我个人学用结合还存在明显差距，全年只写了1篇心得。二是理论学习不够系统，全年只读完2本书。三是调研不够深入，13次调研中有9次是陪同检查。
（二）在担当作为方面。
一是产业项目推进没有取得实效，2024年签约的5个项目只有1个开工。二是对上级部署不是每次都能按时落实，2024年有2项工作超期。三是招商引资超额完成年度任务，受到县委表彰。
（三）在廉洁自律方面。
一是对分管科室的监督存在薄弱环节，2024年有1名干部违规借用公车。二是我总认为分管领域不存在廉政风险，对重点岗位的监督放松了。";
    let json = check_text(&report(
        problems,
        "（一）理想信念淬炼不够。我把理论学习当成软任务。",
    ));
    // Only the achievement on its own (三是…超额完成…受到县委表彰) fires.
    assert_eq!(
        substance(&json),
        [found("praise-as-problem", 6, "超额完成")]
    );
}

#[test]
fn something_not_done_is_a_shortfall_but_a_rule_not_broken_is_praise() {
    // 没有 + a duty: a real problem, even after 都能.
    let json = check_text(&report(
        "一是重大事项都能及时请示，对自认为的小事有3次没有报告。",
        "（一）理想信念淬炼不够。",
    ));
    assert_eq!(substance(&json), []);
    // 没有 + a rule broken, or a problem found: compliance, not a problem.
    let json = check_text(&report(
        "一是本人能够严格遵守中央八项规定精神，没有利用职务之便谋取私利，没有收受任何礼品礼金。\n二是在大是大非面前头脑清醒，没有发现违反政治纪律的问题。",
        "（一）理想信念淬炼不够。",
    ));
    assert_eq!(
        substance(&json),
        [
            found("praise-as-problem", 3, "能够严格遵守"),
            found("praise-as-problem", 4, "没有发现违反政治纪律的问题"),
        ]
    );
    // 没有发现 alone is a shortfall: the author missed something.
    let json = check_text(&report(
        "一是执法稽查科有3起案件处罚偏轻，我在审批时没有发现。",
        "（一）理想信念淬炼不够。",
    ));
    assert_eq!(substance(&json), []);
}

#[test]
fn everyday_shortfalls_clear_an_item() {
    for item in [
        // 从未 of a duty is a shortfall; only 从未 of a rule broken is praise.
        "一是对分管的3个站所从未去过，基层情况掌握不清。",
        "一是对信访积案从不主动接访，都是等群众找上门。",
        // 表彰 as the object of a duty.
        "一是对干部的表彰奖励把关不细，年底评优中有1人不符合条件。",
        // 少, 得少 after a compliance claim.
        "一是中心组学习每次都能参加，学习笔记记得多、思考得少。",
        "一是重点工作都能按时推进，开会多、调研少。",
        // A compliance claim, then a rule done only in form.
        "一是本人严格执行请示报告制度，报告内容流于形式。",
        // A virtue's fault owned as a tendency.
        "一是管理方式有包办代替的倾向，大事小事都要亲自过问。",
    ] {
        let json = check_text(&report(item, "（一）理想信念淬炼不够。"));
        assert_eq!(substance(&json), [], "{item}");
    }
    // The same claims alone fire.
    for (item, at) in [
        ("一是本人从未违反中央八项规定精神。", "从未违反"),
        ("一是本人严格执行请示报告制度。", "严格执行"),
        ("一是中心组学习每次都能参加。", "都能"),
        ("一是大事小事都要亲自过问。", "大事小事都要亲自"),
    ] {
        let json = check_text(&report(item, "（一）理想信念淬炼不够。"));
        assert_eq!(
            substance(&json),
            [found("praise-as-problem", 3, at)],
            "{item}"
        );
    }
    // A subjective root named as a standpoint (群众观点) clears an excuse.
    let json = check_text(&report(
        "一是全年只调研3次。",
        "（一）群众观点树得不牢。在分管工作任务重的时候，我首先想到的是完成考核指标。",
    ));
    assert_eq!(substance(&json), []);
}

#[test]
fn shortfall_before_or_after_the_praise_both_clear_the_item() {
    for item in [
        // Praise, then the turn to what went wrong.
        "一是我始终坚持每周学习半天，但学习成果转化得少，全年只形成1篇调研报告。",
        // The shortfall first, the achievement after.
        "一是学用结合有差距，虽然2024年分管工作圆满完成，学习笔记却只记了20页。",
        // Praise, then a consequence.
        "一是分管的改厕工作得到市里肯定后，我放松了后续管护，导致300户厕所闲置。",
    ] {
        let json = check_text(&report(item, "（一）理想信念淬炼不够。"));
        assert_eq!(substance(&json), [], "{item}");
    }
    // The same praise without the shortfall fires: the items above are
    // quiet for their shortfall, not for their wording.
    let json = check_text(&report(
        "一是我始终坚持每周学习半天。",
        "（一）理想信念淬炼不够。",
    ));
    assert_eq!(
        substance(&json),
        [found("praise-as-problem", 3, "始终坚持")]
    );
}

#[test]
fn self_rooted_causes_stay_quiet_and_excuses_fire() {
    let causes = "（一）理想信念淬炼不够。
虽然分管工作任务重，但根本在于自己把理论学习当成软任务。
（二）纪律规矩意识松动。
不能以工作忙为借口，放松对干部的教育管理。
（三）学习劲头减退。
学习少不是因为工作忙，而是觉得学习可以往后放。
（四）总是过多强调客观原因，怕担责任。
（五）工作力量不足。
近年来事务繁忙，人手少，下基层调研的时间被挤占。
（六）群众观念淡薄。
这项任务重要性高，我却没有放在心上。
（七）群众观点有所弱化。
对职工反映的倒班宿舍条件差、食堂饭菜质量不稳定等问题回应不及时。";
    let json = check_text(&report("一是全年只调研3次，2次是陪同检查。", causes));
    // （五） blames circumstances; （六）'s 任务重要 is not 任务重; （七）'s
    // 条件差 is what the staff reported, not a cause.
    assert_eq!(substance(&json), [found("external-cause", 12, "力量不足")]);
}

#[test]
fn each_rule_judges_only_its_own_part() {
    // Excuses in the problems part, praise in the causes part, both in
    // the measures part: no finding. 以工作忙为由 is a problem as a
    // problem states it.
    let text = "县某局局长2024年度民主生活会个人对照检查材料
一、存在的问题
一是以工作忙为由压缩学习时间，全年缺席中心组学习3次，人手少的科室一次也没去调研。
二、原因剖析
（一）政绩观偏差。我把取得明显成效挂在嘴上。
三、整改措施
（一）克服任务重、时间紧的困难，2025年每月调研2次，确保取得明显成效。";
    assert_eq!(substance(&check_text(text)), []);
}

#[test]
fn layouts_topic_parts_half_width_aspects_separate_items_and_parts_out_of_order() {
    // Topic parts: 一、遵守政治纪律情况 is a part of problems without items;
    // its paragraph is judged whole.
    let topic = "县委办公室主任对照检查材料
一、遵守政治纪律情况
本人始终坚持以习近平新时代中国特色社会主义思想为指导，没有发现违反政治纪律的问题。
二、个人有关事项报告情况
2024年我如实报告了个人有关事项，但漏报了配偶名下的1辆机动车。
三、原因剖析
近年来办公室工作任务繁重，文稿、会务、督查事务繁杂，精力有限。
四、整改措施
（一）2025年每月自学不少于16学时。";
    let json = check_text(topic);
    assert_eq!(
        substance(&json),
        [
            found("praise-as-problem", 3, "始终坚持"),
            found("external-cause", 7, "任务繁重"),
        ]
    );
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| RULES.contains(&d["rule"].as_str().unwrap()))
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages[0].starts_with("问题“一、遵守政治纪律情况”讲的是"),
        "{}",
        messages[0]
    );
    // The causes' one unnumbered paragraph is their one item.
    assert!(
        messages[1].starts_with("原因“近年来办公室工作任务繁重"),
        "{}",
        messages[1]
    );

    // Half-width aspects with the paragraph below, 1. items, 一是 starting
    // paragraphs; measures before causes.
    let mixed = "县某局局长2024年度民主生活会个人对照检查材料
第一部分 存在的问题
(一)在遵守政治纪律方面
本人能够严格执行请示报告制度，做到了令行禁止。
(二)在工作作风方面
1.全年调研21次，13次是陪同检查。
2.分管工作均能按时完成，群众给予好评。
第二部分 整改措施
一是2025年每月调研2次。
第三部分 原因剖析
一是工作忙，时间紧，学习放在了后面。
二是宗旨意识淡化，虽然人手少，根子还在自己。";
    assert_eq!(
        substance(&check_text(mixed)),
        [
            found("praise-as-problem", 4, "能够严格执行"),
            found("praise-as-problem", 7, "均能"),
            found("external-cause", 11, "工作忙"),
        ]
    );
}

#[test]
fn phrases_do_not_fire_inside_longer_words() {
    // 未来 is no negation: the achievement after it still fires.
    let json = check_text(&report(
        "一是规划了未来取得明显成效的路径。",
        "（一）理想信念淬炼不够。",
    ));
    assert_eq!(
        substance(&json),
        [found("praise-as-problem", 3, "取得明显成效")]
    );
    // 首都能源 holds 都能; 冷却 holds 却; neither is a word here. The first
    // item names no shortfall at all and is reported as such, at its first
    // clause, not at 都能.
    let json = check_text(&report(
        "一是对首都能源保障任务理解深刻。二是让过热的投资冷却下来，取得明显成效。",
        "（一）理想信念淬炼不够。",
    ));
    assert_eq!(
        substance(&json),
        [
            found("praise-as-problem", 3, "一是对首都能源保障任务理解深刻"),
            found("praise-as-problem", 3, "取得明显成效")
        ]
    );
}

#[test]
fn traditional_characters() {
    // Traditional characters read as simplified: a concession stays quiet,
    // a claim is found and quoted as written.
    let problems = "一是雖然學習取得了一定成效，但學用結合還存在不足。
二是本人始終堅持以人民為中心，取得明顯成效。";
    let json = check_text(&report(problems, "（一）理想信念淬煉不夠。"));
    assert_eq!(
        substance(&json),
        [found("praise-as-problem", 4, "始終堅持")]
    );
}

#[test]
fn the_yaml_examples_are_what_the_rules_say() {
    let rules: Vec<serde_yaml::Value> = serde_yaml::from_str(
        &std::fs::read_to_string(root().join("rules/substance.yaml")).unwrap(),
    )
    .unwrap();
    for rule in &rules {
        let id = rule["id"].as_str().unwrap();
        let in_part = |example: &str| {
            let example = example.trim();
            if id == "praise-as-problem" {
                report(example, "（一）理想信念淬炼不够。")
            } else {
                report("一是全年只调研3次。", example)
            }
        };
        let bad = check_text(&in_part(rule["bad"].as_str().unwrap()));
        let fired: Vec<String> = substance(&bad).into_iter().map(|f| f.0).collect();
        assert_eq!(fired, [id], "the bad example of {id}");
        let good = check_text(&in_part(rule["good"].as_str().unwrap()));
        assert_eq!(substance(&good), [], "the good example of {id}");
    }
    assert_eq!(rules.len(), 2);
}

#[test]
fn explain_and_the_group() {
    for id in RULES {
        let out = bin().args(["explain", id]).output().unwrap();
        assert!(out.status.success(), "{id}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with(&format!("{id}：")), "{text}");
        assert!(text.contains("反例") && text.contains("正例"), "{text}");
        assert!(text.contains("item-signals"), "{text}");
    }
    // `substance` selects both rules and nothing else.
    let (_, json) = check_json(&[
        "--select",
        "substance",
        corpus("bad-praise.txt").to_str().unwrap(),
        corpus("bad-external-cause.txt").to_str().unwrap(),
        corpus("bad-numbering.txt").to_str().unwrap(),
    ]);
    let rules: Vec<String> = findings(&json).into_iter().map(|(r, _)| r).collect();
    assert_eq!(rules.len(), 5, "{rules:?}");
    assert!(
        rules.iter().all(|r| RULES.contains(&r.as_str())),
        "{rules:?}"
    );
}

/// A problem item that names no shortfall in any words is praise (a year's
/// results as the item); a shortfall cut inside a token (还不够高) or in
/// other words (把关松, 超期) spares an item, and a fill-in mark is left to
/// `placeholder`.
#[test]
fn a_problem_that_names_no_shortfall_is_praise() {
    let text = report(
        "（一）全年执结案件3412件，执行到位金额4.7亿元，结案平均用时缩短至98天。\n（二）政治站位还不够高，对“两个确立”的决定性意义领会不深。\n（三）（请结合个人实际补充）\n（四）审批时把关松，有2个项目超期办结。",
        "（一）理想信念有所松懈，理论学习不够。",
    );
    assert_eq!(lines_of("praise-as-problem", &text), [3], "{text}");
}

/// Each sentence of a cause is judged: a root named in the heading does not
/// clear the excuses that follow it, but a sentence that owns its fault
/// (虽然任务重，但根本在于自己…) is quiet.
#[test]
fn an_excuse_after_a_root_named_in_the_heading_is_reported() {
    let text = report(
        "（一）学习不深。今年缺席中心组学习3次。",
        "（一）宗旨意识有所淡化。近年来任务一年比一年重，人手严重不足，很多工作只能先保重点。\n（二）宗旨意识有所淡化。虽然任务重，但根本在于自己放松了要求。",
    );
    assert_eq!(lines_of("external-cause", &text), [5], "{text}");
}

/// A concession closed by a semicolon is one sentence with the point that
/// turns from it (…任务重，这是实情；但根本上还是…): quiet, while the same
/// excuse with no turn after the semicolon is still reported.
#[test]
fn a_concession_before_a_semicolon_and_a_turn_is_one_sentence() {
    let text = report(
        "（一）学习不深。今年缺席中心组学习3次。",
        "（一）宗旨意识有所弱化。今年防汛抢险任务繁重，人手严重不足，这是实情；但根本上还是为民理念没有在思想深处扎根。\n（二）担当精神有所弱化。今年防汛抢险任务繁重，人手严重不足；班子成员只能先保重点。\n（三）纪律意识有所放松。分管工作任务繁重，这是客观情况；不过说到底是自己放松了要求。",
    );
    assert_eq!(lines_of("external-cause", &text), [6], "{text}");
}

/// A virtue told as a fault (要求过细) is praise, unless the item says what
/// it cost those served: a burden put on the grassroots is formalism.
#[test]
fn a_virtue_told_with_the_burden_it_put_on_the_grassroots_is_a_fault() {
    let praise = report(
        "（一）对档案资料要求过细，每份材料都反复核对。",
        "（一）党性修养不够。",
    );
    assert_eq!(lines_of("praise-as-problem", &praise), [3]);
    for fault in [
        "（一）对档案资料要求过细，村干部反映填表时间比入户时间还多，我没有及时纠正。",
        "（一）对档案资料要求过细，增加了基层负担。",
        "（一）对报送材料要求过严，层层加码。",
    ] {
        let text = report(fault, "（一）党性修养不够。");
        assert!(lines_of("praise-as-problem", &text).is_empty(), "{fault}");
    }
}
