//! `analyze --fields`: `--json` and `--jsonl` print only the parts asked
//! for, each equal to the same part of the full output; a bad list or a
//! format without JSON is a one-line error.

mod common;

use serde_json::{Map, Value};

const JSONL: &str = concat!(
    "{\"id\": 7, \"text\": \"“We agreed,” Putin said. Lavrov smiled.\"}\n",
    "{\"id\": \"b\", \"text\": \"Le café 😀: “Ça va,” Rex Tillerson said in Moscow.\"}\n",
);

fn lines(args: &[&str], stdin: &str) -> Vec<Map<String, Value>> {
    let out = common::run_raw(args, stdin.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| match serde_json::from_str(l).expect("JSON") {
            Value::Object(m) => m,
            other => panic!("not an object: {other}"),
        })
        .collect()
}

fn only(full: &Map<String, Value>, keys: &[&str]) -> Map<String, Value> {
    full.iter()
        .filter(|(k, _)| keys.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[test]
fn each_list_keeps_exactly_its_parts() {
    let full = lines(&["analyze", "--jsonl", "-"], JSONL);
    let cases: [(&str, &[&str]); 4] = [
        (
            "entities,quotes,stances",
            &["id", "entities", "quotes", "stances"],
        ),
        ("quotes", &["id", "quotes"]),
        ("sentences,stances", &["id", "sentences", "stances"]),
        (
            "sentences,entities,quotes,stances",
            &["id", "sentences", "entities", "quotes", "stances"],
        ),
    ];
    for (list, keys) in cases {
        let got = lines(&["analyze", "--jsonl", "--fields", list, "-"], JSONL);
        let want: Vec<_> = full.iter().map(|m| only(m, keys)).collect();
        assert_eq!(got, want, "--jsonl --fields {list}");
        let json = lines(
            &["analyze", "--json", "--fields", list, "-"],
            "“Fine,” Putin said.",
        );
        assert_eq!(json[0].len(), keys.len() - 1, "--json --fields {list}");
    }
    assert!(!full[0]["quotes"].as_array().expect("quotes").is_empty());
}

#[test]
fn bad_uses_are_errors() {
    let cases: [(&[&str], &str); 3] = [
        (
            &["analyze", "--json", "--fields", "tokens", "-"],
            "unknown field \"tokens\"",
        ),
        (
            &["analyze", "--fields", "quotes", "-"],
            "--fields needs --json or --jsonl",
        ),
        (
            &["analyze", "--count", "--fields", "quotes", "-"],
            "--fields needs --json or --jsonl",
        ),
    ];
    for (args, message) in cases {
        let out = common::run_raw(args, b"Putin spoke.");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
