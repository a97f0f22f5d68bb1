use super::{build, lists::KEY_GAP, near_a_key, Params, Rule};
use crate::rules::testing::{meta, run};

fn rule(yaml: &str) -> Result<Box<dyn Rule>, crate::settings::Invalid> {
    let params: Params = serde_yaml::from_str(yaml).unwrap();
    let mut m = meta("formulation", &[]);
    m.message = "{name}|{what}|{canonical}".into();
    build(m, params)
}

const RULE: &str = "{lists: [{name: 四个意识, members: [政治意识, 大局意识, 核心意识, 看齐意识]}], \
    phrases: [{name: 两个维护, stem: 维护习近平总书记, accepted: [维护习近平总书记党中央的核心、全党的核心地位]}]}";

fn found(text: &str) -> Vec<(String, String)> {
    run(&*rule(RULE).unwrap(), text)
        .into_iter()
        .map(|s| (s.text, s.message))
        .collect()
}

/// A list, a stem not completed (shown with the word after it, up to
/// three characters on a word boundary), each one finding in order.
#[test]
fn list_errors_and_incomplete_phrases_are_found_in_text_order() {
    assert_eq!(
        found("我们要坚决维护习近平总书记核心地位，增强政治意识、大局意识、核心意识。"),
        [
            (
                "维护习近平总书记核心".to_string(),
                "两个维护|“维护习近平总书记核心”写得不完整|维护习近平总书记党中央的核心、全党的核心地位".to_string()
            ),
            (
                "政治意识、大局意识、核心意识".to_string(),
                "四个意识|缺少“看齐意识”|政治意识、大局意识、核心意识、看齐意识".to_string()
            )
        ]
    );
    assert!(found("坚决维护习近平总书记党中央的核心、全党的核心地位。").is_empty());
    // The tail stops at a non-Chinese character.
    assert_eq!(found("坚决维护习近平总书记，")[0].0, "维护习近平总书记");
}

/// The wording the rule knows is stock wording for the copy stage:
/// every member and accepted form.
#[test]
fn the_lists_and_phrases_are_stock_wording() {
    let stock = rule(RULE).unwrap().stock_phrases();
    assert!(stock.iter().any(|s| s.contains("看齐意识")), "{stock:?}");
    assert!(
        stock.iter().any(|s| s.contains("全党的核心地位")),
        "{stock:?}"
    );
}

#[test]
fn lists_and_phrases_are_checked_when_built() {
    let list = |rest: &str| rule(&format!("{{lists: [{{name: L, {rest}}}]}}"));
    assert!(list("members: [甲乙, 丙丁]").is_ok());
    assert!(list("members: [甲乙]").is_err(), "one member");
    assert!(list("members: [甲乙, '的“”']").is_err(), "an empty member");
    assert!(
        list("members: [甲乙, 丙丁], keys: [乙]").is_err(),
        "keys for some members"
    );
    assert!(list("members: [甲乙, 丙丁], keys: [乙, 丙]").is_ok());
    assert!(
        list("members: [甲乙, 丙丁], keys: [乙, 戊]").is_err(),
        "a key not in its member"
    );
    assert!(
        list("members: [甲乙, 丙丁], keys: [乙, 的]").is_err(),
        "an empty key"
    );
    assert!(list("members: [甲乙, 丙丁], variants: {甲乙: [甲和乙]}").is_ok());
    assert!(
        list("members: [甲乙, 丙丁], variants: {戊己: [戊和己]}").is_err(),
        "not a member"
    );
    assert!(
        list("members: [甲乙, 丙丁], variants: {甲乙: ['“”']}").is_err(),
        "an empty variant"
    );
    assert!(list(
        "members: [甲乙, 丙丁], variants: {甲乙: [甲和乙]}, variants-until: {甲和乙: 2020}"
    )
    .is_ok());
    assert!(
        list("members: [甲乙, 丙丁], variants: {甲乙: [甲和乙]}, variants-until: {戊己: 2020}")
            .is_err(),
        "dated, but no variant"
    );
    let name = |n: &str| rule(&format!("{{names: [{{name: {n}}}]}}"));
    assert!(name("十个明确").is_ok());
    assert!(name("十三个方面成就").is_ok());
    assert!(name("明确十条").is_err(), "no number first");
    assert!(name("十个明确, real-until: {八个明确: 2021}").is_ok());
    assert!(
        name("十个明确, real-until: {八项明确: 2021}").is_err(),
        "not the name with another number"
    );
    assert!(name("十个A").is_err(), "no Chinese name");
    let pattern = |p: &str| {
        rule(&format!(
            "{{patterns: [{{name: P, wrong: '{p}', right: 甲}}]}}"
        ))
    };
    assert!(pattern("二十大(三)中全会").is_ok());
    assert!(pattern("二十大(三中全会").is_err(), "no regular expression");
    let phrase = |rest: &str| rule(&format!("{{phrases: [{{name: P, {rest}}}]}}"));
    assert!(phrase("accepted: [甲乙丙]").is_ok());
    assert!(phrase("accepted: []").is_err());
    assert!(phrase("accepted: [甲乙丙, 的]").is_err());
    assert!(phrase("stem: 乙, accepted: [甲乙丙]").is_ok());
    assert!(phrase("stem: ' ', accepted: [甲乙丙]").is_err());
    assert!(phrase("stem: 乙, accepted: [甲乙丙, 丁戊]").is_err());
}

