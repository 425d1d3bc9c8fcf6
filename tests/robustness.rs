//! Robustness of the library on any text: property tests over arbitrary
//! strings and hostile news-like text, and the replay of the fuzz corpus
//! (`fuzz/corpus/<target>/*`) under plain `cargo test`.
//!
//! The invariants themselves live in `fuzz/src/lib.rs`, shared with the
//! fuzz targets: no panic, every span of every layer in bounds and on char
//! boundaries, tokens and entities ordered and not overlapping, sentences
//! holding every token in order, confidences in [0, 1], the same result
//! twice. The number of cases comes from `PROPTEST_CASES` (256 when unset).

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::path::Path;

use newsnlp::{Pipeline, SEED_ARTICLE};
use proptest::prelude::*;
use proptest::sample::select;

/// Pieces of hostile news text: names of the default gazetteer, cue words,
/// every kind of quote mark, dashes, spaces and breaks, combining marks,
/// emoji sequences, controls, abbreviations, numbers, URLs, other scripts.
const PIECES: &[&str] = &[
    "Rex Tillerson",
    "Tillerson",
    "Vladimir Putin",
    "Putin",
    "Putin’s",
    "Assad’s",
    "Assad's",
    "Sergey Lavrov",
    "Lavrov",
    "Clinton",
    "May",
    "Secretary of State",
    "President",
    "Moscow",
    "Russia",
    "the Kremlin",
    "NATO",
    "he",
    "she",
    "they",
    "it",
    "officials",
    "a spokesman",
    "said",
    "says",
    "say",
    "told reporters",
    "told",
    "according to",
    "According to",
    "added",
    "insisted",
    "grumbled",
    "quipped",
    "saying",
    "that",
    ":",
    "And from Chairwoman Roe:",
    "was",
    "not",
    "may",
    "clearly",
    "allegedly",
    "good",
    "terrible",
    "fine",
    "the talks",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "``",
    "''",
    "—",
    "–",
    "--",
    "-",
    "―",
    "\u{a0}",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{200b}",
    "\u{feff}",
    "\u{2060}",
    ".",
    ",",
    "?",
    "!",
    "…",
    "...",
    ";",
    "(",
    ")",
    "[",
    "]",
    "/",
    "&",
    "*",
    "•",
    "e\u{301}",
    "\u{301}",
    "\u{301}\u{302}\u{303}",
    "\u{20dd}",
    "👨\u{200d}👩\u{200d}👧",
    "\u{200d}",
    "\u{200c}",
    "\u{fe0f}",
    "🇷🇺",
    "👍🏽",
    "🏽",
    "\u{e0067}",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{9f}",
    "U.S.",
    "U.S",
    "Mr.",
    "Gen.",
    "Dr",
    "e.g.",
    "i.e.",
    "No.",
    "St.",
    "1,000.5",
    "3:30",
    "2017",
    "4.",
    "http://example.com/a?b=c",
    "www.kremlin.ru",
    "a@b.org",
    "#tag",
    "$5",
    "%",
    "Москва",
    "北京",
    "مرحبا",
    "İstanbul",
    "ß",
    "ﬁ",
    "ǅ",
    "Ω",
    "\u{10ffff}",
    "\u{fffd}",
];

/// One piece: mostly from [`PIECES`], sometimes arbitrary characters, a
/// plain word, or a huge token.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => select(PIECES).prop_map(str::to_owned),
        2 => "[A-Za-z]{1,12}",
        2 => ".{0,6}",
        1 => (select(&["a", "é", "\"", "“", ".", "-", "0", "👍", "e\u{301}", "'", ":", "\n"][..]), 64usize..1500)
            .prop_map(|(s, n)| s.repeat(n)),
    ]
}

/// News-like text: pieces joined by spaces, nothing, or line breaks.
fn news_like() -> impl Strategy<Value = String> {
    let sep = prop_oneof![6 => Just(" "), 2 => Just(""), 1 => Just("\n"), 1 => Just("\n\n")];
    prop::collection::vec((piece(), sep), 0..80).prop_map(|parts| {
        parts.iter().fold(String::new(), |mut s, (p, sep)| {
            s.push_str(p);
            s.push_str(sep);
            s
        })
    })
}

/// The largest char boundary of `text` at or below `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn config() -> ProptestConfig {
    // Failures are kept as files of fuzz/corpus/ (replayed below), not as
    // proptest-regressions files.
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn analyze_any_string(text in any::<String>()) {
        checks::analyze(checks::layers(), &text);
    }

    #[test]
    fn analyze_news_like(text in news_like()) {
        checks::analyze(checks::layers(), &text);
    }

    #[test]
    fn layers_news_like(text in news_like()) {
        let l = checks::layers();
        checks::tokenize(l, &text);
        checks::gazetteer(l, &text);
        checks::quote_layer(l, &text);
    }

    #[test]
    fn analyze_seed_with_splices(
        cut in (0usize..=SEED_ARTICLE.len(), 0usize..=SEED_ARTICLE.len()),
        at in 0usize..=SEED_ARTICLE.len(),
        insert in news_like(),
    ) {
        // A slice of the seed with hostile text spliced in: real sentences
        // and quotes around the damage.
        let (a, b) = (floor(SEED_ARTICLE, cut.0.min(cut.1)), floor(SEED_ARTICLE, cut.0.max(cut.1)));
        let part = &SEED_ARTICLE[a..b];
        let at = floor(part, at);
        let text = format!("{}{insert}{}", &part[..at], &part[at..]);
        checks::analyze(checks::layers(), &text);
    }

    #[test]
    fn stance_any_target(sentence in news_like(), start in 0usize..400, len in 0usize..60, backwards in any::<bool>()) {
        // Any range, even reversed, out of bounds or inside a character.
        let target = if backwards { start + len..start } else { start..start + len };
        checks::stance(checks::layers(), &sentence, target);
    }
}

