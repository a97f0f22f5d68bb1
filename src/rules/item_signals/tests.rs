//! Tests of `item-signals` on small reports.

use super::*;
use crate::rules::testing::{keywords, seg};
use crate::settings::Seg;
use crate::source::Source;

fn params(yaml: &str) -> Result<Box<dyn Rule>, Invalid> {
    let meta = Meta {
        id: "t".into(),
        severity: crate::diagnostic::Severity::Warning,
        scope: Vec::new(),
        message: "{id} {words}".into(),
    };
    build(meta, serde_yaml::from_str(yaml).unwrap())
}

#[test]
fn parameters_are_typed_and_checked() {
    let base = "items: problems\ntriggers: [取得…成效]\ncounters: [不足]\n";
    assert!(params(&format!("{base}max-gap: 20")).is_ok());
    // A gap of nothing, or of a whole page, is refused by name.
    let Err(e) = params(&format!("{base}max-gap: 0")) else {
        panic!("max-gap 0 must be refused");
    };
    assert_eq!(e.field, [Seg::Key("max-gap".into())]);
    assert!(params(&format!("{base}max-gap: 20\nnegations: ['']")).is_err());
    // One trigger cannot outweigh anything.
    let Err(e) = params(&format!("{base}max-gap: 20\noutweigh: 1")) else {
        panic!("outweigh 1 must be refused");
    };
    assert_eq!(e.field, [Seg::Key("outweigh".into())]);
    // Unknown fields are refused by serde.
    assert!(serde_yaml::from_str::<Params>(&format!("{base}max-gap: 20\nwords: [x]")).is_err());
}

/// Findings of a rule of `yaml` parameters on `text`: (id, quoted text).
fn fired(yaml: &str, text: &str) -> Vec<(String, String)> {
    let rule = params(yaml).unwrap();
    let source = Source::new("t", text);
    let doc = Document::build(0, &source, seg(), &keywords());
    let mut out = Vec::new();
    rule.check(
        &Context {
            doc: &doc,
            links: None,
        },
        &mut out,
    );
    out.into_iter()
        .map(|d| (d.message, doc.text()[d.span].to_string()))
        .collect()
}

const RULE: &str = "items: problems\ntriggers: [取得…成效, 不存在…问题]\ncounters: [不足, 存在]\nnegations: [没有]\nmax-gap: 20\nnegation-reach: 2\n";

#[test]
fn trigger_without_counter_fires_at_the_trigger() {
    let text = "标题\n一、存在的问题\n（一）在工作方面。\n一是改革取得明显成效。二是改革取得明显成效，但措施不足。\n二、原因剖析\n（一）放松学习。\n三、整改措施\n（一）每月学习1次。\n";
    assert_eq!(
        fired(RULE, text),
        [(
            "“一是改革取得明显成效” “取得明显成效”".to_string(),
            "取得明显成效".to_string()
        )]
    );
}

#[test]
fn a_negation_within_reach_cancels_a_trigger() {
    let text =
        |s: &str| format!("标题\n一、存在的问题\n一是{s}。\n二、整改措施\n一是每月学习1次。\n");
    assert!(fired(RULE, &text("改革没有取得成效")).is_empty());
    assert!(fired(RULE, &text("改革没有真正取得成效")).is_empty());
    // Beyond the reach, or in another clause, it does not.
    assert_eq!(fired(RULE, &text("改革没有因此而取得成效")).len(), 1);
    assert_eq!(fired(RULE, &text("没有，改革取得成效")).len(), 1);
}

#[test]
fn a_counter_inside_a_trigger_does_not_clear_it() {
    // 存在 is a counter, but here it is part of 不存在…问题.
    let text = "标题\n一、存在的问题\n一是不存在违规问题。\n二是存在违规问题。\n二、整改措施\n一是每月学习1次。\n";
    assert_eq!(
        fired(RULE, text),
        [(
            "“一是不存在违规问题” “不存在违规问题”".to_string(),
            "不存在违规问题".to_string()
        )]
    );
}

