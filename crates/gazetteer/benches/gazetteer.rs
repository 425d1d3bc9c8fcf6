//! This crate against a raw leftmost-longest Aho-Corasick automaton over the
//! same patterns, on news text.
//!
//! By default: the embedded gazetteer and the seed article repeated (no
//! files needed). With `NEWSNLP_PLACES=places.tsv` and
//! `NEWSNLP_CORPUS=news.txt` also the large workload of the project's
//! throughput check (314,000 aliases, tens of MB of news): build and match
//! separately, plus the whole load-build-match as one measurement.
//!
//! ```text
//! cargo bench -p newsnlp-gazetteer
//! NEWSNLP_PLACES=../shared/data/bench/places.tsv NEWSNLP_CORPUS=/tmp/newsnlp-news40.txt \
//!     cargo bench -p newsnlp-gazetteer
//! ```
use std::hint::black_box;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsnlp_gazetteer::{Gazetteer, GazetteerBuilder};

const SEED: &str = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt");
const REPEAT: usize = 200;
/// Mentions `find` reports in one copy of the seed article (checked below).
const SEED_MENTIONS: usize = 40;

fn automaton(patterns: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(patterns)
        .expect("automaton")
}

fn default_workload(c: &mut Criterion) {
    let gaz = Gazetteer::default();
    eprintln!(
        "default gazetteer: {} entities, {} aliases, memory {} KB",
        gaz.len(),
        gaz.alias_count(),
        gaz.memory_usage() / 1024
    );
    assert_eq!(gaz.find(SEED).count(), SEED_MENTIONS);
    let text = format!("{SEED}\n\n").repeat(REPEAT);
    assert_eq!(gaz.find(&text).count(), SEED_MENTIONS * REPEAT);

    let patterns: Vec<&str> = gaz
        .entities()
        .flat_map(|e| e.aliases().map(|a| a.text()))
        .collect();
    let ac = automaton(&patterns);
    let ac_count = ac.find_iter(&text).count();
    assert!(ac_count >= SEED_MENTIONS * REPEAT, "{ac_count}");

    let mut g = c.benchmark_group("find/seed x200");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("gazetteer", |b| {
        b.iter(|| black_box(gaz.find(black_box(&text)).count()))
    });
    g.bench_function("gazetteer find_in_document", |b| {
        b.iter(|| black_box(gaz.find_in_document(black_box(&text)).len()))
    });
    g.bench_function("aho-corasick leftmost-longest", |b| {
        b.iter(|| black_box(ac.find_iter(black_box(&text)).count()))
    });
    g.finish();

    let mut g = c.benchmark_group("build/default");
    g.bench_function("gazetteer", |b| {
        b.iter(|| black_box(Gazetteer::default().len()))
    });
    g.bench_function("aho-corasick leftmost-longest", |b| {
        b.iter(|| black_box(automaton(black_box(&patterns)).patterns_len()))
    });
    g.finish();
}

fn large_workload(c: &mut Criterion) {
    let (Ok(places), Ok(corpus)) = (
        std::env::var("NEWSNLP_PLACES"),
        std::env::var("NEWSNLP_CORPUS"),
    ) else {
        eprintln!("NEWSNLP_PLACES and NEWSNLP_CORPUS not set: large workload skipped");
        return;
    };
    let tsv = std::fs::read_to_string(&places).expect("read NEWSNLP_PLACES");
    let text = std::fs::read_to_string(&corpus).expect("read NEWSNLP_CORPUS");
    let patterns: Vec<&str> = tsv
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .collect();
    let builder = GazetteerBuilder::new();
    let gaz = builder.build_from_tsv(&tsv).expect("build");
    eprintln!(
        "{places}: {} entities, {} aliases, memory {:.1} MB",
        gaz.len(),
        gaz.alias_count(),
        gaz.memory_usage() as f64 / 1e6
    );
    let ac = automaton(&patterns);
    let ours = gaz.find(&text).count();
    let theirs = ac.find_iter(&text).count();
    eprintln!("matches: gazetteer {ours} (boundary-aware), aho-corasick {theirs}");
    assert!(ours > 0 && theirs >= ours);

    let mut g = c.benchmark_group("large");
    g.sample_size(10);
    g.bench_function("build/gazetteer", |b| {
        b.iter(|| black_box(builder.build_from_tsv(black_box(&tsv)).map(|g| g.len())))
    });
    g.bench_function("build/aho-corasick", |b| {
        b.iter(|| black_box(automaton(black_box(&patterns)).patterns_len()))
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find/gazetteer", |b| {
        b.iter(|| black_box(gaz.find(black_box(&text)).count()))
    });
    g.bench_function("find/aho-corasick", |b| {
        b.iter(|| black_box(ac.find_iter(black_box(&text)).count()))
    });
    g.bench_function("whole/gazetteer", |b| {
        b.iter(|| {
            let g = builder.build_from_tsv(black_box(&tsv)).expect("build");
            black_box(g.find(&text).count())
        })
    });
    g.bench_function("whole/aho-corasick", |b| {
        b.iter(|| black_box(automaton(black_box(&patterns)).find_iter(&text).count()))
    });
    g.finish();
}

criterion_group!(benches, default_workload, large_workload);
criterion_main!(benches);
