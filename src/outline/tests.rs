use super::*;
use crate::source::Source;

fn keywords() -> SectionKeywords {
    serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap()
}

/// The outline of `text`, read through its view (wraps joined); the view
/// comes back as a source, so spans index its text.
pub(super) fn outline_of(text: &str) -> (Source, Outline) {
    let file = Source::new("t", text);
    let source = Source::new("t", crate::view::View::new(&file).text());
    let paras = paragraphs(
        &source.text,
        (0..source.line_count()).map(|l| source.line_range(l)),
    );
    let outline = parse(&source.text, &paras, &keywords());
    (source, outline)
}

/// Sections as (kind, number of items, number of children per item).
fn shape(o: &Outline) -> Vec<(SectionKind, Vec<usize>)> {
    o.sections
        .iter()
        .map(|s| (s.kind, s.items.iter().map(|i| i.children.len()).collect()))
        .collect()
}

/// A report's three parts, in order.
const THREE_PARTS: [SectionKind; 3] = [
    SectionKind::Problems,
    SectionKind::Causes,
    SectionKind::Measures,
];

/// The sections' kinds, in order.
fn kinds(o: &Outline) -> Vec<SectionKind> {
    o.sections.iter().map(|s| s.kind).collect()
}

pub(super) fn labels(text: &str, items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|i| text[i.label.clone()].to_string())
        .collect()
}

#[test]
fn seed_sample_parses_as_six_aspects_three_causes_four_measures() {
    let text = include_str!("../../corpus/references/seed-2023-template.txt");
    let (s, o) = outline_of(text);
    assert_eq!(
        &s.text[o.title.clone().unwrap()],
        "2023年度主题教育专题民主生活会个人剖析材料"
    );
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Problems, vec![2; 6]),
            (SectionKind::Causes, vec![0; 3]),
            (SectionKind::Measures, vec![0; 4]),
        ]
    );
    let p = &o.sections[0];
    assert_eq!(labels(text, &p.items)[0], "（一）在理论学习方面");
    assert_eq!(
        labels(text, &p.items[0].children),
        ["一是深刻把握内涵“有欠缺”", "二是理论指导实践“有差距”"]
    );
    assert_eq!(p.items[0].children[1].id, "p1.2");
    // An inline item's span runs to the end of its paragraph, not further.
    let item = &p.items[0].children[1];
    assert!(s.text[item.span.clone()].ends_with("成效不够明显。"));
    assert_eq!(o.sections[2].items[3].id, "m4");
}

#[test]
fn unnumbered_headings_and_arabic_items() {
    let text = "关于我的对照检查\n\n存在的主要问题\n1.学习方面。今年只学了3次。\n（1）细项一。\n（2）细项二。\n2.作风方面。\n问题产生的根源\n1.放松要求。\n今后的努力方向\n1.每月学习两次。\n2.年底前完成调研。\n";
    let (_, o) = outline_of(text);
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Problems, vec![2, 0]),
            (SectionKind::Causes, vec![0]),
            (SectionKind::Measures, vec![0, 0]),
        ]
    );
}

#[test]
fn part_headings_with_ordinal_items_crlf_and_fullwidth_indent() {
    let text = "第一部分 对照检查情况\r\n\u{3000}\u{3000}一、学习不够。\r\n\r\n\u{3000}\u{3000}二、作风不实。\r\n第二部分 原因剖析\r\n一、思想放松。\r\n第三部分 整改措施\r\n第一，加强学习。第二，改进作风。\r\n";
    let (s, o) = outline_of(text);
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Problems, vec![0, 0]),
            (SectionKind::Causes, vec![0]),
            (SectionKind::Measures, vec![0, 0]),
        ]
    );
    assert_eq!(
        labels(&s.text, &o.sections[2].items),
        ["第一，加强学习", "第二，改进作风"]
    );
    assert_eq!(labels(&s.text, &o.sections[0].items)[1], "二、作风不实");
}

/// A 发言提纲 whose parts are 第一，/第二，/第三， lines of their own, items
/// 一是/二是 under them; a 第一， item naming no part stays an item.
#[test]
fn ordinal_lines_naming_parts_are_the_parts() {
    for (problems, causes, measures) in [
        (
            "第一，关于存在的问题",
            "第二，关于问题产生的原因",
            "第三，关于整改措施",
        ),
        (
            "第一，查摆的主要问题",
            "第二，原因剖析",
            "第三，下一步努力方向",
        ),
        ("第一、存在问题", "第二、产生问题的根源", "第三、整改措施"),
    ] {
        let text = format!(
            "某某支部组织生活会发言提纲\n{problems}\n一是学习不够系统，全年缺席两次。\n二是作风不实，下基层少。\n{causes}\n一是理想信念有所松懈。\n{measures}\n第一，加强学习，每月两次。\n第二，改进作风，每季度下基层。\n"
        );
        let (s, o) = outline_of(&text);
        assert_eq!(
            shape(&o),
            vec![
                (SectionKind::Problems, vec![0, 0]),
                (SectionKind::Causes, vec![0]),
                (SectionKind::Measures, vec![0, 0]),
            ],
            "{problems} / {causes} / {measures}"
        );
        assert_eq!(
            labels(&s.text, &o.sections[2].items)[0],
            "第一，加强学习，每月两次"
        );
    }
}

