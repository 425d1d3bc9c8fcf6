//! The seed article against its expected analysis, `seeds/gold.json`:
//! entities (canonical name, kind, exact mention count), quotes (kind,
//! content fragments, speaker or source, cue), things that are not quotes,
//! the quote budget, and stances. Every check must hold.

mod common;

use newsnlp::{Pipeline, SEED_ARTICLE};
use serde_json::Value;

fn gold() -> Value {
    serde_json::from_str(include_str!("../seeds/gold.json")).expect("gold.json is JSON")
}

fn check(what: &[&str]) {
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze(SEED_ARTICLE);
    let checks: Vec<_> = common::checks(&doc, &gold())
        .into_iter()
        .filter(|c| what.contains(&c.what))
        .collect();
    assert!(!checks.is_empty(), "no {what:?} checks in gold.json");
    assert!(
        checks.iter().all(|c| c.holds),
        "{}",
        common::failures(&checks)
    );
}

#[test]
fn seed_is_the_bundled_article() {
    assert_eq!(
        SEED_ARTICLE,
        include_str!("../seeds/000_1561a38bbdfba1e1.txt")
    );
    assert_eq!(gold()["article"].as_str(), Some("000_1561a38bbdfba1e1.txt"));
}

#[test]
fn seed_entities() {
    check(&["entity"]);
}

#[test]
fn seed_quotes() {
    check(&["quote", "not_quote", "max_quotes"]);
}

#[test]
fn seed_stances() {
    check(&["stance"]);
}
