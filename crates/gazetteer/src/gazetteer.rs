//! The builder, the built [`Gazetteer`], and matching.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Write;
use std::ops::Range;
use std::path::Path;

use crate::EntityKind;
use crate::entries::{Entries, RawEntity, Span, SurnameSpec};
use crate::error::{Error, ErrorKind, Warning, WarningKind};
use crate::mention::{AliasId, Candidates, EntityId, Mention, Resolution};
use crate::normalize::{CharInfo, Fold, KeyCase, Norm, Normalizer, Out};
use crate::trie::Trie;

/// Surnames that are also common English words: such a surname links to
/// its person only after the full name appeared in the document.
const SURNAME_STOPLIST: &str = include_str!("../data/surname_stoplist.txt");

/// How letter case is compared.
///
/// ```
/// use newsnlp_gazetteer::{CaseMode, Entry, EntityKind, GazetteerBuilder};
///
/// let entries = [
///     Entry::new("United States", EntityKind::Place).alias("US"),
///     Entry::new("al-Qaeda", EntityKind::Organization),
/// ];
/// let text = "us and US, Al-Qaeda and al-Qaeda";
/// let count = |mode| GazetteerBuilder::new().case(mode).build(entries.clone()).unwrap().find(text).count();
/// assert_eq!(count(CaseMode::Smart), 3);       // "US", "Al-Qaeda", "al-Qaeda"
/// assert_eq!(count(CaseMode::Insensitive), 4); // and "us"
/// assert_eq!(count(CaseMode::Sensitive), 2);   // "US", "al-Qaeda"
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CaseMode {
    /// Letters must match exactly.
    Sensitive,
    /// Letters match in any case.
    Insensitive,
    /// The default, for news: an alias with no lowercase letter (an
    /// acronym: "US", "ISIS") matches only text with no lowercase letter;
    /// any other alias with capitals ("Al-Qaeda") matches in any case as
    /// long as the text has a capital wherever the alias has one, except at
    /// the start of its first word ("al-Qaeda", "AL-QAEDA", not "al-qaeda";
    /// "Russia Today", not "Russia today"; "DoD", not "Dod"); an alias
    /// without capitals matches in any case. So "US" does not match "us",
    /// nor "May" the verb "may".
    #[default]
    Smart,
}

/// Which rank a claim on an alias has: a canonical name beats an alias,
/// which beats a derived surname.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Canonical = 0,
    Alias = 1,
    Surname = 2,
    /// A surname that is a common word or another entity's name: active only
    /// in [`Gazetteer::find_in_document`] once the full name was seen.
    DocSurname = 3,
}

/// The case condition an alias puts on the text (see [`CaseMode::Smart`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CaseRule {
    Any,
    /// The span has a capital, capitals where the alias has them at the
    /// start of a word other than the first (bit `i`: word `i`), and at
    /// least as many capitals inside words as the alias ("LeT" is not "Let").
    Capitals(u64, u8),
    NoLower,
}

#[derive(Clone, Copy, Debug)]
struct AliasRec {
    text: Span,
    entity: u32,
    tier: Tier,
    case: CaseRule,
    /// False for empty or duplicate aliases, which are not matched.
    live: bool,
}

#[derive(Clone, Debug)]
struct EntityRec {
    name: Span,
    kind: EntityKind,
    priority: i32,
    /// Range into `Gazetteer::titles`.
    titles: (u32, u32),
    /// Range into `Gazetteer::entity_aliases`.
    aliases: (u32, u32),
}

/// Where an alias came from.
///
/// ```
/// use newsnlp_gazetteer::{AliasOrigin, Gazetteer};
/// let gaz = Gazetteer::default();
/// let m = gaz.find("Tillerson").next().unwrap();
/// assert_eq!(gaz.alias(m.alias()).origin(), AliasOrigin::Surname);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AliasOrigin {
    /// The entity's canonical name.
    Canonical,
    /// An alias listed for the entity.
    Listed,
    /// The surname of a person, matched everywhere.
    Surname,
    /// The surname of a person that is also a common word or another
    /// entity's name; matched only by
    /// [`Gazetteer::find_in_document`] after the full name.
    DocumentSurname,
}

/// Builds a [`Gazetteer`]; reusable (its methods take `&mut self` and
/// `build` takes `&self`), in the style of `regex::RegexBuilder`.
///
/// | option | default |
/// |---|---|
/// | [`case`](Self::case) | [`CaseMode::Smart`] |
/// | [`unicode_case`](Self::unicode_case) | `true`: full Unicode case folding |
/// | [`diacritic_insensitive`](Self::diacritic_insensitive) | `true`: "Sergeï" ~ "Sergei" |
/// | [`separator_insensitive`](Self::separator_insensitive) | `true`: "al-Nusra" ~ "al Nusra" ~ "al_Nusra" |
/// | [`derive_surnames`](Self::derive_surnames) | `true` |
/// | [`strict`](Self::strict) | `false`: warnings are kept, not errors |
///
/// ```
/// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
///
/// let gaz = GazetteerBuilder::new()
///     .case_insensitive(true)
///     .diacritic_insensitive(false)
///     .build([Entry::new("Sergeï Lavrov", EntityKind::Person)])?;
/// assert_eq!(gaz.find("SERGEÏ LAVROV").next().unwrap().span(), 0..14);
/// assert_eq!(gaz.find("Sergei Lavrov").next().unwrap().span(), 7..13); // the surname only
/// # Ok::<(), newsnlp_gazetteer::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    case: CaseMode,
    unicode_case: bool,
    diacritics: bool,
    separators: bool,
    surnames: bool,
    strict: bool,
}

impl Default for GazetteerBuilder {
    fn default() -> Self {
        GazetteerBuilder::new()
    }
}

