//! Table-driven tests of document-level linking.
use newsnlp_gazetteer::{EntityKind, Entry, Gazetteer, GazetteerBuilder, Resolution};

fn person(name: &str) -> Entry {
    Entry::new(name, EntityKind::Person)
}

struct Case {
    what: &'static str,
    entries: Vec<Entry>,
    text: &'static str,
    /// (mention text, entity or "?", resolution) in order.
    want: &'static [(&'static str, &'static str, Resolution)],
}

fn linked(g: &Gazetteer, text: &str) -> Vec<(String, String, Resolution)> {
    g.find_in_document(text)
        .into_iter()
        .map(|m| {
            let name = m
                .entity()
                .map_or("?".to_string(), |e| g.entity(e).name().to_string());
            (text[m.span()].to_string(), name, m.resolution())
        })
        .collect()
}

#[test]
fn linking_table() {
    use Resolution::*;
    let clintons = || {
        vec![
            person("Bill Clinton").title("President"),
            person("Hillary Clinton").title("Secretary of State"),
        ]
    };
    let cases = vec![
        Case {
            what: "unambiguous surname links everywhere, even before the full name",
            entries: vec![person("Rex Tillerson").title("Secretary of State")],
            text: "Tillerson arrived. Secretary of State Rex Tillerson spoke; Secretary of State Tillerson left.",
            want: &[
                ("Tillerson", "Rex Tillerson", Unique),
                ("Rex Tillerson", "Rex Tillerson", Unique),
                ("Tillerson", "Rex Tillerson", Unique),
            ],
        },
        Case {
            what: "a shared surname resolved by an earlier full mention",
            entries: clintons(),
            text: "Hillary Clinton spoke. Clinton said no.",
            want: &[
                ("Hillary Clinton", "Hillary Clinton", Unique),
                ("Clinton", "Hillary Clinton", Document),
            ],
        },
        Case {
            what: "a shared surname resolved by a later full mention (headline first)",
            entries: clintons(),
            text: "Clinton wins\n\nBill Clinton won.",
            want: &[
                ("Clinton", "Bill Clinton", Document),
                ("Bill Clinton", "Bill Clinton", Unique),
            ],
        },
        Case {
            what: "a shared surname with no full mention stays ambiguous",
            entries: clintons(),
            text: "Clinton said no.",
            want: &[("Clinton", "?", Ambiguous)],
        },
        Case {
            what: "both named in full: ambiguous, not guessed",
            entries: clintons(),
            text: "Bill Clinton and Hillary Clinton came. Clinton spoke.",
            want: &[
                ("Bill Clinton", "Bill Clinton", Unique),
                ("Hillary Clinton", "Hillary Clinton", Unique),
                ("Clinton", "?", Ambiguous),
            ],
        },
        Case {
            what: "the title decides over the document",
            entries: clintons(),
            text: "Bill Clinton and Hillary Clinton came. Secretary of State Clinton spoke.",
            want: &[
                ("Bill Clinton", "Bill Clinton", Unique),
                ("Hillary Clinton", "Hillary Clinton", Unique),
                ("Clinton", "Hillary Clinton", Title),
            ],
        },
        Case {
            what: "a stoplisted surname counts only after the full name",
            entries: vec![person("Theresa May")],
            text: "In May, rain. Theresa May spoke. May said no.",
            want: &[
                ("Theresa May", "Theresa May", Unique),
                ("May", "Theresa May", Unique),
            ],
        },
        Case {
            what: "a surname that is another entity's name needs the full name",
            entries: vec![
                person("Michael Jordan"),
                Entry::new("Jordan", EntityKind::Place),
            ],
            text: "Michael Jordan played. Jordan scored.",
            want: &[
                ("Michael Jordan", "Michael Jordan", Unique),
                ("Jordan", "Michael Jordan", Document),
            ],
        },
        Case {
            what: "without the full name, the other entity's name wins",
            entries: vec![
                person("Michael Jordan"),
                Entry::new("Jordan", EntityKind::Place),
            ],
            text: "Jordan is dry.",
            want: &[("Jordan", "Jordan", Unique)],
        },
        Case {
            what: "both named in full: priority decides (canonical name over surname)",
            entries: vec![
                person("Michael Jordan"),
                Entry::new("Jordan", EntityKind::Place),
            ],
            text: "Jordan is dry. Michael Jordan played. Jordan scored.",
            want: &[
                ("Jordan", "Jordan", Unique),
                ("Michael Jordan", "Michael Jordan", Unique),
                ("Jordan", "Jordan", Priority),
            ],
        },
        Case {
            what: "a title plus surname links through the name",
            entries: vec![person("Sergey Lavrov").title("Foreign Minister")],
            text: "Russian Foreign Minister Lavrov",
            want: &[("Lavrov", "Sergey Lavrov", Unique)],
        },
    ];
    for c in cases {
        let g = GazetteerBuilder::new().build(c.entries).unwrap();
        let got = linked(&g, c.text);
        let want: Vec<(String, String, Resolution)> = c
            .want
            .iter()
            .map(|(t, n, r)| (t.to_string(), n.to_string(), *r))
            .collect();
        assert_eq!(got, want, "{}", c.what);
    }
}

#[test]
fn ambiguous_mentions_carry_their_candidates() {
    let g = Gazetteer::default();
    let text = "Clinton said no.";
    let m = &g.find_in_document(text)[0];
    assert!(m.is_ambiguous());
    let mut names: Vec<&str> = m.candidates().iter().map(|&e| g.entity(e).name()).collect();
    names.sort();
    assert_eq!(names, ["Bill Clinton", "Hillary Clinton"]);
}

#[test]
fn linking_is_linear_on_repeated_names() {
    let g = Gazetteer::default();
    let text = "Tillerson said that Lavrov told Putin that ".repeat(20_000);
    let start = std::time::Instant::now();
    let ms = g.find_in_document(&text);
    assert_eq!(ms.len(), 60_000);
    // Generous: a quadratic linker would take minutes here.
    assert!(start.elapsed().as_secs() < 20);
}
