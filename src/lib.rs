//! Who said what, about whom, and how they feel about it: news text analysis
//! with byte spans into the original text.
//!
//! `newsnlp` is the facade over the library crates, re-exported here:
//!
//! - [`text`]: the shared foundation ([`text::Span`], [`text::Offsets`]
//!   for character and UTF-16 offsets);
//! - [`tokenize`]: sentences and tokens with byte spans, right on news text;
//! - [`gazetteer`]: entity lists matched on token boundaries and linked to
//!   canonical entities, with a default gazetteer of international politics,
//!   and the per-document entity table;
//! - [`names`]: person, organization and place names no gazetteer lists,
//!   found and typed;
//! - [`quotes`]: direct, mixed and indirect quotes with cue, source and
//!   speaker resolved to an entity, and a confidence;
//! - [`stance`]: target sentiment, stance triples (holder, target,
//!   polarity, certainty, evidence), certainty from hedges and boosters.
//!
//! ```
//! use newsnlp::tokenize::Tokenizer;
//! use newsnlp::gazetteer::Gazetteer;
//!
//! let text = "Secretary of State Rex Tillerson met Russian President Vladimir Putin.";
//! let doc = Tokenizer::new().tokenize(text);
//! assert_eq!(doc.sentences().len(), 1);
//! let gaz = Gazetteer::default();
//! let names: Vec<&str> = gaz
//!     .find_in_document(text)
//!     .iter()
//!     .filter_map(|m| m.entity())
//!     .map(|id| gaz.entity(id).name())
//!     .collect();
//! assert_eq!(names, ["Rex Tillerson", "Vladimir Putin"]);
//! ```
//!
//! The [`Pipeline`] runs every layer once per article and returns a
//! [`Document`]; [`Document::to_analysis`] gives the owned [`Analysis`],
//! the shape of `newsnlp analyze --json`. Speakers and stance holders are
//! one type, [`Party`]; scores (`Quote::confidence`, `Stance::certainty`)
//! are `f64` with at most 4 decimals.
//!
//! # Features
//!
//! - `rayon` (default): [`Pipeline::analyze_batch`] on all cores, and the
//!   gazetteer and the stance model built side by side.
//! - `serde`: `Serialize` for [`Document`] (the `analyze --json` object),
//!   and `Serialize` + `Deserialize` for [`Analysis`] and every output type
//!   in it ([`quotes::Quote`], [`quotes::QuoteKind`], [`quotes::Rule`],
//!   [`Party`], [`stance::Stance`], [`stance::Target`],
//!   [`stance::Polarity`], [`stance::Basis`], [`gazetteer::EntityKind`], the
//!   ids): the JSON of a document reads back into an equal [`Analysis`].
//!   See [`Analysis`] for the shape.
//! - `gazetteer-json`, `gazetteer-toml`: gazetteer files in JSON or TOML.
#![forbid(unsafe_code)]

mod analysis;
mod pipeline;

pub use analysis::{Analysis, AnalysisEntity, AnalysisSentence};
pub use newsnlp_gazetteer as gazetteer;
pub use newsnlp_gazetteer::Party;
pub use newsnlp_names as names;
pub use newsnlp_quotes as quotes;
pub use newsnlp_stance as stance;
pub use newsnlp_text as text;
pub use newsnlp_tokenize as tokenize;
pub use pipeline::{Document, EntityMention, Pipeline, PipelineBuilder};

/// The bundled seed article (Tillerson meeting Putin in Moscow), the
/// running example that `newsnlp analyze` reads when given no file.
pub const SEED_ARTICLE: &str = include_str!("../seeds/000_1561a38bbdfba1e1.txt");

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
