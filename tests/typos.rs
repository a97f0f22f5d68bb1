//! `typo`: every misspelling of rules/typo.yaml is found in a sentence
//! that holds it, and correct text holding its characters across words, or
//! its correction, stays quiet. Doubled words: mistakes found,
//! reduplication quiet.

mod common;

use common::*;
use serde_json::Value;

#[derive(serde::Deserialize)]
struct Sentences {
    wrong: String,
    example: String,
    hazards: Vec<String>,
}

#[derive(serde::Deserialize)]
struct RuleFile {
    params: Params,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Params {
    pairs: Vec<Pair>,
    set_phrases: Vec<String>,
    words_read_alike: Vec<String>,
    in_context: Vec<InContext>,
}

#[derive(serde::Deserialize)]
struct InContext {
    right: String,
    example: String,
    quiet: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Pair {
    wrong: String,
    right: String,
}

/// (line, text) of the typo findings of a report with `lines` as the
/// paragraphs of its problems part (line 1 of `lines` is line 3).
fn typos(lines: &[String]) -> Vec<(usize, String)> {
    let mut text = String::from("标题\n一、存在的问题\n");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    text.push_str("二、原因剖析\n三、整改措施\n");
    let (_dir, path) = temp_report("t.txt", &text);
    let (_, json) = check_json(&["--select", "typo", path.to_str().unwrap()]);
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d: &Value| {
            (
                d["span"]["line"].as_u64().unwrap() as usize - 2,
                d["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn sentences() -> Vec<Sentences> {
    let text = std::fs::read_to_string(root().join("tests/data/typos.yaml")).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

fn params() -> Params {
    let text = std::fs::read_to_string(root().join("rules/typo.yaml")).unwrap();
    let mut files: Vec<RuleFile> = serde_yaml::from_str(&text).unwrap();
    files.remove(0).params
}

fn pairs() -> Vec<Pair> {
    params().pairs
}

#[test]
fn every_example_is_found_with_its_wrong_form() {
    let s = sentences();
    assert!(s.len() >= 500, "{}", s.len());
    let lines: Vec<String> = s.iter().map(|x| x.example.clone()).collect();
    let found = typos(&lines);
    for (i, x) in s.iter().enumerate() {
        let here: Vec<&String> = found
            .iter()
            .filter(|(l, _)| *l == i + 1)
            .map(|(_, t)| t)
            .collect();
        assert!(
            here.iter().any(|t| **t == x.wrong),
            "{} not found in {} ({here:?})",
            x.wrong,
            x.example
        );
    }
}

#[test]
fn hazards_and_corrections_stay_quiet() {
    let s = sentences();
    let mut lines: Vec<String> = s.iter().flat_map(|x| x.hazards.clone()).collect();
    assert!(lines.len() >= 100, "{}", lines.len());
    // Every correction of the whole list, in a sentence.
    lines.extend(
        pairs()
            .iter()
            .map(|p| format!("正确的写法是：{}。", p.right)),
    );
    let found = typos(&lines);
    let shown: Vec<String> = found
        .iter()
        .map(|(l, t)| format!("{t} in {}", lines[l - 1]))
        .collect();
    assert!(found.is_empty(), "{}", shown.join("\n"));
    // The list itself: no wrong form is, or is inside, a correction.
    let pairs = pairs();
    for p in &pairs {
        assert_ne!(p.wrong, p.right);
        assert!(
            !pairs.iter().any(|q| q.right.contains(&p.wrong)),
            "{} is inside a correction",
            p.wrong
        );
    }
}

/// The words and phrases whose misspellings are found without a list
/// stay quiet written right, alone and in the phrases reports use.
#[test]
fn set_phrases_and_words_read_alike_stay_quiet_written_right() {
    let p = params();
    assert!(p.set_phrases.len() >= 150, "{}", p.set_phrases.len());
    assert!(
        p.words_read_alike.len() >= 300,
        "{}",
        p.words_read_alike.len()
    );
    let mut lines: Vec<String> = p
        .set_phrases
        .iter()
        .map(|w| format!("要做到{w}，不能停留在口头上。"))
        .collect();
    lines.extend(
        p.words_read_alike
            .iter()
            .map(|w| format!("关于{w}的问题，我们再研究。")),
    );
    let found = typos(&lines);
    let shown: Vec<String> = found
        .iter()
        .map(|(l, t)| format!("{t} in {}", lines[l - 1]))
        .collect();
    assert!(found.is_empty(), "{}", shown.join("\n"));
}

/// A set phrase, a doubled idiom or an often misspelt word written with a
/// character read alike is found with its correction though no pair lists
/// it; two words side by side that only sound like one stay quiet.
#[test]
fn misspellings_read_alike_are_found_without_a_pair() {
    let lines: Vec<String> = [
        "一是整改工作缺乏久久为攻的韧劲。",
        "二是宗志意识有所淡化。",
        "三是工作不够兢兢叶叶。",
        "四是对理论的精随把握不准。",
        "五是说干就干，想到就是干，这是我的作风。",
        "六是把权力凌驾于人民之上的苗头要警惕。",
    ]
    .map(String::from)
    .to_vec();
    let found = typos(&lines);
    assert_eq!(
        found,
        [
            (1, "久久为攻".to_string()),
            (2, "宗志意识".to_string()),
            (3, "兢兢叶叶".to_string()),
            (4, "精随".to_string()),
        ],
        "{found:?}"
    );
    let text = "标题\n一、存在的问题\n一是整改缺乏久久为攻的韧劲。\n二、原因剖析\n三、整改措施\n";
    let (_dir, path) = temp_report("t.txt", text);
    let (_, json) = check_json(&["--select", "typo", path.to_str().unwrap()]);
    assert_eq!(
        json["diagnostics"][0]["message"].as_str().unwrap(),
        "错别字“久久为攻”，应为“久久为功”"
    );
}

/// A place name ending where a word is written again (江城市/城市建设) is
/// no doubled word; a character before the first copy that makes no place
/// with it leaves the doubling a mistake (10月底前/清理清理, 2名/教师教师).
#[test]
fn a_place_name_before_a_word_is_no_doubling() {
    let lines: Vec<String> = [
        "一是中共江城市城市建设投资集团有限公司的项目推进慢。",
        "二是10月底前清理清理教育系统的违规收费。",
        "三是有2名教师教师在校外培训机构兼职。",
    ]
    .map(String::from)
    .to_vec();
    let found = typos(&lines);
    assert_eq!(
        found,
        [(2, "清理清理".to_string()), (3, "教师教师".to_string())],
        "{found:?}"
    );
}

#[test]
fn doubled_words_are_mistakes_and_reduplication_is_not() {
    let lines: Vec<String> = [
        "一是推进推进整改落实不够有力。",
        "二是对群众的的诉求回应不及时。",
        "三是认认真真学习、扎扎实实工作做得不够，常常满足于完成任务。",
        "四是一个一个地走访困难户，我只走了3户。",
        "五是遇到难题只说研究研究，没有下文。",
        "六是有人说“规划规划，纸上画画、墙上挂挂”，我也有这种倾向。",
        "七是“规划规划工作”抓得不实。",
        "八是对课后服务课后服务的内容研究不够。",
        "九是对安全生产安全生产责任制落实不力。",
        "十是干部作风工作作风有待转变。",
        "今后要要把安全作为学习重点，这项工作于于群众有利。",
        "重要要求、需要要素和只要要求都是两个词。",
        "自己在在思想上没有当回事；要在在职党员中开展学习，就就业问题调研。",
        "纪律意识不不够牢，行不行不重要，不得不说。",
    ]
    .map(String::from)
    .to_vec();
    let found = typos(&lines);
    // A quoted saying that opens with the word twice is said so on
    // purpose; the same words running on inside a quotation are not. Two
    // words typed twice are one finding; two phrases sharing a word
    // (干部作风工作作风) are none.
    assert_eq!(
        found,
        [
            (1, "推进推进".to_string()),
            (2, "的的".to_string()),
            (7, "规划规划".to_string()),
            (8, "课后服务课后服务".to_string()),
            (9, "安全生产安全生产".to_string()),
            (11, "要要".to_string()),
            (11, "于于".to_string()),
            (13, "在在".to_string()),
            (14, "不不".to_string())
        ],
        "{found:?}"
    );
}

/// The 是 of an inline marker typed again (二是是…) is doubled; 一是是否…
/// asks a question, 是是非非 is a word, and a doubling found so leaves the
/// doubled words after it in the line to be found too.
#[test]
fn a_markers_shi_typed_again_is_doubled() {
    let lines: Vec<String> = [
        "一是学习不够。二是是档案开放审核进度偏慢，推进推进不力。",
        "一是是否建立台账要逐项核对。",
        "三是分不清是是非非。",
        "总是是非不分。",
    ]
    .map(String::from)
    .to_vec();
    let found = typos(&lines);
    assert_eq!(
        found,
        [(1, "是是".to_string()), (1, "推进推进".to_string())],
        "{found:?}"
    );
}

/// A doubled word right after another is a finding of its own: only a
/// word starting inside the last finding (a third copy) is left out.
#[test]
fn doubled_words_one_after_another_are_each_found() {
    let lines: Vec<String> = [
        "一是推进推进的的整改措施不够有力。",
        "二是对群众的的的诉求回应不及时。",
    ]
    .map(String::from)
    .to_vec();
    let found = typos(&lines);
    assert_eq!(
        found,
        [
            (1, "推进推进".to_string()),
            (1, "的的".to_string()),
            (2, "的的".to_string())
        ],
        "{found:?}"
    );
}

/// An idiom written with one character replaced by one read alike is found
/// with its correction, though no pair lists it; words that only look one
/// character away from an idiom, or are read differently, stay quiet. A
/// misspelling jieba's dictionary lists as a rare word is still one, and so
/// is one cut into two rare words.
#[test]
fn misspelt_idioms_are_found_by_reading() {
    let lines: Vec<String> = [
        "对群众反映的问题付衍了事。",
        "以篇概全地看待基层干部。",
        "一诺千斤的承诺没有兑现。",
        "学习教育开展不够深入。",
        "对矛盾一转了之。",
        "他坚持不解释原因。",
        "我们敷衍了事的作风必须整改。",
        // jieba's dictionary lists this misspelling, at frequency 3.
        "工作中总想别出新裁。",
        // Two rare words across the idiom's halves (流于/型式, 真知/卓见)
        // are the idiom written wrong; beside a word often written
        // (网格/管理) they are text.
        "整改措施流于型式。",
        "缺少真知卓见。",
        "推行网格管理。",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let found = typos(&lines);
    assert_eq!(
        found,
        [
            (1, "付衍了事".to_string()),
            (2, "以篇概全".to_string()),
            (3, "一诺千斤".to_string()),
            (8, "别出新裁".to_string()),
            (9, "流于型式".to_string()),
            (10, "真知卓见".to_string())
        ],
        "{found:?}"
    );
    let (_dir, path) = temp_report(
        "t.txt",
        "标题\n一、存在的问题\n对群众反映的问题付衍了事。\n",
    );
    let (_, json) = check_json(&["--select", "typo", path.to_str().unwrap()]);
    let message = json["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("应为“敷衍了事”"), "{message}");
}

/// The segmenter cuts misspellings unpredictably: one is found when the
/// cut leaves a word of its own (格/守纪律) or, for a long one, a particle
/// (直接/了/当地), and not when it leaves a piece of a word (发布/署名,
/// 坐/阵地).
#[test]
fn misspellings_off_word_boundaries_are_found_unless_they_cut_a_word_badly() {
    let lines: Vec<String> = [
        "一是格守纪律规矩底线做得不够。",
        "二是接访时我直接了当地说没有办法。",
        "三是今年发布署名文章两篇。",
        "四是防汛时在一线坐阵地指挥。",
    ]
    .map(String::from)
    .to_vec();
    let found = typos(&lines);
    assert_eq!(
        found,
        [(1, "格守".to_string()), (2, "直接了当".to_string())],
        "{found:?}"
    );
}

/// A word that ends a longer token and is written again as the next token
/// is doubled (忧患意识意识); the start of a longer word is not
/// (党组织组织生活会).
#[test]
fn a_word_written_again_after_the_compound_it_ends_is_doubled() {
    let lines: Vec<String> = [
        "一是忧患意识意识不强。",
        "二是基层党组织组织生活会开得不够经常。",
    ]
    .map(String::from)
    .to_vec();
    let found = typos(&lines);
    assert_eq!(found, [(1, "意识意识".to_string())], "{found:?}");
}

/// Each confusion found in context is found in its example, corrected
/// with its right form, and stays quiet in its sentences written right.
#[test]
fn confusions_in_context_are_found_and_correct_use_is_not() {
    let entries = params().in_context;
    assert!(entries.len() >= 7, "{}", entries.len());
    let examples: Vec<String> = entries.iter().map(|c| c.example.clone()).collect();
    let found = typos(&examples);
    for (i, c) in entries.iter().enumerate() {
        let here: Vec<&String> = found
            .iter()
            .filter(|(l, _)| *l == i + 1)
            .map(|(_, t)| t)
            .collect();
        assert!(!here.is_empty(), "nothing found in {}", c.example);
        for t in &here {
            // The reported text is the confused word, and the example
            // written with the correction in its place is one of `quiet`.
            assert!(c.example.contains(t.as_str()) && t.chars().count() == c.right.chars().count());
        }
        let corrected = c.example.replace(here[0].as_str(), &c.right);
        assert!(
            c.quiet.contains(&corrected),
            "{corrected} is not among the quiet forms"
        );
    }
    let quiet: Vec<String> = entries.iter().flat_map(|c| c.quiet.clone()).collect();
    let found = typos(&quiet);
    assert!(found.is_empty(), "{found:?}");
}

/// Function characters written twice apart (还/还, 了/了, 是/是) or joined
/// into a word no dictionary knows (共共, 以以) are slips; verbs doubled
/// (看看文件、抓抓落实, 墙上挂挂, 说说而已) and the dictionary's doubled
/// words (常常, 是是非非, 不了了之, 的的确确) are forms of their own; 了解,
/// 是否 after the same character are words.
#[test]
fn function_characters_written_twice_are_slips_and_doubled_verbs_are_not() {
    let lines: Vec<String> = [
        "一是领导查房还还停留在听汇报上。",
        "二是笔记只记了了3页，学习党史是是带着任务学的。",
        "三是全年共共22次到项目现场，坚持“以以人民为中心”不够，对这这些意见重视不够。",
        "四是认为看看文件、抓抓落实就行，规划只是墙上挂挂，说说而已。",
        "五是常常分不清是是非非，有的问题不了了之，的的确确该反思。",
        "六是为了了解情况，我只是是否定了方案，比以往更少下基层。",
        "七是没没有按时完成，对其其他问题、因因为忙、更更加、即即使、无无论都是重复；关键是是否落实，有无无法判断。",
    ]
    .map(String::from)
    .to_vec();
    let found = typos(&lines);
    assert_eq!(
        found,
        [
            (1, "还还".to_string()),
            (2, "了了".to_string()),
            (2, "是是".to_string()),
            (3, "共共".to_string()),
            (3, "以以".to_string()),
            (3, "这这".to_string()),
            (7, "没没".to_string()),
            (7, "其其".to_string()),
            (7, "因因".to_string()),
            (7, "更更".to_string()),
            (7, "即即".to_string()),
            (7, "无无".to_string()),
        ],
        "{found:?}"
    );
}
