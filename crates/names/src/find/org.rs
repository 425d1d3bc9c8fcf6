//! What stands around a name that only an organization has: a descriptor
//! ("the broadcaster Kestrel", "the Varno union"), a company's noun
//! ("shares of Vantor", "Vantor's shareholders"), a publication's place
//! ("published in Health Matters"), "it" after its speech verb ("Vantor
//! said it had"), a brand's "!" or "?" ("Yahoo!"); and the plural
//! possessive inside an organization's name ("Farmers’ Union").

use std::ops::Range;

use newsnlp_text::table::Flags;
use newsnlp_text::words::{Classes, WordClass};

use super::Scan;
use crate::lexicon::Cues;
use crate::shape::possessive_of;
use crate::{Evidence, NameKind};

/// Days and months between a speech verb and "it" ("said on Tuesday it").
const WHEN: Classes = WordClass::Days
    .set()
    .union(WordClass::RelativeDays.set())
    .union(WordClass::Months.set());

impl Scan<'_, '_> {
    /// The cues of token `j` when it is a lowercase word, else none.
    fn lower_cues(&self, j: usize) -> Cues {
        let f = self.table.flags(j);
        if !f.contains(Flags::WORDLIKE) || f.contains(Flags::CAPITALIZED) {
            return Cues::EMPTY;
        }
        self.cues(j)
    }

    /// Whether token `j` is in the sentence of token `i`.
    fn same_sentence(&self, i: usize, j: usize) -> bool {
        self.table.sentence(i) == self.table.sentence(j)
    }

    /// The organization the words around the name `name` (its run
    /// started at `start`) make it, if any:
    ///
    /// - a descriptor right before it ("the broadcaster Kestrel", "the
    ///   journal Health Matters"), or right after a lone word after "the",
    ///   "a" or "an" that no list holds ("the Varno union");
    /// - a company's noun and "of", "in" or "at" before it ("shares of
    ///   Vantor", "a stake in the Kestrel Group"), or after a lone word in
    ///   the possessive ("Vantor's shareholders");
    /// - "published in" (or "an editorial in") before it: a publication,
    ///   no place.
    pub(super) fn org_context(
        &self,
        start: usize,
        name: &Range<usize>,
        first: Cues,
    ) -> Option<(NameKind, Evidence)> {
        let found = Some((NameKind::Organization, Evidence::OrgCue));
        let (s, e) = (name.start, name.end);
        let one = e - s == 1 || self.hyphenated(name);
        let before = start
            .checked_sub(1)
            .filter(|&b| self.same_sentence(b, start));
        if before.is_some_and(|b| self.descriptor(b)) || self.descriptor_comma(start, e) {
            return found;
        }
        let article = before.is_some_and(|b| matches!(self.table.lower(b), "the" | "a" | "an"));
        let owned = possessive_of(self.table, e - 1) > 0;
        let after = self.lower_cues(e);
        let after_here = self.same_sentence(e, s);
        if one
            && article
            && first.is_empty()
            && !owned
            && after_here
            && after.contains(Cues::ORG_DESCRIPTOR)
        {
            return found;
        }
        // "told the Post", "served in the Army": a lone head after "the"
        // inside a sentence; not the start of a longer name ("the Council
        // on Foreign Relations", "the Ministry of the Environment").
        let longer = self.cues(e).contains(Cues::CONNECTOR) || self.table.lower(e) == "on";
        if e - s == 1
            && article
            && !owned
            && !longer
            && first.contains(Cues::ORG_HEAD)
            && self.mid_sentence(start - 1)
        {
            return found;
        }
        if one && owned && after_here && after.contains(Cues::ORG_OWNED) && first.is_empty() {
            return found;
        }
        // The preposition before the name, past an article: "shares of |
        // Vantor", "a stake in the | Kestrel Group".
        let prep = before.and_then(|b| {
            if article {
                b.checked_sub(1).filter(|&p| self.same_sentence(p, start))
            } else {
                Some(b)
            }
        })?;
        let noun = prep.checked_sub(1)?;
        // A title-case heading is no prose: "Shares Of Dovranix Fall".
        if !self.same_sentence(noun, start) || self.table.flags(prep).contains(Flags::CAPITALIZED) {
            return None;
        }
        // "Shares of Vantor fell": the noun may open the sentence.
        let opener = !self.same_sentence(noun, noun.wrapping_sub(1));
        let cues = if opener {
            self.cues(noun)
        } else {
            self.lower_cues(noun)
        };
        match self.table.lower(prep) {
            "of" | "in" | "at" if cues.contains(Cues::ORG_OWNED) => found,
            "in" if cues.contains(Cues::PRINTED) => found,
            // "an analyst at Kelbridge", "a lawyer at Harrow".
            "at" if !opener && cues.intersects(Cues::ROLE | Cues::TITLE | Cues::WORKPLACE) => found,
            _ => None,
        }
    }

