use super::*;

#[test]
fn date_lines() {
    for yes in [
        "（2020年1月6日）",
        "2024年12月",
        "二〇二四年一月",
        "2024-01-06",
    ] {
        assert!(is_date_line(yes), "{yes}");
    }
    for no in [
        "一、存在的问题",
        "2024年度民主生活会对照检查材料",
        "学习不够",
    ] {
        assert!(!is_date_line(no), "{no}");
    }
}

#[test]
fn a_lead_clause_names_the_causes_within_forty_characters_and_one_sentence() {
    let cues = ["究其原因".to_string()];
    // 38 characters of lead, then the colon.
    let lead = format!("上述问题的产生原因{}", "有".repeat(29));
    assert_eq!(lead.chars().count(), 38);
    for (body, opens) in [
        ("究其原因，一是……".to_string(), true),
        (format!("{lead}：一是……"), true),
        (format!("{lead}有有：一是……"), true),
        (format!("{lead}有有有：一是……"), false),
        ("上述问题。产生原因有：一是……".to_string(), false),
        ("上述问题的产生有以下方面：一是……".to_string(), false),
        ("上述问题的产生原因有以下方面，一是……".to_string(), false),
    ] {
        assert_eq!(opens_with_cue(&body, &cues), opens, "{body}");
    }
}

/// The paragraphs of `lines`, one line each (no line here is split).
fn paras(lines: &[&str]) -> (String, Vec<Paragraph>) {
    let text = lines.join("\n");
    let mut ranges = Vec::new();
    let mut start = 0;
    for l in lines {
        ranges.push(start..start + l.len());
        start += l.len() + 1;
    }
    let ps = crate::outline::paragraphs(&text, ranges.into_iter());
    assert_eq!(ps.len(), lines.len(), "one paragraph a line: {lines:?}");
    (text, ps)
}

fn keywords() -> SectionKeywords {
    serde_yaml::from_str(include_str!("../../../rules/outline.yaml")).unwrap()
}

/// A heading's label has at most `max-heading-chars` (30) characters: a
/// numbered causes heading of 30 is a part, one of 31 is not unless it
/// stands alone on its line with no full stop.
#[test]
fn a_heading_label_has_at_most_max_heading_chars_characters() {
    let kw = keywords();
    assert_eq!(kw.max_heading_chars, 30);
    let found = |label: &str| -> Vec<(usize, SectionKind)> {
        let second = format!("二、{label}");
        let (text, ps) = paras(&["一、存在的问题", &second, "三、整改措施"]);
        heads(&text, &ps, &kw)
            .into_iter()
            .map(|h| (h.para, h.kind))
            .collect()
    };
    let thirty = "结合近年来工作实际深入查找思想根源和作风方面存在问题主要原因";
    assert_eq!(thirty.chars().count(), 30);
    assert_eq!(
        found(thirty),
        [
            (0, SectionKind::Problems),
            (1, SectionKind::Causes),
            (2, SectionKind::Measures)
        ]
    );
    let longer = "结合近年来工作实际深入查找思想根源和作风方面存在问题的主要原因";
    let two = [(0, SectionKind::Problems), (2, SectionKind::Measures)];
    // With a sentence after it on its line, a label of 31 is too long...
    assert_eq!(found(&format!("{longer}。逐条分析如下")), two);
    // ...alone on its line, a numbered heading may run to half as long
    // again (45), with no comma.
    assert_eq!(found(longer)[1], (1, SectionKind::Causes));
    let forty_five = format!("{thirty}并结合群众意见逐项深入剖析根源");
    assert_eq!(forty_five.chars().count(), 45);
    assert_eq!(found(&forty_five)[1], (1, SectionKind::Causes));
    assert_eq!(found(&format!("{forty_five}了")), two);
    // A long sentence is no heading, however alone on its line.
    assert_eq!(found(&format!("{longer}。")), two);
    assert_eq!(found(&longer.replace("工作实际", "工作实际，")), two);
}

/// A date line: 年 with 月 or at its end, or digits and separators
/// only; some digit; at most 16 characters once brackets are trimmed.
#[test]
fn a_date_line_has_a_year_and_a_digit_and_is_short() {
    for yes in [
        "2024年",
        "(2024-01-06)",
        "2024/01",
        "20240106",
        "2024.1.6",
        "2024年1月",
    ] {
        assert!(is_date_line(yes), "{yes}");
    }
    for no in ["2024年度", "年月", "——", "2024-01-06号", "十二月"] {
        assert!(!is_date_line(no), "{no}");
    }
    // 16 characters at most.
    let sixteen = format!("2024年12月{}", "日".repeat(8));
    assert_eq!(sixteen.chars().count(), 16);
    assert!(is_date_line(&sixteen));
    assert!(!is_date_line(&format!("{sixteen}日")));
}

