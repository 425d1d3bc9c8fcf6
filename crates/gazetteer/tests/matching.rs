//! Table-driven tests of what matches: boundaries, possessives, every
//! normalization option, overlapping mode and priority.
use newsnlp_gazetteer::{CaseMode, EntityKind, Entry, Gazetteer, GazetteerBuilder, Resolution};

/// Builds a gazetteer from `entries` with `configure` applied.
fn gaz(entries: &[Entry], configure: fn(&mut GazetteerBuilder)) -> Gazetteer {
    let mut b = GazetteerBuilder::new();
    configure(&mut b);
    b.build(entries.to_vec()).expect("build")
}

/// (matched text, canonical name or "?" when ambiguous) for each mention.
fn found<'t>(g: &Gazetteer, text: &'t str) -> Vec<(&'t str, String)> {
    g.find(text)
        .map(|m| {
            assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
            let name = m
                .entity()
                .map_or_else(|| "?".to_string(), |e| g.entity(e).name().to_string());
            (&text[m.span()], name)
        })
        .collect()
}

fn person(name: &str) -> Entry {
    Entry::new(name, EntityKind::Person)
}
fn org(name: &str) -> Entry {
    Entry::new(name, EntityKind::Organization)
}
fn place(name: &str) -> Entry {
    Entry::new(name, EntityKind::Place)
}

fn defaults(_: &mut GazetteerBuilder) {}

struct Case {
    what: &'static str,
    entries: Vec<Entry>,
    configure: fn(&mut GazetteerBuilder),
    text: &'static str,
    want: &'static [(&'static str, &'static str)],
}

fn run(cases: Vec<Case>) {
    for c in cases {
        let g = gaz(&c.entries, c.configure);
        let got = found(&g, c.text);
        let want: Vec<(&str, String)> = c.want.iter().map(|(t, n)| (*t, n.to_string())).collect();
        assert_eq!(got, want, "{}: {:?}", c.what, c.text);
    }
}

#[test]
fn boundaries_and_possessives() {
    let assad = || {
        vec![
            person("Bashar al-Assad").alias("Bashar al"),
            Entry::new("Assad family", EntityKind::Group).alias("al-Assad"),
        ]
    };
    run(vec![
        Case {
            what: "the boundary trap: longest match that ends on a boundary",
            entries: assad(),
            configure: defaults,
            text: "Bashar al-Assad's army",
            want: &[("Bashar al-Assad", "Bashar al-Assad")],
        },
        Case {
            what: "a longer alias ending inside a word loses to a shorter one",
            entries: vec![person("Bashar").alias("Bashar al").alias("Bashar al-A")],
            configure: defaults,
            text: "Bashar al-Assad",
            want: &[("Bashar al", "Bashar")],
        },
        Case {
            what: "curly possessive",
            entries: assad(),
            configure: defaults,
            text: "Assad’s forces and Assad's allies",
            want: &[("Assad", "Bashar al-Assad"), ("Assad", "Bashar al-Assad")],
        },
        Case {
            what: "bare apostrophe after s",
            entries: vec![person("Boris Johnson")],
            configure: defaults,
            text: "Johnson’ plan",
            want: &[("Johnson", "Boris Johnson")],
        },
        Case {
            what: "no match inside a word",
            entries: vec![person("Vladimir Putin"), place("United States").alias("US")],
            configure: defaults,
            text: "Putinism in the USA, Putin2 and xPutin",
            want: &[],
        },
        Case {
            what: "an apostrophe inside a word is not a boundary",
            entries: vec![person("Brien"), person("O")],
            configure: defaults,
            text: "O'Brien said",
            want: &[],
        },
        Case {
            what: "Unicode word characters are word characters; a combining mark goes with its letter",
            entries: vec![place("Lyon")],
            configure: defaults,
            text: "Lyonnaise, éLyon, Lyonß, Lyon\u{301}, Lyon.",
            want: &[("Lyon\u{301}", "Lyon"), ("Lyon", "Lyon")],
        },
        Case {
            what: "punctuation around a name is a boundary",
            entries: vec![place("United States").alias("U.S.")],
            configure: defaults,
            text: "(U.S.)-Russia \"U.S.\" U.S.A",
            want: &[("U.S.", "United States"), ("U.S.", "United States")],
        },
        Case {
            what: "title plus name matches the name",
            entries: vec![person("Sergey Lavrov")],
            configure: defaults,
            text: "Russian Foreign Minister Lavrov",
            want: &[("Lavrov", "Sergey Lavrov")],
        },
    ]);
}

