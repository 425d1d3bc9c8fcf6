//! Certainty: hedges, boosters, negated markers, spans.
// Reversed (empty) spans are passed on purpose: they must be handled.
#![allow(clippy::reversed_empty_ranges)]

use newsnlp_stance::{Certainty, MarkerKind, certainty};

const CASES: &str = include_str!("data/certainty.tsv");

fn in_band(band: &str, score: f32) -> bool {
    match band {
        "high" => score > 0.8,
        "raised" => (0.7..=0.8).contains(&score),
        "neutral" => (0.6..=0.7).contains(&score),
        "lowered" => (0.45..0.6).contains(&score),
        "low" => score < 0.45,
        _ => panic!("unknown band {band}"),
    }
}

#[test]
fn table_of_cases() {
    let c = Certainty::new();
    let mut failures = Vec::new();
    let mut n = 0;
    for line in newsnlp_text::data::lines(CASES) {
        let [sentence, band, markers] = line.fields().collect::<Vec<_>>()[..] else {
            panic!("{}", line.error("sentence, band and markers"));
        };
        n += 1;
        let a = c.assess(sentence, 0..sentence.len());
        if !in_band(band, a.certainty) {
            failures.push(format!(
                "{sentence:?}: expected {band}, got {:.3}",
                a.certainty
            ));
        }
        let got: Vec<String> = a
            .markers
            .iter()
            .map(|marker| {
                let kind = match marker.kind {
                    MarkerKind::Hedge => "hedge",
                    MarkerKind::Booster => "booster",
                };
                let neg = if marker.negated { ":negated" } else { "" };
                format!("{}:{kind}{neg}", &sentence[marker.span.clone()])
            })
            .collect();
        let want: Vec<&str> = if markers == "-" {
            vec![]
        } else {
            markers.split(',').collect()
        };
        if got != want {
            failures.push(format!(
                "{sentence:?}: expected markers {want:?}, got {got:?}"
            ));
        }
    }
    assert!(n >= 20, "fixture has {n} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn boosters_raise_and_hedges_lower() {
    let plain = certainty("The minister resigned.", 0..0);
    assert_eq!(plain, Certainty::NEUTRAL);
    let boosted = certainty("The minister clearly resigned.", 0..0);
    let hedged = certainty("The minister apparently resigned.", 0..0);
    assert!(boosted > plain && plain > hedged);
    // Two hedges are less certain than one; two boosters more than one.
    assert!(certainty("It may possibly rain.", 0..0) < certainty("It may rain.", 0..0));
    assert!(
        certainty("It will absolutely, definitely rain.", 0..0)
            > certainty("It will definitely rain.", 0..0)
    );
}

#[test]
fn negation_reverses_cues() {
    // A negated booster lowers certainty below neutral...
    assert!(certainty("It is not certain.", 0..0) < Certainty::NEUTRAL);
    assert!(certainty("It is certain.", 0..0) > Certainty::NEUTRAL);
    // ...a negated hedge is a confident negative assessment.
    assert!(certainty("Neither scenario seems likely.", 0..0) > Certainty::NEUTRAL);
    assert!(certainty("Both scenarios seem likely.", 0..0) < Certainty::NEUTRAL);
    // A negator after the hedge does not flip it.
    assert!(certainty("The plan may not work.", 0..0) < Certainty::NEUTRAL);
    // Negation does not reach across a comma or past three words.
    let a = Certainty::new().assess("No, it may rain.", 0..0);
    assert!(!a.markers[0].negated);
    let a = Certainty::new().assess("Nobody in the old town may vote.", 0..0);
    assert!(!a.markers[0].negated);
    let a = Certainty::new().assess("Nobody may vote.", 0..0);
    assert!(a.markers[0].negated);
}

#[test]
fn span_selects_what_counts_fully() {
    let s = "Reportedly, the minister resigned, and he clearly regrets it.";
    let resigned = 0..33;
    let regrets = 38..s.len();
    assert_eq!(&s[resigned.clone()], "Reportedly, the minister resigned");
    let c = Certainty::new();
    let a = c.assess(s, resigned.clone());
    let b = c.assess(s, regrets.clone());
    // Same markers either way; what is inside the span weighs double.
    assert_eq!(a.markers.len(), 2);
    assert_eq!(a.markers[0].span, 0..10);
    assert_eq!(a.markers[1].span, 42..49);
    assert_eq!(a.markers[0].effect, 2.0 * b.markers[0].effect);
    assert_eq!(b.markers[1].effect, 2.0 * a.markers[1].effect);
    assert!(a.certainty < b.certainty);
    // An empty span is the whole sentence.
    assert_eq!(c.score(s, 0..0), c.score(s, 0..s.len()));
}

#[test]
fn hostile_spans_and_text_never_panic() {
    let c = Certainty::new();
    let texts = [
        "",
        " ",
        "Zoë may win.",
        "“Maybe”",
        "not",
        "no doubt",
        "\u{feff}may",
    ];
    let spans = [
        0..0,
        0..1,
        1..3,
        3..1,
        2..usize::MAX,
        usize::MAX..usize::MAX,
    ];
    for t in texts {
        for span in spans.clone() {
            let a = c.assess(t, span.clone());
            assert!((0.0..=1.0).contains(&a.certainty), "{t:?} {span:?}");
            for marker in &a.markers {
                assert!(t.get(marker.span.clone()).is_some(), "{t:?}: {marker:?}");
            }
        }
    }
}

#[test]
fn marker_spans_are_byte_offsets() {
    let s = "Müller’s team will “definitely” appeal, sources allegedly said.";
    let a = Certainty::new().assess(s, 0..s.len());
    let texts: Vec<&str> = a.markers.iter().map(|c| &s[c.span.clone()]).collect();
    assert_eq!(texts, ["will", "definitely", "allegedly"]);
}

#[cfg(feature = "serde")]
#[test]
fn assessment_serializes() {
    let a = Certainty::new().assess("He allegedly lied.", 0..0);
    let json = serde_json::to_string(&a).unwrap();
    assert!(json.contains("\"kind\":\"hedge\""), "{json}");
    assert!(json.contains("\"span\":[3,12]"), "{json}");
    let back: newsnlp_stance::Assessment = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
}
