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

/// A text shown with its unsafe characters escaped, and the map between
/// byte offsets in the original and in what is shown (labels point into
/// the original).
pub(crate) struct Shown {
    pub(crate) text: String,
    /// (original offset of an escaped character, its length, shown length).
    escapes: Vec<(usize, usize, usize)>,
}

impl Shown {
    pub(crate) fn new(text: &str) -> Shown {
        let mut escapes = Vec::new();
        let mut out = String::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            if is_unsafe(c) {
                let e = c.escape_unicode().to_string();
                escapes.push((i, c.len_utf8(), e.len()));
                out.push_str(&e);
            } else {
                out.push(c);
            }
        }
        Shown { text: out, escapes }
    }

    /// The shown offset of original offset `at` (a char boundary).
    pub(crate) fn shown(&self, at: usize) -> usize {
        let before = self.escapes.partition_point(|&(s, _, _)| s < at);
        at + self.escapes[..before]
            .iter()
            .map(|&(_, len, shown)| shown - len)
            .sum::<usize>()
    }

    /// The original offset of shown offset `at` (inside an escape: its start).
    pub(crate) fn original(&self, at: usize) -> usize {
        let mut delta = 0;
        for &(s, len, shown) in &self.escapes {
            let start = s + delta;
            if at < start + shown {
                return if at <= start { at - delta } else { s };
            }
            delta += shown - len;
        }
        at - delta
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped_with_a_map_back() {
        let text = "学习\u{1b}]0;PWNED\u{7}清屏\u{202e}反";
        assert_eq!(safe(text), "学习\\u{1b}]0;PWNED\\u{7}清屏\\u{202e}反");
        assert_eq!(safe("正常的\t文本\n"), "正常的\t文本\n");
        let shown = Shown::new(text);
        assert_eq!(shown.text, safe(text));
        let qing = text.find('清').unwrap();
        assert_eq!(&shown.text[shown.shown(qing)..][..3], "清");
        assert_eq!(shown.original(shown.shown(qing)), qing);
        assert_eq!(shown.shown(0), 0);
        assert_eq!(shown.shown(text.len()), shown.text.len());
        assert_eq!(shown.original(shown.text.len()), text.len());
    }
}
