//! Noun phrases and verb groups, read without a parser.
//!
//! A subject is read backwards from its verb group ("the current state of
//! U.S.-Russia relations | is"), an object forwards from its verb ("wants |
//! an independent investigation"): determiners, words, hyphenated compounds
//! and "of" phrases, capped in length, stopping at clause words,
//! prepositions, finite auxiliaries and verbs of the stance lexicon. A verb
//! group is the auxiliaries, modals, negators and adverbs before a verb
//! ("does not | want", "has to be"), which say whether it is negated or
//! deontic.

use newsnlp_gazetteer::EntityKind;
use newsnlp_text::words::{Classes, WordClass};
use newsnlp_tokenize::TokenKind;
use std::ops::Range;

use super::classes::{
    AND_OR, AUX, CAP, CLAUSE, COP, DET, FIN, IRREG, MAY_START, OF, PREP, PRON, PRONOUNS, WORD,
};
use super::doc::Doc;
use crate::lexicon::LEXICONS;
use crate::verbs::{Modifier, STANCE_LEXICON, VerbKind};

/// The most words a subject noun phrase may have (read backwards).
/// How far after "what" its naming verb may be ("what | the mayor's aides
/// | called").
const NAMING_REACH: usize = 6;
/// The naming verbs of "what X called ...".
const NAMING_VERBS: &[&str] = &[
    "called",
    "calls",
    "described",
    "describes",
    "termed",
    "terms",
    "dubbed",
    "labeled",
    "labelled",
];
/// The most words a quoted name after "what X called" holds.
const QUOTED_NAME_WORDS: usize = 14;
const SUBJECT_WORDS: usize = 10;
/// The most words an object noun phrase may have.
const OBJECT_WORDS: usize = 8;
/// How many words before a claim its reporting verb may stand.
pub(super) const REPORTER_WORDS: usize = 40;
/// The most words read back from an infinitive to its governing clause
/// ("We have no reason | to fear").
const INFINITIVE_CLAUSE: usize = 8;
/// The most words of an appositive between a subject and its verb.
const APPOSITIVE_WORDS: usize = 24;
/// How many words before a verb a negator may stand ("does not want").
pub(super) const NEGATION_WORDS: usize = 3;

/// Two-word sentence adverbials that may stand between a subject and its
/// verb ("the cap in particular was", "the board in turn voted").
const ADVERBIAL_PAIRS: &[(&str, &str)] = &[
    ("in", "particular"),
    ("in", "turn"),
    ("in", "fact"),
    ("in", "part"),
    ("in", "general"),
    ("for", "example"),
    ("for", "instance"),
    ("for", "now"),
    ("at", "least"),
    ("at", "first"),
    ("of", "course"),
];

/// How far back a modal may stand for a base form after "and" to share it.
const COORDINATED_MODAL: usize = 8;

impl Doc<'_, '_> {
    /// Whether token `k` is a hyphen joining two words ("U.S.-Russia") or
    /// the apostrophe of a plural possessive ("the operators' offer"), which
    /// keeps a noun phrase together.
    pub(super) fn joins_words(&self, k: usize) -> bool {
        let toks = self.doc.tokens();
        let Some(t) = toks.get(k) else { return false };
        if matches!(t.text, "'" | "’") {
            // A plural possessive: "the operators' latest offer".
            return !t.space_before
                && k > 0
                && toks[k - 1].kind == TokenKind::Word
                && toks[k - 1].text.ends_with(['s', 'S'])
                && toks
                    .get(k + 1)
                    .is_some_and(|n| n.space_before && n.kind == TokenKind::Word);
        }
        matches!(t.text, "-" | "‑" | "–")
            && !t.space_before
            && k > 0
            && toks[k - 1].kind.is_wordlike()
            && toks
                .get(k + 1)
                .is_some_and(|n| !n.space_before && n.kind.is_wordlike())
    }

