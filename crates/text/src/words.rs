//! The closed word classes every layer reads: one data file, one lookup.
//!
//! `data/words.txt` holds the small closed classes of English the rules use
//! (pronouns, determiners, auxiliaries, prepositions, titles, days,
//! months, …), one `[section]` each. Every section is a [`WordClass`]; the
//! classes of a word are a [`Classes`] bitset, found by
//! [`Classes::of`] with the word lowercased. The lookup packs the word into
//! two integers ([`short_key`]) and finds them in a
//! [`FastMap`]: no string is hashed or compared, and a word longer than
//! every listed word returns at once.
//!
//! ```
//! use newsnlp_text::words::{Classes, WordClass};
//!
//! let the = Classes::of("the");
//! assert!(the.contains(WordClass::Determiners));
//! assert!(the.contains(WordClass::NpDeterminers));
//! // Quotes' source determiners hold numbers; stance's noun-phrase ones not.
//! assert!(Classes::of("two").contains(WordClass::Determiners));
//! assert!(!Classes::of("two").contains(WordClass::NpDeterminers));
//! assert!(Classes::of("tuesday").contains(WordClass::Days));
//! assert!(Classes::of("table").is_empty());
//! ```

use std::fmt;
use std::ops::{BitAnd, BitOr, BitOrAssign};
use std::sync::LazyLock;

use crate::data;
use crate::hash::{FastMap, SHORT, short_key, upper_bits};

/// The word-class data file (see its head for what each section is for).
pub const WORDS: &str = include_str!("../data/words.txt");