#[test]
fn case_modes() {
    let e = || {
        vec![
            place("United States").alias("US"),
            org("al-Qaeda").alias("Al-Qaeda"),
            person("Theresa May"),
            org("Russia Today"),
            Entry::new("iphone", EntityKind::Other),
        ]
    };
    let smart = |b: &mut GazetteerBuilder| {
        b.case(CaseMode::Smart);
    };
    let insensitive = |b: &mut GazetteerBuilder| {
        b.case_insensitive(true);
    };
    let sensitive = |b: &mut GazetteerBuilder| {
        b.case_insensitive(false);
    };
    run(vec![
        Case {
            what: "smart: acronyms exact",
            entries: e(),
            configure: smart,
            text: "us US Us",
            want: &[("US", "United States")],
        },
        Case {
            what: "smart: proper names in news capitalizations",
            entries: e(),
            configure: smart,
            text: "al-Qaeda, Al-Qaeda, AL-QAEDA, al-qaeda",
            want: &[
                ("al-Qaeda", "al-Qaeda"),
                ("Al-Qaeda", "al-Qaeda"),
                ("AL-QAEDA", "al-Qaeda"),
            ],
        },
        Case {
            what: "smart: capitals of later words are required",
            entries: e(),
            configure: smart,
            text: "Russia today, Russia Today, RUSSIA TODAY",
            want: &[
                ("Russia Today", "Russia Today"),
                ("RUSSIA TODAY", "Russia Today"),
            ],
        },
        Case {
            what: "smart: capitals inside a word are required",
            entries: vec![
                org("Lashkar-e-Taiba").alias("LeT"),
                org("Pentagon").alias("DoD"),
            ],
            configure: smart,
            text: "Let DoD Dod LeT",
            want: &[("DoD", "Pentagon"), ("LeT", "Lashkar-e-Taiba")],
        },
        Case {
            what: "smart: lowercase aliases match any case",
            entries: e(),
            configure: smart,
            text: "iPhone IPHONE iphone",
            want: &[
                ("iPhone", "iphone"),
                ("IPHONE", "iphone"),
                ("iphone", "iphone"),
            ],
        },
        Case {
            what: "insensitive",
            entries: e(),
            configure: insensitive,
            text: "us al-qaeda russia today",
            want: &[
                ("us", "United States"),
                ("al-qaeda", "al-Qaeda"),
                ("russia today", "Russia Today"),
            ],
        },
        Case {
            what: "sensitive",
            entries: e(),
            configure: sensitive,
            text: "AL-QAEDA Al-Qaeda al-qaeda US us",
            want: &[("Al-Qaeda", "al-Qaeda"), ("US", "United States")],
        },
        Case {
            what: "unicode case folding",
            entries: vec![place("Дамаск"), place("Straße")],
            configure: insensitive,
            text: "ДАМАСК STRASSE",
            want: &[("ДАМАСК", "Дамаск"), ("STRASSE", "Straße")],
        },
        Case {
            what: "ASCII case folding only",
            entries: vec![place("Дамаск"), place("Lyon")],
            configure: |b| {
                b.case_insensitive(true).unicode_case(false);
            },
            text: "ДАМАСК LYON Дамаск",
            want: &[("LYON", "Lyon"), ("Дамаск", "Дамаск")],
        },
    ]);
}

