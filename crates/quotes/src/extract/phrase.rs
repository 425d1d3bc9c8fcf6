//! Phrases around a cue: the noun phrase left of a cue (`Ctx::np_left`,
//! "**a spokesman at the agency** said"), the source left of a cue past
//! auxiliaries and appositives (`Ctx::source_left`, "**Lena Ortiz,
//! president of the fund,** said"), the noun phrase right of a cue
//! (`Ctx::np_right`, "said **Jane Roe, a strategist**") and a source
//! running on to the sentence's end (`Ctx::extend_source`); the subject of
//! a clause is in `subject.rs`.

use std::ops::Range;

use newsnlp_tokenize::TokenKind;

use super::{Ctx, MAX_SOURCE, is_cap, is_final_punct, is_punct};
use crate::lexicon::{self as lx, PatternWords};

/// The longest appositive between commas before a cue, in tokens.
const APPOSITIVE_MAX: usize = 20;
/// The longest relative clause between commas before a cue, in tokens.
const REL_CLAUSE_MAX: usize = 40;
/// The most words between a document's participle and the phrase a
/// source walk found ("A study published | on Wednesday in | the journal").
const DOCUMENT_ADJUNCT: usize = 8;
/// The most tokens between "who" and the cue in a relative clause without
/// commas ("Residents who live near the plant said").
const REL_CLAUSE_WORDS: usize = 8;

impl<'a, 't> Ctx<'a, 't> {
    /// The noun phrase ending right before `end` (a subject), if any.
    pub(super) fn np_left(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        if end <= lo {
            return None;
        }
        let last = end - 1;
        if let Some(r) = self.np_left_pronoun_or_share(last, end, lo) {
            return r;
        }
        let mut k = end;
        let mut n = 0;
        while k > lo && n < MAX_SOURCE {
            let j = k - 1;
            if self.line_break_before(j + 1) {
                break;
            }
            if self.is_name_joint(j) {
                k -= 1;
                continue;
            }
            if is_punct(&self.toks[j], ")") && k == end {
                // "Sen. Bernie Sanders (I-Vt.) said".
                if let Some(o) = (j.saturating_sub(8).max(lo)..j)
                    .rev()
                    .find(|&o| is_punct(&self.toks[o], "("))
                {
                    k = o;
                    continue;
                }
                break;
            }
            if matches!(self.lw(j), "and" | "nor") && j > lo && k < end {
                let left = self.lw(j - 1);
                if matches!(left, "he" | "she" | "i" | "we" | "they")
                    && self.toks[j - 1].kind.is_wordlike()
                {
                    // "he and other challengers", "she and her aides".
                    k = j - 1;
                    break;
                }
                let left_name = self.is_name_word(j - 1)
                    || (is_cap(&self.toks[j - 1])
                        && self.toks[j - 1].kind.is_wordlike()
                        && !self.is(j - 1, lx::STOP | lx::DETERMINERS)
                        && self.cue(j - 1).is_empty());
                if left_name
                    && (is_cap(&self.toks[k])
                        || self.is(k, lx::DETERMINERS)
                        || self.is(end - 1, lx::PLURAL_SOURCES))
                {
                    // "Singer and Faso", "the State Department and the
                    // Pentagon", "Democrats and civil rights groups".
                    k -= 1;
                    n += 1;
                    continue;
                }
                if let Some(start) = self.coordination_start(j, k, end, lo) {
                    k = start;
                    break;
                }
            }
            // "62-year-old Brenda Johnson", "The self-described socialist":
            // a word or number joined to the next or the one before by a
            // hyphen is part of a compound.
            let number = self.toks[j].kind == TokenKind::Number;
            let compound = (self.toks[j].kind.is_wordlike() || number)
                && ((j + 1 < end && self.is_hyphen_joint(j + 1))
                    || (j > lo && self.is_hyphen_joint(j - 1)));
            // "42% say": a percentage.
            let percent =
                (self.toks[j].text == "%" && j > lo && self.toks[j - 1].kind == TokenKind::Number)
                    || (number && self.toks.get(j + 1).is_some_and(|t| t.text == "%"));
            let compound = compound || percent;
            if !self.is_np_word(j) && !compound {
                break;
            }
            k -= 1;
            n += 1;
            if self.is(j, lx::DETERMINERS) {
                // "one of the officials": go on only through "of"; "he and
                // other senators": through a coordination.
                if k > lo + 1 && self.lw(k - 1) == "of" && self.is_np_word(k - 2) {
                    k -= 1;
                    continue;
                }
                // "the three scholars", "All three candidates".
                // "Twenty-four percent": a number word ending a compound.
                if k > lo
                    && (matches!(self.lw(k - 1), "and" | "nor")
                        || (self.is(k - 1, lx::DETERMINERS)
                            && !self.is_trimmed(j + 1, lx::DETERMINERS))
                        || self.toks[k - 1].kind == TokenKind::Number
                        || self.is_hyphen_joint(k - 1))
                {
                    continue;
                }
                break;
            }
        }
        // "Neither the mayor nor the council": the first word of the pair.
        if k > lo && self.lw(k - 1) == "neither" && (k..end).any(|x| self.lw(x) == "nor") {
            k -= 1;
        }
        // "About four in 10 Republican voters said": a share before the
        // phrase.
        if k > lo + 1 && self.lw(k - 1) == "in" && self.is_count(k) && self.is_count(k - 2) {
            return Some(self.share_start(k - 2, lo)..end);
        }
        self.np_left_tail(k, end, lo)
    }