/// The title block: a title, then short plain lines naming the genre,
/// a subtitle, an author or a date.
#[test]
fn the_title_block_is_the_title_and_the_short_lines_under_it() {
    let block = |lines: &[&str]| {
        let (text, ps) = paras(lines);
        title_block(&text, &ps)
    };
    let rest = ["一、存在的问题", "（一）学习不够。"];
    let with = |head: &[&str]| -> Vec<String> {
        head.iter()
            .chain(rest.iter())
            .map(|s| s.to_string())
            .collect()
    };
    let count = |head: &[&str]| {
        let lines = with(head);
        let refs: Vec<&str> = lines.iter().map(|s| s.as_str()).collect();
        block(&refs)
    };
    assert_eq!(block(&[]), 0);
    assert_eq!(
        count(&[
            "2024年度民主生活会",
            "个人对照检查材料",
            "——在专题会议上的发言",
            "县水利局局长 孙卫东",
            "2024年12月",
        ]),
        5
    );
    // A first line that is a sentence, a lead-in, numbered or long is
    // no title.
    assert_eq!(count(&["今年以来，我认真学习", "2024年12月"]), 0);
    assert_eq!(count(&["我的发言如下：", "2024年12月"]), 0);
    assert_eq!(count(&["我的发言如下:", "2024年12月"]), 0);
    assert_eq!(count(&["学习不够。", "2024年12月"]), 0);
    let sixty = "题".repeat(60);
    assert_eq!(count(&[&sixty, "2024年12月"]), 2);
    let sixty_one = "题".repeat(61);
    assert_eq!(count(&[&sixty_one, "2024年12月"]), 0);
    // Under the title: a line with no role, genre, dash or date ends the
    // block, and so does a sentence, a lead-in or a long line.
    assert_eq!(count(&["对照检查材料", "学习心得"]), 1);
    assert_eq!(count(&["对照检查材料", "个人材料。"]), 1);
    assert_eq!(count(&["对照检查材料", "个人材料："]), 1);
    assert_eq!(count(&["对照检查材料", "个人材料:"]), 1);
    let forty = format!("{}材料", "个".repeat(38));
    assert_eq!(count(&["对照检查材料", &forty]), 2);
    let forty_one = format!("{}材料", "个".repeat(39));
    assert_eq!(count(&["对照检查材料", &forty_one]), 1);
    // An author line is at most 30 characters.
    let author30 = format!("{}局长", "县".repeat(28));
    assert_eq!(count(&["对照检查材料", &author30]), 2);
    let author31 = format!("{}局长", "县".repeat(29));
    assert_eq!(count(&["对照检查材料", &author31]), 1);
    assert_eq!(count(&["对照检查材料", "－发言提纲"]), 2);
    assert_eq!(count(&["对照检查材料", "-在会上"]), 2);
}

#[test]
fn closing_words_pledges_and_site_residue_close_the_report() {
    let closing = |line: &str| {
        let (text, ps) = paras(&[line]);
        is_closing(&text, &ps[0])
    };
    assert!(closing("以上是我的对照检查，不妥之处请批评指正。"));
    assert!(closing("我的发言完了，恳请各位同志批评。"));
    assert!(closing("上一篇：学习心得"));
    assert!(closing(
        "【版权声明】本站部分文章来源于网络，如有侵权请联系删除。"
    ));
    assert!(closing("免责声明：本站文章仅供学习交流。"));
    assert!(closing("今后，我将加倍努力。"));
    assert!(closing(
        "本人决心以这次组织生活会为契机，认真抓好整改落实。"
    ));
    // Site words count only at the start; a numbered point never closes.
    assert!(!closing("学习上一篇文章不够。"));
    assert!(!closing("（一）以上问题要整改。"));
    assert!(!closing("学习不够。"));
    // A signature: the unit, the writer with a role, a bare name, a date;
    // a line with a sentence in it, or a long one, is no signature.
    for line in [
        "中共青石镇委员会",
        "中共桐江县水利局党组",
        "县水利局局长 孙卫东",
        "王建国",
        "2021年1月20日",
        "二〇二四年十二月",
    ] {
        assert!(closing(line), "{line}");
    }
    for line in [
        "到2025年6月底前完成整改，由办公室牵头",
        "每月到联系村调研一次",
        "严格执行民主集中制",
        "对2019年以来验收的项目开展复核的工作由局党组负责落实到每一个项目的每一个环节",
    ] {
        assert!(!closing(line), "{line}");
    }
}