#[test]
fn a_part_without_numbered_items_is_judged_by_paragraph() {
    let text = "标题\n一、遵守政治纪律情况\n本人工作取得明显成效。\n二、个人事项报告情况\n本人如实报告了个人事项。\n三、原因剖析\n（一）放松学习。\n四、整改措施\n（一）每月学习1次。\n";
    assert_eq!(
        fired(RULE, text),
        [(
            "“一、遵守政治纪律情况” “取得明显成效”".to_string(),
            "取得明显成效".to_string()
        )]
    );
}

#[test]
fn enough_different_triggers_outweigh_a_counter() {
    let rule = |n: &str| {
        format!("items: problems\ntriggers: [获评…优秀…, 挽回…损失, 被评为…先进…, 办结]\ncounters: [但…]\nmax-gap: 20\n{n}")
    };
    let text =
        |s: &str| format!("标题\n一、存在的问题\n一是{s}\n二、整改措施\n一是每月学习1次。\n");
    let record = text(
        "全年挽回经济损失300万元，科室被评为全县先进集体，本人获评优秀党员，但与要求还有差距。",
    );
    // Without `outweigh` the closing 但… clears the item.
    assert!(fired(&rule(""), &record).is_empty());
    assert_eq!(fired(&rule("outweigh: 3"), &record).len(), 1);
    // Two different triggers, or one said three times, are not enough.
    let two = text("全年挽回经济损失300万元，科室被评为全县先进集体，但有差距。");
    assert!(fired(&rule("outweigh: 3"), &two).is_empty());
    let same = text("挽回损失，挽回损失，挽回损失，但还不够。");
    assert!(fired(&rule("outweigh: 3"), &same).is_empty());
}

#[test]
fn a_cause_that_owns_nothing_is_reported_at_its_first_clause() {
    let rule = |extra: &str| {
        format!("items: causes\ntriggers: [工作忙]\ncounters: […意识]\nmax-gap: 20\n{extra}")
    };
    let owned = "owned: [不够, 有所…]\nunowned-message: '{id}没有讲自身不足'\n";
    let text = |s: &str| format!("标题\n一、原因剖析\n一是{s}\n二、整改措施\n一是每月学习1次。\n");
    let drought = text("今年夏季持续干旱，秋收又遇连阴雨，走访只好推迟。");
    // No trigger: without `owned` nothing is said.
    assert!(fired(&rule(""), &drought).is_empty());
    assert_eq!(
        fired(&rule(owned), &drought),
        [(
            "“一是今年夏季持续干旱，秋收又遇连阴雨，走访只好推…”没有讲自身不足".to_string(),
            "一是今年夏季持续干旱".to_string()
        )]
    );
    // A marker with a comma of its own (第二，其二，) is not the clause.
    let ordinal =
        "标题\n一、原因剖析\n第一，今年夏季持续干旱，走访推迟。\n二、整改措施\n一是每月学习1次。\n";
    assert_eq!(fired(&rule(owned), ordinal)[0].1, "第一，今年夏季持续干旱");
    // A shortfall owned, or a counter, clears it.
    assert!(fired(&rule(owned), &text("今年干旱，走访次数不够。")).is_empty());
    assert!(fired(&rule(owned), &text("今年干旱，学习热情有所减退。")).is_empty());
    assert!(fired(&rule(owned), &text("今年干旱，宗旨意识不牢。")).is_empty());
    // A trigger without a counter is reported as before, once.
    let busy = fired(&rule(owned), &text("工作忙，没时间。"));
    assert_eq!(busy.len(), 1);
    assert_eq!(busy[0].1, "工作忙");
}

