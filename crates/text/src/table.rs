//! The per-document token table every layer reads.
//!
//! A [`Table`] is built once per document from its tokens (spans and a
//! wordlike bit, paragraph indexes) and sentences (token ranges), in one
//! pass; the rules of the later layers then read its columns instead of
//! lowercasing, classifying or scanning the text again:
//!
//! - the token lowercased ([`Table::lower`]): its span of one copy of the
//!   text with ASCII letters lowercased (made in one pass; no copy per
//!   token), or for a non-ASCII token with capitals its `to_lowercase` in
//!   a buffer shared by the document;
//! - the same with `’` folded to `'` ([`Table::folded`]), the form whose
//!   apostrophes compare equal to ASCII ones;
//! - its closed word classes ([`Table::classes`], from [`crate::words`]);
//! - the packed [`short_key`] of its lowered form ([`Table::key`]), by
//!   which a layer's own lexicon finds the token without reading it again;
//! - [`Flags`]: capitalized, wordlike, a line break before it, whether
//!   [`Table::lower`] is exactly [`str::to_lowercase`];
//! - its sentence and paragraph ([`SentenceIx`], [`ParagraphIx`]) and the
//!   token range of every sentence.
//!
//! Short ASCII tokens (most of news text) are read as two 64-bit words:
//! the uppercase test, the lowercasing and the word-class key take a few
//! integer operations, not a loop over bytes.
//!
//! ```
//! use newsnlp_text::{Span, Table, TokenFacts};
//! use newsnlp_text::table::Flags;
//! use newsnlp_text::words::WordClass;
//!
//! let text = "The Kremlin said.\nIt’s done.";
//! let spans = [(0, 3), (4, 11), (12, 16), (16, 17), (18, 24), (25, 29), (29, 30)];
//! let tokens = spans.iter().map(|&(a, b)| TokenFacts {
//!     span: Span::new(a, b),
//!     wordlike: text[a..b].chars().all(|c| c.is_alphanumeric() || c == '’'),
//!     paragraph: 0,
//! });
//! let table = Table::new(text, tokens, [0..4, 4..7]);
//! assert_eq!(table.lower(1), "kremlin");
//! assert!(table.classes(0).contains(WordClass::Determiners));
//! assert!(table.flags(1).contains(Flags::CAPITALIZED));
//! assert!(table.flags(4).contains(Flags::LINE_BREAK));
//! assert_eq!((table.lower(4), table.folded(4)), ("it’s", "it's"));
//! assert_eq!(table.sentence(5).map(|s| s.get()), Some(1));
//! assert_eq!(table.sentence_tokens(1), 4..7);
//! assert_eq!(table.sentence_end(2), 4);
//! ```

use std::fmt;
use std::num::NonZeroU32;
use std::ops::{BitOr, BitOrAssign, Range};

use crate::hash::{HIGH_BITS, SHORT, short_key, upper_bits};
use crate::span::Span;
use crate::words::{ClassLookup, Classes};

macro_rules! small_index {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// It holds indexes up to `u32::MAX - 1` in four bytes, and so does
        /// an `Option` of it (the value `u32::MAX` is its niche): no
        /// `u32::MAX` stands for "none".
        ///
        /// ```
        #[doc = concat!("use newsnlp_text::", stringify!($name), ";")]
        #[doc = concat!("let i = ", stringify!($name), "::new(7).unwrap();")]
        /// assert_eq!(i.get(), 7);
        /// assert_eq!(usize::from(i), 7);
        /// assert_eq!(i.to_string(), "7");
        #[doc = concat!("assert!(", stringify!($name), "::new(u32::MAX as usize).is_none());")]
        #[doc = concat!("assert_eq!(std::mem::size_of::<Option<", stringify!($name), ">>(), 4);")]
        /// ```
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(NonZeroU32);

        impl $name {
            /// The largest index it holds.
            pub const MAX: usize = u32::MAX as usize - 1;

            /// Index `i`, or `None` past [`Self::MAX`].
            #[inline]
            pub fn new(i: usize) -> Option<$name> {
                let v = u32::try_from(i).ok()?.checked_add(1)?;
                NonZeroU32::new(v).map($name)
            }

            /// The index.
            #[inline]
            pub const fn get(self) -> usize {
                (self.0.get() - 1) as usize
            }
        }

        impl From<$name> for usize {
            #[inline]
            fn from(i: $name) -> usize {
                i.get()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.get())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.get())
            }
        }
    };
}

