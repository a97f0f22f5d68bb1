//! Jieba's four-character idioms and the readings of characters, compiled
//! by build.rs into tables read in place: the typo rule finds an idiom
//! written with one character replaced by another read alike (付衍了事 for
//! 敷衍了事, 披星带月 for 披星戴月) without a list of every misspelling.

use super::embedded::{u16_at, u32_at};
use std::collections::HashMap;
use std::sync::OnceLock;

static IDIOMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/idioms.bin"));
static KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/idiom_keys.bin"));
static HEADS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/idiom_heads.bin"));
static TAILS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/idiom_tails.bin"));
static BLANKS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/idiom_blanks.bin"));
static READINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/readings.bin"));

/// Bytes per idiom (four `u16` characters, a `u32` frequency) and per key
/// (a `u64` key, a `u32` idiom number).
const IDIOM: usize = 12;
const KEY: usize = 12;
const FIRST_HAN: u32 = 0x4E00;
const LAST_HAN: u32 = 0x9FFF;

fn key_at(n: usize) -> u64 {
    u64::from_le_bytes(KEYS[KEY * n..KEY * n + 8].try_into().expect("eight bytes"))
}

/// An idiom: its characters and its frequency in jieba's dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Idiom {
    pub(crate) chars: [char; 4],
    pub(crate) frequency: u32,
}

fn idiom(n: usize) -> Idiom {
    let at = IDIOM * n;
    let mut chars = ['\0'; 4];
    for (i, c) in chars.iter_mut().enumerate() {
        *c = char::from_u32(u32::from(u16_at(IDIOMS, at + 2 * i))).unwrap_or('\0');
    }
    Idiom {
        chars,
        frequency: u32_at(IDIOMS, at + 8),
    }
}

/// The window's characters as table labels, if all are CJK ideographs.
fn labels(window: [char; 4]) -> Option<[u16; 4]> {
    let mut cs = [0u16; 4];
    for (i, &c) in window.iter().enumerate() {
        if !(FIRST_HAN..=LAST_HAN).contains(&u32::from(c)) {
            return None;
        }
        cs[i] = c as u16;
    }
    Some(cs)
}

/// The idioms that differ from `window` in exactly one character, with
/// the position of that character. Such an idiom shares the window's first
/// two characters (the change is in the last two) or its last two: the
/// half filters rule out most windows; then, for each position left, the
/// window with it blanked is looked up, after a filter of those keys.
pub(crate) fn one_apart(window: [char; 4]) -> Vec<(usize, Idiom)> {
    let Some(cs) = labels(window) else {
        return Vec::new();
    };
    let half = |a: u16, b: u16| u32::from(a) << 16 | u32::from(b);
    let head = holds_half(HEADS, half(cs[0], cs[1]));
    let tail = holds_half(TAILS, half(cs[2], cs[3]));
    if !head && !tail {
        return Vec::new();
    }
    let positions = [tail, tail, head, head];
    let n = KEYS.len() / KEY;
    let mut out = Vec::new();
    for p in (0..4).filter(|&p| positions[p]) {
        let mut blanked = cs;
        blanked[p] = 0;
        let key = blanked.iter().fold(0u64, |k, &c| k << 16 | u64::from(c));
        if !holds(key) {
            continue;
        }
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if key_at(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        while lo < n && key_at(lo) == key {
            let i = idiom(u32_at(KEYS, KEY * lo + 8) as usize);
            if i.chars[p] != window[p] {
                out.push((p, i));
            }
            lo += 1;
        }
    }
    out
}

/// Idioms by the position of a doubled pair and their other half.
type ByHalf = HashMap<(usize, [char; 2]), Vec<Idiom>>;

/// The idioms with a character written twice in a row (兢兢业业, 勤勤恳恳,
/// 孜孜不倦), read once from the table, by the position of the first of the
/// pair (0 or 2) and the other half (业业 is found from 兢兢 at 0): a window
/// of one character written four times looks up one list, not all.
fn doubled() -> &'static ByHalf {
    static DOUBLED: OnceLock<ByHalf> = OnceLock::new();
    DOUBLED.get_or_init(|| {
        let mut by_half: HashMap<_, Vec<Idiom>> = HashMap::new();
        for i in (0..IDIOMS.len() / IDIOM).map(idiom) {
            for (p, other) in [(0, 2), (2, 0)] {
                if i.chars[p] == i.chars[p + 1] {
                    let half = [i.chars[other], i.chars[other + 1]];
                    by_half.entry((p, half)).or_default().push(i);
                }
            }
        }
        by_half
    })
}

