//! The one pass over a document's table: candidate runs of capitalized
//! words ([`Scan::run_end`]), their titles trimmed ([`Scan::trim`]), and
//! their kind from their words and context ([`Scan::classify`]).

use std::ops::Range;

use newsnlp_text::Table;
use newsnlp_text::hash::{FastMap, FastSet};
use newsnlp_text::table::Flags;
use newsnlp_text::words::{Classes, WordClass};
use newsnlp_tokenize::{Token, Tokenized};

use crate::lexicon::{CueMemo, Cues, Lexicon};
use crate::shape::{all_caps, demonym, initial, possessive_len, possessive_of, word_key};
use crate::{Evidence, Name, NameKind};

mod after;
mod context;
mod member;
mod news;
mod org;
mod person;
mod split;

/// Closed-class words that are never a name, even capitalized ("The",
/// "In", "He", "Monday", "May").
pub(crate) const FUNCTION: Classes = WordClass::Determiners
    .set()
    .union(WordClass::Stop.set())
    .union(WordClass::SubjectPronouns.set())
    .union(WordClass::Aux.set())
    .union(WordClass::Prepositions.set())
    .union(WordClass::NpPronouns.set())
    .union(WordClass::ClauseWords.set())
    .union(WordClass::Days.set())
    .union(WordClass::RelativeDays.set())
    .union(WordClass::Months.set())
    .union(WordClass::QuestionWords.set())
    .union(WordClass::SentenceAdverbs.set());

/// The most words a name has ("Port Authority of New York and New
/// Jersey" has 8); a longer run is cut into names of at most this many.
const MAX_NAME: usize = 16;

/// Verbs right after their subject ("was", "has", "took").
const VERBS: Classes = WordClass::Finite.set().union(WordClass::SubjectVerbs.set());

/// A token's packed key ([`Table::key`]).
type Key = (u64, u64);

/// The names found earlier in the document, remembered by the keys of
/// their first and last tokens (hashed: a document names thousands).
#[derive(Default)]
struct Earlier {
    /// First and last words of people named with two words or more.
    person_words: FastSet<Key>,
    /// First words of organizations named with two words or more
    /// ("Northwind" of "Northwind Robotics Inc.").
    org_firsts: FastSet<Key>,
    /// The kind of the latest name of each shape (first word, last word,
    /// length).
    forms: FastMap<(Key, Key, usize), NameKind>,
}

/// The state of one document's pass.
pub(crate) struct Scan<'a, 't> {
    lex: &'a Lexicon,
    tokens: &'a [Token<'t>],
    table: &'a Table<'t>,
    /// The known spans, sorted by start and end (the caller sorts them).
    known: &'a [Range<usize>],
    /// The first known span that may still cover a later token.
    next_known: usize,
    earlier: Earlier,
    out: Vec<Name>,
    cue_memo: CueMemo,
    elsewhere_budget: member::WalkBudget,
}

impl<'a, 't> Scan<'a, 't> {
    pub(crate) fn new(
        lex: &'a Lexicon,
        doc: &'a Tokenized<'t>,
        table: &'a Table<'t>,
        known: &'a [Range<usize>],
    ) -> Scan<'a, 't> {
        Scan {
            lex,
            tokens: doc.tokens(),
            table,
            known,
            next_known: 0,
            earlier: Earlier::default(),
            out: Vec::new(),
            cue_memo: CueMemo::new(table.len()),
            elsewhere_budget: member::WalkBudget::new(table.len()),
        }
    }

    /// The names, left to right.
    pub(crate) fn run(mut self) -> Vec<Name> {
        let n = self.table.len().min(self.tokens.len());
        let mut i = 0;
        // The end of the last run: a name cut out of a run ("Kestrel
        // Partners | and Varn Holdings", "Lisa Gilette | Kristen Quinn")
        // leaves the rest of it, which ends there too; walking it again
        // would make a long run cost its length squared.
        let mut run_end = 0;
        while i < n {
            if self.covered(i)
                && let Some(end) = self.place_led_org(i, n)
            {
                run_end = end;
                i = self.take(i, end.min(i + MAX_NAME)).max(i + 1);
                continue;
            }
            if i >= run_end && self.covered(i) && self.given_before_surname(i, n) {
                // "Kerry Dunwoody", "said Jordan Ellis": a given name the
                // gazetteer holds as a surname or a place opens a name.
                run_end = self.run_end(i, n);
                i = self.take(i, run_end.min(i + MAX_NAME)).max(i + 1);
                continue;
            }
            if !self.cap_word(i) || self.covered(i) {
                if self.table.flags(i).contains(Flags::CAPITALIZED) {
                    self.function_brand(i);
                }
                i += 1;
                continue;
            }
            // "Shares of Brightwater Foods Inc fell": a company's noun
            // opening the sentence before "of" is no part of its name.
            if i >= run_end
                && self.cues(i).contains(Cues::ORG_OWNED)
                && self.table.lower(i + 1) == "of"
                && i + 2 < n
                && self.cap_word(i + 2)
            {
                i += 2;
                continue;
            }
            if i >= run_end {
                run_end = self.run_end(i, n);
            }
            // No name is longer than MAX_NAME words: a take looks at that
            // much of a long run (a heading, a list), so each costs the
            // same.
            i = self.take(i, run_end.min(i + MAX_NAME)).max(i + 1);
        }
        self.out
    }

