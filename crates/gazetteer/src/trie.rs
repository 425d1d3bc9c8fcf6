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

/// Bits and words of [`Trie::may_pass3`]'s table per dense node.
const PASS3_BITS: usize = 128 * 128;
const PASS3_WORDS: usize = PASS3_BITS / 64;

/// The most nodes with dense transitions (1 KiB each): the root's
/// grandchildren get them only if, with the root's children, they are at
/// most this many, so a large gazetteer's trie stays as small as before.
const DENSE_MAX: usize = 1024;

#[derive(Clone, Copy, Debug)]
struct Node {
    /// The first child (children are contiguous).
    first: u32,
    /// The key ending here, or [`NO_KEY`].
    key: u32,
    /// The number of children.
    count: u16,
    /// The byte leading here. Kept beside the rest so that scanning the
    /// siblings also loads the chosen child (one cache miss per step, not two).
    label: u8,
}

#[derive(Clone, Debug)]
pub(crate) struct Trie {
    /// The root's children by byte (0: none); node 0 is the root.
    root: Box<[u32]>,
    /// Dense transitions of the root's children and, when they are few
    /// (at most [`DENSE_MAX`] nodes in all), of the root's grandchildren:
    /// nodes `1..=dense_n` (breadth-first order keeps them contiguous), 256
    /// per node. Nearly every walk goes through one of each, and they have
    /// the most children: a step there is one load, not a scan of siblings.
    dense: Box<[u32]>,
    dense_n: u32,
    /// The number of the root's children (nodes `1..=root_n`).
    root_n: u32,
    /// One bit per (dense node, ASCII byte, ASCII byte), 128 * 128 bits per
    /// node with dense transitions: set when a walk through the node along
    /// those two bytes may still find a key (a key ends on the way, or the
    /// path goes on). Most words of a text leave the trie within three or
    /// four bytes, and a bit or two answer that for them without a walk.
    pass3: Box<[u64]>,
    /// Siblings are contiguous and sorted by label.
    nodes: Vec<Node>,
}

