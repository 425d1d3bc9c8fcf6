//! Pairing quote marks into quoted spans, in one pass over the tokens.
//!
//! Double marks (straight, curly, guillemets, `''`) pair at the top level;
//! single marks pair only outside double ones (inside they are nested
//! quotes and belong to the outer quotation). A quotation may run over
//! several paragraphs when each new paragraph opens with a quote mark, news
//! style. A quotation still open at the end of its paragraph (when the next
//! paragraph does not reopen it) or at the end of the text is kept, marked
//! unclosed; an opening mark inside an open quotation of the same paragraph
//! ends the unclosed one there. Stray closing marks are ignored.

use newsnlp_tokenize::{Token, TokenKind};

/// A quoted stretch of tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// Index of the opening mark.
    pub open: usize,
    /// Index of the closing mark, if there is one.
    pub close: Option<usize>,
    /// Index one past the last token inside (the closing mark's index, or
    /// the end of the stretch for an unclosed quotation).
    pub end: usize,
    /// Whether it runs over more than one paragraph.
    pub paragraphs: u32,
    /// Whether it is made of single marks.
    pub single: bool,
}

impl Quoted {
    /// Byte span of the text between the marks.
    pub fn content(&self, toks: &[Token<'_>]) -> std::ops::Range<usize> {
        let start = toks[self.open].span.end;
        let end = match self.close {
            Some(c) => toks[c].span.start,
            None => toks[self.end.saturating_sub(1).max(self.open)].span.end,
        };
        start..end.max(start)
    }

    /// Number of word and number tokens inside.
    pub fn words(&self, toks: &[Token<'_>]) -> usize {
        toks[self.open + 1..self.end]
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count()
    }
}

fn is_single(t: &Token<'_>) -> bool {
    matches!(t.text, "'" | "‘" | "’" | "‚" | "‹" | "›" | "`")
}

/// Pairs the quote marks of `toks`. Returns the quotations in order and,
/// for every token, the index of the top-level quotation holding it (the
/// marks included), or `u32::MAX`.
pub(crate) fn pair(toks: &[Token<'_>]) -> (Vec<Quoted>, Vec<u32>) {
    let mut out: Vec<Quoted> = Vec::new();
    let mut owner = vec![u32::MAX; toks.len()];
    // Open double quotation: (opening index, paragraphs so far).
    let mut double: Option<(usize, u32)> = None;
    let mut single: Option<usize> = None;
    let push = |out: &mut Vec<Quoted>, q: Quoted| out.push(q);
    let mut prev_paragraph = None;
    for (i, t) in toks.iter().enumerate() {
        let new_paragraph = prev_paragraph.is_some_and(|p| p != t.paragraph);
        prev_paragraph = Some(t.paragraph);
        if !new_paragraph && !t.is_quote() {
            continue;
        }
        if new_paragraph {
            single = None;
            if let Some((o, paras)) = double {
                if t.kind == TokenKind::OpenQuote && !is_single(t) {
                    // News style: the quotation goes on in this paragraph.
                    double = Some((o, paras + 1));
                    continue;
                }
                push(&mut out, unclosed(o, i, paras));
                double = None;
            }
        }
        if !t.is_quote() {
            continue;
        }
        if is_single(t) {
            if double.is_some() {
                continue;
            }
            match (t.kind, single) {
                (TokenKind::OpenQuote, _) => single = Some(i),
                (TokenKind::CloseQuote, Some(o)) => {
                    // Single marks only pair within a short stretch: farther
                    // apart they are more likely apostrophes.
                    if i - o <= 80 {
                        push(
                            &mut out,
                            Quoted {
                                open: o,
                                close: Some(i),
                                end: i,
                                paragraphs: 1,
                                single: true,
                            },
                        );
                    }
                    single = None;
                }
                _ => {}
            }
            continue;
        }
        match (t.kind, double) {
            (TokenKind::OpenQuote, None) => {
                double = Some((i, 1));
                single = None;
            }
            (TokenKind::OpenQuote, Some((o, paras))) => {
                push(&mut out, unclosed(o, i, paras));
                double = Some((i, 1));
            }
            (TokenKind::CloseQuote, Some((o, paras))) => {
                push(
                    &mut out,
                    Quoted {
                        open: o,
                        close: Some(i),
                        end: i,
                        paragraphs: paras,
                        single: false,
                    },
                );
                double = None;
            }
            _ => {}
        }
    }
    if let Some((o, paras)) = double {
        out.push(unclosed(o, toks.len(), paras));
    }
    // Quotations come out in order of their ends; a single-mark one can
    // only end before the double one that follows it opens, so sorting by
    // opening restores document order.
    out.sort_by_key(|q| q.open);
    for (qi, q) in out.iter().enumerate() {
        let last = q.close.map_or(q.end, |c| c + 1).min(toks.len());
        for o in &mut owner[q.open..last] {
            *o = qi as u32;
        }
    }
    (out, owner)
}

/// A double quotation opened at token `o` that no mark closes before token
/// `end`, over `paragraphs` paragraphs.
fn unclosed(o: usize, end: usize, paragraphs: u32) -> Quoted {
    Quoted {
        open: o,
        close: None,
        end,
        paragraphs,
        single: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsnlp_tokenize::Tokenizer;

    fn spans(text: &str) -> Vec<(String, bool)> {
        let doc = Tokenizer::new().tokenize(text);
        let (qs, _) = pair(doc.tokens());
        qs.iter()
            .map(|q| (text[q.content(doc.tokens())].to_string(), q.close.is_some()))
            .collect()
    }

    #[test]
    fn pairs_marks() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("He said “yes” and “no”.", &[("yes", true), ("no", true)]),
            (
                "He said \"yes\" and \"no\".",
                &[("yes", true), ("no", true)],
            ),
            (
                "“One.\n\n“Two.\n\n“Three.” Me",
                &[("One.\n\n“Two.\n\n“Three.", true)],
            ),
            (
                "“Open and never closed\n\nNext.",
                &[("Open and never closed", false)],
            ),
            ("“A “B” c", &[("A", false), ("B", true)]),
            (
                "“He called it ‘fake’,” she said.",
                &[("He called it ‘fake’,", true)],
            ),
            ("The ‘Bear’ flew.", &[("Bear", true)]),
            ("” ” “", &[("", false)]),
        ];
        for (text, want) in cases {
            let got = spans(text);
            let want: Vec<(String, bool)> = want.iter().map(|(s, c)| (s.to_string(), *c)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
