//! Sentences and tokens with byte spans, right on news text.
//!
//! `newsnlp-tokenize` splits a `&str` into tokens and sentences. Every token
//! borrows its text from the input and carries its [`Range<usize>`] byte span,
//! so later layers (entities, quotes, stance) can point back into the
//! original article. It is written for news: headlines and bylines, the
//! abbreviations of political reporting ("U.S.", "Sen.", "Gen.", "Jr."),
//! straight, curly and guillemet quote marks classified as opening or
//! closing, em and en dashes, non-breaking spaces, and quotations that run
//! over several paragraphs.
//!
//! # Conventions
//!
//! Tokens follow the Universal Dependencies English (EWT) surface
//! conventions: punctuation is separate; hyphenated compounds are split
//! ("15-year" is `15`, `-`, `year`) except after a bound prefix ("e-mail",
//! "non-human"); URLs, e-mail addresses, numbers with separators ("1,000.5",
//! "3:30", "10/20/2004") and abbreviations ("U.S.", "Mr.") stay whole.
//! Contractions and possessives are one surface token, like UD's multiword
//! tokens, and [`Token::words`] splits them into UD words ("do|n't",
//! "Assad|'s", "world|’s").
//!
//! Sentences end at terminal punctuation followed by a sentence-opening word
//! (a closing quote mark after the final period stays inside), at every blank
//! line (so a headline, a byline and a bare attribution line after a quote
//! paragraph are their own sentences), before bullets and the items of a
//! numbered list; an abbreviation ends one only before a word that opens
//! sentences ("in the U.S. How about" ends, "the U.S. Government" does not).
//!
//! # Example
//!
//! ```
//! use newsnlp_tokenize::{Tokenizer, TokenKind};
//!
//! let text = "“We frankly discussed it.” Rex Tillerson\n\nBy Faye Higbee";
//! let doc = Tokenizer::new().tokenize(text);
//! let sentences: Vec<&str> = doc.sentences().iter().map(|s| &text[s.span.clone()]).collect();
//! assert_eq!(sentences, ["“We frankly discussed it.”", "Rex Tillerson", "By Faye Higbee"]);
//!
//! let first = &doc.tokens()[0];
//! assert_eq!(first.kind, TokenKind::OpenQuote);
//! assert_eq!(first.span, 0..3); // “ is three bytes in UTF-8
//! assert_eq!(doc.tokens()[1].text, "We");
//! assert_eq!(doc.tokens()[1].span, 3..5);
//! ```
//!
//! # Speed
//!
//! The scanner works on whitespace-separated chunks with an ASCII fast path
//! and allocates one small buffer per text, never one per token. Any `&str`
//! is valid input; the cost is linear in its length.
#![forbid(unsafe_code)]

mod chars;
mod plain;
mod scan;
mod sentences;
mod tables;

use std::ops::Range;
use std::sync::Arc;

use newsnlp_text::Span;
pub use newsnlp_text::{Table, TokenFacts};

pub use scan::Tokens;
pub use tables::AbbreviationClass;
use tables::Tables;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters (and digits) forming a word, with any clitic ("don't").
    Word,
    /// A number: digits with optional separators ("1,000.5", "3:30").
    Number,
    /// A word that keeps its abbreviation period ("U.S.", "Gen.", "E.").
    Abbreviation,
    /// Punctuation: periods, commas, brackets, hyphens, ellipses.
    Punctuation,
    /// A quote mark that opens a quotation (“ ‘ « „, or " ' by position).
    OpenQuote,
    /// A quote mark that closes a quotation (” ’ », or " ' by position).
    CloseQuote,
    /// A dash between clauses: em dash, en dash, "--", a lone "-".
    Dash,
    /// A symbol: currency, math, emoji and other signs, control characters.
    Symbol,
    /// A URL or e-mail address.
    Url,
}

impl TokenKind {
    /// Whether it is a word, a number or an abbreviation: a token the word
    /// rules of the later layers read.
    ///
    /// ```
    /// use newsnlp_tokenize::TokenKind;
    /// assert!(TokenKind::Number.is_wordlike() && !TokenKind::Dash.is_wordlike());
    /// ```
    pub fn is_wordlike(self) -> bool {
        matches!(
            self,
            TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number
        )
    }
}

