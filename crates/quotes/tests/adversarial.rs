//! Hostile inputs: no panic, and a cost that grows linearly with the input.

use std::time::{Duration, Instant};

use newsnlp_gazetteer::Gazetteer;
use newsnlp_quotes::QuoteExtractor;
use newsnlp_tokenize::Tokenizer;

/// Quote count and the best of three extraction times (other tests share
/// the cores, so one run can be slow by chance).
fn run(text: &str) -> (usize, Duration) {
    let tok = Tokenizer::new();
    let ext = QuoteExtractor::new();
    let doc = tok.tokenize(text);
    let mut best = Duration::MAX;
    let mut n = 0;
    for _ in 0..3 {
        let start = Instant::now();
        n = ext.extract(&doc).len();
        best = best.min(start.elapsed());
    }
    (n, best)
}

/// The extraction time of `unit` repeated 8 times as much stays within a
/// generous multiple of 8 (a quadratic cost would be 64 times).
fn linear(name: &str, unit: &str, small: usize) {
    let a = unit.repeat(small);
    let b = unit.repeat(small * 8);
    let (_, ta) = run(&a);
    let (_, tb) = run(&b);
    let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-4);
    assert!(
        ratio < 30.0,
        "{name}: 8x input took {ratio:.1}x time ({ta:?} -> {tb:?})"
    );
}

#[test]
fn hostile_inputs_do_not_panic() {
    let inputs = [
        String::new(),
        "\"".to_string(),
        "“".repeat(1000),
        "”".repeat(1000),
        "\"".repeat(1001),
        "'".repeat(999),
        "said ".repeat(1000),
        "according to ".repeat(500),
        ", said , said".repeat(300),
        ":\n\n“".repeat(300),
        "— ".repeat(500),
        "By\n\nI said".to_string(),
        "He: \n\n: She".to_string(),
        "“a ‘b “c ’d” e’ f”".repeat(100),
        "\u{a0}\u{200b}\u{feff}".repeat(100),
        "Mr. (said) ) ( (said".repeat(50),
        "when asked by ".repeat(300),
        "It seems to appear that ".repeat(300),
        "In a poll, In a survey, ".repeat(300),
        "Jane, a, said, however, said ".repeat(200),
    ];
    for text in &inputs {
        let doc = Tokenizer::new().tokenize(text);
        for q in QuoteExtractor::new().extract(&doc) {
            assert!(text.get(q.content.range()).is_some());
            assert!(q.content.start <= q.content.end);
            assert!((0.0..=1.0).contains(&q.confidence));
        }
    }
}

#[test]
fn a_text_of_quote_marks_pairs_what_it_can() {
    let text = "“".repeat(5000);
    let (n, _) = run(&text);
    assert!(n <= 5000);
}

/// The timing checks run one after another in one test, so that other
/// tests running in parallel do not skew their ratios.
#[test]
fn costs_are_linear() {
    said_said_said_is_linear();
    nested_reports_are_linear();
    long_unclosed_quotation_is_linear();
    many_pronouns_and_mentions_are_linear();
    a_megabyte_quotation_without_a_close();
    newer_rules_are_linear();
}

/// The rules for "asked", "seems", leading "in" phrases, "according to"
/// inside a clause and appositives before a cue, on one long sentence.
fn newer_rules_are_linear() {
    linear("asked", "when asked whether voters ", 500);
    linear("seems", "the plan seems to fail and ", 500);
    linear("in-lead", "In a new poll, voters and ", 500);
    linear(
        "according",
        "Turnout, according to the clerk, rose and ",
        500,
    );
    linear("appositive", "Jane Roe, dean of the school, said ", 500);
}

fn said_said_said_is_linear() {
    linear("said", "said ", 4000);
}

fn nested_reports_are_linear() {
    linear("nested", "Tillerson said that Lavrov told Putin that ", 500);
}

fn long_unclosed_quotation_is_linear() {
    let unit = "words inside a quotation that never closes ";
    let a = format!("He said: “{}", unit.repeat(2000));
    let b = format!("He said: “{}", unit.repeat(16000));
    let (na, ta) = run(&a);
    let (nb, tb) = run(&b);
    assert_eq!((na, nb), (1, 1));
    let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-4);
    assert!(
        ratio < 30.0,
        "8x input took {ratio:.1}x time ({ta:?} -> {tb:?})"
    );
}

fn a_megabyte_quotation_without_a_close() {
    let text = format!("“{}", "no close here ".repeat(75_000));
    let (n, t) = run(&text);
    assert_eq!(n, 1);
    assert!(t < Duration::from_secs(20), "{t:?}");
}

fn many_pronouns_and_mentions_are_linear() {
    let unit = "Rex Tillerson met Sergey Lavrov. He said the talks went well. ";
    let gaz = Gazetteer::default();
    let time = |k: usize| {
        let text = unit.repeat(k);
        let doc = Tokenizer::new().tokenize(&text);
        let mentions = gaz.find_in_document(&text);
        let start = Instant::now();
        let n = QuoteExtractor::new()
            .extract_with_entities(&doc, &gaz, &mentions)
            .len();
        assert_eq!(n, k);
        start.elapsed()
    };
    let (ta, tb) = (time(300), time(2400));
    assert!(tb.as_secs_f64() / ta.as_secs_f64().max(1e-4) < 30.0);
}
