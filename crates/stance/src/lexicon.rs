//! The embedded word lists: valence lexicon, negators, intensifiers, hedges
//! and boosters. Each lives as a data file under `data/` (origin and licence
//! in its header) and is parsed once, on first use.

use newsnlp_text::data::{self, DataError, Line};
use newsnlp_text::hash::{FastMap, FastSet};
use newsnlp_text::short::ShortTable;
use newsnlp_text::words::WordClass;
use std::sync::LazyLock;

use crate::tokens::Token;

const VADER: &str = include_str!("../data/vader_lexicon.tsv");
const NEGATORS: &str = include_str!("../data/negators.txt");
const INTENSIFIERS: &str = include_str!("../data/intensifiers.txt");
const HEDGES: &str = include_str!("../data/hedges.txt");
const BOOSTERS: &str = include_str!("../data/boosters.txt");

/// A multi-word (or one-word) marker phrase and its strength.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub(crate) words: Vec<&'static str>,
    pub(crate) strength: f32,
}

/// A filter on the (length, first letter, last letter) of a set of words:
/// rejects most words outside the set before any hashing. Never rejects a
/// word of the set.
#[derive(Debug, Clone)]
pub(crate) struct WordFilter {
    /// Per length below 16 and first letter `a`-`z`: the last letters.
    bits: Box<[[u32; 26]; 16]>,
    /// Whether some word does not fit the scheme (then such words pass).
    odd: bool,
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter {
            bits: Box::new([[0; 26]; 16]),
            odd: false,
        }
    }
}

impl WordFilter {
    /// (length, first, last) of a word that fits the scheme.
    #[inline]
    pub(crate) fn slot(w: &str) -> Option<(usize, usize, u32)> {
        let b = w.as_bytes();
        let (&first, &last) = (b.first()?, b.last()?);
        (b.len() < 16 && first.is_ascii_lowercase() && last.is_ascii_lowercase())
            .then(|| (b.len(), usize::from(first - b'a'), u32::from(last - b'a')))
    }

    /// Adds a word.
    pub(crate) fn insert(&mut self, w: &str) {
        match Self::slot(w) {
            Some((len, first, last)) => self.bits[len][first] |= 1 << last,
            None => self.odd = true,
        }
    }

    /// The filter of `words`.
    pub(crate) fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut f = WordFilter::default();
        for w in words {
            f.insert(w);
        }
        f
    }

    /// Whether `w` may be one of the words (false: it is not).
    #[inline]
    pub(crate) fn may_contain(&self, w: &str) -> bool {
        match Self::slot(w) {
            Some((len, first, last)) => self.bits[len][first] & (1 << last) != 0,
            None => self.odd,
        }
    }
}

/// Phrases indexed by their first word, longest first.
#[derive(Debug, Default)]
pub(crate) struct PhraseTable {
    by_first: FastMap<&'static str, Vec<Phrase>>,
    /// The first words, for a quick rejection.
    first: WordFilter,
    len: usize,
}

impl PhraseTable {
    fn parse(text: &'static str) -> Self {
        let mut table = PhraseTable::default();
        for line in data::lines(text) {
            let Ok((key, strength)) = number_entry(&line) else {
                continue;
            };
            let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            let Some(first) = words.first().copied() else {
                continue;
            };
            table
                .by_first
                .entry(first)
                .or_default()
                .push(Phrase { words, strength });
            table.len += 1;
        }
        for v in table.by_first.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        table.first = WordFilter::of(table.by_first.keys().copied());
        table
    }

