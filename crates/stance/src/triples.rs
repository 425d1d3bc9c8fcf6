//! Stance triples: who (holder) feels how (polarity, certainty) about what
//! (target), with the evidence span.

use std::fmt;

use newsnlp_gazetteer::{EntityId, Party};
use newsnlp_text::Span;

use crate::polarity::Polarity;

/// A score rounded to at most 4 decimals, so that it prints as a clean
/// number (`0.65`, not `0.6499999761581421`).
pub(crate) fn round_score(x: f32) -> f64 {
    (f64::from(x) * 1e4).round() / 1e4
}

/// What a stance is about: an entity mentioned in the evidence, or the
/// noun phrase an attitude or evaluation is about ("the meeting", "an
/// independent investigation", "the current state of U.S.-Russia
/// relations").
///
/// ```
/// use newsnlp_stance::Target;
///
/// let text = "Russia wants an independent investigation.";
/// let t = Target { text: "an independent investigation".into(), span: (13..41).into(), entity: None };
/// assert_eq!(&text[t.span.range()], t.text);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Target {
    /// The canonical name of the entity, or the noun phrase as written.
    pub text: String,
    /// Byte span of the mention or noun phrase in the document (`[start,
    /// end]` with serde).
    pub span: Span,
    /// The gazetteer entity, when the target is one.
    pub entity: Option<EntityId>,
}

/// How a stance's polarity was decided.
///
/// ```
/// use newsnlp_stance::Basis;
/// assert_eq!(Basis::Attitude.as_str(), "attitude");
/// assert_ne!(Basis::Model, Basis::Evaluation);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Basis {
    /// An attitude verb with a polarity toward its object ("wants",
    /// "condemned"), negation applied.
    Attitude,
    /// An action on the target that the holder wants, demands or does
    /// ("want to deny a safe haven", "has to be denuclearized").
    Action,
    /// An evaluative predicate about the target ("the meeting was
    /// productive", "relations are at a low point"), negation applied.
    Evaluation,
    /// A responsibility predicate: the target did the bad thing ("X did
    /// it", "X was behind the attack").
    Responsibility,
    /// No rule applied: the target-sentiment model on the evidence sentence.
    Model,
}

impl Basis {
    /// The lowercase name: `"attitude"`, `"action"`, `"evaluation"`,
    /// `"responsibility"` or `"model"`.
    ///
    /// ```
    /// assert_eq!(newsnlp_stance::Basis::Model.as_str(), "model");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Attitude => "attitude",
            Basis::Action => "action",
            Basis::Evaluation => "evaluation",
            Basis::Responsibility => "responsibility",
            Basis::Model => "model",
        }
    }
}

impl fmt::Display for Basis {
    /// The lowercase name ([`Basis::as_str`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One stance triple: `holder` feels `polarity` about `target`, stated with
/// `certainty`, as `evidence` (a byte span of the document) shows.
///
/// With the `serde` feature it serializes to the CLI's flat shape, and
/// deserializes back from it to an equal value:
///
/// ```json
/// {"holder": "name", "target": "target text",
///  "polarity": "negative" | "neutral" | "positive", "certainty": 0.65,
///  "evidence": [s, e], "basis": "attitude", "target_span": [s, e],
///  "target_entity": 12 | null, "holder_type": "entity" | "phrase" | "author",
///  "holder_entity": 3 | null, "holder_kind": "person" | null}
/// ```
///
/// `holder` is [`Party::label`] (the name, or `"author"`), `target` is
/// [`Target::text`]; `basis`, `target_span`, `target_entity`,
/// `holder_type` ([`Party::role`]), `holder_entity` and `holder_kind` are
/// what it takes to read the stance back.
///
/// ```
/// use newsnlp_gazetteer::Gazetteer;
/// use newsnlp_quotes::QuoteExtractor;
/// use newsnlp_stance::{Polarity, StanceAnalyzer};
/// use newsnlp_tokenize::Tokenizer;
///
/// let text = "Russia still wants an independent investigation.";
/// let doc = Tokenizer::new().tokenize(text);
/// let gaz = Gazetteer::default();
/// let mentions = gaz.find_in_document(text);
/// let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
/// let stances = StanceAnalyzer::new().stances(&doc, &gaz, &mentions, &quotes);
///
/// let s = &stances[0];
/// assert_eq!(s.holder.name(), Some("Russia"));
/// assert_eq!(s.target.text, "an independent investigation");
/// assert_eq!(s.target.span, 19..47);
/// assert_eq!(s.polarity, Polarity::Positive);
/// assert_eq!(s.evidence, 0..47);
/// assert_eq!(s.to_string(), "Russia → an independent investigation 19..47: positive (attitude, 0.65) 0..47");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Stance {
    /// Who holds the stance.
    pub holder: Party,
    /// What it is about.
    pub target: Target,
    /// Negative, neutral or positive.
    pub polarity: Polarity,
    /// How firmly it is stated, in [0, 1] ([`Certainty`](crate::Certainty)
    /// of the evidence: boosters raise it, hedges lower it), rounded to at
    /// most 4 decimals.
    pub certainty: f64,
    /// Byte span of the words that show the stance: the quote's content in
    /// the target's sentence, the attitude clause, or the sentence.
    pub evidence: Span,
    /// How the polarity was decided.
    pub basis: Basis,
}

