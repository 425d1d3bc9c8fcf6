//! Checks of an analyzed article against an expected analysis in the
//! `seeds/gold.json` format: text fragments, not offsets; a fragment must
//! occur inside the span it describes (whitespace folded).

use newsnlp::Document;
use newsnlp::text::Span;
use serde_json::Value;

/// One check: what it is about ("entity", "quote", "not_quote", "stance",
/// "max_quotes"), a description, and whether it holds.
///
/// An entity holds when exactly `mentions` mentions carry its name, all of
/// its kind, each containing `key` when the gold gives one.
pub struct Check {
    pub what: &'static str,
    pub about: String,
    pub holds: bool,
}

/// Whitespace folded to single spaces (articles have no-break spaces where
/// gold fragments have plain ones).
pub fn fold(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn s<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

fn list<'v>(gold: &'v Value, key: &str) -> &'v [Value] {
    gold.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Every check of `gold` on `doc`.
pub fn checks(doc: &Document<'_>, gold: &Value) -> Vec<Check> {
    let text = doc.text();
    let mut out = Vec::new();
    for e in list(gold, "entities") {
        let name = s(e, "name").unwrap_or_default();
        let kind = s(e, "kind").unwrap_or_default();
        let want = e["mentions"].as_u64().unwrap_or(0) as usize;
        let got: Vec<_> = doc.mentions_of(name).collect();
        let kinds_ok = got
            .iter()
            .all(|m| m.kind().map(|k| k.as_str()) == Some(kind));
        // The key (usually the surname) occurs in every mention, so a
        // mention elsewhere that carries the right name does not count;
        // case-folded, as a dateline spells a place in capitals.
        let key = s(e, "key").map(str::to_lowercase);
        let keys_ok = got.iter().all(|m| {
            key.as_ref()
                .is_none_or(|k| text[m.span.range()].to_lowercase().contains(k))
        });
        out.push(Check {
            what: "entity",
            about: format!("{name} ({kind}): {} mentions, expected {want}", got.len()),
            holds: got.len() == want && kinds_ok && keys_ok,
        });
    }
    let quotes = doc.quotes();
    for g in list(gold, "quotes") {
        let content = s(g, "content").unwrap_or_default();
        let in_span = |frag: Option<&str>, span: Option<std::ops::Range<usize>>| match frag {
            None => true,
            Some(f) => span.is_some_and(|r| fold(&text[r]).contains(f)),
        };
        let holds = quotes.iter().any(|q| {
            let c = fold(&text[q.content.range()]);
            Some(q.kind.as_str()) == s(g, "kind")
                && c.contains(content)
                && s(g, "content_end").is_none_or(|e| c.contains(e))
                && s(g, "content_not").is_none_or(|x| !c.contains(x))
                && s(g, "speaker").is_none_or(|sp| q.speaker_name() == Some(sp))
                && in_span(s(g, "source"), q.source.map(Span::range))
                && in_span(s(g, "cue"), q.cue.map(Span::range))
        });
        out.push(Check {
            what: "quote",
            about: g.to_string(),
            holds,
        });
    }
    for frag in list(gold, "not_quotes") {
        let frag = frag.as_str().unwrap_or_default();
        let is_quote = quotes
            .iter()
            .any(|q| text[q.content.range()].trim_matches(|c: char| !c.is_alphanumeric()) == frag);
        out.push(Check {
            what: "not_quote",
            about: frag.to_owned(),
            holds: !is_quote,
        });
    }
    if let Some(max) = gold.get("max_quotes").and_then(Value::as_u64) {
        out.push(Check {
            what: "max_quotes",
            about: format!("{} quotes, at most {max}", quotes.len()),
            holds: quotes.len() <= max as usize,
        });
    }
    for g in list(gold, "stances") {
        let min = g
            .get("min_certainty")
            .and_then(Value::as_f64)
            .unwrap_or(0.0);
        // A hedged claim's stance must not come out firmer than this.
        let max = g
            .get("max_certainty")
            .and_then(Value::as_f64)
            .unwrap_or(1.0);
        let holds = doc.stances().iter().any(|st| {
            Some(st.holder.label()) == s(g, "holder")
                && fold(&st.target.text).contains(s(g, "target").unwrap_or_default())
                && Some(st.polarity.as_str()) == s(g, "polarity")
                && st.certainty >= min
                && st.certainty <= max
        });
        out.push(Check {
            what: "stance",
            about: g.to_string(),
            holds,
        });
    }
    out
}

/// The failing checks, one per line.
pub fn failures(checks: &[Check]) -> String {
    checks
        .iter()
        .filter(|c| !c.holds)
        .map(|c| format!("{}: {}", c.what, c.about))
        .collect::<Vec<_>>()
        .join("\n")
}
