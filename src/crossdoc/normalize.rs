//! Text normalised for comparison: punctuation and white space dropped,
//! full-width letters and digits folded to ASCII, lower case; every kept
//! character remembers its byte range in the original text.
//!
//! Line breaks and skipped ranges (title, opening, headings) become unique
//! sentinels: no shared run crosses them. Stock phrases and official
//! formulations stay in the text but are *masked*: no fingerprint is taken
//! on them (they alone never make a copy), while a copied passage that runs
//! through one continues across it.

use std::ops::Range;

/// Values above any char: a line break or a skipped range. Each is unique,
/// so no k-gram containing one is shared, and no passage crosses it.
const SENTINEL: u32 = 0x11_0000;

/// Set on a character inside a stock phrase.
const STOCK: u32 = 1 << 30;

pub(crate) struct Normalized {
    /// Folded characters; sentinels; stock characters carry [`STOCK`].
    pub(crate) chars: Vec<u32>,
}

pub(crate) fn fold(c: char) -> Option<char> {
    match c as u32 {
        // The common cases first: Unicode's alphabetic table is slow.
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => Some(c),
        0..=0x7F => c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase()),
        // CJK punctuation and the ideographic space.
        0x3000..=0x303F => None,
        // Full-width ASCII variants (Ａ, １, ！…) to ASCII.
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0)
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase()),
        _ => c.is_alphanumeric().then_some(c),
    }
}

/// Walks the normalised characters of `text` with `skip` (sorted byte
/// ranges) and line breaks as sentinels: calls `each(value, byte, len)`
/// for every normalised character (a sentinel has length 0). The one
/// definition of the normalised text that fingerprints, extension and spans
/// all share.
fn walk(text: &str, skip: &[Range<usize>], mut each: impl FnMut(u32, usize, usize)) {
    let mut skips = skip.iter().peekable();
    let mut sentinel = SENTINEL;
    let mut in_skip = false;
    for (i, c) in text.char_indices() {
        while skips.peek().is_some_and(|r| r.end <= i) {
            skips.next();
        }
        let skipped = skips.peek().is_some_and(|r| r.contains(&i));
        if skipped || c == '\n' || c == '\r' {
            if skipped && in_skip {
                continue;
            }
            in_skip = skipped;
            each(sentinel, i, 0);
            sentinel += 1;
        } else {
            in_skip = false;
            if let Some(f) = fold(c) {
                each(f as u32, i, c.len_utf8());
            }
        }
    }
}

impl Normalized {
    /// Normalises `text`; line breaks and the byte ranges `skip` (sorted)
    /// become sentinels.
    pub(crate) fn build(text: &str, skip: &[Range<usize>]) -> Normalized {
        let mut n = Normalized {
            chars: Vec::with_capacity(text.len() / 3 + 1),
        };
        walk(text, skip, |c, _, _| n.chars.push(c));
        n
    }

    /// Marks normalised characters `range` as stock wording.
    pub(crate) fn mask(&mut self, range: Range<usize>) {
        for c in &mut self.chars[range] {
            if !is_sentinel(*c) {
                *c |= STOCK;
            }
        }
    }

    /// Characters that count (sentinels not).
    pub(crate) fn text_chars(&self) -> usize {
        self.chars.iter().filter(|&&c| !is_sentinel(c)).count()
    }
}

/// A sentinel in a [`compact`] text: never equal to a character.
pub(crate) const BREAK: u16 = u16::MAX;

/// The normalised text as compared when passages are extended: two bytes a
/// character (characters beyond the first plane folded into the private
/// use area; a chance equality there costs at most a character of a
/// passage), breaks as [`BREAK`]. Same indices as [`Normalized`].
pub(crate) fn compact(text: &str, skip: &[Range<usize>]) -> Vec<u16> {
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    walk(text, skip, |c, _, len| {
        out.push(if len == 0 {
            BREAK
        } else if c < 0xFFFF {
            c as u16
        } else {
            0xE000 | (c & 0x0FFF) as u16
        })
    });
    out
}

