//! The document view the rules read: built once per document.
//!
//! Per token, from the document's shared [`Table`]: its lowercased word
//! (`’` as `'`, [`Table::folded`]), its class bits ([`super::classes`]:
//! the table's word classes and capital flag, and whether a stance-lexicon
//! form may start with it) and the end of its sentence; per sentence,
//! whether a quote touches it; the mentions and quotes sorted for range
//! searches; and the byline ("By Faye Higbee" on its own line near the top
//! makes "Faye Higbee" the author).

use std::ops::Range;

use newsnlp_gazetteer::{Entities, Mention};
use newsnlp_quotes::Quote;
use newsnlp_text::Table;
use newsnlp_text::hash::FastMap;
use newsnlp_text::table::Flags;
use newsnlp_tokenize::{Sentence, Token, TokenKind, Tokenized};

use super::classes::{CAP, DET, MAY_START, PREP, WORD, word_bits};
use crate::verbs::{Adjective, NO_LIST, STANCE_LEXICON, StanceLexicon, VerbForm};
use newsnlp_text::words::WordClass;

/// The most entity targets taken from one quote or one author sentence.
const TARGETS_PER_SPAN: usize = 64;
/// The most tokens of a headline.
const HEADLINE_WORDS: usize = 24;
/// How many overlapping quotes are searched for the one enclosing a span.
const ENCLOSING_QUOTES: usize = 8;
/// A token whose word starts no stance-lexicon form.
const NO_FORMS: u32 = NO_LIST;
/// A token whose phrases are looked up by its word's text
/// ([`StanceLexicon::phrase_by`]): a folded word, or one without a
/// [`short_key`](newsnlp_text::hash::short_key).
const BY_TEXT: u32 = NO_LIST - 1;

/// What the rules read of a token, in one row per token (one array
/// filled in one pass).
#[derive(Clone, Copy)]
struct TokenRow<'a> {
    /// Its lowercased word, `’` as `'` ([`Table::folded`]).
    word: &'a str,
    /// Its class bits (`DET` .. `MAY_START`).
    class: u16,
    /// With `MAY_START`: the stance lexicon's list of the forms that start
    /// with its word ([`StanceLexicon::first_list`]).
    first_forms: u32,
}

/// The document, read once for the rules.
pub(super) struct Doc<'a, 't> {
    pub(super) text: &'t str,
    pub(super) doc: &'a Tokenized<'t>,
    /// The document's token table (words, classes, flags, sentences).
    table: &'a Table<'t>,
    /// Per token: what the rules read of it.
    rows: Vec<TokenRow<'a>>,
    /// Who each entity id is (the gazetteer's and the document's own).
    pub(super) entities: Entities<'a>,
    /// Mentions sorted by start.
    pub(super) mentions: Vec<&'a Mention>,
    /// The start of each of `mentions`, in the same order: what the
    /// searches for a byte bisect ([`Doc::mentions_from`]), without
    /// following a pointer at each step.
    mention_starts: Vec<usize>,
    /// Quotes sorted by content start.
    pub(super) quotes: Vec<&'a Quote>,
    /// The content start of each of `quotes`, in the same order (bisected
    /// without following a pointer at each step).
    quote_starts: Vec<usize>,
    /// Quote index by the byte start of its cue.
    pub(super) by_cue: FastMap<usize, usize>,
    /// Per sentence: whether a quote's content, cue or source overlaps it.
    pub(super) attributed: Vec<bool>,
    /// Per sentence: whether it is a headline (before the byline, or a
    /// title-case line without a final stop), which is nobody's stance.
    headline: Vec<bool>,
    pub(super) byline: Option<String>,
    /// The evaluative phrases and conduct idioms of the text ("a step in
    /// the right direction", "dropped the ball"), in text order.
    phrases: Vec<PhraseAt>,
    /// Per stretch of [`BYTE_STRETCH`] bytes of the text: the first token
    /// that ends after the stretch's start. [`Doc::token_at`] starts there
    /// and steps over the few tokens before its byte, instead of bisecting
    /// the whole token array (whose every step is a dependent load, most
    /// of them cache misses).
    first_token: Vec<usize>,
}

