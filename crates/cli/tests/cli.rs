//! The `newsnlp` command against its contract (`shared/eval/README.md`) on
//! bad and hostile input: invalid UTF-8, missing and unreadable files, empty
//! files, a directory of 2,000 files with a bad one among them, JSONL
//! streams with malformed lines, a reader that closes the pipe early; and
//! the shapes of the outputs (`--json`, `--count`, `--html`, the report).

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use newsnlp::{Pipeline, SEED_ARTICLE};
use serde_json::Value;

/// What one run of the command gave.
struct Run {
    code: Option<i32>,
    out: String,
    err: String,
}

impl Run {
    fn of(o: Output) -> Run {
        Run {
            code: o.status.code(),
            out: String::from_utf8(o.stdout).expect("stdout is UTF-8"),
            err: String::from_utf8(o.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Panics unless the run exited with `code` and did not panic.
    fn expect(&self, code: i32, what: &str) -> &Run {
        assert!(
            !self.err.contains("panicked"),
            "{what}: panicked:\n{}",
            self.err
        );
        assert_eq!(
            self.code,
            Some(code),
            "{what}: exit code; stderr:\n{}",
            self.err
        );
        self
    }

    fn err_lines(&self) -> Vec<&str> {
        self.err.lines().collect()
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.out)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", &self.out[..self.out.len().min(200)]))
    }
}

/// Runs `newsnlp args…`, with `stdin` as standard input.
fn run(args: &[&str], stdin: &[u8]) -> Run {
    Run::of(common::run_raw(args, stdin))
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Valid UTF-8 up to byte 15, then a stray continuation byte.
const NOT_UTF8: &[u8] = b"Tillerson said \xff\xfe \xc3 that";

/// Spans `[s, e]` of `v`, checked to be in bounds and on char boundaries.
fn span(text: &str, v: &Value) -> std::ops::Range<usize> {
    let a = v
        .as_array()
        .unwrap_or_else(|| panic!("span {v} is not [s, e]"));
    assert_eq!(a.len(), 2, "span {v}");
    let (start, end) = (
        a[0].as_u64().expect("start") as usize,
        a[1].as_u64().expect("end") as usize,
    );
    assert!(
        start <= end && end <= text.len(),
        "span {v} out of a {}-byte text",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "span {v} splits a char"
    );
    start..end
}

/// `name N` lines, as `--count` prints them; panics on any other line.
fn counts(out: &str) -> std::collections::BTreeMap<String, usize> {
    out.lines()
        .map(|l| {
            let (k, v) = l
                .split_once(' ')
                .unwrap_or_else(|| panic!("not a count line: {l:?}"));
            (
                k.to_owned(),
                v.parse().unwrap_or_else(|_| panic!("not a count: {l:?}")),
            )
        })
        .collect()
}

/// Panics unless `out` holds the counts `want` (and maybe others).
fn assert_counts(out: &str, want: &[(&str, usize)]) {
    let got = counts(out);
    for (k, v) in want {
        assert_eq!(got.get(*k), Some(v), "{k} in {out:?}");
    }
}

#[test]
fn not_utf8_file_is_one_line_naming_file_and_offset() {
    let dir = tmp();
    let bad = write(dir.path(), "bad.txt", NOT_UTF8);
    for cmd in [
        &["tokenize", "--json"][..],
        &["entities", "--json"],
        &["quotes", "--json"],
        &["tokenize", "--count"],
    ] {
        let mut args = cmd.to_vec();
        args.push(s(&bad));
        let r = run(&args, b"");
        r.expect(1, &cmd.join(" "));
        assert_eq!(r.err_lines().len(), 1, "{cmd:?}: one line: {:?}", r.err);
        assert!(
            r.err.contains(s(&bad)),
            "{cmd:?}: names the file: {}",
            r.err
        );
        assert!(
            r.err.contains("byte offset 15"),
            "{cmd:?}: gives the offset: {}",
            r.err
        );
        assert!(r.out.is_empty(), "{cmd:?}: no output: {}", r.out);
    }
    // analyze: the error line first (a batch summary may follow).
    let r = run(&["analyze", "--json", s(&bad)], b"");
    r.expect(1, "analyze --json");
    let first = r.err_lines()[0];
    assert!(
        first.contains(s(&bad)) && first.contains("byte offset 15"),
        "{first}"
    );
}

#[test]
fn not_utf8_stdin_names_stdin_and_offset() {
    for cmd in [
        &["tokenize", "--json", "-"][..],
        &["quotes", "--json", "-"],
        &["analyze", "--json", "-"],
    ] {
        let r = run(cmd, NOT_UTF8);
        r.expect(1, &cmd.join(" "));
        let first = r.err_lines()[0];
        assert!(
            first.contains("<stdin>") && first.contains("byte offset 15"),
            "{cmd:?}: {first}"
        );
    }
}

#[test]
fn missing_and_unreadable_inputs_exit_1_naming_them() {
    let dir = tmp();
    let missing = dir.path().join("no such file.txt");
    for cmd in ["tokenize", "entities", "quotes", "analyze"] {
        let r = run(&[cmd, "--json", s(&missing)], b"");
        r.expect(1, cmd);
        assert!(r.err_lines()[0].contains(s(&missing)), "{cmd}: {}", r.err);
    }
    // A directory where a file is expected: open works, read fails.
    for cmd in ["tokenize", "entities", "quotes"] {
        let r = run(&[cmd, "--json", s(dir.path())], b"");
        r.expect(1, cmd);
        assert_eq!(r.err_lines().len(), 1, "{cmd}: {}", r.err);
        assert!(r.err.contains(s(dir.path())), "{cmd}: {}", r.err);
    }
    let r = run(&["stance", "--jsonl", s(&missing)], b"");
    r.expect(1, "stance --jsonl");
    assert!(r.err.contains(s(&missing)), "{}", r.err);
    let r = run(&["analyze", "--jsonl", s(&missing)], b"");
    r.expect(1, "analyze --jsonl");
    assert!(r.err.contains(s(&missing)), "{}", r.err);
}

#[test]
fn empty_input_is_valid_and_empty() {
    let dir = tmp();
    let empty = write(dir.path(), "empty.txt", b"");
    let e = s(&empty);
    let doc = run(&["analyze", "--json", e], b"")
        .expect(0, "analyze")
        .json();
    for key in ["sentences", "entities", "quotes"] {
        assert_eq!(doc[key], Value::Array(vec![]), "analyze {key}");
    }
    let tok = run(&["tokenize", "--json", e], b"")
        .expect(0, "tokenize")
        .json();
    assert_eq!(tok, serde_json::json!({"sentences": []}));
    let q = run(&["quotes", "--json", e], b"")
        .expect(0, "quotes")
        .json();
    assert_eq!(q, serde_json::json!({"quotes": []}));
    let ent = run(&["entities", "--json", e], b"")
        .expect(0, "entities")
        .json();
    assert_eq!(ent, serde_json::json!({"entities": []}));
    let c = run(&["analyze", "--count", e], b"");
    c.expect(0, "analyze --count");
    assert_counts(
        &c.out,
        &[
            ("sentences", 0),
            ("tokens", 0),
            ("entities", 0),
            ("quotes", 0),
        ],
    );
    assert!(counts(&c.out).values().all(|&n| n == 0), "{}", c.out);
    let c = run(&["tokenize", "--count", "-"], b"");
    c.expect(0, "tokenize --count -");
    assert_counts(&c.out, &[("sentences", 0), ("tokens", 0)]);
    run(&["stance", "--jsonl", e], b"").expect(0, "stance --jsonl");
    let r = run(&["analyze", "--jsonl", e], b"");
    r.expect(0, "analyze --jsonl");
    assert!(r.out.is_empty());
}

/// A directory of `n` small articles (some in a subdirectory), each naming
/// Putin once and quoting him once.
fn corpus(dir: &Path, n: usize) -> Vec<String> {
    let sub = dir.join("sub");
    std::fs::create_dir(&sub).expect("subdirectory");
    (0..n)
        .map(|i| {
            let d = if i % 10 == 0 { &sub } else { dir };
            let text = format!("“We talked about item {i},” Putin said.\n");
            s(&write(d, &format!("{i:04}.txt"), text.as_bytes())).to_owned()
        })
        .collect()
}

#[test]
fn directory_of_2000_files() {
    let dir = tmp();
    let mut files = corpus(dir.path(), 2000);
    files.sort();
    let root = s(dir.path());

    let c = run(&["analyze", "--count", root], b"");
    c.expect(0, "analyze --count DIR");
    // Each article: “ We talked about item N , ” Putin said . (11 tokens).
    assert_counts(
        &c.out,
        &[
            ("sentences", 2000),
            ("tokens", 22000),
            ("entities", 2000),
            ("quotes", 2000),
        ],
    );

    let j = run(&["analyze", "--json", root], b"");
    j.expect(0, "analyze --json DIR");
    let ids: Vec<String> = j
        .out
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("one JSON object per line");
            assert_eq!(v["quotes"].as_array().map(Vec::len), Some(1), "{l}");
            v["id"].as_str().expect("id").to_owned()
        })
        .collect();
    assert_eq!(ids, files, "every file, once, in sorted order");
}

#[test]
fn directory_with_one_bad_file_still_prints_the_others() {
    let dir = tmp();
    let mut files = corpus(dir.path(), 2000);
    let bad = write(dir.path(), "1500-bad.txt", NOT_UTF8);
    files.sort();
    let root = s(dir.path());

    let j = run(&["analyze", "--json", root], b"");
    j.expect(1, "analyze --json DIR with a bad file");
    let ids: Vec<&str> = j
        .out
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON line"))
        .map(|v| v["id"].as_str().map(str::to_owned).expect("id"))
        .map(|id| &*Box::leak(id.into_boxed_str()))
        .collect();
    assert_eq!(ids, files, "the good files, all of them, in order");
    let lines = j.err_lines();
    assert!(
        lines
            .iter()
            .any(|l| l.contains(s(&bad)) && l.contains("byte offset 15")),
        "the bad file is reported: {}",
        j.err
    );
    let last = lines.last().expect("a summary");
    assert!(
        last.contains(s(&bad)) && last.contains("1 of 2001"),
        "summary: {last}"
    );

    let c = run(&["analyze", "--count", root], b"");
    c.expect(1, "analyze --count DIR with a bad file");
    assert_counts(&c.out, &[("sentences", 2000), ("quotes", 2000)]);
    assert!(c.err.contains(s(&bad)), "{}", c.err);
}

#[test]
fn analyze_jsonl_answers_every_line_in_order() {
    let mut input = String::new();
    let mut bad = Vec::new();
    // Past the batch size (256), with malformed lines among good ones.
    for i in 0..600 {
        let line = match i % 100 {
            7 => "not json at all".to_owned(),
            8 => format!("{{\"id\": {i}, \"body\": \"no text field\"}}"),
            9 => format!("{{\"id\": {i}, \"text\": 42}}"),
            10 => "[1, 2".to_owned(),
            _ => format!("{{\"id\": {i}, \"text\": \"“Item {i},” Putin said.\"}}"),
        };
        if (7..=10).contains(&(i % 100)) {
            bad.push(i + 1);
        }
        input.push_str(&line);
        input.push('\n');
    }
    let r = run(&["analyze", "--jsonl", "-"], input.as_bytes());
    r.expect(1, "analyze --jsonl");
    let out: Vec<Value> = r
        .out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(out.len(), 600, "one line out per line in");
    for (i, v) in out.iter().enumerate() {
        if bad.contains(&(i + 1)) {
            assert!(v["error"].is_string(), "line {}: {v}", i + 1);
            if i % 100 == 8 || i % 100 == 9 {
                assert_eq!(v["id"], i, "the id is kept when readable");
            }
        } else {
            assert_eq!(v["id"], i, "order kept");
            assert_eq!(v["quotes"].as_array().map(Vec::len), Some(1), "{v}");
        }
    }
    for n in &bad {
        assert!(
            r.err_lines()
                .iter()
                .any(|l| l.contains(&format!("line {n}:"))),
            "line {n} reported: {}",
            r.err
        );
    }
}

#[test]
fn stance_jsonl_answers_every_line_in_order() {
    let lines = [
        r#"{"text": "Putin is a wonderful leader.", "target": [0, 5]}"#,
        "not json",
        r#"{"text": "Putin is a wonderful leader.", "target": [20, 5]}"#,
        r#"{"text": "Putin is a wonderful leader.", "target": [0, 500]}"#,
        r#"{"text": "Putin is a wonderful leader."}"#,
        "",
        r#"{"text": "Assad’s forces failed.", "target": [0, 6]}"#,
        r#"{"text": "", "target": [0, 0]}"#,
        r#"{"text": "Lavrov lied.", "target": [0, 6]}"#,
    ];
    let input = lines.join("\n") + "\n";
    let r = run(&["stance", "--jsonl", "-"], input.as_bytes());
    r.expect(1, "stance --jsonl");
    let out: Vec<Value> = r
        .out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(out.len(), lines.len(), "one answer per line: {}", r.out);
    // Line 7's target ends inside "’" (a character of 3 bytes) and line 8's
    // is empty: errors, like a reversed one (line 3) or one past the end.
    for (i, v) in out.iter().enumerate() {
        let bad = (2..=8).contains(&(i + 1));
        if bad {
            assert!(v["error"].is_string(), "line {}: {v}", i + 1);
            assert!(
                r.err.contains(&format!("line {}:", i + 1)),
                "line {} reported: {}",
                i + 1,
                r.err
            );
        } else {
            let p = v["polarity"]
                .as_str()
                .unwrap_or_else(|| panic!("line {}: {v}", i + 1));
            assert!(["negative", "neutral", "positive"].contains(&p), "{p}");
        }
    }
    for (line, why) in [(3, "reversed"), (7, "inside a character"), (8, "empty")] {
        let e = out[line - 1]["error"].as_str().unwrap_or_default();
        assert!(e.contains(why), "line {line}: {e}");
    }
}

/// Runs `newsnlp args…` reading one byte of its output, then closing the
/// pipe: it must exit 0 without a panic message.
fn closed_stdout(args: &[&str]) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsnlp"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsnlp starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).expect("some output");
    drop(stdout);
    let r = Run::of(child.wait_with_output().expect("newsnlp ends"));
    assert!(!r.err.contains("panicked"), "{args:?}: panicked: {}", r.err);
    assert_eq!(
        r.code,
        Some(0),
        "{args:?}: a closed stdout is not an error: {}",
        r.err
    );
}

