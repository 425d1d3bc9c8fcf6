//! Entities the gazetteer does not list: [`EntityTable::with_names`]
//! clusters the names a document introduces (found by a name finder such
//! as `newsnlp-names`) with the gazetteer's mentions, and [`Entities`]
//! answers "who is this id" for both.
//!
//! Clustering, in text order, most recent first:
//! - the same words of the same kind are the same entity;
//! - an organization's first word alone is that organization
//!   ("Harbourside" after "Harbourside FC");
//! - an acronym of two to six capitals is the organization of several
//!   words whose capitals' initials it spells ("the RSF" after "Rapid
//!   Support Forces", "EPA" after "Environmental Protection Agency"), and
//!   an organization named first by its acronym alone takes the full
//!   name whose initials it spells when that comes;
//! - a person's later short form is that person: "Støre" or "Gahr Støre"
//!   after "Jonas Gahr Støre" (the surname, or the words that end the full
//!   name), and a full name that ends with an earlier short form makes
//!   that form's entity take the full name;
//! - a gazetteer surname mention ("Bennett", listed for Naftali Bennett)
//!   after an unlisted person of that surname ("Sarah Bennett") is that
//!   person, unless the listed one was named in full more recently: a
//!   surname alone never links to a listed person whose given name differs
//!   from the one the document uses.
//!
//! ```
//! use newsnlp_gazetteer::{EntityKind, EntityTable, Gazetteer, NewName};
//!
//! let gaz = Gazetteer::default();
//! let text = "Sarah Bennett of the SEC met Putin. Bennett said little.";
//! let names = [NewName { span: 0..13, kind: EntityKind::Person, title: None }];
//! let (table, mentions) = EntityTable::with_names(&gaz, text, &gaz.find_in_document(text), &names);
//! let sarah = &table.entities()[0];
//! assert_eq!((sarah.name.as_str(), sarah.known, sarah.mentions.len()), ("Sarah Bennett", false, 2));
//! assert_eq!(sarah.id, None);
//! assert!(table.entities().iter().all(|e| e.name != "Naftali Bennett"));
//! assert!(!mentions.last().unwrap().is_listed());
//! ```

use std::ops::Range;

use newsnlp_text::Span;
use newsnlp_text::hash::{FastMap, upper_bits};

use crate::table::{DocEntity, EntityRef, Link};
use crate::{
    AliasOrigin, EntityId, EntityKind, EntityTable, Gazetteer, Mention, Party, Resolution,
};

/// A name the gazetteer does not list, found in a document: the input of
/// [`EntityTable::with_names`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewName {
    /// Its byte span (no title, no possessive "’s").
    pub span: Range<usize>,
    /// What it names.
    pub kind: EntityKind,
    /// Its title, if any: right before it ("Norwegian Prime Minister"), or
    /// in apposition before or after it ("chief negotiator", "president"
    /// in "Dwayne Okafor, president of …"). A title after the name counts
    /// among the entity's titles, not as the mention's
    /// [`Mention::title`].
    pub title: Option<Range<usize>>,
}

/// An unlisted entity while clustering.
struct Cluster<'t> {
    /// Its index in the table's entities.
    entity: usize,
    kind: EntityKind,
    /// Its fullest form, as written.
    full: &'t str,
    /// The number of words of `full`.
    words: usize,
    /// Where its latest mention ends.
    last_end: usize,
}