    /// Whether the known span at token `i` is that word alone, a given
    /// name, followed by a capitalized word no list holds ("Kerry |
    /// Dunwoody"): a person's name starts there, whoever the gazetteer
    /// knows by that word.
    fn given_before_surname(&self, i: usize, n: usize) -> bool {
        let next = i + 1;
        next < n
            && self.known_word(i)
            && self.cues(i).contains(Cues::GIVEN)
            && self.cap_word(next)
            && self.cues(next).is_empty()
            && !self.covered_ahead(next)
            && self.table.sentence(next) == self.table.sentence(i)
            && !self.table.flags(next).contains(Flags::LINE_BREAK)
    }

    /// Whether token `i` is a capitalized word that may be part of a name.
    #[inline]
    fn cap_word(&self, i: usize) -> bool {
        let f = self.table.flags(i);
        f.contains(Flags::CAPITALIZED)
            && f.contains(Flags::WORDLIKE)
            && !self.table.classes(i).intersects(FUNCTION)
    }

    /// The cues of token `i`.
    #[inline]
    fn cues(&self, i: usize) -> Cues {
        self.cue_memo.get(self.lex, self.table, i)
    }

    /// The cues of a name's token `i`; a possessive's are its word's
    /// ("Committee's" ends in an organization head). Only the last token
    /// of a run can be one, so only the typing asks.
    fn word_cues(&self, i: usize) -> Cues {
        let cues = self.cues(i);
        if !cues.is_empty() || possessive_of(self.table, i) == 0 {
            return cues;
        }
        self.possessor(i)
            .map_or(Cues::EMPTY, |word| self.lex.word(word))
    }

    /// Token `i` lowercased without its possessive "'s", if it has one.
    fn possessor(&self, i: usize) -> Option<&str> {
        let lower = self.table.lower(i);
        lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
    }

    /// Whether token `i` is a lone word in the possessive that may be a
    /// person's: not a closed-class word ("Friday's"), an acronym
    /// ("NBC's") or a word of the lists ("God's", "Committee's").
    fn owner(&self, i: usize) -> bool {
        // "Romney's", or "Romney 's" as detokenized text has it.
        let split = matches!(self.table.token(i + 1), "'" | "’")
            && self.table.token(i + 2) == "s"
            && self.table.span(i + 1).end == self.table.span(i + 2).start;
        let Some(word) = self
            .possessor(i)
            .or_else(|| split.then(|| self.table.lower(i)))
        else {
            return false;
        };
        let token = self.table.token(i);
        let acronym = all_caps(token.get(..word.len()).unwrap_or(token));
        // Before a capitalized word it is an employer or a place as often
        // ("Stanford's Katherine Hilton").
        let next = if split { i + 3 } else { i + 1 };
        !acronym
            && !self.table.flags(next).contains(Flags::CAPITALIZED)
            && !Classes::of(word).intersects(FUNCTION)
            && self.word_cues(i).is_empty()
    }

    /// Whether a known span overlaps token `i` (tokens come in order, so a
    /// cursor walks the sorted spans).
    fn covered(&mut self, i: usize) -> bool {
        let span = self.table.span(i);
        while let Some(k) = self.known.get(self.next_known) {
            if k.end <= span.start {
                self.next_known += 1;
                continue;
            }
            return k.start < span.end;
        }
        false
    }

    /// Whether a known span overlaps token `i`, without moving the cursor.
    fn covered_ahead(&self, i: usize) -> bool {
        let span = self.table.span(i);
        self.known
            .get(self.next_known..)
            .unwrap_or_default()
            .iter()
            .take_while(|k| k.start < span.end)
            .any(|k| k.end > span.start)
    }