#[test]
fn owned_words_and_their_message_come_together() {
    let base = "items: causes\ntriggers: [工作忙]\ncounters: […意识]\nmax-gap: 20\n";
    let Err(e) = params(&format!("{base}owned: [不够]")) else {
        panic!("owned without a message must be refused");
    };
    assert_eq!(e.field, [Seg::Key("owned".into())]);
    let Err(e) = params(&format!("{base}unowned-message: x")) else {
        panic!("a message without owned words must be refused");
    };
    assert_eq!(e.field, [Seg::Key("unowned-message".into())]);
    assert!(params(&format!("{base}owned: [不够]\nunowned-message: x")).is_ok());
}

/// A part of problems whose points are unnumbered paragraphs has them as
/// items, each named by its own words; a topic part (……情况), whose
/// paragraphs are no items, is judged paragraph by paragraph: one
/// paragraph is named by the part's heading, several by their number; the
/// heading's own line, up to a clause end, is not part of them.
#[test]
fn a_part_without_items_is_judged_by_its_paragraphs() {
    let one = "标题\n一、存在的问题\n改革取得明显成效。\n二、整改措施\n一是每月学习1次。\n";
    assert_eq!(
        fired(RULE, one),
        [(
            "“改革取得明显成效” “取得明显成效”".to_string(),
            "取得明显成效".to_string()
        )]
    );
    let topics = |first: &str| {
        format!("标题\n一、执行中央八项规定情况\n{first}二、遵守政治纪律情况\n本人严守纪律，但请示报告不及时。\n三、整改措施\n一是每月学习1次。\n")
    };
    assert_eq!(
        fired(RULE, &topics("学习不够深入。\n改革取得明显成效。\n")),
        [(
            "“一、执行中央八项规定情况”第 2 段 “取得明显成效”".to_string(),
            "取得明显成效".to_string()
        )]
    );
    assert_eq!(
        fired(RULE, &topics("改革取得明显成效。\n")),
        [(
            "“一、执行中央八项规定情况” “取得明显成效”".to_string(),
            "取得明显成效".to_string()
        )]
    );
    // The counter in the first paragraph does not clear the second.
    let apart = topics("学习不够深入，措施不足。\n改革取得明显成效。\n");
    assert_eq!(fired(RULE, &apart).len(), 1);
    // Heading and text on one line: the text after the colon is the
    // paragraph, and its counter is its own.
    let inline = "标题\n一、存在的问题：改革取得明显成效。\n二、整改措施\n一是每月学习1次。\n";
    assert_eq!(fired(RULE, inline).len(), 1, "{:?}", fired(RULE, inline));
}

/// An `always` phrase fires whatever counters there are, unless negated;
/// the words named are the distinct ones, three at most.
#[test]
fn always_phrases_fire_despite_counters_and_words_are_named_once() {
    let rule = "items: problems\ntriggers: [取得…成效]\ncounters: [不足]\nalways: [完美无缺, 十全十美, 尽善尽美, 无可挑剔]\nnegations: [并非]\nmax-gap: 20\nnegation-reach: 2\n";
    let text =
        |s: &str| format!("标题\n一、存在的问题\n一是{s}。\n二、整改措施\n一是每月学习1次。\n");
    let got = fired(rule, &text("工作完美无缺，但措施不足"));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "完美无缺");
    let got = fired(
        rule,
        &text("工作完美无缺，十全十美，完美无缺，尽善尽美，无可挑剔"),
    );
    // (The item's name is cut at 24 characters.)
    assert!(
        got[0].0.ends_with(" “完美无缺”“十全十美”“尽善尽美”"),
        "{got:?}"
    );
    // Negated: not an always phrase; the triggers decide, cleared here.
    assert!(fired(rule, &text("工作并非完美无缺，措施不足")).is_empty());
    assert_eq!(fired(rule, &text("工作并非完美无缺，取得成效")).len(), 1);
}

