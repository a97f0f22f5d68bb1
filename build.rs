//! Compiles jieba's default dictionary (`vendor/jieba/dict.txt`, the file
//! jieba-rs embeds) into a character trie the binary carries as static
//! tables, so that a run needing only the dictionary words of its inputs
//! finds them without parsing the 349,045-line file at start-up
//! (`src/segment/embedded.rs` reads the tables).
//!
//! The trie's children of one node are consecutive and sorted by
//! character. The nodes are numbered for where a walk reads, since the
//! kernel maps 64 KiB around every page a run touches and a run's peak
//! memory is what it touches: the root 0; its children, the characters,
//! most often passed first (by the frequency total of the words below them,
//! which is how often a text's walk goes through them); then their
//! children, group after group in that order; then the children of every
//! deeper node, the groups of the most often passed nodes first. A report's
//! walks then read the front of the table closely and its tail sparsely.
//!
//! * `jieba_nodes.bin` — per node, a `u64`: the character leading to it in
//!   bits 0–15 (every word of the file is in the Basic Multilingual Plane),
//!   the number of its first child in bits 16–35 (0 for none), in bit 36
//!   whether it is the last of its siblings, and in bits 37–63
//!   `freq << 6 | tag` of the word ending there, 0 where none does (every
//!   frequency is positive). The children of a character run to the next
//!   character's first child (the last character's to `LEVEL_TWO_END`),
//!   so they can be searched by halves; deeper, to the sibling marked last.
//!   A step down the trie reads the sibling labels and the child's fields
//!   from one place in memory;
//! * `jieba_root.bin` — per BMP character, the root's child on it, 0 for
//!   none (`u16`);
//! * `jieba_bigram.bin` — the nodes two characters deep, in an
//!   open-addressing hash table of `1 << BIGRAM_BITS` slots of node numbers
//!   (`u32`, 0 for an empty slot), from the home slot of
//!   `first << 16 | second`; a node found is checked by its label and by
//!   lying among the first character's children. The root's children have
//!   up to 929 children each, 137 on average weighted by how often they
//!   occur in reports, so this step, taken from nearly every character of a
//!   text, is one probe or two instead of a binary search;
//! * `jieba_dict.rs` — the tag names, the number of words and nodes, and the
//!   frequency total jieba computes when it loads the file.
//!
//! All numbers are little-endian.

use std::path::PathBuf;

const DICT: &str = "vendor/jieba/dict.txt";
const TAG_BITS: u32 = 6;
/// Bits of a node for its label and for its first child.
const LABEL_BITS: u32 = 16;
const CHILD_BITS: u32 = 20;
/// log2 of the slots of the bigram table (178,232 keys, load 0.68).
const BIGRAM_BITS: u32 = 18;
/// The rarest idioms the typo rule's tables hold (8,089 of 60,720 four-
/// character idioms and set phrases): rarer ones are rarely written.
const IDIOM_MIN_FREQUENCY: u64 = 10;

#[derive(Default)]
struct Node {
    /// Children by character, sorted once all words are in.
    children: Vec<(u16, u32)>,
    value: u64,
}

