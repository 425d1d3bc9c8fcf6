//! Stance triples, target sentiment and certainty for news text.
//!
//! The top layer of newsnlp: *who* feels *how* about *what*. A
//! [`StanceAnalyzer`] reads a tokenized article ([`newsnlp_tokenize`]), its
//! entity mentions ([`newsnlp_gazetteer`]) and its quotes
//! ([`newsnlp_quotes`]) and returns [`Stance`]s: a holder ([`Party`], a quote's
//! speaker, the subject of an attitude verb, or the article's author), a
//! [`Target`] (an entity, or the noun phrase an attitude or evaluation is
//! about), a [`Polarity`], a certainty in [0, 1] and the evidence span.
//!
//! ```
//! use newsnlp_gazetteer::Gazetteer;
//! use newsnlp_quotes::QuoteExtractor;
//! use newsnlp_stance::{Polarity, StanceAnalyzer};
//! use newsnlp_tokenize::Tokenizer;
//!
//! let text = "Russia still wants an independent investigation. \
//!             Lavrov said that the meeting was “productive.”";
//! let doc = Tokenizer::new().tokenize(text);
//! let gaz = Gazetteer::default();
//! let mentions = gaz.find_in_document(text);
//! let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
//! let stances = StanceAnalyzer::new().stances(&doc, &gaz, &mentions, &quotes);
//!
//! let (russia, lavrov) = (&stances[0], &stances[1]);
//! assert_eq!((russia.holder.label(), russia.target.text.as_str()), ("Russia", "an independent investigation"));
//! assert_eq!(russia.polarity, Polarity::Positive); // "wants"
//! assert_eq!(russia.target.span, 19..47);
//! assert_eq!((lavrov.holder.label(), lavrov.target.text.as_str()), ("Sergey Lavrov", "the meeting"));
//! assert_eq!(lavrov.polarity, Polarity::Positive); // "was productive"
//! assert_eq!(&text[lavrov.target.span.range()], "the meeting");
//! ```
//!
//! The rules (attitude verbs with a polarity toward their object, demanded
//! actions, evaluative predicates, responsibility, negation) are described
//! at [`StanceAnalyzer`]; where no rule applies, the polarity comes from the
//! target-sentiment model below. The word lists behind them are data files
//! (`data/stance_verbs.txt`, `data/evaluatives.txt`).
//!
//! Underneath, the crate answers two questions about a sentence and a span
//! in it:
//!
//! 1. **How does the sentence present the target?** [`TargetSentiment`]
//!    says [`Polarity::Negative`], [`Polarity::Neutral`] or
//!    [`Polarity::Positive`], with probabilities. This is the NewsMTSC task:
//!    sentiment *toward a target*, not the sentence's overall mood, so two
//!    people in one sentence can get different answers.
//! 2. **How certainly is it stated?** [`Certainty`] (or the [`certainty()`]
//!    function) gives a score in [0, 1] from hedges ("may", "reportedly",
//!    "seems likely") and boosters ("clearly", "no doubt"), with negation
//!    handled, and returns the markers it found with their byte spans.
//!
//! Spans are UTF-8 byte offsets into the caller's `&str`, as everywhere in
//! newsnlp: a [`Span`] in the output types ([`Stance::evidence`],
//! [`Target::span`]), a `Range<usize>` in the functions' arguments. No function here panics on any input: a target
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
//! improves on; the `train` module (feature `train`) retrains the model
//! on your own data and [`Model::from_path`] loads the result.
//!
//! # Certainty
//!
//! ```
//! use newsnlp_stance::{certainty, Certainty, MarkerKind};
//!
//! let s = "The minister reportedly resigned, but aides said it was clearly a mistake.";
//! let resigned = 0..31;
//! assert!(certainty(s, resigned.clone()) < Certainty::NEUTRAL);
//!
//! let a = Certainty::new().assess(s, resigned);
//! assert_eq!(a.markers[0].kind, MarkerKind::Hedge);
//! assert_eq!(&s[a.markers[0].span.clone()], "reportedly");
//! assert_eq!(&s[a.markers[1].span.clone()], "clearly"); // outside the span: counts half
//! ```
//!
//! # Features
//!
//! * `serde`: `Serialize`/`Deserialize` for [`Polarity`] (as `"negative"`,
//!   `"neutral"`, `"positive"`), [`Scores`], [`Sentiment`], [`Marker`],
//!   [`MarkerKind`], [`Assessment`], [`Basis`], [`Target`] and [`Party`];
//!   both ways for [`Stance`] in the CLI's flat shape `{"holder": "name",
//!   "target": "text", "polarity": "negative", "certainty": 0.9,
//!   "evidence": [s, e], …}` with the fields that read it back equal
//!   (`basis`, `target_span`, `target_entity`, `holder_type`,
//!   `holder_entity`, `holder_kind`; see [`Stance`]).
//! * `train`: the `train` module, which trains a [`Model`] from labelled
//!   targets (`train::train`, deterministic; the crate's `train` example
//!   made the embedded weights with it).
//!
//! # Data
//!
//! Everything the crate needs is embedded (`include_str!`) from `data/`:
//! the VADER lexicon (MIT, C.J. Hutto), the model weights (derived from
//! NewsMTSC, MIT, Felix Hamborg) and the hedge, booster, negator,
//! intensifier, stance-verb and evaluative lists written for this crate. Each file notes its origin and
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
mod tokens;
#[cfg(feature = "train")]
pub mod train;
mod triples;
mod verbs;

pub use analyzer::{StanceAnalyzer, StanceAnalyzerBuilder};
pub use certainty::{Assessment, Certainty, Marker, MarkerKind, certainty};
pub use error::{Error, ErrorKind};
pub use model::Model;
pub use newsnlp_gazetteer::Party;
pub use newsnlp_text::Span;
pub use polarity::{ParsePolarityError, Polarity, Scores, Sentiment};
pub use sentiment::{LexiconBaseline, TargetSentiment};
pub use triples::{Basis, Stance, Target};
