//! The one table of short words: [`ShortTable`], from a word of at most
//! [`SHORT`] bytes to a `u32`, keyed by [`short_key`].
//!
//! A lookup hashes the key's two integers and compares them: no string
//! hashing, no pointer to follow, no `memcmp`. A caller that already holds
//! a word's key (read from the text as integers, lowercased in them) looks
//! it up with [`ShortTable::get_key`] without touching the bytes again.
//!
//! ```
//! use newsnlp_text::hash::short_key;
//! use newsnlp_text::short::ShortTable;
//!
//! let mut table = ShortTable::new();
//! assert!(table.insert("said", 7));
//! assert_eq!(table.get("said"), Some(7));
//! assert_eq!(table.get_key(short_key("said").unwrap()), Some(7));
//! assert_eq!(table.get("says"), None);
//! // Longer words are for another table.
//! assert!(!table.insert("overcompartmentalized", 1));
//! ```

use crate::hash::{SHORT, short_key};

/// One slot: a key and its value; `hi == EMPTY_HI` marks an empty slot.
#[derive(Clone, Copy, Debug)]
struct Slot<V> {
    lo: u64,
    hi: u64,
    value: V,
}

/// No key has it: a key's top byte is a length of at most [`SHORT`].
const EMPTY_HI: u64 = u64::MAX;

impl<V: Default> Slot<V> {
    fn empty() -> Slot<V> {
        Slot {
            lo: 0,
            hi: EMPTY_HI,
            value: V::default(),
        }
    }
}

/// An open-addressing hash table (linear probing, at most half full) from
/// words of at most [`SHORT`] bytes, by their [`short_key`], to values
/// (`u32` unless said otherwise: a small value, copied out of its slot,
/// saves a lookup elsewhere). See the module documentation.
#[derive(Clone, Debug)]
pub struct ShortTable<V = u32> {
    /// A power of two of slots.
    slots: Vec<Slot<V>>,
    used: usize,
}

impl<V: Copy + Default> Default for ShortTable<V> {
    fn default() -> Self {
        ShortTable::sized(0)
    }
}

impl ShortTable {
    /// An empty table.
    pub fn new() -> ShortTable {
        ShortTable::with_capacity(0)
    }

    /// An empty table that holds `n` words before it grows (a table built
    /// once from many words skips the rehashing of each doubling).
    ///
    /// ```
    /// use newsnlp_text::short::ShortTable;
    /// let mut table = ShortTable::with_capacity(1000);
    /// assert!(table.insert("said", 7));
    /// assert_eq!((table.get("said"), table.len()), (Some(7), 1));
    /// ```
    pub fn with_capacity(n: usize) -> ShortTable {
        ShortTable::sized(n)
    }
}

impl<V: Copy + Default> ShortTable<V> {
    /// An empty table of any value type that holds `n` words before it
    /// grows.
    fn sized(n: usize) -> ShortTable<V> {
        // At most half full, a power of two, and no smaller than before.
        let slots = n.saturating_mul(2).max(64).next_power_of_two();
        ShortTable {
            slots: vec![Slot::empty(); slots],
            used: 0,
        }
    }

    /// The same words with each value `v` replaced by `f(v)`, in the same
    /// slots (no word is hashed again).
    ///
    /// ```
    /// use newsnlp_text::short::ShortTable;
    /// let mut t = ShortTable::new();
    /// t.insert("said", 7u32);
    /// let names = t.map_values(|v| (v, v * 2));
    /// assert_eq!(names.get("said"), Some((7, 14)));
    /// assert_eq!((names.get("says"), names.len()), (None, 1));
    /// ```
    pub fn map_values<W: Copy + Default>(&self, f: impl Fn(V) -> W) -> ShortTable<W> {
        let slots = self
            .slots
            .iter()
            .map(|s| {
                if s.hi == EMPTY_HI {
                    Slot::empty()
                } else {
                    Slot {
                        lo: s.lo,
                        hi: s.hi,
                        value: f(s.value),
                    }
                }
            })
            .collect();
        ShortTable {
            slots,
            used: self.used,
        }
    }