#[test]
fn closed_stdout_is_not_an_error() {
    let dir = tmp();
    // Output far larger than a pipe's buffer.
    let big = write(
        dir.path(),
        "big.txt",
        format!("{SEED_ARTICLE}\n\n").repeat(60).as_bytes(),
    );
    let jsonl: String = (0..2000)
        .map(|i| format!("{{\"id\": {i}, \"text\": \"Putin said it was fine.\"}}\n"))
        .collect();
    let stream = write(dir.path(), "stream.jsonl", jsonl.as_bytes());
    let stance: String = (0..20000)
        .map(|_| "{\"text\": \"Putin lied.\", \"target\": [0, 5]}\n")
        .collect();
    let stance = write(dir.path(), "stance.jsonl", stance.as_bytes());
    closed_stdout(&["analyze", "--json", s(&big)]);
    closed_stdout(&["analyze", s(&big)]);
    closed_stdout(&["tokenize", "--json", s(&big)]);
    closed_stdout(&["tokenize", s(&big)]);
    closed_stdout(&["entities", "--json", s(&big)]);
    closed_stdout(&["quotes", "--json", s(&big)]);
    closed_stdout(&["analyze", "--jsonl", s(&stream)]);
    closed_stdout(&["stance", "--jsonl", s(&stance)]);
    let many = dir.path().join("many");
    std::fs::create_dir(&many).expect("dir");
    corpus(&many, 300);
    closed_stdout(&["analyze", "--json", s(&many)]);
}

