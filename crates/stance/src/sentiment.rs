//! Target sentiment: the trained classifier and the lexicon baseline.

use std::borrow::Cow;
use std::ops::Range;

use crate::features::{clamp_span, token_range, valences};
use crate::lexicon::LEXICONS;
use crate::model::{Model, softmax};
use crate::polarity::Sentiment;
use crate::tokens::tokenize;

/// Classifies how a sentence presents a target (a person, an organization,
/// any span): negative, neutral or positive.
///
/// A multinomial logistic regression over target-relative features (words
/// and bigrams by side and distance, the target's clause, quote marks,
/// lexicon valence with negation and intensifier scope, weighted by distance
/// to the target). The default weights are embedded in the crate and were
/// trained on NewsMTSC (MIT); see the crate README for the figures.
///
/// The target is a UTF-8 byte range into the sentence. Any range is
/// accepted: ends past the sentence are cut to its length, ends inside a
/// character are moved outwards to its boundaries, a reversed range is put
/// in order. A span that covers no word is treated as a position between
/// words.
///
/// ```
/// use newsnlp_stance::{Polarity, TargetSentiment};
///
/// let clf = TargetSentiment::new();
/// let s = "Smith, a hero to many, defeated Jones, whose scandals sank his campaign.";
/// assert_eq!(clf.classify(s, 0..5).polarity, Polarity::Positive); // Smith
/// assert_eq!(clf.classify(s, 32..37).polarity, Polarity::Negative); // Jones
/// // Out-of-range spans do not panic.
/// let _ = clf.classify(s, 60..1000);
/// ```
#[derive(Debug, Clone)]
pub struct TargetSentiment {
    model: Cow<'static, Model>,
}

impl Default for TargetSentiment {
    fn default() -> Self {
        Self::new()
    }
}

impl TargetSentiment {
    /// The classifier with the embedded weights (parsed once per process,
    /// then shared: calling `new` again is cheap).
    ///
    /// ```
    /// let clf = newsnlp_stance::TargetSentiment::new();
    /// assert!(!clf.model().is_empty());
    /// ```
    pub fn new() -> Self {
        TargetSentiment {
            model: Cow::Borrowed(Model::embedded()),
        }
    }

    /// Builds the model's lookup tables and the lexicons now, rather than on
    /// the first classification (they are built once per model and shared):
    /// [`StanceAnalyzerBuilder::build`](crate::StanceAnalyzerBuilder::build)
    /// pays that cost at start-up.
    pub(crate) fn prepare(&self) {
        self.model.prepare();
    }

    /// A classifier with custom weights (from [`Model::from_path`] or
    /// `train::train`, with the `train` feature).
    ///
    /// ```
    /// use newsnlp_stance::{Model, TargetSentiment};
    /// let clf = TargetSentiment::with_model(Model::embedded().clone());
    /// assert_eq!(clf.model().len(), Model::embedded().len());
    /// ```
    pub fn with_model(model: Model) -> Self {
        TargetSentiment {
            model: Cow::Owned(model),
        }
    }

    /// The model behind this classifier.
    ///
    /// ```
    /// let clf = newsnlp_stance::TargetSentiment::new();
    /// assert!(clf.model().len() > 0);
    /// ```
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The polarity of `target` (a byte range) as `sentence` presents it,
    /// with the probabilities of all three polarities. Never panics.
    ///
    /// ```
    /// use newsnlp_stance::{Polarity, TargetSentiment};
    ///
    /// let s = "Tillerson met Putin in Moscow on Wednesday.";
    /// let out = TargetSentiment::new().classify(s, 0..9);
    /// assert_eq!(out.polarity, Polarity::Neutral);
    /// let sum: f32 = out.scores.as_array().iter().sum();
    /// assert!((sum - 1.0).abs() < 1e-4);
    /// ```
    pub fn classify(&self, sentence: &str, target: Range<usize>) -> Sentiment {
        self.model.classify(sentence, target)
    }

