//! The only module that touches serde_yaml, so the YAML crate can be swapped
//! cheaply (serde_yaml is no longer maintained upstream).

use super::ConfigError;
use serde::de::DeserializeOwned;

/// Parses `text` (from file `path`) into `T`, with line and column on error.
pub fn parse<T: DeserializeOwned>(text: &str, path: &str) -> Result<T, ConfigError> {
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        ConfigError {
            path: path.to_string(),
            line,
            column,
            message: translate(&e.to_string()),
        }
    })
}

/// serde_yaml appends " at line L column C" to its messages; we print the
/// position ourselves, so drop it.
fn translate(message: &str) -> String {
    let message = match message.find(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    message.to_string()
}

/// 1-based line and column of the first `key:` (or `- key`) in `text`, for
/// errors found after parsing, when serde_yaml no longer knows positions.
pub fn locate(text: &str, key: &str) -> (usize, usize) {
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start().trim_start_matches("- ");
        let bare = trimmed.trim_start_matches(['"', '\'']);
        if let Some(rest) = bare.strip_prefix(key) {
            let rest = rest.trim_start_matches(['"', '\'']);
            if rest.is_empty() || rest.starts_with(':') || rest.starts_with(' ') {
                let col = line.len() - bare.len();
                return (n + 1, line[..col].chars().count() + 1);
            }
        }
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_keys_and_list_items() {
        let text = "rules:\n  vague-wording: off\n  \"numbering\":\n    severity: error\n";
        assert_eq!(locate(text, "vague-wording"), (2, 3));
        assert_eq!(locate(text, "numbering"), (3, 4));
        assert_eq!(locate(text, "severity"), (4, 5));
    }
}