macro_rules! word_classes {
    ($($(#[$doc:meta])* $name:ident = $section:literal,)*) => {
        /// A closed word class: one section of `data/words.txt`.
        ///
        /// ```
        /// use newsnlp_text::words::WordClass;
        /// assert_eq!(WordClass::NpDeterminers.section(), "np_determiners");
        /// assert_eq!(WordClass::from_section("months"), Some(WordClass::Months));
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum WordClass {
            $($(#[$doc])* $name,)*
        }

        impl WordClass {
            /// Every class, in the order of the data file (and of their bits).
            pub const ALL: &'static [WordClass] = &[$(WordClass::$name,)*];

            /// The name of its section in the data file.
            pub const fn section(self) -> &'static str {
                match self {
                    $(WordClass::$name => $section,)*
                }
            }
        }
    };
}

word_classes! {
    /// Quotes: a source that is one pronoun ("he", "they", "who").
    SubjectPronouns = "subject_pronouns",
    /// Quotes: words that start a source noun phrase, numbers and
    /// quantifiers included ("the", "two", "several").
    Determiners = "determiners",
    /// Quotes: words that never belong to a source noun phrase to the left
    /// of a cue (conjunctions, auxiliaries, prepositions, sentence adverbs).
    Stop = "stop",
    /// Quotes: auxiliaries and modals.
    Aux = "aux",
    /// Quotes: objects of "told" that are no source ("told reporters").
    TellObjects = "tell_objects",
    /// Quotes: words of time and setting between a cue and "that".
    Time = "time",
    /// Quotes: titles and roles before or instead of a name.
    Titles = "titles",
    /// Quotes: titles of men ("mr.", "king").
    MaleTitles = "male_titles",
    /// Quotes: titles of women ("mrs.", "queen").
    FemaleTitles = "female_titles",
    /// Quotes: plural nouns of groups that speak ("officials").
    PluralSources = "plural_sources",
    /// Quotes: common female given names.
    FemaleNames = "female_names",
    /// Quotes: common male given names.
    MaleNames = "male_names",
    /// Quotes: nouns of documents and evidence ("report", "statement").
    EvidenceSources = "evidence_sources",
    /// Stance: determiners inside a target noun phrase (no numbers).
    NpDeterminers = "np_determiners",
    /// Stance: words that open or join clauses.
    ClauseWords = "clause_words",
    /// Stance: pronouns, which are not targets by themselves.
    NpPronouns = "np_pronouns",
    /// Stance: prepositions.
    Prepositions = "prepositions",
    /// Stance: auxiliaries, negators and adverbs of a verb group.
    VerbGroupWords = "verb_group_words",
    /// Stance: copulas ("is", "seems", "became").
    Copulas = "copulas",
    /// Stance: finite auxiliaries.
    Finite = "finite",
    /// Stance: pronouns that point back ("it", "this").
    Anaphors = "anaphors",
    /// Stance: irregular past forms ("said", "held").
    IrregularPast = "irregular_past",
    /// Stance: verbs that name their object as something ("called").
    NamingVerbs = "naming_verbs",
    /// Stance: "of".
    Of = "of",
    /// Stance: "and", "or".
    AndOr = "and_or",
    /// Stance model: the pronouns its features mark.
    FeaturePronouns = "feature_pronouns",
    /// Stance model: the words that break a clause for its features.
    FeatureClauseWords = "feature_clause_words",
    /// The weekdays.
    Days = "days",
    /// "yesterday", "today", "tonight".
    RelativeDays = "relative_days",
    /// The months.
    Months = "months",
    /// Quotes: nouns of a time span ("night", "weekend").
    TimeNouns = "time_nouns",
    /// Quotes: nouns that take a prepositional phrase in a source ("poll",
    /// "spokesman").
    SourceHeads = "source_heads",
    /// Quotes: words that open an introductory phrase ("in", "later").
    IntroWords = "intro_words",
    /// Quotes: verb forms that end a subject before its verb ("began",
    /// "is").
    SubjectVerbs = "subject_verbs",
    /// Quotes: sentence adverbs between commas ("however").
    SentenceAdverbs = "sentence_adverbs",
    /// Quotes: lemmas of reporting verbs with an object ("tell", "warn").
    TellVerbs = "tell_verbs",
    /// Quotes: words that open an adverbial tail after a source ("on").
    TailWords = "tail_words",
    /// Quotes: heads of a subject with a bare verb ("people", "police").
    PluralHeads = "plural_heads",
    /// Quotes: labels before a line-opening colon that are no speaker
    /// ("update", "photo").
    ColonLabels = "colon_labels",
    /// Quotes: words that open the question after "asked" ("whether").
    QuestionWords = "question_words",
    /// Quotes: words after "seems" that open what seems so ("to", "likely").
    SeemComplements = "seem_complements",
    /// Quotes: adverbs before a sentence-opening "according to" ("now").
    LeadAdverbs = "lead_adverbs",
    /// Quotes: words after a comma that open a new clause ("according").
    ClauseBreaks = "clause_breaks",
    /// Quotes: forms of "be" before a progressive cue ("is saying").
    ProgressiveAux = "progressive_aux",
    /// Quotes: forms of "be" before a passive cue ("is expected").
    PassiveAux = "passive_aux",
    /// Entities: role nouns that end a descriptor of a named person ("the
    /// Hungarian leader").
    DescriptorHeads = "descriptor_heads",
    /// Entities: titles of someone who leads, which "leader" fits.
    LeaderTitles = "leader_titles",
    /// Quotes and stance: what a party writes or says, whose possessor is
    /// its author ("Trump's tweet", "the ministry's statement").
    AuthoredHeads = "authored_heads",
    /// Stance: nouns of a person, group or organization that may head a
    /// holder phrase ("the campaign", "the union").
    PartyNouns = "party_nouns",
    /// Stance: verbs by which a thing brings about what it is judged by
    /// ("the plan would bring relief", "the law places an unfair burden").
    CausingVerbs = "causing_verbs",
    /// Stance: verbs by which a thing takes away what it is judged by
    /// ("the ruling would reduce confusion", "the deal eases shortages").
    RemovingVerbs = "removing_verbs",
    /// Stance: number words ("seven", "dozens", "thousand"); a noun after
    /// one is counted, so no verb ("seven states", "dozens of claims").
    Numerals = "numerals",
    /// Stance: verbs of neglect, by which a thing is blamed whatever it
    /// neglects ("ignored repeated warnings", "overlooks the risks").
    NeglectVerbs = "neglect_verbs",
}

impl WordClass {
    /// The class of a section name.
    pub fn from_section(name: &str) -> Option<WordClass> {
        WordClass::ALL.iter().copied().find(|c| c.section() == name)
    }

    /// The words of this class, as the data file lists them.
    ///
    /// ```
    /// use newsnlp_text::words::WordClass;
    /// let ors: Vec<&str> = WordClass::AndOr.words().collect();
    /// assert_eq!(ors, ["and", "or"]);
    /// ```
    pub fn words(self) -> impl Iterator<Item = &'static str> {
        data::lines(WORDS)
            .filter(move |l| l.section == Some(self.section()))
            .map(|l| l.text)
    }

    /// The set holding only this class.
    ///
    /// ```
    /// use newsnlp_text::words::{Classes, WordClass};
    /// assert!(WordClass::Of.set().contains(WordClass::Of));
    /// assert!(Classes::of("of").intersects(WordClass::Of.set()));
    /// ```
    pub const fn set(self) -> Classes {
        Classes(1 << self as u32)
    }
}

impl fmt::Display for WordClass {
    /// The section name.
    ///
    /// ```
    /// assert_eq!(newsnlp_text::words::WordClass::Days.to_string(), "days");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.section())
    }
}

/// A set of [`WordClass`]es, one bit each.
///
/// ```
/// use newsnlp_text::words::{Classes, WordClass};
/// let c = Classes::of("that");
/// assert!(c.contains(WordClass::ClauseWords) && c.contains(WordClass::Anaphors));
/// let wanted = WordClass::Days.set() | WordClass::RelativeDays.set();
/// assert!(Classes::of("today").intersects(wanted));
/// assert_eq!(Classes::default(), Classes::EMPTY);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Classes(u64);

impl Classes {
    /// No class.
    pub const EMPTY: Classes = Classes(0);

    /// The classes of `lower`, a word already lowercased (the data file's
    /// words are lowercase: "The" is in none).
    ///
    /// ```
    /// use newsnlp_text::words::{Classes, WordClass};
    /// assert!(Classes::of("mr.").contains(WordClass::MaleTitles));
    /// assert!(Classes::of("Mr.").is_empty());
    /// assert!(Classes::of("").is_empty());
    /// ```
    #[inline]
    pub fn of(lower: &str) -> Classes {
        match short_key(lower) {
            Some(key) => Classes::of_key(key),
            None => Classes::EMPTY,
        }
    }

    /// The classes of `word` lowercased ([`str::to_lowercase`]), without
    /// allocating for an ASCII word: its key is lowercased as integers.
    ///
    /// ```
    /// use newsnlp_text::words::{Classes, WordClass};
    /// assert_eq!(Classes::of_any_case("Mr."), Classes::of("mr."));
    /// assert!(Classes::of_any_case("HILLARY").contains(WordClass::FemaleNames));
    /// assert!(Classes::of_any_case("ÉDITOR").is_empty());
    /// ```
    #[inline]
    pub fn of_any_case(word: &str) -> Classes {
        if word.is_ascii() {
            return match short_key(word) {
                // A capital gains bit 5; the length in the top byte is no
                // capital.
                Some((k0, k1)) => {
                    let lower = |w: u64| w | (upper_bits(w) >> 2);
                    Classes::of_key((lower(k0), lower(k1)))
                }
                None => Classes::EMPTY,
            };
        }
        Classes::of(&word.to_lowercase())
    }

    /// The classes of the word whose [`short_key`] is `key`: the lookup
    /// for a caller that already holds the word as integers.
    ///
    /// ```
    /// use newsnlp_text::{hash::short_key, words::{Classes, WordClass}};
    /// let key = short_key("monday").unwrap();
    /// assert_eq!(Classes::of_key(key), Classes::of("monday"));
    /// assert!(Classes::of_key(key).contains(WordClass::Days));
    /// ```
    #[inline]
    pub fn of_key(key: (u64, u64)) -> Classes {
        ClassLookup::get().of_key(key)
    }

    /// Whether `class` is in the set.
    #[inline]
    pub const fn contains(self, class: WordClass) -> bool {
        self.0 & class.set().0 != 0
    }

    /// Whether the two sets share a class.
    ///
    /// ```
    /// use newsnlp_text::words::{Classes, WordClass};
    /// assert!(!Classes::of("and").intersects(WordClass::Months.set()));
    /// ```
    #[inline]
    pub const fn intersects(self, other: Classes) -> bool {
        self.0 & other.0 != 0
    }

    /// The classes of both sets (`|` in a `const`).
    ///
    /// ```
    /// use newsnlp_text::words::{Classes, WordClass};
    /// const DAYS: Classes = WordClass::Days.set().union(WordClass::RelativeDays.set());
    /// assert!(Classes::of("monday").intersects(DAYS) && Classes::of("today").intersects(DAYS));
    /// ```
    #[inline]
    pub const fn union(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }

    /// Whether the set is empty.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set as bits: bit `k` is `WordClass::ALL[k]`.
    ///
    /// ```
    /// use newsnlp_text::words::{Classes, WordClass};
    /// assert_eq!(WordClass::SubjectPronouns.set().bits(), 1);
    /// ```
    #[inline]
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// The classes in the set, in the order of [`WordClass::ALL`].
    ///
    /// ```
    /// use newsnlp_text::words::{Classes, WordClass};
    /// let c: Vec<WordClass> = Classes::of("describing").iter().collect();
    /// assert_eq!(c, [WordClass::NamingVerbs]);
    /// ```
    pub fn iter(self) -> impl Iterator<Item = WordClass> {
        WordClass::ALL
            .iter()
            .copied()
            .filter(move |&c| self.contains(c))
    }
}

impl BitOr for Classes {
    type Output = Classes;
    #[inline]
    fn bitor(self, rhs: Classes) -> Classes {
        Classes(self.0 | rhs.0)
    }
}

impl BitOrAssign for Classes {
    #[inline]
    fn bitor_assign(&mut self, rhs: Classes) {
        self.0 |= rhs.0;
    }
}

impl BitAnd for Classes {
    type Output = Classes;
    #[inline]
    fn bitand(self, rhs: Classes) -> Classes {
        Classes(self.0 & rhs.0)
    }
}

impl From<WordClass> for Classes {
    #[inline]
    fn from(c: WordClass) -> Classes {
        c.set()
    }
}

/// Every listed word by its [`short_key`], with its classes: an
/// open-addressing table (linear probing, under half full) whose lookup is
/// a multiply, a shift and an integer compare or two, behind a filter on
/// the first byte that turns away punctuation and digits at once. Words
/// of sections that name no class are skipped (the tests rule them out),
/// and so are words longer than [`SHORT`] bytes (none is).
#[derive(Debug)]
pub(crate) struct ClassLookup {
    /// (key, classes); an empty slot has key `(0, 0)`, which no word has
    /// (its length is in the key's top byte).
    slots: Vec<((u64, u64), Classes)>,
    /// Bit `b` of word `b / 64`: some listed word starts with byte `b`.
    first: [u64; 4],
}

static LOOKUP: LazyLock<ClassLookup> = LazyLock::new(|| {
    let mut words: FastMap<(u64, u64), Classes> = FastMap::default();
    for line in data::lines(WORDS) {
        let class = line.section.and_then(WordClass::from_section);
        if let (Some(class), Some(key)) = (class, short_key(line.text)) {
            *words.entry(key).or_default() |= class.set();
        }
    }
    let size = (words.len() * 2 + 1).next_power_of_two();
    let mut lookup = ClassLookup {
        slots: vec![((0, 0), Classes::EMPTY); size],
        first: [0; 4],
    };
    for (key, classes) in words {
        let mut at = lookup.home(key);
        while lookup.slots[at].0 != (0, 0) {
            at = (at + 1) & (size - 1);
        }
        lookup.slots[at] = (key, classes);
        let b = key.0 as u8;
        lookup.first[usize::from(b >> 6)] |= 1 << (b & 63);
    }
    lookup
});

impl ClassLookup {
    /// The lookup of the embedded data file.
    #[inline]
    pub(crate) fn get() -> &'static ClassLookup {
        &LOOKUP
    }

    /// The home slot of `key`.
    #[inline]
    fn home(&self, (k0, k1): (u64, u64)) -> usize {
        let h = (k0 ^ k1.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        ((h ^ (h >> 31)) as usize) & (self.slots.len() - 1)
    }

    /// The classes of the word with [`short_key`] `key`.
    #[inline]
    pub(crate) fn of_key(&self, key: (u64, u64)) -> Classes {
        let b = key.0 as u8;
        if self.first[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
            return Classes::EMPTY;
        }
        let mask = self.slots.len() - 1;
        let mut at = self.home(key);
        // The table is under half full: a probe meets an empty slot soon.
        loop {
            match self.slots.get(at) {
                Some(&(k, c)) if k == key => return c,
                Some(&(k, _)) if k != (0, 0) => at = (at + 1) & mask,
                _ => return Classes::EMPTY,
            }
        }
    }
}

/// The longest word a class may hold, in bytes: [`SHORT`], so that every
/// word has a [`short_key`].
pub const MAX_WORD: usize = SHORT;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_is_a_class_and_every_class_has_words() {
        let mut sections: Vec<&str> = data::lines(WORDS).filter_map(|l| l.section).collect();
        sections.dedup();
        let names: Vec<&str> = WordClass::ALL.iter().map(|c| c.section()).collect();
        assert_eq!(sections, names);
        assert!(WordClass::ALL.len() <= 64);
        for &c in WordClass::ALL {
            assert!(c.words().next().is_some(), "{c}");
            assert_eq!(WordClass::from_section(c.section()), Some(c));
        }
    }

    #[test]
    fn every_word_found_with_its_class() {
        for line in data::lines(WORDS) {
            let w = line.text;
            assert_eq!(w, w.to_lowercase(), "line {}", line.number);
            assert!(w.len() <= MAX_WORD, "line {}", line.number);
            let class = line.section.and_then(WordClass::from_section);
            let class = class.unwrap_or_else(|| panic!("line {}", line.number));
            assert!(Classes::of(w).contains(class), "{w} {class}");
            assert_eq!(
                Classes::of_any_case(&w.to_uppercase()),
                Classes::of(w),
                "{w}"
            );
            // Near misses are in no class of this word's.
            for other in [format!("{w}x"), format!("x{w}"), w.to_uppercase()] {
                let listed = data::lines(WORDS).any(|l| l.text == other);
                assert!(listed || Classes::of(&other).is_empty(), "{other}");
            }
        }
    }

    #[test]
    fn words_not_listed_have_no_class() {
        for w in [
            "",
            "table",
            "said.",
            "thee",
            "a ",
            "mondays",
            "representatives1",
        ] {
            assert!(Classes::of(w).is_empty(), "{w}");
        }
        assert!(Classes::of("abcdefghijklmnopq").is_empty());
    }

    #[test]
    fn the_two_determiner_lists_stay_apart() {
        assert_eq!(WordClass::Determiners.words().count(), 32);
        assert_eq!(WordClass::NpDeterminers.words().count(), 21);
        for w in WordClass::NpDeterminers.words() {
            assert!(Classes::of(w).contains(WordClass::Determiners), "{w}");
        }
    }

    #[test]
    fn set_operations() {
        let a = WordClass::Of.set() | WordClass::AndOr.set();
        assert!(a.contains(WordClass::Of) && a.contains(WordClass::AndOr));
        assert_eq!(a & WordClass::Of.set(), WordClass::Of.set());
        let mut b = Classes::EMPTY;
        b |= WordClass::Months.into();
        assert_eq!(b.iter().collect::<Vec<_>>(), [WordClass::Months]);
        assert!(Classes::of("may").contains(WordClass::Months));
        assert!(Classes::of("may").contains(WordClass::Finite));
    }
}
