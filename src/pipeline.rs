//! The [`Pipeline`] that runs every layer once, and the [`Document`] it
//! returns.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use newsnlp_gazetteer::{Entities, EntityId, EntityKind, EntityTable, Gazetteer, Mention, NewName};
use newsnlp_names::{NameFinder, NameKind};
use newsnlp_quotes::{Quote, QuoteExtractor};
use newsnlp_stance::{Stance, StanceAnalyzer};
use newsnlp_text::Span;
use newsnlp_tokenize::{Tokenized, Tokenizer};

/// Runs the layers of newsnlp over articles. Build it once (the gazetteer
/// and the models load then) and share it: it is `Send + Sync`.
///
/// ```
/// use newsnlp::Pipeline;
///
/// let pipeline = Pipeline::new();
/// let text = "Secretary of State Rex Tillerson met Russian President Vladimir Putin.";
/// let doc = pipeline.analyze(text);
/// let names: Vec<&str> = doc.mentions().iter().filter_map(|e| e.name()).collect();
/// assert_eq!(names, ["Rex Tillerson", "Vladimir Putin"]);
/// assert_eq!(doc.mentions()[0].span, 19..32);
/// ```
#[derive(Clone, Debug)]
pub struct Pipeline {
    tokenizer: Tokenizer,
    gazetteer: Arc<Gazetteer>,
    quotes: QuoteExtractor,
    /// `None` when stances are off (the model is not even loaded).
    stance: Option<StanceAnalyzer>,
    names: NameFinder,
    entities: bool,
    quotes_on: bool,
}

/// The entity kind of a name's kind.
fn entity_kind(kind: NameKind) -> EntityKind {
    match kind {
        NameKind::Person => EntityKind::Person,
        NameKind::Organization => EntityKind::Organization,
        NameKind::Place => EntityKind::Place,
        _ => EntityKind::Other,
    }
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    /// A pipeline with every layer on and the default gazetteer.
    pub fn new() -> Pipeline {
        PipelineBuilder::new().build()
    }

    /// A builder, to choose the gazetteer and the layers.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::new()
    }

    /// The gazetteer entity mentions are linked to.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Analyzes one article. Never panics; any `&str` is valid.
    pub fn analyze<'a>(&'a self, text: &'a str) -> Document<'a> {
        let tokens = self.tokenizer.tokenize(text);
        // The shared token table, built once for the layers that read it.
        let table =
            (self.entities || self.quotes_on || self.stance.is_some()).then(|| tokens.table());
        let listed = if self.entities {
            self.gazetteer.find_in_document(text)
        } else {
            Vec::new()
        };
        let (entity_table, mentions) = match &table {
            Some(table) if self.entities => {
                let known: Vec<Range<usize>> = listed.iter().map(Mention::span).collect();
                let names: Vec<NewName> = self
                    .names
                    .find(&tokens, table, &known)
                    .into_iter()
                    .map(|n| NewName {
                        title: n.title,
                        span: n.span,
                        kind: entity_kind(n.kind),
                    })
                    .collect();
                let (mut entity_table, mentions) =
                    EntityTable::with_names(&self.gazetteer, text, &listed, &names);
                entity_table.link_descriptors(&self.gazetteer, table, &mentions);
                (entity_table, mentions)
            }
            _ => (EntityTable::new(&self.gazetteer, &listed), listed.clone()),
        };
        let lookup = Entities::new(&self.gazetteer, Some(&entity_table));
        let quotes = match &table {
            Some(table) if self.quotes_on => {
                self.quotes.extract_in(&tokens, table, lookup, &mentions)
            }
            _ => Vec::new(),
        };
        let stances = match (&self.stance, &table) {
            (Some(analyzer), Some(table)) => {
                analyzer.stances_in(&tokens, table, lookup, &mentions, &quotes)
            }
            _ => Vec::new(),
        };
        Document {
            text,
            tokens,
            listed,
            linked: mentions,
            gazetteer: &self.gazetteer,
            entities: OnceLock::new(),
            table: entity_table,
            quotes,
            stances,
        }
    }

    /// Analyzes many articles, on all cores with the `rayon` feature (a
    /// default); the results are in input order.
    ///
    /// ```
    /// let pipeline = newsnlp::Pipeline::new();
    /// let docs = pipeline.analyze_batch(&["Putin spoke.", "Lavrov listened."]);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[1].mentions()[0].name(), Some("Sergey Lavrov"));
    /// ```
    pub fn analyze_batch<'a, S: AsRef<str> + Sync>(&'a self, texts: &'a [S]) -> Vec<Document<'a>> {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            texts.par_iter().map(|t| self.analyze(t.as_ref())).collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            texts.iter().map(|t| self.analyze(t.as_ref())).collect()
        }
    }
}

