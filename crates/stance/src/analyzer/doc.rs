//! The document view the rules read: built once per document.
//!
//! Per token: its lowercased word (borrowed from the text when it is
//! lowercase ASCII already, else in one shared buffer) and its class bits
//! ([`super::classes`]); per token, the end of its sentence; per sentence,
//! whether a quote touches it; the mentions and quotes sorted for range
//! searches; and the byline ("By Faye Higbee" on its own line near the top
//! makes "Faye Higbee" the author).

use std::ops::Range;

use newsnlp_gazetteer::{Gazetteer, Mention};
use newsnlp_quotes::Quote;
use newsnlp_text::hash::FastMap;
use newsnlp_tokenize::{Sentence, TokenKind, Tokenized};

use super::classes::{CAP, CLASSES, WORD};
use crate::verbs::{STANCE_LEXICON, StanceLexicon, VerbForm};

/// The most entity targets taken from one quote or one author sentence.
const TARGETS_PER_SPAN: usize = 64;
/// How many overlapping quotes are searched for the one enclosing a span.
const ENCLOSING_QUOTES: usize = 8;

/// The document, read once for the rules.
pub(super) struct Doc<'a, 't> {
    pub(super) text: &'t str,
    pub(super) doc: &'a Tokenized<'t>,
    /// Lowercased words (`’` as `'`), by token.
    words: Vec<WordSlot<'t>>,
    /// The lowercased words that differ from their tokens, one after another.
    lowered: String,
    /// Per token: its class bits (`DET` .. `MAY_START`).
    class: Vec<u16>,
    /// Per token: the end (token index) of its sentence, or the number of
    /// tokens for a token outside every sentence.
    sentence_end: Vec<usize>,
    pub(super) gaz: &'a Gazetteer,
    /// Mentions sorted by start.
    pub(super) mentions: Vec<&'a Mention>,
    /// Quotes sorted by content start.
    pub(super) quotes: Vec<&'a Quote>,
    /// Quote index by the byte start of its cue.
    pub(super) by_cue: FastMap<usize, usize>,
    /// Per sentence: whether a quote's content, cue or source overlaps it.
    pub(super) attributed: Vec<bool>,
    pub(super) byline: Option<String>,
}

/// Where a token's lowercased word is.
#[derive(Debug, Clone, Copy)]
enum WordSlot<'t> {
    /// Punctuation: no word.
    None,
    /// The token itself (already lowercase ASCII).
    Text(&'t str),
    /// A byte range of [`Doc::lowered`].
    Lowered(usize, usize),
}

pub(super) fn is_wordlike(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number
    )
}

/// The lowercased word, `’` as `'`: the token itself when already
/// lowercase ASCII, else appended to `lowered`.
fn lower<'t>(s: &'t str, lowered: &mut String) -> WordSlot<'t> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return WordSlot::Text(s);
    }
    let start = lowered.len();
    if s.is_ascii() {
        lowered.push_str(s);
        if let Some(new) = lowered.get_mut(start..) {
            new.make_ascii_lowercase();
        }
    } else {
        lowered.push_str(&s.to_lowercase().replace('’', "'"));
    }
    WordSlot::Lowered(start, lowered.len())
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

pub(super) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

