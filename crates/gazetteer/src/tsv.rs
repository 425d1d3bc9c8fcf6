//! The TSV gazetteer format: reading [`Entries`] from it
//! ([`Entries::from_tsv`]) and writing a built [`Gazetteer`] back
//! ([`Gazetteer::write_tsv`]).
//!
//! ```
//! use newsnlp_gazetteer::{Entries, GazetteerBuilder};
//!
//! let tsv = "canonical\tkind\taliases\n\
//!            ISIS\torganization\tISIL|Daesh\n";
//! let gaz = GazetteerBuilder::new().build(Entries::from_tsv(tsv)?)?;
//! let mut out = Vec::new();
//! gaz.write_tsv(&mut out)?;
//! let again = GazetteerBuilder::new().build(Entries::from_tsv(std::str::from_utf8(&out).unwrap())?)?;
//! assert_eq!(again.find("Daesh and ISIL").count(), 2);
//! # Ok::<(), newsnlp_gazetteer::Error>(())
//! ```

use std::io::Write;

use crate::EntityKind;
use crate::entries::Entries;
use crate::error::{Error, ErrorKind};
use crate::gazetteer::{AliasOrigin, Gazetteer};
use crate::mention::EntityId;
use crate::surname::derive_surnames;

impl Entries {
    /// Reads a TSV gazetteer.
    ///
    /// The first line is a header naming the columns, in any order:
    ///
    /// | column | required | meaning |
    /// |---|---|---|
    /// | `canonical` | yes | the entity's canonical name |
    /// | `alias` | `alias` or `aliases` | one alias |
    /// | `aliases` | `alias` or `aliases` | aliases separated by `\|` |
    /// | `kind` | no | `person`, `organization`, `place`, `group`, `other` (default) |
    /// | `titles` | no | titles separated by `\|` |
    /// | `priority` | no | an integer, default 0 |
    /// | `surname` | no | a person's surname; empty: derived; `-`: none |
    ///
    /// Other columns are ignored; so are blank lines and lines starting
    /// with `#`. Rows with the same canonical name make one entity. An empty
    /// `alias` cell is a warning; a missing column, an empty canonical name,
    /// an unknown kind or a bad priority is an error naming the line.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, GazetteerBuilder};
    ///
    /// let tsv = "alias\tcanonical\tkind\n\
    ///            Lavrov\tSergey Lavrov\tperson\n\
    ///            Sergei Lavrov\tSergey Lavrov\tperson\n";
    /// let entries = Entries::from_tsv(tsv)?;
    /// assert_eq!(entries.len(), 1);
    /// let gaz = GazetteerBuilder::new().build(entries)?;
    /// assert_eq!(gaz.find("Sergei Lavrov said").next().unwrap().span(), 0..13);
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    pub fn from_tsv(tsv: &str) -> Result<Self, Error> {
        let mut entries = Entries::new();
        entries.read_tsv(tsv)?;
        Ok(entries)
    }

