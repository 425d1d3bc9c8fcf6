//! The rows of a weight file: a written row (`name<TAB>int<TAB>int<TAB>int`)
//! read in one pass, and the general path (any number, any spacing) with
//! its errors.

use crate::error::Error;
use newsnlp_text::data;
use newsnlp_text::hash::HIGH_BITS;

/// A row `name<TAB>int<TAB>int<TAB>int` (the form every row of a written
/// model has) in one pass over its bytes; `None` for any other form.
pub(super) fn int_row(l: &str, scale: f32) -> Option<(&str, [f32; 3])> {
    let b = l.as_bytes();
    // Names are short: a plain scan beats a call to memchr.
    let tab = b.iter().position(|&c| c == b'\t')?;
    let name = l.get(..tab).filter(|n| !n.is_empty())?;
    let (w, at) = int_fields(b, tab + 1, scale)?;
    (at == b.len()).then_some((name, w))
}

/// The row at the start of `rest` when its line is a written row (as
/// [`int_row`] reads it, and [`entry`] takes it as it is: its first byte
/// is a plain character other than `#` and `[`) ending at a `\n` or the
/// end of the text: the name, the weights and the bytes read, its `\n`
/// included. One pass finds the row and the line's end.
#[inline]
pub(super) fn line_row(rest: &str, scale: f32) -> Option<(&str, [f32; 3], usize)> {
    let b = rest.as_bytes();
    let first = *b.first()?;
    if !first.is_ascii_graphic() || first == b'#' || first == b'[' {
        return None;
    }
    let tab = tab_or_newline(b)?;
    if b.get(tab) != Some(&b'\t') {
        return None;
    }
    let name = rest.get(..tab)?;
    let (w, at) = int_fields(b, tab + 1, scale)?;
    match b.get(at) {
        None => Some((name, w, at)),
        Some(b'\n') => Some((name, w, at + 1)),
        Some(_) => None,
    }
}

/// The first tab or line feed of `b`, eight bytes at a time (a row's
/// name is about a dozen bytes).
#[inline]
fn tab_or_newline(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut at = 0;
    while let Some(w) = b.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let w = u64::from_le_bytes(*w);
        let (t, n) = (w ^ (ONES * 0x09), w ^ (ONES * 0x0a));
        // The high bit of each zero byte of `t` or `n`, exact up to the
        // first one (a borrow only runs up from a zero byte).
        let zero = ((t.wrapping_sub(ONES) & !t) | (n.wrapping_sub(ONES) & !n)) & HIGH_BITS;
        if zero != 0 {
            return Some(at + (zero.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let k = b
        .get(at..)?
        .iter()
        .position(|&c| c == b'\t' || c == b'\n')?;
    Some(at + k)
}

/// The three tab-separated integers (`-?[0-9]{1,9}` each) from byte `at`
/// of `b`, divided by `scale`, and the byte after the third.
#[inline]
fn int_fields(b: &[u8], mut at: usize, scale: f32) -> Option<([f32; 3], usize)> {
    let mut w = [0.0; 3];
    for (k, slot) in w.iter_mut().enumerate() {
        let neg = b.get(at) == Some(&b'-');
        at += usize::from(neg);
        let start = at;
        let mut n: u32 = 0;
        while let Some(&c) = b.get(at)
            && c.is_ascii_digit()
        {
            if at - start == 9 {
                return None;
            }
            n = n * 10 + u32::from(c - b'0');
            at += 1;
        }
        if at == start {
            return None;
        }
        let v = n as f32;
        *slot = (if neg { -v } else { v }) / scale;
        if k < 2 {
            if b.get(at) != Some(&b'\t') {
                return None;
            }
            at += 1;
        }
    }
    Some((w, at))
}

pub(super) fn row(n: usize, l: &str, scale: f32) -> Result<(&str, [f32; 3]), Error> {
    if let Some(r) = int_row(l, scale) {
        return Ok(r);
    }
    let mut f = l.split('\t');
    let name = f.next().unwrap_or_default();
    if name.is_empty() {
        return Err(Error::format(
            n,
            "expected a feature name before the first tab",
        ));
    }
    let mut w = [0.0; 3];
    for (k, slot) in w.iter_mut().enumerate() {
        let field = f.next().ok_or_else(|| {
            Error::format(n, format!("expected 3 weights after {name:?}, found {k}"))
        })?;
        let v: f32 = match parse_int(field) {
            Some(v) => v,
            None => field
                .parse()
                .map_err(|_| Error::format(n, format!("expected a number, found {field:?}")))?,
        };
        if !v.is_finite() {
            return Err(Error::format(
                n,
                format!("expected a finite number, found {field:?}"),
            ));
        }
        *slot = v / scale;
    }
    if f.next().is_some() {
        return Err(Error::format(
            n,
            format!("expected 3 weights after {name:?}, found more"),
        ));
    }
    Ok((name, w))
}

/// The rows of the embedded weight file as `build.rs` packs them: the
/// file's number of lines (8 bytes), then per row the end of its name in
/// `names` and its three integers (magnitude, sign in the top bit), four
/// little-endian bytes each.
#[derive(Clone, Copy)]
pub(super) struct Packed<'a> {
    pub(super) names: &'a str,
    pub(super) rows: &'a [u8],
    /// The words of the indexed rows, and what the index makes of each
    /// row (`Index::build_packed`); empty when the build script made none.
    pub(super) vocab: &'a str,
    pub(super) index: &'a [u8],
}

/// The bytes of one packed row.
const PACKED_ROW: usize = 16;

impl<'a> Packed<'a> {
    /// No packed rows (a weight file read as text only).
    pub(super) const NONE: Packed<'static> = Packed {
        names: "",
        rows: &[],
        vocab: "",
        index: &[],
    };

    /// The number of lines of the packed file, when there is one.
    pub(super) fn lines(&self) -> Option<usize> {
        let n = u64::from_le_bytes(*self.rows.first_chunk::<8>()?);
        usize::try_from(n).ok()
    }

    /// The rows: each name, and its weights divided by `scale` as
    /// [`int_fields`] divides them (`None` for a row whose name is no
    /// span of `names`).
    pub(super) fn rows(self, scale: f32) -> impl Iterator<Item = Option<(&'a str, [f32; 3])>> {
        let mut start = 0;
        let body = self.rows.get(8..).unwrap_or_default();
        body.chunks_exact(PACKED_ROW).map(move |r| {
            let word = |k: usize| {
                r.get(4 * k..4 * k + 4)
                    .and_then(|b| b.try_into().ok())
                    .map_or(0, u32::from_le_bytes)
            };
            let end = word(0) as usize;
            let name = self.names.get(start..end)?;
            start = end;
            let weight = |v: u32| {
                let n = (v & !(1 << 31)) as f32;
                (if v >> 31 == 1 { -n } else { n }) / scale
            };
            Some((name, [weight(word(1)), weight(word(2)), weight(word(3))]))
        })
    }
}

/// The lines of a text split at `\n` (a `\r` before it stays, and
/// [`entry`] trims it), by the memchr crate's byte search.
pub(super) struct RawLines<'a> {
    pub(super) rest: &'a str,
}

