//! Surnames: every person gets the surname of its canonical name as an
//! alias ([`derive_surnames`]: the last word, with particles such as "von
//! der" or "bin", without "Jr."; "al-Assad" also gives "Assad"), unless
//! its entry names one or none. A surname that is also a common word
//! (`data/surname_stoplist.txt`: "May") links only within a document that
//! named the person in full (`Tier::DocSurname`).
//!
//! ```
//! use newsnlp_gazetteer::{AliasOrigin, Entry, EntityKind, GazetteerBuilder};
//!
//! let gaz = GazetteerBuilder::new().build([
//!     Entry::new("Ursula von der Leyen", EntityKind::Person),
//!     Entry::new("Theresa May", EntityKind::Person),
//! ])?;
//! let m = gaz.find("von der Leyen").next().unwrap();
//! assert_eq!(gaz.alias(m.alias().unwrap()).origin(), AliasOrigin::Surname);
//! assert_eq!(gaz.find("in May").count(), 0); // a document surname
//! assert_eq!(gaz.find_in_document("Theresa May spoke. May left.").len(), 2);
//! # Ok::<(), newsnlp_gazetteer::Error>(())
//! ```

use std::ops::Range;

use newsnlp_text::data;
use newsnlp_text::hash::FastSet;

use crate::EntityKind;
use crate::entries::{RawEntity, Span, SurnameSpec};
use crate::normalize::Normalizer;

/// Surnames that are also common English words: such a surname links to
/// its person only after the full name appeared in the document.
const SURNAME_STOPLIST: &str = include_str!("../data/surname_stoplist.txt");

/// The normalized keys of `data/surname_stoplist.txt`.
pub(crate) fn stoplist(nz: &Normalizer) -> FastSet<Vec<u8>> {
    data::lines(SURNAME_STOPLIST)
        .map(|l| {
            let mut k = Vec::new();
            nz.key(l.text, &mut k);
            k
        })
        .collect()
}

/// The surnames of entity `e` as spans into `text` (the gazetteer's
/// strings): none unless it is a person; the one its entry names, or none
/// if it says so; else those derived from its name.
pub(crate) fn surname_spans(e: &RawEntity, text: &str) -> Vec<Span> {
    if e.kind != EntityKind::Person {
        return Vec::new();
    }
    match e.surname {
        Some(SurnameSpec::None) => Vec::new(),
        Some(SurnameSpec::Explicit(s)) => vec![s],
        None => derive_surnames(&text[e.name.range()])
            .into_iter()
            .map(|r| Span {
                start: e.name.start + r.start as u32,
                end: e.name.start + r.end as u32,
            })
            .collect(),
    }
}

/// Particles that belong to a surname ("von der Leyen", "bin Salman").
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "von"
            | "van"
            | "der"
            | "den"
            | "de"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "del"
            | "della"
            | "di"
            | "du"
            | "la"
            | "le"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "ben"
            | "bint"
            | "ter"
            | "ten"
            | "zu"
    )
}

/// Name suffixes that are not surnames.
fn is_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches(['.', ',']),
        "Jr" | "Sr" | "II" | "III" | "IV" | "V"
    ) || w.starts_with('(')
}

/// Arabic-article prefixes written with a hyphen ("al-Assad"), after which
/// the bare name is a surname too ("Assad").
const ARTICLES: [&str; 9] = [
    "al-", "el-", "ad-", "ash-", "as-", "at-", "ar-", "an-", "az-",
];

/// The surnames derived from a person's canonical name, as ranges of it:
/// the last word (skipping "Jr." and the like) with the particles before it,
/// and for "al-Assad" also "Assad".
pub(crate) fn derive_surnames(name: &str) -> Vec<Range<usize>> {
    let words: Vec<Range<usize>> = name
        .split_whitespace()
        .map(|w| {
            let s = w.as_ptr() as usize - name.as_ptr() as usize;
            s..s + w.len()
        })
        .collect();
    let mut last = words.len();
    while last > 0 && is_suffix(&name[words[last - 1].clone()]) {
        last -= 1;
    }
    if last < 2 {
        return Vec::new();
    }
    let mut first = last - 1;
    while first > 1 && is_particle(&name[words[first - 1].clone()]) {
        first -= 1;
    }
    let surname = words[first].start..words[last - 1].end;
    let mut out = vec![surname.clone()];
    if first == last - 1 {
        let word = &name[surname.clone()];
        for art in ARTICLES {
            if word.len() > art.len()
                && word.is_char_boundary(art.len())
                && word[..art.len()].eq_ignore_ascii_case(art)
            {
                out.push(surname.start + art.len()..surname.end);
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames() {
        let cases: &[(&str, &[&str])] = &[
            ("Rex Tillerson", &["Tillerson"]),
            ("Bashar al-Assad", &["al-Assad", "Assad"]),
            ("Ursula von der Leyen", &["von der Leyen"]),
            ("Mohammed bin Salman", &["bin Salman"]),
            ("Martin Luther King Jr.", &["King"]),
            ("George W. Bush", &["Bush"]),
            ("Madonna", &[]),
            ("Abu Bakr al-Baghdadi", &["al-Baghdadi", "Baghdadi"]),
        ];
        for (name, want) in cases {
            let got: Vec<&str> = derive_surnames(name)
                .into_iter()
                .map(|r| &name[r])
                .collect();
            assert_eq!(got, *want, "{name}");
        }
    }
}
