//! A gerund of speech or belief after "by" or "after": the means or the
//! moment of the clause's subject ("The mayor opened the session **by
//! saying** the budget was short", "The board answered **by
//! promising** a review", "Roe left the stage **after warning** that
//! C"). The gerund's subject is the clause's, so the sentence's subject
//! is the source. Held back (`Ctx::run`) like the attributions without a
//! source, so that a verb before it that takes the phrase as its content
//! ("responded by saying C") keeps it.

use super::cue::VerbCue;
use super::{Ctx, Found, Pattern};
use crate::lexicon::CueClass;

impl<'a, 't> Ctx<'a, 't> {
    /// The attribution of the "-ing" form `cue` after "by" (a verb of
    /// speech or belief) or "after" (a verb of speech).
    pub(super) fn gerund(&self, cue: &VerbCue<'_>) -> Option<Found> {
        let (i, ss) = (cue.i, cue.ss);
        if i < ss + 2 || i < self.sourceless_end.get() {
            return None;
        }
        let ok = match self.lw(i - 1) {
            "by" => cue.class != CueClass::Weak,
            "after" => cue.class == CueClass::Speech,
            _ => false,
        };
        if !ok {
            return None;
        }
        let (content, quote) = self.content_after(cue.c1, cue.se, cue.class, cue.lemma)?;
        // "won by saying little": one word reports nothing.
        if (content.len() < 2 && quote.is_none()) || self.holds_long_quotation(&content) {
            return None;
        }
        Some(Found {
            pattern: Pattern::Gerund,
            class: cue.class,
            content,
            quote,
            quote_end: None,
            cue: Some(cue.range()),
            source: self.subject(ss, i),
            inherit: None,
        })
    }
}
