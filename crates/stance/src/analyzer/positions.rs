//! Being for or against: "I'm absolutely against a blanket ban", "the
//! council is in favour of the plan", "we are not against change". The
//! party the copula links holds the stance toward the object.

use std::ops::Range;

use super::doc::Doc;
use super::rules::Finding;
use crate::lexicon::LEXICONS;
use crate::triples::Basis;

/// A subject pronoun and its copula in one token ("I'm", "we're").
const CONTRACTED: &[&str] = &["i'm", "we're", "they're", "he's", "she's"];

impl Doc<'_, '_> {
    /// [`position`](Self::position) after a contracted "I'm", "we're" at
    /// token `i` ("I'm absolutely against"), past adverbs and a negator.
    pub(super) fn contracted_position(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
    ) -> Option<Finding> {
        if !self.is(i, CONTRACTED) {
            return None;
        }
        let mut k = i + 1;
        let mut flip = 1.0;
        while k < sentence.end
            && self
                .word(k)
                .is_some_and(|w| w.ends_with("ly") || LEXICONS.is_negator(w) || w == "very")
        {
            if self.word(k).is_some_and(|w| LEXICONS.is_negator(w)) {
                flip = -flip;
            }
            k += 1;
        }
        self.position(sentence, si, i, k, flip)
    }

    /// The finding of a position predicate at token `k` after the copula
    /// at token `c` (negated when `flip` is -1): "against X" is against
    /// X, "in favour of X" (or "favor") for it. The subject must name a
    /// party; a contracted "I'm", "we're" holds its own subject.
    pub(super) fn position(
        &self,
        sentence: &Range<usize>,
        si: usize,
        c: usize,
        k: usize,
        flip: f32,
    ) -> Option<Finding> {
        let (sign, object_at) = if self.is(k, &["against"]) {
            (-1.0, k + 1)
        } else if self.is(k, &["in"])
            && self.is(k + 1, &["favour", "favor"])
            && self.is(k + 2, &["of"])
        {
            (1.0, k + 3)
        } else {
            return None;
        };
        // "against" + a gerund or a time ("against doing", "against the
        // clock" is an idiom of haste): an object noun phrase only.
        let object = self.object_after(sentence, object_at)?;
        if self.word(object.start).is_some_and(|w| w.ends_with("ing")) {
            return None;
        }
        let subject = if self.is(c, CONTRACTED) {
            c..c + 1
        } else {
            let vg = self.verb_group_start(sentence, c);
            let subject = self.subject_before(sentence, vg)?;
            if !self.names_a_party(&subject) {
                return None;
            }
            subject
        };
        Some(Finding::of_subject(
            subject,
            c,
            object,
            flip * sign,
            Basis::Attitude,
            si,
        ))
    }
}