impl GazetteerBuilder {
    /// A builder with the defaults in the table above.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let gaz = GazetteerBuilder::new().build([Entry::new("Kyiv", EntityKind::Place).alias("Kiev")])?;
    /// assert_eq!(gaz.find("in Kiev").next().unwrap().span(), 3..7);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn new() -> Self {
        GazetteerBuilder {
            case: CaseMode::Smart,
            unicode_case: true,
            diacritics: true,
            separators: true,
            surnames: true,
            strict: false,
        }
    }

    /// Sets how letter case is compared.
    ///
    /// ```
    /// use newsnlp_gazetteer::{CaseMode, Entry, EntityKind, GazetteerBuilder};
    /// let gaz = GazetteerBuilder::new()
    ///     .case(CaseMode::Insensitive)
    ///     .build([Entry::new("WHO", EntityKind::Organization)])?;
    /// assert_eq!(gaz.find("who said").next().unwrap().span(), 0..3);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn case(&mut self, mode: CaseMode) -> &mut Self {
        self.case = mode;
        self
    }

    /// `true`: [`CaseMode::Insensitive`]; `false`: [`CaseMode::Sensitive`].
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let gaz = GazetteerBuilder::new()
    ///     .case_insensitive(true)
    ///     .build([Entry::new("NATO", EntityKind::Organization)])?;
    /// assert_eq!(gaz.find("nato").next().unwrap().span(), 0..4);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn case_insensitive(&mut self, yes: bool) -> &mut Self {
        self.case = if yes {
            CaseMode::Insensitive
        } else {
            CaseMode::Sensitive
        };
        self
    }

    /// `true` (default): case folding covers all of Unicode ("ДАМАСК" ~
    /// "Дамаск"); `false`: ASCII letters only.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let e = [Entry::new("Дамаск", EntityKind::Place)];
    /// let unicode = GazetteerBuilder::new().build(e.clone())?;
    /// let ascii = GazetteerBuilder::new().unicode_case(false).build(e)?;
    /// assert_eq!(unicode.find("ДАМАСК").next().map(|m| m.span()), Some(0..12));
    /// assert_eq!(ascii.find("ДАМАСК").count(), 0);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn unicode_case(&mut self, yes: bool) -> &mut Self {
        self.unicode_case = yes;
        self
    }

    /// `true` (default): letters match whatever their accents ("Erdoğan" ~
    /// "Erdogan", "Sergeï" ~ "Sergei"), by canonical decomposition with the
    /// combining marks dropped (and ø, ł, đ, ı, ħ, ŧ read as o, l, d, i, h, t).
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let gaz = GazetteerBuilder::new().build([Entry::new("Recep Tayyip Erdoğan", EntityKind::Person)])?;
    /// assert_eq!(gaz.find("Recep Tayyip Erdogan").next().unwrap().span(), 0..20);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn diacritic_insensitive(&mut self, yes: bool) -> &mut Self {
        self.diacritics = yes;
        self
    }

    /// `true` (default): hyphen, underscore and whitespace are one separator
    /// ("al-Nusra" ~ "al Nusra" ~ "al_Nusra"). Whitespace runs always count
    /// as one space, and a match never crosses a blank line.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let gaz = GazetteerBuilder::new().build([Entry::new("al-Nusra Front", EntityKind::Organization)])?;
    /// assert_eq!(gaz.find("the al Nusra\nFront").next().unwrap().span(), 4..18);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn separator_insensitive(&mut self, yes: bool) -> &mut Self {
        self.separators = yes;
        self
    }

    /// `true` (default): every person gets its surname as an alias (see the
    /// crate docs on linking).
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let e = [Entry::new("James Mattis", EntityKind::Person)];
    /// assert_eq!(GazetteerBuilder::new().build(e.clone())?.find("Mattis").count(), 1);
    /// assert_eq!(GazetteerBuilder::new().derive_surnames(false).build(e)?.find("Mattis").count(), 0);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn derive_surnames(&mut self, yes: bool) -> &mut Self {
        self.surnames = yes;
        self
    }

    /// `true`: any warning (empty or duplicate alias, conflicting values) is
    /// an [`ErrorKind::Strict`] error; `false` (default): warnings are kept
    /// in [`Gazetteer::warnings`].
    ///
    /// ```
    /// use newsnlp_gazetteer::{ErrorKind, GazetteerBuilder};
    /// let tsv = "alias\tcanonical\nISIL\tISIS\nISIL\tISIS\n";
    /// let lax = GazetteerBuilder::new().build_from_tsv(tsv)?;
    /// assert_eq!(lax.warnings().len(), 1);
    /// let err = GazetteerBuilder::new().strict(true).build_from_tsv(tsv).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Strict);
    /// assert_eq!(err.line(), Some(3));
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn strict(&mut self, yes: bool) -> &mut Self {
        self.strict = yes;
        self
    }

    fn norm(&self) -> Norm {
        Norm {
            fold: match (self.case, self.unicode_case) {
                (CaseMode::Sensitive, _) => Fold::None,
                (_, true) => Fold::Unicode,
                (_, false) => Fold::Ascii,
            },
            strip_diacritics: self.diacritics,
            separators: self.separators,
        }
    }

    /// Reads a TSV gazetteer ([`Entries::from_tsv`]) and builds it.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::GazetteerBuilder::new()
    ///     .build_from_tsv("alias\tcanonical\tkind\nAleppo\tAleppo\tplace\n")?;
    /// assert_eq!(gaz.find("near Aleppo").next().unwrap().span(), 5..11);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn build_from_tsv(&self, tsv: &str) -> Result<Gazetteer, Error> {
        self.build(Entries::from_tsv(tsv)?)
    }

    /// Reads a gazetteer file ([`Entries::from_path`]: TSV, or JSON/TOML by
    /// extension) and builds it.
    ///
    /// ```
    /// let err = newsnlp_gazetteer::GazetteerBuilder::new().build_from_path("/no/such.toml").unwrap_err();
    /// assert_eq!(err.kind(), newsnlp_gazetteer::ErrorKind::Io);
    /// ```
    pub fn build_from_path(&self, path: impl AsRef<Path>) -> Result<Gazetteer, Error> {
        self.build(Entries::from_path(path)?)
    }

    /// Builds the gazetteer of `entries`: [`Entries`], or [`Entry`](crate::Entry) values
    /// (one, an array, a `Vec`).
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let gaz = GazetteerBuilder::new().build(vec![
    ///     Entry::new("Hezbollah", EntityKind::Organization).alias("Hizbullah"),
    /// ])?;
    /// assert_eq!(gaz.len(), 1);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn build(&self, entries: impl Into<Entries>) -> Result<Gazetteer, Error> {
        let entries: Entries = entries.into();
        build(self, entries)
    }
}

/// A built gazetteer: finds mentions of its entities in text.
///
/// Immutable, `Send + Sync`: build it once and share it (`&Gazetteer` or
/// `Arc<Gazetteer>`) across threads.
///
/// ```
/// use newsnlp_gazetteer::Gazetteer;
///
/// let gaz = Gazetteer::default();
/// let text = "Bashar al-Assad's army";
/// let m = gaz.find(text).next().unwrap();
/// assert_eq!(m.span(), 0..15);
/// assert_eq!(gaz.entity(m.entity().unwrap()).name(), "Bashar al-Assad");
/// ```
#[derive(Clone, Debug)]
pub struct Gazetteer {
    nz: Normalizer,
    /// `nz` for ASCII: the normalized byte, or [`ASCII_SEP`].
    ascii: [u8; 128],
    /// Titles are compared case- and accent-insensitively whatever the options.
    title_nz: Normalizer,
    smart: bool,
    text: String,
    entities: Vec<EntityRec>,
    aliases: Vec<AliasRec>,
    /// Alias ids grouped by entity (see `EntityRec::aliases`).
    entity_aliases: Vec<u32>,
    /// Title text and normalized key, grouped by entity.
    titles: Vec<(Span, Span)>,
    title_keys: Vec<u8>,
    /// Alias ids grouped by key, best first; key `k` owns
    /// `key_aliases[key_start[k]..key_start[k + 1]]`.
    key_aliases: Vec<u32>,
    key_start: Vec<u32>,
    trie: Trie,
    /// Entity ids sorted by name, for `entity_by_name`.
    by_name: Vec<u32>,
    warnings: Vec<Warning>,
    /// Lowercased words that may precede a bare surname (see
    /// `data/name_preceders.txt`), made on first use.
    name_preceders: std::sync::OnceLock<HashSet<String>>,
}

/// A view of one entity of a [`Gazetteer`].
///
/// ```
/// use newsnlp_gazetteer::{EntityKind, Gazetteer};
/// let gaz = Gazetteer::default();
/// let e = gaz.entity(gaz.entity_by_name("al-Nusra Front").unwrap());
/// assert_eq!(e.kind(), EntityKind::Organization);
/// assert!(e.aliases().any(|a| a.text() == "Jabhat al-Nusra"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Entity<'g> {
    gaz: &'g Gazetteer,
    id: EntityId,
}

impl<'g> Entity<'g> {
    fn rec(&self) -> &'g EntityRec {
        &self.gaz.entities[self.id.index()]
    }

    /// The id.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert_eq!(Some(lavrov.id()), m.entity());
    /// ```
    pub fn id(&self) -> EntityId {
        self.id
    }

    /// The canonical name.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert_eq!((m.span(), lavrov.name()), (0..6, "Sergey Lavrov"));
    /// ```
    pub fn name(&self) -> &'g str {
        self.gaz.str(self.rec().name)
    }

    /// The kind.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert_eq!(lavrov.kind().as_str(), "person");
    /// ```
    pub fn kind(&self) -> EntityKind {
        self.rec().kind
    }

    /// The priority (0 unless set).
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert_eq!(lavrov.priority(), 0);
    /// ```
    pub fn priority(&self) -> i32 {
        self.rec().priority
    }

    /// The titles ("Foreign Minister").
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert!(lavrov.titles().any(|t| t == "Foreign Minister"));
    /// ```
    pub fn titles(&self) -> impl Iterator<Item = &'g str> + use<'g> {
        let gaz = self.gaz;
        let (a, b) = self.rec().titles;
        gaz.titles[a as usize..b as usize]
            .iter()
            .map(move |(t, _)| gaz.str(*t))
    }

    /// All aliases: the canonical name, the listed aliases, derived
    /// surnames (empty and duplicate aliases excepted).
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Lavrov").next().unwrap();
    /// let lavrov = gaz.entity(m.entity().unwrap());
    /// assert!(lavrov.aliases().any(|a| a.text() == "Sergei Lavrov"));
    /// ```
    pub fn aliases(&self) -> impl Iterator<Item = Alias<'g>> + use<'g> {
        let gaz = self.gaz;
        let (a, b) = self.rec().aliases;
        gaz.entity_aliases[a as usize..b as usize]
            .iter()
            .map(move |&id| Alias {
                gaz,
                id: AliasId(id),
            })
    }
}

