//! Target sentiment: table-driven cases, target-relative behaviour, span
//! edge cases, the weight file.
// Reversed (empty) spans are passed on purpose: they must be handled.
#![allow(clippy::reversed_empty_ranges)]

use newsnlp_stance::train::{Example, TrainConfig, train};
use newsnlp_stance::{ErrorKind, LexiconBaseline, Model, Polarity, TargetSentiment};

const CASES: &str = include_str!("data/sentiment.tsv");

fn span_of(sentence: &str, target: &str) -> std::ops::Range<usize> {
    let start = sentence.find(target).expect("target in sentence");
    start..start + target.len()
}

#[test]
fn table_of_cases() {
    let clf = TargetSentiment::new();
    let mut failures = Vec::new();
    let mut n = 0;
    for line in newsnlp_text::data::lines(CASES) {
        let [sentence, target, expected] = line.fields().collect::<Vec<_>>()[..] else {
            panic!("{}", line.error("sentence, target and polarity"));
        };
        let expected: Polarity = expected.parse().unwrap();
        let got = clf.classify(sentence, span_of(sentence, target));
        n += 1;
        if got.polarity != expected {
            failures.push(format!(
                "{sentence:?} / {target}: expected {expected}, got {got:?}"
            ));
        }
    }
    assert!(n >= 15, "fixture has {n} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn same_sentence_two_targets_differ() {
    let clf = TargetSentiment::new();
    let s = "Smith, a hero to many, defeated Jones, whose scandals sank his campaign.";
    let smith = clf.classify(s, span_of(s, "Smith"));
    let jones = clf.classify(s, span_of(s, "Jones"));
    assert_eq!(smith.polarity, Polarity::Positive);
    assert_eq!(jones.polarity, Polarity::Negative);
    assert!(smith.scores.positive > jones.scores.positive);
    assert!(jones.scores.negative > smith.scores.negative);
}

#[test]
fn negation_flips_the_model_and_the_baseline() {
    let clf = TargetSentiment::new();
    let base = LexiconBaseline::new();
    let good = "Smith is a good leader.";
    let not_good = "Smith is not a good leader.";
    assert!(
        clf.classify(good, 0..5).scores.positive > clf.classify(not_good, 0..5).scores.positive
    );
    assert!(base.score(good, 0..5) > 0.0);
    assert!(base.score(not_good, 0..5) < 0.0);
    // Negation reaches at most three words, and not across a comma.
    assert!(base.score("Smith is not, as always, a good leader.", 0..5) > 0.0);
    assert!(base.score("Smith never was a good leader.", 0..5) < 0.0);
    assert!(base.score("Smith didn't wait, but is a good leader.", 0..5) > 0.0);
}

#[test]
fn intensifiers_scale_valence() {
    let base = LexiconBaseline::new();
    let plain = base.score("Smith is a good leader.", 0..5);
    let very = base.score("Smith is a very good leader.", 0..5);
    let slightly = base.score("Smith is a slightly good leader.", 0..5);
    assert!(very > plain && plain > slightly && slightly > 0.0);
    let bad = base.score("Smith is a bad leader.", 0..5);
    let extremely_bad = base.score("Smith is an extremely bad leader.", 0..5);
    assert!(extremely_bad < bad && bad < 0.0);
}

#[test]
fn baseline_weights_words_near_the_target() {
    let base = LexiconBaseline::new();
    let s = "Smith won praise; later, after many long months, Jones faced terrible ruin.";
    assert!(base.score(s, span_of(s, "Smith")) > base.score(s, span_of(s, "Jones")));
}

#[test]
fn span_edge_cases_never_panic_and_are_clamped() {
    let clf = TargetSentiment::new();
    let s = "Zoë Müller praised the reform.";
    let len = s.len();
    let spans = [
        0..0,
        0..len,
        len..len,
        len..len + 10,
        5..3,
        1..3, // ends inside "ë"
        3..3,
        usize::MAX - 1..usize::MAX,
        0..usize::MAX,
        100..200,
    ];
    for span in spans {
        let out = clf.classify(s, span.clone());
        let p = out.scores.as_array();
        assert!(
            p.iter().all(|x| x.is_finite() && *x >= 0.0),
            "{span:?}: {p:?}"
        );
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4, "{span:?}");
        assert_eq!(out.polarity, out.scores.best());
        let _ = LexiconBaseline::new().classify(s, span);
    }
    // Clamping: a span past the end is the span up to the end.
    assert_eq!(clf.classify(s, 12..1000), clf.classify(s, 12..len));
    // A reversed span is put in order.
    assert_eq!(clf.classify(s, 11..0), clf.classify(s, 0..11));
    // A span ending inside a character is widened to the whole character.
    assert_eq!(clf.classify(s, 0..3), clf.classify(s, 0..4));
    // Empty and odd sentences.
    for s in ["", " ", "“", "!!!", "\u{0}", "a"] {
        let _ = clf.classify(s, 0..1);
        let _ = clf.classify(s, 3..0);
    }
}

