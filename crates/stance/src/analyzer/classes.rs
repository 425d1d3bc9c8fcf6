//! The closed word classes the rules stop at, and their per-token bits.
//!
//! Determiners ("the", "their"), clause words ("that", "because"),
//! pronouns, prepositions, auxiliaries, copulas ("was", "remains"), finite
//! verbs, naming verbs ("described ... as"), anaphors ("it", "this") and
//! irregular past forms ("said", "did"): in "Lavrov said that the meeting
//! was productive", "said" is `IRREG`, "that" `PRON | CLAUSE | ANAPHOR`,
//! "the" `DET`, "was" `FIN | COP | AUX`. [`Doc`](super::doc::Doc) reads each
//! token's bits once from the [`ClassTable`], so the rules test bits instead
//! of comparing strings.

use std::sync::LazyLock;

use crate::lexicon::{WordFilter, WordList};
use crate::verbs::STANCE_LEXICON;

/// Verbs that name their object as something ("described the talks as
/// constructive", "called the veto a shameful act").
const NAMING: WordList = WordList::new(&[
    "describe",
    "describes",
    "described",
    "describing",
    "call",
    "calls",
    "called",
    "calling",
    "label",
    "labels",
    "labeled",
    "labelled",
    "brand",
    "brands",
    "branded",
    "dub",
    "dubs",
    "dubbed",
    "term",
    "terms",
    "termed",
]);

// Closed classes of English function words the noun-phrase rules stop at.
// They are grammar, not vocabulary, so they live here rather than in data/.
const DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "this", "these", "those", "our", "their", "his", "her", "its", "my", "your",
    "both", "all", "some", "any", "every", "each", "another", "such",
]);
const CLAUSE_WORDS: WordList = WordList::new(&[
    "that", "which", "who", "whom", "whose", "whether", "if", "because", "while", "although",
    "though", "when", "where", "since", "as", "and", "but", "or", "nor", "so", "than", "after",
    "before", "until", "unless", "then", "what", "how", "why", "once",
]);
pub(super) const PRONOUNS: WordList = WordList::new(&[
    "i", "we", "you", "he", "she", "they", "it", "there", "me", "us", "him", "them", "this",
    "that", "these", "those", "one", "who", "which",
]);
const PREPOSITIONS: WordList = WordList::new(&[
    "over",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "to",
    "about",
    "against",
    "by",
    "during",
    "after",
    "before",
    "into",
    "onto",
    "regarding",
    "concerning",
    "between",
    "among",
    "through",
    "under",
    "across",
    "toward",
    "towards",
    "since",
    "until",
    "as",
    "than",
    "via",
    "without",
    "within",
    "despite",
    "amid",
    "upon",
    "like",
    "off",
    "out",
    "up",
    "down",
]);
const AUXILIARIES: WordList = WordList::new(&[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "cannot",
    "ought",
    "need",
    "needs",
    "needed",
    "to",
    "not",
    "never",
    "also",
    "still",
    "already",
    "now",
    "just",
    "only",
    "no",
    "longer",
    "even",
    "really",
    "clearly",
    "certainly",
    "got",
    "both",
    "all",
    "each",
]);
const COPULAS: WordList = WordList::new(&[
    "is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained", "seem",
    "seems", "seemed", "look", "looks", "looked", "become", "becomes", "became",
]);
const FINITE: WordList = WordList::new(&[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "must", "may", "might", "do", "does", "did", "cannot",
]);
pub(super) const ANAPHORS: WordList =
    WordList::new(&["it", "this", "that", "them", "these", "those"]);
const IRREGULAR_PAST: WordList = WordList::new(&[
    "said", "told", "thought", "knew", "sought", "fought", "held", "kept", "stood", "did", "made",
]);

// Per-token class bits (see `Doc::class`), read once per document so the
// rules test bits instead of comparing strings. The first eleven are the
// closed word lists above (and "of", "and"/"or") of the lowercased word.
pub(super) const DET: u16 = 1 << 0;
pub(super) const PRON: u16 = 1 << 1;
pub(super) const PREP: u16 = 1 << 2;
pub(super) const FIN: u16 = 1 << 3;
pub(super) const CLAUSE: u16 = 1 << 4;
pub(super) const COP: u16 = 1 << 5;
pub(super) const AUX: u16 = 1 << 6;
pub(super) const NAME: u16 = 1 << 7;
pub(super) const ANAPHOR: u16 = 1 << 8;
pub(super) const IRREG: u16 = 1 << 9;
pub(super) const OF: u16 = 1 << 10;
pub(super) const AND_OR: u16 = 1 << 11;
/// The token has a word (see [`Doc::word`](super::doc::Doc::word)).
pub(super) const WORD: u16 = 1 << 12;
/// The token's first character is uppercase.
pub(super) const CAP: u16 = 1 << 13;
/// Some stance-lexicon form may start with the word (`may_start`).
pub(super) const MAY_START: u16 = 1 << 14;