#[test]
fn analyze_without_input_reports_the_seed() {
    let r = run(&["analyze"], b"");
    r.expect(0, "analyze");
    assert!(r.out.contains("Rex Tillerson"), "{}", r.out);
    assert!(r.out.contains("Vladimir Putin"), "{}", r.out);
    let j = run(&["analyze", "--json"], b"");
    j.expect(0, "analyze --json");
    let seed = j.json();
    let dir = tmp();
    let file = write(dir.path(), "seed.txt", SEED_ARTICLE.as_bytes());
    assert_eq!(
        run(&["analyze", "--json", s(&file)], b"")
            .expect(0, "file")
            .json(),
        seed
    );
}

#[test]
fn analyze_json_has_the_contract_shape() {
    let dir = tmp();
    let file = write(dir.path(), "seed.txt", SEED_ARTICLE.as_bytes());
    let doc = run(&["analyze", "--json", s(&file)], b"")
        .expect(0, "analyze --json")
        .json();
    let text = SEED_ARTICLE;
    let sentences = doc["sentences"].as_array().expect("sentences");
    assert!(sentences.len() > 10);
    let mut prev = 0;
    for sent in sentences {
        let start = sent["start"].as_u64().expect("start") as usize;
        let end = sent["end"].as_u64().expect("end") as usize;
        assert!(prev <= start && start < end && end <= text.len());
        for t in sent["tokens"].as_array().expect("tokens") {
            let r = span(text, t);
            assert!(start <= r.start && r.end <= end && prev <= r.start);
            prev = r.end;
        }
    }
    let entities = doc["entities"].as_array().expect("entities");
    let names: Vec<&str> = entities.iter().filter_map(|e| e["name"].as_str()).collect();
    assert!(
        names.contains(&"Rex Tillerson") && names.contains(&"Vladimir Putin"),
        "{names:?}"
    );
    for e in entities {
        span(text, &e["span"]);
        assert!(e["kind"].is_string() || e["kind"].is_null());
    }
    let quotes = doc["quotes"].as_array().expect("quotes");
    assert!(!quotes.is_empty());
    for q in quotes {
        assert!(["direct", "indirect", "mixed"].contains(&q["kind"].as_str().expect("kind")));
        span(text, &q["content"]);
        for k in ["cue", "source"] {
            if !q[k].is_null() {
                span(text, &q[k]);
            }
        }
        assert!(q["speaker"].is_string() || q["speaker"].is_null());
        let c = q["confidence"].as_f64().expect("confidence");
        assert!((0.0..=1.0).contains(&c), "{c}");
    }
    if let Some(stances) = doc.get("stances") {
        for st in stances.as_array().expect("stances is a list") {
            span(text, &st["evidence"]);
            let c = st["certainty"].as_f64().expect("certainty");
            assert!((0.0..=1.0).contains(&c), "{c}");
            let p = st["polarity"].as_str().expect("polarity");
            assert!(["negative", "neutral", "positive"].contains(&p), "{p}");
        }
    }
}

