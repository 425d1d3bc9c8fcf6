//! Loading gazetteer files: the good ones, and every error and warning,
//! with the line or JSON path it names.
use newsnlp_gazetteer::{Entries, ErrorKind, Gazetteer, GazetteerBuilder, WarningKind};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[cfg(all(feature = "json", feature = "toml"))]
#[test]
fn good_files_load() {
    for (file, entities, probe, span) in [
        ("good.tsv", 2, "Daesh in Idlib", 0..5),
        ("good.json", 2, "Hizbullah fighters", 0..9),
        ("good.toml", 2, "the Taleban", 4..11),
    ] {
        let entries = Entries::from_path(fixture(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(entries.len(), entities, "{file}");
        assert!(
            entries.warnings().is_empty(),
            "{file}: {:?}",
            entries.warnings()
        );
        let g = GazetteerBuilder::new().build(entries).unwrap();
        assert_eq!(g.find(probe).next().map(|m| m.span()), Some(span), "{file}");
    }
}

#[test]
fn tsv_rows_of_one_canonical_are_one_entity_with_kind_and_priority() {
    let g = GazetteerBuilder::new()
        .build_from_path(fixture("good.tsv"))
        .unwrap();
    let isis = g.entity(g.entity_by_name("ISIS").unwrap());
    let mut aliases: Vec<&str> = isis.aliases().map(|a| a.text()).collect();
    aliases.sort();
    assert_eq!(aliases, ["Daesh", "ISIL", "ISIS"]);
    assert_eq!(isis.kind().as_str(), "organization");
    assert_eq!(g.entity(g.entity_by_name("Idlib").unwrap()).priority(), 2);
}

#[cfg(all(feature = "json", feature = "toml"))]
#[test]
fn errors_name_the_line_or_path() {
    struct E {
        file: &'static str,
        kind: ErrorKind,
        line: Option<usize>,
        path: Option<&'static str>,
        says: &'static str,
    }
    let cases = [
        E {
            file: "empty_canonical.tsv",
            kind: ErrorKind::InvalidValue,
            line: Some(3),
            path: None,
            says: "empty canonical",
        },
        E {
            file: "bad_kind.tsv",
            kind: ErrorKind::InvalidValue,
            line: Some(3),
            path: None,
            says: "unknown kind \"minister\"",
        },
        E {
            file: "bad_priority.tsv",
            kind: ErrorKind::InvalidValue,
            line: Some(2),
            path: None,
            says: "not an integer",
        },
        E {
            file: "short_row.tsv",
            kind: ErrorKind::Syntax,
            line: Some(3),
            path: None,
            says: "expected at least 2",
        },
        E {
            file: "no_canonical.tsv",
            kind: ErrorKind::MissingColumn,
            line: Some(1),
            path: None,
            says: "`canonical`",
        },
        E {
            file: "no_alias.tsv",
            kind: ErrorKind::MissingColumn,
            line: Some(1),
            path: None,
            says: "`alias`",
        },
        E {
            file: "bad_type.json",
            kind: ErrorKind::Syntax,
            line: Some(4),
            path: Some("entities[1].aliases"),
            says: "invalid type",
        },
        E {
            file: "bad_kind.json",
            kind: ErrorKind::InvalidValue,
            line: None,
            path: Some("[1].kind"),
            says: "militia",
        },
        E {
            file: "unknown_field.json",
            kind: ErrorKind::Syntax,
            line: Some(1),
            path: Some("entities[0].alias"),
            says: "unknown field `alias`",
        },
        E {
            file: "syntax.json",
            kind: ErrorKind::Syntax,
            line: Some(2),
            path: None,
            says: "line 2",
        },
        E {
            file: "bad_kind.toml",
            kind: ErrorKind::InvalidValue,
            line: None,
            path: Some("entities[1].kind"),
            says: "network",
        },
        E {
            file: "syntax.toml",
            kind: ErrorKind::Syntax,
            line: Some(3),
            path: None,
            says: "line 3",
        },
        E {
            file: "bad_type.toml",
            kind: ErrorKind::Syntax,
            line: Some(3),
            path: Some("entity[0].priority"),
            says: "priority",
        },
    ];
    for c in cases {
        let err = Entries::from_path(fixture(c.file)).expect_err(c.file);
        let msg = err.to_string();
        assert_eq!(err.kind(), c.kind, "{}: {msg}", c.file);
        assert_eq!(err.line(), c.line, "{}: {msg}", c.file);
        if let Some(p) = c.path {
            assert_eq!(err.path(), Some(p), "{}: {msg}", c.file);
        }
        assert!(
            msg.contains(c.says),
            "{}: {msg:?} lacks {:?}",
            c.file,
            c.says
        );
        assert!(
            msg.contains(c.file),
            "{}: {msg:?} lacks the file name",
            c.file
        );
        assert!(!msg.contains('\n'), "{}: one line: {msg:?}", c.file);
    }
}

#[test]
fn io_errors_name_the_file() {
    let err = Gazetteer::from_tsv_path(fixture("missing.tsv")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert!(err.to_string().contains("missing.tsv"));
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn warnings_are_reported_with_lines_and_strict_mode_fails() {
    let path = fixture("warnings.tsv");
    let g = GazetteerBuilder::new().build_from_path(&path).unwrap();
    let got: Vec<(WarningKind, Option<usize>)> =
        g.warnings().iter().map(|w| (w.kind(), w.line())).collect();
    assert_eq!(
        got,
        [
            (WarningKind::EmptyAlias, Some(3)),
            (WarningKind::Conflict, Some(5)),
            (WarningKind::DuplicateAlias, Some(4)),
        ]
    );
    assert!(g.warnings()[1].message().contains("Vladimir Putin"));
    let err = GazetteerBuilder::new()
        .strict(true)
        .build_from_path(&path)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Strict);
    assert_eq!(err.line(), Some(3));
    assert!(err.to_string().contains("3 warning"), "{err}");
}

#[test]
fn empty_and_odd_inputs() {
    let err = Entries::from_tsv("").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MissingColumn);
    // A header alone is an empty gazetteer.
    let g = Gazetteer::from_tsv("alias\tcanonical\n").unwrap();
    assert!(g.is_empty());
    assert_eq!(g.find("anything at all").count(), 0);
    // CRLF line ends and a BOM are accepted.
    let g = Gazetteer::from_tsv("\u{FEFF}alias\tcanonical\r\nLyon\tLyon\r\n").unwrap();
    assert_eq!(g.find("in Lyon").next().unwrap().span(), 3..7);
    // An alias that normalizes to nothing is a warning.
    let g = Gazetteer::from_tsv("alias\tcanonical\n---\tDashes\n").unwrap();
    assert_eq!(g.warnings()[0].kind(), WarningKind::EmptyAlias);
    assert_eq!(g.warnings()[0].line(), Some(2));
}

#[test]
fn merge_with_or_replace_the_default() {
    let user = || {
        Entries::from_tsv(
            "alias\tcanonical\tkind\nT-Rex\tRex Tillerson\tperson\nIdlib\tIdlib\tplace\n",
        )
        .unwrap()
    };
    let mut merged = Entries::builtin();
    let before = merged.len();
    merged.merge(user());
    assert_eq!(
        merged.len(),
        before,
        "Rex Tillerson and Idlib are in the default gazetteer"
    );
    let g = GazetteerBuilder::new().build(merged).unwrap();
    let m = g.find("T-Rex").next().unwrap();
    assert_eq!(g.entity(m.entity().unwrap()).name(), "Rex Tillerson");
    assert!(g.find("Putin").next().is_some());

    let alone = GazetteerBuilder::new().build(user()).unwrap();
    assert_eq!(alone.len(), 2);
    assert!(alone.find("Putin").next().is_none());
}

#[test]
fn save_and_load_round_trip() {
    let g = Gazetteer::default();
    let mut tsv = Vec::new();
    g.write_tsv(&mut tsv).unwrap();
    let again = GazetteerBuilder::new()
        .strict(true)
        .build_from_tsv(std::str::from_utf8(&tsv).unwrap())
        .unwrap();
    assert_eq!(again.len(), g.len());
    let live = |g: &Gazetteer| g.entities().map(|e| e.aliases().count()).sum::<usize>();
    assert_eq!(live(&again), live(&g));
    let text = include_str!("../../../seeds/000_1561a38bbdfba1e1.txt");
    let a: Vec<_> = g
        .find_in_document(text)
        .iter()
        .map(|m| (m.span(), m.entity().map(|e| g.entity(e).name())))
        .collect();
    let b: Vec<_> = again
        .find_in_document(text)
        .iter()
        .map(|m| (m.span(), m.entity().map(|e| again.entity(e).name())))
        .collect();
    assert_eq!(a, b);
}

#[test]
fn the_embedded_gazetteer_is_clean() {
    let entries = Entries::builtin();
    assert!(entries.len() > 500, "{}", entries.len());
    // Strict: no empty, duplicate or conflicting alias in our own data.
    let g = GazetteerBuilder::new().strict(true).build(entries);
    assert!(g.is_ok(), "{:?}", g.err());
    assert!(g.unwrap().memory_usage() > 0);
}
