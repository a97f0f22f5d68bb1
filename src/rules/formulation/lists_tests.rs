use super::*;
use crate::rules::formulation::normal::normalize;

fn list(name: &str, members: &[&str]) -> List {
    let members: Vec<String> = members.iter().map(|m| m.to_string()).collect();
    let mut forms: Vec<(String, usize)> = members
        .iter()
        .enumerate()
        .map(|(k, m)| (normalize(m), k))
        .collect();
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    List {
        name: name.into(),
        names: vec![normalize(name)],
        suffix: common_suffix(&members),
        canonical: members.join("、"),
        members,
        forms,
        keys: Vec::new(),
        ordered: true,
        named_only: false,
        longest: 8,
        dated: Vec::new(),
        misnumbered: Vec::new(),
    }
}

fn run(l: &List, text: &str) -> Vec<String> {
    let n = Normal::new(text, 0..text.len());
    let starts = l
        .forms
        .iter()
        .flat_map(|(f, _)| n.text.match_indices(f.as_str()).map(|(i, _)| i))
        .collect();
    l.check_enumerations(&n, starts, None, &mut Vec::new())
        .into_iter()
        .map(|(_, d)| d)
        .collect()
}

/// The first eight members of 入党誓词.
fn oath() -> List {
    list(
        "入党誓词",
        &[
            "拥护党的纲领",
            "遵守党的章程",
            "履行党员义务",
            "执行党的决定",
            "严守党的纪律",
            "保守党的秘密",
            "对党忠诚",
            "积极工作",
        ],
    )
}

fn four() -> List {
    list(
        "四个意识",
        &["政治意识", "大局意识", "核心意识", "看齐意识"],
    )
}

#[test]
fn wrong_and_missing_members_and_order() {
    let l = four();
    assert_eq!(
        run(&l, "增强政治意识、大局意识、核心意识、服务意识"),
        vec!["“服务意识”不是其中的内容，缺少“看齐意识”"]
    );
    assert_eq!(
        run(&l, "树牢“四个意识”：政治意识、大局意识和看齐意识"),
        vec!["缺少“核心意识”"]
    );
    assert_eq!(
        run(&l, "政治意识、核心意识、大局意识、看齐意识"),
        vec!["顺序不对"]
    );
}

#[test]
fn de_between_members_is_read_through_and_a_wrong_member_with_de_is_seen() {
    let l = list(
        "四种危险",
        &[
            "精神懈怠危险",
            "能力不足危险",
            "脱离群众危险",
            "消极腐败危险",
        ],
    );
    assert!(run(
        &l,
        "防止精神懈怠的危险、能力不足的危险、脱离群众的危险、消极腐败的危险"
    )
    .is_empty());
    assert_eq!(
        run(
            &l,
            "防止精神懈怠的危险、能力不足的危险、脱离群众的危险、作风不实的危险"
        ),
        vec!["“作风不实危险”不是其中的内容，缺少“消极腐败危险”"]
    );
}

#[test]
fn partial_mentions_subsets_and_additions_are_fine() {
    let l = four();
    for ok in [
        "增强“政治意识、大局意识、核心意识、看齐意识”",
        "增强大局意识和服务意识",
        "增强政治意识、大局意识",
        "增强政治意识、大局意识、核心意识、看齐意识和责任意识",
        "增强“四个意识”和责任意识",
        "增强“四个意识”，特别是政治意识、大局意识",
        "增强政治意识、大局意识、核心意识等",
    ] {
        assert!(run(&l, ok).is_empty(), "{ok}: {:?}", run(&l, ok));
    }
    // Named right before, the enumeration is the list as the author
    // gives it: a member added is wrong.
    assert_eq!(
        run(
            &l,
            "“四个意识”即政治意识、大局意识、核心意识、看齐意识和责任意识"
        ),
        vec!["“责任意识”不是其中的内容"]
    );
}