#[test]
fn tokenize_json_matches_the_library() {
    let text = "Mr. Tillerson met Putin.\n\n“It’s fine,” he said… U.S.-Russia ties!";
    let v = run(&["tokenize", "--json", "-"], text.as_bytes())
        .expect(0, "tokenize")
        .json();
    let doc = newsnlp::tokenize::Tokenizer::new().tokenize(text);
    let want: Vec<Value> = doc
        .sentences()
        .iter()
        .map(|s| {
            let tokens: Vec<[usize; 2]> = doc
                .sentence_tokens(s)
                .iter()
                .map(|t| [t.span.start, t.span.end])
                .collect();
            serde_json::json!({"start": s.span.start, "end": s.span.end, "tokens": tokens})
        })
        .collect();
    assert_eq!(v, serde_json::json!({ "sentences": want }));
    assert!(want.len() >= 3);
}

#[test]
fn counts_match_the_library() {
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze(SEED_ARTICLE);
    let (sentences, tokens) = (doc.tokens().sentences().len(), doc.tokens().tokens().len());
    let (entities, quotes) = (doc.mentions().len(), doc.quotes().len());
    let dir = tmp();
    let f = write(dir.path(), "seed.txt", SEED_ARTICLE.as_bytes());
    let r = run(&["tokenize", "--count", s(&f)], b"");
    r.expect(0, "tokenize --count");
    assert_counts(&r.out, &[("sentences", sentences), ("tokens", tokens)]);
    let r = run(&["analyze", "--count", s(&f)], b"");
    r.expect(0, "analyze --count");
    assert_counts(
        &r.out,
        &[
            ("sentences", sentences),
            ("tokens", tokens),
            ("entities", entities),
            ("quotes", quotes),
        ],
    );
    let seed = run(&["analyze", "--count"], b"");
    assert_eq!(seed.expect(0, "analyze --count (seed)").out, r.out);
    let r = run(&["quotes", "--count", s(&f)], b"");
    r.expect(0, "quotes --count");
    let attributed = doc.quotes().iter().filter(|q| q.speaker.is_some()).count();
    assert_counts(&r.out, &[("quotes", quotes), ("attributed", attributed)]);
    // The gazetteer's mentions and the names it does not list, as
    // `analyze` lists them.
    let r = run(&["entities", "--count", s(&f)], b"");
    r.expect(0, "entities --count");
    let linked = doc.mentions().iter().filter(|m| m.name().is_some()).count();
    assert_counts(&r.out, &[("mentions", entities), ("linked", linked)]);
    assert!(entities > pipeline.gazetteer().find(SEED_ARTICLE).count());
}

