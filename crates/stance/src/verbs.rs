//! The stance lexicons: stance verbs (`data/stance_verbs.txt`) and the
//! evaluative words of news that VADER lacks (`data/evaluatives.txt`).
//! Parsed once, on first use.

use newsnlp_text::data::{self, DataError, Line};
use newsnlp_text::hash::{FastMap, short_key};
use newsnlp_text::short::ShortTable;
use std::sync::LazyLock;

use crate::lexicon::{LEXICONS, WordFilter, number_entry};

const STANCE_VERBS: &str = include_str!("../data/stance_verbs.txt");
const EVALUATIVES: &str = include_str!("../data/evaluatives.txt");
const PREDICATE_MODIFIERS: &str = include_str!("../data/predicate_modifiers.txt");
const EVALUATIVE_PHRASES: &str = include_str!("../data/evaluative_phrases.txt");
const CONDUCT_PHRASES: &str = include_str!("../data/conduct_phrases.txt");
const ATTITUDE_ADJECTIVES: &str = include_str!("../data/attitude_adjectives.txt");

/// What an adjective of attitude takes (`data/attitude_adjectives.txt`),
/// as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Adjective(u8);

impl Adjective {
    /// A state of mind ("unconvinced", "furious about").
    pub(crate) const EMOTION: Adjective = Adjective(1);
    /// Its attitude's object follows "in" ("confident in").
    pub(crate) const IN: Adjective = Adjective(2);
    /// ... "of" ("critical of").
    pub(crate) const OF: Adjective = Adjective(4);
    /// ... "to" ("grateful to").
    pub(crate) const TO: Adjective = Adjective(8);
    /// ... "for" ("thankful for").
    pub(crate) const FOR: Adjective = Adjective(16);
    /// Any preposition's bit.
    pub(crate) const TAKES_OBJECT: Adjective = Adjective(2 | 4 | 8 | 16);
    /// Marked `-` in the file: negative where no lexicon gives a valence
    /// ("opposed to").
    pub(crate) const NEGATIVE: Adjective = Adjective(32);
    /// Marked `+`: positive where no lexicon gives a valence.
    pub(crate) const POSITIVE: Adjective = Adjective(64);

    /// Whether it has any bit of `other`.
    pub(crate) fn has(self, other: Adjective) -> bool {
        self.0 & other.0 != 0
    }
}
/// The valence of a conduct idiom's words, in VADER units, times its
/// polarity ("dropped the ball" judges like "careless").
const CONDUCT_VALENCE: f32 = 1.5;

/// What a word does to an evaluative predicate's valence
/// (`data/predicate_modifiers.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Modifier {
    /// A degree adverb ("badly overdue"): no valence of its own before an
    /// evaluative word.
    Degree,
    /// Reverses the next word's valence ("wrongly accused").
    Reverser,
    /// An excess ("too optimistic"): the next word counts as negative.
    Excess,
}

/// What a stance verb does (see the header of `data/stance_verbs.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbKind {
    /// The subject holds an attitude toward the object.
    Attitude,
    /// Something done to the object.
    Action,
    /// A verb of saying, thinking or agreeing (no polarity).
    Frame,
    /// A responsibility predicate: the subject did it.
    Deed,
    /// Wanting or refusing the action of a following infinitive.
    Desire,
    /// Asking an addressee to act ("urged council members to approve").
    Appeal,
}

/// One inflected form of a stance verb (one or more words).
#[derive(Debug, Clone)]
pub(crate) struct VerbForm {
    pub(crate) words: Vec<&'static str>,
    /// +1, -1 or 0.
    pub(crate) polarity: i8,
    pub(crate) kind: VerbKind,
}

/// A multi-word evaluative of `data/evaluative_phrases.txt` ("step in the
/// right direction", "out of touch") or a conduct idiom of
/// `data/conduct_phrases.txt` ("dropped the ball"): its words as the
/// tokenizer splits them (a hyphen its own word), its valence, and for a
/// conduct idiom the polarity toward its subject (0 otherwise).
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub(crate) words: Vec<&'static str>,
    pub(crate) valence: f32,
    pub(crate) conduct: i8,
}