small_index! {
    /// The index of a token in its document.
    TokenIx
}
small_index! {
    /// The index of a sentence in its document.
    SentenceIx
}
small_index! {
    /// The index of a paragraph (a blank-line separated block) in its
    /// document.
    ParagraphIx
}

/// What the table is built from, per token: plain facts a tokenizer knows.
///
/// ```
/// use newsnlp_text::{Span, TokenFacts};
/// let t = TokenFacts { span: Span::new(0, 3), wordlike: true, paragraph: 0 };
/// assert_eq!(t.span.len(), 3);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenFacts {
    /// Its byte span in the text.
    pub span: Span,
    /// Whether it is a word, a number or an abbreviation (not punctuation,
    /// a quote mark, a symbol or a URL).
    pub wordlike: bool,
    /// The index of its paragraph.
    pub paragraph: u32,
}

/// Facts about one token, one bit each.
///
/// ```
/// use newsnlp_text::table::Flags;
/// let f = Flags::CAPITALIZED | Flags::WORDLIKE;
/// assert!(f.contains(Flags::WORDLIKE) && !f.contains(Flags::LINE_BREAK));
/// assert!(f.intersects(Flags::WORDLIKE | Flags::LINE_BREAK));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags(u16);

impl Flags {
    /// No flag.
    pub const EMPTY: Flags = Flags(0);
    /// Its first character is uppercase.
    pub const CAPITALIZED: Flags = Flags(1);
    /// It is a word, number or abbreviation ([`TokenFacts::wordlike`]).
    pub const WORDLIKE: Flags = Flags(1 << 1);
    /// A line break separates it from the token before.
    pub const LINE_BREAK: Flags = Flags(1 << 2);
    /// [`Table::lower`] is exactly its [`str::to_lowercase`]: it is ASCII
    /// or has an uppercase letter. (A non-ASCII token without one is its
    /// own lowered form, which `to_lowercase` may still change: titlecase
    /// letters such as `ǅ`.)
    pub const EXACT_LOWER: Flags = Flags(1 << 3);
    /// It has an uppercase letter.
    pub const HAS_UPPER: Flags = Flags(1 << 4);
    /// It is all ASCII.
    pub const ASCII: Flags = Flags(1 << 5);
    /// [`Table::folded`] differs from [`Table::lower`] (it holds `’`, or
    /// letters that only `to_lowercase` changes).
    pub const FOLDED: Flags = Flags(1 << 6);

    /// Whether every flag of `other` is set.
    #[inline]
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether some flag of `other` is set.
    #[inline]
    pub const fn intersects(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }

    /// The flags as bits.
    ///
    /// ```
    /// assert_eq!(newsnlp_text::table::Flags::CAPITALIZED.bits(), 1);
    /// ```
    #[inline]
    pub const fn bits(self) -> u16 {
        self.0
    }
}

impl BitOr for Flags {
    type Output = Flags;
    #[inline]
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

impl BitOrAssign for Flags {
    #[inline]
    fn bitor_assign(&mut self, rhs: Flags) {
        self.0 |= rhs.0;
    }
}

/// One token's row (kept small: the rows are the bulk of a table's memory,
/// written once per token).
#[derive(Clone, Copy, Debug)]
struct Row {
    span: Span,
    /// The [`short_key`] of the lowered form, `(0, 0)` when it has none.
    key: (u64, u64),
    classes: Classes,
    paragraph: u32,
    sentence: Option<SentenceIx>,
    flags: Flags,
}

/// The per-document token table: see the [module documentation](self).
#[derive(Clone, Debug)]
pub struct Table<'t> {
    text: &'t str,
    rows: Vec<Row>,
    /// The text with its ASCII letters lowercased: [`Table::lower`] of
    /// every token but a non-ASCII one with capitals is its span here (one
    /// pass over the text instead of a copy per capitalized token).
    ascii_lower: String,
    /// The lowered forms of non-ASCII tokens with capitals, and the folded
    /// forms that differ from their tokens.
    lowered: String,
    /// (token, span in `lowered`) of the non-ASCII tokens with
    /// [`Flags::HAS_UPPER`], by token.
    lower_spans: Vec<(usize, Span)>,
    /// (token, span in `lowered`) of the tokens with [`Flags::FOLDED`],
    /// by token.
    folded: Vec<(usize, Span)>,
    /// The token range of each sentence.
    sentences: Vec<Range<usize>>,
}

