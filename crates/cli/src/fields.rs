//! `--fields`: which parts of the analysis `analyze --json` and `--jsonl`
//! print. Without it every part is printed (the contract's shape); with
//! `--fields entities,quotes,stances` the sentences and their token spans,
//! most of the output, are neither built nor written.
//!
//! The choice is made once, by `main`, before any output
//! ([`select`]); [`to_value`] reads it.

use std::sync::OnceLock;

use newsnlp::Document;
use serde_json::{Map, Value};

/// The parts `--fields` names (the top-level keys of the analysis).
pub const NAMES: [&str; 4] = ["sentences", "entities", "quotes", "stances"];

/// A set of parts of the analysis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    sentences: bool,
    entities: bool,
    quotes: bool,
    stances: bool,
}

impl Fields {
    /// Parses a comma-separated list of [`NAMES`] (clap's value parser).
    pub fn parse(list: &str) -> Result<Fields, String> {
        let mut f = Fields::default();
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name {
                "sentences" => f.sentences = true,
                "entities" => f.entities = true,
                "quotes" => f.quotes = true,
                "stances" => f.stances = true,
                other => {
                    return Err(format!(
                        "unknown field {other:?}: expected some of {}",
                        NAMES.join(",")
                    ));
                }
            }
        }
        Ok(f)
    }

    fn has(&self, name: &str) -> bool {
        match name {
            "sentences" => self.sentences,
            "entities" => self.entities,
            "quotes" => self.quotes,
            "stances" => self.stances,
            _ => false,
        }
    }
}

static SELECTED: OnceLock<Fields> = OnceLock::new();

/// Prints only `fields` from now on (the first call wins).
pub fn select(fields: Fields) {
    let _ = SELECTED.set(fields);
}

/// The analysis as a JSON object: every part, or the selected ones. Keys
/// come in the same (sorted) order either way.
pub fn to_value(doc: &Document<'_>) -> serde_json::Result<Value> {
    let Some(f) = SELECTED.get() else {
        return serde_json::to_value(doc);
    };
    if f.sentences {
        // Sentences are serialized only with the whole document.
        let mut v = serde_json::to_value(doc)?;
        if let Some(obj) = v.as_object_mut() {
            obj.retain(|k, _| f.has(k));
        }
        return Ok(v);
    }
    let mut obj = Map::new();
    if f.entities {
        obj.insert("entities".into(), serde_json::to_value(doc.mentions())?);
    }
    if f.quotes {
        obj.insert("quotes".into(), serde_json::to_value(doc.quotes())?);
    }
    if f.stances {
        obj.insert("stances".into(), serde_json::to_value(doc.stances())?);
    }
    Ok(Value::Object(obj))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_lists() {
        let f = Fields::parse("entities, quotes,stances").unwrap();
        assert_eq!(
            (f.sentences, f.entities, f.quotes, f.stances),
            (false, true, true, true)
        );
        assert!(Fields::parse("sentences").unwrap().has("sentences"));
        assert_eq!(Fields::parse("").unwrap(), Fields::default());
        assert!(
            Fields::parse("tokens")
                .unwrap_err()
                .contains("unknown field \"tokens\"")
        );
    }
}
