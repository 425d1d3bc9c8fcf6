//! Sentence boundaries, decided over the token sequence.
//!
//! A boundary falls after a sentence-final group (terminal punctuation with
//! the closing quotes and brackets that follow it) when the next word opens a
//! sentence, before a bullet or the next item of a numbered list, and at
//! every paragraph break. Abbreviations end a sentence only before a word that
//! opens sentences (see `data/abbreviations.txt` and
//! `data/sentence_starters.txt`).

use crate::chars;
use crate::tables::{AbbreviationClass, Tables};
use crate::{Sentence, Token, TokenKind};

#[inline] // asked of every token: the kind test first, without a call
fn is_terminal_punct(t: &Token<'_>) -> bool {
    if t.kind != TokenKind::Punctuation {
        return false;
    }
    match t.text.as_bytes().first() {
        // An ASCII mark other than . ? ! (commas, brackets): not terminal.
        Some(&b) if b < 0x80 && !matches!(b, b'.' | b'?' | b'!') => false,
        _ => t.text.chars().all(chars::is_terminal),
    }
}

/// Whether a token can neither end a sentence nor open a list item or a
/// sentence of its own: not an abbreviation, not terminal punctuation,
/// not a bullet (every bullet and terminal mark but . ? ! is outside
/// ASCII).
#[inline]
fn ends_nothing(t: &Token<'_>) -> bool {
    match t.kind {
        TokenKind::Abbreviation => false,
        TokenKind::Punctuation => t
            .text
            .as_bytes()
            .first()
            .is_some_and(|&b| b < 0x80 && !matches!(b, b'.' | b'?' | b'!')),
        _ => true,
    }
}

fn is_closer(t: &Token<'_>) -> bool {
    t.kind == TokenKind::CloseQuote || matches!(t.text, ")" | "]" | "}")
}

fn is_opener(t: &Token<'_>) -> bool {
    t.kind == TokenKind::OpenQuote || matches!(t.text, "(" | "[" | "{")
}

fn is_bullet(t: &Token<'_>) -> bool {
    // Every bullet is outside ASCII: an ASCII first byte rules one out
    // without decoding.
    t.kind == TokenKind::Punctuation
        && t.text.as_bytes().first().is_some_and(|&b| b >= 0x80)
        && t.text.chars().next().is_some_and(chars::is_bullet)
}

/// The value of a list marker at `i` ("3" in "3. ", "3) ", "3.) "; "b" in
/// "b. "), counting letters from 1.
fn list_marker(tokens: &[Token<'_>], i: usize) -> Option<u32> {
    let t = &tokens[i];
    let value = match t.kind {
        TokenKind::Number if t.text.len() <= 2 => t.text.parse::<u32>().ok()?,
        TokenKind::Word if t.text.len() == 1 && t.text.as_bytes()[0].is_ascii_lowercase() => {
            u32::from(t.text.as_bytes()[0] - b'a') + 1
        }
        _ => return None,
    };
    let next = tokens.get(i + 1)?;
    if next.space_before || !matches!(next.text, "." | ")") {
        return None;
    }
    let mut k = i + 2;
    if next.text == "."
        && tokens
            .get(k)
            .is_some_and(|t| t.text == ")" && !t.space_before)
    {
        k += 1;
    }
    let after = tokens.get(k)?;
    (after.space_before && after.paragraph == t.paragraph).then_some(value)
}

/// First alphanumeric character of the word that follows position `j`,
/// looking through opening quotes and brackets; and whether any were passed.
fn next_word<'a, 't>(tokens: &'a [Token<'t>], mut j: usize) -> (Option<&'a Token<'t>>, bool) {
    let mut opened = false;
    while let Some(t) = tokens.get(j) {
        if is_opener(t) {
            opened = true;
            j += 1;
        } else {
            return (Some(t), opened);
        }
    }
    (None, opened)
}

/// Whether the whitespace between `a` and `b` is wide: a line break, or two
/// or more spacing characters (the sentence spacing of typed text).
fn wide_gap(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = text.get(a.span.end..b.span.start).unwrap_or("");
    gap.contains('\n') || gap.chars().nth(1).is_some()
}