    /// Whether a known span is token `i` alone (a possessive outside): a
    /// non-empty one starts with it, and every known span that overlaps
    /// it lies inside it (none reaches out to a neighbour).
    fn known_word(&self, i: usize) -> bool {
        let span = self.table.span(i);
        let ahead = self.known.get(self.next_known..).unwrap_or_default();
        let mut overlapping = ahead
            .iter()
            .take_while(|k| k.start < span.end)
            .filter(|k| k.end > span.start);
        self.table.sentence(i) == self.table.sentence(i.wrapping_sub(1))
            && !self.table.flags(i).contains(Flags::LINE_BREAK)
            && overlapping.clone().any(|k| k.start == span.start)
            && overlapping.all(|k| k.start >= span.start && k.end <= span.end)
    }

    /// The end (exclusive) of the run of name words that starts at
    /// `start`: capitalized words of one sentence and line, joined by
    /// connectors ("of", "de", "&") and "and" before another capitalized
    /// word; a possessive ends it.
    fn run_end(&self, start: usize, n: usize) -> usize {
        let sentence = self.table.sentence(start);
        let joins = |j: usize| {
            j < n
                && self.table.sentence(j) == sentence
                && !self.table.flags(j).contains(Flags::LINE_BREAK)
                && !self.covered_ahead(j)
        };
        let mut j = start;
        loop {
            // "the Farmers’ Union": a plural owner inside a name.
            if let Some(head) = self.plural_owner(j, joins) {
                j = head;
                continue;
            }
            if possessive_of(self.table, j) > 0 {
                return j + 1;
            }
            let next = j + 1;
            if !joins(next) {
                // A known surname after a given name is someone else's
                // ("Sarah Bennett" is not Naftali Bennett): the name holds it.
                // So is a continent after a company ("Trelvane Europe").
                let holder = self.cues(start);
                // And "New England", "West Texas": an opener before a
                // known place word.
                let surname = next == start + 1
                    && ((holder.contains(Cues::GIVEN)
                        || holder.is_empty() && self.cues(next).contains(Cues::BRANCH))
                        && self.cap_word(next)
                        && self.known_word(next)
                        || self.held_place(next));
                // "Civil Liberties Union of Northern California": an
                // organization's "of" before an opener and a known place.
                let of_place = next > start + 2
                    && self.table.lower(j - 1) == "of"
                    && self.held_place(next)
                    && (start..j).any(|t| self.cues(t).contains(Cues::ORG_HEAD));
                return if surname || of_place { next + 1 } else { next };
            }
            if self.cap_word(next) {
                j = next;
                continue;
            }
            if let Some(last) = self.known_after_of(start..next, n) {
                j = last;
                continue;
            }
            // A hyphen inside a name, no space on either side
            // ("Mendoza-Reyes", "Thomas-Greenfield").
            let tight = |a: usize, b: usize| self.table.span(a).end == self.table.span(b).start;
            if matches!(self.table.token(next), "-" | "\u{2010}" | "\u{2011}")
                && joins(next + 1)
                && self.cap_word(next + 1)
                && tight(j, next)
                && tight(next, next + 1)
            {
                j = next + 1;
                continue;
            }
            let connects =
                self.cues(next).contains(Cues::CONNECTOR) || self.table.lower(next) == "and";
            if connects
                && !self.table.flags(next).contains(Flags::CAPITALIZED)
                && joins(next + 1)
                && self.cap_word(next + 1)
            {
                j = next + 1;
                continue;
            }
            return next;
        }
    }

    /// The last token of a known span after "of" that ends an
    /// organization's name ("Housing Authority of New Orleans", "Bank of
    /// England"): the run so far (`run`, "of" at its end) holds an
    /// organization head, and the known span starts right after "of".
    fn known_after_of(&self, run: Range<usize>, n: usize) -> Option<usize> {
        let of = run.end;
        let first = of + 1;
        if self.table.lower(of) != "of"
            || first >= n
            || !self.cap_word(first)
            || self.table.sentence(first) != self.table.sentence(of)
            || !run.clone().any(|t| self.cues(t).contains(Cues::ORG_HEAD))
        {
            return None;
        }
        let start = self.table.span(first).start;
        let k = self
            .known
            .get(self.next_known..)
            .unwrap_or_default()
            .iter()
            .take_while(|k| k.start <= start)
            .find(|k| k.start == start)?;
        let mut last = first;
        while last + 1 < n
            && self.table.span(last + 1).end <= k.end
            && self.table.sentence(last + 1) == self.table.sentence(first)
        {
            last += 1;
        }
        // The known span ends where its last token does (a possessive
        // outside it), so the name holds it whole.
        let end = self.table.span(last).end;
        let whole = end - possessive_len(self.table.token(last)).min(end) == k.end || end == k.end;
        // No other known span reaches out of it.
        let alone = self
            .known
            .get(self.next_known..)
            .unwrap_or_default()
            .iter()
            .take_while(|o| o.start < end)
            .filter(|o| o.end > start)
            .all(|o| o.start >= start && o.end <= end);
        (whole && alone).then_some(last)
    }

