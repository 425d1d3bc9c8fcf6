//! The one pass over a document's table: candidate runs of capitalized
//! words ([`Scan::run_end`]), their titles trimmed ([`Scan::trim`]), and
//! their kind from their words and context ([`Scan::classify`]).

use std::ops::Range;

use newsnlp_text::Table;
use newsnlp_text::hash::{FastMap, FastSet};
use newsnlp_text::table::Flags;
use newsnlp_text::words::{Classes, WordClass};
use newsnlp_tokenize::{Token, TokenKind, Tokenized};

use crate::lexicon::{Cues, Lexicon};
use crate::{Evidence, Name, NameKind};

/// Closed-class words that are never a name, even capitalized ("The",
/// "In", "He", "Monday", "May").
const FUNCTION: Classes = WordClass::Determiners
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
    /// The known spans, sorted by start.
    known: Vec<Range<usize>>,
    /// The first known span that may still cover a later token.
    next_known: usize,
    earlier: Earlier,
    out: Vec<Name>,
}

/// Whether a token ends in a possessive "'s" or "’s": the name ends with
/// it, and the span leaves it out. The length of the ending, or 0.
pub(crate) fn possessive_len(token: &str) -> usize {
    if token.ends_with("'s") || token.ends_with("'S") {
        2
    } else if token.ends_with("’s") {
        "’s".len()
    } else {
        0
    }
}

/// Whether a word names people from a place ("South Koreans", "New
/// Yorkers"): a place word before it makes no place.
pub(crate) fn demonym(token: &str) -> bool {
    ["ans", "ers", "ese"].iter().any(|s| token.ends_with(s))
}

/// Whether a token has letters and no lowercase one ("HANO", "U.S.").
pub(crate) fn all_caps(token: &str) -> bool {
    token.chars().any(char::is_alphabetic) && !token.chars().any(char::is_lowercase)
}

impl<'a, 't> Scan<'a, 't> {
    pub(crate) fn new(
        lex: &'a Lexicon,
        doc: &'a Tokenized<'t>,
        table: &'a Table<'t>,
        known: &[Range<usize>],
    ) -> Scan<'a, 't> {
        let mut known = known.to_vec();
        known.sort_by_key(|r| (r.start, r.end));
        Scan {
            lex,
            tokens: doc.tokens(),
            table,
            known,
            next_known: 0,
            earlier: Earlier::default(),
            out: Vec::new(),
        }
    }

