//! Classifies one target and assesses certainty, printing the evidence.
//!
//! ```text
//! cargo run -p newsnlp-stance --example classify -- "Critics slammed Smith's plan." Smith
//! ```
//!
//! The target is given as text (its first occurrence in the sentence); with
//! no arguments, a few built-in sentences are shown.

use newsnlp_stance::{Certainty, LexiconBaseline, TargetSentiment};

fn show(clf: &TargetSentiment, sentence: &str, target: &str) {
    let Some(start) = sentence.find(target) else {
        eprintln!("{target:?} is not in {sentence:?}");
        return;
    };
    let span = start..start + target.len();
    let out = clf.classify(sentence, span.clone());
    let base = LexiconBaseline::new().classify(sentence, span.clone());
    let cert = Certainty::new().assess(sentence, 0..sentence.len());
    println!("{sentence}");
    println!(
        "  target {target:?} {span:?}: {} (neg {:.2}, neu {:.2}, pos {:.2}); lexicon baseline: {}",
        out.polarity, out.scores.negative, out.scores.neutral, out.scores.positive, base.polarity
    );
    let markers: Vec<String> = cert
        .markers
        .iter()
        .map(|c| {
            format!(
                "{:?} {:?}{} {:+.2}",
                c.kind,
                &sentence[c.span.clone()],
                if c.negated { " (negated)" } else { "" },
                c.effect
            )
        })
        .collect();
    println!("  certainty {:.2} [{}]", cert.certainty, markers.join(", "));
}

fn main() {
    let clf = TargetSentiment::new();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [sentence, target] = args.as_slice() {
        show(&clf, sentence, target);
        return;
    }
    let demo = [
        (
            "Aid workers praised Smith, while critics accused Jones of corruption.",
            "Smith",
        ),
        (
            "Aid workers praised Smith, while critics accused Jones of corruption.",
            "Jones",
        ),
        ("Tillerson met Putin in Moscow on Wednesday.", "Putin"),
        ("Critics slammed Smith's disastrous plan.", "Smith"),
        (
            "The senator reportedly hailed Obama as a brilliant leader.",
            "Obama",
        ),
    ];
    for (s, t) in demo {
        show(&clf, s, t);
    }
}
