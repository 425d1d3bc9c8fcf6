//! Prints what the gazetteer and the name finder find in news sentences,
//! one sentence per input line, for reading error clusters by eye. A line
//! is plain text, or JSON with a `sentence_normalized` (NewsMTSC) or
//! `text` field:
//!
//! ```text
//! head -50 ../shared/data/newsmtsc/dev_rw.jsonl \
//!     | cargo run --release -p newsnlp-names --example news_names
//! ```
//!
//! Each sentence is printed, then its entities as `[kind/rule] span`
//! (`gaz` for the gazetteer's mentions).
use std::io::{self, BufRead, BufWriter, Write};
use std::ops::Range;

use newsnlp_gazetteer::Gazetteer;
use newsnlp_names::NameFinder;
use newsnlp_tokenize::Tokenizer;
use serde_json::Value;

/// The sentence of an input line: a JSON field, or the line itself.
fn sentence(line: &str) -> String {
    match serde_json::from_str::<Value>(line) {
        Ok(v) => ["sentence_normalized", "text"]
            .iter()
            .find_map(|k| v[k].as_str().map(String::from))
            .unwrap_or_default(),
        Err(_) => line.to_string(),
    }
}

fn main() -> io::Result<()> {
    let gaz = Gazetteer::default();
    let tokenizer = Tokenizer::new();
    let finder = NameFinder::new();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let text = sentence(&line?);
        if text.trim().is_empty() {
            continue;
        }
        let mentions = gaz.find_in_document(&text);
        let known: Vec<Range<usize>> = mentions.iter().map(|m| m.span()).collect();
        let doc = tokenizer.tokenize(&text);
        let names = finder.find(&doc, &doc.table(), &known);
        let mut found: Vec<(Range<usize>, String)> = names
            .iter()
            .map(|n| {
                let label = format!("{}/{}", n.kind.as_str(), n.evidence.as_str());
                (n.span.clone(), label)
            })
            .collect();
        for span in known {
            if !names
                .iter()
                .any(|n| n.span.start <= span.start && span.end <= n.span.end)
            {
                found.push((span, "gaz".to_string()));
            }
        }
        found.sort_by_key(|(s, _)| (s.start, s.end));
        writeln!(out, "{text}")?;
        for (span, label) in found {
            writeln!(out, "    [{label}] {}", text.get(span).unwrap_or_default())?;
        }
    }
    out.flush()
}
