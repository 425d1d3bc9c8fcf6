//! Prints the stance triples of an article (the bundled seed article when
//! no file is given), one a line: holder, polarity, certainty, target, basis
//! and the evidence text.
//!
//! ```text
//! cargo run --release -p newsnlp-stance --example stances -- [FILE]
//! ```

use std::process::ExitCode;

use newsnlp_gazetteer::Gazetteer;
use newsnlp_quotes::QuoteExtractor;
use newsnlp_stance::StanceAnalyzer;
use newsnlp_tokenize::Tokenizer;

const SEED: &str = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt");

fn main() -> ExitCode {
    let text = match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::from(1);
            }
        },
        None => SEED.to_string(),
    };
    let doc = Tokenizer::new().tokenize(&text);
    let gaz = Gazetteer::default();
    let mentions = gaz.find_in_document(&text);
    let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
    for s in StanceAnalyzer::new().stances(&doc, &gaz, &mentions, &quotes) {
        println!(
            "{} -> {} {:?} [{}] {:.2} {}  | {}",
            s.holder.label(),
            s.polarity,
            s.target.text,
            s.basis.as_str(),
            s.certainty,
            format_args!("{}..{}", s.evidence.start, s.evidence.end),
            text[s.evidence.range()].replace('\n', " "),
        );
    }
    ExitCode::SUCCESS
}