/// `s` as the page escapes text.
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn analyze_html_writes_a_page_with_the_seeds_quotes() {
    let dir = tmp();
    let out = dir.path().join("seed.html");
    let r = run(&["analyze", "--html", s(&out)], b"");
    r.expect(0, "analyze --html");
    let page = std::fs::read_to_string(&out).expect("the page is written");
    assert!(page.to_lowercase().contains("<html"), "a page");
    assert!(
        !page.contains("<script src") && !page.contains("<link"),
        "self-contained"
    );
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze(SEED_ARTICLE);
    assert!(!doc.quotes().is_empty());
    for q in doc.quotes() {
        // The longest stretch of the content without markup cuts: its
        // first word run, escaped as the page escapes it.
        let content = &SEED_ARTICLE[q.content.range()];
        let word = content
            .split_whitespace()
            .max_by_key(|w| w.len())
            .expect("a word");
        assert!(
            page.contains(&html_escape(word)),
            "quote word {word:?} not on the page"
        );
        if let Some(name) = q.speaker_name() {
            assert!(
                page.contains(&html_escape(name)),
                "speaker {name:?} not on the page"
            );
        }
    }
    // A second input is refused, naming the problem; the page is not overwritten.
    let f = write(dir.path(), "a.txt", b"Putin spoke.");
    let r = run(&["analyze", "--html", s(&out), s(&f), s(&f)], b"");
    r.expect(1, "analyze --html with two inputs");
    assert_eq!(std::fs::read_to_string(&out).expect("page"), page);
}

