//! The JSON and TOML gazetteer formats ([`Entries::from_json`],
//! [`Entries::from_toml`], behind the `json` and `toml` features): a list
//! of entities with the fields of [`Entry`](crate::Entry), read with serde;
//! errors name the path of the bad value (`entities[2].kind`) and, where
//! the parser knows it, the line.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! let json = r#"{"entities": [{"name": "Hamas", "kind": "organization", "aliases": ["Harakat al-Muqawama"]}]}"#;
//! assert_eq!(newsnlp_gazetteer::Entries::from_json(json)?.len(), 1);
//! # }
//! # Ok::<(), newsnlp_gazetteer::Error>(())
//! ```

use crate::entries::Entries;
use crate::entry::Entry;
use crate::error::{Error, ErrorKind, Warning, WarningKind};
use crate::kind::EntityKind;

/// The JSON and TOML shape of one entity.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntity {
    name: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    priority: Option<i32>,
    #[serde(default)]
    surname: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    #[serde(alias = "entity")]
    entities: Vec<FileEntity>,
}

impl Entries {
    fn from_file_entities(list: Vec<FileEntity>, root: &str) -> Result<Self, Error> {
        let mut entries = Entries::new();
        for (i, f) in list.into_iter().enumerate() {
            let at = |field: &str| format!("{root}[{i}].{field}");
            if f.name.trim().is_empty() {
                let p = at("name");
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!("{p}: empty canonical name"),
                )
                .with_path(p));
            }
            let kind = match f.kind.as_deref() {
                None => EntityKind::Other,
                Some(k) => k.parse::<EntityKind>().map_err(|e| {
                    let p = at("kind");
                    Error::new(ErrorKind::InvalidValue, format!("{p}: {e}")).with_path(p)
                })?,
            };
            for (j, a) in f.aliases.iter().enumerate() {
                if a.trim().is_empty() {
                    entries.warnings.push(Warning::new(
                        WarningKind::EmptyAlias,
                        None,
                        format!(
                            "{root}[{i}].aliases[{j}]: empty alias for {:?} skipped",
                            f.name
                        ),
                    ));
                }
            }
            let mut entry = Entry::new(f.name, kind)
                .extend_aliases(f.aliases.into_iter().filter(|a| !a.trim().is_empty()));
            entry.titles = f.titles;
            entry.priority = f.priority;
            entry.surname = f.surname.map(|s| (s != "-").then_some(s));
            entries.push_entry(entry, 0)?;
        }
        Ok(entries)
    }

    /// Reads a JSON gazetteer: an array of entities, or an object whose
    /// `entities` field is one. An entity is
    /// `{"name", "kind"?, "aliases"?, "titles"?, "priority"?, "surname"?}`
    /// (`surname: "-"` for none); unknown fields are errors. Errors give the
    /// JSON path and, for syntax, the line and column.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, ErrorKind};
    ///
    /// let json = r#"[{"name": "Hezbollah", "kind": "organization", "aliases": ["Hizbullah"]}]"#;
    /// assert_eq!(Entries::from_json(json)?.len(), 1);
    ///
    /// let bad = r#"{"entities": [{"name": "Hamas", "kind": 3}]}"#;
    /// let err = Entries::from_json(bad).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Syntax);
    /// assert_eq!(err.path(), Some("entities[0].kind"));
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json(json: &str) -> Result<Self, Error> {
        let array = json.trim_start().starts_with('[');
        let mut de = serde_json::Deserializer::from_str(json);
        let json_err = |e: serde_path_to_error::Error<serde_json::Error>| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let line = inner.line();
            let msg = if path.is_empty() || path == "." {
                format!("JSON: {inner}")
            } else {
                format!("JSON: {path}: {inner}")
            };
            let kind = if inner.is_io() {
                ErrorKind::Io
            } else {
                ErrorKind::Syntax
            };
            Error::new(kind, msg)
                .with_path(path)
                .with_line((line > 0).then_some(line))
                .with_source(inner)
        };
        if array {
            let list: Vec<FileEntity> =
                serde_path_to_error::deserialize(&mut de).map_err(json_err)?;
            de.end().map_err(|e| {
                Error::new(ErrorKind::Syntax, format!("JSON: {e}")).with_line(Some(e.line()))
            })?;
            // serde_path_to_error writes array paths as `[0]`.
            Entries::from_file_entities(list, "")
        } else {
            let doc: FileDoc = serde_path_to_error::deserialize(&mut de).map_err(json_err)?;
            de.end().map_err(|e| {
                Error::new(ErrorKind::Syntax, format!("JSON: {e}")).with_line(Some(e.line()))
            })?;
            Entries::from_file_entities(doc.entities, "entities")
        }
    }

    /// Reads a TOML gazetteer: an array of tables named `entity` (or
    /// `entities`), each with the fields of the JSON form.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Entries, ErrorKind};
    ///
    /// let toml = "[[entity]]\nname = \"Taliban\"\nkind = \"organization\"\n";
    /// assert_eq!(Entries::from_toml(toml)?.len(), 1);
    ///
    /// let err = Entries::from_toml("[[entity]]\nname = \"Taliban\"\nkind = \"army\"\n").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidValue);
    /// assert_eq!(err.path(), Some("entities[0].kind"));
    /// # Ok::<(), newsnlp_gazetteer::Error>(())
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(toml_text: &str) -> Result<Self, Error> {
        let de = toml::Deserializer::parse(toml_text).map_err(|e| toml_error(toml_text, e, ""))?;
        let doc: FileDoc = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            toml_error(toml_text, e.into_inner(), &path)
        })?;
        Entries::from_file_entities(doc.entities, "entities")
    }
}

#[cfg(feature = "toml")]
fn toml_error(text: &str, e: toml::de::Error, path: &str) -> Error {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
    let msg = e.message().trim().to_string();
    let mut out = match (line, path.is_empty()) {
        (Some(l), false) => format!("TOML: line {l}: {path}: {msg}"),
        (Some(l), true) => format!("TOML: line {l}: {msg}"),
        (None, false) => format!("TOML: {path}: {msg}"),
        (None, true) => format!("TOML: {msg}"),
    };
    out.truncate(out.trim_end().len());
    let mut err = Error::new(ErrorKind::Syntax, out)
        .with_line(line)
        .with_source(e);
    if !path.is_empty() {
        err = err.with_path(path);
    }
    err
}
