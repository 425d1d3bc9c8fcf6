//! The attribution rules: cues, sources and contents over the tokens.
//!
//! Everything here works on token indices; `lib.rs` turns the results into
//! byte spans and resolves speakers. Every loop either moves forward
//! through the tokens once or looks around a cue within a fixed window, so
//! the cost is linear in the length of the text.
//!
//! One module per pattern family:
//!
//! - [`token`]: the token view, [`Ctx`], and the token predicates;
//! - [`phrase`]: noun phrases, sources and subjects around a cue;
//! - [`quantity`]: quantities of people as sources (shares, counts and
//!   the words that bound them);
//! - [`content`]: contents before and after a cue;
//! - [`cue`]: the reporting-verb patterns, each in its own function;
//! - [`according`]: "according to X";
//! - [`lead`]: lead-ins without a reporting verb (`NAME:`, "In a poll …",
//!   "Asked whether …", "seems to", name lines);
//! - [`sourceless`]: a verb of speech whose source no rule reads;
//! - [`noun_participle`]: a participle of speech after a noun ("a
//!   statement saying C");
//! - [`gerund`]: a gerund of speech after "by" or "after" ("opened by
//!   saying C");
//! - [`attitude`]: an adjective or a noun of attitude and its complement
//!   ("remain skeptical that C", "the belief that C");
//! - [`quotation`]: the quotations the cues left.

mod according;
mod attitude;
mod content;
mod cue;
mod gerund;
mod lead;
mod noun_participle;
mod passive;
mod phrase;
mod quantity;
mod quotation;
mod sourceless;
mod subject;
mod token;

use newsnlp_tokenize::TokenKind;
use std::ops::Range;

use crate::lexicon::CueClass;

pub(crate) use crate::types::Rule as Pattern;
pub(crate) use token::Ctx;
use token::{is_cap, is_final_punct, is_punct};

/// One attribution in token indices.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub pattern: Pattern,
    pub class: CueClass,
    /// Content tokens (end exclusive).
    pub content: Range<usize>,
    /// The quotation that is the whole content, if it is one.
    pub quote: Option<usize>,
    /// A later quotation the content runs to (`“A,” she said, “B.”`).
    pub quote_end: Option<usize>,
    pub cue: Option<Range<usize>>,
    pub source: Option<Range<usize>>,
    /// Speaker inherited from an earlier attribution (its index in the output).
    pub inherit: Option<usize>,
}

/// Longest source phrase, in tokens.
const MAX_SOURCE: usize = 16;
/// Nouns of a medium of speech, besides [`Ctx::speech_noun`]'s, that may
/// follow a cue ("said in an interview").
const MEDIA: &[&str] = &[
    "interview",
    "release",
    "speech",
    "video",
    "briefing",
    "note",
];

/// How far a cue looks for "that" or the object of "told".
const THAT_WINDOW: usize = 9;

impl<'a, 't> Ctx<'a, 't> {
    /// All attributions of the document. Those that inherit a speaker come
    /// after the one they inherit from.
    pub fn run(&self) -> Vec<Found> {
        let toks = self.toks;
        let n = toks.len();
        let mut claimed = vec![false; n];
        let mut out: Vec<Found> = Vec::new();
        for s in self.doc.sentences() {
            let (ss, se) = (s.tokens.start, s.tokens.end.min(n));
            let mut i = ss;
            // Whether the sentence is a headline, once a cue asks.
            let mut headline = None;
            // Attributions without a source, kept when nothing else of
            // the sentence takes their words.
            let mut sourceless: Vec<Found> = Vec::new();
            // "C, according to X.": the trailing attribution takes its
            // clause before a cue inside the clause can.
            if let Some(f) = self.trailing_according(ss, se)
                && !f.content.clone().any(|k| claimed[k])
            {
                self.claim(&f, &mut claimed);
                out.push(f);
            } else if let Some(f) = self.trailing_speech(ss, se)
                && !f.content.clone().any(|k| claimed[k])
            {
                // "Police believe C2, officials said.": so does a
                // sentence-final attribution.
                self.claim(&f, &mut claimed);
                out.push(f);
            }
            while i < se {
                if claimed[i]
                    || self.in_any_quote(i)
                    || !toks[i].kind.is_wordlike()
                    || !self.may_cue(i)
                {
                    i += 1;
                    continue;
                }
                if *headline.get_or_insert_with(|| self.headline(ss)) {
                    break;
                }
                let found = self.cue_at(i, ss, se);
                if let Some(f) = found.as_ref()
                    && matches!(
                        f.pattern,
                        Pattern::SourcelessSpeech
                            | Pattern::NounParticiple
                            | Pattern::Attitude
                            | Pattern::Gerund
                            | Pattern::ControlSpeech
                    )
                {
                    // The cues inside its content are still read (their
                    // attributions have sources), but none of them gives
                    // another attribution without one, so that the scan
                    // stays linear ("said said said …").
                    self.sourceless_end.set(f.content.end);
                    sourceless.extend(found);
                    i += 1;
                    continue;
                }
                if let Some(mut f) = found {
                    if let Some(cue) = &f.cue {
                        f.cue = Some(self.with_medium(cue.clone(), f.content.start));
                    }
                    // "X said C, while Y insisted C2": the second
                    // attribution is not part of the first one's content.
                    if f.quote.is_none() {
                        f.content = self.cut_before_nested(f.content.clone());
                        // "While X said C, Y …": C ends with the clause.
                        if let Some(cue) = &f.cue {
                            f.content = self.cut_at_main_clause(ss, cue, f.content.clone());
                        }
                    }
                    // "X said C1, adding C2": the participle's subject is
                    // the source of the attribution before it in the sentence.
                    if f.pattern == Pattern::Participle
                        && let Some(prev) = out.last()
                        && prev
                            .cue
                            .as_ref()
                            .is_some_and(|c| c.start >= ss && c.end <= i)
                        && prev.source.is_some()
                    {
                        f.source.clone_from(&prev.source);
                    }
                    // Two quotes may share a source ("X criticized the deal,
                    // saying …"), never content.
                    let overlaps = f.content.clone().any(|k| claimed[k]);
                    if !overlaps {
                        let next = [Some(f.content.clone()), f.cue.clone(), f.source.clone()]
                            .into_iter()
                            .flatten()
                            .filter(|r| r.start >= i)
                            .map(|r| r.end.min(se))
                            .fold(i + 1, usize::max);
                        self.claim(&f, &mut claimed);
                        out.push(f);
                        i = next.max(i + 1);
                        continue;
                    }
                }
                i += 1;
            }
            for f in sourceless {
                if !f.content.clone().any(|k| claimed[k]) {
                    self.claim(&f, &mut claimed);
                    out.push(f);
                }
            }
        }
        self.quotations(&mut out, &mut claimed);
        out
    }