/// In a long named list, a pair of neighbours replaced (two halves
/// with their verbs swapped) is found over the whole enumeration.
#[test]
fn a_pair_replaced_inside_a_long_named_list_is_found() {
    let l = list(
        "伟大建党精神",
        &[
            "坚持真理",
            "坚守理想",
            "践行初心",
            "担当使命",
            "不怕牺牲",
            "英勇斗争",
            "对党忠诚",
            "不负人民",
        ],
    );
    assert_eq!(
        run(&l, "伟大建党精神，就是坚持真理、坚守理想，担当初心、践行使命，不怕牺牲、英勇斗争，对党忠诚、不负人民。"),
        vec!["“担当初心、践行使命”不是其中的内容，缺少“践行初心、担当使命”"]
    );
    assert!(run(&l, "伟大建党精神，就是坚持真理、坚守理想，践行初心、担当使命，不怕牺牲、英勇斗争，对党忠诚、不负人民。").is_empty());
}

/// Short members are too common to judge three of four, unless the
/// three are in order with one from inside left out (the list quoted,
/// not its head or tail), or the whole of a quotation: then the author quotes the
/// formulation and one is missing.
#[test]
fn a_quoted_enumeration_missing_one_member_is_judged() {
    let l = list("学纪、知纪、明纪、守纪", &["学纪", "知纪", "明纪", "守纪"]);
    assert!(run(&l, "做到学纪、知纪").is_empty());
    assert!(run(&l, "做到知纪、明纪、守纪").is_empty());
    assert_eq!(run(&l, "做到学纪、知纪、守纪"), vec!["缺少“明纪”"]);
    assert!(run(&l, "做到学纪、守纪、知纪").is_empty(), "not in order");
    assert_eq!(
        run(&l, "围绕“学纪、知纪、守纪”的目标要求"),
        vec!["缺少“明纪”"]
    );
    // Quoted with a word more, or two of four: a mention.
    assert!(run(&l, "围绕“学纪、知纪”的要求").is_empty());
    assert!(run(&l, "围绕“学纪、知纪要求”").is_empty());
}

/// A member named apart after the list, in its sentence, is not missing;
/// in the next sentence it is.
#[test]
fn a_member_named_after_the_list_in_its_sentence_is_not_missing() {
    let l = four();
    assert!(run(
        &l,
        "制定大局意识、核心意识、看齐意识教育方案，与政治意识方案一起印发。"
    )
    .is_empty());
    assert_eq!(
        run(
            &l,
            "制定大局意识、核心意识、看齐意识教育方案。政治意识方案另发。"
        ),
        vec!["缺少“政治意识”"]
    );
}

#[test]
fn a_part_cited_from_the_named_list_is_not_judged() {
    let l = list(
        "四个意识",
        &["政治意识", "大局意识", "核心意识", "看齐意识"],
    );
    assert!(run(&l, "对四个意识中政治意识、大局意识的要求体会不深").is_empty());
    assert_eq!(
        run(&l, "增强四个意识：政治意识、大局意识"),
        vec!["缺少“核心意识、看齐意识”"]
    );
}

#[test]
fn named_only_lists_need_their_name() {
    let mut l = list("新发展理念", &["创新", "协调", "绿色", "开放", "共享"]);
    l.named_only = true;
    assert!(run(&l, "坚持创新、协调、绿色、开放").is_empty());
    assert_eq!(
        run(&l, "贯彻创新、协调、绿色、开放的新发展理念"),
        vec!["缺少“共享”"]
    );
    assert_eq!(
        run(&l, "贯彻新发展理念，即创新、协调、绿色、开放"),
        vec!["缺少“共享”"]
    );
}