/// The masks of the low `n` bytes of two little-endian words, by `n`
/// (a table: a variable shift of a `u128` takes a dozen instructions).
const LOW_BYTES: [(u64, u64); 16] = {
    let mut m = [(0, 0); 16];
    let mut n = 1;
    while n < 16 {
        m[n] = if n <= 8 {
            (u64::MAX >> (64 - 8 * n), 0)
        } else {
            (u64::MAX, u64::MAX >> (128 - 8 * n))
        };
        n += 1;
    }
    m
};

/// The token `b` (at most [`SHORT`] bytes) starting at byte `at` of
/// `text`, as two little-endian words, zero-padded: two loads when 16
/// bytes are left in the text.
#[inline]
/// Whether a token ends in a possessive "'s" or "’s" (an "S" counts too):
/// the length of the ending in bytes, or 0. One home for the test every
/// layer makes of a possessor ("Trump's plan", "the ministry’s statement").
///
/// ```
/// use newsnlp_text::table::possessive_len;
/// assert_eq!(possessive_len("Trump's"), 2);
/// assert_eq!(possessive_len("ministry’s"), "’s".len());
/// assert_eq!(possessive_len("its"), 0);
/// ```
pub fn possessive_len(token: &str) -> usize {
    possessive_bytes(token.as_bytes())
}

/// [`possessive_len`] of a token's bytes (no test of char boundaries is
/// needed: "’" is E2 80 99 in UTF-8).
pub fn possessive_bytes(token: &[u8]) -> usize {
    match token {
        [.., b'\'', b's' | b'S'] => 2,
        [.., 0xE2, 0x80, 0x99, b's'] => "’s".len(),
        _ => 0,
    }
}

fn load16(text: &[u8], at: usize, b: &[u8]) -> (u64, u64) {
    if let Some((w, _)) = text.get(at..).and_then(<[u8]>::split_first_chunk::<16>)
        && let Some(&(m0, m1)) = LOW_BYTES.get(b.len())
    {
        let (w0, w1) = w.split_at(8);
        let w0 = u64::from_le_bytes(w0.try_into().unwrap_or_default());
        let w1 = u64::from_le_bytes(w1.try_into().unwrap_or_default());
        return (w0 & m0, w1 & m1);
    }
    let mut k = [0u64; 2];
    for (j, &c) in b.iter().take(16).enumerate() {
        k[j / 8] |= u64::from(c) << (8 * (j % 8));
    }
    (k[0], k[1])
}

/// Whether the bytes hold a line feed (a plain loop: the gaps between
/// tokens are a byte or two, too short for `memchr` to pay off).
#[inline]
fn has_newline(gap: &[u8]) -> bool {
    for &c in gap {
        if c == b'\n' {
            return true;
        }
    }
    false
}

/// The flags of token `t` that its gap and kind give: wordlike, a line
/// break before it (in the text since `prev_end`, the end of the token
/// before).
#[inline]
fn gap_flags(t: TokenFacts, bytes: &[u8], prev_end: usize) -> Flags {
    let mut flags = if t.wordlike {
        Flags::WORDLIKE
    } else {
        Flags::EMPTY
    };
    // The commonest gaps, none and one space, without a loop.
    let line_break = match t.span.start.checked_sub(prev_end) {
        None | Some(0) => false,
        Some(1) => bytes.get(prev_end) == Some(&b'\n'),
        Some(_) => bytes.get(prev_end..t.span.start).is_some_and(has_newline),
    };
    if line_break {
        flags |= Flags::LINE_BREAK;
    }
    flags
}