/// A 发言提纲 whose points run on into its last parts (第四，原因剖析。主要
/// 是…): the points before are the problems, the numbers count on, and a
/// point that only mentions 整改 stays a point.
#[test]
fn ordinal_points_running_into_the_causes_and_measures() {
    for (causes, measures) in [
        (
            "第三，原因剖析。主要是党性修养有所放松。",
            "第四，整改打算。一是每月精读一篇。二是每季度下基层一次。",
        ),
        (
            "第三、产生问题的原因：宗旨意识淡化。",
            "第四、整改措施：一是每月精读一篇。二是每季度下基层一次。",
        ),
        (
            "第三，根源分析。理想信念松懈。",
            "第四，努力方向。一是每月精读一篇。二是每季度下基层一次。",
        ),
    ] {
        let text = format!(
            "某某支部组织生活会发言提纲\n党员 张某\n按照支部安排，我查摆了问题。\n第一，学习方面。学得不深，全年缺席两次。\n第二，工作方面。一是调研少。二是整改落实不到位。\n{causes}\n{measures}\n"
        );
        let (s, o) = outline_of(&text);
        // The cause told after the heading, unnumbered, is the part's one
        // item.
        assert_eq!(
            shape(&o),
            vec![
                (SectionKind::Problems, vec![0, 2]),
                (SectionKind::Causes, vec![0]),
                (SectionKind::Measures, vec![0, 0]),
            ],
            "{causes} / {measures}"
        );
        let groups: Vec<Vec<&str>> = o
            .sibling_groups()
            .iter()
            .map(|g| g.iter().map(|m| &s.text[m.span.clone()]).collect())
            .collect();
        assert_eq!(groups[0].len(), 4, "{groups:?}");
    }
    // 第二，整改落实不到位。 is a problem that says 整改, not the measures.
    let text = "发言提纲\n第一，学习不深。全年缺席两次。\n第二，整改落实不到位。去年的问题还有两项没改完。\n第三，作风不实。下基层少。\n";
    let (_, o) = outline_of(text);
    assert_eq!(shape(&o), vec![(SectionKind::Problems, vec![0, 0, 0])]);
}

#[test]
fn last_years_rectification_is_other_and_halfwidth_parens_nest() {
    let text = "标题\n一、上年度民主生活会整改落实情况\n已完成。\n二、存在的问题\n(一)在学习方面\n1、学得少。\n2、学得浅。\n(二)在作风方面\n1、下基层少。\n三、问题产生的原因\n(一)放松学习。\n四、整改措施\n(一)每周学习。\n";
    let (_, o) = outline_of(text);
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Other, vec![]),
            (SectionKind::Problems, vec![2, 1]),
            (SectionKind::Causes, vec![0]),
            (SectionKind::Measures, vec![0]),
        ]
    );
    assert_eq!(o.sections[1].items[1].children[0].id, "p2.1");
}

/// A case studied as a warning is a part of its own, not the writer's
/// causes, however its heading says 剖析.
#[test]
fn a_case_studied_as_a_warning_is_other() {
    for heading in [
        "一、典型案例剖析",
        "一、以案为鉴、以案促改",
        "一、反面案例分析",
    ] {
        let text = format!("标题\n{heading}\n第一，对风险认识不足。\n二、存在的问题\n1、学得少。\n三、原因剖析\n(1)放松学习。\n四、整改措施\n一是每周学习。\n");
        let (_, o) = outline_of(&text);
        let kinds = kinds(&o);
        assert_eq!(
            kinds,
            [
                SectionKind::Other,
                SectionKind::Problems,
                SectionKind::Causes,
                SectionKind::Measures
            ],
            "{heading}"
        );
    }
}

#[test]
fn paragraph_start_shi_items_continue_across_paragraphs() {
    let text = "一、存在问题\n（一）理论学习系统性不强。\n一是学习时间少。\n二是学用脱节。\n（二）作风不实。\n一是调研少。\n二、原因剖析\n一是放松了学习。\n三、整改措施\n一是每月学习。二是年底前调研。\n";
    let (_, o) = outline_of(text);
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Problems, vec![2, 1]),
            (SectionKind::Causes, vec![0]),
            (SectionKind::Measures, vec![0, 0]),
        ]
    );
}

#[test]
fn aspect_heading_with_problem_words_is_not_a_section() {
    let text = "一、查摆问题\n（一）在理论学习方面存在的问题\n一是少。\n（二）在作风方面存在的问题\n一是浮。\n二、原因剖析\n（一）放松。\n三、整改措施\n（一）学习。\n";
    let (_, o) = outline_of(text);
    assert_eq!(o.sections.len(), 3);
    assert_eq!(o.sections[0].items.len(), 2);
}