#[test]
fn pipeline_is_send_and_sync() {
    fn shared<T: Send + Sync>(_: &T) {}
    shared(&Pipeline::new());
}

/// Hostile shapes at a small size, as in `../shared/eval/adversarial.py`.
fn hostile() -> Vec<(&'static str, String)> {
    vec![
        ("empty", String::new()),
        ("straight quotes", "\"".repeat(3000)),
        ("curly openers", "“".repeat(1000)),
        ("alternating quotes", "\"“‘'”’ ".repeat(200)),
        ("long token", "a".repeat(5000)),
        ("dots", ".".repeat(3000)),
        ("abbreviations", "U.S. ".repeat(600)),
        ("said said", "said ".repeat(600)),
        (
            "names and cues",
            "Tillerson said that Lavrov told Putin that ".repeat(70),
        ),
        (
            "unclosed paragraphs",
            "“He said it was fine.\n\n".repeat(120),
        ),
        ("newlines", "\n".repeat(3000)),
        (
            "controls",
            (0u8..32).map(char::from).cycle().take(3000).collect(),
        ),
        (
            "combining",
            format!("e{} ", "\u{301}".repeat(50)).repeat(30),
        ),
        ("emoji zwj", "👨\u{200d}👩\u{200d}👧 ".repeat(200)),
        ("lone marks", "\u{301} \u{200d} \u{fe0f} 🏽 ".repeat(100)),
        (
            "crlf paragraphs",
            "“It’s fine,” Putin said.\r\n\r\n".repeat(60),
        ),
    ]
}

#[test]
fn hostile_shapes_keep_every_invariant() {
    let l = checks::layers();
    for (name, text) in hostile() {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            checks::analyze(l, &text);
            checks::tokenize(l, &text);
            checks::gazetteer(l, &text);
            checks::quote_layer(l, &text);
        }));
        assert!(run.is_ok(), "hostile shape {name:?} broke an invariant");
    }
}

#[test]
fn batch_equals_one_by_one_and_threads_agree() {
    let l = checks::layers();
    let mut texts: Vec<String> = hostile().into_iter().map(|(_, t)| t).collect();
    texts.push(SEED_ARTICLE.to_owned());
    let batch = l.pipeline.analyze_batch(&texts);
    assert_eq!(batch.len(), texts.len());
    for (doc, text) in batch.iter().zip(&texts) {
        assert_eq!(
            format!("{doc:?}"),
            format!("{:?}", l.pipeline.analyze(text))
        );
    }
    let seed = format!("{:?}", l.pipeline.analyze(SEED_ARTICLE));
    std::thread::scope(|s| {
        let runs: Vec<_> = (0..4)
            .map(|_| s.spawn(|| format!("{:?}", l.pipeline.analyze(SEED_ARTICLE))))
            .collect();
        for r in runs {
            assert_eq!(r.join().expect("no panic"), seed);
        }
    });
}

#[test]
fn seed_article_keeps_every_invariant() {
    let l = checks::layers();
    checks::analyze(l, SEED_ARTICLE);
    checks::tokenize(l, SEED_ARTICLE);
    checks::gazetteer(l, SEED_ARTICLE);
    checks::quote_layer(l, SEED_ARTICLE);
    let doc = l.pipeline.analyze(SEED_ARTICLE);
    // The checks must have had something to check.
    assert!(doc.tokens().sentences().len() > 10);
    assert!(doc.mentions().len() > 5);
    assert!(!doc.quotes().is_empty());
}

/// The targets of `fuzz/fuzz_targets/`, by corpus directory name.
const TARGETS: &[&str] = &["analyze", "gazetteer", "quotes", "tokenize"];

/// Runs one corpus file the way its fuzz target does.
fn replay(target: &str, bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return; // the targets skip bytes that are not UTF-8 too
    };
    let l = checks::layers();
    match target {
        "tokenize" => checks::tokenize(l, text),
        "gazetteer" => checks::gazetteer(l, text),
        "quotes" => checks::quote_layer(l, text),
        "analyze" => checks::analyze(l, text),
        other => panic!("fuzz/corpus/{other} names no fuzz target"),
    }
}

#[test]
fn fuzz_corpus_replays() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut failed = Vec::new();
    for target in TARGETS {
        let dir = root.join(target);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("corpus entry").path())
            .collect();
        files.sort();
        assert!(
            files.len() >= 10,
            "{}: only {} inputs",
            dir.display(),
            files.len()
        );
        for f in files {
            let bytes = std::fs::read(&f).expect("corpus file");
            // Every input goes through its own target and the whole pipeline.
            for t in [*target, "analyze"] {
                if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| replay(t, &bytes)))
                    .is_err()
                {
                    failed.push(format!("{t}: {}", f.display()));
                }
            }
        }
    }
    assert!(failed.is_empty(), "corpus inputs that fail: {failed:#?}");
}

#[test]
fn fuzz_targets_match_corpus_directories() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    for target in TARGETS {
        let src = root.join("fuzz_targets").join(format!("{target}.rs"));
        let code =
            std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        assert!(
            code.contains("fuzz_target!"),
            "{} is no fuzz target",
            src.display()
        );
        let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("fuzz/Cargo.toml");
        assert!(
            manifest.contains(&format!("path = \"fuzz_targets/{target}.rs\"")),
            "fuzz/Cargo.toml has no [[bin]] for {target}"
        );
    }
}
