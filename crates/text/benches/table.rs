//! The cost of building the per-document [`Table`] on real news text (the
//! seed article, `seed.txt`, repeated), from tokens cut by a simple
//! splitter (the tokenizer sits above this crate).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsnlp_text::data;
use newsnlp_text::hash::{FastHasher, short_key};
use newsnlp_text::words::WordClass;
use newsnlp_text::{Span, Table, TokenFacts};
use std::hash::{BuildHasher, BuildHasherDefault};
use std::hint::black_box;
use std::ops::Range;

const SEED: &str = include_str!("seed.txt");

/// Tokens (runs of alphanumerics and apostrophes, or one other character)
/// and sentences (ended by `.`, `?`, `!`) of `text`.
fn split(text: &str) -> (Vec<TokenFacts>, Vec<Range<usize>>) {
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let (mut paragraph, mut newlines, mut start) = (0u32, 0, 0);
    let mut word: Option<usize> = None;
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if let Some(w) = word
            && !is_word(c)
        {
            let span = Span::new(w, at);
            tokens.push(TokenFacts {
                span,
                wordlike: true,
                paragraph,
            });
            word = None;
        }
        if c.is_whitespace() {
            newlines += usize::from(c == '\n');
            continue;
        }
        if newlines >= 2 {
            paragraph += 1;
        }
        newlines = 0;
        if is_word(c) {
            word.get_or_insert(at);
        } else {
            let span = Span::new(at, at + c.len_utf8());
            tokens.push(TokenFacts {
                span,
                wordlike: false,
                paragraph,
            });
            if matches!(c, '.' | '?' | '!') {
                sentences.push(start..tokens.len());
                start = tokens.len();
            }
        }
    }
    sentences.push(start..tokens.len());
    (tokens, sentences)
}

fn bench(c: &mut Criterion) {
    let text = SEED.repeat(40);
    let (tokens, sentences) = split(&text);
    let table = Table::new(&text, tokens.iter().copied(), sentences.iter().cloned());
    // What the bench builds, so that a change in the input shows.
    let pronouns = (0..table.len())
        .filter(|&i| table.classes(i).contains(WordClass::SubjectPronouns))
        .count();
    assert_eq!((table.len(), table.sentence_count(), pronouns), EXPECTED);
    let mut g = c.benchmark_group("table");
    g.throughput(Throughput::Elements(tokens.len() as u64));
    g.bench_function("seed x40", |b| {
        b.iter(|| {
            let t = Table::new(
                black_box(&text),
                tokens.iter().copied(),
                sentences.iter().cloned(),
            );
            black_box(t.len())
        })
    });
    // Every layer's inner loops read tokens lowered and look words up by
    // their short keys.
    g.bench_function("lower x40", |b| {
        b.iter(|| {
            (0..table.len())
                .map(|i| table.lower(black_box(i)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("short_key x40", |b| {
        b.iter(|| {
            (0..table.len())
                .filter_map(|i| short_key(black_box(table.lower(i))))
                .count()
        })
    });
    g.finish();

    // The start-up readers: the shared data-file reader and the string hash
    // every word table uses.
    let mut d = c.benchmark_group("data");
    d.throughput(Throughput::Bytes(WORDS.len() as u64));
    d.bench_function("lines and key_value of words.txt", |b| {
        b.iter(|| {
            data::lines(black_box(WORDS))
                .filter(|l| l.key_value().1.is_none())
                .count()
        })
    });
    let hasher = BuildHasherDefault::<FastHasher>::default();
    d.bench_function("hash of words.txt lines", |b| {
        b.iter(|| data::lines(black_box(WORDS)).fold(0u64, |h, l| h ^ hasher.hash_one(l.text)))
    });
    d.finish();
}

/// The shared word-class file.
const WORDS: &str = include_str!("../data/words.txt");

/// Tokens, sentences and subject pronouns of the seed repeated 40 times.
const EXPECTED: (usize, usize, usize) = (19040, 961, 960);

criterion_group!(benches, bench);
criterion_main!(benches);
