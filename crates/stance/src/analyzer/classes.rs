//! The closed word classes the rules stop at, and their per-token bits.
//!
//! Determiners ("the", "their"), clause words ("that", "because"),
//! pronouns, prepositions, auxiliaries, copulas ("was", "remains"), finite
//! verbs, naming verbs ("described ... as"), anaphors ("it", "this") and
//! irregular past forms ("said", "did"): in "Lavrov said that the meeting
//! was productive", "said" is `IRREG`, "that" `PRON | CLAUSE | ANAPHOR`,
//! "the" `DET`, "was" `FIN | COP | AUX`.
//!
//! The words are the stance sections of the shared word-class file
//! (`crates/text/data/words.txt`, read through [`newsnlp_text::words`]):
//! the document's [`Table`](newsnlp_text::Table) holds each token's
//! [`Classes`], and [`word_bits`] turns them, with the table's capital
//! and wordlike flags, into the `u16` the rules test, once per token
//! ([`Doc`](super::doc::Doc), which adds the stance-only `MAY_START` from
//! its one lookup of the word in the stance lexicon).

use newsnlp_text::words::{Classes, WordClass};

#[cfg(test)]
use crate::verbs::StanceLexicon;

/// The bit of the first stance class in a [`Classes`] set: the stance
/// sections follow one another in the data file, so their bits fit a
/// `u16` shifted down by this much (checked below, at compile time).
const SHIFT: u32 = WordClass::NpDeterminers.set().bits().trailing_zeros();

/// The rules' bit of `class`, a stance section of the data file.
const fn bit(class: WordClass) -> u16 {
    let b = class.set().bits() >> SHIFT;
    // A stance section outside the twelve bits of the block: a compile
    // error, not a silently wrong bit.
    assert!(
        b != 0 && b < 1 << 12,
        "stance word classes must be contiguous"
    );
    b as u16
}

