//! Entities before they are built into a gazetteer: [`Entry`] for one,
//! [`Entries`] for a collection loaded from TSV, JSON or TOML.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::error::{Error, ErrorKind, Warning, WarningKind};

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
        let lower = t.to_ascii_lowercase();
        Ok(match lower.as_str() {
            "person" | "per" => EntityKind::Person,
            "organization" | "organisation" | "org" => EntityKind::Organization,
            "place" | "location" | "loc" | "gpe" => EntityKind::Place,
            "group" => EntityKind::Group,
            "other" | "misc" => EntityKind::Other,
            _ => return Err(ParseKindError(t.to_string())),
        })
    }
}

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
    name: String,
    kind: EntityKind,
    aliases: Vec<String>,
    titles: Vec<String>,
    priority: Option<i32>,
    surname: Option<Option<String>>,
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

/// A byte range into [`Entries::text`], kept as two `u32` so that hundreds of
/// thousands of aliases cost no allocation each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Span {
    pub(crate) start: u32,
    pub(crate) end: u32,
}

impl Span {
    pub(crate) fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// How a person's surname is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SurnameSpec {
    None,
    Explicit(Span),
}

#[derive(Clone, Debug)]
pub(crate) struct RawEntity {
    pub(crate) name: Span,
    pub(crate) kind: EntityKind,
    pub(crate) kind_set: bool,
    pub(crate) priority: Option<i32>,
    pub(crate) surname: Option<SurnameSpec>,
    pub(crate) line: u32,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct RawAlias {
    pub(crate) text: Span,
    pub(crate) entity: u32,
    /// 1-based source line, 0 when unknown.
    pub(crate) line: u32,
}

/// A collection of entities to build a gazetteer from: the embedded default
/// ([`Entries::builtin`]), a file ([`Entries::from_tsv`],
/// [`Entries::from_json`], [`Entries::from_toml`], [`Entries::from_path`]),
/// [`Entry`] values, or any merge of these ([`Entries::merge`]).
///
/// Entries with the same canonical name (exact string) are one entity: their
/// aliases and titles add up, and the first kind, priority and surname given
/// win (a different later value is a [`WarningKind::Conflict`]).
///
/// All strings live in one buffer, so loading a large file costs no
/// allocation per alias.
///
/// ```
/// use newsnlp_gazetteer::{Entries, Entry, EntityKind, GazetteerBuilder};
///
/// let mut entries = Entries::builtin();
/// entries.push(Entry::new("Faye Higbee", EntityKind::Person));
/// let gaz = GazetteerBuilder::new().build(entries)?;
/// let m = gaz.find("By Faye Higbee").next().unwrap();
/// assert_eq!(m.span(), 3..14);
/// # Ok::<(), newsnlp_gazetteer::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Entries {
    pub(crate) text: String,
    pub(crate) entities: Vec<RawEntity>,
    pub(crate) titles: Vec<(u32, Span)>,
    pub(crate) aliases: Vec<RawAlias>,
    pub(crate) warnings: Vec<Warning>,
    index: HashMap<Box<str>, u32>,
}

/// The embedded default gazetteer (see `data/README.md`).
const BUILTIN_TSV: &str = include_str!("../data/entities.tsv");

