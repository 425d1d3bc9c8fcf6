//! The whole-process workload of the project's entity throughput check:
//! read a TSV gazetteer, build it, read a text, count the mentions.
//!
//! ```text
//! cargo run --release -p newsnlp-gazetteer --example places -- PLACES.tsv CORPUS.txt
//! ```
//!
//! Compare with the reference (`refbench ac PLACES.tsv CORPUS.txt`: a raw
//! leftmost-longest Aho-Corasick over the same patterns) under
//! `/usr/bin/time`. Phase timings go to stderr.
use std::time::Instant;

use newsnlp_gazetteer::Gazetteer;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: places PLACES.tsv CORPUS.txt");
        std::process::exit(2);
    }
    let t0 = Instant::now();
    let gaz = match Gazetteer::from_tsv_path(&args[1]) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let t1 = Instant::now();
    let text = match std::fs::read_to_string(&args[2]) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {}: {e}", args[2]);
            std::process::exit(1);
        }
    };
    let t2 = Instant::now();
    let n = gaz.find(&text).count();
    let t3 = Instant::now();
    println!("matches {n}");
    eprintln!(
        "load+build {:.3}s, read {:.3}s, match {:.3}s; {} entities, {} aliases, {} warnings, memory {:.1} MB",
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        (t3 - t2).as_secs_f64(),
        gaz.len(),
        gaz.alias_count(),
        gaz.warnings().len(),
        gaz.memory_usage() as f64 / 1e6
    );
}
