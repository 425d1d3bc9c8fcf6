//! Direct, mixed and indirect quotes in news text: what was said, the cue
//! that reports it, the source that says it, and who that source is.
//!
//! `newsnlp-quotes` reads a tokenized article ([`newsnlp_tokenize`]) and,
//! optionally, the entity mentions a gazetteer found in it
//! ([`newsnlp_gazetteer`]), and returns [`Quote`]s with byte spans into
//! the article:
//!
//! - **content**: the words between the quote marks of a direct quote, or
//!   the reported clause of an indirect one;
//! - **cue**: the reporting words ("said", "told", "according to", "insisted",
//!   a lead-in colon);
//! - **source**: the words naming who speaks ("Secretary of State Rex
//!   Tillerson", "he", "US officials");
//! - **speaker**: who that is ([`Party`], shared with the stance layer's
//!   holders): a gazetteer entity, a phrase
//!   kept as written ("both sides"), or the article's author;
//! - **confidence**: how often the rule that found it is right (an `f64`
//!   rounded to at most 4 decimals).
//!
//! # Example
//!
//! ```
//! use newsnlp_gazetteer::Gazetteer;
//! use newsnlp_quotes::{QuoteExtractor, QuoteKind};
//! use newsnlp_tokenize::Tokenizer;
//!
//! let text = "Rex Tillerson met Sergey Lavrov. “We talked frankly,” Tillerson said. \
//!             Lavrov said that the talks were useful.";
//! let doc = Tokenizer::new().tokenize(text);
//! let gaz = Gazetteer::default();
//! let mentions = gaz.find_in_document(text);
//! let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
//!
//! assert_eq!(quotes.len(), 2);
//! assert_eq!(quotes[0].kind, QuoteKind::Direct);
//! assert_eq!(&text[quotes[0].content.range()], "We talked frankly,");
//! assert_eq!(quotes[0].content, 36..54);
//! assert_eq!(quotes[0].speaker_name(), Some("Rex Tillerson"));
//!
//! assert_eq!(quotes[1].kind, QuoteKind::Indirect);
//! assert_eq!(&text[quotes[1].content.range()], "that the talks were useful");
//! assert_eq!(&text[quotes[1].cue.unwrap().range()], "said");
//! assert_eq!(quotes[1].speaker_name(), Some("Sergey Lavrov"));
//! ```
//!
//! # What is found
//!
//! **Quotation marks.** Straight, curly, guillemet and doubled (`''`)
//! marks pair at the top level; single marks inside a quotation are nested
//! quotes and stay in it. A quotation may run over several paragraphs, news
//! style: each paragraph opens with a mark and only the last closes. An
//! opening mark with no close ends at the end of its paragraph (or where the
//! next quotation opens), and the quote gets a lower confidence; stray marks
//! are skipped, so an odd number of marks never loses the rest of the
//! document. A short quoted phrase with no attribution ("SU-95 “Bear”
//! bombers", a scare quote) is not a quote; see
//! [`QuoteExtractorBuilder::scare_quote_words`].
//!
//! **Attribution patterns**, each with its own confidence:
//!
//! | pattern | example |
//! |---|---|
//! | source, cue, content | `Lavrov said (that) C`, `He told reporters C`, `Russia wants C` |
//! | source, cue, quotation | `Lavrov said: “Q”` |
//! | quotation, cue, source | `“Q,” said Lavrov`, `“Q,” Lavrov said`, `“Q1,” he said, “Q2.”` |
//! | content, cue, source | `C, Lavrov said.` |
//! | participle | `He criticized the deal, saying C` |
//! | according to | `According to X, C` and `C, according to X` |
//! | in-lead | `In a new poll by X, C` (the phrase names a poll, survey or study) |
//! | seems | `X seems to C`, `it appears that C` (no source; the content holds the subject) |
//! | asked | `Asked (by X) whether C, …`, `… when asked about C` |
//! | name line | `“… cannot be allowed.” Rex Tillerson` (the name alone after the quotation) |
//! | dash and name | `“… serve the public well.” —Commissioner Jane Roe` |
//! | lead-in | a paragraph `And from Chairwoman Jane Roe:` and then the quotation, or `The mayor struck a softer tone: “Q”` |
//! | name-colon | `ROE: words` at a line start, also inside a quoted transcript (`"ROE: …`) |
//! | continuation | a quotation paragraph right after an attributed one: same speaker |
//!
//! Around these: a headline line (title case, no final punctuation) gives
//! no cue and no source, and a dateline ("GENEVA —") is no subject
//! ([`newsnlp_text::news`]); a sentence-final "…, X said." takes the clause
//! before it, even one with "seems" or a cue of its own; a parenthetical
//! "C1, X said, C2" reports the whole clause, and words of the clause
//! before a quotation make a mixed quote; a source ends before a
//! participial aside ("X, speaking on condition of anonymity, said") or a
//! relative clause that reports words of its own; a short term after
//! "so-called", "dubbed" or "known as" is named, not quoted; "declined to
//! comment" is no quote.
//!
//! Two quotations around one attribution (`“A,” she said. “B.”`, `“A,” she
//! said, “B.”`) are two quotes with the same cue, source and speaker, and
//! neither content holds the attribution;
//! [`QuoteExtractorBuilder::split_interrupted`]`(false)` makes them one quote
//! whose content runs from the first quotation to the second, as PolNeAR
//! annotates them.
//!
//! Cues come from an embedded list of about 200 reporting verbs with their
//! inflections (`data/cue_verbs.txt`): speech acts ("said", "grumbled",
//! "quipped", "insisted"), beliefs and intentions ("thinks", "wants",
//! "believes", "calls for"), and weak cues that count only before a
//! that-clause or a quotation ("shows", "found") except after a poll, a
//! survey or a study ("the poll shows Trump leading"). A passive cue ("is
//! expected to") has no source: its subject is not who speaks. A cue
//! inside a quotation belongs to the quoted speaker's words and is
//! skipped; a cue inside the
//! content of an earlier cue is nested and is skipped too ("Tillerson said
//! that Lavrov told Putin that …" is one quote). A reported clause that
//! holds quoted words is [`QuoteKind::Mixed`], and the quoted words are also
//! reported on their own as a [`QuoteKind::Direct`] quote with the clause's
//! cue and source when they are a single word ending a that-clause (see
//! [`QuoteExtractorBuilder::inner_phrases`]).
//!
//! **Speakers** ([`QuoteExtractor::extract_with_entities`]): a mention that
//! heads the source is the speaker ("Russian Foreign Minister Lavrov" →
//! Sergey Lavrov); "he"/"she" is the most recent person mentioned whose
//! gender hint (Mr./Mrs., a gendered title, a first-name list) agrees;
//! "they" the most recent organization or group nearby; "who" the entity
//! right before it; "the secretary" the person who holds that title in the
//! document; group sources ("US officials", "both sides") stay phrases;
//! "I" and "we" outside quotation marks are the author (named from a "By …"
//! byline when there is one).
//!
//! # Confidence
//!
//! Each rule's confidence is its precision (content overlapping a gold
//! attribution by at least half) measured on the development split of the
//! PolNeAR attribution corpus, lowered for unclosed quotations; [`Quote::rule`]
//! names the rule. Higher means more often right; filter with
//! [`QuoteExtractorBuilder::min_confidence`]. On PolNeAR dev the whole
//! extractor reaches content F1 67.7 (partial match) and source F1 62.5;
//! an earlier release measured 68.2 and 63.4 with
//! `split_interrupted(false)`, PolNeAR's way of counting an interrupted
//! quotation, against 65.5 and 60.7 without it.
//!
//! # Cost
//!
//! The rules read the document's shared token table
//! ([`newsnlp_text::Table`]: lowercased words, word classes, flags,
//! sentences), built once per document ([`QuoteExtractor::extract_in`]
//! takes one already built); what the layer adds per token is its entry in
//! the cue-verb table, looked up once by the table's packed key. One pass
//! pairs the quote marks; one pass over the sentences tries each
//! word as a cue; every look around a cue is capped (a source is at most a
//! dozen words, the search for "that" nine tokens, a pronoun looks back at
//! most 40 mentions), and a cue inside an attributed stretch is skipped, so
//! the cost is linear in the text on any input, including "said said said…"
//! and a megabyte-long quotation without a close.
//!
//! # Features
//!
//! - `serde`: `Serialize` and `Deserialize` for [`Quote`] in the CLI's
//!   flat shape (spans as `[start, end]`, the speaker as its
//!   [`Party::name`], plus `rule`, `speaker_type`, `speaker_entity` and
//!   `speaker_kind`, so that a quote reads back equal; see [`Quote`]), for
//!   [`QuoteKind`], [`Rule`] and [`Party`].
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod extract;
mod lexicon;
mod marks;
mod speaker;
mod types;

