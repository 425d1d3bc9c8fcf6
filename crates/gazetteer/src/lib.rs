//! Entity gazetteers for news text: find the people, organizations and
//! places a text names, with byte spans, linked to canonical entities.
//!
//! # Finding mentions
//!
//! A [`Gazetteer`] is built once from entities, each with a canonical name,
//! an [`EntityKind`], aliases and optional titles, and then shared by any
//! number of threads. [`Gazetteer::find`] reports [`Mention`]s: a byte span
//! into the text (`Range<usize>`), the entity, and the alias that matched.
//!
//! ```
//! use newsnlp_gazetteer::Gazetteer;
//!
//! let gaz = Gazetteer::default(); // the embedded default gazetteer
//! let text = "Secretary of State Rex Tillerson met Russian President Vladimir Putin.";
//! let found: Vec<(std::ops::Range<usize>, &str)> = gaz
//!     .find(text)
//!     .map(|m| (m.span(), gaz.entity(m.entity().unwrap()).name()))
//!     .collect();
//! assert_eq!(found, [(19..32, "Rex Tillerson"), (55..69, "Vladimir Putin")]);
//! ```
//!
//! # What matches
//!
//! A match starts and ends on token boundaries: it neither starts right
//! after nor ends right before a word character (a Unicode alphanumeric or
//! combining mark). Among the aliases that start at a token, the **longest
//! one that also ends on a boundary** wins, so "Bashar al-Assad's" is one
//! mention of Bashar al-Assad even when "Bashar al" is an alias too (a
//! leftmost-longest automaton followed by a boundary filter would lose it).
//! The possessive clitic (`'s`, `’s`, and a bare `’` after *s*) is a
//! boundary and stays outside the span; an apostrophe inside a word
//! ("O'Brien") is not a boundary.
//!
//! ```
//! use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
//!
//! let gaz = GazetteerBuilder::new().build([
//!     Entry::new("Bashar al-Assad", EntityKind::Person).alias("Bashar al"),
//!     Entry::new("Assad family", EntityKind::Group).alias("al-Assad"),
//! ])?;
//! let text = "Bashar al-Assad’s forces";
//! let m = gaz.find(text).next().unwrap();
//! assert_eq!((m.span(), &text[m.span()]), (0..15, "Bashar al-Assad"));
//! # Ok::<(), newsnlp_gazetteer::Error>(())
//! ```
//!
//! Aliases and text are normalized alike before comparison, as set on the
//! [`GazetteerBuilder`]: letter case ([`CaseMode`]: smart by default, so
//! "US" does not match "us" but "Al-Qaeda" matches "al-Qaeda"), full Unicode
//! or ASCII case folding, diacritics ("Sergeï" ~ "Sergei"), and hyphen,
//! underscore and space as one separator ("al-Nusra" ~ "al Nusra").
//! Curly apostrophes read as `'`; soft hyphens and zero-width characters
//! are ignored; a match never crosses a blank line.
//! [`Gazetteer::find_overlapping`] reports every match instead of the
//! longest ones.
//!
//! # Priority
//!
//! When several entities claim the same alias (after normalization), the
//! claims are ranked, best first, by:
//! 1. the entity's priority ([`Entry::priority`], TSV column `priority`;
//!    higher wins, default 0);
//! 2. what the alias is to the entity: its canonical name beats a listed
//!    alias, which beats a derived surname;
//! 3. the order entities were added (first wins), for listing only.
//!
//! If the best claim is strictly better on 1 or 2, the mention goes to it
//! ([`Resolution::Priority`]). Otherwise a title before the name may decide
//! ([`Resolution::Title`]), and if not, the mention stays ambiguous: its
//! [`Mention::entity`] is `None` and [`Mention::candidates`] lists every
//! claimant in rank order. Nothing is guessed silently.
//!
//! # Linking within a document
//!
//! Every person gets their **surname** as an alias, derived from the
//! canonical name (the last word, with particles such as "von der" or "bin",
//! without "Jr."; "al-Assad" also gives "Assad") unless the entry names one
//! ([`Entry::surname`], for family-name-first names such as "Xi Jinping").
//! A surname links **everywhere** when it is unambiguous; one that several
//! people share ("Clinton") is ambiguous unless linked by the document; one
//! that is also a common word (`data/surname_stoplist.txt`: "May") or
//! another entity's name or alias ("Jordan") counts only after the full
//! name appeared earlier in the document.
//!
//! [`Gazetteer::find_in_document`] drops a bare surname that follows a
//! capitalized word it takes for a given name the gazetteer does not know
//! ("Khizr Khan" is not Imran Khan): any capitalized word but a title, an
//! acronym, a word of any entity's title or one of
//! `data/name_preceders.txt`, outside title-case headlines.
//! It links one document's mentions: an
//! ambiguous mention goes to the candidate the document named in full
//! earlier (or, failing that, later), if exactly one; a title such as
//! "Foreign Minister" before a name is reported in [`Mention::title`] and
//! decides between candidates that share a surname.
//!
//! ```
//! use newsnlp_gazetteer::Gazetteer;
//!
//! let gaz = Gazetteer::default();
//! let text = "Hillary Clinton met Bill Clinton. Later Clinton said no.";
//! let last = gaz.find_in_document(text).pop().unwrap();
//! assert_eq!(last.span(), 40..47);
//! assert!(last.is_ambiguous()); // both were named in full before
//! assert_eq!(last.candidates().len(), 2);
//! ```
//!
//! # Gazetteer files
//!
//! [`Entries`] load TSV (a header naming `alias` and `canonical`, optional
//! `kind`, `titles`, `priority`, `surname`), JSON and TOML
//! ([`Entries::from_tsv`], [`Entries::from_json`], [`Entries::from_toml`],
//! [`Entries::from_path`]); merge them with the default gazetteer
//! ([`Entries::builtin`], [`Entries::merge`]) or use them alone. A bad file
//! is an [`Error`] naming the line (or JSON path) and the problem; empty and
//! duplicate aliases are [`Warning`]s, or errors under
//! [`GazetteerBuilder::strict`]. [`Gazetteer::write_tsv`] saves a built
//! gazetteer in a form `Entries::from_tsv` reads back, and
//! [`Gazetteer::memory_usage`] tells its size.
//!
//! ```
//! use newsnlp_gazetteer::{Entries, GazetteerBuilder};
//!
//! let tsv = "alias\tcanonical\tkind\n\
//!            Daesh\tISIS\torganization\n\
//!            Idlib\tIdlib\tplace\n";
//! let mut entries = Entries::builtin();
//! entries.merge(Entries::from_tsv(tsv)?);
//! let gaz = GazetteerBuilder::new().build(entries)?;
//! let spans: Vec<_> = gaz.find("Daesh in Idlib").map(|m| m.span()).collect();
//! assert_eq!(spans, [0..5, 9..14]);
//! # Ok::<(), newsnlp_gazetteer::Error>(())
//! ```
//!
//! # Features
//!
//! - `json` (default): [`Entries::from_json`] (serde, serde_json).
//! - `toml` (default): [`Entries::from_toml`] (serde, toml).
//! - `rayon` (default): [`Mentions::count`] counts a long text on all
//!   cores, and the build sorts large alias sets on all cores; without it
//!   both run on the calling thread, with the same results.
//! - `serde`: `Serialize` for [`Mention`] (spans as `[start, end]`),
//!   [`EntityKind`], the ids and [`Warning`]; `Serialize` and
//!   `Deserialize` for [`Party`] and the [`EntityTable`] of a document.
//!
//! # Performance
//!
//! Aliases are normalized into one buffer, sorted (on all cores with
//! `rayon`), and laid out as a breadth-first byte trie; matching walks the
//! trie from token starts only, reading the text in place. Building from the 314,000-alias
//! `places.tsv` of the project's benchmark and matching 38 MB of news takes
//! less time than building and running an Aho-Corasick automaton over the
//! same patterns (`examples/places.rs`, `benches/gazetteer.rs`).
#![forbid(unsafe_code)]

mod build;
mod builder;
mod descriptor;
mod document;
mod entries;
mod entry;
mod error;
mod find;
mod gazetteer;
mod gender;
mod given_name;
#[cfg(any(feature = "json", feature = "toml"))]
mod json_toml;
mod kind;
mod mention;
mod normalize;
mod party;
mod resolve;
mod search;
mod surname;
mod table;
mod titles;
mod trie;
mod tsv;
mod unlisted;

pub use builder::{CaseMode, GazetteerBuilder};
pub use entries::Entries;
pub use entry::Entry;
pub use error::{Error, ErrorKind, Warning, WarningKind};
pub use find::Mentions;
pub use gazetteer::{Alias, AliasOrigin, Entity, Gazetteer};
pub use gender::{Gender, gender};
pub use kind::{EntityKind, ParseKindError};
pub use mention::{AliasId, EntityId, Mention, Resolution};
pub use party::Party;
pub use table::{DocEntity, EntityRef, EntityTable, Link, Unresolved};
pub use unlisted::{Entities, NewName};

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn thread_safe() {
        assert_send_sync::<Gazetteer>();
        assert_send_sync::<Error>();
        assert_send_sync::<Mention>();
    }
}
