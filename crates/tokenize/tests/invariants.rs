//! Properties that hold for any input: no panic, spans in bounds, on char
//! boundaries, ordered, covering every non-space character.

use newsnlp_tokenize::Tokenizer;
use proptest::prelude::*;

fn check(text: &str) {
    let tok = Tokenizer::new();
    let doc = tok.tokenize(text);
    let mut last = 0;
    let mut covered = vec![false; text.len()];
    for t in doc.tokens() {
        assert!(t.span.start >= last && t.span.start < t.span.end && t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert_eq!(&text[t.span.clone()], t.text);
        let mut w_end = t.span.start;
        for (w, span) in t.words() {
            assert_eq!(span.start, w_end);
            assert_eq!(&text[span.clone()], w);
            w_end = span.end;
        }
        assert_eq!(w_end, t.span.end);
        covered[t.span.clone()].iter_mut().for_each(|c| *c = true);
        last = t.span.end;
    }
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}');
        assert_eq!(covered[i], !space, "char {c:?} at {i} in {text:?}");
    }
    let mut next = 0;
    for s in doc.sentences() {
        assert_eq!(
            s.tokens.start, next,
            "sentences must cover all tokens in order"
        );
        assert!(s.tokens.end > s.tokens.start);
        next = s.tokens.end;
        let toks = doc.sentence_tokens(s);
        assert_eq!(s.span.start, toks[0].span.start);
        assert_eq!(s.span.end, toks[toks.len() - 1].span.end);
    }
    assert_eq!(next, doc.tokens().len());
    // Streaming by paragraph gives the same result.
    let (mut nt, mut ns) = (0, 0);
    tok.for_each_paragraph(text, |t, s| {
        nt += t.len();
        ns += s.len();
    });
    assert_eq!((nt, ns), (doc.tokens().len(), doc.sentences().len()));
}

const SPECIAL: &str = "aZ09 .?!…‼⁇⁈⁉。\"'`’‘“”„‚«»‹›「」『』—–‒―⸺⸻−-‐‑•‣⁃◦▪●·$%&+<=>^|~#@*\\()[]{},;:/_\u{301}\u{200d}\u{fe0f}\u{a0}\u{200b}\u{feff}\u{2028}\u{2029}\n\t😀🏻";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string(s in any::<String>()) {
        check(&s);
    }

    /// Strings over every character the scanner treats specially.
    #[test]
    fn special_characters(v in prop::collection::vec(prop::sample::select(SPECIAL.chars().collect::<Vec<_>>()), 0..120)) {
        check(&v.into_iter().collect::<String>());
    }

    #[test]
    fn newsy_strings(s in "[A-Za-z0-9 .,;:!?'\"“”‘’—–\\-()@/$%…\u{a0}\n\u{301}\u{200d}]{0,200}") {
        check(&s);
    }
}

#[test]
fn hostile_shapes() {
    for s in [
        "\"".repeat(1000),
        "“".repeat(1000),
        "a".repeat(100_000),
        ".".repeat(10_000),
        "U.S. ".repeat(1000),
        "e\u{301}".repeat(1000),
        "👨\u{200d}👩\u{200d}👧 ".repeat(100),
        "a-".repeat(5000) + "b@c.d",
        "x@".repeat(5000),
        "http://".repeat(100),
        String::from_utf8_lossy(&(0u8..32).collect::<Vec<_>>()).into_owned(),
    ] {
        check(&s);
    }
}
