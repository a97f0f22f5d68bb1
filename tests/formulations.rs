//! Every entry of the formulation database (rules/formulation.yaml): its
//! canonical form stays quiet, in the ways reports write it, and a wrong
//! form of it is found. Wrong data is worse than none.

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(serde::Deserialize)]
struct RuleFile {
    params: Params,
}

#[derive(serde::Deserialize)]
struct Params {
    lists: Vec<List>,
    phrases: Vec<Phrase>,
    #[serde(default)]
    names: Vec<Name>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Name {
    name: String,
    #[serde(default)]
    also_real: Vec<String>,
    #[serde(default)]
    real_until: BTreeMap<String, i32>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
struct List {
    name: String,
    #[serde(default)]
    number_fixed: bool,
    members: Vec<String>,
    #[serde(default)]
    variants: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    keys: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Phrase {
    name: String,
    accepted: Vec<String>,
    #[serde(default)]
    wrong: Vec<String>,
    #[serde(default, rename = "right-until")]
    right_until: BTreeMap<String, i32>,
}

fn database() -> Params {
    let text = std::fs::read_to_string(root().join("rules/formulation.yaml")).unwrap();
    let mut files: Vec<RuleFile> = serde_yaml::from_str(&text).unwrap();
    files.remove(0).params
}

/// A report with `lines` as the paragraphs of its problems part; the
/// formulation findings as (line, message).
fn formulation_findings(lines: &[String]) -> Vec<(usize, String)> {
    let mut text = String::from("一、存在的问题\n");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    text.push_str("二、原因剖析\n三、整改措施\n");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.txt");
    std::fs::write(&file, text).unwrap();
    let (_, json) = check_json(&["--select", "formulation", file.to_str().unwrap()]);
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d: &Value| {
            (
                d["span"]["line"].as_u64().unwrap() as usize - 1,
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Ways reports quote a list's members: 、-separated, with 和 before the
/// last, quoted, with 的 inserted (两字 + 的 where members end in a noun), named.
fn quiet_forms(l: &List) -> Vec<String> {
    let joined = l.members.join("、");
    let mut forms = vec![
        format!("我们要坚持{joined}，不断推进工作。"),
        format!("深刻理解“{}”的内涵。", l.members.join("”“")),
        format!("牢记{}：{joined}。", l.name),
    ];
    if l.members.len() > 2 {
        let (last, rest) = l.members.split_last().unwrap();
        forms.push(format!("做到{}和{last}。", rest.join("、")));
    }
    for (member, variants) in &l.variants {
        for v in variants {
            let with: Vec<&str> = l
                .members
                .iter()
                .map(|m| if m == member { v.as_str() } else { m.as_str() })
                .collect();
            forms.push(format!("按照{}的要求。", with.join("、")));
        }
    }
    forms
}

/// Each always-wrong wording is found once, in the line it is on, naming
/// its phrase and its canonical form.
#[test]
fn every_wrong_wording_of_a_phrase_is_found() {
    let db = database();
    let cases: Vec<(&Phrase, &String)> = db
        .phrases
        .iter()
        .flat_map(|p| p.wrong.iter().map(move |w| (p, w)))
        .collect();
    assert!(cases.len() >= 2, "{}", cases.len());
    let lines: Vec<String> = cases
        .iter()
        .map(|(_, w)| format!("我对{w}认识不深，学习不够。"))
        .collect();
    let found = formulation_findings(&lines);
    let wanted: Vec<usize> = (1..=lines.len()).collect();
    let got: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
    assert_eq!(got, wanted, "{found:?}");
    for ((line, message), (p, _)) in found.iter().zip(&cases) {
        assert!(
            message.contains(&p.name)
                && message.contains(&p.accepted[0])
                && message.contains("写法有误"),
            "line {line}: {message}"
        );
    }
}

/// Each wording that was right until a year is found in a report of a
/// later year, naming the phrase's canonical form, and stays quiet in a
/// report of that year.
#[test]
fn every_dated_wording_of_a_phrase_is_found_after_its_year_only() {
    let db = database();
    let cases: Vec<(&Phrase, &String, i32)> = db
        .phrases
        .iter()
        .flat_map(|p| p.right_until.iter().map(move |(w, &y)| (p, w, y)))
        .collect();
    assert!(cases.len() >= 5, "{}", cases.len());
    let dir = tempfile::tempdir().unwrap();
    for (p, wording, year) in cases {
        let findings = |year: i32| {
            let text = format!("{year}年度民主生活会个人对照检查材料\n一、存在的问题\n1.我对{wording}认识不深，学习不够。\n二、原因剖析\n三、整改措施\n");
            let file = dir.path().join(format!("r{year}.txt"));
            std::fs::write(&file, text).unwrap();
            let (_, json) = check_json(&["--select", "formulation", file.to_str().unwrap()]);
            let messages: Vec<String> = json["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["message"].as_str().unwrap().to_string())
                .collect();
            messages
        };
        let later = findings(year + 1);
        assert!(
            later.len() == 1 && later[0].contains(&p.accepted[0]),
            "{wording} in {}: {later:?}",
            year + 1
        );
        assert_eq!(findings(year), Vec::<String>::new(), "{wording} in {year}");
    }
}

#[test]
fn every_list_and_phrase_in_its_canonical_forms_stays_quiet() {
    let db = database();
    let mut lines = Vec::new();
    for l in &db.lists {
        lines.extend(quiet_forms(l));
        for a in &l.aliases {
            lines.push(format!("牢记{a}：{}。", l.members.join("、")));
        }
    }
    for p in &db.phrases {
        for a in &p.accepted {
            lines.push(format!("我们深刻认识到{a}，并以此指导工作。"));
        }
    }
    let found = formulation_findings(&lines);
    let shown: Vec<String> = found
        .iter()
        .map(|(l, m)| format!("{}: {m}", lines[l - 1]))
        .collect();
    assert!(
        found.is_empty(),
        "canonical forms flagged:\n{}",
        shown.join("\n")
    );
    assert!(lines.len() > 250, "{}", lines.len());
}

#[test]
fn every_list_with_a_member_dropped_after_its_name_is_found() {
    let db = database();
    assert!(db.lists.len() >= 40, "{}", db.lists.len());
    let mut lines = Vec::new();
    for l in &db.lists {
        // Keyed lists are quoted by their keys; others by their members.
        let members = if l.keys.is_empty() {
            &l.members
        } else {
            &l.keys
        };
        let kept: Vec<&str> = members[..members.len() - 1]
            .iter()
            .map(String::as_str)
            .collect();
        if kept.len() < 2 {
            continue;
        }
        lines.push(format!("牢记“{}”：{}。", l.name, kept.join("、")));
    }
    let found = formulation_findings(&lines);
    for (i, line) in lines.iter().enumerate() {
        let line_no = i + 1;
        let hits: Vec<&String> = found
            .iter()
            .filter(|(l, _)| *l == line_no)
            .map(|(_, m)| m)
            .collect();
        assert!(
            hits.iter().any(|m| m.contains("缺少")),
            "not found: {line} ({hits:?})"
        );
    }
}

#[test]
fn every_long_phrase_garbled_is_found() {
    let db = database();
    let mut lines = Vec::new();
    for p in &db.phrases {
        let a = &p.accepted[0];
        let chars: Vec<char> = a.chars().filter(|&c| !"的“”‘’、，".contains(c)).collect();
        if chars.len() < 12 {
            continue;
        }
        // Swap two characters in the middle (a typing slip).
        let mut cs: Vec<char> = a.chars().collect();
        let mid = cs.len() / 2;
        let k = (mid..cs.len() - 1)
            .find(|&k| crate_han(cs[k]) && crate_han(cs[k + 1]) && cs[k] != cs[k + 1])
            .expect("two characters to swap");
        cs.swap(k, k + 1);
        let garbled: String = cs.into_iter().collect();
        lines.push((p.name.clone(), format!("深刻认识{garbled}。")));
    }
    let texts: Vec<String> = lines.iter().map(|(_, t)| t.clone()).collect();
    let found = formulation_findings(&texts);
    assert!(lines.len() >= 15, "{}", lines.len());
    for (i, (name, line)) in lines.iter().enumerate() {
        assert!(
            found
                .iter()
                // Or, inside a list the phrase holds (自信自强、守正创新…),
                // as that list's member garbled.
                .any(|(l, m)| *l == i + 1
                    && (m.contains("顺序颠倒") || m.contains("不是其中的内容"))),
            "{name}: not found in {line}"
        );
    }
}

/// Every list or name whose number is its own, quoted with another
/// number, is found with its name; quoted right, it stays quiet. Quoted
/// names whose other numbers are real (两个务必, 三大纪律, 安全生产“三个
/// 必须”, 八个明确) and the same words unquoted stay quiet.
#[test]
fn a_list_name_quoted_with_another_number_is_found() {
    let db = database();
    let mut names: Vec<String> = db
        .lists
        .iter()
        .filter(|l| l.number_fixed)
        .map(|l| l.name.clone())
        .collect();
    assert!(names.len() >= 15, "{}", names.len());
    names.extend(db.names.iter().map(|n| n.name.clone()));
    let mut lines = Vec::new();
    for name in &names {
        let rest = name.trim_start_matches(|c| "两三四五六七八九十一二".contains(c));
        let own = &name[..name.len() - rest.len()];
        let other = if own == "三" { "十五" } else { "三" };
        lines.push(format!("我对“{other}{rest}”的理解不深。"));
    }
    let found = formulation_findings(&lines);
    for (i, name) in names.iter().enumerate() {
        assert!(
            found.iter().any(|(line, m)| *line == i + 1
                && m.starts_with(&format!("“{name}”表述有误"))
                && m.contains("的数字有误")),
            "{}: {found:?}",
            lines[i]
        );
    }
    let mut quiet: Vec<String> = [
        "牢记“两个务必”，践行“三个务必”。",
        "遵守“三大纪律八项注意”的传统。",
        "班子对安全生产“三个必须”的要求落实不够。",
        "要实现三个全面覆盖，五个意识到位。",
    ]
    .map(String::from)
    .to_vec();
    for name in names
        .iter()
        .chain(db.names.iter().flat_map(|n| &n.also_real))
        // Right until a year: quiet in a report with no year.
        .chain(db.names.iter().flat_map(|n| n.real_until.keys()))
    {
        quiet.push(format!("我对“{name}”的理解不深。"));
    }
    let found = formulation_findings(&quiet);
    assert!(found.is_empty(), "{found:?}");
}

fn crate_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) && c != '的'
}

/// A garbled phrase that ends right where a list's finding starts (的 and
/// quotes between them are dropped in matching) touches it without
/// overlapping: both are found.
#[test]
fn a_garble_right_before_a_list_finding_is_found_too() {
    let found = formulation_findings(&[
        "坚持以人名为中心的发展思想的创新、协调、绿色、开放、共赢的新发展理念。".to_string(),
    ]);
    let messages: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("“以人名为中心的发展思想”有错字")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("“共赢”不是其中的内容")),
        "{messages:?}"
    );
}

/// A plenary session named after the congress (二十大三中全会) is found
/// with the session's right name; the right names, and the congress and a
/// session side by side, stay quiet.
#[test]
fn a_plenary_session_named_after_the_congress_is_found() {
    let found = formulation_findings(&[
        "学习党的二十大三中全会精神不够深入。".to_string(),
        "对十九大四中全会提出的要求理解不透。".to_string(),
    ]);
    assert_eq!(
        found,
        vec![
            (
                1,
                "“中央全会的名称”表述有误：“二十大三中全会”写法有误。规范表述为：二十届三中全会"
                    .to_string()
            ),
            (
                2,
                "“中央全会的名称”表述有误：“十九大四中全会”写法有误。规范表述为：十九届四中全会"
                    .to_string()
            ),
        ]
    );
    let quiet = [
        "学习党的二十届三中全会精神。",
        "学习党的二十大和二十届二中、三中全会精神。",
        "贯彻党的十九大和十九届四中全会精神。",
    ]
    .map(String::from);
    let found = formulation_findings(&quiet);
    assert!(found.is_empty(), "{found:?}");
}

/// A wrong-wording pattern in the user's config that is no regular
/// expression is refused with its place in the file.
#[test]
fn a_bad_pattern_in_the_config_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("critique-lint.yaml"),
        "rules:\n  formulation:\n    params:\n      patterns:\n        - {name: x, wrong: \"(\", right: y}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "学习党的二十大三中全会精神。\n").unwrap();
    let out = bin().current_dir(dir.path()).arg("a.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("critique-lint.yaml:5:") && stderr.contains("正则表达式 `(` 无效"),
        "{stderr}"
    );
}

/// Each report (file name, text, whether out of date for its year) gives
/// the formulation finding `message` alone, or nothing.
fn judged_by_year(cases: &[(String, String, bool)], message: &str) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, out_of_date) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        let (_, json) = check_json(&["--select", "formulation", file.to_str().unwrap()]);
        let messages: Vec<String> = pairs(&json, "message")
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        let expected: &[&str] = if *out_of_date { &[message] } else { &[] };
        assert_eq!(messages, expected, "{name}");
    }
}

