//! Naming verbs: "Lavrov described the meeting as “constructive”", "she
//! called the veto “a shameful act”": the subject evaluates the object by
//! what it names it.

use std::ops::Range;

use newsnlp_tokenize::TokenKind;

use super::classes::{AND_OR, CLAUSE, DET, FIN, MAY_START, NAME, WORD};
use super::doc::Doc;
use super::rules::{Finding, NOUN_ENDINGS, PREDICATE_MIN};
use crate::lexicon::LEXICONS;
use crate::triples::Basis;
use crate::verbs::STANCE_LEXICON;

/// How far past a naming verb's object its "as" may stand.
const NAMING_AS_REACH: usize = 20;

impl Doc<'_, '_> {
    /// "Lavrov described the meeting as “constructive”", "she called the
    /// veto “a shameful act”": a naming verb's subject evaluates its object
    /// by what it names it. Returns whether it found one.
    pub(super) fn naming(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        out: &mut Vec<Finding>,
    ) -> bool {
        let vg = self.verb_group_start(sentence, i);
        let Some(subject) = self.subject_of_group(sentence, vg) else {
            return false;
        };
        let Some(mut object) = self.object_after(sentence, i + 1) else {
            return false;
        };
        // "called the ceasefire a welcome step": a second article starts
        // what the object is called.
        if let Some(d) = (object.start + 1..object.end).find(|&d| self.is(d, &["a", "an", "the"])) {
            object.end = d;
        }
        object.end = self.complement_in_object(&object);
        let mut k = object.end;
        // "described the sale of his captain … in January | as “an act of
        // self-harm”": "as" past a long object, no verb (of the stance
        // lexicon, a naming or a finite one) or clause between.
        if !self.is(k, &["as"]) && !self.kind_is(k, TokenKind::OpenQuote) {
            let reach = (k + NAMING_AS_REACH).min(sentence.end);
            let as_at = (k..reach)
                .take_while(|&j| {
                    self.is(j, &["as"])
                        || (self.word(j).is_some()
                            && !self.has(j, FIN | NAME | MAY_START)
                            && (!self.has(j, CLAUSE) || self.has(j, AND_OR)))
                })
                .find(|&j| self.is(j, &["as"]));
            if let Some(a) = as_at {
                k = a;
            }
        }
        if self.is(k, &["as"]) {
            k += 1;
        }
        let mut sum = self.predicate_valence(sentence, k);
        if self.negated_before(sentence, i) {
            sum = -sum;
        }
        if sum.abs() < PREDICATE_MIN {
            // A quoted name no lexicon judges ("called the rollout “a giant
            // experiment”"): the model reads the sentence for the object.
            if sum == 0.0
                && self.kind_is(k, TokenKind::OpenQuote)
                && !self.negated_before(sentence, i)
            {
                out.push(Finding::of_subject(
                    subject,
                    i,
                    object,
                    0.0,
                    Basis::Model,
                    si,
                ));
                return true;
            }
            return false;
        }
        out.push(Finding::of_subject(
            subject,
            i,
            object,
            sum,
            Basis::Evaluation,
            si,
        ));
        true
    }

    /// Where a naming verb's object ends when evaluative words close it
    /// ("called the approval | reckless", "the plan | very dangerous and
    /// unfair"): an adjective after the noun is what the object is called.
    /// A noun by its ending never starts the complement ("called the
    /// reckless approval" names nothing).
    fn complement_in_object(&self, object: &Range<usize>) -> usize {
        // A complement after the object ("called the tax cut “long
        // overdue”") is what the object is called.
        if self.has(object.end, WORD) || self.kind_is(object.end, TokenKind::OpenQuote) {
            return object.end;
        }
        let lex = &*STANCE_LEXICON;
        let evaluative = |k: usize| self.valence(k).is_some_and(|v| v != 0.0);
        // A head that judges by itself is a noun when its ending says so
        // ("the approval | reckless", "the settlement | unfair").
        let noun = |k: usize| {
            self.word(k).is_some_and(|w| {
                NOUN_ENDINGS
                    .iter()
                    .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
            })
        };
        // Back over "[degree words] evaluative", joined by "and" or a
        // comma: "very dangerous and unfair"; one evaluative word closes a
        // run ("the tax cut | unfair": "cut" is the head).
        let degree = |k: usize| {
            self.word(k)
                .is_some_and(|w| lex.modifier(w).is_some() || LEXICONS.intensifier(w).is_some())
        };
        let joiner = |k: usize| self.is(k, &["and"]) || self.is_comma(k);
        let mut c = object.end;
        loop {
            if c <= object.start + 1 || !evaluative(c - 1) || noun(c - 1) {
                break;
            }
            c -= 1;
            while c > object.start + 1 && degree(c - 1) {
                c -= 1;
            }
            if c > object.start + 2 && joiner(c - 1) && evaluative(c - 2) && !noun(c - 2) {
                c -= 1;
                continue;
            }
            break;
        }
        // "called a general strike", "called a snap vote": an indefinite
        // object is one convened, not judged.
        let head = c - 1;
        let plain_head =
            c > object.start && !self.has(head, DET) && !self.is(object.start, &["a", "an"]);
        if c < object.end && plain_head && (c..object.end).any(evaluative) {
            c
        } else {
            object.end
        }
    }
}
