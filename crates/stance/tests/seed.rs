//! The seed article against the "stances" of its hand-made gold analysis
//! (`seeds/gold.json`): every gold stance must be produced. A predicted
//! stance matches when its holder equals the gold holder, its target text
//! contains the gold target fragment, the polarity is equal and the
//! certainty reaches `min_certainty` when given.

use newsnlp_gazetteer::Gazetteer;
use newsnlp_quotes::QuoteExtractor;
use newsnlp_stance::{Polarity, Stance, StanceAnalyzer};
use newsnlp_tokenize::Tokenizer;

const SEED: &str = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt");
const GOLD: &str = include_str!("../../../seeds/gold.json");

fn seed_stances() -> Vec<Stance> {
    let doc = Tokenizer::new().tokenize(SEED);
    let gaz = Gazetteer::default();
    let mentions = gaz.find_in_document(SEED);
    let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
    StanceAnalyzer::new().stances(&doc, &gaz, &mentions, &quotes)
}

#[test]
fn every_gold_stance_is_found() {
    let gold: serde_json::Value = serde_json::from_str(GOLD).unwrap();
    let wanted = gold["stances"].as_array().unwrap();
    assert_eq!(wanted.len(), 5);
    let stances = seed_stances();
    let mut missing = Vec::new();
    for g in wanted {
        let holder = g["holder"].as_str().unwrap();
        let target = g["target"].as_str().unwrap();
        let polarity: Polarity = g["polarity"].as_str().unwrap().parse().unwrap();
        let min = g["min_certainty"].as_f64().unwrap_or(0.0);
        let found = stances.iter().any(|s| {
            s.holder.label() == holder
                && s.target.text.contains(target)
                && s.polarity == polarity
                && s.certainty >= min
        });
        if !found {
            missing.push(g.to_string());
        }
    }
    assert!(missing.is_empty(), "missing gold stances: {missing:#?}");
}

#[test]
fn seed_stances_are_well_formed() {
    let stances = seed_stances();
    assert!(stances.len() >= 5);
    for s in &stances {
        assert!((0.0..=1.0).contains(&s.certainty), "{s:?}");
        assert!(SEED.get(s.evidence.range()).is_some(), "{s:?}");
        assert!(SEED.get(s.target.span.range()).is_some(), "{s:?}");
        // A holder never holds a stance toward itself.
        if let (Some(h), Some(t)) = (s.holder.entity(), s.target.entity) {
            assert_ne!(h, t, "{s:?}");
        }
        // The evidence covers the target (or the target is the subject of
        // the attitude clause that is the evidence).
        assert!(
            s.evidence.start <= s.target.span.start && s.target.span.end <= s.evidence.end,
            "{s:?}"
        );
    }
    // The author is named from the byline.
    assert!(stances.iter().all(|s| s.holder.label() != "author"));
}

#[cfg(feature = "serde")]
#[test]
fn seed_stances_serialize_to_the_cli_shape() {
    let stances = seed_stances();
    let json = serde_json::to_value(&stances).unwrap();
    let first = &json[0];
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 11);
    for k in ["holder", "target", "polarity", "certainty", "evidence"] {
        assert!(first.get(k).is_some(), "{k} missing in {first}");
    }
    for k in [
        "basis",
        "target_span",
        "target_entity",
        "holder_type",
        "holder_entity",
        "holder_kind",
    ] {
        assert!(first.get(k).is_some(), "added field {k} missing in {first}");
    }
    // The certainty prints as a clean number: at most 4 decimals.
    let c = first["certainty"].as_f64().unwrap();
    assert_eq!((c * 1e4).round() / 1e4, c);
    assert!(c.to_string().len() <= 6, "{c}");
    // Read back, every stance is equal.
    let back: Vec<newsnlp_stance::Stance> = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, stances);
    let ev = first["evidence"].as_array().unwrap();
    assert_eq!(ev.len(), 2);
    assert_eq!(ev[0].as_u64().unwrap() as usize, stances[0].evidence.start);
    assert!(["negative", "neutral", "positive"].contains(&first["polarity"].as_str().unwrap()));
}