#[test]
fn a_name_nearby_with_a_few_members_is_a_mention_not_an_enumeration() {
    let mut l = list("四风", &["形式主义", "官僚主义", "享乐主义", "奢靡之风"]);
    l.named_only = true;
    assert!(run(
        &l,
        "“四风”问题基本解决，对形式主义、官僚主义的新表现警惕不够"
    )
    .is_empty());
    assert_eq!(
        run(&l, "纠治“四风”：形式主义、官僚主义、享乐主义"),
        vec!["缺少“奢靡之风”"]
    );
    assert_eq!(
        run(&l, "“四风”问题基本解决，形式主义、官僚主义、享乐主义"),
        vec!["缺少“奢靡之风”"]
    );
    let three = list("政治三力", &["政治判断力", "政治领悟力", "政治执行力"]);
    assert!(run(&three, "导致政治判断力和政治执行力跟不上").is_empty());
    assert_eq!(
        run(&three, "提高政治执行力、政治判断力、政治领悟力"),
        vec!["顺序不对"]
    );
    let short = list("总要求", &["学思想", "强党性", "重实践", "建新功"]);
    assert!(run(&short, "学思想和强党性、重实践脱节").is_empty());
}

#[test]
fn a_long_member_with_a_character_dropped_added_or_wrong_is_that_member_garbled() {
    let l = list(
        "四项基本原则",
        &[
            "坚持社会主义道路",
            "坚持人民民主专政",
            "坚持中国共产党领导",
            "坚持马克思列宁主义毛泽东思想",
        ],
    );
    for (garbled, written) in [
        ("坚持中共产党领导", "dropped"),
        ("坚持中国共产党党领导", "added"),
        ("坚持中国共产觉领导", "wrong"),
    ] {
        assert_eq!(
            run(
                &l,
                &format!(
                    "坚持社会主义道路、坚持人民民主专政、{garbled}、坚持马克思列宁主义毛泽东思想"
                )
            ),
            vec![format!("“{garbled}”应为“坚持中国共产党领导”")],
            "{written}"
        );
    }
}

#[test]
fn a_replaced_last_member_is_cut_to_the_length_of_the_member_it_replaces() {
    // The last item runs on into the sentence: it is taken as long as
    // the member missing (the fourth, 13 characters), not as another.
    let mut l = list(
        "党的思想路线",
        &[
            "一切从实际出发",
            "理论联系实际",
            "实事求是",
            "在实践中检验真理和发展真理",
        ],
    );
    l.longest = 13;
    assert_eq!(
        run(
            &l,
            "坚持一切从实际出发、理论联系实际、实事求是、在群众中检验政策和完善政策工作做得不够"
        ),
        vec!["“在群众中检验政策和完善政策”不是其中的内容，缺少“在实践中检验真理和发展真理”"]
    );
}

#[test]
fn a_replaced_last_member_running_on_into_the_sentence_is_cut_where_the_member_would_end() {
    let mut l = list("四风", &["形式主义", "官僚主义", "享乐主义", "奢靡之风"]);
    l.longest = 4;
    assert_eq!(
        run(&l, "查找形式主义、官僚主义、享乐主义和奢侈之风方面的问题"),
        vec!["“奢侈之风”不是其中的内容，缺少“奢靡之风”"]
    );
    assert_eq!(
        run(&l, "形式主义、官僚主义、享乐主义和奢侈之风问题仍然存在"),
        vec!["“奢侈之风”不是其中的内容，缺少“奢靡之风”"]
    );
    // Ending otherwise, the words after the third member are the
    // sentence going on, not a fourth member.
    assert!(run(&l, "查找形式主义、官僚主义、享乐主义和铺张浪费方面的问题").is_empty());
}

#[test]
fn all_the_members_before_deng_are_the_whole_list() {
    let l = list(
        "四个伟大",
        &["伟大斗争", "伟大工程", "伟大事业", "伟大梦想"],
    );
    assert_eq!(
        run(
            &l,
            "对“统揽伟大工程、伟大斗争、伟大事业、伟大梦想”等重大论述"
        ),
        vec!["顺序不对"]
    );
    // Some of them before 等 are a part.
    assert!(run(&l, "统揽伟大工程、伟大斗争等重大论述").is_empty());
}