#[test]
fn analyze_html_lists_the_stances_of_a_small_input() {
    let dir = tmp();
    let f = write(
        dir.path(),
        "two.txt",
        "Vladimir Putin criticized the sanctions on Monday. Angela Merkel welcomed the agreement."
            .as_bytes(),
    );
    let out = dir.path().join("two.html");
    run(&["analyze", "--html", s(&out), s(&f)], b"").expect(0, "analyze --html");
    let page = std::fs::read_to_string(&out).expect("the page is written");
    let side = &page[page.find("<h2>Stances</h2>").expect("a stance section")..];
    // (holder, target, polarity) in text order, each an item of the list
    // whose evidence and target are marked in the article.
    let want = [
        ("Vladimir Putin", "the sanctions", "negative"),
        ("Angela Merkel", "the agreement", "positive"),
    ];
    for (i, (holder, target, polarity)) in want.iter().enumerate() {
        let item = format!(
            "<li class=\"pol-{polarity}\" data-stance=\"{i}\"><button type=\"button\" \
             aria-pressed=\"false\"><span class=\"holder\">{holder}</span> → \
             <span class=\"target\">{target}</span></button> <span class=\"pol\">{polarity}</span>"
        );
        assert!(side.contains(&item), "no stance item {item}:\n{side}");
        let marked = format!("data-evidence=\"{i}\" data-target=\"{i}\">{target}</span>");
        assert!(page.contains(&marked), "{target} not marked in the text");
    }
    assert_eq!(side.matches("<li class=\"pol-").count(), want.len());
}

