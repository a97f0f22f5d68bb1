//! unaddressed-problem, unaddressed-cause, orphan-measure, vague-problem,
//! vague-measure and the outline's links, on small reports written here and
//! on the corpus.

mod common;
use common::*;
use serde_json::Value;

fn write(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

const REPORT: &str = "\
某局长2024年度民主生活会对照检查材料
一、存在的问题
1.理论学习不系统。2024年局党组中心组集中学习12次，我缺席3次，没有补学。
2.请示报告不及时。今年7月防汛期间，我没有第一时间向市政府报告险情，延误了2个小时。
3.安全生产监管有漏洞。今年两起叉车事故，我都没有到现场督导隐患整改。
二、原因剖析
1.理想信念不够坚定，把理论学习当作软任务。
三、整改措施
1.每月参加中心组学习不少于2次，6月底前研读《习近平谈治国理政》第五卷，坚定理想信念。
2.严格执行请示报告制度，重大险情30分钟内向市政府报告，每季度书面报告一次分管工作。
3.建设单位网站，年底前完成网页改版。
";

#[test]
fn an_item_without_a_measure_is_reported_with_the_closest_measure() {
    let (_d, path) = write(REPORT);
    let (_, json) = check_json(&[path.to_str().unwrap()]);
    let diags = json["diagnostics"].as_array().unwrap();
    let unaddressed: Vec<&Value> = diags
        .iter()
        .filter(|d| d["rule"] == "unaddressed-problem")
        .collect();
    assert_eq!(unaddressed.len(), 1, "{unaddressed:?}");
    let d = unaddressed[0];
    assert_eq!(d["text"], "3.安全生产监管有漏洞");
    assert_eq!(d["severity"], "warning");
    // Named as written, not by an internal id.
    assert_eq!(d["message"], "问题“3.安全生产监管有漏洞”没有对应的整改措施");
    let note = d["notes"][0].as_str().unwrap();
    assert!(note.starts_with("最接近的措施："), "{note}");
    assert!(note.contains("< 0.09"), "{note}");
    assert!(
        diags.iter().all(|d| d["rule"] != "unaddressed-cause"),
        "the cause is answered by measure 1"
    );
}

/// The rule asks for the links itself: selected alone (no orphan-measure
/// to ask for them), unaddressed-problem still finds the item.
#[test]
fn unaddressed_problem_selected_alone_still_finds_the_item() {
    let (_d, path) = write(REPORT);
    let (_, json) = check_json(&["--select", "unaddressed-problem", path.to_str().unwrap()]);
    let texts: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["3.安全生产监管有漏洞"]);
}

#[test]
fn a_measure_that_answers_nothing_is_an_orphan() {
    let (_d, path) = write(REPORT);
    let fired = rules_fired(&path, "orphan-measure");
    assert_eq!(fired, ["3.建设单位网站，年底前完成网页改版"]);
}

#[test]
fn an_orphan_measure_names_the_item_it_comes_closest_to() {
    // Measure 3 shares a little wording (整改) with problem 3 only; the note
    // names the item with the highest score for its threshold, not the
    // lowest.
    let (_d, path) = write(REPORT);
    let (_, json) = check_json(&["--select", "orphan-measure", path.to_str().unwrap()]);
    let d = &json["diagnostics"][0];
    assert_eq!(d["text"], "3.建设单位网站，年底前完成网页改版");
    assert_eq!(
        d["notes"][0],
        "最接近的条目：3.安全生产监管有漏洞 相似度 0.05 < 0.09"
    );
}

#[test]
fn a_cause_without_a_measure_is_reported() {
    let text = REPORT.replace(
        "1.理想信念不够坚定，把理论学习当作软任务。",
        "1.理想信念不够坚定，把理论学习当作软任务。\n2.廉洁自律的防线松动，对亲属收受礼金没有制止。",
    );
    let (_d, path) = write(&text);
    assert_eq!(
        rules_fired(&path, "unaddressed-cause"),
        ["2.廉洁自律的防线松动，对亲属收受礼金没有制止"]
    );
}

#[test]
fn vague_items_are_found_and_concrete_ones_pass() {
    let (_d, path) = write(REPORT);
    assert!(rules_fired(&path, "vague-problem").is_empty());
    assert!(rules_fired(&path, "vague-measure").is_empty());
    let vague = REPORT
        .replace(
            "1.理论学习不系统。2024年局党组中心组集中学习12次，我缺席3次，没有补学。",
            "1.理论学习不够深入。学习的系统性还不够，有时满足于完成任务。",
        )
        .replace(
            "3.建设单位网站，年底前完成网页改版。",
            "3.进一步加强作风建设，不断提高服务水平，切实增强宗旨意识。",
        );
    let (_d2, path2) = write(&vague);
    assert_eq!(rules_fired(&path2, "vague-problem"), ["1.理论学习不够深入"]);
    assert_eq!(
        rules_fired(&path2, "vague-measure"),
        ["3.进一步加强作风建设，不断提高服务水平，切实增强宗旨意识"]
    );
}