impl<'a> Iterator for RawLines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let (line, rest) = match memchr::memchr(b'\n', self.rest.as_bytes()) {
            Some(i) => (self.rest.get(..i)?, self.rest.get(i + 1..)?),
            None => (self.rest, ""),
        };
        self.rest = rest;
        Some(line)
    }
}

/// The entry of a line as [`data::lines`] reads it: trimmed, `None` for a
/// blank line, a `#` comment or a `[section]` header. A line that starts
/// and ends with a plain character other than `#` and `[` (every row of a
/// written model) is taken as it is, without trimming.
#[inline]
pub(super) fn entry(raw: &str) -> Option<&str> {
    let b = raw.as_bytes();
    if let (Some(&first), Some(&last)) = (b.first(), b.last())
        && first.is_ascii_graphic()
        && last.is_ascii_graphic()
        && first != b'#'
        && first != b'['
    {
        return Some(raw);
    }
    data::lines(raw).next().map(|l| l.text)
}

/// A short decimal integer (`-?[0-9]{1,9}`) as `f32`, the value
/// `str::parse::<f32>` gives for it (both round correctly), without the
/// general float parser; `None` for anything else.
pub(super) fn parse_int(field: &str) -> Option<f32> {
    let (neg, digits) = match field.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, field),
    };
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    let mut n: u32 = 0;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
    }
    let v = n as f32;
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SCALE;

    #[test]
    fn integer_rows_parse_as_the_general_rows() {
        for l in [
            "w:x\t1\t-2\t3",
            "lr:^_$\t0\t-0\t999999999",
            "b\t-7\t12\t-123456789",
        ] {
            let fast = int_row(l, SCALE).unwrap();
            let mut f = l.split('\t');
            let name = f.next().unwrap();
            let slow: Vec<f32> = f.map(|x| parse_int(x).unwrap() / SCALE).collect();
            assert_eq!(fast.0, name);
            assert_eq!(
                fast.1.map(f32::to_bits).to_vec(),
                slow.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
            );
        }
        // Other forms take the general path (and its errors).
        for l in [
            "a\t1.5\t2\t3",
            "a\t1\t2",
            "a\t1\t2\t3\t4",
            "\t1\t2\t3",
            "a\t+1\t2\t3",
            "a\t1234567890\t2\t3",
        ] {
            assert!(int_row(l, SCALE).is_none(), "{l:?}");
        }
        assert_eq!(row(1, "a\t1.5\t2\t3", SCALE).unwrap().1[0], 1.5 / SCALE);
        // A row read with its line's end: the same row, up to its `\n`.
        let rest = "w:x\t1\t-2\t3\nnext";
        let (name, w, used) = line_row(rest, SCALE).unwrap();
        assert_eq!((name, used), ("w:x", 11));
        assert_eq!(w, int_row("w:x\t1\t-2\t3", SCALE).unwrap().1);
        assert_eq!(line_row("w:x\t1\t-2\t3", SCALE).map(|r| r.2), Some(10));
        for l in [
            "w:x\t1\t2\t3\r\n",
            "#c\t1\t2\t3\n",
            " w\t1\t2\t3\n",
            "w\n\t1\t2\t3",
        ] {
            assert!(line_row(l, SCALE).is_none(), "{l:?}");
        }
        assert!(row(1, "a\t1\t2", SCALE).is_err());
    }

    #[test]
    fn the_first_tab_or_newline_is_found_at_any_place() {
        for n in 0..40 {
            for at in 0..=n {
                for mark in [b'\t', b'\n'] {
                    let mut b: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
                    b.extend_from_slice(&[0x08, 0x0b, 0x89, 0x8a]);
                    if at < n {
                        b[at] = mark;
                        // A later one does not count.
                        b.push(b'\t');
                    }
                    let want = b.iter().position(|&c| c == b'\t' || c == b'\n');
                    assert_eq!(tab_or_newline(&b), want, "{n} {at}");
                }
            }
        }
    }
}
