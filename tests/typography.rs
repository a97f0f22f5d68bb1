//! `punctuation`: pairs matched by order (reversed and crossed), and stray
//! spaces inside Chinese text, with the layouts that use spaces kept quiet.

mod common;

use common::*;
use serde_json::Value;

/// (message, text) of the punctuation findings of a report whose problems
/// part is `lines` (after a title, a byline and a date).
fn punctuation(lines: &[&str]) -> Vec<(String, String)> {
    let text = format!(
        "对 照 检 查 材 料\n县水利局党组书记、局长 周建华\n2024年12月\n一、存在的问题\n{}\n二、原因剖析\n（一）理论学习不够。\n三、整改措施\n（一）2025年6月底前完成整改。\n",
        lines.join("\n")
    );
    let (_dir, path) = temp_report("p.txt", &text);
    let (_, json) = check_json(&["--select", "punctuation", path.to_str().unwrap()]);
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d: &Value| {
            (
                d["message"].as_str().unwrap().to_string(),
                d["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn reversed_and_crossed_pairs_are_found_by_order() {
    let got = punctuation(&["（一）对”两个确立“的决定性意义领悟不深。"]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.contains("前后颠倒"), "{got:?}");
    assert_eq!(got[0].1, "”两个确立“");
    let got = punctuation(&["（一）对“两个确立」的决定性意义领悟不深。"]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.contains("不配对"), "{got:?}");
    assert_eq!(got[0].1, "“两个确立」");
    // Balanced, nested pairs are fine, in any number.
    assert!(
        punctuation(&["（一）学习《“两个确立”学习读本》（2022年版），“学”“用”脱节。"]).is_empty()
    );
}

#[test]
fn stray_spaces_inside_words_and_before_marks_are_found() {
    let got = punctuation(&[
        "（一）没有定 期开展谈心谈话，抓落实的劲头不足。",
        "（二）对下属的监督管理不到位 。",
        "（三）对医　患沟通中的问题跟进不及时。",
    ]);
    let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts, [" ", " ", "　"], "{got:?}");
    assert!(got[0].0.contains("中文词语中间多了空格"));
    assert!(got[1].0.contains("全角标点前多了空格"));
}

#[test]
fn spaces_that_are_layout_stay_quiet() {
    // Title, byline and date above are letter-spaced, a name after a title,
    // and a date; below: a heading with its first point on one line, two
    // spaces as a separator, a space inside a standard's name, and a space
    // between Chinese and Latin or digits.
    let got = punctuation(&[
        "（一）理论学习方面 一是学习不够系统，满足于读过看过。",
        "来源：网友投稿  发布时间：2022年1月12日，内容已删改。",
        "（二）对照《食品安全国家标准 食品添加剂使用标准》开展的检查只覆盖23家企业。",
        "（三）使用 Excel 表格统计台账 3 次，数据不全。",
    ]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn spaces_in_a_third_of_a_line_are_typos_and_more_are_layout() {
    // 12 Chinese characters after the marker and 4 single spaces inside
    // words: 4 × 3 = 12 is not more than 12, so all four are found.
    // (Four in one paragraph are one finding standing for the four.)
    let got = punctuation(&["（一）我们 要认 真学 习贯彻 落实好。"]);
    assert_eq!(
        got,
        [(
            "本段有 4 处标点问题：多余的空格 4 处".to_string(),
            " ".to_string()
        )]
    );
    // A fifth space tips it: the line is spaced out on purpose.
    let got = punctuation(&["（一）我们 要认 真学 习贯 彻 落实好。"]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn half_width_marks_between_chinese_are_fixed_to_their_full_width_forms() {
    // Each half-width mark of the rule's list (, ; : ( )) between Chinese
    // characters: the fix puts its full-width form in its place, and each
    // place's note names that form.
    let line = "（一）学习不够,工作不实;作风漂浮(走过场)的问题:依然突出。";
    let text = format!(
        "对 照 检 查 材 料\n县水利局党组书记、局长 周建华\n2024年12月\n一、存在的问题\n{line}\n二、原因剖析\n（一）理论学习不够。\n三、整改措施\n（一）2025年6月底前完成整改。\n"
    );
    let (_dir, path) = temp_report("p.txt", &text);
    let (_, json) = check_json(&["--select", "punctuation", path.to_str().unwrap()]);
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{json}");
    // The fix applied to the report (edits from the end, so offsets hold).
    let mut edits: Vec<(usize, usize, String)> = diags[0]["fix"]["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
                e["replacement"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(edits.len(), 5, "{json}");
    edits.sort();
    let mut fixed = text.clone();
    for (start, end, replacement) in edits.iter().rev() {
        fixed.replace_range(start..end, replacement);
    }
    assert_eq!(
        fixed,
        text.replace(
            line,
            "（一）学习不够，工作不实；作风漂浮（走过场）的问题：依然突出。"
        )
    );
    let notes: Vec<&str> = diags[0]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        notes,
        [
            "中文之间使用了半角标点“,”，应为全角“，”",
            "中文之间使用了半角标点“;”，应为全角“；”",
            "中文之间使用了半角标点“(”，应为全角“（”",
            "中文之间使用了半角标点“)”，应为全角“）”",
            "中文之间使用了半角标点“:”，应为全角“：”",
        ]
    );
}
