//! The benchmarks' text, shared by this crate's bench and the workspace's
//! pipeline bench (which includes this file by path): `NEWSNLP_CORPUS` (a
//! file of news text whose articles are separated by two blank lines, or a
//! directory of `.txt` files such as PolNeAR's `train/text`) if set, else
//! the bundled seed article repeated.

/// The articles of the corpus, or `seed` repeated `times` times.
pub fn articles(seed: &str, times: usize) -> Vec<String> {
    let Ok(path) = std::env::var("NEWSNLP_CORPUS") else {
        return vec![seed.to_owned(); times];
    };
    let p = std::path::Path::new(&path);
    if p.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(p)
            .expect("read NEWSNLP_CORPUS directory")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        return files
            .iter()
            .map(|f| std::fs::read_to_string(f).expect("read corpus file"))
            .collect();
    }
    let text = std::fs::read_to_string(p).expect("read NEWSNLP_CORPUS");
    text.split("\n\n\n").map(str::to_owned).collect()
}
