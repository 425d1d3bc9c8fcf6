//! The document's entity table on sentences written for these tests:
//! names no gazetteer lists, clustered with their short forms; surnames
//! shared with a listed person that must not link to them; bylines and
//! datelines. Each case lists entities that must be there (name, kind,
//! listed or not, how many mentions) and names that must not.

use newsnlp::Pipeline;
use newsnlp::gazetteer::EntityKind::{self, Organization, Person, Place};

struct Case {
    text: &'static str,
    /// (name, kind, known, mentions)
    expect: &'static [(&'static str, EntityKind, bool, usize)],
    /// Names no entity may have.
    absent: &'static [&'static str],
}

const CASES: &[Case] = &[
    // A surname shared with a listed person, after the unlisted full name.
    Case {
        text: "Sarah Bennett, a lawyer for the tenants, filed the motion on Monday. \
               Bennett said the landlord had ignored three court orders.",
        expect: &[("Sarah Bennett", Person, false, 2)],
        absent: &["Naftali Bennett"],
    },
    Case {
        text: "The striking nurses were led by Emily Johnson. Johnson told the crowd \
               that the hospital had refused to negotiate.",
        expect: &[("Emily Johnson", Person, false, 2)],
        absent: &["Boris Johnson", "Mike Johnson"],
    },
    Case {
        text: "Council member Daniel Sanders voted against the budget. Sanders, who \
               chairs the finance committee, called it reckless.",
        expect: &[("Daniel Sanders", Person, false, 2)],
        absent: &["Bernie Sanders", "Sarah Huckabee Sanders"],
    },
    // The listed person named in full after the unlisted one: their own.
    Case {
        text: "Sarah Bennett met Israeli Prime Minister Naftali Bennett in Jerusalem. \
               Naftali Bennett thanked her.",
        expect: &[
            ("Sarah Bennett", Person, false, 1),
            ("Naftali Bennett", Person, true, 2),
        ],
        absent: &[],
    },
    // Short forms of an unlisted person.
    Case {
        text: "Norwegian Prime Minister Jonas Gahr Støre arrived late. Støre said the \
               talks would go on, and Mr. Støre later left for Oslo.",
        expect: &[
            ("Jonas Gahr Støre", Person, false, 3),
            ("Oslo", Place, true, 1),
        ],
        absent: &[],
    },
    Case {
        text: "Maria Delgado, 52, runs the shelter. Delgado said donations had fallen \
               by half since March. \"We are out of blankets,\" Delgado said.",
        expect: &[("Maria Delgado", Person, false, 3)],
        absent: &[],
    },
    // Organizations the gazetteer does not list.
    Case {
        text: "The Securities and Exchange Commission fined Harlow Freight Inc. on \
               Tuesday. Harlow Freight Inc. said it would appeal.",
        expect: &[
            ("Securities and Exchange Commission", Organization, false, 1),
            ("Harlow Freight Inc.", Organization, false, 2),
        ],
        absent: &[],
    },
    // An organization's first words, where it acts.
    Case {
        text: "Lakeshore Dynamics Corp. will close two plants. Lakeshore said the cuts \
               were painful. Shares of Lakeshore Dynamics fell.",
        expect: &[("Lakeshore Dynamics Corp.", Organization, false, 3)],
        absent: &["Lakeshore", "Lakeshore Dynamics"],
    },
    // Its first words after a preposition of place: still the organization.
    Case {
        text: "Calloway Memorial Hospital opened cooling tents. Nurses at Calloway \
               Memorial worked double shifts, and one patient spent two nights at \
               Calloway Memorial.",
        expect: &[("Calloway Memorial Hospital", Organization, false, 3)],
        absent: &["Calloway Memorial"],
    },
    // A byline and a dateline.
    Case {
        text: "By Tomás Ibarra\n\nGENEVA — The World Health Organization on Friday \
               criticized three drugmakers.",
        expect: &[("Tomás Ibarra", Person, false, 1)],
        absent: &[],
    },
    // A dateline in capitals is the place the text names in lower case.
    Case {
        text: "TROMSØ, Norway — Fishing crews in Tromsø protested on Monday. \
               The harbour of Tromsø was closed.",
        expect: &[("Tromsø", Place, false, 3)],
        absent: &["TROMSØ"],
    },
];

/// The named mentions of an entity (its descriptors left out).
fn named(e: &newsnlp::gazetteer::DocEntity) -> usize {
    e.mentions
        .iter()
        .filter(|m| m.link != newsnlp::gazetteer::Link::Descriptor)
        .count()
}

