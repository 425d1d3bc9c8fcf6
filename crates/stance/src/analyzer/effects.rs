//! Things judged by what they do, when someone is reported saying so:
//! "this plan punishes working families" (negative toward the plan), "the
//! wall will stop crime" and "the ruling would reduce confusion"
//! (positive: what is stopped or reduced is bad), "the law places an
//! unfair burden on voters" (negative), "this offer does nothing to
//! protect jobs" (negative); and noun phrases that judge their head: a
//! quoted one ("had made “a fair and generous offer”") and a
//! demonstrative's predicate ("“This is the best deal in a generation,”
//! she said").

use std::ops::Range;

use newsnlp_text::table::possessive_len;
use newsnlp_text::words::{Classes, WordClass};
use newsnlp_tokenize::TokenKind;

use super::classes::{
    AND_OR, AUX, CLAUSE, COP, DET, EFFECT, FIN, IRREG, MAY_START, NAME, OF, PREP, PRON, WORD,
};
use super::doc::Doc;
use super::rules::{Finding, PREDICATE_MIN};
use crate::lexicon::LEXICONS;
use crate::triples::Basis;
use crate::verbs::VerbForm;

/// Adverbs that may follow a verb where an object would ("has expanded
/// well beyond its intent"): no object.
const NOT_OBJECTS: &[&str] = &[
    "well", "far", "further", "again", "back", "away", "together",
];
/// The summed valence an acted-on object needs to judge the thing acting
/// ("an unfair burden", "confusion", "much-needed housing").
const OBJECT_MIN: f32 = 0.5;
/// Plural nouns of people as the public ("voters", "riders", "families")
/// and of what they live by ("lives", "jobs", "homes"): objects valued
/// whatever their words ([`Doc::people_or_livelihood`]). Written out, not
/// read off endings: "numbers", "orders" and "powers" end as "voters" do.
const VALUED_OBJECTS: &[&str] = &[
    "people",
    "families",
    "children",
    "kids",
    "parents",
    "students",
    "patients",
    "voters",
    "residents",
    "citizens",
    "workers",
    "employees",
    "farmers",
    "consumers",
    "customers",
    "taxpayers",
    "riders",
    "passengers",
    "commuters",
    "drivers",
    "renters",
    "homeowners",
    "tenants",
    "seniors",
    "veterans",
    "teachers",
    "nurses",
    "doctors",
    "communities",
    "households",
    "businesses",
    "lives",
    "jobs",
    "homes",
    "livelihoods",
    "wages",
    "savings",
];
/// Verbs of how a thing will fare, and the sign they give it when someone
/// is reported predicting it ("any appeal will fail", "the verdict will
/// not stand", "the ruling would not survive an appeal"): who predicts a
/// thing's failure stands against it, its survival for it.
const OUTCOME_VERBS: &[(&str, f32)] = &[
    ("fail", -1.0),
    ("collapse", -1.0),
    ("backfire", -1.0),
    ("survive", 1.0),
    ("stand", 1.0),
    ("prevail", 1.0),
    ("succeed", 1.0),
];
/// The words of a confident prediction ("we are confident that …").
const CONFIDENT: &[&str] = &["confident", "certain", "sure", "convinced"];
/// How far past an object "at risk" may follow it.
const AT_RISK_WINDOW: usize = 8;
/// The most tokens of a quoted noun phrase that judges its head.
const QUOTED_NP_TOKENS: usize = 8;

impl Doc<'_, '_> {
    /// "This plan punishes working families", "the tariffs hurt farmers",
    /// "the wall will stop crime": a thing (not a named party) that does
    /// something to an object is judged by it, when someone is reported
    /// saying so (see [`thing_acting`](Self::thing_acting)).
    pub(super) fn agent_of_action(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        form: &VerbForm,
    ) -> Option<Finding> {
        if !self.verb_use(i) {
            return None;
        }
        // Only harm judges without an evaluated object: what a thing
        // "helps" is no praise of it unless the reader values the object
        // ("divisions only helped Russia").
        let sign = f32::from(form.polarity);
        self.thing_acting(sentence, si, i, form.words.len(), sign, sign < 0.0)
    }