    fn read_tsv(&mut self, tsv: &str) -> Result<(), Error> {
        let tsv = tsv.strip_prefix('\u{FEFF}').unwrap_or(tsv);
        // Not `newsnlp_text::data::lines`: it trims each line, which would
        // drop an empty first cell and shift the columns.
        let mut lines = tsv
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .enumerate()
            .filter(|(_, l)| !(l.trim().is_empty() || l.starts_with('#')));
        let Some((i, header)) = lines.next() else {
            return Err(Error::at_line(
                ErrorKind::MissingColumn,
                1,
                "no header line: expected columns `alias` and `canonical`",
            ));
        };
        let cols = Columns::of_header(header, i + 1)?;
        let mut fields: Vec<&str> = Vec::with_capacity(8);
        let mut last: Option<(&str, u32)> = None;
        for (i, l) in lines {
            let line = u32::try_from(i + 1)
                .map_err(|_| Error::new(ErrorKind::TooLarge, "more than 2^32 lines"))?;
            fields.clear();
            // Cut at its tabs by a byte loop (a row is short, too short for
            // the searcher of `str::split`).
            let mut start = 0;
            for (k, b) in l.bytes().enumerate() {
                if b == b'\t' {
                    fields.push(l.get(start..k).unwrap_or_default());
                    start = k + 1;
                }
            }
            fields.push(l.get(start..).unwrap_or_default());
            if fields.len() < cols.needed {
                return Err(Error::at_line(
                    ErrorKind::Syntax,
                    line as usize,
                    format_args!(
                        "expected at least {} tab-separated fields, found {}",
                        cols.needed,
                        fields.len()
                    ),
                ));
            }
            let canonical = fields[cols.canonical].trim();
            if canonical.is_empty() {
                return Err(Error::at_line(
                    ErrorKind::InvalidValue,
                    line as usize,
                    "empty canonical name",
                ));
            }
            // Rows of one entity are usually adjacent: skip the hash lookup.
            let id = match last {
                Some((name, id)) if name == canonical => id,
                _ => self.entity(canonical, line)?,
            };
            last = Some((canonical, id));
            self.read_row(id, &cols, &fields, line)?;
        }
        Ok(())
    }

    /// Adds what a row says about entity `id` besides its name.
    fn read_row(
        &mut self,
        id: u32,
        cols: &Columns,
        fields: &[&str],
        line: u32,
    ) -> Result<(), Error> {
        let get = |c: Option<usize>| c.and_then(|c| fields.get(c)).map(|s| s.trim());
        if let Some(k) = get(cols.kind).filter(|k| !k.is_empty()) {
            let kind = k
                .parse::<EntityKind>()
                .map_err(|e| Error::at_line(ErrorKind::InvalidValue, line as usize, e))?;
            self.set_kind(id, kind, line);
        }
        if let Some(p) = get(cols.priority).filter(|p| !p.is_empty()) {
            let p = p.parse::<i32>().map_err(|_| {
                Error::at_line(
                    ErrorKind::InvalidValue,
                    line as usize,
                    format_args!("priority {p:?} is not an integer"),
                )
            })?;
            self.set_priority(id, p, line);
        }
        if let Some(s) = get(cols.surname).filter(|s| !s.is_empty()) {
            self.set_surname(id, (s != "-").then_some(s), line)?;
        }
        if let Some(a) = get(cols.alias) {
            self.add_alias(id, a, line)?;
        }
        if let Some(list) = get(cols.aliases).filter(|s| !s.is_empty()) {
            for a in list.split('|') {
                self.add_alias(id, a, line)?;
            }
        }
        if let Some(list) = get(cols.titles) {
            for t in list.split('|') {
                self.add_title(id, t)?;
            }
        }
        Ok(())
    }
}

/// Where the columns of a TSV gazetteer are.
struct Columns {
    canonical: usize,
    alias: Option<usize>,
    aliases: Option<usize>,
    kind: Option<usize>,
    titles: Option<usize>,
    priority: Option<usize>,
    surname: Option<usize>,
    /// The fields a row must have.
    needed: usize,
}

impl Columns {
    /// The columns the header line `header` (line `line`) names.
    fn of_header(header: &str, line: usize) -> Result<Columns, Error> {
        let col = |name: &str| {
            header
                .split('\t')
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let Some(canonical) = col("canonical") else {
            return Err(Error::at_line(
                ErrorKind::MissingColumn,
                line,
                "the header has no `canonical` column",
            ));
        };
        let (alias, aliases) = (col("alias"), col("aliases"));
        if alias.is_none() && aliases.is_none() {
            return Err(Error::at_line(
                ErrorKind::MissingColumn,
                line,
                "the header has no `alias` (or `aliases`) column",
            ));
        }
        Ok(Columns {
            canonical,
            alias,
            aliases,
            kind: col("kind"),
            titles: col("titles"),
            priority: col("priority"),
            surname: col("surname"),
            needed: canonical.max(alias.unwrap_or(0)) + 1,
        })
    }
}

impl Gazetteer {
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
            let surname = self.explicit_surname(e.id());
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
}