    /// Whether the stance-lexicon word at token `k` is used as a verb (read
    /// backwards from a predicate): not after a determiner or possessive,
    /// not before "of" ("the state of"), and a frame verb, or inflected
    /// (-s, -ed, irregular past), or right after a pronoun.
    pub(super) fn is_verb_at(&self, k: usize) -> bool {
        let c = self.class(k);
        if c & (MAY_START | CAP) != MAY_START {
            return false;
        }
        let Some(w) = self.word(k) else { return false };
        let Some(form) = self.form_at(k, 3) else {
            return false;
        };
        let prev = k.checked_sub(1);
        let prev_class = prev.map_or(0, |p| self.class(p));
        // "seven states", "several reports": a plural after a number or a
        // quantifier is counted, so a noun.
        let counted = w.ends_with('s')
            && prev.and_then(|p| self.word(p)).is_some_and(|p| {
                let last = p.rsplit('-').next().unwrap_or(p);
                p.starts_with(|c: char| c.is_ascii_digit())
                    || Classes::of(last).intersects(
                        WordClass::Numerals
                            .set()
                            .union(WordClass::Determiners.set()),
                    )
            });
        let noun_context = prev_class & DET != 0
            || counted
            || prev
                .and_then(|p| self.word(p))
                .is_some_and(|p| p.ends_with("'s"))
            || self.has(k + 1, OF);
        if noun_context {
            return false;
        }
        form.kind == VerbKind::Frame
            || w.ends_with('s')
            || w.ends_with("ed")
            || c & IRREG != 0
            || prev_class & PRON != 0
    }

    /// Whether the stance-lexicon word at token `i` is used as a verb,
    /// read forwards: [`is_verb_at`](Self::is_verb_at), or a base form
    /// after an auxiliary, a negator, a pronoun, a name or a plural noun
    /// ("will support", "they support", "Russia and China support",
    /// "officials support"), never a noun after a noun ("the visa
    /// question").
    pub(super) fn verb_use(&self, i: usize) -> bool {
        if self.is_verb_at(i) {
            return true;
        }
        // Adverbs between the subject and the verb ("strongly support").
        let mut p = i;
        while p > 0
            && self.word(p - 1).is_some_and(|w| w.ends_with("ly"))
            && !self.capitalized(p - 1)
        {
            p -= 1;
        }
        // would “starve …”: a quotation that opens before the verb.
        if p > 0 && self.kind_is(p - 1, TokenKind::OpenQuote) {
            p -= 1;
        }
        let Some(p) = p.checked_sub(1) else {
            return false;
        };
        let pc = self.class(p);
        if self.word(p).is_some_and(|w| w.ends_with("'s")) {
            // A possessive: "Orban's tactics" is a noun.
            return false;
        }
        // "would power homes and | create jobs": a base form after "and"
        // shares the modal of the verb before it.
        let shared_modal = pc & AND_OR != 0
            && self.word(i).is_some()
            && !self.inflected_ending(i)
            && (p.saturating_sub(COORDINATED_MODAL)..p).any(|k| self.has(k, FIN));
        // A verb that is also a preposition ("like") is one after a noun:
        // "states like Ohio", "critics like Ms. Reyes".
        let noun_context_counts = !self.has(i, PREP);
        // "I'd like", "they'll support", "I'm voting": a pronoun with a
        // contracted auxiliary; "we're like a family" compares.
        let contracted_modal = self
            .word(p)
            .and_then(|w| w.split_once(['\'', '’']))
            .is_some_and(|(pro, aux)| {
                PRONOUNS.contains(&pro) && (noun_context_counts || matches!(aux, "d" | "ll"))
            });
        pc & (AUX | PRON) != 0
            || contracted_modal
            || shared_modal
            || (noun_context_counts && pc & CAP != 0 && !self.capitalized(i))
            || self.word(p).is_some_and(|w| {
                w.ends_with("n't")
                    || LEXICONS.is_negator(w)
                    || (noun_context_counts && w.ends_with('s') && pc & DET == 0)
            })
    }

