//! Table-driven tests: every attribution pattern and resolution rule, from
//! `tests/fixtures/patterns.txt`.

use newsnlp_gazetteer::{EntityKind, Entry, Gazetteer, GazetteerBuilder};
use newsnlp_quotes::{Quote, QuoteExtractor};
use newsnlp_tokenize::Tokenizer;

const FIXTURE: &str = include_str!("fixtures/patterns.txt");

#[derive(Default, Debug)]
struct Case {
    name: String,
    text: String,
    count: Option<usize>,
    quotes: Vec<Vec<(String, String)>>,
    none: Vec<String>,
}

fn cases() -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    for line in FIXTURE.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix("== ") {
            out.push(Case {
                name: name.to_string(),
                ..Case::default()
            });
            continue;
        }
        let case = out.last_mut().expect("a case before its fields");
        let (key, value) = line.split_once(": ").expect("key: value");
        match key {
            "text" => case.text = value.replace("\\n", "\n"),
            "count" => case.count = Some(value.parse().unwrap()),
            "none" => case.none.push(value.to_string()),
            "quote" => case.quotes.push(
                value
                    .split("; ")
                    .map(|kv| {
                        let (k, v) = kv.split_once('=').expect("k=v");
                        (k.to_string(), v.to_string())
                    })
                    .collect(),
            ),
            other => panic!("unknown key {other}"),
        }
    }
    out
}

fn gazetteer() -> Gazetteer {
    GazetteerBuilder::new()
        .build([
            Entry::new("Jane Roe", EntityKind::Person).title("Chairwoman"),
            Entry::new("John Doe", EntityKind::Person),
            Entry::new("Mary Major", EntityKind::Person).title("Secretary"),
            Entry::new("Acme Corp", EntityKind::Organization),
        ])
        .unwrap()
}

fn field<'a>(text: &'a str, q: &Quote, key: &str) -> Option<&'a str> {
    match key {
        "content" | "has" => Some(&text[q.content.range()]),
        "cue" => q.cue.map(|r| &text[r.range()]),
        "source" => q.source.map(|r| &text[r.range()]),
        _ => None,
    }
}

fn matches(text: &str, q: &Quote, want: &[(String, String)]) -> bool {
    want.iter().all(|(k, v)| match k.as_str() {
        "kind" => q.kind.as_str() == v,
        "has" => field(text, q, k).is_some_and(|c| c.contains(v.as_str())),
        "speaker" => q.speaker_name().unwrap_or("-") == v,
        "rule" => q.rule.as_str() == v,
        // "source=-": the quote shows no source span.
        "source" if v == "-" => q.source.is_none(),
        _ => field(text, q, k) == Some(v.as_str()),
    })
}

#[test]
fn patterns_and_resolution() {
    let gaz = gazetteer();
    let ext = QuoteExtractor::new();
    let tok = Tokenizer::new();
    let cases = cases();
    assert!(cases.len() >= 30);
    let mut failures = Vec::new();
    for case in &cases {
        let text = case.text.as_str();
        let doc = tok.tokenize(text);
        let mentions = gaz.find_in_document(text);
        let quotes = ext.extract_with_entities(&doc, &gaz, &mentions);
        let shown: Vec<String> = quotes
            .iter()
            .map(|q| {
                format!(
                    "{} {:?} cue={:?} src={:?} speaker={:?} rule={}",
                    q.kind,
                    &text[q.content.range()],
                    field(text, q, "cue"),
                    field(text, q, "source"),
                    q.speaker_name(),
                    q.rule.as_str()
                )
            })
            .collect();
        if let Some(n) = case.count
            && quotes.len() != n
        {
            failures.push(format!(
                "{}: {} quotes, want {n}: {shown:#?}",
                case.name,
                quotes.len()
            ));
        }
        for want in &case.quotes {
            if !quotes.iter().any(|q| matches(text, q, want)) {
                failures.push(format!(
                    "{}: no quote with {want:?} in {shown:#?}",
                    case.name
                ));
            }
        }
        for bad in &case.none {
            if quotes
                .iter()
                .any(|q| text[q.content.range()].contains(bad.as_str()))
            {
                failures.push(format!("{}: {bad:?} is quoted: {shown:#?}", case.name));
            }
        }
        for q in &quotes {
            assert!((0.0..=1.0).contains(&q.confidence));
            assert!(text.get(q.content.range()).is_some());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
