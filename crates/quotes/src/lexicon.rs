//! The embedded word tables: reporting verbs with their inflections and the
//! small closed word classes the attribution rules use.
//!
//! Every word of the tables has one [`Word`] entry (its word classes as bits
//! and its cue forms), found in a [`ShortTable`] by the word's [`short_key`]
//! (no string hashing, no `memcmp`), after a cheap prefilter on the word's
//! length and first byte; the few longer words are in a [`FastMap`].

use newsnlp_text::data;
use newsnlp_text::hash::{FastMap, short_key};
use newsnlp_text::short::ShortTable;

const CUE_VERBS: &str = include_str!("../data/cue_verbs.txt");
const WORDS: &str = include_str!("../data/words.txt");

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

/// A set of word classes (sections of words.txt), one bit each.
pub(crate) type WordSet = u32;

/// What the tables know of one lower-cased word.
#[derive(Clone, Debug, Default)]
pub(crate) struct Word {
    /// The word classes it is in.
    pub sets: WordSet,
    /// The cue forms it may be.
    pub forms: Vec<CueForm>,
    /// Whether one of its forms is its verb's lemma ("say", "think").
    pub base: bool,
}

/// Words of at most this many bytes are found by their [`short_key`] in a
/// [`ShortTable`].
pub(crate) const SHORT: usize = newsnlp_text::hash::SHORT;

/// The high bit of every byte.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that is an ASCII capital, for `w`
/// without high bits: `b + 0x3f` reaches 0x80 from `A` on, `b + 0x25` from
/// past `Z` on, and no sum carries into the next byte.
pub(crate) fn upper_bits(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    w.wrapping_add(0x3f * ONES) & !w.wrapping_add(0x25 * ONES) & HIGH_BITS
}

/// The tables, built once per extractor.
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
    /// Bit `b % 64` of word `b / 64` is set when some word starts with byte `b`.
    first: [u64; 4],
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
            first: [0; 4],
        };
        for line in data::lines(CUE_VERBS) {
            lex.add_verb_line(line.text);
        }
        for line in data::lines(WORDS) {
            if let Some(bit) = line.section.and_then(section_bit) {
                lex.entry(line.text.to_lowercase()).sets |= bit;
            }
        }
        for w in CUE_TRIGGERS {
            lex.entry(w.to_string()).sets |= CUE_TRIGGER;
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
                if let Some(&b) = word.as_bytes().first() {
                    self.first[usize::from(b >> 6)] |= 1 << (b & 63);
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
        let b = *lower.as_bytes().first()?;
        if lower.len() > self.max_len || self.first[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
            return None;
        }
        self.entries.get(self.index(lower)? as usize)
    }

    /// The entry of the lower-cased word whose [`short_key`] is `key`: the
    /// same as [`Lexicon::word`] without reading the bytes again.
    #[inline]
    pub fn word_by_key(&self, key: (u64, u64)) -> Option<&Word> {
        let b = (key.0 & 0xff) as u8;
        let len = (key.1 >> 56) as usize;
        if len == 0 || len > self.max_len || self.first[usize::from(b >> 6)] & (1 << (b & 63)) == 0
        {
            return None;
        }
        self.entries.get(self.short.get_key(key)? as usize)
    }

    /// The entry of `text` lower-cased ([`str::to_lowercase`]), without
    /// allocating for a short ASCII word.
    pub fn word_ci(&self, text: &str) -> Option<&Word> {
        if text.is_ascii() {
            if text.len() > self.max_len {
                return None;
            }
            if let Some((k0, k1)) = short_key(text) {
                // ASCII: lowercased in the key, a capital gaining bit 5 (the
                // length in the top byte is no capital).
                let lower = |w: u64| w | (upper_bits(w) >> 2);
                return self.word_by_key((lower(k0), lower(k1)));
            }
        }
        self.word(&text.to_lowercase())
    }

    /// The cue forms a word may be (lower-cased lookup).
    #[cfg(test)]
    pub fn cue(&self, lower: &str) -> &[CueForm] {
        self.word(lower).map_or(&[], |w| w.forms.as_slice())
    }

    /// Whether `lower` is in the word class `set` (a section of words.txt).
    pub fn is(&self, set: WordSet, lower: &str) -> bool {
        self.word(lower).is_some_and(|w| w.sets & set != 0)
    }

    /// Whether `text` lower-cased is in the word class `set`.
    pub fn is_ci(&self, set: WordSet, text: &str) -> bool {
        self.word_ci(text).is_some_and(|w| w.sets & set != 0)
    }
}