/// A line of `data/conduct_phrases.txt`: its polarity and `|`-separated
/// forms.
fn conduct_entry(line: &Line<'static>) -> Result<(i8, &'static str), DataError> {
    match line.key_value() {
        ("+", Some(forms)) => Ok((1, forms)),
        ("-", Some(forms)) => Ok((-1, forms)),
        _ => Err(line.error("a polarity (+ or -), a tab and forms separated by \"|\"")),
    }
}

/// The words of a phrase entry as the tokenizer splits them: at spaces,
/// and around each hyphen ("band-aid" is "band", "-", "aid").
fn phrase_words(phrase: &'static str) -> Vec<&'static str> {
    let mut words = Vec::new();
    for piece in phrase.split_whitespace() {
        let mut rest = piece;
        while let Some(h) = rest.find('-') {
            if h > 0 {
                words.push(&rest[..h]);
            }
            words.push("-");
            rest = &rest[h + 1..];
        }
        if !rest.is_empty() {
            words.push(rest);
        }
    }
    words
}

/// The parsed stance lexicons.
#[derive(Debug, Default)]
pub(crate) struct StanceLexicon {
    by_first: FastMap<&'static str, Vec<VerbForm>>,
    /// The first words of the forms, for a quick rejection.
    first: WordFilter,
    /// `by_first` for the first words [`short_key`] packs (hashing two
    /// integers instead of a string).
    short: FastMap<(u64, u64), Vec<VerbForm>>,
    /// The forms again, one list per first word (longest first), for
    /// [`longest_in`](Self::longest_in): by the first word's
    /// [`short_key`] in `first_short` ...
    lists: Vec<Vec<VerbForm>>,
    first_short: ShortTable,
    /// ... or, when longer, by the word.
    first_long: FastMap<&'static str, u32>,
    evaluative: FastMap<&'static str, f32>,
    /// The evaluative words, for a quick rejection.
    evaluative_filter: WordFilter,
    modifiers: FastMap<&'static str, Modifier>,
    /// The adjectives of attitude.
    adjectives: FastMap<&'static str, Adjective>,
    /// The evaluative phrases by their first word, longest first.
    phrases: FastMap<&'static str, Vec<Phrase>>,
    /// The first words of the phrases, for a quick rejection.
    phrase_filter: WordFilter,
    /// The phrases again, one list per first word, for
    /// [`phrase_in`](Self::phrase_in).
    phrase_lists: Vec<Vec<Phrase>>,
    /// Per word [`short_key`] that starts a verb form or a phrase: its
    /// [`StartFacts`] (one lookup per token for both).
    starts: ShortTable,
    /// The keys of `starts`, one bit each ([`start_bit`]): nearly every
    /// token is looked up and most start nothing, and this 4 KB bitmap
    /// turns away most of those without reading the sparse table's slots
    /// (hundreds of kilobytes, mostly out of the first-level cache).
    start_bits: Vec<u64>,
    start_facts: Vec<StartFacts>,
    /// The modifiers, for a quick rejection.
    modifier_filter: WordFilter,
    forms: usize,
}

/// What a word that starts a verb form or a phrase starts: its list of
/// verb forms ([`StanceLexicon::longest_in`]) and its list of phrases
/// ([`StanceLexicon::phrase_in`]), each [`NO_LIST`] when none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StartFacts {
    pub(crate) forms: u32,
    pub(crate) phrases: u32,
}

/// The bits of [`StanceLexicon::start_bits`]: about twenty per word that
/// starts something, so about one word in twenty that starts nothing
/// passes.
const START_BITS: usize = 1 << 15;