    /// Cuts the name out of the run `start..end` and types it; returns
    /// where the scan goes on. A person or a plain shape is cut at an
    /// inner "of", "and" or "&" ("Sarah Bennett of Oslo"): only
    /// organizations and place words keep them.
    fn take(&mut self, start: usize, end: usize) -> usize {
        // A title-case headline's verb opens no name and ends the one
        // before it ("Harbor Trust to | Acquire | Vantor Bank").
        let end = match self.headline_verb(start, end) {
            Some(v) if v == start => return start + 1,
            Some(v) => v,
            None => end,
        };
        if self.party_and_state(start, end) {
            return end;
        }
        let (s, titled) = self.trim(start, end);
        // A title may end before a lowercase connector ("Secretary of State
        // | and …"): no name opens there.
        if s < end && !self.flags_capitalized(s) {
            return s + 1;
        }
        // A given name after the first two words opens the next name
        // ("Lisa Gilette Kristen Quinn", "Vince Traci"); the scan goes on
        // there.
        let end = if titled {
            end
        } else {
            self.inner_title(s, end)
        };
        let end = self.given_name_split(s, end, titled);
        let end = self.list_split(s, end);
        let mut e = end;
        // Trailing words that are no names, and an abbreviated title that
        // belongs to the next name ("Vince Dear Dr."), go; not an
        // organization's head after other words ("United Auto Workers").
        while e > s {
            let c = self.cues(e - 1);
            let title = c.contains(Cues::TITLE) && self.table.token(e - 1).ends_with('.');
            let head = c.contains(Cues::ORG_HEAD) && e - 1 > s;
            if !(c.contains(Cues::NOT_NAME) && !head || title) {
                break;
            }
            e -= 1;
        }
        // An office after a name is no part of it: "Fairfax County Police
        // | Chief", "Johnathan Anderson | Associate".
        let mut office = e;
        while office > s + 1
            && self
                .cues(office - 1)
                .intersects(Cues::TITLE | Cues::TITLE_PART | Cues::ROLE)
        {
            office -= 1;
        }
        // Not after a connector: "Ministry of Justice" keeps its word.
        if office < e && office >= s + 2 && self.flags_capitalized(office - 1) {
            e = office;
        }
        if s >= e {
            return end;
        }
        let whole = self.classify(start, s..e, titled);
        let keeps_joins = whole.is_some_and(|k| {
            matches!(
                k.1,
                Evidence::OrgHead | Evidence::PlaceWord | Evidence::OrgCue
            )
        });
        let join = (s + 1..e).find(|&j| matches!(self.table.lower(j), "of" | "for" | "and" | "&"));
        let person_of = whole
            .filter(|k| k.1 == Evidence::OrgHead)
            .and_then(|_| self.person_before_of(start, &(s..e)));
        let (found, next) = match (whole, join) {
            // "Mara Lindgren | of Kestrel State University": a person, then
            // the organization.
            (Some(_), _) if person_of.is_some() => {
                let (j, evidence) = person_of.unwrap_or((e, Evidence::OrgHead));
                e = j;
                ((NameKind::Person, evidence), j + 1)
            }
            (Some(k), _) if keeps_joins => (k, end),
            (_, Some(j)) => {
                e = j;
                match self.classify(start, s..j, titled) {
                    Some(k) => (k, j + 1),
                    None => return j + 1,
                }
            }
            (Some(k), None) => (k, end),
            (None, None) => return end,
        };
        // A brand's mark is part of its name ("Yahoo!").
        if found.1 == Evidence::OrgCue && self.brand_mark(start, e) {
            e += 1;
        }
        // A known word before a lone surname is a given name ("Chad
        // Rowntree told"), not after a title ("Ohio Gov. Kasich").
        let given = found.0 == NameKind::Person
            && e == s + 1
            && s == start
            && !matches!(found.1, Evidence::Title | Evidence::Byline)
            && self.known_given(s);
        self.push(if given { s - 1..e } else { s..e }, found);
        next
    }

    /// Whether token `i` is capitalized.
    fn flags_capitalized(&self, i: usize) -> bool {
        self.table.flags(i).contains(Flags::CAPITALIZED)
    }

