//! Character normalization shared by alias keys and text.
//!
//! Keys and text go through the same per-character mapping, so a match in
//! normalized bytes is a match in the original text, and the original byte
//! offsets are known at every step (the walk reads the original text; no
//! normalized copy of the text is ever made).

use std::sync::atomic::{AtomicU64, Ordering};

use caseless::Caseless;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// How letters are case-folded before comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Fold {
    /// Compare code points as written.
    None,
    /// Fold `A`-`Z` only.
    Ascii,
    /// Full Unicode default case folding.
    Unicode,
}

/// The normalization applied to both aliases and text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Norm {
    pub(crate) fold: Fold,
    pub(crate) strip_diacritics: bool,
    pub(crate) separators: bool,
}

/// What one character of input becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Out {
    /// Whitespace, or a hyphen/underscore under separator equivalence: one
    /// `b' '`, and runs collapse. `newlines` counts line breaks (a paragraph
    /// break stops a match).
    Sep { newlines: u8 },
    /// Up to 6 bytes of normalized UTF-8, packed little-endian; `len` may be
    /// 0 (a stripped combining mark or an ignorable format character).
    Bytes { len: u8, bytes: u64 },
}

/// The packed table entry marks.
const T_SEP: u64 = 1 << 3;
const T_HYPHEN: u64 = 1 << 4;
const T_OVERFLOW: u64 = 1 << 5;
const T_WORD: u64 = 1 << 6;
const T_APOS: u64 = 1 << 7;
const T_UPPER: u64 = 1 << 8;
const T_LOWER: u64 = 1 << 9;
const T_NEWLINE: u64 = 1 << 10;
const LEN_MASK: u64 = 0b111;
const BYTES_SHIFT: u32 = 16;

/// Facts about one character, looked up once per character of text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CharInfo(u64);

impl CharInfo {
    #[inline]
    pub(crate) fn is_word(self) -> bool {
        self.0 & T_WORD != 0
    }
    #[inline]
    pub(crate) fn is_apostrophe(self) -> bool {
        self.0 & T_APOS != 0
    }
    #[inline]
    pub(crate) fn is_upper(self) -> bool {
        self.0 & T_UPPER != 0
    }
    #[inline]
    pub(crate) fn is_lower(self) -> bool {
        self.0 & T_LOWER != 0
    }
}

/// Is `c` a word character: alphanumeric or a combining mark.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// Apostrophes that may be word-internal ("O'Brien") or a possessive clitic.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Format characters that are invisible in text and ignored by matching
/// (soft hyphen, zero-width space and joiners, word joiner, BOM).
#[inline]
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Letters with a stroke or similar that canonical decomposition keeps, but
/// that readers treat as the plain letter.
fn strip_extra(c: char) -> Option<char> {
    Some(match c {
        'ø' => 'o',
        'Ø' => 'O',
        'ł' => 'l',
        'Ł' => 'L',
        'đ' => 'd',
        'Đ' => 'D',
        'ı' => 'i',
        'ħ' => 'h',
        'Ħ' => 'H',
        'ŧ' => 't',
        'Ŧ' => 'T',
        _ => return None,
    })
}

/// The full, unpacked computation for one character (slow path; the table
/// caches it for the Basic Multilingual Plane).
fn compute(c: char, fold: Fold, strip: bool) -> u64 {
    let mut flags = 0u64;
    if is_word_char(c) {
        flags |= T_WORD;
    }
    if c.is_uppercase() {
        flags |= T_UPPER;
    }
    if c.is_lowercase() {
        flags |= T_LOWER;
    }
    if c.is_whitespace() {
        flags |= T_SEP;
        if matches!(c, '\n' | '\u{2028}') {
            flags |= T_NEWLINE;
        }
        if c == '\u{2029}' {
            // A paragraph separator counts as a paragraph break on its own.
            flags |= T_NEWLINE | T_OVERFLOW;
        }
        return flags;
    }
    if matches!(c, '-' | '_' | '\u{2010}' | '\u{2011}') {
        flags |= T_HYPHEN;
        let b = if c == '_' { b'_' } else { b'-' };
        return flags | 1 | (u64::from(b) << BYTES_SHIFT);
    }
    if is_apostrophe(c) {
        return flags | T_APOS | 1 | (u64::from(b'\'') << BYTES_SHIFT);
    }
    if is_ignorable(c) {
        return flags;
    }
    let mut chars: [char; 8] = ['\0'; 8];
    let mut n = 0usize;
    let mut overflow = false;
    let mut push = |ch: char, chars: &mut [char; 8]| {
        if n < chars.len() {
            chars[n] = ch;
            n += 1;
        } else {
            overflow = true;
        }
    };
    if strip {
        if let Some(x) = strip_extra(c) {
            push(x, &mut chars);
        } else {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    push(strip_extra(d).unwrap_or(d), &mut chars);
                }
            });
        }
    } else {
        push(c, &mut chars);
    }
    let mut out = [0u8; 6];
    let mut len = 0usize;
    let mut emit = |ch: char, out: &mut [u8; 6]| {
        let mut buf = [0u8; 4];
        let s = ch.encode_utf8(&mut buf).as_bytes();
        if len + s.len() <= out.len() {
            out[len..len + s.len()].copy_from_slice(s);
            len += s.len();
        } else {
            overflow = true;
        }
    };
    for &ch in &chars[..n] {
        match fold {
            Fold::None => emit(ch, &mut out),
            Fold::Ascii => emit(ch.to_ascii_lowercase(), &mut out),
            Fold::Unicode => {
                for f in std::iter::once(ch).default_case_fold() {
                    emit(f, &mut out);
                }
            }
        }
    }
    if overflow {
        return flags | T_OVERFLOW;
    }
    let mut packed = 0u64;
    for (i, &b) in out[..len].iter().enumerate() {
        packed |= u64::from(b) << (BYTES_SHIFT + 8 * i as u32);
    }
    flags | len as u64 | packed
}

