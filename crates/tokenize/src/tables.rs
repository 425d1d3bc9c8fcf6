//! The data tables under `data/`, parsed once.

use std::sync::{Arc, OnceLock};

use newsnlp_text::data;
use newsnlp_text::hash::{FastMap, HIGH_BITS, SHORT, short_key, upper_bits};
use newsnlp_text::short::ShortTable;

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

/// The classes, in the order of their values in the tables.
const CLASSES: [AbbreviationClass; 5] = [
    AbbreviationClass::Title,
    AbbreviationClass::Number,
    AbbreviationClass::Month,
    AbbreviationClass::Final,
    AbbreviationClass::Plain,
];

/// Lowercased lookup tables, by the [`short_key`] of a word: a lookup
/// packs the word into two integers and lowercases them, no string is
/// hashed. Keys are lowercase ASCII or Unicode-lowercased.
#[derive(Debug, Clone)]
pub(crate) struct Tables {
    /// Abbreviations of at most [`SHORT`] bytes, to the index of their
    /// class in [`CLASSES`].
    abbreviations: ShortTable,
    /// Longer abbreviations (only ever added by a caller), as bytes.
    long_abbreviations: FastMap<Box<[u8]>, AbbreviationClass>,
    hyphen_prefixes: ShortTable,
    starters: ShortTable,
    /// Longest key in `abbreviations`, in bytes: longer words skip the lookup.
    max_abbreviation_len: usize,
}

/// The entries of a data file, as text.
fn entries(file: &str) -> impl Iterator<Item = &str> {
    data::lines(file).map(|l| l.text)
}

/// The entries of a data file as a set.
fn set(file: &str) -> ShortTable {
    let mut t = ShortTable::new();
    for e in entries(file) {
        t.insert(e, 1);
    }
    t
}

/// The [`short_key`] of `word` with its ASCII letters lowercased (other
/// bytes as they are), when it has one: capitals found in the two
/// integers at once, with every byte's high bit masked so that no sum
/// carries into the next byte.
#[inline]
fn ascii_lower_key(word: &str) -> Option<(u64, u64)> {
    let lower = |w: u64| w | ((upper_bits(w & !HIGH_BITS) & !w) >> 2);
    short_key(word).map(|(k0, k1)| (lower(k0), lower(k1)))
}

impl Tables {
    pub(crate) fn embedded() -> Arc<Tables> {
        static TABLES: OnceLock<Arc<Tables>> = OnceLock::new();
        TABLES
            .get_or_init(|| {
                let mut t = Tables {
                    abbreviations: ShortTable::new(),
                    long_abbreviations: FastMap::default(),
                    hyphen_prefixes: set(HYPHEN_PREFIXES),
                    starters: set(SENTENCE_STARTERS),
                    max_abbreviation_len: 0,
                };
                for line in entries(ABBREVIATIONS) {
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
        let value = CLASSES.iter().position(|&c| c == class).unwrap_or(4) as u32;
        if !self.abbreviations.insert(&key, value) {
            self.long_abbreviations
                .insert(key.into_bytes().into_boxed_slice(), class);
        }
    }

    /// Looks `word` (without its final period) up, case-insensitively.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbreviationClass> {
        if word.len() > self.max_abbreviation_len {
            return None;
        }
        let value = match ascii_lower_key(word) {
            // An ASCII word: lowercased in its key.
            Some(key) if (key.0 | key.1) & HIGH_BITS == 0 => self.abbreviations.get_key(key),
            _ => {
                let lower = word.to_lowercase();
                match self.abbreviations.get(&lower) {
                    None if lower.len() > SHORT => {
                        return self.long_abbreviations.get(lower.as_bytes()).copied();
                    }
                    v => v,
                }
            }
        };
        value.and_then(|v| CLASSES.get(v as usize).copied())
    }

    pub(crate) fn is_hyphen_prefix(&self, word: &str) -> bool {
        word.len() <= 8
            && ascii_lower_key(word).is_some_and(|k| self.hyphen_prefixes.get_key(k).is_some())
    }

    pub(crate) fn is_starter(&self, word: &str) -> bool {
        word.len() <= 12
            && ascii_lower_key(word).is_some_and(|k| self.starters.get_key(k).is_some())
    }
}
