//! The rules that find stances in a sentence, each a pattern around a
//! word of the stance lexicon or a copula:
//!
//! - attitude ("Russia still wants an independent investigation": positive
//!   toward the object; "does not want" flips it; "refused to lift the
//!   sanctions" multiplies with the action's polarity);
//! - first-person action ("We will defeat ISIS": negative toward ISIS);
//! - deed ("Assad's forces did it", "X was behind the attack": negative
//!   toward the subject);
//! - predication: a demanded action ("North Korea has to be
//!   denuclearized") or an evaluative predicate ("the meeting was
//!   productive");
//! - naming ("Lavrov described the meeting as constructive");
//! - things judged by what they do (the `effects` module).
//!
//! Each rule pushes a [`Finding`]: a target noun phrase, a polarity and who
//! holds it (a subject, or whoever speaks where it stands).

use std::ops::Range;

use newsnlp_text::words::{Classes, WordClass};
use newsnlp_tokenize::TokenKind;

use super::classes::{
    ANAPHOR, ANAPHORS, AUX, CAP, CLAUSE, COP, DET, EFFECT, FIN, IRREG, MAY_START, NAME, OF, PREP,
    PRON, WORD,
};
use super::doc::Doc;
use super::holders::{names_a_group, phrase_names_a_party};
use super::phrases::NEGATION_WORDS;
use crate::lexicon::LEXICONS;
use crate::polarity::Polarity;
use crate::triples::Basis;
use crate::verbs::{Adjective, Modifier, STANCE_LEXICON, VerbForm, VerbKind};

/// Attitude verbs that a thing may be the subject of, doing harm ("the
/// plan threatens jobs", "the bill attacks free speech").
const THING_HARMS: &[&str] = &[
    "threaten",
    "threatens",
    "threatened",
    "threatening",
    "attack",
    "attacks",
    "attacked",
    "attacking",
];

/// Endings of nouns, which an evaluative adjective follows only as what a
/// naming verb calls them ("called the settlement unfair").
pub(super) const NOUN_ENDINGS: [&str; 10] = [
    "tion", "sion", "ment", "ness", "ity", "ance", "ence", "val", "sal", "ure",
];

/// Words that open a reason or condition after a predicate ("a sensible
/// stopgap **given** the delays", "fair **despite** the cost"): the
/// predicate's judgement ends before them.
const ADJUNCT_OPENERS: &[&str] = &[
    "given",
    "despite",
    "because",
    "since",
    "although",
    "though",
    "unless",
    "considering",
];
/// The most words an evaluative predicate may have after its copula.
const PREDICATE_WORDS: usize = 6;
/// The least valence of an emotion word of a party ("furious about").
const EMOTION_MIN: f32 = 1.0;
/// The prepositions that name what an emotion is about.
const EMOTION_PREPOSITIONS: &[&str] = &["about", "with", "over", "at", "by", "of", "in"];
/// Nouns of an attitude and the prepositions that take its object:
/// "expressed concern about the deal", "had real concerns about the
/// effect", "raised doubts over the plan", "confidence in the court".
const ATTITUDE_NOUNS: &[(&str, f32, &[&str])] = &[
    ("concern", -1.0, &["about", "over", "regarding"]),
    ("concerns", -1.0, &["about", "over", "regarding"]),
    ("worries", -1.0, &["about", "over"]),
    ("fears", -1.0, &["about", "over"]),
    ("doubts", -1.0, &["about", "over", "regarding"]),
    ("reservations", -1.0, &["about", "over", "regarding"]),
    ("misgivings", -1.0, &["about", "over"]),
    ("objections", -1.0, &["to"]),
    ("frustration", -1.0, &["with", "over", "at"]),
    ("outrage", -1.0, &["at", "over"]),
    ("disappointment", -1.0, &["with", "at", "over", "in"]),
    ("anger", -1.0, &["at", "over"]),
    ("support", 1.0, &["for"]),
    ("confidence", 1.0, &["in"]),
    ("enthusiasm", 1.0, &["for", "about"]),
    ("praise", 1.0, &["for"]),
];
/// How far before an attitude noun its verb may stand ("had | real |
/// concerns", "expressed | “deep | concern").
const ATTITUDE_NOUN_VERB: usize = 4;
/// How many words of an addressee's name may follow the object read
/// before the "to" of what it is asked to do.
const ADDRESSEE_TAIL: usize = 6;
/// The least weight of a word after "too" ("too optimistic"), negative.
const EXCESS: f32 = 1.0;
/// The weight of a predicate's words in a prepositional phrase after its
/// head ("a threat to peace").
const PP_WEIGHT: f32 = 0.5;
/// The weight of a predicate's words before "but" against those after it.
const BEFORE_BUT: f32 = 0.3;
/// The summed valence an evaluative predicate needs to count.
pub(super) const PREDICATE_MIN: f32 = 0.5;
/// The summed valence an evaluative predicate needs to count as the
/// author's own judgement (no quote or reporting verb around it).
const AUTHOR_PREDICATE_MIN: f32 = 1.5;

