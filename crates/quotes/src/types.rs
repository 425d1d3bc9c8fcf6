//! The public value types: quotes, their kind and their speaker.

use std::ops::Range;

use newsnlp_gazetteer::{EntityId, EntityKind};

/// What kind of quotation a [`Quote`] is.
///
/// ```
/// use newsnlp_quotes::QuoteKind;
/// assert_eq!(QuoteKind::Direct.as_str(), "direct");
/// assert_eq!(QuoteKind::Indirect.to_string(), "indirect");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum QuoteKind {
    /// The speaker's words between quote marks: `“We frankly discussed it,” he said`.
    Direct,
    /// Reported speech that quotes some words verbatim: `he said the talks
    /// were “productive”`.
    Mixed,
    /// Reported speech, belief or intention without quote marks: `he said
    /// that the talks went well`, `according to him, …`.
    Indirect,
}

impl QuoteKind {
    /// The lower-case name used in JSON: `"direct"`, `"mixed"`, `"indirect"`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

impl std::fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The rule that found a quote; each rule has its own confidence.
///
/// ```
/// use newsnlp_quotes::{QuoteExtractor, Rule};
/// use newsnlp_tokenize::Tokenizer;
/// let doc = Tokenizer::new().tokenize("“We disagree,” said Lavrov.");
/// assert_eq!(QuoteExtractor::new().extract(&doc)[0].rule, Rule::QuoteCueSource);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// `X said (that) C`, `X told reporters C`, `X wants C`.
    SourceCueContent,
    /// `X said: “Q”` and `X said “Q”`: a quotation right after the cue.
    SourceCueQuote,
    /// `“Q,” X said` / `“Q,” said X` / `“Q1,” he said, “Q2.”`.
    QuoteCueSource,
    /// `C, X said` / `C, said X` without quote marks.
    ContentCueSource,
    /// `…, saying C`: a participle whose subject opens the sentence.
    Participle,
    /// `According to X, C`.
    AccordingLead,
    /// `C, according to X`.
    AccordingTrail,
    /// A quotation followed by a line holding only a name (or a dash and a
    /// title and name): `“…” Rex Tillerson`, `“…” —Commissioner Jane Roe`.
    NameLine,
    /// A lead-in ending with a colon, then the quotation paragraph.
    LeadIn,
    /// A name and a colon opening a line: a headline ("Lynch: No outside
    /// influence") or a transcript turn ("TAPPER: And …").
    NameColon,
    /// A quotation paragraph right after an attributed quotation: the same
    /// speaker goes on.
    Continuation,
    /// A quotation with no attribution found.
    Unattributed,
    /// Quoted words inside a reported clause, as a direct quote of their own.
    InnerPhrase,
    /// `In a new poll, C`: a leading "in" phrase that names a poll, a
    /// survey or a study is the source.
    InLead,
    /// `X seems to C`, `it appears that C`: an impression with no source
    /// named; the content is the subject and the clause.
    Seems,
    /// `Asked whether C, X said`, `… when asked about C`: the question put
    /// to someone (its source is the asker after "by", if named).
    Asked,
}

impl Rule {
    /// A short snake_case name ("source_cue_content").
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::SourceCueContent => "source_cue_content",
            Rule::SourceCueQuote => "source_cue_quote",
            Rule::QuoteCueSource => "quote_cue_source",
            Rule::ContentCueSource => "content_cue_source",
            Rule::Participle => "participle",
            Rule::AccordingLead => "according_lead",
            Rule::AccordingTrail => "according_trail",
            Rule::NameLine => "name_line",
            Rule::LeadIn => "lead_in",
            Rule::NameColon => "name_colon",
            Rule::Continuation => "continuation",
            Rule::Unattributed => "unattributed",
            Rule::InnerPhrase => "inner_phrase",
            Rule::InLead => "in_lead",
            Rule::Seems => "seems",
            Rule::Asked => "asked",
        }
    }
}

