/// The prefixes of the features named by a prefix and one token's word
/// (`WORD_PREFIXES[p]` + word) or two tokens' words joined by `_`
/// (`PAIR_PREFIXES[p]` + word + `_` + word).
///
/// Included by `features/mod.rs` and by the build script, which indexes
/// the embedded weight file's rows by them as the model's index does.
pub(crate) const WORD_PREFIXES: [&str; 10] = [
    "t:", "w:", "l1:", "l2:", "r1:", "r2:", "ln:", "rn:", "nearwl:", "nearwr:",
];
/// See [`WORD_PREFIXES`].
pub(crate) const PAIR_PREFIXES: [&str; 2] = ["lb:", "rb:"];
