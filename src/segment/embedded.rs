//! jieba's default dictionary as a character trie compiled by `build.rs`
//! (see there for the tables): the dictionary words of a text are found by
//! a walk down the trie from each character, and nothing is parsed or built
//! at start-up.

use jieba_rs::Jieba;
use std::cmp::Ordering;

include!(concat!(env!("OUT_DIR"), "/jieba_dict.rs"));

/// Per node and one more, a `u64`: its label (`LABEL_BITS`), its first
/// child (`CHILD_BITS`), and `freq << TAG_BITS | tag` of the word ending
/// there, or 0.
static NODES_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_nodes.bin"));
/// Per BMP character: the root's child on it, or 0 (`u16`).
static ROOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_root.bin"));
/// The nodes two characters deep, by their characters: slots of node
/// numbers (`u32`, 0 for an empty slot), open addressing from the home slot
/// of `first << 16 | second`.
static BIGRAM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_bigram.bin"));

/// The word that carries the frequency of every word left out, so that the
/// total, and with it every log-probability, is the full dictionary's. No
/// text can match it: jieba looks words up only inside runs of CJK and
/// ASCII alphanumeric characters, and these are non-characters.
const REST: &str = "\u{FFFF}\u{FFFF}";

/// Characters whose first two steps are looked up pass by pass.
const CHUNK: usize = 256;

/// Little-endian numbers read in place from the build-time tables (also
/// the idiom tables').
pub(super) fn u16_at(table: &[u8], at: usize) -> u16 {
    u16::from_le_bytes(table[at..at + 2].try_into().expect("two bytes"))
}

pub(super) fn u32_at(table: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(table[at..at + 4].try_into().expect("four bytes"))
}

/// `c` as a trie label (0, which no word holds, for a character beyond the
/// Basic Multilingual Plane, which none holds either).
fn label(c: char) -> u16 {
    u16::try_from(u32::from(c)).unwrap_or(0)
}

fn node(n: usize) -> u64 {
    u64::from_le_bytes(
        NODES_TABLE[8 * n..8 * n + 8]
            .try_into()
            .expect("eight bytes"),
    )
}

fn label_of(n: usize) -> u16 {
    node(n) as u16
}

fn first_child(n: usize) -> usize {
    (node(n) >> LABEL_BITS) as usize & ((1 << CHILD_BITS) - 1)
}

/// Whether node `n` is the last of its parent's children (below the first
/// two levels, where no next node's first child bounds them).
fn is_last(n: usize) -> bool {
    node(n) >> (LABEL_BITS + CHILD_BITS) & 1 == 1
}

/// `freq << TAG_BITS | tag` of the word ending at node `n`, 0 if none does.
fn value(n: usize) -> u32 {
    (node(n) >> (LABEL_BITS + CHILD_BITS + 1)) as u32
}

/// The root's child on `c`, 0 for none.
fn root_child(c: u16) -> usize {
    u16_at(ROOT, 2 * c as usize).into()
}

/// The child of `node` on `c` (children are sorted by character); the
/// root's children are found through `ROOT`, not here.
fn child(node: usize, c: u16) -> Option<usize> {
    if node > LEVEL_ONE {
        // Few children, ended by a mark.
        let mut n = first_child(node);
        if n == 0 {
            return None;
        }
        loop {
            match label_of(n).cmp(&c) {
                Ordering::Equal => return Some(n),
                Ordering::Greater => return None,
                Ordering::Less if is_last(n) => return None,
                Ordering::Less => n += 1,
            }
        }
    }
    // One character deep: up to 929 children, bounded by the next node's.
    let (mut lo, mut hi) = (first_child(node), level_one_end(node));
    while hi - lo > 16 {
        let mid = (lo + hi) / 2;
        match label_of(mid).cmp(&c) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Some(mid),
        }
    }
    (lo..hi).find(|&n| label_of(n) == c)
}