/// The byte ranges in `text` of the normalised character ranges `ranges`
/// (each non-empty, starting and ending on a character).
pub(crate) fn byte_ranges(
    text: &str,
    skip: &[Range<usize>],
    ranges: &[Range<usize>],
) -> Vec<Range<usize>> {
    // Every index needed, in order, mapped in one walk.
    let mut wanted: Vec<usize> = ranges.iter().flat_map(|r| [r.start, r.end - 1]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut found: Vec<(usize, usize)> = Vec::with_capacity(wanted.len());
    let mut index = 0;
    let mut next = wanted.iter().peekable();
    walk(text, skip, |_, byte, len| {
        while next.peek().is_some_and(|&&w| w == index) {
            found.push((byte, byte + len));
            next.next();
        }
        index += 1;
    });
    let at = |i: usize| found[wanted.binary_search(&i).expect("mapped")];
    ranges
        .iter()
        .map(|r| at(r.start).0..at(r.end - 1).1)
        .collect()
}

/// A line break or skipped range (never equal to anything else).
pub(crate) fn is_sentinel(c: u32) -> bool {
    c & !STOCK >= SENTINEL
}

/// Inside a stock phrase (or a sentinel): no fingerprint starts a match here.
pub(crate) fn is_masked(c: u32) -> bool {
    c & STOCK != 0 || is_sentinel(c)
}

/// The character itself, stock mark removed (for comparing two texts).
pub(crate) fn plain(c: u32) -> u32 {
    c & !STOCK
}

/// Just the normalised characters of `text` (for stock phrases).
pub(crate) fn chars(text: &str) -> Vec<u32> {
    text.chars().filter_map(fold).map(|c| c as u32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(n: &Normalized) -> String {
        n.chars
            .iter()
            .map(|&c| {
                if is_sentinel(c) {
                    '|'
                } else {
                    char::from_u32(plain(c)).unwrap()
                }
            })
            .collect()
    }

    #[test]
    fn punctuation_and_width_are_folded_with_a_map_back() {
        let text = "学习，“Ａ１”　工作。";
        let n = Normalized::build(text, &[]);
        assert_eq!(shown(&n), "学习a1工作");
        let spans = byte_ranges(text, &[], &[2..4, 0..6]);
        assert_eq!(&text[spans[0].clone()], "Ａ１");
        assert_eq!(&text[spans[1].clone()], text.trim_end_matches('。'));
        assert_eq!(compact(text, &[]).len(), n.chars.len());
    }

    #[test]
    fn line_breaks_and_skipped_ranges_become_unique_sentinels() {
        let text = "标题行\n正文一。\n正文二";
        let n = Normalized::build(text, std::slice::from_ref(&(0..9)));
        let sentinels: Vec<u32> = n
            .chars
            .iter()
            .copied()
            .filter(|&c| is_sentinel(c))
            .collect();
        assert_eq!(sentinels.len(), 3, "title skipped, two line breaks");
        let mut unique = sentinels.clone();
        unique.dedup();
        assert_eq!(unique, sentinels);
        assert_eq!(n.text_chars(), 6);
        assert_eq!(shown(&n), "||正文一|正文二");
    }

    #[test]
    fn masked_characters_keep_their_value() {
        let mut n = Normalized::build("四个意识", &[]);
        n.mask(0..4);
        assert!(n.chars.iter().all(|&c| is_masked(c) && !is_sentinel(c)));
        assert_eq!(plain(n.chars[2]), '意' as u32);
    }

    /// Han and other letters are kept, ASCII and full-width letters and
    /// digits are folded to lower-case ASCII, punctuation of every width
    /// and the CJK symbols block are dropped.
    #[test]
    fn folding_keeps_letters_and_digits_only() {
        for (c, f) in [
            ('学', Some('学')),
            ('㐀', Some('㐀')),
            ('A', Some('a')),
            ('7', Some('7')),
            ('Ｚ', Some('z')),
            ('ａ', Some('a')),
            ('９', Some('9')),
            ('é', Some('é')),
            ('_', None),
            (' ', None),
            ('（', None),
            ('！', None),
            ('　', None),
            ('〇', None),
            ('—', None),
        ] {
            assert_eq!(fold(c), f, "{c}");
        }
        assert_eq!(
            chars("学习，Ａ1"),
            ['学' as u32, '习' as u32, 'a' as u32, '1' as u32]
        );
    }

    /// A run of skipped text is one sentinel, however long; two skipped
    /// ranges apart, and each line break (\r and \n both), are one each.
    #[test]
    fn one_sentinel_per_skipped_range_and_per_break_character() {
        let text = "一二三四五六七八";
        let shown_with = |skip: &[Range<usize>]| shown(&Normalized::build(text, skip));
        assert_eq!(shown_with(&[0..6, 6..12]), "|五六七八");
        assert_eq!(shown_with(&[0..6, 9..12]), "|三|五六七八");
        assert_eq!(shown_with(std::slice::from_ref(&(3..6))), "一|三四五六七八");
        assert_eq!(shown(&Normalized::build("一\r\n二", &[])), "一||二");
        // A skipped range that ends at a break: the break is its own.
        assert_eq!(
            shown(&Normalized::build(
                "一二\n三",
                std::slice::from_ref(&(0..6))
            )),
            "||三"
        );
    }

    /// Normalised indices count the sentinels, so a range after a skipped
    /// title maps back to its own bytes.
    #[test]
    fn byte_ranges_map_indices_after_sentinels_back_to_bytes() {
        let text = "标题\n正文一二，三";
        // "|" (title) "|" (break) 正 文 一 二 三
        let n = Normalized::build(text, std::slice::from_ref(&(0..6)));
        assert_eq!(shown(&n), "||正文一二三");
        let spans = byte_ranges(text, std::slice::from_ref(&(0..6)), &[2..4, 4..7, 3..4]);
        let got: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["正文", "一二，三", "文"]);
    }

    /// The compact form: a character's own value in the first plane, the
    /// private-use area beyond it, and one BREAK per sentinel.
    #[test]
    fn compact_keeps_first_plane_values_and_marks_breaks() {
        let got = compact("学a\n𠀀𠀁", &[]);
        assert_eq!(
            got,
            [
                '学' as u16,
                'a' as u16,
                BREAK,
                0xE000 | (0x20000 & 0x0FFF) as u16,
                0xE000 | (0x20001 & 0x0FFF) as u16
            ]
        );
        assert_ne!(got[3], got[4]);
        assert_eq!(
            compact("一二", std::slice::from_ref(&(0..3))),
            [BREAK, '二' as u16]
        );
    }

    /// Masking marks characters, not sentinels, and keeps their value
    /// readable; a sentinel stays a sentinel with or without the mark.
    #[test]
    fn masking_marks_characters_and_leaves_sentinels_alone() {
        let mut n = Normalized::build("四个\n意识", &[]);
        let before = n.chars.clone();
        n.mask(0..5);
        assert_eq!(n.chars[2], before[2], "the break is unchanged");
        for i in [0, 1, 3, 4] {
            assert!(is_masked(n.chars[i]));
            assert!(!is_sentinel(n.chars[i]));
            assert_eq!(plain(n.chars[i]), before[i]);
            assert_ne!(n.chars[i], before[i]);
        }
        assert!(!is_masked('四' as u32));
        assert!(is_masked(SENTINEL));
        assert!(is_sentinel(SENTINEL | STOCK));
        assert!(!is_sentinel(SENTINEL - 1));
        assert_eq!(n.text_chars(), 4);
    }
}
