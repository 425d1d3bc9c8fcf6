//! The stance layer: holders, targets, polarity and certainty from the
//! tokenized document, its entity mentions and its quotes.
//!
//! [`StanceAnalyzer::stances`] reads the document once into a [`Doc`]
//! (words, class bits, sentences, mentions, quotes, byline), runs the rules
//! of each sentence ([`rules`]: "Russia still wants an independent
//! investigation", "the meeting was productive"), turns each finding into
//! stances ([`collector`]), adds the entities of quotes (and, when asked,
//! of the author's evaluative sentences) with the model's polarity, and scores each one's
//! certainty in a window of its sentence ([`windows`]).
//!
//! - [`classes`]: the closed word classes and their per-token bits;
//! - [`doc`]: the document view the rules read;
//! - [`phrases`]: noun phrases and verb groups ("the current state of
//!   U.S.-Russia relations", "does not want");
//! - [`holders`]: who a subject is ("he" -> the last person mentioned);
//! - [`rules`]: attitude, first-person action, deed, predication, naming;
//! - [`windows`]: the model's and the certainty scorer's view of a sentence;
//! - [`collector`]: findings and model polarities turned into stances.

mod classes;
mod collector;
mod conduct;
mod doc;
mod effects;
mod extraposed;
mod holders;
mod naming;
mod passive;
mod phrases;
mod positions;
mod rules;
mod warning;
mod windows;

use newsnlp_gazetteer::{Entities, Gazetteer, Mention};
use newsnlp_quotes::Quote;
use newsnlp_text::Table;
use newsnlp_tokenize::Tokenized;

use crate::certainty::Certainty;
use crate::polarity::Polarity;
use crate::sentiment::TargetSentiment;
use crate::triples::Stance;

use collector::Collector;
use doc::Doc;
use windows::Windows;

