//! The quotes layer's own word table: reporting verbs with their
//! inflections (`data/cue_verbs.txt`) and the few words at which a cue rule
//! of its own starts ([`CUE_TRIGGERS`]); and, as named [`Classes`], the
//! closed word classes of the shared `newsnlp_text` word file that the
//! attribution rules test.
//!
//! Every cue form has one [`Word`] entry (its cue forms, whether it is a
//! lemma, whether it triggers a rule), found in a [`ShortTable`] by the
//! word's [`short_key`] (no string hashing, no `memcmp`), after a cheap
//! prefilter (one bit of a 4096-bit filter, by a multiply of the key),
//! which turns away most words of a text; the few longer words are in a
//! [`FastMap`]. The word classes are the shared table's
//! ([`newsnlp_text::Table::classes`]): this lexicon no longer holds them.

use newsnlp_text::data;
use newsnlp_text::hash::{FastMap, short_key};
use newsnlp_text::short::ShortTable;
use newsnlp_text::words::{Classes, WordClass};

const CUE_VERBS: &str = include_str!("../data/cue_verbs.txt");
/// The word lists of the layer's own patterns (`[section]`s).
const PATTERN_WORDS: &str = include_str!("../data/pattern_words.txt");

/// How strongly a reporting verb signals an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum CueClass {
    /// A speech act: "said", "told", "insisted".
    Speech,
    /// Belief, intention or evaluation: "thinks", "wants", "criticized".
    Belief,
    /// A cue only before a that-clause, a colon or a quotation.
    Weak,
}

/// One inflected form of a reporting verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CueForm {
    pub class: CueClass,
    /// The "-ing" form ("saying"), which opens participial clauses.
    pub ing: bool,
    /// The lemma's index in [`Lexicon::lemmas`].
    pub lemma: u32,
    /// A particle that must follow ("point out", "call for"), if any.
    pub particle: Option<String>,
}

/// What the table knows of one lower-cased word.
#[derive(Clone, Debug, Default)]
pub(crate) struct Word {
    /// Whether it is one of the [`CUE_TRIGGERS`].
    pub trigger: bool,
    /// The cue forms it may be.
    pub forms: Vec<CueForm>,
    /// Whether one of its forms is its verb's lemma ("say", "think").
    pub base: bool,
    /// The sections of `data/pattern_words.txt` it is in.
    pub marks: PatternWords,
}

/// The sections of `data/pattern_words.txt`, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct PatternWords(u16);

impl PatternWords {
    /// "including", "according": an "-ing" word that opens no aside.
    pub const ASIDE_NOT_PARTICIPLE: PatternWords = PatternWords(1);
    /// "so-called", "dubbed": a quoted term after it is named, not quoted.
    pub const SCARE_MARKERS: PatternWords = PatternWords(2);
    /// "comment", "elaborate": "declined to comment" reports nothing.
    pub const NO_COMMENT: PatternWords = PatternWords(4);
    /// "as", "while": after a comma in an attribution's tail, an aside of
    /// the writer, not reported words.
    pub const TAIL_ASIDES: PatternWords = PatternWords(8);
    /// "those", "many": a source opened by one takes a base-form cue
    /// ("those close to him say").
    pub const PLURAL_QUANTIFIERS: PatternWords = PatternWords(16);
    /// "just", "there", "however": an adverb between a source and its cue.
    pub const SOURCE_CUE_ADVERBS: PatternWords = PatternWords(32);
    /// "family", "rally": "-ly" words that are no adverbs.
    pub const LY_WORDS: PatternWords = PatternWords(64);
    /// "while", "although": a sentence opened by one starts with a
    /// subordinate clause, which a comma closes.
    pub const SUBORDINATORS: PatternWords = PatternWords(128);
    /// "skeptical", "wary": an adjective of attitude whose complement
    /// ("that C", "about C", "of C") is what its subject holds.
    pub const ATTITUDE_ADJECTIVES: PatternWords = PatternWords(256);
    /// "belief", "claim": a noun of attitude or of saying whose
    /// "that"-clause is what it holds.
    pub const ATTITUDE_NOUNS: PatternWords = PatternWords(512);
    /// "proposal", "refusal": a noun of intention whose "to"-infinitive
    /// after a possessive is what its owner intends.
    pub const INTENTION_NOUNS: PatternWords = PatternWords(1024);
    /// "attacks", "criticism": a noun of saying whose object after a
    /// preposition, after a possessive, is what its owner says.
    pub const OBJECT_NOUNS: PatternWords = PatternWords(2048);

