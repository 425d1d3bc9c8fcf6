//! The built [`Gazetteer`]: its records of entities and aliases, the views
//! [`Entity`] and [`Alias`] a user reads them through, and the entry points
//! of matching ([`Gazetteer::find`]; the walk itself is in `search`, the
//! choice of entity in `resolve`, document linking in `document`).
//!
//! ```
//! use newsnlp_gazetteer::{AliasOrigin, Gazetteer};
//!
//! let gaz = Gazetteer::default();
//! let m = gaz.find("Lavrov said").next().unwrap();
//! let alias = gaz.alias(m.alias().unwrap());
//! assert_eq!(alias.origin(), AliasOrigin::Surname);
//! assert_eq!(gaz.entity(alias.entity()).name(), "Sergey Lavrov");
//! ```

use std::path::Path;

use crate::EntityKind;
use crate::builder::GazetteerBuilder;
use crate::entries::{Entries, Span};
use crate::error::{Error, Warning};
use crate::find::Mentions;
use crate::mention::{AliasId, EntityId};
use crate::normalize::Normalizer;
use crate::trie::Trie;

/// Which rank a claim on an alias has: a canonical name beats an alias,
/// which beats a derived surname.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    Canonical = 0,
    Alias = 1,
    Surname = 2,
    /// A surname that is a common word or another entity's name: active only
    /// in [`Gazetteer::find_in_document`] once the full name was seen.
    DocSurname = 3,
}

/// The case condition an alias puts on the text (see [`CaseMode::Smart`](crate::CaseMode::Smart)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaseRule {
    Any,
    /// The span has a capital, capitals where the alias has them at the
    /// start of a word other than the first (bit `i`: word `i`), and at
    /// least as many capitals inside words as the alias ("LeT" is not "Let").
    Capitals(u64, u8),
    NoLower,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct AliasRec {
    pub(crate) text: Span,
    pub(crate) entity: u32,
    pub(crate) tier: Tier,
    pub(crate) case: CaseRule,
    /// False for empty or duplicate aliases, which are not matched.
    pub(crate) live: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct EntityRec {
    pub(crate) name: Span,
    pub(crate) kind: EntityKind,
    pub(crate) priority: i32,
    /// Range into `Gazetteer::titles`.
    pub(crate) titles: (u32, u32),
    /// Range into `Gazetteer::entity_aliases`.
    pub(crate) aliases: (u32, u32),
}

/// Where an alias came from.
///
/// ```
/// use newsnlp_gazetteer::{AliasOrigin, Gazetteer};
/// let gaz = Gazetteer::default();
/// let m = gaz.find("Tillerson").next().unwrap();
/// assert_eq!(gaz.alias(m.alias().unwrap()).origin(), AliasOrigin::Surname);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AliasOrigin {
    /// The entity's canonical name.
    Canonical,
    /// An alias listed for the entity.
    Listed,
    /// The surname of a person, matched everywhere.
    Surname,
    /// The surname of a person that is also a common word or another
    /// entity's name; matched only by
    /// [`Gazetteer::find_in_document`] after the full name.
    DocumentSurname,
}

/// A built gazetteer: finds mentions of its entities in text.
///
/// Immutable, `Send + Sync`: build it once and share it (`&Gazetteer` or
/// `Arc<Gazetteer>`) across threads.
///
/// ```
/// use newsnlp_gazetteer::Gazetteer;
///
/// let gaz = Gazetteer::default();
/// let text = "Bashar al-Assad's army";
/// let m = gaz.find(text).next().unwrap();
/// assert_eq!(m.span(), 0..15);
/// assert_eq!(gaz.entity(m.entity().unwrap()).name(), "Bashar al-Assad");
/// ```
#[derive(Clone, Debug)]
pub struct Gazetteer {
    pub(crate) nz: Normalizer,
    /// `nz` for ASCII: the normalized byte, or `search::ASCII_SEP`.
    pub(crate) ascii: [u8; 128],
    /// Titles are compared case- and accent-insensitively whatever the options.
    pub(crate) title_nz: Normalizer,
    pub(crate) smart: bool,
    pub(crate) text: String,
    pub(crate) entities: Vec<EntityRec>,
    pub(crate) aliases: Vec<AliasRec>,
    /// Alias ids grouped by entity (see `EntityRec::aliases`).
    pub(crate) entity_aliases: Vec<u32>,
    /// Title text and normalized key, grouped by entity.
    pub(crate) titles: Vec<(Span, Span)>,
    pub(crate) title_keys: Vec<u8>,
    /// Alias ids grouped by key, best first; key `k` owns
    /// `key_aliases[key_start[k]..key_start[k + 1]]`.
    pub(crate) key_aliases: Vec<u32>,
    pub(crate) key_start: Vec<u32>,
    pub(crate) trie: Trie,
    /// The first words of the trie's keys (`search::first_words`): most
    /// words of a text start no walk, by one lookup.
    pub(crate) first_words: Option<crate::search::FirstWords>,
    /// Entity ids sorted by name, for `entity_by_name`.
    pub(crate) by_name: Vec<u32>,
    pub(crate) warnings: Vec<Warning>,
    /// Lowercased words that may precede a bare surname (see
    /// `data/name_preceders.txt`), made on first use.
    pub(crate) name_preceders: std::sync::OnceLock<newsnlp_text::hash::FastSet<String>>,
}