fn main() {
    println!("cargo:rerun-if-changed={DICT}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={T2S_EXTRA}");
    let manifest =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(manifest.join(DICT)).expect("vendor/jieba/dict.txt");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));

    // Parsed as `Jieba::load_default_dict` does: `word freq tag`, whitespace
    // separated, a missing frequency counting as 0 and a missing tag as "".
    let mut entries: Vec<(&str, u64, &str)> = Vec::new();
    for line in text.lines() {
        let mut parts = line.split_ascii_whitespace();
        let Some(word) = parts.next() else { continue };
        let freq = parts.next().map_or(0, |f| f.parse().expect("frequency"));
        let tag = parts.next().unwrap_or("");
        entries.push((word, freq, tag));
    }
    // jieba sums every line into the total.
    let total: u64 = entries.iter().map(|e| e.1).sum();
    let words = entries.len();

    let mut tags: Vec<&str> = entries.iter().map(|e| e.2).collect();
    tags.sort_unstable();
    tags.dedup();
    assert!(tags.len() <= 1 << TAG_BITS, "{} tags", tags.len());

    // The trie, node 0 the root, nodes numbered as created.
    let mut nodes = vec![Node::default()];
    for &(word, freq, tag) in &entries {
        assert!(
            (1..1 << (64 - LABEL_BITS - CHILD_BITS - 1 - TAG_BITS)).contains(&freq),
            "{word}: frequency {freq} out of range"
        );
        let mut at = 0usize;
        for c in word.chars() {
            let c = u16::try_from(u32::from(c)).expect("a BMP character");
            at = match nodes[at].children.iter().find(|k| k.0 == c) {
                Some(&(_, child)) => child as usize,
                None => {
                    nodes.push(Node::default());
                    let child = nodes.len() - 1;
                    nodes[at].children.push((c, child as u32));
                    child
                }
            };
        }
        // A word listed twice would keep its last frequency in jieba but
        // count twice in the total; the file has none, and the tables
        // assume so.
        assert_eq!(nodes[at].value, 0, "{word} is listed twice");
        let tag = tags.binary_search(&tag).expect("a known tag") as u64;
        nodes[at].value = freq << TAG_BITS | tag;
    }

    // How often, by the file's frequencies, a walk passes each node: the
    // frequency total of the words below it (children are created after
    // their parent, so a pass from the last node up sums every subtree).
    let mut hot: Vec<u64> = nodes.iter().map(|n| n.value >> TAG_BITS).collect();
    for n in (0..nodes.len()).rev() {
        let below: u64 = nodes[n]
            .children
            .iter()
            .map(|&(_, c)| hot[c as usize])
            .sum();
        hot[n] += below;
    }
    // Renumbered for where a walk reads (see the top of the file): the
    // root's children, most passed first; then their children, group by
    // group in that order, each group in character order; then the
    // children of every deeper node, group by group, the groups of the most
    // passed nodes first.
    let mut root_children = nodes[0].children.clone();
    root_children.sort_unstable_by_key(|&(c, n)| (std::cmp::Reverse(hot[n as usize]), c));
    let mut order: Vec<u32> = vec![0];
    order.extend(root_children.iter().map(|&(_, n)| n));
    let level_one = root_children.len();
    let mut label_of = vec![0u16; nodes.len()];
    let mut level_one_node = vec![false; nodes.len()];
    for (n, node) in nodes.iter().enumerate() {
        for &(c, child) in &node.children {
            label_of[child as usize] = c;
            level_one_node[child as usize] = n == 0;
        }
    }
    let mut deeper: Vec<u32> = (1..nodes.len() as u32)
        .filter(|&n| !level_one_node[n as usize] && !nodes[n as usize].children.is_empty())
        .collect();
    deeper.sort_by_key(|&n| (std::cmp::Reverse(hot[n as usize]), n));
    let groups: Vec<u32> = order[1..].iter().copied().chain(deeper).collect();
    // Each parent's children, in the order above, numbered consecutively.
    let mut first_child = vec![0u32; nodes.len()];
    let mut last = vec![false; nodes.len()];
    let mut level_two_end = 0;
    for (i, &parent) in groups.iter().enumerate() {
        let children = &mut nodes[parent as usize].children;
        children.sort_unstable();
        first_child[parent as usize] = order.len() as u32;
        if let Some(&(_, end)) = children.last() {
            last[end as usize] = true;
        }
        order.extend(children.iter().map(|&(_, n)| n));
        if i + 1 == level_one {
            level_two_end = order.len();
        }
    }
    assert_eq!(order.len(), nodes.len());
    let mut number = vec![0u32; nodes.len()];
    for (new, &old) in order.iter().enumerate() {
        number[old as usize] = new as u32;
    }
    // The nodes two characters deep by their two characters, in an
    // open-addressing hash table of node numbers.
    let mut bigram = vec![0u32; 1 << BIGRAM_BITS];
    for &(first, one) in &root_children {
        for &(second, two) in &nodes[one as usize].children {
            let mut slot = bigram_slot(u32::from(first) << 16 | u32::from(second));
            while bigram[slot] != 0 {
                slot = (slot + 1) & ((1 << BIGRAM_BITS) - 1);
            }
            bigram[slot] = number[two as usize];
        }
    }
    let mut root = vec![0u16; 1 << 16];
    for &(c, n) in &root_children {
        root[c as usize] = u16::try_from(number[n as usize]).expect("root children fit u16");
    }
    assert!(nodes.len() < 1 << CHILD_BITS, "{} nodes", nodes.len());
    let table: Vec<u8> = order
        .iter()
        .flat_map(|&old| {
            let old = old as usize;
            // The root's label, never read, is 0 like every unset one.
            let node = u64::from(label_of[old])
                | u64::from(first_child[old]) << LABEL_BITS
                | u64::from(last[old]) << (LABEL_BITS + CHILD_BITS)
                | nodes[old].value << (LABEL_BITS + CHILD_BITS + 1);
            node.to_le_bytes()
        })
        .collect();
    let bigram: Vec<u8> = bigram.iter().flat_map(|x| x.to_le_bytes()).collect();
    let root: Vec<u8> = root.iter().flat_map(|x| x.to_le_bytes()).collect();
    let write = |name: &str, data: &[u8]| std::fs::write(out.join(name), data).expect(name);
    write("jieba_nodes.bin", &table);
    write("jieba_root.bin", &root);
    write("jieba_bigram.bin", &bigram);
    let tag_count = tags.len();
    let nodes = nodes.len();
    write(
        "jieba_dict.rs",
        format!(
            "/// Words in jieba's default dictionary (checked by the tests).
#[cfg_attr(not(test), allow(dead_code))]
pub(super) const WORDS: usize = {words};
/// Nodes of the trie, the root included.
pub(super) const NODES: usize = {nodes};
/// The frequency total `Jieba::new()` computes.
pub(super) const TOTAL: usize = {total};
/// Bits of a node for its label and for its first child.
pub(super) const LABEL_BITS: u32 = {LABEL_BITS};
/// The root's children are nodes 1 to `LEVEL_ONE`; their children end
/// before node `LEVEL_TWO_END`.
pub(super) const LEVEL_ONE: usize = {level_one};
pub(super) const LEVEL_TWO_END: usize = {level_two_end};
/// log2 of the slots of the bigram table.
pub(super) const BIGRAM_BITS: u32 = {BIGRAM_BITS};
pub(super) const CHILD_BITS: u32 = {CHILD_BITS};
/// Bits of a value that hold the tag.
pub(super) const TAG_BITS: u32 = {TAG_BITS};
/// Part-of-speech tags, indexed by a value's low bits.
pub(super) static TAGS: [&str; {tag_count}] = {tags:?};
"
        )
        .as_bytes(),
    );
    let manifest =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let extra = std::fs::read_to_string(manifest.join(T2S_EXTRA)).expect("src/t2s_extra.txt");
    write("t2s.rs", t2s_table(&extra).as_bytes());
    rules_as_json(&manifest, &out);
    model_tables(&manifest, &out);
    idiom_tables(&entries, &out);
}

