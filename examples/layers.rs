//! Times each stage of the pipeline on a file, one core, in the order and
//! with the inputs `Pipeline::analyze` gives them:
//! `cargo run --release --example layers -- FILE` (default: the seed article
//! repeated 500 times). Each stage's time is its own; the last line is the
//! whole pipeline on the same parts, for comparison.
use std::time::Instant;

use newsnlp::gazetteer::{Entities, EntityKind, EntityTable, Gazetteer, Mention, NewName};
use newsnlp::names::{NameFinder, NameKind};
use newsnlp::quotes::QuoteExtractor;
use newsnlp::stance::StanceAnalyzer;
use newsnlp::tokenize::Tokenizer;

/// Runs `f` over every part, prints the stage's throughput, returns the outputs.
fn stage<T>(label: &str, mb: f64, n: usize, mut f: impl FnMut(usize) -> T) -> Vec<T> {
    let t = Instant::now();
    let out: Vec<T> = (0..n).map(&mut f).collect();
    let d = t.elapsed().as_secs_f64();
    println!("{label:<28} {:8.1} MB/s  {:6.3} s", mb / d, d);
    out
}

fn main() {
    let text = match std::env::args().nth(1) {
        Some(p) => std::fs::read_to_string(p).expect("read the file"),
        None => newsnlp::SEED_ARTICLE.repeat(500),
    };
    let mb = text.len() as f64 / 1e6;
    // A large file is cut into ~256 KB parts at blank lines, as the CLI does.
    let parts = cut(&text);
    let n = parts.len();
    let tok = Tokenizer::new();
    let gaz = Gazetteer::default();
    let finder = NameFinder::new();
    let qx = QuoteExtractor::new();
    let sa = StanceAnalyzer::new();

    let docs = stage("tokenize", mb, n, |i| tok.tokenize(parts[i]));
    let tables = stage("token table", mb, n, |i| docs[i].table());
    let listed = stage("gazetteer", mb, n, |i| gaz.find_in_document(parts[i]));
    let names = stage("names", mb, n, |i| {
        let known: Vec<_> = listed[i].iter().map(Mention::span).collect();
        finder.find(&docs[i], &tables[i], &known)
    });
    let linked = stage("entity table + descriptors", mb, n, |i| {
        let new: Vec<NewName> = names[i]
            .iter()
            .map(|n| NewName {
                title: n.title.clone(),
                span: n.span.clone(),
                kind: match n.kind {
                    NameKind::Person => EntityKind::Person,
                    NameKind::Organization => EntityKind::Organization,
                    _ => EntityKind::Place,
                },
            })
            .collect();
        let (mut t, m) = EntityTable::with_names(&gaz, parts[i], &listed[i], &new);
        t.link_descriptors(&gaz, &tables[i], &m);
        (t, m)
    });
    let quotes = stage("quotes", mb, n, |i| {
        let lookup = Entities::new(&gaz, Some(&linked[i].0));
        qx.extract_in(&docs[i], &tables[i], lookup, &linked[i].1)
    });
    let stances = stage("stances", mb, n, |i| {
        let lookup = Entities::new(&gaz, Some(&linked[i].0));
        sa.stances_in(&docs[i], &tables[i], lookup, &linked[i].1, &quotes[i])
    });
    let pipeline = newsnlp::Pipeline::new();
    let all = stage("whole pipeline", mb, n, |i| {
        pipeline.analyze(parts[i]).stances().len()
    });
    println!(
        "{} parts: {} quotes, {} stances ({} by the pipeline)",
        n,
        quotes.iter().map(Vec::len).sum::<usize>(),
        stances.iter().map(Vec::len).sum::<usize>(),
        all.iter().sum::<usize>()
    );
}

/// The text cut into parts of about 256 KB at blank lines.
fn cut(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let want = (start + (256 << 10)).min(text.len());
        let end = if want >= text.len() {
            text.len()
        } else {
            text.as_bytes()[want..]
                .windows(2)
                .position(|w| w == b"\n\n")
                .map_or(text.len(), |k| want + k + 2)
        };
        parts.push(&text[start..end]);
        start = end;
    }
    parts
}
