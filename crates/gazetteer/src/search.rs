//! The search: the trie walk from token starts.
//!
//! A match starts only where a token may start (not right after a word
//! character, not inside "O'Brien", not at the clitic of "Assad's"), so no
//! failure links are needed: `Gazetteer::next_start_in` skips words that
//! cannot start a match (a word of ASCII letters and digits by one lookup
//! of it among the keys' first words, and of it with the next word among
//! their first two, `FirstWords`; other words by a bit of the trie after
//! three bytes, `Trie::may_pass3`), and `Gazetteer::walk` follows the trie from
//! a start along the text normalized in place (ASCII by table, other
//! characters by the normalizer), keeping the keys that end on a token
//! boundary and pass the case rule of one of their aliases. The longest
//! such key wins, unless every one is wanted (`find_overlapping`).
//!
//! ```
//! use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
//!
//! let gaz = GazetteerBuilder::new().build([
//!     Entry::new("New York", EntityKind::Place),
//!     Entry::new("New York Times", EntityKind::Organization),
//! ])?;
//! // Nothing starts inside "Renew"; the longest key that ends on a boundary wins.
//! let text = "Renew York. The New York Times, New York's";
//! let spans: Vec<_> = gaz.find(text).map(|m| &text[m.span()]).collect();
//! assert_eq!(spans, ["New York Times", "New York"]);
//! # Ok::<(), newsnlp_gazetteer::Error>(())
//! ```

use newsnlp_text::hash::{HIGH_BITS, SHORT, short_key, upper_bits};
use newsnlp_text::short::ShortTable;

use crate::gazetteer::{AliasRec, CaseRule, Gazetteer};
use crate::normalize::{CharInfo, KeyCase, Normalizer, Out};

/// Marks a separator in `Gazetteer::ascii` (0xFF never occurs in UTF-8).
pub(crate) const ASCII_SEP: u8 = 0xFF;

/// ASCII word characters.
const fn ascii_word_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
}
pub(crate) static ASCII_WORD: [bool; 256] = ascii_word_table();

pub(crate) fn ascii_table(nz: &Normalizer) -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut long = Vec::new();
    for (b, slot) in t.iter_mut().enumerate() {
        *slot = match nz.map(b as u8 as char, &mut long).1 {
            Some(Out::Sep { .. }) => ASCII_SEP,
            Some(Out::Bytes { len: 1, bytes }) => bytes as u8,
            // ASCII maps to one byte under every normalization.
            _ => b as u8,
        };
    }
    t
}

/// The bits of [`FirstWords::word_bits`] (64 KB).
const WORD_BITS: usize = 1 << 19;

/// The word and bit of [`FirstWords::word_bits`] for the word key `key`.
#[inline]
fn word_bit((k0, k1): (u64, u64)) -> (usize, u64) {
    let h = (k0 ^ k1.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - 19);
    ((h >> 6) as usize, 1 << (h & 63))
}

/// The first words of a gazetteer's keys (a key's bytes up to the first
/// that is no ASCII letter or digit), by
/// [`short_key`](newsnlp_text::hash::short_key): a walk from a word of
/// ASCII letters and digits followed by another ASCII byte passes the
/// word whole (no key ends inside a word), then a separator or a byte
/// that is no letter or digit, so it can find a key only if the word,
/// normalized, is the first word of one.
#[derive(Clone, Debug)]
pub(crate) struct FirstWords {
    /// By first word: [`KEY_ALONE`] when it is a key by itself.
    words: ShortTable,
    /// The first words' keys, one bit each ([`word_bit`]): most words of
    /// a text start no key, and this bitmap turns most of them away
    /// without reading the table's slots (megabytes, mostly out of cache).
    word_bits: Box<[u64]>,
    /// The first two words of the keys that go on after their first word
    /// with a space, as bits of [`pair_bit`] (a filter: a bit may be set by
    /// another pair), when the normalization makes a space a separator: a
    /// walk from a word that is no key by itself, followed by one space and
    /// another such word, can find a key only if the two words are the
    /// first two of one ("the" of "the New York Times" walks only before
    /// "new").
    pairs: Option<Box<[u64]>>,
    /// How the normalization maps ASCII letters and digits.
    fold: WordFold,
}

