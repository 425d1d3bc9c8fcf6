//! Reading inputs and reporting their errors on one line.

use std::fmt;
use std::io::{self, Read};

/// An error the CLI reports on one line before exiting 1.
#[derive(Debug)]
pub enum CliError {
    /// An input that could not be read.
    Read { name: String, source: io::Error },
    /// An input that is not UTF-8.
    Utf8 { name: String, offset: usize },
    /// Writing the output failed.
    Write(io::Error),
    /// Bad input, already worded (file and line or offset).
    Input(String),
    /// An error already reported on stderr: only the exit code is left.
    Reported,
}

impl CliError {
    /// A closed stdout (`newsnlp … | head`) is not an error.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Write(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Read { name, source } => write!(f, "{name}: cannot read: {source}"),
            CliError::Utf8 { name, offset } => {
                write!(f, "{name}: not valid UTF-8 at byte offset {offset}")
            }
            CliError::Write(e) => write!(f, "cannot write output: {e}"),
            CliError::Input(s) => f.write_str(s),
            CliError::Reported => Ok(()),
        }
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Write(e)
    }
}

/// Reads a whole input (`-` is standard input) as UTF-8.
pub fn read_text(name: &str) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    let res = if name == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(name).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    let label = if name == "-" { "<stdin>" } else { name };
    res.map_err(|source| CliError::Read {
        name: label.to_owned(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| CliError::Utf8 {
        name: label.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Opens an input (`-` is standard input) for reading line by line.
pub fn open_lines(name: &str) -> Result<Box<dyn io::BufRead>, CliError> {
    if name == "-" {
        return Ok(Box::new(io::BufReader::new(io::stdin())));
    }
    let f = std::fs::File::open(name).map_err(|source| CliError::Read {
        name: name.to_owned(),
        source,
    })?;
    Ok(Box::new(io::BufReader::with_capacity(1 << 16, f)))
}

/// Reads up to `n` lines; each is its text, or the error for a line that
/// is not UTF-8 (with the byte offset inside the line), so that one bad
/// line never stops a stream. An empty result means the end.
pub fn read_batch(
    reader: &mut dyn io::BufRead,
    n: usize,
) -> io::Result<Vec<Result<String, String>>> {
    let mut batch = Vec::with_capacity(n.min(4096));
    let mut buf = Vec::new();
    while batch.len() < n {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        batch.push(match String::from_utf8(std::mem::take(&mut buf)) {
            Ok(s) => Ok(s),
            Err(e) => Err(format!(
                "not valid UTF-8 at byte offset {} of the line",
                e.utf8_error().valid_up_to()
            )),
        });
    }
    Ok(batch)
}

/// Splits `text` at paragraph breaks (blank lines, where every layer starts
/// afresh) into parts of about [`PART`] bytes and sums `f` over the parts on
/// all cores. Only for counts: spans would be relative to each part. The
/// parts do not depend on the number of cores, so neither do the counts.
pub fn count_parallel<F>(text: &str, f: F) -> (usize, usize)
where
    F: Fn(&str) -> (usize, usize) + Sync,
{
    use rayon::prelude::*;
    split_paragraphs(text, PART)
        .par_iter()
        .map(|p| f(p))
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
}

/// The size of the parts a large input is cut into for counting: small
/// enough that a part's tokens stay in cache, large enough to amortize.
pub const PART: usize = 256 * 1024;

/// Cuts `text` into parts of at least `size` bytes (the last may be
/// shorter), each ending at a blank line.
pub fn split_paragraphs(text: &str, size: usize) -> Vec<&str> {
    let mut parts = Vec::with_capacity(text.len() / size.max(1) + 1);
    let mut start = 0;
    while start < text.len() {
        let want = (start + size.max(1)).min(text.len());
        let cut = if want >= text.len() {
            text.len()
        } else {
            next_cut(text, want)
        };
        parts.push(&text[start..cut]);
        start = cut;
    }
    parts
}

/// The first blank-line break at or after `from` where the next paragraph
/// does not open with a quote mark (news quotes run over paragraphs that
/// each open with one), or the end of the text.
fn next_cut(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(k) = b[i..].windows(2).position(|w| w == b"\n\n") {
        let cut = i + k + 2;
        let next = text[cut..].trim_start();
        if !next.starts_with(['"', '\'', '\u{201C}', '\u{2018}', '\u{00AB}', '\u{201E}']) {
            return cut;
        }
        i = cut;
    }
    text.len()
}
