//! The whole pipeline and each layer alone, with the reference workloads
//! (UAX #29 word segmentation, Aho-Corasick over the default gazetteer's
//! aliases) in the same run.
//!
//! Text: `NEWSNLP_CORPUS` (a file of news text, or a directory of `.txt`
//! files such as PolNeAR's `train/text`) if set, else the bundled seed
//! article repeated.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsnlp::Pipeline;
use newsnlp::gazetteer::Gazetteer;
use newsnlp::quotes::QuoteExtractor;
use newsnlp::tokenize::Tokenizer;
use unicode_segmentation::UnicodeSegmentation;

#[path = "../crates/tokenize/benches/corpus/mod.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let articles = corpus::articles(newsnlp::SEED_ARTICLE, 100);
    let bytes: usize = articles.iter().map(String::len).sum();
    let pipeline = Pipeline::new();
    let tok = Tokenizer::new();
    let gaz = Gazetteer::default();
    let qx = QuoteExtractor::new();

    let quotes: usize = articles
        .iter()
        .map(|a| pipeline.analyze(a).quotes().len())
        .sum();
    let mentions: usize = articles.iter().map(|a| gaz.find_in_document(a).len()).sum();
    let words: usize = articles.iter().map(|a| a.unicode_words().count()).sum();
    assert!(quotes > 0 && mentions > 0 && words > 0);
    if std::env::var("NEWSNLP_CORPUS").is_err() {
        assert_eq!(
            quotes,
            100 * pipeline.analyze(newsnlp::SEED_ARTICLE).quotes().len()
        );
    }

    // The reference Aho-Corasick: leftmost-longest over every alias of the
    // default gazetteer, ASCII case-insensitive (as the perf scorer's).
    let aliases: Vec<&str> = gaz
        .entities()
        .flat_map(|e| e.aliases().map(|a| a.text()))
        .collect();
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&aliases)
        .expect("automaton");

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("analyze (all layers)", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| pipeline.analyze(black_box(a)).quotes().len())
                .sum();
            assert_eq!(n, quotes);
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| tok.tokenize(black_box(a)).tokens().len())
                .sum::<usize>()
        })
    });
    g.bench_function("entities (find_in_document)", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| gaz.find_in_document(black_box(a)).len())
                .sum();
            assert_eq!(n, mentions);
        })
    });
    // The entity layer as the pipeline runs it: tokens and table, the
    // gazetteer, the names it does not list, the entity table.
    let entities_only = Pipeline::builder().quotes(false).stances(false).build();
    g.bench_function("entities (gazetteer + names + entity table)", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| entities_only.analyze(black_box(a)).mentions().len())
                .sum::<usize>()
        })
    });
    let analyzed: Vec<_> = articles.iter().map(|a| entities_only.analyze(a)).collect();
    let tables: Vec<_> = analyzed.iter().map(|d| d.tokens().table()).collect();
    g.bench_function("quotes (given tokens, table and linked mentions)", |b| {
        b.iter(|| {
            let n: usize = analyzed
                .iter()
                .zip(&tables)
                .map(|(d, t)| {
                    qx.extract_in(
                        black_box(d.tokens()),
                        t,
                        d.entity_lookup(),
                        d.linked_mentions(),
                    )
                    .len()
                })
                .sum();
            assert_eq!(n, quotes);
        })
    });
    g.bench_function("reference: unicode-segmentation words", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| black_box(a).unicode_words().count())
                .sum();
            assert_eq!(n, words);
        })
    });
    g.bench_function("reference: aho-corasick over the aliases", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| ac.find_iter(black_box(a)).count())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
