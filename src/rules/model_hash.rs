// Shared by build.rs, which writes the item models' tables, and
// src/rules/model.rs, which reads them (`include!`d by both): one encoding
// of a gram and one hash, so a table is read where it was written.

/// A gram as one integer: up to three characters of 21 bits each, the
/// first highest.
fn gram_key(gram: &[char]) -> u64 {
    gram.iter().fold(0u64, |k, &c| k << 21 | u64::from(c))
}

/// The home slot of a gram key in a table of `2^bits` slots, and the key's
/// fingerprint (never 0).
fn gram_slot(key: u64, bits: u32) -> (usize, u32) {
    // splitmix64's finaliser: every bit of the key moves both halves.
    let mut h = key;
    h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^= h >> 31;
    ((h >> (64 - bits)) as usize, (h as u32) | 1)
}
