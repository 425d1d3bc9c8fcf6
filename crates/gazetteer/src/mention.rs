//! What matching reports: [`Mention`] and the ids it refers to.

use std::ops::Range;

/// The index of an entity in its [`Gazetteer`](crate::Gazetteer); look it
/// up with [`Gazetteer::entity`](crate::Gazetteer::entity).
///
/// ```
/// use newsnlp_gazetteer::Gazetteer;
/// let gaz = Gazetteer::default();
/// let id = gaz.entity_by_name("Vladimir Putin").unwrap();
/// assert_eq!(gaz.entity(id).name(), "Vladimir Putin");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct EntityId(pub(crate) u32);

impl EntityId {
    /// The index, from 0 to [`Gazetteer::len`](crate::Gazetteer::len).
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let id = gaz.find("NATO").next().unwrap().entity().unwrap();
    /// assert!(id.index() < gaz.len());
    /// ```
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The index of an alias in its [`Gazetteer`](crate::Gazetteer); look it up
/// with [`Gazetteer::alias`](crate::Gazetteer::alias).
///
/// ```
/// use newsnlp_gazetteer::Gazetteer;
/// let gaz = Gazetteer::default();
/// let m = gaz.find("Daesh fighters").next().unwrap();
/// assert_eq!(gaz.alias(m.alias().unwrap()).text(), "Daesh");
/// assert_eq!(m.span(), 0..5);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct AliasId(pub(crate) u32);

impl AliasId {
    /// The index, from 0 to [`Gazetteer::alias_count`](crate::Gazetteer::alias_count).
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let id = gaz.find("NATO").next().unwrap().alias().unwrap();
    /// assert!(id.index() < gaz.alias_count());
    /// ```
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// How a mention's entity was decided.
///
/// ```
/// use newsnlp_gazetteer::{Gazetteer, Resolution};
/// let gaz = Gazetteer::default();
/// let m = gaz.find("Putin said").next().unwrap();
/// assert_eq!(m.resolution(), Resolution::Unique);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Resolution {
    /// Only one entity claims the matched alias.
    Unique,
    /// Several do, and one outranks the others (see the crate docs on
    /// priority).
    Priority,
    /// Several do, and the title before the name belongs to one of them
    /// ("Secretary of State Clinton").
    Title,
    /// Several do, and exactly one of them was named in full elsewhere in
    /// the document ([`Gazetteer::find_in_document`](crate::Gazetteer::find_in_document)).
    Document,
    /// Several do and nothing decides: [`Mention::entity`] is `None` and
    /// [`Mention::candidates`] lists them.
    Ambiguous,
    /// The gazetteer does not list the entity: a name the document itself
    /// introduces (found by a name finder such as `newsnlp-names`), or a
    /// later short form of it. Its [`Mention::entity`] is a document-local
    /// id, beyond the gazetteer's ([`EntityTable::unlisted`](crate::EntityTable::unlisted)
    /// names it), and it has no [`Mention::alias`].
    Unlisted,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Candidates {
    One(EntityId),
    /// Entities in priority order, and for each the alias that matched.
    Many(Box<[EntityId]>, Box<[AliasId]>),
}

/// One match of a gazetteer alias in a text.
///
/// The span is a byte range into the text that was searched; a possessive
/// clitic ("Assad's") and a title before the name are outside it.
///
/// ```
/// use newsnlp_gazetteer::Gazetteer;
///
/// let gaz = Gazetteer::default();
/// let text = "Russian Foreign Minister Sergey Lavrov";
/// let m = gaz.find(text).next().unwrap();
/// assert_eq!(m.span(), 25..38);
/// assert_eq!(&text[m.span()], "Sergey Lavrov");
/// assert_eq!(m.title().map(|t| &text[t]), Some("Russian Foreign Minister"));
/// let lavrov = gaz.entity(m.entity().unwrap());
/// assert_eq!((lavrov.name(), lavrov.kind().as_str()), ("Sergey Lavrov", "person"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub(crate) span: Range<usize>,
    pub(crate) alias: AliasId,
    pub(crate) entity: Option<EntityId>,
    pub(crate) candidates: Candidates,
    pub(crate) resolution: Resolution,
    pub(crate) title: Option<Range<usize>>,
}

impl Mention {
    /// The byte range of the name in the text.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Assad’s forces").next().unwrap();
    /// assert_eq!(m.span(), 0..5);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The start of [`Mention::span`].
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// assert_eq!(gaz.find("in Syria").next().unwrap().start(), 3);
    /// ```
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// The end of [`Mention::span`].
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// assert_eq!(gaz.find("in Syria").next().unwrap().end(), 8);
    /// ```
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// The entity the mention refers to, or `None` when it is ambiguous.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Clinton said").next().unwrap();
    /// assert_eq!(m.entity(), None);
    /// assert_eq!(m.candidates().len(), 2);
    /// assert_eq!(m.span(), 0..7);
    /// ```
    pub fn entity(&self) -> Option<EntityId> {
        self.entity
    }

