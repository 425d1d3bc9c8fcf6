//! Table-driven fixtures: `tests/fixtures/names.tsv`, news sentences with
//! the names the finder must report beside the default gazetteer's
//! mentions, in order, with their kinds.

use std::ops::Range;

use newsnlp_gazetteer::Gazetteer;
use newsnlp_names::NameFinder;
use newsnlp_tokenize::Tokenizer;

const FIXTURES: &str = include_str!("fixtures/names.tsv");

fn found(gaz: &Gazetteer, finder: &NameFinder, text: &str) -> Vec<String> {
    let doc = Tokenizer::new().tokenize(text);
    let table = doc.table();
    let known: Vec<Range<usize>> = gaz
        .find_in_document(text)
        .iter()
        .map(|m| m.span())
        .collect();
    finder
        .find(&doc, &table, &known)
        .iter()
        .map(|n| format!("{}={}", &text[n.span.clone()], n.kind.as_str()))
        .collect()
}

#[test]
fn fixtures_hold() {
    let gaz = Gazetteer::default();
    let finder = NameFinder::new();
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in FIXTURES.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        cases += 1;
        let (text, expected) = line.split_once('\t').unwrap_or((line, ""));
        let text = text.replace("\\n", "\n");
        let expected: Vec<String> = expected
            .split(" ; ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let got = found(&gaz, &finder, &text);
        if got != expected {
            failures.push(format!(
                "{text:?}\n  expected {expected:?}\n  found    {got:?}"
            ));
        }
    }
    assert!(cases >= 20, "only {cases} fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The seed article of the benches: the gazetteer knows everyone but the
/// byline's author (the bench asserts the same count).
#[test]
fn seed_article_names_its_author() {
    let text = include_str!("../../text/benches/seed.txt");
    let got = found(&Gazetteer::default(), &NameFinder::new(), text);
    assert_eq!(got, ["Faye Higbee=person"]);
}
