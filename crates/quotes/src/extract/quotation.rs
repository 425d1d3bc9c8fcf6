//! The quotation pass, after the cues: the quotations the cues left get a
//! source from a name line ("“We won.” **— Jane Roe**"), a lead-in without
//! a verb pattern of `cue.rs` (`Ctx::sourced_quotation`: a paragraph or a
//! clause ending with a colon, "**From the senator's statement:** “…”",
//! "**Jones interjected:** “…”", "**- Jane Roe:** “…”"; a reporting verb,
//! "read" or a noun of speech before a comma, "**He issued a statement,**
//! “…”", "**As Roe put it,** “…”"; "read" or a short tail after it, "“…,”
//! **the editorial read.**", "“…!” **some protesters chanted**") or the
//! clause it completes ("**Moore thanked him for** “…”"), continue the
//! attribution before them in the paragraph ("“A,” she said. **“B.”**"),
//! or stay unattributed; a short quoted phrase inside a reported clause
//! becomes an inner phrase ("she called it **“a disaster”**"); a short
//! term after "so-called", "dubbed" or "known as" is named, not quoted
//! (`Ctx::named_term`).

use std::ops::Range;

use newsnlp_tokenize::TokenKind;

use super::{Ctx, Found, Pattern, is_cap, is_final_punct, is_punct};
use crate::lexicon::{self as lx, CueClass, PatternWords};
use crate::marks::Quoted;

/// The most tokens of the name on a dash's name line before the comma of
/// its description ("— Zlatka Bakalova, owner of …").
const NAME_LINE_NAME: usize = 6;
/// The most tokens of that description.
const NAME_LINE_DESCRIPTION: usize = 24;

impl<'a, 't> Ctx<'a, 't> {
    /// Attributions for quotations the cues left: name lines, lead-ins,
    /// continuations, inner phrases and unattributed quotations.
    pub(super) fn quotations(&self, out: &mut Vec<Found>, claimed: &mut [bool]) {
        let toks = self.toks;
        let n = toks.len();
        let inner = self.inner_phrases(out);
        let mut last_attributed: Option<(usize, u32)> = None; // (index in out, paragraph of end)
        let mut by_quote: Vec<Option<usize>> = vec![None; self.quotes.len()];
        for (fi, f) in out.iter().enumerate() {
            if let Some(q) = f.quote {
                by_quote[q] = Some(fi);
            }
        }
        // Reported clauses with a source, by where they end: a quotation
        // after one continues it (`She said the plan was dead. “…”`).
        let reported = self.reported_ends(out);
        let mut next_reported = 0;
        let mut last_end = 0;
        let mut added = Vec::new();
        for (q, qq) in self.quotes.iter().enumerate() {
            let end = qq.close.map_or(qq.end, |c| c + 1).min(n);
            while let Some(&(e, fi)) = reported.get(next_reported).filter(|r| r.0 <= qq.open) {
                if e >= last_end {
                    last_attributed = Some((fi, toks[e - 1].paragraph));
                    last_end = e;
                }
                next_reported += 1;
            }
            if let Some(fi) = by_quote[q] {
                last_attributed = Some((fi, toks[end.saturating_sub(1)].paragraph));
                last_end = end;
                continue;
            }
            if qq.single || claimed[qq.open] {
                continue;
            }
            let words = qq.words(toks);
            if words == 0 {
                continue;
            }
            let content = qq.open..end;
            // Quoted transcript turns, a paragraph each: `"WALLACE: If I
            // may, …` (the marks open each paragraph and close none, so
            // they pair as one quotation).
            let turns = self.transcript_turns(qq.open, end);
            if !turns.is_empty() {
                last_attributed = None;
                added.extend(turns);
                continue;
            }
            // A name line after it, or a lead-in.
            if let Some(f) = self.sourced_quotation(q, content.clone(), claimed) {
                last_attributed = Some((out.len() + added.len(), toks[end - 1].paragraph));
                last_end = end;
                added.push(f);
                continue;
            }
            // A short quotation that is a sentence of its own right after
            // an attributed one in its paragraph (“This vote is
            // shameful.”) continues it; it is no scare quote.
            let para = toks[qq.open].paragraph;
            let sentence = qq.close.is_some_and(|c| {
                c > qq.open + 1 && is_final_punct(&toks[c - 1]) && is_cap(&toks[qq.open + 1])
            }) && last_attributed.is_some_and(|(_, p)| p == para);
            if words <= self.scare_words && qq.paragraphs == 1 && !sentence {
                // A scare quote or a quoted name.
                continue;
            }
            // A quotation that completes a clause with a subject of its own.
            if let Some((src, cue)) = self.clause_end_quote(qq.open) {
                last_attributed = Some((out.len() + added.len(), toks[end - 1].paragraph));
                last_end = end;
                added.push(Found {
                    pattern: Pattern::LeadIn,
                    class: CueClass::Speech,
                    content,
                    quote: Some(q),
                    quote_end: None,
                    cue: Some(cue),
                    source: Some(src),
                    inherit: None,
                });
                continue;
            }
            let inherit = last_attributed
                .filter(|&(_, p)| p + 1 == para || p == para)
                .map(|(fi, _)| fi);
            let fi = out.len() + added.len();
            added.push(Found {
                pattern: if inherit.is_some() {
                    Pattern::Continuation
                } else {
                    Pattern::Unattributed
                },
                class: CueClass::Speech,
                content,
                quote: Some(q),
                quote_end: None,
                cue: None,
                source: None,
                inherit,
            });
            if inherit.is_some() {
                last_attributed = Some((fi, toks[end - 1].paragraph));
                last_end = end;
            }
        }
        // Inner phrases refer to their parents by index in `out`, which
        // stays as is; they go last.
        out.extend(added);
        out.extend(inner);
    }