    /// Where a document named with a participle and its time, place or
    /// maker starts, when the phrase found so far begins at `k` inside
    /// that participle's adjuncts: "**A study published on Wednesday in**
    /// the journal Health Affairs", "**a poll released Friday by** the
    /// network". At most [`DOCUMENT_ADJUNCT`] words lie between the
    /// participle and `k`, none a cue or a mark.
    fn document_with_participle(&self, k: usize, lo: usize) -> Option<usize> {
        let floor = lo.max(k.saturating_sub(DOCUMENT_ADJUNCT)) + 1;
        let j = (floor..k)
            .rev()
            .take_while(|&x| {
                (self.toks[x].kind.is_wordlike() || self.toks[x].kind == TokenKind::Number)
                    && !self.line_break_before(x + 1)
            })
            .find(|&x| self.lw(x).ends_with("ed") && self.is(x - 1, lx::EVIDENCE_SOURCES))?;
        if (j + 1..k).any(|x| !self.cue(x).is_empty()) {
            return None;
        }
        let r = self.np_left(j, lo)?;
        (r.end == j).then_some(r.start)
    }

    /// The phrase [`Ctx::np_left`] finds when its last word `last` is a
    /// pronoun or ends a share of people: `Some(phrase)` when that decides
    /// it, `None` to walk the words.
    fn np_left_pronoun_or_share(
        &self,
        last: usize,
        end: usize,
        lo: usize,
    ) -> Option<Option<Range<usize>>> {
        // "Two in three said", "About one in five say": a share of people.
        if last >= lo + 2
            && self.is_count(last)
            && self.lw(last - 1) == "in"
            && self.is_count(last - 2)
        {
            return Some(Some(self.share_start(last - 2, lo)..end));
        }
        // "Many of them said", "Two of us say", "Some of you questioned".
        if last >= lo + 2
            && matches!(self.lw(last), "them" | "us" | "you" | "those")
            && self.lw(last - 1) == "of"
            && (self.is(last - 2, lx::DETERMINERS)
                || self.toks[last - 2].kind == TokenKind::Number
                || matches!(self.lw(last - 2), "none" | "half" | "either" | "neither"))
        {
            return Some(
                self.np_left(last - 1, lo)
                    .filter(|r| r.end == last - 1)
                    .map(|r| r.start..end),
            );
        }
        if self.is(last, lx::SUBJECT_PRONOUNS) && self.toks[last].kind.is_wordlike() {
            // "another company that had declared …": the relative pronoun
            // stands for the phrase before it.
            if self.lw(last) == "which"
                && let Some(r) = self.np_left(last, lo)
                && r.end == last
                && !self.is(r.start, lx::SUBJECT_PRONOUNS)
            {
                return Some(Some(r));
            }
            return Some(Some(last..end));
        }
        if matches!(self.lw(last), "him" | "her" | "them" | "us" | "me")
            && self.toks[last].kind.is_wordlike()
        {
            // "Aides close to him said": an object pronoun ends a
            // prepositional phrase of the source, never a source alone.
            return Some(self.np_left_tail(last, end, lo).filter(|r| r.start < last));
        }
        None
    }

    /// The first member of a list whose next member starts at `next`
    /// after a comma ("The family, protesters and …"): a phrase of at most
    /// four words that opens its clause.
    fn list_head(&self, next: usize, lo: usize) -> Option<Range<usize>> {
        let comma = next.checked_sub(1).filter(|&c| c > lo)?;
        if !is_punct(&self.toks[comma], ",") {
            return None;
        }
        let r = self.np_left(comma, lo.max(comma.saturating_sub(4)))?;
        (r.end == comma && self.opens_clause(&r)).then_some(r)
    }

