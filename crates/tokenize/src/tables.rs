//! The data tables under `data/`, parsed once.

use std::sync::{Arc, OnceLock};

use newsnlp_text::data;
use newsnlp_text::hash::{FastMap, FastSet};

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

/// Lowercased lookup tables. Keys are lowercase ASCII or Unicode-lowercased,
/// as bytes: a lookup with a lowercased buffer needs no UTF-8 check.
#[derive(Debug, Clone)]
pub(crate) struct Tables {
    pub abbreviations: FastMap<Box<[u8]>, AbbreviationClass>,
    pub hyphen_prefixes: FastSet<Box<[u8]>>,
    pub starters: FastSet<Box<[u8]>>,
    /// Longest key in `abbreviations`, in bytes: longer words skip the lookup.
    pub max_abbreviation_len: usize,
}

/// The entries of a data file, as text.
fn entries(file: &str) -> impl Iterator<Item = &str> {
    data::lines(file).map(|l| l.text)
}

/// The entries of a data file as lookup keys.
fn keys(file: &str) -> impl Iterator<Item = Box<[u8]>> + '_ {
    entries(file).map(|e| e.as_bytes().into())
}

impl Tables {
    pub(crate) fn embedded() -> Arc<Tables> {
        static TABLES: OnceLock<Arc<Tables>> = OnceLock::new();
        TABLES
            .get_or_init(|| {
                let mut t = Tables {
                    abbreviations: FastMap::default(),
                    hyphen_prefixes: keys(HYPHEN_PREFIXES).collect(),
                    starters: keys(SENTENCE_STARTERS).collect(),
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
        self.abbreviations
            .insert(key.into_bytes().into_boxed_slice(), class);
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
            return self.abbreviations.get(&*b).copied();
        }
        self.abbreviations
            .get(word.to_lowercase().as_bytes())
            .copied()
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

/// `word` with ASCII letters lowercased, in `buf` (no allocation); empty
/// if it does not fit, which callers rule out by length first.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8]) -> &'b [u8] {
    let Some(b) = buf.get_mut(..word.len()) else {
        return &[];
    };
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    b
}