/// The child of `one`, the root's child on `a`, on `b`: 0 for none. One
/// probe of the bigram table where a binary search would take ten.
fn two_deep(one: usize, a: u16, b: u16) -> usize {
    let siblings = first_child(one)..level_one_end(one);
    let key = u32::from(a) << 16 | u32::from(b);
    // As build.rs hashes.
    let mut slot = (key.wrapping_mul(0x9E37_79B1) >> (32 - BIGRAM_BITS)) as usize;
    loop {
        let n = u32_at(BIGRAM, 4 * slot) as usize;
        if n == 0 || (label_of(n) == b && siblings.contains(&n)) {
            return n;
        }
        slot = (slot + 1) & ((1 << BIGRAM_BITS) - 1);
    }
}

/// The end of the children of a node one character deep.
fn level_one_end(node: usize) -> usize {
    if node == LEVEL_ONE {
        LEVEL_TWO_END
    } else {
        first_child(node + 1)
    }
}

/// `freq << TAG_BITS | tag` of `word` in jieba's dictionary, 0 if it is
/// not a word.
fn value_of(word: &str) -> u32 {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    let mut at = root_child(label(first));
    for c in chars {
        if at == 0 {
            return 0;
        }
        at = child(at, label(c)).unwrap_or(0);
    }
    if at == 0 {
        0
    } else {
        value(at)
    }
}

/// The frequency of `word` in jieba's dictionary, 0 if it is not a word.
pub(super) fn frequency(word: &str) -> u32 {
    value_of(word) >> TAG_BITS
}

/// The part-of-speech tag of `word` in jieba's dictionary (`ns` for a
/// place name), if it is a word.
pub(super) fn tag(word: &str) -> Option<&'static str> {
    let v = value_of(word);
    (v >> TAG_BITS > 0).then(|| TAGS[(v & ((1 << TAG_BITS) - 1)) as usize])
}

/// The first steps down the trie from one character of a text.
struct Steps {
    /// The nodes one and two characters deep, 0 for none.
    one: usize,
    two: usize,
}

/// Dictionary words found in texts, each once.
pub(super) struct Found<'t> {
    /// One bit per trie node: the word ending there is in `words`.
    seen: Vec<u64>,
    /// Each word, as found in a text, with its node.
    words: Vec<(&'t str, u32)>,
}