    /// Where the name of the run `start..end` starts, after its titles
    /// ("Prime Minister", "Sen.", "Secretary of State") or leading words
    /// that are no names ("Thanks", "Norwegian"), and whether a title was
    /// trimmed. A title before a lone organization head stays
    /// ("General Motors").
    fn trim(&self, start: usize, end: usize) -> (usize, bool) {
        let mut p = start;
        let mut titled = false;
        while p < end {
            let c = self.cues(p);
            let title_of = p > start && matches!(self.table.lower(p), "of" | "for");
            let marks = Cues::TITLE | Cues::TITLE_PART | Cues::ROLE | Cues::NOT_NAME;
            if !(c.intersects(marks) || title_of) {
                break;
            }
            titled |= c.contains(Cues::TITLE);
            p += 1;
        }
        // Parts or roles alone ("Attorney", "Anchor") title a given name
        // and a surname after them: "Attorney Anna Lund", "Anchor Don
        // Lemon".
        // So do they before exactly two words no list knows, when a role
        // is among them: "Deputy Prosecutor Anna Lund"; not after a
        // determiner ("the Teacher Retirement System") nor in a headline
        // set in title case ("Anchor Voiced Fears").
        let unknown_pair = p + 2 == end
            && (p..end).all(|j| self.cues(j).is_empty())
            && (start..p).any(|j| self.cues(j).contains(Cues::ROLE))
            && !start
                .checked_sub(1)
                .is_some_and(|b| self.table.classes(b).contains(WordClass::Determiners))
            && !self.title_case_line(start);
        titled |= p > start
            && p + 2 <= end
            && (self.cues(p).contains(Cues::GIVEN) || unknown_pair)
            && (start..p).all(|j| self.cues(j).intersects(Cues::TITLE_PART | Cues::ROLE));
        // "Secretary of State for Energy Nuno Albergaria", "Minister for
        // Foreign Affairs Jane Roe": the portfolio after "for" is the
        // title's, up to the last two words.
        if titled && (start..p).any(|k| self.table.lower(k) == "for") {
            while end - p > 2 && !self.cues(p).contains(Cues::GIVEN) {
                p += 1;
            }
        }
        if titled {
            let lone_head = p + 1 == end && self.cues(p).contains(Cues::ORG_HEAD);
            // "Director of National Intelligence", "CEO of Feld
            // Entertainment": an office of something, no title of the
            // words after "of".
            let office = self.table.lower(p - 1) == "of";
            return if lone_head || office {
                (start, false)
            } else {
                (p, true)
            };
        }
        // Leading words that are no names go, unless a connector follows:
        // then they open a longer name ("Americans for Prosperity"), or
        // the cut at the connector drops them ("Residents of | Fort Smith").
        // A head at the end keeps them: "Indian Ocean", "British Museum".
        // So does a head before an inner "of": "American Academy of
        // Pediatrics".
        let head_at = |k: usize| {
            self.word_cues(k)
                .intersects(Cues::ORG_HEAD | Cues::PLACE_HEAD)
        };
        let headed = end > start + 1
            && (head_at(end - 1)
                || (start + 1..end)
                    .find(|&k| self.table.lower(k) == "of")
                    .is_some_and(|of| of > start + 1 && head_at(of - 1)));
        let mut s = start;
        while !headed
            && s < end
            && self.cues(s).contains(Cues::NOT_NAME)
            && self.table.flags(s + 1).contains(Flags::CAPITALIZED)
        {
            s += 1;
        }
        (s, false)
    }

    /// Whether token `i` starts a line (or the text, or a paragraph).
    fn line_start(&self, i: usize) -> bool {
        i == 0
            || self.table.flags(i).contains(Flags::LINE_BREAK)
            || self.table.paragraph(i) != self.table.paragraph(i - 1)
    }

    /// Whether the run is a dateline: all caps at the start of a line,
    /// before a dash, a bracket or a comma ("GENEVA —", "OSLO (Reuters)").
    fn dateline(&self, name: &Range<usize>) -> bool {
        // The one dateline test every layer shares (newsnlp_text::news).
        self.line_start(name.start)
            && self.caps(name)
            && newsnlp_text::news::dateline_end(
                self.table.text(),
                self.table.span(name.start).start,
            )
            .is_some()
    }

    /// The cues of the word after a name (after a comma: "Jim Ray, who").
    fn after(&self, e: usize) -> Cues {
        let e = if self.table.token(e) == "," { e + 1 } else { e };
        if self.table.flags(e).contains(Flags::CAPITALIZED) {
            return Cues::EMPTY;
        }
        self.cues(e)
    }

    /// The kind of an acronym in brackets right after the name it
    /// abbreviates: "Housing Authority of New Orleans (HANO)".
    fn expansion(&self, i: usize) -> Option<(NameKind, Evidence)> {
        let open = i.checked_sub(1)?;
        if self.table.token(open) != "(" || self.table.token(i + 1) != ")" {
            return None;
        }
        let last = self.out.last()?;
        (last.tokens.end == open).then_some((last.kind, Evidence::Acronym))
    }

