//! The embedded word tables: reporting verbs with their inflections and the
//! small closed word classes the attribution rules use.

use std::collections::{HashMap, HashSet};

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

/// The tables, built once per extractor.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    forms: HashMap<String, Vec<CueForm>>,
    pub lemmas: Vec<String>,
    sets: HashMap<&'static str, HashSet<String>>,
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
            forms: HashMap::new(),
            lemmas: Vec::new(),
            sets: HashMap::new(),
        };
        for line in CUE_VERBS.lines() {
            lex.add_verb_line(line);
        }
        let mut section: Option<&'static str> = None;
        for line in WORDS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = SECTIONS.iter().copied().find(|s| *s == name);
                continue;
            }
            if let Some(s) = section {
                lex.sets.entry(s).or_default().insert(line.to_lowercase());
            }
        }
        lex
    }

    /// Adds one line of the verb table format: `CLASS LEMMA FORMS... [+PARTICLE]`.
    pub fn add_verb_line(&mut self, line: &str) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return;
        }
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
        self.lemmas.push(lemma.to_lowercase());
        for f in &forms[skip..] {
            let f = f.to_lowercase();
            let ing = f.ends_with("ing") && !lemma.ends_with("ing");
            let entry = self.forms.entry(f).or_default();
            let form = CueForm {
                class,
                ing,
                lemma: id,
                particle: particle.clone(),
            };
            if !entry.contains(&form) {
                entry.push(form);
            }
        }
    }

    /// The cue forms a word may be (lower-cased lookup).
    pub fn cue(&self, lower: &str) -> &[CueForm] {
        self.forms.get(lower).map_or(&[], Vec::as_slice)
    }

    /// Whether `lower` is in the word class `set` (a section of words.txt).
    pub fn is(&self, set: &'static str, lower: &str) -> bool {
        self.sets.get(set).is_some_and(|s| s.contains(lower))
    }
}

pub(crate) const SUBJECT_PRONOUNS: &str = "subject_pronouns";
pub(crate) const DETERMINERS: &str = "determiners";
pub(crate) const STOP: &str = "stop";
pub(crate) const AUX: &str = "aux";
pub(crate) const TELL_OBJECTS: &str = "tell_objects";
pub(crate) const TIME: &str = "time";
pub(crate) const TITLES: &str = "titles";
pub(crate) const MALE_TITLES: &str = "male_titles";
pub(crate) const FEMALE_TITLES: &str = "female_titles";
pub(crate) const PLURAL_SOURCES: &str = "plural_sources";
pub(crate) const FEMALE_NAMES: &str = "female_names";
pub(crate) const MALE_NAMES: &str = "male_names";
pub(crate) const EVIDENCE_SOURCES: &str = "evidence_sources";

const SECTIONS: [&str; 13] = [
    SUBJECT_PRONOUNS,
    DETERMINERS,
    STOP,
    AUX,
    TELL_OBJECTS,
    TIME,
    TITLES,
    MALE_TITLES,
    FEMALE_TITLES,
    PLURAL_SOURCES,
    FEMALE_NAMES,
    MALE_NAMES,
    EVIDENCE_SOURCES,
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
        for s in SECTIONS {
            assert!(lex.sets.get(s).is_some_and(|s| !s.is_empty()), "{s}");
        }
        assert!(lex.is(STOP, "and"));
        assert!(lex.is(FEMALE_NAMES, "hillary"));
    }
}
