//! Streams JSONL from stdin to stdout: `{"id", "text"}` lines in, one
//! `{"id", "entities", "quotes"}` line out per input line, in order.
//!
//! ```sh
//! echo '{"id": 1, "text": "“We agreed,” Putin said."}' | cargo run --example jsonl_stream
//! ```
//!
//! The `newsnlp analyze --jsonl` command does the same on all cores; this
//! example shows the library calls.

use std::io::{self, BufRead, Write};

use newsnlp::Pipeline;

fn main() -> io::Result<()> {
    let pipeline = Pipeline::new();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (n, line) in io::stdin().lock().lines().enumerate() {
        let line = line?;
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("line {}: not JSON: {e}", n + 1);
                continue;
            }
        };
        let Some(text) = v["text"].as_str() else {
            eprintln!("line {}: no \"text\" field", n + 1);
            continue;
        };
        let doc = pipeline.analyze(text);
        let quotes: Vec<_> = doc
            .quotes()
            .iter()
            .map(|q| {
                serde_json::json!({
                    "speaker": q.speaker_name(),
                    "kind": q.kind.as_str(),
                    "content": &text[q.content.range()],
                })
            })
            .collect();
        let entities: Vec<_> = doc.mentions().iter().filter_map(|e| e.name()).collect();
        let answer = serde_json::json!({"id": v["id"], "entities": entities, "quotes": quotes});
        writeln!(out, "{answer}")?;
    }
    out.flush()
}
