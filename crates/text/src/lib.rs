//! The shared foundation of the newsnlp crates.
//!
//! Every layer of newsnlp (tokenize, gazetteer, quotes, stance) reads the
//! same kinds of things: small tables from embedded data files, looked up
//! with words of the text. This crate holds what they share so that each
//! fact has one home:
//!
//! - [`hash`]: one fast, unkeyed hasher ([`hash::FastMap`],
//!   [`hash::FastSet`]) and the packed key of a short word
//!   ([`hash::short_key`]);
//! - [`short`]: the one table of short words by that key
//!   ([`short::ShortTable`]);
//! - [`data`]: one reader of the data files, with line-numbered errors;
//! - [`words`]: the closed word classes of `data/words.txt` (determiners,
//!   pronouns, auxiliaries, titles, days, months, …) as a bitset per word;
//! - [`table`]: the per-document [`Table`] of the tokens (lowercased
//!   words, word classes, capital and line-break flags, sentence and
//!   paragraph indexes), built once and read by every layer;
//! - [`news`]: the article layout every layer sees alike: a dateline
//!   ("GENEVA —", "WASHINGTON (Reuters) -") and a headline line;
//! - [`span`]: the [`Span`] of bytes every layer reports, and [`Offsets`]
//!   to turn byte offsets into character or UTF-16 offsets.
//!
//! ```
//! use newsnlp_text::data::{self, Line};
//!
//! let file = "# a comment\n\nsaid\tspeech\n";
//! let lines: Vec<Line<'_>> = data::lines(file).collect();
//! assert_eq!(lines[0].number, 3);
//! assert_eq!(lines[0].fields().collect::<Vec<_>>(), ["said", "speech"]);
//! ```
#![forbid(unsafe_code)]

pub mod data;
pub mod hash;
pub mod news;
pub mod short;
pub mod span;
pub mod table;
pub mod words;

pub use span::{Offsets, Span};
pub use table::{ParagraphIx, SentenceIx, Table, TokenFacts, TokenIx};