/// A wording right only until a year (全面建成小康社会 in 四个全面) is
/// found in a report of a later year, read from its title block or date
/// line, and stays quiet in one of that year or before, or with no year.
#[test]
fn a_wording_out_of_date_for_the_reports_year_is_found() {
    let report = |head: &str| {
        format!(
            "{head}\n一、存在的问题\n1.对协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党战略布局的重要论述学习不够。\n二、原因剖析\n1.理想信念不够坚定。\n三、整改措施\n1.加强理论学习。\n"
        )
    };
    let cases = [
        (
            "title-2024.txt",
            "县财政局2024年度民主生活会对照检查材料",
            true,
        ),
        (
            "date-2022.txt",
            "县财政局民主生活会对照检查材料\n县财政局局长 张三\n2022年1月10日",
            true,
        ),
        (
            "second-line-2025.txt",
            "市发改委综合处党支部\n2025年度组织生活会个人对照检查材料",
            true,
        ),
        (
            "title-2020.txt",
            "县财政局2020年度民主生活会对照检查材料",
            false,
        ),
        (
            "title-2019.txt",
            "县财政局2019年度民主生活会对照检查材料",
            false,
        ),
        ("no-year.txt", "县财政局民主生活会对照检查材料", false),
    ]
    .map(|(name, head, out)| (name.to_string(), report(head), out));
    judged_by_year(
        &cases,
        "“四个全面”表述有误：“全面建成小康社会”是2020年及以前的提法，现为“全面建设社会主义现代化国家”。规范表述为：全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党",
    );
}

