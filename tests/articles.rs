//! Articles in the seed's style written for these tests (not the seed, not
//! shared data), each with an expected analysis in the `gold.json` format:
//! at least 80% of their entity, quote and stance checks must hold, the bar
//! the project sets for unseen articles.

mod common;

use newsnlp::Pipeline;

const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "erdogan_merkel",
        include_str!("articles/erdogan_merkel.txt"),
        include_str!("articles/erdogan_merkel.json"),
    ),
    (
        "council_vote",
        include_str!("articles/council_vote.txt"),
        include_str!("articles/council_vote.json"),
    ),
    (
        "ukraine_talks",
        include_str!("articles/ukraine_talks.txt"),
        include_str!("articles/ukraine_talks.json"),
    ),
];

#[test]
fn unseen_articles_hold_80_percent_of_their_checks() {
    let pipeline = Pipeline::new();
    let (mut total, mut holding) = (0, 0);
    let mut report = String::new();
    for (name, text, gold) in ARTICLES {
        let gold: serde_json::Value = serde_json::from_str(gold).expect("gold is JSON");
        let doc = pipeline.analyze(text);
        let checks = common::checks(&doc, &gold);
        assert!(checks.len() >= 10, "{name}: too few checks");
        total += checks.len();
        holding += checks.iter().filter(|c| c.holds).count();
        let failed = common::failures(&checks);
        if !failed.is_empty() {
            report.push_str(&format!("{name}:\n{failed}\n"));
        }
    }
    let share = holding as f64 / total as f64;
    eprintln!("{holding}/{total} checks hold\n{report}");
    assert!(share >= 0.8, "{holding}/{total} checks hold:\n{report}");
}