    /// Where a coordination starts whose conjunction ("and", "nor") is at
    /// `j`, the phrase read so far `k..end`: "**Regulators and**
    /// environmental groups", "**The campaign and** its allies" (opening
    /// the clause), "**Neither the mayor nor** the council", "**The
    /// family, protesters and** civic leaders" (a list),
    /// "But **farmers and** local merchants" (two plural nouns).
    fn coordination_start(&self, j: usize, k: usize, end: usize, lo: usize) -> Option<usize> {
        let r = self.np_left(j, lo)?;
        if r.end != j || r.len() + (end - k) >= MAX_SOURCE {
            return None;
        }
        if self.opens_clause(&r) {
            return Some(r.start);
        }
        if self.lw(j) == "nor" && r.start > lo && self.lw(r.start - 1) == "neither" {
            return Some(r.start - 1);
        }
        if let Some(first) = self.list_head(r.start, lo)
            && first.len() + (end - r.start) < MAX_SOURCE
        {
            return Some(first.start);
        }
        self.plural_pair(&r, end).then_some(r.start)
    }

    /// Whether the phrase `r`, the first member of a coordination whose
    /// last ends before `end`, pairs two plural nouns at the start of a
    /// clause, lowercase as they may be: "**attorneys and legal experts**
    /// said" after "But", "…, **politicians and activists** are".
    fn plural_pair(&self, r: &Range<usize>, end: usize) -> bool {
        let plural = |i: usize| {
            let w = self.lw(i);
            self.toks[i].kind == TokenKind::Word
                && w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !self.is(i, lx::STOP | lx::DETERMINERS)
        };
        if !plural(r.end - 1) || !plural(end - 1) {
            return false;
        }
        let ss = self.sentence_range(r.start).start;
        r.start == ss
            || is_punct(&self.toks[r.start - 1], ",")
            || (r.start == ss + 1 && matches!(self.lw(ss), "but" | "and" | "yet" | "so"))
    }

    /// Whether the phrase `r` opens its clause: at the sentence start or
    /// after a comma or a closing quote mark (“…?” a narrator asks), and
    /// starting with a capital or a determiner.
    fn opens_clause(&self, r: &Range<usize>) -> bool {
        (r.start == self.sentence_range(r.start).start
            || is_punct(&self.toks[r.start - 1], ",")
            || self.toks[r.start - 1].kind == TokenKind::CloseQuote)
            && (is_cap(&self.toks[r.start]) || self.is(r.start, lx::DETERMINERS))
    }

    /// The end of [`Ctx::np_left`]: the phrase from `k` to `end`, past a
    /// leading preposition, time word or hyphen, and taking in a noun
    /// before a prepositional phrase ("a spokesman at the agency").
    fn np_left_tail(&self, mut k: usize, end: usize, lo: usize) -> Option<Range<usize>> {
        if let Some(start) = self.document_with_participle(k, lo) {
            return Some(start..end);
        }
        // No phrase starts with a preposition, a time word or a hyphen.
        while k < end
            && (matches!(self.lw(k), "of" | "for" | "at")
                || (is_cap(&self.toks[k])
                    && (self.is(k, lx::DAYS) || matches!(self.lw(k), "now" | "then")))
                || self.toks[k].kind == TokenKind::Punctuation)
        {
            k += 1;
        }
        if k >= end {
            return None;
        }
        // A noun with a prepositional phrase: "a spokesman at the agency",
        // "people close to the campaign", "a new poll by the network".
        let timely = (k..end).any(|x| self.is(x, lx::DAYS | lx::TIME_NOUNS));
        if k > lo + 1 && !timely && !self.line_break_before(k) {
            let prep = self.lw(k - 1);
            let head = self.lw(k - 2);
            let listed = self.is(k - 2, lx::PLURAL_SOURCES | lx::TITLES | lx::SOURCE_HEADS);
            let ok = match prep {
                "by" => listed,
                // "organizers in the city", "someone in the crowd": a
                // plural noun or an indefinite pronoun heads the phrase too.
                "at" | "in" | "from" => listed || self.group_head(k - 2),
                "on" => listed,
                // "officials with the committee".
                "with" => {
                    matches!(head, "familiar" | "close" | "loyal" | "allied")
                        || self.is(k - 2, lx::PLURAL_SOURCES | lx::SOURCE_HEADS)
                }
                "to" => matches!(head, "familiar" | "close" | "loyal" | "allied"),
                _ => false,
            };
            if ok
                && !is_cap(&self.toks[k - 2])
                && let Some(r) = self.np_left(k - 1, lo.max(k.saturating_sub(MAX_SOURCE)))
                && r.end == k - 1
                && r.len() + (end - k) < MAX_SOURCE + 4
            {
                return Some(r.start..end);
            }
            // "Many in the party", "Others in the community": a
            // quantifier opening its clause heads the phrase.
            if matches!(prep, "in" | "on" | "at" | "from" | "within" | "among")
                && self.toks[k - 2].kind.is_wordlike()
                && self.marked(k - 2, PatternWords::PLURAL_QUANTIFIERS)
                && self.opens_clause(&(k - 2..k - 1))
                && end - k < MAX_SOURCE
            {
                return Some(k - 2..end);
            }
            // "The Commission on Presidential Debates", "Experts on North
            // Korea", "Others in the community": a phrase that opens its
            // clause (at the sentence start or after a comma) takes in a
            // prepositional phrase after its head.
            if matches!(
                prep,
                "of" | "for" | "on" | "to" | "at" | "in" | "from" | "by"
            ) && self.toks[k - 2].kind.is_wordlike()
                && !self.is(k - 2, lx::STOP | lx::DETERMINERS)
                && let Some(r) = self.np_left(k - 1, lo.max(k.saturating_sub(MAX_SOURCE)))
                && r.end == k - 1
                && self.opens_clause(&r)
                && (is_cap(&self.toks[r.start]) || self.is(r.start, lx::DETERMINERS))
                && r.len() + (end - k) < MAX_SOURCE + 4
            {
                return Some(r.start..end);
            }
        }
        // "about half of voters", "at least a dozen residents", "Less than
        // a third": the words that bound a quantity belong to it.
        let q = self.quantity_start(k, end, lo);
        if q < k {
            return Some(q..end);
        }
        // "No one said", "Only 52 percent of voters said": a negative or
        // a limiting word opening the clause belongs to the phrase.
        if k > lo
            && matches!(
                self.lw(k - 1),
                "no" | "only" | "nearly" | "almost" | "roughly"
            )
            && self.opens_clause(&(k - 1..k))
        {
            return Some(k - 1..end);
        }
        Some(k..end)
    }

