//! The token scanner: whitespace-separated chunks, then the tokens inside a
//! chunk, left to right, in one pass.

use crate::chars::{self, QuoteShape};
use crate::plain::scan_plain;
use crate::tables::{AbbreviationClass, Tables};
use crate::{Token, TokenKind};
use newsnlp_text::hash::HIGH_BITS;

/// A token before it borrows its text: offsets and facts only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Raw {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
    pub(crate) split: u32,
}

/// Iterator over the tokens of a text. Made by
/// [`Tokenizer::tokens`](crate::Tokenizer::tokens).
///
/// It allocates one small buffer for the whole text (the tokens of one
/// whitespace-separated chunk), never one per token.
#[derive(Debug)]
pub struct Tokens<'t, 'a> {
    text: &'t str,
    tables: &'a Tables,
    pos: usize,
    paragraph: u32,
    pending: Vec<Raw>,
    next_pending: usize,
    pending_paragraph: u32,
    pending_space: bool,
}

impl<'t, 'a> Tokens<'t, 'a> {
    pub(crate) fn new(text: &'t str, tables: &'a Tables) -> Self {
        Tokens {
            text,
            tables,
            pos: 0,
            paragraph: 0,
            pending: Vec::with_capacity(8),
            next_pending: 0,
            pending_paragraph: 0,
            pending_space: false,
        }
    }

    /// Skips whitespace from `self.pos`; returns whether any was skipped and
    /// counts paragraph breaks (a line break followed, after optional
    /// spaces, by another line break).
    // Inlined: the common gap costs a few instructions and no call; the
    // loop over other gaps stays out of line.
    #[inline(always)]
    fn skip_space(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        // The common gap, one space before a letter or digit, at once.
        if bytes.get(start) == Some(&b' ')
            && bytes
                .get(start + 1)
                .is_some_and(|&b| ASCII_ALNUM[usize::from(b)])
        {
            self.pos = start + 1;
            return true;
        }
        self.skip_space_run()
    }

    /// [`Tokens::skip_space`] of any other gap.
    #[inline(never)]
    fn skip_space_run(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        // A local position, kept in a register through the loop.
        let mut pos = start;
        let mut newlines = 0u32;
        while let Some(&b) = bytes.get(pos) {
            if b < 0x80 {
                match b {
                    b' ' | b'\t' | b'\r' | 0x0B | 0x0C => pos += 1,
                    b'\n' => {
                        newlines += 1;
                        pos += 1;
                    }
                    _ => break,
                }
            } else {
                let c = next_char(self.text, pos);
                if !chars::is_space(c) {
                    break;
                }
                if matches!(c, '\u{2029}' | '\u{2028}' | '\u{0085}') {
                    newlines += if c == '\u{2029}' { 2 } else { 1 };
                }
                pos += c.len_utf8();
            }
        }
        self.pos = pos;
        if newlines >= 2 && start > 0 {
            self.paragraph += 1;
        }
        pos > start
    }

