//! The seed article against its expected analysis, `seeds/gold.json`:
//! entities (canonical name, kind, exact mention count), quotes (kind,
//! content fragments, speaker or source, cue), things that are not quotes,
//! and the quote budget. Fragments must occur inside the spans they describe.

use newsnlp::{Pipeline, SEED_ARTICLE};
use serde_json::Value;

fn gold() -> Value {
    serde_json::from_str(include_str!("../seeds/gold.json")).expect("gold.json is JSON")
}

/// Whitespace folded to single spaces (the article has no-break spaces
/// where gold fragments have plain ones).
fn fold(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn s<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

#[test]
fn seed_is_the_bundled_article() {
    assert_eq!(
        SEED_ARTICLE,
        include_str!("../seeds/000_1561a38bbdfba1e1.txt")
    );
    assert_eq!(s(&gold(), "article"), Some("000_1561a38bbdfba1e1.txt"));
}

#[test]
fn seed_entities() {
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze(SEED_ARTICLE);
    let mut failures = Vec::new();
    for e in gold()["entities"].as_array().expect("entities") {
        let name = s(e, "name").expect("name");
        let kind = s(e, "kind").expect("kind");
        let want = e["mentions"].as_u64().expect("mentions") as usize;
        let got: Vec<_> = doc.mentions_of(name).collect();
        if got.len() != want {
            failures.push(format!("{name}: {} mentions, expected {want}", got.len()));
        }
        if got
            .iter()
            .any(|m| m.kind().map(|k| k.as_str()) != Some(kind))
        {
            failures.push(format!("{name}: kind is not {kind}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_quotes() {
    let pipeline = Pipeline::new();
    let text = SEED_ARTICLE;
    let doc = pipeline.analyze(text);
    let quotes = doc.quotes();
    let gold = gold();
    let mut failures = Vec::new();
    for g in gold["quotes"].as_array().expect("quotes") {
        let kind = s(g, "kind").expect("kind");
        let content = s(g, "content").expect("content");
        let found = quotes.iter().any(|q| {
            let c = fold(&text[q.content.clone()]);
            let in_span = |frag: Option<&str>, span: Option<std::ops::Range<usize>>| match frag {
                None => true,
                Some(f) => span.is_some_and(|r| fold(&text[r]).contains(f)),
            };
            q.kind.as_str() == kind
                && c.contains(content)
                && s(g, "content_end").is_none_or(|e| c.contains(e))
                && s(g, "speaker").is_none_or(|sp| q.speaker_name() == Some(sp))
                && in_span(s(g, "source"), q.source.clone())
                && in_span(s(g, "cue"), q.cue.clone())
        });
        if !found {
            failures.push(format!("missing quote: {g}"));
        }
    }
    for frag in gold["not_quotes"].as_array().expect("not_quotes") {
        let frag = frag.as_str().expect("string");
        if let Some(q) = quotes
            .iter()
            .find(|q| text[q.content.clone()].trim_matches(|c: char| !c.is_alphanumeric()) == frag)
        {
            failures.push(format!("{frag:?} is not a quote, got {q:?}"));
        }
    }
    let max = gold["max_quotes"].as_u64().expect("max_quotes") as usize;
    if quotes.len() > max {
        failures.push(format!("{} quotes, at most {max} expected", quotes.len()));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_stances() {
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze(SEED_ARTICLE);
    let mut failures = Vec::new();
    for g in gold()["stances"].as_array().expect("stances") {
        let holder = s(g, "holder").expect("holder");
        let target = s(g, "target").expect("target");
        let polarity = s(g, "polarity").expect("polarity");
        let min = g
            .get("min_certainty")
            .and_then(Value::as_f64)
            .unwrap_or(0.0) as f32;
        let found = doc.stances().iter().any(|st| {
            st.holder.name() == holder
                && fold(&st.target.text).contains(target)
                && st.polarity.as_str() == polarity
                && st.certainty >= min
        });
        if !found {
            failures.push(format!("missing stance: {g}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