    /// Whether token `i` may head a group of people before a
    /// prepositional phrase ("**organizers** in the city", "**someone**
    /// in the audience"): an indefinite pronoun, or a lowercase plural
    /// noun that is no function word and no cue.
    fn group_head(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let w = self.lw(i);
        t.kind == TokenKind::Word
            && !is_cap(t)
            && (matches!(w, "someone" | "anyone" | "everyone" | "many" | "majorities")
                || (w.len() > 4
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !self.is(i, lx::STOP | lx::DETERMINERS | lx::AUX | lx::TIME_NOUNS)
                    && self.cue(i).is_empty()))
    }

    /// The source to the left of a cue starting at `c0`, and where the
    /// stretch before it ends (the source start, or the cue when there is
    /// none).
    pub(super) fn source_left(&self, c0: usize, lo: usize) -> Option<Range<usize>> {
        // A relative clause between commas may be long ("Dr. Ada Frost,
        // who as a young surgeon ran the only clinic in the county …, said"):
        // the window reaches further back than for other phrases.
        let lo_wide = lo.max(c0.saturating_sub(50));
        let lo = lo.max(c0.saturating_sub(30));
        let mut j = c0;
        let mut skipped = 0;
        while j > lo && skipped < 4 {
            let t = &self.toks[j - 1];
            let adverb = self.is_ly_adverb(j - 1);
            // "She will be arguing": "be" after a modal.
            let be = self.lw(j - 1) == "be" && j - 1 > lo && self.is(j - 2, lx::AUX);
            // A capitalized auxiliary is a name: "Theresa May said".
            if t.kind.is_wordlike()
                && !is_cap(t)
                && (self.is(j - 1, lx::AUX) || self.stem_is_aux(j - 1) || adverb || be)
            {
                j -= 1;
                skipped += 1;
            } else if let Some(a) = self.time_adjunct_ending(j, lo) {
                // "Wells Fargo on Tuesday announced", "Officials last week
                // said": a time adjunct between the source and its cue.
                j = a;
                skipped += 1;
            } else if is_punct(&self.toks[j - 1], ",") && skipped > 0 {
                // "he, however, said": not worth the risk; stop.
                break;
            } else {
                break;
            }
        }
        // "Others, however, say": a sentence adverb between commas.
        if j > lo + 3
            && is_punct(&self.toks[j - 1], ",")
            && is_punct(&self.toks[j - 3], ",")
            && self.is(j - 2, lx::SENTENCE_ADVERBS)
        {
            return self.np_left(j - 3, lo);
        }
        // "Gates, in contrast, said", "The mayor, for her part, said": a
        // short prepositional phrase between commas.
        if j > lo + 3
            && is_punct(&self.toks[j - 1], ",")
            && let Some(open) = (j.saturating_sub(6).max(lo + 1)..j - 2)
                .rev()
                .find(|&k| is_punct(&self.toks[k], ","))
            && self.is(open + 1, lx::PREPOSITIONS)
            && !is_cap(&self.toks[open + 1])
            && (open + 1..j - 1).all(|k| self.toks[k].kind.is_wordlike())
            && let Some(r) = self.np_left(open, lo)
            && r.end == open
            && self.opens_clause(&r)
        {
            return Some(r);
        }
        if j > lo && self.toks[j - 1].kind == TokenKind::Dash {
            return self.dash_appositive(j - 1, lo);
        }
        if j > lo && is_punct(&self.toks[j - 1], ",") {
            return self.comma_source(j - 1, lo, lo_wide);
        }
        // The phrase before the cue may be an object pronoun ("People who
        // know him | say"), which no noun phrase reads.
        match self.np_left(j, lo) {
            Some(np) => Some(self.restrictive_relative(&np, lo).unwrap_or(np)),
            None => self.restrictive_relative(&(j..j), lo),
        }
    }

