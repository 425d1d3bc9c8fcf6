//! The linear target-sentiment model and its weight file.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;
use std::sync::{LazyLock, OnceLock};

use crate::error::Error;
use crate::features;
use crate::lexicon::{LEXICONS, WordInfo};
use crate::polarity::Sentiment;
use crate::tokens::Token;
use newsnlp_text::data;
use newsnlp_text::hash::{FastMap, short_key};
use newsnlp_text::short::ShortTable;

mod rows;
use rows::{Packed, RawLines, entry, line_row, row};

/// First line of every weight file.
const MAGIC: &str = "newsnlp-stance-sentiment 1";

/// The weights shipped with the crate (trained on NewsMTSC, MIT; see
/// `data/model.NOTICE.txt`), as the build script packs them (`build.rs`):
/// the file's head as text (up to its bias line; the whole file when its
/// rows could not be packed), and the later rows' names and integers.
const EMBEDDED_HEAD: &str = include_str!(concat!(env!("OUT_DIR"), "/model_head.txt"));
const EMBEDDED_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/model_names.txt"));
const EMBEDDED_ROWS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/model_rows.bin"));
/// What the index makes of each packed row, found by the build script (see
/// [`Index::build_packed`]).
const EMBEDDED_VOCAB: &str = include_str!(concat!(env!("OUT_DIR"), "/model_vocab.txt"));
const EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/model_index.bin"));

static EMBEDDED_MODEL: LazyLock<Model> = LazyLock::new(|| {
    // The embedded text lives as long as the program: its feature names
    // are borrowed, not copied.
    let packed = Packed {
        names: EMBEDDED_NAMES,
        rows: EMBEDDED_ROWS,
        vocab: EMBEDDED_VOCAB,
        index: EMBEDDED_INDEX,
    };
    Model::parse_packed(EMBEDDED_HEAD, Cow::Borrowed, packed).unwrap_or_else(|_| Model::empty())
});

/// A feature name: borrowed from the embedded weight file, or owned.
pub(crate) type Name = Cow<'static, str>;

/// A multinomial logistic regression over target-relative features.
///
/// The weight file is plain text:
///
/// ```text
/// newsnlp-stance-sentiment 1
/// # any number of comment lines
/// classes<TAB>negative<TAB>neutral<TAB>positive
/// scale<TAB>1000
/// bias<TAB><int><TAB><int><TAB><int>
/// <feature><TAB><int><TAB><int><TAB><int>
/// ...
/// ```
///
/// Weights are integers to be divided by `scale`; features absent from the
/// file weigh 0. Fields are separated by one tab.
///
/// ```
/// use newsnlp_stance::Model;
///
/// let text = "newsnlp-stance-sentiment 1\nclasses\tnegative\tneutral\tpositive\nscale\t1000\n\
///             bias\t0\t500\t0\nw:praised\t-800\t0\t900\n";
/// let model = Model::parse(text)?;
/// assert_eq!(model.len(), 1);
/// let mut out = Vec::new();
/// model.write(&mut out)?;
/// assert_eq!(Model::parse(std::str::from_utf8(&out).unwrap())?.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Model {
    pub(crate) bias: [f32; 3],
    pub(crate) weights: FastMap<Name, [f32; 3]>,
    pub(crate) comments: Vec<String>,
    /// The word and word-pair features again, by the ids of their words
    /// (built on the first classification).
    index: OnceLock<Option<Index>>,
}

/// Models are equal when their weights, bias and comments are.
impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.bias == other.bias && self.weights == other.weights && self.comments == other.comments
    }
}

/// The features named by a prefix and words ([`features::WORD_PREFIXES`],
/// [`features::PAIR_PREFIXES`]) keyed by the prefix and the ids of the
/// words, so that a target's features are found from the ids of its
/// sentence's tokens without building their names.
#[derive(Clone, Default)]
struct Index {
    /// Every word of the features and of the lexicons: its id
    /// ([`UNKNOWN`] outside the features) and what the lexicons say of it,
    /// so that a token's word is looked up once: `infos[k]` for the `k`
    /// that words of at most [`SHORT`](newsnlp_text::hash::SHORT) bytes
    /// find in `short_info` by [`short_key`] (integer compares, no string
    /// hashing)...
    short_info: ShortTable,
    /// ... and the longer ones in `long_info`.
    long_info: FastMap<Box<str>, u32>,
    infos: Vec<(u32, WordInfo)>,
    /// `short_info` once built, with `infos[k]` in the slot of each `k`:
    /// what a token reads, in one probe and no second, dependent load
    /// (most of either a cache miss).
    short_facts: ShortTable<(u32, WordInfo)>,
    /// The pair features, by [`pair_key`].
    keys: FastMap<u64, [f32; 3]>,
    /// The number of word ids.
    vocab_len: usize,
    /// The word features, dense: `words[p * vocab_len + id]` is
    /// the weight of `WORD_PREFIXES[p]` + the word `id` (zero when the
    /// model has no such feature). One prefix's rows sit together, so the
    /// common `w:` rows share a small stretch of memory.
    words: Vec<[f32; 3]>,
    /// The weights of the [`features::FIXED`] features, by index.
    fixed: Vec<Option<[f32; 3]>>,
    /// The id of [`features::NAME_WORD`] ([`UNKNOWN`] when no feature has
    /// it).
    name: u32,
}

