//! Text normalised for comparison: punctuation and white space dropped,
//! full-width letters and digits folded to ASCII, lower case; every kept
//! character remembers its byte range in the original text.

use std::ops::Range;

pub(crate) struct Normalized {
    pub chars: Vec<u32>,
    next_sentinel: u32,
    /// Byte offset of each kept character in the original text; empty when
    /// only fingerprints are wanted.
    starts: Vec<u32>,
    ends: Vec<u32>,
}

fn fold(c: char) -> Option<char> {
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

/// Values above any char: a line break or a skipped range. Each is unique,
/// so no k-gram containing one is shared, and no passage crosses it.
const SENTINEL: u32 = 0x11_0000;

impl Normalized {
    /// Normalises `text`; line breaks and the byte ranges `skip` (sorted)
    /// become sentinels that no passage crosses.
    pub(crate) fn new(text: &str, skip: &[Range<usize>]) -> Normalized {
        Normalized::build(text, skip, true)
    }

    /// Like [`Normalized::new`], without the map back to the text.
    pub(crate) fn chars_only(text: &str, skip: &[Range<usize>]) -> Normalized {
        Normalized::build(text, skip, false)
    }

    fn build(text: &str, skip: &[Range<usize>], offsets: bool) -> Normalized {
        let cap = text.len() / 3;
        let mut n = Normalized {
            next_sentinel: 0,
            chars: Vec::with_capacity(cap),
            starts: Vec::with_capacity(if offsets { cap } else { 0 }),
            ends: Vec::with_capacity(if offsets { cap } else { 0 }),
        };
        let mut skips = skip.iter().peekable();
        let mut sentinel = SENTINEL;
        let mut push_sentinel = |n: &mut Normalized, at: usize| {
            n.chars.push(sentinel);
            if offsets {
                n.starts.push(at as u32);
                n.ends.push(at as u32);
            }
            sentinel += 1;
        };
        let mut in_skip = false;
        for (i, c) in text.char_indices() {
            while skips.peek().is_some_and(|r| r.end <= i) {
                skips.next();
            }
            if skips.peek().is_some_and(|r| r.contains(&i)) {
                if !in_skip {
                    push_sentinel(&mut n, i);
                    in_skip = true;
                }
                continue;
            }
            in_skip = false;
            if c == '\n' || c == '\r' {
                push_sentinel(&mut n, i);
            } else if let Some(f) = fold(c) {
                n.chars.push(f as u32);
                if offsets {
                    n.starts.push(i as u32);
                    n.ends.push((i + c.len_utf8()) as u32);
                }
            }
        }
        n.next_sentinel = sentinel;
        n
    }

    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }

    /// Leaves characters `range` out: each becomes a unique sentinel.
    pub(crate) fn blank(&mut self, range: Range<usize>) {
        for i in range {
            self.chars[i] = self.next_sentinel;
            self.next_sentinel += 1;
        }
    }

    /// Characters that count (sentinels not).
    pub(crate) fn text_chars(&self) -> usize {
        self.chars.iter().filter(|&&c| !is_sentinel(c)).count()
    }

    /// The original byte range of normalised characters `range`.
    pub(crate) fn bytes(&self, range: Range<usize>) -> Range<usize> {
        self.starts[range.start] as usize..self.ends[range.end - 1] as usize
    }
}

pub(crate) fn is_sentinel(c: u32) -> bool {
    c >= SENTINEL
}

/// Just the normalised characters of `text` (for stock phrases).
pub(crate) fn chars(text: &str) -> Vec<u32> {
    text.chars().filter_map(fold).map(|c| c as u32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_and_width_are_folded_with_a_map_back() {
        let text = "学习，“Ａ１”　工作。";
        let n = Normalized::new(text, &[]);
        let s: String = n
            .chars
            .iter()
            .map(|&c| char::from_u32(c).unwrap())
            .collect();
        assert_eq!(s, "学习a1工作");
        assert_eq!(&text[n.bytes(2..4)], "Ａ１");
        assert_eq!(&text[n.bytes(0..6)], text.trim_end_matches('。'));
    }
}

#[cfg(test)]
mod sentinel_tests {
    use super::*;

    #[test]
    fn line_breaks_and_skipped_ranges_become_unique_sentinels() {
        let text = "标题行\n正文一。\n正文二";
        let title = 0..9;
        let n = Normalized::new(text, std::slice::from_ref(&title));
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
    }
}