/// A word packed as [`short_key`](newsnlp_text::hash::short_key) packs it.
type Packed = (u64, u64);

/// The value of a first word that is a key by itself.
const KEY_ALONE: u32 = 1;

/// The bits of [`FirstWords::pairs`]: 2^18 (32 KiB), few set by a
/// gazetteer's thousands of keys.
const PAIR_BITS: u32 = 18;

/// The bit of the two packed words `a` and `b` in [`FirstWords::pairs`].
#[inline]
fn pair_bit(a: Packed, b: Packed) -> usize {
    let h = (a.0 ^ a.1.rotate_left(17) ^ b.0.rotate_left(31) ^ b.1.rotate_left(47))
        .wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> (64 - PAIR_BITS)) as usize
}

/// How [`Gazetteer::ascii`] maps ASCII letters and digits.
#[derive(Clone, Copy, Debug, PartialEq)]
enum WordFold {
    /// To their lowercase (the default normalization).
    Lower,
    /// To themselves.
    Same,
    /// Otherwise: byte by byte through the table.
    Table,
}

/// The [`FirstWords`] of `keys`; `None` when the normalization (`ascii`)
/// does not keep ASCII letters and digits apart from the other ASCII
/// characters.
pub(crate) fn first_words(ascii: &[u8; 128], keys: &[&[u8]]) -> Option<FirstWords> {
    let word = |b: u8| b.is_ascii_alphanumeric();
    let apart = (0..128u8).all(|b| {
        let m = ascii[usize::from(b)];
        if word(b) {
            word(m)
        } else {
            m == ASCII_SEP || !word(m)
        }
    });
    if !apart {
        return None;
    }
    let maps = |f: fn(u8) -> u8| {
        (0..128u8)
            .filter(|&b| word(b))
            .all(|b| ascii[usize::from(b)] == f(b))
    };
    let fold = if maps(|b| b.to_ascii_lowercase()) {
        WordFold::Lower
    } else if maps(|b| b) {
        WordFold::Same
    } else {
        WordFold::Table
    };
    let mut words = ShortTable::new();
    let mut word_bits = vec![0u64; WORD_BITS / 64].into_boxed_slice();
    let mut pairs = vec![0u64; (1 << PAIR_BITS) / 64].into_boxed_slice();
    let first_word = |k: &[u8]| k.iter().position(|&b| !word(b)).unwrap_or(k.len());
    let packed = |w: &[u8]| std::str::from_utf8(w).ok().and_then(short_key);
    for key in keys {
        let n = first_word(key);
        // A first word longer than SHORT bytes is not stored: a word that
        // long is never looked up.
        let Some(first) = key.get(..n).and_then(packed) else {
            continue;
        };
        let alone = if n == key.len() { KEY_ALONE } else { 0 };
        let value = words.get_key(first).unwrap_or(0) | alone;
        words.insert_key(first, value);
        let (w, bit) = word_bit(first);
        if let Some(x) = word_bits.get_mut(w) {
            *x |= bit;
        }
        if let Some(rest) = key.get(n + 1..).filter(|_| key.get(n) == Some(&b' '))
            && let Some(second) = rest.get(..first_word(rest)).and_then(packed)
        {
            let bit = pair_bit(first, second);
            if let Some(w) = pairs.get_mut(bit / 64) {
                *w |= 1 << (bit % 64);
            }
        }
    }
    let pairs = (ascii[usize::from(b' ')] == ASCII_SEP).then_some(pairs);
    Some(FirstWords {
        words,
        word_bits,
        pairs,
        fold,
    })
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit (among others) of each byte of `x`, a word of 7-bit
/// bytes, in `lo..=hi`: `x + (0x80 - lo)` reaches the high bit from `lo`
/// on, `x + (0x7f - hi)` past `hi`, and no sum carries into the next byte.
#[inline(always)]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    x.wrapping_add(ONES * u64::from(0x80 - lo)) & !x.wrapping_add(ONES * u64::from(0x7f - hi))
}

