//! The small feature tokenizer the models read.
//!
//! It is deliberately simple and self-contained (the workspace tokenizer is
//! for sentence splitting and CoNLL-style tokens; the models here only need
//! lowercased words and punctuation with byte spans, and must not change
//! when that crate changes, or the trained weights would silently drift).
//!
//! Rules:
//! - a *word* is a run of alphanumeric characters, which may contain an
//!   apostrophe (`'` or `’`), a hyphen or a period between two alphanumeric
//!   characters (`don't`, `Trump’s`, `30-minute`, `U.S`);
//! - every other non-whitespace character is a token of its own
//!   (punctuation and quote marks matter to the features);
//! - the lowercased form uses full Unicode lowercasing and maps `’` to `'`.

use std::borrow::Cow;
use std::ops::Range;

/// What a [`Token`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TokenKind {
    /// A run of letters and digits (with inner apostrophes, hyphens, periods).
    Word,
    /// A single punctuation or symbol character, quote marks included.
    Punct,
}

/// One token of a sentence, borrowing from it (see the tests for
/// examples).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'t> {
    /// The token as it appears in the sentence.
    pub(crate) text: &'t str,
    /// The lowercased form the lexicons and models look up.
    pub(crate) lower: Cow<'t, str>,
    /// Byte offsets of `text` in the sentence.
    pub(crate) span: Range<usize>,
    /// Word or punctuation.
    pub(crate) kind: TokenKind,
}

impl Token<'_> {
    /// Whether this token is a word (not punctuation).
    pub(crate) fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‑')
}

fn lowercase(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        // ASCII lowercases byte by byte; most words already are.
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if c == '’' {
                out.push('\'');
            } else {
                out.extend(c.to_lowercase());
            }
        }
        Cow::Owned(out)
    }
}

/// The character starting at byte `i` of `s` (ASCII without decoding).
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s.get(i..)?.chars().next()
    }
}

/// Splits `sentence` into [`Token`]s (words and single punctuation marks).
///
/// Never panics; whitespace is skipped; the spans are in increasing order,
/// do not overlap and always lie on character boundaries.
pub(crate) fn tokenize(sentence: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(sentence.len() / 5 + 1);
    let mut i = 0;
    while let Some(c) = char_at(sentence, i) {
        let start = i;
        i += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            let text = &sentence[start..i];
            out.push(Token {
                text,
                lower: lowercase(text),
                span: start..i,
                kind: TokenKind::Punct,
            });
            continue;
        }
        let mut end = i;
        loop {
            match char_at(sentence, end) {
                Some(d) if d.is_alphanumeric() => end += d.len_utf8(),
                Some(d) if is_joiner(d) => {
                    // A joiner counts only between two alphanumerics.
                    let after = end + d.len_utf8();
                    match char_at(sentence, after) {
                        Some(n) if n.is_alphanumeric() => end = after,
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        i = end;
        let text = &sentence[start..end];
        out.push(Token {
            text,
            lower: lowercase(text),
            span: start..end,
            kind: TokenKind::Word,
        });
    }
    out
}

/// Whether `c` is in the General Punctuation block but not one of its
/// spaces (dashes, curly quotes, ellipsis, ...): neither whitespace nor
/// alphanumeric, which saves the Unicode tables on the commonest non-ASCII
/// characters of news text.
#[inline]
fn is_punctuation_block(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
}

/// What an ASCII byte is to [`tokenize_lowered`] ([`ASCII_CLASS`]).
const SPACE: u8 = 0;
const ALNUM: u8 = 1;
const MARK: u8 = 2;
/// A byte of a non-ASCII character.
const OTHER: u8 = 3;

/// Per byte: [`SPACE`] (the ASCII whitespace of `char::is_whitespace`),
/// [`ALNUM`], [`MARK`] (any other ASCII character) or [`OTHER`].
static ASCII_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => SPACE,
            c if c.is_ascii_alphanumeric() => ALNUM,
            _ => MARK,
        };
        b += 1;
    }
    t
};

