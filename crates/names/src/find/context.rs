//! The kind the words around a run give it when its own words do not
//! ([`Scan::by_context`]): a person cue after it, "which" or "whose" and
//! what follows, a coordination, its place before a verb or in the
//! possessive.

use std::ops::Range;

use super::Scan;
use newsnlp_text::words::WordClass;

use crate::lexicon::Cues;
use crate::shape::demonym;
use crate::{Evidence, NameKind};

/// Kin after "whose" and a name ("Peninah Chepkoech, whose brother is
/// held"): the name is a person's.
const KIN: &[&str] = &[
    "brother",
    "sister",
    "son",
    "daughter",
    "husband",
    "wife",
    "mother",
    "father",
    "parents",
    "children",
    "family",
    "grandson",
    "granddaughter",
    "nephew",
    "niece",
    "cousin",
    "uncle",
    "aunt",
    "widow",
    "partner",
    "fiance",
    "fiancee",
    "girlfriend",
    "boyfriend",
];

/// What a business does, after "which" and a name ("Minera Tamarugal,
/// which runs the mine"): the name is an organization.
const BUSINESS_VERBS: &[&str] = &[
    "runs",
    "operates",
    "owns",
    "makes",
    "manufactures",
    "produces",
    "employs",
    "represents",
    "sells",
    "supplies",
    "provides",
    "publishes",
    "manages",
    "builds",
    "develops",
    "invests",
];

impl Scan<'_, '_> {
    /// The kind the words around a run give it when its own words do
    /// not: a person cue after it ("Lindqvist said"), "and" or a list's
    /// comma joining it to the name before, its place before a verb
    /// ("that Kasich announced") or in the possessive ("Marinelli's").
    pub(super) fn by_context(
        &self,
        start: usize,
        name: &Range<usize>,
        first: Cues,
    ) -> Option<(NameKind, Evidence)> {
        use Evidence as E;
        use NameKind::Person;
        let (s, e) = (name.start, name.end);
        let len = e - s;
        let after = self.after(e);
        // "South Koreans who": people of a place, no name.
        let people = first.contains(Cues::PLACE_START) && demonym(self.table.token(e - 1));
        // "the Floridian said", "the Cabinet said": a determiner before a
        // lone word makes it a common noun; so does a lone head
        // ("Administration said") or another listed word ("Former").
        let determined = len == 1
            && ((!first.is_empty() && !first.contains(Cues::GIVEN))
                || start
                    .checked_sub(1)
                    .is_some_and(|b| self.table.classes(b).contains(WordClass::Determiners)));
        // "an analyst at Brightwater Securities, said": the object of a
        // preposition in an apposition is not who speaks.
        // So is a run after a name and "of" ("Lena Brandt of Vantor Daily,
        // who"): the person before "of" is who.
        let object = self.table.token(e) == ","
            && start.checked_sub(1).is_some_and(|b| {
                self.table.classes(b).contains(WordClass::Prepositions)
                    || self.table.lower(b) == "of"
                        && b.checked_sub(1).is_some_and(|n| self.flags_capitalized(n))
            });
        if after.contains(Cues::PERSON_CUE) && !people && !determined && !object {
            if len == 1 && self.speaks_as_it(e) {
                return Some((NameKind::Organization, E::OrgCue));
            }
            return Some((Person, E::PersonCue));
        }
        // "Minera Tamarugal, which runs the mine": "which" and a verb of
        // what a business does after an unknown name.
        if self.table.token(e) == ","
            && self.table.lower(e + 1) == "which"
            && !people
            && !determined
            && !object
            && BUSINESS_VERBS.contains(&self.table.lower(e + 2))
        {
            return Some((NameKind::Organization, E::OrgCue));
        }
        // "Serrana Lithium, whose shares trade in Lisbon": a company's
        // noun after "whose"; "Peninah Chepkoech, whose brother is held":
        // kin.
        if self.table.token(e) == ","
            && self.table.lower(e + 1) == "whose"
            && !people
            && !determined
            && !object
        {
            if self.cues(e + 2).contains(Cues::ORG_OWNED) {
                return Some((NameKind::Organization, E::OrgCue));
            }
            if KIN.contains(&self.table.lower(e + 2)) {
                return Some((Person, E::PersonCue));
            }
        }
        if let Some(found) = self.coordinated(start, name.clone()) {
            return Some(found);
        }
        let first_token = self.table.token(s);
        // Peoples ("Iranians"), and abstract nouns opening a sentence
        // ("Immigration came fifth", "Tension flared": 5 subjects on
        // PolNeAR train, none a person).
        let group = ["ans", "ists", "ites", "ese", "tion", "sion", "ism"]
            .iter()
            .any(|p| first_token.ends_with(p) && first_token.len() > p.len() + 2);
        let past = !self.table.classes(e).intersects(WordClass::Finite.set());
        // At a sentence's start only a past tense, and no plural or adverb
        // ("Voters rejected", "Really enjoyed"): "Kasich announced".
        let word = self.table.lower(s);
        let opener = self.table.sentence(start) != self.table.sentence(start.wrapping_sub(1))
            && past
            && (!word.ends_with('s') || word.ends_with("ss"))
            && !word.ends_with("ly")
            && !word.contains(['\'', '’']);
        // After a comma, as at a sentence's start, a past tense only ("On
        // Friday, Taylor sold").
        let after_comma = past
            && start.checked_sub(1).is_some_and(|b| {
                self.table.token(b) == "," && self.table.sentence(b) == self.table.sentence(start)
            });
        let subject = self.mid_sentence(start) || opener || after_comma;
        if len == 1 && !group && !determined && subject && self.verb_after(e) {
            return Some((Person, E::Subject));
        }
        // Two words: not people of a place ("New Yorkers cheered").
        let plural = demonym(self.table.token(e - 1));
        if len == 2 && !group && !plural && subject && past && self.verb_after(e) {
            return Some((Person, E::Subject));
        }
        (len == 1 && !group && !determined && self.mid_sentence(start) && self.owner(s))
            .then_some((Person, E::Owner))
    }
}