    /// Scans the next whitespace-separated chunk: its token when it is one
    /// simple token (returned at once, the common case), else its tokens
    /// into `pending`, the first of them returned.
    #[inline(always)]
    fn fill(&mut self) -> Option<Token<'t>> {
        let space = self.skip_space() || self.pos == 0;
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        // Letters and digits, the bulk of a chunk, eight bytes at a time.
        let mut end = alnum_run(bytes, start);
        let mut simple = true;
        // Whether the chunk holds an '@' (an e-mail address): the scanner
        // of a chunk without one need not look for it.
        let mut has_at = false;
        while let Some(&b) = bytes.get(end) {
            if b < 0x80 {
                if matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0x0B | 0x0C) {
                    break;
                }
                simple = false;
                has_at |= b == b'@';
                end = alnum_run(bytes, end + 1);
            } else {
                let c = next_char(self.text, end);
                if chars::is_space(c) {
                    break;
                }
                simple = false;
                end = alnum_run(bytes, end + c.len_utf8());
            }
        }
        self.pos = end;
        // Only the scanner of a non-simple chunk asks.
        let after_terminal = !simple
            && self.pending.last().is_some_and(|r| {
                r.kind == TokenKind::Punctuation
                    && self.text[r.start..r.end].chars().all(chars::is_terminal)
            });
        // A lone straight mark after a closing one closes too (the space
        // between nested marks: "the term 'outreach,' \" he said").
        let after_close = !simple
            && self
                .pending
                .last()
                .is_some_and(|r| r.kind == TokenKind::CloseQuote);
        self.pending.clear();
        self.next_pending = 0;
        self.pending_paragraph = self.paragraph;
        self.pending_space = space;
        if simple {
            // One token, not kept in `pending` (which stays empty, so the
            // next chunk sees no terminal punctuation before it).
            let raw = Raw {
                start,
                end,
                kind: word_kind(&bytes[start..end]),
                split: 0,
            };
            return Some(self.token(raw, space));
        } else if !has_at && scan_plain(self.text, self.tables, start, end, &mut self.pending) {
            // A plain chunk, scanned into `pending`.
        } else {
            let mut chunk = Chunk {
                text: self.text,
                tables: self.tables,
                end,
                out: &mut self.pending,
                next_at: if has_at { start } else { end },
                at_known: !has_at,
                after_terminal,
                after_close,
            };
            chunk.scan(start);
        }
        self.next_pending()
    }

    /// The next token of `pending`, if any.
    #[inline]
    fn next_pending(&mut self) -> Option<Token<'t>> {
        let raw = *self.pending.get(self.next_pending)?;
        let space_before = self.next_pending == 0 && self.pending_space;
        self.next_pending += 1;
        Some(self.token(raw, space_before))
    }

    /// The token of `raw`, in the current paragraph.
    #[inline]
    fn token(&self, raw: Raw, space_before: bool) -> Token<'t> {
        Token {
            text: &self.text[raw.start..raw.end],
            span: raw.start..raw.end,
            kind: raw.kind,
            paragraph: self.pending_paragraph,
            space_before,
            split: raw.split,
        }
    }
}

impl<'t> Tokens<'t, '_> {
    /// Pushes every token left into `out`: the loop of
    /// [`Tokenizer::tokenize`](crate::Tokenizer::tokenize), with the
    /// scanner inlined in it rather than a call per token.
    pub(crate) fn push_all(&mut self, out: &mut Vec<Token<'t>>) {
        while let Some(t) = self.next_token() {
            out.push(t);
        }
    }

    #[inline(always)]
    fn next_token(&mut self) -> Option<Token<'t>> {
        if self.next_pending < self.pending.len() {
            return self.next_pending();
        }
        self.fill()
    }
}

impl<'t> Iterator for Tokens<'t, '_> {
    type Item = Token<'t>;

    fn next(&mut self) -> Option<Token<'t>> {
        self.next_token()
    }
}

impl std::iter::FusedIterator for Tokens<'_, '_> {}