/// For the typo rule's misspelt idioms (付衍了事 for 敷衍了事):
///
/// * `idioms.bin` — jieba's four-character idioms and set phrases (tags `i`,
///   `l`, `n`), each as
///   four `u16` characters and a `u32` frequency, sorted;
/// * `idiom_keys.bin` — per idiom and position, the idiom with that
///   character blanked (0) as a `u64` (four `u16`), and the idiom's number
///   (`u32`): sorted by key, so the idioms one character away from a window
///   are a binary search;
/// * `idiom_heads.bin`, `idiom_tails.bin` — filters of the idioms' first
///   and last two characters: a bit per hashed half (`u64` words);
/// * `idiom_blanks.bin` — a filter of the blanked keys: a bit per hashed
///   key (`u64` words);
/// * `readings.bin` — per character U+4E00..=U+9FFF, up to four toneless
///   syllables (`u16` numbers, 0 for none) from the `pinyin` crate (MIT):
///   a misspelling writes a character read like the right one.
fn idiom_tables(entries: &[(&str, u64, &str)], out: &std::path::Path) {
    use pinyin::ToPinyinMulti;
    let mut idioms: Vec<([u16; 4], u32)> = entries
        .iter()
        .filter(|(w, f, tag)| {
            matches!(*tag, "i" | "l" | "n") && *f >= IDIOM_MIN_FREQUENCY && w.chars().count() == 4
        })
        .filter_map(|(w, f, _)| {
            let mut cs = [0u16; 4];
            for (i, c) in w.chars().enumerate() {
                if !('\u{4E00}'..='\u{9FFF}').contains(&c) {
                    return None;
                }
                cs[i] = c as u16;
            }
            Some((cs, u32::try_from(*f).unwrap_or(u32::MAX)))
        })
        .collect();
    idioms.sort_unstable();
    let pack = |cs: [u16; 4]| cs.iter().fold(0u64, |k, &c| k << 16 | u64::from(c));
    let mut keys: Vec<(u64, u32)> = Vec::with_capacity(idioms.len() * 4);
    for (n, (cs, _)) in idioms.iter().enumerate() {
        for p in 0..4 {
            let mut blanked = *cs;
            blanked[p] = 0;
            keys.push((pack(blanked), n as u32));
        }
    }
    keys.sort_unstable();
    let mut bytes = Vec::new();
    for (cs, f) in &idioms {
        cs.iter()
            .for_each(|c| bytes.extend_from_slice(&c.to_le_bytes()));
        bytes.extend_from_slice(&f.to_le_bytes());
    }
    std::fs::write(out.join("idioms.bin"), &bytes).expect("idioms.bin");
    let mut bytes = Vec::new();
    for (k, n) in &keys {
        bytes.extend_from_slice(&k.to_le_bytes());
        bytes.extend_from_slice(&n.to_le_bytes());
    }
    std::fs::write(out.join("idiom_keys.bin"), &bytes).expect("idiom_keys.bin");
    // A window one character from an idiom shares its first two characters
    // or its last two: a bit per hashed half (small enough to stay in the
    // L1 cache) rules most windows out with two reads; then a bit per
    // hashed blanked key rules out most positions left (a false positive
    // only costs the binary search after).
    for (name, half) in [("idiom_heads.bin", 0), ("idiom_tails.bin", 2)] {
        let mut bits = vec![0u64; 1 << (HALF_BITS - 6)];
        for (cs, _) in &idioms {
            let h = half_slot(u32::from(cs[half]) << 16 | u32::from(cs[half + 1]));
            bits[h >> 6] |= 1 << (h & 63);
        }
        let bytes: Vec<u8> = bits.iter().flat_map(|b| b.to_le_bytes()).collect();
        std::fs::write(out.join(name), bytes).expect(name);
    }
    let mut bits = vec![0u64; 1 << (BLANK_BITS - 6)];
    for (k, _) in &keys {
        let h = blank_slot(*k);
        bits[h >> 6] |= 1 << (h & 63);
    }
    let bytes: Vec<u8> = bits.iter().flat_map(|b| b.to_le_bytes()).collect();
    std::fs::write(out.join("idiom_blanks.bin"), bytes).expect("idiom_blanks.bin");

    let mut syllables: Vec<&'static str> = Vec::new();
    let mut bytes = Vec::with_capacity(4 * 2 * 0x5200);
    for c in '\u{4E00}'..='\u{9FFF}' {
        let mut ids = [0u16; 4];
        let mut k = 0;
        if let Some(multi) = c.to_pinyin_multi() {
            for p in multi {
                let s = p.plain();
                let id = match syllables.iter().position(|x| *x == s) {
                    Some(i) => i,
                    None => {
                        syllables.push(s);
                        syllables.len() - 1
                    }
                } as u16
                    + 1;
                if k < 4 && !ids[..k].contains(&id) {
                    ids[k] = id;
                    k += 1;
                }
            }
        }
        ids.iter()
            .for_each(|i| bytes.extend_from_slice(&i.to_le_bytes()));
    }
    std::fs::write(out.join("readings.bin"), &bytes).expect("readings.bin");
}

