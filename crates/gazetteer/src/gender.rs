//! The grammatical gender a mention of a person shows: by its title
//! ("Mr", "Ms", "Sen." does not tell) or its given name (the shared word
//! classes `male_names` / `female_names`), so that "he" and "she" pass over
//! the people they cannot stand for.

use newsnlp_text::words::{Classes, WordClass};

use crate::Mention;

/// The gender a mention of a person shows ([`gender`]).
///
/// ```
/// use newsnlp_gazetteer::Gender;
/// assert_ne!(Gender::Male, Gender::Female);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// "he": "Mr", a male given name.
    Male,
    /// "she": "Ms", "Mrs", a female given name.
    Female,
}

/// The gender mention `m` of `text` shows: by the word right before it or
/// its title ("Mr. Holm", "Ms Lagat"), else by the first word of `name`
/// (its canonical name, or the mention as written); `None` when nothing
/// tells.
///
/// ```
/// use newsnlp_gazetteer::{gender, Gazetteer, Gender};
/// let text = "Ms. Rex Tillerson spoke.";
/// let found = Gazetteer::default().find_in_document(text);
/// assert_eq!(gender(text, &found[0], "Rex Tillerson"), Some(Gender::Female));
/// assert_eq!(gender("Rex Tillerson spoke.", &Gazetteer::default().find_in_document("Rex Tillerson spoke.")[0], "Rex Tillerson"), Some(Gender::Male));
/// ```
pub fn gender(text: &str, m: &Mention, name: &str) -> Option<Gender> {
    let by_title = |w: &str| class_gender(w, TITLES);
    let before = text.get(..m.start()).unwrap_or("").trim_end();
    let tail = before.rsplit(char::is_whitespace).next().unwrap_or("");
    if let Some(g) = by_title(tail) {
        return Some(g);
    }
    if let Some(t) = m.title().and_then(|r| text.get(r))
        && let Some(g) = t.split_whitespace().find_map(by_title)
    {
        return Some(g);
    }
    class_gender(name.split_whitespace().next().unwrap_or(""), GIVEN_NAMES)
}

/// The word classes of titles, each with the gender it shows.
const TITLES: [(WordClass, Gender); 2] = [
    (WordClass::MaleTitles, Gender::Male),
    (WordClass::FemaleTitles, Gender::Female),
];

/// The word classes of given names; a name in both lists counts as female.
const GIVEN_NAMES: [(WordClass, Gender); 2] = [
    (WordClass::FemaleNames, Gender::Female),
    (WordClass::MaleNames, Gender::Male),
];

/// The gender of the first of `classes` that word `w` (any case) is in.
fn class_gender(w: &str, classes: [(WordClass, Gender); 2]) -> Option<Gender> {
    let c = Classes::of_any_case(w);
    classes
        .into_iter()
        .find(|&(k, _)| c.contains(k))
        .map(|(_, g)| g)
}