impl<'t> Found<'t> {
    pub(super) fn new() -> Found<'t> {
        Found {
            seen: vec![0; NODES.div_ceil(64)],
            words: Vec::new(),
        }
    }

    fn add(&mut self, word: &'t str, node: usize) {
        let (slot, bit) = (node / 64, 1u64 << (node % 64));
        if self.seen[slot] & bit == 0 {
            self.seen[slot] |= bit;
            self.words.push((word, node as u32));
        }
    }

    /// Adds every dictionary word that occurs in `text`: from each
    /// character, down the trie as long as the text follows it; every node
    /// passed that ends a word is one.
    pub(super) fn scan(mut self, text: &'t str) -> Found<'t> {
        // Each character's byte offset and label, then the end of the text.
        let chars: Vec<(u32, u16)> = text
            .char_indices()
            .map(|(at, c)| (at as u32, label(c)))
            .chain([(text.len() as u32, 0)])
            .collect();
        let offset = |i: usize| chars[i].0 as usize;
        let mut steps: Vec<Steps> = Vec::with_capacity(CHUNK);
        for chunk in (0..chars.len() - 1).step_by(CHUNK) {
            let range = chunk..(chunk + CHUNK).min(chars.len() - 1);
            // The first two steps from each character of the chunk, one
            // pass per step: lookups from different characters do not
            // depend on each other, so the processor overlaps their trips
            // to memory, which a walk from one character at a time would
            // make one after another.
            steps.clear();
            steps.extend(range.clone().map(|i| Steps {
                one: root_child(chars[i].1),
                two: 0,
            }));
            for (i, s) in range.clone().zip(steps.iter_mut()) {
                if s.one != 0 && chars[i + 1].1 != 0 {
                    s.two = two_deep(s.one, chars[i].1, chars[i + 1].1);
                }
            }
            for (i, s) in range.zip(&steps) {
                let start = offset(i);
                if s.one != 0 && value(s.one) != 0 {
                    self.add(&text[start..offset(i + 1)], s.one);
                }
                if s.two == 0 {
                    continue;
                }
                // Two characters deep, the next one is a real character or
                // the end, so `chars[end]` exists as long as the walk goes on.
                let (mut node, mut value_here, mut end) = (s.two, value(s.two), i + 2);
                loop {
                    if value_here != 0 {
                        self.add(&text[start..offset(end)], node);
                    }
                    match child(node, chars[end].1) {
                        Some(n) => {
                            node = n;
                            value_here = value(n);
                            end += 1;
                        }
                        None => break,
                    }
                }
            }
        }
        self
    }

    /// The words of both.
    pub(super) fn merge(mut self, other: Found<'t>) -> Found<'t> {
        for (word, node) in other.words {
            self.add(word, node as usize);
        }
        self
    }

    /// A `Jieba` holding the words found, with their frequencies and tags,
    /// and the full dictionary's frequency total.
    pub(super) fn into_jieba(self) -> Jieba {
        let mut jieba = Jieba::empty();
        let mut kept = 0;
        for (word, node) in self.words {
            let value = value(node as usize);
            let freq = (value >> TAG_BITS) as usize;
            let tag = TAGS[(value & ((1 << TAG_BITS) - 1)) as usize];
            jieba.add_word(word, Some(freq), Some(tag));
            kept += freq;
        }
        if kept < TOTAL {
            jieba.add_word(REST, Some(TOTAL - kept), None);
        }
        jieba
    }
}

/// Gives the tables' pages back to the kernel once the inputs' words are
/// found. The kernel maps 64 KiB around every page a walk touches, so one
/// report's walks leave most of the 5 MB resident, though nothing reads
/// them again but a few frequency lookups (which map their pages back).
/// This keeps a one-report run under 20 MiB.
///
/// Only done where the tables are, as built, a read-only private mapping
/// of the executable: there `MADV_DONTNEED` drops the mappings and a later
/// read maps the same bytes back from the page cache. (On memory that is
/// not backed by the file it would zero the pages, so anything else is
/// left alone.)
pub(super) fn release() {
    #[cfg(target_os = "linux")]
    {
        let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
            return;
        };
        for table in [NODES_TABLE, BIGRAM, ROOT] {
            let start = table.as_ptr() as usize;
            let (first, last) = (
                start.div_ceil(PAGE) * PAGE,
                (start + table.len()) / PAGE * PAGE,
            );
            if last > first && file_backed_read_only(&maps, first, last) {
                // SAFETY: the range lies inside a read-only private file
                // mapping of static data (checked just above), which no
                // code writes; dropping its pages loses nothing.
                unsafe {
                    libc::madvise(
                        first as *mut libc::c_void,
                        last - first,
                        libc::MADV_DONTNEED,
                    );
                }
            }
        }
    }
}

#[cfg(target_os = "linux")]
const PAGE: usize = 4096;

