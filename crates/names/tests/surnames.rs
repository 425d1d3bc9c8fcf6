//! The document pass: a person's surname names them wherever it stands,
//! with the capitalized words before it. Sentences written for this test.

use newsnlp_names::{NameFinder, NameKind};
use newsnlp_tokenize::Tokenizer;

/// (text, names that must be found as people, names that must not be found)
const CASES: &[(&str, &[&str], &[&str])] = &[
    (
        "Indonesia's chief negotiator, Rahmat Hidayat, rejected the draft. \
         \"This text protects the powerful,\" Hidayat told reporters.",
        &["Rahmat Hidayat", "Hidayat"],
        &[],
    ),
    (
        "Her co-author, Kwame Mensah, checked the data. Mensah said it held.",
        &["Kwame Mensah", "Mensah"],
        &[],
    ),
    (
        "The deal was signed by Ingrid Solbakken on Friday. Later, Solbakken said \
         she was relieved, and Solbakken's office confirmed it.",
        &["Ingrid Solbakken", "Solbakken"],
        &["Solbakken's"],
    ),
    // A sentence's first word is no given name unless listed as one.
    (
        "Late Marchetti goal wins it\n\nThe winner came in the 89th minute. \"I just hit it,\" \
         Gianna Marchetti said.",
        &["Marchetti", "Gianna Marchetti"],
        &["Late Marchetti"],
    ),
    // A capitalized word after the surname makes it no surname there.
    (
        "Okafor said the plant would open. Okafor Street was closed.",
        &["Okafor"],
        &["Okafor Street"],
    ),
];

/// Finds the names of each case's text: those of `kind` that must be
/// there are, those that must not are not, and none overlap.
fn check(cases: &[(&str, &[&str], &[&str])], kind: NameKind) {
    let finder = NameFinder::new();
    for &(text, present, absent) in cases {
        let doc = Tokenizer::new().tokenize(text);
        let names = finder.find(&doc, &doc.table(), &[]);
        let found: Vec<(&str, NameKind)> = names
            .iter()
            .map(|n| (&text[n.span.clone()], n.kind))
            .collect();
        for p in present {
            assert!(
                found.iter().any(|&(t, k)| t == *p && k == kind),
                "{p:?} not found as {kind:?} in {text:?}: {found:?}"
            );
        }
        for a in absent {
            assert!(
                !found.iter().any(|&(t, k)| t == *a && k == kind),
                "{a:?} in {found:?}"
            );
        }
        // In text order, no two overlapping.
        for w in names.windows(2) {
            assert!(
                w[0].span.end <= w[1].span.start,
                "{:?} overlaps {:?}",
                w[0],
                w[1]
            );
        }
    }
}

#[test]
fn surnames_name_their_person_elsewhere() {
    check(CASES, NameKind::Person);
}

/// (text, organization forms that must be found, forms that must not be
/// found as organizations)
const ORG_CASES: &[(&str, &[&str], &[&str])] = &[
    (
        "Lakeshore Dynamics Corp. will close two plants. Lakeshore said the cuts \
         were painful, and Lakeshore’s shares fell.",
        &["Lakeshore Dynamics Corp.", "Lakeshore"],
        &[],
    ),
    // Before the organization is named, its first word as a modifier is
    // no mention of it (after, "Mozilla project" counts: UNER EWT dev).
    (
        "The Riverside rail yard will close. The Riverside Tenants Union met on Monday.",
        &["Riverside Tenants Union"],
        &["Riverside"],
    ),
];

#[test]
fn an_organizations_first_word_names_it_where_it_acts() {
    check(ORG_CASES, NameKind::Organization);
}