#[test]
fn in_an_ordered_list_other_words_after_the_last_member_are_an_addition() {
    let mut l = list(
        "自信自强、守正创新，踔厉奋发、勇毅前行",
        &["自信自强", "守正创新", "踔厉奋发", "勇毅前行"],
    );
    l.named_only = true;
    assert!(run(&l, "坚持守正创新、踔厉奋发、勇毅前行、担当作为").is_empty());
    assert_eq!(
        run(&l, "自信自强、守正创新、踔厉奋发、勇往直前"),
        vec!["“勇往直前”不是其中的内容，缺少“勇毅前行”"]
    );
}

#[test]
fn a_stretch_of_a_long_list_with_one_member_skipped_lacks_that_one() {
    let mut l = oath();
    l.longest = 6;
    assert_eq!(
        run(
            &l,
            "宣誓的“拥护党的纲领，遵守党的章程，履行党员义务，严守党的纪律，保守党的秘密”这些要求"
        ),
        vec!["缺少“执行党的决定”"]
    );
    // A stretch with none skipped, or too short to tell, is a quotation.
    assert!(run(
        &l,
        "做到“拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定”"
    )
    .is_empty());
    assert!(run(&l, "做到拥护党的纲领，遵守党的章程，执行党的决定").is_empty());
}

#[test]
fn the_name_with_another_number_before_all_the_members_is_found() {
    let mut l = list(
        "三个务必",
        &["务必不忘初心", "务必谦虚谨慎", "务必敢于斗争"],
    );
    l.misnumbered = vec!["两个务必".into(), "四个务必".into()];
    assert_eq!(
        run(
            &l,
            "牢记“两个务必”，做到务必不忘初心、务必谦虚谨慎、务必敢于斗争。"
        ),
        vec!["称“两个务必”，列举的却是“三个务必”的内容"]
    );
    assert!(run(
        &l,
        "从“两个务必”到“三个务必”：务必不忘初心、务必谦虚谨慎、务必敢于斗争。"
    )
    .is_empty());
    assert!(run(&l, "牢记“两个务必”，做到务必不忘初心、务必谦虚谨慎。").is_empty());
}

#[test]
fn a_count_after_the_members_ends_the_last_item() {
    let mut l = list(
        "金融工作三项任务",
        &["服务实体经济", "防控金融风险", "深化金融改革"],
    );
    l.longest = 6;
    assert_eq!(
        run(&l, "提出的服务实体经济、防控金融风险、扩大金融开放三项任务"),
        vec!["“扩大金融开放”不是其中的内容，缺少“深化金融改革”"]
    );
    assert!(counts_them("三项任务") && counts_them("四个方面"));
    assert!(!counts_them("三") && !counts_them("项目") && !counts_them("三人"));
}

#[test]
fn a_quoted_stretch_of_a_long_list_lacks_nothing_after_it() {
    let mut l = oath();
    l.longest = 6;
    assert!(run(&l, "重温入党誓词，“拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，严守党的纪律”，这些话").is_empty());
    // Named and not quoted, it claims the whole list.
    assert_eq!(
        run(&l, "入党誓词即拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，严守党的纪律，保守党的秘密，对党忠诚。"),
        vec!["缺少“积极工作”"]
    );
}

/// Other words replace the missing member only when about as long as
/// it: within half its length, and at least two characters, either way
/// (a 4-character member: 2 to 6 characters).
#[test]
fn a_replacing_item_is_about_as_long_as_the_member_it_replaces() {
    let l = four();
    let replaced = |other: &str| {
        let text = format!("政治意识、大局意识、核心意识、{other}");
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            i..i + s.len()
        };
        let items = [
            (at("政治意识"), Item::Member(0)),
            (at("大局意识"), Item::Member(1)),
            (at("核心意识"), Item::Member(2)),
            (text.len() - other.len()..text.len(), Item::Unknown),
        ];
        l.one_replaced(&items, &text)
    };
    assert!(replaced("服务"));
    assert!(replaced("服务群众意识"));
    assert!(!replaced("服"));
    assert!(!replaced("全心全意服务群众"));
}

#[test]
fn suffix_of_members() {
    assert_eq!(common_suffix(&four().members), "意识");
}