/// Configures a [`Pipeline`]. Non-consuming: one builder can build several.
///
/// ```
/// use newsnlp::{gazetteer::{Entries, GazetteerBuilder}, Pipeline};
///
/// let entries = Entries::from_tsv("alias\tcanonical\tkind\nJane Roe\tJane Roe\tperson\n")?;
/// let gaz = GazetteerBuilder::new().build(entries)?;
/// let pipeline = Pipeline::builder().gazetteer(gaz).build();
/// let doc = pipeline.analyze("Jane Roe met Putin.");
/// let names: Vec<_> = doc.mentions().iter().filter_map(|e| e.name()).collect();
/// assert_eq!(names, ["Jane Roe"]); // the custom gazetteer replaces the default
/// # Ok::<(), newsnlp::gazetteer::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    gazetteer: Option<Arc<Gazetteer>>,
    /// Entities added with [`PipelineBuilder::add_entity`]: alias,
    /// canonical name, kind.
    extra: Vec<(String, String, EntityKind)>,
    tokenizer: Option<Tokenizer>,
    quotes: Option<QuoteExtractor>,
    stance: Option<StanceAnalyzer>,
    no_entities: bool,
    no_quotes: bool,
    no_stances: bool,
}

impl PipelineBuilder {
    /// A builder with every layer on and the default gazetteer.
    pub fn new() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Uses `gazetteer` instead of the default one.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut PipelineBuilder {
        self.gazetteer = Some(Arc::new(gazetteer));
        self
    }

    /// Uses `gazetteer`, shared: pipelines built with the same `Arc` hold
    /// one gazetteer between them.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use newsnlp::{gazetteer::Gazetteer, Pipeline};
    ///
    /// let gaz = Arc::new(Gazetteer::default());
    /// let a = Pipeline::builder().shared_gazetteer(Arc::clone(&gaz)).build();
    /// let b = Pipeline::builder().shared_gazetteer(Arc::clone(&gaz)).stances(false).build();
    /// assert!(std::ptr::eq(a.gazetteer(), b.gazetteer()));
    /// ```
    pub fn shared_gazetteer(&mut self, gazetteer: Arc<Gazetteer>) -> &mut PipelineBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Adds one entity, known by `alias`, to the gazetteer: the default
    /// one, or the one given with [`gazetteer`](Self::gazetteer) or
    /// [`shared_gazetteer`](Self::shared_gazetteer) (which is then rebuilt
    /// from its entries, with the default build options, and no longer
    /// shared). Call it once per alias; an alias that names an existing
    /// entity adds to it.
    ///
    /// ```
    /// use newsnlp::{gazetteer::EntityKind, Pipeline};
    ///
    /// let pipeline = Pipeline::builder()
    ///     .add_entity("Jane Roe", "Jane Roe", EntityKind::Person)
    ///     .add_entity("Roe", "Jane Roe", EntityKind::Person)
    ///     .stances(false)
    ///     .build();
    /// let doc = pipeline.analyze("Jane Roe met Putin. Roe left.");
    /// let names: Vec<_> = doc.mentions().iter().filter_map(|e| e.name()).collect();
    /// assert_eq!(names, ["Jane Roe", "Vladimir Putin", "Jane Roe"]);
    /// ```
    pub fn add_entity(
        &mut self,
        alias: &str,
        canonical: &str,
        kind: EntityKind,
    ) -> &mut PipelineBuilder {
        self.extra
            .push((alias.to_string(), canonical.to_string(), kind));
        self
    }

    /// Uses `tokenizer` (for example one with extra abbreviations).
    pub fn tokenizer(&mut self, tokenizer: Tokenizer) -> &mut PipelineBuilder {
        self.tokenizer = Some(tokenizer);
        self
    }

    /// Uses `extractor` for quotes (for example one with extra speech verbs).
    pub fn quote_extractor(&mut self, extractor: QuoteExtractor) -> &mut PipelineBuilder {
        self.quotes = Some(extractor);
        self
    }

