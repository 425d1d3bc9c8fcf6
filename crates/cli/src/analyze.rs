//! `newsnlp analyze`: the whole pipeline over the seed article, files,
//! directories, standard input or a JSONL stream.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use newsnlp::{Document, Pipeline, SEED_ARTICLE};
use rayon::prelude::*;
use serde_json::value::RawValue;
use serde_json::{Map, Value, json};

use crate::input::{self, CliError, Limits, Line};
use crate::parts;
use crate::walk::Walk;

/// How `analyze` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A readable report.
    Text,
    /// One JSON object per input.
    Json,
    /// Counts per layer only.
    Count,
}

/// A counter of inputs on a terminal, once there are many (the walk is a
/// stream: their number is not known in advance).
fn progress(many: bool) -> Option<indicatif::ProgressBar> {
    if !many || !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::no_length();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{pos} inputs {per_sec} {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}

/// Counts per layer, summed over inputs.
#[derive(Default, Clone, Copy)]
struct Counts {
    sentences: usize,
    tokens: usize,
    entities: usize,
    quotes: usize,
    stances: usize,
}

impl Counts {
    fn of(doc: &Document<'_>) -> Counts {
        Counts {
            sentences: doc.tokens().sentences().len(),
            tokens: doc.tokens().tokens().len(),
            // One resolved mention per linked one: counted without
            // resolving them.
            entities: doc.linked_mentions().len(),
            quotes: doc.quotes().len(),
            stances: doc.stances().len(),
        }
    }

    fn add(self, o: Counts) -> Counts {
        Counts {
            sentences: self.sentences + o.sentences,
            tokens: self.tokens + o.tokens,
            entities: self.entities + o.entities,
            quotes: self.quotes + o.quotes,
            stances: self.stances + o.stances,
        }
    }
}

/// Renders one analyzed document.
fn render(doc: &Document<'_>, id: Option<&str>, format: Format) -> Result<String, CliError> {
    match format {
        Format::Json => {
            let mut v = crate::fields::to_value(doc).map_err(|e| CliError::Write(e.into()))?;
            if let (Some(id), Some(obj)) = (id, v.as_object_mut()) {
                obj.insert("id".into(), json!(id));
            }
            Ok(v.to_string() + "\n")
        }
        Format::Text => Ok(crate::report::text(doc, id)),
        Format::Count => Ok(String::new()),
    }
}

/// How many inputs are read and analyzed at once (in parallel), keeping
/// memory bounded and the output in input order.
const BATCH: usize = 64;

/// How many failed inputs the summary names; the rest are counted (each
/// was reported on its own line already).
const NAMED_FAILURES: usize = 5;

/// `newsnlp analyze [--json|--count] [FILES|DIRS|-]`.
pub fn files(
    pipeline: &Pipeline,
    inputs: &[PathBuf],
    format: Format,
    limits: Limits,
) -> Result<(), CliError> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    if inputs.is_empty() {
        let doc = pipeline.analyze(SEED_ARTICLE);
        if format == Format::Count {
            return write_counts(&mut out, Counts::of(&doc));
        }
        out.write_all(render(&doc, None, format)?.as_bytes())?;
        return Ok(out.flush()?);
    }
    let mut walk = Walk::new(inputs);
    let mut batch: Vec<_> = walk.by_ref().take(BATCH).collect();
    let many = batch.len() > 1;
    let bar = progress(batch.len() == BATCH);
    let mut failures = Vec::new();
    let mut seen = 0usize;
    let mut total = Counts::default();
    while !batch.is_empty() {
        let single = batch.len() == 1;
        let results: Vec<Result<(String, Counts), CliError>> = batch
            .par_iter()
            .map(|item| {
                // A walk error is reported as it is below.
                let Ok(path) = item else {
                    return Err(CliError::Reported);
                };
                if format == Format::Count && single {
                    // One large input: analyzed in parts cut at blank lines,
                    // on all cores, read as a stream (counts only).
                    let c = parts::sum(
                        path,
                        limits,
                        |p| Counts::of(&pipeline.analyze(p)),
                        Counts::add,
                    )?;
                    return Ok((String::new(), c));
                }
                let text = input::read_text(path, limits.doc)?;
                let doc = pipeline.analyze(&text);
                let id = many.then(|| path.to_string_lossy().into_owned());
                Ok((render(&doc, id.as_deref(), format)?, Counts::of(&doc)))
            })
            .collect();
        seen += batch.len();
        for (item, r) in batch.into_iter().zip(results) {
            let (name, r) = match item {
                Ok(path) => (path.to_string_lossy().into_owned(), r),
                Err(e) => (e.subject(), Err(e)),
            };
            match r {
                Ok((s, c)) => {
                    out.write_all(s.as_bytes())?;
                    total = total.add(c);
                }
                Err(e) => {
                    out.flush()?;
                    input::note(&e);
                    failures.push(name);
                }
            }
            if let Some(b) = &bar {
                b.inc(1);
            }
        }
        batch = walk.by_ref().take(BATCH).collect();
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if format == Format::Count {
        write_counts(&mut out, total)?;
    }
    out.flush()?;
    if seen == 1 && failures.len() == 1 {
        // The one error was printed already: exit 1 without a summary.
        return Err(CliError::Reported);
    }
    if !failures.is_empty() {
        return Err(CliError::Input(summary(&failures, seen)));
    }
    Ok(())
}

/// The last line of a batch with failures: how many, and the first few.
fn summary(failures: &[String], inputs: usize) -> String {
    let mut s = format!("{} of {inputs} inputs failed: ", failures.len());
    s.push_str(&failures[..failures.len().min(NAMED_FAILURES)].join(", "));
    if failures.len() > NAMED_FAILURES {
        s.push_str(&format!(
            " and {} more (each reported above)",
            failures.len() - NAMED_FAILURES
        ));
    }
    s
}

fn write_counts(out: &mut impl Write, c: Counts) -> Result<(), CliError> {
    writeln!(
        out,
        "sentences {}\ntokens {}\nentities {}\nquotes {}\nstances {}",
        c.sentences, c.tokens, c.entities, c.quotes, c.stances
    )?;
    Ok(out.flush()?)
}

/// Lines analyzed at once from a JSONL stream, at most.
const JSONL_LINES: usize = 256;
/// Bytes of input lines analyzed at once, at most (their analyses, held
/// until written in order, are a few times larger): long lines make small
/// batches.
const JSONL_BYTES: usize = 8 << 20;

/// An input line's id: its value, and the raw JSON text of a number, which
/// is echoed as it came (a number beyond 64 bits would lose digits).
struct Id {
    value: Value,
    raw: Option<Box<RawValue>>,
}

impl Id {
    const NONE: Id = Id {
        value: Value::Null,
        raw: None,
    };

    /// The id of `line`, parsed as `v`.
    fn of(line: &str, v: &Value) -> Id {
        #[derive(serde::Deserialize)]
        struct RawId {
            id: Option<Box<RawValue>>,
        }
        let value = v.get("id").cloned().unwrap_or(Value::Null);
        let raw = match value {
            Value::Number(_) => serde_json::from_str::<RawId>(line).ok().and_then(|r| r.id),
            _ => None,
        };
        Id { value, raw }
    }

    /// `obj` with this id, as one line of JSON.
    fn line(&self, mut obj: Map<String, Value>) -> String {
        obj.insert("id".into(), self.value.clone());
        match &self.raw {
            Some(raw) => serde_json::to_string(&RawIdObject { obj: &obj, raw })
                .unwrap_or_else(|_| Value::Object(obj).to_string()),
            None => Value::Object(obj).to_string(),
        }
    }
}

/// An object written as `serde_json` writes it, but with the raw id.
struct RawIdObject<'a> {
    obj: &'a Map<String, Value>,
    raw: &'a RawValue,
}