impl Entries {
    /// An empty collection.
    ///
    /// ```
    /// assert!(newsnlp_gazetteer::Entries::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Entries::default()
    }

    /// The default gazetteer embedded in the crate: heads of state and
    /// government, ministers, politicians, organizations, armed groups,
    /// countries and capitals of international news from 2015 on.
    ///
    /// ```
    /// let entries = newsnlp_gazetteer::Entries::builtin();
    /// assert!(entries.len() > 300);
    /// ```
    pub fn builtin() -> Self {
        // The embedded file is checked by this crate's tests, so a failure
        // here is impossible in a released build; fall back to empty rather
        // than panic all the same.
        Entries::from_tsv(BUILTIN_TSV).unwrap_or_default()
    }

    /// The number of distinct entities.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, Entry, EntityKind};
    /// let entries: Entries = [
    ///     Entry::new("ISIS", EntityKind::Organization),
    ///     Entry::new("ISIS", EntityKind::Organization).alias("Daesh"),
    /// ].into();
    /// assert_eq!(entries.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there is no entity.
    ///
    /// ```
    /// assert!(!newsnlp_gazetteer::Entries::builtin().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Warnings found while loading or merging (empty aliases, conflicting
    /// values). Duplicate aliases are found when the gazetteer is built:
    /// see [`Gazetteer::warnings`](crate::Gazetteer::warnings).
    ///
    /// ```
    /// use newsnlp_gazetteer::Entries;
    /// let entries = Entries::from_tsv("alias\tcanonical\n\tISIS\n")?;
    /// assert_eq!(entries.warnings()[0].line(), Some(2));
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    fn store(&mut self, s: &str) -> Result<Span, Error> {
        let start = self.text.len();
        let end = start + s.len();
        if end > u32::MAX as usize {
            return Err(Error::new(
                ErrorKind::TooLarge,
                "gazetteer text exceeds 4 GiB",
            ));
        }
        self.text.push_str(s);
        Ok(Span {
            start: start as u32,
            end: end as u32,
        })
    }

    pub(crate) fn str(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The entity called `name`, created with `kind` if new.
    fn entity(&mut self, name: &str, line: u32) -> Result<u32, Error> {
        if let Some(&id) = self.index.get(name) {
            return Ok(id);
        }
        let id = u32::try_from(self.entities.len())
            .map_err(|_| Error::new(ErrorKind::TooLarge, "more than 2^32 entities"))?;
        let span = self.store(name)?;
        self.entities.push(RawEntity {
            name: span,
            kind: EntityKind::Other,
            kind_set: false,
            priority: None,
            surname: None,
            line,
        });
        self.index.insert(name.into(), id);
        Ok(id)
    }

    fn warn(&mut self, kind: WarningKind, line: u32, message: String) {
        let line = (line > 0).then_some(line as usize);
        self.warnings.push(Warning::new(kind, line, message));
    }

    fn set_kind(&mut self, id: u32, kind: EntityKind, line: u32) {
        let e = &mut self.entities[id as usize];
        if !e.kind_set {
            e.kind = kind;
            e.kind_set = true;
        } else if e.kind != kind {
            let (old, span) = (e.kind, e.name);
            let name = self.str(span).to_string();
            self.warn(
                WarningKind::Conflict,
                line,
                format!("{name:?} is {old} already; kind {kind} ignored"),
            );
        }
    }

    fn set_priority(&mut self, id: u32, priority: i32, line: u32) {
        let e = &mut self.entities[id as usize];
        match e.priority {
            None => e.priority = Some(priority),
            Some(p) if p != priority => {
                let span = e.name;
                let name = self.str(span).to_string();
                self.warn(
                    WarningKind::Conflict,
                    line,
                    format!("{name:?} has priority {p} already; priority {priority} ignored"),
                );
            }
            Some(_) => {}
        }
    }

    fn set_surname(&mut self, id: u32, surname: Option<&str>, line: u32) -> Result<(), Error> {
        let spec = match surname {
            None => SurnameSpec::None,
            Some(s) => SurnameSpec::Explicit(self.store(s)?),
        };
        let e = &self.entities[id as usize];
        match e.surname {
            None => self.entities[id as usize].surname = Some(spec),
            Some(old) => {
                let same = match (old, spec) {
                    (SurnameSpec::Explicit(a), SurnameSpec::Explicit(b)) => {
                        self.str(a) == self.str(b)
                    }
                    (a, b) => a == b,
                };
                if !same {
                    let name = self.str(e.name).to_string();
                    self.warn(
                        WarningKind::Conflict,
                        line,
                        format!("{name:?} has a surname rule already; the later one is ignored"),
                    );
                }
            }
        }
        Ok(())
    }

    fn add_alias(&mut self, id: u32, alias: &str, line: u32) -> Result<(), Error> {
        let alias = alias.trim();
        if alias.is_empty() {
            let name = self.str(self.entities[id as usize].name).to_string();
            self.warn(
                WarningKind::EmptyAlias,
                line,
                format!("empty alias for {name:?} skipped"),
            );
            return Ok(());
        }
        if self.aliases.len() >= u32::MAX as usize {
            return Err(Error::new(ErrorKind::TooLarge, "more than 2^32 aliases"));
        }
        let text = self.store(alias)?;
        self.aliases.push(RawAlias {
            text,
            entity: id,
            line,
        });
        Ok(())
    }

    fn add_title(&mut self, id: u32, title: &str) -> Result<(), Error> {
        let title = title.trim();
        if !title.is_empty() {
            let span = self.store(title)?;
            self.titles.push((id, span));
        }
        Ok(())
    }

    /// Adds one entry, merging it into the entity of the same canonical name
    /// if there is one.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, Entry, EntityKind};
    /// let mut entries = Entries::new();
    /// entries.push(Entry::new("Hamas", EntityKind::Organization));
    /// assert_eq!(entries.len(), 1);
    /// ```
    pub fn push(&mut self, entry: Entry) {
        // Strings of a single entry are far below the 4 GiB index limit; a
        // failure here can only come from a collection already at the limit,
        // in which case the entry is dropped with a warning, not a panic.
        if let Err(e) = self.push_entry(entry, 0) {
            self.warnings.push(Warning::new(
                WarningKind::Dropped,
                None,
                format!("entry dropped: {e}"),
            ));
        }
    }

    fn push_entry(&mut self, entry: Entry, line: u32) -> Result<(), Error> {
        let name = entry.name.trim();
        if name.is_empty() {
            self.warn(
                WarningKind::EmptyAlias,
                line,
                "entry with an empty canonical name skipped".to_string(),
            );
            return Ok(());
        }
        let id = self.entity(name, line)?;
        self.set_kind(id, entry.kind, line);
        if let Some(p) = entry.priority {
            self.set_priority(id, p, line);
        }
        if let Some(s) = &entry.surname {
            self.set_surname(id, s.as_deref(), line)?;
        }
        for a in &entry.aliases {
            self.add_alias(id, a, line)?;
        }
        for t in &entry.titles {
            self.add_title(id, t)?;
        }
        Ok(())
    }

    /// Merges `other` into `self`: entities with a canonical name already
    /// present gain its aliases and titles; the others are appended, after
    /// the existing ones (which matters for priority ties).
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, GazetteerBuilder};
    ///
    /// let mut entries = Entries::builtin();
    /// entries.merge(Entries::from_tsv("alias\tcanonical\nT-Rex\tRex Tillerson\n")?);
    /// let gaz = GazetteerBuilder::new().build(entries)?;
    /// let m = gaz.find("T-Rex arrived").next().unwrap();
    /// assert_eq!(gaz.entity(m.entity().unwrap()).name(), "Rex Tillerson");
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn merge(&mut self, other: Entries) {
        if let Err(e) = self.try_merge(other) {
            self.warnings.push(Warning::new(
                WarningKind::Dropped,
                None,
                format!("entries dropped: {e}"),
            ));
        }
    }

    fn try_merge(&mut self, other: Entries) -> Result<(), Error> {
        let mut map = Vec::with_capacity(other.entities.len());
        for e in &other.entities {
            let id = self.entity(other.str(e.name), e.line)?;
            if e.kind_set {
                self.set_kind(id, e.kind, e.line);
            }
            if let Some(p) = e.priority {
                self.set_priority(id, p, e.line);
            }
            match e.surname {
                Some(SurnameSpec::None) => self.set_surname(id, None, e.line)?,
                Some(SurnameSpec::Explicit(s)) => {
                    self.set_surname(id, Some(other.str(s)), e.line)?
                }
                None => {}
            }
            map.push(id);
        }
        for a in &other.aliases {
            self.add_alias(map[a.entity as usize], other.str(a.text), a.line)?;
        }
        for &(e, t) in &other.titles {
            self.add_title(map[e as usize], other.str(t))?;
        }
        self.warnings.extend(other.warnings);
        Ok(())
    }

    /// Reads a TSV gazetteer.
    ///
    /// The first line is a header naming the columns, in any order:
    ///
    /// | column | required | meaning |
    /// |---|---|---|
    /// | `canonical` | yes | the entity's canonical name |
    /// | `alias` | `alias` or `aliases` | one alias |
    /// | `aliases` | `alias` or `aliases` | aliases separated by `\|` |
    /// | `kind` | no | `person`, `organization`, `place`, `group`, `other` (default) |
    /// | `titles` | no | titles separated by `\|` |
    /// | `priority` | no | an integer, default 0 |
    /// | `surname` | no | a person's surname; empty: derived; `-`: none |
    ///
    /// Other columns are ignored; so are blank lines and lines starting
    /// with `#`. Rows with the same canonical name make one entity. An empty
    /// `alias` cell is a warning; a missing column, an empty canonical name,
    /// an unknown kind or a bad priority is an error naming the line.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, GazetteerBuilder};
    ///
    /// let tsv = "alias\tcanonical\tkind\n\
    ///            Lavrov\tSergey Lavrov\tperson\n\
    ///            Sergei Lavrov\tSergey Lavrov\tperson\n";
    /// let entries = Entries::from_tsv(tsv)?;
    /// assert_eq!(entries.len(), 1);
    /// let gaz = GazetteerBuilder::new().build(entries)?;
    /// assert_eq!(gaz.find("Sergei Lavrov said").next().unwrap().span(), 0..13);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn from_tsv(tsv: &str) -> Result<Self, Error> {
        let mut entries = Entries::new();
        entries.read_tsv(tsv)?;
        Ok(entries)
    }

    fn read_tsv(&mut self, tsv: &str) -> Result<(), Error> {
        let tsv = tsv.strip_prefix('\u{FEFF}').unwrap_or(tsv);
        let mut lines = tsv.split('\n').enumerate();
        let header = loop {
            match lines.next() {
                Some((_, l)) if l.trim().is_empty() || l.starts_with('#') => continue,
                Some((i, l)) => break (i, l.strip_suffix('\r').unwrap_or(l)),
                None => {
                    return Err(Error::at_line(
                        ErrorKind::MissingColumn,
                        1,
                        "no header line: expected columns `alias` and `canonical`",
                    ));
                }
            }
        };
        let header_line = header.0 + 1;
        let col = |name: &str| {
            header
                .1
                .split('\t')
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let Some(c_canonical) = col("canonical") else {
            return Err(Error::at_line(
                ErrorKind::MissingColumn,
                header_line,
                "the header has no `canonical` column",
            ));
        };
        let c_alias = col("alias");
        let c_aliases = col("aliases");
        if c_alias.is_none() && c_aliases.is_none() {
            return Err(Error::at_line(
                ErrorKind::MissingColumn,
                header_line,
                "the header has no `alias` (or `aliases`) column",
            ));
        }
        let (c_kind, c_titles, c_priority, c_surname) =
            (col("kind"), col("titles"), col("priority"), col("surname"));
        let needed = c_canonical.max(c_alias.unwrap_or(0)) + 1;
        let mut fields: Vec<&str> = Vec::with_capacity(8);
        let mut last: Option<(&str, u32)> = None;
        for (i, raw) in lines {
            let line = u32::try_from(i + 1)
                .map_err(|_| Error::new(ErrorKind::TooLarge, "more than 2^32 lines"))?;
            let l = raw.strip_suffix('\r').unwrap_or(raw);
            if l.is_empty() || l.starts_with('#') || l.trim().is_empty() {
                continue;
            }
            fields.clear();
            fields.extend(l.split('\t'));
            if fields.len() < needed {
                return Err(Error::at_line(
                    ErrorKind::Syntax,
                    line as usize,
                    format_args!(
                        "expected at least {needed} tab-separated fields, found {}",
                        fields.len()
                    ),
                ));
            }
            let get = |c: Option<usize>| c.and_then(|c| fields.get(c)).map(|s| s.trim());
            let canonical = fields[c_canonical].trim();
            if canonical.is_empty() {
                return Err(Error::at_line(
                    ErrorKind::InvalidValue,
                    line as usize,
                    "empty canonical name",
                ));
            }
            // Rows of one entity are usually adjacent: skip the hash lookup.
            let id = match last {
                Some((name, id)) if name == canonical => id,
                _ => self.entity(canonical, line)?,
            };
            last = Some((canonical, id));
            if let Some(k) = get(c_kind).filter(|k| !k.is_empty()) {
                let kind = k
                    .parse::<EntityKind>()
                    .map_err(|e| Error::at_line(ErrorKind::InvalidValue, line as usize, e))?;
                self.set_kind(id, kind, line);
            }
            if let Some(p) = get(c_priority).filter(|p| !p.is_empty()) {
                let p = p.parse::<i32>().map_err(|_| {
                    Error::at_line(
                        ErrorKind::InvalidValue,
                        line as usize,
                        format_args!("priority {p:?} is not an integer"),
                    )
                })?;
                self.set_priority(id, p, line);
            }
            if let Some(s) = get(c_surname).filter(|s| !s.is_empty()) {
                self.set_surname(id, (s != "-").then_some(s), line)?;
            }
            if let Some(a) = get(c_alias) {
                self.add_alias(id, a, line)?;
            }
            if let Some(list) = get(c_aliases).filter(|s| !s.is_empty()) {
                for a in list.split('|') {
                    self.add_alias(id, a, line)?;
                }
            }
            if let Some(list) = get(c_titles) {
                for t in list.split('|') {
                    self.add_title(id, t)?;
                }
            }
        }
        Ok(())
    }

    /// Reads a gazetteer file, choosing the format by extension: `.json`,
    /// `.toml`, anything else TSV. Errors name the file.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, ErrorKind};
    /// let err = Entries::from_path("/nonexistent/places.tsv").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Io);
    /// assert!(err.to_string().contains("/nonexistent/places.tsv"));
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let bytes = std::fs::read(path)
            .map_err(|e| Error::new(ErrorKind::Io, format!("{shown}: {e}")).with_source(e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            Error::new(
                ErrorKind::Syntax,
                format!("{shown}: not valid UTF-8 at byte offset {offset}"),
            )
        })?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let parsed = match ext.as_deref() {
            #[cfg(feature = "json")]
            Some("json") => Entries::from_json(&text),
            #[cfg(feature = "toml")]
            Some("toml") => Entries::from_toml(&text),
            #[cfg(not(feature = "json"))]
            Some("json") => Err(Error::new(
                ErrorKind::Syntax,
                "JSON gazetteers need the `json` feature of newsnlp-gazetteer",
            )),
            #[cfg(not(feature = "toml"))]
            Some("toml") => Err(Error::new(
                ErrorKind::Syntax,
                "TOML gazetteers need the `toml` feature of newsnlp-gazetteer",
            )),
            _ => Entries::from_tsv(&text),
        };
        parsed.map_err(|e| e.in_file(&shown))
    }
}

