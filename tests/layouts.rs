//! Real layouts (issue 11): each class of layout that Word, web and PDF
//! copies produce, on several short reports written for it with varied
//! wording. Each test states the outline an organiser reads in them.

mod common;

use common::{bin, check_json, fired, pairs, temp_report};
use serde_json::Value;

/// The outline of one report: each section's kind and its items' labels.
fn outline(text: &str) -> Vec<(String, Vec<String>)> {
    outline_json(text)["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let labels = leaves(&s["items"]);
            (s["kind"].as_str().unwrap().to_string(), labels)
        })
        .collect()
}

/// `outline --format json` of one report: its one document.
fn outline_json(text: &str) -> Value {
    let (_dir, path) = temp_report("r.txt", text);
    let out = bin()
        .args(["outline", "--format", "json", path.to_str().unwrap()])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["documents"][0].clone()
}

/// Labels of the deepest items, in order.
fn leaves(items: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for i in items.as_array().unwrap() {
        if i["children"].as_array().unwrap().is_empty() {
            out.push(i["label"].as_str().unwrap().to_string());
        } else {
            out.extend(leaves(&i["children"]));
        }
    }
    out
}

fn kinds(o: &[(String, Vec<String>)]) -> Vec<&str> {
    o.iter().map(|(k, _)| k.as_str()).collect()
}

fn counts(o: &[(String, Vec<String>)]) -> Vec<usize> {
    o.iter().map(|(_, i)| i.len()).collect()
}

/// (rule, message) of every finding in one report.
fn findings(text: &str) -> Vec<(String, String)> {
    let (_dir, path) = temp_report("r.txt", text);
    let (_, json) = check_json(&[path.to_str().unwrap()]);
    pairs(&json, "message")
}

const BODY: &str = "一、存在的问题\n（一）学习不系统。2024年中心组学习缺席3次。\n（二）调研不深入。全年只到2个村。\n二、原因剖析\n（一）理论武装放松。\n三、整改措施\n（一）每月自学两次，年底前补齐缺席的学习。\n（二）每季度到村调研一次。\n";

#[test]
fn a_subtitle_naming_the_genre_is_part_of_the_title_block() {
    for title in [
        "关于加强作风建设\n——个人剖析材料\n",
        "县水利局2024年度民主生活会\n对照检查材料\n",
        "市卫健委党组书记\n专题民主生活会个人发言提纲\n张明\n2025年1月\n",
        "学习贯彻党的二十大精神专题组织生活会\n——个人对照检查材料\n（2023年2月10日）\n",
    ] {
        let o = outline(&format!("{title}{BODY}"));
        assert_eq!(
            kinds(&o),
            ["problems", "causes", "measures"],
            "{title}: {o:?}"
        );
        assert_eq!(counts(&o), [2, 1, 2], "{title}: {o:?}");
    }
}

#[test]
fn the_author_and_year_are_read_from_the_lines_under_the_title() {
    // Under the title: a subtitle naming the genre, a second title line,
    // a byline, a date, in any of these combinations. Each belongs to the
    // title block, where the report's author and year are read (neither
    // the titles nor the body name a year, and the file is r.txt).
    for (title, author) in [
        (
            "关于加强作风建设\n——个人剖析材料\n县水利局党组书记、局长 周建华\n2024年12月\n",
            "周建华",
        ),
        (
            "关于加强作风建设的\n专题民主生活会个人发言提纲\n县水利局党组书记、局长 周建华\n2024年12月\n",
            "周建华",
        ),
        (
            "关于加强作风建设的对照检查\n县水利局副局长 李红\n（2024年12月10日）\n",
            "李红",
        ),
        // A name alone under the title, with 同志 or after 发言人：.
        ("2024年度组织生活会发言提纲\n韩立伟\n", "韩立伟"),
        ("2024年度组织生活会发言提纲\n韩立伟同志\n", "韩立伟"),
        ("2024年度组织生活会个人对照检查材料\n发言人：马晓燕\n", "马晓燕"),
        // The post in brackets after the name; a unit and a name spaced
        // out; a colon; a date after the name; a subtitle spaced out.
        ("2024年度民主生活会个人对照检查材料\n周建平（县水利局党组书记、局长）\n", "周建平"),
        ("2024年度组织生活会发言提纲\n市委统战部民族宗教科　黄　敏\n", "黄敏"),
        ("2024年度组织生活会发言提纲\n机械工程学院党委书记：王振华\n", "王振华"),
        ("2024年度组织生活会发言提纲\n心内科 何建平  2025年1月\n", "何建平"),
        ("城南街道党工委2024年度民主生活会\n个 人 对 照 检 查 材 料\n城南街道党工委副书记、办事处主任  刘雅琴\n", "刘雅琴"),
        // The byline in brackets on the title line (a web copy).
        (
            "2024年度民主生活会发言提纲（市审计局党组成员、副局长 钱国平）\n",
            "钱国平",
        ),
    ] {
        let (_dir, path) = temp_report("r.txt", &format!("{title}{BODY}"));
        let (_, json) = check_json(&[path.to_str().unwrap()]);
        let file = &json["files"][0];
        assert_eq!(file["author"], author, "{title}");
        assert_eq!(file["year"], 2024, "{title}");
    }
}

#[test]
fn a_heading_on_the_title_line_and_items_inline_are_split() {
    for text in [
        "某局专题民主生活会对照检查材料 一、存在的问题：1.学习不够系统。2024年缺席3次。2.调研不深入。全年只到2个村。二、原因剖析：1.理论武装放松。三、整改措施：1.每月自学两次。2.每季度调研一次。\n",
        "区教育局副局长个人对照检查材料 一、存在的问题 （一）学习不系统。缺席3次。（二）调研不深入。只到2所学校。\n二、原因剖析 （一）理论武装放松。\n三、整改措施 （一）每月自学两次。（二）每季度调研一次。\n",
    ] {
        let o = outline(text);
        assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
        assert_eq!(counts(&o), [2, 1, 2], "{o:?}");
    }
}