/// ASCII letters and digits, by byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The kind of a token of ASCII letters and digits: a number when it is
/// all digits (the first byte decides for most words).
#[inline]
pub(crate) fn word_kind(word: &[u8]) -> TokenKind {
    if word.first().is_some_and(u8::is_ascii_digit) && word.iter().all(u8::is_ascii_digit) {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// The high bit of each byte of `w` that is an ASCII letter or digit:
/// range tests on the seven low bits of every byte at once (a sum with a
/// byte's high bit clear never carries into the next byte).
#[inline]
fn alnum_bits(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = w & !HIGH_BITS;
    // 0x30..=0x39.
    let digit = x.wrapping_add(0x50 * ONES) & !x.wrapping_add(0x46 * ONES);
    // 0x61..=0x7a once bit 5 is set: both cases of a letter, nothing else.
    let l = x | (0x20 * ONES);
    let letter = l.wrapping_add(0x1f * ONES) & !l.wrapping_add(0x05 * ONES);
    (digit | letter) & !w & HIGH_BITS
}

/// The end of the run of ASCII letters and digits from byte `at`, eight
/// bytes at a time.
#[inline]
pub(crate) fn alnum_run(bytes: &[u8], mut at: usize) -> usize {
    while let Some(w) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let other = !alnum_bits(u64::from_le_bytes(*w)) & HIGH_BITS;
        if other != 0 {
            return at + (other.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(|&b| ASCII_ALNUM[usize::from(b)]) {
        at += 1;
    }
    at
}

/// The character at byte offset `i` (which must be a char boundary).
#[inline]
fn next_char(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        // ASCII: no decoding (and `i` is a boundary).
        Some(&b) if b < 0x80 => char::from(b),
        _ => text[i..].chars().next().unwrap_or('\0'),
    }
}

/// The character that ends right before byte offset `i`.
#[inline]
fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// Clitics that UD English splits off as words of their own.
pub(crate) fn clitic(tail: &str) -> bool {
    matches!(
        tail,
        "s" | "S" | "re" | "RE" | "ve" | "VE" | "ll" | "LL" | "d" | "D" | "m" | "M"
    )
}

struct Chunk<'t, 'o> {
    text: &'t str,
    tables: &'o Tables,
    end: usize,
    out: &'o mut Vec<Raw>,
    /// Offset of the next '@' at or after the scan position (or `end`), so
    /// that looking for e-mail addresses stays linear in the chunk.
    next_at: usize,
    at_known: bool,
    /// Whether the previous chunk ended with terminal punctuation.
    after_terminal: bool,
    /// Whether the previous chunk ended with a closing quote mark.
    after_close: bool,
}

impl Chunk<'_, '_> {
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.out.push(Raw {
            start,
            end,
            kind,
            split: 0,
        });
    }

    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        if i < self.end {
            Some(next_char(self.text, i))
        } else {
            None
        }
    }

    fn scan(&mut self, start: usize) {
        let mut i = start;
        while i < self.end {
            if !self.at_known || self.next_at < i {
                self.at_known = true;
                self.next_at = memchr_byte(b'@', &self.text.as_bytes()[i..self.end])
                    .map_or(self.end, |k| i + k);
            }
            let c = next_char(self.text, i);
            if chars::is_word_char(c) && !chars::is_mark(c) {
                if let Some(e) = self.url_or_email(i) {
                    self.push(i, e, TokenKind::Url);
                    i = e;
                    continue;
                }
                i = self.word(i);
                continue;
            }
            let len = c.len_utf8();
            let mut e = i + len;
            let kind = if c == '.' {
                e = self.run_of(i, |c| c == '.');
                TokenKind::Punctuation
            } else if chars::is_terminal(c) {
                e = self.run_of(i + len, |d| d == c || matches!(d, '?' | '!' | '\u{2026}'));
                TokenKind::Punctuation
            } else if chars::is_apostrophe(c) && self.clitic_after(i).is_some() {
                // "'s" after an abbreviation ("Jr.'s") or "'90s".
                let k = self.clitic_after(i).unwrap_or(e);
                self.push(i, k, TokenKind::Word);
                i = k;
                continue;
            } else if let Some(shape) = chars::quote_shape(c) {
                if c == '`' || (c == '\'' && self.char_at(e) == Some('\'')) {
                    // ``quote'' in plain-text conventions.
                    e = self.run_of(i, |d| d == c);
                }
                match shape {
                    QuoteShape::Opening => TokenKind::OpenQuote,
                    QuoteShape::Closing => TokenKind::CloseQuote,
                    QuoteShape::Ambiguous => {
                        if c == '`' || self.opens_here(i, start) {
                            TokenKind::OpenQuote
                        } else {
                            TokenKind::CloseQuote
                        }
                    }
                }
            } else if chars::is_dash(c) {
                e = self.run_of(i, chars::is_dash);
                TokenKind::Dash
            } else if chars::is_hyphen(c) {
                e = self.run_of(i, chars::is_hyphen);
                if e - i > 1 || (i == start && e == self.end) {
                    TokenKind::Dash
                } else {
                    TokenKind::Punctuation
                }
            } else if let Some(k) = self.emoticon(i) {
                e = k;
                TokenKind::Symbol
            } else if chars::is_symbol(c) || c.is_control() || chars::is_mark(c) {
                // "***", "$$$", "====": a run of one sign is one token.
                e = self.run_of(i, |d| d == c);
                TokenKind::Symbol
            } else {
                TokenKind::Punctuation
            };
            // Every branch takes at least the character it started on.
            e = e.max(i + len);
            // Joiners, selectors and modifiers belong to the character before;
            // a zero-width joiner also takes the character after it.
            while let Some(m) = self.char_at(e) {
                if m == '\u{200D}' {
                    e += m.len_utf8();
                    if let Some(n) = self.char_at(e) {
                        e += n.len_utf8();
                    }
                } else if chars::is_mark(m) {
                    e += m.len_utf8();
                } else {
                    break;
                }
            }
            self.push(i, e, kind);
            i = e;
        }
    }

    /// An emoticon at `i` (":)", ":-(", ";D"): its end.
    fn emoticon(&self, i: usize) -> Option<usize> {
        let b = &self.text.as_bytes()[i..self.end];
        if b.len() < 2 || !matches!(b[0], b':' | b';') {
            return None;
        }
        let k = if matches!(b[1], b'-' | b'\'') { 2 } else { 1 };
        let face = *b.get(k)?;
        if !matches!(
            face,
            b')' | b'(' | b'D' | b'P' | b'p' | b'/' | b'|' | b']' | b'[' | b'O' | b'o'
        ) {
            return None;
        }
        let e = i + k + 1;
        let ends = self.char_at(e).is_none_or(|d| !chars::is_word_char(d));
        let after_space = i == 0
            || !self
                .out
                .last()
                .is_some_and(|p| p.end == i && p.kind == TokenKind::Number);
        (ends && after_space).then_some(e)
    }

    fn run_of(&self, i: usize, f: impl Fn(char) -> bool) -> usize {
        let mut e = i;
        while let Some(c) = self.char_at(e) {
            if !f(c) {
                break;
            }
            e += c.len_utf8();
        }
        e
    }

    /// Whether an ambiguous quote mark at `i` opens: at the start of its
    /// chunk, or after an opening bracket, dash or another opening mark.
    fn opens_here(&self, i: usize, chunk_start: usize) -> bool {
        if i == chunk_start {
            // A mark alone in its chunk, or before nothing but punctuation,
            // closes when it follows a word ("he said ' ." is rare; "' ." after
            // a quotation is common): decide by what follows.
            let c = next_char(self.text, i);
            return match self.char_at(i + c.len_utf8()) {
                Some(n) => {
                    chars::is_word_char(n)
                        || chars::quote_shape(n).is_some()
                        || matches!(n, '(' | '[' | '$' | '\u{2026}')
                }
                // Alone between spaces: after a sentence's final mark it
                // closes the quotation ("… the phrase. ' And"), and after
                // a closing mark too (the space between nested marks: "the
                // term 'outreach,' \" he said"); else it opens.
                None => !self.after_terminal && !self.after_close,
            };
        }
        match self.out.last() {
            Some(prev) if prev.end == i => {
                matches!(prev.kind, TokenKind::OpenQuote | TokenKind::Dash)
                    || matches!(&self.text[prev.start..prev.end], "(" | "[" | "{" | "<")
            }
            _ => true,
        }
    }

    /// A clitic or decade written with a leading apostrophe ("'s" right after
    /// a token in the same chunk, "'90s"): its end.
    fn clitic_after(&self, i: usize) -> Option<usize> {
        let a = i + next_char(self.text, i).len_utf8();
        let k = self.run_of(a, chars::is_word_char);
        if k == a || self.char_at(k).is_some_and(chars::is_apostrophe) {
            return None;
        }
        let tail = &self.text[a..k];
        let adjacent = self.out.last().is_some_and(|p| p.end == i);
        if adjacent && clitic(tail) {
            return Some(k);
        }
        let b = tail.as_bytes();
        if b.len() == 3 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && b[2] == b's' {
            return Some(k);
        }
        None
    }

    /// A URL ("https://…", "www.…") or e-mail address starting at `i`: its end.
    fn url_or_email(&self, i: usize) -> Option<usize> {
        let rest = &self.text[i..self.end];
        let b = rest.as_bytes();
        let lower_starts =
            |p: &str| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
        // Every URL prefix starts with h, f or w.
        let is_url = b
            .first()
            .is_some_and(|&c| matches!(c | 0x20, b'h' | b'f' | b'w'))
            && (lower_starts("http://")
                || lower_starts("https://")
                || lower_starts("ftp://")
                || (lower_starts("www.") && b.len() > 6));
        if is_url {
            return Some(i + trim_url_end(rest));
        }
        // e-mail: local@domain.tld, with the next '@' of the chunk.
        if self.next_at < i {
            return None;
        }
        let at = self.next_at - i;
        // RFC 5321 limits the local part to 64 bytes, which also keeps this
        // check linear in the chunk.
        if at >= b.len() || at > 64 {
            return None;
        }
        if at == 0
            || !b[..at].iter().all(|&c| {
                c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
            })
        {
            return None;
        }
        let mut e = at + 1;
        while e < b.len() && (b[e].is_ascii_alphanumeric() || matches!(b[e], b'.' | b'-')) {
            e += 1;
        }
        while e > at + 1 && matches!(b[e - 1], b'.' | b'-') {
            e -= 1;
        }
        let domain = &b[at + 1..e];
        let dot = domain.iter().rposition(|&c| c == b'.')?;
        if dot == 0 || dot + 1 >= domain.len() {
            return None;
        }
        Some(i + e)
    }

    /// Scans a word from `i`: letters and digits with the joiners that keep
    /// a token whole (inner periods, digit separators, prefix hyphens,
    /// apostrophes), then an abbreviation's final period. Returns its end.
    fn word(&mut self, i: usize) -> usize {
        let text = self.text;
        let mut j = i;
        let mut seg_start = i;
        let mut split = 0u32;
        let mut inner_dot = false;
        let mut digits_only = true;
        let bytes = text.as_bytes();
        loop {
            // ASCII letters and digits in a tight loop, then any other word
            // characters.
            // (Digits first, while the word may still be a number.)
            if digits_only {
                while j < self.end && bytes.get(j).is_some_and(u8::is_ascii_digit) {
                    j += 1;
                }
            }
            while j < self.end
                && let Some(&b) = bytes.get(j)
                && ASCII_ALNUM[usize::from(b)]
            {
                digits_only = false;
                j += 1;
            }
            while let Some(c) = self.char_at(j) {
                if !chars::is_word_char(c) {
                    break;
                }
                digits_only &= c.is_ascii_digit();
                j += c.len_utf8();
            }
            let Some(c) = self.char_at(j) else { break };
            let after = j + c.len_utf8();
            let Some(n) = self.char_at(after) else { break };
            if !chars::is_word_char(n) {
                break;
            }
            let p = prev_char(text, j).unwrap_or(' ');
            match c {
                '.' => {
                    inner_dot = true;
                    digits_only &= n.is_ascii_digit();
                    j = after;
                }
                ',' if p.is_ascii_digit() && n.is_ascii_digit() && digits_only => {
                    j = after;
                }
                ':' | '/' if p.is_ascii_digit() && n.is_ascii_digit() => {
                    j = after;
                }
                '&' if p.is_ascii_uppercase() && n.is_ascii_uppercase() => {
                    j = after;
                }
                c if chars::is_hyphen(c) => {
                    if (p.is_ascii_digit() && n.is_ascii_digit() && digits_only)
                        || self.tables.is_hyphen_prefix(&text[seg_start..j])
                    {
                        j = after;
                        seg_start = j;
                    } else {
                        break;
                    }
                }
                c if chars::is_apostrophe(c) => {
                    let k = self.run_of(after, chars::is_word_char);
                    let tail = &text[after..k];
                    let ends = self.char_at(k).is_none_or(|d| !chars::is_word_char(d));
                    let word_before = &text[i..j];
                    if ends && word_before.chars().any(char::is_alphabetic) {
                        if clitic(tail) {
                            split = (j - i) as u32;
                        } else if (tail == "t" || tail == "T")
                            && (word_before.ends_with('n') || word_before.ends_with('N'))
                            && word_before.len() > 1
                        {
                            split = (j - 1 - i) as u32;
                        }
                    }
                    j = k;
                    digits_only = false;
                    if split > 0 {
                        break;
                    }
                }
                _ => break,
            }
        }
        let numeric =
            text[i..j].starts_with(|c: char| c.is_ascii_digit()) && is_numeric(&text[i..j]);
        let mut kind = if digits_only || numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        if split == 0 && self.char_at(j) == Some('.') && self.char_at(j + 1) != Some('.') {
            let word = &text[i..j];
            if is_abbreviation(self.tables, text, word, inner_dot, j + 1) {
                j += 1;
                kind = TokenKind::Abbreviation;
            }
        }
        self.out.push(Raw {
            start: i,
            end: j,
            kind,
            split,
        });
        j
    }
}

/// Whether `word`, before a period that ends at `after`, keeps the period
/// as an abbreviation (a listed one, "U.S"-like letter groups, an initial).
pub(crate) fn is_abbreviation(
    tables: &Tables,
    text: &str,
    word: &str,
    inner_dot: bool,
    after: usize,
) -> bool {
    match tables.abbreviation(word) {
        Some(AbbreviationClass::Number) => {
            // "No. 5", "p. 55": only before a number.
            let rest = text[after..].trim_start_matches(chars::is_space);
            return rest.starts_with(|c: char| c.is_ascii_digit());
        }
        Some(_) => return true,
        None => {}
    }
    if inner_dot {
        // U.S, e.g, Ph.D: letters in short groups separated by periods.
        return word
            .split('.')
            .all(|g| !g.is_empty() && g.len() <= 3 && g.chars().all(char::is_alphabetic));
    }
    // An initial: one capital letter.
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

fn is_numeric(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-'))
}

fn memchr_byte(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

/// Trailing punctuation that belongs to the sentence, not the URL.
fn trim_url_end(url: &str) -> usize {
    let mut e = url.len();
    let opens = url.matches('(').count();
    let closes = url.matches(')').count();
    let mut extra_close = closes.saturating_sub(opens);
    while let Some(c) = url[..e].chars().next_back() {
        let strip = match c {
            ')' if extra_close > 0 => {
                extra_close -= 1;
                true
            }
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '\u{201D}' | '\u{2019}' | '>'
            | ']' | '}' => true,
            _ => false,
        };
        if !strip {
            break;
        }
        e -= c.len_utf8();
    }
    e
}

/// The tokens [`Chunk::scan`] makes of the chunk `start..end` of `text`
/// (without an '@', and not after terminal punctuation): what the plain
/// scanner is tested against.
#[cfg(test)]
pub(crate) fn general_scan(text: &str, tables: &Tables, start: usize, end: usize) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut chunk = Chunk {
        text,
        tables,
        end,
        out: &mut out,
        next_at: end,
        at_known: true,
        after_terminal: false,
        after_close: false,
    };
    chunk.scan(start);
    out
}
