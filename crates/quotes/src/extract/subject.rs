//! The subject of a clause (`Ctx::subject`): "Hours later, **Trump**
//! launched …, saying …", "In a later interview **he** went further,
//! saying …".

use std::ops::Range;

use newsnlp_tokenize::TokenKind;

use super::{Ctx, is_cap, is_punct};
use newsnlp_text::words::WordClass;

use crate::lexicon as lx;

/// The longest segment of an introductory phrase between commas, in
/// tokens ([`Ctx::intro_continues`]).
const INTRO_SEGMENT: usize = 8;
/// How far into its sentence a prepositional phrase without a comma may
/// run before the subject ("In a later television interview he …").
const BARE_INTRO: usize = 10;

impl Ctx<'_, '_> {
    /// The subject that opens the clause holding token `i` (for a
    /// participle or a second verb): after the last line break and after
    /// an introductory phrase ("Hours later, Trump …").
    pub(super) fn subject(&self, ss: usize, i: usize) -> Option<Range<usize>> {
        let mut a = ss;
        for k in (ss.max(i.saturating_sub(60)) + 1..i).rev() {
            if self.line_break_before(k) {
                a = k;
                break;
            }
        }
        // A dateline is not the subject: "GENEVA — The agency …, saying".
        a = self.after_dateline(a, i);
        // "And he went on, mocking …": a conjunction before the subject,
        // not an introductory phrase ("But in June, she …" still is one).
        if a + 2 < i
            && matches!(self.lw(a), "and" | "but" | "yet" | "then" | "so")
            && self.toks[a + 1].kind == TokenKind::Word
            && !self.is(a + 1, lx::INTRO_WORDS)
        {
            a += 1;
        }
        // An introductory phrase: up to a comma within the first words.
        let first = self.lw(a);
        let intro = self.is(a, lx::INTRO_WORDS)
            || self.toks[a].kind == TokenKind::Number
            || (first.len() > 5 && (first.ends_with("ing") || first.ends_with("ed")));
        // Not a clause of its own: "Kettering manager Graham Tully was
        // furious about the winner, insisting …" opens with a name in -ing.
        if let Some(k) = self.after_bare_intro(a, i) {
            a = k;
        } else if intro
            && let Some(c) = (a..(a + 10).min(i)).find(|&k| is_punct(&self.toks[k], ","))
            && !(a + 1..c).any(|k| self.is(k, lx::AUX) && !self.is(k, lx::INTRO_WORDS))
        {
            a = self.intro_continues(c + 1, i);
        }
        let np = self.np_right(a, i).filter(|r| r.end < i)?;
        // The subject ends before its verb: a lower-case word after a
        // name ("Trump launched"), or a past form ("police began").
        let mut end = np.end;
        for k in np.start + 1..np.end {
            let t = &self.toks[k];
            let w = self.lw(k);
            let lower = t.kind == TokenKind::Word && !is_cap(t);
            let prev = self.lw(k - 1);
            // After a capitalized determiner or a possessive ("The
            // departments", "Ryan's campaign") the word is the head noun;
            // after a name it is the verb when it reads as one ("Trump
            // launched", "Trump says"), not a noun ("Trump campaign manager").
            let after_name = is_cap(&self.toks[k - 1])
                && !self.is(k - 1, lx::DETERMINERS)
                && !prev.ends_with("'s")
                && !prev.ends_with("’s")
                && (w.ends_with('s') || !self.cue(k).is_empty());
            if lower
                && !self.is(k, lx::DETERMINERS)
                && !matches!(w, "of" | "for" | "and")
                && (after_name
                    || w.ends_with("ed")
                    || self.is(k, lx::SUBJECT_VERBS)
                    || self.is_ly_adverb(k))
            {
                end = k;
                break;
            }
        }
        // A name in apposition belongs to the subject ("Its foreign policy
        // chief, Kaja Meer, praised … and said C").
        if end == np.end
            && end < i
            && let Some(c) = self.apposed_name(end, i)
        {
            end = c;
        }
        Some(np.start..end)
    }

    /// Where the subject starts when an introductory phrase that ended at
    /// the comma before `a` goes on past more commas: a place after a
    /// town ("At a rally in Ames, **Iowa,** on Sunday, Ms. Roe …") or a
    /// prepositional phrase ("In June, **after the vote,** the mayor …").
    /// At most three such segments of up to [`INTRO_SEGMENT`] tokens.
    fn intro_continues(&self, mut a: usize, i: usize) -> usize {
        for _ in 0..3 {
            let Some(c) = (a..(a + INTRO_SEGMENT).min(i)).find(|&k| is_punct(&self.toks[k], ","))
            else {
                break;
            };
            if c == a || c + 1 >= i {
                break;
            }
            let t = &self.toks[a];
            let prep = t.kind == TokenKind::Word
                && !is_cap(t)
                && self.is(a, lx::PREPOSITIONS | lx::INTRO_WORDS);
            let place = c - a <= 3
                && is_cap(&self.toks[a - 2])
                && self.toks[a - 2].kind.is_wordlike()
                && (a..c).all(|k| is_cap(&self.toks[k]) && self.toks[k].kind.is_wordlike());
            if !(prep || place) {
                break;
            }
            a = c + 1;
        }
        a
    }

    /// Where the subject starts after a prepositional phrase that opens
    /// the clause at `a` with no comma: a subject pronoun ("In a later
    /// interview **he** went further") or a name right after a lowercase
    /// noun ("In a Bloomberg interview **Trump** declared"), before any
    /// verb.
    fn after_bare_intro(&self, a: usize, i: usize) -> Option<usize> {
        let t = &self.toks[a];
        let preposition = matches!(
            self.lw(a),
            "in" | "at" | "on" | "during" | "after" | "before" | "from" | "amid" | "since"
        );
        if !(t.kind == TokenKind::Word && is_cap(t) && preposition) {
            return None;
        }
        for k in a + 2..i.min(a + BARE_INTRO) {
            let t = &self.toks[k];
            // A verb ends the phrase: no subject inside it.
            let finite = self.is(k, WordClass::Finite.set());
            if !t.kind.is_wordlike() || finite || self.lw(k).ends_with("ed") {
                return None;
            }
            let prev = &self.toks[k - 1];
            let after_noun = prev.kind == TokenKind::Word
                && !is_cap(prev)
                && !self.is(k - 1, lx::PREPOSITIONS | lx::DETERMINERS);
            if after_noun && (self.is(k, lx::SUBJECT_PRONOUNS) || is_cap(t)) {
                return Some(k);
            }
        }
        None
    }
}
