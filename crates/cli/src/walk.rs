//! The inputs of `analyze`, directories walked as a stream: each directory
//! read when the walk reaches it, its entries sorted by name (so the files
//! come in the order of their sorted paths), symbolic links followed but
//! every directory and file visited once (by device and inode, so a link
//! loop ends), and FIFOs, sockets and devices inside a directory skipped
//! with a one-line note. Names stay `PathBuf`s end to end: a name that is
//! not UTF-8 is read as it is and only shown lossily.

use std::collections::{HashSet, VecDeque};
use std::io;
use std::path::PathBuf;

use crate::input::{self, CliError};

/// What identifies a file whatever the path to it.
type FileKey = (u64, u64);

/// How deep a walk goes where files have no inode to tell a loop.
#[cfg(not(unix))]
const MAX_DEPTH: usize = 256;

/// The files of the inputs, in order; an item is an error for a directory
/// or a link that cannot be read.
pub struct Walk {
    args: VecDeque<PathBuf>,
    /// The entries not yet visited of each directory being walked.
    open: Vec<std::vec::IntoIter<PathBuf>>,
    seen: HashSet<FileKey>,
}

impl Walk {
    /// The walk over `inputs`: files (and `-`) as named, directories
    /// expanded.
    pub fn new(inputs: &[PathBuf]) -> Walk {
        Walk {
            args: inputs.iter().cloned().collect(),
            open: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// Starts walking `dir` (already known to be a new directory).
    fn enter(&mut self, dir: PathBuf) -> Result<(), CliError> {
        let read = || -> io::Result<Vec<PathBuf>> {
            let mut entries = std::fs::read_dir(&dir)?
                .map(|e| e.map(|e| e.path()))
                .collect::<io::Result<Vec<_>>>()?;
            entries.sort();
            Ok(entries)
        };
        let entries = read().map_err(|source| CliError::Read {
            name: input::label(&dir),
            source,
        })?;
        self.open.push(entries.into_iter());
        Ok(())
    }

    /// What to do with `path`, found in a directory being walked.
    fn visit(&mut self, path: PathBuf) -> Option<Result<PathBuf, CliError>> {
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(source) => {
                return Some(Err(CliError::Read {
                    name: input::label(&path),
                    source,
                }));
            }
        };
        let first = key(&meta).is_none_or(|k| self.seen.insert(k));
        if meta.is_dir() {
            if !first {
                input::note(format_args!(
                    "{}: skipped: a directory already walked (a symbolic link)",
                    input::label(&path)
                ));
                return None;
            }
            #[cfg(not(unix))]
            if self.open.len() >= MAX_DEPTH {
                input::note(format_args!(
                    "{}: skipped: deeper than {MAX_DEPTH} directories",
                    input::label(&path)
                ));
                return None;
            }
            return self.enter(path).err().map(Err);
        }
        if !meta.is_file() {
            input::note(format_args!(
                "{}: skipped: not a regular file ({})",
                input::label(&path),
                kind(&meta)
            ));
            return None;
        }
        if !first {
            input::note(format_args!(
                "{}: skipped: a file already read under another name",
                input::label(&path)
            ));
            return None;
        }
        Some(Ok(path))
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, CliError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(entries) = self.open.last_mut() {
                match entries.next() {
                    Some(path) => match self.visit(path) {
                        Some(item) => return Some(item),
                        None => continue,
                    },
                    None => {
                        self.open.pop();
                        continue;
                    }
                }
            }
            let arg = self.args.pop_front()?;
            // Named inputs are read as named (a FIFO or a device too);
            // only directories are walked.
            let meta = match std::fs::metadata(&arg) {
                Ok(m) if !input::is_stdin(&arg) && m.is_dir() => m,
                _ => return Some(Ok(arg)),
            };
            if key(&meta).is_some_and(|k| !self.seen.insert(k)) {
                continue;
            }
            if let Err(e) = self.enter(arg) {
                return Some(Err(e));
            }
        }
    }
}

#[cfg(unix)]
fn key(meta: &std::fs::Metadata) -> Option<FileKey> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn key(_: &std::fs::Metadata) -> Option<FileKey> {
    None
}

/// What kind of special file `meta` describes, in words.
fn kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = meta;
    "a special file"
}
