//! `newsnlp analyze --json` reads back into the library's types: the
//! binary's output on the seed article and the development articles
//! deserializes into `newsnlp::Analysis` equal to what the library gives
//! for the same text, and writes the same JSON again. `quotes --json` and
//! `analyze --jsonl` read back the same way.

mod common;

use newsnlp::quotes::Quote;
use newsnlp::{Analysis, Pipeline, SEED_ARTICLE};
use serde_json::Value;

#[path = "../../../tests/common/article_files.rs"]
mod article_files;

/// The seed article and the root's `tests/articles/*.txt`.
fn articles() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/articles");
    article_files::read(dir, SEED_ARTICLE)
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

fn stdout(args: &[&str], stdin: &str) -> String {
    let o = common::run_raw(args, stdin.as_bytes());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("UTF-8")
}

#[test]
fn analyze_json_deserializes_into_an_equal_analysis() {
    let pipeline = Pipeline::new();
    let mut entities = 0;
    for text in articles() {
        let out = stdout(&["analyze", "--json", "-"], &text);
        let back: Analysis = serde_json::from_str(&out).expect("analyze --json is an Analysis");
        assert_eq!(back, pipeline.analyze(&text).to_analysis());
        // Every article has quotes; some (a sports report whose people no
        // gazetteer knows) may have no entity yet, so those count overall.
        assert!(!back.quotes.is_empty());
        entities += back.entities.len();
        let printed: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(serde_json::to_value(&back).unwrap(), printed);
    }
    assert!(entities > 0);
}

#[test]
fn quotes_json_and_analyze_jsonl_read_back() {
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze(SEED_ARTICLE);
    let out = stdout(&["quotes", "--json", "-"], SEED_ARTICLE);
    let v: Value = serde_json::from_str(&out).unwrap();
    let quotes: Vec<Quote> = serde_json::from_value(v["quotes"].clone()).unwrap();
    assert_eq!(quotes, doc.quotes());

    let line = serde_json::json!({"id": 7, "text": SEED_ARTICLE}).to_string() + "\n";
    let out = stdout(&["analyze", "--jsonl", "-"], &line);
    // The extra `id` field is ignored by `Analysis`.
    let back: Analysis = serde_json::from_str(out.trim_end()).unwrap();
    assert_eq!(back, doc.to_analysis());
}
