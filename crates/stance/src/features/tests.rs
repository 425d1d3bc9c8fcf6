//! Tests of the target-sentiment features.

use super::*;
use crate::tokens::tokenize;

/// The model was trained with these lists: the data file keeps them.
#[test]
fn feature_word_lists_are_the_trained_ones() {
    let pronouns = [
        "he",
        "she",
        "him",
        "her",
        "his",
        "hers",
        "they",
        "them",
        "their",
        "theirs",
        "himself",
        "herself",
        "themselves",
        "it",
        "its",
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
    ];
    let clause = [
        "but", "although", "though", "while", "whereas", "however", "yet", "despite",
    ];
    let listed: Vec<&str> = WordClass::FeaturePronouns.words().collect();
    assert_eq!(listed, pronouns);
    let listed: Vec<&str> = WordClass::FeatureClauseWords.words().collect();
    assert_eq!(listed, clause);
    for w in pronouns {
        assert!(is_pronoun(w) && LEXICONS.info(w).pronoun, "{w}");
    }
    for w in clause {
        assert!(is_clause_word(w) && LEXICONS.info(w).clause, "{w}");
    }
    for w in ["the", "He", "that", "", "themselvess"] {
        assert!(!is_pronoun(w) && !is_clause_word(w), "{w}");
    }
}

/// [`classes`] by the word lists themselves, the oracle of the table.
fn classes_by_lists(tokens: &[Token<'_>], lex: &Lexicons) -> Vec<u8> {
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut c = 0;
            if t.is_word() {
                c |= C_WORD;
                if t.text.chars().next().is_some_and(char::is_uppercase) {
                    c |= C_CAPITAL;
                    if i > 0 {
                        c |= C_OTHER;
                    }
                }
                if is_pronoun(&t.lower) {
                    c |= C_PRONOUN | C_OTHER;
                }
                if lex.is_negator(&t.lower) {
                    c |= C_NEGATOR;
                }
                if STANCE_LEXICON.may_start(&t.lower) {
                    c |= C_MAY_START;
                }
            }
            if is_quote(t) {
                c |= C_QUOTE;
            }
            if is_clause_break(t) {
                c |= C_BREAK;
            }
            c
        })
        .collect()
}

#[test]
fn fixed_names_agree() {
    let mut names = vec!["tpron".to_string()];
    names.extend(SMALL.iter().map(|n| format!("tlen:{n}")));
    names.extend(["tfirst", "tlast", "inquote", "hasquote"].map(String::from));
    let buckets = [1, 2, 4, 8, 100].map(dist_bucket);
    for (k, d) in [1, 2, 4, 8, 100].into_iter().enumerate() {
        assert_eq!(dist_index(d), k);
    }
    let by_side = |pre: &str| {
        let mut v = Vec::new();
        for s in ["l", "r"] {
            for sign in ["+", "-"] {
                v.extend(buckets.iter().map(|b| format!("{pre}{s}{sign}:{b}")));
            }
        }
        v
    };
    names.extend(by_side("lex"));
    names.extend(["lexc+", "lexc-", "lexown+", "lexown-", "lexoth+", "lexoth-"].map(String::from));
    names.extend(SMALL.iter().map(|n| format!("others:{n}")));
    for name in ["lexl", "lexr", "lexc"] {
        names.push(format!("{name}+"));
        names.push(format!("{name}-"));
    }
    names.push("lexall".into());
    names.extend(by_side("near"));
    names.push("negc".into());
    for pre in ["vr:", "vrn:"] {
        for side in ["obj", "subj"] {
            for pol in ["+", "-", "0"] {
                for kind in ["att", "act", "frame", "deed", "des"] {
                    names.push(format!("{pre}{side}{pol}{kind}"));
                }
            }
        }
    }
    names.push("tposs".into());
    assert_eq!(names, FIXED);
    assert_eq!(FIXED[F_TPOSS], "tposs");
    assert_eq!(FIXED[F_TPRON], "tpron");
    assert_eq!(FIXED[F_TLEN], "tlen:0");
    assert_eq!(FIXED[F_TFIRST], "tfirst");
    assert_eq!(FIXED[F_TLAST], "tlast");
    assert_eq!(FIXED[F_INQUOTE], "inquote");
    assert_eq!(FIXED[F_HASQUOTE], "hasquote");
    assert_eq!(FIXED[F_LEX], "lexl+:1");
    assert_eq!(FIXED[F_LEXC_WORD], "lexc+");
    assert_eq!(FIXED[F_LEXOWN], "lexown+");
    assert_eq!(FIXED[F_LEXOTH], "lexoth+");
    assert_eq!(FIXED[F_OTHERS], "others:0");
    assert_eq!(FIXED[F_LEXSUM], "lexl+");
    assert_eq!(FIXED[F_LEXALL], "lexall");
    assert_eq!(FIXED[F_NEAR], "nearl+:1");
    assert_eq!(FIXED[F_NEGC], "negc");
    assert_eq!(FIXED[F_VR], "vr:obj+att");
    assert_eq!(
        FIXED[F_VR + 15 + 5 + verb_kind_index(VerbKind::Desire)],
        "vr:subj-des"
    );
    assert_eq!(FIXED[F_VRN], "vrn:obj+att");
    assert_eq!(FIXED[F_VRN + 29], "vrn:subj0des");
}