/// A numbered name right until a year (“八个明确”, 十个明确 since late 2021)
/// is found in a report of a later year and stays quiet before.
#[test]
fn a_name_out_of_date_for_the_reports_year_is_found() {
    let cases = [(2023, true), (2022, true), (2021, false), (2018, false)].map(|(year, out)| {
        (
            format!("r{year}.txt"),
            format!("县环保局{year}年度民主生活会对照检查材料\n一、存在的问题\n1.对“八个明确”的内在逻辑缺少系统思考。\n二、原因剖析\n1.理想信念不够坚定。\n三、整改措施\n1.加强理论学习。\n"),
            out,
        )
    });
    judged_by_year(
        &cases,
        "“十个明确”表述有误：“八个明确”是2021年及以前的提法，现为“十个明确”。规范表述为：十个明确",
    );
}

/// A phrase's wording right until a year (德智体美全面发展, before 劳 was
/// added in 2018) is found in a report of a later year and stays quiet in
/// one of that year or before, or with no year.
#[test]
fn a_phrase_out_of_date_for_the_reports_year_is_found() {
    let cases = [(Some(2023), true), (Some(2019), true), (Some(2018), false), (None, false)]
        .map(|(year, out)| {
            let head = year.map_or(String::new(), |y| format!("{y}年度"));
            (
                format!("r{year:?}.txt"),
                format!("县教育局{head}民主生活会对照检查材料\n一、存在的问题\n1.对培养德智体美全面发展的社会主义建设者和接班人的要求落实不够。\n二、原因剖析\n1.理想信念不够坚定。\n三、整改措施\n1.加强理论学习。\n"),
                out,
            )
        });
    judged_by_year(
        &cases,
        "“培养德智体美劳全面发展的社会主义建设者和接班人”表述有误：“德智体美全面发展”是2018年及以前的提法，现为“德智体美劳全面发展”。规范表述为：德智体美劳全面发展",
    );
}

