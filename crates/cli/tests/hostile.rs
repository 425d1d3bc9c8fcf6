//! The hostile inputs of issue 17 against the command: symbolic link loops,
//! special files and names that are not UTF-8 in directories, endless and
//! random streams, lines and documents over their caps, ids beyond 64 bits,
//! a stderr that cannot be written, many failures in one batch, and a run
//! of blank lines before a quote (linear cutting for `--count`). Each case
//! must end within seconds, with exit 0 or 1, never a panic.

#![cfg(unix)]

use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of the command gave.
struct Run {
    code: Option<i32>,
    out: String,
    err: String,
}

/// Runs `newsnlp args…` (stdin empty) with `stderr` as its standard error
/// (piped when `None`); fails the test if it runs over `limit`.
fn run_within(args: &[&std::ffi::OsStr], limit: Duration, stderr: Option<Stdio>) -> Run {
    let piped = stderr.is_none();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsnlp"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr.unwrap_or_else(Stdio::piped))
        .spawn()
        .expect("newsnlp starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take();
    let readers = std::thread::spawn(move || {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let _ = stdout.read_to_end(&mut out);
        if let Some(e) = stderr.as_mut() {
            let _ = e.read_to_end(&mut err);
        }
        (out, err)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (out, err) = readers.join().expect("readers");
    let run = Run {
        code: status.code(),
        out: String::from_utf8_lossy(&out).into_owned(),
        err: String::from_utf8_lossy(&err).into_owned(),
    };
    assert!(
        !run.err.contains("panicked") && matches!(run.code, Some(0 | 1)),
        "{args:?}: exit {:?}, piped stderr {piped}:\n{}",
        run.code,
        run.err
    );
    run
}

fn run(args: &[&str]) -> Run {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    run_within(&args, Duration::from_secs(60), None)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Checks that the run exited 1 saying `what` on stderr.
fn assert_fails(r: &Run, what: &str) {
    assert_eq!(r.code, Some(1), "{}", r.err);
    assert!(r.err.contains(what), "{what}: {}", r.err);
}

/// The `name value` lines of a `--count` output.
fn count(out: &str, name: &str) -> usize {
    out.lines()
        .find_map(|l| l.strip_prefix(name)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {out:?}"))
}

#[test]
fn symbolic_link_loops_and_special_files_in_a_directory() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path().join("s");
    std::fs::create_dir_all(d.join("sub")).expect("dirs");
    std::fs::write(d.join("a.txt"), "Putin spoke.\n").expect("a");
    std::fs::write(d.join("sub/b.txt"), "Lavrov spoke.\n").expect("b");
    for (link, to) in [("x", "."), ("y", "."), ("self", "."), ("up", "..")] {
        std::os::unix::fs::symlink(to, d.join(link)).expect("link");
    }
    std::os::unix::fs::symlink("sub", d.join("sub2")).expect("link to a sibling");
    std::os::unix::fs::symlink("a.txt", d.join("z-again.txt")).expect("link to a file");
    let fifo = Command::new("mkfifo")
        .arg(d.join("pipe"))
        .status()
        .expect("mkfifo runs");
    assert!(fifo.success());
    let _socket = std::os::unix::net::UnixListener::bind(d.join("sock")).expect("socket");

    let r = run(&["analyze", "--count", s(&d)]);
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert_eq!(count(&r.out, "sentences"), 2, "each file once: {}", r.out);
    for what in [
        "pipe: skipped: not a regular file (a FIFO)",
        "sock: skipped",
    ] {
        assert!(r.err.contains(what), "{what}: {}", r.err);
    }
    assert!(
        r.err.lines().all(|l| l.starts_with("newsnlp: ")),
        "{}",
        r.err
    );

    let j = run(&["analyze", "--json", s(&d)]);
    let ids: Vec<String> = j
        .out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON")["id"].to_string())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids[0].ends_with("s/a.txt\"") && ids[1].ends_with("s/sub/b.txt\""));
}

#[test]
fn file_names_that_are_not_utf8() {
    let dir = tempfile::tempdir().expect("tmp");
    let name = std::ffi::OsStr::from_bytes(b"b\xff.txt");
    std::fs::write(dir.path().join(name), "Putin spoke. Lavrov too.\n").expect("file");
    std::fs::write(
        dir.path().join(std::ffi::OsStr::from_bytes(b"c\xfe.txt")),
        b"\xff",
    )
    .expect("bad file");
    let limit = Duration::from_secs(60);
    let d = dir.path().as_os_str();
    let r = run_within(&["analyze".as_ref(), "--count".as_ref(), d], limit, None);
    assert_eq!(count(&r.out, "sentences"), 2, "{}", r.err);
    assert!(
        r.err
            .contains("c\u{FFFD}.txt: not valid UTF-8 at byte offset 0"),
        "{}",
        r.err
    );
    let file = dir.path().join(name);
    for cmd in ["analyze", "tokenize"] {
        let r = run_within(
            &[cmd.as_ref(), "--count".as_ref(), file.as_os_str()],
            limit,
            None,
        );
        assert_eq!(
            (r.code, count(&r.out, "sentences")),
            (Some(0), 2),
            "{}",
            r.err
        );
    }
}

#[test]
fn a_stream_of_bad_bytes_fails_at_the_first_one() {
    let r = run(&["tokenize", "--count", "/dev/urandom"]);
    assert_fails(&r, "/dev/urandom: not valid UTF-8 at byte offset");
    // Valid text for 300 KB (more than one part), then a bad byte.
    let dir = tempfile::tempdir().expect("tmp");
    let mut bytes = "Putin spoke.\n\n".repeat(300_000 / 14).into_bytes();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xff more");
    let f = dir.path().join("late.txt");
    std::fs::write(&f, bytes).expect("file");
    for args in [
        ["tokenize", "--count"],
        ["quotes", "--count"],
        ["analyze", "--count"],
        ["analyze", "--json"],
    ] {
        let r = run(&[args[0], args[1], s(&f)]);
        assert_eq!(r.code, Some(1), "{args:?}");
        let want = format!("late.txt: not valid UTF-8 at byte offset {offset}");
        assert_eq!(r.err.lines().count(), 1, "{args:?}: {}", r.err);
        assert!(r.err.contains(&want), "{args:?}: {}", r.err);
    }
}

#[test]
fn endless_lines_and_documents_end_with_one_error() {
    let r = run(&[
        "analyze",
        "--jsonl",
        "--max-line-bytes",
        "1000000",
        "/dev/zero",
    ]);
    assert_eq!(r.code, Some(1));
    assert_eq!(r.out.lines().count(), 1, "{}", r.out);
    assert!(
        r.out.contains("\"error\"") && r.out.contains("--max-line-bytes"),
        "{}",
        r.out
    );
    assert!(
        r.err.contains("line 1: a line of more than 1000000 bytes"),
        "{}",
        r.err
    );
    for cmd in ["analyze", "tokenize"] {
        let r = run(&[cmd, "--count", "--max-doc-bytes", "1000000", "/dev/zero"]);
        assert_fails(&r, "/dev/zero: a document of more than 1000000 bytes");
    }
    let dir = tempfile::tempdir().expect("tmp");
    let f = dir.path().join("doc.txt");
    std::fs::write(&f, "Putin spoke. ".repeat(20)).expect("file");
    let r = run(&["analyze", "--json", "--max-doc-bytes", "100", s(&f)]);
    assert_eq!((r.code, r.err.lines().count()), (Some(1), 1), "{}", r.err);
    assert!(r.err.contains("--max-doc-bytes"), "{}", r.err);
    run(&["analyze", "--json", "--max-doc-bytes", "260", s(&f)]);
}

#[test]
fn jsonl_caps_lines_accepts_a_bom_and_echoes_ids_exactly() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = dir.path().join("in.jsonl");
    let long = format!("{{\"id\": 2, \"text\": \"{}\"}}", "word ".repeat(400));
    let lines = [
        "\u{FEFF}{\"id\": 1, \"text\": \"Putin spoke.\"}".to_owned(),
        long,
        "{\"id\": 18446744073709551616, \"text\": \"Putin spoke.\"}".to_owned(),
        "{\"id\": 123456789012345678901234567890, \"txt\": \"x\"}".to_owned(),
        "{\"id\": 1.5e3, \"text\": \"x\"}".to_owned(),
    ];
    std::fs::write(&f, lines.join("\n") + "\n").expect("file");
    let r = run(&["analyze", "--jsonl", "--max-line-bytes", "1000", s(&f)]);
    assert_eq!(r.code, Some(1), "{}", r.err);
    let out: Vec<&str> = r.out.lines().collect();
    assert_eq!(out.len(), 5, "{}", r.out);
    assert!(
        out[0].contains("\"id\":1,") && !out[0].contains("error"),
        "{}",
        out[0]
    );
    assert!(out[1].contains("more than 1000 bytes"), "{}", out[1]);
    assert!(
        out[2].contains("\"id\":18446744073709551616,"),
        "{}",
        out[2]
    );
    assert!(
        out[3].contains("\"id\":123456789012345678901234567890}"),
        "{}",
        out[3]
    );
    assert!(out[3].contains("missing string field"), "{}", out[3]);
    assert!(out[4].contains("\"id\":1.5e3,"), "{}", out[4]);
    assert!(
        r.err.contains("line 2: a line of more than 1000 bytes"),
        "{}",
        r.err
    );
}

#[test]
fn a_stderr_that_cannot_be_written_stops_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = dir.path().join("bad.jsonl");
    std::fs::write(
        &f,
        "{\"id\": 1, \"text\": \"a\"}\nnot json\n{\"id\": 3, \"text\": \"b\"}\n",
    )
    .expect("file");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let args = ["analyze".as_ref(), "--jsonl".as_ref(), f.as_os_str()];
    let r = run_within(&args, Duration::from_secs(60), Some(full.into()));
    assert_eq!(r.code, Some(1));
    assert_eq!(r.out.lines().count(), 3, "every line answered: {}", r.out);
}