    /// Whether token `j` is a lowercase descriptor, or one in the plural
    /// ("supermarket chains Hollins and", "the carmakers Voltra and").
    fn descriptor(&self, j: usize) -> bool {
        let f = self.table.flags(j);
        if !f.contains(Flags::WORDLIKE) || f.contains(Flags::CAPITALIZED) {
            return false;
        }
        let cues = self.cues(j);
        let one = self.table.lower(j).strip_suffix('s');
        cues.contains(Cues::ORG_DESCRIPTOR)
            || cues.is_empty()
                && one.is_some_and(|w| self.lex.word(w).contains(Cues::ORG_DESCRIPTOR))
    }

    /// Whether a descriptor stands with the name between commas: before
    /// it ("the operators' association, Deltalinqs, said"; a lowercase
    /// organization head too), or in an apposition after it, first of the
    /// few words after an article that are no title ("Dovranix, the Danish
    /// shipping giant, said", "Vantor, a chain of"; not "Vantor, the
    /// company's chief", nor "Jim Ray, a union leader").
    fn descriptor_comma(&self, start: usize, e: usize) -> bool {
        let heads = Cues::ORG_DESCRIPTOR | Cues::ORG_HEAD;
        let before = start >= 2
            && self.table.token(start - 1) == ","
            && self.table.token(e) == ","
            && self.lower_cues(start - 2).intersects(heads)
            && possessive_of(self.table, start - 2) == 0
            && self.same_sentence(start - 2, e);
        if before {
            return true;
        }
        if self.table.token(e) != "," || !matches!(self.table.lower(e + 1), "a" | "an" | "the") {
            return false;
        }
        for d in e + 2..e + 6 {
            // Capitalized words may modify it: "the Danish shipping giant".
            if !self.table.flags(d).contains(Flags::WORDLIKE) {
                return false;
            }
            let cues = self.lower_cues(d);
            if cues.intersects(Cues::TITLE | Cues::TITLE_PART | Cues::ROLE) {
                return false;
            }
            // A thing's possessive may come first: "Caldwell Freight, the
            // railway's operator," (not a role after it: "the company's
            // chief", refused above).
            if possessive_of(self.table, d) > 0 {
                continue;
            }
            if cues.contains(Cues::ORG_DESCRIPTOR) {
                let next = self.table.flags(d + 1);
                return !next.contains(Flags::WORDLIKE)
                    || matches!(
                        self.table.lower(d + 1),
                        "of" | "that" | "which" | "based" | "in" | "with"
                    );
            }
        }
        false
    }

    /// Whether the lone name ending at `e` is a company that speaks of
    /// itself: its speech verb, an optional "that", then "its", or "it"
    /// and a verb of its own ("Vantor said it had", "said it would cut",
    /// "said it was closing", "announced it closed"; not "said it would
    /// be" or "said it was easy", which people say too).
    pub(super) fn speaks_as_it(&self, e: usize) -> bool {
        if !self.lower_cues(e).contains(Cues::PERSON_CUE) || !self.same_sentence(e, e - 1) {
            return false;
        }
        // Past a time or "in a statement" and "that": "said on Tuesday
        // that it", "said in a statement it".
        let filler = |j: usize| {
            matches!(
                self.table.lower(j),
                "that" | "on" | "in" | "a" | "statement" | "last" | "this" | "week" | ","
            ) || self.table.classes(j).intersects(WHEN)
        };
        let mut k = e + 1;
        while k < e + 6 && filler(k) && self.same_sentence(k, e) {
            k += 1;
        }
        if !self.same_sentence(k, e) {
            return false;
        }
        match self.table.lower(k) {
            "its" => true,
            "it" => {
                let verb = self.table.lower(k + 1);
                let next = self.table.lower(k + 2);
                match verb {
                    "had" | "has" => next != "been",
                    "would" | "will" => next != "be",
                    "was" | "is" => next.len() >= 5 && next.ends_with("ing"),
                    _ => verb.len() >= 5 && verb.ends_with("ed"),
                }
            }
            _ => false,
        }
    }

