//! Target-relative features for the sentiment model.
//!
//! Every feature is a name (a short prefix saying what it measures, a colon,
//! then a lowercased word or a bucket) and a value. Binary features have
//! the value 1. The names are what the weight file stores, so changing this
//! file changes the model: retrain after any edit (see the crate README).

use std::ops::Range;

use newsnlp_text::words::{Classes, WordClass};

use crate::lexicon::{LEXICONS, Lexicons, WordInfo};
use crate::tokens::Token;
use crate::verbs::{STANCE_LEXICON, VerbKind};

/// Clamps `target` to `sentence`: both ends are cut to the sentence length
/// and moved outwards to the nearest character boundary; a reversed range is
/// put in order.
pub(crate) fn clamp_span(sentence: &str, target: Range<usize>) -> Range<usize> {
    let (mut s, mut e) = (target.start, target.end);
    if s > e {
        std::mem::swap(&mut s, &mut e);
    }
    let s = sentence.floor_char_boundary(s.min(sentence.len()));
    let e = sentence.ceil_char_boundary(e.min(sentence.len()));
    s..e
}

/// The token index range `[first, last)` covered by `span`: every token that
/// overlaps it. When none does (an empty span, or one on whitespace), the
/// empty range at the first token that starts at or after `span.start`.
pub(crate) fn token_range(tokens: &[Token<'_>], span: &Range<usize>) -> Range<usize> {
    // The tokens are in order and do not overlap: the only token that can
    // be the first to overlap `span` is the first that ends after its
    // start (a binary search, not a scan from the sentence's start).
    let first = tokens.partition_point(|t| t.span.end <= span.start);
    match tokens.get(first) {
        Some(t) if covers(t, span) => covered_from(tokens, first, span),
        _ => {
            let at = tokens.partition_point(|t| t.span.start < span.start);
            at..at
        }
    }
}

/// Whether token `t` overlaps `span`, or holds an empty `span` strictly
/// inside it.
#[inline]
fn covers(t: &Token<'_>, span: &Range<usize>) -> bool {
    t.span.start < span.end && span.start < t.span.end
        || (span.start == span.end && t.span.start < span.start && span.start < t.span.end)
}

/// The tokens that cover `span` ([`covers`]) from token `first`, which
/// does.
fn covered_from(tokens: &[Token<'_>], first: usize, span: &Range<usize>) -> Range<usize> {
    let last = tokens[first..]
        .iter()
        .position(|t| !covers(t, span))
        .map_or(tokens.len(), |n| first + n);
    first..last
}

/// Whether a lowercased word is a pronoun of the features (the
/// `feature_pronouns` section of the shared word-class file; the model
/// reads it through [`WordInfo::pronoun`]).
#[cfg(test)]
fn is_pronoun(lower: &str) -> bool {
    Classes::of(lower).contains(WordClass::FeaturePronouns)
}

/// Whether a lowercased word breaks a clause for the features (the
/// `feature_clause_words` section of the shared word-class file).
#[inline]
pub(crate) fn is_clause_word(lower: &str) -> bool {
    Classes::of(lower).contains(WordClass::FeatureClauseWords)
}

fn is_quote(t: &Token<'_>) -> bool {
    !t.is_word() && matches!(t.text, "\"" | "“" | "”" | "«" | "»" | "„")
}

/// Whether punctuation `text` breaks a clause.
#[inline]
fn is_break_mark(text: &str) -> bool {
    matches!(
        text,
        "," | ";" | ":" | "—" | "–" | "(" | ")" | "[" | "]" | "?" | "!"
    )
}

fn is_clause_break(t: &Token<'_>) -> bool {
    if t.is_word() {
        is_clause_word(&t.lower)
    } else {
        is_break_mark(t.text)
    }
}

/// Valence of every token after negation and intensifier scaling, in VADER
/// units (-4..4); 0 for words outside the lexicon and for punctuation.
pub(crate) fn valences(tokens: &[Token<'_>], lex: &Lexicons) -> Vec<f32> {
    let mut out = vec![0.0; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        let Some(&v) = lex.valence.get(t.lower.as_ref()) else {
            continue;
        };
        let mut v = v;
        // Intensifier right before (or two before: "very, very bad").
        for back in 1..=2 {
            if let Some(p) = i.checked_sub(back).map(|j| &tokens[j])
                && let Some(f) = lex.intensifier(&p.lower)
            {
                v *= 1.0 + f;
                break;
            }
        }
        // Negator within three words before, not across a clause break.
        for back in 1..=3 {
            let Some(p) = i.checked_sub(back).map(|j| &tokens[j]) else {
                break;
            };
            if is_clause_break(p) {
                break;
            }
            if p.is_word() && lex.is_negator(&p.lower) {
                v *= -0.74;
                break;
            }
        }
        out[i] = v;
    }
    out
}

/// A token's classes, as [`classes`] gives them: bits of one byte.
pub(crate) const C_WORD: u8 = 1;
/// A double quote mark ([`is_quote`]).
const C_QUOTE: u8 = 2;
/// A clause break ([`is_clause_break`]).
const C_BREAK: u8 = 4;
/// A word whose first character is uppercase.
const C_CAPITAL: u8 = 8;
/// A pronoun of the features ([`WordInfo::pronoun`]).
const C_PRONOUN: u8 = 16;
/// A word that is a negator.
const C_NEGATOR: u8 = 32;
/// A word some stance-lexicon form may start with
/// ([`StanceLexicon::may_start`](crate::verbs::StanceLexicon::may_start)).
const C_MAY_START: u8 = 64;
/// A word that may name someone other than a target: capitalized (not
/// the first token) or a pronoun of the features.
const C_OTHER: u8 = 128;

/// The classes of every token (`C_*` bits), read once for all the targets
/// of a sentence so that each target's features are array reads.
pub(crate) fn classes(tokens: &[Token<'_>], lex: &Lexicons) -> Vec<u8> {
    let infos: Vec<_> = tokens.iter().map(|t| lex.info(&t.lower)).collect();
    classes_from(tokens, &infos)
}

/// [`classes`] from the tokens' [`WordInfo`]s (one per token).
fn classes_from(tokens: &[Token<'_>], infos: &[WordInfo]) -> Vec<u8> {
    let stance = &*STANCE_LEXICON;
    tokens
        .iter()
        .zip(infos)
        .enumerate()
        .map(|(i, (t, info))| {
            let mut c = 0;
            if t.is_word() {
                c |= C_WORD;
                if starts_uppercase(t.text) {
                    c |= C_CAPITAL;
                    if i > 0 {
                        c |= C_OTHER;
                    }
                }
                if info.pronoun {
                    c |= C_PRONOUN | C_OTHER;
                }
                if info.negator || t.lower.ends_with("n't") {
                    c |= C_NEGATOR;
                }
                if info.clause {
                    c |= C_BREAK;
                }
                if stance.may_start(&t.lower) {
                    c |= C_MAY_START;
                }
            } else {
                c |= mark_bits(t);
            }
            c
        })
        .collect()
}

/// Whether the first character of `text` is uppercase, without decoding
/// an ASCII one.
#[inline]
fn starts_uppercase(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text.chars().next().is_some_and(char::is_uppercase),
    }
}

/// The classes of a punctuation token: [`C_QUOTE`] ([`is_quote`]) and
/// [`C_BREAK`] ([`is_break_mark`]), a one-byte mark by its byte.
#[inline]
fn mark_bits(t: &Token<'_>) -> u8 {
    match t.text.as_bytes() {
        [b'"'] => C_QUOTE,
        [b',' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'?' | b'!'] => C_BREAK,
        [_] => 0,
        _ => {
            let mut c = 0;
            if is_quote(t) {
                c |= C_QUOTE;
            }
            if is_break_mark(t.text) {
                c |= C_BREAK;
            }
            c
        }
    }
}

/// [`valences`] and [`classes`] at once, with one lookup of each token's
/// word in the lexicons ([`Lexicons::info`]): the same values.
#[cfg(test)]
pub(crate) fn valences_and_classes(tokens: &[Token<'_>], lex: &Lexicons) -> (Vec<f32>, Vec<u8>) {
    let infos: Vec<_> = tokens.iter().map(|t| lex.info(&t.lower)).collect();
    valences_and_classes_from(tokens, &infos)
}

/// [`valences`] and [`classes`] at once, from the tokens' [`WordInfo`]s, looked up
/// beforehand (one per token).
pub(crate) fn valences_and_classes_from(
    tokens: &[Token<'_>],
    infos: &[WordInfo],
) -> (Vec<f32>, Vec<u8>) {
    let own: Vec<WordInfo>;
    let infos = if infos.len() == tokens.len() {
        infos
    } else {
        own = tokens.iter().map(|t| LEXICONS.info(&t.lower)).collect();
        &own
    };
    let cls = classes_from(tokens, infos);
    let mut vals = vec![0.0; tokens.len()];
    for (i, info) in infos.iter().enumerate() {
        if cls[i] & C_WORD == 0 {
            continue;
        }
        let Some(mut v) = info.valence else { continue };
        // Intensifier right before (or two before: "very, very bad").
        for back in 1..=2 {
            if let Some(f) = i.checked_sub(back).and_then(|j| infos[j].intensifier) {
                v *= 1.0 + f;
                break;
            }
        }
        // Negator within three words before, not across a clause break.
        for back in 1..=3 {
            let Some(j) = i.checked_sub(back) else { break };
            if cls[j] & C_BREAK != 0 {
                break;
            }
            if cls[j] & C_NEGATOR != 0 {
                v *= -0.74;
                break;
            }
        }
        vals[i] = v;
    }
    (vals, cls)
}

/// Small counts as feature-name parts.
#[cfg(test)]
const SMALL: [&str; 5] = ["0", "1", "2", "3", "4"];

/// The index of the distance bucket of `d` (1, 2, 4, 8, far).
fn dist_index(d: usize) -> usize {
    match d {
        0..=1 => 0,
        2 => 1,
        3..=4 => 2,
        5..=8 => 3,
        _ => 4,
    }
}

/// The names of the features that depend on no word, by index (see
/// [`Sink::fixed`]); `fixed_names_agree` checks them against their parts.
pub(crate) const FIXED: [&str; 130] = [
    "tpron",
    "tlen:0",
    "tlen:1",
    "tlen:2",
    "tlen:3",
    "tlen:4",
    "tfirst",
    "tlast",
    "inquote",
    "hasquote",
    "lexl+:1",
    "lexl+:2",
    "lexl+:4",
    "lexl+:8",
    "lexl+:far",
    "lexl-:1",
    "lexl-:2",
    "lexl-:4",
    "lexl-:8",
    "lexl-:far",
    "lexr+:1",
    "lexr+:2",
    "lexr+:4",
    "lexr+:8",
    "lexr+:far",
    "lexr-:1",
    "lexr-:2",
    "lexr-:4",
    "lexr-:8",
    "lexr-:far",
    "lexc+",
    "lexc-",
    "lexown+",
    "lexown-",
    "lexoth+",
    "lexoth-",
    "others:0",
    "others:1",
    "others:2",
    "others:3",
    "others:4",
    "lexl+",
    "lexl-",
    "lexr+",
    "lexr-",
    "lexc+",
    "lexc-",
    "lexall",
    "nearl+:1",
    "nearl+:2",
    "nearl+:4",
    "nearl+:8",
    "nearl+:far",
    "nearl-:1",
    "nearl-:2",
    "nearl-:4",
    "nearl-:8",
    "nearl-:far",
    "nearr+:1",
    "nearr+:2",
    "nearr+:4",
    "nearr+:8",
    "nearr+:far",
    "nearr-:1",
    "nearr-:2",
    "nearr-:4",
    "nearr-:8",
    "nearr-:far",
    "negc",
    "vr:obj+att",
    "vr:obj+act",
    "vr:obj+frame",
    "vr:obj+deed",
    "vr:obj+des",
    "vr:obj-att",
    "vr:obj-act",
    "vr:obj-frame",
    "vr:obj-deed",
    "vr:obj-des",
    "vr:obj0att",
    "vr:obj0act",
    "vr:obj0frame",
    "vr:obj0deed",
    "vr:obj0des",
    "vr:subj+att",
    "vr:subj+act",
    "vr:subj+frame",
    "vr:subj+deed",
    "vr:subj+des",
    "vr:subj-att",
    "vr:subj-act",
    "vr:subj-frame",
    "vr:subj-deed",
    "vr:subj-des",
    "vr:subj0att",
    "vr:subj0act",
    "vr:subj0frame",
    "vr:subj0deed",
    "vr:subj0des",
    "vrn:obj+att",
    "vrn:obj+act",
    "vrn:obj+frame",
    "vrn:obj+deed",
    "vrn:obj+des",
    "vrn:obj-att",
    "vrn:obj-act",
    "vrn:obj-frame",
    "vrn:obj-deed",
    "vrn:obj-des",
    "vrn:obj0att",
    "vrn:obj0act",
    "vrn:obj0frame",
    "vrn:obj0deed",
    "vrn:obj0des",
    "vrn:subj+att",
    "vrn:subj+act",
    "vrn:subj+frame",
    "vrn:subj+deed",
    "vrn:subj+des",
    "vrn:subj-att",
    "vrn:subj-act",
    "vrn:subj-frame",
    "vrn:subj-deed",
    "vrn:subj-des",
    "vrn:subj0att",
    "vrn:subj0act",
    "vrn:subj0frame",
    "vrn:subj0deed",
    "vrn:subj0des",
    "tposs",
];
const F_TPRON: usize = 0;
const F_TLEN: usize = 1;
const F_TFIRST: usize = 6;
const F_TLAST: usize = 7;
const F_INQUOTE: usize = 8;
const F_HASQUOTE: usize = 9;
/// `lex{l,r}{+,-}:{bucket}`: + side * 10 + sign * 5 + bucket.
const F_LEX: usize = 10;
/// `lexc+`, `lexc-` (per valence word in the clause).
const F_LEXC_WORD: usize = 30;
const F_LEXOWN: usize = 32;
const F_LEXOTH: usize = 34;
const F_OTHERS: usize = 36;
/// `lexl+`, `lexl-`, `lexr+`, `lexr-`, `lexc+`, `lexc-`.
const F_LEXSUM: usize = 41;
const F_LEXALL: usize = 47;
/// `near{l,r}{+,-}:{bucket}`: + side * 10 + sign * 5 + bucket.
const F_NEAR: usize = 48;
const F_NEGC: usize = 68;
/// `vr:{obj,subj}{+,-,0}{kind}`: the stance verb nearest the target in its
/// clause on each side (side * 15 + polarity * 5 + [`verb_kind_index`]);
/// `vrn:` the same when it is at most 3 tokens away.
const F_VR: usize = 69;
const F_VRN: usize = 99;
/// A possessive target ("Smith's plan").
const F_TPOSS: usize = 129;

#[cfg(test)]
fn dist_bucket(d: usize) -> &'static str {
    match d {
        0..=1 => "1",
        2 => "2",
        3..=4 => "4",
        5..=8 => "8",
        _ => "far",
    }
}

/// Collects the features of `target` in `sentence` into `sink`.
#[cfg(feature = "train")]
pub(crate) fn extract(sentence: &str, target: Range<usize>, sink: &mut impl FnMut(&str, f32)) {
    let lex = &*LEXICONS;
    let span = clamp_span(sentence, target);
    let tokens = crate::tokens::tokenize(sentence);
    let vals = valences(&tokens, lex);
    extract_tokens(&tokens, &vals, &span, sink);
}

/// The features of a sentence already tokenized, with the valences of its
/// tokens, for a clamped `span`.
pub(crate) fn extract_tokens(
    tokens: &[Token<'_>],
    vals: &[f32],
    span: &Range<usize>,
    sink: &mut impl FnMut(&str, f32),
) {
    let classes = classes(tokens, &LEXICONS);
    extract_into(tokens, vals, &classes, span, &mut Named::new(sink));
}

// `WORD_PREFIXES` and `PAIR_PREFIXES`, in a file of their own that the
// build script reads too (it sorts the embedded rows by them).
include!("prefixes.rs");
const T: usize = 0;
const W: usize = 1;
/// `l1:`, `l2:`, `r1:`, `r2:`: by side and distance - 1.
const LD: [[usize; 2]; 2] = [[2, 3], [4, 5]];
const SIDE_N: [usize; 2] = [6, 7];
const NEARW: [usize; 2] = [8, 9];
const LB: usize = 0;
const RB: usize = 1;
/// The token index [`Sink::word`] and [`Sink::pair`] are given for
/// [`NAME_WORD`], which is no token's word.
pub(crate) const NAME: usize = usize::MAX;
/// The placeholder for a name other than the target in the features of
/// its distance from the target (the feature tokenizer makes `<` a token
/// of its own, so no word is this).
pub(crate) const NAME_WORD: &str = "<n>";

/// Where the features of a target go: each feature is given with its parts
/// (its name is their concatenation), the word ones with their token
/// indices too.
pub(crate) trait Sink {
    /// `WORD_PREFIXES[p]` + the word of token `i`, `w` ([`NAME`] for
    /// [`NAME_WORD`]).
    fn word(&mut self, p: usize, i: usize, w: &str, v: f32);
    /// `PAIR_PREFIXES[p]` + `a` + `_` + `b`, the words of tokens `i` and `j`.
    fn pair(&mut self, p: usize, i: usize, a: &str, j: usize, b: &str, v: f32);
    /// Any other feature, by the parts of its name.
    fn other(&mut self, parts: &[&str], v: f32);
    /// The feature named `FIXED[k]`.
    fn fixed(&mut self, k: usize, v: f32);
}

/// A [`Sink`] that passes each feature's name to a function.
struct Named<'f, F> {
    buf: String,
    f: &'f mut F,
}

impl<'f, F: FnMut(&str, f32)> Named<'f, F> {
    fn new(f: &'f mut F) -> Self {
        Named {
            buf: String::with_capacity(64),
            f,
        }
    }
}

impl<F: FnMut(&str, f32)> Sink for Named<'_, F> {
    fn word(&mut self, p: usize, _: usize, w: &str, v: f32) {
        self.other(&[WORD_PREFIXES[p], w], v);
    }

    fn pair(&mut self, p: usize, _: usize, a: &str, _: usize, b: &str, v: f32) {
        self.other(&[PAIR_PREFIXES[p], a, "_", b], v);
    }

    fn other(&mut self, parts: &[&str], v: f32) {
        self.buf.clear();
        for p in parts {
            self.buf.push_str(p);
        }
        (self.f)(&self.buf, v);
    }

    fn fixed(&mut self, k: usize, v: f32) {
        if let Some(name) = FIXED.get(k) {
            (self.f)(name, v);
        }
    }
}

/// [`extract_tokens`] into a [`Sink`], with the tokens' [`classes`] (which
/// are computed here when they do not match the tokens).
pub(crate) fn extract_into(
    tokens: &[Token<'_>],
    vals: &[f32],
    classes: &[u8],
    span: &Range<usize>,
    sink: &mut impl Sink,
) {
    let own;
    let cls = if classes.len() == tokens.len() {
        classes
    } else {
        own = self::classes(tokens, &LEXICONS);
        &own
    };
    let has = |i: usize, c: u8| cls[i] & c != 0;
    let tr = token_range(tokens, span);
    target_features(tokens, cls, &tr, sink);

    // Clause of the target.
    let clause_start = cls[..tr.start]
        .iter()
        .rposition(|c| c & C_BREAK != 0)
        .map_or(0, |i| i + 1);
    let clause_end = cls[tr.end..]
        .iter()
        .position(|c| c & C_BREAK != 0)
        .map_or(tokens.len(), |i| tr.end + i);

    // Valence closer to the target than the nearest other person or
    // organization on that side (a capitalized word not opening the
    // sentence, or a pronoun) is more likely about the target.
    let is_other = |i: usize| has(i, C_OTHER) && !tr.contains(&i);
    let left_other = (0..tr.start).rev().find(|&i| is_other(i));
    let right_other = (tr.end..tokens.len()).find(|&i| is_other(i));
    let beyond = |i: usize| {
        if i < tr.start {
            left_other.is_some_and(|o| i < o)
        } else {
            right_other.is_some_and(|o| i > o)
        }
    };

    // Words around the target, by side and distance.
    let mut val = Valences::default();
    let mut others = 0usize;
    let side_d = |i: usize| {
        if i < tr.start {
            (0usize, tr.start - i)
        } else {
            (1usize, i + 1 - tr.end.max(tr.start))
        }
    };
    // The tokens with features of their distance: at most `NEAR` from the
    // target on either side, and the target.
    let near = tr.start.saturating_sub(NEAR)..(tr.end + NEAR).min(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        let c = cls[i];
        let is_word = c & C_WORD != 0;
        if near.contains(&i) {
            if tr.contains(&i) {
                continue;
            }
            if is_other(i) {
                others += 1;
            }
            if beyond(i) {
                // Past another name or pronoun: the word is more likely
                // about that one, and has only its `w:` feature.
                if is_word {
                    sink.word(W, i, &t.lower, 1.0);
                }
            } else {
                near_words(tokens, cls, &tr, i, side_d(i), is_word, sink);
            }
        } else if is_word {
            // Far from the target (most of a sentence): only the word
            // itself, weighing less the farther it is, and its valence
            // below (outside the target, and only words
            // have valence).
            if c & C_OTHER != 0 {
                others += 1;
            }
            sink.word(W, i, &t.lower, far_weight(side_d(i).1));
        } else {
            continue;
        }
        let v = vals[i];
        if v != 0.0 {
            let in_clause = i >= clause_start && i < clause_end;
            val.add(i, side_d(i), v, in_clause, beyond(i), sink);
        }
    }
    val.finish(others, tokens, sink);
    // Negation in the target's clause.
    if cls[clause_start..clause_end]
        .iter()
        .any(|c| c & (C_WORD | C_NEGATOR) == C_WORD | C_NEGATOR)
    {
        sink.fixed(F_NEGC, 1.0);
    }
    verb_roles(tokens, cls, &tr, clause_start..clause_end, sink);
}

/// The features of the target itself (its words, length, place in the
/// sentence and in quote marks) and of the words right around it, as a
/// pair; returns the number of quote marks before it.
fn target_features(tokens: &[Token<'_>], cls: &[u8], tr: &Range<usize>, sink: &mut impl Sink) {
    let has = |i: usize, c: u8| cls[i] & c != 0;
    // The target itself; a possessive one ("Smith's") by its name, which
    // shares the weights of the name without "'s", and a feature of its own.
    let mut target_words = 0;
    let mut possessive = false;
    for (i, t) in tokens.iter().enumerate().take(tr.end).skip(tr.start) {
        if has(i, C_WORD) {
            target_words += 1;
            if let Some(owner) = possessor(&t.lower) {
                possessive = true;
                sink.other(&[WORD_PREFIXES[T], owner], 1.0);
            } else {
                sink.word(T, i, &t.lower, 1.0);
            }
            if has(i, C_PRONOUN) {
                sink.fixed(F_TPRON, 1.0);
            }
        }
    }
    sink.fixed(F_TLEN + target_words.min(4), 1.0);
    if possessive {
        sink.fixed(F_TPOSS, 1.0);
    }
    if tr.start == 0 || cls[..tr.start].iter().all(|c| c & C_WORD == 0) {
        sink.fixed(F_TFIRST, 1.0);
    }
    if cls[tr.end..].iter().all(|c| c & C_WORD == 0) {
        sink.fixed(F_TLAST, 1.0);
    }
    // Quote marks around the target.
    let quotes_before = cls[..tr.start].iter().filter(|c| *c & C_QUOTE != 0).count();
    let quotes_total = quotes_before + cls[tr.start..].iter().filter(|c| *c & C_QUOTE != 0).count();
    if quotes_before % 2 == 1 {
        sink.fixed(F_INQUOTE, 1.0);
    } else if quotes_total > 0 {
        sink.fixed(F_HASQUOTE, 1.0);
    }

    // The words right around the target, as a pair.
    let lower_at = |i: Option<usize>| -> &str {
        i.and_then(|i| tokens.get(i))
            .map_or("^", |t| t.lower.as_ref())
    };
    sink.other(
        &[
            "lr:",
            lower_at(tr.start.checked_sub(1)),
            "_",
            if tr.end < tokens.len() {
                lower_at(Some(tr.end))
            } else {
                "$"
            },
        ],
        1.0,
    );
}

/// The name of a possessive word ("smith's": "smith"), not a pronoun's
/// contraction ("he's", "it's").
#[inline]
fn possessor(lower: &str) -> Option<&str> {
    let owner = lower.strip_suffix("'s")?;
    (!owner.is_empty() && !Classes::of(owner).contains(WordClass::FeaturePronouns)).then_some(owner)
}

/// The valence words around a target, summed by side (left, right) and
/// in its clause, for the features after the pass over the tokens.
#[derive(Default)]
struct Valences {
    /// [left, right, clause] x [positive, negative], weighted by distance
    /// (not in the clause).
    sums: [[f32; 2]; 3],
    total: f32,
    /// Per side: the nearest valence word (distance, valence, token).
    nearest: [Option<(usize, f32, usize)>; 2],
    /// [positive, negative] closer to the target than another name...
    own: [f32; 2],
    /// ... and beyond one.
    other: [f32; 2],
}

impl Valences {
    /// The features of the sums, with `others` (the number of other names
    /// and pronouns near the target), after the pass over the tokens.
    fn finish(self, others: usize, tokens: &[Token<'_>], sink: &mut impl Sink) {
        let Valences {
            sums,
            total,
            nearest,
            own,
            other,
        } = self;
        sink.fixed(F_LEXOWN, own[0].min(3.0));
        sink.fixed(F_LEXOWN + 1, own[1].min(3.0));
        sink.fixed(F_LEXOTH, other[0].min(3.0));
        sink.fixed(F_LEXOTH + 1, other[1].min(3.0));
        sink.fixed(F_OTHERS + others.min(4), 1.0);

        for (k, [p, n]) in sums.into_iter().enumerate() {
            sink.fixed(F_LEXSUM + 2 * k, (p / 4.0).min(3.0));
            sink.fixed(F_LEXSUM + 2 * k + 1, (n / 4.0).min(3.0));
        }
        sink.fixed(F_LEXALL, total / (total * total + 15.0).sqrt());
        for (side, near) in nearest.iter().enumerate() {
            if let Some((d, v, i)) = near {
                let sign = usize::from(*v <= 0.0);
                sink.fixed(F_NEAR + side * 10 + sign * 5 + dist_index(*d), 1.0);
                sink.word(NEARW[side], *i, &tokens[*i].lower, 1.0);
            }
        }
    }

    /// Token `i` at `(side, d)` from the target, of valence `v` (not 0).
    #[inline]
    fn add(
        &mut self,
        i: usize,
        (side, d): (usize, usize),
        v: f32,
        in_clause: bool,
        beyond: bool,
        sink: &mut impl Sink,
    ) {
        let pn = usize::from(v < 0.0);
        let weight = 1.0 / (1.0 + d as f32 / 4.0);
        self.sums[side][pn] += v.abs() * weight;
        if in_clause {
            self.sums[2][pn] += v.abs();
        }
        self.total += v;
        if self.nearest[side].is_none_or(|(nd, _, _)| d < nd) {
            self.nearest[side] = Some((d, v, i));
        }
        let sign = usize::from(v <= 0.0);
        sink.fixed(F_LEX + side * 10 + sign * 5 + dist_index(d), 1.0);
        if in_clause {
            sink.fixed(F_LEXC_WORD + sign, 1.0);
        }
        if beyond {
            self.other[pn] += v.abs() / 4.0;
        } else {
            self.own[pn] += v.abs() / 4.0;
        }
    }
}

/// The farthest distance from the target at which a token has features
/// of its distance (the bigrams reach 6 tokens).
const NEAR: usize = 6;

/// The value of the `w:` feature of a word `d` tokens from the target,
/// past [`NEAR`]: 1 at `NEAR`, a half at `NEAR + 16`, falling slowly, so
/// that the words of a long sentence near another name weigh less than
/// the target's own (in multi-target sentences every target shares them).
#[inline]
fn far_weight(d: usize) -> f32 {
    16.0 / (16.0 + d.saturating_sub(NEAR) as f32)
}

/// The features of token `i` at `(side, d)` from the target (`d` at most
/// [`NEAR`]) that depend on its distance: the word (and `"`, `?`, `!`) by
/// side and distance, and the bigram reading away from the target.
fn near_words(
    tokens: &[Token<'_>],
    cls: &[u8],
    tr: &Range<usize>,
    i: usize,
    (side, d): (usize, usize),
    is_word: bool,
    sink: &mut impl Sink,
) {
    let w = &tokens[i].lower;
    // Another name is the placeholder in the features of its distance.
    let (mi, mw) = as_near(tokens, cls, tr, i);
    if is_word || matches!(tokens[i].text, "\"" | "“" | "”" | "?" | "!") {
        if is_word {
            sink.word(W, i, w, 1.0);
        }
        if let Some(&p) = d.checked_sub(1).and_then(|k| LD[side].get(k)) {
            sink.word(p, mi, mw, 1.0);
        }
        if d <= 5 {
            sink.word(SIDE_N[side], mi, mw, 1.0);
        }
    }
    // Bigrams near the target, reading away from it.
    let other = if side == 0 { i + 1 } else { i.wrapping_sub(1) };
    if other < tokens.len() && !tr.contains(&other) {
        let (oi, ow) = as_near(tokens, cls, tr, other);
        if side == 0 {
            sink.pair(LB, mi, mw, oi, ow, 1.0);
        } else {
            sink.pair(RB, oi, ow, mi, mw, 1.0);
        }
    }
}

/// Token `i` as the features of its distance from the target read it: its
/// index and word, or [`NAME`] and [`NAME_WORD`] for a name other than the
/// target (a capitalized word not opening the sentence, outside the
/// target), so that "<n> slammed" is learnt from every such pair whoever
/// the name is, and a name's own word stays in its `w:` feature.
#[inline]
fn as_near<'a>(
    tokens: &'a [Token<'_>],
    cls: &[u8],
    tr: &Range<usize>,
    i: usize,
) -> (usize, &'a str) {
    if cls[i] & (C_OTHER | C_PRONOUN) == C_OTHER && !tr.contains(&i) {
        (NAME, NAME_WORD)
    } else {
        (i, &tokens[i].lower)
    }
}

/// The index of a stance verb's kind in the `vr:` feature names.
fn verb_kind_index(kind: VerbKind) -> usize {
    match kind {
        // An appeal ("urged X to …") was an attitude verb when the
        // model's kinds were fixed: it shares that index.
        VerbKind::Attitude | VerbKind::Appeal => 0,
        VerbKind::Action => 1,
        VerbKind::Frame => 2,
        VerbKind::Deed => 3,
        VerbKind::Desire => 4,
    }
}

/// The target as the object or the subject of a stance verb
/// (`data/stance_verbs.txt`): the nearest one before it and the nearest one
/// after it in its clause, by polarity and kind. "Critics slammed Smith"
/// and "Smith slammed critics" share their words but not the role of
/// Smith, and the lexicon carries the verbs' polarity to the ones that are
/// rare in the training data.
fn verb_roles(
    tokens: &[Token<'_>],
    cls: &[u8],
    tr: &Range<usize>,
    clause: Range<usize>,
    sink: &mut impl Sink,
) {
    let lex = &*STANCE_LEXICON;
    let word = |j: usize| {
        let c = cls.get(j)?;
        (c & C_WORD != 0).then(|| tokens[j].lower.as_ref())
    };
    // Per side (before, after): distance, polarity and kind.
    let mut found: [Option<(usize, i8, VerbKind)>; 2] = [None, None];
    for i in clause.clone() {
        if tr.contains(&i) || cls[i] & (C_WORD | C_MAY_START) != C_WORD | C_MAY_START {
            continue;
        }
        let Some(form) = lex.longest_by(clause.end - i, |j| word(i + j)) else {
            continue;
        };
        let (side, d) = if i < tr.start {
            (0, tr.start - i)
        } else {
            (1, i - tr.end)
        };
        if found[side].is_none_or(|(nd, _, _)| d < nd) {
            found[side] = Some((d, form.polarity, form.kind));
        }
    }
    for (side, f) in found.into_iter().enumerate() {
        if let Some((d, polarity, kind)) = f {
            let pol = match polarity {
                1.. => 0,
                ..0 => 1,
                0 => 2,
            };
            let k = side * 15 + pol * 5 + verb_kind_index(kind);
            sink.fixed(F_VR + k, 1.0);
            if d <= 3 {
                sink.fixed(F_VRN + k, 1.0);
            }
        }
    }
}

#[cfg(test)]
mod tests;