/// A view of one alias of a [`Gazetteer`].
///
/// ```
/// use newsnlp_gazetteer::{AliasOrigin, Gazetteer};
/// let gaz = Gazetteer::default();
/// let m = gaz.find("Islamic State").next().unwrap();
/// let alias = gaz.alias(m.alias());
/// assert_eq!((alias.text(), alias.origin()), ("Islamic State", AliasOrigin::Listed));
/// assert_eq!(gaz.entity(alias.entity()).name(), "ISIS");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Alias<'g> {
    gaz: &'g Gazetteer,
    id: AliasId,
}

impl<'g> Alias<'g> {
    fn rec(&self) -> &'g AliasRec {
        &self.gaz.aliases[self.id.index()]
    }

    /// The id.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("the Nusra Front").next().unwrap();
    /// let alias = gaz.alias(m.alias());
    /// assert_eq!((alias.id(), m.span()), (m.alias(), 4..15));
    /// ```
    pub fn id(&self) -> AliasId {
        self.id
    }

    /// The alias as written in the gazetteer.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("the Nusra Front").next().unwrap();
    /// let alias = gaz.alias(m.alias());
    /// assert_eq!(alias.text(), "Nusra Front");
    /// ```
    pub fn text(&self) -> &'g str {
        self.gaz.str(self.rec().text)
    }

    /// The entity it names.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("the Nusra Front").next().unwrap();
    /// let alias = gaz.alias(m.alias());
    /// assert_eq!(gaz.entity(alias.entity()).name(), "al-Nusra Front");
    /// ```
    pub fn entity(&self) -> EntityId {
        EntityId(self.rec().entity)
    }

    /// Where it came from.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("the Nusra Front").next().unwrap();
    /// let alias = gaz.alias(m.alias());
    /// assert_eq!(alias.origin(), newsnlp_gazetteer::AliasOrigin::Listed);
    /// ```
    pub fn origin(&self) -> AliasOrigin {
        match self.rec().tier {
            Tier::Canonical => AliasOrigin::Canonical,
            Tier::Alias => AliasOrigin::Listed,
            Tier::Surname => AliasOrigin::Surname,
            Tier::DocSurname => AliasOrigin::DocumentSurname,
        }
    }
}

/// Hashes entity ids with a multiplication: the per-document map of first
/// mentions is keyed by them, and the default SipHash costs more than the
/// lookups it serves (the keys are our own ids, not chosen by the text).
#[derive(Clone, Copy, Debug, Default)]
struct IdHasher(u64);

const ID_HASH_K: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(ID_HASH_K);
        }
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0 ^ u64::from(i)).wrapping_mul(ID_HASH_K);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The bucket comes from the low bits: fold the well-mixed high ones in.
        self.0 ^ (self.0 >> 32)
    }
}

/// Marks a separator in `Gazetteer::ascii` (0xFF never occurs in UTF-8).
const ASCII_SEP: u8 = 0xFF;

/// ASCII word characters.
const fn ascii_word_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
}
static ASCII_WORD: [bool; 256] = ascii_word_table();

fn ascii_table(nz: &Normalizer) -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut long = Vec::new();
    for (b, slot) in t.iter_mut().enumerate() {
        *slot = match nz.map(b as u8 as char, &mut long).1 {
            Some(Out::Sep { .. }) => ASCII_SEP,
            Some(Out::Bytes { len: 1, bytes }) => bytes as u8,
            // ASCII maps to one byte under every normalization.
            _ => b as u8,
        };
    }
    t
}

/// A match found during a walk: where it ends and which key.
#[derive(Clone, Copy, Debug)]
struct Cand {
    end: usize,
    key: u32,
    case: KeyCase,
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(i..)?.chars().next()
    }
}

#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i.checked_sub(1)?)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(..i)?.chars().next_back()
    }
}

impl Default for Gazetteer {
    /// The embedded default gazetteer ([`Entries::builtin`]) with the
    /// default options.
    fn default() -> Self {
        // Default options never fail on the embedded data (the crate's tests
        // build it); an empty gazetteer is the no-panic fallback.
        GazetteerBuilder::new()
            .build(Entries::builtin())
            .or_else(|_| GazetteerBuilder::new().build(Entries::new()))
            .unwrap_or_else(|_| empty_gazetteer())
    }
}

fn empty_gazetteer() -> Gazetteer {
    let b = GazetteerBuilder::new();
    let norm = b.norm();
    let nz = Normalizer::new(norm);
    Gazetteer {
        ascii: ascii_table(&nz),
        nz,
        title_nz: Normalizer::new(title_norm()),
        smart: true,
        text: String::new(),
        entities: Vec::new(),
        aliases: Vec::new(),
        entity_aliases: Vec::new(),
        titles: Vec::new(),
        title_keys: Vec::new(),
        key_aliases: Vec::new(),
        key_start: vec![0],
        trie: Trie::build(&[]),
        by_name: Vec::new(),
        warnings: Vec::new(),
        name_preceders: std::sync::OnceLock::new(),
    }
}

fn title_norm() -> Norm {
    Norm {
        fold: Fold::Unicode,
        strip_diacritics: true,
        separators: true,
    }
}

impl Gazetteer {
    /// Builds a gazetteer from a TSV file with the default options (the
    /// default gazetteer is not included: merge it with
    /// [`Entries::merge`] if wanted). See [`Entries::from_tsv`] for the
    /// format.
    ///
    /// ```no_run
    /// let gaz = newsnlp_gazetteer::Gazetteer::from_tsv_path("places.tsv")?;
    /// println!("{} matches", gaz.find("in Paris and Lyon").count());
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn from_tsv_path(path: impl AsRef<Path>) -> Result<Gazetteer, Error> {
        GazetteerBuilder::new().build_from_path(path)
    }