/// The [`short_key`] of token `t` lowercased, and its case flags, when it
/// is a short ASCII token (the common case), with a few integer
/// operations: its lowered form is its span of the lowercased text.
/// `None` for the others, whose rows [`Rare::row`] makes out of line, so
/// that the loop over the tokens keeps its values in registers.
#[inline]
fn ascii_key(t: TokenFacts, bytes: &[u8]) -> Option<((u64, u64), Flags)> {
    let len = t.span.end.wrapping_sub(t.span.start);
    // At most SHORT bytes with 16 left in the text (every token but the
    // last few): one load and a mask; else byte by byte.
    let (w0, w1) = if let Some(&(m0, m1)) = LOW_BYTES.get(len)
        && let Some(w) = bytes
            .get(t.span.start..)
            .and_then(<[u8]>::first_chunk::<16>)
    {
        let w = u128::from_le_bytes(*w);
        (w as u64 & m0, (w >> 64) as u64 & m1)
    } else {
        let b = bytes.get(t.span.range()).filter(|b| b.len() <= SHORT)?;
        load16(bytes, t.span.start, b)
    };
    if (w0 | w1) & HIGH_BITS != 0 {
        return None;
    }
    let (u0, u1) = (upper_bits(w0), upper_bits(w1));
    // Bit 5 makes an ASCII capital small.
    let (l0, l1) = (w0 | (u0 >> 2), w1 | (u1 >> 2));
    let key = (l0, l1 | ((len as u64) << 56));
    let mut flags = Flags::ASCII | Flags::EXACT_LOWER;
    if (u0 | u1) != 0 {
        flags |= Flags::HAS_UPPER;
        if u0 & 0x80 != 0 {
            flags |= Flags::CAPITALIZED;
        }
    }
    Some((key, flags))
}

/// The lowered and folded forms of the rare tokens that need one of their
/// own, while the rows are made.
struct Rare<'a> {
    text: &'a str,
    /// The text with its ASCII letters lowercased.
    ascii_lower: &'a str,
    lowered: String,
    lower_spans: Vec<(usize, Span)>,
    folded: Vec<(usize, Span)>,
}

impl Rare<'_> {
    /// The row of token `i` (at `span`, in `paragraph`) that is not
    /// ASCII, longer than [`SHORT`] bytes, or whose span is not a span of
    /// the text (an empty token).
    #[cold]
    #[inline(never)]
    fn row(&mut self, i: usize, span: Span, paragraph: u32, mut flags: Flags) -> Row {
        let (tok, span) = match span.as_str(self.text) {
            Some(tok) => (tok, span),
            None => ("", Span::new(0, 0)),
        };
        // One pass over the characters. General Punctuation (quote marks,
        // dashes: the commonest non-ASCII tokens of news) has no cased
        // letters, so it skips the Unicode case tables.
        let (mut ascii, mut upper, mut curly, mut titlecase) = (true, false, false, false);
        // Whether the first character is uppercase, found in the same pass.
        let mut first_upper = None;
        for c in tok.chars() {
            let is_upper = if c.is_ascii() {
                c.is_ascii_uppercase()
            } else {
                ascii = false;
                if ('\u{2000}'..='\u{206F}').contains(&c) {
                    curly |= c == '’';
                    false
                } else if c.is_uppercase() {
                    true
                } else {
                    titlecase |= !c.is_lowercase() && !c.to_lowercase().eq([c]);
                    false
                }
            };
            upper |= is_upper;
            first_upper.get_or_insert(is_upper);
        }
        // Only a token without capitals lowers to itself, and only there
        // does `to_lowercase` changing a titlecase letter matter.
        let titlecase = titlecase && !upper;
        if ascii || upper {
            flags |= Flags::EXACT_LOWER;
        }
        if ascii {
            flags |= Flags::ASCII;
        }
        if first_upper == Some(true) {
            flags |= Flags::CAPITALIZED;
        }
        // The lowered form of a non-ASCII token with capitals (the one
        // allocation here; the folded form is written from it or the token).
        let mut lowered_owned = String::new();
        if upper {
            flags |= Flags::HAS_UPPER;
            if !ascii {
                lowered_owned = tok.to_lowercase();
                let start = self.lowered.len();
                self.lowered.push_str(&lowered_owned);
                self.lower_spans
                    .push((i, Span::new(start, self.lowered.len())));
            }
        }
        let key = if ascii {
            short_key(self.ascii_lower.get(span.range()).unwrap_or_default())
        } else if upper {
            short_key(&lowered_owned)
        } else {
            short_key(tok)
        };
        let classes = key.map_or(Classes::EMPTY, Classes::of_key);
        // The folded form, only for the rare tokens where it differs.
        if titlecase || curly {
            let titlecased;
            let base = if titlecase {
                titlecased = tok.to_lowercase();
                &titlecased
            } else if upper {
                &lowered_owned
            } else {
                tok
            };
            let start = self.lowered.len();
            self.lowered
                .extend(base.chars().map(|c| if c == '’' { '\'' } else { c }));
            self.folded.push((i, Span::new(start, self.lowered.len())));
            flags |= Flags::FOLDED;
        }
        Row {
            span,
            key: key.unwrap_or_default(),
            classes,
            paragraph,
            sentence: None,
            flags,
        }
    }
}