/// A report without a year is of the year of the campaign its title names.
#[test]
fn a_report_is_of_the_year_of_the_campaign_its_title_names() {
    let body = "\n一、存在的问题\n1.对培养德智体美全面发展的社会主义建设者和接班人的要求落实不够。\n二、原因剖析\n1.理想信念不够坚定。\n三、整改措施\n1.加强理论学习。\n";
    let cases = [
        ("县教育局党组“不忘初心、牢记使命”专题民主生活会对照检查材料", true),
        ("党史学习教育专题组织生活会个人检视剖析材料\n（县第二实验中学党总支书记、校长  周立群）", true),
        ("县教育局党组民主生活会对照检查材料", false),
    ]
    .map(|(head, out)| (format!("{}.txt", head.chars().count()), format!("{head}{body}"), out));
    judged_by_year(
        &cases,
        "“培养德智体美劳全面发展的社会主义建设者和接班人”表述有误：“德智体美全面发展”是2018年及以前的提法，现为“德智体美劳全面发展”。规范表述为：德智体美劳全面发展",
    );
}

/// A stretch of a long list with one member replaced by words that look
/// like it is found, the member named; a stretch written right is quiet.
#[test]
fn a_stretch_of_a_long_list_with_a_member_replaced_is_found() {
    let found = formulation_findings(&[
        "入党时宣誓“拥护党的纲领，遵守党的章程，履行党员职责，执行党的决定”，但做得不够。"
            .to_string(),
        "入党时宣誓“拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定”，但做得不够。"
            .to_string(),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 1, "{found:?}");
    assert!(
        found[0]
            .1
            .contains("“履行党员职责”不是其中的内容，缺少“履行党员义务”"),
        "{found:?}"
    );
}

/// Two lists sharing members: an enumeration is judged as the list it
/// quotes. 人民至上 in a wrong 六个必须坚持 is not a wrong 人民至上、生命至上,
/// and 对党忠诚、纪律严明 in the firefighters' 训词 written right is not a
/// wrong 人民警察训词.
#[test]
fn an_enumeration_is_judged_as_the_list_it_quotes() {
    let found = formulation_findings(&[
        "对人民至上、自信自立、守正创新、目标导向、系统观念、胸怀天下的要求理解不深。".to_string(),
        "牢记训词：对党忠诚、纪律严明、赴汤蹈火、竭诚为民。".to_string(),
        "牢记训词：对党忠诚、服务人民、执法公正、纪律严明。".to_string(),
        "坚持人民至上、生命安全，统筹发展和安全。".to_string(),
    ]);
    let messages: Vec<String> = found.iter().map(|(l, m)| format!("{l}: {m}")).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].starts_with("1: “六个必须坚持”"), "{messages:?}");
    assert!(
        messages[1].starts_with("4: “人民至上、生命至上”"),
        "{messages:?}"
    );
}