/// A token: a borrowed slice of the input with its byte span and facts.
///
/// ```
/// use newsnlp_tokenize::{Tokenizer, TokenKind};
///
/// let tokens: Vec<_> = Tokenizer::new().tokens("Assad’s forces").collect();
/// assert_eq!(tokens[0].text, "Assad’s");
/// assert_eq!(tokens[0].span, 0..9);
/// assert_eq!(tokens[0].kind, TokenKind::Word);
/// assert!(tokens[1].space_before);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Token<'t> {
    /// The token's text, borrowed from the input.
    pub text: &'t str,
    /// Byte span in the input: `&input[span] == text`.
    pub span: Range<usize>,
    /// What the token is.
    pub kind: TokenKind,
    /// Index of the paragraph (blank-line separated block) it is in, from 0.
    pub paragraph: u32,
    /// Whether whitespace (or the start of the text) precedes it.
    pub space_before: bool,
    /// Byte offset inside `text` where a clitic starts, 0 for none.
    split: u32,
}

impl<'t> Token<'t> {
    /// The Universal Dependencies words of this token, with their byte spans
    /// in the input: a contraction or possessive gives two ("do", "n't";
    /// "Assad", "’s"), "cannot" gives "can" and "not", anything else itself.
    ///
    /// ```
    /// use newsnlp_tokenize::Tokenizer;
    ///
    /// let t = Tokenizer::new().tokens("don't").next().unwrap();
    /// let words: Vec<_> = t.words().collect();
    /// assert_eq!(words, [("do", 0..2), ("n't", 2..5)]);
    /// ```
    pub fn words(&self) -> impl Iterator<Item = (&'t str, Range<usize>)> + 't {
        let (text, start) = (self.text, self.span.start);
        let mut at = self.split as usize;
        if at == 0
            && self.kind == TokenKind::Word
            && (text.eq_ignore_ascii_case("cannot")
                || text.eq_ignore_ascii_case("gonna")
                || text.eq_ignore_ascii_case("wanna")
                || text.eq_ignore_ascii_case("gotta"))
        {
            at = 3;
        }
        let parts: [Option<(&'t str, Range<usize>)>; 2] = if at > 0 && at < text.len() {
            [
                Some((&text[..at], start..start + at)),
                Some((&text[at..], start + at..start + text.len())),
            ]
        } else {
            [Some((text, start..start + text.len())), None]
        };
        parts.into_iter().flatten()
    }

    /// The token's text without a clitic or possessive ("Assad" for
    /// "Assad’s", "do" for "don't").
    ///
    /// ```
    /// use newsnlp_tokenize::Tokenizer;
    /// let t = Tokenizer::new().tokens("Putin's").next().unwrap();
    /// assert_eq!(t.stem(), "Putin");
    /// ```
    pub fn stem(&self) -> &'t str {
        match self.split as usize {
            0 => self.text,
            at => &self.text[..at],
        }
    }

    /// Whether this is an opening or closing quote mark.
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokenKind::OpenQuote | TokenKind::CloseQuote)
    }
}

/// A sentence: its byte span and the range of its tokens in
/// [`Tokenized::tokens`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Sentence {
    /// Byte span from the start of its first token to the end of its last.
    #[cfg_attr(feature = "serde", serde(with = "span"))]
    pub span: Range<usize>,
    /// Indices of its tokens in [`Tokenized::tokens`].
    #[cfg_attr(feature = "serde", serde(skip))]
    pub tokens: Range<usize>,
    /// Index of its paragraph.
    pub paragraph: u32,
}

/// A tokenized text: tokens and sentences, borrowing the input.
#[derive(Clone, Debug)]
pub struct Tokenized<'t> {
    text: &'t str,
    tokens: Vec<Token<'t>>,
    sentences: Vec<Sentence>,
}

impl<'t> Tokenized<'t> {
    /// The input text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// All tokens, in order.
    pub fn tokens(&self) -> &[Token<'t>] {
        &self.tokens
    }