#[test]
fn custom_gazetteer_and_its_errors() {
    let dir = tmp();
    let text = write(dir.path(), "a.txt", "Jane Roe met Putin.".as_bytes());
    let good = write(
        dir.path(),
        "g.tsv",
        b"alias\tcanonical\nJane Roe\tJane Roe\n",
    );
    for cmd in ["entities", "analyze"] {
        let v = run(&[cmd, "--json", "--gazetteer", s(&good), s(&text)], b"")
            .expect(0, cmd)
            .json();
        let names: Vec<&str> = v["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .filter_map(|e| e["name"].as_str())
            .collect();
        assert_eq!(
            names,
            ["Jane Roe"],
            "{cmd}: the custom gazetteer replaces the default"
        );
    }
    let header = write(dir.path(), "bad.tsv", b"name\tx\nJane\tJ\n");
    let missing = dir.path().join("missing.tsv");
    for g in [&header, &missing] {
        let r = run(&["entities", "--json", "--gazetteer", s(g), s(&text)], b"");
        r.expect(1, "entities --gazetteer BAD");
        assert_eq!(r.err_lines().len(), 1, "{}", r.err);
        assert!(r.err.contains(s(g)), "names the gazetteer: {}", r.err);
        assert!(r.out.is_empty());
    }
    let r = run(&["entities", "--gazetteer", s(&header), s(&text)], b"");
    assert!(
        r.err.contains("canonical"),
        "says what is missing: {}",
        r.err
    );
}

#[test]
fn gazetteer_rows_it_skips_are_said_on_stderr() {
    let dir = tmp();
    let text = write(dir.path(), "a.txt", b"Jane Roe met Putin.");
    let g = write(
        dir.path(),
        "g.tsv",
        b"alias\tcanonical\nJane Roe\tJane Roe\n\tNobody\n",
    );
    let r = run(&["entities", "--json", "--gazetteer", s(&g), s(&text)], b"");
    r.expect(0, "entities");
    assert_eq!(r.err_lines().len(), 1, "one warning line: {}", r.err);
    assert!(
        r.err.contains(s(&g)) && r.err.contains("line 3") && r.err.contains("empty alias"),
        "names the file, the line and the problem: {}",
        r.err
    );
    assert_eq!(r.json()["entities"][0]["name"], "Jane Roe");
}

/// The fuzz corpus of the `analyze` target: hostile shapes at small size.
fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/analyze")
}