    /// Whether every token of the run is all caps.
    fn caps(&self, name: &Range<usize>) -> bool {
        name.clone().all(|j| all_caps(self.table.token(j)))
    }

    /// Whether a run of several words names an organization by its
    /// words (`words`: all their cues): a head anywhere, a suffix last,
    /// "News" ending a name mid-sentence ("said Breitbart News", not the
    /// heading "Breaking News Alert"), an ampersand ("Harrow & Finch"), or
    /// a branch word after an unknown one ("Oceana Europe").
    fn org_by_words(
        &self,
        start: usize,
        name: &Range<usize>,
        words: Cues,
        first: Cues,
        last: Cues,
    ) -> bool {
        let prose_head = last.contains(Cues::PROSE_HEAD) && self.mid_sentence(start);
        let ampersand = name.clone().any(|j| self.table.token(j) == "&");
        let branch = name.len() == 2 && first.is_empty() && last.contains(Cues::BRANCH);
        words.contains(Cues::ORG_HEAD)
            || last.contains(Cues::ORG_SUFFIX)
            || prose_head
            || ampersand
            || branch
    }

    /// Whether a run of several words names a place by its words: a place
    /// head last or a place start first, not a demonym nor an adjective of
    /// a place's people ("South Korean", "North African") unless the word
    /// is a listed place or a head ("Pacific Ocean").
    fn place_by_words(&self, name: &Range<usize>, first: Cues, last: Cues) -> bool {
        let place_word = last.contains(Cues::PLACE_HEAD)
            || first.contains(Cues::PLACE_START)
            || self.new_place(name);
        let last_token = self.table.token(name.end - 1);
        let adjective = ["ean", "ian", "can"]
            .iter()
            .any(|a| last_token.ends_with(a))
            && !last.intersects(Cues::PLACE_NAME | Cues::PLACE_HEAD);
        name.len() > 1 && place_word && !demonym(last_token) && !adjective
    }

    /// The kind of the name `name` (its run started at `start`, before any
    /// trimmed title) and the first rule that decided it, or `None` when
    /// it is no name.
    fn classify(
        &self,
        start: usize,
        name: Range<usize>,
        titled: bool,
    ) -> Option<(NameKind, Evidence)> {
        use Evidence as E;
        use NameKind::{Organization, Person, Place};
        let (s, e) = (name.start, name.end);
        let len = e - s;
        let (first, last) = (self.word_cues(s), self.word_cues(e - 1));
        // The lowercase word before the run, if any.
        let before = start
            .checked_sub(1)
            .filter(|&b| !self.table.flags(b).contains(Flags::CAPITALIZED));
        let before_cues = before.map_or(Cues::EMPTY, |b| self.cues(b));
        if titled {
            return Some((Person, E::Title));
        }
        // Every word's cues at once (one lookup per word; the first and last
        // are looked up above).
        let words = (s + 1..e - 1).fold(first | last, |all, j| all | self.word_cues(j));
        if words.contains(Cues::EVENT) {
            return None;
        }
        // A lone name suffix ("Jr." after a name the gazetteer holds) or a
        // closed-class word in the possessive ("Thursday's") is no name.
        let closed = self
            .possessor(s)
            .is_some_and(|w| Classes::of(w).intersects(FUNCTION));
        if len == 1 && (first.contains(Cues::NAME_SUFFIX) || closed) {
            return None;
        }
        if len > 1 && self.org_by_words(start, &name, words, first, last) {
            return Some((Organization, E::OrgHead));
        }
        let last_token = self.table.token(e - 1);
        if self.place_by_words(&name, first, last) {
            return Some((Place, E::PlaceWord));
        }
        let byline = start
            .checked_sub(1)
            .is_some_and(|b| self.table.lower(b) == "by" && self.line_start(b));
        if byline {
            return Some((Person, E::Byline));
        }
        if self.dateline(&name) {
            return Some((Place, E::Dateline));
        }
        // A lone given name after a place cue is a place: "in Charlotte".
        let owned = possessive_len(last_token) > 0;
        if len == 1
            && first.contains(Cues::GIVEN)
            && before_cues.contains(Cues::PLACE_CUE)
            && !owned
        {
            return Some((Place, E::PlaceCue));
        }
        // "Analysts at Raymond Hollis said": an employer.
        if self.employer_at(start) {
            return Some(news::EMPLOYER);
        }
        if first.contains(Cues::GIVEN) {
            return Some((Person, E::GivenName));
        }
        if before_cues.intersects(Cues::TITLE | Cues::ROLE) || self.role_comma(start, e) {
            return Some((Person, E::Title));
        }
        if self.initialed(&name) {
            return Some((Person, E::Initial));
        }
        if let Some(found) = self.remembered(&name) {
            return Some(found);
        }
        if len == 1 && first.contains(Cues::PLACE_NAME) {
            return Some((Place, E::PlaceName));
        }
        if let Some(found) = self.org_context(start, &name, first) {
            return Some(found);
        }
        if self.staff_of(start, &name) {
            return Some((Organization, E::OrgCue));
        }
        if self.brand_mark(start, e) && !self.caps(&name) {
            return Some((Organization, E::OrgCue));
        }
        // All caps without other evidence: acronyms of anything, shouting,
        // headlines (as organizations: 10 right of 113 on UNER EWT dev).
        if self.caps(&name) {
            let lone = len == 1 && self.acronym_in_prose(s);
            return (len == 1)
                .then(|| self.expansion(s))
                .flatten()
                .or(lone.then_some((Organization, E::Acronym)));
        }
        if self.apposition(e) {
            return Some((Person, E::Apposition));
        }
        // "in Trump's administration": an owner after "in", no place.
        if (before_cues.contains(Cues::PLACE_CUE) || self.of_place(start)) && !owned {
            return Some((Place, E::PlaceCue));
        }
        // The speaker ends the clause ("…,” said Okafor." / "said Okafor,
        // a spokesman"); "said Kestrix has" is a reported subject, and
        // "said House | Speaker Paul Ryan" an office.
        let clause_end = !self.table.flags(e).contains(Flags::WORDLIKE)
            && !matches!(self.table.token(e), "'" | "’");
        if self.role_apposition(s, e) {
            return Some((Person, E::Apposition));
        }
        if before_cues.contains(Cues::SPEECH_BEFORE) && clause_end {
            return Some((Person, E::PersonCue));
        }
        if self.place_comma(e) {
            return Some((Place, E::PlaceComma));
        }
        self.by_context(start, &name, first)
    }