/// The high bit of each byte of `w` that is an ASCII letter or digit.
#[inline(always)]
fn alnum_bits(w: u64) -> u64 {
    let low7 = w & !HIGH_BITS;
    let digit = in_range(low7, b'0', b'9');
    let letter = in_range(low7 | (ONES * 0x20), b'a', b'z');
    (digit | letter) & !w & HIGH_BITS
}

/// The 8 bytes of `bytes` from `at` as a little-endian word, zeros past
/// its end.
#[inline(always)]
fn load8(bytes: &[u8], at: usize) -> u64 {
    if let Some((w, _)) = bytes.get(at..).and_then(<[u8]>::split_first_chunk::<8>) {
        return u64::from_le_bytes(*w);
    }
    let mut w = 0u64;
    for (k, &b) in bytes
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take(8)
        .enumerate()
    {
        w |= u64::from(b) << (8 * k);
    }
    w
}

/// The length of the word of ASCII letters and digits at `pos` and, when
/// it is at most 16 bytes and an ASCII byte or the end of the text follows
/// it, its bytes (two little-endian words, zeros after it).
#[inline(always)]
fn ascii_word(bytes: &[u8], pos: usize) -> (usize, Option<(u64, u64)>) {
    // The bytes of `w` before its first that is no letter or digit (`stop`,
    // its high bit), when that byte is ASCII (zeros past the text are).
    let before = |w: u64, stop: u64| (w & stop == 0).then(|| w & ((stop >> 7) - 1));
    let w0 = load8(bytes, pos);
    let stops0 = !alnum_bits(w0) & HIGH_BITS;
    if stops0 != 0 {
        let n0 = (stops0.trailing_zeros() / 8) as usize;
        let word = before(w0, stops0 & stops0.wrapping_neg());
        return (n0, word.map(|w| (w, 0)));
    }
    let w1 = load8(bytes, pos + 8);
    let stops1 = !alnum_bits(w1) & HIGH_BITS;
    if stops1 != 0 {
        let n1 = (stops1.trailing_zeros() / 8) as usize;
        let word = before(w1, stops1 & stops1.wrapping_neg());
        return (8 + n1, word.map(|w| (w0, w)));
    }
    let rest = bytes.get(pos + 16..).unwrap_or_default();
    let more = rest
        .iter()
        .position(|&b| !ASCII_WORD[usize::from(b)])
        .unwrap_or(rest.len());
    (16 + more, None)
}

/// [`Gazetteer::case_of`] for ASCII text (whose facts do not depend on
/// the normalization), eight bytes at a time: a word starts at a letter or
/// digit after none.
fn ascii_case(bytes: &[u8]) -> KeyCase {
    let mut case = KeyCase::default();
    let mut word = 0u32;
    // The high bit of the first byte when the byte before the eight is a
    // letter or digit.
    let mut carry = 0u64;
    for at in (0..bytes.len()).step_by(8) {
        let w = load8(bytes, at);
        let up = upper_bits(w);
        let alnum = alnum_bits(w);
        let starts = alnum & !((alnum << 8) | carry);
        case.upper |= up != 0;
        case.lower |= in_range(w, b'a', b'z') & HIGH_BITS != 0;
        let inner = (up & !starts).count_ones();
        case.inner = case.inner.saturating_add(inner as u8);
        let mut rest = starts;
        while rest != 0 {
            let bit = rest & rest.wrapping_neg();
            if up & bit != 0 && word < 64 {
                case.caps |= 1 << word;
            }
            word += 1;
            rest ^= bit;
        }
        carry = (alnum >> 56) & 0x80;
    }
    case
}

