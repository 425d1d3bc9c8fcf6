//! A state of mind or a saying named by an adjective or a noun, whose
//! complement is the content: "Local growers **remain skeptical that**
//! the dam will help", "The board **is wary of** new debt", "…, **confident
//! that** the vote would pass"; "**the belief that** C", "amid **fears
//! that** C", "**his claim that** C" (the possessive is the source),
//! "**her proposal to** C" (after a possessive, no source). The words are
//! the `attitude_adjectives`, `attitude_nouns` and `intention_nouns`
//! sections of `data/pattern_words.txt`. `Ctx::run` holds these
//! attributions back like those without a source: a verb's attribution of
//! the same words wins.

use std::ops::Range;

use newsnlp_tokenize::TokenKind;

use super::{Ctx, Found, Pattern, is_cap, is_punct};
use crate::lexicon::{self as lx, CueClass, PatternWords};

/// Verbs besides "be" that link a subject to an adjective ("remain
/// skeptical", "grew wary").
const LINKING: [&str; 21] = [
    "remain", "remains", "remained", "feel", "feels", "felt", "grow", "grows", "grew", "grown",
    "become", "becomes", "became", "stay", "stays", "stayed", "sound", "sounds", "sounded", "seem",
    "seemed",
];
/// Forms of "be" before an adjective.
const BE: [&str; 8] = ["is", "are", "was", "were", "be", "been", "being", "am"];
/// Degree words between the linking verb and the adjective ("very wary",
/// "not so sure"); "-ly" adverbs are read by their form.
const DEGREE: [&str; 10] = [
    "very", "so", "too", "more", "less", "most", "quite", "still", "also", "not",
];
/// Subjects that hold nothing: "It is …", "There is …".
const EXPLETIVES: [&str; 3] = ["it", "there", "this"];
/// Nouns of attitude that are verb forms too, and no cue forms (those
/// are read from the cue table): after a noun they are the verb ("The
/// union estimates that C").
const VERB_PLURALS: [&str; 2] = ["concerns", "estimates"];
/// Possessive pronouns: the source of a noun of attitude ("his claim").
const POSSESSIVES: [&str; 7] = ["his", "her", "their", "its", "our", "my", "your"];

impl<'a, 't> Ctx<'a, 't> {
    /// The attribution of the word of attitude at `i`, if its complement
    /// follows: an adjective's after a linking verb or a comma, a noun's
    /// "that"-clause.
    pub(super) fn attitude(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        if i + 2 >= se {
            return None;
        }
        let next = self.lw(i + 1);
        if i > ss
            && self.marked(i, PatternWords::ATTITUDE_ADJECTIVES)
            && matches!(next, "that" | "about" | "of")
        {
            return self.attitude_adjective(i, ss, se);
        }
        if self.marked(i, PatternWords::ATTITUDE_NOUNS) && next == "that" {
            return self.attitude_noun(i, ss, se);
        }
        if self.marked(i, PatternWords::INTENTION_NOUNS) && next == "to" {
            return self.intention_noun(i, ss, se);
        }
        if self.marked(i, PatternWords::OBJECT_NOUNS)
            && matches!(next, "on" | "of" | "about" | "against")
        {
            return self.object_noun(i, ss, se);
        }
        None
    }

    /// "his attacks on the mayor", "the board's criticism of the plan": a
    /// noun of saying after a possessive, the object after its preposition
    /// the content, with no source (the possessor was PolNeAR's source 10
    /// times in 48 on train).
    fn object_noun(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        if i <= ss || !self.toks[i + 2].kind.is_wordlike() {
            return None;
        }
        self.owner(i, ss)?;
        self.attitude_found(i..i + 2, i + 2, se, None)
    }

    /// "the mayor's proposal to close the bridge", "his refusal to
    /// apologize": a noun of intention after a possessive (maybe with an
    /// adjective between), its "to"-infinitive the content.
    fn intention_noun(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        let after = &self.toks[i + 2];
        if i <= ss || after.kind != TokenKind::Word || is_cap(after) {
            return None;
        }
        // The possessor is the source PolNeAR gives one time in four (19
        // of 76 on train; the phrase is mostly the content of someone
        // else's verb, "Roe mocked his plan to …"): none.
        self.owner(i, ss)?;
        self.attitude_found(i..i + 1, i + 1, se, None)
    }

    /// The possessive before the noun at `i` ("his claim"), maybe with a
    /// lowercase word between ("his long-held belief").
    fn owner(&self, i: usize, ss: usize) -> Option<usize> {
        if self.is_possessive(i - 1) {
            Some(i - 1)
        } else if i >= ss + 2
            && self.is_possessive(i - 2)
            && !is_cap(&self.toks[i - 1])
            && self.toks[i - 1].kind.is_wordlike()
        {
            Some(i - 2)
        } else {
            None
        }
    }

