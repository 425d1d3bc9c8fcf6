//! Character classes used by the scanner.
//!
//! Everything here is a pure function of one `char`, so that the scanner can
//! stay a straight loop. ASCII is answered from a table; the rest from std's
//! Unicode properties and a few explicit ranges.

/// Whether `c` separates tokens: Unicode `White_Space` (which includes
/// U+00A0 NO-BREAK SPACE, U+2000..U+200A, U+202F, U+3000, line and paragraph
/// separators) plus the zero-width space and the byte-order mark, which
/// scraped news text carries between words.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Whether `c` continues a word: letters, digits, combining marks and the
/// joiners and selectors that belong to the previous character.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    if matches!(c, '\u{2000}'..='\u{206F}') {
        // General Punctuation (the curly quotes, dashes and spaces of news
        // text) has no letters or digits: skip the Unicode tables.
        return is_mark(c);
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks, variation selectors, zero-width joiners and emoji
/// modifiers: characters that never start a token and attach to the one
/// before.
#[inline]
pub fn is_mark(c: char) -> bool {
    let u = c as u32;
    if u < 0x0300 {
        // ASCII and Latin letters: below the first range.
        return false;
    }
    matches!(u,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}

/// How a quote mark reads on its own, before context decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteShape {
    /// Only ever opens: “ ‘ „ ‚ « ‹ 「 『.
    Opening,
    /// Only ever closes: ” » › 」 』 (’ is handled as an apostrophe first).
    Closing,
    /// Either, by position: " ' ’ and the backtick-like ‛ ‟.
    Ambiguous,
}

/// The quote shape of `c`, if it is a quote mark.
#[inline]
pub fn quote_shape(c: char) -> Option<QuoteShape> {
    match c {
        '\u{201C}' | '\u{2018}' | '\u{201E}' | '\u{201A}' | '\u{00AB}' | '\u{2039}'
        | '\u{300C}' | '\u{300E}' => Some(QuoteShape::Opening),
        '\u{201D}' | '\u{00BB}' | '\u{203A}' | '\u{300D}' | '\u{300F}' => Some(QuoteShape::Closing),
        '"' | '\'' | '\u{2019}' | '\u{201B}' | '\u{201F}' | '`' => Some(QuoteShape::Ambiguous),
        _ => None,
    }
}

/// Whether `c` is an apostrophe that may join a clitic or a name ("don't",
/// "O'Neill", "Assad’s").
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Dashes that separate clauses: en dash, em dash, figure dash, horizontal
/// bar, two-em and three-em dashes, and the minus sign used as a dash.
#[inline]
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2E3A}' | '\u{2E3B}' | '\u{2212}'
    )
}

/// Hyphen characters that may join the parts of a compound.
#[inline]
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Bullets that open list items.
#[inline]
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '\u{2022}' | '\u{2023}' | '\u{2043}' | '\u{25E6}' | '\u{25AA}' | '\u{25CF}' | '\u{00B7}'
    )
}

/// Sentence-final punctuation characters.
#[inline]
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '?'
            | '!'
            | '\u{2026}'
            | '\u{203C}'
            | '\u{2047}'
            | '\u{2048}'
            | '\u{2049}'
            | '\u{3002}'
    )
}

/// Symbols (as opposed to punctuation): currency, math, and other signs.
#[inline]
pub fn is_symbol(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            '$' | '%' | '&' | '+' | '<' | '=' | '>' | '^' | '|' | '~' | '#' | '@' | '*' | '\\'
        );
    }
    let u = c as u32;
    // Latin-1 signs, currency, letterlike, arrows, math, technical, shapes,
    // dingbats, emoji and pictographs.
    matches!(u, 0x00A2..=0x00A9 | 0x00AC | 0x00AE..=0x00B1 | 0x00B4 | 0x00B5 | 0x00B8 | 0x00D7 | 0x00F7
        | 0x20A0..=0x20CF | 0x2100..=0x214F | 0x2190..=0x23FF | 0x2500..=0x27BF
        | 0x2900..=0x2BFF | 0x1F000..=0x1FAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_ascii_bullets_or_marks() {
        for c in '\0'..='\u{7F}' {
            assert!(!is_bullet(c) && !is_mark(c), "{c:?}");
        }
    }

    #[test]
    fn general_punctuation_fast_path_agrees_with_unicode() {
        for c in '\u{2000}'..='\u{206F}' {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_mark(c), "{c:?}");
        }
    }
}