/// A garble of a phrase that is also the end of a list's long member (以人
/// 民为中心的发展思想, 坚持以人民为中心的发展思想) is the phrase's.
#[test]
fn a_garble_is_named_after_the_phrase_before_a_lists_member() {
    let found = formulation_findings(&["始终坚持以人名为中心的发展思想。".to_string()]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].1.starts_with("“以人民为中心的发展思想”表述有误"),
        "{found:?}"
    );
}

/// A pair with one member and other words is judged only when the words
/// look like the missing member: 以史为鉴、资政育人 is a phrase of its own.
#[test]
fn a_pair_with_other_words_is_judged_only_when_they_look_alike() {
    let found = formulation_findings(&[
        "坚持以史为鉴、资政育人，用好红色资源。".to_string(),
        "做到不忘初心、牢记宗旨。".to_string(),
    ]);
    let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [2], "{found:?}");
}

/// An enumeration broken after a clause mark by a hard wrap is one
/// enumeration: its replaced member is found across the line end.
#[test]
fn an_enumeration_wrapped_after_a_clause_mark_is_judged_whole() {
    let found = formulation_findings(&[
        "对照理论学习有收获、思想政治受洗礼、干事创业敢担当、\n为民服务办实事、清正廉洁作表率的目标。".to_string(),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].1.contains("“为民服务办实事”不是其中的内容"),
        "{found:?}"
    );
}

/// A report that states no year of its own cannot be earlier than the
/// latest year its problems state as a fact: a wording out of date by then
/// is found. Target years (2035年) and deadlines (2024年底前) are no facts.
#[test]
fn a_report_without_a_year_is_no_earlier_than_the_facts_it_states() {
    let report = |problem: &str| {
        format!("县教育局党组民主生活会对照检查材料\n一、存在的问题\n1.对培养德智体美全面发展的社会主义建设者和接班人的要求落实不够。\n2.{problem}\n二、原因剖析\n1.理想信念不够坚定。\n三、整改措施\n1.2025年3月前完成全部整改。\n")
    };
    let cases = [
        ("fact-2023.txt", "2023年全县有5所学校未开齐劳动课。", true),
        ("fact-2018.txt", "2018年全县有5所学校未开齐劳动课。", false),
        (
            "target-2035.txt",
            "对2035年建成教育强国的目标研究不深。",
            false,
        ),
        (
            "deadline.txt",
            "2024年底前应完成的3所学校改造尚未开工。",
            false,
        ),
    ]
    .map(|(name, problem, out)| (name.to_string(), report(problem), out));
    judged_by_year(
        &cases,
        "“培养德智体美劳全面发展的社会主义建设者和接班人”表述有误：“德智体美全面发展”是2018年及以前的提法，现为“德智体美劳全面发展”。规范表述为：德智体美劳全面发展",
    );
}