/// The bytes of a stretch of [`Doc::first_token`].
const BYTE_STRETCH: usize = 64;

/// Per stretch of [`BYTE_STRETCH`] bytes of a text of `len` bytes, the
/// index of the first of `tokens` (in order, not overlapping) that ends
/// after the stretch's first byte.
fn first_tokens(tokens: &[Token<'_>], len: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(len / BYTE_STRETCH + 1);
    let mut k = 0;
    for at in (0..=len).step_by(BYTE_STRETCH) {
        while tokens.get(k).is_some_and(|t| t.span.end <= at) {
            k += 1;
        }
        out.push(k);
    }
    out
}

/// Per sentence: whether a quote's content, cue or source overlaps it (by
/// a difference array over the sentences).
fn attributed_sentences(sentences: &[Sentence], quotes: &[&Quote]) -> Vec<bool> {
    let mut diff = vec![0i64; sentences.len() + 1];
    for q in quotes {
        let mut lo = q.content.start;
        let mut hi = q.content.end;
        for r in [&q.cue, &q.source].into_iter().flatten() {
            lo = lo.min(r.start);
            hi = hi.max(r.end);
        }
        let first = sentences.partition_point(|s| s.span.end <= lo);
        let last = sentences.partition_point(|s| s.span.start < hi);
        if first < last {
            diff[first] += 1;
            diff[last] -= 1;
        }
    }
    let mut run = 0;
    diff[..sentences.len()]
        .iter()
        .map(|d| {
            run += d;
            run > 0
        })
        .collect()
}

/// An evaluative phrase or conduct idiom found in the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct PhraseAt {
    /// Its first token.
    pub(super) start: usize,
    /// The token after its last.
    pub(super) end: usize,
    pub(super) valence: f32,
    /// A conduct idiom's polarity toward its subject; 0 for an evaluative
    /// phrase.
    pub(super) conduct: i8,
}