#[test]
fn a_key_is_near_only_within_the_key_gap_on_either_side() {
    // key (2 chars), then `gap` filler characters, then the span (2
    // chars), then `gap` more, then another key.
    let text = |gap: usize| format!("意识{}看齐{}自信", "的".repeat(gap), "的".repeat(gap));
    for (gap, near) in [(KEY_GAP, true), (KEY_GAP + 1, false)] {
        let t = text(gap);
        let span_start = "意识".len() + gap * "的".len();
        let span = span_start..span_start + "看齐".len();
        let before = [(0, "意识".len(), 0)];
        let after = [(span.end + gap * "的".len(), t.len(), 0)];
        assert_eq!(
            near_a_key(&t, &before, &span),
            near,
            "key before, gap {gap}"
        );
        assert_eq!(near_a_key(&t, &after, &span), near, "key after, gap {gap}");
    }
}

/// A short law with two characters of its name replaced is another law;
/// one character wrong is still a garble.
#[test]
fn another_law_is_no_garble_of_a_law() {
    let r = rule("{phrases: [{name: 监察法, accepted: [《中华人民共和国监察法》]}]}").unwrap();
    let texts = |t: &str| -> Vec<String> { run(&*r, t).into_iter().map(|s| s.text).collect() };
    assert!(texts("认真贯彻《中华人民共和国统计法》。").is_empty());
    assert_eq!(
        texts("认真贯彻《中华人民共和国监查法》。"),
        ["《中华人民共和国监查法》"]
    );
}

/// A fixed name broken over two lines (a title wrapped by hand) is the
/// name written right, not garbled: no window across a line break is
/// compared; the same name garbled on one line still is.
#[test]
fn a_name_wrapped_over_two_lines_is_no_garble() {
    let r = rule("{phrases: [{name: 学习教育, accepted: [深入贯彻中央八项规定精神学习教育]}]}")
        .unwrap();
    let texts = |t: &str| -> Vec<String> { run(&*r, t).into_iter().map(|s| s.text).collect() };
    assert!(
        texts("县局党组深入贯彻中央八项规定\n精神学习教育专题民主生活会对照检查材料\n").is_empty()
    );
    assert!(texts("县局党组深入贯彻中央八项规定\r\n精神学习教育专题民主生活会\r\n").is_empty());
    assert_eq!(
        texts("县局党组深入贯彻中央八项规走精神学习教育专题民主生活会\n"),
        ["深入贯彻中央八项规走精神学习教育"]
    );
}

/// A pattern's group named `wrong` is what is reported and replaced; the
/// rest of the match only says where it may stand.
#[test]
fn a_patterns_wrong_group_is_the_finding() {
    let r = rule(
        r#"{patterns: [{name: 耕地红线, wrong: "(?:^|[^0-9])(?P<wrong>(?:[02-9]|1[0-79]|[2-9][0-9])亿亩耕地红线)", right: "18亿亩耕地红线"}]}"#,
    )
    .unwrap();
    let found: Vec<(String, String)> = run(&*r, "坚守18亿亩耕地红线，守住20亿亩耕地红线。")
        .into_iter()
        .map(|s| (s.text, s.message))
        .collect();
    assert_eq!(
        found,
        [(
            "20亿亩耕地红线".to_string(),
            "耕地红线|“20亿亩耕地红线”写法有误|18亿亩耕地红线".to_string()
        )]
    );
}
