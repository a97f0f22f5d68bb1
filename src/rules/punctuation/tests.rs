use super::*;
use crate::outline::SectionKind;
use crate::rules::testing::{meta, run, Seen};

/// The shipped instance's parameters, never grouped unless asked.
fn rule_with(group_from: usize, scope: &[SectionKind]) -> Box<dyn Rule> {
    let params: Params = serde_yaml::from_str(&format!(
        "{{half-width: ',;:()?!', pairs: ['“”', '（）', '《》', '「」'], doubled: '。，、', \
         stray-spaces: true, straight-quotes: true, group-from: {group_from}}}"
    ))
    .unwrap();
    build(meta("punctuation", scope), params).unwrap()
}

fn check(text: &str) -> Vec<Seen> {
    run(&*rule_with(0, &[]), text)
}

/// (text, message) of each finding.
fn found(text: &str) -> Vec<(String, String)> {
    check(text)
        .into_iter()
        .map(|s| (s.text, s.message))
        .collect()
}

#[test]
fn a_pair_of_pairs_must_be_two_characters() {
    let p =
        |pairs: &str| -> Params { serde_yaml::from_str(&format!("{{pairs: [{pairs}]}}")).unwrap() };
    assert!(build(meta("p", &[]), p("'“”'")).is_ok());
    assert!(build(meta("p", &[]), p("'“”」'")).is_err());
    assert!(build(meta("p", &[]), p("'“'")).is_err());
}

#[test]
fn each_half_width_mark_has_its_full_width_form() {
    let pairs = [
        (',', '，'),
        (';', '；'),
        (':', '：'),
        ('(', '（'),
        (')', '）'),
        ('?', '？'),
        ('!', '！'),
        ('.', '.'),
    ];
    for (half, full) in pairs {
        assert_eq!(full_width(half), full, "{half}");
    }
}

/// A run of one doubled mark is one finding, whatever its length, and
/// its fix leaves one mark; runs of different marks are separate.
#[test]
fn a_run_of_a_doubled_mark_is_one_finding_fixed_to_one_mark() {
    let got = check("我们学习。。。。工作，，认真。");
    let texts: Vec<&str> = got.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["。。。。", "，，"], "{got:?}");
    assert_eq!(got[0].message, "标点“。”重复");
    assert_eq!(got[0].fixed.as_deref(), Some("我们学习。工作，，认真。"));
    assert_eq!(
        got[1].fixed.as_deref(),
        Some("我们学习。。。。工作，认真。")
    );
    // Two runs of the same mark apart are two findings.
    let got = found("学习。。工作。。");
    assert_eq!(got.len(), 2, "{got:?}");
    // A single mark is fine.
    assert!(found("学习。工作，认真。").is_empty());
}