    /// "The ruling would reduce confusion", "the law places an unfair
    /// burden on voters", "the estate would bring much-needed housing": a
    /// thing that brings about (`causing_verbs`) or takes away
    /// (`removing_verbs`) something the object's words evaluate is judged
    /// by it, when someone is reported saying so.
    pub(super) fn effect(&self, sentence: &Range<usize>, si: usize, i: usize) -> Option<Finding> {
        let w = self.word(i)?;
        // would “inevitably” | cost: the word before the verb past a mark.
        let mut p = i.checked_sub(1).filter(|&p| p >= sentence.start)?;
        if self.kind_is(p, TokenKind::CloseQuote) && p > sentence.start {
            p -= 1;
        }
        let pc = self.class(p);
        // A noun, not a verb: "the cut", "the tax cut", "Monday's increase",
        // "the level of".
        if self.capitalized(i)
            || self.has(i + 1, OF)
            || pc & (DET | WORD) != WORD
            || self.word(p).is_some_and(|w| possessive_len(w) > 0)
        {
            return None;
        }
        let inflected = self.inflected_ending(i) || self.has(i, IRREG);
        let vg = self.verb_group_start(sentence, i);
        let auxiliary = (vg..i).any(|k| self.has(k, AUX | FIN));
        // A base form is a verb after an adverb of its group or a plural
        // subject ("mergers almost always raise costs", "tariffs raise
        // prices"), not after a singular noun ("a pay raise").
        let plural_subject = self
            .word(p)
            .is_some_and(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"));
        let coordinated = self.has(p, AND_OR) && self.verb_use(i);
        if !auxiliary && !inflected && vg == i && !plural_subject && !coordinated {
            return None;
        }
        // "puts our water at risk": "put" causes only through such a
        // complement ("put the problems into context" causes nothing).
        if matches!(w, "put" | "puts" | "putting") && !self.at_risk_after(sentence, i + 1) {
            return None;
        }
        let sign = if Classes::of(w).contains(WordClass::RemovingVerbs) {
            -1.0
        } else {
            1.0
        };
        self.thing_acting(sentence, si, i, 1, sign, false)
    }

    /// A thing (not a named party) as the subject of the verb at token
    /// `i` (`len` words, of sign `sign`) that acts on an object: judged by
    /// `sign` times the sign of the object's valence when its words carry
    /// one ("stop crime" is praise, "bring relief" too, "reduce
    /// confusion" as well), else by `sign` alone when `by_default`.
    fn thing_acting(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        len: usize,
        sign: f32,
        by_default: bool,
    ) -> Option<Finding> {
        let vg = self.verb_group_start(sentence, i);
        // "This offer does nothing to protect jobs": what a thing fails to
        // do judges it the other way.
        let failing = i >= 3
            && self.is(i - 1, &["to"])
            && self.is(i - 2, &["nothing", "little"])
            && self.is(i - 3, &["do", "does", "did", "done", "doing"]);
        if !failing && (vg..i).any(|k| self.is(k, &["to"])) {
            // An infinitive: the desire and appeal chains read it.
            return None;
        }
        let subject = self.thing_subject(sentence, if failing { i - 3 } else { i })?;
        let object = self.object_after(sentence, i + len)?;
        let verb_next = self.has(object.start, MAY_START | EFFECT | AUX)
            && self.word(object.start).is_some_and(|w| !w.ends_with("ing"))
            && self.verb_use(object.start);
        if verb_next || self.is(object.start, NOT_OBJECTS) {
            // "spending cuts | hurt schools": a verb, no object.
            return None;
        }
        let valence = if self.at_risk_after(sentence, object.end) {
            -1.0
        } else if self
            .word(i)
            .is_some_and(|w| Classes::of(w).contains(WordClass::NeglectVerbs))
        {
            // "ignored repeated warnings": what is neglected deserved
            // attention, whatever its own words say.
            0.0
        } else {
            let v = self.object_valence(&object);
            if v.abs() < OBJECT_MIN && self.people_or_livelihood(&object) {
                // "help thousands of voters", "save lives", "create jobs",
                // "cut jobs": people and their livelihoods are valued.
                1.0
            } else {
                v
            }
        };
        // Not doing good is blame whatever the object ("does not protect
        // renters").
        let negated = failing || self.negated_group(&(vg..i));
        let mut sign = if valence.abs() >= OBJECT_MIN {
            sign * valence.signum()
        } else if by_default || (negated && sign > 0.0) {
            sign
        } else {
            return None;
        };
        if negated {
            sign = -sign;
        }
        Some(Finding::reported(subject, sign, Basis::Evaluation, si))
    }

    /// The subject of the verb at token `i` when it is a thing, not a
    /// named party ("the plan"; "Mr. Halvorsen's plan": a thing a party
    /// owns is no party), in a clause that claims something.
    fn thing_subject(&self, sentence: &Range<usize>, i: usize) -> Option<Range<usize>> {
        let subject = self.evaluated_subject(sentence, i)?;
        // "could not show that the closures caused the delays", "no
        // evidence that …": a clause under a negated frame is no claim.
        let s = subject.start;
        if s > sentence.start && self.is(s - 1, &["that"]) && self.negated_before(sentence, s - 1) {
            return None;
        }
        // "Mr. Halvorsen's plan": a thing a party owns is no party.
        let possessed = subject.clone().any(|k| {
            k + 1 < subject.end
                && !self.capitalized(k + 1)
                && self.word(k).is_some_and(|w| possessive_len(w) > 0)
        });
        // A capital that only opens the sentence names nobody, nor does a
        // name after the head ("Exemptions for Canada would soften the
        // blow"): a name at the head does ("the Kremlin").
        let head = (subject.start..subject.end)
            .find(|&k| !self.has(k, DET))
            .unwrap_or(subject.start);
        let at_head = self.span(&(head..head + 1)).start;
        let named = self.capitalized_name(subject.start)
            || self
                .mentions_in(&self.span(&subject))
                .any(|m| m.start() == at_head);
        (!named || possessed).then_some(subject)
    }

    /// "We are confident that any appeal will fail", "confident the
    /// verdict will not stand": a thing (no named party) whose fate a
    /// reported clause predicts with confidence after a modal
    /// ([`OUTCOME_VERBS`]), judged by it, negation flipping.
    pub(super) fn outcome(&self, sentence: &Range<usize>, si: usize, i: usize) -> Option<Finding> {
        let w = self.word(i)?;
        let &(_, sign) = OUTCOME_VERBS.iter().find(|(v, _)| *v == w)?;
        let vg = self.verb_group_start(sentence, i);
        let modal = (vg..i).any(|k| self.is(k, &["will", "would", "won't", "wouldn't"]));
        // "failed to", "stand up for", "stand by": other verbs; "stand up
        // to scrutiny" survives it.
        let up_to = self.is(i + 1, &["up"]) && self.is(i + 2, &["to"]);
        if !modal || (!up_to && self.is(i + 1, &["to", "by", "up", "for", "behind", "down"])) {
            return None;
        }
        let subject = self.thing_subject(sentence, i)?;
        // Only a contest's fate asserted with confidence ("confident the
        // verdict will not stand"): a bare forecast ("the ceasefire would
        // collapse") is no stance against the thing.
        if !(sentence.start..subject.start).any(|k| self.is(k, CONFIDENT)) {
            return None;
        }
        let sign = if self.negated_group(&(vg..i)) {
            -sign
        } else {
            sign
        };
        Some(Finding::reported(subject, sign, Basis::Evaluation, si))
    }

    /// Whether the clause goes on, within a few words from token `k`, with
    /// "at risk", "in danger" or "in jeopardy" ("puts our water and our
    /// children at risk"): the object is put in harm's way.
    fn at_risk_after(&self, sentence: &Range<usize>, k: usize) -> bool {
        (k..sentence.end.min(k + AT_RISK_WINDOW))
            .take_while(|&j| {
                self.has(j, WORD) && (self.has(j, AND_OR) || !self.has(j, FIN | CLAUSE))
            })
            .any(|j| {
                self.is(j, &["at", "in"])
                    && self.is(j + 1, &["risk", "danger", "jeopardy", "peril"])
            })
    }

    /// Whether an object's head is a lowercase noun of people ("voters",
    /// "thousands of patients", "families") or of their livelihood
    /// ("lives", "jobs", "homes"): what helps or harms it is judged by that.
    fn people_or_livelihood(&self, object: &Range<usize>) -> bool {
        let head = object.end - 1;
        !self.capitalized(head) && self.word(head).is_some_and(|w| VALUED_OBJECTS.contains(&w))
    }

    /// The summed valence of an object's words, flipped by a negator in
    /// it ("no relief").
    fn object_valence(&self, object: &Range<usize>) -> f32 {
        let lex = &*LEXICONS;
        let mut sum = 0.0;
        let mut flip = 1.0;
        for k in object.clone() {
            if self.word(k).is_some_and(|w| lex.is_negator(w)) {
                flip = -1.0;
            }
            sum += self.valence(k).unwrap_or(0.0);
        }
        flip * sum
    }

    /// "This is the best deal in a generation", "this is a small but
    /// important step", "that's a terrible deal": a demonstrative subject (the verb group starts at
    /// `vg`) names what the predicate noun phrase from token `k` is, so
    /// the predicate's head is the target of its modifiers' judgement, the
    /// stance of whoever is reported saying so.
    pub(super) fn demonstrative_predicate(
        &self,
        sentence: &Range<usize>,
        si: usize,
        vg: usize,
        k: usize,
        flip: f32,
    ) -> Option<Finding> {
        // A plain copula only: "this could be …" is no claim of what it is.
        // (`is` reads `’` as `'`.) Adverbs may stand between it and the
        // predicate at `k` ("this is clearly the best deal"), not a
        // negator: what a thing is not names no target ("that is not a
        // legitimate purpose").
        let contracted = self.is(vg, &["that's"]);
        let copula = contracted || self.is(vg, &["is", "was", "are", "were", "'s"]);
        if !copula || k <= vg || flip < 0.0 {
            return None;
        }
        // "That's a terrible deal": the subject inside the copula's token.
        let p = if contracted {
            vg
        } else {
            vg.checked_sub(1).filter(|&p| p >= sentence.start)?
        };
        let demonstrative = contracted || self.is(p, &["this", "that", "these", "those"]);
        let opens = p == sentence.start || self.word(p - 1).is_none();
        if !opens || !demonstrative || !self.is(k, &["a", "an", "the"]) {
            return None;
        }
        let mut end = k + 1;
        while end < sentence.end && end - k < QUOTED_NP_TOKENS {
            let c = self.class(end);
            let joins = self.is(end, &["but", "and"]);
            if c & WORD == 0 || (c & (PREP | FIN | CLAUSE | PRON | OF | DET) != 0 && !joins) {
                break;
            }
            end += 1;
        }
        let head = end - 1;
        if head <= k + 1 || self.capitalized(head) || self.valence(head).unwrap_or(0.0) != 0.0 {
            return None;
        }
        let sum = flip * self.predicate_valence(sentence, k);
        (sum.abs() >= PREDICATE_MIN).then(|| Finding::reported(k..end, sum, Basis::Evaluation, si))
    }

    /// “a fair and generous offer”: a quoted noun phrase (a determiner,
    /// its modifiers and a head that judges nothing by itself) whose
    /// modifiers judge the head is the stance of whoever is quoted toward
    /// it; not after a naming verb, "as" or a copula, whose rules read the
    /// quotation as what something is called. `open` is the opening mark.
    pub(super) fn quoted_evaluation(
        &self,
        sentence: &Range<usize>,
        si: usize,
        open: usize,
    ) -> Option<Finding> {
        let first = open + 1;
        if !self.has(first, DET) || self.has(first, PRON) && !self.is(first, &["this", "that"]) {
            return None;
        }
        let close = (first + 1..sentence.end.min(first + QUOTED_NP_TOKENS))
            .find(|&k| self.word(k).is_none() && !self.joins_words(k))?;
        if !self.kind_is(close, TokenKind::CloseQuote) {
            return None;
        }
        let head = close - 1;
        let inner = first + 1..head;
        if inner.is_empty()
            || self.capitalized(head)
            || self.valence(head).unwrap_or(0.0) != 0.0
            || (first + 1..close)
                .any(|k| self.has(k, FIN | COP | PREP | CLAUSE | PRON | OF) && !self.has(k, AND_OR))
        {
            return None;
        }
        let before = open.saturating_sub(3).max(sentence.start)..open;
        if before
            .clone()
            .any(|k| self.has(k, NAME | COP) || self.is(k, &["as"]))
        {
            return None;
        }
        let sum = self.object_valence(&inner);
        (sum.abs() >= OBJECT_MIN)
            .then(|| Finding::reported(first..close, sum, Basis::Evaluation, si))
    }
}
