//! Linear cost on hostile input: the shapes of `../shared/eval/adversarial.py`
//! (and the cases of issue 8) at 1x, 4x and 16x a base size, through the
//! whole pipeline, stance triples included.
//!
//! For each shape:
//! - the time for 16x the bytes stays below [`MAX_RATIO`] times the time
//!   for 1x (linear is 16, quadratic 256), each the minimum of [`RUNS`] runs;
//! - its time per byte at 16x stays within [`MAX_PER_BYTE`] of ordinary
//!   news (the seed article repeated) of the same size;
//! - the work done, counted (tokens, sentences, entities, quotes, stances),
//!   grows at most linearly.
//!
//! Timing in a shared CI box is noisy: a shape that misses a bound is
//! measured again (up to [`ATTEMPTS`] times) before it fails, and the tests
//! of this file take turns so that they do not slow each other down. The
//! bounds are far from what a quadratic cost would give, so they hold in
//! debug and release builds alike.

use std::sync::{LazyLock, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use newsnlp::{Pipeline, SEED_ARTICLE};

/// The base size in bytes; the shapes are measured at 1x, 4x and 16x.
const BASE: usize = 8 * 1024;
const SCALES: [usize; 3] = [1, 4, 16];
/// Runs per measurement; the minimum counts.
const RUNS: usize = 3;
/// Measurements of a shape before a missed bound fails the test.
const ATTEMPTS: usize = 3;
/// Largest allowed time(16x) / time(1x).
const MAX_RATIO: f64 = 64.0;
/// Largest allowed time per byte relative to news text of the same size.
const MAX_PER_BYTE: f64 = 25.0;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::new);
/// The tests of this file take turns: timings must not overlap.
static SERIAL: Mutex<()> = Mutex::new(());

/// What one analysis produced: the work it did, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Work {
    tokens: usize,
    sentences: usize,
    entities: usize,
    quotes: usize,
    stances: usize,
}

impl Work {
    fn as_array(self) -> [usize; 5] {
        [
            self.tokens,
            self.sentences,
            self.entities,
            self.quotes,
            self.stances,
        ]
    }
}

/// The whole pipeline, stance triples included.
fn analyze(text: &str) -> Work {
    let doc = PIPELINE.analyze(text);
    Work {
        tokens: doc.tokens().tokens().len(),
        sentences: doc.tokens().sentences().len(),
        entities: doc.mentions().len(),
        quotes: doc.quotes().len(),
        stances: doc.stances().len(),
    }
}

/// The time this thread has spent on a CPU, from Linux's
/// `/proc/thread-self/schedstat` (nanoseconds), if there is one. Unlike
/// wall time it does not grow while other processes hold the cores, which
/// on a shared CI box is most of the noise. `Pipeline::analyze` runs on the
/// calling thread, so nothing is missed.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// The time `f` takes: on-CPU time where the system reports it, else wall.
fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let (cpu, wall) = (cpu_time(), Instant::now());
    let out = f();
    let elapsed = match (cpu, cpu_time()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => wall.elapsed(),
    };
    (elapsed, out)
}

/// The fastest of [`RUNS`] analyses of `text`, and its work.
fn measure(text: &str) -> (Duration, Work) {
    let mut best = Duration::MAX;
    let mut work = Work::default();
    for _ in 0..RUNS {
        let (t, w) = timed(|| analyze(text));
        best = best.min(t);
        work = w;
    }
    (best, work)
}

/// `unit` repeated to about `n` bytes (at least once).
fn repeat(unit: &str, n: usize) -> String {
    unit.repeat((n / unit.len()).max(1))
}

/// A small deterministic generator (xorshift64), for random shapes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n)) as u32
    }
}

/// Random ASCII and BMP characters (U+00A0..U+2FFF), as adversarial.py.
fn random_unicode(n: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut s = String::with_capacity(n + 4);
    while s.len() < n {
        let c = if rng.below(2) == 0 {
            32 + rng.below(0x7f - 32)
        } else {
            0xa0 + rng.below(0x2fff - 0xa0)
        };
        s.extend(char::from_u32(c));
    }
    s
}

/// Random NUL and control characters.
fn controls(n: usize) -> String {
    let mut rng = Rng(7);
    (0..n).map(|_| char::from(rng.below(32) as u8)).collect()
}

/// Ordinary news: the seed article repeated, paragraphs apart.
fn news(n: usize) -> String {
    repeat(&format!("{SEED_ARTICLE}\n\n"), n)
}

/// News time per byte at `n` bytes, measured once per process (again when
/// `fresh`, after a missed bound).
fn news_per_byte(n: usize, fresh: bool) -> f64 {
    static CACHE: OnceLock<Mutex<Option<f64>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(None));
    let mut cached = cache.lock().unwrap_or_else(PoisonError::into_inner);
    if fresh || cached.is_none() {
        let text = news(n);
        let (t, _) = measure(&text);
        *cached = Some(t.as_secs_f64() / text.len() as f64);
    }
    cached.expect("measured")
}

