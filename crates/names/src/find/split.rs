//! Where a run of capitalized words holds more than one name: two
//! headed organizations joined by "and" ("Kestrel Partners | and Varn
//! Holdings"), a title inside it ("Delaware | Attorney General Beau
//! Biden"), a given name after other words ("Lisa Gilette | Kristen
//! Quinn").

use super::Scan;
use crate::lexicon::Cues;

impl Scan<'_, '_> {
    /// Where the run `s..end` ends when "and" or "&" joins two
    /// organizations or places, each with its head ("Kestrel Partners |
    /// and Varn Holdings", "Brakefield Observatory | and Kestrel Hall";
    /// not "Securities and Exchange Commission", whose first part is a
    /// head alone).
    pub(super) fn list_split(&self, s: usize, end: usize) -> usize {
        let head = |j: usize| {
            self.cues(j)
                .intersects(Cues::ORG_HEAD | Cues::ORG_SUFFIX | Cues::PLACE_HEAD)
        };
        (s + 1..end)
            .find(|&j| {
                matches!(self.table.lower(j), "and" | "&")
                    && j - 1 > s
                    && head(j - 1)
                    && (j + 1..end).any(head)
            })
            .unwrap_or(end)
    }

    /// Where the run `s..end` ends when a title inside it, with two or
    /// more words after it, opens the next name ("Delaware | Attorney
    /// General Beau Biden", "Kane County | Associate Judge Linda Abrahamson";
    /// not "Martin Luther King Jr.").
    pub(super) fn inner_title(&self, s: usize, end: usize) -> usize {
        // A title, or a title's part right after an organization's or
        // place's head ("Gwinnett County Police | Chief Butch Ayers").
        let opens = |j: usize| {
            let c = self.cues(j);
            c.contains(Cues::TITLE)
                || (c.contains(Cues::TITLE_PART)
                    && self
                        .cues(j - 1)
                        .intersects(Cues::ORG_HEAD | Cues::PLACE_HEAD))
        };
        let Some(q) = (s + 1..end).find(|&j| opens(j)) else {
            return end;
        };
        let mut r = q;
        while r < end && self.cues(r).intersects(Cues::TITLE | Cues::TITLE_PART) {
            r += 1;
        }
        if end - r < 2 {
            return end;
        }
        let mut q = q;
        while q > s + 1 && self.cues(q - 1).contains(Cues::TITLE_PART) {
            q -= 1;
        }
        q
    }

    /// Where the run `s..end` ends when a given name inside it opens a
    /// second name: at a given name after another ("Vince Traci") or
    /// after two words ("Lisa Gilette Kristen Quinn").
    pub(super) fn given_name_split(&self, s: usize, end: usize, titled: bool) -> usize {
        // Two given names alone in a sentence's flow or after a title are
        // one person ("met Clarence Thomas on", "MP Caroline Lucas"): the
        // surname is also a given name.
        let stop = (s + 1..end)
            .find(|&j| !self.flags_capitalized(j))
            .unwrap_or(end);
        let speaks = self.cues(stop).contains(Cues::PERSON_CUE) || self.verb_after(stop);
        // … or between commas after a role ("the minister, Karim Nasser,").
        let pair = stop == s + 2
            && (self.mid_sentence(s) || titled || speaks || self.role_comma(s, stop))
            && !self.flags_capitalized(stop);
        // A given name joined by a hyphen is part of the one before
        // ("Jean-Marc Duval").
        let hyphen = |j: usize| matches!(self.table.token(j - 1), "-" | "\u{2010}" | "\u{2011}");
        // A couple's names before a head are one organization's ("the
        // Dana and Ingrid Holm Foundation").
        let headed = self
            .word_cues(end - 1)
            .intersects(Cues::ORG_HEAD | Cues::ORG_SUFFIX);
        let couple = |j: usize| headed && self.table.lower(j - 1) == "and";
        (s + 1..end)
            .find(|&j| {
                self.cues(j).contains(Cues::GIVEN)
                    && !hyphen(j)
                    && !couple(j)
                    && (j >= s + 2 || (self.cues(j - 1).contains(Cues::GIVEN) && !pair))
            })
            .unwrap_or(end)
    }
}
