//! Precision and recall of the stances over the unseen-style articles of
//! the workspace (`tests/articles/*.json` of the root package, their
//! `"stances"`), read from disk so that every article added there counts.
//! The layers are run as this crate can: tokens, the gazetteer's
//! mentions, quotes, stances, without the facade's names finder and entity
//! table (the facade's figure, with them, is the root's `tests/articles`).
//!
//! Recall: the expected stances that some stance matches (holder label,
//! target fragment, polarity, `min_certainty`, `max_certainty`). Precision: the stances
//! whose holder and target match some expected stance and whose polarity
//! is right, over the stances whose holder and target match one (the
//! expected lists are not exhaustive, so a stance about something the
//! article's list does not name is not counted either way). Both are
//! printed (`cargo test -p newsnlp-stance --test articles -- --nocapture`).

use std::path::Path;

use newsnlp_gazetteer::{EntityKind, Gazetteer, Party};
use newsnlp_quotes::QuoteExtractor;
use newsnlp_stance::{Stance, StanceAnalyzer};
use newsnlp_tokenize::Tokenizer;
use serde_json::Value;

fn fold(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn field<'v>(v: &'v Value, key: &str) -> &'v str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn same_pair(s: &Stance, g: &Value) -> bool {
    s.holder.label() == field(g, "holder") && fold(&s.target.text).contains(field(g, "target"))
}

fn holds(s: &Stance, g: &Value) -> bool {
    let min = g
        .get("min_certainty")
        .and_then(Value::as_f64)
        .unwrap_or(0.0);
    let max = g
        .get("max_certainty")
        .and_then(Value::as_f64)
        .unwrap_or(1.0);
    same_pair(s, g)
        && s.polarity.as_str() == field(g, "polarity")
        && s.certainty >= min
        && s.certainty <= max
}

/// Words a person, group or organization's name or description never
/// holds: verbs of a clause ("have no reason").
const NOT_IN_A_PARTY: &[&str] = &[
    "have", "has", "had", "is", "are", "was", "were", "be", "to", "will", "would",
];

/// The prepositions of a place, which never open a party's description
/// ("in Moscow") but may follow its head ("leaders in the Legislature").
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "on", "from"];

/// Whether a holder is a person, group or organization: an entity (a
/// country stands for its government), the author, or a short phrase
/// without a verb that does not open with a place's preposition (at most
/// eight words: an organization's full name may run that long, "the
/// Associated Society of Locomotive Engineers and Firemen").
fn is_party(p: &Party) -> bool {
    match p {
        Party::Entity { kind, .. } => *kind != EntityKind::Other,
        Party::Phrase(t) => {
            let words: Vec<String> = t.split_whitespace().map(str::to_lowercase).collect();
            (1..=8).contains(&words.len())
                && !words.iter().any(|w| NOT_IN_A_PARTY.contains(&w.as_str()))
                && !PLACE_PREPOSITIONS.contains(&words[0].as_str())
        }
        Party::Author { .. } => true,
        _ => false,
    }
}

#[test]
fn precision_and_recall_over_the_unseen_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/articles");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/articles of the workspace")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let gaz = Gazetteer::default();
    let quotes = QuoteExtractor::new();
    let analyzer = StanceAnalyzer::new();
    let (mut gold_n, mut found, mut paired, mut right, mut articles) = (0, 0, 0, 0, 0);
    let mut report = String::new();
    for json in &names {
        let Ok(text) = std::fs::read_to_string(json.with_extension("txt")) else {
            continue;
        };
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(json).expect("readable"))
            .expect("gold is JSON");
        let expected = gold
            .get("stances")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        articles += 1;
        let doc = Tokenizer::new().tokenize(&text);
        let mentions = gaz.find_in_document(&text);
        let qs = quotes.extract_with_entities(&doc, &gaz, &mentions);
        let stances = analyzer.stances(&doc, &gaz, &mentions, &qs);
        for s in &stances {
            assert!(
                is_party(&s.holder),
                "{}: holder {:?}",
                json.display(),
                s.holder
            );
            if expected.iter().any(|g| same_pair(s, g)) {
                paired += 1;
                right += usize::from(expected.iter().any(|g| holds(s, g)));
            }
        }
        for g in expected {
            gold_n += 1;
            if stances.iter().any(|s| holds(s, g)) {
                found += 1;
            } else {
                report.push_str(&format!(
                    "  missed {}: {g}\n",
                    json.file_stem().unwrap_or_default().display()
                ));
            }
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    eprintln!(
        "stances over {articles} articles: recall {found}/{gold_n} ({:.1}%), \
         precision {right}/{paired} ({:.1}%)\n{report}",
        pct(found, gold_n),
        pct(right, paired)
    );
    assert!(
        articles > 0 && gold_n > 0,
        "no articles with stances in {}",
        dir.display()
    );
}