/// A match found during a walk: where it ends and which key.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand {
    pub(crate) end: usize,
    pub(crate) key: u32,
    pub(crate) case: KeyCase,
}

#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(i..)?.chars().next()
    }
}

#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i.checked_sub(1)?)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(..i)?.chars().next_back()
    }
}

impl Gazetteer {
    #[inline]
    pub(crate) fn info(&self, c: char) -> CharInfo {
        self.nz.info(c)
    }

    /// May a match start at `p`? Not right after a word character, nor
    /// inside a word joined by an apostrophe ("O'Brien"), nor at the clitic
    /// of a possessive ("Assad's").
    #[inline]
    pub(crate) fn is_start(&self, text: &str, p: usize) -> bool {
        let Some(prev) = char_before(text, p) else {
            return true;
        };
        let pi = self.info(prev);
        if pi.is_word() {
            return false;
        }
        if pi.is_apostrophe() {
            let a = p - prev.len_utf8();
            let before = char_before(text, a).is_some_and(|c| self.info(c).is_word());
            let cur = char_at(text, p).is_some_and(|c| self.info(c).is_word());
            if before && cur {
                return false;
            }
        }
        true
    }

    /// May a match end at `e`, after a character with facts `last`? Not
    /// right before a word character, nor before an apostrophe inside a
    /// word; a possessive clitic ('s, ’s) is a boundary.
    #[inline]
    pub(crate) fn is_end(&self, text: &str, e: usize, last_word: bool) -> bool {
        let Some(next) = char_at(text, e) else {
            return true;
        };
        let ni = self.info(next);
        if ni.is_word() {
            return false;
        }
        if ni.is_apostrophe() && last_word {
            let j = e + next.len_utf8();
            if let Some(c2) = char_at(text, j)
                && self.info(c2).is_word()
            {
                let after = j + c2.len_utf8();
                let clitic = matches!(c2, 's' | 'S')
                    && char_at(text, after).is_none_or(|c3| !self.info(c3).is_word());
                return clitic;
            }
        }
        true
    }

    #[inline]
    pub(crate) fn case_ok(&self, rec: &AliasRec, case: KeyCase) -> bool {
        !self.smart
            || match rec.case {
                CaseRule::Any => true,
                CaseRule::Capitals(need, inner) => {
                    case.upper && case.caps & need == need && case.inner >= inner
                }
                CaseRule::NoLower => !case.lower,
            }
    }

    pub(crate) fn key_aliases(&self, key: u32) -> &[u32] {
        let a = self.key_start[key as usize] as usize;
        let b = self.key_start[key as usize + 1] as usize;
        &self.key_aliases[a..b]
    }

    /// The letter case of `text[start..end]`, as the case rules read it
    /// (computed only where a key ends, not at every step of a walk).
    pub(crate) fn case_of(&self, text: &str, start: usize, end: usize) -> KeyCase {
        let span = text.get(start..end).unwrap_or("");
        if span.is_ascii() {
            return ascii_case(span.as_bytes());
        }
        self.chars_case(span)
    }

    /// [`Gazetteer::case_of`] character by character.
    fn chars_case(&self, span: &str) -> KeyCase {
        let mut case = KeyCase::default();
        let mut in_word = false;
        let mut word = 0u32;
        for c in span.chars() {
            let info = self.info(c);
            let up = info.is_upper();
            case.upper |= up;
            case.lower |= info.is_lower();
            let is_word = info.is_word();
            if is_word && !in_word {
                if up && word < 64 {
                    case.caps |= 1 << word;
                }
                word += 1;
            } else if is_word && up {
                case.inner = case.inner.saturating_add(1);
            }
            in_word = is_word;
        }
        case
    }