    /// All sentences, in order; together they hold every token.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The tokens of one sentence.
    ///
    /// ```
    /// use newsnlp_tokenize::Tokenizer;
    /// let doc = Tokenizer::new().tokenize("Hello World. My name is Jonas.");
    /// let second = &doc.sentences()[1];
    /// let words: Vec<&str> = doc.sentence_tokens(second).iter().map(|t| t.text).collect();
    /// assert_eq!(words, ["My", "name", "is", "Jonas", "."]);
    /// ```
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token<'t>] {
        self.tokens.get(sentence.tokens.clone()).unwrap_or(&[])
    }

    /// The index of the sentence holding token `index`, if any.
    pub fn sentence_of(&self, index: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= index);
        (i < self.sentences.len() && self.sentences[i].tokens.contains(&index)).then_some(i)
    }

    /// Number of paragraphs (0 for a text without tokens).
    pub fn paragraph_count(&self) -> usize {
        self.tokens.last().map_or(0, |t| t.paragraph as usize + 1)
    }

    /// The per-document [`Table`] of these tokens: lowercased words, word
    /// classes, capital and line-break flags, sentence and paragraph
    /// indexes, built once for every later layer to read.
    ///
    /// ```
    /// use newsnlp_text::words::WordClass;
    /// use newsnlp_tokenize::Tokenizer;
    ///
    /// let doc = Tokenizer::new().tokenize("The Kremlin said.\n\nIt’s over.");
    /// let table = doc.table();
    /// assert_eq!(table.len(), doc.tokens().len());
    /// assert_eq!(table.lower(1), "kremlin");
    /// assert!(table.classes(0).contains(WordClass::Determiners));
    /// assert_eq!(table.folded(4), "it's");
    /// assert_eq!(table.sentence(4).map(|s| s.get()), Some(1));
    /// assert_eq!(table.paragraph(4).map(|p| p.get()), Some(1));
    /// ```
    pub fn table(&self) -> Table<'t> {
        Table::new(
            self.text,
            self.tokens.iter().map(|t| TokenFacts {
                span: Span::from(t.span.clone()),
                wordlike: t.kind.is_wordlike(),
                paragraph: t.paragraph,
            }),
            self.sentences.iter().map(|s| s.tokens.clone()),
        )
    }
}

/// A configured tokenizer. Cheap to clone and `Send + Sync`.
///
/// ```
/// use newsnlp_tokenize::Tokenizer;
/// let doc = Tokenizer::new().tokenize("I live in the U.S. How about you?");
/// assert_eq!(doc.sentences().len(), 2);
/// assert_eq!(doc.sentences()[0].span, 0..18);
/// ```
#[derive(Clone, Debug)]
pub struct Tokenizer {
    tables: Arc<Tables>,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::new()
    }
}

impl Tokenizer {
    /// A tokenizer with the embedded English news tables.
    pub fn new() -> Tokenizer {
        Tokenizer {
            tables: Tables::embedded(),
        }
    }

    /// A builder, to add abbreviations ([`TokenizerBuilder::new`]).
    ///
    /// ```
    /// use newsnlp_tokenize::{AbbreviationClass, Tokenizer};
    /// let tok = Tokenizer::builder().abbreviation("Supt", AbbreviationClass::Title).build();
    /// assert_eq!(tok.tokenize("Supt. Jones spoke.").sentences().len(), 1);
    /// ```
    pub fn builder() -> TokenizerBuilder {
        TokenizerBuilder::new()
    }

    /// The tokens of `text`, lazily, without sentences.
    ///
    /// ```
    /// use newsnlp_tokenize::Tokenizer;
    /// let spans: Vec<_> = Tokenizer::new().tokens("U.S.-Russia ties").map(|t| t.span).collect();
    /// assert_eq!(spans, [0..4, 4..5, 5..11, 12..16]);
    /// ```
    pub fn tokens<'t>(&self, text: &'t str) -> Tokens<'t, '_> {
        Tokens::new(text, &self.tables)
    }

    /// Tokens and sentences of `text`.
    pub fn tokenize<'t>(&self, text: &'t str) -> Tokenized<'t> {
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        self.tokens(text).push_all(&mut tokens);
        let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
        sentences::split(text, &tokens, &self.tables, &mut sentences);
        Tokenized {
            text,
            tokens,
            sentences,
        }
    }

    /// Tokenizes `text` one paragraph at a time, calling `f` with each
    /// paragraph's tokens and sentences (whose `tokens` ranges index into
    /// that slice). Memory stays bounded by the longest paragraph, which
    /// makes this the way to stream a large corpus; results are the same as
    /// [`tokenize`](Tokenizer::tokenize), since sentences never cross a
    /// paragraph break.
    ///
    /// ```
    /// use newsnlp_tokenize::Tokenizer;
    /// let mut counts = Vec::new();
    /// Tokenizer::new().for_each_paragraph("Headline\n\nOne. Two.", |tokens, sentences| {
    ///     counts.push((tokens.len(), sentences.len()));
    /// });
    /// assert_eq!(counts, [(1, 1), (4, 2)]);
    /// ```
    pub fn for_each_paragraph<'t, F>(&self, text: &'t str, mut f: F)
    where
        F: FnMut(&[Token<'t>], &[Sentence]),
    {
        let mut tokens: Vec<Token<'t>> = Vec::with_capacity(256);
        let mut sentences = Vec::with_capacity(16);
        let mut flush = |tokens: &mut Vec<Token<'t>>, sentences: &mut Vec<Sentence>| {
            sentences.clear();
            sentences::split(text, tokens, &self.tables, sentences);
            f(tokens, sentences);
            tokens.clear();
        };
        for t in self.tokens(text) {
            if tokens.last().is_some_and(|l| l.paragraph != t.paragraph) {
                flush(&mut tokens, &mut sentences);
            }
            tokens.push(t);
        }
        if !tokens.is_empty() {
            flush(&mut tokens, &mut sentences);
        }
    }

    /// The class of an abbreviation this tokenizer knows (without or with
    /// its final period), case-insensitively.
    ///
    /// ```
    /// use newsnlp_tokenize::{AbbreviationClass, Tokenizer};
    /// assert_eq!(Tokenizer::new().abbreviation("Gen."), Some(AbbreviationClass::Title));
    /// assert_eq!(Tokenizer::new().abbreviation("table"), None);
    /// ```
    pub fn abbreviation(&self, word: &str) -> Option<AbbreviationClass> {
        self.tables.abbreviation(word.trim_end_matches('.'))
    }
}