/// With no space between them, the first part runs into the title (and a
/// note in brackets after the genre word) all the same: the title, its
/// year and the problems' heading are each read.
#[test]
fn the_first_part_run_into_the_title_without_a_space_is_split() {
    let rest = "二、原因剖析：1.理论武装放松。\n三、整改措施：1.每月自学两次。2.每季度调研一次。\n";
    for (first, title) in [
        (
            "县医保局2023年度民主生活会对照检查材料一、存在的问题：1.学习不够系统，缺席3次。2.调研不深入，只到2个乡镇。",
            "县医保局2023年度民主生活会对照检查材料",
        ),
        (
            "组织生活会发言提纲（2023年度）一、查摆的问题 1.学习不够系统，缺席3次。2.调研不深入，只到2个乡镇。",
            "组织生活会发言提纲（2023年度）",
        ),
        (
            "2023年度专题民主生活会发言提纲（县医保局副局长 苏立新）一、存在的问题 1.学习不够系统，缺席3次。2.调研不深入，只到2个乡镇。",
            "2023年度专题民主生活会发言提纲（县医保局副局长 苏立新）",
        ),
    ] {
        let text = format!("{first}\n{rest}");
        let json = outline_json(&text);
        assert_eq!(json["title"], title, "{json}");
        assert_eq!(json["year"], 2023, "{json}");
        let o = outline(&text);
        assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
        assert_eq!(counts(&o), [2, 1, 2], "{o:?}");
        let problems = &json["sections"][0];
        assert!(problems["heading"].as_str().unwrap().contains("问题"), "{json}");
    }
}

#[test]
fn one_numbered_heading_and_topic_headings_keep_their_items() {
    // A problem-only submission.
    let o = outline("个人查摆问题清单\n一、存在的问题\n1.学习不系统，缺席3次。\n2.调研不深入，只到2个村。\n3.批评不敢较真。\n");
    assert_eq!(kinds(&o), ["problems"], "{o:?}");
    assert_eq!(counts(&o), [3]);
    // A 班子 report by topics: the topics hold the problems.
    let o = outline("县委常委班子对照检查材料\n一、遵守政治纪律情况\n（一）传达上级精神不及时，3次会议后才学习。\n（二）请示报告不规范。\n二、落实中央八项规定精神方面\n（一）文山会海仍未根治，全年发文120件。\n三、原因剖析\n（一）政治站位不高。\n四、整改措施\n（一）每月专题学习一次。\n");
    assert_eq!(kinds(&o), ["other", "other", "causes", "measures"], "{o:?}");
    assert_eq!(counts(&o), [2, 1, 1, 1], "{o:?}");
}

#[test]
fn a_cause_sentence_inside_a_problem_list_is_not_a_heading() {
    for text in [
        "一、存在的问题\n（一）学习不够。全年缺席3次。究其原因在于：一是思想上不重视；二是时间安排不合理。\n（二）调研不深入。\n二、整改措施\n（一）每月自学两次。\n",
        "一、存在的问题\n（一）学习不够，缺席3次。分析原因，主要是对理论学习重视不够。\n（二）调研不深入。\n二、整改措施\n（一）每月自学两次。\n",
    ] {
        // Two problems and one measure: the cause sentence neither opens a
        // causes part nor splits the problem it explains.
        let o = outline(text);
        assert_eq!(kinds(&o), ["problems", "measures"], "{o:?}");
        assert_eq!(counts(&o), [2, 1], "{o:?}");
    }
}

#[test]
fn no_part_found_is_one_finding() {
    for (text, says) in [
        (
            "这是一段没有任何标题的文字，讲了学习和工作的一些体会。\n第二段也是随感。\n",
            "未识别出",
        ),
        ("", "没有内容"),
    ] {
        let missing: Vec<_> = findings(text)
            .into_iter()
            .filter(|(r, _)| r == "missing-section")
            .collect();
        assert_eq!(missing.len(), 1, "{text:?}: {missing:?}");
        assert!(missing[0].1.contains(says), "{missing:?}");
    }
}

#[test]
fn hard_wrapped_lines_are_joined_for_every_rule() {
    // A placeholder and a hedge split by the wrap are found.
    let wrapped = "一、存在的问题\n（一）学习不系统。今年参加中心组学习的次数偏少，在X\nX局调研时只听汇报，对基层反映的问题有\n所忽视，没有跟踪督办落实情况直到年底。\n- 2 -\n二、原因剖析\n（一）理论武装放松。\n三、整改措施\n（一）每月自学两次，年底前完成。\n";
    let rules: Vec<String> = findings(wrapped).into_iter().map(|(r, _)| r).collect();
    assert!(rules.contains(&"placeholder".to_string()), "{rules:?}");
    let o = outline(wrapped);
    assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
}

#[test]
fn closing_pledges_are_not_measures() {
    for closing in [
        "以上是我的对照检查，不当之处请同志们批评指正。\n",
        "今后，我将以这次民主生活会为新的起点，坚决抓好整改落实。\n",
        "总之，我决心以更高标准严格要求自己。\n",
    ] {
        let o = outline(&format!("{BODY}{closing}"));
        let measures = &o.last().unwrap().1;
        assert_eq!(measures.len(), 2, "{closing}: {o:?}");
    }
}

#[test]
fn full_width_digits_number_items() {
    let o = outline("一、存在的问题\n１．党性修养锤炼不够，缺席3次。\n２．斗争精神不足。\n二、原因剖析\n１．理想信念有所放松。\n三、整改措施\n１．每月自学两次。\n２．每季度调研一次。\n");
    assert_eq!(counts(&o), [2, 1, 2], "{o:?}");
}

