use super::*;

fn load_text(text: &str) -> Result<Config, ConfigError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("critique-lint.yaml");
    std::fs::write(&path, text).unwrap();
    Config::load(Some(&path), dir.path())
}

/// A user config and one extend-rules file `extra.yaml`; builds the rules.
fn load_with_extra(config: &str, extra: &str) -> Result<RuleSet, ConfigError> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("extra.yaml"), extra).unwrap();
    let path = dir.path().join("critique-lint.yaml");
    std::fs::write(&path, config).unwrap();
    Config::load(Some(&path), dir.path())?.build_rules()
}

const EXTRA_RULE: &str = "\
- id: excuse-cause
  kind: word-list
  severity: warning
  summary: s
  message: m
  explanation: e
  bad: b
  good: g
  params:
";

#[test]
fn defaults_parse() {
    let c = Config::defaults().unwrap();
    assert!(c.rules.iter().any(|r| r.id == "numbering"));
    c.build_rules().unwrap();
}

#[test]
fn rules_can_be_turned_off_and_overridden() {
    let c = load_text("rules:\n  numbering: off\n  vague-wording:\n    severity: error\n").unwrap();
    assert!(!c.rules.iter().any(|r| r.id == "numbering"));
    let v = c.rules.iter().find(|r| r.id == "vague-wording").unwrap();
    assert_eq!(v.severity, Severity::Error);
}

#[test]
fn errors_carry_line_and_column() {
    let e = load_text("rules:\n  numbering:\n    severty: error\n").unwrap_err();
    assert_eq!((e.line, e.column), (3, 5), "{e}");
    assert!(e.message.contains("severty"), "{e}");
    let e = load_text("rules:\n  no-such-rule: off\n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 3));
    let e = load_text("rules:\n  numbering: maybe\n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 14), "{e}");
    let e = load_text("colour: red\n").unwrap_err();
    assert_eq!((e.line, e.column), (1, 1), "{e}");
    let e = load_text("links:\n  threshold: high\n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 14), "{e}");
    assert!(e.message.starts_with("links.threshold: "), "{e}");
    let e = load_text("select: [numbering, no-such]\n").unwrap_err();
    assert_eq!((e.line, e.column), (1, 21), "{e}");
}

#[test]
fn params_errors_point_into_the_file_that_wrote_them() {
    // A parameter the kind does not take, in an extend-rules file.
    let e = load_with_extra(
        "extend-rules: [extra.yaml]\n",
        &format!("{EXTRA_RULE}    words: [工作忙]\n    wordz: [任务重]\n"),
    )
    .err()
    .unwrap();
    assert!(e.path.ends_with("extra.yaml"), "{e}");
    assert_eq!((e.line, e.column), (11, 5), "{e}");
    assert!(e.message.contains("不接受参数 `wordz`"), "{e}");
    // A missing parameter: at the rule's params.
    let e = load_with_extra(
        "extend-rules: [extra.yaml]\n",
        &format!("{EXTRA_RULE}    {{}}\n"),
    )
    .err()
    .unwrap();
    assert!(e.path.ends_with("extra.yaml"), "{e}");
    assert_eq!(e.line, 10, "{e}");
    // A bad regex in the second pattern of a user override: at that regex.
    let e = load_with_extra(
        "rules:\n  placeholder:\n    params:\n      patterns:\n        - {regex: 'XX', what: a}\n        - {regex: '(', what: b}\n",
        "[]\n",
    )
    .err()
    .unwrap();
    assert!(e.path.ends_with("critique-lint.yaml"), "{e}");
    assert_eq!((e.line, e.column), (6, 19), "{e}");
    assert!(e.message.contains("正则表达式 `(` 无效"), "{e}");
    // An unreadable extend-rules file: at its entry in the list.
    let e = load_with_extra("extend-rules:\n  - extra.yaml\n  - missing.yaml\n", "[]\n")
        .err()
        .unwrap();
    assert_eq!((e.line, e.column), (3, 5), "{e}");
}