    /// Whether a lowercase word comes right before token `start` in its
    /// sentence (a capitalized word there is no sentence opener), and not
    /// a connector or determiner, which put the run inside a longer name
    /// ("the Treaty of Valmora").
    fn mid_sentence(&self, start: usize) -> bool {
        start.checked_sub(1).is_some_and(|b| {
            let f = self.table.flags(b);
            self.table.sentence(b) == self.table.sentence(start)
                && f.contains(Flags::WORDLIKE)
                && !f.contains(Flags::CAPITALIZED)
                && !self.cues(b).contains(Cues::CONNECTOR)
                && !self.table.classes(b).contains(WordClass::Determiners)
        })
    }

    /// Whether "of" and a direction or a place word come before the run
    /// at `start`: "north of Kestrel", "the city of Tarnow".
    fn of_place(&self, start: usize) -> bool {
        let Some(of) = start.checked_sub(1) else {
            return false;
        };
        let Some(cue) = of.checked_sub(1) else {
            return false;
        };
        self.table.lower(of) == "of"
            && !self.table.flags(cue).contains(Flags::CAPITALIZED)
            && self.cues(cue).intersects(Cues::OF_PLACE | Cues::PLACE_HEAD)
    }

    /// Whether token `e` is a verb that follows its subject: a finite
    /// auxiliary ("was", "has"), an irregular past ("took") or a word in
    /// "-ed" ("announced").
    fn verb_after(&self, e: usize) -> bool {
        let f = self.table.flags(e);
        if !f.contains(Flags::WORDLIKE) || f.contains(Flags::CAPITALIZED) {
            return false;
        }
        let lower = self.table.lower(e);
        self.table.classes(e).intersects(VERBS) || (lower.len() >= 5 && lower.ends_with("ed"))
    }

    /// Whether the name has an initial inside it ("John F. Kennedy") or a
    /// one-letter initial first ("J. Ingrid Solberg"), and ends with a
    /// word.
    fn initialed(&self, name: &Range<usize>) -> bool {
        let (s, e) = (name.start, name.end);
        let token = |j: usize| self.table.token(j);
        e - s >= 2
            && !initial(token(e - 1))
            && (token(s).len() == 2 && initial(token(s))
                || (s + 1..e - 1).any(|j| initial(token(j))))
    }