#[test]
fn the_common_suffix_is_the_longest_ending_all_members_share() {
    let suffix = |ms: &[&str]| common_suffix(&ms.iter().map(|m| m.to_string()).collect::<Vec<_>>());
    assert_eq!(suffix(&["政治意识", "大局意识", "核心意识"]), "意识");
    assert_eq!(suffix(&["道路自信", "理论自信"]), "自信");
    assert_eq!(
        suffix(&["形式主义", "官僚主义", "享乐主义", "奢靡之风"]),
        ""
    );
    // A member that is the whole ending, on either side.
    assert_eq!(suffix(&["意识", "政治意识"]), "意识");
    assert_eq!(suffix(&["政治意识", "识"]), "识");
    assert_eq!(suffix(&["四风", "四风"]), "四风");
}

#[test]
fn characters_before_and_after_a_place_are_counted_in_characters() {
    let t = "四个意识即政治";
    let at = t.find('即').unwrap();
    assert_eq!(chars_before(t, at, 0), "");
    assert_eq!(chars_before(t, at, 1), "识");
    assert_eq!(chars_before(t, at, 4), "四个意识");
    assert_eq!(chars_before(t, at, 9), "四个意识");
    assert_eq!(chars_after(t, at, 0), "");
    assert_eq!(chars_after(t, at, 2), "即政");
    assert_eq!(chars_after(t, at, 9), "即政治");
}

/// Which enumerations are judged: all members; the name right before
/// (3 characters between at most) or after (2); all but one of a long
/// ordered list of four or more; never a part on purpose (特别是…,
/// …等) or a single member.
#[test]
fn an_enumeration_is_judged_when_whole_named_or_all_but_one_of_a_long_list() {
    let l = four();
    // The enumeration is the text from 政治 to the last 意识 before the
    // end or the words after it (等, 方面, …).
    let judged = |l: &List, text: &str, found: &[usize]| {
        let start = text.find("政治").unwrap();
        let members = ["政治意识", "大局意识", "核心意识", "看齐意识"];
        let end = members[..found.iter().max().unwrap() + 1]
            .iter()
            .filter_map(|m| text.find(m).map(|i| i + m.len()))
            .max()
            .unwrap();
        l.judged(text, &(start..end), found, false)
    };
    let two = "政治意识、大局意识";
    assert!(judged(
        &l,
        "要有政治意识、大局意识、核心意识、看齐意识。",
        &[0, 1, 2, 3]
    ));
    assert!(!judged(&l, two, &[0, 1]));
    assert!(!judged(&l, two, &[0, 0]));
    assert!(judged(&l, "政治意识、大局意识、核心意识", &[0, 1, 2]));
    // Named before: up to three characters between.
    assert!(judged(&l, "四个意识就是说政治意识、大局意识", &[0, 1]));
    assert!(!judged(&l, "四个意识就是说的政治意识、大局意识", &[0, 1]));
    // Named after: up to two characters between.
    assert!(judged(&l, "政治意识、大局意识这些四个意识", &[0, 1]));
    assert!(!judged(&l, "政治意识、大局意识等这些四个意识", &[0, 1]));
    assert!(!judged(&l, "政治意识、大局意识属于的四个意识", &[0, 1]));
    // A part on purpose, however named.
    assert!(!judged(
        &l,
        "四个意识特别是政治意识、大局意识、核心意识",
        &[0, 1, 2]
    ));
    // All of them before 方面 or 等 are the whole list, its order
    // judged.
    assert!(judged(
        &l,
        "政治意识、大局意识、核心意识、看齐意识方面",
        &[0, 1, 2, 3]
    ));
    assert!(!judged(&l, "政治意识、大局意识、核心意识方面", &[0, 1, 2]));
    // Unordered lists need the name or all members.
    let mut unordered = four();
    unordered.ordered = false;
    assert!(!judged(
        &unordered,
        "政治意识、大局意识、核心意识",
        &[0, 1, 2]
    ));
    // A list of common words must be named nearby (12 before, 4 after).
    let mut named_only = four();
    named_only.named_only = true;
    assert!(!judged(
        &named_only,
        "政治意识、大局意识、核心意识",
        &[0, 1, 2]
    ));
    assert!(judged(
        &named_only,
        "四个意识中大家常说的是政治意识、大局意识、核心意识",
        &[0, 1, 2]
    ));
    assert!(judged(
        &named_only,
        "政治意识、大局意识、核心意识和其他四个意识",
        &[0, 1, 2]
    ));
    // Short members (three characters at most) are too common.
    let short = list("四学", &["学党史", "学思想", "学理论", "学党章"]);
    let text = "学党史、学思想、学理论";
    assert!(!short.judged(text, &(0..text.len()), &[0, 1, 2], false));
    // Three members of a list of three: all, judged; two of three: no.
    let three = list("三个意识", &["政治意识", "大局意识", "核心意识"]);
    assert!(!judged(&three, two, &[0, 1]));
}