    /// Uses `analyzer` for stance triples.
    pub fn stance_analyzer(&mut self, analyzer: StanceAnalyzer) -> &mut PipelineBuilder {
        self.stance = Some(analyzer);
        self
    }

    /// Turns stance triples on (the default) or off.
    pub fn stances(&mut self, on: bool) -> &mut PipelineBuilder {
        self.no_stances = !on;
        self
    }

    /// Turns quote extraction on (the default) or off.
    pub fn quotes(&mut self, on: bool) -> &mut PipelineBuilder {
        self.no_quotes = !on;
        self
    }

    /// Turns entity matching on (the default) or off.
    pub fn entities(&mut self, on: bool) -> &mut PipelineBuilder {
        self.no_entities = !on;
        self
    }

    /// Builds the pipeline. When the entities added with
    /// [`add_entity`](Self::add_entity) do not build (see
    /// [`try_build`](Self::try_build)), the gazetteer is the one without
    /// them.
    pub fn build(&self) -> Pipeline {
        self.build_with(|| self.gazetteer_with_extra().ok())
    }

    /// Builds the pipeline, or says why the entities added with
    /// [`add_entity`](Self::add_entity) do not build into a gazetteer.
    ///
    /// ```
    /// use newsnlp::{gazetteer::EntityKind, Pipeline};
    /// let p = Pipeline::builder().add_entity("Idlib", "Idlib", EntityKind::Place).try_build()?;
    /// assert_eq!(p.analyze("in Idlib").mentions()[0].span, 3..8);
    /// # Ok::<(), newsnlp::gazetteer::Error>(())
    /// ```
    pub fn try_build(&self) -> Result<Pipeline, newsnlp_gazetteer::Error> {
        let mut err = None;
        let pipeline =
            self.build_with(|| self.gazetteer_with_extra().map_err(|e| err = Some(e)).ok());
        match err {
            Some(e) => Err(e),
            None => Ok(pipeline),
        }
    }

    /// The gazetteer with the added entities: the given one (or the
    /// default) read back as entries, the additions pushed, built again.
    fn gazetteer_with_extra(&self) -> Result<Arc<Gazetteer>, newsnlp_gazetteer::Error> {
        use newsnlp_gazetteer::{Entries, Entry, GazetteerBuilder};
        let mut entries = match &self.gazetteer {
            None => Entries::builtin(),
            Some(g) => {
                let mut tsv = Vec::new();
                g.write_tsv(&mut tsv)?;
                Entries::from_tsv(&String::from_utf8_lossy(&tsv))?
            }
        };
        for (alias, canonical, kind) in &self.extra {
            entries.push(Entry::new(canonical.as_str(), *kind).alias(alias.as_str()));
        }
        Ok(Arc::new(GazetteerBuilder::new().build(entries)?))
    }

    /// Builds the pipeline; `extended` gives the gazetteer with the added
    /// entities (called only when there are some; `None` keeps the one
    /// without them).
    fn build_with(&self, extended: impl FnOnce() -> Option<Arc<Gazetteer>> + Send) -> Pipeline {
        let gazetteer = || {
            let given = || {
                self.gazetteer
                    .clone()
                    .unwrap_or_else(|| Arc::new(Gazetteer::default()))
            };
            if self.extra.is_empty() {
                return given();
            }
            extended().unwrap_or_else(given)
        };
        // The gazetteer and the stance model (the two slow parts of start-up)
        // are built side by side.
        let stance = || (!self.no_stances).then(|| self.stance.clone().unwrap_or_default());
        #[cfg(feature = "rayon")]
        let (gazetteer, stance) = rayon::join(gazetteer, stance);
        #[cfg(not(feature = "rayon"))]
        let (gazetteer, stance) = (gazetteer(), stance());
        Pipeline {
            tokenizer: self.tokenizer.clone().unwrap_or_default(),
            gazetteer,
            quotes: self.quotes.clone().unwrap_or_default(),
            stance,
            names: NameFinder::new(),
            entities: !self.no_entities,
            quotes_on: !self.no_quotes,
        }
    }
}