    /// The attribution of quotation `q` (its tokens `content`) by a dash
    /// and a name after the closing mark or a name line (whose tokens it
    /// claims), or by a lead-in: a paragraph ending with a colon, a
    /// reporting verb before a comma or colon, a clause with a subject
    /// before a colon ("The mayor struck a softer tone:"), "read" or a
    /// short tail after it.
    fn sourced_quotation(
        &self,
        q: usize,
        content: Range<usize>,
        claimed: &mut [bool],
    ) -> Option<Found> {
        let qq = &self.quotes[q];
        let (pattern, src, cue) = if let Some(src) = qq.close.and_then(|c| self.name_line_after(c))
        {
            for k in &mut claimed[src.clone()] {
                *k = true;
            }
            (Pattern::NameLine, src, None)
        } else {
            let (src, cue) = self
                .lead_in_source(qq.open)
                .map(|src| (src, qq.open - 1..qq.open))
                .or_else(|| self.dash_name_colon(qq.open))
                .or_else(|| self.cue_lead(qq.open))
                .or_else(|| self.colon_lead(qq.open))
                .or_else(|| qq.close.and_then(|c| self.read_after(c)))
                .or_else(|| qq.close.and_then(|c| self.tail_after(qq.open, c)))?;
            (Pattern::LeadIn, src, Some(cue))
        };
        Some(Found {
            pattern,
            class: CueClass::Speech,
            content,
            quote: Some(q),
            quote_end: None,
            cue,
            source: Some(src),
            inherit: None,
        })
    }