/// What item_at reads at the start of `text`: (text read, kind).
fn item(l: &List, text: &str) -> Option<(String, Item)> {
    let n = Normal::new(text, 0..text.len());
    l.item_at(&n, 0).map(|(r, i)| (n.text[r].to_string(), i))
}

/// A member, after a verb of two characters at most; a look-alike: a
/// stretch of one to LOOKALIKE_MAX characters before the suffix; other
/// words up to the next member, a dropped 的 or a non-Chinese
/// character.
#[test]
fn an_item_is_a_member_a_look_alike_or_other_words() {
    let l = four();
    assert_eq!(
        item(&l, "大局意识"),
        Some(("大局意识".into(), Item::Member(1)))
    );
    assert_eq!(
        item(&l, "增强大局意识"),
        Some(("大局意识".into(), Item::Member(1)))
    );
    assert_eq!(
        item(&l, "要增强大局意识"),
        Some(("要增强大局意识".into(), Item::LookAlike))
    );
    assert_eq!(
        item(&l, "服务意识"),
        Some(("服务意识".into(), Item::LookAlike))
    );
    assert_eq!(
        item(&l, "甲乙丙丁戊己意识"),
        Some(("甲乙丙丁戊己意识".into(), Item::LookAlike))
    );
    assert_eq!(
        item(&l, "甲乙丙丁戊己庚意识"),
        Some(("甲乙丙丁戊己庚意识".into(), Item::Unknown))
    );
    // The suffix alone is no look-alike.
    assert_eq!(item(&l, "意识，"), Some(("意识".into(), Item::Unknown)));
    // Other words stop before a member (after a separator or not), at a
    // dropped 的, at a non-Chinese character, or after longest +
    // LOOKALIKE_MAX characters (8 + 6 here).
    assert_eq!(
        item(&l, "服务态度和大局意识"),
        Some(("服务态度".into(), Item::Unknown))
    );
    assert_eq!(
        item(&l, "服务态度作风好大局意识"),
        Some(("服务态度作风好".into(), Item::Unknown))
    );
    assert_eq!(
        item(&l, "服务态度的作风"),
        Some(("服务态度".into(), Item::Unknown))
    );
    assert_eq!(
        item(&l, "服务态度2"),
        Some(("服务态度".into(), Item::Unknown))
    );
    let long = "甲".repeat(20);
    assert_eq!(item(&l, &long), Some(("甲".repeat(14), Item::Unknown)));
    assert_eq!(item(&l, "，大局意识"), None);
}