/// The JSON and TOML shape of one entity.
#[cfg(any(feature = "json", feature = "toml"))]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntity {
    name: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    priority: Option<i32>,
    #[serde(default)]
    surname: Option<String>,
}

#[cfg(any(feature = "json", feature = "toml"))]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    #[serde(alias = "entity")]
    entities: Vec<FileEntity>,
}

#[cfg(any(feature = "json", feature = "toml"))]
impl Entries {
    fn from_file_entities(list: Vec<FileEntity>, root: &str) -> Result<Self, Error> {
        let mut entries = Entries::new();
        for (i, f) in list.into_iter().enumerate() {
            let at = |field: &str| format!("{root}[{i}].{field}");
            if f.name.trim().is_empty() {
                let p = at("name");
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!("{p}: empty canonical name"),
                )
                .with_path(p));
            }
            let kind = match f.kind.as_deref() {
                None => EntityKind::Other,
                Some(k) => k.parse::<EntityKind>().map_err(|e| {
                    let p = at("kind");
                    Error::new(ErrorKind::InvalidValue, format!("{p}: {e}")).with_path(p)
                })?,
            };
            for (j, a) in f.aliases.iter().enumerate() {
                if a.trim().is_empty() {
                    entries.warnings.push(Warning::new(
                        WarningKind::EmptyAlias,
                        None,
                        format!(
                            "{root}[{i}].aliases[{j}]: empty alias for {:?} skipped",
                            f.name
                        ),
                    ));
                }
            }
            let mut entry = Entry::new(f.name, kind)
                .extend_aliases(f.aliases.into_iter().filter(|a| !a.trim().is_empty()));
            entry.titles = f.titles;
            entry.priority = f.priority;
            entry.surname = f.surname.map(|s| (s != "-").then_some(s));
            entries.push_entry(entry, 0)?;
        }
        Ok(entries)
    }

    /// Reads a JSON gazetteer: an array of entities, or an object whose
    /// `entities` field is one. An entity is
    /// `{"name", "kind"?, "aliases"?, "titles"?, "priority"?, "surname"?}`
    /// (`surname: "-"` for none); unknown fields are errors. Errors give the
    /// JSON path and, for syntax, the line and column.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, ErrorKind};
    ///
    /// let json = r#"[{"name": "Hezbollah", "kind": "organization", "aliases": ["Hizbullah"]}]"#;
    /// assert_eq!(Entries::from_json(json)?.len(), 1);
    ///
    /// let bad = r#"{"entities": [{"name": "Hamas", "kind": 3}]}"#;
    /// let err = Entries::from_json(bad).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Syntax);
    /// assert_eq!(err.path(), Some("entities[0].kind"));
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json(json: &str) -> Result<Self, Error> {
        let array = json.trim_start().starts_with('[');
        let mut de = serde_json::Deserializer::from_str(json);
        let json_err = |e: serde_path_to_error::Error<serde_json::Error>| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let line = inner.line();
            let msg = if path.is_empty() || path == "." {
                format!("JSON: {inner}")
            } else {
                format!("JSON: {path}: {inner}")
            };
            let kind = if inner.is_io() {
                ErrorKind::Io
            } else {
                ErrorKind::Syntax
            };
            Error::new(kind, msg)
                .with_path(path)
                .with_line((line > 0).then_some(line))
                .with_source(inner)
        };
        if array {
            let list: Vec<FileEntity> =
                serde_path_to_error::deserialize(&mut de).map_err(json_err)?;
            de.end().map_err(|e| {
                Error::new(ErrorKind::Syntax, format!("JSON: {e}")).with_line(Some(e.line()))
            })?;
            // serde_path_to_error writes array paths as `[0]`.
            Entries::from_file_entities(list, "")
        } else {
            let doc: FileDoc = serde_path_to_error::deserialize(&mut de).map_err(json_err)?;
            de.end().map_err(|e| {
                Error::new(ErrorKind::Syntax, format!("JSON: {e}")).with_line(Some(e.line()))
            })?;
            Entries::from_file_entities(doc.entities, "entities")
        }
    }

    /// Reads a TOML gazetteer: an array of tables named `entity` (or
    /// `entities`), each with the fields of the JSON form.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, ErrorKind};
    ///
    /// let toml = "[[entity]]\nname = \"Taliban\"\nkind = \"organization\"\n";
    /// assert_eq!(Entries::from_toml(toml)?.len(), 1);
    ///
    /// let err = Entries::from_toml("[[entity]]\nname = \"Taliban\"\nkind = \"army\"\n").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidValue);
    /// assert_eq!(err.path(), Some("entities[0].kind"));
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(toml_text: &str) -> Result<Self, Error> {
        let de = toml::Deserializer::parse(toml_text).map_err(|e| toml_error(toml_text, e, ""))?;
        let doc: FileDoc = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            toml_error(toml_text, e.into_inner(), &path)
        })?;
        Entries::from_file_entities(doc.entities, "entities")
    }
}