/// The embedded rule files, each parsed once here and written as JSON:
/// serde_yaml took a quarter of a one-report run reading them (45 M of
/// 192 M instructions), serde_json reads the same values in a tenth of that.
/// The YAML text stays embedded too, to place any error at its line.
fn rules_as_json(root: &std::path::Path, out: &std::path::Path) {
    println!("cargo:rerun-if-changed=rules");
    std::fs::create_dir_all(out.join("rules")).expect("OUT_DIR/rules");
    for entry in std::fs::read_dir(root.join("rules")).expect("rules/") {
        let path = entry.expect("rules/ entry").path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("a rule file");
        // A file that does not parse gets an empty JSON file: the run then
        // parses the YAML and reports the error at its line and column, as
        // it does for a user's file.
        let json = serde_yaml::from_str::<serde_yaml::Value>(&text)
            .map(|v| serde_json::to_string(&v).expect("rule files have string keys"))
            .unwrap_or_default();
        let name = path.file_stem().expect("a file name").to_string_lossy();
        std::fs::write(out.join("rules").join(format!("{name}.json")), json).expect("a JSON file");
    }
}

/// The item models (`rules/models/NAME.tsv`: a `prior` line, then a gram
/// and its weight per line, `# ` comments) as hash tables read in place
/// (see below); and `models.rs`, the list of them with their priors and
/// the log2 of their slots.
fn model_tables(root: &std::path::Path, out: &std::path::Path) {
    println!("cargo:rerun-if-changed=rules/models");
    println!("cargo:rerun-if-changed=src/rules/model_hash.rs");
    std::fs::create_dir_all(out.join("models")).expect("OUT_DIR/models");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("rules/models"))
        .expect("rules/models/")
        .map(|e| e.expect("rules/models entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    paths.sort();
    let mut list = String::from("static MODELS: &[(&str, f32, u32, &[u8])] = &[\n");
    for path in paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&path).expect("a model file");
        let mut prior = None;
        let mut entries: Vec<(u64, f32)> = Vec::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with("# ") && !l.is_empty())
        {
            let (gram, weight) = line.split_once('\t').expect("gram<TAB>weight");
            let weight: f32 = weight.parse().expect("a weight");
            if gram == "prior" {
                prior = Some(weight);
                continue;
            }
            let chars: Vec<char> = gram.chars().collect();
            assert!((2..=3).contains(&chars.len()), "{name}: gram {gram}");
            entries.push((gram_key(&chars), weight));
        }
        entries.sort_by_key(|e| e.0);
        assert!(
            entries.windows(2).all(|w| w[0].0 < w[1].0),
            "{name}: a gram twice"
        );
        // Open addressing, at most 70 % full: a gram is found, or found
        // missing, in a probe or two. A slot holds the key's 32-bit
        // fingerprint (0: empty) and the weight in 1/1024 (`i16`): six
        // bytes, so the tables stay small in the binary and in the cache.
        let bits = (entries.len() * 10 / 7 + 1)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut slots = vec![(0u32, 0i16); 1 << bits];
        for &(k, w) in &entries {
            let (mut at, print) = gram_slot(k, bits);
            while slots[at].0 != 0 {
                assert_ne!(slots[at].0, print, "{name}: two grams share a fingerprint");
                at = (at + 1) & ((1 << bits) - 1);
            }
            let w = (w * 1024.0)
                .round()
                .clamp(f32::from(i16::MIN), f32::from(i16::MAX));
            slots[at] = (print, w as i16);
        }
        let bytes: Vec<u8> = slots
            .iter()
            .flat_map(|(k, w)| k.to_le_bytes().into_iter().chain(w.to_le_bytes()))
            .collect();
        std::fs::write(out.join("models").join(format!("{name}.bin")), bytes)
            .expect("a model table");
        let prior = prior.unwrap_or_else(|| panic!("{name}: no prior line"));
        list.push_str(&format!(
            "    ({name:?}, {prior:?}, {bits}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/models/{name}.bin\"))),\n"
        ));
    }
    list.push_str("];\n");
    std::fs::write(out.join("models.rs"), list).expect("models.rs");
}

