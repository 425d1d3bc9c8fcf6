//! Target sentiment and certainty for news sentences.
//!
//! This crate answers two questions about a sentence and a span in it:
//!
//! 1. **How does the sentence present the target?** [`TargetSentiment`]
//!    says [`Polarity::Negative`], [`Polarity::Neutral`] or
//!    [`Polarity::Positive`], with probabilities. This is the NewsMTSC task:
//!    sentiment *toward a target*, not the sentence's overall mood, so two
//!    people in one sentence can get different answers.
//! 2. **How certainly is it stated?** [`Certainty`] (or the [`certainty`]
//!    function) gives a score in [0, 1] from hedges ("may", "reportedly",
//!    "seems likely") and boosters ("clearly", "no doubt"), with negation
//!    handled, and returns the cues it found with their byte spans.
//!
//! Spans are `Range<usize>` UTF-8 byte offsets into the caller's `&str`,
//! as everywhere in newsnlp. No function here panics on any input: a target
//! span past the end or inside a character is clamped (see
//! [`TargetSentiment`]).
//!
//! # Target sentiment
//!
//! ```
//! use newsnlp_stance::{Polarity, TargetSentiment};
//!
//! let clf = TargetSentiment::new(); // embedded weights, parsed once
//! let s = "Smith, a hero to many, defeated Jones, whose scandals sank his campaign.";
//! let smith = s.find("Smith").unwrap();
//! let jones = s.find("Jones").unwrap();
//!
//! let out = clf.classify(s, smith..smith + 5);
//! assert_eq!(out.polarity, Polarity::Positive);
//! assert!(out.scores.positive > out.scores.negative);
//! assert_eq!(clf.classify(s, jones..jones + 5).polarity, Polarity::Negative);
//! assert_eq!(Polarity::Negative.as_str(), "negative");
//! ```
//!
//! The model is a multinomial logistic regression over features relative to
//! the target: words and bigrams left and right of it by distance, the words
//! of its clause, whether it is inside quote marks, and the VADER valence of
//! nearby words with negation ("not good") and intensifiers ("very good")
//! applied, weighted by distance. It was trained here on the NewsMTSC
//! training split and scores a macro-F1 of about 70 on its real-world dev
//! split (the crate README has the figures and the commands to reproduce
//! them). [`LexiconBaseline`] is the transparent lexicon-only method it
//! improves on; [`train`] retrains the model on your own data and
//! [`Model::from_path`] loads the result.
//!
//! # Certainty
//!
//! ```
//! use newsnlp_stance::{certainty, Certainty, CueKind};
//!
//! let s = "The minister reportedly resigned, but aides said it was clearly a mistake.";
//! let resigned = 0..31;
//! assert!(certainty(s, resigned.clone()) < Certainty::NEUTRAL);
//!
//! let a = Certainty::new().assess(s, resigned);
//! assert_eq!(a.cues[0].kind, CueKind::Hedge);
//! assert_eq!(&s[a.cues[0].span.clone()], "reportedly");
//! assert_eq!(&s[a.cues[1].span.clone()], "clearly"); // outside the span: counts half
//! ```
//!
//! # Features
//!
//! * `serde`: `Serialize`/`Deserialize` for [`Polarity`] (as `"negative"`,
//!   `"neutral"`, `"positive"`), [`Scores`], [`Sentiment`], [`Cue`],
//!   [`CueKind`] and [`Assessment`].
//!
//! # Data
//!
//! Everything the crate needs is embedded (`include_str!`) from `data/`:
//! the VADER lexicon (MIT, C.J. Hutto), the model weights (derived from
//! NewsMTSC, MIT, Felix Hamborg) and the hedge, booster, negator and
//! intensifier lists written for this crate. Each file notes its origin and
//! licence beside it.
#![forbid(unsafe_code)]

mod analyzer;
mod certainty;
mod error;
mod features;
mod lexicon;
mod model;
mod polarity;
mod sentiment;
pub mod tokens;
pub mod train;
mod triples;
mod verbs;

pub use certainty::{Assessment, Certainty, Cue, CueKind, certainty};
pub use error::{Error, ErrorKind};
pub use model::Model;
pub use polarity::{ParsePolarityError, Polarity, Scores, Sentiment};
pub use analyzer::{StanceAnalyzer, StanceAnalyzerBuilder};
pub use sentiment::{LexiconBaseline, TargetSentiment};
pub use triples::{Basis, Holder, Stance, Target};
