//! `placeholder`: every kind of template residue is found, and the real
//! uses of the same characters stay quiet.

mod common;

use common::*;

/// The placeholder findings of a report whose problems part is `lines`.
fn placeholders(lines: &[&str]) -> Vec<String> {
    let text = format!(
        "标题\n一、存在的问题\n{}\n二、原因剖析\n（一）理论学习不够。\n三、整改措施\n（一）2025年6月底前完成整改。\n",
        lines.join("\n")
    );
    let (_dir, path) = temp_report("p.txt", &text);
    rules_fired(&path, "placeholder")
}

#[test]
fn template_residue_of_every_kind_is_found() {
    let cases: &[(&str, &str)] = &[
        ("（一）在202X年度的考核中排名靠后。", "202X年度"),
        ("（一）我在20xx年民主生活会上的承诺没有兑现。", "20xx年"),
        ("（一）全年走访困难群众x人，次数偏少。", "x人"),
        ("（一）参加调研的干部只有X名。", "X名"),
        ("（一）X日的会议我没有参加。", "X日"),
        ("（一）对照材料****，没有结合实际。", "****"),
        ("**局的项目推进缓慢，我没有及时协调。", "**"),
        ("（一）在县,**局的协调会上我没有表态。", "**"),
        ("（一）对党的--大精神学习不够。", "--"),
        ("（一）在□□项目中没有严格把关。", "□□"),
        ("（一）对○○同志反映的问题没有跟进。", "○○"),
        ("（一）全年调研＿＿＿次。", "＿＿＿"),
        (
            "（一）比如[此处填写具体事例]，至今仍未解决。",
            "[此处填写具体事例]",
        ),
        ("（一）比如【 】，至今仍未解决。", "【 】"),
        ("（一）比如【……】，至今仍未解决。", "【……】"),
        // 某某 where a name or place should be; after a word, not a surname.
        ("（一）对某某同志反映的问题没有跟进。", "某某"),
        ("（一）关于某某镇的信访件没有按期办结。", "某某"),
        // Other letters templates count with, an open ordinal, question
        // marks for a figure, and a slot named in brackets.
        ("（一）全年走访困难群众N户，次数偏少。", "N户"),
        ("（一）参加调研的干部只有×名。", "×名"),
        ("（一）第X季度的学习计划没有完成。", "X季度"),
        ("（一）第XX条规定执行不严。", "XX"),
        ("（一）全年接待游客？？万人次，增幅偏低。", "？？"),
        ("（一）在[分管科室名称]调研不深入。", "[分管科室名称]"),
        ("（一）（时间）召开的会议我没有参加。", "（时间）"),
        ("（一）全年检查<检查户数>户，覆盖面不够。", "<检查户数>"),
        ("（一）驻【村名】工作队反映的问题没有及时协调。", "【村名】"),
        ("（一）共征求到意见建议□条。", "□"),
        ("（一）今年7月〇〇班组发生一起事故。", "〇〇"),
        ("（一）回应不及时。＊＊社区加装电梯一事至今未办。", "＊＊"),
        (
            "（一）按期应对率为（具体数据待核实），偏低。",
            "（具体数据待核实）",
        ),
        ("（一）调研不深入（请补充）。", "（请补充）"),
        (
            "（一）对分管领域的风险排查不到位（根据实际情况修改）。",
            "（根据实际情况修改）",
        ),
    ];
    for (line, want) in cases {
        let got = placeholders(&[line]);
        assert_eq!(got, [*want], "in {line}");
    }
}

