//! The model's and the certainty scorer's view of a sentence.
//!
//! A [`Window`] is a sentence (or at most [`WINDOW`] bytes of it around a
//! target) in the feature tokenizer's tokens, with their word ids,
//! valences, classes and hedge/booster markers computed on first use;
//! [`Windows`] keeps each window once per document, since the targets of
//! one sentence ("Tillerson met Lavrov and Putin") share it.

use std::ops::Range;

use newsnlp_text::hash::FastMap;

use super::StanceAnalyzer;
use super::doc::Doc;
use crate::certainty::RawMarker;
use crate::features::valences_and_classes_from;
use crate::lexicon::WordInfo;
use crate::sentiment::TargetSentiment;
use crate::tokens::{Token, tokenize_lowered};

/// The longest text (bytes) the model and the certainty scorer read around a
/// target: a longer sentence is cut to this window, which keeps the cost per
/// target constant.
pub(super) const WINDOW: usize = 600;
/// The most windows kept at once (each at most [`WINDOW`] bytes of text,
/// tokenized): past it the cache starts again, which keeps the memory of a
/// document's stances bounded whatever the length of its sentences.
const MAX_WINDOWS: usize = 1024;

impl Doc<'_, '_> {
    /// The byte window of sentence `si` the model reads around `focus`: the
    /// sentence, or at most about [`WINDOW`] bytes of it around the start of
    /// `focus` (however long `focus` is).
    pub(super) fn window(&self, si: usize, focus: &Range<usize>) -> Range<usize> {
        let s = self.doc.sentences()[si].span.clone();
        if s.len() <= WINDOW {
            return s;
        }
        let half = WINDOW / 2;
        let lo = focus.start.saturating_sub(half).clamp(s.start, s.end);
        let hi = (focus.start.min(focus.end) + half).clamp(lo, s.end);
        self.text.floor_char_boundary(lo)..self.text.ceil_char_boundary(hi)
    }
}

pub(super) fn clip(r: &Range<usize>, to: &Range<usize>) -> Range<usize> {
    let s = r.start.clamp(to.start, to.end);
    let e = r.end.clamp(s, to.end);
    s..e
}

/// A window of a sentence as the model and the certainty scorer read it:
/// its feature tokens, and (on first use) their valences and its markers.
struct Window<'t> {
    text: &'t str,
    tokens: Vec<Token<'t>>,
    vals: Option<Vec<f32>>,
    /// The model's ids of the tokens' words, with `infos`.
    ids: Option<Vec<u32>>,
    /// What the lexicons say of the tokens' words (one lookup per token,
    /// with their ids).
    infos: Option<Vec<WordInfo>>,
    /// The tokens' feature classes, with `vals`.
    classes: Vec<u8>,
    markers: Option<Vec<RawMarker>>,
}

impl Window<'_> {
    /// Looks up the tokens' word ids and lexicon facts, on first use.
    fn facts(&mut self, clf: &TargetSentiment) {
        if self.infos.is_none() {
            let (ids, infos) = clf.token_facts(&self.tokens);
            self.ids = ids;
            self.infos = Some(infos);
        }
    }
}

/// The windows of a document read so far, each tokenized once: the targets
/// of a sentence share its window, and the rules, the quotes' entities and
/// the author's entities come back to the same sentences.
pub(super) struct Windows<'t> {
    text: &'t str,
    /// `text` with ASCII letters lowercased (the same length): the tokens'
    /// lowercased forms borrow from it.
    lowered: &'t str,
    seen: FastMap<(usize, usize), Window<'t>>,
}

impl<'t> Windows<'t> {
    pub(super) fn new(text: &'t str, lowered: &'t str) -> Self {
        Windows {
            text,
            lowered,
            seen: FastMap::default(),
        }
    }

    /// The window `range` of the text, tokenized once.
    fn get(&mut self, range: Range<usize>) -> &mut Window<'t> {
        let (text, lowered) = (self.text, self.lowered);
        // A window is a pure function of its range, so forgetting them all
        // changes no result; it bounds memory on a run-on sentence with
        // thousands of targets, each with a window of its own.
        if self.seen.len() >= MAX_WINDOWS && !self.seen.contains_key(&(range.start, range.end)) {
            self.seen.clear();
        }
        self.seen
            .entry((range.start, range.end))
            .or_insert_with(|| {
                let part = text.get(range.clone()).unwrap_or_default();
                let low = lowered.get(range.clone()).unwrap_or_default();
                Window {
                    text: part,
                    tokens: tokenize_lowered(part, low),
                    vals: None,
                    ids: None,
                    infos: None,
                    classes: Vec::new(),
                    markers: None,
                }
            })
    }
}

impl StanceAnalyzer {
    /// Certainty of `evidence`, read in the window around `target`.
    pub(super) fn certainty_of<'t>(
        &self,
        d: &Doc<'_, 't>,
        cache: &mut Windows<'t>,
        si: usize,
        target: &Range<usize>,
        evidence: &Range<usize>,
    ) -> f32 {
        let w = d.window(si, target);
        let ev = clip(evidence, &w);
        let rel = ev.start - w.start..ev.end - w.start;
        let p = cache.get(w);
        if p.markers.is_none() {
            p.facts(&self.sentiment);
            let infos = p.infos.as_deref().unwrap_or_default();
            let markers = crate::certainty::raw_markers_from(&p.tokens, infos);
            p.markers = Some(markers);
        }
        let markers = p.markers.as_deref().unwrap_or_default();
        self.certainty
            .assess_markers(p.text, rel, markers, false)
            .certainty
    }

    pub(super) fn model<'t>(
        &self,
        d: &Doc<'_, 't>,
        cache: &mut Windows<'t>,
        si: usize,
        target: &Range<usize>,
    ) -> crate::Sentiment {
        let w = d.window(si, target);
        let t = clip(target, &w);
        let rel = t.start - w.start..t.end - w.start;
        let p = cache.get(w);
        if p.vals.is_none() {
            p.facts(&self.sentiment);
            let infos = p.infos.as_deref().unwrap_or_default();
            let (vals, classes) = valences_and_classes_from(&p.tokens, infos);
            p.vals = Some(vals);
            p.classes = classes;
        }
        let vals = p.vals.as_deref().unwrap_or_default();
        self.sentiment
            .classify_tokens(p.text, &p.tokens, vals, &p.classes, p.ids.as_deref(), rel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_cache_stays_bounded_and_gives_the_same_windows() {
        let text = "Rex Tillerson met Sergey Lavrov in Moscow and said the talks were productive, "
            .repeat(200);
        let lowered = text.to_ascii_lowercase();
        let mut cache = Windows::new(&text, &lowered);
        let first: Vec<String> = cache
            .get(0..40)
            .tokens
            .iter()
            .map(|t| format!("{t:?}"))
            .collect();
        for start in 0..3 * MAX_WINDOWS {
            let _ = cache.get(start..start + 40);
            assert!(cache.seen.len() <= MAX_WINDOWS);
        }
        // Forgotten windows come back the same.
        let again: Vec<String> = cache
            .get(0..40)
            .tokens
            .iter()
            .map(|t| format!("{t:?}"))
            .collect();
        assert_eq!(first, again);
        assert!(!first.is_empty());
    }
}
