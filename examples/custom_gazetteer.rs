//! Uses a custom gazetteer file, merged with the default one:
//! `cargo run --example custom_gazetteer [GAZETTEER.tsv]`
//! (default: `examples/data/gazetteer.tsv`).

use newsnlp::Pipeline;
use newsnlp::gazetteer::{Entries, GazetteerBuilder};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/gazetteer.tsv").to_owned()
    });
    let mut entries = Entries::builtin();
    match Entries::from_path(&path) {
        Ok(mine) => entries.merge(mine),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
    for w in entries.warnings() {
        eprintln!("warning: {}", w.message());
    }
    let gazetteer = match GazetteerBuilder::new().build(entries) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let pipeline = Pipeline::builder().gazetteer(gazetteer).build();
    let text = "“The rates will serve the public well,” Commissioner Jane Roe said on Monday. \
                Putin was not consulted, the Acme Water Board said.";
    let doc = pipeline.analyze(text);
    for e in doc.mentions() {
        println!(
            "{:?}\t{}\t{}",
            e.span.range(),
            &text[e.span.range()],
            e.name().unwrap_or("(ambiguous)")
        );
    }
    for q in doc.quotes() {
        println!(
            "{} said: {}",
            q.speaker_name().unwrap_or("?"),
            &text[q.content.range()]
        );
    }
}