pub(crate) const SUBJECT_PRONOUNS: WordSet = 1;
pub(crate) const DETERMINERS: WordSet = 1 << 1;
pub(crate) const STOP: WordSet = 1 << 2;
pub(crate) const AUX: WordSet = 1 << 3;
pub(crate) const TELL_OBJECTS: WordSet = 1 << 4;
pub(crate) const TIME: WordSet = 1 << 5;
pub(crate) const TITLES: WordSet = 1 << 6;
pub(crate) const MALE_TITLES: WordSet = 1 << 7;
pub(crate) const FEMALE_TITLES: WordSet = 1 << 8;
pub(crate) const PLURAL_SOURCES: WordSet = 1 << 9;
pub(crate) const FEMALE_NAMES: WordSet = 1 << 10;
pub(crate) const MALE_NAMES: WordSet = 1 << 11;
pub(crate) const EVIDENCE_SOURCES: WordSet = 1 << 12;
/// Not a section: the words other than cue forms at which
/// `Ctx::trigger_at` tries a pattern of its own ([`CUE_TRIGGERS`]).
pub(crate) const CUE_TRIGGER: WordSet = 1 << 13;
pub(crate) const DAYS: WordSet = 1 << 14;
pub(crate) const TIME_NOUNS: WordSet = 1 << 15;
pub(crate) const SOURCE_HEADS: WordSet = 1 << 16;
pub(crate) const INTRO_WORDS: WordSet = 1 << 17;
pub(crate) const IRREGULAR_PAST: WordSet = 1 << 18;
pub(crate) const SENTENCE_ADVERBS: WordSet = 1 << 19;
pub(crate) const TELL_VERBS: WordSet = 1 << 20;
pub(crate) const TAIL_WORDS: WordSet = 1 << 21;
pub(crate) const PLURAL_HEADS: WordSet = 1 << 22;
pub(crate) const COLON_LABELS: WordSet = 1 << 23;
pub(crate) const QUESTION_WORDS: WordSet = 1 << 24;
pub(crate) const SEEM_COMPLEMENTS: WordSet = 1 << 25;
pub(crate) const LEAD_ADVERBS: WordSet = 1 << 26;
pub(crate) const CLAUSE_BREAKS: WordSet = 1 << 27;
pub(crate) const PROGRESSIVE_AUX: WordSet = 1 << 28;
pub(crate) const PASSIVE_AUX: WordSet = 1 << 29;

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

/// The bit of the words.txt section `name`.
fn section_bit(name: &str) -> Option<WordSet> {
    SECTIONS
        .iter()
        .find(|(s, _)| *s == name)
        .map(|&(_, bit)| bit)
}

/// The sections of words.txt and their bits.
const SECTIONS: [(&str, WordSet); 29] = [
    ("subject_pronouns", SUBJECT_PRONOUNS),
    ("determiners", DETERMINERS),
    ("stop", STOP),
    ("aux", AUX),
    ("tell_objects", TELL_OBJECTS),
    ("time", TIME),
    ("titles", TITLES),
    ("male_titles", MALE_TITLES),
    ("female_titles", FEMALE_TITLES),
    ("plural_sources", PLURAL_SOURCES),
    ("female_names", FEMALE_NAMES),
    ("male_names", MALE_NAMES),
    ("evidence_sources", EVIDENCE_SOURCES),
    ("days", DAYS),
    ("time_nouns", TIME_NOUNS),
    ("source_heads", SOURCE_HEADS),
    ("intro_words", INTRO_WORDS),
    ("irregular_past", IRREGULAR_PAST),
    ("sentence_adverbs", SENTENCE_ADVERBS),
    ("tell_verbs", TELL_VERBS),
    ("tail_words", TAIL_WORDS),
    ("plural_heads", PLURAL_HEADS),
    ("colon_labels", COLON_LABELS),
    ("question_words", QUESTION_WORDS),
    ("seem_complements", SEEM_COMPLEMENTS),
    ("lead_adverbs", LEAD_ADVERBS),
    ("clause_breaks", CLAUSE_BREAKS),
    ("progressive_aux", PROGRESSIVE_AUX),
    ("passive_aux", PASSIVE_AUX),
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
        for (name, bit) in SECTIONS {
            assert!(lex.entries.iter().any(|w| w.sets & bit != 0), "{name}");
        }
        assert!(lex.is(STOP, "and"));
        assert!(lex.is(FEMALE_NAMES, "hillary"));
        assert!(lex.is_ci(FEMALE_NAMES, "Hillary"));
        assert!(!lex.is(STOP, ""));
        assert!(lex.word("said").is_some_and(|w| !w.base));
        assert!(lex.word("say").is_some_and(|w| w.base));
    }

    #[test]
    fn every_word_found() {
        let mut lex = Lexicon::embedded();
        lex.add_verb_line("S overcompartmentalize overcompartmentalized");
        for line in data::lines(WORDS) {
            // Every word is under a known section.
            let section = line.section.and_then(section_bit);
            assert!(section.is_some(), "line {}", line.number);
            let section = section.unwrap_or(0);
            let line = line.text;
            let w = line.to_lowercase();
            assert!(lex.word(&w).is_some_and(|e| e.sets & section != 0), "{w}");
            assert!(lex.is_ci(section, &line.to_uppercase()), "{w}");
        }
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
            assert!(lex.is(CUE_TRIGGER, w), "{w}");
        }
        assert!(lex.word("overcompartmentalize").is_some_and(|w| w.base));
        assert!(lex.word("overcompartmentalized").is_some_and(|w| !w.base));
        assert!(lex.word("x").is_none());
    }
}
