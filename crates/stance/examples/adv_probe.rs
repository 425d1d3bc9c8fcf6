//! Times each layer on a repeated unit (development aid for the linear-time
//! tests): `cargo run --release -p newsnlp-stance --example adv_probe -- UNIT BYTES`.

use std::time::Instant;

use newsnlp_gazetteer::Gazetteer;
use newsnlp_quotes::QuoteExtractor;
use newsnlp_stance::StanceAnalyzer;
use newsnlp_tokenize::Tokenizer;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let unit = args.first().cloned().unwrap_or_else(|| "said ".into());
    let bytes: usize = args
        .get(1)
        .and_then(|b| b.parse().ok())
        .unwrap_or(1_000_000);
    let text = unit.repeat(bytes / unit.len().max(1) + 1);
    let gaz = Gazetteer::default();
    let t = Instant::now();
    let doc = Tokenizer::new().tokenize(&text);
    let t1 = t.elapsed();
    let mentions = gaz.find_in_document(&text);
    let t2 = t.elapsed();
    let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
    let t3 = t.elapsed();
    let n = StanceAnalyzer::new()
        .stances(&doc, &gaz, &mentions, &quotes)
        .len();
    let t4 = t.elapsed();
    println!(
        "tokenize {t1:?} mentions {:?} quotes {:?} ({}) stances {:?} ({n})",
        t2 - t1,
        t3 - t2,
        quotes.len(),
        t4 - t3
    );
}
