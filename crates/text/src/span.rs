//! Byte spans into a text, and their character and UTF-16 offsets.
//!
//! Every layer of newsnlp reports where things are as a [`Span`]: UTF-8
//! byte offsets into the caller's `&str`, `Copy`, serialized (with the
//! `serde` feature) as `[start, end]`. A consumer that counts characters
//! (Python) or UTF-16 code units (JavaScript, Java) converts them with
//! [`Offsets`], built once per text.
//!
//! ```
//! use newsnlp_text::{Offsets, Span};
//!
//! let text = "Café 😀 ok";
//! let ok = Span::new(11, 13);
//! assert_eq!(ok.as_str(text), Some("ok"));
//! let offsets = Offsets::new(text);
//! assert_eq!(offsets.char_span(ok), 7..9); // é is 2 bytes, 😀 is 4
//! assert_eq!(offsets.utf16_span(ok), 8..10); // 😀 is 2 UTF-16 units
//! ```

use std::fmt;
use std::ops::Range;

/// A byte span `start..end` into a text.
///
/// ```
/// use newsnlp_text::Span;
///
/// let s = Span::from(4..9);
/// assert_eq!(s.range(), 4..9);
/// assert_eq!(s.len(), 5);
/// assert_eq!(s.as_str("The Kremlin"), Some("Kreml"));
/// assert_eq!(s.to_string(), "4..9");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// The byte offset of its first byte.
    pub start: usize,
    /// The byte offset just past its last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    ///
    /// ```
    /// assert_eq!(newsnlp_text::Span::new(1, 3).range(), 1..3);
    /// ```
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`, to slice with.
    ///
    /// ```
    /// let s = newsnlp_text::Span::new(0, 2);
    /// assert_eq!(&"hello"[s.range()], "he");
    /// ```
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Its text in `text`, or `None` when it is not a span of `text` (out
    /// of bounds, reversed, or not on character boundaries).
    ///
    /// ```
    /// use newsnlp_text::Span;
    /// assert_eq!(Span::new(0, 2).as_str("é"), Some("é"));
    /// assert_eq!(Span::new(0, 1).as_str("é"), None);
    /// assert_eq!(Span::new(2, 9).as_str("abc"), None);
    /// ```
    #[inline]
    pub fn as_str(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }

    /// Its length in bytes (0 when reversed).
    ///
    /// ```
    /// assert_eq!(newsnlp_text::Span::new(5, 3).len(), 0);
    /// ```
    #[inline]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it holds no byte.
    ///
    /// ```
    /// use newsnlp_text::Span;
    /// assert!(Span::new(3, 3).is_empty() && !Span::new(3, 4).is_empty());
    /// ```
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies inside it.
    ///
    /// ```
    /// use newsnlp_text::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 10)));
    /// assert!(!Span::new(0, 10).contains(Span::new(2, 11)));
    /// ```
    #[inline]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether it and `other` share a byte.
    ///
    /// ```
    /// use newsnlp_text::Span;
    /// assert!(Span::new(0, 3).overlaps(Span::new(2, 5)));
    /// assert!(!Span::new(0, 3).overlaps(Span::new(3, 5)));
    /// ```
    #[inline]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

/// A span equals the range with the same bounds.
///
/// ```
/// let s = newsnlp_text::Span::new(3, 7);
/// assert_eq!(s, 3..7);
/// assert_eq!(3..7, s);
/// assert_ne!(s, 3..8);
/// ```
impl PartialEq<Range<usize>> for Span {
    #[inline]
    fn eq(&self, r: &Range<usize>) -> bool {
        self.start == r.start && self.end == r.end
    }
}

impl PartialEq<Span> for Range<usize> {
    #[inline]
    fn eq(&self, s: &Span) -> bool {
        s == self
    }
}

impl fmt::Display for Span {
    /// `start..end`, as a `Range` prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// `[start, end]`.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// let s = newsnlp_text::Span::new(3, 7);
/// assert_eq!(serde_json::to_string(&s).unwrap(), "[3,7]");
/// assert_eq!(serde_json::from_str::<newsnlp_text::Span>("[3,7]").unwrap(), s);
/// # }
/// ```
#[cfg(feature = "serde")]
impl serde::Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        Ok(Span { start, end })
    }
}

/// One non-ASCII character of a text, for [`Offsets`].
#[derive(Clone, Copy, Debug)]
struct Wide {
    /// Its byte span.
    start: usize,
    end: usize,
    /// The characters and UTF-16 units before it.
    chars: usize,
    utf16: usize,
    /// Its length in UTF-16 units (1 or 2).
    units: usize,
}