#[test]
fn embedded_weight_file_is_canonical_and_round_trips() {
    let model = Model::embedded();
    assert!(model.len() > 10_000);
    let mut out = Vec::new();
    model.write(&mut out).unwrap();
    // Writing the parsed model gives back the shipped file byte for byte.
    assert!(
        out == include_bytes!("../data/model.txt"),
        "data/model.txt is not in canonical form"
    );
    let again = Model::parse(std::str::from_utf8(&out).unwrap()).unwrap();
    assert_eq!(&again, model);
    assert!(model.comments().iter().any(|c| c.contains("MIT")));
}

#[test]
fn bad_weight_files_name_the_line() {
    let head = "newsnlp-stance-sentiment 1\n# note\nclasses\tnegative\tneutral\tpositive\nscale\t1000\nbias\t0\t0\t0\n";
    let cases: &[(&str, usize)] = &[
        ("", 1),
        ("newsnlp-stance-sentiment 2\n", 1),
        (
            "newsnlp-stance-sentiment 1\nclasses\tpositive\tneutral\tnegative\n",
            2,
        ),
        (
            "newsnlp-stance-sentiment 1\n\nclasses\tnegative\tneutral\tpositive\nscale\tzero\n",
            4,
        ),
        (
            "newsnlp-stance-sentiment 1\nclasses\tnegative\tneutral\tpositive\nscale\t1000\nw:x\t1\t2\t3\n",
            4,
        ),
        (&format!("{head}w:x\t1\t2\n"), 6),
        (&format!("{head}w:x\t1\t2\t3\t4\n"), 6),
        (&format!("{head}w:x\t1\t2\t3\nw:y\t1\tNaN\t3\n"), 7),
        (&format!("{head}w:x\t1\t2\t3\nw:x\t1\t2\t3\n"), 7),
        (&format!("{head}\t1\t2\t3\n"), 6),
    ];
    for (text, line) in cases {
        let err = Model::parse(text).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Format, "{text:?}");
        assert_eq!(err.line(), Some(*line), "{text:?}: {err}");
        assert!(err.to_string().contains(&format!("line {line}")), "{err}");
    }
    assert!(Model::parse(&format!("{head}w:x\t1\t-2\t3\n")).is_ok());
}

#[test]
fn from_path_reports_the_file() {
    let dir = std::env::temp_dir().join(format!("newsnlp-stance-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.txt");
    std::fs::write(&path, "newsnlp-stance-sentiment 1\nnope\n").unwrap();
    let err = Model::from_path(&path).unwrap_err();
    assert_eq!(err.line(), Some(2));
    assert!(err.to_string().contains("bad.txt"), "{err}");
    let good = dir.join("good.txt");
    Model::embedded()
        .write(std::fs::File::create(&good).unwrap())
        .unwrap();
    assert_eq!(&Model::from_path(&good).unwrap(), Model::embedded());
    std::fs::remove_dir_all(&dir).unwrap();
}

fn tiny_training_set() -> Vec<Example> {
    newsnlp_text::data::lines(CASES)
        .map(|l| {
            let f: Vec<&str> = l.fields().collect();
            Example {
                sentence: f[0].to_string(),
                target: span_of(f[0], f[1]),
                polarity: f[2].parse().unwrap(),
            }
        })
        .collect()
}

#[test]
fn training_is_deterministic_and_learns() {
    let examples = tiny_training_set();
    let config = TrainConfig::default();
    let bytes = |m: &Model| {
        let mut out = Vec::new();
        m.write(&mut out).unwrap();
        out
    };
    let a = train(&examples, &config);
    let b = train(&examples, &config);
    assert_eq!(bytes(&a), bytes(&b));
    // The written and parsed model equals the trained one (weights are
    // already quantized).
    assert_eq!(
        Model::parse(std::str::from_utf8(&bytes(&a)).unwrap()).unwrap(),
        a
    );
    // It fits its own training data.
    let clf = TargetSentiment::with_model(a);
    let right = examples
        .iter()
        .filter(|e| clf.classify(&e.sentence, e.target.clone()).polarity == e.polarity)
        .count();
    assert!(
        right * 10 >= examples.len() * 9,
        "{right}/{}",
        examples.len()
    );
    // Another seed shuffles differently.
    let c = train(&examples, &TrainConfig { seed: 7, ..config });
    assert_ne!(bytes(&c), bytes(&b));
}

#[cfg(feature = "serde")]
#[test]
fn serde_uses_lowercase_names() {
    let s = TargetSentiment::new().classify("Critics slammed Smith's disastrous plan.", 16..21);
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains("\"polarity\":\"negative\""), "{json}");
    let back: newsnlp_stance::Sentiment = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    assert_eq!(
        serde_json::to_string(&Polarity::Neutral).unwrap(),
        "\"neutral\""
    );
}