#[test]
fn hard_wrapped_lines_from_a_pdf_are_joined_into_paragraphs() {
    let text = "标题\n一、存在的问题\n（一）在理论学习方面。\n一是学习不系统。2024年局党组中心组集中学习十二\n次，我缺席三次，没有补学，也没有向党组书面说明原\n因。对“第一议题”学习的内容，我没有结合分管工作\n研究落实措施。二是学用脱节。\n二、原因剖析\n（一）放松学习。\n三、整改措施\n（一）每月学习两次，年底前完成补学。\n";
    let (s, o) = outline_of(text);
    let p = &o.sections[0].items[0].children;
    assert_eq!(
        p.len(),
        2,
        "{:?}",
        p.iter()
            .map(|i| &s.text[i.span.clone()])
            .collect::<Vec<_>>()
    );
    // The inline 二是 is found inside the joined paragraph.
    assert!(s.text[p[0].span.clone()].ends_with("研究落实措施。"));
    // A short unwrapped document is left alone.
    let (_, o) = outline_of(
        "标题\n一、存在的问题\n（一）学习少\n二、原因剖析\n（一）放松\n三、整改措施\n（一）学习\n",
    );
    assert_eq!(o.sections.len(), 3);
}

/// In a wrapped copy whose paragraphs start indented and whose wrapped
/// lines are flush, an indented line starts a paragraph even after a line
/// as wide as the wrap (an aspect heading filling the width, then 一是…);
/// where every line is indented, indentation says nothing and wraps join.
#[test]
fn an_indented_line_in_a_wrapped_copy_starts_a_paragraph() {
    let lines = [
        "关于某某的对照检查材料",
        "　　一、存在的问题",
        "　　(一)带头严守政治纪律和政治规矩方面存在的问题",
        "　　一是执行请示报告制度不够严格。去年有两次外出没有按规定",
        "报告，事后才补报，反映出规矩意识不强，需要认真加以改正和提",
        "高。",
        "　　(二)带头学习贯彻党的二十届三中全会精神、推动改革攻坚方面",
        "　　一是改革任务推进滞后。分局承担的排污许可“一证式”管理改",
        "革试点，原定10月底完成的企业证后核查，实际只完成了62家中的40",
        "家，影响了全市的总体进度，我作为主要负责人负有直接责任的。",
        "　　二、整改措施",
        "　　1.每月学习一次。",
    ];
    let (s, o) = outline_of(&(lines.join("\n") + "\n"));
    let aspects = &o.sections[0].items;
    assert_eq!(aspects.len(), 2);
    assert_eq!(
        &s.text[aspects[1].label.clone()],
        "(二)带头学习贯彻党的二十届三中全会精神、推动改革攻坚方面"
    );
    assert_eq!(aspects[1].children.len(), 1);
    assert!(s.text[aspects[1].children[0].span.clone()].ends_with("负有直接责任的。"));
    // Every line indented alike: the wrapped lines join as before.
    let all: Vec<String> = lines
        .iter()
        .map(|l| format!("　　{}", l.trim_start_matches('　')))
        .collect();
    let (s, o) = outline_of(&(all.join("\n") + "\n"));
    let first = &o.sections[0].items[0].children[0];
    assert!(
        s.text[first.span.clone()].ends_with("改正和提高。"),
        "{:?}",
        &s.text[first.span.clone()]
    );
}

/// The signature after the last measure belongs to no measure: its date is
/// no deadline.
#[test]
fn a_signature_after_the_last_measure_is_no_part_of_it() {
    let text = "一、存在的问题\n1.学习不够，2023年缺学3次。\n二、整改措施\n（一）加强班子自身建设。\n严格执行民主集中制，经常开展谈心谈话。\n\n中共青石镇委员会\n2021年12月28日\n";
    let (s, o) = outline_of(text);
    let item = &o.sections.last().unwrap().items[0];
    assert!(
        s.text[item.span.clone()].ends_with("谈心谈话。"),
        "{:?}",
        &s.text[item.span.clone()]
    );
}

#[test]
fn traditional_characters_in_headings() {
    let text = "對照檢查材料\n一、存在的問題\n（一）學習不夠。\n二、問題產生的原因\n（一）放鬆學習。\n三、整改措施\n（一）每月學習。\n";
    let (_, o) = outline_of(text);
    let kinds = kinds(&o);
    assert_eq!(kinds, THREE_PARTS);
}

#[test]
fn closing_words_belong_to_no_item() {
    let text = "标题\n一、存在的问题\n（一）学习少。\n二、原因剖析\n（一）放松。\n三、整改措施\n（一）加强学习。\n以上对照检查，恳请同志们批评指正。我将每季度报告一次整改情况。\n";
    let (s, o) = outline_of(text);
    let last = &o.sections[2];
    assert_eq!(&s.text[last.items[0].span.clone()], "（一）加强学习。");
    assert!(!s.text[last.span.clone()].contains("以上"));
}