/// Who a quote is attributed to.
///
/// [`Speaker::name`] gives the flat form the CLI prints: the canonical name
/// of a linked entity, the text of an unlinked phrase, or the author's name.
///
/// ```
/// use newsnlp_quotes::Speaker;
/// let s = Speaker::Phrase("US officials".to_string());
/// assert_eq!(s.name(), Some("US officials"));
/// assert_eq!(Speaker::Author { name: None }.name(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Speaker {
    /// A gazetteer entity: the source names it, refers to it by pronoun or
    /// by a title it holds in the document.
    Entity {
        /// The entity's id in the gazetteer that produced the mentions.
        id: EntityId,
        /// Its canonical name ("Rex Tillerson").
        name: String,
        /// Its kind (person, organization, …).
        kind: EntityKind,
    },
    /// A source that names no known entity, kept as written: a group
    /// ("US officials", "both sides"), an unnamed source ("a source close to
    /// the talks"), or a name missing from the gazetteer.
    Phrase(String),
    /// The article's author: the writer speaks in the first person outside
    /// quotation marks. `name` is the byline's name, when there is one.
    Author {
        /// The name from the byline ("By Faye Higbee"), if found.
        name: Option<String>,
    },
}

impl Speaker {
    /// The flat name: canonical name, phrase text, or the byline's name.
    pub fn name(&self) -> Option<&str> {
        match self {
            Speaker::Entity { name, .. } => Some(name),
            Speaker::Phrase(p) => Some(p),
            Speaker::Author { name } => name.as_deref(),
        }
    }

    /// The gazetteer entity, for [`Speaker::Entity`].
    pub fn entity(&self) -> Option<EntityId> {
        match self {
            Speaker::Entity { id, .. } => Some(*id),
            _ => None,
        }
    }
}

/// One attribution: who said (or thinks, or wants) what, with byte spans
/// into the text.
///
/// With the `serde` feature a quote serializes to the CLI's flat shape:
/// `{"kind": "direct", "content": [s, e], "cue": [s, e] | null, "source":
/// [s, e] | null, "speaker": "name" | null, "confidence": 0.9}`.
///
/// ```
/// use newsnlp_quotes::{QuoteExtractor, QuoteKind};
/// use newsnlp_tokenize::Tokenizer;
///
/// let text = "“It was productive,” Lavrov said.";
/// let doc = Tokenizer::new().tokenize(text);
/// let q = &QuoteExtractor::new().extract(&doc)[0];
/// assert_eq!(q.kind, QuoteKind::Direct);
/// assert_eq!(&text[q.content.clone()], "It was productive,");
/// assert_eq!(q.content, 3..21);
/// assert_eq!(q.source, Some(25..31));
/// assert_eq!(q.cue, Some(32..36));
/// assert_eq!(q.speaker_name(), Some("Lavrov"));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Quote {
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// What was said: the words between the quote marks for a direct
    /// quote, the reported clause otherwise.
    #[cfg_attr(feature = "serde", serde(with = "newsnlp_tokenize::span"))]
    pub content: Range<usize>,
    /// The reporting words: "said", "told", "according to", a lead-in colon.
    #[cfg_attr(feature = "serde", serde(with = "newsnlp_tokenize::span::option"))]
    pub cue: Option<Range<usize>>,
    /// The words naming the speaker in the text ("Secretary of State Rex
    /// Tillerson", "he", "US officials").
    #[cfg_attr(feature = "serde", serde(with = "newsnlp_tokenize::span::option"))]
    pub source: Option<Range<usize>>,
    /// Who the source refers to, resolved as far as the mentions allow.
    #[cfg_attr(feature = "serde", serde(serialize_with = "flat_speaker"))]
    pub speaker: Option<Speaker>,
    /// How likely the quote is right, in [0, 1]: the precision of the rule
    /// that found it, measured on held-out news (see the crate docs).
    pub confidence: f32,
    /// The rule that found it (not serialized).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub rule: Rule,
}

impl Quote {
    /// The speaker's flat name ([`Speaker::name`]), if any.
    ///
    /// ```
    /// use newsnlp_quotes::QuoteExtractor;
    /// use newsnlp_tokenize::Tokenizer;
    /// let doc = Tokenizer::new().tokenize("US officials say it was a message.");
    /// let q = &QuoteExtractor::new().extract(&doc)[0];
    /// assert_eq!(q.speaker_name(), Some("US officials"));
    /// assert_eq!(q.source, Some(0..12));
    /// ```
    pub fn speaker_name(&self) -> Option<&str> {
        self.speaker.as_ref().and_then(Speaker::name)
    }
}

#[cfg(feature = "serde")]
fn flat_speaker<S: serde::Serializer>(s: &Option<Speaker>, ser: S) -> Result<S::Ok, S::Error> {
    use serde::Serialize;
    s.as_ref().and_then(Speaker::name).serialize(ser)
}