    /// [`classify`](Self::classify) on a sentence tokenized beforehand.
    pub(crate) fn classify_tokens(
        &self,
        sentence: &str,
        tokens: &[crate::tokens::Token<'_>],
        vals: &[f32],
        classes: &[u8],
        ids: Option<&[u32]>,
        target: Range<usize>,
    ) -> Sentiment {
        self.model
            .classify_tokens(sentence, tokens, vals, classes, ids, target)
    }

    /// The ids of the tokens' words for [`classify_tokens`](Self::classify_tokens)
    /// and what the lexicons say of them.
    pub(crate) fn token_facts(
        &self,
        tokens: &[crate::tokens::Token<'_>],
    ) -> (Option<Vec<u32>>, Vec<crate::lexicon::WordInfo>) {
        self.model.token_facts(tokens)
    }
}

/// The transparent baseline: VADER valences (with negation and intensifier
/// scope) summed over the sentence, each weighted by its distance to the
/// target and doubled inside the target's clause.
///
/// It needs no training and is easy to explain, but it cannot tell who is
/// praised from who is praising; [`TargetSentiment`] is much better on news
/// (see the crate README).
///
/// ```
/// use newsnlp_stance::{LexiconBaseline, Polarity};
///
/// let base = LexiconBaseline::new();
/// assert_eq!(base.classify("Smith is a wonderful leader.", 0..5).polarity, Polarity::Positive);
/// assert_eq!(base.classify("Smith is not a wonderful leader.", 0..5).polarity, Polarity::Negative);
/// assert_eq!(base.classify("Smith flew to Paris.", 0..5).polarity, Polarity::Neutral);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LexiconBaseline {
    threshold: f32,
}

impl Default for LexiconBaseline {
    fn default() -> Self {
        Self::new()
    }
}

impl LexiconBaseline {
    /// The baseline with its default neutral band.
    ///
    /// ```
    /// let _ = newsnlp_stance::LexiconBaseline::new();
    /// ```
    pub fn new() -> Self {
        LexiconBaseline { threshold: 0.25 }
    }

    /// The target-weighted valence score: above 0 leans positive, below 0
    /// negative (roughly -1..1). Never panics.
    ///
    /// ```
    /// let b = newsnlp_stance::LexiconBaseline::new();
    /// assert!(b.score("Smith is a very good mayor.", 0..5) > b.score("Smith is a good mayor.", 0..5));
    /// ```
    pub fn score(&self, sentence: &str, target: Range<usize>) -> f32 {
        let span = clamp_span(sentence, target);
        let tokens = tokenize(sentence);
        let tr = token_range(&tokens, &span);
        let vals = valences(&tokens, &LEXICONS);
        let is_break = |t: &crate::tokens::Token<'_>| {
            !t.is_word() && matches!(t.text, "," | ";" | ":" | "—" | "–")
        };
        let clause_start = tokens[..tr.start]
            .iter()
            .rposition(is_break)
            .map_or(0, |i| i + 1);
        let clause_end = tokens[tr.end..]
            .iter()
            .position(is_break)
            .map_or(tokens.len(), |i| tr.end + i);
        let mut sum = 0.0;
        for (i, v) in vals.iter().enumerate() {
            if *v == 0.0 || tr.contains(&i) {
                continue;
            }
            let d = if i < tr.start {
                tr.start - i
            } else {
                i + 1 - tr.end
            };
            let clause = if (clause_start..clause_end).contains(&i) {
                2.0
            } else {
                1.0
            };
            sum += v * clause / (1.0 + d as f32 / 4.0);
        }
        sum / (sum * sum + 15.0).sqrt()
    }

    /// Classifies like [`TargetSentiment::classify`], from [`score`](Self::score):
    /// neutral inside a band around 0.
    ///
    /// ```
    /// use newsnlp_stance::{LexiconBaseline, Polarity};
    /// let b = LexiconBaseline::new();
    /// assert_eq!(b.classify("Critics attacked Smith's terrible plan.", 17..22).polarity, Polarity::Negative);
    /// ```
    pub fn classify(&self, sentence: &str, target: Range<usize>) -> Sentiment {
        let s = self.score(sentence, target);
        // Logits that make the band edges the decision boundaries.
        let k = 8.0;
        Sentiment::from_probs(softmax([-k * s, k * self.threshold, k * s]))
    }
}