#[test]
fn many_short_lines_take_linear_time() {
    // 40,000 heading lines, each with a sentence: choosing the heading
    // style once scanned every line per line.
    let mut text = String::from("对照检查材料\n");
    for i in 0..40_000 {
        text.push_str(["存在的问题\n", "整改措施\n"][i % 2]);
        text.push_str("学习不够深入。\n");
    }
    let start = std::time::Instant::now();
    let (_, o) = outline_of(&text);
    assert_eq!(o.sections.len(), 40_000);
    // 40,000 lines of about one width, ending mid-sentence: finding the
    // wrap width once compared every line with every other. They are one
    // wrapped paragraph.
    let mut text = String::from("一、存在的问题\n");
    for i in 0..40_000 {
        text.push_str(&"学习不够深入学用结合不够紧密作风不实"[..3 * (15 + i % 4)]);
        text.push('\n');
    }
    let (_, o) = outline_of(&text);
    assert_eq!(o.sections.len(), 1);
    // Quadratic, these took minutes; linear, well under a second each.
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn a_label_ends_at_a_clause_end_or_before_a_spaced_point() {
    let label = |s: &str| -> String { s[label_range(s, 0, s.len())].to_string() };
    assert_eq!(label("学习不够。今年只学了3次。"), "学习不够");
    assert_eq!(label("学习不够：今年"), "学习不够");
    assert_eq!(label("学习不够!今年"), "学习不够");
    assert_eq!(label("三、整改措施 一是每月学习"), "三、整改措施");
    // A space before words that are no point does not end it; trailing
    // spaces are dropped; a closing quote stays.
    assert_eq!(label("学习 不够"), "学习 不够");
    assert_eq!(label("学习“不够扎实”。"), "学习“不够扎实”");
    assert_eq!(label("学习不够  。"), "学习不够");
    assert_eq!(label("学习不够"), "学习不够");
    // From `start`: what is before it is not read.
    let s = "一、学习 二、作风";
    assert_eq!(&s[label_range(s, 0, s.len())], "一、学习");
    let start = "一、".len();
    assert_eq!(&s[label_range(s, start, s.len())], "学习");
}

/// What follows a part's heading on its line is the part's first
/// paragraph; the heading shown is the heading alone.
#[test]
fn the_text_after_a_heading_on_its_line_opens_the_part() {
    let text = "一、存在的问题：一是学习不够。二是作风不实。\n二、整改措施\n一是每月学习。\n";
    let (s, o) = outline_of(text);
    assert_eq!(&s.text[o.sections[0].heading.clone()], "一、存在的问题");
    assert_eq!(
        labels(&s.text, &o.sections[0].items),
        ["一是学习不够", "二是作风不实"]
    );
    assert_eq!(o.sections[0].items[0].id, "p1");
    assert!(!o.sections[0].implicit);
    // Section spans run from the heading to the part's last paragraph.
    assert!(s.text[o.sections[0].span.clone()].starts_with("一、存在的问题"));
    assert!(s.text[o.sections[0].span.clone()].ends_with("二是作风不实。"));
}

/// The title block is the title and the lines under it: `title` is the
/// first line, `title_end` the end of the block's last line.
#[test]
fn the_title_and_the_end_of_the_title_block() {
    let text = "对照检查材料\n县水利局局长 孙卫东\n一、存在的问题\n一是学习不够。\n";
    let (s, o) = outline_of(text);
    assert_eq!(&s.text[o.title.clone().unwrap()], "对照检查材料");
    assert_eq!(&s.text[..o.title_end], "对照检查材料\n县水利局局长 孙卫东");
    let (_, o) = outline_of("一、存在的问题\n一是学习不够。\n");
    assert_eq!((o.title, o.title_end), (None, 0));
}

/// Numbered points and no part headings: problems from the first point,
/// measures from the paragraph that announces them; both inferred.
#[test]
fn parts_are_inferred_without_headings() {
    let text =
        "同志们：\n1.学习不够深入。\n2.作风不够扎实。\n今后，我要加强学习。\n1.每月学习一次。\n";
    let (s, o) = outline_of(text);
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Problems, vec![0, 0]),
            (SectionKind::Measures, vec![0])
        ]
    );
    assert!(o
        .sections
        .iter()
        .all(|s| s.implicit && s.heading.is_empty()));
    assert_eq!(labels(&s.text, &o.sections[1].items), ["1.每月学习一次"]);
    assert_eq!(o.sections[1].items[0].id, "m1");
}

/// A 发言提纲 in prose: its points run inline (我存在以下不足：一是…),
/// its causes are a paragraph opening with 究其原因 and no list, its
/// measures open with 下一步. All three parts are inferred; the causes
/// paragraph is the causes part's one item. A paragraph that opens with 一是
/// under a measure cue is no problems part.
#[test]
fn a_prose_speech_outline_has_its_three_parts_inferred() {
    let text = "发言提纲\n按照支部安排，现将个人情况报告如下。\n对照党章党规，我存在以下不足：一是理论学习不系统，全年自学仅12次。二是走访群众少，今年只走访3户。\n究其原因，主要是理想信念有所松懈；宗旨意识有所淡化。\n下一步，我将做到：一是每月自学4次。二是每月走访2户。\n以上发言，请同志们批评指正。\n";
    let (s, o) = outline_of(text);
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Problems, vec![0, 0]),
            (SectionKind::Causes, vec![0]),
            (SectionKind::Measures, vec![0, 0])
        ]
    );
    assert!(o.sections.iter().all(|sec| sec.implicit));
    assert_eq!(
        labels(&s.text, &o.sections[0].items),
        [
            "一是理论学习不系统，全年自学仅12次",
            "二是走访群众少，今年只走访3户"
        ]
    );
    assert!(s.text[o.sections[1].items[0].span.clone()].starts_with("究其原因"));
    assert_eq!(
        labels(&s.text, &o.sections[2].items),
        ["一是每月自学4次", "二是每月走访2户"]
    );
    // Without the list of problems, no part is inferred from the measures'.
    let (_, o) = outline_of(
        "发言提纲\n我认真学习了党章。\n下一步，我将做到：一是每月自学4次。二是每月走访2户。\n",
    );
    assert!(o
        .sections
        .iter()
        .all(|sec| sec.kind != SectionKind::Problems));
}