#[test]
fn concrete_problems_are_not_vague_whatever_shows_the_fact() {
    // Each problem hedges (不够) but gives a fact in a different way.
    for fact in [
        "上半年两次专题会都没有发言",
        "去年汛期检查时只看了台账",
        "比如在城关镇调研时只听了汇报",
        "在推进老旧小区改造的过程中，没有听取住户意见",
        "“智慧水务”项目拖了一年多",
        "在局党组会上对分歧意见没有表态",
        "有一次群众来访我让办公室代为接待",
        "走访了十余家企业却没有形成报告",
        "下发社区的报表仍有二十余种",
        "报告原文我通读了两遍，但没有组织研讨",
        "门诊候诊时间长连续三个季度排在不满意事项首位",
        "全年镇级层面召开的各类会议一百余次",
        "下乡检查了二十多家企业却没有反馈",
        "在谋划“十四五”水利发展规划时对智慧水利研究不深",
    ] {
        let text = format!(
            "一、存在的问题\n（一）作风不够扎实。{fact}。\n二、原因剖析\n（一）宗旨意识放松。\n三、整改措施\n（一）每月到基层调研两次，年底前形成报告。\n"
        );
        let vague: Vec<_> = findings(&text)
            .into_iter()
            .filter(|(r, _)| r == "vague-problem")
            .collect();
        assert!(vague.is_empty(), "{fact}: {vague:?}");
    }
    // The same problem with no fact is flagged, each hedge named once.
    let text = "一、存在的问题\n（一）作风不够扎实，调研不够深入，联系群众不够。\n二、原因剖析\n（一）宗旨意识放松。\n三、整改措施\n（一）每月到基层调研两次，年底前形成报告。\n";
    let vague: Vec<_> = findings(text)
        .into_iter()
        .filter(|(r, _)| r == "vague-problem")
        .collect();
    assert_eq!(vague.len(), 1, "{vague:?}");
    assert_eq!(vague[0].1.matches("“不够”").count(), 1, "{vague:?}");
    // A slogan's number is not a fact.
    let text = "一、存在的问题\n（一）树牢“四个意识”不够，落实“三会一课”不够严格。\n二、原因剖析\n（一）宗旨意识放松。\n三、整改措施\n（一）每月到基层调研两次，年底前形成报告。\n";
    assert!(findings(text).iter().any(|(r, _)| r == "vague-problem"));
    // Nor is the session of the meeting a report studies (二十届三中全会);
    // terms served are (连续三届).
    for (problem, vague) in [
        ("学习贯彻党的二十届三中全会精神还不够及时深入", true),
        ("学习党的十九届六中全会精神学得不深不透", true),
        ("我在班子连续三届分管招商，监督不够到位", false),
        ("文风会风改进不明显，检查考核过多过频", true),
    ] {
        let text = format!("一、存在的问题\n（一）{problem}。\n二、原因剖析\n（一）宗旨意识放松。\n三、整改措施\n（一）每月到基层调研两次，年底前形成报告。\n");
        let flagged = findings(&text).iter().any(|(r, _)| r == "vague-problem");
        assert_eq!(flagged, vague, "{problem}");
    }
}