/// An `always` phrase told with what it cost the work is a fault: the
/// triggers decide (none here), unlike the same virtue told alone.
#[test]
fn an_always_phrase_beside_its_cost_gives_way() {
    let rule = "items: problems\ntriggers: [取得…成效]\ncounters: [不足]\nalways: [把关过严]\ncosts: [影响了…进度]\nmax-gap: 20\n";
    let text =
        |s: &str| format!("标题\n一、存在的问题\n一是{s}。\n二、整改措施\n一是每月学习1次。\n");
    assert_eq!(fired(rule, &text("审批把关过严，压力较大")).len(), 1);
    assert!(fired(rule, &text("审批把关过严，影响了2所学校的建设进度")).is_empty());
    assert_eq!(
        fired(rule, &text("审批把关过严，影响了进度，但取得明显成效")).len(),
        1
    );
}

/// A part heading ending in a colon on its own line leaves nothing of
/// its line to judge: the part's one paragraph is its one item, not its
/// second.
#[test]
fn a_heading_ending_in_a_colon_adds_no_paragraph() {
    let text = "标题\n一、存在的问题：\n改革取得明显成效。\n二、整改措施\n一是每月学习1次。\n";
    assert_eq!(
        fired(RULE, text),
        [(
            "“改革取得明显成效” “取得明显成效”".to_string(),
            "取得明显成效".to_string()
        )]
    );
}

/// A shortfall named for form after a turn (但…还有差距) does not clear a
/// record, nor does it count as owning a shortfall; without the turn it
/// counts.
#[test]
fn a_hollow_shortfall_clears_nothing() {
    let rule = |extra: &str| {
        format!(
            "items: problems\ntriggers: [排名第二]\ncounters: [差距, 但…]\nmax-gap: 20\n{extra}"
        )
    };
    let hollow = "hollow: ['(但|只是)…(差距|提升空间)']\n";
    let text =
        |s: &str| format!("标题\n一、存在的问题\n一是{s}\n二、整改措施\n一是每月学习1次。\n");
    let record = text("全年新签合同46亿元，在集团排名第二，但离要求还有差距。");
    assert!(fired(&rule(""), &record).is_empty());
    assert_eq!(fired(&rule(hollow), &record).len(), 1);
    // A real shortfall beside the hollow one still clears the record.
    let owned = text("在集团排名第二，但离要求还有差距，回款工作差距很大。");
    assert!(fired(&rule(hollow), &owned).is_empty());
    // With `owned`, a hollow shortfall is no shortfall owned.
    let unowned = format!("{hollow}owned: [差距]\nunowned-message: '{{id}}没有写不足'\n");
    let praise = text("工作劲头很足，只是还有提升空间。");
    assert_eq!(fired(&rule(&unowned), &praise).len(), 1);
    assert!(fired(&rule(&unowned), &text("学习与要求有差距，工作劲头很足。")).is_empty());
}

/// With `by-sentence`, a reason added after a comma (，另外…, ，加之…) is
/// judged apart from the shortfall the sentence owned before it.
#[test]
fn a_further_reason_is_judged_on_its_own() {
    let rule = "items: causes\ntriggers: [期望值…太高]\ncounters: [不够]\nmax-gap: 20\nby-sentence: true\n";
    let text = |s: &str| format!("标题\n一、原因剖析\n一是{s}\n二、整改措施\n一是每月学习1次。\n");
    let further = fired(
        rule,
        &text("要求自己不够，另外家长期望值太高，只能抓成绩。"),
    );
    assert_eq!(further.len(), 1, "{further:?}");
    assert_eq!(further[0].1, "期望值太高");
    assert_eq!(
        fired(rule, &text("要求自己不够，加之家长期望值太高。")).len(),
        1
    );
    // In one reason, the shortfall owned clears the excuse beside it.
    assert!(fired(rule, &text("要求自己不够，家长期望值太高。")).is_empty());
}

