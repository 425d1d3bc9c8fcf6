//! The one reader of newsnlp's data files.
//!
//! Every embedded table (abbreviations, cue verbs, lexicons, word classes,
//! gazetteer extras) is a UTF-8 text file of one entry a line: blank lines
//! and lines starting with `#` are skipped, fields are separated by tabs,
//! and a line `[name]` opens a section. [`lines`] yields the entries with
//! their 1-based line numbers, so a loader that finds a malformed entry can
//! say where it is with a [`DataError`].
//!
//! ```
//! use newsnlp_text::data;
//!
//! let file = "# verbs\n[speech]\nsaid\n\n[belief]\nthinks\tthink\n";
//! let entries: Vec<(Option<&str>, &str, usize)> = data::lines(file)
//!     .map(|l| (l.section, l.text, l.number))
//!     .collect();
//! assert_eq!(
//!     entries,
//!     [(Some("speech"), "said", 3), (Some("belief"), "thinks\tthink", 6)]
//! );
//! ```

use std::fmt;

/// One entry line of a data file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line, trimmed of surrounding whitespace.
    pub text: &'a str,
    /// Its 1-based line number in the file.
    pub number: usize,
    /// The `[section]` it is under, if the file has sections.
    pub section: Option<&'a str>,
}

impl<'a> Line<'a> {
    /// The tab-separated fields, each trimmed.
    ///
    /// ```
    /// let line = newsnlp_text::data::lines("a\t b \tc").next().unwrap();
    /// assert_eq!(line.fields().collect::<Vec<_>>(), ["a", "b", "c"]);
    /// ```
    pub fn fields(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.text.split('\t').map(str::trim)
    }

    /// The first field and the rest of the line after the first tab (both
    /// trimmed), or the whole line and `None` when it has no tab.
    ///
    /// ```
    /// let mut ls = newsnlp_text::data::lines("kill\t-3.7\nwar");
    /// assert_eq!(ls.next().unwrap().key_value(), ("kill", Some("-3.7")));
    /// assert_eq!(ls.next().unwrap().key_value(), ("war", None));
    /// ```
    pub fn key_value(&self) -> (&'a str, Option<&'a str>) {
        match self.text.split_once('\t') {
            Some((k, v)) => (k.trim(), Some(v.trim())),
            None => (self.text, None),
        }
    }

    /// An error about this line.
    pub fn error(&self, expected: impl Into<String>) -> DataError {
        DataError {
            line: self.number,
            expected: expected.into(),
            found: self.text.chars().take(80).collect(),
        }
    }
}

/// The entry lines of a data file: not blank, not a `#` comment, not a
/// `[section]` header (the header names the [`Line::section`] of the lines
/// after it).
pub fn lines(file: &str) -> Lines<'_> {
    Lines {
        inner: file.lines().enumerate(),
        section: None,
    }
}

/// The iterator of [`lines`].
#[derive(Clone, Debug)]
pub struct Lines<'a> {
    inner: std::iter::Enumerate<std::str::Lines<'a>>,
    section: Option<&'a str>,
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        for (i, raw) in self.inner.by_ref() {
            let text = raw.trim();
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            if let Some(name) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                self.section = Some(name.trim());
                continue;
            }
            return Some(Line {
                text,
                number: i + 1,
                section: self.section,
            });
        }
        None
    }
}

/// A malformed entry of a data file: where it is and what was expected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct DataError {
    /// The 1-based line number.
    pub line: usize,
    /// What the line should have held.
    pub expected: String,
    /// The start of what it held.
    pub found: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}: expected {}, found {:?}",
            self.line, self.expected, self.found
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_blanks_and_headers() {
        let f = "  # c\n\n[a]\n x \n#y\n[ b ]\nz\tw\n";
        let got: Vec<_> = lines(f).map(|l| (l.text, l.number, l.section)).collect();
        assert_eq!(got, [("x", 4, Some("a")), ("z\tw", 7, Some("b"))]);
    }

    #[test]
    fn errors_name_the_line() {
        let l = lines("\n\nbad line").next().unwrap();
        assert_eq!(
            l.error("two tab-separated fields").to_string(),
            "line 3: expected two tab-separated fields, found \"bad line\""
        );
    }

    #[test]
    fn crlf_files_read_the_same() {
        let a: Vec<_> = lines("x\r\n# c\r\ny\tz\r\n").map(|l| l.text).collect();
        assert_eq!(a, ["x", "y\tz"]);
    }
}