/// A long member (8 characters or more) with one character dropped,
/// added or wrong, first and last kept; shorter members are never read
/// as garbled.
#[test]
fn only_long_members_are_read_garbled() {
    let l = list("两个", &["坚持社会主义道路", "政治意识"]);
    assert_eq!(
        item(&l, "坚持社会主道路，"),
        Some(("坚持社会主道路".into(), Item::Garbled(0)))
    );
    assert_eq!(
        item(&l, "坚持社会主义的道路，").map(|x| x.1),
        Some(Item::Member(0)),
        "an inserted 的 is dropped before"
    );
    assert_eq!(
        item(&l, "坚持社会主义大道路，"),
        Some(("坚持社会主义大道路".into(), Item::Garbled(0)))
    );
    assert_eq!(
        item(&l, "坚持社会注义道路，"),
        Some(("坚持社会注义道路".into(), Item::Garbled(0)))
    );
    // The last character changed: no garble.
    assert_ne!(
        item(&l, "坚持社会主义道理，").map(|x| x.1),
        Some(Item::Garbled(0))
    );
    assert_ne!(item(&l, "政冶意识，").map(|x| x.1), Some(Item::Garbled(1)));
}

/// A list of long members found by their keys (道路自信 …), each key
/// four characters into its member.
fn keyed() -> List {
    let mut l = list(
        "四个自信",
        &[
            "始终坚定道路自信",
            "始终坚定理论自信",
            "始终坚定制度自信",
            "始终坚定文化自信",
        ],
    );
    l.keys = ["道路自信", "理论自信", "制度自信", "文化自信"]
        .iter()
        .map(|k| (k.to_string(), 4))
        .collect();
    l
}

fn run_keyed(l: &List, text: &str) -> Vec<(String, String)> {
    let n = Normal::new(text, 0..text.len());
    let keys: Vec<(usize, usize, usize)> = l
        .keys
        .iter()
        .enumerate()
        .flat_map(|(m, (k, _))| {
            n.text
                .match_indices(k.as_str())
                .map(move |(i, _)| (i, i + k.len(), m))
        })
        .collect();
    l.check_keyed(&n, keys)
        .into_iter()
        .map(|(r, d)| (n.text[r].to_string(), d))
        .collect()
}

/// Keys within KEY_GAP characters of each other, no sentence end
/// between, are one enumeration, reported from the first key to the
/// last; judged and told as enumerations are.
#[test]
fn keys_close_together_are_one_enumeration() {
    let l = keyed();
    let [a, b, c, d] = [
        "始终坚定道路自信",
        "始终坚定理论自信",
        "始终坚定制度自信",
        "始终坚定文化自信",
    ];
    assert!(run_keyed(&l, &format!("{a}、{b}、{c}、{d}")).is_empty());
    assert_eq!(
        run_keyed(&l, &format!("{a}、{b}、{c}")),
        [(
            format!("道路自信、{b}、{c}"),
            "缺少“始终坚定文化自信”".to_string()
        )]
    );
    assert_eq!(
        run_keyed(&l, &format!("{a}、{b}、{d}、{c}"))[0].1,
        "顺序不对"
    );
    // 40 characters between two keys: still one; 41: two, neither
    // judged on its own.
    let gap = |n: usize| "甲".repeat(n);
    let joined = format!("{a}、{b}{}制度自信", gap(40));
    assert_eq!(run_keyed(&l, &joined).len(), 1, "{joined}");
    let apart = format!("{a}、{b}{}制度自信", gap(41));
    assert!(run_keyed(&l, &apart).is_empty());
    // A sentence end between: two.
    let split = format!("{a}、{b}。{c}");
    assert!(run_keyed(&l, &split).is_empty());
}

/// A member written twice in a row is no disorder: the order is
/// wrong only when a member comes after a later one.
#[test]
fn a_member_repeated_in_place_is_not_out_of_order() {
    let l = four();
    assert!(run(&l, "政治意识、大局意识、大局意识、核心意识、看齐意识").is_empty());
    assert_eq!(
        run(&l, "政治意识、核心意识、大局意识、看齐意识"),
        vec!["顺序不对"]
    );
}