/// Word ids have fewer bits than this.
const ID_BITS: u32 = 28;
/// A token whose word is in no indexed feature.
const UNKNOWN: u32 = u32::MAX;
/// A token whose word contains `_`: its pair features are ambiguous by
/// ids, so they are looked up by name.
const BY_NAME: u32 = u32::MAX - 1;

fn pair_key(p: usize, a: u32, b: u32) -> u64 {
    ((0x80 | p as u64) << 56) | (u64::from(a) << ID_BITS) | u64::from(b)
}

impl Index {
    /// An index of `weights` with no word yet.
    fn start(weights: &FastMap<Name, [f32; 3]>) -> Index {
        Index {
            keys: FastMap::with_capacity_and_hasher(weights.len(), Default::default()),
            fixed: features::FIXED
                .iter()
                .map(|name| weights.get(*name).copied())
                .collect(),
            words: Vec::new(),
            vocab_len: 0,
            // The embedded model's rows name about a word per four rows
            // (18,500 words in 72,400 rows), the lexicons about 8,000 more.
            short_info: ShortTable::with_capacity(weights.len() / 3),
            long_info: FastMap::default(),
            infos: Vec::new(),
            short_facts: ShortTable::default(),
            name: UNKNOWN,
        }
    }

    /// The index of `weights`; `None` when the vocabulary is too large.
    fn build(weights: &FastMap<Name, [f32; 3]>) -> Option<Index> {
        let mut ix = Index::start(weights);
        // The words of the features, by id: a word's id is its place in
        // `infos`, found by the word's key as every token's word is.
        let mut words = Vec::new();
        // The prefixes by their keys: one lookup per row instead of a
        // string compare per prefix (`PAIR` marks a pair prefix's index).
        const PAIR: u32 = 1 << 8;
        let mut prefixes = ShortTable::new();
        for (p, pre) in (0..).zip(features::WORD_PREFIXES) {
            prefixes.insert(pre, p);
        }
        for (p, pre) in (0..).zip(features::PAIR_PREFIXES) {
            prefixes.insert(pre, PAIR | p);
        }
        for (name, w) in weights {
            // Every prefix ends at the name's first `:` (checked in the
            // tests), so the prefix is found by that one split.
            let Some(colon) = name.bytes().position(|b| b == b':') else {
                continue;
            };
            let (pre, rest) = name.split_at(colon + 1);
            let Some(found) = prefixes.get(pre) else {
                continue;
            };
            let p = (found & !PAIR) as usize;
            if found & PAIR != 0 {
                // Exactly one `_`: the two words are known.
                if let Some(k) = rest.bytes().position(|b| b == b'_')
                    && let (a, Some(b)) = (&rest[..k], rest.get(k + 1..))
                    && !b.bytes().any(|c| c == b'_')
                {
                    let (a, b) = (ix.word_id(a)?, ix.word_id(b)?);
                    ix.keys.insert(pair_key(p, a, b), *w);
                }
            } else {
                let a = ix.word_id(rest)?;
                words.push((p, a, *w));
            }
        }
        ix.finish(words)
    }