/// Problems a paragraph each after a sentence announcing them (…存在的问题，
/// 主要有以下几个方面：) are inferred as the problems part, the sentence
/// being no item; a sentence so ending that is followed by the causes
/// announces no problems.
#[test]
fn problems_announced_by_a_sentence_are_inferred_a_paragraph_each() {
    let text = "发言提纲\n我对照党章查摆了自身存在的问题，主要有以下几个方面：\n在理论学习上，今年只自学两次。\n在服务群众上，5月份有一位老人没有接待好。\n产生这些问题的原因，主要是理想信念弱化。\n下一步，我将每周自学两小时。\n";
    let (s, o) = outline_of(text);
    assert_eq!(kinds(&o), THREE_PARTS);
    assert_eq!(
        labels(&s.text, &o.sections[0].items),
        [
            "在理论学习上，今年只自学两次",
            "在服务群众上，5月份有一位老人没有接待好"
        ]
    );
    let text = "发言提纲\n我对照党章党规，结合会前征求到的意见，认真查摆了自身存在的问题：\n究其原因，主要是理想信念弱化。\n";
    let (_, o) = outline_of(text);
    assert!(o.sections.is_empty(), "{:?}", kinds(&o));
}

/// Causes in prose end a headed problems part only where the report has
/// no causes part: a 究其原因 sentence closing the problems before a causes
/// heading is the problems' own text.
#[test]
fn causes_in_prose_close_the_problems_only_without_a_causes_part() {
    let no_causes = "一、存在的问题\n（一）学习不够深入。\n（二）作风不够扎实。\n究其原因，主要是理想信念松懈；二是要求放松。\n以上发言，请批评指正。\n";
    let (_, o) = outline_of(no_causes);
    assert_eq!(kinds(&o), [SectionKind::Problems, SectionKind::Causes]);
    assert!(o.sections[1].implicit);
    let headed = "一、存在的问题\n（一）学习不够深入。\n（二）作风不够扎实。\n究其原因，主要是理想信念松懈；二是要求放松。\n以上发言，请批评指正。\n二、原因剖析\n（一）思想放松。\n三、整改措施\n（一）每月学习。\n";
    let (_, o) = outline_of(headed);
    assert_eq!(kinds(&o), THREE_PARTS);
    assert!(!o.sections[1].implicit);
}

/// A cue paragraph at the end of a problems part opens a causes part
/// headed by it; a cue sentence inside a problem's paragraph opens one
/// with no heading.
#[test]
fn causes_after_the_problems_become_a_part_of_their_own() {
    let text = "一、存在的问题\n（一）学习不够深入。\n（二）作风不够扎实。\n究其原因，主要有以下几点：\n1.思想放松。\n2.要求不严。\n二、整改措施\n（一）每月学习。\n";
    let (s, o) = outline_of(text);
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Problems, vec![0, 0]),
            (SectionKind::Causes, vec![0, 0]),
            (SectionKind::Measures, vec![0])
        ]
    );
    assert_eq!(
        &s.text[o.sections[1].heading.clone()],
        "究其原因，主要有以下几点"
    );
    assert_eq!(o.sections[1].items[1].id, "c2");
    let inline = "一、存在的问题\n（一）学习不够深入。\n（二）作风不够扎实。究其原因：一是思想放松；二是要求不严。\n二、整改措施\n（一）每月学习。\n";
    let (_, o) = outline_of(inline);
    assert_eq!(o.sections[1].kind, SectionKind::Causes);
    assert!(o.sections[1].implicit);
    assert_eq!(o.sections[1].items.len(), 2);
}

/// A short paragraph naming the roots and ending by announcing a list,
/// after a sentence of its own, opens the causes too; a paragraph that
/// names no root, or runs on long, does not.
#[test]
fn a_paragraph_announcing_the_roots_opens_the_causes() {
    for lead in [
        "上述问题虽然表现在工作层面，但根子还在思想上。深刻反思，主要有以下几点：",
        "这些问题的产生，有客观因素，更有主观原因。具体如下：",
        "问题出在基层，根源在自身。认真反思，有以下三个方面：",
    ] {
        let text = format!("一、存在的问题\n（一）学习方面。一是学习不深。二是运用不够。\n（二）作风方面。一是调研不多。\n{lead}\n1.思想放松。\n2.要求不严。\n二、整改措施\n（一）每月学习。\n");
        let (_, o) = outline_of(&text);
        assert_eq!(
            shape(&o),
            vec![
                (SectionKind::Problems, vec![2, 1]),
                (SectionKind::Causes, vec![0, 0]),
                (SectionKind::Measures, vec![0])
            ],
            "{lead}"
        );
    }
    for lead in [
        "下面结合工作实际，谈几点体会：",
        &format!("根子在思想上。{}：", "反复".repeat(40)),
    ] {
        let text = format!("一、存在的问题\n（一）学习方面。一是学习不深。\n{lead}\n1.思想放松。\n二、整改措施\n（一）每月学习。\n");
        let (_, o) = outline_of(&text);
        assert!(
            !o.sections.iter().any(|s| s.kind == SectionKind::Causes),
            "{lead}"
        );
    }
}