/// Who a rule's finding belongs to.
#[derive(Debug, Clone)]
pub(super) enum HolderRef {
    /// The subject noun phrase (token range) of the verb at token `verb`.
    Subject { np: Range<usize>, verb: usize },
    /// Whoever speaks where the finding stands: the quote's speaker, the
    /// subject of a reporting verb before it ("officials claim that ..."),
    /// or, when `author`, the article's author.
    Context { author: bool },
}

/// A rule's finding: a target noun phrase (token range) and a polarity.
#[derive(Debug, Clone)]
pub(super) struct Finding {
    pub(super) holder: HolderRef,
    pub(super) target: Range<usize>,
    pub(super) polarity: Polarity,
    pub(super) basis: Basis,
    pub(super) sentence: usize,
}

impl Finding {
    /// A finding on `target` held by the subject `np` of the verb at token
    /// `verb`, with the polarity of `sign`.
    pub(super) fn of_subject(
        np: Range<usize>,
        verb: usize,
        target: Range<usize>,
        sign: f32,
        basis: Basis,
        sentence: usize,
    ) -> Self {
        Finding {
            holder: HolderRef::Subject { np, verb },
            target,
            polarity: polarity_of(sign),
            basis,
            sentence,
        }
    }

    /// A finding on `target` held by whoever speaks where it stands, with
    /// the polarity of `sign`.
    pub(super) fn in_context(
        target: Range<usize>,
        sign: f32,
        basis: Basis,
        sentence: usize,
    ) -> Self {
        Finding {
            holder: HolderRef::Context { author: true },
            target,
            polarity: polarity_of(sign),
            basis,
            sentence,
        }
    }
}

impl Finding {
    /// [`in_context`](Self::in_context) for a claim that is a stance only
    /// when someone is reported saying it ("this plan punishes families"):
    /// never the author's.
    pub(super) fn reported(target: Range<usize>, sign: f32, basis: Basis, sentence: usize) -> Self {
        Finding {
            holder: HolderRef::Context { author: false },
            ..Finding::in_context(target, sign, basis, sentence)
        }
    }
}

fn polarity_of(sign: f32) -> Polarity {
    if sign > 0.0 {
        Polarity::Positive
    } else if sign < 0.0 {
        Polarity::Negative
    } else {
        Polarity::Neutral
    }
}