    /// The last reporting verb before token `before` in `sentence` ("Russian
    /// officials claim that ..."), at most [`REPORTER_WORDS`] back: its
    /// subject noun phrase and the verb's token, for a claim no quote
    /// holds.
    pub(super) fn reporter(
        &self,
        sentence: &Range<usize>,
        before: usize,
    ) -> Option<(Range<usize>, usize)> {
        let mut found = None;
        let end = before.min(sentence.end);
        for k in sentence.start.max(end.saturating_sub(REPORTER_WORDS))..end {
            if self.class(k) & (MAY_START | CAP) != MAY_START {
                continue;
            }
            let Some(form) = self.form_at(k, 3) else {
                continue;
            };
            if form.kind != VerbKind::Frame || !self.verb_use(k) {
                continue;
            }
            let vg = self.verb_group_start(sentence, k);
            if let Some(np) = self.subject_before(sentence, vg) {
                found = Some((np, k));
            }
        }
        found
    }

    /// Whether the clause around token `k` is a question or condition
    /// ("whether Assad's forces conducted the attack"): its claims are not
    /// asserted, so the predicate rules skip it.
    pub(super) fn in_question(&self, sentence: &Range<usize>, k: usize) -> bool {
        for p in (sentence.start.max(k.saturating_sub(6))..k).rev() {
            match self.word(p) {
                None => return false,
                Some("whether" | "if") => return true,
                _ => {}
            }
        }
        false
    }

    /// The subject noun phrase ending right before token `end`, read
    /// backwards inside `sentence` (a token range).
    pub(super) fn subject_before(
        &self,
        sentence: &Range<usize>,
        end: usize,
    ) -> Option<Range<usize>> {
        // A quotation that opens with the predicate (the plan “would be a
        // disaster”) leaves the subject before its mark.
        let mut end = end;
        while end > sentence.start && self.kind_is(end - 1, TokenKind::OpenQuote) {
            end -= 1;
        }
        // "… and | create jobs": a coordinated verb has no subject of its
        // own right before it (the first verb's is found instead).
        if end > sentence.start && self.has(end - 1, AND_OR) {
            return None;
        }
        // "the flight cap in particular | was": a sentence adverbial of two
        // words between the subject and its verb.
        if end >= sentence.start + 3
            && ADVERBIAL_PAIRS
                .iter()
                .any(|(a, b)| self.is(end - 2, &[a]) && self.is(end - 1, &[b]))
        {
            end -= 2;
        }
        let mut start = end;
        let floor = sentence.start.max(end.saturating_sub(SUBJECT_WORDS));
        while start > floor {
            let k = start - 1;
            let c = self.class(k);
            if c & WORD == 0 {
                if self.joins_words(k) && start < end {
                    start = k;
                    continue;
                }
                break;
            }
            if start < end
                && self.has(start, DET)
                && c & (DET | PREP | OF | AND_OR | PRON | AUX) == 0
            {
                // "was absolutely certain | the deal was dead": a content
                // word right before a determiner ends the clause before.
                break;
            }
            if c & (CLAUSE | FIN | COP) != 0 {
                // A finite verb or copula ends the clause before ("was
                // confident | the talks will help").
                break;
            }
            // "the sell-off | was": a particle that ends a hyphenated
            // compound is no preposition.
            let compound = k > sentence.start && self.joins_words(k - 1);
            if c & PREP != 0 && start == end && !compound {
                break;
            }
            if self.is_verb_at(k) {
                // "the plan it approved | was": a relative clause without
                // "that" after the subject's noun.
                if k > sentence.start && self.relative_without_that(sentence, k - 1) {
                    return self.subject_before(sentence, k - 1);
                }
                break;
            }
            if c & PRON != 0 && !(c & DET != 0 && start < end) {
                if start < end
                    && (self.inflected_ending(k + 1) || self.has(k + 1, IRREG))
                    && self.relative_without_that(sentence, k)
                {
                    return self.subject_before(sentence, k);
                }
                if start == end {
                    start = k;
                }
                break;
            }
            start = k;
        }
        // A noun phrase after a preposition ("… about shootings in
        // Chicago | is") is its object, not the subject, whose head lies
        // further back.
        if start < end && self.has(start, PREP) {
            return None;
        }
        while start < end && self.has(start, OF) {
            start += 1;
        }
        // "Economists who study stadium financing | have": what was read
        // is the relative clause; the subject is the noun before "who".
        if start < end
            && start > sentence.start + 1
            && self.is(start - 1, &["who", "which"])
            && self.has(start - 2, WORD)
            && !self.has(start - 2, CLAUSE | FIN | COP | PREP | OF | PRON)
        {
            return self.subject_before(sentence, start - 1);
        }
        let np = start..end;
        let has_content = np.clone().any(|i| !self.has(i, DET));
        (!np.is_empty() && has_content && !self.names_nothing(&np)).then_some(np)
    }