/// The evaluative phrases and conduct idioms of the text
/// ([`StanceLexicon::phrase_by`]), the longest at each token, none
/// overlapping. `starts` holds per token its list of phrases
/// ([`StartFacts::phrases`]), or [`BY_TEXT`] for a word looked up by its
/// text.
fn evaluative_phrases(rows: &[TokenRow<'_>], starts: &[u32], lex: &StanceLexicon) -> Vec<PhraseAt> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let word = |j: usize| rows.get(i + j).map(|r| r.word);
        let phrase = match starts.get(i).copied() {
            None | Some(NO_LIST) => None,
            Some(BY_TEXT) => lex.phrase_by(word),
            Some(list) => lex.phrase_in(list, word),
        };
        match phrase {
            Some(p) => {
                let end = i + p.words.len();
                found.push(PhraseAt {
                    start: i,
                    end,
                    valence: p.valence,
                    conduct: p.conduct,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

pub(super) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

impl<'a, 't> Doc<'a, 't> {
    /// The view of `doc`, whose token table is `table` (built from
    /// `doc`: [`Tokenized::table`]).
    pub(super) fn new(
        doc: &'a Tokenized<'t>,
        table: &'a Table<'t>,
        entities: Entities<'a>,
        mentions: &'a [Mention],
        quotes: &'a [Quote],
    ) -> Self {
        let text = doc.text();
        let lex: &StanceLexicon = &STANCE_LEXICON;
        // One pass over the table's rows: the words and class bits the
        // rules read, each then one array read.
        // Per token, the phrases its word starts (for `evaluative_phrases`).
        let mut phrase_starts: Vec<u32> = Vec::with_capacity(table.len());
        let rows: Vec<TokenRow<'_>> = table
            .folded_rows()
            .enumerate()
            .map(|(i, (folded, f, classes))| {
                let is_word = f.contains(Flags::WORDLIKE);
                let mut bits = word_bits(classes, f.contains(Flags::CAPITALIZED), is_word);
                // What the word starts: one lookup by the table's key of the
                // word when it is the folded one, else by the text.
                let (forms, phrases) = match table.key(i) {
                    Some(k) if !f.contains(Flags::FOLDED) => lex
                        .starts_by_key(k)
                        .map_or((NO_LIST, NO_LIST), |s| (s.forms, s.phrases)),
                    _ => {
                        let forms = (is_word && lex.may_start(folded))
                            .then(|| lex.first_list(folded))
                            .flatten();
                        (forms.unwrap_or(NO_LIST), BY_TEXT)
                    }
                };
                let first_forms = if is_word { forms } else { NO_FORMS };
                if first_forms != NO_FORMS {
                    bits |= MAY_START;
                }
                phrase_starts.push(phrases);
                TokenRow {
                    word: folded,
                    class: bits,
                    first_forms,
                }
            })
            .collect();
        let phrases = evaluative_phrases(&rows, &phrase_starts, lex);
        let mut ms: Vec<&Mention> = mentions.iter().collect();
        ms.sort_by_key(|m| (m.start(), m.end()));
        let mut qs: Vec<&Quote> = quotes.iter().collect();
        qs.sort_by_key(|q| (q.content.start, std::cmp::Reverse(q.content.end)));
        let by_cue = qs
            .iter()
            .enumerate()
            .filter_map(|(i, q)| Some((q.cue.as_ref()?.start, i)))
            .collect();
        let attributed = attributed_sentences(doc.sentences(), &qs);
        let first_token = first_tokens(doc.tokens(), text.len());
        let mention_starts = ms.iter().map(|m| m.start()).collect();
        let quote_starts = qs.iter().map(|q| q.content.start).collect();
        let mut d = Doc {
            text,
            doc,
            table,
            rows,
            entities,
            mentions: ms,
            mention_starts,
            quote_starts,
            quotes: qs,
            by_cue,
            attributed,
            headline: Vec::new(),
            byline: table.byline_name().map(str::to_string),
            phrases,
            first_token,
        };
        let byline_paragraph = table
            .byline()
            .and_then(|r| table.paragraph(r.start))
            .map(|p| p.get());
        d.headline = d.headlines(byline_paragraph);
        d
    }

    /// Whether sentence `si` is a headline, which holds no stance.
    pub(super) fn is_headline(&self, si: usize) -> bool {
        self.headline.get(si).copied().unwrap_or(false)
    }

    /// Whether the author holds what sentence `si` says: no quote touches
    /// it and it is not a headline.
    pub(super) fn authors(&self, si: usize) -> bool {
        !self.attributed.get(si).copied().unwrap_or(true)
            && !self.headline.get(si).copied().unwrap_or(true)
    }

    /// Per sentence: whether it is a headline: in a paragraph before the
    /// byline's (`byline_paragraph`), a title-case line ("X Meets Y as
    /// Dispute Over Z Drags On") that ends without a stop, or the
    /// document's first paragraph when it is one such line with more
    /// after it.
    fn headlines(&self, byline_paragraph: Option<usize>) -> Vec<bool> {
        let toks = self.doc.tokens();
        self.doc
            .sentences()
            .iter()
            .map(|s| {
                let Some(first) = toks.get(s.tokens.start) else {
                    return false;
                };
                if byline_paragraph.is_some_and(|p| (first.paragraph as usize) < p) {
                    return true;
                }
                let ends_stopped = toks[s.tokens.clone()]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|t| matches!(t.text, "." | "!" | "?" | "…" | ":"));
                if ends_stopped || s.tokens.len() > HEADLINE_WORDS {
                    return false;
                }
                // The document's first line alone in its paragraph, with
                // more after it ("California governor proposes deep cut to
                // wildfire prevention" over the story).
                let last = toks.get(s.tokens.end.saturating_sub(1));
                let more = toks
                    .get(s.tokens.end)
                    .is_some_and(|t| t.paragraph > first.paragraph);
                if first.paragraph == 0 && last.is_some_and(|t| t.paragraph == 0) && more {
                    return true;
                }
                // The one headline test every layer shares.
                self.text
                    .get(s.span.clone())
                    .is_some_and(newsnlp_text::news::is_headline)
            })
            .collect()
    }

    #[inline]
    pub(super) fn word(&self, i: usize) -> Option<&str> {
        self.rows
            .get(i)
            .filter(|r| r.class & WORD != 0)
            .map(|r| r.word)
    }

    /// The stance lexicon's valence of the word of token `i`
    /// ([`StanceLexicon::valence_with_key`]), found by the table's key of
    /// the word when it has one.
    pub(super) fn valence(&self, i: usize) -> Option<f32> {
        let w = self.word(i)?;
        // An evaluative phrase is judged at its first word; its other
        // words add nothing.
        if let Some(p) = self.phrase_around(i) {
            return Some(if p.start == i { p.valence } else { 0.0 });
        }
        // A hyphenated evaluative ("much-needed", "long-awaited") is one
        // entry, read at its first word; its second word adds nothing.
        if let Some(v) = self.compound_valence(i) {
            return Some(v);
        }
        if i >= 2 && self.compound_valence(i - 2).is_some() {
            return Some(0.0);
        }
        // "right now", "right in your community": an adverb of place or
        // time, not the judgement of "the right call".
        if w == "right"
            && (self.has(i + 1, PREP) || self.is(i + 1, &["now", "away", "here", "there", "back"]))
        {
            return Some(0.0);
        }
        let key = self
            .table
            .key(i)
            .filter(|_| !self.table.flags(i).contains(Flags::FOLDED));
        Some(STANCE_LEXICON.valence_with_key(w, key))
    }

    /// The evaluative phrase that token `i` is part of, if any.
    #[inline]
    fn phrase_around(&self, i: usize) -> Option<PhraseAt> {
        if self.phrases.is_empty() {
            return None;
        }
        let after = self.phrases.partition_point(|p| p.start <= i);
        let p = *self.phrases.get(after.checked_sub(1)?)?;
        (i < p.end).then_some(p)
    }

    /// The end of the evaluative phrase starting at token `i`, if one does.
    pub(super) fn phrase_end(&self, i: usize) -> Option<usize> {
        self.phrase_around(i)
            .filter(|p| p.start == i)
            .map(|p| p.end)
    }

    /// The evaluative phrases and conduct idioms within `tokens`.
    pub(super) fn phrases_in(&self, tokens: &Range<usize>) -> &[PhraseAt] {
        let lo = self.phrases.partition_point(|p| p.start < tokens.start);
        let hi = self.phrases.partition_point(|p| p.start < tokens.end);
        &self.phrases[lo..hi.max(lo)]
    }

    /// The evaluative valence of the hyphenated compound starting at token
    /// `i` ("much", "-", "needed"), when the news evaluatives list it.
    fn compound_valence(&self, i: usize) -> Option<f32> {
        let toks = self.doc.tokens();
        let hyphen = toks.get(i + 1)?;
        let second = self.word(i + 2)?;
        if hyphen.text != "-" || hyphen.space_before || toks[i + 2].space_before {
            return None;
        }
        let compound = format!("{}-{second}", self.word(i)?);
        STANCE_LEXICON.evaluative(&compound)
    }

    /// Whether the word of token `k` is an adjective of attitude with a bit
    /// of `bits` ([`StanceLexicon::adjective`]).
    pub(super) fn adjective_is(&self, k: usize, bits: Adjective) -> bool {
        self.word(k)
            .is_some_and(|w| STANCE_LEXICON.adjective(w).has(bits))
    }

    /// Whether token `k` is a comma.
    pub(super) fn is_comma(&self, k: usize) -> bool {
        self.doc.tokens().get(k).is_some_and(|t| t.text == ",")
    }

    /// Whether the word of token `i` ends like an inflected verb ("-s",
    /// "-ed"); a base form ("create", "look") does not.
    pub(super) fn inflected_ending(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.ends_with('s') || w.ends_with("ed"))
    }

    /// The word of token `i` before a contraction's apostrophe ("i" of
    /// "I've", "we" of "we're"), the word itself without one.
    pub(super) fn word_before_contraction(&self, i: usize) -> Option<&str> {
        self.word(i).map(|w| w.split('\'').next().unwrap_or(w))
    }

    /// Whether a time adjunct starts at token `i`, which no verb takes as
    /// its object ("traded attacks | Monday night", "rejected it |
    /// yesterday", "| last week"): a day, a month, or "last", "next" or
    /// "this" before a day or a time noun.
    pub(super) fn time_at(&self, i: usize) -> bool {
        let days = WordClass::Days.set() | WordClass::RelativeDays.set() | WordClass::Months.set();
        let span = days | WordClass::TimeNouns.set();
        if i >= self.rows.len() || self.word(i).is_none() {
            return false;
        }
        if self.table.classes(i).intersects(days) {
            // "May" opening a sentence or as a modal is no month.
            return !self.is(i, &["may"]);
        }
        self.is(i, &["last", "next", "this", "early", "late"])
            && i + 1 < self.rows.len()
            && self.table.classes(i + 1).intersects(span)
    }

    /// Whether token `k` is of `kind` (a quotation mark the rules step
    /// over: the plan “would be …”, had “real concerns” about).
    pub(super) fn kind_is(&self, k: usize, kind: TokenKind) -> bool {
        self.doc.tokens().get(k).is_some_and(|t| t.kind == kind)
    }

    /// The token after token `k`, past a quotation mark that closes right
    /// after it (had “real concerns” | about, was “confident” | in).
    pub(super) fn after_close_quote(&self, k: usize) -> usize {
        if self.kind_is(k + 1, TokenKind::CloseQuote) {
            k + 2
        } else {
            k + 1
        }
    }

    pub(super) fn is(&self, i: usize, set: &[&str]) -> bool {
        self.word(i).is_some_and(|w| set.contains(&w))
    }

    /// The class bits of token `i` (none past the end).
    #[inline]
    pub(super) fn class(&self, i: usize) -> u16 {
        self.rows.get(i).map_or(0, |r| r.class)
    }

    /// Whether token `i` has one of the class bits `bits`.
    #[inline]
    pub(super) fn has(&self, i: usize, bits: u16) -> bool {
        self.class(i) & bits != 0
    }

    #[inline]
    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.has(i, CAP)
    }

    pub(super) fn span(&self, toks: &Range<usize>) -> Range<usize> {
        let t = self.doc.tokens();
        match (
            t.get(toks.start),
            toks.end.checked_sub(1).and_then(|e| t.get(e)),
        ) {
            (Some(a), Some(b)) if toks.start < toks.end => a.span.start..b.span.end,
            _ => 0..0,
        }
    }

    /// Index of the token that starts at or contains byte `pos`.
    pub(super) fn token_at(&self, pos: usize) -> usize {
        // The spans are in order: the tokens before the first one ending
        // after the start of `pos`'s stretch all end by `pos`, and the one
        // sought is at most a stretch's tokens further.
        let toks = self.doc.tokens();
        let mut k = match self.first_token.get(pos / BYTE_STRETCH) {
            Some(&k) => k,
            None => toks.partition_point(|t| t.span.end <= pos),
        };
        while toks.get(k).is_some_and(|t| t.span.end <= pos) {
            k += 1;
        }
        k.min(toks.len().saturating_sub(1))
    }

    /// The index of the first of [`Doc::mentions`] that starts at or
    /// after byte `pos`.
    #[inline]
    pub(super) fn mentions_from(&self, pos: usize) -> usize {
        self.mention_starts.partition_point(|&s| s < pos)
    }

    /// The innermost quote whose content holds `span` (capped search).
    pub(super) fn enclosing_quote(&self, span: &Range<usize>) -> Option<&'a Quote> {
        let end = self.quote_starts.partition_point(|&s| s <= span.start);
        self.quotes[..end]
            .iter()
            .rev()
            .take(ENCLOSING_QUOTES)
            .filter(|q| contains(&q.content.range(), span) && q.speaker.is_some())
            .min_by_key(|q| q.content.len())
            .copied()
    }

    /// A quote with a speaker whose content ends at byte `at` or just
    /// before it (spaces and one mark between), among the last few to start
    /// before it.
    pub(super) fn quote_ending_at(&self, at: usize) -> Option<&'a Quote> {
        let end = self.quote_starts.partition_point(|&s| s < at);
        self.quotes[..end]
            .iter()
            .rev()
            .take(ENCLOSING_QUOTES)
            .find(|q| {
                q.speaker.is_some()
                    && q.content.end <= at
                    && self.text.get(q.content.end..at).is_some_and(|gap| {
                        gap.trim_start_matches(|c: char| c.is_whitespace() || c == ',')
                            .is_empty()
                    })
            })
            .copied()
    }

    /// Whether token `k` is capitalized as a name is: a mention's word, or
    /// a capitalized word after another word of its sentence; not one
    /// capitalized only because it opens a sentence or a quotation
    /// ("Several states", "Large groups of").
    pub(super) fn capitalized_name(&self, k: usize) -> bool {
        self.capitalized(k)
            && !self.has(k, DET)
            && ((k > 0 && self.word(k - 1).is_some() && !self.table.opens_sentence(k))
                || self.mentions_in(&self.span(&(k..k + 1))).next().is_some())
    }

    /// Mentions (with an entity) inside `span`, capped.
    pub(super) fn mentions_in(
        &self,
        span: &Range<usize>,
    ) -> impl Iterator<Item = &'a Mention> + '_ {
        let first = self.mentions_from(span.start);
        let span = span.clone();
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.start() < span.end)
            .filter(move |m| m.end() <= span.end && m.entity().is_some())
            .take(TARGETS_PER_SPAN)
            .copied()
    }

    /// The longest stance-lexicon form of up to `n` (at most 4) words
    /// starting at token `i` (never past the end of the token's sentence).
    pub(super) fn form_at(&self, i: usize, n: usize) -> Option<&'static VerbForm> {
        // `MAY_START`: some form starts with the word, whose list of forms
        // was found once, in `new`.
        if !self.has(i, MAY_START) {
            return None;
        }
        let list = self.rows.get(i).map_or(NO_FORMS, |r| r.first_forms);
        let end = self.table.sentence_end(i).min(self.table.len());
        let len = n.min(4).min(end.saturating_sub(i));
        let lex: &'static StanceLexicon = &STANCE_LEXICON;
        lex.longest_in(list, len, |j| self.word(i + j))
    }

    pub(super) fn sentence_of_byte(&self, pos: usize) -> Option<usize> {
        // The table's sentence of the token: no search of the sentences.
        self.table.sentence(self.token_at(pos)).map(|s| s.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::classes::{CLAUSE, DET};
    use newsnlp_tokenize::Tokenizer;

    #[test]
    fn words_classes_and_sentence_ends_come_from_the_table() {
        let text = "It’s THE Café ǅemal said, and Zoë wants talks. \
                    They didn’t. A very-long-word-indeed-yes was NASA’s. \
                    Good, BAD and Terrible were not HAPPY about it’s fine.";
        let doc = Tokenizer::new().tokenize(text);
        let table = doc.table();
        let gaz = newsnlp_gazetteer::Gazetteer::default();
        let d = Doc::new(&doc, &table, (&gaz).into(), &[], &[]);
        let lex = &*STANCE_LEXICON;
        for (i, t) in doc.tokens().iter().enumerate() {
            // The word as the rules have always read it.
            let want = t
                .kind
                .is_wordlike()
                .then(|| t.text.to_lowercase().replace('’', "'"));
            assert_eq!(d.word(i), want.as_deref(), "{}", t.text);
            let cap = t.text.chars().next().is_some_and(char::is_uppercase);
            assert_eq!(d.capitalized(i), cap, "{}", t.text);
            let may = want.as_deref().is_some_and(|w| lex.first_list(w).is_some());
            assert_eq!(d.has(i, MAY_START), may, "{}", t.text);
            let valence = d.word(i).map(|w| lex.valence(w));
            assert_eq!(d.valence(i), valence, "{}", t.text);
            let end = doc
                .sentence_of(i)
                .map_or(doc.tokens().len(), |s| doc.sentences()[s].tokens.end);
            assert_eq!(table.sentence_end(i), end);
        }
        let at = |w: &str| (0..doc.tokens().len()).find(|&i| d.word(i) == Some(w));
        let the = at("the").map(|i| d.class(i));
        assert_eq!(the.map(|c| c & (DET | WORD | CAP)), Some(DET | WORD | CAP));
        assert!(at("and").is_some_and(|i| d.has(i, CLAUSE)));
        assert_eq!(d.word(doc.tokens().len()), None);
        assert_eq!(d.class(doc.tokens().len()), 0);
    }
}
