//! Placeholder.
#![forbid(unsafe_code)]
pub use newsnlp_tokenize as tokenize;
