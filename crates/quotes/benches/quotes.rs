//! Quote extraction on the seed article, repeated.
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsnlp_quotes::QuoteExtractor;
use newsnlp_tokenize::Tokenizer;

const SEED: &str = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt");

fn bench(c: &mut Criterion) {
    let text = vec![SEED; 50].join("\n\n");
    let doc = Tokenizer::new().tokenize(&text);
    let ext = QuoteExtractor::new();
    let per_article = ext.extract(&Tokenizer::new().tokenize(SEED)).len();
    assert_eq!(per_article, 11);
    assert_eq!(ext.extract(&doc).len(), per_article * 50);
    let mut g = c.benchmark_group("quotes");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("seed x50", |b| b.iter(|| ext.extract(&doc).len()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