    /// The names, left to right.
    pub(crate) fn run(mut self) -> Vec<Name> {
        let n = self.table.len().min(self.tokens.len());
        let mut i = 0;
        while i < n {
            if !self.cap_word(i) || self.covered(i) {
                i += 1;
                continue;
            }
            let end = self.run_end(i, n);
            i = self.take(i, end).max(i + 1);
        }
        self.out
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
        self.lex.key(self.table.key(i))
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

    /// Whether a known span is token `i` alone (a possessive outside).
    fn known_word(&self, i: usize) -> bool {
        let span = self.table.span(i);
        self.table.sentence(i) == self.table.sentence(i.wrapping_sub(1))
            && !self.table.flags(i).contains(Flags::LINE_BREAK)
            && self
                .known
                .get(self.next_known..)
                .unwrap_or_default()
                .iter()
                .take_while(|k| k.start <= span.start)
                .any(|k| k.start == span.start && k.end <= span.end)
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
            if possessive_len(self.table.token(j)) > 0 {
                return j + 1;
            }
            let next = j + 1;
            if !joins(next) {
                // A known surname after a given name is someone else's
                // ("Sarah Bennett" is not Naftali Bennett): the name holds it.
                let surname = next == start + 1
                    && self.cues(start).contains(Cues::GIVEN)
                    && self.cap_word(next)
                    && self.known_word(next);
                return if surname { next + 1 } else { next };
            }
            if self.cap_word(next) {
                j = next;
                continue;
            }
            if let Some(last) = self.known_after_of(start..next, n) {
                j = last;
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
        (end - possessive_len(self.table.token(last)).min(end) == k.end || end == k.end)
            .then_some(last)
    }

    /// Cuts the name out of the run `start..end` and types it; returns
    /// where the scan goes on. A person or a plain shape is cut at an
    /// inner "of", "and" or "&" ("Sarah Bennett of Oslo"): only
    /// organizations and place words keep them.
    fn take(&mut self, start: usize, end: usize) -> usize {
        let (s, titled) = self.trim(start, end);
        // A given name after the first two words opens the next name
        // ("Lisa Gilette Kristen Quinn", "Vince Traci"); the scan goes on
        // there.
        let end = self.given_name_split(s, end);
        let mut e = end;
        // Trailing words that are no names, and an abbreviated title that
        // belongs to the next name ("Vince Dear Dr."), go.
        while e > s {
            let c = self.cues(e - 1);
            let title = c.contains(Cues::TITLE) && self.table.token(e - 1).ends_with('.');
            if !(c.contains(Cues::NOT_NAME) || title) {
                break;
            }
            e -= 1;
        }
        if s >= e {
            return end;
        }
        let whole = self.classify(start, s..e, titled);
        let keeps_joins =
            whole.is_some_and(|k| matches!(k.1, Evidence::OrgHead | Evidence::PlaceWord));
        let join = (s + 1..e).find(|&j| matches!(self.table.lower(j), "of" | "for" | "and" | "&"));
        let (found, next) = match (whole, join) {
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
        self.push(s..e, found);
        next
    }

    /// Where the run `s..end` ends when a given name inside it opens a
    /// second name: at a given name after another ("Vince Traci") or
    /// after two words ("Lisa Gilette Kristen Quinn").
    fn given_name_split(&self, s: usize, end: usize) -> usize {
        (s + 1..end)
            .find(|&j| {
                self.cues(j).contains(Cues::GIVEN)
                    && (j >= s + 2 || self.cues(j - 1).contains(Cues::GIVEN))
            })
            .unwrap_or(end)
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
            let title_of = p > start && self.table.lower(p) == "of";
            if !(c.intersects(Cues::TITLE | Cues::TITLE_PART | Cues::NOT_NAME) || title_of) {
                break;
            }
            titled |= c.contains(Cues::TITLE);
            p += 1;
        }
        if titled {
            let lone_head = p + 1 == end && self.cues(p).contains(Cues::ORG_HEAD);
            return if lone_head { (start, false) } else { (p, true) };
        }
        let mut s = start;
        while s < end && self.cues(s).contains(Cues::NOT_NAME) {
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
        self.line_start(name.start)
            && self.caps(name)
            && self
                .tokens
                .get(name.end)
                .is_some_and(|t| t.kind == TokenKind::Dash || matches!(t.text, "(" | "," | "-"))
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

    /// Whether a comma after the name (at token `e`) opens an apposition
    /// that makes it a person: an age ("Jim Ray, 45,") or a title within
    /// a few words of an article ("Jim Ray, a spokesman for", "Jim Ray,
    /// the company's chief executive").
    fn apposition(&self, e: usize) -> bool {
        if self.table.token(e) != "," {
            return false;
        }
        let age = |t: &str| (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
        if age(self.table.token(e + 1)) && self.table.token(e + 2) == "," {
            return true;
        }
        matches!(self.table.lower(e + 1), "a" | "an" | "the")
            && (e + 2..e + 6).any(|j| {
                !self.table.flags(j).contains(Flags::CAPITALIZED)
                    && self.cues(j).intersects(Cues::TITLE | Cues::TITLE_PART)
            })
    }

    /// Whether every token of the run is all caps.
    fn caps(&self, name: &Range<usize>) -> bool {
        name.clone().all(|j| all_caps(self.table.token(j)))
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
        let (first, last) = (self.cues(s), self.cues(e - 1));
        // The lowercase word before the run, if any.
        let before = start
            .checked_sub(1)
            .filter(|&b| !self.table.flags(b).contains(Flags::CAPITALIZED));
        let before_cues = before.map_or(Cues::EMPTY, |b| self.cues(b));
        if titled {
            return Some((Person, E::Title));
        }
        let org = name.clone().any(|j| self.cues(j).contains(Cues::ORG_HEAD))
            || (len > 1 && last.contains(Cues::ORG_SUFFIX));
        if org && len > 1 {
            return Some((Organization, E::OrgHead));
        }
        let place_word = last.contains(Cues::PLACE_HEAD) || first.contains(Cues::PLACE_START);
        if len > 1 && place_word && !demonym(self.table.token(e - 1)) {
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
        if first.contains(Cues::GIVEN) {
            return Some((Person, E::GivenName));
        }
        if before_cues.contains(Cues::TITLE) {
            return Some((Person, E::Title));
        }
        if let Some(found) = self.remembered(&name) {
            return Some(found);
        }
        if len == 1 && first.contains(Cues::PLACE_NAME) {
            return Some((Place, E::PlaceName));
        }
        // All caps without other evidence: acronyms of anything, shouting,
        // headlines (as organizations: 10 right of 113 on UNER EWT dev).
        if self.caps(&name) {
            return (len == 1).then(|| self.expansion(s)).flatten();
        }
        if self.apposition(e) {
            return Some((Person, E::Apposition));
        }
        if before_cues.contains(Cues::PLACE_CUE) {
            return Some((Place, E::PlaceCue));
        }
        let after = self.after(e);
        after
            .contains(Cues::PERSON_CUE)
            .then_some((Person, E::PersonCue))
    }

    /// The kind an earlier name gives this one: a lone word that was an
    /// earlier person's surname or given name is that person; the same
    /// words again are of the same kind.
    fn remembered(&self, name: &Range<usize>) -> Option<(NameKind, Evidence)> {
        let len = name.end - name.start;
        let first = self.table.key(name.start)?;
        let last = self.table.key(name.end - 1)?;
        let lone_caps = all_caps(self.table.token(name.start));
        if len == 1 && !lone_caps && self.earlier.person_words.contains(&first) {
            return Some((NameKind::Person, Evidence::EarlierPerson));
        }
        if !lone_caps && self.earlier.org_firsts.contains(&first) {
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
        let len = name.end - name.start;
        if let (Some(first), Some(last)) =
            (self.table.key(name.start), self.table.key(name.end - 1))
        {
            if kind == NameKind::Person && len > 1 {
                self.earlier.person_words.insert(first);
                self.earlier.person_words.insert(last);
            }
            if kind == NameKind::Organization && len > 1 {
                self.earlier.org_firsts.insert(first);
            }
            self.earlier.forms.insert((first, last, len), kind);
        }
        self.out.push(Name {
            span: start..end,
            tokens: name,
            kind,
            evidence,
        });
    }
}