    /// The reported clauses of `out` with a source, as (where the clause or
    /// its source ends, index in `out`), in text order; not a relative
    /// clause's ("…, who wrote the bill. “…”"): a quotation after it
    /// continues the main clause's attribution.
    fn reported_ends(&self, out: &[Found]) -> Vec<(usize, usize)> {
        let mut reported: Vec<(usize, usize)> = out
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                f.quote.is_none()
                    && f.source.as_ref().is_some_and(|s| {
                        !(s.len() == 1 && matches!(self.lw(s.start), "who" | "which"))
                    })
            })
            .map(|(fi, f)| {
                (
                    f.content.end.max(f.source.as_ref().map_or(0, |r| r.end)),
                    fi,
                )
            })
            .collect();
        reported.sort_unstable();
        reported
    }

    /// The source span a continuation shows: the source of the attribution
    /// it continues, when that attribution ends in the continuation's
    /// paragraph with its source after its quotation (“A,” **she** said.
    /// “B.”). A continuation in a later paragraph, or after a source that
    /// opens its clause, shows none: on PolNeAR train the speaker of those
    /// is named again near them as often as not.
    pub(crate) fn continued_source(&self, found: &[Found], f: &Found) -> Option<Range<usize>> {
        let parent = found.get(f.inherit?)?;
        let src = parent.source.clone().filter(|r| !r.is_empty())?;
        let same_paragraph = self.toks[src.start].paragraph == self.toks[f.content.start].paragraph;
        (f.source.is_none() && same_paragraph && src.start >= parent.content.end).then_some(src)
    }

    /// Whether the quoted word `q` inside the reported clause of `f` is
    /// the speaker's own word, reported on its own too: the predicate that
    /// ends a that-clause ("said that the meeting was “productive”"). Elsewhere
    /// ("described the talks as “frank”", "said the meeting was
    /// “constructive”") it stays inside the mixed quote only: on PolNeAR
    /// dev the fragment alone was right for 1 in 27 of them.
    fn own_word(&self, f: &Found, q: usize) -> bool {
        let qq = &self.quotes[q];
        // The quotation ends the clause: the content, or a comma, follows.
        let closes = qq.close.is_some_and(|c| {
            c + 1 >= f.content.end
                || self
                    .toks
                    .get(c + 1)
                    .is_some_and(|t| is_punct(t, ",") || super::is_final_punct(t))
                || (c > 0 && is_punct(&self.toks[c - 1], ","))
        });
        self.lw(f.content.start) == "that"
            && qq.open > f.content.start
            && self.is(qq.open - 1, lx::PASSIVE_AUX)
            && closes
            && !self.named_term(q)
    }

    /// The transcript turns (`"NAME: words`, [`Ctx::name_colon`]) opening
    /// the lines of the quotation `open..end`, if it opens with one.
    fn transcript_turns(&self, open: usize, end: usize) -> Vec<Found> {
        let mut turns = Vec::new();
        if !self.line_start(open) || open + 1 >= end || self.name_colon(open + 1).is_none() {
            return turns;
        }
        for k in open..end - 1 {
            if self.toks[k].is_quote()
                && self.line_start(k)
                && let Some(f) = self.name_colon(k + 1)
            {
                turns.push(f);
            }
        }
        turns
    }

    /// Whether quotation `q` is a short term named rather than quoted:
    /// "the so-called “debt clause”", "a plan dubbed “Dawn”", "known as
    /// “the Squad”". It makes no quote of its own and no clause mixed.
    pub(crate) fn named_term(&self, q: usize) -> bool {
        let Some(qq) = self.quotes.get(q) else {
            return false;
        };
        let open = qq.open;
        if qq.paragraphs > 1 || qq.words(self.toks) > self.scare_words.max(1) || open == 0 {
            return false;
        }
        let marker = |k: usize| self.marked_word_at(k, PatternWords::SCARE_MARKERS);
        if marker(open - 1) || (open >= 2 && self.lw(open - 1) == "as" && marker(open - 2)) {
            return true;
        }
        // "a broadcast of “Fox News Sunday”", "he told “Meet the Press”":
        // a title-case term after a preposition names a show or a work.
        if (self.is(open - 1, lx::PREPOSITIONS) || self.lw(open - 1) == "of") && self.is_title(qq) {
            return true;
        }
        // "The “debt clause” was not discussed": a term after a determiner
        // that the clause goes on from is a name for something, not words
        // of the source.
        let after = qq.close.map(|c| c + 1);
        self.is(open - 1, lx::DETERMINERS)
            && self.toks[open - 1].kind.is_wordlike()
            && after.is_some_and(|a| {
                self.toks
                    .get(a)
                    .is_some_and(|t| t.kind.is_wordlike() && !is_cap(t))
            })
    }

    /// Whether the words of quotation `qq` are in title case: each
    /// capitalized, or after the first a lowercase article, preposition
    /// or conjunction ("Meet the Press", "Face the Nation").
    fn is_title(&self, qq: &Quoted) -> bool {
        let end = qq.close.unwrap_or(qq.end);
        let mut words = (qq.open + 1..end).filter(|&k| self.toks[k].kind.is_wordlike());
        words.next().is_some_and(|k| is_cap(&self.toks[k]))
            && words.all(|k| {
                is_cap(&self.toks[k])
                    || self.is(k, lx::DETERMINERS | lx::PREPOSITIONS)
                    || matches!(self.lw(k), "of" | "and" | "or")
            })
    }

    /// The short quoted phrases inside the reported clauses of `out`
    /// ("she called it “a disaster”"), each inheriting its clause's
    /// attribution.
    fn inner_phrases(&self, out: &[Found]) -> Vec<Found> {
        let toks = self.toks;
        let mut inner = Vec::new();
        for (fi, f) in out.iter().enumerate() {
            if f.quote.is_some() {
                continue;
            }
            let mut k = f.content.start;
            while k < f.content.end {
                match self.quote_of(k) {
                    Some(q) if self.quotes[q].open == k && !self.quotes[q].single => {
                        let qq = &self.quotes[q];
                        let w = qq.words(toks);
                        if w > 0 && w <= self.inner_words && self.own_word(f, q) {
                            inner.push(Found {
                                pattern: Pattern::InnerPhrase,
                                class: f.class,
                                content: qq.open..qq.close.map_or(qq.end, |c| c + 1),
                                quote: Some(q),
                                quote_end: None,
                                cue: f.cue.clone(),
                                source: f.source.clone(),
                                inherit: Some(fi),
                            });
                        }
                        k = qq.close.map_or(qq.end, |c| c + 1).max(k + 1);
                    }
                    _ => k += 1,
                }
            }
        }
        inner
    }

    /// The source on a name line after the quotation closing at token `c`
    /// ("“We won.” — Jane Roe", or the name on the next line).
    fn name_line_after(&self, c: usize) -> Option<Range<usize>> {
        let toks = self.toks;
        let n = toks.len();
        if c + 1 >= n {
            return None;
        }
        let mut a = c + 1;
        let mut dash = false;
        // "―" (the horizontal bar) is a dash here too, though the
        // tokenizer calls it punctuation.
        if toks[a].kind == TokenKind::Dash || toks[a].text == "―" {
            a += 1;
            dash = true;
        }
        if a >= n || toks[a].paragraph > toks[c].paragraph + 1 {
            return None;
        }
        let sr = self.sentence_range(a);
        let starts_sentence = sr.start == a || (dash && sr.start == a - 1);
        let b = if starts_sentence || dash { sr.end } else { a };
        // The name line ends at its line break, even when the sentence
        // runs on into the next line's quotation.
        let b = (a + 1..b).find(|&k| self.line_break_before(k)).unwrap_or(b);
        if !(starts_sentence || dash) || b <= a {
            return None;
        }
        if self.name_line(a, b) {
            return Some(a..self.trimmed_end(a, b));
        }
        // "— Zlatka Bakalova, owner of Sunrise Bakery": after a dash, a
        // name, a comma and a description of its own; the name speaks.
        let comma = (a + 1..b.min(a + NAME_LINE_NAME)).find(|&k| is_punct(&toks[k], ","))?;
        (dash && self.name_line(a, comma) && b - comma <= NAME_LINE_DESCRIPTION)
            .then(|| a..self.trimmed_end(a, comma))
    }

    /// The source and cue of a clause that leads into the quotation
    /// opening at `open` with a colon in the same paragraph: "The mayor
    /// struck a softer tone: “…”", "Jane Roe put it bluntly: “…”". The
    /// source is the clause's subject (a name, a pronoun or a phrase with a
    /// determiner), the cue the words from its verb to the colon.
    fn colon_lead(&self, open: usize) -> Option<(Range<usize>, Range<usize>)> {
        let toks = self.toks;
        if open < 3
            || !is_punct(&toks[open - 1], ":")
            || toks[open - 1].paragraph != toks[open].paragraph
        {
            return None;
        }
        self.colon_clause(open - 1)
    }

    /// The subject and verb phrase of the clause ending at the colon
    /// `colon` ([`Ctx::colon_lead`]).
    fn colon_clause(&self, colon: usize) -> Option<(Range<usize>, Range<usize>)> {
        let toks = self.toks;
        let sr = self.sentence_range(colon);
        if colon < sr.start + 2 {
            return None;
        }
        // (Up to the token after the colon, so that the phrase may end at
        // it; after an introductory phrase: "Along with the photo, he had
        // posted:".)
        let src = self.clause_subject(sr.start, colon, colon + 1)?;
        let src = self.with_cue_noun(src, colon);
        let head = src.start;
        // ("It seems unfair to tell them:" has no speaker.)
        let speaker_like = (is_cap(&toks[head])
            || self.is(head, lx::DETERMINERS | lx::SUBJECT_PRONOUNS))
            && !(src.len() == 1
                && self.lw(head) == "it"
                && matches!(
                    self.lw(src.end),
                    "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"
                ));
        // One word is a verb when it reads as one ("Jones interjected:",
        // "The headline reads:").
        let one_verb = |k: usize| {
            let w = self.lw(k);
            toks[k].kind == TokenKind::Word
                && !self.is(k, lx::DETERMINERS | lx::PREPOSITIONS | lx::AUX)
                && (w.ends_with("ed") || w.ends_with('s') || !self.cue(k).is_empty())
        };
        // "The banner over the stage reads:": a prepositional phrase
        // before the verb belongs to the subject.
        let mut src = src;
        if self.is(src.end, lx::PREPOSITIONS)
            && !is_cap(&toks[src.end])
            && let Some(v) = (src.end + 2..colon).find(|&k| {
                let w = self.lw(k);
                !is_cap(&toks[k])
                    && one_verb(k)
                    && !w.ends_with("ing")
                    && !w.contains(['\'', '’'])
                    && (k + 1 == colon || self.is(k + 1, lx::DETERMINERS | lx::SUBJECT_PRONOUNS))
            })
            && (src.end + 1..v).all(|k| toks[k].kind.is_wordlike() && self.cue(k).is_empty())
        {
            src = src.start..v;
        }
        // "The judge was blunt:", "Her argument was simple:": a copula and
        // one adjective after a person or what a person says speak;
        // "The results were clear:" describes, it does not speak.
        let last = src.end - 1;
        let person = is_cap(&toks[last])
            || self.is(last, lx::SUBJECT_PRONOUNS | lx::TITLES)
            || self.cue_noun(last);
        let manner = colon == src.end + 2
            && toks[src.end + 1].kind == TokenKind::Word
            && !is_cap(&toks[src.end + 1])
            && person;
        // The clause after the subject is a verb phrase: no second clause.
        let verb_phrase = (src.end + 1 < colon || (src.end + 1 == colon && one_verb(src.end)))
            && !is_cap(&toks[src.end])
            && (!self.is(src.end, lx::PASSIVE_AUX) || manner)
            && (src.end..colon).all(|k| {
                let t = &toks[k];
                t.kind.is_wordlike() && (!self.is(k, lx::SUBJECT_PRONOUNS) || self.object(k, colon))
                    || is_punct(t, ",")
            })
            && colon - src.end <= 12;
        // (A quotation before the subject is no matter: "“…,” but he gave
        // the Texan a back-handed compliment:".)
        let quoted = (src.start..colon).any(|k| toks[k].is_quote());
        (speaker_like && verb_phrase && !quoted).then(|| (src.clone(), src.end..colon + 1))
    }

    /// Whether the pronoun at `k`, before a colon at `colon`, is the object
    /// of the verb before it ("makes that clear:", "put it bluntly:"), not
    /// the subject of a second clause ("said that it was:").
    fn object(&self, k: usize, colon: usize) -> bool {
        let toks = self.toks;
        let next = k + 1;
        matches!(self.lw(k), "it" | "that" | "this")
            && k > 0
            && toks[k - 1].kind == TokenKind::Word
            && !is_cap(&toks[k - 1])
            && (next == colon
                || (toks[next].kind == TokenKind::Word
                    && !is_cap(&toks[next])
                    && !self.is(
                        next,
                        lx::SUBJECT_PRONOUNS | lx::AUX | lx::PASSIVE_AUX | lx::DETERMINERS,
                    )))
    }

    /// The source of a lead-in paragraph that ends with a colon right
    /// before the quotation opening at `open` ("From the senator's
    /// statement:", "Jane Roe put it this way:").
    fn lead_in_source(&self, open: usize) -> Option<Range<usize>> {
        let toks = self.toks;
        if open == 0
            || toks[open - 1].paragraph + 1 != toks[open].paragraph
            || !is_punct(&toks[open - 1], ":")
        {
            return None;
        }
        let colon = open - 1;
        let sr = self.sentence_range(colon);
        let lo = sr.start.max(colon.saturating_sub(20));
        let from = (lo..colon).rev().find(|&k| self.lw(k) == "from");
        match from {
            Some(f) => self.np_right(f + 1, colon),
            // "The governor released the following statement:": the
            // clause's subject, not the phrase before the colon.
            None => self.colon_clause(colon).map(|(src, _)| src).or_else(|| {
                // A phrase after a preposition is no source ("the
                // crime scene in San Bernardino:").
                self.np_left(colon, lo).filter(|r| {
                    r.start == 0
                        || !self.is(r.start - 1, lx::PREPOSITIONS)
                        || is_cap(&toks[r.start - 1])
                })
            }),
        }
    }

    /// The source of a quotation after a dash and a name, or "from" and a
    /// phrase, before a colon in the same paragraph ("Turnout was high -
    /// Jane Roe: “…”", "More from Roe: “…”", "From the report: “…”").
    fn dash_name_colon(&self, open: usize) -> Option<(Range<usize>, Range<usize>)> {
        let toks = self.toks;
        if open < 2 || !is_punct(&toks[open - 1], ":") {
            return None;
        }
        let colon = open - 1;
        let para = toks[colon].paragraph;
        let sr = self.sentence_range(colon);
        let lo = colon.saturating_sub(10).max(sr.start);
        let mut a = (lo..colon)
            .rev()
            .find(|&k| toks[k].kind == TokenKind::Dash && toks[k].paragraph == para)
            .map_or(sr.start, |d| d + 1);
        if a >= colon || toks[a].paragraph != para {
            return None;
        }
        if self.lw(a) == "more" && self.lw(a + 1) == "from" {
            a += 1;
        }
        let src = if self.lw(a) == "from" {
            self.np_right(a + 1, colon).filter(|r| r.end == colon)?
        } else if a > sr.start && self.name_line(a, colon) {
            a..colon
        } else {
            return None;
        };
        Some((src, colon..colon + 1))
    }

    /// The source and cue of a clause whose reporting verb (or "read", or
    /// a noun of speech) ends right before the comma or colon that opens
    /// the quotation at `open`: "He answered, “…”", "Another source said,
    /// “…”", "she began by saying, “…”", "At the bottom it reads, “…”",
    /// "Roe issued a statement, “…”", "explained Jane Roe, “…”".
    fn cue_lead(&self, open: usize) -> Option<(Range<usize>, Range<usize>)> {
        let toks = self.toks;
        if open < 2 {
            return None;
        }
        let p = open - 1;
        if !(is_punct(&toks[p], ",") || is_punct(&toks[p], ":"))
            || toks[p].paragraph != toks[open].paragraph
        {
            return None;
        }
        let sr = self.sentence_range(p);
        if p <= sr.start || (sr.start..p).any(|k| toks[k].is_quote()) {
            return None;
        }
        if let Some(r) = self.as_put_it(sr.start, p) {
            return Some(r);
        }
        let verb = |k: usize| {
            toks[k].kind.is_wordlike()
                && (self.cue(k).iter().any(|f| f.class != CueClass::Weak)
                    || self.is_read(k)
                    || self.speech_noun(k)
                    || self.put_it(k))
        };
        // "Said Jane Roe, who …, “…”", "But, said Roe, “…”": an inverted
        // cue opening the clause, its source up to the mark.
        let first = if is_punct(&toks[sr.start + 1], ",")
            && matches!(self.lw(sr.start), "but" | "and" | "still")
        {
            sr.start + 2
        } else {
            sr.start
        };
        if first + 1 < p && verb(first) && is_cap(&toks[first + 1]) {
            let src = self.np_right(first + 1, p)?;
            let src = self.extend_source(src, p);
            return (self.trimmed_end(src.start, p) == src.end).then_some((src, first..first + 1));
        }
        // The verb, then a time, a name ("said Tuesday", "explained Jane
        // Roe"), an object ("told reporters") or a place ("saying in a
        // post on Twitter").
        let lo = sr.start.max(p.saturating_sub(9));
        // A base form after an article or a possessive is a noun ("a
        // defiant note", "his retort"); so is a noun of speech in a
        // prepositional phrase ("saying in a post on Twitter:").
        let in_phrase = |k: usize| {
            (k.saturating_sub(3)..k).any(|j| self.is(j, lx::PREPOSITIONS) && !is_cap(&toks[j]))
        };
        let v = (lo..p).rev().find(|&k| {
            verb(k)
                && !is_cap(&toks[k])
                && (self.speech_noun(k) && !in_phrase(k)
                    || !self.speech_noun(k) && !self.cue_noun(k))
        })?;
        // Inverted: "explained Jane Roe,", "explained local moderator
        // Jane Roe:" (a name, not a day: "said Tuesday,").
        if let Some(src) = self
            .np_right(v + 1, p)
            .filter(|r| r.end == p && r.clone().any(|k| is_cap(&toks[k]) && !self.is(k, lx::TIME)))
        {
            return Some((src, v..v + 1));
        }
        // ("put it bluntly", "puts it this way").
        let plain = |k: usize| {
            self.is(k, lx::TIME | lx::TELL_OBJECTS)
                || is_cap(&toks[k])
                || (self.put_it(v) && toks[k].kind == TokenKind::Word && self.cue(k).is_empty())
        };
        let place = v + 2 < p
            && self.is(v + 1, lx::PREPOSITIONS)
            && (v + 1..p).all(|k| toks[k].kind.is_wordlike() && self.cue(k).is_empty());
        if !place && (v + 4 < p || !(v + 1..p).all(plain)) {
            return None;
        }
        self.lead_verb_source(sr.start, v, p)
    }

    /// The source and cue of the lead-in verb (or noun of speech) at `v`
    /// before the mark `p`, in the sentence starting at `ss`
    /// ([`Ctx::cue_lead`]).
    fn lead_verb_source(
        &self,
        ss: usize,
        v: usize,
        p: usize,
    ) -> Option<(Range<usize>, Range<usize>)> {
        let toks = self.toks;
        let ing = self.lw(v).ends_with("ing");
        // "he began by saying, “…”": the subject of the verb before "by".
        if ing
            && v >= ss + 2
            && matches!(self.lw(v - 1), "by" | "upon")
            && (self.lw(v - 2).ends_with("ed") || self.is(v - 2, lx::SUBJECT_VERBS))
            && let Some(src) = self
                .source_left(v - 2, ss)
                .filter(|r| is_cap(&toks[r.start]) || self.is(r.start, lx::SUBJECT_PRONOUNS))
        {
            return Some((src, v - 2..v + 1));
        }
        let with = |r: &Range<usize>| r.start > ss && self.lw(r.start - 1) == "with";
        let src = if ing
            && let Some(r) = self
                .np_left(v, ss)
                .filter(|r| self.is_read(v) || with(r))
                .or_else(|| self.source_left(v, ss).filter(with))
        {
            // "wore a hat reading, “…”": the thing that reads; "with
            // one of her ads asking, “…”", "with the coach reportedly
            // yelling:": the subject of the participle.
            r
        } else if ing || self.speech_noun(v) {
            self.clause_subject(ss, v, p + 1)?
        } else {
            let src = self.source_left(v, ss);
            // "The senator delivered a snappy retort:", "The banner over the
            // stage reads:": a phrase after a past form or a preposition
            // is no subject (the colon lead-in takes the clause).
            if src.as_ref().is_some_and(|r| {
                let k = r.start.saturating_sub(1);
                r.start > ss
                    && toks[k].kind == TokenKind::Word
                    && !is_cap(&toks[k])
                    && (self.lw(k).ends_with("ed") || self.is(k, lx::PREPOSITIONS))
            }) {
                return None;
            }
            src.or_else(|| self.clause_subject(ss, v, p + 1))?
        };
        let mut src = self.with_cue_noun(src, p);
        if self.lw(src.start) == "as" {
            src.start += 1;
        }
        if src.end > v || src.is_empty() {
            return None;
        }
        let cue_start = if ing || self.speech_noun(v) {
            src.end
        } else {
            v
        };
        Some((src, cue_start.min(v)..v + 1))
    }

    /// "As Jane Roe put it, “…”", "Or, as the mayor puts it in his
    /// memo:": the phrase between "as" and "put it", the clause ending at
    /// the mark `p`.
    fn as_put_it(&self, ss: usize, p: usize) -> Option<(Range<usize>, Range<usize>)> {
        let lo = ss.max(p.saturating_sub(30));
        let put = (lo + 1..p)
            .rev()
            .find(|&k| matches!(self.lw(k), "put" | "puts") && self.lw(k + 1) == "it")?;
        let a = (lo..put).rev().find(|&k| self.lw(k) == "as")?;
        if !(a == ss || is_punct(&self.toks[a - 1], ",") || (a == ss + 1 && self.lw(ss) == "or")) {
            return None;
        }
        self.np_right(a + 1, put)?;
        let end = self.trimmed_end(a + 1, put);
        let clean = |k: usize| {
            !self.toks[k].is_quote() && (self.cue(k).is_empty() || is_cap(&self.toks[k]))
        };
        if end <= a + 1 || end - a > 20 || !(a + 1..end).all(clean) || !(put + 2..p).all(clean) {
            return None;
        }
        Some((a + 1..end, put..put + 2))
    }

    /// The subject of the clause holding the verb at `v`, after an
    /// introductory phrase that ends with a comma ("An hour afterwards,
    /// the mayor posted a message saying", "Immediately after the vote,
    /// the mayor issued a statement").
    /// (`hi` bounds the phrase, which [`Ctx::subject`] cuts before its verb.)
    fn clause_subject(&self, ss: usize, v: usize, hi: usize) -> Option<Range<usize>> {
        if let Some(c) = (ss + 1..v).rev().find(|&k| is_punct(&self.toks[k], ","))
            && c + 1 < v
            && (is_cap(&self.toks[c + 1]) || self.is(c + 1, lx::SUBJECT_PRONOUNS | lx::DETERMINERS))
            && let Some(r) = self
                .subject(c + 1, hi)
                .filter(|r| r.start == c + 1 && r.end <= v)
        {
            return Some(r);
        }
        self.subject(ss, hi)
            .filter(|r| r.end <= v)
            .or_else(|| self.subject(ss, v))
    }

    /// The source and cue of "read" after the quotation closing at `c`:
    /// "“…,” the editorial read.", "“…,” it reads.", "“…,” reads a
    /// Wednesday editorial in the paper."
    fn read_after(&self, c: usize) -> Option<(Range<usize>, Range<usize>)> {
        let toks = self.toks;
        let n = toks.len();
        let mut a = c + 1;
        if a < n && is_punct(&toks[a], ",") {
            a += 1;
        }
        if a >= n || toks[a].paragraph != toks[c].paragraph {
            return None;
        }
        let se = self.sentence_range(a).end;
        let end = self.trimmed_end(a, se);
        if self.is_read(a) {
            let src = self.np_right(a + 1, end)?;
            // "read the statement, which was signed by Roe": the
            // document without its relative clause.
            if src.end + 1 < end
                && is_punct(&toks[src.end], ",")
                && matches!(self.lw(src.end + 1), "which" | "that")
            {
                return Some((src, a..a + 1));
            }
            let mut src = self.extend_source(src, end);
            // "reads an editorial in the Courier": with its place.
            if src.end < end
                && self.is(src.end, lx::PREPOSITIONS)
                && end - src.end <= 8
                && (src.end..end).all(|k| self.toks[k].kind.is_wordlike() && self.cue(k).is_empty())
            {
                src = src.start..end;
            }
            return (src.end == end).then_some((src, a..a + 1));
        }
        let v = (a + 1..end.min(a + 6)).find(|&k| self.is_read(k))?;
        if v + 1 != end {
            return None;
        }
        let src = self.np_left(v, a).filter(|r| r.start == a)?;
        Some((src, v..v + 1))
    }

    /// The source and cue of a short clause after the quotation closing
    /// at `c` whose verb is no cue of the verb patterns: a weak cue or a
    /// past form ("“…” Bozell answers.", "“…” some protesters chanted,
    /// three days after …", "“…” the senator shot back.").
    fn tail_after(&self, open: usize, c: usize) -> Option<(Range<usize>, Range<usize>)> {
        let toks = self.toks;
        let n = toks.len();
        let mut a = c + 1;
        if a < n && is_punct(&toks[a], ",") {
            a += 1;
        }
        // The quotation opens its sentence and ends with a comma, a
        // question or an exclamation that the tail goes on from.
        let ends = c > open + 1 && matches!(toks[c - 1].text, "," | "?" | "!");
        if a >= n
            || toks[a].paragraph != toks[c].paragraph
            || !ends
            || !(self.sentence_range(open).start == open || self.line_start(open))
            || self.sentence_range(a).start > c
        {
            return None;
        }
        let se = self.sentence_range(a).end;
        let verb = |v: usize| {
            let w = self.lw(v);
            toks[v].kind == TokenKind::Word
                && !is_cap(&toks[v])
                && !self.is(v, lx::AUX | lx::PASSIVE_AUX)
                && (!self.cue(v).is_empty() || w.ends_with("ed") || self.is(v, lx::SUBJECT_VERBS))
        };
        // Inverted: "“…,” reacted the coach.", "“…,” remembered Jane Roe, a
        // former spokeswoman."
        if a + 1 < se && verb(a) && is_cap(&toks[a + 1]) {
            let src = self.np_right(a + 1, se)?;
            let src = self.extend_source(src, se);
            return (self.trimmed_end(src.start, se) == src.end).then_some((src, a..a + 1));
        }
        let brk = (a..se).find(|&k| is_punct(&toks[k], ",")).unwrap_or(se);
        let end = self.trimmed_end(a, brk);
        if end <= a + 1 || end - a > 10 {
            return None;
        }
        let src = self
            .subject(a, end + 1)
            .filter(|r| r.start == a && r.end < end)?;
        let src = self.with_cue_noun(src, end);
        let speaker = is_cap(&toks[a]) || self.is(a, lx::DETERMINERS | lx::SUBJECT_PRONOUNS);
        let v = src.end;
        let rest_ok = (v + 1..end).all(|k| !toks[k].is_quote() && self.cue(k).is_empty());
        (speaker && verb(v) && rest_ok).then_some((src, v..v + 1))
    }

    /// The subject and verb phrase of the clause that the quotation at
    /// `open` completes, with no reporting verb: "Moore thanked him for
    /// “…”", "He voiced a wish for a “…” Mexico", "Huckabee is labeling
    /// the actions “…”".
    fn clause_end_quote(&self, open: usize) -> Option<(Range<usize>, Range<usize>)> {
        let toks = self.toks;
        let sr = self.sentence_range(open);
        if open < sr.start + 3
            || !toks[open - 1].kind.is_wordlike()
            || (sr.start..open).any(|k| toks[k].is_quote() || is_punct(&toks[k], ":"))
        {
            return None;
        }
        let src = self.clause_subject(sr.start, open, open + 1)?;
        let head = src.start;
        let w = self.lw(head);
        // (Not a participle opening the sentence, "Asked whether …", nor
        // "it" or "there".)
        let speaker_like = (is_cap(&toks[head])
            || self.is(head, lx::DETERMINERS | lx::SUBJECT_PRONOUNS))
            && !(src.len() == 1 && (w.ends_with("ed") || w.ends_with("ing")))
            && !matches!(w, "it" | "there" | "that" | "which");
        // A verb first (no copula, auxiliary or preposition: "He is now
        // host of “…”", "Her use of “…”"), and no subordinate clause
        // ("… because “…”").
        let verb_phrase = src.end < open
            && !is_cap(&toks[src.end])
            && toks[src.end].kind == TokenKind::Word
            && !self.is(src.end, lx::AUX | lx::PASSIVE_AUX | lx::PREPOSITIONS)
            && (src.end..open).all(|k| {
                (toks[k].kind.is_wordlike()
                    && !matches!(
                        self.lw(k),
                        "because" | "when" | "if" | "since" | "while" | "that" | "who" | "whether"
                    ))
                    || is_punct(&toks[k], ",")
            })
            && open - src.end <= 10;
        (speaker_like && verb_phrase).then(|| (src.clone(), src.end..open))
    }

    /// Whether the cue form at `k` is a noun: a base form after an
    /// article or a possessive ("a defiant note", "his retort", "the note
    /// says").
    fn cue_noun(&self, k: usize) -> bool {
        let det = |j: usize| {
            matches!(
                self.lw(j),
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
            )
        };
        self.word(k).is_some_and(|w| w.base) && ((k > 0 && det(k - 1)) || (k > 1 && det(k - 2)))
    }

    /// `src` with the noun that a phrase walk stopped at because it is
    /// also a cue form ("the note" in "the note says").
    fn with_cue_noun(&self, src: Range<usize>, hi: usize) -> Range<usize> {
        if src.end + 1 < hi && self.cue_noun(src.end) && !self.toks[src.end + 1].is_quote() {
            src.start..src.end + 1
        } else {
            src
        }
    }

    /// Whether token `k` is "put" or "puts" before "it" ("Roe put it
    /// bluntly:").
    fn put_it(&self, k: usize) -> bool {
        matches!(self.lw(k), "put" | "puts") && self.lw(k + 1) == "it"
    }

    /// Whether token `k` is a form of "read" (the verb of a document's words).
    fn is_read(&self, k: usize) -> bool {
        self.toks[k].kind.is_wordlike() && matches!(self.lw(k), "read" | "reads" | "reading")
    }

    /// Whether token `k` is a noun of speech that a quotation may follow
    /// after a comma ("issued a statement, “…”").
    pub(super) fn speech_noun(&self, k: usize) -> bool {
        self.toks[k].kind.is_wordlike()
            && matches!(
                self.lw(k),
                "statement" | "message" | "tweet" | "post" | "email" | "e-mail" | "memo" | "letter"
            )
    }
}