impl Doc<'_, '_> {
    /// The rule findings of one sentence.
    pub(super) fn findings(&self, si: usize, out: &mut Vec<Finding>) {
        let sentence = self.doc.sentences()[si].tokens.clone();
        self.conduct(&sentence, si, out);
        let mut i = sentence.start;
        let mut skip_to = sentence.start;
        while i < sentence.end {
            // The filter first: most words start no verb form, name
            // nothing and are no copula, and no rule starts at them.
            let c = self.class(i);
            if c & WORD != 0
                && (self.has(i + 1, PREP) || self.kind_is(i + 1, TokenKind::CloseQuote))
            {
                self.attitude_noun(&sentence, si, i, out);
            }
            if c & WORD != 0
                && i >= skip_to
                && self
                    .word(i)
                    .is_some_and(|w| w.len() <= 7 && w.contains('\''))
            {
                out.extend(self.contracted_position(&sentence, si, i));
            }
            if c & (EFFECT | CAP) == EFFECT && i >= skip_to {
                out.extend(self.effect(&sentence, si, i));
            }
            if c & (WORD | CAP | FIN) == WORD
                && i >= skip_to
                && i > sentence.start
                && self.has(i - 1, AUX)
            {
                out.extend(self.outcome(&sentence, si, i));
            }
            if c & WORD == 0 && self.kind_is(i, TokenKind::OpenQuote) && i >= skip_to {
                out.extend(self.quoted_evaluation(&sentence, si, i));
            }
            if c & (MAY_START | NAME | COP) == 0 {
                i += 1;
                continue;
            }
            let live = i >= skip_to;
            let form = if live && c & (MAY_START | CAP) == MAY_START {
                self.form_at(i, 4)
            } else {
                None
            };
            if live && c & (NAME | CAP) == NAME && self.naming(&sentence, si, i, out) {
                i += 1;
                continue;
            }
            let Some(form) = form else {
                if live && c & COP != 0 {
                    self.predication(&sentence, si, i, out);
                }
                i += 1;
                continue;
            };
            let len = form.words.len();
            match form.kind {
                VerbKind::Attitude | VerbKind::Desire | VerbKind::Frame | VerbKind::Appeal => {
                    out.extend(self.passive_attitude(&sentence, si, i, form));
                    out.extend(self.warning(&sentence, si, i, form));
                    if let Some(end) = self.attitude(&sentence, si, i, form, out) {
                        skip_to = end;
                    }
                    // "This pipeline threatens our water": a thing (no
                    // named party) that threatens or attacks is judged by
                    // it; who threatens something bad ("the union
                    // threatened a strike") is no thing.
                    if form.words.first().is_some_and(|w| THING_HARMS.contains(w)) {
                        out.extend(
                            self.agent_of_action(&sentence, si, i, form)
                                .filter(|f| f.polarity == Polarity::Negative),
                        );
                    }
                }
                VerbKind::Action => {
                    self.first_person_action(&sentence, si, i, form, out);
                    out.extend(self.agent_of_action(&sentence, si, i, form));
                }
                VerbKind::Deed => self.deed(&sentence, si, i, form, out),
            }
            i += len;
        }
    }

    /// An attitude noun at token `k` with its object ("had real concerns
    /// about the effect on customers"): the subject of the verb that has
    /// the noun holds the attitude toward the object.
    fn attitude_noun(&self, sentence: &Range<usize>, si: usize, k: usize, out: &mut Vec<Finding>) {
        let Some(w) = self.word(k) else { return };
        let Some(&(_, sign, preps)) = ATTITUDE_NOUNS.iter().find(|(n, ..)| *n == w) else {
            return;
        };
        // A quotation may close after the noun ("had “real concerns” about").
        let p = self.after_close_quote(k);
        if !self.is(p, preps) {
            return;
        }
        let Some(object) = self.object_after(sentence, p + 1) else {
            return;
        };
        let floor = sentence.start.max(k.saturating_sub(ATTITUDE_NOUN_VERB));
        let Some(v) = (floor..k).rev().find(|&v| {
            self.has(v, FIN | IRREG)
                || (!self.capitalized(v) && self.word(v).is_some_and(|w| w.ends_with("ed")))
        }) else {
            return;
        };
        let vg = self.verb_group_start(sentence, v);
        let Some((subject, negated)) = self.holder_of_verb_group(sentence, vg, v) else {
            return;
        };
        // "did not express concern about", "has no doubts about": the lack
        // of an attitude is no stance either way.
        if negated || self.negated_group(&(v..k)) || (v..k).any(|x| self.is(x, &["no"])) {
            return;
        }
        out.push(Finding::of_subject(
            subject,
            v,
            object,
            sign,
            Basis::Attitude,
            si,
        ));
    }

    /// Attitude, desire, appeal and frame verbs at token `i`; returns the
    /// token after a chained infinitive it consumed. "Nobody wants to keep
    /// the plant open": a subject that names no one says what whoever
    /// speaks holds, the other way.
    fn attitude(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        form: &VerbForm,
        out: &mut Vec<Finding>,
    ) -> Option<usize> {
        let first = out.len();
        let next = self.attitude_of_subject(sentence, si, i, form, out);
        for f in &mut out[first..] {
            if let HolderRef::Subject { np, verb } = &f.holder
                && self.names_no_one(np)
            {
                // Right before its verb, "nobody" negated it already
                // ("nobody would question").
                let negated = verb.saturating_sub(np.start) <= NEGATION_WORDS;
                f.holder = HolderRef::Context { author: false };
                if !negated {
                    f.polarity = match f.polarity {
                        Polarity::Positive => Polarity::Negative,
                        Polarity::Negative => Polarity::Positive,
                        p => p,
                    };
                }
            }
        }
        next
    }