    /// Whether the subject pronoun at token `k` opens a relative clause
    /// without "that" after a noun ("the plan | it | approved"): a content
    /// word, not a determiner, preposition or verb, right before it.
    fn relative_without_that(&self, sentence: &Range<usize>, k: usize) -> bool {
        k > sentence.start + 1
            && self.is(k, &["it", "they", "he", "she", "we", "i", "you"])
            && self.has(k - 1, WORD)
            && !self.capitalized(k - 1)
            && !self.has(
                k - 1,
                DET | PREP | OF | CLAUSE | FIN | AUX | COP | PRON | AND_OR | IRREG,
            )
            && !self.is_verb_at(k - 1)
            && !self.word(k - 1).is_some_and(|w| w.ends_with("ed"))
    }

    /// The object noun phrase starting at token `start` inside `sentence`.
    /// The object of an attitude verb at token `start`: what a party calls
    /// something stands for it ("blamed the defeat on | what he called “a
    /// tidal wave of outside money”", "criticized what she described as a
    /// reckless gamble"): the quoted words, or the noun phrase after the
    /// naming verb; otherwise [`Doc::object_after`].
    pub(super) fn attitude_object(
        &self,
        sentence: &Range<usize>,
        start: usize,
    ) -> Option<Range<usize>> {
        if !self.is(start, &["what"]) {
            return self.object_after(sentence, start);
        }
        let end = (start + NAMING_REACH).min(sentence.end);
        let verb = (start + 2..end).find(|&k| self.is(k, NAMING_VERBS))?;
        let mut k = verb + 1;
        if self.is(k, &["as"]) {
            k += 1;
        }
        if !self.kind_is(k, TokenKind::OpenQuote) {
            return self.object_after(sentence, k);
        }
        let close = (k + 1..(k + 1 + QUOTED_NAME_WORDS).min(sentence.end))
            .find(|&c| self.kind_is(c, TokenKind::CloseQuote))?;
        // The words inside, a closing comma or period aside.
        let mut last = close;
        while last > k + 1 && self.word(last - 1).is_none() {
            last -= 1;
        }
        (last > k + 1).then_some(k + 1..last)
    }

