//! The cue rules: at each token that may be a cue (`Ctx::may_cue`),
//! `Ctx::cue_at` tries the patterns, each in its own function:
//!
//! - the trigger words: "In a poll by …", "Asked whether …", "seems to",
//!   "according to" (the lead-in and "according to" modules);
//! - a participle after a comma: "X said C1, **saying** C2";
//! - content, cue, source: "“Q,” **said X**" / "C, **said X**";
//! - content, source, cue: "“Q,” **X said**" / "C, **X said**";
//! - source, cue, content: "**X said** (that) C", "**X said**, “Q”".

use std::ops::Range;

use newsnlp_tokenize::TokenKind;

use super::{Ctx, Found, Pattern, is_cap, is_final_punct, is_punct};
use crate::lexicon::{self as lx, CueClass, CueForm, PatternWords};

/// The tokens of a relative clause's content searched for the main
/// clause's speech verb ("who asked not to be named | said").
const RELATIVE_CUE_WINDOW: usize = 8;
/// The most capitalized words of a name (with its title) that opens a
/// sentence before its asides.
const NAME_OPENING: usize = 5;

impl<'a, 't> Ctx<'a, 't> {
    /// Whether [`Ctx::cue_at`] can find anything at token `i`: a name and a
    /// colon at the start of a line, one of the words it compares with
    /// (the lexicon's `CUE_TRIGGERS`), or a cue form. A cheap test that skips most
    /// words.
    pub(super) fn may_cue(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| !w.forms.is_empty() || w.trigger)
            || self.line_start(i)
    }

    /// The attribution whose cue starts at token `i`, if any: the trigger
    /// words first, then a reporting verb's patterns in turn.
    // Not inlined: `Ctx::run` calls it at few tokens, and its scan over the
    // others stays small (inlined, it cost that scan 7M more instructions
    // on 1 MB of news).
    #[inline(never)]
    pub(super) fn cue_at(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        if let Some(decided) = self.trigger_at(i, ss, se) {
            return decided;
        }
        // "The plan was criticized by two senators".
        if let Some(f) = self.passive_by(i, ss, se) {
            return Some(f);
        }
        let Some(cue) = self.verb_cue_at(i, ss, se) else {
            // "went on to say C": an infinitive of speech.
            return self.infinitive_speech(i, ss, se);
        };
        // After a comma, also inside a closing mark (`“slow,” adding`).
        let after_comma = i > ss
            && (is_punct(&self.toks[i - 1], ",")
                || (i > ss + 1
                    && self.toks[i - 1].kind == TokenKind::CloseQuote
                    && is_punct(&self.toks[i - 2], ",")));
        if cue.ing && after_comma {
            return self.participle(&cue);
        }
        // Other "-ing" forms need an auxiliary ("is saying"), or a subject
        // after "with" ("with 50 percent saying C").
        if cue.ing && !self.progressive(i, ss) {
            let src = self
                .np_left(i, ss)
                .filter(|r| r.end == i && r.start > ss && self.lw(r.start - 1) == "with");
            return match src {
                Some(src) => self.source_cue_content(&cue, Some(src)),
                // "opened by saying C": a gerund after "by" or "after".
                None if i > ss && matches!(self.lw(i - 1), "by" | "after") => self.gerund(&cue),
                // "a statement saying C": a participle after its noun.
                None => self.noun_participle(&cue),
            };
        }
        if let Some(f) = self.content_cue_source_at(&cue) {
            return Some(f);
        }
        let src = self.source_before_cue(i, ss, cue.class);
        if let Some(src) = src.clone()
            && let Some(f) = self.content_source_cue_at(&cue, src)
        {
            return Some(f);
        }
        if src.is_none() {
            return self.sourceless_speech(&cue);
        }
        self.source_cue_content(&cue, src)
    }

    /// The patterns of the words that are not cue forms
    /// (the cue-trigger words, which [`Ctx::may_cue`] lets through) and of a
    /// name and a colon at the start of a line: `Some` when one of them
    /// decides token `i` (found or not), `None` to go on to the verbs.
    fn trigger_at(&self, i: usize, ss: usize, se: usize) -> Option<Option<Found>> {
        let w = self.lw(i);
        if self.line_start(i)
            && let Some(f) = self.name_colon(i)
        {
            return Some(Some(f));
        }
        if w == "in" && i + 3 < se && self.sentence_initial(i) {
            return Some(self.in_lead(i, se));
        }
        if w == "asked"
            && (self.sentence_initial(i)
                || (i > ss && matches!(self.lw(i - 1), "when" | "after" | "once" | "if" | "as")))
            && let Some(f) = self.asked(i, se)
        {
            return Some(Some(f));
        }
        if matches!(
            w,
            "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"
        ) && !is_cap(&self.toks[i])
        {
            return Some(self.seems(i, ss, se));
        }
        if w == "according" && self.lw(i + 1) == "to" && i + 2 < se {
            return Some(self.according(i, ss, se));
        }
        // "remain skeptical that C", "the belief that C"; when it does
        // not fire, a noun that is a verb form too ("claims", "fears")
        // goes on to the verbs.
        if self.marked(i, PatternWords::ATTITUDE)
            && let Some(f) = self.attitude(i, ss, se)
        {
            return Some(Some(f));
        }
        None
    }

    /// Whether the "-ing" form at token `i` follows a form of "be" ("is
    /// saying"), maybe through adverbs ("is also claiming", "was
    /// repeatedly saying") or contracted onto a pronoun ("he’s claiming",
    /// "they’re saying").
    fn progressive(&self, i: usize, ss: usize) -> bool {
        let mut j = i;
        while j > ss
            && j + 3 > i
            && !self.is(j - 1, lx::PROGRESSIVE_AUX)
            && ((self.is(j - 1, lx::AUX) && self.toks[j - 1].kind.is_wordlike())
                || self.is_ly_adverb(j - 1))
        {
            j -= 1;
        }
        j > ss && (self.is(j - 1, lx::PROGRESSIVE_AUX) || self.contracted_pronoun(j - 1).is_some())
    }

    /// The cue form at token `i` and the token after it: a phrasal form
    /// needs its particle, a plain one must not be followed by a particle
    /// it lacks ("call" vs "call for"); with `past_object`, "it" or a
    /// determiner may stand before the particle ("made it clear", "made
    /// the case").
    pub(super) fn form_at(
        &self,
        i: usize,
        se: usize,
        past_object: bool,
    ) -> Option<(&'a CueForm, usize)> {
        let forms = self.cue(i);
        let next = self.lw(i + 1);
        let skip = past_object && i + 2 < se && (next == "it" || self.is(i + 1, lx::DETERMINERS));
        let after = if skip { self.lw(i + 2) } else { "" };
        if let Some(f) = forms
            .iter()
            .find(|f| f.particle.as_deref() == Some(next) && i + 1 < se)
        {
            return Some((f, i + 2));
        }
        if let Some(f) = forms
            .iter()
            .find(|f| skip && f.particle.as_deref() == Some(after))
        {
            return Some((f, i + 3));
        }
        Some((forms.iter().find(|f| f.particle.is_none())?, i + 1))
    }

    /// The reporting verb at token `i`, with its particle: none when the
    /// word is not a cue form there (a noun or an adjective after a
    /// determiner, part of a name).
    fn verb_cue_at(&self, i: usize, ss: usize, se: usize) -> Option<VerbCue<'a>> {
        let toks = self.toks;
        let forms = self.cue(i);
        if forms.is_empty() {
            return None;
        }
        let (form, c1) = self.form_at(i, se, true)?;
        let next = self.lw(i + 1);
        // "said" as an adjective or a noun after a determiner: not a cue.
        if i > ss {
            let p = self.lw(i - 1);
            if matches!(p, "to" | "of" | "whose")
                || (self.is(i - 1, lx::DETERMINERS)
                    && !matches!(p, "all" | "both" | "others")
                    && !self.is_count(i - 1))
                || (toks[i - 1].kind.is_wordlike()
                    && toks[i - 1].stem().len() < toks[i - 1].text.len()
                    && (p.ends_with("'s") || p.ends_with("’s"))
                    && !matches!(
                        p,
                        "he's" | "she's" | "it's" | "he’s" | "she’s" | "it’s" | "that's" | "that’s"
                    ))
            {
                return None;
            }
        }
        // "758 pledged delegates", "30,000 immigrants expected": a past
        // form right after a count (not a year: "in 2008 asked") is an
        // adjective.
        if i > ss
            && toks[i - 1].kind == TokenKind::Number
            && toks[i].text.ends_with("ed")
            && self.in_year_or_month(i - 1).is_none()
        {
            return None;
        }
        // "self-described", "long-promised": a cue form joined to the word
        // before by a hyphen is part of an adjective.
        if i > ss && self.is_hyphen_joint(i - 1) {
            return None;
        }
        // "known as", "billed as": a name follows, not a report.
        if next == "as" && self.marked(i, PatternWords::SCARE_MARKERS) {
            return None;
        }
        // A capitalized cue inside a sentence is part of a name ("Secretary
        // of State"), unless the sentence is in title case (a headline).
        if is_cap(&toks[i]) && !self.sentence_initial(i) && !self.title_case(ss, se) {
            return None;
        }
        let lemma = self.lex.lemmas[form.lemma as usize].as_str();
        // "backed by donors", "backed out of the deal", "a video posted
        // on its site", "showed up": a verb of taking sides, of posting
        // or of showing reports an object; before a preposition it is a
        // passive participle or another verb, unless a that-clause follows ("posted on its
        // site that C").
        if matches!(lemma, "back" | "post" | "show")
            && self.is(c1, lx::PREPOSITIONS)
            && !(c1..se.min(c1 + super::THAT_WINDOW)).any(|k| self.lw(k) == "that")
        {
            return None;
        }
        Some(VerbCue {
            i,
            c1,
            ss,
            se,
            class: form.class,
            ing: form.ing,
            lemma,
        })
    }

    /// ", saying C": the participle's subject opens the sentence.
    fn participle(&self, cue: &VerbCue<'_>) -> Option<Found> {
        let src = self.subject(cue.ss, cue.i);
        let (content, quote) = self.content_after(cue.c1, cue.se, cue.class, cue.lemma)?;
        Some(Found {
            pattern: Pattern::Participle,
            class: cue.class,
            content,
            quote,
            quote_end: None,
            cue: Some(cue.range()),
            source: src,
            inherit: None,
        })
    }

    /// “Q,” said X / C, said X: the content, the cue, then the source.
    fn content_cue_source_at(&self, cue: &VerbCue<'_>) -> Option<Found> {
        let (i, ss, se, toks) = (cue.i, cue.ss, cue.se, self.toks);
        let p = (i > ss).then(|| &toks[i - 1])?;
        if !(is_punct(p, ",") || p.kind == TokenKind::CloseQuote || p.kind == TokenKind::Dash)
            || cue.class == CueClass::Weak
            || self.left_subject(cue)
        {
            return None;
        }
        let src = self
            .np_right(cue.c1, se)
            .map(|r| self.extend_source(r, se))?;
        if !(p.kind == TokenKind::CloseQuote
            || (i >= ss + 2 && toks[i - 2].kind == TokenKind::CloseQuote)
            || self.short_tail(src.end, se)
            || self.relative_tail(src.end, se))
        {
            return None;
        }
        let (content, quote) = self.content_before(i - 1, ss)?;
        let after = src.end;
        let cue_range = Some(cue.range());
        Some(self.content_cue_source(content, quote, cue_range, src, cue.class, after, se))
    }

    /// Whether a relative clause of the source opens at `k` ("C, said
    /// Tom Berg, head of the board, **which manages** …", "C, said a
    /// group of owners **who met** the mayor"): the source's, not a
    /// content of its own.
    fn relative_tail(&self, k: usize, se: usize) -> bool {
        let k = if k < se && is_punct(&self.toks[k], ",") {
            k + 1
        } else {
            k
        };
        // One that reports words of its own ("…, who added C2") is found
        // on its own.
        k + 1 < se && matches!(self.lw(k), "who" | "whose" | "which")
    }

    /// "Jane Roe, a lawyer for the city, said C" (or "Jane Roe -- a
    /// lawyer for the city -- said C"): a subject with an appositive opens
    /// the sentence (or follows a quotation), so the
    /// words after the cue are the content, not an inverted source.
    fn left_subject(&self, cue: &VerbCue<'_>) -> bool {
        let (i, ss, toks) = (cue.i, cue.ss, self.toks);
        (is_punct(&toks[i - 1], ",") || toks[i - 1].kind == TokenKind::Dash)
            && (self.named_opening(ss, i) || self.source_left(i, ss).is_some_and(|r| {
                r.start == ss
                    // "But the growers, a smaller group, welcomed it".
                    || (r.start == ss + 1 && matches!(self.lw(ss), "but" | "and" | "yet" | "or" | "so"))
                    || (r.start > ss && {
                        let t = &toks[r.start - 1];
                        t.kind == TokenKind::CloseQuote
                            || t.kind == TokenKind::Dash
                            || is_punct(t, ",")
                    })
            }))
    }

    /// Whether the sentence opens with a name and a description after it
    /// ("Sen. Ana Ruiz, a Republican from Texas, where …, | accused"):
    /// the cue's subject, however many asides follow, not a content.
    fn named_opening(&self, ss: usize, i: usize) -> bool {
        let mut k = ss;
        while k < i && k - ss < NAME_OPENING && is_cap(&self.toks[k]) {
            k += 1;
        }
        k >= ss + 2
            && k + 1 < i
            && is_punct(&self.toks[k], ",")
            && matches!(self.lw(k + 1), "a" | "an" | "the" | "who" | "whose")
    }

    /// The source before the cue at `i`, or for a second verb ("Trump was
    /// forced into a rare retreat and said C") the sentence's subject.
    fn source_before_cue(&self, i: usize, ss: usize, class: CueClass) -> Option<Range<usize>> {
        let src = self.source_left(i, ss);
        if src.is_some() {
            return src;
        }
        let mut j = i;
        while j > ss && self.is(j - 1, lx::AUX) {
            j -= 1;
        }
        // "… and said C"; after "but", a verb of speech ("…, but said C",
        // "… but argues C"), as verbs of intention after it mostly have
        // other subjects ("rose, but declined by", "but sought to").
        if j <= ss + 1 {
            return None;
        }
        let conj = self.lw(j - 1);
        if conj == "and" || (matches!(conj, "but" | "yet") && class == CueClass::Speech) {
            let k = if is_punct(&self.toks[j - 2], ",") {
                j - 2
            } else {
                j - 1
            };
            return self.subject(ss, k);
        }
        None
    }

    /// “Q,” X said / C, X said: the content, the source `src`, then the cue.
    fn content_source_cue_at(&self, cue: &VerbCue<'_>, src: Range<usize>) -> Option<Found> {
        let (i, c1, ss, se, toks) = (cue.i, cue.c1, cue.ss, cue.se, self.toks);
        let sep = src.start.checked_sub(1);
        // A quotation ending the sentence before is the content only when
        // it is that sentence ("“Q.” She adds, …"), not the end of a
        // clause with a cue of its own ("She says X is “Q.” She adds, …").
        let own_sentence = |p: usize| {
            self.quote_of(p).is_some_and(|q| {
                let open = self.quotes[q].open;
                open <= self.sentence_range(p).start || self.sentence_initial(open)
            })
        };
        // A single closing mark that closes no quotation is an apostrophe
        // ("the Court of Appeals’ Board"), no separator.
        let closes = |p: usize| {
            !matches!(toks[p].text, "’" | "'")
                || self
                    .quote_of(p)
                    .is_some_and(|q| self.quotes[q].close == Some(p))
        };
        let sep_ok = sep.is_some_and(|p| {
            let t = &toks[p];
            (p >= ss && (is_punct(t, ",") || t.kind == TokenKind::Dash))
                || (t.kind == TokenKind::CloseQuote
                    && closes(p)
                    && (p >= ss || (toks[p].paragraph == toks[i].paragraph && own_sentence(p))))
        });
        let after_quote = sep.is_some_and(|p| {
            toks[p].kind == TokenKind::CloseQuote
                || (p > 0 && toks[p - 1].kind == TokenKind::CloseQuote)
        });
        let tail_ok = if after_quote {
            self.lw(c1) != "that"
                && toks
                    .get(c1)
                    .is_none_or(|t| t.kind != TokenKind::OpenQuote || c1 + 1 >= se)
        } else {
            // "X said, “Q”": the quotation after the cue is the content.
            let quote_next = c1 + 1 < se
                && (is_punct(&toks[c1], ",") || is_punct(&toks[c1], ":"))
                && toks[c1 + 1].kind == TokenKind::OpenQuote;
            // "C, lawmakers said Friday, as they bristled": the writer's
            // aside after the tail is no content of the cue.
            // "C, the minister told a Senate panel Wednesday": past the object of
            // a verb of telling.
            let t0 = self.past_tell_object(cue.lemma, c1, se);
            self.short_tail(t0, self.tail_aside(t0, se).unwrap_or(se)) && !quote_next
        };
        // "C, campaign finance records show.": a weak cue after a
        // document or a poll reports the clause before it, in a sentence
        // (a headline, "Warming seas may shrink cod, study finds", ends
        // without a mark and reports nothing).
        let weak_ok = cue.class != CueClass::Weak
            || (src.clone().any(|k| self.is(k, lx::EVIDENCE_SOURCES))
                && is_final_punct(&self.toks[se - 1]));
        if !(sep_ok && weak_ok && tail_ok) {
            return None;
        }
        let p = sep.unwrap_or(0);
        let lo = if p < ss {
            self.sentence_range(p).start
        } else {
            ss
        };
        let (content, quote) = self.content_before(p, lo)?;
        let cue_range = Some(cue.range());
        Some(self.content_cue_source(content, quote, cue_range, src, cue.class, c1, se))
    }

    /// Whether the naming verb at `i` names the indefinite phrase `src`
    /// before it ("a new group called Parents First", "a seminar called
    /// “Power and Persuasion”"): a name follows, nothing is reported.
    fn names_indefinite(&self, i: usize, src: &Range<usize>) -> bool {
        self.is(i, lx::NAMING_VERBS)
            && matches!(self.lw(src.start), "a" | "an" | "one" | "another")
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| is_cap(t) || t.kind == TokenKind::OpenQuote)
    }

    /// The comma that opens the writer's aside ("…, as they bristled")
    /// within a short tail after a cue ending at `c1`, in the sentence
    /// ending at `se`.
    fn tail_aside(&self, c1: usize, se: usize) -> Option<usize> {
        (c1..se.min(c1 + 8)).find(|&k| {
            is_punct(&self.toks[k], ",")
                && k + 1 < se
                && self.marked(k + 1, PatternWords::TAIL_ASIDES)
        })
    }

    /// X said (that) C / X said, “Q”: the source `src`, the cue, then the
    /// content; no source for a passive ("Trump is expected to win").
    pub(super) fn source_cue_content(
        &self,
        cue: &VerbCue<'_>,
        src: Option<Range<usize>>,
    ) -> Option<Found> {
        let (i, ss) = (cue.i, cue.ss);
        // Without a source (`Ctx::sourceless_speech`), the checks on it
        // read an empty phrase at the cue.
        let src_range = src.clone().unwrap_or(i..i);
        if !self.base_form_subject_ok(i, &src_range) || self.names_indefinite(i, &src_range) {
            return None;
        }
        // "The poll shows Trump leading": after a poll or a study a weak
        // cue needs no that-clause.
        // "She sees the deal as a win": a verb of regarding reports its
        // object and "as" complement; "view" and "regard" nothing else
        // ("similar views that …" is a noun).
        let regards =
            matches!(cue.lemma, "see" | "view" | "regard") && self.as_complement(cue.c1, cue.se);
        if matches!(cue.lemma, "view" | "regard") && !regards {
            return None;
        }
        let class = if cue.class == CueClass::Weak
            && (regards || src_range.clone().any(|k| self.is(k, lx::EVIDENCE_SOURCES)))
        {
            CueClass::Belief
        } else {
            cue.class
        };
        let (mut content, quote) = self.content_after(cue.c1, cue.se, class, cue.lemma)?;
        // "The bridge, the mayor said, would open in May": a
        // parenthetical attribution; the clause runs around it.
        if quote.is_none()
            && src.is_some()
            && src_range.start > ss + 1
            && is_punct(&self.toks[src_range.start - 1], ",")
            && is_punct(&self.toks[cue.c1.min(cue.se - 1)], ",")
            && let Some(a) = self.clause_lead(ss, src_range.start - 1)
        {
            content = a..content.end;
        }
        // "the Democrat who wrote the bill, praised the vote": a relative
        // clause's content ends at the comma that closes the clause, before
        // the main clause's verb.
        if quote.is_none() && self.relative_source(&src_range, i) {
            let comma = content.clone().find(|&k| {
                is_punct(&self.toks[k], ",")
                    && !self.in_any_quote(k)
                    && k + 1 < content.end
                    && !is_cap(&self.toks[k + 1])
                    && (self.is(k + 1, lx::AUX) || self.cue(k + 1).iter().any(|f| !f.ing))
            });
            if let Some(k) = comma.filter(|&k| k > content.start) {
                content = content.start..k;
            } else if self.main_cue_after_relative(&content) {
                // "A man who asked not to be named said …", "People who
                // know him say …": the relative clause is the subject's;
                // the main clause's cue reports.
                return None;
            }
        }
        // "The ministry declined to comment": no words are reported.
        if content.len() >= 2
            && self.lw(content.start) == "to"
            && self.marked(content.start + 1, PatternWords::NO_COMMENT)
            && (content.len() == 2
                || self.short_tail(content.start + 2, content.end)
                || (content.len() <= 4
                    && (content.start + 2..content.end).all(|k| {
                        self.cue(k).is_empty()
                            && !self.is(k, lx::QUESTION_WORDS)
                            && self.lw(k) != "that"
                    })))
        {
            return None;
        }
        // "posted a message saying, “Q”": a participle of speech after
        // the object reports, by the rules of its own; the object is no
        // content.
        if quote.is_none()
            && self.is(content.start, lx::DETERMINERS)
            && (content.start + 2..content.end.min(content.start + 4)).any(|k| {
                !self.is(k - 1, lx::AUX)
                    && self
                        .cue(k)
                        .iter()
                        .any(|f| f.ing && f.class == CueClass::Speech)
            })
        {
            return None;
        }
        // "He continued his tour": "continue" reports only a that-clause
        // or a quotation.
        if cue.lemma == "continue" && quote.is_none() && self.lw(content.start) != "that" {
            return None;
        }
        let pattern = if quote.is_some() {
            Pattern::SourceCueQuote
        } else {
            Pattern::SourceCueContent
        };
        // A passive ("Trump is expected to win", "she was asked whether"):
        // the subject is not who holds or says the content.
        let mut b = i;
        while b > ss && b + 3 > i && (self.lw(b - 1).ends_with("ly") || self.lw(b - 1) == "not") {
            b -= 1;
        }
        let passive = !cue.ing && b > ss && self.is(b - 1, lx::PASSIVE_AUX);
        // "The case was referred to the FBI": a passive "refer to" hands
        // something on; nothing is reported.
        if passive && cue.lemma == "refer" {
            return None;
        }
        Some(Found {
            pattern,
            class,
            content,
            quote,
            quote_end: None,
            cue: Some(cue.range()),
            source: if passive { None } else { src },
            inherit: None,
        })
    }

    /// Whether an object and its "as" complement follow a verb of
    /// regarding ending at `c1` ("sees **the deal as a win**"): "as"
    /// within a few words, with no clause break before it.
    fn as_complement(&self, c1: usize, se: usize) -> bool {
        (c1 + 1..se.min(c1 + 10))
            .take_while(|&k| self.toks[k].kind.is_wordlike() && self.lw(k) != "that")
            .any(|k| self.lw(k) == "as" && !matches!(self.lw(k - 1), "such" | "as"))
    }

    /// Whether a speech cue (not an -ing form, not after "that") stands in
    /// the first few tokens of a relative clause's `content`, before any
    /// punctuation: the main clause's verb, the relative clause ending
    /// before it.
    fn main_cue_after_relative(&self, content: &Range<usize>) -> bool {
        (content.start..content.end.min(content.start + RELATIVE_CUE_WINDOW))
            .take_while(|&k| self.toks[k].kind.is_wordlike() && self.lw(k) != "that")
            .any(|k| k > content.start && self.speech_form(k))
    }

    /// Whether the source `src` of the cue at `cue` is a relative pronoun
    /// ("who") or stands for one ("the company that said", "the panel,
    /// which found": the pronoun sits between the phrase and the cue).
    fn relative_source(&self, src: &Range<usize>, cue: usize) -> bool {
        (src.len() == 1 && self.lw(src.start) == "who")
            || (src.end < cue && matches!(self.lw(src.end), "who" | "which" | "that"))
    }

    /// A bare verb form ("think", "say") agrees with a pronoun, a plural
    /// or a name ("we think", "officials say", "Republicans want"); after
    /// anything else it is likely a noun or part of a compound ("think
    /// tank").
    pub(super) fn base_form_subject_ok(&self, cue: usize, src: &Range<usize>) -> bool {
        let is_base = self.word(cue).is_some_and(|w| w.base);
        if !is_base || src.is_empty() {
            return true;
        }
        // "Data from the census show": the head before a prepositional
        // phrase is an evidence word.
        if src.clone().any(|k| self.is(k, lx::EVIDENCE_SOURCES)) {
            return true;
        }
        let plural = |head: usize| {
            let hw = self.lw(head);
            self.is(
                head,
                lx::SUBJECT_PRONOUNS | lx::DETERMINERS | lx::PLURAL_SOURCES,
            ) || self.is(head, lx::PLURAL_HEADS)
                || hw.ends_with("ed")
                || self.toks[head].kind == TokenKind::Number
                || (hw.ends_with('s') && !hw.ends_with("ss"))
                || (is_cap(&self.toks[head]) && !self.sentence_initial(head))
                || self.toks[head].text.chars().all(|c| !c.is_lowercase())
        };
        // "Farmers in Ohio and across the Midwest say":
        // the head comes before the prepositional phrase; "Those close to
        // him say", "many of whom say": a plural quantifier opens it.
        // "People who know him say": the head before the relative clause.
        let before_pp = (src.start + 1..src.end)
            .find(|&k| self.is(k, lx::PREPOSITIONS) || matches!(self.lw(k), "of" | "who"))
            .map(|k| k - 1);
        // "People close to him say": a plural noun before the phrase.
        let plural_noun = |k: usize| {
            self.is(k, lx::PLURAL_SOURCES | lx::PLURAL_HEADS)
                || (self.lw(k).ends_with('s') && !self.lw(k).ends_with("ss"))
        };
        plural(src.end - 1)
            || before_pp.is_some_and(|h| plural(h) || (src.start..h).any(plural_noun))
            || self.marked(src.start, PatternWords::PLURAL_QUANTIFIERS)
    }
}

/// A reporting verb found at a token, with what its patterns need.
pub(super) struct VerbCue<'a> {
    /// The verb's token.
    pub i: usize,
    /// The token after the verb (and its particle).
    pub c1: usize,
    /// The sentence's token range.
    pub ss: usize,
    pub se: usize,
    pub class: CueClass,
    /// An "-ing" form.
    pub ing: bool,
    /// The verb's lemma ("say").
    pub lemma: &'a str,
}

impl VerbCue<'_> {
    /// The cue's tokens.
    pub(super) fn range(&self) -> Range<usize> {
        self.i..self.c1
    }
}
