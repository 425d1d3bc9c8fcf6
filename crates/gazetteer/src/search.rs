//! The search: the trie walk from token starts.
//!
//! A match starts only where a token may start (not right after a word
//! character, not inside "O'Brien", not at the clitic of "Assad's"), so no
//! failure links are needed: `Gazetteer::next_start_in` skips words that
//! cannot start a match (one bit of the trie tells most of them after three
//! bytes, `Trie::may_pass3`), and `Gazetteer::walk` follows the trie from
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
        let mut case = KeyCase::default();
        let mut in_word = false;
        let mut word = 0u32;
        let s = text.get(start..end).unwrap_or("");
        let mut i = 0;
        while let Some(&b) = s.as_bytes().get(i) {
            // ASCII (most keys) by its bytes, as the character table has it.
            let (up, low, is_word) = if b < 0x80 {
                i += 1;
                (
                    b.is_ascii_uppercase(),
                    b.is_ascii_lowercase(),
                    b.is_ascii_alphanumeric(),
                )
            } else {
                let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
                    break;
                };
                i += c.len_utf8();
                let info = self.info(c);
                (info.is_upper(), info.is_lower(), info.is_word())
            };
            case.upper |= up;
            case.lower |= low;
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
                if start_ok {
                    let m = self.ascii[b as usize];
                    if m != ASCII_SEP
                        && let Some(n1) = self.trie.step(0, m)
                        && self.may_match(bytes, pos, n1)
                    {
                        self.walk(text, pos, accept, all, out);
                        if !out.is_empty() {
                            return Some(pos);
                        }
                    }
                }
                pos += 1;
                if ASCII_WORD[b as usize] {
                    // No match starts inside a word: skip the rest of it.
                    let rest = bytes.get(pos..end).unwrap_or_default();
                    pos += rest
                        .iter()
                        .position(|&b| !ASCII_WORD[b as usize])
                        .unwrap_or(rest.len());
                    prev = Prev::Word;
                } else if b == b'\'' {
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
