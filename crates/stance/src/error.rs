//! The crate's one error type.

use std::fmt;

/// What went wrong, in broad terms; see [`Error`].
///
/// ```
/// use newsnlp_stance::{ErrorKind, Model};
/// assert_eq!(Model::parse("").unwrap_err().kind(), ErrorKind::Format);
/// assert_eq!(ErrorKind::Io.to_string(), "I/O error");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    Io,
    /// A weight file is not in the expected format.
    Format,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::Io => "I/O error",
            ErrorKind::Format => "bad weight file",
        })
    }
}

/// An error from loading a custom model: says what was expected and where
/// (file and 1-based line number when known).
///
/// ```
/// use newsnlp_stance::{ErrorKind, Model};
///
/// let err = Model::parse("newsnlp-stance-sentiment 1\nclasses\tnegative\tneutral\tpositive\nscale\t1000\nbias\t1\t2\n")
///     .unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Format);
/// assert_eq!(err.line(), Some(4));
/// assert!(err.to_string().contains("line 4"));
/// ```
#[derive(Debug, thiserror::Error)]
#[error("{kind}: {location}{message}")]
pub struct Error {
    kind: ErrorKind,
    line: Option<usize>,
    location: String,
    message: String,
    #[source]
    source: Option<std::io::Error>,
}

impl Error {
    pub(crate) fn format(line: usize, message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Format,
            line: Some(line),
            location: format!("line {line}: "),
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        Error {
            kind: ErrorKind::Io,
            line: None,
            location: format!("{}: ", path.display()),
            message: source.to_string(),
            source: Some(source),
        }
    }

    pub(crate) fn in_file(mut self, path: &std::path::Path) -> Self {
        self.location = format!("{}: {}", path.display(), self.location);
        self
    }

    /// The kind of error.
    ///
    /// ```
    /// use newsnlp_stance::{ErrorKind, Model};
    /// let err = Model::from_path("/no/such/model.txt").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Io);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The 1-based line of the weight file where the problem is, if any.
    ///
    /// ```
    /// use newsnlp_stance::Model;
    /// assert_eq!(Model::parse("nonsense").unwrap_err().line(), Some(1));
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}