    pub(super) fn object_after(
        &self,
        sentence: &Range<usize>,
        start: usize,
    ) -> Option<Range<usize>> {
        if start >= sentence.end {
            return None;
        }
        let first = self.class(start);
        if first & WORD == 0 || self.time_at(start) {
            return None;
        }
        // "about 1,800 jobs", "over 300 homes": a count's approximation,
        // not a preposition.
        let approximate = self.is(start, &["about", "around", "over", "nearly", "roughly"])
            && self.kind_is(start + 1, TokenKind::Number);
        if (first & PRON != 0 && first & DET == 0)
            || (first & (PREP | FIN) != 0 && !approximate)
            || (first & CLAUSE != 0 && first & PRON == 0)
        {
            return None;
        }
        let next = self.class(start + 1);
        if first & PRON != 0 && !(next & WORD != 0 && next & (CLAUSE | FIN | PREP) == 0) {
            // "this" alone, "that" as a conjunction: no noun phrase.
            return None;
        }
        let mut end = start;
        let mut named = false;
        while end < sentence.end && end - start < OBJECT_WORDS {
            let c = self.class(end);
            if c & WORD == 0 {
                if end > start && self.joins_words(end) {
                    end += 1;
                    continue;
                }
                break;
            }
            if end > start {
                if self.time_at(end) {
                    // "criticized the plan | Monday".
                    break;
                }
                if c & OF != 0 {
                    // "accused the army | of bombing …": the charge, not
                    // the object's noun.
                    let charge = self.word(end + 1).is_some_and(|w| w.ends_with("ing"))
                        && self.has(end + 2, WORD)
                        && !self.has(end + 2, PREP | OF | CLAUSE);
                    if named || charge {
                        break;
                    }
                } else if (c & PREP != 0 && !self.joins_words(end - 1))
                    || (c & FIN != 0 && !self.has(end - 1, DET))
                {
                    // After a determiner a modal is a noun ("the will of
                    // the voters"); after a tight hyphen a preposition is
                    // a word's part ("a new phone check-in service").
                    break;
                } else if c & AND_OR != 0 {
                    let n = self.class(end + 1);
                    let next_plain = n & WORD != 0 && n & (PRON | DET | CLAUSE | CAP) == 0;
                    // "welcomed the decision | and said …": a second verb
                    // of the subject, no second noun.
                    let next_verb =
                        n & IRREG != 0 || self.word(end + 1).is_some_and(|w| w.ends_with("ed"));
                    if named || !next_plain || next_verb {
                        break;
                    }
                } else if c & CLAUSE != 0 || (c & PRON != 0 && c & DET == 0) {
                    break;
                } else if c & MAY_START != 0
                    && self.word(end).is_some_and(|w| w.ends_with("ed"))
                    && self.is_verb_at(end)
                {
                    // "a draft | backed by most members"
                    break;
                }
            }
            named |= c & (CAP | DET) == CAP;
            end += 1;
        }
        let np = start..end;
        let has_content = np.clone().any(|i| self.class(i) & (WORD | DET) == WORD);
        (has_content && end > start && !self.names_nothing(&np)).then_some(np)
    }

    /// Whether a noun phrase is a lone "no", "nothing", "none" or
    /// "anything" ("trusts no | one", "had nothing to add"): it names no
    /// thing to be a subject or an object.
    fn names_nothing(&self, np: &Range<usize>) -> bool {
        np.len() == 1 && self.is(np.start, &["no", "nothing", "none", "anything"])
    }

    /// Whether a negator stands within a few words before token `i`, in
    /// its clause.
    pub(super) fn negated_before(&self, sentence: &Range<usize>, i: usize) -> bool {
        let lex = &*LEXICONS;
        for k in (sentence.start.max(i.saturating_sub(NEGATION_WORDS))..i).rev() {
            match self.word(k) {
                None => return false,
                Some(w) if (lex.is_negator(w) || w == "cannot") && !self.utmost_at(k) => {
                    return true;
                }
                Some(_) if self.has(k, CLAUSE) => return false,
                _ => {}
            }
        }
        false
    }

    /// Whether the negator at token `k` says the utmost of a feeling
    /// ("could not be more excited", "couldn't be prouder"): no negation.
    pub(super) fn utmost_at(&self, k: usize) -> bool {
        let modal = self.is(k, &["cannot", "couldn't", "can't"])
            || (k > 0 && self.is(k - 1, &["could", "can"]));
        modal
            && self.is(k + 1, &["be"])
            && (self.is(k + 2, &["more"])
                || self
                    .word(k + 2)
                    .is_some_and(|w| w.len() > 5 && w.ends_with("er")))
    }

    /// The start of the verb group ending before token `i` (auxiliaries,
    /// modals, negators, adverbs), at most five words back.
    pub(super) fn verb_group_start(&self, sentence: &Range<usize>, i: usize) -> usize {
        let mut s = i;
        while s > sentence.start && i - s < 5 {
            let k = s - 1;
            let c = self.class(k);
            // would “starve …”: a quotation opening after an auxiliary.
            if self.kind_is(k, TokenKind::OpenQuote) && k > sentence.start && self.has(k - 1, AUX) {
                s = k;
                continue;
            }
            // would “inevitably” cost: an adverb inside quote marks.
            if self.kind_is(k, TokenKind::CloseQuote)
                && k > sentence.start
                && self.word(k - 1).is_some_and(|w| w.ends_with("ly"))
            {
                s = k;
                continue;
            }
            let aux = c & AUX != 0
                || self.word(k).is_some_and(|w| {
                    w.ends_with("n't")
                        || (w.ends_with("ly") && c & CAP == 0)
                        // "has long backed"
                        || (k > 0
                            && self.has(k - 1, AUX)
                            && STANCE_LEXICON.modifier(w) == Some(Modifier::Degree)
                            && c & CAP == 0)
                });
            if !aux {
                break;
            }
            s = k;
        }
        s
    }