/// The word and bit of [`StanceLexicon::start_bits`] for `key`.
#[inline]
fn start_bit((k0, k1): (u64, u64)) -> (usize, u64) {
    let h = (k0 ^ k1.rotate_left(17)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 49;
    ((h >> 6) as usize, 1 << (h & 63))
}

/// No list (of a [`StartFacts`]).
pub(crate) const NO_LIST: u32 = u32::MAX;

/// A line of `data/stance_verbs.txt`: its polarity, kind and `|`-separated
/// forms.
fn verb_entry(line: &Line<'static>) -> Result<(i8, VerbKind, &'static str), DataError> {
    let expected = || {
        line.error(
            "a polarity (+, - or 0), a kind (attitude, action, frame, deed, desire \
             or appeal) and forms, tab-separated",
        )
    };
    let mut cols = line.fields();
    let (Some(pol), Some(kind), Some(forms)) = (cols.next(), cols.next(), cols.next()) else {
        return Err(expected());
    };
    let polarity = match pol {
        "+" => 1,
        "-" => -1,
        "0" => 0,
        _ => return Err(expected()),
    };
    let kind = match kind {
        "attitude" => VerbKind::Attitude,
        "action" => VerbKind::Action,
        "frame" => VerbKind::Frame,
        "deed" => VerbKind::Deed,
        "desire" => VerbKind::Desire,
        "appeal" => VerbKind::Appeal,
        _ => return Err(expected()),
    };
    Ok((polarity, kind, forms))
}

impl StanceLexicon {
    fn load() -> Self {
        let mut lex = StanceLexicon::default();
        // A malformed line is skipped (the tests check that the embedded
        // files have none).
        for line in data::lines(STANCE_VERBS) {
            let Ok((polarity, kind, forms)) = verb_entry(&line) else {
                continue;
            };
            for form in forms.split('|') {
                let words: Vec<&'static str> = form.split_whitespace().collect();
                let Some(first) = words.first().copied() else {
                    continue;
                };
                lex.by_first.entry(first).or_default().push(VerbForm {
                    words,
                    polarity,
                    kind,
                });
                lex.forms += 1;
            }
        }
        for v in lex.by_first.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        for line in data::lines(EVALUATIVES) {
            if let Ok((w, v)) = number_entry(&line) {
                lex.evaluative.insert(w, v);
            }
        }
        for line in data::lines(EVALUATIVE_PHRASES) {
            if let Ok((p, valence)) = number_entry(&line) {
                let words = phrase_words(p);
                if let Some(&first) = words.first() {
                    let list = lex.phrases.entry(first).or_default();
                    list.push(Phrase {
                        words,
                        valence,
                        conduct: 0,
                    });
                }
            }
        }
        for line in data::lines(ATTITUDE_ADJECTIVES) {
            let bit = match line.section {
                Some("emotion") => Adjective::EMOTION,
                Some("in") => Adjective::IN,
                Some("of") => Adjective::OF,
                Some("to") => Adjective::TO,
                Some("for") => Adjective::FOR,
                _ => continue,
            };
            // "opposed -": a word and the polarity no lexicon gives it.
            let (word, sign) = match line.text.split_once(char::is_whitespace) {
                Some((w, "-")) => (w, Adjective::NEGATIVE.0),
                Some((w, "+")) => (w, Adjective::POSITIVE.0),
                _ => (line.text, 0),
            };
            lex.adjectives.entry(word).or_default().0 |= bit.0 | sign;
        }
        for line in data::lines(CONDUCT_PHRASES) {
            let Ok((conduct, forms)) = conduct_entry(&line) else {
                continue;
            };
            for form in forms.split('|') {
                let words = phrase_words(form.trim());
                if let Some(&first) = words.first() {
                    lex.phrases.entry(first).or_default().push(Phrase {
                        words,
                        valence: CONDUCT_VALENCE * f32::from(conduct),
                        conduct,
                    });
                }
            }
        }
        for v in lex.phrases.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        lex.phrase_filter = WordFilter::of(lex.phrases.keys().copied());
        for line in data::lines(PREDICATE_MODIFIERS) {
            let kind = match line.section {
                Some("degree") => Modifier::Degree,
                Some("reversers") => Modifier::Reverser,
                Some("excess") => Modifier::Excess,
                _ => continue,
            };
            lex.modifiers.insert(line.text, kind);
        }
        lex.first = WordFilter::of(lex.by_first.keys().copied());
        lex.short = lex
            .by_first
            .iter()
            .filter_map(|(w, forms)| Some((short_key(w)?, forms.clone())))
            .collect();
        lex.evaluative_filter = WordFilter::of(lex.evaluative.keys().copied());
        lex.modifier_filter = WordFilter::of(lex.modifiers.keys().copied());
        for (w, forms) in &lex.by_first {
            let Ok(k) = u32::try_from(lex.lists.len()) else {
                break;
            };
            lex.lists.push(forms.clone());
            if !lex.first_short.insert(w, k) {
                lex.first_long.insert(w, k);
            }
        }
        lex.index_starts();
        lex
    }

    /// Fills `phrase_lists`, `starts` and `start_facts` from `phrases` and
    /// `first_short`.
    fn index_starts(&mut self) {
        let mut by_key: FastMap<(u64, u64), StartFacts> = FastMap::default();
        for (w, list) in &self.phrases {
            let Ok(k) = u32::try_from(self.phrase_lists.len()) else {
                break;
            };
            self.phrase_lists.push(list.clone());
            if let Some(key) = short_key(w) {
                by_key.insert(
                    key,
                    StartFacts {
                        forms: NO_LIST,
                        phrases: k,
                    },
                );
            }
        }
        for w in self.by_first.keys() {
            if let (Some(key), Some(forms)) = (short_key(w), self.first_list(w)) {
                by_key
                    .entry(key)
                    .or_insert(StartFacts {
                        forms: NO_LIST,
                        phrases: NO_LIST,
                    })
                    .forms = forms;
            }
        }
        // Sparse (an eighth full or less): nearly every token is looked up
        // and most start nothing, and a miss probes up to an empty slot.
        self.starts = ShortTable::with_capacity(4 * by_key.len());
        self.start_bits = vec![0; START_BITS / 64];
        for (key, facts) in by_key {
            let Ok(k) = u32::try_from(self.start_facts.len()) else {
                break;
            };
            self.start_facts.push(facts);
            self.starts.insert_key(key, k);
            let (w, bit) = start_bit(key);
            if let Some(word) = self.start_bits.get_mut(w) {
                *word |= bit;
            }
        }
    }

    /// What the word whose [`short_key`] is `key` starts: the same lists
    /// as [`first_list`](Self::first_list) and [`phrase_by`](Self::phrase_by)
    /// find for it, in one lookup; `None` when it starts nothing.
    #[inline]
    pub(crate) fn starts_by_key(&self, key: (u64, u64)) -> Option<StartFacts> {
        let (w, bit) = start_bit(key);
        if self.start_bits.get(w)? & bit == 0 {
            return None;
        }
        let k = self.starts.get_key(key)?;
        self.start_facts.get(k as usize).copied()
    }

    /// The longest phrase of list `list` (of [`StartFacts::phrases`])
    /// whose `j`-th word after the first is `word(j)`: what
    /// [`phrase_by`](Self::phrase_by) finds for that first word.
    #[inline]
    pub(crate) fn phrase_in<'w>(
        &self,
        list: u32,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<&Phrase> {
        self.phrase_lists.get(list as usize)?.iter().find(|p| {
            p.words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(j, w)| word(j) == Some(*w))
        })
    }

    /// The list of the forms that start with the lowercased `word`, for
    /// [`longest_in`](Self::longest_in); `None` when no form does.
    pub(crate) fn first_list(&self, word: &str) -> Option<u32> {
        match short_key(word) {
            Some(key) => self.first_short.get_key(key),
            None => self.first_long.get(word).copied(),
        }
    }

    /// [`longest_by`](Self::longest_by) with the list of forms of the first
    /// word found beforehand ([`first_list`](Self::first_list)).
    #[inline]
    pub(crate) fn longest_in<'w>(
        &self,
        list: u32,
        len: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<&VerbForm> {
        if len == 0 {
            return None;
        }
        longest_of(self.lists.get(list as usize)?, len, word)
    }

    /// The longest verb form starting at word `i` of `words` (lowercased
    /// words, `None` for punctuation).
    #[cfg(test)]
    pub(crate) fn longest_at(&self, words: &[Option<&str>], i: usize) -> Option<&VerbForm> {
        self.longest_by(words.len().saturating_sub(i), |j| {
            words.get(i + j).copied().flatten()
        })
    }

    /// The longest verb form of at most `len` words whose `j`-th word is
    /// `word(j)` (a lowercased word, `None` for punctuation). Only the
    /// words a candidate needs are asked for.
    #[inline]
    pub(crate) fn longest_by<'w>(
        &self,
        len: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<&VerbForm> {
        if len == 0 {
            return None;
        }
        let first = word(0)?;
        if !self.first.may_contain(first) {
            return None;
        }
        let cands = match short_key(first) {
            Some(key) => self.short.get(&key)?,
            None => self.by_first.get(first)?,
        };
        longest_of(cands, len, word)
    }

    /// Whether some verb form may start with the lowercased `word` (false:
    /// none does).
    #[inline]
    pub(crate) fn may_start(&self, word: &str) -> bool {
        self.first.may_contain(word)
    }

    /// The valence of a lowercased word or hyphenated compound the news
    /// evaluatives list (`data/evaluatives.txt`), if they do.
    pub(crate) fn evaluative(&self, lower: &str) -> Option<f32> {
        if !self.evaluative_filter.may_contain(lower) {
            return None;
        }
        self.evaluative.get(lower).copied()
    }

    /// [`valence_with_key`](Self::valence_with_key) without a key.
    #[cfg(test)]
    pub(crate) fn valence(&self, lower: &str) -> f32 {
        self.valence_with_key(lower, None)
    }

    /// The valence of a lowercased word (VADER units): the news
    /// evaluatives first, then VADER; 0 for hedges and boosters
    /// ("certain", "sure"), which speak of the holder's confidence, not of
    /// the subject. `key` is the word's [`short_key`] when known (then
    /// VADER is read by it).
    pub(crate) fn valence_with_key(&self, lower: &str, key: Option<(u64, u64)>) -> f32 {
        if let Some(v) = self.evaluative(lower) {
            return v;
        }
        // One lookup says both whether a hedge or booster starts with the
        // word and its VADER valence.
        let info = match key {
            Some(k) => LEXICONS.info_by_key(k),
            None => LEXICONS.info(lower),
        };
        if info.marker_start {
            return 0.0;
        }
        info.valence.unwrap_or(0.0)
    }

    /// The longest evaluative phrase or conduct idiom whose `j`-th word is
    /// `word(j)` (a lowercased token text), if one is. Only the words a
    /// candidate needs are asked for.
    #[inline]
    pub(crate) fn phrase_by<'w>(&self, word: impl Fn(usize) -> Option<&'w str>) -> Option<&Phrase> {
        let first = word(0)?;
        if !self.phrase_filter.may_contain(first) {
            return None;
        }
        self.phrases.get(first)?.iter().find(|p| {
            p.words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(j, w)| word(j) == Some(*w))
        })
    }

    /// What the lowercased adjective of attitude takes (no bits when it is
    /// none).
    pub(crate) fn adjective(&self, lower: &str) -> Adjective {
        self.adjectives.get(lower).copied().unwrap_or_default()
    }

    /// What the lowercased word does to a predicate's valence, if anything.
    pub(crate) fn modifier(&self, lower: &str) -> Option<Modifier> {
        if !self.modifier_filter.may_contain(lower) {
            return None;
        }
        self.modifiers.get(lower).copied()
    }

    /// Number of verb forms and evaluative words parsed.
    #[cfg(test)]
    pub(crate) fn counts(&self) -> (usize, usize) {
        (self.forms, self.evaluative.len())
    }
}