use std::sync::Arc;

use newsnlp_gazetteer::{Entities, Gazetteer, Mention};
use newsnlp_text::Table;
use newsnlp_tokenize::Tokenized;

use extract::{Ctx, Found, Pattern};
use lexicon::Lexicon;
pub use newsnlp_gazetteer::Party;
pub use newsnlp_text::Span;
use speaker::Resolver;
pub use types::{Quote, QuoteKind, Rule};

/// Finds quotes in tokenized documents. Cheap to clone, `Send + Sync`;
/// build one and share it.
///
/// ```
/// use newsnlp_quotes::QuoteExtractor;
/// use newsnlp_tokenize::Tokenizer;
///
/// let text = "“This situation cannot be allowed,” he insisted.";
/// let quotes = QuoteExtractor::new().extract(&Tokenizer::new().tokenize(text));
/// assert_eq!(quotes[0].content, 3..36);
/// assert_eq!(quotes[0].source, Some((40..42).into()));
/// assert_eq!(quotes[0].cue, Some((43..51).into()));
/// ```
#[derive(Clone, Debug)]
pub struct QuoteExtractor {
    lex: Arc<Lexicon>,
    min_confidence: f64,
    scare_words: usize,
    indirect: bool,
    inner_words: usize,
    split_interrupted: bool,
}