// gram_key, gram_slot: the item models' encoding, shared with the crate.
include!("src/rules/model_hash.rs");

const T2S_EXTRA: &str = "src/t2s_extra.txt";

/// Traditional characters and their simplified forms of the same UTF-8
/// length, as the view reads them: fast2s's, then `src/t2s_extra.txt`'s
/// additions (two characters) and keeps (one). Made here so a run looks a
/// character up in a static table instead of converting every text twice.
fn t2s_table(extra: &str) -> String {
    let mut map = std::collections::BTreeMap::new();
    let ranges = [0x3400..0xA000u32, 0xF900..0xFB00, 0x20000..0x30000];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let s = fast2s::convert(&c.to_string());
        let mut cs = s.chars();
        if let (Some(b), None) = (cs.next(), cs.next()) {
            if b != c && b.len_utf8() == c.len_utf8() {
                map.insert(c, b);
            }
        }
    }
    for line in extra.lines().filter(|l| !l.starts_with('#')) {
        let mut cs = line.chars();
        match (cs.next(), cs.next()) {
            (Some(a), Some(b)) if a.len_utf8() == b.len_utf8() => {
                map.insert(a, b);
            }
            (Some(a), None) => {
                map.remove(&a);
            }
            _ => {}
        }
    }
    let pairs: Vec<String> = map.iter().map(|(a, b)| format!("({a:?},{b:?})")).collect();
    // One bit per character of the Basic Multilingual Plane: set when the
    // table holds it, so most characters are passed over without a search.
    let mut bits = vec![0u64; 1 << 10];
    for &c in map.keys().filter(|&&c| (c as u32) < 1 << 16) {
        bits[c as usize >> 6] |= 1 << (c as u32 & 63);
    }
    format!(
        "/// (traditional, simplified), sorted; generated by build.rs.\n\
         static T2S: [(char, char); {}] = [{}];\n\
         /// Which characters below U+10000 `T2S` holds, a bit each.\n\
         static T2S_BMP: [u64; 1024] = {:?};\n",
        pairs.len(),
        pairs.join(","),
        bits
    )
}

/// log2 of the bits of each idiom-half filter (about 6,000 halves each).
const HALF_BITS: u32 = 16;

/// The bit of an idiom half; `src/segment/idioms.rs` hashes alike.
fn half_slot(half: u32) -> usize {
    (half.wrapping_mul(0x9E37_79B1) >> (32 - HALF_BITS)) as usize
}

/// log2 of the bits of the blanked-idiom filter (about 32,000 keys, 3 %
/// of the bits set).
const BLANK_BITS: u32 = 20;

/// The home slot of a bigram key; `src/segment/embedded.rs` hashes alike.
fn bigram_slot(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> (32 - BIGRAM_BITS)) as usize
}

/// The bit of a blanked idiom key; `src/segment/idioms.rs` hashes alike.
fn blank_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BLANK_BITS)) as usize
}
