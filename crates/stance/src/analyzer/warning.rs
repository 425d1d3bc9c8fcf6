//! Warnings: "Meridian warned that the tariffs would add $600 to the cost
//! of a car". What a party warns will happen is a harm, so the party holds
//! a negative stance toward what the warned clause says will cause it.

use std::ops::Range;

use super::classes::{AUX, FIN, PRON};
use super::doc::Doc;
use super::rules::Finding;
use crate::triples::Basis;
use crate::verbs::{VerbForm, VerbKind};

impl Doc<'_, '_> {
    /// The finding of "warn (that) X would …" at token `i`: the subject of
    /// "warn" against X, the subject of the warned clause (a noun phrase,
    /// not a pronoun or "there", with an auxiliary or finite verb right
    /// after it). Not when "warn" is negated ("did not warn that"), nor
    /// when the warned clause is.
    pub(super) fn warning(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        form: &VerbForm,
    ) -> Option<Finding> {
        let warns = form.kind == VerbKind::Frame
            && form.words.len() == 1
            && form.words[0].starts_with("warn");
        if !warns {
            return None;
        }
        let mut k = i + 1;
        if self.is(k, &["that"]) {
            k += 1;
        }
        if self.has(k, PRON) || self.is(k, &["there"]) {
            return None;
        }
        let clause_subject = self.object_after(sentence, k)?;
        // "warned residents | to stay indoors": an addressee, no clause.
        if !self.has(clause_subject.end, AUX | FIN) || self.is(clause_subject.end, &["to"]) {
            return None;
        }
        // "warned that the museum would not be a panacea": a caution
        // about what the thing cannot do blames it for nothing.
        let clause_verbs = clause_subject.end..(clause_subject.end + 3).min(sentence.end);
        if self.negated_group(&clause_verbs) {
            return None;
        }
        let vg = self.verb_group_start(sentence, i);
        let (holder, negated) = self.holder_of_verb_group(sentence, vg, i)?;
        if negated {
            return None;
        }
        Some(Finding::of_subject(
            holder,
            i,
            clause_subject,
            -1.0,
            Basis::Attitude,
            si,
        ))
    }
}
