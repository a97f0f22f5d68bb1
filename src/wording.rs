//! Chinese wording for the English texts of the operating system and of
//! serde (`Permission denied (os error 13)`, `unknown field `foo``): the
//! reader gets a Chinese phrase first and the original text after it in
//! parentheses, for searching the web or reporting a bug.

use std::io::ErrorKind;

/// `没有权限（Permission denied, os error 13）`.
pub(crate) fn io(e: &std::io::Error) -> String {
    let phrase = match e.kind() {
        ErrorKind::NotFound => "文件或目录不存在",
        ErrorKind::PermissionDenied => "没有权限",
        ErrorKind::IsADirectory => "是目录，不是文件",
        ErrorKind::NotADirectory => "路径中有一部分不是目录",
        ErrorKind::AlreadyExists => "已存在",
        ErrorKind::InvalidData => "内容无效（不是有效的文本或格式）",
        ErrorKind::InvalidInput => "参数无效",
        ErrorKind::UnexpectedEof => "文件意外结束（可能不完整）",
        ErrorKind::StorageFull => "磁盘空间已满",
        ErrorKind::ReadOnlyFilesystem => "文件系统是只读的",
        ErrorKind::FileTooLarge => "文件过大",
        ErrorKind::OutOfMemory => "内存不足",
        ErrorKind::Interrupted => "操作被中断",
        ErrorKind::TimedOut => "操作超时",
        ErrorKind::BrokenPipe => "输出管道已关闭",
        ErrorKind::WouldBlock | ErrorKind::ResourceBusy => "文件正被占用",
        ErrorKind::DirectoryNotEmpty => "目录不为空",
        ErrorKind::CrossesDevices => "不能跨磁盘移动文件",
        ErrorKind::InvalidFilename => "文件名无效或过长",
        _ => "系统错误",
    };
    format!("{phrase}（{}）", detail(&e.to_string()))
}

/// `Permission denied (os error 13)` → `Permission denied, os error 13`:
/// one pair of parentheses is enough.
fn detail(text: &str) -> String {
    match text.rsplit_once(" (os error ") {
        Some((what, code)) if code.ends_with(')') => {
            format!("{what}, os error {}", &code[..code.len() - 1])
        }
        _ => text.to_string(),
    }
}

/// A serde or YAML parser message in Chinese, the original after it:
/// `未知的键“foo”（unknown field `foo`, expected one of …）`.
pub(crate) fn serde(message: &str) -> String {
    format!("{}（{message}）", serde_phrase(message))
}

fn serde_phrase(m: &str) -> String {
    // serde's messages quote names in backticks.
    let quoted = |prefix: &str| {
        let rest = m.strip_prefix(prefix)?;
        Some(rest[..rest.find('`')?].to_string())
    };
    if let Some(k) = quoted("unknown field `") {
        return format!("未知的键“{k}”");
    }
    if let Some(k) = quoted("missing field `") {
        return format!("缺少键“{k}”");
    }
    if let Some(k) = quoted("duplicate field `") {
        return format!("键“{k}”重复");
    }
    if let Some(v) = quoted("unknown variant `") {
        return format!("未知的取值“{v}”");
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        return match rest.split_once(", expected ") {
            Some((found, expected)) => match expected_kind(expected) {
                Some(kind) => format!("类型不对：应为{kind}，而这里是{}", found_kind(found)),
                None => format!("类型不对：这里不能是{}", found_kind(found)),
            },
            None => "类型不对".to_string(),
        };
    }
    if m.starts_with("invalid value: ") {
        return "取值无效".to_string();
    }
    if m.starts_with("invalid length ") {
        return "个数不对".to_string();
    }
    if m.starts_with("duplicate entry") || m.contains("duplicate key") {
        return "同一个键写了两次".to_string();
    }
    if m.starts_with("recursion limit exceeded") {
        return "嵌套过深".to_string();
    }
    // A parser's own message (YAML or JSON syntax).
    "格式错误".to_string()
}

/// What serde expected, as the reader wrote it.
fn expected_kind(e: &str) -> Option<&'static str> {
    Some(match e {
        "f64" | "f32" => "数",
        "u8" | "u16" | "u32" | "u64" | "usize" => "非负整数",
        "i8" | "i16" | "i32" | "i64" | "isize" => "整数",
        "a boolean" | "bool" => "true 或 false",
        "a string" | "a character" | "a borrowed string" => "文字",
        _ if e.starts_with("a sequence") || e.starts_with("a list") => "列表",
        _ if e.starts_with("struct ") || e.starts_with("a map") || e.starts_with("a mapping") => {
            "键值表（键: 值）"
        }
        _ => return None,
    })
}

/// What serde found instead (`string "x"`, `integer `5``, `sequence`).
fn found_kind(f: &str) -> String {
    let kind = f.split([' ', '`']).next().unwrap_or(f);
    let value = f
        .split_once(' ')
        .map(|(_, v)| v.trim_matches('`'))
        .unwrap_or("");
    let name = match kind {
        "string" => "文字",
        "integer" => "整数",
        "floating" => "小数",
        "boolean" => "布尔值",
        "sequence" => "列表",
        "map" => "键值表",
        "unit" | "null" => "空值",
        _ => return "别的类型".to_string(),
    };
    match kind {
        "floating" => format!(
            "{name} {}",
            value.trim_start_matches("point ").trim_matches('`')
        ),
        _ if value.is_empty() || value == "value" => name.to_string(),
        _ => format!("{name} {value}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_errors_are_in_chinese_with_the_detail_kept() {
        let e = std::io::Error::from_raw_os_error(13);
        assert_eq!(io(&e), "没有权限（Permission denied, os error 13）");
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(
            io(&e),
            "文件或目录不存在（No such file or directory, os error 2）"
        );
        let e = std::io::Error::new(ErrorKind::InvalidData, "stream did not contain valid UTF-8");
        assert!(io(&e).starts_with("内容无效"));
        assert!(io(&e).ends_with("（stream did not contain valid UTF-8）"));
    }

    #[test]
    fn serde_messages_are_in_chinese_with_the_detail_kept() {
        let cases = [
            (
                "unknown field `foo`, expected one of `a`, `b`",
                "未知的键“foo”",
            ),
            ("missing field `id`", "缺少键“id”"),
            ("duplicate field `id`", "键“id”重复"),
            (
                "unknown variant `bogus`, expected one of `info`",
                "未知的取值“bogus”",
            ),
            (
                "invalid type: string \"x\", expected f64",
                "类型不对：应为数，而这里是文字 \"x\"",
            ),
            (
                "invalid type: sequence, expected struct UserConfig",
                "类型不对：应为键值表（键: 值），而这里是列表",
            ),
            (
                "invalid type: integer `5`, expected a string",
                "类型不对：应为文字，而这里是整数 5",
            ),
            ("invalid value: integer `-1`, expected u32", "取值无效"),
            ("did not find expected ',' or ']'", "格式错误"),
            (
                "invalid type: sequence, expected a Value::Tagged enum",
                "类型不对：这里不能是列表",
            ),
        ];
        for (english, chinese) in cases {
            assert_eq!(serde(english), format!("{chinese}（{english}）"));
        }
    }
}
