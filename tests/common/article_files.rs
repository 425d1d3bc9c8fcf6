//! The seed article and the root's `tests/articles/*.txt`, named, in name
//! order: shared (by `#[path]`) by the round-trip tests of the facade and
//! of the CLI, which read the same files from two crate roots.

/// The seed article (named "seed") and every `.txt` file of `dir`.
pub fn read(dir: &str, seed: &str) -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/articles")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut out = vec![("seed".to_string(), seed.to_string())];
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("article");
        out.push((p.display().to_string(), text));
    }
    out
}