    /// [`build`](Self::build) of the embedded model, whose rows the build
    /// script has read as `build` does: `vocab` the words of the indexed
    /// rows (joined by `\n`; their number in the first 8 bytes of `tags`),
    /// `tags` per row of `rows` its prefix and words (see `build.rs`). The
    /// same words get ids (in another order) and the same features their
    /// weights, with one lookup per word instead of one per row and word.
    /// `None` when the packed data does not fit the rows.
    fn build_packed<'a>(
        weights: &FastMap<Name, [f32; 3]>,
        vocab: &str,
        tags: &[u8],
        rows: impl Iterator<Item = Option<(&'a str, [f32; 3])>>,
    ) -> Option<Index> {
        const PAIR: u32 = 1 << 8;
        let n = usize::try_from(u64::from_le_bytes(*tags.first_chunk::<8>()?)).ok()?;
        let mut ix = Index::start(weights);
        let mut ids = Vec::with_capacity(n);
        // The words, cut at their `\n`s by memchr (`str::split` by a char
        // cost more than the lookups).
        let mut start = 0;
        let ends = memchr::memchr_iter(b'\n', vocab.as_bytes()).chain([vocab.len()]);
        for end in ends.take(n) {
            ids.push(ix.word_id(vocab.get(start..end)?)?);
            start = end + 1;
        }
        if ids.len() != n {
            return None;
        }
        let id = |k: u32| ids.get(k as usize).copied();
        let mut words = Vec::new();
        let mut tags = tags.get(8..)?.chunks_exact(12);
        for row in rows {
            let (_, w) = row?;
            let t = tags.next()?;
            let field = |k: usize| {
                t.get(4 * k..4 * k + 4)?
                    .try_into()
                    .ok()
                    .map(u32::from_le_bytes)
            };
            let (tag, a, b) = (field(0)?, field(1)?, field(2)?);
            if tag & PAIR != 0 {
                let p = (tag & !PAIR) as usize;
                ix.keys.insert(pair_key(p, id(a)?, id(b)?), w);
            } else if tag > 0 {
                words.push(((tag - 1) as usize, id(a)?, w));
            }
        }
        if tags.next().is_some() {
            return None;
        }
        ix.finish(words)
    }

    /// The rest of an index once its feature words have ids: `words` (the
    /// word features: prefix, word id, weights) in their dense table, the
    /// id of [`features::NAME_WORD`], and the lexicons' other words.
    fn finish(self, words: Vec<(usize, u32, [f32; 3])>) -> Option<Index> {
        let mut ix = self;
        if let Some(key) = word_key(features::NAME_WORD)
            && let Some(id) = ix.short_info.get_key(key)
        {
            ix.name = id;
        }
        let np = features::WORD_PREFIXES.len();
        let n = ix.infos.len();
        ix.words = vec![[0.0; 3]; n.checked_mul(np)?];
        ix.vocab_len = n;
        for (p, a, w) in words {
            if let Some(slot) = ix.words.get_mut(p * n + a as usize) {
                *slot = w;
            }
        }
        // The lexicons' other words, with no id.
        for (w, info) in LEXICONS.infos() {
            let k = u32::try_from(ix.infos.len()).unwrap_or(u32::MAX);
            let added = match word_key(w) {
                Some(key) => {
                    ix.short_info.get_key(key).is_none() && ix.short_info.insert_key(key, k)
                }
                None if ix.long_info.contains_key(w) => false,
                None => ix.long_info.insert(w.into(), k).is_none(),
            };
            if added {
                ix.infos.push((UNKNOWN, info));
            }
        }
        let infos = &ix.infos;
        ix.short_facts = ix
            .short_info
            .map_values(|k| infos.get(k as usize).copied().unwrap_or_default());
        Some(ix)
    }

    /// The id of the feature word `word`, a new one (with what the
    /// lexicons say of it) for a new word; `None` past [`ID_BITS`] bits.
    fn word_id(&mut self, word: &str) -> Option<u32> {
        let found = match word_key(word) {
            Some(key) => self.short_info.get_key(key),
            None => self.long_info.get(word).copied(),
        };
        if found.is_some() {
            return found;
        }
        let id = u32::try_from(self.infos.len())
            .ok()
            .filter(|&id| id < 1 << ID_BITS)?;
        match word_key(word) {
            Some(key) => {
                self.short_info.insert_key(key, id);
            }
            None => {
                self.long_info.insert(word.into(), id);
            }
        }
        self.infos.push((id, LEXICONS.info(word)));
        Some(id)
    }
}

/// The key of a feature word: [`short_key`] (two loads of the word).
#[inline]
fn word_key(w: &str) -> Option<(u64, u64)> {
    short_key(w)
}

/// A [`features::Sink`] summing a model's class scores.
struct Scorer<'a> {
    model: &'a Model,
    index: &'a Index,
    /// Per token: the id of its word, [`UNKNOWN`] or [`BY_NAME`].
    ids: &'a [u32],
    z: [f32; 3],
    buf: String,
}

impl Scorer<'_> {
    /// The id of the word of token `i` (of [`features::NAME_WORD`] for
    /// [`features::NAME`]).
    #[inline(always)]
    fn id(&self, i: usize) -> Option<u32> {
        if i == features::NAME {
            Some(self.index.name)
        } else {
            self.ids.get(i).copied()
        }
    }

    #[inline]
    fn add(&mut self, w: Option<&[f32; 3]>, v: f32) {
        if let Some(w) = w {
            for (z, w) in self.z.iter_mut().zip(w) {
                *z += w * v;
            }
        }
    }
}

