//! The token view: [`Ctx`], built once per document over the shared
//! [`Table`] (each token's lowercased text, word classes, line-break flag
//! and sentence), with what is the quotes layer's own: the quotation marks
//! paired, each token's entry in the cue lexicon (looked up once, by the
//! table's packed key), and the next clause break after each token; and
//! the small token predicates the patterns share (`is_cap`,
//! `is_punct`, `Ctx::is_name_word`, `Ctx::trimmed_end`, …).
//!
//! In "Sen. Smith said, “We won.”" the view knows that "Sen." and "Smith"
//! are capitalized words, that "said" is a cue form, and where the
//! quotation opens and closes.

use std::cell::Cell;
use std::ops::Range;

use newsnlp_text::table::Flags;
use newsnlp_text::words::Classes;
use newsnlp_text::{Span, Table, news};
use newsnlp_tokenize::{Token, TokenKind, Tokenized};

use crate::lexicon::{self as lx, CueClass, CueForm, Lexicon, PatternWords, Word};
use crate::marks::{self, Quoted};
use crate::types::QuoteKind;

pub(crate) struct Ctx<'a, 't> {
    pub doc: &'a Tokenized<'t>,
    pub toks: &'a [Token<'t>],
    /// The shared per-document table of the tokens.
    pub table: &'a Table<'t>,
    pub lex: &'a Lexicon,
    pub quotes: Vec<Quoted>,
    /// For each token, the quotation holding it (or `u32::MAX`).
    pub owner: Vec<u32>,
    /// For each token, its entry in the cue lexicon, looked up once.
    words: Vec<Option<&'a Word>>,
    /// For each token, the next clause break at or after it (`;`, `, according
    /// to`, `, saying`), or the number of tokens; one more entry for the end.
    next_break: Vec<usize>,
    pub scare_words: usize,
    /// Longest quoted phrase inside a reported clause that is also a
    /// direct quote of its own.
    pub inner_words: usize,
    /// Where the content of the last attribution without a source that
    /// `Ctx::run` holds back ends: no other starts before it.
    pub sourceless_end: Cell<usize>,
}

/// The low half of the [`short_key`](newsnlp_text::hash::short_key) of
/// ";", ",", "and" and "but" (the high half is the length).
const SEMICOLON_KEY: u64 = b';' as u64;
const COMMA_KEY: u64 = b',' as u64;
const AND_KEY: u64 = u64::from_le_bytes(*b"and\0\0\0\0\0");
const BUT_KEY: u64 = u64::from_le_bytes(*b"but\0\0\0\0\0");

/// Whether the token with key `key` may be a clause break (`;`, `,`,
/// "and", "but"), for `Ctx::is_break` to tell.
#[inline]
fn maybe_break((k0, k1): (u64, u64)) -> bool {
    match k1 >> 56 {
        1 => k0 == SEMICOLON_KEY || k0 == COMMA_KEY,
        3 => k0 == AND_KEY || k0 == BUT_KEY,
        _ => false,
    }
}

