//! A verb of speech or belief whose source no rule reads: "The bakery
//! keeps its figures to itself yet has since said its sales doubled" (an
//! adverb the source rules do not skip before the verb), and an
//! infinitive of speech ("stood up at the meeting to say C"). The content
//! is still what the verb reports; the attribution has no source.

use std::ops::Range;

use newsnlp_tokenize::TokenKind;

use super::cue::VerbCue;
use super::{Ctx, Found, Pattern, is_cap};
use crate::lexicon::{self as lx, CueClass};

/// Verbs of going on, starting or trying, and "likely": their subject
/// is the subject of the infinitive after them ("continued to insist").
const CONTROL: [&str; 22] = [
    "continue",
    "continues",
    "continued",
    "continuing",
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "tried",
    "tries",
    "trying",
    "try",
    "sought",
    "seeks",
    "likely",
    "unlikely",
    "quick",
    "refused",
    "refuses",
    "failed",
];

impl<'a, 't> Ctx<'a, 't> {
    /// The attribution of the verb of speech or belief `cue` (not a weak
    /// cue: "has since found a buyer") when no source was found before it: its content after it, with no source. `Ctx::run`
    /// keeps it only when no other attribution of the sentence takes its
    /// words.
    pub(super) fn sourceless_speech(&self, cue: &VerbCue<'_>) -> Option<Found> {
        // After a word: a verb that opens the sentence or follows a
        // comma or a quotation has its source after it ("Said the mayor,
        // …", "…, explained Ann Roe, “…”"), which other rules read.
        if cue.i < self.sourceless_end.get()
            || cue.class == CueClass::Weak
            || cue.ing
            || cue.i <= cue.ss
            || !self.toks[cue.i - 1].kind.is_wordlike()
        {
            return None;
        }
        let mut f = self.source_cue_content(cue, None)?;
        // A quotation long enough to be a direct quote of its own is left
        // to the quotation rules, which look for its source further.
        // "Shares rose, but declined by 2 percent": a verb of belief
        // before a prepositional phrase (not an infinitive) is some other
        // sense of it.
        // (The content may start past the preposition, its object.)
        let prep = |k: usize| self.is(k, lx::PREPOSITIONS) && self.lw(k) != "to";
        let phrase = prep(f.content.start) || (cue.c1 < f.content.start && prep(cue.c1));
        // "… criticized the plan but rejected calls to C": a second verb
        // of belief after a conjunction has the sentence's subject, which
        // `Ctx::source_before_cue` leaves to verbs of speech.
        // Nor after another cue form, of which it is the object
        // ("rejected calls to C").
        let second = matches!(self.lw(cue.i - 1), "and" | "but" | "yet" | "or")
            || !self.cue(cue.i - 1).is_empty();
        if self.holds_long_quotation(&f.content)
            || (cue.class == CueClass::Belief && (phrase || second))
        {
            return None;
        }
        f.pattern = Pattern::SourcelessSpeech;
        Some(f)
    }

    /// The attribution of an infinitive of speech ("He went on to say
    /// C", "voters are more likely to say C", "used the speech to call
    /// for C"): its content, with no source (the subject of the clause
    /// is often not the speaker: "led the board to say C"). Not after an
    /// adjective that makes it the writer's ("fair to say", "hard to
    /// say", "suffice it to say").
    pub(super) fn infinitive_speech(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        if i < ss + 2
            || i < self.sourceless_end.get()
            || self.lw(i - 1) != "to"
            || is_cap(&self.toks[i])
            || matches!(
                self.lw(i - 2),
                "fair" | "safe" | "hard" | "difficult" | "easy" | "impossible" | "it" | "little"
            )
        {
            return None;
        }
        let (form, c1) = self.form_at(i, se, false)?;
        // A verb of belief only after a verb of going on or trying
        // ("continued to criticize C").
        let control = self.control_subject(i - 2, ss);
        let class_ok =
            form.class == CueClass::Speech || (form.class == CueClass::Belief && control.is_some());
        if form.ing || !class_ok {
            return None;
        }
        let cue = VerbCue {
            i,
            c1,
            ss,
            se,
            class: form.class,
            ing: false,
            lemma: self.lex.lemmas[form.lemma as usize].as_str(),
        };
        let mut f = self.source_cue_content(&cue, None)?;
        if self.holds_long_quotation(&f.content) {
            return None;
        }
        f.pattern = Pattern::SourcelessSpeech;
        // "The mayor continued to insist C", "Voters are more likely to
        // say C": the subject of a verb of going on or trying (or of
        // "likely") is the speaker.
        if let Some(src) = control {
            f.source = Some(src);
            f.pattern = Pattern::ControlSpeech;
        }
        Some(f)
    }

    /// The subject of the verb of going on or trying at `v` (before "to"),
    /// past degree words before "likely" ("more likely"), if `v` is one.
    fn control_subject(&self, v: usize, ss: usize) -> Option<Range<usize>> {
        if !CONTROL.contains(&self.lw(v)) {
            return None;
        }
        let mut j = v;
        while j > ss
            && matches!(
                self.lw(j - 1),
                "more" | "less" | "most" | "very" | "so" | "slightly"
            )
        {
            j -= 1;
        }
        let src = self.source_left(j, ss)?;
        (!matches!(self.lw(src.start), "it" | "there")).then_some(src)
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
