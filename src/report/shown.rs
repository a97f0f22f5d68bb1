//! How one character of a report is drawn in a terminal snippet, so that
//! its width is the same in every terminal.
//!
//! East Asian *ambiguous* characters (“”‘’ × … — ○ ① Ⅲ …) take one column
//! in most terminals and two in CJK ones; codespan counts one, so carets
//! after them drift in a CJK terminal. Each is drawn as a look-alike whose
//! width every terminal agrees on; anything else ambiguous is escaped like
//! a control character.

use super::escape::is_unsafe;
use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The marker of text left out of a snippet (`…` itself is ambiguous).
pub(crate) const CUT: &str = "⋯";

/// What is drawn for `c`.
pub(crate) fn glyph(c: char) -> Cow<'static, str> {
    let fixed: &'static str = match c {
        '“' => "「",
        '”' => "」",
        '‘' => "『",
        '’' => "』",
        // ×××, the usual placeholder for a name.
        '×' => "ｘ",
        '…' => CUT,
        '—' | '―' => "－",
        '–' => "-",
        '·' => "・",
        // 二○二三年: the wide ideographic zero.
        '○' => "〇",
        '□' => "☐",
        '→' => "->",
        '\t' => " ",
        '①'..='⑳' => return Cow::Owned(format!("({})", c as u32 - '①' as u32 + 1)),
        'Ⅰ'..='Ⅻ' => return Cow::Borrowed(ROMAN[(c as u32 - 'Ⅰ' as u32) as usize]),
        'ⅰ'..='ⅻ' => return Cow::Owned(ROMAN[(c as u32 - 'ⅰ' as u32) as usize].to_lowercase()),
        c if is_unsafe(c) || ambiguous(c) => return Cow::Owned(c.escape_unicode().to_string()),
        _ => return Cow::Owned(c.to_string()),
    };
    Cow::Borrowed(fixed)
}

const ROMAN: [&str; 12] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

/// Drawn one column wide by some terminals and two by others.
fn ambiguous(c: char) -> bool {
    c.width() != c.width_cjk()
}

/// Terminal columns of text already drawn with [`glyph`].
pub(crate) fn columns(shown: &str) -> usize {
    shown.width()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_glyph_has_one_width_in_every_terminal() {
        for c in "“”‘’×…—―–·○□→\t①⑳ⅠⅫⅰⅻ℃α学，。A".chars()
        {
            let g = glyph(c);
            assert_eq!(g.width(), g.width_cjk(), "{c:?} drawn as {g}");
        }
        assert_eq!(glyph('⑫'), "(12)");
        assert_eq!(glyph('Ⅲ'), "III");
        assert_eq!(glyph('ⅳ'), "iv");
        assert_eq!(glyph('℃'), "\\u{2103}");
        assert_eq!(CUT.width(), CUT.width_cjk());
    }
}
