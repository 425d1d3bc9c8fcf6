//! `newsnlp analyze`: the whole pipeline over the seed article, files,
//! directories, standard input or a JSONL stream.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use newsnlp::{Document, Pipeline, SEED_ARTICLE};
use rayon::prelude::*;
use serde_json::json;

use crate::input::{self, CliError};

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

/// Inputs named on the command line, directories expanded (sorted, files
/// only, recursively), or the bundled seed article when there are none.
fn expand(inputs: &[String]) -> Result<Vec<String>, CliError> {
    let mut out = Vec::new();
    for name in inputs {
        let p = Path::new(name);
        if name != "-" && p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files).map_err(|source| CliError::Read {
                name: name.clone(),
                source,
            })?;
            files.sort();
            out.extend(files.into_iter().map(|f| f.to_string_lossy().into_owned()));
        } else {
            out.push(name.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn progress(n: u64) -> Option<indicatif::ProgressBar> {
    if n < 50 || !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(n);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} eta {eta}")
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
            entities: doc.entities().len(),
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
            let mut v = serde_json::to_value(doc).map_err(|e| CliError::Write(e.into()))?;
            if let (Some(id), Some(obj)) = (id, v.as_object_mut()) {
                obj.insert("id".into(), json!(id));
            }
            Ok(v.to_string() + "\n")
        }
        Format::Text => Ok(crate::report::text(doc, id)),
        Format::Count => Ok(String::new()),
    }
}

/// `newsnlp analyze [--json|--count] [FILES|DIRS|-]`.
pub fn files(pipeline: &Pipeline, inputs: &[String], format: Format) -> Result<(), CliError> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    if inputs.is_empty() {
        let doc = pipeline.analyze(SEED_ARTICLE);
        if format == Format::Count {
            return write_counts(&mut out, Counts::of(&doc));
        }
        out.write_all(render(&doc, None, format)?.as_bytes())?;
        return Ok(out.flush()?);
    }
    let names = expand(inputs)?;
    let many = names.len() > 1;
    let bar = progress(names.len() as u64);
    let mut failures = Vec::new();
    let mut total = Counts::default();
    // Batches keep memory bounded and output in input order.
    for batch in names.chunks(64) {
        let results: Vec<Result<(String, Counts), CliError>> = batch
            .par_iter()
            .map(|name| {
                let text = input::read_text(name)?;
                if format == Format::Count && batch.len() == 1 {
                    // One large input: analyzed in parts cut at blank lines,
                    // on all cores (counts only).
                    let parts = input::split_paragraphs(&text, input::PART);
                    let c = parts
                        .par_iter()
                        .map(|p| Counts::of(&pipeline.analyze(p)))
                        .reduce(Counts::default, Counts::add);
                    return Ok((String::new(), c));
                }
                let doc = pipeline.analyze(&text);
                let id = many.then_some(name.as_str());
                Ok((render(&doc, id, format)?, Counts::of(&doc)))
            })
            .collect();
        for (name, r) in batch.iter().zip(results) {
            match r {
                Ok((s, c)) => {
                    out.write_all(s.as_bytes())?;
                    total = total.add(c);
                }
                Err(e) => {
                    out.flush()?;
                    eprintln!("newsnlp: {e}");
                    failures.push(name.clone());
                }
            }
            if let Some(b) = &bar {
                b.inc(1);
            }
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if format == Format::Count {
        write_counts(&mut out, total)?;
    }
    out.flush()?;
    if names.len() == 1 && failures.len() == 1 {
        // The one error was printed already: exit 1 without a summary.
        return Err(CliError::Reported);
    }
    if !failures.is_empty() {
        return Err(CliError::Input(format!(
            "{} of {} inputs failed: {}",
            failures.len(),
            names.len(),
            failures.join(", ")
        )));
    }
    Ok(())
}

fn write_counts(out: &mut impl Write, c: Counts) -> Result<(), CliError> {
    writeln!(
        out,
        "sentences {}\ntokens {}\nentities {}\nquotes {}\nstances {}",
        c.sentences, c.tokens, c.entities, c.quotes, c.stances
    )?;
    Ok(out.flush()?)
}

/// `newsnlp analyze --jsonl FILE|-`: `{"id", "text"}` lines in, one
/// `{"id", …analysis}` line out per input line, in order, in bounded memory.
/// A malformed line is reported on stderr with its number, answered with
/// `{"id", "error"}`, and makes the exit code 1.
pub fn jsonl(pipeline: &Pipeline, path: &str) -> Result<(), CliError> {
    let mut reader = input::open_lines(path)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut line_no = 0usize;
    let mut failures = 0usize;
    loop {
        let batch = input::read_batch(&mut reader, 256)
            .map_err(|e| CliError::Input(format!("{path}: {e}")))?;
        if batch.is_empty() {
            break;
        }
        let rendered: Vec<Result<String, (serde_json::Value, String)>> = batch
            .par_iter()
            .map(|line| {
                let line = line.as_ref().map_err(|e| (json!(null), e.clone()))?;
                let v: serde_json::Value = serde_json::from_str(line)
                    .map_err(|e| (json!(null), format!("not JSON: {e}")))?;
                let id = v.get("id").cloned().unwrap_or(json!(null));
                let text = v["text"]
                    .as_str()
                    .ok_or_else(|| (id.clone(), "missing string field \"text\"".to_owned()))?;
                let doc = pipeline.analyze(text);
                let mut a = serde_json::to_value(&doc).map_err(|e| (id.clone(), e.to_string()))?;
                if let Some(obj) = a.as_object_mut() {
                    obj.insert("id".into(), id);
                }
                Ok(a.to_string())
            })
            .collect();
        for r in rendered {
            line_no += 1;
            match r {
                Ok(s) => writeln!(out, "{s}")?,
                Err((id, e)) => {
                    failures += 1;
                    out.flush()?;
                    eprintln!("newsnlp: {path}: line {line_no}: {e}");
                    writeln!(out, "{}", json!({"id": id, "error": e}))?;
                }
            }
        }
    }
    out.flush()?;
    if failures > 0 {
        return Err(CliError::Input(format!(
            "{path}: {failures} malformed line(s) skipped"
        )));
    }
    Ok(())
}

/// `newsnlp analyze --html OUT [FILE|-]`: the page for one input (the seed
/// article when none is given).
pub fn html(pipeline: &Pipeline, inputs: &[String], out: &str) -> Result<(), CliError> {
    let (text, title) = match inputs {
        [] => (SEED_ARTICLE.to_owned(), "seed article".to_owned()),
        [one] => (input::read_text(one)?, one.clone()),
        _ => {
            return Err(CliError::Input(
                "--html writes one page: give one input".into(),
            ));
        }
    };
    let doc = pipeline.analyze(&text);
    let page = crate::html::page(&doc, &title);
    std::fs::write(out, page).map_err(|e| CliError::Input(format!("{out}: cannot write: {e}")))
}