impl Default for QuoteExtractor {
    fn default() -> Self {
        QuoteExtractor::new()
    }
}

/// Builds a [`QuoteExtractor`]. Non-consuming: one builder can build
/// several extractors.
///
/// ```
/// use newsnlp_quotes::QuoteExtractorBuilder;
/// use newsnlp_tokenize::Tokenizer;
///
/// let text = "The senator harrumphed that the bill was dead.";
/// let doc = Tokenizer::new().tokenize(text);
/// let plain = QuoteExtractorBuilder::new().build();
/// assert!(plain.extract(&doc).is_empty());
///
/// let ext = QuoteExtractorBuilder::new()
///     .speech_verb(&["harrumph", "harrumphs", "harrumphed", "harrumphing"])
///     .build();
/// let q = &ext.extract(&doc)[0];
/// assert_eq!(&text[q.content.range()], "that the bill was dead");
/// assert_eq!(q.source, Some((0..11).into()));
/// ```
#[derive(Clone, Debug)]
pub struct QuoteExtractorBuilder {
    extra_verbs: Vec<String>,
    min_confidence: f64,
    scare_words: usize,
    indirect: bool,
    inner_words: usize,
    split_interrupted: bool,
}

impl Default for QuoteExtractorBuilder {
    fn default() -> Self {
        QuoteExtractorBuilder::new()
    }
}

impl QuoteExtractorBuilder {
    /// A builder with the defaults: every kind of quote, no confidence
    /// floor, scare quotes up to 4 words.
    pub fn new() -> Self {
        QuoteExtractorBuilder {
            extra_verbs: Vec::new(),
            min_confidence: 0.0,
            scare_words: 4,
            indirect: true,
            inner_words: 1,
            split_interrupted: true,
        }
    }

