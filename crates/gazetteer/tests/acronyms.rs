//! An acronym after an organization the document named in full is that
//! organization ("Rapid Support Forces" … "the RSF"), in the entity table
//! built from a name finder's names.

use newsnlp_gazetteer::{EntityKind, EntityTable, Gazetteer, NewName};

fn org(text: &str, name: &str) -> NewName {
    org_at(text, name, 0)
}

/// The organization `name` at its first occurrence at or after byte
/// `from`.
fn org_at(text: &str, name: &str, from: usize) -> NewName {
    let start = from + text[from..].find(name).expect("name in text");
    NewName {
        span: start..start + name.len(),
        kind: EntityKind::Organization,
        title: None,
    }
}

#[test]
fn an_acronym_joins_the_organization_of_its_initials() {
    let gaz = Gazetteer::default();
    let text = "The Rapid Support Forces agreed. The RSF accused the army.";
    let names = [org(text, "Rapid Support Forces"), org_at(text, "RSF", 30)];
    let (table, _) = EntityTable::with_names(&gaz, text, &gaz.find_in_document(text), &names);
    let rsf: Vec<_> = table
        .entities()
        .iter()
        .filter(|e| e.name == "Rapid Support Forces")
        .collect();
    assert_eq!(rsf.len(), 1);
    assert_eq!(rsf[0].mentions.len(), 2);
}

#[test]
fn an_acronym_of_other_initials_stays_apart() {
    let gaz = Gazetteer::default();
    let text = "The Rapid Support Forces agreed. The FNV union objected.";
    let names = [org(text, "Rapid Support Forces"), org_at(text, "FNV", 30)];
    let (table, _) = EntityTable::with_names(&gaz, text, &gaz.find_in_document(text), &names);
    assert!(table.entities().iter().any(|e| e.name == "FNV"));
    assert!(
        table
            .entities()
            .iter()
            .filter(|e| e.name == "Rapid Support Forces")
            .all(|e| e.mentions.len() == 1)
    );
}

#[test]
fn a_person_gives_no_initials() {
    let gaz = Gazetteer::default();
    let text = "Bella Carver spoke first. Then BC Hydro replied.";
    let start = text.find("Bella Carver").expect("in text");
    let names = [
        NewName {
            span: start..start + "Bella Carver".len(),
            kind: EntityKind::Person,
            title: None,
        },
        org_at(text, "BC", 20),
    ];
    let (table, _) = EntityTable::with_names(&gaz, text, &gaz.find_in_document(text), &names);
    assert!(table.entities().iter().any(|e| e.name == "BC"));
}
