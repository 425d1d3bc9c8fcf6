//! Stance triples: who (holder) feels how (polarity, certainty) about what
//! (target), with the evidence span.

use std::ops::Range;

use newsnlp_gazetteer::EntityId;
use newsnlp_quotes::Speaker;

use crate::polarity::Polarity;

/// Who holds a stance.
///
/// [`Holder::name`] is the flat form the CLI prints: the canonical name of
/// a gazetteer entity, the phrase as written, or the byline's name.
///
/// ```
/// use newsnlp_stance::Holder;
///
/// assert_eq!(Holder::Phrase("Both sides".into()).name(), "Both sides");
/// assert_eq!(Holder::Author { name: Some("Faye Higbee".into()) }.name(), "Faye Higbee");
/// assert_eq!(Holder::Author { name: None }.name(), "author");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Holder {
    /// A gazetteer entity: a quote's speaker or the subject of an attitude
    /// verb that names (or refers by pronoun to) a known entity.
    Entity {
        /// The entity's id in the gazetteer that produced the mentions.
        id: EntityId,
        /// Its canonical name ("Rex Tillerson").
        name: String,
    },
    /// A holder that names no known entity, kept as written ("Both sides",
    /// "US officials").
    Phrase(String),
    /// The article's author, for evaluations outside any attribution; the
    /// byline's name when the article has one ("By Faye Higbee").
    Author {
        /// The byline's name, if found.
        name: Option<String>,
    },
}

impl Holder {
    /// The flat name: canonical name, phrase, byline name, or `"author"`
    /// for an author without a byline.
    ///
    /// ```
    /// let h = newsnlp_stance::Holder::Phrase("US officials".into());
    /// assert_eq!(h.name(), "US officials");
    /// ```
    pub fn name(&self) -> &str {
        match self {
            Holder::Entity { name, .. } => name,
            Holder::Phrase(p) => p,
            Holder::Author { name } => name.as_deref().unwrap_or("author"),
        }
    }

    /// The gazetteer entity, for [`Holder::Entity`].
    ///
    /// ```
    /// assert_eq!(newsnlp_stance::Holder::Author { name: None }.entity(), None);
    /// ```
    pub fn entity(&self) -> Option<EntityId> {
        match self {
            Holder::Entity { id, .. } => Some(*id),
            _ => None,
        }
    }

    /// The holder a quote's speaker names.
    ///
    /// ```
    /// use newsnlp_quotes::Speaker;
    /// use newsnlp_stance::Holder;
    ///
    /// let h = Holder::from_speaker(&Speaker::Phrase("Both sides".into()));
    /// assert_eq!(h, Holder::Phrase("Both sides".into()));
    /// ```
    pub fn from_speaker(speaker: &Speaker) -> Holder {
        match speaker {
            Speaker::Entity { id, name, .. } => Holder::Entity {
                id: *id,
                name: name.clone(),
            },
            Speaker::Phrase(p) => Holder::Phrase(p.clone()),
            Speaker::Author { name } => Holder::Author { name: name.clone() },
        }
    }
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
/// let t = Target { text: "an independent investigation".into(), span: 13..41, entity: None };
/// assert_eq!(&text[t.span.clone()], t.text);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    /// The canonical name of the entity, or the noun phrase as written.
    pub text: String,
    /// Byte span of the mention or noun phrase in the document.
    pub span: Range<usize>,
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

/// One stance triple: `holder` feels `polarity` about `target`, stated with
/// `certainty`, as `evidence` (a byte span of the document) shows.
///
/// With the `serde` feature it serializes to the CLI's flat shape:
/// `{"holder": "name", "target": "target text", "polarity":
/// "negative"|"neutral"|"positive", "certainty": 0..1, "evidence": [s, e]}`
/// (the holder as [`Holder::name`], the target as [`Target::text`]).
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
/// assert_eq!(s.holder.name(), "Russia");
/// assert_eq!(s.target.text, "an independent investigation");
/// assert_eq!(s.target.span, 19..47);
/// assert_eq!(s.polarity, Polarity::Positive);
/// assert_eq!(s.evidence, 0..47);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Stance {
    /// Who holds the stance.
    pub holder: Holder,
    /// What it is about.
    pub target: Target,
    /// Negative, neutral or positive.
    pub polarity: Polarity,
    /// How firmly it is stated, in [0, 1] ([`Certainty`](crate::Certainty)
    /// of the evidence: boosters raise it, hedges lower it).
    pub certainty: f32,
    /// Byte span of the words that show the stance: the quote's content in
    /// the target's sentence, the attitude clause, or the sentence.
    pub evidence: Range<usize>,
    /// How the polarity was decided (not serialized).
    pub basis: Basis,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Stance {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Stance", 5)?;
        st.serialize_field("holder", self.holder.name())?;
        st.serialize_field("target", &self.target.text)?;
        st.serialize_field("polarity", &self.polarity)?;
        st.serialize_field("certainty", &self.certainty)?;
        st.serialize_field("evidence", &[self.evidence.start, self.evidence.end])?;
        st.end()
    }
}