/// The numbering marker of a paragraph is not prose: a doubled mark in
/// it is not reported, the same marks after it are.
#[test]
fn the_leading_marker_is_not_checked() {
    // 一、 is the marker; the 、 after it is single.
    assert!(found("一、、学习不够。").is_empty());
    assert_eq!(found("学习、、不够。").len(), 1);
    let got = check("（一）学习。。不够。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].fixed.as_deref(), Some("（一）学习。不够。"));
}

#[test]
fn a_half_width_mark_is_found_only_between_chinese_characters() {
    let got = check("学习不够,工作不实。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, ",");
    assert_eq!(got[0].message, "中文之间使用了半角标点“,”，应为全角“，”");
    assert_eq!(got[0].fixed.as_deref(), Some("学习不够，工作不实。"));
    // Not after or before Latin text or digits.
    assert!(found("使用Excel,工作不实。").is_empty());
    assert!(found("学习不够,2024年。").is_empty());
    assert!(found("学习?工作!认真。").len() == 2);
    assert_eq!(
        check("学习?工作。")[0].fixed.as_deref(),
        Some("学习？工作。")
    );
}

/// One space after a comma is allowed between the words, and the fix
/// takes it with the mark; two spaces end the sentence's prose.
#[test]
fn one_space_after_a_half_width_mark_goes_with_its_fix() {
    let got = check("学习不够, 工作不实。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].fixed.as_deref(), Some("学习不够，工作不实。"));
    assert!(found("学习不够,  工作不实。").iter().all(|(t, _)| t != ","));
}

/// A half-width ( needs Chinese after it, a ) Chinese before it; a
/// bracket is fixed with its partner, and one without a partner has no
/// fix.
#[test]
fn brackets_are_judged_by_their_inner_side_and_fixed_in_pairs() {
    // Both inside Chinese: each fixed on its own, no double edit.
    let got = check("作风漂浮(走过场)的问题。");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].fixed.as_deref(), Some("作风漂浮（走过场)的问题。"));
    assert_eq!(got[1].fixed.as_deref(), Some("作风漂浮(走过场）的问题。"));
    // ( before Chinese, its ) after a digit: the ( is found, and its fix
    // takes the partner along.
    let got = check("问题ABC(台账2)。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "(");
    assert_eq!(got[0].fixed.as_deref(), Some("问题ABC（台账2）。"));
    // ) after Chinese, its ( after Latin: the ) is found with its partner.
    let got = check("见附件(A台账)。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, ")");
    assert_eq!(got[0].fixed.as_deref(), Some("见附件（A台账）。"));
    // A ( with no partner: found, no fix.
    let got = check("见附件(台账。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].fixed, None);
    // A ) keeps the space after it.
    let got = check("A(2台账) 工作。");
    assert_eq!(got[0].text, ")");
    assert_eq!(got[0].fixed.as_deref(), Some("A（2台账） 工作。"));
}

#[test]
fn partners_are_matched_by_nesting() {
    let m = |s: &str| -> Vec<(usize, char)> { s.char_indices().collect() };
    assert_eq!(
        paren_partners(&m("(()x)")),
        [Some(4), Some(2), Some(1), None, Some(0)]
    );
    assert_eq!(paren_partners(&m(")(")), [None, None]);
    assert_eq!(paren_partners(&m("")), Vec::<Option<usize>>::new());
}

#[test]
fn nested_pairs_balance_and_crossed_ones_are_one_finding() {
    assert!(found("学习《“两个确立”读本》（2022年版）。").is_empty());
    assert_eq!(
        found("对“两个确立」的意义。"),
        [(
            "“两个确立」".to_string(),
            "“ 与 」 不配对：“ 应以 ” 结束".to_string()
        )]
    );
    let got = found("对“两个（确立”）的意义。");
    assert_eq!(
        got,
        [
            (
                "（确立”".to_string(),
                "（ 与 ” 不配对：（ 应以 ） 结束".to_string()
            ),
            (
                "）".to_string(),
                "不配对的 ） ：前面缺少与之对应的 （".to_string()
            ),
        ]
    );
    // A close mark of another pair than the open one on top, with no
    // open mark of its own below: only the top one is dropped.
    let got = found("对“两个（确立”的意义。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "（确立”");
    let got = found("对《两个「确立》的意义」。");
    assert_eq!(got[0].0, "「确立》", "{got:?}");
}

#[test]
fn a_pair_closed_before_it_is_opened_is_reversed_and_swapped_by_the_fix() {
    let got = check("对”两个确立“的意义。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "”两个确立“");
    assert_eq!(got[0].message, "” 和 “ 前后颠倒：应为 “…”");
    assert_eq!(got[0].fixed.as_deref(), Some("对“两个确立”的意义。"));
    // The open mark paired with the stray close is one of its own kind,
    // not any open mark left after it.
    let got = found("学习”和《纲要“两个确立。");
    assert_eq!(
        got,
        [
            (
                "”和《纲要“".to_string(),
                "” 和 “ 前后颠倒：应为 “…”".to_string()
            ),
            (
                "《".to_string(),
                "不配对的 《 ：后面缺少与之对应的 》".to_string()
            ),
        ]
    );
    // A close mark with no open one anywhere, and an open one never
    // closed.
    assert_eq!(
        found("学习”两个确立。"),
        [(
            "”".to_string(),
            "不配对的 ” ：前面缺少与之对应的 “".to_string()
        )]
    );
    assert_eq!(
        found("学习“两个确立。"),
        [(
            "“".to_string(),
            "不配对的 “ ：后面缺少与之对应的 ”".to_string()
        )]
    );
}

#[test]
fn straight_quotes_are_paired_in_order_and_only_around_chinese() {
    let got = check("对\"ABC\"和\"四个意识\"认识不足。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "\"四个意识\"");
    assert_eq!(
        got[0].fixed.as_deref(),
        Some("对\"ABC\"和“四个意识”认识不足。")
    );
    // An odd number: no certain pairing, nothing reported.
    assert!(found("对\"四个意识\"认识\"不足。").is_empty());
}

/// Spaces: one inside a Chinese word, or before a closing mark.
#[test]
fn a_stray_space_is_found_and_removed_by_the_fix() {
    let got = check("我们没有定 期开展谈心谈话和批评与自我批评。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].message, "中文词语中间多了空格");
    assert_eq!(
        got[0].fixed.as_deref(),
        Some("我们没有定期开展谈心谈话和批评与自我批评。")
    );
    let got = check("对下属的监督管理和教育提醒不到位　。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].message, "全角标点前多了空格");
    assert_eq!(got[0].text, "　");
    assert_eq!(
        got[0].fixed.as_deref(),
        Some("对下属的监督管理和教育提醒不到位。")
    );
    // Two spaces are a separator; a space before a numbered point, or
    // after a space, is layout.
    assert!(found("我们没有定  期开展谈心谈话和批评与自我批评。").is_empty());
    assert!(found("理论学习方面的问题 一是学习不够系统深入。").is_empty());
}

/// A web copy runs a heading, a subtitle or a byline into the text after
/// it with one space: layout, not a space inside a word. The same space
/// inside the sentence after them still is.
#[test]
fn a_heading_subtitle_or_byline_run_into_the_text_keeps_its_space() {
    let heading = "一、存在的问题\n1.学习不够深入。\n二、原因分析 对照查摆出的问题，我深刻反思，主要有以下原因：一是理想信念有所动摇。\n三、整改措施\n1.加强学习。\n";
    assert!(found(heading).is_empty(), "{:?}", found(heading));
    let typo = heading.replace("我深刻反思", "我深刻 反思");
    assert_eq!(
        found(&typo),
        [(" ".to_string(), "中文词语中间多了空格".to_string())]
    );
    let subtitle = "社区党支部书记组织生活会发言提纲 ——个人对照检查 按照街道党工委的通知要求，我认真查找了自身差距。";
    assert!(found(subtitle).is_empty(), "{:?}", found(subtitle));
    let byline = "社区党支部委员 陈丽 按照滨江街道党工委的通知要求，我认真查找了自身差距。";
    assert!(found(byline).is_empty(), "{:?}", found(byline));
    assert_eq!(
        found("按照街道党工委的通知要求，我认真查找了自身差距，宗旨 意识不够强。").len(),
        1
    );
}

/// A short line without a sentence end is a heading or a byline; from
/// 40 characters on, or with a sentence end, it is prose.
#[test]
fn stray_spaces_are_looked_for_in_sentences_and_long_lines_only() {
    // 39 characters, no sentence end: a heading.
    let line39 = format!("我们没有定 期开展{}", "谈".repeat(30));
    assert_eq!(line39.chars().count(), 39);
    assert!(found(&line39).is_empty());
    let line40 = format!("{line39}话");
    assert_eq!(found(&line40).len(), 1, "40 characters are prose");
    for end in ['。', '；', '！', '？'] {
        let short = format!("我们没有定 期开展谈心谈话活动{end}");
        assert_eq!(found(&short).len(), 1, "{short}");
    }
    assert!(found("我们没有定 期开展谈心谈话活动，").is_empty());
}

/// A web page's furniture line spaces its fields: layout; one of its
/// words in a sentence changes nothing.
#[test]
fn a_web_page_furniture_line_has_no_stray_spaces() {
    for line in [
        "发布时间：2024-01-05  来源：县纪委  【字体：大 中 小】  浏览次数：120",
        "【字体：大 中 小】",
        "作者：县委办 发布日期：2023年12月 点击数：56 打印本页 关闭窗口",
    ] {
        assert!(found(line).is_empty(), "{line}");
    }
    assert_eq!(
        found("根据来源：县纪委的通报，我们没有定 期开展谈心谈话。").len(),
        1
    );
    // A one-line body that ends in the furniture is checked.
    let body = format!("我们没有定 期开展谈心谈话。{}", "学习".repeat(50));
    let line = format!("{body} 发布时间：2023-12-18 来源：网络整理");
    assert_eq!(found(&line).len(), 2, "{line}");
}

/// Fewer than 12 Chinese characters, or spaces inside words in more
/// than a third of them: layout, not typos. Spaces before marks are
/// reported either way.
#[test]
fn spaced_out_or_short_lines_keep_only_spaces_before_marks() {
    // 12 Chinese characters, one space: found.
    assert_eq!(found("我们要认 真学习贯彻落实好。").len(), 1);
    // 11: too short to tell.
    assert!(found("我们要认 真学习贯彻落实。").is_empty());
    assert_eq!(
        found("我们要认真学习贯彻落 。"),
        [(" ".to_string(), "全角标点前多了空格".to_string())]
    );
    // 4 spaces in 12 characters: a third, still typos.
    assert_eq!(found("我们 要认 真学 习贯彻 落实好。").len(), 4);
    // 5 in 13: more than a third, layout; the space before 。 stays.
    assert_eq!(
        found("我们 要认 真学 习贯 彻落 实好 。"),
        [(" ".to_string(), "全角标点前多了空格".to_string())]
    );
}

#[test]
fn a_space_inside_a_book_title_is_quoted_as_it_is() {
    assert!(found("对照《食品安全国家标准 食品添加剂使用标准》检查企业。").is_empty());
    // After the title is closed, the same space is a typo.
    assert_eq!(
        found("对照《食品安全国家标准》食品添 加剂使用标准检查企业。").len(),
        1
    );
}

/// From `group-from` findings on, a paragraph's findings are one, with
/// a label and the fix of each place and a count of each kind.
#[test]
fn many_findings_in_a_paragraph_are_grouped_with_a_label_each() {
    let rule = rule_with(3, &[]);
    let two = run(&*rule, "学习不够,工作不实。。");
    assert_eq!(two.len(), 2, "below group-from: {two:?}");
    let three = run(&*rule, "学习不够,工作不实,作风漂浮。。");
    assert_eq!(three.len(), 1, "{three:?}");
    let g = &three[0];
    assert_eq!(
        g.message,
        "本段有 3 处标点问题：半角标点 2 处、重复标点 1 处"
    );
    assert_eq!(g.places, 3);
    assert_eq!(g.text, ",");
    assert_eq!(
        g.labels.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        [",", ",", "。。"]
    );
    assert_eq!(g.fixed.as_deref(), Some("学习不够，工作不实，作风漂浮。"));
}

/// A rule scoped to a part checks that part's paragraphs only.
#[test]
fn a_scoped_rule_checks_only_its_part() {
    let text = "一、存在的问题\n（一）学习。。不够。\n二、整改措施\n（一）落实。。整改。\n";
    let rule = rule_with(0, &[SectionKind::Measures]);
    let got = run(&*rule, text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].fixed.as_deref(),
        Some(&*text.replace("落实。。", "落实。"))
    );
}

/// In a numbered heading, too short to be prose, one space that cuts a
/// dictionary word in two is a typo; a space between words, a byline's or
/// an unnumbered line's is layout.
#[test]
fn a_space_cutting_a_word_in_a_numbered_heading_is_found() {
    assert_eq!(
        found("（四）廉 洁自律方面"),
        [(" ".to_string(), "中文词语中间多了空格".to_string())]
    );
    assert!(found("（四）廉洁 自律方面").is_empty(), "洁自 is no word");
    assert!(found("廉 洁自律方面").is_empty(), "not numbered");
    assert!(
        found("（四）廉 洁自 律方面").is_empty(),
        "two spaces: letter-spacing"
    );
}

/// A full-width space before a name run into the opening by a web copy
/// (站长　韦国强　　按照…) is the byline's, not a typo; a full-width space
/// inside a word of a sentence is.
#[test]
fn a_byline_run_into_the_text_keeps_its_space() {
    assert!(
        found("镇乡村振兴工作站站长　韦国强　　按照镇党委的安排，我认真查摆了问题。").is_empty()
    );
    assert_eq!(
        found("我们没有定　期开展谈心谈话活动，学习不够深入。"),
        [("　".to_string(), "中文词语中间多了空格".to_string())]
    );
}
