//! The options of a gazetteer: [`GazetteerBuilder`] and [`CaseMode`].
//!
//! The builder is reusable, in the style of `regex::RegexBuilder` and
//! `aho_corasick::AhoCorasickBuilder`: its setters take `&mut self` and
//! [`GazetteerBuilder::build`] takes `&self`, so one configured builder
//! builds any number of gazetteers. The build itself is in `build`.
//!
//! ```
//! use newsnlp_gazetteer::{CaseMode, Entry, EntityKind};
//!
//! let mut builder = newsnlp_gazetteer::Gazetteer::builder();
//! builder.case(CaseMode::Insensitive);
//! let who = builder.build([Entry::new("WHO", EntityKind::Organization)])?;
//! let un = builder.build([Entry::new("UN", EntityKind::Organization)])?;
//! assert_eq!((who.find("who").count(), un.find("un").count()), (1, 1));
//! # Ok::<(), newsnlp_gazetteer::Error>(())
//! ```

use std::path::Path;

use crate::entries::Entries;
use crate::error::Error;
use crate::gazetteer::Gazetteer;
use crate::normalize::{Fold, Norm};

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

/// Builds a [`Gazetteer`] ([`Gazetteer::builder`] or
/// [`GazetteerBuilder::new`]); reusable (its methods take `&mut self` and
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
    pub(crate) case: CaseMode,
    pub(crate) unicode_case: bool,
    pub(crate) diacritics: bool,
    pub(crate) separators: bool,
    pub(crate) surnames: bool,
    pub(crate) strict: bool,
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
    /// an [`ErrorKind::Strict`](crate::ErrorKind::Strict) error; `false` (default): warnings are kept
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

    pub(crate) fn norm(&self) -> Norm {
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
        crate::build::build(self, entries)
    }
}