/// Finds stance triples in a document from its tokens, entity mentions and
/// quotes. `Send + Sync`; build one and share it.
///
/// Holders, targets and polarity come from these rules, in this order of
/// preference (the first that applies to a holder and target wins):
///
/// 1. **Attitude verbs** (`data/stance_verbs.txt`): the subject of "wants",
///    "supports", "praised" (positive) or "opposes", "condemned", "accused"
///    (negative) holds that stance toward the object noun phrase; a negator
///    before the verb ("does not want") flips it. "Want to", "willing to",
///    "refused to" before an action verb multiply their polarity with the
///    action's ("want to deny a safe haven" is negative toward it).
/// 2. **Demanded actions**: "North Korea has to be denuclearized", "this
///    cannot be allowed": a deontic modal, "be" and an action verb.
/// 3. **Evaluative predicates**: "the meeting was productive", "relations
///    are at a low point": the subject noun phrase, a copula, and the
///    valence of the predicate's words (VADER plus `data/evaluatives.txt`)
///    with negation.
/// 4. **Responsibility**: "X did it", "X was behind the attack": negative
///    toward X.
/// 5. **Entities in quotes**: every entity mentioned in a quote's content
///    is a target of the quote's speaker, with the polarity the
///    [`TargetSentiment`] model gives it in the sentence.
///
/// Rules 2 to 4 take the holder from where they stand: the speaker of the
/// quote whose content holds them, the subject of a reporting verb before
/// them that no quote took ("Russian officials claim that Assad was
/// framed": the officials, positive toward Assad), or the article's author
/// in a sentence without attribution. On request the author also holds
/// model-based stances toward entities of unattributed sentences with
/// evaluative words (see [`StanceAnalyzerBuilder::author_stances`], off
/// by default). Headlines (the lines
/// before the byline, title-case lines without a stop) are nobody's
/// stance.
///
/// Who holds, and what is a target:
///
/// - an appeal ("urged council members to approve the plan", "called on
///   Turkey to release them") is the subject's stance toward what the
///   addressee is asked to act on; the addressee is neither holder nor
///   target;
/// - an infinitive's holder is the subject of its governing clause ("We
///   have no reason to fear this partnership": the speaker, and "no"
///   flips "fear");
/// - "…, as did X" and "…, and X agreed" make X a co-holder of the same
///   stance, never a target;
/// - a holder written as a phrase must be able to name a person, group or
///   organization ("council members", "the Labor leader"; not "have no
///   reason"), and a place after a preposition ("in Idlib") is never one.
///
/// Polarity of predicates: "not enough", "without any …", "delayed" are
/// negative, "overdue" positive ("badly" is a degree there, not a
/// judgment), "wrongly accused" and "framed" defend their subject, and
/// after "but" the words weigh more than before it ("difficult but not
/// hopeless" is positive). A thing that harms ("this plan punishes working
/// families") is judged negatively by whoever is reported saying so.
///
/// Certainty is [`Certainty::assess`] of the evidence in its sentence:
/// 0.65 for a plain statement, raised by boosters ("confident", "will",
/// "clearly", "absolutely certain"), lowered by hedges and modals ("may",
/// "could", "probably", "appears", "reportedly"), and lowered a little
/// (0.3 in log-odds, a third of "may") when the evidence is retold: an
/// indirect or mixed quote, or a reported claim. For example:
///
/// | evidence | certainty |
/// |---|---|
/// | “The tariffs will clearly hurt farmers,” said Schumer. | 0.91 |
/// | Macron said he was absolutely certain the deal was dead. | 0.93 |
/// | Merkel said she was confident the talks will be productive. | 0.86 |
/// | “The tariffs hurt farmers,” said Schumer. | 0.65 |
/// | Schumer said the tariffs hurt farmers. | 0.58 |
/// | Pelosi appears to support the bill. | 0.48 |
/// | Schumer said the tariffs could hurt farmers. | 0.36 |
/// | Economists said the plan would probably hurt exports. | 0.27 |
///
/// ```
/// use newsnlp_gazetteer::Gazetteer;
/// use newsnlp_quotes::QuoteExtractor;
/// use newsnlp_stance::StanceAnalyzer;
/// use newsnlp_tokenize::Tokenizer;
///
/// let certainty = |text: &str| {
///     let doc = Tokenizer::new().tokenize(text);
///     let gaz = Gazetteer::default();
///     let mentions = gaz.find_in_document(text);
///     let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
///     let stances = StanceAnalyzer::new().stances(&doc, &gaz, &mentions, &quotes);
///     stances.iter().find(|s| s.target.text.contains("tariffs")).map(|s| s.certainty)
/// };
/// let boosted = certainty("“The tariffs will clearly hurt farmers,” said Chuck Schumer.").unwrap();
/// let plain = certainty("“The tariffs hurt farmers,” said Chuck Schumer.").unwrap();
/// let retold = certainty("Chuck Schumer said the tariffs hurt farmers.").unwrap();
/// let hedged = certainty("Chuck Schumer said the tariffs could hurt farmers.").unwrap();
/// assert!(boosted > 0.85 && (0.6..0.7).contains(&plain));
/// assert!(hedged < 0.45 && hedged < retold && retold < plain);
/// ```
///
/// Every look-around is capped (a subject is at most ten words, an object
/// eight, a sentence is read in a window of 600 bytes around the target),
/// so the cost is linear in the text on any input.
///
/// ```
/// use newsnlp_gazetteer::Gazetteer;
/// use newsnlp_quotes::QuoteExtractor;
/// use newsnlp_stance::{Polarity, StanceAnalyzer};
/// use newsnlp_tokenize::Tokenizer;
///
/// let text = "Lavrov said that the talks were productive.";
/// let doc = Tokenizer::new().tokenize(text);
/// let gaz = Gazetteer::default();
/// let mentions = gaz.find_in_document(text);
/// let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
/// let stances = StanceAnalyzer::new().stances(&doc, &gaz, &mentions, &quotes);
///
/// assert_eq!(stances.len(), 1);
/// assert_eq!(stances[0].holder.name(), Some("Sergey Lavrov"));
/// assert_eq!(stances[0].target.text, "the talks");
/// assert_eq!(stances[0].target.span, 17..26);
/// assert_eq!(stances[0].polarity, Polarity::Positive);
/// assert_eq!(stances[0].evidence, 12..42); // the reported clause
/// ```
#[derive(Debug, Clone)]
pub struct StanceAnalyzer {
    sentiment: TargetSentiment,
    certainty: Certainty,
    author: bool,
    neutral: bool,
}