pub(super) fn is_cap(t: &Token<'_>) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
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

impl<'a, 't> Ctx<'a, 't> {
    /// The context of `doc`, whose shared table is `table`.
    pub fn new(
        doc: &'a Tokenized<'t>,
        table: &'a Table<'t>,
        lex: &'a Lexicon,
        scare_words: usize,
        inner_words: usize,
    ) -> Self {
        let toks = doc.tokens();
        let (quotes, owner) = marks::pair(toks);
        let n = toks.len();
        // Tokens that may be clause breaks.
        let mut candidates: Vec<usize> = Vec::with_capacity(n / 4);
        let mut words: Vec<Option<&'a Word>> = Vec::with_capacity(n);
        for (i, key) in table.keys().enumerate() {
            let word = match key {
                Some(key) => {
                    if maybe_break(key) {
                        candidates.push(i);
                    }
                    lex.word_by_key(key)
                }
                // Long (or empty) tokens: by their text.
                None => {
                    candidates.push(i);
                    lex.word(table.lower(i))
                }
            };
            words.push(word);
        }
        let mut ctx = Ctx {
            doc,
            toks,
            table,
            lex,
            quotes,
            owner,
            words,
            next_break: Vec::new(),
            scare_words,
            inner_words,
            sourceless_end: Cell::new(0),
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
        self.table.lower(i)
    }

    /// Token `i` lowercased exactly as [`str::to_lowercase`] does, when
    /// [`Ctx::lw`] has it that way (not for a non-ASCII token without an
    /// uppercase letter).
    pub fn exact_lower(&self, i: usize) -> Option<&'a str> {
        self.table.exact_lower(i)
    }

    /// The cue lexicon's entry for token `i`, if any.
    pub(super) fn word(&self, i: usize) -> Option<&'a Word> {
        self.words.get(i).copied().flatten()
    }

    /// Whether token `i` is in one of the word classes of `set`.
    #[inline]
    pub(super) fn is(&self, i: usize, set: Classes) -> bool {
        self.table.classes(i).intersects(set)
    }

    /// Whether token `i` is in the section `set` of the pattern words.
    pub(crate) fn marked(&self, i: usize, set: PatternWords) -> bool {
        self.word(i).is_some_and(|w| w.marks.has(set))
    }

    /// Whether the word ending at token `i`, with its hyphenated parts
    /// ("so-called" is three tokens), is in the section `set` of the
    /// pattern words. Reads the text only where a hyphen joins; called at
    /// few tokens (before a quotation mark).
    pub(crate) fn marked_word_at(&self, i: usize, set: PatternWords) -> bool {
        if i >= 2 && self.is_hyphen_joint(i - 1) {
            let (a, b) = (self.toks[i - 2].span.start, self.toks[i].span.end);
            let word = self.doc.text().get(a..b).unwrap_or("").to_lowercase();
            return self.lex.word(&word).is_some_and(|w| w.marks.has(set));
        }
        self.marked(i, set)
    }

    /// Whether token `i` opens a participial aside ("An official,
    /// **speaking** on condition of anonymity, said"): a lowercase "-ing"
    /// word that is not a preposition ("including", "according").
    pub(super) fn opens_aside(&self, i: usize) -> bool {
        self.lower_suffixed(i, "ing", 6, PatternWords::ASIDE_NOT_PARTICIPLE)
    }

    /// Whether token `i` is a lowercase word of at least `min` bytes
    /// ending in `suffix`, outside the pattern words `except`.
    fn lower_suffixed(&self, i: usize, suffix: &str, min: usize, except: PatternWords) -> bool {
        let t = &self.toks[i];
        let w = self.lw(i);
        t.kind == TokenKind::Word
            && !is_cap(t)
            && w.len() >= min
            && w.ends_with(suffix)
            && !self.marked(i, except)
    }

    /// Whether token `i` opens a relative clause that reports words of its
    /// own ("who **said** …", "who has **argued** that …"): a quote in the
    /// source, not part of it. (A relative clause that describes the
    /// source, "who chaired the meeting", is part of it, as PolNeAR
    /// annotates it.)
    pub(super) fn opens_reporting_relative(&self, i: usize) -> bool {
        matches!(self.lw(i), "who" | "which")
            && self.toks[i].kind.is_wordlike()
            && (i + 1..(i + 4).min(self.toks.len())).any(|k| self.cue(k).iter().any(|f| !f.ing))
    }

    /// The cue forms token `i` may be.
    pub(super) fn cue(&self, i: usize) -> &'a [CueForm] {
        self.word(i).map_or(&[], |w| w.forms.as_slice())
    }

    /// Whether token `i` may be a finite verb of speech ("said", "told",
    /// not "saying").
    pub(super) fn speech_form(&self, i: usize) -> bool {
        self.cue(i)
            .iter()
            .any(|f| !f.ing && f.class == CueClass::Speech)
    }

    /// Whether token `i` lowercased and trimmed is in the word classes of `set`.
    pub(super) fn is_trimmed(&self, i: usize, set: Classes) -> bool {
        let w = self.lw(i);
        let t = w.trim();
        if t.len() == w.len() {
            self.is(i, set)
        } else {
            Classes::of(t).intersects(set)
        }
    }

    /// Whether the stem of token `i` (before a clitic: "he" of "he's"),
    /// lowercased, is an auxiliary.
    pub(super) fn stem_is_aux(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let stem = t.stem();
        if stem.len() == t.text.len() && self.table.flags(i).contains(Flags::EXACT_LOWER) {
            self.is(i, lx::AUX)
        } else {
            Classes::of_any_case(stem).intersects(lx::AUX)
        }
    }

    /// The kind of reported content over the tokens `r`: mixed when it
    /// holds a quotation, but not for a term named in quote marks ("the
    /// so-called “debt clause”").
    pub fn reported_kind(&self, r: &Range<usize>) -> QuoteKind {
        let mixed = r.clone().any(|k| {
            self.toks[k].kind == TokenKind::OpenQuote
                && self.owner[k] != u32::MAX
                && !self.named_term(self.owner[k] as usize)
        });
        if mixed {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        }
    }

    /// The bytes that the tokens `r` cover (empty for no tokens).
    pub fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        match (
            self.toks.get(r.start),
            r.end.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(a), Some(b)) if r.end > r.start => a.span.start..b.span.end,
            _ => 0..0,
        }
    }

    /// The bytes of the source tokens `r`: of the pronoun alone when "be"
    /// is contracted onto it ("He’s claiming").
    pub fn source_span(&self, r: &Range<usize>) -> Span {
        let r = &self.trim_source_tail(r);
        let s = self.bytes(r);
        match self.contracted_pronoun(r.start).filter(|_| r.len() == 1) {
            Some(n) => Span::new(s.start, s.start + n),
            None => s.into(),
        }
    }

    /// A source without the adverb its phrase walk took in at the end: a
    /// headline's capitalized "Just", "Finally", "Now" (with an auxiliary
    /// before it: "Roe Is Now | Backing"), or "in particular", "in
    /// general", "of course" ("Shopkeepers in general | say").
    fn trim_source_tail(&self, r: &Range<usize>) -> Range<usize> {
        let (a, mut b) = (r.start, r.end);
        let toks = &self.toks;
        if b >= a + 3
            && matches!(
                (self.lw(b - 2), self.lw(b - 1)),
                ("in", "particular" | "general") | ("of", "course")
            )
        {
            b -= 2;
            while b > a + 1 && is_punct(&toks[b - 1], ",") {
                b -= 1;
            }
            return a..b;
        }
        if b >= a + 2
            && is_cap(&toks[b - 1])
            && matches!(
                self.lw(b - 1),
                "just" | "finally" | "now" | "already" | "still"
            )
        {
            b -= 1;
            while b > a + 1 && is_cap(&toks[b - 1]) && self.is(b - 1, lx::AUX) {
                b -= 1;
            }
        }
        a..b
    }

    /// The length in bytes of the subject pronoun in token `i` when "be"
    /// is contracted onto it ("he’s", "they're", "I’m"): the pronoun is
    /// the source, the contraction an auxiliary.
    pub fn contracted_pronoun(&self, i: usize) -> Option<usize> {
        let t = self.toks.get(i)?;
        let stem = t.stem();
        if stem.len() >= t.text.len() || !t.kind.is_wordlike() {
            return None;
        }
        let be = t.text[stem.len()..].strip_prefix(['\'', '’'])?;
        (["s", "re", "m"].iter().any(|b| be.eq_ignore_ascii_case(b))
            && Classes::of_any_case(stem).intersects(lx::SUBJECT_PRONOUNS))
        .then_some(stem.len())
    }

    pub(super) fn is_break(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let n = self.toks.len();
        if t.kind == TokenKind::Punctuation {
            if t.text == ";" {
                return true;
            }
            if t.text == "," && i + 1 < n {
                // The word after the comma, past the closing mark of a
                // quotation the comma ends (`… “messy,” adding …`).
                let w = if self.toks[i + 1].kind == TokenKind::CloseQuote {
                    i + 2
                } else {
                    i + 1
                };
                // ", but could not …": a second verb of the same clause
                // (an auxiliary right after "but"), not a new clause; nor
                // ", but that C2", a second reported clause ("said the
                // plan was sound, but that it would cost more").
                if w < n
                    && self.is(w, lx::CLAUSE_BREAKS)
                    && !(self.lw(w) == "but"
                        && w + 1 < n
                        && (self.is(w + 1, lx::AUX) || self.lw(w + 1) == "that"))
                {
                    return true;
                }
                if self.cue(w).iter().any(|f| f.ing) {
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

    pub(crate) fn quote_of(&self, i: usize) -> Option<usize> {
        self.owner
            .get(i)
            .and_then(|&o| (o != u32::MAX).then_some(o as usize))
    }

    /// The token range of the sentence holding token `i` (of the first
    /// sentence for a token in none; `i..i + 1` when there is none).
    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        let si = self.table.sentence(i).map_or(0, |s| s.get());
        if si < self.table.sentence_count() {
            self.table.sentence_tokens(si)
        } else {
            i..i + 1
        }
    }

    /// A name in apposition after a phrase ending at token `end`: a comma
    /// there, one to four capitalized words, and a comma before `limit`
    /// ("Its foreign policy chief**, Kaja Meer,** praised", "According to
    /// the local MP**, Richard Hale,** the plan …"); the closing comma.
    pub(super) fn apposed_name(&self, end: usize, limit: usize) -> Option<usize> {
        if end >= self.toks.len() || !is_punct(&self.toks[end], ",") {
            return None;
        }
        let c = (end + 2..(end + 6).min(limit)).find(|&c| is_punct(&self.toks[c], ","))?;
        (end + 1..c)
            .all(|k| is_cap(&self.toks[k]) && self.toks[k].kind.is_wordlike())
            .then_some(c)
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
    pub(crate) fn sentence_initial(&self, i: usize) -> bool {
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
        if !is_cap(t) || !t.kind.is_wordlike() {
            return false;
        }
        let all_caps = t.text.len() >= 2 && t.text.chars().all(|c| !c.is_lowercase());
        all_caps || !self.sentence_initial(i)
    }

    pub(super) fn is_np_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.kind.is_wordlike() {
            return false;
        }
        if self.is_name_word(i) && self.lw(i) != "i" {
            return true;
        }
        let w = self.lw(i);
        if self.is_ly_adverb(i) {
            // "The fiscally conservative group", "a newly elected mayor":
            // after a determiner, an adverb of the adjective after it.
            return i > 0
                && self.is(i - 1, lx::DETERMINERS)
                && self.toks[i - 1].kind.is_wordlike()
                && self
                    .toks
                    .get(i + 1)
                    .is_some_and(|n| n.kind == TokenKind::Word && !is_cap(n));
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

    /// Whether token `i` is a lowercase "-ly" adverb ("repeatedly",
    /// "publicly"), not one of the "-ly" nouns and adjectives of noun
    /// phrases ("family", "rally", "likely voters": the `ly_words`).
    pub(super) fn is_ly_adverb(&self, i: usize) -> bool {
        self.lower_suffixed(i, "ly", 5, PatternWords::LY_WORDS)
    }

    /// Whether a line break separates token `i` from the one before.
    pub(super) fn line_break_before(&self, i: usize) -> bool {
        self.table.flags(i).contains(Flags::LINE_BREAK)
    }

    /// Whether token `i` is a hyphen or slash joining two words without
    /// spaces ("Sen. Roe (D-Calif.)", "the Reuters/Ipsos poll").
    pub(super) fn is_hyphen_joint(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == TokenKind::Punctuation
            && (t.text == "-" || t.text == "‐" || t.text == "/")
            && !t.space_before
            && self.toks.get(i + 1).is_some_and(|n| !n.space_before)
    }

    /// Whether token `i` is a hyphen joint ([`Ctx::is_hyphen_joint`]) or
    /// an "&" between two capitalized words: either keeps a name together
    /// ("U.S.-Russia", "Harrow & Finch", "Procter & Gamble").
    pub(super) fn is_name_joint(&self, i: usize) -> bool {
        let cap = |j: usize| {
            self.toks
                .get(j)
                .is_some_and(|t| t.kind.is_wordlike() && is_cap(t))
        };
        self.is_hyphen_joint(i)
            || (self.toks[i].text == "&" && i > 0 && cap(i - 1) && cap(i + 1))
            || self.is_plural_possessive(i)
    }

    /// Whether token `i` is the apostrophe of a plural possessive inside a
    /// noun phrase ("the growers' union", "the Court of Appeals’ Board"):
    /// right after a word ending in "s", with a word after it.
    fn is_plural_possessive(&self, i: usize) -> bool {
        let (Some(prev), Some(t), Some(next)) = (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
            self.toks.get(i + 1),
        ) else {
            return false;
        };
        matches!(t.text, "'" | "’")
            && prev.span.end == t.span.start
            && prev.kind.is_wordlike()
            && prev.text.ends_with(['s', 'S'])
            && next.kind.is_wordlike()
            && next.span.start > t.span.end
    }

    /// Whether token `i` starts a paragraph or a line.
    pub(super) fn line_start(&self, i: usize) -> bool {
        let toks = self.toks;
        i == 0 || toks[i - 1].paragraph != toks[i].paragraph || self.line_break_before(i)
    }

    /// The first token of the article text after a dateline opening the
    /// line at token `a` ("**GENEVA —** The agency said …"), or `a`.
    pub(super) fn after_dateline(&self, a: usize, hi: usize) -> usize {
        let t = &self.toks[a];
        // Cheap tests first: a dateline opens a line with a word in capitals.
        if !self.line_start(a) || !is_cap(t) || t.text.chars().any(char::is_lowercase) {
            return a;
        }
        match news::dateline_end(self.doc.text(), t.span.start) {
            Some(end) => (a..hi)
                .find(|&k| self.toks[k].span.start >= end)
                .unwrap_or(a),
            None => a,
        }
    }

    /// Whether the sentence opening at token `ss` is a headline line
    /// ([`news::is_headline`]: title case, no final punctuation), whose
    /// capitalized words are neither sources nor cues.
    pub(super) fn headline(&self, ss: usize) -> bool {
        let n = self.toks.len();
        if ss >= n || !self.line_start(ss) {
            return false;
        }
        // Cheap tests on the tokens first, which turn away nearly every
        // sentence: a headline is a whole line and ends without final
        // punctuation.
        let se = self.sentence_range(ss).end.min(n);
        let last = (ss..se)
            .rev()
            .find(|&k| !self.toks[k].is_quote() && self.toks[k].kind != TokenKind::Dash);
        if last.is_none_or(|k| is_final_punct(&self.toks[k]) || is_punct(&self.toks[k], ","))
            || (se < n && !self.line_start(se))
            || (ss + 1..se).any(|k| self.line_break_before(k))
        {
            return false;
        }
        let text = self.doc.text();
        let (a, b) = (self.toks[ss].span.start, self.toks[se - 1].span.end);
        // The document's first line, a paragraph of its own, without final
        // punctuation: a headline in sentence case too ("Judge rejects
        // developer's appeal over riverside tower").
        // A name and a colon opening it attribute its words ("Roe: We will
        // not back down"), as in any headline.
        let first_line = text.get(..a).is_some_and(|t| t.trim().is_empty())
            && text.get(a..b).is_some_and(|l| !l.contains(':'))
            && text.get(b..).is_some_and(|rest| {
                let mut lines = rest.split('\n');
                lines.next().is_some_and(|l| l.trim().is_empty())
                    && lines.next().is_some_and(|l| l.trim().is_empty())
            });
        first_line || text.get(a..b).is_some_and(news::is_headline)
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