    /// Builds a gazetteer from TSV text with the default options.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::from_tsv("alias\tcanonical\nLyon\tLyon\n")?;
    /// assert_eq!(gaz.find("in Lyon").next().unwrap().span(), 3..7);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn from_tsv(tsv: &str) -> Result<Gazetteer, Error> {
        GazetteerBuilder::new().build_from_tsv(tsv)
    }

    /// Words that may precede a bare surname: the data file's and those of
    /// every title in the gazetteer.
    fn name_preceders(&self) -> &HashSet<String> {
        self.name_preceders.get_or_init(|| {
            let mut set: HashSet<String> = crate::given_name::data_words().collect();
            for (t, _) in &self.titles {
                set.extend(self.str(*t).split_whitespace().map(str::to_lowercase));
            }
            set
        })
    }

    fn str(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The number of entities.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::from_tsv("alias\tcanonical\nA\tX\nB\tX\n")?;
    /// assert_eq!(gaz.len(), 1);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there is no entity.
    ///
    /// ```
    /// assert!(newsnlp_gazetteer::Gazetteer::from_tsv("alias\tcanonical\n")?.is_empty());
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The number of aliases, including canonical names, derived surnames,
    /// and empty or duplicate aliases that are not matched.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::from_tsv("alias\tcanonical\nUS\tUnited States\n")?;
    /// assert_eq!(gaz.alias_count(), 2); // the canonical name and "US"
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn alias_count(&self) -> usize {
        self.aliases.len()
    }

    /// The entity `id`.
    ///
    /// # Panics
    ///
    /// If `id` is not from this gazetteer (ids are plain indexes).
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Hezbollah said").next().unwrap();
    /// assert_eq!((m.span(), gaz.entity(m.entity().unwrap()).name()), (0..9, "Hezbollah"));
    /// ```
    pub fn entity(&self, id: EntityId) -> Entity<'_> {
        assert!(
            id.index() < self.entities.len(),
            "EntityId from another gazetteer"
        );
        Entity { gaz: self, id }
    }

    /// The alias `id`.
    ///
    /// # Panics
    ///
    /// If `id` is not from this gazetteer.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let m = gaz.find("Sergei Lavrov").next().unwrap();
    /// assert_eq!((m.span(), gaz.alias(m.alias()).text()), (0..13, "Sergei Lavrov"));
    /// ```
    pub fn alias(&self, id: AliasId) -> Alias<'_> {
        assert!(
            id.index() < self.aliases.len(),
            "AliasId from another gazetteer"
        );
        Alias { gaz: self, id }
    }

    /// All entities, in id order.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// assert!(gaz.entities().any(|e| e.name() == "Barack Obama"));
    /// ```
    pub fn entities(&self) -> impl Iterator<Item = Entity<'_>> + '_ {
        (0..self.entities.len() as u32).map(move |i| Entity {
            gaz: self,
            id: EntityId(i),
        })
    }

    /// The entity whose canonical name is exactly `name`.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// assert!(gaz.entity_by_name("Rex Tillerson").is_some());
    /// assert!(gaz.entity_by_name("rex tillerson").is_none());
    /// ```
    pub fn entity_by_name(&self, name: &str) -> Option<EntityId> {
        let i = self
            .by_name
            .binary_search_by(|&e| self.str(self.entities[e as usize].name).cmp(name))
            .ok()?;
        Some(EntityId(self.by_name[i]))
    }

    /// Warnings from loading and building: empty and duplicate aliases,
    /// conflicting values.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::from_tsv("alias\tcanonical\n--\tX\n")?;
    /// assert_eq!(gaz.warnings().len(), 1);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Approximate heap memory held by the gazetteer, in bytes.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// assert!(gaz.memory_usage() > 10_000 && gaz.memory_usage() < 10_000_000);
    /// ```
    pub fn memory_usage(&self) -> usize {
        use std::mem::size_of;
        self.text.capacity()
            + self.entities.capacity() * size_of::<EntityRec>()
            + self.aliases.capacity() * size_of::<AliasRec>()
            + self.entity_aliases.capacity() * 4
            + self.titles.capacity() * size_of::<(Span, Span)>()
            + self.title_keys.capacity()
            + self.key_aliases.capacity() * 4
            + self.key_start.capacity() * 4
            + self.trie.heap_bytes()
            + self.by_name.capacity() * 4
            + self.warnings.capacity() * size_of::<Warning>()
            + self
                .warnings
                .iter()
                .map(|w| w.message().len())
                .sum::<usize>()
    }

    /// Mentions in `text`, left to right, not overlapping: at each token
    /// start, the longest alias that also ends on a token boundary.
    ///
    /// Ambiguous aliases are resolved by priority and titles only; derived
    /// surnames that need the document ([`AliasOrigin::DocumentSurname`])
    /// are not reported: use [`Gazetteer::find_in_document`] for that.
    ///
    /// ```
    /// let gaz = newsnlp_gazetteer::Gazetteer::default();
    /// let text = "Tillerson met Vladimir Putin in Moscow.";
    /// let spans: Vec<_> = gaz.find(text).map(|m| m.span()).collect();
    /// assert_eq!(spans, [0..9, 14..28, 32..38]);
    /// ```
    pub fn find<'g, 't>(&'g self, text: &'t str) -> Mentions<'g, 't> {
        Mentions {
            gaz: self,
            text,
            pos: 0,
            overlapping: false,
            pending: Vec::new(),
        }
    }

    /// All mentions in `text`, overlapping ones included: every alias that
    /// starts and ends on token boundaries, ordered by start, longest first.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
    /// let gaz = GazetteerBuilder::new().build([
    ///     Entry::new("New York", EntityKind::Place),
    ///     Entry::new("New York Times", EntityKind::Organization),
    ///     Entry::new("York", EntityKind::Place),
    /// ])?;
    /// let spans: Vec<_> = gaz.find_overlapping("the New York Times").map(|m| m.span()).collect();
    /// assert_eq!(spans, [4..18, 4..12, 8..12]);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn find_overlapping<'g, 't>(&'g self, text: &'t str) -> Mentions<'g, 't> {
        Mentions {
            gaz: self,
            text,
            pos: 0,
            overlapping: true,
            pending: Vec::new(),
        }
    }

    /// Mentions in one document, linked: [`Gazetteer::find`], then
    ///
    /// 1. a person's surname that is a common word or another entity's name
    ///    ("May", "Jordan") counts only after the full name appeared earlier
    ///    in the document;
    /// 2. a mention several entities claim goes to the one the title before
    ///    it belongs to; else to the one named in full earlier in the
    ///    document (if exactly one was); else, if none was, to the one
    ///    named in full later (if exactly one is); else priority decides as
    ///    in `find`, or the mention stays ambiguous with its candidates
    ///    ([`Resolution::Ambiguous`]).
    ///
    /// Cost is linear in the text and the number of mentions.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Gazetteer, Resolution};
    /// let gaz = Gazetteer::default();
    /// let text = "Hillary Clinton spoke. Clinton said no.";
    /// let ms = gaz.find_in_document(text);
    /// assert_eq!(ms[1].span(), 23..30);
    /// assert_eq!(ms[1].entity(), gaz.entity_by_name("Hillary Clinton"));
    /// assert_eq!(ms[1].resolution(), Resolution::Document);
    /// ```
    pub fn find_in_document(&self, text: &str) -> Vec<Mention> {
        // First full (canonical or listed alias) mention of each entity.
        let mut first_full: HashMap<u32, usize, BuildHasherDefault<IdHasher>> = HashMap::default();
        let mut out: Vec<Mention> = Vec::new();
        let mut pos = 0;
        let mut cands = Vec::new();
        loop {
            let found = {
                let seen = &first_full;
                let accept = |a: u32| {
                    let r = &self.aliases[a as usize];
                    r.tier != Tier::DocSurname || seen.contains_key(&r.entity)
                };
                self.next_start(text, pos, &accept, false, &mut cands)
                    .map(|start| self.mention(text, start, cands[0], &accept))
            };
            let Some(m) = found else { break };
            pos = m.span.end;
            if let Some(e) = m.entity {
                let tier = self.aliases[m.alias.index()].tier;
                if tier <= Tier::Alias {
                    first_full.entry(e.0).or_insert(m.span.start);
                }
            }
            out.push(m);
        }
        // A bare surname after a given name the gazetteer does not know
        // ("Khizr Khan") is someone else.
        let preceders = self.name_preceders();
        out.retain(|m| {
            self.aliases[m.alias.index()].tier < Tier::Surname
                || !crate::given_name::unknown_given_name_before(text, m.span.start, preceders)
        });
        for m in &mut out {
            if m.candidates().len() < 2 || m.resolution == Resolution::Title {
                continue;
            }
            let named = |pred: &dyn Fn(usize) -> bool| -> Vec<EntityId> {
                m.candidates()
                    .iter()
                    .copied()
                    .filter(|e| first_full.get(&e.0).is_some_and(|&p| pred(p)))
                    .collect()
            };
            let start = m.span.start;
            let earlier = named(&|p| p < start);
            let chosen = match earlier.len() {
                1 => Some(earlier[0]),
                0 => {
                    let anywhere = named(&|_| true);
                    (anywhere.len() == 1).then(|| anywhere[0])
                }
                _ => None,
            };
            if let Some(e) = chosen
                && let Some(alias) = m.alias_of(e)
            {
                m.entity = Some(e);
                m.alias = alias;
                m.resolution = Resolution::Document;
                if m.title.is_none() {
                    m.title = self.title_before(text, start, e.0);
                }
            }
        }
        out
    }

    /// Writes the gazetteer as TSV that [`Entries::from_tsv`] reads back:
    /// one row per listed alias, with the entity's kind, titles, priority and
    /// explicit surname on its first row. Derived surnames are not written
    /// (they are derived again); build options are not saved.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Gazetteer, GazetteerBuilder};
    /// let gaz = Gazetteer::default();
    /// let mut tsv = Vec::new();
    /// gaz.write_tsv(&mut tsv)?;
    /// let again = GazetteerBuilder::new().build_from_tsv(std::str::from_utf8(&tsv).unwrap())?;
    /// assert_eq!(again.len(), gaz.len());
    /// let text = "Jabhat al-Nusra";
    /// assert_eq!(again.find(text).next().unwrap().span(), 0..15);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn write_tsv(&self, mut w: impl Write) -> Result<(), Error> {
        let io = |e: std::io::Error| {
            Error::new(ErrorKind::Io, format!("writing TSV: {e}")).with_source(e)
        };
        let bad = |s: &str, what: &str| -> Result<(), Error> {
            if s.contains(['\t', '\n', '\r']) || (what == "title" && s.contains('|')) {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!("{what} {s:?} cannot be written as TSV (tab, newline or `|`)"),
                ));
            }
            Ok(())
        };
        writeln!(w, "canonical\tkind\talias\ttitles\tpriority\tsurname").map_err(io)?;
        for e in self.entities() {
            let name = e.name();
            bad(name, "name")?;
            let titles: Vec<&str> = e.titles().collect();
            for t in &titles {
                bad(t, "title")?;
            }
            let surname = self.explicit_surname(e.id);
            let mut first = true;
            let mut row = |w: &mut dyn Write, alias: &str| -> Result<(), Error> {
                if first {
                    first = false;
                    let prio = if e.priority() != 0 {
                        e.priority().to_string()
                    } else {
                        String::new()
                    };
                    writeln!(
                        w,
                        "{name}\t{}\t{alias}\t{}\t{prio}\t{}",
                        e.kind(),
                        titles.join("|"),
                        surname.unwrap_or("")
                    )
                    .map_err(io)
                } else {
                    writeln!(w, "{name}\t\t{alias}\t\t\t").map_err(io)
                }
            };
            let listed: Vec<&str> = e
                .aliases()
                .filter(|a| a.origin() == AliasOrigin::Listed)
                .map(|a| a.text())
                .collect();
            if listed.is_empty() {
                // An empty alias cell would read back as a warning; the
                // name itself is a harmless alias.
                row(&mut w, name)?;
            }
            for a in listed {
                bad(a, "alias")?;
                row(&mut w, a)?;
            }
        }
        Ok(())
    }

    /// The surname to write back: `Some("-")` when derivation would give
    /// something other than what the gazetteer holds.
    fn explicit_surname(&self, id: EntityId) -> Option<&str> {
        let rec = &self.entities[id.index()];
        if rec.kind != EntityKind::Person {
            return None;
        }
        let held: Vec<&str> = self
            .entity(id)
            .aliases()
            .filter(|a| {
                matches!(
                    a.origin(),
                    AliasOrigin::Surname | AliasOrigin::DocumentSurname
                )
            })
            .map(|a| a.text())
            .collect();
        let name = self.str(rec.name);
        let derived: Vec<&str> = derive_surnames(name)
            .into_iter()
            .map(|r| &name[r])
            .collect();
        if held == derived {
            None
        } else if held.is_empty() {
            Some("-")
        } else {
            held.first().copied()
        }
    }

    // ---- matching -------------------------------------------------------

    #[inline]
    fn info(&self, c: char) -> CharInfo {
        self.nz.info(c)
    }

    /// May a match start at `p`? Not right after a word character, nor
    /// inside a word joined by an apostrophe ("O'Brien"), nor at the clitic
    /// of a possessive ("Assad's").
    #[inline]
    fn is_start(&self, text: &str, p: usize) -> bool {
        let Some(prev) = char_before(text, p) else {
            return true;
        };
        let pi = self.info(prev);
        if pi.is_word() {
            return false;
        }
        if pi.is_apostrophe() {
            let a = p - prev.len_utf8();
            let before = char_before(text, a).is_some_and(|c| self.info(c).is_word());
            let cur = char_at(text, p).is_some_and(|c| self.info(c).is_word());
            if before && cur {
                return false;
            }
        }
        true
    }

    /// May a match end at `e`, after a character with facts `last`? Not
    /// right before a word character, nor before an apostrophe inside a
    /// word; a possessive clitic ('s, ’s) is a boundary.
    #[inline]
    fn is_end(&self, text: &str, e: usize, last_word: bool) -> bool {
        let Some(next) = char_at(text, e) else {
            return true;
        };
        let ni = self.info(next);
        if ni.is_word() {
            return false;
        }
        if ni.is_apostrophe() && last_word {
            let j = e + next.len_utf8();
            if let Some(c2) = char_at(text, j)
                && self.info(c2).is_word()
            {
                let after = j + c2.len_utf8();
                let clitic = matches!(c2, 's' | 'S')
                    && char_at(text, after).is_none_or(|c3| !self.info(c3).is_word());
                return clitic;
            }
        }
        true
    }

    #[inline]
    fn case_ok(&self, rec: &AliasRec, case: KeyCase) -> bool {
        !self.smart
            || match rec.case {
                CaseRule::Any => true,
                CaseRule::Capitals(need, inner) => {
                    case.upper && case.caps & need == need && case.inner >= inner
                }
                CaseRule::NoLower => !case.lower,
            }
    }

    fn key_aliases(&self, key: u32) -> &[u32] {
        let a = self.key_start[key as usize] as usize;
        let b = self.key_start[key as usize + 1] as usize;
        &self.key_aliases[a..b]
    }

    /// The letter case of `text[start..end]`, as the case rules read it
    /// (computed only where a key ends, not at every step of a walk).
    fn case_of(&self, text: &str, start: usize, end: usize) -> KeyCase {
        let mut case = KeyCase::default();
        let mut in_word = false;
        let mut word = 0u32;
        for c in text.get(start..end).unwrap_or("").chars() {
            let info = self.info(c);
            let up = info.is_upper();
            case.upper |= up;
            case.lower |= info.is_lower();
            let is_word = info.is_word();
            if is_word && !in_word {
                if up && word < 64 {
                    case.caps |= 1 << word;
                }
                word += 1;
            } else if is_word && up {
                case.inner = case.inner.saturating_add(1);
            }
            in_word = is_word;
        }
        case
    }

    /// Walks the trie from `start`; pushes to `out` the accepted matches
    /// that end on a boundary (all of them, or only the longest).
    fn walk<A: Fn(u32) -> bool>(
        &self,
        text: &str,
        start: usize,
        accept: &A,
        all: bool,
        out: &mut Vec<Cand>,
    ) {
        let bytes = text.as_bytes();
        let mut node = 0u32;
        let mut i = start;
        let mut prev_sep = false;
        let mut newlines = 0u8;
        let mut long = Vec::new();
        let mut best: Option<Cand> = None;
        'chars: while let Some(&b) = bytes.get(i) {
            let last_word;
            if b < 0x80 {
                // ASCII: one table lookup, no decoding.
                let m = self.ascii[b as usize];
                if m == ASCII_SEP {
                    newlines = newlines.saturating_add(u8::from(b == b'\n'));
                    if newlines >= 2 {
                        break;
                    }
                    if !prev_sep {
                        match self.trie.step(node, b' ') {
                            Some(n) => node = n,
                            None => break,
                        }
                        prev_sep = true;
                    }
                    i += 1;
                    continue;
                }
                match self.trie.step(node, m) {
                    Some(n) => node = n,
                    None => break,
                }
                prev_sep = false;
                newlines = 0;
                last_word = ASCII_WORD[b as usize];
                i += 1;
            } else {
                let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                    break;
                };
                let (info, o) = self.nz.map(c, &mut long);
                match o {
                    Some(Out::Sep { newlines: nl }) => {
                        newlines = newlines.saturating_add(nl);
                        if newlines >= 2 {
                            break;
                        }
                        if !prev_sep {
                            match self.trie.step(node, b' ') {
                                Some(n) => node = n,
                                None => break,
                            }
                            prev_sep = true;
                        }
                    }
                    Some(Out::Bytes { len, bytes }) => {
                        for k in 0..len {
                            match self.trie.step(node, (bytes >> (8 * u32::from(k))) as u8) {
                                Some(n) => node = n,
                                None => break 'chars,
                            }
                        }
                        if len > 0 {
                            prev_sep = false;
                            newlines = 0;
                        }
                    }
                    None => {
                        for &b in &long {
                            match self.trie.step(node, b) {
                                Some(n) => node = n,
                                None => break 'chars,
                            }
                        }
                        prev_sep = false;
                        newlines = 0;
                    }
                }
                last_word = info.is_word();
                i += c.len_utf8();
                if prev_sep {
                    continue;
                }
            }
            if let Some(key) = self.trie.key(node)
                && self.is_end(text, i, last_word)
            {
                let case = self.case_of(text, start, i);
                if self
                    .key_aliases(key)
                    .iter()
                    .any(|&a| self.case_ok(&self.aliases[a as usize], case) && accept(a))
                {
                    let cand = Cand { end: i, key, case };
                    if all {
                        out.push(cand);
                    } else {
                        best = Some(cand);
                    }
                }
            }
        }
        if let Some(b) = best {
            out.push(b);
        }
    }

    /// Whether a walk from `pos`, whose first (ASCII) byte leads to `n1`, can
    /// find a match: false when the next two bytes are ASCII (a space or a
    /// non-separator) that leave the trie before any key ends (most words
    /// of a text), which one bit tells for less than a walk costs.
    #[inline]
    fn may_match(&self, bytes: &[u8], pos: usize, n1: u32) -> bool {
        // The byte the walk steps along; `None` for what only the walk
        // handles (decoding, line breaks, other separators).
        let next = |k: usize| -> Option<u8> {
            let b = *bytes.get(pos + k)?;
            if b == b' ' {
                // A single space after a non-separator: the walk steps
                // along it as it is.
                return Some(b' ');
            }
            let m = *self.ascii.get(usize::from(b))?;
            (m != ASCII_SEP).then_some(m)
        };
        match (next(1), next(2)) {
            // A second separator in a row is skipped by the walk.
            (Some(b' '), Some(b' ')) => true,
            (Some(m1), Some(m2)) => self.trie.may_pass3(n1, m1, m2),
            _ => true,
        }
    }

    /// The first start in `pos..end` where the walk finds a match; `out`
    /// holds its candidates (the longest only, unless `all`).
    fn next_start<A: Fn(u32) -> bool>(
        &self,
        text: &str,
        pos: usize,
        accept: &A,
        all: bool,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        self.next_start_in(text, pos, text.len(), accept, all, out)
    }

    fn next_start_in<A: Fn(u32) -> bool>(
        &self,
        text: &str,
        mut pos: usize,
        end: usize,
        accept: &A,
        all: bool,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        out.clear();
        let bytes = text.as_bytes();
        let end = end.min(bytes.len());
        // Whether the character before `pos` rules out a start there (a word
        // character), or may (an apostrophe: ask `is_start`).
        #[derive(PartialEq)]
        enum Prev {
            Word,
            Other,
            Apostrophe,
        }
        let mut prev = if pos == 0 || self.is_start(text, pos) {
            Prev::Other
        } else {
            Prev::Word
        };
        while pos < end {
            if prev == Prev::Word {
                // No match starts inside a word: skip the rest of it.
                while pos < end && ASCII_WORD[bytes[pos] as usize] {
                    pos += 1;
                }
                if pos >= end {
                    break;
                }
            }
            let b = bytes[pos];
            if prev == Prev::Word {
                if b < 0x80 {
                    // An ASCII non-word character: no start here.
                } else if let Some(c) = text.get(pos..).and_then(|t| t.chars().next())
                    && self.info(c).is_word()
                {
                    pos += c.len_utf8();
                    continue;
                }
            }
            let start_ok = match prev {
                Prev::Word => false,
                Prev::Other => true,
                Prev::Apostrophe => self.is_start(text, pos),
            };
            let (len, next) = if b < 0x80 {
                let next = if ASCII_WORD[b as usize] {
                    Prev::Word
                } else if b == b'\'' {
                    Prev::Apostrophe
                } else {
                    Prev::Other
                };
                if start_ok {
                    let m = self.ascii[b as usize];
                    if m != ASCII_SEP
                        && let Some(n1) = self.trie.step(0, m)
                        && self.may_match(bytes, pos, n1)
                    {
                        self.walk(text, pos, accept, all, out);
                        if !out.is_empty() {
                            return Some(pos);
                        }
                    }
                }
                (1, next)
            } else {
                let c = text.get(pos..).and_then(|t| t.chars().next())?;
                let info = self.info(c);
                if start_ok {
                    self.walk(text, pos, accept, all, out);
                    if !out.is_empty() {
                        return Some(pos);
                    }
                }
                let next = if info.is_word() {
                    Prev::Word
                } else if info.is_apostrophe() {
                    Prev::Apostrophe
                } else {
                    Prev::Other
                };
                (c.len_utf8(), next)
            };
            pos += len;
            prev = next;
        }
        None
    }

    /// The rank of an alias in priority order (smaller is better).
    fn rank(&self, a: u32) -> (i64, Tier) {
        let r = &self.aliases[a as usize];
        let tier = if r.tier == Tier::DocSurname {
            Tier::Surname
        } else {
            r.tier
        };
        (-i64::from(self.entities[r.entity as usize].priority), tier)
    }

    /// Builds the mention of candidate `c` starting at `start`.
    fn mention<A: Fn(u32) -> bool>(
        &self,
        text: &str,
        start: usize,
        c: Cand,
        accept: &A,
    ) -> Mention {
        let span = start..c.end;
        let ok = |&a: &u32| self.case_ok(&self.aliases[a as usize], c.case) && accept(a);
        // Most keys name one entity: no candidate lists to build.
        let mut accepted = self.key_aliases(c.key).iter().filter(|a| ok(a));
        if let Some(&a0) = accepted.next() {
            let e0 = self.aliases[a0 as usize].entity;
            if accepted.all(|&a| self.aliases[a as usize].entity == e0) {
                let title = self.title_before(text, start, e0);
                return Mention {
                    span,
                    alias: AliasId(a0),
                    entity: Some(EntityId(e0)),
                    candidates: Candidates::One(EntityId(e0)),
                    resolution: Resolution::Unique,
                    title,
                };
            }
        }
        let mut first: Option<u32> = None;
        let mut entities: Vec<EntityId> = Vec::new();
        let mut aliases: Vec<AliasId> = Vec::new();
        for &a in self.key_aliases(c.key) {
            let rec = &self.aliases[a as usize];
            if !(self.case_ok(rec, c.case) && accept(a)) {
                continue;
            }
            if first.is_none() {
                first = Some(a);
            }
            let e = EntityId(rec.entity);
            if !entities.contains(&e) {
                entities.push(e);
                aliases.push(AliasId(a));
            }
        }
        let Some(a0) = first else {
            // The walk only reports keys with an accepted alias; this is
            // unreachable, but an empty mention is no reason to panic.
            return Mention {
                span,
                alias: AliasId(0),
                entity: None,
                candidates: Candidates::Many(Box::new([]), Box::new([])),
                resolution: Resolution::Ambiguous,
                title: None,
            };
        };
        let e0 = EntityId(self.aliases[a0 as usize].entity);
        if entities.len() == 1 {
            let title = self.title_before(text, start, e0.0);
            return Mention {
                span,
                alias: AliasId(a0),
                entity: Some(e0),
                candidates: Candidates::One(e0),
                resolution: Resolution::Unique,
                title,
            };
        }
        // A title that belongs to exactly one candidate decides.
        let mut titled = entities
            .iter()
            .zip(&aliases)
            .filter_map(|(e, a)| self.title_before(text, start, e.0).map(|t| (*e, *a, t)));
        if let Some((e, a, t)) = titled.next()
            && titled.next().is_none()
        {
            return Mention {
                span,
                alias: a,
                entity: Some(e),
                candidates: Candidates::Many(entities.into(), aliases.into()),
                resolution: Resolution::Title,
                title: Some(t),
            };
        }
        let winner = self.rank(a0) < self.rank(aliases[1].0);
        let (entity, resolution, title) = if winner {
            (
                Some(e0),
                Resolution::Priority,
                self.title_before(text, start, e0.0),
            )
        } else {
            (None, Resolution::Ambiguous, None)
        };
        Mention {
            span,
            alias: AliasId(a0),
            entity,
            candidates: Candidates::Many(entities.into(), aliases.into()),
            resolution,
            title,
        }
    }

    /// The span of one of `entity`'s titles right before `start` (separated
    /// by spaces on the same line), if any.
    fn title_before(&self, text: &str, start: usize, entity: u32) -> Option<Range<usize>> {
        let (a, b) = self.entities.get(entity as usize)?.titles;
        if a == b {
            return None;
        }
        // Skip the separators between title and name.
        let mut end = start;
        let mut long = Vec::new();
        while let Some(c) = char_before(text, end) {
            if c == ' ' {
                // The usual separator, without the table.
                end -= 1;
                continue;
            }
            match self.title_nz.map(c, &mut long).1 {
                Some(Out::Sep { newlines: 0 }) if !matches!(c, '-' | '_') => end -= c.len_utf8(),
                Some(Out::Bytes { len: 0, .. }) => end -= c.len_utf8(),
                _ => break,
            }
        }
        if end == start {
            return None;
        }
        // The normalized last byte of the text before `end`: a title whose
        // key ends otherwise cannot match, and is not tried.
        let last = char_before(text, end).and_then(|c| match self.title_nz.map(c, &mut long).1 {
            Some(Out::Bytes { len, bytes }) if len > 0 => {
                Some((bytes >> (8 * u32::from(len - 1))) as u8)
            }
            _ => None,
        });
        let mut best: Option<usize> = None;
        for (_, key) in &self.titles[a as usize..b as usize] {
            let key = self.title_keys.get(key.range())?;
            if let (Some(l), Some(&k)) = (last, key.last())
                && l != k
            {
                continue;
            }
            if let Some(s) = self.match_back(text, end, key)
                && best.is_none_or(|b| s < b)
            {
                best = Some(s);
            }
        }
        best.map(|s| s..end)
    }

    /// Matches normalized `key` backwards from `end`; the start of the match
    /// if the whole key matched and it starts on a boundary.
    fn match_back(&self, text: &str, end: usize, key: &[u8]) -> Option<usize> {
        let mut i = end;
        let mut j = key.len();
        let mut prev_sep = false;
        let mut long = Vec::new();
        while j > 0 {
            let c = char_before(text, i)?;
            let (_, o) = self.title_nz.map(c, &mut long);
            match o {
                Some(Out::Sep { newlines }) => {
                    if newlines > 0 {
                        return None;
                    }
                    if !prev_sep {
                        if key[j - 1] != b' ' {
                            return None;
                        }
                        j -= 1;
                        prev_sep = true;
                    }
                }
                Some(Out::Bytes { len, bytes }) => {
                    let len = usize::from(len);
                    if len > j {
                        return None;
                    }
                    for k in 0..len {
                        if key[j - len + k] != (bytes >> (8 * k as u32)) as u8 {
                            return None;
                        }
                    }
                    j -= len;
                    if len > 0 {
                        prev_sep = false;
                    }
                }
                None => {
                    if long.len() > j || key[j - long.len()..j] != long[..] {
                        return None;
                    }
                    j -= long.len();
                    prev_sep = false;
                }
            }
            i -= c.len_utf8();
        }
        self.is_start(text, i).then_some(i)
    }
}