    /// The kind of the name right before the run `start..e` when "and"
    /// or "or" joins them and it is a person or a place ("Ossoff and
    /// Handel"); a comma joins only inside a list, where another comma,
    /// "and" or "or" follows ("Rod, Elyse and Tina"; not "Jim, Take a
    /// look").
    fn coordinated(&self, start: usize, name: Range<usize>) -> Option<(NameKind, Evidence)> {
        let e = name.end;
        // A lone listed word is a common noun in a list ("Analyst").
        let c = self.cues(name.start);
        if name.len() == 1 && !c.is_empty() && !c.contains(Cues::GIVEN) {
            return None;
        }
        let listed = |j: usize| matches!(self.table.lower(j), "and" | "or");
        let mut join = start.checked_sub(1)?;
        // The serial comma: "Lisa Berg, Ottar, and Ingeborg".
        if listed(join) && join > 0 && self.table.token(join - 1) == "," {
            join -= 1;
        }
        let comma = self.table.token(join) == ","
            && (listed(e) || listed(join + 1) || self.table.token(e) == ",")
            && !self.cues(e - 1).contains(Cues::ORG_SUFFIX);
        // "Ossoff and Karen Handel": a given name after "and" makes a
        // lone word before it a person too.
        if name.len() == 1
            && listed(e)
            && self.cap_word(e + 1)
            && self.cues(e + 1).contains(Cues::GIVEN)
        {
            return Some((NameKind::Person, Evidence::Coordination));
        }
        if !(listed(join) || comma) {
            return None;
        }
        let last = self.out.last()?;
        // An organization joins only names of two words or more: "the
        // Club for Growth, Heritage Action and …" (a lone word after one
        // is as often a suffix or a product).
        let kind_joins = last.kind != NameKind::Organization || name.len() >= 2;
        (last.tokens.end == join && kind_joins).then_some((last.kind, Evidence::Coordination))
    }

    /// Whether the name is one hyphenated word ("Mendoza-Reyes").
    fn hyphenated(&self, name: &Range<usize>) -> bool {
        let len = name.end - name.start;
        len >= 3
            && len % 2 == 1
            && (name.start + 1..name.end)
                .step_by(2)
                .all(|j| matches!(self.table.token(j), "-" | "\u{2010}" | "\u{2011}"))
    }

    /// The kind an earlier name gives this one: a lone word that was an
    /// earlier person's surname or given name is that person; the same
    /// words again are of the same kind.
    fn remembered(&self, name: &Range<usize>) -> Option<(NameKind, Evidence)> {
        let len = name.end - name.start;
        let first = word_key(self.table, name.start)?;
        let last = word_key(self.table, name.end - 1)?;
        let lone_caps = all_caps(self.table.token(name.start));
        let one_word = len == 1 || self.hyphenated(name);
        if one_word && !lone_caps && self.earlier.person_words.contains(&first) {
            return Some((NameKind::Person, Evidence::EarlierPerson));
        }
        if !lone_caps && self.org_first(first, name.start) {
            return Some((NameKind::Organization, Evidence::EarlierName));
        }
        let kind = *self.earlier.forms.get(&(first, last, len))?;
        Some((kind, Evidence::EarlierName))
    }

    /// Records the name `name`.
    fn push(&mut self, name: Range<usize>, (kind, evidence): (NameKind, Evidence)) {
        let start = self.table.span(name.start).start;
        let last = self.table.span(name.end - 1);
        let end = last.end - possessive_len(self.table.token(name.end - 1));
        if end <= start {
            return;
        }
        // A lone word typed by its place in the sentence alone is not
        // repeated to later mentions: one wrong guess ("Google has") would
        // type them all.
        let weak = matches!(evidence, Evidence::Subject | Evidence::Owner);
        let len = name.end - name.start;
        if let (false, Some(first), Some(last)) = (
            weak,
            word_key(self.table, name.start),
            word_key(self.table, name.end - 1),
        ) {
            if kind == NameKind::Person && len > 1 {
                self.earlier.person_words.insert(first);
                self.earlier.person_words.insert(last);
                // A hyphenated surname by its first part ("Mendoza" of
                // "Victor Mendoza-Reyes").
                let mut s = name.end - 1;
                while s >= name.start + 2
                    && matches!(self.table.token(s - 1), "-" | "\u{2010}" | "\u{2011}")
                {
                    s -= 2;
                }
                if s < name.end - 1
                    && let Some(k) = self.table.key(s)
                {
                    self.earlier.person_words.insert(k);
                }
            }
            // Not an owner's word: "Women" of "Women's Rights Forum".
            let owner = possessive_of(self.table, name.start) > 0
                || matches!(self.table.token(name.start + 1), "'" | "’");
            if kind == NameKind::Organization && len > 1 && !owner {
                self.earlier.org_firsts.insert(first);
            }
            self.earlier.forms.insert((first, last, len), kind);
        }
        self.out.push(Name {
            span: start..end,
            tokens: name,
            kind,
            evidence,
            title: None,
        });
    }
}