    /// Whether a subject noun phrase names no one: "nobody", "no one",
    /// "none of", "not one".
    fn names_no_one(&self, np: &Range<usize>) -> bool {
        self.is(np.start, &["nobody", "none"])
            || (self.is(np.start, &["no", "not"]) && self.is(np.start + 1, &["one"]))
    }

    /// [`attitude`](Self::attitude) with the subject as holder.
    fn attitude_of_subject(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        form: &VerbForm,
        out: &mut Vec<Finding>,
    ) -> Option<usize> {
        if matches!(form.kind, VerbKind::Attitude | VerbKind::Appeal) && !self.verb_use(i) {
            // "the visa question": a noun, not a verb.
            return None;
        }
        let vg = self.verb_group_start(sentence, i);
        let (subject, negated) = self.holder_of_verb_group(sentence, vg, i).or_else(|| {
            let negated = self.negated_before(sentence, i);
            Some((self.relative_subject(sentence, vg)?, negated))
        })?;
        let mut sign = f32::from(form.polarity);
        if matches!(form.kind, VerbKind::Frame | VerbKind::Appeal) && form.polarity == 0 {
            sign = 1.0;
        }
        if negated {
            sign = -sign;
        }
        let mut j = i + form.words.len();
        // Adverbs between the verb and its object ("wants badly").
        while j < sentence.end
            && self
                .word(j)
                .is_some_and(|w| w.ends_with("ly") && !self.capitalized(j))
        {
            j += 1;
        }
        let ends_in_to = form.words.last() == Some(&"to");
        // "supported helping farmers", "opposed lifting the ban": a gerund
        // chains like an infinitive.
        let gerund = form.kind == VerbKind::Attitude
            && self.word(j).is_some_and(|w| w.ends_with("ing"))
            && self
                .form_at(j, 4)
                .is_some_and(|f| matches!(f.kind, VerbKind::Action | VerbKind::Attitude));
        // "agreed to a ceasefire", "objected to the plan": a noun phrase
        // after the form's "to" is its plain object.
        let noun_after_to = ends_in_to && self.has(j, DET) && !self.has(j, PRON);
        if (self.is(j, &["to"]) || ends_in_to || gerund)
            && !noun_after_to
            && form.kind != VerbKind::Appeal
        {
            let v = if ends_in_to || gerund { j } else { j + 1 };
            let inner = self.form_at(v, 4)?;
            if !matches!(inner.kind, VerbKind::Action | VerbKind::Attitude) {
                return None;
            }
            let after = v + inner.words.len();
            let object = self.object_after(sentence, after)?;
            out.push(Finding::of_subject(
                subject,
                i,
                object.clone(),
                sign * f32::from(inner.polarity),
                Basis::Action,
                si,
            ));
            return Some(object.end);
        }
        // "urged council members to approve the plan": the stance is
        // toward what the addressee is asked to act on.
        if matches!(
            form.kind,
            VerbKind::Appeal | VerbKind::Frame | VerbKind::Attitude
        ) && let Some((object, inner_sign)) = self.appealed_action(sentence, j)
        {
            out.push(Finding::of_subject(
                subject,
                i,
                object.clone(),
                sign * inner_sign,
                Basis::Action,
                si,
            ));
            return Some(object.end);
        }
        let plain_object = form.kind == VerbKind::Attitude
            || (form.kind == VerbKind::Appeal && form.polarity != 0);
        if !plain_object || self.is(j, &["that"]) {
            return None;
        }
        let mut object = self.attitude_object(sentence, j)?;
        // "blamed the defeat on outside money": what is blamed is the
        // cause, not the defeat.
        if form.words.first().is_some_and(|w| w.starts_with("blam")) && self.is(object.end, &["on"])
        {
            object = self.attitude_object(sentence, object.end + 1)?;
        }
        // "urged Turkey to release them", "urged the Department of
        // Transportation to move quickly": the addressee is asked, not
        // judged (its name may run past the object read).
        let asked = || {
            (object.end..(object.end + ADDRESSEE_TAIL).min(sentence.end))
                .take_while(|&k| self.word(k).is_some() && !self.has(k, CLAUSE))
                .any(|k| {
                    let next = self.class(k + 1);
                    self.is(k, &["to"]) && next & WORD != 0 && next & (DET | PRON | CAP) == 0
                })
        };
        if form.kind == VerbKind::Appeal && asked() {
            return None;
        }
        if let Some(name) = self.appositive_name(sentence, object.end) {
            // "criticized the referee, Olivia Hart, for …": the name too.
            out.push(Finding::of_subject(
                subject.clone(),
                i,
                name,
                sign,
                Basis::Attitude,
                si,
            ));
        }
        out.push(Finding::of_subject(
            subject,
            i,
            object,
            sign,
            Basis::Attitude,
            si,
        ));
        None
    }