/// Parts inferred: problems from the first numbered paragraph (一是 or
/// 第一 only when it is the first), measures from the first later
/// paragraph opening with a measure cue.
#[test]
fn inferred_parts_start_at_the_first_point_and_the_first_measure_cue() {
    let kw = keywords();
    let at = |lines: &[&str]| {
        let (text, ps) = paras(lines);
        implicit(&text, &ps, &kw)
    };
    assert_eq!(at(&["今年以来学习。", "没有编号。"]), None);
    assert_eq!(
        at(&[
            "对照检查如下。",
            "1.学习不够。",
            "2.作风不实。",
            "今后要加强学习。",
            "下一步整改。"
        ]),
        Some((1, Some(3)))
    );
    // The measure cue is looked for after the problems start only.
    assert_eq!(
        at(&["今后要说的。", "1.学习不够。", "2.作风不实。"]),
        Some((1, None))
    );
    // A numbered measure paragraph counts, its marker skipped.
    assert_eq!(
        at(&["1.学习不够。", "2.今后加强学习。"]),
        Some((0, Some(1)))
    );
    // 一是 and 第一 number points inside a paragraph: only the first
    // of them starts the problems.
    assert_eq!(at(&["二是学习不够。", "1.作风不实。"]), Some((1, None)));
    assert_eq!(at(&["一是学习不够。", "二是作风不实。"]), Some((0, None)));
    // A first problem cannot also be the first measure.
    assert_eq!(at(&["1.今后加强学习。"]), Some((0, None)));
}

#[test]
fn a_paragraph_is_split_where_a_cause_cue_opens_a_later_sentence() {
    let cues = ["究其原因".to_string()];
    let line = "（三）学习不够。究其原因在于：一是学习少；二是不够。";
    let (text, ps) = paras(&[line, "（四）作风不实。"]);
    let (out, inner) = split_at_cause_cues(&text, &ps, &cues);
    let spans: Vec<&str> = out.iter().map(|p| &text[p.span.clone()]).collect();
    assert_eq!(
        spans,
        [
            "（三）学习不够。",
            "究其原因在于：一是学习少；二是不够。",
            "（四）作风不实。"
        ]
    );
    assert_eq!(inner, [1]);
    assert!(out[0].marker.is_some() && out[1].marker.is_none());
    // No 一是 after the cue: no cut.
    let (text, ps) = paras(&["（三）学习不够。究其原因在于思想。"]);
    let (out, inner) = split_at_cause_cues(&text, &ps, &cues);
    assert_eq!(out.len(), 1);
    assert!(inner.is_empty());
    // The cue at the paragraph's start, running into the first cause: the
    // cue heads the causes, the first cause is numbered as the others.
    let (text, ps) = paras(&["究其原因在于：一是学习少；二是不够。"]);
    let (out, inner) = split_at_cause_cues(&text, &ps, &cues);
    let spans: Vec<&str> = out.iter().map(|p| &text[p.span.clone()]).collect();
    assert_eq!(spans, ["究其原因在于：", "一是学习少；二是不够。"]);
    assert!(inner.is_empty());
    assert!(out[0].marker.is_none() && out[1].marker.is_some());
}

/// An unnumbered cue paragraph opens the causes when numbered causes
/// follow (一是 inside or a numbered next paragraph) and no problem of
/// the styles used before comes after.
#[test]
fn a_cue_paragraph_opens_the_causes_only_with_causes_after_and_no_problems() {
    let cues = ["究其原因".to_string()];
    let opens = |lines: &[&str], q: usize| {
        let (text, ps) = paras(lines);
        opens_causes(
            &text,
            &ps,
            q,
            &PartStyles::new(&ps, 0, ps.len()),
            &cues,
            false,
        )
        .is_some()
    };
    let base = ["（一）学习不够。", "究其原因有以下几点。", "1.思想放松。"];
    assert!(opens(&base, 1));
    assert!(opens(&["（一）学习不够。", "究其原因，一是思想放松。"], 1));
    // No numbered causes after it.
    assert!(!opens(&["（一）学习不够。", "究其原因有以下几点。"], 1));
    assert!(!opens(
        &["（一）学习不够。", "究其原因有以下几点。", "思想放松。"],
        1
    ));
    // A problem numbered as before comes after: still the problems.
    assert!(!opens(
        &[
            "（一）学习不够。",
            "究其原因，一是思想放松。",
            "（二）作风不实。"
        ],
        1
    ));
    // 一是… after it are causes, whatever came before.
    assert!(opens(
        &["一是学习不够。", "究其原因有以下几点。", "一是思想放松。"],
        1
    ));
    // Not a cue, or numbered itself.
    assert!(!opens(
        &["（一）学习不够。", "原来如此。", "1.思想放松。"],
        1
    ));
    assert!(!opens(
        &["（一）学习不够。", "（二）究其原因。", "1.思想放松。"],
        1
    ));
}

#[test]
fn a_lead_clause_ends_at_either_colon() {
    let cues: [String; 0] = [];
    assert!(opens_with_cue("产生问题的原因有:一是", &cues));
    assert!(opens_with_cue("产生问题的根源有：一是", &cues));
    assert!(!opens_with_cue("产生问题的原因有一是", &cues));
}
