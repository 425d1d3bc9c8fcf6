//! Person, organization and place names that no gazetteer knows, found and
//! typed in news text.
//!
//! The gazetteer (`newsnlp-gazetteer`) finds the entities it lists, linked
//! and precise; everyone else in an article is invisible to it. A
//! [`NameFinder`] finds the rest: runs of capitalized words (with inner
//! connectors such as "of", "de", "bin", "&") that no known span covers,
//! trimmed of titles, typed by their own words and their context. Each
//! [`Name`] says why it got its kind ([`Evidence`]):
//!
//! - a title or honorific before it ("Sen.", "Prime Minister", "spokesman")
//!   or a given name opening it ("Sarah Bennett") makes a person; so does a
//!   byline ("By Tomás Ibarra") and a later mention of an earlier person's
//!   surname or given name ("Støre" after "Jonas Gahr Støre");
//! - an organization head inside it ("Commission", "Ministry", "Inc.")
//!   makes an organization, and an acronym in brackets after a name is of
//!   its kind;
//! - a place head or opener ("Canyon Road", "San Rafael"), a country, state
//!   or city from the list, a dateline ("GENEVA —") or a place cue before
//!   it ("in Tampa") makes a place;
//! - a name right before "said" or "who", or right after a speech verb
//!   ("…,” said Okafor."), is a person; so is a lowercase role or kin
//!   before it ("actress", "her sister"), an initial inside it ("John F.
//!   Kennedy"), and, as news writes them, a lone word before its verb
//!   ("that Kasich announced") or in the possessive ("Marinelli's");
//! - "and" or a list's comma gives a name the kind of the person or place
//!   before it ("Ossoff and Handel"); a run with an event, law or prize
//!   word ("World War II", "Affordable Care Act") is no name, and neither
//!   is a run that nothing explains (on web text most such runs are
//!   product names, headings and mail signatures).
//!
//! One pass over the document's [`Table`]: tokens that are not capitalized
//! are skipped by its flag, and a capitalized one is looked up once, by the
//! short key the table already holds (no string hashing, no allocation per
//! token).
//!
//! ```
//! use newsnlp_names::{Evidence, NameFinder, NameKind};
//! use newsnlp_tokenize::Tokenizer;
//!
//! let text = "Norwegian Prime Minister Jonas Gahr Støre met Sarah Bennett of the \
//!             Securities and Exchange Commission in Tromsø. Støre left.";
//! let doc = Tokenizer::new().tokenize(text);
//! let table = doc.table();
//! let names = NameFinder::new().find(&doc, &table, &[]);
//! let found: Vec<(&str, NameKind)> = names.iter().map(|n| (&text[n.span.clone()], n.kind)).collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("Jonas Gahr Støre", NameKind::Person),
//!         ("Sarah Bennett", NameKind::Person),
//!         ("Securities and Exchange Commission", NameKind::Organization),
//!         ("Tromsø", NameKind::Place),
//!         ("Støre", NameKind::Person),
//!     ]
//! );
//! assert_eq!(names[0].evidence, Evidence::Title);
//! assert_eq!(names[4].evidence, Evidence::EarlierPerson);
//! ```

#![forbid(unsafe_code)]

mod complete;
mod find;
pub mod lexicon;
mod shape;
mod title;

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use newsnlp_text::Table;
use newsnlp_tokenize::Tokenized;

use lexicon::Lexicon;

/// What sort of thing a name names.
///
/// ```
/// assert_eq!(newsnlp_names::NameKind::Place.as_str(), "place");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum NameKind {
    /// A person: "Sarah Bennett".
    Person,
    /// A company, agency, party, court, newspaper: "Enron Corp.".
    Organization,
    /// A country, city, region, street or landmark: "San Rafael".
    Place,
}

impl NameKind {
    /// The lowercase name, as the gazetteer's kinds have it: `"person"`,
    /// `"organization"`, `"place"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Organization => "organization",
            NameKind::Place => "place",
        }
    }
}

/// Why a name got its kind: the first rule that decided it.
///
/// ```
/// use newsnlp_names::Evidence;
/// assert_eq!(Evidence::Dateline.as_str(), "dateline");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Evidence {
    /// A title or honorific before it ("Sen. Jane Roe", "spokesman Jim Ray").
    Title,
    /// It opens with a given name ("Sarah Bennett").
    GivenName,
    /// An apposition after it: an age or a title ("Jim Ray, 45,", "Jim
    /// Ray, a spokesman for").
    Apposition,
    /// A byline names it ("By Tomás Ibarra").
    Byline,
    /// An earlier person of the document had this surname or given name.
    EarlierPerson,
    /// The same words were typed earlier in the document.
    EarlierName,
    /// It holds an organization head or company suffix ("Commission",
    /// "Inc.").
    OrgHead,
    /// An acronym in brackets after the name it abbreviates
    /// ("Housing Authority of New Orleans (HANO)").
    Acronym,
    /// It opens or ends with a place word ("San Rafael", "Canyon Road").
    PlaceWord,
    /// A country, state or city of the crate's list.
    PlaceName,
    /// A dateline at the start of a line ("GENEVA —").
    Dateline,
    /// A place cue before it ("in Tampa").
    PlaceCue,
    /// Capitalized words before a speech verb or "who" ("Jensen Huang
    /// said", "Lindqvist said"), or after one ("…,” said Lindqvist).
    PersonCue,
    /// The surname of a person the document names elsewhere, with the
    /// capitalized words before it ("Rahmat Hidayat" when "Hidayat told
    /// reporters" comes later).
    Surname,
    /// An initial between or before capitalized words ("John F. Kennedy",
    /// "J. Ingrid Solberg").
    Initial,
    /// Joined by "and", "or" or a comma to the name before it, a person or
    /// a place, it is of that kind ("Ossoff and Handel" after a person).
    Coordination,
    /// A lone word in the possessive mid-sentence ("about Marinelli's
    /// links"): in news, mostly a person's.
    Owner,
    /// Right before a comma and a country or state ("Knoxville,
    /// Tennessee").
    PlaceComma,
    /// A subject before its verb: a finite auxiliary or a past tense
    /// ("Kasich announced", "Boehner was").
    Subject,
    /// Words around it that only an organization has: a descriptor before
    /// it or after "the" and it ("the broadcaster Kestrel", "the Varno
    /// union"), a company's noun ("shares of Vantor", "Vantor's
    /// shareholders"), a publication's place ("published in Health
    /// Matters"), "it" after its speech verb ("Vantor said it had"), or a
    /// brand's "!" or "?" ("Yahoo!").
    OrgCue,
}