/// One mention of an entity in a [`Document`], resolved for reading: its
/// span, and the entity's name and kind (or the candidates when the
/// mention is ambiguous), and whether the gazetteer lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityMention<'g> {
    /// Byte span of the name in the text.
    pub span: Span,
    /// The gazetteer entity, `None` when ambiguous or unlisted.
    pub entity: Option<EntityId>,
    /// Names and kinds of the candidates, best first (one when linked):
    /// canonical names, or for an entity the gazetteer does not list the
    /// fullest form the document uses.
    pub candidates: Vec<(Cow<'g, str>, EntityKind)>,
    /// Whether the gazetteer lists the entity (`false` for a name the
    /// document introduces: "Sarah Bennett", "Jensen Huang").
    pub known: bool,
}

impl<'g> EntityMention<'g> {
    /// The mention `m` as `table` links it; `written[i]` is the name of
    /// unlisted entity `i` as the text writes it, if it does.
    fn new(
        gaz: &'g Gazetteer,
        table: &EntityTable,
        written: &[Option<&'g str>],
        m: &Mention,
    ) -> Self {
        if let Some(e) = m.entity().and_then(|id| table.unlisted(id)) {
            let name = match written.get(e.index).copied().flatten() {
                Some(w) => Cow::Borrowed(w),
                None => Cow::Owned(e.name.clone()),
            };
            return EntityMention {
                span: m.span().into(),
                entity: None,
                candidates: vec![(name, e.kind)],
                known: false,
            };
        }
        EntityMention {
            span: m.span().into(),
            entity: m.entity(),
            candidates: m
                .candidates()
                .iter()
                .map(|id| {
                    let e = gaz.entity(*id);
                    (Cow::Borrowed(e.name()), e.kind())
                })
                .collect(),
            known: true,
        }
    }

    /// Whether the mention stays ambiguous (several candidates, none
    /// chosen).
    pub fn is_ambiguous(&self) -> bool {
        self.known && self.entity.is_none()
    }

    /// The entity's name, when linked: canonical, or the fullest form the
    /// document uses for an unlisted entity.
    pub fn name(&self) -> Option<&str> {
        if self.is_ambiguous() {
            return None;
        }
        self.candidates.first().map(|c| &*c.0)
    }

    /// The entity kind, when linked.
    pub fn kind(&self) -> Option<EntityKind> {
        if self.is_ambiguous() {
            return None;
        }
        self.candidates.first().map(|c| c.1)
    }
}

/// The analysis of one article, borrowing its text: sentences and tokens,
/// entities and their mentions, quotes, stance triples.
///
/// ```
/// let pipeline = newsnlp::Pipeline::new();
/// let doc = pipeline.analyze("Rex Tillerson met Putin. Tillerson left.");
/// assert_eq!(doc.mentions().len(), 3); // each mention, in text order
/// assert_eq!(doc.entities().len(), 2); // each entity once
/// let rex = &doc.entities().entities()[0];
/// assert_eq!((rex.name.as_str(), rex.mentions.len()), ("Rex Tillerson", 2));
/// ```
#[derive(Clone)]
pub struct Document<'a> {
    text: &'a str,
    tokens: Tokenized<'a>,
    /// The gazetteer's mentions.
    listed: Vec<Mention>,
    /// Every mention, the gazetteer's and the unlisted names', as the
    /// entity table links them.
    linked: Vec<Mention>,
    gazetteer: &'a Gazetteer,
    /// [`Document::mentions`], resolved on the first call (a caller that
    /// only counts or reads the linked mentions never needs them).
    entities: OnceLock<Vec<EntityMention<'a>>>,
    table: EntityTable,
    quotes: Vec<Quote>,
    stances: Vec<Stance>,
}

impl std::fmt::Debug for Document<'_> {
    /// Every part but the gazetteer (it would print every entity).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("text", &self.text)
            .field("tokens", &self.tokens)
            .field("mentions", &self.mentions())
            .field("quotes", &self.quotes)
            .field("stances", &self.stances)
            .finish_non_exhaustive()
    }
}