/// The `vr:` and `vrn:` features of the target `target` (a substring)
/// of `sentence`.
fn verb_features(sentence: &str, target: &str) -> Vec<String> {
    let start = sentence.find(target).unwrap();
    let toks = tokenize(sentence);
    let vals = valences(&toks, &LEXICONS);
    let mut out = Vec::new();
    extract_tokens(&toks, &vals, &(start..start + target.len()), &mut |n, _| {
        if n.starts_with("vr") {
            out.push(n.to_string());
        }
    });
    out
}

#[test]
fn stance_verbs_give_the_targets_role() {
    let table: [(&str, &str, &[&str]); 8] = [
        (
            "Critics slammed Baker yesterday.",
            "Baker",
            &["vr:obj-att", "vrn:obj-att"],
        ),
        (
            "Baker slammed the critics.",
            "Baker",
            &["vr:subj-att", "vrn:subj-att"],
        ),
        (
            "Baker has warmly praised them.",
            "Baker",
            &["vr:subj+att", "vrn:subj+att"],
        ),
        // Far from the target: only the clause-wide feature.
        (
            "Voters in the rural north praised Baker.",
            "Baker",
            &["vr:obj+att", "vrn:obj+att"],
        ),
        (
            "Baker and her many allies on the city council praised it.",
            "Baker",
            &["vr:subj+att"],
        ),
        // A clause break hides the verb.
        (
            "Critics slammed the plan, but Baker stayed calm.",
            "Baker",
            &[],
        ),
        (
            "Baker stayed calm while critics slammed the plan.",
            "Baker",
            &[],
        ),
        // No stance verb at all.
        ("Baker flew to Lima on Monday.", "Baker", &[]),
    ];
    for (sentence, target, want) in table {
        assert_eq!(verb_features(sentence, target), want, "{sentence}");
    }
    // Both sides at once, the nearest verb on each.
    let got = verb_features("Critics slammed Baker, who denounced them.", "Baker");
    assert_eq!(got, ["vr:obj-att", "vrn:obj-att"]);
    let got = verb_features("Allies backed Baker and attacked Jones.", "Baker");
    assert_eq!(
        got,
        ["vr:obj+att", "vrn:obj+att", "vr:subj-att", "vrn:subj-att"]
    );
}

#[test]
fn clamp_handles_bad_spans() {
    let s = "Zoë wins";
    assert_eq!(clamp_span(s, 0..100), 0..s.len());
    assert_eq!(clamp_span(s, Range { start: 3, end: 2 }), 2..4); // reversed, ë is bytes 2..4
    assert_eq!(clamp_span(s, 3..3), 2..4);
    assert_eq!(clamp_span(s, 50..60), s.len()..s.len());
}

#[test]
fn token_range_covers_overlaps() {
    let toks = tokenize("Mr. Putin met Tillerson.");
    assert_eq!(token_range(&toks, &(4..9)), 2..3);
    assert_eq!(token_range(&toks, &(5..7)), 2..3);
    assert_eq!(token_range(&toks, &(0..9)), 0..3);
    assert_eq!(token_range(&toks, &(9..10)), 3..3);
    assert_eq!(token_range(&toks, &(24..24)), 6..6);
}

