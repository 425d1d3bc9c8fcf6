//! Unknown given names: a bare surname right after an unknown capitalized
//! word ("Khizr Khan") is someone the gazetteer does not know, not the
//! gazetteer's person with that surname. Titles, ranks, headline words
//! (`data/name_preceders.txt`) and the words of the gazetteer's titles are
//! not given names.
//!
//! ```
//! let gaz = newsnlp_gazetteer::Gazetteer::default();
//! let text = "Khizr Khan spoke; Prime Minister Khan did not.";
//! let spans: Vec<_> = gaz.find_in_document(text).iter().map(|m| m.span()).collect();
//! assert_eq!(spans, [33..37]);
//! ```

use newsnlp_text::data;
use newsnlp_text::hash::FastSet;

use crate::gazetteer::Gazetteer;

/// See `data/name_preceders.txt`.
pub(crate) const NAME_PRECEDERS: &str = include_str!("../data/name_preceders.txt");

/// The words of `data/name_preceders.txt`, lowercased.
pub(crate) fn data_words() -> impl Iterator<Item = String> {
    data::lines(NAME_PRECEDERS)
        .flat_map(|l| l.text.split_whitespace())
        .map(str::to_lowercase)
}

impl Gazetteer {
    /// Words that may precede a bare surname: the data file's and those of
    /// every title in the gazetteer.
    pub(crate) fn name_preceders(&self) -> &FastSet<String> {
        self.name_preceders.get_or_init(|| {
            let mut set: FastSet<String> = data_words().collect();
            for (t, _) in &self.titles {
                set.extend(self.str(*t).split_whitespace().map(str::to_lowercase));
            }
            set
        })
    }
}

fn is_hspace(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

/// Whether the word right before byte `start` of `text` reads as a given
/// name that the gazetteer does not know: a capitalized word (not an
/// acronym, not one of `preceders`) or an initial ("J."), separated from
/// `start` by spaces on the same line, outside a title-case line. Looks at
/// most a few dozen bytes back and a window of the line, so its cost is
/// bounded whatever the text.
pub(crate) fn unknown_given_name_before(
    text: &str,
    start: usize,
    preceders: &FastSet<String>,
) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let trimmed = before.trim_end_matches(is_hspace);
    if trimmed.len() == before.len() || before.len() - trimmed.len() > 8 {
        return false;
    }
    // The previous whitespace-separated chunk, at most 40 bytes.
    let chunk_start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_whitespace())
        .take(41)
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    let chunk = &trimmed[chunk_start..];
    if chunk.is_empty() || chunk.chars().count() > 40 {
        return false;
    }
    if let Some(core) = chunk.strip_suffix('.') {
        // An initial ("J. Khan") is a given name; "Gen." or "Mr." a title.
        let mut cs = core.chars();
        return matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase());
    }
    let mut chars = chunk.chars();
    let first = chars.next().unwrap_or(' ');
    if !first.is_uppercase() || chunk.chars().count() < 2 || !chunk.chars().all(char::is_alphabetic)
    {
        return false;
    }
    if chunk.chars().all(|c| !c.is_lowercase()) || preceders.contains(&chunk.to_lowercase()) {
        return false;
    }
    !title_case_line(text, chunk_start, start)
}

/// Whether the line around `a..b` is set in title case (a headline): no
/// lowercase word of four letters or more within 120 bytes either side.
fn title_case_line(text: &str, a: usize, b: usize) -> bool {
    let mut lo = a.saturating_sub(120);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (b + 120).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let left = text[lo..a].rsplit('\n').next().unwrap_or("");
    let right = text[b..hi].split('\n').next().unwrap_or("");
    let lower_word = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.chars().count() >= 4
            && w.chars().all(char::is_alphabetic)
            && w.starts_with(char::is_lowercase)
    };
    !left
        .split_whitespace()
        .chain(right.split_whitespace())
        .any(lower_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> FastSet<String> {
        data_words().collect()
    }

    #[test]
    fn cases() {
        let p = set();
        let at = |t: &str, name: &str| unknown_given_name_before(t, t.find(name).unwrap(), &p);
        assert!(at(
            "His father, Khizr Khan, spoke at the convention.",
            "Khan"
        ));
        assert!(at("The lawyer J. Khan spoke at length.", "Khan"));
        assert!(!at(
            "Secretary of State Tillerson met them on Monday.",
            "Tillerson"
        ));
        assert!(!at(
            "The talks between Foreign Minister Lavrov and others.",
            "Lavrov"
        ));
        assert!(!at("Gen. Mattis said on Monday that it worked.", "Mattis"));
        assert!(!at("Tillerson Meeting With Putin in Moscow", "Putin"));
        assert!(!at("Trump Slams Biden Over Border Policy", "Biden"));
        assert!(!at("Later that day, Putin said it was over.", "Putin"));
        assert!(!at("Russia's Lavrov said it was over.", "Lavrov"));
        assert!(!at("the NATO Stoltenberg meeting was long", "Stoltenberg"));
        assert!(!at("Putin said it was over.", "Putin"));
    }

    #[test]
    fn find_in_document_drops_unknown_given_names() {
        let gaz = crate::Gazetteer::default();
        let text = "Khizr Khan spoke. Later Imran Khan answered, and Khan left.";
        let names: Vec<(&str, Option<&str>)> = gaz
            .find_in_document(text)
            .iter()
            .map(|m| (&text[m.span()], m.entity().map(|e| gaz.entity(e).name())))
            .collect();
        assert_eq!(
            names,
            [
                ("Imran Khan", Some("Imran Khan")),
                ("Khan", Some("Imran Khan"))
            ]
        );
    }
}