/// Converts byte offsets of one text to character and UTF-16 offsets.
///
/// Built in one pass over the text (O(n), memory only for its non-ASCII
/// characters); a lookup is a binary search over those (O(log n)), and
/// O(1) for a text that is all ASCII. A byte offset inside a character
/// counts as that character's start; one past the end as the end.
///
/// ```
/// use newsnlp_text::Offsets;
///
/// //          bytes: C a f é=2 ␠ 😀=4 ␠ o k
/// let text = "Café 😀 ok";
/// let o = Offsets::new(text);
/// let k = text.find('k').unwrap();
/// assert_eq!(k, 12); // bytes
/// assert_eq!(o.char(k), 8); // characters (Python's str index)
/// assert_eq!(o.utf16(k), 9); // UTF-16 units (JavaScript's index)
/// assert_eq!(o.char(text.len()), 9);
/// assert_eq!(o.utf16(text.len()), 10);
/// ```
#[derive(Clone, Debug)]
pub struct Offsets {
    len: usize,
    wide: Vec<Wide>,
}

impl Offsets {
    /// The converter for `text`.
    pub fn new(text: &str) -> Offsets {
        let mut wide = Vec::new();
        let (mut chars, mut utf16) = (0, 0);
        let mut ascii_from = 0;
        for (at, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            // The ASCII run since the last wide character.
            chars += at - ascii_from;
            utf16 += at - ascii_from;
            let units = c.len_utf16();
            wide.push(Wide {
                start: at,
                end: at + c.len_utf8(),
                chars,
                utf16,
                units,
            });
            chars += 1;
            utf16 += units;
            ascii_from = at + c.len_utf8();
        }
        Offsets {
            len: text.len(),
            wide,
        }
    }

    /// The character offset of byte offset `byte`.
    ///
    /// ```
    /// let o = newsnlp_text::Offsets::new("né");
    /// assert_eq!([o.char(0), o.char(1), o.char(2), o.char(3), o.char(9)], [0, 1, 1, 2, 2]);
    /// ```
    pub fn char(&self, byte: usize) -> usize {
        self.at(byte).0
    }

    /// The UTF-16 offset of byte offset `byte`.
    ///
    /// ```
    /// let o = newsnlp_text::Offsets::new("😀!");
    /// assert_eq!([o.utf16(0), o.utf16(4), o.utf16(5)], [0, 2, 3]);
    /// ```
    pub fn utf16(&self, byte: usize) -> usize {
        self.at(byte).1
    }

    /// The character offsets of a byte span.
    ///
    /// ```
    /// use newsnlp_text::{Offsets, Span};
    /// assert_eq!(Offsets::new("é a").char_span(Span::new(3, 4)), 2..3);
    /// ```
    pub fn char_span(&self, span: Span) -> Range<usize> {
        self.char(span.start)..self.char(span.end)
    }

    /// The UTF-16 offsets of a byte span.
    ///
    /// ```
    /// use newsnlp_text::{Offsets, Span};
    /// assert_eq!(Offsets::new("😀 a").utf16_span(Span::new(5, 6)), 3..4);
    /// ```
    pub fn utf16_span(&self, span: Span) -> Range<usize> {
        self.utf16(span.start)..self.utf16(span.end)
    }

    /// (characters, UTF-16 units) before byte `byte`.
    fn at(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.len);
        let k = self.wide.partition_point(|w| w.start < byte);
        let Some(w) = k.checked_sub(1).and_then(|k| self.wide.get(k)) else {
            return (byte, byte);
        };
        if byte < w.end {
            return (w.chars, w.utf16);
        }
        let ascii = byte - w.end;
        (w.chars + 1 + ascii, w.utf16 + w.units + ascii)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The naive count: the characters and UTF-16 units of the text before
    /// the character boundary at or before `byte`.
    fn naive(text: &str, byte: usize) -> (usize, usize) {
        let mut b = byte.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        let head = &text[..b];
        (head.chars().count(), head.encode_utf16().count())
    }

    proptest! {
        #[test]
        fn offsets_match_a_naive_count(text in "(\\PC|[aé😀\u{10FFFF}\n])*", extra in 0usize..4) {
            let o = Offsets::new(&text);
            for byte in 0..=text.len() + extra {
                prop_assert_eq!((o.char(byte), o.utf16(byte)), naive(&text, byte), "{}", byte);
            }
        }

        #[test]
        fn span_as_str_is_get(a in 0usize..12, b in 0usize..12) {
            let text = "aé😀 b\u{301}";
            let s = Span::new(a, b);
            prop_assert_eq!(s.as_str(text), text.get(a..b));
            prop_assert_eq!(s.len(), b.saturating_sub(a));
            prop_assert_eq!(s.is_empty(), b <= a);
        }
    }

    #[test]
    fn ascii_text_needs_no_table() {
        let o = Offsets::new("plain ascii");
        assert!(o.wide.is_empty());
        assert_eq!(o.char_span(Span::new(6, 11)), 6..11);
    }
}
