//! A stand-in for `newsnlp quotes --json FILE` until the CLI is wired:
//! prints `{"quotes": [...]}` with UTF-8 byte spans, using the default
//! gazetteer for speakers.
//!
//! ```text
//! cargo run --release -p newsnlp-quotes --features serde --example quotes_cli -- quotes --json FILE
//! ```
//!
//! `--pattern` adds each quote's rule name (a debugging aid used to measure
//! per-rule precision for the confidence table).

use std::process::ExitCode;

use newsnlp_gazetteer::Gazetteer;
use newsnlp_quotes::QuoteExtractor;
use newsnlp_tokenize::Tokenizer;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<&String> = args
        .iter()
        .filter(|a| !a.starts_with("--") && a.as_str() != "quotes")
        .collect();
    let Some(path) = files.first() else {
        eprintln!("usage: quotes_cli quotes --json FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read(path) {
        Ok(b) => match String::from_utf8(b) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: not UTF-8 at byte {}", e.utf8_error().valid_up_to());
                return ExitCode::from(1);
            }
        },
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(1);
        }
    };
    let doc = Tokenizer::new().tokenize(&text);
    let gaz = Gazetteer::default();
    let mentions = gaz.find_in_document(&text);
    let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
    let mut json = serde_json::json!({ "quotes": quotes });
    if args.iter().any(|a| a == "--pattern") {
        for (q, v) in quotes
            .iter()
            .zip(json["quotes"].as_array_mut().into_iter().flatten())
        {
            v["pattern"] = q.rule.as_str().into();
        }
    }
    println!("{json}");
    ExitCode::SUCCESS
}