    /// Whether the verb group `vg` (token range) is deontic: "must",
    /// "should", "has to", "needs to", "cannot", "ought to".
    pub(super) fn deontic(&self, vg: &Range<usize>) -> bool {
        vg.clone().any(|k| {
            self.is(k, &["must", "should", "ought", "cannot", "can't"])
                || (self.is(k, &["to"])
                    && k > 0
                    && self.is(
                        k - 1,
                        &["has", "have", "had", "need", "needs", "needed", "got"],
                    ))
        })
    }

    pub(super) fn negated_group(&self, vg: &Range<usize>) -> bool {
        let lex = &*LEXICONS;
        vg.clone().any(|k| {
            self.word(k)
                .is_some_and(|w| lex.is_negator(w) || w == "cannot")
                && !self.utmost_at(k)
        })
    }

    /// The subject holding the verb at token `i` whose group starts at
    /// `vg`, and whether a negator in the clause flips it: the subject
    /// before the group, or, for an infinitive ("We have no reason | to
    /// fear"), the subject of the clause that governs it.
    pub(super) fn holder_of_verb_group(
        &self,
        sentence: &Range<usize>,
        vg: usize,
        i: usize,
    ) -> Option<(Range<usize>, bool)> {
        let negated = self.negated_before(sentence, i);
        if !(vg < i && self.is(vg, &["to"])) {
            // Not an infinitive ("has to be" is a deontic group).
            return Some((self.subject_of_group(sentence, vg)?, negated));
        }
        // The clause before the infinitive, back to a clause word or a mark.
        let mut start = vg;
        while start > sentence.start && vg - start < INFINITIVE_CLAUSE {
            let k = start - 1;
            if self.word(k).is_none() || self.has(k, CLAUSE) {
                break;
            }
            start = k;
        }
        // "Pelosi wants to": an inflected word after a name is its verb;
        // not after a word capitalized only to open the sentence ("Large
        // groups of protesters continued to").
        let verb = (start + 1..vg).find(|&k| {
            self.has(k, AUX | FIN | COP | IRREG)
                || self.is_verb_at(k)
                || (self.capitalized_name(k - 1)
                    && !self.capitalized(k)
                    && self.inflected_ending(k))
        })?;
        let subject = start..verb;
        let group_negated = self.negated_group(&(verb..vg));
        Some((subject, negated || group_negated))
    }

    /// The noun a relative "who" (or "which" after a name) before token
    /// `vg` stands for, as the holder of the verb after it ("Luis Ferreira,
    /// who voted against the plan", "the other party, who also opposes
    /// it", "the Kenya Transporters Association, which accuses …"); not a
    /// pronoun of anyone at all ("anyone who …").
    pub(super) fn relative_subject(
        &self,
        sentence: &Range<usize>,
        vg: usize,
    ) -> Option<Range<usize>> {
        let who = vg
            .checked_sub(1)
            .filter(|&w| w > sentence.start && self.is(w, &["who", "which"]))?;
        let which = self.is(who, &["which"]);
        let before = if self.is_comma(who - 1) { who - 1 } else { who };
        if before <= sentence.start || !self.has(before - 1, WORD) {
            return None;
        }
        let np = self.subject_before(sentence, before)?;
        let generic = |k: usize| {
            self.is(
                k,
                &[
                    "anyone",
                    "anybody",
                    "everyone",
                    "everybody",
                    "someone",
                    "somebody",
                    "those",
                    "people",
                ],
            )
        };
        // "the Kenya Transporters Association, which accuses …": "which"
        // stands for a name (an organization, a country), not a thing
        // ("the plan, which hurts families").
        if which
            && !(self.capitalized_name(np.end - 1)
                || self.mentions_in(&self.span(&np)).next().is_some())
        {
            return None;
        }
        (!np.clone().any(generic)).then_some(np)
    }

