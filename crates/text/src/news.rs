//! The layout of a news article that every layer must see the same way:
//! a dateline opening the first paragraph ("GENEVA —", "WASHINGTON
//! (Reuters) -", "LONDON, March 3 (AP) —") and a headline line (title case,
//! no final punctuation: "Union Vows Strike Over Pay Cuts").
//!
//! Neither is part of a sentence's grammar: a dateline's place is not the
//! subject of the clause after it, and a headline's capitalized verb is not
//! a reporting verb. Both functions read the text only (byte offsets into
//! it), so any layer can call them, on a line start it already knows.
//!
//! ```
//! use newsnlp_text::news::{dateline_end, is_headline};
//!
//! let text = "GENEVA — The agency said on Friday that talks had stalled.";
//! let end = dateline_end(text, 0).unwrap();
//! assert_eq!(&text[end..end + 10], "The agency");
//! assert!(is_headline("Union Vows Strike Over Pay Cuts"));
//! assert!(!is_headline("The union vowed a strike over pay cuts."));
//! ```

/// The longest dateline looked at, in bytes ("HEMPSTEAD, N.Y., Sept. 26
/// (UPI) —" is 33).
const MAX_DATELINE: usize = 80;

/// The longest headline, in bytes: [`is_headline`] says no to a longer
/// line, so a caller may cut what it passes a byte past this.
pub const MAX_HEADLINE: usize = 200;

/// Where the article text starts after a dateline that opens the line at
/// byte `line_start` of `text`: the byte after the dash and the spaces that
/// follow it; `None` when the line opens with no dateline (or
/// `line_start` is not a character boundary of `text`).
///
/// A dateline is a place whose first word is in capitals ("GENEVA", "LOS
/// ANGELES", "ST. LOUIS"), optionally followed by more of the place and a
/// date after commas ("N.Y., Sept. 26", "March 3") and a news agency in
/// parentheses ("(AP)", "(Reuters)"), then a dash (`—`, `–`, `-` or `--`).
///
/// ```
/// use newsnlp_text::news::dateline_end;
///
/// let text = "Headline\nWASHINGTON (Reuters) - The Senate voted.";
/// let end = dateline_end(text, 9).unwrap();
/// assert_eq!(&text[end..], "The Senate voted.");
/// assert_eq!(dateline_end("US officials — two of them — said so.", 0), None);
/// ```
pub fn dateline_end(text: &str, line_start: usize) -> Option<usize> {
    let rest = text.get(line_start..)?;
    let head = match rest.char_indices().nth(MAX_DATELINE) {
        Some((cut, _)) => &rest[..cut],
        None => rest,
    };
    let head = head.split('\n').next().unwrap_or(head);
    let lead = head.len() - head.trim_start().len();
    let mut words = head[lead..].split(' ');
    // The place opens in capitals.
    let first = words.next()?;
    let first_word = first.trim_end_matches(',');
    if first_word.chars().filter(|c| c.is_alphabetic()).count() < 2
        || first_word.chars().any(char::is_lowercase)
        || !first_word.starts_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let mut at = lead + first.len();
    let mut in_parens = false;
    for w in words {
        // Each word after the first is one more place or date word, a
        // parenthesized agency, or the dash that ends the dateline.
        let start = at + 1;
        at = start + w.len();
        if w.is_empty() {
            continue;
        }
        if !in_parens && matches!(w, "—" | "–" | "-" | "--" | "―") {
            let after = &rest[at..];
            return Some(line_start + at + (after.len() - after.trim_start().len()));
        }
        if w.starts_with('(') {
            in_parens = true;
        }
        if in_parens {
            in_parens = !w.ends_with(')');
            continue;
        }
        let ok = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !ok {
            return None;
        }
    }
    None
}

/// Whether `line` (one line of text, without its line break) is a
/// headline: at least three words of four letters or more, at least three
/// in four of them capitalized, and no final punctuation (a sentence ends
/// with a period; a headline does not). A line longer than 200 bytes is
/// never one.
///
/// ```
/// use newsnlp_text::news::is_headline;
///
/// assert!(is_headline("Talks Collapse as Ministers Trade Blame"));
/// assert!(!is_headline("Talks Collapse as Ministers Trade Blame."));
/// assert!(!is_headline("Ministers blamed each other for the collapse"));
/// ```
pub fn is_headline(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_HEADLINE {
        return false;
    }
    // Final punctuation, maybe inside closing quote marks.
    let last = line
        .trim_end_matches(['"', '”', '’', '\'', ')', '»'])
        .chars()
        .next_back();
    if last.is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | ',' | '…')) {
        return false;
    }
    let (mut words, mut caps) = (0, 0);
    for w in line.split_whitespace() {
        let letters = w.trim_matches(|c: char| !c.is_alphanumeric());
        if letters.chars().count() > 3 && letters.starts_with(char::is_alphabetic) {
            words += 1;
            caps += usize::from(letters.starts_with(char::is_uppercase));
        }
    }
    words >= 3 && caps * 4 >= words * 3
}

/// The line of `text` that starts at byte `line_start`, without its line
/// break (empty when `line_start` is not a character boundary).
///
/// ```
/// use newsnlp_text::news::line_at;
/// assert_eq!(line_at("Title\nBody text.", 6), "Body text.");
/// ```
pub fn line_at(text: &str, line_start: usize) -> &str {
    let rest = text.get(line_start..).unwrap_or("");
    rest.split('\n').next().unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let cases: &[(&str, Option<&str>)] = &[
            ("GENEVA — The agency said.", Some("The agency said.")),
            (
                "WASHINGTON (Reuters) - Lawmakers voted.",
                Some("Lawmakers voted."),
            ),
            ("LONDON, March 3 (AP) — Prices rose.", Some("Prices rose.")),
            (
                "HEMPSTEAD, N.Y., Sept. 26 (UPI) — A candidate left.",
                Some("A candidate left."),
            ),
            ("LOS ANGELES -- Fires spread.", Some("Fires spread.")),
            (
                "NAIROBI, Kenya — Rains came late.",
                Some("Rains came late."),
            ),
            ("The agency — a UN body — said so.", None),
            ("US officials — two of them — said so.", None),
            ("GENEVA is quiet — for now.", None),
            ("Geneva — The agency said.", None),
            ("A — B", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = dateline_end(text, 0).map(|e| &text[e..]);
            assert_eq!(got, *want, "{text}");
        }
        // Not at a character boundary: none, no panic.
        assert_eq!(dateline_end("É — x", 1), None);
        assert_eq!(dateline_end("x", 9), None);
    }

    #[test]
    fn headlines() {
        let cases: &[(&str, bool)] = &[
            ("Union Vows Strike Over Pay Cuts", true),
            ("Court Blocks Merger of Two Grocery Chains", true),
            ("Mayor Says ‘Enough’ to Budget Delays", true),
            ("Mayor Says Budget Delays Must End.", false),
            ("The mayor said the delays must end", false),
            ("By Jane Roe", false),
            ("Strike Looms", false),
            ("", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_headline(line), *want, "{line}");
        }
    }
}