impl<'a> Document<'a> {
    /// The article's text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Character and UTF-16 offsets of the text, for a consumer that does
    /// not count UTF-8 bytes (Python counts characters; JavaScript and Java
    /// UTF-16 units). Every span newsnlp reports is in UTF-8 bytes. Built
    /// on each call, in one pass over the text: keep it.
    ///
    /// ```
    /// let pipeline = newsnlp::Pipeline::new();
    /// let text = "“Café talks,” Putin said.";
    /// let doc = pipeline.analyze(text);
    /// let offsets = doc.char_offsets();
    /// let putin = doc.mentions()[0].span;
    /// assert_eq!(putin, 19..24); // bytes: “ and ” are 3, é is 2
    /// assert_eq!(offsets.char_span(putin), 14..19);
    /// assert_eq!(offsets.utf16_span(putin), 14..19);
    /// ```
    pub fn char_offsets(&self) -> newsnlp_text::Offsets {
        newsnlp_text::Offsets::new(self.text)
    }

    /// Tokens and sentences.
    pub fn tokens(&self) -> &Tokenized<'a> {
        &self.tokens
    }

    /// The gazetteer's mentions, as the gazetteer reports them (ids,
    /// alias, resolution, title span), in text order.
    pub fn gazetteer_mentions(&self) -> &[Mention] {
        &self.listed
    }

    /// Every entity mention, as the quote and stance layers read them, in
    /// text order: the gazetteer's (but those inside a longer name the
    /// gazetteer does not list, and with a surname relinked to an unlisted
    /// person of that surname named more recently) and those of the
    /// names it does not list ([`Resolution::Unlisted`](newsnlp_gazetteer::Resolution::Unlisted),
    /// their ids local to this document). [`Document::entity_lookup`]
    /// says who each id is; [`Document::mentions`] is this list resolved
    /// for reading.
    ///
    /// ```
    /// let pipeline = newsnlp::Pipeline::new();
    /// let doc = pipeline.analyze("Sarah Bennett met Putin. Bennett left.");
    /// let ms = doc.linked_mentions();
    /// assert_eq!(ms.len(), 3);
    /// assert!(!ms[0].is_listed() && ms[1].is_listed() && !ms[2].is_listed());
    /// let who = doc.entity_lookup();
    /// assert_eq!(who.name(ms[2].entity().unwrap()), "Sarah Bennett");
    /// ```
    pub fn linked_mentions(&self) -> &[Mention] {
        &self.linked
    }

    /// Who each entity id of [`Document::linked_mentions`] is: the
    /// gazetteer's entities and the document's own.
    pub fn entity_lookup(&self) -> Entities<'_> {
        Entities::new(self.gazetteer, Some(&self.table))
    }

    /// Entity mentions with names and kinds (or candidates when ambiguous),
    /// in text order: the JSON's `"entities"` list.
    pub fn mentions(&self) -> &[EntityMention<'a>] {
        self.entities.get_or_init(|| {
            let (text, table) = (self.text, &self.table);
            // Each unlisted entity's name, borrowed from the text where a
            // mention writes it as the table names it (no copy per mention).
            let mut written: Vec<Option<&'a str>> = vec![None; table.len()];
            for e in table.entities().iter().filter(|e| !e.known) {
                written[e.index] = e
                    .mentions
                    .iter()
                    .filter_map(|r| text.get(r.span.range()))
                    .find(|w| *w == e.name);
            }
            self.linked
                .iter()
                .map(|m| EntityMention::new(self.gazetteer, table, &written, m))
                .collect()
        })
    }

    /// The document's entities, each once with all its mentions and how
    /// each was linked (name, alias, surname, title), and the mentions
    /// that stay ambiguous. Built on the first call, from the mentions.
    /// Not part of the JSON output (it serializes on its own with the
    /// `serde` feature).
    ///
    /// ```
    /// use newsnlp::gazetteer::Link;
    /// let pipeline = newsnlp::Pipeline::new();
    /// let doc = pipeline.analyze("Vladimir Putin spoke. Then Putin left.");
    /// let putin = &doc.entities().entities()[0];
    /// let links: Vec<Link> = putin.mentions.iter().map(|m| m.link).collect();
    /// assert_eq!(links, [Link::Name, Link::Surname]);
    /// ```
    pub fn entities(&self) -> &EntityTable {
        &self.table
    }

    /// Quotes, in text order of their content.
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// The quotes whose speaker has the name `name` (a canonical entity
    /// name, or a source phrase as written).
    ///
    /// ```
    /// let pipeline = newsnlp::Pipeline::new();
    /// let doc = pipeline.analyze("“It went well,” Putin said. Lavrov said nothing.");
    /// let q: Vec<_> = doc.quotes_by("Vladimir Putin").collect();
    /// assert_eq!(q.len(), 1);
    /// assert_eq!(q[0].content, 3..16);
    /// ```
    pub fn quotes_by<'d>(&'d self, name: &'d str) -> impl Iterator<Item = &'d Quote> {
        self.quotes
            .iter()
            .filter(move |q| q.speaker_name() == Some(name))
    }

    /// Stance triples: holder, target, polarity, certainty, evidence.
    pub fn stances(&self) -> &[Stance] {
        &self.stances
    }

    /// The stances held by `name` (a canonical entity name or a phrase).
    ///
    /// ```
    /// let pipeline = newsnlp::Pipeline::new();
    /// let text = "Secretary of Defense James Mattis stated that he was absolutely certain that Assad’s forces did it.";
    /// let doc = pipeline.analyze(text);
    /// let s = doc.stances_by("James Mattis").find(|s| s.target.entity.is_some()).unwrap();
    /// assert_eq!((s.target.text.as_str(), &text[s.target.span.range()]), ("Bashar al-Assad", "Assad"));
    /// assert_eq!(s.polarity.as_str(), "negative");
    /// assert!(s.certainty > 0.8); // "absolutely certain"
    /// ```
    pub fn stances_by<'d>(&'d self, holder: &'d str) -> impl Iterator<Item = &'d Stance> {
        self.stances
            .iter()
            .filter(move |s| s.holder.label() == holder)
    }

    /// The mentions of the entity with canonical name `name`.
    ///
    /// ```
    /// let pipeline = newsnlp::Pipeline::new();
    /// let doc = pipeline.analyze("Putin met Lavrov. Putin left.");
    /// assert_eq!(doc.mentions_of("Vladimir Putin").count(), 2);
    /// ```
    pub fn mentions_of<'d>(&'d self, name: &'d str) -> impl Iterator<Item = &'d EntityMention<'a>> {
        self.mentions()
            .iter()
            .filter(move |e| e.name() == Some(name))
    }
}