    /// "Residents who live near the plant said": the noun phrase read
    /// before the cue ends a relative clause without commas; the source
    /// is the noun before "who" with its clause.
    fn restrictive_relative(&self, np: &Range<usize>, lo: usize) -> Option<Range<usize>> {
        let floor = lo.max(np.start.saturating_sub(REL_CLAUSE_WORDS));
        let who = (floor..np.start)
            .rev()
            .find(|&k| !self.toks[k].kind.is_wordlike() || self.lw(k) == "who")?;
        if self.lw(who) != "who" || who == 0 || who <= lo {
            return None;
        }
        let head = self.np_left(who, lo)?;
        (head.end == who).then_some(head.start..np.end)
    }

    /// The source before an appositive or a relative clause between
    /// commas, the second comma at `close` right before the cue ("Jane
    /// Roe, dean of the school, said"); `lo_wide` bounds a long relative
    /// clause, `lo` everything else.
    fn comma_source(&self, close: usize, lo: usize, lo_wide: usize) -> Option<Range<usize>> {
        // An appositive or relative clause between commas before the cue.
        let mut p = close;
        let floor = lo_wide.max(close.saturating_sub(REL_CLAUSE_MAX));
        while p > floor && !is_punct(&self.toks[p - 1], ",") {
            // An apostrophe ("Sanders’ campaign") pairs with nothing.
            if is_final_punct(&self.toks[p - 1])
                || (self.toks[p - 1].is_quote() && self.quote_of(p - 1).is_some())
            {
                return None;
            }
            p -= 1;
        }
        if p == floor || p < 1 || !is_punct(&self.toks[p - 1], ",") {
            return None;
        }
        // "Theo Marsh, who teaches at the University of California,
        // Berkeley, said": a place after a comma closes the relative
        // clause that holds it.
        if close - p <= 3
            && p >= 2
            && (p - 2..close).all(|k| is_cap(&self.toks[k]) || k == p - 1)
            && let Some(q) = (floor..p - 1).rev().find(|&k| is_punct(&self.toks[k], ","))
            && matches!(self.lw(q + 1), "who" | "whose" | "which")
        {
            p = q + 1;
        }
        // "Petr Hromadka, who heads the Danubia Freight Union, an
        // association of barge operators, said": an appositive after a
        // relative clause describes the clause's object.
        if p >= 2
            && matches!(self.lw(p), "a" | "an" | "the")
            && let Some(q) = (floor..p - 1).rev().find(|&k| is_punct(&self.toks[k], ","))
            && matches!(self.lw(q + 1), "who" | "whose")
        {
            p = q + 1;
        }
        // Only a relative clause runs past the usual twenty tokens.
        if close - p > APPOSITIVE_MAX
            && !(matches!(self.lw(p), "who" | "whose" | "which") && p > lo_wide + 1)
        {
            return None;
        }
        let lo = if close - p > APPOSITIVE_MAX {
            lo_wide
        } else {
            lo
        };
        let mut open = p - 1;
        // "Elmer Hutto, of Greenville, Miss., said", "Irma Castle,
        // 63, of Dover, Del., who listened, said": the age and the
        // hometown between commas belong to the name before them.
        for _ in 0..3 {
            let Some(prev) = (floor.max(lo)..open)
                .rev()
                .find(|&k| is_punct(&self.toks[k], ","))
            else {
                break;
            };
            if !self.hometown_segment(prev + 1, open) {
                break;
            }
            open = prev;
        }
        let head = self.np_left(open, lo)?;
        // "Lena Ortiz, president of the fund, a charity, said": a
        // second appositive before the first.
        let mut start = head.start;
        if start > lo + 1
            && is_punct(&self.toks[start - 1], ",")
            && !is_cap(&self.toks[start])
            && let Some(h2) = self.np_left(start - 1, lo)
            && is_cap(&self.toks[h2.start])
            && (h2.start == lo || !self.is(h2.start - 1, lx::STOP))
        {
            start = h2.start;
        } else if let Some(d) = self.descriptor_before(start, lo) {
            start = d;
        }
        if !is_cap(&self.toks[start]) && !self.is(start, lx::DETERMINERS) {
            return None;
        }
        if self.opens_reporting_relative(p) || self.opens_aside(p) {
            // "Tom Berg, who argued for the deal, said", "An official,
            // speaking on condition of anonymity, said": the source
            // ends before the reporting clause or the aside.
            return Some(start..open);
        }
        if self.lw(p) == "which" && start < head.start {
            // "Rosa Diaz, president of the union, which represents
            // nurses, said": the clause is the union's, not the
            // source's.
            return Some(start..open);
        }
        if matches!(self.lw(p), "who" | "whose" | "which") {
            // "Tom Berg, who managed the campaign, said": the clause is
            // part of the source.
            return Some(start..close);
        }
        if self.is(p, lx::DETERMINERS | lx::TITLES)
            || is_cap(&self.toks[p])
            || self.toks[p].kind == TokenKind::Number
            || (is_cap(&self.toks[head.start])
                && !self.is(head.start, lx::DETERMINERS)
                && self.toks[head.end - 1].kind != TokenKind::Number
                && !self.is(p, lx::STOP | lx::TIME)
                && self.cue(p).is_empty())
        {
            // "Dale Moss, a party strategist who ran two
            // campaigns, said", "Ines Kahn, dean of the law school, said"
            return Some(start..close);
        }
        None
    }