    /// The subject of a finite verb group starting at token `vg`: the noun
    /// phrase before it, else the one before an appositive or relative
    /// clause, else the first of two coordinated verbs' ("… and | praised").
    pub(super) fn subject_of_group(
        &self,
        sentence: &Range<usize>,
        vg: usize,
    ) -> Option<Range<usize>> {
        self.subject_before(sentence, vg)
            .or_else(|| self.appositive_subject(sentence, vg))
            .or_else(|| self.coordinated_subject(sentence, vg))
    }

    /// The subject before an appositive or relative clause that ends right
    /// before token `end` ("Tomas Ortega|, who chairs the panel,| praised"),
    /// or the appositive itself when it is a name ("Indonesia's chief
    /// negotiator|, Rahmat Hidayat,| rejected"); at most
    /// [`APPOSITIVE_WORDS`] back.
    pub(super) fn appositive_subject(
        &self,
        sentence: &Range<usize>,
        end: usize,
    ) -> Option<Range<usize>> {
        self.appositive_subject_at(sentence, end, 1)
    }

    /// [`appositive_subject`](Self::appositive_subject), reading back over
    /// at most `depth` more asides.
    fn appositive_subject_at(
        &self,
        sentence: &Range<usize>,
        end: usize,
        depth: usize,
    ) -> Option<Range<usize>> {
        let close = end
            .checked_sub(1)
            .filter(|&k| self.is_comma(k) && k > sentence.start)?;
        let floor = sentence.start.max(close.saturating_sub(APPOSITIVE_WORDS));
        let open = (floor..close).rev().find(|&k| self.is_comma(k))?;
        let inner = open + 1..close;
        let name = inner.len() <= 4
            && inner
                .clone()
                .all(|k| self.capitalized(k) || (k > inner.start && self.word(k).is_none()));
        // "Rep. Ana Ruiz, D-Ohio, |": after a name, a short capitalized
        // aside (party and state, a place) is no name of a person.
        let person_inside = || {
            self.mentions_in(&self.span(&inner)).any(|m| {
                m.entity()
                    .is_some_and(|id| self.entities.kind(id) == EntityKind::Person)
            })
        };
        let after_a_name = open > sentence.start && self.capitalized_name(open - 1);
        if name && !inner.is_empty() && (!after_a_name || person_inside()) {
            return Some(inner);
        }
        // "the council leader, a Democrat, |", "Marco Benetti, one of the
        // lawmakers steering the bill, |": a description after a name
        // opens with a lowercase word.
        let after_name = open > sentence.start
            && self.capitalized(open - 1)
            && self.word(open + 1).is_some()
            && !self.capitalized(open + 1);
        if after_name
            || (name && after_a_name)
            || self.is(
                open + 1,
                &["who", "which", "where", "whose", "a", "an", "the"],
            )
        {
            // "Sen. Ana Ruiz, a Republican from Texas, where …, |": an
            // aside after an aside reads back once more.
            let found = self.subject_before(sentence, open);
            // "Sen. Ana Ruiz, | a Republican from Texas |, where …,": the
            // description is itself an aside after the name.
            if let Some(np) = &found
                && depth > 0
                && np.start > sentence.start + 1
                && self.is_comma(np.start - 1)
                && self.is(np.start, &["a", "an", "the"])
                && let Some(outer) = self.subject_before(sentence, np.start - 1)
            {
                return Some(outer);
            }
            // "Harold Obuya, | director of the Patient Alliance |, a
            // nonprofit …,": a description without an article between the
            // name and the aside; the name is the subject.
            if let Some(np) = &found
                && depth > 0
                && np.start > sentence.start + 1
                && self.is_comma(np.start - 1)
                && !self.capitalized(np.start)
                && self.capitalized_name(np.start - 2)
                && let Some(outer) = self.subject_before(sentence, np.start - 1)
            {
                return Some(outer);
            }
            return found.or_else(|| {
                depth
                    .checked_sub(1)
                    .and_then(|d| self.appositive_subject_at(sentence, open + 1, d))
            });
        }
        None
    }