    /// A name in apposition after a noun phrase ending before token `k`:
    /// ", Olivia Hart," (one to four capitalized words between commas, or
    /// before the sentence's end).
    fn appositive_name(&self, sentence: &Range<usize>, k: usize) -> Option<Range<usize>> {
        if !self.is_comma(k) {
            return None;
        }
        let start = k + 1;
        let mut end = start;
        while end < sentence.end
            && end - start < 4
            && self.capitalized(end)
            && self.word(end).is_some()
        {
            end += 1;
        }
        let closed = self.is_comma(end) || self.word(end).is_none();
        (end > start && closed && !self.has(start, DET | PRON)).then_some(start..end)
    }

    /// "council members to approve the plan" from token `j`: the object of
    /// the action an addressee is asked to take, and the action's sign.
    fn appealed_action(&self, sentence: &Range<usize>, j: usize) -> Option<(Range<usize>, f32)> {
        let addressee_end = if self.has(j, PRON) && self.is(j + 1, &["to"]) {
            j + 1
        } else {
            self.object_after(sentence, j)?.end
        };
        if !self.is(addressee_end, &["to"]) {
            return None;
        }
        let v = addressee_end + 1;
        let inner = self.form_at(v, 4)?;
        if !matches!(inner.kind, VerbKind::Action | VerbKind::Attitude) {
            return None;
        }
        let object = self.object_after(sentence, v + inner.words.len())?;
        Some((object, f32::from(inner.polarity)))
    }

    /// "We will defeat ISIS": an action verb with a first-person subject
    /// and a modal.
    fn first_person_action(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        form: &VerbForm,
        out: &mut Vec<Finding>,
    ) {
        let vg = self.verb_group_start(sentence, i);
        let modal = (vg..i).any(|k| {
            self.is(
                k,
                &[
                    "will", "must", "should", "shall", "would", "to", "cannot", "can't", "won't",
                ],
            )
        });
        if !modal {
            return;
        }
        // "we are (absolutely) going to fight": the group starts at "are".
        let mut start = vg;
        if vg > sentence.start + 1 && self.is(vg, &["to"]) && self.is(vg - 1, &["going"]) {
            start = vg - 1;
            while start > sentence.start
                && (self.is(start - 1, &["am", "are", "'re", "'m", "is", "was", "were"])
                    || self.word(start - 1).is_some_and(|w| w.ends_with("ly")))
            {
                start -= 1;
            }
        }
        let Some(subject) = self.subject_before(sentence, start) else {
            return;
        };
        // "the union “will fight this plan”" in a union leader's reported
        // words, "our party will defend …": the speaker's own side, as the
        // holder rules read such a phrase.
        let own_side = subject.len() == 2
            && self.is(subject.start, &["the", "our"])
            && !self.capitalized(subject.start + 1)
            && self.word(subject.start + 1).is_some_and(|w| {
                Classes::of(w).contains(WordClass::PartyNouns) || names_a_group(w)
            });
        if !(own_side || subject.len() == 1 && self.is(subject.start, &["we", "i", "we're", "i'm"]))
        {
            return;
        }
        let Some(object) = self.object_after(sentence, i + form.words.len()) else {
            return;
        };
        if own_side && self.word(object.start).is_some_and(|w| w.ends_with("ing")) {
            // "the administration would keep pushing": no object.
            return;
        }
        let mut sign = f32::from(form.polarity);
        if self.negated_group(&(vg..i)) {
            sign = -sign;
        }
        out.push(Finding::of_subject(
            subject,
            i,
            object,
            sign,
            Basis::Action,
            si,
        ));
    }

