//! What stands right around a name and types it: an apposition after it
//! ("Jim Ray, 45,", "Jim Ray, a spokesman for", "Richard Revesz, director
//! of"), or lowercase prose around an acronym ("said the NFL would"); a
//! role and commas around it ("the mayor, Olu Adeyemi,"), a place after
//! a comma ("Knoxville, Tennessee"), or a US politician's party and state
//! ("D-Ohio"), which is no name.

use newsnlp_text::table::Flags;

use super::Scan;
use crate::lexicon::Cues;
use crate::shape::possessive_of;

impl Scan<'_, '_> {
    /// Whether what follows the name (at token `e`) makes it a person: a
    /// birth ("(born 1950)", "was born"), or a comma opening an
    /// apposition: an age ("Jim Ray, 45,") or a title within
    /// a few words of an article ("Jim Ray, a spokesman for", "Jim Ray,
    /// the company's chief executive").
    pub(super) fn apposition(&self, e: usize) -> bool {
        self.apposition_of(e, Cues::TITLE | Cues::TITLE_PART)
    }

    /// Whether a lowercase role or kin word makes an apposition after the
    /// name `s..e`, as a title does ([`Scan::apposition`]): "Khizr Okafor,
    /// the father of", "Lena Brandt, a lawyer for"; not after a lone word
    /// opening its sentence ("Rather, the nominee").
    pub(super) fn role_apposition(&self, s: usize, e: usize) -> bool {
        let opener = self.table.sentence(s) != self.table.sentence(s.wrapping_sub(1));
        !(e == s + 1 && opener) && self.apposition_of(e, Cues::ROLE)
    }

    /// [`Scan::apposition`], with the words of `titles` as titles.
    fn apposition_of(&self, e: usize, titles: Cues) -> bool {
        // A birth: "Arvid Lindqvist (born 1950)", "Lindqvist was born in".
        let born = |j: usize| self.table.lower(j) == "born";
        if (self.table.token(e) == "(" && born(e + 1))
            || (matches!(self.table.lower(e), "was" | "is") && born(e + 1))
        {
            return true;
        }
        if self.table.token(e) != "," {
            return false;
        }
        let age = |t: &str| (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
        if age(self.table.token(e + 1)) && self.table.token(e + 2) == "," {
            return true;
        }
        let lowercase_title = |j: usize| {
            !self.table.flags(j).contains(Flags::CAPITALIZED) && self.cues(j).intersects(titles)
        };
        if matches!(self.table.lower(e + 1), "a" | "an" | "the") {
            return (e + 2..e + 6).any(lowercase_title);
        }
        // "Ivo Marsh, Tomas's father,", "Ana Ruiz, the firm's founder": a
        // possessor, then a title or role word before a comma.
        if possessive_of(self.table, e + 1) > 0 {
            return (e + 2..e + 4).any(|j| lowercase_title(j) && self.table.token(j + 1) == ",");
        }
        // A bare role, up to three lowercase words then "of", "at" or
        // "for" ("Richard Revesz, director of", "Renee Formicola, political
        // science professor at": 8 of the 27 appositions of a role in
        // PolNeAR dev have no article).
        let Some(prep) =
            (e + 2..e + 5).find(|&j| matches!(self.table.lower(j), "of" | "at" | "for"))
        else {
            return false;
        };
        (e + 1..prep).all(|j| {
            let f = self.table.flags(j);
            f.contains(Flags::WORDLIKE) && !f.contains(Flags::CAPITALIZED)
        }) && (e + 1..prep).any(lowercase_title)
    }

    /// Whether token `i` is an acronym amid lowercase prose: 2 to 5
    /// letters, and the words on both sides lowercase ("said the NFL
    /// would"; not a shouted heading).
    pub(super) fn acronym_in_prose(&self, i: usize) -> bool {
        let t = self.table.token(i);
        let lower_word = |j: usize| {
            let f = self.table.flags(j);
            f.contains(Flags::WORDLIKE) && !f.contains(Flags::CAPITALIZED)
        };
        // A shouted word reads as one: "FREE", "HUGE" (two vowels in four
        // letters or more; "ACLU" is lost with them).
        let vowels = t.bytes().filter(|b| b"AEIOUY".contains(b)).count();
        (2..=5).contains(&t.len())
            && t.bytes().all(|b| b.is_ascii_uppercase())
            && !(t.len() >= 4 && vowels >= 2)
            && self.cues(i).is_empty()
            && i > 0
            && (lower_word(i - 1) || self.sentence_initial_the(i - 1))
            && lower_word(i + 1)
    }

    /// Whether token `j` is "The" opening its sentence ("The RSF accused
    /// the army"): capitalized only because it opens the sentence.
    fn sentence_initial_the(&self, j: usize) -> bool {
        self.table.lower(j) == "the" && self.table.opens_sentence(j)
    }

    /// Whether the run `start..end` is a US politician's party and state
    /// after a comma or parenthesis ("Rep. Ana Ruiz, D-Ohio,", "(R-Texas)",
    /// "I-Vt."): no name of its own.
    pub(super) fn party_and_state(&self, start: usize, end: usize) -> bool {
        end >= start + 3
            && start > 0
            && matches!(self.table.token(start - 1), "," | "(")
            && matches!(self.table.token(start), "D" | "R" | "I")
            && self.table.token(start + 1) == "-"
    }

    /// Whether the run `start..e` stands between commas right after a
    /// lowercase role or title: "the mayor, Olu Adeyemi, said", "his son,
    /// Pieter,".
    pub(super) fn role_comma(&self, start: usize, e: usize) -> bool {
        let Some(role) = start.checked_sub(2) else {
            return false;
        };
        // "the chief, Jane Roe, said"; a list after a plural role: "the
        // foreign ministers, Aram Petrosyan and Rauf Guliyev,".
        let roles = Cues::ROLE | Cues::TITLE;
        let plural_role = || {
            let w = self.table.lower(role);
            w.strip_suffix('s')
                .is_some_and(|one| self.lex.word(one).intersects(roles))
        };
        self.table.token(start - 1) == ","
            && (self.table.token(e) == ","
                || matches!(self.table.lower(e), "and" | "or") && plural_role())
            && !self.table.flags(role).contains(Flags::CAPITALIZED)
            && (self.cues(role).intersects(roles) || plural_role())
    }

    /// Whether a comma and a listed country or state follow the name at
    /// `e` ("Knoxville, Tennessee").
    pub(super) fn place_comma(&self, e: usize) -> bool {
        self.table.token(e) == ","
            && self.table.sentence(e + 1) == self.table.sentence(e)
            && self.cap_word(e + 1)
            && self.cues(e + 1).contains(Cues::PLACE_NAME)
    }
}
