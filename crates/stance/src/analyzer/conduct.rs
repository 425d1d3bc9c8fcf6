//! Conduct judged by an idiom (`data/conduct_phrases.txt`): "the council
//! dropped the ball" is negative toward the council, "the crews went above
//! and beyond" positive toward the crews, held by whoever speaks where the
//! idiom stands (a quote's speaker, a reporting verb's subject, or the
//! author in an evaluative sentence of their own).

use std::ops::Range;

use super::doc::Doc;
use super::rules::Finding;
use crate::triples::Basis;

impl Doc<'_, '_> {
    /// The findings of the conduct idioms of a sentence: the subject of
    /// each idiom's verb group is judged with its polarity, the other way
    /// after a negator ("the plan does not make sense"), unless the subject
    /// is a pronoun, which [`evaluated_subject`](Self::evaluated_subject)
    /// leaves out.
    pub(super) fn conduct(&self, sentence: &Range<usize>, si: usize, out: &mut Vec<Finding>) {
        for p in self.phrases_in(sentence) {
            if p.conduct == 0 {
                continue;
            }
            let sign = if self.negated_before(sentence, p.start) {
                -f32::from(p.conduct)
            } else {
                f32::from(p.conduct)
            };
            let Some(subject) = self.evaluated_subject(sentence, p.start) else {
                continue;
            };
            out.push(Finding::in_context(subject, sign, Basis::Evaluation, si));
        }
    }
}