/// Whether a line break between tokens `i - 1` and `i` ends a heading line
/// (a headline, byline or dateline set on its own line with a single line
/// break): the line since the sentence start has at most 12 tokens, no
/// final punctuation, at least two words and most of them capitalized, and
/// the next line opens with a capital or a quote mark.
fn heading_line_ends(text: &str, tokens: &[Token<'_>], start: usize, i: usize) -> bool {
    if i - start > 12 {
        return false;
    }
    let (prev, next) = (&tokens[i - 1], &tokens[i]);
    if !line_break_between(text, prev, next) {
        return false;
    }
    // Only the line just ended counts: tokens after the last line break.
    let line_start = (start..i)
        .rev()
        .find(|&k| k > start && line_break_between(text, &tokens[k - 1], &tokens[k]))
        .unwrap_or(start);
    let line = &tokens[line_start..i];
    if prev.kind == TokenKind::Punctuation || prev.kind == TokenKind::OpenQuote {
        return false;
    }
    let (mut words, mut capitalized) = (0usize, 0usize);
    for t in line {
        if let Some(c) = t.text.chars().next()
            && c.is_alphabetic()
        {
            words += 1;
            capitalized += usize::from(c.is_uppercase());
        }
    }
    let opens = next.text.starts_with(char::is_uppercase) || next.kind == TokenKind::OpenQuote;
    words >= 2 && capitalized * 10 >= words * 6 && opens
}

/// Whether the whitespace between `a` and `b` holds a line break.
#[inline]
fn line_break_between(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    // Spans are character boundaries, and `\n` is never part of a longer
    // UTF-8 sequence, so a byte search sees the same gap as a `str` one.
    // The commonest gap, one space, is one byte to read.
    let bytes = text.as_bytes();
    match b.span.start.checked_sub(a.span.end) {
        None | Some(0) => false,
        Some(1) => bytes.get(a.span.end) == Some(&b'\n'),
        Some(_) => bytes
            .get(a.span.end..b.span.start)
            .is_some_and(|g| g.contains(&b'\n')),
    }
}

/// Whether a sentence break falls before token `i` whatever precedes it: a
/// paragraph break, a bullet, the next item of the list whose `marker`
/// opened the sentence, or the end of a heading line.
#[inline]
fn breaks_before(
    text: &str,
    tokens: &[Token<'_>],
    start: usize,
    i: usize,
    marker: Option<u32>,
) -> bool {
    let t = &tokens[i];
    let para = t.paragraph != tokens[i - 1].paragraph;
    let bullet = is_bullet(t);
    let next_item = marker.is_some_and(|m| list_marker(tokens, i).is_some_and(|v| v == m + 1));
    // The cheap tests of `heading_line_ends` first, without a call.
    let heading = !para
        && i - start <= 12
        && line_break_between(text, &tokens[i - 1], t)
        && heading_line_ends(text, tokens, start, i);
    para || bullet || next_item || heading
}

/// What a period at `i` that starts a run of spaced periods (". . .") is.
enum Dots {
    /// Fewer than three: an ordinary period.
    Single,
    /// An ellipsis inside a sentence; the scan resumes at the token given.
    Inside(usize),
    /// "compounds. . . . The": the first period ends the sentence and the
    /// ellipsis opens the next one; the scan resumes after it, at the token
    /// given.
    BreakAfterFirst(usize),
    /// A final ellipsis, a terminal group that ends before the token given.
    Group(usize),
}

#[inline]
fn spaced_dots(tokens: &[Token<'_>], start: usize, i: usize) -> Dots {
    let t = &tokens[i];
    let mut k = i + 1;
    // An ellipsis never runs over a paragraph break (the break ends the
    // sentence whatever the periods around it).
    while k < tokens.len()
        && tokens[k].text == "."
        && tokens[k].space_before
        && tokens[k].paragraph == t.paragraph
    {
        k += 1;
    }
    let dots = k - i;
    if dots < 3 {
        return Dots::Single;
    }
    let attached = !t.space_before && i > start;
    let (w, _) = next_word(tokens, k);
    let capital =
        w.is_some_and(|w| w.paragraph == t.paragraph && w.text.starts_with(char::is_uppercase));
    if attached && dots == 4 && capital {
        Dots::BreakAfterFirst(k)
    } else if dots == 3 {
        Dots::Inside(k)
    } else {
        Dots::Group(k)
    }
}

/// Whether the terminal group of token `i` (an abbreviation or terminal
/// punctuation), which ends before token `g`, ends the sentence that began
/// at `start`, given the next word `w` (after opening marks if `opened`).
#[allow(clippy::too_many_arguments)]
#[inline]
fn group_ends(
    text: &str,
    tokens: &[Token<'_>],
    tables: &Tables,
    start: usize,
    i: usize,
    g: usize,
    more_terminals: bool,
    (w, opened): (&Token<'_>, bool),
) -> bool {
    let t = &tokens[i];
    let first = w.text.chars().next().unwrap_or(' ');
    let class = if t.kind == TokenKind::Abbreviation && !more_terminals {
        let word = t.text.strip_suffix('.').unwrap_or(t.text);
        Some(
            tables
                .abbreviation(word)
                .unwrap_or(AbbreviationClass::Plain),
        )
    } else {
        None
    };
    if class != Some(AbbreviationClass::Title) && wide_gap(text, &tokens[g - 1], &tokens[g]) {
        // "… don't tell val.  the following weekend": sentence spacing
        // or a line break after terminal punctuation ends the sentence.
        true
    } else if first.is_lowercase() {
        false
    } else if first.is_uppercase() {
        let Some(class) = class else {
            return true;
        };
        let starter = tables.is_starter(w.text);
        match class {
            AbbreviationClass::Title => false,
            AbbreviationClass::Final => {
                let short = i - start < 3;
                starter
                    || (!short
                        && w.kind == TokenKind::Abbreviation
                        && tables.abbreviation(w.text.trim_end_matches('.'))
                            == Some(AbbreviationClass::Title))
            }
            _ => starter,
        }
    } else {
        // Digits and symbols continue the sentence unless quoted.
        opened && !first.is_numeric()
    }
}

/// The first token from `i` (in the sentence that began at `start`, past
/// its first two tokens and outside a list item) that the splitter must
/// look at: the tokens before it are words, numbers or marks that end
/// nothing (not an abbreviation, terminal punctuation or a bullet), on the
/// paragraph and line of the token before (or past the first 12 tokens,
/// where no heading line ends). Nothing applies to them: no break before
/// one, no list marker, no break after one.
#[inline]
fn pass_inside(text: &str, tokens: &[Token<'_>], start: usize, mut i: usize) -> usize {
    let paragraph = tokens[i - 1].paragraph;
    let passed = |t: &Token<'_>| ends_nothing(t) && t.paragraph == paragraph;
    // Within the first 12 tokens a line break may end a heading.
    while i - start <= 12
        && let Some(t) = tokens.get(i)
        && passed(t)
        && (!t.space_before || !line_break_between(text, &tokens[i - 1], t))
    {
        i += 1;
    }
    if i - start > 12 {
        let rest = tokens.get(i..).unwrap_or_default();
        i += rest.iter().take_while(|t| passed(t)).count();
    }
    i
}

pub(crate) fn split(text: &str, tokens: &[Token<'_>], tables: &Tables, out: &mut Vec<Sentence>) {
    let n = tokens.len();
    let mut start = 0;
    // The list marker that opens the current sentence, if any.
    let mut marker: Option<u32> = None;
    let mut marker_at = usize::MAX;
    let mut i = 0;
    let close = |out: &mut Vec<Sentence>, s: usize, e: usize| {
        if e > s {
            out.push(Sentence {
                span: tokens[s].span.start..tokens[e - 1].span.end,
                tokens: s..e,
                paragraph: tokens[s].paragraph,
            });
        }
    };
    while i < n {
        // Inside a sentence past its first two tokens and outside a list
        // item, most tokens are passed over at once.
        if i > start + 1 && marker.is_none() {
            i = pass_inside(text, tokens, start, i);
            if i >= n {
                break;
            }
        }
        let t = &tokens[i];
        if i > start && breaks_before(text, tokens, start, i, marker) {
            close(out, start, i);
            start = i;
            marker = None;
        }
        let at_start = i == start || (i == start + 1 && is_bullet(&tokens[start]));
        if at_start && let Some(v) = list_marker(tokens, i) {
            marker = Some(v);
            marker_at = i;
        }
        // Breaks after token i.
        if !(t.kind == TokenKind::Abbreviation || is_terminal_punct(t)) {
            i += 1;
            continue;
        }
        // The period of a list marker ("1. The first item").
        if marker.is_some() && i.checked_sub(1) == Some(marker_at) {
            i += 1;
            continue;
        }
        let mut g = i + 1;
        if t.text == "." {
            match spaced_dots(tokens, start, i) {
                Dots::Single => {}
                Dots::Inside(k) => {
                    i = k;
                    continue;
                }
                Dots::BreakAfterFirst(k) => {
                    close(out, start, i + 1);
                    start = i + 1;
                    marker = None;
                    i = k;
                    continue;
                }
                Dots::Group(k) => g = k,
            }
        }
        // Closing quotes and brackets, and more terminal marks, stay with it.
        let mut more_terminals = false;
        while g < n
            && tokens[g].paragraph == t.paragraph
            && (is_closer(&tokens[g]) || (is_terminal_punct(&tokens[g]) && !tokens[g].space_before))
        {
            more_terminals |= is_terminal_punct(&tokens[g]);
            g += 1;
        }
        if g >= n {
            break;
        }
        let (w, opened) = next_word(tokens, g);
        let Some(w) = w else {
            // Only opening marks follow: nothing to decide here.
            i = g;
            continue;
        };
        if w.paragraph != t.paragraph {
            // The paragraph rule closes it.
            i = g;
            continue;
        }
        if group_ends(
            text,
            tokens,
            tables,
            start,
            i,
            g,
            more_terminals,
            (w, opened),
        ) {
            close(out, start, g);
            start = g;
            marker = None;
        }
        i = g;
    }
    close(out, start, n);
}
