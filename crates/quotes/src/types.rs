//! The public value types: quotes, their kind and the rule that found them
//! (the speaker is a [`Party`]).

use newsnlp_gazetteer::Party;
use newsnlp_text::Span;

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
#[non_exhaustive]
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
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
    /// `… said C`, `… to say C` where no source was read before the verb
    /// of speech or belief: the content with no source.
    SourcelessSpeech,
    /// `a statement saying C`, `footage of X talking about C`: a
    /// participle of speech right after a noun, with no source.
    NounParticiple,
    /// `X remains skeptical that C`, `X is wary of C`, `the belief that
    /// C`, `his claim that C`: a state of mind or a saying named by an
    /// adjective or a noun, its complement the content.
    Attitude,
    /// `X opened the session by saying C`, `… after warning that C`: a
    /// gerund of speech or belief, the clause's subject its source.
    Gerund,
    /// `X continued to insist C`, `X is likely to say C`: an infinitive
    /// of speech after a verb of going on or trying, its subject the
    /// source.
    ControlSpeech,
    /// `C was criticized by X`, `C, opposed by X`: a passive participle
    /// of speech or belief, its agent after "by" the source and its
    /// subject the content.
    PassiveBy,
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
            Rule::SourcelessSpeech => "sourceless_speech",
            Rule::NounParticiple => "noun_participle",
            Rule::Attitude => "attitude",
            Rule::Gerund => "gerund",
            Rule::ControlSpeech => "control_speech",
            Rule::PassiveBy => "passive_by",
        }
    }
}

impl std::fmt::Display for Rule {
    /// The snake_case name ([`Rule::as_str`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One attribution: who said (or thinks, or wants) what, with byte spans
/// into the text.
///
/// With the `serde` feature a quote serializes to the CLI's flat shape,
/// and deserializes back from it to an equal value:
///
/// ```json
/// {"kind": "direct", "content": [s, e], "cue": [s, e] | null,
///  "source": [s, e] | null, "speaker": "name" | null, "confidence": 0.9,
///  "rule": "quote_cue_source", "speaker_type": "entity" | "phrase" | "author" | null,
///  "speaker_entity": 12 | null, "speaker_kind": "person" | null}
/// ```
///
/// `speaker` is [`Party::name`]; `rule`, `speaker_type` ([`Party::role`]),
/// `speaker_entity` and `speaker_kind` are what it takes to read the
/// [`Party`] back (a JSON without them reads a named speaker as a phrase).
///
/// ```
/// use newsnlp_quotes::{QuoteExtractor, QuoteKind};
/// use newsnlp_tokenize::Tokenizer;
///
/// let text = "“It was productive,” Lavrov said.";
/// let doc = Tokenizer::new().tokenize(text);
/// let q = &QuoteExtractor::new().extract(&doc)[0];
/// assert_eq!(q.kind, QuoteKind::Direct);
/// assert_eq!(&text[q.content.range()], "It was productive,");
/// assert_eq!(q.content, 3..21);
/// assert_eq!(q.source, Some((25..31).into()));
/// assert_eq!(q.cue, Some((32..36).into()));
/// assert_eq!(q.speaker_name(), Some("Lavrov"));
/// assert_eq!(q.confidence, 0.95);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// What was said: the words between the quote marks for a direct
    /// quote, the reported clause otherwise.
    pub content: Span,
    /// The reporting words: "said", "told", "according to", a lead-in colon.
    pub cue: Option<Span>,
    /// The words naming the speaker in the text ("Secretary of State Rex
    /// Tillerson", "he", "US officials"). A quotation that continues an
    /// attribution in its paragraph (`C, she said. “B.”`) shows that
    /// attribution's source when the source follows its quotation or
    /// clause; one in a later paragraph shows none (its `speaker` is still
    /// the attribution's).
    pub source: Option<Span>,
    /// Who the source refers to, resolved as far as the mentions allow.
    pub speaker: Option<Party>,
    /// How likely the quote is right, in [0, 1]: the precision of the rule
    /// that found it, measured on held-out news (see the crate docs),
    /// rounded to at most 4 decimals (`0.73`, `0.438`), so that it prints
    /// as written.
    pub confidence: f64,
    /// The rule that found it.
    pub rule: Rule,
}

