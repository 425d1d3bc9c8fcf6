//! Contents: what was said, before a cue (`Ctx::content_before`, "**The
//! deal is dead,** she said") or after it (`Ctx::content_after`, "she told
//! reporters **that the deal is dead**"); a content cut before a second
//! speaker (`Ctx::cut_before_nested`, "X said C, **while Y insisted C2**");
//! a short tail after a source (`Ctx::short_tail`, "she said **on Monday**");
//! a quotation resuming after its source (`Ctx::quote_after`, "“A,” she
//! said, **“B.”**"); and the content-cue-source attribution
//! (`Ctx::content_cue_source`).

use std::ops::Range;

use newsnlp_tokenize::TokenKind;

use super::{Ctx, Found, MAX_SOURCE, Pattern, THAT_WINDOW, is_cap, is_final_punct, is_punct};

/// How far into a content the rules that end it early (a dash clause, ",
/// which", a second verb) look: far past any sentence of news, so that a
/// megabyte with no sentence break costs each cue no more than this.
const CLAUSE_SCAN: usize = 400;
use newsnlp_text::words::Classes;

use crate::lexicon::{self as lx, CueClass, PatternWords};

impl<'a, 't> Ctx<'a, 't> {
    /// The content before the separator at `sep` (a comma, a dash or a
    /// closing quote mark), back to the sentence start or the quotation.
    pub(super) fn content_before(
        &self,
        sep: usize,
        sent_start: usize,
    ) -> Option<(Range<usize>, Option<usize>)> {
        let t = &self.toks[sep];
        let mut p = sep;
        if t.kind != TokenKind::CloseQuote
            && p > 0
            && self.toks[p - 1].kind == TokenKind::CloseQuote
        {
            p -= 1;
        }
        if self.toks[p].kind == TokenKind::CloseQuote
            && let Some(q) = self.quote_of(p)
            && self.quotes[q].close == Some(p)
        {
            if self.named_term(q) {
                // "A group known as “the Nine” said …": a name, not words
                // of the source.
                return None;
            }
            let qq = &self.quotes[q];
            // "Not paying taxes “makes me smart,” he said": the words of
            // the clause before the quotation are reported too (a mixed
            // quote).
            if let Some(a) = self.clause_lead(sent_start, qq.open) {
                return Some((a..p + 1, None));
            }
            return Some((qq.open..p + 1, Some(q)));
        }
        // A sentence that starts inside a quotation opened earlier.
        if let Some(q) = self.quote_of(sent_start)
            && self.quotes[q].open < sent_start
            && self.quotes[q].end >= sep
        {
            let qq = &self.quotes[q];
            return Some((qq.open..qq.close.map_or(qq.end, |c| c + 1), Some(q)));
        }
        let mut a = self.after_dateline(sent_start, sep);
        while a < sep && (self.toks[a].kind == TokenKind::Dash || is_punct(&self.toks[a], "(")) {
            a += 1;
        }
        let e = self.trimmed_end(a, sep);
        (e > a && !self.intro_phrase(a, e)).then_some((a..e, None))
    }

    /// Whether `a..e` is an introductory phrase, not a clause: a short
    /// stretch opening with a preposition, a day, or a word before a time
    /// noun ("This week, the president said", "Through a spokesman, he
    /// said", "And until Thursday, Trump said").
    fn intro_phrase(&self, a: usize, e: usize) -> bool {
        let mut k = a;
        if matches!(self.lw(k), "and" | "but") {
            k += 1;
        }
        k < e
            && e - a <= 6
            && (self.is(k, lx::PREPOSITIONS | lx::DAYS)
                || (k + 1 < e && self.is(k + 1, lx::TIME_NOUNS | lx::DAYS)))
            && (k..e).all(|x| self.cue(x).is_empty() && !self.is(x, lx::AUX))
    }