#[cfg(feature = "serde")]
mod ser {
    use super::*;
    use serde::Serialize;
    use serde::ser::{SerializeMap, SerializeSeq, Serializer};

    struct Sentences<'d, 'a>(&'d Tokenized<'a>);

    impl Serialize for Sentences<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(self.0.sentences().len()))?;
            for sent in self.0.sentences() {
                seq.serialize_element(&crate::analysis::AnalysisSentence::of(self.0, sent))?;
            }
            seq.end()
        }
    }

    impl Serialize for EntityMention<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("span", &self.span)?;
            m.serialize_entry("name", &self.name())?;
            m.serialize_entry("kind", &self.kind().map(|k| k.as_str()))?;
            m.serialize_entry("known", &self.known)?;
            if self.is_ambiguous() {
                let names: Vec<&str> = self.candidates.iter().map(|c| &*c.0).collect();
                m.serialize_entry("candidates", &names)?;
            }
            m.end()
        }
    }

    /// `{"sentences": [...], "entities": [...], "quotes": [...], "stances":
    /// [...]}` as in the CLI contract: the JSON of
    /// [`Analysis`](crate::Analysis), without building one.
    impl Serialize for Document<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("sentences", &Sentences(&self.tokens))?;
            m.serialize_entry("entities", self.mentions())?;
            m.serialize_entry("quotes", &self.quotes)?;
            m.serialize_entry("stances", &self.stances)?;
            m.end()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Pipeline;

    #[test]
    fn mentions_resolve_the_linked_mentions_one_for_one() {
        let pipeline = Pipeline::new();
        let off = Pipeline::builder().entities(false).build();
        for text in [
            crate::SEED_ARTICLE,
            "Sarah Bennett met Putin. Bennett left, and Hillary Clinton spoke.",
            "",
        ] {
            for doc in [pipeline.analyze(text), off.analyze(text)] {
                let (resolved, linked) = (doc.mentions(), doc.linked_mentions());
                assert_eq!(resolved.len(), linked.len());
                for (r, l) in resolved.iter().zip(linked) {
                    assert_eq!(r.span.range(), l.span());
                }
                // Resolved once: the same list on every call.
                assert!(std::ptr::eq(doc.mentions(), resolved));
            }
        }
        let doc = pipeline.analyze("Sarah Bennett met Putin. Bennett left.");
        assert!(doc.mentions().len() == 3 && doc.clone().mentions().len() == 3);
    }
}
