//! A byte trie over normalized alias keys, laid out breadth-first so that
//! the children of a node are contiguous and sorted by label.
//!
//! Why not an Aho-Corasick automaton: matches must start on token
//! boundaries, so the gazetteer walks the trie anchored at each token start
//! and keeps the longest key that also ends on a boundary. That needs no
//! failure links, which are most of an automaton's build time (measured in
//! `benches/gazetteer.rs` and `examples/places.rs`), and it reports every
//! key that is a prefix of the walk, which an automaton's leftmost-longest
//! mode cannot.

/// No key ends at this node.
pub(crate) const NO_KEY: u32 = u32::MAX;

#[derive(Clone, Debug)]
pub(crate) struct Trie {
    /// The root's children by byte (0: none); node 0 is the root.
    root: Box<[u32]>,
    /// The byte leading to each node.
    label: Vec<u8>,
    /// The first child of each node.
    first: Vec<u32>,
    /// The number of children of each node.
    count: Vec<u16>,
    /// The key ending at each node, or [`NO_KEY`].
    key: Vec<u32>,
}

impl Trie {
    /// Builds the trie of `keys`, which must be sorted and distinct; key `i`
    /// is reported as `i`.
    pub(crate) fn build(keys: &[&[u8]]) -> Trie {
        let total: usize = keys.iter().map(|k| k.len()).sum();
        let cap = total.min(1 << 26) + 1;
        let mut t = Trie {
            root: vec![0u32; 256].into_boxed_slice(),
            label: Vec::with_capacity(cap),
            first: Vec::with_capacity(cap),
            count: Vec::with_capacity(cap),
            key: Vec::with_capacity(cap),
        };
        t.push(0);
        // (node, first key, end key) at the current depth.
        let mut level: Vec<(u32, u32, u32)> = vec![(0, 0, keys.len() as u32)];
        let mut next: Vec<(u32, u32, u32)> = Vec::new();
        let mut depth = 0usize;
        while !level.is_empty() {
            for &(node, lo, hi) in &level {
                let (mut i, hi) = (lo as usize, hi as usize);
                if i < hi && keys[i].len() == depth {
                    t.key[node as usize] = i as u32;
                    i += 1;
                }
                let first = t.label.len() as u32;
                t.first[node as usize] = first;
                while i < hi {
                    let b = keys[i][depth];
                    let mut j = i + 1;
                    while j < hi && keys[j][depth] == b {
                        j += 1;
                    }
                    let child = t.push(b);
                    next.push((child, i as u32, j as u32));
                    i = j;
                }
                t.count[node as usize] = (t.label.len() as u32 - first) as u16;
            }
            std::mem::swap(&mut level, &mut next);
            next.clear();
            depth += 1;
        }
        let (f, n) = (t.first[0] as usize, t.count[0] as usize);
        for c in f..f + n {
            t.root[t.label[c] as usize] = c as u32;
        }
        t.label.shrink_to_fit();
        t.first.shrink_to_fit();
        t.count.shrink_to_fit();
        t.key.shrink_to_fit();
        t
    }

    fn push(&mut self, label: u8) -> u32 {
        let id = self.label.len() as u32;
        self.label.push(label);
        self.first.push(0);
        self.count.push(0);
        self.key.push(NO_KEY);
        id
    }

    /// The child of `node` along byte `b`.
    #[inline]
    pub(crate) fn step(&self, node: u32, b: u8) -> Option<u32> {
        if node == 0 {
            let c = self.root[b as usize];
            return (c != 0).then_some(c);
        }
        let n = node as usize;
        let f = self.first[n] as usize;
        let c = self.count[n] as usize;
        let labels = self.label.get(f..f + c)?;
        let at = if c <= 12 {
            labels.iter().position(|&l| l == b)?
        } else {
            labels.binary_search(&b).ok()?
        };
        Some((f + at) as u32)
    }

    /// The key ending at `node`, if any.
    #[inline]
    pub(crate) fn key(&self, node: u32) -> Option<u32> {
        let k = self.key[node as usize];
        (k != NO_KEY).then_some(k)
    }

    /// Approximate heap bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.root.len() * 4
            + self.label.capacity()
            + self.first.capacity() * 4
            + self.count.capacity() * 2
            + self.key.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks() {
        let keys: Vec<&[u8]> = vec![b"", b"al", b"al nusra", b"al qaeda", b"assad", b"b"];
        let t = Trie::build(&keys);
        let walk = |s: &[u8]| -> Option<Option<u32>> {
            let mut n = 0;
            for &b in s {
                n = t.step(n, b)?;
            }
            Some(t.key(n))
        };
        assert_eq!(walk(b"al"), Some(Some(1)));
        assert_eq!(walk(b"al nusra"), Some(Some(2)));
        assert_eq!(walk(b"al q"), Some(None));
        assert_eq!(walk(b"assad"), Some(Some(4)));
        assert_eq!(walk(b"b"), Some(Some(5)));
        assert_eq!(walk(b"c"), None);
        assert_eq!(walk(b"assads"), None);
        assert_eq!(t.key(0), Some(0));
    }

    #[test]
    fn wide_nodes_use_binary_search() {
        let owned: Vec<Vec<u8>> = (0u8..=255).map(|b| vec![b'x', b]).collect();
        let keys: Vec<&[u8]> = owned.iter().map(|k| k.as_slice()).collect();
        let t = Trie::build(&keys);
        let x = t.step(0, b'x').unwrap();
        for b in 0u8..=255 {
            let n = t.step(x, b).unwrap();
            assert_eq!(t.key(n), Some(u32::from(b)));
        }
    }
}