impl Trie {
    /// Builds the trie of `keys`, which must be sorted and distinct; key `i`
    /// is reported as `i`.
    pub(crate) fn build(keys: &[&[u8]]) -> Trie {
        let total: usize = keys.iter().map(|k| k.len()).sum();
        let cap = total.min(1 << 26) + 1;
        let mut t = Trie {
            root: vec![0u32; 256].into_boxed_slice(),
            dense: Box::new([]),
            dense_n: 0,
            root_n: 0,
            pass3: Box::new([]),
            nodes: Vec::with_capacity(cap),
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
                    t.nodes[node as usize].key = i as u32;
                    i += 1;
                }
                let first = t.nodes.len() as u32;
                t.nodes[node as usize].first = first;
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
                t.nodes[node as usize].count = (t.nodes.len() as u32 - first) as u16;
            }
            std::mem::swap(&mut level, &mut next);
            next.clear();
            depth += 1;
        }
        let root = t.nodes[0];
        let (f, n) = (root.first as usize, root.count as usize);
        for c in f..f + n {
            t.root[t.nodes[c].label as usize] = c as u32;
        }
        // Root children are nodes 1..=n, and their children the nodes after
        // them up to the last child of the last root child with children
        // (breadth-first order).
        let grand_end = (f..f + n)
            .filter(|&c| t.nodes[c].count > 0)
            .map(|c| (t.nodes[c].first + u32::from(t.nodes[c].count)) as usize - 1)
            .max()
            .unwrap_or(n)
            .max(n);
        let dense_n = if grand_end <= DENSE_MAX { grand_end } else { n };
        let mut dense = vec![0u32; dense_n * 256];
        for (i, c) in (1..=dense_n).enumerate() {
            let node = t.nodes[c];
            for g in node.first as usize..(node.first + u32::from(node.count)) as usize {
                dense[i * 256 + t.nodes[g].label as usize] = g as u32;
            }
        }
        t.dense = dense.into_boxed_slice();
        t.dense_n = dense_n as u32;
        t.root_n = n as u32;
        // The pass bits of every node with dense transitions.
        let mut pass3 = vec![0u64; dense_n * PASS3_WORDS];
        for (i, c) in (1..=dense_n).enumerate() {
            let block = &mut pass3[i * PASS3_WORDS..(i + 1) * PASS3_WORDS];
            let node = t.nodes[c];
            if node.key != NO_KEY {
                block.fill(u64::MAX);
                continue;
            }
            for g in node.first as usize..(node.first + u32::from(node.count)) as usize {
                let n2 = t.nodes[g];
                if n2.label >= 0x80 {
                    continue;
                }
                // The 128 bits of (node, n2.label, *): two words.
                let w = usize::from(n2.label) * 2;
                if n2.key != NO_KEY {
                    block[w] = u64::MAX;
                    block[w + 1] = u64::MAX;
                    continue;
                }
                for h in n2.first as usize..(n2.first + u32::from(n2.count)) as usize {
                    let l = usize::from(t.nodes[h].label);
                    if l < 0x80 {
                        block[w + l / 64] |= 1 << (l % 64);
                    }
                }
            }
        }
        t.pass3 = pass3.into_boxed_slice();
        t.nodes.shrink_to_fit();
        t
    }

    fn push(&mut self, label: u8) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(Node {
            first: 0,
            key: NO_KEY,
            count: 0,
            label,
        });
        id
    }

    /// The child of `node` along byte `b`.
    #[inline]
    pub(crate) fn step(&self, node: u32, b: u8) -> Option<u32> {
        if node == 0 {
            let c = self.root[b as usize];
            return (c != 0).then_some(c);
        }
        if node <= self.dense_n {
            let c = *self.dense.get((node as usize - 1) * 256 + b as usize)?;
            return (c != 0).then_some(c);
        }
        let n = self.nodes.get(node as usize)?;
        let f = n.first as usize;
        let c = n.count as usize;
        let kids = self.nodes.get(f..f + c)?;
        let at = if c <= 16 {
            kids.iter().position(|k| k.label == b)?
        } else {
            kids.binary_search_by(|k| k.label.cmp(&b)).ok()?
        };
        Some((f + at) as u32)
    }

    /// Whether a walk that reached `node`, a node with dense transitions (a
    /// child of the root, or a grandchild when they are few), and goes on
    /// along the ASCII bytes `b1` and `b2` may reach a key: false only when
    /// no key ends at `node` or its child along `b1`, and the path leaves
    /// the trie by `b2`. Other nodes and bytes always answer true.
    #[inline]
    pub(crate) fn may_pass3(&self, node: u32, b1: u8, b2: u8) -> bool {
        if node == 0 || node > self.dense_n || b1 >= 0x80 || b2 >= 0x80 {
            return true;
        }
        let bit = (node as usize - 1) * PASS3_BITS + usize::from(b1) * 128 + usize::from(b2);
        self.pass3
            .get(bit / 64)
            .is_none_or(|w| w & (1 << (bit % 64)) != 0)
    }

    /// [`Trie::may_pass3`] one byte on: whether a walk that reached `node`,
    /// a child of the root, and goes on along the ASCII bytes `b1`, `b2`
    /// and `b3` may reach a key. False only when no key ends at `node`, and
    /// [`Trie::may_pass3`] of its child along `b1` is false. A root child's
    /// transitions are dense: the child is one load.
    #[inline]
    pub(crate) fn may_pass4(&self, node: u32, b1: u8, b2: u8, b3: u8) -> bool {
        if node == 0 || node > self.root_n || self.key(node).is_some() {
            return true;
        }
        match self.dense.get((node as usize - 1) * 256 + usize::from(b1)) {
            Some(&n2) if n2 != 0 => self.may_pass3(n2, b2, b3),
            _ => true,
        }
    }

    /// The key ending at `node`, if any.
    #[inline]
    pub(crate) fn key(&self, node: u32) -> Option<u32> {
        let k = self.nodes.get(node as usize)?.key;
        (k != NO_KEY).then_some(k)
    }

    /// Approximate heap bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        (self.root.len() + self.dense.len()) * 4
            + self.pass3.len() * 8
            + self.nodes.capacity() * std::mem::size_of::<Node>()
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

    /// Checks every bit of `node` against stepping along the trie.
    fn bits_agree(t: &Trie, node: u32) {
        for b1 in 0u8..0x80 {
            for b2 in 0u8..0x80 {
                let want = t.key(node).is_some()
                    || t.step(node, b1)
                        .is_some_and(|n2| t.key(n2).is_some() || t.step(n2, b2).is_some());
                assert_eq!(t.may_pass3(node, b1, b2), want, "{node} {b1} {b2}");
            }
        }
    }

    #[test]
    fn pass3_agrees_with_stepping() {
        let keys: Vec<&[u8]> = vec![b"a", b"bcd", b"bce", b"bx", b"bxyz", b"c\xc3\xa9t", b"dd"];
        let t = Trie::build(&keys);
        for b0 in 0u8..0x80 {
            let Some(n1) = t.step(0, b0) else { continue };
            bits_agree(&t, n1);
            // The grandchildren of the root are dense in so small a trie,
            // and their bits agree with stepping too.
            for b1 in 0u8..0x80 {
                let Some(n2) = t.step(n1, b1) else { continue };
                assert!(n2 <= t.dense_n, "{b0} {b1}");
                bits_agree(&t, n2);
                for (b2, b3) in (0u8..0x80).flat_map(|b2| (0u8..0x80).map(move |b3| (b2, b3))) {
                    let want = t.key(n1).is_some() || t.may_pass3(n2, b2, b3);
                    assert_eq!(t.may_pass4(n1, b1, b2, b3), want, "{b0} {b1} {b2} {b3}");
                }
            }
        }
        assert!(t.may_pass3(0, b'a', b'b'));
    }

    #[test]
    fn grandchildren_are_dense_only_when_few() {
        // Few grandchildren: dense to depth 2; many: only the root's
        // children. Every key walks to itself either way.
        for firsts in [4u8, 64] {
            let owned: Vec<Vec<u8>> = (0..firsts)
                .flat_map(|a| (0..32u8).map(move |b| vec![b'a' + a, b'0' + b, b'z']))
                .collect();
            let keys: Vec<&[u8]> = owned.iter().map(|k| k.as_slice()).collect();
            let t = Trie::build(&keys);
            let grand = usize::from(firsts) * 33;
            assert_eq!(t.root_n, u32::from(firsts));
            let dense_n = if grand <= DENSE_MAX {
                grand
            } else {
                usize::from(firsts)
            };
            assert_eq!(t.dense_n as usize, dense_n);
            for (i, k) in keys.iter().enumerate() {
                let mut n = 0;
                for &b in *k {
                    n = t.step(n, b).unwrap();
                }
                assert_eq!(t.key(n), Some(i as u32));
                assert_eq!(t.step(t.step(0, k[0]).unwrap(), b'~'), None);
            }
        }
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
