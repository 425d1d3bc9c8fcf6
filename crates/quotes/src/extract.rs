//! The attribution rules: cues, sources and contents over the tokens.
//!
//! Everything here works on token indices; `lib.rs` turns the results into
//! byte spans and resolves speakers. Every loop either moves forward
//! through the tokens once or looks around a cue within a fixed window, so
//! the cost is linear in the length of the text.

use std::ops::Range;

use newsnlp_tokenize::{Token, TokenKind, Tokenized};

use crate::lexicon::{self as lx, CueClass, CueForm, Lexicon, Word, WordSet};
use crate::marks::{self, Quoted};

pub(crate) use crate::types::Rule as Pattern;

/// One attribution in token indices.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub pattern: Pattern,
    pub class: CueClass,
    /// Content tokens (end exclusive).
    pub content: Range<usize>,
    /// The quotation that is the whole content, if it is one.
    pub quote: Option<usize>,
    /// A later quotation the content runs to (`“A,” she said, “B.”`).
    pub quote_end: Option<usize>,
    pub cue: Option<Range<usize>>,
    pub source: Option<Range<usize>>,
    /// Speaker inherited from an earlier attribution (its index in the output).
    pub inherit: Option<usize>,
}

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

/// Longest source phrase, in tokens.
const MAX_SOURCE: usize = 12;
/// How far a cue looks for "that" or the object of "told".
const THAT_WINDOW: usize = 9;

/// Token flag: its [`Tk::lower`] is its [`str::to_lowercase`] (it is ASCII
/// or has an uppercase letter).
const EXACT_LOWER: u8 = 1;
/// Token flag: a line break separates it from the token before.
const LINE_BREAK: u8 = 2;
/// [`lx::short_key`] of "and" and "but".
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

/// Weekdays and the days around today ("on Monday", "yesterday").
fn is_day_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "tonight"
    )
}

/// Token text `b` (at most 16 bytes), which starts at byte `at` of `text`,
/// as [`lx::short_key`] has it: two little-endian integers, zero-padded. Two
/// loads from the text when 16 bytes are left there.
fn load16(text: &[u8], at: usize, b: &[u8]) -> (u64, u64) {
    if let Some(c) = text.get(at..)
        && std::ptr::eq(c.as_ptr(), b.as_ptr())
        && let Some((w, _)) = c.split_first_chunk::<16>()
        && let Ok(n) = u32::try_from(b.len())
    {
        // The low `n` bytes (none for an empty token: the shift is 128).
        let mask = u128::MAX.checked_shr(128 - 8 * n).unwrap_or(0);
        let v = u128::from_le_bytes(*w) & mask;
        return (v as u64, (v >> 64) as u64);
    }
    lx::short_key(b)
}

/// Whether the bytes hold a line feed (a plain loop: the gaps between
/// tokens are a byte or two, too short for `memchr` to pay off).
fn has_newline(gap: &[u8]) -> bool {
    for &c in gap {
        if c == b'\n' {
            return true;
        }
    }
    false
}

