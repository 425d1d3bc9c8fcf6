//! The crate's error and warning types.

use std::fmt;

/// What kind of failure an [`Error`] is.
///
/// ```
/// use newsnlp_gazetteer::{Entries, ErrorKind};
///
/// let err = Entries::from_tsv("name\tkind\nRex Tillerson\tperson\n").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::MissingColumn);
/// assert_eq!(err.line(), Some(1));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read or written.
    Io,
    /// The input is not well-formed TSV, JSON or TOML.
    Syntax,
    /// A TSV header lacks a required column.
    MissingColumn,
    /// A value is not allowed: an unknown kind, a non-numeric priority, an
    /// empty canonical name.
    InvalidValue,
    /// A warning (empty or duplicate alias, conflicting values) under
    /// [`GazetteerBuilder::strict`](crate::GazetteerBuilder::strict).
    Strict,
    /// More entities, aliases or text than the gazetteer can index (2^32).
    TooLarge,
}

/// The error type of this crate: where the input was wrong and how.
///
/// It is opaque: ask [`Error::kind`] what went wrong, [`Error::line`] or
/// [`Error::path`] where, and print it for a one-line message that names
/// both.
///
/// ```
/// use newsnlp_gazetteer::{Entries, ErrorKind};
///
/// let tsv = "alias\tcanonical\tkind\nPutin\tVladimir Putin\tpersn\n";
/// let err = Entries::from_tsv(tsv).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidValue);
/// assert_eq!(err.line(), Some(2));
/// assert!(err.to_string().contains("line 2"));
/// ```
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
    line: Option<usize>,
    path: Option<String>,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            line: None,
            path: None,
            source: None,
        }
    }

    pub(crate) fn at_line(kind: ErrorKind, line: usize, message: impl fmt::Display) -> Self {
        let mut e = Error::new(kind, format!("line {line}: {message}"));
        e.line = Some(line);
        e
    }

    #[cfg_attr(not(any(feature = "json", feature = "toml")), allow(dead_code))]
    pub(crate) fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub(crate) fn with_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// Prefixes the message with the file it came from.
    pub(crate) fn in_file(mut self, file: &str) -> Self {
        self.message = format!("{file}: {}", self.message);
        self
    }

    /// What kind of failure this is.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, ErrorKind};
    /// let err = Entries::from_tsv("alias\tcanonical\tpriority\nX\tY\thigh\n").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidValue);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The 1-based line of the input where the problem is, when known
    /// (TSV, TOML, and JSON syntax errors).
    ///
    /// ```
    /// let err = newsnlp_gazetteer::Entries::from_tsv("alias\tcanonical\nX\n").unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The path of the offending value inside a JSON or TOML document, such
    /// as `entities[2].kind`, when known.
    ///
    /// ```
    /// # #[cfg(feature = "json")] {
    /// let err = newsnlp_gazetteer::Entries::from_json(r#"[{"name": "X", "kind": "army"}]"#).unwrap_err();
    /// assert_eq!(err.path(), Some("[0].kind"));
    /// # }
    /// ```
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }
}

/// What a [`Warning`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
///
/// ```
/// use newsnlp_gazetteer::{GazetteerBuilder, WarningKind};
/// let gaz = GazetteerBuilder::new().build_from_tsv("alias\tcanonical\nISIL\tISIS\nISIL\tISIS\n")?;
/// assert_eq!(gaz.warnings()[0].kind(), WarningKind::DuplicateAlias);
/// # Ok::<(), newsnlp_gazetteer::Error>(())
/// ```
pub enum WarningKind {
    /// An alias is empty, or nothing but separators; it was skipped.
    EmptyAlias,
    /// The same entity lists the same alias (after normalization) twice; one
    /// copy was kept.
    DuplicateAlias,
    /// Two rows or entries for the same canonical name disagree on a value
    /// (kind, priority, surname); the first value was kept.
    Conflict,
    /// An entry could not be added: the collection already holds 4 GiB of
    /// text or 2^32 aliases.
    Dropped,
}

/// Something in the input that was accepted with a change the user should
/// know about. [`Entries::warnings`](crate::Entries::warnings) lists those
/// found while loading, [`Gazetteer::warnings`](crate::Gazetteer::warnings)
/// all of them; [`GazetteerBuilder::strict`](crate::GazetteerBuilder::strict)
/// turns them into an error.
///
/// ```
/// use newsnlp_gazetteer::{Entries, WarningKind};
///
/// let tsv = "alias\tcanonical\n\tVladimir Putin\nPutin\tVladimir Putin\n";
/// let entries = Entries::from_tsv(tsv)?;
/// let w = &entries.warnings()[0];
/// assert_eq!(w.kind(), WarningKind::EmptyAlias);
/// assert_eq!(w.line(), Some(2));
/// # Ok::<(), newsnlp_gazetteer::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Warning {
    kind: WarningKind,
    line: Option<usize>,
    message: String,
}

impl Warning {
    pub(crate) fn new(kind: WarningKind, line: Option<usize>, message: String) -> Self {
        Warning {
            kind,
            line,
            message,
        }
    }

    /// What the warning is about.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, WarningKind};
    /// let entries = Entries::from_tsv("alias\tcanonical\n\tISIS\n")?;
    /// assert_eq!(entries.warnings()[0].kind(), WarningKind::EmptyAlias);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn kind(&self) -> WarningKind {
        self.kind
    }

    /// The 1-based input line, for entries loaded from TSV.
    ///
    /// ```
    /// let entries = newsnlp_gazetteer::Entries::from_tsv("alias\tcanonical\nISIS\tISIS\n\tISIS\n")?;
    /// assert_eq!(entries.warnings()[0].line(), Some(3));
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// A one-line description naming the alias and entity.
    ///
    /// ```
    /// let entries = newsnlp_gazetteer::Entries::from_tsv("alias\tcanonical\n\tISIS\n")?;
    /// assert!(entries.warnings()[0].message().contains("ISIS"));
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
