//! No input makes the finder panic, and every name it reports is a
//! non-empty span on character boundaries that no known span overlaps
//! (a known word after a given name, or a known place or name opening an
//! organization's name, aside: the name holds those whole).

use std::ops::Range;

use newsnlp_names::NameFinder;
use newsnlp_tokenize::Tokenizer;
use proptest::prelude::*;

fn check(text: &str, known: &[Range<usize>]) {
    let doc = Tokenizer::new().tokenize(text);
    let table = doc.table();
    for n in NameFinder::new().find(&doc, &table, known) {
        assert!(n.span.start < n.span.end, "{n:?}");
        assert!(text.get(n.span.clone()).is_some(), "{n:?}");
        assert!(n.tokens.start < n.tokens.end && n.tokens.end <= doc.tokens().len());
        for k in known {
            let overlaps = k.start < n.span.end && n.span.start < k.end;
            let inside = n.span.start <= k.start && k.end <= n.span.end;
            assert!(
                !overlaps || inside,
                "{n:?} overlaps known {k:?} in {text:?}"
            );
        }
    }
}

proptest! {
    #[test]
    fn any_text(text in "\\PC{0,200}") {
        check(&text, &[]);
    }

    #[test]
    fn name_like_text(
        words in proptest::collection::vec(
            prop_oneof![
                Just("Sarah"), Just("Bennett"), Just("of"), Just("the"), Just("Commission"),
                Just("GENEVA"), Just("—"), Just("By"), Just("\n"), Just("in"), Just("Sen."),
                Just("’s"), Just("&"), Just("San"), Just("said"), Just("."), Just("Støre"),
                Just("Prime"), Just("Minister"), Just("HANO"), Just(","), Just("and"),
            ],
            0..40,
        ),
        known in proptest::collection::vec((0usize..300, 0usize..12), 0..6),
    ) {
        let text = words.join(" ");
        // Arbitrary, possibly unsorted or out-of-range known spans.
        let known: Vec<Range<usize>> = known.into_iter().map(|(s, l)| s..s + l).collect();
        check(&text, &known);
    }
}

#[test]
fn known_spans_may_come_unsorted() {
    let text = "Anders Lund met Mr. Holm in Oslo.";
    let doc = Tokenizer::new().tokenize(text);
    let names = NameFinder::new().find(&doc, &doc.table(), &[28..32, 0..11]);
    let spans: Vec<&str> = names.iter().map(|n| &text[n.span.clone()]).collect();
    assert_eq!(spans, ["Holm"]);
}
