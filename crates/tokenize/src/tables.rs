//! The data tables under `data/`, parsed once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

/// A multiplicative hasher for the short words of the fixed tables, looked
/// up once per abbreviation candidate: much cheaper than the default
/// SipHash, whose resistance to chosen keys buys nothing for built-in word
/// lists.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordHasher(u64);

const WORD_HASH_K: u64 = 0x9E37_79B9_7F4A_7C15;

impl WordHasher {
    #[inline]
    fn mix(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(23) ^ w).wrapping_mul(WORD_HASH_K);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i) | 0x100);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // Fold the high bits, which the multiplication mixes best, into the
        // low ones that pick the bucket.
        self.0 ^ (self.0 >> 29)
    }
}

type WordBuild = BuildHasherDefault<WordHasher>;

/// How an abbreviation behaves before a capitalized word (see
/// `data/abbreviations.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AbbreviationClass {
    /// A title or prefix ("Mr.", "Gen.", "St."): never ends a sentence.
    Title,
    /// Only an abbreviation before a number ("No. 5", "p. 55").
    Number,
    /// A month or weekday ("Sept.", "Wed."): ends a sentence only before a
    /// sentence-opening word.
    Month,
    /// Often phrase-final ("Inc.", "Jr.", "a.m."): ends a sentence before a
    /// sentence-opening word or a title.
    Final,
    /// Any other abbreviation ("U.S.", "e.g.", an initial "E."): ends a
    /// sentence only before a sentence-opening word.
    Plain,
}

const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
const HYPHEN_PREFIXES: &str = include_str!("../data/hyphen_prefixes.txt");
const SENTENCE_STARTERS: &str = include_str!("../data/sentence_starters.txt");

/// Lowercased lookup tables. Keys are lowercase ASCII or Unicode-lowercased.
#[derive(Debug, Clone)]
pub(crate) struct Tables {
    pub abbreviations: HashMap<String, AbbreviationClass, WordBuild>,
    pub hyphen_prefixes: HashSet<String, WordBuild>,
    pub starters: HashSet<String, WordBuild>,
    /// Longest key in `abbreviations`, in bytes: longer words skip the lookup.
    pub max_abbreviation_len: usize,
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Tables {
    pub(crate) fn embedded() -> Arc<Tables> {
        static TABLES: OnceLock<Arc<Tables>> = OnceLock::new();
        TABLES
            .get_or_init(|| {
                let mut t = Tables {
                    abbreviations: HashMap::default(),
                    hyphen_prefixes: data_lines(HYPHEN_PREFIXES).map(str::to_owned).collect(),
                    starters: data_lines(SENTENCE_STARTERS).map(str::to_owned).collect(),
                    max_abbreviation_len: 0,
                };
                for line in data_lines(ABBREVIATIONS) {
                    let (class, word) = line.split_once('\t').unwrap_or(("plain", line));
                    let class = match class {
                        "title" => AbbreviationClass::Title,
                        "number" => AbbreviationClass::Number,
                        "month" => AbbreviationClass::Month,
                        "final" => AbbreviationClass::Final,
                        _ => AbbreviationClass::Plain,
                    };
                    t.add_abbreviation(word, class);
                }
                Arc::new(t)
            })
            .clone()
    }

    pub(crate) fn add_abbreviation(&mut self, word: &str, class: AbbreviationClass) {
        let key = word.trim_end_matches('.').to_lowercase();
        if key.is_empty() {
            return;
        }
        self.max_abbreviation_len = self.max_abbreviation_len.max(key.len());
        self.abbreviations.insert(key, class);
    }

    /// Looks `word` (without its final period) up, case-insensitively.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbreviationClass> {
        if word.len() > self.max_abbreviation_len {
            return None;
        }
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            // ASCII stays valid UTF-8 after lowercasing.
            let key = std::str::from_utf8(b).unwrap_or_default();
            return self.abbreviations.get(key).copied();
        }
        self.abbreviations.get(&word.to_lowercase()).copied()
    }

    pub(crate) fn is_hyphen_prefix(&self, word: &str) -> bool {
        word.len() <= 8
            && self
                .hyphen_prefixes
                .contains(ascii_lower(word, &mut [0; 8]))
    }

    pub(crate) fn is_starter(&self, word: &str) -> bool {
        word.len() <= 12 && self.starters.contains(ascii_lower(word, &mut [0; 12]))
    }
}

/// `word` with ASCII letters lowercased, in `buf` (no allocation); `""` if
/// it does not fit, which callers rule out by length first.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8]) -> &'b str {
    let Some(b) = buf.get_mut(..word.len()) else {
        return "";
    };
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    // Lowercasing ASCII bytes keeps UTF-8 valid.
    std::str::from_utf8(b).unwrap_or_default()
}
