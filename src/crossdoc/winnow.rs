//! Winnowing (Schleimer, Wilkerson, Aiken 2003): hash every k-gram, keep the
//! minimum hash of each window of w = t - k + 1 consecutive hashes. Any
//! shared run of at least t characters shares a fingerprint; runs shorter
//! than k never do.

/// One selected k-gram: its hash and where it starts (normalised chars).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    pub hash: u64,
    pub pos: u32,
}

/// Mixes a rolling hash so window minima are spread evenly (splitmix64).
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const BASE: u64 = 0x100_0000_01b3;

/// Hashes of every k-gram of `chars`, in order.
pub(crate) fn kgram_hashes(chars: &[u32], k: usize) -> Vec<u64> {
    if chars.len() < k || k == 0 {
        return Vec::new();
    }
    let top = (0..k - 1).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut h = chars[..k]
        .iter()
        .fold(0u64, |h, &c| h.wrapping_mul(BASE).wrapping_add(c as u64));
    let mut out = Vec::with_capacity(chars.len() - k + 1);
    out.push(mix(h));
    for i in k..chars.len() {
        h = h
            .wrapping_sub((chars[i - k] as u64).wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(chars[i] as u64);
        out.push(mix(h));
    }
    out
}

/// Winnowing with noise threshold `k` and guarantee `t` (t ≥ k). k-grams
/// holding a sentinel (a line break, a skipped range) are never selected.
pub(crate) fn fingerprints(chars: &[u32], k: usize, t: usize) -> Vec<Fingerprint> {
    let mut hashes = kgram_hashes(chars, k);
    let mut last_sentinel: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        if super::normalize::is_sentinel(c) {
            last_sentinel = Some(i);
        }
        // The k-gram ending at i starts at i + 1 - k.
        if i + 1 >= k && last_sentinel.is_some_and(|s| s + k > i) {
            hashes[i + 1 - k] = u64::MAX;
        }
    }
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
    out.retain(|f| f.hash != u64::MAX);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn any_shared_run_of_t_characters_shares_a_fingerprint() {
        let shared = "坚持以人民为中心的发展思想把群众利益放在心上";
        assert!(shared.chars().count() >= 20);
        let a = chars(&format!("今年我在调研中发现{shared}但没有落实"));
        let b = chars(&format!("完全不同的开头部分文字{shared}结尾也不同啊"));
        let fa: std::collections::HashSet<u64> =
            fingerprints(&a, 13, 20).iter().map(|f| f.hash).collect();
        let fb = fingerprints(&b, 13, 20);
        assert!(fb.iter().any(|f| fa.contains(&f.hash)));
    }

    #[test]
    fn runs_shorter_than_k_share_nothing() {
        let a = chars("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯");
        let b = chars("天地玄黄宇宙洪荒一二三四五六七八九十甲日月盈昃辰宿列张");
        let fa: std::collections::HashSet<u64> = kgram_hashes(&a, 13).into_iter().collect();
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
}