impl Default for StanceAnalyzer {
    fn default() -> Self {
        StanceAnalyzer::new()
    }
}

/// Builds a [`StanceAnalyzer`]. Non-consuming: one builder can build
/// several analyzers.
///
/// ```
/// use newsnlp_stance::StanceAnalyzerBuilder;
///
/// let analyzer = StanceAnalyzerBuilder::new().neutral(false).author_stances(false).build();
/// # let _ = analyzer;
/// ```
#[derive(Debug, Clone)]
pub struct StanceAnalyzerBuilder {
    sentiment: Option<TargetSentiment>,
    author: bool,
    neutral: bool,
}

impl Default for StanceAnalyzerBuilder {
    fn default() -> Self {
        StanceAnalyzerBuilder::new()
    }
}

impl StanceAnalyzerBuilder {
    /// The defaults: the embedded sentiment model, model-based author
    /// stances off, neutral stances kept.
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzerBuilder::new().build();
    /// ```
    pub fn new() -> Self {
        StanceAnalyzerBuilder {
            sentiment: None,
            author: false,
            neutral: true,
        }
    }

    /// Whether the author also holds the model's stances toward the
    /// entities of unattributed sentences with an evaluative word
    /// (non-neutral, probability at least 0.5). Default off: the author's
    /// stances come from the rules (an evaluation the author writes, such
    /// as "a disastrous summit"), whatever this says. The model's
    /// portrayal of an entity is not the author's attitude often enough:
    /// 10 of 25 such stances sampled from PolNeAR articles were right
    /// ("Sanders' statement so disappointing" -> negative), the others
    /// read a polarity into a sentence about something else ("Rubio is
    /// setting high expectations for Ted Cruz's finish" -> positive).
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzerBuilder::new().author_stances(true).build();
    /// ```
    pub fn author_stances(&mut self, yes: bool) -> &mut Self {
        self.author = yes;
        self
    }

    /// Whether neutral stances (an entity in a quote that the speaker
    /// neither praises nor criticizes) are reported. Default on.
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzerBuilder::new().neutral(false).build();
    /// ```
    pub fn neutral(&mut self, yes: bool) -> &mut Self {
        self.neutral = yes;
        self
    }

    /// Uses this target-sentiment classifier (other weights) for the
    /// model-based polarities.
    ///
    /// ```
    /// use newsnlp_stance::{StanceAnalyzerBuilder, TargetSentiment};
    /// let _ = StanceAnalyzerBuilder::new().sentiment(TargetSentiment::new()).build();
    /// ```
    pub fn sentiment(&mut self, clf: TargetSentiment) -> &mut Self {
        self.sentiment = Some(clf);
        self
    }

    /// The analyzer, with its model's lookup tables and the lexicons built
    /// now (once per model), so that the first document does not pay for
    /// them.
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzerBuilder::new().build();
    /// ```
    pub fn build(&self) -> StanceAnalyzer {
        let sentiment = self.sentiment.clone().unwrap_or_default();
        // The model's tables are built here, once per model, rather than on
        // the first document.
        sentiment.prepare();
        StanceAnalyzer {
            sentiment,
            certainty: Certainty::new(),
            author: self.author,
            neutral: self.neutral,
        }
    }
}

impl StanceAnalyzer {
    /// The analyzer with the defaults (see [`StanceAnalyzerBuilder::new`]).
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzer::new();
    /// ```
    pub fn new() -> Self {
        StanceAnalyzerBuilder::new().build()
    }

    /// A builder for non-default settings.
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzer::builder().neutral(false).build();
    /// ```
    pub fn builder() -> StanceAnalyzerBuilder {
        StanceAnalyzerBuilder::new()
    }