    /// Walks the trie from `start`; pushes to `out` the accepted matches
    /// that end on a boundary (all of them, or only the longest).
    pub(crate) fn walk<A: Fn(u32) -> bool>(
        &self,
        text: &str,
        start: usize,
        accept: &A,
        all: bool,
        out: &mut Vec<Cand>,
    ) {
        let bytes = text.as_bytes();
        let mut node = 0u32;
        let mut i = start;
        let mut prev_sep = false;
        let mut newlines = 0u8;
        let mut long = Vec::new();
        let mut best: Option<Cand> = None;
        'chars: while let Some(&b) = bytes.get(i) {
            let last_word;
            if b < 0x80 {
                // ASCII: one table lookup, no decoding.
                let m = self.ascii[b as usize];
                if m == ASCII_SEP {
                    if !self.separator(
                        &mut node,
                        &mut prev_sep,
                        &mut newlines,
                        u8::from(b == b'\n'),
                    ) {
                        break;
                    }
                    i += 1;
                    continue;
                }
                match self.trie.step(node, m) {
                    Some(n) => node = n,
                    None => break,
                }
                prev_sep = false;
                newlines = 0;
                last_word = ASCII_WORD[b as usize];
                i += 1;
            } else {
                let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                    break;
                };
                let (info, o) = self.nz.map(c, &mut long);
                match o {
                    Some(Out::Sep { newlines: nl }) => {
                        if !self.separator(&mut node, &mut prev_sep, &mut newlines, nl) {
                            break;
                        }
                    }
                    Some(Out::Bytes { len, bytes }) => {
                        for k in 0..len {
                            match self.trie.step(node, (bytes >> (8 * u32::from(k))) as u8) {
                                Some(n) => node = n,
                                None => break 'chars,
                            }
                        }
                        if len > 0 {
                            prev_sep = false;
                            newlines = 0;
                        }
                    }
                    None => {
                        for &b in &long {
                            match self.trie.step(node, b) {
                                Some(n) => node = n,
                                None => break 'chars,
                            }
                        }
                        prev_sep = false;
                        newlines = 0;
                    }
                }
                last_word = info.is_word();
                i += c.len_utf8();
                if prev_sep {
                    continue;
                }
            }
            if let Some(key) = self.trie.key(node)
                && self.is_end(text, i, last_word)
            {
                let case = self.case_of(text, start, i);
                if self
                    .key_aliases(key)
                    .iter()
                    .any(|&a| self.case_ok(&self.aliases[a as usize], case) && accept(a))
                {
                    let cand = Cand { end: i, key, case };
                    if all {
                        out.push(cand);
                    } else {
                        best = Some(cand);
                    }
                }
            }
        }
        if let Some(b) = best {
            out.push(b);
        }
    }

    /// A walk's step along a separator holding `nl` line breaks: a run of
    /// separators is one space, and a blank line ends the walk. False when
    /// the walk ends here.
    #[inline(always)]
    fn separator(&self, node: &mut u32, prev_sep: &mut bool, newlines: &mut u8, nl: u8) -> bool {
        *newlines = newlines.saturating_add(nl);
        if *newlines >= 2 {
            return false;
        }
        if !*prev_sep {
            match self.trie.step(*node, b' ') {
                Some(n) => *node = n,
                None => return false,
            }
            *prev_sep = true;
        }
        true
    }

    /// Whether a walk from `pos`, whose first (ASCII) byte leads to `n1`, can
    /// find a match: false when the next two bytes are ASCII (a space or a
    /// non-separator) that leave the trie before any key ends (most words
    /// of a text), which one bit tells for less than a walk costs.
    #[inline]
    pub(crate) fn may_match(&self, bytes: &[u8], pos: usize, n1: u32) -> bool {
        // The byte the walk steps along; `None` for what only the walk
        // handles (decoding, line breaks, other separators).
        let next = |k: usize| -> Option<u8> {
            let b = *bytes.get(pos + k)?;
            if b == b' ' {
                // A single space after a non-separator: the walk steps
                // along it as it is.
                return Some(b' ');
            }
            let m = *self.ascii.get(usize::from(b))?;
            (m != ASCII_SEP).then_some(m)
        };
        match (next(1), next(2)) {
            // A second separator in a row is skipped by the walk.
            (Some(b' '), Some(b' ')) => true,
            (Some(m1), Some(m2)) => {
                self.trie.may_pass3(n1, m1, m2) && self.may_pass4(n1, (m1, m2), next(3))
            }
            _ => true,
        }
    }

    /// After [`Trie::may_pass3`](crate::trie::Trie::may_pass3) passed for
    /// the root child `n1`: the same bit one byte on, from its child along
    /// `m1` (a grandchild of the root, when the trie has dense transitions
    /// there), with the next ASCII byte `m3`. Many words share three bytes
    /// with a key; fewer share four.
    #[inline]
    fn may_pass4(&self, n1: u32, (m1, m2): (u8, u8), m3: Option<u8>) -> bool {
        match m3 {
            // A separator after a separator is skipped by the walk.
            Some(b' ') if m2 == b' ' => true,
            Some(m3) => self.trie.may_pass4(n1, m1, m2, m3),
            None => true,
        }
    }

    /// Whether a walk from the ASCII byte at `pos` can find a match, by
    /// the bits of the trie's first bytes ([`Gazetteer::may_match`]).
    #[inline]
    fn may_start(&self, bytes: &[u8], pos: usize) -> bool {
        let Some(&m) = bytes.get(pos).and_then(|&b| self.ascii.get(usize::from(b))) else {
            return true;
        };
        m != ASCII_SEP
            && self
                .trie
                .step(0, m)
                .is_some_and(|n1| self.may_match(bytes, pos, n1))
    }

    /// Where the word of ASCII letters and digits at `pos` ends, and
    /// whether a walk from `pos` can find a match: when an ASCII byte (or
    /// the end of the text) follows a word of at most [`SHORT`] bytes,
    /// exactly when the word normalized is the first word of a key
    /// ([`first_words`]); otherwise as [`Gazetteer::may_start`] says.
    #[inline]
    fn word_at(&self, bytes: &[u8], pos: usize) -> (usize, bool) {
        let (len, word) = ascii_word(bytes, pos);
        let Some(first) = &self.first_words else {
            return (pos + len, self.may_start(bytes, pos));
        };
        let Some(key) = self.packed_word(first, len, word) else {
            return (pos + len, self.may_start(bytes, pos));
        };
        let (w, bit) = word_bit(key);
        if first.word_bits.get(w).is_none_or(|x| x & bit == 0) {
            return (pos + len, false);
        }
        let Some(value) = first.words.get_key(key) else {
            return (pos + len, false);
        };
        // No key by itself: one space and the next word must begin a key.
        let next = pos + len + 1;
        let may = match &first.pairs {
            Some(pairs)
                if value & KEY_ALONE == 0
                    && bytes.get(pos + len) == Some(&b' ')
                    && bytes.get(next).is_some_and(|&b| ASCII_WORD[usize::from(b)]) =>
            {
                let (len2, word2) = ascii_word(bytes, next);
                self.packed_word(first, len2, word2).is_none_or(|second| {
                    let bit = pair_bit(key, second);
                    pairs
                        .get(bit / 64)
                        .is_none_or(|w| w & (1 << (bit % 64)) != 0)
                })
            }
            _ => true,
        };
        (pos + len, may)
    }

    /// The word of ASCII letters and digits `word` ([`ascii_word`], `len`
    /// bytes) normalized and packed, when it is at most [`SHORT`] bytes and
    /// an ASCII byte or the end of the text follows it.
    #[inline(always)]
    fn packed_word(&self, first: &FirstWords, len: usize, word: Option<Packed>) -> Option<Packed> {
        let (lo, hi) = word.filter(|_| len <= SHORT)?;
        let (lo, hi) = match first.fold {
            // Most words fit in `lo`.
            WordFold::Lower if hi == 0 => (lo | (upper_bits(lo) >> 2), 0),
            WordFold::Lower => (lo | (upper_bits(lo) >> 2), hi | (upper_bits(hi) >> 2)),
            WordFold::Same => (lo, hi),
            WordFold::Table => {
                let norm = |w: u64| {
                    w.to_le_bytes().iter().enumerate().fold(0u64, |n, (k, &b)| {
                        let m = if b == 0 {
                            0
                        } else {
                            self.ascii[usize::from(b & 0x7f)]
                        };
                        n | u64::from(m) << (8 * k)
                    })
                };
                (norm(lo), norm(hi))
            }
        };
        Some((lo, hi | ((len as u64) << 56)))
    }

    /// From the word of ASCII letters and digits at `pos` (a start when
    /// `start_ok`) on, it and the words after it joined by single spaces,
    /// up to `end`: the start of the first whose walk finds a match
    /// (`out` holds its candidates), or where the scan goes on and whether
    /// a word ends there.
    #[inline(always)]
    fn ascii_words<A: Fn(u32) -> bool>(
        &self,
        text: &str,
        (mut pos, end): (usize, usize),
        mut start_ok: bool,
        (accept, all): (&A, bool),
        out: &mut Vec<Cand>,
    ) -> Result<usize, (usize, bool)> {
        let bytes = text.as_bytes();
        loop {
            // At a start, its first word tells whether a walk may find a
            // key. No match starts inside it: the scan goes on after it.
            let word_end = if start_ok {
                let (word_end, may) = self.word_at(bytes, pos);
                if may {
                    self.walk(text, pos, accept, all, out);
                    if !out.is_empty() {
                        return Ok(pos);
                    }
                }
                word_end
            } else {
                pos + ascii_word(bytes, pos).0
            };
            pos = word_end.min(end);
            // The space after it starts nothing and leaves the next byte a
            // start: a word there is the next turn here.
            if pos < end && bytes.get(pos) == Some(&b' ') {
                pos += 1;
                if pos < end && bytes.get(pos).is_some_and(|&b| ASCII_WORD[usize::from(b)]) {
                    start_ok = true;
                    continue;
                }
                return Err((pos, false));
            }
            return Err((pos, true));
        }
    }

    /// The first start in `pos..end` where the walk finds a match; `out`
    /// holds its candidates (the longest only, unless `all`).
    pub(crate) fn next_start<A: Fn(u32) -> bool>(
        &self,
        text: &str,
        pos: usize,
        accept: &A,
        all: bool,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        self.next_start_in(text, pos, text.len(), accept, all, out)
    }

    pub(crate) fn next_start_in<A: Fn(u32) -> bool>(
        &self,
        text: &str,
        mut pos: usize,
        end: usize,
        accept: &A,
        all: bool,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        out.clear();
        let bytes = text.as_bytes();
        let end = end.min(bytes.len());
        // Whether the character before `pos` rules out a start there (a word
        // character), or may (an apostrophe: ask `is_start`).
        #[derive(PartialEq)]
        enum Prev {
            Word,
            Other,
            Apostrophe,
        }
        let mut prev = if pos == 0 || self.is_start(text, pos) {
            Prev::Other
        } else {
            Prev::Word
        };
        while pos < end {
            let b = bytes[pos];
            if b < 0x80 {
                let start_ok = match prev {
                    Prev::Word => false,
                    Prev::Other => true,
                    Prev::Apostrophe => self.is_start(text, pos),
                };
                if ASCII_WORD[b as usize] {
                    match self.ascii_words(text, (pos, end), start_ok, (accept, all), out) {
                        Ok(start) => return Some(start),
                        Err((next, after_word)) => {
                            pos = next;
                            prev = if after_word { Prev::Word } else { Prev::Other };
                        }
                    }
                    continue;
                }
                if start_ok && self.may_start(bytes, pos) {
                    self.walk(text, pos, accept, all, out);
                    if !out.is_empty() {
                        return Some(pos);
                    }
                }
                pos += 1;
                if b == b'\'' {
                    prev = Prev::Apostrophe;
                } else {
                    prev = Prev::Other;
                }
            } else {
                let c = text.get(pos..).and_then(|t| t.chars().next())?;
                let info = self.info(c);
                let len = c.len_utf8();
                if prev == Prev::Word && info.is_word() {
                    // Still inside the word.
                    pos += len;
                    continue;
                }
                let start_ok = match prev {
                    Prev::Word => false,
                    Prev::Other => true,
                    Prev::Apostrophe => self.is_start(text, pos),
                };
                if start_ok {
                    self.walk(text, pos, accept, all, out);
                    if !out.is_empty() {
                        return Some(pos);
                    }
                }
                prev = if info.is_word() {
                    Prev::Word
                } else if info.is_apostrophe() {
                    Prev::Apostrophe
                } else {
                    Prev::Other
                };
                pos += len;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::{CaseMode, Entries, Gazetteer, GazetteerBuilder};

    /// Texts around every canonical name of `gaz`: next to punctuation,
    /// in capitals, lowercased, before another word, and the names' words
    /// alone.
    fn texts(gaz: &Gazetteer) -> Vec<String> {
        let names: Vec<&str> = (0..gaz.len())
            .map(|i| gaz.entity(crate::EntityId(i as u32)).name())
            .collect();
        let joined = names.join(" and the ");
        vec![
            joined.clone(),
            names.join(", "),
            names.join("  "),
            names.join(".\n"),
            joined.to_uppercase(),
            joined.to_lowercase(),
            names.join(" said. The new ").replace(' ', "\u{a0} "),
            names.iter().map(|n| format!("{n}'s x {n}’s y")).collect(),
            "The New York Times, the US, U.S. and UN; al-Assad's men: Putinx Putin.".to_string(),
        ]
    }

    /// The case of ASCII text eight bytes at a time is the case character
    /// by character.
    #[test]
    fn ascii_case_is_chars_case() {
        let gaz = Gazetteer::default();
        let texts = [
            "",
            "a",
            "New York",
            "the New York Times",
            "DoD and McConnell's LeT",
            "US-UK  al-Qaeda 2024 X1 x",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnop QrStUvWxYz0123456789",
            "12345678 Abcdefgh-IJKLMNOP.q r S",
            "@[`{ AZaz09 /:",
        ];
        for t in texts {
            for start in 0..t.len() {
                let span = &t[start..];
                assert_eq!(
                    super::ascii_case(span.as_bytes()),
                    gaz.chars_case(span),
                    "{span:?}"
                );
            }
        }
        let caps = "A ".repeat(80);
        assert_eq!(super::ascii_case(caps.as_bytes()), gaz.chars_case(&caps));
        let inner = "ABCDEFGH".repeat(40);
        assert_eq!(super::ascii_case(inner.as_bytes()), gaz.chars_case(&inner));
    }

    /// The first-word filter changes no mention: the same as without it.
    #[test]
    fn first_words_filter_is_exact() {
        let modes = [CaseMode::Smart, CaseMode::Insensitive, CaseMode::Sensitive];
        for mode in modes {
            let gaz = GazetteerBuilder::new()
                .case(mode)
                .build(Entries::builtin())
                .unwrap();
            assert!(gaz.first_words.is_some());
            let mut plain = gaz.clone();
            plain.first_words = None;
            for text in texts(&gaz) {
                let with: Vec<_> = gaz.find(&text).collect();
                let without: Vec<_> = plain.find(&text).collect();
                assert_eq!(with, without, "{mode:?}");
                assert_eq!(gaz.find_in_document(&text), plain.find_in_document(&text));
            }
        }
    }
}