impl Evidence {
    /// A lowercase name for reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Evidence::Title => "title",
            Evidence::GivenName => "given name",
            Evidence::Apposition => "apposition",
            Evidence::Byline => "byline",
            Evidence::EarlierPerson => "earlier person",
            Evidence::EarlierName => "earlier name",
            Evidence::OrgHead => "organization head",
            Evidence::Acronym => "acronym",
            Evidence::PlaceWord => "place word",
            Evidence::PlaceName => "place name",
            Evidence::Dateline => "dateline",
            Evidence::PlaceCue => "place cue",
            Evidence::PersonCue => "person cue",
            Evidence::Surname => "surname",
            Evidence::Initial => "initial",
            Evidence::Coordination => "coordination",
            Evidence::PlaceComma => "place comma",
            Evidence::Subject => "subject",
            Evidence::Owner => "owner",
            Evidence::OrgCue => "organization cue",
        }
    }
}

/// A name found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// Its byte span in the text (titles and a possessive "’s" outside).
    pub span: Range<usize>,
    /// Its tokens (indexes into the document's tokens).
    pub tokens: Range<usize>,
    /// What it names.
    pub kind: NameKind,
    /// Why it got that kind.
    pub evidence: Evidence,
    /// Its title's byte span, if any: right before it ("Norwegian Prime
    /// Minister"), or in apposition before or after it ("chief negotiator"
    /// in "Indonesia's chief negotiator, Rahmat Hidayat"; "president" in
    /// "Dwayne Okafor, president of …").
    pub title: Option<Range<usize>>,
}

/// Finds the names no gazetteer span covers. Built once from the embedded
/// word lists; cheap to clone, `Send + Sync`.
///
/// ```
/// fn shared<T: Send + Sync>(_: &T) {}
/// shared(&newsnlp_names::NameFinder::new());
/// ```
#[derive(Clone, Debug)]
pub struct NameFinder {
    lexicon: Arc<Lexicon>,
}

impl Default for NameFinder {
    fn default() -> Self {
        NameFinder::new()
    }
}

impl NameFinder {
    /// The finder over the embedded `data/` lists (built once per process).
    pub fn new() -> NameFinder {
        static LEXICON: LazyLock<Arc<Lexicon>> = LazyLock::new(|| Arc::new(Lexicon::embedded()));
        NameFinder {
            lexicon: Arc::clone(&LEXICON),
        }
    }

    /// The names of a document, left to right: capitalized spans that no
    /// `known` byte span (the gazetteer's mentions) overlaps, except two:
    /// a known single word right after a given name is a surname of
    /// someone else, and the name holds it ("Sarah Bennett" over the
    /// gazetteer's "Bennett"); a known word may open an organization's
    /// name ("California Police Chiefs Association"). The caller drops the
    /// known mention in both. `table` is
    /// `doc`'s table ([`Tokenized::table`]); a table of another text finds
    /// nothing wrong, only nothing useful. Never panics.
    ///
    /// ```
    /// use newsnlp_names::{NameFinder, NameKind};
    /// use newsnlp_tokenize::Tokenizer;
    /// let text = "Officials in Oslo met Mr. Ola Nordmann.";
    /// let doc = Tokenizer::new().tokenize(text);
    /// let names = NameFinder::new().find(&doc, &doc.table(), &[13..17]);
    /// assert_eq!(names.len(), 1);
    /// assert_eq!(&text[names[0].span.clone()], "Ola Nordmann");
    /// assert_eq!(names[0].kind, NameKind::Person);
    /// ```
    pub fn find(
        &self,
        doc: &Tokenized<'_>,
        table: &Table<'_>,
        known: &[Range<usize>],
    ) -> Vec<Name> {
        // The gazetteer's mentions come sorted: copy and sort only others.
        let sorted = known.is_sorted_by_key(|r| (r.start, r.end));
        let known: std::borrow::Cow<'_, [Range<usize>]> = if sorted {
            known.into()
        } else {
            let mut own = known.to_vec();
            own.sort_by_key(|r| (r.start, r.end));
            own.into()
        };
        let names = find::Scan::new(&self.lexicon, doc, table, &known).run();
        let mut names = complete::complete(&self.lexicon, table, &known, names);
        for n in &mut names {
            n.title = title::title_of(table, n.tokens.clone());
        }
        names
    }
}