/// A clause the model quotes (and marks) leaves the item's number out:
/// “所在支部被评为先进基层党组织”, not “（2）所在支部…”.
#[test]
fn a_modelled_clause_is_quoted_without_the_items_number() {
    let rule = "items: problems\ntriggers: [不存在…问题]\ncounters: [不足]\nmax-gap: 20\nmodel:\n  table: praise-as-problem\n  threshold: 6.0\n";
    let text = "标题\n一、存在的问题\n（1）理论学习不够系统，2023年缺席中心组学习3次。\n（2）所在支部被评为先进基层党组织，全年办结信访件46件，办结率100%，得到上级充分肯定。\n二、原因剖析\n（一）放松学习。\n三、整改措施\n（一）每月学习1次。\n";
    let found = fired(rule, text);
    assert_eq!(found.len(), 1, "{found:?}");
    let (message, quoted) = &found[0];
    assert!(!quoted.starts_with('（'), "{found:?}");
    assert!(message.ends_with(&format!(" “{quoted}”")), "{found:?}");
}

/// A model reports an item the phrases leave alone when its score reaches
/// the threshold, at the sentence that reads most like the kind; the
/// phrases' own findings come first, and an item that says little is not
/// judged. An unknown model is refused by name.
#[test]
fn a_model_reports_what_the_phrases_leave_alone() {
    let rule = |threshold: f64| {
        format!("items: problems\ntriggers: [不存在…问题]\ncounters: [不足]\nmax-gap: 20\nmodel:\n  table: praise-as-problem\n  threshold: {threshold}\n")
    };
    let text = "标题\n一、存在的问题\n（一）在工作方面。\n一是理论学习不够系统。2023年中心组安排的12次专题学习，我有3次因出差缺席，事后也没有补学。\n二是工作成效明显。全年办结信访件46件，办结率100%，所在支部被评为先进基层党组织，得到上级充分肯定。\n三是不存在违反纪律的问题。\n二、原因剖析\n（一）放松学习。\n三、整改措施\n（一）每月学习1次。\n";
    let found = fired(&rule(6.0), text);
    let quoted: Vec<&str> = found.iter().map(|(_, q)| q.as_str()).collect();
    // The record is reported by the model at its strongest sentence; the
    // denial by the phrase; the shortfall by neither.
    assert_eq!(quoted.len(), 2, "{found:?}");
    assert!(quoted[0].contains("被评为先进基层党组织"), "{found:?}");
    assert!(found[0].0.starts_with("“二是工作成效明显” “"), "{found:?}");
    assert_eq!(quoted[1], "不存在违反纪律的问题");
    // A threshold no item reaches leaves the phrases' finding only.
    assert_eq!(fired(&rule(1000.0), text).len(), 1);
    let Err(e) = params("items: problems\ntriggers: [x]\ncounters: [y]\nmax-gap: 20\nmodel: {table: nothing, threshold: 6}\n") else {
        panic!("an unknown model must be refused");
    };
    assert_eq!(e.field, [Seg::Key("model".into())]);
    assert!(
        e.message.contains("nothing") && e.message.contains("praise-as-problem"),
        "{}",
        e.message
    );
}

/// An item whose phrases were found and cleared is left to them, unless
/// `over-phrases` is given and the model's score reaches it.
#[test]
fn a_cleared_phrase_stands_unless_the_model_is_far_surer() {
    let rule = |over: &str| {
        format!("items: problems\ntriggers: [位居…第一]\ncounters: [差距]\nmax-gap: 20\nmodel:\n  table: praise-as-problem\n  threshold: 1000.0\n{over}")
    };
    let text = "标题\n一、存在的问题\n（一）在工作方面。\n一是辖区连续三年实现零命案，群众安全感测评位居全区第一，只是宣传工作有差距。\n二、原因剖析\n（一）放松学习。\n三、整改措施\n（一）每月学习1次。\n";
    assert_eq!(fired(&rule(""), text), Vec::<(String, String)>::new());
    assert!(fired(&rule("  over-phrases: 1000.0\n"), text).is_empty());
    let found = fired(&rule("  over-phrases: -1000.0\n"), text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].0.starts_with("“一是辖区连续三年实现零命案，"),
        "{found:?}"
    );
}