    /// Where a descriptor opening the sentence starts, before the name
    /// at `name` and its comma: "**The city's treasurer,** Ana Ruiz, a
    /// Democrat, said", "**Her father,** Brad, 39, said". A short phrase
    /// ending in a lower-case noun, not a time ("Last week, …").
    fn descriptor_before(&self, name: usize, lo: usize) -> Option<usize> {
        if name < lo + 2 || !is_punct(&self.toks[name - 1], ",") || !is_cap(&self.toks[name]) {
            return None;
        }
        let d = self.np_left(name - 1, lo)?;
        let last = d.end - 1;
        let t = &self.toks[last];
        let ok = d.end == name - 1
            && d.len() <= 6
            && d.start == self.sentence_range(d.start).start
            && t.kind == TokenKind::Word
            && !is_cap(t)
            && !self.is(last, lx::STOP | lx::TIME | lx::TIME_NOUNS | lx::DAYS);
        ok.then_some(d.start)
    }

    /// Whether tokens `a..b` (between commas) are a person's age or
    /// hometown: a number ("59"), "of" and a place ("of Ashton"), or a
    /// state's abbreviation ("Md.", "Va.").
    fn hometown_segment(&self, a: usize, b: usize) -> bool {
        let toks = &self.toks[a..b];
        match toks {
            [n] => n.kind == TokenKind::Number || (is_cap(n) && self.is_state_abbreviation(a)),
            [_, rest @ ..] if self.lw(a) == "of" && !rest.is_empty() && rest.len() <= 4 => {
                rest.iter().all(|t| is_cap(t) && t.kind.is_wordlike())
            }
            _ => false,
        }
    }

    /// Whether token `i` is a short capitalized abbreviation with its
    /// period ("Md.", "Va.", "Calif."), as US states are written in news.
    fn is_state_abbreviation(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.text.len() <= 6 && t.text.ends_with('.') && !t.text[..t.text.len() - 1].contains('.')
    }