/// A member written with 的 and one word changed (执行党的决议 for 执行党的
/// 决定) is one item: the dropped 的 inside it ends other words only when
/// no separator and member follow them.
#[test]
fn a_member_replaced_inside_a_long_list_may_hold_a_de() {
    let l = oath();
    assert_eq!(
        run(&l, "拥护党的纲领，遵守党的章程，履行党员义务，执行党的决议，严守党的纪律，保守党的秘密，对党忠诚，积极工作"),
        vec!["“执行党决议”不是其中的内容，缺少“执行党的决定”"]
    );
    assert_eq!(
        run(&l, "“拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，严守党的纪律，保守党的机密，对党忠诚，积极工作”"),
        vec!["“保守党机密”不是其中的内容，缺少“保守党的秘密”"]
    );
    // Words after the 的 that run on into the sentence still end there.
    assert!(run(
        &l,
        "拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定。"
    )
    .is_empty());
}

/// The details of a keyed list's findings on `text`.
fn details(l: &List, text: &str) -> Vec<String> {
    run_keyed(l, text).into_iter().map(|(_, d)| d).collect()
}

/// A keyed list named before its keys claims the whole list, wherever its
/// line starts: the verdict looks for the name around the keys (it once
/// looked at the text's start, so a numbered line lost the finding).
#[test]
fn a_named_keyed_list_claims_the_whole_list_after_a_marker() {
    let mut l = list(
        "八荣八耻",
        &[
            "以热爱祖国为荣",
            "以服务人民为荣",
            "以崇尚科学为荣",
            "以辛勤劳动为荣",
        ],
    );
    l.keys = ["热爱祖国", "服务人民", "崇尚科学", "辛勤劳动"]
        .iter()
        .map(|k| (k.to_string(), 1))
        .collect();
    for text in [
        "牢记八荣八耻：以热爱祖国为荣，以服务人民为荣。",
        "（3）牢记八荣八耻：以热爱祖国为荣，以服务人民为荣。",
    ] {
        let found = details(&l, text);
        assert_eq!(found, ["缺少“以崇尚科学为荣、以辛勤劳动为荣”"], "{text}");
    }
}

/// A long member found by its key, one word of it replaced, is wrong: in an
/// enumeration, or quoted alone; not where the text before its key is a
/// sentence's end, nor unquoted alone.
#[test]
fn a_keyed_member_with_one_word_replaced() {
    let mut l = list(
        "八荣八耻",
        &[
            "以热爱祖国为荣、以危害祖国为耻",
            "以艰苦奋斗为荣、以骄奢淫逸为耻",
        ],
    );
    l.keys = vec![("热爱祖国".to_string(), 1), ("艰苦奋斗".to_string(), 1)];
    let run_keyed = |text: &str| details(&l, text);
    let want = ["“以艰苦奋斗为荣、以贪图享乐为耻”应为“以艰苦奋斗为荣、以骄奢淫逸为耻”"];
    assert_eq!(run_keyed("牢记的“以艰苦奋斗为荣、以贪图享乐为耻”。"), want);
    assert_eq!(
        run_keyed("以热爱祖国为荣、以危害祖国为耻，以艰苦奋斗为荣、以贪图享乐为耻。"),
        want
    );
    // Unquoted alone, or right: nothing.
    assert!(run_keyed("以艰苦奋斗为荣、以贪图享乐为耻。").is_empty());
    assert!(run_keyed("牢记的“以艰苦奋斗为荣、以骄奢淫逸为耻”。").is_empty());
}

/// Before a member's key, a sentence's end is no word of the member
/// replaced (不牢。对人民至上 for 必须坚持人民至上).
#[test]
fn a_replaced_word_is_han_characters() {
    let mut l = list("六个必须坚持", &["必须坚持人民至上", "必须坚持自信自立"]);
    l.keys = vec![("人民至上".to_string(), 4), ("自信自立".to_string(), 4)];
    let text = "理解不牢。对人民至上、必须坚持自信自立的认识不深。";
    let found = details(&l, text);
    assert!(found.iter().all(|d| !d.contains("应为")), "{found:?}");
    let n = Normal::new(text, 0..text.len());
    assert_eq!(
        l.word_replaced(&n.text, n.text.find("人民至上").unwrap(), 0),
        None
    );
}
