//! The one fast, unkeyed hasher of newsnlp's lookup tables.
//!
//! The tables (model weights, lexicons) are built from embedded or
//! caller-supplied data and only *looked up* with words of the text, so
//! SipHash's protection against chosen keys buys nothing here, while it
//! dominated the cost of a lookup. This is a word-at-a-time folded
//! multiply (the construction of foldhash and wyhash).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

const K0: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0x1319_8a2e_0370_7344;

#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

/// The longest word [`short_key`] packs.
pub const SHORT: usize = 15;

/// A word of at most [`SHORT`] bytes packed into two integers (its bytes,
/// little-endian, and its length in the top byte), so that different words
/// have different keys: a table keyed by it hashes two integers and follows
/// no pointer to compare a key.
///
/// A word of 4 to 15 bytes is read in two loads (its first and last four
/// or eight bytes, overlapping) instead of a step per byte.
#[inline]
pub fn short_key(w: &str) -> Option<(u64, u64)> {
    let b = w.as_bytes();
    let n = b.len();
    let len = (n as u64) << 56;
    match n {
        0..=3 => Some((b.iter().rev().fold(0, |k, &c| (k << 8) | u64::from(c)), len)),
        4..=8 => {
            let (Some(first), Some(last)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) else {
                return None;
            };
            let first = u64::from(u32::from_le_bytes(*first));
            let last = u64::from(u32::from_le_bytes(*last));
            // The last four bytes overlap the first four (the same bytes
            // at the same places) below eight.
            Some((first | last << (8 * (n - 4)), len))
        }
        9..=SHORT => {
            let (Some(first), Some(last)) = (b.first_chunk::<8>(), b.last_chunk::<8>()) else {
                return None;
            };
            // Bytes 8.. of the word, from the last eight.
            let hi = u64::from_le_bytes(*last) >> (8 * (16 - n));
            Some((u64::from_le_bytes(*first), hi | len))
        }
        _ => None,
    }
}

/// The high bit of every byte of a word.
pub const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that is an ASCII capital, for `w`
/// without high bits (ASCII bytes, such as a [`short_key`] half): `b +
/// 0x3f` reaches 0x80 from `A` on, `b + 0x25` from past `Z` on, and no
/// sum carries into the next byte. `w | (upper_bits(w) >> 2)` is `w`
/// lowercased.
///
/// ```
/// use newsnlp_text::hash::{short_key, upper_bits};
/// let (k0, k1) = short_key("Mr.").unwrap();
/// assert_eq!(upper_bits(k0), 0x80);
/// assert_eq!((k0 | (upper_bits(k0) >> 2), k1), short_key("mr.").unwrap());
/// ```
#[inline]
pub fn upper_bits(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    w.wrapping_add(0x3f * ONES) & !w.wrapping_add(0x25 * ONES) & HIGH_BITS
}

/// The last `r` bytes of `bytes` (1 to 7 of them) as a little-endian word,
/// zero above them: one load of the last eight bytes when there are
/// eight, two overlapping loads of four from four on, else a step per
/// byte (a copy of a variable length would be a call to `memcpy`).
#[inline]
fn tail_word(bytes: &[u8], r: usize) -> u64 {
    if let Some(last) = bytes.last_chunk::<8>()
        && (1..8).contains(&r)
    {
        return u64::from_le_bytes(*last) >> (8 * (8 - r));
    }
    let rest = bytes
        .get(bytes.len().saturating_sub(r)..)
        .unwrap_or_default();
    if let (Some(first), Some(last)) = (rest.first_chunk::<4>(), rest.last_chunk::<4>()) {
        let first = u64::from(u32::from_le_bytes(*first));
        let last = u64::from(u32::from_le_bytes(*last));
        return first | last << (8 * (rest.len() - 4));
    }
    rest.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b))
}

/// See the module documentation.
#[derive(Debug, Clone, Copy)]
pub struct FastHasher(u64);

impl Default for FastHasher {
    #[inline]
    fn default() -> Self {
        FastHasher(K0)
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ (bytes.len() as u64).wrapping_mul(K1);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = fold(h ^ u64::from_le_bytes(w), K1);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            h = fold(h ^ tail_word(bytes, rest.len()), K1);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = fold(self.0 ^ u64::from(i), K0);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = fold(self.0 ^ i, K1);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        fold(self.0, K0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    /// The key as first written: a step per byte.
    fn short_key_by_bytes(w: &str) -> Option<(u64, u64)> {
        let b = w.as_bytes();
        if b.len() > SHORT {
            return None;
        }
        let (mut lo, mut hi) = (0u64, (b.len() as u64) << 56);
        for (i, &c) in b.iter().enumerate() {
            if i < 8 {
                lo |= u64::from(c) << (8 * i);
            } else {
                hi |= u64::from(c) << (8 * (i - 8));
            }
        }
        Some((lo, hi))
    }

    #[test]
    fn tail_words_are_the_bytewise_words() {
        let bytes: Vec<u8> = (1..=40u8).map(|b| b.wrapping_mul(37)).collect();
        for n in 1..=bytes.len() {
            let b = &bytes[..n];
            let r = n % 8;
            if r == 0 {
                continue;
            }
            let by_bytes = b[n - r..]
                .iter()
                .rev()
                .fold(0u64, |w, &c| (w << 8) | u64::from(c));
            assert_eq!(tail_word(b, r), by_bytes, "{n}");
        }
    }

    #[test]
    fn short_keys_of_every_length_are_the_bytewise_keys() {
        let long = "abcdefghijklmnopq’é";
        for end in (0..=long.len()).filter(|&e| long.is_char_boundary(e)) {
            for start in (0..=end).filter(|&s| long.is_char_boundary(s)) {
                let w = &long[start..end];
                assert_eq!(short_key(w), short_key_by_bytes(w), "{w:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_word_has_its_bytewise_key(w in "\\PC{0,17}") {
            proptest::prop_assert_eq!(short_key(&w), short_key_by_bytes(&w));
        }
    }

    #[test]
    fn short_keys_are_distinct_and_bounded() {
        assert!(short_key("abcdefghijklmno").is_some() && short_key("abcdefghijklmnop").is_none());
        assert_ne!(short_key("a"), short_key("a\0"));
        assert_ne!(short_key("abcdefgh"), short_key("abcdefgh\0"));
        assert_ne!(short_key("ab"), short_key("ba"));
    }

    #[test]
    fn strings_hash_apart() {
        let b = BuildHasherDefault::<FastHasher>::default();
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "w:a",
            "w:b",
            "lb:a_b",
            "lb:a_c",
            "12345678",
            "123456789",
        ];
        let hashes: FastSet<u64> = words.iter().map(|w| b.hash_one(w)).collect();
        assert_eq!(hashes.len(), words.len());
        let mut m: FastMap<&str, usize> = FastMap::default();
        for (i, w) in words.iter().enumerate() {
            m.insert(w, i);
        }
        assert!(words.iter().enumerate().all(|(i, w)| m[w] == i));
    }
}