/// Where a lowercased word's entries are in a [`ClassTable`]: by its length
/// (below 16), first and last letters (`a`-`z`), or `None` for a word that
/// does not fit the scheme.
#[inline]
fn class_slot(w: &str) -> Option<usize> {
    let (len, first, last) = WordFilter::slot(w)?;
    Some(len * 676 + first * 26 + last as usize)
}

/// The closed-class bits of the words of the closed lists, by the
/// [`class_slot`] of the word: most other words find no entry, and the rest
/// compare a word or two, without hashing.
pub(super) struct ClassTable {
    /// Per slot: the start of its entries (the next slot's start ends them).
    starts: Vec<u32>,
    /// Per slot: `MAY_START` when some stance-lexicon form may start with
    /// a word of the slot.
    slot_bits: Vec<u16>,
    /// (word, bits), ordered by slot.
    entries: Vec<(&'static str, u16)>,
    /// Words that fit no slot (none of today's lists has any).
    odd: Vec<(&'static str, u16)>,
}

/// The closed word lists of the class table, with their bits.
const CLASS_LISTS: [(&WordList, u16); 10] = [
    (&DETERMINERS, DET),
    (&PRONOUNS, PRON),
    (&PREPOSITIONS, PREP),
    (&FINITE, FIN),
    (&CLAUSE_WORDS, CLAUSE),
    (&COPULAS, COP),
    (&AUXILIARIES, AUX),
    (&NAMING, NAME),
    (&ANAPHORS, ANAPHOR),
    (&IRREGULAR_PAST, IRREG),
];

impl ClassTable {
    fn build() -> Self {
        let mut all: Vec<(&'static str, u16)> = CLASS_LISTS
            .iter()
            .flat_map(|&(list, bit)| list.words().iter().map(move |&w| (w, bit)))
            .chain([("of", OF), ("and", AND_OR), ("or", AND_OR)])
            .collect();
        all.sort_unstable();
        let mut merged: Vec<(&'static str, u16)> = Vec::with_capacity(all.len());
        for (w, bit) in all {
            match merged.last_mut() {
                Some(last) if last.0 == w => last.1 |= bit,
                _ => merged.push((w, bit)),
            }
        }
        let (mut entries, odd): (Vec<_>, Vec<_>) = merged
            .into_iter()
            .partition(|(w, _)| class_slot(w).is_some());
        entries.sort_by_key(|(w, _)| class_slot(w));
        let slots = 16 * 676;
        let mut starts = vec![0u32; slots + 1];
        for (w, _) in &entries {
            if let Some(s) = class_slot(w) {
                starts[s + 1] += 1;
            }
        }
        for s in 0..slots {
            starts[s + 1] += starts[s];
        }
        // The slots a stance-lexicon form may start in (indexes as in
        // `class_slot`).
        let lex = &*STANCE_LEXICON;
        let mut slot_bits = vec![0u16; slots];
        for len in 1..16 {
            for first in 0..26 {
                for last in 0..26u32 {
                    if lex.may_start_slot(len, first, last)
                        && let Some(b) = slot_bits.get_mut(len * 676 + first * 26 + last as usize)
                    {
                        *b = MAY_START;
                    }
                }
            }
        }
        ClassTable {
            starts,
            slot_bits,
            entries,
            odd,
        }
    }

    /// The closed-class bits of the lowercased word `w`, and `MAY_START`
    /// when some stance-lexicon form may start with it.
    #[inline]
    pub(super) fn bits(&self, w: &str) -> u16 {
        let b = w.as_bytes();
        let mut start = 0;
        let found = match class_slot(w) {
            Some(s) => {
                start = self.slot_bits.get(s).copied().unwrap_or(0);
                let lo = self.starts.get(s).copied().unwrap_or(0) as usize;
                let hi = self.starts.get(s + 1).copied().unwrap_or(0) as usize;
                self.entries
                    .get(lo..hi)
                    .unwrap_or_default()
                    .iter()
                    .find(|(e, _)| e.as_bytes() == b)
            }
            None => {
                if STANCE_LEXICON.may_start(w) {
                    start = MAY_START;
                }
                self.odd.iter().find(|(e, _)| *e == w)
            }
        };
        start | found.map_or(0, |&(_, bits)| bits)
    }
}

pub(super) static CLASSES: LazyLock<ClassTable> = LazyLock::new(ClassTable::build);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_table_knows_every_closed_word() {
        let t = &*CLASSES;
        for (list, bit) in CLASS_LISTS {
            for w in list.words() {
                assert!(t.bits(w) & bit != 0, "{w}");
            }
        }
        assert_eq!(t.bits("of"), OF);
        assert_eq!(
            t.bits("that") & (PRON | CLAUSE | ANAPHOR),
            PRON | CLAUSE | ANAPHOR
        );
        for w in ["", "talks", "The", "u.s.", "2019", "thes", "ofx"] {
            assert_eq!(t.bits(w) & !MAY_START, 0, "{w}");
        }
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
            assert_eq!(t.bits(w) & MAY_START != 0, lex.may_start(w), "{w}");
        }
    }
}