    /// "X did it", "X was behind the attack", "X carried out the strikes".
    fn deed(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        form: &VerbForm,
        out: &mut Vec<Finding>,
    ) {
        // "did nothing", "failed to": a failure is blame in what a party
        // says; the author reports it ("the bill failed to pass").
        let failure = form.words.last().is_some_and(|w| *w == "nothing")
            || form.words.first().is_some_and(|w| w.starts_with("fail"));
        if failure && self.authors(si) {
            return;
        }
        // "did it", "is to blame": the form says the deed was bad.
        let anaphoric_form = failure
            || form
                .words
                .last()
                .is_some_and(|w| ANAPHORS.contains(w) || *w == "blame");
        let j = i + form.words.len();
        let bad = anaphoric_form
            || self.has(j, ANAPHOR) && {
                let n = self.class(j + 1);
                !(n & WORD != 0 && n & (CLAUSE | PREP) == 0)
            }
            || self
                .object_after(sentence, j)
                .is_some_and(|o| o.map(|k| self.valence(k).unwrap_or(0.0)).sum::<f32>() < 0.0);
        if !bad || self.negated_before(sentence, i) {
            return;
        }
        let Some(subject) = self.evaluated_subject(sentence, i) else {
            return;
        };
        out.push(Finding::in_context(
            subject,
            -1.0,
            Basis::Responsibility,
            si,
        ));
    }

    /// A copula at token `c`: a demanded action ("has to be
    /// denuclearized") or an evaluative predicate ("was productive").
    fn predication(&self, sentence: &Range<usize>, si: usize, c: usize, out: &mut Vec<Finding>) {
        // "took a hard look at", "gave it a look": after "a" the base form
        // of a verb of seeming is a noun.
        let base_form = self.word(c).is_some() && !self.inflected_ending(c);
        if base_form && (c.saturating_sub(2)..c).any(|k| self.is(k, &["a", "an"])) {
            return;
        }
        // "felt like home", "looks like the deal will pass": a comparison
        // or a clause, no predicate; "seemed like a reasonable answer",
        // "sounds like a terrible idea": a predicate noun phrase.
        let mut k = c + 1;
        if self.is(k, &["like"]) {
            if !self.is(k + 1, &["a", "an"]) {
                return;
            }
            k += 1;
        }
        let vg = self.verb_group_start(sentence, c);
        let group = vg..c + 1;
        let mut negated = self.negated_group(&group);
        // "is without doubt the worst decision": a booster of two or
        // three words where an adverb would stand, no negator.
        if self.is(k, &["without", "beyond"]) {
            let a = usize::from(self.is(k + 1, &["a"]));
            if self.is(k + 1 + a, &["doubt"]) {
                k += 2 + a;
            }
        }
        while k < sentence.end
            && self.word(k).is_some_and(|w| {
                LEXICONS.is_negator(w)
                    || (w.ends_with("ly")
                        && !self.capitalized(k)
                        && STANCE_LEXICON.modifier(w) != Some(Modifier::Reverser))
            })
        {
            negated |= self.word(k).is_some_and(|w| LEXICONS.is_negator(w));
            k += 1;
        }
        let flip = if negated { -1.0 } else { 1.0 };
        if let Some(f) = self.position(sentence, si, c, k, flip) {
            out.push(f);
            return;
        }
        // was “extremely confident” in: the emotion inside quote marks.
        let mut e = k;
        if self.kind_is(e, TokenKind::OpenQuote) {
            e += 1;
            while e < sentence.end && self.word(e).is_some_and(|w| w.ends_with("ly")) {
                e += 1;
            }
        }
        // was "very confident" about: past a degree word ("too" is an
        // excess, no degree).
        while e + 1 < sentence.end
            && self.word(e).is_some_and(|w| {
                LEXICONS.intensifier(w).is_some() && STANCE_LEXICON.modifier(w).is_none()
            })
        {
            e += 1;
        }
        if let Some(f) = self.experiencer(sentence, si, c, e, flip) {
            out.push(f);
            return;
        }
        // "was approved by ministers", "was defended by its allies": a
        // praising passive with its agent reports what the agent did, no
        // judgement of the subject ("was marred by errors" still judges).
        let participle = self.has(e, IRREG)
            || self
                .word(e)
                .is_some_and(|w| w.len() > 4 && w.ends_with("ed"));
        if participle
            && self.valence(e).is_some_and(|v| v > 0.0)
            && (e + 1..(e + 4).min(sentence.end)).any(|j| self.is(j, &["by"]))
        {
            return;
        }
        if let Some(f) = self.extraposed(sentence, si, c, k, flip) {
            out.push(f);
            return;
        }
        let Some(subject) = self.evaluated_subject(sentence, c) else {
            out.extend(self.demonstrative_predicate(sentence, si, vg, k, flip));
            return;
        };
        if subject.len() == 1
            && self
                .word(subject.start)
                .is_some_and(|w| self.word(e) == Some(w))
        {
            // "Enough is enough", "a deal is a deal": a tautology judges
            // nothing.
            return;
        }
        if self.adjective_is(e, Adjective::EMOTION) && self.names_a_party(&subject) {
            // "the agency was “cautiously optimistic”", "Opponents were
            // unconvinced": a party's state of mind, not a judgement of it.
            return;
        }
        if self.deontic(&group)
            && let Some(form) = self.form_at(k, 3)
            && matches!(form.kind, VerbKind::Action | VerbKind::Attitude)
        {
            out.push(Finding::in_context(
                subject,
                flip * f32::from(form.polarity),
                Basis::Action,
                si,
            ));
            return;
        }
        let sum = self.predicate_valence(sentence, k);
        let sum = flip * sum;
        // The author rarely judges in news copy: an unattributed predicate
        // must judge clearly ("was a disaster", not "is much tougher").
        let min = if self.authors(si) {
            AUTHOR_PREDICATE_MIN
        } else {
            PREDICATE_MIN
        };
        if sum.abs() >= min {
            out.push(Finding::in_context(subject, sum, Basis::Evaluation, si));
        }
    }

