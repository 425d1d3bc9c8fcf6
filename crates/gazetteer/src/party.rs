//! Who says or holds something: [`Party`], shared by quotes' speakers and
//! stances' holders.
//!
//! A party is a gazetteer entity (named, or referred to by a pronoun or a
//! title), a phrase kept as written ("US officials"), or the article's
//! author.
//!
//! ```
//! use newsnlp_gazetteer::Party;
//!
//! let officials = Party::Phrase("US officials".into());
//! assert_eq!(officials.name(), Some("US officials"));
//! assert_eq!(Party::Author { name: None }.to_string(), "author");
//! ```

use std::fmt;

use crate::{EntityId, EntityKind};

/// Who a quote is attributed to, or who holds a stance.
///
/// [`Party::name`] is the flat name: the canonical name of a linked
/// entity, the text of an unlinked phrase, or the byline's name;
/// [`Party::label`] (and `Display`) fall back to `"author"` for an author
/// without a byline, the form the CLI prints for stance holders.
///
/// ```
/// use newsnlp_gazetteer::{EntityKind, Gazetteer, Party};
///
/// let gaz = Gazetteer::default();
/// let id = gaz.entity_by_name("Vladimir Putin").unwrap();
/// let putin = Party::Entity { id: Some(id), name: "Vladimir Putin".into(), kind: EntityKind::Person };
/// assert_eq!(putin.name(), Some("Vladimir Putin"));
/// assert_eq!(putin.entity(), Some(id));
/// assert_eq!(putin.kind(), Some(EntityKind::Person));
///
/// let author = Party::Author { name: Some("Faye Higbee".into()) };
/// assert_eq!((author.name(), author.entity()), (Some("Faye Higbee"), None));
/// assert_eq!(Party::Author { name: None }.name(), None);
/// assert_eq!(Party::Author { name: None }.label(), "author");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Party {
    /// An entity of the document: the source or subject names it, refers
    /// to it by pronoun, or by a title it holds in the document. Listed in
    /// the gazetteer or not (a person the document introduces).
    Entity {
        /// The entity's id in the gazetteer that produced the mentions;
        /// `None` for an entity the gazetteer does not list.
        id: Option<EntityId>,
        /// Its canonical name ("Rex Tillerson"), or for an unlisted
        /// entity the fullest form the document uses.
        name: String,
        /// Its kind (person, organization, …).
        kind: EntityKind,
    },
    /// A party that names no known entity, kept as written: a group ("US
    /// officials", "both sides"), an unnamed source ("a source close to
    /// the talks"), or a name missing from the gazetteer.
    Phrase(String),
    /// The article's author: the writer speaks in the first person outside
    /// quotation marks, or evaluates outside any attribution.
    Author {
        /// The name from the byline ("By Faye Higbee"), if found.
        name: Option<String>,
    },
}

/// The label of an author without a byline.
const AUTHOR: &str = "author";

impl Party {
    /// The flat name: canonical name, phrase text, or the byline's name
    /// (`None` for an author without a byline).
    ///
    /// ```
    /// use newsnlp_gazetteer::Party;
    /// assert_eq!(Party::Phrase("Both sides".into()).name(), Some("Both sides"));
    /// ```
    pub fn name(&self) -> Option<&str> {
        match self {
            Party::Entity { name, .. } => Some(name),
            Party::Phrase(p) => Some(p),
            Party::Author { name } => name.as_deref(),
        }
    }

    /// [`Party::name`], or `"author"` for an author without a byline: the
    /// flat form of a stance's holder. Two parties with the same label
    /// count as the same holder.
    ///
    /// ```
    /// use newsnlp_gazetteer::Party;
    /// assert_eq!(Party::Author { name: None }.label(), "author");
    /// assert_eq!(Party::Phrase("US officials".into()).label(), "US officials");
    /// ```
    pub fn label(&self) -> &str {
        self.name().unwrap_or(AUTHOR)
    }

    /// The gazetteer entity, for a listed [`Party::Entity`].
    ///
    /// ```
    /// assert_eq!(newsnlp_gazetteer::Party::Author { name: None }.entity(), None);
    /// ```
    pub fn entity(&self) -> Option<EntityId> {
        match self {
            Party::Entity { id, .. } => *id,
            _ => None,
        }
    }

    /// The entity's kind, for [`Party::Entity`].
    ///
    /// ```
    /// assert_eq!(newsnlp_gazetteer::Party::Phrase("Both sides".into()).kind(), None);
    /// ```
    pub fn kind(&self) -> Option<EntityKind> {
        match self {
            Party::Entity { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// Which variant it is, as a lowercase word: `"entity"`, `"phrase"` or
    /// `"author"` (the `speaker_type` / `holder_type` of the JSON output).
    ///
    /// ```
    /// assert_eq!(newsnlp_gazetteer::Party::Phrase("Both sides".into()).role(), "phrase");
    /// ```
    pub fn role(&self) -> &'static str {
        match self {
            Party::Entity { .. } => "entity",
            Party::Phrase(_) => "phrase",
            Party::Author { .. } => "author",
        }
    }

    /// The party from its flat fields, the inverse of [`Party::role`],
    /// [`Party::name`] (or [`Party::label`]), [`Party::entity`] and
    /// [`Party::kind`]; `None` when they do not fit together (an entity
    /// without a name, an unknown role). An author's name `"author"` reads
    /// back as no name, as [`Party::label`] writes it.
    ///
    /// ```
    /// use newsnlp_gazetteer::Party;
    /// let p = Party::Phrase("US officials".into());
    /// assert_eq!(Party::from_parts(p.role(), p.name(), p.entity(), p.kind()), Some(p));
    /// let a = Party::Author { name: None };
    /// assert_eq!(Party::from_parts("author", Some("author"), None, None), Some(a));
    /// ```
    pub fn from_parts(
        role: &str,
        name: Option<&str>,
        entity: Option<EntityId>,
        kind: Option<EntityKind>,
    ) -> Option<Party> {
        Some(match role {
            "entity" => Party::Entity {
                id: entity,
                name: name?.to_string(),
                kind: kind.unwrap_or_default(),
            },
            "phrase" => Party::Phrase(name?.to_string()),
            "author" => Party::Author {
                name: name.filter(|n| *n != AUTHOR).map(str::to_string),
            },
            _ => return None,
        })
    }
}

impl fmt::Display for Party {
    /// The [`Party::label`]: the name, or `"author"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
