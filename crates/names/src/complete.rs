//! The document pass after the scan: a person's surname names them
//! wherever it stands.
//!
//! News introduces people once by full name, often where nothing in the
//! sentence says it is a person ("Indonesia's chief negotiator, Rahmat
//! Hidayat, rejected …"), and then by surname where something does
//! ("Hidayat told reporters"). Once the scan has found a person, every
//! other capitalized occurrence of their surname that no name or known
//! span covers is that person too, with the capitalized words right
//! before it as the rest of the name ("Rahmat Hidayat"), earlier in the
//! document as well as later.

use std::ops::Range;

use newsnlp_text::Table;
use newsnlp_text::hash::FastSet;
use newsnlp_text::table::Flags;
use newsnlp_text::words::WordClass;

use crate::find::{all_caps, possessive_len};
use crate::{Evidence, Name, NameKind};

/// The most words before a surname taken as the rest of the name.
const GIVEN_WORDS: usize = 2;

/// Adds to `names` (the scan's, in text order) the other mentions of its
/// people's surnames in `table`, outside `known` spans (sorted by start).
pub(crate) fn complete(
    table: &Table<'_>,
    known: &[Range<usize>],
    mut names: Vec<Name>,
) -> Vec<Name> {
    let surnames: FastSet<(u64, u64)> = names
        .iter()
        .filter(|n| n.kind == NameKind::Person && !n.tokens.is_empty())
        .filter_map(|n| table.key(n.tokens.end - 1))
        .collect();
    if surnames.is_empty() {
        return names;
    }
    let not_name = WordClass::Titles.set()
        | WordClass::Stop.set()
        | WordClass::Determiners.set()
        | WordClass::Days.set()
        | WordClass::Months.set();
    let word = |i: usize| {
        let f = table.flags(i);
        f.contains(Flags::CAPITALIZED)
            && f.contains(Flags::WORDLIKE)
            && !table.classes(i).intersects(not_name)
            && !all_caps(table.token(i))
    };
    // Tokens already in a name.
    let mut taken = vec![false; table.len()];
    for n in &names {
        if let Some(t) = taken.get_mut(n.tokens.clone()) {
            t.fill(true);
        }
    }
    let mut k = 0;
    for i in 0..table.len() {
        let span = table.span(i);
        while known.get(k).is_some_and(|r| r.end <= span.start) {
            k += 1;
        }
        let in_known = known.get(k).is_some_and(|r| r.start < span.end);
        if in_known || !word(i) || !table.key(i).is_some_and(|key| surnames.contains(&key)) {
            continue;
        }
        if taken[i] {
            continue;
        }
        // The surname ends its name: no capitalized word right after it.
        if i + 1 < table.len() && word(i + 1) && table.sentence(i + 1) == table.sentence(i) {
            continue;
        }
        let mut start = i;
        while start > 0
            && i - start < GIVEN_WORDS
            && word(start - 1)
            && table.sentence(start - 1) == table.sentence(i)
            && !table.flags(start).contains(Flags::LINE_BREAK)
            && !taken[start - 1]
            && !known
                .get(k.saturating_sub(1)..k + 1)
                .unwrap_or_default()
                .iter()
                .any(|r| {
                    let s = table.span(start - 1);
                    r.start < s.end && s.start < r.end
                })
        {
            start -= 1;
        }
        let (a, b) = (table.span(start).start, span.end);
        names.push(Name {
            span: a..b - possessive_len(table.token(i)),
            tokens: start..i + 1,
            kind: NameKind::Person,
            evidence: Evidence::Surname,
        });
        taken[start..=i].fill(true);
    }
    names.sort_by_key(|n| n.span.start);
    names
}