    /// Where the clause starts when words of it come before the quotation
    /// opening at `open` in the sentence starting at `ss` ("Not paying
    /// taxes “makes me smart”"): none when the quotation opens the
    /// sentence, or the words before it hold a cue, a colon, a dash or
    /// another quotation (they are an attribution or a lead-in of their
    /// own).
    pub(super) fn clause_lead(&self, ss: usize, open: usize) -> Option<usize> {
        let mut a = self.after_dateline(ss, open);
        // Symbols before the clause (emoji, bullets) are not its words.
        let has_letters = |k: usize| self.toks[k].text.chars().any(char::is_alphabetic);
        while a < open && !has_letters(a) {
            a += 1;
        }
        if open <= a || open - a > 25 || self.in_any_quote(a) {
            return None;
        }
        // Words and commas only: markup, brackets and symbols are no
        // clause ("<script>alert(1)</script> & “Fine,”").
        let clean = (a..open).all(|k| {
            let t = &self.toks[k];
            (t.kind.is_wordlike() || is_punct(t, ",")) && (is_cap(t) || self.cue(k).is_empty())
        });
        clean.then_some(a)
    }

    /// The content after a cue ending at `c1`.
    pub(super) fn content_after(
        &self,
        c1: usize,
        sent_end: usize,
        class: CueClass,
        lemma: &str,
    ) -> Option<(Range<usize>, Option<usize>)> {
        let n = self.toks.len();
        let mut j = c1;
        // Colon at the end of a paragraph: the quotation is the next one.
        if j < n && is_punct(&self.toks[j], ":") {
            j += 1;
            if j >= sent_end
                && j < n
                && self.toks[j].kind == TokenKind::OpenQuote
                && let Some(q) = self.quote_of(j)
            {
                let qq = &self.quotes[q];
                return Some((qq.open..qq.close.map_or(qq.end, |c| c + 1), Some(q)));
            }
        } else if j < n && is_punct(&self.toks[j], ",") {
            j += 1;
        } else if let Some(k) = self.adverbial_before_quote(j, sent_end) {
            j = k;
        }
        if j >= sent_end {
            return None;
        }
        // "said Tuesday that", "told reporters that".
        let mut found_that = None;
        let stop = (j + THAT_WINDOW).min(sent_end);
        let tell_like = Classes::of(lemma).intersects(lx::TELL_VERBS);
        let adverbial = j < sent_end && self.is(j, lx::PREPOSITIONS) && !is_cap(&self.toks[j]);
        for k in j..stop {
            let w = self.lw(k);
            if w == "that" && self.toks[k].kind.is_wordlike() {
                found_that = Some(k);
                break;
            }
            let t = &self.toks[k];
            // "told the committee on Monday that": an object comes first;
            // "said at a campaign event last week that": an adverbial.
            // "in a 42-page opinion that": numbers and hyphens inside it.
            let inner = t.kind == TokenKind::Number || (t.text == "-" && !t.space_before);
            let object = (tell_like || adverbial)
                && ((t.kind.is_wordlike() && self.cue(k).is_empty()) || inner);
            let ok = object
                || (t.kind.is_wordlike() && (self.is(k, lx::TIME | lx::TELL_OBJECTS) || is_cap(t)))
                || is_punct(t, ",");
            if !ok {
                break;
            }
        }
        if let Some(k) = found_that {
            j = k;
        } else {
            if class == CueClass::Weak && self.toks[j].kind != TokenKind::OpenQuote {
                return None;
            }
            if tell_like {
                let mut k = j;
                while k < sent_end && k < j + 6 && self.toks[k].kind.is_wordlike() {
                    let det = self.is(k, lx::DETERMINERS);
                    let object = (self.is(k, lx::TELL_OBJECTS) && !det)
                        || is_cap(&self.toks[k])
                        || (det && self.toks.get(k + 1).is_some_and(is_cap));
                    if !object {
                        break;
                    }
                    k += 1;
                }
                if k < sent_end && (is_punct(&self.toks[k], ",") || is_punct(&self.toks[k], ":")) {
                    k += 1;
                }
                j = k;
            }
        }
        if j >= sent_end {
            return None;
        }
        if self.toks[j].kind == TokenKind::OpenQuote
            && let Some(q) = self.quote_of(j)
            && !self.quotes[q].single
        {
            let qq = &self.quotes[q];
            let qend = qq.close.map_or(qq.end, |c| c + 1);
            // The quotation is the content when nothing of the clause
            // follows it.
            let after = self.trimmed_end(qend, sent_end.max(qend));
            if after <= qend || qq.close.is_none_or(|c| c + 1 >= sent_end) {
                return Some((qq.open..qend, Some(q)));
            }
        }
        let brk = self.next_break(j).unwrap_or(n);
        let mut e = sent_end.min(brk.max(j + 1));
        if class == CueClass::Belief && found_that.is_none() {
            e = self.object_end(j, e);
        }
        e = self.end_at_dash_clause(j, e);
        e = self.end_before_coordinated_attribution(j, e);
        if found_that.is_none() {
            e = self.end_before_which(j, e);
        }
        if found_that.is_none() && e > j + 1 && self.object_preposition(j) {
            j += 1;
        }
        // "Farmers warned that C, officials said.": the content ends before
        // the sentence-final attribution.
        e = self.end_before_final_attribution(j, e)?;
        // A quotation opened inside the content runs on past the sentence.
        if e > j
            && let Some(q) = self.quote_of(e - 1)
            && self.quotes[q].open >= j
            && !self.quotes[q].single
        {
            e = e.max(self.quotes[q].close.map_or(self.quotes[q].end, |c| c + 1));
        }
        let e = self.trimmed_end(j, e);
        // "was rejected | at the High Court", "a ruling that residents
        // hailed | as a victory": a cue with no object of its own, whose
        // words after it are an adjunct or a complement, says nothing
        // here (unless a quotation follows in them).
        let adjunct = found_that.is_none()
            && j == c1
            && matches!(self.lw(j), "as" | "at" | "during")
            && !is_cap(&self.toks[j])
            && !(j..e).any(|k| self.toks[k].kind == TokenKind::OpenQuote);
        (e > j && !adjunct).then_some((j..e, None))
    }

