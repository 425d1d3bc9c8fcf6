//! Running the `newsnlp` binary in tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `newsnlp args…` with `stdin` as standard input; writes from a
/// thread, so that a large input cannot deadlock against the output.
pub fn run_raw(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsnlp"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsnlp starts");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("newsnlp runs");
    writer.join().expect("stdin writer");
    out
}
