//! One entity to add: [`Entry`], a canonical name, a kind, aliases, titles,
//! a priority and a surname rule, set in the builder style.
//!
//! ```
//! use newsnlp_gazetteer::{Entry, EntityKind};
//!
//! let xi = Entry::new("Xi Jinping", EntityKind::Person)
//!     .surname("Xi")
//!     .title("President");
//! assert_eq!((xi.name(), xi.titles()), ("Xi Jinping", &["President".to_string()][..]));
//! ```

use crate::kind::EntityKind;

/// One entity to put in a gazetteer: a canonical name, a kind, aliases, and
/// optionally titles, a priority and a surname rule.
///
/// The canonical name is always an alias too. For a [`EntityKind::Person`],
/// the surname is derived from the name unless [`Entry::surname`] or
/// [`Entry::no_surname`] says otherwise (see the crate docs on linking).
///
/// ```
/// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
///
/// let tillerson = Entry::new("Rex Tillerson", EntityKind::Person)
///     .title("Secretary of State")
///     .alias("Rex W. Tillerson");
/// let gaz = GazetteerBuilder::new().build([tillerson])?;
/// let spans: Vec<_> = gaz.find("Rex W. Tillerson met Tillerson.").map(|m| m.span()).collect();
/// assert_eq!(spans, [0..16, 21..30]);
/// # Ok::<(), newsnlp_gazetteer::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub(crate) name: String,
    pub(crate) kind: EntityKind,
    pub(crate) aliases: Vec<String>,
    pub(crate) titles: Vec<String>,
    pub(crate) priority: Option<i32>,
    /// `Some(None)`: no surname.
    pub(crate) surname: Option<Option<String>>,
}

impl Entry {
    /// An entity named `name` of kind `kind`, with no other alias yet.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind};
    /// let e = Entry::new("NATO", EntityKind::Organization);
    /// assert_eq!(e.name(), "NATO");
    /// ```
    pub fn new(name: impl Into<String>, kind: EntityKind) -> Self {
        Entry {
            name: name.into(),
            kind,
            aliases: Vec::new(),
            titles: Vec::new(),
            priority: None,
            surname: None,
        }
    }

    /// Adds an alias.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind};
    /// let e = Entry::new("ISIS", EntityKind::Organization).alias("Daesh");
    /// assert_eq!(e.aliases(), ["Daesh"]);
    /// ```
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        self.aliases.push(alias.into());
        self
    }

    /// Adds several aliases.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind};
    /// let e = Entry::new("ISIS", EntityKind::Organization).extend_aliases(["ISIL", "Daesh"]);
    /// assert_eq!(e.aliases().len(), 2);
    /// ```
    pub fn extend_aliases<I, S>(mut self, aliases: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.aliases.extend(aliases.into_iter().map(Into::into));
        self
    }

    /// Adds a title or role that may precede the name ("Foreign Minister");
    /// a mention preceded by one reports it in
    /// [`Mention::title`](crate::Mention::title), and it decides between
    /// candidates that share an alias.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind};
    /// let e = Entry::new("Sergey Lavrov", EntityKind::Person).title("Foreign Minister");
    /// assert_eq!(e.titles(), ["Foreign Minister"]);
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.titles.push(title.into());
        self
    }

    /// Sets the priority (default 0): when entities share an alias, a higher
    /// priority wins. See the crate docs on priority.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let gaz = GazetteerBuilder::new().build([
    ///     Entry::new("Georgia (U.S. state)", EntityKind::Place).alias("Georgia"),
    ///     Entry::new("Georgia (country)", EntityKind::Place).alias("Georgia").priority(1),
    /// ])?;
    /// let m = gaz.find("in Georgia").next().unwrap();
    /// assert_eq!(gaz.entity(m.entity().unwrap()).name(), "Georgia (country)");
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn priority(mut self, priority: i32) -> Self {
        self.priority = Some(priority);
        self
    }

    /// Sets the surname used for document-level linking instead of the one
    /// derived from the name (for names written family name first).
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let xi = Entry::new("Xi Jinping", EntityKind::Person).surname("Xi");
    /// let gaz = GazetteerBuilder::new().build([xi])?;
    /// assert_eq!(gaz.find("Xi said").next().unwrap().span(), 0..2);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn surname(mut self, surname: impl Into<String>) -> Self {
        self.surname = Some(Some(surname.into()));
        self
    }

    /// Derives no surname for this person.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let e = Entry::new("Lady Gaga", EntityKind::Person).no_surname();
    /// let gaz = GazetteerBuilder::new().build([e])?;
    /// assert_eq!(gaz.find("Gaga").count(), 0);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn no_surname(mut self) -> Self {
        self.surname = Some(None);
        self
    }

    /// The canonical name.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind};
    /// assert_eq!(Entry::new("Hamas", EntityKind::Organization).name(), "Hamas");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The kind.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind};
    /// assert_eq!(Entry::new("Hamas", EntityKind::Organization).kind(), EntityKind::Organization);
    /// ```
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// The aliases added so far (the canonical name is implied).
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind};
    /// assert_eq!(Entry::new("ISIS", EntityKind::Organization).alias("ISIL").aliases(), ["ISIL"]);
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// The titles added so far.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind};
    /// assert_eq!(Entry::new("Wang Yi", EntityKind::Person).title("Foreign Minister").titles(), ["Foreign Minister"]);
    /// ```
    pub fn titles(&self) -> &[String] {
        &self.titles
    }
}