    /// The number of words in the table.
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    #[inline]
    fn home(&self, (lo, hi): (u64, u64)) -> usize {
        let h = (lo ^ hi.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        ((h ^ (h >> 31)) as usize) & (self.slots.len() - 1)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    #[inline]
    fn find(&self, key: (u64, u64)) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        // At most half full: an empty slot ends every probe.
        for _ in 0..self.slots.len() {
            let s = self.slots.get(i)?;
            if s.hi == EMPTY_HI || (s.lo == key.0 && s.hi == key.1) {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// The value of the word whose [`short_key`] is `key`.
    ///
    /// ```
    /// # use newsnlp_text::{hash::short_key, short::ShortTable};
    /// let mut t = ShortTable::new();
    /// t.insert("and", 1);
    /// assert_eq!(t.get_key(short_key("and").unwrap()), Some(1));
    /// assert_eq!(t.get_key(short_key("an").unwrap()), None);
    /// ```
    #[inline]
    pub fn get_key(&self, key: (u64, u64)) -> Option<V> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        // At most half full: an empty slot ends every probe.
        loop {
            let s = self.slots.get(i)?;
            if s.hi == EMPTY_HI {
                return None;
            }
            if s.lo == key.0 && s.hi == key.1 {
                return Some(s.value);
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `word`; `None` for a word not in the table, or longer
    /// than [`SHORT`] bytes.
    #[inline]
    pub fn get(&self, word: &str) -> Option<V> {
        self.get_key(short_key(word)?)
    }

    /// Sets the value of `word` (replacing the one it had). Returns false,
    /// storing nothing, for a word longer than [`SHORT`] bytes.
    pub fn insert(&mut self, word: &str, value: V) -> bool {
        match short_key(word) {
            Some(key) => self.insert_key(key, value),
            None => false,
        }
    }

    /// Sets the value of the word whose [`short_key`] is `key`. Returns
    /// false, storing nothing, for a pair that is no such key (its top
    /// byte, the length, over [`SHORT`]).
    pub fn insert_key(&mut self, key: (u64, u64), value: V) -> bool {
        if (key.1 >> 56) as usize > SHORT {
            return false;
        }
        if (self.used + 1) * 2 > self.slots.len() {
            self.grow();
        }
        if let Some(i) = self.find(key)
            && let Some(s) = self.slots.get_mut(i)
        {
            if s.hi == EMPTY_HI {
                self.used += 1;
            }
            *s = Slot {
                lo: key.0,
                hi: key.1,
                value,
            };
        }
        true
    }

    /// Doubles the slots and puts every word back.
    fn grow(&mut self) {
        let grown = vec![Slot::empty(); self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, grown);
        for s in old.into_iter().filter(|s| s.hi != EMPTY_HI) {
            if let Some(i) = self.find((s.lo, s.hi))
                && let Some(slot) = self.slots.get_mut(i)
            {
                *slot = s;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_sized_beforehand_holds_the_same_words() {
        let words: Vec<String> = (0..500).map(|i| format!("k{i}")).collect();
        let mut sized = ShortTable::with_capacity(words.len());
        let mut grown = ShortTable::new();
        let slots = sized.slots.len();
        for (i, w) in words.iter().enumerate() {
            assert!(sized.insert(w, i as u32) && grown.insert(w, i as u32));
        }
        // Sized for them: no growth.
        assert_eq!(sized.slots.len(), slots);
        for w in &words {
            assert_eq!(sized.get(w), grown.get(w));
        }
        assert_eq!(sized.get("k500"), None);
        assert_eq!(ShortTable::with_capacity(0).slots.len(), 64);
    }

    #[test]
    fn every_word_found_and_near_misses_not() {
        let words: Vec<String> = (0..3000)
            .map(|i| format!("w{i}x{}", "abcdefgh".get(..i % 9).unwrap_or("")))
            .filter(|w| w.len() <= SHORT)
            .collect();
        let mut t = ShortTable::new();
        for (i, w) in words.iter().enumerate() {
            assert!(t.insert(w, i as u32), "{w}");
        }
        assert_eq!(t.len(), words.len());
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w), Some(i as u32), "{w}");
            assert_eq!(t.get(&format!("{w}\0")), None, "{w}");
            assert_eq!(t.get(&format!("q{w}")), None, "{w}");
        }
    }

    #[test]
    fn edge_words() {
        let mut t = ShortTable::new();
        assert!(t.is_empty());
        // The empty word and a word of exactly SHORT bytes are keys too.
        let cases = [
            ("", 0, true),
            ("a", 1, true),
            ("a\0", 2, true),
            ("abcdefghijklmno", 3, true),
            ("abcdefghijklmnop", 4, false),
        ];
        for (w, v, stored) in cases {
            assert_eq!(t.insert(w, v), stored, "{w:?}");
        }
        for (w, v, stored) in cases {
            assert_eq!(t.get(w), stored.then_some(v), "{w:?}");
        }
        assert_eq!(t.len(), 4);
        // Inserting again replaces the value.
        assert!(t.insert("a", 9));
        assert_eq!((t.get("a"), t.len()), (Some(9), 4));
        assert_eq!(t.get_key((0, u64::MAX)), None);
        assert!(!t.insert_key((0, u64::MAX), 1));
        assert_eq!(t.len(), 4);
    }
}
