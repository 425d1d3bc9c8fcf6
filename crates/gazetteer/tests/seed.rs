//! The seed article: the default gazetteer with document linking yields the
//! hand-counted mentions of `seeds/gold.json`.
use std::collections::BTreeMap;

use newsnlp_gazetteer::{EntityKind, Gazetteer};

const SEED: &str = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt");

#[test]
fn seed_article_mention_counts() {
    let gaz = Gazetteer::default();
    let mentions = gaz.find_in_document(SEED);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &mentions {
        if let Some(e) = m.entity() {
            *counts.entry(gaz.entity(e).name()).or_default() += 1;
        }
    }
    let gold: &[(&str, EntityKind, usize)] = &[
        ("Rex Tillerson", EntityKind::Person, 6),
        ("Vladimir Putin", EntityKind::Person, 3),
        ("Sergey Lavrov", EntityKind::Person, 3),
        ("James Mattis", EntityKind::Person, 1),
        ("Bashar al-Assad", EntityKind::Person, 3),
        ("al-Nusra Front", EntityKind::Organization, 1),
        ("al-Qaeda", EntityKind::Organization, 1),
        ("ISIS", EntityKind::Organization, 1),
        ("Barack Obama", EntityKind::Person, 1),
    ];
    for &(name, kind, n) in gold {
        let id = gaz
            .entity_by_name(name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(gaz.entity(id).kind(), kind, "{name}");
        assert_eq!(
            counts.get(name).copied().unwrap_or(0),
            n,
            "{name}: {counts:?}"
        );
    }
    for m in &mentions {
        assert!(SEED.is_char_boundary(m.start()) && SEED.is_char_boundary(m.end()));
    }
}

#[test]
fn seed_article_spans_and_titles() {
    let gaz = Gazetteer::default();
    let mentions = gaz.find_in_document(SEED);
    let name = |m: &newsnlp_gazetteer::Mention| m.entity().map(|e| gaz.entity(e).name());
    // Possessives leave the clitic out of the span.
    let assad: Vec<&str> = mentions
        .iter()
        .filter(|m| name(m) == Some("Bashar al-Assad"))
        .map(|m| &SEED[m.span()])
        .collect();
    assert_eq!(assad, ["Assad", "Assad", "Assad"]);
    // Title plus name: the title is reported beside the name's span.
    let titled: Vec<(&str, &str)> = mentions
        .iter()
        .filter_map(|m| Some((&SEED[m.title()?], &SEED[m.span()])))
        .collect();
    for want in [
        ("Secretary of State", "Rex Tillerson"),
        ("Secretary of State", "Tillerson"),
        ("Russian Foreign Minister", "Lavrov"),
        ("Secretary of Defense", "James Mattis"),
    ] {
        assert!(titled.contains(&want), "{want:?} not in {titled:?}");
    }
}
