//! Lead-ins without a reporting verb: a name and a colon at the start of a
//! line (`Ctx::name_colon`, "**Lynch:** No outside influence", "**TAPPER:**
//! And …"); a lead with a poll or a study (`Ctx::in_lead`, "**In a new poll
//! by the network,** most voters …"); a question (`Ctx::asked`, "**Asked
//! whether he would run,** Roe said …"); an appearance (`Ctx::seems`,
//! "The mayor **seemed to** overstay her welcome"); and a name line after a
//! quotation (`Ctx::name_line`, "“…” — **Sen. Jane Roe, D-Calif.**").

use newsnlp_tokenize::TokenKind;

use super::{Ctx, Found, Pattern, is_cap, is_punct};
use crate::lexicon::{self as lx, CueClass};

impl<'a, 't> Ctx<'a, 't> {
    /// `NAME: words` at the start of a line: a headline ("Lynch: No outside
    /// influence on the inquiry") or a transcript turn ("TAPPER: And …").
    pub(super) fn name_colon(&self, i: usize) -> Option<Found> {
        let n = self.toks.len();
        let colon = (i + 1..(i + 7).min(n)).find(|&k| is_punct(&self.toks[k], ":"))?;
        if self.line_break_before(colon) {
            return None;
        }
        for k in i..colon {
            let t = &self.toks[k];
            let w = self.lw(k);
            let ok = (t.kind.is_wordlike()
                && (is_cap(t) || matches!(w, "of" | "the" | "and" | "de")))
                || self.is_hyphen_joint(k)
                || is_punct(t, ".");
            if !ok || !self.cue(k).is_empty() && !is_cap(t) {
                return None;
            }
        }
        if self.is(i, lx::COLON_LABELS) || self.toks[i].kind == TokenKind::Number {
            return None;
        }
        let a = colon + 1;
        if a >= n || self.toks[a].paragraph != self.toks[colon].paragraph {
            return None;
        }
        let mut e = a;
        while e < n
            && self.toks[e].paragraph == self.toks[a].paragraph
            && !self.line_break_before(e + 1)
        {
            e += 1;
        }
        let e = self.trimmed_end(a, (e + 1).min(n));
        if e <= a || e - a < 2 {
            return None;
        }
        Some(Found {
            pattern: Pattern::NameColon,
            class: CueClass::Speech,
            content: a..e,
            quote: None,
            quote_end: None,
            cue: Some(colon..colon + 1),
            source: Some(i..colon),
            inherit: None,
        })
    }

    /// Whether tokens `a..b` are a name line: titles and capitalized words.
    pub(super) fn name_line(&self, a: usize, b: usize) -> bool {
        let b = self.trimmed_end(a, b);
        if b <= a || b - a > 9 {
            return false;
        }
        let mut caps = 0;
        for k in a..b {
            let t = &self.toks[k];
            if is_punct(t, ",") || self.is_hyphen_joint(k) || is_punct(t, ".") {
                continue;
            }
            if !t.kind.is_wordlike() || !self.cue(k).is_empty() && !is_cap(t) {
                return false;
            }
            if is_cap(t) {
                caps += 1;
            } else if !self.is(k, lx::TITLES) {
                return false;
            }
        }
        caps > 0 && is_cap(&self.toks[a])
    }

    /// "In a new poll by the network, most voters …": the phrase up to the
    /// comma is the source when it names a poll, a survey or a study.
    pub(super) fn in_lead(&self, i: usize, se: usize) -> Option<Found> {
        let hi = se.min(i + 16);
        let comma = (i + 2..hi).find(|&k| is_punct(&self.toks[k], ","))?;
        let mut evidence = false;
        for k in i + 1..comma {
            let t = &self.toks[k];
            if t.is_quote() || (!is_cap(t) && self.cue(k).iter().any(|f| !f.ing)) {
                return None;
            }
            evidence |= self.is(k, lx::EVIDENCE_SOURCES);
        }
        if !evidence {
            return None;
        }
        let e = self.trimmed_end(comma + 1, se);
        if e <= comma + 2 {
            return None;
        }
        Some(Found {
            pattern: Pattern::InLead,
            class: CueClass::Weak,
            content: comma + 1..e,
            quote: None,
            quote_end: None,
            cue: Some(i..i + 1),
            source: Some(i + 1..comma),
            inherit: None,
        })
    }