    /// "Tully was furious about the winner", "she is pleased with the
    /// deal": an emotion of a party (a name, a mention or a personal
    /// pronoun) about the object of a preposition after it; the copula is
    /// at token `c`, the predicate word at `k`.
    fn experiencer(
        &self,
        sentence: &Range<usize>,
        si: usize,
        c: usize,
        k: usize,
        flip: f32,
    ) -> Option<Finding> {
        // The preposition, after a closing mark ("“confident” in").
        let p = self.after_close_quote(k);
        // "was furious about", "has been critical of" (an attitude of a
        // few adjectives only: not "capable of", "ignorant of", "victims
        // of"); not a passive of the stance lexicon ("was endorsed by",
        // "was accused of"), whose agent or charge follows.
        // "grateful to the jurors", "thankful for the support": a few
        // adjectives take their object with "to" or "for".
        let of_attitude = if self.has(p, OF) {
            self.adjective_is(k, Adjective::OF)
        } else if self.is(p, &["in"]) {
            self.adjective_is(k, Adjective::IN)
        } else if self.is(p, &["to"]) {
            self.adjective_is(k, Adjective::TO)
        } else if self.is(p, &["for"]) {
            self.adjective_is(k, Adjective::FOR)
        } else {
            self.is(p, EMOTION_PREPOSITIONS)
        };
        if !self.has(p, PREP | OF)
            || !of_attitude
            || (self.has(k, MAY_START)
                && !self.adjective_is(k, Adjective::EMOTION)
                && !self.adjective_is(k, Adjective::TAKES_OBJECT))
            || self.word(p + 1).is_some_and(|w| w.ends_with("ing"))
        {
            return None;
        }
        // "confident in the plan": a booster of a claim, but an attitude
        // toward an object (its VADER valence).
        let v = match self.valence(k)? {
            0.0 => self
                .word(k)
                .map_or(0.0, |w| LEXICONS.info(w).valence.unwrap_or(0.0)),
            v => v,
        };
        let v = match v {
            0.0 if self.adjective_is(k, Adjective::NEGATIVE) => -EMOTION_MIN,
            0.0 if self.adjective_is(k, Adjective::POSITIVE) => EMOTION_MIN,
            v => v,
        };
        if v.abs() < EMOTION_MIN {
            return None;
        }
        let object = self.object_after(sentence, p + 1)?;
        if self.is(object.end, &["to"]) {
            // "was encouraged by her aides to run": an appeal's agent.
            return None;
        }
        let vg = self.verb_group_start(sentence, c);
        // "was broadly supportive but | remained concerned about": a
        // coordinated copula shares the first one's subject.
        let subject = self
            .subject_before(sentence, vg)
            .or_else(|| self.coordinated_copula_subject(sentence, vg))?;
        self.names_a_party(&subject)
            .then(|| Finding::of_subject(subject, c, object, flip * v, Basis::Attitude, si))
    }

    /// Whether a subject noun phrase names a party: a name, a personal
    /// pronoun or a phrase headed by a party noun ("the union").
    pub(super) fn names_a_party(&self, subject: &Range<usize>) -> bool {
        self.capitalized(subject.end - 1)
            || (subject.len() == 1
                && self.is(subject.start, &["he", "she", "they", "i", "we", "it"]))
            || self
                .text
                .get(self.span(subject))
                .is_some_and(phrase_names_a_party)
    }