/// The message of the one finding among `lines`, which must be on line `n`.
fn the_finding_on(lines: &[&str], n: usize) -> String {
    let found = formulation_findings(&lines.iter().map(|l| l.to_string()).collect::<Vec<_>>());
    let at: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
    assert_eq!(at, [n], "{found:?}");
    found[0].1.clone()
}

/// An out-of-date wording told as history beside the wording that replaced
/// it (主要矛盾已经从…转化为…) is quiet; used on its own, it is found.
#[test]
fn an_old_wording_told_beside_the_new_one_is_quiet() {
    let message = the_finding_on(
        &[
        "党的十九大指出，我国社会主要矛盾已经从人民日益增长的物质文化需要同落后的社会生产之间的矛盾转化为人民日益增长的美好生活需要和不平衡不充分的发展之间的矛盾，我理解不深。",
        "2023年谋划工作仍着眼于人民日益增长的物质文化需要同落后的社会生产之间的矛盾。",
        ],
        2,
    );
    assert!(message.contains("是2017年及以前的提法"), "{message}");
}

/// A phrase with its words reordered is a garble even when its first
/// character moved (青山绿水就是金山银山); a wording of its own with the end
/// moved (中央八项规定精神及其实施细则) is not.
#[test]
fn a_phrase_with_its_words_reordered_is_found() {
    let message = the_finding_on(
        &[
            "践行青山绿水就是金山银山的理念不够。",
            "严格遵守中央八项规定精神及其实施细则。",
        ],
        1,
    );
    assert!(
        message.starts_with("“绿水青山就是金山银山”表述有误"),
        "{message}"
    );
}

/// A phrase's first character written as another read alike (筑牢 for
/// 铸牢) is found; one that is not read alike (坚牢) is another wording.
#[test]
fn a_first_character_read_alike_is_a_garble() {
    let message = the_finding_on(
        &[
            "对筑牢中华民族共同体意识的认识不深。",
            "对坚牢中华民族共同体意识的认识不深。",
        ],
        1,
    );
    assert!(
        message.starts_with("“铸牢中华民族共同体意识”表述有误"),
        "{message}"
    );
}

/// In a long phrase of one clause, its last word replaced by one that keeps
/// a character of it (公平公正 for 公平正义) is found; a sentence going on
/// with other words is not.
#[test]
fn a_long_phrases_last_word_replaced_is_found() {
    let message = the_finding_on(
        &[
            "努力让人民群众在每一个司法案件中感受到公平公正。",
            "努力让人民群众在每一个司法案件中感受到法治温暖。",
        ],
        1,
    );
    assert!(message.contains("公平正义"), "{message}");
}

/// A complete list with another item added is wrong when the list's name
/// follows right after (…财经纪律这“六项纪律”); without the name the addition
/// is the author's own.
#[test]
fn an_addition_to_a_list_named_right_after_is_found() {
    let message = the_finding_on(
        &[
        "对照政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律、财经纪律这“六项纪律”，检查不够。",
        "严守政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律、财经纪律，检查不够。",
        ],
        1,
    );
    assert!(message.contains("“财经纪律”不是其中的内容"), "{message}");
}

/// A look-alike of a member is about as long as the members: in 能融就融
/// (for 宜融则融、能融尽融, whose members all end in 融) the member replaced
/// is 能融就融, not its first half 能融.
#[test]
fn a_look_alike_member_is_a_whole_word() {
    let message = the_finding_on(&["坚持宜融则融、能融就融。"], 1);
    assert!(
        message.contains("“能融就融”不是其中的内容，缺少“能融尽融”"),
        "{message}"
    );
}

