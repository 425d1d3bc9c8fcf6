//! Certainty from hedges and boosters.

use std::ops::Range;

use crate::features::clamp_span;
use crate::lexicon::{LEXICONS, WordInfo};
use crate::tokens::{Token, tokenize};
use crate::verbs::{STANCE_LEXICON, VerbKind};
use newsnlp_text::words::{Classes, WordClass};

/// Whether a marker lowers or raises certainty (before negation).
///
/// ```
/// use newsnlp_stance::{Certainty, MarkerKind};
/// let a = Certainty::new().assess("It may clearly fail.", 0..0);
/// let kinds: Vec<MarkerKind> = a.markers.iter().map(|c| c.kind).collect();
/// assert_eq!(kinds, [MarkerKind::Hedge, MarkerKind::Booster]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum MarkerKind {
    /// A hedge: "may", "might", "reportedly", "allegedly", "seems likely".
    Hedge,
    /// A booster: "clearly", "definitely", "no doubt", "of course".
    Booster,
}

/// A hedge or booster found in a sentence.
///
/// ```
/// use newsnlp_stance::{Certainty, MarkerKind};
///
/// let a = Certainty::new().assess("He allegedly took bribes.", 0..25);
/// assert_eq!(a.markers.len(), 1);
/// assert_eq!(a.markers[0].kind, MarkerKind::Hedge);
/// assert_eq!(a.markers[0].span, 3..12); // "allegedly"
/// assert!(a.markers[0].effect < 0.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Marker {
    /// Hedge or booster, as listed in the lexicon.
    pub kind: MarkerKind,
    /// Byte span of the marker words in the sentence ("no doubt" is one marker);
    /// serialized as `[start, end]`.
    #[cfg_attr(feature = "serde", serde(with = "span_serde"))]
    pub span: Range<usize>,
    /// Whether a negator scopes over the marker ("not certain",
    /// "neither ... seems likely"), which reverses its effect.
    pub negated: bool,
    /// What the marker adds to the log-odds of certainty: negative lowers it.
    /// Already accounts for negation and for the marker lying outside the
    /// assessed span.
    pub effect: f32,
}

/// Spans serialize as `[start, end]`, as everywhere in newsnlp.
#[cfg(feature = "serde")]
mod span_serde {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::ops::Range;

    pub(super) fn serialize<S: Serializer>(r: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
        [r.start, r.end].serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Range<usize>, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        Ok(start..end)
    }
}

/// The result of [`Certainty::assess`]: a score in [0, 1] and its evidence.
///
/// ```
/// let a = newsnlp_stance::Certainty::new().assess("It is clearly a mistake.", 0..24);
/// assert!(a.certainty > 0.8);
/// assert_eq!(a.markers.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Assessment {
    /// How certain the assessed span is presented, in [0, 1].
    pub certainty: f32,
    /// The hedges and boosters that moved it, in sentence order.
    pub markers: Vec<Marker>,
}

/// Scores how certainly a sentence (or a span of it) states its claim.
///
/// The score starts from a neutral prior ([`Certainty::NEUTRAL`], 0.65: a
/// plain news statement is asserted, but without emphasis) and moves in
/// log-odds by each marker found in the embedded lists (`data/hedges.txt`,
/// `data/boosters.txt`): hedges lower it, boosters raise it. A negator within
/// three words before a marker (same clause) reverses it: a negated booster
/// ("not certain", "isn't clear") lowers certainty, a negated hedge
/// ("neither scenario seems likely", "not possible") is a confident negative
/// assessment and raises it. A negator *after* a hedge ("may not") leaves the
/// hedge alone.
///
/// A weak booster ("will") after a marker that lowered certainty counts
/// for nothing: it stands in the hedge's scope.
///
/// Markers inside `span` count fully; markers elsewhere in the sentence count half
/// (a sentence-initial "Reportedly," also qualifies a clause after it). An
/// empty span assesses the whole sentence. Spans are clamped like
/// [`TargetSentiment::classify`](crate::TargetSentiment::classify)'s.
///
/// ```
/// use newsnlp_stance::Certainty;
///
/// let c = Certainty::new();
/// let s = |t: &str| c.score(t, 0..t.len());
/// assert!(s("He is absolutely certain the deal is dead.") > 0.9);
/// assert!(s("The deal might collapse.") < 0.4);
/// assert!((0.6..=0.7).contains(&s("The deal collapsed on Monday.")));
/// assert!(s("Neither scenario seems likely.") > 0.7);
/// assert!(s("It is not certain that the deal will hold.") < 0.4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Certainty {
    prior: f32,
    outside: f32,
}

