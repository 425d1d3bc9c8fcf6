//! Reading inputs as streams and reporting their errors on one line: whole
//! documents up to a byte cap, checked as UTF-8 while they arrive (the
//! first bad byte stops the read at once, with its offset), and JSONL lines
//! up to a byte cap each, in batches bounded in lines and in bytes.

use std::fmt;
use std::io::{self, BufRead, Read, Write};
use std::path::Path;

/// The default cap on one document and on one JSONL line: 64 MiB.
pub const DEFAULT_CAP: usize = 64 << 20;

/// The byte caps set on the command line.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest JSONL line (`--max-line-bytes`), newline excluded.
    pub line: usize,
    /// Largest document (`--max-doc-bytes`): a file, standard input, or a
    /// part of a large input cut for `--count`.
    pub doc: usize,
}

/// An error the CLI reports on one line before exiting 1.
#[derive(Debug)]
pub enum CliError {
    /// An input that could not be read.
    Read { name: String, source: io::Error },
    /// An input that is not UTF-8.
    Utf8 { name: String, offset: u64 },
    /// An input (or a part of one) over the document cap.
    TooLarge { name: String, cap: usize },
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

    /// The input the error is about, for a summary.
    pub fn subject(&self) -> String {
        match self {
            CliError::Read { name, .. }
            | CliError::Utf8 { name, .. }
            | CliError::TooLarge { name, .. } => name.clone(),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Read { name, source } => write!(f, "{name}: cannot read: {source}"),
            CliError::Utf8 { name, offset } => {
                write!(f, "{name}: not valid UTF-8 at byte offset {offset}")
            }
            CliError::TooLarge { name, cap } => write!(
                f,
                "{name}: a document of more than {cap} bytes (the cap of --max-doc-bytes)"
            ),
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

/// Writes `newsnlp: {msg}` on stderr; a stderr that cannot be written
/// (a full disk, a closed pipe) loses the message but stops nothing.
pub fn note(msg: impl fmt::Display) {
    let _ = writeln!(io::stderr().lock(), "newsnlp: {msg}");
}

/// Whether `path` names standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The name of an input in messages and ids: lossy for names that are not
/// UTF-8, `<stdin>` for `-`.
pub fn label(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_owned()
    } else {
        path.to_string_lossy().into_owned()
    }
}

/// Opens an input (`-` is standard input).
pub fn open(path: &Path) -> Result<Box<dyn Read + Send>, CliError> {
    if is_stdin(path) {
        return Ok(Box::new(io::stdin()));
    }
    match std::fs::File::open(path) {
        Ok(f) => Ok(Box::new(f)),
        Err(source) => Err(CliError::Read {
            name: label(path),
            source,
        }),
    }
}

/// The bytes read so far from one input, checked as UTF-8 as they come:
/// the checked text is kept as a `String`, so that handing a part out
/// (and reading it) checks nothing again.
pub struct Utf8Buf {
    /// The checked text not yet handed out.
    pub text: String,
    /// The bytes read after `text` that do not end a character yet (a
    /// character cut by the end of a read; at most three bytes).
    pending: Vec<u8>,
    /// Where a read goes before it is checked (kept for its capacity).
    scratch: Vec<u8>,
    /// Offset in the input of `text`'s first byte.
    pub base: u64,
    /// The input has no more bytes.
    pub eof: bool,
    /// The input's name, for errors.
    pub name: String,
    /// How much one read asks for.
    pub chunk: usize,
}

/// How much one read asks for, by default.
const CHUNK: usize = 64 * 1024;

impl Utf8Buf {
    /// An empty buffer for the input called `name`.
    pub fn new(name: String) -> Utf8Buf {
        Utf8Buf {
            text: String::new(),
            pending: Vec::new(),
            scratch: Vec::new(),
            base: 0,
            eof: false,
            name,
            chunk: CHUNK,
        }
    }

    /// The length of the checked text not yet handed out.
    pub fn checked(&self) -> usize {
        self.text.len()
    }

    /// The number of bytes read and not yet handed out, checked or not.
    pub fn held(&self) -> usize {
        self.text.len() + self.pending.len()
    }

    /// Reads up to one more chunk and checks it: the first invalid byte is
    /// an error at once, with its offset in the input.
    pub fn fill(&mut self, r: &mut dyn Read) -> Result<(), CliError> {
        let mut raw = std::mem::take(&mut self.scratch);
        raw.clear();
        raw.append(&mut self.pending);
        // Room for the whole chunk first: `read_to_end` would otherwise
        // probe and grow the buffer in small steps.
        raw.reserve(self.chunk);
        let n = r
            .take(self.chunk as u64)
            .read_to_end(&mut raw)
            .map_err(|source| CliError::Read {
                name: self.name.clone(),
                source,
            })?;
        self.eof = n == 0;
        let result = match std::str::from_utf8(&raw) {
            Ok(text) => {
                self.text.push_str(text);
                Ok(())
            }
            // A character cut by the end of the chunk: the next read ends it.
            Err(e) if e.error_len().is_none() && !self.eof => {
                let (valid, cut) = raw.split_at(e.valid_up_to());
                // The checked prefix again (only a read that ends inside a
                // character costs this).
                self.text
                    .push_str(std::str::from_utf8(valid).unwrap_or_default());
                self.pending.extend_from_slice(cut);
                Ok(())
            }
            Err(e) => Err(CliError::Utf8 {
                name: self.name.clone(),
                offset: self.base + (self.text.len() + e.valid_up_to()) as u64,
            }),
        };
        self.scratch = raw;
        result
    }

    /// Hands out `text[..end]` (`end` a char boundary; one inside a
    /// character hands out up to that character).
    pub fn take(&mut self, end: usize) -> String {
        let end = self.text.floor_char_boundary(end);
        let rest = self.text.split_off(end);
        self.base += end as u64;
        std::mem::replace(&mut self.text, rest)
    }
}

/// Reads a whole input (`-` is standard input) as UTF-8, up to `cap` bytes.
pub fn read_text(path: &Path, cap: usize) -> Result<String, CliError> {
    let mut r = open(path)?;
    let mut buf = Utf8Buf::new(label(path));
    while !buf.eof {
        buf.fill(&mut r)?;
        if buf.held() > cap {
            return Err(CliError::TooLarge {
                name: buf.name,
                cap,
            });
        }
    }
    let end = buf.checked();
    Ok(buf.take(end))
}

/// Opens an input (`-` is standard input) for reading line by line.
pub fn open_lines(path: &Path, cap: usize) -> Result<Lines, CliError> {
    Ok(Lines {
        reader: io::BufReader::with_capacity(1 << 16, open(path)?),
        cap,
        line_no: 0,
        abandoned: false,
    })
}

/// The lines of a JSONL stream, each up to a byte cap.
pub struct Lines {
    reader: io::BufReader<Box<dyn Read + Send>>,
    cap: usize,
    line_no: usize,
    /// A line had no end in sight: the rest of the stream is not read.
    abandoned: bool,
}

/// One line: its text, or why it has none (not UTF-8, over the cap).
pub type Line = Result<String, String>;

impl Lines {
    /// The next line, or `None` at the end. A line over the cap is an error
    /// item and is skipped to its end without keeping it; one with no end
    /// within another cap's worth of bytes (`/dev/zero`) ends the stream.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        if self.abandoned {
            return Ok(None);
        }
        let mut buf = Vec::new();
        let mut over = 0usize;
        let mut any = false;
        loop {
            let avail = match self.reader.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                break;
            }
            any = true;
            let (take, end) = match memchr::memchr(b'\n', avail) {
                Some(k) => (k + 1, true),
                None => (avail.len(), false),
            };
            let body = take - usize::from(end);
            if over == 0 && buf.len() + body <= self.cap {
                buf.extend_from_slice(&avail[..take]);
            } else {
                over += buf.len() + body;
                buf = Vec::new();
            }
            self.reader.consume(take);
            if end {
                break;
            }
            if over > self.cap.saturating_mul(2) {
                self.abandoned = true;
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.line_no += 1;
        if over > 0 {
            let mut e = format!(
                "a line of more than {} bytes (the cap of --max-line-bytes)",
                self.cap
            );
            if self.abandoned {
                e.push_str(", with no end in sight: the rest of the stream is not read");
            }
            return Ok(Some(Err(e)));
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        // A byte order mark before the first line is no part of it.
        if self.line_no == 1 && buf.starts_with("\u{FEFF}".as_bytes()) {
            buf.drain(..3);
        }
        Ok(Some(String::from_utf8(buf).map_err(|e| {
            format!(
                "not valid UTF-8 at byte offset {} of the line",
                e.utf8_error().valid_up_to()
            )
        })))
    }
}

/// Reads up to `n` lines, and no more once they hold `bytes` bytes (at
/// least one line); each is its text, or the error for a line that has
/// none, so that one bad line never stops a stream. An empty result means
/// the end.
pub fn read_batch(lines: &mut Lines, n: usize, bytes: usize) -> io::Result<Vec<Line>> {
    let mut batch = Vec::with_capacity(n.min(4096));
    let mut held = 0;
    while batch.len() < n && held < bytes {
        match lines.next_line()? {
            Some(line) => {
                held += line.as_ref().map_or(0, String::len);
                batch.push(line);
            }
            None => break,
        }
    }
    Ok(batch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(bytes: &'static [u8], cap: usize) -> Vec<Line> {
        let mut lines = Lines {
            reader: io::BufReader::with_capacity(16, Box::new(bytes)),
            cap,
            line_no: 0,
            abandoned: false,
        };
        let mut out = Vec::new();
        while let Some(l) = lines.next_line().expect("read") {
            out.push(l);
        }
        out
    }

    #[test]
    fn lines_are_capped_and_skipped_to_their_end() {
        let got = lines_of(b"\xEF\xBB\xBFab\nabcdefghijklmnop\r\n\xff\n\nlast", 8);
        assert_eq!(got[0], Ok("ab".to_owned()));
        assert!(
            got[1]
                .as_ref()
                .is_err_and(|e| e.contains("more than 8 bytes"))
        );
        assert!(got[2].as_ref().is_err_and(|e| e.contains("offset 0")));
        assert_eq!(got[3..], [Ok(String::new()), Ok("last".to_owned())]);
    }

    #[test]
    fn a_line_without_end_ends_the_stream() {
        let got = lines_of(&[0u8; 100], 8);
        assert_eq!(got.len(), 1);
        assert!(got[0].as_ref().is_err_and(|e| e.contains("not read")));
    }

    #[test]
    fn utf8_errors_are_found_at_their_offset_across_chunks() {
        let mut text = "é".repeat(CHUNK).into_bytes();
        text.push(0xff);
        let mut buf = Utf8Buf::new("t".into());
        let mut r: &[u8] = &text;
        let err = loop {
            if let Err(e) = buf.fill(&mut r) {
                break e;
            }
            assert!(!buf.eof, "the bad byte is found");
        };
        assert!(
            matches!(err, CliError::Utf8 { offset, .. } if offset == 2 * CHUNK as u64),
            "{err}"
        );
    }
}
