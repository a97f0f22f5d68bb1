//! Character classes every stage shares (vocabulary, like `diagnostic`),
//! and a map for integer keys.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Is the character a CJK ideograph (the Han script)?
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Indents and padding: ASCII and full-width spaces, tabs, NBSP, BOM.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{feff}')
}

/// Does `s` hold at most `n` characters? Stops after `n + 1`, so a bound
/// checked against a gap that may span the whole document costs O(n).
pub(crate) fn at_most_chars(s: &str, n: usize) -> bool {
    s.len() <= n || s.chars().nth(n).is_none()
}

/// Do two spans of text overlap: does each start before the other ends?
/// (Spans that only touch do not; an empty span inside another does.)
pub(crate) fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A map keyed by integers whose bits are already spread (hashes, pairs of
/// ids or characters): a multiplicative hash suffices, where the default
/// one costs more than the lookup.
pub(crate) type IntMap<V> = HashMap<u64, V, IntHash>;

pub(crate) type IntHash = BuildHasherDefault<IntHasher>;

#[derive(Default, Clone, Copy)]
pub(crate) struct IntHasher(u64);

impl std::hash::Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A text cut to `n` characters, with an ellipsis when it was longer.
pub(crate) fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn spans_overlap_when_each_starts_before_the_other_ends() {
        use super::overlaps;
        assert!(overlaps(&(0..3), &(2..5)));
        assert!(overlaps(&(2..5), &(0..3)));
        assert!(overlaps(&(0..9), &(3..4)));
        assert!(!overlaps(&(0..3), &(3..6)));
        assert!(!overlaps(&(3..6), &(0..3)));
        assert!(overlaps(&(2..2), &(0..5)));
    }

    #[test]
    fn at_most_chars_counts_characters_not_bytes() {
        use super::at_most_chars;
        assert!(at_most_chars("", 0));
        assert!(at_most_chars("学习", 2));
        assert!(!at_most_chars("学习不够", 3));
        assert!(at_most_chars("学习不够", 4));
        assert!(!at_most_chars("abc", 2));
    }

    #[test]
    fn a_text_is_cut_after_n_characters_with_an_ellipsis() {
        use super::short;
        assert_eq!(short("学习不够", 4), "学习不够");
        assert_eq!(short("学习不够", 3), "学习不…");
        assert_eq!(short("", 0), "");
    }
}