/// A view of one entity of a [`Gazetteer`].
///
/// ```
/// use newsnlp_gazetteer::{EntityKind, Gazetteer};
/// let gaz = Gazetteer::default();
/// let e = gaz.entity(gaz.entity_by_name("al-Nusra Front").unwrap());
/// assert_eq!(e.kind(), EntityKind::Organization);
/// assert!(e.aliases().any(|a| a.text() == "Jabhat al-Nusra"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Entity<'g> {
    gaz: &'g Gazetteer,
    id: EntityId,
}

impl<'g> Entity<'g> {
    fn rec(&self) -> &'g EntityRec {
        &self.gaz.entities[self.id.index()]
    }

    /// The id.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert_eq!(Some(lavrov.id()), m.entity());
    /// ```
    pub fn id(&self) -> EntityId {
        self.id
    }

    /// The canonical name.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert_eq!((m.span(), lavrov.name()), (0..6, "Sergey Lavrov"));
    /// ```
    pub fn name(&self) -> &'g str {
        self.gaz.str(self.rec().name)
    }

    /// The kind.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert_eq!(lavrov.kind().as_str(), "person");
    /// ```
    pub fn kind(&self) -> EntityKind {
        self.rec().kind
    }

    /// The priority (0 unless set).
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert_eq!(lavrov.priority(), 0);
    /// ```
    pub fn priority(&self) -> i32 {
        self.rec().priority
    }

    /// The titles ("Foreign Minister").
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert!(lavrov.titles().any(|t| t == "Foreign Minister"));
    /// ```
    pub fn titles(&self) -> impl Iterator<Item = &'g str> + use<'g> {
        let gaz = self.gaz;
        let (a, b) = self.rec().titles;
        gaz.titles[a as usize..b as usize]
            .iter()
            .map(move |(t, _)| gaz.str(*t))
    }

    /// All aliases: the canonical name, the listed aliases, derived
    /// surnames (empty and duplicate aliases excepted).
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert!(lavrov.aliases().any(|a| a.text() == "Sergei Lavrov"));
    /// ```
    pub fn aliases(&self) -> impl Iterator<Item = Alias<'g>> + use<'g> {
        let gaz = self.gaz;
        let (a, b) = self.rec().aliases;
        gaz.entity_aliases[a as usize..b as usize]
            .iter()
            .map(move |&id| Alias {
                gaz,
                id: AliasId(id),
            })
    }
}

/// A view of one alias of a [`Gazetteer`].
///
/// ```
/// use newsnlp_gazetteer::{AliasOrigin, Gazetteer};
/// let gaz = Gazetteer::default();
/// let m = gaz.find("Islamic State").next().unwrap();
/// let alias = gaz.alias(m.alias().unwrap());
/// assert_eq!((alias.text(), alias.origin()), ("Islamic State", AliasOrigin::Listed));
/// assert_eq!(gaz.entity(alias.entity()).name(), "ISIS");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Alias<'g> {
    gaz: &'g Gazetteer,
    id: AliasId,
}

