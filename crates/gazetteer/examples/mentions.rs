//! Prints the linked mentions of a text file (default: the seed article).
//!
//! ```text
//! cargo run -p newsnlp-gazetteer --example mentions -- [FILE]
//! ```
use newsnlp_gazetteer::Gazetteer;

const SEED: &str = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt");

fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {path}: {e}");
                std::process::exit(1);
            }
        },
        None => SEED.to_string(),
    };
    let gaz = Gazetteer::default();
    for m in gaz.find_in_document(&text) {
        let who: Vec<&str> = m
            .candidates()
            .iter()
            .map(|&e| gaz.entity(e).name())
            .collect();
        let title = m.title().map(|t| &text[t]).unwrap_or("");
        println!(
            "{:>5}..{:<5} {:<22} {:?} {:?} {}",
            m.start(),
            m.end(),
            &text[m.span()],
            m.resolution(),
            who,
            title
        );
    }
}
