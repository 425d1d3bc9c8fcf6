//! Nominal descriptors: "the Hungarian leader", "the secretary", "the
//! German executive", linked by [`EntityTable::link_descriptors`] to the
//! person they describe.
//!
//! A descriptor is "the", then words that are titles or capitalized
//! modifiers ("Hungarian", "foreign"), ending with a role noun
//! ([`WordClass::DescriptorHeads`]) that no name follows (else it is a
//! title before a name: "the Hungarian Prime Minister Viktor Orbán"). It
//! refers to the most recent person named before it (within a few
//! mentions) whose titles fit: each title word and capitalized modifier is
//! a word of one of the person's titles (in the document, or listed in the
//! gazetteer), and the head is too, or is "leader" ("chief", "head") for
//! a person whose title is one of those who lead
//! ([`WordClass::LeaderTitles`]: president, prime minister, chancellor).
//!
//! ```
//! use newsnlp_gazetteer::{EntityKind, EntityTable, Gazetteer, Link, NewName};
//! use newsnlp_text::{Span, Table, table::TokenFacts};
//!
//! let gaz = Gazetteer::default();
//! let text = "Finnish Prime Minister Aino Lehto spoke . The Finnish leader left";
//! // Whitespace-separated tokens (a tokenizer gives the same here).
//! let mut spans = Vec::new();
//! let mut start = None;
//! for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
//!     match (c == ' ', start) {
//!         (true, Some(s)) => { spans.push(s..i); start = None; }
//!         (false, None) => start = Some(i),
//!         _ => {}
//!     }
//! }
//! let tokens = spans.iter().map(|r| TokenFacts { span: Span::from(r.clone()), wordlike: r.len() > 1, paragraph: 0 });
//! let table = Table::new(text, tokens, [0..spans.len()]);
//! let names = [NewName { span: 23..33, kind: EntityKind::Person, title: Some(0..22) }];
//! let (mut entities, mentions) = EntityTable::with_names(&gaz, text, &gaz.find_in_document(text), &names);
//! entities.link_descriptors(&gaz, &table, &mentions);
//! let aino = &entities.entities()[0];
//! assert_eq!(aino.mentions.len(), 2);
//! assert_eq!(aino.mentions[1].link, Link::Descriptor);
//! assert_eq!(&text[aino.mentions[1].span.range()], "The Finnish leader");
//! assert_eq!(entities.descriptor_at(42..60).map(|e| e.name.as_str()), Some("Aino Lehto"));
//! ```

use std::ops::Range;

use newsnlp_text::hash::short_key;
use newsnlp_text::table::Flags;
use newsnlp_text::words::{Classes, WordClass};
use newsnlp_text::{Span, Table};

use crate::table::{EntityRef, Link};
use crate::{EntityKind, EntityTable, Gazetteer, Mention};

/// How many person mentions a descriptor looks back over.
const LOOKBACK_MENTIONS: usize = 12;
/// How far back (in bytes) a descriptor may find its person.
const LOOKBACK_BYTES: usize = 3000;
/// The most words between "the" and the head.
const MAX_MODIFIERS: usize = 3;

/// Whether some title of `titles` has the lowercase word `word`.
fn in_titles<'t>(titles: impl Iterator<Item = &'t str>, word: &str) -> bool {
    titles
        .flat_map(str::split_whitespace)
        .any(|w| lowercase_is(w, word))
}

/// Whether `w` lowercased is `lower`, without lowercasing it into a string.
fn lowercase_is(w: &str, lower: &str) -> bool {
    if w.is_ascii() {
        return w.len() == lower.len()
            && w.bytes().map(|b| b.to_ascii_lowercase()).eq(lower.bytes());
    }
    w.to_lowercase() == lower
}

impl EntityTable {
    /// Links the descriptors of the document (`table` is its token table)
    /// to the people they describe, as the module docs say: each becomes
    /// a mention ([`Link::Descriptor`]) of its person, and
    /// [`EntityTable::descriptor_at`] finds it. `mentions` are those
    /// [`EntityTable::with_names`] returned with this table.
    pub fn link_descriptors(
        &mut self,
        gazetteer: &Gazetteer,
        table: &Table<'_>,
        mentions: &[Mention],
    ) {
        let n = table.len();
        let mut next_mention = 0;
        let mut i = 0;
        // "the" by the table's key: no string compare per token.
        let the = short_key("the");
        while i < n {
            if table.key(i) != the {
                i += 1;
                continue;
            }
            let (head, end, aged) = match descriptor_after(table, i) {
                Some((head, end)) => (head, end, false),
                None => match age_descriptor_after(table, i) {
                    Some((last, end)) => (last, end, true),
                    None => {
                        i += 1;
                        continue;
                    }
                },
            };
            let span = table.span(i).start..table.span(head).end;
            // Mentions that end before the descriptor.
            while mentions
                .get(next_mention)
                .is_some_and(|m| m.end() <= span.start)
            {
                next_mention += 1;
            }
            if mentions
                .get(next_mention)
                .is_some_and(|m| m.start() < span.end)
            {
                i = end;
                continue; // a name inside: "the Kremlin spokesman"
            }
            let person = if aged {
                self.latest_person(&mentions[..next_mention], span.start)
            } else {
                self.fitting_person(
                    gazetteer,
                    table,
                    i + 1..head + 1,
                    &mentions[..next_mention],
                    span.start,
                )
            };
            if let Some(index) = person {
                self.add_descriptor(index, span);
            }
            i = end;
        }
    }