/// A list announced that way may start over in the problems' own style
/// (1. after 1.) and still be the causes, marked as announced; a cause
/// sentence inside a problem with that problem's list going on after its
/// points is not (issue 11: it must not end the list).
#[test]
fn an_announced_list_starting_over_in_the_problems_style_is_the_causes() {
    for problems in [
        "1.学习不深，今年缺学3次。\n2.调研不多，全年去过2个村。\n",
        "（一）学习方面\n1.学习不深。\n2.运用不够。\n（二）作风方面\n1.调研不多。\n",
    ] {
        let text = format!("一、存在的问题\n{problems}上述问题虽然表现在工作上，但根子还在思想上。深刻反思，主要有以下几点：\n1.思想放松。\n2.要求不严。\n二、整改措施\n1.每月学习。\n");
        let (_, o) = outline_of(&text);
        assert_eq!(kinds(&o), THREE_PARTS, "{problems}");
        assert_eq!(o.sections[1].items.len(), 2, "{problems}");
        assert!(o.sections[1].announced && !o.sections[1].implicit);
        assert!(!o.sections[0].announced && !o.sections[2].announced);
    }
    let text = "一、存在的问题\n（一）学习不深。\n（二）作风不实。深刻反思，根子在思想上，主要有以下几点：\n1.思想放松。\n2.要求不严。\n（三）调研不多。\n二、整改措施\n1.每月学习。\n";
    let (_, o) = outline_of(text);
    assert_eq!(kinds(&o), [SectionKind::Problems, SectionKind::Measures]);
    assert_eq!(o.sections[0].items.len(), 3);
}

/// A top-level heading glued to its prose (a web copy that lost the line
/// break and any mark) is cut after the noun ending its name; a long first
/// phrase naming no part, or a heading of normal length, is left whole.
#[test]
fn a_heading_glued_to_its_prose_ends_where_its_name_does() {
    let text = "一、2023年度民主生活会整改落实情况上年度民主生活会查摆的4个方面9个问题，目前已完成整改8个。\n二、存在的问题\n1.学习不够系统，今年缺学3次。\n三、整改措施\n1.每月学习。\n";
    let (_, o) = outline_of(text);
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Other, vec![]),
            (SectionKind::Problems, vec![0]),
            (SectionKind::Measures, vec![0])
        ]
    );
    assert_eq!(
        &text[o.sections[0].heading.clone()],
        "一、2023年度民主生活会整改落实情况"
    );
    let glued = "一、对照检查发现的主要问题在政治理论学习方面我学得不深不透，满足于读文件。\n二、整改措施\n1.每月学习。\n";
    let (_, o) = outline_of(glued);
    assert_eq!(kinds(&o), [SectionKind::Problems, SectionKind::Measures]);
    assert_eq!(
        &glued[o.sections[0].heading.clone()],
        "一、对照检查发现的主要问题"
    );
    // A long first phrase whose nouns name no part, and a heading short
    // enough to be read whole, are not cut.
    for first in [
        "一、在学习贯彻党的二十届三中全会精神和省委全会精神的过程中我学得不深不透，满足于读文件。",
        "一、存在的问题在学习方面，满足于读文件。",
    ] {
        let text = format!("{first}\n二、整改措施\n1.每月学习。\n");
        let (_, o) = outline_of(&text);
        let heads: Vec<&str> = o
            .sections
            .iter()
            .map(|s| &text[s.heading.clone()])
            .collect();
        assert!(
            !heads.iter().any(|h| !h.is_empty()
                && first.starts_with(h)
                && first[h.len()..].starts_with(|c: char| c > '\u{4e00}')),
            "{first}: {heads:?}"
        );
    }
}

/// Inside the last problem's paragraph, a short sentence naming the roots
/// and a 一是 list starting over are the causes, inferred; a root named in
/// passing, with the problems' own list going on, is not.
#[test]
fn a_sentence_naming_the_roots_then_a_new_list_is_the_causes() {
    for roots in [
        "对照反思，问题虽然表现在工作上，根子还在思想上。",
        "这些问题的根源在于主观。",
        "分析起来，原因主要在自身。",
    ] {
        let text = format!("一、存在的问题\n（一）学习方面。一是学习不深。二是运用不够。{roots}一是理想信念松懈。二是宗旨意识淡化。\n二、整改措施\n（一）每月学习。\n");
        let (_, o) = outline_of(&text);
        let kinds = kinds(&o);
        assert_eq!(kinds, THREE_PARTS, "{roots}");
        assert_eq!(o.sections[1].items.len(), 2, "{roots}");
        assert!(o.sections[1].implicit);
    }
    let text = "一、存在的问题\n（一）学习方面。一是学习不深，根子在思想上。二是运用不够。三是调研不多。\n二、整改措施\n（一）每月学习。\n";
    let (_, o) = outline_of(text);
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Problems, vec![3]),
            (SectionKind::Measures, vec![0])
        ]
    );
}

