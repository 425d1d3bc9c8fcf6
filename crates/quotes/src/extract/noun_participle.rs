//! A participle of speech right after a noun, with no comma: "The firm
//! sent a letter **saying** the deal was off", "footage of the mayor
//! **talking about** the flood", "the share of voters **saying** they
//! would stay home". What the participle reports is a content; who says
//! it is left open (the noun is often a document or a group sampled).

use super::cue::VerbCue;
use super::{Ctx, Found, Pattern};
use crate::lexicon::{self as lx, CueClass};

impl<'a, 't> Ctx<'a, 't> {
    /// The attribution of the "-ing" form of a verb of speech `cue` after
    /// a noun or a name (not after a preposition, an auxiliary, a
    /// determiner or a conjunction, which take the form as a gerund or
    /// an adjective: "by saying", "a telling sign", "and saying").
    pub(super) fn noun_participle(&self, cue: &VerbCue<'_>) -> Option<Found> {
        let (i, ss) = (cue.i, cue.ss);
        // Inside the content of one held back (`Ctx::run`), none, so that
        // the scan stays linear.
        if i < self.sourceless_end.get()
            || cue.class != CueClass::Speech
            || i <= ss
            || matches!(cue.lemma, "tell" | "promise")
        {
            return None;
        }
        let p = &self.toks[i - 1];
        if !p.kind.is_wordlike()
            || self.is(i - 1, lx::PREPOSITIONS | lx::AUX | lx::DETERMINERS)
            || matches!(self.lw(i - 1), "and" | "or" | "but" | "not" | "nor")
        {
            return None;
        }
        let (content, quote) = self.content_after(cue.c1, cue.se, cue.class, cue.lemma)?;
        // "… released a statement saying the plan “…”": the quotation
        // rules find the clause's subject as the source.
        if self.holds_long_quotation(&content) {
            return None;
        }
        Some(Found {
            pattern: Pattern::NounParticiple,
            class: cue.class,
            content,
            quote,
            quote_end: None,
            cue: Some(cue.range()),
            source: None,
            inherit: None,
        })
    }
}