/// The iterator of [`Gazetteer::find`] and [`Gazetteer::find_overlapping`].
///
/// ```
/// let gaz = newsnlp_gazetteer::Gazetteer::default();
/// let mut it = gaz.find("NATO and the EU");
/// assert_eq!(it.next().unwrap().span(), 0..4);
/// assert_eq!(it.next().unwrap().span(), 13..15);
/// assert!(it.next().is_none());
/// ```
#[derive(Debug)]
pub struct Mentions<'g, 't> {
    gaz: &'g Gazetteer,
    text: &'t str,
    pos: usize,
    overlapping: bool,
    /// Overlapping mode: the rest of the current start's matches, reversed.
    pending: Vec<Mention>,
}

impl Iterator for Mentions<'_, '_> {
    type Item = Mention;

    /// The number of remaining mentions; a long text (1 MiB and more) is
    /// counted on all cores, in chunks split at blank lines.
    fn count(self) -> usize {
        if self.overlapping {
            let mut me = self;
            let mut n = 0;
            while me.next().is_some() {
                n += 1;
            }
            return n;
        }
        self.pending.len() + self.count_rest()
    }

    fn next(&mut self) -> Option<Mention> {
        if let Some(m) = self.pending.pop() {
            return Some(m);
        }
        let gaz = self.gaz;
        let accept = |a: u32| gaz.aliases[a as usize].tier != Tier::DocSurname;
        let mut cands = Vec::new();
        let start = gaz.next_start(self.text, self.pos, &accept, self.overlapping, &mut cands)?;
        if self.overlapping {
            // Longest first: `cands` is by increasing end, and `pending`
            // pops from the back.
            self.pending = cands
                .iter()
                .map(|&c| gaz.mention(self.text, start, c, &accept))
                .collect();
            let first_len = char_at(self.text, start).map_or(1, char::len_utf8);
            self.pos = start + first_len;
            self.pending.pop()
        } else {
            let m = gaz.mention(self.text, start, cands[0], &accept);
            self.pos = if m.span.end > start {
                m.span.end
            } else {
                start + char_at(self.text, start).map_or(1, char::len_utf8)
            };
            Some(m)
        }
    }
}

