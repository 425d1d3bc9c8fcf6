//! Serde in both directions: the pipeline's output on the seed article and
//! the development articles (`tests/articles/*.txt`) serializes to the
//! `analyze --json` shape, reads back into [`Analysis`] (and into each
//! output type on its own) equal to what the pipeline gave, and writes the
//! same JSON again.
#![cfg(feature = "serde")]

use newsnlp::quotes::Quote;
use newsnlp::stance::Stance;
use newsnlp::{Analysis, Party, Pipeline, SEED_ARTICLE};
use serde_json::Value;

#[path = "common/article_files.rs"]
mod article_files;

/// The seed article and every `tests/articles/*.txt`, with their names.
fn articles() -> Vec<(String, String)> {
    let out = article_files::read(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/articles"),
        SEED_ARTICLE,
    );
    assert!(out.len() >= 4, "the seed and three articles");
    out
}

#[test]
fn document_json_reads_back_into_an_equal_analysis() {
    let pipeline = Pipeline::new();
    for (name, text) in articles() {
        let doc = pipeline.analyze(&text);
        let json = serde_json::to_string(&doc).unwrap();
        let back: Analysis = serde_json::from_str(&json).unwrap();
        let want = doc.to_analysis();
        assert_eq!(back, want, "{name}");
        assert!(
            !back.quotes.is_empty() && !back.stances.is_empty(),
            "{name}"
        );
        // The same JSON again, from the read-back value and from the owned one.
        let again: Value = serde_json::to_value(&back).unwrap();
        assert_eq!(
            again,
            serde_json::from_str::<Value>(&json).unwrap(),
            "{name}"
        );
        assert_eq!(serde_json::to_value(&want).unwrap(), again, "{name}");
    }
}

#[test]
fn each_output_type_reads_back_on_its_own() {
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze(SEED_ARTICLE);
    let quotes: Vec<Quote> =
        serde_json::from_str(&serde_json::to_string(doc.quotes()).unwrap()).unwrap();
    assert_eq!(quotes, doc.quotes());
    let stances: Vec<Stance> =
        serde_json::from_str(&serde_json::to_string(doc.stances()).unwrap()).unwrap();
    assert_eq!(stances, doc.stances());
    // Every variant of the speaker survives, including entity ids and kinds.
    let roles: std::collections::BTreeSet<&str> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref().map(Party::role))
        .collect();
    assert!(roles.contains("entity"), "{roles:?}");
    assert!(stances.iter().any(|s| s.target.entity.is_some()));
}

#[test]
fn scores_print_with_at_most_four_decimals() {
    let pipeline = Pipeline::new();
    for (name, text) in articles() {
        let v = serde_json::to_value(pipeline.analyze(&text)).unwrap();
        let scores = v["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| &q["confidence"])
            .chain(
                v["stances"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| &s["certainty"]),
            );
        for x in scores {
            let printed = x.to_string();
            let decimals = printed.split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= 4, "{name}: score {printed}");
        }
    }
}

#[test]
fn a_party_reads_back_from_its_own_json() {
    let gaz = newsnlp::gazetteer::Gazetteer::default();
    let id = gaz.entity_by_name("Vladimir Putin").unwrap();
    let parties = [
        Party::Entity {
            id: Some(id),
            name: "Vladimir Putin".into(),
            kind: newsnlp::gazetteer::EntityKind::Person,
        },
        Party::Entity {
            id: None,
            name: "Sarah Bennett".into(),
            kind: newsnlp::gazetteer::EntityKind::Person,
        },
        Party::Phrase("US officials".into()),
        Party::Author { name: None },
        Party::Author {
            name: Some("Faye Higbee".into()),
        },
    ];
    for p in parties {
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Party>(&json).unwrap(), p, "{json}");
    }
}