impl Quote {
    /// The speaker's flat name ([`Party::name`]), if any.
    ///
    /// ```
    /// use newsnlp_quotes::QuoteExtractor;
    /// use newsnlp_tokenize::Tokenizer;
    /// let doc = Tokenizer::new().tokenize("US officials say it was a message.");
    /// let q = &QuoteExtractor::new().extract(&doc)[0];
    /// assert_eq!(q.speaker_name(), Some("US officials"));
    /// assert_eq!(q.source, Some((0..12).into()));
    /// ```
    pub fn speaker_name(&self) -> Option<&str> {
        self.speaker.as_ref().and_then(Party::name)
    }
}

impl std::fmt::Display for Quote {
    /// One line without the text (spans only): `Lavrov —said→ 3..21
    /// (direct, 0.95)`; an unattributed quote has `?` for its speaker and
    /// `→` alone for its cue.
    ///
    /// ```
    /// use newsnlp_quotes::QuoteExtractor;
    /// use newsnlp_tokenize::Tokenizer;
    /// let doc = Tokenizer::new().tokenize("“It was productive,” Lavrov said.");
    /// let q = &QuoteExtractor::new().extract(&doc)[0];
    /// assert_eq!(q.to_string(), "Lavrov —32..36→ 3..21 (direct, 0.95)");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.speaker {
            Some(p) => write!(f, "{p} ")?,
            None => f.write_str("? ")?,
        }
        match &self.cue {
            Some(c) => write!(f, "—{}..{}→ ", c.start, c.end)?,
            None => f.write_str("→ ")?,
        }
        write!(
            f,
            "{}..{} ({}, {})",
            self.content.start, self.content.end, self.kind, self.confidence
        )
    }
}

#[cfg(feature = "serde")]
mod ser {
    use newsnlp_gazetteer::{EntityId, EntityKind, Party};
    use newsnlp_text::Span;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Quote, QuoteKind, Rule};

    /// A quote as written: the contract's fields, then the added ones.
    #[derive(Serialize)]
    struct Flat<'q> {
        kind: QuoteKind,
        content: Span,
        cue: Option<Span>,
        source: Option<Span>,
        speaker: Option<&'q str>,
        confidence: f64,
        rule: Rule,
        speaker_type: Option<&'static str>,
        speaker_entity: Option<EntityId>,
        speaker_kind: Option<EntityKind>,
    }

    /// A quote as read: the added fields may be missing.
    #[derive(Deserialize)]
    struct Owned {
        kind: QuoteKind,
        content: Span,
        cue: Option<Span>,
        source: Option<Span>,
        speaker: Option<String>,
        confidence: f64,
        rule: Rule,
        #[serde(default)]
        speaker_type: Option<String>,
        #[serde(default)]
        speaker_entity: Option<EntityId>,
        #[serde(default)]
        speaker_kind: Option<EntityKind>,
    }

    impl Serialize for Quote {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let sp = self.speaker.as_ref();
            Flat {
                kind: self.kind,
                content: self.content,
                cue: self.cue,
                source: self.source,
                speaker: sp.and_then(Party::name),
                confidence: self.confidence,
                rule: self.rule,
                speaker_type: sp.map(Party::role),
                speaker_entity: sp.and_then(Party::entity),
                speaker_kind: sp.and_then(Party::kind),
            }
            .serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for Quote {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let o = Owned::deserialize(d)?;
            let role = match (&o.speaker_type, &o.speaker) {
                (Some(r), _) => Some(r.as_str()),
                (None, Some(_)) => Some("phrase"),
                (None, None) => None,
            };
            let speaker = match role {
                Some(r) => Some(
                    Party::from_parts(r, o.speaker.as_deref(), o.speaker_entity, o.speaker_kind)
                        .ok_or_else(|| serde::de::Error::custom("speaker fields do not fit"))?,
                ),
                None => None,
            };
            Ok(Quote {
                kind: o.kind,
                content: o.content,
                cue: o.cue,
                source: o.source,
                speaker,
                confidence: o.confidence,
                rule: o.rule,
            })
        }
    }
}