    /// Whether a brand's "!" or "?" ends the name ending at `e`, inside a
    /// sentence: right after its last word, with a lowercase word before
    /// the name's run (at `start`) and after the mark ("as popular as
    /// Yahoo! and", "the group Which? said"; not "Thanks! see you" at a
    /// sentence's start).
    pub(super) fn brand_mark(&self, start: usize, e: usize) -> bool {
        let lower_word = |j: usize| {
            let f = self.table.flags(j);
            f.contains(Flags::WORDLIKE) && !f.contains(Flags::CAPITALIZED)
        };
        matches!(self.table.token(e), "!" | "?")
            && self.table.span(e - 1).end == self.table.span(e).start
            && self.table.span(e).end < self.table.span(e + 1).start
            && lower_word(e + 1)
            && start.checked_sub(1).is_some_and(|b| {
                lower_word(b)
                    && self.same_sentence(b, start)
                    && !self.table.flags(start).contains(Flags::LINE_BREAK)
            })
    }

    /// Where the run goes on past a plural possessive at token `j` that
    /// an organization's head follows ("the Farmers’ Union", "the
    /// Fishermen’s Association", "People's Bank"): the head's token, or
    /// `None` (a singular owner ends the run: "Vantor's Board").
    pub(super) fn plural_owner(&self, j: usize, joins: impl Fn(usize) -> bool) -> Option<usize> {
        let mark = j + 1;
        let split = matches!(self.table.token(mark), "'" | "’");
        let owned = !split && possessive_of(self.table, j) > 0;
        if !split && !owned {
            return None;
        }
        let tight = |a: usize, b: usize| self.table.span(a).end == self.table.span(b).start;
        let head = |h: usize| joins(h) && self.cap_word(h) && self.cues(h).contains(Cues::ORG_HEAD);
        if owned {
            let lower = self.table.lower(j);
            let plural = ["men's", "men’s", "ren's", "ren’s", "ple's", "ple’s"]
                .iter()
                .any(|p| lower.ends_with(p));
            return (plural && (head(j + 1) || self.owned_later(j, j + 1, &joins)))
                .then_some(j + 1);
        }
        let after = mark + 1;
        let headed = head(after) || self.owned_later(j, after, &joins);
        (self.table.lower(j).ends_with('s') && joins(mark) && tight(j, mark) && headed)
            .then_some(after)
    }
}

impl Scan<'_, '_> {
    /// Names a closed-class word that a brand's mark ends, right after a
    /// descriptor ("the consumer group Which? said"); the scan skips such
    /// words otherwise.
    pub(super) fn function_brand(&mut self, i: usize) {
        let f = self.table.flags(i);
        if !f.contains(Flags::CAPITALIZED)
            || !f.contains(Flags::WORDLIKE)
            || i == 0
            || !self.lower_cues(i - 1).contains(Cues::ORG_DESCRIPTOR)
            || !self.brand_mark(i, i + 1)
            || self.covered_ahead(i)
        {
            return;
        }
        self.push(i..i + 2, (NameKind::Organization, Evidence::OrgCue));
    }
}

impl Scan<'_, '_> {
    /// The end of an organization's name that a known place opens
    /// ("California Police Chiefs Association", "American Academy of
    /// Pediatrics"; not "Obama's Cabinet"): the known span is token `i`
    /// alone, without a possessive, and the run of
    /// capitalized words right after it, in its sentence and line, holds an
    /// organization head.
    pub(super) fn place_led_org(&self, i: usize, n: usize) -> Option<usize> {
        let next = i + 1;
        if next >= n
            || !self.table.flags(i).contains(Flags::CAPITALIZED)
            || !self.known_word(i)
            || possessive_of(self.table, i) > 0
            || !self.cap_word(next)
            || self.covered_ahead(next)
            || self.table.sentence(next) != self.table.sentence(i)
            || self.table.flags(next).contains(Flags::LINE_BREAK)
        {
            return None;
        }
        let end = self.run_end(next, n);
        (next..end)
            .any(|t| self.cues(t).contains(Cues::ORG_HEAD))
            .then_some(end)
    }
}
