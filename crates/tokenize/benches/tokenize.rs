//! Tokenizer throughput against UAX #29 word segmentation
//! (unicode-segmentation), in the same run on the same text.
//!
//! Text: `NEWSNLP_CORPUS` (a file, or a directory of `.txt` files such as
//! PolNeAR's `train/text`) if set, else the bundled seed article repeated.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsnlp_tokenize::Tokenizer;
use unicode_segmentation::UnicodeSegmentation;

mod corpus;

/// The corpus as one text, its articles separated by a blank line.
fn corpus() -> String {
    let seed = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt");
    corpus::articles(seed, 200)
        .into_iter()
        .map(|a| a + "\n\n")
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let tok = Tokenizer::new();
    let doc = tok.tokenize(&text);
    let (tokens, sentences) = (doc.tokens().len(), doc.sentences().len());
    drop(doc);
    assert!(tokens > text.len() / 10, "too few tokens: {tokens}");
    let words = text.unicode_words().count();
    assert!(words > 0 && words <= tokens);

    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("newsnlp tokens", |b| {
        b.iter(|| assert_eq!(tok.tokens(black_box(&text)).count(), tokens))
    });
    g.bench_function("newsnlp tokens+sentences by paragraph", |b| {
        b.iter(|| {
            let (mut t, mut s) = (0, 0);
            tok.for_each_paragraph(black_box(&text), |a, b| {
                t += a.len();
                s += b.len();
            });
            assert_eq!((t, s), (tokens, sentences));
        })
    });
    g.bench_function("newsnlp tokenize (whole document)", |b| {
        b.iter(|| assert_eq!(tok.tokenize(black_box(&text)).sentences().len(), sentences))
    });
    g.bench_function("reference: unicode-segmentation words", |b| {
        b.iter(|| assert_eq!(black_box(&text).unicode_words().count(), words))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