    /// Drops quotes whose confidence is below `min` (default 0).
    ///
    /// ```
    /// use newsnlp_quotes::QuoteExtractorBuilder;
    /// use newsnlp_tokenize::Tokenizer;
    /// let doc = Tokenizer::new().tokenize("“A long quotation with nobody to say it.”");
    /// assert_eq!(QuoteExtractorBuilder::new().build().extract(&doc).len(), 1);
    /// assert!(QuoteExtractorBuilder::new().min_confidence(0.9).build().extract(&doc).is_empty());
    /// ```
    pub fn min_confidence(&mut self, min: f64) -> &mut Self {
        self.min_confidence = min;
        self
    }

    /// An unattributed quotation of at most `words` words in one paragraph
    /// is a scare quote or a quoted name, not a quote (default 4).
    ///
    /// ```
    /// use newsnlp_quotes::QuoteExtractorBuilder;
    /// use newsnlp_tokenize::Tokenizer;
    /// let doc = Tokenizer::new().tokenize("Russia sent SU-95 “Bear” bombers.");
    /// assert!(QuoteExtractorBuilder::new().build().extract(&doc).is_empty());
    /// let q = &QuoteExtractorBuilder::new().scare_quote_words(0).build().extract(&doc)[0];
    /// assert_eq!(q.content, 21..25);
    /// ```
    pub fn scare_quote_words(&mut self, words: usize) -> &mut Self {
        self.scare_words = words;
        self
    }

    /// Whether to report indirect and mixed quotes (default true); with
    /// `false`, only quotations in quote marks.
    ///
    /// ```
    /// use newsnlp_quotes::QuoteExtractorBuilder;
    /// use newsnlp_tokenize::Tokenizer;
    /// let doc = Tokenizer::new().tokenize("He said that it rained. “Yes, it did rain,” she said.");
    /// let quotes = QuoteExtractorBuilder::new().indirect(false).build().extract(&doc);
    /// assert_eq!(quotes.len(), 1);
    /// assert_eq!(quotes[0].content, 27..44);
    /// ```
    pub fn indirect(&mut self, yes: bool) -> &mut Self {
        self.indirect = yes;
        self
    }

    /// Quoted words inside a reported clause, up to `words` words, are also
    /// reported as a direct quote of their own, with the clause's cue and
    /// source, when they are the predicate that ends a that-clause ("said
    /// that the meeting was “productive”"; elsewhere, as in "described the
    /// talks as “frank”", the fragment stays in the mixed quote only)
    /// (default 1: a single quoted word, like "productive", is the
    /// speaker's own word; longer stretches, often a quoted term like "fake
    /// news", stay in the mixed quote, as PolNeAR annotates them: two-word
    /// phrases were right under 5% of the time there). 0 turns this off.
    ///
    /// ```
    /// use newsnlp_quotes::{QuoteExtractorBuilder, QuoteKind};
    /// use newsnlp_tokenize::Tokenizer;
    /// let text = "Lavrov said that the meeting was “productive.”";
    /// let doc = Tokenizer::new().tokenize(text);
    /// let both = QuoteExtractorBuilder::new().build().extract(&doc);
    /// let kinds: Vec<_> = both.iter().map(|q| (q.kind, q.content.range())).collect();
    /// assert_eq!(kinds, [(QuoteKind::Mixed, 12..50), (QuoteKind::Direct, 36..47)]);
    /// let one = QuoteExtractorBuilder::new().inner_phrases(0).build().extract(&doc);
    /// assert_eq!(one.len(), 1);
    /// ```
    pub fn inner_phrases(&mut self, words: usize) -> &mut Self {
        self.inner_words = words;
        self
    }

