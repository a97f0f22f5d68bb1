//! Winnowing (Schleimer, Wilkerson, Aiken 2003): hash every k-gram, keep the
//! minimum hash of each window of w = t - k + 1 consecutive hashes. Any
//! shared run of at least t characters shares a fingerprint; runs shorter
//! than k never do. Hashes are 32 bits: a chance collision makes a seed that
//! the exact comparison of the texts then drops.

use super::normalize::{is_masked, plain};

/// One selected k-gram: its hash and where it starts (normalised chars).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    pub(crate) hash: u32,
    pub(crate) pos: u32,
}

/// Mixes a rolling hash so window minima are spread evenly (splitmix64).
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const BASE: u64 = 0x100_0000_01b3;

/// A k-gram holding a masked character (a break, stock wording).
const MASKED: u32 = u32::MAX;

/// Hashes of every k-gram of `chars` (stock marks ignored), in order;
/// k-grams holding a masked character are [`MASKED`].
fn kgram_hashes(chars: &[u32], k: usize) -> Vec<u32> {
    if chars.len() < k || k == 0 {
        return Vec::new();
    }
    let top = (0..k - 1).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut h = chars[..k].iter().fold(0u64, |h, &c| {
        h.wrapping_mul(BASE).wrapping_add(plain(c) as u64)
    });
    let mut out = Vec::with_capacity(chars.len() - k + 1);
    // Distance back to the last masked character seen.
    let mut last_masked = chars[..k].iter().rposition(|&c| is_masked(c));
    let value = |h: u64, masked: bool| {
        if masked {
            MASKED
        } else {
            (mix(h) >> 32) as u32
        }
    };
    out.push(value(h, last_masked.is_some()));
    for i in k..chars.len() {
        h = h
            .wrapping_sub((plain(chars[i - k]) as u64).wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(plain(chars[i]) as u64);
        if is_masked(chars[i]) {
            last_masked = Some(i);
        }
        let masked = last_masked.is_some_and(|m| m + k > i);
        out.push(value(h, masked));
    }
    out
}

/// Winnowing with noise threshold `k` and guarantee `t` (t ≥ k).
pub(crate) fn fingerprints(chars: &[u32], k: usize, t: usize) -> Vec<Fingerprint> {
    let hashes = kgram_hashes(chars, k);
    let w = t.saturating_sub(k) + 1;
    let n = hashes.len();
    let mut out: Vec<Fingerprint> = Vec::with_capacity(n * 2 / (w + 1) + 1);
    if n == 0 {
        return out;
    }
    if n < w {
        // A text shorter than one window still gets its minimum.
        let m = (0..n).rev().min_by_key(|&i| hashes[i]).expect("not empty");
        out.push(Fingerprint {
            hash: hashes[m],
            pos: m as u32,
        });
    }
    // The paper's robust winnowing: keep the rightmost minimum of the
    // window; rescan the window only when that minimum falls out of it.
    let mut min: Option<usize> = None;
    for end in w - 1..n {
        let start = end + 1 - w;
        let m = match min {
            Some(m) if m >= start => {
                if hashes[end] <= hashes[m] {
                    end
                } else {
                    m
                }
            }
            _ => (start..=end).fold(start, |m, i| if hashes[i] <= hashes[m] { i } else { m }),
        };
        if min != Some(m) {
            out.push(Fingerprint {
                hash: hashes[m],
                pos: m as u32,
            });
        }
        min = Some(m);
    }
    out.retain(|f| f.hash != MASKED);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn chars(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn any_shared_run_of_t_characters_shares_a_fingerprint() {
        let shared = "坚持以人民为中心的发展思想把群众利益放在心上";
        assert!(shared.chars().count() >= 20);
        let a = chars(&format!("今年我在调研中发现{shared}但没有落实"));
        let b = chars(&format!("完全不同的开头部分文字{shared}结尾也不同啊"));
        let fa: HashSet<u32> = fingerprints(&a, 13, 20).iter().map(|f| f.hash).collect();
        let fb = fingerprints(&b, 13, 20);
        assert!(fb.iter().any(|f| fa.contains(&f.hash)));
    }

    #[test]
    fn runs_shorter_than_k_share_nothing() {
        let a = chars("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯");
        let b = chars("天地玄黄宇宙洪荒一二三四五六七八九十甲日月盈昃辰宿列张");
        let fa: HashSet<u32> = kgram_hashes(&a, 13).into_iter().collect();
        assert!(kgram_hashes(&b, 13).iter().all(|h| !fa.contains(h)));
    }

    #[test]
    fn rolling_hash_matches_direct_hash() {
        let a = chars("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未");
        let rolled = kgram_hashes(&a, 5);
        for (i, h) in rolled.iter().enumerate() {
            assert_eq!(*h, kgram_hashes(&a[i..i + 5], 5)[0]);
        }
    }

    #[test]
    fn masked_characters_take_no_fingerprint() {
        let mut a = chars("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未");
        a[9] |= 1 << 30;
        let hashes = kgram_hashes(&a, 5);
        for (i, h) in hashes.iter().enumerate() {
            assert_eq!(*h == MASKED, (5..=9).contains(&i), "{i}");
        }
    }

    #[test]
    fn mixing_keeps_hashes_apart_and_spreads_every_input_bit() {
        // Fingerprints keep the high half of `mix`: neighbouring inputs
        // must not collide there (a collision is a false seed, and skews
        // which hashes are sampled), and flipping any one input bit flips
        // about half of the output bits.
        let high: HashSet<u32> = (0..4096u64).map(|x| (mix(x) >> 32) as u32).collect();
        assert_eq!(high.len(), 4096);
        for bit in 0..64 {
            let flipped: u32 = (0..4096u64)
                .step_by(16)
                .map(|x| (mix(x) ^ mix(x ^ (1 << bit))).count_ones())
                .sum();
            let mean = f64::from(flipped) / 256.0;
            assert!((28.0..=36.0).contains(&mean), "bit {bit}: {mean}");
        }
    }

    #[test]
    fn mixing_is_splitmix64() {
        // SplitMix64 (Steele, Lea, Flood 2014; Vigna's splitmix64.c) from
        // seed 0: the state advances by the golden gamma and each output
        // is the state mixed. Its published first outputs pin the mixer,
        // so which k-grams are picked, and sampled, is as documented.
        let gamma = 0x9e37_79b9_7f4a_7c15u64;
        let outputs: Vec<u64> = (1..=3u64).map(|i| mix(gamma.wrapping_mul(i))).collect();
        assert_eq!(
            outputs,
            [
                0xe220_a839_7b1d_cdaf,
                0x6e78_9e6a_a1b9_65f4,
                0x06c4_5d18_8009_454f
            ]
        );
    }

    #[test]
    fn every_kgram_is_hashed_and_none_of_a_short_text() {
        let c = chars("一二三四五");
        assert_eq!(kgram_hashes(&c, 5).len(), 1);
        assert_eq!(kgram_hashes(&c, 3).len(), 3);
        assert!(kgram_hashes(&c, 6).is_empty());
        assert!(kgram_hashes(&c, 0).is_empty());
        // Equal k-grams hash alike wherever they are; different ones not.
        let h = kgram_hashes(&chars("甲乙丙甲乙丙丁"), 3);
        assert_eq!(h[0], h[3]);
        assert_ne!(h[0], h[1]);
        assert_ne!(h[3], h[4]);
    }

    /// A masked character masks exactly the k-grams that hold it.
    #[test]
    fn a_masked_character_masks_the_kgrams_holding_it_only() {
        let mut c = chars("一二三四五六七八九十");
        c[5] = SENTINEL_FOR_TEST;
        let h = kgram_hashes(&c, 3);
        let masked: Vec<usize> = (0..h.len()).filter(|&i| h[i] == MASKED).collect();
        assert_eq!(masked, [3, 4, 5]);
        // At the very start: the first k-grams.
        let mut c = chars("一二三四五六");
        c[0] = SENTINEL_FOR_TEST;
        let h = kgram_hashes(&c, 3);
        let masked: Vec<usize> = (0..h.len()).filter(|&i| h[i] == MASKED).collect();
        assert_eq!(masked, [0]);
    }

    const SENTINEL_FOR_TEST: u32 = 0x11_0000;

    /// Winnowing by brute force: in every window of w hashes, the
    /// rightmost minimum (not masked) is a fingerprint, and every
    /// fingerprint is such a minimum.
    #[test]
    fn fingerprints_are_exactly_the_rightmost_minima_of_the_windows() {
        // A text with repeats, so equal hashes occur in one window.
        let text: String = (0..300u32)
            .map(|i| char::from_u32(0x4E00 + (i * 7919 % 13)).unwrap())
            .collect();
        let c = chars(&text);
        for (k, t) in [(3, 3), (3, 8), (5, 20), (4, 5)] {
            let h = kgram_hashes(&c, k);
            let w = t - k + 1;
            let mut want: Vec<u32> = (0..=h.len() - w)
                .map(|s| {
                    let win = &h[s..s + w];
                    let m = win.iter().min().unwrap();
                    (s + win.iter().rposition(|x| x == m).unwrap()) as u32
                })
                .filter(|&p| h[p as usize] != MASKED)
                .collect();
            want.dedup();
            let got: Vec<u32> = fingerprints(&c, k, t).iter().map(|f| f.pos).collect();
            assert_eq!(got, want, "k {k}, t {t}");
            assert!(fingerprints(&c, k, t)
                .iter()
                .all(|f| f.hash == h[f.pos as usize]));
        }
    }

    /// A text shorter than one window still gets one fingerprint: its
    /// rightmost minimum.
    #[test]
    fn a_text_shorter_than_a_window_gets_its_minimum() {
        let c = chars("一二三四五六七");
        let h = kgram_hashes(&c, 3);
        let m = h.iter().min().unwrap();
        let at = h.iter().rposition(|x| x == m).unwrap() as u32;
        let f = fingerprints(&c, 3, 20);
        assert_eq!(f, [Fingerprint { hash: *m, pos: at }]);
        assert!(fingerprints(&chars("一二"), 3, 20).is_empty());
        // Exactly one window long: one fingerprint, once.
        let f = fingerprints(&c, 3, 7);
        assert_eq!(f.len(), 1, "{f:?}");
    }
}
