//! Failures are told in Chinese, the system's or parser's English kept
//! after it in parentheses (issue 13).

mod common;
use common::*;
use std::os::unix::fs::PermissionsExt;

fn stderr_of(dir: &std::path::Path, args: &[&str]) -> (i32, String) {
    let out = bin().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn an_unreadable_file_is_reported_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "一、存在的问题\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Root (or a file system without permissions) reads it anyway.
        eprintln!("skipped: a.txt is readable despite mode 000");
        return;
    }
    let (code, stderr) = stderr_of(dir.path(), &["a.txt"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("a.txt: 无法读取：没有权限（Permission denied, os error 13）"),
        "{stderr}"
    );
}

#[test]
fn config_errors_are_in_chinese_with_the_english_kept() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "一、存在的问题\n").unwrap();
    let cases = [
        (
            "fail-on: warning\nfoo: 1\n",
            "c.yaml:2:1: 未知的键“foo”（unknown field `foo`, expected one of `rules`,",
        ),
        (
            "copying:\n  noise: \"x\"\n",
            "c.yaml:2:10: copying.noise: 类型不对：应为非负整数，而这里是文字 \"x\"（invalid type: string \"x\", expected usize）",
        ),
        (
            "rules:\n  numbering:\n    severity: bogus\n",
            "c.yaml:3:15: rules.numbering.severity: 未知的取值“bogus”（unknown variant `bogus`, expected one of `info`, `warning`, `error`）",
        ),
        (
            "rules:\n  numbering: [1\n",
            "c.yaml:3:1: 格式错误（did not find expected ',' or ']'）",
        ),
    ];
    for (yaml, expected) in cases {
        std::fs::write(dir.path().join("c.yaml"), yaml).unwrap();
        let (code, stderr) = stderr_of(dir.path(), &["--config", "c.yaml", "a.txt"]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(expected), "{yaml}\n{stderr}");
    }
}

#[test]
fn missing_files_and_unwritable_outputs_are_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "一、存在的问题\n").unwrap();
    let (code, stderr) = stderr_of(dir.path(), &["--config", "none.yaml", "a.txt"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "无法读取配置文件：文件或目录不存在（No such file or directory, os error 2）"
        ),
        "{stderr}"
    );
    let (code, stderr) = stderr_of(dir.path(), &["-o", "no/such/dir/out.txt", "a.txt"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("无法写入：文件或目录不存在（No such file or directory, os error 2）"),
        "{stderr}"
    );
    let (code, stderr) = stderr_of(dir.path(), &["--baseline", "none.json", "a.txt"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "无法读取基线文件：文件或目录不存在（No such file or directory, os error 2）"
        ),
        "{stderr}"
    );
}