    /// Every entity the matched alias may refer to, best first; one element
    /// when the mention is not ambiguous.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Jabhat al-Nusra").next().unwrap();
    /// assert_eq!(m.span(), 0..15);
    /// assert_eq!(m.candidates(), [m.entity().unwrap()]);
    /// ```
    pub fn candidates(&self) -> &[EntityId] {
        match &self.candidates {
            Candidates::One(e) => std::slice::from_ref(e),
            Candidates::Many(es, _) => es,
        }
    }

    /// True when several entities remain and none was chosen.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// assert!(gaz.find("Clinton").next().unwrap().is_ambiguous());
    /// assert!(!gaz.find("Putin").next().unwrap().is_ambiguous());
    /// ```
    pub fn is_ambiguous(&self) -> bool {
        self.entity.is_none()
    }

    /// The alias that matched (of the chosen entity, or of the best
    /// candidate when ambiguous); `None` for a name the gazetteer does not
    /// list ([`Resolution::Unlisted`]).
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("ISIL fighters").next().unwrap();
    /// let alias = m.alias().unwrap();
    /// assert_eq!((gaz.alias(alias).text(), m.span()), ("ISIL", 0..4));
    /// ```
    pub fn alias(&self) -> Option<AliasId> {
        (self.resolution != Resolution::Unlisted).then_some(self.alias)
    }

    /// The mention of a name the gazetteer does not list, linked to the
    /// document-local entity `entity`.
    pub(crate) fn unlisted(
        span: Range<usize>,
        entity: EntityId,
        title: Option<Range<usize>>,
    ) -> Mention {
        Mention {
            span,
            alias: AliasId(u32::MAX),
            entity: Some(entity),
            candidates: Candidates::One(entity),
            resolution: Resolution::Unlisted,
            title,
        }
    }

    /// Whether the gazetteer lists the mention's entity (or candidates):
    /// every mention but those of [`Resolution::Unlisted`].
    pub fn is_listed(&self) -> bool {
        self.resolution != Resolution::Unlisted
    }

    /// How the entity was decided.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Gazetteer, Resolution};
    /// let gaz = Gazetteer::default();
    /// let m = gaz.find("Clinton").next().unwrap();
    /// assert_eq!((m.span(), m.resolution()), (0..7, Resolution::Ambiguous));
    /// ```
    pub fn resolution(&self) -> Resolution {
        self.resolution
    }

    /// The byte range of a title of the entity right before the name
    /// ("Secretary of State" in "Secretary of State Rex Tillerson"), if any.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let text = "Secretary of State Rex Tillerson";
    /// let m = gaz.find(text).next().unwrap();
    /// assert_eq!((m.span(), m.title()), (19..32, Some(0..18)));
    /// ```
    pub fn title(&self) -> Option<Range<usize>> {
        self.title.clone()
    }

    pub(crate) fn alias_of(&self, entity: EntityId) -> Option<AliasId> {
        match &self.candidates {
            Candidates::One(e) => (*e == entity).then_some(self.alias),
            Candidates::Many(es, als) => es.iter().position(|e| *e == entity).map(|i| als[i]),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Mention {
    /// `{"span": [start, end], "entity": id|null, "candidates": [id...],
    /// "alias": id, "resolution": "unique"|..., "title": [start, end]|null}`
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Mention", 6)?;
        st.serialize_field("span", &[self.span.start, self.span.end])?;
        st.serialize_field("entity", &self.entity)?;
        st.serialize_field("candidates", self.candidates())?;
        st.serialize_field("alias", &self.alias())?;
        st.serialize_field("resolution", &self.resolution)?;
        st.serialize_field("title", &self.title.as_ref().map(|t| [t.start, t.end]))?;
        st.end()
    }
}
