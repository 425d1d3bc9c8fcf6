//! The token view: [`Ctx`], built once per document, with one entry per
//! token (its lowercased text, its lexicon entry, a line-break flag), the
//! sentence of each token and the next clause break after it, and the small
//! token predicates the patterns share (`is_cap`, `is_wordish`,
//! `is_punct`, `Ctx::is_name_word`, `Ctx::trimmed_end`, …).
//!
//! In "Sen. Smith said, “We won.”" the view knows that "Sen." and "Smith"
//! are capitalized words, that "said" is a cue form, and where the
//! quotation opens and closes.

use std::ops::Range;

use newsnlp_tokenize::{Token, TokenKind, Tokenized};

use newsnlp_text::hash::short_key;

use crate::lexicon::{self as lx, CueForm, Lexicon, Word, WordSet};
use crate::marks::{self, Quoted};

pub(crate) struct Ctx<'a, 't> {
    pub doc: &'a Tokenized<'t>,
    pub toks: &'a [Token<'t>],
    pub lex: &'a Lexicon,
    pub quotes: Vec<Quoted>,
    /// For each token, the quotation holding it (or `u32::MAX`).
    pub owner: Vec<u32>,
    /// For each token, what the rules look up about it, computed once.
    tk: Vec<Tk<'a>>,
    /// For each token, the next clause break at or after it (`;`, `, according
    /// to`, `, saying`), or the number of tokens; one more entry for the end.
    next_break: Vec<usize>,
    /// For each token, the index of its sentence.
    sent: Vec<u32>,
    pub scare_words: usize,
    /// Longest quoted phrase inside a reported clause that is also a
    /// direct quote of its own.
    pub inner_words: usize,
}

/// Token flag: its [`Tk::lower`] is its [`str::to_lowercase`] (it is ASCII
/// or has an uppercase letter).
const EXACT_LOWER: u8 = 1;
/// Token flag: a line break separates it from the token before.
const LINE_BREAK: u8 = 2;
/// The low half of the [`short_key`] of "and" and "but".
const AND_KEY: u64 = u64::from_le_bytes(*b"and\0\0\0\0\0");
const BUT_KEY: u64 = u64::from_le_bytes(*b"but\0\0\0\0\0");

/// What the rules look up about one token.
#[derive(Clone, Copy, Debug)]
struct Tk<'a> {
    /// The token lowercased ([`str::to_lowercase`] when it has an uppercase
    /// letter, else as written).
    lower: &'a str,
    /// Its entry in the lexicon.
    word: Option<&'a Word>,
    /// [`EXACT_LOWER`] and [`LINE_BREAK`] bits.
    flags: u8,
}

/// The [`short_key`] of token text `w` (at most [`lx::SHORT`] bytes),
/// which starts at byte `at` of `text`: its bytes as two little-endian
/// integers, its length in the top byte. Two loads from the text when 16
/// bytes are left there.
pub(super) fn load16(text: &[u8], at: usize, w: &str) -> (u64, u64) {
    let b = w.as_bytes();
    if let Some(c) = text.get(at..)
        && std::ptr::eq(c.as_ptr(), b.as_ptr())
        && let Some((bytes, _)) = c.split_first_chunk::<16>()
        && b.len() <= lx::SHORT
    {
        // The low `n` bytes (none for an empty token: the shift is 128).
        let n = b.len() as u32;
        let mask = u128::MAX.checked_shr(128 - 8 * n).unwrap_or(0);
        let v = u128::from_le_bytes(*bytes) & mask;
        return (v as u64, ((v >> 64) as u64) | (u64::from(n) << 56));
    }
    short_key(w).unwrap_or_default()
}

/// Whether the bytes hold a line feed (a plain loop: the gaps between
/// tokens are a byte or two, too short for `memchr` to pay off).
pub(super) fn has_newline(gap: &[u8]) -> bool {
    for &c in gap {
        if c == b'\n' {
            return true;
        }
    }
    false
}

pub(super) fn is_cap(t: &Token<'_>) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn is_wordish(t: &Token<'_>) -> bool {
    matches!(
        t.kind,
        TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number
    )
}

pub(super) fn is_punct(t: &Token<'_>, p: &str) -> bool {
    t.kind == TokenKind::Punctuation && t.text == p
}

pub(super) fn is_final_punct(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Punctuation
        && t.text
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | ';'))
}