impl Mentions<'_, '_> {
    /// Counts the mentions from `self.pos` to the end of the text, in
    /// parallel chunks for long texts. Chunks end right after a blank line
    /// (`"\n\n"`), which no match crosses, so the count is the sequential
    /// one exactly.
    fn count_rest(&self) -> usize {
        let (gaz, text) = (self.gaz, self.text);
        let accept = |a: u32| gaz.aliases[a as usize].tier != Tier::DocSurname;
        let count_range = |from: usize, to: usize| {
            let mut cands = Vec::new();
            let mut pos = from;
            let mut n = 0;
            while let Some(start) = gaz.next_start_in(text, pos, to, &accept, false, &mut cands) {
                n += 1;
                pos = cands[0].end.max(start + 1);
                while !text.is_char_boundary(pos) {
                    pos += 1;
                }
            }
            n
        };
        let threads = rayon::current_num_threads();
        let rest = text.len().saturating_sub(self.pos);
        if threads < 2 || rest < PARALLEL_MIN_BYTES {
            return count_range(self.pos, text.len());
        }
        let pieces = threads * 4;
        let mut bounds = vec![self.pos];
        for k in 1..pieces {
            let target = self.pos + rest / pieces * k;
            let last = *bounds.last().unwrap_or(&self.pos);
            if target <= last {
                continue;
            }
            if let Some(cut) = blank_line_after(text.as_bytes(), target)
                && cut < text.len()
            {
                bounds.push(cut);
            }
        }
        bounds.push(text.len());
        bounds.dedup();
        use rayon::prelude::*;
        bounds.par_windows(2).map(|w| count_range(w[0], w[1])).sum()
    }
}

