//! The entities of one document: [`EntityTable`], built from its mentions.
//!
//! Each linked entity appears once, with every mention of it in text
//! order and how each was linked ([`Link`]: its canonical name, a listed
//! alias, a surname, a title); mentions that stay ambiguous are kept apart
//! with their candidates ([`EntityTable::unresolved`]).
//!
//! ```
//! use newsnlp_gazetteer::{EntityTable, Gazetteer, Link};
//!
//! let gaz = Gazetteer::default();
//! let text = "Rex Tillerson met Vladimir Putin. Tillerson said little.";
//! let table = EntityTable::new(&gaz, &gaz.find_in_document(text));
//! assert_eq!(table.len(), 2);
//! let rex = &table.entities()[0];
//! assert_eq!((rex.name.as_str(), rex.mentions.len()), ("Rex Tillerson", 2));
//! assert_eq!(rex.mentions[1].link, Link::Surname);
//! assert_eq!(rex.mentions[1].span.range(), 34..43);
//! ```

use std::fmt;

use newsnlp_text::Span;

use crate::{AliasOrigin, EntityId, EntityKind, Gazetteer, Mention, Resolution};

/// How a mention was linked to its entity.
///
/// ```
/// use newsnlp_gazetteer::Link;
/// assert_eq!(Link::Surname.as_str(), "surname");
/// assert_eq!(Link::Title.to_string(), "title");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Link {
    /// The entity's canonical name ("Rex Tillerson").
    Name,
    /// An alias listed for it ("ISIL" for ISIS).
    Alias,
    /// A person's surname ("Tillerson").
    Surname,
    /// A shared alias that the title before it decided ("Secretary of
    /// State Clinton").
    Title,
    /// A nominal descriptor whose titles fit the entity ("the Hungarian
    /// leader"): in [`DocEntity::mentions`], not among the named mentions
    /// of the flat list.
    Descriptor,
}

impl Link {
    /// The lowercase name: `"name"`, `"alias"`, `"surname"`, `"title"` or
    /// `"descriptor"`.
    ///
    /// ```
    /// assert_eq!(newsnlp_gazetteer::Link::Name.as_str(), "name");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Link::Name => "name",
            Link::Alias => "alias",
            Link::Surname => "surname",
            Link::Title => "title",
            Link::Descriptor => "descriptor",
        }
    }

    /// How `m` was linked, from its resolution and its alias's origin.
    pub(crate) fn of(gaz: &Gazetteer, m: &Mention) -> Link {
        if m.resolution() == Resolution::Title {
            return Link::Title;
        }
        let Some(alias) = m.alias() else {
            return Link::Name;
        };
        match gaz.alias(alias).origin() {
            AliasOrigin::Canonical => Link::Name,
            AliasOrigin::Surname | AliasOrigin::DocumentSurname => Link::Surname,
            _ => Link::Alias,
        }
    }
}

impl fmt::Display for Resolution {
    /// The lowercase name (`"unique"`, `"priority"`, `"title"`,
    /// `"document"`, `"ambiguous"`, `"unlisted"`), as with serde.
    ///
    /// ```
    /// assert_eq!(newsnlp_gazetteer::Resolution::Document.to_string(), "document");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Resolution::Unique => "unique",
            Resolution::Priority => "priority",
            Resolution::Title => "title",
            Resolution::Document => "document",
            Resolution::Ambiguous => "ambiguous",
            Resolution::Unlisted => "unlisted",
        })
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One mention of a [`DocEntity`]: where, and how it was linked.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EntityRef {
    /// Byte span of the name in the text (`[start, end]` with serde).
    pub span: Span,
    /// How it was linked.
    pub link: Link,
}

/// One entity of a document, with all its mentions.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DocEntity {
    /// Its position in [`EntityTable::entities`] (order of first mention).
    pub index: usize,
    /// The gazetteer entity, when it is one ([`DocEntity::known`]);
    /// `None` for an entity the gazetteer does not list.
    pub id: Option<EntityId>,
    /// Its canonical name.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Whether the gazetteer lists it; an unlisted entity is a name the
    /// document introduces ([`EntityTable::with_names`]).
    pub known: bool,
    /// The titles seen right before its mentions in the document
    /// ("Norwegian Prime Minister"), each once.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub titles: Vec<String>,
    /// Its mentions, in text order.
    pub mentions: Vec<EntityRef>,
}