impl<'t> Table<'t> {
    /// The table of `text`, from its tokens in order and the token ranges
    /// of its sentences. Spans that are not spans of `text` read as empty
    /// tokens; sentence ranges are clamped to the tokens.
    #[inline(never)] // once per document; keeps it apart in profiles
    pub fn new<I, S>(text: &'t str, tokens: I, sentences: S) -> Table<'t>
    where
        I: IntoIterator<Item = TokenFacts>,
        S: IntoIterator<Item = Range<usize>>,
    {
        let tokens = tokens.into_iter();
        let ascii_lower = text.to_ascii_lowercase();
        let mut rows = Vec::with_capacity(tokens.size_hint().0);
        let mut rare = Rare {
            text,
            ascii_lower: &ascii_lower,
            lowered: String::new(),
            lower_spans: Vec::new(),
            folded: Vec::new(),
        };
        let lookup = ClassLookup::get();
        let bytes = text.as_bytes();
        // The end of the token before; the first token has no gap before
        // it (an empty range).
        let mut prev_end = usize::MAX;
        for t in tokens {
            let flags = gap_flags(t, bytes, prev_end);
            prev_end = t.span.end;
            match ascii_key(t, bytes) {
                Some((key, case)) => rows.push(Row {
                    span: t.span,
                    key,
                    classes: lookup.of_key(key),
                    paragraph: t.paragraph,
                    sentence: None,
                    flags: flags | case,
                }),
                None => {
                    let row = rare.row(rows.len(), t.span, t.paragraph, flags);
                    rows.push(row);
                }
            }
        }
        let Rare {
            lowered,
            lower_spans,
            folded,
            ..
        } = rare;
        let mut table = Table {
            text,
            rows,
            ascii_lower,
            lowered,
            lower_spans,
            folded,
            sentences: Vec::new(),
        };
        let n = table.rows.len();
        for (si, r) in sentences.into_iter().enumerate() {
            let r = r.start.min(n)..r.end.min(n);
            let s = SentenceIx::new(si);
            for row in table.rows.get_mut(r.clone()).unwrap_or_default() {
                row.sentence = s;
            }
            table.sentences.push(r);
        }
        table
    }

    /// The lowered form of the row `r` of token `i`: its span of
    /// `ascii_lower`, or for a non-ASCII token with capitals its form in
    /// `lowered`.
    // Always inlined: every layer asks for lowered words in its inner
    // loops, and the call cost more than the common path (a span of
    // `ascii_lower`); the rare path stays out of line.
    #[inline(always)]
    fn lower_of(&self, i: usize, r: &Row) -> &str {
        if r.flags.contains(Flags::HAS_UPPER) && !r.flags.contains(Flags::ASCII) {
            return self.rare_lower(i);
        }
        self.ascii_lower.get(r.span.range()).unwrap_or_default()
    }

    /// [`Table::lower_of`] of a non-ASCII token with capitals: its form
    /// in `lowered`.
    #[cold]
    #[inline(never)]
    fn rare_lower(&self, i: usize) -> &str {
        let at = self.lower_spans.partition_point(|&(k, _)| k < i);
        match self.lower_spans.get(at) {
            Some(&(k, s)) if k == i => self.lowered.get(s.range()).unwrap_or_default(),
            _ => "",
        }
    }

    /// The text the table indexes.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The whole text with its ASCII letters lowercased (the same length,
    /// so a span of the text is a span of it): [`Table::lower`] of an ASCII
    /// token is its span here. Made once per document; a layer that reads
    /// the text lowercased borrows it instead of making its own.
    ///
    /// ```
    /// use newsnlp_text::{Span, Table, TokenFacts};
    /// let text = "Said MR. Roe";
    /// let t = TokenFacts { span: Span::new(0, 4), wordlike: true, paragraph: 0 };
    /// let table = Table::new(text, [t], [0..1]);
    /// assert_eq!(table.lowered_text(), "said mr. roe");
    /// ```
    pub fn lowered_text(&self) -> &str {
        &self.ascii_lower
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The span of token `i` (empty past the end).
    #[inline]
    pub fn span(&self, i: usize) -> Span {
        self.rows.get(i).map_or_else(Span::default, |r| r.span)
    }

    /// The text of token `i` ("" past the end).
    #[inline]
    pub fn token(&self, i: usize) -> &'t str {
        self.rows
            .get(i)
            .and_then(|r| r.span.as_str(self.text))
            .unwrap_or_default()
    }

    /// Token `i` lowercased ("" past the end): the token itself when it
    /// has no uppercase letter, else its [`str::to_lowercase`] (ASCII
    /// letters only for an ASCII token, which is the same).
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        match self.rows.get(i) {
            Some(r) => self.lower_of(i, r),
            None => "",
        }
    }

