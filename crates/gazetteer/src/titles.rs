//! Titles: "Foreign Minister" before "Lavrov".
//!
//! Each entity may list titles; the build normalizes them (always case-
//! and accent-insensitively, whatever the gazetteer's options) into keys
//! grouped by entity ([`index_titles`]), and matching reads a title
//! backwards from the start of a mention, across spaces on the same line
//! (`Gazetteer::title_before`). A title is reported in
//! [`Mention::title`](crate::Mention::title) and decides between entities
//! that claim the same alias.
//!
//! ```
//! use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder, Resolution};
//!
//! let gaz = GazetteerBuilder::new().build([
//!     Entry::new("Bill Clinton", EntityKind::Person).title("former President"),
//!     Entry::new("Hillary Clinton", EntityKind::Person).title("Secretary of State"),
//! ])?;
//! let text = "SECRETARY OF STATE Clinton";
//! let m = gaz.find(text).next().unwrap();
//! assert_eq!(m.resolution(), Resolution::Title);
//! assert_eq!((m.title(), gaz.entity(m.entity().unwrap()).name()), (Some(0..18), "Hillary Clinton"));
//! # Ok::<(), newsnlp_gazetteer::Error>(())
//! ```

use std::ops::Range;

use crate::entries::Span;
use crate::gazetteer::Gazetteer;
use crate::normalize::{Fold, Norm, Normalizer, Out};
use crate::search::char_before;

/// How titles are normalized: case, diacritics and separators ignored.
pub(crate) fn title_norm() -> Norm {
    Norm {
        fold: Fold::Unicode,
        strip_diacritics: true,
        separators: true,
    }
}

impl Gazetteer {
    /// The span of one of `entity`'s titles right before `start` (separated
    /// by spaces on the same line), if any.
    pub(crate) fn title_before(
        &self,
        text: &str,
        start: usize,
        entity: u32,
    ) -> Option<Range<usize>> {
        let (a, b) = self.entities.get(entity as usize)?.titles;
        if a == b {
            return None;
        }
        // Skip the separators between title and name.
        let mut end = start;
        let mut long = Vec::new();
        while let Some(c) = char_before(text, end) {
            if c == ' ' {
                // The usual separator, without the table.
                end -= 1;
                continue;
            }
            match self.title_nz.map(c, &mut long).1 {
                Some(Out::Sep { newlines: 0 }) if !matches!(c, '-' | '_') => end -= c.len_utf8(),
                Some(Out::Bytes { len: 0, .. }) => end -= c.len_utf8(),
                _ => break,
            }
        }
        if end == start {
            return None;
        }
        // The normalized last byte of the text before `end`: a title whose
        // key ends otherwise cannot match, and is not tried.
        let last = char_before(text, end).and_then(|c| match self.title_nz.map(c, &mut long).1 {
            Some(Out::Bytes { len, bytes }) if len > 0 => {
                Some((bytes >> (8 * u32::from(len - 1))) as u8)
            }
            _ => None,
        });
        let mut best: Option<usize> = None;
        for (_, key) in &self.titles[a as usize..b as usize] {
            let key = self.title_keys.get(key.range())?;
            if let (Some(l), Some(&k)) = (last, key.last())
                && l != k
            {
                continue;
            }
            if let Some(s) = self.match_back(text, end, key)
                && best.is_none_or(|b| s < b)
            {
                best = Some(s);
            }
        }
        best.map(|s| s..end)
    }

    /// Matches normalized `key` backwards from `end`; the start of the match
    /// if the whole key matched and it starts on a boundary.
    pub(crate) fn match_back(&self, text: &str, end: usize, key: &[u8]) -> Option<usize> {
        let mut i = end;
        let mut j = key.len();
        let mut prev_sep = false;
        let mut long = Vec::new();
        while j > 0 {
            let c = char_before(text, i)?;
            let (_, o) = self.title_nz.map(c, &mut long);
            match o {
                Some(Out::Sep { newlines }) => {
                    if newlines > 0 {
                        return None;
                    }
                    if !prev_sep {
                        if key[j - 1] != b' ' {
                            return None;
                        }
                        j -= 1;
                        prev_sep = true;
                    }
                }
                Some(Out::Bytes { len, bytes }) => {
                    let len = usize::from(len);
                    if len > j {
                        return None;
                    }
                    for k in 0..len {
                        if key[j - len + k] != (bytes >> (8 * k as u32)) as u8 {
                            return None;
                        }
                    }
                    j -= len;
                    if len > 0 {
                        prev_sep = false;
                    }
                }
                None => {
                    if long.len() > j || key[j - long.len()..j] != long[..] {
                        return None;
                    }
                    j -= long.len();
                    prev_sep = false;
                }
            }
            i -= c.len_utf8();
        }
        self.is_start(text, i).then_some(i)
    }
}

/// The titles of the entities, grouped by entity: `(title, key)` spans
/// into the gazetteer's text and `keys`, and each entity's range of them.
pub(crate) struct TitleIndex {
    pub(crate) titles: Vec<(Span, Span)>,
    pub(crate) keys: Vec<u8>,
    pub(crate) by_entity: Vec<(u32, u32)>,
}

/// Normalizes `raw` titles (entity id, title span into `text`) and groups
/// them by entity; titles empty after normalization are dropped.
pub(crate) fn index_titles(
    title_nz: &Normalizer,
    text: &str,
    mut raw: Vec<(u32, Span)>,
    n_entities: usize,
) -> TitleIndex {
    raw.sort_by_key(|&(e, _)| e);
    let mut titles: Vec<(Span, Span)> = Vec::with_capacity(raw.len());
    let mut keys: Vec<u8> = Vec::new();
    let mut by_entity = vec![(0u32, 0u32); n_entities];
    for (e, t) in raw {
        let s = keys.len();
        title_nz.key(&text[t.range()], &mut keys);
        let k = Span {
            start: s as u32,
            end: keys.len() as u32,
        };
        if k.start == k.end {
            continue;
        }
        let r = &mut by_entity[e as usize];
        if r.0 == r.1 {
            r.0 = titles.len() as u32;
        }
        titles.push((t, k));
        r.1 = titles.len() as u32;
    }
    TitleIndex {
        titles,
        keys,
        by_entity,
    }
}