impl serde::Serialize for RawIdObject<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.obj.len()))?;
        for (k, v) in self.obj {
            if k == "id" {
                map.serialize_entry(k, self.raw)?;
            } else {
                map.serialize_entry(k, v)?;
            }
        }
        map.end()
    }
}

/// The analysis of one JSONL line, or its id and why there is none.
fn jsonl_line(pipeline: &Pipeline, line: &Line) -> Result<String, (Id, String)> {
    let line = line.as_ref().map_err(|e| (Id::NONE, e.clone()))?;
    let v: Value = serde_json::from_str(line).map_err(|e| (Id::NONE, format!("not JSON: {e}")))?;
    let id = Id::of(line, &v);
    let Some(text) = v["text"].as_str() else {
        return Err((id, "missing string field \"text\"".to_owned()));
    };
    let doc = pipeline.analyze(text);
    match crate::fields::to_value(&doc) {
        Ok(Value::Object(obj)) => Ok(id.line(obj)),
        Ok(other) => Ok(other.to_string()),
        Err(e) => Err((id, e.to_string())),
    }
}

/// `newsnlp analyze --jsonl FILE|-`: `{"id", "text"}` lines in, one
/// `{"id", …analysis}` line out per input line, in order, in bounded memory.
/// A malformed line (or one over the cap) is reported on stderr with its
/// number, answered with `{"id", "error"}`, and makes the exit code 1.
pub fn jsonl(pipeline: &Pipeline, path: &Path, limits: Limits) -> Result<(), CliError> {
    let name = path.to_string_lossy();
    let mut reader = input::open_lines(path, limits.line)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut line_no = 0usize;
    let mut failures = 0usize;
    loop {
        let batch = input::read_batch(&mut reader, JSONL_LINES, JSONL_BYTES)
            .map_err(|e| CliError::Input(format!("{name}: {e}")))?;
        if batch.is_empty() {
            break;
        }
        let rendered: Vec<_> = batch
            .par_iter()
            .map(|line| jsonl_line(pipeline, line))
            .collect();
        drop(batch);
        for r in rendered {
            line_no += 1;
            match r {
                Ok(s) => writeln!(out, "{s}")?,
                Err((id, e)) => {
                    failures += 1;
                    out.flush()?;
                    input::note(format_args!("{name}: line {line_no}: {e}"));
                    let mut obj = Map::new();
                    obj.insert("error".into(), Value::String(e));
                    writeln!(out, "{}", id.line(obj))?;
                }
            }
        }
    }
    out.flush()?;
    if failures > 0 {
        return Err(CliError::Input(format!(
            "{name}: {failures} malformed line(s) skipped"
        )));
    }
    Ok(())
}

/// `newsnlp analyze --html OUT [FILE|-]`: the page for one input (the seed
/// article when none is given).
pub fn html(
    pipeline: &Pipeline,
    inputs: &[PathBuf],
    out: &Path,
    limits: Limits,
) -> Result<(), CliError> {
    let (text, title) = match inputs {
        [] => (SEED_ARTICLE.to_owned(), "seed article".to_owned()),
        [one] => (
            input::read_text(one, limits.doc)?,
            one.to_string_lossy().into_owned(),
        ),
        _ => {
            return Err(CliError::Input(
                "--html writes one page: give one input".into(),
            ));
        }
    };
    let doc = pipeline.analyze(&text);
    let page = crate::html::page(&doc, &title);
    std::fs::write(out, page)
        .map_err(|e| CliError::Input(format!("{}: cannot write: {e}", out.to_string_lossy())))
}
