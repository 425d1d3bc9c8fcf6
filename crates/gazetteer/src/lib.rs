//! Placeholder: this crate is being written.
#![forbid(unsafe_code)]
