//! The cue words the finder reads, from the crate's `data/` files, as one
//! [`ShortTable`] from a lowercased word to its [`Cues`] bits.
//!
//! A capitalized token is looked up once, by the short key the shared
//! [`Table`] already computed for it
//! ([`Table::key`](newsnlp_text::Table::key)): integer compares, no string
//! hashing.
//!
//! ```
//! use newsnlp_names::lexicon::{Cues, Lexicon};
//! let lex = Lexicon::embedded();
//! assert!(lex.word("commission").contains(Cues::ORG_HEAD));
//! assert!(lex.word("sen.").contains(Cues::TITLE));
//! assert!(lex.word("sarah").contains(Cues::GIVEN));
//! assert!(lex.word("table").is_empty());
//! ```

use std::cell::Cell;
use std::ops::BitOr;

use newsnlp_text::Table;
use newsnlp_text::data;
use newsnlp_text::short::ShortTable;

/// The cue bits of one word: which lists of `data/` hold it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Cues(u32);

impl Cues {
    /// No cue.
    pub const EMPTY: Cues = Cues(0);
    /// A title or honorific before a name (`data/titles.txt`, `[titles]`).
    pub const TITLE: Cues = Cues(1);
    /// A word that joins a title (`[parts]` of `data/titles.txt`).
    pub const TITLE_PART: Cues = Cues(1 << 1);
    /// A given name (`data/given_names.txt`).
    pub const GIVEN: Cues = Cues(1 << 2);
    /// An organization head (`[heads]` of `data/org_heads.txt`).
    pub const ORG_HEAD: Cues = Cues(1 << 3);
    /// A company suffix (`[suffixes]` of `data/org_heads.txt`).
    pub const ORG_SUFFIX: Cues = Cues(1 << 4);
    /// A word that ends a place name (`[heads]` of `data/places.txt`).
    pub const PLACE_HEAD: Cues = Cues(1 << 5);
    /// A word that opens a place name (`[starts]`).
    pub const PLACE_START: Cues = Cues(1 << 6);
    /// A lowercase word before a place (`[cues]`).
    pub const PLACE_CUE: Cues = Cues(1 << 7);
    /// A country, state or city (`[names]`).
    pub const PLACE_NAME: Cues = Cues(1 << 8);
    /// A capitalized word that is no name (`data/not_names.txt`).
    pub const NOT_NAME: Cues = Cues(1 << 9);
    /// A lowercase word inside a name (`data/connectors.txt`).
    pub const CONNECTOR: Cues = Cues(1 << 10);
    /// A word after a person's name (`data/person_cues.txt`: "said").
    pub const PERSON_CUE: Cues = Cues(1 << 11);
    /// A lowercase role or kin word before a person's name (`[roles]` of
    /// `data/titles.txt`: "actress", "sister").
    pub const ROLE: Cues = Cues(1 << 12);
    /// A speech verb that also comes before its speaker (`[before]` of
    /// `data/person_cues.txt`: "…,” said Jim Ray").
    pub const SPEECH_BEFORE: Cues = Cues(1 << 13);

    /// A lowercase word before "of" and a place (`[of_cues]` of
    /// `data/places.txt`: "north of").
    pub const OF_PLACE: Cues = Cues(1 << 14);

    /// A word that makes a run an event, law or prize (`data/events.txt`:
    /// "War", "Act", "Prize").
    pub const EVENT: Cues = Cues(1 << 15);

    /// A suffix after a name (`[name_suffixes]` of `data/titles.txt`:
    /// "Jr."): part of a name, never one alone.
    pub const NAME_SUFFIX: Cues = Cues(1 << 16);

    /// An organization's last word only mid-sentence (`[prose_heads]` of
    /// `data/org_heads.txt`: "News").
    pub const PROSE_HEAD: Cues = Cues(1 << 17);

    /// A lowercase word that says what sort of organization a name is,
    /// before it or after "the" and it (`[descriptors]` of
    /// `data/org_heads.txt`: "the broadcaster Kestrel", "the Varno union").
    pub const ORG_DESCRIPTOR: Cues = Cues(1 << 18);

    /// A lowercase noun of a company's (`[owned]` of `data/org_heads.txt`:
    /// "Vantor's shares", "a stake in Vantor").
    pub const ORG_OWNED: Cues = Cues(1 << 19);

    /// A lowercase word before "in" and a publication (`[printed]` of
    /// `data/org_heads.txt`: "published in Health Matters").
    pub const PRINTED: Cues = Cues(1 << 20);

    /// A company's branch or worldwide name after a lone unlisted word
    /// (`[branches]` of `data/org_heads.txt`: "Trelvane Europe", "Molvex
    /// International").
    pub const BRANCH: Cues = Cues(1 << 21);

    /// A word before a continent that makes a region (`[regions]` of
    /// `data/org_heads.txt`: "Central Asia"): no company's branch.
    pub const REGION: Cues = Cues(1 << 22);

    /// A lowercase word before "at" and a workplace (`[workplace]` of
    /// `data/org_heads.txt`: "a job at Kelbridge").
    pub const WORKPLACE: Cues = Cues(1 << 23);

