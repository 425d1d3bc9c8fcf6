//! Session 11: shapes of news copy that joined or split names wrongly: a
//! person before "of" and an organization ("Mara Lindgren of Kestrel
//! State University"), a title-case headline's verb ("Harbor Trust to
//! Acquire Vantor Bank"), an employer after a plural role and "at"
//! ("Analysts at Kestrel Morrow said"), and "New" before a known place
//! ("New England", where the gazetteer lists only "England").

use std::ops::Range;

use newsnlp_text::table::Flags;

use super::Scan;
use crate::lexicon::Cues;
use crate::{Evidence, NameKind};

/// The most tokens a title-case test reads on either side of a word.
const LINE_REACH: usize = 40;

impl Scan<'_, '_> {
    /// Whether token `j` stands in a line set in title case (a headline):
    /// no lowercase word of four letters or more on its line, within
    /// [`LINE_REACH`] tokens on either side.
    pub(super) fn title_case_line(&self, j: usize) -> bool {
        let long_lower = |t: usize| {
            let f = self.table.flags(t);
            f.contains(Flags::WORDLIKE)
                && !f.contains(Flags::CAPITALIZED)
                && self.table.token(t).chars().count() >= 4
                && self.table.token(t).chars().all(char::is_alphabetic)
        };
        let mut t = j;
        while !self.table.flags(t).contains(Flags::LINE_BREAK) && t > 0 && j - t < LINE_REACH {
            t -= 1;
            if long_lower(t) {
                return false;
            }
        }
        let n = self.table.len();
        let mut t = j + 1;
        while t < n && !self.table.flags(t).contains(Flags::LINE_BREAK) && t - j < LINE_REACH {
            if long_lower(t) {
                return false;
            }
            t += 1;
        }
        true
    }

    /// The first headline verb of the run `start..end` in a title-case
    /// line ("Harbor Trust to | Acquire | Vantor Bank", "Lakeside Group |
    /// Agrees"): no name holds it.
    pub(super) fn headline_verb(&self, start: usize, end: usize) -> Option<usize> {
        let j = (start..end).find(|&j| self.cues(j).contains(Cues::HEADLINE_VERB))?;
        self.title_case_line(j).then_some(j)
    }

    /// The person before "of" in a run its organization head would type
    /// whole ("Mara Lindgren | of | Kestrel State University", "Tomas
    /// Hale | of | Brightline Corp."): two capitalized words or more
    /// before "of", none a head, an opener or a word that is no name
    /// ("Bank of", "Friends of"), after a lowercase role or title or
    /// opening with a given name. `None` for "University of Nebraska".
    pub(super) fn person_before_of(
        &self,
        start: usize,
        name: &Range<usize>,
    ) -> Option<(usize, Evidence)> {
        let s = name.start;
        // A lowercase "of": a title-case heading's "Of" joins no prose.
        let j = (s + 2..name.end).find(|&j| self.table.token(j) == "of")?;
        let plain =
            Cues::ORG_HEAD | Cues::ORG_SUFFIX | Cues::PLACE_START | Cues::NOT_NAME | Cues::EVENT;
        if (s..j).any(|t| !self.flags_capitalized(t) || self.word_cues(t).intersects(plain)) {
            return None;
        }
        let role = start.checked_sub(1).is_some_and(|b| {
            !self.flags_capitalized(b) && self.cues(b).intersects(Cues::ROLE | Cues::TITLE)
        });
        let given = self.cues(s).contains(Cues::GIVEN);
        // A surname that is also a place's head ("Park", "Hill") after a
        // role or a given name: "Ellen Hill of Kestrel State University".
        let place_head = (s..j).any(|t| self.word_cues(t).intersects(Cues::PLACE_HEAD));
        if place_head && (!(role || given) || self.word_cues(s).intersects(Cues::PLACE_HEAD)) {
            return None;
        }
        if role {
            return Some((j, Evidence::Title));
        }
        if given {
            return Some((j, Evidence::GivenName));
        }
        // Two words no list holds, and the head after "of": "Kestrel
        // Morrow | of Brightline Corp." (a person's shape before the
        // organization's).
        let unknown = j == s + 2 && (s..j).all(|t| self.word_cues(t).is_empty());
        let head_after = (j + 1..name.end).any(|t| {
            self.word_cues(t)
                .intersects(Cues::ORG_HEAD | Cues::ORG_SUFFIX)
        });
        (unknown && head_after).then_some((j, Evidence::PersonCue))
    }

    /// Whether the run at `start` is an employer: "at" (or "at the")
    /// right before it, and before that a role or title in the plural
    /// ("Analysts at", "economists at", "officials at"), lowercase or
    /// opening the sentence.
    pub(super) fn employer_at(&self, start: usize) -> bool {
        let Some(mut at) = start.checked_sub(1) else {
            return false;
        };
        if self.table.lower(at) == "the" {
            let Some(a) = at.checked_sub(1) else {
                return false;
            };
            at = a;
        }
        let Some(noun) = at.checked_sub(1) else {
            return false;
        };
        let same = |t: usize| self.table.sentence(t) == self.table.sentence(start);
        let opener = self.table.opens_sentence(noun);
        if self.table.lower(at) != "at"
            || self.flags_capitalized(at)
            || !same(noun)
            || (self.flags_capitalized(noun) && !opener)
        {
            return false;
        }
        let word = self.table.lower(noun);
        let roles = Cues::ROLE | Cues::TITLE;
        matches!(word, "officials" | "workers" | "experts" | "staffers")
            || word
                .strip_suffix('s')
                .is_some_and(|one| !one.ends_with('s') && self.lex.word(one).intersects(roles))
    }

    /// Whether the run `s..e` is "New" and a known place word after it
    /// that the run holds ("New England").
    pub(super) fn new_place(&self, name: &Range<usize>) -> bool {
        name.len() == 2 && self.table.lower(name.start) == "new" && self.held_place(name.start + 1)
    }

    /// Whether the known word at `next` joins the opener at `start` as one
    /// place: "New" or a place opener ("West", "Upper") alone before a
    /// known single word ("New | England", "West | Texas").
    pub(super) fn held_place(&self, next: usize) -> bool {
        let Some(start) = next.checked_sub(1) else {
            return false;
        };
        // "New" inside a sentence only: "New Norway fishing rules" opens one.
        let opens = self.table.opens_sentence(start);
        let opener = self.table.lower(start) == "new" && !opens
            || self.cues(start).contains(Cues::PLACE_START);
        opener
            && self.cap_word(next)
            && self.known_word(next)
            && !self.table.flags(next).contains(Flags::LINE_BREAK)
            && !crate::shape::demonym(self.table.token(next))
    }
}

/// The kind an employer's run takes.
pub(super) const EMPLOYER: (NameKind, Evidence) = (NameKind::Organization, Evidence::OrgCue);
