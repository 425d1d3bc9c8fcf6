//! Packs the rows of the embedded weight file (`data/model.txt`) for a
//! start-up without a text parse: reading its 72,000 rows as text was the
//! largest part of the analyzer's start-up (about 30M instructions, more
//! than the rest of the model's loading).
//!
//! Three files go to `OUT_DIR`:
//! - `model_head.txt`: the file up to its `bias` line, which the weight-file
//!   parser reads as before (header, comments, scale, bias);
//! - `model_names.txt`: the feature names of the later rows, one after
//!   another;
//! - `model_rows.bin`: the file's number of lines (8 bytes), then per row
//!   the end of its name in `model_names.txt` and its three integers
//!   (magnitude, sign in the top bit), four little-endian bytes each.
//!
//! - `model_vocab.txt` and `model_index.bin`: what the model's index
//!   (`Index::build` in `src/model.rs`) makes of each row, found here once
//!   instead of at every start: the words of the indexed rows (first use
//!   first, joined by `\n`; their number in the first 8 bytes), and per row
//!   its prefix (0: not indexed, `1 + p`: word prefix `p`, `PAIR | p`: pair
//!   prefix `p`) and its word or two words, as places in that list (four
//!   little-endian bytes each).
//!
//! Only rows in the form the trainer writes (`name<TAB>int<TAB>int<TAB>int`,
//! `-?[0-9]{1,9}` each, the name starting with a printable ASCII character
//! other than `#` and `[`) are packed. When any later line has another form,
//! the head is the whole file and no row is packed: the parser then reads
//! the file as text, as it did before.

use std::collections::HashMap;
use std::env;
use std::fs;
use std::path::PathBuf;

include!("src/features/prefixes.rs");

/// The tag of a row with a pair prefix (`PAIR | p`).
const PAIR: u32 = 1 << 8;

/// The words of the indexed rows, each with its place, in order of first
/// use.
#[derive(Default)]
struct Vocab<'a> {
    places: HashMap<&'a str, u32>,
    text: String,
}

impl<'a> Vocab<'a> {
    fn place(&mut self, w: &'a str) -> u32 {
        let n = u32::try_from(self.places.len()).expect("fewer than 4G words");
        *self.places.entry(w).or_insert_with(|| {
            if n > 0 {
                self.text.push('\n');
            }
            self.text.push_str(w);
            n
        })
    }
}

/// What the model's index makes of a row named `name`, as `Index::build`
/// reads it: the prefix up to the name's first `:`, one of the word
/// prefixes (the rest is the word) or of the pair prefixes (the rest is two
/// words around its one `_`; not indexed with another number of `_`).
fn index_row<'a>(name: &'a str, vocab: &mut Vocab<'a>) -> [u32; 3] {
    let Some(colon) = name.find(':') else {
        return [0; 3];
    };
    let (pre, rest) = name.split_at(colon + 1);
    if let Some(p) = WORD_PREFIXES.iter().position(|&w| w == pre) {
        return [1 + p as u32, vocab.place(rest), 0];
    }
    match PAIR_PREFIXES.iter().position(|&w| w == pre) {
        Some(p) => match rest.split_once('_') {
            Some((a, b)) if !b.contains('_') => [PAIR | p as u32, vocab.place(a), vocab.place(b)],
            _ => [0; 3],
        },
        None => [0; 3],
    }
}

/// An integer field as the weight-file parser reads it: `-?[0-9]{1,9}`,
/// packed as its magnitude with the sign in the top bit (so `-0` stays
/// negative zero once divided by the scale).
fn field(f: &str) -> Option<u32> {
    let (neg, digits) = match f.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, f),
    };
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    Some(n | if neg { 1 << 31 } else { 0 })
}

/// A written row: its name and packed fields.
fn written_row(line: &str) -> Option<(&str, [u32; 3])> {
    let first = *line.as_bytes().first()?;
    if !first.is_ascii_graphic() || first == b'#' || first == b'[' {
        return None;
    }
    let mut parts = line.split('\t');
    let name = parts.next()?;
    let mut w = [0; 3];
    for slot in &mut w {
        *slot = field(parts.next()?)?;
    }
    parts.next().is_none().then_some((name, w))
}

fn main() {
    println!("cargo::rerun-if-changed=data/model.txt");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/features/prefixes.rs");
    let text = fs::read_to_string("data/model.txt").expect("data/model.txt is readable UTF-8");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let lines = text.bytes().filter(|&b| b == b'\n').count() as u64;
    // The head ends after the bias line (the fourth line that is not a
    // comment or blank; the parser checks the rest).
    let mut head_end = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        at += line.len();
        if line.starts_with("bias\t") {
            head_end = Some(at);
            break;
        }
    }
    let mut names = String::new();
    let mut rows = lines.to_le_bytes().to_vec();
    let mut vocab = Vocab::default();
    let mut index = Vec::new();
    let mut head = &text[..];
    if let Some(end) = head_end {
        let rest = &text[end..];
        // Every later line a written row, each ended by `\n` but maybe the
        // last.
        let packed: Option<Vec<(&str, [u32; 3])>> = rest
            .strip_suffix('\n')
            .unwrap_or(rest)
            .split('\n')
            .filter(|_| !rest.is_empty())
            .map(written_row)
            .collect();
        if let Some(packed) = packed {
            head = &text[..end];
            for (name, w) in packed {
                names.push_str(name);
                let name_end = u32::try_from(names.len()).expect("names under 4 GB");
                rows.extend_from_slice(&name_end.to_le_bytes());
                for v in w {
                    rows.extend_from_slice(&v.to_le_bytes());
                }
                for v in index_row(name, &mut vocab) {
                    index.extend_from_slice(&v.to_le_bytes());
                }
            }
        }
    }
    let mut index_bin = (vocab.places.len() as u64).to_le_bytes().to_vec();
    index_bin.extend_from_slice(&index);
    if index.is_empty() {
        index_bin.clear();
    }
    fs::write(out.join("model_head.txt"), head).expect("OUT_DIR is writable");
    fs::write(out.join("model_names.txt"), names).expect("OUT_DIR is writable");
    fs::write(out.join("model_rows.bin"), rows).expect("OUT_DIR is writable");
    fs::write(out.join("model_vocab.txt"), vocab.text).expect("OUT_DIR is writable");
    fs::write(out.join("model_index.bin"), index_bin).expect("OUT_DIR is writable");
}