    /// The words of attitude, adjectives and nouns (of intention too).
    pub const ATTITUDE: PatternWords = Self::ATTITUDE_ADJECTIVES
        .or(Self::ATTITUDE_NOUNS)
        .or(Self::INTENTION_NOUNS)
        .or(Self::OBJECT_NOUNS);

    /// The bit of a section by its name.
    fn of_section(name: &str) -> Option<PatternWords> {
        match name {
            "aside_not_participle" => Some(Self::ASIDE_NOT_PARTICIPLE),
            "scare_markers" => Some(Self::SCARE_MARKERS),
            "no_comment" => Some(Self::NO_COMMENT),
            "tail_asides" => Some(Self::TAIL_ASIDES),
            "plural_quantifiers" => Some(Self::PLURAL_QUANTIFIERS),
            "source_cue_adverbs" => Some(Self::SOURCE_CUE_ADVERBS),
            "ly_words" => Some(Self::LY_WORDS),
            "subordinators" => Some(Self::SUBORDINATORS),
            "attitude_adjectives" => Some(Self::ATTITUDE_ADJECTIVES),
            "attitude_nouns" => Some(Self::ATTITUDE_NOUNS),
            "intention_nouns" => Some(Self::INTENTION_NOUNS),
            "object_nouns" => Some(Self::OBJECT_NOUNS),
            _ => None,
        }
    }

    /// The union of two sets of sections.
    pub const fn or(self, other: PatternWords) -> PatternWords {
        PatternWords(self.0 | other.0)
    }

    /// Whether any bit of `other` is set here.
    pub fn has(self, other: PatternWords) -> bool {
        self.0 & other.0 != 0
    }
}

/// The cue table, built once per extractor.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    /// Every word the tables know, with what they know of it.
    entries: Vec<Word>,
    /// Words of at most [`SHORT`] bytes, to their index in `entries`.
    short: ShortTable,
    /// Longer words, to their index in `entries`.
    long: FastMap<String, u32>,
    pub lemmas: Vec<String>,
    /// The longest word, in bytes.
    max_len: usize,
    /// Bit `f % 64` of word `f / 64` is set when some short word's key
    /// has filter index `f` ([`filter_index`]).
    filter: [u64; FILTER_WORDS],
}

/// The words of the prefilter (4096 bits: with the ~800 cue forms, about
/// one word in six that is none gets past it).
const FILTER_WORDS: usize = 64;