    /// "Asked whether he would run, Roe said …", "… when asked by
    /// reporters about the vote": the question, and the asker after "by".
    pub(super) fn asked(&self, i: usize, se: usize) -> Option<Found> {
        let mut k = i + 1;
        let mut source = None;
        if self.lw(k) == "by" {
            let r = self.np_right_with(k + 1, se, false)?;
            k = r.end;
            source = Some(r);
        }
        let hi = se.min(k + 6);
        while k < hi && !self.is(k, lx::QUESTION_WORDS) {
            if !self.toks[k].kind.is_wordlike() {
                return None;
            }
            k += 1;
        }
        if k >= hi {
            return None;
        }
        let far = se.min(k + 40);
        let comma = (k + 1..far).find(|&x| is_punct(&self.toks[x], ",") || self.toks[x].is_quote());
        let e = self.trimmed_end(k, comma.unwrap_or(far));
        if e <= k + 1 {
            return None;
        }
        Some(Found {
            pattern: Pattern::Asked,
            class: CueClass::Speech,
            content: k..e,
            quote: None,
            quote_end: None,
            cue: Some(i..i + 1),
            source,
            inherit: None,
        })
    }

    /// Whether the word at `k`, after "seems" or "appears", opens what
    /// seems so: an adjective or a participle ("seemed rattled", "appear
    /// fatigued"), a noun phrase ("seemed a reminder"), "like" or "as
    /// if"; not a preposition, which tells where someone appeared
    /// ("appeared on Sunday shows", "appear in court").
    fn seem_predicate(&self, k: usize) -> bool {
        let t = &self.toks[k];
        if t.kind != TokenKind::Word || is_cap(t) {
            return false;
        }
        match self.lw(k) {
            "like" => true,
            "as" => matches!(self.lw(k + 1), "if" | "though"),
            _ => !self.is(k, lx::PREPOSITIONS),
        }
    }

    /// "The mayor seemed to overstay her welcome", "it appears that C",
    /// "Voters seemed unmoved": the subject and the clause, with no
    /// source.
    pub(super) fn seems(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        let c1 = i + 1;
        if c1 + 1 >= se || !(self.is(c1, lx::SEEM_COMPLEMENTS) || self.seem_predicate(c1)) {
            return None;
        }
        // "He appeared to suggest that C": the reporting verb after "to"
        // is the cue, the subject its source.
        if self.lw(c1) == "to"
            && let Some(form) = self
                .cue(c1 + 1)
                .iter()
                .find(|f| !f.ing && f.particle.is_none())
            && let Some(src) = self.source_left(i, ss)
            && !matches!(self.lw(src.start), "it" | "there")
            && let Some((content, quote)) = self.content_after(
                c1 + 2,
                se,
                form.class,
                self.lex.lemmas[form.lemma as usize].as_str(),
            )
        {
            return Some(Found {
                pattern: if quote.is_some() {
                    Pattern::SourceCueQuote
                } else {
                    Pattern::SourceCueContent
                },
                class: form.class,
                content,
                quote,
                quote_end: None,
                cue: Some(i..c1 + 2),
                source: Some(src),
                inherit: None,
            });
        }
        // "Neither side seems ready, observers said.": the clause is the
        // content of the attribution at the end.
        if self.final_attribution(c1, se).is_some() {
            return None;
        }
        let brk = self.next_break(c1).unwrap_or(se);
        let mut e = se.min(brk.max(c1 + 1));
        // "He appeared rattled at the debate, unable to …", "Voters
        // seemed unmoved: “…”": what seems so, without a clause word,
        // ends at the first mark.
        if !self.is(c1, lx::SEEM_COMPLEMENTS) {
            e = (c1 + 1..e)
                .find(|&k| {
                    let t = &self.toks[k];
                    // A hyphen inside a word ("ill-prepared") is no mark.
                    let inner_hyphen = t.text == "-" && !t.space_before;
                    !(t.kind.is_wordlike() || inner_hyphen)
                })
                .unwrap_or(e);
        }
        let e = self.trimmed_end(c1, e);
        if e <= c1 + 1 {
            return None;
        }
        let start = match self.source_left(i, ss) {
            Some(r) if matches!(self.lw(r.start), "it" | "there") => c1,
            Some(r) => r.start,
            None => c1,
        };
        Some(Found {
            pattern: Pattern::Seems,
            class: CueClass::Belief,
            content: start..e,
            quote: None,
            quote_end: None,
            cue: Some(i..c1),
            source: None,
            inherit: None,
        })
    }
}
