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
//! document as well as later. Likewise an organization's first word, when
//! it is a name of its own ("Harbourside" after "Harbourside FC",
//! "Northwind" after "Northwind Robotics Inc."), names that organization
//! elsewhere: later anywhere (on UNER EWT dev, "Mozilla project" after
//! "Mozilla Foundation" is the organization), earlier only where it acts
//! or owns ("Northwind said", "Harbourside’s"), not as a modifier
//! ("Riverside rail yard" before "Riverside Neighbors Association"); never
//! a head, a title, a place or a nationality ("Bank", "American").

use std::ops::Range;

use newsnlp_text::Table;
use newsnlp_text::hash::FastSet;
use newsnlp_text::table::Flags;
use newsnlp_text::words::WordClass;

use crate::lexicon::{Cues, Lexicon};
use crate::shape::{all_caps, demonym, possessive_len, word_key};
use crate::{Evidence, Name, NameKind};

/// The most words before a surname taken as the rest of the name.
const GIVEN_WORDS: usize = 2;

/// The keys the pass looks for: people's surnames, and organizations'
/// first words that are names of their own.
type Keys = FastSet<(u64, u64)>;

/// The surnames of `names`' people and the first words of its
/// organizations, from names typed by more than their place in the
/// sentence ("Google has" is too weak a guess to type others).
fn keys(lex: &Lexicon, table: &Table<'_>, names: &[Name]) -> (Keys, Keys) {
    let strong = |n: &&Name| !matches!(n.evidence, Evidence::Subject | Evidence::Owner);
    let surnames: Keys = names
        .iter()
        .filter(strong)
        .filter(|n| n.kind == NameKind::Person && !n.tokens.is_empty())
        .filter_map(|n| word_key(table, n.tokens.end - 1))
        .collect();
    let generic = Cues::ORG_HEAD
        | Cues::ORG_SUFFIX
        | Cues::PLACE_NAME
        | Cues::PLACE_START
        | Cues::TITLE
        | Cues::TITLE_PART
        | Cues::GIVEN
        | Cues::NOT_NAME;
    let org_firsts: Keys = names
        .iter()
        .filter(strong)
        .filter(|n| n.kind == NameKind::Organization && n.tokens.len() > 1)
        .filter(|n| {
            let first = table.token(n.tokens.start);
            !lex.key(table.key(n.tokens.start)).intersects(generic)
                && !demonym(first)
                && !all_caps(first)
        })
        .filter_map(|n| table.key(n.tokens.start))
        .filter(|key| !surnames.contains(key))
        .collect();
    (surnames, org_firsts)
}

/// The document the pass reads: its table, the lexicon and the known
/// spans.
struct Pass<'a, 't> {
    lex: &'a Lexicon,
    table: &'a Table<'t>,
    known: &'a [Range<usize>],
    /// The greatest end among `known[..=i]`, per `i` (known spans may
    /// overlap, so their ends are not in order).
    max_end: Vec<usize>,
}

impl Pass<'_, '_> {
    /// A capitalized word that may be part of a name: no title, function
    /// word, day or month, not in capitals.
    fn word(&self, i: usize) -> bool {
        // The scan's closed-class words too: a preposition opening a
        // sentence is no given name ("Despite Varnholt's lead").
        let not_name = WordClass::Titles.set().union(crate::find::FUNCTION);
        let f = self.table.flags(i);
        f.contains(Flags::CAPITALIZED)
            && f.contains(Flags::WORDLIKE)
            && !self.table.classes(i).intersects(not_name)
            && !all_caps(self.table.token(i))
    }

    /// Whether token `j` opens a headline line. A headline's first word
    /// is capitalized anyway: it is a given name only if listed as one
    /// ("Late Nakamura header sends …"); a sentence's first word in
    /// running text may be one ("Dwayne Okafor, president of …").
    fn opens_headline(&self, j: usize) -> bool {
        let t = self.table;
        let opens = t.opens_sentence(j) || t.flags(j).contains(Flags::LINE_BREAK);
        opens && headline_line(t, j)
    }

    /// Whether a known span overlaps token `j`: one that starts before
    /// the token ends and ends after it starts.
    fn in_known(&self, j: usize) -> bool {
        let t = self.table.span(j);
        let before = self.known.partition_point(|r| r.start < t.end);
        before > 0 && self.max_end[before - 1] > t.start
    }