/// Measures of a flattened copy that open with their deadline (2.12月底
/// 前…) are items, not a decimal inside the one before.
#[test]
fn an_inline_item_opening_with_a_date_is_an_item() {
    let text = "一、存在的问题\n1.学习不深。\n二、原因剖析\n1.思想放松。\n三、整改措施 1.每周学习一次。 2.12月底前完成整改。 3.2025年起每季度督查一次。\n";
    let (s, o) = outline_of(text);
    let m = o
        .sections
        .iter()
        .find(|x| x.kind == SectionKind::Measures)
        .unwrap();
    assert_eq!(
        labels(&s.text, &m.items),
        [
            "1.每周学习一次",
            "2.12月底前完成整改",
            "3.2025年起每季度督查一次"
        ]
    );
}

/// A part for causes and plans (三、原因剖析和今后打算) whose measures are
/// announced by a sentence ending in a colon: the measures are a part of
/// their own, headed by that sentence; with a measures part after it, or
/// with no list after the sentence, the causes part stays whole.
#[test]
fn measures_announced_inside_the_causes_become_a_part_of_their_own() {
    let text = "一、存在的问题\n1、学习不够深入。\n2、作风不够扎实。\n二、原因剖析和今后打算\n主要有两条：一是思想放松。二是要求不严。\n下一步，我打算从两个方面改：\n1、每月精读一本书。\n2、每周下基层一次。\n";
    let (s, o) = outline_of(text);
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Problems, vec![0, 0]),
            (SectionKind::Causes, vec![0, 0]),
            (SectionKind::Measures, vec![0, 0])
        ]
    );
    assert_eq!(
        &s.text[o.sections[2].heading.clone()],
        "下一步，我打算从两个方面改"
    );
    assert_eq!(o.sections[2].items[1].id, "m2");
    let inline = text.replace(
        "改：\n1、每月精读一本书。\n2、",
        "改：一是每月精读一本书；二是",
    );
    let (_, o) = outline_of(&inline);
    assert_eq!(o.sections[2].kind, SectionKind::Measures);
    assert_eq!(o.sections[2].items.len(), 2);
    // 下步 for 下一步, the items run on after the colon.
    let short = text.replace(
        "下一步，我打算从两个方面改：\n1、每月精读一本书。\n2、",
        "下步整改措施：一是每月精读一本书；二是",
    );
    let (s, o) = outline_of(&short);
    assert_eq!(o.sections[2].kind, SectionKind::Measures);
    assert_eq!(&s.text[o.sections[2].heading.clone()], "下步整改措施");
    assert_eq!(o.sections[2].items.len(), 2);
    // A measures part of its own later: the sentence is the causes'.
    let headed = format!("{text}三、整改措施\n1、每月学习。\n");
    let (s, o) = outline_of(&headed);
    let kinds = kinds(&o);
    assert_eq!(kinds, THREE_PARTS);
    assert_eq!(&s.text[o.sections[2].heading.clone()], "三、整改措施");
    // No list after the sentence: no part.
    let unlisted = text.replace(
        "改：\n1、每月精读一本书。\n2、每周下基层一次。",
        "改：每月精读一本书。",
    );
    let (_, o) = outline_of(&unlisted);
    assert_eq!(o.sections.len(), 2);
}

/// Markers that must count 1, 2, 3: the parts' markers, then each list of
/// siblings, split by style.
#[test]
fn sibling_groups_are_split_by_level_and_style() {
    let text = "一、存在的问题\n（一）学习方面。\n1.学得少。\n2.学得浅。\n（二）作风方面。\n1.调研少。\n二、整改措施\n1.每月学习。\n";
    let (s, o) = outline_of(text);
    let groups: Vec<Vec<&str>> = o
        .sibling_groups()
        .iter()
        .map(|g| g.iter().map(|m| &s.text[m.span.clone()]).collect())
        .collect();
    assert_eq!(
        groups,
        [
            vec!["一、", "二、"],
            vec!["（一）", "（二）"],
            vec!["1.", "2."],
            vec!["1."],
            vec!["1."]
        ]
    );
    // walk: depth first, each item before its children; leaves: the deepest.
    let walked: Vec<&str> = o.sections[0].items[0]
        .walk()
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(walked, ["p1", "p1.1", "p1.2"]);
    let leaves: Vec<&str> = o.sections[0]
        .leaves()
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(leaves, ["p1.1", "p1.2", "p2.1"]);
    assert!(o.sections[0].holds_problems());
    assert!(!o.sections[1].holds_problems());
}