    /// The start of a time adjunct that ends right before token `j` and
    /// starts after `lo`: a day ("on Tuesday", "Tuesday night", "earlier
    /// today") or a span ("this month", "last week", "earlier this year"),
    /// or a lowercase adverb of time, place or connection ("just",
    /// "there", "however").
    fn time_adjunct_ending(&self, j: usize, lo: usize) -> Option<usize> {
        let k = j.checked_sub(1).filter(|&k| k > lo)?;
        let t = &self.toks[k];
        if !t.kind.is_wordlike() {
            return None;
        }
        if self.marked(k, PatternWords::SOURCE_CUE_ADVERBS) && !is_cap(t) {
            return Some(k);
        }
        // "in 2001", "in March", "in March 2015": a year or a month after "in".
        if let Some(a) = self.in_year_or_month(k).filter(|&a| a > lo + 1)
            && self.lw(a - 1) == "in"
            && !is_cap(&self.toks[a - 1])
        {
            return Some(a - 1);
        }
        // "Tuesday", or a span: "Tuesday night", "this month", "last week".
        let day = |d: usize| self.is(d, lx::DAYS);
        let span_start =
            |d: usize| day(d) || matches!(self.lw(d), "this" | "last" | "next" | "that");
        let mut a = if day(k) {
            k
        } else if self.is(k, lx::TIME_NOUNS) && k > lo + 1 && span_start(k - 1) {
            k - 1
        } else {
            return None;
        };
        // "on Tuesday", "earlier this year", "late last week".
        while a > lo + 1
            && matches!(
                self.lw(a - 1),
                "on" | "earlier" | "later" | "early" | "late" | "just"
            )
            && !is_cap(&self.toks[a - 1])
        {
            a -= 1;
        }
        // "A poll released Friday showed": the day belongs to the
        // participle of the source phrase.
        let participle = a > lo && !is_cap(&self.toks[a - 1]) && self.lw(a - 1).ends_with("ed");
        (!participle).then_some(a)
    }

    /// Where a year ("2001"), a month ("March") or both ("March 2015")
    /// ending at token `k` starts.
    pub(super) fn in_year_or_month(&self, k: usize) -> Option<usize> {
        let t = &self.toks[k];
        let month = |m: usize| is_cap(&self.toks[m]) && self.is(m, lx::MONTHS);
        if month(k) {
            return Some(k);
        }
        let year = t.kind == TokenKind::Number
            && t.text.len() == 4
            && (t.text.starts_with("19") || t.text.starts_with("20"));
        if !year {
            return None;
        }
        Some(if k > 0 && month(k - 1) { k - 1 } else { k })
    }

    /// A source with an appositive between dashes, the second dash at
    /// `close` right before the cue ("Lind -- author of the book --
    /// said"): the name before the first dash through the appositive.
    fn dash_appositive(&self, close: usize, lo: usize) -> Option<Range<usize>> {
        let floor = lo.max(close.saturating_sub(25));
        let mut p = close;
        while p > floor && self.toks[p - 1].kind != TokenKind::Dash {
            if is_final_punct(&self.toks[p - 1]) || self.toks[p - 1].is_quote() {
                return None;
            }
            p -= 1;
        }
        let open = p.checked_sub(1).filter(|&o| o >= floor.max(lo + 1))?;
        if self.toks[open].kind != TokenKind::Dash || open + 1 >= close {
            return None;
        }
        let head = self.np_left(open, lo)?;
        let named = is_cap(&self.toks[head.start]) || self.is(head.start, lx::DETERMINERS);
        (head.end == open && named).then_some(head.start..close)
    }

    /// The noun phrase starting at `start` (a source after its cue).
    pub(super) fn np_right(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        self.np_right_with(start, hi, true)
    }

