//! Throughput of target sentiment and certainty on news sentences bundled
//! with the crate (`benches/data/news.tsv`).

use std::hint::black_box;
use std::ops::Range;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsnlp_stance::{Certainty, LexiconBaseline, Model, Polarity, TargetSentiment};

const NEWS: &str = include_str!("data/news.tsv");

fn cases() -> Vec<(&'static str, Range<usize>)> {
    newsnlp_text::data::lines(NEWS)
        .filter_map(|l| {
            let (target, sentence) = l.text.split_once('\t')?;
            let start = sentence.find(target)?;
            Some((sentence, start..start + target.len()))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let cases = cases();
    assert_eq!(
        cases.len(),
        30,
        "every line of news.tsv names a target in its sentence"
    );
    let bytes: usize = cases.iter().map(|(s, _)| s.len()).sum();
    let clf = TargetSentiment::new();

    // The count the benchmark must reproduce: each polarity occurs.
    let mut counts = [0usize; 3];
    for (s, t) in &cases {
        counts[clf.classify(s, t.clone()).polarity.index()] += 1;
    }
    assert_eq!(counts.iter().sum::<usize>(), 30);
    assert!(counts.iter().all(|&n| n > 0), "{counts:?}");

    let mut group = c.benchmark_group("stance");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("classify", |b| {
        b.iter(|| {
            let mut negative = 0;
            for (s, t) in &cases {
                if clf.classify(black_box(s), t.clone()).polarity == Polarity::Negative {
                    negative += 1;
                }
            }
            assert_eq!(negative, counts[0]);
            negative
        })
    });
    let base = LexiconBaseline::new();
    group.bench_function("lexicon_baseline", |b| {
        b.iter(|| {
            cases
                .iter()
                .map(|(s, t)| base.classify(black_box(s), t.clone()).polarity.index())
                .sum::<usize>()
        })
    });
    let cert = Certainty::new();
    group.bench_function("certainty", |b| {
        b.iter(|| {
            let markers: usize = cases
                .iter()
                .map(|(s, _)| cert.assess(black_box(s), 0..s.len()).markers.len())
                .sum();
            assert!(markers >= 5);
            markers
        })
    });
    group.finish();

    // The start-up cost of the model: its weight file read (the rows) and
    // its word index built (on the first classification).
    let mut start = c.benchmark_group("stance start-up");
    start.throughput(Throughput::Bytes(MODEL.len() as u64));
    start.sample_size(10);
    start.bench_function("model parse", |b| {
        b.iter(|| Model::parse(black_box(MODEL)).map(|m| m.len()).unwrap_or(0))
    });
    start.bench_function("model parse and index", |b| {
        b.iter(|| {
            let model = Model::parse(black_box(MODEL)).expect("the embedded weights parse");
            let clf = TargetSentiment::with_model(model);
            clf.classify(black_box("Critics slammed Smith."), 16..21)
                .polarity
        })
    });
    start.finish();
}

/// The weights the crate embeds.
const MODEL: &str = include_str!("../data/model.txt");

criterion_group!(benches, bench);
criterion_main!(benches);