/// What the first look at a token finds.
struct Looked<'a> {
    /// Its lexicon entry, when it is short ASCII (the others are looked up
    /// later by their lowercased text).
    word: Option<&'a Word>,
    /// Whether it is ASCII (known only for ASCII tokens).
    ascii: bool,
    /// Whether it has an ASCII capital (known only for ASCII tokens).
    upper: bool,
    /// Whether it may be a clause break (`;`, `,`, "and", "but"; or any
    /// token that is not short ASCII), for `Ctx::is_break` to tell.
    maybe_break: bool,
}

/// The lexicon entry of token `t` of `text` when it is short ASCII (read
/// as integers and lowercased in them), and what else the first pass
/// learns of it.
#[inline]
fn look_up<'a>(lex: &'a Lexicon, text: &[u8], t: &Token<'_>) -> Looked<'a> {
    let b = t.text.as_bytes();
    let mut word = None;
    let (mut ascii, mut upper) = (false, false);
    let mut maybe_break = true;
    if let [c] = *b
        && c.is_ascii()
    {
        // One ASCII byte: most punctuation, "a", "I".
        let l = c.to_ascii_lowercase();
        word = lex.word_by_key((u64::from(l), 1 << 56));
        (ascii, upper) = (true, c.is_ascii_uppercase());
        maybe_break = l == b';' || l == b',';
    } else if b.len() <= lx::SHORT {
        let (w0, w1) = load16(text, t.span.start, t.text);
        if (w0 | w1) & lx::HIGH_BITS == 0 {
            let (u0, u1) = (lx::upper_bits(w0), lx::upper_bits(w1));
            // Bit 5 makes an ASCII capital small.
            let (l0, l1) = (w0 | (u0 >> 2), w1 | (u1 >> 2));
            word = lex.word_by_key((l0, l1));
            (ascii, upper) = (true, (u0 | u1) != 0);
            maybe_break = b.len() == 3 && (l0 == AND_KEY || l0 == BUT_KEY);
        }
    } else if t.text.is_ascii() {
        (ascii, upper) = (true, b.iter().any(u8::is_ascii_uppercase));
    }
    Looked {
        word,
        ascii,
        upper,
        maybe_break,
    }
}

impl<'a, 't> Ctx<'a, 't> {
    /// The context of `doc`; the tokens that have uppercase letters are
    /// lowercased into `buf`, which the context borrows.
    pub fn new(
        doc: &'a Tokenized<'t>,
        lex: &'a Lexicon,
        buf: &'a mut String,
        scare_words: usize,
        inner_words: usize,
    ) -> Self {
        let toks = doc.tokens();
        let (quotes, owner) = marks::pair(toks);
        let n = toks.len();
        let text = doc.text().as_bytes();
        // Tokens lowercased into `buf`: (token, start, end).
        let mut owned: Vec<(usize, usize, usize)> = Vec::with_capacity(n / 4);
        // Tokens to look up by their lowercased text (non-ASCII or long).
        let mut pending: Vec<usize> = Vec::new();
        // Tokens that may be clause breaks.
        let mut candidates: Vec<usize> = Vec::with_capacity(n / 4);
        let mut tk: Vec<Tk<'a>> = Vec::with_capacity(n);
        buf.clear();
        let mut prev_end = None;
        for (i, t) in toks.iter().enumerate() {
            let b = t.text.as_bytes();
            let Looked {
                word,
                ascii,
                mut upper,
                maybe_break,
            } = look_up(lex, text, t);
            let mut f = EXACT_LOWER;
            if !ascii {
                upper = t.text.chars().any(char::is_uppercase);
                if !upper {
                    f &= !EXACT_LOWER;
                }
            }
            if !ascii || b.len() > lx::SHORT {
                pending.push(i);
            }
            if maybe_break {
                candidates.push(i);
            }
            if upper {
                let start = buf.len();
                if ascii {
                    buf.push_str(t.text);
                    if let Some(s) = buf.get_mut(start..) {
                        s.make_ascii_lowercase();
                    }
                } else {
                    buf.push_str(&t.text.to_lowercase());
                }
                owned.push((i, start, buf.len()));
            }
            if let Some(a) = prev_end
                && text.get(a..t.span.start).is_some_and(has_newline)
            {
                f |= LINE_BREAK;
            }
            prev_end = Some(t.span.end);
            tk.push(Tk {
                lower: t.text,
                word,
                flags: f,
            });
        }
        let buf: &'a String = buf;
        for (i, a, b) in owned {
            if let Some(x) = tk.get_mut(i) {
                x.lower = buf.get(a..b).unwrap_or("");
            }
        }
        for i in pending {
            if let Some(x) = tk.get_mut(i) {
                x.word = lex.word(x.lower);
            }
        }
        let mut sent = vec![0u32; toks.len()];
        for (si, s) in doc.sentences().iter().enumerate() {
            for x in &mut sent[s.tokens.start.min(toks.len())..s.tokens.end.min(toks.len())] {
                *x = si as u32;
            }
        }
        let mut ctx = Ctx {
            doc,
            toks,
            lex,
            quotes,
            owner,
            tk,
            next_break: Vec::new(),
            sent,
            scare_words,
            inner_words,
        };
        // Only the few candidates are tested; the stretches up to each break
        // are filled in one go.
        candidates.retain(|&i| ctx.is_break(i));
        let mut next_break = vec![n; n + 1];
        let mut from = 0;
        for &b in &candidates {
            if let Some(run) = next_break.get_mut(from..=b) {
                run.fill(b);
            }
            from = b + 1;
        }
        ctx.next_break = next_break;
        ctx
    }