impl<'g> Alias<'g> {
    fn rec(&self) -> &'g AliasRec {
        &self.gaz.aliases[self.id.index()]
    }

    /// The id.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("the Nusra Front").next().unwrap();
    /// let alias = gaz.alias(m.alias().unwrap());
    /// assert_eq!((Some(alias.id()), m.span()), (m.alias(), 4..15));
    /// ```
    pub fn id(&self) -> AliasId {
        self.id
    }

    /// The alias as written in the gazetteer.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("the Nusra Front").next().unwrap();
    /// let alias = gaz.alias(m.alias().unwrap());
    /// assert_eq!(alias.text(), "Nusra Front");
    /// ```
    pub fn text(&self) -> &'g str {
        self.gaz.str(self.rec().text)
    }

    /// The entity it names.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("the Nusra Front").next().unwrap();
    /// let alias = gaz.alias(m.alias().unwrap());
    /// assert_eq!(gaz.entity(alias.entity()).name(), "al-Nusra Front");
    /// ```
    pub fn entity(&self) -> EntityId {
        EntityId(self.rec().entity)
    }

    /// Where it came from.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("the Nusra Front").next().unwrap();
    /// let alias = gaz.alias(m.alias().unwrap());
    /// assert_eq!(alias.origin(), newsnlp_gazetteer::AliasOrigin::Listed);
    /// ```
    pub fn origin(&self) -> AliasOrigin {
        match self.rec().tier {
            Tier::Canonical => AliasOrigin::Canonical,
            Tier::Alias => AliasOrigin::Listed,
            Tier::Surname => AliasOrigin::Surname,
            Tier::DocSurname => AliasOrigin::DocumentSurname,
        }
    }
}

impl Default for Gazetteer {
    /// The embedded default gazetteer ([`Entries::builtin`]) with the
    /// default options.
    fn default() -> Self {
        // Default options never fail on the embedded data (the crate's tests
        // build it); an empty gazetteer is the no-panic fallback.
        GazetteerBuilder::new()
            .build(Entries::builtin())
            .or_else(|_| GazetteerBuilder::new().build(Entries::new()))
            .unwrap_or_else(|_| crate::build::empty_gazetteer())
    }
}

impl Gazetteer {
    /// A [`GazetteerBuilder`] with the default options: set what differs,
    /// then build from [`Entries`] or [`Entry`](crate::Entry) values. The
    /// builder is not consumed, so one configured builder builds any number
    /// of gazetteers (as `aho_corasick::AhoCorasick::builder()`).
    ///
    /// ```
    /// use newsnlp_gazetteer::{CaseMode, Entries, Entry, EntityKind, Gazetteer};
    ///
    /// let mut builder = Gazetteer::builder();
    /// builder.case(CaseMode::Insensitive).derive_surnames(false);
    /// let nato = builder.build([Entry::new("NATO", EntityKind::Organization)])?;
    /// assert_eq!(nato.find("nato allies").next().unwrap().span(), 0..4);
    ///
    /// let mut entries = Entries::builtin();
    /// entries.push(Entry::new("Faye Higbee", EntityKind::Person));
    /// let news = builder.build(entries)?; // the same builder again
    /// assert_eq!(news.find("Higbee").count(), 0); // no derived surnames
    /// assert_eq!(news.find("faye higbee").count(), 1);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// Builds a gazetteer from a TSV file with the default options (the
    /// default gazetteer is not included: merge it with
    /// [`Entries::merge`] if wanted). See [`Entries::from_tsv`] for the
    /// format.
    ///
    /// ```no_run
    /// let gaz = newsnlp_gazetteer::Gazetteer::from_tsv_path("places.tsv")?;
    /// println!("{} matches", gaz.find("in Paris and Lyon").count());
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn from_tsv_path(path: impl AsRef<Path>) -> Result<Gazetteer, Error> {
        GazetteerBuilder::new().build_from_path(path)
    }