#[test]
fn many_failures_are_summarized_in_a_short_line() {
    let dir = tempfile::tempdir().expect("tmp");
    for i in 0..40 {
        std::fs::write(dir.path().join(format!("{i:03}-bad.txt")), b"\xff").expect("file");
    }
    std::fs::write(dir.path().join("good.txt"), "Putin spoke.").expect("file");
    let r = run(&["analyze", "--count", s(dir.path())]);
    assert_eq!(r.code, Some(1));
    assert_eq!(count(&r.out, "sentences"), 1);
    let last = r.err.lines().last().expect("a summary");
    assert!(last.contains("40 of 41 inputs failed"), "{last}");
    assert!(
        last.contains("000-bad.txt") && last.contains("and 35 more"),
        "{last}"
    );
    assert!(last.len() < 600, "{last}");
    assert_eq!(
        r.err.lines().count(),
        41,
        "one line per failure and the summary"
    );
}

/// `analyze --count` on `word`s for more than a part, a run of `n` blank
/// lines, then a quote: the wall time of the whole command.
fn newlines_before_a_quote(dir: &Path, n: usize) -> Duration {
    let f = dir.join(format!("n{n}.txt"));
    let text = format!(
        "{}{}\"Hi,\" Putin said.\n",
        "word ".repeat(53_000),
        "\n".repeat(n)
    );
    std::fs::write(&f, text).expect("file");
    (0..2)
        .map(|_| {
            let start = Instant::now();
            let r = run(&["analyze", "--count", s(&f)]);
            assert_eq!(count(&r.out, "quotes"), 1);
            start.elapsed()
        })
        .min()
        .expect("runs")
}

#[test]
fn count_cuts_runs_of_blank_lines_in_linear_time() {
    let dir = tempfile::tempdir().expect("tmp");
    let [t1, t4, t16] = [1, 4, 16].map(|k| newlines_before_a_quote(dir.path(), k * 25_000));
    // Linear is at most 16 (less: the words and the start cost the same at
    // every size); the quadratic cutting it replaces gave about 250.
    let ratio = t16.as_secs_f64() / t1.as_secs_f64();
    assert!(ratio < 40.0, "{t1:?}, {t4:?}, {t16:?}");
}

#[test]
fn several_inputs_say_which_file_each_object_came_from() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "Putin spoke.").expect("file");
    let one = run(&["analyze", "--json", s(&f)]);
    assert!(!one.out.contains("\"id\""), "one input, no id: {}", one.out);
    let two = run(&["analyze", "--json", "-", s(&f)]);
    let ids: Vec<String> = two
        .out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON")["id"].to_string())
        .collect();
    assert_eq!(ids, [r#""-""#.to_owned(), format!("{:?}", s(&f))]);
}
