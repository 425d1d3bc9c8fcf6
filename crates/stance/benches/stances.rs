//! Placeholder until the stances bench is written.
fn main() {}