    /// Token `i` lowercased exactly as [`str::to_lowercase`] does, when
    /// [`Table::lower`] has it that way ([`Flags::EXACT_LOWER`]).
    #[inline]
    pub fn exact_lower(&self, i: usize) -> Option<&str> {
        self.flags(i)
            .contains(Flags::EXACT_LOWER)
            .then(|| self.lower(i))
    }

    /// Token `i` as `to_lowercase` has it with `’` folded to `'` ("it's"
    /// for "It’s"): the form in which curly and straight apostrophes
    /// compare equal. The same as [`Table::lower`] unless
    /// [`Flags::FOLDED`].
    ///
    /// ```
    /// use newsnlp_text::{Span, Table, TokenFacts};
    /// let text = "Don’t";
    /// let t = TokenFacts { span: Span::new(0, text.len()), wordlike: true, paragraph: 0 };
    /// let table = Table::new(text, [t], [0..1]);
    /// assert_eq!((table.lower(0), table.folded(0)), ("don’t", "don't"));
    /// ```
    #[inline]
    pub fn folded(&self, i: usize) -> &str {
        if !self.flags(i).contains(Flags::FOLDED) {
            return self.lower(i);
        }
        let at = self.folded.partition_point(|&(k, _)| k < i);
        match self.folded.get(at) {
            Some(&(k, s)) if k == i => self.lowered.get(s.range()).unwrap_or_default(),
            _ => self.lower(i),
        }
    }

