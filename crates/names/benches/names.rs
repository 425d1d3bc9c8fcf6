//! The name finder on the seed article (crates/text/benches/seed.txt),
//! with the gazetteer's mentions as the known spans, as the pipeline will
//! call it: tokenizing and the table are outside the measurement. Beside
//! it, in the same group and run, the gazetteer's own pass over the same
//! text (`find_in_document`), so the finder's cost reads as a share of
//! the pass it follows.
//!
//! ```text
//! cargo bench -p newsnlp-names
//! ```
use std::hint::black_box;
use std::ops::Range;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsnlp_gazetteer::Gazetteer;
use newsnlp_names::NameFinder;
use newsnlp_tokenize::Tokenizer;

const SEED: &str = include_str!("../../text/benches/seed.txt");
/// Names `find` reports in the seed article beside the gazetteer's
/// mentions (checked below, so a change of rules shows here).
const SEED_NAMES: usize = 1;

fn seed(c: &mut Criterion) {
    let doc = Tokenizer::new().tokenize(SEED);
    let table = doc.table();
    let gazetteer = Gazetteer::default();
    let known: Vec<Range<usize>> = gazetteer
        .find_in_document(SEED)
        .iter()
        .map(|m| m.span())
        .collect();
    let finder = NameFinder::new();
    let names = finder.find(&doc, &table, &known);
    assert_eq!(names.len(), SEED_NAMES, "{names:?}");
    let mut g = c.benchmark_group("names");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("gazetteer/seed", |b| {
        b.iter(|| black_box(gazetteer.find_in_document(black_box(SEED))))
    });
    g.bench_function("names/seed", |b| {
        b.iter(|| black_box(finder.find(&doc, &table, black_box(&known))))
    });
    g.finish();
}

criterion_group!(benches, seed);
criterion_main!(benches);
