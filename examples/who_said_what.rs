//! Analyzes the bundled seed article and prints who said what:
//! `cargo run --example who_said_what [FILE]`.

use newsnlp::{Pipeline, SEED_ARTICLE};

fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }),
        None => SEED_ARTICLE.to_owned(),
    };
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze(&text);
    for q in doc.quotes() {
        let who = q.speaker_name().unwrap_or("(unknown)");
        let cue = q.cue.map_or("—", |r| &text[r.range()]);
        let what: Vec<&str> = text[q.content.range()].split_whitespace().collect();
        println!("{who} [{cue}, {}]: {}", q.kind.as_str(), what.join(" "));
    }
}