    /// The most recent person among the last `before` mentions whose titles
    /// fit the descriptor words `words` (its modifiers and head).
    fn fitting_person(
        &self,
        gazetteer: &Gazetteer,
        table: &Table<'_>,
        words: Range<usize>,
        before: &[Mention],
        at: usize,
    ) -> Option<usize> {
        let head = words.end - 1;
        let mut seen = Vec::with_capacity(LOOKBACK_MENTIONS);
        let people = before
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, m)| at - m.end() <= LOOKBACK_BYTES)
            .filter_map(|(k, _)| *self.by_mention.get(k)?)
            .filter(|&e| self.entities[e].kind == EntityKind::Person);
        for index in people {
            if seen.contains(&index) {
                continue;
            }
            if seen.len() == LOOKBACK_MENTIONS {
                break;
            }
            seen.push(index);
            let e = &self.entities[index];
            let listed = e.id.map(|id| gazetteer.entity(id));
            let titles = || {
                e.titles
                    .iter()
                    .map(String::as_str)
                    .chain(listed.iter().flat_map(|l| l.titles()))
            };
            if titles().next().is_none() {
                continue;
            }
            let fits = |j: usize| {
                let w = table.lower(j);
                in_titles(titles(), w)
                    || (j == head
                        && Classes::of(w).contains(WordClass::LeaderTitles)
                        && titles()
                            .flat_map(str::split_whitespace)
                            .any(|t| Classes::of_any_case(t).contains(WordClass::LeaderTitles)))
            };
            // Lowercase modifiers that are no titles ("new", "top") say
            // nothing about who it is.
            let says = |j: usize| {
                j == head
                    || table.flags(j).contains(Flags::CAPITALIZED)
                    || table.classes(j).contains(WordClass::Titles)
            };
            if words.clone().filter(|&j| says(j)).all(fits) {
                return Some(index);
            }
        }
        None
    }

    /// The person named last among `before` (mentions ending before byte
    /// `at`), within [`LOOKBACK_BYTES`]: whom "the 27-year-old" describes.
    fn latest_person(&self, before: &[Mention], at: usize) -> Option<usize> {
        before
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, m)| at - m.end() <= LOOKBACK_BYTES)
            .filter_map(|(k, _)| *self.by_mention.get(k)?)
            .find(|&e| self.entities[e].kind == EntityKind::Person)
    }

    /// Records descriptor `span` as a mention of entity `index`.
    fn add_descriptor(&mut self, index: usize, span: Range<usize>) {
        let span = Span::from(span);
        let ms = &mut self.entities[index].mentions;
        let at = ms.partition_point(|m| m.span.start < span.start);
        ms.insert(
            at,
            EntityRef {
                span,
                link: Link::Descriptor,
            },
        );
        self.descriptors.push((span, index));
    }

    /// The entity the descriptor inside `span` refers to ("The Hungarian
    /// leader" as a quote's source), if the table linked one there.
    pub fn descriptor_at(&self, span: Range<usize>) -> Option<&crate::DocEntity> {
        let k = self
            .descriptors
            .partition_point(|(s, _)| s.start < span.start);
        let (s, index) = self.descriptors.get(k)?;
        (s.end <= span.end).then(|| &self.entities[*index])
    }
}

/// The descriptor that opens with "the" at token `the`: the index of its
/// head and the token after it.
fn descriptor_after(table: &Table<'_>, the: usize) -> Option<(usize, usize)> {
    let mut head = None;
    let mut j = the + 1;
    while j < table.len() && j - the <= MAX_MODIFIERS + 1 {
        let c = table.classes(j);
        let capitalized = table.flags(j).contains(Flags::CAPITALIZED);
        if c.contains(WordClass::DescriptorHeads) {
            head = Some(j);
        } else if !(capitalized || c.contains(WordClass::Titles)) || table.lower(j) == "of" {
            break;
        }
        j += 1;
        if table.flags(j).contains(Flags::LINE_BREAK) {
            break;
        }
    }
    let head = head?;
    let after = head + 1;
    // A name after the head: a title before a name, not a descriptor.
    let named = after < table.len()
        && table.flags(after).contains(Flags::CAPITALIZED)
        && table.flags(after).contains(Flags::WORDLIKE)
        && !table.flags(after).contains(Flags::LINE_BREAK);
    (!named).then_some((head, after))
}

/// An age descriptor that opens with "the" at token `the`: "the
/// 27-year-old", "the 57-year-old scientist" (lowercase titles or role
/// nouns may follow the age); the index of its last token and the token
/// after it. Not when a capitalized word follows the age, which names or
/// describes otherwise ("the 74-year-old Sanders", "the 44-year-old Boca
/// West resident").
fn age_descriptor_after(table: &Table<'_>, the: usize) -> Option<(usize, usize)> {
    let n = the + 1;
    let age = n + 5 < table.len()
        && table.token(n).bytes().all(|b| b.is_ascii_digit())
        && table.token(n + 1) == "-"
        && table.lower(n + 2) == "year"
        && table.token(n + 3) == "-"
        && table.lower(n + 4) == "old";
    if !age {
        return None;
    }
    let mut last = n + 4;
    let mut j = n + 5;
    while j < table.len() && j - n - 5 < MAX_MODIFIERS {
        if table
            .flags(j)
            .intersects(Flags::CAPITALIZED | Flags::LINE_BREAK)
        {
            // A capitalized word right after the age: a name, or more than
            // the age says.
            if j == n + 5 && table.flags(j).contains(Flags::CAPITALIZED) {
                return None;
            }
            break;
        }
        let c = table.classes(j);
        if !(c.contains(WordClass::DescriptorHeads) || c.contains(WordClass::Titles)) {
            break;
        }
        last = j;
        j += 1;
    }
    Some((last, last + 1))
}