impl features::Sink for Scorer<'_> {
    #[inline(always)]
    fn word(&mut self, p: usize, i: usize, w: &str, v: f32) {
        match self.id(i) {
            Some(UNKNOWN) => {}
            Some(BY_NAME) | None => self.other(&[features::WORD_PREFIXES[p], w], v),
            Some(a) => {
                let index = self.index;
                let at = p * index.vocab_len + a as usize;
                self.add(index.words.get(at), v);
            }
        }
    }

    fn pair(&mut self, p: usize, i: usize, a: &str, j: usize, b: &str, v: f32) {
        match (self.id(i), self.id(j)) {
            (Some(UNKNOWN), _) | (_, Some(UNKNOWN)) => {}
            (Some(x), Some(y)) if x != BY_NAME && y != BY_NAME => {
                let index = self.index;
                self.add(index.keys.get(&pair_key(p, x, y)), v);
            }
            _ => self.other(&[features::PAIR_PREFIXES[p], a, "_", b], v),
        }
    }

    fn other(&mut self, parts: &[&str], v: f32) {
        let model = self.model;
        // A short name is put together on the stack: no allocation per
        // classification for the one such feature of every target.
        let mut stack = [0u8; 64];
        let len: usize = parts.iter().map(|p| p.len()).sum();
        if let Some(out) = stack.get_mut(..len) {
            let mut at = 0;
            for p in parts {
                if let Some(dst) = out.get_mut(at..at + p.len()) {
                    dst.copy_from_slice(p.as_bytes());
                }
                at += p.len();
            }
            // Whole strings one after another: valid UTF-8.
            if let Ok(name) = std::str::from_utf8(out) {
                self.add(model.weights.get(name), v);
                return;
            }
        }
        self.buf.clear();
        for p in parts {
            self.buf.push_str(p);
        }
        self.add(model.weights.get(self.buf.as_str()), v);
    }

    #[inline(always)]
    fn fixed(&mut self, k: usize, v: f32) {
        let w = self.index.fixed.get(k).copied().flatten();
        self.add(w.as_ref(), v);
    }
}

/// Short on purpose: the weights would be megabytes of output.
///
/// ```
/// let s = format!("{:?}", newsnlp_stance::Model::embedded());
/// assert!(s.starts_with("Model { features: ") && s.len() < 200);
/// ```
impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("features", &self.weights.len())
            .field("bias", &self.bias)
            .finish_non_exhaustive()
    }
}

/// Fixed-point scale of the weight file.
pub(crate) const SCALE: f32 = 1000.0;

impl Model {
    /// A model with no weights (predicts from the zero bias: always neutral).
    pub(crate) fn empty() -> Self {
        Model::from_parts([0.0; 3], FastMap::default(), Vec::new())
    }

    /// The model of these weights, indexed.
    pub(crate) fn from_parts(
        bias: [f32; 3],
        weights: FastMap<Name, [f32; 3]>,
        comments: Vec<String>,
    ) -> Self {
        Model {
            bias,
            weights,
            comments,
            index: OnceLock::new(),
        }
    }

