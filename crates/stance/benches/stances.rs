//! Throughput of the stance layer alone (tokens, mentions and quotes
//! prepared outside the timing) on the seed article repeated ten times.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsnlp_gazetteer::Gazetteer;
use newsnlp_quotes::QuoteExtractor;
use newsnlp_stance::StanceAnalyzer;
use newsnlp_tokenize::Tokenizer;

const SEED: &str = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt");
const COPIES: usize = 10;

fn bench(c: &mut Criterion) {
    let text = [SEED; COPIES].join("\n\n");
    let doc = Tokenizer::new().tokenize(&text);
    let gaz = Gazetteer::default();
    let mentions = gaz.find_in_document(&text);
    let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
    let analyzer = StanceAnalyzer::new();

    // The count the benchmark must reproduce: the single article's stances,
    // once per copy.
    let single = {
        let doc = Tokenizer::new().tokenize(SEED);
        let mentions = gaz.find_in_document(SEED);
        let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
        analyzer.stances(&doc, &gaz, &mentions, &quotes).len()
    };
    assert!(single >= 20, "{single} stances in the seed article");
    let n = analyzer.stances(&doc, &gaz, &mentions, &quotes).len();
    assert_eq!(n, single * COPIES);

    let mut g = c.benchmark_group("stances");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("seed_x10", |b| {
        b.iter(|| {
            let s = analyzer.stances(black_box(&doc), &gaz, &mentions, &quotes);
            assert_eq!(s.len(), n);
            s
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