    /// The longest phrase that starts at `tokens[i]`, comparing lowercased
    /// words; punctuation never matches.
    pub(crate) fn longest_at(&self, tokens: &[Token<'_>], i: usize) -> Option<&Phrase> {
        let first = tokens.get(i)?;
        if !self.first.may_contain(&first.lower) {
            return None;
        }
        let cands = self.by_first.get(first.lower.as_ref())?;
        cands.iter().find(|p| {
            p.words.len() <= tokens.len() - i
                && p.words
                    .iter()
                    .zip(&tokens[i..])
                    .all(|(w, t)| t.is_word() && t.lower == *w)
        })
    }

    /// Whether some phrase of the table starts with the lowercased `word`.
    #[cfg(test)]
    pub(crate) fn starts_with(&self, word: &str) -> bool {
        self.first.may_contain(word) && self.by_first.contains_key(word)
    }

    /// Number of phrases in the table.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

/// What the lexicons say of one lowercased word, found with one lookup
/// ([`Lexicons::info`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordInfo {
    /// Its valence (VADER units).
    pub(crate) valence: Option<f32>,
    /// Its intensifier weight.
    pub(crate) intensifier: Option<f32>,
    /// Whether it is in the negator list (the "n't" rule of
    /// [`Lexicons::is_negator`] is not included).
    pub(crate) negator: bool,
    /// Whether it is a pronoun of the features (the `feature_pronouns`
    /// section of the shared word-class file).
    pub(crate) pronoun: bool,
    /// Whether it is a clause word of the features
    /// ([`crate::features::is_clause_word`]).
    pub(crate) clause: bool,
    /// Whether a hedge or booster phrase starts with it.
    pub(crate) marker_start: bool,
}

/// All the lexicons, parsed.
#[derive(Debug)]
pub(crate) struct Lexicons {
    /// Every word of the valence, intensifier and negator lists and of the
    /// features' pronouns and clause words, with what they say of it.
    words: FastMap<&'static str, WordInfo>,
    /// `words` again for the words [`short_key`](newsnlp_text::hash::short_key) packs: `word_infos[k]`
    /// for the `k` their key finds here.
    short_words: ShortTable,
    word_infos: Vec<WordInfo>,
    pub(crate) valence: FastMap<&'static str, f32>,
    pub(crate) negators: FastSet<&'static str>,
    /// The negators, for a quick rejection.
    negator_filter: WordFilter,
    pub(crate) intensifiers: FastMap<&'static str, f32>,
    /// The intensifiers, for a quick rejection.
    intensifier_filter: WordFilter,
    pub(crate) hedges: PhraseTable,
    pub(crate) boosters: PhraseTable,
}

/// A `word<TAB>number` line of a lexicon file (the word may be a phrase of
/// several words).
pub(crate) fn number_entry(line: &Line<'static>) -> Result<(&'static str, f32), DataError> {
    let expected = || line.error("a word, a tab and a number");
    match line.key_value() {
        (word, Some(v)) => match data::decimal(v) {
            Some(v) => Ok((word, v)),
            None => v.parse::<f32>().map(|v| (word, v)).map_err(|_| expected()),
        },
        (_, None) => Err(expected()),
    }
}

/// The `word<TAB>number` entries of a lexicon file; a malformed line is
/// skipped (the tests check that the embedded files have none).
fn numbers(text: &'static str) -> FastMap<&'static str, f32> {
    // One entry a line: size the table once (no rehash as it grows).
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    let mut m = FastMap::with_capacity_and_hasher(lines, Default::default());
    m.extend(data::lines(text).filter_map(|l| number_entry(&l).ok()));
    m
}

impl Lexicons {
    fn load() -> Self {
        let negators: FastSet<&'static str> =
            data::lines(NEGATORS).map(|l| l.key_value().0).collect();
        let intensifiers = numbers(INTENSIFIERS);
        let valence = numbers(VADER);
        // Sized once for every entry (no rehash as it grows).
        let entries = valence.len() + intensifiers.len() + negators.len();
        let mut words: FastMap<&'static str, WordInfo> =
            FastMap::with_capacity_and_hasher(entries + 64, Default::default());
        for (w, v) in &valence {
            words.entry(w).or_default().valence = Some(*v);
        }
        for (w, v) in &intensifiers {
            words.entry(w).or_default().intensifier = Some(*v);
        }
        for w in &negators {
            words.entry(w).or_default().negator = true;
        }
        for w in WordClass::FeaturePronouns.words() {
            words.entry(w).or_default().pronoun = true;
        }
        for w in WordClass::FeatureClauseWords.words() {
            words.entry(w).or_default().clause = true;
        }
        let hedges = PhraseTable::parse(HEDGES);
        let boosters = PhraseTable::parse(BOOSTERS);
        for w in hedges.by_first.keys().chain(boosters.by_first.keys()) {
            words.entry(w).or_default().marker_start = true;
        }
        let mut short_words = ShortTable::new();
        let mut word_infos = Vec::new();
        for (w, info) in &words {
            if let Ok(k) = u32::try_from(word_infos.len())
                && short_words.insert(w, k)
            {
                word_infos.push(*info);
            }
        }
        Lexicons {
            words,
            short_words,
            word_infos,
            valence,
            negator_filter: WordFilter::of(negators.iter().copied()),
            negators,
            intensifier_filter: WordFilter::of(intensifiers.keys().copied()),
            intensifiers,
            hedges,
            boosters,
        }
    }

    /// Everything the lists say of a lowercased word, in one lookup.
    #[inline]
    pub(crate) fn info(&self, lower: &str) -> WordInfo {
        self.words.get(lower).copied().unwrap_or_default()
    }

    /// [`info`](Self::info) of the word whose
    /// [`short_key`](newsnlp_text::hash::short_key) is `key`.
    #[inline]
    pub(crate) fn info_by_key(&self, key: (u64, u64)) -> WordInfo {
        self.short_words
            .get_key(key)
            .and_then(|k| self.word_infos.get(k as usize).copied())
            .unwrap_or_default()
    }

    /// Every word [`info`](Self::info) knows, with what it says of it.
    pub(crate) fn infos(&self) -> impl Iterator<Item = (&'static str, WordInfo)> + '_ {
        self.words.iter().map(|(w, i)| (*w, *i))
    }

    /// Whether a lowercased word negates what follows it.
    #[inline]
    pub(crate) fn is_negator(&self, lower: &str) -> bool {
        (self.negator_filter.may_contain(lower) && self.negators.contains(lower))
            || lower.ends_with("n't")
    }

    /// The intensifier weight of a lowercased word.
    #[inline]
    pub(crate) fn intensifier(&self, lower: &str) -> Option<f32> {
        if !self.intensifier_filter.may_contain(lower) {
            return None;
        }
        self.intensifiers.get(lower).copied()
    }
}

/// The shared, lazily parsed lexicons.
pub(crate) static LEXICONS: LazyLock<Lexicons> = LazyLock::new(Lexicons::load);

#[cfg(test)]
mod tests {
    use super::*;
    use newsnlp_text::hash::short_key;

    #[test]
    fn embedded_lists_parse_completely() {
        let lex = &*LEXICONS;
        // Every entry line parses (the loaders skip a malformed one) ...
        for (name, text) in [
            ("vader_lexicon.tsv", VADER),
            ("intensifiers.txt", INTENSIFIERS),
            ("hedges.txt", HEDGES),
            ("boosters.txt", BOOSTERS),
        ] {
            for line in data::lines(text) {
                if let Err(e) = number_entry(&line) {
                    panic!("{name}: {e}");
                }
            }
        }
        // ... and names a word of its own.
        let count = |t: &str| data::lines(t).count();
        assert_eq!(lex.valence.len(), count(VADER));
        assert_eq!(lex.negators.len(), count(NEGATORS));
        assert_eq!(lex.intensifiers.len(), count(INTENSIFIERS));
        assert_eq!(lex.hedges.len(), count(HEDGES));
        assert_eq!(lex.boosters.len(), count(BOOSTERS));
        assert!(lex.valence.len() > 7000);
        assert_eq!(lex.valence.get("good"), Some(&1.9));
        assert!(lex.is_negator("didn't"));
        assert!(lex.is_negator("neither"));
        assert!(!lex.is_negator("note"));
    }

    #[test]
    fn keyed_infos_are_the_infos() {
        let lex = &*LEXICONS;
        for (w, info) in lex.infos() {
            if let Some(k) = short_key(w) {
                assert_eq!(
                    format!("{:?}", lex.info_by_key(k)),
                    format!("{info:?}"),
                    "{w}"
                );
            }
        }
        let k = short_key("zebraish").unwrap();
        assert_eq!(
            format!("{:?}", lex.info_by_key(k)),
            format!("{:?}", WordInfo::default())
        );
    }

    #[test]
    fn marker_start_is_a_phrase_start() {
        let lex = &*LEXICONS;
        for (w, info) in lex.infos() {
            let start = lex.hedges.starts_with(w) || lex.boosters.starts_with(w);
            assert_eq!(info.marker_start, start, "{w}");
        }
        assert!(!lex.info("zebra").marker_start && !lex.info("").marker_start);
    }

    #[test]
    fn word_filter_keeps_every_word() {
        let lex = &*LEXICONS;
        let f = WordFilter::of(lex.valence.keys().copied());
        assert!(lex.valence.keys().all(|w| f.may_contain(w)));
        let f = WordFilter::of(["not", "never", "n't", "Zoë", ""]);
        for w in ["not", "never", "n't", "Zoë", ""] {
            assert!(f.may_contain(w), "{w:?}");
        }
        let f = WordFilter::of(["not", "never"]);
        assert!(!f.may_contain("nor") && !f.may_contain("the"));
        assert!(
            lex.intensifiers
                .iter()
                .all(|(w, v)| lex.intensifier(w) == Some(*v))
        );
        assert!(lex.negators.iter().all(|w| lex.is_negator(w)));
    }
}
