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
//! Only rows in the form the trainer writes (`name<TAB>int<TAB>int<TAB>int`,
//! `-?[0-9]{1,9}` each, the name starting with a printable ASCII character
//! other than `#` and `[`) are packed. When any later line has another form,
//! the head is the whole file and no row is packed: the parser then reads
//! the file as text, as it did before.

use std::env;
use std::fs;
use std::path::PathBuf;

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
            }
        }
    }
    fs::write(out.join("model_head.txt"), head).expect("OUT_DIR is writable");
    fs::write(out.join("model_names.txt"), names).expect("OUT_DIR is writable");
    fs::write(out.join("model_rows.bin"), rows).expect("OUT_DIR is writable");
}