/// Inline 二是 continues a sequence begun by 一是 (anywhere before in the
/// part), never starts one; the reasons listed inside a problem
/// (之所以如此：一是…) are not its items, in a problems part only.
#[test]
fn inline_points_continue_a_begun_sequence_and_reasons_are_no_items() {
    let text = "一、存在的问题\n（一）学习不够。一是学得少；二是学得浅。\n（二）作风不实。三是调研少。\n（三）纪律松弛。之所以如此：一是放松要求；二是监督缺位。\n二、整改措施\n（一）加强学习。二是改进方法。\n（二）改进作风。之所以如此：一是时间少；二是方法少。\n";
    let (s, o) = outline_of(text);
    assert_eq!(
        shape(&o),
        vec![
            (SectionKind::Problems, vec![2, 1, 0]),
            (SectionKind::Measures, vec![0, 2]),
        ]
    );
    assert_eq!(
        labels(&s.text, &o.sections[0].items[0].children),
        ["一是学得少", "二是学得浅"]
    );
}

/// An item runs to the next marker of its level or above, trailing space
/// trimmed; ids count on across parts of one kind.
#[test]
fn items_end_at_the_next_sibling_and_ids_count_across_parts() {
    let text = "一、存在的问题\n（一）学习方面。\n1.学得少。\n2.学得浅。\n（二）作风方面。\n1.调研少。  \n二、存在的不足\n（一）纪律方面。\n三、整改措施\n（一）每月学习。\n";
    let (s, o) = outline_of(text);
    let p = &o.sections[0];
    assert_eq!(
        &s.text[p.items[0].span.clone()],
        "（一）学习方面。\n1.学得少。\n2.学得浅。"
    );
    assert_eq!(&s.text[p.items[0].children[0].span.clone()], "1.学得少。");
    assert_eq!(
        &s.text[p.items[1].span.clone()],
        "（二）作风方面。\n1.调研少。"
    );
    let ids: Vec<&str> = o.sections[1].items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["p3"]);
    assert_eq!(o.sections[2].items[0].id, "m1");
}

/// Headings of the style that names the most different parts win: an
/// aspect numbered like a part (（一）…问题) under 一、 headings is no part.
#[test]
fn the_heading_style_naming_most_parts_wins() {
    let text = "一、存在的问题\n（一）学习方面的问题\n1.学得少。\n（二）原因方面\n二、原因剖析\n1.放松。\n三、整改措施\n1.学习。\n";
    let (_, o) = outline_of(text);
    let kinds = kinds(&o);
    assert_eq!(kinds, THREE_PARTS);
}

/// No heading names a part: two or more top-level numbered headings are
/// the parts, each a topic whose items are problems; one is not enough.
#[test]
fn numbered_headings_naming_no_part_are_topics() {
    let text = "一、遵守政治纪律情况\n1.学习不够。\n二、执行制度情况\n1.落实不够。\n";
    let (_, o) = outline_of(text);
    assert_eq!(o.sections.len(), 2);
    assert!(o
        .sections
        .iter()
        .all(|s| s.topic && s.kind == SectionKind::Other));
    assert!(o.sections.iter().all(|s| s.holds_problems()));
    assert_eq!(o.sections[1].items[0].id, "o2");
    let (_, o) = outline_of("一、遵守政治纪律情况\n1.学习不够。\n");
    assert!(o.sections.iter().all(|s| !s.topic));
}

/// A part telling what the campaign brought (学习教育的主要收获, 心得体会)
/// is no topic: its items are gains, not problems.
#[test]
fn a_part_of_gains_holds_no_problems() {
    let text = "第一部分　学习教育的主要收获\n一是深刻领悟了“两个确立”的决定性意义。\n第二部分　对照检查发现的问题\n一是学习的深度不够。\n第三部分　整改措施\n一是每月学习两次。\n";
    let (_, o) = outline_of(text);
    let kinds: Vec<(SectionKind, bool)> = o
        .sections
        .iter()
        .map(|s| (s.kind, s.holds_problems()))
        .collect();
    assert_eq!(
        kinds,
        [
            (SectionKind::Other, false),
            (SectionKind::Problems, true),
            (SectionKind::Measures, false)
        ]
    );
}

/// Unnumbered lines head a part only alone on their line, without a
/// comma, and not naming the genre; a long 清单 title is no part.
#[test]
fn unnumbered_headings_stand_alone_and_name_no_genre() {
    let parts = |text: &str| -> Vec<SectionKind> {
        let (_, o) = outline_of(text);
        o.sections
            .iter()
            .filter(|s| !s.implicit)
            .map(|s| s.kind)
            .collect()
    };
    // After a title line, which no heading can be.
    let body = "\n1.学习不够。\n整改措施\n1.每月学习。\n";
    let parts = |head: &str| parts(&format!("对照检查\n{head}"));
    assert_eq!(
        parts(&format!("存在的问题{body}")),
        [SectionKind::Problems, SectionKind::Measures]
    );
    assert_eq!(
        parts(&format!("存在的问题，如下{body}")),
        [SectionKind::Measures]
    );
    assert_eq!(
        parts(&format!("存在的问题材料{body}")),
        [SectionKind::Measures]
    );
    assert_eq!(
        parts(&format!("问题清单{body}")),
        [SectionKind::Problems, SectionKind::Measures]
    );
    assert_eq!(
        parts(&format!("2024年度专题民主生活会问题清单{body}")),
        [SectionKind::Measures]
    );
}