impl fmt::Display for Stance {
    /// One line without the text (spans only): `holder → target span:
    /// polarity (basis, certainty) evidence`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (t, e) = (&self.target.span, &self.evidence);
        write!(
            f,
            "{} → {} {}..{}: {} ({}, {}) {}..{}",
            self.holder,
            self.target.text,
            t.start,
            t.end,
            self.polarity,
            self.basis,
            self.certainty,
            e.start,
            e.end
        )
    }
}

#[cfg(feature = "serde")]
mod ser {
    use newsnlp_gazetteer::{EntityId, EntityKind, Party};
    use newsnlp_text::Span;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Basis, Stance, Target};
    use crate::polarity::Polarity;

    /// A stance as written: the contract's fields, then the added ones.
    #[derive(Serialize)]
    struct Flat<'s> {
        holder: &'s str,
        target: &'s str,
        polarity: Polarity,
        certainty: f64,
        evidence: Span,
        basis: Basis,
        target_span: Span,
        target_entity: Option<EntityId>,
        holder_type: &'static str,
        holder_entity: Option<EntityId>,
        holder_kind: Option<EntityKind>,
    }

    /// A stance as read.
    #[derive(Deserialize)]
    struct Owned {
        holder: String,
        target: String,
        polarity: Polarity,
        certainty: f64,
        evidence: Span,
        basis: Basis,
        target_span: Span,
        #[serde(default)]
        target_entity: Option<EntityId>,
        #[serde(default)]
        holder_type: Option<String>,
        #[serde(default)]
        holder_entity: Option<EntityId>,
        #[serde(default)]
        holder_kind: Option<EntityKind>,
    }

    impl Serialize for Stance {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            Flat {
                holder: self.holder.label(),
                target: &self.target.text,
                polarity: self.polarity,
                certainty: self.certainty,
                evidence: self.evidence,
                basis: self.basis,
                target_span: self.target.span,
                target_entity: self.target.entity,
                holder_type: self.holder.role(),
                holder_entity: self.holder.entity(),
                holder_kind: self.holder.kind(),
            }
            .serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for Stance {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let o = Owned::deserialize(d)?;
            let role = o.holder_type.as_deref().unwrap_or("phrase");
            let holder = Party::from_parts(role, Some(&o.holder), o.holder_entity, o.holder_kind)
                .ok_or_else(|| serde::de::Error::custom("holder fields do not fit"))?;
            Ok(Stance {
                holder,
                target: Target {
                    text: o.target,
                    span: o.target_span,
                    entity: o.target_entity,
                },
                polarity: o.polarity,
                certainty: o.certainty,
                evidence: o.evidence,
                basis: o.basis,
            })
        }
    }
}