#[test]
fn entity_table_cases() {
    let pipeline = Pipeline::new();
    let mut failures = Vec::new();
    for case in CASES {
        let doc = pipeline.analyze(case.text);
        let table = doc.entities();
        for &(name, kind, known, count) in case.expect {
            let got = table.entities().iter().find(|e| e.name == name);
            let ok = got.is_some_and(|e| e.kind == kind && e.known == known && named(e) == count);
            if !ok {
                failures.push(format!(
                    "{name:?} in {:?}: got {:?}",
                    &case.text[..40],
                    got.map(|e| (e.kind, e.known, named(e)))
                ));
            }
            // The flat list agrees with the table.
            let flat = doc
                .mentions()
                .iter()
                .filter(|m| m.name() == Some(name))
                .count();
            if got.is_some() && flat != got.map_or(0, named) {
                failures.push(format!("{name:?}: {flat} flat mentions"));
            }
        }
        for name in case.absent {
            if table.entities().iter().any(|e| e.name == *name) {
                failures.push(format!("{name:?} must not be in {:?}", &case.text[..40]));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unlisted_people_speak_and_hold_stances_by_name() {
    let pipeline = Pipeline::new();
    let text = "Maria Delgado runs the shelter. \"We are out of blankets,\" Delgado said.";
    let doc = pipeline.analyze(text);
    let q = doc
        .quotes()
        .iter()
        .find(|q| q.kind.as_str() == "direct")
        .expect("a quote");
    assert_eq!(q.speaker_name(), Some("Maria Delgado"));
    assert_eq!(q.speaker.as_ref().and_then(|s| s.entity()), None);
}

#[test]
fn json_entities_say_whether_the_gazetteer_lists_them() {
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze("Sarah Bennett met Vladimir Putin.");
    let json = serde_json::to_value(&doc).unwrap();
    let known: Vec<(String, bool)> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_string(),
                e["known"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        known,
        [
            ("Sarah Bennett".to_string(), false),
            ("Vladimir Putin".to_string(), true)
        ]
    );
}

#[test]
fn descriptors_link_to_the_latest_person_whose_titles_fit() {
    use newsnlp::gazetteer::Link;
    // (text, descriptor, person it must link to, or None)
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "Hungarian Prime Minister Viktor Orbán arrived late. The Hungarian leader said little.",
            "The Hungarian leader",
            Some("Viktor Orbán"),
        ),
        (
            "The German executive, Klaus Weber, disagreed. The executive said the deal was fair.",
            "The executive",
            Some("Klaus Weber"),
        ),
        (
            "Mayor Grace Liang met Finance Minister Tom Hale. Later the mayor said no.",
            "the mayor",
            Some("Grace Liang"),
        ),
        (
            "Mayor Grace Liang met Finance Minister Tom Hale. Later the minister said no.",
            "the minister",
            Some("Tom Hale"),
        ),
        (
            "Tom Hale, a teacher, spoke first. The senator said nothing.",
            "The senator",
            None,
        ),
        // An age describes the person named last, whatever the titles.
        (
            "The board suspended Dario Vance on Monday. The 52-year-old said he would appeal.",
            "The 52-year-old",
            Some("Dario Vance"),
        ),
        (
            "Nadia Ferro met Tom Hale at the clinic. Later the 61-year-old surgeon said little.",
            "the 61-year-old",
            Some("Tom Hale"),
        ),
        // A name after the age: the age modifies a name, no descriptor.
        (
            "Nadia Ferro met Mayor Tom Hale. Later the 61-year-old mayor said little.",
            "the 61-year-old mayor",
            Some("Tom Hale"),
        ),
        (
            "Nadia Ferro met Tom Hale. The 61-year-old Ferro said little.",
            "The 61-year-old",
            None,
        ),
    ];
    let pipeline = Pipeline::new();
    for &(text, descriptor, person) in cases {
        let doc = pipeline.analyze(text);
        let start = text.find(descriptor).unwrap();
        let span = start..start + descriptor.len();
        let linked = doc
            .entities()
            .descriptor_at(span.clone())
            .map(|e| e.name.as_str());
        assert_eq!(linked, person, "{text}");
        if let Some(name) = person {
            let e = doc
                .entities()
                .entities()
                .iter()
                .find(|e| e.name == name)
                .unwrap();
            assert!(
                e.mentions
                    .iter()
                    .any(|m| m.link == Link::Descriptor && m.span == span),
                "{text}: {:?}",
                e.mentions
            );
            // Descriptors are not named mentions: the flat list leaves them out.
            assert!(doc.mentions().iter().all(|m| m.span != span));
        }
    }
}

#[test]
fn the_entity_table_reads_back_from_json() {
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze("Sarah Bennett met Vladimir Putin. Putin and Bennett spoke.");
    let table = doc.entities();
    let json = serde_json::to_string(table).unwrap();
    let back: newsnlp::gazetteer::EntityTable = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, table);
    let putin = pipeline
        .gazetteer()
        .entity_by_name("Vladimir Putin")
        .unwrap();
    assert_eq!(back.by_id(putin).map(|e| e.mentions.len()), Some(2));
    assert_eq!(table.by_id(putin).map(|e| e.mentions.len()), Some(2));
    let sarah = &table.entities()[0];
    assert_eq!(
        (sarah.name.as_str(), sarah.mentions.len()),
        ("Sarah Bennett", 2)
    );
}