/// The position right after the first blank line (`"\n\n"` or
/// `"\n\r\n"`) at or after `from`; no match crosses one.
fn blank_line_after(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(p) = bytes.get(i..)?.iter().position(|&b| b == b'\n') {
        let nl = i + p;
        match (bytes.get(nl + 1), bytes.get(nl + 2)) {
            (Some(b'\n'), _) => return Some(nl + 2),
            (Some(b'\r'), Some(b'\n')) => return Some(nl + 3),
            _ => i = nl + 1,
        }
    }
    None
}

/// Below this many bytes, counting stays on one thread.
const PARALLEL_MIN_BYTES: usize = 1 << 20;

impl std::iter::FusedIterator for Mentions<'_, '_> {}

// ---- building ---------------------------------------------------------------

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

fn build(opts: &GazetteerBuilder, entries: Entries) -> Result<Gazetteer, Error> {
    let norm = opts.norm();
    let nz = Normalizer::new(norm);
    let title_nz = Normalizer::new(title_norm());
    let Entries {
        text,
        entities: raw_entities,
        titles: raw_titles,
        aliases: raw_aliases,
        mut warnings,
        ..
    } = entries;
    let too_large = || Error::new(ErrorKind::TooLarge, "more than 2^32 aliases");

    // Alias records: canonical names, listed aliases, derived surnames.
    let n_entities = raw_entities.len();
    let mut aliases: Vec<AliasRec> = Vec::with_capacity(n_entities + raw_aliases.len() + 64);
    let mut lines: Vec<u32> = Vec::with_capacity(aliases.capacity());
    let rec = |text: Span, entity: u32, tier: Tier| AliasRec {
        text,
        entity,
        tier,
        case: CaseRule::Any,
        live: true,
    };
    for (i, e) in raw_entities.iter().enumerate() {
        aliases.push(rec(e.name, i as u32, Tier::Canonical));
        lines.push(e.line);
    }
    for a in &raw_aliases {
        aliases.push(rec(a.text, a.entity, Tier::Alias));
        lines.push(a.line);
    }
    if opts.surnames {
        let mut stop = HashSet::new();
        for w in SURNAME_STOPLIST.lines().map(str::trim) {
            if !w.is_empty() && !w.starts_with('#') {
                let mut k = Vec::new();
                nz.key(w, &mut k);
                stop.insert(k);
            }
        }
        let mut k = Vec::new();
        for (i, e) in raw_entities.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let spans: Vec<Span> = match e.surname {
                Some(SurnameSpec::None) => Vec::new(),
                Some(SurnameSpec::Explicit(s)) => vec![s],
                None => {
                    let name = &text[e.name.range()];
                    derive_surnames(name)
                        .into_iter()
                        .map(|r| Span {
                            start: e.name.start + r.start as u32,
                            end: e.name.start + r.end as u32,
                        })
                        .collect()
                }
            };
            for s in spans {
                k.clear();
                nz.key(&text[s.range()], &mut k);
                let tier = if stop.contains(&k) {
                    Tier::DocSurname
                } else {
                    Tier::Surname
                };
                aliases.push(rec(s, i as u32, tier));
                lines.push(e.line);
            }
        }
    }
    if aliases.len() > u32::MAX as usize - 1 {
        return Err(too_large());
    }

    // Normalized keys, all in one buffer.
    let mut keys: Vec<u8> = Vec::with_capacity(text.len() + 16);
    let mut key_span: Vec<(u32, u32)> = Vec::with_capacity(aliases.len());
    let smart = opts.case == CaseMode::Smart;
    for (i, a) in aliases.iter_mut().enumerate() {
        let s = keys.len();
        let kc = nz.key(&text[a.text.range()], &mut keys);
        if keys.len() > u32::MAX as usize {
            return Err(too_large());
        }
        key_span.push((s as u32, keys.len() as u32));
        if smart {
            a.case = match (kc.upper, kc.lower) {
                (true, false) => CaseRule::NoLower,
                (true, true) => CaseRule::Capitals(kc.caps & !1, kc.inner),
                _ => CaseRule::Any,
            };
        }
        if keys.len() == s {
            a.live = false;
            let name = &text[raw_entities[a.entity as usize].name.range()];
            let line = (lines[i] > 0).then_some(lines[i] as usize);
            warnings.push(Warning::new(
                WarningKind::EmptyAlias,
                line,
                format!(
                    "alias {:?} of {name:?} is empty after normalization; skipped",
                    &text[a.text.range()]
                ),
            ));
        }
    }
    let key_of = |a: u32| {
        let (s, e) = key_span[a as usize];
        &keys[s as usize..e as usize]
    };

    // Sort alias ids by key, then rank, then id.
    let priority: Vec<i32> = raw_entities
        .iter()
        .map(|e| e.priority.unwrap_or(0))
        .collect();
    let rank = |a: &AliasRec| {
        let tier = if a.tier == Tier::DocSurname {
            Tier::Surname
        } else {
            a.tier
        };
        (-i64::from(priority[a.entity as usize]), tier)
    };
    let mut order: Vec<u32> = (0..aliases.len() as u32)
        .filter(|&a| aliases[a as usize].live)
        .collect();
    {
        use rayon::slice::ParallelSliceMut;
        let cmp = |x: &u32, y: &u32| {
            key_of(*x)
                .cmp(key_of(*y))
                .then_with(|| rank(&aliases[*x as usize]).cmp(&rank(&aliases[*y as usize])))
                .then(x.cmp(y))
        };
        if order.len() > 50_000 {
            order.par_sort_unstable_by(cmp);
        } else {
            order.sort_unstable_by(cmp);
        }
    }

    // Group by key; drop duplicate claims of one entity on one key.
    let mut key_aliases: Vec<u32> = Vec::with_capacity(order.len());
    let mut key_start: Vec<u32> = vec![0];
    let mut unique: Vec<(u32, u32)> = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let k = key_of(order[i]);
        let mut j = i + 1;
        while j < order.len() && key_of(order[j]) == k {
            j += 1;
        }
        let group_start = key_aliases.len();
        for &a in &order[i..j] {
            let ar = aliases[a as usize];
            let dup = key_aliases[group_start..]
                .iter()
                .find(|&&b| aliases[b as usize].entity == ar.entity)
                .copied();
            match dup {
                None => key_aliases.push(a),
                Some(b) => {
                    aliases[a as usize].live = false;
                    // Variants that only normalize alike ("Ain Abid",
                    // "’Aïn Abid") are deliberate; the same text twice is not.
                    let br = aliases[b as usize];
                    if ar.tier == Tier::Alias
                        && br.tier == Tier::Alias
                        && text[ar.text.range()] == text[br.text.range()]
                    {
                        let line = (lines[a as usize] > 0).then_some(lines[a as usize] as usize);
                        let name = &text[raw_entities[ar.entity as usize].name.range()];
                        warnings.push(Warning::new(
                            WarningKind::DuplicateAlias,
                            line,
                            format!(
                                "alias {:?} of {name:?} duplicates {:?}; one kept",
                                &text[ar.text.range()],
                                &text[aliases[b as usize].text.range()]
                            ),
                        ));
                    }
                }
            }
        }
        // A surname shared with another entity's name or listed alias is
        // matched only in documents that name its person in full.
        let group = &key_aliases[group_start..];
        let named_by_other = |e: u32| {
            group.iter().any(|&b| {
                let r = &aliases[b as usize];
                r.entity != e && r.tier <= Tier::Alias
            })
        };
        let demote: Vec<u32> = group
            .iter()
            .copied()
            .filter(|&b| {
                let r = &aliases[b as usize];
                r.tier == Tier::Surname && named_by_other(r.entity)
            })
            .collect();
        for b in demote {
            aliases[b as usize].tier = Tier::DocSurname;
        }
        let (s, e) = key_span[order[i] as usize];
        unique.push((s, e));
        key_start.push(key_aliases.len() as u32);
        i = j;
    }
    let trie = {
        let slices: Vec<&[u8]> = unique
            .iter()
            .map(|&(s, e)| &keys[s as usize..e as usize])
            .collect();
        Trie::build(&slices)
    };
    drop(keys);

    // Titles, grouped by entity, with their keys.
    let mut raw_titles = raw_titles;
    raw_titles.sort_by_key(|&(e, _)| e);
    let mut titles: Vec<(Span, Span)> = Vec::with_capacity(raw_titles.len());
    let mut title_keys: Vec<u8> = Vec::new();
    let mut title_range = vec![(0u32, 0u32); n_entities];
    for (e, t) in raw_titles {
        let s = title_keys.len();
        title_nz.key(&text[t.range()], &mut title_keys);
        let k = Span {
            start: s as u32,
            end: title_keys.len() as u32,
        };
        if k.start == k.end {
            continue;
        }
        let r = &mut title_range[e as usize];
        if r.0 == r.1 {
            r.0 = titles.len() as u32;
        }
        titles.push((t, k));
        r.1 = titles.len() as u32;
    }

    // Aliases grouped by entity.
    let mut entity_aliases: Vec<u32> = (0..aliases.len() as u32)
        .filter(|&a| aliases[a as usize].live)
        .collect();
    entity_aliases.sort_by_key(|&a| aliases[a as usize].entity);
    let mut alias_range = vec![(0u32, 0u32); n_entities];
    for (i, &a) in entity_aliases.iter().enumerate() {
        let r = &mut alias_range[aliases[a as usize].entity as usize];
        if r.0 == r.1 {
            r.0 = i as u32;
        }
        r.1 = i as u32 + 1;
    }

    let entities: Vec<EntityRec> = raw_entities
        .iter()
        .enumerate()
        .map(|(i, e): (usize, &RawEntity)| EntityRec {
            name: e.name,
            kind: e.kind,
            priority: e.priority.unwrap_or(0),
            titles: title_range[i],
            aliases: alias_range[i],
        })
        .collect();
    let mut by_name: Vec<u32> = (0..n_entities as u32).collect();
    by_name.sort_by(|&a, &b| {
        text[entities[a as usize].name.range()].cmp(&text[entities[b as usize].name.range()])
    });

    if opts.strict
        && let Some(w) = warnings.first()
    {
        return Err(Error::new(
            ErrorKind::Strict,
            format!("{w} ({} warning(s) in strict mode)", warnings.len()),
        )
        .with_line(w.line()));
    }

    key_aliases.shrink_to_fit();
    Ok(Gazetteer {
        ascii: ascii_table(&nz),
        nz,
        title_nz,
        smart,
        text,
        entities,
        aliases,
        entity_aliases,
        titles,
        title_keys,
        key_aliases,
        key_start,
        trie,
        by_name,
        warnings,
        name_preceders: std::sync::OnceLock::new(),
    })
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