/// Normalized form of a character too long for the packed table, written to
/// `out` (rare: a few Greek and ligature characters under case folding).
fn compute_long(c: char, fold: Fold, strip: bool, out: &mut Vec<u8>) {
    let mut base: Vec<char> = Vec::new();
    if strip {
        if let Some(x) = strip_extra(c) {
            base.push(x);
        } else {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    base.push(strip_extra(d).unwrap_or(d));
                }
            });
        }
    } else {
        base.push(c);
    }
    let mut buf = [0u8; 4];
    for ch in base {
        match fold {
            Fold::None => out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes()),
            Fold::Ascii => {
                out.extend_from_slice(ch.to_ascii_lowercase().encode_utf8(&mut buf).as_bytes())
            }
            Fold::Unicode => {
                for f in std::iter::once(ch).default_case_fold() {
                    out.extend_from_slice(f.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }
}

/// Set in a cached table entry once it holds the character's computed
/// value (a computed value never has this bit: see the marks above).
const T_CACHED: u64 = 1 << 11;

/// Code points cached per table: the Basic Multilingual Plane.
const BMP: usize = 0x1_0000;

type Table = [AtomicU64; BMP];

/// One table per (fold, strip) pair, covering U+0000..U+FFFF. Entries are
/// filled the first time their character is seen, so start-up does not pay
/// for the whole plane (a news text uses a few dozen non-ASCII characters).
/// Computing an entry is a pure function of the character, so concurrent
/// fills store the same value and relaxed ordering is enough.
static TABLES: [Table; 6] = [const { [const { AtomicU64::new(0) }; BMP] }; 6];

fn table(fold: Fold, strip: bool) -> &'static Table {
    let i = match fold {
        Fold::None => 0,
        Fold::Ascii => 2,
        Fold::Unicode => 4,
    } + usize::from(strip);
    &TABLES[i]
}

/// A normalizer bound to one [`Norm`]: maps characters to [`Out`].
#[derive(Clone, Copy)]
pub(crate) struct Normalizer {
    norm: Norm,
    bmp: &'static Table,
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer")
            .field("norm", &self.norm)
            .finish()
    }
}

impl Normalizer {
    pub(crate) fn new(norm: Norm) -> Self {
        Normalizer {
            norm,
            bmp: table(norm.fold, norm.strip_diacritics),
        }
    }

    #[inline]
    fn raw(&self, c: char) -> u64 {
        match self.bmp.get(c as usize) {
            Some(slot) => {
                let v = slot.load(Ordering::Relaxed);
                if v & T_CACHED != 0 {
                    v
                } else {
                    self.fill(c, slot)
                }
            }
            None => compute(c, self.norm.fold, self.norm.strip_diacritics),
        }
    }

    /// Computes and caches the entry of a character not seen before.
    #[cold]
    #[inline(never)]
    fn fill(&self, c: char, slot: &AtomicU64) -> u64 {
        let v = compute(c, self.norm.fold, self.norm.strip_diacritics) | T_CACHED;
        slot.store(v, Ordering::Relaxed);
        v
    }

    /// Facts about `c` (word character, apostrophe, case).
    #[inline]
    pub(crate) fn info(&self, c: char) -> CharInfo {
        CharInfo(self.raw(c))
    }

