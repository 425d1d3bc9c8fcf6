//! What sort of thing an entity is: [`EntityKind`], and the error of
//! parsing one from a file's `kind` column, [`ParseKindError`].
//!
//! ```
//! use newsnlp_gazetteer::EntityKind;
//!
//! assert_eq!("gpe".parse::<EntityKind>(), Ok(EntityKind::Place));
//! assert_eq!(EntityKind::Group.to_string(), "group");
//! ```

use std::fmt;
use std::str::FromStr;

/// What sort of thing an entity is.
///
/// Its string form is lowercase (`"person"`, `"organization"`, `"place"`,
/// `"group"`, `"other"`), in files and with the `serde` feature.
///
/// ```
/// use newsnlp_gazetteer::EntityKind;
///
/// assert_eq!(EntityKind::Person.as_str(), "person");
/// assert_eq!("organization".parse::<EntityKind>().unwrap(), EntityKind::Organization);
/// assert!("persn".parse::<EntityKind>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum EntityKind {
    /// A person: "Rex Tillerson".
    Person,
    /// A body with members or staff: a government, agency, party, company,
    /// armed group ("NATO", "the Pentagon", "al-Qaeda").
    Organization,
    /// A country, region, city or other location ("Syria", "Moscow").
    Place,
    /// A people or community without one organization ("Kurds", "Rohingya").
    Group,
    /// Anything else; the kind of entries that name none.
    #[default]
    Other,
}

impl EntityKind {
    /// All kinds, in their documented order.
    ///
    /// ```
    /// use newsnlp_gazetteer::EntityKind;
    /// let names: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
    /// assert_eq!(names, ["person", "organization", "place", "group", "other"]);
    /// ```
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Group,
        EntityKind::Other,
    ];

    /// The lowercase name: `"person"`, `"organization"`, `"place"`,
    /// `"group"` or `"other"`.
    ///
    /// ```
    /// assert_eq!(newsnlp_gazetteer::EntityKind::Place.as_str(), "place");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Other => "other",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing an [`EntityKind`] from a string it does not name.
///
/// ```
/// let err = "persn".parse::<newsnlp_gazetteer::EntityKind>().unwrap_err();
/// assert!(err.to_string().contains("persn"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind {0:?}: expected person, organization, place, group or other")]
pub struct ParseKindError(String);

impl FromStr for EntityKind {
    type Err = ParseKindError;

    /// Parses the lowercase name, ignoring ASCII case and surrounding space;
    /// `"org"`, `"location"`/`"loc"`/`"gpe"` and `"per"` are accepted too.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        // Compared ignoring ASCII case, without a lowercased copy (once
        // per row of a gazetteer file).
        const NAMES: [(&str, EntityKind); 12] = [
            ("person", EntityKind::Person),
            ("per", EntityKind::Person),
            ("organization", EntityKind::Organization),
            ("organisation", EntityKind::Organization),
            ("org", EntityKind::Organization),
            ("place", EntityKind::Place),
            ("location", EntityKind::Place),
            ("loc", EntityKind::Place),
            ("gpe", EntityKind::Place),
            ("group", EntityKind::Group),
            ("other", EntityKind::Other),
            ("misc", EntityKind::Other),
        ];
        NAMES
            .iter()
            .find(|(name, _)| t.eq_ignore_ascii_case(name))
            .map(|&(_, kind)| kind)
            .ok_or_else(|| ParseKindError(t.to_string()))
    }
}
