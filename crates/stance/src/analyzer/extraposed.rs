//! Actions judged through an extraposed subject: "it would be “premature”
//! to cut interest rates", "it is a mistake to ignore the warnings", "it
//! was right to delay the vote". The judgement is of the infinitive's verb
//! phrase (what would be premature is to cut interest rates), held by
//! whoever speaks where it stands.

use std::ops::Range;

use newsnlp_tokenize::TokenKind;

use super::classes::{CAP, CLAUSE, DET, PRON, WORD};
use super::doc::Doc;
use super::rules::{Finding, PREDICATE_MIN};
use crate::triples::Basis;

/// Words before "to" whose "it" refers ("it is likely to", "it was able
/// to"), so no action is judged.
const CONTROL_WORDS: &[&str] = &[
    "able",
    "unable",
    "likely",
    "unlikely",
    "willing",
    "unwilling",
    "going",
    "set",
    "about",
    "due",
    "ready",
    "bound",
    "sure",
    "certain",
    "quick",
    "slow",
    "enough",
    // How hard an action is, not whether it is good.
    "easy",
    "hard",
    "difficult",
    "tough",
    "impossible",
    "possible",
    "interesting",
];
/// Verbs after "to" that name no action to judge ("the right thing to
/// do", "it is hard to say", "it will be interesting to see").
const COGNITION_VERBS: &[&str] = &[
    "do",
    "see",
    "say",
    "know",
    "tell",
    "imagine",
    "understand",
    "predict",
    "believe",
    "think",
    "be",
    "show",
];
/// The most tokens between the predicate's start and its "to" ("a very
/// bad mistake to").
const PREDICATE_TOKENS: usize = 6;

impl Doc<'_, '_> {
    /// The finding of an extraposed predicate starting at token `k` after
    /// the copula at `c` whose subject is "it": the summed valence of the
    /// words before "to" (times `flip`, -1 when negated) judges the verb
    /// phrase after it.
    pub(super) fn extraposed(
        &self,
        sentence: &Range<usize>,
        si: usize,
        c: usize,
        k: usize,
        flip: f32,
    ) -> Option<Finding> {
        let vg = self.verb_group_start(sentence, c);
        if vg <= sentence.start || !self.is(vg - 1, &["it"]) {
            return None;
        }
        let end = (k + PREDICATE_TOKENS).min(sentence.end);
        let to = (k..end)
            .take_while(|&t| {
                !self.has(t, CLAUSE) && (self.word(t).is_some() || self.is_quote_mark(t))
            })
            .find(|&t| self.is(t, &["to"]))?;
        // "it had been prepared to go", "it is likely to rain": a
        // participle or a word of readiness or likelihood before "to"
        // has a referential "it", no extraposed action.
        // "it was Mr. Obama's ability to": a cleft, naming who.
        let control = (k..to).any(|t| {
            self.capitalized(t)
                || self.word(t).is_some_and(|w| {
                    w.ends_with("ed") || w.ends_with("ing") || CONTROL_WORDS.contains(&w)
                })
        });
        let verb = to + 1;
        // "the right thing to do": nothing named to judge.
        if control
            || self.class(verb) & WORD == 0
            || self.has(verb, DET | PRON | CAP)
            || self.is(verb, COGNITION_VERBS)
        {
            return None;
        }
        let sum: f32 = (k..to).filter_map(|t| self.valence(t)).sum::<f32>() * flip;
        if sum.abs() < PREDICATE_MIN {
            return None;
        }
        let target_end = self
            .object_after(sentence, verb + 1)
            .map_or(verb + 1, |o| o.end);
        Some(Finding::in_context(
            verb..target_end,
            sum,
            Basis::Evaluation,
            si,
        ))
    }

    /// Whether token `t` is an opening or closing quote mark.
    fn is_quote_mark(&self, t: usize) -> bool {
        self.kind_is(t, TokenKind::OpenQuote) || self.kind_is(t, TokenKind::CloseQuote)
    }
}