    /// Every token's [`Table::folded`] form, [`Flags`] and
    /// [`Classes`], in order: the columns a layer reads once per token, in
    /// one pass over the rows instead of a lookup per token and column.
    ///
    /// ```
    /// use newsnlp_text::{Span, Table, TokenFacts};
    /// use newsnlp_text::table::Flags;
    /// use newsnlp_text::words::WordClass;
    /// let text = "It’s THE end";
    /// let spans = [(0, 6), (7, 10), (11, 14)];
    /// let tokens = spans.iter().map(|&(a, b)| TokenFacts {
    ///     span: Span::new(a, b),
    ///     wordlike: true,
    ///     paragraph: 0,
    /// });
    /// let table = Table::new(text, tokens, [0..3]);
    /// let rows: Vec<_> = table.folded_rows().collect();
    /// assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), ["it's", "the", "end"]);
    /// assert!(rows[1].1.contains(Flags::CAPITALIZED));
    /// assert!(rows[1].2.contains(WordClass::Determiners));
    /// ```
    pub fn folded_rows(&self) -> impl Iterator<Item = (&str, Flags, Classes)> + '_ {
        // The folded forms are in token order: a cursor walks them.
        let mut next_folded = 0;
        self.rows.iter().enumerate().map(move |(i, r)| {
            let mut s = None;
            if r.flags.contains(Flags::FOLDED) {
                while let Some(&(k, span)) = self.folded.get(next_folded) {
                    if k >= i {
                        if k == i {
                            s = self.lowered.get(span.range());
                        }
                        break;
                    }
                    next_folded += 1;
                }
            }
            let s = s.unwrap_or_else(|| self.lower_of(i, r));
            (s, r.flags, r.classes)
        })
    }

    /// The word classes of [`Table::lower`] of token `i` (none past the
    /// end). The classes' words have no `’`, so the folded form would give
    /// the same, except for "n't" as a token of its own.
    #[inline]
    pub fn classes(&self, i: usize) -> Classes {
        self.rows.get(i).map_or(Classes::EMPTY, |r| r.classes)
    }

    /// The [`short_key`] of [`Table::lower`] of token `i`, when that is at
    /// most [`SHORT`] bytes and not empty (`None` past the end). A layer
    /// with a lexicon of its own in a [`ShortTable`](crate::short::ShortTable)
    /// looks each token up by it without reading its bytes again; the
    /// table computes it anyway for [`Table::classes`].
    ///
    /// ```
    /// use newsnlp_text::{hash::short_key, Span, Table, TokenFacts};
    /// let text = "Said";
    /// let t = TokenFacts { span: Span::new(0, 4), wordlike: true, paragraph: 0 };
    /// let table = Table::new(text, [t], [0..1]);
    /// assert_eq!(table.key(0), short_key("said"));
    /// assert_eq!(table.key(1), None);
    /// ```
    #[inline]
    pub fn key(&self, i: usize) -> Option<(u64, u64)> {
        self.rows.get(i).map(|r| r.key).filter(|&k| k != (0, 0))
    }

    /// [`Table::key`] of every token, in order: for a layer that looks
    /// each token up in a lexicon of its own once.
    ///
    /// ```
    /// use newsnlp_text::{hash::short_key, Span, Table, TokenFacts};
    /// let text = "He said";
    /// let t = |a, b| TokenFacts { span: Span::new(a, b), wordlike: true, paragraph: 0 };
    /// let table = Table::new(text, [t(0, 2), t(3, 7)], [0..2]);
    /// let keys: Vec<_> = table.keys().collect();
    /// assert_eq!(keys, [short_key("he"), short_key("said")]);
    /// ```
    pub fn keys(&self) -> impl ExactSizeIterator<Item = Option<(u64, u64)>> + '_ {
        self.rows
            .iter()
            .map(|r| Some(r.key).filter(|&k| k != (0, 0)))
    }

    /// The flags of token `i` (none past the end).
    #[inline]
    pub fn flags(&self, i: usize) -> Flags {
        self.rows.get(i).map_or(Flags::EMPTY, |r| r.flags)
    }

    /// The sentence holding token `i`, if any.
    #[inline]
    pub fn sentence(&self, i: usize) -> Option<SentenceIx> {
        self.rows.get(i).and_then(|r| r.sentence)
    }

    /// Whether token `i` opens its sentence: the first token, or one whose
    /// sentence differs from the token's before it.
    #[inline]
    pub fn opens_sentence(&self, i: usize) -> bool {
        i == 0 || self.sentence(i - 1) != self.sentence(i)
    }

    /// The paragraph of token `i` (`None` past the end).
    #[inline]
    pub fn paragraph(&self, i: usize) -> Option<ParagraphIx> {
        self.rows
            .get(i)
            .and_then(|r| ParagraphIx::new(r.paragraph as usize))
    }

    /// The byline's name: the tokens after "By" (or "BY") that opens a
    /// line among the first eight paragraphs (and 2,000 bytes), two to four
    /// capitalized words (with inner periods: "John F. Kennedy") that end
    /// their line. The one home of this fact: the names layer makes the
    /// name a person, quotes and stances make it the author.
    ///
    /// ```
    /// use newsnlp_text::{Span, Table, table::TokenFacts};
    /// let text = "Talks Stall\nBy Tomás Ibarra\nGENEVA — Talks stalled.";
    /// let spans = [(0, 5), (6, 11), (12, 14), (15, 21), (22, 28), (29, 35), (36, 39), (40, 45), (46, 53), (53, 54)];
    /// let tokens = spans.map(|(a, b)| TokenFacts { span: Span::new(a, b), wordlike: b - a > 1, paragraph: 0 });
    /// let table = Table::new(text, tokens, [0..10]);
    /// assert_eq!(table.byline(), Some(3..5));
    /// assert_eq!(table.byline_name(), Some("Tomás Ibarra"));
    /// ```
    pub fn byline(&self) -> Option<Range<usize>> {
        let n = self.rows.len();
        let mut i = 0;
        while i < n && self.rows[i].paragraph < 8 && self.span(i).start < 2000 {
            let opens_line = i == 0 || self.flags(i).contains(Flags::LINE_BREAK);
            if opens_line && self.lower(i) == "by" && self.flags(i).contains(Flags::CAPITALIZED) {
                let mut j = i + 1;
                let mut words = 0;
                while j < n && !self.flags(j).contains(Flags::LINE_BREAK) && j - i <= 6 {
                    let f = self.flags(j);
                    if f.contains(Flags::WORDLIKE | Flags::CAPITALIZED) {
                        words += 1;
                    } else if self.token(j) != "." {
                        break;
                    }
                    j += 1;
                }
                let ends_line = j >= n || self.flags(j).contains(Flags::LINE_BREAK);
                if ends_line && (2..=4).contains(&words) {
                    return Some(i + 1..j);
                }
            }
            i += 1;
        }
        None
    }

    /// The text of [`Table::byline`] ("Tomás Ibarra").
    pub fn byline_name(&self) -> Option<&'t str> {
        let r = self.byline()?;
        self.text
            .get(self.span(r.start).start..self.span(r.end - 1).end)
    }

    /// The number of sentences.
    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// The token range of sentence `s` (empty past the end).
    #[inline]
    pub fn sentence_tokens(&self, s: usize) -> Range<usize> {
        self.sentences.get(s).cloned().unwrap_or(0..0)
    }

    /// The end (a token index) of the sentence holding token `i`, or the
    /// number of tokens when no sentence holds it.
    #[inline]
    pub fn sentence_end(&self, i: usize) -> usize {
        match self.sentence(i) {
            Some(s) => self.sentence_tokens(s.get()).end,
            None => self.rows.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn low_bytes_masks_and_load16_match_short_key() {
        let text = "Lavrov said: “We talked frankly,” Secretary-of-State Tillerson x";
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            for end in at..(at + SHORT).min(bytes.len()) + 1 {
                let Some(b) = bytes.get(at..end) else {
                    continue;
                };
                let (k0, k1) = crate::hash::short_key(text.get(at..end).unwrap_or("x"))
                    .map_or((0, 0), |(k0, k1)| (k0, k1 & !(0xff << 56)));
                if text.get(at..end).is_some() {
                    assert_eq!(load16(bytes, at, b), (k0, k1), "{at}..{end}");
                }
            }
        }
    }
}
