//! The iterator of [`Gazetteer::find`] and [`Gazetteer::find_overlapping`],
//! [`Mentions`], and its count on all cores (with the `rayon` feature): a
//! long text is cut right after blank lines, which no match crosses, so the
//! pieces count independently and add up to the sequential count exactly.
//!
//! ```
//! let gaz = newsnlp_gazetteer::Gazetteer::default();
//! let text = "Putin met Erdogan.\n\n".repeat(60_000); // 1.2 MB: counted in parallel with `rayon`
//! assert_eq!(gaz.find(&text).count(), 120_000);
//! ```

use crate::gazetteer::{Gazetteer, Tier};
use crate::mention::Mention;
use crate::search::char_at;

/// The iterator of [`Gazetteer::find`] and [`Gazetteer::find_overlapping`].
///
/// ```
/// let gaz = newsnlp_gazetteer::Gazetteer::default();
/// let mut it = gaz.find("NATO and the EU");
/// assert_eq!(it.next().unwrap().span(), 0..4);
/// assert_eq!(it.next().unwrap().span(), 13..15);
/// assert!(it.next().is_none());
/// ```
#[derive(Debug)]
pub struct Mentions<'g, 't> {
    gaz: &'g Gazetteer,
    text: &'t str,
    pos: usize,
    overlapping: bool,
    /// Overlapping mode: the rest of the current start's matches, reversed.
    pending: Vec<Mention>,
}

impl Iterator for Mentions<'_, '_> {
    type Item = Mention;

    /// The number of remaining mentions; with the `rayon` feature, a long
    /// text (1 MiB and more) is counted on all cores, in chunks split at
    /// blank lines.
    fn count(self) -> usize {
        if self.overlapping {
            let mut me = self;
            let mut n = 0;
            while me.next().is_some() {
                n += 1;
            }
            return n;
        }
        self.pending.len() + self.count_rest()
    }

    fn next(&mut self) -> Option<Mention> {
        if let Some(m) = self.pending.pop() {
            return Some(m);
        }
        let gaz = self.gaz;
        let accept = |a: u32| gaz.aliases[a as usize].tier != Tier::DocSurname;
        let mut cands = Vec::new();
        let start = gaz.next_start(self.text, self.pos, &accept, self.overlapping, &mut cands)?;
        if self.overlapping {
            // Longest first: `cands` is by increasing end, and `pending`
            // pops from the back.
            self.pending = cands
                .iter()
                .map(|&c| gaz.mention(self.text, start, c, &accept))
                .collect();
            let first_len = char_at(self.text, start).map_or(1, char::len_utf8);
            self.pos = start + first_len;
            self.pending.pop()
        } else {
            let m = gaz.mention(self.text, start, cands[0], &accept);
            self.pos = if m.span.end > start {
                m.span.end
            } else {
                start + char_at(self.text, start).map_or(1, char::len_utf8)
            };
            Some(m)
        }
    }
}

impl<'g, 't> Mentions<'g, 't> {
    /// The mentions of `text`: the longest at each start, or all of them.
    pub(crate) fn new(gaz: &'g Gazetteer, text: &'t str, overlapping: bool) -> Self {
        Mentions {
            gaz,
            text,
            pos: 0,
            overlapping,
            pending: Vec::new(),
        }
    }

    /// Counts the mentions from `self.pos` to the end of the text: with the
    /// `rayon` feature, in parallel chunks for long texts. Chunks end right
    /// after a blank line (`"\n\n"`), which no match crosses, so the count
    /// is the sequential one exactly.
    fn count_rest(&self) -> usize {
        let (gaz, text) = (self.gaz, self.text);
        let accept = |a: u32| gaz.aliases[a as usize].tier != Tier::DocSurname;
        let count_range = |from: usize, to: usize| {
            let mut cands = Vec::new();
            let mut pos = from;
            let mut n = 0;
            while let Some(start) = gaz.next_start_in(text, pos, to, &accept, false, &mut cands) {
                n += 1;
                pos = cands[0].end.max(start + 1);
                while !text.is_char_boundary(pos) {
                    pos += 1;
                }
            }
            n
        };
        #[cfg(feature = "rayon")]
        {
            let threads = rayon::current_num_threads();
            if threads >= 2 && text.len().saturating_sub(self.pos) >= PARALLEL_MIN_BYTES {
                use rayon::prelude::*;
                let bounds = chunks(text.as_bytes(), self.pos, threads * 4);
                return bounds.par_windows(2).map(|w| count_range(w[0], w[1])).sum();
            }
        }
        count_range(self.pos, text.len())
    }
}

/// About `pieces` chunk bounds of `bytes[from..]`, each but the last right
/// after a blank line, from `from` to the end.
#[cfg(feature = "rayon")]
fn chunks(bytes: &[u8], from: usize, pieces: usize) -> Vec<usize> {
    let rest = bytes.len() - from;
    let mut bounds = vec![from];
    for k in 1..pieces {
        let target = from + rest / pieces * k;
        let last = *bounds.last().unwrap_or(&from);
        if target <= last {
            continue;
        }
        if let Some(cut) = blank_line_after(bytes, target)
            && cut < bytes.len()
        {
            bounds.push(cut);
        }
    }
    bounds.push(bytes.len());
    bounds.dedup();
    bounds
}

/// The position right after the first blank line (`"\n\n"` or
/// `"\n\r\n"`) at or after `from`; no match crosses one.
#[cfg(feature = "rayon")]
fn blank_line_after(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(p) = bytes.get(i..)?.iter().position(|&b| b == b'\n') {
        let nl = i + p;
        match (bytes.get(nl + 1), bytes.get(nl + 2)) {
            (Some(b'\n'), _) => return Some(nl + 2),
            (Some(b'\r'), Some(b'\n')) => return Some(nl + 3),
            _ => i = nl + 1,
        }
    }
    None
}

/// Below this many bytes, counting stays on one thread.
#[cfg(feature = "rayon")]
const PARALLEL_MIN_BYTES: usize = 1 << 20;

impl std::iter::FusedIterator for Mentions<'_, '_> {}