    /// Whether an interrupted quotation (`“A,” she said. “B.”`) is two
    /// quotes with the same cue and source, neither holding the attribution
    /// (`true`, the default: what a reader takes for the quoted words), or
    /// one quote whose content runs from the first quotation to the second
    /// (`false`: PolNeAR annotates most of them as one attribution whose
    /// content has two parts; the crate's README gives the figures both
    /// ways). With `false`, an attribution longer than the two quotations
    /// still leaves them two quotes.
    ///
    /// ```
    /// use newsnlp_quotes::QuoteExtractorBuilder;
    /// use newsnlp_tokenize::Tokenizer;
    /// let text = "“The river is rising,” the mayor said on Monday. “We are ready for it.”";
    /// let doc = Tokenizer::new().tokenize(text);
    /// let two = QuoteExtractorBuilder::new().build().extract(&doc);
    /// let contents: Vec<&str> = two.iter().map(|q| &text[q.content.range()]).collect();
    /// assert_eq!(contents, ["The river is rising,", "We are ready for it."]);
    /// assert_eq!(two[0].source, two[1].source);
    /// assert_eq!(two[0].cue, two[1].cue);
    /// let one = QuoteExtractorBuilder::new().split_interrupted(false).build().extract(&doc);
    /// assert_eq!(one.len(), 1);
    /// assert_eq!(&text[one[0].content.range()], "The river is rising,” the mayor said on Monday. “We are ready for it.");
    /// ```
    pub fn split_interrupted(&mut self, yes: bool) -> &mut Self {
        self.split_interrupted = yes;
        self
    }

    /// Adds a speech verb, given all its forms (the first is the lemma; the
    /// form ending in "-ing" opens participial clauses).
    pub fn speech_verb(&mut self, forms: &[&str]) -> &mut Self {
        let mut line = String::from("S");
        for f in forms {
            if !f.trim().is_empty() && !f.contains(char::is_whitespace) {
                line.push(' ');
                line.push_str(f);
            }
        }
        self.extra_verbs.push(line);
        self
    }

    /// Builds the extractor.
    pub fn build(&self) -> QuoteExtractor {
        let mut lex = Lexicon::embedded();
        for line in &self.extra_verbs {
            lex.add_verb_line(line);
        }
        QuoteExtractor {
            lex: Arc::new(lex),
            min_confidence: self.min_confidence,
            scare_words: self.scare_words,
            indirect: self.indirect,
            inner_words: self.inner_words,
            split_interrupted: self.split_interrupted,
        }
    }
}

/// The confidence of a rule: its precision on the PolNeAR development
/// split (a quote counts as right when its content overlaps a gold
/// attribution by at least half of their union), measured with
/// `examples/quotes_cli.rs --pattern` (measured again after the session-4
/// rules). Small rules (lead-in, name line, name-colon, in-lead, seems,
/// asked, noun participle) are pooled with train to steady the figure. An unclosed
/// quotation keeps 60% of it. Inner phrases score low on PolNeAR because
/// it annotates the whole clause, never the quoted fragment alone.
fn confidence(f: &Found, closed: bool) -> f64 {
    let base: f64 = match f.pattern {
        Pattern::SourceCueContent => 0.74,
        Pattern::SourceCueQuote => 0.92,
        Pattern::QuoteCueSource => 0.95,
        Pattern::ContentCueSource => 0.65,
        Pattern::Participle => 0.88,
        Pattern::AccordingLead => 0.85,
        Pattern::AccordingTrail => 0.91,
        Pattern::NameLine => 0.87,
        Pattern::LeadIn => 0.88,
        Pattern::NameColon => 0.56,
        Pattern::Continuation => 0.68,
        Pattern::Unattributed => 0.59,
        Pattern::InnerPhrase => 0.04,
        Pattern::InLead => 0.62,
        Pattern::Seems => 0.55,
        Pattern::Asked => 0.76,
        Pattern::SourcelessSpeech => 0.5,
        Pattern::NounParticiple => 0.58,
        Pattern::Attitude => 0.55,
        Pattern::Gerund => 0.6,
        Pattern::ControlSpeech => 0.6,
        Pattern::PassiveBy => 0.67,
    };
    let closed = if closed { 1.0 } else { 0.6 };
    // Rounded to 4 decimals, so that 0.73 × 0.6 reads 0.438, not
    // 0.43799999999999994.
    ((base * closed).clamp(0.0, 1.0) * 1e4).round() / 1e4
}

impl QuoteExtractor {
    /// An extractor with the embedded tables and default settings.
    pub fn new() -> Self {
        QuoteExtractorBuilder::new().build()
    }

    /// A builder, the same as [`QuoteExtractorBuilder::new`].
    pub fn builder() -> QuoteExtractorBuilder {
        QuoteExtractorBuilder::new()
    }

