//! Hostile inputs: no panic on a megabyte of repeated names and cues, and
//! time that grows linearly (four times the input may not take much more
//! than four times as long).

use std::time::{Duration, Instant};

use newsnlp_gazetteer::Gazetteer;
use newsnlp_quotes::QuoteExtractor;
use newsnlp_stance::StanceAnalyzer;
use newsnlp_tokenize::Tokenizer;

/// Runs the stance layer alone (the other layers prepared outside the
/// clock) and returns the stance count and the time it took.
fn stance_time(text: &str, gaz: &Gazetteer) -> (usize, Duration) {
    let doc = Tokenizer::new().tokenize(text);
    let mentions = gaz.find_in_document(text);
    let quotes = QuoteExtractor::new().extract_with_entities(&doc, gaz, &mentions);
    let analyzer = StanceAnalyzer::new();
    let start = Instant::now();
    let n = analyzer.stances(&doc, gaz, &mentions, &quotes).len();
    (n, start.elapsed())
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

const UNITS: &[&str] = &[
    "said ",
    "Putin wants Lavrov condemned Tillerson did it is was ",
    "“Russia is a danger,” Putin said, “and Assad’s forces did it ",
    "the relations of the state of the talks of the meeting ",
    "Syria Russia Iran Assad Putin Lavrov Tillerson Mattis ",
    "We want to deny we must stop North Korea has to be denuclearized ",
    "- - U.S.-Russia-Iran-Syria-",
    "whether if whether did it did it did it ",
];

#[test]
fn cost_grows_linearly() {
    let gaz = Gazetteer::default();
    for unit in UNITS {
        let small = repeat_to(unit, 50_000);
        let big = repeat_to(unit, 200_000);
        let (_, t_small) = stance_time(&small, &gaz);
        let (n_big, t_big) = stance_time(&big, &gaz);
        // Four times the text: allow generous slack for a shared machine,
        // but a quadratic cost would take about sixteen times as long.
        let limit = t_small.mul_f64(9.0) + Duration::from_millis(500);
        assert!(
            t_big <= limit,
            "{unit:?}: 50 kB took {t_small:?}, 200 kB took {t_big:?} ({n_big} stances)"
        );
    }
}

#[test]
fn one_megabyte_of_names_and_cues() {
    // Every hostile unit in turn, a megabyte in all; the last unit has no
    // sentence break at all, so the window caps must keep each target's
    // cost constant.
    let gaz = Gazetteer::default();
    let mut text = String::new();
    for unit in UNITS {
        text.push_str(&repeat_to(unit, 115_000));
    }
    text.push_str(&repeat_to(
        "Putin, Lavrov and Assad wants condemned, ",
        115_000,
    ));
    assert!(text.len() >= 1_000_000);
    let (n, t) = stance_time(&text, &gaz);
    assert!(n > 0);
    assert!(t < Duration::from_secs(120), "{t:?} for {n} stances");
}