#[test]
fn real_uses_of_the_same_characters_stay_quiet() {
    let quiet = [
        // A footnote mark after a sentence, and its note.
        "（一）全年处理信访件126件。*",
        "注：*为信访办统计数据。",
        // List bullets: * and a space at the start of a line.
        "* 每月召开一次支部委员会；",
        // A line of asterisks (or dashes) is a separator.
        "********",
        // Markdown bold copied from a web page: **标题**.
        "**一是学习不够深入**",
        // Years written with ○, model numbers, English words, dashes.
        "（一）二○○八年以来我一直分管这项工作。",
        "（一）XXL型号的设备采购把关不严，A2020X型设备闲置。",
        "（一）对新思想——这一最新成果学习不够。",
        "（一）2024年我在X光室蹲点调研了3次。",
        // Ordinary brackets with content.
        "（一）学习《条例》（2024年修订）不深入。",
        // A product, a multiplication, Latin words and quoted slots.
        "（一）医院X线机使用登记不规范。",
        "（一）按3×5名的编组开展巡查，力量不足。",
        "（一）NBA直播时间我也在加班，休息不够。",
        "（一）第十季度的说法不规范。",
        "（一）为什么？？这个问题值得深思。",
        "（一）学习《国家安全法》（全文）不深入。",
        // A footnote explained after a colon; years written with 〇.
        "注：*为局计划财务科提供的统计数字。",
        // The text names the mark it uses: 标*的, 带*号的.
        "上年度问题2项正在整改（标*的为持续整改事项）：1.*臭氧污染防治成效不明显的问题。",
        "（一）带*号的事项为年底前完成的事项。",
        "（一）二〇〇八年以来我一直分管这项工作。",
        // A name made anonymous in a case notice.
        "（一）对原局长吴某某违规审批一案的警示学习不深入。",
    ];
    let got = placeholders(&quiet);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn unless_line_is_matched_on_the_whole_line_of_the_match() {
    // A user's pattern rule: four asterisks are a placeholder, except on
    // a note line (`unless-line: ^注`). The anchor holds on every line of
    // the report, not only on its first.
    let dir = project(&[
        ("critique-lint.yaml", "extend-rules: [extra.yaml]\n"),
        ("extra.yaml", "- id: stars\n  kind: pattern\n  severity: warning\n  summary: s\n  message: \"{what}“{match}”\"\n  explanation: e\n  bad: b\n  good: g\n  params:\n    patterns:\n      - regex: '[*＊]{4,}'\n        unless-line: '^注'\n        what: 占位符\n"),
        ("r.txt", "标题\n一、存在的问题\n（一）对照材料****，没有结合实际。\n注：****为不公开的单位名称。\n二、原因剖析\n（一）理论学习不够。\n三、整改措施\n（一）2025年6月底前完成整改。\n"),
    ]);
    let out = bin()
        .current_dir(dir.path())
        .args(["--format", "json", "--select", "stars", "r.txt"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        located(&json),
        [("stars".to_string(), 3, 8, "****".to_string())],
        "{json}"
    );
}

/// A report that names its units 某市、某县 has been made anonymous (a
/// published copy): 某某 in its signature or text is a name withheld. The
/// same signature under a real unit's name is a blank left to fill.
#[test]
fn a_name_withheld_in_a_report_made_anonymous_is_no_blank() {
    let report = |unit: &str| {
        format!(
            "{unit}党组成员、副局长　某某某\n一、存在的问题\n（一）对某某同志反映的问题没有跟进。\n二、原因剖析\n（一）理论学习不够。\n三、整改措施\n（一）2025年6月底前完成整改。\n"
        )
    };
    for unit in [
        "某市统计局",
        "某县税务局",
        "某集团有限公司",
        "某派出所",
        "某局办公室",
        "某医院内科",
    ] {
        let (_dir, path) = temp_report("p.txt", &report(unit));
        let got = rules_fired(&path, "placeholder");
        assert!(got.is_empty(), "{unit}: {got:?}");
    }
    // 某某镇 is a blank (two 某), and 某些, 某项, 某种 are no unit.
    for unit in [
        "阳光社区",
        "县统计局",
        "某某镇政府",
        "某些单位",
        "某项工作",
        "某种程度上",
    ] {
        let (_dir, path) = temp_report("p.txt", &report(unit));
        let got = rules_fired(&path, "placeholder");
        assert!(got.len() >= 2, "{unit}: {got:?}");
    }
}
