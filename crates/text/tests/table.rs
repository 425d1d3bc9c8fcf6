//! Properties of the per-document table against naive definitions, on
//! random texts cut into random tokens and sentences.
// A sentence list of one range is what these tests mean, not a range.
#![allow(clippy::single_range_in_vec_init)]

use newsnlp_text::table::Flags;
use newsnlp_text::words::{Classes, WordClass};
use newsnlp_text::{Span, Table, TokenFacts};
use proptest::prelude::*;
use std::ops::Range;

/// Tokens: the whitespace-separated chunks of `text`, each cut once more
/// where `cuts` says; every third chunk is not wordlike; a blank line
/// starts a paragraph. Sentences: runs of `sizes` tokens.
fn cut(text: &str, cuts: &[usize], sizes: &[usize]) -> (Vec<TokenFacts>, Vec<Range<usize>>) {
    let mut tokens = Vec::new();
    let mut paragraph = 0;
    let mut at = 0;
    for (k, chunk) in text.split(|c: char| c.is_whitespace()).enumerate() {
        let start = at;
        at += chunk.len()
            + text[at + chunk.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if chunk.is_empty() {
            if text[..start].ends_with("\n\n")
                || text[..start].ends_with("\n") && text[start..].starts_with('\n')
            {
                paragraph += 1;
            }
            continue;
        }
        let cut = cuts.get(k % cuts.len().max(1)).copied().unwrap_or(0) % chunk.len();
        let mut parts = vec![start..start + chunk.len()];
        if cut > 0 && chunk.is_char_boundary(cut) {
            parts = vec![start..start + cut, start + cut..start + chunk.len()];
        }
        for p in parts {
            tokens.push(TokenFacts {
                span: Span::from(p),
                wordlike: k % 3 != 2,
                paragraph,
            });
        }
    }
    let mut sentences = Vec::new();
    let mut s = 0;
    for &n in sizes.iter().cycle().take(tokens.len() + 1) {
        if s >= tokens.len() {
            break;
        }
        let e = (s + n.max(1)).min(tokens.len());
        sentences.push(s..e);
        s = e;
    }
    (tokens, sentences)
}

proptest! {
    #[test]
    fn columns_match_their_definitions(
        text in "([a-zA-Z]{1,18}|[ÉéǅİΣßK’'.,“”\\-]|The|IT’S|[ \\n]){0,40}",
        cuts in prop::collection::vec(0usize..20, 1..5),
        sizes in prop::collection::vec(1usize..6, 1..4),
    ) {
        let (tokens, sentences) = cut(&text, &cuts, &sizes);
        let table = Table::new(&text, tokens.iter().copied(), sentences.iter().cloned());
        prop_assert_eq!(table.len(), tokens.len());
        let mut last_sentence = 0;
        let mut last_paragraph = 0;
        for (i, t) in tokens.iter().enumerate() {
            let tok = t.span.as_str(&text).unwrap();
            prop_assert_eq!(table.span(i), t.span);
            prop_assert_eq!(table.token(i), tok);
            let flags = table.flags(i);
            let exact = tok.to_lowercase();
            if flags.contains(Flags::EXACT_LOWER) {
                prop_assert_eq!(table.lower(i), exact.as_str());
                prop_assert_eq!(table.exact_lower(i), Some(exact.as_str()));
            } else {
                prop_assert_eq!(table.lower(i), tok);
                prop_assert!(!tok.is_ascii());
            }
            prop_assert_eq!(table.folded(i), exact.replace('’', "'"));
            prop_assert_eq!(flags.contains(Flags::FOLDED), table.folded(i) != table.lower(i));
            prop_assert_eq!(flags.contains(Flags::ASCII), tok.is_ascii());
            prop_assert_eq!(flags.contains(Flags::HAS_UPPER), tok.chars().any(char::is_uppercase));
            prop_assert_eq!(
                flags.contains(Flags::CAPITALIZED),
                tok.chars().next().is_some_and(char::is_uppercase)
            );
            prop_assert_eq!(flags.contains(Flags::WORDLIKE), t.wordlike);
            let gap = i.checked_sub(1).map_or("", |p| &text[tokens[p].span.end..t.span.start]);
            prop_assert_eq!(flags.contains(Flags::LINE_BREAK), gap.contains('\n'));
            prop_assert_eq!(table.classes(i), Classes::of(table.lower(i)));
            let s = table.sentence(i).map(|s| s.get()).unwrap();
            prop_assert!(s >= last_sentence && table.sentence_tokens(s).contains(&i));
            prop_assert_eq!(table.sentence_end(i), table.sentence_tokens(s).end);
            last_sentence = s;
            let p = table.paragraph(i).map(|p| p.get()).unwrap();
            prop_assert!(p >= last_paragraph);
            last_paragraph = p;
        }
        let rows: Vec<_> = table.folded_rows().collect();
        prop_assert_eq!(rows.len(), tokens.len());
        for (i, &(folded, flags, classes)) in rows.iter().enumerate() {
            prop_assert_eq!(folded, table.folded(i));
            prop_assert_eq!(flags, table.flags(i));
            prop_assert_eq!(classes, table.classes(i));
        }
        prop_assert_eq!(table.sentence_count(), sentences.len());
        prop_assert_eq!(table.lower(tokens.len()), "");
        prop_assert_eq!(table.sentence(tokens.len()), None);
    }

    #[test]
    fn bad_spans_read_as_empty(a in 0usize..12, b in 0usize..12) {
        let text = "Aé😀 b";
        let t = TokenFacts { span: Span::new(a, b), wordlike: true, paragraph: 0 };
        let table = Table::new(text, [t], [0..5]);
        let tok = text.get(a..b).unwrap_or("");
        prop_assert_eq!(table.token(0), tok);
        if text.get(a..b).is_none() {
            prop_assert_eq!(table.lower(0), "");
        }
        prop_assert_eq!(table.sentence_tokens(0), 0..1);
    }
}

#[test]
fn table_driven_tokens() {
    // (token, lower, folded, capitalized, a class it has)
    let cases: [(&str, &str, &str, bool, Option<WordClass>); 8] = [
        ("The", "the", "the", true, Some(WordClass::Determiners)),
        ("SAID", "said", "said", true, Some(WordClass::IrregularPast)),
        ("Mr.", "mr.", "mr.", true, Some(WordClass::MaleTitles)),
        ("Tuesday", "tuesday", "tuesday", true, Some(WordClass::Days)),
        ("It’s", "it’s", "it's", true, None),
        ("ǅemal", "ǅemal", "ǆemal", false, None),
        ("Éric", "éric", "éric", true, None),
        (
            "Investigators",
            "investigators",
            "investigators",
            true,
            None,
        ),
    ];
    let text: String = cases.iter().map(|c| c.0).collect::<Vec<_>>().join(" ");
    let mut at = 0;
    let tokens: Vec<TokenFacts> = cases
        .iter()
        .map(|c| {
            let span = Span::new(at, at + c.0.len());
            at += c.0.len() + 1;
            TokenFacts {
                span,
                wordlike: true,
                paragraph: 0,
            }
        })
        .collect();
    let table = Table::new(&text, tokens, [0..cases.len()]);
    for (i, &(tok, lower, folded, cap, class)) in cases.iter().enumerate() {
        assert_eq!(table.lower(i), lower, "{tok}");
        assert_eq!(table.folded(i), folded, "{tok}");
        assert_eq!(table.flags(i).contains(Flags::CAPITALIZED), cap, "{tok}");
        if let Some(c) = class {
            assert!(table.classes(i).contains(c), "{tok}");
        }
    }
    assert_eq!(table.exact_lower(5), None);
    assert!(table.classes(7).contains(WordClass::PluralSources));
    assert!(table.classes(6).is_empty());
}