/// Whether `/proc/self/maps` has `first..last` inside one `r--p` mapping of
/// a file (a path, a non-zero inode).
#[cfg(target_os = "linux")]
fn file_backed_read_only(maps: &str, first: usize, last: usize) -> bool {
    maps.lines().any(|line| {
        let mut fields = line.split_whitespace();
        let (Some(range), Some(perms), Some(_), Some(_), Some(inode), Some(path)) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            return false;
        };
        let Some((a, b)) = range.split_once('-') else {
            return false;
        };
        let (Ok(a), Ok(b)) = (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16)) else {
            return false;
        };
        a <= first && last <= b && perms == "r--p" && inode != "0" && path.starts_with('/')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_read_the_same_after_their_pages_are_given_back() {
        let words = ["一如既往", "部署", "社会主义"];
        let before: Vec<u32> = words.iter().map(|w| frequency(w)).collect();
        assert!(before.iter().all(|&f| f > 0), "{before:?}");
        let text = "坚持一如既往地抓好工作部署。";
        let found = |t: &str| Found::new().scan(t).into_jieba().cut(t, true).len();
        let cut = found(text);
        release();
        let after: Vec<u32> = words.iter().map(|w| frequency(w)).collect();
        assert_eq!(before, after);
        assert_eq!(found(text), cut);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn only_a_read_only_file_mapping_is_given_back() {
        let maps = "\
55d0c0000000-55d0c0400000 r--p 00200000 08:01 1234 /usr/bin/critique-lint
55d0c0400000-55d0c0800000 r-xp 00600000 08:01 1234 /usr/bin/critique-lint
7f0000000000-7f0000100000 r--p 00000000 00:00 0 
7f0000100000-7f0000200000 rw-p 00000000 00:00 0 [heap]
";
        let inside = |a: usize, b: usize| file_backed_read_only(maps, a, b);
        assert!(inside(0x55d0c0001000, 0x55d0c0100000));
        // Past the mapping's end, executable, anonymous, or writable: no.
        assert!(!inside(0x55d0c0300000, 0x55d0c0401000));
        assert!(!inside(0x55d0c0401000, 0x55d0c0402000));
        assert!(!inside(0x7f0000001000, 0x7f0000002000));
        assert!(!inside(0x7f0000101000, 0x7f0000102000));
    }

    /// The children of `node`, read as `child` reads them.
    fn children(node: usize) -> Vec<usize> {
        if node == 0 {
            return (1..=LEVEL_ONE).collect();
        }
        if node <= LEVEL_ONE {
            return (first_child(node)..level_one_end(node)).collect();
        }
        let mut out = Vec::new();
        let mut n = first_child(node);
        while n != 0 {
            out.push(n);
            n = if is_last(n) { 0 } else { n + 1 };
        }
        out
    }

    /// Every word of the trie, by walking it depth first.
    fn all_words() -> Vec<(String, u32)> {
        let mut out = Vec::new();
        let mut stack = vec![(0usize, String::new())];
        while let Some((node, prefix)) = stack.pop() {
            if value(node) != 0 {
                out.push((prefix.clone(), value(node)));
            }
            for n in children(node) {
                let c = char::from_u32(label_of(n).into()).expect("a character");
                stack.push((n, format!("{prefix}{c}")));
            }
        }
        out
    }

    #[test]
    fn tables_hold_the_dictionary_jieba_embeds() {
        let jieba = Jieba::new();
        // Its Debug output is the only public view of jieba's word count and
        // frequency total.
        assert_eq!(
            format!("{jieba:?}"),
            format!("Jieba {{ records_len: {WORDS}, total_freq: {TOTAL} }}")
        );
        let words = all_words();
        assert_eq!(words.len(), WORDS);
        let total: usize = words.iter().map(|w| (w.1 >> TAG_BITS) as usize).sum();
        assert_eq!(total, TOTAL);
        for (word, _) in &words {
            assert!(jieba.has_word(word), "{word}");
        }
    }

    #[test]
    fn finds_every_word_at_every_character_once() {
        let found = Found::new().scan("民主生活会，生活").scan("生活𠀀");
        let mut words: Vec<&str> = found.words.iter().map(|w| w.0).collect();
        words.sort_unstable();
        // Each once; 生活会 is no word of jieba's (the domain dictionary
        // adds it).
        assert_eq!(
            words,
            ["主", "会", "民", "民主", "活", "活会", "生", "生活"]
        );
        let jieba = found.into_jieba();
        assert!(jieba.has_word("活会") && !jieba.has_word("生活费"));
        assert_eq!(
            format!("{jieba:?}"),
            format!("Jieba {{ records_len: 9, total_freq: {TOTAL} }}")
        );
    }
}
