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

/// The entity table of `text` with the default gazetteer and `names`: each
/// entity's name and its number of mentions.
fn clusters(text: &str, names: &[NewName]) -> Vec<(String, usize)> {
    let gaz = Gazetteer::default();
    let (table, _) = EntityTable::with_names(&gaz, text, &gaz.find_in_document(text), names);
    table
        .entities()
        .iter()
        .map(|e| (e.name.to_string(), e.mentions.len()))
        .collect()
}

#[test]
fn an_acronym_joins_the_organization_of_its_initials() {
    let text = "The Rapid Support Forces agreed. The RSF accused the army.";
    let names = [org(text, "Rapid Support Forces"), org_at(text, "RSF", 30)];
    let entities = clusters(text, &names);
    let rsf: Vec<_> = entities
        .iter()
        .filter(|(name, _)| name == "Rapid Support Forces")
        .collect();
    assert_eq!(rsf.len(), 1);
    assert_eq!(rsf[0].1, 2);
}

#[test]
fn an_acronym_of_other_initials_stays_apart() {
    let text = "The Rapid Support Forces agreed. The FNV union objected.";
    let names = [org(text, "Rapid Support Forces"), org_at(text, "FNV", 30)];
    let entities = clusters(text, &names);
    assert!(entities.iter().any(|(name, _)| name == "FNV"));
    assert!(
        entities
            .iter()
            .filter(|(name, _)| name == "Rapid Support Forces")
            .all(|&(_, mentions)| mentions == 1)
    );
}

#[test]
fn a_person_gives_no_initials() {
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
    assert!(clusters(text, &names).iter().any(|(name, _)| name == "BC"));
}

#[test]
fn an_acronym_first_takes_the_full_name_that_follows() {
    // A headline names the agency by its acronym; the story spells it out.
    let text = "Groups sue FDA over recall\n\nThe Food and Drug Administration said on Monday that the FDA would respond.";
    let names = [
        org(text, "FDA"),
        org(text, "Food and Drug Administration"),
        org_at(text, "FDA", 40),
    ];
    let entities = clusters(text, &names);
    assert_eq!(
        entities,
        vec![("Food and Drug Administration".to_string(), 3)]
    );
}

#[test]
fn an_acronym_first_keeps_apart_from_other_initials() {
    let text = "FNV calls strike\n\nThe Rapid Support Forces agreed.";
    let names = [org(text, "FNV"), org(text, "Rapid Support Forces")];
    let entities = clusters(text, &names);
    assert!(entities.iter().any(|(name, n)| name == "FNV" && *n == 1));
}