    /// Where the name whose surname is token `i` starts: up to two
    /// capitalized words right before it (given names), in its sentence
    /// and line, none `taken`, known, a title, a headline's verb or a
    /// headline's opening word.
    fn given_start(&self, i: usize, taken: &[bool]) -> usize {
        let (t, lex) = (self.table, self.lex);
        // Nor a headline's verb ("Governor Slams | Hillary").
        let refused = Cues::NOT_NAME | Cues::TITLE | Cues::TITLE_PART | Cues::HEADLINE_VERB;
        let mut start = i;
        while start > 0
            && i - start < GIVEN_WORDS
            && self.word(start - 1)
            && t.sentence(start - 1) == t.sentence(i)
            && !t.flags(start).contains(Flags::LINE_BREAK)
            && !taken[start - 1]
            && !lex.key(t.key(start - 1)).intersects(refused)
            && (!self.opens_headline(start - 1) || lex.key(t.key(start - 1)).contains(Cues::GIVEN))
            && !self.in_known(start - 1)
        {
            start -= 1;
        }
        start
    }
}

/// Adds to `names` (the scan's, in text order) the other mentions of its
/// people's surnames and organizations' first words in `table`, outside
/// `known` spans (sorted by start).
pub(crate) fn complete(
    lex: &Lexicon,
    table: &Table<'_>,
    known: &[Range<usize>],
    mut names: Vec<Name>,
) -> Vec<Name> {
    let (surnames, org_firsts) = keys(lex, table, &names);
    if surnames.is_empty() && org_firsts.is_empty() {
        return names;
    }
    let max_end = known
        .iter()
        .scan(0, |m, r| {
            *m = r.end.max(*m);
            Some(*m)
        })
        .collect();
    let pass = Pass {
        lex,
        table,
        known,
        max_end,
    };
    // Tokens already in a name.
    let mut taken = vec![false; table.len()];
    for n in &names {
        if let Some(t) = taken.get_mut(n.tokens.clone()) {
            t.fill(true);
        }
    }
    // A person the scan found by surname alone takes the given names
    // before it ("Dwayne Okafor, president of …" when the scan kept
    // "Okafor").
    for n in &mut names {
        let t = n.tokens.clone();
        if n.kind != NameKind::Person || t.len() != 1 {
            continue;
        }
        let start = pass.given_start(t.start, &taken);
        if start < t.start {
            n.span.start = table.span(start).start;
            n.tokens.start = start;
            taken[start..t.start].fill(true);
        }
    }
    for i in 0..table.len() {
        // Cheap tests first: most tokens are not capitalized, and most
        // capitalized ones are no surname or organization word.
        let f = table.flags(i);
        if !(f.contains(Flags::CAPITALIZED) && f.contains(Flags::WORDLIKE)) || taken[i] {
            continue;
        }
        let Some(key) = word_key(table, i) else {
            continue;
        };
        let org = org_firsts.contains(&key);
        if !(org || surnames.contains(&key)) || !pass.word(i) || pass.in_known(i) {
            continue;
        }
        let span = table.span(i);
        let end = span.end - possessive_len(table.token(i));
        if org {
            // An organization's first word alone, as a subject or owner
            // ("Northwind said", "Northwind’s"), not a modifier
            // ("Riverside rail yard", "Arctic cod").
            if acts(lex, table, i) {
                names.push(Name {
                    span: span.start..end,
                    tokens: i..i + 1,
                    kind: NameKind::Organization,
                    evidence: Evidence::EarlierName,
                    title: None,
                });
                taken[i] = true;
            }
            continue;
        }
        // The surname ends its name: no capitalized word right after it.
        if i + 1 < table.len() && pass.word(i + 1) && table.sentence(i + 1) == table.sentence(i) {
            continue;
        }
        let start = pass.given_start(i, &taken);
        names.push(Name {
            span: table.span(start).start..end,
            tokens: start..i + 1,
            kind: NameKind::Person,
            evidence: Evidence::Surname,
            title: None,
        });
        taken[start..=i].fill(true);
    }
    names.sort_by_key(|n| n.span.start);
    names
}

/// Whether the name ending with token `last` acts or owns: a possessive,
/// or a verb or a clause's end after it ("Northwind said", "Harbourside
/// will", "Northwind’s", "Northwind, the …"), not a modifier ("Riverside
/// rail yard").
pub(crate) fn acts(lex: &Lexicon, table: &Table<'_>, last: usize) -> bool {
    let next = last + 1;
    possessive_len(table.token(last)) > 0
        || next >= table.len()
        || matches!(table.token(next), "," | "." | ";" | "'s" | "’s")
        || lex.key(table.key(next)).contains(Cues::PERSON_CUE)
        || table
            .classes(next)
            .intersects(WordClass::Aux.set() | WordClass::SubjectVerbs.set())
}

/// Whether the line holding token `j` ends without a stop: a headline
/// ("Late Nakamura header sends Harbourside into cup final").
fn headline_line(table: &Table<'_>, j: usize) -> bool {
    let mut last = j;
    for t in j + 1..table.len().min(j + 40) {
        if table.flags(t).contains(Flags::LINE_BREAK) {
            break;
        }
        last = t;
    }
    if last + 1 == j + 40 {
        return false; // too long for a headline
    }
    !matches!(
        table.token(last),
        "." | "!" | "?" | ":" | "”" | "\"" | "’" | "'" | "…"
    )
}
