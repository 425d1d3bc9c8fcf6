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
//! - [`data`]: one reader of the data files, with line-numbered errors;
//! - [`words`]: the closed word classes of `data/words.txt` (determiners,
//!   pronouns, auxiliaries, titles, days, months, …) as a bitset per word.
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
pub mod words;