    /// Where a content from `j` to `e` ends when the sentence closes with
    /// an attribution of its own (", officials said."): at its comma, or
    /// before the quotation that comma ends (`… weak - “Q,” she said.`:
    /// the quotation is that attribution's content); `None` when too little
    /// comes before that quotation to report ("want to “Q,” X said").
    fn end_before_final_attribution(&self, j: usize, e: usize) -> Option<usize> {
        let Some(comma) = self.final_attribution(j, e) else {
            return Some(e);
        };
        let mut e = e.min(comma.max(j + 1));
        if let Some(q) = self.quote_of(comma)
            && self.quotes[q].close == Some(comma + 1)
            && self.quotes[q].open > j
        {
            let open = self.quotes[q].open;
            (j..open)
                .filter(|&k| self.toks[k].kind.is_wordlike())
                .nth(1)?;
            e = e.min(open);
        }
        Some(e)
    }

    /// Where the quotation starts after an adverbial that follows a cue
    /// ending at `j` ("said at a town hall on Monday, “Q”"), if one does.
    fn adverbial_before_quote(&self, j: usize, sent_end: usize) -> Option<usize> {
        let k = (j + 1..sent_end.min(j + 13)).find(|&k| {
            (is_punct(&self.toks[k], ",") || is_punct(&self.toks[k], ":"))
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| t.kind == TokenKind::OpenQuote)
        })?;
        self.short_tail(j, k).then_some(k + 1)
    }

    /// Where an object content from `j` to `e` ends: before a time
    /// adjunct ("endorsed the mayor **last week**"), unless it holds an
    /// infinitive or an auxiliary, a clause of its own.
    fn object_end(&self, j: usize, e: usize) -> usize {
        let e = (j + 1..e)
            .find(|&k| {
                is_punct(&self.toks[k], ",")
                    && matches!(self.lw(k + 1), "who" | "which" | "where")
                    && !self.in_any_quote(k)
            })
            .unwrap_or(e);
        // "claimed self-defense **and was** acquitted", "called the deal a
        // failure **and ranked** its author last": a second verb of the
        // subject ends the object.
        let e = (j + 1..e.min(j + CLAUSE_SCAN))
            .find(|&k| {
                matches!(self.lw(k), "and" | "but")
                    && self.second_verb_at(k + 1)
                    && !self.in_any_quote(k)
            })
            .unwrap_or(e);
        match (j + 1..e).find(|&k| self.time_adjunct_at(k)) {
            Some(a) if !(j..a).any(|k| self.lw(k) == "to" || self.is(k, lx::AUX)) => a,
            _ => e,
        }
    }

    /// Where a content from `j` to `e` ends before a spaced dash that opens
    /// a clause of the writer's: a conjunction, a subordinator or a
    /// relative word after it ("endorsed none of it **- but** it has not
    /// hurt them", "called for a boycott **— and** the league denounced
    /// it"), outside quotations.
    fn end_at_dash_clause(&self, j: usize, e: usize) -> usize {
        (j + 1..e.min(j + CLAUSE_SCAN))
            .find(|&k| {
                let t = &self.toks[k];
                (t.kind == TokenKind::Dash || matches!(t.text, "-" | "--" | "—" | "–"))
                    && t.space_before
                    && matches!(
                        self.lw(k + 1),
                        "and"
                            | "but"
                            | "or"
                            | "while"
                            | "although"
                            | "though"
                            | "as"
                            | "when"
                            | "which"
                            | "who"
                    )
                    && !self.in_any_quote(k)
            })
            .unwrap_or(e)
    }

    /// Where a content from `j` to `e` ends before a clause of its own
    /// with its own reporting verb, joined by ", and" or ", but" ("expect
    /// levels to stay low**, and shipping firms say** they …"): a plain
    /// noun phrase of up to four words, then a finite cue. Outside
    /// quotations.
    fn end_before_coordinated_attribution(&self, j: usize, e: usize) -> usize {
        (j + 1..e.min(j + CLAUSE_SCAN))
            .find(|&k| {
                is_punct(&self.toks[k], ",")
                    && matches!(self.lw(k + 1), "and" | "but")
                    && !self.in_any_quote(k)
                    && (k + 3..(k + 7).min(e)).any(|v| {
                        self.cue(v)
                            .iter()
                            .any(|f| !f.ing && f.class != CueClass::Weak)
                            && (k + 2..v).all(|w| {
                                let t = &self.toks[w];
                                t.kind.is_wordlike()
                                    && self.cue(w).is_empty()
                                    && !self
                                        .is(w, lx::AUX | lx::PREPOSITIONS | lx::SUBJECT_PRONOUNS)
                            })
                    })
            })
            .unwrap_or(e)
    }

    /// Where a content without "that" from `j` to `e` ends: before a
    /// relative clause opened by ", which" outside quotations ("said the
    /// budget favours the ferry line**, which** opened in June"), mostly
    /// the writer's aside. A that-clause keeps it.
    fn end_before_which(&self, j: usize, e: usize) -> usize {
        (j + 1..e.min(j + CLAUSE_SCAN))
            .find(|&k| {
                is_punct(&self.toks[k], ",")
                    && self.lw(k + 1) == "which"
                    && !self.in_any_quote(k)
                    && !self.main_verb_after_relative(k + 1, e)
            })
            .unwrap_or(e)
    }

    /// Whether the relative clause opened at `which` closes with a comma
    /// before `e` and an auxiliary follows it: the clause interrupts the
    /// content's subject ("said the current system**, which** relies on
    /// long drives**, was** failing rural families").
    fn main_verb_after_relative(&self, which: usize, e: usize) -> bool {
        (which + 2..e)
            .find(|&k| is_punct(&self.toks[k], ","))
            .is_some_and(|c| c + 1 < e && self.is(c + 1, lx::AUX) && !is_cap(&self.toks[c + 1]))
    }

    /// Whether the object content starting at token `j` opens with a
    /// preposition that belongs to the verb ("agrees **with** the mayor",
    /// "spoke **about** the budget", "voted **against** the bill"): the
    /// content is its object. Not a time adjunct ("on Tuesday").
    fn object_preposition(&self, j: usize) -> bool {
        matches!(
            self.lw(j),
            "with" | "about" | "for" | "against" | "of" | "on"
        ) && !is_cap(&self.toks[j])
            && !self.time_adjunct_at(j)
            && self.toks.get(j + 1).is_some_and(|t| t.kind.is_wordlike())
    }

    /// Whether token `k` is a lowercase auxiliary or "-ed" verb, the
    /// second verb of a subject after "and" ([`Ctx::object_end`]).
    fn second_verb_at(&self, k: usize) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| t.kind.is_wordlike() && !is_cap(t))
            && (self.is(k, lx::AUX) || (self.lw(k).ends_with("ed") && !self.is(k, lx::DETERMINERS)))
    }

    /// Whether a time adjunct starts at token `k`: a day ("Tuesday", "on
    /// Tuesday"), a span ("last week", "earlier this year") or a month or
    /// year after "in" ("in June", "in early June", "in 2008").
    fn time_adjunct_at(&self, k: usize) -> bool {
        let t = &self.toks[k];
        // The words below are of 2, 4, 5 or 7 letters: others are only
        // days, read from the word classes without the lowercased text.
        if !t.kind.is_wordlike() || !matches!(t.text.len(), 2 | 4 | 5 | 7) {
            return t.kind.is_wordlike() && self.is(k, lx::DAYS);
        }
        if is_cap(t) && !self.is(k, lx::DAYS | lx::MONTHS) {
            return false;
        }
        let w = self.lw(k);
        let next = k + 1;
        match w {
            "on" => self.is(next, lx::DAYS),
            "in" => {
                let m = if matches!(self.lw(next), "early" | "late" | "mid") {
                    next + 1
                } else {
                    next
                };
                m < self.toks.len() && self.in_year_or_month(m).is_some()
            }
            "last" | "this" | "next" | "earlier" | "later" => self.is(next, lx::TIME_NOUNS),
            _ => self.is(k, lx::DAYS),
        }
    }

    /// The comma that opens a sentence-final attribution of the clause
    /// before it (", observers said.", ", said a spokesman."), in the
    /// sentence ending at `se`, after token `from`: the clause is the
    /// content of that attribution, not of a cue inside it.
    pub(super) fn final_attribution(&self, from: usize, se: usize) -> Option<usize> {
        let end = self.trimmed_end(from, se);
        let lo = from.max(end.saturating_sub(MAX_SOURCE + 4));
        let comma = (lo..end).rev().find(|&k| is_punct(&self.toks[k], ","))?;
        // The comma may end a quotation: `“…,” the mayor said`.
        let k = if self
            .toks
            .get(comma + 1)
            .is_some_and(|t| t.kind == TokenKind::CloseQuote)
        {
            comma + 2
        } else {
            comma + 1
        };
        let speech = |c: usize| self.speech_form(c) && !is_cap(&self.toks[c]);
        // ", said NP": the cue first.
        if k < end && speech(k) {
            let src = self.np_right(k + 1, end)?;
            return self.short_tail(src.end, se).then_some(comma);
        }
        // ", NP said": the source first.
        let c = (k + 1..end.min(k + MAX_SOURCE)).find(|&c| speech(c))?;
        let src = self.np_left(c, k)?;
        (src.start == k && self.short_tail(c + 1, se)).then_some(comma)
    }

    /// Where the object of a verb of telling starting at `c1` ends ("told
    /// **a Senate panel** Wednesday", "told **her**", "told **The Wall
    /// Street Journal**"); `c1` for other verbs or without an object.
    pub(super) fn past_tell_object(&self, lemma: &str, c1: usize, se: usize) -> usize {
        if c1 >= se || !Classes::of(lemma).intersects(lx::TELL_VERBS) {
            return c1;
        }
        if matches!(self.lw(c1), "her" | "him" | "them" | "us" | "me" | "you") {
            return c1 + 1;
        }
        self.np_right(c1, se).map_or(c1, |r| r.end)
    }

    /// Whether the tokens `a..b` can close an attribution after its source:
    /// a short adverbial tail without a clause of its own.
    pub(super) fn short_tail(&self, a: usize, b: usize) -> bool {
        if b.saturating_sub(a) > 12 {
            return false;
        }
        // A tail that opens a clause ("Reid said he would") is content.
        if a < b {
            let w = self.lw(a);
            let t = &self.toks[a];
            let adverbial = self.is(a, lx::TAIL_WORDS)
                || w.ends_with("ly")
                || is_final_punct(t)
                || is_punct(t, ",")
                || t.kind == TokenKind::Dash
                || is_punct(t, "(");
            if !adverbial {
                return false;
            }
        }
        for i in a..b {
            let t = &self.toks[i];
            if t.kind == TokenKind::OpenQuote || self.lw(i) == "that" {
                return false;
            }
            if is_punct(t, ",") || is_punct(t, ":") {
                return i + 1 >= b || self.toks[i + 1].kind == TokenKind::OpenQuote;
            }
        }
        true
    }

    /// Cuts reported content before ", while|whereas|but|though NAME CUE" (a
    /// second speaker's attribution joined to the first), so that the
    /// second one is found on its own. Looks at the first 80 tokens of the
    /// content only, so the cost per attribution is bounded.
    pub(super) fn cut_before_nested(&self, content: Range<usize>) -> Range<usize> {
        for k in content.start..content.end.min(content.start + 80) {
            if k > content.start && self.second_participle_at(k, content.end) {
                return content.start..k;
            }
            if !is_punct(&self.toks[k], ",") {
                continue;
            }
            // The comma may sit inside a closing quote mark: `honest,” while`.
            let mut j = k + 1;
            if j < content.end && self.toks[j].kind == TokenKind::CloseQuote {
                j += 1;
            }
            if j + 2 >= content.end
                || !matches!(
                    self.lw(j),
                    "while" | "whereas" | "but" | "though" | "although" | "and"
                )
            {
                continue;
            }
            let subject = &self.toks[j + 1];
            // A subject: a name, a pronoun, a determiner or a share
            // ("and nearly 3 in 10 said …").
            let named = is_cap(subject)
                || self.is(j + 1, lx::SUBJECT_PRONOUNS | lx::DETERMINERS)
                || self.is_count(j + 1)
                || self.share_modifier(j + 1);
            let cue = (j + 2..(j + 6).min(content.end)).any(|m| !self.cue(m).is_empty());
            if named && cue {
                return content.start..j.max(content.start + 1);
            }
        }
        content
    }

    /// Whether a second participle clause with its own subject starts at
    /// token `k`, before `end` ("with Ruiz accusing the mayor of lying
    /// **and Brandt calling** the plan “a disaster”"): "and", a name (not
    /// one of two coordinated subjects, "Ruiz and Brandt were …"), and
    /// right after it a cue in "-ing".
    fn second_participle_at(&self, k: usize, end: usize) -> bool {
        if self.lw(k) != "and" || is_cap(&self.toks[k - 1]) {
            return false;
        }
        let name_end = (k + 1..end.min(k + 5))
            .find(|&m| !is_cap(&self.toks[m]))
            .unwrap_or(end);
        name_end > k + 1
            && name_end < end
            && self.lw(name_end).ends_with("ing")
            && !self.cue(name_end).is_empty()
    }

    /// Ends a content after the cue `cue` at the comma that closes the
    /// subordinate clause opening the sentence at `ss`, when the cue is in
    /// that clause ("While critics argue **that the plan costs too
    /// much**, the mayor says …", "Even though she said **she would
    /// stay**, …"), also after a comma or "and" ("In June, after the
    /// board said **it would sell**, …"): what follows the comma is the
    /// main clause. Looks back at most 30 tokens from the cue and at the
    /// first 80 tokens of the content only.
    pub(super) fn cut_at_main_clause(
        &self,
        ss: usize,
        cue: &Range<usize>,
        content: Range<usize>,
    ) -> Range<usize> {
        if content.start < cue.end || cue.start <= ss {
            return content;
        }
        let outside_comma = |k: usize| is_punct(&self.toks[k], ",") && !self.in_any_quote(k);
        // The clause holding the cue opens at the sentence start or after
        // the last comma before the cue ("In June, after the board said
        // …"); a short clause only, so the look back is bounded.
        let lo = ss.max(cue.start.saturating_sub(30));
        let open = match (lo..cue.start).rev().find(|&k| outside_comma(k)) {
            Some(k) => k + 1,
            None if lo == ss => self.after_dateline(ss, cue.start),
            None => return content,
        };
        let mut a = open;
        if matches!(self.lw(a), "and" | "but" | "even") {
            a += 1;
        }
        // … or after "and" or "but" in it ("and when the panel asked …").
        let Some(sub) = (a..cue.start).find(|&k| self.marked(k, PatternWords::SUBORDINATORS))
        else {
            return content;
        };
        if self.in_any_quote(sub) || !(sub == a || matches!(self.lw(sub - 1), "and" | "but")) {
            return content;
        }
        // The comma may close a quotation opened in the content:
        // `said the deal was “fair, if late,” the unions …`.
        let closing = |k: usize| {
            is_punct(&self.toks[k], ",")
                && self.quote_of(k).is_some_and(|q| {
                    self.quotes[q].close == Some(k + 1) && self.quotes[q].open >= content.start
                })
        };
        let hi = content.end.min(content.start + 80);
        let end = (content.start + 1..hi).find_map(|k| {
            if outside_comma(k) {
                Some(k)
            } else {
                closing(k).then_some(k + 2)
            }
        });
        match end {
            Some(e) => content.start..self.trimmed_end(content.start, e).max(content.start + 1),
            None => content,
        }
    }

    /// An attribution whose content (a quotation or a clause) comes before
    /// its cue and source ("“Q,” said X", "C, X said"); a quotation that
    /// resumes after token `after` continues it.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn content_cue_source(
        &self,
        content: Range<usize>,
        quote: Option<usize>,
        cue: Option<Range<usize>>,
        src: Range<usize>,
        class: CueClass,
        after: usize,
        se: usize,
    ) -> Found {
        let pattern = if quote.is_some() {
            Pattern::QuoteCueSource
        } else {
            Pattern::ContentCueSource
        };
        Found {
            pattern,
            class,
            content,
            quote,
            // A reported clause ends its attribution: a quotation after it
            // is a continuation of its own (`C, she said. “B.”`).
            quote_end: quote.and_then(|_| self.quote_after(after, se)),
            cue,
            source: Some(src),
            inherit: None,
        }
    }

    /// A quotation that continues an attribution after its source:
    /// `“A,” she said, “B.”` or `“A,” she said. “B.”` in one paragraph.
    pub(super) fn quote_after(&self, from: usize, se: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut k = from;
        // Past a short tail of the attribution: "said Monday", "told
        // Hewitt", "told reporters in Washington".
        while k < se.min(from + 14)
            && (self.toks[k].kind.is_wordlike() || is_punct(&self.toks[k], ","))
        {
            let w = self.lw(k);
            if w == "that" || (!is_cap(&self.toks[k]) && !self.cue(k).is_empty()) {
                return None;
            }
            k += 1;
        }
        if k < n && self.toks[k].kind.is_wordlike() {
            return None;
        }
        // The quotation may go on in the same sentence (`, “B”`) or open
        // the next one (`. “B”`): news style writes both for one speaker.
        while k < n
            && k <= se
            && (is_punct(&self.toks[k], ",")
                || is_punct(&self.toks[k], ":")
                || is_final_punct(&self.toks[k]))
        {
            k += 1;
        }
        if k >= n || self.toks[k].paragraph != self.toks[from.min(n - 1)].paragraph {
            return None;
        }
        if self.toks[k].kind != TokenKind::OpenQuote {
            return None;
        }
        let q = self.quote_of(k)?;
        let qq = &self.quotes[q];
        (qq.open == k && !qq.single && qq.close.is_some() && qq.words(self.toks) > 0).then_some(q)
    }
}
