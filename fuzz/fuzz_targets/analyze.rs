//! Fuzz target: the whole pipeline, stance included, twice on any UTF-8 input; see `newsnlp_fuzz` for the checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        newsnlp_fuzz::analyze(newsnlp_fuzz::layers(), text);
    }
});
