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
        self.text.split('\t').map(trim)
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
        // A byte loop: the lines are short, too short for `memchr`.
        match self.text.bytes().position(|b| b == b'\t') {
            Some(i) => (
                trim(self.text.get(..i).unwrap_or_default()),
                Some(trim(self.text.get(i + 1..).unwrap_or_default())),
            ),
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
        rest: file,
        number: 0,
        section: None,
    }
}

/// The iterator of [`lines`].
#[derive(Clone, Debug)]
pub struct Lines<'a> {
    /// The text after the lines read so far.
    rest: &'a str,
    /// The number of lines read so far.
    number: usize,
    section: Option<&'a str>,
}

impl<'a> Lines<'a> {
    /// The next raw line (split at `\n` as [`str::lines`] splits; a `\r`
    /// before it is left to the trim) by a plain byte loop: the lines of a
    /// data file are short, too short for a `memchr` call to pay off.
    #[inline]
    fn next_raw(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let b = self.rest.as_bytes();
        let (line, rest) = match b.iter().position(|&c| c == b'\n') {
            // `\n` is a character of its own: both sides are `str`s.
            Some(i) => (self.rest.get(..i)?, self.rest.get(i + 1..)?),
            None => (self.rest, ""),
        };
        self.rest = rest;
        self.number += 1;
        Some(line)
    }
}

/// `raw` trimmed as [`str::trim`] trims it, without the walk over Unicode
/// whitespace when both ends are ASCII characters other than whitespace
/// (nearly every line of a data file).
#[inline]
fn trim(raw: &str) -> &str {
    match (raw.as_bytes().first(), raw.as_bytes().last()) {
        (Some(&a), Some(&z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => raw,
        _ => raw.trim(),
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        while let Some(raw) = self.next_raw() {
            let text = trim(raw);
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            if let Some(name) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                self.section = Some(name.trim());
                continue;
            }
            return Some(Line {
                text,
                number: self.number,
                section: self.section,
            });
        }
        None
    }
}

/// A number written `-?[0-9]+(.[0-9]+)?` with at most nine digits that
/// make an integer up to 2^24 (the numbers of the lexicon files: "2.5",
/// "-1.9", "0.25"), as
/// `str::parse::<f32>` reads it, without the general float parser: the
/// digits as an integer (exact in `f32`) divided by a power of ten (exact
/// too), one correctly rounded division, the correctly rounded value of
/// the decimal that `parse` gives. `None` for any other form.
///
/// ```
/// use newsnlp_text::data::decimal;
/// assert_eq!(decimal("-1.9"), Some(-1.9));
/// assert_eq!(decimal("2"), Some(2.0));
/// assert_eq!(decimal("1e3"), None);
/// ```
pub fn decimal(s: &str) -> Option<f32> {
    const POW10: [f32; 10] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s),
    };
    // A byte loop: a number is a few bytes, too few for the searcher of
    // `split_once`.
    let (int, frac) = match body.bytes().position(|b| b == b'.') {
        Some(k) => match (body.get(..k), body.get(k + 1..)) {
            (Some(i), Some(f)) if !f.is_empty() => (i, f),
            _ => return None,
        },
        None => (body, ""),
    };
    if int.is_empty() || int.len() + frac.len() > 9 {
        return None;
    }
    let mut n: u32 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
    }
    // Exact in `f32` only up to 2^24.
    if n > 1 << 24 {
        return None;
    }
    let v = n as f32 / *POW10.get(frac.len())?;
    Some(if neg { -v } else { v })
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

    /// The reader as it was written first: `str::lines`, `str::trim`.
    fn by_std_lines(file: &str) -> Vec<(String, usize, Option<String>)> {
        let mut section = None;
        let mut out = Vec::new();
        for (i, raw) in file.lines().enumerate() {
            let text = raw.trim();
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            if let Some(name) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                section = Some(name.trim().to_string());
                continue;
            }
            out.push((text.to_string(), i + 1, section.clone()));
        }
        out
    }

    fn by_lines(file: &str) -> Vec<(String, usize, Option<String>)> {
        lines(file)
            .map(|l| (l.text.to_string(), l.number, l.section.map(str::to_string)))
            .collect()
    }

    #[test]
    fn reads_lines_as_std_lines_and_trim_do() {
        for file in [
            "",
            "\n",
            "a",
            "a\n",
            "a\n\n",
            "\n\na\r\n b\u{a0}\n\u{2003}c\t\n[s]\r\n#x\n d \r",
            "\r\n\r",
            "x\u{85}\n\u{3000}[ t ]\u{3000}\ny",
        ] {
            assert_eq!(by_lines(file), by_std_lines(file), "{file:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_as_std_lines_and_trim_read_it(
            file in "([ a#\\[\\]\t\r\n\u{a0}\u{2003}é]{0,6}\n?){0,8}",
        ) {
            proptest::prop_assert_eq!(by_lines(&file), by_std_lines(&file));
        }
    }

    #[test]
    fn decimals_read_as_parse_reads_them() {
        for s in [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "2.5",
            "-1.9",
            "0.1",
            "16777216",
            "1.6777216",
            "007.50",
        ] {
            assert_eq!(
                decimal(s).map(f32::to_bits),
                s.parse::<f32>().ok().map(f32::to_bits),
                "{s}"
            );
        }
        for s in [
            "",
            "-",
            ".5",
            "5.",
            "1e3",
            "+1",
            "1.2.3",
            "1234567890",
            " 1",
            "١",
            "30071.6944",
            "16777217",
            "1.23456789",
        ] {
            assert_eq!(decimal(s), None, "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_short_decimal_reads_as_parse_reads_it(
            s in "-?[0-9]{1,4}(\\.[0-9]{1,3})?",
        ) {
            proptest::prop_assert_eq!(
                decimal(&s).map(f32::to_bits),
                s.parse::<f32>().ok().map(f32::to_bits)
            );
        }
    }

    #[test]
    fn keys_values_and_fields_are_trimmed_as_str_trim_trims() {
        for text in [
            "k\tv",
            "k \t v",
            "k\u{a0}\t\u{2003}v\u{a0}",
            "k",
            "\tv",
            "k\t",
            "a\tb\tc",
            "é\t ü ",
        ] {
            let line = Line {
                text,
                number: 1,
                section: None,
            };
            let want = match text.split_once('\t') {
                Some((k, v)) => (k.trim(), Some(v.trim())),
                None => (text, None),
            };
            assert_eq!(line.key_value(), want, "{text:?}");
            let fields: Vec<&str> = line.fields().collect();
            let want: Vec<&str> = text.split('\t').map(str::trim).collect();
            assert_eq!(fields, want, "{text:?}");
        }
    }

    #[test]
    fn crlf_files_read_the_same() {
        let a: Vec<_> = lines("x\r\n# c\r\ny\tz\r\n").map(|l| l.text).collect();
        assert_eq!(a, ["x", "y\tz"]);
    }
}