/// The token range by a scan from the first token, as it was found
/// before the binary search.
fn token_range_by_scan(tokens: &[Token<'_>], span: &Range<usize>) -> Range<usize> {
    match tokens.iter().position(|t| covers(t, span)) {
        Some(first) => covered_from(tokens, first, span),
        None => {
            let at = tokens
                .iter()
                .position(|t| t.span.start >= span.start)
                .unwrap_or(tokens.len());
            at..at
        }
    }
}

#[test]
fn token_range_is_the_scan() {
    for s in [
        "Mr. Putin met Tillerson.",
        "“Go,” he said — to  Zoë’s U.S.-made car!",
        "",
        " a ",
    ] {
        let toks = tokenize(s);
        for a in 0..=s.len() + 1 {
            for b in a..=s.len() + 1 {
                let span = a..b;
                assert_eq!(
                    token_range(&toks, &span),
                    token_range_by_scan(&toks, &span),
                    "{s:?} {span:?}"
                );
            }
        }
    }
}

#[test]
fn negation_and_intensifier_change_valence() {
    let lex = &*LEXICONS;
    let v = |s: &str| {
        let t = tokenize(s);
        valences(&t, lex).into_iter().sum::<f32>()
    };
    assert!(v("a good deal") > 0.0);
    assert!(v("not a good deal") < 0.0);
    assert!(v("a very good deal") > v("a good deal"));
    assert!(v("a slightly good deal") < v("a good deal"));
    // A clause break ends the negator's scope.
    assert!(v("no, a good deal") > 0.0);
}

proptest::proptest! {
    #[test]
    fn one_lookup_gives_the_same_valences_and_classes(
        words in proptest::collection::vec(proptest::sample::select(vec![
            "not", "very", "extremely", "good", "bad", "Terrible", "he", "They", "but", "while",
            "don't", "isn't", "never", ",", ";", "“", "”", "\"", "?", "Smith", "the", "hardly",
            "really", "great", "so", "—", "(", "win", "LOVE", "no", ":)",
        ]), 0..24)
    ) {
        let s = words.join(" ");
        let toks = tokenize(&s);
        let lex = &*LEXICONS;
        let (vals, cls) = valences_and_classes(&toks, lex);
        proptest::prop_assert_eq!(&cls, &classes_by_lists(&toks, lex));
        proptest::prop_assert_eq!(cls, classes(&toks, lex));
        let want = valences(&toks, lex);
        proptest::prop_assert_eq!(
            vals.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            want.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
    }
}

/// Every feature of the target `target` (a substring) of `sentence`, with
/// its value.
fn all_features(sentence: &str, target: &str) -> Vec<(String, f32)> {
    let start = sentence.find(target).unwrap();
    let toks = tokenize(sentence);
    let vals = valences(&toks, &LEXICONS);
    let mut out = Vec::new();
    extract_tokens(&toks, &vals, &(start..start + target.len()), &mut |n, v| {
        out.push((n.to_string(), v));
    });
    out
}

#[test]
fn other_names_are_a_placeholder_near_the_target() {
    let f = all_features("Yesterday Smith praised Baker.", "Baker");
    let has = |name: &str| f.iter().any(|(n, _)| n == name);
    // Smith, two tokens left: the placeholder in the features of its
    // distance, itself in its `w:` feature.
    assert!(has("l2:<n>") && has("ln:<n>") && has("lb:<n>_praised"));
    assert!(has("w:smith") && !has("l2:smith") && !has("ln:smith"));
    // The target's own words are never the placeholder; "Yesterday", past
    // Smith, has only its `w:` feature.
    assert!(has("t:baker") && has("w:yesterday") && !has("ln:yesterday"));
    // The first word of the sentence is no other name.
    let f = all_features("Smith praised Baker.", "Baker");
    assert!(f.iter().any(|(n, _)| n == "l2:smith"));
    // Pronouns stay themselves.
    let f = all_features("Yesterday he praised Baker.", "Baker");
    assert!(f.iter().any(|(n, _)| n == "l2:he"));
}

#[test]
fn words_past_another_name_have_only_their_word_feature() {
    let f = all_features("Jones hates Smith but Baker likes them.", "Baker");
    let has = |name: &str| f.iter().any(|(n, _)| n == name);
    // "hates" is past Smith, seen from Baker: only `w:hates`.
    assert!(has("w:hates") && !has("ln:hates") && !has("lb:hates_<n>"));
    // "but", between Baker and Smith, keeps its features of distance.
    assert!(has("l1:but") && has("ln:but") && has("l2:<n>"));
}

#[test]
fn far_words_weigh_less() {
    let s = "Baker arrived on Monday morning in the old northern town of Springfield \
             after a long trip, tired but happy.";
    let f = all_features(s, "Baker");
    let value = |name: &str| f.iter().find(|(n, _)| n == name).map(|x| x.1);
    assert_eq!(value("w:arrived"), Some(1.0));
    let town = value("w:town").unwrap();
    let happy = value("w:happy").unwrap();
    assert!(0.0 < happy && happy < town && town < 1.0, "{town} {happy}");
    assert_eq!(far_weight(NEAR), 1.0);
    assert_eq!(far_weight(NEAR + 16), 0.5);
}

#[test]
fn a_possessive_target_is_its_name() {
    // The feature tokenizer keeps "Baker’s" one word: the target's word
    // feature is the name's, and the possessive a feature of its own.
    let f = all_features("Critics slammed Baker’s budget.", "Baker");
    let has = |name: &str| f.iter().any(|(n, _)| n == name);
    assert!(has("t:baker") && has("tposs") && !has("t:baker's"));
    let f = all_features("Critics slammed Baker.", "Baker");
    let has = |name: &str| f.iter().any(|(n, _)| n == name);
    assert!(has("t:baker") && !has("tposs"));
    // A pronoun's contraction is no possessive.
    let f = all_features("He's angry.", "He");
    let has = |name: &str| f.iter().any(|(n, _)| n == name);
    assert!(has("t:he's") && !has("tposs"));
}

#[test]
fn no_feature_marks_words_in_quotes() {
    // Words inside quote marks have no feature of their own (they paid
    // nothing in cross-validation); the target in a quote still does.
    let f = all_features("Baker said “the plan is a disaster” today.", "Baker");
    assert!(f.iter().all(|(n, _)| !n.starts_with("q:")));
    assert!(f.iter().any(|(n, _)| n == "hasquote"));
    let f = all_features("“Baker is a disaster,” critics said.", "Baker");
    assert!(f.iter().any(|(n, _)| n == "inquote"));
}
