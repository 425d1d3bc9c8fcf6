//! The seed article against its hand-made gold (`seeds/gold.json`): every
//! listed quote with its kind, content, cue and speaker (or source); no
//! quote made of a listed non-quote; at most `max_quotes` quotes.

use newsnlp_gazetteer::Gazetteer;
use newsnlp_quotes::{Quote, QuoteExtractor};
use newsnlp_tokenize::Tokenizer;
use serde_json::Value;

const ARTICLE: &str = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt");
const GOLD: &str = include_str!("../../../seeds/gold.json");

fn quotes() -> Vec<Quote> {
    let doc = Tokenizer::new().tokenize(ARTICLE);
    let gaz = Gazetteer::default();
    let mentions = gaz.find_in_document(ARTICLE);
    QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions)
}

fn seg(span: &Option<newsnlp_quotes::Span>) -> &'static str {
    span.map_or("", |r| &ARTICLE[r.range()])
}

/// Any run of Unicode whitespace as one space: the article writes "it\u{a0}was
/// a message" with a no-break space where gold.json has a plain one.
fn spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn matches(q: &Quote, g: &Value) -> bool {
    let content = spaces(&ARTICLE[q.content.range()]);
    let field = |k: &str| g.get(k).and_then(Value::as_str);
    q.kind.as_str() == field("kind").unwrap_or("")
        && content.contains(&spaces(field("content").unwrap_or("\u{0}")))
        && field("content_end").is_none_or(|e| content.trim_end().ends_with(&spaces(e)))
        && field("speaker").is_none_or(|s| q.speaker_name() == Some(s))
        && field("source").is_none_or(|s| seg(&q.source).trim() == s)
        && field("cue").is_none_or(|c| seg(&q.cue).contains(c))
}

#[test]
fn seed_gold_quotes_are_found() {
    let gold: Value = serde_json::from_str(GOLD).unwrap();
    let quotes = quotes();
    let mut misses = Vec::new();
    for g in gold["quotes"].as_array().unwrap() {
        if !quotes.iter().any(|q| matches(q, g)) {
            misses.push(g["content"].as_str().unwrap().to_string());
        }
    }
    assert!(misses.is_empty(), "missed {misses:?} in {quotes:#?}");
}

#[test]
fn seed_non_quotes_are_not_quotes() {
    let gold: Value = serde_json::from_str(GOLD).unwrap();
    let quotes = quotes();
    for bad in gold["not_quotes"].as_array().unwrap() {
        let bad = bad.as_str().unwrap();
        assert!(
            !quotes
                .iter()
                .any(|q| ARTICLE[q.content.range()].contains(bad)),
            "{bad:?} is the content of a quote"
        );
    }
}

#[test]
fn seed_quote_count_is_bounded() {
    let gold: Value = serde_json::from_str(GOLD).unwrap();
    let max = gold["max_quotes"].as_u64().unwrap() as usize;
    let n = quotes().len();
    assert!(n <= max, "{n} quotes, at most {max}");
    assert!(n >= gold["quotes"].as_array().unwrap().len());
}

#[test]
fn seed_confidences_are_probabilities() {
    for q in quotes() {
        assert!((0.0..=1.0).contains(&q.confidence), "{q:?}");
    }
}