#[test]
fn diacritics_and_separators() {
    run(vec![
        Case {
            what: "diacritics ignored both ways",
            entries: vec![person("Sergeï Lavrov"), person("Recep Tayyip Erdogan")],
            configure: defaults,
            text: "Sergei Lavrov and Recep Tayyip Erdoğan",
            want: &[
                ("Sergei Lavrov", "Sergeï Lavrov"),
                ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
            ],
        },
        Case {
            what: "decomposed text",
            entries: vec![person("Sergei Lavrov")],
            configure: defaults,
            text: "Sergei\u{308} Lavrov",
            want: &[("Sergei\u{308} Lavrov", "Sergei Lavrov")],
        },
        Case {
            what: "diacritics kept",
            entries: vec![person("Sergeï Lavrov").no_surname()],
            configure: |b| {
                b.diacritic_insensitive(false);
            },
            text: "Sergei Lavrov, Sergeï Lavrov",
            want: &[("Sergeï Lavrov", "Sergeï Lavrov")],
        },
        Case {
            what: "hyphen, space, underscore are one separator",
            entries: vec![org("al-Nusra Front")],
            configure: defaults,
            text: "al Nusra Front; al_Nusra_Front; al-Nusra-Front; al  -  Nusra Front",
            want: &[
                ("al Nusra Front", "al-Nusra Front"),
                ("al_Nusra_Front", "al-Nusra Front"),
                ("al-Nusra-Front", "al-Nusra Front"),
                ("al  -  Nusra Front", "al-Nusra Front"),
            ],
        },
        Case {
            what: "separators kept apart",
            entries: vec![org("al-Nusra Front")],
            configure: |b| {
                b.separator_insensitive(false);
            },
            text: "al Nusra Front; al-Nusra  Front",
            want: &[("al-Nusra  Front", "al-Nusra Front")],
        },
        Case {
            what: "a line break is a space, a blank line is not",
            entries: vec![place("New York")],
            configure: defaults,
            text: "New\nYork; New\r\n\r\nYork",
            want: &[("New\nYork", "New York")],
        },
        Case {
            what: "curly apostrophes and soft hyphens",
            entries: vec![place("’Aïn Abid"), person("Rex Tillerson").no_surname()],
            configure: defaults,
            text: "'Ain Abid and Rex Tiller\u{AD}son",
            want: &[
                ("'Ain Abid", "’Aïn Abid"),
                ("Rex Tiller\u{AD}son", "Rex Tillerson"),
            ],
        },
    ]);
}

#[test]
fn overlapping_reports_every_match() {
    let g = gaz(
        &[
            person("Bashar al-Assad"),
            Entry::new("Assad family", EntityKind::Group).alias("al-Assad"),
            person("Bashar"),
        ],
        defaults,
    );
    let text = "Bashar al-Assad's";
    let got: Vec<&str> = g.find_overlapping(text).map(|m| &text[m.span()]).collect();
    // By start, longest first; "Assad" is the derived surname.
    assert_eq!(got, ["Bashar al-Assad", "Bashar", "al-Assad", "Assad"]);
    let plain: Vec<&str> = g.find(text).map(|m| &text[m.span()]).collect();
    assert_eq!(plain, ["Bashar al-Assad"]);
}