    /// A verb of title-case headlines (`data/headline_verbs.txt`:
    /// "Acquires", "Blocks"): in such a line it opens no name.
    pub const HEADLINE_VERB: Cues = Cues(1 << 24);

    /// A role an organization's people hold (`[staff]` of
    /// `data/org_heads.txt`: "spokeswoman", "founder", "economist"): a
    /// lone word before it and a name is their organization.
    pub const STAFF: Cues = Cues(1 << 25);

    /// Both sets of bits.
    #[inline]
    pub const fn union(self, other: Cues) -> Cues {
        Cues(self.0 | other.0)
    }

    /// Whether every bit of `other` is set.
    #[inline]
    pub const fn contains(self, other: Cues) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether some bit of `other` is set.
    #[inline]
    pub const fn intersects(self, other: Cues) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether no bit is set.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl BitOr for Cues {
    type Output = Cues;
    #[inline]
    fn bitor(self, rhs: Cues) -> Cues {
        self.union(rhs)
    }
}

/// The cue of each section of a data file (`None`: the file has no
/// sections).
type Sections = &'static [(Option<&'static str>, Cues)];

/// The data files and their sections' cues.
const FILES: &[(&str, Sections)] = &[
    (
        include_str!("../data/titles.txt"),
        &[
            (Some("titles"), Cues::TITLE),
            (Some("parts"), Cues::TITLE_PART),
            (Some("roles"), Cues::ROLE),
            (Some("name_suffixes"), Cues::NAME_SUFFIX),
        ],
    ),
    (
        include_str!("../data/given_names.txt"),
        &[(None, Cues::GIVEN)],
    ),
    (
        include_str!("../data/org_heads.txt"),
        &[
            (Some("heads"), Cues::ORG_HEAD),
            (Some("suffixes"), Cues::ORG_SUFFIX),
            (Some("prose_heads"), Cues::PROSE_HEAD),
            (Some("descriptors"), Cues::ORG_DESCRIPTOR),
            (Some("owned"), Cues::ORG_OWNED),
            (Some("printed"), Cues::PRINTED),
            (Some("branches"), Cues::BRANCH),
            (Some("regions"), Cues::REGION),
            (Some("workplace"), Cues::WORKPLACE),
            (Some("staff"), Cues::STAFF),
        ],
    ),
    (
        include_str!("../data/places.txt"),
        &[
            (Some("heads"), Cues::PLACE_HEAD),
            (Some("starts"), Cues::PLACE_START),
            (Some("cues"), Cues::PLACE_CUE),
            (Some("of_cues"), Cues::OF_PLACE),
            (Some("names"), Cues::PLACE_NAME),
        ],
    ),
    (
        include_str!("../data/not_names.txt"),
        &[(None, Cues::NOT_NAME)],
    ),
    (include_str!("../data/events.txt"), &[(None, Cues::EVENT)]),
    (
        include_str!("../data/headline_verbs.txt"),
        &[(None, Cues::HEADLINE_VERB)],
    ),
    (
        include_str!("../data/connectors.txt"),
        &[(None, Cues::CONNECTOR)],
    ),
    (
        include_str!("../data/person_cues.txt"),
        &[
            (Some("after"), Cues::PERSON_CUE),
            (Some("before"), Cues::PERSON_CUE.union(Cues::SPEECH_BEFORE)),
        ],
    ),
];

/// The cue words of every list, by their short key.
#[derive(Clone, Debug)]
pub struct Lexicon {
    words: ShortTable,
}

impl Lexicon {
    /// The lexicon of the embedded `data/` files.
    pub fn embedded() -> Lexicon {
        let mut words = ShortTable::new();
        for (file, sections) in FILES {
            for line in data::lines(file) {
                let Some(&(_, cue)) = sections.iter().find(|(s, _)| *s == line.section) else {
                    continue;
                };
                let old = words.get(line.text).unwrap_or(0);
                // Words over 15 bytes are not looked up: the insert refuses them.
                words.insert(line.text, old | cue.0);
            }
        }
        Lexicon { words }
    }

    /// The cues of a word by its short key.
    #[inline]
    pub fn key(&self, key: Option<(u64, u64)>) -> Cues {
        key.and_then(|k| self.words.get_key(k))
            .map_or(Cues::EMPTY, Cues)
    }

    /// The cues of a lowercased word.
    pub fn word(&self, word: &str) -> Cues {
        self.words.get(word).map_or(Cues::EMPTY, Cues)
    }
}

/// The cues of a document's tokens, each looked up once: the rules of a
/// run ask for the same tokens' cues several times.
pub(crate) struct CueMemo(Vec<Cell<Option<Cues>>>);

impl CueMemo {
    /// A memo for a table of `n` tokens.
    pub(crate) fn new(n: usize) -> CueMemo {
        CueMemo(vec![Cell::new(None); n])
    }

    /// The cues of token `i` of `table`.
    #[inline]
    pub(crate) fn get(&self, lex: &Lexicon, table: &Table<'_>, i: usize) -> Cues {
        let Some(memo) = self.0.get(i) else {
            return lex.key(table.key(i));
        };
        if let Some(cues) = memo.get() {
            return cues;
        }
        let cues = lex.key(table.key(i));
        memo.set(Some(cues));
        cues
    }
}