/// The clusters of one document, with indexes (most recent wins) by
/// form, and for people by first and last word.
#[derive(Default)]
struct Clusters<'t> {
    all: Vec<Cluster<'t>>,
    /// By the name as written, with its kind.
    by_form: FastMap<(&'t str, EntityKind), usize>,
    /// By the hash of the name lowercased, for a form in capitals
    /// ("GENEVA" in a dateline is "Geneva"); a hit is checked.
    by_lower: FastMap<(u64, EntityKind), (usize, &'t str)>,
    /// Whether some cluster was first written in capitals.
    caps: bool,
    /// Organizations by their first word.
    org_by_first: FastMap<&'t str, usize>,
    /// People by their last word ("Støre").
    by_last: FastMap<&'t str, usize>,
    /// People by their first word ("Jonas"), of names of two words or more.
    by_first: FastMap<&'t str, usize>,
    /// Organizations of two words or more by their capitals' initials
    /// ("RSF" of "Rapid Support Forces").
    org_by_initials: FastMap<u64, usize>,
    /// Organizations named so far only by an acronym, by its letters
    /// ("EPA" in a headline before "Environmental Protection Agency").
    org_by_acronym: FastMap<u64, usize>,
}

/// The initials of a name's capitalized words ("Rapid Support Forces" ->
/// "RSF"; "Union of Shop Workers" -> "USW"), packed into a `u64` (eight
/// letters at most), or `None`.
fn initials(form: &str) -> Option<u64> {
    let mut key = 0u64;
    let mut n = 0;
    for w in form.split_whitespace() {
        let c = w.chars().next()?;
        if c.is_ascii_uppercase() {
            if n == 8 {
                return None;
            }
            key = key << 8 | c as u64;
            n += 1;
        }
    }
    (n >= 2).then_some(key)
}

/// An acronym as its key for [`initials`]: two to six capitals, nothing
/// else ("RSF", "CMA").
fn acronym(form: &str) -> Option<u64> {
    let b = form.as_bytes();
    ((2..=6).contains(&b.len()) && b.iter().all(u8::is_ascii_uppercase))
        .then(|| b.iter().fold(0u64, |k, &c| k << 8 | u64::from(c)))
}

/// The first and last word of a name, and how many words it has.
fn ends(s: &str) -> (&str, &str, usize) {
    let mut it = s.split_whitespace();
    let first = it.next().unwrap_or("");
    let mut last = first;
    let mut n = usize::from(!first.is_empty());
    for w in it {
        last = w;
        n += 1;
    }
    (first, last, n)
}

/// A name as the table gives it: its words joined by one space (a
/// no-break space or a line break inside it counts as one space).
fn name_of(form: &str) -> String {
    // Most names are ASCII words joined by one space: the form itself.
    // One pass: ASCII, and no whitespace but single spaces between words.
    let mut after_space = true;
    let plain = form.bytes().all(|c| {
        let ok = c.is_ascii() && !matches!(c, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
        let doubled = c == b' ' && after_space;
        after_space = c == b' ';
        ok && !doubled
    }) && !form.ends_with(' ');
    if plain {
        return form.to_string();
    }
    let mut name = String::with_capacity(form.len());
    for w in form.split_whitespace() {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(w);
    }
    name
}

/// The hash of a name lowercased (character by character, as
/// [`same_lowercase`] compares), an ASCII one without lowercasing it into
/// a string.
fn lower_hash(form: &str) -> u64 {
    if form.is_ascii() {
        return ascii_lower_hash(form.as_bytes());
    }
    // Any hash of the lowercased characters serves (a hit is checked), as
    // long as equal ones hash alike: an ASCII result as an ASCII name does.
    let lower: String = form.chars().flat_map(char::to_lowercase).collect();
    if lower.is_ascii() {
        return ascii_lower_hash(lower.as_bytes());
    }
    lower.chars().fold(0, |h, c| {
        (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    })
}

/// The hash of ASCII `bytes` lowercased, eight at a time.
fn ascii_lower_hash(bytes: &[u8]) -> u64 {
    bytes.chunks(8).fold(bytes.len() as u64, |h, chunk| {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        let w = u64::from_le_bytes(w);
        let lower = w | (upper_bits(w) >> 2);
        (h.rotate_left(5) ^ lower).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    })
}

/// Whether two names are the same lowercased.
fn same_lowercase(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether a name has letters and no lowercase one ("GENEVA").
fn all_caps(form: &str) -> bool {
    // ASCII by bytes, in one pass that stops at a lowercase letter.
    let mut capital = false;
    for &b in form.as_bytes() {
        if b >= 0x80 {
            return form.chars().any(char::is_alphabetic) && !form.chars().any(char::is_lowercase);
        }
        if b.is_ascii_lowercase() {
            return false;
        }
        capital |= b.is_ascii_uppercase();
    }
    capital
}

/// Whether the words of `short` begin the words of `full`.
fn starts_with_words(full: &str, short: &str) -> bool {
    let mut f = full.split_whitespace();
    short.split_whitespace().all(|w| f.next() == Some(w))
}

/// Whether the words of `short` end the words of `full`.
fn ends_with_words(full: &str, short: &str) -> bool {
    let mut f = full.split_whitespace().rev();
    short.split_whitespace().rev().all(|w| f.next() == Some(w))
}

impl<'t> Clusters<'t> {
    /// The cluster a new name `form` of kind `kind` joins, and whether the
    /// cluster takes `form` as its fuller name (`shape` is [`ends`] of
    /// `form`).
    fn find(
        &self,
        form: &'t str,
        shape: (&'t str, &'t str, usize),
        kind: EntityKind,
    ) -> Option<(usize, bool)> {
        if let Some(&k) = self.by_form.get(&(form, kind)) {
            return Some((k, false));
        }
        // The same name in capitals, or first written in capitals: the
        // form in capitals never names the cluster.
        if (self.caps || all_caps(form))
            && let Some(&(k, seen)) = self.by_lower.get(&(lower_hash(form), kind))
            && same_lowercase(seen, form)
        {
            return Some((k, all_caps(self.all[k].full) && !all_caps(form)));
        }
        let (first, last, n) = shape;
        // "the RSF" after "Rapid Support Forces": an acronym of an
        // organization named before.
        if kind == EntityKind::Organization
            && let Some(&k) = acronym(form).and_then(|a| self.org_by_initials.get(&a))
        {
            return Some((k, false));
        }
        // "Environmental Protection Agency" after a headline's "EPA": the
        // acronym's organization takes the full name.
        if kind == EntityKind::Organization
            && n >= 2
            && let Some(&k) = initials(form).and_then(|i| self.org_by_acronym.get(&i))
            && acronym(self.all[k].full).is_some()
        {
            return Some((k, true));
        }
        // "at Calloway Memorial" after "Calloway Memorial Hospital": two or
        // more first words of an organization, typed a place by their
        // preposition only, are the organization.
        if kind == EntityKind::Place
            && n >= 2
            && let Some(&k) = self.org_by_first.get(first)
            && starts_with_words(self.all[k].full, form)
        {
            return Some((k, false));
        }
        if kind == EntityKind::Organization {
            // An organization's first words ("Harbourside" after
            // "Harbourside FC", "Northwind Robotics" after "Northwind
            // Robotics Inc."), or its fuller name after them.
            let &k = self.org_by_first.get(first)?;
            let full = self.all[k].full;
            return if starts_with_words(full, form) {
                Some((k, false))
            } else {
                starts_with_words(form, full).then_some((k, true))
            };
        }
        if kind != EntityKind::Person {
            return None;
        }
        let by_last = self.by_last.get(last).copied();
        if let Some(k) = by_last {
            let c = &self.all[k];
            if n <= c.words && ends_with_words(c.full, form) {
                return Some((k, false));
            }
            // A short form came first ("Støre", then "Jonas Gahr Støre").
            if c.words == 1 && n > 1 {
                return Some((k, true));
            }
        }
        // A given name alone ("Jonas" after "Jonas Gahr Støre").
        if n == 1
            && let Some(&k) = self.by_first.get(first)
            && by_last.is_none_or(|b| self.all[b].last_end < self.all[k].last_end)
        {
            return Some((k, false));
        }
        None
    }

    /// Indexes cluster `k` under `form`.
    fn index(&mut self, k: usize, form: &'t str, shape: (&'t str, &'t str, usize)) {
        let kind = self.all[k].kind;
        if self.by_form.insert((form, kind), k).is_none() {
            self.by_lower.insert((lower_hash(form), kind), (k, form));
            self.caps |= all_caps(self.all[k].full);
        }
        if kind == EntityKind::Organization {
            let (first, _, n) = shape;
            self.org_by_first.insert(first, k);
            if n >= 2
                && let Some(key) = initials(form)
            {
                self.org_by_initials.insert(key, k);
            }
            if let Some(key) = acronym(form) {
                self.org_by_acronym.insert(key, k);
            }
        }
        if kind == EntityKind::Person {
            let (first, last, n) = shape;
            self.by_last.insert(last, k);
            if n > 1 {
                self.by_first.insert(first, k);
            }
        }
    }
}

impl EntityTable {
    /// The table of a document's entities, listed or not, and its mentions
    /// in text order: the gazetteer's `mentions` (found in `text`) and the
    /// `names` it does not list (in text order), clustered as the module
    /// docs say.
    ///
    /// A gazetteer mention inside a name is dropped (the name is someone
    /// else: "Bennett" in "Sarah Bennett"). Unlisted mentions get
    /// document-local ids ([`Resolution::Unlisted`]); [`Entities`] looks
    /// them up. The table's `by_mention` indexes refer to the returned
    /// mentions.
    pub fn with_names(
        gazetteer: &Gazetteer,
        text: &str,
        mentions: &[Mention],
        names: &[NewName],
    ) -> (EntityTable, Vec<Mention>) {
        let base = gazetteer.len();
        let mut table = EntityTable {
            by_mention: Vec::with_capacity(mentions.len() + names.len()),
            base,
            ..EntityTable::default()
        };
        let mut listed_index: FastMap<EntityId, usize> = FastMap::default();
        // Where each listed person was last named in full.
        let mut named_in_full: FastMap<EntityId, usize> = FastMap::default();
        let mut clusters = Clusters::default();
        let mut merged = Vec::with_capacity(mentions.len() + names.len());
        let mut next = mentions.iter().peekable();
        let mut names = names
            .iter()
            .filter(|n| text.get(n.span.clone()).is_some())
            .peekable();
        loop {
            let take_name = match (next.peek(), names.peek()) {
                (None, None) => break,
                (Some(m), Some(n)) => n.span.start <= m.start(),
                (None, Some(_)) => true,
                (Some(_), None) => false,
            };
            if take_name {
                let Some(n) = names.next() else { break };
                // Gazetteer mentions inside the name are someone else's.
                while next.peek().is_some_and(|m| m.end() <= n.span.end) {
                    next.next();
                }
                let k = table.cluster(text, n, &mut clusters);
                let id = EntityId((base + k) as u32);
                let index = table.unlisted[k];
                table.add_title(index, text, n.title.clone());
                table.push(n.span.clone(), k, link_of(n, &clusters.all[k]));
                let before = n.title.clone().filter(|t| t.end <= n.span.start);
                merged.push(Mention::unlisted(n.span.clone(), id, before));
                continue;
            }
            let Some(m) = next.next() else { break };
            if let Some(k) = surname_of_unlisted(gazetteer, text, m, &clusters, &named_in_full) {
                clusters.all[k].last_end = m.end();
                let id = EntityId((base + k) as u32);
                table.push(m.span(), k, Link::Surname);
                merged.push(Mention::unlisted(m.span(), id, m.title()));
                continue;
            }
            if let Some(id) = m.entity() {
                let link = Link::of(gazetteer, m);
                if matches!(link, Link::Name | Link::Alias) {
                    named_in_full.insert(id, m.end());
                }
                let index = *listed_index.entry(id).or_insert_with(|| {
                    let e = gazetteer.entity(id);
                    if e.kind() == EntityKind::Organization {
                        table.orgs.push(table.entities.len());
                    }
                    table.entities.push(DocEntity {
                        index: table.entities.len(),
                        id: Some(id),
                        name: e.name().to_string(),
                        kind: e.kind(),
                        known: true,
                        titles: Vec::new(),
                        mentions: Vec::new(),
                    });
                    table.entities.len() - 1
                });
                table.add_title(index, text, m.title());
                table.entities[index].mentions.push(EntityRef {
                    span: Span::from(m.span()),
                    link,
                });
                table.by_mention.push(Some(index));
            } else {
                table.push_unresolved(m);
            }
            merged.push(m.clone());
        }
        table.listed = listed_index.into_iter().collect();
        table.listed.sort_unstable();
        (table, merged)
    }

    /// The cluster of name `n` (an index into `clusters`, which it may
    /// grow), its entity created or renamed in the table.
    fn cluster<'t>(&mut self, text: &'t str, n: &NewName, clusters: &mut Clusters<'t>) -> usize {
        let form = &text[n.span.clone()];
        // The first and last word and the length, once per name.
        let shape = ends(form);
        let k = match clusters.find(form, shape, n.kind) {
            Some((k, grow)) => {
                if grow {
                    let c = &mut clusters.all[k];
                    c.full = form;
                    c.words = shape.2;
                    self.entities[c.entity].name = name_of(form);
                }
                k
            }
            None => {
                if n.kind == EntityKind::Organization {
                    self.orgs.push(self.entities.len());
                }
                self.entities.push(DocEntity {
                    index: self.entities.len(),
                    id: None,
                    name: name_of(form),
                    kind: n.kind,
                    known: false,
                    titles: Vec::new(),
                    mentions: Vec::new(),
                });
                self.unlisted.push(self.entities.len() - 1);
                clusters.all.push(Cluster {
                    entity: self.entities.len() - 1,
                    kind: n.kind,
                    full: form,
                    words: shape.2,
                    last_end: n.span.end,
                });
                clusters.all.len() - 1
            }
        };
        clusters.all[k].last_end = n.span.end;
        clusters.index(k, form, shape);
        k
    }

    /// Adds mention `m` of unlisted entity `k`.
    fn push(&mut self, span: Range<usize>, k: usize, link: Link) {
        let index = self.unlisted[k];
        self.entities[index].mentions.push(EntityRef {
            span: Span::from(span),
            link,
        });
        self.by_mention.push(Some(index));
    }

    /// Records the title before a mention among its entity's titles.
    fn add_title(&mut self, index: usize, text: &str, title: Option<Range<usize>>) {
        let Some(t) = title.and_then(|r| text.get(r)) else {
            return;
        };
        let titles = &mut self.entities[index].titles;
        if !titles.iter().any(|x| x == t) {
            titles.push(t.to_string());
        }
    }

    /// The table entry of document-local entity `id`, if it is one.
    pub fn unlisted(&self, id: EntityId) -> Option<&DocEntity> {
        let k = id.index().checked_sub(self.base)?;
        self.entities.get(*self.unlisted.get(k)?)
    }
}

/// How an unlisted mention was linked: its first or fullest form is the
/// name, a shorter form of a person the surname.
/// Whether `name`'s last word is `word` (any case), without splitting
/// the name.
fn ends_with_word(name: &str, word: &str) -> bool {
    let n = name.len();
    n > word.len()
        && name.as_bytes()[n - word.len() - 1] == b' '
        && name
            .get(n - word.len()..)
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// Nouns of a business that stand for the one named last when no name
/// ends with them ("the company", "the carmaker"):
/// [`Entities::business_by_noun`].
const BUSINESS_NOUNS: &[&str] = &[
    "company",
    "firm",
    "carmaker",
    "automaker",
    "drugmaker",
    "chipmaker",
    "manufacturer",
    "retailer",
    "lender",
    "insurer",
    "airline",
    "carrier",
    "chain",
    "startup",
    "conglomerate",
    "supplier",
    "operator",
    "developer",
];

/// Last words of public bodies, parties and groups, which "the company"
/// never names ("the Environmental Protection Agency", "the union").
const PUBLIC_BODY_HEADS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "council",
    "court",
    "commission",
    "committee",
    "authority",
    "administration",
    "government",
    "parliament",
    "assembly",
    "congress",
    "senate",
    "cabinet",
    "police",
    "army",
    "navy",
    "forces",
    "union",
    "party",
    "association",
    "federation",
    "league",
    "coalition",
    "alliance",
    "movement",
    "front",
    "caucus",
    "university",
    "college",
    "school",
    "institute",
    "foundation",
    "society",
    "church",
    "embassy",
    "consulate",
    "tribunal",
    "board",
    "bureau",
    "district",
    "nation",
    "guild",
    "office",
    "center",
    "centre",
    "fund",
    "organization",
    "organisation",
    "service",
];

/// Whether an organization's name ends as a public body's does.
fn public_body(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    PUBLIC_BODY_HEADS
        .iter()
        .any(|h| last.eq_ignore_ascii_case(h))
}

fn link_of(n: &NewName, c: &Cluster<'_>) -> Link {
    if n.kind == EntityKind::Person && n.span.len() < c.full.len() {
        Link::Surname
    } else {
        Link::Name
    }
}

/// The unlisted person a gazetteer surname mention `m` refers to, if any:
/// its one word is the surname of an unlisted person named more recently
/// than any of `m`'s listed candidates was named in full.
fn surname_of_unlisted(
    gaz: &Gazetteer,
    text: &str,
    m: &Mention,
    clusters: &Clusters<'_>,
    named_in_full: &FastMap<EntityId, usize>,
) -> Option<usize> {
    if clusters.by_last.is_empty() {
        return None;
    }
    let by_surname = match m.alias() {
        Some(a) => matches!(
            gaz.alias(a).origin(),
            AliasOrigin::Surname | AliasOrigin::DocumentSurname
        ),
        None => false,
    };
    if !(by_surname || m.resolution() == Resolution::Ambiguous) {
        return None;
    }
    let word = text.get(m.span())?.trim();
    let k = *clusters.by_last.get(word)?;
    let c = &clusters.all[k];
    if c.words < 2 {
        return None;
    }
    let listed_later = m
        .candidates()
        .iter()
        .filter_map(|id| named_in_full.get(id))
        .any(|&end| end > c.last_end);
    (!listed_later).then_some(k)
}

impl<'a> From<&'a Gazetteer> for Entities<'a> {
    /// The gazetteer's entities alone.
    fn from(gazetteer: &'a Gazetteer) -> Entities<'a> {
        Entities::new(gazetteer, None)
    }
}

/// How far back (in bytes) "the union" may find the organization it names
/// ([`Entities::organization_by_head`]): about a long news story.
const ORG_HEAD_REACH: usize = 6000;

/// Who an entity id is, listed or not: the gazetteer's entities and those
/// a document's [`EntityTable`] adds. Quotes and stances resolve speakers
/// and holders through it, so a person no gazetteer knows gets their name.
///
/// ```
/// use newsnlp_gazetteer::{Entities, EntityKind, EntityTable, Gazetteer, NewName, Party};
///
/// let gaz = Gazetteer::default();
/// let text = "Jensen Huang met Putin.";
/// let names = [NewName { span: 0..12, kind: EntityKind::Person, title: None }];
/// let (table, mentions) = EntityTable::with_names(&gaz, text, &gaz.find_in_document(text), &names);
/// let entities = Entities::new(&gaz, Some(&table));
/// let huang = mentions[0].entity().unwrap();
/// assert_eq!((entities.name(huang), entities.listed(huang)), ("Jensen Huang", None));
/// let putin = mentions[1].entity().unwrap();
/// assert_eq!(entities.name(putin), "Vladimir Putin");
/// assert_eq!(entities.party(huang).and_then(|p| p.entity()), None);
/// assert_eq!(entities.party(putin).and_then(|p| p.entity()), Some(putin));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Entities<'a> {
    gazetteer: &'a Gazetteer,
    table: Option<&'a EntityTable>,
}

impl<'a> Entities<'a> {
    /// The entities of `gazetteer`, and those `table` adds (if given).
    pub fn new(gazetteer: &'a Gazetteer, table: Option<&'a EntityTable>) -> Entities<'a> {
        Entities { gazetteer, table }
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &'a Gazetteer {
        self.gazetteer
    }

    /// The table's entry of an unlisted id.
    fn unlisted(&self, id: EntityId) -> Option<&'a DocEntity> {
        self.table?.unlisted(id)
    }

    /// The gazetteer's id, when the gazetteer lists `id`.
    pub fn listed(&self, id: EntityId) -> Option<EntityId> {
        (id.index() < self.gazetteer.len()).then_some(id)
    }

    /// The canonical name, or for an unlisted entity the fullest form the
    /// document uses; `""` for an id of neither.
    pub fn name(&self, id: EntityId) -> &'a str {
        match self.listed(id) {
            Some(id) => self.gazetteer.entity(id).name(),
            None => self.unlisted(id).map_or("", |e| e.name.as_str()),
        }
    }

    /// The kind ([`EntityKind::Other`] for an id of neither).
    pub fn kind(&self, id: EntityId) -> EntityKind {
        match self.listed(id) {
            Some(id) => self.gazetteer.entity(id).kind(),
            None => self.unlisted(id).map_or(EntityKind::Other, |e| e.kind),
        }
    }

    /// Whether one of the entity's titles (listed in the gazetteer, or
    /// seen before its mentions in the document) has the lowercase word
    /// `word` ("secretary").
    pub fn has_title_word(&self, id: EntityId, word: &str) -> bool {
        let has = |t: &str| t.split_whitespace().any(|w| w.to_lowercase() == word);
        let in_doc = self
            .table
            .and_then(|t| {
                t.entities()
                    .iter()
                    .find(|e| e.id == Some(id))
                    .or_else(|| t.unlisted(id))
            })
            .is_some_and(|e| e.titles.iter().any(|t| has(t)));
        in_doc
            || self
                .listed(id)
                .is_some_and(|id| self.gazetteer.entity(id).titles().any(has))
    }

    /// The person a descriptor inside `span` refers to ("The Hungarian
    /// leader" as a quote's source), as the table linked it
    /// ([`EntityTable::link_descriptors`]).
    pub fn descriptor(&self, span: Range<usize>) -> Option<Party> {
        let e = self.table?.descriptor_at(span)?;
        Some(Party::Entity {
            id: e.id,
            name: e.name.clone(),
            kind: e.kind,
        })
    }

    /// The organization that "the" and a head noun name ("the union"
    /// after "the Rio Grande Transit Workers Union", "the ministry" after
    /// "Valdoria's Foreign Ministry"): of the organizations of the table
    /// whose name's last word is `head` (any case), the one mentioned last
    /// before byte `before`, if its mention is at most
    /// 6,000 bytes back (about a long news story).
    ///
    /// ```
    /// use newsnlp_gazetteer::{EntityKind, EntityTable, Entities, Gazetteer, NewName, Party};
    ///
    /// let gaz = Gazetteer::default();
    /// let text = "The Harbour Pilots Union voted. The union said no.";
    /// let names = [NewName { span: 4..24, kind: EntityKind::Organization, title: None }];
    /// let (table, _) = EntityTable::with_names(&gaz, text, &[], &names);
    /// let found = Entities::new(&gaz, Some(&table)).organization_by_head("union", 32);
    /// assert!(matches!(found, Some(Party::Entity { name, .. }) if name == "Harbour Pilots Union"));
    /// assert!(Entities::new(&gaz, Some(&table)).organization_by_head("council", 32).is_none());
    /// ```
    pub fn organization_by_head(&self, head: &str, before: usize) -> Option<Party> {
        self.last_organization(before, |name| ends_with_word(name, head))
    }

    /// [`organization_by_head`](Self::organization_by_head), and for a
    /// noun of a business ("company", "firm", "carmaker") that no name
    /// ends with, the organization mentioned last whose name is not a
    /// public body's, a party's or a group's: who speaks as "the company
    /// said" after "Veridian Semiconductor" (never after "the
    /// Environmental Protection Agency").
    ///
    /// ```
    /// use newsnlp_gazetteer::{EntityKind, EntityTable, Entities, Gazetteer, NewName, Party};
    ///
    /// let gaz = Gazetteer::default();
    /// let text = "Kestrel Foods and the Dairy Farmers Union met. The company said no.";
    /// let names = [
    ///     NewName { span: 0..13, kind: EntityKind::Organization, title: None },
    ///     NewName { span: 22..41, kind: EntityKind::Organization, title: None },
    /// ];
    /// let (table, _) = EntityTable::with_names(&gaz, text, &[], &names);
    /// let entities = Entities::new(&gaz, Some(&table));
    /// let found = entities.business_by_noun("company", 50);
    /// assert!(matches!(found, Some(Party::Entity { name, .. }) if name == "Kestrel Foods"));
    /// assert!(entities.organization_by_head("company", 50).is_none());
    /// ```
    pub fn business_by_noun(&self, head: &str, before: usize) -> Option<Party> {
        self.organization_by_head(head, before).or_else(|| {
            BUSINESS_NOUNS
                .contains(&head)
                .then(|| self.last_organization(before, |name| !public_body(name)))
                .flatten()
        })
    }

    /// Of the organizations of the table whose name passes `keep`, the
    /// one mentioned last before byte `before`, if that mention is at most
    /// [`ORG_HEAD_REACH`] bytes back.
    fn last_organization(&self, before: usize, keep: impl Fn(&str) -> bool) -> Option<Party> {
        let table = self.table?;
        let all = table.entities();
        // The organizations by their index, in order (the same order as
        // all the entities'), unless the table has none (or was read back).
        let (orgs, rest) = if table.orgs.is_empty() {
            (&[][..], all)
        } else {
            (table.orgs.as_slice(), &[][..])
        };
        let (start, e) = orgs
            .iter()
            .filter_map(|&k| all.get(k))
            .chain(rest)
            .filter(|e| e.kind == EntityKind::Organization && keep(&e.name))
            .filter_map(|e| {
                // Mentions are in text order.
                let k = e.mentions.partition_point(|m| m.span.start < before);
                Some((e.mentions.get(k.checked_sub(1)?)?.span.start, e))
            })
            .max_by_key(|(s, _)| *s)?;
        (before - start <= ORG_HEAD_REACH).then(|| Party::Entity {
            id: e.id,
            name: e.name.clone(),
            kind: e.kind,
        })
    }

    /// The entity as a quote's speaker or a stance's holder; `None` for
    /// an id of neither.
    pub fn party(&self, id: EntityId) -> Option<Party> {
        let listed = self.listed(id);
        if listed.is_none() && self.unlisted(id).is_none() {
            return None;
        }
        Some(Party::Entity {
            id: listed,
            name: self.name(id).to_string(),
            kind: self.kind(id),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewName;

    #[test]
    fn the_organization_index_lists_the_organizations_and_finds_what_a_full_scan_finds() {
        let gaz = Gazetteer::default();
        let text = "The Harbour Pilots Union and Anna Berg met the Dock Workers Union \
                    in Russia. The union said no.";
        let name = |s: &str, kind| {
            let at = text.find(s).unwrap_or(0);
            NewName {
                span: at..at + s.len(),
                kind,
                title: None,
            }
        };
        let names = [
            name("Harbour Pilots Union", EntityKind::Organization),
            name("Anna Berg", EntityKind::Person),
            name("Dock Workers Union", EntityKind::Organization),
        ];
        let mentions = gaz.find_in_document(text);
        let (table, _) = EntityTable::with_names(&gaz, text, &mentions, &names);
        let orgs: Vec<usize> = (table.entities.iter())
            .filter(|e| e.kind == EntityKind::Organization)
            .map(|e| e.index)
            .collect();
        assert_eq!(table.orgs, orgs);
        assert_eq!(orgs.len(), 2);
        // A table read back has no index: the full scan gives the same.
        let mut read_back = table.clone();
        read_back.orgs.clear();
        let before = text.len();
        for head in ["union", "council"] {
            let indexed = Entities::new(&gaz, Some(&table)).organization_by_head(head, before);
            let scanned = Entities::new(&gaz, Some(&read_back)).organization_by_head(head, before);
            assert_eq!(indexed, scanned);
        }
        let found = Entities::new(&gaz, Some(&table)).organization_by_head("union", before);
        assert!(matches!(found, Some(Party::Entity { name, .. }) if name == "Dock Workers Union"));
    }
}
