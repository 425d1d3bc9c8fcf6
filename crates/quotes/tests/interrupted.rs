//! Interrupted quotations (`“A,” she said. “B.”`): by default two quotes
//! sharing cue and source, neither content holding the attribution; with
//! `split_interrupted(false)`, one quote over both.
//! Sentences written for these tests.

use newsnlp_quotes::{QuoteExtractorBuilder, QuoteKind};
use newsnlp_tokenize::Tokenizer;

/// Text, first content, second content, cue, source.
const CASES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "“The river is rising,” the mayor said on Monday. “We are ready for it.”",
        "The river is rising,",
        "We are ready for it.",
        "said",
        "the mayor",
    ),
    (
        "\"We tried,\" she said, \"and we failed.\"",
        "We tried,",
        "and we failed.",
        "said",
        "she",
    ),
    (
        "“Prices will fall,” said Jane Roe, a trader in Chicago. “Not soon, but they will.”",
        "Prices will fall,",
        "Not soon, but they will.",
        "said",
        "Jane Roe, a trader in Chicago",
    ),
    (
        "“Nobody asked us,” the farmers told reporters at the gate, “and nobody will.”",
        "Nobody asked us,",
        "and nobody will.",
        "told",
        "the farmers",
    ),
    (
        "“It was a long night,” John Doe added. “The vote was close.”",
        "It was a long night,",
        "The vote was close.",
        "added",
        "John Doe",
    ),
];

#[test]
fn interrupted_quotes_split_in_two() {
    let split = QuoteExtractorBuilder::new().build();
    for (text, first, second, cue, source) in CASES {
        let doc = Tokenizer::new().tokenize(text);
        let quotes = split.extract(&doc);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = quotes
            .iter()
            .map(|q| {
                (
                    &text[q.content.range()],
                    q.cue.map(|c| &text[c.range()]),
                    q.source.map(|s| &text[s.range()]),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (*first, Some(*cue), Some(*source)),
                (*second, Some(*cue), Some(*source)),
            ],
            "{text}"
        );
        assert!(quotes.iter().all(|q| q.kind == QuoteKind::Direct), "{text}");
        assert_eq!(quotes[0].speaker, quotes[1].speaker, "{text}");
    }
}

#[test]
fn merged_one_quote_runs_over_both() {
    // Unless the attribution between them is longer than the quotations
    // (the third and fourth cases), when they are two quotes already.
    let merged = QuoteExtractorBuilder::new()
        .split_interrupted(false)
        .build();
    for (n, (text, first, second, ..)) in CASES.iter().enumerate() {
        let doc = Tokenizer::new().tokenize(text);
        let quotes = merged.extract(&doc);
        assert_eq!(quotes.len(), if n == 2 || n == 3 { 2 } else { 1 }, "{text}");
        let a = &text[quotes[0].content.range()];
        let b = &text[quotes[quotes.len() - 1].content.range()];
        assert!(a.starts_with(first) && b.ends_with(second), "{text}");
    }
}