    /// The model embedded in the crate, parsed once and shared.
    ///
    /// ```
    /// assert!(newsnlp_stance::Model::embedded().len() > 1000);
    /// ```
    pub fn embedded() -> &'static Model {
        &EMBEDDED_MODEL
    }

    /// Parses a weight file's text; errors name the 1-based line.
    ///
    /// ```
    /// use newsnlp_stance::Model;
    /// let err = Model::parse("newsnlp-stance-sentiment 1\nclasses\tnegative\tneutral\tpositive\nscale\t1000\nbias\t0\t0\t0\nw:x\t1\tzwei\t3\n")
    ///     .unwrap_err();
    /// assert_eq!(err.line(), Some(5));
    /// ```
    pub fn parse(text: &str) -> Result<Model, Error> {
        Model::parse_with(text, |name| Cow::Owned(name.to_owned()))
    }

    /// [`parse`](Self::parse), with the feature names made by `name` from
    /// the text's slices.
    fn parse_with<'a>(
        text: &'a str,
        feature_name: impl Fn(&'a str) -> Name,
    ) -> Result<Model, Error> {
        Model::parse_packed(text, feature_name, Packed::NONE)
    }

    /// [`parse_with`](Self::parse_with) of `text` followed by the rows of
    /// `packed` (the embedded file as the build script packs it: its head
    /// as text, its rows as integers). The weights are the same values
    /// inserted in the same order into a table of the same capacity as
    /// when the whole file is read as text.
    fn parse_packed<'a>(
        text: &'a str,
        feature_name: impl Fn(&'a str) -> Name,
        packed: Packed<'a>,
    ) -> Result<Model, Error> {
        let mut lines = data::lines(text);
        let mut next = |what: &str| {
            lines.next().ok_or_else(|| {
                Error::format(
                    text.lines().count() + 1,
                    format!("unexpected end of file, expected {what}"),
                )
            })
        };
        let l = next("the header line")?;
        if l.text != MAGIC {
            return Err(Error::format(
                l.number,
                format!("expected the header {MAGIC:?}"),
            ));
        }
        let l = next("the classes line")?;
        if l.text != "classes\tnegative\tneutral\tpositive" {
            return Err(Error::format(
                l.number,
                "expected \"classes<TAB>negative<TAB>neutral<TAB>positive\"",
            ));
        }
        let l = next("the scale line")?;
        let scale = l
            .text
            .strip_prefix("scale\t")
            .and_then(|s| s.parse::<f32>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .ok_or_else(|| Error::format(l.number, "expected \"scale<TAB><positive number>\""))?;
        let l = next("the bias line")?;
        let (name, bias) = row(l.number, l.text, scale)?;
        if name != "bias" {
            return Err(Error::format(l.number, "expected the bias line"));
        }
        // The comments of the header, before the bias line.
        let comments = text
            .lines()
            .take(l.number)
            .filter_map(|c| c.trim_start().strip_prefix('#'))
            .map(|c| c.strip_prefix(' ').unwrap_or(c).to_string())
            .collect();
        // One feature a line: size the table once (for the whole file).
        let lines_left = packed
            .lines()
            .unwrap_or_else(|| memchr::memchr_iter(b'\n', text.as_bytes()).count());
        let mut weights = FastMap::with_capacity_and_hasher(lines_left, Default::default());
        // The rows (about 96,000 in the embedded file) by a byte loop of their
        // own: the shared reader's per-line work would add a seventh to the
        // start-up cost. A written row is read in one pass that finds its
        // end too ([`line_row`]); any other line is cut at its `\n` and read
        // as `data::lines` reads it ([`entry`]).
        let mut raw = RawLines { rest: text };
        for _ in 0..l.number {
            raw.next();
        }
        let mut number = l.number;
        while !raw.rest.is_empty() {
            number += 1;
            let found = match line_row(raw.rest, scale) {
                Some((name, w, used)) => {
                    raw.rest = raw.rest.get(used..).unwrap_or_default();
                    Some((name, w))
                }
                None => match raw.next().and_then(entry) {
                    Some(row_text) => Some(row(number, row_text, scale)?),
                    None => None,
                },
            };
            let Some((name, w)) = found else { continue };
            if weights.insert(feature_name(name), w).is_some() {
                return Err(Error::format(
                    number,
                    format!("feature {name:?} appears twice"),
                ));
            }
        }
        // The packed rows, one a line after the text's.
        for found in packed.rows(scale) {
            number += 1;
            let (name, w) = found.ok_or_else(|| Error::format(number, "a malformed packed row"))?;
            if weights.insert(feature_name(name), w).is_some() {
                return Err(Error::format(
                    number,
                    format!("feature {name:?} appears twice"),
                ));
            }
        }
        // Their index as the build script found it (else built on the
        // first classification, from the names).
        let index = (!packed.index.is_empty())
            .then(|| Index::build_packed(&weights, packed.vocab, packed.index, packed.rows(scale)))
            .flatten();
        let mut model = Model::from_parts(bias, weights, comments);
        if let Some(index) = index {
            model.index = OnceLock::from(Some(index));
        }
        Ok(model)
    }

    /// Reads and parses a weight file; errors name the file and line.
    ///
    /// ```
    /// let err = newsnlp_stance::Model::from_path("/no/such/file").unwrap_err();
    /// assert!(err.to_string().contains("/no/such/file"));
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Model, Error> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Model::parse(&text).map_err(|e| e.in_file(path))
    }

    /// Writes the model in the weight-file format, features sorted by name,
    /// so that the same model always gives the same bytes.
    ///
    /// ```
    /// let mut out = Vec::new();
    /// newsnlp_stance::Model::embedded().write(&mut out)?;
    /// assert!(out.starts_with(b"newsnlp-stance-sentiment 1\n"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write(&self, mut out: impl std::io::Write) -> std::io::Result<()> {
        let mut s = String::new();
        let _ = writeln!(s, "{MAGIC}");
        for c in &self.comments {
            let _ = writeln!(s, "# {c}");
        }
        let _ = writeln!(s, "classes\tnegative\tneutral\tpositive");
        let _ = writeln!(s, "scale\t{SCALE}");
        let q = |w: f32| (w * SCALE).round() as i64;
        let _ = writeln!(
            s,
            "bias\t{}\t{}\t{}",
            q(self.bias[0]),
            q(self.bias[1]),
            q(self.bias[2])
        );
        let mut names: Vec<&Name> = self.weights.keys().collect();
        names.sort();
        for name in names {
            let w = self.weights[name];
            let _ = writeln!(s, "{name}\t{}\t{}\t{}", q(w[0]), q(w[1]), q(w[2]));
        }
        out.write_all(s.as_bytes())
    }

    /// Number of features with weights.
    ///
    /// ```
    /// assert!(!newsnlp_stance::Model::embedded().is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model has no feature weights.
    ///
    /// ```
    /// assert!(!newsnlp_stance::Model::embedded().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The comment lines of the weight file (provenance, training command).
    ///
    /// ```
    /// let c = newsnlp_stance::Model::embedded().comments();
    /// assert!(c.iter().any(|l| l.contains("NewsMTSC")));
    /// ```
    pub fn comments(&self) -> &[String] {
        &self.comments
    }

    /// Builds the index and the lexicons now (see
    /// [`TargetSentiment::prepare`](crate::sentiment::TargetSentiment::prepare)).
    pub(crate) fn prepare(&self) {
        let _ = self.index();
        std::sync::LazyLock::force(&crate::verbs::STANCE_LEXICON);
    }

    /// The index of the word features, built once.
    fn index(&self) -> Option<&Index> {
        self.index
            .get_or_init(|| Index::build(&self.weights))
            .as_ref()
    }

    /// Raw class scores (logits) of a target.
    pub(crate) fn logits(&self, sentence: &str, target: Range<usize>) -> [f32; 3] {
        let span = features::clamp_span(sentence, target);
        let tokens = crate::tokens::tokenize(sentence);
        let (ids, infos) = self.token_facts(&tokens);
        let (vals, classes) = features::valences_and_classes_from(&tokens, &infos);
        self.logits_tokens(&tokens, &vals, &classes, ids.as_deref(), &span)
    }

    /// The ids of the tokens' words for [`classify_tokens`](Self::classify_tokens)
    /// (`None` when the model has no index) and what the lexicons say of
    /// them ([`Lexicons::info`](crate::lexicon::Lexicons::info)), with one
    /// lookup per token when the model has an index.
    pub(crate) fn token_facts(&self, tokens: &[Token<'_>]) -> (Option<Vec<u32>>, Vec<WordInfo>) {
        let lex = &*LEXICONS;
        let Some(index) = self.index() else {
            return (None, tokens.iter().map(|t| lex.info(&t.lower)).collect());
        };
        let mut ids = Vec::with_capacity(tokens.len());
        let mut infos = Vec::with_capacity(tokens.len());
        for t in tokens {
            let lower: &str = &t.lower;
            // A word has no `_` (the tokenizer's words are alphanumerics
            // and joiners): only the mark itself is looked up by name.
            // A byte loop: a mark is a character or two, too short for
            // `str::contains` to pay off.
            if !t.is_word() && lower.bytes().any(|b| b == b'_') {
                ids.push(BY_NAME);
                infos.push(lex.info(lower));
            } else {
                let found = match word_key(lower) {
                    Some(k) => index.short_facts.get_key(k),
                    None => index
                        .long_info
                        .get(lower)
                        .and_then(|&k| index.infos.get(k as usize).copied()),
                };
                let (id, info) = found.unwrap_or((UNKNOWN, WordInfo::default()));
                ids.push(id);
                infos.push(info);
            }
        }
        (Some(ids), infos)
    }

    fn logits_tokens(
        &self,
        tokens: &[Token<'_>],
        vals: &[f32],
        classes: &[u8],
        ids: Option<&[u32]>,
        span: &Range<usize>,
    ) -> [f32; 3] {
        match (self.index(), ids) {
            (Some(index), Some(ids)) if ids.len() == tokens.len() => {
                let mut scorer = Scorer {
                    model: self,
                    index,
                    ids,
                    z: self.bias,
                    buf: String::new(),
                };
                features::extract_into(tokens, vals, classes, span, &mut scorer);
                scorer.z
            }
            _ => {
                let mut z = self.bias;
                features::extract_tokens(tokens, vals, span, &mut |name, v| {
                    if let Some(w) = self.weights.get(name) {
                        for k in 0..3 {
                            z[k] += w[k] * v;
                        }
                    }
                });
                z
            }
        }
    }

    /// [`classify`](Self::classify) on a sentence tokenized beforehand
    /// ([`tokenize`](crate::tokens::tokenize), with the
    /// [`valences`](features::valences) and [`classes`](features::classes)
    /// of its tokens and their ids from [`token_facts`](Self::token_facts)).
    pub(crate) fn classify_tokens(
        &self,
        sentence: &str,
        tokens: &[Token<'_>],
        vals: &[f32],
        classes: &[u8],
        ids: Option<&[u32]>,
        target: Range<usize>,
    ) -> Sentiment {
        let span = features::clamp_span(sentence, target);
        Sentiment::from_probs(softmax(
            self.logits_tokens(tokens, vals, classes, ids, &span),
        ))
    }

    /// Classifies a target with this model (see
    /// [`TargetSentiment::classify`](crate::TargetSentiment::classify)).
    pub(crate) fn classify(&self, sentence: &str, target: Range<usize>) -> Sentiment {
        Sentiment::from_probs(softmax(self.logits(sentence, target)))
    }
}

/// Numerically stable softmax.
pub(crate) fn softmax(z: [f32; 3]) -> [f32; 3] {
    let m = z[0].max(z[1]).max(z[2]);
    let e = z.map(|v| (v - m).exp());
    let s: f32 = e.iter().sum();
    e.map(|v| v / s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_embedded_model_is_the_weight_file_read_as_text() {
        let text = include_str!("../data/model.txt");
        let packed = Model::embedded();
        let read = Model::parse_with(text, Cow::Borrowed).unwrap();
        // The file's rows are packed (its head is a few lines).
        assert!(EMBEDDED_HEAD.len() < 2000 && EMBEDDED_ROWS.len() > 16 * 70_000);
        assert_eq!(packed.bias.map(f32::to_bits), read.bias.map(f32::to_bits));
        assert_eq!(packed.comments, read.comments);
        // The same weights, bit for bit (a `-0` stays negative), in the same
        // order: the same table.
        let bits = |m: &Model| -> Vec<(String, [u32; 3])> {
            m.weights
                .iter()
                .map(|(k, w)| (k.to_string(), w.map(f32::to_bits)))
                .collect()
        };
        assert_eq!(bits(packed), bits(&read));
        // The index the build script found is the one built from the
        // names, up to the order of the word ids.
        let (a, b) = (packed.index.get(), read.index());
        let (Some(Some(a)), Some(b)) = (a, b) else {
            panic!("both models have an index, the packed one from the start");
        };
        assert_eq!((a.vocab_len, a.keys.len()), (b.vocab_len, b.keys.len()));
        assert_eq!(
            (a.infos.len(), a.fixed.len()),
            (b.infos.len(), b.fixed.len())
        );
        let nonzero = |ix: &Index| ix.words.iter().filter(|w| **w != [0.0; 3]).count();
        assert_eq!(nonzero(a), nonzero(b));
        for s in [
            "Critics slammed Smith's plan, but the mayor praised the bold reform today.",
            "“We will not surrender,” the rebel commander told reporters in the city.",
            "The senator, a longtime ally of the governor, attacked the budget cuts.",
        ] {
            let toks = crate::tokens::tokenize(s);
            for m in [packed, &read] {
                let ids = m.token_facts(&toks).0;
                assert!(ids.is_some());
            }
            for span in [0..7, 15..20, 4..30, 0..0] {
                let span = features::clamp_span(s, span);
                let logits = |m: &Model| {
                    let (ids, infos) = m.token_facts(&toks);
                    let (vals, classes) = features::valences_and_classes_from(&toks, &infos);
                    m.logits_tokens(&toks, &vals, &classes, ids.as_deref(), &span)
                        .map(f32::to_bits)
                };
                assert_eq!(logits(packed), logits(&read), "{s:?} {span:?}");
            }
        }
        // A row that names no span of the names is an error, not a panic.
        let bad = Packed {
            vocab: "",
            index: &[],
            names: "w:a",
            rows: &[
                1, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0,
            ],
        };
        let head = "newsnlp-stance-sentiment 1\nclasses\tnegative\tneutral\tpositive\nscale\t1000\nbias\t0\t0\t0\n";
        let owned = |n: &str| Cow::Owned(n.to_owned());
        assert!(Model::parse_packed(head, owned, bad).is_err());
        let rows = [
            [1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0].as_slice(),
            &[1, 0, 0, 128, 2, 0, 0, 0, 0, 0, 0, 128],
        ]
        .concat();
        let good = Packed {
            vocab: "",
            index: &[],
            names: "w:a",
            rows: &rows,
        };
        let m = Model::parse_packed(head, owned, good).unwrap();
        let w = m.weights.get("w:a").copied().unwrap_or_default();
        assert_eq!(
            w.map(f32::to_bits),
            [-0.001f32, 0.002, -0.0].map(f32::to_bits)
        );
    }

    #[test]
    fn rows_of_every_form_parse_with_their_line_numbers() {
        let head = "newsnlp-stance-sentiment 1\nclasses\tnegative\tneutral\tpositive\nscale\t1000\nbias\t0\t0\t0\n";
        let body = "w:a\t1\t2\t3\n\n# note\nw:b\t4\t5\t6\r\n  w:c\t7\t8\t9  \nw:d\t1.5\t0\t-2\n[s]\nw:é\t1\t1\t1";
        let m = Model::parse(&format!("{head}{body}")).unwrap();
        let get = |k: &str| m.weights.get(k).copied();
        assert_eq!(m.len(), 5);
        assert_eq!(get("w:a"), Some([0.001, 0.002, 0.003]));
        assert_eq!(get("w:b"), Some([0.004, 0.005, 0.006]));
        assert_eq!(get("w:c"), Some([0.007, 0.008, 0.009]));
        assert_eq!(get("w:d"), Some([0.0015, 0.0, -0.002]));
        assert_eq!(get("w:é"), Some([0.001; 3]));
        // Errors name the line, whichever path read it.
        let dup = Model::parse(&format!("{head}w:a\t1\t2\t3\n\nw:a\t1\t2\t3\n")).unwrap_err();
        assert_eq!(dup.line(), Some(7));
        let bad = Model::parse(&format!("{head}w:a\t1\t2\t3\r\nw:b\t1\tx\t3\n")).unwrap_err();
        assert_eq!(bad.line(), Some(6));
    }

    use crate::lexicon::LEXICONS;
    use crate::tokens::tokenize;

    #[test]
    fn prefixes_end_at_their_first_colon() {
        let all = features::WORD_PREFIXES
            .iter()
            .chain(&features::PAIR_PREFIXES);
        let mut keys = std::collections::HashSet::new();
        for pre in all {
            assert_eq!(pre.find(':'), Some(pre.len() - 1), "{pre}");
            // The index finds a prefix by its short key: each has one of
            // its own.
            assert!(keys.insert(short_key(pre).unwrap()), "{pre}");
        }
    }

    #[test]
    fn word_keys_are_short_keys() {
        let long = "abcdefghijklmnopq’é";
        for end in 0..=long.len() {
            if let Some(w) = long.get(..end) {
                assert_eq!(word_key(w), short_key(w), "{w:?}");
            }
            if let Some(w) = long.get(end..) {
                assert_eq!(word_key(w), short_key(w), "{w:?}");
            }
        }
    }

    /// The index gives the sums the feature names give, bit for bit.
    #[test]
    fn index_agrees_with_names() {
        let custom = Model::parse(
            "newsnlp-stance-sentiment 1\nclasses\tnegative\tneutral\tpositive\nscale\t1000\n\
             bias\t0\t0\t0\nlb:___\t1\t2\t3\nlb:_a_b\t4\t5\t6\nrb:a_b\t-7\t8\t9\nw:_\t1\t1\t1\n\
             r1:b\t3\t-3\t3\nt:smith\t5\t0\t-5\n",
        )
        .unwrap();
        for m in [Model::embedded(), &custom] {
            for s in [
                "Critics slammed Smith's _ plan _ today.",
                "Smith, a hero to many, defeated Jones, whose scandals sank his campaign.",
                "a b _ _ a_b Smith a b",
            ] {
                let toks = tokenize(s);
                let vals = features::valences(&toks, &LEXICONS);
                let classes = features::classes(&toks, &LEXICONS);
                let ids = m.token_facts(&toks).0;
                assert!(ids.is_some());
                for span in [0..5, 8..20, 3..3, 14..30, 0..0] {
                    let span = features::clamp_span(s, span);
                    let a = m.logits_tokens(&toks, &vals, &classes, ids.as_deref(), &span);
                    // By names, classes computed on the way.
                    let b = m.logits_tokens(&toks, &vals, &[], None, &span);
                    assert_eq!(a.map(f32::to_bits), b.map(f32::to_bits), "{s:?} {span:?}");
                }
            }
        }
    }
}