    /// The summed valence of the predicate words from token `k` (at most
    /// [`PREDICATE_WORDS`], quote marks skipped, up to a clause break), with
    /// a negator flipping (and damping) the words after it, a degree adverb
    /// adding nothing of its own ("badly overdue"), a reverser flipping the
    /// next word ("wrongly accused"), an excess making it negative ("too
    /// optimistic"), "without any" counting as a lack, and
    /// the words before a "but" weighing [`BEFORE_BUT`] of those after it.
    pub(super) fn predicate_valence(&self, sentence: &Range<usize>, mut k: usize) -> f32 {
        let lex = &*STANCE_LEXICON;
        let mut sum = 0.0;
        let mut words = 0;
        let mut local_neg = false;
        let mut reverse_next = false;
        let mut excess_next = false;
        let mut before_but = None;
        let mut weight = 1.0;
        while k < sentence.end && words < PREDICATE_WORDS {
            let t = &self.doc.tokens()[k];
            let Some(w) = self.word(k) else {
                // A hyphen inside a word ("self-harm") joins, as quote
                // marks do.
                let tight_hyphen = t.text == "-"
                    && !t.space_before
                    && self.word(k + 1).is_some()
                    && self
                        .doc
                        .tokens()
                        .get(k + 1)
                        .is_some_and(|n| !n.space_before);
                if t.kind == TokenKind::OpenQuote || t.kind == TokenKind::CloseQuote || tight_hyphen
                {
                    k += 1;
                    continue;
                }
                break;
            };
            if let Some(end) = self.phrase_end(k) {
                // "a step in the right direction": one predicate word,
                // whose inner prepositions and words judge nothing.
                let v = self.valence(k).unwrap_or(0.0);
                sum += weight * if local_neg { -0.74 * v } else { v };
                words += 1;
                k = end;
                continue;
            }
            let c = self.class(k);
            if w == "but" && words > 0 && self.has(k + 1, MAY_START) {
                // "the right call but | warned that …": "but" opens a
                // second verb of the stance lexicon, not a contrast.
                break;
            }
            if w == "but" && words > 0 && before_but.is_none() {
                // "difficult but not hopeless": what follows "but" weighs
                // more than what it answers.
                before_but = Some(sum);
                sum = 0.0;
                local_neg = false;
                weight = 1.0;
                k += 1;
                continue;
            }
            if c & FIN != 0 || (c & CLAUSE != 0 && w != "as") {
                if let Some(before) = before_but.filter(|_| sum == 0.0) {
                    // "a sensible step but | would not be enough": "but"
                    // opened a second verb, not a contrast of the words.
                    return before;
                }
                break;
            }
            if words > 0 && sum != 0.0 && ADJUNCT_OPENERS.contains(&w) {
                // "a sensible stopgap | given the delays": the reasons
                // after a judgement are no part of it.
                break;
            }
            if c & PREP != 0 && words > 0 && sum != 0.0 {
                // "overdevelopment on a grand scale", "a threat to peace":
                // an evaluative head judges; a prepositional phrase after
                // it weighs less (after "a recipe for", it judges).
                weight = PP_WEIGHT;
            }
            if LEXICONS.is_negator(w) {
                local_neg = true;
                if w == "without" && self.is(k + 1, &["any"]) {
                    sum -= 1.0;
                }
            }
            let mut v = match lex.modifier(w) {
                Some(Modifier::Degree) => 0.0,
                Some(Modifier::Reverser) => {
                    reverse_next = true;
                    words += 1;
                    k += 1;
                    continue;
                }
                Some(Modifier::Excess) => {
                    excess_next = true;
                    words += 1;
                    k += 1;
                    continue;
                }
                None => self.valence(k).unwrap_or(0.0),
            };
            if reverse_next && v != 0.0 {
                v = -v;
                reverse_next = false;
            }
            if excess_next {
                // "too optimistic", and "too small to measure": an excess
                // of anything is a fault.
                v = -v.abs().max(EXCESS);
                excess_next = false;
            }
            sum += weight * if local_neg { -0.74 * v } else { v };
            words += 1;
            k += 1;
        }
        match before_but {
            Some(before) => BEFORE_BUT * before + sum,
            None => sum,
        }
    }
}
