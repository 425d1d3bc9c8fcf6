//! The title of a name, for the entity table's titles and descriptors:
//! right before it ("Norwegian Prime Minister Jonas Gahr Støre"), or in
//! apposition before or after it ("Indonesia's chief negotiator, Rahmat
//! Hidayat"; "Dwayne Okafor, president of …").

use std::ops::Range;

use newsnlp_text::Table;
use newsnlp_text::table::Flags;
use newsnlp_text::words::WordClass;

/// Whether token `i` is a title or role word ("minister", "negotiator").
fn is_role(table: &Table<'_>, i: usize) -> bool {
    table
        .classes(i)
        .intersects(WordClass::Titles.set() | WordClass::DescriptorHeads.set())
}

/// The title of the name on tokens `name`: right before it ("Norwegian
/// Prime Minister Jonas Gahr Støre", "spokesman Jim Ray"), before it in
/// apposition ("Indonesia's chief negotiator, Rahmat Hidayat"), or after
/// it in apposition ("Dwayne Okafor, president of …"). A title before is
/// the run of title words, capitalized modifiers and an inner "of" that
/// ends with a title word, in one sentence, at most eight tokens long.
pub(crate) fn title_of(table: &Table<'_>, name: Range<usize>) -> Option<Range<usize>> {
    let first = name.start;
    let last = first.checked_sub(1)?;
    let same_sentence = |i: usize| table.sentence(i) == table.sentence(first);
    if is_role(table, last) && same_sentence(last) {
        return title_ending_at(table, last);
    }
    if table.token(last) == "," && last > 0 && is_role(table, last - 1) && same_sentence(last - 1) {
        return title_ending_at(table, last - 1);
    }
    title_after(table, name.end)
}

/// The run of title words and modifiers that ends with title word `last`.
fn title_ending_at(table: &Table<'_>, last: usize) -> Option<Range<usize>> {
    let openers = WordClass::Stop.set()
        | WordClass::Time.set()
        | WordClass::Days.set()
        | WordClass::Months.set()
        | WordClass::RelativeDays.set();
    let mut start = last;
    while start > 0 && last - start < 7 {
        let i = start - 1;
        let modifier = table.flags(i).contains(Flags::CAPITALIZED) || table.lower(i) == "of";
        if !(is_role(table, i) || modifier) || table.sentence(i) != table.sentence(last) {
            break;
        }
        start = i;
    }
    // A run opens with a title or a modifier, never with "of" or a
    // sentence's first word that is no title ("Yesterday").
    while start < last
        && (table.lower(start) == "of"
            || (!is_role(table, start) && table.classes(start).intersects(openers)))
    {
        start += 1;
    }
    Some(table.span(start).start..table.span(last).end)
}

/// A title in apposition after a name: ", (a|an|the)? WORDS" whose last
/// word, before a comma, period, "of", "at" or "for", is a title or role
/// word ("Dwayne Okafor, president of …", "Jim Ray, the mayor,").
fn title_after(table: &Table<'_>, end: usize) -> Option<Range<usize>> {
    if end >= table.len() || table.token(end) != "," {
        return None;
    }
    let mut start = end + 1;
    if matches!(table.lower(start), "a" | "an" | "the") {
        start += 1;
    }
    let mut j = start;
    while j < table.len() && j - start < 4 && table.flags(j).contains(Flags::WORDLIKE) {
        if matches!(table.lower(j), "of" | "at" | "for" | "who" | "and") {
            break;
        }
        j += 1;
    }
    let last = j.checked_sub(1).filter(|&l| l >= start)?;
    (is_role(table, last) && table.sentence(last) == table.sentence(end))
        .then(|| table.span(start).start..table.span(last).end)
}