/// A phrase's 是 made an apposition (高质量发展这个…的首要任务) is the
/// sentence rebuilt around the phrase, not the phrase misspelt; another
/// word there is.
#[test]
fn a_phrase_whose_copula_became_an_apposition_is_quiet() {
    the_finding_on(
        &[
            "对高质量发展这个全面建设社会主义现代化国家的首要任务研究不够。",
            "对高质量发展成全面建设社会主义现代化国家的首要任务研究不够。",
        ],
        2,
    );
}

/// A name out of date told as history beside the right one (“八个明确”在
/// 决议中发展为“十个明确”; 从“三个自信”到“四个自信”) is quiet.
#[test]
fn an_old_name_told_beside_the_right_one_is_quiet() {
    let cases = [
        ("told.txt", "党的十九大报告概括的“八个明确”，在十九届六中全会决议中发展为“十个明确”，我学得不深。", false),
        ("used.txt", "对“八个明确”的内在逻辑缺少系统思考。", true),
    ]
    .map(|(name, line, out)| {
        (
            name.to_string(),
            format!("县环保局2023年度民主生活会对照检查材料\n一、存在的问题\n1.{line}\n二、原因剖析\n1.理想信念不够坚定。\n三、整改措施\n1.加强理论学习。\n"),
            out,
        )
    });
    judged_by_year(
        &cases,
        "“十个明确”表述有误：“八个明确”是2021年及以前的提法，现为“十个明确”。规范表述为：十个明确",
    );
    let found = formulation_findings(&[
        "从党的十八大提出“三个自信”到2016年增加文化自信、形成“四个自信”，理解不深。".to_string(),
    ]);
    assert!(found.is_empty(), "{found:?}");
}

/// Plans and rules with years or wordings of their own: a year of one
/// plan written with a year of neither, 双随机 with another 一公X; the
/// published years and a later plan's quiet.
#[test]
fn a_plans_years_and_a_fixed_short_name_are_checked() {
    let found = formulation_findings(&[
        "对照《法治政府建设实施纲要（2020—2025年）》查找差距。".to_string(),
        "学习《法治社会建设实施纲要（2021—2025年）》。".to_string(),
        "落实“双随机、一公示”监管要求。".to_string(),
    ]);
    let texts: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(
        found.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [1, 2, 3],
        "{texts:?}"
    );
    assert!(texts[0].contains("“2020—2025”写法有误") && texts[0].contains("2021—2025年"));
    assert!(texts[1].contains("“2021—2025”写法有误"));
    assert!(texts[2].contains("“公示”写法有误。规范表述为：公开"));
    let quiet = [
        "对照《法治政府建设实施纲要（2015—2020年）》和《法治政府建设实施纲要（2021—2025年）》。",
        "学习《法治社会建设实施纲要（2020—2025年）》《法治中国建设规划（2020—2025年）》。",
        "将来的《法治政府建设实施纲要（2026—2030年）》不在此列。",
        "全面推行“双随机、一公开”监管。",
    ]
    .map(String::from);
    let found = formulation_findings(&quiet);
    assert!(found.is_empty(), "{found:?}");
}

/// 《支部工作条例》's wording of 三会一课 (定期召开…，按时上好党课) is
/// read as the list: a member replaced is found, the wording itself quiet.
#[test]
fn an_enumeration_opened_by_an_adverb_and_a_verb_is_judged() {
    let found = formulation_findings(&[
        "对照“三会一课”即定期召开支部党员大会、支部委员会会议、党员组织生活会，按时上好党课的要求。"
            .to_string(),
        "对照“三会一课”即定期召开支部党员大会、支部委员会会议、党小组会，按时上好党课的要求。"
            .to_string(),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 1);
    assert!(found[0].1.contains("缺少“党小组会”"), "{}", found[0].1);
}

/// The four standards of 找差距 (四个对照) are often written in part, to
/// say which of them the author compared himself against: quiet unless the
/// list is named or whole; 和 for 、 inside a member is its variant.
#[test]
fn the_four_comparisons_written_in_part_are_a_mention() {
    let found = formulation_findings(&[
        "我对照党章党规，对照人民群众新期待，对照先进典型和身边榜样，逐条检视。".to_string(),
        "对照习近平新时代中国特色社会主义思想和党中央决策部署，对照党章党规，对照人民群众新期待，对照先进典型和身边榜样。".to_string(),
        "坚持“四个对照”：对照党章党规，对照人民群众新期待，对照先进典型和身边榜样。".to_string(),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 3, "{found:?}");
    assert!(found[0].1.contains("缺少“对照习近平"), "{found:?}");
}
