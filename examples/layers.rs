//! Times each layer of the pipeline on a file, one core:
//! `cargo run --release --example layers -- FILE` (default: the seed article
//! repeated 500 times).
use std::time::Instant;

use newsnlp::gazetteer::Gazetteer;
use newsnlp::quotes::QuoteExtractor;
use newsnlp::tokenize::Tokenizer;

fn main() {
    let text = match std::env::args().nth(1) {
        Some(p) => std::fs::read_to_string(p).expect("read the file"),
        None => newsnlp::SEED_ARTICLE.repeat(500),
    };
    let mb = text.len() as f64 / 1e6;
    // Articles are analyzed one paragraph block at a time, as `analyze --count` does.
    let parts: Vec<&str> = text.split("\n\n\n").collect();
    // A large file is cut into ~256 KB parts at blank lines, as the CLI does.
    let parts: Vec<&str> = parts.iter().flat_map(|p| cut(p)).collect();
    let tok = Tokenizer::new();
    let gaz = Gazetteer::default();
    let qx = QuoteExtractor::new();
    let t = Instant::now();
    let docs: Vec<_> = parts.iter().map(|p| tok.tokenize(p)).collect();
    let d = t.elapsed().as_secs_f64();
    println!("tokenize      {:7.1} MB/s", mb / d);
    let t = Instant::now();
    let mentions: Vec<_> = parts.iter().map(|p| gaz.find_in_document(p)).collect();
    let d = t.elapsed().as_secs_f64();
    println!("entities      {:7.1} MB/s", mb / d);
    let t = Instant::now();
    let n: usize = docs
        .iter()
        .zip(&mentions)
        .map(|(doc, m)| qx.extract_with_entities(doc, &gaz, m).len())
        .sum();
    let d = t.elapsed().as_secs_f64();
    println!("quotes        {:7.1} MB/s ({n} quotes)", mb / d);
    let quotes: Vec<_> = docs
        .iter()
        .zip(&mentions)
        .map(|(doc, m)| qx.extract_with_entities(doc, &gaz, m))
        .collect();
    let sa = newsnlp::stance::StanceAnalyzer::new();
    let t = Instant::now();
    let n: usize = docs
        .iter()
        .zip(&mentions)
        .zip(&quotes)
        .map(|((doc, m), q)| sa.stances(doc, &gaz, m, q).len())
        .sum();
    let d = t.elapsed().as_secs_f64();
    println!("stances       {:7.1} MB/s ({n} stances)", mb / d);
}

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