impl Default for Certainty {
    fn default() -> Self {
        Self::new()
    }
}

/// A booster this weak ("will") counts for nothing after a marker that
/// lowered certainty in the same sentence.
const WEAK_BOOSTER: f32 = 0.5;
/// Negated hedges turn into boosters of this fraction of their strength.
const NEGATED_HEDGE: f32 = 0.6;
/// Negated boosters turn into hedges of this multiple of their strength.
const NEGATED_BOOSTER: f32 = 1.1;
/// How many tokens before "would" a past verb of saying may stand for
/// "would" to be its reported "will".
const BACKSHIFT_REACH: usize = 30;

/// Whether the "would" at token `i` is a reported "will" ("told MPs that
/// the change would cost jobs", "said crews would keep working", "the
/// plan would fail, she said"): a verb of saying or thinking in the past
/// stands in the sentence, before it or after the next word, so it
/// hedges nothing. "says the plan would fail" and "would say" stay
/// hedges.
fn backshifted(tokens: &[Token<'_>], i: usize) -> bool {
    let before = tokens[..i].iter().rev().take(BACKSHIFT_REACH);
    let after = tokens.iter().skip(i + 2).take(BACKSHIFT_REACH);
    before
        .chain(after)
        .any(|t| t.is_word() && past_frame(&t.lower))
}

/// Whether `lower` is the past of a one-word frame verb of the stance
/// lexicon ("said", "told", "insisted", "believed").
fn past_frame(lower: &str) -> bool {
    let past = lower.ends_with("ed") || Classes::of(lower).contains(WordClass::IrregularPast);
    past && STANCE_LEXICON
        .longest_by(1, |j| (j == 0).then_some(lower))
        .is_some_and(|f| f.kind == VerbKind::Frame && f.words.len() == 1)
}

fn logit(p: f32) -> f32 {
    (p / (1.0 - p)).ln()
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// `p` moved by `delta` in log-odds (the scale the markers move it on).
pub(crate) fn shift_certainty(p: f32, delta: f32) -> f32 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    sigmoid(logit(p) + delta)
}

fn is_scope_break(t: &Token<'_>) -> bool {
    !t.is_word() && matches!(t.text, "," | ";" | ":" | "—" | "–" | "." | "?" | "!")
}

impl Certainty {
    /// The certainty of a statement with no marker at all.
    ///
    /// ```
    /// use newsnlp_stance::{certainty, Certainty};
    /// assert_eq!(certainty("The vote was held on Monday.", 0..0), Certainty::NEUTRAL);
    /// ```
    pub const NEUTRAL: f32 = 0.65;

    /// The analyzer with the embedded lexicons (cheap: they are parsed once
    /// per process).
    ///
    /// ```
    /// let c = newsnlp_stance::Certainty::new();
    /// assert_eq!(c.score("Rain fell.", 0..0), newsnlp_stance::Certainty::NEUTRAL);
    /// ```
    pub fn new() -> Self {
        Certainty {
            prior: Self::NEUTRAL,
            outside: 0.5,
        }
    }

    /// The certainty of `span` (a byte range; empty for the whole sentence)
    /// in `sentence`, in [0, 1]. Never panics.
    ///
    /// ```
    /// let c = newsnlp_stance::Certainty::new();
    /// let s = "Reportedly, the minister resigned.";
    /// assert!(c.score(s, 12..34) < newsnlp_stance::Certainty::NEUTRAL);
    /// ```
    pub fn score(&self, sentence: &str, span: Range<usize>) -> f32 {
        self.assess(sentence, span).certainty
    }

    /// The certainty of `span` in `sentence` and the markers behind it, with
    /// their byte spans. Never panics.
    ///
    /// ```
    /// use newsnlp_stance::{Certainty, MarkerKind};
    ///
    /// let s = "Neither scenario seems likely.";
    /// let a = Certainty::new().assess(s, 0..s.len());
    /// let markers: Vec<_> = a.markers.iter().map(|c| (&s[c.span.clone()], c.kind, c.negated)).collect();
    /// assert_eq!(markers, [("seems", MarkerKind::Hedge, true), ("likely", MarkerKind::Hedge, true)]);
    /// ```
    pub fn assess(&self, sentence: &str, span: Range<usize>) -> Assessment {
        let tokens = tokenize(sentence);
        self.assess_markers(sentence, span, &raw_markers(&tokens), true)
    }

    /// [`assess`](Self::assess) from the markers of `sentence` found
    /// beforehand ([`raw_markers`]); the marker list is only filled when `list`.
    pub(crate) fn assess_markers(
        &self,
        sentence: &str,
        span: Range<usize>,
        raw: &[RawMarker],
        list: bool,
    ) -> Assessment {
        let mut span = clamp_span(sentence, span);
        if span.is_empty() {
            span = 0..sentence.len();
        }
        let mut markers = Vec::with_capacity(if list { raw.len() } else { 0 });
        let mut sum = 0.0;
        let mut lowered = false;
        for c in raw {
            let mut effect = match (c.kind, c.negated) {
                (MarkerKind::Hedge, false) => -c.strength,
                (MarkerKind::Hedge, true) => NEGATED_HEDGE * c.strength,
                (MarkerKind::Booster, false) => c.strength,
                (MarkerKind::Booster, true) => -NEGATED_BOOSTER * c.strength,
            };
            if effect > 0.0 && c.strength <= WEAK_BOOSTER && lowered {
                // "not certain that the deal will hold": a weak booster
                // under an earlier hedge's scope restores nothing.
                effect = 0.0;
            }
            lowered |= effect < 0.0;
            let inside = c.span.start >= span.start && c.span.end <= span.end;
            if !inside {
                effect *= self.outside;
            }
            sum += effect;
            if list {
                markers.push(Marker {
                    kind: c.kind,
                    span: c.span.clone(),
                    negated: c.negated,
                    effect,
                });
            }
        }
        let certainty = if raw.is_empty() {
            self.prior
        } else {
            sigmoid(logit(self.prior) + sum)
        };
        Assessment { certainty, markers }
    }
}

/// A hedge or booster of a sentence before the assessed span is known.
#[derive(Debug, Clone)]
pub(crate) struct RawMarker {
    kind: MarkerKind,
    span: Range<usize>,
    negated: bool,
    strength: f32,
}

/// The hedges and boosters of a tokenized sentence, in order.
pub(crate) fn raw_markers(tokens: &[Token<'_>]) -> Vec<RawMarker> {
    raw_markers_from(tokens, &[])
}

/// [`raw_markers`], skipping the words that start no phrase by their
/// [`WordInfo`]s (one per token; without them every word is tried).
pub(crate) fn raw_markers_from(tokens: &[Token<'_>], infos: &[WordInfo]) -> Vec<RawMarker> {
    let lex = &*LEXICONS;
    let mut markers = Vec::new();
    let mut in_marker = Vec::new();
    let known = infos.len() == tokens.len();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is_word() || (known && !infos[i].marker_start) {
            // Punctuation never starts a phrase.
            i += 1;
            continue;
        }
        if in_marker.is_empty() {
            in_marker = vec![false; tokens.len()];
        }
        let hedge = lex.hedges.longest_at(tokens, i);
        let booster = lex.boosters.longest_at(tokens, i);
        let (kind, phrase) = match (hedge, booster) {
            (Some(h), Some(b)) if b.words.len() > h.words.len() => (MarkerKind::Booster, b),
            (Some(h), _) => (MarkerKind::Hedge, h),
            (None, Some(b)) => (MarkerKind::Booster, b),
            (None, None) => {
                i += 1;
                continue;
            }
        };
        let len = phrase.words.len();
        if kind == MarkerKind::Hedge
            && len == 1
            && tokens[i].lower == "would"
            && backshifted(tokens, i)
        {
            i += 1;
            continue;
        }
        let marker_span = tokens[i].span.start..tokens[i + len - 1].span.end;
        let mut negated = false;
        for back in 1..=3 {
            let Some(j) = i.checked_sub(back) else { break };
            let t = &tokens[j];
            if is_scope_break(t) {
                break;
            }
            if t.is_word() && !in_marker[j] && lex.is_negator(&t.lower) {
                negated = true;
                break;
            }
        }
        for flag in &mut in_marker[i..i + len] {
            *flag = true;
        }
        markers.push(RawMarker {
            kind,
            span: marker_span,
            negated,
            strength: phrase.strength,
        });
        i += len;
    }
    markers
}

/// The certainty of `span` in `sentence` with the default [`Certainty`]
/// analyzer: in [0, 1], about 0.65 for a plain statement, higher with
/// boosters, lower with hedges.
///
/// ```
/// use newsnlp_stance::certainty;
///
/// let s = "Officials said the attack was definitely planned.";
/// assert!(certainty(s, 0..s.len()) > 0.85);
/// let s = "Officials said the attack was possibly planned.";
/// assert!(certainty(s, 0..s.len()) < 0.4);
/// ```
pub fn certainty(sentence: &str, span: Range<usize>) -> f32 {
    Certainty::new().score(sentence, span)
}