fn is_cap(t: &Token<'_>) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

fn is_wordish(t: &Token<'_>) -> bool {
    matches!(
        t.kind,
        TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number
    )
}

fn is_punct(t: &Token<'_>, p: &str) -> bool {
    t.kind == TokenKind::Punctuation && t.text == p
}

fn is_final_punct(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Punctuation
        && t.text
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | ';'))
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
            let mut word = None;
            let (mut ascii, mut upper) = (false, false);
            let mut f = EXACT_LOWER;
            // Whether it may be a clause break (`;`, `,`, "and", "but"; or
            // any token that is not short ASCII), for Ctx::is_break to tell.
            let mut maybe_break = true;
            if let [c] = *b
                && c.is_ascii()
            {
                // One ASCII byte: most punctuation, "a", "I".
                let l = c.to_ascii_lowercase();
                word = lex.word_by_key(u64::from(l), 0, 1);
                (ascii, upper) = (true, c.is_ascii_uppercase());
                maybe_break = l == b';' || l == b',';
            } else if b.len() <= lx::SHORT {
                let (w0, w1) = load16(text, t.span.start, b);
                if (w0 | w1) & lx::HIGH_BITS == 0 {
                    let (u0, u1) = (lx::upper_bits(w0), lx::upper_bits(w1));
                    // Bit 5 makes an ASCII capital small.
                    let (l0, l1) = (w0 | (u0 >> 2), w1 | (u1 >> 2));
                    word = lex.word_by_key(l0, l1, b.len());
                    (ascii, upper) = (true, (u0 | u1) != 0);
                    maybe_break = b.len() == 3 && (l0 == AND_KEY || l0 == BUT_KEY);
                }
            } else if t.text.is_ascii() {
                (ascii, upper) = (true, b.iter().any(u8::is_ascii_uppercase));
            }
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
    fn next_break(&self, j: usize) -> Option<usize> {
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

    fn flags(&self, i: usize) -> u8 {
        self.tk.get(i).map_or(0, |t| t.flags)
    }

    /// The lexicon's entry for token `i`, if any.
    fn word(&self, i: usize) -> Option<&'a Word> {
        self.tk.get(i).and_then(|t| t.word)
    }

    /// Whether token `i` is in one of the word classes of `set`.
    fn is(&self, i: usize, set: WordSet) -> bool {
        self.word(i).is_some_and(|w| w.sets & set != 0)
    }

    /// The cue forms token `i` may be.
    fn cue(&self, i: usize) -> &'a [CueForm] {
        self.word(i).map_or(&[], |w| w.forms.as_slice())
    }

    /// Whether token `i` lowercased and trimmed is in the word classes of `set`.
    fn is_trimmed(&self, i: usize, set: WordSet) -> bool {
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
    fn stem_is_aux(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let stem = t.stem();
        if stem.len() == t.text.len() && self.flags(i) & EXACT_LOWER != 0 {
            self.is(i, lx::AUX)
        } else {
            self.lex.is_ci(lx::AUX, stem)
        }
    }

    fn is_break(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let n = self.toks.len();
        if t.kind == TokenKind::Punctuation {
            if t.text == ";" {
                return true;
            }
            if t.text == "," && i + 1 < n {
                let next = self.lw(i + 1);
                if matches!(
                    next,
                    "according" | "but" | "while" | "although" | "though" | "whereas"
                ) {
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

    fn in_any_quote(&self, i: usize) -> bool {
        self.owner.get(i).is_some_and(|&o| o != u32::MAX)
    }

    fn quote_of(&self, i: usize) -> Option<usize> {
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
    fn trimmed_end(&self, start: usize, end: usize) -> usize {
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
    fn sentence_initial(&self, i: usize) -> bool {
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
    fn is_name_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !is_cap(t) || !is_wordish(t) {
            return false;
        }
        let all_caps = t.text.len() >= 2 && t.text.chars().all(|c| !c.is_lowercase());
        all_caps || !self.sentence_initial(i)
    }

    fn is_np_word(&self, i: usize) -> bool {
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
    fn line_break_before(&self, i: usize) -> bool {
        self.flags(i) & LINE_BREAK != 0
    }

    fn is_hyphen_joint(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == TokenKind::Punctuation
            && (t.text == "-" || t.text == "‐")
            && !t.space_before
            && self.toks.get(i + 1).is_some_and(|n| !n.space_before)
    }

    /// The noun phrase ending right before `end` (a subject), if any.
    fn np_left(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        if end <= lo {
            return None;
        }
        let last = end - 1;
        if self.is(last, lx::SUBJECT_PRONOUNS) && is_wordish(&self.toks[last]) {
            return Some(last..end);
        }
        let mut k = end;
        let mut n = 0;
        while k > lo && n < MAX_SOURCE {
            let j = k - 1;
            if self.line_break_before(j + 1) {
                break;
            }
            if self.is_hyphen_joint(j) {
                k -= 1;
                continue;
            }
            if is_punct(&self.toks[j], ")") && k == end {
                // "Sen. Bernie Sanders (I-Vt.) said".
                if let Some(o) = (j.saturating_sub(8).max(lo)..j)
                    .rev()
                    .find(|&o| is_punct(&self.toks[o], "("))
                {
                    k = o;
                    continue;
                }
                break;
            }
            if self.lw(j) == "and" && j > lo && k < end {
                let left = self.lw(j - 1);
                if matches!(left, "he" | "she" | "i" | "we" | "they")
                    && is_wordish(&self.toks[j - 1])
                {
                    // "he and other challengers", "she and her aides".
                    k = j - 1;
                    break;
                }
                let left_name = self.is_name_word(j - 1)
                    || (is_cap(&self.toks[j - 1])
                        && is_wordish(&self.toks[j - 1])
                        && !self.is(j - 1, lx::STOP | lx::DETERMINERS)
                        && self.cue(j - 1).is_empty());
                if left_name
                    && (is_cap(&self.toks[k])
                        || self.is(k, lx::DETERMINERS)
                        || self.is(end - 1, lx::PLURAL_SOURCES))
                {
                    // "Singer and Faso", "the State Department and the
                    // Pentagon", "Democrats and civil rights groups".
                    k -= 1;
                    n += 1;
                    continue;
                }
            }
            if !self.is_np_word(j) {
                break;
            }
            k -= 1;
            n += 1;
            if self.is(j, lx::DETERMINERS) {
                // "one of the officials": go on only through "of"; "he and
                // other senators": through a coordination.
                if k > lo + 1 && self.lw(k - 1) == "of" && self.is_np_word(k - 2) {
                    k -= 1;
                    continue;
                }
                if k > lo + 1
                    && (self.lw(k - 1) == "and"
                        || (self.is(k - 1, lx::DETERMINERS)
                            && !self.is_trimmed(j + 1, lx::DETERMINERS))
                        || self.toks[k - 1].kind == TokenKind::Number)
                {
                    continue;
                }
                break;
            }
        }
        // No phrase starts with a preposition, a time word or a hyphen.
        while k < end
            && (matches!(self.lw(k), "of" | "for" | "at")
                || (is_cap(&self.toks[k])
                    && (is_day_word(self.lw(k)) || matches!(self.lw(k), "now" | "then")))
                || self.toks[k].kind == TokenKind::Punctuation)
        {
            k += 1;
        }
        if k >= end {
            return None;
        }
        // A noun with a prepositional phrase: "a spokesman at the agency",
        // "people close to the campaign", "a new poll by the network".
        let timely = (k..end).any(|x| {
            let w = self.lw(x);
            is_day_word(w)
                || matches!(
                    w,
                    "week"
                        | "weekend"
                        | "month"
                        | "year"
                        | "night"
                        | "morning"
                        | "afternoon"
                        | "evening"
                )
        });
        if k > lo + 1 && !timely && !self.line_break_before(k) {
            let prep = self.lw(k - 1);
            let head = self.lw(k - 2);
            let ok = match prep {
                "at" | "in" | "from" | "by" | "on" => {
                    self.is(k - 2, lx::PLURAL_SOURCES | lx::TITLES)
                        || matches!(
                            head,
                            "poll"
                                | "survey"
                                | "study"
                                | "report"
                                | "analysis"
                                | "article"
                                | "official"
                                | "spokesman"
                                | "spokeswoman"
                                | "spokesperson"
                                | "aide"
                                | "adviser"
                                | "strategist"
                                | "source"
                        )
                }
                "with" | "to" => matches!(head, "familiar" | "close" | "loyal" | "allied"),
                _ => false,
            };
            if ok
                && !is_cap(&self.toks[k - 2])
                && let Some(r) = self.np_left(k - 1, lo.max(k.saturating_sub(MAX_SOURCE)))
                && r.end == k - 1
                && r.len() + (end - k) < MAX_SOURCE + 4
            {
                return Some(r.start..end);
            }
        }
        Some(k..end)
    }

    /// The source to the left of a cue starting at `c0`, and where the
    /// stretch before it ends (the source start, or the cue when there is
    /// none).
    fn source_left(&self, c0: usize, lo: usize) -> Option<Range<usize>> {
        let lo = lo.max(c0.saturating_sub(30));
        let mut j = c0;
        let mut skipped = 0;
        while j > lo && skipped < 4 {
            let w = self.lw(j - 1);
            let t = &self.toks[j - 1];
            let adverb =
                t.kind == TokenKind::Word && !is_cap(t) && w.len() > 4 && w.ends_with("ly");
            if is_wordish(t) && (self.is(j - 1, lx::AUX) || self.stem_is_aux(j - 1) || adverb) {
                j -= 1;
                skipped += 1;
            } else if is_punct(&self.toks[j - 1], ",") && skipped > 0 {
                // "he, however, said": not worth the risk; stop.
                break;
            } else {
                break;
            }
        }
        // "Others, however, say": a sentence adverb between commas.
        if j > lo + 3
            && is_punct(&self.toks[j - 1], ",")
            && is_punct(&self.toks[j - 3], ",")
            && matches!(
                self.lw(j - 2),
                "however" | "meanwhile" | "too" | "though" | "instead" | "moreover" | "also"
            )
        {
            return self.np_left(j - 3, lo);
        }
        if j > lo && is_punct(&self.toks[j - 1], ",") {
            // An appositive or relative clause between commas before the cue.
            let close = j - 1;
            let mut p = close;
            let floor = lo.max(close.saturating_sub(20));
            while p > floor && !is_punct(&self.toks[p - 1], ",") {
                // An apostrophe ("Sanders’ campaign") pairs with nothing.
                if is_final_punct(&self.toks[p - 1])
                    || (self.toks[p - 1].is_quote() && self.quote_of(p - 1).is_some())
                {
                    return None;
                }
                p -= 1;
            }
            if p == floor || p < 1 || !is_punct(&self.toks[p - 1], ",") {
                return None;
            }
            let open = p - 1;
            let first = self.lw(p);
            let head = self.np_left(open, lo)?;
            // "Mike Shields, president of the fund, a super PAC, said": a
            // second appositive before the first.
            let mut start = head.start;
            if start > lo + 1
                && is_punct(&self.toks[start - 1], ",")
                && !is_cap(&self.toks[start])
                && let Some(h2) = self.np_left(start - 1, lo)
                && is_cap(&self.toks[h2.start])
                && (h2.start == lo || !self.is(h2.start - 1, lx::STOP))
            {
                start = h2.start;
            }
            if !is_cap(&self.toks[start]) && !self.is(start, lx::DETERMINERS) {
                return None;
            }
            if matches!(first, "who" | "which") {
                // "Roy Neel, who managed the campaign, said": the clause is
                // part of the source.
                return Some(start..close);
            }
            if self.is(p, lx::DETERMINERS | lx::TITLES)
                || is_cap(&self.toks[p])
                || self.toks[p].kind == TokenKind::Number
                || (is_cap(&self.toks[head.start])
                    && !self.is(head.start, lx::DETERMINERS)
                    && self.toks[head.end - 1].kind != TokenKind::Number
                    && !self.is(p, lx::STOP | lx::TIME)
                    && self.cue(p).is_empty())
            {
                // "Mike DuHaime, a Republican strategist who ran two
                // campaigns, said", "Vikram Amar, dean of the law school, said"
                return Some(start..close);
            }
            return None;
        }
        self.np_left(j, lo)
    }

    /// The noun phrase starting at `start` (a source after its cue).
    fn np_right(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        self.np_right_with(start, hi, true)
    }

    /// [`Ctx::np_right`], with or without an appositive after a comma.
    fn np_right_with(&self, start: usize, hi: usize, appositive: bool) -> Option<Range<usize>> {
        if start >= hi {
            return None;
        }
        let w = self.lw(start);
        if self.is(start, lx::SUBJECT_PRONOUNS) && !matches!(w, "that" | "which" | "who") {
            return Some(start..start + 1);
        }
        if !is_wordish(&self.toks[start])
            || (self.is(start, lx::STOP) && !self.is_name_word(start))
            || matches!(w, "of" | "for")
        {
            return None;
        }
        let mut k = start;
        let hi = hi.min(start + MAX_SOURCE + 4);
        while k < hi {
            let t = &self.toks[k];
            if k > start && self.line_break_before(k) {
                break;
            }
            if self.is_hyphen_joint(k) {
                k += 1;
                continue;
            }
            if is_punct(t, ",") {
                // Keep an appositive: ", a Republican strategist".
                let n = self.lw(k + 1);
                if appositive
                    && k + 1 < hi
                    && self.is(k + 1, lx::DETERMINERS | lx::TITLES)
                    && !matches!(n, "who" | "which" | "that")
                {
                    k += 1;
                    continue;
                }
                break;
            }
            if !is_wordish(t) {
                break;
            }
            let w = self.lw(k);
            if k > start
                && !self.is_name_word(k)
                && (self.is(k, lx::STOP) && !matches!(w, "of"))
                && !self.is(k, lx::DETERMINERS)
            {
                break;
            }
            if matches!(w, "who" | "which" | "that") {
                break;
            }
            if k > start && !is_cap(t) && !self.cue(k).is_empty() {
                break;
            }
            k += 1;
        }
        while k > start && (is_punct(&self.toks[k - 1], ",") || self.lw(k - 1) == "of") {
            k -= 1;
        }
        (k > start).then_some(start..k)
    }

    /// The subject that opens the clause holding token `i` (for a
    /// participle or a second verb): after the last line break and after
    /// an introductory phrase ("Hours later, Trump …").
    fn subject(&self, ss: usize, i: usize) -> Option<Range<usize>> {
        let mut a = ss;
        for k in (ss.max(i.saturating_sub(60)) + 1..i).rev() {
            if self.line_break_before(k) {
                a = k;
                break;
            }
        }
        // An introductory phrase: up to a comma within the first words.
        let first = self.lw(a);
        let intro = matches!(
            first,
            "in" | "on"
                | "at"
                | "after"
                | "before"
                | "during"
                | "hours"
                | "days"
                | "later"
                | "earlier"
                | "back"
                | "last"
                | "this"
                | "since"
                | "when"
                | "while"
                | "as"
                | "but"
                | "and"
                | "still"
                | "yet"
                | "meanwhile"
                | "instead"
                | "however"
                | "then"
                | "now"
                | "speaking"
                | "asked"
                | "for"
                | "with"
                | "by"
                | "from"
                | "like"
                | "unlike"
                | "despite"
                | "although"
                | "though"
                | "if"
                | "following"
                | "amid"
                | "among"
                | "upon"
                | "under"
                | "over"
                | "across"
                | "throughout"
                | "within"
                | "without"
                | "once"
                | "given"
                | "to"
                | "outside"
                | "inside"
        ) || self.toks[a].kind == TokenKind::Number
            || (first.len() > 5 && (first.ends_with("ing") || first.ends_with("ed")));
        if intro && let Some(c) = (a..(a + 10).min(i)).find(|&k| is_punct(&self.toks[k], ",")) {
            a = c + 1;
        }
        let np = self.np_right(a, i).filter(|r| r.end < i)?;
        // The subject ends before its verb: a lower-case word after a
        // name ("Trump launched"), or a past form ("police began").
        let mut end = np.end;
        for k in np.start + 1..np.end {
            let t = &self.toks[k];
            let w = self.lw(k);
            let lower = t.kind == TokenKind::Word && !is_cap(t);
            let prev = self.lw(k - 1);
            // After a capitalized determiner or a possessive ("The
            // departments", "Ryan's campaign") the word is the head noun;
            // after a name it is the verb when it reads as one ("Trump
            // launched", "Trump says"), not a noun ("Trump campaign manager").
            let after_name = is_cap(&self.toks[k - 1])
                && !self.is(k - 1, lx::DETERMINERS)
                && !prev.ends_with("'s")
                && !prev.ends_with("’s")
                && (w.ends_with('s') || !self.cue(k).is_empty());
            if lower
                && !self.is(k, lx::DETERMINERS)
                && !matches!(w, "of" | "for" | "and")
                && (after_name
                    || w.ends_with("ed")
                    || matches!(
                        w,
                        "began"
                            | "made"
                            | "took"
                            | "gave"
                            | "went"
                            | "came"
                            | "sent"
                            | "spent"
                            | "held"
                            | "led"
                            | "won"
                            | "lost"
                            | "met"
                            | "got"
                            | "ran"
                            | "spoke"
                            | "stood"
                            | "left"
                            | "kept"
                            | "brought"
                            | "fought"
                            | "sought"
                            | "struck"
                            | "broke"
                            | "chose"
                            | "drew"
                            | "became"
                            | "is"
                            | "was"
                            | "has"
                            | "had"
                    ))
            {
                end = k;
                break;
            }
        }
        Some(np.start..end)
    }

    /// A source after its cue runs on through an appositive or relative
    /// clause to the end of the sentence: "said Jane Roe, a strategist
    /// who worked for two governors".
    fn extend_source(&self, src: Range<usize>, se: usize) -> Range<usize> {
        // From the appositive's comma, inside the phrase or right after it.
        let Some(e) = (src.start..(src.end + 1).min(se)).find(|&k| is_punct(&self.toks[k], ","))
        else {
            return src;
        };
        if e + 1 < se
            && se - e <= 40
            && !self.toks[e..se].iter().any(|t| t.is_quote())
            && !self.cue(e + 1).iter().any(|f| f.ing)
            && self.lw(e + 1) != "according"
        {
            let end = self.trimmed_end(e, se);
            if end > e {
                return src.start..end;
            }
        }
        src
    }

    /// Whether the tokens `a..b` can close an attribution after its source:
    /// a short adverbial tail without a clause of its own.
    fn short_tail(&self, a: usize, b: usize) -> bool {
        if b.saturating_sub(a) > 12 {
            return false;
        }
        // A tail that opens a clause ("Reid said he would") is content.
        if a < b {
            let w = self.lw(a);
            let t = &self.toks[a];
            let adverbial = matches!(
                w,
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "while"
                    | "when"
                    | "last"
                    | "this"
                    | "earlier"
                    | "later"
                    | "yesterday"
                    | "today"
                    | "tonight"
                    | "to"
                    | "of"
                    | "about"
                    | "as"
                    | "through"
                    | "via"
                    | "from"
                    | "recently"
                    | "previously"
                    | "repeatedly"
                    | "also"
                    | "again"
                    | "publicly"
                    | "privately"
                    | "then"
                    | "once"
                    | "with"
                    | "by"
                    | "for"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "afterward"
                    | "afterwards"
                    | "flatly"
                    | "simply"
                    | "softly"
                    | "quietly"
                    | "reporters"
            ) || w.ends_with("ly")
                || is_final_punct(t)
                || is_punct(t, ",")
                || t.kind == TokenKind::Dash
                || is_punct(t, "(");
            if !adverbial {
                return false;
            }
        }
        for i in a..b {
            let t = &self.toks[i];
            if t.kind == TokenKind::OpenQuote || self.lw(i) == "that" {
                return false;
            }
            if is_punct(t, ",") || is_punct(t, ":") {
                return i + 1 >= b || self.toks[i + 1].kind == TokenKind::OpenQuote;
            }
        }
        true
    }

    /// The content before the separator at `sep` (a comma, a dash or a
    /// closing quote mark), back to the sentence start or the quotation.
    fn content_before(
        &self,
        sep: usize,
        sent_start: usize,
    ) -> Option<(Range<usize>, Option<usize>)> {
        let t = &self.toks[sep];
        let mut p = sep;
        if t.kind != TokenKind::CloseQuote
            && p > 0
            && self.toks[p - 1].kind == TokenKind::CloseQuote
        {
            p -= 1;
        }
        if self.toks[p].kind == TokenKind::CloseQuote
            && let Some(q) = self.quote_of(p)
            && self.quotes[q].close == Some(p)
        {
            let qq = &self.quotes[q];
            return Some((qq.open..p + 1, Some(q)));
        }
        // A sentence that starts inside a quotation opened earlier.
        if let Some(q) = self.quote_of(sent_start)
            && self.quotes[q].open < sent_start
            && self.quotes[q].end >= sep
        {
            let qq = &self.quotes[q];
            return Some((qq.open..qq.close.map_or(qq.end, |c| c + 1), Some(q)));
        }
        let mut a = sent_start;
        while a < sep && (self.toks[a].kind == TokenKind::Dash || is_punct(&self.toks[a], "(")) {
            a += 1;
        }
        let e = self.trimmed_end(a, sep);
        (e > a).then_some((a..e, None))
    }

    /// The content after a cue ending at `c1`.
    fn content_after(
        &self,
        c1: usize,
        sent_end: usize,
        class: CueClass,
        lemma: &str,
    ) -> Option<(Range<usize>, Option<usize>)> {
        let n = self.toks.len();
        let mut j = c1;
        // Colon at the end of a paragraph: the quotation is the next one.
        if j < n && is_punct(&self.toks[j], ":") {
            j += 1;
            if j >= sent_end
                && j < n
                && self.toks[j].kind == TokenKind::OpenQuote
                && let Some(q) = self.quote_of(j)
            {
                let qq = &self.quotes[q];
                return Some((qq.open..qq.close.map_or(qq.end, |c| c + 1), Some(q)));
            }
        } else if j < n && is_punct(&self.toks[j], ",") {
            j += 1;
        }
        if j >= sent_end {
            return None;
        }
        // "said Tuesday that", "told reporters that".
        let mut found_that = None;
        let stop = (j + THAT_WINDOW).min(sent_end);
        let tell_like = matches!(
            lemma,
            "tell"
                | "inform"
                | "assure"
                | "remind"
                | "warn"
                | "reassure"
                | "notify"
                | "urge"
                | "ask"
                | "advise"
                | "instruct"
                | "promise"
        );
        for k in j..stop {
            let w = self.lw(k);
            if w == "that" && is_wordish(&self.toks[k]) {
                found_that = Some(k);
                break;
            }
            let t = &self.toks[k];
            // "told the committee on Monday that": an object comes first.
            let object = tell_like && is_wordish(t) && self.cue(k).is_empty();
            let ok = object
                || (is_wordish(t) && (self.is(k, lx::TIME | lx::TELL_OBJECTS) || is_cap(t)))
                || is_punct(t, ",");
            if !ok {
                break;
            }
        }
        if let Some(k) = found_that {
            j = k;
        } else {
            if class == CueClass::Weak && self.toks[j].kind != TokenKind::OpenQuote {
                return None;
            }
            if tell_like {
                let mut k = j;
                while k < sent_end && k < j + 6 && is_wordish(&self.toks[k]) {
                    let det = self.is(k, lx::DETERMINERS);
                    let object = (self.is(k, lx::TELL_OBJECTS) && !det)
                        || is_cap(&self.toks[k])
                        || (det && self.toks.get(k + 1).is_some_and(is_cap));
                    if !object {
                        break;
                    }
                    k += 1;
                }
                if k < sent_end && (is_punct(&self.toks[k], ",") || is_punct(&self.toks[k], ":")) {
                    k += 1;
                }
                j = k;
            }
        }
        if j >= sent_end {
            return None;
        }
        if self.toks[j].kind == TokenKind::OpenQuote
            && let Some(q) = self.quote_of(j)
            && !self.quotes[q].single
        {
            let qq = &self.quotes[q];
            let qend = qq.close.map_or(qq.end, |c| c + 1);
            // The quotation is the content when nothing of the clause
            // follows it.
            let after = self.trimmed_end(qend, sent_end.max(qend));
            if after <= qend || qq.close.is_none_or(|c| c + 1 >= sent_end) {
                return Some((qq.open..qend, Some(q)));
            }
        }
        let brk = self.next_break(j).unwrap_or(n);
        let mut e = sent_end.min(brk.max(j + 1));
        // A quotation opened inside the content runs on past the sentence.
        if e > j
            && let Some(q) = self.quote_of(e - 1)
            && self.quotes[q].open >= j
            && !self.quotes[q].single
        {
            e = e.max(self.quotes[q].close.map_or(self.quotes[q].end, |c| c + 1));
        }
        let e = self.trimmed_end(j, e);
        (e > j).then_some((j..e, None))
    }

    /// All attributions of the document. Those that inherit a speaker come
    /// after the one they inherit from.
    pub fn run(&self) -> Vec<Found> {
        let toks = self.toks;
        let n = toks.len();
        let mut claimed = vec![false; n];
        let mut out: Vec<Found> = Vec::new();
        for s in self.doc.sentences() {
            let (ss, se) = (s.tokens.start, s.tokens.end.min(n));
            let mut i = ss;
            while i < se {
                if claimed[i] || self.in_any_quote(i) || !is_wordish(&toks[i]) || !self.may_cue(i) {
                    i += 1;
                    continue;
                }
                let found = self.cue_at(i, ss, se);
                if let Some(mut f) = found {
                    // "X said C, while Y insisted C2": the second
                    // attribution is not part of the first one's content.
                    if f.quote.is_none() {
                        f.content = self.cut_before_nested(f.content.clone());
                    }
                    // "X said C1, adding C2": the participle's subject is
                    // the source of the attribution before it in the sentence.
                    if f.pattern == Pattern::Participle
                        && let Some(prev) = out.last()
                        && prev
                            .cue
                            .as_ref()
                            .is_some_and(|c| c.start >= ss && c.end <= i)
                        && prev.source.is_some()
                    {
                        f.source.clone_from(&prev.source);
                    }
                    // Two quotes may share a source ("X criticized the deal,
                    // saying …"), never content.
                    let overlaps = f.content.clone().any(|k| claimed[k]);
                    if !overlaps {
                        let mut next = i + 1;
                        for r in [Some(f.content.clone()), f.cue.clone(), f.source.clone()]
                            .into_iter()
                            .flatten()
                        {
                            for c in &mut claimed[r.clone()] {
                                *c = true;
                            }
                            if r.start >= i {
                                next = next.max(r.end.min(se));
                            }
                        }
                        if let Some(qe) = f.quote_end {
                            let qq = &self.quotes[qe];
                            let e = qq.close.map_or(qq.end, |c| c + 1);
                            for c in &mut claimed[qq.open..e] {
                                *c = true;
                            }
                        }
                        out.push(f);
                        i = next.max(i + 1);
                        continue;
                    }
                }
                i += 1;
            }
        }
        self.quotations(&mut out, &mut claimed);
        out
    }

    /// Cuts reported content before ", while|whereas|but NAME CUE" (a
    /// second speaker's attribution joined to the first), so that the
    /// second one is found on its own. Looks at the first 80 tokens of the
    /// content only, so the cost per attribution is bounded.
    fn cut_before_nested(&self, content: Range<usize>) -> Range<usize> {
        for k in content.start..content.end.min(content.start + 80) {
            if !is_punct(&self.toks[k], ",") {
                continue;
            }
            // The comma may sit inside a closing quote mark: `honest,” while`.
            let mut j = k + 1;
            if j < content.end && self.toks[j].kind == TokenKind::CloseQuote {
                j += 1;
            }
            if j + 2 >= content.end || !matches!(self.lw(j), "while" | "whereas" | "but") {
                continue;
            }
            let subject = &self.toks[j + 1];
            let named = is_cap(subject) || self.is(j + 1, lx::SUBJECT_PRONOUNS);
            let cue = (j + 2..(j + 6).min(content.end)).any(|m| !self.cue(m).is_empty());
            if named && cue {
                return content.start..j.max(content.start + 1);
            }
        }
        content
    }

    /// An attribution whose content (a quotation or a clause) comes before
    /// its cue and source ("“Q,” said X", "C, X said"); a quotation that
    /// resumes after token `after` continues it.
    #[allow(clippy::too_many_arguments)]
    fn content_cue_source(
        &self,
        content: Range<usize>,
        quote: Option<usize>,
        cue: Option<Range<usize>>,
        src: Range<usize>,
        class: CueClass,
        after: usize,
        se: usize,
    ) -> Found {
        let pattern = if quote.is_some() {
            Pattern::QuoteCueSource
        } else {
            Pattern::ContentCueSource
        };
        Found {
            pattern,
            class,
            content,
            quote,
            quote_end: self.quote_after(after, se),
            cue,
            source: Some(src),
            inherit: None,
        }
    }

    /// A bare verb form ("think", "say") agrees with a pronoun, a plural
    /// or a name ("we think", "officials say", "Republicans want"); after
    /// anything else it is likely a noun or part of a compound ("think
    /// tank").
    fn base_form_subject_ok(&self, cue: usize, src: &Range<usize>) -> bool {
        let is_base = self.word(cue).is_some_and(|w| w.base);
        if !is_base || src.is_empty() {
            return true;
        }
        let head = src.end - 1;
        let hw = self.lw(head);
        self.is(
            head,
            lx::SUBJECT_PRONOUNS | lx::DETERMINERS | lx::PLURAL_SOURCES,
        ) || matches!(
            hw,
            "people"
                | "police"
                | "media"
                | "public"
                | "staff"
                | "majority"
                | "minority"
                | "percent"
                | "%"
                | "half"
                | "third"
                | "quarter"
        ) || hw.ends_with("ed")
            || self.toks[head].kind == TokenKind::Number
            || (hw.ends_with('s') && !hw.ends_with("ss"))
            || (is_cap(&self.toks[head]) && !self.sentence_initial(head))
            || self.toks[head].text.chars().all(|c| !c.is_lowercase())
    }

    /// `NAME: words` at the start of a line: a headline ("Lynch: No outside
    /// influence on the inquiry") or a transcript turn ("TAPPER: And …").
    fn name_colon(&self, i: usize) -> Option<Found> {
        let n = self.toks.len();
        let colon = (i + 1..(i + 7).min(n)).find(|&k| is_punct(&self.toks[k], ":"))?;
        if self.line_break_before(colon) {
            return None;
        }
        for k in i..colon {
            let t = &self.toks[k];
            let w = self.lw(k);
            let ok = (is_wordish(t) && (is_cap(t) || matches!(w, "of" | "the" | "and" | "de")))
                || self.is_hyphen_joint(k)
                || is_punct(t, ".");
            if !ok || !self.cue(k).is_empty() && !is_cap(t) {
                return None;
            }
        }
        let label = self.lw(i);
        if matches!(
            label,
            "update"
                | "updated"
                | "note"
                | "editor"
                | "editor's"
                | "editor’s"
                | "related"
                | "photo"
                | "photos"
                | "video"
                | "source"
                | "sources"
                | "read"
                | "watch"
                | "see"
                | "correction"
                | "warning"
                | "disclaimer"
                | "contact"
                | "email"
                | "follow"
                | "subscribe"
                | "tags"
                | "topics"
                | "posted"
                | "published"
                | "filed"
                | "credit"
                | "via"
                | "by"
                | "title"
                | "headline"
                | "summary"
                | "abstract"
                | "background"
                | "question"
                | "answer"
                | "transcript"
                | "full"
                | "partial"
                | "more"
                | "also"
                | "step"
                | "part"
                | "chapter"
                | "day"
                | "time"
                | "date"
                | "location"
                | "where"
                | "when"
                | "what"
                | "who"
                | "why"
                | "how"
                | "bottom"
                | "the"
                | "and"
                | "but"
        ) || self.toks[i].kind == TokenKind::Number
        {
            return None;
        }
        let a = colon + 1;
        if a >= n || self.toks[a].paragraph != self.toks[colon].paragraph {
            return None;
        }
        let mut e = a;
        while e < n
            && self.toks[e].paragraph == self.toks[a].paragraph
            && !self.line_break_before(e + 1)
        {
            e += 1;
        }
        let e = self.trimmed_end(a, (e + 1).min(n));
        if e <= a || e - a < 2 {
            return None;
        }
        Some(Found {
            pattern: Pattern::NameColon,
            class: CueClass::Speech,
            content: a..e,
            quote: None,
            quote_end: None,
            cue: Some(colon..colon + 1),
            source: Some(i..colon),
            inherit: None,
        })
    }

    /// Whether most words of the sentence are capitalized (a headline).
    fn title_case(&self, ss: usize, se: usize) -> bool {
        let (mut words, mut caps) = (0, 0);
        for t in &self.toks[ss..se.min(ss + 40)] {
            if t.kind == TokenKind::Word && t.text.len() > 3 {
                words += 1;
                caps += usize::from(is_cap(t));
            }
        }
        words >= 3 && caps * 4 >= words * 3
    }

    /// Whether token `i` starts a paragraph or a line.
    fn line_start(&self, i: usize) -> bool {
        let toks = self.toks;
        i == 0 || toks[i - 1].paragraph != toks[i].paragraph || self.line_break_before(i)
    }

    /// Whether [`Ctx::cue_at`] can find anything at token `i`: a name and a
    /// colon at the start of a line, one of the words it compares with
    /// ([`lx::CUE_TRIGGER`]), or a cue form. A cheap test that skips most
    /// words.
    fn may_cue(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| !w.forms.is_empty() || w.sets & lx::CUE_TRIGGER != 0)
            || self.line_start(i)
    }

    /// The attribution whose cue starts at token `i`, if any.
    fn cue_at(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        let toks = self.toks;
        let w = self.lw(i);
        if self.line_start(i)
            && let Some(f) = self.name_colon(i)
        {
            return Some(f);
        }
        // The words compared with here are lx::CUE_TRIGGERS, which
        // Ctx::may_cue lets through.
        if w == "in" && i + 3 < se && self.sentence_initial(i) {
            return self.in_lead(i, se);
        }
        if w == "asked"
            && (self.sentence_initial(i)
                || (i > ss && matches!(self.lw(i - 1), "when" | "after" | "once" | "if" | "as")))
            && let Some(f) = self.asked(i, se)
        {
            return Some(f);
        }
        if matches!(
            w,
            "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"
        ) && !is_cap(&toks[i])
        {
            return self.seems(i, ss, se);
        }
        if w == "according" && self.lw(i + 1) == "to" && i + 2 < se {
            return self.according(i, ss, se);
        }
        let forms = self.cue(i);
        if forms.is_empty() {
            return None;
        }
        // A phrasal form needs its particle; a plain one must not be
        // followed by a particle it lacks ("call" vs "call for").
        let next = self.lw(i + 1);
        let (form, c1) = match forms
            .iter()
            .find(|f| f.particle.as_deref() == Some(next) && i + 1 < se)
        {
            Some(f) => (f, i + 2),
            None => (forms.iter().find(|f| f.particle.is_none())?, i + 1),
        };
        let class = form.class;
        let lemma = self.lex.lemmas[form.lemma as usize].as_str();
        // "said" as an adjective or a noun after a determiner: not a cue.
        if i > ss {
            let p = self.lw(i - 1);
            if matches!(p, "to" | "of" | "whose")
                || (self.is(i - 1, lx::DETERMINERS)
                    && !matches!(p, "all" | "both" | "one" | "others"))
                || (is_wordish(&toks[i - 1])
                    && toks[i - 1].stem().len() < toks[i - 1].text.len()
                    && (p.ends_with("'s") || p.ends_with("’s"))
                    && !matches!(
                        p,
                        "he's" | "she's" | "it's" | "he’s" | "she’s" | "it’s" | "that's" | "that’s"
                    ))
            {
                return None;
            }
        }
        // A capitalized cue inside a sentence is part of a name ("Secretary
        // of State"), unless the sentence is in title case (a headline).
        if is_cap(&toks[i]) && !self.sentence_initial(i) && !self.title_case(ss, se) {
            return None;
        }
        let cue = Some(i..c1);
        // ", saying C": the participle's subject opens the sentence.
        if form.ing && i > ss && is_punct(&toks[i - 1], ",") {
            let src = self.subject(ss, i);
            let (content, quote) = self.content_after(c1, se, class, lemma)?;
            return Some(Found {
                pattern: Pattern::Participle,
                class,
                content,
                quote,
                quote_end: None,
                cue,
                source: src,
                inherit: None,
            });
        }
        if form.ing {
            // Other "-ing" forms need an auxiliary ("is saying").
            if !(i > ss
                && matches!(
                    self.lw(i - 1),
                    "is" | "are" | "was" | "were" | "been" | "am"
                ))
            {
                return None;
            }
        }
        let prev = (i > ss).then(|| &toks[i - 1]);
        // "Jane Roe, a lawyer for the city, said C": a subject with an
        // appositive opens the sentence (or follows a quotation), so the
        // words after the cue are the content, not an inverted source.
        let left_subject = prev.is_some_and(|p| is_punct(p, ","))
            && self.source_left(i, ss).is_some_and(|r| {
                r.start == ss
                    || (r.start > ss && {
                        let t = &toks[r.start - 1];
                        t.kind == TokenKind::CloseQuote
                            || t.kind == TokenKind::Dash
                            || is_punct(t, ",")
                    })
            });
        // “Q,” said X / C, said X.
        if let Some(p) = prev
            && !left_subject
            && (is_punct(p, ",") || p.kind == TokenKind::CloseQuote || p.kind == TokenKind::Dash)
            && class != CueClass::Weak
            && let Some(src) = self.np_right(c1, se).map(|r| self.extend_source(r, se))
            && (p.kind == TokenKind::CloseQuote
                || (i >= ss + 2 && toks[i - 2].kind == TokenKind::CloseQuote)
                || self.short_tail(src.end, se))
            && let Some((content, quote)) = self.content_before(i - 1, ss)
        {
            let after = src.end;
            return Some(self.content_cue_source(content, quote, cue, src, class, after, se));
        }
        let mut src = self.source_left(i, ss);
        if src.is_none() {
            // "Trump was forced into a rare retreat and said C": the
            // sentence's subject.
            let mut j = i;
            while j > ss && self.is(j - 1, lx::AUX) {
                j -= 1;
            }
            if j > ss + 1 && self.lw(j - 1) == "and" {
                src = self.subject(ss, j - 1);
            }
        }
        if let Some(src) = src.clone() {
            // “Q,” X said / C, X said.
            let sep = src.start.checked_sub(1);
            let sep_ok = sep.is_some_and(|p| {
                let t = &toks[p];
                (p >= ss && (is_punct(t, ",") || t.kind == TokenKind::Dash))
                    || (t.kind == TokenKind::CloseQuote
                        && (p >= ss || toks[p].paragraph == toks[i].paragraph))
            });
            let after_quote = sep.is_some_and(|p| {
                toks[p].kind == TokenKind::CloseQuote
                    || (p > 0 && toks[p - 1].kind == TokenKind::CloseQuote)
            });
            let tail_ok = if after_quote {
                self.lw(c1) != "that"
                    && toks
                        .get(c1)
                        .is_none_or(|t| t.kind != TokenKind::OpenQuote || c1 + 1 >= se)
            } else {
                // "X said, “Q”": the quotation after the cue is the content.
                let quote_next = c1 + 1 < se
                    && (is_punct(&toks[c1], ",") || is_punct(&toks[c1], ":"))
                    && toks[c1 + 1].kind == TokenKind::OpenQuote;
                self.short_tail(c1, se) && !quote_next
            };
            if sep_ok && class != CueClass::Weak && tail_ok {
                let p = sep.unwrap_or(0);
                let lo = if p < ss {
                    self.sentence_range(p).start
                } else {
                    ss
                };
                if let Some((content, quote)) = self.content_before(p, lo) {
                    return Some(self.content_cue_source(content, quote, cue, src, class, c1, se));
                }
            }
        }
        // X said (that) C.
        let src_range = src.clone()?;
        if !self.base_form_subject_ok(i, &src_range) {
            return None;
        }
        // "The poll shows Trump leading": after a poll or a study a weak
        // cue needs no that-clause.
        let class = if class == CueClass::Weak
            && !src_range.is_empty()
            && self.is(src_range.end - 1, lx::EVIDENCE_SOURCES)
        {
            CueClass::Belief
        } else {
            class
        };
        let (content, quote) = self.content_after(c1, se, class, lemma)?;
        // "He continued his tour": "continue" reports only a that-clause
        // or a quotation.
        if lemma == "continue" && quote.is_none() && self.lw(content.start) != "that" {
            return None;
        }
        let pattern = if quote.is_some() {
            Pattern::SourceCueQuote
        } else {
            Pattern::SourceCueContent
        };
        // A passive ("Trump is expected to win", "she was asked whether"):
        // the subject is not who holds or says the content.
        let mut b = i;
        while b > ss && b + 3 > i && (self.lw(b - 1).ends_with("ly") || self.lw(b - 1) == "not") {
            b -= 1;
        }
        let passive = !form.ing
            && b > ss
            && matches!(
                self.lw(b - 1),
                "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am"
            );
        Some(Found {
            pattern,
            class,
            content,
            quote,
            quote_end: None,
            cue,
            source: if passive { None } else { src },
            inherit: None,
        })
    }

    /// A quotation that continues an attribution after its source:
    /// `“A,” she said, “B.”` or `“A,” she said. “B.”` in one paragraph.
    fn quote_after(&self, from: usize, se: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut k = from;
        // Past a short tail of the attribution: "said Monday", "told
        // Hewitt", "told reporters in Washington".
        while k < se.min(from + 14) && (is_wordish(&self.toks[k]) || is_punct(&self.toks[k], ",")) {
            let w = self.lw(k);
            if w == "that" || (!is_cap(&self.toks[k]) && !self.cue(k).is_empty()) {
                return None;
            }
            k += 1;
        }
        if k < n && is_wordish(&self.toks[k]) {
            return None;
        }
        // The quotation may go on in the same sentence (`, “B”`) or open
        // the next one (`. “B”`): news style writes both for one speaker.
        while k < n
            && k <= se
            && (is_punct(&self.toks[k], ",")
                || is_punct(&self.toks[k], ":")
                || is_final_punct(&self.toks[k]))
        {
            k += 1;
        }
        if k >= n || self.toks[k].paragraph != self.toks[from.min(n - 1)].paragraph {
            return None;
        }
        if self.toks[k].kind != TokenKind::OpenQuote {
            return None;
        }
        let q = self.quote_of(k)?;
        let qq = &self.quotes[q];
        (qq.open == k && !qq.single && qq.close.is_some() && qq.words(self.toks) > 0).then_some(q)
    }

    /// "In a new poll by the network, most voters …": the phrase up to the
    /// comma is the source when it names a poll, a survey or a study.
    fn in_lead(&self, i: usize, se: usize) -> Option<Found> {
        let hi = se.min(i + 16);
        let comma = (i + 2..hi).find(|&k| is_punct(&self.toks[k], ","))?;
        let mut evidence = false;
        for k in i + 1..comma {
            let t = &self.toks[k];
            if t.is_quote() || (!is_cap(t) && self.cue(k).iter().any(|f| !f.ing)) {
                return None;
            }
            evidence |= self.is(k, lx::EVIDENCE_SOURCES);
        }
        if !evidence {
            return None;
        }
        let e = self.trimmed_end(comma + 1, se);
        if e <= comma + 2 {
            return None;
        }
        Some(Found {
            pattern: Pattern::InLead,
            class: CueClass::Weak,
            content: comma + 1..e,
            quote: None,
            quote_end: None,
            cue: Some(i..i + 1),
            source: Some(i + 1..comma),
            inherit: None,
        })
    }

    /// "Asked whether he would run, Roe said …", "… when asked by
    /// reporters about the vote": the question, and the asker after "by".
    fn asked(&self, i: usize, se: usize) -> Option<Found> {
        let mut k = i + 1;
        let mut source = None;
        if self.lw(k) == "by" {
            let r = self.np_right_with(k + 1, se, false)?;
            k = r.end;
            source = Some(r);
        }
        let hi = se.min(k + 6);
        while k < hi
            && !matches!(
                self.lw(k),
                "whether" | "if" | "why" | "what" | "who" | "whom" | "how" | "which" | "about"
            )
        {
            if !is_wordish(&self.toks[k]) {
                return None;
            }
            k += 1;
        }
        if k >= hi {
            return None;
        }
        let far = se.min(k + 40);
        let comma = (k + 1..far).find(|&x| is_punct(&self.toks[x], ",") || self.toks[x].is_quote());
        let e = self.trimmed_end(k, comma.unwrap_or(far));
        if e <= k + 1 {
            return None;
        }
        Some(Found {
            pattern: Pattern::Asked,
            class: CueClass::Speech,
            content: k..e,
            quote: None,
            quote_end: None,
            cue: Some(i..i + 1),
            source,
            inherit: None,
        })
    }

    /// "Trump seemed to overstay his welcome", "it appears that C": the
    /// subject and the clause, with no source.
    fn seems(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        let c1 = i + 1;
        if c1 + 1 >= se
            || !matches!(
                self.lw(c1),
                "to" | "that"
                    | "likely"
                    | "unlikely"
                    | "certain"
                    | "clear"
                    | "poised"
                    | "ready"
                    | "eager"
                    | "unable"
                    | "unwilling"
                    | "willing"
                    | "intent"
            )
        {
            return None;
        }
        let brk = self.next_break(c1).unwrap_or(se);
        let e = self.trimmed_end(c1, se.min(brk.max(c1 + 1)));
        if e <= c1 + 1 {
            return None;
        }
        let start = match self.source_left(i, ss) {
            Some(r) if matches!(self.lw(r.start), "it" | "there") => c1,
            Some(r) => r.start,
            None => c1,
        };
        Some(Found {
            pattern: Pattern::Seems,
            class: CueClass::Belief,
            content: start..e,
            quote: None,
            quote_end: None,
            cue: Some(i..c1),
            source: None,
            inherit: None,
        })
    }

    fn according(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        let cue = Some(i..i + 2);
        // Leading: "According to X, C" (maybe after a conjunction).
        let lead = (ss..i).all(|k| {
            matches!(self.lw(k), "but" | "and" | "yet" | "so" | "also")
                || is_punct(&self.toks[k], ",")
                || self.toks[k].is_quote()
        }) || (i >= ss + 2
            && i <= ss + 4
            && is_punct(&self.toks[i - 1], ",")
            && matches!(
                self.lw(ss),
                "now"
                    | "still"
                    | "however"
                    | "meanwhile"
                    | "in"
                    | "additionally"
                    | "moreover"
                    | "instead"
                    | "overall"
                    | "today"
                    | "then"
                    | "already"
            )
            && (ss..i - 1).all(|k| is_wordish(&self.toks[k]) && self.cue(k).is_empty()));
        let src = self.np_right_with(i + 2, se, !lead)?;
        // The source of "according to" runs on to the clause's end: "according
        // to a new poll by the network", "according to aides who were there".
        let src = {
            let hi = se.min(src.end + 20);
            let stop = (src.end..hi).find(|&k| {
                let t = &self.toks[k];
                is_punct(t, ",") || is_punct(t, ";") || is_punct(t, "(") || t.is_quote()
            });
            match stop {
                Some(k) if !self.toks[k].is_quote() => src.start..self.trimmed_end(src.end, k),
                None if !lead && se <= hi => src.start..self.trimmed_end(src.end, se),
                _ => src,
            }
        };
        if lead {
            let mut c = src.end;
            if c < se && is_punct(&self.toks[c], ",") {
                c += 1;
            }
            let e = self.trimmed_end(c, se);
            if e <= c {
                return None;
            }
            return Some(Found {
                pattern: Pattern::AccordingLead,
                class: CueClass::Speech,
                content: c..e,
                quote: None,
                quote_end: None,
                cue,
                source: Some(src),
                inherit: None,
            });
        }
        let sep = if is_punct(&self.toks[i - 1], ",") {
            i - 1
        } else {
            i
        };
        let (content, quote) = if sep < i {
            let (content, quote) = self.content_before(sep, ss)?;
            // "Fundraising, according to the campaign, has surged": the
            // clause goes on after the source.
            let e = self.trimmed_end(src.end, se);
            if quote.is_none()
                && content.len() <= 8
                && src.end < se
                && is_punct(&self.toks[src.end], ",")
                && e > src.end + 2
                && e < src.end + 40
                && !(src.end..e).any(|k| self.toks[k].is_quote())
            {
                (content.start..e, None)
            } else {
                (content, quote)
            }
        } else {
            let e = self.trimmed_end(ss, i);
            if e <= ss {
                return None;
            }
            (ss..e, None)
        };
        Some(Found {
            pattern: Pattern::AccordingTrail,
            class: CueClass::Speech,
            content,
            quote,
            quote_end: None,
            cue,
            source: Some(src),
            inherit: None,
        })
    }

    /// Whether tokens `a..b` are a name line: titles and capitalized words.
    fn name_line(&self, a: usize, b: usize) -> bool {
        let b = self.trimmed_end(a, b);
        if b <= a || b - a > 9 {
            return false;
        }
        let mut caps = 0;
        for k in a..b {
            let t = &self.toks[k];
            if is_punct(t, ",") || self.is_hyphen_joint(k) || is_punct(t, ".") {
                continue;
            }
            if !is_wordish(t) || !self.cue(k).is_empty() && !is_cap(t) {
                return false;
            }
            if is_cap(t) {
                caps += 1;
            } else if !self.is(k, lx::TITLES) {
                return false;
            }
        }
        caps > 0 && is_cap(&self.toks[a])
    }

    /// Attributions for quotations the cues left: name lines, lead-ins,
    /// continuations, inner phrases and unattributed quotations.
    fn quotations(&self, out: &mut Vec<Found>, claimed: &mut [bool]) {
        let toks = self.toks;
        let n = toks.len();
        // Inner phrases of mixed contents.
        let mut inner = Vec::new();
        for (fi, f) in out.iter().enumerate() {
            if f.quote.is_some() {
                continue;
            }
            let mut k = f.content.start;
            while k < f.content.end {
                match self.quote_of(k) {
                    Some(q) if self.quotes[q].open == k && !self.quotes[q].single => {
                        let qq = &self.quotes[q];
                        let w = qq.words(toks);
                        if w > 0 && w <= self.inner_words {
                            inner.push(Found {
                                pattern: Pattern::InnerPhrase,
                                class: f.class,
                                content: qq.open..qq.close.map_or(qq.end, |c| c + 1),
                                quote: Some(q),
                                quote_end: None,
                                cue: f.cue.clone(),
                                source: f.source.clone(),
                                inherit: Some(fi),
                            });
                        }
                        k = qq.close.map_or(qq.end, |c| c + 1).max(k + 1);
                    }
                    _ => k += 1,
                }
            }
        }
        let mut last_attributed: Option<(usize, u32)> = None; // (index in out, paragraph of end)
        let mut by_quote: Vec<Option<usize>> = vec![None; self.quotes.len()];
        for (fi, f) in out.iter().enumerate() {
            if let Some(q) = f.quote {
                by_quote[q] = Some(fi);
            }
        }
        let mut added = Vec::new();
        for (q, qq) in self.quotes.iter().enumerate() {
            let end = qq.close.map_or(qq.end, |c| c + 1).min(n);
            if let Some(fi) = by_quote[q] {
                last_attributed = Some((fi, toks[end.saturating_sub(1)].paragraph));
                continue;
            }
            if qq.single || claimed[qq.open] {
                continue;
            }
            let words = qq.words(toks);
            if words == 0 {
                continue;
            }
            let content = qq.open..end;
            // A dash and a name after the closing mark, or a name line.
            if let Some(c) = qq.close
                && c + 1 < n
            {
                let mut a = c + 1;
                let mut dash = false;
                if toks[a].kind == TokenKind::Dash {
                    a += 1;
                    dash = true;
                }
                if a < n && toks[a].paragraph <= toks[c].paragraph + 1 {
                    let sr = self.sentence_range(a);
                    let starts_sentence = sr.start == a || (dash && sr.start == a - 1);
                    let b = if starts_sentence || dash { sr.end } else { a };
                    if (starts_sentence || dash) && b > a && self.name_line(a, b) {
                        let src_end = self.trimmed_end(a, b);
                        let fi = out.len() + added.len();
                        added.push(Found {
                            pattern: Pattern::NameLine,
                            class: CueClass::Speech,
                            content: content.clone(),
                            quote: Some(q),
                            quote_end: None,
                            cue: None,
                            source: Some(a..src_end),
                            inherit: None,
                        });
                        for c in &mut claimed[a..src_end] {
                            *c = true;
                        }
                        last_attributed = Some((fi, toks[c].paragraph));
                        continue;
                    }
                }
            }
            // A lead-in paragraph ending with a colon.
            if qq.open > 0
                && toks[qq.open - 1].paragraph + 1 == toks[qq.open].paragraph
                && is_punct(&toks[qq.open - 1], ":")
            {
                let colon = qq.open - 1;
                let sr = self.sentence_range(colon);
                let lo = sr.start.max(colon.saturating_sub(20));
                let from = (lo..colon).rev().find(|&k| self.lw(k) == "from");
                let src = match from {
                    Some(f) => self.np_right(f + 1, colon),
                    None => self.np_left(colon, lo),
                };
                if let Some(src) = src {
                    let fi = out.len() + added.len();
                    added.push(Found {
                        pattern: Pattern::LeadIn,
                        class: CueClass::Speech,
                        content: content.clone(),
                        quote: Some(q),
                        quote_end: None,
                        cue: Some(colon..colon + 1),
                        source: Some(src),
                        inherit: None,
                    });
                    last_attributed = Some((fi, toks[end - 1].paragraph));
                    continue;
                }
            }
            if words <= self.scare_words && qq.paragraphs == 1 {
                // A scare quote or a quoted name.
                continue;
            }
            let para = toks[qq.open].paragraph;
            let inherit = last_attributed
                .filter(|&(_, p)| p + 1 == para || p == para)
                .map(|(fi, _)| fi);
            let fi = out.len() + added.len();
            added.push(Found {
                pattern: if inherit.is_some() {
                    Pattern::Continuation
                } else {
                    Pattern::Unattributed
                },
                class: CueClass::Speech,
                content,
                quote: Some(q),
                quote_end: None,
                cue: None,
                source: None,
                inherit,
            });
            if inherit.is_some() {
                last_attributed = Some((fi, toks[end - 1].paragraph));
            }
        }
        // Inner phrases refer to their parents by index in `out`, which
        // stays as is; they go last.
        out.extend(added);
        out.extend(inner);
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
                let b = &bytes[at..end];
                assert_eq!(load16(bytes, at, b), lx::short_key(b), "{at}..{end}");
            }
        }
        // A slice from elsewhere is read by itself.
        let other = b"said";
        assert_eq!(load16(bytes, 0, other), lx::short_key(other));
    }
}