    /// The stances of a document, in the order of their evidence. `doc` is
    /// the tokenized text; `mentions` are the gazetteer's mentions in it
    /// ([`Gazetteer::find_in_document`]) and `quotes` the quotes found with
    /// them (`QuoteExtractor::extract_with_entities`). Never panics; linear
    /// in the text.
    ///
    /// ```
    /// use newsnlp_gazetteer::Gazetteer;
    /// use newsnlp_quotes::QuoteExtractor;
    /// use newsnlp_stance::{Basis, Polarity, StanceAnalyzer};
    /// use newsnlp_tokenize::Tokenizer;
    ///
    /// let text = "Secretary of Defense James Mattis stated that he was absolutely \
    ///             certain that Assad’s forces did it.";
    /// let doc = Tokenizer::new().tokenize(text);
    /// let gaz = Gazetteer::default();
    /// let mentions = gaz.find_in_document(text);
    /// let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
    /// let stances = StanceAnalyzer::new().stances(&doc, &gaz, &mentions, &quotes);
    ///
    /// let assad = stances.iter().find(|s| s.target.entity.is_some()).unwrap();
    /// assert_eq!(assad.holder.name(), Some("James Mattis"));
    /// assert_eq!(&text[assad.target.span.range()], "Assad");
    /// assert_eq!(assad.target.span, 77..82);
    /// assert_eq!(assad.polarity, Polarity::Negative);
    /// assert_eq!(assad.basis, Basis::Responsibility);
    /// assert!(assad.certainty > 0.9); // "absolutely certain"
    /// ```
    pub fn stances(
        &self,
        doc: &Tokenized<'_>,
        gazetteer: &Gazetteer,
        mentions: &[Mention],
        quotes: &[Quote],
    ) -> Vec<Stance> {
        self.stances_in(doc, &doc.table(), gazetteer, mentions, quotes)
    }

    /// [`stances`](Self::stances) with the document's token table built
    /// already ([`Tokenized::table`] of `doc`), for a caller that shares
    /// one table between the layers (as `newsnlp::Pipeline` does). The
    /// same stances.
    ///
    /// ```
    /// use newsnlp_gazetteer::Gazetteer;
    /// use newsnlp_quotes::QuoteExtractor;
    /// use newsnlp_stance::StanceAnalyzer;
    /// use newsnlp_tokenize::Tokenizer;
    ///
    /// let text = "Lavrov said that the talks were productive.";
    /// let doc = Tokenizer::new().tokenize(text);
    /// let table = doc.table();
    /// let gaz = Gazetteer::default();
    /// let mentions = gaz.find_in_document(text);
    /// let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
    /// let analyzer = StanceAnalyzer::new();
    /// let stances = analyzer.stances_in(&doc, &table, &gaz, &mentions, &quotes);
    /// assert_eq!(stances, analyzer.stances(&doc, &gaz, &mentions, &quotes));
    /// assert_eq!(stances[0].target.text, "the talks");
    /// ```
    pub fn stances_in<'e>(
        &self,
        doc: &Tokenized<'_>,
        table: &Table<'_>,
        entities: impl Into<Entities<'e>>,
        mentions: &[Mention],
        quotes: &[Quote],
    ) -> Vec<Stance> {
        let d = Doc::new(doc, table, entities.into(), mentions, quotes);
        let mut out = Collector::default();
        let mut findings = Vec::new();
        for si in (0..doc.sentences().len()).filter(|&si| !d.is_headline(si)) {
            d.findings(si, &mut findings);
        }
        // The table's lowercased text, when the table is the text's.
        let own;
        let lowered = if std::ptr::eq(table.text(), d.text) {
            table.lowered_text()
        } else {
            own = d.text.to_ascii_lowercase();
            &own
        };
        let mut cache = Windows::new(d.text, lowered);
        for f in &findings {
            self.emit_finding(&d, &mut cache, f, &mut out);
        }
        self.quote_entities(&d, &mut cache, &mut out);
        if self.author {
            self.author_entities(&d, &mut cache, &mut out);
        }
        let mut stances = out.stances;
        collector::full_names(&mut stances, &d.quotes);
        if !self.neutral {
            stances.retain(|s| s.polarity != Polarity::Neutral);
        }
        stances.sort_by_key(|s| (s.evidence.start, s.target.span.start, s.evidence.end));
        stances
    }
}
