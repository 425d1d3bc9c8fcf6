//! A large input cut into parts at paragraph breaks, read as a stream, for
//! the `--count` paths: parts of about [`PART`] bytes, each ending at a
//! blank line where the next paragraph does not open with a quote mark
//! (news quotes run over paragraphs that each open with one). Every layer
//! starts afresh at a blank line, and the cuts depend only on the text (not
//! on the number of cores or on how the reads fall), so neither do the
//! counts. Memory stays a few parts per core whatever the input's size, and
//! the search for a cut is linear, runs of blank lines included.

use std::io::Read;
use std::path::Path;

use rayon::prelude::*;

use crate::input::{self, CliError, Limits, Utf8Buf};

/// The size of the parts a large input is cut into for counting: small
/// enough that a part's tokens stay in cache, large enough to amortize.
pub const PART: usize = 256 * 1024;

/// The marks that open a quote paragraph: no cut before one.
const QUOTE_OPENERS: [char; 6] = ['"', '\'', '\u{201C}', '\u{2018}', '\u{00AB}', '\u{201E}'];

/// The parts of one input, in order.
pub struct Parts {
    reader: Box<dyn Read + Send>,
    buf: Utf8Buf,
    size: usize,
    cap: usize,
    failed: bool,
}

impl Parts {
    /// The parts of `path` (`-` is standard input), at least `size` bytes
    /// each (the last may be shorter), none over `cap` bytes.
    pub fn open(path: &Path, size: usize, cap: usize) -> Result<Parts, CliError> {
        Ok(Parts::of(input::open(path)?, input::label(path), size, cap))
    }

    fn of(reader: Box<dyn Read + Send>, name: String, size: usize, cap: usize) -> Parts {
        Parts {
            reader,
            buf: Utf8Buf::new(name),
            size: size.max(1),
            cap,
            failed: false,
        }
    }

    /// Reads more, unless the part in progress is over the cap already.
    fn more(&mut self) -> Result<(), CliError> {
        if self.buf.checked() > self.cap {
            return Err(CliError::TooLarge {
                name: self.buf.name.clone(),
                cap: self.cap,
            });
        }
        self.buf.fill(&mut self.reader)
    }

    fn next_part(&mut self) -> Result<Option<String>, CliError> {
        while !self.buf.eof && self.buf.checked() <= self.size {
            self.more()?;
        }
        if self.buf.eof && self.buf.checked() <= self.size {
            let len = self.buf.checked();
            return Ok((len > 0).then(|| self.buf.take(len)));
        }
        let cut = self.next_cut()?;
        Ok(Some(self.buf.take(cut)))
    }

    /// The first blank-line break at or after `size` bytes where the next
    /// paragraph does not open with a quote mark, or the end of the input.
    fn next_cut(&mut self) -> Result<usize, CliError> {
        let mut from = self.size;
        loop {
            let found = memchr::memmem::find(
                self.buf.text.as_bytes().get(from..).unwrap_or_default(),
                b"\n\n",
            );
            let Some(k) = found else {
                if self.buf.eof {
                    return Ok(self.buf.checked());
                }
                // A break may straddle what is read and what comes next.
                from = from.max(self.buf.checked().saturating_sub(1));
                self.more()?;
                continue;
            };
            let cut = from + k + 2;
            let next = self.skip_whitespace(cut)?;
            let rest = self.buf.text.get(next..).unwrap_or_default();
            if !rest.starts_with(QUOTE_OPENERS) {
                return Ok(cut);
            }
            // Every break in the whitespace before the quote mark is followed
            // by the same mark: the search goes on after it, so a run of
            // blank lines is looked at once.
            from = next;
        }
    }

    /// The offset of the first character at or after `at` that is not
    /// whitespace (or of the end of the input), reading as needed.
    fn skip_whitespace(&mut self, mut at: usize) -> Result<usize, CliError> {
        loop {
            let text = self.buf.text.get(at..).unwrap_or_default();
            let rest = text.trim_start();
            at += text.len() - rest.len();
            if !rest.is_empty() || self.buf.eof {
                return Ok(at);
            }
            self.more()?;
        }
    }
}

impl Iterator for Parts {
    type Item = Result<String, CliError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let part = self.next_part().transpose();
        self.failed = matches!(part, Some(Err(_)));
        part
    }
}

/// Sums `count` over the parts of `path` on all cores, reading the parts as
/// the cores ask for them. Only for counts: spans would be relative to each
/// part.
pub fn sum<T, F, A>(path: &Path, limits: Limits, count: F, add: A) -> Result<T, CliError>
where
    T: Send + Default,
    F: Fn(&str) -> T + Sync + Send,
    A: Fn(T, T) -> T + Sync + Send,
{
    Parts::open(path, PART, limits.doc)?
        .par_bridge()
        .map(|part| part.map(|p| count(&p)))
        .try_reduce(T::default, |a, b| Ok(add(a, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cuts as they were made on the whole text in memory: the oracle
    /// the stream must agree with (quadratic on blank-line runs; small
    /// inputs only).
    fn split_in_memory(text: &str, size: usize) -> Vec<&str> {
        let mut parts = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let want = (start + size.max(1)).min(text.len());
            let cut = if want >= text.len() {
                text.len()
            } else {
                let b = text.as_bytes();
                let mut i = want;
                loop {
                    let Some(k) = b[i..].windows(2).position(|w| w == b"\n\n") else {
                        break text.len();
                    };
                    let cut = i + k + 2;
                    if !text[cut..].trim_start().starts_with(QUOTE_OPENERS) {
                        break cut;
                    }
                    i = cut;
                }
            };
            parts.push(&text[start..cut]);
            start = cut;
        }
        parts
    }

    fn split_streamed(text: &str, size: usize, chunk: usize) -> Vec<String> {
        let reader: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(text.to_owned()));
        let mut parts = Parts::of(reader, "t".into(), size, usize::MAX);
        parts.buf.chunk = chunk;
        parts.map(|p| p.expect("valid text")).collect()
    }

    #[test]
    fn streamed_cuts_are_the_in_memory_cuts() {
        let pieces = [
            "\n", "\n\n", " ", "word", "\"", "“", "é", "\u{3000}", "«", ".", "\r\n",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for case in 0..3000 {
            let mut text = String::new();
            for _ in 0..(case % 60) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let size = 1 + case % 17;
            let chunk = 1 + case % 7;
            let want: Vec<&str> = split_in_memory(&text, size);
            assert_eq!(
                split_streamed(&text, size, chunk),
                want,
                "{text:?}, size {size}"
            );
        }
    }

    #[test]
    fn a_run_of_blank_lines_before_a_quote_is_linear() {
        // 4 MB of newlines between the part size and a quote: quadratic
        // cutting would take minutes.
        let text = format!(
            "{}{}\"Hi,\" Putin said.\n",
            "word ".repeat(100),
            "\n".repeat(4 << 20)
        );
        let start = std::time::Instant::now();
        let parts = split_streamed(&text, 256, 64 * 1024);
        assert_eq!(parts.concat(), text);
        assert_eq!(parts.len(), 1, "no cut before the quote");
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    #[test]
    fn a_part_over_the_cap_is_an_error() {
        let reader: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(vec![b'a'; 1000]));
        let mut parts = Parts::of(reader, "big".into(), 10, 100);
        parts.buf.chunk = 64;
        let first = parts.next().expect("an item");
        assert!(matches!(first, Err(CliError::TooLarge { cap: 100, .. })));
        assert!(parts.next().is_none());
    }
}