    /// Maps `c`; returns its facts too. `long` receives the bytes when the
    /// result is `None` (a character whose normalized form is longer than 6
    /// bytes).
    #[inline(always)]
    pub(crate) fn map(&self, c: char, long: &mut Vec<u8>) -> (CharInfo, Option<Out>) {
        let raw = self.raw(c);
        let info = CharInfo(raw);
        if raw & T_SEP != 0 {
            let newlines = if raw & T_OVERFLOW != 0 {
                2
            } else {
                u8::from(raw & T_NEWLINE != 0)
            };
            return (info, Some(Out::Sep { newlines }));
        }
        if raw & T_HYPHEN != 0 && self.norm.separators {
            return (info, Some(Out::Sep { newlines: 0 }));
        }
        if raw & T_OVERFLOW != 0 {
            long.clear();
            compute_long(c, self.norm.fold, self.norm.strip_diacritics, long);
            return (info, None);
        }
        (
            info,
            Some(Out::Bytes {
                len: (raw & LEN_MASK) as u8,
                bytes: raw >> BYTES_SHIFT,
            }),
        )
    }

    /// Normalizes a whole alias into `out`: separator runs collapse to one
    /// space, leading and trailing separators are dropped. Returns the
    /// facts the case rules need.
    pub(crate) fn key(&self, s: &str, out: &mut Vec<u8>) -> KeyCase {
        let start = out.len();
        let mut pending_sep = false;
        let mut long = Vec::new();
        let mut case = KeyCase::default();
        let mut in_word = false;
        let mut word = 0u32;
        for c in s.chars() {
            let (info, o) = self.map(c, &mut long);
            case.upper |= info.is_upper();
            case.lower |= info.is_lower();
            if info.is_word() {
                if !in_word {
                    if info.is_upper() && word < 64 {
                        case.caps |= 1 << word;
                    }
                    word += 1;
                } else if info.is_upper() {
                    case.inner = case.inner.saturating_add(1);
                }
                in_word = true;
            } else {
                in_word = false;
            }
            match o {
                Some(Out::Sep { .. }) => pending_sep = out.len() > start,
                Some(Out::Bytes { len, bytes }) => {
                    if len > 0 && pending_sep {
                        out.push(b' ');
                        pending_sep = false;
                    }
                    for i in 0..len {
                        out.push((bytes >> (8 * u32::from(i))) as u8);
                    }
                }
                None => {
                    if pending_sep {
                        out.push(b' ');
                        pending_sep = false;
                    }
                    out.extend_from_slice(&long);
                }
            }
        }
        case
    }
}

/// The letter case of an alias or a matched span.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct KeyCase {
    /// Has an uppercase letter.
    pub(crate) upper: bool,
    /// Has a lowercase letter.
    pub(crate) lower: bool,
    /// Bit `i`: word `i` (of the first 64) starts with a capital.
    pub(crate) caps: u64,
    /// Capitals inside words ("LeT", "DoD", "McConnell").
    pub(crate) inner: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(norm: Norm, s: &str) -> String {
        let mut out = Vec::new();
        let _ = Normalizer::new(norm).key(s, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn keys() {
        let all = Norm {
            fold: Fold::Unicode,
            strip_diacritics: true,
            separators: true,
        };
        let none = Norm {
            fold: Fold::None,
            strip_diacritics: false,
            separators: false,
        };
        let ascii = Norm {
            fold: Fold::Ascii,
            ..all
        };
        let cases: &[(Norm, &str, &str)] = &[
            (all, "Sergeï Lavrov", "sergei lavrov"),
            (all, " al-Nusra__Front ", "al nusra front"),
            (all, "Erdoğan", "erdogan"),
            (all, "Straße", "strasse"),
            (all, "Łódź", "lodz"),
            (all, "’Aïn Abid", "'ain abid"),
            (all, "Tiller\u{AD}son", "tillerson"),
            (all, "e\u{301}", "e"),
            (none, "al-Nusra  Front", "al-Nusra Front"),
            (none, "Sergeï", "Sergeï"),
            (ascii, "ÉCOLE Été", "ecole ete"),
            (all, "ΣΊΣΥΦΟΣ", "σισυφοσ"),
        ];
        for (norm, input, want) in cases {
            assert_eq!(key(*norm, input), *want, "{input:?} under {norm:?}");
        }
    }

    #[test]
    fn word_chars() {
        for (c, w) in [
            ('a', true),
            ('9', true),
            ('\u{301}', true),
            ('é', true),
            ('-', false),
        ] {
            assert_eq!(is_word_char(c), w, "{c:?}");
        }
    }
}