    /// The first clause break at or after token `j`, or the number of
    /// tokens when there is none; `None` for `j` past that number.
    pub(super) fn next_break(&self, j: usize) -> Option<usize> {
        self.next_break.get(j).copied()
    }

    /// Token `i` lowercased ("" past the end).
    pub fn lw(&self, i: usize) -> &'a str {
        self.tk.get(i).map_or("", |t| t.lower)
    }

    /// Token `i` lowercased exactly as [`str::to_lowercase`] does, when
    /// [`Ctx::lw`] has it that way (not for a non-ASCII token without an
    /// uppercase letter).
    pub fn exact_lower(&self, i: usize) -> Option<&'a str> {
        self.tk
            .get(i)
            .filter(|t| t.flags & EXACT_LOWER != 0)
            .map(|t| t.lower)
    }

    pub(super) fn flags(&self, i: usize) -> u8 {
        self.tk.get(i).map_or(0, |t| t.flags)
    }

    /// The lexicon's entry for token `i`, if any.
    pub(super) fn word(&self, i: usize) -> Option<&'a Word> {
        self.tk.get(i).and_then(|t| t.word)
    }

    /// Whether token `i` is in one of the word classes of `set`.
    pub(super) fn is(&self, i: usize, set: WordSet) -> bool {
        self.word(i).is_some_and(|w| w.sets & set != 0)
    }

    /// The cue forms token `i` may be.
    pub(super) fn cue(&self, i: usize) -> &'a [CueForm] {
        self.word(i).map_or(&[], |w| w.forms.as_slice())
    }

    /// Whether token `i` lowercased and trimmed is in the word classes of `set`.
    pub(super) fn is_trimmed(&self, i: usize, set: WordSet) -> bool {
        let w = self.lw(i);
        let t = w.trim();
        if t.len() == w.len() {
            self.is(i, set)
        } else {
            self.lex.is(set, t)
        }
    }

    /// Whether the stem of token `i` (before a clitic: "he" of "he's"),
    /// lowercased, is an auxiliary.
    pub(super) fn stem_is_aux(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let stem = t.stem();
        if stem.len() == t.text.len() && self.flags(i) & EXACT_LOWER != 0 {
            self.is(i, lx::AUX)
        } else {
            self.lex.is_ci(lx::AUX, stem)
        }
    }

    pub(super) fn is_break(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let n = self.toks.len();
        if t.kind == TokenKind::Punctuation {
            if t.text == ";" {
                return true;
            }
            if t.text == "," && i + 1 < n {
                if self.is(i + 1, lx::CLAUSE_BREAKS) {
                    return true;
                }
                if self.cue(i + 1).iter().any(|f| f.ing) {
                    return true;
                }
            }
        }
        // "said that A and praised B": a second verb of the same subject.
        matches!(self.lw(i), "and" | "but")
            && i + 1 < n
            && !is_cap(&self.toks[i + 1])
            && self.cue(i + 1).iter().any(|f| !f.ing)
    }

    pub(super) fn in_any_quote(&self, i: usize) -> bool {
        self.owner.get(i).is_some_and(|&o| o != u32::MAX)
    }

    pub(super) fn quote_of(&self, i: usize) -> Option<usize> {
        self.owner
            .get(i)
            .and_then(|&o| (o != u32::MAX).then_some(o as usize))
    }

    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        let si = self.sent.get(i).copied().unwrap_or(0) as usize;
        self.doc
            .sentences()
            .get(si)
            .map_or(i..i + 1, |s| s.tokens.clone())
    }

    /// The end of a sentence's content: before final punctuation and
    /// closing quote marks that close nothing inside.
    pub(super) fn trimmed_end(&self, start: usize, end: usize) -> usize {
        let mut e = end;
        while e > start {
            let t = &self.toks[e - 1];
            if is_final_punct(t) || is_punct(t, ",") || t.kind == TokenKind::Dash {
                e -= 1;
            } else if t.kind == TokenKind::CloseQuote {
                // Keep a closing mark whose quotation opened inside.
                match self.quote_of(e - 1) {
                    Some(q) if self.quotes[q].open >= start => break,
                    _ => e -= 1,
                }
            } else {
                break;
            }
        }
        e
    }

    /// Whether token `i` opens its sentence (or follows an opening mark,
    /// a colon or a dash there), where capitals say nothing.
    pub(super) fn sentence_initial(&self, i: usize) -> bool {
        let ss = self.sentence_range(i).start;
        i - ss.min(i) <= 4
            && (ss..i).all(|k| {
                let t = &self.toks[k];
                t.kind == TokenKind::OpenQuote
                    || t.kind == TokenKind::Dash
                    || is_punct(t, "(")
                    || is_punct(t, ":")
            })
    }

    /// A capitalized word inside a sentence, or an all-capitals one: a name.
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !is_cap(t) || !is_wordish(t) {
            return false;
        }
        let all_caps = t.text.len() >= 2 && t.text.chars().all(|c| !c.is_lowercase());
        all_caps || !self.sentence_initial(i)
    }

    pub(super) fn is_np_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !is_wordish(t) {
            return false;
        }
        if self.is_name_word(i) && self.lw(i) != "i" {
            return true;
        }
        let w = self.lw(i);
        if t.kind == TokenKind::Word && !is_cap(t) && w.len() > 4 && w.ends_with("ly") {
            return false;
        }
        if self.is(i, lx::STOP) {
            return false;
        }
        if self.is(i, lx::SUBJECT_PRONOUNS) && w != "it" {
            return false;
        }
        if !is_cap(t) && !self.cue(i).is_empty() {
            return false;
        }
        true
    }

    /// Whether a line break separates token `i` from the one before.
    pub(super) fn line_break_before(&self, i: usize) -> bool {
        self.flags(i) & LINE_BREAK != 0
    }

    pub(super) fn is_hyphen_joint(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == TokenKind::Punctuation
            && (t.text == "-" || t.text == "‐")
            && !t.space_before
            && self.toks.get(i + 1).is_some_and(|n| !n.space_before)
    }

    /// Whether token `i` starts a paragraph or a line.
    pub(super) fn line_start(&self, i: usize) -> bool {
        let toks = self.toks;
        i == 0 || toks[i - 1].paragraph != toks[i].paragraph || self.line_break_before(i)
    }

    /// Whether most words of the sentence are capitalized (a headline).
    pub(super) fn title_case(&self, ss: usize, se: usize) -> bool {
        let (mut words, mut caps) = (0, 0);
        for t in &self.toks[ss..se.min(ss + 40)] {
            if t.kind == TokenKind::Word && t.text.len() > 3 {
                words += 1;
                caps += usize::from(is_cap(t));
            }
        }
        words >= 3 && caps * 4 >= words * 3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_bits_marks_capitals() {
        for a in 0u8..0x80 {
            for b in [0u8, b'a', b'Z', 0x7f] {
                let w = u64::from_le_bytes([b, a, b, a, 0, a, b, a]);
                let want = [b, a, b, a, 0, a, b, a]
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.is_ascii_uppercase())
                    .fold(0u64, |m, (j, _)| m | (0x80 << (8 * j)));
                assert_eq!(lx::upper_bits(w), want, "{a:#x} {b:#x}");
            }
        }
    }

    #[test]
    fn load16_is_short_key() {
        let text = "Lavrov said: “We talked frankly,” Secretary-of-State Tillerson x";
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            for end in at..(at + lx::SHORT).min(bytes.len()) + 1 {
                let Some(w) = text.get(at..end) else { continue };
                assert_eq!(Some(load16(bytes, at, w)), short_key(w), "{at}..{end}");
            }
        }
        // A slice from elsewhere is read by itself.
        assert_eq!(Some(load16(bytes, 0, "said")), short_key("said"));
    }
}
