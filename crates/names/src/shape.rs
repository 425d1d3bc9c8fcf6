//! The shape of a token, as names read it: a possessive ending, an
//! initial, capitals, a word for people of a place.

use newsnlp_text::Table;
use newsnlp_text::hash::short_key;

use newsnlp_text::table::possessive_bytes;
pub(crate) use newsnlp_text::table::possessive_len;

/// [`possessive_len`] of token `i`, by its bytes (no test of char
/// boundaries, as its text needs).
pub(crate) fn possessive_of(table: &Table<'_>, i: usize) -> usize {
    let bytes = table.text().as_bytes().get(table.span(i).range());
    possessive_bytes(bytes.unwrap_or_default())
}

/// The key of token `i`'s word without a possessive ending: "Lindqvist's
/// attorney" names the Lindqvist of "Gregory Lindqvist".
pub(crate) fn word_key(table: &Table<'_>, i: usize) -> Option<(u64, u64)> {
    if possessive_of(table, i) == 0 {
        return table.key(i);
    }
    let folded = table.folded(i);
    short_key(folded.strip_suffix("'s").unwrap_or(folded))
}

/// Whether a word names people from a place ("South Koreans", "New
/// Yorkers"): a place word before it makes no place.
pub(crate) fn demonym(token: &str) -> bool {
    ["ans", "ers", "ese"].iter().any(|s| token.ends_with(s))
}

/// Whether a token is an initial or a run of them: "F.", "W.H.S.".
pub(crate) fn initial(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() >= 2
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// Whether a token has letters and no lowercase one ("HANO", "U.S.").
pub(crate) fn all_caps(token: &str) -> bool {
    // ASCII by bytes, in one pass that stops at a lowercase letter.
    let mut capital = false;
    for &b in token.as_bytes() {
        if b >= 0x80 {
            return token.chars().any(char::is_alphabetic)
                && !token.chars().any(char::is_lowercase);
        }
        if b.is_ascii_lowercase() {
            return false;
        }
        capital |= b.is_ascii_uppercase();
    }
    capital
}
