//! Entities before they are built into a gazetteer: [`Entries`], a
//! collection of them with all strings in one buffer, merged by canonical
//! name, from [`Entry`] values or a file (the formats are in `tsv` and
//! `json_toml`; [`Entries::from_path`] picks one by extension).
//!
//! ```
//! use newsnlp_gazetteer::{Entries, Entry, EntityKind};
//!
//! let mut entries: Entries = [Entry::new("ISIS", EntityKind::Organization)].into();
//! entries.push(Entry::new("ISIS", EntityKind::Organization).alias("Daesh"));
//! assert_eq!(entries.len(), 1); // one entity, two names
//! ```

use std::path::Path;

use newsnlp_text::hash::FastMap;

use crate::entry::Entry;
use crate::error::{Error, ErrorKind, Warning, WarningKind};
use crate::kind::EntityKind;

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
    index: FastMap<Box<str>, u32>,
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

    pub(crate) fn store(&mut self, s: &str) -> Result<Span, Error> {
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
    pub(crate) fn entity(&mut self, name: &str, line: u32) -> Result<u32, Error> {
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

    pub(crate) fn warn(&mut self, kind: WarningKind, line: u32, message: String) {
        let line = (line > 0).then_some(line as usize);
        self.warnings.push(Warning::new(kind, line, message));
    }

    pub(crate) fn set_kind(&mut self, id: u32, kind: EntityKind, line: u32) {
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

    pub(crate) fn set_priority(&mut self, id: u32, priority: i32, line: u32) {
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

    pub(crate) fn set_surname(
        &mut self,
        id: u32,
        surname: Option<&str>,
        line: u32,
    ) -> Result<(), Error> {
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

    pub(crate) fn add_alias(&mut self, id: u32, alias: &str, line: u32) -> Result<(), Error> {
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

    pub(crate) fn add_title(&mut self, id: u32, title: &str) -> Result<(), Error> {
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

    pub(crate) fn push_entry(&mut self, entry: Entry, line: u32) -> Result<(), Error> {
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