/// The first of `cands` (the forms of one first word, longest first) of at
/// most `len` words whose other words are `word(1)`, `word(2)`, ...
#[inline]
fn longest_of<'f, 'w>(
    cands: &'f [VerbForm],
    len: usize,
    word: impl Fn(usize) -> Option<&'w str>,
) -> Option<&'f VerbForm> {
    cands.iter().find(|f| {
        f.words.len() <= len
            && f.words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(j, w)| word(j) == Some(*w))
    })
}

/// The shared, lazily parsed stance lexicons.
pub(crate) static STANCE_LEXICON: LazyLock<StanceLexicon> = LazyLock::new(StanceLexicon::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_keep_every_word() {
        let lex = &*STANCE_LEXICON;
        assert!(lex.by_first.keys().all(|w| lex.first.may_contain(w)));
        for (w, forms) in &lex.by_first {
            let one_word = forms.iter().find(|f| f.words.len() == 1);
            let found = lex.longest_at(&[Some(w)], 0);
            assert_eq!(found.map(|f| &f.words), one_word.map(|f| &f.words), "{w}");
        }
        assert!(
            lex.evaluative
                .keys()
                .all(|w| lex.evaluative_filter.may_contain(w))
        );
    }

    #[test]
    fn phrases_split_as_the_tokenizer_splits() {
        let tokenizer = newsnlp_tokenize::Tokenizer::new();
        let mut n = 0;
        for line in data::lines(EVALUATIVE_PHRASES) {
            let (p, v) = number_entry(&line).unwrap_or_else(|e| panic!("{e}"));
            assert!(p.contains(' ') || p.contains('-'), "one word: {p}");
            assert!((-4.0..=4.0).contains(&v) && v != 0.0, "{p}: {v}");
            let doc = tokenizer.tokenize(p);
            let toks: Vec<String> = doc.tokens().iter().map(|t| t.text.to_lowercase()).collect();
            assert_eq!(toks, phrase_words(p), "{p}");
            let lex = &*STANCE_LEXICON;
            let found = lex.phrase_by(|j| toks.get(j).map(String::as_str));
            assert_eq!(found.map(|f| f.words.len()), Some(toks.len()), "{p}");
            n += 1;
        }
        assert!(n >= 500);
        let mut forms = 0;
        for line in data::lines(CONDUCT_PHRASES) {
            let (_, fs) = conduct_entry(&line).unwrap_or_else(|e| panic!("{e}"));
            for form in fs.split('|').map(str::trim) {
                let doc = tokenizer.tokenize(form);
                let toks: Vec<String> =
                    doc.tokens().iter().map(|t| t.text.to_lowercase()).collect();
                assert_eq!(toks, phrase_words(form), "{form}");
                let lex = &*STANCE_LEXICON;
                let found = lex.phrase_by(|j| toks.get(j).map(String::as_str));
                assert!(found.is_some_and(|f| f.conduct != 0), "{form}");
                forms += 1;
            }
        }
        assert!(forms >= 500);
        let lex = &*STANCE_LEXICON;
        let words = ["out", "of", "office"];
        assert!(lex.phrase_by(|j| words.get(j).copied()).is_none());
    }

    #[test]
    fn lexicons_parse_completely() {
        let lex = &*STANCE_LEXICON;
        let mut forms = 0;
        for line in data::lines(STANCE_VERBS) {
            match verb_entry(&line) {
                Ok((_, _, f)) => forms += f.split('|').count(),
                Err(e) => panic!("stance_verbs.txt: {e}"),
            }
        }
        for line in data::lines(EVALUATIVES) {
            if let Err(e) = number_entry(&line) {
                panic!("evaluatives.txt: {e}");
            }
        }
        let (parsed, evals) = lex.counts();
        assert_eq!(parsed, forms);
        assert_eq!(evals, data::lines(EVALUATIVES).count());
        assert!(parsed > 500);
        let w = |s: &'static str| Some(s);
        let f = lex
            .longest_at(&[w("called"), w("for"), w("talks")], 0)
            .unwrap();
        assert_eq!(
            (f.words.len(), f.polarity, f.kind),
            (2, 1, VerbKind::Attitude)
        );
        let f = lex.longest_at(&[w("denied")], 0).unwrap();
        assert_eq!((f.polarity, f.kind), (-1, VerbKind::Action));
        assert!(lex.longest_at(&[w("said")], 0).unwrap().kind == VerbKind::Frame);
        assert!(lex.longest_at(&[None, w("said")], 0).is_none());
        assert_eq!(lex.valence("productive"), 1.8);
        assert_eq!(lex.valence("low"), -1.1);
        assert_eq!(lex.valence("certain"), 0.0);
        assert_eq!(lex.modifier("badly"), Some(Modifier::Degree));
        assert_eq!(lex.modifier("wrongly"), Some(Modifier::Reverser));
        assert_eq!(lex.modifier("plan"), None);
        assert!(lex.adjective("furious").has(Adjective::EMOTION));
        assert!(lex.adjective("critical").has(Adjective::OF));
        assert!(lex.adjective("grateful").has(Adjective::TO));
        assert!(!lex.adjective("critical").has(Adjective::EMOTION));
        let sections = ["emotion", "in", "of", "to", "for"];
        assert!(
            data::lines(ATTITUDE_ADJECTIVES)
                .all(|l| l.section.is_some_and(|s| sections.contains(&s)))
        );
        let modifiers = data::lines(PREDICATE_MODIFIERS).count();
        assert!(modifiers > 10 && lex.modifiers.len() == modifiers);
    }
}