/// The rules' bits of the stance sections: one constant each, the set of
/// them (`STANCE_CLASSES`) and, for the tests, each with its section.
macro_rules! rule_classes {
    ($($(#[$doc:meta])* $name:ident = $class:ident,)*) => {
        $($(#[$doc])* pub(super) const $name: u16 = bit(WordClass::$class);)*

        /// The word-class bits of the stance sections.
        const STANCE_CLASSES: u16 = 0 $(| $name)*;

        /// Each rule bit and the section it stands for.
        #[cfg(test)]
        const SECTIONS: &[(u16, WordClass)] = &[$(($name, WordClass::$class),)*];
    };
}

// Per-token class bits (see `Doc::class`), read once per document so the
// rules test bits instead of comparing strings. The first twelve are the
// stance sections of the word-class file, of the lowercased word.
rule_classes! {
    /// Determiners inside a noun phrase (`np_determiners`).
    DET = NpDeterminers,
    /// Pronouns (`np_pronouns`).
    PRON = NpPronouns,
    /// Prepositions (`prepositions`).
    PREP = Prepositions,
    /// Finite auxiliaries (`finite`).
    FIN = Finite,
    /// Clause words (`clause_words`).
    CLAUSE = ClauseWords,
    /// Copulas (`copulas`).
    COP = Copulas,
    /// The words of a verb group (`verb_group_words`).
    AUX = VerbGroupWords,
    /// Naming verbs (`naming_verbs`).
    NAME = NamingVerbs,
    /// Anaphors (`anaphors`).
    ANAPHOR = Anaphors,
    /// Irregular past forms (`irregular_past`).
    IRREG = IrregularPast,
    /// "of".
    OF = Of,
    /// "and", "or".
    AND_OR = AndOr,
}
/// The token has a word (see [`Doc::word`](super::doc::Doc::word)).
pub(super) const WORD: u16 = 1 << 12;
/// The token's first character is uppercase.
pub(super) const CAP: u16 = 1 << 13;
/// Some stance-lexicon form may start with the word
/// ([`StanceLexicon::may_start`]): stance's own bit, not a word class.
/// [`Doc`](super::doc::Doc) keeps it only where one does.
pub(super) const MAY_START: u16 = 1 << 14;
/// A verb of causing or removing (`causing_verbs`, `removing_verbs`): a
/// thing judged by what it brings about or takes away.
pub(super) const EFFECT: u16 = 1 << 15;

/// The sections of [`EFFECT`].
const EFFECT_CLASSES: Classes = WordClass::CausingVerbs
    .set()
    .union(WordClass::RemovingVerbs.set());

/// The rules' bits of a token: its stance classes, `WORD` and `MAY_START`
/// when it has a word (`word`, lowercased, `’` as `'`), and `CAP`: what
/// [`Doc`](super::doc::Doc) makes of [`word_bits`] and its lookup.
#[cfg(test)]
pub(super) fn token_bits(
    classes: Classes,
    capitalized: bool,
    word: Option<&str>,
    lex: &StanceLexicon,
) -> u16 {
    let mut c = word_bits(classes, capitalized, word.is_some());
    if word.is_some_and(|w| lex.may_start(w)) {
        c |= MAY_START;
    }
    c
}

/// [`token_bits`] without `MAY_START`, for a caller that looks the word
/// up in the stance lexicon itself.
#[inline]
pub(super) fn word_bits(classes: Classes, capitalized: bool, word: bool) -> u16 {
    let mut c = if capitalized { CAP } else { 0 };
    if word {
        c |= WORD | ((classes.bits() >> SHIFT) as u16 & STANCE_CLASSES);
        if classes.intersects(EFFECT_CLASSES) {
            c |= EFFECT;
        }
    }
    c
}

/// One closed class of the data file, tested on a lowercased word (as
/// `<[&str]>::contains`): for the few rules that test a word, not a token.
pub(super) struct ClassWords(WordClass);

impl ClassWords {
    /// Whether `w` is one of the class's words.
    #[inline]
    pub(super) fn contains(&self, w: &&str) -> bool {
        Classes::of(w).contains(self.0)
    }
}

/// Pronouns, which are not targets by themselves (`np_pronouns`).
pub(super) const PRONOUNS: ClassWords = ClassWords(WordClass::NpPronouns);
/// Pronouns that point back ("it", "this"; `anaphors`).
pub(super) const ANAPHORS: ClassWords = ClassWords(WordClass::Anaphors);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verbs::STANCE_LEXICON;

    fn bits_of(w: &str) -> u16 {
        token_bits(Classes::of(w), false, Some(w), &STANCE_LEXICON)
    }

    #[test]
    fn every_closed_word_has_its_bit() {
        let all = SECTIONS.iter().fold(0, |a, &(b, _)| {
            assert_eq!(a & b, 0, "{b:#x} twice");
            a | b
        });
        assert_eq!(all, STANCE_CLASSES);
        assert_eq!(all & (WORD | CAP | MAY_START | EFFECT), 0);
        assert_eq!(SECTIONS.len(), 12);
        for &(bit, class) in SECTIONS {
            assert!(class.words().count() > 0, "{class}");
            for w in class.words() {
                assert!(bits_of(w) & bit != 0, "{w} {class}");
            }
        }
        assert_eq!(bits_of("of") & !MAY_START, OF | WORD);
        assert_eq!(
            bits_of("that") & (PRON | CLAUSE | ANAPHOR),
            PRON | CLAUSE | ANAPHOR
        );
        // Quotes' classes are not the rules' ("two" is a source determiner).
        assert_eq!(bits_of("two") & STANCE_CLASSES, 0);
        for w in ["", "talks", "The", "u.s.", "2019", "thes", "ofx"] {
            assert_eq!(bits_of(w) & STANCE_CLASSES, 0, "{w}");
        }
    }

    #[test]
    fn may_start_and_cap_and_word() {
        let lex = &*STANCE_LEXICON;
        for w in [
            "",
            "said",
            "wants",
            "condemned",
            "talks",
            "the",
            "u.s.",
            "2019",
            "zoë",
            "x",
        ] {
            assert_eq!(bits_of(w) & MAY_START != 0, lex.may_start(w), "{w}");
        }
        // A token without a word has no class bits, whatever its classes.
        assert_eq!(token_bits(Classes::of("the"), true, None, lex), CAP);
        assert_eq!(token_bits(Classes::EMPTY, false, None, lex), 0);
    }

    #[test]
    fn word_sets_read_the_data_file() {
        for w in WordClass::NpPronouns.words() {
            assert!(PRONOUNS.contains(&w), "{w}");
        }
        for w in ["it", "this", "that", "them", "these", "those"] {
            assert!(ANAPHORS.contains(&w), "{w}");
        }
        for w in ["the", "It", "talks", ""] {
            assert!(!PRONOUNS.contains(&w) && !ANAPHORS.contains(&w), "{w}");
        }
    }
}