    /// The subject of the first of two coordinated verbs, for the second
    /// ("Devereux criticized the tactics but | rejected calls"): the verb
    /// at most [`APPOSITIVE_WORDS`] before the "and" or "but" that ends
    /// right before token `end`.
    fn coordinated_subject(&self, sentence: &Range<usize>, end: usize) -> Option<Range<usize>> {
        let (conj, floor) = self.conjunction_before(sentence, end)?;
        // "He said Baku remained committed to a treaty | but accused …":
        // after a reported clause, the verb shares the reporting verb's
        // subject, not that of a verb inside the clause.
        let reported = self.reporting_verb_before(floor, conj);
        let verb = reported.or_else(|| {
            (floor..conj).rev().find(|&k| {
                let lexicon_verb =
                    self.has(k, MAY_START) && self.form_at(k, 3).is_some() && self.verb_use(k);
                // "would power a million homes and | create jobs": any verb
                // right after a modal or auxiliary.
                // Not after "to", which opens a noun as often ("was
                // sympathetic to critics but | could not support").
                let after_modal = k > floor
                    && self.has(k - 1, FIN | AUX)
                    && !self.is(k - 1, &["to"])
                    && self.has(k, WORD)
                    && !self.capitalized(k)
                    && !self.has(k, AUX | FIN | DET | PREP | PRON | CLAUSE);
                lexicon_verb || after_modal
            })
        })?;
        let vg = self.verb_group_start(sentence, verb);
        self.subject_before(sentence, vg)
            .or_else(|| self.appositive_subject(sentence, vg))
    }

    /// The "and" or "but" right before token `end`, and how far back (at
    /// most [`APPOSITIVE_WORDS`], within the sentence) the verb it joins
    /// may stand.
    fn conjunction_before(&self, sentence: &Range<usize>, end: usize) -> Option<(usize, usize)> {
        let conj = end
            .checked_sub(1)
            .filter(|&k| self.is(k, &["and", "but"]))?;
        Some((
            conj,
            sentence.start.max(conj.saturating_sub(APPOSITIVE_WORDS)),
        ))
    }

    /// The subject of a copula coordinated with an earlier one, the verb
    /// group at `vg` right after "and" or "but": "it was broadly
    /// supportive but | remained concerned about", "she was pleased but |
    /// remained worried".
    pub(super) fn coordinated_copula_subject(
        &self,
        sentence: &Range<usize>,
        vg: usize,
    ) -> Option<Range<usize>> {
        // (A conjunction opening the sentence leaves no copula before it.)
        let (conj, floor) = self.conjunction_before(sentence, vg)?;
        let copula = (floor..conj)
            .rev()
            .take_while(|&k| self.word(k).is_some())
            .find(|&k| self.has(k, COP) && self.has(k, FIN))?;
        self.subject_before(sentence, self.verb_group_start(sentence, copula))
    }

    /// The cue token of a quote whose cue stands before its content, which
    /// ends right before token `conj` (a mark between them at most), with
    /// the cue at or after token `floor`.
    fn reporting_verb_before(&self, floor: usize, conj: usize) -> Option<usize> {
        let at = self.span(&(conj..conj + 1)).start;
        let q = self.quote_ending_at(at)?;
        let cue = q.cue.as_ref()?;
        let k = self.token_at(cue.start);
        (k >= floor && cue.end <= q.content.start).then_some(k)
    }

    /// The subject of the verb group around token `i` that a claim about
    /// it evaluates: not a bare pronoun, not inside a question.
    pub(super) fn evaluated_subject(
        &self,
        sentence: &Range<usize>,
        i: usize,
    ) -> Option<Range<usize>> {
        let vg = self.verb_group_start(sentence, i);
        let (subject, _) = self.holder_of_verb_group(sentence, vg, i)?;
        // "I've never been so insulted": a pronoun with its contraction.
        let pronoun = subject.len() == 1
            && (self.has(subject.start, PRON)
                || self
                    .word_before_contraction(subject.start)
                    .is_some_and(|w| PRONOUNS.contains(&w)));
        (!pronoun && !self.in_question(sentence, subject.start)).then_some(subject)
    }
}