/// A mention that stays ambiguous: its span and the entities it may be.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Unresolved {
    /// Byte span of the name in the text (`[start, end]` with serde).
    pub span: Span,
    /// The candidates, best first.
    pub candidates: Vec<EntityId>,
}

/// The entities of one document, each once, with their mentions.
///
/// ```
/// use newsnlp_gazetteer::{EntityTable, Gazetteer};
///
/// let gaz = Gazetteer::default();
/// let text = "Hillary Clinton met Bill Clinton and Putin. Later Clinton said no.";
/// let mentions = gaz.find_in_document(text);
/// let table = EntityTable::new(&gaz, &mentions);
/// let names: Vec<&str> = table.entities().iter().map(|e| e.name.as_str()).collect();
/// assert_eq!(names, ["Hillary Clinton", "Bill Clinton", "Vladimir Putin"]);
/// assert_eq!(table.unresolved().len(), 1); // "Clinton" after both were named
/// assert_eq!(table.unresolved()[0].candidates.len(), 2);
/// assert_eq!(table.of_mention(2).map(|e| e.index), Some(2));
/// assert_eq!(table.of_mention(3), None);
/// let putin = gaz.entity_by_name("Vladimir Putin").unwrap();
/// assert_eq!(table.by_id(putin).map(|e| e.mentions.len()), Some(1));
/// ```
#[derive(Clone, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EntityTable {
    pub(crate) entities: Vec<DocEntity>,
    pub(crate) unresolved: Vec<Unresolved>,
    /// Per mention (in the order given): its entity's index, if linked.
    pub(crate) by_mention: Vec<Option<usize>>,
    /// The first document-local id: the gazetteer's length.
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) base: usize,
    /// Per document-local id (from `base`): its entity's index.
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) unlisted: Vec<usize>,
    /// The linked descriptors, in text order, with their entity's index.
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) descriptors: Vec<(Span, usize)>,
    /// The listed entities' indexes by gazetteer id, sorted by id (for
    /// [`EntityTable::by_id`]; rebuilt from `entities` when read back).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) listed: Vec<(EntityId, usize)>,
    /// The indexes of the organizations in `entities`, in order (for
    /// [`Entities::organization_by_head`](crate::Entities::organization_by_head),
    /// which then reads no other entity); empty in a table read back,
    /// where it reads them all.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) orgs: Vec<usize>,
}

impl EntityTable {
    /// Everything but the index by id, which a table read back lacks.
    #[allow(clippy::type_complexity)]
    fn parts(
        &self,
    ) -> (
        &[DocEntity],
        &[Unresolved],
        &[Option<usize>],
        usize,
        &[usize],
        &[(Span, usize)],
    ) {
        (
            &self.entities,
            &self.unresolved,
            &self.by_mention,
            self.base,
            &self.unlisted,
            &self.descriptors,
        )
    }
}

impl PartialEq for EntityTable {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for EntityTable {}

impl std::hash::Hash for EntityTable {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

impl EntityTable {
    /// The table of `mentions` (found by `gazetteer` in one document, in
    /// text order), entities in the order of their first mention.
    pub fn new(gazetteer: &Gazetteer, mentions: &[Mention]) -> EntityTable {
        EntityTable::with_names(gazetteer, "", mentions, &[]).0
    }

    /// Records ambiguous mention `m`.
    pub(crate) fn push_unresolved(&mut self, m: &Mention) {
        self.unresolved.push(Unresolved {
            span: Span::from(m.span()),
            candidates: m.candidates().to_vec(),
        });
        self.by_mention.push(None);
    }

    /// The entities, in the order of their first mention.
    pub fn entities(&self) -> &[DocEntity] {
        &self.entities
    }

    /// The mentions that stay ambiguous, in text order.
    pub fn unresolved(&self) -> &[Unresolved] {
        &self.unresolved
    }

    /// How many entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether the document names no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The entity of the `i`-th mention the table was built from, if it
    /// is linked.
    pub fn of_mention(&self, i: usize) -> Option<&DocEntity> {
        self.entities.get((*self.by_mention.get(i)?)?)
    }

    /// The entry of gazetteer entity `id`, if the document names it.
    pub fn by_id(&self, id: EntityId) -> Option<&DocEntity> {
        if self.listed.is_empty() {
            // Read back from JSON, the index is not there.
            return self.entities.iter().find(|e| e.id == Some(id));
        }
        let k = self.listed.binary_search_by_key(&id, |&(i, _)| i).ok()?;
        self.entities.get(self.listed[k].1)
    }
}
