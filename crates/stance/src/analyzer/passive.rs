//! Attitude verbs in the passive with their agent: "the decision was
//! welcomed by supporters' groups", "the plan has been criticized by
//! Senator Holt". The agent holds the verb's attitude toward the subject.

use std::ops::Range;

use super::classes::PRON;
use super::doc::Doc;
use super::rules::Finding;
use crate::triples::Basis;
use crate::verbs::{VerbForm, VerbKind};

/// The forms of "be" that make a participle passive.
const PASSIVE_BE: &[&str] = &["was", "were", "is", "are", "been", "be", "being"];

impl Doc<'_, '_> {
    /// The finding of a passive attitude verb at token `i` with its agent
    /// after "by": the agent (a party) holds the attitude toward the
    /// subject of the verb group, the other way after a negator ("was not
    /// welcomed by").
    pub(super) fn passive_attitude(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        form: &VerbForm,
    ) -> Option<Finding> {
        if form.kind != VerbKind::Attitude || form.polarity == 0 || form.words.len() != 1 {
            return None;
        }
        // The participle: "welcomed", "praised"; adverbs before it ("was
        // warmly welcomed").
        let mut p = i.checked_sub(1)?;
        while p > sentence.start && self.word(p).is_some_and(|w| w.ends_with("ly")) {
            p -= 1;
        }
        if p < sentence.start || !self.is(p, PASSIVE_BE) {
            return None;
        }
        let by = i + 1;
        if by >= sentence.end || !self.is(by, &["by"]) {
            return None;
        }
        let agent = self.object_after(sentence, by + 1)?;
        if !self.names_a_party(&agent) {
            return None;
        }
        let vg = self.verb_group_start(sentence, p);
        let target = self.subject_before(sentence, vg)?;
        if target.len() == 1 && self.has(target.start, PRON) {
            // "They were backed by Kerry": a pronoun names no target here.
            return None;
        }
        let mut sign = f32::from(form.polarity);
        if self.negated_before(sentence, i) {
            sign = -sign;
        }
        Some(Finding::of_subject(
            agent,
            i,
            target,
            sign,
            Basis::Attitude,
            si,
        ))
    }
}