#[test]
fn corpus_vague_reports_are_flagged_and_good_ones_are_not() {
    assert_eq!(
        rules_fired(&corpus("bad-vague.txt"), "vague-problem").len(),
        10
    );
    assert_eq!(
        rules_fired(&corpus("bad-boilerplate.txt"), "vague-measure").len(),
        7
    );
    for good in [
        "good-01-yi-guanyu.txt",
        "good-03-part.txt",
        "good-05-topic.txt",
    ] {
        let f = findings_of(&corpus(good));
        assert!(f.is_empty(), "{good}: {f:?}");
    }
}

#[test]
fn outline_json_lists_links_with_scores_and_empty_targets() {
    let out = bin()
        .args(["outline", "--format", "json"])
        .arg(corpus("references/seed-2023-template.txt"))
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let links = json["documents"][0]["links"].as_array().unwrap();
    // Every problem item (12) and cause (3) has an entry.
    assert_eq!(links.len(), 15);
    let find = |id: &str| links.iter().find(|l| l["from"] == id).unwrap();
    // 请示报告“不及时” is answered by （二）…坚决贯彻落实请示报告制度.
    let to = find("p3.2")["to"].as_array().unwrap();
    assert_eq!(to[0]["item"], "m2");
    assert!(to[0]["score"].as_f64().unwrap() >= 0.12);
    // 防范意识“不到位”: no measure speaks of risks.
    assert!(find("p5.2")["to"].as_array().unwrap().is_empty());
    let tree = String::from_utf8(
        bin()
            .arg("outline")
            .arg(corpus("references/seed-2023-template.txt"))
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(tree.contains("p5.2 → （无对应措施）"), "{tree}");
}

/// The closest measure's shared words are listed only when there are some:
/// 安全生产 shares nothing with the measures, 理论学习 shares 学习 with one.
#[test]
fn shared_words_are_noted_only_when_there_are_some() {
    let notes = |text: &str| -> Vec<String> {
        let (_d, path) = write(text);
        let (_, json) = check_json(&[path.to_str().unwrap()]);
        let d = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == "unaddressed-problem")
            .cloned()
            .unwrap();
        d["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_string())
            .collect()
    };
    let nothing_shared = notes(REPORT);
    assert_eq!(nothing_shared.len(), 1, "{nothing_shared:?}");
    let shared = notes(&REPORT.replace(
        "3.安全生产监管有漏洞。今年两起叉车事故，我都没有到现场督导隐患整改。",
        // A fourth problem: no k-th measure for the k-th problem, so the
        // closest measure is the one sharing words.
        "3.理论学习笔记不全。今年学习笔记只记了3次，没有结合工作写体会。\n4.防汛物资管理松散。今年7月清点时少了20袋沙袋。",
    ));
    assert_eq!(shared.len(), 2, "{shared:?}");
    assert!(shared[1].starts_with("共同词语：学习"), "{shared:?}");
}

/// A team's closing pledge (班子将以这次民主生活会为新的起点，逐项建立整改
/// 台账，明确责任人……) is about all the measures: it lends the last one no
/// evidence. 履行第一责任人职责 is a stock phrase, not who does the work;
/// a measure naming its 责任人 has one.
#[test]
fn a_closing_pledge_and_a_stock_first_responsible_lend_no_evidence() {
    let text = "某集团领导班子民主生活会对照检查材料\n一、存在的问题\n（一）安全生产监管不严，今年3月一处工地发生高处坠落事故。\n（二）党建责任落实不到位，2个子公司全年未开展组织生活。\n二、整改措施\n（一）扛起管党治党政治责任。切实履行第一责任人职责，推动全面从严治党向基层延伸。\n（二）每季度督查一次子公司组织生活，明确党群工作部为责任部门，指定专人为责任人。\n（三）统筹抓好安全生产工作。坚决扛起安全生产政治责任，压紧压实各级责任。\n\n集团领导班子将以这次民主生活会为新的起点，逐项建立整改台账，明确责任人和完成时限，确保整改到位。\n";
    let (_d, path) = write(text);
    assert_eq!(
        rules_fired(&path, "vague-measure"),
        ["（一）扛起管党治党政治责任", "（三）统筹抓好安全生产工作"]
    );
}