/// The idioms whose doubled character `window` writes twice as another
/// (兢兢叶叶 for 兢兢业业: two characters apart, which [`one_apart`] does
/// not see), each with the position of the first of the pair; the other
/// half as in the idiom.
pub(crate) fn doubled_apart(window: [char; 4]) -> Vec<(usize, Idiom)> {
    let mut out = Vec::new();
    for (p, other) in [(0, 2), (2, 0)] {
        if window[p] != window[p + 1] {
            continue;
        }
        let half = [window[other], window[other + 1]];
        let found = doubled().get(&(p, half)).into_iter().flatten();
        out.extend(found.filter(|i| i.chars[p] != window[p]).map(|&i| (p, i)));
    }
    out
}

/// log2 of the bits of each half filter; build.rs hashes alike.
const HALF_BITS: u32 = 16;

/// Whether the filter `bits` may hold the half `x` (no false negatives).
fn holds_half(bits: &[u8], x: u32) -> bool {
    let h = (x.wrapping_mul(0x9E37_79B1) >> (32 - HALF_BITS)) as usize;
    bits[h >> 3] & (1 << (h & 7)) != 0
}

/// log2 of the bits of the key filter; build.rs hashes alike.
const BLANK_BITS: u32 = 20;

/// Whether the filter may hold the blanked key (no false negatives).
fn holds(key: u64) -> bool {
    let h = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BLANK_BITS)) as usize;
    BLANKS[h >> 3] & (1 << (h & 7)) != 0
}

/// The toneless readings of a CJK character (up to four), 0 for none.
fn readings(c: char) -> [u16; 4] {
    let c = u32::from(c);
    if !(FIRST_HAN..=LAST_HAN).contains(&c) {
        return [0; 4];
    }
    let at = 8 * (c - FIRST_HAN) as usize;
    [0, 1, 2, 3].map(|i| u16_at(READINGS, at + 2 * i))
}

/// Whether two characters share a reading, tones aside (付 and 敷, 亲 and
/// 清 as in 亲家).
pub(crate) fn read_alike(a: char, b: char) -> bool {
    let (ra, rb) = (readings(a), readings(b));
    ra.iter().any(|&r| r != 0 && rb.contains(&r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_idiom_one_character_away_is_found_with_its_position() {
        let found = one_apart(['付', '衍', '了', '事']);
        assert!(found
            .iter()
            .any(|(p, i)| *p == 0 && i.chars == ['敷', '衍', '了', '事'] && i.frequency > 0));
        // The idiom itself is no misspelling of itself.
        assert!(!one_apart(['敷', '衍', '了', '事'])
            .iter()
            .any(|(_, i)| i.chars == ['敷', '衍', '了', '事']));
        assert!(one_apart(['a', '衍', '了', '事']).is_empty());
    }

    #[test]
    fn a_doubled_character_written_twice_as_another_is_found() {
        let found = doubled_apart(['兢', '兢', '叶', '叶']);
        assert!(found
            .iter()
            .any(|(p, i)| *p == 2 && i.chars == ['兢', '兢', '业', '业']));
        // The idiom itself, a window written once wrong, or no doubled pair.
        assert!(doubled_apart(['兢', '兢', '业', '业']).is_empty());
        assert!(doubled_apart(['兢', '兢', '叶', '业']).is_empty());
        assert!(doubled_apart(['认', '真', '学', '习']).is_empty());
    }

    #[test]
    fn readings_compare_without_tones_and_with_every_reading() {
        assert!(read_alike('付', '敷'));
        assert!(read_alike('带', '戴'));
        assert!(read_alike('清', '亲'));
        assert!(!read_alike('转', '笑'));
        assert!(!read_alike('a', 'a'));
    }
}
