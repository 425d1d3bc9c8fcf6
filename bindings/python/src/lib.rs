//! The compiled half of the `newsnlp` Python package (`newsnlp._native`):
//! a `Pipeline` class whose `analyze` and `analyze_many` return plain
//! dicts in the `newsnlp analyze --json` shape, with spans rewritten from
//! UTF-8 byte offsets to character offsets (what Python strings index by).
//!
//! The dicts are built from the facade's serde JSON (`serde_json::to_value`
//! of [`newsnlp::Document`]), not from the Rust structs' fields, so that the
//! binding follows the CLI's JSON contract whatever the Rust types look
//! like. The typed Python objects (`Document`, `Entity`, `Quote`, …) are
//! built from these dicts in `python/newsnlp/__init__.py`.
#![forbid(unsafe_code)]

use std::path::PathBuf;

use newsnlp::gazetteer::{ErrorKind, GazetteerBuilder};
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rayon::prelude::*;
use serde_json::Value;

/// Keys whose value is a `[start, end]` span in the JSON shape.
const SPAN_KEYS: [&str; 6] = ["span", "content", "cue", "source", "evidence", "target_span"];
/// Keys whose value is one offset (a sentence's `start` and `end`).
const OFFSET_KEYS: [&str; 2] = ["start", "end"];
/// Keys whose value is a list of `[start, end]` spans (a sentence's tokens).
const SPAN_LIST_KEYS: [&str; 1] = ["tokens"];

/// Maps UTF-8 byte offsets of one text to character (code point) offsets.
/// Built in one pass over the text; an ASCII text needs no table.
struct CharOffsets {
    /// `table[b]` is the number of characters before byte `b`; `None` when
    /// the text is ASCII (bytes and characters coincide).
    table: Option<Vec<usize>>,
}

impl CharOffsets {
    fn new(text: &str) -> CharOffsets {
        if text.is_ascii() {
            return CharOffsets { table: None };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        for (chars, c) in text.chars().enumerate() {
            // Every byte of a character maps to the character's index: only
            // boundaries are ever asked for, the rest keeps lookups total.
            table.extend(std::iter::repeat_n(chars, c.len_utf8()));
        }
        table.push(text.chars().count());
        CharOffsets { table: Some(table) }
    }

    fn char_offset(&self, byte: u64) -> u64 {
        match &self.table {
            None => byte,
            Some(t) => usize::try_from(byte)
                .ok()
                .and_then(|b| t.get(b))
                .map_or(byte, |&c| c as u64),
        }
    }

    fn rewrite_offset(&self, v: &mut Value) {
        if let Some(b) = v.as_u64() {
            *v = Value::from(self.char_offset(b));
        }
    }

    fn rewrite_span(&self, v: &mut Value) {
        if let Some([s, e]) = v.as_array_mut().map(Vec::as_mut_slice) {
            self.rewrite_offset(s);
            self.rewrite_offset(e);
        }
    }

    /// Rewrites every span and offset in `v` (a document's JSON, or any part
    /// of it), found by key at any depth.
    fn rewrite(&self, v: &mut Value) {
        if self.table.is_none() {
            return;
        }
        match v {
            Value::Object(map) => {
                for (k, child) in map.iter_mut() {
                    if SPAN_KEYS.contains(&k.as_str()) {
                        self.rewrite_span(child);
                    } else if OFFSET_KEYS.contains(&k.as_str()) {
                        self.rewrite_offset(child);
                    } else if SPAN_LIST_KEYS.contains(&k.as_str()) {
                        if let Some(list) = child.as_array_mut() {
                            list.iter_mut().for_each(|s| self.rewrite_span(s));
                        }
                    } else {
                        self.rewrite(child);
                    }
                }
            }
            Value::Array(list) => list.iter_mut().for_each(|c| self.rewrite(c)),
            _ => {}
        }
    }
}

/// The analysis of `text` as JSON with character offsets.
fn analysis_json(doc: &newsnlp::Document<'_>) -> Result<Value, String> {
    let mut v = serde_json::to_value(doc).map_err(|e| e.to_string())?;
    CharOffsets::new(doc.text()).rewrite(&mut v);
    Ok(v)
}

/// Converts JSON to Python objects: dict, list, str, int, float, bool, None.
fn to_python<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, Some(i)) => i.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// Takes a Python `str`, or raises `TypeError` naming what was given.
fn text_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if !obj.is_instance_of::<PyString>() {
        let type_name = obj.get_type().name()?;
        return Err(PyTypeError::new_err(format!(
            "{what} must be str, not {type_name}"
        )));
    }
    obj.extract::<String>()
}