#[test]
fn a_web_copy_gets_one_finding_per_paragraph_and_a_hedge_is_said_once() {
    // Half-width commas in every clause of two paragraphs: one finding per
    // paragraph, each standing for its places.
    let text = "一、存在的问题\n（一）学习不系统,调研不深入,作风不扎实,联系群众少,2024年缺席3次。\n（二）批评不敢较真,落实打折扣,台账不全,全年只到2个村。\n二、原因剖析\n（一）理论武装放松。\n三、整改措施\n（一）每月自学两次,年底前补齐。\n";
    let (_dir, path) = temp_report("r.txt", text);
    let (_, json) = check_json(&[path.to_str().unwrap(), "--select", "punctuation"]);
    let found = json["diagnostics"].as_array().unwrap();
    let places: Vec<u64> = found
        .iter()
        .map(|d| d["places"].as_u64().unwrap_or(1))
        .collect();
    // Three commas between Chinese characters (少,2024 is not), three, and
    // one (a paragraph with one is its own finding).
    assert_eq!(places, [3, 3, 1], "{json:#}");
    assert_eq!(found[0]["labels"].as_array().unwrap().len(), 3);
    assert!(found[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("本段有 3 处"));
    // A problem flagged as vague names its hedges; no note repeats them.
    let text = "一、存在的问题\n（一）学习还不够深入，调研有所放松，作风有时不够扎实。\n二、原因剖析\n（一）理论武装放松。\n三、整改措施\n（一）每月自学两次，年底前补齐。\n";
    let rules: Vec<String> = findings(text).into_iter().map(|(r, _)| r).collect();
    assert!(rules.contains(&"vague-problem".to_string()), "{rules:?}");
    assert!(!rules.contains(&"vague-wording".to_string()), "{rules:?}");
    // Outside a flagged item (a concrete problem), the hedge is a note.
    let text = "一、存在的问题\n（一）学习还不够深入，2024年中心组学习缺席3次。\n二、原因剖析\n（一）理论武装放松。\n三、整改措施\n（一）每月自学两次，年底前补齐。\n";
    let rules: Vec<String> = findings(text).into_iter().map(|(r, _)| r).collect();
    assert!(!rules.contains(&"vague-problem".to_string()), "{rules:?}");
    assert!(rules.contains(&"vague-wording".to_string()), "{rules:?}");
}

/// Causes with no heading after the last problem: a paragraph opening
/// with 究其原因 (or another cue) is a causes part headed by that sentence;
/// the same words closing the last problem's paragraph start inferred
/// causes. Either way the measures are found, and no part is "missing".
#[test]
fn causes_with_no_heading_close_the_problems() {
    let own_paragraph = "一、存在的问题\n1.学习不系统。2024年中心组学习缺席3次。\n2.调研不深入。全年只到2个村。\n究其原因，主要有两个方面：一是理论武装放松，二是宗旨意识淡化。\n二、整改措施\n1.每月自学两次，年底前补齐缺席的学习。\n2.每季度到村调研一次。\n";
    let o = outline(own_paragraph);
    assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
    assert_eq!(counts(&o), [2, 2, 2], "{o:?}");

    let closing_a_problem = "一、查摆的问题\n（一）学习不系统。2023年缺席中心组学习4次。\n（二）调研不深入。全年只到3个社区。分析原因，主要在于：一是理想信念有所动摇；二是党性修养放松；三是自我要求降低。\n二、努力方向\n（一）每月自学两次。\n（二）每季度到社区调研一次。\n";
    let o = outline(closing_a_problem);
    assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
    assert_eq!(counts(&o), [2, 3, 2], "{o:?}");
    let rules: Vec<String> = findings(closing_a_problem)
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    assert!(!rules.contains(&"missing-section".to_string()), "{rules:?}");

    // The cue runs into the first cause; the others on lines of their own.
    for first in [
        "究其原因，一是对学习的重要性认识不足，总觉得业务更要紧；",
        "分析原因：一是理论学习抓得不紧。",
        "深挖根源，一是对“学”认识不够，把学习当软任务。",
    ] {
        let text = format!("一、存在的问题\n①学习不系统。2024年缺席学习3次。\n②调研不深入。全年只到2个村。\n{first}\n二是宗旨意识淡化，对群众的事情关心不够；\n三是自我要求降低。\n二、整改措施\n1.每月自学两次。\n2.每季度到村调研一次。\n");
        let o = outline(&text);
        assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
        assert_eq!(counts(&o), [2, 3, 2], "{o:?}");
        assert!(o[1].1[0].starts_with("一是"), "{o:?}");
    }

    // Another cue, and causes numbered on lines of their own.
    let numbered_after = "一、存在的问题\n1.学习不系统。2024年缺席学习3次。\n2.调研不深入。全年只到2个村。\n产生这些问题的原因，主要有：\n（1）理论武装放松。\n（2）宗旨意识淡化。\n二、整改措施\n1.每月自学两次。\n2.每季度到村调研一次。\n";
    let o = outline(numbered_after);
    assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
    assert_eq!(counts(&o), [2, 2, 2], "{o:?}");
}

/// A flattened web copy runs a part heading straight into its first aspect
/// (二、原因剖析（一）理想信念…): the aspect starts there, so later aspects
/// are its siblings, not children of the last item.
#[test]
fn a_heading_run_into_its_first_aspect_is_split() {
    for text in [
        "一、存在的问题（一）在学习方面。一是学习不系统，2024年缺席3次。二是学用脱节。（二）在服务方面。一是调研少，全年只到2个村。二是办事拖沓。二、原因剖析（一）理想信念动摇。（二）宗旨意识淡化。三、整改措施（一）每月自学两次。（二）每季度调研一次。\n",
        "第一部分：查摆的问题（1）学习不系统，2024年缺席3次。（2）调研少，全年只到2个村。第二部分：原因（1）理想信念动摇。（2）宗旨意识淡化。第三部分：措施（1）每月自学两次。（2）每季度调研一次。\n",
    ] {
        let o = outline(text);
        assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
        assert_eq!(counts(&o)[1..], [2, 2], "{o:?}");
        assert!(counts(&o)[0] >= 2, "{o:?}");
    }
}

/// Causes announced by a lead clause naming them, in any words (上述问题
/// 的产生，主要有以下几方面原因：一是…), close the problems like 究其原因.
#[test]
fn a_lead_clause_naming_the_causes_opens_them() {
    let text = "一、存在的问题\n1.学习不系统。2024年缺席学习3次。\n2.调研不深入。全年只到2个村。\n对照反思，上述问题的产生，主要有以下几方面原因：一是党员意识弱化；二是宗旨意识淡薄。\n二、整改措施\n1.每月自学两次。\n2.每季度到村调研一次。\n";
    let o = outline(text);
    assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
    assert_eq!(counts(&o), [2, 2, 2], "{o:?}");
}

/// An unnumbered title line naming a list of problems (个人检视问题清单) is
/// the title, not a problems part of its own.
#[test]
fn a_problem_list_title_is_not_a_part() {
    let text = "某学院党委书记\n2024年度专题民主生活会个人检视问题清单\n（2024年12月）\n存在的主要问题\n1.对意识形态阵地管理有疏漏。今年5月一门课程出现错误观点。\n2.调研不深入。全年只到2个系。\n";
    let o = outline(text);
    assert_eq!(kinds(&o), ["problems"], "{o:?}");
    assert_eq!(counts(&o), [2], "{o:?}");
    // The author line above such a title: the title is the list's, and the
    // year is read from it.
    let json = outline_json(
        "城东社区党委书记　宋立平\n2023年度组织生活会个人查摆问题清单\n1.对意识形态阵地管理有疏漏。今年5月宣传栏出现错字。\n2.调研不深入。全年只到2个小区。\n",
    );
    assert_eq!(
        json["title"], "2023年度组织生活会个人查摆问题清单",
        "{json}"
    );
    assert_eq!(
        (&json["author"], &json["year"]),
        (&"宋立平".into(), &2023.into()),
        "{json}"
    );
}

/// A heading that names problems found by 剖析 is the problems part; one
/// that asks where they come from (问题出在哪里) is the causes; 下一步怎么做
/// and 怎么改 head the measures.
#[test]
fn headings_are_read_by_what_they_name_last() {
    let o = outline(
        "某局2023年度民主生活会发言提纲\n第一部分　检视剖析的主要问题\n一、学习不深。今年缺席中心组学习2次。\n第二部分　问题出在哪里\n一、理论武装放松。\n第三部分　下一步怎么做\n一、每月自学两次。\n",
    );
    assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
    let o = outline(
        "某局2023年度民主生活会发言提纲\n一、查找出的问题\n1、学习不深。今年缺席中心组学习2次。\n二、原因在哪里\n1、理论武装放松。\n三、怎么改\n1、每月自学两次。\n",
    );
    assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
}

/// A PDF copy with a few paragraphs left unwrapped is still read as
/// wrapped: the quotes and 《》 split over the wraps pair up, and no part is
/// lost.
#[test]
fn a_wrapped_copy_with_some_unwrapped_paragraphs_is_joined() {
    let wrapped = [
        "一、存在的问题",
        "（一）学习《习近平新时代中国特色社会主义思想学习纲要》不够系",
        "统，对“两个确立”的决定性意义领会不深，今年中心组学习缺席了三",
        "次，读原著时间少于规定要求，学习笔记只有两万字，心得体会也不深。",
        "（二）调研不深入。全年只到了两个村，每次都是听汇报、看材料，没有和群众坐下来谈心，没有形成一篇有分量的调研报告。",
        "（三）落实“一岗双责”不到位，对分管科室干部的日常监督不够经常，",
        "全年谈心谈话只有四次，对苗头性问题没有做到早提醒、早纠正，有",
        "一名干部违规操办宴席，是群众举报后才发现的，这是我的失职。",
        "二、原因剖析",
        "（一）理论武装放松，满足于读文件、记要点，学用脱节的问题突出。",
        "三、整改措施",
        "（一）2024年每月自学两次，6月底前读完纲要，年底前写出调研报告。",
    ]
    .join("\n");
    let o = outline(&wrapped);
    assert_eq!(kinds(&o), ["problems", "causes", "measures"], "{o:?}");
    let f: Vec<(String, String)> = findings(&wrapped)
        .into_iter()
        .filter(|(r, _)| r == "punctuation")
        .collect();
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_name_under_a_wrapped_title_is_the_byline() {
    // A PDF copy wrapped at 30 characters: the title is about that long,
    // so it looked wrapped, and the name under it was read as the title's
    // end. A name alone is a line of its own, wrapped text or not.
    let body = [
        "一、存在的问题",
        "（一）学习不系统。今年参加中心组学习的次数偏少，在三",
        "个村调研时只听汇报，对基层反映的问题有所忽视，没有跟",
        "踪督办落实情况，直到年底群众再次反映才着手解决问题。",
        "二、原因剖析",
        "（一）理论武装放松。满足于读文件、记要点，学用脱节，",
        "对群众反映的问题没有放在心上，宗旨意识有所淡化了。",
        "三、整改措施",
        "（一）2024年每月自学两次，6月底前读完纲要，年底前写",
        "出调研报告，对群众反映的问题建立台账、限时办结销号。",
    ]
    .join("\n");
    for (head, author) in [
        (
            "青石镇党委书记2023年度专题民主生活会对照检查材料\n吴振东\n",
            "吴振东",
        ),
        (
            "城关街道党工委书记2023年度专题民主生活会发言提纲\n欧阳晓东\n（2024年1月18日）\n",
            "欧阳晓东",
        ),
        (
            "县财政局2023年度专题民主生活会个人对照检查材料\n发言人：马晓燕\n",
            "马晓燕",
        ),
    ] {
        let (_dir, path) = temp_report("r.txt", &format!("{head}{body}\n"));
        let (_, json) = check_json(&[path.to_str().unwrap()]);
        let file = &json["files"][0];
        assert_eq!(file["author"], author, "{head}");
        assert_eq!(file["year"], 2023, "{head}");
        let title = outline_json(&format!("{head}{body}\n"))["title"].clone();
        assert!(
            title.as_str().unwrap().ends_with("材料") || title.as_str().unwrap().ends_with("提纲"),
            "{head}: {title}"
        );
    }
}

/// Links of one report: each problem or cause id and the measures that
/// answer it.
fn links(text: &str) -> Vec<(String, Vec<String>)> {
    outline_json(text)["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let to = l["to"].as_array().unwrap().iter();
            let to = to.map(|t| t["item"].as_str().unwrap().to_string());
            (l["from"].as_str().unwrap().to_string(), to.collect())
        })
        .collect()
}

/// A rectification list that names the problems each measure answers
/// (问题清单、整改清单) is read as written, in several wordings and
/// numberings, whatever words the measure shares with other problems.
#[test]
fn a_measure_naming_the_problems_it_answers_answers_those() {
    let problems = "一、问题清单\n1.理论学习不深入。中心组学习缺席3次。\n2.调查研究不扎实。全年只到2个村。\n3.财务审批把关不严。去年两笔招待费超标。\n";
    let cases = [
        // 对应第N项, a list; the third measure shares 学习 with problem 1.
        "二、整改清单\n1.（对应第1项）每月自学两次，年底前补齐缺席的学习。\n2.（对应第2、3项）每季度到村调研一次；严格执行财务审批。\n3.组织全体干部学习财经纪律。\n",
        // 针对问题N and a range.
        "二、整改措施\n（一）针对问题1：每月自学两次，年底前补齐。\n（二）针对第2至3个问题，每季度到村调研，严格审批。\n（三）组织全体干部学习财经纪律。\n",
    ];
    for measures in cases {
        let got = links(&format!("{problems}{measures}"));
        let of = |id: &str| {
            got.iter()
                .find(|(f, _)| f == id)
                .map(|(_, t)| t.clone())
                .unwrap_or_default()
        };
        assert_eq!(of("p1"), ["m1"], "{measures}\n{got:?}");
        assert_eq!(of("p2"), ["m2"], "{measures}\n{got:?}");
        assert_eq!(of("p3"), ["m2"], "{measures}\n{got:?}");
    }
    // Problems restarting under aspects (一是 … under （一）（二）): 第二项 is
    // the second aspect, every point under it.
    let aspects = "一、存在的问题\n（一）学习方面。一是理论学习不深入，缺席3次。二是学用结合不紧。\n（二）作风方面。一是调研不扎实，只到2个村。二是文风不实，材料冗长。\n二、整改措施\n1.针对第二项问题：每季度到村调研一次，材料压缩一半。\n2.每月自学两次，年底前补齐缺席的学习。\n";
    let got = links(aspects);
    let to = |id: &str| got.iter().find(|(f, _)| f == id).unwrap().1.clone();
    assert_eq!(to("p2.1"), ["m1"], "{got:?}");
    assert_eq!(to("p2.2"), ["m1"], "{got:?}");
    assert!(!to("p1.1").contains(&"m1".to_string()), "{got:?}");
}

/// A report written in Markdown (`.md`, as a web editor exports it): its
/// marks are syntax, not text. `**` is no placeholder, `**一是**` numbers a
/// point, `## 一、…` heads a part, a bulleted measure is a measure; the
/// same text saved as `.txt` keeps its stars as text.
#[test]
fn markdown_marks_are_read_as_syntax_in_a_md_report() {
    let text = "# 2024年度民主生活会个人对照检查材料\n\n**李明**\n\n## 一、存在的问题\n\n**一是**理论学习不够深入，有所放松。\n\n**二是**调查研究不够经常，XX村去年只去过1次。\n\n## 二、原因剖析\n\n1. **理想信念有所弱化。**放松了主观世界改造。\n\n## 三、整改措施\n\n- **加强理论学习。**每月读原著2篇，2025年6月底前完成。\n- **改进调查研究。**每季度到XX村蹲点1次。\n";
    let (_dir, md) = temp_report("r.md", text);
    let (_, json) = check_json(&[md.to_str().unwrap()]);
    let placeholders = fired(&json, "placeholder");
    assert_eq!(placeholders, ["XX", "XX"], "only the real blanks");
    assert_eq!(
        fired(&json, "vague-problem"),
        ["一是**理论学习不够深入，有所放松"],
        "the point is found and shown as the file has it"
    );
    assert!(fired(&json, "missing-section").is_empty());
    assert!(fired(&json, "unaddressed-problem").is_empty(), "{json}");
    let out = bin()
        .args(["outline", "--format", "json", md.to_str().unwrap()])
        .output()
        .unwrap();
    let outline: Value = serde_json::from_slice(&out.stdout).unwrap();
    let measures = &outline["documents"][0]["sections"][2]["items"];
    assert_eq!(measures.as_array().map(Vec::len), Some(2), "{outline}");

    let (_dir, txt) = temp_report("r.txt", text);
    let (_, json) = check_json(&[txt.to_str().unwrap()]);
    assert!(fired(&json, "placeholder").iter().any(|t| t == "**"));
}

/// A part headed by the problems' 表现 (“不严不实”的具体表现, 四风方面的突出
/// 表现, 主要表现) is the problems, in whatever campaign's words; an aspect
/// under it that says 表现 stays an aspect.
#[test]
fn a_heading_naming_the_problems_manifestations_is_the_problems_part() {
    for heading in [
        "一、“不严不实”的具体表现",
        "一、“四风”方面的突出表现",
        "一、主要表现",
        "一、對照“三嚴三實”要求的具體表現",
    ] {
        let text = format!(
            "某局党组书记三严三实专题民主生活会发言提纲\n{heading}\n（一）形式主义方面的表现\n1.调研走过场，2015年到村调研6次，4次只听汇报。\n2.文件层层照转，全年转发文件80件。\n（二）官僚主义方面\n1.审批拖延，一件项目用地审批拖了45天。\n二、原因剖析\n（一）宗旨意识淡化。\n三、整改措施\n（一）每季度到村蹲点调研一次，每次不少于2天。\n（二）审批事项一律限时5个工作日办结。\n"
        );
        let o = outline(&text);
        assert_eq!(
            kinds(&o),
            ["problems", "causes", "measures"],
            "{heading}: {o:?}"
        );
        assert_eq!(counts(&o), [3, 1, 2], "{heading}: {o:?}");
    }
}

/// A report written problem by problem (问题一：… 原因分析：… 整改措施：…, as
/// a 问题清单 pasted in): each problem, cause and measure is read under its
/// label, each measure answers the problem of its group, and the repeated
/// parts are no disorder. Labels vary: 问题1 / 存在问题二, 原因 / 问题根源,
/// 措施 / 整改举措.
#[test]
fn a_report_written_problem_by_problem_is_read_group_by_group() {
    for (p, c, m) in [
        ("问题一", "原因分析", "整改措施"),
        ("问题1", "原因", "措施"),
        ("存在问题二", "问题根源", "整改举措"),
    ] {
        let text = format!(
            "2024年度民主生活会对照检查材料\n县农业农村局局长 王建国\n现将对照检查情况报告如下。\n{p}：理论学习不够深入。今年中心组学习12次，我缺席4次，没有补学。\n{c}：没有把理论学习摆在首位，认为学习是软任务。\n{m}：2025年3月底前补学缺席的4次学习内容，每次写出笔记。\n{p}：高标准农田项目监管不严。今年验收的3个项目中1个灌溉渠道渗漏。\n{c}：对工程质量的风险意识不强，满足于听汇报。\n{m}：每季度带队到项目现场检查一次，渗漏渠道明年春灌前修复完毕。\n以上是我的对照检查，请同志们批评指正。\n"
        );
        let o = outline(&text);
        assert_eq!(
            kinds(&o),
            ["problems", "causes", "measures", "problems", "causes", "measures"],
            "{p}: {o:?}"
        );
        assert_eq!(o[3].1, ["高标准农田项目监管不严"], "{p}");
        let f = findings(&text);
        assert!(
            !f.iter().any(|(r, _)| matches!(
                r.as_str(),
                "section-order" | "missing-section" | "unaddressed-problem" | "orphan-measure"
            )),
            "{p}: {f:?}"
        );
    }
}

/// A part reporting how rectification has progressed (整改工作推进情况,
/// 整改进展情况) is no measures part, though it names 整改; a case-study
/// report's 以案促改措施 is its measures, though 以案促改 names the case
/// study (典型案例剖析 stays one).
#[test]
fn progress_of_rectification_is_other_and_case_study_measures_are_measures() {
    for progress in [
        "一、巡视整改工作推进情况",
        "一、问题整改进展情况",
        "一、上年度整改措施完成情况",
    ] {
        let text = format!(
            "某局副局长对照检查材料\n{progress}\n巡视反馈涉及我分管领域的问题共11个，已完成9个。\n二、存在的问题\n（一）监督不力。2024年公车管理漏洞未堵塞。\n三、原因剖析\n（一）权力观偏差。\n四、整改措施\n（一）年底前完成公车管理制度修订。\n"
        );
        assert_eq!(
            kinds(&outline(&text)),
            ["other", "problems", "causes", "measures"],
            "{progress}"
        );
    }
    let case = "副局长以案促改专题对照检查\n一、典型案例剖析\n原局长刘某某严重违纪违法。\n二、在落实八项规定方面\n（一）对公车管理监督不力，2020年有3次私用未制止。\n三、剖析根源\n1、权力观出现偏差。\n四、以案促改措施\n1、2020年9月前完成廉政风险再排查。\n2、每季度开展一次警示教育。\n";
    let o = outline(case);
    assert_eq!(kinds(&o), ["other", "other", "causes", "measures"]);
    assert_eq!(o[3].1.len(), 2);
}

/// A heading naming the problems and their causes (问题及原因分析) heads
/// the problems. Causes labelled aspect by aspect inside it (问题：… 原因：…)
/// are causes, each its own part, and the problems go on after each: no
/// part is out of order and the aspects' numbers run on.
#[test]
fn causes_labelled_aspect_by_aspect_under_problems_and_causes_are_causes() {
    let text = "县生态环境局局长2023年度民主生活会对照检查材料\n一、存在的问题及原因分析\n（一）理论学习方面\n问题：对生态文明思想学得不深。全年中心组学习12次，我缺席3次。\n原因：把学习当成软任务，没有摆在首位。\n（二）担当作为方面\n问题：对城郊偷排顽疾动真碰硬不够。今年群众投诉28件，8件反复。\n原因：怕得罪人，斗争精神弱化。\n二、整改措施\n（一）2024年每月参加中心组学习，缺席的3次6月底前补学。\n（二）6月底前对城郊偷排点位开展一次联合执法，反复投诉的8件逐件销号。\n";
    let o = outline(text);
    assert_eq!(
        kinds(&o),
        ["problems", "causes", "problems", "causes", "measures"],
        "{o:?}"
    );
    assert_eq!(o[1].1, ["把学习当成软任务，没有摆在首位"]);
    assert_eq!(o[2].1, ["（二）担当作为方面"]);
    // Shown as going on, not as a part inferred without a heading.
    let (_dir, path) = temp_report("r.txt", text);
    let shown = bin()
        .args(["outline", path.to_str().unwrap()])
        .output()
        .unwrap();
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(shown.contains("[problems] （接上）（第 6 行）"), "{shown}");
    // JSON says the same: only the parts after a split go on.
    let continues: Vec<bool> = outline_json(text)["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["continues"].as_bool().unwrap())
        .collect();
    assert_eq!(continues, [false, false, true, false, false]);
    let f = findings(text);
    assert!(
        !f.iter().any(|(r, _)| matches!(
            r.as_str(),
            "section-order" | "numbering" | "missing-section"
        )),
        "{f:?}"
    );
    // 问题及原因 heads the problems; 问题产生的原因 stays the causes.
    let inline = "某局副局长对照检查材料\n一、检视出的问题及原因\n（1）学习浮在面上。今年缺席2次集中学习。\n（2）服务群众有差距。6月一位老人补办户口跑了3趟。\n究其原因，一是理想信念有所弱化；二是宗旨意识树得不牢。\n二、整改措施\n1．每周自学2小时。\n2．11月底前公布一次性告知清单。\n";
    assert_eq!(kinds(&outline(inline)), ["problems", "causes", "measures"]);
    assert_eq!(
        kinds(&outline(&inline.replace("问题及原因", "问题产生的原因"))),
        ["causes", "measures"]
    );
}

/// Problems and their measures labelled one by one under one part heading,
/// with the causes in a part of their own after it: the heading heads the
/// problems, each label opens a part inside it, and problems listed after
/// the last group (此外…不足：一是…二是…) are problems, not its measure.
#[test]
fn problems_and_measures_grouped_under_one_heading_before_the_causes() {
    let text = "学院党委书记巡视整改专题民主生活会发言\n一、巡视反馈问题的个人检视及整改措施\n问题一：中心组学习不规范。2017年学院中心组学习6次，3次没有研讨。\n整改措施：一是每次中心组学习确定1个研讨专题；二是每学期末报送学习情况。\n问题二：“三会一课”落实不到位。抽查的7个支部中2个支部全年党课不足4次。\n整改措施：一是9月底前逐本检查组织生活记录；二是年底前调整支部书记。\n此外，我个人还存在两个方面的不足：一是联系服务师生不够深入。全年只到学生宿舍2次。二是对经费使用把关不严。2笔劳务费手续不全。\n二、原因剖析\n（一）政治站位不够高。把党建当成软任务。\n（二）规矩意识淡薄。认为程序是形式。\n三、下一步打算\n1.每月到学生宿舍走访2次。\n2.年底前修订经费审签办法。\n";
    let o = outline(text);
    assert_eq!(
        kinds(&o),
        [
            "problems", "problems", "measures", "problems", "measures", "problems", "causes",
            "measures"
        ],
        "{o:?}"
    );
    assert_eq!(o[1].1, ["中心组学习不规范"]);
    assert_eq!(
        o[5].1,
        ["一是联系服务师生不够深入", "二是对经费使用把关不严"]
    );
    assert_eq!(counts(&o)[2], 2);
    let f = findings(text);
    assert!(
        !f.iter()
            .any(|(r, _)| matches!(r.as_str(), "section-order" | "missing-section")),
        "{f:?}"
    );
}

/// A web copy's furniture after the article (上一篇：…, 相关阅读 and the
/// links under it) is none of the last measure, even when a bulleted link
/// ends the page.
#[test]
fn a_web_pages_links_after_the_article_are_no_part_of_the_last_measure() {
    let text = "热电公司党委书记对照检查材料\n一、存在的问题\n（一）调研不够。全年只到班组3次。\n二、整改措施\n一是每月到班组调研1次。\n二是积极推进新能源项目建设，努力实现高质量发展。\n以上对照检查，请同志们批评指正。\n上一篇：集团党委召开2022年度民主生活会\n相关阅读\n· 热电公司召开2022—2023供暖季供热保障推进会\n";
    let json = outline_json(text);
    let last = &json["sections"][1]["items"][1];
    assert_eq!(
        last["label"],
        "二是积极推进新能源项目建设，努力实现高质量发展"
    );
    assert_eq!(last["span"]["end_line"], 6, "{last}");
    let f = findings(text);
    assert!(
        f.iter()
            .any(|(r, m)| r == "vague-measure" && m.contains("新能源")),
        "{f:?}"
    );
}

/// A report whose parts are topics (一、在理论学习方面), each holding one
/// problem with its own cause and measure, labelled after their numbers
/// (1.问题表现。2.原因剖析。3.整改措施。) or with a colon (问题：原因：措施：):
/// each topic stays a part, and its labels open the problem, the cause and
/// the measure, which answers them.
#[test]
fn topics_each_holding_a_problem_its_cause_and_measure_are_grouped() {
    let numbered = "县农业农村局局长2023年度民主生活会对照检查材料\n一、在理论学习方面\n1.问题表现。学习不够系统，今年中心组12次集中学习我缺席2次。\n2.原因剖析。把学习当成软任务，忙于事务时先挤掉学习时间。\n3.整改措施。12月底前补学缺席的2次中心组学习内容。\n二、在担当作为方面\n1.问题表现。对高标准农田质量问题动真碰硬不够，今年5月沟渠开裂只批转了事。\n2.原因剖析。担当精神有所弱化，怕得罪施工单位。\n3.整改措施。11月底前对全县8个标段逐一复查，开裂沟渠限期返工。\n";
    let bracketed = "某中学校长组织生活会发言提纲\n一、政治建设方面\n（1）存在问题。对意识形态阵地管理不细，校园公众号去年有2篇推文审核把关不严。\n（2）原因分析。政治敏锐性不强，认为学校意识形态风险小。\n（3）整改方向。建立推文三审制度，每学期开展一次阵地排查。\n二、作风建设方面\n（1）存在问题。深入课堂少，本学期听课只有6节。\n（2）原因分析。陷于事务性工作，服务师生的宗旨意识淡化。\n（3）整改方向。每周至少听课2节，每月召开一次教师座谈会。\n三、廉洁自律方面\n（1）存在问题。对食堂采购监管不严，3月份有一批食材未经验收入库。\n（2）原因分析。自我要求放松，监督失之于宽。\n（3）整改方向。食材验收实行双人签字，每月抽查一次台账。\n";
    let colon = "街道党工委书记对照检查材料\n一、在推进基层党建方面\n问题：对社区党组织指导不够，今年2个社区换届前后组织生活中断3个月。\n原因：抓党建的主责主业意识不强。\n措施：每季度到联系社区指导一次组织生活，年底前补齐中断期间的会议。\n二、在为民办实事方面\n问题：老旧小区加装电梯推进慢，全年只完成4部，群众反映强烈。\n原因：宗旨意识淡化，怕协调矛盾。\n措施：明年6月底前完成10部加装，每月召开一次协调会。\n";
    for (text, topics) in [(numbered, 2), (bracketed, 3), (colon, 2)] {
        let o = outline(text);
        let mut want = Vec::new();
        for _ in 0..topics {
            want.extend(["other", "problems", "causes", "measures"]);
        }
        assert_eq!(kinds(&o), want, "{o:?}");
        assert!(
            o.iter().all(|(k, i)| i.len() == usize::from(k != "other")),
            "{o:?}"
        );
        let f = findings(text);
        assert!(
            !f.iter().any(|(r, _)| matches!(
                r.as_str(),
                "missing-section" | "unaddressed-problem" | "unaddressed-cause" | "section-order"
            )),
            "{f:?}"
        );
    }
    // A problem opening with a part's word (1.问题整改不力。) is no label;
    // one topic holding one group is just a topic's items.
    let plain = "对照检查材料\n一、在党风廉政建设方面\n1.问题整改不力。巡察反馈的5个问题还有2个未销号。\n2.措施落实不到位。年初定的3项制度只出台了1项。\n二、在服务群众方面\n1.走访群众少。今年只走访了4户困难群众。\n2.原因剖析。宗旨意识淡化。\n三、整改措施\n1.6月底前销号全部巡察问题。\n2.每月走访困难群众不少于2户。\n";
    let o = outline(plain);
    assert_eq!(kinds(&o)[..2], ["other", "other"], "{o:?}");
    assert_eq!(o[0].1.len(), 2, "{o:?}");
}