/// Builds a [`Tokenizer`] with extra abbreviations. Non-consuming: one
/// builder can build several tokenizers.
///
/// ```
/// use newsnlp_tokenize::{AbbreviationClass, TokenizerBuilder};
///
/// let tok = TokenizerBuilder::new()
///     .abbreviation("Supt.", AbbreviationClass::Title)
///     .abbreviation("Cmdr.", AbbreviationClass::Title)
///     .build();
/// let doc = tok.tokenize("Det. Supt. Jones spoke.");
/// assert_eq!(doc.sentences().len(), 1);
/// assert_eq!(doc.tokens()[1].text, "Supt.");
/// assert_eq!(doc.tokens()[1].span, 5..10);
/// ```
#[derive(Clone, Debug, Default)]
pub struct TokenizerBuilder {
    extra: Vec<(String, AbbreviationClass)>,
}

impl TokenizerBuilder {
    /// A builder with the embedded tables and nothing extra.
    pub fn new() -> TokenizerBuilder {
        TokenizerBuilder::default()
    }

    /// Adds an abbreviation (with or without its final period).
    pub fn abbreviation(&mut self, word: &str, class: AbbreviationClass) -> &mut TokenizerBuilder {
        self.extra.push((word.to_owned(), class));
        self
    }

    /// Builds the tokenizer.
    pub fn build(&self) -> Tokenizer {
        let base = Tables::embedded();
        if self.extra.is_empty() {
            return Tokenizer { tables: base };
        }
        let mut tables = (*base).clone();
        for (word, class) in &self.extra {
            tables.add_abbreviation(word, *class);
        }
        Tokenizer {
            tables: Arc::new(tables),
        }
    }
}

/// Serializes a `Range<usize>` as `[start, end]`. Use it with
/// `#[serde(with = "newsnlp_tokenize::span")]` on span fields.
#[cfg(feature = "serde")]
pub mod span {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::ops::Range;

    /// Writes `start..end` as `[start, end]`.
    pub fn serialize<S: Serializer>(r: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
        [r.start, r.end].serialize(s)
    }

    /// Reads `[start, end]` as `start..end`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Range<usize>, D::Error> {
        let [a, b] = <[usize; 2]>::deserialize(d)?;
        Ok(a..b)
    }

    /// The same for `Option<Range<usize>>`: `null` or `[start, end]`.
    pub mod option {
        use serde::{Deserialize, Deserializer, Serialize, Serializer};
        use std::ops::Range;

        /// Writes `None` as `null`, `Some(start..end)` as `[start, end]`.
        pub fn serialize<S: Serializer>(r: &Option<Range<usize>>, s: S) -> Result<S::Ok, S::Error> {
            r.as_ref().map(|r| [r.start, r.end]).serialize(s)
        }

        /// Reads `null` or `[start, end]`.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<Range<usize>>, D::Error> {
            Ok(Option::<[usize; 2]>::deserialize(d)?.map(|[a, b]| a..b))
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Token<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Token", 4)?;
        st.serialize_field("text", self.text)?;
        st.serialize_field("span", &[self.span.start, self.span.end])?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("paragraph", &self.paragraph)?;
        st.end()
    }
}