/// Runs newsnlp's layers over articles. Build it once (the gazetteer and
/// the models load then) and reuse it; it is safe to share between threads.
///
/// Args:
///     gazetteer: path of a gazetteer file (TSV with `alias` and
///         `canonical` columns, JSON or TOML, as `newsnlp entities
///         --gazetteer` reads) used instead of the default one.
///     entities, quotes, stances: turn each layer on (default) or off.
///
/// Raises:
///     ValueError: the gazetteer file is malformed (the message names the
///         file and line).
///     OSError: the gazetteer file cannot be read.
#[pyclass(module = "newsnlp._native", name = "Pipeline", frozen)]
struct NativePipeline {
    inner: newsnlp::Pipeline,
}

#[pymethods]
impl NativePipeline {
    #[new]
    #[pyo3(signature = (gazetteer=None, entities=true, quotes=true, stances=true))]
    fn new(
        py: Python<'_>,
        gazetteer: Option<PathBuf>,
        entities: bool,
        quotes: bool,
        stances: bool,
    ) -> PyResult<NativePipeline> {
        py.detach(|| {
            let mut builder = newsnlp::Pipeline::builder();
            builder.entities(entities).quotes(quotes).stances(stances);
            if let Some(path) = gazetteer {
                let gaz = GazetteerBuilder::new()
                    .build_from_path(&path)
                    .map_err(|e| match e.kind() {
                        ErrorKind::Io => PyOSError::new_err(e.to_string()),
                        _ => PyValueError::new_err(e.to_string()),
                    })?;
                builder.gazetteer(gaz);
            }
            Ok(NativePipeline {
                inner: builder.build(),
            })
        })
    }

    /// Analyzes one article; returns its analysis as a dict in the
    /// `newsnlp analyze --json` shape with character offsets.
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = text_arg(text, "text")?;
        let json = py
            .detach(|| analysis_json(&self.inner.analyze(&text)))
            .map_err(PyValueError::new_err)?;
        to_python(py, &json)
    }

    /// Analyzes many articles on all cores with the GIL released; returns
    /// one dict per article, in input order.
    fn analyze_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "texts must be an iterable of str, not a str",
            ));
        }
        let texts: Vec<String> = texts
            .try_iter()?
            .enumerate()
            .map(|(i, t)| text_arg(&t?, &format!("texts[{i}]")))
            .collect::<PyResult<_>>()?;
        let results: Vec<Result<Value, String>> = py.detach(|| {
            let docs = self.inner.analyze_batch(&texts);
            docs.par_iter().map(analysis_json).collect()
        });
        results
            .iter()
            .map(|r| {
                let json = r.as_ref().map_err(|e| PyValueError::new_err(e.clone()))?;
                to_python(py, json)
            })
            .collect()
    }
}

/// The compiled module `newsnlp._native`; use the `newsnlp` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativePipeline>()?;
    m.add("SEED_ARTICLE", newsnlp::SEED_ARTICLE)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn byte_offsets_become_char_offsets() {
        let text = "é “x” 😀 y";
        let idx = CharOffsets::new(text);
        let cases = [
            (0, 0),
            (2, 1),
            (3, 2),
            (6, 3),
            (7, 4),
            (10, 5),
            (11, 6),
            (15, 7),
            (16, 8),
        ];
        for (byte, ch) in cases {
            assert_eq!(idx.char_offset(byte), ch, "byte {byte}");
            assert_eq!(text[..byte as usize].chars().count() as u64, ch);
        }
    }

    #[test]
    fn ascii_text_keeps_offsets() {
        let idx = CharOffsets::new("plain");
        assert!(idx.table.is_none());
        assert_eq!(idx.char_offset(3), 3);
    }

    #[test]
    fn rewrite_finds_spans_by_key_at_any_depth() {
        let idx = CharOffsets::new("éé abc");
        let mut v = json!({
            "sentences": [{"start": 0, "end": 8, "tokens": [[0, 4], [5, 8]]}],
            "quotes": [{"content": [5, 8], "cue": null, "speaker": {"span": [0, 4]}, "confidence": 0.5}],
            "stances": [{"evidence": [5, 8], "target": "abc"}],
        });
        idx.rewrite(&mut v);
        let want = json!({
            "sentences": [{"start": 0, "end": 6, "tokens": [[0, 2], [3, 6]]}],
            "quotes": [{"content": [3, 6], "cue": null, "speaker": {"span": [0, 2]}, "confidence": 0.5}],
            "stances": [{"evidence": [3, 6], "target": "abc"}],
        });
        assert_eq!(v, want);
    }
}