/// The prefilter bit of `key`: the top 12 bits of a multiply.
#[inline]
fn filter_index((k0, k1): (u64, u64)) -> usize {
    ((k0 ^ k1.rotate_left(17)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize
}

fn parse_class(c: &str) -> Option<CueClass> {
    match c {
        "S" => Some(CueClass::Speech),
        "B" => Some(CueClass::Belief),
        "W" => Some(CueClass::Weak),
        _ => None,
    }
}

impl Lexicon {
    pub fn embedded() -> Lexicon {
        let mut lex = Lexicon {
            entries: Vec::new(),
            short: ShortTable::new(),
            long: FastMap::default(),
            lemmas: Vec::new(),
            max_len: 0,
            filter: [0; FILTER_WORDS],
        };
        for line in data::lines(CUE_VERBS) {
            lex.add_verb_line(line.text);
        }
        for w in CUE_TRIGGERS {
            lex.entry(w.to_string()).trigger = true;
        }
        for line in data::lines(PATTERN_WORDS) {
            if let Some(bit) = line.section.and_then(PatternWords::of_section) {
                let entry = lex.entry(line.text.to_string());
                entry.marks.0 |= bit.0;
                // The words of attitude start a rule of their own
                // (`Ctx::attitude`), as the cue triggers do.
                entry.trigger |= bit.has(PatternWords::ATTITUDE);
            }
        }
        lex
    }

    /// The entry of `word`, made empty if it is new.
    fn entry(&mut self, word: String) -> &mut Word {
        let at = match self.index(&word) {
            Some(at) => at,
            None => {
                let at = self.entries.len() as u32;
                self.entries.push(Word::default());
                self.max_len = self.max_len.max(word.len());
                if let Some(key) = short_key(&word) {
                    let f = filter_index(key);
                    self.filter[f / 64] |= 1 << (f % 64);
                }
                if !self.short.insert(&word, at) {
                    self.long.insert(word, at);
                }
                at
            }
        };
        &mut self.entries[at as usize]
    }

    /// Where `word` is in `entries`.
    fn index(&self, word: &str) -> Option<u32> {
        match short_key(word) {
            Some(key) => self.short.get_key(key),
            None => self.long.get(word).copied(),
        }
    }

    /// Adds one line of the verb table format: `CLASS LEMMA FORMS... [+PARTICLE]`.
    pub fn add_verb_line(&mut self, line: &str) {
        let mut parts = line.split_whitespace();
        let Some(class) = parts.next().and_then(parse_class) else {
            return;
        };
        let words: Vec<&str> = parts.collect();
        let particle = words
            .iter()
            .find_map(|w| w.strip_prefix('+'))
            .map(str::to_lowercase);
        let forms: Vec<&str> = words.into_iter().filter(|w| !w.starts_with('+')).collect();
        let Some(first) = forms.first() else {
            return;
        };
        // "state!": the lemma is mostly a noun and is not a cue form itself.
        let lemma = first.trim_end_matches('!');
        let skip = usize::from(lemma.len() != first.len());
        let id = self.lemmas.len() as u32;
        let lemma_lower = lemma.to_lowercase();
        for f in &forms[skip..] {
            let f = f.to_lowercase();
            let ing = f.ends_with("ing") && !lemma.ends_with("ing");
            let base = f == lemma_lower;
            let entry = self.entry(f);
            let form = CueForm {
                class,
                ing,
                lemma: id,
                particle: particle.clone(),
            };
            if !entry.forms.contains(&form) {
                entry.forms.push(form);
            }
            entry.base |= base;
        }
        self.lemmas.push(lemma_lower);
    }

    /// The entry of a lower-cased word, if the tables have one.
    #[inline]
    pub fn word(&self, lower: &str) -> Option<&Word> {
        if lower.len() > self.max_len {
            return None;
        }
        match short_key(lower) {
            Some(key) => self.word_by_key(key),
            None => self.entries.get(*self.long.get(lower)? as usize),
        }
    }

    /// The entry of the lower-cased word whose [`short_key`] is `key`: the
    /// same as [`Lexicon::word`] without reading the bytes again.
    #[inline]
    pub fn word_by_key(&self, key: (u64, u64)) -> Option<&Word> {
        let f = filter_index(key);
        if self
            .filter
            .get(f / 64)
            .is_none_or(|w| w & (1 << (f % 64)) == 0)
        {
            return None;
        }
        self.entries.get(self.short.get_key(key)? as usize)
    }

    /// The cue forms a word may be (lower-cased lookup).
    #[cfg(test)]
    pub fn cue(&self, lower: &str) -> &[CueForm] {
        self.word(lower).map_or(&[], |w| w.forms.as_slice())
    }
}

// The word classes the rules test, by the names the rules use.
pub(crate) const SUBJECT_PRONOUNS: Classes = WordClass::SubjectPronouns.set();
pub(crate) const DETERMINERS: Classes = WordClass::Determiners.set();
pub(crate) const STOP: Classes = WordClass::Stop.set();
pub(crate) const AUX: Classes = WordClass::Aux.set();
pub(crate) const TELL_OBJECTS: Classes = WordClass::TellObjects.set();
pub(crate) const TIME: Classes = WordClass::Time.set();
pub(crate) const TITLES: Classes = WordClass::Titles.set();
pub(crate) const MALE_TITLES: Classes = WordClass::MaleTitles.set();
pub(crate) const FEMALE_TITLES: Classes = WordClass::FemaleTitles.set();
pub(crate) const PLURAL_SOURCES: Classes = WordClass::PluralSources.set();
pub(crate) const EVIDENCE_SOURCES: Classes = WordClass::EvidenceSources.set();
pub(crate) const AUTHORED_HEADS: Classes = WordClass::AuthoredHeads.set();
pub(crate) const TIME_NOUNS: Classes = WordClass::TimeNouns.set();
pub(crate) const SOURCE_HEADS: Classes = WordClass::SourceHeads.set();
pub(crate) const INTRO_WORDS: Classes = WordClass::IntroWords.set();
pub(crate) const SUBJECT_VERBS: Classes = WordClass::SubjectVerbs.set();
pub(crate) const SENTENCE_ADVERBS: Classes = WordClass::SentenceAdverbs.set();
pub(crate) const TELL_VERBS: Classes = WordClass::TellVerbs.set();
pub(crate) const TAIL_WORDS: Classes = WordClass::TailWords.set();
pub(crate) const PLURAL_HEADS: Classes = WordClass::PluralHeads.set();
pub(crate) const COLON_LABELS: Classes = WordClass::ColonLabels.set();
pub(crate) const QUESTION_WORDS: Classes = WordClass::QuestionWords.set();
pub(crate) const SEEM_COMPLEMENTS: Classes = WordClass::SeemComplements.set();
pub(crate) const LEAD_ADVERBS: Classes = WordClass::LeadAdverbs.set();
pub(crate) const CLAUSE_BREAKS: Classes = WordClass::ClauseBreaks.set();
pub(crate) const PROGRESSIVE_AUX: Classes = WordClass::ProgressiveAux.set();
pub(crate) const PASSIVE_AUX: Classes = WordClass::PassiveAux.set();
/// The stance rules' prepositions: an adverbial after a comma ends an
/// inverted source ("said Jane Roe, **in** a statement").
pub(crate) const PREPOSITIONS: Classes = WordClass::Prepositions.set();
/// The weekdays and the days around today ("on Monday", "yesterday").
pub(crate) const DAYS: Classes = WordClass::Days.set().union(WordClass::RelativeDays.set());
pub(crate) const MONTHS: Classes = WordClass::Months.set();
/// "called", "dubbed": verbs that name their object.
pub(crate) const NAMING_VERBS: Classes = WordClass::NamingVerbs.set();

/// The words `Ctx::trigger_at` compares with before it looks at cue forms ("in
/// a poll by …", "asked whether", "seems to", "according to"); keep the two
/// in step.
const CUE_TRIGGERS: [&str; 9] = [
    "in",
    "asked",
    "seem",
    "seems",
    "seemed",
    "appear",
    "appears",
    "appeared",
    "according",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        let lex = Lexicon::embedded();
        assert_eq!(lex.cue("said")[0].class, CueClass::Speech);
        assert!(lex.cue("saying")[0].ing);
        assert!(
            lex.cue("pointed")
                .iter()
                .any(|f| f.particle.as_deref() == Some("out"))
        );
        assert!(lex.cue("table").is_empty());
        assert!(lex.cue("state").is_empty());
        assert_eq!(lex.lemmas[lex.cue("stated")[0].lemma as usize], "state");
        assert!(lex.word("and").is_none());
        assert!(lex.word("").is_none());
        assert!(Classes::of("thursday").intersects(DAYS));
        assert!(Classes::of("tonight").intersects(DAYS));
        assert!(!Classes::of("tonight").intersects(SUBJECT_VERBS));
        assert!(lex.word("said").is_some_and(|w| !w.base));
        assert!(lex.word("say").is_some_and(|w| w.base));
    }

    #[test]
    fn every_word_found() {
        let mut lex = Lexicon::embedded();
        lex.add_verb_line("S overcompartmentalize overcompartmentalized");
        let mut forms: Vec<String> = data::lines(CUE_VERBS)
            .flat_map(|l| l.text.split_whitespace().skip(1))
            .filter(|w| !w.starts_with('+') && !w.ends_with('!'))
            .map(str::to_lowercase)
            .collect();
        forms.push("overcompartmentalized".into());
        for f in &forms {
            let e = lex.word(f).unwrap_or_else(|| panic!("{f}"));
            assert!(!e.forms.is_empty(), "{f}");
            // Near misses are other entries or none.
            for other in [
                format!("{f}x"),
                f[..f.len() - 1].to_string(),
                format!("x{f}"),
            ] {
                assert!(
                    lex.word(&other).is_none_or(|o| !std::ptr::eq(o, e)),
                    "{other}"
                );
            }
        }
        for f in &forms {
            let Some(key) = short_key(f) else { continue };
            let by_key = lex.word_by_key(key);
            assert!(std::ptr::eq(by_key.unwrap(), lex.word(f).unwrap()), "{f}");
        }
        assert!(lex.word_by_key((0, 0)).is_none());
        for w in CUE_TRIGGERS {
            assert!(lex.word(w).is_some_and(|e| e.trigger), "{w}");
        }
        assert!(lex.word("said").is_some_and(|e| !e.trigger));
        assert!(lex.word("overcompartmentalize").is_some_and(|w| w.base));
        assert!(lex.word("overcompartmentalized").is_some_and(|w| !w.base));
        assert!(lex.word("x").is_none());
    }
}