    /// The quotes of a document, without entities: speakers are the
    /// source phrases as written (a pronoun source gives no speaker, "I" and
    /// "we" the author). Quotes come in text order of their content.
    ///
    /// ```
    /// use newsnlp_quotes::{Party, QuoteExtractor};
    /// use newsnlp_tokenize::Tokenizer;
    /// let text = "Both sides agreed that a stable Syria was a goal.";
    /// let q = &QuoteExtractor::new().extract(&Tokenizer::new().tokenize(text))[0];
    /// assert_eq!(q.source, Some((0..10).into()));
    /// assert_eq!(q.cue, Some((11..17).into()));
    /// assert_eq!(q.content, 18..48);
    /// assert_eq!(q.speaker, Some(Party::Phrase("Both sides".into())));
    /// ```
    pub fn extract(&self, doc: &Tokenized<'_>) -> Vec<Quote> {
        self.run(doc, &doc.table(), None, &[])
    }

    /// The quotes of a document, with speakers resolved against the
    /// entity `mentions` that `gazetteer` found in the same text (as
    /// [`Gazetteer::find_in_document`] returns them). Quotes come in text
    /// order of their content.
    ///
    /// ```
    /// use newsnlp_gazetteer::Gazetteer;
    /// use newsnlp_quotes::QuoteExtractor;
    /// use newsnlp_tokenize::Tokenizer;
    ///
    /// let text = "Vladimir Putin spoke first. He said the talks were useful.";
    /// let doc = Tokenizer::new().tokenize(text);
    /// let gaz = Gazetteer::default();
    /// let mentions = gaz.find_in_document(text);
    /// let q = &QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions)[0];
    /// assert_eq!(q.source, Some((28..30).into()));
    /// assert_eq!(q.speaker_name(), Some("Vladimir Putin"));
    /// ```
    pub fn extract_with_entities(
        &self,
        doc: &Tokenized<'_>,
        gazetteer: &Gazetteer,
        mentions: &[Mention],
    ) -> Vec<Quote> {
        self.run(
            doc,
            &doc.table(),
            Some(Entities::new(gazetteer, None)),
            mentions,
        )
    }

