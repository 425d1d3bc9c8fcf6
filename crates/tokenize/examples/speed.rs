//! Times the tokenizer on a file: `cargo run --release -p newsnlp-tokenize --example speed -- FILE`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: speed FILE");
    let text = std::fs::read_to_string(path).expect("read");
    let tok = newsnlp_tokenize::Tokenizer::new();
    let t = Instant::now();
    let n = tok.tokens(&text).count();
    let d = t.elapsed().as_secs_f64();
    println!(
        "tokens only: {n} in {d:.3}s, {:.1} MB/s",
        text.len() as f64 / d / 1e6
    );
    let t = Instant::now();
    let (mut nt, mut ns) = (0, 0);
    tok.for_each_paragraph(&text, |t, s| {
        nt += t.len();
        ns += s.len();
    });
    let d = t.elapsed().as_secs_f64();
    println!(
        "by paragraph: {nt} / {ns} in {d:.3}s, {:.1} MB/s",
        text.len() as f64 / d / 1e6
    );
    let t = Instant::now();
    let doc = tok.tokenize(&text);
    let d = t.elapsed().as_secs_f64();
    println!(
        "tokens+sentences: {} / {} in {d:.3}s, {:.1} MB/s",
        doc.tokens().len(),
        doc.sentences().len(),
        text.len() as f64 / d / 1e6
    );
    let t = Instant::now();
    let table = doc.table();
    let d = t.elapsed().as_secs_f64();
    println!(
        "table: {} rows in {d:.3}s, {:.1} ns a token",
        table.len(),
        d * 1e9 / table.len().max(1) as f64
    );
}
