//! The commonest chunks that are more than one token, scanned without the
//! general scanner: a word of ASCII letters and digits (with at most one
//! inner apostrophe: "don't", "Assad’s") between an optional opening mark
//! and an optional final mark and closing quote ("“Yes,”", "year.",
//! "(AP)"). They are a fifth of the chunks of news text; their tokens are
//! exactly the ones [`Chunk::scan`](crate::scan) makes, without its checks
//! for what cannot be in them (URLs, e-mail addresses, joiners,
//! emoticons, runs of marks).

use crate::TokenKind;
use crate::scan::{Raw, alnum_run, clitic, is_abbreviation, word_kind};
use crate::tables::Tables;

/// An opening mark at the start of `rest`, before a word: its length and
/// kind (a straight quote opens before a word, as does `''`).
fn opening(rest: &[u8]) -> Option<(usize, TokenKind)> {
    match rest {
        [b'"', ..] => Some((1, TokenKind::OpenQuote)),
        [b'\'', b'\'', ..] => Some((2, TokenKind::OpenQuote)),
        [b'(', ..] => Some((1, TokenKind::Punctuation)),
        // “ and ‘.
        [0xE2, 0x80, 0x9C | 0x98, ..] => Some((3, TokenKind::OpenQuote)),
        _ => None,
    }
}

/// The length of an apostrophe (' or ’) at the start of `rest`, 0 for none.
fn apostrophe(rest: &[u8]) -> usize {
    match rest {
        [b'\'', ..] => 1,
        [0xE2, 0x80, 0x99, ..] => 3,
        _ => 0,
    }
}

/// Whether `rest` is exactly one closing quote after a word or a mark
/// (", ', '', ” or ’): every one of them closes there.
fn is_closing(rest: &[u8]) -> bool {
    matches!(
        rest,
        [b'"'] | [b'\''] | [b'\'', b'\''] | [0xE2, 0x80, 0x9D | 0x99]
    )
}

/// The split of a word with an inner apostrophe before `tail` (the letters
/// and digits after it), as [`Chunk::word`](crate::scan) finds it: at the
/// apostrophe of a clitic ("Assad|’s"), before the "n" of "n't" ("do|n't"),
/// else none (0).
fn clitic_split(before: &[u8], tail: &str) -> usize {
    if !before.iter().any(u8::is_ascii_alphabetic) {
        return 0;
    }
    if clitic(tail) {
        before.len()
    } else if (tail == "t" || tail == "T")
        && before.len() > 1
        && matches!(before.last(), Some(b'n' | b'N'))
    {
        before.len() - 1
    } else {
        0
    }
}

/// Scans the chunk `start..end` of `text` into `out` when it is a plain
/// chunk (see the module documentation); returns whether it was, having
/// pushed nothing when not.
pub(crate) fn scan_plain(
    text: &str,
    tables: &Tables,
    start: usize,
    end: usize,
    out: &mut Vec<Raw>,
) -> bool {
    let Some(b) = text.as_bytes().get(..end) else {
        return false;
    };
    let rest = |i: usize| b.get(i..).unwrap_or_default();
    let open = opening(rest(start));
    let word_start = start + open.map_or(0, |(len, _)| len);
    let mut j = alnum_run(b, word_start);
    if j == word_start {
        return false;
    }
    let mut split = 0;
    let mut kind = None;
    let ap = apostrophe(rest(j));
    if ap > 0 {
        let k = alnum_run(b, j + ap);
        if k > j + ap {
            let tail = text.get(j + ap..k).unwrap_or_default();
            split = clitic_split(&b[word_start..j], tail);
            kind = Some(TokenKind::Word);
            j = k;
        }
    }
    let word_end = j;
    let mark = matches!(
        b.get(j),
        Some(b',' | b'.' | b';' | b':' | b'?' | b'!' | b')')
    );
    let mark_end = j + usize::from(mark);
    if mark_end != end && !is_closing(rest(mark_end)) {
        return false;
    }
    // What is left: the tokens.
    if let Some((len, open_kind)) = open {
        push(out, start, start + len, open_kind, 0);
    }
    let mut kind = kind.unwrap_or_else(|| word_kind(&b[word_start..word_end]));
    let mut next = word_end;
    if mark
        && split == 0
        && b[word_end] == b'.'
        && is_abbreviation(
            tables,
            text,
            text.get(word_start..word_end).unwrap_or_default(),
            false,
            mark_end,
        )
    {
        kind = TokenKind::Abbreviation;
        next = mark_end;
    }
    push(out, word_start, next, kind, split);
    if next < mark_end {
        push(out, next, mark_end, TokenKind::Punctuation, 0);
    }
    if mark_end < end {
        push(out, mark_end, end, TokenKind::CloseQuote, 0);
    }
    true
}

fn push(out: &mut Vec<Raw>, start: usize, end: usize, kind: TokenKind, split: usize) {
    out.push(Raw {
        start,
        end,
        kind,
        split: split as u32,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::general_scan;

    /// Every chunk the plain scanner takes, from the pieces of plain
    /// chunks and some that are not, scans as the general scanner does.
    #[test]
    fn plain_chunks_scan_as_the_general_scanner_does() {
        let tables = Tables::embedded();
        let opens = ["", "\"", "''", "(", "“", "‘", "'", "’", "-"];
        let words = [
            "Assad", "don", "can", "10", "1990", "e", "Mr", "U", "No", "x1", "A", "n", "3a", "é",
        ];
        let tails = [
            "", "'s", "’s", "'t", "’T", "'90s", "'", "’", "'re", "'xyz", "-", "-mail",
        ];
        let marks = ["", ",", ".", ";", ":", "?", "!", ")", "..", "-"];
        let closes = ["", "\"", "'", "''", "”", "’", "”.", "D"];
        let (mut taken, mut all) = (0, 0);
        for open in opens {
            for word in words {
                for tail in tails {
                    for mark in marks {
                        for close in closes {
                            let chunk = format!("{open}{word}{tail}{mark}{close}");
                            // A number after it, for "No." ("No. 5").
                            let text = format!("{chunk} 5");
                            let mut plain = Vec::new();
                            all += 1;
                            if scan_plain(&text, &tables, 0, chunk.len(), &mut plain) {
                                taken += 1;
                                let general = general_scan(&text, &tables, 0, chunk.len());
                                assert_eq!(plain, general, "{chunk:?}");
                            } else {
                                assert!(plain.is_empty(), "{chunk:?}");
                            }
                        }
                    }
                }
            }
        }
        assert!(taken * 10 > all, "{taken} of {all}");
    }
}