    /// The same as [`QuoteExtractor::extract_with_entities`], reading
    /// `table`, the document's shared token table
    /// ([`Tokenized::table`]), instead of building it: for a caller that
    /// builds it once for several layers, as `newsnlp::Pipeline` does.
    /// A `table` that is not `doc`'s (another text, or another number of
    /// tokens) is not read: the extractor then builds its own.
    ///
    /// ```
    /// use newsnlp_gazetteer::Gazetteer;
    /// use newsnlp_quotes::QuoteExtractor;
    /// use newsnlp_tokenize::Tokenizer;
    ///
    /// let text = "Vladimir Putin spoke first. He said the talks were useful.";
    /// let doc = Tokenizer::new().tokenize(text);
    /// let table = doc.table();
    /// let gaz = Gazetteer::default();
    /// let mentions = gaz.find_in_document(text);
    /// let extractor = QuoteExtractor::new();
    /// let quotes = extractor.extract_in(&doc, &table, &gaz, &mentions);
    /// assert_eq!(quotes, extractor.extract_with_entities(&doc, &gaz, &mentions));
    /// assert_eq!(quotes[0].speaker_name(), Some("Vladimir Putin"));
    ///
    /// // The table of another text is not read.
    /// let other = Tokenizer::new().tokenize("Elsewhere.");
    /// assert_eq!(extractor.extract_in(&doc, &other.table(), &gaz, &mentions), quotes);
    /// ```
    pub fn extract_in<'e>(
        &self,
        doc: &Tokenized<'_>,
        table: &Table<'_>,
        entities: impl Into<Entities<'e>>,
        mentions: &[Mention],
    ) -> Vec<Quote> {
        let entities = Some(entities.into());
        // The same text by address (no comparison of a long text's bytes).
        let (t, d) = (table.text(), doc.text());
        let own = std::ptr::eq(t.as_ptr(), d.as_ptr())
            && t.len() == d.len()
            && table.len() == doc.tokens().len();
        if own {
            self.run(doc, table, entities, mentions)
        } else {
            self.run(doc, &doc.table(), entities, mentions)
        }
    }

    fn run<'t>(
        &self,
        doc: &Tokenized<'t>,
        table: &Table<'t>,
        entities: Option<Entities<'_>>,
        mentions: &[Mention],
    ) -> Vec<Quote> {
        let ctx = Ctx::new(doc, table, &self.lex, self.scare_words, self.inner_words);
        let found = ctx.run();
        let toks = doc.tokens();
        let text = doc.text();
        let mut sorted: Vec<&Mention> = mentions.iter().collect();
        sorted.sort_by_key(|m| (m.start(), m.end()));
        let starts = sorted.iter().map(|m| m.start()).collect();
        let resolver = Resolver {
            text,
            toks,
            ctx: &ctx,
            entities,
            mentions: sorted,
            starts,
            byline: table.byline_name().map(str::to_string),
        };
        let mut people = Vec::new();
        let mut speakers: Vec<Option<Party>> = Vec::with_capacity(found.len());
        let mut out = Vec::with_capacity(found.len());
        for (i, f) in found.iter().enumerate() {
            let speaker = match (&f.source, f.inherit) {
                (Some(src), _) => {
                    let earlier = found[..i].iter().map(|e| e.source.clone()).zip(&speakers);
                    resolver.plural_before(src, earlier).or_else(|| {
                        resolver.resolve_people(src.clone(), ctx.bytes(&f.content), &mut people)
                    })
                }
                (None, Some(p)) => speakers.get(p).cloned().flatten(),
                (None, None) => None,
            };
            speakers.push(speaker.clone());
            let quote = f.quote.map(|q| &ctx.quotes[q]);
            // The other quotation of `“A,” she said, “B.”` when the two are
            // reported apart.
            let mut apart = None;
            let (kind, content, closed) = match quote {
                Some(q) => {
                    let mut c = q.content(toks);
                    let mut closed = q.close.is_some();
                    if let Some(e) = f.quote_end {
                        let qe = &ctx.quotes[e];
                        let c2 = qe.content(toks);
                        let (l1, l2) = (c.len(), c2.len());
                        let middle = c2.start.saturating_sub(c.end);
                        if self.split_interrupted {
                            // Two quotes, the first quotation first.
                            apart = Some(c.clone());
                            c = c2;
                        } else if middle <= l1 + l2 {
                            // One span over both quotations and the
                            // attribution between them.
                            c.end = c2.end.max(c.end);
                        } else if l2 > l1 {
                            // A long attribution between: one span would be
                            // mostly not quoted words; the longer quotation
                            // leads and the shorter follows on its own.
                            apart = Some(c.clone());
                            c = c2;
                        } else {
                            apart = Some(c2);
                        }
                        closed &= qe.close.is_some();
                    }
                    (QuoteKind::Direct, c, closed)
                }
                None => (ctx.reported_kind(&f.content), ctx.bytes(&f.content), true),
            };
            if kind != QuoteKind::Direct && !self.indirect {
                continue;
            }
            if f.pattern == Pattern::InnerPhrase && !self.indirect {
                continue;
            }
            let confidence = confidence(f, closed);
            if confidence < self.min_confidence {
                continue;
            }
            let quote = Quote {
                kind,
                content: content.into(),
                cue: f
                    .cue
                    .as_ref()
                    .filter(|r| !r.is_empty())
                    .map(|r| ctx.bytes(r).into()),
                source: f
                    .source
                    .clone()
                    .filter(|r| !r.is_empty())
                    .or_else(|| ctx.continued_source(&found, f))
                    .map(|r| ctx.source_span(&r)),
                speaker,
                confidence,
                rule: f.pattern,
            };
            if let Some(c) = apart {
                out.push(Quote {
                    content: c.into(),
                    ..quote.clone()
                });
            }
            out.push(quote);
        }
        out.sort_by_key(|q| (q.content.start, q.content.end));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_safe() {
        fn is<T: Send + Sync>() {}
        is::<QuoteExtractor>();
        is::<Quote>();
    }
}