    /// A cue with the medium that follows it ("said **in a statement**
    /// that", "said in a separate statement", "wrote in an email"), as
    /// PolNeAR's annotators mostly mark it: "in", "a" or "an", at most two
    /// lowercase modifiers and a noun of speech, all before the content
    /// at `content_start`.
    fn with_medium(&self, cue: Range<usize>, content_start: usize) -> Range<usize> {
        let k = cue.end;
        if content_start < k + 3 || self.lw(k) != "in" || !matches!(self.lw(k + 1), "a" | "an") {
            return cue;
        }
        (k + 2..(k + 5).min(content_start))
            .take_while(|&j| self.toks[j].kind.is_wordlike() && !is_cap(&self.toks[j]))
            .find(|&j| self.speech_noun(j) || MEDIA.contains(&self.lw(j)))
            .map_or(cue.clone(), |j| cue.start..j + 1)
    }

    /// Marks the tokens of `f` (content, cue, source and a quotation that
    /// continues it) as taken.
    fn claim(&self, f: &Found, claimed: &mut [bool]) {
        for r in [Some(f.content.clone()), f.cue.clone(), f.source.clone()]
            .into_iter()
            .flatten()
        {
            for c in &mut claimed[r] {
                *c = true;
            }
        }
        if let Some(qe) = f.quote_end {
            let qq = &self.quotes[qe];
            let e = qq.close.map_or(qq.end, |c| c + 1);
            for c in &mut claimed[qq.open..e] {
                *c = true;
            }
        }
    }

    /// The attribution of a sentence ending in a verb of speech and its
    /// source after a comma (", officials said.", ", said a spokesman.").
    fn trailing_speech(&self, ss: usize, se: usize) -> Option<Found> {
        // A cheap look first: a verb of speech among the last words.
        if !(ss.max(se.saturating_sub(MAX_SOURCE + 6))..se).any(|k| self.speech_form(k)) {
            return None;
        }
        let comma = self.final_attribution(ss, se)?;
        let c = (comma + 1..se).find(|&c| !is_cap(&self.toks[c]) && self.speech_form(c))?;
        // Not after an opening participle ("Asked whether …, Roe smiled")
        // or "According to X, …", which have patterns of their own, nor
        // before an infinitive ("…, the two leaders agreed to meet").
        if (self.may_cue(ss) && !self.cue(ss).is_empty())
            || self.lw(ss) == "according"
            || self.lw(c + 1) == "to"
        {
            return None;
        }
        // The content ends at the comma or at a closing mark after it.
        let end = if self.toks[comma + 1].kind == TokenKind::CloseQuote {
            comma + 2
        } else {
            comma + 1
        };
        self.cue_at(c, ss, se)
            .filter(|f| f.content.end <= end && f.source.is_some())
    }

    /// The attribution of a sentence ending in ", according to X" (not
    /// inside a quotation), if it has one.
    fn trailing_according(&self, ss: usize, se: usize) -> Option<Found> {
        // In the sentence's last 30 tokens, at a trigger word.
        let from = (ss + 1).max(se.saturating_sub(30));
        let k = (from..se.saturating_sub(2)).find(|&k| {
            self.word(k).is_some_and(|w| w.trigger)
                && self.lw(k) == "according"
                && self.lw(k + 1) == "to"
                && is_punct(&self.toks[k - 1], ",")
                && !self.in_any_quote(k)
        })?;
        // "She said C, according to two officials": a verb of speech
        // reports the clause itself (not an infinitive: "declined to speak
        // to reporters, according to a spokesman").
        if (ss..k).any(|j| self.speech_form(j) && !(j > ss && self.lw(j - 1) == "to")) {
            return None;
        }
        self.according(k, ss, se)
            .filter(|f| f.pattern == Pattern::AccordingTrail)
    }
}