    /// [`Ctx::np_right`], with or without an appositive after a comma.
    pub(super) fn np_right_with(
        &self,
        start: usize,
        hi: usize,
        appositive: bool,
    ) -> Option<Range<usize>> {
        if start >= hi {
            return None;
        }
        let w = self.lw(start);
        if self.is(start, lx::SUBJECT_PRONOUNS) && !matches!(w, "that" | "which" | "who") {
            return Some(start..start + 1);
        }
        if !self.toks[start].kind.is_wordlike()
            || (self.is(start, lx::STOP) && !self.is_name_word(start))
            || matches!(w, "of" | "for")
        {
            return None;
        }
        let mut k = start;
        let hi = hi.min(start + MAX_SOURCE + 4);
        while k < hi {
            let t = &self.toks[k];
            if k > start && self.line_break_before(k) {
                break;
            }
            if self.is_name_joint(k) {
                k += 1;
                continue;
            }
            // "The ferry operators' association": a plural possessive.
            if matches!(t.text, "'" | "’")
                && k > start
                && !t.space_before
                && self.lw(k - 1).ends_with('s')
                && self.toks.get(k + 1).is_some_and(|n| n.kind.is_wordlike())
            {
                k += 1;
                continue;
            }
            // "Sen. Jane Roe (D-Calif.)": a party tag after a name.
            if is_punct(t, "(")
                && k > start
                && is_cap(&self.toks[k - 1])
                && let Some(c) = (k + 1..hi.min(k + 8)).find(|&c| is_punct(&self.toks[c], ")"))
            {
                k = c + 1;
                continue;
            }
            if is_punct(t, ",") {
                // Keep an appositive: ", a Republican strategist".
                let n = self.lw(k + 1);
                if appositive
                    && k + 1 < hi
                    && self.is(k + 1, lx::DETERMINERS | lx::TITLES)
                    && !matches!(n, "who" | "which" | "that")
                {
                    k += 1;
                    continue;
                }
                break;
            }
            if !t.kind.is_wordlike() {
                break;
            }
            let w = self.lw(k);
            // A source noun with its prepositional phrase: "said one
            // Democratic source on the panel", "a spokesman at the agency".
            // "said an aide close to the mayor", "one Democrat
            // familiar with the talks": so does an adjective of access.
            let head_prep = matches!(w, "on" | "in" | "at" | "from" | "with" | "to")
                && k > start
                && !is_cap(&self.toks[k - 1])
                && (self.is(k - 1, lx::SOURCE_HEADS | lx::PLURAL_SOURCES)
                    || matches!(
                        self.lw(k - 1),
                        "close" | "familiar" | "involved" | "briefed" | "knowledgeable"
                    ));
            if k > start
                && !head_prep
                && !self.is_name_word(k)
                && (self.is(k, lx::STOP) && !matches!(w, "of"))
                && !self.is(k, lx::DETERMINERS)
            {
                break;
            }
            if matches!(w, "who" | "which" | "that") {
                break;
            }
            // A cue form after a determiner or a possessive is a noun:
            // "familiar with the planning", "close to Roe's thinking".
            // (Not at the phrase's start: a lead-in reads "The note |
            // read:" from the cue form on.)
            let noun = k > start + 1
                && (matches!(
                    self.lw(k - 1),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its"
                ) || self.lw(k - 1).ends_with("'s")
                    || self.lw(k - 1).ends_with("’s"));
            if k > start && !is_cap(t) && !self.cue(k).is_empty() && !noun {
                break;
            }
            k += 1;
        }
        while k > start && (is_punct(&self.toks[k - 1], ",") || self.lw(k - 1) == "of") {
            k -= 1;
        }
        (k > start).then_some(start..k)
    }

    /// A source after its cue runs on through an appositive or relative
    /// clause to the end of the sentence: "said Jane Roe, a strategist
    /// who worked for two governors".
    pub(super) fn extend_source(&self, src: Range<usize>, se: usize) -> Range<usize> {
        // "said a group of owners who met the mayor": a
        // restrictive relative clause that reports nothing of its own.
        if src.end + 1 < se
            && matches!(self.lw(src.end), "who" | "whose")
            && !self.opens_reporting_relative(src.end)
            && !self.toks[src.end..se]
                .iter()
                .any(|t| t.is_quote() || is_punct(t, ","))
        {
            return src.start..self.trimmed_end(src.end, se);
        }
        // From the appositive's comma, inside the phrase or right after it.
        let Some(e) = (src.start..(src.end + 1).min(se)).find(|&k| is_punct(&self.toks[k], ","))
        else {
            return src;
        };
        if e + 1 < se
            && se - e <= 40
            && !self.toks[e..se].iter().any(|t| t.is_quote())
            && !self.opens_aside(e + 1)
            && !self.opens_reporting_relative(e + 1)
            && self.lw(e + 1) != "according"
        {
            // The appositive ends before a relative clause that reports
            // words of its own or a participial aside ("said Jane Roe, a
            // lawyer for the city, who argued that …", "said Roe, speaking
            // by phone").
            // So does an adverbial after a comma ("…, in a statement").
            let stop = (e + 1..se)
                .find(|&k| {
                    // "said Jane Roe, head of the union, which represents
                    // …": a relative clause of the appositive's noun, not
                    // of the name (", who …" is the name's).
                    let second = k > e + 2
                        && is_punct(&self.toks[k - 1], ",")
                        && self.lw(k) == "which"
                        && !self.toks[e + 1..k - 1].iter().any(|t| is_punct(t, ","));
                    second
                        || (self.opens_reporting_relative(k) && !is_cap(&self.toks[k]))
                        || (is_punct(&self.toks[k - 1], ",")
                            && (self.opens_aside(k)
                                || (self.is(k, lx::PREPOSITIONS)
                                    && !is_cap(&self.toks[k])
                                    && (k > e + 1 || self.lw(k) != "of"))))
                })
                .unwrap_or(se);
            let end = self.trimmed_end(e, stop);
            if end > e {
                return src.start..end;
            }
        }
        src
    }
}