impl<'a, 't> Doc<'a, 't> {
    pub(super) fn new(
        doc: &'a Tokenized<'t>,
        gaz: &'a Gazetteer,
        mentions: &'a [Mention],
        quotes: &'a [Quote],
    ) -> Self {
        let text = doc.text();
        // The token table, built inline: as a function of its own it cost
        // 0.4% more of the stance layer (callgrind, 1 MB of news).
        let mut lowered = String::with_capacity(text.len() / 8);
        let classes = &*CLASSES;
        let tokens = doc.tokens();
        let mut words: Vec<WordSlot<'t>> = Vec::with_capacity(tokens.len());
        let mut class: Vec<u16> = Vec::with_capacity(tokens.len());
        for t in tokens {
            let mut c = 0;
            let cap = match t.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => t.text.chars().next().is_some_and(char::is_uppercase),
            };
            if cap {
                c |= CAP;
            }
            let slot = if is_wordlike(t.kind) {
                let slot = lower(t.text, &mut lowered);
                let w = match slot {
                    WordSlot::Text(w) => w,
                    WordSlot::Lowered(a, b) => lowered.get(a..b).unwrap_or_default(),
                    WordSlot::None => "",
                };
                c |= WORD;
                c |= classes.bits(w);
                slot
            } else {
                WordSlot::None
            };
            words.push(slot);
            class.push(c);
        }
        let mut sentence_end = vec![words.len(); words.len()];
        for s in doc.sentences() {
            if let Some(ends) = sentence_end.get_mut(s.tokens.clone()) {
                ends.fill(s.tokens.end);
            }
        }
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
        let mut d = Doc {
            text,
            doc,
            words,
            lowered,
            class,
            sentence_end,
            gaz,
            mentions: ms,
            quotes: qs,
            by_cue,
            attributed,
            byline: None,
        };
        d.byline = d.find_byline();
        d
    }

    #[inline]
    pub(super) fn word(&self, i: usize) -> Option<&str> {
        match *self.words.get(i)? {
            WordSlot::None => None,
            WordSlot::Text(w) => Some(w),
            WordSlot::Lowered(a, b) => self.lowered.get(a..b),
        }
    }

    pub(super) fn is(&self, i: usize, set: &[&str]) -> bool {
        self.word(i).is_some_and(|w| set.contains(&w))
    }

    /// The class bits of token `i` (none past the end).
    #[inline]
    pub(super) fn class(&self, i: usize) -> u16 {
        self.class.get(i).copied().unwrap_or(0)
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

    /// A "By First Last" line among the first paragraphs.
    fn find_byline(&self) -> Option<String> {
        let toks = self.doc.tokens();
        let mut i = 0;
        while i < toks.len() && toks[i].paragraph < 8 && toks[i].span.start < 2000 {
            let para = toks[i].paragraph;
            let starts_para = i == 0 || toks[i - 1].paragraph != para;
            if starts_para && matches!(toks[i].text, "By" | "BY") {
                let mut j = i + 1;
                while j < toks.len()
                    && toks[j].paragraph == para
                    && j - i <= 4
                    && is_wordlike(toks[j].kind)
                    && self.capitalized(j)
                {
                    j += 1;
                }
                let ends_para = j >= toks.len() || toks[j].paragraph != para;
                if j - i >= 3 && ends_para {
                    return Some(self.text[toks[i + 1].span.start..toks[j - 1].span.end].into());
                }
            }
            i += 1;
        }
        None
    }

    /// Index of the token that starts at or contains byte `pos`.
    pub(super) fn token_at(&self, pos: usize) -> usize {
        self.doc
            .tokens()
            .partition_point(|t| t.span.end <= pos)
            .min(self.doc.tokens().len().saturating_sub(1))
    }

    /// The innermost quote whose content holds `span` (capped search).
    pub(super) fn enclosing_quote(&self, span: &Range<usize>) -> Option<&'a Quote> {
        let end = self
            .quotes
            .partition_point(|q| q.content.start <= span.start);
        self.quotes[..end]
            .iter()
            .rev()
            .take(ENCLOSING_QUOTES)
            .filter(|q| contains(&q.content, span) && q.speaker.is_some())
            .min_by_key(|q| q.content.len())
            .copied()
    }

    /// Mentions (with an entity) inside `span`, capped.
    pub(super) fn mentions_in(
        &self,
        span: &Range<usize>,
    ) -> impl Iterator<Item = &'a Mention> + '_ {
        let first = self.mentions.partition_point(|m| m.start() < span.start);
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
        let end = self
            .sentence_end
            .get(i)
            .copied()
            .unwrap_or(self.words.len())
            .min(self.words.len());
        let len = n.min(4).min(end.saturating_sub(i));
        let lex: &'static StanceLexicon = &STANCE_LEXICON;
        lex.longest_by(len, |j| self.word(i + j))
    }

    pub(super) fn sentence_of_byte(&self, pos: usize) -> Option<usize> {
        self.doc.sentence_of(self.token_at(pos))
    }
}
