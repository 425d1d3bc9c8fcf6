//! A verb of speech whose source no rule reads: "Bob Ames, who ran the
//! county's books for a decade under three mayors and later the port,
//! said the audit was late" (a subject past the phrase windows), "The
//! firm keeps its accounts private but says its sales doubled" (a second
//! verb after "but" with an object between). The content is still what
//! the verb reports; the attribution has no source.

use std::ops::Range;

use newsnlp_tokenize::TokenKind;

use super::cue::VerbCue;
use super::{Ctx, Found, Pattern};
use crate::lexicon::CueClass;

impl<'a, 't> Ctx<'a, 't> {
    /// The attribution of the verb of speech `cue` when no source was
    /// found before it: its content after it, with no source. `Ctx::run`
    /// keeps it only when no other attribution of the sentence takes its
    /// words.
    pub(super) fn sourceless_speech(&self, cue: &VerbCue<'_>) -> Option<Found> {
        // After a word: a verb that opens the sentence or follows a
        // comma or a quotation has its source after it ("Said the mayor,
        // …", "…, explained Ann Roe, “…”"), which other rules read.
        if cue.i < self.sourceless_end.get()
            || cue.class != CueClass::Speech
            || cue.ing
            || cue.i <= cue.ss
            || !self.toks[cue.i - 1].kind.is_wordlike()
        {
            return None;
        }
        let mut f = self.source_cue_content(cue, None)?;
        // A quotation long enough to be a direct quote of its own is left
        // to the quotation rules, which look for its source further.
        if self.holds_long_quotation(&f.content) {
            return None;
        }
        f.pattern = Pattern::SourcelessSpeech;
        Some(f)
    }

    /// Whether a quotation long enough to be a direct quote of its own
    /// ([`Ctx::inner_words`]) opens inside `r`.
    pub(super) fn holds_long_quotation(&self, r: &Range<usize>) -> bool {
        r.clone().any(|k| {
            self.toks[k].kind == TokenKind::OpenQuote
                && self
                    .quote_of(k)
                    .is_some_and(|q| self.quotes[q].end - k > self.inner_words)
        })
    }
}
