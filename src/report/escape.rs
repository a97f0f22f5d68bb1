//! Report text never reaches a terminal or a CI log raw: control characters
//! (C0 and C1, except tab and line ends) and bidirectional overrides are
//! shown escaped as `\u{1b}`, so a report cannot move the cursor, retitle
//! the terminal, clear the screen or reorder what the reader sees.

use std::borrow::Cow;

/// Characters shown escaped.
pub(crate) fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character escaped.
pub(crate) fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if is_unsafe(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped() {
        let text = "学习\u{1b}]0;PWNED\u{7}清屏\u{202e}反";
        assert_eq!(safe(text), "学习\\u{1b}]0;PWNED\\u{7}清屏\\u{202e}反");
        assert_eq!(safe("正常的\t文本\n"), "正常的\t文本\n");
    }
}
