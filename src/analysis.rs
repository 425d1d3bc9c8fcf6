//! [`Analysis`]: the owned form of a [`Document`], the shape of
//! `newsnlp analyze --json`.
//!
//! A [`Document`] borrows its text and its pipeline; an `Analysis` owns
//! everything and holds only what the JSON holds: sentences with their
//! token spans, entity mentions, quotes and stances. With the `serde`
//! feature it serializes to the `analyze --json` object and deserializes
//! from it, and `doc.to_analysis()` serializes to the same JSON as `doc`.
//!
//! ```
//! let pipeline = newsnlp::Pipeline::new();
//! let doc = pipeline.analyze("“It went well,” Putin said.");
//! let analysis = doc.to_analysis();
//! assert_eq!(analysis.sentences.len(), 1);
//! assert_eq!(analysis.entities[0].name.as_deref(), Some("Vladimir Putin"));
//! assert_eq!(analysis.quotes, doc.quotes());
//! ```

use newsnlp_gazetteer::EntityKind;
use newsnlp_quotes::Quote;
use newsnlp_stance::Stance;
use newsnlp_text::Span;
use newsnlp_tokenize::{Sentence, Tokenized};

use crate::pipeline::{Document, EntityMention};

/// The analysis of one article, owned: what `newsnlp analyze --json`
/// prints.
///
/// Its JSON shape (with the `serde` feature; spans are UTF-8 byte offsets
/// `[start, end]`):
///
/// ```json
/// {"sentences": [{"start": 0, "end": 27, "tokens": [[0, 3], ...]}, ...],
///  "entities": [{"span": [s, e], "name": "Vladimir Putin" | null,
///                "kind": "person" | null, "candidates": ["...", ...]}, ...],
///  "quotes": [Quote, ...],
///  "stances": [Stance, ...]}
/// ```
///
/// `candidates` appears only on an ambiguous mention (then `name` and
/// `kind` are `null`). A quote is written as [`Quote`] documents it
/// (`kind`, `content`, `cue`, `source`, `speaker`, `confidence`, and
/// `rule`, `speaker_type`, `speaker_entity`, `speaker_kind`), a stance as
/// [`Stance`] does (`holder`, `target`, `polarity`, `certainty`,
/// `evidence`, and `basis`, `target_span`, `target_entity`, `holder_type`,
/// `holder_entity`, `holder_kind`). Scores have at most 4 decimals.
/// Reading that JSON back gives an equal `Analysis`.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// # fn main() -> Result<(), serde_json::Error> {
/// use newsnlp::{Analysis, Pipeline};
///
/// let pipeline = Pipeline::new();
/// let doc = pipeline.analyze("Lavrov said that the talks were productive.");
/// let json = serde_json::to_string(&doc)?;
/// let back: Analysis = serde_json::from_str(&json)?;
/// assert_eq!(back, doc.to_analysis());
/// assert_eq!(back.stances[0].holder.name(), Some("Sergey Lavrov"));
/// # Ok(()) }
/// # main().unwrap();
/// # }
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Analysis {
    /// Sentences in text order, with their tokens' spans.
    pub sentences: Vec<AnalysisSentence>,
    /// Entity mentions in text order.
    pub entities: Vec<AnalysisEntity>,
    /// Quotes, in text order of their content.
    pub quotes: Vec<Quote>,
    /// Stance triples, in the order of their evidence.
    pub stances: Vec<Stance>,
}

/// One sentence of an [`Analysis`]: its byte span and its tokens' spans.
///
/// ```
/// let pipeline = newsnlp::Pipeline::new();
/// let doc = pipeline.analyze("Putin spoke. Lavrov listened.");
/// let s = &doc.to_analysis().sentences[1];
/// assert_eq!((s.start, s.end, s.tokens.len()), (13, 29, 3));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AnalysisSentence {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset just past its last byte.
    pub end: usize,
    /// Its tokens' byte spans, `[start, end]` each.
    pub tokens: Vec<[usize; 2]>,
}

/// One entity mention of an [`Analysis`]: the owned form of an
/// [`EntityMention`].
///
/// ```
/// let pipeline = newsnlp::Pipeline::new();
/// let doc = pipeline.analyze("Clinton met Putin.");
/// let a = doc.to_analysis();
/// assert_eq!(a.entities[0].name, None); // Hillary or Bill: ambiguous
/// assert_eq!(a.entities[0].candidates.as_ref().map(Vec::len), Some(2));
/// assert_eq!(a.entities[1].name.as_deref(), Some("Vladimir Putin"));
/// assert_eq!(a.entities[1].span, 12..17);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AnalysisEntity {
    /// Byte span of the name in the text (`[start, end]`).
    pub span: Span,
    /// The canonical name, when linked (for an entity the gazetteer does
    /// not list: the fullest form the document uses).
    pub name: Option<String>,
    /// The entity kind, when linked.
    pub kind: Option<EntityKind>,
    /// Whether the gazetteer lists the entity (or the candidates).
    #[cfg_attr(feature = "serde", serde(default = "listed"))]
    pub known: bool,
    /// The candidates' canonical names, best first, when the mention is
    /// ambiguous (`None` when linked).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub candidates: Option<Vec<String>>,
}

/// Entities read from JSON without `known` are listed ones (the field
/// came after the others).
#[cfg(feature = "serde")]
fn listed() -> bool {
    true
}

impl AnalysisSentence {
    /// The sentence `s` of `tokens`.
    pub(crate) fn of(tokens: &Tokenized<'_>, s: &Sentence) -> Self {
        AnalysisSentence {
            start: s.span.start,
            end: s.span.end,
            tokens: tokens
                .sentence_tokens(s)
                .iter()
                .map(|t| [t.span.start, t.span.end])
                .collect(),
        }
    }
}

impl From<&EntityMention<'_>> for AnalysisEntity {
    fn from(e: &EntityMention<'_>) -> Self {
        AnalysisEntity {
            span: e.span,
            name: e.name().map(str::to_string),
            kind: e.kind(),
            known: e.known,
            candidates: e
                .is_ambiguous()
                .then(|| e.candidates.iter().map(|c| c.0.to_string()).collect()),
        }
    }
}

impl Document<'_> {
    /// The owned [`Analysis`]: what the `analyze --json` output holds.
    ///
    /// ```
    /// let pipeline = newsnlp::Pipeline::new();
    /// let doc = pipeline.analyze("Putin spoke.");
    /// let a = doc.to_analysis();
    /// assert_eq!((a.sentences.len(), a.entities.len()), (1, 1));
    /// ```
    pub fn to_analysis(&self) -> Analysis {
        let tokens = self.tokens();
        Analysis {
            sentences: tokens
                .sentences()
                .iter()
                .map(|s| AnalysisSentence::of(tokens, s))
                .collect(),
            entities: self.mentions().iter().map(AnalysisEntity::from).collect(),
            quotes: self.quotes().to_vec(),
            stances: self.stances().to_vec(),
        }
    }
}

impl From<&Document<'_>> for Analysis {
    fn from(doc: &Document<'_>) -> Self {
        doc.to_analysis()
    }
}