    /// "X remains skeptical that C", "X is wary of C", "…, confident that
    /// C": the subject before the linking verb (or the sentence's subject
    /// after a comma) holds the complement.
    fn attitude_adjective(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        let mut j = i;
        while j > ss && j + 3 > i && (self.is_ly_adverb(j - 1) || DEGREE.contains(&self.lw(j - 1)))
        {
            j -= 1;
        }
        if j <= ss {
            return None;
        }
        let before = self.lw(j - 1);
        let src = if BE.contains(&before) || LINKING.contains(&before) {
            self.source_left(j - 1, ss)
        } else if is_punct(&self.toks[j - 1], ",") && self.lw(i + 1) == "that" {
            self.subject(ss, j - 1)
        } else {
            None
        }?;
        if src.len() == 1 && EXPLETIVES.contains(&self.lw(src.start)) {
            return None;
        }
        // "wary that C": the clause from "that", as after a verb; "wary of
        // C": the object after the preposition.
        let (c1, cue_end) = if self.lw(i + 1) == "that" {
            (i + 1, i + 1)
        } else {
            (i + 2, i + 2)
        };
        self.attitude_found(i..cue_end, c1, se, Some(src))
    }

    /// "the belief that C", "amid fears that C", "his claim that C": not a
    /// relative "that" (one an auxiliary follows: "a claim that was
    /// denied"); a noun that is a verb form too ("claims", "fears",
    /// "estimates") only right after a determiner, a possessive or a
    /// preposition, or opening the sentence ("The union fears that C" is
    /// the verb's). The source is a possessive before
    /// the noun, maybe with an adjective between ("his long-held belief").
    fn attitude_noun(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        let after = &self.toks[i + 2];
        if !after.kind.is_wordlike() || self.is(i + 2, lx::AUX) {
            return None;
        }
        if i == ss {
            // "Fears that C grew": opening the sentence, a noun.
            return self.attitude_found(i..i + 1, i + 1, se, None);
        }
        // A plural may be a verb as well ("The union estimates that C").
        let verb = !self.cue(i).is_empty() || VERB_PLURALS.contains(&self.lw(i));
        // "after warning that C": an "-ing" form after a preposition is
        // a gerund.
        let gerund = self.cue(i).iter().any(|f| f.ing);
        let opened = self.is(i - 1, lx::DETERMINERS)
            || (self.is(i - 1, lx::PREPOSITIONS) && !gerund)
            || self.is_possessive(i - 1);
        if !opened && verb {
            return None;
        }
        let owner = self.owner(i, ss);
        let src = owner.map(|d| self.possessor(d, ss));
        let mut f = self.attitude_found(i..i + 1, i + 1, se, src)?;
        // "Amid fears that C, the town …": a phrase opening the sentence
        // ends at its comma.
        if i == ss + 1 && self.is(ss, lx::PREPOSITIONS) {
            let comma = f.content.clone().find(|&k| is_punct(&self.toks[k], ","));
            if let Some(k) = comma.filter(|&k| k > f.content.start + 1) {
                f.content.end = k;
            }
        }
        Some(f)
    }

    /// Whether token `k` is a possessive: a pronoun ("his") or a word
    /// ending in "'s" ("Roe's").
    fn is_possessive(&self, k: usize) -> bool {
        let w = self.lw(k);
        POSSESSIVES.contains(&w)
            || (self.toks[k].kind.is_wordlike()
                && w.len() > 2
                && (w.ends_with("'s") || w.ends_with("’s"))
                && !matches!(w, "it's" | "it’s" | "that's" | "that’s"))
    }

    /// The possessor ending at the possessive `d`: the pronoun, or the
    /// capitalized words ending in "'s" ("Jane Roe's").
    fn possessor(&self, d: usize, ss: usize) -> Range<usize> {
        if POSSESSIVES.contains(&self.lw(d)) {
            return d..d + 1;
        }
        let mut a = d;
        while a > ss
            && d - a < 4
            && is_cap(&self.toks[a - 1])
            && self.toks[a - 1].kind.is_wordlike()
        {
            a -= 1;
        }
        a..d + 1
    }

    /// The attribution with the cue `cue` whose content starts at `c1`.
    fn attitude_found(
        &self,
        cue: Range<usize>,
        c1: usize,
        se: usize,
        source: Option<Range<usize>>,
    ) -> Option<Found> {
        let (content, quote) = self.content_after(c1, se, CueClass::Belief, "")?;
        Some(Found {
            pattern: Pattern::Attitude,
            class: CueClass::Belief,
            content,
            quote,
            quote_end: None,
            cue: Some(cue),
            source,
            inherit: None,
        })
    }
}