/// [`tokenize`] with `lowered`, the ASCII-lowercased copy of `sentence`
/// (`str::to_ascii_lowercase`, so the same length and the same non-ASCII
/// bytes): the lowercased form of an ASCII token borrows from it instead of
/// being allocated, and ASCII is scanned byte by byte. The tokens are the
/// same as [`tokenize`]'s.
pub(crate) fn tokenize_lowered<'t>(sentence: &'t str, lowered: &'t str) -> Vec<Token<'t>> {
    if lowered.len() != sentence.len() {
        return tokenize(sentence);
    }
    let bytes = sentence.as_bytes();
    // News text has about one token per four bytes.
    let mut out = Vec::with_capacity(bytes.len() / 3 + 2);
    let token = |start: usize, end: usize, ascii: bool, kind: TokenKind| {
        let text = &sentence[start..end];
        let lower = match lowered.get(start..end) {
            Some(low) if ascii => Cow::Borrowed(low),
            _ => lowercase(text),
        };
        Token {
            text,
            lower,
            span: start..end,
            kind,
        }
    };
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        let mut ascii = true;
        match ASCII_CLASS[usize::from(b)] {
            SPACE => {
                i += 1;
                continue;
            }
            MARK => {
                i += 1;
                out.push(token(start, i, true, TokenKind::Punct));
                continue;
            }
            ALNUM => i += 1,
            _ => {
                let Some(c) = char_at(sentence, i) else { break };
                i += c.len_utf8();
                // Dashes, curly quotes and the like (General Punctuation without
                // its spaces) are punctuation: no Unicode table needed.
                if is_punctuation_block(c) {
                    // No case: lowercased, it is itself (`’` as `'`),
                    // without an allocation.
                    let text = &sentence[start..i];
                    out.push(Token {
                        text,
                        lower: Cow::Borrowed(if c == '’' { "'" } else { text }),
                        span: start..i,
                        kind: TokenKind::Punct,
                    });
                    continue;
                }
                if c.is_whitespace() {
                    continue;
                }
                if !c.is_alphanumeric() {
                    out.push(token(start, i, false, TokenKind::Punct));
                    continue;
                }
                ascii = false;
            }
        }
        // A word: alphanumerics, and joiners between two of them.
        let mut end = i;
        while let Some(&d) = bytes.get(end) {
            let (joiner, len) = match ASCII_CLASS[usize::from(d)] {
                ALNUM => {
                    end += 1;
                    continue;
                }
                SPACE => break,
                MARK => (matches!(d, b'\'' | b'-' | b'.'), 1),
                _ => match char_at(sentence, end) {
                    Some(c) if !is_punctuation_block(c) && c.is_alphanumeric() => {
                        ascii = false;
                        end += c.len_utf8();
                        continue;
                    }
                    Some(c) => (is_joiner(c), c.len_utf8()),
                    None => break,
                },
            };
            if !joiner {
                break;
            }
            match char_at(sentence, end + len) {
                Some(n) if n.is_alphanumeric() => {
                    ascii &= len == 1;
                    end += len;
                }
                _ => break,
            }
        }
        i = end;
        out.push(token(start, end, ascii, TokenKind::Word));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_marks() {
        let kinds: Vec<TokenKind> = tokenize("“Go”").iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::Punct, TokenKind::Word, TokenKind::Punct]);

        let toks = tokenize("Trump’s \"big\" win");
        assert_eq!(toks[0].text, "Trump’s");
        assert_eq!(toks[0].lower, "trump's");
        assert_eq!(toks[0].span, 0..9);
        assert_eq!(toks[1].kind, TokenKind::Punct);
        assert_eq!(toks[2].span, 11..14);

        let toks = tokenize("Yes!");
        assert!(toks[0].is_word() && !toks[1].is_word());

        let words: Vec<_> = tokenize("Putin didn't blink.")
            .iter()
            .map(|t| t.lower.to_string())
            .collect();
        assert_eq!(words, ["putin", "didn't", "blink", "."]);
    }

    #[test]
    fn lowered_tokens_are_the_same_tokens() {
        for s in [
            "Putin didn't blink.",
            "“Trump’s” BIG win — U.S.-Russia talks, 30-minute İstanbul ÉCOLE",
            "",
            "   ",
            "a\u{a0}b\u{2019}C  D'E",
        ] {
            let lowered = s.to_ascii_lowercase();
            assert_eq!(tokenize_lowered(s, &lowered), tokenize(s), "{s:?}");
        }
        // A copy of the wrong length is not used.
        assert_eq!(tokenize_lowered("Ab cd", "ab"), tokenize("Ab cd"));
    }

    #[test]
    fn the_punctuation_block_has_no_spaces_or_letters() {
        let block = ('\u{2000}'..='\u{206F}').filter(|&c| is_punctuation_block(c));
        for c in block {
            assert!(!c.is_whitespace() && !c.is_alphanumeric(), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lowered_tokens_match_on_any_text(s in "[a-zA-Z0-9 .,'’‑\\-“”\"\u{a0}\u{2009}éÉİßΣ\t\n\u{b}\u{1c}—!?]{0,40}") {
            let lowered = s.to_ascii_lowercase();
            proptest::prop_assert_eq!(tokenize_lowered(&s, &lowered), tokenize(&s));
        }

        #[test]
        fn lowered_tokens_match_on_any_unicode(s in "\\PC{0,30}") {
            let lowered = s.to_ascii_lowercase();
            proptest::prop_assert_eq!(tokenize_lowered(&s, &lowered), tokenize(&s));
        }
    }
}