/// Checks the counts (every attempt: they are deterministic) and the
/// timings (until an attempt holds) of one shape.
fn assert_linear(name: &str, make: impl Fn(usize) -> String) {
    let _turn = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    let texts = SCALES.map(|k| make(k * BASE));
    let mut failure = String::new();
    for attempt in 0..ATTEMPTS {
        let [(t1, w1), (t4, w4), (t16, w16)] = [0, 1, 2].map(|i| measure(&texts[i]));
        assert_eq!(
            w1,
            analyze(&texts[0]),
            "{name}: the counts differ between runs"
        );
        let bytes = texts.each_ref().map(|t| t.len() as f64);
        for (layer, ((a, b), c)) in ["tokens", "sentences", "entities", "quotes", "stances"]
            .iter()
            .zip(
                w1.as_array()
                    .into_iter()
                    .zip(w4.as_array())
                    .zip(w16.as_array()),
            )
        {
            // At most linear growth, with slack for the ends of the text.
            let bound = |x: usize, k: f64| (x as f64 * k * 1.1) as usize + 8;
            assert!(
                b <= bound(a, bytes[1] / bytes[0]) && c <= bound(a, bytes[2] / bytes[0]),
                "{name}: {layer} grow faster than the text: {a}, {b}, {c} at 1x, 4x, 16x"
            );
        }
        if w1.tokens > 1 {
            assert!(
                w16.tokens as f64 >= w1.tokens as f64 * 8.0,
                "{name}: tokens do not grow with the text: {} then {}",
                w1.tokens,
                w16.tokens
            );
        }
        let secs = [t1, t4, t16].map(|t| t.as_secs_f64().max(1e-6));
        let ratio = secs[2] / secs[0] * bytes[0] / bytes[2] * 16.0;
        let news = news_per_byte(texts[2].len(), attempt > 0);
        let per_byte = secs[2] / bytes[2] / news;
        eprintln!(
            "{name}: {:.1} ms, {:.1} ms, {:.1} ms at {}, {}, {} bytes: 16x/1x = {ratio:.1}, \
             {per_byte:.1}x news per byte",
            secs[0] * 1e3,
            secs[1] * 1e3,
            secs[2] * 1e3,
            texts[0].len(),
            texts[1].len(),
            texts[2].len(),
        );
        if ratio < MAX_RATIO && per_byte < MAX_PER_BYTE {
            return;
        }
        failure = format!(
            "{name}: time for 16x the bytes is {ratio:.1}x the time for 1x (bound {MAX_RATIO}), \
             {per_byte:.1}x news per byte (bound {MAX_PER_BYTE}); times {t1:?}, {t4:?}, {t16:?}"
        );
    }
    panic!("{failure}");
}

#[test]
fn news_text() {
    assert_linear("news", news);
}

#[test]
fn straight_quotes_only() {
    assert_linear("straight quotes", |n| "\"".repeat(n));
}

#[test]
fn curly_openers_only() {
    assert_linear("curly openers", |n| repeat("“", n));
}

#[test]
fn alternating_quote_kinds() {
    assert_linear("alternating quotes", |n| repeat("\"“‘'”’ ", n));
}

#[test]
fn unclosed_quote_paragraphs() {
    assert_linear("unclosed quote paragraphs", |n| {
        repeat("“He said it was fine.\n\n", n)
    });
}

#[test]
fn one_long_token() {
    assert_linear("one long token", |n| "a".repeat(n));
}

#[test]
fn dots() {
    assert_linear("dots", |n| ".".repeat(n));
}

#[test]
fn abbreviation_chain() {
    assert_linear("U.S. repeated", |n| repeat("U.S. ", n));
}

#[test]
fn said_repeated() {
    assert_linear("said repeated", |n| repeat("said ", n));
}

#[test]
fn names_and_cues_in_one_sentence() {
    assert_linear("names and cues", |n| {
        repeat("Tillerson said that Lavrov told Putin that ", n)
    });
}

#[test]
fn names_and_cues_in_sentences() {
    assert_linear("names and cues, sentences", |n| {
        repeat(
            "“It is fine,” Putin told reporters. According to Lavrov, Assad’s forces said: ",
            n,
        )
    });
}

#[test]
fn newlines() {
    assert_linear("newlines", |n| "\n".repeat(n));
}

#[test]
fn nul_and_controls() {
    assert_linear("controls", controls);
}

#[test]
fn combining_marks() {
    assert_linear("combining marks", |n| {
        repeat(&format!("e{} ", "\u{301}".repeat(50)), n)
    });
}

#[test]
fn emoji_zwj_sequences() {
    assert_linear("emoji and zwj", |n| repeat("👨\u{200d}👩\u{200d}👧 ", n));
}

#[test]
fn random_unicode_text() {
    assert_linear("random unicode", random_unicode);
}

#[test]
fn said_that_chain() {
    assert_linear("he said that", |n| repeat("he said that ", n));
}

#[test]
fn negators_repeated() {
    assert_linear("negators", |n| repeat("not never no ", n));
}

#[test]
fn titles_repeated() {
    assert_linear("Mr. repeated", |n| repeat("Mr. ", n));
}

#[test]
fn quotes_in_one_sentence() {
    assert_linear("quotes in one sentence", |n| {
        repeat("“Yes,” Putin said, ", n)
    });
}

#[test]
fn news_without_sentence_ends() {
    assert_linear("news without sentence ends", |n| {
        news(n).replace(['.', '?', '!', '\n'], " ")
    });
}

#[test]
fn newlines_before_a_quote() {
    // Issue 17: a run of blank lines between words and a quote (the CLI's
    // `--count` cutting was quadratic on it; see crates/cli/tests/hostile.rs).
    assert_linear("newlines before a quote", |n| {
        format!(
            "{}{}\"Hi,\" Putin said.\n",
            repeat("word ", n / 2),
            "\n".repeat(n / 2)
        )
    });
}