#[test]
fn priority_between_entities_sharing_an_alias() {
    struct P {
        what: &'static str,
        entries: Vec<Entry>,
        text: &'static str,
        span: std::ops::Range<usize>,
        entity: Option<&'static str>,
        candidates: &'static [&'static str],
        resolution: Resolution,
    }
    let cases = vec![
        P {
            what: "higher priority wins",
            entries: vec![
                place("Georgia (U.S. state)").alias("Georgia"),
                place("Georgia (country)").alias("Georgia").priority(1),
            ],
            text: "Georgia",
            span: 0..7,
            entity: Some("Georgia (country)"),
            candidates: &["Georgia (country)", "Georgia (U.S. state)"],
            resolution: Resolution::Priority,
        },
        P {
            what: "a canonical name beats a listed alias",
            entries: vec![
                place("Georgia (U.S. state)").alias("Georgia"),
                place("Georgia"),
            ],
            text: "Georgia",
            span: 0..7,
            entity: Some("Georgia"),
            candidates: &["Georgia", "Georgia (U.S. state)"],
            resolution: Resolution::Priority,
        },
        P {
            what: "a listed alias beats a derived surname",
            entries: vec![
                person("Michael Jordan"),
                place("Hashemite Kingdom").alias("Jordan"),
            ],
            text: "Jordan",
            span: 0..6,
            entity: Some("Hashemite Kingdom"),
            candidates: &["Hashemite Kingdom"],
            resolution: Resolution::Unique,
        },
        P {
            what: "a tie stays ambiguous, candidates in insertion order",
            entries: vec![person("Bill Clinton"), person("Hillary Clinton")],
            text: "Clinton",
            span: 0..7,
            entity: None,
            candidates: &["Bill Clinton", "Hillary Clinton"],
            resolution: Resolution::Ambiguous,
        },
        P {
            what: "a title decides a tie",
            entries: vec![
                person("Bill Clinton").title("President"),
                person("Hillary Clinton").title("Secretary of State"),
            ],
            text: "Secretary of State Clinton",
            span: 19..26,
            entity: Some("Hillary Clinton"),
            candidates: &["Bill Clinton", "Hillary Clinton"],
            resolution: Resolution::Title,
        },
        P {
            what: "the same entity listing an alias twice is one candidate",
            entries: vec![org("ISIS").alias("Daesh").alias("DAESH").alias("Daesh")],
            text: "Daesh",
            span: 0..5,
            entity: Some("ISIS"),
            candidates: &["ISIS"],
            resolution: Resolution::Unique,
        },
    ];
    for c in cases {
        let g = gaz(&c.entries, defaults);
        let m = g
            .find(c.text)
            .next()
            .unwrap_or_else(|| panic!("{}: no match", c.what));
        let name = |e| g.entity(e).name();
        assert_eq!(m.span(), c.span, "{}", c.what);
        assert_eq!(m.entity().map(name), c.entity, "{}", c.what);
        let cands: Vec<&str> = m.candidates().iter().map(|&e| name(e)).collect();
        assert_eq!(cands, c.candidates, "{}", c.what);
        assert_eq!(m.resolution(), c.resolution, "{}", c.what);
    }
}

#[test]
fn shared_gazetteer_across_threads() {
    let g = std::sync::Arc::new(Gazetteer::default());
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let g = std::sync::Arc::clone(&g);
            std::thread::spawn(move || g.find("Putin met Tillerson in Moscow").count())
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 3);
    }
}

#[test]
fn parallel_count_equals_sequential_count() {
    let g = Gazetteer::default();
    let seed = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt");
    // Over 1 MiB, so that `count` splits the text at blank lines.
    let text = format!("{seed}\n\n").repeat(500);
    assert!(text.len() > 1 << 20);
    let mut sequential = 0;
    let mut it = g.find(&text);
    while it.next().is_some() {
        sequential += 1;
    }
    assert_eq!(g.find(&text).count(), sequential);
    assert_eq!(sequential, 500 * g.find(seed).count());
    // Counting the rest after a few mentions.
    let mut it = g.find(&text);
    it.next();
    it.next();
    assert_eq!(it.count(), sequential - 2);
}

#[test]
fn parallel_count_with_crlf_paragraphs() {
    let g = Gazetteer::default();
    let seed = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt").replace('\n', "\r\n");
    let text = format!("{seed}\r\n\r\n").repeat(400);
    let mut sequential = 0;
    let mut it = g.find(&text);
    while it.next().is_some() {
        sequential += 1;
    }
    assert_eq!(g.find(&text).count(), sequential);
    assert_eq!(sequential, 400 * g.find(&seed).count());
}

/// The default gazetteer names a two-word state whole: "New Mexico" is no
/// mention of Mexico, and "New Jersey" is a place.
#[test]
fn the_default_gazetteer_keeps_two_word_states_whole() {
    let gaz = Gazetteer::default();
    let text = "Voters in New Mexico, New Jersey and North Carolina went to the polls.";
    let found: Vec<(&str, &str)> = gaz
        .find_in_document(text)
        .iter()
        .map(|m| {
            (
                &text[m.span()],
                gaz.entity(m.entity().expect("linked")).name(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("New Mexico", "New Mexico"),
            ("New Jersey", "New Jersey"),
            ("North Carolina", "North Carolina")
        ]
    );
}
