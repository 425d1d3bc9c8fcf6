//! The subcommands that run one library layer: tokenize, entities, stance.

use std::io::{self, Write};
use std::path::Path;

use newsnlp::gazetteer::{Gazetteer, GazetteerBuilder};
use newsnlp::stance::TargetSentiment;
use newsnlp::tokenize::Tokenizer;
use rayon::prelude::*;
use serde_json::json;

use crate::input::{self, CliError, Limits};
use crate::parts;

/// Query lines answered at once by `stance --jsonl`, at most, and their
/// bytes at most (at least one line).
const STANCE_LINES: usize = 4096;
const STANCE_BYTES: usize = 8 << 20;

/// Sums a pair of counts over the parts of a large input (see [`parts`]).
fn count_parts<F>(path: &Path, limits: Limits, count: F) -> Result<(usize, usize), CliError>
where
    F: Fn(&str) -> (usize, usize) + Sync + Send,
{
    parts::sum(path, limits, count, |a, b| (a.0 + b.0, a.1 + b.1))
}

fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// `newsnlp tokenize [--json|--count] FILE|-`
pub fn tokenize(path: &Path, json: bool, count: bool, limits: Limits) -> Result<(), CliError> {
    let tokenizer = Tokenizer::new();
    let mut out = stdout();
    if count {
        let (tokens, sentences) = count_parts(path, limits, |part| {
            let (mut tokens, mut sentences) = (0, 0);
            tokenizer.for_each_paragraph(part, |t, s| {
                tokens += t.len();
                sentences += s.len();
            });
            (tokens, sentences)
        })?;
        writeln!(out, "sentences {sentences}\ntokens {tokens}")?;
        return Ok(out.flush()?);
    }
    let text = input::read_text(path, limits.doc)?;
    let doc = tokenizer.tokenize(&text);
    if json {
        out.write_all(b"{\"sentences\": [")?;
        for (i, s) in doc.sentences().iter().enumerate() {
            if i > 0 {
                out.write_all(b", ")?;
            }
            write!(
                out,
                "{{\"start\": {}, \"end\": {}, \"tokens\": [",
                s.span.start, s.span.end
            )?;
            for (k, t) in doc.sentence_tokens(s).iter().enumerate() {
                let sep = if k > 0 { ", " } else { "" };
                write!(out, "{sep}[{}, {}]", t.span.start, t.span.end)?;
            }
            out.write_all(b"]}")?;
        }
        out.write_all(b"]}\n")?;
    } else {
        for s in doc.sentences() {
            let words: Vec<&str> = doc.sentence_tokens(s).iter().map(|t| t.text).collect();
            writeln!(out, "{}", words.join(" | "))?;
        }
    }
    Ok(out.flush()?)
}

/// Loads the gazetteer named on the command line, or the default one.
pub fn load_gazetteer(path: Option<&Path>) -> Result<Gazetteer, CliError> {
    match path {
        None => Ok(Gazetteer::default()),
        // The gazetteer's errors name the file (and the line or offset).
        Some(p) => {
            let gaz = GazetteerBuilder::new()
                .build_from_path(p)
                .map_err(|e| CliError::Input(e.to_string()))?;
            // Skipped rows (an empty alias, an unknown kind) are said, not
            // dropped silently.
            for w in gaz.warnings() {
                input::note(format_args!("{}: {w}", p.display()));
            }
            Ok(gaz)
        }
    }
}

/// `newsnlp entities [--gazetteer FILE] [--json|--count] FILE|-`: the
/// gazetteer's mentions and the names it does not list, as `analyze`
/// lists them.
pub fn entities(
    path: &Path,
    gazetteer: Option<&Path>,
    (json, count): (bool, bool),
    limits: Limits,
) -> Result<(), CliError> {
    let gaz = load_gazetteer(gazetteer)?;
    let pipeline = newsnlp::Pipeline::builder()
        .shared_gazetteer(std::sync::Arc::new(gaz))
        .quotes(false)
        .stances(false)
        .build();
    let mut out = stdout();
    if count {
        let (mentions, linked) = count_parts(path, limits, |part| {
            let doc = pipeline.analyze(part);
            let found = doc.mentions();
            let linked = found.iter().filter(|m| m.name().is_some()).count();
            (found.len(), linked)
        })?;
        writeln!(out, "mentions {mentions}\nlinked {linked}")?;
        return Ok(out.flush()?);
    }
    let text = input::read_text(path, limits.doc)?;
    let doc = pipeline.analyze(&text);
    if json {
        serde_json::to_writer(&mut out, &json!({ "entities": doc.mentions() }))
            .map_err(|e| CliError::Write(e.into()))?;
        out.write_all(b"\n")?;
    } else {
        for m in doc.mentions() {
            let span = m.span.range();
            let who = match (m.name(), m.kind()) {
                (Some(name), Some(kind)) if m.known => format!("{name} ({kind})"),
                (Some(name), Some(kind)) => format!("{name} ({kind}, not in the gazetteer)"),
                _ => {
                    let names: Vec<&str> = m.candidates.iter().map(|c| &*c.0).collect();
                    format!("ambiguous: {}", names.join(" | "))
                }
            };
            writeln!(
                out,
                "{}..{}\t{}\t{}",
                span.start,
                span.end,
                &text[span.clone()],
                who
            )?;
        }
    }
    Ok(out.flush()?)
}

