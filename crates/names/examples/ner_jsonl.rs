//! Entities of `{"id", "text"}` JSONL lines, the way `newsnlp analyze
//! --jsonl -` will list them once the finder is wired in: the gazetteer's
//! mentions, then the names it does not know, in text order, one line
//! `{"id", "entities": [{"span": [s, e], "name", "kind"}]}` per input line.
//! Arguments are ignored, so the NER scorer can run it in place of the CLI:
//!
//! ```text
//! cargo build --release -p newsnlp-names --example ner_jsonl
//! NEWSNLP_BIN=target/release/examples/ner_jsonl \
//!     python3 ../shared/eval/ner.py ../shared/data/uner-ewt/dev.jsonl
//! ```
//!
//! With `NEWSNLP_NAMES=off` it lists the gazetteer's mentions only (the
//! before figure).
use std::io::{self, BufRead, BufWriter, Write};
use std::ops::Range;

use newsnlp_gazetteer::Gazetteer;
use newsnlp_names::NameFinder;
use newsnlp_tokenize::Tokenizer;
use serde_json::{Value, json};

fn main() -> io::Result<()> {
    let names_on = std::env::var("NEWSNLP_NAMES").map_or(true, |v| v != "off");
    let gaz = Gazetteer::default();
    let tokenizer = Tokenizer::new();
    let finder = NameFinder::new();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let input: Value = serde_json::from_str(&line).map_err(io::Error::other)?;
        let text = input["text"].as_str().unwrap_or_default();
        let mut entities: Vec<(Range<usize>, Value)> = Vec::new();
        let mentions = gaz.find_in_document(text);
        for m in &mentions {
            let entity = m.entity().map(|id| gaz.entity(id));
            let e = json!({
                "span": [m.start(), m.end()],
                "name": entity.map(|e| e.name()),
                "kind": entity.map(|e| e.kind().as_str()),
            });
            entities.push((m.span(), e));
        }
        if names_on {
            let doc = tokenizer.tokenize(text);
            let table = doc.table();
            let known: Vec<Range<usize>> = mentions.iter().map(|m| m.span()).collect();
            let names = finder.find(&doc, &table, &known);
            // A name that holds a known surname ("Sarah Bennett") replaces
            // the gazetteer's mention of it.
            entities.retain(|(span, _)| {
                !names
                    .iter()
                    .any(|n| n.span.start <= span.start && span.end <= n.span.end)
            });
            for n in names {
                let e = json!({
                    "span": [n.span.start, n.span.end],
                    "name": text.get(n.span.clone()),
                    "kind": n.kind.as_str(),
                    "evidence": n.evidence.as_str(),
                });
                entities.push((n.span, e));
            }
        }
        entities.sort_by_key(|(span, _)| (span.start, span.end));
        let entities: Vec<Value> = entities.into_iter().map(|(_, e)| e).collect();
        let record = json!({ "id": input["id"], "entities": entities });
        writeln!(out, "{record}")?;
    }
    out.flush()
}