    /// Builds a gazetteer from TSV text with the default options.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::from_tsv("alias\tcanonical\nLyon\tLyon\n")?;
    /// assert_eq!(gaz.find("in Lyon").next().unwrap().span(), 3..7);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn from_tsv(tsv: &str) -> Result<Gazetteer, Error> {
        GazetteerBuilder::new().build_from_tsv(tsv)
    }

    pub(crate) fn str(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The number of entities.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::from_tsv("alias\tcanonical\nA\tX\nB\tX\n")?;
    /// assert_eq!(gaz.len(), 1);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there is no entity.
    ///
    /// ```
    /// assert!(newsnlp_gazetteer::Gazetteer::from_tsv("alias\tcanonical\n")?.is_empty());
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The number of aliases, including canonical names, derived surnames,
    /// and empty or duplicate aliases that are not matched.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::from_tsv("alias\tcanonical\nUS\tUnited States\n")?;
    /// assert_eq!(gaz.alias_count(), 2); // the canonical name and "US"
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn alias_count(&self) -> usize {
        self.aliases.len()
    }

    /// The entity `id`.
    ///
    /// # Panics
    ///
    /// If `id` is not from this gazetteer (ids are plain indexes).
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Hezbollah said").next().unwrap();
    /// assert_eq!((m.span(), gaz.entity(m.entity().unwrap()).name()), (0..9, "Hezbollah"));
    /// ```
    pub fn entity(&self, id: EntityId) -> Entity<'_> {
        assert!(
            id.index() < self.entities.len(),
            "EntityId from another gazetteer"
        );
        Entity { gaz: self, id }
    }

    /// The alias `id`.
    ///
    /// # Panics
    ///
    /// If `id` is not from this gazetteer.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Sergei Lavrov").next().unwrap();
    /// assert_eq!((m.span(), gaz.alias(m.alias().unwrap()).text()), (0..13, "Sergei Lavrov"));
    /// ```
    pub fn alias(&self, id: AliasId) -> Alias<'_> {
        assert!(
            id.index() < self.aliases.len(),
            "AliasId from another gazetteer"
        );
        Alias { gaz: self, id }
    }

    /// All entities, in id order.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// assert!(gaz.entities().any(|e| e.name() == "Barack Obama"));
    /// ```
    pub fn entities(&self) -> impl Iterator<Item = Entity<'_>> + '_ {
        (0..self.entities.len() as u32).map(move |i| Entity {
            gaz: self,
            id: EntityId(i),
        })
    }

    /// The entity whose canonical name is exactly `name`.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// assert!(gaz.entity_by_name("Rex Tillerson").is_some());
    /// assert!(gaz.entity_by_name("rex tillerson").is_none());
    /// ```
    pub fn entity_by_name(&self, name: &str) -> Option<EntityId> {
        let i = self
            .by_name
            .binary_search_by(|&e| self.str(self.entities[e as usize].name).cmp(name))
            .ok()?;
        Some(EntityId(self.by_name[i]))
    }

    /// Warnings from loading and building: empty and duplicate aliases,
    /// conflicting values.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::from_tsv("alias\tcanonical\n--\tX\n")?;
    /// assert_eq!(gaz.warnings().len(), 1);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Approximate heap memory held by the gazetteer, in bytes.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// assert!(gaz.memory_usage() > 10_000 && gaz.memory_usage() < 10_000_000);
    /// ```
    pub fn memory_usage(&self) -> usize {
        use std::mem::size_of;
        self.text.capacity()
            + self.entities.capacity() * size_of::<EntityRec>()
            + self.aliases.capacity() * size_of::<AliasRec>()
            + self.entity_aliases.capacity() * 4
            + self.titles.capacity() * size_of::<(Span, Span)>()
            + self.title_keys.capacity()
            + self.key_aliases.capacity() * 4
            + self.key_start.capacity() * 4
            + self.trie.heap_bytes()
            + self.by_name.capacity() * 4
            + self.warnings.capacity() * size_of::<Warning>()
            + self
                .warnings
                .iter()
                .map(|w| w.message().len())
                .sum::<usize>()
    }

    /// Mentions in `text`, left to right, not overlapping: at each token
    /// start, the longest alias that also ends on a token boundary.
    ///
    /// Ambiguous aliases are resolved by priority and titles only; derived
    /// surnames that need the document ([`AliasOrigin::DocumentSurname`])
    /// are not reported: use [`Gazetteer::find_in_document`] for that.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let text = "Tillerson met Vladimir Putin in Moscow.";
    /// let spans: Vec<_> = gaz.find(text).map(|m| m.span()).collect();
    /// assert_eq!(spans, [0..9, 14..28, 32..38]);
    /// ```
    pub fn find<'g, 't>(&'g self, text: &'t str) -> Mentions<'g, 't> {
        Mentions::new(self, text, false)
    }

    /// All mentions in `text`, overlapping ones included: every alias that
    /// starts and ends on token boundaries, ordered by start, longest first.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let gaz = GazetteerBuilder::new().build([
    ///     Entry::new("New York", EntityKind::Place),
    ///     Entry::new("New York Times", EntityKind::Organization),
    ///     Entry::new("York", EntityKind::Place),
    /// ])?;
    /// let spans: Vec<_> = gaz.find_overlapping("the New York Times").map(|m| m.span()).collect();
    /// assert_eq!(spans, [4..18, 4..12, 8..12]);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn find_overlapping<'g, 't>(&'g self, text: &'t str) -> Mentions<'g, 't> {
        Mentions::new(self, text, true)
    }
}