/// `newsnlp quotes [--json|--count] FILE|-`
pub fn quotes(path: &Path, json: bool, count: bool, limits: Limits) -> Result<(), CliError> {
    let pipeline = newsnlp::Pipeline::builder().stances(false).build();
    let mut out = stdout();
    if count {
        let (quotes, attributed) = count_parts(path, limits, |part| {
            let doc = pipeline.analyze(part);
            let attributed = doc.quotes().iter().filter(|q| q.speaker.is_some()).count();
            (doc.quotes().len(), attributed)
        })?;
        writeln!(out, "quotes {quotes}\nattributed {attributed}")?;
        return Ok(out.flush()?);
    }
    let text = input::read_text(path, limits.doc)?;
    let doc = pipeline.analyze(&text);
    if json {
        serde_json::to_writer(&mut out, &json!({ "quotes": doc.quotes() }))
            .map_err(|e| CliError::Write(e.into()))?;
        out.write_all(b"\n")?;
    } else {
        out.write_all(crate::report::quotes(&doc).as_bytes())?;
    }
    Ok(out.flush()?)
}

/// Answers one `{"text", "target": [s, e]}` query line.
fn stance_line(model: &TargetSentiment, line: &str) -> Result<&'static str, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let text = v["text"].as_str().ok_or("missing string field \"text\"")?;
    let target = v["target"]
        .as_array()
        .filter(|a| a.len() == 2)
        .and_then(|a| Some(a[0].as_u64()? as usize..a[1].as_u64()? as usize))
        .ok_or("field \"target\" must be [start, end]")?;
    let [start, end] = [target.start, target.end];
    let wrong = if start.max(end) > text.len() {
        format!("outside the text ({} bytes)", text.len())
    } else if start > end {
        "reversed".to_owned()
    } else if start == end {
        "empty".to_owned()
    } else if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        "inside a character (spans are UTF-8 byte offsets)".to_owned()
    } else {
        return Ok(model.classify(text, target).polarity.as_str());
    };
    Err(format!("target [{start}, {end}] is {wrong}"))
}

/// `newsnlp stance --jsonl FILE|-`: one answer line per query line, in
/// order; a bad line answers `{"error": …}` in its place, is reported on
/// stderr with its line number, and makes the exit code 1.
pub fn stance_jsonl(path: &Path, limits: Limits) -> Result<(), CliError> {
    let name = path.to_string_lossy();
    let model = TargetSentiment::new();
    let mut reader = input::open_lines(path, limits.line)?;
    let mut out = stdout();
    let mut failures = 0usize;
    let mut line_no = 0usize;
    loop {
        let batch = input::read_batch(&mut reader, STANCE_LINES, STANCE_BYTES)
            .map_err(|e| CliError::Input(format!("{name}: {e}")))?;
        if batch.is_empty() {
            break;
        }
        let answers: Vec<Result<&str, String>> = batch
            .par_iter()
            .map(|l| match l {
                Err(e) => Err(e.clone()),
                Ok(l) if l.trim().is_empty() => Err("empty line".to_owned()),
                Ok(l) => stance_line(&model, l),
            })
            .collect();
        for a in answers {
            line_no += 1;
            match a {
                Ok(p) => writeln!(out, "{{\"polarity\": \"{p}\"}}")?,
                Err(e) => {
                    failures += 1;
                    out.flush()?;
                    input::note(format_args!("{name}: line {line_no}: {e}"));
                    serde_json::to_writer(&mut out, &json!({ "error": e }))
                        .map_err(|e| CliError::Write(e.into()))?;
                    out.write_all(b"\n")?;
                }
            }
        }
    }
    out.flush()?;
    if failures > 0 {
        return Err(CliError::Input(format!("{name}: {failures} bad line(s)")));
    }
    Ok(())
}

/// `newsnlp stance [--json] FILE|-`: the document's stance triples,
/// readably (holder → target: polarity, certainty, evidence) or as JSON.
pub fn stance_document(path: &Path, json: bool, limits: Limits) -> Result<(), CliError> {
    let text = input::read_text(path, limits.doc)?;
    let pipeline = newsnlp::Pipeline::new();
    let doc = pipeline.analyze(&text);
    let mut out = stdout();
    if json {
        serde_json::to_writer(&mut out, &json!({ "stances": doc.stances() }))
            .map_err(|e| CliError::Write(e.into()))?;
        out.write_all(b"\n")?;
    } else {
        out.write_all(crate::report::stances(&doc).as_bytes())?;
    }
    Ok(out.flush()?)
}