#[test]
fn hostile_inputs_through_analyze_batch() {
    let dir = hostile_dir();
    let mut valid = Vec::new();
    let mut invalid = Vec::new();
    for e in std::fs::read_dir(&dir).expect("fuzz/corpus/analyze") {
        let p = e.expect("entry").path();
        let bytes = std::fs::read(&p).expect("corpus file");
        match String::from_utf8(bytes) {
            Ok(t) => valid.push((s(&p).to_owned(), t)),
            Err(_) => invalid.push(s(&p).to_owned()),
        }
    }
    valid.sort();
    assert!(valid.len() >= 10 && !invalid.is_empty());

    let r = run(&["analyze", "--json", s(&dir)], b"");
    r.expect(1, "analyze --json on the hostile corpus");
    let docs: Vec<Value> = r
        .out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(docs.len(), valid.len(), "one object per valid input");
    for (doc, (name, text)) in docs.iter().zip(&valid) {
        assert_eq!(doc["id"].as_str(), Some(name.as_str()));
        for sent in doc["sentences"].as_array().expect("sentences") {
            for t in sent["tokens"].as_array().expect("tokens") {
                span(text, t);
            }
        }
        for e in doc["entities"].as_array().expect("entities") {
            span(text, &e["span"]);
        }
        for q in doc["quotes"].as_array().expect("quotes") {
            span(text, &q["content"]);
        }
        for st in doc["stances"].as_array().map_or(&[][..], Vec::as_slice) {
            span(text, &st["evidence"]);
        }
    }
    let summary = r.err_lines().last().copied().unwrap_or_default();
    for bad in &invalid {
        assert!(
            summary.contains(bad.as_str()),
            "{bad} in the summary: {summary}"
        );
    }

    let report = run(&["analyze", s(&dir)], b"");
    report.expect(1, "analyze (report) on the hostile corpus");
    assert_eq!(
        report.out.matches("\n== ").count() + usize::from(report.out.starts_with("== ")),
        valid.len()
    );
}

#[test]
fn hostile_mix_through_every_command() {
    // Every valid hostile shape in one file, paragraphs apart.
    let mut files: Vec<PathBuf> = std::fs::read_dir(hostile_dir())
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mix: String = files
        .iter()
        .filter_map(|p| String::from_utf8(std::fs::read(p).expect("file")).ok())
        .collect::<Vec<_>>()
        .join("\n\n");
    let dir = tmp();
    let f = write(dir.path(), "mix.txt", mix.as_bytes());
    let f = s(&f);
    let tok = run(&["tokenize", "--json", f], b"")
        .expect(0, "tokenize --json")
        .json();
    for sent in tok["sentences"].as_array().expect("sentences") {
        for t in sent["tokens"].as_array().expect("tokens") {
            span(&mix, t);
        }
    }
    let q = run(&["quotes", "--json", f], b"")
        .expect(0, "quotes --json")
        .json();
    for q in q["quotes"].as_array().expect("quotes") {
        span(&mix, &q["content"]);
        let c = q["confidence"].as_f64().expect("confidence");
        assert!((0.0..=1.0).contains(&c));
    }
    let e = run(&["entities", "--json", f], b"")
        .expect(0, "entities --json")
        .json();
    assert!(!e["entities"].as_array().expect("entities").is_empty());
    let st = run(&["stance", "--json", f], b"")
        .expect(0, "stance --json")
        .json();
    for s in st["stances"].as_array().expect("stances") {
        span(&mix, &s["evidence"]);
    }
    run(&["stance", f], b"").expect(0, "stance");
    run(&["quotes", f], b"").expect(0, "quotes");
    run(&["entities", f], b"").expect(0, "entities");
    for cmd in ["tokenize", "entities", "quotes", "analyze"] {
        let r = run(&[cmd, "--count", f], b"");
        r.expect(0, cmd);
        assert!(!counts(&r.out).is_empty());
    }
    let page = dir.path().join("mix.html");
    run(&["analyze", "--html", s(&page), f], b"").expect(0, "analyze --html");
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(html.contains("Tillerson") && html.trim_end().ends_with("</html>"));
}
