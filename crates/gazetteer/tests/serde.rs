//! With the `serde` feature, mentions serialize with spans as `[start, end]`.
#![cfg(feature = "serde")]

use newsnlp_gazetteer::{EntityKind, Gazetteer};

#[test]
fn mention_serializes_with_array_spans() {
    let gaz = Gazetteer::default();
    let text = "Russian Foreign Minister Lavrov";
    let m = gaz.find(text).next().unwrap();
    let v = serde_json::to_value(&m).unwrap();
    assert_eq!(v["span"], serde_json::json!([25, 31]));
    assert_eq!(v["title"], serde_json::json!([0, 24]));
    assert_eq!(v["resolution"], "unique");
    assert_eq!(v["entity"], serde_json::json!(m.entity().unwrap().index()));
    assert_eq!(serde_json::to_value(EntityKind::Person).unwrap(), "person");
    let k: EntityKind = serde_json::from_str("\"place\"").unwrap();
    assert_eq!(k, EntityKind::Place);
}