#[cfg(feature = "toml")]
fn toml_error(text: &str, e: toml::de::Error, path: &str) -> Error {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
    let msg = e.message().trim().to_string();
    let mut out = match (line, path.is_empty()) {
        (Some(l), false) => format!("TOML: line {l}: {path}: {msg}"),
        (Some(l), true) => format!("TOML: line {l}: {msg}"),
        (None, false) => format!("TOML: {path}: {msg}"),
        (None, true) => format!("TOML: {msg}"),
    };
    out.truncate(out.trim_end().len());
    let mut err = Error::new(ErrorKind::Syntax, out)
        .with_line(line)
        .with_source(e);
    if !path.is_empty() {
        err = err.with_path(path);
    }
    err
}

impl From<Entry> for Entries {
    fn from(entry: Entry) -> Self {
        let mut entries = Entries::new();
        entries.push(entry);
        entries
    }
}

impl From<Vec<Entry>> for Entries {
    fn from(list: Vec<Entry>) -> Self {
        list.into_iter().collect()
    }
}

impl<const N: usize> From<[Entry; N]> for Entries {
    fn from(list: [Entry; N]) -> Self {
        list.into_iter().collect()
    }
}

impl From<&[Entry]> for Entries {
    fn from(list: &[Entry]) -> Self {
        list.iter().cloned().collect()
    }
}

impl FromIterator<Entry> for Entries {
    fn from_iter<I: IntoIterator<Item = Entry>>(iter: I) -> Self {
        let mut entries = Entries::new();
        for e in iter {
            entries.push(e);
        }
        entries
    }
}

impl Extend<Entry> for Entries {
    fn extend<I: IntoIterator<Item = Entry>>(&mut self, iter: I) {
        for e in iter {
            self.push(e);
        }
    }
}
